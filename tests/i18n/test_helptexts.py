"""--help in bokmål by default and English on request: every command's and option's text exists in both."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ehportfolio.i18n import helptexts
from ehportfolio.i18n.catalogues import LANGUAGES, lookup


def test_every_help_text_the_app_asks_for_exists_in_every_language(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(helptexts, "h", lambda key: asked.append(key) or key)
    import importlib

    import ehportfolio.cli.app as app

    importlib.reload(app)  # typer reads the help texts as the app is built
    assert len(asked) > 30
    for lang in LANGUAGES:
        assert all(lookup(lang, f"help.{key}").strip() for key in asked)
    monkeypatch.undo()
    importlib.reload(app)


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        ([], {}, "nb"),
        (["check", "--lang", "en"], {}, "en"),
        (["check", "--lang=en"], {}, "en"),
        (["check"], {"EHP_LANG": "en"}, "en"),
        (["check", "--lang", "nb"], {"EHP_LANG": "en"}, "nb"),
        (["check", "--lang", "de"], {}, "nb"),
        (["check", "--lang"], {}, "nb"),
    ],
)
def test_the_language_comes_from_the_command_line_then_the_environment(
    argv: list[str], environ: dict[str, str], lang: str
) -> None:
    try:
        assert helptexts.choose(argv, environ) == lang
    finally:
        helptexts.choose([], {})


def help_page(*args: str, **environ: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ehportfolio", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "TERMINAL_WIDTH": "200", "_TYPER_FORCE_DISABLE_TERMINAL": "1", **environ},
        timeout=60,
    )
    assert done.returncode in (0, 2), done.stderr  # no_args_is_help exits 2 after the page
    return done.stdout + done.stderr


def test_help_is_in_bokmal_by_default_and_english_on_request() -> None:
    page = help_page("check", "--help")
    assert "Kontroller hver fil og regel i en portefølje" in page
    assert "Avslutningsstatus: 0 ren" in page and "Valg" in page and "[standard: text]" in page
    assert "Validate every file" not in page
    english = help_page("check", "--help", "--lang", "en")
    assert "Validate every file and rule of a portfolio" in english and "[default: text]" in english
    assert "Validate every file" in help_page("check", "--help", EHP_LANG="en")
    assert "Rapporter for utvalg" in help_page("--help")
    assert "Saksfremlegget til ett møte" in help_page("report", "meeting", "--help")
    assert "Kommandoer" in help_page() and "Kommandoer" in help_page("report")  # a help page without --help
