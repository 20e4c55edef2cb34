"""The definition's Prioritering shows the priorities decided, in their order and with their own numbers, in Markdown,
HTML and Word; Samstyre initiatives without one are listed apart, unnumbered, and the paper says so."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import invoke
from test_contexts import ROOT
from test_word import body, table_after, word

DECIDED = [  # id, priority, day: a priority decided after 31 December 2021 is not on the 2021 paper
    ("legemiddelprogrammet", "3", "2021-05-06"),
    ("helsedataprogrammet", "7", "2021-11-25"),
    ("mf-helse", "3", "2021-11-25"),  # the same number twice: both are shown with it, by name
    ("helseplattformen", "1", "2021-11-25"),  # Koordinere: a decided priority is shown, whatever the segment
    ("kpr-trinn-to", "2", "2022-02-01"),
]


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("priority") / "portfolio"
    shutil.copytree(ROOT / "portfolio", root)
    for ident, number, day in DECIDED:
        args = ("--priority", number, "--reason", "Vedtatt", "--date", day, "--path", str(root))
        code, _, err = invoke("decide", ident, *args)
        assert code == 0, err
    again = ("--priority", "4", "--reason", "Ny", "--date", "2021-09-01", "--path", str(root))
    code, _, err = invoke("decide", "legemiddelprogrammet", *again)
    assert code == 0, err  # the later decision counts, not the first
    return root


ORDER = [("1", "helseplattformen"), ("3", "mf-helse"), ("4", "legemiddelprogrammet"), ("7", "helsedataprogrammet")]


def test_markdown_lists_the_decided_order_and_the_others_apart(decided: Path) -> None:
    code, out, err = invoke("report", "definition", "--year", "2021", "--path", str(decided))
    assert code == 0, err
    part = out.split("## 2. Prioritering", 1)[1].split("## 3.", 1)[0]
    ranked, apart = part.split("### Uten vedtatt prioritet")
    assert "Tiltakene med vedtatt prioritet, i vedtatt rekkefølge (4 tiltak)." in ranked
    rows = [line.split(" | ") for line in ranked.splitlines() if line.startswith("| ") and "`" in line]
    assert [(r[0].strip("| "), r[2].rsplit("`", 2)[1]) for r in rows] == ORDER
    assert rows[0][-1].strip(" |") == "Koordinere"
    assert apart.startswith(" (27)\n")  # 30 Samstyre, of which 3 have a priority on 31 December
    assert "27 samstyringstiltak har ingen vedtatt prioritet. De står her uten nummer" in apart
    assert "`kpr-trinn-to`" in apart and "`mf-helse`" not in apart
    numbers = [line.split(" | ")[0] for line in apart.splitlines() if line.startswith("| ") and "`" in line]
    assert len(numbers) == 27 and not any(n.strip("| ").isdigit() for n in numbers)


def test_html_and_word_show_the_same_numbers(decided: Path) -> None:
    code, page, err = invoke("report", "definition", "--year", "2021", "-f", "html", "--path", str(decided))
    assert code == 0, err
    part = page.split("2. Prioritering", 1)[1].split("Uten vedtatt prioritet", 1)[0]
    assert re.findall(r'<tr><td class="n">(\d+)</td><td>[^<]*</td><td>[^<]*<code>([^<]+)</code>', part) == ORDER
    document = word("definition", "--year", "2021", "--path", str(decided))
    rows = body(table_after(document, "2. Prioritering"))
    assert [(row[0], row[2].rsplit("(", 1)[1].rstrip(")")) for row in rows] == ORDER
    assert len(body(table_after(document, "Uten vedtatt prioritet (27)"))) == 27


def test_english_says_it_too(decided: Path) -> None:
    _, out, _ = invoke("report", "definition", "--year", "2021", "--lang", "en", "--path", str(decided))
    assert "The initiatives with a decided priority, in the decided order (4 initiatives)." in out
    assert "27 Samstyre initiatives have no decided priority." in out


def test_the_fact_sheet_lists_each_priority_decided(decided: Path) -> None:
    _, out, _ = invoke("report", "initiative", "legemiddelprogrammet", "--path", str(decided))
    history = out.split("## Segmenthistorikk", 1)[1]
    assert "| 2021-05-06 | prioritet |  | 3 | Vedtatt |  |" in history
    assert "| 2021-09-01 | prioritet | 3 | 4 | Ny |  |" in history
