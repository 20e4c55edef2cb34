"""A dependency graph drawn as inline SVG for HTML, by hand from the graph's context: no matplotlib, so that a site
of a thousand fact sheets does not draw a thousand figures.

The drawing is the one `charts.dependency_graph` makes for Word: an initiative to the left of what it depends on
(columns by `Node.layer`), each node a rounded box with its name wrapped on up to three lines, arrows from the
initiative that depends to the one it depends on, solid when strong and dashed when weak. The highlighted
initiative is yellow; an id that is not in the portfolio is grey with a dotted outline; a national solution of the
register (kjernejournal, shared EPJ development) is a green hexagon, its own kind of node. An edge that runs backwards
(a cycle, which `ehp check` reports and the layering cuts) leaves the box on its left, below the middle, so that it
does not cover the edge the other way; one that passes a column arcs under the boxes; one within a column loops out
to the right, and one from a box to itself over it. Every edge ends on its target box's border, where the
arrowhead's tip (the marker's refX) sits, the arrowhead outside the box. The drawing is as wide as the page
(`width="100%"` and a viewBox) but no wider than itself, its columns spread to fill a page's width up to `GAP_MAX`.

Pure: a function of its arguments, byte-identical between runs. Every piece of user text goes through
`markupsafe.escape`; the only ids (the arrowheads') start with `prefix`, so that two charts in one page differ.
Text widths are estimated (no font metrics), generously, so that a label stays inside its box.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Mapping, Sequence

from markupsafe import escape

from ehportfolio.reports.template_contexts import Edge, Node

FONT = 12  # px
LINE = 15  # px between the baselines of a label's lines
PAD_X = 9
PAD_Y = 7
GAP_X = 64  # between columns, for the arrows, at least
GAP_MAX = 220  # between columns, at most: the gap grows to fill the page up to this
PAGE = 928  # px, the width of a page's content (60rem less its padding), which the drawing fills when it can
GAP_Y = 14  # between rows
MARGIN = 6
CHAR = 0.62  # estimated advance of a character, in ems; 1 for wide (East Asian) ones
SPREAD = 6  # how far apart several edges leave or enter one side of a box, when it has room for them
BACK = 7  # how far below the middle a backward edge leaves and enters
LOOP = 28  # the room for an edge that loops: right of a column, over a box, under the boxes
MIN_WIDTH = 72
ARC_SIDE = 10  # how far from the middle of a box's bottom an arc leaves or enters
INK = "#444444"
TEXT = "#1b1b1b"
FILL = {"chosen": "#fff3c4", "known": "#eef3f8", "unknown": "#f5f5f5"}
OUTLINE = {True: "#1f4e79", False: "#9e9e9e"}
SOLUTION_FILL = "#e3f1e4"
SOLUTION_OUTLINE = "#2e7d32"
CORNER = 7  # how far in from a box's side a hexagon's slanted edges start
DASH = {"strong": "", "weak": ' stroke-dasharray="5 3"'}
FONTS = "system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, Arial, sans-serif"


def label_lines(name: str) -> list[str]:
    """A node's name wrapped at 22 characters, on three lines at most (the third cut with `…`)."""
    lines = textwrap.wrap(name, 22, break_long_words=True) or [""]
    if len(lines) > 3:
        lines = [*lines[:2], lines[2][:20] + "…"]
    return lines


def _width(line: str) -> float:
    return FONT * sum(1.0 if unicodedata.east_asian_width(c) in "WF" else CHAR for c in line)


def _number(value: float) -> str:
    """A coordinate as short, stable text: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def dependency_graph(nodes: Sequence[Node], edges: Sequence[Edge], highlight: str = "", prefix: str = "graph") -> str:
    """The graph as an `<svg>` element; `highlight` is the id of the initiative the page is about, `prefix` starts
    the element ids (letters, digits and `-` only: it is not user text)."""
    top = max((n.layer for n in nodes), default=0)
    columns: dict[int, list[Node]] = {}
    for node in nodes:
        columns.setdefault(top - node.layer, []).append(node)
    column_of = {node.key: top - node.layer for node in nodes}
    labels = {node.key: label_lines(node.name) for node in nodes}
    box_width = max((_width(line) for lines in labels.values() for line in lines), default=0) + 2 * PAD_X
    box_width = max(box_width, MIN_WIDTH)
    lines_most = max((len(lines) for lines in labels.values()), default=1)
    box_height = lines_most * LINE + 2 * PAD_Y
    rows = max((len(c) for c in columns.values()), default=1)
    loops = any(column_of[e.from_] == column_of[e.to] and e.from_ != e.to for e in edges)
    above = LOOP if any(e.from_ == e.to for e in edges) else 0
    below = LOOP if any(abs(column_of[e.from_] - column_of[e.to]) > 1 for e in edges) else 0
    fixed = (top + 1) * box_width + 2 * MARGIN + (LOOP if loops else 0)
    gap = min(max((PAGE - fixed) / top, GAP_X), GAP_MAX) if top else GAP_X  # fill the page, within limits
    width = fixed + top * gap
    bottom = above + MARGIN + rows * box_height + (rows - 1) * GAP_Y  # below the lowest box
    height = bottom + below + MARGIN

    centre: dict[str, tuple[float, float]] = {}
    for x, column in columns.items():
        offset = (rows - len(column)) / 2
        for y, node in enumerate(column):
            left = MARGIN + x * (box_width + gap)
            upper = above + MARGIN + (y + offset) * (box_height + GAP_Y)
            centre[node.key] = (left + box_width / 2, upper + box_height / 2)

    heights = {key: box_height - (lines_most - len(lines)) * LINE for key, lines in labels.items()}
    ports = _ports(edges, column_of, centre, heights)

    n = _number
    arrow = f"{prefix}-arrow"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {n(width)} {n(height)}" '
        f'preserveAspectRatio="xMinYMin meet" style="max-width: {n(width)}px" '
        f'font-family="{FONTS}" font-size="{FONT}">',
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
        f'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker></defs>',
    ]
    half_w = box_width / 2
    for index, edge in enumerate(edges):
        (fx, fy), (tx, ty) = centre[edge.from_], centre[edge.to]
        source, target = column_of[edge.from_], column_of[edge.to]
        if abs(source - target) > 1:  # past a column: an arc under the boxes, bottom to bottom, backwards deeper
            side, depth = (ARC_SIDE, 0.4) if source < target else (-ARC_SIDE, 0.8)
            x1, y1, x2, y2 = fx + side, fy + heights[edge.from_] / 2, tx - side, ty + heights[edge.to] / 2
            low = max(y1, y2) + (bottom + LOOP * depth - max(y1, y2)) / 0.75  # its lowest point is in the margin
            path = f"M{n(x1)},{n(y1)} C{n(x1)},{n(low)} {n(x2)},{n(low)} {n(x2)},{n(y2)}"
        elif source < target:  # the usual way: right side to left side, spread along each side
            x1, y1, x2, y2 = fx + half_w, fy + ports[index][0], tx - half_w, ty + ports[index][1]
            bend = (x2 - x1) / 2
            path = f"M{n(x1)},{n(y1)} C{n(x1 + bend)},{n(y1)} {n(x2 - bend)},{n(y2)} {n(x2)},{n(y2)}"
        elif source > target:  # backwards, in a cycle: left side to right side, below the middle
            x1, y1, x2, y2 = fx - half_w, fy + BACK, tx + half_w, ty + BACK
            bend = (x1 - x2) / 2
            path = f"M{n(x1)},{n(y1)} C{n(x1 - bend)},{n(y1)} {n(x2 + bend)},{n(y2)} {n(x2)},{n(y2)}"
        elif edge.from_ == edge.to:  # on itself: a loop over the box
            y1 = fy - heights[edge.from_] / 2
            path = (
                f"M{n(fx - 12)},{n(y1)} C{n(fx - 16)},{n(y1 - LOOP)} {n(fx + 16)},{n(y1 - LOOP)} {n(fx + 12)},{n(y1)}"
            )
        else:  # within a column: a loop out to the right
            x1, y1, x2, y2 = fx + half_w, fy - BACK, tx + half_w, ty + BACK
            path = f"M{n(x1)},{n(y1)} C{n(x1 + LOOP)},{n(y1)} {n(x2 + LOOP)},{n(y2)} {n(x2)},{n(y2)}"
        out.append(
            f'<path d="{path}" fill="none" stroke="{INK}" stroke-width="1.2"{DASH.get(edge.strength, DASH["weak"])} '
            f'marker-end="url(#{arrow})"/>'
        )
    for node in nodes:
        cx, cy = centre[node.key]
        lines = labels[node.key]
        fill = FILL["chosen" if node.id == highlight else "known" if node.known else "unknown"]
        dotted = "" if node.known else ' stroke-dasharray="1.5 2"'
        inner = heights[node.key]  # the box fits its own lines
        out.append(f"<g><title>{escape(node.id)}</title>")
        if node.kind != "initiative":
            out.append(_hexagon(cx, cy, half_w, inner / 2))
        else:
            out.append(
                f'<rect x="{n(cx - half_w)}" y="{n(cy - inner / 2)}" width="{n(box_width)}" height="{n(inner)}" '
                f'rx="4" fill="{fill}" stroke="{OUTLINE[node.known]}"{dotted}/>'
            )
        first = cy - (len(lines) - 1) * LINE / 2 + FONT * 0.35  # the baseline that centres the lines on the box
        spans = "".join(
            f'<tspan x="{n(cx)}" y="{n(first + i * LINE)}">{escape(line)}</tspan>' for i, line in enumerate(lines)
        )
        out.append(f'<text text-anchor="middle" fill="{TEXT}">{spans}</text></g>')
    out.append("</svg>")
    return "\n".join(out)


def _hexagon(cx: float, cy: float, half_w: float, half_h: float) -> str:
    """A national solution's node: a hexagon as wide and high as an initiative's box, its points on the sides, so
    that edges meet it where they meet a box."""
    n = _number
    left, right, top, bottom = cx - half_w, cx + half_w, cy - half_h, cy + half_h
    corners = [
        (left, cy),
        (left + CORNER, top),
        (right - CORNER, top),
        (right, cy),
        (right - CORNER, bottom),
        (left + CORNER, bottom),
    ]
    points = " ".join(f"{n(x)},{n(y)}" for x, y in corners)
    return f'<polygon points="{points}" fill="{SOLUTION_FILL}" stroke="{SOLUTION_OUTLINE}"/>'


def _ports(
    edges: Sequence[Edge],
    column_of: Mapping[str, int],
    centre: Mapping[str, tuple[float, float]],
    heights: Mapping[str, float],
) -> dict[int, tuple[float, float]]:
    """For each forward edge (by index), how far from the middle of its boxes it leaves and arrives, so that several
    edges on one side of a box do not meet in one point, in the order of the boxes at their other ends; more than the
    side has room for meet in its middle."""
    forward = [i for i, e in enumerate(edges) if column_of[e.from_] < column_of[e.to]]
    leaving: dict[str, list[int]] = {}
    arriving: dict[str, list[int]] = {}
    for i in forward:
        leaving.setdefault(edges[i].from_, []).append(i)
        arriving.setdefault(edges[i].to, []).append(i)

    def spread(groups: dict[str, list[int]], other: str) -> dict[int, float]:
        found: dict[int, float] = {}
        for key, group in groups.items():
            group.sort(key=lambda i: (centre[getattr(edges[i], other)][1], i))
            room = (heights[key] - 2 * PAD_Y) / max(len(group) - 1, 1)
            step = SPREAD if room >= SPREAD else 0  # too many to tell apart: they meet in the middle
            for place, i in enumerate(group):
                found[i] = (place - (len(group) - 1) / 2) * step
        return found

    out, into = spread(leaving, "to"), spread(arriving, "from_")
    return {i: (out[i], into[i]) for i in forward}
