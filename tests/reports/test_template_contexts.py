"""The contract between the report contexts and the templates: every field is documented and in
docs/report-contexts.md; every name a shipped template uses is a field; every shipped template renders in the sandbox
with StrictUndefined over the shipped portfolio; the contexts hold plain values only; the sandbox keeps methods and
private attributes out of reach."""

from __future__ import annotations

import dataclasses
import datetime
import typing
from collections.abc import Mapping
from pathlib import Path

import pytest
from jinja2 import nodes
from jinja2.exceptions import SecurityError, UndefinedError
from test_contexts import shipped

from ehportfolio.i18n.messages import install_texts, text
from ehportfolio.reports import contexts
from ehportfolio.reports import template_contexts as tc
from ehportfolio.reports.contextdocs import classes, field_docs, reference
from ehportfolio.reports.kinds import KINDS
from ehportfolio.reports.render import Renderer, template_name
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import Portfolio, load_portfolio
from ehportfolio.store.templates import environment, template_dir

__all__ = ["shipped"]  # the fixture, shared with test_contexts
ROOT = Path(__file__).parents[2]
DAY = datetime.date(2021, 6, 1)


def every_context(portfolio: Portfolio) -> list[tc.Report]:
    """One context of each kind from the shipped portfolio: the overview, every fact sheet, a meeting, a definition."""
    cadence = load_cadence()
    shared = contexts.prepare(portfolio, cadence, "nb", DAY)
    return [
        contexts.overview(shared, links=True),
        *(contexts.initiative(shared, entry) for entry in portfolio.entries),
        contexts.meeting(portfolio, cadence, "NUIT", datetime.date(2021, 5, 6), "12/21", "Beslutning", "en"),
        contexts.definition(portfolio, cadence, 2021, "nb", DAY),
    ]


@pytest.fixture(scope="module")
def portfolio(shipped: Path) -> Portfolio:
    return load_portfolio(str(shipped), statuses=True)


def test_the_reference_page_is_what_the_generator_writes() -> None:
    committed = (ROOT / "docs" / "report-contexts.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: python -m ehportfolio.reports.contextdocs docs/report-contexts.md"


def test_every_field_of_every_context_class_is_documented() -> None:
    for cls in classes():
        assert cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("), cls
        docs = field_docs(cls)
        assert not [f.name for f in dataclasses.fields(cls) if not docs.get(f.name)], cls


def attributes_of_top_level(tree: nodes.Template) -> set[tuple[str, str]]:
    """Every `name.attr` in a template where `name` is not assigned in it (a context variable)."""
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    return {
        (node.node.name, node.attr)
        for node in tree.find_all(nodes.Getattr)
        if isinstance(node.node, nodes.Name) and node.node.name not in assigned
    }


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_every_name_a_shipped_template_uses_is_a_field(kind: str, fmt: str) -> None:
    from jinja2 import meta

    cls = KINDS[kind].context
    hints = typing.get_type_hints(cls)
    names = {tc.template_name(f.name) for f in dataclasses.fields(cls)}
    parts = [template_name(kind, fmt)]
    if "graph" in names:
        parts.append("reports/mermaid.md.j2" if fmt == "markdown" else "reports/graph.html.j2")
    if fmt == "html":
        parts.append("reports/base.html.j2")
    for part in parts:
        tree = environment().parse((template_dir() / part).read_text(encoding="utf-8"))
        used = meta.find_undeclared_variables(tree)
        assert used - names - {"figures", "too_large"} == set(), (kind, fmt, part)
        for name, attr in attributes_of_top_level(tree):
            hint = hints.get(name)
            if isinstance(hint, type) and dataclasses.is_dataclass(hint):
                fields = {tc.template_name(f.name) for f in dataclasses.fields(hint)}
                assert attr in fields, (kind, fmt, name, attr)


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
def test_every_shipped_template_renders_in_the_sandbox_over_the_shipped_portfolio(
    portfolio: Portfolio, tmp_path: Path, fmt: str
) -> None:
    renderer = Renderer([str(tmp_path)])  # an empty directory of the portfolio's own: the sandbox, shipped templates
    assert type(renderer.environment).__name__ == "ImmutableSandboxedEnvironment"
    for context in every_context(portfolio):
        if fmt == "docx" and isinstance(context, tc.Initiative) and context.id != "helseplattformen":
            continue  # one fact sheet in Word is enough, and Word is slow
        assert renderer.render(context.kind, fmt, context)


def plain(value: object) -> bool:
    """Whether a value is what a context may hold: text, a number, a boolean, a texts mapping, a tuple of those, or
    a context class of plain values."""
    if isinstance(value, bool | int | float | str):
        return True
    if isinstance(value, tuple):
        return all(plain(v) for v in value)
    if isinstance(value, Mapping):
        return all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    if isinstance(value, tc.Fields):
        return all(plain(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def test_contexts_hold_plain_values_only_and_are_frozen(portfolio: Portfolio) -> None:
    for context in every_context(portfolio):
        assert plain(context), context.kind
        with pytest.raises(dataclasses.FrozenInstanceError):
            context.title = "changed"  # type: ignore[misc]


def test_a_field_reads_as_an_attribute_or_an_item_and_from_is_from() -> None:
    row = tc.HistoryRow(date="2021-01-10", kind="vedtak", from_="Koordinere", to="Samstyre", reason="r", ref="")
    env = environment([str(ROOT / "no-such-dir")])
    source = '{{ row.to }} {{ row["to"] }} {{ row.from }}|{{ row["from"] }}|{{ _("report.col.segment") }}'
    install_texts(env, "nn")  # in the sandbox too, a fixed text is a message of the catalogue
    assert env.from_string(source).render(row=row) == (
        f"Samstyre Samstyre Koordinere|Koordinere|{text('nn', 'report.col.segment')}"
    )
    with pytest.raises(KeyError):
        env.from_string('{{ _("report.no_such_text") }}').render()
    with pytest.raises(KeyError):
        row["from_"]


@pytest.mark.parametrize(
    "expression",
    [
        "row.__class__",
        "row.__getitem__",
        "row.__dataclass_fields__",
        'row["__class__"]',
        "row.__class__.__mro__",
        "_.__globals__",
        "_.__closure__",
    ],
)
def test_the_sandbox_keeps_methods_and_private_attributes_out_of_reach(expression: str) -> None:
    row = tc.SegmentCount(name="Samstyre", count=3)
    env = environment([str(ROOT / "no-such-dir")])
    install_texts(env, "nb")
    with pytest.raises((SecurityError, UndefinedError)):
        env.from_string("{{ " + expression + " }}").render(row=row)


def test_a_fact_sheet_reads_only_its_neighbours(portfolio: Portfolio) -> None:
    """The shared indexes give the same dependencies as a scan over everyone would."""
    shared = contexts.prepare(portfolio, load_cadence(), "nb", DAY)
    for entry in portfolio.entries:
        sheet = contexts.initiative(shared, entry)
        scanned = [m.id for m in shared.everyone for d in m.initiative.dependencies if d.id == entry.id]
        assert [o.id for o in sheet.depended_by] == scanned
