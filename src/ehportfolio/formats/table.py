"""The portfolio as rich tables grouped by segment, with counts. The only module that imports rich."""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..assessment import Assessment
from ..fieldtypes import SEGMENTS
from ..messages import segment_name, text

OUT = "out"
UNDECIDED = "undecided"


def group_of(assessment: Assessment) -> str:
    decision = assessment.decision
    if decision.included is False:
        return OUT
    return decision.segment or UNDECIDED


def group_title(group: str, lang: str) -> str:
    if group in SEGMENTS:
        return segment_name(group)
    return text(lang, f"group.{group}")


def note(assessment: Assessment, lang: str) -> Text:
    initiative = assessment.entry.initiative
    if assessment.decision.missing:
        return Text(text(lang, "note.missing", keys=", ".join(assessment.decision.missing)), style="yellow")
    if assessment.unexplained:
        return Text("⚠ " + text(lang, "flag.unexplained", recorded=segment_name(initiative.segment)), style="bold red")
    if assessment.differs:
        return Text(
            text(lang, "flag.explained", recorded=segment_name(initiative.segment), reason=initiative.segment_reason)
        )
    return Text("")


def _row(assessment: Assessment, lang: str) -> list[Text]:
    initiative = assessment.entry.initiative
    cells = [assessment.entry.id, initiative.name, initiative.owner, initiative.focus_area or ""]
    return [Text(cell) for cell in cells] + [note(assessment, lang)]


def render_portfolio(assessments: Sequence[Assessment], version: str, lang: str, width: int | None = None) -> str:
    groups: dict[str, list[Assessment]] = {group: [] for group in (*SEGMENTS, OUT, UNDECIDED)}
    for assessment in sorted(assessments, key=lambda a: a.entry.id):
        groups[group_of(assessment)].append(assessment)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or shutil.get_terminal_size((160, 24)).columns,
        force_terminal=False,
        color_system=None,
        highlight=False,
    )
    table = Table()
    for column in ("col.id", "col.name", "col.owner", "col.focus", "col.note"):
        table.add_column(text(lang, column), overflow="fold")
    for group, members in groups.items():
        if not members:
            continue
        heading = f"{group_title(group, lang)} – {text(lang, 'count', count=len(members))}"
        table.add_row(Text(heading, style="bold"), end_section=True)
        for number, a in enumerate(members, start=1):
            table.add_row(*_row(a, lang), end_section=number == len(members))
    console.print(table)
    counts = ", ".join(f"{group_title(g, lang)} {len(m)}" for g, m in groups.items() if m or g in SEGMENTS)
    console.print(text(lang, "summary", total=len(assessments), version=version, counts=counts))
    flagged = sum(1 for a in assessments if a.unexplained)
    if flagged:
        console.print("⚠ " + text(lang, "summary.flagged", count=flagged))
    return buffer.getvalue()
