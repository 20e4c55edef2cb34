"""`ehp report KIND`: a report of the portfolio (overview), of one initiative (a fact sheet), the committee paper for
one meeting (meeting) or the annual portfolio definition (definition), in Markdown, HTML or Word, to standard output or
into a directory."""

from __future__ import annotations

import datetime
import functools
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ehportfolio.cli.commands import FINDINGS, OK, UNREADABLE, not_a_directory, not_a_portfolio, report_problems
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.i18n.messages import text
from ehportfolio.reports.template_contexts import Definition, Meeting, Report
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import Portfolio, load_portfolio
from ehportfolio.store.validation import closest

if TYPE_CHECKING:
    from ehportfolio.reports.render import Renderer

TEMPLATES_DIR = "templates"
SITE_SHEETS = "initiatives"
"""Where a site's fact sheets go, beside its index (so that no id, not even `index`, can take the overview's name)."""


def _fail(lang: str, key: str, **args: Any) -> int:
    print(text(lang, key, **args), file=sys.stderr)
    return UNREADABLE


def _date(value: str | None) -> datetime.date | None | str:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return value


def template_dirs(root: str, templates: str | None) -> list[str] | str:
    """The portfolio's own template directories: --templates, else <portfolio>/templates/ if it is there. A string
    is a --templates directory that does not exist."""
    if templates is not None:
        return [templates] if os.path.isdir(templates) else templates
    own = os.path.join(root, TEMPLATES_DIR)
    return [own] if os.path.isdir(own) else []


def output_path(out: str, name: str) -> str | None:
    """Where a report named `name` goes inside `out`; None when it would land anywhere else."""
    if not name or name in (".", "..") or os.sep in name or (os.altsep and os.altsep in name) or "\0" in name:
        return None
    base = os.path.realpath(out)
    target = os.path.realpath(os.path.join(base, name))
    return target if os.path.dirname(target) == base else None


@dataclass(frozen=True)
class _Setup:
    """What every report starts from: the portfolio read once, the problems found reading it, the report's date and
    the portfolio's own template directories."""

    portfolio: Portfolio
    problems: list[Problem]
    day: datetime.date | None
    dirs: list[str]


def _setup(root: str, date: str | None, templates: str | None, lang: str) -> _Setup | int:
    """The portfolio and options of a report, or the exit status when they cannot be had (the message is printed)."""
    problem = not_a_portfolio(root)
    if problem:
        report_problems([problem], lang)
        return UNREADABLE
    day = _date(date)
    if isinstance(day, str):
        return _fail(lang, "report.bad_date", date=day)
    dirs = template_dirs(root, templates)
    if isinstance(dirs, str):
        return _fail(lang, "report.template_dir", dir=dirs)
    portfolio = load_portfolio(root, statuses=True)
    problems = [*portfolio.problems, *(portfolio.statuses.problems if portfolio.statuses else ())]
    report_problems(problems, lang)
    return _Setup(portfolio, problems, day, dirs)


def run(
    root: str,
    kind: str,
    ident: str | None,
    fmt: str,
    out: str | None,
    date: str | None,
    templates: str | None,
    lang: str,
    options: dict[str, Any] | None = None,
) -> int:
    """Render one report. `options` holds what a kind asks for beyond the common options: `committee`, `case` and
    `case_type` for a meeting paper (whose --date is the meeting's), `year` for a portfolio definition."""
    options = options or {}
    case = options.get("case")
    if case is not None and not re.fullmatch(r"[0-9]{1,4}/[0-9]{2}", case):
        return _fail(lang, "report.meeting.bad_case", case=case)
    if fmt == "docx" and out is None and sys.stdout.isatty():
        return _fail(lang, "report.docx_needs_out")
    setup = _setup(root, date, templates, lang)
    if isinstance(setup, int):
        return setup
    rendered = _render(setup, kind, ident, fmt, lang, options)
    if isinstance(rendered, int):
        return rendered
    context, content = rendered
    if out is None:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return FINDINGS if setup.problems else OK
    from ehportfolio.reports.render import EXTENSIONS

    name = f"{_file_stem(kind, ident, context)}.{EXTENSIONS[fmt]}"
    failed = _write(out, name, content, lang)
    if failed is not None:
        return failed
    print(text(lang, "report.wrote", path=os.path.join(out, name)), file=sys.stderr)
    return FINDINGS if setup.problems else OK


def site(root: str, fmt: str, out: str, date: str | None, templates: str | None, lang: str) -> int:
    """The overview as `index` and a fact sheet for every initiative in `initiatives/`, written together into `out`
    and linked to each other: the overview's names lead to the fact sheets, a fact sheet's dependencies to theirs,
    and each back to the overview. The state of the portfolio is computed once and every page renders from one
    environment."""
    setup = _setup(root, date, templates, lang)
    if isinstance(setup, int):
        return setup
    from ehportfolio.reports import contexts
    from ehportfolio.reports.render import EXTENSIONS, Renderer

    shared = contexts.prepare(setup.portfolio, load_cadence(), lang, setup.day)
    renderer = Renderer(setup.dirs)
    entries = sorted(setup.portfolio.entries, key=lambda e: e.id)
    rendered = _rendered(renderer, "overview", fmt, lang, functools.partial(contexts.overview, shared, links=True))
    if isinstance(rendered, int):
        return rendered
    failed = _write(out, f"index.{EXTENSIONS[fmt]}", rendered[1], lang)  # index: the page a web server shows first
    if failed is not None:
        return failed
    for entry in entries:
        sheet = functools.partial(contexts.initiative, shared, entry, links=True)
        page = _rendered(renderer, "initiative", fmt, lang, sheet)
        if isinstance(page, int):
            return page
        failed = _write(os.path.join(out, SITE_SHEETS), f"{entry.id}.{EXTENSIONS[fmt]}", page[1], lang)
        if failed is not None:
            return failed
    print(text(lang, "report.site.wrote", count=len(entries), dir=out), file=sys.stderr)
    return FINDINGS if setup.problems else OK


def _render(
    setup: _Setup, kind: str, ident: str | None, fmt: str, lang: str, options: dict[str, Any]
) -> tuple[Report, str | bytes] | int:
    """The context and the rendered report, or the exit status of a refusal (the message is printed)."""
    from ehportfolio.reports.render import Renderer

    def build() -> Report | Problem:
        return _context(setup.portfolio, kind, ident, setup.day, lang, options)

    return _rendered(Renderer(setup.dirs), kind, fmt, lang, build)


def _rendered(
    renderer: Renderer, kind: str, fmt: str, lang: str, build: Callable[[], Report | Problem]
) -> tuple[Report, str | bytes] | int:
    """The context `build` makes and the report rendered from it, or the exit status of a refusal (the message is
    printed)."""
    from ehportfolio.reports.contexts import ReportRefusal
    from ehportfolio.reports.render import TemplateFailure

    try:
        context = build()
    except ReportRefusal as exc:
        return _fail(lang, exc.code, **exc.args_)
    if isinstance(context, Problem):
        report_problems([context], lang)
        return UNREADABLE
    try:
        return context, renderer.render(kind, fmt, context)
    except TemplateFailure as exc:
        return _fail(lang, exc.code, **exc.args_)


def _write(out: str, name: str, content: str | bytes, lang: str) -> int | None:
    """Write a report named `name` into `out`; the exit status when it cannot be (the message is printed)."""
    from ehportfolio.store.writer import write_file

    if os.path.exists(out) and not os.path.isdir(out):
        report_problems([not_a_directory(out)], lang)
        return UNREADABLE
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        return _fail(lang, "report.out_failed", path=out, error=exc.strerror or str(exc))
    path = output_path(out, name)
    if path is None:
        return _fail(lang, "report.out_outside", path=os.path.join(out, name), dir=out)
    try:
        write_file(path, content)
    except InputError as exc:
        report_problems(exc.problems, lang)
        return UNREADABLE
    return None


def _file_stem(kind: str, ident: str | None, context: Report) -> str:
    """`<id>` for a fact sheet, `meeting-<round>` for a meeting paper, `definition-<year>`, else the kind."""
    if kind == "initiative":
        return str(ident)
    if isinstance(context, Meeting):
        return f"meeting-{context.round}"
    if isinstance(context, Definition):
        return f"definition-{context.year}"
    return kind


def _context(
    portfolio: Portfolio,
    kind: str,
    ident: str | None,
    day: datetime.date | None,
    lang: str,
    options: dict[str, Any],
) -> Report | Problem:
    from ehportfolio.reports import contexts as reports

    if kind == "overview":
        return reports.overview(reports.prepare(portfolio, load_cadence(), lang, day))
    if kind == "meeting":
        assert day is not None
        return reports.meeting(
            portfolio,
            load_cadence(),
            options["committee"],
            day,
            options.get("case"),
            options.get("case_type", "Orientering"),
            lang,
        )
    if kind == "definition":
        return reports.definition(portfolio, load_cadence(), options["year"], lang, day)
    assert ident is not None
    entry = next((e for e in portfolio.entries if e.id == ident), None)
    if entry is None:
        known = sorted(e.id for e in portfolio.entries)
        return Problem(portfolio.root, "unknown_initiative", {"id": ident, "suggestion": closest(ident, known)})
    return reports.initiative(reports.prepare(portfolio, load_cadence(), lang, day), entry)


def copy_templates(root: str, fmt: str, templates: str | None, lang: str) -> int:
    """Copy the shipped templates of one format into the portfolio's own template directory (--templates, else
    <portfolio>/templates/), as the starting point for its own layout. A file that is there is never overwritten."""
    from ehportfolio.reports.render import KINDS, template_name
    from ehportfolio.store.templates import template_dir
    from ehportfolio.store.writer import write_new

    problem = not_a_portfolio(root) if templates is None else None
    if problem:
        report_problems([problem], lang)
        return UNREADABLE
    target = os.path.join(templates or os.path.join(root, TEMPLATES_DIR), "reports")
    try:
        os.makedirs(target, exist_ok=True)
    except OSError as exc:
        return _fail(lang, "report.out_failed", path=target, error=exc.strerror or str(exc))
    kept = 0
    for kind in KINDS:
        name = template_name(kind, fmt)
        path = os.path.join(target, os.path.basename(name))
        with open(os.path.join(template_dir(), name), "rb") as handle:
            content = handle.read()
        try:
            write_new(path, content)
        except InputError as exc:
            report_problems(exc.problems, lang)
            if all(p.code == "exists" for p in exc.problems):
                kept += 1
                continue
            return UNREADABLE
        print(text(lang, "report.wrote", path=path), file=sys.stderr)
    return FINDINGS if kept else OK
