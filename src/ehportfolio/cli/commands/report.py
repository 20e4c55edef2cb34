"""`ehp report KIND`: a report of the portfolio (overview), of one initiative (a fact sheet), the committee paper for
one meeting (meeting) or the annual portfolio definition (definition), in Markdown, HTML or Word, to standard output or
into a directory."""

from __future__ import annotations

import datetime
import os
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ehportfolio.cli.commands import day_of, not_a_directory, not_a_portfolio, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.domain.errors import UserError
from ehportfolio.domain.problems import FileRefused, InputError, Problem
from ehportfolio.i18n.messages import text
from ehportfolio.reports.template_contexts import Report
from ehportfolio.store import files
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import Portfolio, load_portfolio

if TYPE_CHECKING:
    pass

TEMPLATES_DIR = "templates"
SITE_SHEETS = "initiatives"
"""Where a site's fact sheets go, beside its index (so that no id, not even `index`, can take the overview's name)."""
KNOWLEDGE = "kunnskapsbank"
"""The name of a site's knowledge bank page, beside its index."""


def _date(value: str | None) -> datetime.date | None:
    try:
        return day_of(value)
    except ValueError:
        raise UserError("report.bad_date", date=value) from None


def template_dirs(root: str, templates: str | None) -> list[str]:
    """The portfolio's own template directories: --templates, else <portfolio>/templates/ if it is there. A user
    error when --templates names a directory that does not exist."""
    if templates is not None:
        if not os.path.isdir(templates):
            raise UserError("report.template_dir", dir=templates)
        return [templates]
    own = os.path.join(root, TEMPLATES_DIR)
    if os.path.lexists(own) and not files.inside(root, own):
        raise FileRefused("link_outside", own, root=root, target=os.path.realpath(own))
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


def _setup(root: str, date: str | None, templates: str | None, lang: str) -> _Setup:
    """The portfolio and options of a report; a user error when they cannot be had."""
    problem = not_a_portfolio(root)
    if problem:
        raise InputError([problem])
    day = _date(date)
    dirs = template_dirs(root, templates)
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
    out = None if out == files.STDOUT else out  # `-` is standard output, as for export, never a directory named "-"
    case = options.get("case")
    if case is not None and not re.fullmatch(r"[0-9]{1,4}/[0-9]{2}", case):
        raise UserError("report.meeting.bad_case", case=case)
    if fmt == "docx" and out is None and sys.stdout.isatty():
        raise UserError("report.docx_needs_out")
    setup = _setup(root, date, templates, lang)
    context, content = _render(setup, kind, ident, fmt, lang, options)
    if out is None:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return FINDINGS if setup.problems else OK
    from ehportfolio.reports.kinds import KINDS
    from ehportfolio.reports.render import EXTENSIONS

    name = f"{KINDS[kind].stem(context)}.{EXTENSIONS[fmt]}"
    _write(out, name, content)
    print(text(lang, "report.wrote", path=os.path.join(out, name)), file=sys.stderr)
    return FINDINGS if setup.problems else OK


def site(root: str, fmt: str, out: str, date: str | None, templates: str | None, lang: str) -> int:
    """The overview as `index`, the roadmap as `roadmap`, the knowledge bank as `kunnskapsbank` and a fact sheet for
    every initiative in `initiatives/`, written together into `out` and linked to each other: the overview leads to
    the roadmap and the knowledge bank, their names to the fact sheets, a fact sheet's dependencies to theirs, and
    each back to the overview. The state of the portfolio is computed once and every page renders from one
    environment."""
    if out == files.STDOUT:
        raise UserError("report.site_needs_out")
    setup = _setup(root, date, templates, lang)
    from ehportfolio.reports import contexts
    from ehportfolio.reports.knowledge import knowledge
    from ehportfolio.reports.render import EXTENSIONS, Renderer
    from ehportfolio.reports.roadmap import roadmap

    shared = contexts.prepare(setup.portfolio, load_cadence(), lang, setup.day)  # the state, computed once
    renderer = Renderer(setup.dirs)  # one Jinja environment for every page
    entries = sorted(setup.portfolio.entries, key=lambda e: e.id)
    sheets = os.path.join(out, SITE_SHEETS)
    pages = [(out, f"{page}.{EXTENSIONS[fmt]}") for page in ("index", "roadmap", KNOWLEDGE)]
    pages += [(sheets, f"{e.id}.{EXTENSIONS[fmt]}") for e in entries]
    _check_site(out, pages)  # every page's place, before the first is written: a refused site writes nothing
    index = renderer.render("overview", fmt, contexts.overview(shared, links=True))
    _write(out, f"index.{EXTENSIONS[fmt]}", index)  # index: the page a web server shows first
    plans = roadmap(setup.portfolio, shared.cadence, "goal", setup.day, lang, shared.name, links=True)
    _write(out, f"roadmap.{EXTENSIONS[fmt]}", renderer.render("roadmap", fmt, plans), sync_folder=False)
    bank = knowledge(setup.portfolio, shared.cadence, setup.day, lang, shared.name, links=True)
    _write(out, f"{KNOWLEDGE}.{EXTENSIONS[fmt]}", renderer.render("knowledge", fmt, bank), sync_folder=False)
    for entry in entries:
        page = renderer.render("initiative", fmt, contexts.initiative(shared, entry, links=True))
        # every path is checked against --out itself, so that no link inside it leads anywhere else
        _write(sheets, f"{entry.id}.{EXTENSIONS[fmt]}", page, root=out, sync_folder=False)
    files.sync_directory(sheets)  # once, not once a page: each page is still written whole or not at all
    files.sync_directory(out)  # and the entry of the sheets' directory
    print(text(lang, "report.site.wrote", count=len(entries), dir=out), file=sys.stderr)
    return FINDINGS if setup.problems else OK


def _check_site(out: str, pages: list[tuple[str, str]]) -> None:
    """Refuse a site whose pages cannot all be written inside `out`: a folder or page that is a link out of it, or
    something there that is not a regular file."""
    if os.path.exists(out) and not os.path.isdir(out):
        raise InputError([not_a_directory(out)])
    for folder, name in pages:
        if os.path.lexists(folder) and not (os.path.isdir(folder) and files.inside(out, folder)):
            raise FileRefused("link_outside", folder, root=out, target=os.path.realpath(folder))
        path = os.path.join(folder, name)
        if os.path.lexists(path):
            if output_path(folder, name) is None:
                raise UserError("report.out_outside", path=path, dir=out)
            files.target(path, root=out)


def _render(
    setup: _Setup, kind: str, ident: str | None, fmt: str, lang: str, options: dict[str, Any]
) -> tuple[Report, str | bytes]:
    """The context and the rendered report; a user error (ReportRefusal, TemplateFailure) when it cannot be made."""
    from ehportfolio.reports.kinds import KINDS, Request
    from ehportfolio.reports.render import Renderer

    context = KINDS[kind].build(Request(setup.portfolio, ident, setup.day, lang, options))
    return context, Renderer(setup.dirs).render(kind, fmt, context)


def _write(out: str, name: str, content: str | bytes, root: str | None = None, *, sync_folder: bool = True) -> None:
    """Write a report named `name` into `out`, every path resolved staying inside `root` (default `out`); a user
    error when it cannot be. With `sync_folder` false the caller syncs `out` itself, once for many files."""
    root = root or out
    if os.path.exists(out) and not os.path.isdir(out):
        raise InputError([not_a_directory(out)])
    files.make_dirs(out, root=root)
    path = output_path(out, name)
    if path is None:
        raise UserError("report.out_outside", path=os.path.join(out, name), dir=out)
    files.write_file(path, content, root=root, sync_folder=sync_folder)


def copy_templates(root: str, fmt: str, templates: str | None, lang: str) -> int:
    """Copy the shipped templates of one format into the portfolio's own template directory (--templates, else
    <portfolio>/templates/), as the starting point for its own layout. A file that is there is never overwritten."""
    from ehportfolio.reports.kinds import KINDS
    from ehportfolio.reports.render import template_name
    from ehportfolio.store.templates import template_dir

    problem = not_a_portfolio(root) if templates is None else None
    if problem:
        report_problems([problem], lang)
        return USER_ERROR
    within = templates or root
    target = os.path.join(templates or os.path.join(root, TEMPLATES_DIR), "reports")
    files.make_dirs(target, root=within)
    kept = 0
    for kind in KINDS:
        name = template_name(kind, fmt)
        path = os.path.join(target, os.path.basename(name))
        with open(os.path.join(template_dir(), name), "rb") as handle:
            content = handle.read()
        try:
            files.write_new(path, content, root=within)
        except InputError as exc:
            report_problems(exc.problems, lang)
            if all(p.code == "exists" for p in exc.problems):
                kept += 1
                continue
            return USER_ERROR
        print(text(lang, "report.wrote", path=path), file=sys.stderr)
    return FINDINGS if kept else OK
