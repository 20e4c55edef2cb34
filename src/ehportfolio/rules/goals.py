"""Rules on the strategy goals an initiative names in `goals`: codes of the taxonomy, each once, and not beside a
`focus_area`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from ehportfolio.domain.goals import known_codes
from ehportfolio.domain.models import Initiative
from ehportfolio.domain.problems import Problem
from ehportfolio.store.validation import Nearest

if TYPE_CHECKING:
    from ehportfolio.rules import Subject

Keys = tuple[str | int, ...]
"""The keys and list indexes that lead to a value in a file (`("goals", 0)`)."""


def unknown_codes(subject: Subject, named: Callable[[Initiative], Iterable[tuple[Keys, str]]]) -> Iterator[Problem]:
    """A finding for every code an initiative names (`named` gives each with the keys that lead to it in the file)
    that is no goal or sub-goal of the portfolio's taxonomy, with the nearest code; none without a taxonomy."""
    known = known_codes(subject.portfolio.context.taxonomy)
    if not known:
        return
    codes = sorted(known)
    nearest = Nearest(codes)
    for entry in subject.portfolio.entries:
        for keys, code in named(entry.initiative):
            if code not in known:
                line, column = entry.place(*keys)
                args = {"code": code, "suggestion": nearest(code), "known": ", ".join(codes)}
                yield Problem(entry.path, "", args, line, column, ".".join(str(key) for key in keys))


def unknown_goal(subject: Subject) -> Iterator[Problem]:
    """Every code in `goals` is a goal or a sub-goal of the portfolio's taxonomy, when it names one."""
    return unknown_codes(subject, lambda initiative: ((("goals", i), c) for i, c in enumerate(initiative.goals)))


def duplicate_goal(subject: Subject) -> Iterator[Problem]:
    """No code is named twice in `goals`: the first names the main goal, and a repeat says nothing more."""
    for entry in subject.portfolio.entries:
        seen: set[str] = set()
        for index, code in enumerate(entry.initiative.goals):
            if code in seen:
                line, column = entry.place("goals", index)
                yield Problem(entry.path, "", {"code": code}, line, column, f"goals.{index}")
            seen.add(code)


def goals_and_focus_area(subject: Subject) -> Iterator[Problem]:
    """An initiative names its goals in `goals` or its one focus area in `focus_area`, not both: the two would say the
    same thing twice and drift apart. Where both are given, the reports read `goals`."""
    for entry in subject.portfolio.entries:
        initiative = entry.initiative
        if initiative.goals and initiative.focus_area is not None:
            line, column = entry.place("focus_area")
            yield Problem(entry.path, "", {"code": initiative.focus_area}, line, column, "focus_area")
