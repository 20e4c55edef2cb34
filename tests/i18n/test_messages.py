"""The gettext catalogues (`src/ehportfolio/locale/<lang>/LC_MESSAGES/ehp.po`) hold together: every language has the
same messages with the same placeholders and the same plural forms, every message renders in every language, and the
ids extracted from the code and the templates (scripts/messages.py, Babel's extraction, run by `make messages` in CI)
are exactly the catalogues' ids.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from ehportfolio.i18n import messages
from ehportfolio.i18n.catalogues import LANGUAGES
from ehportfolio.rules import MESSAGES as RULE_MESSAGES
from ehportfolio.rules import RULES

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "src" / "ehportfolio"
TEMPLATES = ROOT / "templates"
LOCALE = SOURCE / "locale"


def _read(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "ehp.po").open("rb") as po:
        return read_po(po, locale=lang)


PO = {lang: _read(lang) for lang in LANGUAGES}

_spec = importlib.util.spec_from_file_location("extraction", ROOT / "scripts" / "messages.py")
assert _spec is not None and _spec.loader is not None
extraction = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(extraction)
SECTIONS = ("problem.", "why.", "help.", "typer.", "kind.", "type.")
"""The ids of a section are its key behind a prefix: `problem.bad_id` is the problem `bad_id`."""


def _forms(message: object) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, (list, tuple)) else (string,)


def _ids(lang: str) -> set[str]:
    return {str(m.id if isinstance(m.id, str) else m.id[0]) for m in PO[lang] if m.id}


IDS = _ids("nb")

PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_the_same_messages_with_the_same_placeholders_and_plurals(lang: str) -> None:
    assert sorted(_ids(lang) ^ IDS) == []
    differ = []
    for message in PO["nb"]:
        if not message.id:
            continue
        other = PO[lang][message.id]
        if message.pluralizable != other.pluralizable:
            differ.append((message.id, "plural forms"))
        wanted = {frozenset(PLACEHOLDER.findall(form)) for form in _forms(message)}
        found = {frozenset(PLACEHOLDER.findall(form)) for form in _forms(other)}
        if wanted | found != wanted & found or len(wanted) != 1:
            differ.append((message.id, sorted(map(sorted, wanted | found))))
        if not all(_forms(other)):
            differ.append((message.id, "untranslated"))
    assert differ == []


class _Sample(dict[str, object]):
    """Sample arguments for any placeholder: a count for one that counts, a short text for the rest."""

    def __missing__(self, name: str) -> object:
        return 2 if name in ("count", "errors", "warnings", "files", "checked", "total", "due", "reported") else name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_in_every_language(lang: str) -> None:
    for message in PO[lang]:
        if not message.id:
            continue
        for form in _forms(message):
            assert string.Formatter().vformat(form, ("x",), _Sample()), message.id
    for count in (0, 1, 2):  # through the compiled catalogue, as ehp reads it
        for message in PO[lang]:
            if message.pluralizable:
                key = message.id[0]
                names = {name for form in _forms(message) for name in PLACEHOLDER.findall(form)}
                args = {**{name: _Sample()[name] for name in names}, "count": count}
                assert str(count) in messages.text(lang, key, **args), key


def test_every_message_is_used_and_every_id_used_is_in_every_catalogue() -> None:
    """What CI's `make messages` checks: the ids extracted from the code and the templates equal each catalogue's."""
    assert extraction.problems(extraction.extract(), extraction.read_catalogues()) == []


def test_a_missing_or_unused_message_or_differing_placeholders_are_found() -> None:
    pot = extraction.extract()
    catalogues = extraction.read_catalogues()
    nn = catalogues["nn"]
    del nn["check.clean"]
    nn.add("check.nobody_says_this", "x")
    nn.get("file.status.meeting").string = "{nope}"
    found = extraction.problems(pot, catalogues)
    assert "nn: unused check.nobody_says_this" in found
    assert any(line.startswith("nn: missing check.clean (used at src/ehportfolio/") for line in found)
    assert any(line.startswith("nn: file.status.meeting: placeholders") for line in found)


SOURCE_SAMPLE = b"""
from ehportfolio.i18n.catalogues import N_
WORDS = {"green": N_("report.state.green")}
def f(lang, x):
    text(lang, "plain.id", n=1)
    print(f"{text(lang, 'inside.fstring')}: {x}")
    raise Problem(path, "utf16")
    table.problem(1, 2, "import.bad_id")
    text(lang, key)
"""


def test_the_extractor_finds_ids_written_whole_marked_or_coded_and_inside_f_strings() -> None:
    found = {message for _, _, message, _ in extraction.extract_code(io.BytesIO(SOURCE_SAMPLE), (), (), {})}
    assert found == {"report.state.green", "plain.id", "inside.fstring", "problem.utf16", "problem.import.bad_id"}


def _id_calls() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                spec = extraction.KEYWORDS.get(name or "") or extraction.PREFIXED.get(name or "", (0,))[:1]
                if spec[0] and len(node.args) >= spec[0]:
                    calls.append((str(path.relative_to(ROOT)), node.lineno, node.args[spec[0] - 1]))
    return calls


CONVENTIONS = ("src/ehportfolio/i18n/helptexts.py", "src/ehportfolio/i18n/messages.py")
"""Where the codes of scripts/messages.py's PREFIXED calls become their ids (`help.<key>`, `problem.<code>`, and the
`.suggest` form), as extraction reads them."""


def test_no_message_id_is_built_at_run_time() -> None:
    """An id is written whole (or its code is), so that extraction finds it: never `text(lang, f"stage.{x}")` or
    `text(lang, "stage." + x)`; a value picks an id from a table of `N_("…")` instead."""
    calls = _id_calls()
    built = [f"{path}:{line}" for path, line, arg in calls if isinstance(arg, ast.JoinedStr | ast.BinOp)]
    built = [place for place in built if not place.startswith(CONVENTIONS)]
    assert built == []


def test_every_rule_has_its_message_and_its_reason() -> None:
    said = {message.removeprefix("problem.").split(".")[0] for message in RULE_MESSAGES}
    assert said == set(RULES)
    assert set(messages.WHY) == set(RULES)


@pytest.mark.parametrize(
    ("lang", "counts", "line"),
    [
        ("nb", (0, 0, 0, 0), "Ingen funn; 0 tiltak sjekket."),
        ("nb", (1, 1, 1, 1), "1 feil og 1 advarsel i 1 fil; 1 tiltak sjekket."),
        ("nb", (2, 2, 2, 2), "2 feil og 2 advarsler i 2 filer; 2 tiltak sjekket."),
        ("nb", (0, 2, 1, 55), "0 feil og 2 advarsler i 1 fil; 55 tiltak sjekket."),
        ("nn", (0, 0, 0, 2), "Ingen funn; 2 tiltak sjekka."),
        ("nn", (1, 1, 1, 1), "1 feil og 1 åtvaring i 1 fil; 1 tiltak sjekka."),
        ("nn", (2, 2, 2, 2), "2 feil og 2 åtvaringar i 2 filer; 2 tiltak sjekka."),
        ("en", (0, 0, 0, 0), "No findings; 0 initiatives checked."),
        ("en", (0, 0, 0, 1), "No findings; 1 initiative checked."),
        ("en", (1, 1, 1, 1), "1 error and 1 warning in 1 file; 1 initiative checked."),
        ("en", (2, 0, 2, 2), "2 errors and 0 warnings in 2 files; 2 initiatives checked."),
    ],
)
def test_counts_take_the_plural_form_of_their_number(lang: str, counts: tuple[int, int, int, int], line: str) -> None:
    assert messages.check_summary(lang, *counts) == line


def test_pybabel_update_from_the_extracted_template_keeps_every_translation(tmp_path: Path) -> None:
    """The template `make messages` writes is one Babel's own tool merges into the catalogues without losing a
    translation or a plural form, and with the bokmål text as each message's comment for the translator."""
    catalogues = extraction.read_catalogues()
    pot = extraction.with_reference(extraction.extract(), catalogues["nb"])
    with (tmp_path / "ehp.pot").open("wb") as out:
        write_po(out, pot)
    shutil.copytree(LOCALE, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    pybabel = Path(sys.executable).parent / "pybabel"
    update = [str(pybabel), "update", "-i", str(tmp_path / "ehp.pot"), "-d", str(tmp_path / "locale"), "-D", "ehp"]
    subprocess.run([*update, "--no-fuzzy-matching", "--ignore-obsolete"], check=True, capture_output=True)
    for lang in LANGUAGES:
        with (tmp_path / "locale" / lang / "LC_MESSAGES" / "ehp.po").open("rb") as po:
            updated = read_po(po, locale=lang)
        before = {m.id: m.string for m in PO[lang] if m.id}
        assert {m.id: m.string for m in updated if m.id} == before
        assert updated["check.clean"].auto_comments[0].startswith("nb: Ingen funn")
