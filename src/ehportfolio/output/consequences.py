"""`ehp consequences` as text (a table of the initiatives by change, then the counts by segment and by owner) and as
JSON (the same, as data: keys and codes, no words)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from typing import Any

from ehportfolio.domain.engine import Decision
from ehportfolio.features.consequences import (
    CHANGE_TITLES,
    CHANGES,
    NO_SEGMENT,
    Consequence,
    Consequences,
    now_word,
    result_word,
)
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.output import box_table


def _row(item: Consequence, lang: str) -> list[str]:
    return [
        item.id,
        item.initiative.name,
        item.initiative.owner,
        now_word(item, lang),
        result_word(item.before, lang),
        result_word(item.after, lang),
        "\n".join(item.to_answer),
    ]


def _counts(label: str, counts: Counter[str]) -> list[str]:
    return [label, *(str(counts[change]) for change in CHANGES), str(sum(counts.values()))]


def render_text(found: Consequences, name: str, lang: str, width: int | None = None) -> str:
    width = width or shutil.get_terminal_size((160, 24)).columns
    old, new = found.old.version, found.new.version
    lines = [text(lang, "consequences.heading", old=old, new=new, name=name, count=len(found.items)), ""]
    sections: list[list[list[str]]] = []
    for change in CHANGES:
        items = found.with_change(change)
        if items and change != "unchanged":
            sections.append([[f"{text(lang, CHANGE_TITLES[change])} – {text(lang, 'count', count=len(items))}"]])
            sections.append([_row(item, lang) for item in items])
    if sections:
        headers = [
            text(lang, "col.id"),
            text(lang, "col.name"),
            text(lang, "col.owner"),
            text(lang, "consequences.col.now"),
            old,
            new,
            text(lang, "consequences.col.to_answer"),
        ]
        lines += [*box_table.render(headers, sections, width), ""]
    else:
        lines += [text(lang, "consequences.nothing_changes"), ""]
    changes = [text(lang, CHANGE_TITLES[change]) for change in CHANGES]
    total = text(lang, "consequences.col.total")
    by_segment = [
        _counts(segment_name(key) if key != NO_SEGMENT else text(lang, "consequences.no_segment"), counts)
        for key, counts in found.by_segment().items()
    ]
    lines += [text(lang, "consequences.by_segment")]
    lines += box_table.render([text(lang, "consequences.col.segment"), *changes, total], [by_segment], width)
    by_owner = [_counts(owner, counts) for owner, counts in found.by_owner().items()]
    lines += ["", text(lang, "consequences.by_owner")]
    lines += box_table.render([text(lang, "col.owner"), *changes, total], [by_owner] if by_owner else [], width)
    return "\n".join(lines) + "\n"


def _decision(decision: Decision) -> dict[str, Any]:
    return {"included": decision.included, "segment": decision.segment, "missing": list(decision.missing)}


def _all(counts: Counter[str]) -> dict[str, int]:
    return {change: counts[change] for change in CHANGES}


def render_json(found: Consequences, name: str, lang: str) -> str:
    """The same as data. `lang` is not used: JSON carries keys and codes only."""
    data = {
        "portfolio": name,
        "from": found.old.version,
        "to": found.new.version,
        "initiatives": [
            {
                "id": item.id,
                "name": item.initiative.name,
                "owner": item.initiative.owner,
                "stage": item.state.stage,
                "segment": item.state.segment,
                "change": item.change,
                "from": _decision(item.before),
                "to": _decision(item.after),
                "to_answer": list(item.to_answer),
                "new_questions": list(item.new_questions),
            }
            for item in found.items
        ],
        "by_segment": {key or "none": _all(counts) for key, counts in found.by_segment().items()},
        "by_owner": {owner: _all(counts) for owner, counts in found.by_owner().items()},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
