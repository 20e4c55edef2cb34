"""An initiative's assessment: the checklist's decision set beside what the file records, and its state (stage and
effective segment, from domain.state)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.engine import Decision, decide
from ehportfolio.domain.state import State, state_of
from ehportfolio.store.portfolio import Entry


@dataclass(frozen=True)
class Assessment:
    entry: Entry
    decision: Decision
    checklist: Checklist
    state: State

    @property
    def differs(self) -> bool:
        """The recorded segment is not the checklist's result. While the checklist is undecided it has no result to
        differ from (under a new checklist version, say, whose questions are still unanswered)."""
        recorded = self.entry.initiative.segment
        return recorded is not None and self.decision.decided and recorded != self.decision.segment

    @property
    def unexplained(self) -> bool:
        """The recorded segment differs from the checklist's result and no segment_reason says why."""
        return self.differs and not self.entry.initiative.segment_reason


def assess(entry: Entry, checklist: Checklist, day: datetime.date | None = None) -> Assessment:
    """The checklist's decision for an initiative, and its state on `day` (as recorded when None)."""
    decision = decide(dict(entry.initiative.checklist), checklist)
    return Assessment(entry, decision, checklist, state_of(entry.id, entry.initiative, decision.segment, day))
