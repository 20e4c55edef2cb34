"""Amounts of kroner as people read them in each language: `12 500 000 kr` in bokmål and nynorsk, `NOK 12,500,000`
in English.

The Norwegian form groups thousands with a no-break space and puts `kr` after the number, also behind a no-break space,
so that neither a number nor its unit is split across lines in a paper; a negative amount (a saving) has the minus
sign, as Norwegian typesetting does. The English form puts NOK first, behind it a no-break space, and groups with
commas.
"""

from __future__ import annotations

NBSP = "\u00a0"
MINUS = "\u2212"


def amount(lang: str, value: int) -> str:
    """Whole kroner in `lang`'s way: `amount("nb", 12500000)` is `12 500 000 kr` (with no-break spaces)."""
    grouped = f"{abs(value):,}"
    if lang == "en":
        return f"NOK{NBSP}{'-' if value < 0 else ''}{grouped}"
    sign = MINUS if value < 0 else ""
    return f"{sign}{grouped.replace(',', NBSP)}{NBSP}kr"


def number(lang: str, value: float) -> str:
    """A measured value in `lang`'s way, with at most four decimals and no trailing zeros: `number("nb", 1234.5)` is
    `1 234,5` (a no-break space between the groups), `number("en", 1234.5)` is `1,234.5`."""
    written = f"{abs(value):,.4f}".rstrip("0").rstrip(".")
    if written == "0":
        return "0"
    if lang == "en":
        return f"{'-' if value < 0 else ''}{written}"
    return f"{MINUS if value < 0 else ''}{written.replace(',', NBSP).replace('.', ',')}"
