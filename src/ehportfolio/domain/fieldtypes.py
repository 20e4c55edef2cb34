"""Reusable field types for the data models: checklist answers, segments, ids and codes, each accepting exactly what the
README documents."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

YES = frozenset(("ja", "yes", "true"))
NO = frozenset(("nei", "no", "false"))
ALLOWED_ANSWERS = "ja, nei, yes, no, true, false"

SEGMENTS = ("samstyre", "koordinere", "observere", "inspirere")
STATUSES = ("active", "finished", "withdrawn")
CASE_TYPES = ("Orientering", "Drøfting", "Beslutning", "Godkjenning")
"""How a committee takes a case, as its papers name it."""
CYCLE_STAGES = ("strategi", "prioritering", "balansering", "planlegging")
"""The stages of NUIT's annual cycle (årshjul, section 4.3) in their order: strategy and focus, prioritisation,
balancing, and planning for next year; named by the report's own words, as the segments are."""
CYCLE_COMMITTEE = "NUIT"
"""The committee whose meetings handle the annual cycle: the shipped cadence's portfolio committee (a test keeps the
two equal)."""
CASE = re.compile(r"^[0-9]{1,4}/[0-9]{2}$")
"""A case number (saksnummer): the case's number in its year, a slash and the year's last two digits, as 12/21."""
STRATEGIES = ("2023-2030", "2017-2022")
"""The national strategies a new portfolio can follow: one taxonomy each, in data/taxonomies/."""
SCHEMA_KINDS = ("initiative", "portfolio", "taxonomy", "actors", "status", "solutions", "user_groups")
"""The files a portfolio has a JSON Schema for."""
OUT = "out"
"""The `to` of a decision that leaves an initiative out of the portfolio."""
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80

COLOURS = ("grønn", "gul", "rød")
"""The status colours, as the directorate uses them: on plan, some deviation, material deviation."""
COLOUR_WORDS = {"grønn": "grønn", "gul": "gul", "rød": "rød", "green": "grønn", "yellow": "gul", "red": "rød"}
ALLOWED_COLOURS = "grønn, gul, rød (green, yellow, red)"
COMMITTEE = re.compile(r"^[A-Z][A-Z0-9]{1,19}$")


def parse_answer(value: Any) -> bool | None:
    """`ja`/`nei` (and yes/no/true/false, any case) to a bool; no value means unanswered. Anything else is an error."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False
    raise PydanticCustomError("answer", "not an allowed answer", {"allowed": ALLOWED_ANSWERS, "value": str(value)})


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def check_slug(value: str) -> str:
    """An id is a lowercase slug: letters a-z, digits and single hyphens, as a file name on any system allows."""
    if len(value) > SLUG_MAX or not SLUG.match(value):
        raise PydanticCustomError("slug", "not a valid id", {"value": value})
    return value


def parse_colour(value: Any) -> Any:
    """A status colour in Norwegian or English, any case, to its Norwegian word; anything else is an error."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in COLOUR_WORDS:
        return COLOUR_WORDS[value.strip().lower()]
    raise PydanticCustomError("colour", "not a status colour", {"allowed": ALLOWED_COLOURS, "value": str(value)})


def parse_committee(value: Any) -> Any:
    """A committee's short name, such as NUIT: letters a-z and digits, stored in capitals. It names round directories
    in lowercase, so it may hold nothing else."""
    if not isinstance(value, str):
        return value
    name = value.strip().upper()
    if not COMMITTEE.match(name):
        raise PydanticCustomError("committee", "not a committee name", {"value": value})
    return name


AMOUNT = re.compile(r"^[0-9]{1,15}$")
SIGNED_AMOUNT = re.compile(r"^-?[0-9]{1,15}$")


def _amount(pattern: re.Pattern[str], code: str) -> Any:
    """A parser of an amount of whole kroner written as digits: `12500000`, never `12.5`, `1e6` or `12 500 000`."""

    def parse(value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and pattern.match(value.strip()):
            return int(value.strip())
        if isinstance(value, str) and SIGNED_AMOUNT.match(value.strip()):
            raise PydanticCustomError("negative_amount", "a negative amount", {"value": value})
        raise PydanticCustomError(code, "not whole kroner", {"value": "" if value is None else str(value)})

    return parse


parse_amount = _amount(AMOUNT, "amount")
"""An amount of whole kroner that cannot be negative: a budget or a part of its funding."""
parse_signed_amount = _amount(SIGNED_AMOUNT, "amount")
"""An amount of whole kroner that may be negative: a change in running costs, where a saving is below zero."""


def one_of(words: tuple[str, ...]) -> Any:
    """A parser of a choice among `words`, written in any case, to the word as `words` spell it; anything else is an
    error that carries the value and the words allowed (store/validation.py offers the nearest as a did-you-mean)."""
    spelt = {word.casefold(): word for word in words}

    def parse(value: Any) -> Any:
        if isinstance(value, str) and value.strip().casefold() in spelt:
            return spelt[value.strip().casefold()]
        shown = "" if value is None else str(value)
        raise PydanticCustomError("choice", "not one of the words allowed", {"value": shown, "allowed": words})

    return parse


def parse_case(value: Any) -> Any:
    """A case number, N/YY (`12/21`); anything else is an error."""
    if isinstance(value, str) and CASE.match(value.strip()):
        return value.strip()
    raise PydanticCustomError("case", "not a case number", {"value": "" if value is None else str(value)})


def check_one_line(value: str) -> str:
    """A name stays on one line: a line break or a tab in it would break a table row or fake a line of output."""
    if "\n" in value or "\t" in value:
        raise PydanticCustomError("one_line", "not on one line")
    return value


def check_local_file(value: str) -> str:
    """A file named relative to the portfolio directory, which may not leave it."""
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "~")) or ".." in parts or not value.endswith((".yaml", ".yml")):
        raise PydanticCustomError("local_file", "not a file inside the portfolio", {"value": value})
    return value


# What editors see through the JSON Schema (ehp schema). An editor reads YAML 1.2, where `true` is a boolean and an
# unquoted 2.1 a number; ehp keeps both as the text written, so the schema allows either.
_ANSWER_PATTERN = "^(?:[Jj][Aa]|[Nn][Ee][Ii]|[Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"
# The enum comes first so that an editor offers ja and nei (the language server completes enum values, not patterns) and
# names the words when a value is wrong; the pattern behind it accepts the same words in any case, as ehp does.
_ANSWER_WORDS = ["ja", "nei", "yes", "no"]
_ANSWER_SCHEMA = {
    "anyOf": [
        {"enum": _ANSWER_WORDS},
        {"type": "boolean"},
        {"type": "string", "pattern": _ANSWER_PATTERN},
        {"type": "null"},
    ],
    "errorMessage": f"Svar ja eller nei ({ALLOWED_ANSWERS}); tom verdi er ubesvart.",
}
_CODE_SCHEMA = {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 20}, {"type": "number"}]}
_SLUG_SCHEMA = {"type": "string", "pattern": SLUG.pattern, "maxLength": SLUG_MAX}
_FILE_SCHEMA = {"type": "string", "pattern": "^(?!/)(?!.*\\.\\.).*\\.ya?ml$"}


def _any_case(words: tuple[str, ...] | list[str]) -> str:
    """A JSON Schema pattern (ECMA 262 has no case-insensitive flag) that matches the words in any case."""
    alternatives = ("".join(f"[{c.upper()}{c}]" if c.upper() != c else c for c in word) for word in words)
    return f"^(?:{'|'.join(alternatives)})$"


_COLOUR_SCHEMA = {
    "anyOf": [
        {"enum": list(COLOUR_WORDS)},
        {"type": "string", "pattern": _any_case(list(COLOUR_WORDS))},
        {"type": "null"},
    ],
    "errorMessage": f"Statusfargen er {ALLOWED_COLOURS}.",
}
_AMOUNT_SCHEMA = {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": AMOUNT.pattern}]}
_SIGNED_AMOUNT_SCHEMA = {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": SIGNED_AMOUNT.pattern}]}
_COMMITTEE_SCHEMA = {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9]{1,19}$"}


def _choice_schema(words: tuple[str, ...]) -> dict[str, Any]:
    """The words first, so that an editor offers them, then the same words in any case, as ehp reads them."""
    return {"anyOf": [{"enum": list(words)}, {"type": "string", "pattern": _any_case([w.lower() for w in words])}]}


Answer = Annotated[bool | None, BeforeValidator(parse_answer), WithJsonSchema(_ANSWER_SCHEMA)]
Segment = Annotated[Literal["samstyre", "koordinere", "observere", "inspirere"], BeforeValidator(_lower)]
Status = Annotated[Literal["active", "finished", "withdrawn"], BeforeValidator(_lower)]
Strength = Annotated[Literal["strong", "weak"], BeforeValidator(_lower)]
Slug = Annotated[str, AfterValidator(check_slug), WithJsonSchema(_SLUG_SCHEMA)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check_one_line)]
"""Text on one line: a name, an owner. Longer texts (`Text`, a description) may hold line breaks and tabs."""
LocalFile = Annotated[str, AfterValidator(check_local_file), WithJsonSchema(_FILE_SCHEMA)]
_CODE = StringConstraints(strip_whitespace=True, min_length=1, max_length=20)
Code = Annotated[str, _CODE, WithJsonSchema(_CODE_SCHEMA)]
Colour = Annotated[Literal["grønn", "gul", "rød"] | None, BeforeValidator(parse_colour), WithJsonSchema(_COLOUR_SCHEMA)]
Committee = Annotated[str, BeforeValidator(parse_committee), WithJsonSchema(_COMMITTEE_SCHEMA)]
Year = Annotated[int, Field(ge=2000, le=2100), WithJsonSchema({"type": ["integer", "string"], "pattern": "^[0-9]{4}$"})]
Amount = Annotated[int, BeforeValidator(parse_amount), WithJsonSchema(_AMOUNT_SCHEMA)]
"""Whole kroner (NOK), zero or more, written as digits only."""
SignedAmount = Annotated[int, BeforeValidator(parse_signed_amount), WithJsonSchema(_SIGNED_AMOUNT_SCHEMA)]
"""Whole kroner (NOK) that may be negative (a saving), written as digits with an optional leading minus."""
CycleStage = Annotated[
    Literal["strategi", "prioritering", "balansering", "planlegging"],
    BeforeValidator(one_of(CYCLE_STAGES)),
    WithJsonSchema(_choice_schema(CYCLE_STAGES)),
]
"""A stage of the annual cycle (CYCLE_STAGES), in any case."""
CaseType = Annotated[
    Literal["Orientering", "Drøfting", "Beslutning", "Godkjenning"],
    BeforeValidator(one_of(CASE_TYPES)),
    WithJsonSchema(_choice_schema(CASE_TYPES)),
]
"""A case type (CASE_TYPES), in any case."""
CaseNumber = Annotated[str, BeforeValidator(parse_case), WithJsonSchema({"type": "string", "pattern": CASE.pattern})]
"""A case number, N/YY."""
Number = Annotated[float, Field(allow_inf_nan=False)]
"""A measured or planned value of an indicator: a decimal number (`12.5`, `-3`, `40`), never `inf` or `nan`."""
