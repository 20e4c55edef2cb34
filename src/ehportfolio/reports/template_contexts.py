"""What a report template receives: one frozen dataclass per report kind, with nested ones for its rows.

These classes are the contract a portfolio's own templates are written against; docs/report-contexts.md is generated
from them (reports/contextdocs.py), and a test keeps it equal. They hold only text, numbers, booleans, tuples, the
texts mapping `t` and other classes of this module: never model objects, so a template sees a small surface. In Jinja
a field reads as `row.name` (or `row["name"]`, as on the dicts these once were); `from_` reads as `from`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

TEMPLATE_NAMES = {"from_": "from"}
"""Fields whose name in a template is a Python keyword: the field's name and the template's."""


def template_name(field_name: str) -> str:
    """The name a template reads a field by."""
    return TEMPLATE_NAMES.get(field_name, field_name)


@dataclass(frozen=True)
class Fields:
    """The base of every context class: item access by a field's template name (`row["from"]`), and nothing else
    (a name that is not a field is a KeyError, so that no method or private attribute is reached this way)."""

    def __getitem__(self, key: str) -> Any:
        for item in fields(self):
            if template_name(item.name) == key:
                return getattr(self, item.name)
        raise KeyError(key)


def top_level(context: Fields) -> dict[str, Any]:
    """A context's fields by their template names, as Jinja and docxtpl take a template's variables."""
    return {template_name(item.name): getattr(context, item.name) for item in fields(context)}


# Rows and parts shared by several kinds


@dataclass(frozen=True)
class Row(Fields):
    """An initiative in a list of initiatives (the overview's groups, the definition's priority, who has not
    reported to a meeting)."""

    id: str
    """Its id (the file name without `.yaml`)."""
    name: str
    """Its name."""
    owner: str
    """The actor that owns it."""
    focus_area: str
    """The code of its main goal: the first of its `goals`, else its `focus_area` (`1.1`); empty when it has none."""
    focus_name: str
    """The main goal's name from the taxonomy; empty when unknown or none."""
    goals: str
    """The codes of all its goals, main goal first, joined by `, ` (`4, 2A`); equal to `focus_area` with one goal."""
    segment: str
    """Its effective segment's key (`samstyre`, …); empty when it has none."""
    segment_name: str
    """The segment's name (`Samstyre`); empty when it has none."""
    stage: str
    """Where it stands towards the portfolio: `proposed`, `member`, `out`, `finished` or `withdrawn`."""
    stage_name: str
    """The stage in the report's language."""


@dataclass(frozen=True)
class Ranked(Row):
    """An initiative with a decided priority (the definition's Prioritering)."""

    priority: int
    """The priority last decided for it (`ehp decide --priority`), as decided: never a place worked out."""


@dataclass(frozen=True)
class OwnerRow(Fields):
    """Active initiatives counted by owner."""

    owner: str
    """The owner."""
    count: int
    """Its active initiatives in all segments."""
    segments: tuple[int, ...]
    """Its active initiatives in each segment, in the order of `segment_names`."""


@dataclass(frozen=True)
class Goal(Fields):
    """A strategy goal (or focus area, or sub-goal) an initiative names."""

    code: str
    """Its code."""
    name: str
    """Its name from the taxonomy; empty when the taxonomy does not know it."""
    truncated: bool
    """The taxonomy's name is cut short."""
    known: bool
    """The taxonomy has this code."""
    main: bool
    """It is the initiative's main goal (the first it names)."""


@dataclass(frozen=True)
class FocusRow(Fields):
    """Active initiatives counted by primary focus area."""

    code: str
    """The focus area's code; empty for initiatives without one."""
    name: str
    """Its name from the taxonomy; empty when the taxonomy does not know it."""
    truncated: bool
    """The taxonomy's name is cut short (as in the report's table)."""
    known: bool
    """The taxonomy has this focus area."""
    count: int
    """Active initiatives with this primary focus area."""


@dataclass(frozen=True)
class HistoryRow(Fields):
    """A step of an initiative's history: a decision, a move or a status change."""

    date: str
    """Its date, `YYYY-MM-DD`."""
    kind: str
    """The kind of step in the report's language (`vedtak`, …)."""
    from_: str
    """Where it started from (a segment's name, "out" or a status), read as `from` in a template; may be empty."""
    to: str
    """Where it led; may be empty."""
    reason: str
    """The reason recorded."""
    ref: str
    """A reference (a case number); may be empty."""


@dataclass(frozen=True)
class ChangeRow(HistoryRow):
    """A change of an initiative's place in the portfolio (a move, a start, an end), with its initiative."""

    id: str
    """The initiative's id."""
    name: str
    """The initiative's name."""


@dataclass(frozen=True)
class Node(Fields):
    """An initiative in a dependency graph."""

    key: str
    """A generated id (`n0`, `n1`, …), so that no name or id reaches a diagram's syntax."""
    id: str
    """The initiative's id."""
    name: str
    """Its name (an initiative's, or a national solution's from the register); the id when it is in neither."""
    known: bool
    """It is in the portfolio, or in the register of national solutions (a dependency may name an id that is in
    neither)."""
    layer: int
    """The length of the longest chain of dependencies below it, for a layered drawing."""
    kind: str = "initiative"
    """`initiative` (also for an id that is not known), or the kind of an entry of the register of national
    solutions: `national_solution` or `shared_epj`."""


@dataclass(frozen=True)
class Edge(Fields):
    """A dependency in a graph: `from` depends on `to`."""

    from_: str
    """The key of the node that depends, read as `from` in a template."""
    to: str
    """The key of the node it depends on."""
    strength: str
    """`strong` or `weak`."""


@dataclass(frozen=True)
class Graph(Fields):
    """A dependency graph as nodes and edges."""

    nodes: tuple[Node, ...]
    """Its nodes, by id; empty when it is too large to draw."""
    edges: tuple[Edge, ...]
    """Its edges; empty when it is too large to draw."""
    too_large: int
    """The number of nodes when there are too many to draw (then no nodes or edges are given); else 0."""
    solutions: bool = False
    """Some of its nodes are national solutions (a legend says how they are drawn)."""


@dataclass(frozen=True)
class Examples(Fields):
    """Which status reports a paper shows are example data (`example: true` in their files), not the organisations'
    own reports."""

    rounds: tuple[str, ...] = ()
    """The meetings (`NUIT 2/2021`) whose reports the paper shows and that hold example reports, in date order."""
    partly: tuple[str, ...] = ()
    """Of `rounds`, those that hold the organisations' own reports too: only some of their reports are examples."""
    notice: str = ""
    """The notice every paper shows near its top when `rounds` is not empty; empty otherwise."""


@dataclass(frozen=True)
class Report(Fields):
    """What every report has."""

    kind: str
    """The report's kind: `overview`, `initiative`, `meeting`, `definition` or `consequences`."""
    lang: str
    """The report's language, `nb`, `nn` or `en`. Fixed texts are messages of the catalogues in this language:
    `{{ _("report.none") }}`, `{{ _("report.col.segment") }}` (Jinja's i18n extension)."""
    title: str
    """The report's title."""
    portfolio: str
    """The portfolio's name."""
    date: str
    """The `--date` given, `YYYY-MM-DD`; empty without one (and in a meeting paper, whose date is `meeting_date`)."""
    generated: str
    """The footer line saying what made the report."""
    examples: Examples = field(default=Examples(), kw_only=True)
    """The rounds with example reports the paper shows, and the notice that says so (`examples.notice`)."""


# The overview


@dataclass(frozen=True)
class Group(Fields):
    """A group of the overview: a segment, or initiatives outside the segments."""

    key: str
    """The segment's key, or `proposed`, `out` or `inactive`."""
    name: str
    """Its heading."""
    count: int
    """The number of its rows."""
    rows: tuple[Row, ...]
    """Its initiatives, by focus area and then name."""


@dataclass(frozen=True)
class Mark(Fields):
    """An initiative's state at one round, in the overview's status across rounds."""

    round: str
    """The round's id (`2021-nuit-2`)."""
    meeting: str
    """The meeting's label (`NUIT 2/2021`)."""
    state: str
    """As a fact sheet's trend: `grønn`, `gul`, `rød`, `reported`, `incomplete`, `not_reported` or `not_started`;
    empty when the initiative was neither due at the round nor reported to it."""
    state_text: str
    """The state in the report's language; empty when `state` is."""
    missing: str
    """What an incomplete report lacks, in words; empty otherwise."""


@dataclass(frozen=True)
class StatusLine(Fields):
    """An initiative in the overview's status across rounds."""

    id: str
    """Its id."""
    name: str
    """Its name."""
    owner: str
    """Its owner."""
    marks: tuple[Mark, ...]
    """Its state at each of its group's rounds, in date order (the columns of `rounds`)."""


@dataclass(frozen=True)
class StatusGroup(Fields):
    """A segment in the overview's status across rounds."""

    segment: str
    """The segment's key."""
    name: str
    """Its name."""
    subject: str
    """What it reports on, in the report's language."""
    colour: bool
    """It reports with a colour (`colour` is among its required fields in cadence.yaml)."""
    rounds: tuple[str, ...]
    """The meetings' labels (`NUIT 2/2021`) of the rounds shown that any of its rows was due at or reported to, in date
    order."""
    rows: tuple[StatusLine, ...]
    """Its members on the report's date that were due at or reported to a round shown, by name."""


@dataclass(frozen=True)
class ShortDependency(Fields):
    """A dependency in the overview's latest reports, in one line."""

    id: str
    """The id depended on."""
    text: str
    """`name: state (by date)` in the report's language; the id stands for a name that is in neither the portfolio
    nor the register of national solutions, and `–` for a state left empty."""
    passed: bool
    """Its `by` date is before the report's date (the meeting's date without one)."""


@dataclass(frozen=True)
class ShortField(Fields):
    """A field of a status report in short, as the overview's latest reports show it: one of the segment's `required`
    fields of cadence.yaml (see ReportField)."""

    name: str
    """The field's name in a status file (`colour`, `progress`, …)."""
    label: str
    """Its heading in the report's language."""
    missing: bool
    """The report leaves it out or incomplete (the report is then incomplete)."""
    text: str
    """In short: a text's first sentence or first 140 characters (`…` when cut), the colour in words, or for a list
    (`risks`, `actions`, `ideas`) its first item, after the number of items when there are more; empty when the field
    has nothing (`[]`, or not answered) and for `dependencies`."""
    colour: str
    """For `colour`, its value (`grønn`, `gul` or `rød`); empty otherwise."""
    dependencies: tuple[ShortDependency, ...] = ()
    """For `dependencies`, each of them in one line."""


@dataclass(frozen=True)
class SubjectRow(Fields):
    """An initiative in the overview's latest reports."""

    id: str
    """Its id."""
    name: str
    """Its name."""
    owner: str
    """Its owner."""
    round: str
    """The round of its report (`2021-nuit-4`): the latest round shown it was due at or reported to."""
    meeting: str
    """That round's meeting (`NUIT 4/2021`)."""
    state: str
    """`reported` or `incomplete`."""
    missing: str
    """What an incomplete report lacks, in words; empty otherwise."""
    fields: tuple[ShortField, ...]
    """The fields its segment reports on, in the order of cadence.yaml (the columns of its group's `labels`)."""


@dataclass(frozen=True)
class SubjectGroup(Fields):
    """A segment in the overview's latest reports: each segment's own subject, in short."""

    segment: str
    """The segment's key."""
    name: str
    """Its name."""
    subject: str
    """What it reports on, in the report's language."""
    labels: tuple[str, ...]
    """The headings of the fields it reports on, in the order of cadence.yaml."""
    rows: tuple[SubjectRow, ...]
    """Its members on the report's date whose latest round shown (one they were due at or reported to) has a report
    from them made in this segment, by name."""


@dataclass(frozen=True)
class Overview(Report):
    """`ehp report overview`: every initiative by segment, like table 5.2 of the report."""

    total: int
    """Active initiatives (members of a segment)."""
    summary: str
    """The count per segment as a sentence."""
    segment_names: tuple[str, ...]
    """The segments' names, in their order."""
    segments: tuple[Group, ...]
    """One group per segment, each segment always."""
    apart: tuple[Group, ...]
    """Proposals, initiatives decided out, and finished or withdrawn ones: only the groups that have any."""
    by_owner: tuple[OwnerRow, ...]
    """Active initiatives by owner, most first."""
    by_focus: tuple[FocusRow, ...]
    """Active initiatives by primary focus area, by code."""
    graph: Graph
    """Every initiative with a dependency in either direction."""
    too_large: str
    """What to say instead of a graph too large to draw."""
    links: bool = False
    """True in a site (`ehp report site`): names may link to `initiatives/<id>.<ext>`."""
    status: tuple[StatusGroup, ...] = ()
    """Each segment's members with their state round by round (the colour trend of those that report with a colour);
    only the segments that have any, and none when no round is shown (held by the date, or reported to)."""
    subjects: tuple[SubjectGroup, ...] = ()
    """Each segment's subject in the latest reports (issue 14): a row per member whose latest round shown has its
    report, with that report's fields in short; only the segments that have any."""


# The fact sheet


@dataclass(frozen=True)
class Step(Fields):
    """A step of the checklist's explanation."""

    phase: str
    """`inclusion` or `segment`."""
    question: str
    """The question's key; empty for a step that only says where the checklist went."""
    text: str
    """The question in the report's language."""
    answer: str
    """The answer in the report's language."""
    effect: str
    """What the answer led to."""


@dataclass(frozen=True)
class Missing(Fields):
    """A question the initiative has not answered."""

    key: str
    """The question's key."""
    text: str
    """The question in the report's language."""


@dataclass(frozen=True)
class Assessment(Fields):
    """The checklist's explanation, in the words of `ehp assess`."""

    version: str
    """The checklist's version."""
    steps: tuple[Step, ...]
    """Each step the checklist took, in order."""
    result: str
    """The result as a sentence."""
    missing: tuple[Missing, ...]
    """The questions left unanswered that the result depends on."""
    recorded: str
    """The segment's name the file records; empty without one."""
    reason: str
    """The file's reason for the recorded segment; may be empty."""
    flag: str
    """A warning when the recorded segment differs from the checklist's and no reason is given; else empty."""


@dataclass(frozen=True)
class TrendRow(Fields):
    """The initiative at one round of the calendar."""

    round: str
    """The round's id (`2021-nuit-2`)."""
    meeting: str
    """The meeting's label (`NUIT 2/2021`)."""
    date: str
    """The meeting's date."""
    state: str
    """`grønn`, `gul`, `rød`, `reported` (complete, no colour), `incomplete`, `not_reported` or `not_started`."""
    state_text: str
    """The state in the report's language."""
    missing: str
    """What an incomplete report lacks, in words; empty otherwise."""
    report_date: str
    """The date of the status report; empty without one."""
    progress: str
    """The progress (or purpose) it reports; may be empty."""
    risks: tuple[str, ...]
    """The risks it names."""
    obstacles: str
    """The obstacles it names; may be empty."""


@dataclass(frozen=True)
class ReportField(Fields):
    """A field of a status report that the initiative's segment reports on: one of the segment's `required` fields of
    cadence.yaml, in their order, so that each segment shows its own subject."""

    name: str
    """The field's name in a status file (`colour`, `progress`, `risks`, `dependencies`, `actions`, `experience`,
    `obstacles`, `purpose`, `ideas`)."""
    label: str
    """Its heading in the report's language."""
    kind: str
    """How it is shown: `colour` and `text` in `text`, `list` in `items`, `risks` in `risks`, `dependencies` in
    `dependencies`."""
    missing: bool
    """The report leaves it out or incomplete (then the report is incomplete, and the field is never shown as
    "none")."""
    text: str
    """A text field's text, or the colour in the report's language; may be empty."""
    colour: str
    """For `colour`, its value (`grønn`, `gul` or `rød`); empty otherwise."""
    items: tuple[str, ...]
    """A list's items (`actions`, `ideas`); empty for `[]`."""
    risks: tuple[Risk, ...]
    """The risks, for `risks`."""
    dependencies: tuple[Dependency, ...]
    """The dependencies, for `dependencies`."""


@dataclass(frozen=True)
class Latest(Fields):
    """An initiative's latest status report: the last round it filed a report to, and what its segment on that round's
    date reports on."""

    round: str
    """The round's id (`2021-nuit-2`); empty when it has filed no report to a round shown (then every field is
    empty)."""
    meeting: str
    """The meeting's label (`NUIT 2/2021`); empty without a report."""
    date: str
    """The meeting's date; empty without a report."""
    report_date: str
    """The date of the status report; empty without one."""
    segment: str
    """The segment it was in on the meeting's date (`samstyre`, …); empty when it was no member then."""
    segment_name: str
    """That segment's name; empty when it was no member."""
    subject: str
    """What that segment reports on, in the report's language; empty when it was no member."""
    state: str
    """`reported` or `incomplete` (never a colour: that is a field of its own); empty without a report."""
    state_text: str
    """The state in the report's language."""
    missing: str
    """What an incomplete report lacks, in words; empty otherwise."""
    fields: tuple[ReportField, ...]
    """The fields its segment reports on, in the order of cadence.yaml."""
    later: str
    """A sentence when a later round it was due at has no report (not reported, or not started); empty otherwise."""


@dataclass(frozen=True)
class Other(Fields):
    """Another initiative in a dependency, either way, or a national solution that the initiative depends on."""

    id: str
    """Its id."""
    name: str
    """Its name; empty when it is neither in the portfolio nor in the register of national solutions."""
    known: bool
    """It is in the portfolio, or in the register of national solutions."""
    segment_name: str
    """Its segment's name when it is a member; else empty."""
    strength: str
    """The dependency's strength in the report's language."""
    kind: str = "initiative"
    """`initiative`, or for an entry of the register of national solutions its kind: `national_solution` or
    `shared_epj` (it has no fact sheet to link to)."""
    kind_name: str = ""
    """The kind of a national solution in the report's language (`nasjonal e-helseløsning`); empty for an
    initiative."""


@dataclass(frozen=True)
class Initiative(Report):
    """`ehp report initiative ID`: the fact sheet of one initiative."""

    id: str
    """Its id."""
    name: str
    """Its name."""
    owner: str
    """Its owner."""
    focus_area: str
    """The code of its main goal (the first of `goals`, else `focus_area`); empty without one."""
    focus_name: str
    """The main goal's name; empty when unknown."""
    focus_truncated: bool
    """The taxonomy's name for the main goal is cut short."""
    goals: tuple[Goal, ...]
    """Every goal it names, main goal first; one for a `focus_area`, none without."""
    status: str
    """Its status on the date, in the report's language."""
    stage: str
    """Its stage on the date (`member`, …)."""
    stage_name: str
    """The stage in the report's language."""
    segment_name: str
    """Its segment's name; empty for a proposal or without one."""
    description: str
    """Its description; may be empty."""
    assessment: Assessment
    """The checklist's explanation."""
    trend: tuple[TrendRow, ...]
    """Its status at each round it was due at or reported to, in date order."""
    depends_on: tuple[Other, ...]
    """What it depends on, by id."""
    depended_by: tuple[Other, ...]
    """What depends on it, by id."""
    history: tuple[HistoryRow, ...]
    """Its decisions, moves and status changes."""
    graph: Graph
    """Its dependencies both ways as a graph."""
    latest: Latest
    """Its latest status report with the fields its segment reports on; its `round` is empty when it has filed none
    to a round shown."""
    links: bool = False
    """True in a site: dependencies may link to `<id>.<ext>`, and `../index.<ext>` is the overview."""
    benefits: tuple[BenefitRow, ...] = ()
    """Its expected benefits (gevinster), in the order of its file, each with its trend against its target."""


# The meeting paper


@dataclass(frozen=True)
class Numbers(Fields):
    """A segment in the meeting's numbers."""

    segment: str
    """The segment's key."""
    name: str
    """Its name."""
    count: int
    """Its active initiatives on the meeting's date."""
    reports: bool
    """It reports to this meeting."""
    due: int
    """Its initiatives due at this meeting."""
    reported: int
    """Of those, the ones that have reported."""


@dataclass(frozen=True)
class Colour(Fields):
    """A status colour counted in a segment."""

    state: str
    """`grønn`, `gul`, `rød`, `reported` or `not_reported`."""
    text: str
    """The state in the report's language."""
    count: int
    """How many initiatives are in that state."""


@dataclass(frozen=True)
class Risk(Fields):
    """A risk in a status report."""

    risk: str
    """The risk."""
    consequence: str
    """Its consequence."""
    action: str
    """The action against it."""


@dataclass(frozen=True)
class Dependency(Fields):
    """A dependency in a status report."""

    id: str
    """The id depended on."""
    name: str
    """Its name (an initiative's, or a national solution's from the register); empty when it is in neither."""
    known: bool
    """It is in the portfolio, or in the register of national solutions."""
    needed: str
    """What is needed."""
    by: str
    """By when, `YYYY-MM-DD`; may be empty."""
    state: str
    """How it stands."""
    kind: str = "initiative"
    """`initiative` (also for an id in neither), or for an entry of the register of national solutions its kind (it
    has no fact sheet to link to)."""


@dataclass(frozen=True)
class MeetingRow(Fields):
    """An initiative's status report to the meeting."""

    id: str
    """Its id."""
    name: str
    """Its name."""
    owner: str
    """Its owner."""
    state: str
    """`grønn`, `gul`, `rød`, `reported` (complete, no colour) or `incomplete`."""
    state_text: str
    """The state in the report's language."""
    missing: str
    """What an incomplete report lacks, in the words the paper heads its fields with (`Ufullstendig: mangler samlet
    status, risikoer (rad 1).`); empty when complete."""
    lacking: tuple[str, ...]
    """The fields it lacks or leaves incomplete, by their names (`risks`), so that a paper never says "none" for a
    field that was not answered."""
    progress: str
    """The progress it reports."""
    risks: tuple[Risk, ...]
    """Its risks (Samstyre and Observere)."""
    dependencies: tuple[Dependency, ...]
    """Its dependencies (Koordinere)."""
    actions: tuple[str, ...]
    """Its risk-reducing actions (Koordinere)."""
    experience: str
    """Its experience (Observere)."""
    obstacles: str
    """Its obstacles (Observere)."""
    purpose: str
    """Its purpose (Inspirere)."""
    ideas: tuple[str, ...]
    """The new ideas it brings out (Inspirere)."""


@dataclass(frozen=True)
class Section(Fields):
    """A segment that reports to the meeting."""

    segment: str
    """The segment's key."""
    name: str
    """Its name."""
    subject: str
    """What it reports on, in the report's language."""
    due: int
    """Its initiatives due."""
    reported: int
    """Of those, the ones whose report is complete."""
    incomplete: tuple[MeetingRow, ...]
    """Of those, the ones whose report lacks what the segment reports on (they are in `rows` too)."""
    colours: tuple[Colour, ...]
    """Its initiatives by state, every state always."""
    rows: tuple[MeetingRow, ...]
    """The status reports, complete or not: by colour (rød, gul, grønn), then complete ones without a colour, then
    incomplete ones; within each, by name."""


@dataclass(frozen=True)
class Attention(Fields):
    """An initiative that needs the committee's attention at the meeting (features/exceptions.py), and why."""

    id: str
    """Its id."""
    name: str
    """Its name."""
    segment_name: str
    """The segment it reports in."""
    state: str
    """Where its report stands: `grønn`, `gul`, `rød`, `reported`, `incomplete` or `not_reported`."""
    state_text: str
    """The state in the report's language."""
    reasons: tuple[str, ...]
    """Why it needs attention, a sentence each: red, worse than its previous report, not reported twice in a row, a
    Koordinere dependency at risk."""


@dataclass(frozen=True)
class Decision(Fields):
    """A proposed decision (forslag til vedtak) on one initiative: a proposal awaiting its decision, a segment that
    differs from the checklist's result, or a planned change of stage recorded without a committee's reference."""

    number: int
    """Its number in the list, from 1."""
    kind: str
    """What is proposed: `admit` (take in), `reject` (leave out), `incomplete` (the checklist cannot decide yet),
    `move` (to another segment), `exit` (take out), `finish` or `withdraw`."""
    id: str
    """The initiative's id."""
    name: str
    """The initiative's name."""
    owner: str
    """Its owner."""
    stage_name: str
    """Its stage on the meeting's date, in the report's language."""
    segment_name: str
    """The segment it is in on the meeting's date; empty when it is no member."""
    proposed_segment_name: str
    """The segment proposed (`admit`, `move`); empty otherwise."""
    checklist_result: str
    """The checklist's result in words: a segment, out of the portfolio, or not decided."""
    text: str
    """The draft decision, as a sentence naming the committee (`NUIT tar X inn i porteføljen i segment
    Koordinere.`)."""
    basis: str
    """Why it is on the agenda, as a sentence."""
    command: str
    """The `ehp` command that records the decision after the meeting; empty when there is none."""
    how: str
    """How to record it when there is no command; empty otherwise."""
    planned: str
    """The date of the planned step it confirms; empty when it is not planned."""


@dataclass(frozen=True)
class Meeting(Report):
    """`ehp report meeting`: the committee paper (saksfremlegg) for one meeting of the calendar."""

    committee: str
    """The committee (`NUIT`)."""
    committee_name: str
    """Its full name; may be empty."""
    number: int
    """The meeting's number in its year."""
    meeting_date: str
    """The meeting's date."""
    round: str
    """The round's id (`2021-nuit-2`)."""
    case: str
    """The case number (`12/21`, or `x/21` to fill in)."""
    case_type: str
    """The case type in the report's language."""
    purpose: str
    """The paper's purpose as a sentence."""
    background: str
    """The portfolio in numbers as a sentence."""
    numbers: tuple[Numbers, ...]
    """Each segment's numbers."""
    segments: tuple[Section, ...]
    """Each segment that reports to the meeting."""
    not_reported: tuple[Row, ...]
    """Every initiative due without a status report."""
    all_filed: str
    """What the paper says when every initiative due has a status file: that all have reported, or, when some of those
    are incomplete, that all have sent one in but not all are complete."""
    started: bool
    """Whether anyone has reported to the meeting's round yet; when not, `not_reported` lists no one and the shipped
    templates show no part per segment, only `not_started`."""
    not_started: str
    """What the paper says for a round that has not started."""
    since: str
    """Since when the changes are counted, as a sentence."""
    moves: tuple[ChangeRow, ...]
    """Moves between segments since then."""
    added: tuple[ChangeRow, ...]
    """New initiatives since then."""
    removed: tuple[ChangeRow, ...]
    """Initiatives taken out, finished or withdrawn since then."""
    proposal: str
    """The standard text of the proposed decision."""
    decisions: tuple[Decision, ...]
    """The proposed decisions on single initiatives, numbered; empty when there is nothing to decide."""
    decisions_none: str
    """The sentence that says there is nothing to decide."""
    decisions_record: str
    """How the decisions are recorded after the meeting, as a sentence."""
    attention: tuple[Attention, ...] = ()
    """What needs the committee's attention, shown before the segments' status: red first, then worse than before,
    a dependency at risk, and not reported twice in a row; within each, by segment and name."""
    attention_none: str = ""
    """The sentence that says nothing needs particular attention."""
    no_segments: str = ""
    """Why no segment reports to the meeting, from the cadence (what its committee receives and handles) or the
    calendar; empty when some do."""


# The portfolio definition


@dataclass(frozen=True)
class FocusSegments(FocusRow):
    """Active initiatives counted by primary focus area, and by segment."""

    segments: tuple[int, ...]
    """The count in each segment, in the order of `segment_names`."""


@dataclass(frozen=True)
class SegmentCount(Fields):
    """Active initiatives in a segment."""

    name: str
    """The segment's name."""
    count: int
    """Its active initiatives."""


@dataclass(frozen=True)
class MoneyRow(Fields):
    """One year of a group's money in the definition's balancing: the group's first row names it and counts its
    members; a group that records no money has one row with its count and empty amounts."""

    name: str
    """The group: a segment's name, an owner, or a main goal's code and name (`report.col.total` for all)."""
    first: bool
    """The group's first row: the one that shows `name` and `count`."""
    count: int
    """The group's active initiatives."""
    year: str
    """The year; empty when the group records no money."""
    budget: str
    """The budgets of that year, summed and written the language's way (`12 500 000 kr`)."""
    own: str
    """The funding from the owners' own means, summed."""
    co_funded: str
    """The funding by other actors, summed."""
    state_funded: str
    """The funding from the state budget, summed."""
    running_cost_effect: str
    """The effect on the running costs of the national e-health solutions, summed (below zero a saving)."""


@dataclass(frozen=True)
class Money(Fields):
    """The definition's balancing in money: the active initiatives' budgets and funding per year, by segment, owner
    and main goal, beside their counts."""

    recorded: bool
    """Some active initiative records money."""
    intro: str
    """How the sums are made, as a sentence; or that no active initiative records money."""
    by_segment: tuple[MoneyRow, ...]
    """By segment, in their order, then the whole portfolio."""
    by_owner: tuple[MoneyRow, ...]
    """By owner, most initiatives first."""
    by_goal: tuple[MoneyRow, ...]
    """By main goal, by code."""


@dataclass(frozen=True)
class CaseHeader(Fields):
    """The header of a paper of the annual cycle: the calendar's meeting that handles it (`stage:` in portfolio.yaml)
    and the case there. Every field but `known` is empty when the calendar has no such meeting."""

    known: bool
    """The calendar has a meeting that handles the paper."""
    committee: str
    """The committee (`NUIT`)."""
    committee_name: str
    """Its full name; may be empty."""
    number: str
    """The meeting's number in its year."""
    meeting_date: str
    """The meeting's date, `YYYY-MM-DD`."""
    label: str
    """The meeting as `NUIT 4/2021`."""
    case: str
    """The case number from the calendar (`45/21`), or `x/21` to fill in."""
    case_type: str
    """The case type from the calendar in the report's language; Beslutning when the calendar gives none."""


@dataclass(frozen=True)
class Definition(Report):
    """`ehp report definition`: the annual portfolio definition for the year after `year`, whole or one stage's
    paper (`--stage`)."""

    year: int
    """The year of the annual cycle that defines the next one; the portfolio is taken on the date of the meeting that
    handles the paper, else on 31 December of this year (`dated` says which)."""
    next_year: int
    """The year it defines."""
    intro: str
    """The introduction as a sentence."""
    segment_names: tuple[str, ...]
    """The segments' names, in their order."""
    by_focus: tuple[FocusSegments, ...]
    """Active initiatives by focus area and segment."""
    by_segment: tuple[SegmentCount, ...]
    """Active initiatives by segment."""
    by_owner: tuple[OwnerRow, ...]
    """Active initiatives by owner, most first."""
    money: Money
    """The balancing in money: budgets and funding per year by segment, owner and main goal."""
    priority: tuple[Ranked, ...]
    """The active initiatives with a decided priority, in the decided order (by priority, then name)."""
    priority_rule: str
    """What the order is, as a sentence."""
    unprioritised: tuple[Row, ...]
    """The active Samstyre initiatives with no decided priority, by focus area and name: listed apart, unnumbered."""
    unprioritised_rule: str
    """That these have no priority decided, as a sentence; empty when there are none."""
    planning_rule: str
    """How starts, ends and continuations are counted, as a sentence."""
    continues: tuple[Row, ...]
    """Every active initiative, by focus area and name."""
    starts: tuple[ChangeRow, ...]
    """What started in the year, up to the paper's date."""
    ends: tuple[ChangeRow, ...]
    """What ended in the year, up to the paper's date."""
    proposal: str
    """The proposed decision: the whole definition's, or the stage's own."""
    stage: str
    """The stage of the annual cycle whose paper this is (`strategi`, `prioritering`, `balansering`,
    `planlegging`); empty for the whole definition."""
    stage_name: str
    """That stage's heading in the report's language; empty for the whole definition."""
    header: CaseHeader
    """The meeting and case that handle the paper: the stage's meeting, or for the whole definition the meeting that
    handles planning, which decides it."""
    dated: str
    """On which date the portfolio is taken and why, as a sentence: the meeting's, or 31 December when the calendar
    names no meeting."""
    proposal_items: tuple[str, ...]
    """Lines under a stage's proposed decision: the decided order (prioritering), each segment's count and budget for
    the year defined (balansering), each segment's reporting in it (planlegging); empty otherwise."""


"""The context class of each report kind."""


# The consequences of a change of checklist version


@dataclass(frozen=True)
class Question(Fields):
    """A question of the checklist an initiative must answer."""

    key: str
    """The question's key (`core_activity`)."""
    text: str
    """The question in the report's language, as the new version asks it."""
    new: bool
    """The old version does not ask it."""


@dataclass(frozen=True)
class Reworded(Fields):
    """A question both versions ask, in other words: an answer given to one counts for the other."""

    key: str
    """The question's key (`digitalisation_essential`)."""
    before: str
    """The question as the old version asks it, in the report's language."""
    after: str
    """The question as the new version asks it."""


@dataclass(frozen=True)
class ConsequenceRow(Fields):
    """An initiative under both checklist versions."""

    id: str
    """Its id."""
    name: str
    """Its name."""
    owner: str
    """Its owner."""
    now: str
    """Where it stands now: its stage, and its effective segment when it has one."""
    change: str
    """What the new version does: `inclusion`, `segment`, `undecided`, `decided` or `unchanged`."""
    change_name: str
    """The change in the report's language."""
    before: str
    """The old version's result: a segment's name, out, or undecided."""
    after: str
    """The new version's result, in the same words."""
    to_answer: tuple[Question, ...]
    """The questions the new version needs and the file leaves unanswered."""


@dataclass(frozen=True)
class ChangeCount(Fields):
    """The initiatives of a segment or an owner, counted by change."""

    label: str
    """The segment's name or the owner."""
    counts: tuple[int, ...]
    """The count of each change, in the order of `change_names`."""
    total: int
    """All its initiatives."""


@dataclass(frozen=True)
class OwnerPart(Fields):
    """The part of the report for one owner: the basis for the talk with it."""

    owner: str
    """The owner."""
    summary: str
    """What changes for it, as a sentence."""
    rows: tuple[ConsequenceRow, ...]
    """Its initiatives, by name."""


@dataclass(frozen=True)
class Consequences(Report):
    """`ehp report consequences`: what changing checklist version would do to the members and proposals, one part
    per owner."""

    from_version: str
    """The checklist version in use (`2020`)."""
    to_version: str
    """The version considered (`2024`)."""
    intro: str
    """What the report is for, as a paragraph."""
    summary: str
    """The counts of each change, as a sentence."""
    change_names: tuple[str, ...]
    """The changes' names, in their order."""
    by_segment: tuple[ChangeCount, ...]
    """The initiatives by effective segment (and those without one), counted by change."""
    by_owner: tuple[ChangeCount, ...]
    """The initiatives by owner, counted by change."""
    changed: tuple[ConsequenceRow, ...]
    """The initiatives whose result changes: inclusion, segment, or decided where it was not."""
    questions: tuple[Question, ...]
    """The new version's questions that the old one does not ask."""
    reworded: tuple[Reworded, ...]
    """The questions both versions ask in other words."""
    owners: tuple[OwnerPart, ...]
    """One part per owner, by name."""


# The roadmap


@dataclass(frozen=True)
class RoadmapPhase(Fields):
    """A phase of an initiative's plan, as the roadmap draws it: a bar for the plan and one for what happened."""

    name: str
    """The phase's name as the file gives it (`planlegging`)."""
    planned_start: str
    """The planned start, `YYYY-MM-DD`; empty when not given."""
    planned_end: str
    """The planned end, `YYYY-MM-DD`; empty when not given."""
    actual_start: str
    """The actual start, `YYYY-MM-DD`; empty when not begun or not given."""
    actual_end: str
    """The actual end, `YYYY-MM-DD`; empty when not ended or not given."""
    drawn_end: str
    """Where its actual bar ends: the actual end, else (still going) the report's date or the roadmap's last date,
    never before the actual start; empty when it has not started."""
    slip_days: int
    """Days the phase ends (or, not ended, starts) after its plan, or, not ended and past its planned end on the
    report's date, at least the days since then; negative when before, 0 when on plan or unknown."""
    slipped: bool
    """Whether it ends (or starts) later than planned, or, not ended, is still going past its planned end on the
    report's date."""
    moved: bool
    """Whether a status report dated on or before the report's date moved its planned start or end."""
    original_start: str
    """The planned start as the initiative file gives it, when it was moved; empty when not moved."""
    original_end: str
    """The planned end as the initiative file gives it, when it was moved; empty when not moved."""
    original_slip_days: int
    """Days late against the original plan, when it was moved (as `slip_days` against the current plan); 0 when not
    moved."""


@dataclass(frozen=True)
class RoadmapMilestone(Fields):
    """A milestone of an initiative's plan: a mark where it was planned and one where it was reached."""

    name: str
    """Its name."""
    planned: str
    """The date planned, `YYYY-MM-DD`; empty when not given."""
    actual: str
    """The date reached, `YYYY-MM-DD`; empty when not reached."""
    slip_days: int
    """Days it was reached after its plan, or, not reached, the days its planned date lies before the report's date;
    negative when before, 0 when on plan or unknown."""
    slipped: bool
    """Whether it was reached late, or is not reached and past its planned date on the report's date."""
    moved: bool
    """Whether a status report dated on or before the report's date moved its planned date."""
    original_planned: str
    """The planned date as the initiative file gives it, when it was moved; empty when not moved."""
    original_slip_days: int
    """Days late against the original date, when it was moved; 0 when not moved."""


@dataclass(frozen=True)
class RoadmapRow(Fields):
    """An initiative with a plan: one row of the roadmap."""

    id: str
    """Its id."""
    name: str
    """Its name."""
    owner: str
    """The actor that owns it."""
    goal: str
    """The code of its main goal; empty when it has none."""
    goal_name: str
    """The main goal's name from the taxonomy; empty when unknown or none."""
    segment: str
    """Its effective segment's key (`samstyre`); empty when it has none."""
    segment_name: str
    """Its segment's name (`Samstyre`); empty when it has none."""
    phases: tuple[RoadmapPhase, ...]
    """Its phases, in the order of the portfolio's phase names."""
    milestones: tuple[RoadmapMilestone, ...]
    """Its milestones, by date."""
    user_groups: tuple[str, ...]
    """The ids of the user groups it serves, as its file lists them."""


@dataclass(frozen=True)
class RoadmapStep(Fields):
    """A phase or a milestone of a row as one line of a table (the Word roadmap's)."""

    name: str
    """The initiative's name."""
    label: str
    """The phase's name, or the milestone's after a `◆`."""
    planned: str
    """The planned dates: `start – end` of a phase, the date of a milestone; `–` where not given."""
    actual: str
    """The actual dates, in the same way."""
    slip_days: int
    """Days late against the plan (see `RoadmapPhase.slip_days`)."""
    slipped: bool
    """Whether it is late."""
    original_slip_days: int
    """Days late against the original plan, when a status report moved it; 0 when not moved."""
    moved: bool
    """Whether a status report moved its planned dates (its `planned` then names the original too)."""


@dataclass(frozen=True)
class RoadmapGroup(Fields):
    """A group of the roadmap's rows: a main goal, an owner, or a user group."""

    key: str
    """The goal's code, the owner's name or the user group's id; empty for the initiatives without a goal or without
    a user group."""
    title: str
    """The group's heading: the goal's code and name, the owner, or the user group's name."""
    rows: tuple[RoadmapRow, ...]
    """Its initiatives with a plan, by name."""
    steps: tuple[RoadmapStep, ...]
    """The phases and milestones of its rows, one line each, row by row."""


@dataclass(frozen=True)
class RoadmapUserGroup(Fields):
    """A user group as the roadmap's filter offers it."""

    id: str
    """Its id in the register; empty for the rows without a user group."""
    name: str
    """Its name in the report's language (the id when the register does not hold it)."""


@dataclass(frozen=True)
class Roadmap(Report):
    """`ehp report roadmap`: each initiative's phases and milestones over time, grouped by main goal or by owner."""

    by: str
    """How the rows are grouped: `goal`, `owner` or `user-group`."""
    groups: tuple[RoadmapGroup, ...]
    """The groups, in the taxonomy's order (goals), by name (owners), or in the register's order (user groups, each
    with every row that serves it; those without one last)."""
    start: str
    """The first date of the roadmap (the earliest date of any plan, or the report's date), `YYYY-MM-DD`."""
    end: str
    """The last date of the roadmap, `YYYY-MM-DD`."""
    phase_names: tuple[str, ...]
    """The phases the portfolio plans by, in order."""
    planned: int
    """How many initiatives have a plan."""
    unplanned: int
    """How many initiatives of the portfolio have none (and are not shown)."""
    summary: str
    """How many initiatives have a plan, and how many not, as a sentence."""
    owners: tuple[str, ...]
    """The owners of the rows, by name (the HTML filter's choices)."""
    goals: tuple[str, ...]
    """The main goals of the rows, in order (the HTML filter's choices)."""
    segments: tuple[str, ...]
    """The segments of the rows, in the segments' order (the HTML filter's choices)."""
    user_groups: tuple[RoadmapUserGroup, ...]
    """The user groups of the rows, in the register's order, and an empty id for the rows without one (the HTML
    filter's choices)."""
    links: bool = False
    """True in a site (`ehp report site`): the page links back to the overview (`index.<ext>`), and the names to
    `initiatives/<id>.<ext>`."""


# Benefits (gevinster): the fact sheet's and `ehp report benefits`


@dataclass(frozen=True)
class BenefitValue(Fields):
    """A value of a benefit measured by one status report."""

    date: str
    """The status report's date, `YYYY-MM-DD`."""
    value: float
    """The value measured."""
    value_text: str
    """The value written the language's way (`12,5` in bokmål), with its unit."""
    obstacles: str
    """The obstacles to the benefit it named; may be empty."""


@dataclass(frozen=True)
class BenefitRow(Fields):
    """A benefit of an initiative and how it stands on the report's date (domain/benefits.py)."""

    initiative: str
    """The id of the initiative that realises it."""
    initiative_name: str
    """The initiative's name."""
    id: str
    """The benefit's id, unique within its initiative."""
    description: str
    """What the benefit is."""
    goal: str
    """The code of the strategy goal it serves."""
    goal_name: str
    """The goal's name from the taxonomy; empty when unknown."""
    indicator: str
    """The indicator's name; may be empty (the description says what is measured)."""
    unit: str
    """The indicator's unit (`prosent`, `timer per uke`)."""
    baseline: float
    """The value it starts from."""
    target: float
    """The value it is to reach."""
    baseline_text: str
    """The baseline written the language's way, with its unit."""
    target_text: str
    """The target written the language's way, with its unit."""
    target_date: str
    """The date it is to be reached by, `YYYY-MM-DD`."""
    responsible: str
    """Who is responsible for realising it."""
    reduction: bool
    """The target lies below the baseline: lower values go towards it."""
    values: tuple[BenefitValue, ...]
    """The values measured by the status reports dated up to the report's date, by date."""
    latest_text: str
    """The last value measured, with its unit; empty when none was."""
    trend: str
    """`towards` (the target), `away` (from it), `steady` or `unmeasured`: the last value against the one before it,
    or against the baseline when it is the first."""
    trend_text: str
    """The trend in the report's language."""
    reached: bool
    """The last value meets the target."""
    past_due: bool
    """The report's date is after the target date and the target is not reached (never without `--date`)."""
    obstacles: str
    """The obstacles named by the last status report that named any; may be empty."""
    summary: str
    """The benefit's course in one sentence: baseline, target and date, the values measured and the trend (the text
    alternative of its chart)."""


@dataclass(frozen=True)
class BenefitGroup(Fields):
    """The benefits that serve one strategy goal."""

    key: str
    """The goal's code."""
    title: str
    """The group's heading: the goal's code and name."""
    flagged: int
    """How many of its benefits are past their target date and short of target."""
    flagged_text: str
    """That as a sentence; empty when none is."""
    rows: tuple[BenefitRow, ...]
    """Its benefits: those past due first, then by initiative's name and the benefit's id."""


@dataclass(frozen=True)
class Benefits(Report):
    """`ehp report benefits`: the benefits of the portfolio's members, by the strategy goal they serve, those past
    their target date and short of target flagged first."""

    groups: tuple[BenefitGroup, ...]
    """The goals, in the taxonomy's order (codes it does not know after)."""
    count: int
    """How many benefits are shown."""
    flagged: int
    """How many of them are past their target date and short of target."""
    summary: str
    """How many benefits, of how many initiatives, and how many are flagged, as a sentence."""


# The knowledge bank


@dataclass(frozen=True)
class Lesson(Fields):
    """An entry of the knowledge bank: an experience, an obstacle, an idea or (Observere's) a risk, as reported."""

    kind: str
    """`experience`, `obstacles`, `idea` or `risk`."""
    kind_name: str
    """That in words (*Erfaringer*, *Hindringer*, *Idé*, *Risiko*)."""
    text: str
    """What was reported."""
    detail: str
    """A risk's consequence and action, in words; empty for the other kinds."""
    initiative: str
    """The initiative's id (its fact sheet in a site is `initiatives/<id>.<ext>`)."""
    initiative_name: str
    """The initiative's name."""
    round: str
    """The round's id, `2021-nuit-2`."""
    meeting: str
    """The round's meeting, `NUIT 2/2021` (the round's id for a folder that is no meeting of the calendar)."""
    date: str
    """The report's date, `YYYY-MM-DD`."""


@dataclass(frozen=True)
class LessonSegment(Fields):
    """The entries of one goal reported in one segment."""

    key: str
    """The segment's key; empty for initiatives that were no member of a segment then."""
    name: str
    """The segment's name, or *Utenfor segmentene*."""
    count: int
    """The number of its entries."""
    entries: tuple[Lesson, ...]
    """Newest report first, then by initiative's name, then in the order experience, obstacles, ideas, risks."""


@dataclass(frozen=True)
class LessonGoal(Fields):
    """The entries of the initiatives whose main goal is one goal."""

    key: str
    """The goal's code; empty for initiatives that name none."""
    title: str
    """Its heading: the goal's code and name."""
    count: int
    """The number of its entries."""
    segments: tuple[LessonSegment, ...]
    """By segment, in the segments' order (those outside after); only segments with entries."""


@dataclass(frozen=True)
class Knowledge(Report):
    """`ehp report knowledge` and a site's `kunnskapsbank` page: every experience, obstacle and idea reported across
    the rounds, and Observere's risks, by the initiative's main goal and by segment, with a search in HTML."""

    intro: str
    """What the page gathers and why (openness and knowledge sharing)."""
    groups: tuple[LessonGoal, ...]
    """The goals, in the taxonomy's order (codes it does not know after, then no goal); only goals with entries."""
    count: int
    """The number of entries."""
    summary: str
    """How many entries, from how many initiatives and rounds, as a sentence; that nothing is reported yet when none."""
    count_text: str
    """The number of entries in words (`12 oppføringer`): what the HTML search's live region says before a search."""
    matches: str
    """What it says while a search shows some: `{shown}` is for the page's script to fill in."""
    no_match: str
    """What it says when a search matches nothing."""
    links: bool = False
    """True in a site (`ehp report site`): the page links back to the overview and each initiative to its fact
    sheet, `initiatives/<id>.<ext>`."""
