"""`ehp segment` as text: one table of the portfolio grouped by segment, each group with its count, then a summary.

Plain text drawn by box_table, fitted to the terminal's width (160 columns when the output is not a terminal).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.domain.state import MEMBER, STAGES, member_counts
from ehportfolio.features.assessment import Assessment
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import segment_name, stage_name, text
from ehportfolio.output import box_table

OUT = "out"
UNDECIDED = "undecided"
COLUMNS = (N_("col.id"), N_("col.name"), N_("col.owner"), N_("col.focus"), N_("col.stage"), N_("col.note"))


def group_of(assessment: Assessment) -> str:
    decision = assessment.decision
    if decision.included is False:
        return OUT
    return decision.segment or UNDECIDED


GROUPS = {
    "out": N_("group.out"),
    "undecided": N_("group.undecided"),
}


def group_title(group: str, lang: str) -> str:
    if group in SEGMENTS:
        return segment_name(group)
    return text(lang, GROUPS[group])


def note(assessment: Assessment, lang: str) -> str:
    initiative = assessment.entry.initiative
    if assessment.decision.missing:
        return text(lang, "note.missing", keys=", ".join(assessment.decision.missing))
    if assessment.unexplained:
        return "⚠ " + text(lang, "flag.unexplained", recorded=segment_name(initiative.segment))
    if assessment.differs:
        return text(lang, "flag.explained", recorded=segment_name(initiative.segment), reason=initiative.segment_reason)
    return ""


def _row(assessment: Assessment, lang: str) -> list[str]:
    initiative = assessment.entry.initiative
    stage = stage_name(assessment.state.stage, lang)
    return [
        assessment.entry.id,
        initiative.name,
        initiative.owner,
        initiative.focus_area or "",
        stage,
        note(assessment, lang),
    ]


def render_portfolio(assessments: Sequence[Assessment], version: str, lang: str, width: int | None = None) -> str:
    groups: dict[str, list[Assessment]] = {group: [] for group in (*SEGMENTS, OUT, UNDECIDED)}
    for assessment in sorted(assessments, key=lambda a: a.entry.id):
        groups[group_of(assessment)].append(assessment)
    lines: list[str] = []
    if assessments:
        sections: list[list[list[str]]] = []
        for group, members in groups.items():
            if members:
                sections.append([[f"{group_title(group, lang)} – {text(lang, 'count', count=len(members))}"]])
                sections.append([_row(a, lang) for a in members])
        headers = [text(lang, column) for column in COLUMNS]
        lines = box_table.render(headers, sections, width or shutil.get_terminal_size((160, 24)).columns)
    counts = ", ".join(f"{group_title(g, lang)} {len(m)}" for g, m in groups.items() if m or g in SEGMENTS)
    lines.append(text(lang, "summary", total=len(assessments), version=version, counts=counts))
    lines.extend(members_summary(assessments, lang))
    flagged = sum(1 for a in assessments if a.unexplained)
    if flagged:
        lines.append("⚠ " + text(lang, "summary.flagged", count=flagged))
    return "\n".join(lines) + "\n"


def members_summary(assessments: Sequence[Assessment], lang: str) -> list[str]:
    """The members by effective segment (domain.state), and how many are proposed, out, finished or withdrawn."""
    counts = member_counts(a.state for a in assessments)
    listed = ", ".join(f"{segment_name(s)} {n}" for s, n in counts.items())
    lines = [text(lang, "summary.members", total=sum(counts.values()), counts=listed)]
    apart = {s: sum(1 for a in assessments if a.state.stage == s) for s in STAGES if s != MEMBER}
    if any(apart.values()):
        shown = ", ".join(f"{stage_name(s, lang)} {n}" for s, n in apart.items() if n)
        lines.append(text(lang, "summary.apart", counts=shown))
    return lines
