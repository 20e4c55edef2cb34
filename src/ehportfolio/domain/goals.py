"""The strategy goals of an initiative and what a taxonomy knows of them; and a mapping from one taxonomy's codes to
another's, as `ehp migrate` applies it.

An initiative names its goals in `goals` (main goal first) or, in the older form, one `focus_area`. Everything that
counts or shows goals reads them here, so that both forms work the same everywhere. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from ehportfolio.domain.fieldtypes import Code, Line
from ehportfolio.domain.models import Initiative, Taxonomy


def goals_of(initiative: Initiative) -> tuple[str, ...]:
    """Its goals, main goal first: `goals` when given, else its one `focus_area`; () when it names none."""
    if initiative.goals:
        return initiative.goals
    return (initiative.focus_area,) if initiative.focus_area else ()


def main_goal(initiative: Initiative) -> str:
    """The code of its main goal (the first of `goals`, else `focus_area`); "" when it names none."""
    goals = goals_of(initiative)
    return goals[0] if goals else ""


@dataclass(frozen=True)
class Known:
    """A code of a taxonomy: its name, whether the name is cut short, and the goal it is a sub-goal of ("" for a
    goal)."""

    name: str
    truncated: bool
    parent: str = ""


def known_codes(taxonomy: Taxonomy | None) -> dict[str, Known]:
    """Every code an initiative may name, goals and sub-goals, in the taxonomy's order; {} without a taxonomy."""
    if taxonomy is None:
        return {}
    codes: dict[str, Known] = {}
    for area in taxonomy.focus_areas:
        codes.setdefault(area.code, Known(area.name, area.truncated))
        for sub in area.sub_goals:
            codes.setdefault(sub.code, Known(sub.name, sub.truncated, area.code))
    return codes


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


class MappedCode(_Strict):
    """One code of the source taxonomy and the goals it becomes, main goal first; an empty list maps it to nothing."""

    from_: Code = Field(alias="from")
    to: tuple[Code, ...]
    note: str | None = None


class TaxonomyMapping(_Strict):
    """A mapping between two shipped taxonomies (by their strategy, such as `2017-2022`). `proposal` marks a mapping
    nobody has reviewed yet."""

    source: Line
    target: Line
    proposal: bool
    codes: tuple[MappedCode, ...] = Field(min_length=1)

    def goals_for(self, codes: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The goals `codes` become, main goal first and each once, and the codes the mapping has no goals for."""
        table = {entry.from_: entry.to for entry in self.codes}
        goals: list[str] = []
        missing: list[str] = []
        for code in codes:
            targets = table.get(code, ())
            if not targets:
                missing.append(code)
            goals.extend(goal for goal in targets if goal not in goals)
        return tuple(goals), tuple(missing)
