"""The HTML reports as a person sees them: opened in headless Chromium, screenshotted, with no console errors.

Needs Debian's `chromium` (.ci/run installs it); without it this test is skipped, and says so.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import shipped_with_test_rounds
from typer.testing import CliRunner

from ehportfolio.cli.app import app

ROOT = Path(__file__).parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--window-size=1200,1600",
]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: the browser test of HTML reports is skipped")
@pytest.mark.parametrize(
    "args",
    [["overview"], ["initiative", "helseplattformen", "--date", "2021-12-31"], ["roadmap", "--date", "2021-11-25"]],
)
def test_html_report_renders_in_chromium_without_console_errors(tmp_path: Path, args: list[str]) -> None:
    portfolio = tmp_path / "portfolio"
    shipped_with_test_rounds(portfolio)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["report", *args, "--format", "html", "--out", str(out), "--path", str(portfolio)])
    assert result.exit_code == 0, result.output
    (page,) = out.glob("*.html")
    screenshot = tmp_path / "page.png"
    assert CHROMIUM is not None
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={screenshot}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    assert console == [], console
    assert screenshot.stat().st_size > 20_000, "the screenshot is too small to show a rendered page"
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


ROADMAP_OWNER = "Helse Midt-Norge RHF"
CHOOSE = (
    "<script>var s = document.querySelector('select[name=owner]'); s.value = %r;"
    " s.form.dispatchEvent(new Event('change'));</script></body>"
)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: the browser test of HTML reports is skipped")
def test_the_roadmaps_filter_hides_the_other_owners_rows_and_closes_the_gaps(tmp_path: Path) -> None:
    import re
    import xml.etree.ElementTree as ET

    out = tmp_path / "out"
    args = ["report", "roadmap", "--format", "html", "--out", str(out), "--path", str(ROOT / "portfolio")]
    assert CliRunner().invoke(app, args).exit_code == 0
    page = out / "roadmap.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", CHOOSE % ROADMAP_OWNER), encoding="utf-8")
    assert CHROMIUM is not None
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", run.stdout, re.S).group(0))  # type: ignore[union-attr]
    rows = svg.findall("{http://www.w3.org/2000/svg}g[@class='roadmap-row']")
    shown = [r for r in rows if "display: none" not in (r.get("style") or "")]
    assert len(rows) > len(shown) >= 1
    assert {r.get("data-owner") for r in shown} == {ROADMAP_OWNER}
    # the first row shown moves up under its group's heading: no gap where the hidden rows were
    top, row, head = (int(svg.get(k) or 0) for k in ("data-top", "data-row", "data-head"))
    assert shown[0].get("transform") == f"translate(0,{top + head})"
    assert int(svg.get("height") or 0) == top + head + row * len(shown) + 6
    hidden_tr = re.findall(r'<tr data-id="[^"]*" data-owner="([^"]*)"[^>]*hidden', run.stdout)
    assert hidden_tr and ROADMAP_OWNER not in hidden_tr


MODULES = ROOT / ".ci" / "clients" / "node_modules"
SEARCH = Path(__file__).parent / "clients" / "search.cjs"
NODE = shutil.which("node")


@pytest.mark.skipif(
    CHROMIUM is None or NODE is None or not (MODULES / "puppeteer-core").is_dir(),
    reason="chromium, node or the npm package puppeteer-core is missing (.ci/run installs them): the browser test of "
    "the knowledge bank's search is skipped",
)
@pytest.mark.parametrize(
    ("lang", "word", "count"),
    [
        ("nb", "Nettbrett", "Viser 2 av 14 oppføringer."),
        ("en", "idea", "Showing 3 of 14 entries."),
        ("nn", "ingenting slikt", "Ingen oppføringar passar til søket."),
    ],
)
def test_the_knowledge_banks_search_leaves_only_the_matching_entries(
    tmp_path: Path, lang: str, word: str, count: str
) -> None:
    """Typed from the keyboard into the search field (the first thing Tab reaches), a word leaves only the entries
    that hold it, with their headings, and the live region says how many; clearing the field brings every entry
    back. The rounds are those of tests/fixtures/status and tests/fixtures/knowledge."""
    import json

    from test_knowledge_bank import FIXTURES, portfolio_with

    root = portfolio_with(tmp_path / "portfolio", FIXTURES / "status", FIXTURES / "knowledge")
    out = tmp_path / "out"
    args = ["report", "knowledge", "-f", "html", "--lang", lang, "--out", str(out), "--path", str(root)]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert NODE is not None and CHROMIUM is not None
    run = subprocess.run(
        [NODE, str(SEARCH), str(MODULES), CHROMIUM, str(out / "knowledge.html"), word],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout)
    assert seen["errors"] == []
    before, after, cleared = seen["before"], seen["after"], seen["cleared"]
    assert len(before["entries"]) == 14 and before["status"] in ("14 oppføringer.", "14 entries.", "14 oppføringar.")
    assert after["focused"] == "knowledge-query"
    assert after["entries"] == [e for e in before["entries"] if word.casefold() in e.casefold()]
    assert len(after["entries"]) < len(before["entries"])
    assert after["status"] == count
    assert len(after["headings"]) < len(before["headings"])  # goals and segments with nothing left are hidden
    assert cleared["entries"] == before["entries"] and cleared["status"] == before["status"]
