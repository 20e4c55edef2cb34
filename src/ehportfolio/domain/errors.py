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
