"""The shipped 2020 portfolio reproduces table 5.2 of the report, and portfolios load file by file."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import VALID, build_file_tree
from typer.testing import CliRunner

from ehportfolio.cli.app import app
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]
TABLE = Path(__file__).parents[1] / "fixtures" / "table-5.2.tsv"
LETTERS = {"S": "samstyre", "K": "koordinere", "O": "observere", "I": "inspirere"}
OWNER_FIXES = {"Hesledirektoratet": "Helsedirektoratet", "Oslo Kommune": "Oslo kommune"}


def table_rows() -> list[dict[str, str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()[1:]
    rows = []
    for line in lines:
        focus, name, owner, letter, comment = line.split("\t")
        rows.append(
            {
                "focus": focus.split()[0],
                "name": name,
                "owner": OWNER_FIXES.get(owner, owner),
                "segment": LETTERS[letter],
                "comment": comment,
            }
        )
    return rows


def test_the_checklist_reproduces_every_segment_of_table_5_2() -> None:
    result = CliRunner().invoke(app, ["segment", str(ROOT / "portfolio"), "--format", "json"])
    assert result.exit_code == 0, result.output
    by_name = {record["name"]: record for record in json.loads(result.stdout)}
    rows = table_rows()
    assert len(rows) == 55 and len(by_name) == 55
    for row in rows:
        record = by_name[row["name"]]
        assert record["included"] is True, row["name"]
        assert record["segment"] == row["segment"], row["name"]
        assert record["recorded_segment"] == row["segment"], row["name"]
        assert record["missing"] == []
    counts = {s: sum(1 for r in by_name.values() if r["segment"] == s) for s in LETTERS.values()}
    assert counts == {"samstyre": 30, "koordinere": 11, "observere": 6, "inspirere": 8}


def test_shipped_files_carry_owner_focus_area_and_evidence_from_the_table() -> None:
    portfolio = load_portfolio(str(ROOT / "portfolio"))
    assert portfolio.problems == ()
    by_name = {entry.initiative.name: entry.initiative for entry in portfolio.entries}
    for row in table_rows():
        initiative = by_name[row["name"]]
        assert initiative.owner == row["owner"]
        assert initiative.focus_area == row["focus"]
        assert initiative.evidence and row["comment"] in initiative.evidence
    owners = {i.owner for i in by_name.values()}
    assert "Hesledirektoratet" not in owners and "Helsedirektoratet" in owners


def test_shipped_taxonomy_marks_the_cut_off_names() -> None:
    portfolio = load_portfolio(str(ROOT / "portfolio"))
    assert portfolio.context.taxonomy is not None
    areas = {a.code: a for a in portfolio.context.taxonomy.focus_areas}
    assert set(areas) == {"1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.1", "4.3", "5.1"}
    assert areas["2.1"].truncated and areas["2.1"].name == "Sikre planlegging og kontinuitet i ansvars-ove"
    assert not areas["4.1"].truncated


def test_a_bad_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"good.yaml": VALID, "bad.yaml": "name: [\n", "Bad_Id.yaml": VALID})
    portfolio = load_portfolio(str(tmp_path))
    assert [e.id for e in portfolio.entries] == ["good"]
    assert portfolio.unreadable == sorted([str(tmp_path / "Bad_Id.yaml"), str(tmp_path / "bad.yaml")])
