"""ehp report roadmap: the shipped portfolio's example plans in Markdown (a Mermaid gantt whose lines hold), HTML (an
SVG with one element per initiative, bars and marks where the dates say, a line at --date, the late ones marked, and
a filter with its choices) and Word (a picture and a table per group); grouped by goal or by owner; user text that
would break Mermaid or HTML is made harmless.

Snapshots live in tests/snapshots/; run with EHP_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
import yaml
from conftest import invoke
from helpers import ACTORS, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree
from test_consequence_report import word_text
from test_contexts import shipped, snapshot
from typer.testing import CliRunner

from ehportfolio.cli.app import app

__all__ = ["shipped"]  # the fixture, shared with test_contexts
ROOT = Path(__file__).parents[2]
SVG = "{http://www.w3.org/2000/svg}"
DATE = "2021-11-25"
GANTT_TASK = re.compile(
    r"^  [^:#;\n]+ :(?:(?:crit|done|active|milestone|vert), )*[a-z0-9]+, \d{4}-\d\d-\d\d, (?:\d{4}-\d\d-\d\d|0d)$"
)


def planned_ids(root: Path) -> dict[str, dict[str, object]]:
    """The initiatives whose files record a plan, read without ehp: by id, their YAML."""
    found = {}
    for path in sorted((root / "initiatives").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("phases") or data.get("milestones"):
            found[path.stem] = data
    return found


def gantt(markdown: str) -> list[str]:
    block = re.search(r"```mermaid\n(.*?)```", markdown, re.S)
    assert block, markdown
    return block.group(1).splitlines()


def assert_gantt_holds(lines: list[str]) -> None:
    """Mermaid's gantt grammar, as far as this report uses it: a header, then sections and tasks, each task with a
    unique id and dates in order."""
    assert lines[:3] == ["gantt", "  dateFormat YYYY-MM-DD", "  axisFormat %Y"]
    ids = []
    for line in lines[3:]:
        if line.startswith("  section "):
            assert ":" not in line and "#" not in line and ";" not in line, line
            continue
        assert GANTT_TASK.match(line), line
        fields = line.rsplit(":", 1)[1].split(", ")
        ids.append(fields[-3])
        if fields[-1] != "0d":
            assert fields[-2] <= fields[-1], line
    assert len(ids) == len(set(ids))


def test_the_markdown_has_a_gantt_with_every_planned_initiative(shipped: Path) -> None:
    planned = planned_ids(shipped)
    assert 3 <= len(planned) <= 5
    code, out, err = invoke("report", "roadmap", "--date", DATE, "--path", str(shipped))
    assert code == 0, err
    lines = gantt(out)
    assert_gantt_holds(lines)
    for data in planned.values():
        assert any(line.startswith(f"  {data['name']} ") for line in lines), data["name"]
        phases = data.get("phases") or []
        # a planned bar for every phase with both planned dates, an actual bar for every phase begun
        bars = [line for line in lines if line.startswith(f"  {data['name']} ") and "milestone" not in line]
        expected = sum(1 for p in phases if p.get("planned_start") and p.get("planned_end"))
        expected += sum(1 for p in phases if p.get("actual_start"))
        assert len(bars) == expected, data["name"]
    assert f"  Dato {DATE} :vert, today, {DATE}, 0d" in lines  # a vertical line; a task name is not a date
    assert f"{len(planned)} tiltak har en plan over tid" in out


def test_a_phase_that_ended_late_is_critical_with_its_slippage(shipped: Path) -> None:
    code, out, _ = invoke("report", "roadmap", "--date", DATE, "--path", str(shipped))
    data = planned_ids(shipped)["helseplattformen"]
    late = next(p for p in data["phases"] if p.get("actual_end") and p["actual_end"] > p["planned_end"])  # type: ignore[index, union-attr]
    days = (late["actual_end"] - late["planned_end"]).days
    [line] = [x for x in gantt(out) if x.startswith(f"  Helseplattformen {late['name']} (faktisk)")]
    assert ":crit, done, " in line
    assert re.search(rf"\| Helseplattformen \| {late['name']} \| .* \| \*\*{days}\*\* \|", out)


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, str | None]] = []
        self.selects: dict[str, list[str]] = {}
        self._select = ""
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr" and "data-id" in found:
            self.rows.append(found)
        if tag == "select":
            self._select = found["name"] or ""
            self.selects[self._select] = []
        if tag == "option":
            self.selects[self._select].append(found["value"] or "")
        if tag == "script":
            assert "src" not in found  # inline, no network
            self.scripts += 1


def test_the_html_draws_an_svg_row_per_initiative_with_a_filter(shipped: Path) -> None:
    planned = planned_ids(shipped)
    code, out, err = invoke("report", "roadmap", "-f", "html", "--date", DATE, "--path", str(shipped))
    assert code == 0, err
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", out, re.S).group(0))  # type: ignore[union-attr]
    rows = svg.findall(f"{SVG}g[@class='roadmap-row']")
    assert sorted(r.get("data-id") for r in rows) == sorted(planned)
    owners = {r.get("data-owner") for r in rows}
    assert owners == {str(d["owner"]) for d in planned.values()}
    for row in rows:
        data = planned[str(row.get("data-id"))]
        bars = row.findall(f"{SVG}rect")
        phases = data.get("phases") or []
        assert len([b for b in bars if b.get("class") == "planned"]) == len(phases)
        assert len(row.findall(f"{SVG}polygon")) == sum(
            bool(m.get("planned")) + bool(m.get("actual"))
            for m in data.get("milestones") or []  # type: ignore[union-attr]
        )
    # the late phases are red, and the date is a line across every row
    slipped = [b for r in rows for b in r.findall(f"{SVG}rect") if "slipped" in (b.get("class") or "")]
    assert slipped and all(b.get("fill") == "#c62828" for b in slipped)
    [line] = svg.findall(f"{SVG}line[@class='date-line']")
    assert float(line.get("y2") or 0) >= max(float(r.get("transform", "0,0").split(",")[1].rstrip(")")) for r in rows)
    # a bar starts further right when it starts later
    akson = next(r for r in rows if r.get("data-id") == "akson-journal")
    planned_bars = [b for b in akson.findall(f"{SVG}rect") if b.get("class") == "planned"]
    assert float(planned_bars[0].get("x") or 0) < float(planned_bars[1].get("x") or 0)
    page = _Rows()
    page.feed(out)
    assert page.scripts == 1
    assert set(page.selects) == {"owner", "goal", "segment", "user_group"}
    assert set(page.selects["owner"]) == {"*", *owners}
    assert {r["data-id"] for r in page.rows} == set(planned)


def test_grouped_by_owner(shipped: Path) -> None:
    code, out, _ = invoke("report", "roadmap", "--by", "owner", "--path", str(shipped))
    headings = re.findall(r"^## (.+)$", out, re.M)
    assert headings == sorted({str(d["owner"]) for d in planned_ids(shipped).values()})
    assert_gantt_holds(gantt(out))


def test_the_word_report_has_the_chart_and_a_table_per_group(shipped: Path) -> None:
    result = CliRunner().invoke(app, ["report", "roadmap", "-f", "docx", "--date", DATE, "--path", str(shipped)])
    assert result.exit_code == 0, result.stderr
    document = docx.Document(io.BytesIO(result.stdout_bytes))
    assert len(document.inline_shapes) == 1
    names = {cell.text for table in document.tables for row in table.rows[1:] for cell in row.cells[:1]}
    assert names == {str(d["name"]) for d in planned_ids(shipped).values()}


@pytest.mark.parametrize(("name", "args"), [("roadmap.nb.md", []), ("roadmap.en.md", ["--lang", "en"])])
def test_snapshots(shipped: Path, name: str, args: list[str]) -> None:
    code, out, err = invoke("report", "roadmap", "--date", DATE, *args, "--path", str(shipped))
    assert code == 0, err
    snapshot(name, out)


def test_snapshot_of_the_word_report(shipped: Path) -> None:
    result = CliRunner().invoke(app, ["report", "roadmap", "-f", "docx", "--date", DATE, "--path", str(shipped)])
    snapshot("roadmap.nb.docx.txt", word_text(result.stdout_bytes))


HOSTILE = 'Fase: 1 # ;%% "x" <b>&amp;</b> `y`'


def test_user_text_cannot_break_the_gantt_or_the_svg(tmp_path: Path) -> None:
    plan = (
        f"phases:\n  - name: planlegging\n    planned_start: 2025-01-01\n    planned_end: 2025-03-01\n"
        f"milestones:\n  - name: '{HOSTILE}'\n    planned: 2025-02-01\n"
    )
    text = (
        SAMSTYRE.replace("name: Felles", f"name: '{HOSTILE}'").replace(
            "owner: Helsedirektoratet", "owner: Helsedirektoratet"
        )
        + plan
    )
    root = build_file_tree(
        tmp_path,
        {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS, "initiatives/x.yaml": text},
    )
    code, out, err = invoke("report", "roadmap", "--path", str(root))
    assert code == 0, err
    assert_gantt_holds(gantt(out))
    code, out, err = invoke("report", "roadmap", "-f", "html", "--path", str(root))
    assert code == 0, err
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", out, re.S).group(0))  # type: ignore[union-attr]
    assert svg.find(f"{SVG}g[@class='roadmap-row']/{SVG}text").text == HOSTILE  # type: ignore[union-attr]
    assert "<b>" not in out


def test_a_portfolio_without_plans_says_so(tmp_path: Path) -> None:
    root = build_file_tree(
        tmp_path,
        {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS, "initiatives/x.yaml": SAMSTYRE},
    )
    for fmt in ("markdown", "html"):
        code, out, err = invoke("report", "roadmap", "-f", fmt, "--path", str(root))
        assert code == 0, err
        assert "Ingen tiltak har faser eller milepæler" in out and "<svg" not in out and "mermaid" not in out


MMDC = ROOT / ".ci" / "clients" / "node_modules" / ".bin" / "mmdc"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    not (MMDC.is_file() and CHROMIUM),
    reason="mermaid-cli (the npm package @mermaid-js/mermaid-cli in .ci/clients) or chromium is not installed: "
    ".ci/run installs them; the rendering of the Mermaid blocks is skipped",
)
@pytest.mark.parametrize(
    "args",
    [
        ["roadmap", "--date", DATE],
        ["roadmap", "--by", "owner", "--lang", "en"],
        ["overview"],
        ["initiative", "helseplattformen", "--date", DATE],
    ],
    ids=["roadmap", "roadmap-by-owner-en", "overview", "initiative"],
)
def test_every_mermaid_block_renders_with_mermaid_cli(shipped: Path, tmp_path: Path, args: list[str]) -> None:
    """mermaid-cli, with Debian's chromium, renders every Mermaid block of the Markdown report to SVG: a block its
    grammar refuses fails here with mermaid's own parse error."""
    code, out, err = invoke("report", *args, "--path", str(shipped))
    assert code == 0, err
    blocks = out.count("```mermaid")
    assert blocks >= 1
    source = tmp_path / "report.md"
    source.write_text(out, encoding="utf-8")
    config = tmp_path / "puppeteer.json"
    config.write_text(json.dumps({"executablePath": CHROMIUM, "args": ["--no-sandbox", "--disable-gpu"]}))
    run = subprocess.run(
        [str(MMDC), "-p", str(config), "-i", str(source), "-o", str(tmp_path / "out.md")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    drawn = sorted(tmp_path.glob("out-*.svg"))
    assert len(drawn) == blocks
    for svg in drawn:
        root = ET.parse(svg).getroot()
        assert root.tag == f"{SVG}svg" and "Syntax error" not in svg.read_text(encoding="utf-8")
