"""Amounts of kroner in each language."""

from __future__ import annotations

import pytest

from ehportfolio.i18n.amounts import MINUS, NBSP, amount


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("nb", 12500000, "12 500 000 kr"),
        ("nn", 12500000, "12 500 000 kr"),
        ("en", 12500000, "NOK 12,500,000"),
        ("nb", 0, "0 kr"),
        ("nb", 999, "999 kr"),
        ("nb", 1000, "1 000 kr"),
        ("nb", -300000, f"{MINUS}300 000 kr"),
        ("en", -300000, "NOK -300,000"),
        ("en", 999, "NOK 999"),
    ],
)
def test_amounts_are_grouped_by_thousands_the_languages_way(lang: str, value: int, expected: str) -> None:
    assert amount(lang, value) == expected.replace(" ", NBSP)


def test_a_norwegian_amount_is_never_split_at_a_breaking_space() -> None:
    assert " " not in amount("nb", 1234567890) and amount("nb", 1234567890).count(NBSP) == 4
