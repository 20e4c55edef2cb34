"""ehp report --format docx: every kind as a Word document from the shipped Word templates, opened with python-docx to
find its sections and table rows; byte-identical output, injection, a portfolio's own Word template in the sandbox,
and the shipped templates kept equal to what ehportfolio.reports.wordtemplates builds."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import invoke
from docx.document import Document
from docx.table import Table
from helpers import SAMSTYRE, calendar_portfolio
from test_contexts import shipped, table_rows
from typer.testing import CliRunner

from ehportfolio.cli.app import app
from ehportfolio.reports import wordtemplates
from ehportfolio.store.templates import template_dir

__all__ = ["shipped"]  # the fixture, shared with test_contexts
MEETING = ["meeting", "--committee", "NUIT", "--date", "2021-05-06", "--case", "12/21"]
ID_AT_END = re.compile(r"\(([a-z0-9-]+)\)$")


def word(*args: str) -> Document:
    """The report as a python-docx document, from standard output."""
    result = CliRunner().invoke(app, ["report", *args, "--format", "docx"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"PK")
    return docx.Document(io.BytesIO(result.stdout_bytes))


def headings(document: Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]


def table_after(document: Document, heading: str) -> Table:
    """The first table after the paragraph whose text is `heading`."""
    seen = False
    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            seen = seen or block.text == heading
        elif seen:
            return block
    raise AssertionError(f"no table after {heading!r}")


def body(table: Table) -> list[list[str]]:
    """The rows under the header row, as cell texts."""
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def ids(rows: list[list[str]], column: int = 0) -> list[str]:
    found = [ID_AT_END.search(row[column]) for row in rows]
    assert all(found), rows
    return [m.group(1) for m in found if m]


def markdown_ids(markdown: str, heading: str) -> list[str]:
    """The ids in the first table under `heading` of a Markdown report (the oracle for the same report in Word)."""
    section = markdown.split(f"\n{heading}\n", 1)[1]
    first = section.split("\n\n|", 1)[1] if not section.lstrip().startswith("|") else section
    rows = table_rows("|" + first.split("\n\n", 1)[0])[2:]
    return [m.group(1) for row in rows if (m := re.search(r"\(`([a-z0-9-]+)`\)", row))]


# Every kind, from the shipped portfolio


def test_overview_lists_every_initiative_under_its_segment(shipped: Path) -> None:
    document = word("overview", "--path", str(shipped))
    assert headings(document, 1) == [
        "Tiltak per segment",
        "Status over rundene",
        "Tiltak per eier",
        "Tiltak per innsatsområde",
        "Avhengigheter",
    ]
    assert headings(document, 2)[:4] == ["Samstyre (30)", "Koordinere (11)", "Observere (6)", "Inspirere (8)"]
    trend = body(table_after(document, "Samstyre: status og risiko"))
    assert [
        "Legemiddelprogrammet (legemiddelprogrammet)",
        "NUIT 1/2021: grønn → NUIT 2/2021: gul → NUIT 3/2021: gul",
    ] in trend
    found = [
        i
        for table in document.tables
        if table.rows[0].cells[0].text == "Primært innsatsområde" and len(table.columns) == 4
        for i in ids(body(table), 1)
    ]
    assert sorted(found) == sorted(p.stem for p in (shipped / "initiatives").glob("*.yaml"))
    assert body(table_after(document, "Tiltak per segment"))[0] == ["Samstyre", "30"]
    assert len(document.inline_shapes) == 2  # the segment chart and the dependency graph
    assert document.core_properties.title == "Porteføljeoversikt: Nasjonal e-helseportefølje 2020"
    assert document.sections[0].footer.paragraphs[0].text == "Laget med ehp fra Nasjonal e-helseportefølje 2020."


def test_meeting_paper_has_its_sections_and_the_same_rows_as_in_markdown(shipped: Path) -> None:
    document = word(*MEETING, "--path", str(shipped))
    assert headings(document, 1) == [
        "Formål",
        "Bakgrunn",
        "Status",
        "Tiltak som ikke har rapportert",
        "Endringer i porteføljen",
        "Forslag til vedtak",
    ]
    header = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert ["Saksnummer", "12/21"] in header and ["Utvalg", "NUIT (Prioriteringsutvalget)"] in header
    _, markdown, _ = invoke("report", *MEETING, "--path", str(shipped))
    samstyre = next(h for h in headings(document, 2) if h.startswith("Samstyre"))
    assert ids(body(table_after(document, samstyre))) == markdown_ids(markdown, f"### {samstyre}")
    missing = ids(body(table_after(document, "Tiltak som ikke har rapportert")))
    assert missing == markdown_ids(markdown, "## Tiltak som ikke har rapportert")
    assert len(missing) > 30
    assert {row[3] for row in body(table_after(document, "Tiltak som ikke har rapportert"))} == {"ikke rapportert"}


def test_fact_sheet_has_its_sections_and_the_trend_across_rounds(shipped: Path) -> None:
    document = word("initiative", "legemiddelprogrammet", "--date", "2021-12-31", "--path", str(shipped))
    assert headings(document, 1) == [
        "Sjekklisten",
        "Siste statusrapport",
        "Statushistorikk",
        "Gevinster",
        "Avhengigheter",
        "Segmenthistorikk",
    ]
    level_two = headings(document, 2)
    start = level_two.index("Samlet status")
    assert level_two[start : start + 3] == ["Samlet status", "Fremdrift", "Risikoer"]  # Samstyre's fields
    _, markdown, _ = invoke(
        "report", "initiative", "legemiddelprogrammet", "--date", "2021-12-31", "--path", str(shipped)
    )
    trend = body(table_after(document, "Statushistorikk"))
    assert len(trend) == len(table_rows(markdown.split("## Statushistorikk")[1].split("##")[0])) - 2
    assert [row[1] for row in trend] == ["grønn", "gul", "gul", "runden ikke startet"]
    assert trend[1][3].startswith("Leverandørene av kommunale journalsystemer")
    assert len(document.inline_shapes) == 2  # the trend chart and the dependency graph


@pytest.mark.parametrize(
    "args",
    [
        ["overview"],
        ["initiative", "legemiddelprogrammet", "--date", "2021-12-31"],
        MEETING,
        ["definition", "--year", "2021"],
    ],
    ids=lambda a: a[0],
)
def test_pages_are_numbered_and_charts_keep_their_natural_size(shipped: Path, args: list[str]) -> None:
    document = word(*args, "--path", str(shipped))
    footer = document.sections[0].footer._element
    namespace = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    assert [t.text.strip() for t in footer.findall(".//w:instrText", namespace)] == ["PAGE"]
    assert [f.get(f"{{{namespace['w']}}}fldCharType") for f in footer.findall(".//w:fldChar", namespace)] == [
        "begin",
        "separate",
        "end",
    ]
    text_width = docx.shared.Mm(wordtemplates.TEXT_WIDTH_MM)
    for shape in document.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        image = document.part.related_parts[blip].image  # its pixels at the resolution it records
        assert shape.width <= min(image.width, text_width)  # never stretched past its natural size or the page
        assert shape.height / shape.width == pytest.approx(image.height / image.width, rel=0.01)


CHARACTER_MM = 0.5 * 9 * 25.4 / 72
"""About the mean width of a character at the tables' 9 pt in Calibri (LibreOffice's Carlito has the same metrics)."""
CELL_MARGINS_MM = 2 * 1.91
"""Word's default cell margins, 0.19 cm each side (Table Grid)."""


@pytest.mark.parametrize(
    "args",
    [
        MEETING,
        ["meeting", "--committee", "NUIT", "--date", "2021-02-11", "--case", "12/21"],
        ["overview"],
        ["initiative", "legemiddelprogrammet", "--date", "2021-12-31"],
        ["definition", "--year", "2021"],
    ],
    ids=lambda a: "-".join(a[:1] + a[4:5]),
)
def test_no_word_in_a_table_is_wider_than_its_column(shipped: Path, args: list[str]) -> None:
    """A word that does not fit its column is split inside it ("Legemiddelprogra|mmet"); a line may break at a space,
    a hyphen or a slash. Header words are bold, about 7 % wider."""
    document = word(*args, "--path", str(shipped))
    too_wide = []
    for table in document.tables:
        for number, row in enumerate(table.rows):
            for cell in row.cells:
                assert cell.width is not None
                for piece in re.split(r"[\s/-]+", cell.text):
                    needed = len(piece) * CHARACTER_MM * (1.07 if number == 0 else 1) + CELL_MARGINS_MM
                    if needed > cell.width.mm:
                        too_wide.append((piece, round(needed, 1), round(cell.width.mm, 1)))
    assert not too_wide


def test_definition_has_its_five_parts_and_numbers_no_priority_that_was_not_decided(shipped: Path) -> None:
    document = word("definition", "--year", "2021", "--path", str(shipped))
    assert [h.split(". ", 1)[0] for h in headings(document, 1)] == ["1", "2", "3", "4", "5"]
    texts = [p.text for p in document.paragraphs]
    assert "Ingen tiltak har vedtatt prioritet, så papiret viser ingen rekkefølge og ingen nummer." in texts
    apart = body(table_after(document, "Uten vedtatt prioritet (30)"))
    assert len(apart) == 30 and not any(cell.isdigit() for row in apart for cell in row)


@pytest.mark.parametrize(
    "args",
    [["overview"], ["initiative", "helseplattformen"], MEETING, ["definition", "--year", "2021"]],
    ids=["overview", "initiative", "meeting", "definition"],
)
def test_english_on_request_and_byte_identical_between_runs(shipped: Path, tmp_path: Path, args: list[str]) -> None:
    runs = []
    for n in (1, 2):
        out = tmp_path / str(n)
        result = CliRunner().invoke(
            app, ["report", *args, "-f", "docx", "--lang", "en", "--out", str(out), "--path", str(shipped)]
        )
        assert result.exit_code == 0, result.stderr
        [written] = out.iterdir()
        assert written.suffix == ".docx"
        runs.append(written.read_bytes())
    assert runs[0] == runs[1]
    document = docx.Document(io.BytesIO(runs[0]))
    text = " ".join(p.text for p in document.paragraphs)
    assert "Samstyre" in text
    assert not re.search(r"\b(Avhengigheter|Ingen|Forslag til vedtak|Sum|Tiltak per)\b", text), text[:400]
    assert document.sections[0].footer.paragraphs[0].text.startswith("Made with ehp")


# Injection and templates


def test_names_with_markup_and_jinja_come_out_as_text(tmp_path: Path) -> None:
    name = '<script>alert(1)</script> | {{ 7*7 }} {% if %} & "q" `x` ' + "W" * 300
    text = SAMSTYRE.replace("name: Felles", f"name: {json.dumps(name)}")
    other = SAMSTYRE.replace("Felles", "Avhengig") + "dependencies:\n  - id: felles\n    strength: strong\n"
    root = calendar_portfolio(tmp_path / "p", felles=text, avhengig=other)
    for args in (["overview"], ["initiative", "felles"], ["initiative", "avhengig"]):
        document = word(*args, "--path", str(root))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        paragraphs = [p.text for p in document.paragraphs]
        assert any(name in value for value in cells + paragraphs), args


def test_a_portfolios_own_word_template_renders_in_the_sandbox(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    mine = root / "templates" / "reports"
    mine.mkdir(parents=True)
    own = docx.Document()
    own.add_paragraph("Egen mal: {{ title }} ({{ total }})")
    own.save(str(mine / "overview.docx"))
    document = word("overview", "--path", str(root))
    assert [p.text for p in document.paragraphs] == ["Egen mal: Porteføljeoversikt: Test (1)"]
    own.paragraphs[0].text = "{{ title.__class__.__mro__ }}"
    own.save(str(mine / "overview.docx"))
    result = CliRunner().invoke(app, ["report", "overview", "-f", "docx", "--path", str(root)])
    assert result.exit_code == 2 and result.stdout_bytes == b""
    assert "sandkassen ikke tillater" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip", "er ikke et Word-dokument"),
        (
            (Path(__file__).parents[2] / "templates" / "reports" / "overview.docx").read_bytes()[:2000],
            "er ikke et Word",
        ),
        ("{{ undefined_name }}", "'undefined_name' is undefined"),
        ("{%p if x %}", "Unexpected end of template"),
    ],
)
def test_a_bad_word_template_gets_a_clear_error(tmp_path: Path, content: bytes | str, message: str) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    mine = root / "templates" / "reports"
    mine.mkdir(parents=True)
    if isinstance(content, str):
        own = docx.Document()
        own.add_paragraph(content)
        own.save(str(mine / "overview.docx"))
    else:
        (mine / "overview.docx").write_bytes(content)
    result = CliRunner().invoke(app, ["report", "overview", "-f", "docx", "--path", str(root)])
    assert result.exit_code == 2 and result.stdout_bytes == b""
    assert message in result.stderr and "Traceback" not in result.output
    assert "overview.docx" in result.stderr


def test_a_zip_that_is_not_a_document(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    mine = root / "templates" / "reports"
    mine.mkdir(parents=True)
    with zipfile.ZipFile(mine / "overview.docx", "w") as archive:
        archive.writestr("hello.txt", "hei")
    result = CliRunner().invoke(app, ["report", "overview", "-f", "docx", "--path", str(root)])
    assert result.exit_code == 2
    assert "er ikke et Word-dokument" in result.stderr and "Traceback" not in result.output


def test_a_word_document_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ehportfolio", "report", "overview", "-f", "docx", "--path", str(root)],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
        os.set_blocking(leader, False)
        try:
            written = os.read(leader, 1 << 16)
        except BlockingIOError:
            written = b""
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 2
    assert "--out" in done.stderr
    assert b"PK" not in written


def test_the_shipped_word_templates_are_what_wordtemplates_builds() -> None:
    for kind in wordtemplates.LAYOUTS:
        shipped_bytes = (template_dir() / "reports" / f"{kind}.docx").read_bytes()
        assert shipped_bytes == wordtemplates.build(kind), f"run make word-templates ({kind})"


def test_a_word_template_that_unpacks_to_too_much_is_refused(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    mine = root / "templates" / "reports"
    mine.mkdir(parents=True)
    with zipfile.ZipFile(mine / "overview.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (21 * 1024 * 1024))
    assert (mine / "overview.docx").stat().st_size < 100_000
    result = CliRunner().invoke(app, ["report", "overview", "-f", "docx", "--path", str(root)])
    assert result.exit_code == 2 and result.stdout_bytes == b""
    assert "> 20 MiB unpacked" in result.stderr and "Traceback" not in result.output


def test_templates_copies_the_word_templates_for_the_portfolio_to_restyle(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    command = ["report", "templates", "--path", str(root)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.stderr
    copied = root / "templates" / "reports"
    assert sorted(p.name for p in copied.iterdir()) == sorted(f"{k}.docx" for k in wordtemplates.LAYOUTS)
    assert (copied / "meeting.docx").read_bytes() == (template_dir() / "reports" / "meeting.docx").read_bytes()
    # The portfolio's copy is what its reports render from; a second copy keeps it.
    own = docx.Document(str(copied / "overview.docx"))
    own.paragraphs[0].insert_paragraph_before("Direktoratets mal")
    own.save(str(copied / "overview.docx"))
    edited = (copied / "overview.docx").read_bytes()
    assert word("overview", "--path", str(root)).paragraphs[0].text == "Direktoratets mal"
    again = CliRunner().invoke(app, command)
    assert again.exit_code == 1
    assert f"{copied / 'overview.docx'}: finnes fra før og blir ikke overskrevet" in again.stderr
    assert (copied / "overview.docx").read_bytes() == edited
    markdown = CliRunner().invoke(app, [*command, "--format", "markdown"])
    assert markdown.exit_code == 0 and (copied / "meeting.md.j2").is_file()


def test_templates_outside_a_portfolio_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "templates", "--path", str(tmp_path)])
    assert result.exit_code == 2 and not (tmp_path / "templates").exists()
    assert "Traceback" not in result.output
