"""The Jinja environments: templates shipped with the package, strict about undefined names, escaping for Markdown,
HTML and Mermaid; and the report environment, where a portfolio's own templates render in Jinja's sandbox.

Imported only by the formats that render templates, so other commands never pay for Jinja.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, Environment, StrictUndefined, TemplateNotFound
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ehportfolio.store import files
from ehportfolio.store.loader import decode_utf8

PACKAGE_TEMPLATES = Path(__file__).parents[1] / "templates"
SOURCE_TEMPLATES = Path(__file__).parents[3] / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_LINE_START = re.compile(r"^([-=]|\d+(?=[.)](?:\s|$)))")
"""A list item (`- `, `1. `, `1) `) or a setext underline (`=`) at the start of the text."""
LONG_WORD = 60
"""A word longer than this gets a zero-width space every LONG_WORD // 2 characters, so that a table can wrap it."""
_LONG = re.compile(rf"\S{{{LONG_WORD + 1},}}")
MENTION_BREAK = "@\u200d"
"""`@` followed by a zero-width joiner: it reads as `@`, but `@org/team` no longer notifies anyone on the git platform
(a backslash does not stop a mention there)."""
TEMPLATE_LIMIT = 1024 * 1024
"""The most a text template may hold: the shipped ones are a few kilobytes."""


def template_dir() -> Path:
    """The wheel carries the templates inside the package; an editable install reads them from the source tree."""
    return PACKAGE_TEMPLATES if PACKAGE_TEMPLATES.is_dir() else SOURCE_TEMPLATES


def _break_long(match: re.Match[str]) -> str:
    word = match.group(0)
    step = LONG_WORD // 2
    return "\u200b".join(word[i : i + step] for i in range(0, len(word), step))


def md_escape(value: object) -> str:
    """Make user text inert in Markdown: no markup, no table breaks, no headings or lists from a line start (the text
    becomes one line), no @-mentions, and very long words get break opportunities so that a table cell can wrap.

    Words are broken before anything is escaped, so a break never falls between a backslash and the `|`, backtick,
    `*` or `[` it escapes (which would end a table cell or open markup again)."""
    text = _LONG.sub(_break_long, " ".join(str(value).split()))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\", text) if text[:1].isdigit() else _LINE_START.sub(r"\\\1", text)
    return text.replace("@", MENTION_BREAK)


def mermaid_label(value: object) -> str:
    """A Mermaid node label to put between double quotes: one line, with every character but letters, digits, spaces
    and `-.,:/_` written as a `#code;` entity, so that no quote, bracket, pipe, arrow, backtick or `%%` can end the
    label or the code block."""
    text = " ".join(str(value).split())
    return "".join(c if c.isalnum() or c in " -.,:/_" else f"#{ord(c)};" for c in text)


def gantt_text(value: object) -> str:
    """Text for a Mermaid `gantt` line (a section or a task's name): one line, with every character but letters,
    digits, spaces and `-.,/_()` made a space, since a gantt line ends its name at `:`, and `#`, `;` and `%%` would
    start an entity, a new statement or a comment; a name that is left empty becomes `-`."""
    kept = "".join(c if c.isalnum() or c in " -.,/_()" else " " for c in str(value))
    return " ".join(kept.split()) or "-"


def _html(name: str | None) -> bool:
    """HTML templates escape everything they print; `select_autoescape(["html"])` would not match `.html.j2`."""
    return bool(name) and (name or "").endswith((".html.j2", ".html"))


class DirectoryLoader(BaseLoader):
    """Templates from one directory, each read through `files`: a regular file whose real path stays inside the
    directory. Jinja's FileSystemLoader would follow a link anywhere (a pull request can link a template to
    /proc/self/environ) and skip a FIFO without a word; here both are refused with a message (`FileRefused`)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = str(directory)

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = os.path.join(self.directory, *split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        source = decode_utf8(path, files.read(path, TEMPLATE_LIMIT, root=self.directory))
        mtime = os.path.getmtime(path)
        return source, path, lambda: os.path.exists(path) and os.path.getmtime(path) == mtime


def environment(user_dirs: Sequence[str] = ()) -> Environment:
    """The environment for the shipped templates (assessments, diffs, scaffolds, reports). With a directory of the
    portfolio's own templates, it comes first and everything renders in the immutable sandbox: a template from a
    repository is input, not code."""
    shipped = DirectoryLoader(template_dir())
    loader: BaseLoader = ChoiceLoader([*(DirectoryLoader(d) for d in user_dirs), shipped]) if user_dirs else shipped
    kind = ImmutableSandboxedEnvironment if user_dirs else Environment
    env = kind(
        loader=loader,
        extensions=["jinja2.ext.i18n"],  # `_("id")`: a message of the catalogues (i18n/messages.py install_texts)
        undefined=StrictUndefined,
        autoescape=_html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["mermaid"] = mermaid_label
    env.filters["gantt"] = gantt_text
    return env


def word_environment() -> Environment:
    """The environment for Word templates (docxtpl renders the document's XML with it): always the immutable sandbox,
    strict about undefined names, escaping every value for XML."""
    return ImmutableSandboxedEnvironment(extensions=["jinja2.ext.i18n"], undefined=StrictUndefined, autoescape=True)
