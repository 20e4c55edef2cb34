"""Every message of i18n/messages.py is said somewhere, and in both languages.

A key is used when the code or a template names it: literally (`"import.done"`), as a report text a template reads
from `t` (`t.none`, `t["col.name"]` for `report.none`, `report.col.name`), as the code of a problem or a refusal
(`Problem(path, "not_found")`, `Refusal("bad_id")` for `new.bad_id`), with a variant suffix (`.suggest`), or under one
of the few prefixes the code builds keys from (`f"stage.{stage}"`), listed in DYNAMIC.
"""

from __future__ import annotations

import ast
import re
import zipfile
from pathlib import Path

import pytest

from ehportfolio.i18n import messages

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "src" / "ehportfolio"
TEMPLATES = ROOT / "templates"
CATALOGUES = {"TEXT": messages.TEXT, "PROBLEMS": messages.PROBLEMS, "WHY": messages.WHY}

# The prefixes under which keys are built from a value, with where each is built.
DYNAMIC = (
    "calendar.col.",  # output/calendar.py
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
VARIANTS = (".suggest", ".yes", ".no", ".file")


def _code() -> str:
    """The package's code, with messages.py's own catalogues left out."""
    parts = []
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name == "messages.py":
            lines = text.splitlines()
            for node in ast.parse(text).body:
                if isinstance(node, ast.AnnAssign | ast.Assign) and _names(node) & set(CATALOGUES):
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
    if key in LITERALS or key.startswith(DYNAMIC):
        return True
    if _template_text(key) and key.removeprefix("report.") in TEMPLATE_KEYS:
        return True
    if any(key.startswith(prefix) and key.removeprefix(prefix) in LITERALS for prefix in CODED):
        return True
    return any(key.endswith(suffix) and used(key.removesuffix(suffix)) for suffix in VARIANTS)


def _template_text(key: str) -> bool:
    """Whether the templates get the text as `t` (reports/contexts.py `_texts`): a `report.` text without values."""
    return key.startswith("report.") and all(
        "{" not in messages.TEXT[lang].get(key, "{") for lang in messages.LANGUAGES
    )


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_both_languages_have_the_same_keys(name: str) -> None:
    catalogue = CATALOGUES[name]
    assert set(catalogue) == set(messages.LANGUAGES)
    assert sorted(set(catalogue["nb"]) ^ set(catalogue["en"])) == []


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_key_is_used(name: str) -> None:
    assert sorted(key for key in CATALOGUES[name]["nb"] if not used(key)) == []


@pytest.mark.parametrize("prefix", DYNAMIC + CODED)
def test_every_prefix_is_one_the_code_builds_keys_from(prefix: str) -> None:
    code = _code()
    assert f'"{prefix}{{' in code or f"'{prefix}{{" in code, f'no f"{prefix}{{…}}" in src/ehportfolio'
