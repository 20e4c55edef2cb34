"""The proposed decisions of a meeting paper (issue 12, item 5): on a copy of the shipped portfolio, a pending
proposal, a segment that differs from its checklist result and a planned step each get a numbered draft decision with
the command that records it, in Markdown, HTML and Word; the command shown records it; a paper with nothing to decide
says so."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import docx
import pytest
from conftest import invoke

ROOT = Path(__file__).parents[2]
MEETING = ["meeting", "--committee", "NUIT", "--date", "2021-05-06"]
NOTHING = "Ingen tiltak venter på vedtak"
NEW = [
    *("--name", "Felles henvisning", "--owner", "Helse Midt-Norge RHF", "--focus-area", "1.1"),
    *("--answer", "digitalisation_essential=ja", "--answer", "multiple_care_providers=ja"),
    *("--answer", "health_information_access=ja", "--answer", "broad_collaboration=nei"),
    *("--answer", "strong_samstyre_dependencies=ja", "--dependency", "legemiddelprogrammet"),
]


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """A copy of the shipped portfolio."""
    root = tmp_path / "portfolio"
    shutil.copytree(ROOT / "portfolio", root)
    return root


def paper(root: Path, *args: str) -> str:
    code, out, err = invoke("report", *MEETING, *args, "--path", str(root))
    assert code == 0, err
    return out


def decisions(markdown: str) -> str:
    """The part of a Markdown meeting paper that lists the proposed decisions."""
    return markdown.split("### Vedtak om enkelttiltak")[1].split("\n---\n")[0]


def word_text(root: Path, out: Path) -> str:
    code, _, err = invoke("report", *MEETING, "-f", "docx", "--out", str(out), "--path", str(root))
    assert code == 0, err
    document = docx.Document(str(out / "meeting-2021-nuit-2.docx"))
    return "\n".join(p.text for p in document.paragraphs)


def test_a_pending_proposal_is_among_the_proposed_decisions_in_every_format(portfolio: Path, tmp_path: Path) -> None:
    code, _, err = invoke("new", "--no-input", *NEW, "--path", str(portfolio))
    assert code == 0, err
    draft = "NUIT tar Felles henvisning inn i porteføljen i segment Koordinere."
    listed = decisions(paper(portfolio))
    assert f"1. {draft}" in listed
    assert "Grunnlag: Forslaget venter på vedtak; sjekklisten gir segment Koordinere." in listed
    command = (
        "`ehp decide felles-henvisning --segment koordinere --reason 'Sjekklisten gir segment Koordinere.' "
        "--ref 'NUIT sak x/21' --date 2021-05-06`"
    )
    assert command in listed
    assert "Bytt først ut x i saksnummeret" in listed and NOTHING not in listed
    _, page, _ = invoke("report", *MEETING, "-f", "html", "--path", str(portfolio))
    assert f'<li value="1"><p><strong>{draft}</strong></p>' in page
    assert "<code>ehp decide felles-henvisning --segment koordinere" in page
    text = word_text(portfolio, tmp_path / "word")
    assert f"1. {draft}" in text and "Føres inn med: ehp decide felles-henvisning --segment koordinere" in text
    given = decisions(paper(portfolio, "--case", "7/21"))
    assert "--ref 'NUIT sak 7/21'" in given and "Bytt først ut x" not in given


def test_the_command_a_paper_shows_records_the_decision(portfolio: Path) -> None:
    invoke("new", "--no-input", *NEW, "--path", str(portfolio))
    listed = decisions(paper(portfolio, "--case", "7/21"))
    shown = re.search(r"`(ehp decide [^`]+)`", listed)
    assert shown is not None
    code, _, err = invoke(*shlex.split(shown.group(1))[1:], "--path", str(portfolio))
    assert code == 0, err
    after = paper(portfolio, "--case", "7/21")
    assert NOTHING in decisions(after)
    assert "| 2021-05-06 | Felles henvisning (`felles-henvisning`) | vedtak |  | Koordinere |" in after
    assert "| Sjekklisten gir segment Koordinere. | NUIT sak 7/21 |" in after


def test_a_segment_that_differs_from_the_checklist_without_a_reason_gets_a_move(portfolio: Path) -> None:
    path = portfolio / "initiatives" / "helseplattformen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("segment: koordinere", "segment: observere"), "utf-8")
    listed = decisions(paper(portfolio))
    assert "1. NUIT flytter Helseplattformen fra segment Observere til segment Koordinere." in listed
    assert "Tiltaket er i segment Observere, men sjekklisten gir nå segment Koordinere" in listed
    assert "`ehp move helseplattformen --to koordinere --reason 'Sjekklisten gir segment Koordinere.'" in listed
    _, english, _ = invoke("report", *MEETING, "--lang", "en", "--path", str(portfolio))
    assert "1. NUIT moves Helseplattformen from segment Observere to segment Koordinere." in english
    # a reason for the difference says it was decided: nothing left to decide
    text = path.read_text(encoding="utf-8").replace("segment: observere", "segment: observere\nsegment_reason: Vedtatt")
    path.write_text(text, encoding="utf-8")
    assert NOTHING in decisions(paper(portfolio))


def test_a_member_the_checklist_now_leaves_out_gets_an_exit(portfolio: Path) -> None:
    path = portfolio / "initiatives" / "helseplattformen.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("multiple_care_providers: ja", "multiple_care_providers: nei"), "utf-8")
    listed = decisions(paper(portfolio))
    assert "1. NUIT tar Helseplattformen ut av porteføljen." in listed
    assert "`ehp decide helseplattformen --out --reason" in listed


def test_a_planned_step_without_a_reference_is_proposed_and_with_one_it_is_not(portfolio: Path) -> None:
    step = ["decide", "akson-forberedelse", "--status", "finished", "--reason", "Utredningen er levert"]
    code, _, err = invoke(*step, "--date", "2021-06-30", "--path", str(portfolio))
    assert code == 0, err
    listed = paper(portfolio, "--lang", "nn").split("### Vedtak om einskilde tiltak")[1]
    assert "1. NUIT tek til etterretning at Akson - forberedelse blir avslutta" in listed
    assert "Vedtaket gjeld frå 2021-06-30." in listed
    assert "utan saksnummer: Utredningen er levert" in listed
    assert "skriv «NUIT sak x/21» inn som ref" in listed
    path = portfolio / "initiatives" / "akson-forberedelse.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("reason: Utredningen er levert", "reason: Levert\n    ref: NUIT sak 7/21"), "utf-8")
    assert NOTHING in decisions(paper(portfolio))


def test_a_paper_with_nothing_to_decide_says_so_in_every_format(portfolio: Path, tmp_path: Path) -> None:
    assert NOTHING in decisions(paper(portfolio))
    _, page, _ = invoke("report", *MEETING, "-f", "html", "--path", str(portfolio))
    assert NOTHING in page and "<ol>" not in page.split("Vedtak om enkelttiltak")[1]
    assert NOTHING in word_text(portfolio, tmp_path / "word")


def test_a_proposal_the_checklist_cannot_decide_waits_for_its_answers(portfolio: Path) -> None:
    text = (portfolio / "initiatives" / "helseplattformen.yaml").read_text(encoding="utf-8")
    unanswered = text.replace("segment: koordinere\n", "").replace("  strong_samstyre_dependencies: ja\n", "")
    (portfolio / "initiatives" / "ny-plattform.yaml").write_text(unanswered.replace("Helseplattformen", "Ny"), "utf-8")
    listed = decisions(paper(portfolio))
    assert "1. NUIT utsetter saken om Ny til sjekklisten er ferdig besvart." in listed
    assert "før disse spørsmålene er besvart: strong\\_samstyre\\_dependencies" in listed
    assert "Ingen kommando ennå" in listed and "ehp assess ny-plattform viser dem" in listed
    assert "`ehp" not in listed
