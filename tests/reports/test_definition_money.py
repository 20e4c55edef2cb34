"""The definition's balancing in money: budgets and funding per year by segment, owner and main goal, in Markdown,
HTML and Word, with amounts written the language's way; only members count."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from conftest import invoke
from docx.table import Table
from helpers import ACTORS, INSPIRERE, OBSERVERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree
from typer.testing import CliRunner

from ehportfolio.cli.app import app

NBSP = "\u00a0"
MONEY = """\
finances:
  - year: 2027
    budget: 12500000
    own: 2500000
    co_funded: 4000000
    state_funded: 6000000
    running_cost_effect: -300000
  - year: 2028
    budget: 8000000
"""
PROPOSAL = """\
name: Forslag
owner: Helse Vest RHF
focus_area: "2.1"
checklist:
  digitalisation_essential: ja
finances:
  - year: 2027
    budget: 99000000
"""


def portfolio(root: Path, with_money: bool = True) -> Path:
    return build_file_tree(
        root,
        {
            "portfolio.yaml": SETTINGS,
            "taxonomy.yaml": TAXONOMY,
            "actors.yaml": ACTORS,
            "initiatives/felles.yaml": SAMSTYRE + (MONEY if with_money else ""),
            "initiatives/utproving.yaml": INSPIRERE + "finances:\n  - year: 2027\n    budget: 500000\n",
            "initiatives/innforing.yaml": OBSERVERE,
            "initiatives/forslag.yaml": PROPOSAL,
        },
    )


def section(markdown: str, heading: str) -> list[str]:
    """The table rows under a Markdown heading, up to the next heading."""
    lines = markdown.split(heading, 1)[1].splitlines()[1:]
    rows: list[str] = []
    for line in lines:
        if line.startswith("#"):
            break
        if line.startswith("|"):
            rows.append(line.replace(NBSP, " "))
    return rows[2:]


def test_the_balancing_sums_money_by_segment_owner_and_main_goal_per_year(tmp_path: Path) -> None:
    code, out, err = invoke("report", "definition", "--year", "2026", "--path", str(portfolio(tmp_path)))
    assert code == 0, err
    assert "### Budsjett og finansiering" in out
    by_segment = section(out, "#### Budsjett per segment")
    assert by_segment == [
        "| Samstyre | 1 | 2027 | 12 500 000 kr | 2 500 000 kr | 4 000 000 kr | 6 000 000 kr | \u2212300 000 kr |",
        "|  |  | 2028 | 8 000 000 kr | 0 kr | 0 kr | 0 kr | 0 kr |",
        "| Koordinere | 0 |  |  |  |  |  |  |",
        "| Observere | 1 |  |  |  |  |  |  |",
        "| Inspirere | 1 | 2027 | 500 000 kr | 0 kr | 0 kr | 0 kr | 0 kr |",
        "| Sum | 3 | 2027 | 13 000 000 kr | 2 500 000 kr | 4 000 000 kr | 6 000 000 kr | \u2212300 000 kr |",
        "|  |  | 2028 | 8 000 000 kr | 0 kr | 0 kr | 0 kr | 0 kr |",
    ]  # the proposal's 99 000 000 kr counts nowhere: it is not a member
    by_owner = section(out, "#### Budsjett per aktør")
    assert [row.split(" | ")[0:3] for row in by_owner] == [
        ["| Helsedirektoratet", "2", "2027"],
        ["| ", "", "2028"],
        ["| Helse Vest RHF", "1", ""],
    ]
    by_goal = section(out, "#### Budsjett per hovedmål")
    assert [row.split(" | ")[0:4] for row in by_goal] == [
        ["| 2.1 Noe", "1", "", ""],
        ["| 5.1 Annet", "2", "2027", "13 000 000 kr"],
        ["| ", "", "2028", "8 000 000 kr"],
    ]


def test_the_amounts_are_written_the_english_way_in_english(tmp_path: Path) -> None:
    root = str(portfolio(tmp_path))
    _, out, _ = invoke("report", "definition", "--year", "2026", "--path", root, "--lang", "en")
    assert f"| NOK{NBSP}12,500,000 |" in out and f"| NOK{NBSP}-300,000 |" in out and " kr " not in out


def test_without_money_the_paper_says_so_and_shows_no_money_tables(tmp_path: Path) -> None:
    root = portfolio(tmp_path, with_money=False)
    (root / "initiatives" / "utproving.yaml").write_text(
        (root / "initiatives" / "utproving.yaml").read_text().split("finances:")[0]
    )
    _, out, _ = invoke("report", "definition", "--year", "2026", "--path", str(root))
    assert "Ingen aktive tiltak har oppgitt budsjett eller finansiering" in out
    assert "#### Budsjett per segment" not in out


def test_the_html_paper_has_the_money_tables(tmp_path: Path) -> None:
    root = str(portfolio(tmp_path))
    _, page, _ = invoke("report", "definition", "--year", "2026", "-f", "html", "--path", root, "--lang", "nn")
    assert "<h4>Budsjett per hovudmål</h4>" in page and '<th class="n">Eigne midlar</th>' in page
    assert f'<td class="n">12{NBSP}500{NBSP}000{NBSP}kr</td>' in page


def test_the_word_paper_has_the_money_tables(tmp_path: Path) -> None:
    root = str(portfolio(tmp_path))
    result = CliRunner().invoke(app, ["report", "definition", "--year", "2026", "--path", root, "--format", "docx"])
    assert result.exit_code == 0, result.stderr
    document = docx.Document(io.BytesIO(result.stdout_bytes))
    seen = False
    found: Table | None = None
    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            seen = seen or block.text == "Budsjett per segment"
        elif seen:
            found = block
            break
    assert found is not None
    rows = [[cell.text.replace(NBSP, " ") for cell in row.cells] for row in found.rows]
    assert rows[0][:4] == ["Segment", "Antall", "År", "Budsjett"]
    assert rows[1] == [
        "Samstyre",
        "1",
        "2027",
        "12 500 000 kr",
        "2 500 000 kr",
        "4 000 000 kr",
        "6 000 000 kr",
        "\u2212300 000 kr",
    ]
    assert rows[-1][:4] == ["", "", "2028", "8 000 000 kr"]
