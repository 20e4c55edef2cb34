"""What rich renders: the portfolio table grouped by segment, and check findings grouped by file.

The only module that imports rich.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..assessment import Assessment
from ..fieldtypes import SEGMENTS
from ..messages import problem_message, segment_name, text, why
from ..problems import Problem

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


def _console(buffer: io.StringIO, width: int | None) -> Console:
    columns = width or shutil.get_terminal_size((160, 24)).columns
    return Console(file=buffer, width=columns, force_terminal=False, color_system=None, highlight=False)


def render_portfolio(assessments: Sequence[Assessment], version: str, lang: str, width: int | None = None) -> str:
    groups: dict[str, list[Assessment]] = {group: [] for group in (*SEGMENTS, OUT, UNDECIDED)}
    for assessment in sorted(assessments, key=lambda a: a.entry.id):
        groups[group_of(assessment)].append(assessment)
    buffer = io.StringIO()
    console = _console(buffer, width)
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
    if assessments:
        console.print(table)
    counts = ", ".join(f"{group_title(g, lang)} {len(m)}" for g, m in groups.items() if m or g in SEGMENTS)
    console.print(text(lang, "summary", total=len(assessments), version=version, counts=counts))
    flagged = sum(1 for a in assessments if a.unexplained)
    if flagged:
        console.print("⚠ " + text(lang, "summary.flagged", count=flagged))
    return buffer.getvalue()


def render_findings(findings: Sequence[Problem], checked: int, lang: str, width: int | None = None) -> str:
    """Findings grouped by file: place, severity, rule and message, with the rule's reason beneath."""
    buffer = io.StringIO()
    console = _console(buffer, width)
    by_file: dict[str, list[Problem]] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    for path, group in by_file.items():
        console.print(Text(path, style="bold underline"))
        grid = Table.grid(padding=(0, 2))
        for _ in range(3):
            grid.add_column()
        grid.add_column(ratio=1, overflow="fold")
        for f in group:
            place = f"{f.line}:{f.column}" if f.line is not None else "–"
            severity = text(lang, f"severity.{f.severity}")
            message = Text(problem_message(f, lang))
            message.append("\n" + why(f.code, lang), style="dim")
            grid.add_row(place, Text(severity, style="red" if f.severity == "error" else "yellow"), f.code, message)
        console.print(grid)
        console.print()
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if findings:
        console.print(
            text(lang, "check.summary", errors=errors, warnings=warnings, files=len(by_file), checked=checked)
        )
    else:
        console.print(text(lang, "check.clean", checked=checked))
    return buffer.getvalue()
