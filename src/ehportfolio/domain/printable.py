"""Text from a file or a path made safe to print: control characters shown as escapes, never sent to a terminal.

A file name or a value can hold ESC, CR or backspace. Written raw, they clear the screen, move the cursor or overwrite
a line with something else; shown as `\\x1b`, `\\r` or `\\x08` they are just text.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""C0 controls, DEL and C1 controls (U+0080-U+009F, which some terminals also obey: U+009B starts a sequence)."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or f"\\x{ord(char):02x}"


def shown(value: str) -> str:
    """`value` with every control character, line breaks and tabs too, written as a backslash escape."""
    return CONTROL.sub(_escape, value)


def has_control(value: str, allowed: str = "") -> int:
    """The index of the first control character in `value` that is not in `allowed`, or -1 when there is none."""
    for match in CONTROL.finditer(value):
        if match.group() not in allowed:
            return match.start()
    return -1
