"""JSON: one object for an assessment, an array sorted by id for a portfolio."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ehportfolio.features.assessment import Assessment
from ehportfolio.output.record import assessment_record


def render_assessment(assessment: Assessment, lang: str) -> str:
    return json.dumps(assessment_record(assessment), ensure_ascii=False, indent=2) + "\n"


def render_portfolio(assessments: Sequence[Assessment], version: str, lang: str) -> str:
    # One record per line: valid JSON, easy to diff, and encoded by the C encoder (indent= falls back to Python's,
    # which costs five times the time and twice the memory on a large portfolio).
    lines = [
        json.dumps(assessment_record(a), ensure_ascii=False) for a in sorted(assessments, key=lambda a: a.entry.id)
    ]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"
