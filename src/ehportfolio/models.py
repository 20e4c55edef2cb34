"""The data models of the files people write: an initiative and the portfolio's settings.

They are strict and frozen: an unknown key is an error, never ignored. The field names here are the file format the
README documents.
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fieldtypes import OUT, SEGMENTS, STATUSES, Answer, Code, LocalFile, Segment, Slug, Status, Strength, Text, Year

CHECKLIST_KEYS = (
    "digitalisation_essential",
    "multiple_care_providers",
    "reuse_potential",
    "health_information_access",
    "broad_collaboration",
    "strong_samstyre_dependencies",
    "exploratory",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


class Answers(_Strict):
    """The checklist answers; None is unanswered."""

    digitalisation_essential: Answer = None
    multiple_care_providers: Answer = None
    reuse_potential: Answer = None
    health_information_access: Answer = None
    broad_collaboration: Answer = None
    strong_samstyre_dependencies: Answer = None
    exploratory: Answer = None


class Dependency(_Strict):
    """A dependency on another initiative of the portfolio."""

    id: Slug
    strength: Strength


class HistoryEntry(_Strict):
    """A recorded step in an initiative's life: a decision, a move between segments, or a change of status.

    For a decision or a move, `from` and `to` are segments (a decision's `to` may be `out`, and the first decision's
    `from` is empty); for a status change they are statuses.
    """

    date: datetime.date
    kind: Literal["decision", "move", "status"]
    from_: str | None = Field(default=None, alias="from")
    to: Text
    reason: Text
    ref: Text | None = None

    @model_validator(mode="after")
    def _values_fit_the_kind(self) -> HistoryEntry:
        allowed = STATUSES if self.kind == "status" else (*SEGMENTS, OUT)
        for value in (self.from_, self.to):
            if value is not None and value not in allowed:
                raise PydanticCustomError(
                    "history_value", "not allowed", {"value": value, "allowed": ", ".join(allowed)}
                )
        return self


class Initiative(_Strict):
    """One initiative file. Its id is the file's stem, not a field."""

    name: Text
    owner: Text
    checklist: Answers
    segment: Segment | None = None
    segment_reason: Text | None = None
    focus_area: Code | None = None
    description: str | None = None
    dependencies: tuple[Dependency, ...] = ()
    evidence: str | None = None
    status: Status = "active"
    history: tuple[HistoryEntry, ...] = ()


class FocusArea(_Strict):
    """A focus area (innsatsområde) of a strategy; `truncated` marks a name known only in part."""

    code: Code
    name: Text
    truncated: bool = False


class Taxonomy(_Strict):
    """A taxonomy file: the strategy whose focus areas the initiatives refer to."""

    name: Text
    focus_areas: tuple[FocusArea, ...] = Field(min_length=1)


class Actor(_Strict):
    """An actor (aktør) that may own initiatives."""

    name: Text
    short_name: Text | None = None


class Actors(_Strict):
    """The actors register: every owner of an initiative must be named here."""

    actors: tuple[Actor, ...] = Field(min_length=1)


class Settings(_Strict):
    """The portfolio file, portfolio.yaml. `taxonomy` and `actors` name files beside it."""

    name: Text
    year: Year
    checklist_version: Code = "2020"
    taxonomy: LocalFile | None = None
    actors: LocalFile | None = None
