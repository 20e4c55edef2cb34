"""`ehp check` as CI meets it: exit codes, --strict, and each output format pointing at the line."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, KOORDINERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

ROOT = Path(__file__).parents[2]


def portfolio(tmp_path: Path, **initiatives: str) -> Path:
    files = {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    files.update({f"initiatives/{name}.yaml": text for name, text in initiatives.items()})
    return build_file_tree(tmp_path, files)


def test_the_shipped_portfolio_is_clean_even_strictly() -> None:
    code, out, _ = invoke("check", str(ROOT / "portfolio"), "--strict")
    assert code == 0, out
    assert "Ingen funn; 55 tiltak sjekket." in out


def test_errors_fail_warnings_only_under_strict(tmp_path: Path) -> None:
    warn = portfolio(tmp_path / "w", felles=SAMSTYRE, avhengig=KOORDINERE.replace("strength: strong", "strength: weak"))
    assert invoke("check", str(warn))[0] == 0
    assert invoke("check", str(warn), "--strict")[0] == 1
    error = portfolio(tmp_path / "e", felles=SAMSTYRE.replace("Helsedirektoratet", "Hesledirektoratet"))
    code, out, _ = invoke("check", str(error))
    assert code == 1
    assert "eieren «Hesledirektoratet» står ikke i aktørregisteret; mente du «Helsedirektoratet»?" in out


def test_check_a_directory_that_does_not_exist_exits_2() -> None:
    assert invoke("check", "no/such/portfolio")[0] == 2


def test_unreadable_files_are_findings_and_the_rest_is_checked(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE.replace("Helsedirektoratet", "Hesledirektoratet"), brutt="name: [\n")
    code, out, _ = invoke("check", str(root), "--format", "json")
    document = json.loads(out)
    assert code == 1
    assert {(Path(f["file"]).name, f["rule"]) for f in document["findings"]} == {
        ("brutt.yaml", "yaml_syntax"),
        ("felles.yaml", "unknown_owner"),
    }
    assert document["summary"] == {"checked": 2, "errors": 2, "warnings": 0}


def test_github_format_annotates_file_line_and_column_and_ends_with_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    portfolio(tmp_path / "pf", felles=SAMSTYRE.replace("Helsedirektoratet", "Hesledirektoratet"))
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "pf", "--format", "github", "--lang", "en")
    lines = out.splitlines()
    assert code == 1
    expected = "::error file=pf/initiatives/felles.yaml,line=2,col=1,title=ehp unknown_owner::the owner "
    assert lines[0].startswith(expected)
    assert lines[-1] == "1 error and 0 warnings in 1 file; 1 initiative checked."


def test_github_format_escapes_newlines_and_percent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A name may not hold a line break any more (it must stay on one line), but a file name may.
    files = {"felles": SAMSTYRE.replace("Helsedirektoratet", '"100% Hdir"'), "100%\nlinje": SAMSTYRE}
    portfolio(tmp_path / "pf", **files)
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "pf", "--format", "github")
    assert "100%25 Hdir" in out and "file=pf/initiatives/100%25%0Alinje.yaml" in out
    assert out.count("\n") == 3


def test_junit_format_is_xml_with_a_test_case_per_file_and_a_failure_per_failing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    portfolio(tmp_path / "pf", felles=SAMSTYRE.replace("Helsedirektoratet", "Hesledirektoratet"), avhengig=KOORDINERE)
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "./pf", "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None and suite.get("failures") == "1" and suite.get("tests") == "2"
    assert [case.get("name") for case in suite.iter("testcase")] == [
        "pf/initiatives/avhengig.yaml",
        "pf/initiatives/felles.yaml",
    ]
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "unknown_owner"
    assert "pf/initiatives/felles.yaml:2:1" in (failure.text or "")


def test_junit_strict_fails_a_file_with_warnings_too(tmp_path: Path) -> None:
    weak = KOORDINERE.replace("strength: strong", "strength: weak")
    root = portfolio(tmp_path, felles=SAMSTYRE, avhengig=weak)
    lenient = ET.fromstring(invoke("check", str(root), "--format", "junit")[1])
    strict = ET.fromstring(invoke("check", str(root), "--format", "junit", "--strict")[1])
    assert lenient.get("failures") == "0" and strict.get("failures") == "1"
    assert lenient.get("tests") == strict.get("tests") == "2"


def test_ci_formats_name_files_from_the_top_of_the_git_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("client missing: git, which says where the repository's top is")
    repo = tmp_path / "repo"
    portfolio(repo / "data" / "portefølje 1", felles=SAMSTYRE.replace('"5.1"', '"9.9"'))
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    monkeypatch.chdir(repo / "data")
    name = "data/portefølje 1/initiatives/felles.yaml"
    github = invoke("check", "portefølje 1", "--format", "github")[1]
    assert github.startswith(f"::error file={name},line=3,")
    junit = ET.fromstring(invoke("check", "./portefølje 1/", "--format", "junit")[1])
    assert [case.get("name") for case in junit.iter("testcase")] == [name]
    sarif = json.loads(invoke("check", str(repo / "data" / "portefølje 1"), "--format", "sarif")[1])
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "data/portef%C3%B8lje%201/initiatives/felles.yaml"


def test_sarif_format_carries_rule_and_line(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE.replace('"5.1"', '"9.9"'))
    _, out, _ = invoke("check", str(root), "--format", "sarif")
    document = json.loads(out)
    assert document["version"] == "2.1.0"
    (result,) = document["runs"][0]["results"]
    assert result["ruleId"] == "unknown_focus_area" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 1}
    assert document["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "unknown_focus_area"


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit", "sarif"])
def test_every_format_reports_a_clean_portfolio(tmp_path: Path, fmt: str) -> None:
    code, out, _ = invoke("check", str(portfolio(tmp_path, felles=SAMSTYRE, avhengig=KOORDINERE)), "--format", fmt)
    assert code == 0 and out
    if fmt == "junit":
        suite = ET.fromstring(out)
        assert suite.get("tests") == "2" and suite.get("failures") == "0" and len(list(suite.iter("testcase"))) == 2


@pytest.mark.parametrize("files", [{}, {"notes.txt": "ikke en portefølje\n"}])
def test_a_directory_with_nothing_to_check_exits_2(tmp_path: Path, files: dict[str, str]) -> None:
    root = build_file_tree(tmp_path, files) if files else tmp_path
    code, out, err = invoke("check", str(root))
    assert code == 2 and out == ""
    assert "ingenting å sjekke" in err and "portfolio.yaml" in err
    code, _, err = invoke("check", str(root), "--lang", "en")
    assert code == 2 and "nothing to check" in err


def test_a_portfolio_without_initiatives_is_still_checked(tmp_path: Path) -> None:
    root = build_file_tree(tmp_path, {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS})
    code, out, err = invoke("check", str(root))
    assert code != 2 and "tiltak sjekket" in out and "ingenting" not in err


def test_a_file_of_many_unknown_dependencies_shows_fifty_and_counts_the_rest(tmp_path: Path) -> None:
    """Text output shows at most 50 findings of one rule in one file and counts the rest; JSON lists every one."""
    many = KOORDINERE.replace(
        "  - id: felles\n", "".join(f"  - id: ukjent-{n}\n    strength: weak\n" for n in range(60))
    )
    root = portfolio(tmp_path, felles=SAMSTYRE, avhengig=many.replace("    strength: strong\n", "", 1))
    code, out, _ = invoke("check", str(root))
    assert code == 1
    assert out.count("avhengigheten «ukjent-") == 50
    assert "… og 10 funn til av regelen unknown_dependency i denne filen (--format json viser alle)" in out
    assert "60 feil og 1 advarsel i 1 fil" in out
    code, out, _ = invoke("check", str(root), "--format", "json")
    assert sum(1 for f in json.loads(out)["findings"] if f["rule"] == "unknown_dependency") == 60


def test_the_portfolio_is_named_as_an_argument_or_with_path_as_elsewhere_not_both() -> None:
    shipped = str(ROOT / "portfolio")
    assert invoke("check", shipped, "--strict")[:2] == invoke("check", "--path", shipped, "--strict")[:2]
    code, out, err = invoke("check", shipped, "--path", shipped)
    assert code == 2 and out == "" and "PATH, --path kan ikke brukes sammen" in err
