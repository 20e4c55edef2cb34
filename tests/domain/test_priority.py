"""A priority is decided, never worked out: `ehp decide ID --priority N` records it in the history with its date,
reason and case reference, every version stays, domain.state gives the one current priority, `ehp history` says it in
words, and bad input, on the command line or in a file, is refused where it is."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import invoke
from helpers import ACTORS, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

from ehportfolio.domain.models import Initiative
from ehportfolio.domain.state import priority_on, state_of, transitions
from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import load_portfolio

D = datetime.date


def portfolio(tmp_path: Path, **initiatives: str) -> Path:
    files = {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    files.update({f"initiatives/{name}.yaml": text for name, text in initiatives.items()})
    return build_file_tree(tmp_path, files)


def decide(root: Path, ident: str, *args: str) -> tuple[int, str, str]:
    return invoke("decide", ident, *args, "--path", str(root))


def test_a_priority_is_recorded_as_a_decision_and_every_version_stays(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE)
    first = ("--priority", "2", "--reason", "Vedtatt i NUIT", "--ref", "NUIT sak 40/21", "--date", "2021-11-25")
    code, _, err = decide(root, "felles", *first)
    assert code == 0, err
    assert "Registrerte vedtatt prioritet for felles: 2 (2021-11-25)." in err
    code, _, err = decide(root, "felles", "--priority", "1", "--reason", "Løftet", "--date", "2022-03-01")
    assert code == 0, err
    text = (root / "initiatives" / "felles.yaml").read_text(encoding="utf-8")
    assert text.startswith(SAMSTYRE)  # no field changes: the history is the record
    assert text[len(SAMSTYRE) :] == (
        "history:\n"
        "  - date: 2021-11-25\n"
        "    kind: priority\n"
        "    from:\n"
        "    to: 2\n"
        "    reason: Vedtatt i NUIT\n"
        "    ref: NUIT sak 40/21\n"
        "  - date: 2022-03-01\n"
        "    kind: priority\n"
        "    from: 2\n"
        "    to: 1\n"
        "    reason: Løftet\n"
    )
    loaded = load_portfolio(str(root))
    (entry,) = loaded.entries
    assert [priority_on(entry.initiative, day) for day in (D(2021, 11, 24), D(2021, 11, 25), D(2022, 3, 1))] == [
        None,
        2,
        1,
    ]
    assert run_rules(loaded, D(2026, 1, 1)) == []  # the chain holds, and the segment is untouched
    state = state_of("felles", entry.initiative, "samstyre", D(2022, 1, 1))
    assert (state.stage, state.segment, state.priority) == ("member", "samstyre", 2)


def initiative(history: list[dict[str, Any]]) -> Initiative:
    return Initiative.model_validate({"name": "T", "owner": "O", "checklist": {}, "history": history})


def step(day: str, kind: str, old: Any, new: Any) -> dict[str, Any]:
    return {"date": day, "kind": kind, "from": old, "to": new, "reason": "r"}


@pytest.mark.parametrize(
    ("history", "day", "expected"),
    [
        ([], None, None),
        ([step("2021-01-10", "decision", None, "samstyre")], None, None),  # a segment decision is no priority
        ([step("2021-01-10", "priority", None, 3)], D(2021, 1, 9), None),
        ([step("2021-01-10", "priority", None, 3)], D(2021, 1, 10), 3),
        ([step("2021-01-10", "priority", None, 3), step("2021-06-01", "priority", 3, 7)], D(2021, 5, 31), 3),
        ([step("2021-01-10", "priority", None, 3), step("2021-06-01", "priority", 3, 7)], None, 7),
        ([step("2021-01-10", "priority", None, "12")], None, 12),  # written as text, read as the number
    ],
)
def test_the_current_priority_is_the_last_decided(
    history: list[dict[str, Any]], day: datetime.date | None, expected: int | None
) -> None:
    assert priority_on(initiative(history), day) == expected
    assert state_of("t", initiative(history), None, day).priority == expected


@pytest.mark.parametrize("value", ["0", "-1", "tre", "2.5", "", "١"])
def test_a_priority_that_is_not_a_positive_whole_number_is_refused_and_nothing_written(
    tmp_path: Path, value: str
) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE)
    before = (root / "initiatives" / "felles.yaml").read_bytes()
    code, _, err = decide(root, "felles", "--priority", value, "--reason", "x", "--date", "2021-11-25")
    assert code == 2 and f"--priority: «{value}» er ingen prioritet" in err, err
    assert (root / "initiatives" / "felles.yaml").read_bytes() == before


def test_the_same_priority_again_and_a_priority_with_a_segment_are_refused(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE)
    assert decide(root, "felles", "--priority", "4", "--reason", "x", "--date", "2021-11-25")[0] == 0
    code, _, err = decide(root, "felles", "--priority", "4", "--reason", "y", "--date", "2021-12-01")
    assert code == 1 and "tiltaket har allerede prioritet 4" in err
    code, _, err = decide(root, "felles", "--priority", "1", "--segment", "samstyre", "--reason", "y")
    assert code == 2 and "--segment, --priority kan ikke brukes sammen" in err


@pytest.mark.parametrize(
    ("entry", "where", "message"),
    [
        ("to: 0", "8:5: history.0.to", "«0» er ingen prioritet"),
        ("to: -3", "8:5: history.0.to", "«-3» er ingen prioritet"),
        ("to: tre", "8:5: history.0.to", "«tre» er ingen prioritet"),
        ("from: nul\n    to: 2", "8:5: history.0.from", "«nul» er ingen prioritet"),
        ("to: 2.5", "8:5: history.0.to", "«2.5» er ingen prioritet"),
    ],
)
def test_a_bad_priority_in_a_file_is_placed_at_its_line_and_column(
    tmp_path: Path, entry: str, where: str, message: str
) -> None:
    history = f"history:\n  - date: 2021-11-25\n    kind: priority\n    {entry}\n    reason: x\n"
    other = SAMSTYRE.replace("name: Felles", "name: Annen")
    root = portfolio(tmp_path, felles=SAMSTYRE.replace("checklist:", history + "checklist:"), annen=other)
    code, out, err = invoke("segment", str(root))
    assert code != 0
    (line,) = [line for line in err.splitlines() if "felles.yaml:" in line]
    assert f"felles.yaml:{where}: {message}" in line, err
    assert "annen" in out  # one bad file never stops the rest


def test_history_says_each_priority_in_words(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE)
    first = ("--priority", "3", "--reason", "Vedtatt", "--ref", "sak 9/21", "--date", "2021-05-06")
    assert decide(root, "felles", *first)[0] == 0
    assert decide(root, "felles", "--priority", "1", "--reason", "Løftet", "--date", "2021-11-25")[0] == 0
    code, out, _ = invoke("history", "felles", "--path", str(root))
    assert code == 0
    assert "2021-05-06" in out and "prioritet: – → 3: Vedtatt (sak 9/21)" in out
    assert "prioritet: 3 → 1: Løftet" in out
    _, english, _ = invoke("history", "felles", "--path", str(root), "--lang", "en")
    assert "priority: 3 → 1: Løftet" in english


def test_a_broken_priority_chain_is_found(tmp_path: Path) -> None:
    history = (
        "history:\n"
        "  - {date: 2021-01-01, kind: priority, to: 2, reason: a}\n"
        "  - {date: 2021-02-01, kind: priority, from: 5, to: 1, reason: b}\n"
    )
    root = portfolio(tmp_path, felles=SAMSTYRE + history)
    codes = [f.code for f in run_rules(load_portfolio(str(root)), D(2026, 1, 1))]
    assert codes == ["history_chain"]


def test_a_priority_is_no_change_of_stage_and_never_taken_for_the_step_that_made_one() -> None:
    history = [
        step("2021-01-10", "decision", None, "samstyre"),
        step("2021-01-10", "priority", None, 2),  # decided at the same meeting, after the segment
        step("2021-06-01", "priority", 2, 1),
    ]
    changes = transitions("t", initiative(history), None, None, D(2021, 12, 31))
    assert [(c.date, c.joined, c.entry.kind) for c in changes] == [(D(2021, 1, 10), True, "decision")]
