"""Output formats. Each takes assessments and returns text; the command decides where the text goes.

A format's module is imported only when it is asked for, so that `ehp assess` never loads rich or Jinja for JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ehportfolio.output.formats import renderer

if TYPE_CHECKING:
    from ehportfolio.features.assessment import Assessment


def render_assessment(fmt: str, assessment: Assessment, lang: str) -> str:
    return renderer("assess", fmt).render_assessment(assessment, lang)  # type: ignore[no-any-return]


def render_portfolio(fmt: str, assessments: Sequence[Assessment], version: str, lang: str) -> str:
    return renderer("segment", fmt).render_portfolio(assessments, version, lang)  # type: ignore[no-any-return]
