"""Reports rendered from templates/reports/<kind>.<md|html>.j2, with a portfolio's own templates first when it has
them (rendered in the sandbox, see store/templates.py). HTML gets its charts and graph as inline SVG.
Word documents render from templates/reports/<kind>.docx (see reports/word.py).

A `Renderer` serves one run: it builds its Jinja environment once, so that every page of a site renders from the
same environment and each template is compiled once."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ehportfolio.i18n.catalogues import N_
from ehportfolio.reports import template_contexts as tc

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

from ehportfolio.domain.errors import UserError
from ehportfolio.i18n.messages import install_texts, text

EXTENSIONS = {"markdown": "md", "html": "html", "docx": "docx"}
# The text alternative of each chart in HTML (a key of the report's messages), by the name templates know it as.
LABELS = {
    "segments": N_("report.chart.segments"),
    "trend": N_("report.chart.trend"),
    "states": N_("report.chart.colours"),
    "focus": N_("report.chart.focus"),
    "graph": N_("report.dependencies"),
    "roadmap": N_("report.roadmap.chart"),
}


class TemplateFailure(UserError):
    """A template that is missing, or failed or was refused while rendering; `key` names the message."""


def _template_place(error: BaseException) -> str:
    """`, <template>:<line>` of the innermost template frame of a rendering error (Jinja maps its frames to template
    lines), or nothing when no template frame is there."""
    place = ""
    frame = error.__traceback__
    while frame is not None:
        filename = frame.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f", {filename}:{frame.tb_lineno}"
        frame = frame.tb_next
    return place


def template_name(kind: str, fmt: str) -> str:
    """Where a kind's template lies in a template directory: a Word document for docx, else a Jinja text file."""
    return f"reports/{kind}.docx" if fmt == "docx" else f"reports/{kind}.{EXTENSIONS[fmt]}.j2"


def figures(context: tc.Report, *, sheet_graph: bool = True) -> dict[str, Any]:
    """The matplotlib figure of each chart the context calls for, by the name templates know it as; without a fact
    sheet's dependency graph when `sheet_graph` is false (HTML draws that one by hand, see `html_figures`)."""
    from ehportfolio.reports import charts

    found: dict[str, Any] = {}

    if isinstance(context, tc.Overview):
        segments = [s for s in context.segments if s.key in ("samstyre", "koordinere", "observere", "inspirere")]
        found["segments"] = charts.segment_chart(
            [s.name for s in segments], [s.count for s in segments], text(context.lang, LABELS["segments"])
        )
    if isinstance(context, tc.Initiative) and context.trend:
        found["trend"] = charts.trend_chart(context.trend, text(context.lang, LABELS["trend"]))
    if isinstance(context, tc.Meeting) and context.segments and context.started:
        found["states"] = charts.state_chart(context.segments, text(context.lang, LABELS["states"]))
    if isinstance(context, tc.Definition) and context.by_focus and context.stage in ("", "strategi"):
        areas = context.by_focus
        names = [a.code or text(context.lang, "report.no_focus") for a in areas]
        found["focus"] = charts.focus_chart(names, [a.count for a in areas], text(context.lang, LABELS["focus"]))
    if isinstance(context, tc.Roadmap) and context.groups and not sheet_graph:
        pass  # HTML draws the roadmap by hand (see `html_figures`)
    elif isinstance(context, tc.Roadmap) and context.groups:
        rows = [row for group in context.groups for row in group.rows]
        found["roadmap"] = charts.roadmap_chart(rows, context.date, text(context.lang, LABELS["roadmap"]))
    if isinstance(context, tc.Overview | tc.Initiative) and context.graph.edges:
        if isinstance(context, tc.Initiative) and not sheet_graph:
            return found
        highlight = context.id if isinstance(context, tc.Initiative) else ""
        found["graph"] = charts.dependency_graph(context.graph.nodes, context.graph.edges, highlight)
    return found


def html_figures(context: tc.Report) -> dict[str, Markup]:
    """Each chart the context calls for as an inline `<svg>` element: a fact sheet's dependency graph drawn by hand
    (reports/svg_graph.py, a site has one per initiative), the other charts with matplotlib."""
    from markupsafe import Markup, escape

    from ehportfolio.reports import svg_graph
    from ehportfolio.reports.charts import svg

    # safe: matplotlib escapes the text it writes into the SVG, and svg_graph escapes every piece of user text;
    # `svg` escapes the label
    drawn = {
        key: Markup(svg(figure, key, text(context.lang, LABELS[key])))
        for key, figure in figures(context, sheet_graph=False).items()
    }
    if isinstance(context, tc.Roadmap):
        from ehportfolio.reports.roadmap_svg import roadmap_svg

        labels = {
            "planned": text(context.lang, "report.roadmap.planned"),
            "actual": text(context.lang, "report.roadmap.actual"),
            "original": text(context.lang, "report.roadmap.original"),
            "date": text(context.lang, "report.date"),
            "label": text(context.lang, LABELS["roadmap"]),
        }
        drawn["roadmap"] = Markup(roadmap_svg(context, labels))  # safe: roadmap_svg escapes all user text
    if isinstance(context, tc.Initiative | tc.Benefits):
        from ehportfolio.reports.benefit_svg import benefit_svg

        rows = context.benefits if isinstance(context, tc.Initiative) else [r for g in context.groups for r in g.rows]
        for row in rows:  # safe: benefit_svg escapes all user text
            drawn[f"benefit:{row.initiative}:{row.id}"] = Markup(benefit_svg(row))
    if isinstance(context, tc.Initiative) and context.graph.edges:
        graph = context.graph
        drawn_graph = svg_graph.dependency_graph(graph.nodes, graph.edges, context.id, prefix="graph")
        label = escape(text(context.lang, LABELS["graph"]))
        drawn["graph"] = Markup(drawn_graph.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
    return drawn


class Renderer:
    """Renders the reports of one run from the shipped templates and the portfolio's own (`user_dirs`). The Jinja
    environment is built on first use and kept; so is the Word environment."""

    def __init__(self, user_dirs: Sequence[str]) -> None:
        self.user_dirs = tuple(user_dirs)

    @functools.cached_property
    def environment(self) -> Environment:
        from ehportfolio.store.templates import environment

        return environment(self.user_dirs)

    @functools.cached_property
    def word_environment(self) -> Environment:
        from ehportfolio.store.templates import word_environment

        return word_environment()

    def render(self, kind: str, fmt: str, context: tc.Report) -> str | bytes:
        """The report as text, or as the bytes of a Word document for `docx`."""
        if fmt == "docx":
            from ehportfolio.reports.word import render as render_word

            install_texts(self.word_environment, context.lang)
            return render_word(kind, context, self.user_dirs, self.word_environment)
        return self._render_text(template_name(kind, fmt), fmt, context)

    def _render_text(self, name: str, fmt: str, context: tc.Report) -> str:
        from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
        from jinja2.exceptions import SecurityError

        values = tc.top_level(context)
        if fmt == "html":
            values["figures"] = html_figures(context)
        install_texts(self.environment, context.lang)
        try:
            template = self.environment.get_template(name)
            return template.render(values)
        except TemplateNotFound as exc:
            dirs = ", ".join(self.user_dirs) or "–"
            raise TemplateFailure("report.template_missing", name=exc.name or name, dirs=dirs) from None
        except SecurityError as exc:
            raise TemplateFailure("report.template_unsafe", name=name, error=str(exc)) from None
        except TemplateSyntaxError as exc:
            where = f", {exc.filename or exc.name or name}:{exc.lineno}"
            raise TemplateFailure("report.template_error", name=name, line=where, error=exc.message) from None
        except UndefinedError as exc:
            raise TemplateFailure("report.template_error", name=name, line="", error=str(exc)) from None
        except TemplateError as exc:
            raise TemplateFailure("report.template_error", name=name, line="", error=str(exc)) from None
        except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            # what a template's own expressions can raise while it renders ({{ 1/0 }}, an include of itself)
            where = _template_place(exc)
            raise TemplateFailure(
                "report.template_error", name=name, line=where, error=f"{type(exc).__name__}: {exc}"
            ) from None
