"""Table tests of features.changes: what `ehp diff` lists between two readings of the same initiatives."""

from __future__ import annotations

import pytest
from helpers import SAMSTYRE

from ehportfolio.features.assessment import Assessment, assess
from ehportfolio.features.changes import Revision, compare
from ehportfolio.store.packaged import load_checklist
from ehportfolio.store.portfolio import parse_initiative

CHECKLIST = load_checklist("2020")
PROPOSAL = SAMSTYRE.replace("segment: samstyre\n", "")
OUT = PROPOSAL + "history:\n  - {date: 2021-03-01, kind: decision, from: samstyre, to: out, reason: r}\n"
FINISHED = SAMSTYRE.replace("segment: samstyre\n", "segment: samstyre\nstatus: finished\n")
OBSERVERE = SAMSTYRE.replace("segment: samstyre", "segment: observere\nsegment_reason: Vedtatt")
FEWER = PROPOSAL.replace("broad_collaboration: ja", "broad_collaboration: nei")


def read(text: str) -> list[Assessment]:
    return [assess(parse_initiative("x.yaml", "x.yaml", text.encode("utf-8")), CHECKLIST)]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (SAMSTYRE, SAMSTYRE, {}),
        # changes of stage, with the stage on each side
        (SAMSTYRE, OUT, {"stage": [("member", "out")]}),
        (SAMSTYRE, FINISHED, {"stage": [("member", "finished")]}),
        (PROPOSAL, SAMSTYRE, {"stage": [("proposed", "member")]}),
        # a change of segment within the same stage, put down to its cause
        (SAMSTYRE, OBSERVERE, {"segment": [("samstyre", "observere", "decision")]}),
        (PROPOSAL, FEWER, {"segment": [("samstyre", None, "answers")], "answers": 1}),  # undecided now
    ],
)
def test_compare(before: str, after: str, expected: dict[str, object]) -> None:
    changes = compare(read(before), read(after), Revision("a"), Revision(None))
    found: dict[str, object] = {}
    if changes.stage:
        found["stage"] = [(c.before.stage, c.after.stage) for c in changes.stage]
    if changes.segment:
        found["segment"] = [(c.before.segment, c.after.segment, c.cause) for c in changes.segment]
    if changes.answers:
        found["answers"] = len(changes.answers)
    assert found == expected
    assert changes.empty == (not expected)
