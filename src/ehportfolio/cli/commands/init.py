"""`ehp init DIR`: scaffold a new portfolio repository, never overwriting a file that is there."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import report_problems
from ehportfolio.cli.exits import OK, USER_ERROR
from ehportfolio.domain.problems import Problem
from ehportfolio.features.scaffold import scaffold
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import text
from ehportfolio.store import files
from ehportfolio.store.installed import installed_origin

REQUIREMENT_REASONS = {
    "editable": N_("init.requirement.editable"),
    "local": N_("init.requirement.local"),
    "unreadable": N_("init.requirement.unreadable"),
    "not_installed": N_("init.requirement.not_installed"),
}
"""Why ehp cannot say where it was installed from (store/installed.py's `reason`), in words."""


def run(directory: str, name: str, year: int, strategy: str, requirement: str | None, lang: str) -> int:
    hook_repo = hook_rev = None
    if requirement is None:
        origin = installed_origin()
        if origin.requirement is None:
            print(text(lang, REQUIREMENT_REASONS[origin.reason], url=origin.url), file=sys.stderr)
            return USER_ERROR
        requirement, hook_repo, hook_rev = origin.requirement, origin.repo, origin.rev
    scaffolded = scaffold(name, year, strategy, requirement, hook_repo=hook_repo, hook_rev=hook_rev)
    existing = [path for path in scaffolded if os.path.lexists(os.path.join(directory, path))]
    if existing:
        report_problems([Problem(os.path.join(directory, path), "exists") for path in existing], lang)
        return USER_ERROR
    for path, content in scaffolded.items():  # a file that cannot be written is a user error for the boundary
        target = os.path.join(directory, path)
        files.make_dirs(os.path.dirname(target), root=directory)
        files.write_new(target, content, root=directory)
    print(text(lang, "init.done", dir=directory, count=len(scaffolded)), file=sys.stderr)
    return OK
