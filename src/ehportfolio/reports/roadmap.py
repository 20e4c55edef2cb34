"""The context of `ehp report roadmap`: every initiative with a plan over time (phases and milestones), one row each,
grouped by main goal, by owner or by user group, with the slippage of each phase and milestone against its plan.

Pure, like contexts.py: no files, no clock, no Jinja. The segment comes from the one state (domain/state.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.domain.goals import known_codes, main_goal
from ehportfolio.domain.models import Milestone, Phase, UserGroup
from ehportfolio.domain.roadmap import Plan, Replanning, phase_names, plan_on, slip_days
from ehportfolio.features.calendar import example_labels, members, reported_by, rounds
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.reports import template_contexts as tc
from ehportfolio.reports.contexts import examples
from ehportfolio.store.portfolio import Portfolio, StatusEntry, Statuses


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


def _late(planned: datetime.date | None, actual: datetime.date | None, day: datetime.date | None) -> int | None:
    """Days the actual date lies after the planned one; not reached and past it on `day`, the days since then."""
    if actual is None and planned is not None and day is not None and day > planned:
        return slip_days(planned, day)
    return slip_days(planned, actual)


def _phase(phase: Phase, plan: Plan, day: datetime.date | None, last: datetime.date) -> tc.RoadmapPhase:
    # Not ended (or not started) by `day` and past its planned date: late by the days since then, as a milestone is.
    ends = _late(phase.planned_end, phase.actual_end, day)
    starts = _late(phase.planned_start, phase.actual_start, day)
    slip = ends if ends is not None else starts
    overdue = phase.actual_end is None and phase.planned_end is not None and day is not None and day > phase.planned_end
    start_key, end_key = ("phase", phase.name, "planned_start"), ("phase", phase.name, "planned_end")
    moved = plan.moved(start_key) or plan.moved(end_key)
    first_start = plan.original(start_key) if plan.moved(start_key) else phase.planned_start
    first_end = plan.original(end_key) if plan.moved(end_key) else phase.planned_end
    against = _late(first_end, phase.actual_end, day)
    if against is None:
        against = _late(first_start, phase.actual_start, day)
    return tc.RoadmapPhase(
        name=phase.name,
        planned_start=_iso(phase.planned_start),
        planned_end=_iso(phase.planned_end),
        actual_start=_iso(phase.actual_start),
        actual_end=_iso(phase.actual_end),
        drawn_end=_iso(phase.actual_end or (max(phase.actual_start, day or last) if phase.actual_start else None)),
        slip_days=slip or 0,
        slipped=(slip or 0) > 0 or overdue,
        moved=moved,
        original_start=_iso(first_start) if moved else "",
        original_end=_iso(first_end) if moved else "",
        original_slip_days=(against or 0) if moved else 0,
    )


def _milestone(milestone: Milestone, plan: Plan, day: datetime.date | None) -> tc.RoadmapMilestone:
    slip = _late(milestone.planned, milestone.actual, day)
    overdue = milestone.actual is None and milestone.planned is not None and day is not None and day > milestone.planned
    key = ("milestone", milestone.name, "planned")
    moved = plan.moved(key)
    first = plan.original(key)
    return tc.RoadmapMilestone(
        name=milestone.name,
        planned=_iso(milestone.planned),
        actual=_iso(milestone.actual),
        slip_days=slip or 0,
        slipped=(slip or 0) > 0 or overdue,
        moved=moved,
        original_planned=_iso(first) if moved else "",
        original_slip_days=(_late(first, milestone.actual, day) or 0) if moved else 0,
    )


def _dates(plan: Plan) -> list[datetime.date]:
    found = [d for p in plan.phases for d in (p.planned_start, p.planned_end, p.actual_start, p.actual_end)]
    found += [d for m in plan.milestones for d in (m.planned, m.actual)]
    found += [version.planned for versions in plan.versions.values() for version in versions]
    return [d for d in found if d is not None]


def replannings(statuses: Statuses | None) -> dict[str, list[Replanning]]:
    """Every move of a planned date the status reports make, by initiative id (domain/roadmap.py applies them)."""
    found: dict[str, list[Replanning]] = {}
    for status in statuses.entries if statuses else ():
        for replan in status.report.replan:
            found.setdefault(status.id, []).append(Replanning(status.report.date, status.round, replan))
    return found


def roadmap(
    portfolio: Portfolio,
    cadence: Cadence,
    by: str,
    day: datetime.date | None,
    lang: str,
    name: str,
    links: bool = False,
) -> tc.Roadmap:
    """The roadmap of `portfolio` for the portfolio named `name`, grouped `by` goal, owner or user group, with `day`
    as its line (and the plan as it stood then); `links` for a site's page. The calendar's rounds (by `cadence`) name
    the meetings whose example reports move its dates."""
    settings = portfolio.context.settings
    names = phase_names(settings.phases if settings else ())
    order = {phase: index for index, phase in enumerate(names)}
    known = known_codes(portfolio.context.taxonomy)
    everyone = members(portfolio)
    planned = [m for m in everyone if m.initiative.phases or m.initiative.milestones]
    moves = replannings(portfolio.statuses)
    plans = {m.id: plan_on(m.initiative.phases, m.initiative.milestones, moves.get(m.id, ()), day) for m in planned}
    dates: list[datetime.date] = [day] if day else []
    for plan in plans.values():
        dates += _dates(plan)
    last = max(dates) if dates else datetime.date.min
    rows: list[tc.RoadmapRow] = []
    for member in planned:
        initiative = member.initiative
        plan = plans[member.id]
        segment = member.state(day).segment or ""
        goal = main_goal(initiative)
        phases = sorted(plan.phases, key=lambda p: (order.get(p.name, len(order)), _iso(p.planned_start)))
        milestones = sorted(plan.milestones, key=lambda m: _iso(m.planned or m.actual))
        rows.append(
            tc.RoadmapRow(
                id=member.id,
                name=initiative.name,
                owner=initiative.owner,
                goal=goal,
                goal_name=known[goal].name if goal in known else "",
                segment=segment,
                segment_name=segment_name(segment) if segment else "",
                phases=tuple(_phase(p, plan, day, last) for p in phases),
                milestones=tuple(_milestone(m, plan, day) for m in milestones),
                user_groups=initiative.user_groups,
            )
        )
    register = _user_groups(portfolio.context.user_groups or (), rows, lang)
    groups = _by_user_group(rows, register, lang) if by == "user-group" else _groups(rows, by, list(known), lang)
    unplanned = len(everyone) - len(rows)
    return tc.Roadmap(
        kind="roadmap",
        lang=lang,
        title=text(lang, "report.roadmap.title", name=name),
        portfolio=name,
        date=_iso(day),
        generated=text(lang, "report.generated", name=name),
        by=by,
        groups=groups,
        start=_iso(min(dates)) if dates else "",
        end=_iso(last) if dates else "",
        phase_names=names,
        planned=len(rows),
        unplanned=unplanned,
        summary=text(lang, "report.roadmap.summary", count=len(rows), unplanned=unplanned),
        owners=tuple(sorted({r.owner for r in rows})),
        goals=tuple(g.key for g in groups) if by == "goal" else tuple(sorted({r.goal for r in rows})),
        segments=tuple(s for s in SEGMENTS if any(r.segment == s for r in rows)),
        user_groups=tuple(register.values()),
        links=links,
        examples=examples(
            example_labels(rounds(settings.calendar if settings else (), cadence), portfolio.statuses, _moves_by(day)),
            lang,
        ),
    )


def _moves_by(day: datetime.date | None) -> Callable[[StatusEntry], bool]:
    """The reports whose moves the roadmap on `day` applies (plan_on): those that move a date, dated by then."""
    dated = reported_by(day)
    return lambda entry: bool(entry.report.replan) and dated(entry)


def _user_groups(
    register: tuple[UserGroup, ...], rows: list[tc.RoadmapRow], lang: str
) -> dict[str, tc.RoadmapUserGroup]:
    """The user groups the rows serve, by id: in the register's order with their names in the language, then ids the
    register does not hold (by id), then the empty id for the rows that name none."""
    named = {ident for row in rows for ident in row.user_groups}
    found = {
        group.id: tc.RoadmapUserGroup(group.id, {"nn": group.name_nn, "en": group.name_en}.get(lang) or group.name)
        for group in register
        if group.id in named
    }
    found |= {ident: tc.RoadmapUserGroup(ident, ident) for ident in sorted(named - set(found))}
    if any(not row.user_groups for row in rows):
        found[""] = tc.RoadmapUserGroup("", text(lang, "report.roadmap.no_user_group"))
    return found


def _by_user_group(
    rows: list[tc.RoadmapRow], register: dict[str, tc.RoadmapUserGroup], lang: str
) -> tuple[tc.RoadmapGroup, ...]:
    """The rows by user group, in `register`'s order: a row that serves several is in each of their groups, and one
    that names none in the last group."""
    out = []
    for ident, group in register.items():
        members = [row for row in rows if (ident in row.user_groups if ident else not row.user_groups)]
        members.sort(key=lambda r: (r.name.casefold(), r.id))
        steps = tuple(step for row in members for step in _steps(row, lang))
        out.append(tc.RoadmapGroup(key=ident, title=group.name, rows=tuple(members), steps=steps))
    return tuple(out)


def _groups(rows: list[tc.RoadmapRow], by: str, goal_order: list[str], lang: str) -> tuple[tc.RoadmapGroup, ...]:
    """The rows by owner (by name), or by main goal (in the taxonomy's order, unknown codes after, none last)."""
    found: dict[str, list[tc.RoadmapRow]] = {}
    for row in rows:
        found.setdefault(row.owner if by == "owner" else row.goal, []).append(row)
    if by == "owner":
        keys = sorted(found)
    else:
        place = {code: index for index, code in enumerate(goal_order)}
        keys = sorted(found, key=lambda k: (k == "", place.get(k, len(place)), k))
    out = []
    for key in keys:
        group = sorted(found[key], key=lambda r: (r.name.casefold(), r.id))
        if by == "owner":
            title = key
        elif key:
            title = f"{key} {group[0].goal_name}".strip()
        else:
            title = text(lang, "report.roadmap.no_goal")
        steps = tuple(step for row in group for step in _steps(row, lang))
        out.append(tc.RoadmapGroup(key=key, title=title, rows=tuple(group), steps=steps))
    return tuple(out)


def _span(start: str, end: str) -> str:
    return f"{start or '–'} – {end or '–'}"


def _steps(row: tc.RoadmapRow, lang: str) -> list[tc.RoadmapStep]:
    """The row's phases and milestones as lines of a table; a moved planned date with its original beside it, and the
    slippage against the original too."""
    found = [
        tc.RoadmapStep(
            name=row.name,
            label=p.name,
            planned=_moved(
                lang, _span(p.planned_start, p.planned_end), _span(p.original_start, p.original_end), p.moved
            ),
            actual=_span(p.actual_start, p.actual_end),
            slip_days=p.slip_days,
            slipped=p.slipped,
            original_slip_days=p.original_slip_days,
            moved=p.moved,
        )
        for p in row.phases
    ]
    found += [
        tc.RoadmapStep(
            name=row.name,
            label=f"◆ {m.name}",
            planned=_moved(lang, m.planned or "–", m.original_planned or "–", m.moved),
            actual=m.actual or "–",
            slip_days=m.slip_days,
            slipped=m.slipped,
            original_slip_days=m.original_slip_days,
            moved=m.moved,
        )
        for m in row.milestones
    ]
    return found


def _moved(lang: str, current: str, original: str, moved: bool) -> str:
    return text(lang, "report.roadmap.moved", current=current, original=original) if moved else current
