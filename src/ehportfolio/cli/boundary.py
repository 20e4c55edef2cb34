"""The one error boundary of `ehp`: a user error prints its message and exits USER_ERROR (FINDINGS for a refusal by
the data), Ctrl-C exits INTERRUPTED, and anything else is a bug: a short message, BUG, and the traceback only with
--debug or EHP_DEBUG=1.

`Boundary` is the app's click group, so that the boundary holds inside what `CliRunner.invoke(app, ...)` runs, and
before click's standalone mode turns Ctrl-C and end of input into "Aborted!"; the entry point calls `status_of` for
what escapes click's parsing."""

from __future__ import annotations

import errno
import os
import re
import sys
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from typer._click.exceptions import ClickException  # typer's own click: usage errors keep click's handling
from typer.core import TyperCommand, TyperGroup

from ehportfolio.cli.exits import BUG, FINDINGS, INTERRUPTED, USAGE, USER_ERROR
from ehportfolio.domain.errors import Refusal, UserError
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.helptexts import chosen, h, language_of, typer_words
from ehportfolio.i18n.messages import error_lines, os_words, text
from ehportfolio.store.files import os_reason

LANG_KEY = "ehportfolio.lang"
"""Where the running command's --lang is kept in click's context meta (shared by every context of a run)."""
DEBUG_ENV = "EHP_DEBUG"


def environment_lang() -> str:
    """The language EHP_LANG asks for, else bokmål."""
    return language_of([])


def environment_debug() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no")


OUTPUT_ERRORS = frozenset((errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO))
"""What writing to standard output can fail with that the user caused: a closed pipe, a full disk (`> /dev/full`)."""


def _stdout_gone() -> None:
    """Point standard output at /dev/null, so that what is left in its buffer is not written again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test's captured output)
        pass


def status_of(error: BaseException, lang: str, debug: bool) -> int:
    """Say on stderr what `error` means for the user and return the exit status it gets."""
    if isinstance(error, (KeyboardInterrupt, EOFError)):
        print(f"\n{text(lang, 'interrupted')}", file=sys.stderr)
        return INTERRUPTED
    if isinstance(error, UserError):
        for line in error_lines(error, lang):
            print(line, file=sys.stderr)
        return FINDINGS if isinstance(error, Refusal) else USER_ERROR
    if isinstance(error, OSError) and error.filename is None and error.errno in OUTPUT_ERRORS:
        _stdout_gone()
        if error.errno != errno.EPIPE:  # a reader that stopped reading (`ehp segment | head`) chose to: no message
            print(text(lang, "stdout_failed", reason=os_words(os_reason(error), lang)), file=sys.stderr)
        return USER_ERROR
    if debug:
        traceback.print_exception(error)
    print(text(lang, "bug", error=f"{type(error).__name__}: {error}"), file=sys.stderr)
    return BUG


USAGE_LANG = "ehportfolio.usage_lang"
"""Where a usage error's language is kept in click's context meta, for the usage line it shows."""


def _param_name(param: Any) -> str:
    """How a parameter is named on the command line: its options (`--to`), or an argument's metavar (`ID`)."""
    if param is None:
        return ""
    opts = [o for o in getattr(param, "opts", ()) if o.startswith("-")]
    return " / ".join(opts) if opts else str(getattr(param, "metavar", None) or param.name or "").upper()


_CLICK_MESSAGES = (
    (re.compile(r"^No such command '(?P<name>.*)'\.$"), N_("click.no_such_command")),
    (re.compile(r"^Missing command\.$"), N_("click.missing_command")),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$"), N_("click.extra_arguments")),
    (re.compile(r"^Option '(?P<name>.*)' requires an argument\.$"), N_("click.needs_value")),
    (re.compile(r"^Option '(?P<name>.*)' requires \d+ arguments\.$"), N_("click.needs_value")),
    (re.compile(r"^Option '(?P<name>.*)' does not take a value\.$"), N_("click.takes_no_value")),
)
"""click's and typer's English messages of a plain usage error, and the catalogue's message for each."""


def usage_message(error: Any, lang: str) -> str:
    """What a usage error of click's says, from the catalogue: click words it in English."""
    from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption

    if isinstance(error, NoSuchOption):
        key = N_("click.no_such_option.suggest") if error.possibilities else N_("click.no_such_option")
        return text(lang, key, name=error.option_name, suggestion=", ".join(sorted(error.possibilities or ())))
    if isinstance(error, MissingParameter):
        name = _param_name(error.param)
        if error.param is not None and error.param.param_type_name == "argument":
            return text(lang, "click.missing_argument", name=name)
        return text(lang, "click.missing_option", name=name)
    if isinstance(error, BadParameter):
        choices = getattr(getattr(error.param, "type", None), "choices", None)
        if choices:
            allowed = ", ".join(str(getattr(c, "value", c)) for c in choices)
            return text(lang, "click.bad_value.allowed", name=_param_name(error.param), allowed=allowed)
        return text(lang, "click.bad_value", name=_param_name(error.param))
    for pattern, key in _CLICK_MESSAGES:
        found = pattern.match(error.message)
        if found:
            return text(lang, key, **found.groupdict())
    if error.message.isascii() and type(error).__name__ != "UsageError":
        return text(lang, "click.bad_usage")
    return str(error.message)  # ours: already in the language asked for


def show_usage_error(error: Any, lang: str) -> None:
    """A usage error as click shows it, in the words of the catalogue: the usage line, how to get help, the error."""
    ctx = error.ctx
    if ctx is not None:
        ctx.meta[USAGE_LANG] = lang
        print(ctx.get_usage().strip(), file=sys.stderr)
        if ctx.command.get_help_option(ctx) is not None:
            hint = text(lang, "click.try_help", command=ctx.command_path, option=ctx.help_option_names[0])
            print(hint, file=sys.stderr)
        print(file=sys.stderr)
    print(text(lang, "click.error", message=usage_message(error, lang)), file=sys.stderr)


def worded_usage(usage: str, lang: str) -> str:
    """click's usage line (`Usage: ehp move [OPTIONS] ID`) in the words of the catalogue."""
    usage = usage.replace("Usage:", text(lang, "click.usage"), 1)
    usage = usage.replace("[OPTIONS]", text(lang, "click.metavar.options"))
    return usage.replace("COMMAND [ARGS]...", text(lang, "click.metavar.command"))


def _worded_help_option(option: Any) -> Any:
    """--help, explained in the catalogue's words."""
    if option is not None:
        option.help = h("help_option")
    return option


def _panelled(params: list[Any]) -> list[Any]:
    """The parameters of a command, each in a help panel named by the catalogue (typer's `rich_help_panel`), so that
    none falls into the panels typer names in English."""
    words = typer_words(chosen())
    for param in params:
        if not getattr(param, "rich_help_panel", None):  # None, or typer's DefaultPlaceholder(None)
            kind = "ARGUMENTS" if param.param_type_name == "argument" else "OPTIONS"
            param.rich_help_panel = words[f"{kind}_PANEL_TITLE"]
    return params


if TYPE_CHECKING:
    from typer._click.core import Command as _Command
else:
    _Command = object


class Worded(_Command):
    """What a command and a group share: the usage line and --help in the words of the catalogue, not click's
    English, and every parameter in a panel the catalogue names."""

    def get_usage(self, ctx: Any) -> str:
        return worded_usage(super().get_usage(ctx), ctx.meta.get(USAGE_LANG) or chosen())

    def get_help_option(self, ctx: Any) -> Any:
        return _worded_help_option(super().get_help_option(ctx))

    def get_params(self, ctx: Any) -> Any:
        return _panelled(super().get_params(ctx))


class WordedCommand(Worded, TyperCommand):
    """A command in the catalogue's words."""


class WordedGroup(Worded, TyperGroup):
    """A group of commands in the catalogue's words."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """A command, in the help page's panel of commands named by the catalogue."""
        command: Any = super().get_command(ctx, cmd_name)
        if command is not None and not getattr(command, "rich_help_panel", None):
            command.rich_help_panel = typer_words(chosen())["COMMANDS_PANEL_TITLE"]
        return command


class Boundary(WordedGroup):
    """The app's group: runs the command named and turns what escapes it into a message and an exit status."""

    def invoke(self, ctx: Any) -> Any:
        from typer import Abort, Exit

        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # here, so that a full disk or a closed pipe is a message, not a bug at exit
        except (Exit, Abort, ClickException):
            raise
        except (Exception, KeyboardInterrupt) as error:
            lang = ctx.meta.get(LANG_KEY) or environment_lang()
            debug = bool(ctx.params.get("debug")) or environment_debug()
            raise Exit(status_of(error, lang, debug)) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """click's main, with its usage errors in the language asked for: click words them in English, and says
        "Usage:" and "Error:" around them. English, and a caller that handles errors itself, keep click's handling."""
        from typer import Abort
        from typer._click.exceptions import ClickException, UsageError

        argv = list(sys.argv[1:] if args is None else args)
        lang = language_of(argv)
        if lang == "en" or not standalone_mode:
            return super().main(argv, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)
        try:
            result = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        except UsageError as error:
            if type(error).__name__ != "NoArgsIsHelpError":  # the help page was shown: nothing more to say
                show_usage_error(error, lang)
            sys.exit(USAGE)
        except ClickException as error:
            print(text(lang, "click.error", message=error.message), file=sys.stderr)
            sys.exit(error.exit_code)
        except Abort:
            print(text(lang, "interrupted"), file=sys.stderr)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)
