"""The exit statuses of `ehp`, in one table: the commands return them, the error boundary picks them for what escapes,
and `ehp --help` and the README list them (a test keeps all three equal)."""

from __future__ import annotations

from dataclasses import dataclass

from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import text


@dataclass(frozen=True)
class ExitStatus:
    """One exit status; `key` is the message saying what it means."""

    code: int
    name: str
    key: str

    def meaning(self, lang: str) -> str:
        return text(lang, self.key)


TABLE = (
    ExitStatus(0, "OK", N_("exit.OK")),
    ExitStatus(1, "FINDINGS", N_("exit.FINDINGS")),
    ExitStatus(2, "USER_ERROR", N_("exit.USER_ERROR")),
    ExitStatus(3, "BUG", N_("exit.BUG")),
    ExitStatus(130, "INTERRUPTED", N_("exit.INTERRUPTED")),
)

OK, FINDINGS, USER_ERROR, BUG, INTERRUPTED = (status.code for status in TABLE)
USAGE = USER_ERROR  # click's own status for a command line it cannot parse


def epilog(lang: str) -> str:
    """The table as the closing lines of `ehp --help`."""
    title = text(lang, "exit.title")
    return "\n".join([f"{title}:", *(f"  {s.code:<3}  {s.meaning(lang)}" for s in TABLE)])
