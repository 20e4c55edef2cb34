"""Markdown explaining one assessment, rendered from templates/assessment.md.j2, for a case paper or a pull request."""

from __future__ import annotations

from ehportfolio.features.assessment import Assessment
from ehportfolio.features.explanation import assessment_context
from ehportfolio.i18n.messages import install_texts


def render_assessment(assessment: Assessment, lang: str) -> str:
    from ehportfolio.store.templates import environment

    env = environment()
    install_texts(env, lang)
    return env.get_template("assessment.md.j2").render(assessment_context(assessment, lang))
