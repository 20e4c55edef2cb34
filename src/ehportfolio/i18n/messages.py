"""Everything the tool says to people, in bokmål (nb, the default), nynorsk (nn) and English (en): the messages of the
gettext catalogues (catalogues.py) filled in, with the words for segments, statuses and stages."""

from __future__ import annotations

from typing import Any

from ehportfolio.domain.errors import UserError
from ehportfolio.domain.fieldtypes import STATUSES
from ehportfolio.domain.printable import shown
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.i18n.catalogues import LANGUAGES, has, lookup

__all__ = ["LANGUAGES", "has"]

SEGMENT_NAMES = {"samstyre": "Samstyre", "koordinere": "Koordinere", "observere": "Observere", "inspirere": "Inspirere"}

FILE_PROBLEMS = (
    *("unreadable", "not_found", "not_a_directory", "not_regular_file", "file_too_large", "not_regular_target"),
    *("dangling_link", "link_outside", "write_failed", "exists", "read_only", "changed_on_disk"),
)
"""The problems of `FileRefused`, which is also a `UserError`: its message is "path: problem"."""


def why(code: str, lang: str) -> str:
    """Why a rule matters; problems met while reading a file share one reason."""
    key = f"why.{code}"
    return lookup(lang, key if has(lang, key) else "why.file")


PATH_ARGS = ("path", "file", "dir")
"""The arguments of a message that name a file or a directory: shown with their control characters escaped."""


def text(lang: str, key: str, /, **args: Any) -> str:
    """Message `key` in `lang`, filled in with `args`; a message with plural forms takes the form for `count`."""
    for name in PATH_ARGS:
        if isinstance(args.get(name), str):
            args[name] = shown(args[name])
    count = args.get("count")
    return lookup(lang, key, count if isinstance(count, int) else None).format(**args)


def install_texts(environment: Any, lang: str) -> None:
    """Give a Jinja environment with `jinja2.ext.i18n` the catalogues of `lang`: `{{ _("report.none") }}` in a
    template is that message, and `ngettext` takes the plural form for a count. A message the catalogue lacks fails
    the rendering, as any unknown name does under StrictUndefined."""

    def gettext(key: str) -> str:
        return lookup(lang, key)

    def ngettext(key: str, plural: str, count: int) -> str:
        return lookup(lang, key, count)

    environment.install_gettext_callables(gettext=gettext, ngettext=ngettext, newstyle=False)


FILE_LANGUAGES = ("nb", "nn")
"""The languages of what ehp writes into a portfolio's files (comments, the source of an import): portfolio data is
Norwegian, so English output still writes bokmål files."""


def file_language(lang: str) -> str:
    """The language the comments of a file written with `--lang lang` are in."""
    return lang if lang in FILE_LANGUAGES else "nb"


def counted(lang: str, noun: str, count: int) -> str:
    """`count` and its noun in the plural form the number takes: "1 fil", "2 filer" (`count.<noun>`)."""
    return text(lang, f"count.{noun}", count=count)


def check_summary(lang: str, errors: int, warnings: int, files: int, checked: int) -> str:
    """The last line of `ehp check`: what was found, in how many files, of how many initiatives."""
    if not errors and not warnings:
        return text(lang, "check.clean", checked=counted(lang, "initiatives", checked))
    return text(
        lang,
        "check.summary",
        errors=counted(lang, "errors", errors),
        warnings=counted(lang, "warnings", warnings),
        files=counted(lang, "files", files),
        checked=counted(lang, "initiatives", checked),
    )


def _shown_args(args: dict[str, Any]) -> dict[str, Any]:
    """Every text argument with its control characters escaped: it came from a file, a path or the command line."""
    return {key: shown(value) if isinstance(value, str) else value for key, value in args.items()}


def stage_name(stage: str, lang: str) -> str:
    """An initiative's stage (domain.state.STAGES) in words."""
    return text(lang, f"stage.{stage}")


def status_name(status: str, lang: str) -> str:
    """An initiative's status (domain.fieldtypes.STATUSES) in words; the id itself when it is no status."""
    return text(lang, f"report.status.{status}") if has(lang, f"report.status.{status}") else status


def choice_words(kind: str, lang: str) -> dict[str, str]:
    """The words of a choice on the command line (`status` or `segment`) in `lang`, by id."""
    if kind == "status":
        return {status: lookup(lang, f"report.status.{status}") for status in STATUSES}
    return dict(SEGMENT_NAMES)


def choice_id(kind: str, word: str) -> str | None:
    """The id a word names, in any case and any language: `Avslutta`, `avsluttet` and `finished` are `finished`;
    `KOORDINERE` is `koordinere`. None when it names none."""
    wanted = word.strip().casefold()
    for lang in LANGUAGES:
        for ident, name in choice_words(kind, lang).items():
            if wanted in (ident.casefold(), name.casefold()):
                return ident
    return None


def error_lines(error: UserError, lang: str) -> list[str]:
    """What a user error says: one `file:line:col: message` per problem of an input error, else its message (the
    `.suggest` variant when it has a suggestion, as problems have). A key may name a problem's message too."""
    if isinstance(error, InputError) and error.problems:
        return [problem_line(problem, lang) for problem in error.problems]
    key = error.key
    if error.values.get("suggestion") and has(lang, f"{key}.suggest"):
        key += ".suggest"
    values = _shown_args({**error.values, **_worded(error.values, lang)})
    if key in FILE_PROBLEMS:
        return [f"{values['path']}: " + lookup(lang, f"problem.{key}").format(**values)]
    return [lookup(lang, key if has(lang, key) else f"problem.{key}").format(**values)]


def segment_name(segment: str | None) -> str:
    return SEGMENT_NAMES.get(segment or "", "–")


def answer_word(lang: str, answer: bool | None) -> str:
    return text(lang, "yes" if answer else "no") if answer is not None else text(lang, "unanswered")


def fitted(original: str, name: str, how: str, lang: str) -> str:
    """An owner taken as the register's `name`, and how it was found (domain/actors.py), for the submitter to check."""
    return text(lang, "owner.fitted", original=original, name=name, how=text(lang, f"owner.how.{how}"))


SEGMENT_ARGS = ("recorded", "result", "segment")
"""The arguments of a problem or an error that name a segment: the rules and the domain give its id, and the message
shows its name, so that only this module words segments."""


def _worded(args: dict[str, Any], lang: str) -> dict[str, Any]:
    """The arguments that name a segment or a status, in words: the callers give ids (`samstyre`, `finished`)."""
    words = {
        key: segment_name(args[key]) for key in SEGMENT_ARGS if key in args and args[key] in (None, *SEGMENT_NAMES)
    }
    status = args.get("status")
    if isinstance(status, str) and has(lang, f"report.status.{status}"):
        words["status"] = lookup(lang, f"report.status.{status}")
    return words


def problem_message(problem: Problem, lang: str) -> str:
    """The problem's message alone, without its place."""
    args = dict(problem.args)
    code = problem.code
    if args.get("suggestion"):
        code += ".suggest"
    elif "variant" in args:
        code += "." + args["variant"]
    args.update(_worded(args, lang))
    for name, family in (("kind", "kind"), ("expected", "type")):
        if name in args and has(lang, f"{family}.{args[name]}"):
            args[name] = lookup(lang, f"{family}.{args[name]}")
    return lookup(lang, f"problem.{code}").format(**_shown_args(args))


def problem_line(problem: Problem, lang: str) -> str:
    """`file:line:col: field: message`, the form editors and CI logs recognise."""
    place = shown(problem.path)
    if problem.line is not None:
        place += f":{problem.line}"
        if problem.column is not None:
            place += f":{problem.column}"
    field = f"{shown(problem.field_path)}: " if problem.field_path else ""
    return f"{place}: {field}{problem_message(problem, lang)}"
