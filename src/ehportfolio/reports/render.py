"""Reports rendered from templates/reports/<kind>.<md|html>.j2, with a portfolio's own templates first when it has
them (rendered in the sandbox, see templating.environment). HTML gets its charts and graph as inline SVG.
Word documents render from templates/reports/<kind>.docx (see formats/word.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ehportfolio.domain.errors import UserError

EXTENSIONS = {"markdown": "md", "html": "html", "docx": "docx"}
KINDS = ("overview", "initiative", "meeting", "definition")


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


def figures(context: dict[str, Any]) -> dict[str, Any]:
    """The matplotlib figure of each chart the context calls for, by the name templates know it as."""
    from ehportfolio.reports import charts

    found: dict[str, Any] = {}
    t = context["t"]
    if context["kind"] == "overview":
        segments = [s for s in context["segments"] if s["key"] in ("samstyre", "koordinere", "observere", "inspirere")]
        found["segments"] = charts.segment_chart(
            [s["name"] for s in segments], [s["count"] for s in segments], t["chart.segments"]
        )
    if context["kind"] == "initiative" and context["trend"]:
        found["trend"] = charts.trend_chart(context["trend"], t["chart.trend"])
    if context["kind"] == "meeting" and context["segments"]:
        found["states"] = charts.state_chart(context["segments"], t["chart.colours"])
    if context["kind"] == "definition" and context["by_focus"]:
        areas = context["by_focus"]
        names = [a["code"] or t["no_focus"] for a in areas]
        found["focus"] = charts.focus_chart(names, [a["count"] for a in areas], t["chart.focus"])
    graph = context.get("graph")
    if graph and graph["edges"]:
        found["graph"] = charts.dependency_graph(graph["nodes"], graph["edges"], context.get("id", ""))
    return found


def render(kind: str, fmt: str, context: dict[str, Any], user_dirs: Sequence[str]) -> str | bytes:
    """The report as text, or as the bytes of a Word document for `docx`."""
    if fmt == "docx":
        from ehportfolio.reports.word import render as render_word

        return render_word(kind, context, user_dirs)
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    from ehportfolio.store.templates import environment

    name = template_name(kind, fmt)
    values = dict(context)
    if fmt == "html":
        from markupsafe import Markup

        from ehportfolio.reports.charts import svg

        # safe: matplotlib escapes the text it writes into the SVG
        values["figures"] = {key: Markup(svg(figure, key)) for key, figure in figures(context).items()}
    try:
        template = environment(user_dirs).get_template(name)
        return template.render(values)
    except TemplateNotFound as exc:
        dirs = ", ".join(user_dirs) or "–"
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
