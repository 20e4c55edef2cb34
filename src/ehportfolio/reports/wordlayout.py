"""What the shipped Word templates say: each report kind as a list of items (title, headings, paragraphs, tables and
docxtpl's tags), which wordtemplates.py builds into templates/reports/<kind>.docx.

The templates say the same as the Markdown ones, from the same context (reports.py). Tags, as docxtpl reads them:
`{%p ... %}` in a paragraph of its own stands for a block statement around the paragraphs (and tables) between;
`{%tr ... %}` in a table row does the same for rows. `**` in a text starts or ends bold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ehportfolio.features.finances import AMOUNTS

Item = tuple[Any, ...]

NUMERIC_SHARE = 1.9
"""Room for a segment's name in the header of a column of counts."""


def tag(statement: str) -> Item:
    """A paragraph that docxtpl replaces with `{% statement %}`."""
    return ("p", "{%p " + statement + " %}")


def table(
    headers: Sequence[str],
    cells: Sequence[str],
    loop: str,
    numeric: Sequence[int] = (),
    weights: Sequence[float] = (),
) -> Item:
    """A table with a header row and one row per item of `loop` (`row in rows`); `numeric` columns align right. The
    columns share the page's width by `weights`; by default a text column gets 3 and a numeric one NUMERIC_SHARE."""
    shares = list(weights) or [NUMERIC_SHARE if column in numeric else 3.0 for column in range(len(headers))]
    return ("table", list(headers), list(cells), loop, set(numeric), shares)


def fields(rows: Sequence[tuple[str, str]]) -> Item:
    """A two-column table of fixed rows: label and value."""
    return ("fields", list(rows))


def if_else(condition: str, then: Sequence[Item], otherwise: Sequence[Item]) -> list[Item]:
    return [tag(f"if {condition}"), *then, tag("else"), *otherwise, tag("endif")]


def none_or(condition: str, *then: Item) -> list[Item]:
    """`then` when `condition` holds, else the text "none"."""
    return if_else(condition, then, [("p", "{{ _('report.none') }}")])


GRAPH_LEGEND = (
    '{{ _("report.graph.legend") }}{% if graph.solutions %} {{ _("report.graph.legend.solutions") }}{% endif %}'
)
"""The line under a dependency graph: how its arrows are drawn, and its national solutions when it has any."""


def graph_section() -> list[Item]:
    """The dependency graph as a picture, or why there is none."""
    return [
        tag("if graph.too_large"),
        ("p", "{{ too_large }}"),
        tag("elif figures.graph is defined"),
        ("p", "{{ figures.graph }}"),
        ("p", GRAPH_LEGEND),
        tag("else"),
        ("p", '{{ _("report.graph.none") }}'),
        tag("endif"),
    ]


def dated_header() -> list[Item]:
    return [("title", "{{ title }}"), tag("if date"), ("p", "**{{ _('report.date') }}:** {{ date }}"), tag("endif")]


SEGMENT_COLUMNS = [f"{{{{ segment_names[{i}] }}}}" for i in range(4)]
FOCUS_CELL = (
    "{% if area.code %}{{ area.code }} {{ area.name }}{% if area.truncated %} {{ _('report.truncated') }}{% endif %}"
    "{% if not area.known %} {{ _('report.unknown_focus') }}{% endif %}{% else %}{{ _('report.no_focus') }}{% endif %}"
)
NAME_CELL = "{{ row.name }} ({{ row.id }})"
MISSING = "{% if row.missing %} – **{{ row.missing }}**{% endif %}"
"""After a status report's name: what it lacks, when it is incomplete."""
BY_OWNER = table(
    ['{{ _("report.col.owner") }}', *SEGMENT_COLUMNS, '{{ _("report.col.total") }}'],
    ["{{ row.owner }}", *(f"{{{{ row.segments[{i}] }}}}" for i in range(4)), "{{ row.count }}"],
    "row in by_owner",
    numeric=(1, 2, 3, 4, 5),
)


SHORT_FIELDS = (
    "{% for f in row.fields %}**{{ f.label }}:** "
    "{% for d in f.dependencies %}{% if d.passed %}**{{ d.text }} – {{ _('report.overview.passed') }}**"
    "{% else %}{{ d.text }}{% endif %}{{ '; ' if not loop.last else '' }}"
    "{% else %}{% if f.text %}{{ f.text }}{% elif f.missing %}**{{ _('report.field.missing') }}**"
    "{% else %}{{ _('report.none') }}{% endif %}{% endfor %}{{ ' · ' if not loop.last else '' }}{% endfor %}"
)
"""An initiative's latest report in the overview, in short: each field after its label, in one cell."""

INITIATIVE_COLUMNS = [
    '{{ _("report.col.focus") }}',
    '{{ _("report.col.name") }}',
    '{{ _("report.col.owner") }}',
    '{{ _("report.col.segment") }}',
]


def initiatives(loop: str) -> Item:
    """A table of initiatives: focus area, name (id), owner, segment."""
    return table(
        INITIATIVE_COLUMNS,
        ["{{ row.goals }}", NAME_CELL, "{{ row.owner }}", "{{ row.segment_name }}"],
        loop,
        weights=(1.8, 4, 2.6, 1.6),
    )


CHANGE_COLUMNS = ["{{ _('report.date') }}", '{{ _("report.col.name") }}', '{{ _("report.col.kind") }}']
CHANGE_CELLS = ["{{ row.date }}", NAME_CELL, "{{ row.kind }}"]
OUTCOME_COLUMNS = ['{{ _("report.col.to") }}', '{{ _("report.col.reason") }}', '{{ _("report.col.ref") }}']
OUTCOME_CELLS = ["{{ row.to }}", "{{ row.reason }}", "{{ row.ref }}"]

OVERVIEW: list[Item] = [
    *dated_header(),
    ("p", "{{ summary }}"),
    ("h1", "{{ _('report.by_segment') }}"),
    ("p", "{{ figures.segments }}"),
    table(
        ['{{ _("report.col.segment") }}', '{{ _("report.col.count") }}'],
        ["{{ row.name }}", "{{ row.count }}"],
        "row in segments",
        (1,),
    ),
    tag("for group in segments"),
    ("h2", "{{ group.name }} ({{ group.count }})"),
    *none_or(
        "group.rows",
        initiatives("row in group.rows"),
    ),
    tag("endfor"),
    tag("if status"),
    ("h1", "{{ _('report.overview.status') }}"),
    ("p", "{{ _('report.overview.status.rule') }}"),
    tag("for group in status"),
    ("h2", "{{ group.name }}: {{ group.subject }}"),
    table(
        ['{{ _("report.col.name") }}', "{{ _('report.col.trend') }}"],
        [
            NAME_CELL,
            "{% for m in row.marks if m.state %}{{ m.meeting }}: "
            "{% if m.state in ('not_reported', 'incomplete') %}**{{ m.missing or m.state_text }}**{% else %}"
            "{{ m.state_text }}{% endif %}{{ ' → ' if not loop.last else '' }}{% endfor %}",
        ],
        "row in group.rows",
        weights=(4, 8),
    ),
    tag("endfor"),
    tag("endif"),
    tag("if subjects"),
    ("h1", "{{ _('report.overview.subjects') }}"),
    ("p", "{{ _('report.overview.subjects.rule') }}"),
    tag("for group in subjects"),
    ("h2", "{{ group.name }}: {{ group.subject }}"),
    table(
        ['{{ _("report.col.name") }}', '{{ _("report.col.meeting") }}', "{{ _('report.latest') }}"],
        [NAME_CELL, "{{ row.meeting }}" + MISSING, SHORT_FIELDS],
        "row in group.rows",
        weights=(4, 2.6, 7.4),
    ),
    tag("endfor"),
    tag("endif"),
    tag("if apart"),
    ("h1", "{{ _('report.apart') }}"),
    tag("for group in apart"),
    ("h2", "{{ group.name }} ({{ group.count }})"),
    table(
        [
            '{{ _("report.col.focus") }}',
            '{{ _("report.col.name") }}',
            '{{ _("report.col.owner") }}',
            "{{ _('report.stage') }}",
            '{{ _("report.col.segment") }}',
        ],
        ["{{ row.goals }}", NAME_CELL, "{{ row.owner }}", "{{ row.stage_name }}", "{{ row.segment_name }}"],
        "row in group.rows",
        weights=(1.8, 4, 2.6, 1.4, 1.6),
    ),
    tag("endfor"),
    tag("endif"),
    ("h1", "{{ _('report.by_owner') }}"),
    BY_OWNER,
    ("h1", "{{ _('report.by_focus') }}"),
    table(
        ['{{ _("report.col.focus") }}', '{{ _("report.col.count") }}'],
        [FOCUS_CELL, "{{ area.count }}"],
        "area in by_focus",
        (1,),
    ),
    ("h1", "{{ _('report.dependencies') }}"),
    *graph_section(),
]

BENEFIT_VALUES = (
    "{% for v in b.values %}{{ v.value_text }} ({{ v.date }}){% if not loop.last %}; {% endif %}{% else %}–{% endfor %}"
)
BENEFIT_TREND = '{% if b.past_due %}**⚠ {{ _("report.benefits.past_due") }}**: {% endif %}{{ b.trend_text }}'
"""A benefit's measured values, and its trend flagged when it is past its target date short of target."""

ROW_UNANSWERED = "**{{ _('report.field.missing') }}**"
"""What a meeting paper's row says for a field its incomplete report did not answer."""


def answered(field: str) -> str:
    """A meeting paper's row's text field, or *ikke besvart* when its incomplete report lacks it."""
    return (
        f"{{% if row.{field} %}}{{{{ row.{field} }}}}{{% elif '{field}' in row.lacking %}}{ROW_UNANSWERED}{{% endif %}}"
    )


def risk_part(field: str) -> str:
    """A part of a risk in a meeting paper's row (`risk`, `consequence`, `action`), or *ikke besvart* when empty."""
    return f"{{% if r.{field} %}}{{{{ r.{field} }}}}{{% else %}}{ROW_UNANSWERED}{{% endif %}}"


def none_or_unanswered(field: str) -> str:
    """A meeting paper's row's empty list: *ikke besvart* when its incomplete report lacks it, else "none"."""
    return f"{{% if '{field}' in row.lacking %}}{ROW_UNANSWERED}{{% else %}}{{{{ _('report.none') }}}}{{% endif %}}"


ROW_RISKS = (
    "{% for r in row.risks %}"
    + risk_part("risk")
    + ' ({{ _("report.meeting.consequence") | lower }}: '
    + risk_part("consequence")
    + '; {{ _("report.meeting.action") | lower }}: '
    + risk_part("action")
    + ")"
    + '{{ "; " if not loop.last else "" }}'
    + "{% else %}"
    + none_or_unanswered("risks")
    + "{% endfor %}"
)
"""A meeting paper's row's risks, each with its consequence and action (*ikke besvart* for a part left blank)."""


UNANSWERED = "{% if field.missing %}**{{ _('report.field.missing') }}**{% else %}{{ _('report.none') }}{% endif %}"
"""An empty field of a status report: not answered when the segment asks for it, else none (`[]`)."""

LATEST: list[Item] = [
    ("h1", "{{ _('report.latest') }}"),
    *if_else(
        "latest.round",
        [
            ("bullet", "**{{ _('report.col.meeting') }}:** {{ latest.meeting }} ({{ latest.date }})"),
            tag("if latest.segment"),
            ("bullet", "**{{ _('report.col.segment') }}:** {{ latest.segment_name }} ({{ latest.subject }})"),
            tag("endif"),
            (
                "bullet",
                "**{{ _('report.col.state') }}:** {{ latest.missing or latest.state_text }}",
            ),
            tag("if latest.report_date"),
            ("bullet", "**{{ _('report.latest.report_date') }}:** {{ latest.report_date }}"),
            tag("endif"),
            tag("if latest.later"),
            ("p", "{{ latest.later }}"),
            tag("endif"),
            tag("for field in latest.fields"),
            ("h2", "{{ field.label }}"),
            tag('if field.kind in ("text", "colour")'),
            ("p", "{% if field.text %}{{ field.text }}{% else %}**{{ _('report.field.missing') }}**{% endif %}"),
            tag('elif field.kind == "list"'),
            tag("for item in field.items"),
            ("bullet", "{{ item }}"),
            tag("else"),
            ("p", UNANSWERED),
            tag("endfor"),
            tag('elif field.kind == "risks"'),
            *if_else(
                "field.risks",
                [
                    table(
                        [
                            "{{ _('report.field.risk') }}",
                            "{{ _('report.meeting.consequence') }}",
                            "{{ _('report.meeting.action') }}",
                        ],
                        ['{{ r.risk or "–" }}', '{{ r.consequence or "–" }}', '{{ r.action or "–" }}'],
                        "r in field.risks",
                    )
                ],
                [("p", UNANSWERED)],
            ),
            tag('elif field.kind == "dependencies"'),
            *if_else(
                "field.dependencies",
                [
                    table(
                        [
                            "{{ _('report.depends_on') }}",
                            "{{ _('report.meeting.col.needed') }}",
                            "{{ _('report.meeting.col.by') }}",
                            "{{ _('report.meeting.col.dep_state') }}",
                        ],
                        [
                            "{% if d.known %}{{ d.name }} ({{ d.id }})"
                            "{% else %}{{ d.id }} {{ _('report.not_in_portfolio') }}{% endif %}",
                            '{{ d.needed or "–" }}',
                            '{{ d.by or "–" }}',
                            '{{ d.state or "–" }}',
                        ],
                        "d in field.dependencies",
                        weights=(3.5, 4, 2, 3.5),
                    )
                ],
                [("p", UNANSWERED)],
            ),
            tag("endif"),
            tag("endfor"),
        ],
        [("p", "{{ _('report.latest.none') }}")],
    ),
]
"""A fact sheet's latest status report: its round and state, then each field its segment reports on."""

INITIATIVE: list[Item] = [
    *dated_header(),
    fields(
        [
            ("{{ _('report.id') }}", "{{ id }}"),
            ('{{ _("report.col.owner") }}', "{{ owner }}"),
            (
                '{{ _("report.col.focus") }}',
                "{{ focus_area }} {{ focus_name }}{% if focus_truncated %} {{ _('report.truncated') }}{% endif %}"
                "{% if goals | length > 1 %} ({{ _('report.main_goal') }}){% for goal in goals[1:] %}; {{ goal.code }}"
                " {{ goal.name }}{% if goal.truncated %} {{ _('report.truncated') }}{% endif %}{% endfor %}{% endif %}",
            ),
            ('{{ _("report.col.segment") }}', '{{ segment_name or "–" }}'),
            ("{{ _('report.status') }}", "{{ status }}"),
            ("{{ _('report.stage') }}", "{{ stage_name }}"),
        ]
    ),
    tag("if description"),
    ("p", "**{{ _('report.description') }}:** {{ description }}"),
    tag("endif"),
    ("h1", "{{ _('report.assessment') }}"),
    ("p", "{{ _('checklist') }} {{ assessment.version }}"),
    tag('for phase in ["inclusion", "segment"]'),
    tag('set rows = assessment.steps | selectattr("phase", "equalto", phase) | list'),
    tag("if rows"),
    ("h2", "{{ _(phase) }}"),
    tag("for step in rows"),
    (
        "p",
        "{% if step.question %}{{ loop.index }}. {{ step.text }} **{{ step.answer }}** → {% else %}→ {% endif %}"
        "{{ step.effect }}",
    ),
    tag("endfor"),
    tag("endif"),
    tag("endfor"),
    ("p", "**{{ _('result') }}:** {{ assessment.result }}."),
    tag("if assessment.missing"),
    ("p", "**{{ _('missing') }}:**"),
    tag("for item in assessment.missing"),
    ("bullet", "{{ item.key }}: {{ item.text }}"),
    tag("endfor"),
    tag("endif"),
    tag("if assessment.recorded"),
    (
        "p",
        "**{{ _('recorded') }}:** {{ assessment.recorded }}{% if assessment.reason %} "
        '({{ _("recorded.reason") }}: {{ assessment.reason }}){% endif %}',
    ),
    tag("endif"),
    tag("if assessment.flag"),
    ("p", "⚠ {{ assessment.flag }}"),
    tag("endif"),
    *LATEST,
    ("h1", "{{ _('report.trend') }}"),
    *none_or(
        "trend",
        (
            "p",
            "**{{ _('report.trend.marks') }}:** {% for row in trend %}{{ row.state_text }}"
            "{{ ' → ' if not loop.last else '' }}{% endfor %}",
        ),
        ("p", "{{ figures.trend }}"),
        table(
            [
                '{{ _("report.col.meeting") }}',
                '{{ _("report.col.state") }}',
                '{{ _("report.col.progress") }}',
                '{{ _("report.col.risks") }}',
            ],
            [
                "{{ row.meeting }} ({{ row.date }})",
                "{{ row.missing or row.state_text }}",
                "{{ row.progress }}",
                '{{ row.risks | join("; ") }}',
            ],
            "row in trend",
            weights=(2, 1.5, 4, 4),
        ),
    ),
    ("p", '{{ _("report.trend.rule") }}'),
    tag("if benefits"),
    ("h1", '{{ _("report.benefits") }}'),
    table(
        [
            '{{ _("report.benefits.col.benefit") }}',
            '{{ _("report.benefits.col.goal") }}',
            '{{ _("report.benefits.col.baseline") }}',
            '{{ _("report.benefits.col.target") }}',
            '{{ _("report.benefits.col.measured") }}',
            '{{ _("report.benefits.col.trend") }}',
        ],
        [
            "{{ b.description }}{% if b.indicator %} ({{ b.indicator }}){% endif %}, {{ b.responsible }}",
            "{{ b.goal }}",
            "{{ b.baseline_text }}",
            "{{ b.target_text }} ({{ b.target_date }})",
            BENEFIT_VALUES,
            BENEFIT_TREND,
        ],
        "b in benefits",
        numeric=(2, 3),
        weights=(3.3, 2.3, 2.9, 2.6, 3, 2.2),
    ),
    ("p", '{{ _("report.benefits.rule") }}'),
    tag("endif"),
    ("h1", "{{ _('report.dependencies') }}"),
    ("h2", "{{ _('report.depends_on') }}"),
    tag("for other in depends_on"),
    (
        "bullet",
        '{% if other.known %}{{ other.name }} ({{ other.id }}, {{ other.segment_name or other.kind_name or "–" }})'
        "{% else %}"
        "{{ other.id }} {{ _('report.not_in_portfolio') }}{% endif %}: {{ other.strength }}",
    ),
    tag("else"),
    ("p", "{{ _('report.none') }}"),
    tag("endfor"),
    ("h2", "{{ _('report.depended_by') }}"),
    tag("for other in depended_by"),
    ("bullet", '{{ other.name }} ({{ other.id }}, {{ other.segment_name or "–" }}): {{ other.strength }}'),
    tag("else"),
    ("p", "{{ _('report.none') }}"),
    tag("endfor"),
    tag("if figures.graph is defined"),
    ("p", "{{ figures.graph }}"),
    ("p", GRAPH_LEGEND),
    tag("endif"),
    ("h1", "{{ _('report.history') }}"),
    *if_else(
        "history",
        [
            table(
                [
                    "{{ _('report.date') }}",
                    '{{ _("report.col.kind") }}',
                    '{{ _("report.col.from") }}',
                    '{{ _("report.col.to") }}',
                    '{{ _("report.col.reason") }}',
                    '{{ _("report.col.ref") }}',
                ],
                [
                    "{{ row.date }}",
                    "{{ row.kind }}",
                    "{{ row.from }}",
                    "{{ row.to }}",
                    "{{ row.reason }}",
                    "{{ row.ref }}",
                ],
                "row in history",
            )
        ],
        [("p", '{{ _("report.history.none") }}')],
    ),
]

MEETING: list[Item] = [
    ("title", "{{ title }}"),
    fields(
        [
            (
                '{{ _("report.meeting.committee") }}',
                "{{ committee }}{% if committee_name %} ({{ committee_name }}){% endif %}",
            ),
            ('{{ _("report.meeting.number") }}', "{{ number }}"),
            ("{{ _('report.date') }}", "{{ meeting_date }}"),
            ('{{ _("report.meeting.case") }}', "{{ case }}"),
            ('{{ _("report.meeting.case_type") }}', "{{ case_type }}"),
        ]
    ),
    ("h1", '{{ _("report.meeting.purpose_heading") }}'),
    ("p", "{{ purpose }}"),
    ("h1", '{{ _("report.meeting.background") }}'),
    ("p", "{{ background }}"),
    table(
        [
            '{{ _("report.col.segment") }}',
            '{{ _("report.col.count") }}',
            '{{ _("report.meeting.col.reports") }}',
            '{{ _("report.meeting.col.due") }}',
            '{{ _("report.meeting.col.reported") }}',
        ],
        [
            "{{ row.name }}",
            "{{ row.count }}",
            '{{ _("report.meeting.yes") if row.reports else _("report.meeting.no") }}',
            "{{ row.due }}",
            "{{ row.reported }}",
        ],
        "row in numbers",
        (1, 3, 4),
    ),
    ("h1", '{{ _("report.meeting.status_heading") }}'),
    tag("if started and segments"),
    ("h2", '{{ _("report.meeting.attention.heading") }}'),
    *if_else(
        "attention",
        [
            ("p", '{{ _("report.meeting.attention.intro") }}'),
            table(
                [
                    '{{ _("report.col.name") }}',
                    '{{ _("report.col.segment") }}',
                    '{{ _("report.col.state") }}',
                    '{{ _("report.meeting.col.why") }}',
                ],
                [NAME_CELL, "{{ row.segment_name }}", "{{ row.state_text }}", '{{ row.reasons | join(" ") }}'],
                "row in attention",
                weights=(3.4, 1.4, 1.6, 4.4),
            ),
        ],
        [("p", "{{ attention_none }}")],
    ),
    tag("endif"),
    tag("if figures.states is defined"),
    ("p", "{{ figures.states }}"),
    tag("endif"),
    tag("if not started and segments"),
    ("p", "{{ not_started }}"),
    tag("endif"),
    # a round not started has no segment sections: the sentence above says why
    tag("if started or not segments"),
    tag("for section in segments"),
    ("h2", "{{ section.name }}: {{ section.subject }} ({{ section.reported }}/{{ section.due }})"),
    tag('if section.segment == "samstyre"'),
    (
        "p",
        '**{{ _("report.meeting.colours") }}:** {% for c in section.colours %}{{ c.text }} {{ c.count }}'
        '{{ ", " if not loop.last else "" }}{% endfor %}',
    ),
    tag("endif"),
    tag("if not section.rows"),
    ("p", '{{ _("report.meeting.no_reports") }}'),
    tag('elif section.segment == "samstyre"'),
    table(
        [
            '{{ _("report.col.name") }}',
            '{{ _("report.col.state") }}',
            '{{ _("report.col.progress") }}',
            '{{ _("report.col.risks") }}',
        ],
        [
            NAME_CELL + MISSING,
            "{{ row.state_text }}",
            answered("progress"),
            ROW_RISKS,
        ],
        "row in section.rows",
        weights=(4, 1.5, 4, 4.5),
    ),
    tag('elif section.segment == "koordinere"'),
    tag("for row in section.rows"),
    ("h3", NAME_CELL),
    tag("if row.missing"),
    ("p", "**{{ row.missing }}**"),
    tag("endif"),
    *if_else(
        "row.dependencies",
        [
            table(
                [
                    "{{ _('report.depends_on') }}",
                    '{{ _("report.meeting.col.needed") }}',
                    '{{ _("report.meeting.col.by") }}',
                    '{{ _("report.meeting.col.dep_state") }}',
                ],
                [
                    "{% if d.known %}{{ d.name }} ({{ d.id }})"
                    "{% else %}{{ d.id }} {{ _('report.not_in_portfolio') }}{% endif %}",
                    "{{ d.needed }}",
                    "{{ d.by }}",
                    "{{ d.state }}",
                ],
                "d in row.dependencies",
            )
        ],
        [("p", "{{ _('report.dependencies') }}: " + none_or_unanswered("dependencies"))],
    ),
    (
        "p",
        '**{{ _("report.meeting.actions") }}:**{% if not row.actions %} '
        + none_or_unanswered("actions")
        + "{% endif %}",
    ),
    tag("for action in row.actions"),
    ("bullet", "{{ action }}"),
    tag("endfor"),
    tag("endfor"),
    tag('elif section.segment == "observere"'),
    table(
        [
            '{{ _("report.col.name") }}',
            '{{ _("report.col.progress") }}',
            '{{ _("report.col.risks") }}',
            '{{ _("report.meeting.experience") }}',
            '{{ _("report.meeting.obstacles") }}',
        ],
        [
            NAME_CELL + MISSING,
            answered("progress"),
            ROW_RISKS,
            answered("experience"),
            answered("obstacles"),
        ],
        "row in section.rows",
        weights=(2.2, 3.8, 3.6, 2.6, 4),
    ),
    tag("else"),
    table(
        [
            '{{ _("report.col.name") }}',
            '{{ _("report.meeting.purpose_field") }}',
            '{{ _("report.col.progress") }}',
            '{{ _("report.meeting.ideas") }}',
        ],
        [
            NAME_CELL + MISSING,
            answered("purpose"),
            answered("progress"),
            '{% if row.ideas %}{{ row.ideas | join("; ") }}{% else %}' + none_or_unanswered("ideas") + "{% endif %}",
        ],
        "row in section.rows",
    ),
    tag("endif"),
    tag("if section.incomplete"),
    (
        "p",
        '**{{ _("report.meeting.incomplete") }}:** {% for row in section.incomplete %}{{ row.name }}'
        '{{ ", " if not loop.last else "" }}{% endfor %}',
    ),
    tag("endif"),
    tag("else"),
    ("p", "{{ no_segments }}"),
    tag("endfor"),
    tag("endif"),
    ("h1", '{{ _("report.meeting.not_reported") }}'),
    tag("if not started"),
    ("p", "{{ not_started }}"),
    tag("else"),
    *if_else(
        "not_reported",
        [
            table(
                [
                    '{{ _("report.col.name") }}',
                    '{{ _("report.col.owner") }}',
                    '{{ _("report.col.segment") }}',
                    '{{ _("report.col.state") }}',
                ],
                [NAME_CELL, "{{ row.owner }}", "{{ row.segment_name }}", '**{{ _("report.state.not_reported") }}**'],
                "row in not_reported",
                weights=(4, 3.5, 2, 2.5),
            )
        ],
        [("p", "{{ all_filed }}")],
    ),
    tag("endif"),
    ("h1", '{{ _("report.meeting.changes") }}'),
    ("p", "{{ since }}"),
    tag(
        "for rows, heading in [(moves, _('report.meeting.moves')), (added, _('report.meeting.added')), "
        "(removed, _('report.meeting.removed'))]"
    ),
    ("h2", "{{ heading }}"),
    *none_or(
        "rows",
        table(
            [*CHANGE_COLUMNS, '{{ _("report.col.from") }}', *OUTCOME_COLUMNS],
            [*CHANGE_CELLS, "{{ row.from }}", *OUTCOME_CELLS],
            "row in rows",
            weights=(1.7, 3, 1.5, 1.5, 1.5, 3, 1.5),
        ),
    ),
    tag("endfor"),
    ("h1", '{{ _("report.meeting.proposal_heading") }}'),
    ("p", "{{ proposal }}"),
    ("h2", '{{ _("report.meeting.decisions.heading") }}'),
    *if_else(
        "decisions",
        [
            tag("for item in decisions"),
            ("p", "**{{ item.number }}. {{ item.text }}**"),
            ("p", '{{ _("report.meeting.decisions.basis") }}: {{ item.basis }}'),
            (
                "p",
                '{% if item.command %}{{ _("report.meeting.decisions.command") }}: {{ item.command }}'
                "{% else %}{{ item.how }}{% endif %}",
            ),
            tag("endfor"),
            ("p", "{{ decisions_record }}"),
        ],
        [("p", "{{ decisions_none }}")],
    ),
]

MONEY_CELLS = ["{{ row.year }}", *(f"{{{{ row.{f} }}}}" for f in AMOUNTS)]
MONEY_COLUMNS = [
    '{{ _("report.col.year") }}',
    '{{ _("report.col.budget") }}',
    '{{ _("report.col.own") }}',
    '{{ _("report.col.co_funded") }}',
    '{{ _("report.col.state_funded") }}',
    '{{ _("report.col.running_cost_effect") }}',
]


def money_table(first: str, loop: str) -> Item:
    """Budget and funding per year of each group: its name and count on its first row, then a row per year."""
    return table(
        [first, '{{ _("report.col.count") }}', *MONEY_COLUMNS],
        ["{% if row.first %}{{ row.name }}{% endif %}", "{% if row.first %}{{ row.count }}{% endif %}", *MONEY_CELLS],
        loop,
        (1, 3, 4, 5, 6, 7),
        weights=(3.9, 1.4, 1.1, 1.85, 1.85, 1.85, 1.85, 1.85),
    )


MONEY: list[Item] = [
    # balancing in money (finances): budget and funding per year by segment, owner and main goal
    ("h2", '{{ _("report.money.heading") }}'),
    ("p", "{{ money.intro }}"),
    tag("if money.recorded"),
    ("h3", '{{ _("report.money.by_segment") }}'),
    money_table('{{ _("report.col.segment") }}', "row in money.by_segment"),
    ("h3", '{{ _("report.money.by_owner") }}'),
    money_table('{{ _("report.col.owner") }}', "row in money.by_owner"),
    ("h3", '{{ _("report.money.by_goal") }}'),
    money_table('{{ _("report.col.goal") }}', "row in money.by_goal"),
    tag("endif"),
]


def numbered(number: int) -> str:
    """A section's number in the whole definition; a stage's paper has one section and numbers none."""
    return "{% if not stage %}" + f"{number}. " + "{% endif %}"


CASE_HEADER: list[Item] = [
    tag("if header.known"),
    fields(
        [
            (
                '{{ _("report.meeting.committee") }}',
                "{{ header.committee }}{% if header.committee_name %} ({{ header.committee_name }}){% endif %}",
            ),
            ('{{ _("report.meeting.number") }}', "{{ header.number }}"),
            ("{{ _('report.date') }}", "{{ header.meeting_date }}"),
            ('{{ _("report.meeting.case") }}', "{{ header.case }}"),
            ('{{ _("report.meeting.case_type") }}', "{{ header.case_type }}"),
        ]
    ),
    tag("endif"),
]
"""The meeting and case that handle a paper of the annual cycle, from the calendar."""

DEFINITION: list[Item] = [
    ("title", "{{ title }}"),
    *CASE_HEADER,
    tag("if date"),
    ("p", "**{{ _('report.date') }}:** {{ date }}"),
    tag("endif"),
    ("p", "{{ intro }}"),
    ("p", "{{ dated }}"),
    tag('if stage in ("", "strategi")'),
    ("h1", numbered(1) + '{{ _("report.definition.strategy") }}'),
    tag("if figures.focus is defined"),
    ("p", "{{ figures.focus }}"),
    tag("endif"),
    table(
        ['{{ _("report.col.focus") }}', *SEGMENT_COLUMNS, '{{ _("report.col.total") }}'],
        [FOCUS_CELL, *(f"{{{{ area.segments[{i}] }}}}" for i in range(4)), "{{ area.count }}"],
        "area in by_focus",
        (1, 2, 3, 4, 5),
        weights=(3.4, *([NUMERIC_SHARE] * 5)),
    ),
    tag("endif"),
    tag('if stage in ("", "prioritering")'),
    ("h1", numbered(2) + '{{ _("report.definition.priority") }}'),
    ("p", "{{ priority_rule }}"),
    tag("if priority"),
    table(
        [
            '{{ _("report.col.priority") }}',
            '{{ _("report.col.focus") }}',
            '{{ _("report.col.name") }}',
            '{{ _("report.col.owner") }}',
            '{{ _("report.col.segment") }}',
        ],
        ["{{ row.priority }}", "{{ row.goals }}", NAME_CELL, "{{ row.owner }}", "{{ row.segment_name }}"],
        "row in priority",
        (0,),
        weights=(1, 1.8, 4, 3.2, 2.2),
    ),
    tag("endif"),
    tag("if unprioritised"),
    ("h2", '{{ _("report.definition.unprioritised_heading") }} ({{ unprioritised | length }})'),
    ("p", "{{ unprioritised_rule }}"),
    table(
        ['{{ _("report.col.focus") }}', '{{ _("report.col.name") }}', '{{ _("report.col.owner") }}'],
        ["{{ row.goals }}", NAME_CELL, "{{ row.owner }}"],
        "row in unprioritised",
        weights=(1.8, 4, 3.2),
    ),
    tag("endif"),
    tag("endif"),
    tag('if stage in ("", "balansering")'),
    ("h1", numbered(3) + '{{ _("report.definition.balance") }}'),
    ("h2", "{{ _('report.by_segment') }}"),
    table(
        ['{{ _("report.col.segment") }}', '{{ _("report.col.count") }}'],
        ["{{ row.name }}", "{{ row.count }}"],
        "row in by_segment",
        (1,),
    ),
    ("h2", "{{ _('report.by_owner') }}"),
    BY_OWNER,
    *MONEY,
    tag("endif"),
    tag('if stage in ("", "planlegging")'),
    ("h1", numbered(4) + '{{ _("report.definition.planning") }}'),
    ("p", "{{ planning_rule }}"),
    ("h2", '{{ _("report.definition.starts") }} ({{ starts | length }})'),
    *none_or(
        "starts",
        table(
            ["{{ _('report.date') }}", '{{ _("report.col.name") }}', *OUTCOME_COLUMNS],
            ["{{ row.date }}", NAME_CELL, *OUTCOME_CELLS],
            "row in starts",
        ),
    ),
    ("h2", '{{ _("report.definition.ends") }} ({{ ends | length }})'),
    *none_or(
        "ends",
        table(
            [*CHANGE_COLUMNS, *OUTCOME_COLUMNS],
            [*CHANGE_CELLS, *OUTCOME_CELLS],
            "row in ends",
        ),
    ),
    ("h2", '{{ _("report.definition.continues") }} ({{ continues | length }})'),
    *none_or(
        "continues",
        initiatives("row in continues"),
    ),
    tag("endif"),
    ("h1", numbered(5) + '{{ _("report.meeting.proposal_heading") }}'),
    ("p", "{{ proposal }}"),
    tag("for item in proposal_items"),
    ("bullet", "{{ item }}"),
    tag("endfor"),
]

CHANGE_COUNT_COLUMNS = [f"{{{{ change_names[{i}] }}}}" for i in range(5)]


def change_counts(first: str, loop: str) -> Item:
    """Segments or owners counted by change: the label, a column per change, and the total."""
    return table(
        [first, *CHANGE_COUNT_COLUMNS, '{{ _("report.col.total") }}'],
        ["{{ row.label }}", *(f"{{{{ row.counts[{i}] }}}}" for i in range(5)), "{{ row.total }}"],
        loop,
        numeric=(1, 2, 3, 4, 5, 6),
        weights=(3.2, *([NUMERIC_SHARE] * 6)),
    )


TO_ANSWER_CELL = "{% for question in row.to_answer %}{% if not loop.first %}, {% endif %}{{ question.key }}{% endfor %}"

CONSEQUENCES: list[Item] = [
    ("title", "{{ title }}"),
    ("p", "{{ intro }}"),
    ("h1", '1. {{ _("report.consequences.summary_heading") }}'),
    ("p", "{{ summary }}"),
    ("h2", "{{ _('report.by_segment') }}"),
    change_counts('{{ _("report.col.segment") }}', "row in by_segment"),
    ("h2", "{{ _('report.by_owner') }}"),
    *none_or("by_owner", change_counts('{{ _("report.col.owner") }}', "row in by_owner")),
    ("h1", '2. {{ _("report.consequences.changed") }} ({{ changed | length }})'),
    *none_or(
        "changed",
        table(
            [
                '{{ _("report.col.name") }}',
                '{{ _("report.col.owner") }}',
                '{{ _("report.consequences.col.change") }}',
                "{{ from_version }}",
                "{{ to_version }}",
            ],
            [NAME_CELL, "{{ row.owner }}", "{{ row.change_name }}", "{{ row.before }}", "{{ row.after }}"],
            "row in changed",
            weights=(4, 2.6, 2, 1.8, 1.8),
        ),
    ),
    ("h1", '3. {{ _("report.consequences.questions") }}'),
    *none_or(
        "questions",
        table(
            ['{{ _("report.consequences.col.key") }}', '{{ _("report.consequences.col.question") }}'],
            ["{{ row.key }}", "{{ row.text }}"],
            "row in questions",
            weights=(2.6, 6),
        ),
    ),
    tag("if reworded"),
    ("p", '{{ _("report.consequences.reworded") }}'),
    table(
        ['{{ _("report.consequences.col.key") }}', "{{ from_version }}", "{{ to_version }}"],
        ["{{ row.key }}", "{{ row.before }}", "{{ row.after }}"],
        "row in reworded",
        weights=(2.6, 4, 4),
    ),
    tag("endif"),
    ("h1", '4. {{ _("report.consequences.owners") }}'),
    tag("for part in owners"),
    ("h2", "{{ part.owner }}"),
    ("p", "{{ part.summary }}"),
    table(
        [
            '{{ _("report.col.name") }}',
            '{{ _("report.consequences.col.now") }}',
            "{{ from_version }}",
            "{{ to_version }}",
            '{{ _("report.consequences.col.to_answer") }}',
        ],
        [NAME_CELL, "{{ row.now }}", "{{ row.before }}", "{{ row.after }}", TO_ANSWER_CELL],
        "row in part.rows",
        weights=(3.4, 2.4, 1.6, 1.6, 3),
    ),
    tag("endfor"),
]

ROADMAP_COLUMNS = [
    '{{ _("report.col.name") }}',
    '{{ _("report.roadmap.col.step") }}',
    '{{ _("report.roadmap.planned_col") }}',
    '{{ _("report.roadmap.actual_col") }}',
    '{{ _("report.roadmap.col.slip") }}',
]

ROADMAP: list[Item] = [
    *dated_header(),
    ("p", "{{ summary }}"),
    *none_or(
        "groups",
        ("p", "{{ figures.roadmap }}"),
        ("p", '{{ _("report.roadmap.legend") }}'),
    ),
    tag("for group in groups"),
    ("h1", "{{ group.title }}"),
    table(
        ROADMAP_COLUMNS,
        [
            "{{ step.name }}",
            "{{ step.label }}",
            "{{ step.planned }}",
            "{{ step.actual }}",
            '{{ step.slip_days }}{% if step.moved %} ({{ _("report.roadmap.against_original") }} '
            "{{ step.original_slip_days }}){% endif %}",
        ],
        "step in group.steps",
        numeric=(4,),
        weights=(3, 3, 2.6, 2.6, 1.6),
    ),
    tag("endfor"),
]

BENEFITS: list[Item] = [
    *dated_header(),
    ("p", "{{ summary }}"),
    tag("if not date"),
    ("p", '{{ _("report.benefits.no_date") }}'),
    tag("endif"),
    tag("for group in groups"),
    ("h1", "{{ group.title }}"),
    tag("if group.flagged"),
    ("p", "⚠ {{ group.flagged_text }}"),
    tag("endif"),
    table(
        [
            '{{ _("report.benefits.col.initiative") }}',
            '{{ _("report.benefits.col.benefit") }}',
            '{{ _("report.benefits.col.course") }}',
            '{{ _("report.benefits.col.latest") }}',
            '{{ _("report.benefits.col.trend") }}',
        ],
        [
            "{{ b.initiative_name }}",
            "{{ b.description }}{% if b.indicator %} ({{ b.indicator }}){% endif %}, {{ b.responsible }}",
            "{{ b.baseline_text }} → {{ b.target_text }} ({{ b.target_date }})",
            '{{ b.latest_text or "–" }}',
            BENEFIT_TREND,
        ],
        "b in group.rows",
        numeric=(3,),
        weights=(5, 4.2, 3.6, 2.2, 2.6),
    ),
    tag("endfor"),
    ("p", '{{ _("report.benefits.rule") }}'),
]

KNOWLEDGE: list[Item] = [
    *dated_header(),
    ("p", "{{ intro }}"),
    ("p", "{{ summary }}"),
    tag("for goal in groups"),
    ("h1", "{{ goal.title }}"),
    tag("for part in goal.segments"),
    ("h2", "{{ part.name }}"),
    table(
        [
            '{{ _("report.knowledge.col.entry") }}',
            '{{ _("report.benefits.col.initiative") }}',
            '{{ _("report.knowledge.col.round") }}',
        ],
        [
            "**{{ e.kind_name }}:** {{ e.text }}{% if e.detail %} ({{ e.detail }}){% endif %}",
            "{{ e.initiative_name }}",
            "{{ e.meeting }}, {{ e.date }}",
        ],
        "e in part.entries",
        weights=(9, 3.6, 2.6),
    ),
    tag("endfor"),
    tag("endfor"),
]

EXAMPLES_NOTICE = [tag("if examples.notice"), ("p", "**{{ examples.notice }}**"), tag("endif")]
"""Under every title: the notice that the status reports a paper shows are example data."""


def with_examples_notice(layout: Sequence[Item]) -> list[Item]:
    """The layout with EXAMPLES_NOTICE after its title."""
    [at] = [index for index, item in enumerate(layout) if item[0] == "title"]
    return [*layout[: at + 1], *EXAMPLES_NOTICE, *layout[at + 1 :]]


LAYOUTS = {
    kind: with_examples_notice(layout)
    for kind, layout in {
        "overview": OVERVIEW,
        "initiative": INITIATIVE,
        "meeting": MEETING,
        "definition": DEFINITION,
        "consequences": CONSEQUENCES,
        "roadmap": ROADMAP,
        "benefits": BENEFITS,
        "knowledge": KNOWLEDGE,
    }.items()
}
