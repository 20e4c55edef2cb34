"""Reading a workbook reads the cells it holds and no others: a cell at the sheet's far corner costs no memory, a row
outside a sheet's limits is a user error at its cell, and a table spanning too many cells is refused before its grid
is built. The hostile workbooks are written by hand, part by part, as a 5 kB attack file would be."""

from __future__ import annotations

import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from conftest import invoke

from ehportfolio.domain.problems import InputError
from ehportfolio.store.spreadsheet import MAX_CELLS, read_csv, read_table

SHIPPED = Path(__file__).parents[2] / "portfolio"

PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        "</Relationships>"
    ),
}

HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Primært innsatsområde</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Prosjekt-/programnavn:</t></is></c></row>'
)


def hostile(path: Path, rows: str, dimension: str = "A1:XFD1048576") -> Path:
    """A workbook of one sheet whose XML is `rows`, stating the given dimension, written part by part."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def peak_bytes(path: Path) -> tuple[int, object]:
    """The peak of Python's allocations while reading the table, and what reading gave (a table or the error)."""
    read_table(str(hostile(path.with_name("warm.xlsx"), HEADER_ROW, "A1:B1")))  # imports openpyxl outside the count
    tracemalloc.start()
    try:
        result: object = read_table(str(path))
    except InputError as exc:
        result = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, result


def test_an_empty_cell_at_the_far_corner_reads_only_the_cells_that_exist(tmp_path: Path) -> None:
    path = hostile(tmp_path / "t.xlsx", HEADER_ROW + '<row r="1048576"><c r="XFD1048576" s="0"/></row>')
    assert path.stat().st_size < 5000
    peak, table = peak_bytes(path)
    assert peak < 5 * 1024 * 1024  # the grid openpyxl would build is 17 billion cells
    assert [[c.value for c in row] for row in table.rows] == [["Primært innsatsområde", "Prosjekt-/programnavn:"]]  # type: ignore[attr-defined]


def test_a_value_at_the_far_corner_is_refused_at_its_cell_in_bounded_memory(tmp_path: Path) -> None:
    cell = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = hostile(tmp_path / "t.xlsx", HEADER_ROW + cell)
    peak, error = peak_bytes(path)
    assert peak < 5 * 1024 * 1024
    assert isinstance(error, InputError)
    [problem] = error.problems
    assert (problem.path, problem.code, problem.args) == (
        f"{path}:Ark1!XFD1048576",
        "import.too_large",
        {"limit": MAX_CELLS},
    )


def imported(tmp_path: Path, path: Path) -> tuple[int, str, str]:
    """`ehp import` of the workbook into a copy of the shipped portfolio."""
    shutil.copytree(SHIPPED, tmp_path / "pf")
    return invoke("import", str(path), "--path", str(tmp_path / "pf"))


def test_a_row_beyond_the_last_is_a_user_error_naming_file_and_cell(tmp_path: Path) -> None:
    path = hostile(tmp_path / "t.xlsx", HEADER_ROW + '<row r="1048577"><c r="B1048577"><v>1</v></c></row>')
    code, out, err = imported(tmp_path, path)
    assert code != 0 and "Traceback" not in err + out
    assert f"{path}:Ark1!B1048577: cellen ligger utenfor det et regneark kan ha (rad 1–1048576, kolonne A–XFD)" in err


def test_a_row_number_that_is_no_number_is_a_user_error(tmp_path: Path) -> None:
    path = hostile(tmp_path / "t.xlsx", HEADER_ROW + '<row r="2.5"><c><v>1</v></c></row>')
    code, out, err = imported(tmp_path, path)
    assert code != 0 and "Traceback" not in err + out
    assert f"{path}: kan ikke leses som Excel-arbeidsbok (.xlsx): 2.5 is not a valid row number" in err


def test_a_csv_spanning_too_many_cells_is_refused_before_it_is_padded() -> None:
    data = ("a\n" * 2000 + "," * 1000 + "z\n").encode()
    with pytest.raises(InputError) as caught:
        read_csv("t.csv", data)
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.column, problem.code) == ("t.csv", 2001, 1001, "import.too_large")
