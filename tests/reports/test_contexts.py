"""ehp report: snapshots of each kind in Markdown, byte-identical output, injection cases, template overrides in the
sandbox, and output paths that stay inside --out.

Snapshots live in tests/snapshots/; run with EHP_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import invoke
from helpers import SAMSTYRE, calendar_portfolio, shipped_with_test_rounds

from ehportfolio.cli.commands.report import output_path
from ehportfolio.store.templates import mermaid_label

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "status"
SNAPSHOTS = Path(__file__).parents[1] / "snapshots"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped 2020 portfolio with the two status rounds of tests/fixtures/status."""
    root = tmp_path_factory.mktemp("shipped") / "portfolio"
    shipped_with_test_rounds(root)
    return root


def snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("EHP_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}: run with EHP_UPDATE_SNAPSHOTS=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs: run with EHP_UPDATE_SNAPSHOTS=1 and review"


# Snapshots


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("overview.nb.md", ["overview", "--date", "2021-06-01"]),
        ("overview.en.md", ["overview", "--lang", "en"]),
        ("initiative-akson-forberedelse.nb.md", ["initiative", "akson-forberedelse", "--date", "2021-06-01"]),
        ("initiative-digihelse-fase-2.nb.md", ["initiative", "digihelse-fase-2"]),
        ("initiative-helseplattformen.en.md", ["initiative", "helseplattformen", "--lang", "en"]),
        ("initiative-legemiddelprogrammet.nb.md", ["initiative", "legemiddelprogrammet", "--date", "2021-12-31"]),
    ],
)
def test_markdown_snapshots(shipped: Path, name: str, args: list[str]) -> None:
    code, out, err = invoke("report", *args, "--path", str(shipped))
    assert code == 0, err
    snapshot(name, out)


def test_a_round_due_and_not_reported_shows_as_not_reported(shipped: Path) -> None:
    _, out, _ = invoke("report", "initiative", "digihelse-fase-2", "--path", str(shipped))
    assert out.count("| **ikke rapportert** |") == 3  # the three fixture rounds
    assert "**Utvikling:** **ikke rapportert** → **ikke rapportert** → **ikke rapportert**" in out
    # With a date after every meeting, the rounds nobody reported to count too, and show as not started: nobody
    # failed to report to a round the portfolio never collected.
    _, late, _ = invoke(
        "report", "initiative", "hmn-lab", "--path", str(shipped), "--date", "2021-12-31", "--lang", "en"
    )
    rows = [line for line in late.splitlines() if line.startswith("| NUFA")]  # Observere reports to NUFA
    assert [r.split(" | ")[1] for r in rows] == ["reported", "round not started"]


def test_dependencies_both_ways_and_the_segment_history(tmp_path: Path) -> None:
    history = (
        SAMSTYRE.replace("segment: samstyre\n", "segment: samstyre\n")
        + "history:\n  - date: 2021-01-10\n    kind: decision\n    from:\n    to: samstyre\n"
        + "    reason: Bredt samarbeid\n    ref: NUIT sak 3/21\n"
    )
    root = calendar_portfolio(
        tmp_path / "p",
        felles=history,
        avhengig=SAMSTYRE.replace("Felles", "Avhengig") + "dependencies:\n  - id: felles\n    strength: weak\n",
    )
    code, out, err = invoke("report", "initiative", "felles", "--path", str(root))
    assert code == 0, err
    assert "- Avhengig (`avhengig`, Samstyre): svak" in out
    assert "| 2021-01-10 | vedtak |  | Samstyre | Bredt samarbeid | NUIT sak 3/21 |" in out
    assert "n0 -.-> n1" in out  # avhengig (n0) depends weakly on felles (n1)


# Reproducible


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_same_input_gives_byte_identical_output_across_runs(shipped: Path, tmp_path: Path, fmt: str) -> None:
    outputs = []
    for run in range(2):
        out = tmp_path / f"run{run}"
        for args in (["overview"], ["initiative", "akson-forberedelse"]):
            command = [sys.executable, "-m", "ehportfolio", "report", *args, "-f", fmt, "--path", str(shipped)]
            done = subprocess.run([*command, "--out", str(out)], capture_output=True, check=False)
            assert done.returncode == 0, done.stderr.decode()
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 2


def test_no_date_unless_given(shipped: Path) -> None:
    _, without, _ = invoke("report", "overview", "--path", str(shipped))
    _, dated, _ = invoke("report", "overview", "--path", str(shipped), "--date", "2021-06-01")
    # the latest status reports name their dependencies' dates: those are the reports' content, not the report's date
    assert "Dato" not in without and not re.search(r"\d{4}-\d{2}-\d{2}", without.split("## Siste statusrapporter")[0])
    assert "**Dato:** 2021-06-01" in dated


def test_html_is_self_contained_with_print_styles_and_inline_svg(shipped: Path) -> None:
    code, page, _ = invoke("report", "overview", "-f", "html", "--path", str(shipped))
    assert code == 0
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert page.count("<svg") == 2  # the segment chart and the dependency graph
    assert "<script" not in page and "<link" not in page and "<img" not in page
    assert not re.search(r"""(?:src|href)=["'](?!#)""", page)
    _, sheet, _ = invoke("report", "initiative", "akson-journal", "-f", "html", "--path", str(shipped))
    assert sheet.count("<svg") == 2  # the status trend and the dependency graph
    assert 'class="state state-reported"' in sheet


def test_without_status_data_the_html_says_so_instead_of_an_empty_chart(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    _, sheet, _ = invoke("report", "initiative", "felles", "-f", "html", "--path", str(root))
    assert "<svg" not in sheet
    assert "Ingen statusdata" in sheet and "Ingen registrerte avhengigheter." in sheet


# Injection: names and texts come out as text in every format.


def named(tmp_path: Path, name: str) -> Path:
    """A portfolio whose Samstyre initiative has `name`, with another that depends on it."""
    text = SAMSTYRE.replace("name: Felles", f"name: {json.dumps(name)}")
    other = SAMSTYRE.replace("Felles", "Avhengig") + "dependencies:\n  - id: felles\n    strength: strong\n"
    return calendar_portfolio(tmp_path / "p", felles=text, avhengig=other)


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("|")]


def cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def mermaid(markdown: str) -> list[str]:
    block = re.search(r"```mermaid\n(.*?)```", markdown, re.S)
    assert block
    return block.group(1).splitlines()


def test_script_tags_never_reach_html(tmp_path: Path) -> None:
    root = named(tmp_path, "<script>alert(1)</script>")
    for args in (["overview"], ["initiative", "felles"], ["initiative", "avhengig"]):
        code, page, _ = invoke("report", *args, "-f", "html", "--path", str(root))
        assert code == 0
        assert "<script" not in page.lower()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_pipes_and_a_heading_on_a_new_line_break_no_table(tmp_path: Path) -> None:
    root = named(tmp_path, "A | B # Vedtak: godkjent")  # a name holds no line break (the loader refuses one)
    for args in (["overview"], ["initiative", "avhengig"]):
        _, out, _ = invoke("report", *args, "--path", str(root))
        assert not any(line.startswith("# Vedtak") for line in out.splitlines())
        for block in re.split(r"\n\n", out):
            rows = table_rows(block)
            if rows:
                assert len({cells(r) for r in rows}) == 1, rows
        assert "A \\| B \\# Vedtak: godkjent" in out


def test_backticks_do_not_open_code(tmp_path: Path) -> None:
    root = named(tmp_path, "``` `kode` ``` slutt")
    _, out, _ = invoke("report", "overview", "--path", str(root))
    fences = [line for line in out.splitlines() if line.startswith("```")]
    assert fences == ["```mermaid", "```"]
    assert "\\`\\`\\` \\`kode\\` \\`\\`\\` slutt" in out
    assert "#96;#96;#96; #96;kode#96;" in out


def test_mermaid_syntax_in_a_name_stays_one_node(tmp_path: Path) -> None:
    name = 'A-->B["x"]; C((y)) | %% #z <b>'
    root = named(tmp_path, name)
    for args in (["overview"], ["initiative", "felles"]):
        _, out, _ = invoke("report", *args, "--path", str(root))
        lines = [line.strip() for line in mermaid(out)]
        assert lines[0] == "graph LR"
        nodes = [line for line in lines if re.fullmatch(r'n\d+\["[^"\n]*"\]', line)]
        edges = [line for line in lines if re.fullmatch(r"n\d+ -(?:->|\.->) n\d+", line)]
        assert len(nodes) == 2 and len(edges) == 1 and len(lines) == 4
        assert f'["{mermaid_label(name)}"]' in out
    assert mermaid_label(name) == ("A--#62;B#91;#34;x#34;#93;#59; C#40;#40;y#41;#41; #124; #37;#37; #35;z #60;b#62;")


def test_a_300_character_word(tmp_path: Path) -> None:
    word = "x" * 300
    root = named(tmp_path, word)
    _, out, _ = invoke("report", "overview", "--path", str(root))
    row = next(line for line in out.splitlines() if "`felles`" in line)
    assert cells(row) == 4
    assert max(len(part) for part in re.split(r"[\s\u200b]", row)) <= 60
    assert row.replace("\u200b", "").count(word) == 1
    _, page, _ = invoke("report", "overview", "-f", "html", "--path", str(root))
    assert word in page and "overflow-wrap: anywhere" in page


def test_list_and_heading_starts_are_escaped() -> None:
    from ehportfolio.store.templates import md_escape

    assert md_escape("- punkt") == "\\- punkt"
    assert md_escape("1. punkt") == "1\\. punkt"
    assert md_escape("=== x") == "\\=== x"
    assert md_escape("1.1") == "1.1"
    assert md_escape("a\n# b") == "a \\# b"


# Templates: a portfolio's own, in the sandbox


def test_a_portfolios_own_template_overrides_the_shipped_one(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    (root / "templates" / "reports").mkdir(parents=True)
    (root / "templates" / "reports" / "overview.md.j2").write_text("Egen: {{ title }} ({{ total }})\n")
    code, out, _ = invoke("report", "overview", "--path", str(root))
    assert (code, out) == (0, "Egen: Porteføljeoversikt: Test (1)\n")
    # The HTML template is still the shipped one, and --templates chooses another directory.
    assert invoke("report", "overview", "-f", "html", "--path", str(root))[1].startswith("<!DOCTYPE html>")
    other = tmp_path / "mine" / "reports"
    other.mkdir(parents=True)
    (other / "overview.html.j2").write_text("<p>{{ title }}</p>\n")
    _, page, _ = invoke("report", "overview", "-f", "html", "--path", str(root), "--templates", str(tmp_path / "mine"))
    assert page == "<p>Porteføljeoversikt: Test</p>\n"


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ title.__class__ }}",
        "{% set x = segments.append(1) %}{{ x }}",
        "{{ t.update({'a': 1}) }}",
    ],
)
def test_a_template_that_tries_to_escape_the_sandbox_gets_a_clear_error(tmp_path: Path, template: str) -> None:
    mine = tmp_path / "mine" / "reports"
    mine.mkdir(parents=True)
    (mine / "overview.md.j2").write_text(template)
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    code, out, err = invoke("report", "overview", "--path", str(root), "--templates", str(tmp_path / "mine"))
    assert code == 2 and out == ""
    assert "malen «reports/overview.md.j2»" in err
    assert "object" not in out


def test_an_undefined_name_is_an_error_naming_the_template(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "reports"
    mine.mkdir(parents=True)
    (mine / "initiative.md.j2").write_text("{{ titel }}\n")
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    code, out, err = invoke(
        "report", "initiative", "felles", "--path", str(root), "--templates", str(tmp_path / "mine")
    )
    assert (code, out) == (2, "")
    assert err == "malen «reports/initiative.md.j2»: 'titel' is undefined\n"


def test_a_missing_template_is_named(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "reports"
    mine.mkdir(parents=True)
    (mine / "overview.md.j2").write_text('{% include "reports/vedlegg.md.j2" %}\n')
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    code, _, err = invoke(
        "report", "overview", "--path", str(root), "--templates", str(tmp_path / "mine"), "--lang", "en"
    )
    assert code == 2
    assert "the template «reports/vedlegg.md.j2» is neither in" in err and str(tmp_path / "mine") in err


def test_a_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "reports"
    mine.mkdir(parents=True)
    (mine / "overview.md.j2").write_text("ok\n{% if %}\n")
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    code, _, err = invoke("report", "overview", "--path", str(root), "--templates", str(tmp_path / "mine"))
    assert code == 2 and "reports/overview.md.j2:2" in err


# Output paths and bad input


def test_output_paths_stay_inside_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert output_path(str(out), "overview.md") == str(out.resolve() / "overview.md")
    for name in ("../x.md", "a/b.md", "..", ".", "", "/etc/passwd"):
        assert output_path(str(out), name) is None, name
    outside = tmp_path / "outside.md"
    outside.write_text("keep")
    (out / "link.md").symlink_to(outside)
    assert output_path(str(out), "link.md") is None


def test_a_link_in_out_that_leads_outside_is_refused(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.md"
    outside.write_text("keep")
    (out / "overview.md").symlink_to(outside)
    code, _, err = invoke("report", "overview", "--path", str(root), "--out", str(out))
    assert code == 2 and "utenfor utmappen" in err
    assert outside.read_text() == "keep"


@pytest.mark.parametrize("args", [["overview"], ["site"]])
def test_out_that_is_a_file_is_refused_and_kept(tmp_path: Path, args: list[str]) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    afile = tmp_path / "notes.txt"
    afile.write_text("mine\n")
    code, out, err = invoke("report", *args, "--path", str(root), "--out", str(afile))
    assert (code, out) == (2, "")
    assert f"{afile}: er ikke en mappe" in err
    assert afile.read_text() == "mine\n"


def test_writes_into_out(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    code, out, err = invoke(
        "report", "initiative", "felles", "-f", "html", "--path", str(root), "--out", str(tmp_path / "o")
    )
    assert (code, out) == (0, "")
    assert (tmp_path / "o" / "felles.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert err == f"skrev {tmp_path / 'o' / 'felles.html'}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["initiative", "fellse"], "fant ikke tiltaket «fellse»; mente du «felles»?"),
        (["overview", "--date", "2021-13-01"], "ugyldig dato «2021-13-01»: bruk ÅÅÅÅ-MM-DD"),
        (["overview", "--templates", "/nowhere/at/all"], "malmappen /nowhere/at/all finnes ikke"),
    ],
)
def test_bad_input_gets_a_clear_error(tmp_path: Path, args: list[str], message: str) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    code, out, err = invoke("report", *args, "--path", str(root))
    assert (code, out) == (2, "")
    assert message in err


def test_not_a_portfolio(tmp_path: Path) -> None:
    code, _, err = invoke("report", "overview", "--path", str(tmp_path))
    assert code == 2 and "portfolio.yaml" in err


def test_a_long_word_with_a_pipe_keeps_the_overview_table_whole(tmp_path: Path) -> None:
    root = named(tmp_path, "a" * 29 + "|Samstyre" + "b" * 30 + " @org/team")
    _, out, _ = invoke("report", "overview", "--path", str(root))
    row = next(line for line in out.splitlines() if "`felles`" in line)
    assert cells(row) == 4, row
    assert "@org" not in out and "@\u200dorg/team" in row
