"""The decision: answers and a checklist in, inclusion and segment out, with the trace of why.

A pure function in the manner of a decision table with a FIRST hit policy. It reads no files and prints nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ehportfolio.domain.checklist import Checklist

# What an answer led to, as recorded in a trace step.
MET = "met"  # yes: the criterion holds
FAILED = "failed"  # no to every question of a criterion: the initiative is out
NOT_ALONE = "not_alone"  # no to one alternative of an either-or criterion: another answer decides
SEGMENT = "segment"  # yes in the segment tree: this segment
NEXT = "next"  # no in the segment tree: on to the next question
OTHERWISE = "otherwise"  # no to every question of the tree: the default segment
UNANSWERED = "unanswered"  # the answer is needed and missing
NOT_NEEDED = "not_needed"  # missing, but other answers decided without it


@dataclass(frozen=True)
class Step:
    """One question read, its answer (None when unanswered), and what followed from it."""

    phase: str  # "inclusion" or "segment"
    question: str | None
    answer: bool | None
    effect: str
    criterion: str | None = None
    segment: str | None = None


@dataclass(frozen=True)
class Decision:
    """The result: `included` and `segment` are None while undecided, and `missing` names the answers still needed."""

    included: bool | None
    segment: str | None
    missing: tuple[str, ...]
    trace: tuple[Step, ...]
    checklist_version: str

    @property
    def decided(self) -> bool:
        """Out, or in with a segment."""
        return self.included is False or self.segment is not None


def decide(answers: Mapping[str, bool | None], checklist: Checklist) -> Decision:
    """Evaluate the inclusion criteria, then, if included, the segment tree."""
    trace: list[Step] = []
    missing: list[str] = []
    included: bool | None = True
    for criterion in checklist.criteria:
        held = _criterion(criterion.id, criterion.questions, answers, trace, missing)
        if held is False:  # one no decides out: nothing missing is needed any more
            steps = (replace(s, effect=NOT_NEEDED) if s.effect == UNANSWERED else s for s in trace)
            return Decision(False, None, (), tuple(steps), checklist.version)
        if held is None:
            included = None
    segment = _segment(answers, checklist, trace, missing)
    if included is None or segment is None:
        return Decision(included, None, tuple(missing), tuple(trace), checklist.version)
    return Decision(True, segment, (), tuple(trace), checklist.version)


def _criterion(
    criterion: str,
    questions: tuple[str, ...],
    answers: Mapping[str, bool | None],
    trace: list[Step],
    missing: list[str],
) -> bool | None:
    """True on the first yes, False when every question is no, None when it turns on a missing answer."""
    steps: list[Step] = []
    unanswered: list[str] = []
    held: bool | None = None
    for number, question in enumerate(questions, start=1):
        answer = answers.get(question)
        if answer is True:
            steps.append(Step("inclusion", question, True, MET, criterion))
            held = True
            break
        if answer is None:
            unanswered.append(question)
            steps.append(Step("inclusion", question, None, UNANSWERED, criterion))
        elif number == len(questions) and not unanswered:
            steps.append(Step("inclusion", question, False, FAILED, criterion))
            held = False
        else:
            steps.append(Step("inclusion", question, False, NOT_ALONE, criterion))
    if held is True:  # a later yes made the missing alternatives unnecessary
        steps = [replace(step, effect=NOT_NEEDED) if step.effect == UNANSWERED else step for step in steps]
    elif held is None:
        missing.extend(unanswered)
    trace.extend(steps)
    return held


def _segment(
    answers: Mapping[str, bool | None], checklist: Checklist, trace: list[Step], missing: list[str]
) -> str | None:
    """Walk the tree; a missing answer is needed, and so is every later one that could still decide."""
    undecided = False
    for branch in checklist.segment_tree:
        answer = answers.get(branch.question)
        if answer is True:
            trace.append(Step("segment", branch.question, True, SEGMENT, segment=branch.segment))
            return None if undecided else branch.segment
        if answer is None:
            undecided = True
            missing.append(branch.question)
            trace.append(Step("segment", branch.question, None, UNANSWERED))
        else:
            trace.append(Step("segment", branch.question, False, NEXT))
    if undecided:
        return None
    trace.append(Step("segment", None, None, OTHERWISE, segment=checklist.otherwise))
    return checklist.otherwise
