"""Where a portfolio's files come from: the `Source` protocol, and `DiskSource` for a directory on disk.

`revisions.GitSource` is the other source, reading a git revision. A source refuses a symbolic link that leads out of
the portfolio, and reads every file through the loader's size cap.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from typing import Protocol

from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.store import files
from ehportfolio.store.loader import read_bytes

SUFFIXES = (".yaml", ".yml")


class Source(Protocol):
    """Where a portfolio's files come from: a directory on disk, or a git revision (see revisions.py).

    Files are named relative to the portfolio directory, with "/" between parts.
    """

    def display(self, relative: str) -> str:
        """How problems name a file."""

    def kind(self, relative: str) -> str | None:
        """ "file", "dir", or None when nothing is there."""

    def yaml_files(self, folder: str) -> list[str]:
        """The YAML files directly in a folder, sorted by name."""

    def folders(self, folder: str) -> list[str]:
        """The directories directly in a folder, sorted by name; hidden ones (starting with ".") left out."""

    def read(self, relatives: list[str]) -> Iterator[tuple[str, bytes | Problem, str | None]]:
        """Each file's bytes, or the problem that kept them from being read, and a key that names identical content
        (None where the source has no such key)."""


class DiskSource:
    """A portfolio directory on disk."""

    def __init__(self, root: str) -> None:
        self.root = root

    def display(self, relative: str) -> str:
        return os.path.join(self.root, relative) if relative else self.root

    def kind(self, relative: str) -> str | None:
        path = self.display(relative)
        return "file" if os.path.isfile(path) else "dir" if os.path.isdir(path) else None

    def yaml_files(self, folder: str) -> list[str]:
        directory = self.display(folder)
        with os.scandir(directory) as listing:
            names = sorted(e.name for e in listing if e.name.endswith(SUFFIXES) and not e.name.startswith("."))
        return [f"{folder}/{name}" if folder else name for name in names]

    def folders(self, folder: str) -> list[str]:
        with os.scandir(self.display(folder)) as listing:
            names = sorted(e.name for e in listing if e.is_dir() and not e.name.startswith("."))
        return [f"{folder}/{name}" if folder else name for name in names]

    def read(self, relatives: list[str]) -> Iterator[tuple[str, bytes | Problem, str | None]]:
        linked_folders: dict[str, bool] = {}  # the folders of a read are few; ask about each once
        for relative in relatives:
            path = self.display(relative)
            folder = posixpath.dirname(relative)
            if folder not in linked_folders:
                linked_folders[folder] = _linked(self.root, self.display(folder)) if folder else False
            outside = _outside(self.root, path, linked_folders[folder])
            if outside:
                yield relative, outside, None
                continue
            try:
                yield relative, read_bytes(path), None
            except InputError as exc:
                yield relative, exc.problems[0], None


def _outside(root: str, path: str, folder_linked: bool = False) -> Problem | None:
    """A problem when path, or a directory between it and root (`folder_linked`), is a symbolic link that leads out of
    the portfolio directory."""
    if not folder_linked and not os.path.islink(path):
        return None
    if files.inside(root, path):
        return None
    return Problem(path, "symlink_outside", {"target": os.path.realpath(path)})


def _linked(root: str, path: str) -> bool:
    """Whether path or a directory on the way up to root is a symbolic link."""
    root = os.path.normpath(root)
    current = os.path.normpath(path)
    while current and current != root:
        if os.path.islink(current):
            return True
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    return False
