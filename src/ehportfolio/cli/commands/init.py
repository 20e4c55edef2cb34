"""`ehp init DIR`: scaffold a new portfolio repository, never overwriting a file that is there."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import report_problems
from ehportfolio.cli.exits import OK, USER_ERROR
from ehportfolio.domain.errors import FileFailure
from ehportfolio.domain.problems import Problem
from ehportfolio.features.scaffold import scaffold
from ehportfolio.i18n.messages import text


def run(directory: str, name: str, year: int, strategy: str, requirement: str, lang: str) -> int:
    files = scaffold(name, year, strategy, requirement)
    existing = [path for path in files if os.path.lexists(os.path.join(directory, path))]
    if existing:
        report_problems([Problem(os.path.join(directory, path), "exists") for path in existing], lang)
        return USER_ERROR
    for path, content in files.items():
        target = os.path.join(directory, path)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "x", encoding="utf-8") as handle:
                handle.write(content)
        except OSError as exc:
            raise FileFailure.from_os_error(exc, target) from None
    print(text(lang, "init.done", dir=directory, count=len(files)), file=sys.stderr)
    return OK
