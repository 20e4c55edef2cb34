"""`--lang nn`: every command and every report kind speaks nynorsk, and the files ehp writes for people carry
nynorsk comments. Each output is checked for nynorsk words it must hold and bokmål words it must not."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import invoke
from test_helptexts import help_page

SHIPPED = Path(__file__).parents[2] / "portfolio"
BOKMAL = re.compile(r"\b(ikke|hva|hvordan|hvilke|fra|skrevet|avsluttet|trukket|tiltakene|eier)\b", re.IGNORECASE)
"""Bokmål forms whose nynorsk differs (ikkje, kva, korleis, kva for, frå, skrive, avslutta, trekt, tiltaka, eigar)."""


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """The shipped portfolio in a git repository of its own, for `diff` and `history`; without its example rounds,
    whose reports are bokmål (the owners' own words, which ehp passes on as written)."""
    root = tmp_path / "portfolio"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("status"))
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *command], cwd=root, check=True)
    return root


COMMANDS = {
    "assess": (["assess", "initiatives/fresk.yaml"], "Eigar"),
    "segment": (["segment"], "klassifiserte"),
    "check": (["check"], "sjekka"),
    "diff": (["diff", "HEAD"], "Endringar"),
    "calendar": (["calendar"], "Møtekalender"),
    "explain": (["explain", "glossary"], "ikkje"),
    "overview": (["report", "overview"], "Tal"),
    "initiative": (["report", "initiative", "fresk"], "ikkje"),
    "meeting": (["report", "meeting", "--committee", "NUIT", "--date", "2021-05-06"], "har ikkje starta"),
    "definition": (["report", "definition", "--year", "2021"], "Tal"),
    "decide": (["decide", "fresk", "--out", "--reason", "x", "--date", "2021-01-01"], "utanfor"),
    "history": (["history", "helseplattformen"], "oppretta"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_speaks_nynorsk(portfolio: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    args, word = COMMANDS[name]
    monkeypatch.chdir(portfolio)
    code, out, err = invoke(*args, "--lang", "nn")
    assert code in (0, 1), err
    said = out + err
    assert word.casefold() in said.casefold(), said[:2000]
    assert not BOKMAL.findall(said), BOKMAL.findall(said)[:10]


def test_help_pages_are_in_nynorsk() -> None:
    page = help_page("check", "--help", "--lang", "nn")  # in a process of its own: typer reads help as it starts
    assert "Kontroller kvar fil" in page and "Val" in page and "[standard: text]" in page
    assert "Kommandoar" in help_page(EHP_LANG="nn")


def test_environment_chooses_nynorsk(portfolio: Path) -> None:
    code, out, _ = invoke("check", str(portfolio), env={"EHP_LANG": "nn"})
    assert code == 0 and out == "Ingen funn; 55 tiltak sjekka.\n"


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_reports_in_html_and_word_are_in_nynorsk(portfolio: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    args = ["report", "meeting", "--committee", "NUIT", "--date", "2021-05-06", "-f", fmt, "-o", str(out)]
    code, _, err = invoke(*args, "--path", str(portfolio), "--lang", "nn")
    assert code == 0, err
    (written,) = out.iterdir()
    if fmt == "docx":
        document = docx.Document(str(written))
        said = "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for c in t._cells])
    else:
        said = written.read_text(encoding="utf-8")
        assert '<html lang="nn"' in said
    assert "har ikkje starta" in said and not BOKMAL.findall(said)  # the copy has no rounds


def test_the_xlsx_headers_are_in_nynorsk(portfolio: Path, tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    assert invoke("export", "-f", "xlsx", "-o", str(target), "--path", str(portfolio), "--lang", "nn")[0] == 0
    headers = [cell.value for cell in openpyxl.load_workbook(target).active[1]]
    assert "Namn" in headers and "Med i porteføljen" in headers, headers
    again = tmp_path / "igjen"
    again.mkdir()
    for name in ("portfolio.yaml", "actors.yaml", "taxonomy.yaml", "solutions.yaml", "user_groups.yaml"):
        shutil.copy(portfolio / name, again / name)
    (again / "initiatives").mkdir()
    code, _, err = invoke("import", str(target), "--path", str(again), "--lang", "nn")  # the nynorsk titles read back
    assert code == 0, err
    assert len(list((again / "initiatives").iterdir())) == 55


def test_files_written_with_nynorsk_carry_nynorsk_comments(portfolio: Path, tmp_path: Path) -> None:
    code, _, err = invoke(
        "status", "new", "helseplattformen", "--round", "2021-nuit-2", "--path", str(portfolio), "--lang", "nn"
    )
    assert code == 0, err
    report = (portfolio / "status" / "2021-nuit-2" / "helseplattformen.yaml").read_text(encoding="utf-8")
    assert "Statusrapport frå Helseplattformen" in report and "Svar under kvart spørsmål" in report
    assert not BOKMAL.findall(report)
    answers = ["--answer", "digitalisation_essential=ja", "--answer", "multiple_care_providers=nei"]
    args = ["new", "--name", "Nytt tiltak", "--owner", "KS", "--focus-area", "2.1", *answers]
    code, _, err = invoke(*args, "--path", str(portfolio), "--lang", "nn")
    assert code == 0, err
    written = (portfolio / "initiatives" / "nytt-tiltak.yaml").read_text(encoding="utf-8")
    assert "# Er digitalisering vesentleg for å lukkast med tiltaket?" in written
    table = tmp_path / "t.csv"
    table.write_text("navn,aktør,kommentar\nEit tiltak,KS,Frå tabellen\n", encoding="utf-8")
    code, _, err = invoke("import", str(table), "--path", str(portfolio), "--lang", "nn")
    assert code == 0, err
    imported = (portfolio / "initiatives" / "eit-tiltak.yaml").read_text(encoding="utf-8")
    assert "Sjekklista (vedlegg 5.1) er ikkje svart på" in imported and "Importert frå t.csv (rad 2)" in imported
