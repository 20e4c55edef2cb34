"""The one base class of every failure a user can cause. The command line catches it once, words its message in the
chosen language (`i18n.messages`) and exits with the status the exit-code table gives it. Anything else that escapes
is a bug."""

from __future__ import annotations

from typing import Any

from ehportfolio.domain.problems import InputError, Problem


class UserError(Exception):
    """A failure the user caused and can mend: `key` names its message in the catalogue, `args` fill it in."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = args


class FileRefused(InputError, UserError):
    """A path a user gave that is not read or written: not a regular file, a link out of its root, a file that is there
    or changed on disk, or a failure of the system (a permission, a full disk). Its message is a file problem's, so it
    is also an InputError: the commands that collect problems with files (check, segment) collect it like any other."""

    def __init__(self, key: str, path: str, /, **args: Any) -> None:
        UserError.__init__(self, key, path=path, **args)
        self.path = path
        self.problems = [Problem(path, key, args)]
