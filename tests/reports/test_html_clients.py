"""The HTML reports checked by the programs that judge HTML: the Nu HTML Checker (vnu) finds no errors in any kind
of report or in any page of a site, and axe-core, run in headless Chromium at 1280 and 390 px, finds no WCAG 2.1 A
or AA violation.

The clients come from `.ci/run`: Java (Debian's `default-jre-headless`) and the npm packages `vnu-jar`, `axe-core`
and `puppeteer-core` in `.ci/clients`, with Debian's `chromium`. Without one of them its test is skipped, and says
which client is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import invoke
from test_contexts import shipped

__all__ = ["shipped"]  # the fixture, shared with test_contexts
ROOT = Path(__file__).parents[2]
MODULES = ROOT / ".ci" / "clients" / "node_modules"
VNU = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = Path(__file__).parent / "clients" / "axe.cjs"
JAVA = shutil.which("java")
NODE = shutil.which("node")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
KINDS = {
    "overview": ["overview"],
    "initiative": ["initiative", "helseplattformen", "--date", "2021-12-31"],
    "meeting": ["meeting", "--committee", "NUIT", "--date", "2021-05-06"],
    "meeting-en": ["meeting", "--committee", "NUIT", "--date", "2021-02-11", "--lang", "en"],
    "definition": ["definition", "--year", "2021", "--date", "2021-12-31"],
    "roadmap": ["roadmap", "--date", "2021-11-25"],
    "benefits": ["benefits", "--date", "2021-11-25"],
    "knowledge": ["knowledge"],
}


SEGMENT_PAGES = {
    f"segments-{ident}": ["initiative", ident, "--date", "2021-12-31"]
    for ident in ("legemiddelprogrammet", "helseplattformen", "hmn-lab", "alle-moter", "digi-ung")
}
SEGMENT_PAGES["segments-overview"] = ["overview", "--date", "2021-12-31"]


def _missing(*needed: tuple[object, str]) -> str:
    return ", ".join(name for found, name in needed if not found)


@pytest.fixture(scope="module")
def pages(shipped: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every kind of HTML report, and a whole site, rendered from the shipped portfolio: by kind, its pages."""
    out = tmp_path_factory.mktemp("html")
    found: dict[str, list[Path]] = {}
    for name, args in KINDS.items():
        code, _, err = invoke("report", *args, "-f", "html", "--out", str(out / name), "--path", str(shipped))
        assert code == 0, err
        found[name] = sorted((out / name).glob("*.html"))
        assert len(found[name]) == 1, (name, found[name])
    # the meeting paper of the shipped portfolio itself, whose example rounds put the notice under its title
    args = ["meeting", "--committee", "NUIT", "--date", "2021-11-25", "--path", str(ROOT / "portfolio")]
    code, _, err = invoke("report", *args, "-f", "html", "--out", str(out / "examples"))
    assert code == 0, err
    found["examples"] = sorted((out / "examples").glob("*.html"))
    assert 'class="examples"' in found["examples"][0].read_text(encoding="utf-8")
    code, _, err = invoke("report", "site", "-f", "html", "--out", str(out / "site"), "--path", str(shipped))
    assert code == 0, err
    site = out / "site"
    found["site"] = [site / "index.html", site / "roadmap.html", site / "kunnskapsbank.html"]
    found["site"] += sorted((site / "initiatives").glob("*.html"))
    assert len(found["site"]) > 50
    # each segment's own content and an incomplete report, from the rounds of tests/fixtures/segments
    rounds = out / "segments-portfolio"
    shutil.copytree(ROOT / "portfolio", rounds, ignore=shutil.ignore_patterns("status"))
    shutil.copytree(ROOT / "tests" / "fixtures" / "segments", rounds / "status", ignore=shutil.ignore_patterns("*.md"))
    for name, args in SEGMENT_PAGES.items():
        code, _, err = invoke("report", *args, "-f", "html", "--out", str(out / name), "--path", str(rounds))
        assert code == 0, err
        found[name] = sorted((out / name).glob("*.html"))
    return found


def nu_errors(files: list[str]) -> list[str]:
    """The Nu HTML Checker's errors in `files`, each as `file:line: message`; the test is skipped without it."""
    missing = _missing((JAVA, "java (default-jre-headless)"), (VNU.is_file(), "the npm package vnu-jar"))
    if missing:
        pytest.skip(f"the Nu HTML Checker is not installed ({missing} missing; .ci/run installs it)")
    assert JAVA is not None
    run = subprocess.run(
        [JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors or run.returncode == 0, run.stderr[-2000:]
    return errors


def axe_violations(files: list[str]) -> dict[str, list[object]]:
    """axe-core's WCAG 2.1 A and AA violations at 1280 and 390 px, by file name, only the files with any; the test
    is skipped without axe."""
    missing = _missing(
        (NODE, "node"),
        (CHROMIUM, "chromium"),
        ((MODULES / "axe-core" / "axe.min.js").is_file(), "the npm package axe-core"),
        ((MODULES / "puppeteer-core").is_dir(), "the npm package puppeteer-core"),
    )
    if missing:
        pytest.skip(f"axe cannot run ({missing} missing; .ci/run installs it)")
    assert NODE is not None and CHROMIUM is not None
    run = subprocess.run(
        [NODE, str(AXE), str(MODULES), CHROMIUM, *files], capture_output=True, text=True, timeout=300, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout)
    assert sorted(found) == sorted(files)
    return {Path(file).name: v for file, v in found.items() if v}


def test_every_report_and_every_page_of_a_site_passes_the_nu_html_checker(pages: dict[str, list[Path]]) -> None:
    errors = nu_errors([str(p) for group in pages.values() for p in group])
    assert errors == [], errors[:20]


def test_reports_have_no_wcag_21_aa_violations_in_axe(pages: dict[str, list[Path]]) -> None:
    # every kind, and of a site the overview, the roadmap, the knowledge bank and two fact sheets (one with a
    # dependency graph): axe is slow
    site = pages["site"]
    sheets = [p for p in site if p.stem in ("helseplattformen", "legemiddelprogrammet")]
    files = [str(p) for name, group in pages.items() if name != "site" for p in group]
    files += [str(site[0]), str(site[1]), str(site[2]), *map(str, sheets)]
    assert axe_violations(files) == {}


def test_two_charts_in_one_page_share_no_id_and_carry_no_rdf_metadata() -> None:
    """Without the checkers: matplotlib names its groups `patch_1`, `text_1` in every figure; `svg` prefixes every
    id and every reference to one with the chart's own salt, drops the RDF metadata and adds a text alternative."""
    import re

    from ehportfolio.reports import charts

    first = charts.svg(charts.segment_chart(["A", "B"], [2, 3], "t"), "segments", 'Tiltak <per> "segment"')
    second = charts.svg(charts.focus_chart(["A"], [1], "t"), "focus")
    ids = [re.findall(r'\bid="([^"]+)"', s) for s in (first, second)]
    assert ids[0] and ids[1] and not set(ids[0]) & set(ids[1])
    for text, own in zip((first, second), ids, strict=True):
        assert "<metadata" not in text and "rdf:" not in text
        references = re.findall(r'(?:url\(#|href="#)([^")]+)', text)
        assert set(references) <= set(own)
    assert first.startswith('<svg xmlns:xlink="http://www.w3.org/1999/xlink" ')
    assert 'role="img" aria-labelledby="segments-title"><title id="segments-title">' in first
    assert "Tiltak &lt;per&gt; &#34;segment&#34;</title>" in first
    assert 'role="img"' not in second  # no label, no claim to be an image with a name
