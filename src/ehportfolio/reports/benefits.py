"""The benefits (gevinster) of the reports: each benefit of an initiative as a row with its measurements and its
trend against its target (the fact sheet's), and `ehp report benefits`, the members' benefits by the strategy goal
they serve, those past their target date and short of target first.

Pure, like contexts.py. What a benefit's measurements say comes only from domain/benefits.py, and membership only
from the one state (domain/state.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from ehportfolio.domain.benefits import AWAY, STEADY, TOWARDS, UNMEASURED, Progress, progress
from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.goals import Known, known_codes
from ehportfolio.domain.models import Benefit, StatusReport
from ehportfolio.domain.state import MEMBER
from ehportfolio.features.calendar import Member, example_labels, members, reported_by, rounds
from ehportfolio.i18n.amounts import number
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import text
from ehportfolio.reports import template_contexts as tc
from ehportfolio.reports.contexts import examples
from ehportfolio.store.portfolio import Portfolio

TREND_WORDS = {
    TOWARDS: N_("report.benefits.trend.towards"),
    AWAY: N_("report.benefits.trend.away"),
    STEADY: N_("report.benefits.trend.steady"),
    UNMEASURED: N_("report.benefits.trend.unmeasured"),
}
"""Which way a benefit goes, in words."""


def _with_unit(lang: str, value: float, unit: str) -> str:
    return f"{number(lang, value)} {unit}"


def _summary(found: Progress, lang: str) -> str:
    indicator = found.benefit.indicator
    course = text(
        lang,
        "report.benefits.course",
        baseline=_with_unit(lang, indicator.baseline, indicator.unit),
        target=_with_unit(lang, indicator.target, indicator.unit),
        date=indicator.target_date.isoformat(),
    )
    measured = "; ".join(f"{number(lang, value)} ({day.isoformat()})" for day, value in found.values)
    if measured:
        course += " " + text(lang, "report.benefits.measured", values=measured)
    course += " " + text(lang, "report.benefits.trend_sentence", trend=text(lang, TREND_WORDS[found.trend]))
    return course + (" " + text(lang, "report.benefits.past_due_sentence") if found.past_due else "")


def benefit_row(
    ident: str,
    name: str,
    benefit: Benefit,
    reports: Iterable[StatusReport],
    day: datetime.date | None,
    known: Mapping[str, Known],
    lang: str,
) -> tc.BenefitRow:
    """A benefit of the initiative `ident` (named `name`) on `day`, from its status reports."""
    found = progress(benefit, reports, day)
    indicator = benefit.indicator
    unit = indicator.unit
    latest = found.latest
    obstacles = [m.obstacles for m in found.measurements if m.obstacles]
    return tc.BenefitRow(
        initiative=ident,
        initiative_name=name,
        id=benefit.id,
        description=benefit.description,
        goal=benefit.goal,
        goal_name=known[benefit.goal].name if benefit.goal in known else "",
        indicator=indicator.name or "",
        unit=unit,
        baseline=indicator.baseline,
        target=indicator.target,
        baseline_text=_with_unit(lang, indicator.baseline, unit),
        target_text=_with_unit(lang, indicator.target, unit),
        target_date=indicator.target_date.isoformat(),
        responsible=benefit.responsible,
        reduction=found.reduction,
        values=tuple(
            tc.BenefitValue(m.date.isoformat(), m.value, _with_unit(lang, m.value, unit), m.obstacles)
            for m in found.measurements
            if m.value is not None
        ),
        latest_text=_with_unit(lang, latest, unit) if latest is not None else "",
        trend=found.trend,
        trend_text=text(lang, TREND_WORDS[found.trend]),
        reached=found.reached,
        past_due=found.past_due,
        obstacles=obstacles[-1] if obstacles else "",
        summary=_summary(found, lang),
    )


def benefit_rows(
    member: Member, reports: Iterable[StatusReport], day: datetime.date | None, known: Mapping[str, Known], lang: str
) -> tuple[tc.BenefitRow, ...]:
    """Every benefit of an initiative, in the order of its file."""
    given = tuple(reports)
    initiative = member.initiative
    return tuple(benefit_row(member.id, initiative.name, b, given, day, known, lang) for b in initiative.benefits)


def _reports_by_id(portfolio: Portfolio) -> dict[str, list[StatusReport]]:
    found: dict[str, list[StatusReport]] = {}
    for entry in portfolio.statuses.entries if portfolio.statuses else ():
        found.setdefault(entry.id, []).append(entry.report)
    return found


def benefits(portfolio: Portfolio, cadence: Cadence, day: datetime.date | None, lang: str, name: str) -> tc.Benefits:
    """The benefits of the members of `portfolio` on `day`, by the goal they serve; the calendar's rounds (by
    `cadence`) name the meetings whose example reports measure them."""
    known = known_codes(portfolio.context.taxonomy)
    reports = _reports_by_id(portfolio)
    rows = [
        row
        for member in members(portfolio)
        if member.initiative.benefits and member.state(day).stage == MEMBER
        for row in benefit_rows(member, reports.get(member.id, ()), day, known, lang)
    ]
    found: dict[str, list[tc.BenefitRow]] = {}
    for row in rows:
        found.setdefault(row.goal, []).append(row)
    place = {code: index for index, code in enumerate(known)}
    groups = []
    for key in sorted(found, key=lambda k: (place.get(k, len(place)), k)):
        group = sorted(found[key], key=lambda r: (not r.past_due, r.initiative_name.casefold(), r.initiative, r.id))
        title = f"{key} {group[0].goal_name}".strip()
        flagged = sum(1 for r in group if r.past_due)
        flagged_text = text(lang, "report.benefits.flagged", count=flagged) if flagged else ""
        groups.append(tc.BenefitGroup(key, title, flagged, flagged_text, tuple(group)))
    flagged = sum(1 for r in rows if r.past_due)
    initiatives = len({r.initiative for r in rows})
    dated = reported_by(day)
    shown = {r.initiative for r in rows}
    settings = portfolio.context.settings
    labels = example_labels(
        rounds(settings.calendar if settings else (), cadence),
        portfolio.statuses,
        lambda entry: entry.id in shown and bool(entry.report.benefits) and dated(entry),
    )
    return tc.Benefits(
        kind="benefits",
        lang=lang,
        title=text(lang, "report.benefits.title", name=name),
        portfolio=name,
        date=day.isoformat() if day else "",
        generated=text(lang, "report.generated", name=name),
        groups=tuple(groups),
        count=len(rows),
        flagged=flagged,
        summary=text(
            lang,
            "report.benefits.summary",
            count=len(rows),
            initiatives=text(lang, "count.initiatives", count=initiatives),
            flagged=flagged,
        ),
        examples=examples(labels, lang),
    )
