"""CSV: one row per initiative, sorted by id, for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..assessment import Assessment

COLUMNS = (
    "id",
    "name",
    "owner",
    "focus_area",
    "included",
    "segment",
    "recorded_segment",
    "segment_reason",
    "segment_differs_without_reason",
    "missing",
    "checklist_version",
)


def inert_cell(value: object) -> str:
    """Booleans as true/false, nothing as empty, and text that a spreadsheet would run as a formula made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_portfolio(assessments: Sequence[Assessment], version: str, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for a in sorted(assessments, key=lambda a: a.entry.id):
        i = a.entry.initiative
        d = a.decision
        row = (
            a.entry.id,
            i.name,
            i.owner,
            i.focus_area,
            d.included,
            d.segment,
            i.segment,
            i.segment_reason,
            a.unexplained,
            " ".join(d.missing),
            d.checklist_version,
        )
        writer.writerow([inert_cell(value) for value in row])
    return out.getvalue()
