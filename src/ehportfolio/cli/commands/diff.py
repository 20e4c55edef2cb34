"""`ehp diff BASE [HEAD]`: compare two git revisions of a portfolio (HEAD omitted: the working tree)."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import OK, USER_ERROR
from ehportfolio.features.assessment import Assessment, assess
from ehportfolio.features.changes import Revision, compare
from ehportfolio.output.formats import renderer
from ehportfolio.store.revisions import Repository, Snapshot, working_tree


def run(base: str, head: str | None, path: str, fmt: str, lang: str) -> int:
    repository = Repository(path)  # a GitError says why a revision cannot be read
    base_commit = repository.commit(base)
    head_commit = repository.commit(head) if head is not None else None
    if head is None and not os.path.isdir(path):
        report_problems([not_a_directory(path)], lang)
        return USER_ERROR
    before = repository.snapshot(base, base_commit)
    after = repository.snapshot(head, head_commit) if head is not None else working_tree(path)
    changes = compare(
        _assessments(before),
        _assessments(after),
        Revision(before.revision, before.commit),
        Revision(after.revision, after.commit),
        before.portfolio.unread | after.portfolio.unread,
    )
    module = renderer("diff", fmt)
    sys.stdout.write(module.render_changes(changes, lang))
    report_problems([*before.portfolio.problems, *after.portfolio.problems], lang)
    return OK


def _assessments(snapshot: Snapshot) -> list[Assessment]:
    checklist = snapshot.portfolio.checklist
    return [assess(entry, checklist) for entry in snapshot.portfolio.entries]
