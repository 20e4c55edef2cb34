"""`ehp history ID`: an initiative's life, from its recorded history and from git."""

from __future__ import annotations

import datetime
import os
import sys

from ehportfolio.cli.commands.lifecycle import find_file
from ehportfolio.cli.exits import OK
from ehportfolio.domain.problems import InputError
from ehportfolio.domain.timeline import Event, Reading, events
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import answer_word, segment_name, status_name, text
from ehportfolio.store.loader import read_bytes
from ehportfolio.store.portfolio import parse_initiative
from ehportfolio.store.revisions import GitError, Repository, versions

EVENTS = {
    "uncommitted": N_("history.uncommitted"),
    "created": N_("history.created"),
    "answers": N_("history.answers"),
    "decision": N_("history.decision"),
    "move": N_("history.move"),
    "segment": N_("history.segment"),
    "status": N_("history.status"),
    "priority": N_("history.priority"),
    "deleted": N_("history.deleted"),
    "unreadable": N_("history.unreadable"),
}


def run(root: str, ident: str, lang: str) -> int:
    path = find_file(root, ident)
    on_disk = read_bytes(path, root=root)
    current = parse_initiative(path, os.path.basename(path), on_disk)
    readings: list[Reading] = []
    committed = b""
    try:
        repo = Repository(os.path.dirname(path))
        for version in versions(repo, os.path.basename(path)):
            readings.append(_reading(path, version.commit, version.date, version.content))
            committed = version.content or b""
    except GitError as exc:
        print(text(lang, exc.key, **exc.values), file=sys.stderr)
    if on_disk != committed:  # changes not committed yet count too
        readings.append(Reading(None, datetime.date.today().isoformat(), current.initiative))
    print(f"{current.initiative.name} ({current.id})")
    for event in events(readings):
        commit = event.commit[:7] if event.commit else text(lang, "history.uncommitted")
        print(f"{event.date}  {commit:<12}  {describe(event, lang)}")
    return OK


def _reading(path: str, commit: str, date: str, content: bytes | None) -> Reading:
    if content is None:
        return Reading(commit, date, None)
    try:
        return Reading(
            commit, date, parse_initiative(f"{commit[:7]}:{path}", os.path.basename(path), content).initiative
        )
    except InputError:
        return Reading(commit, date, None, readable=False)


def describe(event: Event, lang: str) -> str:
    args = event.args
    if event.kind == "answers":
        parts = [f"{key} {answer_word(lang, old)} → {answer_word(lang, new)}" for key, old, new in args["answers"]]
        return text(lang, "history.answers", answers=", ".join(parts))
    if event.kind in ("decision", "move", "segment"):
        old = segment_name(args["from"]) if args["from"] else "–"
        new = text(lang, "group.out") if args["to"] == "out" else segment_name(args["to"])
        line = text(lang, EVENTS[event.kind], old=old, new=new)
    elif event.kind == "status":
        old, new = (status_name(args["from"], lang) if args["from"] else "–"), status_name(args["to"], lang)
        line = text(lang, "history.status", old=old, new=new)
    elif event.kind == "priority":
        line = text(lang, "history.priority", old=args["from"] or "–", new=args["to"])
    elif event.kind == "created":
        line = text(lang, "history.created", segment=segment_name(args["segment"]) if args["segment"] else "–")
    else:
        line = text(lang, EVENTS[event.kind])
    if args.get("reason"):
        line += f": {args['reason']}"
    if args.get("ref"):
        line += f" ({args['ref']})"
    return line
