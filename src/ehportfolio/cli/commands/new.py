"""`ehp new`: propose a new initiative, walking the submitter through the checklist, and write its file.

Every value can be given as an option; what is missing is asked for on the terminal, and only the checklist questions
the decision still needs are asked. Without a terminal (or with --no-input) a missing value fails with exit 2. The
conversation goes to standard error (the prompts to the terminal), and the new file's path to standard output.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from ehportfolio.cli.commands import not_a_directory, report_problems
from ehportfolio.cli.exits import INTERRUPTED, OK, USER_ERROR
from ehportfolio.domain.actors import CLOSEST, EXACT, Match
from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.engine import Decision, Step, decide
from ehportfolio.domain.problems import Problem
from ehportfolio.features import guide, intake
from ehportfolio.features.explanation import EFFECTS
from ehportfolio.features.intake import DECIDES, INCLUDED, AnswerRefused, Proposal
from ehportfolio.i18n.messages import STRENGTH_WORDS, answer_word, fitted, segment_name, text
from ehportfolio.store import files
from ehportfolio.store.portfolio import INITIATIVES_DIR, SETTINGS_FILE, Context, load_context
from ehportfolio.store.sources import SUFFIXES
from ehportfolio.store.yamltext import slug

T = TypeVar("T")


def run(
    root: str,
    ident: str | None,
    name: str | None,
    owner: str | None,
    focus_area: str | None,
    description: str | None,
    answers: list[str],
    interactive: bool,
    lang: str,
    dependencies: Sequence[str] = (),
) -> int:
    folder = os.path.join(root, INITIATIVES_DIR)
    if not _is_portfolio(root, folder, lang):
        return USER_ERROR
    context = load_context(root)
    if context.problems:
        report_problems(context.problems, lang)
        return USER_ERROR
    try:
        existing = _existing_ids(folder)
    except OSError as exc:
        report_problems([Problem(folder, "unreadable", {"reason": files.os_reason(exc)})], lang)
        return USER_ERROR
    form = _Form(context, existing, lang)
    form.take_options(ident, name, owner, focus_area, description, answers)
    form.take_dependencies(dependencies)
    _say(*form.notes)
    if form.errors:
        _say(*form.errors)
        return USER_ERROR
    if interactive and sys.stdin.isatty():
        try:
            form.ask_what_is_missing(_Terminal(lang))
        except (KeyboardInterrupt, EOFError):
            _say("", text(lang, "new.cancelled"))
            return INTERRUPTED
    else:
        missing = form.missing()
        if missing:
            why = text(lang, "new.why.no_input") if not interactive else text(lang, "new.why.no_terminal")
            _say(text(lang, "new.missing", items=missing, why=why))
            return USER_ERROR
        form.derive_id()
        if form.errors:
            _say(*form.errors)
            return USER_ERROR
    return _write(form, folder, lang)


def _say(*lines: str) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def refusal_text(refusal: AnswerRefused, lang: str) -> str:
    key = f"new.{refusal.code}"
    if refusal.values.get("suggestion"):
        key += ".suggest"
    return text(lang, key, **refusal.values)


def _is_portfolio(root: str, folder: str, lang: str) -> bool:
    """A portfolio directory with its initiatives/ folder, where the new file belongs; say why when it is not."""
    if not os.path.isdir(root):
        report_problems([not_a_directory(root)], lang)
        return False
    if not os.path.isfile(os.path.join(root, SETTINGS_FILE)):
        _say(f"{root}: {text(lang, 'new.not_portfolio')}")
        return False
    if not os.path.isdir(folder):
        report_problems([Problem(root, "no_initiatives_dir", {"dir": INITIATIVES_DIR})], lang)
        return False
    return True


def _existing_ids(folder: str) -> dict[str, str]:
    """Each initiative file's id, case-folded, with the file's name as problems show it."""
    with os.scandir(folder) as listing:
        names = sorted(e.name for e in listing if e.name.endswith(SUFFIXES) and not e.name.startswith("."))
    return {os.path.splitext(n)[0].casefold(): f"{INITIATIVES_DIR}/{n}" for n in names}


class _Form:
    """The values of the new initiative as they are given, checked one by one."""

    def __init__(self, context: Context, existing: dict[str, str], lang: str) -> None:
        self.context = context
        self.checklist: Checklist = context.checklist
        self.existing = existing
        self.lang = lang
        self.errors: list[str] = []
        self.notes: list[str] = []  # values taken otherwise than given (an owner fitted to the register), to check
        self.ident: str | None = None
        self.name: str | None = None
        self.owner: str | None = None
        self.focus_area: str | None = None
        self.description: str | None = None
        self.answers: dict[str, bool] = {}
        self.dependencies: dict[str, str] = {}
        # what a dependency may name: the portfolio's initiatives and the national solutions of its register
        self.known = sorted({*existing, *context.solution_by_id})

    # The checks, shared by options and prompts

    def check_id(self, value: str) -> str:
        return intake.check_id(value, self.existing)

    def check_owner(self, value: str) -> Match:
        return intake.check_owner(value, self.context.actors)

    def check_focus_area(self, value: str) -> str:
        if self.context.taxonomy is None and not value.strip():
            return ""  # optional without a taxonomy
        return intake.match_focus_area(value, self.context.taxonomy)

    @staticmethod
    def check_description(value: str) -> str:
        return intake.text_value(value, multiline=True)

    def _option(self, option: str, check: Callable[[str], T], value: str | None) -> T | None:
        if value is None:
            return None
        try:
            return check(value)
        except AnswerRefused as refusal:
            self.errors.append(f"{option}: {refusal_text(refusal, self.lang)}")
            return None

    def take_options(
        self,
        ident: str | None,
        name: str | None,
        owner: str | None,
        focus_area: str | None,
        description: str | None,
        answers: Sequence[str],
    ) -> None:
        self.name = self._option("--name", intake.required, name)
        self.ident = self._option("--id", self.check_id, ident)
        match = self._option("--owner", self.check_owner, owner)
        self.owner = match.name if match else None
        if match and match.how != EXACT:  # taken, as ehp import takes it, and said so that it can be checked
            self.notes.append(f"--owner: {fitted(match.typed, match.name, match.how, self.lang)}")
        self.focus_area = self._option("--focus-area", self.check_focus_area, focus_area)
        self.description = self._option("--description", self.check_description, description)
        pairs = [self._option("--answer", lambda v: intake.parse_answer(v, self.checklist), item) for item in answers]
        try:
            self.answers = intake.merge((pair for pair in pairs if pair is not None), "answer_twice")
        except AnswerRefused as refusal:
            self.errors.append(f"--answer: {refusal_text(refusal, self.lang)}")

    def take_dependencies(self, items: Sequence[str]) -> None:
        pairs = [self._option("--dependency", lambda v: intake.parse_dependency(v, self.known), i) for i in items]
        try:
            self.dependencies = intake.merge((pair for pair in pairs if pair is not None), "dependency_twice")
        except AnswerRefused as refusal:
            self.errors.append(f"--dependency: {refusal_text(refusal, self.lang)}")

    def check_dependency(self, value: str) -> tuple[str, str] | None:
        """A typed dependency, or None for an empty line, which ends the list."""
        if not value.strip():
            return None
        pair = intake.parse_dependency(value, self.known)
        intake.merge([*self.dependencies.items(), pair], "dependency_twice")
        return pair

    def missing(self) -> str:
        """What a run without prompts lacks, in words; "" when nothing."""
        lang = self.lang
        options = [option for option, value in (("--name", self.name), ("--owner", self.owner)) if value is None]
        if self.focus_area is None and self.context.taxonomy is not None:
            options.append("--focus-area")
        decision = decide(self.answers, self.checklist)
        if not decision.decided:
            keys = [q for q in intake.reading_order(self.checklist) if q in decision.missing]
            options.append(text(lang, "new.missing.answers", keys=", ".join(keys)))
        if len(options) < 2:
            return "".join(options)
        return text(lang, "new.and", first=", ".join(options[:-1]), last=options[-1])

    def derive_id(self) -> None:
        """Without --id, the id made from the name; refused when it is empty or taken."""
        if self.ident is not None or self.name is None:
            return
        made = slug(self.name)
        if not made:
            self.errors.append(f"--name: {text(self.lang, 'new.no_id_from_name')}; {text(self.lang, 'new.give_id')}")
            return
        try:
            self.ident = self.check_id(made)
        except AnswerRefused as refusal:
            self.errors.append(f"--id: {refusal_text(refusal, self.lang)}; {text(self.lang, 'new.give_id')}")

    # The conversation

    def ask_what_is_missing(self, terminal: _Terminal) -> None:
        lang = self.lang
        settings = self.context.settings
        _say(text(lang, "new.intro", portfolio=settings.name if settings else ""))
        if self.name is None:
            self.name = terminal.until(text(lang, "new.prompt.name"), intake.required)
        if self.ident is None:
            self._ask_id(terminal)
        if self.owner is None:
            self._ask_owner(terminal)
        if self.focus_area is None:
            taxonomy = self.context.taxonomy
            if taxonomy is None:
                self.focus_area = terminal.until(text(lang, "new.prompt.focus_area_optional"), self.check_focus_area)
            else:
                _say(text(lang, "new.focus_areas", taxonomy=taxonomy.name))
                width = max(len(area.code) for area in taxonomy.focus_areas)
                for area in taxonomy.focus_areas:
                    _say(f"  {area.code.ljust(width)}  {area.name}{'…' if area.truncated else ''}")
                codes = [area.code for area in taxonomy.focus_areas]
                self.focus_area = terminal.until(text(lang, "new.prompt.focus_area"), self.check_focus_area, codes)
        if self.description is None:
            self.description = terminal.until(text(lang, "new.prompt.description"), intake.text_value)
        self._walk_checklist(terminal)
        self._ask_dependencies(terminal)

    def _ask_owner(self, terminal: _Terminal) -> None:
        """Ask until an actor of the register is named; a close misspelling is taken only once confirmed."""
        lang = self.lang
        actors = self.context.actors
        prompt = text(lang, "new.prompt.owner_free") if actors is None else text(lang, "new.prompt.owner")
        names = [a.name for a in actors] if actors is not None else []
        while True:
            match = terminal.until(prompt, self.check_owner, names)
            if match.how == CLOSEST:
                yes_no = (text(lang, "yes"), text(lang, "no"))
                if not terminal.until(text(lang, "new.prompt.owner_closest", name=match.name), _answer, yes_no):
                    continue
            elif match.name != match.typed:
                _say(f"  → {match.name}")
            self.owner = match.name
            return

    def _ask_id(self, terminal: _Terminal) -> None:
        assert self.name is not None
        made = slug(self.name)
        try:
            if not made:
                raise AnswerRefused("no_id_from_name")
            self.ident = self.check_id(made)
        except AnswerRefused as refusal:
            _say("  " + refusal_text(refusal, self.lang))
            self.ident = terminal.until(text(self.lang, "new.prompt.id"), self.check_id)
            return
        _say(text(self.lang, "new.id", id=self.ident, file=f"{INITIATIVES_DIR}/{self.ident}.yaml"))

    def _walk_checklist(self, terminal: _Terminal) -> None:
        lang = self.lang
        checklist = self.checklist
        _say("", text(lang, "new.checklist", title=checklist.title[lang], version=checklist.version), "")
        walk = _Walk(checklist, lang)
        decision = decide(self.answers, checklist)
        for given_key in intake.reading_order(checklist):
            if given_key in self.answers:
                step = next((s for s in decision.trace if s.question == given_key), None)
                walk.show(given_key)
                given = text(lang, "new.given", answer=answer_word(lang, self.answers[given_key]))
                _say(f"     {given} → {walk.effect(step)}" if step else f"     {given}")
        while (key := intake.next_question(self.answers, checklist)) is not None:
            walk.show(key, guided=True)
            answer = terminal.until(
                "     " + text(lang, "new.prompt.answer"), _answer, (text(lang, "yes"), text(lang, "no"))
            )
            before = decision
            self.answers[key] = answer
            decision = decide(self.answers, checklist)
            for step in intake.follows(key, before, decision):
                _say(f"     → {walk.effect(step)}")

    def _ask_dependencies(self, terminal: _Terminal) -> None:
        """For an initiative the checklist puts in the portfolio: the initiatives it depends on, one per line, until
        an empty line. A Koordinere initiative reports on them."""
        lang = self.lang
        decision = decide(self.answers, self.checklist)
        if decision.included is not True or not self.known:
            return
        _say("", text(lang, "new.dependencies"))
        if decision.segment == "koordinere":
            _say(text(lang, "new.dependencies.koordinere"))
        for ident, strength in self.dependencies.items():
            _say(f"  {ident}={text(lang, STRENGTH_WORDS[strength])} ({text(lang, 'new.given.option')})")
        while (
            pair := terminal.until(text(lang, "new.prompt.dependency"), self.check_dependency, self.known)
        ) is not None:
            ident, strength = pair
            self.dependencies[ident] = strength

    def proposal(self) -> Proposal:
        assert self.name is not None and self.owner is not None
        return Proposal(
            self.name, self.owner, self.focus_area or None, self.description or None, self.answers, self.dependencies
        )


def _answer(value: str) -> bool:
    answer = intake.answer_word(value)
    if answer is None:
        raise AnswerRefused("answer_yes_no", value=value.strip())
    return answer


GUIDANCE_WIDTH = 100


class _Walk:
    """Shows the checklist's questions one by one, numbered, under the heading of their part."""

    def __init__(self, checklist: Checklist, lang: str) -> None:
        self.checklist = checklist
        self.lang = lang
        self.number = 0
        self.phase = ""

    def show(self, key: str, guided: bool = False) -> None:
        """The question; with `guided`, when it is about to be asked, the report's guidance under it."""
        phase = intake.phase(key, self.checklist)
        if phase != self.phase:
            self.phase = phase
            _say(text(self.lang, "inclusion") if phase == "inclusion" else text(self.lang, "segment"))
        self.number += 1
        _say(f"  {self.number}. {self.checklist.questions[key][self.lang]} [{key}]")
        guidance = guide.guidance(self.checklist, key, self.lang) if guided else ""
        if guidance:
            _say(*textwrap.wrap(guidance, GUIDANCE_WIDTH, initial_indent="     ", subsequent_indent="     "))

    def effect(self, step: Step) -> str:
        lang = self.lang
        if step.effect == INCLUDED:
            return text(lang, "new.effect.included")
        if step.effect == DECIDES:
            return text(lang, "new.effect.decides", segment=segment_name(step.segment))
        criterion = next((c.text[lang] for c in self.checklist.criteria if c.id == step.criterion), "")
        return text(lang, EFFECTS[step.effect], criterion=criterion, segment=segment_name(step.segment))


class _Terminal:
    """Prompts on the terminal, with Tab completion through readline where there is one."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.readline: Any = None
        try:
            import readline
        except ImportError:  # a Python built without it: plain prompts
            return
        if "libedit" in (readline.__doc__ or ""):
            readline.parse_and_bind("bind ^I rl_complete")
        else:
            readline.parse_and_bind("tab: complete")
            readline.parse_and_bind("set completion-ignore-case on")
        readline.set_completer_delims("")  # complete the whole line: actor names hold spaces
        self.readline = readline

    def ask(self, prompt: str, choices: Sequence[str] = ()) -> str:
        completer = _completer(choices) if choices and self.readline else None
        if self.readline:
            self.readline.set_completer(completer)
        try:
            if sys.stdout.isatty():  # input() edits with readline only when stdout is the terminal too
                return input(prompt)
            sys.stderr.write(prompt)
            sys.stderr.flush()
            return input()
        except UnicodeDecodeError:
            raise AnswerRefused("bad_text") from None
        finally:
            if self.readline:
                self.readline.set_completer(None)

    def until(self, prompt: str, check: Callable[[str], T], choices: Sequence[str] = ()) -> T:
        """Ask until the answer passes the check, saying what was wrong each time, and what a typed choice (the start
        of an actor's name, say) was taken to be."""
        indent = " " * (len(prompt) - len(prompt.lstrip()) + 2)
        while True:
            try:
                typed = self.ask(prompt, choices)
                value = check(typed)
            except AnswerRefused as refusal:
                _say(indent + refusal_text(refusal, self.lang))
                continue
            if choices and isinstance(value, str) and value != typed.strip():
                _say(f"{indent}→ {value}")
            return value


def _completer(choices: Iterable[str]) -> Callable[[str, int], str | None]:
    options = list(choices)

    def complete(typed: str, state: int) -> str | None:
        matches = intake.completions(typed, options)
        return matches[state] if state < len(matches) else None

    return complete


def _write(form: _Form, folder: str, lang: str) -> int:
    from ehportfolio.domain.models import Initiative
    from ehportfolio.store.files import write_new
    from ehportfolio.store.loader import parse_mapping
    from ehportfolio.store.validation import validate

    assert form.ident is not None
    path = os.path.join(folder, f"{form.ident}.yaml")
    content = intake.render(form.proposal(), form.checklist, lang)
    data, positions = parse_mapping(path, content)
    validate(Initiative, data, path, positions)  # what is written can be read back
    write_new(path, content, root=folder)
    _say("", *_result(decide(form.answers, form.checklist), lang))
    print(path)
    return OK


def _result(decision: Decision, lang: str) -> list[str]:
    if decision.included and decision.segment:
        outcome = text(lang, "result.in", segment=segment_name(decision.segment))
        note = text(lang, "new.note.in")
        means = ["", *_segment_means(decision.segment, lang)]
    elif decision.included is False:
        outcome, note, means = text(lang, "result.out"), text(lang, "new.note.out"), []
    else:
        outcome, note, means = text(lang, "result.undecided"), text(lang, "new.note.undecided"), []
    return [f"{text(lang, 'result')}: {outcome}.", note, *means]


def _segment_means(segment: str, lang: str) -> list[str]:
    """What the proposed segment means: what it is, how often it reports, to whom and on what."""
    from ehportfolio.store.packaged import load_cadence

    cadence = load_cadence()
    summary = cadence.segments[segment].summary.get(lang)
    lines = [text(lang, "new.segment.means", segment=segment_name(segment), summary=summary)] if summary else []
    return [*lines, guide.reporting(cadence, segment, lang), text(lang, "new.segment.more", segment=segment)]
