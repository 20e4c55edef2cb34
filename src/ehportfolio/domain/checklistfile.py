"""The file format of a checklist version (data/checklists/<version>.yaml, or a portfolio's own version named by
`checklists:` in portfolio.yaml): one strict model, so that a shipped version and a portfolio's own are checked the
same way, and a mistake in either is named with its file, line and column.

Its questions are keys an initiative file can answer (`models.CHECKLIST_KEYS`, the keys of the shipped versions): a
version may reword them, combine them into other criteria and order the segment tree otherwise, but a key no version
has would be an error in every initiative file that answered it.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from ehportfolio.domain.fieldtypes import Code, Line, Segment, Text
from ehportfolio.domain.models import CHECKLIST_KEYS


def check_question_key(value: str) -> str:
    """A question's key is one an initiative file can answer; any other is refused as a choice outside the list."""
    if value not in CHECKLIST_KEYS:
        expected = ", ".join(f"'{key}'" for key in CHECKLIST_KEYS)
        raise PydanticCustomError("literal_error", "not a question", {"expected": expected})
    return value


QuestionKey = Annotated[str, AfterValidator(check_question_key)]
"""A key of `models.CHECKLIST_KEYS`."""

CriterionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True, defer_build=True)


class Words(_Strict):
    """A text in bokmål and English, and nynorsk where it is given (bokmål stands in for it where it is not)."""

    nb: Text
    nn: Text | None = None
    en: Text


class QuestionText(Words):
    """A question, and what the report says around it (`ehp new` and `ehp explain checklist` show it)."""

    guidance: Words | None = None


class CriterionText(Words):
    """An inclusion criterion: it holds when any of its questions is answered yes."""

    id: CriterionId
    questions: tuple[QuestionKey, ...] = Field(min_length=1)


class BranchText(_Strict):
    """A node of the segment tree: a yes to `question` gives `segment`."""

    question: QuestionKey
    segment: Segment


class ChecklistFile(_Strict):
    """A checklist version: its questions, the inclusion criteria (all must hold) and the segment tree (the first yes
    decides; `otherwise` when every answer is no)."""

    version: Code
    title: Words
    source: Line | None = None
    questions: dict[QuestionKey, QuestionText] = Field(min_length=1)
    criteria: tuple[CriterionText, ...] = Field(min_length=1)
    segment_tree: tuple[BranchText, ...] = ()
    otherwise: Segment

    def undefined(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Each place where a criterion or the tree names a question this version does not define: (its path, the
        key)."""
        found: list[tuple[tuple[str | int, ...], str]] = []
        for index, criterion in enumerate(self.criteria):
            found += [
                (("criteria", index, "questions", number), key)
                for number, key in enumerate(criterion.questions)
                if key not in self.questions
            ]
        found += [
            (("segment_tree", index, "question"), branch.question)
            for index, branch in enumerate(self.segment_tree)
            if branch.question not in self.questions
        ]
        return found

    def data(self) -> dict[str, Any]:
        """The checklist as `checklist.checklist_from_data` reads it."""
        return self.model_dump(exclude_none=True)
