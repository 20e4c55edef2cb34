"""No English in bokmål or nynorsk output (issue 11, item 3): statuses and segments in words, and accepted as words
in any language and case; click's usage errors and pydantic's refusals in the catalogue's words."""

from __future__ import annotations

import pytest
from conftest import invoke

from ehportfolio.i18n.messages import choice_id, status_name

ENGLISH = ("Usage", "Error", "Input should", "No such", "Missing", "Invalid value", "Show this message")


@pytest.mark.parametrize(
    ("kind", "word", "ident"),
    [
        ("status", "avsluttet", "finished"),
        ("status", "Avslutta", "finished"),
        ("status", "finished", "finished"),
        ("status", "TREKT", "withdrawn"),
        ("segment", "Samstyre", "samstyre"),
        ("segment", "KOORDINERE", "koordinere"),
        ("segment", "nothing", None),
    ],
)
def test_a_choice_is_read_in_any_language_and_case(kind: str, word: str, ident: str | None) -> None:
    assert choice_id(kind, word) == ident


def test_statuses_have_words() -> None:
    assert (status_name("finished", "nb"), status_name("finished", "nn")) == ("avsluttet", "avslutta")


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_wrong_choice_is_refused_in_the_language_asked_for(lang: str) -> None:
    done = invoke("move", "x", "--to", "Nowhere", "--reason", "r", "--lang", lang)
    assert done.code == 2
    assert "Samstyre, Koordinere" in done.err
    assert not [word for word in ENGLISH if word in done.err], done.err


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "args",
    [("check", "--bogus"), ("move", "x"), ("calendar", "--year", "abc"), ("nosuch",), ("decide", "x", "--reason")],
)
def test_usage_errors_are_in_the_language_asked_for(lang: str, args: tuple[str, ...]) -> None:
    done = invoke(*args, env={"EHP_LANG": lang})
    assert done.code == 2
    assert "Feil: " in done.err
    assert not [word for word in ENGLISH if word in done.err], done.err
