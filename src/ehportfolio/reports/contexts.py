"""What each report shows, as typed data: the one place where a report's context is built from the portfolio.

Pure: no files, no clock, no Jinja. Templates receive only the frozen classes of template_contexts.py (text, numbers,
booleans, tuples and the texts mapping; never model objects), so that a portfolio's own templates see a small,
documented surface (docs/report-contexts.md). The texts come from messages.py in the report's language; user text
(names, owners, reasons) is passed as it is, and each format escapes it.

A site renders the overview and every fact sheet from one `Shared`: the members, their states, the indexes of names,
reverse dependencies, status reports and dependency pairs, the rounds and the texts are computed once, so that a
fact sheet costs the same in a portfolio of ten initiatives as in one of ten thousand.
"""

from __future__ import annotations

import datetime
import re
import shlex
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ehportfolio.domain.cadence import Cadence, Done
from ehportfolio.domain.errors import UserError
from ehportfolio.domain.fieldtypes import OUT, SEGMENTS
from ehportfolio.domain.goals import goals_of, known_codes, main_goal
from ehportfolio.domain.lifecycle import SEGMENT_KINDS
from ehportfolio.domain.models import Initiative, Solution, StatusReport
from ehportfolio.domain.state import FINISHED, MEMBER, PROPOSED, WITHDRAWN, State, Transition, transitions
from ehportfolio.features import agenda, exceptions
from ehportfolio.features.assessment import assess
from ehportfolio.features.calendar import (
    ExampleRounds,
    Member,
    Reporting,
    Round,
    example_labels,
    members,
    reported_by,
    reporting,
    rounds,
    survey,
)
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import (
    STATUS_FIELD_WORDS,
    STRENGTH_WORDS,
    cycle_stage_name,
    example_notice,
    missing_words,
    segment_name,
    stage_name,
    status_name,
    text,
)
from ehportfolio.reports import template_contexts as tc
from ehportfolio.reports.cycle import CASE_TYPES, Paper, dating, proposal
from ehportfolio.reports.money import money
from ehportfolio.store.portfolio import Entry, Portfolio
from ehportfolio.store.validation import closest

GRAPH_LIMIT = 80
"""The largest dependency graph a report draws; a bigger one is left to the fact sheets."""

INACTIVE = "inactive"
APART = (PROPOSED, OUT, INACTIVE)
"""The groups of an overview outside the segments: proposals, initiatives decided out, finished or withdrawn ones."""

Pair = tuple[str, str, str]
"""A dependency: who depends, on what, how strongly."""


GROUP_TITLES = {
    "proposed": N_("report.group.proposed"),
    "out": N_("report.group.out"),
    "inactive": N_("report.group.inactive"),
}
STATE_WORDS = {
    "grønn": N_("report.state.grønn"),
    "gul": N_("report.state.gul"),
    "rød": N_("report.state.rød"),
    "reported": N_("report.state.reported"),
    "incomplete": N_("report.state.incomplete"),
    "not_reported": N_("report.state.not_reported"),
    "not_started": N_("report.state.not_started"),
}
"""Where a report stands (features.calendar.REPORT_STATES), a complete one by its colour when it has one, in words."""
EVENT_KINDS = {
    "decision": N_("report.kind.decision"),
    "move": N_("report.kind.move"),
    "status": N_("report.kind.status"),
    "priority": N_("report.kind.priority"),
}
"""The kinds of a history entry, in words."""
PROPOSALS = {
    "Orientering": N_("report.meeting.proposal.Orientering"),
    "Drøfting": N_("report.meeting.proposal.Drøfting"),
    "Beslutning": N_("report.meeting.proposal.Beslutning"),
    "Godkjenning": N_("report.meeting.proposal.Godkjenning"),
}
"""The draft decision of a meeting paper by its case type."""


@dataclass(frozen=True)
class FocusName:
    name: str
    truncated: bool


def _focus_names(portfolio: Portfolio) -> dict[str, FocusName]:
    """The name of every code of the taxonomy, goals and sub-goals."""
    return {code: FocusName(k.name, k.truncated) for code, k in known_codes(portfolio.context.taxonomy).items()}


def _goals(initiative: Initiative, focus: dict[str, FocusName]) -> tuple[tc.Goal, ...]:
    """Every goal it names, main goal first, with its name from the taxonomy."""
    out = []
    for index, code in enumerate(goals_of(initiative)):
        known = focus.get(code)
        name, truncated = (known.name, known.truncated) if known else ("", False)
        out.append(tc.Goal(code=code, name=name, truncated=truncated, known=known is not None, main=index == 0))
    return tuple(out)


@dataclass(frozen=True)
class SolutionName:
    """An entry of the register of national solutions as a report shows it: its name in the report's language and
    its kind."""

    name: str
    kind: str


def _solution_names(portfolio: Portfolio, lang: str) -> dict[str, SolutionName]:
    """The register's entries by id, named in `lang` (bokmål where the register gives no other name); an id that is
    also an initiative's is left out, since a dependency on it means the initiative (`ehp check` reports the clash)."""
    ids = {entry.id for entry in portfolio.entries}
    return {
        solution.id: SolutionName(_in_language(solution, lang), solution.kind)
        for solution in portfolio.context.solutions
        if solution.id not in ids
    }


def _in_language(solution: Solution, lang: str) -> str:
    other = {"nn": solution.name_nn, "en": solution.name_en}.get(lang)
    return other or solution.name


SOLUTION_KINDS = {
    "national_solution": N_("report.solution_kind.national_solution"),
    "shared_epj": N_("report.solution_kind.shared_epj"),
}


def _portfolio_name(portfolio: Portfolio) -> str:
    settings = portfolio.context.settings
    return settings.name if settings else portfolio.root


@dataclass(frozen=True)
class Shared:
    """What the overview and every fact sheet of one run read, computed once from the portfolio: the members (by
    id), their states on the report's date, who depends on whom (both ways), the status reports by initiative, the
    rounds that count, the focus areas' names and the texts."""

    portfolio: Portfolio
    cadence: Cadence
    lang: str
    date: datetime.date | None
    name: str
    focus: dict[str, FocusName]
    everyone: list[Member]
    by_id: dict[str, Member]
    names: dict[str, str]
    solutions: dict[str, SolutionName]
    """The entries of the register of national solutions a dependency may name, by id."""
    states: dict[str, State]
    depended_by: dict[str, list[tuple[Member, str]]]
    """For each id, who depends on it and how strongly, in the order of `everyone` and their files."""
    pairs: dict[str, set[Pair]]
    """For each id, the dependencies it is in, either way."""
    all_pairs: list[Pair]
    """Every dependency, sorted."""
    held: list[Round]
    reports: dict[str, dict[str, StatusReport]]
    """For each id, its status reports by round."""
    unread: dict[str, set[str]]
    """For each id, the rounds where its status file could not be read."""
    started: set[str]
    """The rounds someone has reported to."""


def prepare(portfolio: Portfolio, cadence: Cadence, lang: str, date: datetime.date | None) -> Shared:
    """Everything the overview and the fact sheets share, for one portfolio, language and date."""
    everyone = members(portfolio)
    depended_by: dict[str, list[tuple[Member, str]]] = {}
    pairs: dict[str, set[Pair]] = {}
    for member in everyone:
        for dependency in member.initiative.dependencies:
            depended_by.setdefault(dependency.id, []).append((member, dependency.strength))
            pair = (member.id, dependency.id, dependency.strength)
            pairs.setdefault(member.id, set()).add(pair)
            pairs.setdefault(dependency.id, set()).add(pair)
    statuses = portfolio.statuses
    settings = portfolio.context.settings
    reports: dict[str, dict[str, StatusReport]] = {}
    unread: dict[str, set[str]] = {}
    held_rounds: list[Round] = []
    started: set[str] = set()
    if statuses is not None and settings is not None:
        for entry in statuses.entries:
            reports.setdefault(entry.id, {})[entry.round] = entry.report
        for round_name, ident in statuses.unread:
            unread.setdefault(ident, set()).add(round_name)
        # a paper on a date reads the reports dated on or before it: a round whose meeting is later than the date
        # counts as started only when one of those has come in
        dated = reported_by(date)
        found = rounds(settings.calendar, cadence)
        later = {r.id for r in found if date is not None and r.date > date}
        started = {e.round for e in statuses.entries if dated(e)} | (statuses.started() - later)
        held_rounds = held(found, started, date)
    return Shared(
        portfolio=portfolio,
        cadence=cadence,
        lang=lang,
        date=date,
        name=_portfolio_name(portfolio),
        focus=_focus_names(portfolio),
        everyone=everyone,
        by_id={m.id: m for m in everyone},
        names={m.id: m.initiative.name for m in everyone},
        solutions=_solution_names(portfolio, lang),
        states={m.id: m.state(date) for m in everyone},
        depended_by=depended_by,
        pairs=pairs,
        all_pairs=sorted({p for found in pairs.values() for p in found}),
        held=held_rounds,
        reports=reports,
        unread=unread,
        started=started,
    )


def examples(found: ExampleRounds, lang: str) -> tc.Examples:
    """What a paper says of the rounds whose reports it shows and that hold example data (example_labels): all of
    their reports, or only some."""
    return tc.Examples(
        rounds=found.labels, partly=found.partly, notice=example_notice(found.labels, lang, found.partly)
    )


def _group(state: State) -> str:
    """The overview group of an initiative: its segment when it is a member, else one of APART."""
    if state.stage == MEMBER and state.segment:
        return state.segment
    return INACTIVE if state.stage in (FINISHED, WITHDRAWN) else state.stage


def _row(member: Member, state: State, focus: dict[str, FocusName], lang: str) -> tc.Row:
    initiative = member.initiative
    code = main_goal(initiative)
    known = focus.get(code)
    return tc.Row(
        id=member.id,
        name=initiative.name,
        owner=initiative.owner,
        focus_area=code,
        focus_name=known.name if known else "",
        goals=", ".join(goals_of(initiative)),
        segment=state.segment or "",
        segment_name=segment_name(state.segment) if state.segment else "",
        stage=state.stage,
        stage_name=stage_name(state.stage, lang),
    )


def graph(
    names: Mapping[str, str],
    pairs: Iterable[Pair],
    ids: set[str] | None = None,
    solutions: Mapping[str, SolutionName] | None = None,
) -> tc.Graph:
    """The dependency graph of `pairs` as nodes and edges, with the initiatives `ids` as nodes even without a
    dependency; `names` gives the known initiatives' names, and `solutions` the national solutions' (a node of its
    own kind). Node ids are generated (`n0`, `n1`, …) so that no name or id reaches a diagram's syntax; `layer` is the
    length of the longest chain of dependencies below a node, for a layered drawing."""
    chosen_pairs = sorted(pairs)
    chosen = sorted({p[0] for p in chosen_pairs} | {p[1] for p in chosen_pairs} | (ids or set()))
    if len(chosen) > GRAPH_LIMIT:
        return tc.Graph(nodes=(), edges=(), too_large=len(chosen))
    key = {ident: f"n{index}" for index, ident in enumerate(chosen)}
    below: dict[str, list[str]] = {ident: [] for ident in chosen}
    for source, target, _ in chosen_pairs:
        below[source].append(target)
    layers: dict[str, int] = {}

    def layer(ident: str, seen: frozenset[str]) -> int:
        if ident not in layers:
            targets = [t for t in below[ident] if t not in seen]  # a cycle (ehp check reports it) is cut
            layers[ident] = 1 + max((layer(t, seen | {ident}) for t in targets), default=-1)
        return layers[ident]

    register = {ident: found for ident, found in (solutions or {}).items() if ident not in names}
    nodes = tuple(
        tc.Node(
            key=key[ident],
            id=ident,
            name=names[ident] if ident in names else register[ident].name if ident in register else ident,
            known=ident in names or ident in register,
            layer=layer(ident, frozenset()),
            kind=register[ident].kind if ident in register else "initiative",
        )
        for ident in chosen
    )
    edges = tuple(tc.Edge(from_=key[s], to=key[t], strength=strength) for s, t, strength in chosen_pairs)
    return tc.Graph(nodes=nodes, edges=edges, too_large=0, solutions=any(n.kind != "initiative" for n in nodes))


def _owners(owners: dict[str, Counter[str]]) -> tuple[tc.OwnerRow, ...]:
    """Counts by owner, most first, with the count in each segment."""
    return tuple(
        tc.OwnerRow(owner=owner, count=sum(c.values()), segments=tuple(c.get(s, 0) for s in SEGMENTS))
        for owner, c in sorted(owners.items(), key=lambda item: (-sum(item[1].values()), item[0].casefold()))
    )


def _focus_row(code: str, focus: dict[str, FocusName], count: int) -> dict[str, Any]:
    known = focus.get(code)
    return {
        "code": code,
        "name": known.name if known else "",
        "truncated": bool(known and known.truncated),
        "known": known is not None,
        "count": count,
    }


def overview(shared: Shared, links: bool = False) -> tc.Overview:
    """Table 5.2 of the report: every initiative by segment, with counts, and counts by owner and focus area."""
    lang, states, everyone = shared.lang, shared.states, shared.everyone
    groups: dict[str, list[tc.Row]] = {key: [] for key in (*SEGMENTS, *APART)}
    for member in everyone:
        groups[_group(states[member.id])].append(_row(member, states[member.id], shared.focus, lang))
    for rows in groups.values():
        rows.sort(key=lambda r: (r.focus_area, r.name.casefold(), r.id))
    titles = {s: segment_name(s) for s in SEGMENTS}
    titles.update({key: text(lang, GROUP_TITLES[key]) for key in APART})
    segments = tuple(tc.Group(key=s, name=titles[s], count=len(groups[s]), rows=tuple(groups[s])) for s in SEGMENTS)
    apart = tuple(
        tc.Group(key=key, name=titles[key], count=len(groups[key]), rows=tuple(groups[key]))
        for key in APART
        if groups[key]
    )
    active = [m for m in everyone if states[m.id].stage == MEMBER]
    owners: dict[str, Counter[str]] = {}
    for member in active:
        owners.setdefault(member.initiative.owner, Counter())[states[member.id].segment or ""] += 1
    areas = Counter(main_goal(m.initiative) for m in active)
    by_focus = tuple(tc.FocusRow(**_focus_row(code, shared.focus, count)) for code, count in sorted(areas.items()))
    counts = ", ".join(f"{segment_name(s)} {len(groups[s])}" for s in SEGMENTS)
    drawn = graph(shared.names, shared.all_pairs, solutions=shared.solutions)
    shown = {m.id: _shown(m, shared) for m in active}
    status = tuple(
        group
        for s in SEGMENTS
        if (group := _status_group(s, [m for m in active if states[m.id].segment == s], shared, shown)).rows
    )
    return tc.Overview(
        kind="overview",
        lang=lang,
        title=text(lang, "report.overview.title", name=shared.name),
        portfolio=shared.name,
        date=shared.date.isoformat() if shared.date else "",
        total=len(active),
        summary=text(lang, "report.total", count=len(active), segments=counts),
        segment_names=tuple(segment_name(s) for s in SEGMENTS),
        segments=segments,
        apart=apart,
        by_owner=_owners(owners),
        by_focus=by_focus,
        graph=drawn,
        too_large=text(lang, "report.graph.too_large", count=drawn.too_large),
        generated=text(lang, "report.generated", name=shared.name),
        links=links,
        status=status,
        subjects=_subjects(active, shared, shown),
        examples=examples(example_labels(shared.held, shared.portfolio.statuses, reported_by(shared.date)), lang),
    )


def _status_group(
    segment: str, group: list[Member], shared: Shared, shown: Mapping[str, list[Shown]]
) -> tc.StatusGroup:
    """A segment's members with their state at each round shown (`trend`), as a table with a column per round."""
    lang = shared.lang
    found = {m.id: trend(m, shared, shown[m.id]) for m in group}
    used = {row.round for rows in found.values() for row in rows}
    columns = [r for r in shared.held if r.id in used]
    lines = []
    for member in sorted(group, key=lambda m: (m.initiative.name.casefold(), m.id)):
        if not found[member.id]:
            continue
        by_round = {row.round: row for row in found[member.id]}
        marks = tuple(
            tc.Mark(
                round=r.id,
                meeting=r.label,
                state=by_round[r.id].state if r.id in by_round else "",
                state_text=by_round[r.id].state_text if r.id in by_round else "",
                missing=by_round[r.id].missing if r.id in by_round else "",
            )
            for r in columns
        )
        lines.append(
            tc.StatusLine(id=member.id, name=member.initiative.name, owner=member.initiative.owner, marks=marks)
        )
    cadence = shared.cadence.segments[segment]
    return tc.StatusGroup(
        segment=segment,
        name=segment_name(segment),
        subject=cadence.subject[lang],
        colour="colour" in cadence.required,
        rounds=tuple(r.label for r in columns),
        rows=tuple(lines),
    )


SHORT_LENGTH = 140
"""About how many characters of a text the overview's latest reports show before they cut it."""


def _short(value: str) -> str:
    """A text in short: its first sentence, or its first SHORT_LENGTH characters cut at a word, and `…` when
    anything is left out."""
    flat = " ".join(value.split())
    # a sentence ends after a word of three letters or more, so that "St. Olavs" or "f.eks." does not end one
    sentence = re.match(r".+?\b\w{3,}[.!?](?=\s|$)", flat)
    if sentence and len(sentence.group()) <= SHORT_LENGTH:
        kept = sentence.group()
        return kept if kept == flat else kept + " …"
    if len(flat) <= SHORT_LENGTH:
        return flat
    return flat[: SHORT_LENGTH + 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _first(items: Sequence[str], lang: str) -> str:
    """A list in short: its first item, after the number of items when there are more; empty for none."""
    if len(items) < 2:
        return _short(items[0]) if items else ""
    return text(lang, "report.overview.count_first", count=len(items), first=_short(items[0]))


def _short_dependency(dependency: tc.Dependency, day: datetime.date, done: Done, lang: str) -> tc.ShortDependency:
    """A dependency in short; `passed` when its `by` date is before `day` and its state does not say it is done
    (`done`, the words of the cadence data, as the meeting paper's exceptions read them)."""
    name, state = dependency.name or dependency.id, _short(dependency.state) or "–"
    line = f"{name}: {state}"
    if dependency.by:
        line = text(lang, "report.overview.dependency", name=name, state=state, by=dependency.by)
    return tc.ShortDependency(
        id=dependency.id,
        text=line,
        passed=bool(dependency.by)
        and datetime.date.fromisoformat(dependency.by) < day
        and not done.says_done(dependency.state),
    )


def _short_field(field: tc.ReportField, day: datetime.date, done: Done, lang: str) -> tc.ShortField:
    """A fact sheet's field (`_field`) in short, with each dependency's `by` date against `day`."""
    if field.kind == "risks":
        words = _first([r.risk or "–" for r in field.risks], lang)
    elif field.kind == "list":
        words = _first(field.items, lang)
    else:
        words = field.text if field.kind == "colour" else _short(field.text)
    return tc.ShortField(
        name=field.name,
        label=field.label,
        missing=field.missing,
        text=words,
        colour=field.colour,
        dependencies=tuple(_short_dependency(d, day, done, lang) for d in field.dependencies),
    )


def _subjects(active: list[Member], shared: Shared, shown: Mapping[str, list[Shown]]) -> tuple[tc.SubjectGroup, ...]:
    """Each segment's subject on the overview: the members whose latest round shown (`_shown`) has their report, with
    its fields as the fact sheet builds them (`latest`), in short; grouped by the segment the report was made in."""
    lang = shared.lang
    rows: dict[str, list[tc.SubjectRow]] = {s: [] for s in SEGMENTS}
    for member in sorted(active, key=lambda m: (m.initiative.name.casefold(), m.id)):
        found = shown[member.id]
        if not found or not found[-1].found.filed:
            continue
        last = latest(member, shared, found)
        if last.segment not in rows:
            continue
        day = shared.date or datetime.date.fromisoformat(last.date)
        rows[last.segment].append(
            tc.SubjectRow(
                id=member.id,
                name=member.initiative.name,
                owner=member.initiative.owner,
                round=last.round,
                meeting=last.meeting,
                state=last.state,
                missing=last.missing,
                fields=tuple(_short_field(f, day, shared.cadence.done, lang) for f in last.fields),
            )
        )
    return tuple(
        tc.SubjectGroup(
            segment=s,
            name=segment_name(s),
            subject=shared.cadence.segments[s].subject[lang],
            labels=tuple(
                text(lang, STATUS_FIELD_WORDS[n])
                for n in shared.cadence.segments[s].required
                if n in STATUS_FIELD_WORDS
            ),
            rows=tuple(rows[s]),
        )
        for s in SEGMENTS
        if rows[s]
    )


def held(found: list[Round], started: set[str], date: datetime.date | None) -> list[Round]:
    """The rounds a report counts: those whose meeting is on or before `date`, and those someone has reported to.
    Without a date, only the rounds that have started; a report never reads the clock."""
    return [r for r in found if r.id in started or (date is not None and r.date <= date)]


@dataclass(frozen=True)
class Shown:
    """A round an initiative is shown at: its status report there (None without one) and where that stands."""

    round: Round
    report: StatusReport | None
    found: Reporting


def _shown(member: Member, shared: Shared) -> list[Shown]:
    """Each round shown that the initiative was due at or reported to, in date order, with where its report stands
    (features.calendar.reporting, for the segment it was in on the round's date). A round it was due at and has no
    report for is `not_reported` (or `not_started`), never left out."""
    reports = shared.reports.get(member.id, {})
    unread = shared.unread.get(member.id, set())
    found = []
    for round_ in shared.held:
        report = reports.get(round_.id)
        if report is None and round_.id not in unread and not member.due(round_):
            continue
        where = reporting(
            report,
            member.segment_on(round_.date),
            shared.cadence,
            started=round_.id in shared.started,
            unreadable=round_.id in unread,
        )
        found.append(Shown(round_, report, where))
    return found


def trend(member: Member, shared: Shared, shown: list[Shown] | None = None) -> tuple[tc.TrendRow, ...]:
    """An initiative's status across rounds (`_shown`), each round as a row."""
    lang = shared.lang
    rows = []
    for item in _shown(member, shared) if shown is None else shown:
        report, state = item.report, item.found.shown
        rows.append(
            tc.TrendRow(
                round=item.round.id,
                meeting=item.round.label,
                date=item.round.date.isoformat(),
                state=state,
                state_text=text(lang, STATE_WORDS[state]),
                missing=_lacks(item.found, lang),
                report_date=report.date.isoformat() if report else "",
                progress=(report.progress or report.purpose or "") if report else "",
                risks=tuple(r.risk for r in report.risks or () if r is not None and r.risk) if report else (),
                obstacles=(report.obstacles or "") if report else "",
            )
        )
    return tuple(rows)


def _risks(report: StatusReport) -> tuple[tc.Risk, ...]:
    """A report's risks, less a record with nothing filled in (the empty one of `ehp status new` or an empty form):
    the paper says such a field is not answered, and shows no empty row for it."""
    return tuple(
        tc.Risk(risk=r.risk or "", consequence=r.consequence or "", action=r.action or "")
        for r in report.risks or ()
        if r is not None and (r.risk or r.consequence or r.action)
    )


def _dependencies(
    report: StatusReport, names: Mapping[str, str], solutions: Mapping[str, SolutionName] | None = None
) -> tuple[tc.Dependency, ...]:
    """A status report's dependencies, each named from `names` (initiatives, or anything a paper names) or from the
    register of national solutions (`solutions`, which gives its kind)."""
    register = solutions or {}
    out = []
    for d in report.dependencies or ():
        if d is None:
            continue
        ident = d.id or ""
        solution = register.get(ident) if ident not in names else None
        out.append(
            tc.Dependency(
                id=ident,
                name=names.get(ident, solution.name if solution else ""),
                known=ident in names or solution is not None,
                needed=d.needed or "",
                by=d.by.isoformat() if d.by else "",
                state=d.state or "",
                kind=solution.kind if solution else "initiative",
            )
        )
    return tuple(out)


def _field(name: str, report: StatusReport, lacking: set[str], shared: Shared) -> tc.ReportField:
    """One field of a status report as a fact sheet shows it, by what it holds."""
    value = getattr(report, name)
    kind, words = "text", ""
    items: tuple[str, ...] = ()
    if name == "colour":
        kind, words = "colour", text(shared.lang, STATE_WORDS[value]) if value else ""
    elif name in ("risks", "dependencies"):
        kind = name
    elif isinstance(value, tuple):
        kind, items = "list", tuple(str(item) for item in value if item)
    else:
        words = str(value or "")
    return tc.ReportField(
        name=name,
        label=text(shared.lang, STATUS_FIELD_WORDS[name]),
        kind=kind,
        missing=name in lacking,
        text=words,
        colour=(value or "") if name == "colour" else "",
        items=items,
        risks=_risks(report) if name == "risks" else (),
        dependencies=_dependencies(report, shared.names, shared.solutions) if name == "dependencies" else (),
    )


NO_REPORT = tc.Latest(
    round="",
    meeting="",
    date="",
    report_date="",
    segment="",
    segment_name="",
    subject="",
    state="",
    state_text="",
    missing="",
    fields=(),
    later="",
)
"""The latest report of an initiative that has filed none to a round shown."""


def latest(member: Member, shared: Shared, shown: list[Shown]) -> tc.Latest:
    """The initiative's latest status report (the last round shown it filed one to) with the fields its segment on
    that round's date reports on, and what a later round it was due at says; NO_REPORT when it has filed none."""
    lang = shared.lang
    filed = [item for item in shown if item.found.filed]
    if not filed:
        return NO_REPORT
    last = filed[-1]
    after = shown[-1]
    later = ""
    if after is not last:
        later = text(
            lang,
            "report.latest.later",
            meeting=after.round.label,
            date=after.round.date.isoformat(),
            state=text(lang, STATE_WORDS[after.found.shown]),
        )
    segment = member.segment_on(last.round.date) or ""
    required = shared.cadence.segments[segment].required if segment else ()
    # a file that could not be read holds nothing: every field it should have is missing
    report = last.report or StatusReport(date=last.round.date)
    lacking = set(required) if last.found.unreadable else {path.split(".")[0] for path in last.found.missing}
    return tc.Latest(
        round=last.round.id,
        meeting=last.round.label,
        date=last.round.date.isoformat(),
        report_date=last.report.date.isoformat() if last.report else "",
        segment=segment,
        segment_name=segment_name(segment) if segment else "",
        subject=shared.cadence.segments[segment].subject[lang] if segment else "",
        state=last.found.state,
        state_text=text(lang, STATE_WORDS[last.found.state]),
        missing=_lacks(last.found, lang),
        fields=tuple(_field(name, report, lacking, shared) for name in required if name in STATUS_FIELD_WORDS),
        later=later,
    )


def _word(value: str | None, kind: str, lang: str) -> str:
    if value is None:
        return ""
    if value == OUT:
        return text(lang, "report.out")
    if kind == "status":
        return status_name(value, lang)
    if kind == "priority":
        return value
    return segment_name(value)


def _segment_name(state: State | None) -> str:
    """The name of the segment a fact sheet shows for an initiative: the one it is in, or was last in when it is out
    of use (finished, withdrawn); nothing for a proposal or one decided out."""
    return segment_name(state.segment) if state and state.segment and state.stage != PROPOSED else ""


def _assessment(entry: Entry, shared: Shared) -> tc.Assessment:
    from ehportfolio.features.explanation import assessment_context

    explained = assessment_context(assess(entry, shared.portfolio.checklist), shared.lang)
    return tc.Assessment(
        version=explained["version"],
        steps=tuple(tc.Step(**{**step, "question": step["question"] or ""}) for step in explained["steps"]),
        result=explained["result"],
        missing=tuple(tc.Missing(**item) for item in explained["missing"]),
        recorded=explained["recorded"],
        reason=entry.initiative.segment_reason or "",
        flag=explained["flag"],
    )


def initiative(shared: Shared, entry: Entry, links: bool = False) -> tc.Initiative:
    """The fact sheet: the checklist's explanation, the status trend, dependencies both ways, the segment history.
    Everything it reads of other initiatives comes from `shared`'s indexes, so its cost does not grow with the
    portfolio."""
    lang = shared.lang
    member = shared.by_id[entry.id]
    state = shared.states[entry.id]
    item = entry.initiative

    def other(ident: str, strength: str) -> tc.Other:
        known = shared.by_id.get(ident)
        solution = shared.solutions.get(ident) if known is None else None
        return tc.Other(
            id=ident,
            name=known.initiative.name if known else solution.name if solution else "",
            known=known is not None or solution is not None,
            segment_name=_segment_name(shared.states[ident] if known else None),
            strength=text(lang, STRENGTH_WORDS[strength]),
            kind=solution.kind if solution else "initiative",
            kind_name=text(lang, SOLUTION_KINDS[solution.kind]) if solution else "",
        )

    depends_on = tuple(other(d.id, d.strength) for d in sorted(item.dependencies, key=lambda d: d.id))
    depended_by = tuple(other(m.id, strength) for m, strength in shared.depended_by.get(entry.id, ()))
    history = tuple(
        tc.HistoryRow(
            date=h.date.isoformat(),
            kind=text(lang, EVENT_KINDS[h.kind]),
            from_=_word(h.from_, h.kind, lang),
            to=_word(h.to, h.kind, lang),
            reason=h.reason,
            ref=h.ref or "",
        )
        for h in item.history
        if h.kind in (*SEGMENT_KINDS, "status", "priority")
    )
    code = main_goal(item)
    focus = shared.focus.get(code)
    shown = _shown(member, shared)
    trend_rows = trend(member, shared, shown)
    return tc.Initiative(
        kind="initiative",
        lang=lang,
        title=text(lang, "report.initiative.title", name=item.name),
        portfolio=shared.name,
        date=shared.date.isoformat() if shared.date else "",
        id=entry.id,
        name=item.name,
        owner=item.owner,
        focus_area=code,
        focus_name=focus.name if focus else "",
        focus_truncated=bool(focus and focus.truncated),
        goals=_goals(item, shared.focus),
        status=status_name(state.status, lang),
        stage=state.stage,
        stage_name=stage_name(state.stage, lang),
        segment_name=_segment_name(state),
        description=item.description or "",
        assessment=_assessment(entry, shared),
        trend=trend_rows,
        depends_on=depends_on,
        depended_by=depended_by,
        history=history,
        graph=graph(shared.names, shared.pairs.get(entry.id, ()), {entry.id}, shared.solutions),
        latest=latest(member, shared, shown),
        generated=text(lang, "report.generated", name=shared.name),
        links=links,
        benefits=_benefits(member, shared),
        # only the rounds where this initiative's own report is an example: another's in the same round is not shown
        examples=examples(
            ExampleRounds(tuple(item.round.label for item in shown if item.report and item.report.example)), lang
        ),
    )


def _benefits(member: Member, shared: Shared) -> tuple[tc.BenefitRow, ...]:
    """The fact sheet's benefits, each with its measurements up to the report's date (reports/benefits.py)."""
    if not member.initiative.benefits:
        return ()
    from ehportfolio.reports.benefits import benefit_rows

    known = known_codes(shared.portfolio.context.taxonomy)
    return benefit_rows(member, shared.reports.get(member.id, {}).values(), shared.date, known, shared.lang)


# Committee papers: the paper for one meeting, and the annual portfolio definition.

STATES = ("grønn", "gul", "rød", "reported", "incomplete", "not_reported")
"""The states a meeting paper counts, Samstyre's colours first (a round not started has no paper section)."""
SHOWN_ORDER = ("rød", "gul", "grønn", "reported", "incomplete", "not_reported", "not_started")
"""The order of a meeting paper's status rows: by colour, worst first, then the rest."""


class ReportRefusal(UserError):
    """A paper that cannot be made from what was asked (an unknown committee, a date not in the calendar); `key`
    names the message."""


def _step(change: Transition, member: Member, lang: str) -> tc.ChangeRow:
    """A change of an initiative's place in the portfolio, as a row: the step that made it, and where it led."""

    entry = change.entry
    return tc.ChangeRow(
        date=change.date.isoformat(),
        id=member.id,
        name=member.initiative.name,
        kind=text(lang, EVENT_KINDS[entry.kind]),
        from_=_word(entry.from_, entry.kind, lang),
        to=_word(entry.to, entry.kind, lang),
        reason=entry.reason,
        ref=entry.ref or "",
    )


def _by_date(rows: list[tc.ChangeRow]) -> tuple[tc.ChangeRow, ...]:
    return tuple(sorted(rows, key=lambda r: (r.date, r.name.casefold(), r.id)))


def _changes(
    everyone: list[Member], start: datetime.date | None, end: datetime.date
) -> list[tuple[Transition, Member]]:
    """Every change of place in the portfolio after `start` up to and including `end`, with its initiative."""
    return [
        (change, m) for m in everyone for change in transitions(m.id, m.initiative, m.checklist_segment, start, end)
    ]


def _find_meeting(found: list[Round], committee: str, day: datetime.date, lang: str) -> Round:
    name = committee.strip().upper()
    known = sorted({r.committee for r in found})
    if name not in known:
        raise ReportRefusal(
            "report.meeting.unknown_committee",
            committee=committee,
            known=", ".join(known) or "–",
            hint=_hint(lang, closest(name, known)),
        )
    same = [r for r in found if r.committee == name]
    match = next((r for r in same if r.date == day), None)
    if match is None:
        nearest = min(same, key=lambda r: (abs((r.date - day).days), r.date))
        raise ReportRefusal(
            "report.meeting.not_in_calendar",
            committee=name,
            date=day.isoformat(),
            nearest=nearest.date.isoformat(),
            label=nearest.label,
        )
    return match


def _hint(lang: str, suggestion: str) -> str:
    return text(lang, "report.meeting.did_you_mean", suggestion=suggestion) if suggestion else ""


def _lacks(found: Reporting, lang: str) -> str:
    """What an incomplete report lacks, in words: its fields, or that its file could not be read."""
    if found.unreadable:
        return text(lang, "report.meeting.unreadable")
    return text(lang, "report.meeting.lacks", fields=missing_words(found.missing, lang)) if found.missing else ""


def _meeting_row(
    member: Member, report: StatusReport, found: Reporting, names: dict[str, str], lang: str
) -> tc.MeetingRow:
    """An initiative's status report to a meeting, with every segment's fields (each template shows its own), and
    where it stands (`found`): an incomplete one says what it lacks."""
    state = found.shown
    return tc.MeetingRow(
        id=member.id,
        name=member.initiative.name,
        owner=member.initiative.owner,
        state=state,
        state_text=text(lang, STATE_WORDS[state]),
        missing=_lacks(found, lang),
        lacking=tuple(dict.fromkeys(path.split(".")[0] for path in found.missing)),
        progress=report.progress or "",
        risks=_risks(report),
        dependencies=_dependencies(report, names),
        actions=tuple(a for a in report.actions or () if a),
        experience=report.experience or "",
        obstacles=report.obstacles or "",
        purpose=report.purpose or "",
        ideas=tuple(idea for idea in report.ideas or () if idea),
    )


DECISION_TEXTS = {
    agenda.ADMIT: N_("report.decision.admit"),
    agenda.REJECT: N_("report.decision.reject"),
    agenda.INCOMPLETE: N_("report.decision.incomplete"),
    agenda.MOVE: N_("report.decision.move"),
    agenda.EXIT: N_("report.decision.exit"),
    agenda.FINISH: N_("report.decision.finish"),
    agenda.WITHDRAW: N_("report.decision.withdraw"),
}
"""The draft decision of each kind of item."""

DECISION_BASES = {
    agenda.ADMIT: N_("report.decision.basis.admit"),
    agenda.REJECT: N_("report.decision.basis.reject"),
    agenda.INCOMPLETE: N_("report.decision.basis.incomplete"),
    agenda.MOVE: N_("report.decision.basis.move"),
    agenda.EXIT: N_("report.decision.basis.exit"),
}
"""Why an item that the checklist gives is on the agenda; a planned step's is `report.decision.basis.planned`."""


def _command(item: agenda.Pending, reason: str, ref: str, day: datetime.date) -> list[str]:
    """The command line that records an item's decision, as its arguments; empty when no command records it."""
    if item.kind == agenda.ADMIT:
        step = ["decide", item.id, "--segment", item.target or ""]
    elif item.kind == agenda.MOVE:
        step = ["move", item.id, "--to", item.target or ""]
    elif item.kind in (agenda.REJECT, agenda.EXIT):
        step = ["decide", item.id, "--out"]
    else:
        return []
    return ["ehp", *step, "--reason", reason, "--ref", ref, "--date", day.isoformat()]


def _decision(
    number: int, item: agenda.Pending, committee: str, ref: str, day: datetime.date, lang: str
) -> tc.Decision:
    """One proposed decision in words, with the command that records it (or how to, when no command does)."""
    current, target = segment_name(item.segment), segment_name(item.target)
    if item.result:
        result = segment_name(item.result)
    elif item.included is False:
        result = text(lang, "report.decision.result.out")
    else:
        result = text(lang, "report.decision.result.undecided")
    words = text(lang, DECISION_TEXTS[item.kind], committee=committee, name=item.name, current=current, segment=target)
    if item.target:
        reason = text(lang, "report.decision.reason.segment", segment=target)
    else:
        reason = text(lang, "report.decision.reason.out")
    how = ""
    if item.planned is not None:
        planned = item.planned.isoformat()
        words += " " + text(lang, "report.decision.from_date", date=planned)
        basis = text(lang, "report.decision.basis.planned", date=planned, reason=item.reason)
        how = text(lang, "report.decision.how.planned", date=planned, ref=ref)
        command: list[str] = []
    else:
        keys = ", ".join(item.missing)
        basis = text(lang, DECISION_BASES[item.kind], current=current, segment=target, keys=keys)
        command = _command(item, reason, ref, day)
        if not command:
            how = text(lang, "report.decision.how.incomplete", id=item.id)
    return tc.Decision(
        number=number,
        kind=item.kind,
        id=item.id,
        name=item.name,
        owner=item.owner,
        stage_name=stage_name(item.stage, lang),
        segment_name=current if item.segment else "",
        proposed_segment_name=target if item.target else "",
        checklist_result=result,
        text=words,
        basis=basis,
        command=shlex.join(command),
        how=how,
        planned=item.planned.isoformat() if item.planned else "",
    )


def meeting(
    portfolio: Portfolio,
    cadence: Cadence,
    committee: str,
    day: datetime.date,
    case: str | None,
    case_type: str,
    lang: str,
) -> tc.Meeting:
    """The committee paper (saksfremlegg) for one meeting of the calendar: the portfolio in numbers on its date, the
    status of each segment that reports there in that segment's terms, who has not reported, and the changes since
    the committee's previous meeting (history entries after its date, up to this one; without an earlier meeting,
    since 1 January of the meeting's year), and the proposed decisions on single initiatives (features/agenda.py),
    each with the command that records it under the case's reference."""
    settings = portfolio.context.settings
    name = _portfolio_name(portfolio)
    found = rounds(settings.calendar if settings else (), cadence)
    round_ = _find_meeting(found, committee, day, lang)
    earlier = [r for r in found if r.committee == round_.committee and r.date < round_.date]
    previous = earlier[-1] if earlier else None
    start = previous.date if previous else datetime.date(day.year, 1, 1) - datetime.timedelta(days=1)
    everyone = members(portfolio)
    everyone_by_id = {m.id: m for m in everyone}
    focus = _focus_names(portfolio)
    statuses = portfolio.statuses
    reports = {e.id: e.report for e in statuses.entries if e.round == round_.id} if statuses else {}
    history = survey(found[: found.index(round_) + 1], everyone, statuses, cadence)
    where = history[-1]

    active = [m for m in everyone if m.segment_on(day)]
    due = [m for m in everyone if m.due(round_)]
    reported = [m for m in due if m.id in where.reported]
    numbers = tuple(
        tc.Numbers(
            segment=s,
            name=segment_name(s),
            count=sum(1 for m in active if m.segment_on(day) == s),
            reports=s in round_.segments,
            due=sum(1 for m in due if m.segment_on(day) == s),
            reported=sum(1 for m in reported if m.segment_on(day) == s),
        )
        for s in SEGMENTS
    )
    names = {ident: found.name for ident, found in _solution_names(portfolio, lang).items()}
    names.update({m.id: m.initiative.name for m in everyone})
    sections = []
    for segment in round_.segments:
        group = sorted(
            (m for m in due if m.segment_on(day) == segment),
            key=lambda m: (SHOWN_ORDER.index(where.states[m.id].shown), m.initiative.name.casefold(), m.id),
        )
        # a file that could not be read is shown as incomplete, as an empty report would be (ehp check says why)
        empty = StatusReport(date=round_.date)
        rows = tuple(
            _meeting_row(m, reports.get(m.id, empty), where.states[m.id], names, lang)
            for m in group
            if m.id in where.filed
        )
        colours = Counter(where.states[m.id].shown for m in group)
        sections.append(
            tc.Section(
                segment=segment,
                name=segment_name(segment),
                subject=cadence.segments[segment].subject[lang],
                due=len(group),
                reported=sum(1 for m in group if m.id in where.reported),
                incomplete=tuple(row for row in rows if row.missing),
                colours=tuple(
                    tc.Colour(state=s, text=text(lang, STATE_WORDS[s]), count=colours.get(s, 0)) for s in STATES
                ),
                rows=rows,
            )
        )
    missing = tuple(
        _row(m, m.state(day), focus, lang)
        for m in sorted(
            due, key=lambda m: (SEGMENTS.index(m.segment_on(day) or SEGMENTS[0]), m.initiative.name.casefold(), m.id)
        )
        if m.id in where.missing and where.started
    )
    moves: list[tc.ChangeRow] = []
    added: list[tc.ChangeRow] = []
    removed: list[tc.ChangeRow] = []
    for change, member in _changes(everyone, start, day):
        for rows_, holds in ((moves, change.moved), (added, change.joined), (removed, change.left)):
            if holds:
                rows_.append(_step(change, member, lang))
    koordinere = {m.id for m in due if m.segment_on(day) == "koordinere"}
    labels = {r.id: r.label for r in found}
    flagged = sorted(
        exceptions.attention(history, reports, koordinere, cadence.done),
        key=lambda a: (
            a.first,
            SEGMENTS.index(everyone_by_id[a.id].segment_on(day) or SEGMENTS[0]),
            everyone_by_id[a.id].initiative.name.casefold(),
            a.id,
        ),
    )
    attention = tuple(_attention(item, everyone_by_id[item.id], day, names, labels, lang) for item in flagged)
    cited = {round_.id} | {reason.before for item in flagged for reason in item.reasons if reason.before}
    committee_names = cadence.committees.get(round_.committee, {})
    case_number = case or f"x/{day.year % 100:02d}"
    label = f"{round_.number}/{day.year}"
    since = (
        text(lang, "report.meeting.since", label=previous.label, date=previous.date.isoformat())
        if previous
        else text(lang, "report.meeting.since_year", year=day.year)
    )
    # the reference a decision is recorded with, the committee's own designation of the case in every language, so
    # that the history of a portfolio says it one way
    ref = text(lang, "report.decision.ref", committee=round_.committee, case=case_number)
    pending = agenda.agenda(portfolio.entries, portfolio.checklist, day)
    record = text(lang, "report.meeting.decisions.record", ref=ref)
    if case is None:
        record += " " + text(lang, "report.meeting.decisions.replace_x")
    return tc.Meeting(
        kind="meeting",
        lang=lang,
        title=text(lang, "report.meeting.title", committee=round_.committee, label=label),
        portfolio=name,
        date="",
        committee=round_.committee,
        committee_name=committee_names.get(lang, ""),
        number=round_.number,
        meeting_date=day.isoformat(),
        round=round_.id,
        case=case_number,
        case_type=text(lang, CASE_TYPES[case_type]),
        purpose=text(lang, "report.meeting.purpose", committee=round_.committee, label=label, name=name),
        background=text(
            lang,
            "report.meeting.numbers",
            count=len(active),
            date=day.isoformat(),
            due=len(due),
            reported=len(reported),
        ),
        numbers=numbers,
        segments=tuple(sections),
        not_reported=missing,
        all_filed=text(
            lang,
            N_("report.meeting.all_filed")
            if any(section.incomplete for section in sections)
            else N_("report.meeting.all_reported"),
        ),
        started=where.started,
        not_started=text(lang, "report.meeting.not_started", due=len(due)),
        since=since,
        moves=_by_date(moves),
        added=_by_date(added),
        removed=_by_date(removed),
        proposal=text(lang, PROPOSALS[case_type], committee=round_.committee),
        decisions=tuple(
            _decision(number, item, round_.committee, ref, day, lang) for number, item in enumerate(pending, 1)
        ),
        decisions_none=text(lang, "report.meeting.decisions.none"),
        decisions_record=record,
        generated=text(lang, "report.generated", name=name),
        # the rounds an exception cites (worse than, not reported at) are shown too, and may hold example reports
        examples=examples(example_labels([r for r in found if r.id in cited], statuses), lang),
        attention=attention,
        attention_none=text(lang, "report.meeting.attention.none"),
        no_segments="" if round_.segments else _no_segments(round_, found, cadence, lang),
    )


def _dependency_reason(reason: exceptions.Reason, names: dict[str, str], labels: dict[str, str], lang: str) -> str:
    """Why a dependency is at risk, as a sentence."""
    named = names.get(reason.dependency) or reason.dependency
    before = labels.get(reason.before, reason.before)
    if reason.risk == "overdue":
        by = reason.by.isoformat() if reason.by else ""
        if reason.state:
            return text(lang, "report.attention.overdue", name=named, by=by, state=reason.state)
        return text(lang, "report.attention.overdue_no_state", name=named, by=by)
    if reason.risk == "colour":
        colour = text(lang, STATE_WORDS[reason.was])
        if reason.before:
            return text(lang, "report.attention.dependency_colour_before", name=named, colour=colour, before=before)
        return text(lang, "report.attention.dependency_colour", name=named, colour=colour)
    if reason.before:
        return text(lang, "report.attention.dependency_missing_before", name=named, before=before)
    return text(lang, "report.attention.dependency_missing", name=named)


def _attention(
    item: exceptions.Attention,
    member: Member,
    day: datetime.date,
    names: dict[str, str],
    labels: dict[str, str],
    lang: str,
) -> tc.Attention:
    """An initiative that needs the committee's attention, with its reasons in words."""
    reasons = []
    state = item.reporting.shown
    for reason in item.reasons:
        before = labels.get(reason.before, reason.before)
        if reason.kind == "red":
            reasons.append(text(lang, "report.attention.red"))
        elif reason.kind == "worse":
            was, now = text(lang, STATE_WORDS[reason.was]), text(lang, STATE_WORDS[item.reporting.colour or state])
            reasons.append(text(lang, "report.attention.worse", was=was, before=before, now=now))
        elif reason.kind == "not_reported_twice":
            reasons.append(text(lang, "report.attention.not_reported_twice", before=before))
        else:
            reasons.append(_dependency_reason(reason, names, labels, lang))
    segment = member.segment_on(day)
    return tc.Attention(
        id=member.id,
        name=member.initiative.name,
        segment_name=segment_name(segment) if segment else "",
        state=state,
        state_text=text(lang, STATE_WORDS[state]),
        reasons=tuple(reasons),
    )


def _no_segments(round_: Round, found: list[Round], cadence: Cadence, lang: str) -> str:
    """Why no segment reports to a meeting: its calendar entry names none; or the cadence sends its committee no
    reports, and says where they go; or the segments its committee receives, and why, report to its other meetings."""
    if not round_.default:
        return text(lang, "report.meeting.no_segments.named")
    committee = round_.committee
    received = cadence.receives.get(committee, ())
    if not received:
        elsewhere = "; ".join(
            f"{other} ({', '.join(segment_name(s) for s in segments)})"
            for other, segments in cadence.receives.items()
            if segments
        )
        return text(lang, "report.meeting.no_segments.committee", committee=committee, elsewhere=elsewhere)
    others = [r.label for r in found if r.committee == committee and r.date.year == round_.date.year and r.segments]
    return text(
        lang,
        "report.meeting.no_segments.cadence",
        committee=committee,
        segments=", ".join(segment_name(s) for s in received),
        handles=cadence.handles.get(committee, {}).get(lang, ""),
        meetings=", ".join(others) or "–",
    )


def definition(
    portfolio: Portfolio, cadence: Cadence, year: int, lang: str, date: datetime.date | None, stage: str = ""
) -> tc.Definition:
    """The annual portfolio definition for the year after `year`, following NUIT's annual cycle, or the paper of one
    `stage` of it (reports/cycle.py). The portfolio is taken as it stands on the date of the calendar's meeting of
    `year` that handles the paper (for the whole definition, the one that handles planning and so decides it), by
    the recorded history; without such a meeting on 31 December of `year`, and the paper says so. The Prioritering
    lists the priorities decided (`ehp decide --priority`) in their order; Samstyre initiatives without one are
    listed apart, unnumbered."""
    name = _portfolio_name(portfolio)
    settings = portfolio.context.settings
    dated = dating(settings.calendar if settings else (), cadence, year, stage, lang)
    end = dated.day
    start = datetime.date(year - 1, 12, 31)
    focus = _focus_names(portfolio)
    everyone = members(portfolio)
    active = [m for m in everyone if m.segment_on(end)]
    states = {m.id: m.state(end) for m in active}
    rows = sorted(
        (_row(m, states[m.id], focus, lang) for m in active),
        key=lambda r: (r.focus_area, r.name.casefold(), r.id),
    )
    ranked = sorted(
        (
            tc.Ranked(**{f.name: getattr(r, f.name) for f in fields(r)}, priority=p)
            for r in rows
            if (p := states[r.id].priority) is not None
        ),
        key=lambda r: (r.priority, r.name.casefold(), r.id),
    )
    unprioritised = tuple(r for r in rows if r.segment == "samstyre" and states[r.id].priority is None)
    areas: dict[str, Counter[str]] = {}
    for r in rows:
        areas.setdefault(r.focus_area, Counter())[r.segment] += 1
    by_focus = tuple(
        tc.FocusSegments(**_focus_row(code, focus, sum(c.values())), segments=tuple(c.get(s, 0) for s in SEGMENTS))
        for code, c in sorted(areas.items())
    )
    by_segment = tuple(
        tc.SegmentCount(name=segment_name(s), count=sum(1 for r in rows if r.segment == s)) for s in SEGMENTS
    )
    owners: dict[str, Counter[str]] = {}
    for r in rows:
        owners.setdefault(r.owner, Counter())[r.segment] += 1
    starts: list[tc.ChangeRow] = []
    ends: list[tc.ChangeRow] = []
    for change, member in _changes(everyone, start, end):
        if change.joined:
            starts.append(_step(change, member, lang))
        if change.left:
            ends.append(_step(change, member, lang))
    committee = cadence.portfolio_committee
    balance = money(everyone, end, {code: known.name for code, known in focus.items()}, lang)
    if stage:
        paper = Paper(year, ranked, by_segment, balance, len(rows), len(starts), len(ends))
        proposed, items = proposal(paper, cadence, stage, lang)
        stage_name = cycle_stage_name(stage, lang)
        title = text(lang, "report.definition.stage_title", year=year + 1, stage=stage_name, name=name)
    else:
        proposed = text(lang, "report.definition.proposal", committee=committee, next=year + 1)
        items, stage_name = (), ""
        title = text(lang, "report.definition.title", year=year + 1, name=name)
    said = {"next": year + 1, "count": len(rows), "committee": committee, "date": end.isoformat()}
    intro = (
        text(lang, "report.definition.stage_intro", stage=stage_name, **said)
        if stage
        else text(lang, "report.definition.intro", **said)
    )
    return tc.Definition(
        kind="definition",
        lang=lang,
        title=title,
        portfolio=name,
        date=date.isoformat() if date else "",
        year=year,
        next_year=year + 1,
        intro=intro,
        segment_names=tuple(segment_name(s) for s in SEGMENTS),
        by_focus=by_focus,
        by_segment=by_segment,
        by_owner=_owners(owners),
        money=balance,
        priority=tuple(ranked),
        priority_rule=text(lang, "report.definition.priority_order", count=len(ranked))
        if ranked
        else text(lang, "report.definition.no_priority"),
        unprioritised=unprioritised,
        unprioritised_rule=text(lang, "report.definition.unprioritised", count=len(unprioritised))
        if unprioritised
        else "",
        planning_rule=text(lang, "report.definition.planning_rule", year=year),
        continues=tuple(rows),
        starts=_by_date(starts),
        ends=_by_date(ends),
        proposal=proposed,
        generated=text(lang, "report.generated", name=name),
        stage=stage,
        stage_name=stage_name,
        header=dated.header,
        dated=dated.dated,
        proposal_items=items,
    )
