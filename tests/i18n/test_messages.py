"""The gettext catalogues (`src/ehportfolio/locale/<lang>/LC_MESSAGES/ehp.po`) hold together: every language has the
same messages with the same placeholders and the same plural forms, every message renders in every language, and
every message is said somewhere.

A key is used when the code or a template names it: literally (`"import.done"`), as a report text a template reads
from `t` (`t.none`, `t["col.name"]` for `report.none`, `report.col.name`), as the code of a problem or a refusal
(`Problem(path, "not_found")`, `Refusal("bad_id")` for `new.bad_id`), with a variant suffix (`.suggest`), or under one
of the few prefixes the code builds keys from (`f"stage.{stage}"`), listed in DYNAMIC.
"""

from __future__ import annotations

import ast
import re
import string
import zipfile
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from ehportfolio.i18n import messages
from ehportfolio.i18n.catalogues import LANGUAGES

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "src" / "ehportfolio"
TEMPLATES = ROOT / "templates"
LOCALE = SOURCE / "locale"


def _read(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "ehp.po").open("rb") as po:
        return read_po(po, locale=lang)


PO = {lang: _read(lang) for lang in LANGUAGES}
SECTIONS = ("problem.", "why.", "help.", "typer.", "kind.", "type.")
"""The ids of a section are its key behind a prefix: `problem.bad_id` is the problem `bad_id`."""


def _forms(message: object) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, (list, tuple)) else (string,)


def _ids(lang: str) -> set[str]:
    return {str(m.id if isinstance(m.id, str) else m.id[0]) for m in PO[lang] if m.id}


IDS = _ids("nb")

# The prefixes under which keys are built from a value, with where each is built.
DYNAMIC = (
    "calendar.col.",  # output/calendar.py
    "count.",  # i18n/messages.py counted
    "exit.",  # cli/exits.py, by the name of each exit status
    "explain.label.",  # features/guide.py
    "explain.unknown.",  # features/guide.py
    "diff.col.",  # output/diff_markdown.py
    "diff.count.",  # output/diff_text.py
    "diff.field.",  # output/diff_text.py
    "effect.",  # output/explain.py, cli/commands/new.py
    "export.col.",  # features/exporting.py
    "group.",  # output/portfolio_text.py
    "history.",  # cli/commands/history.py
    "init.requirement.",  # cli/commands/init.py, by store/installed.py's reasons
    "import.field.",  # cli/commands/importing.py
    "index.",  # cli/commands/report.py
    "lifecycle.done.",  # cli/commands/lifecycle.py
    "owner.how.",  # i18n/messages.py fitted
    "report.case_type.",  # reports/contexts.py
    "report.group.",  # reports/contexts.py
    "report.kind.",  # reports/contexts.py
    "report.meeting.proposal.",  # reports/contexts.py
    "report.state.",  # reports/contexts.py
    "report.status.",  # reports/contexts.py
    "report.strength.",  # reports/contexts.py, cli/commands/new.py
    "severity.",  # output/rich_text.py
    "stage.",  # i18n/messages.py stage_name
)
# Prefixes put before a code written alone: `Refusal("bad_id")` says `new.bad_id`.
CODED = ("new.",)
# Suffixes of a key's variants: a message with a did-you-mean, or one of a problem's `variant`s (rules/).
VARIANTS = (".suggest", ".yes", ".no", ".file", ".no_solution", ".own", ".shipped")


def _code() -> str:
    """The package's code, with messages.py's own catalogues left out."""
    parts = []
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name == "messages.py":
            lines = text.splitlines()
            for node in ast.parse(text).body:
                if isinstance(node, ast.AnnAssign | ast.Assign) and _names(node) & {"SEGMENT_NAMES"}:
                    assert node.end_lineno is not None
                    lines[node.lineno - 1 : node.end_lineno] = [""] * (node.end_lineno - node.lineno + 1)
            text = "\n".join(lines)
        parts.append(text)
    return "\n".join(parts)


def _templates() -> str:
    """The templates, with the Word templates' text, and the code of reports/, which reads `t` too."""
    parts = [path.read_text(encoding="utf-8") for path in sorted((SOURCE / "reports").glob("*.py"))]
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix == ".j2":
            parts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".docx":
            with zipfile.ZipFile(path) as docx:
                xml = "".join(docx.read(n).decode("utf-8") for n in docx.namelist() if n.endswith(".xml"))
            parts.append(re.sub(r"<[^>]+>", "", xml))
    return "\n".join(parts)


def _names(node: ast.AnnAssign | ast.Assign) -> set[str]:
    targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
    return {target.id for target in targets if isinstance(target, ast.Name)}


QUOTED = re.compile(r"""["']([A-Za-z0-9_.\-]+)["']""")
TEMPLATES_TEXT = _templates()
LITERALS = set(QUOTED.findall(_code() + TEMPLATES_TEXT))
# What templates read from `t`, the `report.` texts without the prefix: `t.none`, `t["col.name"]`, and keys they
# hold as strings, as in `for key, heading in [("moves", "meeting.moves"), ...]`.
TEMPLATE_KEYS = set(re.findall(r"\bt\.([a-z_]+)", TEMPLATES_TEXT)) | set(QUOTED.findall(TEMPLATES_TEXT))


def used(key: str) -> bool:
    for prefix in SECTIONS:
        if key.startswith(prefix):
            key = key.removeprefix(prefix)
            if prefix in ("kind.", "type."):  # the `kind` and `expected` of a problem from store/loader.py
                return True
            break
    if key in LITERALS or key.startswith(DYNAMIC):
        return True
    if _template_text(key) and key.removeprefix("report.") in TEMPLATE_KEYS:
        return True
    if any(key.startswith(prefix) and key.removeprefix(prefix) in LITERALS for prefix in CODED):
        return True
    return any(key.endswith(suffix) and used(key.removesuffix(suffix)) for suffix in VARIANTS)


def _template_text(key: str) -> bool:
    """Whether the templates get the text as `t` (reports/contexts.py `_texts`): a `report.` text without values."""
    return key.startswith("report.") and all("{" not in form for lang in LANGUAGES for form in _forms(PO[lang][key]))


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


def test_every_message_is_used() -> None:
    assert sorted(key for key in IDS if not used(key)) == []


@pytest.mark.parametrize("prefix", DYNAMIC + CODED)
def test_every_prefix_is_one_the_code_builds_keys_from(prefix: str) -> None:
    code = _code()
    assert f'"{prefix}{{' in code or f"'{prefix}{{" in code, f'no f"{prefix}{{…}}" in src/ehportfolio'


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
