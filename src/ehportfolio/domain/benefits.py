"""An initiative's benefits (gevinster) over time: the values the status reports measure of each, up to a date, which
way they go against the target, and whether a benefit is past its target date and short of its target.

One truth: the fact sheet and `ehp report benefits` read a benefit's progress only through `progress`. A target below
the baseline is a reduction (fewer hours, lower cost): there, lower values go towards it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from ehportfolio.domain.models import Benefit, StatusReport

OBSTACLE_SEGMENTS = ("samstyre", "observere")
"""The segments whose status reports name obstacles to a benefit: Observere follows the obstacles to the initiatives
that realise benefits, and Samstyre reports its risks."""

TOWARDS, AWAY, STEADY, UNMEASURED = "towards", "away", "steady", "unmeasured"
TRENDS = (TOWARDS, AWAY, STEADY, UNMEASURED)
"""Which way a benefit's last measured value went: towards its target, away from it, neither, or not measured yet."""


@dataclass(frozen=True)
class Measurement:
    """What one status report said of a benefit: on its date, the value measured (None when it named only obstacles)
    and the obstacles it named ("" when none)."""

    date: datetime.date
    value: float | None
    obstacles: str


@dataclass(frozen=True)
class Progress:
    """A benefit on a day: its measurements up to then, by date, and what they say against its target."""

    benefit: Benefit
    measurements: tuple[Measurement, ...]
    trend: str
    """One of TRENDS: the last value against the one before it (the baseline, when it is the first)."""
    reached: bool
    """The last value meets the target (at or above it; at or below it for a reduction)."""
    past_due: bool
    """The day is after the target date and the target is not reached (or nothing was measured)."""

    @property
    def values(self) -> tuple[tuple[datetime.date, float], ...]:
        """The measured values, by date (the series a chart draws)."""
        return tuple((m.date, m.value) for m in self.measurements if m.value is not None)

    @property
    def latest(self) -> float | None:
        """The last value measured; None when none was."""
        values = self.values
        return values[-1][1] if values else None

    @property
    def reduction(self) -> bool:
        return is_reduction(self.benefit)


def is_reduction(benefit: Benefit) -> bool:
    """Whether the benefit is a reduction: its target lies below its baseline."""
    return benefit.indicator.target < benefit.indicator.baseline


def measurements(
    benefit_id: str, reports: Iterable[StatusReport], day: datetime.date | None = None
) -> tuple[Measurement, ...]:
    """What the status reports dated on or before `day` (all of them without one) say of the benefit `benefit_id`, by
    date; a report that neither measures it nor names obstacles to it says nothing."""
    found = []
    for report in reports:
        if day is not None and report.date > day:
            continue
        for measured in report.benefits or ():
            if measured.id == benefit_id and (measured.value is not None or measured.obstacles):
                found.append(Measurement(report.date, measured.value, measured.obstacles or ""))
    return tuple(sorted(found, key=lambda m: m.date))


def meets(benefit: Benefit, value: float) -> bool:
    """Whether a value meets the benefit's target: at or above it, or at or below it for a reduction."""
    target = benefit.indicator.target
    return value <= target if is_reduction(benefit) else value >= target


def trend(benefit: Benefit, values: Iterable[float]) -> str:
    """Which way the last of the values went from the one before it (from the baseline, when it is the only one):
    towards the target, away from it, or neither; `unmeasured` without values."""
    series = [benefit.indicator.baseline, *values]
    if len(series) < 2:
        return UNMEASURED
    before, last = series[-2], series[-1]
    target = benefit.indicator.target
    direction = target - benefit.indicator.baseline
    # a target equal to the baseline is kept: nearer to it is towards it
    sign = (direction > 0) - (direction < 0)
    moved = (last - before) * sign if sign else abs(target - before) - abs(target - last)
    if moved > 0:
        return TOWARDS
    return AWAY if moved < 0 else STEADY


def progress(benefit: Benefit, reports: Iterable[StatusReport], day: datetime.date | None = None) -> Progress:
    """The benefit on `day` from the initiative's status reports: its measurements up to then, its trend, whether
    the target is reached, and whether it is past its target date short of it. Without a day every report counts
    and nothing is past due (a report never reads the clock)."""
    found = measurements(benefit.id, reports, day)
    values = [m.value for m in found if m.value is not None]
    reached = bool(values) and meets(benefit, values[-1])
    past_due = day is not None and day > benefit.indicator.target_date and not reached
    return Progress(benefit, found, trend(benefit, values), reached, past_due)
