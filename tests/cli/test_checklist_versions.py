"""Checklist versions side by side: the 2024 trial beside 2020, answers to both in one file, `--checklist` on assess,
segment, check and export, and the shipped portfolio under 2024 undecided wherever a new question is unanswered."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from conftest import invoke
from helpers import VALID, build_file_tree

ROOT = Path(__file__).parents[2]
SHIPPED = ROOT / "portfolio"
NEW_INCLUSION = ("core_activity", "cross_actor_coordination", "strategy_essential")
"""The inclusion questions the 2024 trial adds to 2020's (its criteria, written out here independently)."""

BOTH = """\
name: Begge versjoner
owner: Helse Vest RHF
segment: koordinere
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  core_activity: ja
  cross_actor_coordination: nei
  strategy_essential: ja
  broad_collaboration: nei
  strong_samstyre_dependencies: ja
"""


def raw_answers(path: Path) -> dict[str, object]:
    """A shipped file's answers as the YAML says them, read without ehp."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return dict(data.get("checklist") or {})


def expected_2024(answers: dict[str, object]) -> tuple[str, set[str]]:
    """`out`, `undecided` or `decided` under the trial's criteria, and the new inclusion questions left open."""
    yes = {key for key, value in answers.items() if value in (True, "ja")}
    no = {key for key, value in answers.items() if value in (False, "nei")}
    if (
        "digitalisation_essential" in no
        or "core_activity" in no
        or {"cross_actor_coordination", "strategy_essential"} <= no
    ):
        return "out", set()
    open_ = {key for key in NEW_INCLUSION if key not in yes and key not in no}
    if "cross_actor_coordination" in yes or "strategy_essential" in yes:
        open_ -= {"cross_actor_coordination", "strategy_essential"}
    return ("undecided" if open_ else "decided"), open_


def test_the_shipped_portfolio_under_2024_is_undecided_wherever_a_new_question_is_unanswered() -> None:
    code, out, err = invoke("segment", str(SHIPPED), "--checklist", "2024", "--format", "json")
    assert code == 1, err  # undecided initiatives are findings
    rows = {row["id"]: row for row in json.loads(out)}
    files = sorted((SHIPPED / "initiatives").glob("*.yaml"))
    assert set(rows) == {path.stem for path in files}
    undecided = 0
    for path in files:
        row = rows[path.stem]
        verdict, open_ = expected_2024(raw_answers(path))
        assert row["checklist_version"] == "2024"
        if verdict == "undecided":
            undecided += 1
            assert (row["included"], row["segment"]) == (None, None), path.stem
            assert open_ <= set(row["missing"]), path.stem  # it says which questions, never a guess
            traced = {s["question"] for s in row["trace"] if s["effect"] == "unanswered"}
            assert open_ <= traced, path.stem  # and the decision's trace names them
    assert undecided == len(files)  # no shipped file answers the new questions


def test_the_same_portfolio_under_its_own_2020_is_decided() -> None:
    code, out, _ = invoke("segment", str(SHIPPED), "--format", "json")
    assert code == 0
    assert all(row["checklist_version"] == "2020" and row["segment"] for row in json.loads(out))


def test_segment_text_names_the_missing_questions_and_flags_no_recorded_segment() -> None:
    _, out, _ = invoke("segment", str(SHIPPED), "--checklist", "2024")
    assert "55 tiltak klassifisert med sjekkliste 2024" in out and "Uavklart 55" in out
    assert "avviker fra sjekklisten uten begrunnelse" not in out  # undecided is no result to differ from


def test_assess_under_2024_traces_each_unanswered_question_in_its_words() -> None:
    code, out, _ = invoke("assess", str(SHIPPED / "initiatives" / "helseplattformen.yaml"), "--checklist", "2024")
    assert code == 1
    assert "Sjekkliste: 2024" in out and "Resultat: uavklart." in out
    assert "Er digitalisering vesentlig for å oppnå tiltakets formål? [digitalisation_essential]" in out
    for line in (
        "core_activity: Gjelder tiltaket kjernevirksomheten i helse- og omsorgstjenesten?",
        "cross_actor_coordination: Trenger tiltaket koordinering på tvers av flere aktører for å lykkes?",
        "strategy_essential: Er tiltaket vesentlig for å lykkes med nasjonal e-helsestrategi?",
    ):
        assert f"  - {line}" in out


def test_check_under_2024_warns_of_every_undecided_initiative_and_names_the_questions() -> None:
    code, out, _ = invoke("check", str(SHIPPED), "--checklist", "2024", "--format", "json")
    assert code == 0  # undecided is a warning
    findings = [f for f in json.loads(out)["findings"] if f["rule"] == "undecided"]
    assert len(findings) == 55
    assert all(all(key in f["message"] for key in NEW_INCLUSION) for f in findings)


def test_export_under_2024_carries_the_version_and_what_is_missing() -> None:
    code, out, _ = invoke("export", "--checklist", "2024", "--path", str(SHIPPED))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["checklist_version"] for row in rows} == {"2024"}
    assert all(row["included"] == "" and row["missing"].split() == list(NEW_INCLUSION) for row in rows)
    assert all(row[key] == "" for row in rows for key in NEW_INCLUSION)


@pytest.mark.parametrize("command", ["assess", "segment", "check", "export"])
def test_an_unknown_version_is_a_user_error_naming_the_known_ones(command: str) -> None:
    target = str(SHIPPED / "initiatives" / "helseplattformen.yaml") if command == "assess" else str(SHIPPED)
    args = [command, "--path", target] if command == "export" else [command, target]
    code, out, err = invoke(*args, "--checklist", "2031")
    assert code == 2 and out == ""
    assert "Ukjent sjekklisteversjon «2031»; kjente: 2020, 2024." in err
    _, _, english = invoke(*args, "--checklist", "2031", "--lang", "en")
    assert "2020, 2024" in english


def test_one_file_answers_both_versions_and_each_reads_its_own_keys(tmp_path: Path) -> None:
    root = build_file_tree(
        tmp_path, {"portfolio.yaml": "name: X\nyear: 2024\n", "initiatives/a.yaml": BOTH, "initiatives/b.yaml": VALID}
    )
    for version, segment in (("2020", "koordinere"), ("2024", "koordinere")):
        code, out, err = invoke("assess", str(root / "initiatives" / "a.yaml"), "--checklist", version, "-f", "json")
        assert code == 0, err
        decision = json.loads(out)
        assert (decision["included"], decision["segment"], decision["checklist_version"]) == (True, segment, version)
        read = {step["question"] for step in decision["trace"]}
        other = {"multiple_care_providers", "reuse_potential"} if version == "2024" else set(NEW_INCLUSION)
        assert not read & other  # a version never reads the other's questions
    code, _, _ = invoke("check", str(root), "--checklist", "2024")
    assert code == 0


def test_a_key_of_no_version_is_still_an_error(tmp_path: Path) -> None:
    root = build_file_tree(
        tmp_path,
        {"portfolio.yaml": "name: X\nyear: 2024\n", "initiatives/a.yaml": VALID + "  core_activty: ja\n"},
    )
    code, out, _ = invoke("check", str(root), "--checklist", "2024")
    assert code == 1
    assert "10:3  feil  unknown_key  ukjent nøkkel «core_activty»; mente du «core_activity»?" in out


def test_the_portfolio_may_name_2024_as_its_version(tmp_path: Path) -> None:
    root = build_file_tree(
        tmp_path, {"portfolio.yaml": "name: X\nyear: 2024\nchecklist_version: '2024'\n", "initiatives/a.yaml": BOTH}
    )
    code, out, _ = invoke("segment", str(root), "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["checklist_version"] == "2024"
    code, out, _ = invoke("segment", str(root), "--format", "json", "--checklist", "2020")
    assert json.loads(out)[0]["checklist_version"] == "2020"


def test_the_2024_questions_have_guidance_in_three_languages_for_explain_and_new() -> None:
    from ehportfolio.store.packaged import load_checklist

    checklist = load_checklist("2024")
    assert set(checklist.guidance) == set(checklist.questions)
    for texts in checklist.guidance.values():
        assert all(texts[lang].strip() for lang in ("nb", "nn", "en"))
    code, out, _ = invoke("explain", "checklist", "core_activity", "--checklist", "2024")
    assert code == 0
    assert "Gjelder tiltaket kjernevirksomheten i helse- og omsorgstjenesten?" in out
    assert "Nasjonal e-helseportefølje april 2024, kapittel 5.1; sjekklisteversjon 2024" in out
    assert "Andre del av kriterium 1 i utprøvingen fra 2024" in out
    _, nynorsk, _ = invoke("explain", "checklist", "core_activity", "--checklist", "2024", "--lang", "nn")
    assert "Gjeld tiltaket kjerneverksemda i helse- og omsorgstenesta?" in nynorsk


def test_the_initiative_schema_describes_the_questions_of_every_version() -> None:
    schema = json.loads((SHIPPED / "schema" / "initiative.schema.json").read_text(encoding="utf-8"))
    answers = schema["$defs"]["Answers"]["properties"]
    for key in NEW_INCLUSION:
        assert answers[key]["description"].endswith("Spørsmålet stilles i sjekklisteversjon 2024.")
