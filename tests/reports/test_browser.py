"""The HTML reports as a person sees them: opened in headless Chromium, screenshotted, with no console errors.

Needs Debian's `chromium` (.ci/run installs it); without it this test is skipped, and says so.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
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
@pytest.mark.parametrize("args", [["overview"], ["initiative", "helseplattformen", "--date", "2021-12-31"]])
def test_html_report_renders_in_chromium_without_console_errors(tmp_path: Path, args: list[str]) -> None:
    portfolio = tmp_path / "portfolio"
    shutil.copytree(ROOT / "portfolio", portfolio)
    shutil.copytree(
        Path(__file__).parents[1] / "fixtures" / "status", portfolio / "status", ignore=shutil.ignore_patterns("*.md")
    )
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
