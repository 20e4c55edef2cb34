"""The money of the portfolio's members summed for balancing: by segment, by owner and by main goal, per year, beside
the counts.

Pure: it reads the initiatives' `finances` and their states (domain/state.py), and only members count, in the segment
the state gives them. An amount left out counts as nothing; `recorded` says how many members gave the year at all, so
that a sum over few of them is read as such.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.domain.goals import main_goal
from ehportfolio.domain.models import Initiative, YearFinances
from ehportfolio.domain.state import State

AMOUNTS = ("budget", "own", "co_funded", "state_funded", "running_cost_effect")
"""The amounts of a year, in the order the papers and the export show them."""


@dataclass(frozen=True)
class YearSums:
    """The amounts of one year summed over a group; `recorded` is how many of its members gave that year."""

    year: int
    recorded: int
    budget: int
    own: int
    co_funded: int
    state_funded: int
    running_cost_effect: int


@dataclass(frozen=True)
class GroupSums:
    """A group of members (a segment, an owner or a main goal, by `key`): how many, and their sums per year."""

    key: str
    count: int
    years: tuple[YearSums, ...]


@dataclass(frozen=True)
class Balance:
    """The members' money, summed each way. `years` are the years any member records, in order; `by_segment` has
    every segment, in their order; `by_owner` is most members first; `by_goal` by code ("" for no goal)."""

    years: tuple[int, ...]
    total: GroupSums
    by_segment: tuple[GroupSums, ...]
    by_owner: tuple[GroupSums, ...]
    by_goal: tuple[GroupSums, ...]


def _sums(initiatives: list[Initiative], key: str) -> GroupSums:
    per_year: dict[int, list[YearFinances]] = {}
    for initiative in initiatives:
        for entry in initiative.finances:
            per_year.setdefault(entry.year, []).append(entry)
    years = tuple(
        YearSums(
            year,
            len(entries),
            *(sum(getattr(e, name) or 0 for e in entries) for name in AMOUNTS),
        )
        for year, entries in sorted(per_year.items())
    )
    return GroupSums(key, len(initiatives), years)


def _groups(pairs: list[tuple[str, Initiative]], order: list[str]) -> tuple[GroupSums, ...]:
    grouped: dict[str, list[Initiative]] = {key: [] for key in order}
    for key, initiative in pairs:
        grouped.setdefault(key, []).append(initiative)
    return tuple(_sums(found, key) for key, found in grouped.items())


def balance(initiatives: Iterable[tuple[Initiative, State]]) -> Balance:
    """Sum the money of the members among `initiatives` (each with its state on the day balanced)."""
    chosen = [(initiative, state.segment or "") for initiative, state in initiatives if state.member]
    owners: dict[str, int] = {}
    for initiative, _ in chosen:
        owners[initiative.owner] = owners.get(initiative.owner, 0) + 1
    by_owner = sorted(owners, key=lambda owner: (-owners[owner], owner.casefold()))
    goals = sorted({main_goal(initiative) for initiative, _ in chosen})
    total = _sums([initiative for initiative, _ in chosen], "")
    return Balance(
        years=tuple(s.year for s in total.years),
        total=total,
        by_segment=_groups([(segment, i) for i, segment in chosen], list(SEGMENTS)),
        by_owner=_groups([(i.owner, i) for i, _ in chosen], by_owner),
        by_goal=_groups([(main_goal(i), i) for i, _ in chosen], goals),
    )
