"""Every rule of `ehp check` triggered on a small portfolio, with the file and line it names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import ACTORS, KOORDINERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

from ehportfolio.domain.problems import Problem
from ehportfolio.rules import RULES, run_rules
from ehportfolio.store.portfolio import load_portfolio


def check(tmp_path: Path, initiatives: dict[str, str]) -> list[Problem]:
    files = {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    files.update({f"initiatives/{name}.yaml": text for name, text in initiatives.items()})
    build_file_tree(tmp_path, files)
    return run_rules(load_portfolio(str(tmp_path)))


def only(findings: list[Problem], code: str) -> Problem:
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, findings
    return matching[0]


def test_a_consistent_portfolio_has_no_findings(tmp_path: Path) -> None:
    assert check(tmp_path, {"felles": SAMSTYRE, "avhengig": KOORDINERE}) == []


def test_unknown_dependency_names_the_line_and_suggests(tmp_path: Path) -> None:
    finding = only(
        check(tmp_path, {"felles": SAMSTYRE, "avhengig": KOORDINERE.replace("id: felles", "id: fellse")}),
        "unknown_dependency",
    )
    assert finding.path.endswith("avhengig.yaml") and (finding.line, finding.column) == (12, 5)
    assert finding.args == {"id": "fellse", "suggestion": "felles"} and finding.severity == "error"


def test_self_dependency(tmp_path: Path) -> None:
    text = KOORDINERE.replace("id: felles", "id: avhengig")
    finding = only(check(tmp_path, {"felles": SAMSTYRE, "avhengig": text}), "self_dependency")
    assert finding.path.endswith("avhengig.yaml") and finding.line == 12


def test_dependency_cycle_across_three_files(tmp_path: Path) -> None:
    def depends_on(target: str) -> str:
        return SAMSTYRE + f"dependencies:\n  - id: {target}\n    strength: weak\n"

    findings = check(tmp_path, {"a": depends_on("b"), "b": depends_on("c"), "c": depends_on("a")})
    finding = only(findings, "dependency_cycle")
    assert finding.path.endswith("a.yaml") and (finding.line, finding.column) == (11, 5)
    assert finding.args == {"cycle": "a → b → c → a"}


def test_unknown_owner_suggests_the_register_spelling(tmp_path: Path) -> None:
    text = SAMSTYRE.replace("owner: Helsedirektoratet", "owner: Hesledirektoratet")
    finding = only(check(tmp_path, {"felles": text}), "unknown_owner")
    assert (finding.line, finding.column, finding.args["suggestion"]) == (2, 1, "Helsedirektoratet")


def test_unknown_focus_area_suggests_a_code(tmp_path: Path) -> None:
    finding = only(check(tmp_path, {"felles": SAMSTYRE.replace('"5.1"', "5.11")}), "unknown_focus_area")
    assert (finding.line, finding.args["suggestion"]) == (3, "5.1")


def test_segment_unexplained(tmp_path: Path) -> None:
    finding = only(
        check(tmp_path, {"felles": SAMSTYRE.replace("segment: samstyre", "segment: observere")}), "segment_unexplained"
    )
    assert finding.line == 4 and finding.args == {"recorded": "observere", "result": "samstyre"}
    reasoned = SAMSTYRE.replace("segment: samstyre", "segment: observere\nsegment_reason: Vedtatt i NUIT sak 3/26")
    assert not [f for f in check(tmp_path, {"felles": reasoned}) if f.code == "segment_unexplained"]


def test_segment_missing(tmp_path: Path) -> None:
    finding = only(check(tmp_path, {"felles": SAMSTYRE.replace("segment: samstyre\n", "")}), "segment_missing")
    assert finding.line == 1 and finding.args == {"result": "samstyre"}


def test_segment_on_excluded(tmp_path: Path) -> None:
    text = SAMSTYRE.replace("multiple_care_providers: ja", "multiple_care_providers: nei")
    finding = only(check(tmp_path, {"felles": text}), "segment_on_excluded")
    assert finding.line == 4
    decided = text.replace("segment:", "segment_reason: Vedtatt tross sjekklisten\nsegment:", 1)
    assert not [f for f in check(tmp_path, {"felles": decided}) if f.code == "segment_on_excluded"]


def test_undecided_is_a_warning(tmp_path: Path) -> None:
    finding = only(check(tmp_path, {"felles": SAMSTYRE.replace("  broad_collaboration: ja\n", "")}), "undecided")
    assert finding.severity == "warning" and finding.line == 5
    assert finding.args == {"keys": "broad_collaboration, strong_samstyre_dependencies, exploratory"}


def test_samstyre_dependency_answer_yes_without_a_strong_dependency(tmp_path: Path) -> None:
    text = KOORDINERE.replace("strength: strong", "strength: weak")
    finding = only(check(tmp_path, {"felles": SAMSTYRE, "avhengig": text}), "samstyre_dependency_mismatch")
    assert finding.severity == "warning" and finding.line == 10 and finding.args == {"variant": "yes"}


def test_samstyre_dependency_answer_no_with_a_strong_dependency(tmp_path: Path) -> None:
    text = KOORDINERE.replace(
        "strong_samstyre_dependencies: ja", "strong_samstyre_dependencies: nei\n  exploratory: nei"
    )
    text = text.replace("segment: koordinere", "segment: observere")
    finding = only(check(tmp_path, {"felles": SAMSTYRE, "avhengig": text}), "samstyre_dependency_mismatch")
    assert finding.line == 13 and finding.args == {"variant": "no", "id": "felles"}


def test_koordinere_without_dependency(tmp_path: Path) -> None:
    text = KOORDINERE.split("\ndependencies:")[0] + "\n"
    findings = check(tmp_path, {"felles": SAMSTYRE, "avhengig": text})
    finding = only(findings, "koordinere_without_dependency")
    assert finding.severity == "warning" and finding.line == 4


def test_every_registered_rule_is_triggered_by_a_test() -> None:
    source = "".join(path.read_text(encoding="utf-8") for path in Path(__file__).parents[1].rglob("test_*.py"))
    for rule_id in RULES:
        assert f'"{rule_id}"' in source, rule_id


# Problems met while loading become findings too.


def test_two_files_that_give_the_same_id(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"initiatives/felles.yaml": SAMSTYRE})
    (tmp_path / "initiatives" / "felles.yml").write_text(SAMSTYRE, encoding="utf-8")
    findings = check(tmp_path, {})
    finding = only(findings, "duplicate_id")
    assert finding.path.endswith("felles.yml") and finding.args == {"other": "felles.yaml"}
    assert not [f for f in findings if f.code == "case_collision"]


def test_a_symlink_out_of_the_portfolio_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(SAMSTYRE, encoding="utf-8")
    root = tmp_path / "p"
    build_file_tree(root, {"initiatives/felles.yaml": SAMSTYRE})
    os.symlink(outside, root / "initiatives" / "lenke.yaml")
    os.symlink(root / "initiatives" / "felles.yaml", root / "initiatives" / "inne.yaml")
    findings = check(root, {})
    finding = only(findings, "symlink_outside")
    assert finding.path.endswith("lenke.yaml")
    assert "inne.yaml" not in {Path(f.path).name for f in findings}


@pytest.mark.parametrize(
    ("settings", "code", "line"),
    [
        (SETTINGS.replace("taxonomy.yaml", "mangler.yaml"), "missing_file", 3),
        (SETTINGS.replace("taxonomy.yaml", "../taxonomy.yaml"), "bad_local_file", 3),
        (SETTINGS + "checklist_version: '1999'\n", "unknown_checklist", 5),
    ],
)
def test_portfolio_file_problems(tmp_path: Path, settings: str, code: str, line: int) -> None:
    build_file_tree(
        tmp_path,
        {
            "portfolio.yaml": settings,
            "taxonomy.yaml": TAXONOMY,
            "actors.yaml": ACTORS,
            "initiatives/felles.yaml": SAMSTYRE,
        },
    )
    findings = run_rules(load_portfolio(str(tmp_path)))
    finding = only(findings, code)
    assert finding.path.endswith("portfolio.yaml") and finding.line == line


def test_a_bad_field_of_portfolio_yaml_hides_no_other_problem(tmp_path: Path) -> None:
    """`year` is not valid, so portfolio.yaml is not read as settings; the missing taxonomy file, the broken actors
    file and the unknown checklist version are reported all the same, each at its line."""
    settings = "name: Test\nyear: snart\ntaxonomy: mangler.yaml\nactors: actors.yaml\nchecklist_version: '1999'\n"
    build_file_tree(
        tmp_path,
        {"portfolio.yaml": settings, "actors.yaml": "actors: ja\n", "initiatives/felles.yaml": SAMSTYRE},
    )
    portfolio = load_portfolio(str(tmp_path))
    findings = run_rules(portfolio)
    mine = [f for f in findings if f.path.endswith("portfolio.yaml")]
    assert only(mine, "wrong_type").line == 2
    assert only(mine, "missing_file").line == 3
    assert only(mine, "unknown_checklist").line == 5
    assert only([f for f in findings if f.path.endswith("actors.yaml")], "wrong_type")
    assert portfolio.context.settings is None and portfolio.context.checklist.version == "2020"


def test_a_field_of_portfolio_yaml_that_is_itself_bad_is_reported_once(tmp_path: Path) -> None:
    settings = "name: Test\nyear: snart\ntaxonomy: ../taxonomy.yaml\nchecklist_version: [1999]\n"
    build_file_tree(tmp_path, {"portfolio.yaml": settings, "initiatives/felles.yaml": SAMSTYRE})
    codes = sorted(p.code for p in load_portfolio(str(tmp_path)).problems)
    assert codes == ["bad_local_file", "wrong_type", "wrong_type"]
