"""ehp report knowledge and a site's knowledge bank (kunnskapsbank): every experience, obstacle and idea reported
across the rounds, and Observere's risks, by main goal and segment, newest first; in HTML with a search that the Nu
HTML Checker and axe accept (the search itself is tried in tests/reports/test_browser.py).

The rounds are those of tests/fixtures/status with tests/fixtures/knowledge over them (see its README)."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import invoke
from test_html_clients import axe_violations, nu_errors

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures"


def portfolio_with(root: Path, *rounds: Path) -> Path:
    """The shipped portfolio at `root` with only the status rounds of the given fixture folders."""
    shutil.copytree(ROOT / "portfolio", root)
    shutil.rmtree(root / "status", ignore_errors=True)  # no rounds but the test's own
    for folder in rounds:
        shutil.copytree(folder, root / "status", ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return portfolio_with(tmp_path_factory.mktemp("bank") / "portfolio", FIXTURES / "status", FIXTURES / "knowledge")


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return portfolio_with(tmp_path_factory.mktemp("empty") / "portfolio")


def report(root: Path, *args: str) -> str:
    code, out, err = invoke("report", "knowledge", *args, "--path", str(root))
    assert code == 0, err
    return out


def test_every_entry_by_main_goal_and_segment_newest_first(bank: Path) -> None:
    page = report(bank)
    assert "14 oppføringer fra 6 tiltak i 3 runder." in page
    headings = re.findall(r"^#{2,3} (.*)$", page, re.M)
    assert headings == [
        "1.1 Modernisere journal- og samhandlingsløsning",
        "Observere",
        "2.1 Sikre planlegging og kontinuitet i ansvars-ove",
        "Inspirere",
        "2.2 Dele oppdaterte legemiddelopplysninger",
        "Samstyre",
        "4.1 Mobilisere innbyggeren som ressurs",
        "Observere",
        "4.3 Helsehjelp og omsorg på avstand",
        "Inspirere",
    ]
    entries = re.findall(r"^- \*\*(.*?):\*\* (.*) – (.*), ((?:NUIT|NUFA) \d/2021), (\d{4}-\d\d-\d\d)$", page, re.M)
    assert len(entries) == 14
    first = entries[:6]  # 1.1, Observere: the newest report first, each in the order experience, obstacles, risks
    assert [(kind, name, meeting) for kind, _, name, meeting, _ in first] == [
        ("Erfaringer", "Regional ambulansjournal", "NUFA 2/2021"),  # Observere reports to NUFA
        ("Hindringer", "Regional ambulansjournal", "NUFA 2/2021"),
        ("Risiko", "Regional ambulansjournal", "NUFA 2/2021"),
        ("Erfaringer", "HMN Lab", "NUFA 1/2021"),
        ("Hindringer", "HMN Lab", "NUFA 1/2021"),
        ("Risiko", "HMN Lab", "NUFA 1/2021"),
    ]
    assert first[2][1] == (
        "Utskifting av nettbrettene blir dyrere enn budsjettert (konsekvens: Innføringen i de siste helseforetakene "
        "utsettes; tiltak: Felles innkjøp med de andre regionene)"
    )
    assert first[3][4] == "2021-03-05"  # the report's date
    ideas = [text for kind, text, *_ in entries if kind == "Idé"]
    assert ideas == [  # each idea an entry, and the empty one left out
        "Digital oppfølging av kronisk syke fra hele teamet",
        "Chat med helsesykepleier for ungdom i alle kommuner",
        "Felles innholdsbank for ungdomsinformasjon på tvers av etatene",
    ]
    # Samstyre's experience is there; its risks are the meeting paper's, not the bank's
    assert "Felles opplæring av fastleger og hjemmetjeneste" in page
    assert "Leverandørene leverer ikke støtte" not in page
    assert "Finansieringen for 2022 uteblir" not in page


def test_with_a_date_only_the_reports_dated_until_then(bank: Path) -> None:
    page = report(bank, "--date", "2021-06-01")
    assert "**Dato:** 2021-06-01" in page
    assert "3 oppføringer fra 1 tiltak i 1 runde." in page
    assert "NUIT 4/2021" not in page and "NUFA 2/2021" not in page


def test_without_rounds_the_bank_says_there_is_nothing_yet(empty: Path, tmp_path: Path) -> None:
    nothing = "Ingen erfaringer, hindringer eller ideer er rapportert ennå."
    assert nothing in report(empty)
    html = report(empty, "-f", "html")
    assert nothing in html
    assert "<script" not in html and 'role="search"' not in html and "<h2>" not in html
    assert "No experience, obstacles or ideas have been reported yet." in report(empty, "--lang", "en")
    assert "Ingen erfaringar, hindringar eller idear er rapporterte enno." in report(empty, "--lang", "nn")
    code, _, err = invoke("report", "site", "--out", str(tmp_path / "site"), "--path", str(empty))
    assert code == 0, err
    assert nothing in (tmp_path / "site" / "kunnskapsbank.html").read_text(encoding="utf-8")


def test_the_search_and_its_words_in_each_language(bank: Path) -> None:
    nb = report(bank, "-f", "html")
    assert '<label for="knowledge-query">Søk i kunnskapsbanken</label>' in nb
    assert '<div role="search" id="knowledge-search" hidden>' in nb  # shown by the script: no dead field without it
    assert 'role="status" data-matches="Viser {shown} av 14 oppføringer." data-none="Ingen oppføringer passer til' in nb
    assert ">14 oppføringer.</p>" in nb
    assert nb.count('<li class="knowledge-entry"') == 14
    assert "<script src" not in nb and "http" not in nb.split("<script>")[1]  # inline, no network
    en = report(bank, "-f", "html", "--lang", "en")
    assert "<title>Knowledge bank: Nasjonal e-helseportefølje 2020</title>" in en
    assert '<label for="knowledge-query">Search the knowledge bank</label>' in en
    assert 'data-matches="Showing {shown} of 14 entries." data-none="No entries match the search."' in en
    assert "<strong>Idea:</strong> Chat med helsesykepleier" in en
    assert "14 entries from 6 initiatives in 3 rounds." in en
    nn = report(bank, "-f", "html", "--lang", "nn")
    assert 'data-matches="Viser {shown} av 14 oppføringar." data-none="Ingen oppføringar passar til søket."' in nn
    assert "<strong>Hindringar:</strong>" in nn and "14 oppføringar frå 6 tiltak i 3 rundar." in nn


def test_user_text_is_text(tmp_path: Path) -> None:
    root = portfolio_with(tmp_path / "portfolio", FIXTURES / "knowledge")
    status = root / "status" / "2021-nufa-2" / "digi-ung.yaml"
    said = status.read_text(encoding="utf-8").replace("  - Chat med", "  - <script>alert(1)</script> **fet** Chat med")
    status.write_text(said, encoding="utf-8")
    html = report(root, "-f", "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **fet** Chat med" in html
    assert "<script>alert" not in html
    assert r"\*\*fet\*\* Chat med" in report(root)


def test_a_site_links_the_bank_both_ways_and_each_entry_to_its_fact_sheet(bank: Path, tmp_path: Path) -> None:
    for fmt, ext in (("html", "html"), ("markdown", "md")):
        out = tmp_path / fmt
        code, _, err = invoke("report", "site", "-f", fmt, "--out", str(out), "--path", str(bank))
        assert code == 0, err
        assert "kunnskapsbanken" in err
        assert f"kunnskapsbank.{ext}" in (out / f"index.{ext}").read_text(encoding="utf-8")
        page = (out / f"kunnskapsbank.{ext}").read_text(encoding="utf-8")
        targets = re.findall(r'href="([^"]+)"' if fmt == "html" else r"\]\(([^)]+)\)", page)
        assert targets[0] == f"index.{ext}"  # back to the overview, first
        assert f"initiatives/alle-moter.{ext}" in targets and f"initiatives/hmn-lab.{ext}" in targets
        assert all((out / target).is_file() for target in targets)


def test_word(bank: Path, tmp_path: Path) -> None:
    from docx import Document

    code, _, err = invoke("report", "knowledge", "-f", "docx", "--out", str(tmp_path), "--path", str(bank))
    assert code == 0, err
    document = Document(io.BytesIO((tmp_path / "knowledge.docx").read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings[:2] == ["1.1 Modernisere journal- og samhandlingsløsning", "Observere"]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Idé: Chat med helsesykepleier for ungdom i alle kommuner" in cells
    assert "NUFA 1/2021, 2021-03-05" in cells


def test_the_bank_passes_the_nu_html_checker_and_axe(bank: Path, empty: Path, tmp_path: Path) -> None:
    files = []
    for name, root, args in (
        ("nb", bank, ()),
        ("nn", bank, ("--lang", "nn")),
        ("en", bank, ("--lang", "en", "--date", "2021-12-31")),
        ("empty", empty, ()),
    ):
        page = tmp_path / f"{name}.html"
        page.write_text(report(root, "-f", "html", *args), encoding="utf-8")
        files.append(str(page))
    errors = nu_errors(files)
    assert errors == [], errors[:20]
    assert axe_violations([files[0], files[3]]) == {}
