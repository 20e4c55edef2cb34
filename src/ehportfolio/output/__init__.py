"""Output formats. Each takes assessments and returns text; the command decides where the text goes.

A format's module is imported only when it is asked for, so that `ehp assess` never loads rich or Jinja for JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module

from ehportfolio.features.assessment import Assessment

ASSESS_FORMATS = ("text", "json", "markdown")
SEGMENT_FORMATS = ("text", "json", "csv")

_ASSESS_MODULES = {"text": "explain", "json": "json_format", "markdown": "markdown"}
_SEGMENT_MODULES = {"text": "portfolio_text", "json": "json_format", "csv": "csv_format"}


def render_assessment(fmt: str, assessment: Assessment, lang: str) -> str:
    module = import_module(f"{__name__}.{_ASSESS_MODULES[fmt]}")
    return module.render_assessment(assessment, lang)  # type: ignore[no-any-return]


def render_portfolio(fmt: str, assessments: Sequence[Assessment], version: str, lang: str) -> str:
    module = import_module(f"{__name__}.{_SEGMENT_MODULES[fmt]}")
    return module.render_portfolio(assessments, version, lang)  # type: ignore[no-any-return]
