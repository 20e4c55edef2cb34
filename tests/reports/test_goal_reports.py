"""Reports on a portfolio on the 2023–2030 goals: counts by main goal, and every goal shown."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections import Counter
from pathlib import Path

from conftest import invoke
from helpers import goals_initiative, goals_portfolio

from ehportfolio.domain.goals import goals_of, main_goal
from ehportfolio.reports import contexts
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import load_portfolio

DAY = datetime.date(2026, 6, 1)


def portfolio(tmp_path: Path) -> Path:
    return goals_portfolio(
        tmp_path,
        a=goals_initiative("A", '["4", "2"]'),
        b=goals_initiative("B", '["2A", "4"]'),
        c=goals_initiative("C", '["4"]'),
        d=goals_initiative("D", '["2", "1", "4"]', owner="Helse Vest RHF"),
    )


def test_the_overview_counts_each_initiative_once_by_its_main_goal(tmp_path: Path) -> None:
    loaded = load_portfolio(str(portfolio(tmp_path)))
    overview = contexts.overview(contexts.prepare(loaded, load_cadence(), "nb", DAY))
    expected = Counter(main_goal(entry.initiative) for entry in loaded.entries)
    assert {row.code: row.count for row in overview.by_focus} == dict(expected)
    assert sum(row.count for row in overview.by_focus) == len(loaded.entries)
    names = {row.code: row.name for row in overview.by_focus}
    assert names["2A"] == "Testdelmål A" and all(row.known for row in overview.by_focus)
    rows = {row.id: row for group in overview.segments for row in group.rows}
    assert {i: rows[i].goals for i in rows} == {e.id: ", ".join(goals_of(e.initiative)) for e in loaded.entries}


def test_the_markdown_overview_and_the_definition_show_every_goal(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    code, out, _ = invoke("report", "overview", "--path", str(root))
    assert code == 0 and "| 2, 1, 4 | D (`d`)" in out
    assert "| 2A Testdelmål A | 1 |" in out
    code, out, _ = invoke("report", "definition", "--year", "2026", "--path", str(root))
    assert code == 0 and "| 2A, 4 | B (`b`)" in out


def test_the_fact_sheet_shows_the_main_goal_first_then_the_others(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    code, out, _ = invoke("report", "initiative", "b", "--path", str(root))
    assert code == 0
    assert "2A Testdelmål A (hovedmål); 4 Tilgjengelig informasjon og styrket samhandling" in out
    code, page, _ = invoke("report", "initiative", "b", "-f", "html", "--lang", "en", "--path", str(root))
    assert code == 0 and "(main goal); 4 Tilgjengelig" in page
    code, out, _ = invoke("report", "initiative", "c", "--path", str(root))
    assert code == 0 and "hovedmål" not in out  # one goal, shown as a focus area always was


def test_the_export_has_every_goal_main_goal_first(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    code, out, _ = invoke("export", "--path", str(root))
    assert code == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["d"]["goals"] == "2 1 4" and rows["d"]["focus_area"] == ""
    code, out, _ = invoke("export", "-f", "json", "--path", str(root))
    data = json.loads(out)
    assert {r["id"]: r["goals"] for r in data["initiatives"]}["b"] == ["2A", "4"]
    assert {"name": "goals", "title": "Mål", "type": "array"} in data["fields"]


def test_a_focus_area_counts_as_the_main_goal(tmp_path: Path) -> None:
    text = goals_initiative("E", '["4"]').replace('goals: ["4"]', 'focus_area: "2"')
    root = goals_portfolio(tmp_path, a=goals_initiative("A", '["2", "4"]'), e=text)
    loaded = load_portfolio(str(root))
    overview = contexts.overview(contexts.prepare(loaded, load_cadence(), "nb", DAY))
    assert [(row.code, row.count) for row in overview.by_focus] == [("2", 2)]


def test_the_word_fact_sheet_shows_every_goal(tmp_path: Path) -> None:
    import docx  # type: ignore[import-untyped]

    root = portfolio(tmp_path / "p")
    code, _, err = invoke(
        "report", "initiative", "d", "-f", "docx", "--out", str(tmp_path / "out"), "--path", str(root)
    )
    assert code == 0, err
    document = docx.Document(str(tmp_path / "out" / "d.docx"))
    shown = " ".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "2 Enklere arbeidshverdag (hovedmål); 1 Aktiv medvirkning i egen og næres helse; 4 Tilgjengelig" in shown
