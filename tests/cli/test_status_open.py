"""`ehp status open` and `ehp status collect` on a copy of the shipped portfolio: a form per owner for round
2021-nuit-4 (whose calendar entry the copy makes name all four segments, so that one round asks every segment's
fields; by the cadence Observere and Inspirere report to NUFA), filled in as a person would in Excel (here with
openpyxl) or Word (with python-docx), and read back into status files that equal what was filled in, read by the real
loader."""

from __future__ import annotations

import datetime
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from conftest import invoke

from ehportfolio.domain.models import StatusReport
from ehportfolio.features.calendar import members, rounds, survey
from ehportfolio.features.roundforms import form_id
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]
ROUND = "2021-nuit-4"
DEADLINE = "2021-11-11"
CADENCE = load_cadence()


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """A copy of the shipped portfolio without its status reports (example rounds may ship there), where every segment
    reports to NUIT 4/2021."""
    root = tmp_path / "portfolio"
    shutil.copytree(ROOT / "portfolio", root)
    shutil.rmtree(root / "status", ignore_errors=True)
    settings = root / "portfolio.yaml"
    text = settings.read_text(encoding="utf-8")
    last = "  - committee: NUIT\n    number: 4\n    date: 2021-11-25\n"
    assert text.count(last) == 1
    every = last + "    segments: [samstyre, koordinere, observere, inspirere]\n"
    settings.write_text(text.replace(last, every), encoding="utf-8")
    return root


def open_round(root: Path, *extra: str) -> list[Path]:
    code, out, err = invoke("status", "open", ROUND, "--deadline", DEADLINE, "--path", str(root), *extra)
    assert code == 0, err
    return [Path(line) for line in out.splitlines()]


def forms_of(paths: list[Path]) -> list[Path]:
    return [p for p in paths if p.suffix in (".xlsx", ".docx")]


def answers(ident: str, segment: str, prefilled: list[str]) -> dict[str, Any]:
    """What a form says for an initiative, as the status file's data: every field its segment reports on."""
    data: dict[str, Any] = {"date": "2021-11-10"}
    for name in CADENCE.segments[segment].required:
        if name == "colour":
            data[name] = "gul"
        elif name == "risks":
            data[name] = [
                {"risk": f"Forsinkelse i {ident}", "consequence": "Senere innføring", "action": "Flere folk: nå"},
                {"risk": "Lite kapasitet", "consequence": "Utsatt test", "action": "#1 prioritet"},
            ]
        elif name == "dependencies":
            targets = prefilled or ["legemiddelprogrammet"]
            data[name] = [
                {"id": t, "needed": f"Grensesnitt fra {t}", "by": "2022-03-01", "state": "i rute"} for t in targets
            ]
        elif name == "actions":
            data[name] = ["Ukentlige møter", "Felles testmiljø"]
        elif name == "ideas":
            data[name] = []  # "none", said with the form's own row
        else:
            data[name] = f"{name} for {ident}:\nandre linje med «sitat»"
    return data


def rows_by_key(sheet: Any) -> dict[str, int]:
    return {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value}


def fill_xlsx(path: Path) -> dict[str, dict[str, Any]]:
    """Fill every answer of a workbook form; what each initiative's report should then hold."""
    book = openpyxl.load_workbook(path)
    sheet = book["Rapport"]
    keys = rows_by_key(sheet)
    meta = dict(book["ehp"].iter_rows(values_only=True))
    wanted = {}
    for ident in str(meta["initiatives"]).split():
        segment = sheet.cell(keys[f"{ident}|date"] - 4, 3).value.lower()
        prefilled = [sheet.cell(keys[k], 3).value for k in keys if re.fullmatch(rf"{ident}\|dependencies\|\d+", k)]
        data = answers(ident, segment, [p for p in prefilled if p])
        sheet.cell(keys[f"{ident}|date"], 3).value = datetime.date(2021, 11, 10)
        for name, value in data.items():
            if name == "date":
                continue
            if isinstance(value, str):
                sheet.cell(keys[f"{ident}|{name}"], 3).value = value
            elif not value:
                sheet.cell(keys[f"{ident}|{name}|none"], 3).value = "ja"
            else:
                for index, item in enumerate(value):
                    cells = item.values() if isinstance(item, dict) else [item]
                    for column, cell in enumerate(cells, start=3):
                        if isinstance(cell, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", cell):
                            cell = datetime.date.fromisoformat(cell)
                        sheet.cell(keys[f"{ident}|{name}|{index}"], column).value = cell
        wanted[ident] = data
    book.save(path)
    return wanted


def reports(root: Path) -> dict[str, StatusReport]:
    """The status reports of the round, read by the real loader, which must find no problem."""
    loaded = load_portfolio(str(root), statuses=True)
    assert loaded.statuses is not None and not loaded.statuses.problems, loaded.statuses.problems
    return {e.id: e.report for e in loaded.statuses.entries if e.round == ROUND}


def round_state(root: Path) -> Any:
    loaded = load_portfolio(str(root), statuses=True)
    assert loaded.context.settings is not None
    found = [r for r in rounds(loaded.context.settings.calendar, CADENCE) if r.id == ROUND]
    [state] = survey(found, members(loaded), loaded.statuses, CADENCE)
    return state


def test_open_writes_a_form_per_owner_and_a_list_of_who_reports_what(portfolio: Path) -> None:
    written = open_round(portfolio)
    folder = portfolio / "skjema" / ROUND
    forms = forms_of(written)
    owners = {e.initiative.owner for e in load_portfolio(str(portfolio)).entries}
    assert len(forms) == len(owners) == 11 and all(p.parent == folder for p in forms)
    overview = (folder / "oversikt.md").read_text(encoding="utf-8")
    assert overview.startswith("# Statusrapporter til NUIT 4/2021 (2021-nuit-4)\n")
    lines = [line for line in overview.splitlines() if line.startswith("| ") and "Frist" not in line]
    assert len(lines) == 55  # every initiative due: all four segments report to this NUIT meeting
    assert (
        "| Helse Vest RHF | skjema-helse-vest-rhf.xlsx | heliks | HELIKS | Koordinere "
        "| Avhengigheter, Tiltak som reduserer risikoen | 2021-11-11 |" in lines
    )
    seen: list[str] = []
    for path in forms:
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["Rapport", "ehp"] and book["ehp"].sheet_state == "veryHidden"
        sheet = book["Rapport"]
        assert sheet.protection.sheet and sheet.column_dimensions["A"].hidden
        meta = dict(book["ehp"].iter_rows(values_only=True))
        assert meta["round"] == ROUND and meta["form"].startswith(f"{ROUND}-")
        seen += str(meta["initiatives"]).split()
        keys = rows_by_key(sheet)
        for ident in str(meta["initiatives"]).split():
            date = sheet.cell(keys[f"{ident}|date"], 3)
            assert date.value == datetime.datetime(2021, 11, 11) and date.protection.locked is False  # the deadline
            assert sheet.cell(keys[f"{ident}|date"] - 1, 3).value == DEADLINE  # the deadline, locked
            assert sheet.cell(keys[f"{ident}|date"] - 1, 3).protection.locked
        validations = {v.formula1: str(v.sqref) for v in sheet.data_validations.dataValidation}
        assert keys[f"{ident}|date"] and f"C{keys[f'{ident}|date']}" in validations["DATE(2000,1,1)"].split()
        colours = [f"C{row}" for key, row in keys.items() if key.endswith("|colour")]
        assert colours == (validations['"grønn,gul,rød"'].split() if colours else [])
    assert len(seen) == len(set(seen)) == 55
    helse_vest = openpyxl.load_workbook(folder / "skjema-helse-vest-rhf.xlsx")["Rapport"]
    keys = rows_by_key(helse_vest)
    # HELIKS is Koordinere: its recorded dependencies are pre-filled; it is asked nothing Samstyre is asked
    assert [helse_vest.cell(keys[f"heliks|dependencies|{i}"], 3).value for i in range(3)] == [
        "legemiddelprogrammet",
        "program-for-kodeverk-og-terminologi",
        None,
    ]
    assert "heliks|colour" not in keys and "heliks|actions|0" in keys


def test_filled_workbooks_are_collected_into_status_files_equal_to_what_was_filled_in(portfolio: Path) -> None:
    forms = forms_of(open_round(portfolio))
    wanted: dict[str, dict[str, Any]] = {}
    for path in forms:
        wanted.update(fill_xlsx(path))
    code, out, err = invoke("status", "collect", *map(str, forms), "--round", ROUND, "--path", str(portfolio))
    assert code == 0, err
    assert len(out.splitlines()) == 55 and "Samlet inn 55 statusrapporter fra 11 skjema." in err
    found = reports(portfolio)
    assert set(found) == set(wanted)
    for ident, data in wanted.items():
        assert found[ident] == StatusReport.model_validate(data), ident
    assert found["heliks"].dependencies is not None and found["heliks"].dependencies[0].by == datetime.date(2022, 3, 1)
    text = (portfolio / "status" / ROUND / "heliks.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/status.schema.json\n")
    assert "# Samlet inn fra skjemaet skjema-helse-vest-rhf.xlsx (2021-nuit-4-" in text
    state = round_state(portfolio)
    assert len(state.reported) == 55 and not state.incomplete
    code, out, _ = invoke("check", str(portfolio))
    assert "status_incomplete" not in out


def cell_of(path: Path, key: str, column: int = 3) -> str:
    sheet = openpyxl.load_workbook(path)["Rapport"]
    return f"{path}:Rapport!{'ABCDEF'[column - 1]}{rows_by_key(sheet)[key]}"


def set_cell(path: Path, key: str, value: Any, column: int = 3) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["Rapport"]
    sheet.cell(rows_by_key(sheet)[key], column).value = value
    book.save(path)


def test_a_bad_date_or_colour_is_refused_at_its_cell_and_nothing_is_written(portfolio: Path) -> None:
    folder = portfolio / "skjema" / ROUND
    open_round(portfolio)
    helse_vest, direktoratet = folder / "skjema-helse-vest-rhf.xlsx", folder / "skjema-direktoratet-for-e-helse.xlsx"
    fill_xlsx(helse_vest)
    fill_xlsx(direktoratet)
    set_cell(helse_vest, "heliks|dependencies|1", "31.02.2022", column=5)
    set_cell(direktoratet, "akson-forberedelse|colour", "blå")
    code, out, err = invoke("status", "collect", str(helse_vest), str(direktoratet), "--path", str(portfolio))
    assert code == 2 and out == ""
    lines = err.splitlines()
    bad_date = cell_of(helse_vest, "heliks|dependencies|1", 5)
    assert f"{bad_date}: «31.02.2022» er ikke en dato på formen ÅÅÅÅ-MM-DD" in lines
    assert any(line.startswith(f"{cell_of(direktoratet, 'akson-forberedelse|colour')}: ") for line in lines), err
    assert "Ingenting skrevet: 2 skjema kunne ikke samles inn." in err
    assert not (portfolio / "status").exists()
    # --partial writes the clean forms and lists the rest
    set_cell(helse_vest, "heliks|dependencies|1", "01.03.2022", column=5)
    both = (str(helse_vest), str(direktoratet))
    code, out, err = invoke("status", "collect", "--partial", *both, "--path", str(portfolio))
    assert code == 2
    collected = ["alle-moter", "digital-patologi-helse-vest", "heliks", "interregional-digital-patologi"]
    assert sorted(reports(portfolio)) == collected == sorted(Path(line).stem for line in out.splitlines())
    assert reports(portfolio)["heliks"].dependencies[1].by == datetime.date(2022, 3, 1)  # type: ignore[index]
    assert f"Ikke samlet inn (1): {direktoratet}" in err


def test_a_form_for_another_round_returned_twice_or_collected_before_is_refused(portfolio: Path) -> None:
    folder = portfolio / "skjema" / ROUND
    open_round(portfolio)
    form = folder / "skjema-ks.xlsx"
    fill_xlsx(form)
    code, _, err = invoke("status", "collect", str(form), "--round", "2021-nuit-2", "--path", str(portfolio))
    assert code == 1 and f"{form}:ehp: skjemaet er for runden 2021-nuit-4, ikke 2021-nuit-2" in err
    copy = folder / "kopi.xlsx"
    shutil.copy(form, copy)
    code, _, err = invoke("status", "collect", str(form), str(copy), "--path", str(portfolio))
    assert code == 1 and f"{copy}: skjemaet {ROUND}-" in err and f"er levert to ganger (også som {form})" in err
    # the same owner's form from the round opened again with another deadline: another form id, the same initiatives
    later = open_round(portfolio, "--out", str(portfolio / "senere"), "--deadline", "2021-11-18")
    second = next(p for p in later if p.name == "skjema-ks.xlsx")
    code, _, err = invoke("status", "collect", str(form), str(second), "--path", str(portfolio))
    assert code == 1 and f"{second}: skjemaet gjelder nasjonalt-prosjekt-digihelse, som også skjemaet {form}" in err
    assert not (portfolio / "status").exists()
    book = openpyxl.load_workbook(form)
    book["Rapport"].title = "KS"  # a sheet renamed by its reader is still read
    book.save(form)
    code, out, err = invoke("status", "collect", str(form), "--path", str(portfolio))
    assert code == 0 and out
    ident = "nasjonalt-prosjekt-digihelse"
    assert reports(portfolio)[ident].progress == answers(ident, "samstyre", [])["progress"]
    code, _, err = invoke("status", "collect", str(copy), "--path", str(portfolio))
    assert code == 1 and "runden 2021-nuit-4 har alt statusfiler for" in err
    # and opening the round again leaves out who has reported, and never overwrites a form
    code, _, err = invoke("status", "open", ROUND, "--deadline", DEADLINE, "--path", str(portfolio))
    assert code == 1 and "finnes fra før: et skjema blir aldri overskrevet" in err
    other = open_round(portfolio, "--out", str(portfolio / "igjen"))
    assert "skjema-ks.xlsx" not in {p.name for p in other} and len(forms_of(other)) == 10
    overview = (portfolio / "igjen" / "oversikt.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^\| KS \| \\\(levert\\\) \|", overview, re.M)) == len(reports(portfolio)) > 0
    # an initiative that finished before the meeting is no longer due: its form is refused
    helse_vest = portfolio / "igjen" / "skjema-helse-vest-rhf.xlsx"
    finished = ("--status", "finished", "--reason", "Levert", "--date", "2021-06-01")
    code, _, err = invoke("decide", "heliks", *finished, "--path", str(portfolio))
    assert code == 0, err
    code, _, err = invoke("status", "collect", str(helse_vest), "--path", str(portfolio))
    assert code == 1 and "skjemaet gjelder tiltak som ikke skal rapportere til runden 2021-nuit-4" in err
    assert err.splitlines()[0].endswith(": heliks")


def test_an_empty_form_is_collected_and_shows_as_incomplete(portfolio: Path) -> None:
    form = portfolio / "skjema" / ROUND / "skjema-ks.xlsx"
    open_round(portfolio)
    code, _, err = invoke("status", "collect", str(form), "--path", str(portfolio))
    assert code == 0
    found = reports(portfolio)
    assert found and all(report.date == datetime.date(2021, 11, 11) for report in found.values())
    state = round_state(portfolio)
    assert set(state.incomplete) == set(found) and not set(state.reported) & set(found)
    assert "er ufullstendig, mangler" in err
    # opened again: the list of who reports names the empty answer as incomplete, not as delivered
    open_round(portfolio, "--out", str(portfolio / "igjen"))
    overview = (portfolio / "igjen" / "oversikt.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^\| KS \| \\\(levert, ufullstendig\\\) \|", overview, re.M)) == len(found)
    _, paper, _ = invoke("report", "meeting", "--committee", "NUIT", "--date", "2021-11-25", "--path", str(portfolio))
    assert "Alle tiltak som skulle rapportere, har rapportert." not in paper


def test_a_word_form_round_trips(portfolio: Path) -> None:
    written = open_round(portfolio, "--format", "docx")
    form = portfolio / "skjema" / ROUND / "skjema-helse-vest-rhf.docx"
    assert form in written and not forms_of([p for p in written if p.suffix == ".xlsx"])
    document = docx.Document(str(form))
    wanted = {}
    cells = {}
    for table in document.tables:
        for row in table.rows:
            key = "".join(r.text for p in row.cells[0].paragraphs for r in p.runs if r.font.hidden)
            if key:
                cells[key] = row.cells
    for ident, segment in (("heliks", "koordinere"), ("alle-moter", "observere")):
        rows = [c for k, c in cells.items() if re.fullmatch(rf"{ident}\|dependencies\|\d+", k)]
        prefilled = [c[1].text for c in rows if c[1].text]
        data = answers(ident, segment, prefilled)
        cells[f"{ident}|date"][1].text = "10.11.2021"
        for name, value in data.items():
            if name == "date":
                continue
            if isinstance(value, str):
                cells[f"{ident}|{name}"][1].text = value
            for index, item in enumerate(value if isinstance(value, list) else []):
                for column, text in enumerate(item.values() if isinstance(item, dict) else [item], start=1):
                    cells[f"{ident}|{name}|{index}"][column].text = text
        wanted[ident] = data
    cells["digital-patologi-helse-vest|date"][1].text = "i morgen"
    document.save(str(form))
    code, _, err = invoke("status", "collect", str(form), "--path", str(portfolio))
    assert code == 2
    place = re.search(r"^(\S+\.docx:tabell \d+, rad \d+, kolonne 2): «i morgen» er ikke en dato", err, re.M)
    assert place, err
    cells["digital-patologi-helse-vest|date"][1].text = "2021-11-09"
    document.save(str(form))
    code, _, err = invoke("status", "collect", str(form), "--path", str(portfolio))
    assert code == 0, err
    found = reports(portfolio)
    for ident, data in wanted.items():
        assert found[ident] == StatusReport.model_validate(data), ident
    assert found["digital-patologi-helse-vest"].date == datetime.date(2021, 11, 9)


def test_what_is_not_a_form_is_refused(portfolio: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.save(tmp_path / "annet.xlsx")
    (tmp_path / "notat.txt").write_text("x", encoding="utf-8")
    code, _, err = invoke(
        "status", "collect", str(tmp_path / "annet.xlsx"), str(tmp_path / "notat.txt"), "--path", str(portfolio)
    )
    assert code == 2
    assert f"{tmp_path / 'annet.xlsx'}: er ikke et statusskjema fra ehp status open" in err
    assert f"{tmp_path / 'notat.txt'}: «.txt» er ikke et skjema" in err
    code, _, err = invoke("status", "open", "2021-nuit-9", "--deadline", DEADLINE, "--path", str(portfolio))
    assert code == 2 and "runden «2021-nuit-9» er ikke et møte i kalenderen" in err
    code, _, err = invoke("status", "open", ROUND, "--deadline", "11.11.2021", "--path", str(portfolio))
    assert code == 2 and "--deadline" in err
    code, out, err = invoke("status", "open", ROUND, "--deadline", "2021-12-01", "--path", str(portfolio))
    assert code == 2 and out == "" and not (portfolio / "skjema").exists()
    assert "--deadline: fristen 2021-12-01 er etter møtet den gjelder, NUIT 4/2021 (2021-11-25)" in err


def test_the_collect_page_shows_the_real_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/commands/status-collect.md's examples, run as shown in a folder holding the shipped portfolio: Helse Vest's
    form filled in with a bad date (in HELIKS's second dependency), then with the date corrected and KS's form returned
    empty."""
    page = (ROOT / "docs" / "commands" / "status-collect.md").read_text(encoding="utf-8")
    examples = re.findall(r"```text\n\$ (ehp status collect .*?)\n(.*?)```", page, re.S)
    assert len(examples) == 2
    shutil.copytree(ROOT / "portfolio", tmp_path / "portfolio")
    shutil.rmtree(tmp_path / "portfolio" / "status", ignore_errors=True)
    monkeypatch.chdir(tmp_path)
    assert invoke("status", "open", ROUND, "--deadline", DEADLINE).code == 0
    form = Path("portfolio/skjema") / ROUND / "skjema-helse-vest-rhf.xlsx"
    fill_xlsx(form)
    for date, (command, shown) in zip(("31.02.2022", "01.03.2022"), examples, strict=True):
        set_cell(form, "heliks|dependencies|1", date, column=5)
        _, out, err = invoke(*command.split()[1:])
        assert (out + err).splitlines() == shown.splitlines(), command


def set_meta(path: Path, name: str, value: str) -> None:
    """Edit a line of the form's hidden identity, the `ehp` sheet, as someone who unhides it might."""
    book = openpyxl.load_workbook(path)
    sheet = book["ehp"]
    (row,) = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == name]
    sheet.cell(row, 2).value = value
    book.save(path)


def test_an_edited_identity_or_row_key_is_refused_never_trusted_nor_dropped(portfolio: Path) -> None:
    folder = portfolio / "skjema" / ROUND
    open_round(portfolio)
    ks, helse_vest = folder / "skjema-ks.xlsx", folder / "skjema-helse-vest-rhf.xlsx"
    fill_xlsx(ks)
    # KS's form, edited to write Helse Vest's reports: the form id no longer matches what it names
    set_meta(ks, "initiatives", "heliks")
    code, out, err = invoke("status", "collect", str(ks), "--path", str(portfolio))
    assert code == 2 and out == ""
    assert f"{ks}:ehp: skjemaets skjulte identitet er endret" in err
    # the same, with the form id computed again as ehp does: the initiative belongs to another owner
    set_meta(ks, "form", form_id(ROUND, "KS", DEADLINE, ["heliks"]))
    code, out, err = invoke("status", "collect", str(ks), "--path", str(portfolio))
    assert code == 2 and out == ""
    assert f"{ks}:ehp: skjemaet ble sendt til KS, men gjelder tiltak med en annen eier: heliks (Helse Vest RHF)" in err
    assert not (portfolio / "status").exists()
    # an answer in a row whose hidden key was changed is refused at its cell, not dropped
    fill_xlsx(helse_vest)
    book = openpyxl.load_workbook(helse_vest)
    sheet = book["Rapport"]
    row = rows_by_key(sheet)["heliks|actions|0"]
    sheet.cell(row, 1).value = "heliks|tiltak|0"
    book.save(helse_vest)
    code, out, err = invoke("status", "collect", str(helse_vest), "--path", str(portfolio))
    assert code == 2 and out == ""
    assert f"{helse_vest}:Rapport!C{row}: svar i en rad skjemaet ikke spør om («heliks|tiltak|0»)" in err
    # "none to report" takes "ja" (or left empty), nothing else
    open_round(portfolio, "--out", str(portfolio / "igjen"))
    again = portfolio / "igjen" / "skjema-helse-vest-rhf.xlsx"
    set_cell(again, "heliks|actions|none", "nei")
    code, _, err = invoke("status", "collect", str(again), "--path", str(portfolio))
    assert code == 2
    assert f"{cell_of(again, 'heliks|actions|none')}: «nei» kan ikke stå i «Ingen å melde»" in err


def test_the_list_of_who_reports_escapes_what_owners_wrote(portfolio: Path) -> None:
    path = portfolio / "initiatives" / "heliks.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("owner: Helse Vest RHF", "owner: Helse *Vest* | RHF"))
    open_round(portfolio)
    overview = (portfolio / "skjema" / ROUND / "oversikt.md").read_text(encoding="utf-8")
    (row,) = [line for line in overview.splitlines() if "`heliks`" in line or "| heliks |" in line]
    assert row.startswith("| Helse \\*Vest\\* \\| RHF | skjema-helse-vest-rhf.xlsx | heliks |")
    assert row.count(" | ") == 6  # seven cells: the owner's bar does not make another


def test_an_answer_in_a_row_without_its_key_or_beside_the_answer_cells_is_refused_at_its_cell(portfolio: Path) -> None:
    open_round(portfolio)
    form = portfolio / "skjema" / ROUND / "skjema-direktoratet-for-e-helse.xlsx"
    fill_xlsx(form)
    book = openpyxl.load_workbook(form)
    sheet = book["Rapport"]
    keys = rows_by_key(sheet)
    progress, risk = keys["akson-forberedelse|progress"], keys["akson-forberedelse|risks|0"]
    sheet.cell(progress, 1).value = None  # Excel's "clear" over the hidden column, the answer still there
    sheet.cell(risk, 6).value = "ved siden av"  # a fourth cell beside a risk's three
    sheet.cell(risk + 1, 7).value = "langt ute"  # past the answer columns
    book.save(form)
    code, out, err = invoke("status", "collect", str(form), "--path", str(portfolio))
    assert code == 2 and out == "" and not (portfolio / "status").exists()
    lines = err.splitlines()
    assert f"{form}:Rapport!C{progress}: svar i en rad uten skjult nøkkel: raden hører ikke til skjemaet" in err
    assert any(line.startswith(f"{form}:Rapport!F{risk}: svar utenfor radens svarceller") for line in lines), err
    assert any(line.startswith(f"{form}:Rapport!G{risk + 1}: svar utenfor radens svarceller") for line in lines), err


def test_a_word_answer_whose_hidden_key_was_cleared_is_refused_not_dropped(portfolio: Path) -> None:
    open_round(portfolio, "--format", "docx")
    form = portfolio / "skjema" / ROUND / "skjema-ks.docx"
    document = docx.Document(str(form))
    for table in document.tables:
        for row in table.rows:
            runs = [r for p in row.cells[0].paragraphs for r in p.runs if r.font.hidden]
            if runs and runs[0].text == "nasjonalt-prosjekt-digihelse|progress":
                row.cells[1].text = "Fremdrift som ikke må forsvinne"
                runs[0].font.hidden = False  # Word's "clear formatting": the key shows, and is no key
    document.save(str(form))
    code, _, err = invoke("status", "collect", str(form), "--path", str(portfolio))
    assert code == 2 and "kolonne 2: svar i en rad uten skjult nøkkel" in err
    assert not (portfolio / "status").exists()


def test_line_breaks_are_kept_and_control_characters_refused_at_their_cell(portfolio: Path) -> None:
    open_round(portfolio)
    folder = portfolio / "skjema" / ROUND
    ks, direktoratet = folder / "skjema-ks.xlsx", folder / "skjema-direktoratet-for-e-helse.xlsx"
    set_cell(ks, "nasjonalt-prosjekt-digihelse|progress", "linje 1\r\nlinje 2\u2028linje 3")
    set_cell(direktoratet, "akson-forberedelse|progress", "høyre\u202etil venstre")
    code, out, err = invoke("status", "collect", "--partial", str(ks), str(direktoratet), "--path", str(portfolio))
    assert code == 2
    where = cell_of(direktoratet, "akson-forberedelse|progress")
    assert f"{where}: cellen har kontrolltegnet U+202E, som ikke kan stå i en statusrapport" in err
    assert reports(portfolio)["nasjonalt-prosjekt-digihelse"].progress == "linje 1\nlinje 2\nlinje 3"
    assert f"Ikke samlet inn (1): {direktoratet}" in err


def test_a_damaged_workbook_is_a_message_and_partial_collects_the_rest(portfolio: Path) -> None:
    open_round(portfolio)
    folder = portfolio / "skjema" / ROUND
    ks, helse_vest = folder / "skjema-ks.xlsx", folder / "skjema-helse-vest-rhf.xlsx"
    set_cell(helse_vest, "heliks|actions|0", "PLACEHOLDER")
    broken = folder / "broken.xlsx"
    with zipfile.ZipFile(helse_vest) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():  # a raw control character in the sheet's XML: not well-formed
            target.writestr(item, source.read(item.filename).replace(b"PLACEHOLDER", b"bell\x07"))
    code, out, err = invoke("status", "collect", "--partial", str(broken), str(ks), str(ks), "--path", str(portfolio))
    assert code == 2 and "Traceback" not in err
    assert f"{broken}: kan ikke leses som Excel-arbeidsbok" in err
    assert "levert to ganger" not in err  # one file named twice is read once
    assert sorted(Path(line).stem for line in out.splitlines()) == sorted(reports(portfolio)) != []


def test_a_dependency_check_would_find_unknown_is_refused_at_its_cell(portfolio: Path) -> None:
    open_round(portfolio)
    form = portfolio / "skjema" / ROUND / "skjema-helse-vest-rhf.xlsx"
    fill_xlsx(form)
    set_cell(form, "heliks|dependencies|0", "kjernjournal")  # a typo of a national solution
    set_cell(form, "heliks|dependencies|1", "heliks")  # itself
    code, _, err = invoke("status", "collect", str(form), "--path", str(portfolio))
    assert code == 2 and not (portfolio / "status").exists()
    unknown = cell_of(form, "heliks|dependencies|0")
    assert f"{unknown}: avhengigheten «kjernjournal» er verken et tiltak" in err and "«kjernejournal»?" in err
    assert f"{cell_of(form, 'heliks|dependencies|1')}: tiltaket «heliks» avhenger av seg selv" in err


def test_a_date_a_year_or_more_from_the_meeting_is_refused(portfolio: Path) -> None:
    code, _, err = invoke("status", "open", ROUND, "--deadline", "2001-01-01", "--path", str(portfolio))
    assert code == 2 and "--deadline: fristen 2001-01-01 er mer enn et år før møtet den gjelder" in err
    open_round(portfolio)
    form = portfolio / "skjema" / ROUND / "skjema-ks.xlsx"
    fill_xlsx(form)
    set_cell(form, "nasjonalt-prosjekt-digihelse|date", datetime.date(9999, 12, 31))
    code, _, err = invoke("status", "collect", str(form), "--path", str(portfolio))
    assert code == 2 and not (portfolio / "status").exists()
    where = cell_of(form, "nasjonalt-prosjekt-digihelse|date")
    assert f"{where}: datoen 9999-12-31 ligger mer enn et år fra møtet, NUIT 4/2021 (2021-11-25)" in err


def test_a_file_that_is_no_zip_or_no_word_document_is_said_so_in_norwegian(portfolio: Path, tmp_path: Path) -> None:
    (tmp_path / "tekst.xlsx").write_text("ikke et regneark", encoding="utf-8")
    workbook = tmp_path / "regneark.docx"
    openpyxl.Workbook().save(workbook)  # a zip, but a workbook named as a Word document
    code, _, err = invoke("status", "collect", str(tmp_path / "tekst.xlsx"), str(workbook), "--path", str(portfolio))
    assert code == 2 and "object at 0x" not in err
    assert f"{tmp_path / 'tekst.xlsx'}: kan ikke leses som Excel-arbeidsbok (.xlsx): filen er ikke en zip-fil" in err
    assert f"{workbook}: kan ikke leses som et Word-dokument (.docx): filen er ikke et Word-dokument" in err
