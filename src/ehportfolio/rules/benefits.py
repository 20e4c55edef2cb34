"""Rules on an initiative's benefits (gevinster) and what status reports say of them: each benefit serves a goal of
the taxonomy, a status report measures only benefits its initiative names, and only the segments that report on
obstacles name obstacles to a benefit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ehportfolio.domain.benefits import OBSTACLE_SEGMENTS
from ehportfolio.domain.problems import Problem
from ehportfolio.rules.goals import unknown_codes
from ehportfolio.rules.status import reports_by_segment
from ehportfolio.store.validation import Nearest

if TYPE_CHECKING:
    from ehportfolio.rules import Subject


def unknown_benefit_goal(subject: Subject) -> Iterator[Problem]:
    """Every benefit's `goal` is a goal or a sub-goal of the portfolio's taxonomy, when it names one."""
    return unknown_codes(
        subject, lambda initiative: ((("benefits", i, "goal"), b.goal) for i, b in enumerate(initiative.benefits))
    )


def status_benefit_unknown(subject: Subject) -> Iterator[Problem]:
    """Every benefit a status report measures is one its initiative names in `benefits`, by id."""
    statuses = subject.portfolio.statuses
    if statuses is None:
        return
    named = {e.id: [b.id for b in e.initiative.benefits] for e in subject.portfolio.entries}
    for status in statuses.entries:
        if status.id not in named:
            continue  # status_unknown_initiative
        known = named[status.id]
        nearest = Nearest(known)
        for index, measured in enumerate(status.report.benefits or ()):
            if measured.id not in known:
                line, column = status.place("benefits", index, "id")
                args = {"id": measured.id, "suggestion": nearest(measured.id), "known": ", ".join(known) or "–"}
                yield Problem(status.path, "", args, line, column, f"benefits.{index}.id")


def benefit_obstacles_segment(subject: Subject) -> Iterator[Problem]:
    """Obstacles to a benefit are named by Observere and Samstyre reports (Observere follows the obstacles to the
    initiatives that realise benefits); a report of another segment that names them is read, and warned about. The
    segment is the one the initiative was in on the meeting's date."""
    for status, segment in reports_by_segment(subject):
        if segment in OBSTACLE_SEGMENTS:
            continue
        for index, measured in enumerate(status.report.benefits or ()):
            if measured.obstacles is not None:
                line, column = status.place("benefits", index, "obstacles")
                args = {"id": measured.id, "segment": segment}
                yield Problem(status.path, "", args, line, column, f"benefits.{index}.obstacles")
