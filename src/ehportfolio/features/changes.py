"""What changed between two readings of a portfolio, by initiative id: a pure function of two sets of assessments.

An initiative's stage and segment here are those of the one state of the portfolio (domain.state), as recorded at each
revision. A change of stage (proposed → member, out, finished, withdrawn) is listed as such; a change of the effective
segment within the same stage is put down to its cause:

- `answers`: the checklist's result changed because answers changed, and the segment is now the checklist's result;
- `checklist`: the same, but the answers stayed and the checklist version changed;
- `decision`: the recorded segment changed while the checklist's result did not, or the new recorded segment
  overrides a new result; `reason` is then the `segment_reason` recorded, if any.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ehportfolio.domain.models import CHECKLIST_KEYS
from ehportfolio.domain.state import BY_CHECKLIST
from ehportfolio.features.assessment import Assessment

ANSWERS = "answers"
CHECKLIST = "checklist"
DECISION = "decision"

FROM_CHECKLIST = BY_CHECKLIST


@dataclass(frozen=True)
class Revision:
    """One side of the comparison: a git revision as given and the commit it names; both None for the working tree."""

    revision: str | None
    commit: str | None = None


@dataclass(frozen=True)
class InitiativeAt:
    """An initiative as read at one revision. `stage`, `segment` and `source` are its state (domain.state)."""

    id: str
    name: str
    owner: str
    included: bool | None
    result: str | None
    recorded: str | None
    reason: str | None
    answers: tuple[bool | None, ...]
    version: str
    stage: str
    segment: str | None
    source: str | None

    def answer(self, key: str) -> bool | None:
        return self.answers[CHECKLIST_KEYS.index(key)]


@dataclass(frozen=True)
class Change:
    """An initiative at both revisions."""

    before: InitiativeAt
    after: InitiativeAt

    @property
    def id(self) -> str:
        return self.after.id


@dataclass(frozen=True)
class SegmentChange(Change):
    cause: str

    @property
    def reason(self) -> str | None:
        """The recorded reason for a decision, if any."""
        return self.after.reason if self.cause == DECISION else None

    @property
    def agrees(self) -> bool:
        """The new segment is the checklist's result (a decision that brings the record in line with it)."""
        return self.after.segment == self.after.result


@dataclass(frozen=True)
class AnswerChange:
    question: str
    before: bool | None
    after: bool | None


@dataclass(frozen=True)
class AnswersChange(Change):
    answers: tuple[AnswerChange, ...]


@dataclass(frozen=True)
class FieldChange(Change):
    """A change of name or owner."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Changes:
    """Every difference, each list sorted by id.

    `stage` holds changes of stage; `segment` changes of the effective segment within a stage; `result` the
    initiatives whose checklist result changed while their effective segment stayed (a recorded segment kept against
    new answers). `skipped` are ids not compared because a file could not be read at one of the revisions.
    """

    base: Revision
    head: Revision
    added: tuple[InitiativeAt, ...] = ()
    removed: tuple[InitiativeAt, ...] = ()
    inclusion: tuple[Change, ...] = ()
    stage: tuple[Change, ...] = ()
    segment: tuple[SegmentChange, ...] = ()
    result: tuple[Change, ...] = ()
    answers: tuple[AnswersChange, ...] = ()
    other: tuple[FieldChange, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.inclusion
            or self.stage
            or self.segment
            or self.result
            or self.answers
            or self.other
        )

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "inclusion": len(self.inclusion),
            "stage": len(self.stage),
            "segment": len(self.segment),
            "result": len(self.result),
            "answers": len(self.answers),
            "other": len(self.other),
            "skipped": len(self.skipped),
        }


def reading(assessment: Assessment) -> InitiativeAt:
    entry = assessment.entry
    initiative = entry.initiative
    decision = assessment.decision
    return InitiativeAt(
        id=entry.id,
        name=initiative.name,
        owner=initiative.owner,
        included=decision.included,
        result=decision.segment,
        recorded=initiative.segment,
        reason=initiative.segment_reason,
        answers=tuple(getattr(initiative.checklist, key) for key in CHECKLIST_KEYS),
        version=decision.checklist_version,
        stage=assessment.state.stage,
        segment=assessment.state.segment,
        source=assessment.state.source,
    )


def segment_cause(before: InitiativeAt, after: InitiativeAt) -> str:
    """Why the effective segment changed (see the module docstring)."""
    if before.result != after.result and after.segment == after.result:
        return ANSWERS if before.answers != after.answers else CHECKLIST
    return DECISION


def compare(
    before: Iterable[Assessment],
    after: Iterable[Assessment],
    base: Revision,
    head: Revision,
    skipped: Iterable[str] = (),
) -> Changes:
    """The changes from `before` to `after`; ids in `skipped` (unreadable on either side) are left out."""
    left_out = set(skipped)
    old = {a.entry.id: reading(a) for a in before if a.entry.id not in left_out}
    new = {a.entry.id: reading(a) for a in after if a.entry.id not in left_out}
    inclusion: list[Change] = []
    stage: list[Change] = []
    segment: list[SegmentChange] = []
    result: list[Change] = []
    answers: list[AnswersChange] = []
    other: list[FieldChange] = []
    for ident in sorted(old.keys() & new.keys()):
        was, now = old[ident], new[ident]
        if was.included != now.included:
            inclusion.append(Change(was, now))
        if was.stage != now.stage:
            stage.append(Change(was, now))
        elif was.segment != now.segment:
            segment.append(SegmentChange(was, now, segment_cause(was, now)))
        elif was.result != now.result:
            result.append(Change(was, now))
        changed = tuple(
            AnswerChange(key, was.answer(key), now.answer(key))
            for key in CHECKLIST_KEYS
            if was.answer(key) != now.answer(key)
        )
        if changed:
            answers.append(AnswersChange(was, now, changed))
        for name in ("name", "owner"):
            if getattr(was, name) != getattr(now, name):
                other.append(FieldChange(was, now, name, getattr(was, name), getattr(now, name)))
    return Changes(
        base=base,
        head=head,
        added=tuple(new[i] for i in sorted(new.keys() - old.keys())),
        removed=tuple(old[i] for i in sorted(old.keys() - new.keys())),
        inclusion=tuple(inclusion),
        stage=tuple(stage),
        segment=tuple(segment),
        result=tuple(result),
        answers=tuple(answers),
        other=tuple(other),
        skipped=tuple(sorted(left_out)),
    )
