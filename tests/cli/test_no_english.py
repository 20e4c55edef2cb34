"""Every command of `ehp --help`, in bokmål and nynorsk, on a copy of the shipped portfolio: neither what it prints when
it runs nor what it says about a wrong option has English in it (issue 11, item 3). The data keys of CSV and JSON are
the contract and stay; the commands run here in their text formats."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import invoke

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = (
    *("active", "finished", "withdrawn", "member", "proposed", "Usage", "Error", "Input should", "No such"),
    *("Missing", "Invalid value", "Show this message", "Options", "Arguments", "Commands"),
)
FIRST = "akson-forberedelse"


def english(output: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", output)]


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    copy = tmp_path / "portfolio"
    shutil.copytree(ROOT / "portfolio", copy)
    return copy


def runs(p: Path, out: Path) -> list[tuple[str, ...]]:
    """A command line of every command that succeeds on the portfolio at `p`."""
    path = ("--path", str(p))
    first = str(p / "initiatives" / f"{FIRST}.yaml")
    return [
        ("assess", first),
        ("segment", str(p)),
        ("check", str(p)),
        ("schema", "--out", str(out / "schema")),  # the schema itself is the files' contract: its enums are ids
        ("init", str(out / "ny")),
        ("decide", FIRST, "--status", "Avsluttet", "--reason", "ferdig", *path),
        ("history", FIRST, *path),
        ("move", "akson-journal", "--to", "KOORDINERE", "--reason", "flyttes", *path),
        ("export", "-f", "xlsx", "-o", str(out / "t.xlsx"), *path),
        ("calendar", "--year", "2021", *path),
        ("report", "overview", *path),
        ("report", "initiative", FIRST, *path),
        ("report", "meeting", "--committee", "NUIT", "--date", "2021-02-11", *path),
        ("report", "definition", "--year", "2021", *path),
        ("report", "site", "-o", str(out / "site"), *path),
        ("report", "templates", *path),
        ("status", "new", FIRST, "--round", "2021-nuit-1", *path),
        ("migrate", "--dry-run", *path),
        ("migrate", *path),
    ]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_command_says_english_when_it_runs(lang: str, portfolio: Path, tmp_path: Path) -> None:
    for args in runs(portfolio, tmp_path):
        done = invoke(*args, "--lang", lang)
        assert done.code in (0, 1), (args, done.err)
        assert not english(done.out + done.err), (args, english(done.out + done.err), done.out + done.err)


COMMANDS = (
    *("assess", "segment", "check", "diff", "schema", "init", "decide", "move", "new", "history", "import"),
    *("export", "calendar", "status new", "report overview", "report initiative", "report meeting"),
    *("report definition", "report site", "report templates"),
    "migrate",
)


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("command", COMMANDS)
def test_no_command_says_english_about_a_wrong_option(lang: str, command: str) -> None:
    done = invoke(*command.split(), "--no-such-option", env={"EHP_LANG": lang})
    assert done.code == 2
    assert not english(done.out + done.err), done.err


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_bad_file_is_refused_in_our_words(lang: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: Navn\nowner: Helsedirektoratet\ncheckist: {}\n"
        "history:\n  - date: 31.12.2021\n    kind: status\n    to: finished\n    reason: [1, 2]\n",
        encoding="utf-8",
    )
    done = invoke("assess", str(bad), "--lang", lang)
    assert done.code != 0
    assert not english(done.out + done.err), done.err
    assert "Input should" not in done.err


def test_the_values_a_file_allows_are_listed_without_english() -> None:
    from ehportfolio.store.validation import _choices

    assert _choices("'active', 'finished' or 'withdrawn'") == "active, finished, withdrawn"


@pytest.mark.parametrize("command", ("", *COMMANDS, "status", "report"))
def test_no_help_page_says_english(command: str) -> None:
    done = invoke(*command.split(), "--help")
    assert done.code == 0
    assert not english(done.out + done.err), done.out


def test_a_nynorsk_help_page_says_no_english() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "EHP_LANG": "nn", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "ehportfolio", "move", "--help"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0
    assert "Vis denne hjelpa og avslutt." in done.stdout
    assert not english(done.stdout + done.stderr), done.stdout
