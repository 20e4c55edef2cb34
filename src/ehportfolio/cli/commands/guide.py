"""`ehp explain glossary|segments|checklist [NAME]`: what the report explains (the glossary, the segments, the
checklist's questions with their guidance), in the chosen language and format. An unknown name is a user error with a
did-you-mean (features/guide.py)."""

from __future__ import annotations

import sys

from ehportfolio.cli.exits import OK
from ehportfolio.features import guide
from ehportfolio.output import guide as output
from ehportfolio.store.packaged import load_cadence, load_checklist, load_glossary


def run(topic: str, wanted: str | None, fmt: str, lang: str, checklist_version: str = "2020") -> int:
    if topic == "glossary":
        explanation = guide.glossary(load_glossary(), lang, wanted)
    elif topic == "segments":
        explanation = guide.segments(load_cadence(), lang, wanted)
    else:
        explanation = guide.checklist(load_checklist(checklist_version), lang, wanted)
    sys.stdout.write(output.RENDERERS[fmt](explanation, lang))
    return OK
