"""`ehp report knowledge` and a site's knowledge bank (kunnskapsbank): the entries features/knowledge.py gathers, by
the initiative's main goal (the taxonomy's order) and by the segment it reported in, newest first, in words.

Pure, like contexts.py.
"""

from __future__ import annotations

import datetime

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.fieldtypes import SEGMENTS
from ehportfolio.domain.goals import known_codes
from ehportfolio.features.calendar import example_labels
from ehportfolio.features.calendar import rounds as calendar_rounds
from ehportfolio.features.knowledge import KINDS, Lesson, lessons
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.reports import template_contexts as tc
from ehportfolio.reports.contexts import examples
from ehportfolio.store.portfolio import Portfolio

KIND_WORDS = {
    "experience": N_("report.knowledge.kind.experience"),
    "obstacles": N_("report.knowledge.kind.obstacles"),
    "idea": N_("report.knowledge.kind.idea"),
    "risk": N_("report.knowledge.kind.risk"),
}
"""What an entry is, in words."""


def _detail(lesson: Lesson, lang: str) -> str:
    """A risk's consequence and action, as the meeting paper words them."""
    parts = [
        f"{text(lang, label).lower()}: {value}"
        for label, value in (
            ("report.meeting.consequence", lesson.consequence),
            ("report.meeting.action", lesson.action),
        )
        if value.strip()
    ]
    return "; ".join(parts)


def _entry(lesson: Lesson, names: dict[str, str], lang: str) -> tc.Lesson:
    return tc.Lesson(
        kind=lesson.kind,
        kind_name=text(lang, KIND_WORDS[lesson.kind]),
        text=lesson.text,
        detail=_detail(lesson, lang),
        initiative=lesson.initiative,
        initiative_name=names[lesson.initiative],
        round=lesson.round,
        meeting=lesson.meeting.label if lesson.meeting else lesson.round,
        date=lesson.date.isoformat(),
    )


def knowledge(
    portfolio: Portfolio, cadence: Cadence, day: datetime.date | None, lang: str, name: str, links: bool = False
) -> tc.Knowledge:
    """The knowledge bank of `portfolio`: with `day`, of the reports dated on or before it."""
    found = lessons(portfolio, cadence, day)
    names = {entry.id: entry.initiative.name for entry in portfolio.entries}
    known = known_codes(portfolio.context.taxonomy)
    by_goal: dict[str, dict[str, list[Lesson]]] = {}
    for lesson in found:
        by_goal.setdefault(lesson.goal, {}).setdefault(lesson.segment or "", []).append(lesson)
    place = {code: index for index, code in enumerate(known)}
    segment_place = {key: index for index, key in enumerate(SEGMENTS)}
    kind_place = {kind: index for index, kind in enumerate(KINDS)}

    def newest_first(lesson: Lesson) -> tuple[int, str, str, int]:
        name = names[lesson.initiative].casefold()
        return (-lesson.date.toordinal(), name, lesson.initiative, kind_place[lesson.kind])

    groups = []
    for goal in sorted(by_goal, key=lambda code: (not code, place.get(code, len(place)), code)):
        segments = []
        for key in sorted(by_goal[goal], key=lambda k: segment_place.get(k, len(segment_place))):
            rows = tuple(_entry(lesson, names, lang) for lesson in sorted(by_goal[goal][key], key=newest_first))
            title = segment_name(key) if key else text(lang, "report.apart")
            segments.append(tc.LessonSegment(key, title, len(rows), rows))
        goal_name = known[goal].name if goal in known else ""
        title = f"{goal} {goal_name}".strip() if goal else text(lang, "report.no_focus")
        groups.append(tc.LessonGoal(goal, title, sum(s.count for s in segments), tuple(segments)))
    count = len(found)
    initiatives = text(lang, "count.initiatives", count=len({lesson.initiative for lesson in found}))
    rounds = text(lang, "report.knowledge.rounds", count=len({lesson.round for lesson in found}))
    summary = (
        text(lang, "report.knowledge.summary", count=count, initiatives=initiatives, rounds=rounds)
        if found
        else text(lang, "report.knowledge.none")
    )
    settings = portfolio.context.settings
    shown = {(lesson.round, lesson.initiative) for lesson in found}
    labels = example_labels(
        calendar_rounds(settings.calendar if settings else (), cadence),
        portfolio.statuses,
        lambda entry: (entry.round, entry.id) in shown,
    )
    return tc.Knowledge(
        kind="knowledge",
        lang=lang,
        title=text(lang, "report.knowledge.title", name=name),
        portfolio=name,
        date=day.isoformat() if day else "",
        generated=text(lang, "report.generated", name=name),
        intro=text(lang, "report.knowledge.intro"),
        groups=tuple(groups),
        count=count,
        summary=summary,
        count_text=text(lang, "report.knowledge.count", count=count),
        matches=text(lang, "report.knowledge.matches", count=count, shown="{shown}"),
        no_match=text(lang, "report.knowledge.no_match"),
        links=links,
        examples=examples(labels, lang),
    )
