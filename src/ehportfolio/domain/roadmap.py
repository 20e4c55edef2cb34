"""An initiative's plan over time: the phase names a portfolio plans by, and each phase's and milestone's slippage
(how far the actual dates lie from the planned ones)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

DEFAULT_PHASES = ("utredning", "planlegging", "gjennomføring", "innføring", "gevinstrealisering")
"""The phases of an initiative when the portfolio names none of its own (portfolio.yaml `phases`)."""

GROUPINGS = ("goal", "owner", "user-group")
"""What `ehp report roadmap --by` may group the initiatives by: their main goal, their owner, or the user groups they
serve (an initiative with several is in each of their groups)."""


def phase_names(own: Sequence[str]) -> tuple[str, ...]:
    """The phase names a portfolio plans by: its own, or the default ones."""
    return tuple(own) or DEFAULT_PHASES


def slip_days(planned: datetime.date | None, actual: datetime.date | None) -> int | None:
    """Days the actual date lies after the planned one (negative: before); None when either is missing."""
    if planned is None or actual is None:
        return None
    return (actual - planned).days
