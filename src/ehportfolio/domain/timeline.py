"""An initiative's life as a list of events, from its committed versions and the history recorded in it.

Pure: versions in (oldest first, each already read), events out. Each recorded history entry is dated by its own date
and tied to the commit that added it; changes made in git without a recorded entry (answers, a segment edited by
hand) are events of their commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ehportfolio.domain.models import CHECKLIST_KEYS, HistoryEntry, Initiative


@dataclass(frozen=True)
class Event:
    """One step: `kind` names it (created, answers, segment, status, decision, move, deleted, unreadable)."""

    date: str
    commit: str | None
    kind: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reading:
    """A version of the file: the commit (None for the working tree), its date, and what it held."""

    commit: str | None
    date: str
    initiative: Initiative | None
    readable: bool = True


def events(readings: list[Reading]) -> list[Event]:
    found: list[Event] = []
    previous: Initiative | None = None
    for reading in readings:
        current = reading.initiative
        if not reading.readable:
            found.append(Event(reading.date, reading.commit, "unreadable"))
            continue
        if current is None:
            if previous is not None:
                found.append(Event(reading.date, reading.commit, "deleted"))
            previous = None
            continue
        if previous is None:
            found.append(Event(reading.date, reading.commit, "created", {"segment": current.segment}))
        else:
            found.extend(_changes(previous, current, reading))
        known = len(previous.history) if previous else 0
        for entry in current.history[known:]:
            found.append(_recorded(entry, reading.commit))
        previous = current
    return found


def _changes(before: Initiative, after: Initiative, reading: Reading) -> list[Event]:
    changed = []
    old, new = dict(before.checklist), dict(after.checklist)
    answers = [(key, old[key], new[key]) for key in CHECKLIST_KEYS if old[key] != new[key]]
    if answers:
        changed.append(Event(reading.date, reading.commit, "answers", {"answers": answers}))
    recorded = len(after.history) > len(before.history)
    if before.segment != after.segment and not recorded:
        changed.append(Event(reading.date, reading.commit, "segment", {"from": before.segment, "to": after.segment}))
    if before.status != after.status and not recorded:
        changed.append(Event(reading.date, reading.commit, "status", {"from": before.status, "to": after.status}))
    return changed


def _recorded(entry: HistoryEntry, commit: str | None) -> Event:
    args = {"from": entry.from_, "to": entry.to, "reason": entry.reason, "ref": entry.ref}
    return Event(entry.date.isoformat(), commit, entry.kind, args)
