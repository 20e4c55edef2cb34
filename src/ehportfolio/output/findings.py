"""Check findings for machines: JSON, GitHub workflow commands, JUnit XML and SARIF 2.1.0."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from typing import Any
from xml.sax import saxutils

from ehportfolio.domain.printable import shown
from ehportfolio.domain.problems import Problem
from ehportfolio.i18n.messages import check_summary, problem_message, why

GITHUB_LEVELS = {"error": "error", "warning": "warning"}


def finding_record(finding: Problem, lang: str) -> dict[str, Any]:
    return {
        "rule": finding.code,
        "severity": finding.severity,
        "file": finding.path,
        "line": finding.line,
        "column": finding.column,
        "field": finding.field_path or None,
        "message": problem_message(finding, lang),
        "why": why(finding.code, lang),
    }


def render_json(findings: Sequence[Problem], checked: int, lang: str) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    summary = {"checked": checked, "errors": errors, "warnings": len(findings) - errors}
    document = {"summary": summary, "findings": [finding_record(f, lang) for f in findings]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Problem], checked: int, lang: str) -> str:
    """One workflow command per finding. GitHub shows ten annotations of each kind per step, so a summary ends it."""
    lines = []
    for f in findings:
        props = [f"file={shown(_escape_property(f.path))}"]  # line breaks percent-encoded, other controls shown
        if f.line is not None:
            props.append(f"line={f.line}")
        if f.column is not None:
            props.append(f"col={f.column}")
        props.append(f"title={_escape_property('ehp ' + f.code)}")
        message = f"{problem_message(f, lang)} ({why(f.code, lang)})"
        lines.append(f"::{GITHUB_LEVELS[f.severity]} {','.join(props)}::{_escape_data(message)}")
    errors = sum(1 for f in findings if f.severity == "error")
    files = len({f.path for f in findings})
    lines.append(check_summary(lang, errors, len(findings) - errors, files, checked))
    return "\n".join(lines) + "\n"


XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 does not allow in a document at all, not even as a character reference: most C0 controls, lone
surrogates and U+FFFE/U+FFFF."""


def _xml_chars(value: str) -> str:
    """`value` with each character XML 1.0 forbids replaced by U+FFFD, so that the document stays well-formed."""
    return XML_FORBIDDEN.sub("\ufffd", value)


def escape(value: str) -> str:
    """Text content for JUnit XML: the forbidden characters replaced, then `&`, `<` and `>` escaped."""
    return saxutils.escape(_xml_chars(value))


def quoteattr(value: str) -> str:
    """An attribute value for JUnit XML, quoted: the forbidden characters replaced, then escaped for an attribute."""
    return saxutils.quoteattr(_xml_chars(value))


def render_junit(
    findings: Sequence[Problem], checked: int, lang: str, *, files: Sequence[str] = (), strict: bool = False
) -> str:
    """A test suite with one test case per file checked (`files`, and every file with a finding), passing ones
    included, so `tests` is the number of test cases. A file fails when it has an error, or a warning under `strict`:
    one `<failure>` lists what fails, and one `<system-out>` holds the rest (GitLab refuses a case with several)."""
    by_file: dict[str, list[Problem]] = {path: [] for path in files}
    for f in findings:
        by_file.setdefault(f.path, []).append(f)
    failing = {path for path, group in by_file.items() if any(_fails(f, strict) for f in group)}
    counts = f'tests="{len(by_file)}" failures="{len(failing)}" errors="0"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append(f'<testsuites name="ehp check" {counts}>')
    out.append(f'  <testsuite name="ehp check" {counts}>')
    for path, group in by_file.items():
        case = f"    <testcase classname={quoteattr('ehp.check')} name={quoteattr(path)}"
        if not group:
            out.append(case + "/>")
            continue
        out.append(case + ">")
        fails = [f for f in group if _fails(f, strict)]
        if fails:
            codes = ", ".join(dict.fromkeys(f.code for f in fails))
            message = "; ".join(problem_message(f, lang) for f in fails)
            body = escape("\n".join(_junit_line(f, lang) for f in fails))
            out.append(f"      <failure type={quoteattr(codes)} message={quoteattr(message)}>{body}</failure>")
        rest = [f for f in group if not _fails(f, strict)]
        if rest:
            out.append(f"      <system-out>{escape(chr(10).join(_junit_line(f, lang) for f in rest))}</system-out>")
        out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def _fails(finding: Problem, strict: bool) -> bool:
    return finding.severity == "error" or strict


def _junit_line(f: Problem, lang: str) -> str:
    place = f"{f.path}:{f.line}:{f.column}" if f.line is not None else f.path
    return f"{place}: {f.severity} {f.code}: {problem_message(f, lang)} ({why(f.code, lang)})"


INFORMATION_URI = "https://pypi.org/project/ehportfolio/"
"""Where code scanning links the tool's name: the package's page, which shows this README."""

_URI_SAFE = "/-._~!$&'()*+,;=:@"
"""What RFC 3986 allows unencoded in a path segment, and `/` between them. `%`, `#`, `?`, spaces, controls and
every non-ASCII byte are percent-encoded."""


def artifact_uri(path: str) -> str:
    """A relative path as a SARIF `artifactLocation.uri`: forward slashes, UTF-8 percent-encoded, no leading `./`.
    A first segment holding `:` is encoded too, so it cannot read as a scheme (`c:` or `a:b`)."""
    from urllib.parse import quote

    posix = path.replace(os.sep, "/")
    while posix.startswith("./"):
        posix = posix[2:]
    # a name that is not UTF-8 reaches Python as surrogate escapes: its own bytes are what the URI must carry
    uri = quote(posix.encode("utf-8", "surrogateescape"), safe=_URI_SAFE)
    first, slash, rest = uri.partition("/")
    return first.replace(":", "%3A") + slash + rest


def render_sarif(findings: Sequence[Problem], checked: int, lang: str) -> str:
    """SARIF 2.1.0 for code scanning: one result per finding, each with its file (a URI reference relative to the
    repository) and line; each rule with the reason it exists, as code scanning shows beside an alert."""
    from importlib.metadata import version

    rule_ids = sorted({f.code for f in findings})
    rules = [_sarif_rule(r, lang) for r in rule_ids]
    results = []
    for f in findings:
        region = {"startLine": f.line or 1, "startColumn": f.column or 1}
        location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.path)}, "region": region}}
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": rule_ids.index(f.code),
                "level": "error" if f.severity == "error" else "warning",
                "message": {"text": problem_message(f, lang)},
                "locations": [location],
            }
        )
    driver = {"name": "ehp", "version": version("ehportfolio"), "informationUri": INFORMATION_URI, "rules": rules}
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _sarif_rule(code: str, lang: str) -> dict[str, Any]:
    reason = why(code, lang)
    return {
        "id": code,
        "shortDescription": {"text": code.replace("_", " ")},
        "fullDescription": {"text": reason},
        "help": {"text": reason, "markdown": f"**{code}**: {reason}"},
    }
