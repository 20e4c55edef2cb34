"""The text of a new status report (`ehp status new`): the schema line, where and when it reports, the date, and each
field the initiative's segment must fill in, empty, under its question in Norwegian.

Pure: the command finds the round and writes the file. What the file says is portfolio data, in Norwegian like the
shipped files, whatever `--lang` is.
"""

from __future__ import annotations

import datetime

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.models import Initiative
from ehportfolio.features.calendar import Round
from ehportfolio.i18n.messages import segment_name
from ehportfolio.store.yamltext import scalar

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/status.schema.json"


def _comment(text: str) -> str:
    """Text that stays on one comment line: every run of whitespace or invisible characters becomes one space."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def render(
    ident: str, initiative: Initiative, segment: str, round_: Round, day: datetime.date, cadence: Cadence
) -> str:
    """The new status report of an initiative in `segment` for a round, dated `day`."""
    committee = cadence.committees.get(round_.committee, {}).get("nb")
    meeting = f"{round_.committee}-møte {round_.number}/{round_.date.year}"
    if committee:
        meeting += f" ({committee})"
    lines = [
        SCHEMA_LINE,
        f"# Statusrapport fra {_comment(initiative.name)} ({ident}) til {meeting}, {round_.date.isoformat()}.",
        f"# {segment_name(segment)} rapporterer om {cadence.segments[segment].subject['nb']}.",
        "# Svar under hvert spørsmål og kjør ehp check. En statusrapport er et datert dokument som ikke overskrives.",
        f"# {cadence.question(segment, 'date')}",
        f"date: {day.isoformat()}",
    ]
    for name in cadence.segments[segment].required:
        lines.append(f"# {cadence.question(segment, name)}")
        if name == "risks":
            lines += ["risks:", *_record(cadence, "risks", {})]
        elif name == "dependencies":
            lines.append("dependencies:")
            targets: list[str | None] = [d.id for d in initiative.dependencies] or [None]
            for number, target in enumerate(targets):
                lines += _record(cadence, "dependencies", {"id": target}, questions=number == 0)
        elif name == "actions":
            lines += ["actions:", "  -"]
        else:
            lines.append(f"{name}:")
    return "\n".join(lines) + "\n"


def _record(cadence: Cadence, name: str, values: dict[str, str | None], questions: bool = True) -> list[str]:
    """One record of a list, its fields empty unless given, each under its question (in the first record only)."""
    lines = []
    for number, key in enumerate(cadence.items[name]):
        if questions:
            lines.append(f"  {'  ' if number else ''}# {cadence.questions[key]['nb']}")
        value = values.get(key)
        lines.append(f"  {'  ' if number else '- '}{key}:{f' {scalar(value)}' if value else ''}")
    return lines
