"""The consequences of a change of checklist version, from the core: each kind of change, who is left out, the
questions to answer, and the counts by segment and owner."""

from __future__ import annotations

from typing import Any

from ehportfolio.domain.models import Initiative
from ehportfolio.features.consequences import (
    DECIDED,
    INCLUSION,
    NO_SEGMENT,
    SEGMENT,
    UNCHANGED,
    UNDECIDED,
    consequences,
)
from ehportfolio.store.packaged import load_checklist

OLD, NEW = load_checklist("2020"), load_checklist("2024")
IN_2020 = {"digitalisation_essential": "ja", "multiple_care_providers": "ja", "reuse_potential": "ja"}
IN_2024 = {"digitalisation_essential": "ja", "core_activity": "ja", "strategy_essential": "ja"}


def initiative(owner: str, answers: dict[str, str], **fields: Any) -> Initiative:
    return Initiative.model_validate({"name": f"Tiltak {owner}", "owner": owner, "checklist": answers, **fields})


def test_each_kind_of_change_and_the_questions_to_answer() -> None:
    samstyre = {"broad_collaboration": "ja"}
    entries = [
        ("same", initiative("A", {**IN_2020, **IN_2024, **samstyre}, segment="samstyre")),
        ("leaves", initiative("A", {**IN_2020, "core_activity": "nei", **samstyre}, segment="samstyre")),
        ("joins", initiative("B", {**IN_2024, "multiple_care_providers": "nei", **samstyre})),
        ("opens", initiative("B", {**IN_2020, **samstyre}, segment="samstyre")),
        ("closes", initiative("C", {**IN_2024, "multiple_care_providers": "ja", **samstyre})),
        (
            "moves",
            initiative("C", {**IN_2020, "broad_collaboration": "nei", "strong_samstyre_dependencies": "ja"}),
        ),
    ]
    found = consequences(entries, OLD, NEW)
    changes = {item.id: item.change for item in found.items}
    assert changes == {
        "same": UNCHANGED,
        "leaves": INCLUSION,
        "joins": INCLUSION,
        "opens": UNDECIDED,
        "closes": DECIDED,
        "moves": UNDECIDED,
    }
    opens = next(item for item in found.items if item.id == "opens")
    assert opens.to_answer == ("core_activity", "cross_actor_coordination", "strategy_essential")
    assert opens.new_questions == opens.to_answer
    assert opens.state.segment == "samstyre" and opens.state.stage == "member"
    joins = next(item for item in found.items if item.id == "joins")
    assert joins.state.stage == "proposed" and joins.state.segment is None  # out by 2020's checklist: no segment


def test_a_segment_change_when_both_versions_include() -> None:
    # the segment questions are the same in both shipped versions, so a change of segment needs a version of its own
    from dataclasses import replace

    from ehportfolio.domain.checklist import Branch

    swapped = replace(NEW, version="x", segment_tree=(Branch("exploratory", "inspirere"), *NEW.segment_tree))
    answers = {**IN_2020, **IN_2024, "broad_collaboration": "ja", "exploratory": "ja"}
    [item] = consequences([("a", initiative("A", answers))], OLD, swapped).items
    assert (item.change, item.before.segment, item.after.segment) == (SEGMENT, "samstyre", "inspirere")


def test_only_members_and_proposals_are_counted() -> None:
    history = [{"date": "2021-01-01", "kind": "decision", "to": "out", "reason": "r"}]
    entries = [
        ("finished", initiative("A", IN_2020, segment="observere", status="finished")),
        ("out", initiative("A", IN_2020, history=history)),
        ("member", initiative("A", IN_2020, segment="observere")),
    ]
    assert [item.id for item in consequences(entries, OLD, NEW).items] == ["member"]


def test_counts_by_segment_and_owner_and_one_part_per_owner() -> None:
    entries = [
        ("a", initiative("Helse Vest RHF", {**IN_2020, "broad_collaboration": "ja"}, segment="samstyre")),
        ("b", initiative("KS", {**IN_2020, "broad_collaboration": "ja"}, segment="samstyre")),
        ("c", initiative("KS", {"digitalisation_essential": "nei"})),
    ]
    found = consequences(entries, OLD, NEW)
    by_segment = found.by_segment()
    assert list(by_segment) == ["samstyre", "koordinere", "observere", "inspirere", NO_SEGMENT]
    assert by_segment["samstyre"][UNDECIDED] == 2 and by_segment[NO_SEGMENT][UNCHANGED] == 1
    assert {owner: sum(c.values()) for owner, c in found.by_owner().items()} == {"Helse Vest RHF": 1, "KS": 2}
    assert [[i.id for i in items] for items in found.owners().values()] == [["a"], ["b", "c"]]
