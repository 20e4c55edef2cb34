"""The meeting paper opens its status part with what needs the committee's attention (features/exceptions.py), before
the segments' status ordered by colour; and a NUFA meeting gets the reports the cadence sends it, or says why none.

Rounds made for the test: at NUIT 1/2021 three Samstyre initiatives report grønn; at NUIT 2/2021 `rod` reports rød,
`verre` gul and `bra` grønn again, and the Koordinere `avhengig` names a dependency on `bra` due 2021-04-01 and not
done."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
from conftest import invoke
from docx.table import Table
from helpers import CALENDAR_SETTINGS, INSPIRERE, KOORDINERE, OBSERVERE, SAMSTYRE, build_file_tree, calendar_portfolio

MEETING = ["report", "meeting", "--committee", "NUIT", "--date", "2021-05-06"]


def _status(colour: str, date: str) -> str:
    return f"date: {date}\ncolour: {colour}\nprogress: Arbeidet går\nrisks: []\n"


DEPENDENCY = """\
date: 2021-04-20
dependencies:
  - id: bra
    needed: Et API for deling
    by: 2021-04-01
    state: I rute
actions: []
"""


def _portfolio(tmp_path: Path) -> Path:
    statuses = {f"2021-nuit-1/{ident}": _status("grønn", "2021-02-01") for ident in ("rod", "verre", "bra")}
    statuses |= {
        "2021-nuit-2/rod": _status("rød", "2021-04-20"),
        "2021-nuit-2/verre": _status("gul", "2021-04-20"),
        "2021-nuit-2/bra": _status("grønn", "2021-04-20"),
        "2021-nuit-2/avhengig": DEPENDENCY,
    }
    named = {ident: SAMSTYRE.replace("name: Felles", f"name: {name}") for ident, name in
             (("rod", "Rødt"), ("verre", "Verre"), ("bra", "Bra"))}  # fmt: skip
    return calendar_portfolio(tmp_path / "p", statuses, avhengig=KOORDINERE.replace("id: felles", "id: bra"), **named)


def _word(path: Path) -> str:
    """A Word document's paragraphs and table rows, in order, as lines."""
    lines = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            lines.extend(" | ".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _positions(page: str, *wanted: str) -> list[int]:
    return [page.index(w) for w in wanted]


def test_the_paper_lists_red_worse_and_an_overdue_dependency_before_the_rest(tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    code, out, err = invoke(*MEETING, "--path", str(root))
    assert code == 0, err
    attention = out.split("### Krever oppmerksomhet")[1].split("\n### ")[0]
    rows = [line for line in attention.splitlines() if line.startswith("| ") and "`" in line]
    assert [re.search(r"\(`([^`]+)`\)", row).group(1) for row in rows] == ["rod", "verre", "avhengig"]  # type: ignore[union-attr]
    assert "Rapporterer rød. Dårligere enn forrige rapport: grønn ved NUIT 1/2021, nå rød." in rows[0]
    assert "Dårligere enn forrige rapport: grønn ved NUIT 1/2021, nå gul." in rows[1]
    assert "Det som trengs fra Bra, skulle vært på plass 2021-04-01, men status er «I rute»." in rows[2]
    assert "`bra`" not in attention
    # before the rest, which follows by colour: rød, gul, grønn
    assert out.index("### Krever oppmerksomhet") < out.index("### Samstyre") < out.index("### Koordinere")
    samstyre = out.split("### Samstyre")[1].split("### Koordinere")[0]
    assert _positions(samstyre, "(`rod`)", "(`verre`)", "(`bra`)") == sorted(
        _positions(samstyre, "(`rod`)", "(`verre`)", "(`bra`)")
    )
    code, page, err = invoke(*MEETING, "-f", "html", "--path", str(root))
    assert code == 0, err
    heading = page.index("<h3>Krever oppmerksomhet</h3>")
    found = _positions(page, "<code>rod</code>", "<code>verre</code>", "<code>avhengig</code>", "<h3>Samstyre")
    assert heading < found[0] < found[1] < found[2] < found[3]
    assert "men status er «I rute»." in page
    code, _, err = invoke(*MEETING, "-f", "docx", "--out", str(tmp_path / "w"), "--path", str(root))
    assert code == 0, err
    (paper,) = (tmp_path / "w").glob("*.docx")
    words = _word(paper)
    assert "Krever oppmerksomhet" in words
    found = _positions(words, "Krever oppmerksomhet", "Rødt (rod)", "Verre (verre)", "Avhengig (avhengig)", "Samstyre:")
    assert found == sorted(found)


def test_a_paper_with_nothing_to_flag_says_so(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", {"2021-nuit-1/felles": _status("grønn", "2021-02-01")}, felles=SAMSTYRE)
    code, out, _ = invoke("report", "meeting", "--committee", "NUIT", "--date", "2021-02-11", "--path", str(root))
    assert code == 0
    assert "### Krever oppmerksomhet\n\nIngen tiltak krever særskilt oppmerksomhet ved dette møtet" in out


def test_nufa_gets_observere_and_inspirere_and_nuit_samstyre_and_koordinere(tmp_path: Path) -> None:
    # one report to NUFA 1/2021 starts its round, so that the paper shows the sections of the segments it receives
    reported = {"2021-nufa-1/innforing": "date: 2021-03-01\nprogress: Arbeidet går\nrisks: []\n"}
    root = calendar_portfolio(
        tmp_path / "p", reported, felles=SAMSTYRE, avhengig=KOORDINERE, innforing=OBSERVERE, proving=INSPIRERE
    )
    document = json.loads(invoke("calendar", "--path", str(root), "--format", "json")[1])
    segments = {m["round"]: m["segments"] for m in document["meetings"]}
    assert segments == {
        "2021-nuit-1": ["samstyre"],
        "2021-nufa-1": ["observere", "inspirere"],
        "2021-nuit-2": ["samstyre", "koordinere"],
        "2021-nuit-3": ["samstyre"],
        "2021-nuit-4": ["samstyre", "koordinere"],
    }
    assert document["cadence"]["observere"]["committees"] == ["NUFA"]
    code, out, _ = invoke("report", "meeting", "--committee", "NUFA", "--date", "2021-03-17", "--path", str(root))
    assert code == 0 and "### Observere:" in out and "### Inspirere:" in out and "### Samstyre" not in out


def test_a_nufa_meeting_that_receives_nothing_says_why_from_the_cadence(tmp_path: Path) -> None:
    more = "".join(
        f"  - committee: {committee}\n    number: {number}\n    date: {date}\n"
        for committee, number, date in (
            ("NUFA", 2, "2021-06-10"),
            ("NUFA", 3, "2021-10-20"),
            ("EHELSE", 1, "2021-12-01"),
        )
    )
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE, innforing=OBSERVERE)
    build_file_tree(root, {"portfolio.yaml": CALENDAR_SETTINGS + more})
    code, out, err = invoke("report", "meeting", "--committee", "NUFA", "--date", "2021-03-17", "--path", str(root))
    assert code == 0, err
    assert (
        "Ingen segmenter rapporterer til dette møtet. NUFA får rapportene fra Observere, Inspirere, fordi utvalget "
        "behandler faglige spørsmål og arkitektur; etter kadensen rapporterer de til utvalgets andre møter dette "
        "året: NUFA 2/2021, NUFA 3/2021."
    ) in out
    assert "Krever oppmerksomhet" not in out
    code, out, _ = invoke("report", "meeting", "--committee", "EHELSE", "--date", "2021-12-01", "--path", str(root))
    assert "kadensen sender ingen statusrapporter til EHELSE. De går til NUIT (Samstyre, Koordinere); NUFA" in out
    code, page, _ = invoke(
        "report",
        "meeting",
        "--committee",
        "NUFA",
        "--date",
        "2021-03-17",
        "-f",
        "html",
        "--lang",
        "en",
        "--path",
        str(root),
    )
    assert "NUFA receives the reports of Observere, Inspirere, since it handles professional and architecture" in page
