"""One module per command: each maps its arguments to core calls and returns the exit status (`cli.exits`)."""

from __future__ import annotations

import datetime
import os
import re
import sys
from collections.abc import Iterable

from ehportfolio.domain.problems import Problem
from ehportfolio.i18n.messages import problem_line


def report_problems(problems: Iterable[Problem], lang: str) -> None:
    for problem in problems:
        print(problem_line(problem, lang), file=sys.stderr)


def absent(path: str) -> Problem | None:
    """Why a path a user gave cannot be found: nothing is there (`not_found`), or a directory on the way to it may not
    be searched (`no_permission`, which `os.path.exists` would call not there); None when it is there."""
    try:
        os.stat(path)
    except PermissionError:
        return Problem(path, "no_permission")
    except (OSError, ValueError):
        return Problem(path, "not_found")
    return None


def not_a_directory(path: str) -> Problem:
    """The problem with a path given as a directory that is not one."""
    return absent(path) or Problem(path, "not_a_directory")


def not_a_portfolio(root: str) -> Problem | None:
    """Why `root` is not a portfolio directory (not a directory, or no portfolio.yaml in it); None when it is one."""
    from ehportfolio.store.portfolio import SETTINGS_FILE

    if not os.path.isdir(root):
        return not_a_directory(root)
    if not os.path.isfile(os.path.join(root, SETTINGS_FILE)):
        return Problem(root, "status.not_portfolio")
    return None


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def day_of(value: str | None) -> datetime.date | None:
    """A --date as the README writes it, YYYY-MM-DD (not 20210101, not an empty string); None when not given, and a
    ValueError when it is no such day."""
    if value is None:
        return None
    if not _DAY.fullmatch(value):
        raise ValueError(value)
    return datetime.date.fromisoformat(value)
