"""What each report shows, as plain data: the one place where a report's context is built from the portfolio.

Pure: no files, no clock, no Jinja. Templates receive only dicts, lists, strings and numbers from here (never model
objects), so that a portfolio's own templates see a small, documented surface. The texts come from messages.py in the
report's language; user text (names, owners, reasons) is passed as it is, and each format escapes it.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.errors import UserError
from ehportfolio.domain.fieldtypes import OUT, SEGMENTS
from ehportfolio.domain.lifecycle import SEGMENT_KINDS
from ehportfolio.domain.models import StatusReport
from ehportfolio.domain.state import FINISHED, MEMBER, PROPOSED, WITHDRAWN, State, Transition, transitions
from ehportfolio.features.assessment import assess
from ehportfolio.features.calendar import Member, Round, members, rounds
from ehportfolio.i18n.messages import TEXT, segment_name, stage_name, text
from ehportfolio.store.portfolio import Entry, Portfolio
from ehportfolio.store.validation import closest

GRAPH_LIMIT = 80
"""The largest dependency graph a report draws; a bigger one is left to the fact sheets."""

INACTIVE = "inactive"
APART = (PROPOSED, OUT, INACTIVE)
"""The groups of an overview outside the segments: proposals, initiatives decided out, finished or withdrawn ones."""


def _texts(lang: str) -> dict[str, str]:
    """Every fixed text of the reports, by its key without the `report.` prefix, for the templates' `t`; texts that
    take values are filled in where the context is built."""
    return {
        key.removeprefix("report."): value
        for key, value in TEXT[lang].items()
        if key.startswith("report.") and "{" not in value
    }


def _focus_names(portfolio: Portfolio) -> dict[str, dict[str, Any]]:
    taxonomy = portfolio.context.taxonomy
    return {a.code: {"name": a.name, "truncated": a.truncated} for a in taxonomy.focus_areas} if taxonomy else {}


def _group(state: State) -> str:
    """The overview group of an initiative: its segment when it is a member, else one of APART."""
    if state.stage == MEMBER and state.segment:
        return state.segment
    return INACTIVE if state.stage in (FINISHED, WITHDRAWN) else state.stage


def _row(member: Member, state: State, focus: dict[str, dict[str, Any]], lang: str) -> dict[str, Any]:
    initiative = member.initiative
    code = initiative.focus_area or ""
    return {
        "id": member.id,
        "name": initiative.name,
        "owner": initiative.owner,
        "focus_area": code,
        "focus_name": focus.get(code, {}).get("name", ""),
        "segment": state.segment or "",
        "segment_name": segment_name(state.segment) if state.segment else "",
        "stage": state.stage,
        "stage_name": stage_name(state.stage, lang),
    }


def graph(everyone: list[Member], ids: set[str] | None = None) -> dict[str, Any]:
    """The dependency graph as nodes and edges. `ids` limits it to those initiatives (and the unknown ids they name);
    without it, every initiative with a dependency in either direction. Node ids are generated (`n0`, `n1`, …) so
    that no name or id reaches a diagram's syntax; `layer` is the length of the longest chain of dependencies below
    a node, for a layered drawing."""
    names = {m.id: m.initiative.name for m in everyone}
    pairs = sorted(
        {(m.id, d.id, d.strength) for m in everyone for d in m.initiative.dependencies},
        key=lambda p: (p[0], p[1], p[2]),
    )
    if ids is not None:
        pairs = [p for p in pairs if p[0] in ids or p[1] in ids]
    chosen = sorted({p[0] for p in pairs} | {p[1] for p in pairs} | (ids or set()))
    if len(chosen) > GRAPH_LIMIT:
        return {"nodes": [], "edges": [], "too_large": len(chosen)}
    key = {ident: f"n{index}" for index, ident in enumerate(chosen)}
    below: dict[str, list[str]] = {ident: [] for ident in chosen}
    for source, target, _ in pairs:
        below[source].append(target)
    layers: dict[str, int] = {}

    def layer(ident: str, seen: frozenset[str]) -> int:
        if ident not in layers:
            targets = [t for t in below[ident] if t not in seen]  # a cycle (ehp check reports it) is cut
            layers[ident] = 1 + max((layer(t, seen | {ident}) for t in targets), default=-1)
        return layers[ident]

    nodes = [
        {
            "key": key[ident],
            "id": ident,
            "name": names.get(ident, ident),
            "known": ident in names,
            "layer": layer(ident, frozenset()),
        }
        for ident in chosen
    ]
    edges = [{"from": key[s], "to": key[t], "strength": strength} for s, t, strength in pairs]
    return {"nodes": nodes, "edges": edges, "too_large": 0}


def overview(portfolio: Portfolio, lang: str, date: datetime.date | None) -> dict[str, Any]:
    """Table 5.2 of the report: every initiative by segment, with counts, and counts by owner and focus area."""
    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    focus = _focus_names(portfolio)
    everyone = members(portfolio)
    states = {m.id: m.state(date) for m in everyone}
    groups: dict[str, list[dict[str, Any]]] = {key: [] for key in (*SEGMENTS, *APART)}
    for member in everyone:
        groups[_group(states[member.id])].append(_row(member, states[member.id], focus, lang))
    for rows in groups.values():
        rows.sort(key=lambda r: (r["focus_area"], r["name"].casefold(), r["id"]))
    titles = {s: segment_name(s) for s in SEGMENTS}
    titles.update({key: text(lang, f"report.group.{key}") for key in APART})
    segments = [{"key": s, "name": titles[s], "count": len(groups[s]), "rows": groups[s]} for s in SEGMENTS]
    apart = [
        {"key": key, "name": titles[key], "count": len(groups[key]), "rows": groups[key]}
        for key in APART
        if groups[key]
    ]
    active = [m for m in everyone if states[m.id].stage == MEMBER]
    owners: dict[str, Counter[str]] = {}
    for member in active:
        owners.setdefault(member.initiative.owner, Counter())[states[member.id].segment or ""] += 1
    by_owner = [
        {"owner": owner, "count": sum(c.values()), "segments": [c.get(s, 0) for s in SEGMENTS]}
        for owner, c in sorted(owners.items(), key=lambda item: (-sum(item[1].values()), item[0].casefold()))
    ]
    areas = Counter(m.initiative.focus_area or "" for m in active)
    by_focus = [
        {
            "code": code,
            "name": focus[code]["name"] if code in focus else "",
            "truncated": bool(focus.get(code, {}).get("truncated")),
            "known": code in focus,
            "count": count,
        }
        for code, count in sorted(areas.items())
    ]
    counts = ", ".join(f"{segment_name(s)} {len(groups[s])}" for s in SEGMENTS)
    drawn = graph(everyone)
    return {
        "kind": "overview",
        "lang": lang,
        "t": _texts(lang),
        "title": text(lang, "report.overview.title", name=name),
        "portfolio": name,
        "date": date.isoformat() if date else "",
        "total": len(active),
        "summary": text(lang, "report.total", count=len(active), segments=counts),
        "segment_names": [segment_name(s) for s in SEGMENTS],
        "segments": segments,
        "apart": apart,
        "by_owner": by_owner,
        "by_focus": by_focus,
        "graph": drawn,
        "too_large": text(lang, "report.graph.too_large", count=drawn["too_large"]),
        "generated": text(lang, "report.generated", name=name),
        "links": False,
    }


def held(found: list[Round], started: set[str], date: datetime.date | None) -> list[Round]:
    """The rounds a report counts: those whose meeting is on or before `date`, and those someone has reported to.
    Without a date, only the rounds that have started; a report never reads the clock."""
    return [r for r in found if r.id in started or (date is not None and r.date <= date)]


def trend(
    member: Member, portfolio: Portfolio, cadence: Cadence, date: datetime.date | None, lang: str
) -> list[dict[str, Any]]:
    """An initiative's status across rounds: each round it was due at or reported to, in date order. A round it was
    due at and has no report for is `not_reported`, never left out."""
    statuses = portfolio.statuses
    settings = portfolio.context.settings
    if statuses is None or settings is None:
        return []
    reports = {e.round: e.report for e in statuses.entries if e.id == member.id}
    unread = {name for name, ident in statuses.unread if ident == member.id}
    rows = []
    for round_ in held(rounds(settings.calendar, cadence), statuses.started(), date):
        report = reports.get(round_.id)
        if report is None and round_.id not in unread and not member.due(round_):
            continue
        state = "not_reported" if report is None else report.colour or "reported"
        rows.append(
            {
                "round": round_.id,
                "meeting": round_.label,
                "date": round_.date.isoformat(),
                "state": state,
                "state_text": text(lang, f"report.state.{state}"),
                "report_date": report.date.isoformat() if report else "",
                "progress": (report.progress or report.purpose or "") if report else "",
                "risks": [r.risk for r in report.risks or () if r is not None and r.risk] if report else [],
                "obstacles": (report.obstacles or "") if report else "",
            }
        )
    return rows


def _word(value: str | None, kind: str, lang: str) -> str:
    if value is None:
        return ""
    if value == OUT:
        return text(lang, "report.out")
    if kind == "status":
        return text(lang, f"report.status.{value}")
    return segment_name(value)


def _member_segment_name(state: State | None) -> str:
    """The segment's name when the initiative is a member; empty otherwise."""
    return segment_name(state.member_segment) if state and state.member_segment else ""


def initiative(
    portfolio: Portfolio, entry: Entry, cadence: Cadence, lang: str, date: datetime.date | None
) -> dict[str, Any]:
    """The fact sheet: the checklist's explanation, the status trend, dependencies both ways, the segment history."""
    from ehportfolio.output.markdown import assessment_context

    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    focus = _focus_names(portfolio)
    everyone = members(portfolio)
    member = next(m for m in everyone if m.id == entry.id)
    names = {m.id: m for m in everyone}
    state = member.state(date)
    item = entry.initiative
    explained = assessment_context(assess(entry, portfolio.checklist), lang)

    def other(ident: str, strength: str) -> dict[str, Any]:
        known = names.get(ident)
        return {
            "id": ident,
            "name": known.initiative.name if known else "",
            "known": known is not None,
            "segment_name": _member_segment_name(known.state(date) if known else None),
            "strength": text(lang, f"report.strength.{strength}"),
        }

    depends_on = [other(d.id, d.strength) for d in sorted(item.dependencies, key=lambda d: d.id)]
    depended_by = [other(m.id, d.strength) for m in everyone for d in m.initiative.dependencies if d.id == entry.id]
    history = [
        {
            "date": h.date.isoformat(),
            "kind": text(lang, f"report.kind.{h.kind}"),
            "from": _word(h.from_, h.kind, lang),
            "to": _word(h.to, h.kind, lang),
            "reason": h.reason,
            "ref": h.ref or "",
        }
        for h in item.history
        if h.kind in (*SEGMENT_KINDS, "status")
    ]
    code = item.focus_area or ""
    rows = trend(member, portfolio, cadence, date, lang)
    return {
        "kind": "initiative",
        "lang": lang,
        "t": _texts(lang),
        "title": text(lang, "report.initiative.title", name=item.name),
        "portfolio": name,
        "date": date.isoformat() if date else "",
        "id": entry.id,
        "name": item.name,
        "owner": item.owner,
        "focus_area": code,
        "focus_name": focus.get(code, {}).get("name", ""),
        "focus_truncated": bool(focus.get(code, {}).get("truncated")),
        "status": text(lang, f"report.status.{state.status}"),
        "stage": state.stage,
        "stage_name": stage_name(state.stage, lang),
        "segment_name": segment_name(state.segment) if state.segment and state.stage != PROPOSED else "",
        "description": item.description or "",
        "assessment": {
            "t": explained["t"],
            "version": explained["version"],
            "steps": explained["steps"],
            "result": explained["result"],
            "missing": explained["missing"],
            "recorded": explained["recorded"],
            "reason": item.segment_reason or "",
            "flag": explained["flag"],
        },
        "trend": rows,
        "depends_on": depends_on,
        "depended_by": depended_by,
        "history": history,
        "graph": graph(everyone, {entry.id}),
        "generated": text(lang, "report.generated", name=name),
        "links": False,
    }


# Committee papers: the paper for one meeting, and the annual portfolio definition.

STATES = ("grønn", "gul", "rød", "reported", "not_reported")


class ReportRefusal(UserError):
    """A paper that cannot be made from what was asked (an unknown committee, a date not in the calendar); `key`
    names the message."""


def _state(report: StatusReport | None) -> str:
    return "not_reported" if report is None else report.colour or "reported"


def _step(change: Transition, member: Member, lang: str) -> dict[str, Any]:
    """A change of an initiative's place in the portfolio, as a row: the step that made it, and where it led."""

    entry = change.entry
    return {
        "date": change.date.isoformat(),
        "id": member.id,
        "name": member.initiative.name,
        "kind": text(lang, f"report.kind.{entry.kind}"),
        "from": _word(entry.from_, entry.kind, lang),
        "to": _word(entry.to, entry.kind, lang),
        "reason": entry.reason,
        "ref": entry.ref or "",
    }


def _changes(
    everyone: list[Member], start: datetime.date | None, end: datetime.date
) -> list[tuple[Transition, Member]]:
    """Every change of place in the portfolio after `start` up to and including `end`, with its initiative."""
    return [
        (change, m) for m in everyone for change in transitions(m.id, m.initiative, m.checklist_segment, start, end)
    ]


def _find_meeting(found: list[Round], committee: str, day: datetime.date, lang: str) -> Round:
    name = committee.strip().upper()
    known = sorted({r.committee for r in found})
    if name not in known:
        raise ReportRefusal(
            "report.meeting.unknown_committee",
            committee=committee,
            known=", ".join(known) or "–",
            hint=_hint(lang, closest(name, known)),
        )
    same = [r for r in found if r.committee == name]
    match = next((r for r in same if r.date == day), None)
    if match is None:
        nearest = min(same, key=lambda r: (abs((r.date - day).days), r.date))
        raise ReportRefusal(
            "report.meeting.not_in_calendar",
            committee=name,
            date=day.isoformat(),
            nearest=nearest.date.isoformat(),
            label=nearest.label,
        )
    return match


def _hint(lang: str, suggestion: str) -> str:
    return text(lang, "report.meeting.did_you_mean", suggestion=suggestion) if suggestion else ""


def meeting(
    portfolio: Portfolio,
    cadence: Cadence,
    committee: str,
    day: datetime.date,
    case: str | None,
    case_type: str,
    lang: str,
) -> dict[str, Any]:
    """The committee paper (saksfremlegg) for one meeting of the calendar: the portfolio in numbers on its date, the
    status of each segment that reports there in that segment's terms, who has not reported, and the changes since
    the committee's previous meeting (history entries after its date, up to this one; without an earlier meeting,
    since 1 January of the meeting's year)."""
    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    found = rounds(settings.calendar if settings else (), cadence)
    round_ = _find_meeting(found, committee, day, lang)
    earlier = [r for r in found if r.committee == round_.committee and r.date < round_.date]
    previous = earlier[-1] if earlier else None
    start = previous.date if previous else datetime.date(day.year, 1, 1) - datetime.timedelta(days=1)
    everyone = members(portfolio)
    focus = _focus_names(portfolio)
    statuses = portfolio.statuses
    reports = {e.id: e.report for e in statuses.entries if e.round == round_.id} if statuses else {}

    active = [m for m in everyone if m.segment_on(day)]
    due = [m for m in everyone if m.due(round_)]
    reported = [m for m in due if m.id in reports]
    numbers = [
        {
            "segment": s,
            "name": segment_name(s),
            "count": sum(1 for m in active if m.segment_on(day) == s),
            "reports": s in round_.segments,
            "due": sum(1 for m in due if m.segment_on(day) == s),
            "reported": sum(1 for m in reported if m.segment_on(day) == s),
        }
        for s in SEGMENTS
    ]

    def base(member: Member) -> dict[str, Any]:
        report = reports.get(member.id)
        state = _state(report)
        return {
            "id": member.id,
            "name": member.initiative.name,
            "owner": member.initiative.owner,
            "state": state,
            "state_text": text(lang, f"report.state.{state}"),
            "progress": (report.progress or "") if report else "",
        }

    names = {m.id: m.initiative.name for m in everyone}
    sections = []
    for segment in round_.segments:
        group = sorted(
            (m for m in due if m.segment_on(day) == segment), key=lambda m: (m.initiative.name.casefold(), m.id)
        )
        rows = []
        for member in group:
            report = reports.get(member.id)
            if report is None:
                continue
            row = base(member)
            row["risks"] = [
                {"risk": r.risk or "", "consequence": r.consequence or "", "action": r.action or ""}
                for r in report.risks or ()
                if r is not None
            ]
            row["dependencies"] = [
                {
                    "id": d.id or "",
                    "name": names.get(d.id or "", ""),
                    "known": (d.id or "") in names,
                    "needed": d.needed or "",
                    "by": d.by.isoformat() if d.by else "",
                    "state": d.state or "",
                }
                for d in report.dependencies or ()
                if d is not None
            ]
            row["actions"] = [a for a in report.actions or () if a]
            row["experience"] = report.experience or ""
            row["obstacles"] = report.obstacles or ""
            row["purpose"] = report.purpose or ""
            rows.append(row)
        colours = Counter(_state(reports.get(m.id)) for m in group)
        sections.append(
            {
                "segment": segment,
                "name": segment_name(segment),
                "subject": cadence.segments[segment].subject[lang],
                "due": len(group),
                "reported": len(rows),
                "colours": [
                    {"state": s, "text": text(lang, f"report.state.{s}"), "count": colours.get(s, 0)} for s in STATES
                ],
                "rows": rows,
            }
        )
    missing = [
        _row(m, m.state(day), focus, lang)
        for m in sorted(
            due, key=lambda m: (SEGMENTS.index(m.segment_on(day) or SEGMENTS[0]), m.initiative.name.casefold(), m.id)
        )
        if m.id not in reports
    ]
    moves: list[dict[str, Any]] = []
    added: list[dict[str, Any]] = []
    removed: list[dict[str, Any]] = []
    for change, member in _changes(everyone, start, day):
        for rows_, holds in ((moves, change.moved), (added, change.joined), (removed, change.left)):
            if holds:
                rows_.append(_step(change, member, lang))
    for rows_ in (moves, added, removed):
        rows_.sort(key=lambda r: (r["date"], r["name"].casefold(), r["id"]))
    committee_names = cadence.committees.get(round_.committee, {})
    case_number = case or f"x/{day.year % 100:02d}"
    label = f"{round_.number}/{day.year}"
    since = (
        text(lang, "report.meeting.since", label=previous.label, date=previous.date.isoformat())
        if previous
        else text(lang, "report.meeting.since_year", year=day.year)
    )
    return {
        "kind": "meeting",
        "lang": lang,
        "t": _texts(lang),
        "title": text(lang, "report.meeting.title", committee=round_.committee, label=label),
        "portfolio": name,
        "date": "",
        "committee": round_.committee,
        "committee_name": committee_names.get(lang, ""),
        "number": round_.number,
        "meeting_date": day.isoformat(),
        "round": round_.id,
        "case": case_number,
        "case_type": text(lang, f"report.case_type.{case_type}"),
        "purpose": text(lang, "report.meeting.purpose", committee=round_.committee, label=label, name=name),
        "background": text(
            lang,
            "report.meeting.numbers",
            count=len(active),
            date=day.isoformat(),
            due=len(due),
            reported=len(reported),
        ),
        "numbers": numbers,
        "segments": sections,
        "not_reported": missing,
        "since": since,
        "moves": moves,
        "added": added,
        "removed": removed,
        "proposal": text(lang, f"report.meeting.proposal.{case_type}", committee=round_.committee),
        "generated": text(lang, "report.generated", name=name),
    }


def definition(
    portfolio: Portfolio, cadence: Cadence, year: int, lang: str, date: datetime.date | None
) -> dict[str, Any]:
    """The annual portfolio definition for the year after `year`, following NUIT's annual cycle. The portfolio is
    taken as it stands on 31 December of `year`, by the recorded history. Samstyre initiatives are in priority order
    by focus area, then name (the portfolio records no priority)."""
    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    end = datetime.date(year, 12, 31)
    start = datetime.date(year - 1, 12, 31)
    focus = _focus_names(portfolio)
    everyone = members(portfolio)
    active = [m for m in everyone if m.segment_on(end)]
    rows = sorted(
        (_row(m, m.state(end), focus, lang) for m in active),
        key=lambda r: (r["focus_area"], r["name"].casefold(), r["id"]),
    )
    areas: dict[str, Counter[str]] = {}
    for r in rows:
        areas.setdefault(r["focus_area"], Counter())[r["segment"]] += 1
    by_focus = [
        {
            "code": code,
            "name": focus[code]["name"] if code in focus else "",
            "truncated": bool(focus.get(code, {}).get("truncated")),
            "known": code in focus,
            "segments": [c.get(s, 0) for s in SEGMENTS],
            "count": sum(c.values()),
        }
        for code, c in sorted(areas.items())
    ]
    by_segment = [{"name": segment_name(s), "count": sum(1 for r in rows if r["segment"] == s)} for s in SEGMENTS]
    owners: dict[str, Counter[str]] = {}
    for r in rows:
        owners.setdefault(r["owner"], Counter())[r["segment"]] += 1
    by_owner = [
        {"owner": owner, "count": sum(c.values()), "segments": [c.get(s, 0) for s in SEGMENTS]}
        for owner, c in sorted(owners.items(), key=lambda item: (-sum(item[1].values()), item[0].casefold()))
    ]
    priority = [r for r in rows if r["segment"] == "samstyre"]
    starts: list[dict[str, Any]] = []
    ends: list[dict[str, Any]] = []
    for change, member in _changes(everyone, start, end):
        if change.joined:
            starts.append(_step(change, member, lang))
        if change.left:
            ends.append(_step(change, member, lang))
    for found in (starts, ends):
        found.sort(key=lambda r: (r["date"], r["name"].casefold(), r["id"]))
    committee = cadence.portfolio_committee
    return {
        "kind": "definition",
        "lang": lang,
        "t": _texts(lang),
        "title": text(lang, "report.definition.title", year=year + 1, name=name),
        "portfolio": name,
        "date": date.isoformat() if date else "",
        "year": year,
        "next_year": year + 1,
        "intro": text(lang, "report.definition.intro", year=year, next=year + 1, count=len(rows), committee=committee),
        "segment_names": [segment_name(s) for s in SEGMENTS],
        "by_focus": by_focus,
        "by_segment": by_segment,
        "by_owner": by_owner,
        "priority": priority,
        "planning_rule": text(lang, "report.definition.planning_rule", year=year),
        "continues": rows,
        "starts": starts,
        "ends": ends,
        "proposal": text(lang, "report.definition.proposal", committee=committee, next=year + 1),
        "generated": text(lang, "report.generated", name=name),
    }
