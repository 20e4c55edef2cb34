"""The one base class of every failure a user can cause. The command line catches it once, words its message in the
chosen language (`i18n.messages`) and exits with the status the exit-code table gives it. Anything else that escapes
is a bug."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """A failure the user caused and can mend: `key` names its message in the catalogue, `args` fill it in."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = args


class Refusal(UserError):
    """A request that is well formed but that the portfolio's data does not allow (a decision already recorded, a
    status report already filed): a finding about the data, so the exit-code table gives it FINDINGS."""


class FileFailure(UserError):
    """A file or directory that cannot be read or written (no permission, not a directory, a device): `path` names
    it, `reason` says what the system said. Keys: `file.permission`, `file.failed`."""

    def __init__(self, key: str, /, path: str, reason: str = "", **args: Any) -> None:
        super().__init__(key, path=path, reason=reason, **args)
        self.path = path

    @classmethod
    def from_os_error(cls, error: OSError, path: str) -> FileFailure:
        """The failure an OSError on `path` stands for: a permission refused, or any other reason the system gave."""
        where = str(error.filename) if error.filename is not None else path
        reason = error.strerror or str(error) or type(error).__name__
        key = "file.permission" if isinstance(error, PermissionError) else "file.failed"
        return cls(key, where, reason)
