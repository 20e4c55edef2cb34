"""ehp consequences and ehp report consequences: what changing from checklist 2020 to the 2024 trial does to the
shipped portfolio, as text and JSON, and as a report in Markdown, HTML and Word with one part per owner; snapshots of
the three formats (Word as the text of its paragraphs and tables).

Snapshots live in tests/snapshots/; run with EHP_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import docx
import pytest
import yaml
from conftest import invoke
from docx.table import Table
from helpers import build_file_tree
from test_contexts import shipped, snapshot
from typer.testing import CliRunner

from ehportfolio.cli.app import app

__all__ = ["shipped"]  # the fixture, shared with test_contexts
TO_2024 = ["--from", "2020", "--to", "2024"]
NEW_QUESTIONS = ("core_activity", "cross_actor_coordination", "strategy_essential")


def owners_of(root: Path) -> Counter[str]:
    """How many initiatives each owner has, read from the files without ehp (every shipped one is a member)."""
    return Counter(
        yaml.safe_load(path.read_text(encoding="utf-8"))["owner"] for path in (root / "initiatives").glob("*.yaml")
    )


def word_text(content: bytes) -> str:
    """A Word document as text: each paragraph with its style, each table row with its cells."""
    lines = []
    for block in docx.Document(io.BytesIO(content)).iter_inner_content():
        if isinstance(block, Table):
            lines.extend(" | ".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            lines.append(f"[{block.style.name if block.style else ''}] {block.text}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("consequences-2020-2024.nb.md", []),
        ("consequences-2020-2024.en.md", ["--lang", "en"]),
        ("consequences-2020-2024.nb.html", ["-f", "html"]),
    ],
)
def test_snapshots_of_the_report(shipped: Path, name: str, args: list[str]) -> None:
    code, out, err = invoke("report", "consequences", *TO_2024, *args, "--path", str(shipped))
    assert code == 0, err
    snapshot(name, out)


def test_snapshot_of_the_word_report(shipped: Path) -> None:
    result = CliRunner().invoke(app, ["report", "consequences", *TO_2024, "-f", "docx", "--path", str(shipped)])
    assert result.exit_code == 0, result.stderr
    snapshot("consequences-2020-2024.nb.docx.txt", word_text(result.stdout_bytes))


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
def test_one_part_per_owner_with_each_of_its_initiatives_undecided(shipped: Path, fmt: str) -> None:
    owners = owners_of(shipped)
    result = CliRunner().invoke(app, ["report", "consequences", *TO_2024, "-f", fmt, "--path", str(shipped)])
    assert result.exit_code == 0, result.stderr
    if fmt == "docx":
        document = docx.Document(io.BytesIO(result.stdout_bytes))
        parts = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"]
        parts = parts[2:]  # after the two summary tables' headings
        text = word_text(result.stdout_bytes)
    else:
        text = result.stdout
        marker = "### " if fmt == "markdown" else "<h3>"
        section = text.split("4. ", 1)[1]
        parts = [
            line.removeprefix(marker).removesuffix("</h3>") for line in section.splitlines() if line.startswith(marker)
        ]
    assert parts == sorted(owners, key=str.casefold)
    for owner, count in owners.items():
        assert f"{count} tiltak: Blir uavklart {count}." in text, owner
    assert text.count("Uavklart") >= sum(owners.values())
    for key in NEW_QUESTIONS:
        assert key in text


def test_the_report_shows_no_guess_for_a_question_left_unanswered(shipped: Path) -> None:
    _, out, _ = invoke("report", "consequences", "--to", "2024", "--path", str(shipped))
    assert "## 2. Tiltak som endrer inntak eller segment (0)" in out  # nothing is guessed into a change
    assert "| Samstyre | 0 | 0 | 30 | 0 | 0 | 30 |" in out
    assert "| `digitalisation_essential` | Er digitalisering vesentlig for å lykkes med tiltaket? |" in out


def test_the_report_is_written_under_its_versions_name(shipped: Path, tmp_path: Path) -> None:
    code, _, err = invoke(
        "report", "consequences", *TO_2024, "-f", "html", "--out", str(tmp_path), "--path", str(shipped)
    )
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["consequences-2020-2024.html"]


def test_the_command_lists_the_undecided_with_their_questions_as_json(shipped: Path) -> None:
    code, out, err = invoke("consequences", "--to", "2024", "--path", str(shipped), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["from"], data["to"]) == ("2020", "2024")
    assert len(data["initiatives"]) == 55
    for item in data["initiatives"]:
        assert item["change"] == "undecided" and item["from"]["segment"] == item["segment"]
        assert item["to"] == {"included": None, "segment": None, "missing": list(NEW_QUESTIONS)}
        assert item["to_answer"] == item["new_questions"] == list(NEW_QUESTIONS)
    assert data["by_segment"]["samstyre"]["undecided"] == 30
    assert {owner: sum(c.values()) for owner, c in data["by_owner"].items()} == dict(owners_of(shipped))


def test_the_command_as_text(shipped: Path) -> None:
    code, out, _ = invoke("consequences", "--to", "2024", "--path", str(shipped), env={"COLUMNS": "200"})
    assert code == 0
    assert out.startswith("Fra sjekkliste 2020 til 2024 i Nasjonal e-helseportefølje 2020: 55 tiltak")
    assert "Blir uavklart – 55 tiltak" in out and "Per segment nå:" in out and "Per eier:" in out
    _, english, _ = invoke(
        "consequences", "--to", "2024", "--path", str(shipped), "--lang", "en", env={"COLUMNS": "200"}
    )
    assert "Becomes undecided – 55" in english


def test_a_change_back_decides_again_and_an_unknown_version_is_refused(shipped: Path) -> None:
    code, out, _ = invoke("consequences", "--from", "2024", "--to", "2020", "--path", str(shipped), "-f", "json")
    assert code == 0
    assert {item["change"] for item in json.loads(out)["initiatives"]} == {"decided"}
    code, out, err = invoke("report", "consequences", "--to", "2031", "--path", str(shipped))
    assert code == 2 and out == "" and "kjente: 2020, 2024" in err


def test_initiatives_that_change_are_listed(tmp_path: Path) -> None:
    root = build_file_tree(
        tmp_path,
        {
            "portfolio.yaml": "name: X\nyear: 2024\n",
            "initiatives/ut.yaml": (
                "name: Ut\nowner: KS\nsegment: samstyre\nchecklist:\n  digitalisation_essential: ja\n"
                "  multiple_care_providers: ja\n  reuse_potential: ja\n  core_activity: nei\n"
                "  broad_collaboration: ja\n"
            ),
        },
    )
    code, out, _ = invoke("report", "consequences", "--to", "2024", "--path", str(root))
    assert code == 0
    assert "| Ut (`ut`) | KS | Endret inntak | Samstyre | Utenfor porteføljen |" in out
