"""ehp report roadmap reads the plan as it stood on --date: a status report's move of a planned date counts from the
report's date on, the tables name the original date beside the current one with the slippage against both, and the
HTML draws the original as a faint dashed outline. The shipped example: Helseplattformen's report of 2021-04-20
(round 2021-nuit-2, tests/fixtures/status) moves the end of gjennomføring from 2021-12-31 to 2022-03-31 and its first
milestone from 2021-11-01 to 2022-05-01."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import invoke
from test_contexts import shipped
from test_roadmap_report import SVG

__all__ = ["shipped"]  # the fixture, shared with test_contexts


def rows(markdown: str, name: str) -> list[list[str]]:
    """The table lines of one initiative, as cells."""
    return [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in markdown.splitlines()
        if line.startswith(f"| {name} | ")
    ]


def step(markdown: str, label: str) -> list[str]:
    [found] = [r for r in rows(markdown, "Helseplattformen") if r[1] == label]
    return found


@pytest.mark.parametrize("day", ["2021-04-19", "2021-01-01"])
def test_before_the_report_the_plan_is_the_files(shipped: Path, day: str) -> None:
    code, out, err = invoke("report", "roadmap", "--date", day, "--path", str(shipped))
    assert code == 0, err
    assert step(out, "gjennomføring")[2] == "2020-07-01 – 2021-12-31"
    assert step(out, "◆ Første helseforetak i drift")[2] == "2021-11-01"
    assert "opprinnelig" not in out


def test_from_the_report_on_the_moved_dates_count_and_the_original_is_named(shipped: Path) -> None:
    code, out, err = invoke("report", "roadmap", "--date", "2021-11-25", "--path", str(shipped))
    assert code == 0, err
    assert step(out, "gjennomføring")[2] == "2020-07-01 – 2022-03-31 (opprinnelig plan 2020-07-01 – 2021-12-31)"
    milestone = step(out, "◆ Første helseforetak i drift")
    assert milestone[2] == "2022-05-01 (opprinnelig plan 2021-11-01)"
    # not reached: on plan against the moved date, 24 days late against the original one
    assert milestone[4] == "0 (mot opprinnelig plan 24)"
    assert "2022-05-01, 0d" in out  # the gantt draws the current plan


def test_the_report_of_the_day_itself_counts(shipped: Path) -> None:
    code, out, _ = invoke("report", "roadmap", "--date", "2021-04-20", "--path", str(shipped), "--lang", "en")
    assert code == 0 and step(out, "gjennomføring")[2].startswith("2020-07-01 – 2022-03-31 (original plan ")


def test_the_html_draws_the_original_as_a_dashed_outline(shipped: Path) -> None:
    code, out, err = invoke("report", "roadmap", "-f", "html", "--date", "2021-11-25", "--path", str(shipped))
    assert code == 0, err
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", out, re.S).group(0))  # type: ignore[union-attr]
    originals = svg.findall(f".//{SVG}rect[@class='original']")
    assert len(originals) == 2  # the phase's original plan and the milestone's original date
    assert all(r.get("stroke-dasharray") and r.get("fill") == "none" for r in originals)
    titles = sorted(r.findtext(f"{SVG}title") or "" for r in originals)
    assert titles[0].endswith("2021-11-01") and "2020-07-01 – 2021-12-31" in titles[1]
    code, out, _ = invoke("report", "roadmap", "-f", "html", "--date", "2021-04-19", "--path", str(shipped))
    assert code == 0 and 'class="original"' not in out
