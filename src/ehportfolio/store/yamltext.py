"""Writing new files by hand: an id made from a name, and text as a YAML value that every YAML reader reads back as the
same text. Edits of existing files go through writer.edit instead."""

from __future__ import annotations

import json
import re
import unicodedata

from ehportfolio.domain.fieldtypes import SLUG_MAX

_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "œ": "oe", "þ": "th", "ð": "d", "ł": "l", "đ": "d"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_YAML_WORDS = frozenset(("null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"))
_ESCAPED = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def slug(name: str) -> str:
    """The id a name gives: lowercase, æ ø å as ae o a, accents dropped, every other run of characters a hyphen, at
    most SLUG_MAX characters (cut at a hyphen where there is one). "" when nothing is left."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_TRANSLITERATE))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _NOT_SLUG.sub("-", text).strip("-")
    if len(text) > SLUG_MAX:
        cut = text[:SLUG_MAX]
        if text[SLUG_MAX] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]
        text = cut.strip("-")
    return text


def quoted(value: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax, with every invisible or line-breaking character escaped."""
    out = []
    for char in json.dumps(value, ensure_ascii=False):
        if unicodedata.category(char) in _ESCAPED:
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def scalar(value: str) -> str:
    """The value as written: plain where no YAML reader could misread it, else double-quoted."""
    plain = (
        value[:1].isalpha()
        and value == value.strip()
        and value.isprintable()
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and value.casefold() not in _YAML_WORDS
    )
    return value if plain else quoted(value)
