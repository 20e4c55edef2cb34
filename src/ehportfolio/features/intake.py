"""The intake of a new initiative (`ehp new`), as pure functions: which question comes next, what follows from an
answer, how typed values are matched against the register and the taxonomy, and the text of the new file.

Nothing here reads files, prompts or prints; `commands/new.py` does that. A refusal is an `AnswerRefused` whose code
names a `new.*` message of the catalogues.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ehportfolio.domain.actors import EXACT, Match, match_owner
from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.engine import MET, NEXT, OTHERWISE, SEGMENT, Decision, Step, decide
from ehportfolio.domain.errors import UserError
from ehportfolio.domain.fieldtypes import NO, SLUG, SLUG_MAX, YES
from ehportfolio.domain.goals import known_codes
from ehportfolio.domain.models import Actor, Taxonomy
from ehportfolio.i18n.messages import file_language
from ehportfolio.store.yamltext import quoted, scalar

V = TypeVar("V")

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/initiative.schema.json"
CODE_MAX = 20

# What follows from an answer, beyond the engine's own effects (met, failed, not_alone, segment, next, otherwise).
INCLUDED = "included"  # the answer made every inclusion criterion hold
DECIDES = "decides"  # a "ja" in the segment tree that decides the segment


class AnswerRefused(UserError):
    """A value that cannot be taken; `code` names the message `new.<code>` (the key), `values` fill it in."""

    def __init__(self, code: str, /, **args: str) -> None:
        super().__init__(f"new.{code}", **args)
        self.code = code


@dataclass(frozen=True)
class Proposal:
    """What the submitter gave; `answers` holds only the questions answered."""

    name: str
    owner: str
    focus_area: str | None
    description: str | None
    answers: Mapping[str, bool]
    dependencies: Mapping[str, str] = field(default_factory=dict)
    """Each initiative it depends on, by id, with the dependency's strength."""


# The questions


def reading_order(checklist: Checklist) -> list[str]:
    """The questions in the order the decision reads them: the criteria, then the segment tree."""
    order = [q for criterion in checklist.criteria for q in criterion.questions]
    order += [branch.question for branch in checklist.segment_tree]
    return list(dict.fromkeys(order))


def phase(question: str, checklist: Checklist) -> str:
    """ "inclusion" or "segment", as in the engine's trace."""
    return "inclusion" if any(question in c.questions for c in checklist.criteria) else "segment"


def next_question(answers: Mapping[str, bool], checklist: Checklist) -> str | None:
    """The first question, in reading order, that the decision still needs; None once it is decided."""
    decision = decide(answers, checklist)
    if decision.decided:
        return None
    return next((q for q in reading_order(checklist) if q in decision.missing), None)


def follows(question: str, before: Decision, after: Decision) -> list[Step]:
    """What followed from answering `question`, going from the decision `before` to the decision `after`.

    The engine's step for the question, with two sharpenings: a "ja" in the segment tree that decides the segment is
    `DECIDES`, and a last "nei" there is the `otherwise` step it leads to. When the answer makes every inclusion
    criterion hold, an `INCLUDED` step follows.
    """
    step = next((s for s in after.trace if s.question == question), None)
    if step is None:
        return []
    steps = [step]
    if step.effect == SEGMENT and after.decided:
        steps = [Step(step.phase, question, step.answer, DECIDES, segment=step.segment)]
    elif step.effect == NEXT and after.decided and after.trace[-1].effect == OTHERWISE:
        steps = [after.trace[-1]]
    elif step.effect == MET and before.included is None and after.included is True and not after.decided:
        steps.append(Step("inclusion", None, None, INCLUDED))
    return steps


# Values typed or given as options


def parse_answer(item: str, checklist: Checklist) -> tuple[str, bool]:
    """`KEY=ja|nei` (or yes/no/true/false, any case) to the key and the answer."""
    key, equals, value = item.partition("=")
    key = key.strip()
    if not equals or not key:
        raise AnswerRefused("answer_format", value=item)
    known = list(checklist.questions)
    if key not in known:
        from ehportfolio.store.validation import closest

        raise AnswerRefused("unknown_question", key=key, suggestion=closest(key, known), known=", ".join(known))
    answer = answer_word(value, short=False)
    if answer is None:
        raise AnswerRefused("bad_answer", value=value.strip())
    return key, answer


def answer_word(value: str, *, short: bool = True) -> bool | None:
    """An answer: True, False, or None when it is not one. At a prompt (`short`), `j` and `n` will do."""
    word = value.strip().lower()
    if word in YES or (short and word == "j"):
        return True
    if word in NO or (short and word == "n"):
        return False
    return None


def merge(pairs: Iterable[tuple[str, V]], code: str) -> dict[str, V]:
    """Pairs given one by one (answers, dependencies), in the order given; the same key twice with different values
    is refused with the message `new.<code>`."""
    merged: dict[str, V] = {}
    for key, value in pairs:
        if merged.get(key, value) != value:
            raise AnswerRefused(code, key=key)
        merged[key] = value
    return merged


STRENGTHS = {"strong": "strong", "sterk": "strong", "weak": "weak", "svak": "weak"}


def parse_dependency(item: str, known: Sequence[str]) -> tuple[str, str]:
    """`ID` or `ID=sterk|svak` (strong/weak, any case; strong when left out) to the id and the strength. The id
    must be an initiative of the portfolio or a national solution of its register (`known` holds both)."""
    ident, _, strength = item.partition("=")
    ident, strength = ident.strip(), strength.strip().lower() or "strong"
    if ident not in known:
        from ehportfolio.store.validation import closest

        raise AnswerRefused("unknown_dependency", id=ident, suggestion=closest(ident, list(known)))
    if strength not in STRENGTHS:
        raise AnswerRefused("bad_strength", value=strength)
    return ident, STRENGTHS[strength]


def text_value(value: str, *, multiline: bool = False) -> str:
    """Typed text, stripped; control characters (other than line breaks and tabs in multi-line text) are refused,
    and so is text that is not valid Unicode (bytes that were not UTF-8)."""
    allowed = "\n\t" if multiline else ""
    for char in value:
        category = unicodedata.category(char)
        if category == "Cs" or (category == "Cc" and char not in allowed):
            raise AnswerRefused("bad_text")
    return value.strip()


def required(value: str, *, multiline: bool = False) -> str:
    text = text_value(value, multiline=multiline)
    if not text:
        raise AnswerRefused("empty")
    return text


def check_id(ident: str, existing: Mapping[str, str]) -> str:
    """A valid id that no initiative has, in any case. `existing` maps each id, case-folded, to its file's name."""
    if len(ident) > SLUG_MAX or not SLUG.match(ident):
        raise AnswerRefused("bad_id", id=ident)
    taken = existing.get(ident.casefold())
    if taken:
        raise AnswerRefused("id_taken", id=ident, file=taken)
    return ident


def check_owner(typed: str, actors: Sequence[Actor] | None) -> Match:
    """The actor a typed owner names (domain/actors.py), refused when none does. A close misspelling is matched
    (`how` is CLOSEST): the caller takes it with a note, or asks first.

    Without an actors register any text is taken.
    """
    text = required(typed)
    if actors is None:
        return Match(text, text, EXACT)
    match = match_owner(text, actors)
    if match.ambiguous:
        raise AnswerRefused("owner_ambiguous", owner=match.typed, names=", ".join(match.ambiguous))
    if not match.name:
        raise AnswerRefused("unknown_owner", owner=match.typed, suggestion=match.suggestion)
    return match


def match_focus_area(typed: str, taxonomy: Taxonomy | None) -> str:
    """A code of the taxonomy (a focus area, goal or sub-goal), in any case; without a taxonomy any short code is
    taken."""
    text = required(typed)
    if taxonomy is None:
        if len(text) > CODE_MAX:
            raise AnswerRefused("long_code", limit=str(CODE_MAX))
        return text
    codes = list(known_codes(taxonomy))
    if text in codes:
        return text
    same = [code for code in codes if code.casefold() == text.casefold()]
    if len(same) == 1:
        return same[0]
    raise AnswerRefused(
        "unknown_focus_area", code=text, suggestion=_closest_folded(text, codes), known=", ".join(codes)
    )


def completions(typed: str, choices: Iterable[str]) -> list[str]:
    """The choices that start with what is typed, in any case, for Tab completion."""
    folded = typed.casefold()
    return [choice for choice in choices if choice.casefold().startswith(folded)]


def _closest_folded(word: str, candidates: list[str]) -> str:
    from ehportfolio.store.validation import closest

    by_folded = {c.casefold(): c for c in candidates}
    found = closest(word.casefold(), list(by_folded))
    return by_folded[found] if found else ""


# The new file


def render(proposal: Proposal, checklist: Checklist, lang: str = "nb") -> str:
    """The new initiative file: the schema line, the facts, each answer under its question in Norwegian (nynorsk with
    `--lang nn`, else bokmål), and the dependencies."""
    lines = [SCHEMA_LINE, f"name: {scalar(proposal.name)}", f"owner: {scalar(proposal.owner)}"]
    if proposal.focus_area:
        lines.append(f"focus_area: {quoted(proposal.focus_area)}")
    if proposal.description:
        lines.append(f"description: {scalar(proposal.description)}")
    keys = [key for key in checklist.questions if key in proposal.answers]
    if not keys:
        lines.append("checklist: {}")
    else:
        lines.append("checklist:")
    for key in keys:
        question = " ".join(checklist.questions[key][file_language(lang)].split())
        lines.append(f"  # {question}")
        lines.append(f"  {key}: {'ja' if proposal.answers[key] else 'nei'}")
    if proposal.dependencies:
        lines.append("dependencies:")
    for ident, strength in proposal.dependencies.items():
        lines += [f"  - id: {ident}", f"    strength: {strength}"]
    return "\n".join(lines) + "\n"
