"""The Word reports as LibreOffice lays them out: converted to PDF, no word of a table is split inside its column
("Legemiddelprogra|mmet"), and every page carries its number.

LibreOffice (`libreoffice-writer-nogui`), poppler's `pdftotext` (`poppler-utils`) and the fonts that have the metrics
of the template's Cambria and Calibri (`fonts-crosextra-caladea`, `fonts-crosextra-carlito`) come from `.ci/run`.
Without one of them the test is skipped, and says which: in a fallback font (DejaVu) the words are wider than in Word,
and the layout would not be Word's.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import invoke
from test_contexts import shipped

__all__ = ["shipped"]  # the fixture, shared with test_contexts
SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
FC_LIST = shutil.which("fc-list")
KINDS = {
    "overview": ["overview"],
    "initiative": ["initiative", "legemiddelprogrammet", "--date", "2021-12-31"],
    "meeting": ["meeting", "--committee", "NUIT", "--date", "2021-05-06"],
    "meeting-feb": ["meeting", "--committee", "NUIT", "--date", "2021-02-11", "--case", "12/21"],
    "meeting-en": ["meeting", "--committee", "NUIT", "--date", "2021-11-25", "--lang", "en"],
    "definition": ["definition", "--year", "2021", "--date", "2021-12-31"],
    "benefits": ["benefits", "--date", "2021-11-25"],
    "knowledge": ["knowledge"],
}
_BREAKS = re.compile(r"[\s/\-–]+")
"""Where a line may break: a space, a hyphen, a dash or a slash."""


def _words(text: str) -> set[str]:
    return {word for piece in _BREAKS.split(text) if len(word := piece.strip("()«»\"',.;:")) >= 2}


def _fonts() -> str:
    listed = subprocess.run([FC_LIST or "fc-list"], capture_output=True, text=True, check=False).stdout
    return "" if "Carlito" in listed and "Caladea" in listed else "fonts-crosextra-carlito, fonts-crosextra-caladea"


@pytest.fixture(scope="module")
def laid_out(shipped: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Every kind of Word report from the shipped portfolio, and the PDF LibreOffice makes of it."""
    needed = ((SOFFICE, "libreoffice-writer-nogui"), (PDFTOTEXT, "poppler-utils"))
    missing = [name for found, name in needed if not found]
    if FC_LIST and not missing:
        missing += [fonts] if (fonts := _fonts()) else []
    if missing:
        pytest.skip(f"the Word layout test needs {', '.join(missing)} (installed by .ci/run)")
    out = tmp_path_factory.mktemp("word")
    documents = []
    for name, args in KINDS.items():
        code, _, err = invoke("report", *args, "-f", "docx", "--out", str(out / name), "--path", str(shipped))
        assert code == 0, err
        (document,) = (out / name).glob("*.docx")
        documents.append(document.rename(out / f"{name}.docx"))
    profile = (out / "profile").as_uri()  # its own LibreOffice profile: no lock shared with anything else
    command = [SOFFICE or "soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(out), *map(str, documents)], check=True, capture_output=True, timeout=300)
    return {name: (out / f"{name}.docx", out / f"{name}.pdf") for name in KINDS}


def _pdf_pages(pdf: Path) -> list[list[str]]:
    """The words of each page, as pdftotext places them."""
    command = [PDFTOTEXT or "pdftotext", "-bbox", str(pdf), "-"]
    bbox = subprocess.run(command, capture_output=True, text=True, check=True)
    return [
        [html.unescape(word) for word in re.findall(r"<word [^>]*>([^<]*)</word>", page)]
        for page in bbox.stdout.split("<page ")[1:]
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_libreoffice_splits_no_word_of_a_table(laid_out: dict[str, tuple[Path, Path]], kind: str) -> None:
    document, pdf = laid_out[kind]
    wanted: set[str] = set()
    for table in docx.Document(str(document)).tables:
        for row in table.rows:
            for cell in row.cells:
                wanted |= _words(cell.text)
    assert len(wanted) > 10
    shown = {word for page in _pdf_pages(pdf) for piece in page for word in _words(piece)}
    assert not sorted(wanted - shown)  # a word split over two lines is found as neither half


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_ends_with_its_number(laid_out: dict[str, tuple[Path, Path]], kind: str) -> None:
    pages = _pdf_pages(laid_out[kind][1])
    assert pages
    assert [page[-1] for page in pages] == [str(number) for number in range(1, len(pages) + 1)]
