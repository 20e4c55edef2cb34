"""Did-you-mean hints: difflib's answer, in work bounded however many unknown names one file holds."""

from __future__ import annotations

import difflib
import random

from ehportfolio.store.validation import HINT_BUDGET, Nearest, closest


def ids(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    words = ["kjernejournal", "e-resept", "helsenorge", "pasientjournal", "samhandling", "legemiddel", "velferd"]
    return [f"{rng.choice(words)}-{rng.randrange(10_000):04d}" for _ in range(count)]


def test_the_hint_is_difflibs() -> None:
    candidates = ids(300)
    words = [*ids(40, seed=2), "kjernejournl", "", "x", "helsenorge-0001x", candidates[5]]
    nearest = Nearest(candidates, budget=10**9)  # this test is about the answer, not the budget
    for word in words:
        matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.5)
        assert nearest(word) == (matches[0] if matches else ""), word
        assert closest(word, candidates) == (matches[0] if matches else "")


def test_only_candidates_of_a_possible_length_are_compared() -> None:
    nearest = Nearest(["a", "abcdef", "x" * 40])
    assert nearest("abcdeg") == "abcdef"
    assert nearest.compared == 1  # "a" is under a third as long and "x" * 40 over three times: neither can match


def test_thousands_of_unknown_names_cost_a_bounded_number_of_comparisons() -> None:
    """2,000 ids and 5,000 unknown ones: 10 million comparisons unbounded (a minute), here the budget and one search."""
    candidates = ids(2000)
    nearest = Nearest(candidates)
    unknown = [f"ukjent-{n:08d}" for n in range(5000)]
    hints = [nearest(word) for word in unknown]
    assert nearest.compared <= HINT_BUDGET + len(candidates)
    assert hints[0] == closest(unknown[0], candidates)  # the first are hinted at as ever
    assert hints[-1] == ""  # past the budget, no hint; the name is still reported by its rule


def test_a_name_met_again_is_answered_from_memory() -> None:
    nearest = Nearest(ids(100))
    first = nearest("kjernejournal-1")
    spent = nearest.compared
    assert nearest("kjernejournal-1") == first and nearest.compared == spent
