"""Dependencies on the register of national solutions: `ehp check` knows both initiatives and solutions, says which
an unknown id is neither of, reports an id that is both, and counts a strong dependency on a national solution for
Koordinere (section 4.4)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import invoke
from helpers import (
    ACTORS,
    KOORDINERE,
    KOORDINERE_STATUS,
    SAMSTYRE,
    SETTINGS,
    TAXONOMY,
    build_file_tree,
    calendar_portfolio,
)

from ehportfolio.domain.problems import Problem
from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import load_portfolio

ON_KJERNEJOURNAL = KOORDINERE.replace("id: felles", "id: kjernejournal")
"""A Koordinere initiative whose only dependency, a strong one, is on kjernejournal (line 12 names it)."""

SHARED_EPJ = "solutions:\n  - id: felles-epj\n    name: Felles EPJ\n    kind: shared_epj\n"


def check(root: Path, initiatives: dict[str, str], register: str | None = None) -> list[Problem]:
    files: dict[str, str | bytes] = {"taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    files["portfolio.yaml"] = SETTINGS + ("solutions: solutions.yaml\n" if register else "")
    if register:
        files["solutions.yaml"] = register
    files.update({f"initiatives/{name}.yaml": text for name, text in initiatives.items()})
    build_file_tree(root, files)
    return run_rules(load_portfolio(str(root)))


def codes(findings: list[Problem]) -> list[str]:
    return [f.code for f in findings]


def test_a_koordinere_initiative_whose_only_strong_dependency_is_kjernejournal_passes_check(tmp_path: Path) -> None:
    assert check(tmp_path, {"avhengig": ON_KJERNEJOURNAL}) == []
    result = invoke("check", str(tmp_path), "--strict")
    assert result.code == 0, result.out


def test_a_weak_dependency_on_a_national_solution_does_not_count_for_koordinere(tmp_path: Path) -> None:
    text = ON_KJERNEJOURNAL.replace("strength: strong", "strength: weak")
    (finding,) = check(tmp_path, {"avhengig": text})
    assert finding.code == "samstyre_dependency_mismatch" and finding.args == {"variant": "yes"}
    assert finding.field_path == "checklist.strong_samstyre_dependencies" and finding.line == 10


def test_answering_no_beside_a_strong_dependency_on_a_national_solution_is_named(tmp_path: Path) -> None:
    text = ON_KJERNEJOURNAL.replace("strong_samstyre_dependencies: ja", "strong_samstyre_dependencies: nei")
    text = text.replace("segment: koordinere", "segment: observere")
    findings = check(tmp_path, {"avhengig": text})
    (finding,) = [f for f in findings if f.code == "samstyre_dependency_mismatch"]
    assert finding.args == {"variant": "no_solution", "id": "kjernejournal"}
    assert (finding.line, finding.column) == (12, 5) and finding.field_path == "dependencies.0.id"
    result = invoke("check", str(tmp_path), "--lang", "en", "--format", "json")
    messages = [f["message"] for f in json.loads(result.out)["findings"]]
    assert any('a strong dependency on the national solution "kjernejournal" is recorded' in m for m in messages)


def test_shared_epj_development_of_a_portfolio_register_counts_for_koordinere(tmp_path: Path) -> None:
    text = KOORDINERE.replace("id: felles", "id: felles-epj")
    assert check(tmp_path, {"avhengig": text}, SHARED_EPJ) == []
    # the portfolio's own register replaces the shipped one: kjernejournal is then unknown
    found = set(codes(check(tmp_path, {"avhengig": ON_KJERNEJOURNAL}, SHARED_EPJ)))
    assert found == {"unknown_dependency", "samstyre_dependency_mismatch"}


def test_an_unknown_dependency_is_neither_an_initiative_nor_a_national_solution(tmp_path: Path) -> None:
    text = ON_KJERNEJOURNAL.replace("id: kjernejournal", "id: kjernejournl")
    (finding,) = [f for f in check(tmp_path, {"felles": SAMSTYRE, "avhengig": text}) if f.code == "unknown_dependency"]
    assert finding.path.endswith("avhengig.yaml")
    assert (finding.line, finding.column) == (12, 5) and finding.field_path == "dependencies.0.id"
    assert finding.args == {"id": "kjernejournl", "suggestion": "kjernejournal"}  # a solution is suggested too
    for lang, words in (
        ("nb", "er verken et tiltak i porteføljen eller en nasjonal løsning i registeret; mente du «kjernejournal»?"),
        ("nn", "er verken eit tiltak i porteføljen eller ei nasjonal løysing i registeret; meinte du «kjernejournal»?"),
        ("en", "is neither an initiative of the portfolio nor a national solution of the register"),
    ):
        result = invoke("check", str(tmp_path), "--lang", lang, "--format", "json")
        (shown,) = [f for f in json.loads(result.out)["findings"] if f["rule"] == "unknown_dependency"]
        assert words in shown["message"] and shown["line"] == 12, shown


def test_an_initiative_with_a_solution_id_is_an_error_and_a_dependency_on_the_id_means_the_initiative(
    tmp_path: Path,
) -> None:
    # kjernejournal is here an Observere initiative: a strong dependency on it no longer counts for Koordinere
    observere = SAMSTYRE.replace("segment: samstyre", "segment: observere").replace("broad_collaboration: ja", "")
    findings = check(tmp_path, {"kjernejournal": observere, "avhengig": ON_KJERNEJOURNAL})
    clash = [f for f in findings if f.code == "solution_clash"]
    assert len(clash) == 1 and clash[0].path.endswith("kjernejournal.yaml") and clash[0].severity == "error"
    assert clash[0].args == {"id": "kjernejournal", "name": "Kjernejournal", "variant": "shipped"}
    assert "samstyre_dependency_mismatch" in codes(findings)
    result = invoke("check", str(tmp_path))
    assert result.code == 1 and "registeret over nasjonale løsninger som følger med ehp" in result.out


def test_a_clash_with_a_portfolio_register_names_its_file(tmp_path: Path) -> None:
    findings = check(tmp_path, {"felles-epj": SAMSTYRE}, SHARED_EPJ)
    (clash,) = [f for f in findings if f.code == "solution_clash"]
    assert clash.args["variant"] == "own" and clash.args["file"].endswith("solutions.yaml")


def test_a_status_report_may_follow_a_dependency_on_a_national_solution(tmp_path: Path) -> None:
    status = KOORDINERE_STATUS.replace("id: felles", "id: kjernejournal")
    root = calendar_portfolio(tmp_path, {"2021-nuit-2/avhengig": status}, felles=SAMSTYRE, avhengig=ON_KJERNEJOURNAL)
    assert "status_dependency_unknown" not in codes(run_rules(load_portfolio(str(root), statuses=True)))
    unknown = KOORDINERE_STATUS.replace("id: felles", "id: e-reseptt")
    build_file_tree(root, {"status/2021-nuit-2/avhengig.yaml": unknown})
    found = [f for f in run_rules(load_portfolio(str(root), statuses=True)) if f.code == "status_dependency_unknown"]
    assert [f.args for f in found] == [{"id": "e-reseptt", "suggestion": "e-resept"}]


def test_ehp_new_takes_a_national_solution_as_a_dependency(tmp_path: Path) -> None:
    check(tmp_path, {"felles": SAMSTYRE})
    answers = [
        *("digitalisation_essential=ja", "multiple_care_providers=ja", "reuse_potential=ja"),
        *("broad_collaboration=nei", "strong_samstyre_dependencies=ja"),
    ]
    code, _, err = invoke(
        "new",
        *("--path", str(tmp_path), "--name", "Deling", "--owner", "Helse Vest RHF", "--focus-area", "2.1"),
        *(arg for item in answers for arg in ("--answer", item)),
        *("--dependency", "kjernejournal", "--no-input"),
    )
    assert code == 0, err
    written = (tmp_path / "initiatives" / "deling.yaml").read_text(encoding="utf-8")
    assert written.endswith("dependencies:\n  - id: kjernejournal\n    strength: strong\n")
    # a proposal has no decided segment yet; the dependency is known, and it counts for Koordinere
    assert codes(run_rules(load_portfolio(str(tmp_path)))) == ["segment_missing"]
