"""An initiative's plan on a date (domain/roadmap.py `plan_on`): the file's plan with each status report's moves applied
in date order up to that date, and every version of each moved date, original first."""

from __future__ import annotations

import datetime

from ehportfolio.domain.models import Milestone, Phase, Replan
from ehportfolio.domain.roadmap import Replanning, Version, plan_on

D = datetime.date
PHASES = (
    Phase(name="planlegging", planned_start=D(2021, 1, 1), planned_end=D(2021, 12, 31)),
    Phase(name="gjennomføring", planned_start=D(2022, 1, 1), planned_end=D(2023, 6, 30)),
)
MILESTONES = (Milestone(name="Avtale signert", planned=D(2021, 10, 1)),)


def move_end(day: datetime.date, round_id: str, end: datetime.date, reason: str) -> Replanning:
    return Replanning(day, round_id, Replan(phase="gjennomføring", planned_end=end, reason=reason))


FIRST = move_end(D(2021, 4, 20), "2021-nuit-2", D(2023, 12, 31), "Forsinket anskaffelse")
SECOND = move_end(D(2021, 9, 1), "2021-nuit-3", D(2024, 6, 30), "Ny leverandør")


def test_without_replans_the_plan_is_the_files() -> None:
    plan = plan_on(PHASES, MILESTONES, [])
    assert plan.phases == PHASES and plan.milestones == MILESTONES and plan.versions == {}


def test_moves_apply_in_date_order_and_every_version_is_kept() -> None:
    plan = plan_on(PHASES, MILESTONES, [SECOND, FIRST])  # given out of order
    assert plan.phases[1].planned_end == D(2024, 6, 30)
    assert plan.phases[1].planned_start == D(2022, 1, 1)  # not moved
    key = ("phase", "gjennomføring", "planned_end")
    assert plan.versions[key] == (
        Version(D(2023, 6, 30)),
        Version(D(2023, 12, 31), D(2021, 4, 20), "2021-nuit-2", "Forsinket anskaffelse"),
        Version(D(2024, 6, 30), D(2021, 9, 1), "2021-nuit-3", "Ny leverandør"),
    )
    assert plan.original(key) == D(2023, 6, 30) and plan.moved(key)
    assert not plan.moved(("phase", "gjennomføring", "planned_start"))
    assert plan.phases[0] == PHASES[0] and plan.milestones == MILESTONES


def test_the_plan_on_a_date_is_the_plan_as_it_stood_then() -> None:
    moves = [FIRST, SECOND]
    before = plan_on(PHASES, MILESTONES, moves, D(2021, 4, 19))
    assert before.phases == PHASES and before.versions == {}
    on_the_day = plan_on(PHASES, MILESTONES, moves, D(2021, 4, 20))
    assert on_the_day.phases[1].planned_end == D(2023, 12, 31)
    between = plan_on(PHASES, MILESTONES, moves, D(2021, 8, 31))
    assert between.phases[1].planned_end == D(2023, 12, 31)
    assert len(between.versions[("phase", "gjennomføring", "planned_end")]) == 2
    after = plan_on(PHASES, MILESTONES, moves, D(2022, 1, 1))
    assert after.phases[1].planned_end == D(2024, 6, 30)


def test_reports_of_the_same_day_apply_in_round_order() -> None:
    late = move_end(D(2021, 4, 20), "2021-nuit-3", D(2025, 1, 1), "b")
    early = move_end(D(2021, 4, 20), "2021-nuit-2", D(2024, 1, 1), "a")
    assert plan_on(PHASES, MILESTONES, [late, early]).phases[1].planned_end == D(2025, 1, 1)


def test_a_milestone_moves_and_a_move_naming_nothing_changes_nothing() -> None:
    moved = Replanning(
        D(2021, 5, 1), "2021-nuit-2", Replan(milestone="Avtale signert", planned=D(2022, 2, 1), reason="x")
    )
    stray = Replanning(D(2021, 5, 1), "2021-nuit-2", Replan(phase="innføring", planned_start=D(2030, 1, 1), reason="y"))
    plan = plan_on(PHASES, MILESTONES, [moved, stray])
    assert plan.milestones[0].planned == D(2022, 2, 1) and plan.phases == PHASES
    assert plan.versions[("milestone", "Avtale signert", "planned")][0] == Version(D(2021, 10, 1))
    assert set(plan.versions) == {("milestone", "Avtale signert", "planned")}
