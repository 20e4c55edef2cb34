"""The portfolio as one table, a row per initiative sorted by id, with the checklist's decision beside what the file
records: as CSV, as JSON for publishing as open data, and as an Excel workbook. Pure: the command writes the result.

CSV and JSON use the same machine-friendly keys whatever the language; the workbook's header row is in the language
asked for, with words an `ehp import` of the workbook reads again.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from typing import Any

from ehportfolio.domain.goals import goals_of
from ehportfolio.domain.models import CHECKLIST_KEYS, Initiative
from ehportfolio.features.assessment import Assessment
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import segment_name, stage_name, status_name, text
from ehportfolio.store.portfolio import SETTINGS_FILE, Portfolio
from ehportfolio.store.spreadsheet import inert_cell as csv_cell

COLUMNS = (
    "id",
    "name",
    "owner",
    "focus_area",
    "status",
    "included",
    "checklist_segment",
    "recorded_segment",
    "segment_reason",
    "missing",
    "checklist_version",
    "stage",
    "segment",
    "description",
    "evidence",
    *CHECKLIST_KEYS,
    "dependencies",
    "history",
    "goals",  # after the others, so that tables read by position before it was added read the same
    "finances",  # likewise
    "phases",  # likewise
    "milestones",
    "user_groups",
)
TITLES = {
    "id": N_("export.col.id"),
    "name": N_("export.col.name"),
    "owner": N_("export.col.owner"),
    "focus_area": N_("export.col.focus_area"),
    "status": N_("export.col.status"),
    "included": N_("export.col.included"),
    "checklist_segment": N_("export.col.checklist_segment"),
    "recorded_segment": N_("export.col.recorded_segment"),
    "segment_reason": N_("export.col.segment_reason"),
    "missing": N_("export.col.missing"),
    "checklist_version": N_("export.col.checklist_version"),
    "stage": N_("export.col.stage"),
    "segment": N_("export.col.segment"),
    "description": N_("export.col.description"),
    "evidence": N_("export.col.evidence"),
    "dependencies": N_("export.col.dependencies"),
    "history": N_("export.col.history"),
    "digitalisation_essential": N_("export.col.digitalisation_essential"),
    "multiple_care_providers": N_("export.col.multiple_care_providers"),
    "reuse_potential": N_("export.col.reuse_potential"),
    "health_information_access": N_("export.col.health_information_access"),
    "broad_collaboration": N_("export.col.broad_collaboration"),
    "strong_samstyre_dependencies": N_("export.col.strong_samstyre_dependencies"),
    "exploratory": N_("export.col.exploratory"),
    "core_activity": N_("export.col.core_activity"),
    "cross_actor_coordination": N_("export.col.cross_actor_coordination"),
    "strategy_essential": N_("export.col.strategy_essential"),
    "goals": N_("export.col.goals"),
    "finances": N_("export.col.finances"),
    "phases": N_("export.col.phases"),
    "milestones": N_("export.col.milestones"),
    "user_groups": N_("export.col.user_groups"),
}
"""The title of each column, for the workbook's header row and the open data's `fields`."""
TYPES = {
    "included": "boolean",
    "goals": "array",
    "missing": "array",
    "history": "array",
    "finances": "array",
    "phases": "array",
    "milestones": "array",
    "user_groups": "array",
}
"""The type of each column in JSON, for the `fields` of the open data; the rest are strings (or null)."""

ENTRY_COLUMNS = ("history", "finances", "phases", "milestones")
"""The columns that hold a list of entries, each cell a JSON array (and an import writes them back as lists)."""

MAX_WIDTH = 60
"""The widest a workbook column is made, in characters; longer text wraps in the cell's own view."""


def export_rows(assessments: Sequence[Assessment]) -> list[dict[str, Any]]:
    """One record per initiative, sorted by id. `included` is true, false or null (undecided); `missing` lists the
    unanswered questions the decision still needs; `stage` and `segment` (the effective one, null unless a member)
    come from domain.state."""
    rows = []
    for a in sorted(assessments, key=lambda a: a.entry.id):
        initiative = a.entry.initiative
        decision = a.decision
        rows.append(
            {
                "id": a.entry.id,
                "name": initiative.name,
                "owner": initiative.owner,
                "focus_area": initiative.focus_area,
                "status": a.state.status,
                "included": decision.included,
                "checklist_segment": decision.segment,
                "recorded_segment": initiative.segment,
                "segment_reason": initiative.segment_reason,
                "missing": list(decision.missing),
                "checklist_version": decision.checklist_version,
                "stage": a.state.stage,
                "segment": a.state.member_segment,
                "description": initiative.description,
                "evidence": initiative.evidence,
                **_answers(initiative),
                "dependencies": ";".join(f"{d.id}={d.strength}" for d in initiative.dependencies) or None,
                "history": [h.model_dump(mode="json", by_alias=True, exclude_none=True) for h in initiative.history],
                "goals": list(goals_of(initiative)),
                "finances": [f.model_dump(mode="json", exclude_none=True) for f in initiative.finances],
                "phases": [p.model_dump(mode="json", exclude_none=True) for p in initiative.phases],
                "milestones": [m.model_dump(mode="json", exclude_none=True) for m in initiative.milestones],
                "user_groups": list(initiative.user_groups),
            }
        )
    return rows


def _answers(initiative: Initiative) -> dict[str, str | None]:
    """The checklist answers as the files write them: ja, nei, or nothing for unanswered."""
    answers = initiative.checklist
    return {
        key: None if (value := getattr(answers, key)) is None else "ja" if value else "nei" for key in CHECKLIST_KEYS
    }


def _cell_text(key: str, value: Any) -> Any:
    """A value as one cell of CSV or a workbook: `goals`, `missing` and `user_groups` space-separated; `history`,
    `finances`, `phases` and `milestones` a JSON array (empty when none)."""
    if key in ("goals", "missing", "user_groups"):
        return " ".join(value or ())
    if key in ENTRY_COLUMNS:
        return json.dumps(value, ensure_ascii=False) if value else None
    return value


def render_csv(rows: Sequence[dict[str, Any]]) -> str:
    """CSV with the keys as its header; `missing` space-separated, and text a spreadsheet would run made inert."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(_cell_text(k, row[k])) for k in COLUMNS])
    return out.getvalue()


def metadata(portfolio: Portfolio, generator: str) -> dict[str, Any]:
    """What the table was made from: the portfolio's name and year, its checklist and taxonomy, the register of
    national solutions that a dependency's id may name, and the files read, named inside the portfolio directory. No
    clock time and no absolute path, so that the same files give the same output anywhere."""
    context = portfolio.context
    settings = context.settings
    sources = []
    if settings is not None:
        named = (settings.taxonomy, settings.actors, settings.solutions, settings.user_groups)
        sources = [SETTINGS_FILE, *(name for name in named if name)]
    sources += [os.path.relpath(entry.path, portfolio.root).replace(os.sep, "/") for entry in portfolio.entries]
    return {
        "name": settings.name if settings else None,
        "year": settings.year if settings else None,
        "checklist_version": context.checklist.version,
        "taxonomy": context.taxonomy.name if context.taxonomy else None,
        "solutions": [{"id": s.id, "name": s.name, "kind": s.kind} for s in context.solutions],
        "generator": generator,
        "sources": sources,
    }


def fields(lang: str) -> list[dict[str, str]]:
    """The columns described, in the manner of a Frictionless Table Schema: name, title and type."""
    return [{"name": key, "title": text(lang, TITLES[key]), "type": TYPES.get(key, "string")} for key in COLUMNS]


def render_json(rows: Sequence[dict[str, Any]], meta: dict[str, Any], lang: str) -> str:
    """`{...metadata, "fields": [...], "initiatives": [...]}`, one initiative a line: valid JSON, easy to diff."""
    head = json.dumps({**meta, "fields": fields(lang)}, ensure_ascii=False, indent=2)
    lines = ",\n".join("    " + json.dumps(row, ensure_ascii=False) for row in rows)
    body = f'"initiatives": [\n{lines}\n  ]' if rows else '"initiatives": []'
    return head[: -len("\n}")] + f",\n  {body}\n}}\n"


def _sheet_value(key: str, value: Any, lang: str) -> Any:
    if key == "included":
        return text(lang, "result.undecided") if value is None else (text(lang, "yes") if value else text(lang, "no"))
    if key in ("checklist_segment", "recorded_segment", "segment"):
        return segment_name(value) if value else None
    if key == "stage":
        return stage_name(value, lang)
    if key == "status":
        return status_name(value, lang)
    if key in ("goals", "missing"):
        return ", ".join(value or ()) or None
    return _cell_text(key, value)


def render_xlsx(rows: Sequence[dict[str, Any]], lang: str) -> bytes:
    """A workbook with one sheet: a bold, frozen header row in the language asked for, a filter, and widths to fit.

    Every text is stored as text, never as a formula or an error value, whatever it starts with."""
    import openpyxl  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = text(lang, "export.sheet")
    table = [[text(lang, TITLES[key]) for key in COLUMNS]]
    table += [[_sheet_value(key, row[key], lang) for key in COLUMNS] for row in rows]
    widths = [0] * len(COLUMNS)
    bold = Font(bold=True)
    for r, values in enumerate(table, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.value = value
                cell.data_type = "s"  # openpyxl would take "=…" for a formula and "#N/A" for an error
                widths[c - 1] = max(widths[c - 1], len(value))
            else:
                cell.value = value
            if r == 1:
                cell.font = bold
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = min(max(width, 6), MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
