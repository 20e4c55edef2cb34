"""Find and load a portfolio: its settings, checklist, taxonomy, actors, register of national solutions, every
initiative file and, when asked, every status report, collecting problems.

One bad file never stops the others: each file's problems are collected and the rest are loaded.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ehportfolio.domain.checklist import DEFAULT_VERSION, Checklist, ChecklistError
from ehportfolio.domain.fieldtypes import SLUG, SLUG_MAX
from ehportfolio.domain.models import (
    Actor,
    Actors,
    Initiative,
    Settings,
    Solution,
    Solutions,
    StatusReport,
    Taxonomy,
    UserGroup,
    UserGroups,
)
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.store.checklists import own_checklists
from ehportfolio.store.loader import Positions, decode, parse_mapping, read_bytes
from ehportfolio.store.packaged import available_versions, load_checklist, load_solutions
from ehportfolio.store.sources import DiskSource, Source
from ehportfolio.store.validation import validate

SETTINGS_FILE = "portfolio.yaml"
INITIATIVES_DIR = "initiatives"
STATUS_DIR = "status"

M = TypeVar("M", bound=BaseModel)


class _Located:
    """A file read into a model, that can say where its values sit."""

    path: str
    text: str

    @cached_property
    def positions(self) -> Positions:
        """Where each value sits. Parsed again when a rule asks, rather than kept for every file: the text is a tenth
        of the memory, and only files with findings need it."""
        return parse_mapping(self.path, self.text)[1]

    def place(self, *path: str | int) -> tuple[int, int]:
        """The line and column of a value, or of the nearest enclosing key; (1, 1) for the file as a whole."""
        for end in range(len(path), 0, -1):
            found = self.positions.get(path[:end])
            if found:
                return found
        return (1, 1)


@dataclass(frozen=True)
class Entry(_Located):
    """An initiative read from its file; `id` is the file's stem, `text` what the file holds."""

    id: str
    path: str
    initiative: Initiative
    text: str


@dataclass(frozen=True)
class StatusEntry(_Located):
    """A status report read from `status/<round>/<id>.yaml`: `round` is its directory's name, `id` the file's stem."""

    round: str
    id: str
    path: str
    report: StatusReport
    text: str


@dataclass(frozen=True)
class RoundFolder:
    """A directory in status/: its name (a round id, if it is one), its path and its YAML files, as problems name
    them."""

    name: str
    path: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class Statuses:
    """The status reports of a portfolio (`status/<round>/<id>.yaml`), and what could not be read."""

    entries: tuple[StatusEntry, ...] = ()
    rounds: tuple[RoundFolder, ...] = ()
    """Every directory in status/."""
    stray: tuple[str, ...] = ()
    """YAML files directly in status/, outside any round directory, as problems name them."""
    problems: tuple[Problem, ...] = ()
    unread: frozenset[tuple[str, str]] = frozenset()
    """The (round, id) of status files that are there but could not be read."""

    def filed(self, round_id: str) -> set[str]:
        """The ids with a status file for a round: read, or there but unreadable (its problem is reported)."""
        ids = {entry.id for entry in self.entries if entry.round == round_id}
        return ids | {ident for name, ident in self.unread if name == round_id}

    def started(self) -> set[str]:
        """The rounds for which at least one status file is there."""
        return {entry.round for entry in self.entries} | {name for name, _ in self.unread}

    def examples(self, used: Callable[[StatusEntry], bool] | None = None) -> set[str]:
        """The rounds with a report that is example data (`example: true`), of the reports `used` accepts (all
        without it): a paper that shows such a round says that its reports are examples."""
        return {e.round for e in self.entries if e.report.example and (used is None or used(e))}

    def partly_examples(self, used: Callable[[StatusEntry], bool] | None = None) -> set[str]:
        """Of the rounds `examples` gives, those that hold an organisation's own report too (of the reports `used`
        accepts): only some of their reports are examples, and a paper must not call them all invented."""
        rounds: dict[str, set[bool]] = {}
        for e in self.entries:
            if used is None or used(e):
                rounds.setdefault(e.round, set()).add(bool(e.report.example))
        return {name for name, kinds in rounds.items() if kinds == {True, False}}


@dataclass(frozen=True)
class Context:
    """What a portfolio's settings decide for its initiatives: the checklist, the taxonomy, the actors and the
    register of national solutions (the shipped one unless portfolio.yaml names its own, or when that cannot be read);
    and where portfolio.yaml's values sit, so that findings about its calendar can point at a meeting."""

    settings: Settings | None
    checklist: Checklist
    taxonomy: Taxonomy | None = None
    actors: tuple[Actor, ...] | None = None
    problems: tuple[Problem, ...] = ()
    settings_path: str = ""
    settings_positions: Positions = field(default_factory=dict)
    own_checklists: Mapping[str, Checklist] = field(default_factory=dict)
    """The portfolio's own checklist versions (`checklists:` in portfolio.yaml), by version."""
    own_solutions: tuple[Solution, ...] | None = None
    """The entries of the register portfolio.yaml names; None when the shipped one applies."""
    solutions_file: str = ""
    """The register's file as findings name it; empty for the shipped one."""
    user_groups: tuple[UserGroup, ...] | None = None
    """The register of user groups portfolio.yaml names (`user_groups:`); None when it names none."""

    @property
    def solutions(self) -> tuple[Solution, ...]:
        """The register of national solutions that applies: the portfolio's own, or the shipped one (read only when
        asked for, so that `ehp assess` of one file does not read it)."""
        return load_solutions() if self.own_solutions is None else self.own_solutions

    @cached_property
    def solution_by_id(self) -> dict[str, Solution]:
        """The register's entries by id: what a dependency may name besides an initiative."""
        return {solution.id: solution for solution in self.solutions}

    def settings_place(self, *path: str | int) -> tuple[int, int]:
        """The line and column of a value of portfolio.yaml, or of its nearest enclosing key."""
        for end in range(len(path), 0, -1):
            found = self.settings_positions.get(path[:end])
            if found:
                return found
        return (1, 1)


@dataclass(frozen=True)
class Portfolio:
    """What was loaded from a portfolio directory, and what could not be."""

    root: str
    context: Context
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    unread: frozenset[str] = frozenset()
    """The ids of initiative files that are there but could not be read."""
    statuses: Statuses | None = None
    """The status reports, when they were asked for (`load_portfolio(..., statuses=True)`); None when not loaded."""

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
    return parse_initiative(path, os.path.basename(path), read_bytes(path))


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


def _parse(model: type[M], path: str, content: bytes | Problem) -> tuple[M, Positions, str]:
    """The model, where its values sit, and the decoded text."""
    if isinstance(content, Problem):
        raise InputError([content])
    text = decode(path, content)
    data, positions = parse_mapping(path, text)
    return validate(model, data, path, positions), positions, text


def _read_one(model: type[M], source: Source, relative: str) -> tuple[M, Positions]:
    (_, content, _), *_ = source.read([relative])
    return _parse(model, source.display(relative), content)[:2]


_REFERENCES = ("checklist_version", "checklists", "taxonomy", "actors", "solutions", "user_groups")
"""The fields of portfolio.yaml that name something else: a checklist, and files beside it."""


def _sound_references(data: dict[str, Any]) -> dict[str, Any]:
    """The fields of `_REFERENCES` whose values are valid on their own, from a portfolio.yaml that is not valid as a
    whole: what they name is still checked, so that a bad field elsewhere hides no other problem of the file."""
    sound: dict[str, Any] = {}
    for key in _REFERENCES:
        field_info = Settings.model_fields[key]
        adapter: TypeAdapter[Any] = TypeAdapter(Annotated[field_info.annotation, field_info])  # type: ignore[arg-type]
        try:
            sound[key] = adapter.validate_python(data.get(key, field_info.default))
        except ValidationError:
            continue
    return sound


def load_context(root: str | Source | None, checklist_version: str | None = None) -> Context:
    """The settings of the portfolio at root (None for a file outside any portfolio) and what they name.

    A broken portfolio.yaml, taxonomy, actors or solutions file, or an unknown checklist version, is reported and the
    defaults apply (the shipped register of national solutions for a broken one), so that the initiatives are still
    read and checked. When portfolio.yaml parses but a field of it is not valid, the fields that name a checklist or a
    file are still checked, and their problems reported too. `checklist_version` (`--checklist`) overrides the
    portfolio's `checklist_version`; a version that is not known is a user error (`checklist.unknown`), raised before
    anything is read.
    """
    context = _load_context(root)
    if checklist_version is None:
        return context
    return replace(context, checklist=checklist_for(context, checklist_version))


def checklist_for(context: Context, version: str) -> Checklist:
    """The checklist version `version`: the portfolio's own, else a shipped one; a user error (`checklist.unknown`,
    naming the known ones) when there is no such version."""
    if version in context.own_checklists:
        return context.own_checklists[version]
    if version in available_versions():
        return load_checklist(version)
    raise ChecklistError("checklist.unknown", version=version, known=", ".join(known_versions(context.own_checklists)))


def known_versions(own: Mapping[str, Checklist]) -> list[str]:
    """The shipped versions and the portfolio's own, in order."""
    return sorted({*available_versions(), *own})


def _load_context(root: str | Source | None) -> Context:
    default = load_checklist(DEFAULT_VERSION)
    if root is None:
        return Context(None, default)
    source = DiskSource(root) if isinstance(root, str) else root
    path = source.display(SETTINGS_FILE)
    try:
        (_, content, _), *_ = source.read([SETTINGS_FILE])
        if isinstance(content, Problem):
            raise InputError([content])
        data, positions = parse_mapping(path, decode(path, content))
    except InputError as exc:
        return Context(None, default, problems=tuple(exc.problems))
    problems: list[Problem] = []
    try:
        settings: Settings | None = validate(Settings, data, path, positions)
    except InputError as exc:
        problems.extend(exc.problems)
        settings = None
    references = {key: getattr(settings, key) for key in _REFERENCES} if settings else _sound_references(data)
    own = own_checklists(source, references.get("checklists") or (), path, positions, problems)
    checklist = default
    version = references.get("checklist_version")
    if version in own:
        checklist = own[version]
    elif version in available_versions():
        checklist = load_checklist(version)
    elif version is not None:
        line, column = positions.get(("checklist_version",), (1, 1))
        known = ", ".join(known_versions(own))
        args = {"version": version, "known": known, "default": default.version}
        problems.append(Problem(path, "unknown_checklist", args, line, column, "checklist_version"))
    taxonomy = _referenced(Taxonomy, source, references.get("taxonomy"), positions, "taxonomy", problems)
    actors = _referenced(Actors, source, references.get("actors"), positions, "actors", problems)
    register = _referenced(Solutions, source, references.get("solutions"), positions, "solutions", problems)
    groups = _referenced(UserGroups, source, references.get("user_groups"), positions, "user_groups", problems)
    if settings is None:  # the defaults apply, as they always have for a portfolio.yaml that is not valid
        return Context(None, default, problems=tuple(problems))
    actor_list = actors.actors if actors else None
    context = Context(settings, checklist, taxonomy, actor_list, tuple(problems), path, positions, own)
    if groups is not None:
        context = replace(context, user_groups=groups.user_groups)
    if register is None or settings.solutions is None:
        return context
    shown = source.display(posixpath.normpath(settings.solutions.replace("\\", "/")))
    return replace(context, own_solutions=register.solutions, solutions_file=shown)


def _referenced(
    model: type[M], source: Source, name: str | None, positions: Positions, key: str, problems: list[Problem]
) -> M | None:
    """A file that portfolio.yaml names, such as the taxonomy; its problems are collected, not raised."""
    if name is None:
        return None
    relative = posixpath.normpath(name.replace("\\", "/"))
    if source.kind(relative) is None:
        line, column = positions.get((key,), (1, 1))
        problems.append(Problem(source.display(SETTINGS_FILE), "missing_file", {"file": name}, line, column, key))
        return None
    try:
        return _read_one(model, source, relative)[0]
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def _case_collisions(files: list[str]) -> list[Problem]:
    """Files that give the same id (felles.yml beside felles.yaml), or ids that differ only in case and so collide on
    macOS and Windows: each one after the first is refused."""
    seen: dict[str, str] = {}
    problems = []
    for file in files:
        key = initiative_id(file).casefold()
        if key in seen:
            same = initiative_id(seen[key]) == initiative_id(file)  # felles.yml beside felles.yaml
            code = "duplicate_id" if same else "case_collision"
            problems.append(Problem(file, code, {"other": os.path.basename(seen[key])}))
        else:
            seen[key] = file
    return problems


def load_portfolio(
    path: str | Source,
    cache: dict[str, Entry] | None = None,
    *,
    statuses: bool = False,
    checklist_version: str | None = None,
) -> Portfolio:
    """Load a portfolio directory (portfolio.yaml and initiatives/) or a plain directory of initiative files.

    `cache`, keyed by the source's content keys, lets identical files at two git revisions be read once. With
    `statuses`, the status reports of a portfolio directory are read too; commands that do not need them skip them.
    `checklist_version` overrides the portfolio's own (see `load_context`).
    """
    source = DiskSource(path) if isinstance(path, str) else path
    is_portfolio = source.kind(SETTINGS_FILE) == "file"
    context = load_context(source if is_portfolio else None, checklist_version)
    reports = (load_statuses(source) if is_portfolio else Statuses()) if statuses else None
    folder = INITIATIVES_DIR if is_portfolio else ""
    problems = list(context.problems)
    root = source.display("")
    if source.kind(folder) != "dir":
        problems.append(Problem(root, "no_initiatives_dir", {"dir": INITIATIVES_DIR}))
        return Portfolio(root, context, (), tuple(problems), statuses=reports)
    files = source.yaml_files(folder)
    refused = {p.path: p for p in _case_collisions([source.display(f) for f in files])}
    problems.extend(refused.values())
    wanted = [f for f in files if source.display(f) not in refused]
    entries: list[Entry] = []
    unread: list[str] = []
    for relative, content, key in source.read(wanted):
        path_shown = source.display(relative)
        try:
            if cache is not None and key in cache:
                _check_id(path_shown, initiative_id(relative))  # a name is checked whatever its content
                known = cache[key]
                entry = Entry(initiative_id(relative), path_shown, known.initiative, known.text)
            else:
                entry = parse_initiative(path_shown, relative, content)
                if cache is not None and key is not None:
                    cache[key] = entry
        except InputError as exc:
            problems.extend(exc.problems)
            unread.append(initiative_id(relative))
            continue
        entries.append(entry)
    unread.extend(initiative_id(p.path) for p in refused.values())
    return Portfolio(root, context, tuple(entries), tuple(problems), frozenset(unread), reports)


def _check_id(path: str, ident: str) -> None:
    """InputError `bad_id` when a file's stem is not a valid id."""
    if len(ident) > SLUG_MAX or not SLUG.match(ident):
        raise InputError([Problem(path, "bad_id", {"id": ident})])


def parse_initiative(path: str, relative: str, content: bytes | Problem) -> Entry:
    ident = initiative_id(relative)
    _check_id(path, ident)
    initiative, _, text = _parse(Initiative, path, content)
    return Entry(ident, path, initiative, text)


def load_statuses(source: Source) -> Statuses:
    """Every status report in status/<round>/, each file read as safely as an initiative file; a file that cannot be
    read is a problem, and the rest are read."""
    kind = source.kind(STATUS_DIR)
    if kind is None:
        return Statuses()
    if kind != "dir":
        return Statuses(problems=(Problem(source.display(STATUS_DIR), "not_a_directory"),))
    entries: list[StatusEntry] = []
    problems: list[Problem] = []
    unread: set[tuple[str, str]] = set()
    rounds: list[RoundFolder] = []
    for folder in source.folders(STATUS_DIR):
        name = posixpath.basename(folder)
        files = source.yaml_files(folder)
        rounds.append(RoundFolder(name, source.display(folder), tuple(source.display(f) for f in files)))
        refused = {p.path: p for p in _case_collisions([source.display(f) for f in files])}
        problems.extend(refused.values())
        unread.update((name, initiative_id(shown)) for shown in refused)
        wanted = [f for f in files if source.display(f) not in refused]
        for relative, content, _ in source.read(wanted):
            shown = source.display(relative)
            ident = initiative_id(relative)
            try:
                _check_id(shown, ident)
                report, _, text = _parse(StatusReport, shown, content)
            except InputError as exc:
                problems.extend(exc.problems)
                unread.add((name, ident))
                continue
            entries.append(StatusEntry(name, ident, shown, report, text))
    stray = tuple(source.display(f) for f in source.yaml_files(STATUS_DIR))
    return Statuses(tuple(entries), tuple(rounds), stray, tuple(problems), frozenset(unread))
