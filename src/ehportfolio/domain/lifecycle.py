"""The life of an initiative: what a decision, a move or a change of status does to its file, decided purely.

`plan` takes the initiative as it is and the step asked for, and returns the fields to set or remove and the history
entry to append; or a `Refusal` saying why the step makes no sense. The command writes the plan with `writer.record`
and `files.replace`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ehportfolio.domain import errors
from ehportfolio.domain.fieldtypes import OUT
from ehportfolio.domain.models import HistoryEntry, Initiative

DECISION = "decision"
MOVE = "move"
STATUS = "status"
PRIORITY = "priority"
SEGMENT_KINDS = (DECISION, MOVE)


class Refusal(errors.Refusal):
    """A step that cannot be recorded; `key` names the problem's message (`messages.PROBLEMS`)."""


@dataclass(frozen=True)
class Plan:
    """The fields to set (None: remove the key) and the history entry to append, in file order."""

    fields: dict[str, str | None]
    entry: dict[str, Any]


def last(initiative: Initiative, kinds: tuple[str, ...]) -> HistoryEntry | None:
    """The latest history entry of the given kinds."""
    entries = [e for e in initiative.history if e.kind in kinds]
    return entries[-1] if entries else None


def plan(
    initiative: Initiative,
    checklist_segment: str | None,
    action: str,
    target: str | None,
    reason: str,
    ref: str | None,
    day: datetime.date,
    today: datetime.date,
    allow_future: bool = False,
) -> Plan:
    """What recording `action` (decision, out, move, status or priority) with `target` does to the initiative. A
    priority changes no field: the history is its only record, written as numbers (`to: 3`)."""
    if not reason.strip():  # bad input, not a step the data refuses
        raise errors.UserError("problem.lifecycle.no_reason")
    if day > today and not allow_future:
        raise Refusal("lifecycle.future", date=day.isoformat(), today=today.isoformat())
    if initiative.history and day < initiative.history[-1].date:
        raise Refusal("lifecycle.before_last", date=day.isoformat(), last=initiative.history[-1].date.isoformat())
    previous = last(initiative, SEGMENT_KINDS)
    # Where the initiative is: the last decision's `to` (`out` included), else the segment the file records. Each
    # entry's `from` is the `to` of the one before it, so that the history stays one chain.
    current = previous.to if previous is not None else initiative.segment
    if action == PRIORITY:
        assert target is not None  # the command refuses a priority that is not a positive whole number
        decided = last(initiative, (PRIORITY,))
        if decided is not None and int(decided.to) == int(target):
            raise Refusal("lifecycle.same_priority", priority=int(target))
        old = int(decided.to) if decided is not None else None
        return Plan({}, _entry(day, PRIORITY, old, int(target), reason, ref))
    if action == STATUS:
        assert target is not None
        if target == initiative.status:
            raise Refusal("lifecycle.same_status", status=target)
        return Plan({"status": target}, _entry(day, STATUS, initiative.status, target, reason, ref))
    if action == "out":
        if current == OUT:
            raise Refusal("lifecycle.already_out")
        fields: dict[str, str | None] = {"segment": None, "segment_reason": None}
        return Plan(fields, _entry(day, DECISION, current, OUT, reason, ref))
    if target is None:
        raise Refusal("lifecycle.no_target")
    if action == MOVE and current in (None, OUT):
        raise Refusal("lifecycle.move_without_segment")
    if target == current and (action == MOVE or previous is not None):
        # a decision may confirm the segment a file records from before the history was kept, never repeat one
        raise Refusal("lifecycle.same_segment", segment=target)
    # A segment the checklist does not give needs its reason beside it; one that agrees needs none.
    fields = {"segment": target, "segment_reason": reason if target != checklist_segment else None}
    return Plan(fields, _entry(day, action, current, target, reason, ref))


def _entry(
    day: datetime.date, kind: str, old: str | int | None, new: str | int, reason: str, ref: str | None
) -> dict[str, Any]:
    entry: dict[str, Any] = {"date": day, "kind": kind, "from": old, "to": new, "reason": reason}
    if ref:
        entry["ref"] = ref
    return entry
