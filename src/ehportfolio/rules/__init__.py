"""The rules of `ehp check`: pure functions over a loaded portfolio, each yielding findings under its own id.

A finding is a `Problem` whose code is the rule's id. The registry below is the whole list; each rule's docstring says
what it checks, and `messages.WHY` says why it matters.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.problems import Problem
from ehportfolio.features.assessment import Assessment, assess
from ehportfolio.features.calendar import Member, Round, RoundState, rounds, survey
from ehportfolio.i18n.catalogues import N_
from ehportfolio.rules import benefits, consistency, goals, history, references, roadmap, status
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import Portfolio

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Subject:
    """What the rules read: the portfolio and each initiative's assessment, by id."""

    portfolio: Portfolio
    assessments: dict[str, Assessment]
    today: datetime.date

    def effective_segment(self, ident: str) -> str | None:
        """The segment an initiative is in, was last in, or would join as a proposal (domain.state); None when out."""
        return self.assessments[ident].state.segment

    @property
    def cadence(self) -> Cadence:
        return load_cadence()

    @cached_property
    def rounds(self) -> list[Round]:
        """The meetings of the calendar as reporting rounds, in date order."""
        settings = self.portfolio.context.settings
        return rounds(settings.calendar, self.cadence) if settings else []

    @cached_property
    def members(self) -> list[Member]:
        """Every initiative read, sorted by id, as the calendar sees it."""
        ordered = sorted(self.assessments.items())
        return [Member(i, a.entry.initiative, a.decision.segment) for i, a in ordered]

    @cached_property
    def round_states(self) -> list[RoundState]:
        """Each round: who is due, who has reported, who has not."""
        return survey(self.rounds, self.members, self.portfolio.statuses, self.cadence)


Rule = Callable[[Subject], Iterable[Problem]]

RULES: dict[str, tuple[str, Rule]] = {
    "unknown_dependency": (ERROR, references.unknown_dependency),
    "solution_clash": (ERROR, references.solution_clash),
    "self_dependency": (ERROR, references.self_dependency),
    "dependency_cycle": (ERROR, references.dependency_cycle),
    "unknown_owner": (ERROR, references.unknown_owner),
    "unknown_focus_area": (ERROR, references.unknown_focus_area),
    "segment_unexplained": (ERROR, consistency.segment_unexplained),
    "segment_missing": (ERROR, consistency.segment_missing),
    "segment_on_excluded": (ERROR, consistency.segment_on_excluded),
    "undecided": (WARNING, consistency.undecided),
    "samstyre_dependency_mismatch": (WARNING, consistency.samstyre_dependency_mismatch),
    "koordinere_without_dependency": (WARNING, consistency.koordinere_without_dependency),
    "history_order": (ERROR, history.history_order),
    "history_chain": (ERROR, history.history_chain),
    "history_current": (ERROR, history.history_current),
    "history_future": (WARNING, history.history_future),
    "report_missing": (WARNING, status.report_missing),
    "status_unknown_initiative": (ERROR, status.status_unknown_initiative),
    "status_unknown_round": (ERROR, status.status_unknown_round),
    "status_incomplete": (ERROR, status.status_incomplete),
    "status_dependency_unknown": (ERROR, status.status_dependency_unknown),
    "status_date_far": (WARNING, status.status_date_far),
    "unknown_goal": (ERROR, goals.unknown_goal),
    "duplicate_goal": (ERROR, goals.duplicate_goal),
    "goals_and_focus_area": (ERROR, goals.goals_and_focus_area),
    "unknown_phase": (ERROR, roadmap.unknown_phase),
    "unknown_user_group": (ERROR, references.unknown_user_group),
    "unknown_replan": (ERROR, roadmap.unknown_replan),
    "unknown_benefit_goal": (ERROR, benefits.unknown_benefit_goal),
    "status_benefit_unknown": (ERROR, benefits.status_benefit_unknown),
    "benefit_obstacles_segment": (WARNING, benefits.benefit_obstacles_segment),
}


MESSAGES = (
    N_("problem.unknown_dependency"),
    N_("problem.unknown_dependency.suggest"),
    N_("problem.self_dependency"),
    N_("problem.dependency_cycle"),
    N_("problem.unknown_owner"),
    N_("problem.unknown_owner.suggest"),
    N_("problem.unknown_focus_area"),
    N_("problem.unknown_focus_area.suggest"),
    N_("problem.segment_unexplained"),
    N_("problem.segment_missing"),
    N_("problem.segment_on_excluded"),
    N_("problem.undecided"),
    N_("problem.samstyre_dependency_mismatch.yes"),
    N_("problem.samstyre_dependency_mismatch.no_solution"),
    N_("problem.unknown_goal"),
    N_("problem.unknown_goal.suggest"),
    N_("problem.duplicate_goal"),
    N_("problem.goals_and_focus_area"),
    N_("problem.solution_clash.own"),
    N_("problem.solution_clash.shipped"),
    N_("problem.samstyre_dependency_mismatch.no"),
    N_("problem.koordinere_without_dependency"),
    N_("problem.history_order"),
    N_("problem.history_chain"),
    N_("problem.history_current"),
    N_("problem.history_future"),
    N_("problem.report_missing"),
    N_("problem.status_unknown_initiative"),
    N_("problem.status_unknown_initiative.suggest"),
    N_("problem.status_unknown_round"),
    N_("problem.status_unknown_round.suggest"),
    N_("problem.status_unknown_round.file"),
    N_("problem.status_incomplete"),
    N_("problem.status_dependency_unknown"),
    N_("problem.status_dependency_unknown.suggest"),
    N_("problem.status_date_far"),
    N_("problem.unknown_phase"),
    N_("problem.unknown_phase.suggest"),
    N_("problem.unknown_user_group"),
    N_("problem.unknown_user_group.suggest"),
    N_("problem.unknown_replan.phase"),
    N_("problem.unknown_replan.milestone"),
    N_("problem.unknown_replan.suggest"),
    N_("problem.unknown_benefit_goal"),
    N_("problem.unknown_benefit_goal.suggest"),
    N_("problem.status_benefit_unknown"),
    N_("problem.status_benefit_unknown.suggest"),
    N_("problem.benefit_obstacles_segment"),
)
"""The messages of the rules' findings, for extraction (scripts/messages.py): a finding's code is its rule's id and
its message `problem.<id>`, or the variant its `variant` or `suggestion` names (`.yes`, `.suggest`)."""


def run_rules(portfolio: Portfolio, today: datetime.date | None = None) -> list[Problem]:
    """Every finding of every rule, after the problems met while loading (status files' too, when they were loaded),
    sorted by file and line."""
    assessments = {e.id: assess(e, portfolio.checklist) for e in portfolio.entries}
    subject = Subject(portfolio, assessments, today or datetime.date.today())
    findings = list(portfolio.problems)
    if portfolio.statuses is not None:
        findings.extend(portfolio.statuses.problems)
    for rule_id, (severity, rule) in RULES.items():
        findings.extend(replace(finding, code=rule_id, severity=severity) for finding in rule(subject))
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.column or 0, f.code))
