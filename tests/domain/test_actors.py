"""Owner matching (domain/actors.py): one table of what a typed owner names in the actors register, and how."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ehportfolio.domain.actors import CASE, CLOSEST, EXACT, PREFIX, SHORT_NAME, Match, _one_edit, match_owner
from ehportfolio.domain.models import Actor

ACTORS = (
    Actor(name="Helsedirektoratet"),
    Actor(name="Direktoratet for e-helse"),
    Actor(name="Folkehelseinstituttet", short_name="FHI"),
    Actor(name="Helse Vest RHF"),
    Actor(name="Helse Nord RHF"),
    Actor(name="Norsk Helsenett", short_name="NHN"),
    Actor(name="KS"),
    Actor(name="Oslo kommune"),
)


@pytest.mark.parametrize(
    ("typed", "name", "how"),
    [
        ("Helsedirektoratet", "Helsedirektoratet", EXACT),
        ("  Helse   Vest RHF ", "Helse Vest RHF", EXACT),  # white space does not count
        ("KS", "KS", EXACT),
        ("HELSEDIREKTORATET", "Helsedirektoratet", CASE),
        ("oslo Kommune", "Oslo kommune", CASE),
        ("fhi", "Folkehelseinstituttet", SHORT_NAME),
        ("NHN", "Norsk Helsenett", SHORT_NAME),
        ("helsedir", "Helsedirektoratet", PREFIX),
        ("helse v", "Helse Vest RHF", PREFIX),
        ("Helse Vest", "Helse Vest RHF", PREFIX),
        ("dir", "Direktoratet for e-helse", PREFIX),
        ("Hesledirektoratet", "Helsedirektoratet", CLOSEST),  # the misspelling in table 5.2 of the report
        ("Norsk Helsnett", "Norsk Helsenett", CLOSEST),
        ("Helse Nor RHF", "Helse Nord RHF", CLOSEST),
        ("Direktoratet for ehelse", "Direktoratet for e-helse", CLOSEST),
    ],
)
def test_a_name_the_register_knows_is_matched(typed: str, name: str, how: str) -> None:
    match = match_owner(typed, ACTORS)
    assert (match.name, match.how) == (name, how)
    assert match.typed == " ".join(typed.split())
    assert match.ambiguous == () and match.suggestion == ""


@pytest.mark.parametrize(
    ("typed", "ambiguous", "suggestion"),
    [
        ("Helse", ("Helse Nord RHF", "Helse Vest RHF", "Helsedirektoratet"), ""),  # a start of several names
        ("helse ", ("Helse Nord RHF", "Helse Vest RHF", "Helsedirektoratet"), ""),  # trimmed first
        ("Helse Øst", (), "Helse Vest RHF"),  # not close enough to be taken: a did-you-mean
        ("Helse Øst RHF", (), "Helse Vest RHF"),  # alike, but another actor: two edits away
        ("Norks Helsenet", (), "Norsk Helsenett"),  # two typos
        ("KSA", (), "KS"),  # one edit, but from a short name
        ("O", (), ""),  # too short a start: a segment letter in the wrong column is not Oslo kommune
        ("K", (), "KS"),
        ("Ukjent leverandør AS", (), ""),
        ("", (), ""),
    ],
)
def test_a_name_the_register_does_not_know_is_not_matched(
    typed: str, ambiguous: tuple[str, ...], suggestion: str
) -> None:
    assert match_owner(typed, ACTORS) == Match(" ".join(typed.split()), ambiguous=ambiguous, suggestion=suggestion)


def test_a_misspelling_close_to_two_names_is_only_suggested() -> None:
    actors = (Actor(name="Helse Nord RHF"), Actor(name="Helse Nore RHF"))
    match = match_owner("Helse Nort RHF", actors)
    assert match.name == "" and match.suggestion in ("Helse Nord RHF", "Helse Nore RHF")


def _distance(a: str, b: str) -> int:
    """The optimal string alignment distance (edits, with a swap of neighbours as one), the slow way."""
    rows = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


@given(st.text("abc", max_size=6), st.text("abc", max_size=6))
def test_one_edit_is_an_edit_distance_of_one(a: str, b: str) -> None:
    assert _one_edit(a, b) == (_distance(a, b) == 1)
