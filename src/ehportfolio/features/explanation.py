"""The words that explain one assessment step by step, in the chosen language: what `ehp assess` prints, its Markdown,
and the fact sheet's checklist section all say it the same way."""

from __future__ import annotations

from typing import Any

from ehportfolio.domain.engine import Step
from ehportfolio.features.assessment import Assessment
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import answer_word, segment_name, text

EFFECTS = {
    "met": N_("effect.met"),
    "failed": N_("effect.failed"),
    "not_alone": N_("effect.not_alone"),
    "unanswered": N_("effect.unanswered"),
    "not_needed": N_("effect.not_needed"),
    "segment": N_("effect.segment"),
    "next": N_("effect.next"),
    "otherwise": N_("effect.otherwise"),
}
"""What each step of the decision did (domain/engine.py's `Step.effect`), in words."""


def step_effect(step: Step, assessment: Assessment, lang: str) -> str:
    criterion = ""
    if step.criterion:
        criterion = next(c.text[lang] for c in assessment.checklist.criteria if c.id == step.criterion)
    return text(lang, EFFECTS[step.effect], criterion=criterion, segment=segment_name(step.segment))


def question_text(assessment: Assessment, question: str, lang: str) -> str:
    return assessment.checklist.questions[question][lang]


def result_line(assessment: Assessment, lang: str) -> str:
    decision = assessment.decision
    if not decision.decided:
        return text(lang, "result.undecided")
    if decision.included:
        return text(lang, "result.in", segment=segment_name(decision.segment))
    return text(lang, "result.out")


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
