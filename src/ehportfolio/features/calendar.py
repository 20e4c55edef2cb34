"""The reporting calendar, purely: which segments report to which meeting, who is due, who has reported, and what a
status report still lacks.

A meeting of the calendar (portfolio.yaml's `calendar:`) is a reporting round, named `<year>-<committee>-<number>`.
Its `segments` say who reports to it. Without them the cadence of cadence.yaml applies: each committee receives the
segments its `receives` names (NUIT Samstyre and Koordinere, NUFA Observere and Inspirere; a committee the cadence
does not name receives none), and within a year, with n meetings of that committee in date order, a segment that
reports k times a year reports to its meetings at positions ceil((i+1)·n/k) − 1 for i = 0 … k−1: spread evenly,
always the last, and every meeting when there are fewer than k. An initiative is due at a meeting when, on the
meeting's date, it was a member (domain.state) in a segment that reports there.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from ehportfolio.domain.cadence import ITEM_MODELS, Cadence
from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.domain.models import Initiative, Meeting, StatusReport
from ehportfolio.domain.problems import Problem
from ehportfolio.domain.state import State, checklist_segment, state_of
from ehportfolio.store.portfolio import Portfolio, StatusEntry, Statuses
from ehportfolio.store.validation import closest

DATE_REACH = 366
"""How many days a status report's date may lie from its round's meeting, either way: within a year. Further off, it
is a slip (0001-01-01, 9999-12-31): `ehp status collect` refuses it and `ehp check` warns (status_date_far)."""


@dataclass(frozen=True)
class Round:
    """A meeting of the calendar as a reporting round."""

    id: str
    committee: str
    number: int
    date: datetime.date
    segments: tuple[str, ...]
    """The segments that report to it, in the order of SEGMENTS."""
    default: bool
    """True when the segments follow the cadence; False when the calendar names them."""
    index: int
    """The meeting's position in portfolio.yaml's calendar list, so that a finding can point at its line."""
    stage: str | None = None
    """The stage of NUIT's annual cycle the meeting handles (`stage:`), if any."""

    @property
    def label(self) -> str:
        """`NUIT 2/2021`: the committee, the meeting's number and its year."""
        return f"{self.committee} {self.number}/{self.date.year}"

    @property
    def dated(self) -> str:
        """`NUIT 2/2021 (2021-05-06)`: the label with the meeting's date, as messages name a meeting."""
        return f"{self.label} ({self.date.isoformat()})"

    def far(self, day: datetime.date) -> bool:
        """Whether `day` lies more than DATE_REACH days from the meeting, either way: a report or deadline dated so
        is a slip."""
        return abs((day - self.date).days) > DATE_REACH


def default_positions(meetings: int, times: int) -> list[int]:
    """The positions (0-based, in date order) of the meetings a segment reporting `times` a year reports to, among
    `meetings` meetings of the committee that receives it in a year: ceil((i+1)·n/k) − 1 for i in 0 … k−1."""
    return sorted({((i + 1) * meetings + times - 1) // times - 1 for i in range(times)}) if meetings else []


def rounds(calendar: Sequence[Meeting], cadence: Cadence) -> list[Round]:
    """Every meeting as a round, in date order, with the segments that report to it: those the calendar names, or
    by default those the cadence sends to its committee (`Cadence.receives`), spread over the committee's meetings of
    the year."""
    order = sorted(range(len(calendar)), key=lambda i: (calendar[i].date, calendar[i].committee, calendar[i].number))
    by_year: dict[tuple[str, int], list[int]] = {}
    for index in order:
        committee = calendar[index].committee
        if committee in cadence.receives:
            by_year.setdefault((committee, calendar[index].date.year), []).append(index)
    defaults: dict[int, set[str]] = {index: set() for index in range(len(calendar))}
    for (committee, _), indexes in by_year.items():
        for segment in cadence.receives[committee]:
            for position in default_positions(len(indexes), cadence.segments[segment].times):
                defaults[indexes[position]].add(segment)
    found = []
    for index in order:
        meeting = calendar[index]
        named = meeting.segments
        chosen = defaults[index] if named is None else set(named)
        segments = tuple(s for s in SEGMENTS if s in chosen)
        found.append(
            Round(
                meeting.round,
                meeting.committee,
                meeting.number,
                meeting.date,
                segments,
                named is None,
                index,
                meeting.stage,
            )
        )
    return found


@dataclass(frozen=True)
class Member:
    """An initiative as the calendar sees it: its id, its record, and the checklist's segment for it."""

    id: str
    initiative: Initiative
    checklist_segment: str | None

    def state(self, day: datetime.date | None) -> State:
        """Its state on a day (domain.state)."""
        return state_of(self.id, self.initiative, self.checklist_segment, day)

    def segment_on(self, day: datetime.date | None) -> str | None:
        """The segment it was a member of on a day; None when it was not a member."""
        return self.state(day).member_segment

    def due(self, round_: Round) -> bool:
        """Whether it reports to the round: a member on its date, in a segment that reports there."""
        return self.segment_on(round_.date) in round_.segments


def members(portfolio: Portfolio) -> list[Member]:
    """Every initiative that could be read, sorted by id."""
    checklist = portfolio.checklist
    return [
        Member(e.id, e.initiative, checklist_segment(e.initiative, checklist))
        for e in sorted(portfolio.entries, key=lambda e: e.id)
    ]


REPORT_STATES = ("not_started", "not_reported", "incomplete", "reported")
"""Where an initiative's report to a round stands, never mixed up: the round has no reports yet (`not_started`); it
has some, but none from this initiative (`not_reported`); there is one that lacks what its segment reports on
(`incomplete`), or that could not be read; and one that holds all of it (`reported`)."""


@dataclass(frozen=True)
class Reporting:
    """An initiative's report to one round: its state (REPORT_STATES), what it lacks when incomplete (dotted fields,
    `risks.0.action`; empty for a file that could not be read) and its colour (Samstyre's), when it gave one."""

    state: str
    missing: tuple[str, ...] = ()
    colour: str | None = None
    unreadable: bool = False

    @property
    def filed(self) -> bool:
        """A report file is there: complete or not (one that could not be read counts as incomplete)."""
        return self.state in ("reported", "incomplete")

    @property
    def shown(self) -> str:
        """The state as papers show it: a complete report by its colour, when it has one."""
        return self.colour if self.state == "reported" and self.colour else self.state


def reporting(
    report: StatusReport | None, segment: str | None, cadence: Cadence, *, started: bool, unreadable: bool = False
) -> Reporting:
    """The one answer to where an initiative's report to a round stands (REPORT_STATES), from its report (None when
    there is no file, or when it could not be read: `unreadable`), the segment it was in on the meeting's date (None
    when it was not a member: nothing is required of it), and whether anyone has reported to the round yet."""
    if unreadable:
        return Reporting("incomplete", unreadable=True)
    if report is None:
        return Reporting("not_reported" if started else "not_started")
    missing = tuple(missing_content(report, segment, cadence)) if segment else ()
    return Reporting("incomplete" if missing else "reported", missing, report.colour)


@dataclass(frozen=True)
class RoundState:
    """A round and where it stands: who is due, and of them who has reported, who has reported only in part, and
    who has not; who reported unasked; and where each report due stands (`reporting`)."""

    round: Round
    states: dict[str, Reporting]
    """Where each report due stands, by initiative id, in the order of the members."""
    extra: tuple[str, ...]
    """Status files from initiatives that were not due (or are not in the portfolio)."""
    started: bool
    """Whether anyone has reported to the round yet."""

    def _in(self, *wanted: str) -> tuple[str, ...]:
        return tuple(ident for ident, found in self.states.items() if found.state in wanted)

    @cached_property
    def due(self) -> tuple[str, ...]:
        """Every initiative due at the round."""
        return tuple(self.states)

    @cached_property
    def reported(self) -> tuple[str, ...]:
        """Due, with a complete report."""
        return self._in("reported")

    @cached_property
    def incomplete(self) -> tuple[str, ...]:
        """Due, with a report that lacks what the segment reports on, or that could not be read."""
        return self._in("incomplete")

    @cached_property
    def missing(self) -> tuple[str, ...]:
        """Due, with no report (in a round not started: everyone due)."""
        return self._in("not_reported", "not_started")

    @cached_property
    def filed(self) -> tuple[str, ...]:
        """Due, with a report file there: complete or not."""
        return tuple(ident for ident, found in self.states.items() if found.filed)


def find_round(found: Sequence[Round], round_id: str, settings_path: str) -> Round | Problem:
    """The round `round_id` names (in any case), or the problem that names the rounds there are, with a did-you-mean."""
    wanted = round_id.strip().lower()
    chosen = next((r for r in found if r.id == wanted), None)
    if chosen is not None:
        return chosen
    ids = [r.id for r in found]
    args = {"round": round_id, "suggestion": closest(wanted, ids), "known": ", ".join(ids)}
    return Problem(settings_path, "status.unknown_round", args)


def survey(
    found: Iterable[Round], everyone: Sequence[Member], statuses: Statuses | None, cadence: Cadence
) -> list[RoundState]:
    """Each round's state, from the portfolio's status reports (None: it has no status/ folder)."""
    started = statuses.started() if statuses else set()
    reports: dict[str, dict[str, StatusReport]] = {}
    for entry in statuses.entries if statuses else ():
        reports.setdefault(entry.round, {})[entry.id] = entry.report
    unread = statuses.unread if statuses else frozenset()
    states = []
    for round_ in found:
        members = [m for m in everyone if m.due(round_)]
        there = reports.get(round_.id, {})
        each = {
            m.id: reporting(
                there.get(m.id),
                m.segment_on(round_.date),
                cadence,
                started=round_.id in started,
                unreadable=(round_.id, m.id) in unread,
            )
            for m in members
        }
        filed = statuses.filed(round_.id) if statuses else set()
        extra = tuple(sorted(filed - set(each)))
        states.append(RoundState(round_, each, extra, started=round_.id in started))
    return states


@dataclass(frozen=True)
class ExampleRounds:
    """The rounds a paper or listing shows that hold status reports of example data, by label (`NUIT 2/2021`)."""

    labels: tuple[str, ...] = ()
    """Every such round, in date order."""
    partly: tuple[str, ...] = ()
    """Of `labels`, the rounds that hold organisations' own reports too: only some of their reports are examples."""

    def __bool__(self) -> bool:
        return bool(self.labels)


def example_labels(
    found: Iterable[Round], statuses: Statuses | None, used: Callable[[StatusEntry], bool] | None = None
) -> ExampleRounds:
    """The rounds of `found`, in their order, that hold a report of example data (Statuses.examples; of those `used`
    accepts, all without it), and which of them hold real reports too: what a paper showing those rounds must say."""
    if statuses is None:
        return ExampleRounds()
    ids, partly = statuses.examples(used), statuses.partly_examples(used)
    return ExampleRounds(
        tuple(round_.label for round_ in found if round_.id in ids),
        tuple(round_.label for round_ in found if round_.id in ids and round_.id in partly),
    )


def reported_by(day: datetime.date | None) -> Callable[[StatusEntry], bool]:
    """The reports a paper on `day` reads: those dated on or before it (every one without a day)."""
    return lambda entry: day is None or entry.report.date <= day


def next_round(member: Member, found: Sequence[Round], day: datetime.date, filed: dict[str, set[str]]) -> Round | None:
    """The first round on or after `day` that the initiative is due at and has no status file for yet."""
    for round_ in found:
        if round_.date >= day and member.due(round_) and member.id not in filed.get(round_.id, set()):
            return round_
    return None


def missing_content(report: StatusReport, segment: str, cadence: Cadence) -> list[str]:
    """The fields a segment's status report must fill in and this one does not, as dotted paths (`risks.0.action`).

    A field left out or empty is missing; a list given as `[]` says "none" and is complete. Each record of a required
    list must fill in every one of its fields; a list item with nothing filled in is missing as a whole
    (`risks.1`), and a list of such items only (the empty record `ehp status new` and an empty form write) is missing
    as the field (`risks`), as if it were left out.
    """
    missing: list[str] = []
    for name in cadence.segments[segment].required:
        value = getattr(report, name)
        if value is None:
            missing.append(name)
            continue
        if not isinstance(value, tuple):
            continue
        keys = cadence.items.get(name, ()) if name in ITEM_MODELS else ()
        lacking: list[str] = []
        for index, item in enumerate(value):
            empty = [key for key in keys if getattr(item, key) is None] if item is not None else list(keys)
            if item is None or (keys and len(empty) == len(keys)):
                lacking.append(f"{name}.{index}")
            else:
                lacking.extend(f"{name}.{index}.{key}" for key in empty)
        blank = [f"{name}.{index}" for index in range(len(value))]
        missing.extend([name] if value and lacking == blank else lacking)
    return missing
