"""`ehp status open ROUND` writes one pre-filled form per owner for a round, with a list of who must report what by
when; `ehp status collect FILE…` reads filled forms back into status reports, all of them or none (or, with
--partial, the forms that read cleanly)."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from dataclasses import dataclass

from ehportfolio.cli.commands import day_of, not_a_portfolio, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.domain.models import StatusReport
from ehportfolio.domain.problems import InputError, InputRefusal, Problem
from ehportfolio.features import formfiles
from ehportfolio.features.calendar import (
    Member,
    Round,
    RoundState,
    find_round,
    members,
    reporting,
    rounds,
    survey,
)
from ehportfolio.features.roundforms import (
    BROKEN,
    Collected,
    Filled,
    plan_forms,
    read_reports,
    refusal,
    sections,
)
from ehportfolio.features.statusform import render
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import file_language, missing_words, text
from ehportfolio.output.round_overview import who_reports
from ehportfolio.store import files
from ehportfolio.store.loader import parse_mapping
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import STATUS_DIR, Portfolio, load_portfolio
from ehportfolio.store.spreadsheet import MAX_BYTES
from ehportfolio.store.validation import validate

FORMS_DIR = "skjema"
"""Where the forms of a round go by default: `skjema/<round>/` in the portfolio."""
SUFFIXES = {"xlsx": ".xlsx", "docx": ".docx"}
OVERVIEW = "oversikt.md"


@dataclass(frozen=True)
class _Loaded:
    portfolio: Portfolio
    calendar: list[Round]
    everyone: list[Member]


def _load(root: str) -> _Loaded:
    problem = not_a_portfolio(root)
    if problem:
        raise InputError([problem])
    portfolio = load_portfolio(root, statuses=True)
    context = portfolio.context
    if context.settings is None:
        raise InputError(list(context.problems))
    calendar = rounds(context.settings.calendar, load_cadence())
    if not calendar:
        raise InputRefusal([Problem(context.settings_path, "status.no_calendar")])
    return _Loaded(portfolio, calendar, members(portfolio))


def _state(loaded: _Loaded, round_: Round) -> RoundState:
    [state] = survey([round_], loaded.everyone, loaded.portfolio.statuses, load_cadence())
    return state


# ehp status open


def open_round(root: str, round_id: str, deadline: str, fmt: str, out: str | None, lang: str) -> int:
    loaded = _load(root)
    try:
        due = day_of(deadline)
    except ValueError:
        due = None
    if due is None:
        raise InputError([Problem("--deadline", "bad_date", {"value": deadline})])
    settings_path = loaded.portfolio.context.settings_path
    round_ = find_round(loaded.calendar, round_id, settings_path)
    if isinstance(round_, Problem):
        raise InputError([round_])
    # the reports are for the meeting: a deadline after it, or a year before it, is a slip
    args = {"value": deadline, "meeting": round_.dated}
    if due > round_.date:
        raise InputError([Problem("--deadline", "status.open.after_meeting", args)])
    if round_.far(due):
        raise InputError([Problem("--deadline", "status.open.long_before", args)])
    cadence = load_cadence()
    forms, filed = plan_forms(_state(loaded, round_), loaded.everyone, cadence, due)
    folder = out if out is not None else os.path.join(root, FORMS_DIR, round_.id)
    suffix = SUFFIXES[fmt]
    paths = [os.path.join(folder, form.name + suffix) for form in forms]
    overview = os.path.join(folder, OVERVIEW)
    there = [p for p in (*paths, overview) if os.path.lexists(p)]
    if there:
        raise InputRefusal([Problem(p, "status.open.exists") for p in there])
    if filed:
        ids = ", ".join(item.id for item in filed)
        initiatives = text(lang, "count.initiatives", count=len(filed))
        print(text(lang, "status.open.filed", initiatives=initiatives, ids=ids), file=sys.stderr)
    render_file = formfiles.render_docx if fmt == "docx" else formfiles.render_xlsx
    contents = [render_file(form, sections(form, cadence, lang), lang) for form in forms]
    table = who_reports(round_, due, forms, paths, filed, folder, lang)
    files.make_dirs(folder)
    written: list[str] = []
    try:
        for path, content in zip(paths, contents, strict=True):
            files.write_new(path, content)
            written.append(path)
        files.write_new(overview, table)
        written.append(overview)
    except InputError:
        _remove(written)
        raise
    for path in written:
        print(path)
    if not forms:
        print(text(lang, "status.open.nobody", round=round_.id), file=sys.stderr)
        return OK
    args = {
        "forms": text(lang, "count.forms", count=len(forms)),
        "initiatives": text(lang, "count.initiatives", count=sum(len(form.initiatives) for form in forms)),
        "meeting": round_.label,
        "deadline": due.isoformat(),
        "dir": folder,
    }
    print(text(lang, "status.open.done", **args), file=sys.stderr)
    return OK


def _remove(paths: list[str]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


# ehp status collect


def collect(root: str, paths: list[str], round_id: str | None, partial: bool, lang: str) -> int:
    loaded = _load(root)
    settings_path = loaded.portfolio.context.settings_path
    wanted: Round | None = None
    if round_id is not None:
        chosen = find_round(loaded.calendar, round_id, settings_path)
        if isinstance(chosen, Problem):
            raise InputError([chosen])
        wanted = chosen
    cadence = load_cadence()
    by_round = {r.id: r for r in loaded.calendar}
    by_id = {m.id: m for m in loaded.everyone}
    statuses = loaded.portfolio.statuses
    results: list[Collected] = []
    unreadable: list[Problem] = []
    seen: dict[str, str] = {}  # the file of each form id, and of each `round/initiative`, met so far
    portfolio = loaded.portfolio
    known = {e.id for e in portfolio.entries} | portfolio.unread | set(portfolio.context.solution_by_id)  # may be named
    # one file named twice (overlapping shell globs, `./a` and `a`) is read once; a copy of it is refused as twice
    unique: dict[str, str] = {}
    for path in paths:
        unique.setdefault(os.path.realpath(path), path)
    for path in unique.values():
        try:
            filled = _read(path, lang)
        except InputError as exc:
            unreadable += exc.problems
            continue
        refused = refusal(filled, wanted, by_round, by_id, seen, statuses.filed if statuses else lambda _: set())
        if refused is not None:
            results.append(Collected(filled, problems=(refused,), refused=refused.code not in BROKEN))
            continue
        round_ = by_round[filled.meta["round"]]
        segments = {i: by_id[i].segment_on(round_.date) or "" for i in filled.meta["initiatives"]}  # all due
        result = read_reports(filled, segments, cadence, known, round_)
        if not result.problems:
            try:  # what is written must read back; if it does not, that form is not collected, the others may be
                plans, read_back = _plans(root, result, by_round, by_id, lang)
                result = dataclasses.replace(result, plans=plans, reports=read_back)
            except InputError as exc:
                result = dataclasses.replace(result, reports={}, problems=tuple(exc.problems))
        results.append(result)
    clean = [r for r in results if not r.problems]
    failed = [r for r in results if r.problems]
    for result in failed:
        report_problems(result.problems, lang)
    report_problems(unreadable, lang)
    if (failed or unreadable) and not partial:
        count = len(failed) + len(unreadable)
        # --partial is worth naming only when some other form could be collected
        said = N_("status.collect.nothing") if count < len(unique) else N_("status.collect.nothing_all")
        print(text(lang, said, forms=text(lang, "count.forms", count=count)), file=sys.stderr)
        return _status(failed, unreadable)
    planned = [plan for result in clean for plan in result.plans]
    written: list[str] = []
    try:
        for path, content in planned:
            files.make_dirs(os.path.dirname(path), root=root)
            files.write_new(path, content, root=root)
            written.append(path)
    except InputError:
        _remove(written)
        raise
    for path in written:
        print(path)
    _summary(clean, loaded, by_round, lang)
    if failed or unreadable:
        left = ", ".join([r.filled.path for r in failed] + sorted({p.path.split(":")[0] for p in unreadable}))
        print(text(lang, "status.collect.left", number=len(failed) + len(unreadable), files=left), file=sys.stderr)
    return _status(failed, unreadable)


def _status(failed: list[Collected], unreadable: list[Problem]) -> int:
    """2 when a form could not be read or has a bad cell; 1 when forms were only refused; 0 when all were taken."""
    if unreadable or any(not r.refused for r in failed):
        return USER_ERROR
    return FINDINGS if failed else OK


def _read(path: str, lang: str) -> Filled:
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".docx":
        if not os.path.lexists(path):
            raise InputError([Problem(path, "not_found")])
        return formfiles.read_docx(path, files.read(path, MAX_BYTES), lang)
    if suffix == ".xlsx":
        return formfiles.read_xlsx(path)
    raise InputError([Problem(path, "status.collect.unsupported", {"suffix": suffix or path})])


def _plans(
    root: str, result: Collected, by_round: dict[str, Round], by_id: dict[str, Member], lang: str
) -> tuple[tuple[tuple[str, str], ...], dict[str, StatusReport]]:
    """The status file of each report of a clean form (path and text), and each report as its text reads back: what
    every other command will read, and what the summary judges."""
    filled = result.filled
    round_ = by_round[filled.meta["round"]]
    source = text(
        file_language(lang), "file.status.collected", file=os.path.basename(filled.path), form=filled.meta["form"]
    )
    cadence = load_cadence()
    planned = []
    read_back = {}
    for ident, report in result.reports.items():
        member = by_id[ident]
        segment = member.segment_on(round_.date)
        assert segment is not None
        path = os.path.join(root, STATUS_DIR, round_.id, f"{ident}.yaml")
        content = render(ident, member.initiative, segment, round_, report.date, cadence, lang, report, source)
        data, positions = parse_mapping(path, content)
        read_back[ident] = validate(type(report), data, path, positions)  # what is written can be read back
        planned.append((path, content))
    return tuple(planned), read_back


def _summary(clean: list[Collected], loaded: _Loaded, by_round: dict[str, Round], lang: str) -> None:
    """How many reports were collected, and which of them are incomplete, with what they lack."""
    cadence = load_cadence()
    reports = text(lang, "count.status_reports", count=sum(len(r.reports) for r in clean))
    forms = text(lang, "count.forms", count=len(clean))
    print(text(lang, "status.collect.done", reports=reports, forms=forms), file=sys.stderr)
    by_id = {m.id: m for m in loaded.everyone}
    for result in clean:
        round_ = by_round[result.filled.meta["round"]]
        for ident, report in result.reports.items():
            found = reporting(report, by_id[ident].segment_on(round_.date), cadence, started=True)
            if found.state == "incomplete":
                args = {"id": ident, "missing": missing_words(found.missing, lang), "where": result.places[ident]}
                print(text(lang, "status.collect.incomplete", **args), file=sys.stderr)
