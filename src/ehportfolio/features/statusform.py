"""The text of a new status report (`ehp status new`): the schema line, where and when it reports, the date, and each
field the initiative's segment must fill in, empty, under its question in Norwegian. `ehp status collect` writes the
same text with the answers of a filled form in the fields.

Pure: the command finds the round and writes the file. What the file says is portfolio data, in Norwegian like the
shipped files: in nynorsk with `--lang nn`, else in bokmål (i18n/messages.py `file_language`).
"""

from __future__ import annotations

import datetime

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.models import Initiative, StatusReport
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
    report: StatusReport | None = None,
    source: str | None = None,
) -> str:
    """The new status report of an initiative in `segment` for a round, dated `day`, its comments in the file
    language of `lang`. With `report` (a collected form, `source` saying which), each field holds the report's value;
    a field it leaves out stays empty, to fill in."""
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
    ]
    if source:
        lines.append("# " + _comment(source))
    lines += [f"# {cadence.question(segment, 'date', lang)}", f"date: {(report.date if report else day).isoformat()}"]
    for name in cadence.segments[segment].required:
        lines.append(f"# {cadence.question(segment, name, lang)}")
        given = getattr(report, name) if report else None
        if given == ():  # "none"
            lines.append(f"{name}: []")
        elif name in ("risks", "dependencies"):
            lines.append(f"{name}:")
            records: list[dict[str, object]] = [item.model_dump() for item in given or ()]
            if not records:
                records = [{"id": d.id} for d in initiative.dependencies] if name == "dependencies" else []
            for number, record in enumerate(records or [{}]):
                lines += _record(cadence, name, record, lang, questions=number == 0)
        elif name in ("actions", "ideas"):  # lists of texts: one empty item to write on
            lines += [f"{name}:", *(f"  - {scalar(item)}" if item else "  -" for item in given or (None,))]
        else:
            lines.append(f"{name}:{f' {scalar(given)}' if given else ''}")
    return "\n".join(lines) + "\n"


def _record(cadence: Cadence, name: str, values: dict[str, object], lang: str, questions: bool = True) -> list[str]:
    """One record of a list, its fields empty unless given, each under its question (in the first record only)."""
    lines = []
    for number, key in enumerate(cadence.items[name]):
        if questions:
            lines.append(f"  {'  ' if number else ''}# {cadence.questions[key][lang]}")
        value = values.get(key)
        shown = value.isoformat() if isinstance(value, datetime.date) else scalar(str(value)) if value else ""
        lines.append(f"  {'  ' if number else '- '}{key}:{f' {shown}' if shown else ''}")
    return lines
