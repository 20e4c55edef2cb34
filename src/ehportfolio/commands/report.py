"""`ehp report KIND`: a report of the portfolio (overview), of one initiative (a fact sheet), the committee paper for
one meeting (meeting) or the annual portfolio definition (definition), in Markdown, HTML or Word, to standard output or
into a directory."""

from __future__ import annotations

import datetime
import os
import re
import sys
from typing import Any

from ..cadence import load_cadence
from ..messages import text
from ..portfolio import SETTINGS_FILE, Portfolio, load_portfolio
from ..problems import InputError, Problem
from ..validation import closest
from . import FINDINGS, OK, UNREADABLE, not_a_directory, report_problems

TEMPLATES_DIR = "templates"


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
    if not os.path.isdir(root):
        report_problems([not_a_directory(root)], lang)
        return UNREADABLE
    if not os.path.isfile(os.path.join(root, SETTINGS_FILE)):
        report_problems([Problem(root, "status.not_portfolio")], lang)
        return UNREADABLE
    day = _date(date)
    if isinstance(day, str):
        return _fail(lang, "report.bad_date", date=day)
    options = options or {}
    case = options.get("case")
    if case is not None and not re.fullmatch(r"[0-9]{1,4}/[0-9]{2}", case):
        return _fail(lang, "report.meeting.bad_case", case=case)
    if fmt == "docx" and out is None and sys.stdout.isatty():
        return _fail(lang, "report.docx_needs_out")
    dirs = template_dirs(root, templates)
    if isinstance(dirs, str):
        return _fail(lang, "report.template_dir", dir=dirs)
    portfolio = load_portfolio(root, statuses=True)
    problems = [*portfolio.problems, *(portfolio.statuses.problems if portfolio.statuses else ())]
    report_problems(problems, lang)
    from ..reports import ReportRefusal

    try:
        context = _context(portfolio, kind, ident, day, lang, options)
    except ReportRefusal as exc:
        return _fail(lang, exc.code, **exc.args_)
    if isinstance(context, Problem):
        report_problems([context], lang)
        return UNREADABLE
    from ..formats.report import EXTENSIONS, TemplateFailure, render

    try:
        rendered = render(kind, fmt, context, dirs)
    except TemplateFailure as exc:
        return _fail(lang, exc.code, **exc.args_)
    if out is None:
        if isinstance(rendered, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(rendered)
        else:
            sys.stdout.write(rendered)
        return FINDINGS if problems else OK
    name = f"{_file_stem(kind, ident, context)}.{EXTENSIONS[fmt]}"
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        return _fail(lang, "report.out_failed", path=out, error=exc.strerror or str(exc))
    path = output_path(out, name)
    if path is None:
        return _fail(lang, "report.out_outside", path=os.path.join(out, name), dir=out)
    from ..writer import write_file

    try:
        write_file(path, rendered)
    except InputError as exc:
        report_problems(exc.problems, lang)
        return UNREADABLE
    print(text(lang, "report.wrote", path=os.path.join(out, name)), file=sys.stderr)
    return FINDINGS if problems else OK


def _file_stem(kind: str, ident: str | None, context: dict[str, Any]) -> str:
    """`<id>` for a fact sheet, `meeting-<round>` for a meeting paper, `definition-<year>`, else the kind."""
    if kind == "initiative":
        return str(ident)
    if kind == "meeting":
        return f"meeting-{context['round']}"
    if kind == "definition":
        return f"definition-{context['year']}"
    return kind


def _context(
    portfolio: Portfolio,
    kind: str,
    ident: str | None,
    day: datetime.date | None,
    lang: str,
    options: dict[str, Any],
) -> dict[str, Any] | Problem:
    from .. import reports

    if kind == "overview":
        return reports.overview(portfolio, lang, day)
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
    return reports.initiative(portfolio, entry, load_cadence(), lang, day)


TEMPLATE_SUFFIXES = {"markdown": ".md.j2", "html": ".html.j2", "docx": ".docx"}
KINDS = ("overview", "initiative", "meeting", "definition")


def copy_templates(root: str, fmt: str, templates: str | None, lang: str) -> int:
    """Copy the shipped templates of one format into the portfolio's own template directory (--templates, else
    <portfolio>/templates/), as the starting point for its own layout. A file that is there is never overwritten."""
    from ..templating import template_dir
    from ..writer import write_new

    if templates is None and not os.path.isdir(root):
        report_problems([not_a_directory(root)], lang)
        return UNREADABLE
    if templates is None and not os.path.isfile(os.path.join(root, SETTINGS_FILE)):
        report_problems([Problem(root, "status.not_portfolio")], lang)
        return UNREADABLE
    target = os.path.join(templates or os.path.join(root, TEMPLATES_DIR), "reports")
    try:
        os.makedirs(target, exist_ok=True)
    except OSError as exc:
        return _fail(lang, "report.out_failed", path=target, error=exc.strerror or str(exc))
    kept = 0
    for kind in KINDS:
        name = f"{kind}{TEMPLATE_SUFFIXES[fmt]}"
        path = os.path.join(target, name)
        with open(os.path.join(template_dir(), "reports", name), "rb") as handle:
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
