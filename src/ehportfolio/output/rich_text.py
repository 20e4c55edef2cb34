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
from ehportfolio.i18n.messages import problem_message, text, why


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
