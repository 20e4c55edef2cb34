"""Rules on an initiative's plan over time: each phase is one the portfolio plans by, and each planned date a status
report moves is one of the plan's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ehportfolio.domain.problems import Problem
from ehportfolio.domain.roadmap import phase_names
from ehportfolio.store.validation import Nearest

if TYPE_CHECKING:
    from ehportfolio.rules import Subject


def unknown_phase(subject: Subject) -> Iterator[Problem]:
    """Every phase in `phases` is named as the portfolio names its phases: by `phases` in portfolio.yaml, or else
    utredning, planlegging, gjennomføring, innføring and gevinstrealisering."""
    settings = subject.portfolio.context.settings
    names = phase_names(settings.phases if settings else ())
    nearest = Nearest(list(names))
    for entry in subject.portfolio.entries:
        for index, phase in enumerate(entry.initiative.phases):
            if phase.name not in names:
                line, column = entry.place("phases", index, "name")
                args = {"name": phase.name, "suggestion": nearest(phase.name), "known": ", ".join(names)}
                yield Problem(entry.path, "", args, line, column, f"phases.{index}.name")


def unknown_replan(subject: Subject) -> Iterator[Problem]:
    """Every planned date a status report moves (`replan`) belongs to a phase or a milestone of the initiative's plan:
    a move that names none moves nothing, so the roadmap would go on showing the old date."""
    statuses = subject.portfolio.statuses
    if statuses is None:
        return
    initiatives = {entry.id: entry.initiative for entry in subject.portfolio.entries}
    for status in statuses.entries:
        initiative = initiatives.get(status.id)
        if initiative is None:
            continue  # status_unknown_initiative reports it
        for index, replan in enumerate(status.report.replan):
            kind, name = ("phase", replan.phase) if replan.phase is not None else ("milestone", replan.milestone)
            steps = initiative.phases if kind == "phase" else initiative.milestones
            names = list(dict.fromkeys(step.name for step in steps))
            if name is None or name in names:
                continue
            line, column = status.place("replan", index, kind)
            args = {"variant": kind, "name": name, "id": status.id, "known": ", ".join(names) or "–"}
            yield Problem(
                status.path, "", {**args, "suggestion": Nearest(names)(name)}, line, column, f"replan.{index}.{kind}"
            )
