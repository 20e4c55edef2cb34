"""The hand-drawn dependency graph of HTML fact sheets (reports/svg_graph.py): well-formed, escaped, deterministic."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import SAMSTYRE, calendar_portfolio
from typer.testing import CliRunner

from ehportfolio.cli.app import app
from ehportfolio.reports import svg_graph
from ehportfolio.reports.contexts import graph
from ehportfolio.reports.template_contexts import Graph

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = ["<script>alert(1)</script>", "A & B", 'say "hi"', "]]> <![CDATA[ x", "x' onload='y", "$x$ {{ 7*7 }}"]


def star() -> Graph:
    """One initiative with two that depend on it (one weakly) and two it depends on, one not in the portfolio."""
    names = {"mid": "Midten", "a": "Alfa", "b": "Beta med et langt navn som må brytes over flere linjer", "d": "Delta"}
    pairs = [("a", "mid", "strong"), ("b", "mid", "weak"), ("mid", "d", "strong"), ("mid", "ukjent", "weak")]
    return graph(names, pairs, {"mid"})


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def size(root: ET.Element) -> tuple[float, float]:
    """The width and height of the drawing, from its viewBox."""
    left, top, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert left == top == 0
    return width, height


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_a_graph_is_well_formed_svg_with_a_box_per_node_and_a_path_per_edge() -> None:
    drawn = star()
    root = parse(svg_graph.dependency_graph(drawn.nodes, drawn.edges, "mid"))
    assert root.tag == f"{SVG}svg"
    assert len(root.findall(f"{SVG}g/{SVG}rect")) == len(drawn.nodes) == 5
    edges = [p for p in root.findall(f"{SVG}path")]
    assert len(edges) == len(drawn.edges) == 4
    assert all(p.get("marker-end") == "url(#graph-arrow)" for p in edges)
    assert "Midten" in texts(root) and "Alfa" in texts(root)
    width, height = size(root)
    assert root.get("width") == "100%" and root.get("height") is None  # as wide as the page, up to its own width
    assert root.get("preserveAspectRatio") == "xMinYMin meet"
    assert root.get("style") == f"max-width: {root.get('viewBox', '').split()[2]}px"
    for rect in root.iter(f"{SVG}rect"):  # every box inside the picture
        x, y, w, h = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height"))
        assert x >= 0 and x + w <= width and y >= 0 and y + h <= height


def test_strong_edges_are_solid_weak_ones_dashed_and_unknown_ids_grey_and_dotted() -> None:
    drawn = star()
    root = parse(svg_graph.dependency_graph(drawn.nodes, drawn.edges, "mid"))
    dashes = [p.get("stroke-dasharray") for p in root.findall(f"{SVG}path")]
    assert dashes == [None if e.strength == "strong" else "5 3" for e in drawn.edges]
    boxes = {g.findtext(f"{SVG}title"): g.find(f"{SVG}rect") for g in root.findall(f"{SVG}g")}
    assert boxes["ukjent"] is not None and boxes["mid"] is not None and boxes["a"] is not None
    assert boxes["ukjent"].get("fill") == "#f5f5f5" and boxes["ukjent"].get("stroke-dasharray") == "1.5 2"
    assert boxes["mid"].get("fill") == "#fff3c4"  # the initiative the page is about
    assert boxes["a"].get("fill") == "#eef3f8" and boxes["a"].get("stroke-dasharray") is None


def test_a_long_name_is_wrapped_on_at_most_three_lines() -> None:
    drawn = graph({"x": "Ord " * 40, "y": "Y"}, [("x", "y", "strong")])
    root = parse(svg_graph.dependency_graph(drawn.nodes, drawn.edges))
    spans = [len(t.findall(f"{SVG}tspan")) for t in root.iter(f"{SVG}text")]
    assert sorted(spans) == [1, 3]
    assert any(text.endswith("…") for text in texts(root))


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_and_ids_come_out_as_text(name: str) -> None:
    drawn = graph({"x": name, "y": "Y"}, [("x", "y", "strong"), ("y", name, "weak")])
    svg = svg_graph.dependency_graph(drawn.nodes, drawn.edges, "y")
    root = parse(svg)  # well-formed whatever the names are
    assert "<script" not in svg and "]]>" not in svg and "<![CDATA[" not in svg
    shown = texts(root) + [t.text or "" for t in root.iter(f"{SVG}title")]
    assert name in shown or any(line in name for line in shown if line)  # the wrapped name, as text
    assert name in [t.text for t in root.iter(f"{SVG}title")]  # the unknown id, whole, as the box's tooltip
    assert all(
        el.tag in {f"{SVG}{t}" for t in ("svg", "defs", "marker", "path", "g", "title", "rect", "text", "tspan")}
        for el in root.iter()
    )


def test_the_same_graph_gives_the_same_bytes_and_the_prefix_makes_the_ids() -> None:
    drawn = star()
    first = svg_graph.dependency_graph(drawn.nodes, drawn.edges, "mid", prefix="graph")
    again = svg_graph.dependency_graph(star().nodes, star().edges, "mid", prefix="graph")
    assert first.encode() == again.encode()
    other = parse(svg_graph.dependency_graph(drawn.nodes, drawn.edges, "mid", prefix="sheet-2"))
    ids = [el.get("id") for el in other.iter() if el.get("id")]
    assert ids == ["sheet-2-arrow"]
    assert {p.get("marker-end") for p in other.findall(f"{SVG}path")} == {"url(#sheet-2-arrow)"}


def test_a_cycle_is_drawn_with_both_edges_apart() -> None:
    """a → b → c → a (ehp check reports it; the layering cuts it), and a self-dependency."""
    names = {"a": "A", "b": "B", "c": "C"}
    drawn = graph(names, [("a", "b", "strong"), ("b", "c", "strong"), ("c", "a", "weak"), ("b", "b", "weak")])
    svg = svg_graph.dependency_graph(drawn.nodes, drawn.edges, "a")
    root = parse(svg)
    paths = [p.get("d") for p in root.findall(f"{SVG}path")]
    assert len(paths) == 4 and len(set(paths)) == 4
    width = size(root)[0]
    for d in paths:  # every edge stays inside the picture
        numbers = [float(v) for pair in (d or "").replace("M", "").replace("C", "").split() for v in pair.split(",")]
        assert all(0 <= v <= width for v in numbers[::2])


def test_an_empty_graph_is_still_an_svg() -> None:
    root = parse(svg_graph.dependency_graph((), ()))
    assert root.tag == f"{SVG}svg" and root.find(f"{SVG}g") is None


def test_label_lines_are_the_word_graphs_too() -> None:
    assert svg_graph.label_lines("") == [""]
    assert svg_graph.label_lines("kort") == ["kort"]
    lines = svg_graph.label_lines("x" * 100)
    assert len(lines) == 3 and lines[-1].endswith("…") and all(len(line) <= 22 for line in lines)


def test_an_html_fact_sheet_carries_the_hand_drawn_graph_with_hostile_names_escaped(tmp_path: Path) -> None:
    name = '<script>alert(1)</script> & "q" ]]>'
    text = SAMSTYRE.replace("name: Felles", f"name: {json.dumps(name)}")
    other = SAMSTYRE.replace("Felles", "Avhengig") + "dependencies:\n  - id: felles\n    strength: weak\n"
    root = calendar_portfolio(tmp_path / "p", felles=text, avhengig=other)
    result = CliRunner().invoke(app, ["report", "initiative", "avhengig", "-f", "html", "--path", str(root)])
    assert result.exit_code == 0, result.output
    figure = re.search(r'<figure class="figure">(<svg.*?</svg>)</figure>', result.output, re.S)
    assert figure, result.output
    drawn = parse(figure.group(1))
    assert drawn.find(f"{SVG}metadata") is None  # not matplotlib's
    assert [p.get("stroke-dasharray") for p in drawn.findall(f"{SVG}path")] == ["5 3"]
    assert "<script" not in result.output and "&lt;script&gt;" in figure.group(1)


def points(d: str) -> list[tuple[float, float]]:
    """The points of a path of M and C commands, in order (control points included)."""
    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def outside(point: tuple[float, float], rect: ET.Element) -> float:
    """The signed distance of a point from a rounded rectangle's border: positive outside, negative inside."""
    x, y, w, h, r = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height", "rx"))
    qx = abs(point[0] - (x + w / 2)) - (w / 2 - r)
    qy = abs(point[1] - (y + h / 2)) - (h / 2 - r)
    return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r


GRAPHS = {
    "chain": (
        {"a": "A", "b": "B", "c": "C", "d": "D"},
        [("a", "b", "strong"), ("b", "c", "weak"), ("c", "d", "strong")],
    ),
    "star": (
        {"m": "Midten", "a": "Alfa", "b": "Beta med et langt navn som må brytes", "c": "C", "d": "D", "e": "E"},
        [("a", "m", "strong"), ("b", "m", "weak"), ("c", "m", "strong"), ("m", "d", "strong"), ("m", "e", "weak")],
    ),
    "cycle": ({"a": "A", "b": "B", "c": "C"}, [("a", "b", "strong"), ("b", "c", "strong"), ("c", "a", "weak")]),
    "self": ({"a": "A", "b": "B"}, [("a", "a", "weak"), ("a", "b", "strong")]),
    "skip": ({"a": "A", "b": "B", "c": "C"}, [("a", "b", "strong"), ("b", "c", "strong"), ("a", "c", "weak")]),
    "column": ({"a": "A", "b": "B", "c": "C"}, [("a", "c", "strong"), ("b", "c", "strong"), ("a", "b", "weak")]),
}


@pytest.mark.parametrize("kind", sorted(GRAPHS))
def test_every_arrow_tip_touches_its_target_box(kind: str) -> None:
    """Each edge ends on its target box's border (within 1 px), the marker's tip sits on the path's end, and the
    arrowhead lies outside the box, not under it."""
    names, pairs = GRAPHS[kind]
    drawn = graph(names, pairs, {next(iter(names))})
    root = parse(svg_graph.dependency_graph(drawn.nodes, drawn.edges))
    marker = root.find(f"{SVG}defs/{SVG}marker")
    assert marker is not None and marker.get("orient") == "auto" and marker.get("markerUnits") == "userSpaceOnUse"
    head = marker.find(f"{SVG}path")
    assert head is not None
    corners = points(head.get("d", ""))
    tip = max(corners)  # the vertex it points with
    assert (float(marker.get("refX", "")), float(marker.get("refY", ""))) == tip
    scale = float(marker.get("markerWidth", "")) / float((marker.get("viewBox") or "").split()[2])
    length = (tip[0] - min(corners)[0]) * scale  # of the arrowhead along the edge, in px
    boxes = {g.findtext(f"{SVG}title"): g.find(f"{SVG}rect") for g in root.findall(f"{SVG}g")}
    keys = {node.key: node.id for node in drawn.nodes}
    paths = root.findall(f"{SVG}path")
    assert len(paths) == len(drawn.edges)
    for path, edge in zip(paths, drawn.edges, strict=True):
        target = boxes[keys[edge.to]]
        assert target is not None
        *_, control, end = points(path.get("d", ""))
        assert abs(outside(end, target)) <= 1, (kind, edge, end)
        along = math.dist(control, end)
        base = (end[0] + (control[0] - end[0]) * length / along, end[1] + (control[1] - end[1]) * length / along)
        assert outside(base, target) > 0, (kind, edge, base)  # the arrowhead's back is out of the box
