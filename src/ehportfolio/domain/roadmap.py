"""An initiative's plan over time: the phase names a portfolio plans by, each phase's and milestone's slippage (how
far the actual dates lie from the planned ones), and the plan as it stood on a date, with the planned dates its
status reports moved (`plan_on`): the one truth the roadmap and the fact sheet read."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the command line reads GROUPINGS at start-up, before any model is needed
    from ehportfolio.domain.models import Milestone, Phase, Replan

DEFAULT_PHASES = ("utredning", "planlegging", "gjennomføring", "innføring", "gevinstrealisering")
"""The phases of an initiative when the portfolio names none of its own (portfolio.yaml `phases`)."""

GROUPINGS = ("goal", "owner", "user-group")
"""What `ehp report roadmap --by` may group the initiatives by: their main goal, their owner, or the user groups they
serve (an initiative with several is in each of their groups)."""


def phase_names(own: Sequence[str]) -> tuple[str, ...]:
    """The phase names a portfolio plans by: its own, or the default ones."""
    return tuple(own) or DEFAULT_PHASES


def slip_days(planned: datetime.date | None, actual: datetime.date | None) -> int | None:
    """Days the actual date lies after the planned one (negative: before); None when either is missing."""
    if planned is None or actual is None:
        return None
    return (actual - planned).days


@dataclass(frozen=True)
class Replanning:
    """A replan as a status report gives it: the report's date and round, and what it moves."""

    date: datetime.date
    round: str
    replan: Replan


@dataclass(frozen=True)
class Version:
    """One version of a planned date: the date planned, and, for a move, the status report that moved it (its date,
    round and reason); the original, from the initiative file, has no report (`reported` None)."""

    planned: datetime.date | None
    reported: datetime.date | None = None
    round: str = ""
    reason: str = ""


DateKey = tuple[str, str, str]
"""Which planned date: (`phase` or `milestone`, its name, `planned_start`, `planned_end` or `planned`)."""


@dataclass(frozen=True)
class Plan:
    """An initiative's plan on a date: its phases and milestones with the planned dates as they stood then, and the
    versions of each planned date that was moved by then (original first, then each move in date order)."""

    phases: tuple[Phase, ...]
    milestones: tuple[Milestone, ...]
    versions: dict[DateKey, tuple[Version, ...]] = field(default_factory=dict)

    def original(self, key: DateKey) -> datetime.date | None:
        """The planned date as the initiative file gives it; the current one when it was never moved."""
        found = self.versions.get(key)
        return found[0].planned if found else None

    def moved(self, key: DateKey) -> bool:
        return key in self.versions


PHASE_DATES = ("planned_start", "planned_end")


def plan_on(
    phases: Sequence[Phase],
    milestones: Sequence[Milestone],
    replannings: Iterable[Replanning],
    day: datetime.date | None = None,
) -> Plan:
    """The plan as it stood on `day` (None: as it stands after every report): the file's phases and milestones with
    the moves of each status report dated on or before `day` applied in date order (then by round). A move that
    names no phase or milestone of the plan changes nothing (the rule unknown_replan reports it); a move that names
    a phase the plan has twice moves both."""
    current_phases = list(phases)
    current_milestones = list(milestones)
    versions: dict[DateKey, list[Version]] = {}
    ordered = sorted(replannings, key=lambda r: (r.date, r.round))
    for step in ordered:
        if day is not None and step.date > day:
            break
        replan = step.replan
        if replan.phase is not None:
            for index, phase in enumerate(current_phases):
                if phase.name != replan.phase:
                    continue
                update = {key: getattr(replan, key) for key in PHASE_DATES if getattr(replan, key) is not None}
                for key, value in update.items():
                    _record(versions, ("phase", phase.name, key), getattr(phase, key), value, step)
                current_phases[index] = phase.model_copy(update=update)
        elif replan.milestone is not None:
            for index, milestone in enumerate(current_milestones):
                if milestone.name == replan.milestone:
                    where: DateKey = ("milestone", milestone.name, "planned")
                    _record(versions, where, milestone.planned, replan.planned, step)
                    current_milestones[index] = milestone.model_copy(update={"planned": replan.planned})
    return Plan(
        tuple(current_phases), tuple(current_milestones), {key: tuple(found) for key, found in versions.items()}
    )


def _record(
    versions: dict[DateKey, list[Version]],
    key: DateKey,
    before: datetime.date | None,
    after: datetime.date | None,
    step: Replanning,
) -> None:
    found = versions.setdefault(key, [Version(before)])
    found.append(Version(after, step.date, step.round, step.replan.reason))
