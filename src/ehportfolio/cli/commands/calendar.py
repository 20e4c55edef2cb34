"""`ehp calendar`: the meetings of a year, the segments that report to each, and who has reported."""

from __future__ import annotations

import sys

from ehportfolio.cli.commands import not_a_portfolio, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.problems import Problem
from ehportfolio.features.calendar import Round, example_labels, find_round, members, rounds, survey
from ehportfolio.i18n.messages import text
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import Portfolio, load_portfolio


def run(root: str, year: int | None, fmt: str, lang: str, round_id: str | None = None) -> int:
    """The year's meetings; with `round_id`, that one meeting's initiatives: who has reported and who has not."""
    problem = not_a_portfolio(root)
    if problem:
        report_problems([problem], lang)
        return USER_ERROR
    portfolio = load_portfolio(root, statuses=True)
    statuses = portfolio.statuses
    assert statuses is not None
    settings = portfolio.context.settings
    problems = [*portfolio.problems, *statuses.problems]
    report_problems(problems, lang)
    if settings is None:
        return USER_ERROR
    cadence = load_cadence()
    found = rounds(settings.calendar, cadence)
    if not found:
        print(f"{portfolio.context.settings_path}: {text(lang, 'calendar.empty')}", file=sys.stderr)
        return FINDINGS
    if round_id is not None:
        return _round(portfolio, found, round_id, fmt, lang, problems, cadence)
    if year is None:
        chosen = [r for r in found if r.date.year == settings.year] or found
    else:
        chosen = [r for r in found if r.date.year == year]
        if not chosen:
            years = ", ".join(str(y) for y in sorted({r.date.year for r in found}))
            message = text(lang, "calendar.no_meetings", year=year, years=years)
            print(f"{portfolio.context.settings_path}: {message}", file=sys.stderr)
            return FINDINGS
    states = survey(chosen, members(portfolio), statuses, cadence)
    from ehportfolio.output import calendar as formats

    render = formats.render_json if fmt == "json" else formats.render_text
    sys.stdout.write(render(settings.name, states, cadence, lang, example_labels(chosen, statuses)))
    return FINDINGS if problems else OK


def _round(
    portfolio: Portfolio,
    found: list[Round],
    round_id: str,
    fmt: str,
    lang: str,
    problems: list[Problem],
    cadence: Cadence,
) -> int:
    statuses = portfolio.statuses
    assert statuses is not None
    chosen = find_round(found, round_id, portfolio.context.settings_path)
    if isinstance(chosen, Problem):
        report_problems([chosen], lang)
        return USER_ERROR
    everyone = members(portfolio)
    [state] = survey([chosen], everyone, statuses, cadence)
    from ehportfolio.output import calendar as formats

    render = formats.render_round_json if fmt == "json" else formats.render_round_text
    sys.stdout.write(render(state, {m.id: m for m in everyone}, lang, example_labels([chosen], statuses)))
    return FINDINGS if problems else OK
