"""`ehp explain`: the glossary, the segments and the checklist with its guidance, in each language and format; an
unknown name exits 2 with a did-you-mean."""

from __future__ import annotations

import json

import pytest
from conftest import invoke

from ehportfolio.cli.exits import USER_ERROR
from ehportfolio.i18n.catalogues import LANGUAGES
from ehportfolio.store.packaged import load_cadence, load_checklist, load_glossary


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_prints_every_term_in_each_language(lang: str) -> None:
    code, out, err = invoke("explain", "glossary", "--lang", lang)
    assert code == 0, err
    for term in load_glossary().terms:
        assert term.term[lang] in out
        assert term.definition[lang].split(".")[0][:60] in out.replace("\n    ", " ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_segments_print_their_purpose_and_cadence_in_each_language(lang: str) -> None:
    code, out, _ = invoke("explain", "segments", "--lang", lang, "--format", "markdown")
    assert code == 0
    cadence = load_cadence()
    for segment in cadence.segments.values():
        assert segment.purpose[lang] in out
        assert segment.subject[lang] in out
    assert out.count("\n## ") == 4


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checklist_prints_each_question_with_its_guidance_in_each_language(lang: str) -> None:
    code, out, _ = invoke("explain", "checklist", "--lang", lang, "--format", "json")
    assert code == 0
    data = json.loads(out)
    checklist = load_checklist("2020")
    assert data["lang"] == lang and data["topic"] == "checklist"
    assert {entry["id"] for entry in data["entries"]} == set(checklist.questions)
    for entry in data["entries"]:
        assert entry["title"] == checklist.questions[entry["id"]][lang]
        assert entry["texts"]["guidance"] == " ".join(checklist.guidance[entry["id"]][lang].split())


def test_one_segment_by_its_name_in_any_case() -> None:
    code, out, _ = invoke("explain", "segments", "Koordinere", "--lang", "en")
    assert code == 0
    assert "Koordinere  [koordinere, section 4.4]" in out
    assert "Reports 2 times a year to NUIT (the prioritisation committee)" in out
    assert "Samstyre  [" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("glossary", "e-helsetiltk"), "ukjent begrep «e-helsetiltk»; mente du «e-helsetiltak»?"),
        (("glossary", "e-helsetiltk", "--lang", "nn"), "ukjend omgrep «e-helsetiltk»; meinte du «e-helsetiltak»?"),
        (("glossary", "qqq", "--lang", "en"), 'unknown term "qqq"; known: e-helse, e-helsetiltak,'),
        (("segments", "samstyr", "--lang", "en"), 'unknown segment "samstyr"; did you mean "samstyre"?'),
        (("checklist", "exploratry"), "ukjent spørsmål «exploratry»; mente du «exploratory»?"),
        (("checklist", "8"), "ukjent spørsmål «8»; kjente: digitalisation_essential,"),
    ],
)
def test_an_unknown_name_exits_2_with_a_did_you_mean(args: tuple[str, ...], message: str) -> None:
    code, out, err = invoke("explain", *args)
    assert code == USER_ERROR
    assert out == ""
    assert message in err
