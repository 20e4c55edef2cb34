"""Charts and dependency graphs for reports, drawn with matplotlib: each function returns a figure, which `svg`
writes as inline SVG for HTML and `png` as an image for Word. An HTML fact sheet's dependency graph is drawn by hand
instead (reports/svg_graph.py, which also owns the wrapping of a node's label), since a site has one per initiative.

Imported only by the HTML and DOCX paths, so that no other command pays for matplotlib. Both outputs are
byte-identical between runs: the SVG has a fixed hash salt and id prefix (different per chart, so that ids do not
collide in one page), text kept as text (`svg.fonttype` none) and no metadata; the PNG has no software stamp. User text
never reaches mathtext (`$` is escaped), and matplotlib escapes what it writes into the SVG.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from ehportfolio.reports.svg_graph import label_lines
from ehportfolio.reports.template_contexts import Edge, Node, RoadmapRow, Section, TrendRow

COLOURS = {
    "grønn": "#2e7d32",
    "gul": "#f9a825",
    "rød": "#c62828",
    "reported": "#90a4ae",
    "incomplete": "#fff3c4",
    "not_reported": "#ffffff",
    "not_started": "#eeeeee",
}
SEGMENT_COLOURS = ["#1f4e79", "#2e75b6", "#9dc3e6", "#c9a0dc"]
FONT = 9
PNG_DPI = 200


def _plain(value: str) -> str:
    """Text matplotlib draws as it is: a `$` would start mathtext."""
    return value.replace("$", r"\$")


_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_REFERENCE = re.compile(r'(\bid="|href="#|url\(#)([^"()]+)')


def _own_ids(text: str, prefix: str) -> str:
    """Every id of the SVG, and every reference to one, prefixed with `prefix-`: matplotlib names its groups
    `patch_1`, `text_1` in every figure, so two charts in one page would share them. Only markup is touched (the
    text of a label is escaped, so it holds no `<`)."""

    def tag(match: re.Match[str]) -> str:
        return _REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", match.group(0))

    return _TAG.sub(tag, text)


def svg(figure: Any, salt: str, label: str = "") -> str:
    """The figure as an `<svg>` element to put inside HTML: its ids its own (`salt` prefixes them and salts
    matplotlib's hashes), no RDF metadata (HTML does not allow it), and, with `label`, a text alternative
    (`role="img"` and a `<title>`)."""
    import matplotlib
    from markupsafe import escape

    with matplotlib.rc_context({"svg.hashsalt": salt, "svg.fonttype": "none", "font.size": FONT}):
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buffer.getvalue()
    text = _own_ids(_METADATA.sub("", text[text.index("<svg") :], count=1), salt)
    if label:
        start = text.index(">") + 1
        title = f"{salt}-title"
        text = (
            f'{text[: start - 1]} role="img" aria-labelledby="{title}">'
            f'<title id="{title}">{escape(label)}</title>{text[start:]}'
        )
    return text


def png(figure: Any) -> bytes:
    """The figure as a PNG image at print resolution."""
    import matplotlib

    with matplotlib.rc_context({"font.size": FONT}):
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None}, bbox_inches="tight")
    return buffer.getvalue()


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _bars(names: list[str], counts: list[int], colours: Any, title: str, row: float) -> Any:
    """Horizontal bars with their count written beside each."""
    figure = _figure(6, row * len(names) + 0.9)
    axes = figure.add_subplot()
    positions = list(range(len(names)))[::-1]
    axes.barh(positions, counts, color=colours)
    axes.set_yticks(positions, [_plain(n) for n in names])
    for y, count in zip(positions, counts, strict=True):
        axes.text(count, y, f" {count}", va="center", parse_math=False)
    axes.set_title(_plain(title))
    axes.set_xlim(0, max(counts, default=0) * 1.15 + 1)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def segment_chart(names: list[str], counts: list[int], title: str) -> Any:
    """Initiatives per segment, each segment in its colour."""
    return _bars(names, counts, SEGMENT_COLOURS[: len(names)], title, 0.45)


def trend_chart(rows: Sequence[TrendRow], title: str) -> Any:
    """The status colour at each round, one marker per round, with the state written under it."""
    figure = _figure(max(3.0, 1.4 * len(rows) + 0.8), 1.9)
    axes = figure.add_subplot()
    for x, row in enumerate(rows):
        missing = row.state in ("not_reported", "incomplete")
        axes.scatter(
            [x], [0], s=420, color=COLOURS[row.state], edgecolors="#616161", linewidths=1.5 if missing else 0.5
        )
        if missing:
            mark = "?" if row.state == "not_reported" else "!"
            axes.text(x, 0, mark, ha="center", va="center", color="#616161", parse_math=False)
        axes.text(x, -0.9, row.state_text, ha="center", va="top", fontsize=FONT - 1, parse_math=False)
    axes.set_xticks(range(len(rows)), [_plain(f"{r.meeting}\n{r.date}") for r in rows])
    axes.xaxis.tick_top()
    axes.set_xlim(-0.6, len(rows) - 0.4)
    axes.set_ylim(-1.6, 0.8)
    axes.set_yticks([])
    axes.set_title(_plain(title), pad=28)
    for side in ("left", "right", "bottom", "top"):
        axes.spines[side].set_visible(False)
    return figure


def dependency_graph(nodes: Sequence[Node], edges: Sequence[Edge], highlight: str = "") -> Any:
    """A layered drawing: an initiative to the left of what it depends on; solid arrows strong, dashed weak."""
    top = max((n.layer for n in nodes), default=0)
    columns: dict[int, list[Node]] = {}
    for node in nodes:
        columns.setdefault(top - node.layer, []).append(node)
    rows = max((len(c) for c in columns.values()), default=1)
    figure = _figure(2.6 * (top + 1) + 0.4, 0.75 * rows + 0.4)
    axes = figure.add_subplot()
    place: dict[str, tuple[float, float]] = {}
    for x, column in columns.items():
        offset = (rows - len(column)) / 2
        for y, node in enumerate(column):
            place[node.key] = (x * 2.6, -(y + offset) * 0.75)
    for edge in edges:
        axes.annotate(
            "",
            xy=place[edge.to],
            xytext=place[edge.from_],
            arrowprops={
                "arrowstyle": "-|>",
                "color": "#444444",
                "linestyle": "-" if edge.strength == "strong" else "--",
                "shrinkA": 34,
                "shrinkB": 34,
            },
        )
    for node in nodes:
        left, height = place[node.key]
        chosen = node.id == highlight
        solution = node.kind != "initiative"  # a national solution: a green box with square corners
        axes.text(
            left,
            height,
            "\n".join(label_lines(node.name)),
            ha="center",
            va="center",
            fontsize=FONT - 1,
            parse_math=False,
            bbox={
                "boxstyle": "round4,pad=0.4" if solution else "round,pad=0.4",
                "facecolor": "#e3f1e4" if solution else "#fff3c4" if chosen else "#eef3f8" if node.known else "#f5f5f5",
                "edgecolor": "#2e7d32" if solution else "#1f4e79" if node.known else "#9e9e9e",
                "linestyle": "-" if node.known else ":",
            },
        )
    axes.set_xlim(-1.4, top * 2.6 + 1.4)
    axes.set_ylim(-(rows - 0.5) * 0.75, 0.5)
    axes.set_axis_off()
    return figure


def focus_chart(names: list[str], counts: list[int], title: str) -> Any:
    """Initiatives per focus area."""
    return _bars(names, counts, SEGMENT_COLOURS[1], title, 0.4)


def state_chart(segments: Sequence[Section], title: str) -> Any:
    """For each segment that reports at a meeting, its initiatives by status colour, as stacked horizontal bars; "not
    reported" is its own (white, outlined) part."""
    figure = _figure(6, 0.5 * len(segments) + 1.3)
    axes = figure.add_subplot()
    positions = list(range(len(segments)))[::-1]
    left = [0] * len(segments)
    states = segments[0].colours if segments else ()
    for index, state in enumerate(states):
        counts = [s.colours[index].count for s in segments]
        axes.barh(
            positions,
            counts,
            left=left,
            color=COLOURS[state.state],
            edgecolor="#616161",
            linewidth=0.5,
            label=_plain(state.text),
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(positions, [_plain(s.name) for s in segments])
    axes.set_title(_plain(title))
    axes.set_xlim(0, max(left, default=0) * 1.05 + 1)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, frameon=False, fontsize=FONT - 1)
    return figure


ROADMAP_ROWS = 60
"""The most initiatives a Word roadmap draws; the tables under it list every one."""


def roadmap_chart(rows: Sequence[RoadmapRow], date: str, title: str) -> Any:
    """Each initiative's phases as bars (light: planned; filled: actual, green on plan, red late) and its milestones
    as diamonds (hollow: planned; filled: reached), with a dashed line at `date`."""
    import datetime

    from matplotlib.dates import date2num

    def day(value: str) -> float:
        return float(date2num(datetime.date.fromisoformat(value)))  # type: ignore[no-untyped-call]

    shown = list(rows)[:ROADMAP_ROWS]
    figure = _figure(7, 0.42 * len(shown) + 1.0)
    axes = figure.add_subplot()
    for index, row in enumerate(shown):
        y = len(shown) - 1 - index
        for phase in row.phases:
            if phase.planned_start and phase.planned_end:
                start = day(phase.planned_start)
                axes.barh(y + 0.18, day(phase.planned_end) - start, left=start, height=0.25, color="#9fb7cf")
            if phase.actual_start:
                start = day(phase.actual_start)
                colour = COLOURS["rød"] if phase.slipped else COLOURS["grønn"]
                axes.barh(y - 0.12, max(day(phase.drawn_end) - start, 1), left=start, height=0.3, color=colour)
        for milestone in row.milestones:
            if milestone.planned:
                axes.scatter(
                    [day(milestone.planned)], [y + 0.18], marker="D", s=22, color="white", edgecolors="#1f4e79"
                )
            if milestone.actual:
                colour = COLOURS["rød"] if milestone.slipped else COLOURS["grønn"]
                axes.scatter([day(milestone.actual)], [y - 0.12], marker="D", s=22, color=colour)
    if date:
        axes.axvline(day(date), color="#8a4b00", linestyle="--", linewidth=1.2)
    axes.set_yticks(range(len(shown)), [_plain(r.name) for r in reversed(shown)])
    axes.xaxis_date()
    axes.set_title(_plain(title))
    axes.spines[["top", "right"]].set_visible(False)
    return figure
