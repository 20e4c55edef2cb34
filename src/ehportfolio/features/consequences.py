"""The consequences of changing checklist version: each active initiative's decision under two versions, what changes,
and which questions each must answer before the new version can decide it; counted by segment and by owner.

NUIT agreed to trial the 2024 criteria on the condition that the portfolio office talks with the initiative owners
about the consequences: this is the basis for that talk (`ehp consequences`, `ehp report consequences`). Nothing is
guessed: an answer the new version needs and the file lacks leaves the initiative undecided, with the question named.

Pure: the decisions come from the engine, the stage and effective segment from `domain.state`; no files. The words
at the end are shared by the command's text and the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.engine import Decision, decide
from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.domain.models import Initiative
from ehportfolio.domain.state import MEMBER, PROPOSED, State, state_of
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import segment_name, stage_name, text

# What the change of version does to an initiative's checklist result, in the order reports list them.
INCLUSION = "inclusion"  # in under one version and out under the other
SEGMENT = "segment"  # in under both, in different segments
UNDECIDED = "undecided"  # the new version cannot decide it: answers are missing
DECIDED = "decided"  # undecided under the old version, decided under the new
UNCHANGED = "unchanged"  # the same result under both
CHANGES = (INCLUSION, SEGMENT, UNDECIDED, DECIDED, UNCHANGED)

ACTIVE_STAGES = (MEMBER, PROPOSED)
"""The initiatives the talk is about: members and proposals (not those decided out, finished or withdrawn)."""

NO_SEGMENT = ""
"""The summary row of initiatives with no effective segment (a proposal the old version leaves undecided or out)."""

OUT = "out"


def outcome(decision: Decision) -> str | None:
    """A decision as one value: `out`, the segment, or None while undecided."""
    if decision.included is False:
        return OUT
    return decision.segment


def change_of(before: Decision, after: Decision) -> str:
    """What the new version does to the result (one of CHANGES)."""
    old, new = outcome(before), outcome(after)
    if new is None:
        return UNDECIDED
    if old == new:
        return UNCHANGED
    if old is None:
        return DECIDED
    if OUT in (old, new):
        return INCLUSION
    return SEGMENT


@dataclass(frozen=True)
class Consequence:
    """One initiative under both versions. `state` is where it stands now (its effective segment under the old
    version); `to_answer` names the questions the new version needs and the file leaves unanswered, in the new
    version's order, and `new_questions` those of them the old version does not ask."""

    id: str
    initiative: Initiative
    state: State
    before: Decision
    after: Decision
    change: str
    to_answer: tuple[str, ...]
    new_questions: tuple[str, ...]


@dataclass(frozen=True)
class Consequences:
    """Every active initiative (by id), and the counts of each change by effective segment and by owner."""

    old: Checklist
    new: Checklist
    items: tuple[Consequence, ...]

    def with_change(self, change: str) -> tuple[Consequence, ...]:
        return tuple(item for item in self.items if item.change == change)

    def by_segment(self) -> dict[str, Counter[str]]:
        """For each effective segment (in SEGMENTS' order, then NO_SEGMENT when any has none), the count of each
        change."""
        found: dict[str, Counter[str]] = {segment: Counter() for segment in SEGMENTS}
        for item in self.items:
            found.setdefault(item.state.segment or NO_SEGMENT, Counter())[item.change] += 1
        return found

    def by_owner(self) -> dict[str, Counter[str]]:
        """For each owner, by name, the count of each change."""
        found: dict[str, Counter[str]] = {}
        for item in sorted(self.items, key=lambda i: i.initiative.owner.casefold()):
            found.setdefault(item.initiative.owner, Counter())[item.change] += 1
        return found

    def owners(self) -> dict[str, tuple[Consequence, ...]]:
        """Each owner's initiatives, owners by name and initiatives by name: one part each, for the talk with it."""
        parts: dict[str, list[Consequence]] = {}
        for item in sorted(self.items, key=lambda i: (i.initiative.owner.casefold(), i.initiative.name.casefold())):
            parts.setdefault(item.initiative.owner, []).append(item)
        return {owner: tuple(items) for owner, items in parts.items()}


def consequences(entries: Iterable[tuple[str, Initiative]], old: Checklist, new: Checklist) -> Consequences:
    """Each member and proposal (by id) decided under `old` and under `new`."""
    items = []
    for ident, initiative in sorted(entries, key=lambda entry: entry[0]):
        answers = dict(initiative.checklist)
        before, after = decide(answers, old), decide(answers, new)
        state = state_of(ident, initiative, before.segment)
        if state.stage not in ACTIVE_STAGES:
            continue
        order = [q for q in new.questions if q in after.missing]
        fresh = tuple(q for q in order if q not in old.questions)
        items.append(
            Consequence(ident, initiative, state, before, after, change_of(before, after), tuple(order), fresh)
        )
    return Consequences(old, new, tuple(items))


# The words for a change and a result

CHANGE_TITLES = {
    "inclusion": N_("consequences.change.inclusion"),
    "segment": N_("consequences.change.segment"),
    "undecided": N_("consequences.change.undecided"),
    "decided": N_("consequences.change.decided"),
    "unchanged": N_("consequences.change.unchanged"),
}


def result_word(decision: Decision, lang: str) -> str:
    """A checklist result in words: the segment's name, out, or undecided."""
    found = outcome(decision)
    if found == OUT:
        return text(lang, "group.out")
    if found is None:
        return text(lang, "group.undecided")
    return segment_name(found)


def now_word(item: Consequence, lang: str) -> str:
    """Where the initiative stands now: its stage, and its effective segment when it has one."""
    stage = stage_name(item.state.stage, lang)
    return f"{stage}, {segment_name(item.state.segment)}" if item.state.segment else stage
