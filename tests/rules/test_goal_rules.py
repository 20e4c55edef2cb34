"""The rules on `goals`: a portfolio on the 2023–2030 goals with several goals per initiative and sub-goals passes
`ehp check`; unknown and repeated codes, and `goals` beside `focus_area`, are findings with their file and line."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke
from helpers import goals_initiative, goals_portfolio

from ehportfolio.domain.problems import Problem
from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import load_portfolio


def findings(root: Path, code: str) -> list[Problem]:
    return [f for f in run_rules(load_portfolio(str(root))) if f.code == code]


def test_several_goals_and_sub_goals_pass_check(tmp_path: Path) -> None:
    root = goals_portfolio(
        tmp_path,
        a=goals_initiative("A", '["4", "2"]'),
        b=goals_initiative("B", '["2A", "4", "2B"]'),
        c=goals_initiative("C", '\n  - "1"\n  - "2B"'),  # a block list reads the same
    )
    code, out, err = invoke("check", str(root))
    assert code == 0, out + err
    assert run_rules(load_portfolio(str(root))) == []


def test_an_unknown_goal_is_a_finding_at_its_line_with_a_suggestion(tmp_path: Path) -> None:
    root = goals_portfolio(tmp_path, a=goals_initiative("A", '\n  - "4"\n  - "2C"'))
    [finding] = findings(root, "unknown_goal")
    assert finding.path.endswith("a.yaml") and finding.line == 5 and finding.field_path == "goals.1"
    assert finding.args["code"] == "2C" and finding.args["suggestion"] in ("2", "2A", "2B")
    code, out, err = invoke("check", str(root))
    assert code == 1 and "a.yaml" in out and "5:5" in out and "unknown_goal" in out and "2C" in out


def test_a_goal_named_twice_is_a_finding(tmp_path: Path) -> None:
    root = goals_portfolio(tmp_path, a=goals_initiative("A", '["4", "2A", "4"]'))
    [finding] = findings(root, "duplicate_goal")
    assert (finding.line, finding.field_path, finding.args) == (3, "goals.2", {"code": "4"})


def test_goals_beside_a_focus_area_is_a_finding_on_the_focus_area(tmp_path: Path) -> None:
    text = goals_initiative("A", '["4"]').replace("goals:", 'focus_area: "2"\ngoals:')
    root = goals_portfolio(tmp_path, a=text)
    [finding] = findings(root, "goals_and_focus_area")
    assert (finding.line, finding.field_path, finding.args) == (3, "focus_area", {"code": "2"})


def test_a_focus_area_alone_still_checks_against_the_taxonomy(tmp_path: Path) -> None:
    text = goals_initiative("A", '["4"]').replace('goals: ["4"]', 'focus_area: "2A"')
    root = goals_portfolio(tmp_path, a=text, b=text.replace('"2A"', '"9"'))
    assert [f.path.endswith("b.yaml") for f in findings(root, "unknown_focus_area")] == [True]


def test_ehp_new_and_import_take_a_sub_goal_as_the_focus_area(tmp_path: Path) -> None:
    root = goals_portfolio(tmp_path / "p")
    (root / "initiatives").mkdir()
    owner, answers = ("--owner", "Helse Vest RHF"), ("--answer", "digitalisation_essential=nei")
    code, out, err = invoke("new", "--path", str(root), "--name", "Ny", *owner, "--focus-area", "2a", *answers)
    assert code == 0, err
    assert 'focus_area: "2A"' in (root / "initiatives" / "ny.yaml").read_text(encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("Primært innsatsområde,Navn,Aktør\n2B,Importert,Helse Vest RHF\n", encoding="utf-8")
    code, out, err = invoke("import", str(table), "--path", str(root))
    assert code == 0, err
    assert 'focus_area: "2B"' in (root / "initiatives" / "importert.yaml").read_text(encoding="utf-8")
    assert invoke("check", str(root)).code in (0, 1)  # undecided checklists warn; no unknown_focus_area
    assert not findings(root, "unknown_focus_area")
