"""`ehp calendar` as plain text or JSON: each meeting, the segments that report to it, and who has reported."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..cadence import Cadence
from ..fieldtypes import SEGMENTS
from ..messages import segment_name, text
from ..reporting import RoundState


def _years(states: Sequence[RoundState]) -> str:
    return ", ".join(str(year) for year in sorted({s.round.date.year for s in states}))


def render_text(name: str, states: Sequence[RoundState], cadence: Cadence, lang: str) -> str:
    """A table of the meetings in date order, then the cadence the default follows."""
    header = [text(lang, f"calendar.col.{c}") for c in ("meeting", "date", "round", "segments", "reported")]
    rows = [header]
    for state in states:
        round_ = state.round
        segments = ", ".join(segment_name(s) for s in round_.segments) or text(lang, "calendar.nobody")
        if not round_.default:
            segments += " *"
        reported = (
            text(lang, "calendar.reported", reported=len(state.reported), due=len(state.due))
            if round_.segments
            else "–"
        )
        rows.append([round_.label, round_.date.isoformat(), round_.id, segments, reported])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [text(lang, "calendar.title", years=_years(states), name=name), ""]
    for row in rows:
        lines.append("  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]]))
    if any(not state.round.default for state in states):
        lines += ["", text(lang, "calendar.named")]
    lines += ["", text(lang, "calendar.cadence", committee=cadence.portfolio_committee)]
    names = [segment_name(s) for s in SEGMENTS]
    times = [
        text(lang, "calendar.times.one") if c.times == 1 else text(lang, "calendar.times", times=c.times)
        for c in (cadence.segments[s] for s in SEGMENTS)
    ]
    name_width, times_width = max(map(len, names)), max(map(len, times))
    for segment, shown, often in zip(SEGMENTS, names, times, strict=True):
        subject = cadence.segments[segment].subject[lang]
        lines.append(f"  {shown.ljust(name_width)}  {often.ljust(times_width)}  {subject}")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def render_json(name: str, states: Sequence[RoundState], cadence: Cadence, lang: str) -> str:
    """One object: the portfolio's name, and each meeting with its round, segments and who is due and has reported."""
    meetings: list[dict[str, Any]] = [
        {
            "round": s.round.id,
            "committee": s.round.committee,
            "number": s.round.number,
            "date": s.round.date.isoformat(),
            "segments": list(s.round.segments),
            "segments_source": "cadence" if s.round.default else "calendar",
            "due": list(s.due),
            "reported": list(s.reported),
            "not_reported": list(s.missing),
            "unexpected": list(s.extra),
        }
        for s in states
    ]
    cadence_data = {
        segment: {"times": cadence.segments[segment].times, "subject": cadence.segments[segment].subject[lang]}
        for segment in SEGMENTS
    }
    document = {"portfolio": name, "meetings": meetings, "cadence": cadence_data}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
