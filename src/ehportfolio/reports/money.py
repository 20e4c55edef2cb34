"""The definition's balancing in money: the members' sums from features/finances.py as rows of text, each amount
written the report language's way (i18n/amounts.py)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from ehportfolio.features.calendar import Member
from ehportfolio.features.finances import AMOUNTS, GroupSums, balance
from ehportfolio.i18n.amounts import amount
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.reports import template_contexts as tc


def _rows(group: GroupSums, name: str, lang: str) -> list[tc.MoneyRow]:
    if not group.years:
        empty = dict.fromkeys(AMOUNTS, "")
        return [tc.MoneyRow(name=name, first=True, count=group.count, year="", **empty)]
    return [
        tc.MoneyRow(
            name=name,
            first=index == 0,
            count=group.count,
            year=str(sums.year),
            **{field: amount(lang, getattr(sums, field)) for field in AMOUNTS},
        )
        for index, sums in enumerate(group.years)
    ]


def _table(groups: Iterable[tuple[GroupSums, str]], lang: str) -> tuple[tc.MoneyRow, ...]:
    return tuple(row for group, name in groups for row in _rows(group, name, lang))


def money(everyone: Iterable[Member], day: datetime.date, goal_names: Mapping[str, str], lang: str) -> tc.Money:
    """The members' money on `day` (the one state says who is a member), with the main goals' names."""
    found = balance((m.initiative, m.state(day)) for m in everyone)
    recorded = bool(found.years)
    no_goal = text(lang, "report.no_focus")
    return tc.Money(
        recorded=recorded,
        intro=text(lang, "report.money.intro") if recorded else text(lang, "report.money.none"),
        by_segment=_table(
            [
                *((g, segment_name(g.key)) for g in found.by_segment),
                (found.total, text(lang, "report.col.total")),
            ],
            lang,
        ),
        by_owner=_table(((g, g.key) for g in found.by_owner), lang),
        by_goal=_table(
            ((g, f"{g.key} {goal_names.get(g.key, '')}".strip() if g.key else no_goal) for g in found.by_goal),
            lang,
        ),
    )
