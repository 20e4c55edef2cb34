"""JSON: one object for an assessment, an array sorted by id for a portfolio."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..assessment import Assessment
from .record import assessment_record


def render_assessment(assessment: Assessment, lang: str) -> str:
    return json.dumps(assessment_record(assessment), ensure_ascii=False, indent=2) + "\n"


def render_portfolio(assessments: Sequence[Assessment], version: str, lang: str) -> str:
    records = [assessment_record(a) for a in sorted(assessments, key=lambda a: a.entry.id)]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
