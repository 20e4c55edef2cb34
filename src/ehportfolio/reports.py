"""What each report shows, as plain data: the one place where a report's context is built from the portfolio.

Pure: no files, no clock, no Jinja. Templates receive only dicts, lists, strings and numbers from here (never model
objects), so that a portfolio's own templates see a small, documented surface. The texts come from messages.py in the
report's language; user text (names, owners, reasons) is passed as it is, and each format escapes it.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from .assessment import assess
from .cadence import Cadence
from .fieldtypes import OUT, SEGMENTS
from .lifecycle import SEGMENT_KINDS
from .messages import segment_name, text
from .portfolio import Entry, Portfolio
from .reporting import Member, Round, members, rounds

GRAPH_LIMIT = 80
"""The largest dependency graph a report draws; a bigger one is left to the fact sheets."""

OTHER = "other"
INACTIVE = "inactive"


def _texts(lang: str, keys: list[str]) -> dict[str, str]:
    return {key.removeprefix("report."): text(lang, key) for key in keys}


_COMMON = [
    "report.date",
    "report.col.focus",
    "report.col.name",
    "report.col.owner",
    "report.col.segment",
    "report.col.count",
    "report.col.total",
    "report.col.strength",
    "report.dependencies",
    "report.graph.none",
    "report.graph.legend",
    "report.none",
    "report.id",
    "report.status",
]


def _focus_names(portfolio: Portfolio) -> dict[str, dict[str, Any]]:
    taxonomy = portfolio.context.taxonomy
    return {a.code: {"name": a.name, "truncated": a.truncated} for a in taxonomy.focus_areas} if taxonomy else {}


def current_segment(member: Member) -> str | None:
    """The segment an initiative is in now: the recorded one, or else the checklist's result."""
    return member.initiative.segment or member.checklist_segment


def _row(member: Member, focus: dict[str, dict[str, Any]]) -> dict[str, Any]:
    initiative = member.initiative
    code = initiative.focus_area or ""
    return {
        "id": member.id,
        "name": initiative.name,
        "owner": initiative.owner,
        "focus_area": code,
        "focus_name": focus.get(code, {}).get("name", ""),
        "segment": current_segment(member) or "",
        "segment_name": segment_name(current_segment(member)) if current_segment(member) else "",
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
    groups: dict[str, list[dict[str, Any]]] = {key: [] for key in (*SEGMENTS, OTHER, INACTIVE)}
    for member in everyone:
        segment = current_segment(member)
        group = INACTIVE if member.initiative.status != "active" else segment or OTHER
        groups[group].append(_row(member, focus))
    for rows in groups.values():
        rows.sort(key=lambda r: (r["focus_area"], r["name"].casefold(), r["id"]))
    titles = {s: segment_name(s) for s in SEGMENTS}
    titles[OTHER] = text(lang, "report.group.other")
    titles[INACTIVE] = text(lang, "report.group.inactive")
    segments = [
        {"key": key, "name": titles[key], "count": len(rows), "rows": rows}
        for key, rows in groups.items()
        if key in SEGMENTS or rows
    ]
    active = [m for m in everyone if m.initiative.status == "active" and current_segment(m)]
    owners: dict[str, Counter[str]] = {}
    for member in active:
        owners.setdefault(member.initiative.owner, Counter())[current_segment(member) or ""] += 1
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
        "t": _texts(
            lang,
            [
                *_COMMON,
                "report.by_segment",
                "report.by_owner",
                "report.by_focus",
                "report.truncated",
                "report.unknown_focus",
                "report.no_focus",
                "report.chart.segments",
            ],
        ),
        "title": text(lang, "report.overview.title", name=name),
        "portfolio": name,
        "date": date.isoformat() if date else "",
        "total": len(active),
        "summary": text(lang, "report.total", count=len(active), segments=counts),
        "segment_names": [segment_name(s) for s in SEGMENTS],
        "segments": segments,
        "by_owner": by_owner,
        "by_focus": by_focus,
        "graph": drawn,
        "too_large": text(lang, "report.graph.too_large", count=drawn["too_large"]),
        "generated": text(lang, "report.generated", name=name),
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


def initiative(
    portfolio: Portfolio, entry: Entry, cadence: Cadence, lang: str, date: datetime.date | None
) -> dict[str, Any]:
    """The fact sheet: the checklist's explanation, the status trend, dependencies both ways, the segment history."""
    from .formats.markdown import assessment_context

    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    focus = _focus_names(portfolio)
    everyone = members(portfolio)
    member = next(m for m in everyone if m.id == entry.id)
    names = {m.id: m for m in everyone}
    item = entry.initiative
    explained = assessment_context(assess(entry, portfolio.checklist), lang)

    def other(ident: str, strength: str) -> dict[str, Any]:
        known = names.get(ident)
        return {
            "id": ident,
            "name": known.initiative.name if known else "",
            "known": known is not None,
            "segment_name": segment_name(current_segment(known)) if known and current_segment(known) else "",
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
        "t": _texts(
            lang,
            [
                *_COMMON,
                "report.description",
                "report.assessment",
                "report.trend",
                "report.trend.none",
                "report.trend.rule",
                "report.col.meeting",
                "report.col.state",
                "report.col.progress",
                "report.col.risks",
                "report.col.kind",
                "report.col.from",
                "report.col.to",
                "report.col.reason",
                "report.col.ref",
                "report.depends_on",
                "report.depended_by",
                "report.not_in_portfolio",
                "report.history",
                "report.history.none",
                "report.chart.trend",
                "report.truncated",
            ],
        ),
        "title": text(lang, "report.initiative.title", name=item.name),
        "portfolio": name,
        "date": date.isoformat() if date else "",
        "id": entry.id,
        "name": item.name,
        "owner": item.owner,
        "focus_area": code,
        "focus_name": focus.get(code, {}).get("name", ""),
        "focus_truncated": bool(focus.get(code, {}).get("truncated")),
        "status": text(lang, f"report.status.{item.status}"),
        "segment_name": segment_name(current_segment(member)) if current_segment(member) else "",
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
    }
