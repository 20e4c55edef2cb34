"""The reporting cadence as data: how often each segment reports, on what, and what its status report must hold.

`cadence.yaml`, shipped beside this module, holds it; nothing about the 4/2/2/1 cadence or a segment's required fields
is written in code. `load_cadence` reads it once and checks that it names only segments and status report fields that
exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from ehportfolio.domain.checklist import texts as _texts
from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.domain.models import Risk, StatusDependency, StatusReport

ITEM_MODELS: dict[str, type[BaseModel]] = {"risks": Risk, "dependencies": StatusDependency}
"""The status report fields that hold a list of records, and the model of each record."""


@dataclass(frozen=True)
class SegmentCadence:
    """How a segment reports: `times` a year, on `subject` (nb/nn/en), with the `required` fields of its status
    report."""

    segment: str
    times: int
    subject: dict[str, str]
    required: tuple[str, ...]
    questions: dict[str, dict[str, str]]
    """Questions that differ from the fields' own, for this segment."""
    section: str = ""
    """The section of the report that describes the segment (4.3 to 4.6)."""
    summary: dict[str, str] = field(default_factory=dict)
    """The segment in one line, as section 4.2 lists it (nb/nn/en)."""
    purpose: dict[str, str] = field(default_factory=dict)
    """The segment's purpose, from its own section (nb/nn/en)."""
    benefit: dict[str, str] = field(default_factory=dict)
    """What the sector gains from it together (4.2, "Nytten av segmenteringen"; nb/nn/en)."""
    examples: dict[str, str] = field(default_factory=dict)
    """The report's examples of its initiatives (nb/nn/en)."""


@dataclass(frozen=True)
class Done:
    """The words that say a dependency is in place, in a status report's free-text `state`: one of `words` as a whole
    word or phrase, in any case, and none of `unless` ("ikke levert" is not done)."""

    words: tuple[str, ...]
    unless: tuple[str, ...]

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        def any_of(words: tuple[str, ...]) -> re.Pattern[str]:
            return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w.casefold()) for w in words) + r")(?!\w)")

        return any_of(self.words), any_of(self.unless)

    def says_done(self, state: str | None) -> bool:
        """Whether a dependency's state says it is done."""
        if not state or not self.words:
            return False
        said, unless = self._patterns
        folded = state.casefold()
        return bool(said.search(folded)) and not unless.search(folded)


@dataclass(frozen=True)
class Cadence:
    portfolio_committee: str
    """The committee whose annual cycle decides next year's portfolio."""
    committees: dict[str, dict[str, str]]
    """Each committee's name (nb/nn/en)."""
    segments: dict[str, SegmentCadence]
    questions: dict[str, dict[str, str]]
    """The question of each status report field (nb/nn/en), including the fields of a list's records."""
    items: dict[str, tuple[str, ...]]
    """For each list of records, the fields every record must fill in."""
    receives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For each committee, the segments whose reports its meetings receive by default, in the order of SEGMENTS."""
    handles: dict[str, dict[str, str]] = field(default_factory=dict)
    """For each committee, what it handles: why it receives those segments (nb/nn/en)."""
    done: Done = Done((), ())
    """The words that say a dependency is done."""

    def question(self, segment: str, field: str, lang: str = "nb") -> str:
        """The question a segment's report answers in a field."""
        own = self.segments[segment].questions.get(field)
        return (own or self.questions[field])[lang]

    def receivers(self, segment: str) -> tuple[str, ...]:
        """The committees that receive a segment's reports by default, in the order of the cadence file."""
        return tuple(committee for committee, segments in self.receives.items() if segment in segments)


class CadenceError(Exception):
    """The shipped cadence file is malformed: a bug in the package, never the user's input."""


def cadence_from_data(data: dict[str, Any]) -> Cadence:
    """Build a Cadence and check it against the models: every segment once, only fields a status report has."""
    fields = data["fields"]
    questions = {name: _texts(value) for name, value in fields.items()}
    items = {name: tuple(value["items"]) for name, value in fields.items() if "items" in value}
    segments = {
        name: SegmentCadence(
            segment=name,
            times=int(value["times"]),
            subject=_texts(value["subject"]),
            required=tuple(value["required"]),
            questions={key: _texts(q) for key, q in (value.get("questions") or {}).items()},
            section=str(value.get("section", "")),
            summary=_texts(value["summary"]) if "summary" in value else {},
            purpose=_texts(value["purpose"]) if "purpose" in value else {},
            benefit=_texts(value["benefit"]) if "benefit" in value else {},
            examples=_texts(value["examples"]) if "examples" in value else {},
        )
        for name, value in data["segments"].items()
    }
    if sorted(segments) != sorted(SEGMENTS):
        raise ValueError(f"segments must be exactly {', '.join(SEGMENTS)}")
    if any(not 1 <= s.times <= 12 for s in segments.values()):
        raise ValueError("times must be 1 to 12 a year")
    report_fields = set(StatusReport.model_fields)
    if sorted(items) != sorted(ITEM_MODELS):
        raise ValueError(f"lists of records must be exactly {', '.join(ITEM_MODELS)}")
    for name, keys in items.items():
        unknown = set(keys) - set(ITEM_MODELS[name].model_fields)
        if unknown:
            raise ValueError(f"{name} has no fields {', '.join(sorted(unknown))}")
    every = report_fields | {key for keys in items.values() for key in keys}
    if set(questions) != every:
        raise ValueError(f"questions must cover exactly the fields {', '.join(sorted(every))}")
    for s in segments.values():
        unknown = (set(s.required) | set(s.questions)) - report_fields
        if unknown or "date" in s.required:
            raise ValueError(f"{s.segment} names fields a status report lacks: {', '.join(sorted(unknown))}")
    committee = str(data["portfolio_committee"])
    committees = {str(k): _texts(v["name"]) for k, v in data["committees"].items()}
    receives = {str(k): tuple(v["receives"]) for k, v in data["committees"].items()}
    for name, chosen in receives.items():
        if set(chosen) - set(SEGMENTS) or len(set(chosen)) != len(chosen):
            raise ValueError(f"{name} must receive segments among {', '.join(SEGMENTS)}, each once")
    receives = {name: tuple(s for s in SEGMENTS if s in chosen) for name, chosen in receives.items()}
    unsent = [s for s in SEGMENTS if not any(s in chosen for chosen in receives.values())]
    if unsent:
        raise ValueError(f"no committee receives {', '.join(unsent)}")
    handles = {str(k): _texts(v["handles"]) for k, v in data["committees"].items()}
    done = Done(tuple(str(w) for w in data["done"]["words"]), tuple(str(w) for w in data["done"]["unless"]))
    if not done.words:
        raise ValueError("done must name at least one word")
    return Cadence(committee, committees, segments, questions, items, receives, handles, done)
