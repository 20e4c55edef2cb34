"""NUIT's annual cycle (årshjul, section 4.3): which meeting of the calendar handles each stage of a year, and which
one decides the portfolio definition. Pure: it reads the calendar of portfolio.yaml as given."""

from __future__ import annotations

from collections.abc import Iterable

from ehportfolio.domain.fieldtypes import CYCLE_COMMITTEE
from ehportfolio.domain.models import Meeting

DECIDING_STAGE = "planlegging"
"""The stage whose meeting decides the portfolio definition: planning for next year, the cycle's last."""


def stage_meeting(calendar: Iterable[Meeting], year: int, stage: str) -> Meeting | None:
    """The meeting of `year` that handles `stage` (portfolio.yaml allows one a year, and only NUIT's); None when the
    calendar names none."""
    return next(
        (m for m in calendar if m.committee == CYCLE_COMMITTEE and m.date.year == year and m.stage == stage),
        None,
    )


def deciding_meeting(calendar: Iterable[Meeting], year: int) -> Meeting | None:
    """The meeting of `year` that decides the definition of the year after: the one that handles planning."""
    return stage_meeting(calendar, year, DECIDING_STAGE)
