"""The registry of report kinds is the one list: every kind has its context class, its templates in each format,
its Word layout, its command, and its page in the reference of contexts."""

from __future__ import annotations

import pytest
from conftest import invoke

from ehportfolio.reports import contextdocs
from ehportfolio.reports.kinds import KINDS
from ehportfolio.reports.render import EXTENSIONS, template_name
from ehportfolio.reports.wordlayout import LAYOUTS
from ehportfolio.store.templates import template_dir


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_whole(kind: str) -> None:
    for fmt in EXTENSIONS:
        assert (template_dir() / template_name(kind, fmt)).is_file(), (kind, fmt)
    assert kind in LAYOUTS
    assert KINDS[kind].context in list(contextdocs.classes())
    code, out, _ = invoke("report", kind, "--help")
    assert code == 0 and "Bruk:" in out


def test_the_word_layouts_are_the_kinds() -> None:
    assert set(LAYOUTS) == set(KINDS)
