"""The papers of NUIT's annual cycle (`ehp report definition --stage`): the header from the calendar's meeting that
handles a paper, the date the portfolio is taken on, and each stage's own proposed decision. contexts.definition
builds the rest of the paper."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.cycle import DECIDING_STAGE, stage_meeting
from ehportfolio.domain.fieldtypes import CYCLE_COMMITTEE, SEGMENTS
from ehportfolio.domain.models import Meeting
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import cycle_stage_name, segment_name, text
from ehportfolio.reports import template_contexts as tc

CASE_TYPES = {
    "Orientering": N_("report.case_type.Orientering"),
    "Drøfting": N_("report.case_type.Drøfting"),
    "Beslutning": N_("report.case_type.Beslutning"),
    "Godkjenning": N_("report.case_type.Godkjenning"),
}
"""A case type, in words."""
STAGE_PROPOSALS = {
    "strategi": N_("report.definition.proposal.strategi"),
    "balansering": N_("report.definition.proposal.balansering"),
}
"""The proposed decision of the stages that say it in one sentence (prioritering and planlegging count)."""
CYCLE_CASE_TYPE = "Beslutning"
"""The case type of a paper of the cycle whose meeting gives none: each proposes a decision."""


@dataclass(frozen=True)
class Dating:
    """When a paper of the cycle takes the portfolio, the header of its meeting, and why that date, as a sentence."""

    day: datetime.date
    header: tc.CaseHeader
    dated: str


def dating(calendar: Sequence[Meeting], cadence: Cadence, year: int, stage: str, lang: str) -> Dating:
    """The paper of `stage` (empty: the whole definition, decided at the meeting that handles planning) in the cycle
    of `year`: on its meeting's date, with its header; on 31 December of `year`, said so, when the calendar names no
    meeting for it."""
    handled = stage or DECIDING_STAGE
    meeting = stage_meeting(calendar, year, handled)
    if meeting is None:
        empty = tc.CaseHeader(False, "", "", "", "", "", "", "")
        dated = text(
            lang,
            "report.definition.dated.none",
            committee=CYCLE_COMMITTEE,
            year=year,
            stage=cycle_stage_name(handled, lang),
        )
        return Dating(datetime.date(year, 12, 31), empty, dated)
    label = f"{meeting.committee} {meeting.number}/{meeting.date.year}"
    header = tc.CaseHeader(
        known=True,
        committee=meeting.committee,
        committee_name=cadence.committees.get(meeting.committee, {}).get(lang, ""),
        number=str(meeting.number),
        meeting_date=meeting.date.isoformat(),
        label=label,
        case=meeting.case or f"x/{year % 100:02d}",
        case_type=text(lang, CASE_TYPES[meeting.case_type or CYCLE_CASE_TYPE]),
    )
    dated = text(lang, "report.definition.dated.meeting", label=label, date=meeting.date.isoformat())
    return Dating(meeting.date, header, dated)


@dataclass(frozen=True)
class Paper:
    """What the definition shows, for a stage's proposed decision."""

    year: int
    ranked: Sequence[tc.Ranked]
    by_segment: Sequence[tc.SegmentCount]
    money: tc.Money
    continues: int
    starts: int
    ends: int


def proposal(paper: Paper, cadence: Cadence, stage: str, lang: str) -> tuple[str, tuple[str, ...]]:
    """The proposed decision of `stage`'s paper, and the lines under it."""
    committee, following = CYCLE_COMMITTEE, paper.year + 1
    if stage == "prioritering":
        if not paper.ranked:
            return text(lang, "report.definition.proposal.prioritering_none", committee=committee), ()
        said = text(
            lang,
            "report.definition.proposal.prioritering",
            committee=committee,
            next=following,
            count=len(paper.ranked),
        )
        return said, tuple(f"{r.priority}. {r.name} – {r.owner}" for r in paper.ranked)
    if stage == "balansering":
        return text(lang, STAGE_PROPOSALS[stage], committee=committee, next=following), _balance(paper, lang)
    if stage == "planlegging":
        said = text(
            lang,
            "report.definition.proposal.planlegging",
            committee=committee,
            next=following,
            year=paper.year,
            continues=text(lang, "count.initiatives", count=paper.continues),
            starts=text(lang, "count.initiatives", count=paper.starts),
            ends=text(lang, "count.initiatives", count=paper.ends),
        )
        return said, _reporting(paper, cadence, lang)
    return text(lang, STAGE_PROPOSALS[stage], committee=committee, next=following), ()


def _balance(paper: Paper, lang: str) -> tuple[str, ...]:
    """Each segment's count, and its budget for the year defined where any is recorded; then the whole portfolio."""
    following = str(paper.year + 1)
    budgets = {row.name: row.budget for row in paper.money.by_segment if row.year == following}
    total = text(lang, "report.col.total")
    counts = [(row.name, row.count) for row in paper.by_segment]
    counts.append((total, sum(row.count for row in paper.by_segment)))
    lines = []
    for name, count in counts:
        initiatives = text(lang, "count.initiatives", count=count)
        if name in budgets:
            said = {"group": name, "initiatives": initiatives, "year": following, "amount": budgets[name]}
            lines.append(text(lang, "report.definition.balance_item.budget", **said))
        else:
            lines.append(text(lang, "report.definition.balance_item", group=name, initiatives=initiatives))
    return tuple(lines)


def _reporting(paper: Paper, cadence: Cadence, lang: str) -> tuple[str, ...]:
    """How each segment reports in the year defined: its members, how often, and on what (cadence.yaml)."""
    counts = {row.name: row.count for row in paper.by_segment}
    lines = []
    for segment in SEGMENTS:
        reporting = cadence.segments[segment]
        name = segment_name(segment)
        lines.append(
            text(
                lang,
                "report.definition.plan_item",
                count=reporting.times,
                segment=name,
                initiatives=text(lang, "count.initiatives", count=counts.get(name, 0)),
                subject=reporting.subject[lang],
            )
        )
    return tuple(lines)
