"""No input crashes the loader or the models: every file is either read or refused with a problem."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ehportfolio.loader import decode, parse_mapping
from ehportfolio.models import Initiative
from ehportfolio.problems import InputError
from ehportfolio.validation import validate

YAML_BITS = st.sampled_from(
    [
        "name: ",
        "owner: ",
        "checklist:\n",
        "  ",
        "- ",
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "\n",
        "\t",
        "'",
        '"',
        "ja",
        "nei",
        "~",
        "!!str ",
        "!!binary ",
        "---\n",
        "...\n",
        "# c\n",
        "\u00a0",
        "\u2028",
        "%YAML 1.1\n",
        "? ",
        "|\n",
        ">-\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(YAML_BITS, st.text(max_size=6)), max_size=30))
def test_text_is_read_or_refused_never_crashes(parts: list[str]) -> None:
    text = "".join(parts)
    try:
        data, positions = parse_mapping("f.yaml", decode("f.yaml", text.encode("utf-8", "surrogatepass")))
    except InputError as exc:
        assert exc.problems and all(p.path == "f.yaml" for p in exc.problems)
        return
    assert isinstance(data, dict)
    try:
        validate(Initiative, data, "f.yaml", positions)
    except InputError as exc:
        assert all(p.line is not None for p in exc.problems)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_bytes_are_read_or_refused(data: bytes) -> None:
    try:
        parse_mapping("f.yaml", decode("f.yaml", data))
    except InputError as exc:
        assert exc.problems
