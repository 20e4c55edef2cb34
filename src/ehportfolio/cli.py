"""The `ehp` command line: options in, one call to a command module, its exit status out. The only module that imports
typer."""

from __future__ import annotations

import copy
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

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
    status = "status"


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
    """Print or write JSON Schemas for initiative, portfolio, taxonomy, actors and status files, for editors.

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


class SegmentChoice(StrEnum):
    samstyre = "samstyre"
    koordinere = "koordinere"
    observere = "observere"
    inspirere = "inspirere"


class StatusChoice(StrEnum):
    active = "active"
    finished = "finished"
    withdrawn = "withdrawn"


PathOption = Annotated[
    Path | None,
    typer.Option("--path", help="The portfolio directory; default portfolio/ if there is one, else the current one."),
]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why: the reason recorded with the entry.")]
RefOption = Annotated[str | None, typer.Option("--ref", help='The case it was decided in, such as "NUIT sak 12/21".')]
DateOption = Annotated[
    str | None, typer.Option("--date", help="The date of the decision, YYYY-MM-DD; default today.", show_default=False)
]
FutureOption = Annotated[bool, typer.Option("--allow-future", help="Accept a date after today.")]


def _root(path: Path | None) -> str:
    from .portfolio import default_root

    return str(path) if path else default_root()


@app.command()
def decide(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The initiative's id.")],
    reason: ReasonOption,
    segment: Annotated[SegmentChoice | None, typer.Option("--segment", help="The decided segment.")] = None,
    out: Annotated[bool, typer.Option("--out", help="Decide that it is not in the portfolio.")] = False,
    status: Annotated[StatusChoice | None, typer.Option("--status", help="Decide a new status.")] = None,
    ref: RefOption = None,
    date: DateOption = None,
    allow_future: FutureOption = False,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Record the directorate's decision on an initiative: its segment, that it is out, or a new status.

    The decision is written into the initiative file as an entry of its history, keeping everything else in the file.
    """
    from .commands import lifecycle as command

    action = "status" if status else "out" if out else "decision"
    target = status.value if status else segment.value if segment else None
    raise typer.Exit(command.run(_root(path), ident, action, target, reason, ref, date, allow_future, lang.value))


@app.command()
def move(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The initiative's id.")],
    to: Annotated[SegmentChoice, typer.Option("--to", help="The segment it moves to.")],
    reason: ReasonOption,
    ref: RefOption = None,
    date: DateOption = None,
    allow_future: FutureOption = False,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Record a move between segments (section 4.7 of the report) as an entry of the initiative's history."""
    from .commands import lifecycle as command

    raise typer.Exit(command.run(_root(path), ident, "move", to.value, reason, ref, date, allow_future, lang.value))


@app.command()
def new(
    ident: Annotated[
        str | None, typer.Option("--id", help="The new initiative's id; default made from the name.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="The initiative's name.")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="The owner, an actor of the register.")] = None,
    focus_area: Annotated[str | None, typer.Option("--focus-area", help="A focus area code of the taxonomy.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="A short description.")] = None,
    answers: Annotated[
        list[str] | None,
        typer.Option(
            "--answer", help="A checklist answer as KEY=ja|nei; repeat for each question.", show_default=False
        ),
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt: fail on what is missing.")] = False,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Propose a new initiative: walk through the checklist question by question and write its file.

    After each answer it shows what follows, and it asks only what the decision still needs. Every prompt can be given
    as an option, so that a script can call it with no terminal.
    """
    from .commands import new as command

    raise typer.Exit(
        command.run(_root(path), ident, name, owner, focus_area, description, answers or [], not no_input, lang.value)
    )


@app.command()
def history(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The initiative's id.")],
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Show an initiative's life: created, answers changed, decided, moved, status changed, with date and commit."""
    from .commands import history as command

    raise typer.Exit(command.run(_root(path), ident, lang.value))


class TableFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


@app.command(name="import")
def import_(
    file: Annotated[Path, typer.Argument(help="A spreadsheet with the columns of table 5.2: .xlsx or .csv.")],
    mappings: Annotated[
        list[str] | None,
        typer.Option(
            "--map", help='A column of another name, as "COLUMN=FIELD"; repeat as needed.', show_default=False
        ),
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="The worksheet to read; default the first.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite initiative files that exist.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would be written, and write nothing.")
    ] = False,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Create initiative files from a spreadsheet: primært innsatsområde, navn, aktør, segment and kommentar."""
    from .commands import importing as command

    raise typer.Exit(command.run(_root(path), str(file), mappings or [], sheet, force, dry_run, lang.value))


@app.command()
def export(
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="The table's format.")] = TableFormat.csv,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The file to write; default standard output (not for xlsx).")
    ] = None,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Write the portfolio as one table, with each initiative's decision; the JSON suits publishing as open data."""
    from .commands import exporting as command

    raise typer.Exit(command.run(_root(path), fmt.value, str(out) if out else None, lang.value))


class CalendarFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def calendar(
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="The year; default the portfolio's year, or every meeting if it has none then.", min=2000
        ),
    ] = None,
    fmt: Annotated[CalendarFormat, typer.Option("--format", "-f", help="Output format.")] = CalendarFormat.text,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Show the year's committee meetings, the segments that report to each, and how many have reported.

    Exit status: 0 shown, 1 no meetings to show or files read with problems, 2 no portfolio.
    """
    from .commands import calendar as command

    raise typer.Exit(command.run(_root(path), year, fmt.value, lang.value))


status_app = typer.Typer(
    name="status",
    help="Status reports: one dated file per initiative per reporting round, status/<round>/<id>.yaml.",
    no_args_is_help=True,
)
app.add_typer(status_app)


@status_app.command("new")
def status_new(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The initiative's id.")],
    round_id: Annotated[
        str | None,
        typer.Option("--round", help="The round, such as 2021-nuit-2; default the next one due.", show_default=False),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The report's date, YYYY-MM-DD, and where the search for a round starts; default today.",
            show_default=False,
        ),
    ] = None,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Write a pre-filled status report for the next round the initiative is due at, with its segment's questions.

    A status report is never overwritten: the file is created whole, and refused when it is there.

    Exit status: 0 written, 1 refused (no round due, the segment does not report there, the file exists), 2 bad input.
    """
    from .commands import status as command

    raise typer.Exit(command.new(_root(path), ident, round_id, date, lang.value))


report_app = typer.Typer(
    name="report",
    help="Reports for committees and for people without an account: Markdown for the git platform, one HTML file, or "
    "a Word document from a Word template.",
    no_args_is_help=True,
)
app.add_typer(report_app)


class ReportFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    docx = "docx"


ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]
ReportOutOption = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="Write the report into this directory; default standard output.", show_default=False
    ),
]
ReportDateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="The report's date, YYYY-MM-DD, printed in its header; meetings up to it count as held. Default none: "
        "a report never reads the clock.",
        show_default=False,
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="A directory of your own templates (reports/<kind>.md.j2, reports/<kind>.html.j2, reports/<kind>.docx) "
        "that override the shipped ones; default <portfolio>/templates/ if there is one. They render in Jinja's "
        "sandbox.",
        show_default=False,
    ),
]


def _report(
    kind: str,
    ident: str | None,
    fmt: ReportFormat,
    out: Path | None,
    date: str | None,
    templates: Path | None,
    path: Path | None,
    lang: Lang,
    options: dict[str, Any] | None = None,
) -> None:
    from .commands import report as command

    raise typer.Exit(
        command.run(
            _root(path),
            kind,
            ident,
            fmt.value,
            str(out) if out else None,
            date,
            str(templates) if templates else None,
            lang.value,
            options,
        )
    )


@report_app.command("overview")
def report_overview(
    fmt: ReportFormatOption = ReportFormat.markdown,
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """The whole portfolio by segment, like table 5.2 of the report, with counts by segment, owner and focus area.

    Exit status: 0 written, 1 written but files read with problems, 2 bad input (a date, a template, the portfolio).
    """
    _report("overview", None, fmt, out, date, templates, path, lang)


@report_app.command("initiative")
def report_initiative(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The initiative's id.")],
    fmt: ReportFormatOption = ReportFormat.markdown,
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """A fact sheet: the checklist's explanation, the status trend across rounds, dependencies both ways, and the
    segment history.

    Exit status: 0 written, 1 written but files read with problems, 2 bad input (an id, a date, a template).
    """
    _report("initiative", ident, fmt, out, date, templates, path, lang)


class CaseType(StrEnum):
    Orientering = "Orientering"
    Drøfting = "Drøfting"
    Beslutning = "Beslutning"
    Godkjenning = "Godkjenning"


@report_app.command("meeting")
def report_meeting(
    committee: Annotated[str, typer.Option("--committee", help="The committee, such as NUIT.", show_default=False)],
    date: Annotated[
        str, typer.Option("--date", help="The meeting's date, YYYY-MM-DD, as in the calendar.", show_default=False)
    ],
    case: Annotated[
        str | None,
        typer.Option(
            "--case", help="The case number, N/YY; default x/YY for the secretary to fill in.", show_default=False
        ),
    ] = None,
    case_type: Annotated[
        CaseType, typer.Option("--case-type", help="The case type (sakstype).")
    ] = CaseType.Orientering,
    fmt: ReportFormatOption = ReportFormat.markdown,
    out: ReportOutOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """The committee paper (saksfremlegg) for one meeting of the calendar: Formål, Bakgrunn (the portfolio in
    numbers), the status of each segment that reports there, who has not reported, the changes since the committee's
    previous meeting, and Forslag til vedtak.

    Exit status: 0 written, 1 written but files read with problems, 2 bad input (a committee or date not in the
    calendar, a case number, a template).
    """
    options = {"committee": committee, "case": case, "case_type": case_type.value}
    _report("meeting", None, fmt, out, date, templates, path, lang, options)


@report_app.command("definition")
def report_definition(
    year: Annotated[int, typer.Option("--year", help="The year the definition is made in; it defines the next.")],
    fmt: ReportFormatOption = ReportFormat.markdown,
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """The annual portfolio definition, following NUIT's annual cycle: strategi og satsing, prioritering,
    balansering, planlegging for neste år, and Forslag til vedtak.

    Exit status: 0 written, 1 written but files read with problems, 2 bad input (a date, a template).
    """
    _report("definition", None, fmt, out, date, templates, path, lang, {"year": year})


@report_app.command("templates")
def report_templates(
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Which templates.")] = ReportFormat.docx,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="The portfolio's template directory to copy into; default <portfolio>/templates/.",
            show_default=False,
        ),
    ] = None,
    path: PathOption = None,
    lang: LangOption = Lang.nb,
) -> None:
    """Copy the shipped templates of one format (the Word templates by default) into the portfolio's own template
    directory, templates/reports/, to give its reports its own layout. A file that is there is never overwritten.

    Exit status: 0 copied, 1 some were there already and are kept, 2 nothing could be written.
    """
    from .commands import report as command

    raise typer.Exit(command.copy_templates(_root(path), fmt.value, str(templates) if templates else None, lang.value))


def _command_name(callback: Any) -> str:
    """The name typer gives a command registered without one: its function's, with dashes."""
    return str(callback.__name__).replace("_", "-")


def only(argv: list[str]) -> typer.Typer:
    """The app with only the command (or group) that `argv` names: typer builds every command's options before it
    runs one, and `ehp assess` should not pay for all the others. Anything else (no command, an option first, a name
    that is no command) gets the whole app, so that help and "no such command" stay as they are."""
    name = argv[0] if argv else ""
    commands = [c for c in app.registered_commands if c.callback and (c.name or _command_name(c.callback)) == name]
    groups = [g for g in app.registered_groups if g.typer_instance and g.typer_instance.info.name == name]
    if not commands and not groups:
        return app
    chosen = copy.copy(app)  # keeps the callback (--version), so a single command stays a subcommand
    chosen.registered_commands = commands
    chosen.registered_groups = groups
    return chosen
