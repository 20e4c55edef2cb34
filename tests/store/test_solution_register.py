"""The register of national solutions: the shipped default, a portfolio's own file, and a bad one reported with its
file and line while the rest of the portfolio is still read."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import invoke
from helpers import ACTORS, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

from ehportfolio.store.packaged import SOLUTIONS_FILE, load_solutions
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]

OWN = """\
solutions:
  - id: felles-epj
    name: Felles EPJ
    name_en: Shared EHR
    kind: shared_epj
  - id: kjernejournal
    name: Kjernejournal
"""


def portfolio(root: Path, register: str | None, settings: str = SETTINGS) -> Path:
    files: dict[str, str | bytes] = {
        "portfolio.yaml": settings + ("solutions: solutions.yaml\n" if register is not None else ""),
        "taxonomy.yaml": TAXONOMY,
        "actors.yaml": ACTORS,
        "initiatives/felles.yaml": SAMSTYRE,
    }
    if register is not None:
        files["solutions.yaml"] = register
    return build_file_tree(root, files)


def test_the_shipped_register_holds_the_four_national_solutions_with_grunndata_and_helseid() -> None:
    solutions = {s.id: s for s in load_solutions()}
    assert {"kjernejournal", "e-resept", "helsenorge", "helsenettet"} <= set(solutions)
    assert solutions["grunndata"].part_of == solutions["helseid"].part_of == "helsenettet"
    assert {s.kind for s in solutions.values()} == {"national_solution"}
    assert SOLUTIONS_FILE.parent.name == "data"


def test_the_shipped_portfolio_names_its_own_copy_of_the_register() -> None:
    loaded = load_portfolio(str(ROOT / "portfolio"))
    assert loaded.context.solutions_file.endswith("solutions.yaml") and not loaded.problems
    assert [s.id for s in loaded.context.solutions] == [s.id for s in load_solutions()]


def test_without_solutions_in_portfolio_yaml_the_shipped_register_applies(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, None)))
    assert loaded.context.solutions == load_solutions() and loaded.context.solutions_file == ""


def test_a_portfolio_names_its_own_register(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, OWN)))
    assert not loaded.problems
    assert set(loaded.context.solution_by_id) == {"felles-epj", "kjernejournal"}
    assert loaded.context.solution_by_id["felles-epj"].kind == "shared_epj"
    assert loaded.context.solutions_file.endswith("solutions.yaml")


def test_an_id_given_twice_is_reported_at_its_line_and_the_shipped_register_applies(tmp_path: Path) -> None:
    register = OWN + "  - id: felles-epj\n    name: Igjen\n"
    loaded = load_portfolio(str(portfolio(tmp_path, register)))
    (problem,) = loaded.problems
    assert problem.path.endswith("solutions.yaml") and problem.code == "duplicate_solution"
    assert (problem.line, problem.column) == (8, 5) and problem.args == {"id": "felles-epj", "first_line": 2}
    assert problem.field_path == "solutions.2.id"
    assert loaded.context.solutions == load_solutions()  # the defaults apply, as for a broken taxonomy
    assert [e.id for e in loaded.entries] == ["felles"]  # and the initiatives are still read


def test_a_part_of_that_names_no_other_entry_is_reported_at_its_line(tmp_path: Path) -> None:
    register = OWN + "  - id: helseid\n    name: HelseID\n    part_of: helsenett\n"
    (problem,) = load_portfolio(str(portfolio(tmp_path, register))).problems
    assert problem.code == "unknown_part_of" and (problem.line, problem.column) == (10, 5)
    assert problem.args == {"id": "helsenett", "known": "felles-epj, helseid, kjernejournal"}


def test_check_names_the_file_and_line_of_a_bad_register(tmp_path: Path) -> None:
    register = "solutions:\n  - id: Kjerne Journal\n    name: Kjernejournal\n    kind: nasjonal\n"
    root = portfolio(tmp_path, register)
    result = invoke("check", str(root), "--format", "json")
    assert result.code == 1
    found = {(f["file"], f["line"], f["column"], f["field"], f["rule"]) for f in json.loads(result.out)["findings"]}
    register_file = str(root / "solutions.yaml")
    assert found == {
        (register_file, 2, 5, "solutions.0.id", "bad_slug"),
        (register_file, 4, 5, "solutions.0.kind", "bad_choice"),
    }


def test_a_missing_register_is_a_finding_on_portfolio_yaml(tmp_path: Path) -> None:
    root = portfolio(tmp_path, None, SETTINGS + "solutions: mangler.yaml\n")
    (problem,) = load_portfolio(str(root)).problems
    assert problem.code == "missing_file" and problem.path.endswith("portfolio.yaml") and problem.line == 5
