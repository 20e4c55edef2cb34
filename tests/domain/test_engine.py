"""The decision engine against the checklist of the report, for every combination of ja / nei / unanswered."""

from __future__ import annotations

import itertools

import pytest

from ehportfolio.domain.engine import FAILED, MET, NOT_NEEDED, OTHERWISE, SEGMENT, UNANSWERED, decide
from ehportfolio.domain.models import CHECKLIST_KEYS
from ehportfolio.store.packaged import available_versions, load_checklist

CHECKLIST = load_checklist("2020")
KEYS_2020 = (
    "digitalisation_essential",
    "multiple_care_providers",
    "reuse_potential",
    "health_information_access",
    "broad_collaboration",
    "strong_samstyre_dependencies",
    "exploratory",
)
VALUES = (True, False, None)


def oracle(a: dict[str, bool | None]) -> tuple[bool | None, str | None, set[str]]:
    """The rules of appendix 5.1 written out by hand, independently of the engine and the checklist file."""
    d, m, r, h = (
        a["digitalisation_essential"],
        a["multiple_care_providers"],
        a["reuse_potential"],
        a["health_information_access"],
    )
    c3: bool | None = True if (r or h) else (False if (r is False and h is False) else None)
    if d is False or m is False or c3 is False:
        return False, None, set()
    tree = [
        ("broad_collaboration", "samstyre"),
        ("strong_samstyre_dependencies", "koordinere"),
        ("exploratory", "inspirere"),
    ]
    seg_missing: set[str] = set()
    segment: str | None = "observere"
    for key, name in tree:
        if a[key] is True:
            segment = name if not seg_missing else None
            break
        if a[key] is None:
            seg_missing.add(key)
    else:
        if seg_missing:
            segment = None
    inc_missing = {k for k, v in (("digitalisation_essential", d), ("multiple_care_providers", m)) if v is None}
    if c3 is None:
        inc_missing |= {k for k, v in (("reuse_potential", r), ("health_information_access", h)) if v is None}
    if inc_missing:
        return None, None, inc_missing | seg_missing
    return True, segment, seg_missing


ALL = list(itertools.product(VALUES, repeat=len(KEYS_2020)))


def test_every_combination_of_answers_matches_the_report() -> None:
    assert len(ALL) == 3**7
    for combo in ALL:
        answers = dict(zip(KEYS_2020, combo, strict=True))
        decision = decide(answers, CHECKLIST)
        included, segment, missing = oracle(answers)
        assert (decision.included, decision.segment, set(decision.missing)) == (included, segment, missing), answers
        assert decision.decided == (included is False or segment is not None)


def test_every_combination_traces_each_answer_it_read() -> None:
    for combo in ALL:
        answers = dict(zip(KEYS_2020, combo, strict=True))
        decision = decide(answers, CHECKLIST)
        for step in decision.trace:
            if step.question is not None:
                assert step.answer == answers[step.question]
        # Every missing answer the result names was read and traced as needed.
        needed = {s.question for s in decision.trace if s.effect == UNANSWERED}
        assert set(decision.missing) == needed


def test_one_nei_decides_out_even_when_everything_else_is_missing() -> None:
    for key in ("digitalisation_essential", "multiple_care_providers"):
        decision = decide({key: False}, CHECKLIST)
        assert decision.included is False and decision.missing == ()
        assert decision.trace[-1].question == key and decision.trace[-1].effect == FAILED


def test_both_halves_of_criterion_three_must_be_nei_to_decide_out() -> None:
    half = decide({"reuse_potential": False}, CHECKLIST)
    assert half.included is None and "health_information_access" in half.missing
    both = decide({"reuse_potential": False, "health_information_access": False}, CHECKLIST)
    assert both.included is False and both.trace[-1].effect == FAILED


def test_samstyre_trace_reads_the_criteria_then_the_first_yes() -> None:
    answers = {
        "digitalisation_essential": True,
        "multiple_care_providers": True,
        "health_information_access": True,
        "broad_collaboration": True,
    }
    decision = decide(answers, CHECKLIST)
    assert (decision.included, decision.segment) == (True, "samstyre")
    effects = [(s.question, s.effect) for s in decision.trace]
    assert effects == [
        ("digitalisation_essential", MET),
        ("multiple_care_providers", MET),
        ("reuse_potential", NOT_NEEDED),
        ("health_information_access", MET),
        ("broad_collaboration", SEGMENT),
    ]


def test_all_nei_in_the_tree_gives_observere_with_a_final_step() -> None:
    answers = {
        "digitalisation_essential": True,
        "multiple_care_providers": True,
        "reuse_potential": True,
        "broad_collaboration": False,
        "strong_samstyre_dependencies": False,
        "exploratory": False,
    }
    decision = decide(answers, CHECKLIST)
    assert decision.segment == "observere"
    assert decision.trace[-1].effect == OTHERWISE and decision.trace[-1].segment == "observere"


@pytest.mark.parametrize(
    ("answers", "missing"),
    [
        ({}, KEYS_2020),
        ({"broad_collaboration": True}, KEYS_2020[:4]),
        (
            {
                "digitalisation_essential": True,
                "multiple_care_providers": True,
                "reuse_potential": True,
                "strong_samstyre_dependencies": True,
            },
            ("broad_collaboration",),
        ),
    ],
)
def test_missing_names_the_answers_still_needed(answers: dict[str, bool], missing: tuple[str, ...]) -> None:
    decision = decide(answers, CHECKLIST)
    assert decision.included is None or decision.segment is None
    assert set(decision.missing) == set(missing)


def test_the_checklist_is_data_with_both_languages() -> None:
    assert CHECKLIST.version == "2020"
    assert set(CHECKLIST.questions) == set(KEYS_2020)
    for texts in CHECKLIST.questions.values():
        assert texts["nb"].endswith("?") and texts["en"].endswith("?")
    assert CHECKLIST.questions["exploratory"]["nb"] == "Er tiltakets formål primært undersøkende eller utforskende?"


def test_an_initiative_file_may_answer_the_keys_of_every_shipped_version_and_no_other() -> None:
    asked = {key for version in available_versions() for key in load_checklist(version).questions}
    assert asked == set(CHECKLIST_KEYS)
