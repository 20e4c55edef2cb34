"""Find and load a portfolio: its settings, checklist, taxonomy, actors and every initiative file, collecting problems.

One bad file never stops the others: each file's problems are collected and the rest are loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .checklist import DEFAULT_VERSION, Checklist, available_versions, load_checklist
from .fieldtypes import SLUG, SLUG_MAX
from .loader import Positions, load_file
from .models import Actor, Actors, Initiative, Settings, Taxonomy
from .problems import InputError, Problem
from .validation import validate

SETTINGS_FILE = "portfolio.yaml"
INITIATIVES_DIR = "initiatives"
SUFFIXES = (".yaml", ".yml")

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry:
    """An initiative read from its file; `id` is the file's stem, `positions` where each value sits in it."""

    id: str
    path: str
    initiative: Initiative
    positions: Positions

    def place(self, *path: str | int) -> tuple[int, int]:
        """The line and column of a value, or of the nearest enclosing key; (1, 1) for the file as a whole."""
        for end in range(len(path), 0, -1):
            found = self.positions.get(path[:end])
            if found:
                return found
        return (1, 1)


@dataclass(frozen=True)
class Context:
    """What a portfolio's settings decide for its initiatives: the checklist, the taxonomy and the actors."""

    settings: Settings | None
    checklist: Checklist
    taxonomy: Taxonomy | None = None
    actors: tuple[Actor, ...] | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Portfolio:
    """What was loaded from a portfolio directory, and what could not be."""

    root: str
    context: Context
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]

    @property
    def checklist(self) -> Checklist:
        return self.context.checklist

    @property
    def unreadable(self) -> list[str]:
        """The files that could not be read at all, as opposed to files read with lesser problems."""
        read = {entry.path for entry in self.entries}
        return sorted({p.path for p in self.problems} - read)


def initiative_id(path: str) -> str:
    return Path(path).stem


def load_initiative(path: str) -> Entry:
    """Read one initiative file; raises InputError when it cannot be read."""
    ident = initiative_id(path)
    if len(ident) > SLUG_MAX or not SLUG.match(ident):
        raise InputError([Problem(path, "bad_id", {"id": ident})])
    data, positions = load_file(path)
    return Entry(ident, path, validate(Initiative, data, path, positions), positions)


def find_root(file: str) -> str | None:
    """The portfolio directory an initiative file belongs to, if any: where portfolio.yaml sits beside initiatives/."""
    folder = Path(file).resolve().parent
    for candidate in (folder, folder.parent) if folder.name == INITIATIVES_DIR else (folder,):
        if (candidate / SETTINGS_FILE).is_file():
            return str(candidate)
    return None


def default_root() -> str:
    """Where commands look when given no directory: `portfolio/` if there is one, else the current directory."""
    return "portfolio" if os.path.isdir("portfolio") else "."


def _load_model(model: type[M], path: str) -> tuple[M, Positions]:
    data, positions = load_file(path)
    return validate(model, data, path, positions), positions


def load_context(root: str | None) -> Context:
    """The settings of the portfolio at root (None for a file outside any portfolio) and what they name.

    A broken portfolio.yaml, taxonomy or actors file, or an unknown checklist version, is reported and the defaults
    apply, so that the initiatives are still read and checked.
    """
    default = load_checklist(DEFAULT_VERSION)
    if root is None:
        return Context(None, default)
    path = os.path.join(root, SETTINGS_FILE)
    try:
        settings, positions = _load_model(Settings, path)
    except InputError as exc:
        return Context(None, default, problems=tuple(exc.problems))
    problems: list[Problem] = []
    checklist = default
    if settings.checklist_version in available_versions():
        checklist = load_checklist(settings.checklist_version)
    else:
        line, column = positions.get(("checklist_version",), (1, 1))
        args = {
            "version": settings.checklist_version,
            "known": ", ".join(available_versions()),
            "default": default.version,
        }
        problems.append(Problem(path, "unknown_checklist", args, line, column, "checklist_version"))
    taxonomy = _referenced(Taxonomy, root, settings.taxonomy, path, positions, "taxonomy", problems)
    actors = _referenced(Actors, root, settings.actors, path, positions, "actors", problems)
    return Context(settings, checklist, taxonomy, actors.actors if actors else None, tuple(problems))


def _referenced(
    model: type[M],
    root: str,
    name: str | None,
    settings_path: str,
    positions: Positions,
    key: str,
    problems: list[Problem],
) -> M | None:
    """A file that portfolio.yaml names, such as the taxonomy; its problems are collected, not raised."""
    if name is None:
        return None
    path = os.path.join(root, name)
    if not os.path.lexists(path):
        line, column = positions.get((key,), (1, 1))
        problems.append(Problem(settings_path, "missing_file", {"file": name}, line, column, key))
        return None
    outside = _outside(root, path)
    if outside:
        problems.append(outside)
        return None
    try:
        return _load_model(model, path)[0]
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def _outside(root: str, path: str) -> Problem | None:
    """A problem when path is a symlink that leads out of the portfolio directory."""
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    if os.path.commonpath([os.path.realpath(root), target]) == os.path.realpath(root):
        return None
    return Problem(path, "symlink_outside", {"target": target})


def initiative_files(directory: str) -> list[str]:
    """The YAML files directly in a directory, sorted by name."""
    with os.scandir(directory) as listing:
        names = sorted(e.name for e in listing if e.name.endswith(SUFFIXES) and not e.name.startswith("."))
    return [os.path.join(directory, name) for name in names]


def _case_collisions(files: list[str]) -> list[Problem]:
    """Files whose ids differ only in case collide on macOS and Windows: each one after the first is refused."""
    seen: dict[str, str] = {}
    problems = []
    for file in files:
        key = initiative_id(file).casefold()
        if key in seen:
            problems.append(Problem(file, "case_collision", {"other": os.path.basename(seen[key])}))
        else:
            seen[key] = file
    return problems


def load_portfolio(path: str) -> Portfolio:
    """Load a portfolio directory (portfolio.yaml and initiatives/) or a plain directory of initiative files."""
    is_portfolio = os.path.isfile(os.path.join(path, SETTINGS_FILE))
    context = load_context(path if is_portfolio else None)
    folder = os.path.join(path, INITIATIVES_DIR) if is_portfolio else path
    problems = list(context.problems)
    entries: list[Entry] = []
    if not os.path.isdir(folder):
        problems.append(Problem(path, "no_initiatives_dir", {"dir": INITIATIVES_DIR}))
        return Portfolio(path, context, (), tuple(problems))
    files = initiative_files(folder)
    refused = {p.path: p for p in _case_collisions(files)}
    for file in files:
        problem: Any = refused.get(file) or _outside(path, file)
        if problem:
            problems.append(problem)
            continue
        try:
            entries.append(load_initiative(file))
        except InputError as exc:
            problems.extend(exc.problems)
    return Portfolio(path, context, tuple(entries), tuple(problems))
