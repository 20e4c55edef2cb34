"""The reference of what report templates receive, docs/report-contexts.md, generated from the classes of
template_contexts.py: each class with its docstring, and each field with its template name, its type and the
docstring under it. A test keeps the committed file equal to `reference()`.

    python -m ehportfolio.reports.contextdocs docs/report-contexts.md
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import sys
import typing
from collections.abc import Iterator, Mapping

from ehportfolio.reports import template_contexts as tc
from ehportfolio.reports.kinds import KINDS

INTRO = """\
# What report templates receive

Generated from `src/ehportfolio/reports/template_contexts.py` by `python -m ehportfolio.reports.contextdocs
docs/report-contexts.md`; a test keeps this file equal to the classes. Do not edit it by hand.

A portfolio's own templates (`templates/reports/<kind>.<md|html>.j2` or `<kind>.docx`, see `ehp report templates`)
receive one of the four contexts below as their variables, plus `figures` (the charts, in HTML as inline SVG and in
Word as images). A field reads as `row.name` or `row["name"]`; a list is a tuple, to loop over or take the `length`
of; `t` is a mapping of the fixed texts (`t.none`, `t["col.segment"]`). Templates render in Jinja's immutable sandbox
with `StrictUndefined`: a name that is not below is an error naming the template.
"""


def field_docs(cls: type) -> dict[str, str]:
    """The docstring under each field of a dataclass, by field name, from its source and its bases' (nearest
    first)."""
    found: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not dataclasses.is_dataclass(klass):
            continue
        node = ast.parse(inspect.getsource(klass)).body[0]
        assert isinstance(node, ast.ClassDef)
        for item, after in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(item, ast.AnnAssign)
                and isinstance(item.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                found[item.target.id] = " ".join(after.value.value.split())
    return found


def classes() -> Iterator[type]:
    """Every context class: the four kinds, then the classes they hold, in the order first met."""
    seen: list[type] = []
    queue: list[type] = [kind.context for kind in KINDS.values()]
    while queue:
        cls = queue.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        yield cls
        for hint in typing.get_type_hints(cls).values():
            queue.extend(_nested(hint))


def _nested(hint: object) -> list[type]:
    """The context classes a field's type holds."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return [hint]
    return [found for arg in typing.get_args(hint) for found in _nested(arg)]


def _anchor(cls: type) -> str:
    return f"[{cls.__name__}](#{cls.__name__.lower()})"


def type_name(hint: object) -> str:
    """A field's type as a template author reads it."""
    simple = {str: "text", int: "number", float: "decimal number", bool: "true or false"}
    if isinstance(hint, type) and hint in simple:
        return simple[hint]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _anchor(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        inner = args[0]
        plural = {str: "texts", int: "numbers"}
        return f"list of {plural[inner]}" if inner in plural else f"list of {type_name(inner)}"
    if origin is Mapping:
        return f"mapping of {type_name(args[1])} by key"
    raise ValueError(f"no template name for the type {hint!r}")


def reference() -> str:
    """The whole reference page, as Markdown."""
    parts = [INTRO]
    for cls in classes():
        kind = next((key for key, value in KINDS.items() if value.context is cls), None)
        heading = f"## {cls.__name__}" + (f" (`{kind}`)" if kind else "")
        docs = field_docs(cls)
        hints = typing.get_type_hints(cls)
        rows = [
            f"| `{tc.template_name(f.name)}` | {type_name(hints[f.name])} | {docs.get(f.name, '')} |"
            for f in dataclasses.fields(cls)
        ]
        doc = " ".join((cls.__doc__ or "").split())
        parts.append("\n".join([heading, "", doc, "", "| field | type | meaning |", "|---|---|---|", *rows, ""]))
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], "w", encoding="utf-8") as handle:
        handle.write(reference())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
