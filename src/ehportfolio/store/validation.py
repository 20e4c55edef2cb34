"""Validate loaded data against a model and turn pydantic's errors into problems with a line, a column and a hint."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.store.loader import Positions

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "text",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "list_type": "list",
    "tuple_type": "list",
    "int_parsing": "integer",
    "int_type": "integer",
    "bool_parsing": "boolean",
    "bool_type": "boolean",
    "int_from_float": "integer",
    "float_parsing": "number",
    "float_type": "number",
    "string_unicode": "text",
    "set_type": "list",
    "frozen_set_type": "list",
}
"""pydantic's errors of a value of the wrong type, and the type expected (`type.<name>` in the catalogues)."""

_DATE_ERRORS = frozenset(
    (
        *("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"),
        *("date_past", "date_future", "datetime_type", "datetime_parsing", "datetime_from_date_parsing"),
    )
)
_LIMITS = {
    "greater_than_equal": ("too_small", "ge"),
    "greater_than": ("not_above", "gt"),
    "less_than_equal": ("too_large", "le"),
    "less_than": ("not_below", "lt"),
}
"""pydantic's errors of a number out of range: our problem, and the key of the limit in the error's context."""


def validate(model: type[M], data: dict[str, Any], path: str, positions: Positions) -> M:
    """Return the model, or raise InputError with one problem per pydantic error."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(model, error, path, positions) for error in exc.errors(include_url=False)]
        raise InputError(problems) from None


def _problem(model: type[BaseModel], error: Any, path: str, positions: Positions) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    line, column = _place(loc, positions)
    where = ".".join(str(part) for part in loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(model, loc[:-1])
        close = closest(key, known)
        args = {"key": key, "suggestion": close, "known": ", ".join(known)}
        return Problem(path, "unknown_key", args, line, column, where)
    if kind == "missing":
        return Problem(path, "missing_key", {"key": str(loc[-1])}, line, column, where)
    if kind == "answer":
        return Problem(
            path, "bad_answer", {"value": ctx.get("value", ""), "allowed": ctx["allowed"]}, line, column, where
        )
    if kind == "slug":
        return Problem(path, "bad_slug", {"value": ctx.get("value", "")}, line, column, where)
    if kind == "history_value":
        return Problem(path, "bad_choice", {"allowed": ctx.get("allowed", "")}, line, column, where)
    if kind == "priority_value":
        return Problem(path, "bad_priority", {"value": ctx.get("value", "")}, line, column, where)
    if kind == "colour":
        return Problem(path, "bad_choice", {"allowed": ctx.get("allowed", "")}, line, column, where)
    if kind == "committee":
        return Problem(path, "bad_committee", {"value": ctx.get("value", "")}, line, column, where)
    if kind == "duplicate_meeting":
        index, first = ctx["index"], ctx["first"]
        line, column = _place((*loc, index), positions)
        first_line = _place((*loc, first), positions)[0]
        found = {"round": ctx["round"], "first_line": first_line}
        return Problem(path, "duplicate_meeting", found, line, column, f"{where}.{index}")
    if kind in ("choice", "case", "stage_committee", "case_without_stage", "duplicate_stage"):
        return _calendar_problem(kind, ctx, loc, path, positions)
    if kind == "date_order":
        line, column = _place((*loc, ctx["key"]), positions)
        args = {"start": ctx["start"], "end": ctx["end"]}
        return Problem(path, "date_order", args, line, column, f"{where}.{ctx['key']}")
    if kind in ("duplicate_solution", "unknown_part_of", "duplicate_user_group"):
        return _register_problem(kind, ctx, loc, path, positions)
    if kind in ("amount", "negative_amount", "funding_over_budget", "duplicate_year"):
        return _finance_problem(kind, ctx, loc, path, positions)
    if kind == "replan_shape":
        return Problem(path, kind, {}, line, column, where)
    if kind == "duplicate_benefit":
        return _repeated(kind, ctx, loc, path, positions, "id")
    if kind == "one_line":
        return Problem(path, "line_break_value", {}, line, column, where)
    if kind == "local_file":
        return Problem(path, "bad_local_file", {"value": ctx.get("value", "")}, line, column, where)
    if kind in ("literal_error", "enum"):
        return Problem(path, "bad_choice", {"allowed": _choices(ctx.get("expected", ""))}, line, column, where)
    if kind in _TYPE_NAMES:
        return Problem(path, "wrong_type", {"expected": _TYPE_NAMES[kind]}, line, column, where)
    if kind in ("string_too_short", "too_short"):
        return Problem(path, "empty_value", {}, line, column, where)
    return _field_problem(kind, ctx, error.get("input"), path, line, column, where)


def _register_problem(kind: str, ctx: dict[str, Any], loc: tuple[Any, ...], path: str, positions: Positions) -> Problem:
    """A register (of national solutions, or of user groups) that is not whole: an id given twice, or a `part_of`
    that names no other entry; placed on the entry at fault."""
    if kind in ("duplicate_solution", "duplicate_user_group"):
        return _repeated(kind, ctx, loc, path, positions, "id")
    index = ctx["index"]
    where = ".".join(str(part) for part in (*loc, index))
    line, column = _place((*loc, index, "part_of"), positions)
    return Problem(path, kind, {"id": ctx["id"], "known": ctx["known"]}, line, column, f"{where}.part_of")


def _calendar_problem(kind: str, ctx: dict[str, Any], loc: tuple[Any, ...], path: str, positions: Positions) -> Problem:
    """A word that is not one of those allowed (with the nearest as a did-you-mean), a bad case number, or a stage of
    the annual cycle where it cannot be: on another committee's meeting, or handled twice in a year. A case number or
    case type without a stage is placed on its key."""
    where = ".".join(str(part) for part in loc)
    if kind == "choice":
        line, column = _place(loc, positions)
        spelt = {word.casefold(): word for word in ctx["allowed"]}
        value = str(ctx["value"])
        suggestion = spelt.get(closest(value.casefold(), list(spelt)), "")
        args = {"value": value, "allowed": ", ".join(spelt.values()), "suggestion": suggestion}
        return Problem(path, "bad_choice", args, line, column, where)
    if kind == "case":
        line, column = _place(loc, positions)
        return Problem(path, "bad_case", {"value": ctx["value"]}, line, column, where)
    if kind == "duplicate_stage":
        index = ctx["index"]
        line, column = _place((*loc, index, "stage"), positions)
        first_line = _place((*loc, ctx["first"]), positions)[0]
        found: dict[str, Any] = {"stage": ctx["stage"], "year": ctx["year"], "first_line": first_line}
        return Problem(path, kind, found, line, column, f"{where}.{index}.stage")
    line, column = _place((*loc, ctx["key"]), positions)
    args = {k: v for k, v in ctx.items() if k != "key"} if kind == "stage_committee" else {"key": ctx["key"]}
    return Problem(path, kind, args, line, column, f"{where}.{ctx['key']}")


def _finance_problem(kind: str, ctx: dict[str, Any], loc: tuple[Any, ...], path: str, positions: Positions) -> Problem:
    """An amount that is not whole kroner, funding above its budget, or a year given twice (models.YearFinances)."""
    where = ".".join(str(part) for part in loc)
    if kind == "funding_over_budget":
        line, column = _place((*loc, "budget"), positions)
        args = {"year": ctx["year"], "funding": ctx["funding"], "budget": ctx["budget"]}
        return Problem(path, kind, args, line, column, f"{where}.budget")
    if kind == "duplicate_year":
        return _repeated(kind, ctx, loc, path, positions, "year")
    line, column = _place(loc, positions)
    code = "bad_amount" if kind == "amount" else kind
    return Problem(path, code, {"value": ctx.get("value", "")}, line, column, where)


def _repeated(
    kind: str, ctx: dict[str, Any], loc: tuple[Any, ...], path: str, positions: Positions, key: str
) -> Problem:
    """An entry of a list that repeats an earlier entry's `key` (a year, an id): placed on its `key`, with the line of
    the first (the entry at `ctx["first"]`)."""
    index = ctx["index"]
    line, column = _place((*loc, index, key), positions)
    first_line = _place((*loc, ctx["first"]), positions)[0]
    where = ".".join(str(part) for part in (*loc, index, key))
    return Problem(path, kind, {key: ctx[key], "first_line": first_line}, line, column, where)


def _field_problem(
    kind: str, ctx: dict[str, Any], value: Any, path: str, line: int | None, column: int | None, where: str
) -> Problem:
    """The problem of a value that pydantic refused for its type or its bounds, in our own words: pydantic's `msg`
    is English, and never shown."""
    if kind in _DATE_ERRORS:
        return Problem(path, "bad_date_value", {"value": str(value)}, line, column, where)
    if kind == "string_too_long":
        return Problem(path, "too_long", {"max": ctx.get("max_length", "")}, line, column, where)
    if kind == "too_long":
        return Problem(path, "too_many", {"max": ctx.get("max_length", "")}, line, column, where)
    if kind in _LIMITS:
        code, limit = _LIMITS[kind]
        return Problem(path, code, {"limit": ctx.get(limit, "")}, line, column, where)
    if kind == "string_pattern_mismatch":
        return Problem(path, "bad_pattern", {"value": str(value)}, line, column, where)
    return Problem(path, "invalid_value", {}, line, column, where)


def _choices(expected: str) -> str:
    """pydantic's English list of the values allowed (`'a', 'b' or 'c'`) as a plain list: `a, b, c`."""
    quoted = re.findall(r"'((?:[^'\\]|\\.)*)'", expected)
    return ", ".join(quoted) if quoted else expected


HINT_CUTOFF = 0.5
"""How alike a word and a candidate must be (difflib's ratio) for the candidate to be offered as a did-you-mean."""

HINT_BUDGET = 10_000
"""How many word-candidate comparisons one `Nearest` makes in all before it stops offering hints. A run meets a few
unknown names; a file that names thousands of them must not make the run quadratic (5,000 unknown dependencies in a
portfolio of 2,000 took a minute). 10,000 is about a tenth of a second: ten unknown names hinted at among 1,000
candidates of like length, or all of a portfolio's usual few. Past the budget every unknown name is still reported,
only without a hint."""


def closest(word: str, candidates: list[str]) -> str:
    """The candidate nearest to a misspelt word, or "" when none is near; for one did-you-mean hint. To hint at many
    words against the same candidates, build one `Nearest`: its work is bounded."""
    return Nearest(candidates)(word)


class Nearest:
    """Did-you-mean hints for many words against one list of candidates, in bounded work.

    The answer is difflib.get_close_matches(word, candidates, n=1, cutoff=0.5)'s: the candidates are kept sorted by
    length, so that only those whose length alone allows the cutoff are compared (difflib's real_quick_ratio bound:
    between a third and three times the word's length), and a word met before is answered from memory. Once
    `compared` reaches the budget, words not met before get no hint.
    """

    def __init__(self, candidates: list[str], budget: int = HINT_BUDGET) -> None:
        self._candidates = sorted(set(candidates), key=lambda c: (len(c), c))
        self._lengths = [len(c) for c in self._candidates]
        self._budget = budget
        self._known: dict[str, str] = {}
        self.compared = 0
        """Word-candidate pairs looked at so far: the work done, which the budget bounds."""

    def __call__(self, word: str) -> str:
        if word in self._known:
            return self._known[word]
        if self.compared >= self._budget:
            return ""
        found = self._search(word)
        self._known[word] = found
        return found

    def _search(self, word: str) -> str:
        import bisect
        import difflib  # only on the error path

        size = len(word)
        start = bisect.bisect_left(self._lengths, size // 3)
        end = bisect.bisect_right(self._lengths, 3 * size)
        self.compared += end - start
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        best: tuple[float, str] | None = None
        for candidate in self._candidates[start:end]:
            matcher.set_seq1(candidate)
            if (
                matcher.real_quick_ratio() >= HINT_CUTOFF
                and matcher.quick_ratio() >= HINT_CUTOFF
                and matcher.ratio() >= HINT_CUTOFF
            ):
                score = (matcher.ratio(), candidate)
                if best is None or score > best:
                    best = score
        return best[1] if best else ""


def _place(loc: tuple[Any, ...], positions: Positions) -> tuple[int | None, int | None]:
    """The place of the value at loc, or of its nearest enclosing key when the value itself is absent."""
    for end in range(len(loc), 0, -1):
        place = positions.get(loc[:end])
        if place:
            return place
    return (1, 1)


def _known_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found by following loc from `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return [f.alias or name for name, f in current.model_fields.items()] if _is_model(current) else []


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """Unwrap Optional, tuple[...] and Annotated to the model inside, if any."""
    if _is_model(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, tuple, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if inner is not None:
                return inner
    return None
