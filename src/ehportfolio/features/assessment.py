"""An initiative's assessment: the checklist's decision set beside what the file records."""

from __future__ import annotations

from dataclasses import dataclass

from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.engine import Decision, decide
from ehportfolio.store.portfolio import Entry


@dataclass(frozen=True)
class Assessment:
    entry: Entry
    decision: Decision
    checklist: Checklist

    @property
    def differs(self) -> bool:
        """The recorded segment is not the checklist's result."""
        recorded = self.entry.initiative.segment
        return recorded is not None and recorded != self.decision.segment

    @property
    def unexplained(self) -> bool:
        """The recorded segment differs from the checklist's result and no segment_reason says why."""
        return self.differs and not self.entry.initiative.segment_reason


def assess(entry: Entry, checklist: Checklist) -> Assessment:
    return Assessment(entry, decide(dict(entry.initiative.checklist), checklist), checklist)
