"""From a table's rows to initiative files: which column holds which field, one file text per row, and a report of
every owner fitted to the actors register. Pure: it reads nothing and writes nothing.

The table is that of Vedlegg 5.2 of Porteføljestyring 2.0: primært innsatsområde, navn, aktør, segment and kommentar.
Navn and aktør are required; the others may be left out. Every row is checked and every problem collected, so that the
command can refuse the whole table at once and write nothing.

What is written is portfolio data, in Norwegian like the shipped files: the comments and the evidence's source in
nynorsk with `--lang nn`, else in bokmål (i18n/messages.py `file_language`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pydantic_core import PydanticCustomError

from ehportfolio.domain.actors import EXACT, match_owner
from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.fieldtypes import SEGMENTS, SLUG, SLUG_MAX, parse_answer
from ehportfolio.domain.goals import known_codes
from ehportfolio.domain.models import CHECKLIST_KEYS, Taxonomy
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.features.exporting import ENTRY_COLUMNS, TITLES
from ehportfolio.i18n.messages import LANGUAGES, choice_id, file_language
from ehportfolio.i18n.messages import text as message
from ehportfolio.store.portfolio import Context, parse_initiative
from ehportfolio.store.spreadsheet import Cell, Table
from ehportfolio.store.validation import closest
from ehportfolio.store.yamltext import quoted, scalar, slug

REQUIRED = ("name", "owner")
_SPACE = re.compile(r"\s+")


def header_key(text: str) -> str:
    """A header as compared: trimmed, any case, `_` as a space, spaces collapsed, a trailing colon dropped."""
    return _SPACE.sub(" ", text.replace("_", " ")).strip().rstrip(":").strip().casefold()


def _export_headers(field: str) -> set[str]:
    return {header_key(field), *(header_key(message(lang, TITLES[field])) for lang in LANGUAGES)}


# What a header may say for each field, after `_key`: the table's own header texts, the plain Norwegian words, the
# file format's keys, and the headers `ehp export` writes, so that its tables import again.
HEADERS = {
    "primært innsatsområde": "focus_area",
    "innsatsområde": "focus_area",
    "focus area": "focus_area",
    "prosjekt-/programnavn": "name",
    "navn": "name",
    "name": "name",
    "aktør": "owner",
    "eier": "owner",
    "owner": "owner",
    "segment": "segment",
    "segment i porteføljen": "segment",
    "segment in the portfolio": "segment",
    "kommentar": "comment",
    "comment": "comment",
}
# The further fields of an `ehp export` table, so that a round trip loses nothing: read by their keys and by the
# workbook's titles in either language. `recorded_segment` is the file's `segment`; where it is given, the `segment`
# column (the effective segment) is not read.
EXPORTED = (
    "id",
    "status",
    "recorded_segment",
    "segment_reason",
    "description",
    "evidence",
    *CHECKLIST_KEYS,
    "dependencies",
    "history",
    "finances",
    "phases",
    "milestones",
    "user_groups",
)
HEADERS.update({header_key: field for field in EXPORTED for header_key in _export_headers(field)})
# and the workbook's titles of the table's own columns in every language (nynorsk "Namn", "Eigar" …)
HEADERS.update({key: field for field in ("name", "owner", "focus_area") for key in _export_headers(field)})
# What --map accepts after the `=`.
FIELD_WORDS = {
    "innsatsområde": "focus_area",
    "primært innsatsområde": "focus_area",
    "focus area": "focus_area",
    "navn": "name",
    "namn": "name",
    "name": "name",
    "aktør": "owner",
    "eier": "owner",
    "eigar": "owner",
    "owner": "owner",
    "segment": "segment",
    "kommentar": "comment",
    "comment": "comment",
}
MAP_FIELDS = "innsatsområde, navn, aktør, segment, kommentar"

SEGMENT_LETTERS = {"s": "samstyre", "k": "koordinere", "o": "observere", "i": "inspirere"}

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/initiative.schema.json"


@dataclass(frozen=True)
class Column:
    """A header cell and the field it gives ("" for a column that is not read)."""

    column: int
    header: str
    field: str


@dataclass(frozen=True)
class Normalised:
    """An owner written otherwise than in the actors register; `how` says how it was found (domain/actors.py)."""

    where: str
    original: str
    name: str
    how: str


@dataclass(frozen=True)
class Planned:
    """The initiative file one row gives."""

    id: str
    row: int
    where: str
    name: str
    owner: str
    segment: str | None
    focus_area: str | None
    text: str


@dataclass(frozen=True)
class Plan:
    columns: tuple[Column, ...]
    ignored: tuple[Column, ...]
    initiatives: tuple[Planned, ...]
    normalised: tuple[Normalised, ...]
    problems: tuple[Problem, ...]

    @property
    def answered(self) -> bool:
        """Whether the table carries checklist answers (an `ehp export` table does); else they are still to give."""
        return any(column.field in CHECKLIST_KEYS for column in self.columns)


def parse_segment(value: str) -> str | None:
    """S, K, O, I or a segment's full name, any case; None for anything else."""
    word = value.strip().casefold()
    return SEGMENT_LETTERS.get(word) or (word if word in SEGMENTS else None)


def focus_code(value: str) -> str:
    """The leading code of a focus-area cell: "2.1 Sikre planlegging …" gives "2.1"."""
    return value.split()[0].rstrip(":")


def parse_mappings(mappings: Sequence[str]) -> tuple[dict[str, tuple[str, str]], list[Problem]]:
    """`COLUMN=FIELD` options to {header key: (field, option as given)}, with a problem for each bad one."""
    chosen: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    fields_given: dict[str, str] = {}
    for raw in mappings:
        column, sep, word = raw.rpartition("=")
        field = FIELD_WORDS.get(header_key(word)) if sep else None
        if not sep or not column.strip():
            problems.append(Problem("--map", "import.bad_map", {"value": raw, "fields": MAP_FIELDS}))
        elif field is None:
            problems.append(Problem("--map", "import.unknown_field", {"value": raw, "fields": MAP_FIELDS}))
        elif field in fields_given:
            problems.append(Problem("--map", "import.map_twice", {"value": raw, "other": fields_given[field]}))
        else:
            fields_given[field] = raw
            chosen[header_key(column)] = (field, raw)
    return chosen, problems


def plan_import(
    table: Table, mappings: Sequence[str], context: Context, *, schema_line: bool = True, lang: str = "nb"
) -> Plan:
    """Every row of the table as an initiative file, or the problems that stop the import."""
    explicit, problems = parse_mappings(mappings)
    header_row = next((row for row in table.rows if any(cell.value is not None for cell in row)), None)
    if header_row is None:
        return Plan((), (), (), (), (*problems, Problem(table.where(1, 1), "import.no_header")))
    columns, ignored, header_problems = _columns(table, header_row, explicit)
    problems.extend(header_problems)
    if problems:  # without the columns straight, every row would only repeat the same complaint
        return Plan(tuple(columns), tuple(ignored), (), (), tuple(problems))
    headed = {cell.column for cell in header_row if cell.value is not None}
    builder = _Rows(table, {c.field: c.column for c in columns}, context, schema_line, headed, file_language(lang))
    builder.build(header_row[0].row)
    return Plan(
        tuple(columns), tuple(ignored), tuple(builder.planned), tuple(builder.normalised), tuple(builder.problems)
    )


def _columns(
    table: Table, header: tuple[Cell, ...], explicit: dict[str, tuple[str, str]]
) -> tuple[list[Column], list[Column], list[Problem]]:
    problems: list[Problem] = []
    columns: list[Column] = []
    ignored: list[Column] = []
    taken: dict[str, Column] = {}
    explicit_fields = {field for field, _ in explicit.values()}
    found_keys = set()
    for cell in header:
        if cell.value is None:
            continue
        if cell.kind != "value":
            problems.append(_cell_kind_problem(table, cell))
            continue
        key = header_key(cell.value)
        found_keys.add(key)
        if key in explicit:
            field = explicit[key][0]
        else:
            field = HEADERS.get(key, "")
            if field in explicit_fields:
                field = ""  # --map chose another column for this field
        column = Column(cell.column, cell.value, field)
        if not field:
            ignored.append(column)
        elif field in taken:
            other = table.column_name(taken[field].column)
            problems.append(
                table.problem(cell.row, cell.column, "import.duplicate_column", {"field": field, "other": other})
            )
        else:
            taken[field] = column
            columns.append(column)
    headers = [cell.value for cell in header if cell.value is not None]
    first = header[0]
    for key, (_, raw) in explicit.items():
        if key not in found_keys:
            problems.append(
                table.problem(first.row, 1, "import.map_unknown_column", {"value": raw, "headers": headers})
            )
    if "recorded_segment" in taken and "segment" in taken:  # an exported table: the effective segment is not read
        segment = taken.pop("segment")
        columns.remove(segment)
        ignored.append(Column(segment.column, segment.header, ""))
        ignored.sort(key=lambda c: c.column)
    missing = [field for field in REQUIRED if field not in taken]
    if missing:
        problems.append(table.problem(first.row, 1, "import.missing_columns", {"fields": missing, "headers": headers}))
    columns.sort(key=lambda c: c.column)
    return columns, ignored, problems


def _cell_kind_problem(table: Table, cell: Cell) -> Problem:
    if cell.kind == "formula":
        return table.problem(cell.row, cell.column, "import.formula", {"formula": cell.value})
    return table.problem(cell.row, cell.column, "import.error_value", {"value": cell.value})


class _Rows:
    """Reads the rows below the header, collecting files, normalised owners and problems."""

    def __init__(
        self, table: Table, fields: dict[str, int], context: Context, schema_line: bool, headed: set[int], lang: str
    ) -> None:
        self.lang = lang  # of the comments and the evidence the files are written with
        self.table = table
        self.headed = headed  # the columns with a header: a value in any other would be dropped unseen
        self.fields = fields
        self.checklist = context.checklist
        self.actors = context.actors
        self.register = (context.settings.actors if context.settings else None) or "actors.yaml"
        self.taxonomy: Taxonomy | None = context.taxonomy
        self.schema_line = schema_line
        self.planned: list[Planned] = []
        self.normalised: list[Normalised] = []
        self.problems: list[Problem] = []
        self.ids: dict[str, tuple[int, str]] = {}
        self.covered: set[tuple[int, int]] = set()

    def build(self, header: int) -> None:
        self._merged(header)
        rows = [row for row in self.table.rows if row[0].row > header]
        if not rows:
            self.problems.append(self.table.problem(header, 1, "import.no_rows"))
        for row in rows:
            if all(cell.value is None for cell in row):  # trailing empty rows are gone already: this one is inside
                self.problems.append(self.table.problem(row[0].row, 1, "import.empty_row"))
            else:
                self._row(row)

    def _merged(self, header: int) -> None:
        read = set(self.fields.values())
        for merged in sorted(self.table.merged, key=lambda m: (m.min_row, m.min_column)):
            if merged.max_row < header or not any(merged.min_column <= c <= merged.max_column for c in read):
                continue  # a title above the table, or notes beside it
            self.problems.append(
                self.table.problem(merged.min_row, merged.min_column, "import.merged", {"range": merged.range})
            )
            for row in range(merged.min_row, merged.max_row + 1):
                for column in range(merged.min_column, merged.max_column + 1):
                    if (row, column) != (merged.min_row, merged.min_column):
                        self.covered.add((row, column))

    def _cell(self, row: tuple[Cell, ...], field: str) -> Cell | None:
        column = self.fields.get(field)
        return row[column - 1] if column else None

    def _value(self, row: tuple[Cell, ...], field: str, problems: list[Problem]) -> str | None:
        """The cell's text, or None when it is empty or not a plain value (then with a problem)."""
        cell = self._cell(row, field)
        if cell is None or cell.value is None:
            if field in REQUIRED and cell is not None and (cell.row, cell.column) not in self.covered:
                problems.append(self.table.problem(cell.row, cell.column, "import.missing_value", {"field": field}))
            return None
        if cell.kind != "value":
            problems.append(_cell_kind_problem(self.table, cell))
            return None
        return cell.value

    def _row(self, row: tuple[Cell, ...]) -> None:
        number = row[0].row
        table = self.table
        problems: list[Problem] = [
            table.problem(cell.row, cell.column, "import.headerless_cell", {"value": cell.value})
            for cell in row
            if cell.value is not None and cell.column not in self.headed and (cell.row, cell.column) not in self.covered
        ]
        name = self._value(row, "name", problems)
        name = _SPACE.sub(" ", name) if name else None
        owner = self._owner(row, problems)
        segment = self._segment(row, problems)
        focus = self._focus(row, problems)
        comment = self._value(row, "comment", problems)
        ident = self._id(row, name, problems) if name is not None else ""
        if problems or name is None or owner is None:
            self.problems.extend(problems)
            return
        name_column = self.fields["name"]
        exported = {field: self._value(row, field, problems) for field in EXPORTED if field in self.fields}
        exported.pop("recorded_segment", None)
        exported.pop("id", None)
        text = initiative_text(
            name,
            owner,
            focus,
            segment,
            comment,
            self.checklist,
            self._source(number),
            self.schema_line,
            exported,
            self.lang,
        )
        try:  # what is written must read back: a name no quoting could carry is caught here, not in the portfolio
            parse_initiative(f"{ident}.yaml", f"{ident}.yaml", text.encode("utf-8"))
        except InputError as exc:
            detail = "; ".join(p.code for p in exc.problems)
            self.problems.append(table.problem(number, name_column, "import.invalid_result", {"detail": detail}))
            return
        self.planned.append(Planned(ident, number, table.where(number, name_column), name, owner, segment, focus, text))

    def _id(self, row: tuple[Cell, ...], name: str, problems: list[Problem]) -> str:
        """The id of an `id` column (an `ehp export` table keeps each file's id), else the one the name gives; a bad
        or repeated id is a problem at its cell."""
        number = row[0].row
        given = self._value(row, "id", problems)
        cell = self._cell(row, "id") if given is not None else self._cell(row, "name")
        assert cell is not None
        ident = given.strip() if given is not None else slug(name)
        if given is not None and (len(ident) > SLUG_MAX or not SLUG.match(ident)):
            problems.append(self.table.problem(number, cell.column, "import.bad_id", {"id": ident}))
        elif not ident:
            problems.append(self.table.problem(number, cell.column, "import.no_id", {"name": name}))
        elif ident in self.ids:
            other_row, other_name = self.ids[ident]
            args = {"name": name, "id": ident, "other_row": other_row, "other_name": other_name}
            key = "import.id_repeated" if given is not None else "import.id_collision"
            problems.append(self.table.problem(number, cell.column, key, args))
        else:
            self.ids[ident] = (number, name)
        return ident

    def _owner(self, row: tuple[Cell, ...], problems: list[Problem]) -> str | None:
        value = self._value(row, "owner", problems)
        if value is None:
            return None
        value = _SPACE.sub(" ", value)
        if self.actors is None:
            return value
        cell = self._cell(row, "owner")
        assert cell is not None
        match = match_owner(value, self.actors)
        if match.ambiguous:
            args = {"owner": value, "names": ", ".join(match.ambiguous)}
            problems.append(self.table.problem(cell.row, cell.column, "import.ambiguous_actor", args))
            return None
        if not match.name:
            args = {"owner": value, "register": self.register, "suggestion": match.suggestion}
            problems.append(self.table.problem(cell.row, cell.column, "import.unknown_actor", args))
            return None
        if match.how != EXACT:
            self.normalised.append(Normalised(self.table.where(cell.row, cell.column), value, match.name, match.how))
        return match.name

    def _segment(self, row: tuple[Cell, ...], problems: list[Problem]) -> str | None:
        field = "recorded_segment" if "recorded_segment" in self.fields else "segment"
        value = self._value(row, field, problems)
        if value is None:
            return None
        segment = parse_segment(value)
        if segment is None:
            cell = self._cell(row, field)
            assert cell is not None
            problems.append(self.table.problem(cell.row, cell.column, "import.unknown_segment", {"value": value}))
        return segment

    def _focus(self, row: tuple[Cell, ...], problems: list[Problem]) -> str | None:
        value = self._value(row, "focus_area", problems)
        if value is None:
            return None
        code = focus_code(value)
        if self.taxonomy is not None:
            codes = list(known_codes(self.taxonomy))
            if code not in codes:
                cell = self._cell(row, "focus_area")
                assert cell is not None
                args = {"code": code, "known": ", ".join(codes), "suggestion": closest(code, codes)}
                problems.append(self.table.problem(cell.row, cell.column, "unknown_focus_area", args))
                return None
        return code

    def _source(self, row: int) -> str:
        name = os.path.basename(self.table.path)
        if self.table.sheet is not None:
            return message(self.lang, "file.import.sheet_row", file=name, sheet=self.table.sheet, row=row)
        return message(self.lang, "file.import.row", file=name, row=row)


def initiative_text(
    name: str,
    owner: str,
    focus_area: str | None,
    segment: str | None,
    comment: str | None,
    checklist: Checklist,
    source: str,
    schema_line: bool = True,
    exported: Mapping[str, str | None] | None = None,
    lang: str = "nb",
) -> str:
    """An initiative file: the table's values, and the checklist's keys under their questions, unanswered unless the
    table answers them. `exported` holds the further fields of an `ehp export` table, as text (EXPORTED)."""
    extra = {key: value for key, value in (exported or {}).items() if value is not None}
    if "status" in extra:  # a workbook says it in words (`avsluttet`, `Avslutta`); the file keeps the id
        extra["status"] = choice_id("status", extra["status"]) or extra["status"]
    lines = [SCHEMA_LINE] if schema_line else []
    lines += [f"name: {scalar(name)}", f"owner: {scalar(owner)}"]
    if focus_area is not None:
        lines.append(f"focus_area: {quoted(focus_area)}")
    if segment is not None:
        lines.append(f"segment: {segment}")
    for key in ("segment_reason", "status", "description"):
        if key in extra:
            lines.append(f"{key}: {quoted(extra[key])}")
    if not any(key in extra for key in CHECKLIST_KEYS):
        lines.append("# " + message(lang, "file.import.unanswered"))
    lines.append("checklist:")
    for key, question in checklist.questions.items():
        answer = f" {_answer(extra[key])}" if key in extra else ""
        lines += [f"  # {_SPACE.sub(' ', question[lang]).strip()}", f"  {key}:{answer}"]
    if "dependencies" in extra:
        lines += ["dependencies:", *_dependency_lines(extra["dependencies"])]
    evidence = [extra["evidence"]] if "evidence" in extra else []
    if comment:
        evidence.append(message(lang, "file.import.evidence", source=source, comment=comment))
    if evidence:
        lines.append(f"evidence: {quoted(chr(10).join(evidence))}")
    if "user_groups" in extra:
        lines.append(f"user_groups: {_flow_list(extra['user_groups'])}")
    for key in ENTRY_COLUMNS:
        if key in extra:
            lines += _entry_lines(key, extra[key])
    return "\n".join(lines) + "\n"


def _answer(value: str) -> str:
    """ja or nei; any other text as it is, for the check of the written file to report."""
    try:
        answer = parse_answer(value)
    except PydanticCustomError:
        return quoted(value)
    return quoted(value) if answer is None else "ja" if answer else "nei"


def _dependency_lines(value: str) -> list[str]:
    """`id=strong;id2=weak` as a YAML list; a part without `=` gives an entry the check of the file refuses."""
    lines = []
    for part in value.split(";"):
        ident, sep, strength = part.strip().partition("=")
        lines.append(f"  - id: {quoted(ident.strip())}")
        if sep:
            lines.append(f"    strength: {quoted(strength.strip())}")
    return lines


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_KEYS = frozenset(("date", "planned_start", "planned_end", "actual_start", "actual_end", "planned", "actual"))
"""The keys of entries whose values are dates, written as YAML dates."""


def _flow_list(value: str) -> str:
    """Ids (`user_groups`), space-separated as a CSV or workbook cell has them or a JSON array as the open data does,
    as a YAML flow list, each quoted; the check of the file judges them."""
    try:
        parts = json.loads(value)
    except ValueError:
        parts = None
    if not isinstance(parts, list):
        parts = value.split()
    return "[" + ", ".join(quoted(str(part)) for part in parts) + "]"


def _entry_lines(field: str, value: str) -> list[str]:
    """A JSON array of entries (`history`, `finances`, `phases`, `milestones`) as a YAML list; anything else is written
    as text, which the
    check refuses. A number stays a number (an amount, a year), so the file says what the table did."""
    try:
        entries = json.loads(value)
    except ValueError:
        entries = None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        return [f"{field}: {quoted(value)}"]
    lines = [f"{field}:"]
    for entry in entries:
        for index, (key, item) in enumerate(entry.items()):
            if isinstance(item, str):
                written = item if key in _DATE_KEYS and _DATE.fullmatch(item) else quoted(item)
            else:
                written = json.dumps(item, ensure_ascii=False)
            lines.append(f"{'  - ' if index == 0 else '    '}{quoted(str(key))}: {written}")
    return lines
