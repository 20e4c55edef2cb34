"""Everything the tool says to people, in Norwegian bokmål (nb, the default) and English (en)."""

from __future__ import annotations

from typing import Any

from .problems import Problem

LANGUAGES = ("nb", "en")

SEGMENT_NAMES = {"samstyre": "Samstyre", "koordinere": "Koordinere", "observere": "Observere", "inspirere": "Inspirere"}

TEXT: dict[str, dict[str, str]] = {
    "nb": {
        "yes": "ja",
        "no": "nei",
        "unanswered": "ubesvart",
        "owner": "Eier",
        "focus_area": "Innsatsområde",
        "checklist": "Sjekkliste",
        "inclusion": "E-helsetiltak av nasjonal betydning",
        "segment": "Segment",
        "effect.met": "kriteriet er oppfylt",
        "effect.failed": "kriteriet «{criterion}» er ikke oppfylt, så tiltaket hører ikke hjemme i porteføljen",
        "effect.not_alone": "ikke avgjørende alene: det andre spørsmålet i kriteriet avgjør",
        "effect.unanswered": "svaret trengs for å avgjøre",
        "effect.not_needed": "trengs ikke: andre svar avgjør",
        "effect.segment": "gir {segment}",
        "effect.next": "videre til neste spørsmål",
        "effect.otherwise": "nei på alle segmentspørsmålene gir {segment}",
        "result": "Resultat",
        "result.in": "med i nasjonal e-helseportefølje, segment {segment}",
        "result.out": "ikke med i nasjonal e-helseportefølje",
        "result.undecided": "uavklart",
        "missing": "Mangler svar på",
        "recorded": "Registrert segment",
        "recorded.reason": "begrunnelse",
        "flag.unexplained": "registrert som {recorded} uten begrunnelse (segment_reason)",
        "flag.explained": "registrert som {recorded}: {reason}",
        "group.out": "Utenfor porteføljen",
        "group.undecided": "Uavklart",
        "col.id": "Id",
        "col.name": "Navn",
        "col.owner": "Eier",
        "col.focus": "Innsatsområde",
        "col.note": "Merknad",
        "note.missing": "mangler svar: {keys}",
        "count": "{count} tiltak",
        "summary": "{total} tiltak klassifisert med sjekkliste {version}: {counts}.",
        "summary.flagged": "Tiltak med registrert segment som avviker fra sjekklisten uten begrunnelse: {count}.",
        "summary.unreadable": "Filer som ikke kunne leses: {count}.",
        "problems": "Problemer",
        "severity.error": "feil",
        "severity.warning": "advarsel",
        "check.summary": "{errors} feil og {warnings} advarsler i {files} filer; {checked} tiltak sjekket.",
        "check.clean": "Ingen funn; {checked} tiltak sjekket.",
        "wrote": "skrev {path}",
        "init.done": "Ny portefølje i {dir}: {count} filer. Neste steg: legg til tiltak i initiatives/ og kjør ehp check.",
    },
    "en": {
        "yes": "yes",
        "no": "no",
        "unanswered": "unanswered",
        "owner": "Owner",
        "focus_area": "Focus area",
        "checklist": "Checklist",
        "inclusion": "E-health initiative of national significance",
        "segment": "Segment",
        "effect.met": "the criterion holds",
        "effect.failed": 'the criterion "{criterion}" does not hold: the initiative is not in the portfolio',
        "effect.not_alone": "not decisive alone: the criterion's other question decides",
        "effect.unanswered": "the answer is needed to decide",
        "effect.not_needed": "not needed: other answers decide",
        "effect.segment": "gives {segment}",
        "effect.next": "on to the next question",
        "effect.otherwise": "no to every segment question gives {segment}",
        "result": "Result",
        "result.in": "in the national e-health portfolio, segment {segment}",
        "result.out": "not in the national e-health portfolio",
        "result.undecided": "undecided",
        "missing": "Answers missing",
        "recorded": "Recorded segment",
        "recorded.reason": "reason",
        "flag.unexplained": "recorded as {recorded} without a reason (segment_reason)",
        "flag.explained": "recorded as {recorded}: {reason}",
        "group.out": "Outside the portfolio",
        "group.undecided": "Undecided",
        "col.id": "Id",
        "col.name": "Name",
        "col.owner": "Owner",
        "col.focus": "Focus area",
        "col.note": "Note",
        "note.missing": "answers missing: {keys}",
        "count": "{count} initiatives",
        "summary": "{total} initiatives classified with checklist {version}: {counts}.",
        "summary.flagged": "Initiatives whose recorded segment differs from the checklist without a reason: {count}.",
        "summary.unreadable": "Files that could not be read: {count}.",
        "problems": "Problems",
        "severity.error": "error",
        "severity.warning": "warning",
        "check.summary": "{errors} errors and {warnings} warnings in {files} files; {checked} initiatives checked.",
        "check.clean": "No findings; {checked} initiatives checked.",
        "wrote": "wrote {path}",
        "init.done": "New portfolio in {dir}: {count} files. Next: add initiatives to initiatives/ and run ehp check.",
    },
}

PROBLEMS: dict[str, dict[str, str]] = {
    "nb": {
        "unreadable": "filen kan ikke leses: {reason}",
        "not_found": "finnes ikke",
        "not_a_directory": "er ikke en mappe",
        "not_regular_file": "er ikke en vanlig fil (for eksempel en FIFO eller en mappe) og blir ikke lest",
        "file_too_large": "filen er {size} byte, over grensen på {limit} byte; den blir ikke lest",
        "utf16": "filen er lagret som UTF-16; lagre den som UTF-8",
        "not_utf8": "byte 0x{byte} er ikke gyldig UTF-8; lagre filen som UTF-8",
        "line_separator": "tegnet {char} deler linjen i YAML; fjern det eller bytt det med et vanlig linjeskift",
        "nbsp_indent": "hardt mellomrom (U+00A0) i innrykket, ofte limt inn fra Word; bruk vanlige mellomrom",
        "control_char": "tegnet {char} er ikke tillatt i YAML",
        "empty_file": "filen er tom",
        "not_mapping": "filen må inneholde nøkler og verdier (en mapping), ikke {kind}",
        "multiple_documents": "filen inneholder flere YAML-dokumenter; bare ett er tillatt",
        "alias": "ankere og aliaser (& og *) er ikke tillatt",
        "tag": "YAML-tagger er ikke tillatt: {tag}",
        "too_deep": "strukturen er nestet dypere enn {limit} nivåer",
        "complex_key": "en nøkkel må være tekst",
        "duplicate_key": "nøkkelen «{key}» står to ganger; første gang på linje {first_line}",
        "tab_indent": "tabulator i innrykket; YAML krever mellomrom",
        "yaml_syntax": "ugyldig YAML: {problem}",
        "unknown_key": "ukjent nøkkel «{key}»",
        "unknown_key.suggest": "ukjent nøkkel «{key}»; mente du «{suggestion}»?",
        "missing_key": "påkrevd nøkkel «{key}» mangler",
        "bad_answer": "«{value}» er ikke et gyldig svar; tillatt: {allowed}, eller ingen verdi for ubesvart",
        "bad_slug": "«{value}» er ikke en gyldig id (små bokstaver a–z, sifre og bindestrek)",
        "bad_choice": "ugyldig verdi; tillatt: {allowed}",
        "wrong_type": "feil type; forventet {expected}",
        "empty_value": "verdien kan ikke være tom",
        "invalid_value": "ugyldig verdi: {detail}",
        "bad_id": "filnavnet gir id «{id}», som ikke er gyldig: bruk små bokstaver a–z, sifre og bindestrek",
        "unknown_focus_area": "innsatsområdet «{code}» finnes ikke i porteføljens strategi (kjente: {known})",
        "unknown_focus_area.suggest": "innsatsområdet «{code}» finnes ikke i strategien; mente du «{suggestion}»?",
        "unknown_checklist": "ukjent sjekklisteversjon «{version}» (kjente: {known}); sjekkliste {default} er brukt",
        "unknown_dependency": "avhengigheten «{id}» finnes ikke i porteføljen",
        "unknown_dependency.suggest": "avhengigheten «{id}» finnes ikke i porteføljen; mente du «{suggestion}»?",
        "self_dependency": "tiltaket «{id}» avhenger av seg selv",
        "dependency_cycle": "avhengighetene går i ring: {cycle}",
        "unknown_owner": "eieren «{owner}» står ikke i aktørregisteret",
        "unknown_owner.suggest": "eieren «{owner}» står ikke i aktørregisteret; mente du «{suggestion}»?",
        "segment_unexplained": "registrert segment {recorded} avviker fra sjekklistens {result} uten begrunnelse (segment_reason)",
        "segment_missing": "sjekklisten gir {result}, men tiltaket har ikke noe registrert segment",
        "segment_on_excluded": "tiltaket er utenfor porteføljen etter sjekklisten, men har segmentet {recorded}",
        "undecided": "sjekklisten mangler svar som trengs: {keys}",
        "samstyre_dependency_mismatch.yes": "svaret er ja på sterke avhengigheter til samstyringstiltak, men ingen sterk avhengighet til et Samstyre-tiltak er registrert",
        "samstyre_dependency_mismatch.no": "svaret er nei på sterke avhengigheter til samstyringstiltak, men en sterk avhengighet til Samstyre-tiltaket «{id}» er registrert",
        "koordinere_without_dependency": "Koordinere-tiltaket har ingen registrerte avhengigheter",
        "no_initiatives_dir": "fant ikke mappen {dir}/ ved siden av portfolio.yaml",
        "missing_file": "filen {file} finnes ikke",
        "exists": "finnes fra før og blir ikke overskrevet",
        "bad_local_file": "«{value}» må være en .yaml-fil i porteføljemappen",
        "symlink_outside": "symbolsk lenke ut av porteføljen (til {target}); den blir ikke fulgt",
        "case_collision": "id-en skiller seg bare i store/små bokstaver fra {other}; filene kolliderer på macOS og Windows",
    },
    "en": {
        "unreadable": "the file cannot be read: {reason}",
        "not_found": "does not exist",
        "not_a_directory": "is not a directory",
        "not_regular_file": "is not a regular file (a FIFO or a directory, say) and is not read",
        "file_too_large": "the file is {size} bytes, above the limit of {limit} bytes; it is not read",
        "utf16": "the file is saved as UTF-16; save it as UTF-8",
        "not_utf8": "byte 0x{byte} is not valid UTF-8; save the file as UTF-8",
        "line_separator": "the character {char} splits the line in YAML; remove it or use a plain line break",
        "nbsp_indent": "a no-break space (U+00A0) in the indentation, often pasted from Word; use plain spaces",
        "control_char": "the character {char} is not allowed in YAML",
        "empty_file": "the file is empty",
        "not_mapping": "the file must hold keys and values (a mapping), not a {kind}",
        "multiple_documents": "the file holds several YAML documents; only one is allowed",
        "alias": "anchors and aliases (& and *) are not allowed",
        "tag": "YAML tags are not allowed: {tag}",
        "too_deep": "the structure is nested deeper than {limit} levels",
        "complex_key": "a key must be text",
        "duplicate_key": 'the key "{key}" appears twice; first on line {first_line}',
        "tab_indent": "a tab in the indentation; YAML needs spaces",
        "yaml_syntax": "invalid YAML: {problem}",
        "unknown_key": 'unknown key "{key}"',
        "unknown_key.suggest": 'unknown key "{key}"; did you mean "{suggestion}"?',
        "missing_key": 'required key "{key}" is missing',
        "bad_answer": '"{value}" is not an allowed answer; allowed: {allowed}, or no value for unanswered',
        "bad_slug": '"{value}" is not a valid id (lowercase a-z, digits and hyphens)',
        "bad_choice": "invalid value; allowed: {allowed}",
        "wrong_type": "wrong type; expected {expected}",
        "empty_value": "the value cannot be empty",
        "invalid_value": "invalid value: {detail}",
        "bad_id": 'the file name gives the id "{id}", which is not valid: use lowercase a-z, digits and hyphens',
        "unknown_focus_area": 'focus area "{code}" is not in the portfolio\'s strategy (known: {known})',
        "unknown_focus_area.suggest": 'focus area "{code}" is not in the strategy; did you mean "{suggestion}"?',
        "unknown_checklist": 'unknown checklist version "{version}" (known: {known}); checklist {default} was used',
        "unknown_dependency": 'the dependency "{id}" is not in the portfolio',
        "unknown_dependency.suggest": 'the dependency "{id}" is not in the portfolio; did you mean "{suggestion}"?',
        "self_dependency": 'the initiative "{id}" depends on itself',
        "dependency_cycle": "the dependencies go round in a cycle: {cycle}",
        "unknown_owner": 'the owner "{owner}" is not in the actors register',
        "unknown_owner.suggest": 'the owner "{owner}" is not in the actors register; did you mean "{suggestion}"?',
        "segment_unexplained": "the recorded segment {recorded} differs from the checklist's {result} without a reason (segment_reason)",
        "segment_missing": "the checklist gives {result}, but the initiative records no segment",
        "segment_on_excluded": "the checklist leaves the initiative out of the portfolio, but it records the segment {recorded}",
        "undecided": "the checklist lacks answers it needs: {keys}",
        "samstyre_dependency_mismatch.yes": "strong dependencies on Samstyre initiatives is answered yes, but no strong dependency on a Samstyre initiative is recorded",
        "samstyre_dependency_mismatch.no": 'strong dependencies on Samstyre initiatives is answered no, but a strong dependency on the Samstyre initiative "{id}" is recorded',
        "koordinere_without_dependency": "the Koordinere initiative records no dependencies",
        "no_initiatives_dir": "no {dir}/ directory beside portfolio.yaml",
        "missing_file": "the file {file} does not exist",
        "exists": "exists already and is not overwritten",
        "bad_local_file": '"{value}" must be a .yaml file inside the portfolio directory',
        "symlink_outside": "a symbolic link out of the portfolio (to {target}); it is not followed",
        "case_collision": "the id differs only in case from {other}; the files collide on macOS and Windows",
    },
}

WHY: dict[str, dict[str, str]] = {
    "nb": {
        "file": "Filen må kunne leses og følge dataformatet; ellers blir tiltaket ikke vurdert.",
        "unknown_dependency": "En avhengighet må peke på et tiltak i porteføljen for å kunne følges opp.",
        "self_dependency": "Et tiltak kan ikke avhenge av seg selv.",
        "dependency_cycle": "Avhengigheter i ring kan ikke planlegges: ingen av tiltakene kan bli ferdig først.",
        "unknown_owner": "Eieren må være en aktør i registeret, så oversikter og rapporter samler tiltakene riktig.",
        "unknown_focus_area": "Innsatsområdet knytter tiltaket til strategien; en ukjent kode faller ut av oversiktene.",
        "segment_unexplained": "Avgjort segment er normalt sjekklistens resultat; et avvik må begrunnes.",
        "segment_missing": "Segmentet bestemmer hvor ofte og om hva tiltaket rapporterer.",
        "segment_on_excluded": "Et tiltak utenfor porteføljen rapporterer ikke og skal ikke ha segment.",
        "undecided": "Uten disse svarene kan sjekklisten ikke avgjøre om og hvor tiltaket hører hjemme.",
        "samstyre_dependency_mismatch": "Svaret på sjekklisten og de registrerte avhengighetene bør fortelle det samme.",
        "koordinere_without_dependency": "Koordinere-tiltak rapporterer om avhengigheter; uten dem er det ingenting å følge opp.",
    },
    "en": {
        "file": "The file must be readable and follow the data format; otherwise the initiative is not assessed.",
        "unknown_dependency": "A dependency must point at an initiative of the portfolio to be followed up.",
        "self_dependency": "An initiative cannot depend on itself.",
        "dependency_cycle": "Dependencies in a cycle cannot be planned: none of the initiatives can finish first.",
        "unknown_owner": "The owner must be an actor of the register, so that overviews and reports group correctly.",
        "unknown_focus_area": "The focus area ties the initiative to the strategy; an unknown code falls out of overviews.",
        "segment_unexplained": "The decided segment is normally the checklist's result; a difference needs a reason.",
        "segment_missing": "The segment decides how often and on what the initiative reports.",
        "segment_on_excluded": "An initiative outside the portfolio does not report and has no segment.",
        "undecided": "Without these answers the checklist cannot decide whether and where the initiative belongs.",
        "samstyre_dependency_mismatch": "The checklist answer and the recorded dependencies should tell the same story.",
        "koordinere_without_dependency": "Koordinere initiatives report on dependencies; without any there is nothing to follow.",
    },
}


def why(code: str, lang: str) -> str:
    """Why a rule matters; problems met while reading a file share one reason."""
    return WHY[lang].get(code, WHY[lang]["file"])


_KINDS = {"nb": {"list": "en liste", "scalar": "en enkelt verdi"}, "en": {"list": "list", "scalar": "single value"}}
_TYPES = {
    "nb": {
        "text": "tekst",
        "mapping": "nøkler og verdier",
        "list": "en liste",
        "integer": "et heltall",
        "boolean": "ja/nei",
    },
    "en": {"text": "text", "mapping": "a mapping", "list": "a list", "integer": "an integer", "boolean": "true/false"},
}


def text(lang: str, key: str, **args: Any) -> str:
    return TEXT[lang][key].format(**args)


def segment_name(segment: str | None) -> str:
    return SEGMENT_NAMES.get(segment or "", "–")


def answer_word(lang: str, answer: bool | None) -> str:
    return text(lang, "yes" if answer else "no") if answer is not None else text(lang, "unanswered")


def problem_message(problem: Problem, lang: str) -> str:
    """The problem's message alone, without its place."""
    args = dict(problem.args)
    code = problem.code
    if args.get("suggestion"):
        code += ".suggest"
    elif "variant" in args:
        code += "." + args["variant"]
    if "kind" in args:
        args["kind"] = _KINDS[lang].get(args["kind"], args["kind"])
    if "expected" in args:
        args["expected"] = _TYPES[lang].get(args["expected"], args["expected"])
    return PROBLEMS[lang][code].format(**args)


def problem_line(problem: Problem, lang: str) -> str:
    """`file:line:col: field: message`, the form editors and CI logs recognise."""
    place = problem.path
    if problem.line is not None:
        place += f":{problem.line}"
        if problem.column is not None:
            place += f":{problem.column}"
    field = f"{problem.field_path}: " if problem.field_path else ""
    return f"{place}: {field}{problem_message(problem, lang)}"
