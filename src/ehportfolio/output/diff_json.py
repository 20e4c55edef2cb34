"""JSON of `ehp diff`: one object with the two revisions, the counts and a list per kind of change, sorted by id."""

from __future__ import annotations

import json
from typing import Any

from ehportfolio.features.changes import Changes, InitiativeAt


def _where(state: InitiativeAt) -> dict[str, Any]:
    """Where an initiative stands at one revision: its inclusion, stage and effective segment (domain.state)."""
    return {"included": state.included, "stage": state.stage, "segment": state.segment, "segment_source": state.source}


def _initiative(state: InitiativeAt) -> dict[str, Any]:
    return {"id": state.id, "name": state.name, "owner": state.owner, **_where(state)}


def _side(state: InitiativeAt) -> dict[str, Any]:
    return {
        **_where(state),
        "checklist_segment": state.result,
        "recorded_segment": state.recorded,
        "segment_reason": state.reason,
    }


def changes_record(changes: Changes) -> dict[str, Any]:
    return {
        "base": {"revision": changes.base.revision, "commit": changes.base.commit},
        "head": {"revision": changes.head.revision, "commit": changes.head.commit},
        "summary": changes.counts(),
        "added": [_initiative(s) for s in changes.added],
        "removed": [_initiative(s) for s in changes.removed],
        "inclusion": [
            {"id": c.id, "name": c.after.name, "before": c.before.included, "after": c.after.included}
            for c in changes.inclusion
        ],
        "stage": [
            {"id": c.id, "name": c.after.name, "before": _side(c.before), "after": _side(c.after)}
            for c in changes.stage
        ],
        "segment": [
            {
                "id": c.id,
                "name": c.after.name,
                "before": _side(c.before),
                "after": _side(c.after),
                "cause": c.cause,
                "reason": c.reason,
            }
            for c in changes.segment
        ],
        "result": [
            {
                "id": c.id,
                "name": c.after.name,
                "segment": c.after.segment,
                "before": c.before.result,
                "after": c.after.result,
            }
            for c in changes.result
        ],
        "answers": [
            {
                "id": c.id,
                "name": c.after.name,
                "changes": [{"question": a.question, "before": a.before, "after": a.after} for a in c.answers],
            }
            for c in changes.answers
        ],
        "other": [
            {"id": c.id, "name": c.after.name, "field": c.field, "before": c.old, "after": c.new} for c in changes.other
        ],
        "skipped": list(changes.skipped),
    }


def render_changes(changes: Changes, lang: str) -> str:
    return json.dumps(changes_record(changes), ensure_ascii=False, indent=2) + "\n"
