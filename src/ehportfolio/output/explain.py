"""`ehp assess` as plain text: one assessment explained step by step. Plain on purpose: `ehp assess` must start fast,
without rich."""

from __future__ import annotations

from ehportfolio.features.assessment import Assessment
from ehportfolio.features.explanation import question_text, result_line, step_effect
from ehportfolio.i18n.messages import answer_word, segment_name, text


def render_assessment(assessment: Assessment, lang: str) -> str:
    entry = assessment.entry
    initiative = entry.initiative
    decision = assessment.decision
    lines = [f"{initiative.name} ({entry.id})"]
    facts = [f"{text(lang, 'owner')}: {initiative.owner}"]
    if initiative.focus_area:
        facts.append(f"{text(lang, 'focus_area')}: {initiative.focus_area}")
    facts.append(f"{text(lang, 'checklist')}: {decision.checklist_version}")
    lines += [" · ".join(facts), ""]
    phase = ""
    for number, step in enumerate(decision.trace, start=1):
        if step.phase != phase:
            phase = step.phase
            lines.append(text(lang, "inclusion") if phase == "inclusion" else text(lang, "segment"))
        if step.question is None:
            lines.append(f"  → {step_effect(step, assessment, lang)}")
            continue
        lines.append(f"  {number}. {question_text(assessment, step.question, lang)} [{step.question}]")
        lines.append(f"     {answer_word(lang, step.answer)} → {step_effect(step, assessment, lang)}")
    lines += ["", f"{text(lang, 'result')}: {result_line(assessment, lang)}."]
    if decision.missing:
        lines.append(f"{text(lang, 'missing')}:")
        lines += [f"  - {key}: {question_text(assessment, key, lang)}" for key in decision.missing]
    if initiative.segment:
        recorded = f"{text(lang, 'recorded')}: {segment_name(initiative.segment)}"
        if initiative.segment_reason:
            recorded += f" ({text(lang, 'recorded.reason')}: {initiative.segment_reason})"
        lines.append(recorded)
        if assessment.unexplained:
            lines.append("⚠ " + text(lang, "flag.unexplained", recorded=segment_name(initiative.segment)))
    return "\n".join(lines) + "\n"
