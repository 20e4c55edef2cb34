"""`ehp check [DIR]`: validate a whole portfolio for a pull request and print every finding."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Sequence

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.domain.problems import Problem
from ehportfolio.output.formats import renderer
from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import SETTINGS_FILE, Portfolio, load_portfolio
from ehportfolio.store.revisions import repository_root

FOR_CI = ("github", "junit", "sarif")
"""The formats CI platforms read, which resolve file paths against the top of the repository."""


def run(path: str, fmt: str, strict: bool, lang: str, checklist_version: str | None = None) -> int:
    if not os.path.isdir(path):
        report_problems([not_a_directory(path)], lang)
        return USER_ERROR
    portfolio = load_portfolio(path, statuses=True, checklist_version=checklist_version)
    findings: Sequence[Problem] = run_rules(portfolio)
    checked = len(portfolio.entries) + len(portfolio.unreadable)
    if not checked and not os.path.isfile(os.path.join(path, SETTINGS_FILE)):
        report_problems([Problem(path, "check.nothing")], lang)
        return USER_ERROR
    module = renderer("check", fmt)
    if fmt == "text":
        output = module.render_findings(findings, checked, lang)
    elif fmt in FOR_CI:
        base = repository_root(path)
        relative = [dataclasses.replace(f, path=relative_path(f.path, base)) for f in findings]
        if fmt == "junit":
            files = [relative_path(file, base) for file in files_checked(portfolio)]
            output = module.render_junit(relative, checked, lang, files=files, strict=strict)
        else:
            output = getattr(module, f"render_{fmt}")(relative, checked, lang)
    else:
        output = getattr(module, f"render_{fmt}")(findings, checked, lang)
    sys.stdout.write(output)
    failing = [f for f in findings if f.severity == "error" or strict]
    return FINDINGS if failing else OK


def files_checked(portfolio: Portfolio) -> list[str]:
    """Every initiative and status file read, and every file that could not be read, in a stable order."""
    paths = [entry.path for entry in portfolio.entries] + portfolio.unreadable
    if portfolio.statuses is not None:
        paths += [entry.path for entry in portfolio.statuses.entries]
    return sorted(set(paths))


def relative_path(path: str, base: str) -> str:
    """`path` from `base`, with `/` between names and no leading `./`. Both sides are resolved first (a temporary
    directory or a checkout reached through a symbolic link names the same place), the file's own name kept."""
    absolute = os.path.abspath(path)
    resolved = os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))
    relative = os.path.relpath(resolved, os.path.realpath(base))
    return relative.replace(os.sep, "/")
