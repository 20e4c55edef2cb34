"""No English in bokmål or nynorsk output (issue 11, item 3): statuses and segments in words, and accepted as words
in any language and case; click's usage errors and pydantic's refusals in the catalogue's words."""

from __future__ import annotations

import datetime
import shutil
import uuid
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from conftest import invoke
from pydantic import BaseModel, Field, StringConstraints, TypeAdapter, ValidationError

from ehportfolio.i18n.messages import choice_id, status_name

ROOT = Path(__file__).resolve().parents[2]
FIRST = "akson-forberedelse"
ENGLISH = (
    "Usage",
    "Error",
    "Input should",
    "No such",
    "Missing",
    "Invalid value",
    "Show this message",
    "Got unexpected",
)


@pytest.mark.parametrize(
    ("kind", "word", "ident"),
    [
        ("status", "avsluttet", "finished"),
        ("status", "Avslutta", "finished"),
        ("status", "finished", "finished"),
        ("status", "TREKT", "withdrawn"),
        ("segment", "Samstyre", "samstyre"),
        ("segment", "KOORDINERE", "koordinere"),
        ("segment", "nothing", None),
    ],
)
def test_a_choice_is_read_in_any_language_and_case(kind: str, word: str, ident: str | None) -> None:
    assert choice_id(kind, word) == ident


def test_statuses_have_words() -> None:
    assert (status_name("finished", "nb"), status_name("finished", "nn")) == ("avsluttet", "avslutta")


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_wrong_choice_is_refused_in_the_language_asked_for(lang: str) -> None:
    done = invoke("move", "x", "--to", "Nowhere", "--reason", "r", "--lang", lang)
    assert done.code == 2
    assert "Samstyre, Koordinere" in done.err
    assert not [word for word in ENGLISH if word in done.err], done.err


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "args",
    [
        ("check", "--bogus"),
        ("move", "x"),
        ("calendar", "--year", "abc"),
        ("nosuch",),
        ("decide", "x", "--reason"),
        ("segment", "portfolio/", "extra"),  # click's "Got unexpected extra argument(s)"
    ],
)
def test_usage_errors_are_in_the_language_asked_for(lang: str, args: tuple[str, ...]) -> None:
    done = invoke(*args, env={"EHP_LANG": lang})
    assert done.code == 2
    assert "Feil: " in done.err
    assert not [word for word in ENGLISH if word in done.err], done.err


def test_a_status_decided_in_words_is_recorded_as_its_id_and_told_in_words(tmp_path: Path) -> None:
    portfolio = tmp_path / "portfolio"
    shutil.copytree(ROOT / "portfolio", portfolio)
    done = invoke("decide", FIRST, "--status", "Avslutta", "--reason", "ferdig", "--path", str(portfolio))
    assert done.code == 0, done.err
    assert "avsluttet" in done.err
    assert "status: finished" in (portfolio / "initiatives" / f"{FIRST}.yaml").read_text(encoding="utf-8")
    history = invoke("history", FIRST, "--path", str(portfolio), "--lang", "nn")
    assert "status: aktiv → avslutta" in history.out
    assert "finished" not in history.out


def test_the_workbook_names_statuses_in_words_and_import_reads_them_back(tmp_path: Path) -> None:
    import io

    import openpyxl  # type: ignore[import-untyped]

    from ehportfolio.features.exporting import COLUMNS, render_xlsx
    from ehportfolio.features.importing import initiative_text
    from ehportfolio.store.packaged import load_checklist

    row = dict.fromkeys(COLUMNS)
    row.update({"id": "a", "status": "withdrawn", "missing": [], "history": [], "stage": "withdrawn"})
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx([row], "nn"))).active
    values = [cell.value for cell in sheet[2]]
    assert values[COLUMNS.index("status")] == "trekt"
    assert "withdrawn" not in values
    written = initiative_text(
        "A", "B", None, None, None, load_checklist("2020"), "t.xlsx", exported={"status": "Trekt"}
    )
    assert "withdrawn" in written and "Trekt" not in written


def _errors(annotation: Any, value: Any) -> list[Any]:
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as exc:
        return list(exc.errors(include_url=False))
    raise AssertionError("valid")


@pytest.mark.parametrize(
    ("annotation", "value", "code"),
    [
        (datetime.date, "31.12.2021", "bad_date_value"),
        (datetime.date, "2021-02-30", "bad_date_value"),
        (Annotated[str, StringConstraints(max_length=3)], "abcdef", "too_long"),
        (Annotated[list[int], Field(max_length=1)], [1, 2], "too_many"),
        (Annotated[int, Field(ge=1)], 0, "too_small"),
        (Annotated[int, Field(le=9)], 10, "too_large"),
        (Annotated[int, Field(gt=1)], 1, "not_above"),
        (Annotated[int, Field(lt=1)], 1, "not_below"),
        (float, "many", "wrong_type"),
        (int, 1.5, "wrong_type"),
        (Literal["active", "finished"], "done", "bad_choice"),
        (Annotated[str, StringConstraints(pattern=r"^[a-z]+$")], "ABC", "bad_pattern"),
        (uuid.UUID, "x", "invalid_value"),
    ],
)
def test_pydantic_refusals_are_told_in_our_words(annotation: Any, value: Any, code: str) -> None:
    from ehportfolio.i18n.messages import problem_line
    from ehportfolio.store.validation import _field_problem, _problem

    (error,) = _errors(annotation, value)
    problem = _problem(BaseModel, {**error, "loc": ("field",)}, "f.yaml", {})
    assert problem.code == code
    for lang in ("nb", "nn"):
        line = problem_line(problem, lang)
        assert error["msg"] not in line
        assert not [word for word in ("Input should", " or ", "valid") if word in line], line
    assert _field_problem  # the fallback of every field-type error
