"""The one door to the file system for paths a user gave: every read of such a path and every write goes through here.

Reads take regular files only, opened without blocking, up to a size cap; where a root applies (a portfolio, a
template directory), a path whose real location leaves it is refused before it is opened. Writes go only to regular
files, all or nothing: a temporary file in the same directory, flushed to disk, then renamed over the target, keeping an
existing file's mode (a new file gets 0666 less the umask, as any program's would). A device, a FIFO, a directory or a
dangling symbolic link at a target is refused, never opened and never replaced. A symbolic link to a regular file is
written through, so that the real file changes and the link stays (as dotfile managers expect), but only when the real
file lies inside the root where one applies. `-` as a target is standard output. Every refusal and every failure of the
system (a permission, a full or read-only disk) is a `FileRefused` naming the path.
"""

from __future__ import annotations

import errno
import os
import stat
import sys

from ehportfolio.domain.problems import FileRefused

STDOUT = "-"
"""The target that means standard output."""

NEW_FILE_MODE = 0o666
"""What a new file gets, less the umask: what `open(path, "w")` would give it."""


def inside(root: str, path: str) -> bool:
    """Whether path, every symbolic link on the way resolved, lies in root (or is root)."""
    base = os.path.realpath(root)
    return os.path.commonpath([base, os.path.realpath(path)]) == base


def _guard(path: str, root: str | None) -> None:
    if root is not None and not inside(root, path):
        raise FileRefused("link_outside", path, root=root, target=os.path.realpath(path))


def os_reason(exc: OSError) -> str:
    """Why the system refused, as a message's `reason` or `detail`: `errno:EACCES`, which i18n.messages words in the
    user's language (the system's own text is English), or the exception's text when it has no error number."""
    name = errno.errorcode.get(exc.errno or 0)
    return f"errno:{name}" if name else exc.strerror or str(exc)


def _failed(path: str, exc: OSError, code: str) -> FileRefused:
    return FileRefused(code, path, reason=os_reason(exc))


# Reading


def read(path: str, limit: int, root: str | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, without ever blocking on a FIFO or a device, and inside
    `root` when one is given."""
    _guard(path, root)
    data, size = _read_regular(path, limit)
    if size > limit or len(data) > limit:  # too large by its size, or it grew since fstat
        raise FileRefused("file_too_large", path, size=max(size, len(data)), limit=limit)
    return data


def _read_regular(path: str, limit: int) -> tuple[bytes, int]:
    """At most limit + 1 bytes of a regular file (none when its size is above the limit), and its size: a caller
    tells a file above the limit by either."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise _failed(path, exc, "unreadable") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("not_regular_file", path)
        chunks = []
        size = 0
        while size <= limit and info.st_size <= limit:
            chunk = os.read(fd, min(info.st_size + 1, limit + 1 - size) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks), info.st_size
    except OSError as exc:  # EIO from /proc/self/mem, say
        raise _failed(path, exc, "unreadable") from None
    finally:
        os.close(fd)


# Writing


def target(path: str, root: str | None = None) -> str:
    """The file a write to path changes: path itself, or the regular file its symbolic link leads to. FileRefused when
    nothing may be written there; call it before any work is done to refuse early."""
    _guard(path, root)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        folder = os.path.dirname(path) or "."
        if not os.path.isdir(folder):
            raise FileRefused("not_found", folder) from None
        return path
    except OSError as exc:
        raise _failed(path, exc, "write_failed") from None
    real = path
    if stat.S_ISLNK(info.st_mode):
        real = os.path.realpath(path)
        try:
            info = os.stat(path)
        except OSError:
            raise FileRefused("dangling_link", path, target=real) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused("not_regular_target", path)
    return real


def make_dirs(path: str, root: str | None = None) -> None:
    """Create a directory and its parents (nothing when it is there), refusing one whose real place leaves root."""
    _guard(path, root)
    if os.path.exists(path) and not os.path.isdir(path):
        raise FileRefused("not_a_directory", path)
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as exc:
        raise _failed(path, exc, "write_failed") from None


def write_file(path: str, content: str | bytes, root: str | None = None, *, sync_folder: bool = True) -> None:
    """Write a file the tool owns, such as an export: created whole, or replaced atomically when it is there; `-` is
    standard output. With `sync_folder` false the directory entry is not synced: a caller writing many files into
    one directory syncs it once at the end (`sync_directory`)."""
    if path == STDOUT:
        _stdout(content)
        return
    real = target(path, root)
    existing = os.path.lexists(real)
    mode = _mode(path, real) if existing else None
    _store(path, real, _bytes(content), mode, exclusive=not existing, sync_folder=sync_folder)


def sync_directory(path: str) -> None:
    """Make the entries written into a directory durable (after `write_file(..., sync_folder=False)`)."""
    try:
        _sync_directory(path)
    except OSError as exc:
        raise _failed(path, exc, "write_failed") from None


def write_new(path: str, content: str | bytes, root: str | None = None) -> None:
    """Create path with content, all or nothing, never replacing anything that is there (a dangling link included)."""
    _guard(path, root)
    if os.path.lexists(path):  # refused before a temporary file is made beside it (in /dev, say)
        raise FileRefused("exists", path)
    folder = os.path.dirname(path) or "."
    try:
        if _read_only(folder):
            raise FileRefused("read_only", path)
    except OSError as exc:
        raise _failed(path, exc, "write_failed") from None
    _store(path, path, _bytes(content), None, exclusive=True)


def replace(path: str, original: bytes, content: str | bytes, root: str | None = None) -> None:
    """Replace path, read earlier as `original`, with content: atomically, keeping its mode, and only if the bytes on
    disk are still `original`."""
    real = target(path, root)
    if not os.path.lexists(real):
        raise FileRefused("changed_on_disk", path)
    _store(path, real, _bytes(content), _mode(path, real), exclusive=False, original=original)


def _mode(path: str, real: str) -> int:
    try:
        if _read_only(real):
            raise FileRefused("read_only", path)
        return stat.S_IMODE(os.stat(real).st_mode)
    except OSError as exc:
        raise _failed(path, exc, "write_failed") from None


def _read_only(path: str) -> bool:
    """No write permission, or no write bit at all: a file made read-only stays so even for root."""
    bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return not os.access(path, os.W_OK) or not os.stat(path).st_mode & bits


def _store(
    path: str,
    real: str,
    data: bytes,
    mode: int | None,
    *,
    exclusive: bool,
    original: bytes | None = None,
    sync_folder: bool = True,
) -> None:
    """Put data at `real` through a temporary file beside it: linked in when `exclusive` (failing if anything is
    there), else renamed over it, after checking that it still holds `original` when that is given; then the
    directory is synced, unless `sync_folder` is false. `path` is the name the user gave, for messages."""
    folder = os.path.dirname(real) or "."
    temporary = ""
    try:
        import tempfile  # here, not at the top: a command that only reads never pays for it

        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".ehp-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, NEW_FILE_MODE & ~_umask() if mode is None else mode)
        if exclusive:
            os.link(temporary, real)  # fails if anything is there: no window in which a file could be overwritten
        else:
            if original is not None and not _unchanged(real, original):
                raise FileRefused("changed_on_disk", path)
            os.replace(temporary, real)
        if sync_folder:
            _sync_directory(folder)
    except FileExistsError:
        raise FileRefused("exists", path) from None
    except OSError as exc:
        raise _failed(path, exc, "write_failed") from None
    finally:
        if temporary and os.path.lexists(temporary):
            os.unlink(temporary)


def _unchanged(path: str, original: bytes) -> bool:
    current, size = _read_regular(path, len(original))
    import hashlib

    return size == len(original) and hashlib.sha256(current).digest() == hashlib.sha256(original).digest()


def _sync_directory(folder: str) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _stdout(content: str | bytes) -> None:
    if isinstance(content, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(content)
