"""`ehp consequences --to VERSION`: what changing checklist version would do to a portfolio's initiatives."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.features.consequences import consequences
from ehportfolio.i18n.messages import text
from ehportfolio.output.formats import renderer
from ehportfolio.store.portfolio import checklist_for, load_portfolio


def run(root: str, old: str | None, new: str, fmt: str, lang: str) -> int:
    """Decide every member and proposal under `old` (the portfolio's own version when None) and under `new`."""
    if not os.path.isdir(root):
        report_problems([not_a_directory(root)], lang)
        return USER_ERROR
    portfolio = load_portfolio(root, checklist_version=old)
    target = checklist_for(portfolio.context, new)  # an unknown version is a user error, naming the known ones
    report_problems(portfolio.problems, lang)
    found = consequences(((e.id, e.initiative) for e in portfolio.entries), portfolio.checklist, target)
    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    module = renderer("consequences", fmt)
    render = module.render_json if fmt == "json" else module.render_text
    sys.stdout.write(render(found, name, lang))
    if portfolio.unreadable:
        print(text(lang, "summary.unreadable", count=len(portfolio.unreadable)), file=sys.stderr)
        return USER_ERROR
    return FINDINGS if portfolio.problems else OK
