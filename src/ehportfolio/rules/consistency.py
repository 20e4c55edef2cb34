"""Rules on whether what a file records agrees with its checklist answers and its dependencies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ehportfolio.domain.fieldtypes import OUT
from ehportfolio.domain.lifecycle import SEGMENT_KINDS, last
from ehportfolio.domain.problems import Problem

if TYPE_CHECKING:
    from ehportfolio.rules import Subject


def segment_unexplained(subject: Subject) -> Iterator[Problem]:
    """A recorded segment that differs from the checklist's result has a segment_reason."""
    for assessment in subject.assessments.values():
        decision = assessment.decision
        if assessment.unexplained and decision.included and decision.segment:
            entry = assessment.entry
            line, column = entry.place("segment")
            args = {"recorded": entry.initiative.segment, "result": decision.segment}
            yield Problem(entry.path, "", args, line, column, "segment")


def segment_missing(subject: Subject) -> Iterator[Problem]:
    """An initiative the checklist includes has a recorded segment."""
    for assessment in subject.assessments.values():
        decision = assessment.decision
        initiative = assessment.entry.initiative
        step = last(initiative, SEGMENT_KINDS)
        decided_out = step is not None and step.to == OUT  # the directorate decided it out: no segment is right
        if decision.included and decision.segment and initiative.segment is None and not decided_out:
            yield Problem(assessment.entry.path, "", {"result": decision.segment}, 1, 1)


def segment_on_excluded(subject: Subject) -> Iterator[Problem]:
    """An initiative the checklist leaves out of the portfolio has no segment, unless the directorate decided it in
    with a reason (`segment_reason`, as `ehp decide` records it): a recorded decision beats the checklist."""
    for assessment in subject.assessments.values():
        entry = assessment.entry
        initiative = entry.initiative
        if assessment.decision.included is False and initiative.segment is not None and not initiative.segment_reason:
            line, column = entry.place("segment")
            yield Problem(entry.path, "", {"recorded": initiative.segment}, line, column, "segment")


def undecided(subject: Subject) -> Iterator[Problem]:
    """The checklist has every answer its decision needs."""
    for assessment in subject.assessments.values():
        if not assessment.decision.decided:
            entry = assessment.entry
            line, column = entry.place("checklist")
            args = {"keys": ", ".join(assessment.decision.missing)}
            yield Problem(entry.path, "", args, line, column, "checklist")


def samstyre_dependency_mismatch(subject: Subject) -> Iterator[Problem]:
    """The answer to strong_samstyre_dependencies agrees with the strong dependencies recorded that make an initiative
    Koordinere (section 4.4): on Samstyre initiatives, on the national e-health solutions, or on shared EPJ
    development (the last two from the register of national solutions)."""
    for assessment in subject.assessments.values():
        entry = assessment.entry
        answer = entry.initiative.checklist.strong_samstyre_dependencies
        strong = [
            (index, d.id)
            for index, d in enumerate(entry.initiative.dependencies)
            if d.strength == "strong" and _coordinated(subject, d.id)
        ]
        if answer is True and not strong:
            line, column = entry.place("checklist", "strong_samstyre_dependencies")
            yield Problem(entry.path, "", {"variant": "yes"}, line, column, "checklist.strong_samstyre_dependencies")
        elif answer is False and strong:
            index, target = strong[0]
            variant = "no" if target in subject.assessments else "no_solution"
            line, column = entry.place("dependencies", index, "id")
            yield Problem(entry.path, "", {"variant": variant, "id": target}, line, column, f"dependencies.{index}.id")


def _coordinated(subject: Subject, ident: str) -> bool:
    """Whether a strong dependency on `ident` is one that makes an initiative Koordinere: the one place that says so.
    An initiative counts when it is in Samstyre; an id that is no initiative counts when it is in the register of
    national solutions (a national e-health solution or shared EPJ development). An id that is both means the
    initiative (`solution_clash` reports it)."""
    if ident in subject.assessments:
        return subject.effective_segment(ident) == "samstyre"
    return ident in subject.portfolio.context.solution_by_id


def koordinere_without_dependency(subject: Subject) -> Iterator[Problem]:
    """A Koordinere initiative records at least one dependency: its reports are about them."""
    for ident, assessment in subject.assessments.items():
        entry = assessment.entry
        if subject.effective_segment(ident) == "koordinere" and not entry.initiative.dependencies:
            line, column = entry.place("segment")
            yield Problem(entry.path, "", {}, line, column, "dependencies")
