"""Markdown of `ehp diff`, a comment ready to post on a pull request, rendered from templates/diff.md.j2.

The template lays out a heading, the count line and a table per kind of change that has any; the cells are worded here,
with every piece of user text (names, owners, reasons, revisions) escaped.
"""

from __future__ import annotations

from typing import Any

from ehportfolio.features.changes import Changes, InitiativeAt
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import answer_word, text
from ehportfolio.output.diff_text import (
    cause,
    field_name,
    inclusion_word,
    result_label,
    revision_label,
    segment_label,
    stage_label,
    summary,
)

COLUMNS = {
    "initiative": N_("diff.col.initiative"),
    "inclusion": N_("diff.col.inclusion"),
    "before": N_("diff.col.before"),
    "after": N_("diff.col.after"),
    "why": N_("diff.col.why"),
    "checklist_before": N_("diff.col.checklist_before"),
    "checklist_after": N_("diff.col.checklist_after"),
    "question": N_("diff.col.question"),
    "field": N_("diff.col.field"),
}


def render_changes(changes: Changes, lang: str) -> str:
    from ehportfolio.store.templates import environment, md_escape

    def who(state: InitiativeAt) -> str:
        return f"{md_escape(state.name)} (`{state.id}`)"

    def listed(state: InitiativeAt) -> list[str]:
        segment = segment_label(state, lang) if state.segment else "–"
        return [who(state), inclusion_word(state.included, lang), segment]

    def col(*keys: str) -> list[str]:
        return [text(lang, COLUMNS[key]) for key in keys]

    segment_col = text(lang, "segment")
    tables = [
        (
            N_("diff.added"),
            [*col("initiative", "inclusion"), segment_col],
            [listed(s) for s in changes.added],
        ),
        (
            N_("diff.removed"),
            [*col("initiative", "inclusion"), segment_col],
            [listed(s) for s in changes.removed],
        ),
        (
            N_("diff.inclusion"),
            col("initiative", "before", "after"),
            [
                [who(c.after), inclusion_word(c.before.included, lang), inclusion_word(c.after.included, lang)]
                for c in changes.inclusion
            ],
        ),
        (
            N_("diff.stage"),
            col("initiative", "before", "after"),
            [[who(c.after), stage_label(c.before, lang), stage_label(c.after, lang)] for c in changes.stage],
        ),
        (
            N_("diff.segment"),
            col("initiative", "before", "after", "why"),
            [
                [who(c.after), segment_label(c.before, lang), segment_label(c.after, lang), cause(c, lang, md_escape)]
                for c in changes.segment
            ],
        ),
        (
            N_("diff.result"),
            [*col("initiative"), segment_col, *col("checklist_before", "checklist_after")],
            [
                [who(c.after), segment_label(c.after, lang), result_label(c.before, lang), result_label(c.after, lang)]
                for c in changes.result
            ],
        ),
        (
            N_("diff.answers"),
            col("initiative", "question", "before", "after"),
            [
                [who(c.after), f"`{a.question}`", answer_word(lang, a.before), answer_word(lang, a.after)]
                for c in changes.answers
                for a in c.answers
            ],
        ),
        (
            N_("diff.other"),
            col("initiative", "field", "before", "after"),
            [[who(c.after), field_name(c.field, lang), md_escape(c.old), md_escape(c.new)] for c in changes.other],
        ),
        (N_("diff.skipped"), [], [[md_escape(ident)] for ident in changes.skipped]),
    ]
    sections: list[dict[str, Any]] = [
        {"heading": text(lang, key), "columns": columns, "rows": rows} for key, columns, rows in tables if rows
    ]
    context = {
        "title": text(
            lang,
            N_("diff.title"),
            base=md_escape(revision_label(changes.base.revision, lang)),
            head=md_escape(revision_label(changes.head.revision, lang)),
        ),
        "summary": summary(changes, lang),
        "sections": sections,
    }
    return environment().get_template("diff.md.j2").render(context)
