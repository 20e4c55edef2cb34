"""ehp report benefits, and the benefits on the fact sheet: the members' benefits by the strategy goal they serve,
those past their target date and short of target flagged first, in Markdown, HTML (a small line per benefit, with its
course in words as its text alternative) and Word; only members of the portfolio on the date; user text made harmless.

Snapshots live in tests/snapshots/; run with EHP_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, OBSERVERE, SAMSTYRE, SAMSTYRE_STATUS, calendar_portfolio
from test_consequence_report import word_text
from test_contexts import shipped, snapshot
from typer.testing import CliRunner

from ehportfolio.cli.app import app

__all__ = ["shipped"]  # the fixture, shared with test_contexts
SVG = "{http://www.w3.org/2000/svg}"
DATE = "2021-11-25"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("benefits.nb.md", []),
        ("benefits.en.md", ["--lang", "en"]),
        ("benefits.nn.html", ["-f", "html", "--lang", "nn"]),
    ],
)
def test_snapshots(shipped: Path, name: str, args: list[str]) -> None:
    code, out, err = invoke("report", "benefits", "--date", DATE, *args, "--path", str(shipped))
    assert code == 0, err
    snapshot(name, out)


def test_snapshot_of_the_word_report(shipped: Path) -> None:
    result = CliRunner().invoke(app, ["report", "benefits", "-f", "docx", "--date", DATE, "--path", str(shipped)])
    assert result.exit_code == 0, result.stderr
    snapshot("benefits.nb.docx.txt", word_text(result.stdout_bytes))


def test_the_benefit_past_its_date_comes_first_in_its_goal_and_is_flagged(shipped: Path) -> None:
    code, out, _ = invoke("report", "benefits", "--date", DATE, "--path", str(shipped))
    section = out.split("## 2.2 ")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| Legemiddelprogrammet")]
    assert len(rows) == 2
    assert "Mindre tid går med" in rows[0] and "**⚠ måldatoen er passert uten at målet er nådd**" in rows[0]
    assert "⚠" not in rows[1] and "| 12 prosent | mot målet |" in rows[1]
    assert "⚠ 1 gevinst har passert måldatoen uten å nå målet, og står først." in section
    # before its target date, nothing is flagged; without a date, nothing is held against one
    _, early, _ = invoke("report", "benefits", "--date", "2021-05-31", "--path", str(shipped))
    assert "⚠" not in early and "| 9,5 prosent | mot målet |" in early
    _, undated, _ = invoke("report", "benefits", "--path", str(shipped))
    assert "⚠" not in undated and "Rapporten har ingen dato (--date)" in undated


def test_the_fact_sheet_shows_each_benefit_with_its_values_and_trend(shipped: Path) -> None:
    code, out, err = invoke("report", "initiative", "legemiddelprogrammet", "--date", DATE, "--path", str(shipped))
    assert code == 0, err
    section = out.split("## Gevinster")[1].split("\n## ")[0]
    assert "| 7 prosent (2021-02-04); 9,5 prosent (2021-04-29); 12 prosent (2021-09-09) | mot målet |" in section
    assert "**⚠ måldatoen er passert uten at målet er nådd**: mot målet |" in section
    assert "Sykehusenes kurvesystemer leser ikke legemiddellisten ennå" in section  # the last obstacles named
    # a fact sheet of an initiative without benefits has no such section
    _, other, _ = invoke("report", "initiative", "digihelse-fase-2", "--path", str(shipped))
    assert "Gevinster" not in other


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(found) for found in re.findall(r'<svg [^>]*class="benefit".*?</svg>', html, re.S)]


def test_the_html_draws_each_benefit_as_a_line_with_its_target_and_a_text_alternative(shipped: Path) -> None:
    args = ("--date", DATE, "-f", "html", "--path", str(shipped))
    _, sheet, _ = invoke("report", "initiative", "legemiddelprogrammet", *args)
    lists, reconcile = _svgs(sheet)
    for svg in (lists, reconcile):
        assert svg.get("role") == "img" and svg.get("aria-label") == svg.findtext(f"{SVG}title")
        assert len(svg.findall(f"{SVG}line")) == 1  # the target
    assert lists.get("aria-label") == (
        "Fra 5 prosent til 60 prosent innen 2023-12-31. Målt: 7 (2021-02-04); 9,5 (2021-04-29); 12 (2021-09-09). "
        "Utvikling: mot målet."
    )
    assert str(reconcile.get("aria-label")).endswith("Måldatoen er passert uten at målet er nådd.")
    # the baseline and three values: four points, rising towards a target above them (SVG's y grows downwards)
    points = [float(c.get("cy") or 0) for c in lists.findall(f"{SVG}circle")]
    target = float(lists.find(f"{SVG}line").get("y1") or 0)  # type: ignore[union-attr]
    assert len(points) == 4 and points == sorted(points, reverse=True) and target < min(points)
    # a reduction: the target line lies below the baseline's point
    first = float(reconcile.findall(f"{SVG}circle")[0].get("cy") or 0)
    assert float(reconcile.find(f"{SVG}line").get("y1") or 0) > first  # type: ignore[union-attr]
    _, report, _ = invoke("report", "benefits", *args)
    assert len(_svgs(report)) == 4


MEMBER = SAMSTYRE + (
    'benefits:\n  - id: andel\n    description: Flere digitale henvendelser\n    goal: "5.1"\n'
    "    indicator:\n      unit: prosent\n      baseline: 10\n      target: 40\n      target_date: 2021-06-30\n"
    "    responsible: Helsedirektoratet\n"
)


def test_only_members_on_the_date_are_in_the_report(tmp_path: Path) -> None:
    proposal = MEMBER.replace("name: Felles", "name: Forslag").replace("segment: samstyre\n", "")
    withdrawn = MEMBER.replace("name: Felles", "name: Trukket").replace("status: active", "") + "status: withdrawn\n"
    root = calendar_portfolio(
        tmp_path / "p",
        {"2021-nuit-1/felles": SAMSTYRE_STATUS + "benefits:\n  - id: andel\n    value: 41\n"},
        felles=MEMBER,
        forslag=proposal,
        trukket=withdrawn,
        innforing=OBSERVERE,
    )
    code, out, err = invoke("report", "benefits", "--date", "2021-12-31", "--path", str(root))
    assert code == 0, err
    assert "| Felles |" in out and "Forslag" not in out and "Trukket" not in out
    assert "1 gevinst i 1 tiltak; 0 har passert måldatoen uten å nå målet." in out
    assert "| 41 prosent | mot målet |" in out  # reached: not flagged though past its date
    assert ACTORS  # the test portfolio's actors own them all


HOSTILE = '<b>&amp;</b> | "x" `y`'


def test_user_text_is_escaped_in_the_svg_and_the_page(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path / "p",
        felles=MEMBER.replace("unit: prosent", f"unit: '{HOSTILE}'").replace(
            "description: Flere digitale henvendelser", f"description: '{HOSTILE}'"
        ),
    )
    code, out, err = invoke("report", "benefits", "-f", "html", "--path", str(root))
    assert code == 0, err
    assert "<b>" not in out
    [svg] = _svgs(out)
    assert HOSTILE in str(svg.get("aria-label"))


def test_a_portfolio_without_benefits_says_so(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    for fmt, words in (("markdown", "Ingen tiltak i porteføljen har oppgitt gevinster"), ("html", "gevinster")):
        code, out, err = invoke("report", "benefits", "-f", fmt, "--path", str(root))
        assert code == 0, err
        assert words in out and "<svg" not in out
