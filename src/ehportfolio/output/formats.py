"""The output formats of every command, in one registry: the names the command line offers (`ehp X --format`) and,
for the formats this layer renders, the module of `ehportfolio.output` that renders each. Adding a format is one
entry here and its module. Light to import: the command line builds its choices from it at start-up."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

RENDERERS: dict[str, dict[str, str | None]] = {
    "assess": {"text": "explain", "json": "json_format", "markdown": "markdown"},
    "segment": {"text": "portfolio_text", "json": "json_format", "csv": "csv_format"},
    "check": {"text": "rich_text", "json": "findings", "github": "findings", "junit": "findings", "sarif": "findings"},
    "diff": {"text": "diff_text", "markdown": "diff_markdown", "json": "diff_json"},
    "calendar": {"text": "calendar", "json": "calendar"},
    "explain": {"text": "guide", "markdown": "guide", "json": "guide"},
    "consequences": {"text": "consequences", "json": "consequences"},
    # rendered in the layers that own them: features.exporting for tables, reports for reports
    "export": {"xlsx": None, "csv": None, "json": None},
    "report": {"markdown": None, "html": None, "docx": None},
}
"""command → format → the module rendering it (None: rendered outside this layer, by the command's own core)."""


def names(command: str) -> tuple[str, ...]:
    """The formats `command` offers, in the order its --help lists them."""
    return tuple(RENDERERS[command])


def renderer(command: str, fmt: str) -> ModuleType:
    """The module that renders `fmt` for `command`, imported only now."""
    module = RENDERERS[command][fmt]
    if module is None:
        raise LookupError(f"{command} renders {fmt} outside ehportfolio.output")
    return import_module(f"ehportfolio.output.{module}")
