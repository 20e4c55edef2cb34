"""`ehp calendar` as plain text or JSON: each meeting, the segments that report to it, and who has reported."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.features.calendar import ExampleRounds, Member, RoundState
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import example_notice, missing_words, segment_name, text

COLUMNS = {
    "meeting": N_("calendar.col.meeting"),
    "date": N_("calendar.col.date"),
    "round": N_("calendar.col.round"),
    "segments": N_("calendar.col.segments"),
    "reported": N_("calendar.col.reported"),
    "state": N_("calendar.col.state"),
    "owner": N_("calendar.col.owner"),
    "initiative": N_("calendar.col.initiative"),
    "segment": N_("calendar.col.segment"),
    "stage": N_("calendar.col.stage"),
}
STATE_WORDS = {
    "not_started": N_("calendar.state.not_started"),
    "not_reported": N_("calendar.state.missing"),
    "incomplete": N_("calendar.state.incomplete"),
    "reported": N_("calendar.state.reported"),
}
"""Where a report to the round stands (features.calendar.REPORT_STATES), in words."""


def _years(states: Sequence[RoundState]) -> str:
    return ", ".join(str(year) for year in sorted({s.round.date.year for s in states}))


NO_EXAMPLES = ExampleRounds()


def _notice(examples: ExampleRounds, lang: str) -> list[str]:
    """The lines that say the reports of the rounds `examples` are example data, under a listing's title."""
    return [example_notice(examples.labels, lang, examples.partly)] if examples else []


def render_text(
    name: str, states: Sequence[RoundState], cadence: Cadence, lang: str, examples: ExampleRounds = NO_EXAMPLES
) -> str:
    """A table of the meetings in date order, then the cadence the default follows; `examples` are the rounds whose
    reports are example data, all or some (example_labels), which a line under the title names."""
    header = [text(lang, COLUMNS[c]) for c in ("meeting", "date", "round", "stage", "segments", "reported")]
    rows = [header]
    for state in states:
        round_ = state.round
        segments = ", ".join(segment_name(s) for s in round_.segments) or text(lang, "calendar.nobody")
        if not round_.default:
            segments += " *"
        reported = _reported(state, lang) if round_.segments else "–"
        stage = round_.stage or "–"  # the word `--stage` takes, as segments are named in every language
        rows.append([round_.label, round_.date.isoformat(), round_.id, stage, segments, reported])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [text(lang, "calendar.title", years=_years(states), name=name), *_notice(examples, lang), ""]
    for row in rows:
        lines.append("  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]]))
    if any(not state.round.default for state in states):
        lines += ["", text(lang, "calendar.named")]
    lines += ["", text(lang, "calendar.cadence.routed")]
    table = [
        [
            segment_name(s),
            text(lang, "calendar.times.one") if c.times == 1 else text(lang, "calendar.times", times=c.times),
            ", ".join(cadence.receivers(s)),
            c.subject[lang],
        ]
        for s, c in ((s, cadence.segments[s]) for s in SEGMENTS)
    ]
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    for row in table:
        lines.append(
            "  " + "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]])
        )
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _reported(state: RoundState, lang: str) -> str:
    """`12 av 16`, with how many reports are incomplete; `ikke startet (0 av 16)` for a round nobody has reported
    to."""
    if not state.started:
        return text(lang, "calendar.not_started", due=len(state.due))
    shown = text(lang, "calendar.reported", reported=len(state.reported), due=len(state.due))
    if state.incomplete:
        shown += " " + text(lang, "calendar.incomplete", count=len(state.incomplete))
    return shown


def render_json(
    name: str, states: Sequence[RoundState], cadence: Cadence, lang: str, examples: ExampleRounds = NO_EXAMPLES
) -> str:
    """One object: the portfolio's name, and each meeting with its round, segments, who is due and has reported, and
    whether it holds reports of example data (`example`; `example_partly` when it holds the organisations' own reports
    too), with the notice that says so in `example_notice`."""
    meetings: list[dict[str, Any]] = [
        {
            "round": s.round.id,
            "committee": s.round.committee,
            "number": s.round.number,
            "date": s.round.date.isoformat(),
            "segments": list(s.round.segments),
            "segments_source": "cadence" if s.round.default else "calendar",
            "stage": s.round.stage,
            "started": s.started,
            "due": list(s.due),
            "reported": list(s.reported),
            "incomplete": list(s.incomplete),
            "not_reported": list(s.missing),
            "unexpected": list(s.extra),
            "example": s.round.label in examples.labels,
            "example_partly": s.round.label in examples.partly,
        }
        for s in states
    ]
    cadence_data = {
        segment: {
            "times": cadence.segments[segment].times,
            "committees": list(cadence.receivers(segment)),
            "subject": cadence.segments[segment].subject[lang],
        }
        for segment in SEGMENTS
    }
    notice = example_notice(examples.labels, lang, examples.partly)
    document = {"portfolio": name, "example_notice": notice, "meetings": meetings, "cadence": cadence_data}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _round_rows(state: RoundState, everyone: Mapping[str, Member]) -> list[str]:
    """Each initiative due at the round: the ones missing first (to chase), then the incomplete ones, then those
    that have reported; within each, by owner and id."""
    order = {name: index for index, name in enumerate(("not_reported", "not_started", "incomplete", "reported"))}
    return sorted(
        state.due,
        key=lambda ident: (order[state.states[ident].state], everyone[ident].initiative.owner.casefold(), ident),
    )


def _missing(state: RoundState, ident: str, lang: str) -> str:
    """What an incomplete report lacks, as the note after its row."""
    found = state.states[ident]
    if found.unreadable:
        return text(lang, "calendar.unreadable")
    return text(lang, "calendar.lacks", fields=missing_words(found.missing, lang)) if found.missing else ""


def render_round_text(
    state: RoundState, everyone: Mapping[str, Member], lang: str, examples: ExampleRounds = NO_EXAMPLES
) -> str:
    """One meeting's initiatives: who has not reported (first, to chase), whose report is incomplete and what it
    lacks, and who has reported, with owner and segment. A round nobody has reported to says it has not started; one
    whose reports are example data, all or some (its label in `examples`), says so."""
    round_ = state.round
    summary = (
        text(lang, "calendar.round.summary", reported=len(state.reported), due=len(state.due))
        if state.started
        else text(lang, "calendar.round.not_started", due=len(state.due))
    )
    if state.incomplete:
        summary += " " + text(lang, "calendar.round.incomplete", count=len(state.incomplete))
    lines = [
        text(lang, "calendar.round.title", meeting=round_.label, date=round_.date.isoformat(), round=round_.id),
        *_notice(examples, lang),
        summary,
        "",
    ]
    header = [text(lang, COLUMNS[c]) for c in ("state", "owner", "segment", "initiative")]
    rows = [header]
    for ident in _round_rows(state, everyone):
        member = everyone[ident]
        state_word = text(lang, STATE_WORDS[state.states[ident].state])
        segment = member.segment_on(round_.date)
        name = f"{member.initiative.name} ({ident})"
        note = _missing(state, ident, lang)
        rows.append([state_word, member.initiative.owner, segment_name(segment), f"{name}: {note}" if note else name])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    for row in rows:
        lines.append(
            "  " + "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]])
        )
    if state.extra:
        lines += ["", text(lang, "calendar.round.extra", ids=", ".join(state.extra))]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def render_round_json(
    state: RoundState, everyone: Mapping[str, Member], lang: str, examples: ExampleRounds = NO_EXAMPLES
) -> str:
    """One meeting and each initiative due there: id, name, owner, its segment on the date, where its report stands
    (one of REPORT_STATES), what an incomplete one lacks, and whether it has reported in full; and whether the
    round holds reports of example data (`example`, its label in `examples`; `example_partly` when it holds the
    organisations' own reports too; and `example_notice`)."""
    round_ = state.round
    document = {
        "round": round_.id,
        "committee": round_.committee,
        "number": round_.number,
        "date": round_.date.isoformat(),
        "segments": list(round_.segments),
        "started": state.started,
        "example": round_.label in examples.labels,
        "example_partly": round_.label in examples.partly,
        "example_notice": example_notice(examples.labels, lang, examples.partly),
        "initiatives": [
            {
                "id": ident,
                "name": everyone[ident].initiative.name,
                "owner": everyone[ident].initiative.owner,
                "segment": everyone[ident].segment_on(round_.date),
                "state": state.states[ident].state,
                "missing": list(state.states[ident].missing),
                "reported": state.states[ident].state == "reported",
            }
            for ident in _round_rows(state, everyone)
        ],
        "unexpected": list(state.extra),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
