"""A benefit's course as a small inline SVG line, drawn by hand: the baseline and each measured value in order, and a
dashed line at the target. Its text alternative is the benefit's course in words (`BenefitRow.summary`), given as the
picture's accessible name and its `<title>`; the values are in the table beside it too.

Drawn by hand like svg_graph.py: a fact sheet of a site has one per benefit, and a matplotlib figure each would cost
more than the page. Every piece of user text is escaped.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from markupsafe import escape

from ehportfolio.reports import template_contexts as tc

WIDTH = 160
HEIGHT = 44
PAD = 6
LINE = "#1f4e79"
TARGET = "#2e7d32"
PAST_DUE = "#c62828"


def benefit_svg(row: tc.BenefitRow) -> str:
    """The benefit's line from its baseline through its measured values, with the target as a dashed line."""
    values = [row.baseline, *(v.value for v in row.values)]
    low, high = min(*values, row.target), max(*values, row.target)
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)

    def y(value: float) -> float:
        return round(HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD), 1)

    points = [(round(PAD + index * step, 1), y(value)) for index, value in enumerate(values)]
    colour = PAST_DUE if row.past_due else LINE
    label = quoteattr(row.summary)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="benefit" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label={label}>',
        f"<title>{escape(row.summary)}</title>",
        f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{y(row.target)}" y2="{y(row.target)}" stroke="{TARGET}" '
        'stroke-width="1.5" stroke-dasharray="4 3"/>',
    ]
    if len(points) > 1:
        drawn = " ".join(f"{x},{y_}" for x, y_ in points)
        parts.append(f'<polyline points="{drawn}" fill="none" stroke="{colour}" stroke-width="2"/>')
    parts += [f'<circle cx="{x}" cy="{y_}" r="2.5" fill="{colour}"/>' for x, y_ in points]
    parts.append("</svg>")
    return "".join(parts)
