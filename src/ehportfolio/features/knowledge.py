"""The knowledge bank (kunnskapsbank): every experience, obstacle and idea the status reports hold across rounds, and
Observere's risks, each with the initiative, round and date it came from, the initiative's main goal and the segment
it reported in. This serves the report's aim of openness and knowledge sharing (åpenhet og kunnskapsdeling).

Pure: no files, no clock, no words (reports/knowledge.py words it). One pass over the status reports.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.goals import main_goal
from ehportfolio.domain.models import StatusReport
from ehportfolio.features.calendar import Member, Round, members, rounds
from ehportfolio.store.portfolio import Portfolio

KINDS = ("experience", "obstacles", "idea", "risk")
"""What an entry of the knowledge bank is, in the order a report's entries are listed: its `experience`, its
`obstacles`, each of its `ideas`, and each of its `risks` when it reported as an Observere initiative."""

RISK_SEGMENT = "observere"
"""The segment whose risks the bank gathers (section 4.5: Observere follows risk to catch challenges of shared
national interest); Samstyre's risks are the committee's business, in the meeting paper."""


@dataclass(frozen=True)
class Lesson:
    """One entry of the knowledge bank."""

    kind: str
    """One of KINDS."""
    text: str
    initiative: str
    """The initiative's id."""
    round: str
    """The round's id (its folder under status/)."""
    meeting: Round | None
    """The round as the calendar has it; None for a folder that is no meeting of the calendar."""
    date: datetime.date
    """The report's date."""
    goal: str
    """The initiative's main goal; empty when it names none."""
    segment: str | None
    """The segment it was a member of on the meeting's date (the report's date without one); None when none."""
    consequence: str = ""
    """A risk's consequence."""
    action: str = ""
    """A risk's action."""


def _texts(report: StatusReport, segment: str | None) -> Iterable[tuple[str, str, str, str]]:
    """(kind, text, consequence, action) of each entry of one report, in the order of KINDS; blank texts left out."""
    yield "experience", report.experience or "", "", ""
    yield "obstacles", report.obstacles or "", "", ""
    for idea in report.ideas or ():
        yield "idea", idea or "", "", ""
    if segment == RISK_SEGMENT:
        for risk in report.risks or ():
            yield "risk", risk.risk or "", risk.consequence or "", risk.action or ""


def lessons(portfolio: Portfolio, cadence: Cadence, day: datetime.date | None = None) -> list[Lesson]:
    """Every entry of the knowledge bank, in the order of the status files, one pass over them. With `day`, only the
    reports dated on or before it. A report of an initiative the portfolio does not have is left out (`ehp check`
    reports its file)."""
    statuses, settings = portfolio.statuses, portfolio.context.settings
    if statuses is None:
        return []
    by_id: dict[str, Member] = {m.id: m for m in members(portfolio)}
    meetings = {r.id: r for r in rounds(settings.calendar, cadence)} if settings else {}
    found: list[Lesson] = []
    for entry in statuses.entries:
        member, report = by_id.get(entry.id), entry.report
        if member is None or (day is not None and report.date > day):
            continue
        meeting = meetings.get(entry.round)
        segment = member.segment_on(meeting.date if meeting else report.date)
        goal = main_goal(member.initiative)
        for kind, said, consequence, action in _texts(report, segment):
            if said.strip():
                found.append(
                    Lesson(kind, said, entry.id, entry.round, meeting, report.date, goal, segment, consequence, action)
                )
    return found
