"""The one error boundary of `ehp`: a user error prints its message and exits USER_ERROR (FINDINGS for a refusal by
the data), Ctrl-C exits INTERRUPTED, and anything else is a bug: a short message, BUG, and the traceback only with
--debug or EHP_DEBUG=1.

`Boundary` is the app's click group, so that the boundary holds inside what `CliRunner.invoke(app, ...)` runs, and
before click's standalone mode turns Ctrl-C and end of input into "Aborted!"; the entry point calls `status_of` for
what escapes click's parsing."""

from __future__ import annotations

import errno
import os
import sys
import traceback
from typing import Any

from typer._click.exceptions import ClickException  # typer's own click: usage errors keep click's handling
from typer.core import TyperGroup

from ehportfolio.cli.exits import BUG, FINDINGS, INTERRUPTED, USER_ERROR
from ehportfolio.domain.errors import Refusal, UserError
from ehportfolio.i18n.messages import LANGUAGES, error_lines, text

LANG_KEY = "ehportfolio.lang"
"""Where the running command's --lang is kept in click's context meta (shared by every context of a run)."""
DEBUG_ENV = "EHP_DEBUG"


def environment_lang() -> str:
    lang = os.environ.get("EHP_LANG", "nb")
    return lang if lang in LANGUAGES else "nb"


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
        print(text(lang, "stdout_failed", reason=error.strerror or str(error)), file=sys.stderr)
        return USER_ERROR
    if debug:
        traceback.print_exception(error)
    print(text(lang, "bug", error=f"{type(error).__name__}: {error}"), file=sys.stderr)
    return BUG


class Boundary(TyperGroup):
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
