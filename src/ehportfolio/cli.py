"""The `ehp` command line: options in, one call to a command module, its exit status out. The only module that imports
typer."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="ehp",
    help="Porteføljestyring for nasjonal e-helseportefølje: inclusion, segments and checks for initiatives in YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Lang(StrEnum):
    nb = "nb"
    en = "en"


class AssessFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    sarif = "sarif"


class SegmentFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


LangOption = Annotated[
    Lang, typer.Option("--lang", envvar="EHP_LANG", help="Language of the output: nb (Norwegian bokmål) or en.")
]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"ehp {version('ehportfolio')}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Porteføljestyring 2.0 for the national e-health portfolio."""


@app.command()
def assess(
    file: Annotated[Path, typer.Argument(help="An initiative file (YAML).", show_default=False)],
    fmt: Annotated[AssessFormat, typer.Option("--format", "-f", help="Output format.")] = AssessFormat.text,
    lang: LangOption = Lang.nb,
) -> None:
    """Explain one proposal: is it in the portfolio, in which segment, and which answer decided each step.

    Exit status: 0 decided (in or out), 1 undecided, 2 input that cannot be read.
    """
    from .commands import assess as command

    raise typer.Exit(command.run(str(file), fmt.value, lang.value))


@app.command()
def segment(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A portfolio directory (portfolio.yaml and initiatives/) or a directory of initiative files; "
            "default portfolio/ if there is one, else the current directory.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[SegmentFormat, typer.Option("--format", "-f", help="Output format.")] = SegmentFormat.text,
    lang: LangOption = Lang.nb,
) -> None:
    """Classify the whole portfolio, grouped by segment, and flag recorded segments that differ without a reason.

    Exit status: 0 all decided, 1 some undecided or files with problems, 2 some file could not be read.
    """
    from .commands import segment as command
    from .portfolio import default_root

    raise typer.Exit(command.run(str(path) if path else default_root(), fmt.value, lang.value))


@app.command()
def check(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="The portfolio directory; default portfolio/ if there is one, else the current directory.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    lang: LangOption = Lang.nb,
) -> None:
    """Validate every file and rule of a portfolio, as CI does on a pull request, and print each finding.

    Exit status: 0 clean (warnings allowed unless --strict), 1 findings that fail, 2 when it could not run.
    """
    from .commands import check as command
    from .portfolio import default_root

    raise typer.Exit(command.run(str(path) if path else default_root(), fmt.value, strict, lang.value))


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def diff(
    base: Annotated[str, typer.Argument(help="The git revision to compare from, such as main or HEAD~1.")],
    head: Annotated[
        str | None, typer.Argument(help="The git revision to compare to; default the working tree.", show_default=False)
    ] = None,
    path: Annotated[
        Path | None,
        typer.Option(
            "--path", help="The portfolio directory; default portfolio/ if there is one, else the current one."
        ),
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    lang: LangOption = Lang.nb,
) -> None:
    """Compare two git revisions of the portfolio: initiatives added and removed, inclusion, segments and answers.

    Exit status: 0 compared, 2 when a revision or the repository cannot be read.
    """
    from .commands import diff as command
    from .portfolio import default_root

    raise typer.Exit(command.run(base, head, str(path) if path else default_root(), fmt.value, lang.value))


class SchemaKind(StrEnum):
    initiative = "initiative"
    portfolio = "portfolio"
    taxonomy = "taxonomy"
    actors = "actors"


@app.command()
def schema(
    kind: Annotated[
        SchemaKind | None,
        typer.Argument(help="Which file's schema; default initiative, or every kind with --out.", show_default=False),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write <kind>.schema.json files into this directory.", show_default=False),
    ] = None,
    checklist_version: Annotated[
        str, typer.Option("--checklist", help="The checklist version whose questions to use.")
    ] = "2020",
    lang: LangOption = Lang.nb,
) -> None:
    """Print or write JSON Schemas for initiative, portfolio, taxonomy and actors files, for editors.

    With the YAML language server, a file starting with `# yaml-language-server: $schema=…` is checked and completed
    while it is typed; each checklist key shows its question.
    """
    from .commands import schema as command

    raise typer.Exit(
        command.run(kind.value if kind else None, str(out) if out else None, checklist_version, lang.value)
    )


class Strategy(StrEnum):
    s2023 = "2023-2030"
    s2017 = "2017-2022"


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="The directory of the new portfolio repository.")],
    name: Annotated[str, typer.Option("--name", help="The portfolio's name.")] = "Nasjonal e-helseportefølje",
    year: Annotated[int, typer.Option("--year", help="The portfolio year; default next year.", show_default=False)] = 0,
    strategy: Annotated[
        Strategy, typer.Option("--strategy", help="The e-health strategy for the taxonomy.")
    ] = Strategy.s2023,
    requirement: Annotated[
        str, typer.Option("--requirement", help="What CI installs with pip to get ehp.")
    ] = "ehportfolio",
    lang: LangOption = Lang.nb,
) -> None:
    """Scaffold a portfolio repository: settings, actors, taxonomy, schemas, and CI that checks every pull request.

    Writes portfolio.yaml, initiatives/, actors.yaml, taxonomy.yaml, schema/, a GitHub Actions workflow, a GitLab CI
    job and a pre-commit configuration. It refuses to overwrite a file that exists.
    """
    import datetime

    from .commands import init as command

    chosen = year or datetime.date.today().year + 1
    raise typer.Exit(command.run(str(directory), name, chosen, strategy.value, requirement, lang.value))
