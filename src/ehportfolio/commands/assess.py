"""`ehp assess FILE`: explain one proposal's inclusion and segment."""

from __future__ import annotations

import os
import sys

from ..assessment import assess
from ..formats import render_assessment
from ..portfolio import SETTINGS_FILE, checklist_for, find_root, load_initiative, load_settings
from ..problems import InputError, Problem
from . import FINDINGS, OK, UNREADABLE, report_problems


def run(file: str, fmt: str, lang: str) -> int:
    if not os.path.exists(file):
        report_problems([Problem(file, "unreadable", {"reason": "no such file"})], lang)
        return UNREADABLE
    root = find_root(file)
    try:
        settings_path = os.path.join(root, SETTINGS_FILE) if root else SETTINGS_FILE
        settings = load_settings(settings_path) if root else None
        checklist = checklist_for(settings, settings_path)
        focus_codes = None
        if settings and settings.taxonomy:
            focus_codes = frozenset(area.code for area in settings.taxonomy.focus_areas)
        entry, problems = load_initiative(file, focus_codes)
    except InputError as exc:
        report_problems(exc.problems, lang)
        return UNREADABLE
    assessment = assess(entry, checklist)
    sys.stdout.write(render_assessment(fmt, assessment, lang))
    report_problems(problems, lang)
    return OK if assessment.decision.decided and not problems else FINDINGS
