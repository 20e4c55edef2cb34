"""Reading a table from a spreadsheet: an Excel workbook (.xlsx, through openpyxl), a CSV file, or the JSON that
`ehp export --format json` writes, with the address of every cell, so that each problem can name the cell it is in.

Every value becomes text, trimmed, or None when the cell is empty. A formula is kept as its formula text and an error
value (#N/A, say) as its text, each marked as such, so that the importer can refuse them; a workbook is read with
`data_only=False` because the values Excel cached for formulas may be stale or missing. Merged ranges are listed.
Trailing empty rows are dropped; the importer decides what an empty row elsewhere means.

Addresses: `tabell.xlsx:Ark1!C7` in a workbook (a sheet name with spaces is quoted, as Excel does), `tabell.csv:7:3`
(row, column) in a CSV file, `tabell.json:initiatives[6].name` in JSON. Rows and columns count from 1; a CSV row is a
record, as a spreadsheet shows it. In JSON, the keys of the records are the header row, in the order first seen.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.store import files
from ehportfolio.store.loader import decode_utf8

MAX_BYTES = 20 * 1024 * 1024
"""Larger files are refused before reading: a portfolio table of ten thousand rows is a few megabytes."""

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
JSON_SUFFIXES = (".json",)
DELIMITERS = ",;\t"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as a formula; ehp's own CSV output prefixes such text (and text starting with `'`) with
`'`, which is taken off again."""

MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
"""The last row and column (XFD) a sheet can have, in Excel and in the file format."""
MAX_CELLS = 1_000_000
"""The most cells a table may span (rows times columns, counted to its last value): ten thousand rows of table 5.2
are some two hundred thousand. A sheet with a value further out is refused before its grid is built."""

_PLAIN_SHEET = re.compile(r"^[^\W\d]\w*$")


@dataclass(frozen=True)
class Cell:
    """One cell. `kind` is "value", "formula" (`value` holds the formula) or "error" (`value` holds an error value)."""

    row: int
    column: int
    value: str | None
    kind: str = "value"


@dataclass(frozen=True)
class Merged:
    """A merged range, such as C3:D3, with its corners."""

    range: str
    min_row: int
    min_column: int
    max_row: int
    max_column: int


@dataclass(frozen=True)
class Table:
    """The cells of one sheet, row by row; every row has `width` cells."""

    path: str
    sheet: str | None
    rows: tuple[tuple[Cell, ...], ...]
    merged: tuple[Merged, ...] = ()
    keys: tuple[str, ...] | None = None
    """The record keys, column by column, of a table read from JSON; None for a workbook or CSV."""

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def column_name(self, column: int) -> str:
        """A column as the spreadsheet shows it: a letter for a workbook, a number for CSV, the key for JSON."""
        if self.keys is not None:
            return self.keys[column - 1]
        return column_letter(column) if self.sheet is not None else str(column)

    def where(self, row: int, column: int) -> str:
        """The full address of a cell: `file:Sheet!C7`, `file:7:3` or `file:initiatives[5].name`."""
        if self.keys is not None:
            key = self.keys[column - 1]
            return f"{self.path}:{key}" if row == 1 else f"{self.path}:initiatives[{row - 2}].{key}"
        if self.sheet is None:
            return f"{self.path}:{row}:{column}"
        return f"{self.path}:{sheet_reference(self.sheet)}!{column_letter(column)}{row}"

    def problem(self, row: int, column: int, code: str, args: dict[str, Any] | None = None) -> Problem:
        """A problem placed at a cell, shown as `where: message`."""
        if self.sheet is None and self.keys is None:
            return Problem(self.path, code, args or {}, row, column)
        return Problem(self.where(row, column), code, args or {})


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def sheet_reference(sheet: str) -> str:
    """A sheet name as a cell reference writes it: quoted when it holds anything but letters, digits and `_`."""
    return sheet if _PLAIN_SHEET.match(sheet) else "'" + sheet.replace("'", "''") + "'"


def read_table(path: str, sheet: str | None = None) -> Table:
    """Read the table of a workbook's sheet (default the first), a CSV file or an export's JSON; InputError when it
    cannot be read."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES + JSON_SUFFIXES:
        raise InputError([Problem(path, "import.unsupported", {"suffix": suffix or path})])
    if not os.path.lexists(path):
        raise InputError([Problem(path, "not_found")])
    data = files.read(path, MAX_BYTES)
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, data, sheet)
    if suffix in JSON_SUFFIXES:
        return read_json(path, data)
    return read_csv(path, data)


def _pad(rows: list[list[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    """Drop trailing empty rows and give every row the same width."""
    while rows and all(cell.value is None for cell in rows[-1]):
        rows.pop()
    width = max((max((c.column for c in row if c.value is not None), default=0) for row in rows), default=0)
    padded = []
    for number, row in enumerate(rows, start=1):
        cells = {cell.column: cell for cell in row}
        padded.append(tuple(cells.get(column, Cell(number, column, None)) for column in range(1, width + 1)))
    return tuple(padded)


# Workbooks


def reader_reason(exc: Exception) -> str:
    """Why a workbook or a Word document could not be read, as a message's `detail`: `reader:not_zip` and the like
    for what i18n.messages words in the user's language, else the reader's own text."""
    said = str(exc)
    if isinstance(exc, zipfile.BadZipFile):
        return "reader:not_zip"
    if "is not a Word file" in said:  # python-docx's text names the file as a Python object
        return "reader:not_docx"
    if "no valid workbook part" in said:
        return "reader:no_workbook"
    return said or type(exc).__name__


def _read_xlsx(path: str, data: bytes, sheet: str | None) -> Table:
    try:
        import openpyxl  # type: ignore[import-untyped]

        with warnings.catch_warnings():  # openpyxl warns about features it drops, such as data validation
            warnings.simplefilter("ignore")
            # read_only: the sheet is streamed from its XML, never built as a grid of cells in memory
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # a damaged or foreign file fails deep inside zipfile or the XML parser
        raise InputError([Problem(path, "import.bad_xlsx", {"detail": reader_reason(exc)})]) from None
    try:
        names = list(workbook.sheetnames)
        worksheets = {ws.title: ws for ws in workbook.worksheets}
        if sheet is None:
            if not workbook.worksheets:
                raise InputError([Problem(path, "import.no_header")])
            worksheet = workbook.worksheets[0]
        else:
            chosen = (
                sheet if sheet in worksheets else next((n for n in worksheets if n.casefold() == sheet.casefold()), "")
            )
            if not chosen:
                raise InputError([Problem(path, "import.unknown_sheet", {"sheet": sheet, "sheets": names})])
            worksheet = worksheets[chosen]
        return _read_sheet(path, workbook, worksheet)
    finally:
        workbook.close()


def _read_sheet(path: str, workbook: Any, worksheet: Any) -> Table:
    """The table of a read-only worksheet, from the cells its XML holds and no others.

    openpyxl's own iter_rows fills every row out to the sheet's stated dimension, so that one cell at XFD1048576 would
    build a grid of 17 billion cells; here only the cells present are read, empty ones are dropped at once, and the
    table is refused as soon as the rectangle its values span passes MAX_CELLS: memory stays bounded."""
    from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped]

    where = Table(path, worksheet.title, ())
    found: dict[int, list[Cell]] = {}
    last_row = last_column = 0
    with worksheet._get_source() as source:  # the sheet's XML inside the workbook's zip
        parser = WorkSheetParser(
            source,
            worksheet._shared_strings,
            data_only=False,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        try:
            with warnings.catch_warnings():  # a date out of range becomes an error value, with a warning
                warnings.simplefilter("ignore")
                for _number, row in parser.parse():
                    for raw in row:
                        cell = _xlsx_cell(where, raw)
                        if cell.value is None:
                            continue
                        last_row, last_column = max(last_row, cell.row), max(last_column, cell.column)
                        if last_row * last_column > MAX_CELLS:
                            too_large = where.problem(cell.row, cell.column, "import.too_large", {"limit": MAX_CELLS})
                            raise InputError([too_large])
                        found.setdefault(cell.row, []).append(cell)
        # a cell address or row number openpyxl cannot read (ValueError); XML that is not well-formed, such as a raw
        # control character in a cell (SyntaxError: ElementTree's and lxml's ParseError); a damaged zip member
        except (ValueError, SyntaxError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
            raise InputError([Problem(path, "import.bad_xlsx", {"detail": reader_reason(exc)})]) from None
        merged = tuple(
            Merged(str(r.coord), r.min_row, r.min_col, r.max_row, r.max_col)
            for r in (parser.merged_cells.mergeCell if parser.merged_cells is not None else ())
        )
    rows = [found.get(number, []) for number in range(1, last_row + 1)]
    # rows start at row 1 and column 1, so positions in `rows` are the sheet's own.
    return Table(path, worksheet.title, _pad(rows), merged)


def _xlsx_cell(where: Table, raw: dict[str, Any]) -> Cell:
    """One cell as openpyxl's sheet parser gives it; a cell outside a sheet's limits is refused, named by its place."""
    value, row, column, data_type = raw["value"], raw["row"], raw["column"], raw["data_type"]
    if not (1 <= row <= MAX_ROW and 1 <= column <= MAX_COLUMN):
        raise InputError([where.problem(row, column, "import.cell_out_of_range")])
    if value is None:
        return Cell(row, column, None)
    if data_type == "f":
        formula = value if isinstance(value, str) else getattr(value, "text", None) or str(value)
        return Cell(row, column, str(formula), "formula")
    if data_type == "e":
        return Cell(row, column, str(value), "error")
    return Cell(row, column, _text(value))


def _text(value: Any) -> str | None:
    """A cell's value as text: numbers as a person reads them (2.1, 5), dates in ISO form."""
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, datetime.datetime):
        text = value.isoformat(sep=" ") if value.time() != datetime.time() else value.date().isoformat()
    elif isinstance(value, datetime.date | datetime.time):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.strip()
    return text or None


# CSV


def read_csv(path: str, data: bytes) -> Table:
    """A CSV file's table: UTF-8 (a byte-order mark is allowed), delimited by comma, semicolon or tab."""
    content = decode_utf8(path, data, "import.not_utf8")
    delimiter = _delimiter(content)
    rows: list[list[Cell]] = []
    try:
        reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=False)
        for number, record in enumerate(reader, start=1):
            rows.append([_csv_cell(number, column, value) for column, value in enumerate(record, start=1)])
    except csv.Error as exc:
        raise InputError([Problem(path, "import.bad_csv", {"detail": str(exc)}, len(rows) + 1)]) from None
    _check_span(Table(path, None, ()), rows)
    return Table(path, None, _pad(rows))


# JSON


def read_json(path: str, data: bytes) -> Table:
    """The table of `ehp export --format json` (its `initiatives`), or of a JSON array of records: a row per record,
    a column per key. A value is text as in the CSV export: a list or an object as JSON text, true/false, a number as
    written. Nothing in JSON is a formula."""
    content = decode_utf8(path, data, "import.not_utf8")
    try:
        document = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(path, "import.bad_json", {"detail": exc.msg}, exc.lineno, exc.colno)]) from None
    except RecursionError:
        raise InputError([Problem(path, "import.bad_json", {"detail": "nesting"})]) from None
    records = document.get("initiatives") if isinstance(document, dict) else document
    if not isinstance(records, list) or not all(isinstance(record, dict) for record in records):
        raise InputError([Problem(path, "import.json_shape")])
    keys = tuple(dict.fromkeys(str(key) for record in records for key in record))
    rows = [[Cell(1, column, key) for column, key in enumerate(keys, start=1)]]
    for number, record in enumerate(records, start=2):
        rows.append([Cell(number, column, _json_text(record.get(key))) for column, key in enumerate(keys, start=1)])
    table = Table(path, None, (), keys=keys)
    _check_span(table, rows)
    return Table(path, None, _pad(rows), keys=keys)


def _json_text(value: Any) -> str | None:
    if value is None or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip() or None


def _check_span(where: Table, rows: list[list[Cell]]) -> None:
    """Refuse a table whose values span more than MAX_CELLS, before its rows are padded out to a rectangle."""
    last_row = last_column = 0
    for row in rows:
        for cell in row:
            if cell.value is not None:
                last_row, last_column = max(last_row, cell.row), max(last_column, cell.column)
                if last_row * last_column > MAX_CELLS:
                    raise InputError([where.problem(cell.row, cell.column, "import.too_large", {"limit": MAX_CELLS})])


def _delimiter(content: str) -> str:
    sample = content[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:  # a single column, or too few lines to tell: count in the header line
        first = sample.split("\n", 1)[0]
        return max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","


def _csv_cell(row: int, column: int, raw: str) -> Cell:
    text = raw.strip()
    if not text:
        return Cell(row, column, None)
    if text.startswith("="):
        return Cell(row, column, text, "formula")
    if text.startswith("'") and text[1:2] and text[1:2] in (*FORMULA_START, "'"):
        text = text[1:]  # exactly one `'` off, as `ehp export` and `ehp segment` put it on (see inert_cell)
    return Cell(row, column, text)


def inert_cell(value: object) -> str:
    """Booleans as true/false, nothing as empty, and text that a spreadsheet would run as a formula made inert.

    The `'` is also put before text that starts with `'` already, so that import, which takes exactly one `'` off
    before a formula character or another `'`, gets back the very text: `'=x` is written `''=x`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text[:1] in (*FORMULA_START, "'") else text
