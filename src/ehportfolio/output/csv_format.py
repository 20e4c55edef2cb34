"""CSV: one row per initiative, sorted by id, for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ehportfolio.features.assessment import Assessment
from ehportfolio.store.spreadsheet import inert_cell

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
    "stage",
    "effective_segment",
)


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
            a.state.stage,
            a.state.member_segment,
        )
        writer.writerow([inert_cell(value) for value in row])
    return out.getvalue()
