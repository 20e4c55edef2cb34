"""Find and load a portfolio: its settings, its checklist and every initiative file, collecting problems on the way.

One bad file never stops the others: each file's problems are collected and the rest are loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .checklist import DEFAULT_VERSION, Checklist, available_versions, load_checklist
from .fieldtypes import SLUG, SLUG_MAX
from .loader import load_file
from .models import Initiative, Settings
from .problems import InputError, Problem
from .validation import closest, validate

SETTINGS_FILE = "portfolio.yaml"
INITIATIVES_DIR = "initiatives"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Entry:
    """An initiative read from its file; `id` is the file's stem."""

    id: str
    path: str
    initiative: Initiative


@dataclass(frozen=True)
class Portfolio:
    """What was loaded from a portfolio directory, and what could not be."""

    root: str
    settings: Settings | None
    checklist: Checklist
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]

    @property
    def unreadable(self) -> list[str]:
        """The files that could not be read at all, as opposed to files read with lesser problems."""
        read = {entry.path for entry in self.entries}
        return sorted({p.path for p in self.problems} - read)


def initiative_id(path: str) -> str:
    return Path(path).stem


def load_initiative(path: str, focus_codes: frozenset[str] | None = None) -> tuple[Entry, list[Problem]]:
    """Read one initiative file. Raises InputError when it cannot be read; returns lesser problems beside the entry."""
    ident = initiative_id(path)
    if len(ident) > SLUG_MAX or not SLUG.match(ident):
        raise InputError([Problem(path, "bad_id", {"id": ident})])
    data, positions = load_file(path)
    initiative = validate(Initiative, data, path, positions)
    problems = []
    code = initiative.focus_area
    if focus_codes is not None and code is not None and code not in focus_codes:
        line, column = positions.get(("focus_area",), (1, 1))
        close = closest(code, sorted(focus_codes))
        args = {"code": code, "suggestion": close, "known": ", ".join(sorted(focus_codes))}
        problems.append(Problem(path, "unknown_focus_area", args, line, column, "focus_area"))
    return Entry(ident, path, initiative), problems


def find_root(file: str) -> str | None:
    """The portfolio directory an initiative file belongs to, if any: where portfolio.yaml sits beside initiatives/."""
    folder = Path(file).resolve().parent
    for candidate in (folder, folder.parent) if folder.name == INITIATIVES_DIR else (folder,):
        if (candidate / SETTINGS_FILE).is_file():
            return str(candidate)
    return None


@dataclass(frozen=True)
class Context:
    """What a portfolio's settings decide for its initiatives: the checklist and the focus areas allowed."""

    settings: Settings | None
    checklist: Checklist
    problems: tuple[Problem, ...] = ()

    @property
    def focus_codes(self) -> frozenset[str] | None:
        if self.settings is None or self.settings.taxonomy is None:
            return None
        return frozenset(area.code for area in self.settings.taxonomy.focus_areas)


def load_context(root: str | None) -> Context:
    """The settings of the portfolio at root (None for a file outside any portfolio) and the checklist they name.

    A broken portfolio.yaml or an unknown checklist version is reported, and the defaults apply, so that the
    initiatives are still read and checked.
    """
    if root is None:
        return Context(None, load_checklist(DEFAULT_VERSION))
    path = os.path.join(root, SETTINGS_FILE)
    try:
        data, positions = load_file(path)
        settings = validate(Settings, data, path, positions)
    except InputError as exc:
        return Context(None, load_checklist(DEFAULT_VERSION), tuple(exc.problems))
    known = available_versions()
    if settings.checklist_version not in known:
        line, column = positions.get(("checklist_version",), (1, 1))
        args = {"version": settings.checklist_version, "known": ", ".join(known), "default": DEFAULT_VERSION}
        problem = Problem(path, "unknown_checklist", args, line, column, "checklist_version")
        return Context(settings, load_checklist(DEFAULT_VERSION), (problem,))
    return Context(settings, load_checklist(settings.checklist_version))


def initiative_files(directory: str) -> list[str]:
    """The YAML files directly in a directory, sorted by name."""
    with os.scandir(directory) as listing:
        names = sorted(e.name for e in listing if e.name.endswith(SUFFIXES) and not e.name.startswith("."))
    return [os.path.join(directory, name) for name in names]


def load_portfolio(path: str) -> Portfolio:
    """Load a portfolio directory (portfolio.yaml and initiatives/) or a plain directory of initiative files."""
    is_portfolio = os.path.isfile(os.path.join(path, SETTINGS_FILE))
    context = load_context(path if is_portfolio else None)
    folder = os.path.join(path, INITIATIVES_DIR) if is_portfolio else path
    problems = list(context.problems)
    entries: list[Entry] = []
    if not os.path.isdir(folder):
        problems.append(Problem(path, "no_initiatives_dir", {"dir": INITIATIVES_DIR}))
    else:
        focus_codes = context.focus_codes
        for file in initiative_files(folder):
            try:
                entry, found = load_initiative(file, focus_codes)
            except InputError as exc:
                problems.extend(exc.problems)
                continue
            entries.append(entry)
            problems.extend(found)
    return Portfolio(path, context.settings, context.checklist, tuple(entries), tuple(problems))
