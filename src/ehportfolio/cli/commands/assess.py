"""`ehp assess FILE`: explain one proposal's inclusion and segment."""

from __future__ import annotations

import sys

from ehportfolio.cli.commands import absent, report_problems
from ehportfolio.cli.exits import FINDINGS, OK, USER_ERROR
from ehportfolio.features.assessment import assess
from ehportfolio.output import render_assessment
from ehportfolio.store.portfolio import find_root, load_context, load_initiative


def run(file: str, fmt: str, lang: str, checklist_version: str | None = None) -> int:
    missing = absent(file)
    if missing:
        report_problems([missing], lang)
        return USER_ERROR
    context = load_context(find_root(file), checklist_version)
    report_problems(context.problems, lang)
    entry = load_initiative(file)  # an InputError says why it cannot be read
    assessment = assess(entry, context.checklist)
    sys.stdout.write(render_assessment(fmt, assessment, lang))
    if context.problems:
        return USER_ERROR
    return OK if assessment.decision.decided else FINDINGS
