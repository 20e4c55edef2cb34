"""What a committee meeting has to decide about single initiatives: the items of its proposed decisions (forslag til
vedtak), worked out from each initiative's state on the meeting's day (domain.state) beside its checklist result.

An initiative gets at most one item, the first that applies:

1. a step recorded with a date after the meeting and no reference (`ref`) to a committee's case: a change of stage
   or segment planned for after the meeting that no committee has decided (`ehp decide … --date`, with
   `--allow-future` for a date after today);
2. a proposal (no decision yet): take it in, in the checklist's segment (`admit`); leave it out when the checklist
   does (`reject`); or, when the checklist cannot decide, ask for the missing answers (`incomplete`);
3. a member whose segment differs from the checklist's result and has no `segment_reason` for it: move it to the
   checklist's segment (`move`), or take it out when the checklist leaves it out (`exit`).

Everything is as it stood on the meeting's day: a paper made again after the meeting still lists what was pending
then. Finished, withdrawn and decided-out initiatives get no item unless a planned step concerns them. Pure: no files,
no clock, no words (reports/contexts.py words each item).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.fieldtypes import OUT
from ehportfolio.domain.state import FINISHED, MEMBER, PROPOSED, WITHDRAWN, Transition, transitions
from ehportfolio.features.assessment import Assessment, assess
from ehportfolio.store.portfolio import Entry

ADMIT = "admit"
REJECT = "reject"
INCOMPLETE = "incomplete"
MOVE = "move"
EXIT = "exit"
FINISH = "finish"
WITHDRAW = "withdraw"
KINDS = (ADMIT, REJECT, INCOMPLETE, MOVE, EXIT, FINISH, WITHDRAW)
"""The kinds of item, in the order a paper lists them."""


@dataclass(frozen=True)
class Pending:
    """One initiative the meeting has to decide on.

    `segment` is the segment it is in on the day (a member), `target` the segment proposed (admit, move; None
    otherwise), `result` the checklist's segment (None: out or undecided), `included` the checklist's inclusion (None:
    undecided), `missing` the answers the checklist still needs. For a planned step, `planned` is its date and
    `reason` the reason recorded with it.
    """

    kind: str
    id: str
    name: str
    owner: str
    stage: str
    segment: str | None
    target: str | None
    result: str | None
    included: bool | None
    missing: tuple[str, ...]
    planned: datetime.date | None = None
    reason: str = ""


def _planned(change: Transition) -> str | None:
    """The kind of item a planned step makes, from where it leads."""
    before, after = change.before, change.after
    if after.stage == FINISHED:
        return FINISH
    if after.stage == WITHDRAWN:
        return WITHDRAW
    if after.stage == OUT:
        return EXIT if before.stage == MEMBER else REJECT
    if change.joined:
        return ADMIT
    return MOVE if change.moved else None


def _item(assessment: Assessment, day: datetime.date) -> Pending | None:
    entry, decision = assessment.entry, assessment.decision
    initiative = entry.initiative
    state = assessment.state

    def pending(kind: str, target: str | None, planned: datetime.date | None = None, reason: str = "") -> Pending:
        return Pending(
            kind,
            entry.id,
            initiative.name,
            initiative.owner,
            state.stage,
            state.member_segment,
            target,
            decision.segment,
            decision.included,
            decision.missing,
            planned,
            reason,
        )

    later = transitions(entry.id, initiative, decision.segment, day, datetime.date.max)
    for change in later:
        kind = _planned(change)
        if kind is not None and not change.entry.ref:
            target = change.after.segment if kind in (ADMIT, MOVE) else None
            return pending(kind, target, change.date, change.entry.reason)
    if state.stage == PROPOSED:
        if decision.included is False:
            return pending(REJECT, None)
        return pending(ADMIT, decision.segment) if decision.segment else pending(INCOMPLETE, None)
    if state.stage != MEMBER or not decision.decided or state.segment == decision.segment:
        return None
    if initiative.segment_reason and initiative.segment == state.segment:
        return None  # the difference was decided, with its reason
    return pending(MOVE, decision.segment) if decision.included else pending(EXIT, None)


def agenda(entries: Iterable[Entry], checklist: Checklist, day: datetime.date) -> list[Pending]:
    """Every initiative a meeting on `day` has to decide on, by kind (KINDS), then name and id."""
    found = [item for e in entries if (item := _item(assess(e, checklist, day), day)) is not None]
    return sorted(found, key=lambda p: (KINDS.index(p.kind), p.name.casefold(), p.id))
