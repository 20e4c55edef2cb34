"""`ehp check [DIR]`: validate a whole portfolio for a pull request and print every finding."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.domain.problems import Problem
from ehportfolio.output.formats import renderer
from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import SETTINGS_FILE, load_portfolio


def run(path: str, fmt: str, strict: bool, lang: str) -> int:
    if not os.path.isdir(path):
        report_problems([not_a_directory(path)], lang)
        return USER_ERROR
    portfolio = load_portfolio(path, statuses=True)
    findings = run_rules(portfolio)
    checked = len(portfolio.entries) + len(portfolio.unreadable)
    if not checked and not os.path.isfile(os.path.join(path, SETTINGS_FILE)):
        report_problems([Problem(path, "check.nothing")], lang)
        return USER_ERROR
    module = renderer("check", fmt)
    render = module.render_findings if fmt == "text" else getattr(module, f"render_{fmt}")
    output = render(findings, checked, lang)
    sys.stdout.write(output)
    failing = [f for f in findings if f.severity == "error" or strict]
    return FINDINGS if failing else OK
