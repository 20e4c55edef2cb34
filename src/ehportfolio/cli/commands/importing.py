"""`ehp import FILE`: initiative files from a spreadsheet with the columns of table 5.2, all of them or none.

Every row is checked first and every problem reported; only a table without any is written. New files are created
whole (files.write_new) and, with --force, files that are there are replaced (files.replace) after all new ones. If
a write fails, the files this run created are removed and the ones it replaced are put back.
"""

from __future__ import annotations

import dataclasses
import os
import sys

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import OK, USER_ERROR
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.features.importing import Plan, Planned, plan_import
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import fitted, text
from ehportfolio.store import files
from ehportfolio.store.loader import read_bytes
from ehportfolio.store.portfolio import INITIATIVES_DIR, SETTINGS_FILE, load_context
from ehportfolio.store.sources import SUFFIXES
from ehportfolio.store.spreadsheet import Table, read_table

FIELD_WORDS = {
    "id": N_("import.field.id"),
    "focus_area": N_("import.field.focus_area"),
    "name": N_("import.field.name"),
    "owner": N_("import.field.owner"),
    "segment": N_("import.field.segment"),
    "comment": N_("import.field.comment"),
    "status": N_("import.field.status"),
    "recorded_segment": N_("import.field.recorded_segment"),
    "segment_reason": N_("import.field.segment_reason"),
    "description": N_("import.field.description"),
    "evidence": N_("import.field.evidence"),
    "digitalisation_essential": N_("import.field.digitalisation_essential"),
    "multiple_care_providers": N_("import.field.multiple_care_providers"),
    "reuse_potential": N_("import.field.reuse_potential"),
    "health_information_access": N_("import.field.health_information_access"),
    "broad_collaboration": N_("import.field.broad_collaboration"),
    "strong_samstyre_dependencies": N_("import.field.strong_samstyre_dependencies"),
    "exploratory": N_("import.field.exploratory"),
    "core_activity": N_("import.field.core_activity"),
    "cross_actor_coordination": N_("import.field.cross_actor_coordination"),
    "strategy_essential": N_("import.field.strategy_essential"),
    "dependencies": N_("import.field.dependencies"),
    "history": N_("import.field.history"),
    "finances": N_("import.field.finances"),
    "phases": N_("import.field.phases"),
    "milestones": N_("import.field.milestones"),
    "user_groups": N_("import.field.user_groups"),
}
"""The fields an import fills, in words, for its plan and its problems."""


@dataclasses.dataclass(frozen=True)
class _Target:
    planned: Planned
    path: str
    original: bytes | None  # what a file that is there holds (with --force); None for a new file


def run(root: str, file: str, mappings: list[str], sheet: str | None, force: bool, dry_run: bool, lang: str) -> int:
    if not os.path.isdir(root):
        report_problems([not_a_directory(root)], lang)
        return USER_ERROR
    if not os.path.isfile(os.path.join(root, SETTINGS_FILE)):  # no register or taxonomy to check the table against
        report_problems([Problem(root, "import.not_portfolio")], lang)
        return USER_ERROR
    folder = os.path.join(root, INITIATIVES_DIR)
    if not os.path.isdir(folder):
        report_problems([Problem(root, "no_initiatives_dir", {"dir": INITIATIVES_DIR})], lang)
        return USER_ERROR
    context = load_context(root)
    if context.problems:  # without its actors register and taxonomy, owners and focus areas cannot be checked
        report_problems(context.problems, lang)
        return _nothing_written(len(context.problems), lang)
    try:
        table = read_table(file, sheet)
    except InputError as exc:
        report_problems([_localised(problem, lang) for problem in exc.problems], lang)
        return USER_ERROR
    plan = plan_import(table, mappings, context, lang=lang)
    _report_plan(plan, table, lang)
    targets, problems = _targets(plan, folder, force)
    problems = [*plan.problems, *problems]
    if problems:
        report_problems([_localised(problem, lang) for problem in problems], lang)
        return _nothing_written(len(problems), lang)
    new = sum(1 for target in targets if target.original is None)
    counts = {
        "files": text(lang, "count.initiative_files", count=len(targets)),
        "dir": folder,
        "new": text(lang, "count.new", count=new),
        "replaced": text(lang, "count.replaced", count=len(targets) - new),
    }
    if dry_run:
        for target in targets:
            key = N_("import.plan.new") if target.original is None else N_("import.plan.replace")
            _say(lang, key, path=target.path, row=target.planned.row, name=target.planned.name)
        _say(lang, "import.dry_run", **counts)
        return OK
    if not _write(targets, lang):
        return USER_ERROR
    for target in targets:
        if target.original is not None:
            _say(lang, "import.replaced", path=target.path, row=target.planned.row, name=target.planned.name)
    _say(lang, "import.done", **counts)
    if not plan.answered:
        _say(lang, "import.unanswered")
    return OK


def _say(lang: str, key: str, **args: object) -> None:
    print(text(lang, key, **args), file=sys.stderr)


def _nothing_written(count: int, lang: str) -> int:
    _say(lang, "import.failed", count=count)
    return USER_ERROR


def _localised(problem: Problem, lang: str) -> Problem:
    """Field names and lists of headers or sheets in a problem's arguments, in the report's language."""
    args = dict(problem.args)
    if "field" in args:
        args["field"] = text(lang, FIELD_WORDS[args["field"]])
    if isinstance(args.get("fields"), list):
        args["fields"] = ", ".join(text(lang, FIELD_WORDS[field]) for field in args["fields"])
    for key in ("headers", "sheets"):
        if isinstance(args.get(key), list):
            args[key] = ", ".join(_quoted(lang, name) for name in args[key])
    return dataclasses.replace(problem, args=args)


def _quoted(lang: str, words: str) -> str:
    return f"«{words}»" if lang == "nb" else f'"{words}"'


def _report_plan(plan: Plan, table: Table, lang: str) -> None:
    """Which column gives which field, the columns not read, and every owner fitted to the register."""

    def name(column: int) -> str:  # in JSON, the header is the key: shown once, by the header
        return "" if table.keys is not None else table.column_name(column)

    if plan.columns:
        shown = ", ".join(
            text(
                lang,
                "import.column",
                column=name(c.column),
                header=c.header,
                field=text(lang, FIELD_WORDS[c.field]),
            ).lstrip()
            for c in plan.columns
        )
        _say(lang, "import.columns", columns=shown)
    if plan.ignored:
        shown = ", ".join(f"{name(c.column)} {_quoted(lang, c.header)}".lstrip() for c in plan.ignored)
        _say(lang, "import.ignored", columns=shown)
    for item in plan.normalised:
        print(f"{item.where}: {fitted(item.original, item.name, item.how, lang)}", file=sys.stderr)


def _targets(plan: Plan, folder: str, force: bool) -> tuple[list[_Target], list[Problem]]:
    """Where each file goes; a file that is there is refused unless --force, and then read to be replaced."""
    targets: list[_Target] = []
    problems: list[Problem] = []
    folded = _existing_ids(folder)
    for planned in plan.initiatives:
        existing = [os.path.join(folder, planned.id + s) for s in SUFFIXES]
        other = folded.get(planned.id.casefold())
        if other is not None and os.path.splitext(other)[0] != planned.id:  # Alpha.yaml is there, alpha.yaml is not
            problems.append(Problem(planned.where, "case_collision", {"other": os.path.join(folder, other)}))
            continue
        found = next((path for path in existing if os.path.lexists(path)), None)
        if found is None:
            targets.append(_Target(planned, existing[0], None))
        elif not force:
            problems.append(Problem(found, "import.exists", {"id": planned.id, "where": planned.where}))
        else:
            try:
                targets.append(_Target(planned, found, read_bytes(found, root=folder)))
            except InputError as exc:
                problems.extend(exc.problems)
    return targets, problems


def _existing_ids(folder: str) -> dict[str, str]:
    """Each initiative file's id, case-folded, with the file's name."""
    with os.scandir(folder) as listing:
        names = sorted(e.name for e in listing if e.name.endswith(SUFFIXES) and not e.name.startswith("."))
    return {os.path.splitext(n)[0].casefold(): n for n in names}


def _write(targets: list[_Target], lang: str) -> bool:
    """Write every file, new ones first; on a failure, undo what this run did and say so."""
    created: list[str] = []
    replaced: list[_Target] = []
    ordered = [t for t in targets if t.original is None] + [t for t in targets if t.original is not None]
    try:
        for target in ordered:
            if target.original is None:
                files.write_new(target.path, target.planned.text)
                created.append(target.path)
            else:
                files.replace(target.path, target.original, target.planned.text)
                replaced.append(target)
    except InputError as exc:
        report_problems(exc.problems, lang)
    else:
        return True
    _undo(created, replaced, lang)
    return False


def _undo(created: list[str], replaced: list[_Target], lang: str) -> None:
    problems: list[Problem] = []
    removed = 0
    for path in created:
        try:
            os.unlink(path)
            removed += 1
        except OSError as exc:
            problems.append(Problem(path, "import.not_undone", {"detail": files.os_reason(exc)}))
    restored = 0
    for target in replaced:
        assert target.original is not None
        try:
            files.replace(target.path, target.planned.text.encode("utf-8"), target.original.decode("utf-8"))
            restored += 1
        except (InputError, OSError, UnicodeDecodeError) as exc:
            detail = exc.problems[0].code if isinstance(exc, InputError) else str(exc)
            problems.append(Problem(target.path, "import.not_undone", {"detail": detail}))
    report_problems(problems, lang)
    _say(lang, "import.undone", removed=removed, restored=restored)
