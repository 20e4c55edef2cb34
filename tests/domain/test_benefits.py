"""A benefit's progress (domain/benefits.py): its measurements from the status reports up to a day, the trend of the
last value towards or away from the target (for a reduction, lower is towards it), and whether it is past its target
date and short of its target."""

from __future__ import annotations

import datetime

import pytest

from ehportfolio.domain.benefits import (
    AWAY,
    STEADY,
    TOWARDS,
    UNMEASURED,
    is_reduction,
    measurements,
    meets,
    progress,
    trend,
)
from ehportfolio.domain.models import Benefit, StatusReport

DUE = datetime.date(2022, 12, 31)


def benefit(baseline: float, target: float, ident: str = "andel") -> Benefit:
    return Benefit.model_validate(
        {
            "id": ident,
            "description": "En gevinst",
            "goal": "2.1",
            "indicator": {"unit": "prosent", "baseline": baseline, "target": target, "target_date": DUE},
            "responsible": "Helsedirektoratet",
        }
    )


def report(day: str, *measured: dict[str, object]) -> StatusReport:
    return StatusReport.model_validate({"date": day, "benefits": list(measured)})


INCREASE = benefit(10, 40)
REDUCTION = benefit(30, 15)


def test_measurements_are_by_date_up_to_the_day_and_only_of_the_benefit() -> None:
    reports = [
        report("2022-05-01", {"id": "andel", "value": "20"}),
        report("2022-02-01", {"id": "andel", "value": "12.5"}, {"id": "annen", "value": "99"}),
        report("2022-09-01", {"id": "andel", "obstacles": "Leverandøren er sen"}),
        report("2022-11-01", {"id": "andel", "value": "35"}),
        StatusReport.model_validate({"date": "2022-03-01"}),  # measures nothing
    ]
    found = measurements("andel", reports, datetime.date(2022, 10, 1))
    assert [(m.date.isoformat(), m.value, m.obstacles) for m in found] == [
        ("2022-02-01", 12.5, ""),
        ("2022-05-01", 20.0, ""),
        ("2022-09-01", None, "Leverandøren er sen"),
    ]
    assert len(measurements("andel", reports)) == 4  # without a day, every report counts
    assert progress(INCREASE, reports, datetime.date(2022, 10, 1)).latest == 20.0  # obstacles alone measure nothing


@pytest.mark.parametrize(
    ("which", "values", "expected"),
    [
        (INCREASE, [], UNMEASURED),
        (INCREASE, [12], TOWARDS),  # the first value against the baseline
        (INCREASE, [8], AWAY),
        (INCREASE, [10], STEADY),
        (INCREASE, [12, 20], TOWARDS),
        (INCREASE, [20, 18], AWAY),
        (INCREASE, [50, 55], TOWARDS),  # beyond the target, still the way it points
        (REDUCTION, [26], TOWARDS),  # a reduction: lower is towards the target
        (REDUCTION, [26, 27], AWAY),
        (REDUCTION, [31], AWAY),
        (REDUCTION, [20, 20], STEADY),
        (benefit(5, 5), [7, 6], TOWARDS),  # a target equal to the baseline: nearer to it is towards it
        (benefit(5, 5), [6, 8], AWAY),
    ],
)
def test_the_trend_of_the_last_value(which: Benefit, values: list[float], expected: str) -> None:
    assert trend(which, values) == expected


def test_a_target_below_the_baseline_is_a_reduction_and_is_met_from_above() -> None:
    assert is_reduction(REDUCTION) and not is_reduction(INCREASE)
    assert meets(REDUCTION, 15) and meets(REDUCTION, 14) and not meets(REDUCTION, 16)
    assert meets(INCREASE, 40) and meets(INCREASE, 41) and not meets(INCREASE, 39.9)


@pytest.mark.parametrize(
    ("which", "value", "day", "past_due"),
    [
        (INCREASE, "30", "2023-01-01", True),  # after the target date, short of the target
        (INCREASE, "30", "2022-12-31", False),  # on the target date it is not past it
        (INCREASE, "40", "2023-06-01", False),  # reached
        (INCREASE, None, "2023-06-01", True),  # nothing measured: not reached
        (REDUCTION, "16", "2023-01-01", True),
        (REDUCTION, "15", "2023-01-01", False),
        (REDUCTION, "10", "2023-01-01", False),
        (REDUCTION, "16", None, False),  # without a day nothing is past due: a report never reads the clock
    ],
)
def test_past_due_is_after_the_target_date_and_short_of_target(
    which: Benefit, value: str | None, day: str | None, past_due: bool
) -> None:
    reports = [report("2022-06-01", {"id": "andel", "value": value})] if value is not None else []
    found = progress(which, reports, datetime.date.fromisoformat(day) if day else None)
    assert found.past_due is past_due
    assert found.reached is (value is not None and meets(which, float(value)))


def test_a_later_value_that_reaches_the_target_clears_the_flag() -> None:
    reports = [
        report("2022-06-01", {"id": "andel", "value": "20"}),
        report("2023-02-01", {"id": "andel", "value": "14"}),
    ]
    assert progress(REDUCTION, reports, datetime.date(2023, 1, 15)).past_due  # the later report is not yet in
    late = progress(REDUCTION, reports, datetime.date(2023, 3, 1))
    assert not late.past_due and late.reached and late.trend == TOWARDS
    assert [value for _, value in late.values] == [20.0, 14.0]
