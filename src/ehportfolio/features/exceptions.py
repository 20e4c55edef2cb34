"""What needs a committee's attention at a round, purely: the exceptions a meeting paper opens its status part with.

An initiative due at the round needs attention, for each of these reasons:
- `red`: it reported rød;
- `worse`: its colour is worse than at the previous round it was due at and reported a colour (grønn to gul, gul to
  rød, grønn to rød);
- `not_reported_twice`: it has not reported to this round nor to the previous round it was due at, both started;
- `dependency`: one of the dependencies its report names (`dependencies[].id`) is at risk: the initiative depended on
  reported rød or gul, or did not report, at this round, or else at the latest round before it that it was due at
  (`colour`, `not_reported`); or the dependency's `by` date is before the meeting's date and its `state` does not
  say it is done (`overdue`, by the cadence's done words, `Cadence.done`).

Where each report stands comes from features.calendar (`RoundState`); nothing here reads files.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ehportfolio.domain.cadence import Done
from ehportfolio.domain.models import StatusReport
from ehportfolio.features.calendar import Reporting, RoundState

REASONS = ("red", "worse", "dependency", "not_reported_twice")
"""The reasons an initiative needs attention, in the order a paper lists them."""
COLOURS = ("grønn", "gul", "rød")
"""Samstyre's colours, from better to worse."""
AT_RISK = ("gul", "rød")


@dataclass(frozen=True)
class Reason:
    """One reason an initiative needs attention (`kind`, one of REASONS), with what a paper says of it: the round it
    compares with (`before`, a round id) and the colour there (`was`); for a dependency, its id, what is wrong with it
    (`colour`, `not_reported` or `overdue`), the round its colour comes from, and its `by` date and `state`."""

    kind: str
    before: str = ""
    was: str = ""
    dependency: str = ""
    risk: str = ""
    by: datetime.date | None = None
    state: str = ""


@dataclass(frozen=True)
class Attention:
    """An initiative that needs the committee's attention at a round, where its report stands, and why."""

    id: str
    reporting: Reporting
    reasons: tuple[Reason, ...]

    @property
    def first(self) -> int:
        """Its most pressing reason, as a position in REASONS."""
        return min(REASONS.index(r.kind) for r in self.reasons)


def _earlier(history: Sequence[RoundState], ident: str) -> list[tuple[RoundState, Reporting]]:
    """The rounds before the last of `history` that the initiative was due at, latest first, with its report there."""
    return [(s, s.states[ident]) for s in reversed(history[:-1]) if ident in s.states]


def _dependency(report: StatusReport, history: Sequence[RoundState], day: datetime.date, done: Done) -> list[Reason]:
    """The reasons a report's dependencies are at risk, in the report's order."""
    current = history[-1]
    reasons = []
    for dependency in report.dependencies or ():
        if dependency is None or not dependency.id:
            continue
        ident = dependency.id
        if ident in current.states and current.started:
            found: tuple[RoundState, Reporting] | None = (current, current.states[ident])
        else:
            found = next(iter(_earlier(history, ident)), None)
        if found is not None:
            where, state = found
            before = "" if where is current else where.round.id
            if state.colour in AT_RISK:
                reasons.append(Reason("dependency", before, state.colour, ident, "colour"))
            elif state.state == "not_reported":
                reasons.append(Reason("dependency", before, "", ident, "not_reported"))
        if dependency.by is not None and dependency.by < day and not done.says_done(dependency.state):
            overdue = Reason(
                "dependency", dependency=ident, risk="overdue", by=dependency.by, state=dependency.state or ""
            )
            reasons.append(overdue)
    return reasons


def attention(
    history: Sequence[RoundState], reports: Mapping[str, StatusReport], koordinere: set[str], done: Done
) -> list[Attention]:
    """Each initiative due at the last round of `history` that needs attention, with its reasons, in the order of
    the round's states. `history` is every round up to and including this one, in date order (features.calendar's
    `survey`); `reports` are this round's status reports by id; `koordinere` the ids due here as Koordinere, whose
    dependencies are looked at."""
    current = history[-1]
    if not current.started:
        return []
    found = []
    for ident, state in current.states.items():
        reasons: list[Reason] = []
        earlier = _earlier(history, ident)
        if state.colour == "rød":
            reasons.append(Reason("red"))
        if state.colour in COLOURS:
            before = next(((s, r) for s, r in earlier if r.colour in COLOURS), None)
            if before is not None and COLOURS.index(state.colour) > COLOURS.index(before[1].colour or ""):
                reasons.append(Reason("worse", before[0].round.id, before[1].colour or ""))
        if state.state == "not_reported" and earlier and earlier[0][1].state == "not_reported":
            reasons.append(Reason("not_reported_twice", earlier[0][0].round.id))
        report = reports.get(ident)
        if ident in koordinere and report is not None:
            reasons.extend(_dependency(report, history, current.round.date, done))
        if reasons:
            found.append(Attention(ident, state, tuple(reasons)))
    return found
