"""National solutions in the reports: their own kind of node in the dependency graph (a green hexagon in the HTML
drawing, a hexagon in Mermaid), a legend line, and named with their kind among a fact sheet's dependencies."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import invoke
from helpers import KOORDINERE, KOORDINERE_STATUS, SAMSTYRE, calendar_portfolio

from ehportfolio.reports import svg_graph
from ehportfolio.reports.contexts import SolutionName, graph

SVG = "{http://www.w3.org/2000/svg}"
ON_KJERNEJOURNAL = KOORDINERE.replace("id: felles", "id: kjernejournal")
REGISTER = {"kjernejournal": SolutionName("Kjernejournal", "national_solution")}


def boxes(root: ET.Element) -> dict[str, ET.Element]:
    """Each node's group by the id in its title."""
    return {g.findtext(f"{SVG}title", ""): g for g in root.iter(f"{SVG}g")}


def figure(html: str) -> ET.Element:
    found = re.search(r'<figure class="figure">(<svg.*?</svg>)</figure>', html, re.S)
    assert found, html
    return ET.fromstring(found.group(1))


def test_a_national_solution_is_a_known_node_of_its_own_kind() -> None:
    drawn = graph({"a": "Alfa"}, [("a", "kjernejournal", "strong"), ("a", "ukjent", "weak")], {"a"}, REGISTER)
    nodes = {n.id: n for n in drawn.nodes}
    assert (nodes["kjernejournal"].kind, nodes["kjernejournal"].name, nodes["kjernejournal"].known) == (
        "national_solution",
        "Kjernejournal",
        True,
    )
    assert nodes["a"].kind == nodes["ukjent"].kind == "initiative" and not nodes["ukjent"].known
    assert drawn.solutions
    assert not graph({"a": "Alfa"}, [("a", "ukjent", "weak")], {"a"}, REGISTER).solutions


def test_an_initiative_with_the_id_of_a_solution_stays_an_initiative_node() -> None:
    drawn = graph({"a": "Alfa", "kjernejournal": "Eget tiltak"}, [("a", "kjernejournal", "strong")], None, REGISTER)
    node = next(n for n in drawn.nodes if n.id == "kjernejournal")
    assert (node.kind, node.name) == ("initiative", "Eget tiltak")


def test_the_svg_draws_a_solution_as_a_green_hexagon_that_the_arrow_reaches() -> None:
    drawn = graph({"a": "Alfa"}, [("a", "kjernejournal", "strong")], {"a"}, REGISTER)
    root = ET.fromstring(svg_graph.dependency_graph(drawn.nodes, drawn.edges, "a"))
    found = boxes(root)
    solution, initiative = found["kjernejournal"], found["a"]
    assert solution.find(f"{SVG}rect") is None and initiative.find(f"{SVG}polygon") is None
    hexagon = solution.find(f"{SVG}polygon")
    assert hexagon is not None
    assert (hexagon.get("fill"), hexagon.get("stroke")) == (svg_graph.SOLUTION_FILL, svg_graph.SOLUTION_OUTLINE)
    corners = [tuple(float(v) for v in point.split(",")) for point in (hexagon.get("points") or "").split()]
    assert len(corners) == 6
    assert "".join(solution.itertext()).strip().endswith("Kjernejournal")
    (edge,) = root.findall(f"{SVG}path")
    end = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", edge.get("d", ""))][-2:]
    assert tuple(end) == min(corners)  # the arrow's tip is the hexagon's left point


def test_a_koordinere_initiative_on_kjernejournal_passes_check_and_its_graph_shows_kjernejournal(
    tmp_path: Path,
) -> None:
    root = calendar_portfolio(tmp_path / "p", avhengig=ON_KJERNEJOURNAL)
    checked = invoke("check", str(root), "--strict")
    assert checked.code == 0, checked.out
    code, html, err = invoke("report", "initiative", "avhengig", "-f", "html", "--path", str(root))
    assert code == 0, err
    node = boxes(figure(html))["kjernejournal"]
    assert node.find(f"{SVG}polygon") is not None and "Kjernejournal" in "".join(node.itertext())
    assert "Grønne noder er nasjonale løsninger" in html
    assert "Kjernejournal (<code>kjernejournal</code>, nasjonal e-helseløsning): sterk" in html
    code, markdown, _ = invoke("report", "initiative", "avhengig", "--path", str(root), "--lang", "nn")
    mermaid = markdown.split("```mermaid", 1)[1].split("```", 1)[0]
    key = re.search(r'^  (n\d+)\{\{"Kjernejournal"\}\}$', mermaid, re.M)
    assert key and f"class {key.group(1)} solution" in mermaid and "classDef solution" in mermaid
    assert "Kjernejournal (`kjernejournal`, nasjonal e-helseløysing): sterk" in markdown


def test_a_site_does_not_link_a_national_solution_to_a_fact_sheet(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE, avhengig=ON_KJERNEJOURNAL)
    out = tmp_path / "site"
    code, _, err = invoke("report", "site", "--out", str(out), "-f", "html", "--path", str(root))
    assert code == 0, err
    sheet = (out / "initiatives" / "avhengig.html").read_text(encoding="utf-8")
    assert "Kjernejournal" in sheet and "kjernejournal.html" not in sheet
    assert not (out / "initiatives" / "kjernejournal.html").exists()
    assert "Kjernejournal" in (out / "index.html").read_text(encoding="utf-8")  # the overview's graph


def test_a_register_name_in_the_reports_language_is_used(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", avhengig=KOORDINERE.replace("id: felles", "id: felles-epj"))
    register = "solutions:\n  - id: felles-epj\n    name: Felles EPJ\n    name_en: Shared EHR\n    kind: shared_epj\n"
    (root / "solutions.yaml").write_text(register, encoding="utf-8")
    settings = root / "portfolio.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "solutions: solutions.yaml\n", encoding="utf-8")
    _, english, _ = invoke("report", "initiative", "avhengig", "--path", str(root), "--lang", "en")
    assert "Shared EHR (`felles-epj`, shared EPJ development): strong" in english
    _, bokmal, _ = invoke("report", "initiative", "avhengig", "--path", str(root))
    assert "Felles EPJ (`felles-epj`, felles EPJ-utvikling): sterk" in bokmal


def test_a_meeting_paper_names_a_national_solution_a_status_report_follows(tmp_path: Path) -> None:
    status = KOORDINERE_STATUS.replace("id: felles", "id: kjernejournal")
    root = calendar_portfolio(tmp_path / "p", {"2021-nuit-2/avhengig": status}, avhengig=ON_KJERNEJOURNAL)
    args = ("--committee", "NUIT", "--date", "2021-05-06", "--path", str(root))
    code, out, err = invoke("report", "meeting", *args)
    assert code == 0, err
    assert "| Kjernejournal (`kjernejournal`) | Et API for deling |" in out
