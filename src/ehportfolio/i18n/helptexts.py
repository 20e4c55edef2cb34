"""The `--help` texts of every command and option, in bokmål and English.

typer reads help texts when cli.py is imported, so the language is chosen before that: `choose` looks at the command
line (`--lang en`) and at EHP_LANG, as `--lang` itself does, and the entry point calls it first.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

LANGS = ("nb", "en")
_chosen = "nb"


def choose(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of the help: `--lang X` or `--lang=X` on the command line, else EHP_LANG, else bokmål."""
    global _chosen
    lang = environ.get("EHP_LANG", "nb")
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    _chosen = lang if lang in LANGS else "nb"
    return _chosen


TYPER_NB = {
    "ARGUMENTS_PANEL_TITLE": "Argumenter",
    "OPTIONS_PANEL_TITLE": "Valg",
    "COMMANDS_PANEL_TITLE": "Kommandoer",
    "DEFAULT_STRING": "[standard: {}]",
    "ENVVAR_STRING": "[miljøvariabel: {}]",
    "REQUIRED_LONG_STRING": "[påkrevd]",
}
"""typer's own words around the help texts, for a help page in bokmål; click's "Usage:" and the line of --help
itself stay English, since click takes them from gettext catalogs it does not ship in Norwegian."""


def chosen() -> str:
    return _chosen


def h(key: str) -> str:
    """The help text `key` in the chosen language."""
    return HELP[_chosen][key]


_NB_WRITTEN = "Avslutningsstatus: 0 skrevet, 1 skrevet, men noen filer ble lest med problemer"
_EN_WRITTEN = "Exit status: 0 written, 1 written but files read with problems"

HELP: dict[str, dict[str, str]] = {
    "nb": {
        "app": "Porteføljestyring for nasjonal e-helseportefølje: inkludering, segmenter og kontroller for tiltak i "
        "YAML.",
        "app.callback": "Porteføljestyring 2.0 for den nasjonale e-helseporteføljen.",
        "lang": "Språket i utdata: nb (bokmål) eller en (engelsk).",
        "version": "Vis versjonen og avslutt.",
        "debug": "Vis hele sporingen (traceback) når ehp stopper på en feil i ehp.",
        "format": "Utdataformat.",
        "id": "Tiltakets id.",
        "path": "Porteføljemappen; standard portfolio/ om den finnes, ellers gjeldende mappe.",
        "assess": "Forklar ett forslag: er det med i porteføljen, i hvilket segment, og hvilket svar avgjorde hvert "
        "steg.\n\nAvslutningsstatus: 0 avgjort (med eller utenfor), 1 uavklart, 2 input som ikke kan leses.",
        "assess.file": "En tiltaksfil (YAML).",
        "segment": "Klassifiser hele porteføljen, gruppert etter segment, og flagg registrerte segmenter som avviker "
        "uten begrunnelse.\n\nAvslutningsstatus: 0 alle avgjort, 1 noen uavklart eller filer med problemer, 2 en fil "
        "kunne ikke leses.",
        "segment.path": "En porteføljemappe (portfolio.yaml og initiatives/) eller en mappe med tiltaksfiler; "
        "standard portfolio/ om den finnes, ellers gjeldende mappe.",
        "check": "Kontroller hver fil og regel i en portefølje, slik CI gjør på en pull request, og skriv ut hvert "
        "funn.\n\nAvslutningsstatus: 0 ren (advarsler tillatt uten --strict), 1 funn som feiler, 2 når den ikke "
        "kunne kjøre.",
        "check.strict": "Feil også på advarsler.",
        "diff": "Sammenlign to git-revisjoner av porteføljen: tiltak lagt til og fjernet, inkludering, segmenter og "
        "svar.\n\nAvslutningsstatus: 0 sammenlignet, 2 når en revisjon eller repositoriet ikke kan leses.",
        "diff.base": "Git-revisjonen det sammenlignes fra, for eksempel main eller HEAD~1.",
        "diff.head": "Git-revisjonen det sammenlignes med; standard arbeidskopien.",
        "schema": "Skriv ut eller lagre JSON Schema for tiltaks-, portefølje-, taksonomi-, aktør- og statusfiler, "
        "for editorer.\n\nMed YAML-språkserveren blir en fil som starter med `# yaml-language-server: $schema=…` "
        "kontrollert og fullført mens den skrives; hver sjekklistenøkkel viser spørsmålet sitt.",
        "schema.kind": "Hvilken filtype; standard initiative, eller alle typer med --out.",
        "schema.out": "Skriv <kind>.schema.json-filer til denne mappen.",
        "schema.checklist": "Sjekklisteversjonen med spørsmålene som brukes.",
        "init": "Opprett et porteføljerepositorium: innstillinger, aktører, taksonomi, skjemaer og CI som kontrollerer "
        "hver pull request.\n\nSkriver portfolio.yaml, initiatives/, actors.yaml, taxonomy.yaml, schema/, en GitHub "
        "Actions-arbeidsflyt, en GitLab CI-jobb og en pre-commit-konfigurasjon. Den overskriver aldri en fil som "
        "finnes.",
        "init.directory": "Mappen for det nye porteføljerepositoriet.",
        "init.name": "Porteføljens navn.",
        "init.year": "Porteføljeåret; standard neste år.",
        "init.strategy": "E-helsestrategien taksonomien bygger på.",
        "init.requirement": "Det CI installerer med pip for å få ehp; standard denne ehp, slik den ble installert (git-commit, URL eller versjon).",
        "reason": "Hvorfor: begrunnelsen som registreres med oppføringen.",
        "ref": "Saken det ble vedtatt i, for eksempel «NUIT sak 12/21».",
        "decision_date": "Vedtaksdatoen, ÅÅÅÅ-MM-DD; standard i dag.",
        "allow_future": "Godta en dato etter i dag.",
        "decide": "Registrer direktoratets vedtak om et tiltak: segmentet, at det er utenfor, eller en ny status."
        "\n\nVedtaket skrives inn i tiltaksfilen som en oppføring i historikken, og alt annet i filen blir stående.",
        "decide.segment": "Det vedtatte segmentet.",
        "decide.out": "Vedta at tiltaket ikke er med i porteføljen.",
        "decide.status": "Vedta en ny status.",
        "move": "Registrer en flytting mellom segmenter (kapittel 4.7 i rapporten) som en oppføring i tiltakets "
        "historikk.",
        "move.to": "Segmentet tiltaket flyttes til.",
        "new": "Foreslå et nytt tiltak: gå gjennom sjekklisten spørsmål for spørsmål og skriv filen.\n\nEtter hvert "
        "svar vises hva som følger, og bare det avgjørelsen fortsatt trenger, blir spurt om. Hvert spørsmål kan gis "
        "som et valg, slik at et skript kan kalle den uten terminal.",
        "new.id": "Det nye tiltakets id; standard laget av navnet.",
        "new.name": "Tiltakets navn.",
        "new.owner": "Eieren, en aktør i aktørregisteret.",
        "new.focus_area": "En innsatsområdekode fra taksonomien.",
        "new.description": "En kort beskrivelse.",
        "new.answer": "Et svar i sjekklisten som NØKKEL=ja|nei; gjenta for hvert spørsmål.",
        "new.no_input": "Spør aldri: feil på det som mangler.",
        "new.dependency": "Et tiltak i porteføljen det avhenger av, som ID eller ID=sterk|svak (standard sterk); "
        "gjenta for hvert.",
        "history": "Vis et tiltaks liv: opprettet, svar endret, vedtatt, flyttet, status endret, med dato og commit.",
        "import": "Lag tiltaksfiler fra et regneark: primært innsatsområde, navn, aktør, segment og kommentar.",
        "import.file": "Et regneark med kolonnene i tabell 5.2: .xlsx eller .csv.",
        "import.map": "En kolonne med et annet navn, som «KOLONNE=FELT»; gjenta ved behov.",
        "import.sheet": "Arket som leses; standard det første.",
        "import.force": "Overskriv tiltaksfiler som finnes.",
        "import.dry_run": "Vis hva som ville blitt skrevet, og skriv ingenting.",
        "export": "Skriv porteføljen som én tabell, med avgjørelsen for hvert tiltak; JSON egner seg for publisering "
        "som åpne data.",
        "export.format": "Tabellens format.",
        "export.out": "Filen som skrives; standard standard output (ikke for xlsx).",
        "calendar": "Vis årets utvalgsmøter, segmentene som rapporterer til hvert, og hvor mange som har rapportert."
        "\n\nAvslutningsstatus: 0 vist, 1 ingen møter å vise eller filer lest med problemer, 2 ingen portefølje.",
        "calendar.year": "Året; standard porteføljens år, eller alle møter om det ikke har noen det året.",
        "calendar.round": "Vis ett møtes tiltak i stedet, for eksempel 2021-nuit-2: hvem som ikke har rapportert "
        "(med aktør, så de kan purres) og hvem som har.",
        "status_app": "Statusrapporter: én datert fil per tiltak per rapporteringsrunde, status/<runde>/<id>.yaml.",
        "status.new": "Skriv en forhåndsutfylt statusrapport for neste runde tiltaket skal rapportere til, med "
        "segmentets spørsmål.\n\nEn statusrapport overskrives aldri: filen opprettes hel, og avvises om den finnes."
        "\n\nAvslutningsstatus: 0 skrevet, 1 avvist (ingen runde forfaller, segmentet rapporterer ikke dit, filen "
        "finnes), 2 ugyldig input.",
        "status.round": "Runden, for eksempel 2021-nuit-2; standard den neste som forfaller.",
        "status.date": "Rapportens dato, ÅÅÅÅ-MM-DD, og der søket etter en runde starter; standard i dag.",
        "report_app": "Rapporter for utvalg og for folk uten konto: Markdown for git-plattformen, én HTML-fil, eller "
        "et Word-dokument fra en Word-mal.",
        "report.out": "Skriv rapporten til denne mappen; standard standard output.",
        "report.date": "Rapportens dato, ÅÅÅÅ-MM-DD, skrevet i toppen; møter til og med den regnes som holdt. "
        "Standard ingen: en rapport leser aldri klokken.",
        "report.templates": "En mappe med egne maler (reports/<kind>.md.j2, reports/<kind>.html.j2, "
        "reports/<kind>.docx) som erstatter malene som følger med; standard <portefølje>/templates/ om den finnes. "
        "De kjøres i Jinjas sandkasse.",
        "report.overview": "Hele porteføljen etter segment, som tabell 5.2 i rapporten, med antall per segment, eier "
        f"og innsatsområde.\n\n{_NB_WRITTEN}, 2 ugyldig input (en dato, en mal, porteføljen).",
        "report.initiative": "Et faktaark: sjekklistens forklaring, statusutviklingen over rundene, avhengigheter "
        f"begge veier og segmenthistorikken.\n\n{_NB_WRITTEN}, 2 ugyldig input (en id, en dato, en mal).",
        "report.meeting": "Saksfremlegget til ett møte i kalenderen: Formål, Bakgrunn (porteføljen i tall), status "
        "for hvert segment som rapporterer dit, hvem som ikke har rapportert, endringer siden utvalgets forrige møte, "
        f"og Forslag til vedtak.\n\n{_NB_WRITTEN}, 2 ugyldig input (et utvalg eller en dato som ikke er i "
        "kalenderen, et saksnummer, en mal).",
        "report.meeting.committee": "Utvalget, for eksempel NUIT.",
        "report.meeting.date": "Møtets dato, ÅÅÅÅ-MM-DD, som i kalenderen.",
        "report.meeting.case": "Saksnummeret, N/ÅÅ; standard x/ÅÅ, som sekretariatet fyller inn.",
        "report.meeting.case_type": "Sakstypen.",
        "report.definition": "Den årlige porteføljedefinisjonen, etter NUITs årshjul: strategi og satsing, "
        f"prioritering, balansering, planlegging for neste år, og Forslag til vedtak.\n\n{_NB_WRITTEN}, 2 ugyldig "
        "input (en dato, en mal).",
        "report.definition.year": "Året definisjonen lages i; den gjelder året etter.",
        "report.site": "Oversikten og et faktaark for hvert tiltak, skrevet sammen og lenket til hverandre: navnene i "
        "oversikten leder til faktaarkene, et faktaarks avhengigheter til deres, og hvert ark tilbake til oversikten. "
        f"For folk uten konto: mappen kan legges ut som den er.\n\n{_NB_WRITTEN}, 2 ugyldig input (en dato, en mal, "
        "porteføljen).",
        "report.site.out": "Mappen sidene skrives til.",
        "report.copy": "Kopier malene som følger med, i ett format (Word-malene som standard), til porteføljens egen "
        "malmappe, templates/reports/, for å gi rapportene dens eget oppsett. En fil som finnes, overskrives aldri."
        "\n\nAvslutningsstatus: 0 kopiert, 1 noen fantes fra før og er beholdt, 2 ingenting kunne skrives.",
        "report.copy.format": "Hvilke maler.",
        "report.copy.templates": "Porteføljens malmappe det kopieres til; standard <portefølje>/templates/.",
    },
    "en": {
        "app": "Porteføljestyring for nasjonal e-helseportefølje: inclusion, segments and checks for initiatives in "
        "YAML.",
        "app.callback": "Porteføljestyring 2.0 for the national e-health portfolio.",
        "lang": "Language of the output: nb (Norwegian bokmål) or en.",
        "version": "Show the version and exit.",
        "debug": "Show the whole traceback when ehp stops on a bug in ehp.",
        "format": "Output format.",
        "id": "The initiative's id.",
        "path": "The portfolio directory; default portfolio/ if there is one, else the current one.",
        "assess": "Explain one proposal: is it in the portfolio, in which segment, and which answer decided each "
        "step.\n\nExit status: 0 decided (in or out), 1 undecided, 2 input that cannot be read.",
        "assess.file": "An initiative file (YAML).",
        "segment": "Classify the whole portfolio, grouped by segment, and flag recorded segments that differ without "
        "a reason.\n\nExit status: 0 all decided, 1 some undecided or files with problems, 2 some file could not be "
        "read.",
        "segment.path": "A portfolio directory (portfolio.yaml and initiatives/) or a directory of initiative files; "
        "default portfolio/ if there is one, else the current directory.",
        "check": "Validate every file and rule of a portfolio, as CI does on a pull request, and print each finding."
        "\n\nExit status: 0 clean (warnings allowed unless --strict), 1 findings that fail, 2 when it could not run.",
        "check.strict": "Fail on warnings too.",
        "diff": "Compare two git revisions of the portfolio: initiatives added and removed, inclusion, segments and "
        "answers.\n\nExit status: 0 compared, 2 when a revision or the repository cannot be read.",
        "diff.base": "The git revision to compare from, such as main or HEAD~1.",
        "diff.head": "The git revision to compare to; default the working tree.",
        "schema": "Print or write JSON Schemas for initiative, portfolio, taxonomy, actors and status files, for "
        "editors.\n\nWith the YAML language server, a file starting with `# yaml-language-server: $schema=…` is "
        "checked and completed while it is typed; each checklist key shows its question.",
        "schema.kind": "Which file's schema; default initiative, or every kind with --out.",
        "schema.out": "Write <kind>.schema.json files into this directory.",
        "schema.checklist": "The checklist version whose questions to use.",
        "init": "Scaffold a portfolio repository: settings, actors, taxonomy, schemas, and CI that checks every pull "
        "request.\n\nWrites portfolio.yaml, initiatives/, actors.yaml, taxonomy.yaml, schema/, a GitHub Actions "
        "workflow, a GitLab CI job and a pre-commit configuration. It refuses to overwrite a file that exists.",
        "init.directory": "The directory of the new portfolio repository.",
        "init.name": "The portfolio's name.",
        "init.year": "The portfolio year; default next year.",
        "init.strategy": "The e-health strategy for the taxonomy.",
        "init.requirement": "What CI installs with pip to get ehp; default this ehp, as it was installed (git commit, URL or version).",
        "reason": "Why: the reason recorded with the entry.",
        "ref": 'The case it was decided in, such as "NUIT sak 12/21".',
        "decision_date": "The date of the decision, YYYY-MM-DD; default today.",
        "allow_future": "Accept a date after today.",
        "decide": "Record the directorate's decision on an initiative: its segment, that it is out, or a new status."
        "\n\nThe decision is written into the initiative file as an entry of its history, keeping everything else in "
        "the file.",
        "decide.segment": "The decided segment.",
        "decide.out": "Decide that it is not in the portfolio.",
        "decide.status": "Decide a new status.",
        "move": "Record a move between segments (section 4.7 of the report) as an entry of the initiative's history.",
        "move.to": "The segment it moves to.",
        "new": "Propose a new initiative: walk through the checklist question by question and write its file.\n\n"
        "After each answer it shows what follows, and it asks only what the decision still needs. Every prompt can be "
        "given as an option, so that a script can call it with no terminal.",
        "new.id": "The new initiative's id; default made from the name.",
        "new.name": "The initiative's name.",
        "new.owner": "The owner, an actor of the register.",
        "new.focus_area": "A focus area code of the taxonomy.",
        "new.description": "A short description.",
        "new.answer": "A checklist answer as KEY=ja|nei; repeat for each question.",
        "new.no_input": "Never prompt: fail on what is missing.",
        "new.dependency": "An initiative of the portfolio it depends on, as ID or ID=strong|weak (default strong); "
        "repeat for each.",
        "history": "Show an initiative's life: created, answers changed, decided, moved, status changed, with date "
        "and commit.",
        "import": "Create initiative files from a spreadsheet: primært innsatsområde, navn, aktør, segment and "
        "kommentar.",
        "import.file": "A spreadsheet with the columns of table 5.2: .xlsx or .csv.",
        "import.map": 'A column of another name, as "COLUMN=FIELD"; repeat as needed.',
        "import.sheet": "The worksheet to read; default the first.",
        "import.force": "Overwrite initiative files that exist.",
        "import.dry_run": "Report what would be written, and write nothing.",
        "export": "Write the portfolio as one table, with each initiative's decision; the JSON suits publishing as "
        "open data.",
        "export.format": "The table's format.",
        "export.out": "The file to write; default standard output (not for xlsx).",
        "calendar": "Show the year's committee meetings, the segments that report to each, and how many have "
        "reported.\n\nExit status: 0 shown, 1 no meetings to show or files read with problems, 2 no portfolio.",
        "calendar.year": "The year; default the portfolio's year, or every meeting if it has none then.",
        "calendar.round": "Show one meeting's initiatives instead, such as 2021-nuit-2: who has not reported (with the "
        "owner, to remind) and who has.",
        "status_app": "Status reports: one dated file per initiative per reporting round, status/<round>/<id>.yaml.",
        "status.new": "Write a pre-filled status report for the next round the initiative is due at, with its "
        "segment's questions.\n\nA status report is never overwritten: the file is created whole, and refused when it "
        "is there.\n\nExit status: 0 written, 1 refused (no round due, the segment does not report there, the file "
        "exists), 2 bad input.",
        "status.round": "The round, such as 2021-nuit-2; default the next one due.",
        "status.date": "The report's date, YYYY-MM-DD, and where the search for a round starts; default today.",
        "report_app": "Reports for committees and for people without an account: Markdown for the git platform, one "
        "HTML file, or a Word document from a Word template.",
        "report.out": "Write the report into this directory; default standard output.",
        "report.date": "The report's date, YYYY-MM-DD, printed in its header; meetings up to it count as held. "
        "Default none: a report never reads the clock.",
        "report.templates": "A directory of your own templates (reports/<kind>.md.j2, reports/<kind>.html.j2, "
        "reports/<kind>.docx) that override the shipped ones; default <portfolio>/templates/ if there is one. They "
        "render in Jinja's sandbox.",
        "report.overview": "The whole portfolio by segment, like table 5.2 of the report, with counts by segment, "
        f"owner and focus area.\n\n{_EN_WRITTEN}, 2 bad input (a date, a template, the portfolio).",
        "report.initiative": "A fact sheet: the checklist's explanation, the status trend across rounds, dependencies "
        f"both ways, and the segment history.\n\n{_EN_WRITTEN}, 2 bad input (an id, a date, a template).",
        "report.meeting": "The committee paper (saksfremlegg) for one meeting of the calendar: Formål, Bakgrunn (the "
        "portfolio in numbers), the status of each segment that reports there, who has not reported, the changes "
        f"since the committee's previous meeting, and Forslag til vedtak.\n\n{_EN_WRITTEN}, 2 bad input (a committee "
        "or date not in the calendar, a case number, a template).",
        "report.meeting.committee": "The committee, such as NUIT.",
        "report.meeting.date": "The meeting's date, YYYY-MM-DD, as in the calendar.",
        "report.meeting.case": "The case number, N/YY; default x/YY for the secretary to fill in.",
        "report.meeting.case_type": "The case type (sakstype).",
        "report.definition": "The annual portfolio definition, following NUIT's annual cycle: strategi og satsing, "
        f"prioritering, balansering, planlegging for neste år, and Forslag til vedtak.\n\n{_EN_WRITTEN}, 2 bad input "
        "(a date, a template).",
        "report.definition.year": "The year the definition is made in; it defines the next.",
        "report.site": "The overview and a fact sheet for every initiative, written together and linked to each "
        "other: the overview's names lead to the fact sheets, a fact sheet's dependencies to theirs, and each back to "
        "the overview. For people without an account: the directory can be published as it is.\n\n"
        f"{_EN_WRITTEN}, 2 bad input (a date, a template, the portfolio).",
        "report.site.out": "The directory the pages are written into.",
        "report.copy": "Copy the shipped templates of one format (the Word templates by default) into the "
        "portfolio's own template directory, templates/reports/, to give its reports its own layout. A file that is "
        "there is never overwritten.\n\nExit status: 0 copied, 1 some were there already and are kept, 2 nothing "
        "could be written.",
        "report.copy.format": "Which templates.",
        "report.copy.templates": "The portfolio's template directory to copy into; default <portfolio>/templates/.",
    },
}
