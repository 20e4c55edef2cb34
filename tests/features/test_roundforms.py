"""The pure part of a round's forms: who gets which form, what it asks, and the reports a filled form's cells give,
each problem at its cell (features/roundforms.py)."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from ehportfolio.features.calendar import members, rounds, survey
from ehportfolio.features.roundforms import Cell, Filled, plan_forms, read_reports, sections
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]
CADENCE = load_cadence()
DEADLINE = datetime.date(2021, 11, 11)


def test_one_form_per_owner_with_the_fields_of_each_segment(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    shutil.copytree(ROOT / "portfolio", root)
    shutil.rmtree(root / "status", ignore_errors=True)
    portfolio = load_portfolio(str(root), statuses=True)
    assert portfolio.context.settings is not None
    everyone = members(portfolio)
    found = rounds(portfolio.context.settings.calendar, CADENCE)
    [state] = survey([r for r in found if r.id == "2021-nuit-2"], everyone, portfolio.statuses, CADENCE)
    forms, filed = plan_forms(state, everyone, CADENCE, DEADLINE)
    assert not filed
    assert sum(len(f.initiatives) for f in forms) == len(state.due) == 41  # Samstyre and Koordinere report to NUIT
    assert [f.owner for f in forms] == sorted({f.owner for f in forms}, key=str.casefold)
    owners = {m.id: m.initiative.owner for m in everyone}
    for form in forms:
        assert all(owners[i.id] == form.owner for i in form.initiatives)
        assert form.name.startswith("skjema-") and form.id.startswith("2021-nuit-2-")
        for item in form.initiatives:
            assert item.fields == CADENCE.segments[item.segment].required
            assert item.segment in ("samstyre", "koordinere")
    heliks = next(i for f in forms for i in f.initiatives if i.id == "heliks")
    assert heliks.dependencies == ("legemiddelprogrammet", "program-for-kodeverk-og-terminologi")
    form = next(f for f in forms if any(i.id == "heliks" for i in f.initiatives))
    part = next(p for p in sections(form, CADENCE, "nb") if p.initiative.id == "heliks")
    assert [r.key for r in part.rows][:3] == ["heliks|date", "heliks|dependencies|head", "heliks|dependencies|0"]
    head = part.rows[1]
    assert "dependencies: []" not in head.question and head.question.startswith("Avhengighetene til andre tiltak")
    again, _ = plan_forms(state, everyone, CADENCE, DEADLINE)
    assert [f.id for f in again] == [f.id for f in forms]  # the same input gives the same form ids


def filled(rows: dict[str, list[str | None]]) -> Filled:
    cells = {
        key: tuple(Cell(value, f"f.xlsx:Rapport!{'CDEF'[i]}{n}") for i, value in enumerate(values))
        for n, (key, values) in enumerate(rows.items(), start=10)
    }
    return Filled("f.xlsx", {}, "f.xlsx:ehp", cells)


def test_cells_give_a_report_and_each_problem_names_its_cell() -> None:
    form = filled(
        {
            "x|date": ["1.2.2021"],
            "x|dependencies|0": ["heliks", "API", "31.12.2021", "i rute"],
            "x|dependencies|1": [None, None, None, None],
            "x|dependencies|none": [None],
            "x|actions|0": [None],
            "x|actions|none": ["Ja"],
        }
    )
    collected = read_reports(form, {"x": "koordinere"}, CADENCE)
    assert not collected.problems
    report = collected.reports["x"]
    assert report.date == datetime.date(2021, 2, 1) and report.actions == ()
    assert report.dependencies is not None and report.dependencies[0].by == datetime.date(2021, 12, 31)
    assert len(report.dependencies) == 1  # an empty row is no item
    bad = filled(
        {
            "x|date": [None],
            "x|dependencies|0": ["Heliks!", None, "snart", None],
            "x|actions|0": ["Møte"],
            "x|actions|none": ["ja"],
        }
    )
    collected = read_reports(bad, {"x": "koordinere"}, CADENCE)
    assert not collected.reports
    assert sorted((p.path, p.code) for p in collected.problems) == [
        ("f.xlsx:Rapport!C10", "status.collect.no_date"),
        ("f.xlsx:Rapport!C11", "bad_slug"),
        ("f.xlsx:Rapport!C13", "status.collect.none_and_rows"),
        ("f.xlsx:Rapport!E11", "bad_date_value"),
    ]
