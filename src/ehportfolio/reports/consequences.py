"""The context of `ehp report consequences`: what a change of checklist version does to the members and proposals, as
features.consequences finds it, in the report's words, with one part per owner for the talk with each.

Pure, like contexts.py: no files, no clock, no Jinja.
"""

from __future__ import annotations

from collections import Counter

from ehportfolio.domain.checklist import Checklist
from ehportfolio.features.consequences import (
    CHANGE_TITLES,
    CHANGES,
    NO_SEGMENT,
    UNCHANGED,
    UNDECIDED,
    Consequence,
    Consequences,
    now_word,
    result_word,
)
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.reports import template_contexts as tc


def _questions(keys: tuple[str, ...], old: Checklist, new: Checklist, lang: str) -> tuple[tc.Question, ...]:
    return tuple(tc.Question(key=k, text=new.questions[k][lang], new=k not in old.questions) for k in keys)


def _row(item: Consequence, found: Consequences, lang: str) -> tc.ConsequenceRow:
    return tc.ConsequenceRow(
        id=item.id,
        name=item.initiative.name,
        owner=item.initiative.owner,
        now=now_word(item, lang),
        change=item.change,
        change_name=text(lang, CHANGE_TITLES[item.change]),
        before=result_word(item.before, lang),
        after=result_word(item.after, lang),
        to_answer=_questions(item.to_answer, found.old, found.new, lang),
    )


def _count(label: str, counts: Counter[str]) -> tc.ChangeCount:
    return tc.ChangeCount(label=label, counts=tuple(counts[c] for c in CHANGES), total=sum(counts.values()))


def _counted(counts: Counter[str], lang: str) -> str:
    """The non-zero changes as a list: "Blir uavklart 3, Uendret 1"."""
    return ", ".join(f"{text(lang, CHANGE_TITLES[c])} {counts[c]}" for c in CHANGES if counts[c])


def consequences(found: Consequences, name: str, lang: str) -> tc.Consequences:
    """The report of `found` for the portfolio named `name`."""
    old, new = found.old.version, found.new.version
    everything = Counter(item.change for item in found.items)
    by_segment = tuple(
        _count(segment_name(key) if key != NO_SEGMENT else text(lang, "consequences.no_segment"), counts)
        for key, counts in found.by_segment().items()
    )
    owners = tuple(
        tc.OwnerPart(
            owner=owner,
            summary=text(
                lang,
                "report.consequences.owner_summary",
                count=len(items),
                changes=_counted(Counter(i.change for i in items), lang),
            ),
            rows=tuple(_row(item, found, lang) for item in items),
        )
        for owner, items in found.owners().items()
    )
    fresh = tuple(key for key in found.new.questions if key not in found.old.questions)
    return tc.Consequences(
        kind="consequences",
        lang=lang,
        title=text(lang, "report.consequences.title", old=old, new=new, name=name),
        portfolio=name,
        date="",
        generated=text(lang, "report.generated", name=name),
        from_version=old,
        to_version=new,
        intro=text(lang, "report.consequences.intro", old=old, new=new),
        summary=text(lang, "report.consequences.summary", count=len(found.items), changes=_counted(everything, lang)),
        change_names=tuple(text(lang, CHANGE_TITLES[c]) for c in CHANGES),
        by_segment=by_segment,
        by_owner=tuple(_count(owner, counts) for owner, counts in found.by_owner().items()),
        changed=tuple(_row(i, found, lang) for i in found.items if i.change not in (UNDECIDED, UNCHANGED)),
        questions=_questions(fresh, found.old, found.new, lang),
        reworded=tuple(
            tc.Reworded(key=key, before=found.old.questions[key][lang], after=found.new.questions[key][lang])
            for key in found.new.questions
            if key in found.old.questions and found.old.questions[key][lang] != found.new.questions[key][lang]
        ),
        owners=owners,
    )
