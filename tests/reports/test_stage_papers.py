"""ehp report definition --stage: each stage of NUIT's annual cycle as a paper of its own, with the header of the
calendar's meeting that handles it and a proposed decision of its own, in Markdown, HTML and Word (snapshots, Word as
the text of its paragraphs and tables); a stage no meeting handles; the whole definition dated on the meeting that
decides it.

Snapshots live in tests/snapshots/; run with EHP_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, INSPIRERE, KOORDINERE, OBSERVERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree
from test_consequence_report import word_text
from test_contexts import snapshot
from typer.testing import CliRunner

from ehportfolio.cli.app import app

STAGES = ("strategi", "prioritering", "balansering", "planlegging")
HEADINGS = {
    "strategi": "Strategi og satsing",
    "prioritering": "Prioritering",
    "balansering": "Balansering",
    "planlegging": "Planlegging for neste år",
}
MEETINGS = [  # committee, number, date, what the meeting says of the cycle
    ("NUIT", 1, "2021-02-11", "    stage: strategi\n    case: 4/21\n    case_type: Drøfting\n"),
    ("NUFA", 1, "2021-03-17", ""),
    ("NUIT", 2, "2021-05-06", "    stage: prioritering\n    case: 17/21\n"),
    ("NUIT", 3, "2021-09-16", "    stage: Balansering\n    case_type: godkjenning\n"),
    ("NUIT", 4, "2021-11-25", "    stage: planlegging\n    case: 41/21\n    case_type: Beslutning\n"),
]
CALENDAR = (
    SETTINGS.replace("year: 2026", "year: 2021")
    + "calendar:\n"
    + "".join(f"  - committee: {c}\n    number: {n}\n    date: {d}\n{cycle}" for c, n, d, cycle in MEETINGS)
)
PRIORITY = """\
history:
  - date: 2021-05-06
    kind: priority
    to: 1
    reason: Vedtatt i NUIT
    ref: NUIT sak 17/21
finances:
  - year: 2022
    budget: 12500000
    own: 2500000
    state_funded: 10000000
"""
LEAVES = """\
history:
  - date: 2021-12-10
    kind: decision
    from: observere
    to: out
    reason: Avsluttet etter møtet
"""
"""A decision after the meeting that decides the definition, before the year's end: not in the paper of that meeting."""


@pytest.fixture(scope="module")
def cycle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small portfolio whose 2021 calendar names a NUIT meeting for each stage, some with a case number and type."""
    return portfolio(tmp_path_factory.mktemp("cycle"), CALENDAR)


def portfolio(root: Path, settings: str) -> Path:
    return build_file_tree(
        root,
        {
            "portfolio.yaml": settings,
            "taxonomy.yaml": TAXONOMY,
            "actors.yaml": ACTORS,
            "initiatives/felles.yaml": SAMSTYRE + PRIORITY,
            "initiatives/avhengig.yaml": KOORDINERE,
            "initiatives/innforing.yaml": OBSERVERE + LEAVES,
            "initiatives/utproving.yaml": INSPIRERE,
        },
    )


@pytest.mark.parametrize("stage", STAGES)
def test_snapshots_of_each_stage_in_three_formats(cycle: Path, stage: str) -> None:
    for fmt, suffix in (("markdown", "md"), ("html", "html")):
        code, out, err = invoke(
            "report", "definition", "--year", "2021", "--stage", stage, "-f", fmt, "--path", str(cycle)
        )
        assert code == 0, err
        snapshot(f"definition-2021-{stage}.nb.{suffix}", out)
    args = ["report", "definition", "--year", "2021", "--stage", stage, "-f", "docx", "--path", str(cycle)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    snapshot(f"definition-2021-{stage}.nb.docx.txt", word_text(result.stdout_bytes))


def test_a_stage_paper_in_english(cycle: Path) -> None:
    code, out, err = invoke(
        "report", "definition", "--year", "2021", "--stage", "balansering", "--lang", "en", "--path", str(cycle)
    )
    assert code == 0, err
    snapshot("definition-2021-balansering.en.md", out)


@pytest.mark.parametrize(
    ("stage", "number", "day", "case", "case_type", "proposal"),
    [
        ("strategi", "1", "2021-02-11", "4/21", "Drøfting", "NUIT slutter seg til de strategiske føringene"),
        ("prioritering", "2", "2021-05-06", "17/21", "Beslutning", "NUIT vedtar prioriteringen av tiltakene"),
        ("balansering", "3", "2021-09-16", "x/21", "Godkjenning", "NUIT slutter seg til balanseringen"),
        ("planlegging", "4", "2021-11-25", "41/21", "Beslutning", "NUIT vedtar porteføljen for 2022"),
    ],
)
def test_each_stage_paper_has_its_header_its_part_only_and_its_own_proposal(
    cycle: Path, stage: str, number: str, day: str, case: str, case_type: str, proposal: str
) -> None:
    code, out, err = invoke("report", "definition", "--year", "2021", "--stage", stage, "--path", str(cycle))
    assert code == 0, err
    for label, value in (("Møte", number), ("Dato", day), ("Saksnummer", case), ("Sakstype", case_type)):
        assert f"| {label} | {value} |" in out
    assert "| Utvalg | NUIT (Prioriteringsutvalget) |" in out
    assert f"slik den står per {day}:" in out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == [f"## {HEADINGS[stage]}", "## Forslag til vedtak"]  # one part, unnumbered
    assert out.split("## Forslag til vedtak", 1)[1].strip().startswith(proposal)


def test_the_proposals_name_the_order_the_money_and_the_reporting(cycle: Path) -> None:
    def proposed(stage: str) -> str:
        _, out, _ = invoke("report", "definition", "--year", "2021", "--stage", stage, "--path", str(cycle))
        return out.split("## Forslag til vedtak", 1)[1]

    assert "rekkefølgen, 1 tiltak i alt:\n\n- 1\\. Felles – Helsedirektoratet\n" in proposed("prioritering")
    money = proposed("balansering")
    assert "- Samstyre: 1 tiltak, budsjett 12 500 000 kr i 2022\n" in money  # the md filter makes no-break spaces plain
    assert "- Koordinere: 1 tiltak\n" in money
    plan = proposed("planlegging")
    assert "NUIT vedtar porteføljen for 2022: 4 tiltak videreføres" in plan
    assert "- Samstyre: 1 tiltak, rapporterer 4 ganger i året om status og risiko\n" in plan
    assert "- Inspirere: 1 tiltak, rapporterer 1 gang i året om" in plan


def test_word_and_html_have_the_header_and_the_proposal(cycle: Path) -> None:
    args = ["report", "definition", "--year", "2021", "--stage", "prioritering", "--path", str(cycle)]
    result = CliRunner().invoke(app, [*args, "-f", "docx"])
    text = word_text(result.stdout_bytes)
    assert "Saksnummer | 17/21" in text and "Sakstype | Beslutning" in text
    assert "[Heading 1] Forslag til vedtak" in text and "1. Felles – Helsedirektoratet" in text
    _, page, _ = invoke(*args, "-f", "html")
    assert "<tr><th>Saksnummer</th><td>17/21</td></tr>" in page
    assert "<li>1. Felles – Helsedirektoratet</li>" in page


def test_a_stage_no_meeting_handles_is_a_paper_that_says_so(tmp_path: Path) -> None:
    root = portfolio(tmp_path, CALENDAR.replace("    stage: Balansering\n    case_type: godkjenning\n", ""))
    code, out, err = invoke("report", "definition", "--year", "2021", "--stage", "balansering", "--path", str(root))
    assert code == 0, err
    assert "| Saksnummer |" not in out and "| Møte |" not in out  # no header, and no date made up
    assert "Kalenderen i portfolio.yaml har ikke noe NUIT-møte i 2021 som behandler «Balansering»" in out
    assert "Porteføljen er tatt per 31. desember 2021, årets siste dag." in out
    assert "## Forslag til vedtak" in out


def test_an_unknown_stage_is_a_usage_error(cycle: Path) -> None:
    code, out, err = invoke("report", "definition", "--year", "2021", "--stage", "budsjett", "--path", str(cycle))
    assert code == 2 and not out
    assert "Ugyldig verdi for --stage" in err


def test_a_stage_paper_is_written_under_its_own_name(cycle: Path, tmp_path: Path) -> None:
    args = ("report", "definition", "--year", "2021", "--stage", "strategi", "-o", str(tmp_path), "--path", str(cycle))
    code, _, err = invoke(*args)
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["definition-2021-strategi.md"]


def test_the_whole_definition_is_dated_on_the_meeting_that_handles_planning(cycle: Path) -> None:
    code, out, err = invoke("report", "definition", "--year", "2021", "--path", str(cycle))
    assert code == 0, err
    assert "| Møte | 4 |" in out and "| Saksnummer | 41/21 |" in out
    assert "Porteføljen er tatt slik den står per 2021-11-25: 4 aktive tiltak med segment." in out
    assert (
        "Saken er datert på møtet som behandler den etter kalenderen i portfolio.yaml: NUIT 4/2021, 2021-11-25." in out
    )
    assert "### Avsluttes (0)" in out  # innforing leaves on 10 December, after the meeting
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert [h.split(" ", 2)[1] for h in headings] == ["1.", "2.", "3.", "4.", "5."]  # all four stages, numbered


def test_without_a_planning_meeting_the_definition_says_it_is_dated_31_december(tmp_path: Path) -> None:
    root = portfolio(
        tmp_path, CALENDAR.replace("    stage: planlegging\n    case: 41/21\n    case_type: Beslutning\n", "")
    )
    code, out, err = invoke("report", "definition", "--year", "2021", "--path", str(root))
    assert code == 0, err
    assert "| Møte |" not in out
    assert "Porteføljen er tatt slik den står per 2021-12-31: 3 aktive tiltak med segment." in out
    assert "har ikke noe NUIT-møte i 2021 som behandler «Planlegging for neste år»" in out
    assert "### Avsluttes (1)" in out
