"""Writing the files people keep: new files created whole or not at all, and edits that lose nothing.

An edit goes through ruamel.yaml's round trip, set to the file's own indentation and never re-wrapping a line, so
comments, key order, quoting, blank lines and the yaml-language-server line stay as they were. Every write goes to a
temporary file in the same directory, is flushed to disk, and replaces the original in one rename; it is refused when
the file changed on disk since it was read. Reading stays with the fast loader; only writing uses ruamel.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import tempfile
from collections.abc import Callable
from typing import Any

from ehportfolio.domain.problems import InputError, Problem

BOM = "\ufeff"


def _fail(path: str, code: str, **args: Any) -> InputError:
    return InputError([Problem(path, code, args)])


def _read_only(path: str) -> bool:
    """No write permission, or no write bit at all: a file made read-only stays so even for root."""
    bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return not os.access(path, os.W_OK) or not os.stat(path).st_mode & bits


def _temporary(path: str, data: bytes) -> str:
    """Write data to a new temporary file beside path, flushed to disk; return its name."""
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".ehp-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def _sync_directory(path: str) -> None:
    fd = os.open(os.path.dirname(path) or ".", os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_new(path: str, content: str | bytes) -> None:
    """Create path with content (text is written as UTF-8), all or nothing, never replacing a file that is there."""
    directory = os.path.dirname(path) or "."
    if _read_only(directory):
        raise _fail(path, "read_only")
    temporary = _temporary(path, _bytes(content))
    try:
        os.chmod(temporary, 0o644 & ~_umask())
        os.link(temporary, path)  # fails if path exists: no window in which another file could be overwritten
    except FileExistsError:
        raise _fail(path, "exists") from None
    finally:
        os.unlink(temporary)
    _sync_directory(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def replace(path: str, original: bytes, content: str | bytes) -> None:
    """Replace path, read earlier as `original`, with content: atomically, keeping its mode, and only if unchanged."""
    if _read_only(path):
        raise _fail(path, "read_only")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    temporary = _temporary(path, _bytes(content))
    try:
        os.chmod(temporary, mode)
        with open(path, "rb") as handle:
            current = handle.read()
        if hashlib.sha256(current).digest() != hashlib.sha256(original).digest():
            raise _fail(path, "changed_on_disk")
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    _sync_directory(path)


def write_file(path: str, content: str | bytes) -> None:
    """Write a file the tool owns, such as an export: created whole, or replaced atomically if it is there."""
    if not os.path.lexists(path):
        write_new(path, content)
        return
    with open(path, "rb") as handle:
        original = handle.read()
    replace(path, original, content)


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
