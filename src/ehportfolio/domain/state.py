"""The one truth about every initiative: its stage, its effective segment and where that comes from, and its status,
on a given day. Every command and report reads this module; nothing else works out membership or segment.

The rules, in order:

1. The status on the day (by the recorded `status` history; without one, the file's `status`) decides first: a
   finished initiative is `finished`, a withdrawn one `withdrawn`.
2. A recorded decision beats the checklist. The last decision or move on or before the day says where the initiative
   is: in a segment (`member`), or `out` (decided out, whether it was a member before or was rejected). Before its
   first decision, it is where that decision started from: a segment, or nowhere yet (`proposed`).
   (A decided priority, `kind: priority`, is no step of the segment: it gives `priority`, and nothing else.)
3. Without any decision or move, a recorded `segment` makes a member (the segments of table 5.2 were decided in 2020,
   before the history was kept).
4. A file with neither a decision nor a recorded segment is a proposal, whatever its checklist result; its segment is
   the checklist's, which it would join.

Pure: no files, no clock. `day=None` means "as recorded": every history entry counts, whatever its date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.engine import decide
from ehportfolio.domain.fieldtypes import OUT, SEGMENTS
from ehportfolio.domain.lifecycle import PRIORITY, SEGMENT_KINDS, STATUS
from ehportfolio.domain.models import HistoryEntry, Initiative

PROPOSED = "proposed"
MEMBER = "member"
FINISHED = "finished"
WITHDRAWN = "withdrawn"
STAGES = (PROPOSED, MEMBER, OUT, FINISHED, WITHDRAWN)
"""Where an initiative stands towards the portfolio, in the order reports list them."""

# Where an effective segment comes from: the last decision or move, the file's `segment`, or the checklist.
BY_DECISION = "decision"
BY_RECORD = "recorded"
BY_CHECKLIST = "checklist"

ACTIVE = "active"


@dataclass(frozen=True)
class State:
    """An initiative on one day.

    `segment` is its effective segment: the one it is in (a member), was last in (finished, withdrawn), or would join
    by the checklist (a proposal); None when it is out, or when nothing gives one. `source` says where the segment
    comes from. `status` is its status on the day. `checklist_segment` is the checklist's result, whatever the stage.
    """

    id: str
    stage: str
    segment: str | None
    source: str | None
    status: str
    checklist_segment: str | None
    priority: int | None = None
    """Its priority as last decided on or before the day (`ehp decide --priority`); None when none is decided."""

    @property
    def member(self) -> bool:
        return self.stage == MEMBER

    @property
    def member_segment(self) -> str | None:
        """The segment when it is a member; None otherwise."""
        return self.segment if self.stage == MEMBER else None


def _steps(initiative: Initiative, kinds: tuple[str, ...]) -> list[HistoryEntry]:
    return [e for e in initiative.history if e.kind in kinds]


def status_on(initiative: Initiative, day: datetime.date | None) -> str:
    """The status on a day by the recorded history: the last status change on or before it (as recorded, `day=None`:
    the last of all), or where the first one started from. Without status changes, the file's status. The history
    decides, as it does for the segment; `ehp check` flags a file whose `status` says otherwise (history_current)."""
    steps = _steps(initiative, (STATUS,))
    if not steps:
        return initiative.status
    before = steps if day is None else [e for e in steps if e.date <= day]
    return before[-1].to if before else steps[0].from_ or ACTIVE


def priority_on(initiative: Initiative, day: datetime.date | None) -> int | None:
    """The priority decided last on or before a day (as recorded, `day=None`: the last of all); None before the first
    decision, and for an initiative never given one. A priority is never worked out from anything else."""
    steps = [e for e in _steps(initiative, (PRIORITY,)) if day is None or e.date <= day]
    return int(steps[-1].to) if steps else None


def _placed(initiative: Initiative, day: datetime.date | None) -> tuple[str | None, str | None]:
    """Where the decisions put the initiative on the day, and the source: (segment, "decision"), (OUT, "decision"),
    (None, None) before its first decision when that one started from nowhere; else what the file records."""
    steps = _steps(initiative, SEGMENT_KINDS)
    if not steps:
        return (initiative.segment, BY_RECORD) if initiative.segment else (None, None)
    before = steps if day is None else [e for e in steps if e.date <= day]
    if before:
        return before[-1].to, BY_DECISION
    start = steps[0].from_
    return (start, BY_DECISION) if start else (None, None)


def state_of(
    ident: str, initiative: Initiative, checklist_segment: str | None, day: datetime.date | None = None
) -> State:
    """The state of one initiative on a day (see the module's rules)."""
    status = status_on(initiative, day)
    placed, source = _placed(initiative, day)
    if placed == OUT:
        segment, stage = None, OUT
    elif placed is not None:
        segment, stage = placed, MEMBER
    else:
        segment, stage = checklist_segment, PROPOSED
        source = BY_CHECKLIST if checklist_segment else None
    if status in (FINISHED, WITHDRAWN):
        stage = status
    return State(ident, stage, segment, source, status, checklist_segment, priority_on(initiative, day))


def checklist_segment(initiative: Initiative, checklist: Checklist) -> str | None:
    """The checklist's segment for an initiative's answers (None: not included, or undecided)."""
    return decide(dict(initiative.checklist), checklist).segment


def member_counts(states: Iterable[State]) -> dict[str, int]:
    """How many members each segment has, in the order of SEGMENTS."""
    counts = dict.fromkeys(SEGMENTS, 0)
    for state in states:
        if state.stage == MEMBER and state.segment in counts:
            counts[state.segment] += 1
    return counts


@dataclass(frozen=True)
class Transition:
    """A change of an initiative's state on a day of its history: `before` the day, and `after` it."""

    id: str
    date: datetime.date
    before: State
    after: State
    entry: HistoryEntry
    """The last history entry of that day, the step that made the change."""

    @property
    def joined(self) -> bool:
        """It became a member (from a proposal, or back from out)."""
        return self.after.stage == MEMBER and self.before.stage != MEMBER

    @property
    def left(self) -> bool:
        """A member no longer: decided out, finished or withdrawn."""
        return self.before.stage == MEMBER and self.after.stage != MEMBER

    @property
    def moved(self) -> bool:
        """A member before and after, in another segment."""
        return self.before.stage == MEMBER == self.after.stage and self.before.segment != self.after.segment


def transitions(
    ident: str,
    initiative: Initiative,
    checklist_segment: str | None,
    start: datetime.date | None,
    end: datetime.date,
) -> list[Transition]:
    """Every change of stage or segment on the days of the history after `start` (from the beginning when None) up
    to and including `end`, in date order."""
    days = sorted({e.date for e in initiative.history if (start is None or e.date > start) and e.date <= end})
    found = []
    for day in days:
        before = state_of(ident, initiative, checklist_segment, day - datetime.timedelta(days=1))
        after = state_of(ident, initiative, checklist_segment, day)
        if (before.stage, before.segment) != (after.stage, after.segment):
            # the step that made the change: a priority decided the same day changes no stage or segment
            entry = [e for e in initiative.history if e.date == day and e.kind != PRIORITY][-1]
            found.append(Transition(ident, day, before, after, entry))
    return found
