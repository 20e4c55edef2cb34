"""Rules on an initiative's plan over time: each phase is one the portfolio plans by."""

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
