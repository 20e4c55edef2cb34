"""Read one YAML file safely into plain data: text stays text, and hostile input is refused with a place.

Every scalar stays the string the user wrote (YAML 1.1 would turn `no` into False, `0123` into 83 and `1.10` into 1.1);
only an empty value, `~` or `null` becomes None. Pydantic converts per field afterwards. Anchors, aliases, tags,
duplicate keys, deep nesting, several documents, non-UTF-8 bytes and oversized or non-regular files are refused before
any of them can cost time or memory. The C parser (libyaml) does the tokenising; this module builds the values from its
events, noting the line and column of every key and list item so that later errors can point at them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from yaml import MarkedYAMLError, YAMLError
from yaml._yaml import CParser
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.reader import ReaderError

from ehportfolio.domain.printable import has_control
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.store import files

MAX_BYTES = 1024 * 1024
"""Files above this size are refused before parsing: an initiative file is a few kilobytes."""

MAX_DEPTH = 20
"""Nesting deeper than this is refused while parsing, long before libyaml's own limit."""

TEXT_CONTROLS = "\t\n"
"""The only control characters a value may hold once YAML's escapes are read; single-line fields refuse these too."""

NULLS = frozenset(("", "~", "null", "Null", "NULL"))
STR_TAG = "tag:yaml.org,2002:str"
LINE_SEPARATORS = ("\u2028", "\u2029", "\u0085")
NBSP_INDENT = re.compile(r"^[ ]*\u00a0", re.MULTILINE)
TAB_INDENT = re.compile(r"[ ]*\t")

Positions = dict[tuple[str | int, ...], tuple[int, int]]
"""Where each value sits: the path of keys and list indexes to it, and its 1-based (line, column)."""


def read_bytes(path: str, root: str | None = None) -> bytes:
    """Read a YAML file: a regular file of at most MAX_BYTES, inside root when one is given (see `files.read`)."""
    return files.read(path, MAX_BYTES, root)


def decode_utf8(path: str, data: bytes, code: str = "not_utf8") -> str:
    """Decode strictly as UTF-8, a byte-order mark allowed; a bad byte is a problem `code` at its line and column."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError([Problem(path, "utf16", line=1, column=1)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        byte = data[exc.start : exc.start + 1].hex()
        raise InputError([Problem(path, code, {"byte": byte}, line, column)]) from None


def decode(path: str, data: bytes) -> str:
    """Decode strictly as UTF-8 (a byte-order mark is allowed) and refuse characters that change YAML's structure."""
    text = decode_utf8(path, data)
    for separator in LINE_SEPARATORS:
        if separator in text:
            raise InputError(
                [_at_offset(path, text, text.index(separator), "line_separator", {"char": f"U+{ord(separator):04X}"})]
            )
    if "\u00a0" in text:
        match = NBSP_INDENT.search(text)
        if match:
            raise InputError([_at_offset(path, text, match.end() - 1, "nbsp_indent")])
    return text


def _at_offset(path: str, text: str, offset: int, code: str, args: dict[str, Any] | None = None) -> Problem:
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return Problem(path, code, args or {}, line, column)


def load_file(path: str) -> tuple[dict[str, Any], Positions]:
    """Read, decode and parse one file that must hold a single mapping. Returns the mapping and where its values sit."""
    return parse_mapping(path, decode(path, read_bytes(path)))


def parse_mapping(path: str, text: str) -> tuple[dict[str, Any], Positions]:
    """Parse text that must hold exactly one YAML document whose top level is a mapping."""
    return _Builder(path, text).document()


class _Builder:
    """Builds plain values from libyaml's events, refusing what the module docstring lists."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.parser = CParser(text)
        self.positions: Positions = {}

    def fail(self, code: str, mark: Any, args: dict[str, Any] | None = None) -> InputError:
        return InputError([Problem(self.path, code, args or {}, mark.line + 1, mark.column + 1)])

    def document(self) -> tuple[dict[str, Any], Positions]:
        try:
            return self._document(), self.positions
        except MarkedYAMLError as exc:
            raise self._syntax_error(exc) from None
        except ReaderError as exc:  # a character YAML does not allow anywhere, such as a NUL or a control character
            char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
            raise InputError([_at_offset(self.path, self.text, exc.position, "control_char", {"char": char})]) from None
        except YAMLError as exc:  # any other complaint of the parser, without a place
            raise InputError([Problem(self.path, "yaml_syntax", {"problem": str(exc)})]) from None
        finally:
            self.parser.dispose()

    def _document(self) -> dict[str, Any]:
        get: Callable[[], Any] = self.parser.get_event
        get()  # StreamStartEvent
        event = get()
        if type(event) is StreamEndEvent:
            raise InputError([Problem(self.path, "empty_file")])
        event = get()  # the root node, after DocumentStartEvent
        if type(event) is not MappingStartEvent:
            kind = "list" if type(event) is SequenceStartEvent else "scalar"
            if type(event) is ScalarEvent and event.style == "" and event.value in NULLS:
                raise InputError([Problem(self.path, "empty_file")])
            raise self.fail("not_mapping", event.start_mark, {"kind": kind})
        root = self._value(event, 1, ())
        get()  # DocumentEndEvent
        event = get()
        if type(event) is not StreamEndEvent:
            raise self.fail("multiple_documents", event.start_mark)
        assert isinstance(root, dict)
        return root

    def _value(self, event: Any, depth: int, path: tuple[str | int, ...]) -> Any:
        kind = type(event)
        if kind is AliasEvent or event.anchor is not None:
            raise self.fail("alias", event.start_mark)
        tag = event.tag
        if tag is not None and tag != "!" and (kind is not ScalarEvent or tag != STR_TAG):
            raise self.fail("tag", event.start_mark, {"tag": tag})
        if kind is ScalarEvent:
            value = event.value
            if not value.isprintable():
                self._check_controls(value, event, path)
            if tag is None and event.style == "" and value in NULLS:
                return None
            return value
        if depth > MAX_DEPTH:
            raise self.fail("too_deep", event.start_mark, {"limit": MAX_DEPTH})
        get: Callable[[], Any] = self.parser.get_event
        positions = self.positions
        if kind is SequenceStartEvent:
            items: list[Any] = []
            event = get()
            while type(event) is not SequenceEndEvent:
                item_path = (*path, len(items))
                positions[item_path] = (event.start_mark.line + 1, event.start_mark.column + 1)
                items.append(self._value(event, depth + 1, item_path))
                event = get()
            return items
        mapping: dict[str, Any] = {}
        key_event: Any = get()
        while type(key_event) is not MappingEndEvent:
            if type(key_event) is not ScalarEvent:
                code = "alias" if type(key_event) is AliasEvent else "complex_key"
                raise self.fail(code, key_event.start_mark)
            self._check_scalar_key(key_event)
            key = key_event.value  # a key stays the text written, even `null` or `yes`
            key_path = (*path, key)
            if not key.isprintable():
                self._check_controls(key, key_event, key_path, allowed="")
            if key in mapping:
                first_line = positions[key_path][0]
                raise self.fail("duplicate_key", key_event.start_mark, {"key": key, "first_line": first_line})
            mark: Any = key_event.start_mark
            positions[key_path] = (mark.line + 1, mark.column + 1)
            mapping[key] = self._value(get(), depth + 1, key_path)
            key_event = get()
        return mapping

    def _check_controls(
        self, value: str, event: Any, path: tuple[str | int, ...], allowed: str = TEXT_CONTROLS
    ) -> None:
        """Refuse a control character that a YAML escape (`"\\e"`, `"\\x01"`, `"\\0"`) put in a value or a key:
        printed, it would move the cursor or clear the screen. The raw characters never get this far (libyaml refuses
        them)."""
        index = has_control(value, allowed)
        if index >= 0:
            mark = event.start_mark
            where = ".".join(str(part) for part in path)
            char = f"U+{ord(value[index]):04X}"
            problem = Problem(self.path, "control_value", {"char": char}, mark.line + 1, mark.column + 1, where)
            raise InputError([problem])

    def _check_scalar_key(self, event: Any) -> None:
        if event.anchor is not None:
            raise self.fail("alias", event.start_mark)
        if event.tag not in (None, "!", STR_TAG):
            raise self.fail("tag", event.start_mark, {"tag": event.tag})

    def _syntax_error(self, exc: MarkedYAMLError) -> InputError:
        mark: Any = exc.problem_mark or exc.context_mark
        if mark is None:  # pragma: no cover - libyaml always marks its errors
            return InputError([Problem(self.path, "yaml_syntax", {"problem": str(exc)})])
        lines = self.text.split("\n")
        if mark.line < len(lines) and TAB_INDENT.match(lines[mark.line]):
            return InputError([Problem(self.path, "tab_indent", {}, mark.line + 1, mark.column + 1)])
        if exc.problem and "nesting depth" in exc.problem:  # libyaml's own cap, met before our events arrive
            return InputError([Problem(self.path, "too_deep", {"limit": MAX_DEPTH}, mark.line + 1, mark.column + 1)])
        return InputError(
            [Problem(self.path, "yaml_syntax", {"problem": exc.problem or ""}, mark.line + 1, mark.column + 1)]
        )
