"""Status reports that move planned dates (`replan`): each kind of bad input is placed at its file, line and column, in
a copy of the shipped portfolio with the status rounds of tests/fixtures/status (whose Helseplattformen report of
2021-nuit-2 moves a phase's end and a milestone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke
from helpers import shipped_with_test_rounds

from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]
REPORT = Path("status") / "2021-nuit-2" / "helseplattformen.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = shipped_with_test_rounds(tmp_path / "portfolio")
    return folder


def edit(root: Path, old: str, new: str) -> Path:
    path = root / REPORT
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def place(path: Path, text: str) -> tuple[int, int]:
    content = path.read_text(encoding="utf-8")
    before = content[: content.index(text)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def test_the_shipped_example_passes(root: Path) -> None:
    loaded = load_portfolio(str(root), statuses=True)
    assert [e.report.replan for e in loaded.statuses.entries if e.report.replan]  # type: ignore[union-attr]
    assert not [f for f in run_rules(loaded) if f.code in ("unknown_replan", "replan_shape")]


def test_a_phase_the_plan_lacks_is_a_finding_at_its_name_with_the_nearest(root: Path) -> None:
    path = edit(root, "- phase: gjennomføring", "- phase: gjenomføring")
    line, column = place(path, "phase: gjenomføring")  # the key of the value at fault
    [finding] = [f for f in run_rules(load_portfolio(str(root), statuses=True)) if f.code == "unknown_replan"]
    assert (finding.path, finding.line, finding.column) == (str(path), line, column)
    assert finding.field_path == "replan.0.phase" and finding.args["suggestion"] == "gjennomføring"
    code, out, _ = invoke("check", str(root), "--lang", "en")
    assert code == 1 and f"helseplattformen.yaml\n{line}:{column}  " in out and 'did you mean "gjennomføring"' in out


def test_a_milestone_the_plan_lacks_names_the_ones_it_has(root: Path) -> None:
    path = edit(root, "- milestone: Første helseforetak i drift", "- milestone: Noe helt annet")
    line, column = place(path, "milestone: Noe helt annet")
    [finding] = [f for f in run_rules(load_portfolio(str(root), statuses=True)) if f.code == "unknown_replan"]
    assert (finding.line, finding.column, finding.field_path) == (line, column, "replan.1.milestone")
    code, out, _ = invoke("check", str(root))
    assert code == 1 and "milepælen «Noe helt annet»" in out and "Alle kommuner i Midt-Norge" in out


@pytest.mark.parametrize(
    ("old", "new", "code", "at", "field"),
    [
        (
            "    planned_end: 2022-03-31",
            "    planned_end: 2022-02-30",
            "bad_date_value",
            "planned_end: 2022-02-30",
            "replan.0.planned_end",
        ),
        (
            "    planned: 2022-05-01\n",
            "    planned: 2022-05-01\n    planned_end: 2022-06-01\n",
            "replan_shape",
            "- milestone",
            "replan.1",
        ),
        (
            "  - phase: gjennomføring\n    planned_end: 2022-03-31\n",
            "  - phase: gjennomføring\n",
            "replan_shape",
            "- phase",
            "replan.0",
        ),
        (
            "    reason: Legemiddellisten fra Legemiddelprogrammet kommer senere enn planlagt\n",
            "",
            "missing_key",
            "- phase",
            "replan.0.reason",
        ),
        (
            "  - phase: gjennomføring\n    planned_end: 2022-03-31\n",
            "  - phase: gjennomføring\n    planned_start: 2022-05-01\n    planned_end: 2022-03-31\n",
            "date_order",
            "planned_end: 2022-03-31",
            "replan.0.planned_end",
        ),
    ],
)
def test_a_replan_that_is_not_well_formed_is_placed_when_read(
    root: Path, old: str, new: str, code: str, at: str, field: str
) -> None:
    path = edit(root, old, new)
    line, column = place(path, at)
    if at.startswith("- "):  # placed on the entry's first key
        column += 2
    loaded = load_portfolio(str(root), statuses=True)
    [problem] = loaded.statuses.problems  # type: ignore[union-attr]
    assert (problem.code, problem.field_path) == (code, field)
    assert (problem.path, problem.line, problem.column) == (str(path), line, column)
    assert len(loaded.entries) == 55  # the rest is still read
    status, out, err = invoke("check", str(root))
    assert status == 1 and f"helseplattformen.yaml\n{line}:{column}  " in out + err
