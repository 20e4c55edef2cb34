"""Rules on an initiative's recorded history: in date order, each step starting where the last one ended, and ending
where the file says the initiative is now."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ehportfolio.domain.fieldtypes import OUT
from ehportfolio.domain.lifecycle import PRIORITY, SEGMENT_KINDS, STATUS
from ehportfolio.domain.problems import Problem

if TYPE_CHECKING:
    from ehportfolio.rules import Subject


def history_order(subject: Subject) -> Iterator[Problem]:
    """The entries of the history are in date order."""
    for entry in subject.portfolio.entries:
        history = entry.initiative.history
        for index in range(1, len(history)):
            if history[index].date < history[index - 1].date:
                line, column = entry.place("history", index, "date")
                args = {"date": history[index].date.isoformat(), "previous": history[index - 1].date.isoformat()}
                yield Problem(entry.path, "", args, line, column, f"history.{index}.date")


def history_chain(subject: Subject) -> Iterator[Problem]:
    """Each entry's `from` is the previous entry's `to`, for segments, statuses and priorities each."""
    for entry in subject.portfolio.entries:
        for kinds in (SEGMENT_KINDS, (STATUS,), (PRIORITY,)):
            steps = [(i, e) for i, e in enumerate(entry.initiative.history) if e.kind in kinds]
            for (_, before), (index, after) in zip(steps, steps[1:], strict=False):
                if after.from_ != before.to:
                    line, column = entry.place("history", index, "from")
                    args = {"from": after.from_ or "–", "previous": before.to}
                    yield Problem(entry.path, "", args, line, column, f"history.{index}.from")


def history_current(subject: Subject) -> Iterator[Problem]:
    """The file's segment and status are where its history ends."""
    for entry in subject.portfolio.entries:
        initiative = entry.initiative
        indexed = list(enumerate(initiative.history))
        segment_steps = [(i, e) for i, e in indexed if e.kind in SEGMENT_KINDS]
        if segment_steps:
            index, step = segment_steps[-1]
            expected = None if step.to == OUT else step.to
            if initiative.segment != expected:
                line, column = entry.place("segment") if initiative.segment else entry.place("history", index, "to")
                args = {"field": "segment", "value": initiative.segment or "–", "last": step.to}
                yield Problem(entry.path, "", args, line, column, "segment")
        status_steps = [(i, e) for i, e in indexed if e.kind == STATUS]
        if status_steps and initiative.status != status_steps[-1][1].to:
            line, column = entry.place("status") if "status" in initiative.model_fields_set else (1, 1)
            args = {"field": "status", "value": initiative.status, "last": status_steps[-1][1].to}
            yield Problem(entry.path, "", args, line, column, "status")


def history_future(subject: Subject) -> Iterator[Problem]:
    """No entry is dated after today."""
    for entry in subject.portfolio.entries:
        for index, step in enumerate(entry.initiative.history):
            if step.date > subject.today:
                line, column = entry.place("history", index, "date")
                args = {"date": step.date.isoformat(), "today": subject.today.isoformat()}
                yield Problem(entry.path, "", args, line, column, f"history.{index}.date")
