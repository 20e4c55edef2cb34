"""Rules on status reports and the reporting calendar: every report that is due is there, every status file belongs to
an initiative and a meeting of the calendar, and each holds what its segment reports on.

They read the status reports only when the portfolio was loaded with them (`load_portfolio(..., statuses=True)`, as
`ehp check` does); otherwise they find nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ehportfolio.domain.problems import Problem
from ehportfolio.features.calendar import missing_content
from ehportfolio.store.portfolio import StatusEntry
from ehportfolio.store.validation import Nearest

if TYPE_CHECKING:
    from ehportfolio.rules import Subject


def report_missing(subject: Subject) -> Iterator[Problem]:
    """A status report that is due is there: for each meeting of the portfolio's year, dated on or before the check
    date, whose round has started (at least one status file is in its directory), every initiative due there has a
    file. The finding points at the meeting in portfolio.yaml.

    A round nobody has reported to is not warned about, file by file: it is one the portfolio did not collect (a
    meeting before the portfolio used ehp, say), and `ehp calendar` shows it as 0 of n reported. Meetings of other
    years are history: their gaps show as "not reported" in reports, not as warnings in every later check.
    """
    statuses = subject.portfolio.statuses
    context = subject.portfolio.context
    if statuses is None or context.settings is None:
        return
    started = statuses.started()
    members = {m.id: m for m in subject.members}
    for state in subject.round_states:
        round_ = state.round
        if round_.id not in started or round_.date > subject.today or round_.date.year != context.settings.year:
            continue
        line, column = context.settings_place("calendar", round_.index)
        for ident in state.missing:
            args = {
                "id": ident,
                "segment": members[ident].segment_on(round_.date),
                "meeting": round_.label,
                "date": round_.date.isoformat(),
                "file": f"status/{round_.id}/{ident}.yaml",
            }
            yield Problem(context.settings_path, "", args, line, column, f"calendar.{round_.index}")


def _initiative_ids(subject: Subject) -> list[str]:
    """The ids of the portfolio's initiatives, those whose files could not be read included, sorted."""
    return sorted({e.id for e in subject.portfolio.entries} | subject.portfolio.unread)


def status_unknown_initiative(subject: Subject) -> Iterator[Problem]:
    """Every status file's name is the id of an initiative of the portfolio."""
    statuses = subject.portfolio.statuses
    if statuses is None:
        return
    ids = _initiative_ids(subject)
    known = set(ids)
    nearest = Nearest(ids)
    for status in statuses.entries:
        if status.id not in known:
            yield Problem(status.path, "", {"id": status.id, "suggestion": nearest(status.id)}, 1, 1)


def status_unknown_round(subject: Subject) -> Iterator[Problem]:
    """Every directory in status/ is a round of the calendar (`<year>-<committee>-<number>`), and no status file lies
    outside one. The finding points at the directory's first file, where a pull request shows it, or at the directory
    when it holds none."""
    statuses = subject.portfolio.statuses
    if statuses is None:
        return
    ids = [round_.id for round_ in subject.rounds]
    known = set(ids)
    nearest = Nearest(ids)
    for folder in statuses.rounds:
        if folder.name not in known:
            args = {"round": folder.name, "suggestion": nearest(folder.name), "known": ", ".join(ids) or "–"}
            if folder.files:  # at a file, so that a pull request's annotations show it
                yield Problem(folder.files[0], "", args, 1, 1)
            else:
                yield Problem(folder.path, "", args)
    for path in statuses.stray:
        yield Problem(path, "", {"variant": "file"}, 1, 1)


def reports_by_segment(subject: Subject) -> Iterator[tuple[StatusEntry, str]]:
    """Each status report with the segment its initiative was in on the meeting's date (on the report's date when its
    round is no meeting); those of no initiative of the portfolio (status_unknown_initiative), or of one that was out
    of the portfolio or undecided then, are left out: no segment sets what they report."""
    statuses = subject.portfolio.statuses
    if statuses is None:
        return
    members = {m.id: m for m in subject.members}
    dates = {round_.id: round_.date for round_ in subject.rounds}
    for status in statuses.entries:
        member = members.get(status.id)
        segment = member.segment_on(dates.get(status.round, status.report.date)) if member else None
        if segment is not None:
            yield status, segment


def status_incomplete(subject: Subject) -> Iterator[Problem]:
    """A status report holds what its initiative's segment reports on (cadence.yaml): Samstyre a colour, progress and
    risks each with consequence and action; Koordinere dependencies and actions; Observere progress, experience and
    obstacles; Inspirere purpose and progress. The segment is the one the initiative was in on the meeting's date."""
    for status, segment in reports_by_segment(subject):
        missing = missing_content(status.report, segment, subject.cadence)
        if missing:
            first = missing[0].split(".")
            line, column = status.place(*(int(part) if part.isdigit() else part for part in first))
            args = {"segment": segment, "fields": ", ".join(missing)}
            yield Problem(status.path, "", args, line, column, missing[0])


def status_date_far(subject: Subject) -> Iterator[Problem]:
    """A status report is dated within a year of its round's meeting (Round.far): a date such as 0001-01-01 or
    9999-12-31 is a slip, and would put the report into every paper dated after it, or none."""
    statuses = subject.portfolio.statuses
    if statuses is None:
        return
    dates = {round_.id: round_ for round_ in subject.rounds}
    for status in statuses.entries:
        round_ = dates.get(status.round)
        if round_ is not None and round_.far(status.report.date):
            line, column = status.place("date")
            args = {"date": status.report.date.isoformat(), "meeting": round_.dated}
            yield Problem(status.path, "", args, line, column, "date")


def status_dependency_unknown(subject: Subject) -> Iterator[Problem]:
    """Every dependency a status report follows names an initiative of the portfolio or a national solution of the
    register."""
    statuses = subject.portfolio.statuses
    if statuses is None:
        return
    ids = sorted({*_initiative_ids(subject), *subject.portfolio.context.solution_by_id})
    known = set(ids)
    nearest = Nearest(ids)
    for status in statuses.entries:
        for index, dependency in enumerate(status.report.dependencies or ()):
            if dependency.id is not None and dependency.id not in known:
                line, column = status.place("dependencies", index, "id")
                args = {"id": dependency.id, "suggestion": nearest(dependency.id)}
                yield Problem(status.path, "", args, line, column, f"dependencies.{index}.id")
