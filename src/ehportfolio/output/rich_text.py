"""What rich renders: check findings grouped by file.

The only module that imports rich.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ehportfolio.domain.printable import shown
from ehportfolio.domain.problems import Problem
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import check_summary, problem_message, text, why

SHOWN_PER_RULE = 50
"""The most findings of one rule shown for one file; the rest are counted in one line. rich takes a millisecond a
row, so a file naming 5,000 unknown dependencies would take seconds to print; machine formats list every one."""

SEVERITIES = {"error": N_("severity.error"), "warning": N_("severity.warning")}


def _console(buffer: io.StringIO, width: int | None) -> Console:
    columns = width or shutil.get_terminal_size((160, 24)).columns
    return Console(file=buffer, width=columns, force_terminal=False, color_system=None, highlight=False)


def render_findings(findings: Sequence[Problem], checked: int, lang: str, width: int | None = None) -> str:
    """Findings grouped by file: place, severity, rule and message, with the rule's reason beneath."""
    buffer = io.StringIO()
    console = _console(buffer, width)
    by_file: dict[str, list[Problem]] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    for path, group in by_file.items():
        console.print(Text(shown(path), style="bold underline"))
        grid = Table.grid(padding=(0, 2))
        for _ in range(3):
            grid.add_column()
        grid.add_column(ratio=1, overflow="fold")
        per_rule: dict[str, int] = {}
        for f in group:
            per_rule[f.code] = per_rule.get(f.code, 0) + 1
            if per_rule[f.code] > SHOWN_PER_RULE:
                continue
            place = f"{f.line}:{f.column}" if f.line is not None else "–"
            severity = text(lang, SEVERITIES[f.severity])
            message = Text(problem_message(f, lang))
            message.append("\n" + why(f.code, lang), style="dim")
            grid.add_row(place, Text(severity, style="red" if f.severity == "error" else "yellow"), f.code, message)
        console.print(grid)
        for code, count in per_rule.items():
            if count > SHOWN_PER_RULE:
                console.print(text(lang, "check.more", count=count - SHOWN_PER_RULE, code=code))
        console.print()
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    console.print(check_summary(lang, errors, warnings, len(by_file), checked))
    return buffer.getvalue()
