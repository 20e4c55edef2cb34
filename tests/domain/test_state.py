"""Table tests of domain.state: the stage, effective segment, its source and the status of an initiative on a day."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from ehportfolio.domain.models import Initiative
from ehportfolio.domain.state import member_counts, state_of, transitions

D = datetime.date


def initiative(
    segment: str | None = None, status: str = "active", history: tuple[dict[str, Any], ...] = ()
) -> Initiative:
    data: dict[str, Any] = {"name": "T", "owner": "O", "checklist": {}, "status": status, "history": list(history)}
    if segment:
        data["segment"] = segment
    return Initiative.model_validate(data)


def step(day: str, kind: str, old: str | None, new: str) -> dict[str, Any]:
    return {"date": day, "kind": kind, "from": old, "to": new, "reason": "r"}


DECIDED = step("2021-01-10", "decision", None, "samstyre")
MOVED = step("2021-03-01", "move", "samstyre", "koordinere")
OUT = step("2021-06-01", "decision", "koordinere", "out")
FINISHED = step("2021-09-01", "status", "active", "finished")
REJECTED = step("2021-02-01", "decision", None, "out")
TABLE_5_2_OUT = step("2021-02-01", "decision", "inspirere", "out")  # a segment of table 5.2, then decided out


@pytest.mark.parametrize(
    ("item", "checklist", "day", "expected"),
    [
        # neither a decision nor a recorded segment: a proposal, whatever the checklist says
        (initiative(), "samstyre", None, ("proposed", "samstyre", "checklist", "active")),
        (initiative(), None, None, ("proposed", None, None, "active")),
        # a recorded segment without history: a member (table 5.2 was decided in 2020)
        (initiative("observere"), "samstyre", None, ("member", "observere", "recorded", "active")),
        # the last decision or move on or before the day decides, and beats the checklist
        (
            initiative("koordinere", history=(DECIDED, MOVED)),
            "inspirere",
            None,
            ("member", "koordinere", "decision", "active"),
        ),
        (
            initiative("koordinere", history=(DECIDED, MOVED)),
            None,
            D(2021, 2, 1),
            ("member", "samstyre", "decision", "active"),
        ),
        # before the first decision, where it started from: nowhere yet is a proposal
        (
            initiative("koordinere", history=(DECIDED, MOVED)),
            "observere",
            D(2021, 1, 9),
            ("proposed", "observere", "checklist", "active"),
        ),
        (initiative(history=(TABLE_5_2_OUT,)), None, D(2021, 1, 1), ("member", "inspirere", "decision", "active")),
        # decided out: a former member and a rejected proposal alike
        (initiative(history=(DECIDED, MOVED, OUT)), "samstyre", None, ("out", None, "decision", "active")),
        (initiative(history=(REJECTED,)), "samstyre", None, ("out", None, "decision", "active")),
        (initiative(history=(TABLE_5_2_OUT,)), None, D(2021, 2, 1), ("out", None, "decision", "active")),
        # a status decides first; the segment it was last in is kept
        (
            initiative("samstyre", "finished", (DECIDED, FINISHED)),
            None,
            None,
            ("finished", "samstyre", "decision", "finished"),
        ),
        (
            initiative("samstyre", "finished", (DECIDED, FINISHED)),
            None,
            D(2021, 8, 31),
            ("member", "samstyre", "decision", "active"),
        ),
        (initiative("samstyre", "withdrawn"), None, None, ("withdrawn", "samstyre", "recorded", "withdrawn")),
        (initiative(status="withdrawn"), "samstyre", None, ("withdrawn", "samstyre", "checklist", "withdrawn")),
    ],
)
def test_state_of(
    item: Initiative, checklist: str | None, day: datetime.date | None, expected: tuple[Any, ...]
) -> None:
    state = state_of("x", item, checklist, day)
    assert (state.stage, state.segment, state.source, state.status) == expected
    assert state.member_segment == (state.segment if state.stage == "member" else None)
    assert state.checklist_segment == checklist


def test_member_counts_count_only_members_by_segment() -> None:
    states = [
        state_of("a", initiative("samstyre"), None),
        state_of("b", initiative("samstyre", "finished"), None),
        state_of("c", initiative(), "samstyre"),
        state_of("d", initiative(history=(DECIDED, MOVED)), None),
    ]
    assert member_counts(states) == {"samstyre": 1, "koordinere": 1, "observere": 0, "inspirere": 0}


@pytest.mark.parametrize(
    ("history", "start", "end", "expected"),
    [
        (
            (DECIDED, MOVED, OUT, FINISHED),
            None,
            D(2021, 12, 31),
            [("2021-01-10", "joined"), ("2021-03-01", "moved"), ("2021-06-01", "left")],
        ),
        ((DECIDED, MOVED, OUT, FINISHED), D(2021, 1, 10), D(2021, 5, 31), [("2021-03-01", "moved")]),
        ((REJECTED,), None, D(2021, 12, 31), []),  # never a member: it neither joined nor left
        ((DECIDED, FINISHED), None, D(2021, 12, 31), [("2021-01-10", "joined"), ("2021-09-01", "left")]),
    ],
)
def test_transitions(
    history: tuple[dict[str, Any], ...],
    start: datetime.date | None,
    end: datetime.date,
    expected: list[tuple[str, str]],
) -> None:
    changes = transitions("x", initiative(history=history), "samstyre", start, end)
    kinds = [
        (c.date.isoformat(), next(k for k in ("joined", "left", "moved") if getattr(c, k)))
        for c in changes
        if c.joined or c.left or c.moved
    ]
    assert kinds == expected
