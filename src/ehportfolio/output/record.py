"""An assessment as a plain record: the JSON object of `assess` and `segment`, and the rows of CSV."""

from __future__ import annotations

from typing import Any

from ehportfolio.domain.engine import Step
from ehportfolio.features.assessment import Assessment


def step_record(step: Step) -> dict[str, Any]:
    record: dict[str, Any] = {
        "phase": step.phase,
        "question": step.question,
        "answer": step.answer,
        "effect": step.effect,
    }
    if step.criterion:
        record["criterion"] = step.criterion
    if step.segment:
        record["segment"] = step.segment
    return record


def assessment_record(assessment: Assessment) -> dict[str, Any]:
    decision = assessment.decision
    initiative = assessment.entry.initiative
    return {
        "id": assessment.entry.id,
        "name": initiative.name,
        "included": decision.included,
        "segment": decision.segment,
        "recorded_segment": initiative.segment,
        "segment_differs_without_reason": assessment.unexplained,
        "stage": assessment.state.stage,
        "effective_segment": assessment.state.member_segment,
        "missing": list(decision.missing),
        "trace": [step_record(step) for step in decision.trace],
        "checklist_version": decision.checklist_version,
    }
