"""What the report explains, as shipped data: the glossary (5.3), the segments' purposes (4.2 to 4.6) and the guidance
of every checklist question (5.1) load, and every text is there in bokmål, nynorsk and English."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.domain.glossary import glossary_from_data
from ehportfolio.features import guide
from ehportfolio.i18n.catalogues import LANGUAGES
from ehportfolio.store.packaged import (
    CADENCE_FILE,
    CHECKLIST_DIR,
    GLOSSARY_FILE,
    load_cadence,
    load_checklist,
    load_glossary,
)

# Every term section 5.3 of the report defines, in its order.
REPORT_TERMS = ["E-helse", "E-helsetiltak", "Nasjonal betydning", "Nasjonale e-helseløsninger", "Nasjonale løsninger"]
# Words of bokmål that nynorsk spells otherwise: a nynorsk text holding one was not translated.
BOKMAL = re.compile(r"\b(ikke|hva|hvor|hvordan|tjenesten|tjenestene|løsning|løsninger|mulighet|flere|deler)\b")


def test_the_glossary_has_every_term_of_section_5_3_in_every_language() -> None:
    glossary = load_glossary()
    assert glossary.section == "5.3"
    assert [term.term["nb"] for term in glossary.terms] == REPORT_TERMS
    for term in glossary.terms:
        for texts in (term.term, term.definition):
            assert all(texts[lang].strip() for lang in LANGUAGES), term.id
        assert term.source
        assert not BOKMAL.search(term.definition["nn"]), term.id
    comments = {term.id: term.comment for term in glossary.terms if term.comment}
    assert list(comments) == ["nasjonal-betydning"]  # the only comment of Porteføljestyring 2.0 in 5.3
    assert "flere enn egen virksomhet" in comments["nasjonal-betydning"]["nb"]


def test_a_glossary_without_a_translation_is_refused() -> None:
    term = {"term": {"nb": "T", "en": "T"}, "definition": {"nb": "d"}}
    data = {"section": "5.3", "source": "x", "terms": {"t": term}}
    with pytest.raises(ValueError, match="missing"):
        glossary_from_data(data)


@pytest.mark.parametrize("segment", SEGMENTS)
def test_every_segment_has_its_purpose_in_every_language(segment: str) -> None:
    described = load_cadence().segments[segment]
    assert described.section in ("4.3", "4.4", "4.5", "4.6")
    for texts in (described.summary, described.purpose, described.benefit, described.examples):
        assert all(texts[lang].strip() for lang in LANGUAGES), segment
        assert not BOKMAL.search(texts["nn"]), (segment, texts["nn"])
    assert described.purpose["nb"].startswith("Formålet med dette segmentet")


def test_every_checklist_question_has_guidance_in_every_language() -> None:
    checklist = load_checklist("2020")
    assert sorted(checklist.guidance) == sorted(checklist.questions)
    for key, texts in checklist.guidance.items():
        assert all(texts[lang].strip() for lang in LANGUAGES), key
        assert re.search(r"\((kapittel |)[345](\.\d)?", texts["nb"]), f"{key}: the guidance names no section"
        assert not BOKMAL.search(texts["nn"]), (key, texts["nn"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_segments_say_how_often_they_report_to_whom_and_on_what(lang: str) -> None:
    cadence = load_cadence()
    explanation = guide.segments(cadence, lang)
    assert [entry.id for entry in explanation.entries] == list(cadence.segments)
    for entry in explanation.entries:
        reports = next(part.text for part in entry.parts if part.key == "reports")
        assert str(cadence.segments[entry.id].times) in reports
        committee = {"samstyre": "NUIT", "koordinere": "NUIT", "observere": "NUFA", "inspirere": "NUFA"}[entry.id]
        assert f"{committee} ({cadence.committees[committee][lang]})" in reports
        assert cadence.segments[entry.id].subject[lang] in reports


def test_a_term_is_found_by_its_id_or_its_name_in_any_language() -> None:
    glossary = load_glossary()
    for wanted in ("nasjonale-losninger", "Nasjonale løsninger", "nasjonale løysingar", "NATIONAL SOLUTIONS"):
        assert [entry.id for entry in guide.glossary(glossary, "nb", wanted).entries] == ["nasjonale-losninger"]


def test_a_question_is_found_by_its_key_or_its_number() -> None:
    checklist = load_checklist("2020")
    assert guide.checklist(checklist, "nb", "6").entries[0].id == "strong_samstyre_dependencies"
    last = guide.checklist(checklist, "nb", "exploratory").entries[0]
    decides = next(part.text for part in last.parts if part.key == "decides")
    assert "Inspirere" in decides and "Observere" in decides


def _raw(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_files_themselves_hold_every_text_in_three_languages() -> None:
    """As written, not as read: a checklist's nynorsk falls back to bokmål when it is missing."""
    texts = []
    for term in _raw(GLOSSARY_FILE)["terms"].values():
        texts += [term["term"], term["definition"], *([term["comment"]] if "comment" in term else [])]
    for segment in _raw(CADENCE_FILE)["segments"].values():
        texts += [segment[part] for part in ("summary", "purpose", "benefit", "examples", "subject")]
    for question in _raw(CHECKLIST_DIR / "2020.yaml")["questions"].values():
        texts += [question, question["guidance"]]
    assert len(texts) == 5 * 2 + 1 + 4 * 5 + 7 * 2
    for given in texts:
        assert all(str(given.get(lang) or "").strip() for lang in LANGUAGES), given
