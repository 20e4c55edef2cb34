"""features/agenda.py: which initiatives a meeting has to decide on, and what is proposed for each, from their state
on the meeting's day beside their checklist result."""

from __future__ import annotations

import datetime
from pathlib import Path

from helpers import KOORDINERE, SAMSTYRE, calendar_portfolio

from ehportfolio.features import agenda
from ehportfolio.store.portfolio import load_portfolio

DAY = datetime.date(2021, 5, 6)
PROPOSAL = SAMSTYRE.replace("segment: samstyre\n", "")
MOVED = "segment: koordinere\nsegment_reason: Endret"  # as `ehp move` writes a segment the checklist does not give
DECIDED = "history:\n  - date: 2020-06-01\n    kind: decision\n    from:\n    to: samstyre\n    reason: Vedtatt\n"


def items(root: Path, day: datetime.date = DAY) -> list[agenda.Pending]:
    portfolio = load_portfolio(str(root))
    assert not portfolio.problems
    return agenda.agenda(portfolio.entries, portfolio.checklist, day)


def found(root: Path, day: datetime.date = DAY) -> list[tuple[str, str, str | None]]:
    return [(i.kind, i.id, i.target) for i in items(root, day)]


def test_proposals_are_taken_in_left_out_or_wait_for_their_answers(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path,
        inn=PROPOSAL.replace("name: Felles", "name: B"),
        ute=PROPOSAL.replace("name: Felles", "name: A").replace(
            "multiple_care_providers: ja", "multiple_care_providers: nei"
        ),
        uavklart=PROPOSAL.replace("name: Felles", "name: C").replace("  broad_collaboration: ja\n", ""),
        medlem=SAMSTYRE,
    )
    assert found(root) == [("admit", "inn", "samstyre"), ("reject", "ute", None), ("incomplete", "uavklart", None)]
    waiting = items(root)[2]
    assert (waiting.stage, waiting.included, waiting.missing[0]) == ("proposed", True, "broad_collaboration")


def test_a_recorded_segment_that_differs_without_a_reason_is_moved_or_taken_out(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path,
        flytt=KOORDINERE.replace("segment: koordinere", "segment: observere"),
        begrunnet=KOORDINERE.replace("segment: koordinere", "segment: observere\nsegment_reason: Vedtatt slik"),
        ut=SAMSTYRE.replace("multiple_care_providers: ja", "multiple_care_providers: nei"),
        felles=SAMSTYRE,
    )
    assert found(root) == [("move", "flytt", "koordinere"), ("exit", "ut", None)]
    moved = items(root)[0]
    assert (moved.segment, moved.result, moved.stage) == ("observere", "koordinere", "member")


def test_a_step_after_the_meeting_without_a_reference_is_proposed_as_planned(tmp_path: Path) -> None:
    finish = "  - date: 2021-09-01\n    kind: status\n    from: active\n    to: finished\n    reason: Levert\n"
    move = "  - date: 2021-06-01\n    kind: move\n    from: samstyre\n    to: koordinere\n    reason: Endret\n"
    root = calendar_portfolio(
        tmp_path,
        ferdig=SAMSTYRE.replace("\n", "\nstatus: finished\n", 1) + DECIDED + finish,
        flyttes=SAMSTYRE.replace("segment: samstyre", MOVED) + DECIDED + move,
        vedtatt=SAMSTYRE.replace("segment: samstyre", MOVED) + DECIDED + move + "    ref: NUIT sak 9/21\n",
    )
    planned = items(root)
    assert [(i.kind, i.id, i.target, i.planned) for i in planned] == [
        ("move", "flyttes", "koordinere", datetime.date(2021, 6, 1)),
        ("finish", "ferdig", None, datetime.date(2021, 9, 1)),
    ]
    assert planned[1].reason == "Levert"
    # after the steps' dates they are past, not planned: the paper of a later meeting proposes nothing for them
    assert found(root, datetime.date(2021, 11, 25)) == []


def test_initiatives_decided_out_finished_or_withdrawn_get_no_item(tmp_path: Path) -> None:
    out = "  - date: 2021-01-01\n    kind: decision\n    from: samstyre\n    to: out\n    reason: Ute\n"
    root = calendar_portfolio(
        tmp_path,
        ute=SAMSTYRE.replace("segment: samstyre\n", "").replace(
            "multiple_care_providers: ja", "multiple_care_providers: nei"
        )
        + DECIDED
        + out,
        trukket=PROPOSAL.replace("\n", "\nstatus: withdrawn\n", 1),
        ferdig=SAMSTYRE.replace("\n", "\nstatus: finished\n", 1).replace(
            "multiple_care_providers: ja", "multiple_care_providers: nei"
        ),
    )
    assert found(root) == []
