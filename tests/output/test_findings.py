"""`ehp check`'s machine formats against the programs that read them: the SARIF 2.1.0 schema with its `uri-reference`
format checked, Microsoft's SARIF Multitool with GitHub's rules (when installed), Jenkins' JUnit XSD (junit-10.xsd, as
pytest ships it), junitparser, and GitLab's rules for a JUnit report. A client that is not installed skips its test
and names it."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from conftest import invoke
from hypothesis import given, settings
from hypothesis import strategies as st

from ehportfolio.domain.problems import Problem
from ehportfolio.output.findings import artifact_uri, render_junit, render_sarif

FIXTURES = Path(__file__).parents[1] / "fixtures"
AWKWARD = [
    "portefølje/initiatives/a.yaml",
    "my portfolio/initiatives/a.yaml",
    "100%/initiatives/a.yaml",
    "issue #7/initiatives/a.yaml",
    "line\r\nbreak/initiatives/a.yaml",
    "what?/initiatives/a.yaml",
    "c:/initiatives/a.yaml",
    "[x]/a b/æøå.yaml",
]

ERROR = Problem("pf/initiatives/a.yaml", "unknown_owner", {"owner": "X", "hint": ""}, 2, 1, "owner")
WARNINGS = [
    Problem("pf/initiatives/a.yaml", "undecided", {"keys": "reuse_potential"}, 1, 1, severity="warning"),
    Problem("pf/initiatives/a.yaml", "history_future", {"date": "2999", "today": "2026"}, 9, 5, "", "warning"),
]
FILES = ["pf/initiatives/a.yaml", "pf/initiatives/b.yaml", "pf/initiatives/c.yaml"]


def sarif_validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema", reason="client missing: jsonschema (SARIF 2.1.0 schema)")
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    if "uri-reference" not in checker.checkers:
        pytest.skip("client missing: rfc3986-validator, which jsonschema needs to check the uri-reference format")
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def junit_schema() -> Any:
    xmlschema = pytest.importorskip("xmlschema", reason="client missing: xmlschema (Jenkins' junit-10.xsd)")
    return xmlschema.XMLSchema(str(FIXTURES / "junit-10.xsd"))


@pytest.mark.parametrize("path", AWKWARD)
def test_artifact_uris_are_uri_references_that_decode_to_the_path(path: str) -> None:
    uri = artifact_uri(path)
    assert unquote(uri) == path
    assert not any(c in uri for c in " #?\r\n") and uri.isascii()
    assert ":" not in uri.split("/")[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1).filter(lambda s: "/" not in s and s not in (".", "..")), min_size=1, max_size=4))
def test_any_relative_path_is_a_uri_reference_that_decodes_to_it(names: list[str]) -> None:
    validator = pytest.importorskip("rfc3986_validator", reason="client missing: rfc3986-validator")
    path = "/".join(names)
    uri = artifact_uri(path)
    assert validator.validate_rfc3986(uri, rule="URI_reference"), uri
    assert not validator.validate_rfc3986(uri, rule="URI"), f"{uri} reads as an absolute URI with a scheme"
    assert unquote(uri, errors="surrogateescape") == path


def test_a_name_that_is_not_utf8_keeps_its_bytes() -> None:
    assert artifact_uri(os.fsdecode(b"pf/\xff.yaml")) == "pf/%FF.yaml"


def test_no_leading_dot_slash_and_forward_slashes() -> None:
    assert artifact_uri("./pf/a.yaml") == "pf/a.yaml"


def test_sarif_validates_against_the_schema_with_uri_reference_checked() -> None:
    validator = sarif_validator()
    findings = [Problem(path, "unknown_owner", {"owner": "X", "hint": ""}, 1, 1) for path in AWKWARD]
    document = json.loads(render_sarif([*findings, *WARNINGS], 5, "en"))
    errors = [e.message for e in validator.iter_errors(document)]
    assert errors == []
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]]
    assert [unquote(u) for u in uris[: len(AWKWARD)]] == AWKWARD
    # the check has teeth: the raw path, as ehp wrote it before, is refused
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b/#%.yaml"
    assert not validator.is_valid(document)


def test_sarif_rules_carry_their_reason_and_the_tool_its_home() -> None:
    document = json.loads(render_sarif([ERROR, *WARNINGS], 1, "nb"))
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    for rule in driver["rules"]:
        assert rule["fullDescription"]["text"] and rule["help"]["text"] == rule["fullDescription"]["text"]
    owner = next(r for r in driver["rules"] if r["id"] == "unknown_owner")
    assert "aktør i registeret" in owner["fullDescription"]["text"]


def gitlab_rules(xml: str) -> None:
    """What GitLab's JUnit parser insists on: `tests` is the number of test cases, each with one system-out at most."""
    root = ET.fromstring(xml)
    for suite in [root, *root.iter("testsuite")]:
        assert suite.get("tests") == str(len(list(suite.iter("testcase"))))
    for case in root.iter("testcase"):
        assert len(case.findall("system-out")) <= 1, ET.tostring(case, encoding="unicode")


def test_junit_clean_run_shows_every_file_passing() -> None:
    xml = render_junit([], 3, "en", files=FILES)
    junit_schema().validate(xml)
    gitlab_rules(xml)
    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None and suite.get("tests") == "3" and suite.get("failures") == "0"
    assert [c.get("name") for c in suite.iter("testcase")] == FILES


def test_junit_one_error_and_two_warnings_is_one_failure_and_one_system_out() -> None:
    xml = render_junit([ERROR, *WARNINGS], 3, "en", files=FILES)
    junit_schema().validate(xml)
    gitlab_rules(xml)
    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None and suite.get("tests") == "3" and suite.get("failures") == "1"
    case = suite.find("testcase[@name='pf/initiatives/a.yaml']")
    assert case is not None and len(case.findall("failure")) == 1
    out = case.findtext("system-out") or ""
    assert "undecided" in out and "history_future" in out
    assert "pf/initiatives/a.yaml:2:1" in (case.findtext("failure") or "")


def test_junit_strict_makes_warnings_failures() -> None:
    xml = render_junit(WARNINGS, 3, "en", files=FILES, strict=True)
    junit_schema().validate(xml)
    gitlab_rules(xml)
    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None and suite.get("failures") == "1"
    case = suite.find("testcase[@name='pf/initiatives/a.yaml']")
    assert case is not None and case.find("system-out") is None
    assert "undecided" in (case.findtext("failure") or "") and "history_future" in (case.findtext("failure") or "")
    lenient = ET.fromstring(render_junit(WARNINGS, 3, "en", files=FILES)).find("testsuite")
    assert lenient is not None and lenient.get("failures") == "0"


def test_junit_counts_a_file_with_findings_that_was_not_listed() -> None:
    settings = Problem("pf/portfolio.yaml", "unknown_owner", {"owner": "X", "hint": ""}, 1, 1)
    xml = render_junit([settings], 3, "en", files=FILES)
    gitlab_rules(xml)
    assert ET.fromstring(xml).find("testsuite").get("tests") == "4"  # type: ignore[union-attr]


def sarif_multitool() -> str:
    """Microsoft's SARIF Multitool, the program itself rather than npm's wrapper (which hands its arguments to a shell,
    so `Sarif;Gh` would end the command): as `.ci/run` installs it, or named by SARIF_MULTITOOL."""
    root = Path(__file__).parents[2]
    installed = root / ".ci" / "clients" / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"
    for candidate in (os.environ.get("SARIF_MULTITOOL"), str(installed)):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("client missing: SARIF Multitool (npm install @microsoft/sarif-multitool-linux)")


def test_sarif_passes_the_multitool_with_github_rules(tmp_path: Path) -> None:
    tool = sarif_multitool()
    findings = [Problem(path, "unknown_owner", {"owner": "X", "hint": ""}, 1, 1) for path in AWKWARD]
    log = tmp_path / "ehp.sarif"
    log.write_text(render_sarif([*findings, *WARNINGS], 5, "nb"), encoding="utf-8")
    report = tmp_path / "validation.sarif"
    command = [tool, "validate", str(log), "--rule-kind", "Sarif;Gh", "--output", str(report)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert results == [], done.stdout


def test_the_shipped_portfolio_through_the_command_line_passes_every_client(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).parents[2]
    monkeypatch.chdir(root / "portfolio")
    code, xml, _ = invoke("check", ".", "--format", "junit", "--strict")
    assert code == 0
    junit_schema().validate(xml)
    gitlab_rules(xml)
    cases = list(ET.fromstring(xml).iter("testcase"))
    names = [c.get("name", "") for c in cases]
    assert all(n[0] not in "./" for n in names)
    # every initiative file, and every status file of the four example rounds (Observere and Inspirere report to NUFA)
    folders = Counter("/".join(n.split("/")[:-1]) for n in names)
    assert folders == {
        "portfolio/initiatives": 55,
        "portfolio/status/2021-nufa-1": 6,
        "portfolio/status/2021-nuit-2": 41,
        "portfolio/status/2021-nufa-2": 14,
        "portfolio/status/2021-nuit-4": 41,
    }
    code, sarif, _ = invoke("check", ".", "--format", "sarif")
    assert code == 0 and sarif_validator().is_valid(json.loads(sarif))


def test_junitparser_reads_passing_failing_and_the_rest() -> None:
    junitparser = pytest.importorskip("junitparser", reason="client missing: junitparser")
    (suite,) = junitparser.JUnitXml.fromstring(render_junit([ERROR, *WARNINGS], 3, "en", files=FILES).encode())
    assert (suite.tests, suite.failures, suite.errors) == (3, 1, 0)
    cases = {case.name: case for case in suite}
    assert [name for name, case in cases.items() if case.is_passed] == FILES[1:]
    (failure,) = cases[FILES[0]].result
    assert isinstance(failure, junitparser.Failure) and failure.type == "unknown_owner"
    assert "history_future" in (cases[FILES[0]].system_out or "")
