"""An initiative's plan over time: phases and milestones load, and each kind of bad input (a date that is not a date,
an end before its start, a phase name the portfolio does not plan by) is a problem at its file, line and column."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke
from helpers import ACTORS, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

from ehportfolio.domain.problems import Problem
from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import load_portfolio

PLAN = """\
phases:
  - name: planlegging
    planned_start: 2025-01-01
    planned_end: 2025-06-30
    actual_start: 2025-02-01
  - name: gjennomføring
    planned_start: 2025-07-01
    planned_end: 2026-12-31
milestones:
  - name: Avtale signert
    planned: 2025-06-01
    actual: 2025-06-20
"""
FIRST_PLAN_LINE = SAMSTYRE.count("\n") + 1


def portfolio(root: Path, plan: str, settings: str = SETTINGS) -> Path:
    files: dict[str, str | bytes] = {
        "portfolio.yaml": settings,
        "taxonomy.yaml": TAXONOMY,
        "actors.yaml": ACTORS,
        "initiatives/felles.yaml": SAMSTYRE + plan,
    }
    return build_file_tree(root, files)


def problems(root: Path) -> list[Problem]:
    return run_rules(load_portfolio(str(root)))


def test_a_plan_loads_and_passes_check(tmp_path: Path) -> None:
    root = portfolio(tmp_path, PLAN)
    assert problems(root) == []
    [entry] = load_portfolio(str(root)).entries
    assert [p.name for p in entry.initiative.phases] == ["planlegging", "gjennomføring"]
    assert entry.initiative.milestones[0].actual is not None


def test_a_date_that_is_not_a_date_is_placed_on_its_value(tmp_path: Path) -> None:
    root = portfolio(tmp_path, PLAN.replace("planned_end: 2025-06-30", "planned_end: 2025-06-31"))
    [problem] = problems(root)
    assert problem.code == "bad_date_value" and problem.field_path == "phases.0.planned_end"
    assert (problem.line, problem.column) == (FIRST_PLAN_LINE + 3, 5)
    code, out, err = invoke("check", str(root))
    assert code != 0 and f"\n{FIRST_PLAN_LINE + 3}:5  " in out + err


def test_a_milestone_date_that_is_not_a_date(tmp_path: Path) -> None:
    root = portfolio(tmp_path, PLAN.replace("actual: 2025-06-20", "actual: snart"))
    [problem] = problems(root)
    assert (problem.code, problem.field_path) == ("bad_date_value", "milestones.0.actual")
    assert problem.line == FIRST_PLAN_LINE + 11


def test_an_end_before_its_start_is_placed_on_the_end(tmp_path: Path) -> None:
    root = portfolio(tmp_path, PLAN.replace("planned_end: 2026-12-31", "planned_end: 2025-03-01"))
    [problem] = problems(root)
    assert problem.code == "date_order" and problem.field_path == "phases.1.planned_end"
    assert (problem.line, problem.column) == (FIRST_PLAN_LINE + 7, 5)
    assert problem.args == {"start": "2025-07-01", "end": "2025-03-01"}
    code, out, err = invoke("check", str(root))
    assert code != 0 and "2025-03-01" in out + err and "2025-07-01" in out + err


def test_an_actual_end_before_the_actual_start(tmp_path: Path) -> None:
    plan = PLAN.replace("actual_start: 2025-02-01", "actual_start: 2025-02-01\n    actual_end: 2025-01-15")
    [problem] = problems(portfolio(tmp_path, plan))
    assert (problem.code, problem.field_path) == ("date_order", "phases.0.actual_end")


def test_an_unknown_phase_name_is_a_finding_with_a_suggestion(tmp_path: Path) -> None:
    root = portfolio(tmp_path, PLAN.replace("name: gjennomføring", "name: gjenomføring"))
    [finding] = problems(root)
    assert finding.code == "unknown_phase" and finding.field_path == "phases.1.name"
    assert (finding.line, finding.column) == (FIRST_PLAN_LINE + 5, 5)
    assert finding.args["suggestion"] == "gjennomføring"
    code, out, err = invoke("check", str(root))
    assert code == 1 and f"\n{FIRST_PLAN_LINE + 5}:5  " in out and "unknown_phase" in out


def test_a_portfolio_may_name_its_own_phases(tmp_path: Path) -> None:
    own = SETTINGS + "phases: [forstudie, prosjekt]\n"
    plan = PLAN.replace("name: planlegging", "name: forstudie").replace("name: gjennomføring", "name: prosjekt")
    assert problems(portfolio(tmp_path / "own", plan, own)) == []
    findings = problems(portfolio(tmp_path / "default", PLAN, own))
    assert [f.field_path for f in findings] == ["phases.0.name", "phases.1.name"]
    assert {f.code for f in findings} == {"unknown_phase"}
    assert findings[0].args["known"] == "forstudie, prosjekt"
