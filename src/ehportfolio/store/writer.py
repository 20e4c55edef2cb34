"""Edits of the files people keep that lose nothing: comments, key order, quoting, blank lines and the
yaml-language-server line stay as they were.

ruamel.yaml's round trip computes an edit; every line it does not change is then taken from the original byte for
byte (indentation, line endings), and a history entry is appended as text in the list's own style. Writing
the result is `files.replace`'s: atomic, and refused when the file changed on disk since it was read. Reading stays
with the fast loader; only editing uses ruamel.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Callable
from typing import Any

from ehportfolio.domain.lifecycle import Plan

BOM = "\ufeff"


def edit(path: str, text: str, change: Callable[[Any], None]) -> str:
    """The text after `change` has edited its round-trip mapping; every line it does not change stays byte for byte.

    ruamel computes the new document; the lines it did not change are then taken from the original text, so a list it
    would re-indent or a line ending it would rewrite stays as written. New lines get the file's own line ending."""
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    new = _round_trip(body.replace("\r\n", "\n"), change)
    spliced = _splice(body, new, _newline(body))
    if _load(spliced) != _load(new):  # never expected; ruamel's own text is still a correct edit
        spliced = new.replace("\n", _newline(body))
    return (BOM if bom else "") + spliced


def record(path: str, text: str, change: Plan) -> str:
    """The text with a plan's fields set and its history entry appended after the last entry, in the list's own style;
    a comment after the list stays after it."""
    fields_only = edit(path, text, lambda document: apply_fields(document, change))
    bom = fields_only.startswith(BOM)
    body = fields_only[1:] if bom else fields_only
    expected = _load(_round_trip(text.lstrip(BOM).replace("\r\n", "\n"), lambda document: apply(document, change)))
    appended = _append_entry(body, change.entry)
    if appended is None or _load(appended) != expected:
        return edit(path, text, lambda document: apply(document, change))
    return (BOM if bom else "") + appended


def _round_trip(body: str, change: Callable[[Any], None]) -> str:
    yaml = _yaml(body)
    document = yaml.load(body)
    change(document)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _yaml(body: str) -> Any:
    from ruamel.yaml import YAML

    mapping, offset = guess_indent(body)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never re-wrap a line
    yaml.indent(mapping=mapping, sequence=offset + 2, offset=offset)
    return yaml


def _load(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text.replace("\r\n", "\n"))


def _newline(text: str) -> str:
    """The file's line ending: CRLF when most of its lines end so."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def _splice(original: str, new: str, newline: str) -> str:
    """`new`, with every line that only differs from the original in its indentation or line ending taken from the
    original byte for byte."""
    old_lines = original.splitlines(keepends=True)
    new_lines = new.splitlines()
    matcher = difflib.SequenceMatcher(None, [x.strip() for x in old_lines], [x.strip() for x in new_lines], False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _extend(out, old_lines[i1:i2], newline)
        else:
            _extend(out, [line + newline for line in new_lines[j1:j2]], newline)
    return "".join(out)


def _extend(out: list[str], lines: list[str], newline: str) -> None:
    if lines and out and not out[-1].endswith("\n"):
        out[-1] += newline
    out.extend(lines)


def _append_entry(body: str, entry: dict[str, Any]) -> str | None:
    """The text with entry appended to its block `history` list (or a new one at the end), or None when the list is
    written in a way this does not handle (flow style, empty)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    newline = _newline(body)
    plain = body.replace("\r\n", "\n")
    document = _yaml(plain).load(plain)
    lines = body.splitlines(keepends=True)
    keys = list(document)
    new = CommentedMap(entry)
    if "history" in keys:
        history = document["history"]
        if not isinstance(history, CommentedSeq) or not history or history.fa.flow_style():
            return None
        start = document.lc.key("history")[0]
        following = keys[keys.index("history") + 1 :]
        stop = document.lc.key(following[0])[0] if following else len(lines)
        dash = history.lc.col
        item_line, item_col = history.lc.item(0)
        after = item_col - dash if item_line == history.lc.line else 2
        last = history[-1]
        if isinstance(last, CommentedMap) and last.fa.flow_style():
            new.fa.set_flow_style()
        block: list[str] = []
    else:
        start, stop = -1, len(lines)
        dash, after = guess_indent(plain)[1], 2
        block = ["history:" + newline]
    at = next((i + 1 for i in range(stop - 1, start, -1) if lines[i].strip() and not _comment(lines[i])), None)
    if at is None:
        return None
    block += [" " * dash + line + newline for line in _render(new, after).splitlines()]
    head = lines[:at]
    if head and not head[-1].endswith("\n"):
        head[-1] += newline
    return "".join(head + block + lines[at:])


def _comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _render(entry: Any, after: int) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 1 << 16
    yaml.indent(mapping=2, sequence=max(after, 2), offset=0)
    out = io.StringIO()
    yaml.dump([entry], out)
    return out.getvalue()


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

    apply_fields(document, change)
    entry = CommentedMap(change.entry)
    if "history" not in document:
        document["history"] = CommentedSeq()
    document["history"].append(entry)


def apply_fields(document: Any, change: Plan) -> None:
    """Write a plan's fields into a round-trip mapping: changed keys in place, new ones where they belong."""
    for key, value in change.fields.items():
        if value is None:
            document.pop(key, None)
        elif key in document:
            document[key] = value
        else:
            document.insert(_position(document, key), key, value)


def _position(document: Any, key: str) -> int:
    """Where a new key goes: after the last key that comes before it in the usual order, else at the end."""
    before = FIELD_ORDER[: FIELD_ORDER.index(key)] if key in FIELD_ORDER else ()
    keys = list(document)
    places = [keys.index(k) + 1 for k in before if k in keys]
    return max(places) if places else len(keys)
