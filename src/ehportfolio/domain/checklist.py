"""The checklist as versioned data: questions, inclusion criteria and segment tree, read from a shipped file.

The engine takes a `Checklist`; nothing about the 2020 rules is written in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ehportfolio.domain.errors import UserError
from ehportfolio.domain.fieldtypes import SEGMENTS

DEFAULT_VERSION = "2020"


@dataclass(frozen=True)
class Criterion:
    """An inclusion criterion: it holds when any of its questions is answered yes."""

    id: str
    questions: tuple[str, ...]
    text: dict[str, str]


@dataclass(frozen=True)
class Branch:
    """A node of the segment tree: a yes to `question` decides `segment`."""

    question: str
    segment: str


@dataclass(frozen=True)
class Checklist:
    version: str
    title: dict[str, str]
    questions: dict[str, dict[str, str]]
    criteria: tuple[Criterion, ...]
    segment_tree: tuple[Branch, ...]
    otherwise: str
    guidance: dict[str, dict[str, str]] = field(default_factory=dict)
    """What the report says around each question (nb/nn/en), for the submitter; a checklist may have none."""
    source: str = ""
    """Where the version comes from (`Nasjonal e-helseportefølje april 2024, kapittel 5.1`); may be empty."""


class ChecklistError(UserError):
    """A checklist version that does not exist (`checklist.unknown`) or a checklist file that is malformed
    (`checklist.malformed`)."""


def texts(given: dict[str, Any]) -> dict[str, str]:
    """A text in each language it is given in (`nb`, `nn`, `en`); nynorsk falls back to bokmål where a checklist has
    none, as a portfolio's own checklist may not."""
    texts: dict[str, str] = {lang: str(given[lang]) for lang in ("nb", "nn", "en") if lang in given}
    texts.setdefault("nn", texts.get("nb", ""))
    return texts


def checklist_from_data(data: dict[str, Any]) -> Checklist:
    """Build a Checklist and check that its parts refer to each other correctly."""
    questions = {key: texts(text) for key, text in data["questions"].items()}
    guidance = {key: texts(text["guidance"]) for key, text in data["questions"].items() if "guidance" in text}
    criteria = tuple(Criterion(c["id"], tuple(c["questions"]), texts(c)) for c in data["criteria"])
    tree = tuple(Branch(b["question"], b["segment"]) for b in data["segment_tree"])
    checklist = Checklist(
        version=str(data["version"]),
        title=texts(data["title"]),
        questions=questions,
        criteria=criteria,
        segment_tree=tree,
        otherwise=data["otherwise"],
        guidance=guidance,
        source=str(data.get("source") or ""),
    )
    used = [q for c in criteria for q in c.questions] + [b.question for b in tree]
    unknown = [q for q in used if q not in questions]
    if unknown:
        raise ValueError(f"questions not defined: {', '.join(unknown)}")
    bad = [s for s in [b.segment for b in tree] + [checklist.otherwise] if s not in SEGMENTS]
    if bad:
        raise ValueError(f"unknown segments: {', '.join(bad)}")
    return checklist
