"""`ehp calendar`: the meetings of a year, the segments that report to each, and who has reported."""

from __future__ import annotations

import sys

from ..cadence import load_cadence
from ..messages import text
from ..portfolio import load_portfolio
from ..reporting import members, rounds, survey
from . import FINDINGS, OK, UNREADABLE, not_a_portfolio, report_problems


def run(root: str, year: int | None, fmt: str, lang: str) -> int:
    problem = not_a_portfolio(root)
    if problem:
        report_problems([problem], lang)
        return UNREADABLE
    portfolio = load_portfolio(root, statuses=True)
    statuses = portfolio.statuses
    assert statuses is not None
    settings = portfolio.context.settings
    problems = [*portfolio.problems, *statuses.problems]
    report_problems(problems, lang)
    if settings is None:
        return UNREADABLE
    cadence = load_cadence()
    found = rounds(settings.calendar, cadence)
    if not found:
        print(f"{portfolio.context.settings_path}: {text(lang, 'calendar.empty')}", file=sys.stderr)
        return FINDINGS
    if year is None:
        chosen = [r for r in found if r.date.year == settings.year] or found
    else:
        chosen = [r for r in found if r.date.year == year]
        if not chosen:
            years = ", ".join(str(y) for y in sorted({r.date.year for r in found}))
            message = text(lang, "calendar.no_meetings", year=year, years=years)
            print(f"{portfolio.context.settings_path}: {message}", file=sys.stderr)
            return FINDINGS
    states = survey(chosen, members(portfolio), {r.id: statuses.filed(r.id) for r in chosen})
    from ..formats import calendar as formats

    render = formats.render_json if fmt == "json" else formats.render_text
    sys.stdout.write(render(settings.name, states, cadence, lang))
    return FINDINGS if problems else OK
