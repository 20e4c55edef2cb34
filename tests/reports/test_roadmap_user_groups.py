"""ehp report roadmap --by user-group: an initiative that serves several user groups is under each of them, in the
register's order and with the names in the report's language; one that names none is under "uten brukergruppe" last;
the HTML filter offers the user groups; snapshots of the shipped example in Markdown.

Snapshots live in tests/snapshots/; run with EHP_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff.
"""

from __future__ import annotations

import io
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
import yaml
from conftest import invoke
from test_contexts import shipped, snapshot
from test_roadmap_report import DATE, SVG, _Rows, assert_gantt_holds, gantt
from typer.testing import CliRunner

from ehportfolio.cli.app import app

__all__ = ["shipped"]  # the fixture, shared with test_contexts

NO_GROUP = {"nb": "Uten brukergruppe", "nn": "Utan brukargruppe", "en": "No user group"}


def register(root: Path) -> list[dict[str, str]]:
    """The portfolio's register of user groups, read without ehp."""
    data = yaml.safe_load((root / "user_groups.yaml").read_text(encoding="utf-8"))
    return list(data["user_groups"])


def serving(root: Path) -> dict[str, list[str]]:
    """The names of the initiatives with a plan under each user group id they name, read without ehp."""
    found: dict[str, list[str]] = {}
    for path in sorted((root / "initiatives").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("phases") or data.get("milestones"):
            for ident in data.get("user_groups") or [""]:
                found.setdefault(ident, []).append(data["name"])
    return found


def sections(markdown: str) -> dict[str, list[str]]:
    """The names of the initiatives in each `##` section's table."""
    found: dict[str, list[str]] = {}
    heading = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            heading = line[3:]
            found[heading] = []
        elif heading and line.startswith("| "):
            name = line.split(" | ")[0][2:]
            if name not in (*found[heading], "Navn", "Namn", "Name"):
                found[heading].append(name)
    return {k: v for k, v in found.items() if v}


@pytest.fixture
def one_without(shipped: Path, tmp_path: Path) -> Path:
    """The shipped portfolio with DIGI-UNG's user groups taken away."""
    root = Path(shutil.copytree(shipped, tmp_path / "portfolio"))
    file = root / "initiatives" / "digi-ung.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("user_groups: [innbyggere]\n", ""), encoding="utf-8")
    return root


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_each_initiative_is_under_every_user_group_it_serves_and_none_last(one_without: Path, lang: str) -> None:
    code, out, err = invoke("report", "roadmap", "--by", "user-group", "--lang", lang, "--path", str(one_without))
    assert code == 0, err
    assert_gantt_holds(gantt(out))
    names = {"nb": "name", "nn": "name_nn", "en": "name_en"}[lang]
    expected = serving(one_without)
    titles = [group.get(names) or group["name"] for group in register(one_without) if group["id"] in expected]
    found = sections(out)
    assert list(found) == [*titles, NO_GROUP[lang]]
    by_title = {group.get(names) or group["name"]: group["id"] for group in register(one_without)}
    for title, rows in found.items():
        assert rows == sorted(expected[by_title.get(title, "")], key=str.casefold), title
    assert found[NO_GROUP[lang]] == ["DIGI-UNG"]
    several = [title for title, rows in found.items() if "Helseplattformen" in rows]
    assert len(several) == len(
        yaml.safe_load((one_without / "initiatives" / "helseplattformen.yaml").read_text())["user_groups"]
    )


def test_the_html_filter_offers_the_user_groups_and_marks_every_row(one_without: Path) -> None:
    code, out, err = invoke("report", "roadmap", "-f", "html", "--by", "user-group", "--path", str(one_without))
    assert code == 0, err
    page = _Rows()
    page.feed(out)
    offered = page.selects["user_group"]
    assert offered[0] == "*" and offered[-1] == "" and "helsepersonell-kommune" in offered
    assert {r["data-user-groups"] for r in page.rows if r["data-id"] == "digi-ung"} == {""}
    assert {r["data-user-groups"] for r in page.rows if r["data-id"] == "akson-journal"} == {
        "helsepersonell-kommune fastleger"
    }
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", out, re.S).group(0))  # type: ignore[union-attr]
    rows = svg.findall(f"{SVG}g[@class='roadmap-row']")
    assert sum(r.get("data-id") == "helseplattformen" for r in rows) == 4  # once under each of its groups


def test_without_any_user_group_the_filter_offers_none(tmp_path: Path, shipped: Path) -> None:
    code, out, _ = invoke("report", "roadmap", "-f", "html", "--by", "goal", "--path", str(shipped))
    assert code == 0 and "user_group" in out
    root = Path(shutil.copytree(shipped, tmp_path / "bare"))
    for path in (root / "initiatives").glob("*.yaml"):
        path.write_text(re.sub(r"(?m)^user_groups: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = invoke("report", "roadmap", "-f", "html", "--by", "user-group", "--path", str(root))
    page = _Rows()
    page.feed(out)
    assert code == 0 and "user_group" not in page.selects
    assert re.findall(r'<h2 class="roadmap-heading"[^>]*>([^<]+)</h2>', out) == [NO_GROUP["nb"]]


def test_the_word_report_has_a_table_per_user_group(shipped: Path) -> None:
    args = ["report", "roadmap", "-f", "docx", "--by", "user-group", "--date", DATE, "--path", str(shipped)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    document = docx.Document(io.BytesIO(result.stdout_bytes))
    assert len(document.tables) == len(serving(shipped))


@pytest.mark.parametrize(
    ("name", "args"), [("roadmap-user-group.nb.md", []), ("roadmap-user-group.en.md", ["--lang", "en"])]
)
def test_snapshots(shipped: Path, name: str, args: list[str]) -> None:
    code, out, err = invoke("report", "roadmap", "--by", "user-group", "--date", DATE, *args, "--path", str(shipped))
    assert code == 0, err
    snapshot(name, out)
