"""features/exceptions.py on its own: each rule of what needs a committee's attention at a round, from rounds made
here (RoundState as features.calendar.survey gives them), and the done words of a dependency's free-text state."""

from __future__ import annotations

import datetime

import pytest
import yaml

from ehportfolio.domain.models import StatusReport
from ehportfolio.features.calendar import Reporting, Round, RoundState
from ehportfolio.features.exceptions import Reason, attention
from ehportfolio.store.packaged import load_cadence

DONE = load_cadence().done


def _round(number: int, month: int, states: dict[str, Reporting], started: bool = True) -> RoundState:
    meeting = Round(f"2021-nuit-{number}", "NUIT", number, datetime.date(2021, month, 10), ("samstyre",), True, 0)
    return RoundState(meeting, states, (), started)


def _colour(colour: str) -> Reporting:
    return Reporting("reported", colour=colour)


MISSING = Reporting("not_reported")


def _reasons(history: list[RoundState], **kwargs: object) -> dict[str, tuple[Reason, ...]]:
    reports = kwargs.get("reports", {})
    koordinere = kwargs.get("koordinere", set())
    return {a.id: a.reasons for a in attention(history, reports, koordinere, DONE)}  # type: ignore[arg-type]


def test_red_is_flagged_and_green_is_not() -> None:
    found = _reasons([_round(1, 2, {"a": _colour("rød"), "b": _colour("grønn"), "c": _colour("gul")})])
    assert found == {"a": (Reason("red"),)}


@pytest.mark.parametrize(
    ("was", "now", "worse"),
    [
        ("grønn", "gul", True),
        ("gul", "rød", True),
        ("grønn", "rød", True),
        ("gul", "gul", False),
        ("rød", "gul", False),
    ],
)
def test_worse_than_the_previous_round_it_reported_a_colour_to(was: str, now: str, worse: bool) -> None:
    history = [_round(1, 2, {"a": _colour(was)}), _round(2, 5, {"a": _colour(now)})]
    kinds = [r for r in _reasons(history).get("a", ()) if r.kind == "worse"]
    assert kinds == ([Reason("worse", "2021-nuit-1", was)] if worse else [])


def test_worse_compares_with_the_latest_colour_skipping_rounds_without_one_and_rounds_it_was_not_due_at() -> None:
    history = [
        _round(1, 2, {"a": _colour("grønn")}),
        _round(2, 4, {"a": Reporting("incomplete")}),
        _round(3, 6, {"b": _colour("grønn")}),  # a not due
        _round(4, 9, {"a": _colour("gul")}),
    ]
    assert _reasons(history)["a"] == (Reason("worse", "2021-nuit-1", "grønn"),)


def test_not_reported_twice_in_a_row_counts_only_started_rounds_it_was_due_at() -> None:
    twice = [_round(1, 2, {"a": MISSING}), _round(2, 5, {"a": MISSING})]
    assert _reasons(twice) == {"a": (Reason("not_reported_twice", "2021-nuit-1"),)}
    once = [_round(1, 2, {"a": _colour("grønn")}), _round(2, 5, {"a": MISSING})]
    assert _reasons(once) == {}
    not_started = [_round(1, 2, {"a": Reporting("not_started")}, started=False), _round(2, 5, {"a": MISSING})]
    assert _reasons(not_started) == {}
    skipped = [_round(1, 2, {"a": MISSING}), _round(2, 4, {"b": MISSING}), _round(3, 5, {"a": MISSING})]
    assert _reasons(skipped)["a"] == (Reason("not_reported_twice", "2021-nuit-1"),)
    assert _reasons([_round(1, 2, {"a": MISSING}), _round(2, 5, {"a": MISSING}, started=False)]) == {}


def _dependent(by: str, state: str | None, on: str = "s") -> StatusReport:
    entry = {"id": on, "needed": "API", "by": by}
    if state is not None:
        entry["state"] = state
    return StatusReport.model_validate(yaml.safe_load(yaml.safe_dump({"date": "2021-04-01", "dependencies": [entry]})))


def test_a_koordinere_dependency_on_a_red_yellow_or_missing_initiative_in_the_same_round() -> None:
    k = Reporting("reported")
    report = {"k": _dependent("2022-01-01", "I rute")}
    for state, expected in (
        (_colour("gul"), Reason("dependency", "", "gul", "s", "colour")),
        (_colour("rød"), Reason("dependency", "", "rød", "s", "colour")),
        (MISSING, Reason("dependency", "", "", "s", "not_reported")),
    ):
        found = _reasons([_round(1, 5, {"s": state, "k": k})], reports=report, koordinere={"k"})
        assert found["k"] == (expected,)
    assert "k" not in _reasons([_round(1, 5, {"s": _colour("grønn"), "k": k})], reports=report, koordinere={"k"})
    # only Koordinere reports are looked at
    assert "k" not in _reasons([_round(1, 5, {"s": _colour("gul"), "k": k})], reports=report, koordinere=set())


def test_a_dependency_not_due_at_the_round_is_judged_by_its_latest_report_before_it() -> None:
    history = [_round(1, 2, {"s": _colour("gul")}), _round(2, 5, {"k": Reporting("reported")})]
    found = _reasons(history, reports={"k": _dependent("2022-01-01", "I rute")}, koordinere={"k"})
    assert found["k"] == (Reason("dependency", "2021-nuit-1", "gul", "s", "colour"),)


@pytest.mark.parametrize(
    ("state", "done"),
    [
        ("Levert", True),
        ("Ferdig 1. mars", True),
        ("fullført", True),
        ("API-et er på plass", True),
        ("Delivered in March", True),
        ("Ferdigstilt", True),
        ("I rute", False),
        ("Ikke levert", False),
        ("ikkje ferdig", False),
        ("Delvis levert", False),
        ("Not done yet", False),
        ("Leveransen er forsinket", False),  # "levert" only as a whole word
        ("incomplete", False),
        (None, False),
    ],
)
def test_a_dependency_past_its_date_is_flagged_unless_its_state_says_done(state: str | None, done: bool) -> None:
    assert DONE.says_done(state) is done
    history = [_round(1, 5, {"k": Reporting("reported")})]
    found = _reasons(history, reports={"k": _dependent("2021-04-01", state, on="elsewhere")}, koordinere={"k"})
    overdue = Reason("dependency", "", "", "elsewhere", "overdue", datetime.date(2021, 4, 1), state or "")
    assert found.get("k") == (None if done else (overdue,))
    later = _reasons(history, reports={"k": _dependent("2021-05-10", state, on="elsewhere")}, koordinere={"k"})
    assert later == {}  # the meeting is on 2021-05-10: not before it


def test_a_round_not_started_needs_no_attention_and_reasons_add_up() -> None:
    assert _reasons([_round(1, 5, {"a": Reporting("not_started")}, started=False)]) == {}
    history = [_round(1, 2, {"a": _colour("grønn")}), _round(2, 5, {"a": _colour("rød")})]
    assert _reasons(history)["a"] == (Reason("red"), Reason("worse", "2021-nuit-1", "grønn"))
