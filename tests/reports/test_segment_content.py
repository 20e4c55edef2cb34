"""Each segment's own content on the fact sheet, and the status across rounds on the overview (issue 14, items 3 and
4): the latest status report with the fields its segment reports on (cadence.yaml's `required`), the colour trend
round by round, and an incomplete report shown as incomplete, never as reported. The rounds are
tests/fixtures/segments (its README says what each holds), read into the shipped portfolio in place of any rounds.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import shutil
from pathlib import Path

import pytest
from conftest import invoke
from test_contexts import snapshot

from ehportfolio.reports import contexts
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "segments"
LATE = ["--date", "2021-12-31"]
SHEETS = {
    "samstyre": "legemiddelprogrammet",
    "koordinere": "helseplattformen",
    "observere": "hmn-lab",
    "inspirere": "digi-ung",
}


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped portfolio with the rounds of tests/fixtures/segments and no others."""
    root = tmp_path_factory.mktemp("segments") / "portfolio"
    shutil.copytree(ROOT / "portfolio", root)
    shutil.rmtree(root / "status", ignore_errors=True)
    shutil.copytree(FIXTURES, root / "status", ignore=shutil.ignore_patterns("*.md"))
    return root


def report(root: Path, *args: str) -> str:
    code, out, err = invoke("report", *args, "--path", str(root))
    assert code == 0, err
    return out


def section(text: str, heading: str) -> str:
    """The part of a Markdown report from `heading` up to the next heading of its level."""
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    following = re.search(rf"^{level} ", text[start + len(heading) :], re.MULTILINE)
    return text[start : start + len(heading) + following.start()] if following else text[start:]


@pytest.mark.parametrize("segment", list(SHEETS))
def test_the_fact_sheet_of_each_segment_shows_its_own_content(rounds: Path, segment: str) -> None:
    ident = SHEETS[segment]
    snapshot(f"initiative-{segment}-{ident}.nb.md", report(rounds, "initiative", ident, *LATE))


def test_the_koordinere_fact_sheet_in_html(rounds: Path) -> None:
    snapshot(
        "initiative-koordinere-helseplattformen.nb.html",
        report(rounds, "initiative", "helseplattformen", *LATE, "-f", "html"),
    )


def test_each_segment_shows_the_fields_it_reports_on_each_under_its_own_heading(rounds: Path) -> None:
    headings = {
        "samstyre": ["Samlet status", "Fremdrift", "Risikoer"],
        "koordinere": ["Avhengigheter", "Risikoreduserende tiltak"],
        "observere": ["Fremdrift", "Risikoer", "Erfaringer", "Hindringer"],
        "inspirere": ["Formål", "Fremdrift", "Nye ideer"],
    }
    for segment, ident in SHEETS.items():
        latest = section(report(rounds, "initiative", ident, *LATE), "## Siste statusrapport")
        assert re.findall(r"^### (.+)$", latest, re.MULTILINE) == headings[segment], segment
    observere = section(report(rounds, "initiative", "hmn-lab", *LATE), "## Siste statusrapport")
    # obstacles under their own heading, not glued onto the progress
    assert section(observere, "### Hindringer").splitlines()[2] == (
        "Integrasjonen mot rekvireringsløsningen i kommunene er ikke ferdig."
    )
    assert "Hindringer" not in section(observere, "### Fremdrift")
    assert "Senere runde, NUFA 2/2021 (2021-10-20): ikke rapportert." in observere  # Observere reports to NUFA
    inspirere = section(report(rounds, "initiative", "digi-ung", *LATE), "## Siste statusrapport")
    assert "- Ungdomspanel som tester nye tjenester før de lanseres" in inspirere
    assert "Prøve ut digitale helsetjenester for ungdom" in section(inspirere, "### Formål")


def test_a_koordinere_report_names_what_it_depends_on_and_links_it_in_a_site(rounds: Path, tmp_path: Path) -> None:
    latest = section(report(rounds, "initiative", "helseplattformen", *LATE), "## Siste statusrapport")
    assert "- **Møte:** NUIT 4/2021 (2021-11-25)" in latest
    assert "| Legemiddelprogrammet (`legemiddelprogrammet`) | Pasientens legemiddelliste" in latest
    assert (
        "| Kjernejournal (`kjernejournal`) | Oppslag i kjernejournal fra Helseplattformen | 2021-06-01"
        " | Under testing |" in latest
    )
    code, _, err = invoke("report", "site", "--out", str(tmp_path), "-f", "html", "--path", str(rounds), *LATE)
    assert code == 0, err
    sheet = (tmp_path / "initiatives" / "helseplattformen.html").read_text(encoding="utf-8")
    latest_html = sheet[sheet.index("<h2>Siste statusrapport</h2>") : sheet.index("<h2>Statushistorikk</h2>")]
    assert '<a href="legemiddelprogrammet.html">Legemiddelprogrammet</a>' in latest_html
    assert "kjernejournal.html" not in latest_html  # a national solution has no fact sheet
    assert (tmp_path / "initiatives" / "legemiddelprogrammet.html").is_file()
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    status = index[index.index("<h2>Status over rundene</h2>") :]
    assert '<a href="initiatives/digi-ung.html">DIGI-UNG</a>' in status


def test_an_empty_list_says_none_and_a_missing_field_says_not_answered(rounds: Path) -> None:
    latest = section(report(rounds, "initiative", "akson-journal", *LATE), "## Siste statusrapport")
    assert "- **Status:** rapportert" in latest
    assert section(latest, "### Avhengigheter").splitlines()[2] == "Ingen."
    alle = section(report(rounds, "initiative", "alle-moter", *LATE), "## Siste statusrapport")
    assert "- **Status:** **Ufullstendig: mangler risikoer, erfaringer, hindringer.**" in alle
    for heading in ("### Risikoer", "### Erfaringer", "### Hindringer"):
        assert section(alle, heading).splitlines()[2] == "**ikke besvart**", heading


def test_an_incomplete_report_shows_as_incomplete_never_as_reported(rounds: Path) -> None:
    sheet = report(rounds, "initiative", "legemiddelprogrammet", *LATE)
    latest = section(sheet, "## Siste statusrapport")
    assert "- **Møte:** NUIT 4/2021 (2021-11-25)" in latest
    assert "- **Status:** **Ufullstendig: mangler samlet status, risikoer (rad 1: tiltak).**" in latest
    assert "rapportert" not in latest.replace("ikke rapportert", "").replace("Rapportert:", "")
    assert section(latest, "### Samlet status").splitlines()[2] == "**ikke besvart**"
    assert (
        "| Kommunene rekker ikke å ta i bruk legemiddellisten før sommeren | Gevinstene kommer senere | – |" in latest
    )
    assert "**Utvikling:** grønn → gul → rød → **ufullstendig**" in sheet
    html = report(rounds, "initiative", "legemiddelprogrammet", *LATE, "-f", "html")
    assert '<span class="state state-incomplete">ufullstendig</span>' in html


def test_the_overview_shows_each_initiatives_states_round_by_round(rounds: Path) -> None:
    status = section(report(rounds, "overview", *LATE), "## Status over rundene")
    samstyre = section(status, "### Samstyre: status og risiko")
    assert "| Navn | NUIT 1/2021 | NUIT 2/2021 | NUIT 3/2021 | NUIT 4/2021 |" in samstyre
    assert (
        "| Legemiddelprogrammet (`legemiddelprogrammet`) | grønn | gul | rød |"
        " **Ufullstendig: mangler samlet status, risikoer (rad 1: tiltak).** |"
    ) in samstyre
    assert "| DigiHelse fase 2 (`digihelse-fase-2`) | **ikke rapportert** | **ikke rapportert** |" in samstyre
    observere = section(status, "### Observere: fremdrift og risiko, erfaringer og hindringer")
    assert "| Navn | NUFA 1/2021 | NUFA 2/2021 |" in observere
    assert "| Alle møter (`alle-moter`) | **Ufullstendig: mangler risikoer, erfaringer, hindringer.** |" in observere
    assert "| HMN Lab (`hmn-lab`) | rapportert | **ikke rapportert** |" in observere
    inspirere = section(status, "### Inspirere: formål, hvor langt tiltaket har kommet, og nye ideer")
    assert "| DIGI-UNG (`digi-ung`) | rapportert |" in inspirere
    # English, and the html marks carry their text, never colour alone
    english = report(rounds, "overview", *LATE, "--lang", "en")
    assert (
        "| Legemiddelprogrammet (`legemiddelprogrammet`) | green | yellow | red |"
        " **Incomplete: lacks overall status, risks (row 1: action).** |"
    ) in english
    html = report(rounds, "overview", *LATE, "-f", "html")
    assert '<td><span class="state state-rød">rød</span></td>' in html


def test_without_a_round_the_overview_has_no_status_section(rounds: Path, tmp_path: Path) -> None:
    """No meeting held by the date and no round reported to: nothing to show, and no table of empty rows."""
    bare = tmp_path / "portfolio"
    shutil.copytree(rounds, bare, ignore=shutil.ignore_patterns("status"))
    assert "## Status over rundene" not in report(bare, "overview", "--date", "2021-01-01")
    assert "## Status over rundene" in report(bare, "overview", "--date", "2021-02-11")


def test_the_fields_come_from_the_cadence_data(rounds: Path) -> None:
    """A segment's fields are its `required` ones in cadence.yaml, in their order: no code lists a segment's."""
    cadence = load_cadence()
    inspirere = dataclasses.replace(cadence.segments["inspirere"], required=("ideas", "purpose"))
    changed = dataclasses.replace(cadence, segments={**cadence.segments, "inspirere": inspirere})
    portfolio = load_portfolio(str(rounds), statuses=True)
    entry = next(e for e in portfolio.entries if e.id == "digi-ung")
    for used, names in ((cadence, ("purpose", "progress", "ideas")), (changed, ("ideas", "purpose"))):
        shared = contexts.prepare(portfolio, used, "nb", datetime.date(2021, 12, 31))
        assert tuple(f.name for f in contexts.initiative(shared, entry).latest.fields) == names


def test_a_file_that_cannot_be_read_shows_as_incomplete_with_nothing_answered(rounds: Path) -> None:
    """A report refuses a portfolio whose files cannot be read, so the context is given one as the loader records it."""
    portfolio = load_portfolio(str(rounds), statuses=True)
    shared = contexts.prepare(portfolio, load_cadence(), "nb", datetime.date(2021, 12, 31))
    reports = {**shared.reports, "akson-journal": {}}
    unread = {**shared.unread, "akson-journal": {"2021-nuit-4"}}
    broken = dataclasses.replace(shared, reports=reports, unread=unread)
    entry = next(e for e in portfolio.entries if e.id == "akson-journal")
    latest = contexts.initiative(broken, entry).latest
    assert (latest.round, latest.state, latest.missing) == (
        "2021-nuit-4",
        "incomplete",
        "Ufullstendig: filen kunne ikke leses (se ehp check).",
    )
    assert [(f.name, f.missing, f.dependencies, f.items) for f in latest.fields] == [
        ("dependencies", True, (), ()),
        ("actions", True, (), ()),
    ]


def test_the_overview_shows_each_segments_subject_in_the_latest_reports(rounds: Path) -> None:
    """Item 3 on the overview: a row per initiative with a report in the latest round it was due at, with its
    segment's fields in short; a dependency past its `by` date marked, an incomplete report named as such."""
    latest = section(report(rounds, "overview", *LATE), "## Siste statusrapporter")
    samstyre = section(latest, "### Samstyre: status og risiko")
    assert "| Navn | Møte | Samlet status | Fremdrift | Risikoer |" in samstyre
    assert (
        "| Legemiddelprogrammet (`legemiddelprogrammet`) | NUIT 4/2021:"
        " **Ufullstendig: mangler samlet status, risikoer (rad 1: tiltak).** | **ikke besvart**"
        " | Finansieringen for 2022 er avklart; spredningen starter igjen i januar."
        " | Kommunene rekker ikke å ta i bruk legemiddellisten før sommeren |"
    ) in samstyre
    koordinere = section(latest, "### Koordinere: avhengigheter og tiltakene som reduserer risikoen ved dem")
    assert "| Navn | Møte | Avhengigheter | Risikoreduserende tiltak |" in koordinere
    assert (
        "| Helseplattformen (`helseplattformen`) | NUIT 4/2021 | Legemiddelprogrammet: Ny plan er vedtatt;"
        " første leveranse i mars \\(innen 2022-03-01\\);"
        " **Kjernejournal: Under testing \\(innen 2021-06-01\\) – fristen er passert**"
        " | 2, først: Månedlige avklaringsmøter med Legemiddelprogrammet |"
    ) in koordinere
    assert "| Akson - journal (`akson-journal`) | NUIT 4/2021 | Ingen. | Ingen. |" in koordinere
    inspirere = section(latest, "### Inspirere: formål, hvor langt tiltaket har kommet, og nye ideer")
    assert "| Navn | Møte | Formål | Fremdrift | Nye ideer |" in inspirere
    assert "| 2, først: En felles inngang til chattetjenester for ungdom på tvers av kommuner |" in inspirere
    # not reported to the latest round it was due at: no row here (the status across rounds says so)
    assert "hmn-lab" not in latest
    assert "DigiHelse" not in latest
    # before the dependency's date, nothing is marked
    early = section(report(rounds, "overview", "--date", "2021-05-31"), "## Siste statusrapporter")
    assert "fristen er passert" not in early
    english = section(report(rounds, "overview", *LATE, "--lang", "en"), "## Latest status reports")
    assert "**Kjernejournal: Under testing \\(by 2021-06-01\\) – date passed**" in english


def test_the_overview_does_not_mark_a_passed_date_whose_state_says_done(rounds: Path, tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    shutil.copytree(rounds, root)
    path = root / "status" / "2021-nuit-4" / "helseplattformen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("state: Under testing", "state: Levert"), "utf-8")
    latest = section(report(root, "overview", *LATE), "## Siste statusrapporter")
    assert "Kjernejournal: Levert \\(innen 2021-06-01\\)" in latest and "fristen er passert" not in latest


def test_the_overview_shows_observere_with_an_incomplete_report_as_incomplete(rounds: Path, tmp_path: Path) -> None:
    """Observere's round with HMN Lab's and Alle møter's reports as the latest one: the rounds after it left out."""
    root = tmp_path / "portfolio"
    shutil.copytree(rounds, root)
    for folder in (root / "status").iterdir():
        if not (folder / "hmn-lab.yaml").is_file():
            shutil.rmtree(folder)
    latest = section(report(root, "overview", "--date", "2021-06-01"), "## Siste statusrapporter")
    observere = section(latest, "### Observere: fremdrift og risiko, erfaringer og hindringer")
    assert re.search(r"^\| Navn \| Møte \| Fremdrift \| Risikoer \| Erfaringer \| Hindringer \|$", observere, re.M)
    hmn = next(line for line in observere.splitlines() if "(`hmn-lab`)" in line)
    assert "Integrasjonen mot rekvireringsløsningen i kommunene er ikke ferdig." in hmn
    assert "**" not in hmn  # complete: nothing missing, nothing unanswered
    alle = next(line for line in observere.splitlines() if "(`alle-moter`)" in line)
    assert "**Ufullstendig: mangler risikoer, erfaringer, hindringer.**" in alle
    assert alle.count("**ikke besvart**") == 3
    html = report(root, "overview", "--date", "2021-06-01", "-f", "html")
    part = html[html.index("<h2>Siste statusrapporter</h2>") :]
    assert '<strong class="incomplete">Ufullstendig: mangler risikoer, erfaringer, hindringer.</strong>' in part


def test_the_site_index_links_each_name_in_the_latest_reports(rounds: Path, tmp_path: Path) -> None:
    code, _, err = invoke("report", "site", "--out", str(tmp_path), "-f", "html", "--path", str(rounds), *LATE)
    assert code == 0, err
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    latest = index[index.index("<h2>Siste statusrapporter</h2>") :]
    latest = latest[: latest.index("<h2>", 5)]
    rows = re.findall(r"<tr><td>(.*?)</td>", latest)
    assert len(rows) == 4, rows
    for ident in ("akson-journal", "digi-ung", "helseplattformen", "legemiddelprogrammet"):
        assert re.search(rf'<tr><td><a href="initiatives/{ident}\.html">[^<]+</a> <code>{ident}</code>', latest)
        assert (tmp_path / "initiatives" / f"{ident}.html").is_file()
    passed = "Kjernejournal: Under testing (innen 2021-06-01) – fristen er passert"
    assert f'<strong class="passed">{passed}</strong>' in latest
    assert '<span class="state state-rød">' not in latest  # its latest report has no colour


def test_the_overview_cuts_long_text_and_takes_its_fields_from_the_cadence_data(rounds: Path) -> None:
    cadence = load_cadence()
    inspirere = dataclasses.replace(cadence.segments["inspirere"], required=("ideas", "progress"))
    changed = dataclasses.replace(cadence, segments={**cadence.segments, "inspirere": inspirere})
    portfolio = load_portfolio(str(rounds), statuses=True)
    shared = contexts.prepare(portfolio, changed, "nb", datetime.date(2021, 12, 31))
    long = "Første setning ved St. Olavs er kort. Den andre kommer ikke med."
    words = " ".join(["ord"] * 60)
    reports = {
        **shared.reports,
        "digi-ung": {
            round_: report.model_copy(update={"progress": long, "ideas": (words,)})
            for round_, report in shared.reports["digi-ung"].items()
        },
    }
    subjects = contexts.overview(dataclasses.replace(shared, reports=reports)).subjects
    group = next(g for g in subjects if g.segment == "inspirere")
    assert group.labels == ("Nye ideer", "Fremdrift")
    ideas, progress = group.rows[0].fields
    assert progress.text == "Første setning ved St. Olavs er kort. …"
    assert ideas.text.endswith("ord…") and len(ideas.text) <= contexts.SHORT_LENGTH + 1
