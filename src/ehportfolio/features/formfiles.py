"""The files of a round's forms (roundforms.py): an Excel workbook or a Word document, written and read back.

The workbook has one sheet for people (`Rapport`) and a very hidden one (`ehp`) with what identifies the form. On the
report sheet, column A (hidden) holds each row's key; the facts that identify an initiative are locked (the sheet is
protected without a password, so that only the answer cells can be changed); a colour is chosen from a list and a date
must be a date. The Word document keeps what identifies it as JSON in a hidden paragraph at its end (and its id in
the document properties), and each row's key as hidden text in the row's first cell.

Reading gives each answer cell's text and its address: `skjema-helse-vest.xlsx:Rapport!C12` in a workbook,
`skjema-helse-vest.docx:tabell 3, rad 2, kolonne 2` in a document.
"""

from __future__ import annotations

import datetime
import io
import json
import warnings
from collections.abc import Sequence
from typing import Any

from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.features.roundforms import Cell, Filled, Form, Row, Section, answer, fact_key, shown_only
from ehportfolio.i18n.messages import text
from ehportfolio.store.spreadsheet import Table, read_table, reader_reason

META_SHEET = "ehp"
DOCX_MARK = "ehp-skjema: "
"""The start of the hidden paragraph, at the end of a Word form, that holds what identifies it as JSON."""
ANSWER_COLUMNS = 4
"""Columns C to F: the widest list (dependencies) has four fields."""
FIRST_ANSWER = 3
LABEL_WIDTH = 34
ANSWER_WIDTH = 32
FACT_FILL = "E7E6E6"
HEAD_FILL = "D9E1F2"


def title(form: Form, lang: str) -> str:
    return text(lang, "form.title", meeting=form.round.label, owner=form.owner)


def intro(form: Form, lang: str) -> str:
    return text(lang, "form.intro", deadline=form.deadline.isoformat())


# The workbook


def render_xlsx(form: Form, parts: Sequence[Section], lang: str) -> bytes:
    """The form as a workbook."""
    import openpyxl  # type: ignore[import-untyped]
    from openpyxl.styles import (  # type: ignore[import-untyped]
        Alignment,
        Border,
        Font,
        NamedStyle,
        PatternFill,
        Protection,
        Side,
    )
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet.cell_range import MultiCellRange  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
    from openpyxl.worksheet.merge import MergedCellRange  # type: ignore[import-untyped]

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = text(lang, "form.sheet")
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    fact_fill = PatternFill("solid", fgColor=FACT_FILL)
    # Named styles, registered once: a cell given one takes its style id, where setting a font, fill or border on each
    # cell hashes that object into the workbook's lists every time, most of a large form's cost.
    styles = {
        "ehp title": NamedStyle(font=Font(bold=True, size=14)),
        "ehp intro": NamedStyle(alignment=wrap),
        "ehp heading": NamedStyle(font=Font(bold=True, size=12)),
        "ehp fact label": NamedStyle(font=Font(bold=True), fill=fact_fill, border=box),
        "ehp fact": NamedStyle(fill=fact_fill, border=box, alignment=wrap),
        "ehp label": NamedStyle(font=Font(bold=True), border=box, alignment=wrap),
        "ehp record label": NamedStyle(border=box, alignment=wrap),
        "ehp head": NamedStyle(font=Font(bold=True), fill=PatternFill("solid", fgColor=HEAD_FILL), alignment=wrap),
        "ehp answer": NamedStyle(border=box, alignment=wrap, protection=Protection(locked=False)),
        "ehp date": NamedStyle(
            border=box, alignment=wrap, protection=Protection(locked=False), number_format="yyyy-mm-dd"
        ),
    }
    for name, style in styles.items():
        style.name = name
        book.add_named_style(style)
    colours = DataValidation(type="list", formula1='"grønn,gul,rød"', allow_blank=True, showErrorMessage=True)
    colours.error = text(lang, "form.colour_error")
    dates = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True)
    dates.showErrorMessage = True
    dates.error = text(lang, "form.date_error")
    yes = DataValidation(type="list", formula1=f'"{text(lang, "form.yes")}"', allow_blank=True, showErrorMessage=True)
    for validation in (colours, dates, yes):
        sheet.add_data_validation(validation)

    def put(row: int, column: int, value: Any, style: str | None = None) -> Any:
        cell = sheet.cell(row=row, column=column)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
        if style:
            cell.style = style
        return cell

    last = FIRST_ANSWER + ANSWER_COLUMNS - 1
    merged: list[str] = []

    def merge(row: int, first: int, style: str | None) -> None:
        """Merge the row from `first` to the last answer column, the cells it covers styled as the first (so the
        border runs along the whole range). The ranges are set together at the end: Worksheet.merge_cells checks
        each new range against every earlier one, which made a form's cost grow with the square of its rows."""
        for column in range(first + 1, last + 1):
            put(row, column, None, style)
        merged.append(f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}")

    put(1, 2, title(form, lang), "ehp title")
    put(2, 2, intro(form, lang), "ehp intro")
    merge(2, 2, None)
    sheet.row_dimensions[2].height = 48
    number = 4
    for part in parts:
        put(number, 2, part.heading, "ehp heading")
        number += 1
        for index, (label, value) in enumerate(part.facts):
            put(number, 1, fact_key(part.initiative.id, index))
            put(number, 2, label, "ehp fact label")
            put(number, FIRST_ANSWER, value, "ehp fact")
            merge(number, FIRST_ANSWER, "ehp fact")
            number += 1
        for row in part.rows:
            put(number, 1, row.key)
            label = f"{row.label}\n{row.question}" if row.question else row.label
            put(number, 2, label, "ehp label" if row.kind != "record" else "ehp record label")
            if row.kind == "head":
                for offset, head in enumerate(row.values):
                    put(number, FIRST_ANSWER + offset, head or None, "ehp head")
                sheet.row_dimensions[number].height = 48 if len(row.columns) > 1 else 15 * (1 + len(label) // 40)
                number += 1
                continue
            for offset, value in enumerate(row.values):
                is_date = row.kind == "date" or row.columns[offset] == "by"
                cell = put(number, FIRST_ANSWER + offset, value, "ehp date" if is_date else "ehp answer")
                if is_date:
                    dates.add(cell)
                elif row.kind == "colour":
                    colours.add(cell)
                elif row.kind == "yes":
                    yes.add(cell)
            if len(row.values) == 1 and row.kind in ("text", "record"):
                merge(number, FIRST_ANSWER, "ehp answer")
            if row.kind == "text":
                sheet.row_dimensions[number].height = 75
            elif row.question:
                sheet.row_dimensions[number].height = 15 * (1 + len(label) // 40)
            number += 1
        number += 1
    sheet.merged_cells = MultiCellRange([MergedCellRange(sheet, coord) for coord in merged])  # never overlapping
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["B"].width = LABEL_WIDTH
    for column in "CDEF":
        sheet.column_dimensions[column].width = ANSWER_WIDTH
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # people may still widen a column or a row
    sheet.protection.formatRows = False
    meta = book.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    for index, (key, value) in enumerate({**form.meta, "sheet": sheet.title}.items(), start=1):
        shown = " ".join(value) if isinstance(value, list) else str(value)
        meta.cell(row=index, column=1, value=key).data_type = "s"
        cell = meta.cell(row=index, column=2, value=shown)
        cell.data_type = "s"
    meta.protection.sheet = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_xlsx(path: str) -> Filled:
    """A filled workbook's identity and answer cells; InputError when it is no form of ehp's."""
    meta_table = _sheet(path, META_SHEET)
    meta: dict[str, Any] = {}
    for row in meta_table.rows:
        if row and row[0].value is not None:
            meta[row[0].value] = row[1].value if len(row) > 1 else None
    if "initiatives" in meta:
        meta["initiatives"] = (meta["initiatives"] or "").split()
    table = _sheet(path, str(meta.get("sheet") or ""), renamed=True)
    rows: dict[str, tuple[Cell, ...]] = {}
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for row in table.rows:
        key = row[0].value if row and row[0].kind == "value" else None
        if not key:  # a title, a heading or an empty row; an answer here has lost its key, or was never asked
            stray = [c for c in row[FIRST_ANSWER - 1 :] if c.value is not None]
            if stray:
                problems.append(Problem(table.where(stray[0].row, stray[0].column), "status.collect.no_key"))
            continue
        if shown_only(key):
            continue
        # every cell of the row from the first answer column on: one past the form's columns is refused, not dropped
        width = max(FIRST_ANSWER + ANSWER_COLUMNS, len(row) + 1)
        cells = tuple(_cell(table, row, column) for column in range(FIRST_ANSWER, width))
        if key in rows:
            problems.append(Problem(table.where(row[0].row, 2), "status.collect.row_twice", {"first": first[key]}))
            continue
        rows[key] = cells
        first[key] = table.where(row[0].row, 2)
    return Filled(path, meta, f"{path}:{META_SHEET}", rows, tuple(problems))


def _sheet(path: str, name: str, renamed: bool = False) -> Table:
    """A sheet of the form; if it is not there, the first sheet when the sheet may have been `renamed` (the report
    sheet, which comes first), else the refusal of a file that is no form."""
    try:
        return read_table(path, name or META_SHEET)
    except InputError as exc:
        if not exc.problems or exc.problems[0].code != "import.unknown_sheet":
            raise
    if renamed:
        return read_table(path)
    raise InputError([Problem(path, "status.collect.not_a_form")])


def _cell(table: Table, row: tuple[Any, ...], column: int) -> Cell:
    number = row[0].row
    where = table.where(number, column)
    if column > len(row):
        return Cell(None, where)
    found = row[column - 1]
    if found.kind == "formula":
        return Cell(found.value, where, Problem(where, "import.formula", {"formula": found.value}))
    if found.kind == "error":
        return Cell(found.value, where, Problem(where, "import.error_value", {"value": found.value}))
    return answer(found.value, where)


# The Word document


def render_docx(form: Form, parts: Sequence[Section], lang: str) -> bytes:
    """The form as a Word document."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    properties = document.core_properties
    properties.title = title(form, lang)
    properties.subject = form.round.id
    properties.identifier = form.id
    properties.keywords = "ehp"
    properties.author = "ehp"
    document.add_heading(title(form, lang), level=0)
    document.add_paragraph(intro(form, lang))
    for part in parts:
        document.add_heading(part.heading, level=1)
        facts = document.add_table(rows=0, cols=2)
        facts.style = "Table Grid"
        for index, (label, value) in enumerate(part.facts):
            cells = facts.add_row().cells
            key = cells[0].paragraphs[0].add_run(fact_key(part.initiative.id, index))
            key.font.hidden = True
            cells[0].paragraphs[0].add_run(label).bold = True
            cells[1].text = value
            for cell in cells:
                _shade(cell, FACT_FILL)
        groups: list[list[Row]] = []
        for row in part.rows:
            if row.kind in ("head", "text", "date", "colour"):
                groups.append([])
            groups[-1].append(row)
        for group in groups:
            document.add_paragraph()
            table = document.add_table(rows=0, cols=1 + len(group[0].columns))
            table.style = "Table Grid"
            for row in group:
                cells = table.add_row().cells
                first = cells[0].paragraphs[0]
                key = first.add_run(row.key)
                key.font.hidden = True
                first.add_run(row.label).bold = row.kind != "record"
                _shade(cells[0], HEAD_FILL if row.kind == "head" else FACT_FILL)
                if row.question:
                    cells[0].add_paragraph().add_run(row.question).font.size = Pt(8)
                for offset, value in enumerate(row.values):
                    cells[1 + offset].text = _docx_text(value)
                    if row.kind == "head":
                        _shade(cells[1 + offset], HEAD_FILL)
                        for run in cells[1 + offset].paragraphs[0].runs:
                            run.bold = True
    mark = document.add_paragraph().add_run(DOCX_MARK + json.dumps(form.meta, ensure_ascii=False))
    mark.font.hidden = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _shade(cell: Any, fill: str) -> None:
    """Give a table cell of a Word document a background colour."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _docx_text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def read_docx(path: str, data: bytes, lang: str) -> Filled:
    """A filled Word document's identity and answer cells; InputError when it is no form of ehp's."""
    try:
        import docx

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged or foreign file fails deep inside zipfile or the XML parser
        raise InputError([Problem(path, "status.collect.bad_docx", {"detail": reader_reason(exc)})]) from None
    marks = [p.text for p in document.paragraphs if p.text.startswith(DOCX_MARK)]
    try:
        meta = json.loads(marks[-1].removeprefix(DOCX_MARK)) if marks else None
    except ValueError:
        meta = None
    if not isinstance(meta, dict):
        raise InputError([Problem(path, "status.collect.not_a_form")])
    rows: dict[str, tuple[Cell, ...]] = {}
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for number, table in enumerate(document.tables, start=1):
        for row_number, row in enumerate(table.rows, start=1):
            cells = row.cells
            key = "".join(run.text for p in cells[0].paragraphs for run in p.runs if run.font.hidden).strip()

            def where(column: int, table: int = number, row: int = row_number) -> str:
                return f"{path}:{text(lang, 'form.docx_place', table=table, row=row, column=column)}"

            if not key:  # an answer in a row that lost its hidden key (Word's "clear formatting") is not dropped
                stray = [i for i, c in enumerate(cells[1:], start=2) if c.text.strip()]
                if stray:
                    problems.append(Problem(where(stray[0]), "status.collect.no_key"))
                continue
            if shown_only(key):
                continue

            if key in rows:
                problems.append(Problem(where(1), "status.collect.row_twice", {"first": first[key]}))
                continue
            first[key] = where(1)
            rows[key] = tuple(answer(c.text.strip() or None, where(i)) for i, c in enumerate(cells[1:], start=2))
    return Filled(path, meta, path, rows, tuple(problems))
