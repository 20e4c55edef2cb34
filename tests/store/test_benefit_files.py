"""An initiative's benefits and the values status reports measure of them: each bad value (a number that is not one,
a date that is not a date, a key left out, a benefit id given twice) reported at its file, line and column, while the
rest of the portfolio is still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke
from helpers import (
    ACTORS,
    CALENDAR_SETTINGS,
    KOORDINERE,
    SAMSTYRE,
    SAMSTYRE_STATUS,
    SETTINGS,
    TAXONOMY,
    build_file_tree,
    calendar_portfolio,
    shipped_with_test_rounds,
)

from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]
BENEFITS = """\
benefits:
  - id: andel-digitale
    description: Flere bruker de digitale tjenestene
    goal: "5.1"
    indicator:
      name: Andel digitale henvendelser
      unit: prosent
      baseline: 10
      target: 40.5
      target_date: 2027-12-31
    responsible: Helsedirektoratet
  - id: ventetid
    description: Kortere ventetid
    goal: "2.1"
    indicator:
      unit: dager
      baseline: 30
      target: 20
      target_date: 2026-06-30
    responsible: Helse Vest RHF
"""
# SAMSTYRE has 9 lines, then `benefits:` on line 10: the first benefit's id on line 11 (column 5), its indicator's
# name on 15, unit 16, baseline 17, target 18, target_date 19 (column 7); the second's id on line 21, its unit on 25.
# A problem is placed on the key of the value at fault.
FIRST = len(SAMSTYRE.splitlines()) + 2
INDICATOR = "benefits.0.indicator"


def portfolio(root: Path, benefits: str) -> Path:
    return build_file_tree(
        root,
        {
            "portfolio.yaml": SETTINGS,
            "taxonomy.yaml": TAXONOMY,
            "actors.yaml": ACTORS,
            "initiatives/felles.yaml": SAMSTYRE + benefits,
            "initiatives/avhengig.yaml": KOORDINERE,
        },
    )


def test_benefits_are_read_with_their_indicators(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, BENEFITS)))
    assert not loaded.problems
    (felles,) = [e for e in loaded.entries if e.id == "felles"]
    first, second = felles.initiative.benefits
    assert (first.id, first.goal, first.indicator.name, first.indicator.unit) == (
        "andel-digitale",
        "5.1",
        "Andel digitale henvendelser",
        "prosent",
    )
    assert (first.indicator.baseline, first.indicator.target, first.indicator.target_date.isoformat()) == (
        10.0,
        40.5,
        "2027-12-31",
    )
    assert second.indicator.name is None and second.responsible == "Helse Vest RHF"


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "column", "field"),
    [
        ("baseline: 10", "baseline: ti", "wrong_type", 6, 7, "benefits.0.indicator.baseline"),
        ("target: 40.5", "target: 40,5", "wrong_type", 7, 7, "benefits.0.indicator.target"),
        ("target: 40.5", "target: .inf", "wrong_type", 7, 7, "benefits.0.indicator.target"),
        (
            "target_date: 2027-12-31",
            "target_date: 2027-02-30",
            "bad_date_value",
            8,
            7,
            "benefits.0.indicator.target_date",
        ),
        ("id: andel-digitale", "id: Andel digitale", "bad_slug", 0, 5, "benefits.0.id"),
        ("      unit: dager\n", "", "missing_key", 13, 5, "benefits.1.indicator.unit"),
        ("    responsible: Helse Vest RHF\n", "", "missing_key", 10, 5, "benefits.1.responsible"),
        (
            "      unit: prosent\n",
            "      unit: prosent\n      units: prosent\n",
            "unknown_key",
            6,
            7,
            "benefits.0.indicator.units",
        ),
    ],
)
def test_a_bad_value_is_reported_at_its_place(
    tmp_path: Path, old: str, new: str, code: str, line: int, column: int, field: str
) -> None:
    assert old in BENEFITS
    loaded = load_portfolio(str(portfolio(tmp_path, BENEFITS.replace(old, new))))
    (problem,) = loaded.problems
    assert problem.path.endswith("felles.yaml") and problem.code == code, problem
    assert (problem.line, problem.column) == (FIRST + line, column) and problem.field_path == field
    assert [e.id for e in loaded.entries] == ["avhengig"]  # the other initiative is still read


def test_a_benefit_id_given_twice_is_reported_at_its_second_id(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path, BENEFITS.replace("id: ventetid", "id: andel-digitale"))))
    (problem,) = loaded.problems
    assert problem.code == "duplicate_benefit" and (problem.line, problem.column) == (FIRST + 10, 5)
    assert problem.args == {"id": "andel-digitale", "first_line": FIRST} and problem.field_path == "benefits.1.id"


STATUS = SAMSTYRE_STATUS + "benefits:\n  - id: andel-digitale\n    value: 12.5\n  - id: ventetid\n    value: 28\n"
STATUS_FIRST = len(SAMSTYRE_STATUS.splitlines()) + 2  # the first measured benefit's id


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "column"),
    [
        ("value: 12.5", "value: tolv og en halv", "wrong_type", 1, 5),
        ("id: ventetid", "id: andel-digitale", "duplicate_benefit", 2, 5),
        ("value: 28", "verdi: 28", "unknown_key", 3, 5),
    ],
)
def test_a_bad_measured_value_is_reported_at_its_place_in_the_status_file(
    tmp_path: Path, old: str, new: str, code: str, line: int, column: int
) -> None:
    root = calendar_portfolio(
        tmp_path / "p", {"2021-nuit-1/felles": STATUS.replace(old, new)}, felles=SAMSTYRE + BENEFITS
    )
    statuses = load_portfolio(str(root), statuses=True).statuses
    assert statuses is not None
    (problem,) = statuses.problems
    assert problem.path.endswith("felles.yaml") and "2021-nuit-1" in problem.path and problem.code == code
    assert (problem.line, problem.column) == (STATUS_FIRST + line, column)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            "felles.yaml,line={line},col=5,title=ehp duplicate_benefit::gevinsten «ventetid» står allerede i listen",
        ),
        (
            "en",
            'felles.yaml,line={line},col=5,title=ehp duplicate_benefit::the benefit "ventetid" is already in the list',
        ),
    ],
)
def test_check_names_the_file_line_and_column_in_the_chosen_language(tmp_path: Path, lang: str, expected: str) -> None:
    root = portfolio(tmp_path, BENEFITS.replace("id: andel-digitale", "id: ventetid"))
    result = invoke("check", str(root), "--lang", lang, "--format", "github")
    assert result.code != 0
    assert expected.format(line=FIRST + 10) in result.out + result.err


def _place(text: str, needle: str) -> tuple[int, int]:
    """The line and column (1-based) of the key `needle` in the file's text."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize(
    ("path", "old", "new", "code"),
    [
        ("initiatives/legemiddelprogrammet.yaml", "      baseline: 5\n", "      baseline: fem\n", "wrong_type"),
        (
            "initiatives/helseplattformen.yaml",
            "      target_date: 2025-12-31\n",
            "      target_date: 31.12.2025\n",
            "bad_date_value",
        ),
        ("status/2021-nuit-3/legemiddelprogrammet.yaml", "    value: 12\n", "    value: tolv\n", "wrong_type"),
    ],
)
def test_bad_input_in_the_shipped_portfolio_and_its_test_rounds_is_named_by_file_line_and_column(
    tmp_path: Path, path: str, old: str, new: str, code: str
) -> None:
    root = tmp_path / "portfolio"
    shipped_with_test_rounds(root)
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    target.write_text(changed, encoding="utf-8")
    line, column = _place(changed, new.strip().split(": ")[0] + ": ")
    result = invoke("check", str(root), "--format", "github")
    assert result.code != 0
    assert f"portfolio/{path},line={line},col={column},title=ehp {code}::" in result.out + result.err, result.out


def test_the_shipped_benefits_check_clean_and_the_test_rounds_measure_them(tmp_path: Path) -> None:
    """The shipped portfolio's example benefits pass `check --strict`; with the test rounds of tests/fixtures/status
    copied in (the shipped portfolio has no rounds of its own), they are measured and still check clean."""
    assert "2021" in CALENDAR_SETTINGS  # the test portfolio's calendar is the shipped one's year
    result = invoke("check", "--strict", str(ROOT / "portfolio"))
    assert result.code == 0, result.out + result.err
    root = tmp_path / "portfolio"
    shipped_with_test_rounds(root)
    statuses = load_portfolio(str(root), statuses=True).statuses
    assert statuses is not None
    measured = {(s.id, b.id) for s in statuses.entries for b in s.report.benefits or () if b.value is not None}
    assert len(measured) >= 3
    assert [r for r in statuses.problems] == []
