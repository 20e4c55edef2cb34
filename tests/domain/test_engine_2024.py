"""The decision engine against the 2024 trial checklist, for all 3**7 combinations of ja / nei / unanswered.

The oracle is the trial's criteria written out by hand (Helsedirektoratet, "Nasjonal e-helseportefølje april 2024",
5.1): (digitalisation essential AND core activity) AND (cross-actor coordination OR strategy essential); the segment
tree is the 2020 one. It reads neither the engine nor the checklist file.
"""

from __future__ import annotations

import itertools

from ehportfolio.domain.engine import FAILED, UNANSWERED, decide
from ehportfolio.store.packaged import load_checklist

CHECKLIST = load_checklist("2024")
KEYS = (
    "digitalisation_essential",
    "core_activity",
    "cross_actor_coordination",
    "strategy_essential",
    "broad_collaboration",
    "strong_samstyre_dependencies",
    "exploratory",
)
ALL = list(itertools.product((True, False, None), repeat=len(KEYS)))


def _and(*values: bool | None) -> bool | None:
    """Three-valued and: one no is no, else any unknown is unknown."""
    if False in values:
        return False
    return None if None in values else True


def _or(*values: bool | None) -> bool | None:
    """Three-valued or: one yes is yes, else any unknown is unknown."""
    if True in values:
        return True
    return None if None in values else False


def oracle(a: dict[str, bool | None]) -> tuple[bool | None, str | None, set[str]]:
    """(included, segment, the answers still needed), by the trial's criteria and the 2020 segment tree."""
    d, k, c, s = (a[key] for key in KEYS[:4])
    criterion_1 = _and(d, k)
    criterion_2 = _or(c, s)
    included = _and(criterion_1, criterion_2)
    if included is False:
        return False, None, set()
    needed: set[str] = set()
    if d is None:
        needed.add("digitalisation_essential")
    if k is None:
        needed.add("core_activity")
    if criterion_2 is None:
        needed |= {key for key in ("cross_actor_coordination", "strategy_essential") if a[key] is None}
    b, t, e = a["broad_collaboration"], a["strong_samstyre_dependencies"], a["exploratory"]
    # the first yes decides; an unanswered question before it leaves the segment open
    if b is True:
        segment, open_ = "samstyre", set()
    elif b is None:
        segment, open_ = None, {"broad_collaboration"} | {key for key in KEYS[5:] if a[key] is None}
        if t is True:
            open_ -= {"exploratory"}
    elif t is True:
        segment, open_ = "koordinere", set()
    elif t is None:
        segment, open_ = None, {"strong_samstyre_dependencies"} | ({"exploratory"} if e is None else set())
    elif e is True:
        segment, open_ = "inspirere", set()
    elif e is None:
        segment, open_ = None, {"exploratory"}
    else:
        segment, open_ = "observere", set()
    if included is None:
        return None, None, needed | open_
    return True, segment, open_


def test_all_3_to_the_7_combinations_match_the_trial_criteria() -> None:
    assert len(ALL) == 3**7
    for combo in ALL:
        answers = dict(zip(KEYS, combo, strict=True))
        decision = decide(answers, CHECKLIST)
        expected = oracle(answers)
        assert (decision.included, decision.segment, set(decision.missing)) == expected, answers
        assert decision.decided == (expected[0] is False or expected[1] is not None)
        assert decision.checklist_version == "2024"


def test_the_trace_names_every_question_still_needed() -> None:
    for combo in ALL:
        answers = dict(zip(KEYS, combo, strict=True))
        decision = decide(answers, CHECKLIST)
        assert {s.question for s in decision.trace if s.effect == UNANSWERED} == set(decision.missing)


def test_the_2020_answers_alone_leave_the_2024_inclusion_open_and_say_which_questions() -> None:
    answers = {
        "digitalisation_essential": True,
        "multiple_care_providers": True,
        "reuse_potential": True,
        "broad_collaboration": True,
    }
    decision = decide(answers, CHECKLIST)
    assert decision.included is None and decision.segment is None
    assert set(decision.missing) == {"core_activity", "cross_actor_coordination", "strategy_essential"}


def test_a_nei_to_the_reworded_question_is_out_under_both_versions() -> None:
    decision = decide({"digitalisation_essential": False}, CHECKLIST)
    assert decision.included is False and decision.trace[-1].effect == FAILED
    assert decide({"digitalisation_essential": False}, load_checklist("2020")).included is False


def test_the_segment_questions_are_the_2020_ones_word_for_word() -> None:
    old = load_checklist("2020")
    assert CHECKLIST.segment_tree == old.segment_tree and CHECKLIST.otherwise == old.otherwise
    for key in KEYS[4:]:
        assert CHECKLIST.questions[key] == old.questions[key]
        assert CHECKLIST.guidance[key] == old.guidance[key]
    assert CHECKLIST.questions["digitalisation_essential"]["nb"].endswith("for å oppnå tiltakets formål?")
