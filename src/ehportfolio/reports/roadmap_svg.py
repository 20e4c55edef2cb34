"""The roadmap as an inline SVG, drawn by hand like svg_graph.py: one row per initiative, each a `<g>` carrying its
owner, main goal and segment, so that the page's filter can hide rows and close the gaps without a new drawing.

Drawn by hand rather than with matplotlib: a matplotlib figure is one picture, with no element per initiative for a
filter to hide, and ten thousand rows of bars draw in milliseconds as text. Every piece of user text is escaped.
"""

from __future__ import annotations

import datetime
from xml.sax.saxutils import quoteattr

from markupsafe import escape

from ehportfolio.reports import template_contexts as tc

WIDTH = 960
LABEL = 280
"""The width of the column of names, left of the time axis."""
ROW = 30
HEAD = 26
TOP = 28
PLANNED = "#9fb7cf"
ON_PLAN = "#2e7d32"
SLIPPED = "#c62828"
ORIGINAL = "#7a7a7a"


def _day(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


class _Axis:
    """Dates to x: from the first of January of the roadmap's first year to the end of its last."""

    def __init__(self, start: str, end: str) -> None:
        self.first = datetime.date(_day(start).year, 1, 1)
        self.last = datetime.date(_day(end).year + 1, 1, 1)
        self.span = (self.last - self.first).days

    def x(self, value: str) -> float:
        return round(LABEL + (WIDTH - LABEL - 10) * (_day(value) - self.first).days / self.span, 1)


def _bar(axis: _Axis, start: str, end: str, y: float, height: float, fill: str, title: str, kind: str) -> str:
    x0, x1 = axis.x(start), axis.x(end)
    return (
        f'<rect class="{kind}" x="{x0}" y="{y}" width="{max(x1 - x0, 2):.1f}" height="{height}" fill="{fill}">'
        f"<title>{escape(title)}</title></rect>"
    )


def _original(axis: _Axis, start: str, end: str, title: str) -> str:
    """A planned date as the initiative file gave it before a status report moved it: a faint dashed outline (a thin
    mark for a milestone's date)."""
    x0, x1 = axis.x(start), axis.x(end)
    return (
        f'<rect class="original" x="{x0}" y="3" width="{max(x1 - x0, 2):.1f}" height="10" fill="none" '
        f'stroke="{ORIGINAL}" stroke-dasharray="3 2"><title>{escape(title)}</title></rect>'
    )


def _diamond(x: float, y: float, fill: str, stroke: str, title: str, kind: str) -> str:
    points = f"{x},{y - 6} {x + 6},{y} {x},{y + 6} {x - 6},{y}"
    return (
        f'<polygon class="{kind}" points="{points}" fill="{fill}" stroke="{stroke}">'
        f"<title>{escape(title)}</title></polygon>"
    )


def _row(axis: _Axis, row: tc.RoadmapRow, y: int, labels: dict[str, str]) -> str:
    attrs = (
        f'class="roadmap-row" data-owner={quoteattr(row.owner)} data-goal={quoteattr(row.goal)} '
        f"data-segment={quoteattr(row.segment)} data-user-groups={quoteattr(' '.join(row.user_groups))} "
        f"data-id={quoteattr(row.id)}"
    )
    parts = [f'<g {attrs} transform="translate(0,{y})">']
    parts.append(f'<text x="4" y="{ROW / 2 + 4}" font-size="12">{escape(row.name)}</text>')
    for phase in row.phases:
        if phase.moved and phase.original_start and phase.original_end:
            title = f"{phase.name} ({labels['original']}): {phase.original_start} – {phase.original_end}"
            parts.append(_original(axis, phase.original_start, phase.original_end, title))
        if phase.planned_start and phase.planned_end:
            title = f"{phase.name} ({labels['planned']}): {phase.planned_start} – {phase.planned_end}"
            parts.append(_bar(axis, phase.planned_start, phase.planned_end, 4, 8, PLANNED, title, "planned"))
        if phase.actual_start:
            colour = SLIPPED if phase.slipped else ON_PLAN
            title = f"{phase.name} ({labels['actual']}): {phase.actual_start} – {phase.actual_end or '…'}"
            kind = "actual slipped" if phase.slipped else "actual"
            parts.append(_bar(axis, phase.actual_start, phase.drawn_end, 14, 10, colour, title, kind))
    for milestone in row.milestones:
        if milestone.moved and milestone.original_planned:
            title = f"{milestone.name} ({labels['original']}): {milestone.original_planned}"
            parts.append(_original(axis, milestone.original_planned, milestone.original_planned, title))
        if milestone.planned:
            title = f"{milestone.name} ({labels['planned']}): {milestone.planned}"
            parts.append(_diamond(axis.x(milestone.planned), 8, "#fff", "#1f4e79", title, "milestone planned"))
        if milestone.actual:
            colour = SLIPPED if milestone.slipped else ON_PLAN
            title = f"{milestone.name} ({labels['actual']}): {milestone.actual}"
            kind = "milestone actual slipped" if milestone.slipped else "milestone actual"
            parts.append(_diamond(axis.x(milestone.actual), 19, colour, colour, title, kind))
    parts.append("</g>")
    return "".join(parts)


def roadmap_svg(context: tc.Roadmap, labels: dict[str, str]) -> str:
    """The `<svg>` of the roadmap; `labels` holds the words `planned`, `actual`, `date` and the SVG's `label`."""
    if not context.start:
        return ""
    axis = _Axis(context.start, context.end)
    body: list[str] = []
    y = TOP
    for group in context.groups:
        body.append(
            f'<g class="roadmap-group" data-key={quoteattr(group.key)} transform="translate(0,{y})">'
            f'<text x="4" y="{HEAD - 8}" font-size="13" font-weight="bold">{escape(group.title)}</text></g>'
        )
        y += HEAD
        for row in group.rows:
            body.append(_row(axis, row, y, labels))
            y += ROW
    height = y + 6
    grid = []
    for year in range(axis.first.year, axis.last.year + 1):
        x = axis.x(f"{year}-01-01")
        grid.append(f'<line x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{height}" stroke="#d5dde6"/>')
        if year < axis.last.year:
            grid.append(f'<text x="{x + 3}" y="{TOP - 10}" font-size="11">{year}</text>')
    if context.date:
        x = axis.x(context.date)
        grid.append(
            f'<line class="date-line" x1="{x}" y1="{TOP - 20}" x2="{x}" y2="{height}" stroke="#8a4b00" '
            f'stroke-width="2" stroke-dasharray="4 3"><title>{escape(labels["date"])}: {context.date}</title></line>'
        )
    label = quoteattr(labels["label"])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="roadmap" role="img" aria-label={label} '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" font-family="sans-serif" '
        f'data-top="{TOP}" data-row="{ROW}" data-head="{HEAD}">' + "".join(grid) + "".join(body) + "</svg>"
    )
