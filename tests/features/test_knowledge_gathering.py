"""The knowledge bank's gathering (features/knowledge.py): what each report gives, in which segment, and what is left
out."""

from __future__ import annotations

import shutil
from pathlib import Path

from ehportfolio.features.knowledge import lessons
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]
KNOWLEDGE = Path(__file__).parents[1] / "fixtures" / "knowledge"


def test_each_report_gives_its_entries_in_the_segment_of_its_round(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    shutil.copytree(ROOT / "portfolio", root)
    shutil.rmtree(root / "status", ignore_errors=True)
    shutil.copytree(KNOWLEDGE, root / "status", ignore=shutil.ignore_patterns("*.md"))
    # a folder that is no meeting of the calendar: the segment on the report's date; and an initiative the portfolio
    # does not have: left out
    (root / "status" / "ekstra").mkdir()
    (root / "status" / "ekstra" / "hmn-lab.yaml").write_text(
        "date: 2021-12-01\nexperience: Lærte mye\nrisks:\n  - risk: Noe kan gå galt\n", encoding="utf-8"
    )
    (root / "status" / "ekstra" / "ukjent.yaml").write_text("date: 2021-12-01\nexperience: Ingen vet\n", "utf-8")
    found = lessons(load_portfolio(str(root), statuses=True), load_cadence())
    by_kind = sorted((x.initiative, x.kind, x.round, x.segment, x.goal) for x in found)
    assert by_kind == [
        ("alle-moter", "experience", "2021-nufa-2", "observere", "4.1"),
        ("alle-moter", "obstacles", "2021-nufa-2", "observere", "4.1"),
        ("alle-moter", "risk", "2021-nufa-2", "observere", "4.1"),
        ("digi-ung", "idea", "2021-nufa-2", "inspirere", "4.3"),
        ("digi-ung", "idea", "2021-nufa-2", "inspirere", "4.3"),
        ("hmn-lab", "experience", "ekstra", "observere", "1.1"),
        ("hmn-lab", "risk", "ekstra", "observere", "1.1"),
        ("legemiddelprogrammet", "experience", "2021-nuit-4", "samstyre", "2.2"),  # no risks: Samstyre
        ("primaerhelseteam", "experience", "2021-nufa-2", "inspirere", "2.1"),
        ("primaerhelseteam", "idea", "2021-nufa-2", "inspirere", "2.1"),  # the empty idea left out
        ("regional-ambulansjournal", "experience", "2021-nufa-2", "observere", "1.1"),
        ("regional-ambulansjournal", "obstacles", "2021-nufa-2", "observere", "1.1"),
        ("regional-ambulansjournal", "risk", "2021-nufa-2", "observere", "1.1"),
    ]
    extra = [x for x in found if x.round == "ekstra"]
    assert all(x.meeting is None for x in extra)
    (risk,) = [x for x in found if x.initiative == "alle-moter" and x.kind == "risk"]
    assert risk.consequence.startswith("Det siste helseforetaket") and risk.action.startswith("Felles krav")
    assert risk.meeting is not None and risk.meeting.label == "NUFA 2/2021"


def test_a_portfolio_without_status_reports_gives_none(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "portfolio", tmp_path / "portfolio")
    shutil.rmtree(tmp_path / "portfolio" / "status", ignore_errors=True)
    assert lessons(load_portfolio(str(tmp_path / "portfolio"), statuses=True), load_cadence()) == []
