"""An initiative's money per year: whole kroner only, funding within the budget, one entry a year; each bad value
reported at its file, line and column while the rest of the portfolio is still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, KOORDINERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

from ehportfolio.store.portfolio import load_portfolio

FINANCES = """\
finances:
  - year: 2025
    budget: 12500000
    own: 2500000
    co_funded: 4000000
    state_funded: 6000000
    running_cost_effect: -300000
  - year: 2026
    budget: 8000000
"""
# The first entry starts on line 11 of SAMSTYRE + FINANCES: its year on line 11, budget 12, own 13, co_funded 14,
# state_funded 15, running_cost_effect 16; the second's year on line 17.
FIRST = len(SAMSTYRE.splitlines()) + 2


def portfolio(root: Path, finances: str) -> Path:
    return build_file_tree(
        root,
        {
            "portfolio.yaml": SETTINGS,
            "taxonomy.yaml": TAXONOMY,
            "actors.yaml": ACTORS,
            "initiatives/felles.yaml": SAMSTYRE + finances,
            "initiatives/avhengig.yaml": KOORDINERE,
        },
    )


def test_finances_are_read_as_whole_kroner(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, FINANCES)))
    assert not loaded.problems
    (felles,) = [e for e in loaded.entries if e.id == "felles"]
    first, second = felles.initiative.finances
    assert (first.year, first.budget, first.own, first.co_funded, first.state_funded) == (
        2025,
        12500000,
        2500000,
        4000000,
        6000000,
    )
    assert first.running_cost_effect == -300000 and first.funding == 12500000
    assert (second.year, second.budget, second.own, second.funding) == (2026, 8000000, None, 0)


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "column", "value"),
    [
        ("budget: 12500000", "budget: 12500000.0", "bad_amount", 1, 5, "12500000.0"),
        ("budget: 12500000", "budget: 1.25e7", "bad_amount", 1, 5, "1.25e7"),
        ("budget: 12500000", "budget: tolv millioner", "bad_amount", 1, 5, "tolv millioner"),
        ("budget: 12500000", "budget: 12 500 000", "bad_amount", 1, 5, "12 500 000"),
        ("own: 2500000", "own: -2500000", "negative_amount", 2, 5, "-2500000"),
        ("running_cost_effect: -300000", "running_cost_effect: -300000.5", "bad_amount", 5, 5, "-300000.5"),
    ],
)
def test_an_amount_that_is_not_whole_kroner_is_reported_at_its_place(
    tmp_path: Path, old: str, new: str, code: str, line: int, column: int, value: str
) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, FINANCES.replace(old, new))))
    (problem,) = loaded.problems
    assert problem.path.endswith("felles.yaml") and problem.code == code
    assert (problem.line, problem.column) == (FIRST + line, column) and problem.args == {"value": value}
    assert [e.id for e in loaded.entries] == ["avhengig"]  # the other initiative is still read


def test_funding_above_the_budget_is_reported_at_the_budget(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, FINANCES.replace("own: 2500000", "own: 2500001"))))
    (problem,) = loaded.problems
    assert problem.code == "funding_over_budget" and (problem.line, problem.column) == (FIRST + 1, 5)
    assert problem.args == {"year": 2025, "funding": 12500001, "budget": 12500000}
    assert problem.field_path == "finances.0.budget"


def test_funding_without_a_budget_is_not_held_against_one(tmp_path: Path) -> None:
    finances = "finances:\n  - year: 2025\n    state_funded: 5000000\n"
    assert not load_portfolio(str(portfolio(tmp_path, finances))).problems


def test_a_year_given_twice_is_reported_at_its_second_entry(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, FINANCES.replace("year: 2026", "year: 2025"))))
    (problem,) = loaded.problems
    assert problem.code == "duplicate_year" and (problem.line, problem.column) == (FIRST + 6, 5)
    assert problem.args == {"year": 2025, "first_line": FIRST}


def test_an_unknown_key_in_an_entry_is_named_with_a_hint(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, FINANCES.replace("co_funded:", "cofunded:"))))
    (problem,) = loaded.problems
    assert problem.code == "unknown_key" and problem.args["suggestion"] == "co_funded"
    assert (problem.line, problem.column) == (FIRST + 3, 5)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "felles.yaml,line={line},col=5,title=ehp bad_amount::«12.5» er ikke et helt antall kroner"),
        ("en", 'felles.yaml,line={line},col=5,title=ehp bad_amount::"12.5" is not a whole number of kroner'),
    ],
)
def test_check_names_the_file_line_and_column_in_the_chosen_language(tmp_path: Path, lang: str, expected: str) -> None:
    root = portfolio(tmp_path, FINANCES.replace("budget: 8000000", "budget: 12.5"))
    result = invoke("check", str(root), "--lang", lang, "--format", "github")
    assert result.code != 0
    assert expected.format(line=FIRST + 7) in result.out + result.err
