"""The text of a new status report (`ehp status new`): the schema line, where and when it reports, the date, and each
field the initiative's segment must fill in, empty, under its question in Norwegian.

Pure: the command finds the round and writes the file. What the file says is portfolio data, in Norwegian like the
shipped files: in nynorsk with `--lang nn`, else in bokmål (i18n/messages.py `file_language`).
"""

from __future__ import annotations

import datetime

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.models import Initiative
from ehportfolio.features.calendar import Round
from ehportfolio.i18n.messages import file_language, segment_name, text
from ehportfolio.store.yamltext import scalar

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/status.schema.json"


def _comment(text: str) -> str:
    """Text that stays on one comment line: every run of whitespace or invisible characters becomes one space."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def render(
    ident: str,
    initiative: Initiative,
    segment: str,
    round_: Round,
    day: datetime.date,
    cadence: Cadence,
    lang: str = "nb",
) -> str:
    """The new status report of an initiative in `segment` for a round, dated `day`, its comments in the file
    language of `lang`."""
    lang = file_language(lang)
    committee = cadence.committees.get(round_.committee, {}).get(lang)
    meeting = text(lang, "file.status.meeting", committee=round_.committee, number=round_.number, year=round_.date.year)
    if committee:
        meeting += f" ({committee})"
    lines = [
        SCHEMA_LINE,
        "# "
        + text(
            lang,
            "file.status.header",
            name=_comment(initiative.name),
            id=ident,
            meeting=meeting,
            date=round_.date.isoformat(),
        ),
        "# "
        + text(
            lang, "file.status.subject", segment=segment_name(segment), subject=cadence.segments[segment].subject[lang]
        ),
        "# " + text(lang, "file.status.instructions"),
        f"# {cadence.question(segment, 'date', lang)}",
        f"date: {day.isoformat()}",
    ]
    for name in cadence.segments[segment].required:
        lines.append(f"# {cadence.question(segment, name, lang)}")
        if name == "risks":
            lines += ["risks:", *_record(cadence, "risks", {}, lang)]
        elif name == "dependencies":
            lines.append("dependencies:")
            targets: list[str | None] = [d.id for d in initiative.dependencies] or [None]
            for number, target in enumerate(targets):
                lines += _record(cadence, "dependencies", {"id": target}, lang, questions=number == 0)
        elif name in ("actions", "ideas"):  # lists of texts: one empty item to write on
            lines += [f"{name}:", "  -"]
        else:
            lines.append(f"{name}:")
    return "\n".join(lines) + "\n"


def _record(cadence: Cadence, name: str, values: dict[str, str | None], lang: str, questions: bool = True) -> list[str]:
    """One record of a list, its fields empty unless given, each under its question (in the first record only)."""
    lines = []
    for number, key in enumerate(cadence.items[name]):
        if questions:
            lines.append(f"  {'  ' if number else ''}# {cadence.questions[key][lang]}")
        value = values.get(key)
        lines.append(f"  {'  ' if number else '- '}{key}:{f' {scalar(value)}' if value else ''}")
    return lines
