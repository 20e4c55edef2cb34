"""The annual cycle in the calendar: the NUIT meeting of a year that handles a stage, and the one that decides the
definition (the planning stage's)."""

from __future__ import annotations

import datetime

from ehportfolio.domain.cycle import deciding_meeting, stage_meeting
from ehportfolio.domain.models import Meeting


def meeting(committee: str, number: int, day: str, stage: str | None = None) -> Meeting:
    return Meeting(committee=committee, number=number, date=datetime.date.fromisoformat(day), stage=stage)


CALENDAR = [
    meeting("NUIT", 1, "2021-02-11", "strategi"),
    meeting("NUFA", 1, "2021-03-17"),
    meeting("NUIT", 4, "2021-11-25", "planlegging"),
    meeting("NUIT", 1, "2022-02-10", "strategi"),
]


def test_the_meeting_of_the_year_that_handles_a_stage() -> None:
    assert stage_meeting(CALENDAR, 2021, "strategi") == CALENDAR[0]
    assert stage_meeting(CALENDAR, 2022, "strategi") == CALENDAR[3]
    assert stage_meeting(CALENDAR, 2021, "prioritering") is None
    assert stage_meeting(CALENDAR, 2020, "strategi") is None


def test_the_planning_meeting_decides_the_definition() -> None:
    assert deciding_meeting(CALENDAR, 2021) == CALENDAR[2]
    assert deciding_meeting(CALENDAR, 2022) is None  # no planning meeting that year: the paper says what date it uses
