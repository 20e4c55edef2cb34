"""`ehp status new ID`: write a pre-filled status report for the next round the initiative is due at.

A status report is a dated record that is never overwritten: the file is created whole, and refused when it is there.
"""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass

from ehportfolio.cli.commands import day_of, not_a_portfolio
from ehportfolio.cli.commands.lifecycle import find_file
from ehportfolio.cli.exits import OK
from ehportfolio.domain.models import StatusReport
from ehportfolio.domain.problems import InputError, InputRefusal, Problem
from ehportfolio.domain.state import checklist_segment
from ehportfolio.features.calendar import Member, Round, find_round, next_round, rounds
from ehportfolio.features.statusform import render
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.store import files
from ehportfolio.store.loader import parse_mapping
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import STATUS_DIR, load_portfolio
from ehportfolio.store.sources import SUFFIXES
from ehportfolio.store.validation import validate


@dataclass(frozen=True)
class _Plan:
    path: str
    content: str
    round: Round
    segment: str
    day: datetime.date


def new(root: str, ident: str, round_id: str | None, date: str | None, lang: str) -> int:
    plan = _plan(root, ident, round_id, date, lang)
    try:
        files.make_dirs(os.path.dirname(plan.path), root=root)
        files.write_new(plan.path, plan.content, root=root)
    except InputError as exc:
        if exc.problems[0].code == "exists":  # filed meanwhile: a finding, as when it was there before
            raise InputRefusal(exc.problems) from None
        raise
    except OSError as exc:
        raise InputError([Problem(exc.filename or root, "unreadable", {"reason": files.os_reason(exc)})]) from None
    meeting = plan.round.dated
    args = {"id": ident, "segment": segment_name(plan.segment), "meeting": meeting, "date": plan.day.isoformat()}
    print(text(lang, "status.wrote", **args), file=sys.stderr)
    print(plan.path)
    return OK


def _plan(root: str, ident: str, round_id: str | None, date: str | None, lang: str) -> _Plan:
    """The file to write, its text, its round and the initiative's segment; an InputError when the input cannot be
    used, an InputRefusal when the portfolio does not allow the report."""
    problem = not_a_portfolio(root)
    if problem:
        raise InputError([problem])
    found = find_file(root, ident)
    try:
        day = day_of(date) or datetime.date.today()
    except ValueError:
        raise InputError([Problem("--date", "bad_date", {"value": date})]) from None
    portfolio = load_portfolio(root, statuses=True)
    context = portfolio.context
    if context.settings is None:
        raise InputError(list(context.problems))
    entry = next((e for e in portfolio.entries if e.id == ident), None)
    if entry is None:  # the file is there, but cannot be read
        about = [p for p in portfolio.problems if p.path == found] or list(portfolio.problems)
        raise InputError(about or [Problem(found, "unreadable", {"reason": "–"})])
    statuses = portfolio.statuses
    assert statuses is not None
    cadence = load_cadence()
    calendar = rounds(context.settings.calendar, cadence)
    settings_path = context.settings_path
    if not calendar:
        raise InputRefusal([Problem(settings_path, "status.no_calendar")])
    member = Member(entry.id, entry.initiative, checklist_segment(entry.initiative, portfolio.checklist))
    filed = {r.id: statuses.filed(r.id) for r in calendar}
    if round_id is not None:
        round_ = find_round(calendar, round_id, settings_path)
        if isinstance(round_, Problem):
            raise InputError([round_])
        _reports(member, round_.date, found)
        segment = member.segment_on(round_.date)
        if segment not in round_.segments:
            shown = ", ".join(segment_name(s) for s in round_.segments) or "–"
            args = {"segment": segment_name(segment), "meeting": round_.label, "round": round_.id, "segments": shown}
            line, column = context.settings_place("calendar", round_.index)
            raise InputRefusal([Problem(settings_path, "status.not_reporting", args, line, column)])
        if round_.far(day):  # as ehp check (status_date_far) and collect judge a date
            if date is not None:
                args = {"date": day.isoformat(), "meeting": round_.dated}
                raise InputError([Problem("--date", "status.collect.date_far", args)])
            day = round_.date  # today is over a year from a round long past or far ahead: date it at the meeting
    else:
        _reports(member, day, found)
        next_due = next_round(member, calendar, day, filed)
        if next_due is None:
            args = {"date": day.isoformat(), "segment": segment_name(member.segment_on(day))}
            raise InputRefusal([Problem(settings_path, "status.none_due", args)])
        round_ = next_due
    folder = os.path.join(root, STATUS_DIR, round_.id)
    for suffix in SUFFIXES:
        existing = os.path.join(folder, ident + suffix)
        if os.path.lexists(existing):
            raise InputRefusal([Problem(existing, "status.exists")])
    segment = member.segment_on(round_.date)
    assert segment is not None
    path = os.path.join(folder, f"{ident}.yaml")
    content = render(ident, entry.initiative, segment, round_, day, cadence, lang)
    data, positions = parse_mapping(path, content)
    validate(StatusReport, data, path, positions)  # what is written can be read back
    return _Plan(path, content, round_, segment, day)


def _reports(member: Member, day: datetime.date, path: str) -> None:
    """Refused unless the initiative is active and in a segment on the day."""
    status = member.state(day).status
    if status != "active":
        raise InputRefusal([Problem(path, "status.inactive", {"status": status})])
    if member.segment_on(day) is None:
        raise InputRefusal([Problem(path, "status.no_segment")])
