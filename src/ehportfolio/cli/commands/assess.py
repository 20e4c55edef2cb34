"""`ehp assess FILE`: explain one proposal's inclusion and segment."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import FINDINGS, OK, UNREADABLE, report_problems
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.features.assessment import assess
from ehportfolio.output import render_assessment
from ehportfolio.store.portfolio import find_root, load_context, load_initiative


def run(file: str, fmt: str, lang: str) -> int:
    if not os.path.exists(file):
        report_problems([Problem(file, "not_found")], lang)
        return UNREADABLE
    context = load_context(find_root(file))
    report_problems(context.problems, lang)
    try:
        entry = load_initiative(file)
    except InputError as exc:
        report_problems(exc.problems, lang)
        return UNREADABLE
    assessment = assess(entry, context.checklist)
    sys.stdout.write(render_assessment(fmt, assessment, lang))
    if context.problems:
        return UNREADABLE
    return OK if assessment.decision.decided else FINDINGS
