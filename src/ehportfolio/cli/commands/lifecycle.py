"""`ehp decide` and `ehp move`: record a step in an initiative's life in its file, losing nothing else in it."""

from __future__ import annotations

import datetime
import os
import sys

from ehportfolio.cli.commands import day_of
from ehportfolio.cli.exits import OK
from ehportfolio.domain.fieldtypes import SLUG
from ehportfolio.domain.lifecycle import PRIORITY, Refusal, plan
from ehportfolio.domain.models import is_priority
from ehportfolio.domain.problems import InputError, InputRefusal, Problem
from ehportfolio.features.assessment import assess
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import segment_name, status_name, text
from ehportfolio.store.files import replace
from ehportfolio.store.loader import decode, read_bytes
from ehportfolio.store.portfolio import INITIATIVES_DIR, SETTINGS_FILE, load_context, parse_initiative
from ehportfolio.store.sources import SUFFIXES
from ehportfolio.store.validation import closest
from ehportfolio.store.writer import record

DONE = {
    "decision": N_("lifecycle.done.decision"),
    "out": N_("lifecycle.done.out"),
    "move": N_("lifecycle.done.move"),
    "status": N_("lifecycle.done.status"),
    "priority": N_("lifecycle.done.priority"),
}


def find_file(root: str, ident: str) -> str:
    """The file of an initiative by id; an input error with the nearest id when there is none. An id is a slug, so
    that no id names a file outside the initiatives (`../portfolio`)."""
    folder = os.path.join(root, INITIATIVES_DIR) if os.path.isfile(os.path.join(root, SETTINGS_FILE)) else root
    for suffix in SUFFIXES if SLUG.match(ident) else ():
        path = os.path.join(folder, ident + suffix)
        if os.path.isfile(path):
            return path
    known = (
        sorted(name.rsplit(".", 1)[0] for name in os.listdir(folder) if name.endswith(SUFFIXES))
        if os.path.isdir(folder)
        else []
    )
    raise InputError([Problem(folder, "unknown_initiative", {"id": ident, "suggestion": closest(ident, known)})])


def run(
    root: str,
    ident: str,
    action: str,
    target: str | None,
    reason: str,
    ref: str | None,
    date: str | None,
    allow_future: bool,
    lang: str,
) -> int:
    path = find_file(root, ident)
    today = datetime.date.today()
    try:
        day = day_of(date) or today
    except ValueError:
        raise InputError([Problem("--date", "bad_date", {"value": date})]) from None
    if action == PRIORITY and not is_priority((target or "").strip()):
        raise InputError([Problem("--priority", "bad_priority", {"value": target})])
    target = target.strip() if action == PRIORITY and target else target
    context = load_context(root if os.path.isfile(os.path.join(root, SETTINGS_FILE)) else None)
    try:
        original = read_bytes(path, root=root)
        entry = parse_initiative(path, os.path.basename(path), original)
        result = assess(entry, context.checklist).decision.segment
        step = plan(entry.initiative, result, action, target, reason, ref, day, today, allow_future)
        new_text = record(path, decode(path, original), step)
        parse_initiative(path, os.path.basename(path), new_text.encode("utf-8"))  # what is written must read back
        replace(path, original, new_text, root=root)
    except Refusal as refusal:  # the step, placed in the file it concerns
        raise InputRefusal([Problem(path, refusal.key, refusal.values)]) from None
    if action == "status":
        shown = status_name(target or "", lang)
    else:
        shown = str(int(target or 0)) if action == PRIORITY else segment_name(target)
    print(text(lang, DONE[action], id=ident, to=shown, date=day.isoformat()), file=sys.stderr)
    return OK
