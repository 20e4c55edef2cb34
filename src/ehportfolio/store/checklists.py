"""A portfolio's own checklist versions: the files `checklists:` in portfolio.yaml names, each checked against the
format of the shipped versions (domain/checklistfile.py). Their problems are collected with file, line and column, and
a version that cannot be read is simply not there."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from ehportfolio.domain.checklist import Checklist, checklist_from_data
from ehportfolio.domain.checklistfile import ChecklistFile
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.store.loader import Positions, decode, parse_mapping
from ehportfolio.store.packaged import available_versions
from ehportfolio.store.sources import Source
from ehportfolio.store.validation import validate

FIELD = "checklists"


def own_checklists(
    source: Source, names: Sequence[str], settings_path: str, positions: Positions, problems: list[Problem]
) -> dict[str, Checklist]:
    """The versions the files `names` define, by version; each problem found goes to `problems`."""
    found: dict[str, Checklist] = {}
    for index, name in enumerate(names):
        line, column = positions.get((FIELD, index), positions.get((FIELD,), (1, 1)))
        relative = posixpath.normpath(name.replace("\\", "/"))
        if source.kind(relative) is None:
            problems.append(Problem(settings_path, "missing_file", {"file": name}, line, column, f"{FIELD}.{index}"))
            continue
        shown = source.display(relative)
        try:
            model, where = _read(source, relative, shown)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        undefined = model.undefined()
        for path, key in undefined:
            at_line, at_column = where.get(path, (1, 1))
            where_shown = ".".join(str(part) for part in path)
            problems.append(Problem(shown, "undefined_question", {"key": key}, at_line, at_column, where_shown))
        if undefined:
            continue
        if model.version in available_versions() or model.version in found:
            at_line, at_column = where.get(("version",), (1, 1))
            problems.append(
                Problem(shown, "checklist_version_taken", {"version": model.version}, at_line, at_column, "version")
            )
            continue
        found[model.version] = checklist_from_data(model.data())
    return found


def _read(source: Source, relative: str, shown: str) -> tuple[ChecklistFile, Positions]:
    (_, content, _), *_ = source.read([relative])
    if isinstance(content, Problem):
        raise InputError([content])
    data, where = parse_mapping(shown, decode(shown, content))
    return validate(ChecklistFile, data, shown, where), where
