"""`ehp check [DIR]`: validate a whole portfolio for a pull request and print every finding."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import load_portfolio

FORMATS = ("text", "json", "github", "junit", "sarif")


def run(path: str, fmt: str, strict: bool, lang: str) -> int:
    if not os.path.isdir(path):
        report_problems([not_a_directory(path)], lang)
        return USER_ERROR
    portfolio = load_portfolio(path, statuses=True)
    findings = run_rules(portfolio)
    checked = len(portfolio.entries) + len(portfolio.unreadable)
    if fmt == "text":
        from ehportfolio.output.rich_text import render_findings

        output = render_findings(findings, checked, lang)
    else:
        from ehportfolio.output import findings as machine

        output = getattr(machine, f"render_{fmt}")(findings, checked, lang)
    sys.stdout.write(output)
    failing = [f for f in findings if f.severity == "error" or strict]
    return FINDINGS if failing else OK
