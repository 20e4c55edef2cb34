"""The members' money summed by segment, owner and main goal, per year: only members count."""

from __future__ import annotations

import datetime
from typing import Any

from ehportfolio.domain.models import Initiative
from ehportfolio.domain.state import state_of
from ehportfolio.features.finances import balance

ANSWERS = {"digitalisation_essential": "ja"}
DECIDED = "2024-01-10"


def initiative(owner: str, goal: str, segment: str | None, finances: list[dict[str, Any]], out: bool = False) -> Any:
    history = []
    if segment:
        history.append({"date": DECIDED, "kind": "decision", "to": segment, "reason": "vedtatt"})
    if out:
        history.append({"date": "2024-06-01", "kind": "move", "from": segment, "to": "out", "reason": "ut"})
    data = {"name": "T", "owner": owner, "checklist": ANSWERS, "goals": [goal], "history": history}
    return Initiative.model_validate({**data, "finances": finances})


def states(found: dict[str, Initiative], day: datetime.date) -> list[Any]:
    return [(i, state_of(ident, i, None, day)) for ident, i in found.items()]


PORTFOLIO = {
    "a": initiative("Helse Vest RHF", "2", "samstyre", [{"year": "2025", "budget": "100", "own": "40"}]),
    "b": initiative(
        "Helse Vest RHF",
        "4",
        "koordinere",
        [{"year": "2025", "budget": "50", "state_funded": "50", "running_cost_effect": "-20"}, {"year": "2026"}],
    ),
    "c": initiative("Helsedirektoratet", "2", "samstyre", [{"year": "2026", "budget": "7", "co_funded": "7"}]),
    "proposal": initiative("Helsedirektoratet", "2", None, [{"year": "2025", "budget": "1000"}]),
    "gone": initiative("Helsedirektoratet", "4", "samstyre", [{"year": "2025", "budget": "1000"}], out=True),
}


def test_only_members_count_and_each_year_is_summed_apart() -> None:
    found = balance(states(PORTFOLIO, datetime.date(2024, 12, 31)))
    assert found.years == (2025, 2026)
    y2025, y2026 = found.total.years
    assert found.total.count == 3
    assert (y2025.recorded, y2025.budget, y2025.own, y2025.state_funded, y2025.running_cost_effect) == (
        2,
        150,
        40,
        50,
        -20,
    )
    assert (y2026.recorded, y2026.budget, y2026.co_funded) == (2, 7, 7)


def test_sums_by_segment_owner_and_main_goal_sit_beside_the_counts() -> None:
    found = balance(states(PORTFOLIO, datetime.date(2024, 12, 31)))
    segments = {g.key: g for g in found.by_segment}
    assert list(segments) == ["samstyre", "koordinere", "observere", "inspirere"]
    assert segments["samstyre"].count == 2 and [y.budget for y in segments["samstyre"].years] == [100, 7]
    assert segments["observere"].count == 0 and segments["observere"].years == ()
    assert [(g.key, g.count) for g in found.by_owner] == [("Helse Vest RHF", 2), ("Helsedirektoratet", 1)]
    goals = {g.key: g for g in found.by_goal}
    assert [y.budget for y in goals["2"].years] == [100, 7] and [y.budget for y in goals["4"].years] == [50, 0]


def test_the_day_decides_membership() -> None:
    before = balance(states(PORTFOLIO, datetime.date(2024, 3, 1)))
    assert before.total.count == 4  # "gone" was a member then
    assert before.total.years[0].budget == 1150
    assert balance(states(PORTFOLIO, datetime.date(2023, 12, 31))).total.count == 0
