"""Everything the tool says to people, in bokmål (nb, the default), nynorsk (nn) and English (en): the messages of the
gettext catalogues (catalogues.py) filled in, with the words for segments, statuses and stages."""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from typing import Any

from ehportfolio.domain.errors import UserError
from ehportfolio.domain.fieldtypes import STATUSES
from ehportfolio.domain.printable import shown
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.i18n.catalogues import LANGUAGES, N_, has, lookup

__all__ = ["LANGUAGES", "has"]

SEGMENT_NAMES = {"samstyre": "Samstyre", "koordinere": "Koordinere", "observere": "Observere", "inspirere": "Inspirere"}

FILE_PROBLEMS = (
    *("unreadable", "not_found", "not_a_directory", "not_regular_file", "file_too_large", "not_regular_target"),
    *("dangling_link", "link_outside", "write_failed", "exists", "read_only", "changed_on_disk"),
)
"""The problems of `FileRefused`, which is also a `UserError`: its message is "path: problem"."""


WHY = {
    "unknown_dependency": N_("why.unknown_dependency"),
    "solution_clash": N_("why.solution_clash"),
    "unknown_goal": N_("why.unknown_goal"),
    "duplicate_goal": N_("why.duplicate_goal"),
    "goals_and_focus_area": N_("why.goals_and_focus_area"),
    "unknown_phase": N_("why.unknown_phase"),
    "unknown_user_group": N_("why.unknown_user_group"),
    "unknown_replan": N_("why.unknown_replan"),
    "self_dependency": N_("why.self_dependency"),
    "dependency_cycle": N_("why.dependency_cycle"),
    "unknown_owner": N_("why.unknown_owner"),
    "unknown_focus_area": N_("why.unknown_focus_area"),
    "segment_unexplained": N_("why.segment_unexplained"),
    "segment_missing": N_("why.segment_missing"),
    "segment_on_excluded": N_("why.segment_on_excluded"),
    "undecided": N_("why.undecided"),
    "samstyre_dependency_mismatch": N_("why.samstyre_dependency_mismatch"),
    "koordinere_without_dependency": N_("why.koordinere_without_dependency"),
    "history_order": N_("why.history_order"),
    "history_chain": N_("why.history_chain"),
    "history_current": N_("why.history_current"),
    "history_future": N_("why.history_future"),
    "report_missing": N_("why.report_missing"),
    "status_unknown_initiative": N_("why.status_unknown_initiative"),
    "status_unknown_round": N_("why.status_unknown_round"),
    "status_incomplete": N_("why.status_incomplete"),
    "status_dependency_unknown": N_("why.status_dependency_unknown"),
    "status_date_far": N_("why.status_date_far"),
    "unknown_benefit_goal": N_("why.unknown_benefit_goal"),
    "status_benefit_unknown": N_("why.status_benefit_unknown"),
    "benefit_obstacles_segment": N_("why.benefit_obstacles_segment"),
}
"""Why each rule of `ehp check` matters (rules/__init__.py's RULES, by id)."""

STATUS_WORDS = {
    "active": N_("report.status.active"),
    "finished": N_("report.status.finished"),
    "withdrawn": N_("report.status.withdrawn"),
}

STATUS_FIELD_WORDS = {
    "colour": N_("report.field.colour"),
    "progress": N_("report.field.progress"),
    "risks": N_("report.field.risks"),
    "dependencies": N_("report.field.dependencies"),
    "actions": N_("report.field.actions"),
    "experience": N_("report.field.experience"),
    "obstacles": N_("report.field.obstacles"),
    "purpose": N_("report.field.purpose"),
    "ideas": N_("report.field.ideas"),
}
"""The heading of each status report field a segment reports on (cadence.yaml's `required`); a fact sheet shows these
fields, in the order the cadence names them."""


ITEM_FIELD_WORDS = {
    "risk": N_("report.field.risk"),
    "consequence": N_("report.meeting.consequence"),
    "action": N_("report.meeting.action"),
    "id": N_("report.depends_on"),
    "needed": N_("report.meeting.col.needed"),
    "by": N_("report.meeting.col.by"),
    "state": N_("report.meeting.col.dep_state"),
}
"""The column headings of a list's records (a risk's, a dependency's), as a paper heads them."""


def missing_words(paths: Sequence[str], lang: str) -> str:
    """What a status report lacks (features.calendar.missing_content's paths: `colour`, `risks.1`,
    `risks.0.action`), in the words a paper heads those fields with, each once: `samlet status, risikoer (rad 2),
    risikoer (rad 1: tiltak)`; the parts a row lacks are named together."""
    words: dict[tuple[str, int], list[str]] = {}
    for path in paths:
        name, *rest = path.split(".")
        row = int(rest[0]) + 1 if rest and rest[0].isdigit() else 0
        parts = words.setdefault((name, row), [])
        if len(rest) > 1:
            part = lookup(lang, ITEM_FIELD_WORDS[rest[1]]) if rest[1] in ITEM_FIELD_WORDS else rest[1]
            parts.append(part[:1].lower() + part[1:])
    said = []
    for (name, row), parts in words.items():
        word = lookup(lang, STATUS_FIELD_WORDS[name]) if name in STATUS_FIELD_WORDS else name
        word = word[:1].lower() + word[1:]
        if row:
            where = f"{row}: {', '.join(parts)}" if parts else str(row)
            word = lookup(lang, "report.field.row").format(field=word, row=where)
        said.append(word)
    return ", ".join(said)


STRENGTH_WORDS = {
    "strong": N_("report.strength.strong"),
    "weak": N_("report.strength.weak"),
}
"""How strongly an initiative depends on another, in words."""

FITTED_HOW = {
    "case": N_("owner.how.case"),
    "short_name": N_("owner.how.short_name"),
    "prefix": N_("owner.how.prefix"),
    "closest": N_("owner.how.closest"),
}
"""How an owner was fitted to the register (domain/actors.py), in words."""

KIND_WORDS = {
    "list": N_("kind.list"),
    "scalar": N_("kind.scalar"),
}
TYPE_WORDS = {
    "text": N_("type.text"),
    "mapping": N_("type.mapping"),
    "list": N_("type.list"),
    "integer": N_("type.integer"),
    "boolean": N_("type.boolean"),
    "number": N_("type.number"),
}
"""The `kind` and `expected` of a problem found in a file (store/loader.py, store/validation.py), in words."""


SUGGESTING = (
    N_("explain.unknown.question.suggest"),
    N_("explain.unknown.segment.suggest"),
    N_("explain.unknown.term.suggest"),
    N_("new.unknown_dependency.suggest"),
    N_("new.unknown_focus_area.suggest"),
    N_("new.unknown_owner.suggest"),
    N_("new.unknown_question.suggest"),
    N_("problem.import.unknown_actor.suggest"),
    N_("problem.status.unknown_round.suggest"),
    N_("problem.unknown_initiative.suggest"),
    N_("problem.unknown_key.suggest"),
    N_("problem.bad_choice.suggest"),
)
"""Messages said when a problem or an error has a `suggestion`: the did-you-mean form `<id>.suggest` of a message
(the rules list their own, rules/__init__.py). Listed for extraction (scripts/messages.py)."""

PASSED_ON = (
    N_("problem.bad_amount"),
    N_("problem.negative_amount"),
    N_("problem.funding_over_budget"),
    N_("problem.duplicate_year"),
    N_("problem.duplicate_solution"),
    N_("problem.unknown_part_of"),
    N_("problem.complex_key"),
    N_("problem.duplicate_id"),
    N_("problem.import.id_collision"),
    N_("problem.import.id_repeated"),
    N_("problem.import.not_utf8"),
    N_("problem.not_above"),
    N_("problem.not_below"),
    N_("problem.not_utf8"),
    N_("problem.too_large"),
    N_("problem.too_small"),
    N_("problem.write_failed"),
    N_("problem.stage_committee"),
    N_("problem.case_without_stage"),
    N_("problem.duplicate_stage"),
    N_("problem.duplicate_user_group"),
    N_("problem.replan_shape"),
    N_("problem.duplicate_benefit"),
)
"""Problems whose code is chosen where it is found and passed on as a value (store/loader.py, store/validation.py's
table of pydantic's errors, store/portfolio.py, store/files.py, features/importing.py). Listed for extraction."""


def why(code: str, lang: str) -> str:
    """Why a rule matters; problems met while reading a file share one reason."""
    return lookup(lang, WHY.get(code, N_("why.file")))


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


def check_summary(lang: str, errors: int, warnings: int, files: int, checked: int) -> str:
    """The last line of `ehp check`: what was found, in how many files, of how many initiatives."""
    if not errors and not warnings:
        return text(lang, "check.clean", checked=text(lang, "count.initiatives", count=checked))
    return text(
        lang,
        "check.summary",
        errors=text(lang, "count.errors", count=errors),
        warnings=text(lang, "count.warnings", count=warnings),
        files=text(lang, "count.files", count=files),
        checked=text(lang, "count.initiatives", count=checked),
    )


def _shown_args(args: dict[str, Any]) -> dict[str, Any]:
    """Every text argument with its control characters escaped: it came from a file, a path or the command line."""
    return {key: shown(value) if isinstance(value, str) else value for key, value in args.items()}


STAGE_WORDS = {
    "proposed": N_("stage.proposed"),
    "member": N_("stage.member"),
    "out": N_("stage.out"),
    "finished": N_("stage.finished"),
    "withdrawn": N_("stage.withdrawn"),
}


def stage_name(stage: str, lang: str) -> str:
    """An initiative's stage (domain.state.STAGES) in words."""
    return text(lang, STAGE_WORDS[stage])


def status_name(status: str, lang: str) -> str:
    """An initiative's status (domain.fieldtypes.STATUSES) in words; the id itself when it is no status."""
    return text(lang, STATUS_WORDS[status]) if status in STATUS_WORDS else status


def choice_words(kind: str, lang: str) -> dict[str, str]:
    """The words of a choice on the command line (`status` or `segment`) in `lang`, by id."""
    if kind == "status":
        return {status: lookup(lang, STATUS_WORDS[status]) for status in STATUSES}
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
    return (text(lang, "yes") if answer else text(lang, "no")) if answer is not None else text(lang, "unanswered")


def fitted(original: str, name: str, how: str, lang: str) -> str:
    """An owner taken as the register's `name`, and how it was found (domain/actors.py), for the submitter to check."""
    return text(lang, "owner.fitted", original=original, name=name, how=text(lang, FITTED_HOW[how]))


SEGMENT_ARGS = ("recorded", "result", "segment")
"""The arguments of a problem or an error that name a segment: the rules and the domain give its id, and the message
shows its name, so that only this module words segments."""


OS_WORDS = {
    "EACCES": N_("os.EACCES"),
    "EPERM": N_("os.EPERM"),
    "ENOENT": N_("os.ENOENT"),
    "ENOTDIR": N_("os.ENOTDIR"),
    "EISDIR": N_("os.EISDIR"),
    "EEXIST": N_("os.EEXIST"),
    "ELOOP": N_("os.ELOOP"),
    "ENAMETOOLONG": N_("os.ENAMETOOLONG"),
    "ENOSPC": N_("os.ENOSPC"),
    "EDQUOT": N_("os.EDQUOT"),
    "EROFS": N_("os.EROFS"),
    "EPIPE": N_("os.EPIPE"),
    "EIO": N_("os.EIO"),
}
"""Why the system refused (store.files.os_reason gives `errno:EACCES`), in words: the system's own text is English."""
OS_ARGS = ("reason", "detail")
READER_WORDS = {
    "not_zip": N_("reader.not_zip"),
    "not_docx": N_("reader.not_docx"),
    "no_workbook": N_("reader.no_workbook"),
}
"""Why a workbook or a Word document could not be read (`reader:not_zip`, store.spreadsheet.reader_reason), in words:
the readers' own text is English, and may hold a Python object's address."""


def os_words(reason: str, lang: str) -> str:
    """A reason from store.files.os_reason in the user's language; the system's text for a number not worded here,
    and any other reason as it is."""
    if reason.startswith("reader:") and reason.removeprefix("reader:") in READER_WORDS:
        return lookup(lang, READER_WORDS[reason.removeprefix("reader:")])
    if not reason.startswith("errno:"):
        return reason
    name = reason.removeprefix("errno:")
    if name in OS_WORDS:
        return lookup(lang, OS_WORDS[name])
    number = getattr(errno, name, None)
    return os.strerror(number) if isinstance(number, int) else name


def _worded(args: dict[str, Any], lang: str) -> dict[str, Any]:
    """The arguments that name a segment or a status, or say why the system refused, in words: the callers give ids
    (`samstyre`, `finished`, `errno:EACCES`)."""
    words = {
        key: segment_name(args[key]) for key in SEGMENT_ARGS if key in args and args[key] in (None, *SEGMENT_NAMES)
    }
    words.update({key: os_words(args[key], lang) for key in OS_ARGS if isinstance(args.get(key), str)})
    status = args.get("status")
    if isinstance(status, str) and status in STATUS_WORDS:
        words["status"] = lookup(lang, STATUS_WORDS[status])
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
    for name, words in (("kind", KIND_WORDS), ("expected", TYPE_WORDS)):
        if args.get(name) in words:
            args[name] = lookup(lang, words[args[name]])
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


CYCLE_STAGE_WORDS = {
    "strategi": N_("report.definition.strategy"),
    "prioritering": N_("report.definition.priority"),
    "balansering": N_("report.definition.balance"),
    "planlegging": N_("report.definition.planning"),
}
"""A stage of NUIT's annual cycle (domain.fieldtypes.CYCLE_STAGES), as the definition's heading of it."""


def cycle_stage_name(stage: str, lang: str) -> str:
    """A stage of the annual cycle in words (`Planlegging for neste år`)."""
    return text(lang, CYCLE_STAGE_WORDS[stage])


def example_notice(labels: Sequence[str], lang: str, partly: Sequence[str] = ()) -> str:
    """The notice of a paper or listing that shows the status reports of the rounds `labels` (`NUIT 2/2021`) and
    whose reports are example data: all of them, or only some for the rounds also in `partly` (which hold the
    organisations' own reports too); empty without such rounds."""
    whole = [label for label in labels if label not in partly]
    some = [label for label in labels if label in partly]
    if whole and some:
        return text(lang, "report.examples.mixed", rounds=_listed(whole, lang), some=_listed(some, lang))
    if some:
        return text(lang, "report.examples.some", rounds=_listed(some, lang))
    return text(lang, "report.examples", rounds=_listed(whole, lang)) if whole else ""


def _listed(labels: Sequence[str], lang: str) -> str:
    """`NUIT 2/2021`, `NUFA 1/2021 og NUIT 2/2021`, `NUFA 1/2021, NUIT 2/2021 og NUIT 4/2021`."""
    if len(labels) == 1:
        return labels[0]
    return text(lang, "report.examples.and", first=", ".join(labels[:-1]), last=labels[-1])
