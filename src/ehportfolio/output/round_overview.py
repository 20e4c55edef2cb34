"""The list `ehp status open` writes beside a round's forms (`oversikt.md`): who must report what by when."""

from __future__ import annotations

import datetime
import os

from ehportfolio.features.calendar import Round
from ehportfolio.features.roundforms import FIELD_WORDS, Form, FormInitiative
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.store.templates import md_escape


def who_reports(
    round_: Round,
    deadline: datetime.date,
    forms: list[Form],
    paths: list[str],
    filed: tuple[FormInitiative, ...],
    folder: str,
    lang: str,
) -> str:
    """Who must report what by when (`oversikt.md`), as a Markdown table: a row per initiative due, by owner, those
    that have filed already marked so; every name escaped, as the papers escape it."""
    rows = [
        (item, os.path.relpath(path, folder))
        for form, path in zip(forms, paths, strict=True)
        for item in form.initiatives
    ]
    for item in filed:  # an incomplete report is said to be so, as the calendar and the papers say it
        done = N_("status.open.filed_already") if item.filed == "reported" else N_("status.open.filed_incomplete")
        rows.append((item, text(lang, done)))
    lines = [
        "# " + text(lang, "status.open.overview_title", meeting=round_.label, round=round_.id),
        "",
        text(lang, "status.open.overview_intro", deadline=deadline.isoformat(), date=round_.date.isoformat()),
        "",
        "| " + " | ".join(text(lang, key) for key in _OVERVIEW_COLUMNS) + " |",
        "|" + "---|" * len(_OVERVIEW_COLUMNS),
    ]
    for item, form in sorted(rows, key=lambda row: (row[0].owner.casefold(), row[0].id)):
        fields = ", ".join(text(lang, FIELD_WORDS[f]) for f in item.fields)
        cells = (item.owner, form, item.id, item.name, segment_name(item.segment), fields, deadline.isoformat())
        lines.append("| " + " | ".join(md_escape(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"


_OVERVIEW_COLUMNS = (
    N_("status.open.col.owner"),
    N_("status.open.col.form"),
    N_("status.open.col.id"),
    N_("status.open.col.name"),
    N_("status.open.col.segment"),
    N_("status.open.col.fields"),
    N_("status.open.col.deadline"),
)
