"""ehp report meeting and ehp report definition: snapshots of the committee paper and the portfolio definition, byte-
identical output, injection cases, the changes since the previous meeting, and bad input.

Snapshots live in tests/snapshots/; run with EHP_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import invoke
from helpers import KOORDINERE, SAMSTYRE, calendar_portfolio
from test_contexts import cells, shipped, snapshot, table_rows

__all__ = ["shipped"]  # the fixture, shared with test_contexts


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("meeting-2021-nuit-2.nb.md", ["meeting", "--committee", "NUIT", "--date", "2021-05-06"]),
        (
            "meeting-2021-nuit-1.en.md",
            ["meeting", "--committee", "nuit", "--date", "2021-02-11", "--case", "3/21", "--lang", "en"],
        ),
        ("definition-2021.nb.md", ["definition", "--year", "2021", "--date", "2021-11-25"]),
        ("definition-2021.en.md", ["definition", "--year", "2021", "--lang", "en"]),
    ],
)
def test_markdown_snapshots(shipped: Path, name: str, args: list[str]) -> None:
    code, out, err = invoke("report", *args, "--path", str(shipped))
    assert code == 0, err
    snapshot(name, out)


def test_the_meeting_paper_has_its_parts_and_never_leaves_out_who_has_not_reported(shipped: Path) -> None:
    _, out, _ = invoke("report", "meeting", "--committee", "NUIT", "--date", "2021-05-06", "--path", str(shipped))
    for heading in ("## Formål", "## Bakgrunn", "## Tiltak som ikke har rapportert", "## Forslag til vedtak"):
        assert heading in out
    assert "| Saksnummer | x/21 |" in out and "| Sakstype | Orientering |" in out
    assert "41 tiltak skal rapportere til dette møtet; 5 har rapportert." in out
    assert "**ikke rapportert** 27" in out  # the Samstyre colours count the missing as their own state
    assert "| DigiHelse fase 2 (`digihelse-fase-2`) | Oslo kommune | Samstyre | **ikke rapportert** |" in out
    assert out.count("**ikke rapportert** |") == 41 - 5
    assert "NUIT tar porteføljerapporten til orientering." in out
    _, decided, _ = invoke(
        "report",
        "meeting",
        "--committee",
        "NUIT",
        "--date",
        "2021-05-06",
        "--case-type",
        "Godkjenning",
        "--path",
        str(shipped),
    )
    assert "| Sakstype | Godkjenning |" in decided and "NUIT godkjenner porteføljerapporten." in decided


@pytest.mark.parametrize(
    "kind", [["meeting", "--committee", "NUIT", "--date", "2021-05-06"], ["definition", "--year", "2021"]]
)
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_byte_identical_output_across_runs(shipped: Path, tmp_path: Path, fmt: str, kind: list[str]) -> None:
    outputs = []
    for run in range(2):
        out = tmp_path / f"run{run}"
        command = [sys.executable, "-m", "ehportfolio", "report", *kind, "-f", fmt, "--path", str(shipped)]
        done = subprocess.run([*command, "--out", str(out)], capture_output=True, check=False)
        assert done.returncode == 0, done.stderr.decode()
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    assert list(outputs[0]) in (
        [f"meeting-2021-nuit-2.{'md' if fmt == 'markdown' else 'html'}"],
        [f"definition-2021.{'md' if fmt == 'markdown' else 'html'}"],
    )


def test_html_has_its_chart(shipped: Path) -> None:
    _, page, _ = invoke(
        "report", "meeting", "--committee", "NUIT", "--date", "2021-05-06", "-f", "html", "--path", str(shipped)
    )
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 1
    assert 'class="state state-not_reported"' in page
    _, page, _ = invoke("report", "definition", "--year", "2021", "-f", "html", "--path", str(shipped))
    assert page.count("<svg") == 1 and "<script" not in page


# Injection

RISKY = """\
date: 2021-05-01
colour: rød
progress: "Fremdrift | med `kode`"
risks:
  - risk: "Risiko | <script>alert(2)</script>"
    consequence: "# Vedtak: godkjent"
    action: "Tiltak | A"
"""


def test_script_tags_and_pipes_in_a_meeting_paper_come_out_as_text(tmp_path: Path) -> None:
    name = "<script>alert(1)</script> | Navn"
    root = calendar_portfolio(
        tmp_path / "p",
        statuses={"2021-nuit-2/felles": RISKY},
        felles=SAMSTYRE.replace("name: Felles", f"name: {json.dumps(name)}"),
    )
    args = ["meeting", "--committee", "NUIT", "--date", "2021-05-06", "--path", str(root)]
    code, page, err = invoke("report", *args, "-f", "html")
    assert code == 0, err
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | Navn" in page
    assert "Risiko | &lt;script&gt;alert(2)&lt;/script&gt;" in page
    _, out, _ = invoke("report", *args)
    assert not any(line.startswith("# Vedtak") for line in out.splitlines())
    for block in out.split("\n\n"):
        rows = table_rows(block)
        if rows:
            assert len({cells(r) for r in rows}) == 1, rows
    row = next(line for line in out.splitlines() if "(`felles`)" in line and line.startswith("|") and "Risiko" in line)
    assert cells(row) == 4
    assert "\\<script\\>alert\\(1\\)\\</script\\> \\| Navn" in row
    assert "Risiko \\| \\<script\\>alert\\(2\\)\\</script\\> (konsekvens: \\# Vedtak: godkjent" in row


# Changes since the previous meeting, and the plan for next year


def test_moves_new_and_removed_initiatives_since_the_previous_meeting(tmp_path: Path) -> None:
    new = SAMSTYRE + (
        "history:\n  - date: 2021-03-01\n    kind: decision\n    from:\n    to: samstyre\n    reason: Bredt samarbeid\n"
    )
    moved = KOORDINERE.replace("segment: koordinere", "segment: samstyre") + (
        "history:\n  - date: 2020-06-01\n    kind: decision\n    from:\n    to: koordinere\n    reason: Avhengig\n"
        "  - date: 2021-04-01\n    kind: move\n    from: koordinere\n    to: samstyre\n    reason: Ny finansiering\n"
        "    ref: NUIT sak 9/21\n"
    )
    ended = SAMSTYRE.replace("name: Felles", "name: Ferdig").replace("\n", "\nstatus: finished\n", 1) + (
        "history:\n  - date: 2020-06-01\n    kind: decision\n    from:\n    to: samstyre\n    reason: Bredt samarbeid\n"
        "  - date: 2021-02-20\n    kind: status\n    from: active\n    to: finished\n    reason: Levert\n"
    )
    early = SAMSTYRE.replace("name: Felles", "name: Tidlig") + (
        "history:\n  - date: 2021-01-05\n    kind: decision\n    from:\n    to: samstyre\n    reason: Bredt samarbeid\n"
    )
    root = calendar_portfolio(tmp_path / "p", felles=new, avhengig=moved, ferdig=ended, tidlig=early)
    code, out, err = invoke("report", "meeting", "--committee", "NUIT", "--date", "2021-05-06", "--path", str(root))
    assert code == 0, err
    changes = out.split("## Endringer i porteføljen")[1]
    moves, added, removed = (changes.split(f"### {h}")[1] for h in ("Flyttet", "Nye tiltak", "Tiltak som er tatt"))
    assert (
        "| 2021-04-01 | Avhengig (`avhengig`) | flytting | Koordinere | Samstyre | Ny finansiering | NUIT sak 9/21 |"
        in moves
    )
    assert "`felles`" in added and "`tidlig`" not in added  # decided before the previous meeting (2021-02-11)
    assert "| 2021-02-20 | Ferdig (`ferdig`) | statusendring | aktiv | avsluttet | Levert |  |" in removed
    code, plan, _ = invoke("report", "definition", "--year", "2021", "--path", str(root))
    starts = plan.split("### Starter")[1].split("###")[0]
    ends = plan.split("### Avsluttes")[1].split("###")[0]
    assert "`felles`" in starts and "`tidlig`" in starts and "`avhengig`" not in starts
    assert "`ferdig`" in ends and "(1)" in plan.split("### Avsluttes")[1].splitlines()[0]
    assert "NUIT vedtar porteføljedefinisjonen for 2022 slik den går fram av saken." in plan


# Bad input


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--committee", "NUIT", "--date", "2021-05-07"],
            "NUIT har ikke noe møte 2021-05-07 i kalenderen i portfolio.yaml; nærmeste møte er NUIT 2/2021, 2021-05-06",
        ),
        (
            ["--committee", "NUTI", "--date", "2021-05-06"],
            "kalenderen i portfolio.yaml har ingen møter for utvalget «NUTI»; den har NUFA, NUIT; mente du «NUIT»?",
        ),
        (
            ["--committee", "NUIT", "--date", "2021-05-06", "--case", "sak 3"],
            "ugyldig saksnummer «sak 3»: bruk N/ÅÅ, som 12/21",
        ),
        (["--committee", "NUIT", "--date", "6. mai"], "ugyldig dato «6. mai»: bruk ÅÅÅÅ-MM-DD"),
    ],
)
def test_bad_input_gets_a_clear_error(tmp_path: Path, args: list[str], message: str) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    code, out, err = invoke("report", "meeting", *args, "--path", str(root))
    assert (code, out) == (2, "")
    assert err == message + "\n"


def test_a_portfolios_own_meeting_template_overrides_the_shipped_one(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    (root / "templates" / "reports").mkdir(parents=True)
    (root / "templates" / "reports" / "meeting.md.j2").write_text("{{ committee }} {{ case }}: {{ proposal }}\n")
    code, out, _ = invoke("report", "meeting", "--committee", "NUIT", "--date", "2021-09-16", "--path", str(root))
    assert (code, out) == (0, "NUIT x/21: NUIT tar porteføljerapporten til orientering.\n")
