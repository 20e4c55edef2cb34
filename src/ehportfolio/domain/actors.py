"""Owner matching: which actor of the actors register a typed owner name means. One pure function, shared by
`ehp new` (features/intake.py) and `ehp import` (features/importing.py), so that both take and refuse the same names.

In order, the first that fits wins:

1. the name as in the register (white space around it, and runs of it inside, do not count): `EXACT`;
2. the name in any case: `CASE`;
3. a short name in any case (`fhi`): `SHORT_NAME`;
4. the start of just one name, at least `PREFIX_MIN` characters, in any case (`helsedir`): `PREFIX`. A start that fits
   several names fits none, and they are listed (`ambiguous`);
5. a typo (`Hesledirektoratet`): the one name, in any case, that is one edit away (a letter wrong, missing or extra,
   or two letters swapped) and at least `CLOSE` alike: `CLOSEST`.

Anything else is not matched, with the nearest name, if any is near, as a did-you-mean (`suggestion`). Whether a
`CLOSEST` match is taken or first confirmed is the caller's decision.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from ehportfolio.domain.models import Actor

EXACT = "exact"
CASE = "case"
SHORT_NAME = "short_name"
PREFIX = "prefix"
CLOSEST = "closest"

PREFIX_MIN = 3
"""The shortest start taken for a name: shorter ones are too easily something else, such as a segment letter (`K`,
`O`) in the wrong column of a table."""
CLOSE = 0.85
"""How alike (difflib's ratio, ignoring case) a name one edit away must also be to be taken as a typo of it, so that
a short name is not taken for another ("KSA" is not KS). Alikeness alone is not enough: "Helse Øst RHF" is 0.89 alike
to "Helse Vest RHF", another actor, and gets a did-you-mean."""
SUGGEST = 0.5
"""How alike a name must be to be offered as a did-you-mean, as everywhere else (store/validation.py `closest`)."""


@dataclass(frozen=True)
class Match:
    """What a typed owner means: `name` is the register's name and `how` says how it was found; when nothing fits,
    `name` and `how` are "", with the names a start fits (`ambiguous`) or a did-you-mean (`suggestion`)."""

    typed: str
    name: str = ""
    how: str = ""
    ambiguous: tuple[str, ...] = ()
    suggestion: str = ""


def normalise(text: str) -> str:
    """A typed name as compared: trimmed, with each run of white space as one space."""
    return " ".join(text.split())


def match_owner(text: str, actors: Sequence[Actor]) -> Match:
    """The actor of the register `text` names, and how; see the module's docstring for the order."""
    typed = normalise(text)
    folded = typed.casefold()
    names = [actor.name for actor in actors]
    if typed in names:
        return Match(typed, typed, EXACT)
    by_fold = {name.casefold(): name for name in names}
    if folded in by_fold:
        return Match(typed, by_fold[folded], CASE)
    short = {actor.name for actor in actors if actor.short_name and normalise(actor.short_name).casefold() == folded}
    if len(short) == 1:
        return Match(typed, short.pop(), SHORT_NAME)
    if len(typed) >= PREFIX_MIN:
        starts = sorted(name for fold, name in by_fold.items() if fold.startswith(folded))
        if len(starts) == 1:
            return Match(typed, starts[0], PREFIX)
        if starts:
            return Match(typed, ambiguous=tuple(starts))
    close = [fold for fold in difflib.get_close_matches(folded, list(by_fold), cutoff=CLOSE) if _one_edit(folded, fold)]
    if len(close) == 1:
        return Match(typed, by_fold[close[0]], CLOSEST)
    near = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=SUGGEST)
    return Match(typed, suggestion=by_fold[near[0]] if near else "")


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one edit: a letter changed, left out, added, or two neighbours swapped."""
    if len(a) > len(b):
        a, b = b, a
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(b) - len(a) == 1:
        return a[start:] == b[start + 1 :]
    if len(a) != len(b) or start == len(a):
        return False
    if a[start + 1 :] == b[start + 1 :]:
        return True
    swapped = a[start + 1 : start + 2] == b[start] and a[start] == b[start + 1 : start + 2]
    return swapped and a[start + 2 :] == b[start + 2 :]
