"""The `--help` texts of every command and option, from the catalogues (`help.<key>`), in the language asked for.

typer reads help texts when cli.py is imported, so the language is chosen before that: `choose` looks at the command
line (`--lang en`) and at EHP_LANG, as `--lang` itself does, and the entry point calls it first.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from ehportfolio.i18n.catalogues import DEFAULT, LANGUAGES, N_, lookup

_chosen = "nb"


def language_of(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language a command line asks for: `--lang X` or `--lang=X`, else EHP_LANG, else bokmål."""
    lang = environ.get("EHP_LANG", DEFAULT)
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang if lang in LANGUAGES else DEFAULT


def choose(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of the help, as `language_of` finds it, kept for the help texts."""
    global _chosen
    _chosen = language_of(argv, environ)
    return _chosen


TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("typer.ARGUMENTS_PANEL_TITLE"),
    "OPTIONS_PANEL_TITLE": N_("typer.OPTIONS_PANEL_TITLE"),
    "COMMANDS_PANEL_TITLE": N_("typer.COMMANDS_PANEL_TITLE"),
}
"""typer's own words around the help texts, which our command classes give (cli/boundary.py)."""

LIBRARY_WORDS = (N_("[default: {}]"), N_("[env var: {}]"), N_("[required]"))
"""typer's words that typer itself says through gettext, under their English text as the id (cli/app.py's
`translate_help_page`); listed for extraction."""


def typer_words(lang: str) -> dict[str, str]:
    """typer's words for a help page in `lang`."""
    return {name: lookup(lang, key) for name, key in TYPER_WORDS.items()}


def chosen() -> str:
    return _chosen


def h(key: str) -> str:
    """The help text `key` in the chosen language."""
    return lookup(_chosen, f"help.{key}")
