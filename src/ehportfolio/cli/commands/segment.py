"""`ehp segment [PATH]`: classify every initiative of a portfolio."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.features.assessment import assess
from ehportfolio.i18n.messages import text
from ehportfolio.output import render_portfolio
from ehportfolio.store.portfolio import load_portfolio


def run(path: str, fmt: str, lang: str, checklist_version: str | None = None) -> int:
    if not os.path.isdir(path):
        report_problems([not_a_directory(path)], lang)
        return USER_ERROR
    portfolio = load_portfolio(path, checklist_version=checklist_version)
    assessments = [assess(entry, portfolio.checklist) for entry in portfolio.entries]
    sys.stdout.write(render_portfolio(fmt, assessments, portfolio.checklist.version, lang))
    report_problems(portfolio.problems, lang)
    unreadable = portfolio.unreadable
    if unreadable:
        print(text(lang, "summary.unreadable", count=len(unreadable)), file=sys.stderr)
        return USER_ERROR
    undecided = any(not a.decision.decided for a in assessments)
    return FINDINGS if undecided or portfolio.problems else OK
