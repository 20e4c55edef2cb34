"""What the shipped Word templates say: each report kind as a list of items (title, headings, paragraphs, tables and
docxtpl's tags), which wordtemplates.py builds into templates/reports/<kind>.docx.

The templates say the same as the Markdown ones, from the same context (reports.py). Tags, as docxtpl reads them:
`{%p ... %}` in a paragraph of its own stands for a block statement around the paragraphs (and tables) between;
`{%tr ... %}` in a table row does the same for rows. `**` in a text starts or ends bold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
    return if_else(condition, then, [("p", "{{ t.none }}")])


def graph_section() -> list[Item]:
    """The dependency graph as a picture, or why there is none."""
    return [
        tag("if graph.too_large"),
        ("p", "{{ too_large }}"),
        tag("elif figures.graph is defined"),
        ("p", "{{ figures.graph }}"),
        ("p", '{{ t["graph.legend"] }}'),
        tag("else"),
        ("p", '{{ t["graph.none"] }}'),
        tag("endif"),
    ]


def dated_header() -> list[Item]:
    return [("title", "{{ title }}"), tag("if date"), ("p", "**{{ t.date }}:** {{ date }}"), tag("endif")]


SEGMENT_COLUMNS = [f"{{{{ segment_names[{i}] }}}}" for i in range(4)]
FOCUS_CELL = (
    "{% if area.code %}{{ area.code }} {{ area.name }}{% if area.truncated %} {{ t.truncated }}{% endif %}"
    "{% if not area.known %} {{ t.unknown_focus }}{% endif %}{% else %}{{ t.no_focus }}{% endif %}"
)
NAME_CELL = "{{ row.name }} ({{ row.id }})"
BY_OWNER = table(
    ['{{ t["col.owner"] }}', *SEGMENT_COLUMNS, '{{ t["col.total"] }}'],
    ["{{ row.owner }}", *(f"{{{{ row.segments[{i}] }}}}" for i in range(4)), "{{ row.count }}"],
    "row in by_owner",
    numeric=(1, 2, 3, 4, 5),
)


INITIATIVE_COLUMNS = ['{{ t["col.focus"] }}', '{{ t["col.name"] }}', '{{ t["col.owner"] }}', '{{ t["col.segment"] }}']


def initiatives(loop: str) -> Item:
    """A table of initiatives: focus area, name (id), owner, segment."""
    return table(
        INITIATIVE_COLUMNS,
        ["{{ row.focus_area }}", NAME_CELL, "{{ row.owner }}", "{{ row.segment_name }}"],
        loop,
        weights=(1.8, 4, 2.6, 1.6),
    )


CHANGE_COLUMNS = ["{{ t.date }}", '{{ t["col.name"] }}', '{{ t["col.kind"] }}']
CHANGE_CELLS = ["{{ row.date }}", NAME_CELL, "{{ row.kind }}"]
OUTCOME_COLUMNS = ['{{ t["col.to"] }}', '{{ t["col.reason"] }}', '{{ t["col.ref"] }}']
OUTCOME_CELLS = ["{{ row.to }}", "{{ row.reason }}", "{{ row.ref }}"]

OVERVIEW: list[Item] = [
    *dated_header(),
    ("p", "{{ summary }}"),
    ("h1", "{{ t.by_segment }}"),
    ("p", "{{ figures.segments }}"),
    table(
        ['{{ t["col.segment"] }}', '{{ t["col.count"] }}'],
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
    tag("if apart"),
    ("h1", "{{ t.apart }}"),
    tag("for group in apart"),
    ("h2", "{{ group.name }} ({{ group.count }})"),
    table(
        [
            '{{ t["col.focus"] }}',
            '{{ t["col.name"] }}',
            '{{ t["col.owner"] }}',
            "{{ t.stage }}",
            '{{ t["col.segment"] }}',
        ],
        ["{{ row.focus_area }}", NAME_CELL, "{{ row.owner }}", "{{ row.stage_name }}", "{{ row.segment_name }}"],
        "row in group.rows",
        weights=(1.8, 4, 2.6, 1.4, 1.6),
    ),
    tag("endfor"),
    tag("endif"),
    ("h1", "{{ t.by_owner }}"),
    BY_OWNER,
    ("h1", "{{ t.by_focus }}"),
    table(['{{ t["col.focus"] }}', '{{ t["col.count"] }}'], [FOCUS_CELL, "{{ area.count }}"], "area in by_focus", (1,)),
    ("h1", "{{ t.dependencies }}"),
    *graph_section(),
]

INITIATIVE: list[Item] = [
    *dated_header(),
    fields(
        [
            ("{{ t.id }}", "{{ id }}"),
            ('{{ t["col.owner"] }}', "{{ owner }}"),
            (
                '{{ t["col.focus"] }}',
                "{{ focus_area }} {{ focus_name }}{% if focus_truncated %} {{ t.truncated }}{% endif %}",
            ),
            ('{{ t["col.segment"] }}', '{{ segment_name or "–" }}'),
            ("{{ t.status }}", "{{ status }}"),
            ("{{ t.stage }}", "{{ stage_name }}"),
        ]
    ),
    tag("if description"),
    ("p", "**{{ t.description }}:** {{ description }}"),
    tag("endif"),
    ("h1", "{{ t.assessment }}"),
    ("p", "{{ assessment.t.checklist }} {{ assessment.version }}"),
    tag('for phase in ["inclusion", "segment"]'),
    tag('set rows = assessment.steps | selectattr("phase", "equalto", phase) | list'),
    tag("if rows"),
    ("h2", "{{ assessment.t[phase] }}"),
    tag("for step in rows"),
    (
        "p",
        "{% if step.question %}{{ loop.index }}. {{ step.text }} **{{ step.answer }}** → {% else %}→ {% endif %}"
        "{{ step.effect }}",
    ),
    tag("endfor"),
    tag("endif"),
    tag("endfor"),
    ("p", "**{{ assessment.t.result }}:** {{ assessment.result }}."),
    tag("if assessment.missing"),
    ("p", "**{{ assessment.t.missing }}:**"),
    tag("for item in assessment.missing"),
    ("bullet", "{{ item.key }}: {{ item.text }}"),
    tag("endfor"),
    tag("endif"),
    tag("if assessment.recorded"),
    (
        "p",
        "**{{ assessment.t.recorded }}:** {{ assessment.recorded }}{% if assessment.reason %} "
        '({{ assessment.t["recorded.reason"] }}: {{ assessment.reason }}){% endif %}',
    ),
    tag("endif"),
    tag("if assessment.flag"),
    ("p", "⚠ {{ assessment.flag }}"),
    tag("endif"),
    ("h1", "{{ t.trend }}"),
    *none_or(
        "trend",
        ("p", "{{ figures.trend }}"),
        table(
            ['{{ t["col.meeting"] }}', '{{ t["col.state"] }}', '{{ t["col.progress"] }}', '{{ t["col.risks"] }}'],
            [
                "{{ row.meeting }} ({{ row.date }})",
                "{{ row.state_text }}",
                "{{ row.progress }}{% if row.obstacles %} {{ row.obstacles }}{% endif %}",
                '{{ row.risks | join("; ") }}',
            ],
            "row in trend",
            weights=(2, 1.5, 4, 4),
        ),
    ),
    ("p", '{{ t["trend.rule"] }}'),
    ("h1", "{{ t.dependencies }}"),
    ("h2", "{{ t.depends_on }}"),
    tag("for other in depends_on"),
    (
        "bullet",
        '{% if other.known %}{{ other.name }} ({{ other.id }}, {{ other.segment_name or "–" }}){% else %}'
        "{{ other.id }} {{ t.not_in_portfolio }}{% endif %}: {{ other.strength }}",
    ),
    tag("else"),
    ("p", "{{ t.none }}"),
    tag("endfor"),
    ("h2", "{{ t.depended_by }}"),
    tag("for other in depended_by"),
    ("bullet", '{{ other.name }} ({{ other.id }}, {{ other.segment_name or "–" }}): {{ other.strength }}'),
    tag("else"),
    ("p", "{{ t.none }}"),
    tag("endfor"),
    tag("if figures.graph is defined"),
    ("p", "{{ figures.graph }}"),
    ("p", '{{ t["graph.legend"] }}'),
    tag("endif"),
    ("h1", "{{ t.history }}"),
    *if_else(
        "history",
        [
            table(
                [
                    "{{ t.date }}",
                    '{{ t["col.kind"] }}',
                    '{{ t["col.from"] }}',
                    '{{ t["col.to"] }}',
                    '{{ t["col.reason"] }}',
                    '{{ t["col.ref"] }}',
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
        [("p", '{{ t["history.none"] }}')],
    ),
]

MEETING: list[Item] = [
    ("title", "{{ title }}"),
    fields(
        [
            (
                '{{ t["meeting.committee"] }}',
                "{{ committee }}{% if committee_name %} ({{ committee_name }}){% endif %}",
            ),
            ('{{ t["meeting.number"] }}', "{{ number }}"),
            ("{{ t.date }}", "{{ meeting_date }}"),
            ('{{ t["meeting.case"] }}', "{{ case }}"),
            ('{{ t["meeting.case_type"] }}', "{{ case_type }}"),
        ]
    ),
    ("h1", '{{ t["meeting.purpose_heading"] }}'),
    ("p", "{{ purpose }}"),
    ("h1", '{{ t["meeting.background"] }}'),
    ("p", "{{ background }}"),
    table(
        [
            '{{ t["col.segment"] }}',
            '{{ t["col.count"] }}',
            '{{ t["meeting.col.reports"] }}',
            '{{ t["meeting.col.due"] }}',
            '{{ t["meeting.col.reported"] }}',
        ],
        [
            "{{ row.name }}",
            "{{ row.count }}",
            '{{ t["meeting.yes"] if row.reports else t["meeting.no"] }}',
            "{{ row.due }}",
            "{{ row.reported }}",
        ],
        "row in numbers",
        (1, 3, 4),
    ),
    ("h1", '{{ t["meeting.status_heading"] }}'),
    tag("if figures.states is defined"),
    ("p", "{{ figures.states }}"),
    tag("endif"),
    tag("for section in segments"),
    ("h2", "{{ section.name }}: {{ section.subject }} ({{ section.reported }}/{{ section.due }})"),
    tag('if section.segment == "samstyre"'),
    (
        "p",
        '**{{ t["meeting.colours"] }}:** {% for c in section.colours %}{{ c.text }} {{ c.count }}'
        '{{ ", " if not loop.last else "" }}{% endfor %}',
    ),
    tag("endif"),
    tag("if not section.rows"),
    ("p", '{{ t["meeting.no_reports"] }}'),
    tag('elif section.segment == "samstyre"'),
    table(
        ['{{ t["col.name"] }}', '{{ t["col.state"] }}', '{{ t["col.progress"] }}', '{{ t["col.risks"] }}'],
        [
            NAME_CELL,
            "{{ row.state_text }}",
            "{{ row.progress }}",
            '{% for r in row.risks %}{{ r.risk }} ({{ t["meeting.consequence"] | lower }}: {{ r.consequence }}; '
            '{{ t["meeting.action"] | lower }}: {{ r.action }}){{ "; " if not loop.last else "" }}'
            "{% else %}{{ t.none }}{% endfor %}",
        ],
        "row in section.rows",
        weights=(4, 1.5, 4, 4.5),
    ),
    tag('elif section.segment == "koordinere"'),
    tag("for row in section.rows"),
    ("h3", NAME_CELL),
    *if_else(
        "row.dependencies",
        [
            table(
                [
                    "{{ t.depends_on }}",
                    '{{ t["meeting.col.needed"] }}',
                    '{{ t["meeting.col.by"] }}',
                    '{{ t["meeting.col.dep_state"] }}',
                ],
                [
                    "{% if d.known %}{{ d.name }} ({{ d.id }}){% else %}{{ d.id }} {{ t.not_in_portfolio }}{% endif %}",
                    "{{ d.needed }}",
                    "{{ d.by }}",
                    "{{ d.state }}",
                ],
                "d in row.dependencies",
            )
        ],
        [("p", "{{ t.dependencies }}: {{ t.none }}")],
    ),
    ("p", '**{{ t["meeting.actions"] }}:**{% if not row.actions %} {{ t.none }}{% endif %}'),
    tag("for action in row.actions"),
    ("bullet", "{{ action }}"),
    tag("endfor"),
    tag("endfor"),
    tag('elif section.segment == "observere"'),
    table(
        [
            '{{ t["col.name"] }}',
            '{{ t["col.progress"] }}',
            '{{ t["meeting.experience"] }}',
            '{{ t["meeting.obstacles"] }}',
        ],
        [NAME_CELL, "{{ row.progress }}", "{{ row.experience }}", "{{ row.obstacles }}"],
        "row in section.rows",
    ),
    tag("else"),
    table(
        ['{{ t["col.name"] }}', '{{ t["meeting.purpose_field"] }}', '{{ t["col.progress"] }}'],
        [NAME_CELL, "{{ row.purpose }}", "{{ row.progress }}"],
        "row in section.rows",
    ),
    tag("endif"),
    tag("else"),
    ("p", '{{ t["meeting.no_segments"] }}'),
    tag("endfor"),
    ("h1", '{{ t["meeting.not_reported"] }}'),
    *if_else(
        "not_reported",
        [
            table(
                ['{{ t["col.name"] }}', '{{ t["col.owner"] }}', '{{ t["col.segment"] }}', '{{ t["col.state"] }}'],
                [NAME_CELL, "{{ row.owner }}", "{{ row.segment_name }}", '**{{ t["state.not_reported"] }}**'],
                "row in not_reported",
                weights=(4, 3.5, 2, 2.5),
            )
        ],
        [("p", '{{ t["meeting.all_reported"] }}')],
    ),
    ("h1", '{{ t["meeting.changes"] }}'),
    ("p", "{{ since }}"),
    tag('for rows, heading in [(moves, "meeting.moves"), (added, "meeting.added"), (removed, "meeting.removed")]'),
    ("h2", "{{ t[heading] }}"),
    *none_or(
        "rows",
        table(
            [*CHANGE_COLUMNS, '{{ t["col.from"] }}', *OUTCOME_COLUMNS],
            [*CHANGE_CELLS, "{{ row.from }}", *OUTCOME_CELLS],
            "row in rows",
            weights=(1.7, 3, 1.5, 1.5, 1.5, 3, 1.5),
        ),
    ),
    tag("endfor"),
    ("h1", '{{ t["meeting.proposal_heading"] }}'),
    ("p", "{{ proposal }}"),
]

DEFINITION: list[Item] = [
    *dated_header(),
    ("p", "{{ intro }}"),
    ("h1", '1. {{ t["definition.strategy"] }}'),
    tag("if figures.focus is defined"),
    ("p", "{{ figures.focus }}"),
    tag("endif"),
    table(
        ['{{ t["col.focus"] }}', *SEGMENT_COLUMNS, '{{ t["col.total"] }}'],
        [FOCUS_CELL, *(f"{{{{ area.segments[{i}] }}}}" for i in range(4)), "{{ area.count }}"],
        "area in by_focus",
        (1, 2, 3, 4, 5),
        weights=(3.4, *([NUMERIC_SHARE] * 5)),
    ),
    ("h1", '2. {{ t["definition.priority"] }}'),
    ("p", '{{ t["definition.priority_rule"] }}'),
    *none_or(
        "priority",
        table(
            ['{{ t["col.priority"] }}', '{{ t["col.focus"] }}', '{{ t["col.name"] }}', '{{ t["col.owner"] }}'],
            ["{{ loop.index }}", "{{ row.focus_area }}", NAME_CELL, "{{ row.owner }}"],
            "row in priority",
            (0,),
            weights=(1, 1.8, 4, 3.2),
        ),
    ),
    ("h1", '3. {{ t["definition.balance"] }}'),
    ("h2", "{{ t.by_segment }}"),
    table(
        ['{{ t["col.segment"] }}', '{{ t["col.count"] }}'],
        ["{{ row.name }}", "{{ row.count }}"],
        "row in by_segment",
        (1,),
    ),
    ("h2", "{{ t.by_owner }}"),
    BY_OWNER,
    ("h1", '4. {{ t["definition.planning"] }}'),
    ("p", "{{ planning_rule }}"),
    ("h2", '{{ t["definition.starts"] }} ({{ starts | length }})'),
    *none_or(
        "starts",
        table(
            ["{{ t.date }}", '{{ t["col.name"] }}', *OUTCOME_COLUMNS],
            ["{{ row.date }}", NAME_CELL, *OUTCOME_CELLS],
            "row in starts",
        ),
    ),
    ("h2", '{{ t["definition.ends"] }} ({{ ends | length }})'),
    *none_or(
        "ends",
        table(
            [*CHANGE_COLUMNS, *OUTCOME_COLUMNS],
            [*CHANGE_CELLS, *OUTCOME_CELLS],
            "row in ends",
        ),
    ),
    ("h2", '{{ t["definition.continues"] }} ({{ continues | length }})'),
    *none_or(
        "continues",
        initiatives("row in continues"),
    ),
    ("h1", '5. {{ t["meeting.proposal_heading"] }}'),
    ("p", "{{ proposal }}"),
]

LAYOUTS = {"overview": OVERVIEW, "initiative": INITIATIVE, "meeting": MEETING, "definition": DEFINITION}
