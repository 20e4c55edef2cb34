"""The text table of ehp segment: it fits the width, keeps every word, and draws what rich's default table drew."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from ehportfolio.output.box_table import cell_width, fit, render, wrap

BOX = set("┏━┳┓┃┡╇┩│├─┼┤└┴┘")
WORDS = st.text(alphabet=st.sampled_from("abcæøå-–.漢\u0301 "), min_size=0, max_size=40)


def test_the_header_sections_and_rules() -> None:
    lines = render(["Id", "Navn"], [[["Samstyre – 1 tiltak"]], [["a", "Akson"]]], 160)
    assert lines == [
        "┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━┓",
        "┃ Id                  ┃ Navn  ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━┩",
        "│ Samstyre – 1 tiltak │       │",
        "├─────────────────────┼───────┤",
        "│ a                   │ Akson │",
        "└─────────────────────┴───────┘",
    ]


def test_a_narrow_terminal_wraps_at_spaces_and_folds_long_words() -> None:
    lines = render(["Navn"], [[["Digital behandlings- og egenbehandlingsplan"]]], 24)
    assert {cell_width(line) for line in lines} == {24}
    assert [line[2:-2].rstrip() for line in lines[3:-1]] == ["Digital behandlings-", "og", "egenbehandlingsplan"]
    assert wrap("spesialisthelsetjeneste", 8) == ["spesiali", "sthelset", "jeneste"]


def test_wide_and_combining_characters_take_their_columns() -> None:
    assert cell_width("漢字") == 4
    assert cell_width("e\u0301") == 1
    assert cell_width("a\u200bb") == 2
    lines = render(["x"], [[["漢字"], ["ab"]]], 80)
    assert len({cell_width(line) for line in lines}) == 1


def test_fit_narrows_the_widest_columns_first() -> None:
    assert fit([10, 50, 50, 5], 200) == [10, 50, 50, 5]
    assert fit([10, 50, 50, 5], 75) == [10, 30, 30, 5]
    assert sum(fit([10, 50, 51, 5], 76)) == 76


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(WORDS, min_size=1, max_size=4), min_size=1, max_size=6),
    st.integers(min_value=21, max_value=120),  # room for two columns each: a wide character's
)
def test_every_line_fits_and_no_word_is_lost(rows: list[list[str]], width: int) -> None:
    headers = ["Id", "Navn", "Eier", "Merknad"]
    lines = render(headers, [rows], width)
    assert len({cell_width(line) for line in lines}) == 1
    assert cell_width(lines[0]) <= width
    drawn = Counter(c for line in lines for c in line if c not in BOX and not c.isspace())
    written = Counter(c for cell in [*headers, *(c for row in rows for c in row)] for c in cell if not c.isspace())
    assert drawn == written
