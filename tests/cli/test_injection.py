"""Hostile text through the real commands: control characters never reach a terminal raw, and JUnit stays XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

ESCAPED_NAME = 'name: "\\e[2J\\x01\\0"'
"""A name holding ESC, U+0001 and NUL, written as YAML escapes: libyaml reads them without a complaint."""


def portfolio(tmp_path: Path, **initiatives: str) -> Path:
    files: dict[str, str | bytes] = {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    files.update({f"initiatives/{name}.yaml": text for name, text in initiatives.items()})
    return build_file_tree(tmp_path, files)


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The bidirectional controls: U+202E shows the rest of a line backwards ("Trojan Source")."""


def raw_controls(text: str) -> set[str]:
    return {c for c in text if (ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) <= 0x9F or c in BIDI + "\u2028"}


@pytest.mark.parametrize("command", ["check", "segment", "assess"])
def test_an_escaped_control_character_in_a_value_is_refused_with_its_place(tmp_path: Path, command: str) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE.replace("name: Felles", ESCAPED_NAME))
    target = root / "initiatives" / "felles.yaml" if command == "assess" else root
    code, out, err = invoke(command, str(target), "--lang", "en")
    assert code != 0
    assert not raw_controls(out + err), out + err
    assert "the control character U+001B" in out + err
    if command != "check":  # check's text output shows the place in a grid; the others print a problem line
        assert f"{root / 'initiatives' / 'felles.yaml'}:1:7: name: " in err


@pytest.mark.parametrize(
    "line",
    ['owner: "Helse\\x9b2J"', 'segment_reason: "ok\\rFAKE"', '"na\\eme": x', 'description: "a\\x7f"'],
)
def test_every_field_and_key_refuses_escaped_controls(tmp_path: Path, line: str) -> None:
    kept = "" if line.startswith("owner") else "owner: Helsedirektoratet\n"
    text = SAMSTYRE.replace("owner: Helsedirektoratet", line) + kept
    root = portfolio(tmp_path, felles=text)
    code, out, _ = invoke("check", str(root), "--lang", "en")
    assert code == 1 and "control_value" in out, out
    assert not raw_controls(out)


def test_a_name_stays_on_one_line_while_a_description_may_hold_line_breaks_and_tabs(tmp_path: Path) -> None:
    described = SAMSTYRE + 'description: "First line\\n\\tindented second"\n'
    root = portfolio(tmp_path, felles=described)
    assert invoke("check", str(root))[0] == 0
    for line in ('name: "Felles\\nAlle kontroller bestått"', 'name: "Fel\\tles"'):
        root = portfolio(tmp_path / str(len(line)), felles=SAMSTYRE.replace("name: Felles", line))
        code, out, _ = invoke("check", str(root), "--lang", "en")
        assert code == 1 and "line_break_value" in out and "must be on one line" in out


def test_a_file_name_with_control_characters_is_shown_escaped(tmp_path: Path) -> None:
    root = portfolio(tmp_path, **{"x\x1b[2Jy": SAMSTYRE, "b\x1b]0;title\x07": "name: [\n"})
    code, out, _ = invoke("check", str(root), "--lang", "en")
    assert code == 1
    assert not raw_controls(out), out
    assert "x\\x1b[2Jy.yaml" in out and "b\\x1b]0;title\\x07.yaml" in out
    code, _, err = invoke("segment", str(root), "--lang", "en")
    assert not raw_controls(err), err
    assert f"{root / 'initiatives'}/x\\x1b[2Jy.yaml: " in err


@pytest.mark.parametrize("bidi", BIDI)
def test_bidirectional_controls_are_refused_in_a_value_and_escaped_in_a_file_name(tmp_path: Path, bidi: str) -> None:
    named = SAMSTYRE.replace("name: Felles", f'name: "Felles \\u{ord(bidi):04x}exe.txt"')
    root = portfolio(tmp_path, felles=named, **{f"fil{bidi}lmy.yaml": SAMSTYRE})
    code, out, _ = invoke("check", str(root), "--lang", "en")
    assert code == 1 and f"the control character U+{ord(bidi):04X}" in out, out
    assert f"fil\\u{ord(bidi):04x}lmy.yaml" in out and not raw_controls(out), out


@pytest.mark.parametrize("name", ["x\x1b[2Jy", "x\u202ey"])
def test_github_annotations_name_a_hostile_file_escaped(tmp_path: Path, name: str) -> None:
    root = portfolio(tmp_path, **{name: SAMSTYRE})
    code, out, _ = invoke("check", str(root), "--format", "github", "--lang", "en")
    assert code == 1 and "::error file=" in out
    assert not raw_controls(out), out


def test_a_path_named_on_the_command_line_is_shown_escaped(tmp_path: Path) -> None:
    code, _, err = invoke("check", str(tmp_path / "no\x1b[2Jsuch"), "--lang", "en")
    assert code == 2 and "no\\x1b[2Jsuch" in err and not raw_controls(err)


def test_junit_stays_well_formed_when_a_finding_holds_characters_xml_forbids(tmp_path: Path) -> None:
    root = portfolio(tmp_path, **{"ab\x01c": SAMSTYRE, "felles": SAMSTYRE.replace("Helsedirektoratet", "Hdir")})
    code, out, _ = invoke("check", str(root), "--format", "junit")
    assert code == 1
    suite = ET.fromstring(out).find("testsuite")  # the old output was not XML at all
    assert suite is not None and suite.get("failures") == "2"
    assert "\x01" not in out


def test_the_junit_escaping_replaces_what_xml_forbids_and_keeps_what_it_allows() -> None:
    from ehportfolio.output.findings import escape, quoteattr

    assert escape("a\x01b\x1b<&>\t\n") == "a\ufffdb\ufffd&lt;&amp;&gt;\t\n"
    assert quoteattr('\x00\ufffe"') == "'\ufffd\ufffd\"'"
