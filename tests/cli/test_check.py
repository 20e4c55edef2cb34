"""`ehp check` as CI meets it: exit codes, --strict, and each output format pointing at the line."""

from __future__ import annotations

import json
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


def test_github_format_annotates_file_line_and_column_and_ends_with_a_summary(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE.replace("Helsedirektoratet", "Hesledirektoratet"))
    code, out, _ = invoke("check", str(root), "--format", "github", "--lang", "en")
    lines = out.splitlines()
    path = root / "initiatives" / "felles.yaml"
    assert code == 1
    assert lines[0].startswith(f"::error file={path},line=2,col=1,title=ehp unknown_owner::the owner ")
    assert lines[-1] == "1 errors and 0 warnings in 1 files; 1 initiatives checked."


def test_github_format_escapes_newlines_and_percent(tmp_path: Path) -> None:
    # A name may not hold a line break any more (it must stay on one line), but a file name may.
    files = {"felles": SAMSTYRE.replace("Helsedirektoratet", '"100% Hdir"'), "100%\nlinje": SAMSTYRE}
    root = portfolio(tmp_path, **files)
    _, out, _ = invoke("check", str(root), "--format", "github")
    assert "100%25 Hdir" in out and "file=" + str(root / "initiatives" / "100%25%0Alinje.yaml") in out
    assert out.count("\n") == 3


def test_junit_format_is_xml_with_a_failure_per_error(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE.replace("Helsedirektoratet", "Hesledirektoratet"))
    _, out, _ = invoke("check", str(root), "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None and suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "unknown_owner"
    assert f"{root / 'initiatives' / 'felles.yaml'}:2:1" in (failure.text or "")


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
