"""The CLI reference of the manual, docs/reference/cli.md, generated from the typer app: every command and group of
`ehp`, with its help text, usage, arguments, options and epilog, in bokmål (the default language of the help texts).
A test (tests/test_docs.py) runs this and compares; `make reference` rewrites the page.

    python scripts/cli_reference.py docs/reference/cli.md   # write the page
    python scripts/cli_reference.py                         # print it
"""

from __future__ import annotations

import sys
from typing import Any

INTRO = """\
# Kommandolinjen

Generert fra typer-appen av `python scripts/cli_reference.py docs/reference/cli.md` (`make reference`); en test
holder siden lik kommandolinjen. Ikke rediger den for hånd. Hver kommando er forklart mer utførlig på sin egen side
under *Commands* (på engelsk). Alle tekstene finnes også på engelsk: `ehp KOMMANDO --help --lang en`.
"""


def bokmal(text: str) -> str:
    """click's own brackets ([default: …], [env var: …], [required]) in the words typer's help page uses in bokmål."""
    from ehportfolio.i18n.catalogues import lookup

    default = lookup("nb", "[default: {}]").split("{}")[0].lstrip("[")
    envvar = lookup("nb", "[env var: {}]").split("{}")[0].lstrip("[")
    text = text.replace("[required]", lookup("nb", "[required]"))
    return text.replace("[env var: ", f"[{envvar}").replace("default: ", default)


def items(records: list[tuple[str, str]]) -> list[str]:
    """A help record (`--format, -f [text|json]`, its help) as one item of a Markdown list."""
    return [f"- `{name}`" + (f": {bokmal(' '.join(text.split()))}" if text else "") for name, text in records]


def section(command: Any, ctx: Any, depth: int) -> list[str]:
    """The part of the page for one command, then, for a group, for each of its commands. typer brings its own copy
    of click, so the command tree is read by what it does, not by click's classes."""
    path = ctx.command_path
    lines = ["#" * depth + f" `{path}`", ""]
    if command.help:
        lines += [command.help.strip(), ""]
    usage = " ".join(command.collect_usage_pieces(ctx))
    lines += ["```text", f"{path} {usage}".rstrip(), "```", ""]
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None:
            (arguments if param.param_type_name == "argument" else options).append(record)
    if arguments:
        lines += ["Argumenter:", "", *items(arguments), ""]
    if options:
        lines += ["Valg:", "", *items(options), ""]
    if command.epilog:
        lines += ["```text", command.epilog.strip("\n"), "```", ""]
    if hasattr(command, "list_commands"):
        names = command.list_commands(ctx)
        if names:
            lines += ["Kommandoer:", ""]
            for name in names:
                sub = command.get_command(ctx, name)
                assert sub is not None
                summary = (sub.short_help or sub.help or "").strip().split("\n\n")[0]  # the first paragraph, whole
                anchor = "-".join([*path.split(), name])  # the slug of its heading, `ehp report site`
                lines.append(f"- [`{name}`](#{anchor}): {' '.join(summary.split())}")
            lines.append("")
        for name in names:
            sub = command.get_command(ctx, name)
            assert sub is not None
            lines += section(sub, sub.context_class(sub, info_name=name, parent=ctx), depth + 1)
    return lines


def reference() -> str:
    """The whole page, as Markdown, with the help texts in bokmål whatever EHP_LANG says."""
    from ehportfolio.i18n.helptexts import choose

    choose([], {})  # before the app is imported: typer reads its help texts then
    import typer

    from ehportfolio.cli.app import app

    root = typer.main.get_command(app)
    return "\n".join([INTRO, *section(root, root.context_class(root, info_name="ehp"), 2)]).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print(__doc__, file=sys.stderr)
        return 2
    text = reference()
    if argv:
        with open(argv[0], "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
