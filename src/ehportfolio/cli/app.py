"""The `ehp` command line: options in, one call to a command module, its exit status out. The only module that imports
typer."""

from __future__ import annotations

import copy
import importlib
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ehportfolio.cli.boundary import LANG_KEY, Boundary, WordedCommand, WordedGroup
from ehportfolio.cli.exits import epilog
from ehportfolio.domain.fieldtypes import CASE_TYPES, CYCLE_STAGES, SCHEMA_KINDS, STRATEGIES
from ehportfolio.domain.roadmap import GROUPINGS
from ehportfolio.i18n.catalogues import N_, libraries_speaking
from ehportfolio.i18n.helptexts import chosen, h
from ehportfolio.i18n.messages import LANGUAGES
from ehportfolio.output import formats

app = typer.Typer(
    name="ehp",
    cls=Boundary,
    help=h("app"),
    epilog=epilog(chosen()),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# The choices of the command line, from the tuples that define them (a new format or segment is one edit there)
Lang = StrEnum("Lang", {lang: lang for lang in LANGUAGES})  # type: ignore[misc]
AssessFormat = StrEnum("AssessFormat", {f: f for f in formats.names("assess")})  # type: ignore[misc]
CheckFormat = StrEnum("CheckFormat", {f: f for f in formats.names("check")})  # type: ignore[misc]
SegmentFormat = StrEnum("SegmentFormat", {f: f for f in formats.names("segment")})  # type: ignore[misc]
DiffFormat = StrEnum("DiffFormat", {f: f for f in formats.names("diff")})  # type: ignore[misc]
TableFormat = StrEnum("TableFormat", {f: f for f in formats.names("export")})  # type: ignore[misc]
ExplainFormat = StrEnum("ExplainFormat", {f: f for f in formats.names("explain")})  # type: ignore[misc]
CalendarFormat = StrEnum("CalendarFormat", {f: f for f in formats.names("calendar")})  # type: ignore[misc]
ConsequencesFormat = StrEnum("ConsequencesFormat", {f: f for f in formats.names("consequences")})  # type: ignore[misc]
ReportFormat = StrEnum("ReportFormat", {f: f for f in formats.names("report")})  # type: ignore[misc]
RoadmapBy = StrEnum("RoadmapBy", {g: g for g in GROUPINGS})  # type: ignore[misc]
CaseType = StrEnum("CaseType", {c: c for c in CASE_TYPES})  # type: ignore[misc]
CycleStage = StrEnum("CycleStage", {s: s for s in CYCLE_STAGES})  # type: ignore[misc]
SchemaKind = StrEnum("SchemaKind", {k: k for k in SCHEMA_KINDS})  # type: ignore[misc]
Strategy = StrEnum("Strategy", {s: s for s in STRATEGIES})  # type: ignore[misc]
DEFAULT_LANG = Lang("nb")


def _remember_lang(ctx: typer.Context, value: Any) -> Any:
    """Keep the command's language where the error boundary finds it."""
    ctx.meta[LANG_KEY] = str(value.value if isinstance(value, StrEnum) else value)
    return value


LangOption = Annotated[Lang, typer.Option("--lang", envvar="EHP_LANG", help=h("lang"), callback=_remember_lang)]
ChecklistOption = Annotated[
    str | None, typer.Option("--checklist", metavar="VERSION", help=h("checklist_override"), show_default=False)
]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"ehp {version('ehportfolio')}")
        raise typer.Exit()


@app.callback(help=h("app.callback"))
def main(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=h("version"))
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", envvar="EHP_DEBUG", help=h("debug"))] = False,
) -> None:
    """ehp's own options; help texts of every command and option are in helptexts.py, in bokmål and English."""


@app.command(help=h("assess"))
def assess(
    file: Annotated[Path, typer.Argument(help=h("assess.file"), show_default=False)],
    fmt: Annotated[AssessFormat, typer.Option("--format", "-f", help=h("format"))] = AssessFormat("text"),
    checklist: ChecklistOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import assess as command

    raise typer.Exit(command.run(str(file), fmt.value, lang.value, checklist))


@app.command(help=h("segment"))
def segment(
    path: Annotated[
        Path | None,
        typer.Argument(
            help=h("segment.path"),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[SegmentFormat, typer.Option("--format", "-f", help=h("format"))] = SegmentFormat("text"),
    checklist: ChecklistOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import segment as command
    from ehportfolio.store.portfolio import default_root

    raise typer.Exit(command.run(str(path) if path else default_root(), fmt.value, lang.value, checklist))


PathOption = Annotated[
    Path | None,
    typer.Option("--path", help=h("path")),
]


@app.command(help=h("check"))
def check(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            help=h("path"),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help=h("format"))] = CheckFormat("text"),
    strict: Annotated[bool, typer.Option("--strict", help=h("check.strict"))] = False,
    checklist: ChecklistOption = None,
    root: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import check as command

    if path is not None and root is not None:  # `ehp check DIR`, as CI writes it, or --path DIR, as elsewhere
        from typer._click.exceptions import UsageError

        from ehportfolio.i18n.messages import text

        raise UsageError(text(lang.value, N_("usage.exclusive"), options="PATH, --path"), ctx)
    raise typer.Exit(command.run(_root(path or root), fmt.value, strict, lang.value, checklist))


@app.command(help=h("diff"))
def diff(
    base: Annotated[str, typer.Argument(help=h("diff.base"))],
    head: Annotated[str | None, typer.Argument(help=h("diff.head"), show_default=False)] = None,
    path: Annotated[
        Path | None,
        typer.Option("--path", help=h("path")),
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help=h("format"))] = DiffFormat("text"),
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import diff as command
    from ehportfolio.store.portfolio import default_root

    raise typer.Exit(command.run(base, head, str(path) if path else default_root(), fmt.value, lang.value))


@app.command(help=h("schema"))
def schema(
    kind: Annotated[
        SchemaKind | None,
        typer.Argument(help=h("schema.kind"), show_default=False),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help=h("schema.out"), show_default=False),
    ] = None,
    checklist_version: Annotated[str, typer.Option("--checklist", help=h("schema.checklist"))] = "2020",
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import schema as command

    raise typer.Exit(
        command.run(kind.value if kind else None, str(out) if out else None, checklist_version, lang.value)
    )


@app.command(help=h("init"))
def init(
    directory: Annotated[Path, typer.Argument(help=h("init.directory"))],
    name: Annotated[str, typer.Option("--name", help=h("init.name"))] = "Nasjonal e-helseportefølje",
    year: Annotated[
        int | None, typer.Option("--year", help=h("init.year"), show_default=False, min=2000, max=2100)
    ] = None,
    strategy: Annotated[Strategy, typer.Option("--strategy", help=h("init.strategy"))] = Strategy("2023-2030"),
    requirement: Annotated[
        str | None, typer.Option("--requirement", help=h("init.requirement"), show_default=False)
    ] = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    import datetime

    from ehportfolio.cli.commands import init as command

    chosen = year or datetime.date.today().year + 1
    raise typer.Exit(command.run(str(directory), name, chosen, strategy.value, requirement, lang.value))


ReasonOption = Annotated[str, typer.Option("--reason", help=h("reason"))]
RefOption = Annotated[str | None, typer.Option("--ref", help=h("ref"))]
DateOption = Annotated[str | None, typer.Option("--date", help=h("decision_date"), show_default=False)]
FutureOption = Annotated[bool, typer.Option("--allow-future", help=h("allow_future"))]


def _root(path: Path | None) -> str:
    from ehportfolio.store.portfolio import default_root

    return str(path) if path else default_root()


@app.command(help=h("decide"))
def decide(
    ctx: typer.Context,
    ident: Annotated[str, typer.Argument(metavar="ID", help=h("id"))],
    reason: ReasonOption,
    segment: Annotated[str | None, typer.Option("--segment", help=h("decide.segment"), show_default=False)] = None,
    out: Annotated[bool, typer.Option("--out", help=h("decide.out"))] = False,
    status: Annotated[str | None, typer.Option("--status", help=h("decide.status"), show_default=False)] = None,
    priority: Annotated[
        str | None, typer.Option("--priority", metavar="N", help=h("decide.priority"), show_default=False)
    ] = None,
    ref: RefOption = None,
    date: DateOption = None,
    allow_future: FutureOption = False,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import lifecycle as command

    chosen = {"--segment": segment, "--out": out or None, "--status": status, "--priority": priority}
    given = [name for name, value in chosen.items() if value is not None]
    if len(given) != 1:
        from ehportfolio.i18n.messages import text

        key, options = (N_("usage.exclusive"), given) if given else (N_("usage.one_of"), list(chosen))
        from typer._click.exceptions import UsageError  # typer's click: exit 2, with the command's usage line

        raise UsageError(text(lang.value, key, options=", ".join(options)), ctx)
    action = "priority" if priority is not None else "status" if status else "out" if out else "decision"
    target = priority if priority is not None else _choice(ctx, "status", "--status", status, lang) if status else None
    target = _choice(ctx, "segment", "--segment", segment, lang) if segment else target
    raise typer.Exit(command.run(_root(path), ident, action, target, reason, ref, date, allow_future, lang.value))


def _choice(ctx: typer.Context, kind: str, option: str, word: str, lang: Lang) -> str:
    """The id that `word` names (a status or a segment, its id or its word in any language and case); a usage error
    in the command's language, naming the words allowed, when it names none."""
    from ehportfolio.i18n.messages import choice_id, choice_words, text

    found = choice_id(kind, word)
    if found is None:
        from typer._click.exceptions import UsageError

        allowed = ", ".join(choice_words(kind, lang.value).values())
        raise UsageError(text(lang.value, "usage.bad_choice", option=option, value=word, allowed=allowed), ctx)
    return found


@app.command(help=h("move"))
def move(
    ctx: typer.Context,
    ident: Annotated[str, typer.Argument(metavar="ID", help=h("id"))],
    to: Annotated[str, typer.Option("--to", help=h("move.to"), show_default=False)],
    reason: ReasonOption,
    ref: RefOption = None,
    date: DateOption = None,
    allow_future: FutureOption = False,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import lifecycle as command

    target = _choice(ctx, "segment", "--to", to, lang)
    raise typer.Exit(command.run(_root(path), ident, "move", target, reason, ref, date, allow_future, lang.value))


@app.command(help=h("new"))
def new(
    ident: Annotated[str | None, typer.Option("--id", help=h("new.id"))] = None,
    name: Annotated[str | None, typer.Option("--name", help=h("new.name"))] = None,
    owner: Annotated[str | None, typer.Option("--owner", help=h("new.owner"))] = None,
    focus_area: Annotated[str | None, typer.Option("--focus-area", help=h("new.focus_area"))] = None,
    description: Annotated[str | None, typer.Option("--description", help=h("new.description"))] = None,
    answers: Annotated[
        list[str] | None,
        typer.Option("--answer", help=h("new.answer"), show_default=False),
    ] = None,
    dependencies: Annotated[
        list[str] | None,
        typer.Option("--dependency", help=h("new.dependency"), show_default=False),
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help=h("new.no_input"))] = False,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import new as command

    raise typer.Exit(
        command.run(
            _root(path),
            ident,
            name,
            owner,
            focus_area,
            description,
            answers or [],
            not no_input,
            lang.value,
            dependencies or [],
        )
    )


@app.command(help=h("history"))
def history(
    ident: Annotated[str, typer.Argument(metavar="ID", help=h("id"))],
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import history as command

    raise typer.Exit(command.run(_root(path), ident, lang.value))


@app.command(name="import", help=h("import"))
def import_(
    file: Annotated[Path, typer.Argument(help=h("import.file"))],
    mappings: Annotated[
        list[str] | None,
        typer.Option("--map", help=h("import.map"), show_default=False),
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help=h("import.sheet"))] = None,
    force: Annotated[bool, typer.Option("--force", help=h("import.force"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=h("import.dry_run"))] = False,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import importing as command

    raise typer.Exit(command.run(_root(path), str(file), mappings or [], sheet, force, dry_run, lang.value))


@app.command(help=h("export"))
def export(
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help=h("export.format"))] = TableFormat("csv"),
    out: Annotated[Path | None, typer.Option("--out", "-o", help=h("export.out"))] = None,
    path: PathOption = None,
    checklist: ChecklistOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import exporting as command

    raise typer.Exit(command.run(_root(path), fmt.value, str(out) if out else None, lang.value, checklist))


FromOption = Annotated[
    str | None,
    typer.Option("--from", metavar="VERSION", help=h("consequences.from"), show_default=False),
]
ToOption = Annotated[str, typer.Option("--to", metavar="VERSION", help=h("consequences.to"), show_default=False)]


@app.command(help=h("consequences"))
def consequences(
    to: ToOption,
    old: FromOption = None,
    fmt: Annotated[ConsequencesFormat, typer.Option("--format", "-f", help=h("format"))] = ConsequencesFormat("text"),
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import consequences as command

    raise typer.Exit(command.run(_root(path), old, to, fmt.value, lang.value))


@app.command(help=h("migrate_taxonomy"))
def migrate(
    to: Annotated[Strategy, typer.Option("--to", help=h("migrate_taxonomy.to"))] = Strategy("2023-2030"),
    dry_run: Annotated[bool, typer.Option("--dry-run", help=h("migrate_taxonomy.dry_run"))] = False,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import migrate_taxonomy as command

    raise typer.Exit(command.run(_root(path), to.value, dry_run, lang.value))


@app.command(help=h("calendar"))
def calendar(
    year: Annotated[
        int | None,
        typer.Option("--year", help=h("calendar.year"), min=2000),
    ] = None,
    round_id: Annotated[str | None, typer.Option("--round", help=h("calendar.round"), show_default=False)] = None,
    fmt: Annotated[CalendarFormat, typer.Option("--format", "-f", help=h("format"))] = CalendarFormat("text"),
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import calendar as command

    raise typer.Exit(command.run(_root(path), year, fmt.value, lang.value, round_id))


explain_app = typer.Typer(
    name="explain",
    help=h("explain_app"),
    cls=WordedGroup,
    no_args_is_help=True,
)
app.add_typer(explain_app)

ExplainFormatOption = Annotated[ExplainFormat, typer.Option("--format", "-f", help=h("format"))]


def _explain(topic: str, wanted: str | None, fmt: ExplainFormat, lang: Lang, checklist: str | None = None) -> None:
    from ehportfolio.cli.commands import guide as command

    raise typer.Exit(command.run(topic, wanted, fmt.value, lang.value, checklist or "2020"))


@explain_app.command("glossary", help=h("explain.glossary"))
def explain_glossary(
    term: Annotated[str | None, typer.Argument(metavar="TERM", help=h("explain.term"), show_default=False)] = None,
    fmt: ExplainFormatOption = ExplainFormat("text"),
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _explain("glossary", term, fmt, lang)


@explain_app.command("segments", help=h("explain.segments"))
def explain_segments(
    segment: Annotated[
        str | None, typer.Argument(metavar="SEGMENT", help=h("explain.segment"), show_default=False)
    ] = None,
    fmt: ExplainFormatOption = ExplainFormat("text"),
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _explain("segments", segment, fmt, lang)


@explain_app.command("checklist", help=h("explain.checklist"))
def explain_checklist(
    question: Annotated[
        str | None, typer.Argument(metavar="QUESTION", help=h("explain.question"), show_default=False)
    ] = None,
    fmt: ExplainFormatOption = ExplainFormat("text"),
    checklist: Annotated[
        str | None, typer.Option("--checklist", metavar="VERSION", help=h("explain.checklist_version"))
    ] = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _explain("checklist", question, fmt, lang, checklist)


status_app = typer.Typer(
    name="status",
    cls=WordedGroup,
    help=h("status_app"),
    no_args_is_help=True,
)
app.add_typer(status_app)


@status_app.command("new", help=h("status.new"))
def status_new(
    ident: Annotated[str, typer.Argument(metavar="ID", help=h("id"))],
    round_id: Annotated[
        str | None,
        typer.Option("--round", help=h("status.round"), show_default=False),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help=h("status.date"),
            show_default=False,
        ),
    ] = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import status as command

    raise typer.Exit(command.new(_root(path), ident, round_id, date, lang.value))


FormFormat = StrEnum("FormFormat", {f: f for f in ("xlsx", "docx")})  # type: ignore[misc]


@status_app.command("open", help=h("status.open"))
def status_open(
    round_id: Annotated[str, typer.Argument(metavar="ROUND", help=h("status.open.round"))],
    deadline: Annotated[str, typer.Option("--deadline", help=h("status.open.deadline"), show_default=False)],
    fmt: Annotated[FormFormat, typer.Option("--format", "-f", help=h("status.open.format"))] = FormFormat("xlsx"),
    out: Annotated[Path | None, typer.Option("--out", "-o", help=h("status.open.out"), show_default=False)] = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import rounds as command

    folder = str(out) if out else None
    raise typer.Exit(command.open_round(_root(path), round_id, deadline, fmt.value, folder, lang.value))


@status_app.command("collect", help=h("status.collect"))
def status_collect(
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help=h("status.collect.files"))],
    round_id: Annotated[
        str | None,
        typer.Option("--round", help=h("status.collect.round"), show_default=False),
    ] = None,
    partial: Annotated[bool, typer.Option("--partial", help=h("status.collect.partial"))] = False,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import rounds as command

    raise typer.Exit(command.collect(_root(path), [str(f) for f in files], round_id, partial, lang.value))


report_app = typer.Typer(
    name="report",
    cls=WordedGroup,
    help=h("report_app"),
    no_args_is_help=True,
)
app.add_typer(report_app)


ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help=h("format"))]
ReportOutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help=h("report.out"), show_default=False),
]
ReportDateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help=h("report.date"),
        show_default=False,
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help=h("report.templates"),
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
    from ehportfolio.cli.commands import report as command

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


@report_app.command("overview", help=h("report.overview"))
def report_overview(
    fmt: ReportFormatOption = ReportFormat("markdown"),
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _report("overview", None, fmt, out, date, templates, path, lang)


@report_app.command("initiative", help=h("report.initiative"))
def report_initiative(
    ident: Annotated[str, typer.Argument(metavar="ID", help=h("id"))],
    fmt: ReportFormatOption = ReportFormat("markdown"),
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _report("initiative", ident, fmt, out, date, templates, path, lang)


@report_app.command("meeting", help=h("report.meeting"))
def report_meeting(
    committee: Annotated[str, typer.Option("--committee", help=h("report.meeting.committee"), show_default=False)],
    date: Annotated[str, typer.Option("--date", help=h("report.meeting.date"), show_default=False)],
    case: Annotated[
        str | None,
        typer.Option("--case", help=h("report.meeting.case"), show_default=False),
    ] = None,
    case_type: Annotated[CaseType, typer.Option("--case-type", help=h("report.meeting.case_type"))] = CaseType(
        "Orientering"
    ),
    fmt: ReportFormatOption = ReportFormat("markdown"),
    out: ReportOutOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    options = {"committee": committee, "case": case, "case_type": case_type.value}
    _report("meeting", None, fmt, out, date, templates, path, lang, options)


YEAR_MIN, YEAR_MAX = 1901, 9998
"""The years a portfolio definition can be for: it looks at the year before and after, within datetime's range."""


@report_app.command("definition", help=h("report.definition"))
def report_definition(
    year: Annotated[int, typer.Option("--year", help=h("report.definition.year"), min=YEAR_MIN, max=YEAR_MAX)],
    stage: Annotated[
        CycleStage | None, typer.Option("--stage", help=h("report.definition.stage"), show_default=False)
    ] = None,
    fmt: ReportFormatOption = ReportFormat("markdown"),
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    options = {"year": year, "stage": stage.value if stage else ""}
    _report("definition", None, fmt, out, date, templates, path, lang, options)


@report_app.command("consequences", help=h("report.consequences"))
def report_consequences(
    to: ToOption,
    old: FromOption = None,
    fmt: ReportFormatOption = ReportFormat("markdown"),
    out: ReportOutOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _report("consequences", None, fmt, out, None, templates, path, lang, {"from": old, "to": to})


@report_app.command("roadmap", help=h("report.roadmap"))
def report_roadmap(
    by: Annotated[RoadmapBy, typer.Option("--by", help=h("report.roadmap.by"))] = RoadmapBy("goal"),
    fmt: ReportFormatOption = ReportFormat("markdown"),
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _report("roadmap", None, fmt, out, date, templates, path, lang, {"by": by.value})


@report_app.command("benefits", help=h("report.benefits"))
def report_benefits(
    fmt: ReportFormatOption = ReportFormat("markdown"),
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _report("benefits", None, fmt, out, date, templates, path, lang)


@report_app.command("knowledge", help=h("report.knowledge"))
def report_knowledge(
    fmt: ReportFormatOption = ReportFormat("markdown"),
    out: ReportOutOption = None,
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    _report("knowledge", None, fmt, out, date, templates, path, lang)


@report_app.command("site", help=h("report.site"))
def report_site(
    out: Annotated[Path, typer.Option("--out", "-o", help=h("report.site.out"), show_default=False)],
    fmt: ReportFormatOption = ReportFormat("html"),
    date: ReportDateOption = None,
    templates: TemplatesOption = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import report as command

    raise typer.Exit(
        command.site(_root(path), fmt.value, str(out), date, str(templates) if templates else None, lang.value)
    )


@report_app.command("templates", help=h("report.copy"))
def report_templates(
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help=h("report.copy.format"))] = ReportFormat("docx"),
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help=h("report.copy.templates"),
            show_default=False,
        ),
    ] = None,
    path: PathOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    from ehportfolio.cli.commands import report as command

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


def _worded_commands() -> None:
    """Every command in the class that gives its usage line, its --help and the titles of its help page's panels in
    the catalogue's words (cli/boundary.py)."""
    for typer_app in (app, explain_app, status_app, report_app):
        for info in typer_app.registered_commands:
            info.cls = WordedCommand


_worded_commands()


def translate_help_page(argv: list[str]) -> None:
    """When the command line asks for a help page (`--help`, or `ehp` or a group such as `ehp report` alone), have
    typer's brackets around a help text ([default: …], [env var: …], [required]) in the chosen language: typer words
    them through gettext when its rich_utils is imported, so it is imported (again) while gettext speaks our
    catalogue. Only then: rich_utils imports rich, which a command that runs should not pay for."""
    groups = {g.typer_instance.info.name for g in app.registered_groups if g.typer_instance}
    if argv and "--help" not in argv and not (len(argv) == 1 and argv[0] in groups):
        return
    with libraries_speaking(chosen()):
        if "typer.rich_utils" in sys.modules:
            importlib.reload(sys.modules["typer.rich_utils"])
        else:
            importlib.import_module("typer.rich_utils")
