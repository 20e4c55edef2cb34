"""Plain text of `ehp diff`: what changed between two revisions, section by section; and the wording Markdown shares."""

from __future__ import annotations

from collections.abc import Callable

from ehportfolio.features.changes import (
    ANSWERS,
    CHECKLIST,
    FROM_CHECKLIST,
    Change,
    Changes,
    FieldChange,
    InitiativeAt,
    SegmentChange,
)
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import answer_word, segment_name, stage_name, text

COUNTS = {
    "added": N_("diff.count.added"),
    "removed": N_("diff.count.removed"),
    "inclusion": N_("diff.count.inclusion"),
    "stage": N_("diff.count.stage"),
    "segment": N_("diff.count.segment"),
    "result": N_("diff.count.result"),
    "answers": N_("diff.count.answers"),
    "other": N_("diff.count.other"),
    "skipped": N_("diff.count.skipped"),
}


FIELDS = {
    "name": N_("diff.field.name"),
    "owner": N_("diff.field.owner"),
}


def revision_label(revision: str | None, lang: str) -> str:
    return revision if revision is not None else text(lang, "diff.working_tree")


def title(changes: Changes, lang: str) -> str:
    return text(
        lang,
        "diff.title",
        base=revision_label(changes.base.revision, lang),
        head=revision_label(changes.head.revision, lang),
    )


def summary(changes: Changes, lang: str) -> str:
    """One line of counts, naming only the kinds of change there are."""
    parts = [text(lang, COUNTS[kind], count=count) for kind, count in changes.counts().items() if count]
    if changes.empty:
        return text(lang, "diff.none") + (f" ({', '.join(parts)})" if parts else "")
    return text(lang, "diff.summary", counts=", ".join(parts))


def inclusion_word(included: bool | None, lang: str) -> str:
    if included is None:
        return text(lang, "result.undecided")
    return text(lang, "diff.in") if included else text(lang, "diff.out")


def segment_label(state: InitiativeAt, lang: str) -> str:
    """The effective segment, saying so when it is the checklist's result; out or undecided when there is none."""
    if state.segment is None:
        return result_label(state, lang)
    name = segment_name(state.segment)
    return text(lang, "diff.from_checklist", segment=name) if state.source == FROM_CHECKLIST else name


def stage_label(state: InitiativeAt, lang: str) -> str:
    """The stage, with the segment where there is one: «med i porteføljen (Samstyre)», «utenfor»."""
    name = stage_name(state.stage, lang)
    return f"{name} ({segment_label(state, lang)})" if state.segment else name


def result_label(state: InitiativeAt, lang: str) -> str:
    """The checklist's result: a segment, out, or undecided."""
    if state.result:
        return segment_name(state.result)
    return inclusion_word(False if state.included is False else None, lang)


def cause(change: SegmentChange, lang: str, escape: Callable[[str], str] = str) -> str:
    """Why the segment changed; `escape` makes the recorded reason (user text) safe for the output format."""
    if change.cause == ANSWERS:
        return text(lang, "diff.cause.answers")
    if change.cause == CHECKLIST:
        return text(lang, "diff.cause.checklist", before=change.before.version, after=change.after.version)
    if change.reason:
        return text(lang, "diff.cause.decision", reason=escape(change.reason))
    if change.agrees:
        return text(lang, "diff.cause.decision_agrees")
    return text(lang, "diff.cause.decision_no_reason")


def field_name(field: str, lang: str) -> str:
    return text(lang, FIELDS[field])


def render_changes(changes: Changes, lang: str) -> str:
    lines = [title(changes, lang), summary(changes, lang)]

    def section(key: str, rows: list[str]) -> None:
        if rows:
            lines.extend(["", text(lang, key), *rows])

    def who(state: InitiativeAt) -> str:
        return f"  {state.id} ({state.name})"

    def listed(state: InitiativeAt) -> str:
        words = [inclusion_word(state.included, lang)]
        if state.segment:
            words.append(segment_label(state, lang))
        return f"{who(state)}: {', '.join(words)}"

    def included(change: Change) -> str:
        return f"{inclusion_word(change.before.included, lang)} → {inclusion_word(change.after.included, lang)}"

    def moved(change: SegmentChange) -> str:
        return f"{segment_label(change.before, lang)} → {segment_label(change.after, lang)}; {cause(change, lang)}"

    def kept(change: Change) -> str:
        before, after = result_label(change.before, lang), result_label(change.after, lang)
        return f"{segment_label(change.after, lang)}; {text(lang, 'diff.checklist_result', before=before, after=after)}"

    def renamed(change: FieldChange) -> str:
        field = field_name(change.field, lang)
        return text(lang, "diff.field_change", field=field, before=change.old, after=change.new)

    section(N_("diff.added"), [listed(s) for s in changes.added])
    section(N_("diff.removed"), [listed(s) for s in changes.removed])
    section(N_("diff.inclusion"), [f"{who(c.after)}: {included(c)}" for c in changes.inclusion])
    section(
        N_("diff.stage"),
        [f"{who(c.after)}: {stage_label(c.before, lang)} → {stage_label(c.after, lang)}" for c in changes.stage],
    )
    section(N_("diff.segment"), [f"{who(c.after)}: {moved(c)}" for c in changes.segment])
    section(N_("diff.result"), [f"{who(c.after)}: {kept(c)}" for c in changes.result])
    answer_rows: list[str] = []
    for change in changes.answers:
        answer_rows.append(who(change.after))
        answer_rows += [
            f"    {a.question}: {answer_word(lang, a.before)} → {answer_word(lang, a.after)}" for a in change.answers
        ]
    section(N_("diff.answers"), answer_rows)
    section(N_("diff.other"), [f"{who(c.after)}: {renamed(c)}" for c in changes.other])
    section(N_("diff.skipped"), [f"  {ident}" for ident in changes.skipped])
    return "\n".join(lines) + "\n"
