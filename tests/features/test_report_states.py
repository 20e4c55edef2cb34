"""The four states of a status report (features.calendar.reporting): not started, not reported, incomplete and
reported, never mixed up. An empty form from `ehp status new`, or a file that lacks what its segment reports on, is
incomplete in every paper that shows reports: the calendar (text, JSON, one round), the meeting paper (Markdown, HTML,
Word) and the fact sheet. A round nobody has reported to has not started; it lists no one as not reported.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from conftest import invoke
from docx.table import Table
from helpers import (
    INSPIRERE,
    KOORDINERE,
    OBSERVERE,
    SAMSTYRE,
    SAMSTYRE_STATUS,
    SHIPPED_PORTFOLIO,
    calendar_portfolio,
)

from ehportfolio.domain.models import StatusReport
from ehportfolio.features.calendar import REPORT_STATES, reporting
from ehportfolio.output import calendar as calendar_words
from ehportfolio.reports import contexts as context_words
from ehportfolio.store.packaged import load_cadence

ROUND = "2021-nuit-2"
MEETING = ["report", "meeting", "--committee", "NUIT", "--date", "2021-05-06"]
NO_DEPENDENCIES = "date: 2021-04-30\nactions:\n  - Felles styringsgruppe\n"
"""A Koordinere report that leaves out its dependencies: it must not read as "no dependencies"."""


def _report(text: str) -> StatusReport:
    return StatusReport.model_validate(yaml.safe_load(text))


@pytest.mark.parametrize(
    ("report", "segment", "started", "unreadable", "state", "missing"),
    [
        (None, "samstyre", False, False, "not_started", ()),
        (None, "samstyre", True, False, "not_reported", ()),
        (None, "samstyre", True, True, "incomplete", ()),
        ("date: 2021-04-01\n", "samstyre", True, False, "incomplete", ("colour", "progress", "risks")),
        (SAMSTYRE_STATUS, "samstyre", True, False, "reported", ()),
        (NO_DEPENDENCIES, "koordinere", True, False, "incomplete", ("dependencies",)),
        ("date: 2021-04-01\ndependencies: []\nactions: []\n", "koordinere", True, False, "reported", ()),
        ("date: 2021-04-01\nprogress: P\nexperience: E\nobstacles: O\n", "observere", True, False, "incomplete",
         ("risks",)),
        ("date: 2021-04-01\npurpose: P\nprogress: Q\n", "inspirere", True, False, "incomplete", ("ideas",)),
        ("date: 2021-04-01\n", None, True, False, "reported", ()),  # not a member then: nothing is required of it
    ],
)  # fmt: skip
def test_reporting_has_four_states(
    report: str | None, segment: str | None, started: bool, unreadable: bool, state: str, missing: tuple[str, ...]
) -> None:
    found = reporting(
        _report(report) if report else None, segment, load_cadence(), started=started, unreadable=unreadable
    )
    assert found.state in REPORT_STATES
    assert (found.state, found.missing, found.unreadable) == (state, missing, unreadable)


def test_every_state_has_its_words() -> None:
    assert set(calendar_words.STATE_WORDS) == set(REPORT_STATES)
    assert set(REPORT_STATES) <= set(context_words.STATE_WORDS)


def test_a_complete_samstyre_report_shows_by_its_colour_and_an_incomplete_one_never_does() -> None:
    cadence = load_cadence()
    assert reporting(_report(SAMSTYRE_STATUS), "samstyre", cadence, started=True).shown == "rød"
    coloured_only = _report("date: 2021-04-01\ncolour: rød\n")
    assert reporting(coloured_only, "samstyre", cadence, started=True).shown == "incomplete"


@pytest.fixture()
def round_with_gaps(tmp_path: Path) -> Path:
    """The small 2021 portfolio where, at NUIT 2/2021, Samstyre reported in full, Koordinere left out its
    dependencies, and Observere handed in the form `ehp status new` wrote, unfilled; the calendar names the three
    segments for that meeting."""
    root = calendar_portfolio(
        tmp_path / "p",
        {f"{ROUND}/felles": SAMSTYRE_STATUS.replace("2021-02-01", "2021-04-20"), f"{ROUND}/avhengig": NO_DEPENDENCIES},
        felles=SAMSTYRE,
        avhengig=KOORDINERE,
        innforing=OBSERVERE,
        proving=INSPIRERE,
    )
    # NUIT 2/2021 takes Observere's reports too (the cadence sends them to NUFA), so that one round holds three segments
    settings = root / "portfolio.yaml"
    named = "number: 2\n    date: 2021-05-06\n    segments: [samstyre, koordinere, observere]\n"
    settings.write_text(settings.read_text(encoding="utf-8").replace("number: 2\n    date: 2021-05-06\n", named))
    code, out, err = invoke("status", "new", "innforing", "--round", ROUND, "--date", "2021-04-22", "--path", str(root))
    assert code == 0, err
    assert Path(out.strip()).is_file()
    return root


def test_the_calendar_counts_incomplete_reports_apart(round_with_gaps: Path) -> None:
    code, out, _ = invoke("calendar", "--path", str(round_with_gaps))
    line = next(line for line in out.splitlines() if ROUND in line)
    assert line.endswith("1 av 3 (2 ufullstendige)")
    assert next(line for line in out.splitlines() if "2021-nuit-1" in line).endswith("ikke startet (0 av 1)")
    code, out, _ = invoke("calendar", "--path", str(round_with_gaps), "--format", "json")
    meeting = next(m for m in json.loads(out)["meetings"] if m["round"] == ROUND)
    assert (meeting["reported"], meeting["incomplete"], meeting["not_reported"]) == (
        ["felles"],
        ["avhengig", "innforing"],
        [],
    )
    assert meeting["started"] is True


def test_one_round_names_what_each_incomplete_report_lacks(round_with_gaps: Path) -> None:
    _, out, _ = invoke("calendar", "--round", ROUND, "--path", str(round_with_gaps))
    assert "1 av 3 tiltak som skal rapportere, har rapportert. 2 rapporter er ufullstendige." in out
    assert "ufullstendig" in next(r for r in out.splitlines() if "(avhengig)" in r)
    assert "(avhengig): mangler avhengigheter" in out
    assert "(innforing): mangler fremdrift, risikoer, erfaringer, hindringer" in out
    assert next(r for r in out.splitlines() if "(felles)" in r).strip().startswith("rapportert")
    _, out, _ = invoke("calendar", "--round", ROUND, "--path", str(round_with_gaps), "--format", "json")
    states = {i["id"]: (i["state"], i["reported"]) for i in json.loads(out)["initiatives"]}
    assert states == {
        "felles": ("reported", True),
        "avhengig": ("incomplete", False),
        "innforing": ("incomplete", False),
    }


def _word(content: bytes) -> str:
    lines = []
    for block in docx.Document(io.BytesIO(content)).iter_inner_content():
        if isinstance(block, Table):
            lines.extend(" | ".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def test_the_meeting_paper_shows_incomplete_reports_as_such_in_three_formats(
    round_with_gaps: Path, tmp_path: Path
) -> None:
    _, out, err = invoke(*MEETING, "--path", str(round_with_gaps))
    assert err == ""
    assert "### Samstyre: status og risiko (1/1)" in out
    assert "### Koordinere: avhengigheter og tiltakene som reduserer risikoen ved dem (0/1)" in out
    assert "*Ufullstendig: mangler avhengigheter.*" in out
    assert "Avhengigheter: Ingen" not in out  # a field left out is not "none"
    assert "Avhengigheter: **ikke besvart**" in out
    assert "**Ufullstendige rapporter:** Avhengig" in out and "**Ufullstendige rapporter:** Innføring" in out
    # none missing, all three handed in a file, two of them incomplete: not "all have reported"
    assert "Alle tiltak som skulle rapportere, har sendt inn en statusrapport, men ikke alle er fullstendige" in out
    _, page, _ = invoke(*MEETING, "--path", str(round_with_gaps), "-f", "html")
    assert '<em class="incomplete">Ufullstendig: mangler avhengigheter.</em>' in page
    assert "Avhengigheter: Ingen" not in page
    assert 'Avhengigheter: <em class="incomplete">ikke besvart</em>' in page
    code, _, err = invoke(*MEETING, "--path", str(round_with_gaps), "-f", "docx", "--out", str(tmp_path / "w"))
    assert code == 0, err
    (paper,) = (tmp_path / "w").glob("*.docx")
    words = _word(paper.read_bytes())
    assert "Ufullstendig: mangler avhengigheter." in words and "Avhengigheter: Ingen" not in words
    assert "Avhengigheter: ikke besvart" in words
    assert "Ufullstendige rapporter: Innføring" in words


def test_the_fact_sheet_shows_an_empty_form_as_incomplete(round_with_gaps: Path) -> None:
    _, out, _ = invoke("report", "initiative", "innforing", "--path", str(round_with_gaps), "--date", "2021-06-01")
    row = next(line for line in out.splitlines() if line.startswith("| NUIT 2/2021"))
    assert "| **Ufullstendig: mangler fremdrift" in row and "rapportert" not in row
    _, out, _ = invoke("report", "initiative", "felles", "--path", str(round_with_gaps), "--date", "2021-06-01")
    rows = [line.split(" | ")[1] for line in out.splitlines() if line.startswith("| NUIT")]
    assert rows == ["runden ikke startet", "rød"]  # nobody reported to NUIT 1/2021


def test_a_round_not_started_lists_no_one_as_not_reported(round_with_gaps: Path) -> None:
    _, out, _ = invoke(
        "report", "meeting", "--committee", "NUIT", "--date", "2021-02-11", "--path", str(round_with_gaps)
    )
    assert "Rapporteringsrunden til dette møtet har ikke startet" in out
    assert "**ikke rapportert**" not in out


def test_the_meeting_paper_says_not_answered_for_each_field_an_empty_form_left(tmp_path: Path) -> None:
    """The empty files of `ehp status new` (an empty record for a list) for a Samstyre and a Koordinere initiative:
    every field the paper shows says *ikke besvart*, never an empty cell or an empty risk."""
    root = tmp_path / "p"
    shutil.copytree(SHIPPED_PORTFOLIO, root, ignore=shutil.ignore_patterns("status"))
    for ident in ("akson-forberedelse", "heliks"):
        code, _, err = invoke("status", "new", ident, "--round", "2021-nuit-4", "--path", str(root))
        assert code == 0, err
    meeting = ("report", "meeting", "--committee", "NUIT", "--date", "2021-11-25", "--path", str(root))
    _, out, _ = invoke(*meeting)
    (akson,) = [line for line in out.splitlines() if line.startswith("| Akson - forberedelse")]
    assert akson.endswith("| ufullstendig | **ikke besvart** | **ikke besvart** |")
    assert "konsekvens: ;" not in out
    heliks = out.split("#### HELIKS", 1)[1].split("##", 1)[0]
    assert "**Risikoreduserende tiltak:** **ikke besvart**" in heliks
    _, page, _ = invoke(*meeting, "-f", "html")
    assert page.count('<em class="incomplete">ikke besvart</em>') >= 3


def test_a_risk_with_a_part_left_blank_says_which_part_is_not_answered(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(SHIPPED_PORTFOLIO, root, ignore=shutil.ignore_patterns("status"))
    folder = root / "status" / "2021-nuit-4"
    folder.mkdir(parents=True)
    (folder / "akson-forberedelse.yaml").write_text(
        "date: 2021-11-10\ncolour: gul\nprogress: I rute\n"
        "risks:\n  - risk: Mangel på folk\n    consequence: Forsinkelse\n",
        encoding="utf-8",
    )
    _, calendar, _ = invoke("calendar", "--round", "2021-nuit-4", "--path", str(root))
    assert "(akson-forberedelse): mangler risikoer (rad 1: tiltak)" in calendar
    meeting = ("report", "meeting", "--committee", "NUIT", "--date", "2021-11-25", "--path", str(root))
    _, out, _ = invoke(*meeting)
    assert "Mangel på folk (konsekvens: Forsinkelse; tiltak: **ikke besvart**)" in out
    _, page, _ = invoke(*meeting, "-f", "html")
    assert 'tiltak: <em class="incomplete">ikke besvart</em>)' in page
