"""The exit statuses of `ehp`, in one table: the commands return them, the error boundary picks them for what escapes,
and `ehp --help` and the README list them (a test keeps all three equal)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExitStatus:
    """One exit status, with what it means in each language."""

    code: int
    name: str
    nb: str
    en: str

    def meaning(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb


TABLE = (
    ExitStatus(0, "OK", "fullført: alt avgjort, rent eller skrevet", "done: all decided, clean or written"),
    ExitStatus(
        1,
        "FINDINGS",
        "funn: uavklarte tiltak, filer med problemer, eller et steg dataene ikke tillater",
        "findings: undecided initiatives, files with problems, or a step the data does not allow",
    ),
    ExitStatus(
        2,
        "USER_ERROR",
        "brukerfeil: input som ikke kan leses eller brukes, eller valg som ikke passer sammen",
        "user error: input that cannot be read or used, or options that do not fit together",
    ),
    ExitStatus(
        3,
        "BUG",
        "feil i ehp: meld den, med utdata fra --debug",
        "a bug in ehp: please report it, with the output of --debug",
    ),
    ExitStatus(130, "INTERRUPTED", "avbrutt (Ctrl-C)", "interrupted (Ctrl-C)"),
)

OK, FINDINGS, USER_ERROR, BUG, INTERRUPTED = (status.code for status in TABLE)
USAGE = USER_ERROR  # click's own status for a command line it cannot parse


def epilog(lang: str) -> str:
    """The table as the closing lines of `ehp --help`."""
    title = "Exit status" if lang == "en" else "Avslutningsstatus"
    return "\n".join([f"{title}:", *(f"  {s.code:<3}  {s.meaning(lang)}" for s in TABLE)])
