"""`ehp export` carries each initiative's money per year, and `ehp import` reads it back."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import invoke
from test_import_export import SHIPPED, fresh_portfolio

from ehportfolio.store.portfolio import load_portfolio

MONEY = """\
finances:
  - year: 2025
    budget: 12500000
    own: 2500000
    state_funded: 6000000
    running_cost_effect: -300000
  - year: 2026
    budget: 8000000
"""
ENTRIES = [
    {"year": 2025, "budget": 12500000, "own": 2500000, "state_funded": 6000000, "running_cost_effect": -300000},
    {"year": 2026, "budget": 8000000},
]


def with_money(tmp_path: Path) -> Path:
    source = tmp_path / "fra"
    shutil.copytree(SHIPPED, source)
    journal = source / "initiatives" / "akson-journal.yaml"
    journal.write_text(journal.read_text(encoding="utf-8") + MONEY, encoding="utf-8")
    return source


def test_json_has_the_entries_with_whole_numbers_and_a_field_for_them(tmp_path: Path) -> None:
    code, out, err = invoke("export", "-f", "json", "--path", str(with_money(tmp_path)), "--lang", "nn")
    assert code == 0, err
    document = json.loads(out)
    rows = {row["id"]: row for row in document["initiatives"]}
    assert rows["akson-journal"]["finances"] == ENTRIES
    assert rows["helseplattformen"]["finances"] == []
    assert {"name": "finances", "title": "Økonomi per år", "type": "array"} in document["fields"]


def test_csv_and_the_workbook_have_a_json_array_in_the_column_after_goals(tmp_path: Path) -> None:
    source = with_money(tmp_path)
    _, out, _ = invoke("export", "--path", str(source))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert json.loads(rows["akson-journal"]["finances"]) == ENTRIES and rows["helseplattformen"]["finances"] == ""
    assert ",goals,finances," in out.splitlines()[0]
    table = tmp_path / "ut.xlsx"
    assert invoke("export", "-f", "xlsx", "-o", str(table), "--path", str(source), "--lang", "en")[0] == 0
    sheet = openpyxl.load_workbook(table).active
    header = [cell.value for cell in sheet[1]]
    column = header.index("Finances per year")
    assert header[column - 1] == "Goals"
    found = {row[0]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert json.loads(found["akson-journal"]) == ENTRIES and found["helseplattformen"] is None


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_import_reads_the_money_back(tmp_path: Path, fmt: str) -> None:
    table = tmp_path / f"ut.{fmt}"
    source = with_money(tmp_path)
    assert invoke("export", "--format", fmt, "--out", str(table), "--path", str(source))[0] == 0
    again = fresh_portfolio(tmp_path, "igjen")
    code, _, err = invoke("import", str(table), "--path", str(again))
    assert code == 0, err
    before = {e.id: e.initiative for e in load_portfolio(str(source)).entries}
    after = {e.id: e.initiative for e in load_portfolio(str(again)).entries}
    assert after["akson-journal"].finances == before["akson-journal"].finances
    assert after["akson-journal"].finances[0].running_cost_effect == -300000
