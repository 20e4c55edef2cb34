"""Builds the shipped Word templates, templates/reports/<kind>.docx, with python-docx from what wordlayout.py says
each holds: a plain A4 document in Word's built-in styles (Title, Heading 1–3, List Bullet, Table Grid) with docxtpl's
Jinja tags in its text, so that the directorate can restyle it in Word and keep it in its portfolio's
templates/reports/.

A test keeps the shipped files equal to what this module builds; after a change, run `make word-templates`.
"""

from __future__ import annotations

import datetime
import io
import os
import sys
from collections.abc import Sequence
from typing import Any

from ehportfolio.reports.wordlayout import LAYOUTS
from ehportfolio.store import files

HEADINGS = {"h1": 1, "h2": 2, "h3": 3}
TEXT_WIDTH_MM = 160
"""A4 less two margins of 25 mm."""
FIXED_TIME = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def _runs(paragraph: Any, text: str) -> None:
    """The text as runs, bold between `**` marks."""
    for index, part in enumerate(text.split("**")):
        if part:
            paragraph.add_run(part).bold = index % 2 == 1


def _repeat_header(row: Any) -> None:
    """Word repeats this row at the top of each page the table runs onto."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _right(cell: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _widths(grid: Any, weights: Sequence[float]) -> None:
    """Fixed column widths, shares of the text width; Word reads them from every cell."""
    from docx.shared import Mm

    grid.autofit = False
    total = sum(weights)
    for column, weight in zip(grid.columns, weights, strict=True):
        width = Mm(round(TEXT_WIDTH_MM * weight / total, 1))
        column.width = width
        for cell in column.cells:
            cell.width = width


def _add_table(
    document: Any, headers: list[str], cells: list[str], loop: str, numeric: set[int], weights: list[float]
) -> None:
    grid = document.add_table(rows=4, cols=len(headers))
    grid.style = "Table Grid"
    _widths(grid, weights)
    head, start, body, end = grid.rows
    _repeat_header(head)
    for column, text in enumerate(headers):
        _runs(head.cells[column].paragraphs[0], f"**{text}**")
        if column in numeric:
            _right(head.cells[column])
    start.cells[0].text = "{%tr for " + loop + " %}"
    for column, text in enumerate(cells):
        _runs(body.cells[column].paragraphs[0], text)
        if column in numeric:
            _right(body.cells[column])
    end.cells[0].text = "{%tr endfor %}"


def _add_fields(document: Any, rows: list[tuple[str, str]]) -> None:
    grid = document.add_table(rows=len(rows), cols=2)
    grid.style = "Table Grid"
    _widths(grid, (1, 2))
    for row, (label, value) in zip(grid.rows, rows, strict=True):
        _runs(row.cells[0].paragraphs[0], f"**{label}**")
        _runs(row.cells[1].paragraphs[0], value)


def _page_number(paragraph: Any) -> None:
    """A PAGE field, right-aligned: Word and LibreOffice put each page's number in it (the "1" is what a reader shows
    before it updates fields)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def fld_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    fld_char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    paragraph.add_run()._r.append(instruction)
    fld_char("separate")
    paragraph.add_run("1")
    fld_char("end")


def _setup(document: Any) -> None:
    """A4 with 2.5 cm margins, the generated-by line and the page number in the footer, and fixed document properties
    (the report sets the title)."""
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    margin = Mm((210 - TEXT_WIDTH_MM) / 2)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin
    section.footer.paragraphs[0].text = "{{ generated }}"
    _page_number(section.footer.add_paragraph(style="Footer"))
    document.styles["Normal"].font.size = Pt(10)
    document.styles["Table Grid"].font.size = Pt(9)
    properties = document.core_properties
    properties.author = "ehp"
    properties.last_modified_by = "ehp"
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1
    properties.comments = ""


def build(kind: str) -> bytes:
    """The Word template of one report kind, as the bytes of a .docx file."""
    from docx import Document

    from ehportfolio.reports.word import reproducible_zip

    document = Document()
    _setup(document)
    for item in LAYOUTS[kind]:
        what = item[0]
        if what == "title":
            _runs(document.add_paragraph(style="Title"), item[1])
        elif what in HEADINGS:
            _runs(document.add_heading(level=HEADINGS[what]), item[1])
        elif what == "bullet":
            _runs(document.add_paragraph(style="List Bullet"), item[1])
        elif what == "table":
            _add_table(document, *item[1:])
        elif what == "fields":
            _add_fields(document, item[1])
        else:
            _runs(document.add_paragraph(), item[1])
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def main(argv: list[str]) -> int:
    """`python -m ehportfolio.reports.wordtemplates DIR` writes DIR/reports/<kind>.docx for every kind."""
    if len(argv) != 1:
        print("usage: python -m ehportfolio.reports.wordtemplates TEMPLATES_DIR", file=sys.stderr)
        return 2
    files.make_dirs(os.path.join(argv[0], "reports"))
    for kind in LAYOUTS:
        path = os.path.join(argv[0], "reports", f"{kind}.docx")
        files.write_file(path, build(kind), root=argv[0])
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
