"""Edits of the files people keep that lose nothing: comments, key order, quoting, blank lines and the
yaml-language-server line stay as they were.

An edit goes through ruamel.yaml's round trip, set to the file's own indentation and never re-wrapping a line. Writing
the result is `files.replace`'s: atomic, and refused when the file changed on disk since it was read. Reading stays
with the fast loader; only editing uses ruamel.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ehportfolio.domain.lifecycle import Plan

BOM = "\ufeff"


def edit(path: str, text: str, change: Callable[[Any], None]) -> str:
    """The text after `change` has edited its round-trip mapping; everything it does not touch stays as written."""
    from ruamel.yaml import YAML

    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    mapping, offset = guess_indent(body)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never re-wrap a line
    yaml.indent(mapping=mapping, sequence=offset + 2, offset=offset)
    document = yaml.load(body)
    change(document)
    out = io.StringIO()
    yaml.dump(document, out)
    return (BOM if bom else "") + out.getvalue()


def guess_indent(text: str) -> tuple[int, int]:
    """The file's own block style: how far a nested mapping is indented, and how far a list's dash is indented under
    its key (0 for `key:` then `- item` in the same column; 2, as ehp writes, when the file has no list)."""
    mapping: int | None = None
    offset: int | None = None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for above, below in zip(lines, lines[1:], strict=False):
        if not above.rstrip().endswith(":"):
            continue
        depth = len(above) - len(above.lstrip(" "))
        if above.lstrip(" ").startswith("- "):
            depth += 2
        step = len(below) - len(below.lstrip(" ")) - depth
        if below.lstrip(" ").startswith("- "):
            offset = step if offset is None else offset
        elif step > 0 and mapping is None:
            mapping = step
    return mapping or 2, 2 if offset is None else max(offset, 0)


FIELD_ORDER = ("name", "owner", "focus_area", "segment", "segment_reason", "status", "checklist")


def apply(document: Any, change: Plan) -> None:
    """Write a plan into a round-trip mapping: changed keys in place, new ones where they belong, the entry last."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    for key, value in change.fields.items():
        if value is None:
            document.pop(key, None)
        elif key in document:
            document[key] = value
        else:
            document.insert(_position(document, key), key, value)
    entry = CommentedMap(change.entry)
    if "history" not in document:
        document["history"] = CommentedSeq()
    document["history"].append(entry)


def _position(document: Any, key: str) -> int:
    """Where a new key goes: after the last key that comes before it in the usual order, else at the end."""
    before = FIELD_ORDER[: FIELD_ORDER.index(key)] if key in FIELD_ORDER else ()
    keys = list(document)
    places = [keys.index(k) + 1 for k in before if k in keys]
    return max(places) if places else len(keys)
