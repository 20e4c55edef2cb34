"""Problems found in user files: what went wrong, where, as data the output layer can word in either language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ehportfolio.domain.errors import Refusal, UserError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file.

    `code` names the kind of problem (see `messages.PROBLEMS`); `args` fills in its message. `line` and `column` are
    1-based and None where the problem has no place in the file (a file that is too large, say). `field_path` is the
    dotted path of the value concerned, if any.
    """

    path: str
    code: str
    args: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    field_path: str = ""
    severity: str = "error"


class InputError(UserError):
    """A file could not be read; carries the problems that say why (each worded as `file:line:col: message`)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].code if problems else "input")
        self.problems = problems


class InputRefusal(InputError, Refusal):
    """Problems that refuse a step rather than a reading (the report is filed already, the round does not take the
    initiative's segment): findings about the data, with their place in a file."""


class FileRefused(InputError):
    """A path a user gave that is not read or written: not a regular file, a link out of its root, a file that is there
    or changed on disk, or a failure of the system (a permission, a full disk). Its message is a file problem's, so it
    is also an InputError: the commands that collect problems with files (check, segment) collect it like any other."""

    def __init__(self, key: str, path: str, /, **args: Any) -> None:
        UserError.__init__(self, key, path=path, **args)
        self.path = path
        self.problems = [Problem(path, key, args)]
