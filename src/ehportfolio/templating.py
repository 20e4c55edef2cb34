"""The Jinja environment: templates shipped with the package, strict about undefined names, escaping for Markdown.

Imported only by the formats that render templates, so other commands never pay for Jinja.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
SOURCE_TEMPLATES = Path(__file__).parents[2] / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def template_dir() -> Path:
    """The wheel carries the templates inside the package; an editable install reads them from the source tree."""
    return PACKAGE_TEMPLATES if PACKAGE_TEMPLATES.is_dir() else SOURCE_TEMPLATES


def md_escape(value: object) -> str:
    """Make user text inert in Markdown: no markup, no table breaks, no headings from a line start."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(template_dir()),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    return env
