"""Markdown explaining one assessment, rendered from templates/assessment.md.j2, for a case paper or a pull request."""

from __future__ import annotations

from typing import Any

from ehportfolio.features.assessment import Assessment
from ehportfolio.i18n.messages import answer_word, segment_name, text
from ehportfolio.output.explain import question_text, result_line, step_effect


def render_assessment(assessment: Assessment, lang: str) -> str:
    from ehportfolio.store.templates import environment

    return environment().get_template("assessment.md.j2").render(assessment_context(assessment, lang))


def assessment_context(assessment: Assessment, lang: str) -> dict[str, Any]:
    """The assessment as plain data, with the wording of `ehp assess`: what assessment.md.j2 and the fact sheet
    show."""
    entry = assessment.entry
    decision = assessment.decision
    steps = [
        {
            "phase": step.phase,
            "question": step.question,
            "text": question_text(assessment, step.question, lang) if step.question else "",
            "answer": answer_word(lang, step.answer) if step.question else "",
            "effect": step_effect(step, assessment, lang),
        }
        for step in decision.trace
    ]
    context: dict[str, Any] = {
        "t": {
            key: text(lang, key)
            for key in (
                "owner",
                "focus_area",
                "checklist",
                "inclusion",
                "segment",
                "result",
                "missing",
                "recorded",
                "recorded.reason",
            )
        },
        "id": entry.id,
        "initiative": entry.initiative,
        "recorded": segment_name(entry.initiative.segment) if entry.initiative.segment else "",
        "version": decision.checklist_version,
        "steps": steps,
        "result": result_line(assessment, lang),
        "missing": [{"key": key, "text": question_text(assessment, key, lang)} for key in decision.missing],
        "flag": text(lang, "flag.unexplained", recorded=segment_name(entry.initiative.segment))
        if assessment.unexplained
        else "",
    }
    return context
