"""`ehp explain` as plain text, Markdown or JSON: the entries of the glossary, the segments or the checklist, each
with its parts (a definition, a purpose, guidance, …) under their labels."""

from __future__ import annotations

import json
import textwrap

from ehportfolio.features.guide import Explanation
from ehportfolio.i18n.messages import text

WIDTH = 100


def render_text(explanation: Explanation, lang: str) -> str:
    lines = [explanation.title, f"({explanation.source})"]
    for entry in explanation.entries:
        lines += ["", f"{entry.title}  [{entry.id}, {text(lang, 'explain.section', section=entry.section)}]"]
        for part in entry.parts:
            lines.append(f"  {part.label}:")
            lines += textwrap.wrap(part.text, WIDTH, initial_indent="    ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"


def render_markdown(explanation: Explanation, lang: str) -> str:
    lines = [f"# {explanation.title}", "", f"*{explanation.source}*"]
    for entry in explanation.entries:
        lines += ["", f"## {entry.title}", "", f"`{entry.id}` · {text(lang, 'explain.section', section=entry.section)}"]
        for part in entry.parts:
            lines += ["", f"**{part.label}:** {part.text}"]
    return "\n".join(lines) + "\n"


def render_json(explanation: Explanation, lang: str) -> str:
    data = {
        "topic": explanation.topic,
        "lang": lang,
        "title": explanation.title,
        "source": explanation.source,
        "entries": [
            {
                "id": entry.id,
                "title": entry.title,
                "section": entry.section,
                "texts": {part.key: part.text for part in entry.parts},
                "labels": {part.key: part.label for part in entry.parts},
            }
            for entry in explanation.entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
