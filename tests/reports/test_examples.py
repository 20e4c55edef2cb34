"""The shipped portfolio's example rounds (status/2021-nufa-1, 2021-nuit-2, 2021-nufa-2 and 2021-nuit-4, `example:
true`; Observere and Inspirere report to NUFA, the others to NUIT): every paper and
listing that shows them says, near its top, that their reports are invented (only some of them, for a round that holds
real reports too; a fact sheet names only the rounds where its own report is an example); a portfolio with its own
reports says nothing of the kind; and without rounds the papers say a round has not started rather than "not
reported", with no part per segment."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from conftest import invoke
from helpers import SHIPPED_PORTFOLIO, shipped_with_test_rounds

SHIPPED = str(SHIPPED_PORTFOLIO)
BOTH = "NUIT 2/2021 og NUIT 4/2021"
NUFA = "NUFA 1/2021 og NUFA 2/2021"
ALL = "NUFA 1/2021, NUIT 2/2021, NUFA 2/2021 og NUIT 4/2021"
NOTICE = "Eksempeldata: Statusrapportene for {} er oppdiktede eksempler, ikke virksomhetenes egne rapporter."
"""The notice in bokmål, with the rounds it names."""
SOME = "Eksempeldata: Noen av statusrapportene for {} er oppdiktede eksempler, ikke virksomhetenes egne rapporter."
MIXED = (
    "Eksempeldata: Statusrapportene for {} er oppdiktede eksempler, ikke virksomhetenes egne rapporter, og det samme"
    " gjelder noen av statusrapportene for {}."
)
"""The notice in bokmål when only some of a round's reports are examples: alone, and after rounds wholly examples."""
EXAMPLE_WORD = re.compile(r"Eksempeldata|Example data", re.IGNORECASE)

PAPERS = {
    "overview": (["overview"], ALL),
    "samstyre": (["initiative", "akson-forberedelse"], BOTH),
    "koordinere": (["initiative", "helseplattformen"], BOTH),
    "observere": (["initiative", "hmn-lab"], NUFA),
    "inspirere": (["initiative", "digi-ung"], "NUFA 2/2021"),  # Inspirere reports once a year, to NUFA's last meeting
    "meeting-2": (["meeting", "--committee", "NUIT", "--date", "2021-05-06"], "NUIT 2/2021"),
    # its exceptions compare with NUIT 2 (worse than there), whose reports are examples too
    "meeting-4": (["meeting", "--committee", "NUIT", "--date", "2021-11-25"], BOTH),
    "roadmap": (["roadmap"], "NUIT 4/2021"),  # only Helseplattformen's report to NUIT 4 moves planned dates
    "benefits": (["benefits"], BOTH),
    "knowledge": (["knowledge"], NUFA),  # the example Samstyre reports give no experience
}
"""Each paper of the shipped portfolio that uses the example rounds, and the rounds its notice names."""


def written(args: list[str], fmt: str, out: Path, root: str = SHIPPED, lang: str = "nb") -> str:
    """The paper's text, written to `out` in `fmt`; a Word document's paragraphs, one a line."""
    code, _, err = invoke("report", *args, "--format", fmt, "--out", str(out), "--path", root, "--lang", lang)
    assert code == 0, err
    (path,) = out.iterdir()
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


def notice_line(said: str, fmt: str) -> str:
    """The text of the line that holds the notice, unmarked (no Markdown or HTML)."""
    (line,) = [line for line in said.splitlines() if "Eksempeldata" in line]
    return re.sub(r"<[^>]+>|^> |\*\*", "", line)


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
@pytest.mark.parametrize("paper", PAPERS)
def test_every_paper_that_shows_the_example_rounds_says_so_under_its_title(
    tmp_path: Path, paper: str, fmt: str
) -> None:
    args, rounds = PAPERS[paper]
    said = written(args, fmt, tmp_path / "out")
    assert notice_line(said, fmt) == NOTICE.format(rounds)
    lines = [line for line in said.splitlines() if line.strip()]
    if fmt == "markdown":  # right under the title
        assert lines[0].startswith("# ") and "Eksempeldata" in lines[1]
    elif fmt == "html":
        title = next(i for i, line in enumerate(lines) if line.startswith("<h1>"))
        assert 'class="examples" role="note"' in lines[title + 1]
    else:
        assert "Eksempeldata" in lines[1]


def test_every_page_of_the_site_says_so(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, err = invoke("report", "site", "--format", "html", "--out", str(out), "--path", SHIPPED)
    assert code == 0, err
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 3 + 55  # the overview, the roadmap, the knowledge bank and a fact sheet for every initiative
    for page in pages:
        assert page.read_text(encoding="utf-8").count('<p class="examples" role="note">') == 1, page


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        (
            "nn",
            "Eksempeldata: Statusrapportane for NUIT 2/2021 er oppdikta døme, ikkje verksemdene sine eigne rapportar.",
        ),
        (
            "en",
            "Example data: the status reports for NUIT 2/2021 are invented examples, not the organisations' own"
            " reports.",
        ),
    ],
)
def test_the_notice_is_in_the_papers_language(tmp_path: Path, lang: str, notice: str) -> None:
    said = written(PAPERS["meeting-2"][0], "markdown", tmp_path / "out", lang=lang)
    assert f"> **{notice}**" in said.splitlines()


def test_the_calendar_names_the_example_rounds_in_text_and_json() -> None:
    code, out, _ = invoke("calendar", "--path", SHIPPED)
    assert code == 0 and out.splitlines()[1] == NOTICE.format(ALL)
    code, out, _ = invoke("calendar", "--path", SHIPPED, "--format", "json")
    document = json.loads(out)
    assert document["example_notice"] == NOTICE.format(ALL)
    assert {m["round"]: m["example"] for m in document["meetings"]} == {
        "2021-nuit-1": False,
        "2021-nuit-2": True,
        "2021-nufa-1": True,
        "2021-nuit-3": False,
        "2021-nufa-2": True,
        "2021-nuit-4": True,
    }
    code, out, _ = invoke("calendar", "--path", SHIPPED, "--round", "2021-nuit-4")
    assert code == 0 and out.splitlines()[1] == NOTICE.format("NUIT 4/2021")
    code, out, _ = invoke("calendar", "--path", SHIPPED, "--round", "2021-nuit-4", "--format", "json")
    document = json.loads(out)
    assert document["example"] is True and document["example_notice"] == NOTICE.format("NUIT 4/2021")
    code, out, _ = invoke("calendar", "--path", SHIPPED, "--round", "2021-nuit-3", "--format", "json")
    assert json.loads(out)["example"] is False and json.loads(out)["example_notice"] == ""
    _, out, _ = invoke("calendar", "--path", SHIPPED, "--round", "2021-nuit-3")
    assert not EXAMPLE_WORD.search(out)


def test_the_example_rounds_check_clean_and_hold_everyone_due() -> None:
    assert invoke("check", "--strict", SHIPPED).code == 0
    for round_id, due in (("2021-nufa-1", 6), ("2021-nuit-2", 41), ("2021-nufa-2", 14), ("2021-nuit-4", 41)):
        _, out, _ = invoke("calendar", "--path", SHIPPED, "--round", round_id, "--format", "json")
        states = [i["state"] for i in json.loads(out)["initiatives"]]
        assert states == ["reported"] * due, round_id
        for path in (SHIPPED_PORTFOLIO / "status" / round_id).glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            assert "# Eksempeldata:" in text and "\nexample: true\n" in text, path


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
@pytest.mark.parametrize("paper", ["overview", "koordinere", "meeting-2", "roadmap", "benefits", "knowledge"])
def test_a_portfolio_with_its_own_reports_shows_no_notice(tmp_path: Path, paper: str, fmt: str) -> None:
    root = str(shipped_with_test_rounds(tmp_path / "portfolio"))  # the test rounds: reports not marked as examples
    said = written(PAPERS[paper][0], fmt, tmp_path / "out", root=root)
    assert not EXAMPLE_WORD.search(said)
    assert 'class="examples"' not in said


def owners_own(root: Path, round_id: str) -> Path:
    """A copy of the shipped portfolio at `root` where every report of the round `round_id` is its owner's own (no
    `example: true`), and the other rounds stay examples."""
    shutil.copytree(SHIPPED_PORTFOLIO, root)
    for path in (root / "status" / round_id).glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("\nexample: true\n", "\n"), encoding="utf-8")
    return root


def test_the_notice_names_only_the_rounds_marked_as_examples(tmp_path: Path) -> None:
    root = owners_own(tmp_path / "portfolio", "2021-nuit-2")
    rest = NOTICE.format("NUFA 1/2021, NUFA 2/2021 og NUIT 4/2021")
    assert notice_line(written(["overview"], "markdown", tmp_path / "a", str(root)), "") == rest
    meeting = written(PAPERS["meeting-2"][0], "markdown", tmp_path / "b", str(root))
    assert not EXAMPLE_WORD.search(meeting)
    _, out, _ = invoke("calendar", "--path", str(root))
    assert out.splitlines()[1] == rest


def test_without_rounds_the_papers_say_the_round_has_not_started(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    shutil.copytree(SHIPPED_PORTFOLIO, root, ignore=shutil.ignore_patterns("status"))
    path = str(root)
    _, sheet, _ = invoke("report", "initiative", "helseplattformen", "--date", "2021-12-31", "--path", path)
    assert "| NUIT 2/2021 (2021-05-06) | runden ikke startet |" in sheet
    assert "| NUIT 4/2021 (2021-11-25) | runden ikke startet |" in sheet
    _, overview, _ = invoke("report", "overview", "--date", "2021-12-31", "--path", path)
    _, meeting, _ = invoke("report", "meeting", "--committee", "NUIT", "--date", "2021-11-25", "--path", path)
    assert "har ikke startet" in meeting
    for said in (sheet, overview, meeting):
        assert "ikke rapportert" not in said.replace("**ikke rapportert** 0", "")
        assert not EXAMPLE_WORD.search(said)


SEGMENT_HEADING = re.compile(r"^(?:### |<h3>)?(?:Samstyre|Koordinere|Observere|Inspirere): ", re.MULTILINE)
"""A segment's section heading in a meeting paper, in Markdown, HTML or a Word document's paragraphs."""


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
def test_a_round_not_started_has_no_segment_headings(tmp_path: Path, fmt: str) -> None:
    # the shipped portfolio has no reports for NUIT 3/2021; NUIT 4/2021 has
    args = ["meeting", "--committee", "NUIT", "--date", "2021-09-16"]
    said = written(args, fmt, tmp_path / "nuit-3")
    assert "Rapporteringsrunden til dette møtet har ikke startet" in said
    assert not SEGMENT_HEADING.search(said)
    assert "Krever oppmerksomhet" not in said
    started = written(PAPERS["meeting-4"][0], fmt, tmp_path / "nuit-4")
    assert [m.group(0).removeprefix("### ").removeprefix("<h3>") for m in SEGMENT_HEADING.finditer(started)] == [
        "Samstyre: ",
        "Koordinere: ",
    ]
    assert "har ikke startet" not in started


def test_a_real_round_whose_exceptions_cite_an_example_round_names_that_round(tmp_path: Path) -> None:
    root = owners_own(tmp_path / "portfolio", "2021-nuit-4")
    meeting = written(PAPERS["meeting-4"][0], "markdown", tmp_path / "out", str(root))
    attention = meeting.split("### Krever oppmerksomhet", 1)[1].split("\n### ", 1)[0]
    assert "NUIT 2/2021" in attention  # an exception compares with NUIT 2, an example round
    assert notice_line(meeting, "") == NOTICE.format("NUIT 2/2021")


def _mixed(root: Path) -> Path:
    """A copy of the shipped portfolio at `root` where Interregional Digital Patologi's report to NUIT 4/2021 is its
    owner's own (no `example: true`) and the round's other reports stay examples."""
    shutil.copytree(SHIPPED_PORTFOLIO, root)
    (root / "status" / "2021-nuit-4" / "interregional-digital-patologi.yaml").write_text(
        "date: 2021-11-16\ncolour: grønn\nprogress: Bildeløsningen er levert, og innføringen går etter planen.\n"
        "risks: []\n",
        encoding="utf-8",
    )
    return root


def test_a_round_with_real_reports_beside_the_examples_is_named_as_partly_examples(tmp_path: Path) -> None:
    root = str(_mixed(tmp_path / "portfolio"))
    assert invoke("check", "--strict", root).code == 0
    whole = "NUFA 1/2021, NUIT 2/2021 og NUFA 2/2021"
    code, out, _ = invoke("calendar", "--path", root)
    assert code == 0 and out.splitlines()[1] == MIXED.format(whole, "NUIT 4/2021")
    document = json.loads(invoke("calendar", "--path", root, "--format", "json")[1])
    assert document["example_notice"] == MIXED.format(whole, "NUIT 4/2021")
    meetings = {m["round"]: (m["example"], m["example_partly"]) for m in document["meetings"]}
    assert meetings["2021-nuit-4"] == (True, True) and meetings["2021-nuit-2"] == (True, False)
    assert meetings["2021-nuit-3"] == (False, False)
    code, out, _ = invoke("calendar", "--path", root, "--round", "2021-nuit-4")
    assert code == 0 and out.splitlines()[1] == SOME.format("NUIT 4/2021")
    document = json.loads(invoke("calendar", "--path", root, "--round", "2021-nuit-4", "--format", "json")[1])
    assert document["example"] is True and document["example_partly"] is True
    assert document["example_notice"] == SOME.format("NUIT 4/2021")
    for fmt in ("markdown", "html", "docx"):
        meeting = written(PAPERS["meeting-4"][0], fmt, tmp_path / f"meeting-{fmt}", root)
        assert notice_line(meeting, fmt) == MIXED.format("NUIT 2/2021", "NUIT 4/2021")
        overview = written(["overview"], fmt, tmp_path / f"overview-{fmt}", root)
        assert notice_line(overview, fmt) == MIXED.format(whole, "NUIT 4/2021")
        # a fact sheet names only the rounds where its own report is an example
        sheet = written(["initiative", "interregional-digital-patologi"], fmt, tmp_path / f"real-{fmt}", root)
        assert notice_line(sheet, fmt) == NOTICE.format("NUIT 2/2021")
        sheet = written(["initiative", "helseplattformen"], fmt, tmp_path / f"example-{fmt}", root)
        assert notice_line(sheet, fmt) == NOTICE.format(BOTH)


def test_a_fact_sheet_whose_own_reports_are_all_real_says_nothing_of_examples(tmp_path: Path) -> None:
    root = _mixed(tmp_path / "portfolio")
    (root / "status" / "2021-nuit-2" / "interregional-digital-patologi.yaml").unlink()
    code, out, err = invoke("report", "initiative", "interregional-digital-patologi", "--path", str(root))
    assert code == 0, err
    assert not EXAMPLE_WORD.search(out)


@pytest.mark.parametrize(
    ("lang", "some", "mixed"),
    [
        (
            "nn",
            "Eksempeldata: Nokre av statusrapportane for NUIT 4/2021 er oppdikta døme, ikkje verksemdene sine eigne"
            " rapportar.",
            "Eksempeldata: Statusrapportane for NUIT 2/2021 er oppdikta døme, ikkje verksemdene sine eigne rapportar,"
            " og det same gjeld nokre av statusrapportane for NUIT 4/2021.",
        ),
        (
            "en",
            "Example data: some of the status reports for NUIT 4/2021 are invented examples, not the organisations'"
            " own reports.",
            "Example data: the status reports for NUIT 2/2021 are invented examples, not the organisations' own"
            " reports, and so are some of the status reports for NUIT 4/2021.",
        ),
    ],
)
def test_the_partly_notice_is_in_the_papers_language(tmp_path: Path, lang: str, some: str, mixed: str) -> None:
    root = str(_mixed(tmp_path / "portfolio"))
    _, out, _ = invoke("calendar", "--path", root, "--round", "2021-nuit-4", "--lang", lang)
    assert out.splitlines()[1] == some
    said = written(PAPERS["meeting-4"][0], "markdown", tmp_path / "out", root, lang=lang)
    assert f"> **{mixed}**" in said.splitlines()
