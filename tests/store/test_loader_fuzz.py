"""No input crashes the loader or the models: every file is either read or refused with a problem."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ehportfolio.domain.models import Initiative, Settings, StatusReport
from ehportfolio.domain.problems import InputError
from ehportfolio.i18n.messages import problem_line
from ehportfolio.store.loader import decode, parse_mapping
from ehportfolio.store.validation import validate

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


KEYS = [
    "date",
    "colour",
    "progress",
    "risks",
    "risk",
    "consequence",
    "action",
    "dependencies",
    "id",
    "needed",
    "by",
    "state",
    "actions",
    "experience",
    "obstacles",
    "purpose",
    "name",
    "year",
    "calendar",
    "committee",
    "number",
    "segments",
    "colur",
]
SCALARS = st.one_of(
    st.none(),
    st.text(max_size=8),
    st.sampled_from(["2021-02-11", "2021-02-30", "rød", "Green", "blå", "NUIT", "nu it", "1", "0", "samstyre", "a-b"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6))
def test_status_reports_and_calendars_are_read_or_refused_in_words(data: dict[str, object]) -> None:
    for model in (StatusReport, Settings):
        try:
            validate(model, data, "f.yaml", {})
        except InputError as exc:
            for problem in exc.problems:  # every problem has its message in both languages
                assert problem_line(problem, "nb") and problem_line(problem, "en")
