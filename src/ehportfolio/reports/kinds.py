"""The one registry of report kinds: for each, the context class its templates are written against, how its context
is built from the portfolio, and the name of the file it is written to. The command line, the copy of the shipped
templates, the Word layouts and the reference page all take their list of kinds from here."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.reports import contexts
from ehportfolio.reports import template_contexts as tc
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import Portfolio
from ehportfolio.store.validation import closest


@dataclass(frozen=True)
class Request:
    """What a report is asked for: the portfolio, the initiative (a fact sheet), the day, the language, and what a
    kind asks for beyond them (`committee`, `case` and `case_type` for a meeting paper, `year` and `stage` for a
    definition, `from` and `to` for the consequences of a change of checklist version)."""

    portfolio: Portfolio
    ident: str | None = None
    day: datetime.date | None = None
    lang: str = "nb"
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Kind:
    name: str
    context: type[tc.Report]
    build: Callable[[Request], tc.Report]
    stem: Callable[[Any], str]
    """The name of its file, without the extension, from its context."""


def _overview(request: Request) -> tc.Report:
    return contexts.overview(contexts.prepare(request.portfolio, load_cadence(), request.lang, request.day))


def _initiative(request: Request) -> tc.Report:
    portfolio = request.portfolio
    entry = next((e for e in portfolio.entries if e.id == request.ident), None)
    if entry is None:
        known = sorted(e.id for e in portfolio.entries)
        args = {"id": request.ident, "suggestion": closest(str(request.ident), known)}
        raise InputError([Problem(portfolio.root, "unknown_initiative", args)])
    return contexts.initiative(contexts.prepare(portfolio, load_cadence(), request.lang, request.day), entry)


def _meeting(request: Request) -> tc.Report:
    assert request.day is not None, "a meeting paper is for the day of its meeting"
    options = request.options
    committee, case, case_type = options["committee"], options.get("case"), options.get("case_type", "Orientering")
    return contexts.meeting(request.portfolio, load_cadence(), committee, request.day, case, case_type, request.lang)


def _definition(request: Request) -> tc.Report:
    year, stage = request.options["year"], request.options.get("stage") or ""
    return contexts.definition(request.portfolio, load_cadence(), year, request.lang, request.day, stage)


def _consequences(request: Request) -> tc.Report:
    from ehportfolio.features.consequences import consequences
    from ehportfolio.reports.consequences import consequences as context
    from ehportfolio.store.portfolio import checklist_for

    portfolio, options = request.portfolio, request.options
    old = checklist_for(portfolio.context, options["from"]) if options.get("from") else portfolio.checklist
    new = checklist_for(portfolio.context, options["to"])
    found = consequences(((e.id, e.initiative) for e in portfolio.entries), old, new)
    settings = portfolio.context.settings
    return context(found, settings.name if settings else portfolio.root, request.lang)


def _roadmap(request: Request) -> tc.Report:
    from ehportfolio.reports.roadmap import roadmap

    portfolio = request.portfolio
    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    return roadmap(portfolio, load_cadence(), request.options.get("by", "goal"), request.day, request.lang, name)


def _benefits(request: Request) -> tc.Report:
    from ehportfolio.reports.benefits import benefits

    portfolio = request.portfolio
    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    return benefits(portfolio, load_cadence(), request.day, request.lang, name)


def _knowledge(request: Request) -> tc.Report:
    from ehportfolio.reports.knowledge import knowledge

    portfolio = request.portfolio
    settings = portfolio.context.settings
    name = settings.name if settings else portfolio.root
    return knowledge(portfolio, load_cadence(), request.day, request.lang, name)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("overview", tc.Overview, _overview, lambda context: "overview"),
        Kind("initiative", tc.Initiative, _initiative, lambda context: str(context.id)),
        Kind("meeting", tc.Meeting, _meeting, lambda context: f"meeting-{context.round}"),
        Kind(
            "definition",
            tc.Definition,
            _definition,
            lambda context: f"definition-{context.year}" + (f"-{context.stage}" if context.stage else ""),
        ),
        Kind(
            "consequences",
            tc.Consequences,
            _consequences,
            lambda context: f"consequences-{context.from_version}-{context.to_version}",
        ),
        Kind("roadmap", tc.Roadmap, _roadmap, lambda context: "roadmap"),
        Kind("benefits", tc.Benefits, _benefits, lambda context: "benefits"),
        Kind("knowledge", tc.Knowledge, _knowledge, lambda context: "knowledge"),
    )
}
