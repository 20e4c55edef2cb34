"""Text from a file or a path made safe to print: control characters shown as escapes, never sent to a terminal.

A file name or a value can hold ESC, CR or backspace. Written raw, they clear the screen, move the cursor or overwrite
a line with something else; U+202E turns the rest of a line around. Shown as `\\x1b`, `\\r`, `\\x08` or `\\u202e`
they are just text.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 controls, DEL and C1 controls (U+0080-U+009F, which some terminals also obey: U+009B starts a sequence); the
bidirectional controls (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069), which reorder what is shown so that text reads
other than it is ("Trojan Source"); and the line and paragraph separators U+2028/U+2029, which some viewers break on."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def shown(value: str) -> str:
    """`value` with every control character, line breaks and tabs too, written as a backslash escape."""
    return CONTROL.sub(_escape, value)


def has_control(value: str, allowed: str = "") -> int:
    """The index of the first control character in `value` that is not in `allowed`, or -1 when there is none."""
    for match in CONTROL.finditer(value):
        if match.group() not in allowed:
            return match.start()
    return -1
