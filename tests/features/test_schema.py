"""The exported JSON Schemas agree with the models: shipped files validate, and the schemas refuse what ehp does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from ehportfolio.cli.app import app
from ehportfolio.features.schema import KINDS, build_schema, file_name
from ehportfolio.store.packaged import load_checklist

ROOT = Path(__file__).parents[2]
PORTFOLIO = ROOT / "portfolio"
FIXTURES = ROOT / "tests" / "fixtures"
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


class EditorLoader(yaml.SafeLoader):
    """PyYAML read as an editor's YAML 1.2 reads: a date such as 2021-02-11 stays text (YAML 1.1 makes it a date)."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_load(text: str) -> object:
    return yaml.load(text, Loader=EditorLoader)


def shipped_files() -> list[Path]:
    return sorted(PORTFOLIO.glob("*.yaml")) + sorted((PORTFOLIO / "initiatives").glob("*.yaml"))


def status_fixtures() -> list[Path]:
    return sorted((FIXTURES / "status").glob("*/*.yaml"))


def validator_for(path: Path, schema_dir: Path | None = None) -> Draft202012Validator:
    match = SCHEMA_LINE.match(path.read_text(encoding="utf-8"))
    assert match, f"{path} lacks the yaml-language-server line"
    schema_path = (path.parent / match.group(1)).resolve()
    if schema_dir is not None:  # a file kept outside the portfolio whose schema/ its line names
        schema_path = schema_dir / schema_path.name
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: p.name)
def test_every_shipped_file_validates_against_its_exported_schema(path: Path) -> None:
    errors = list(validator_for(path).iter_errors(editor_load(path.read_text(encoding="utf-8"))))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize("path", status_fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_status_fixtures_validate_against_the_shipped_status_schema(path: Path) -> None:
    validator = validator_for(path, PORTFOLIO / "schema")
    errors = list(validator.iter_errors(editor_load(path.read_text(encoding="utf-8"))))
    assert not errors, [e.message for e in errors]


def test_shipped_schemas_are_what_ehp_schema_writes_now(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    for kind in KINDS:
        assert (tmp_path / file_name(kind)).read_text(encoding="utf-8") == (
            PORTFOLIO / "schema" / file_name(kind)
        ).read_text(encoding="utf-8"), f"run: ehp schema --out portfolio/schema ({kind} has drifted)"


def test_checklist_keys_carry_the_norwegian_questions() -> None:
    schema = build_schema("initiative", load_checklist("2020"))
    answers = schema["$defs"]["Answers"]["properties"]
    description = answers["exploratory"]["description"]
    assert description.startswith("Er tiltakets formål primært undersøkende eller utforskende?\n\nJa gir segmentet")


def test_checklist_keys_carry_the_guidance_in_both_languages() -> None:
    checklist = load_checklist("2020")
    answers = build_schema("initiative", checklist)["$defs"]["Answers"]["properties"]
    for key, texts in checklist.guidance.items():
        nb, en = (" ".join(texts[lang].split()) for lang in ("nb", "en"))
        assert answers[key]["description"] == f"{' '.join(checklist.questions[key]['nb'].split())}\n\n{nb}"
        assert nb in answers[key]["markdownDescription"] and en in answers[key]["markdownDescription"]


@pytest.mark.parametrize(
    "change",
    [
        {"segmnet": "samstyre"},
        {"checklist": {"reuse_potential": "kanskje"}},
        {"segment": "annet"},
        {"dependencies": [{"id": "Ikke Slug", "strength": "strong"}]},
        {"dependencies": [{"id": "a", "strength": "middels"}]},
        {"name": ""},
    ],
)
def test_the_initiative_schema_refuses_what_the_models_refuse(change: dict[str, object]) -> None:
    validator = Draft202012Validator(build_schema("initiative", load_checklist("2020")))
    good = {"name": "A", "owner": "KS", "checklist": {"digitalisation_essential": "ja", "exploratory": True}}
    assert not list(validator.iter_errors(good))
    bad = {**good, **change}
    if "checklist" in change:
        bad["checklist"] = {**good["checklist"], **change["checklist"]}  # type: ignore[dict-item]
    assert list(validator.iter_errors(bad))


@pytest.mark.parametrize(
    "change",
    [
        {"colour": "blå"},
        {"colur": "rød"},
        {"risks": [{"risk": "A", "konsekvens": "B"}]},
        {"dependencies": [{"id": "Ikke Slug"}]},
        {"progress": ""},
    ],
)
def test_the_status_schema_refuses_what_the_model_refuses(change: dict[str, object]) -> None:
    validator = Draft202012Validator(build_schema("status", load_checklist("2020")))
    good = {"date": "2021-02-01", "colour": "Rød", "risks": [{"risk": "A", "consequence": None}], "actions": [None]}
    assert not list(validator.iter_errors(good))
    assert list(validator.iter_errors({**good, **change}))


@pytest.mark.parametrize("calendar", [[{"committee": "NU IT", "number": 1, "date": "2021-02-11"}], [{"number": 1}]])
def test_the_portfolio_schema_refuses_a_bad_meeting(calendar: list[dict[str, object]]) -> None:
    validator = Draft202012Validator(build_schema("portfolio", load_checklist("2020")))
    assert list(validator.iter_errors({"name": "P", "year": 2021, "calendar": calendar}))
