"""`ehp decide` and `ehp move`: record a step in an initiative's life in its file, losing nothing else in it."""

from __future__ import annotations

import datetime
import os
import sys

from ehportfolio.cli.commands import FINDINGS, OK, UNREADABLE, report_problems
from ehportfolio.domain.lifecycle import Refusal, apply, plan
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.features.assessment import assess
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.store.files import replace
from ehportfolio.store.loader import decode, read_bytes
from ehportfolio.store.portfolio import INITIATIVES_DIR, SETTINGS_FILE, load_context, parse_initiative
from ehportfolio.store.sources import SUFFIXES
from ehportfolio.store.validation import closest
from ehportfolio.store.writer import edit


def find_file(root: str, ident: str) -> str | Problem:
    """The file of an initiative by id, or a problem with the nearest id."""
    folder = os.path.join(root, INITIATIVES_DIR) if os.path.isfile(os.path.join(root, SETTINGS_FILE)) else root
    for suffix in SUFFIXES:
        path = os.path.join(folder, ident + suffix)
        if os.path.isfile(path):
            return path
    known = (
        sorted(name.rsplit(".", 1)[0] for name in os.listdir(folder) if name.endswith(SUFFIXES))
        if os.path.isdir(folder)
        else []
    )
    return Problem(folder, "unknown_initiative", {"id": ident, "suggestion": closest(ident, known)})


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
    found = find_file(root, ident)
    if isinstance(found, Problem):
        report_problems([found], lang)
        return UNREADABLE
    path = found
    today = datetime.date.today()
    try:
        day = datetime.date.fromisoformat(date) if date else today
    except ValueError:
        report_problems([Problem(path, "bad_date", {"value": date})], lang)
        return UNREADABLE
    context = load_context(root if os.path.isfile(os.path.join(root, SETTINGS_FILE)) else None)
    try:
        original = read_bytes(path, root=root)
        entry = parse_initiative(path, os.path.basename(path), original)
        result = assess(entry, context.checklist).decision.segment
        step = plan(entry.initiative, result, action, target, reason, ref, day, today, allow_future)
        new_text = edit(path, decode(path, original), lambda document: apply(document, step))
        parse_initiative(path, os.path.basename(path), new_text.encode("utf-8"))  # what is written must read back
        replace(path, original, new_text, root=root)
    except InputError as exc:
        report_problems(exc.problems, lang)
        return UNREADABLE
    except Refusal as refusal:
        report_problems([Problem(path, refusal.code, refusal.args_)], lang)
        return FINDINGS
    shown = segment_name(target) if action in ("decision", "move") else target or "out"
    print(text(lang, f"lifecycle.done.{action}", id=ident, to=shown, date=day.isoformat()), file=sys.stderr)
    return OK
