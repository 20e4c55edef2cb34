"""The rules on benefits: a benefit's goal is a code of the taxonomy (unknown_benefit_goal), a status report measures
only the benefits its initiative names (status_benefit_unknown), and only Observere and Samstyre reports name obstacles
to a benefit (benefit_obstacles_segment, a warning)."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke
from helpers import (
    KOORDINERE,
    KOORDINERE_STATUS,
    OBSERVERE,
    OBSERVERE_STATUS,
    SAMSTYRE,
    SAMSTYRE_STATUS,
    calendar_portfolio,
)

from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import load_portfolio


def benefits(goal: str = "5.1", ident: str = "andel") -> str:
    return (
        f'benefits:\n  - id: {ident}\n    description: Flere digitale henvendelser\n    goal: "{goal}"\n'
        "    indicator:\n      unit: prosent\n      baseline: 10\n      target: 40\n      target_date: 2022-12-31\n"
        "    responsible: Helsedirektoratet\n"
    )


def measured(obstacles: bool = False, ident: str = "andel") -> str:
    return f"benefits:\n  - id: {ident}\n    value: 12\n" + (
        "    obstacles: Leverandøren er sen\n" if obstacles else ""
    )


def findings(root: Path) -> list[tuple[str, str, int | None, int | None]]:
    found = run_rules(load_portfolio(str(root), statuses=True))
    return [(f.code, f.path.rsplit("/", 2)[-2] + "/" + f.path.rsplit("/", 1)[-1], f.line, f.column) for f in found]


def test_benefits_measured_with_obstacles_by_samstyre_and_observere_check_clean(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path / "p",
        {
            "2021-nuit-1/felles": SAMSTYRE_STATUS + measured(obstacles=True),
            "2021-nuit-2/innforing": OBSERVERE_STATUS + measured(obstacles=True),
        },
        felles=SAMSTYRE + benefits(),
        innforing=OBSERVERE + benefits("2.1"),
    )
    assert [f for f in findings(root) if f[0] != "report_missing"] == []


def test_a_goal_not_in_the_taxonomy_is_an_error_with_a_hint(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE + benefits("5.2"))
    [problem] = [f for f in run_rules(load_portfolio(str(root))) if f.code == "unknown_benefit_goal"]
    assert problem.severity == "error" and problem.field_path == "benefits.0.goal"
    assert (problem.line, problem.column) == (len(SAMSTYRE.splitlines()) + 4, 5)
    assert problem.args["suggestion"] == "5.1" and problem.args["known"] == "2.1, 5.1"
    code, out, _ = invoke("check", str(root), "--lang", "en")
    assert code != 0 and 'the benefit\'s goal "5.2" is not in the strategy; did you mean "5.1"?' in out


def test_a_value_for_a_benefit_the_initiative_does_not_name_is_an_error(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path / "p",
        {"2021-nuit-1/felles": SAMSTYRE_STATUS + measured(ident="andelen")},
        felles=SAMSTYRE + benefits(),
    )
    [problem] = [f for f in run_rules(load_portfolio(str(root), statuses=True)) if f.code == "status_benefit_unknown"]
    assert problem.severity == "error" and problem.args == {"id": "andelen", "suggestion": "andel", "known": "andel"}
    assert (problem.line, problem.column) == (len(SAMSTYRE_STATUS.splitlines()) + 2, 5)
    code, out, _ = invoke("check", str(root))
    assert code != 0 and "«andelen» er ikke en gevinst i tiltaksfilen; mente du «andel»?" in out


def test_obstacles_from_another_segment_are_a_warning_and_the_value_still_counts(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path / "p",
        {"2021-nuit-2/avhengig": KOORDINERE_STATUS + measured(obstacles=True)},
        felles=SAMSTYRE,
        avhengig=KOORDINERE + benefits("2.1"),
    )
    [problem] = [
        f for f in run_rules(load_portfolio(str(root), statuses=True)) if f.code == "benefit_obstacles_segment"
    ]
    assert problem.severity == "warning" and problem.args == {"id": "andel", "segment": "koordinere"}
    assert problem.field_path == "benefits.0.obstacles"
    code, out, _ = invoke("report", "initiative", "avhengig", "--path", str(root))
    assert code == 0 and "| 12 prosent (2021-04-20) | mot målet |" in out  # read, and shown
