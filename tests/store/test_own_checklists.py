"""A portfolio's own checklist versions (`checklists:` in portfolio.yaml): used like a shipped one, by
`checklist_version` or `--checklist`, and checked against the same format, each mistake named with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import invoke
from helpers import build_file_tree
from pydantic_core import PydanticCustomError

from ehportfolio.domain.checklistfile import check_question_key
from ehportfolio.domain.models import CHECKLIST_KEYS

OWN = """\
version: "2025"
title:
  nb: Vår egen sjekkliste
  en: Our own checklist
questions:
  digitalisation_essential:
    nb: Er digitalisering vesentlig?
    en: Is digitalisation essential?
  core_activity:
    nb: Gjelder tiltaket kjernevirksomheten?
    en: Does it concern the core activity?
  broad_collaboration:
    nb: Er bredt samarbeid vesentlig?
    en: Is broad collaboration essential?
criteria:
  - id: digitalisation
    questions: [digitalisation_essential, core_activity]
    nb: Digitalisering eller kjernevirksomhet
    en: Digitalisation or core activity
segment_tree:
  - question: broad_collaboration
    segment: samstyre
otherwise: observere
"""

INITIATIVE = """\
name: Eget tiltak
owner: KS
checklist:
  digitalisation_essential: nei
  core_activity: ja
  broad_collaboration: nei
"""


def portfolio(tmp_path: Path, own: str = OWN, settings: str = "checklist_version: '2025'\n") -> Path:
    return build_file_tree(
        tmp_path,
        {
            "portfolio.yaml": f"name: X\nyear: 2025\nchecklists: [egen.yaml]\n{settings}",
            "egen.yaml": own,
            "initiatives/a.yaml": INITIATIVE,
        },
    )


def test_the_format_allows_exactly_the_keys_an_initiative_file_may_answer() -> None:
    for key in CHECKLIST_KEYS:
        assert check_question_key(key) == key
    with pytest.raises(PydanticCustomError):
        check_question_key("kjerne")


def test_a_portfolio_uses_its_own_version(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    code, out, err = invoke("segment", str(root), "--format", "json")
    assert code == 0, err
    [row] = json.loads(out)
    assert (row["checklist_version"], row["included"], row["segment"]) == ("2025", True, "observere")
    code, out, _ = invoke("segment", str(root), "--format", "json", "--checklist", "2020")
    assert json.loads(out)[0]["included"] is False  # a nei to digitalisation is out under 2020
    code, out, _ = invoke("consequences", "--from", "2025", "--to", "2024", "--path", str(root), "-f", "json")
    assert code == 0 and json.loads(out)["initiatives"][0]["change"] == "inclusion"


def test_the_own_version_may_be_chosen_with_checklist_and_is_listed_as_known(tmp_path: Path) -> None:
    root = portfolio(tmp_path, settings="")
    code, out, _ = invoke("assess", str(root / "initiatives" / "a.yaml"), "--checklist", "2025", "-f", "json")
    assert code == 0 and json.loads(out)["checklist_version"] == "2025"
    code, _, err = invoke("segment", str(root), "--checklist", "2031")
    assert code == 2 and "kjente: 2020, 2024, 2025" in err


def test_an_unknown_question_key_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    root = portfolio(tmp_path, OWN.replace("  core_activity:\n", "  kjerne:\n"))
    code, out, _ = invoke("check", str(root))
    assert code == 1
    assert "egen.yaml" in out and "9:3" in out and "bad_choice" in out and "core_activity" in out


def test_a_criterion_naming_an_undefined_question_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = portfolio(
        tmp_path, OWN.replace("[digitalisation_essential, core_activity]", "[digitalisation_essential, exploratory]")
    )
    code, _, err = invoke("segment", str(root))
    assert code == 2  # a file that cannot be used is reported as not read
    assert "egen.yaml:17:" in err and "criteria.0.questions.1" in err
    assert "spørsmålet «exploratory» er ikke definert under questions i denne sjekklisteversjonen" in err
    assert "ukjent sjekklisteversjon «2025»" in err  # and so the portfolio's version is not there


def test_a_version_that_is_shipped_is_refused(tmp_path: Path) -> None:
    root = portfolio(tmp_path, OWN.replace('version: "2025"', 'version: "2024"'), settings="")
    code, _, err = invoke("segment", str(root))
    assert code == 2
    assert "egen.yaml:1:1: version: sjekklisteversjonen «2024» finnes allerede" in err


def test_a_missing_file_is_named_in_portfolio_yaml(tmp_path: Path) -> None:
    root = portfolio(tmp_path, settings="")
    (root / "egen.yaml").unlink()
    code, _, err = invoke("segment", str(root))
    assert code == 2 and "portfolio.yaml:3:" in err and "egen.yaml" in err
