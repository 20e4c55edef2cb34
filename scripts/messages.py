"""Extract the message ids ehp uses and hold them against the gettext catalogues.

`python scripts/messages.py` (`make messages`, run by `make lint` and so by CI) extracts every message id from the
package's Python code, the Jinja templates and the Word templates with Babel's extractors, writes them as the template
catalogue `build/ehp.pot` (what `pybabel update` merges into a translation), and fails when:
- the code uses an id that a catalogue lacks (missing);
- a catalogue holds an id that nothing uses (unused);
- a message's placeholders or plural forms differ between the languages, or a language leaves one untranslated.

An id is found where it is written whole, as the id argument of a call to one of KEYWORDS. An id chosen by a value is
written whole where the choice is made, marked `N_("report.state.green")`. A few calls take a code that their id is
built from, and PREFIXED says how: `Problem(path, "utf16")` says `problem.utf16`.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import zipfile
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po
from jinja2.ext import babel_extract

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ehportfolio"
TEMPLATES = ROOT / "templates"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("nb", "nn", "en")

KEYWORDS: dict[str, tuple[int, ...]] = {
    "text": (2,),  # i18n.messages.text(lang, id, **args)
    "lookup": (2,),  # i18n.catalogues.lookup(lang, id, count)
    "has": (2,),  # i18n.catalogues.has(lang, id)
    "N_": (1,),  # i18n.catalogues.N_(id): an id chosen by a value
    "UserError": (1,),  # domain.errors.UserError(id, **args), and the errors built like it
    "ReportRefusal": (1,),
    "GitError": (1,),
    "TemplateFailure": (1,),
    "ChecklistError": (1,),
    "_say": (2,),  # cli/commands/importing.py: a message to stderr
    "message": (2,),  # features/importing.py: a message in the language of the files written
    "_": (1,),  # the templates' gettext
    "gettext": (1,),
    "ngettext": (1,),
}
PREFIXED: dict[str, tuple[int, str]] = {
    "Problem": (2, "problem."),  # domain.problems.Problem(path, code, …): a problem found in a file
    "FileRefused": (1, "problem."),  # domain.problems.FileRefused(code, path): a path the file layer refuses
    "Refusal": (1, "problem."),  # domain.lifecycle.Refusal(code): a step that cannot be recorded
    "AnswerRefused": (1, "new."),  # features.intake.AnswerRefused(code): an answer ehp new cannot take
    "merge": (2, "new."),  # features.intake.merge(pairs, code): the refusal of a key given twice
    "fail": (1, "problem."),  # store.loader: a problem at a mark of the YAML parser
    "_at_offset": (4, "problem."),  # store.loader: a problem at an offset of the text
    "problem": (3, "problem."),  # store.spreadsheet.Table.problem(row, column, code): a problem at a cell
    "h": (1, "help."),  # i18n.helptexts.h(key): a --help text
}


def extract_code(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str, Any, list[str]]]:
    """The ids in a Python module: the string literal at the id's place in every call to one of KEYWORDS, and the code
    of every call to one of PREFIXED as the id it says. Read from the syntax tree, so that calls inside f-strings are
    found too (Babel's own Python extractor skips f-strings before Python 3.12)."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name in KEYWORDS:
            index, prefix = KEYWORDS[name][0], ""
        elif name in PREFIXED:
            index, prefix = PREFIXED[name]
        else:
            continue
        if len(node.args) >= index:
            arg = node.args[index - 1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                yield node.lineno, "N_", prefix + arg.value, []


def extract_docx(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str, Any, list[str]]]:
    """The Jinja of a Word template: the text of its XML parts, XML tags removed, read by Jinja's extractor (which
    passes over a template it cannot parse in silence)."""
    with zipfile.ZipFile(fileobj) as docx:
        xml = "".join(docx.read(n).decode("utf-8") for n in docx.namelist() if n.endswith(".xml"))
    text = re.sub(r"<[^>]+>", "", xml).replace("&quot;", '"').replace("&apos;", "'")
    # docxtpl's paragraph, row, cell and run tags ({%p if ... %}) are Jinja's own tags to the extractor
    source = re.sub(r"\{%(?:p|tr|tc|r) ", "{% ", text).encode("utf-8")
    yield from babel_extract(io.BytesIO(source), keywords, comment_tags, options)


def extract() -> Catalog:
    """Every id the package uses, with where, as a template catalogue."""
    pot = Catalog(project="ehp", fuzzy=False)
    keywords = {**KEYWORDS, "N_": (1,)}
    sources = [
        (PACKAGE, [("**.py", extract_code)], "src/ehportfolio/"),
        (TEMPLATES, [("**.j2", "jinja2.ext:babel_extract"), ("**.docx", extract_docx)], "templates/"),
    ]
    for directory, method_map, shown in sources:
        found = extract_from_dir(directory, method_map, {}, keywords)  # type: ignore[arg-type]
        for filename, lineno, message, _comments, _context in found:
            ident = message if isinstance(message, str) else message[0]
            pot.add(ident, locations=[(shown + filename, lineno)])
    return pot


def _forms(string: object) -> tuple[str, ...]:
    return tuple(string) if isinstance(string, list | tuple) else (str(string),)


PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def problems(pot: Catalog, catalogues: dict[str, Catalog]) -> list[str]:
    """What is wrong between the ids used and the catalogues, one line each; empty when nothing is."""
    used = {_ident(m.id) for m in pot if m.id}
    found = []
    for lang, catalogue in catalogues.items():
        held = {_ident(m.id) for m in catalogue if m.id}
        found += [f"{lang}: missing {ident} (used at {_where(pot, ident)})" for ident in sorted(used - held)]
        found += [f"{lang}: unused {ident}" for ident in sorted(held - used)]
    reference = catalogues[LANGUAGES[0]]
    for message in reference:
        if not message.id:
            continue
        ident = message.id if isinstance(message.id, str) else message.id[0]
        wanted = {frozenset(PLACEHOLDER.findall(form)) for form in _forms(message.string)}
        for lang, catalogue in catalogues.items():
            other = catalogue.get(ident)
            if other is None:
                continue
            if other.pluralizable != message.pluralizable:
                found.append(f"{lang}: {ident}: plural forms differ from {LANGUAGES[0]}")
            have = {frozenset(PLACEHOLDER.findall(form)) for form in _forms(other.string)}
            if have | wanted != have & wanted or len(have) != 1:
                found.append(f"{lang}: {ident}: placeholders {sorted(map(sorted, have | wanted))}")
            if not all(_forms(other.string)):
                found.append(f"{lang}: {ident}: untranslated")
    return found


def _ident(ident: str | tuple[str, ...]) -> str:
    return ident if isinstance(ident, str) else ident[0]


def _where(pot: Catalog, ident: str) -> str:
    return ", ".join(f"{path}:{line}" for path, line in pot[ident].locations)


def read_catalogues() -> dict[str, Catalog]:
    catalogues = {}
    for lang in LANGUAGES:
        with (LOCALE / lang / "LC_MESSAGES" / "ehp.po").open("rb") as po:
            catalogues[lang] = read_po(po, locale=lang)
    return catalogues


def with_reference(pot: Catalog, reference: Catalog) -> Catalog:
    """The template catalogue with what the reference language says of each id: its plural id for a message with
    plural forms, and its text as a comment for the translator (`#. nb: …`), both of which `pybabel update` keeps."""
    out = Catalog(project="ehp", fuzzy=False)
    for message in pot:
        if not message.id:
            continue
        found = reference.get(message.id)
        ident, comments = message.id, []
        if found is not None:
            forms = _forms(found.string)
            ident = found.id
            comments = [f"{LANGUAGES[0]}: {forms[-1] if found.pluralizable else forms[0]}"]
        out.add(ident, ("", "") if isinstance(ident, tuple) else "", message.locations, auto_comments=comments)
    return out


def main() -> int:
    catalogues = read_catalogues()
    pot = with_reference(extract(), catalogues[LANGUAGES[0]])
    out = ROOT / "build" / "ehp.pot"
    out.parent.mkdir(exist_ok=True)
    with out.open("wb") as target:
        write_po(target, pot, omit_header=False, sort_output=True)
    found = problems(pot, catalogues)
    for line in found:
        print(line, file=sys.stderr)
    print(f"{len(pot)} message ids extracted to {out.relative_to(ROOT)}; {len(found)} problems", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
