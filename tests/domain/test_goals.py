"""An initiative's goals from `goals` or `focus_area`, the codes a taxonomy knows, and a mapping's goals for codes."""

from __future__ import annotations

from ehportfolio.domain.goals import TaxonomyMapping, goals_of, known_codes, main_goal
from ehportfolio.domain.models import Initiative, Taxonomy

ANSWERS: dict[str, object] = {"checklist": {}}


def initiative(**fields: object) -> Initiative:
    return Initiative.model_validate({"name": "N", "owner": "O", **ANSWERS, **fields})


def test_goals_come_first_then_the_focus_area_then_none() -> None:
    assert goals_of(initiative(goals=["4", "2"], focus_area="1.1")) == ("4", "2")
    assert goals_of(initiative(focus_area="1.1")) == ("1.1",)
    assert goals_of(initiative()) == ()
    assert (main_goal(initiative(goals=["2A", "4"])), main_goal(initiative())) == ("2A", "")


def test_a_taxonomy_knows_its_goals_and_their_sub_goals_with_their_parent() -> None:
    taxonomy = Taxonomy.model_validate(
        {
            "name": "S",
            "focus_areas": [
                {"code": "1", "name": "En"},
                {"code": "2", "name": "To", "sub_goals": [{"code": "2A", "name": "To A", "truncated": True}]},
            ],
        }
    )
    known = known_codes(taxonomy)
    assert list(known) == ["1", "2", "2A"]
    assert (known["2A"].parent, known["2A"].truncated, known["2"].parent) == ("2", True, "")
    assert known_codes(None) == {}


def test_a_mapping_gives_each_goal_once_main_goal_first_and_names_what_it_cannot_map() -> None:
    mapping = TaxonomyMapping.model_validate(
        {
            "source": "a",
            "target": "b",
            "proposal": True,
            "codes": [{"from": "1.1", "to": ["4", "2"]}, {"from": "3.2", "to": ["3", "4"]}, {"from": "9", "to": []}],
        }
    )
    assert mapping.goals_for(("3.2", "1.1")) == (("3", "4", "2"), ())
    assert mapping.goals_for(("1.1", "9", "7")) == (("4", "2"), ("9", "7"))
