"""The data models of the files people write: an initiative, the portfolio's settings with its calendar, and status
reports.

They are strict and frozen: an unknown key is an error, never ignored. The field names here are the file format the
README documents.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ehportfolio.domain.fieldtypes import (
    CYCLE_COMMITTEE,
    OUT,
    SEGMENTS,
    STATUSES,
    Amount,
    Answer,
    CaseNumber,
    CaseType,
    Code,
    Colour,
    Committee,
    CycleStage,
    Line,
    LocalFile,
    Number,
    Segment,
    SignedAmount,
    Slug,
    Status,
    Strength,
    Text,
    Year,
)

CHECKLIST_KEYS = (
    "digitalisation_essential",
    "multiple_care_providers",
    "reuse_potential",
    "health_information_access",
    "broad_collaboration",
    "strong_samstyre_dependencies",
    "exploratory",
    # asked only by the 2024 trial checklist (data/checklists/2024.yaml)
    "core_activity",
    "cross_actor_coordination",
    "strategy_essential",
)
"""The keys of every shipped checklist version: an initiative file may answer any of them, and each version reads
those it asks."""


class _Strict(BaseModel):
    # defer_build: a model's validator is built when it is first used, so `ehp assess` builds only the models of the
    # files it reads (about 6 ms of start-up)
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True, defer_build=True)


class Answers(_Strict):
    """The answers to the questions of every shipped checklist version; None is unanswered."""

    digitalisation_essential: Answer = None
    multiple_care_providers: Answer = None
    reuse_potential: Answer = None
    health_information_access: Answer = None
    broad_collaboration: Answer = None
    strong_samstyre_dependencies: Answer = None
    exploratory: Answer = None
    # asked only by the 2024 trial checklist
    core_activity: Answer = None
    cross_actor_coordination: Answer = None
    strategy_essential: Answer = None


class Dependency(_Strict):
    """A dependency on another initiative of the portfolio, or on an entry of the register of national solutions."""

    id: Slug
    strength: Strength


_STEP = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "integer", "minimum": 1}]}
"""A step's `from` or `to`: a segment or a status as text, or a priority as a whole number."""
_STEP_OR_NONE = {"anyOf": [*_STEP["anyOf"], {"type": "null"}], "default": None}


def is_priority(value: str) -> bool:
    """Whether a text is a priority: a positive whole number in ASCII digits (`3`, not `0`, `-1` or `2.5`)."""
    return value.isascii() and value.isdigit() and int(value) > 0


class HistoryEntry(_Strict):
    """A recorded step in an initiative's life: a decision, a move between segments, a change of status, or a decided
    priority.

    For a decision or a move, `from` and `to` are segments (a decision's `to` may be `out`, and the first decision's
    `from` is empty); for a status change they are statuses; for a priority they are positive whole numbers (the
    first one's `from` is empty), kept here as their digits.
    """

    date: datetime.date
    kind: Literal["decision", "move", "status", "priority"]
    from_: Annotated[str | None, WithJsonSchema(_STEP_OR_NONE)] = Field(default=None, alias="from")
    to: Annotated[Text, WithJsonSchema(_STEP)]
    reason: Text
    ref: Text | None = None

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _number_as_digits(cls, value: object) -> object:
        """A priority is written as a number (`to: 3`); kept as its digits, like every other `to`."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("from_", "to")
    @classmethod
    def _priority_is_a_number(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A priority's `from` and `to` are positive whole numbers; placed on the value at fault."""
        if info.data.get("kind") == "priority" and value is not None and not is_priority(value):
            raise PydanticCustomError("priority_value", "not a priority", {"value": value})
        return value

    @model_validator(mode="after")
    def _values_fit_the_kind(self) -> HistoryEntry:
        if self.kind == "priority":
            return self
        allowed = STATUSES if self.kind == "status" else (*SEGMENTS, OUT)
        for value in (self.from_, self.to):
            if value is not None and value not in allowed:
                raise PydanticCustomError(
                    "history_value", "not allowed", {"value": value, "allowed": ", ".join(allowed)}
                )
        return self


class Phase(_Strict):
    """A phase (fase) of an initiative's plan: its name, and the planned and actual start and end of it. The names a
    portfolio uses are in domain/roadmap.py; the rule unknown_phase holds each name against them."""

    name: Line
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> Phase:
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            first, last = getattr(self, start), getattr(self, end)
            if first is not None and last is not None and last < first:
                args = {"key": end, "start": first.isoformat(), "end": last.isoformat()}
                raise PydanticCustomError("date_order", "ends before it starts", args)
        return self


class Milestone(_Strict):
    """A milestone (milepæl) of an initiative: its name, the date planned and the date reached."""

    name: Line
    planned: datetime.date | None = None
    actual: datetime.date | None = None


class YearFinances(_Strict):
    """An initiative's money in one year, in whole kroner: its budget, how the budget is funded (own means, co-funded
    by other actors, state-funded), and its effect on the running costs of the national e-health solutions (below
    zero a saving). Any amount may be left out; the funding parts together may not exceed the budget when both are
    given."""

    year: Year
    budget: Amount | None = None
    own: Amount | None = None
    co_funded: Amount | None = None
    state_funded: Amount | None = None
    running_cost_effect: SignedAmount | None = None

    @property
    def funding(self) -> int:
        """The funding parts together; a part left out counts as nothing."""
        return (self.own or 0) + (self.co_funded or 0) + (self.state_funded or 0)

    @model_validator(mode="after")
    def _funding_within_budget(self) -> YearFinances:
        if self.budget is not None and self.funding > self.budget:
            args = {"year": self.year, "funding": self.funding, "budget": self.budget}
            raise PydanticCustomError("funding_over_budget", "funding exceeds the budget", args)
        return self


class Indicator(_Strict):
    """How a benefit is measured: what (`name`, may be left out when the description says it), in which `unit`, from
    which `baseline` to which `target` by which `target_date`. A target below the baseline is a reduction."""

    name: Line | None = None
    unit: Line
    baseline: Number
    target: Number
    target_date: datetime.date


class Benefit(_Strict):
    """An expected benefit (gevinst) of an initiative: what it is, the strategy goal it serves (a code of the
    portfolio's taxonomy; the rule unknown_benefit_goal holds it), how it is measured, and who realises it. Status
    reports measure it by its `id` (domain/benefits.py)."""

    id: Slug
    description: Text
    goal: Code
    indicator: Indicator
    responsible: Line


class Initiative(_Strict):
    """One initiative file. Its id is the file's stem, not a field."""

    name: Line
    owner: Line
    checklist: Answers
    segment: Segment | None = None
    segment_reason: Text | None = None
    focus_area: Code | None = None
    goals: tuple[Code, ...] = ()  # strategy goals, main goal first (domain/goals.py reads them with focus_area)
    description: str | None = None
    dependencies: tuple[Dependency, ...] = ()
    evidence: str | None = None
    status: Status = "active"
    history: tuple[HistoryEntry, ...] = ()
    phases: tuple[Phase, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    user_groups: tuple[Slug, ...] = ()
    """The user groups (brukergrupper) it serves: ids of the portfolio's register of user groups."""

    finances: tuple[YearFinances, ...] = ()
    """Money per year, one entry a year (YearFinances)."""

    @field_validator("finances")
    @classmethod
    def _one_entry_per_year(cls, finances: tuple[YearFinances, ...]) -> tuple[YearFinances, ...]:
        seen: dict[int, int] = {}
        for index, entry in enumerate(finances):
            if entry.year in seen:
                args = {"year": entry.year, "index": index, "first": seen[entry.year]}
                raise PydanticCustomError("duplicate_year", "two entries for one year", args)
            seen[entry.year] = index
        return finances

    benefits: tuple[Benefit, ...] = ()
    """The benefits it is expected to realise (Benefit), each id once."""

    @field_validator("benefits")
    @classmethod
    def _one_benefit_per_id(cls, benefits: tuple[Benefit, ...]) -> tuple[Benefit, ...]:
        return _unique_benefits(benefits)


class SubGoal(_Strict):
    """A sub-goal (delmål) of a strategy's goal; `truncated` marks a name known only in part."""

    code: Code
    name: Line
    truncated: bool = False


class FocusArea(_Strict):
    """A focus area (innsatsområde) or goal (mål) of a strategy; `truncated` marks a name known only in part, and
    `sub_goals` are its delmål, whose codes initiatives may name too."""

    code: Code
    name: Line
    truncated: bool = False
    sub_goals: tuple[SubGoal, ...] = ()


class Taxonomy(_Strict):
    """A taxonomy file: the strategy whose focus areas the initiatives refer to."""

    name: Line
    focus_areas: tuple[FocusArea, ...] = Field(min_length=1)


class Actor(_Strict):
    """An actor (aktør) that may own initiatives."""

    name: Line
    short_name: Line | None = None


class Actors(_Strict):
    """The actors register: every owner of an initiative must be named here."""

    actors: tuple[Actor, ...] = Field(min_length=1)


class UserGroup(_Strict):
    """A user group (brukergruppe) that initiatives serve: `id` is what an initiative's `user_groups` names; `name` is
    bokmål, `name_nn` and `name_en` the name in nynorsk and English where it differs."""

    id: Slug
    name: Line
    name_nn: Line | None = None
    name_en: Line | None = None
    description: Text | None = None


class UserGroups(_Strict):
    """The register of user groups: every user group an initiative names must be here, once."""

    user_groups: tuple[UserGroup, ...] = Field(min_length=1)

    @field_validator("user_groups")
    @classmethod
    def _unique(cls, groups: tuple[UserGroup, ...]) -> tuple[UserGroup, ...]:
        _first_of_each_id(groups, "duplicate_user_group")
        return groups


class Meeting(_Strict):
    """A committee meeting of the calendar, and so a reporting round.

    `segments` names the segments that report to it; None (the key left out) means the default cadence (see
    reporting.py), and an empty list that none do. `round` is the meeting's id, which names its status directory.
    """

    committee: Committee
    number: int = Field(ge=1, le=999)
    date: datetime.date
    segments: tuple[Segment, ...] | None = None
    stage: CycleStage | None = None
    """The stage of the annual cycle the meeting handles (a NUIT meeting only, one meeting a stage a year)."""
    case: CaseNumber | None = None
    """The case number of that stage's paper at the meeting, N/YY."""
    case_type: CaseType | None = None
    """The case type of that stage's paper."""

    @model_validator(mode="after")
    def _stage_on_the_cycle_committee(self) -> Meeting:
        """Only NUIT handles the annual cycle; a case number or case type belongs to the stage's paper."""
        if self.stage is not None and self.committee != CYCLE_COMMITTEE:
            args = {"key": "stage", "committee": self.committee, "expected": CYCLE_COMMITTEE}
            raise PydanticCustomError("stage_committee", "a stage on another committee's meeting", args)
        for key in ("case", "case_type"):
            if self.stage is None and getattr(self, key) is not None:
                raise PydanticCustomError("case_without_stage", "a case without a stage", {"key": key})
        return self

    @property
    def round(self) -> str:
        """`<year>-<committee in lowercase>-<number>`, such as `2021-nuit-2`: the directory of its status reports."""
        return round_id(self.date.year, self.committee, self.number)


def round_id(year: int, committee: str, number: int) -> str:
    return f"{year}-{committee.lower()}-{number}"


class Settings(_Strict):
    """The portfolio file, portfolio.yaml. `taxonomy` and `actors` name files beside it; `calendar` lists the committee
    meetings, each a reporting round."""

    name: Line
    year: Year
    checklist_version: Code = "2020"
    checklists: tuple[LocalFile, ...] = ()
    """The portfolio's own checklist versions: files beside portfolio.yaml in the format of the shipped ones."""
    taxonomy: LocalFile | None = None
    actors: LocalFile | None = None
    solutions: LocalFile | None = None
    calendar: tuple[Meeting, ...] = ()
    phases: tuple[Line, ...] = ()
    """The names of the phases the portfolio's initiatives plan by, in order; left out, the default ones
    (domain/roadmap.py)."""
    user_groups: LocalFile | None = None
    """The register of user groups (brukergrupper), a file beside portfolio.yaml like the actors register."""

    @field_validator("calendar")
    @classmethod
    def _one_meeting_per_round(cls, calendar: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
        """Two meetings of one committee with the same number in the same year would share a round directory."""
        seen: dict[str, int] = {}
        for index, meeting in enumerate(calendar):
            if meeting.round in seen:
                args = {"round": meeting.round, "index": index, "first": seen[meeting.round]}
                raise PydanticCustomError("duplicate_meeting", "two meetings give one round", args)
            seen[meeting.round] = index
        stages: dict[tuple[int, str], int] = {}
        for index, meeting in enumerate(calendar):
            if meeting.stage is None:
                continue
            handled = (meeting.date.year, meeting.stage)
            if handled in stages:
                args = {"stage": meeting.stage, "year": meeting.date.year, "index": index, "first": stages[handled]}
                raise PydanticCustomError("duplicate_stage", "two meetings handle one stage in a year", args)
            stages[handled] = index
        return calendar


# Status reports: one file per initiative per reporting round, status/<round>/<id>.yaml. Every field but the date may
# be left out or empty here; which ones a report must fill in depends on the initiative's segment, and the rule
# status_incomplete checks that (cadence.yaml lists them). A list given as [] says "none", which is an answer; a list
# left out or empty is not.


class Risk(_Strict):
    """A risk: what may happen, what follows if it does, and the action that handles it."""

    risk: Text | None = None
    consequence: Text | None = None
    action: Text | None = None


class StatusDependency(_Strict):
    """A dependency as a status report follows it: on which initiative, what is needed by when, and how it stands."""

    id: Slug | None = None
    needed: Text | None = None
    by: datetime.date | None = None
    state: Text | None = None


class Replan(_Strict):
    """A planned date a status report moves: of a phase (`phase`, with a new `planned_start`, `planned_end` or both)
    or of a milestone (`milestone`, with a new `planned`), and why. The initiative file keeps the original plan;
    domain/roadmap.py applies the moves in date order."""

    phase: Line | None = None
    milestone: Line | None = None
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    planned: datetime.date | None = None
    reason: Text

    @model_validator(mode="after")
    def _one_thing_moved(self) -> Replan:
        phase_dates = self.planned_start is not None or self.planned_end is not None
        if self.phase is not None and self.milestone is None and phase_dates and self.planned is None:
            if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
                args = {
                    "key": "planned_end",
                    "start": self.planned_start.isoformat(),
                    "end": self.planned_end.isoformat(),
                }
                raise PydanticCustomError("date_order", "ends before it starts", args)
            return self
        if self.milestone is not None and self.phase is None and self.planned is not None and not phase_dates:
            return self
        raise PydanticCustomError("replan_shape", "a replan moves one phase's or one milestone's dates")


class StatusBenefit(_Strict):
    """A benefit as a status report measures it: the initiative's benefit `id`, the `value` of its indicator on the
    report's date, and the obstacles (hindringer) to realising it, which Observere and Samstyre reports name."""

    id: Slug
    value: Number | None = None
    obstacles: Text | None = None


_Benefits = TypeVar("_Benefits", "Benefit", "StatusBenefit")


def _unique_benefits(benefits: tuple[_Benefits, ...]) -> tuple[_Benefits, ...]:
    """A benefit's id names it once in a list; a second entry with the same id is placed on its `id`."""
    seen: dict[str, int] = {}
    for index, benefit in enumerate(benefits):
        if benefit.id in seen:
            args = {"id": benefit.id, "index": index, "first": seen[benefit.id]}
            raise PydanticCustomError("duplicate_benefit", "two benefits with one id", args)
        seen[benefit.id] = index
    return benefits


class StatusReport(_Strict):
    """A status report of one initiative for one reporting round. Its id and round are its file's name and folder.

    `colour` is grønn, gul or rød (green, yellow and red are read as those); `progress` is how far the initiative has
    come; `actions` are the actions that reduce the risk of its dependencies; `ideas` are the new ideas an Inspirere
    initiative brings out (section 4.6), one an item.
    """

    date: datetime.date
    colour: Colour = None
    progress: Text | None = None
    risks: tuple[Risk, ...] | None = None
    dependencies: tuple[StatusDependency, ...] | None = None
    actions: tuple[Text | None, ...] | None = None
    experience: Text | None = None
    obstacles: Text | None = None
    purpose: Text | None = None
    ideas: tuple[Text | None, ...] | None = None
    replan: tuple[Replan, ...] = ()
    """Planned dates this report moves (Replan), each with its reason."""
    benefits: tuple[StatusBenefit, ...] | None = None
    """The measured value of each of the initiative's benefits it measures (StatusBenefit), each id once."""
    example: bool = False
    """True for example data, not the organisation's own report (the shipped portfolio's example rounds): every paper
    that shows the report's round says so."""

    @field_validator("benefits")
    @classmethod
    def _one_value_per_benefit(cls, benefits: tuple[StatusBenefit, ...] | None) -> tuple[StatusBenefit, ...] | None:
        return None if benefits is None else _unique_benefits(benefits)


# The register of national solutions: what a dependency may name besides an initiative of the portfolio (section 4.4:
# a strong dependency on one of them counts for Koordinere). A data file like the actors register.

SOLUTION_KINDS = ("national_solution", "shared_epj")
"""A national e-health solution (kjernejournal, e-resept, helsenorge.no, helsenettet), or the actors' shared EPJ
development."""


class Solution(_Strict):
    """An entry of the register: `id` is what a dependency names; `name` is bokmål, `name_nn` and `name_en` the name
    in nynorsk and English where it differs; `part_of` the id of the entry it belongs to (HelseID to helsenettet)."""

    id: Slug
    name: Line
    name_nn: Line | None = None
    name_en: Line | None = None
    kind: Literal["national_solution", "shared_epj"] = "national_solution"
    part_of: Slug | None = None
    description: Text | None = None


class Solutions(_Strict):
    """The register of national solutions. Its ids are unique, and a `part_of` names another entry of it."""

    solutions: tuple[Solution, ...] = ()

    @field_validator("solutions")
    @classmethod
    def _unique_and_whole(cls, solutions: tuple[Solution, ...]) -> tuple[Solution, ...]:
        seen = _first_of_each_id(solutions, "duplicate_solution")
        for index, solution in enumerate(solutions):
            if solution.part_of is not None and (solution.part_of not in seen or solution.part_of == solution.id):
                args = {"id": solution.part_of, "index": index, "known": ", ".join(sorted(seen))}
                raise PydanticCustomError("unknown_part_of", "part_of names no other entry", args)
        return solutions


def _first_of_each_id(entries: tuple[Solution | UserGroup, ...], code: str) -> dict[str, int]:
    """The index of each id of a register's entries; an id given twice is the error `code`, naming both entries."""
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            args = {"id": entry.id, "index": index, "first": seen[entry.id]}
            raise PydanticCustomError(code, "two entries with one id", args)
        seen[entry.id] = index
    return seen
