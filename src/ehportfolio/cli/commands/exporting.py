"""`ehp export`: the portfolio as one table with each initiative's decision, as CSV, JSON (open data) or xlsx.

Only a portfolio that reads without problems is exported: a published table must not silently lack an initiative.
CSV and JSON go to standard output unless --out names a file (`-` is standard output too); a workbook needs --out. The
file is written whole or not at all, and replaced atomically when it is there (see `store.files`).
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import PackageNotFoundError, version

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import OK, USER_ERROR
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.features.assessment import assess
from ehportfolio.features.exporting import export_rows, metadata, render_csv, render_json, render_xlsx
from ehportfolio.i18n.messages import text
from ehportfolio.store import files
from ehportfolio.store.portfolio import load_portfolio


def run(root: str, fmt: str, out: str | None, lang: str, checklist_version: str | None = None) -> int:
    if fmt == "xlsx" and (out is None or (out == files.STDOUT and sys.stdout.isatty())):
        print(text(lang, "export.needs_out"), file=sys.stderr)  # a workbook is never written to a terminal
        return USER_ERROR
    if not os.path.isdir(root):
        report_problems([not_a_directory(root)], lang)
        return USER_ERROR
    if out is not None and out != files.STDOUT:  # refused before any work is done
        if os.path.isdir(out):
            raise InputError([Problem(out, "export.out_is_directory")])
        files.target(out)
    portfolio = load_portfolio(root, checklist_version=checklist_version)
    if portfolio.problems:
        report_problems(portfolio.problems, lang)
        print(text(lang, "export.failed", count=len(portfolio.problems)), file=sys.stderr)
        return USER_ERROR
    rows = export_rows([assess(entry, portfolio.checklist) for entry in portfolio.entries])
    content: str | bytes
    if fmt == "csv":
        content = render_csv(rows)
    elif fmt == "json":
        content = render_json(rows, metadata(portfolio, _generator()), lang)
    else:
        content = render_xlsx(rows, lang)
    files.write_file(out or files.STDOUT, content)
    if out in (None, files.STDOUT):
        return OK
    print(text(lang, "export.wrote", path=out, count=len(rows)), file=sys.stderr)
    return OK


def _generator() -> str:
    try:
        return f"ehp {version('ehportfolio')}"
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without installing
        return "ehp"
