"""Generate a synthetic portfolio of any size, in the format of portfolio/.

    python bench/generate.py OUTDIR --count N [--seed S]

OUTDIR gets portfolio.yaml, taxonomy.yaml, actors.yaml, initiatives/tiltak-NNNNN.yaml and schema/ (the JSON Schemas
`ehp schema --out` writes); every YAML file starts with its `# yaml-language-server: $schema=…` line, as the shipped
files do.

The output is reproducible: the same count and seed give byte-identical files. It is meant to be what a real portfolio
looks like, so `ehp check` finds it mostly clean:
- segments are mixed in roughly the real proportions, and the recorded `segment` is what the 2020 checklist gives (no
  `segment` key when the initiative is out of the portfolio or undecided);
- some answers are left out, so that a few percent are undecided (the `undecided` warning, and nothing else);
- every owner is in actors.yaml and every focus area in taxonomy.yaml;
- dependencies name lower-numbered initiatives only, so they all exist and never form a cycle;
- an initiative answering `strong_samstyre_dependencies: ja` (every Koordinere one) depends strongly on one to three
  earlier Samstyre initiatives, and one answering `nei` depends on Samstyre ones only weakly.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from pathlib import Path

from ehportfolio.domain.engine import decide as engine_decide
from ehportfolio.features.schema import KINDS, file_name, schema_text
from ehportfolio.store.packaged import load_checklist

CHECKLIST = load_checklist("2020")
INCLUSION = tuple(criterion.questions for criterion in CHECKLIST.criteria)
SEGMENT_TREE = tuple((branch.question, branch.segment) for branch in CHECKLIST.segment_tree)
CHECKLIST_KEYS = tuple(CHECKLIST.questions)
"""The questions the synthetic portfolios answer: those of the 2020 checklist they are decided by."""

FOCUS_AREAS = (
    ("1.1", "Modernisere journal- og samhandlingsløsning", False),
    ("1.2", "Digitalisere legemiddel-kjeden innenfor hver", True),
    ("2.1", "Sikre planlegging og kontinuitet i ansvars-ove", True),
    ("2.2", "Dele oppdaterte legemiddelopplysninger", False),
    ("3.1", "Bedre behandling med bedre utnyttelse av helse", True),
    ("3.2", "Bedre bruk av helsedata til sekundærformål", False),
    ("4.1", "Mobilisere innbyggeren som ressurs", False),
    ("4.3", "Helsehjelp og omsorg på avstand", False),
    ("5.1", "Utvikle felles byggeklosser som legger til rette", True),
)
ACTORS = (  # (name, short_name): the actors register; every owner is one of these
    ("Akson journal AS", None),
    ("Apotekerforeningen", None),
    ("Bergen kommune", None),
    ("Bodø kommune", None),
    ("Direktoratet for e-helse", None),
    ("Folkehelseinstituttet", "FHI"),
    ("Helse Midt-Norge RHF", "HMN"),
    ("Helse Nord RHF", None),
    ("Helse Sør-Øst RHF", "HSØ"),
    ("Helse Vest RHF", None),
    ("Helsedirektoratet", None),
    ("KS", None),
    ("Kristiansand kommune", None),
    ("Norsk Helsenett", "NHN"),
    ("Oslo kommune", None),
    ("Stavanger kommune", None),
    ("Tromsø kommune", None),
    ("Trondheim kommune", None),
)
OWNERS = tuple(name for name, _ in ACTORS)
TAXONOMY_NAME = "Nasjonal e-helsestrategi 2017–2022"
NAME_FIRST = (
    "Digital",
    "Felles",
    "Nasjonal",
    "Regional",
    "Helhetlig",
    "Trygg",
    "Moderne",
    "Samordnet",
    "Enklere",
    "Sikker",
    "Interregional",
    "Kommunal",
)
NAME_SECOND = (
    "pasientjournal",
    "legemiddelliste",
    "helsestasjon",
    "samhandling",
    "behandlingsplan",
    "innbyggertjenester",
    "patologi",
    "velferdsteknologi",
    "hjemmeoppfølging",
    "henvisning",
    "timebestilling",
    "helsedataplattform",
    "kjernejournal",
    "meldingsutveksling",
    "pleie- og omsorgsplan",
    "videokonsultasjon",
    "screening",
    "registerdata",
)
NAME_SUFFIX = ("", "", "", " fase 2", " – pilot", " – innføring", " i Nord", " i Vest", " 2.0", " – utredning")
EVIDENCE_CLAIMS = (
    "Samarbeid stat, kommune, sykehus, fastleger",
    "Avhengig av flere samstyringstiltak",
    "Innføring tjenester på Helsenorge",
    "Utprøving av ny teknologi",
    "Regional løsning med nasjonal overføringsverdi",
    "Felles plattform for kommunene",
    "Forskningsprosjekt i samarbeid med universitet",
)
DESCRIPTION_SENTENCES = (
    "Tiltaket skal gi helsepersonell bedre tilgang til oppdatert informasjon om pasienten.",
    "Løsningen bygger på nasjonale felleskomponenter og standarder for samhandling.",
    "Innbyggerne får digitale tjenester for innsyn, dialog og egenbehandling.",
    "Tiltaket gjennomføres i samarbeid mellom kommuner, helseforetak og fastleger.",
    "Erfaringene fra piloten skal danne grunnlag for en nasjonal innføring.",
    "Målet er færre manuelle rutiner og mindre dobbeltregistrering i journalen.",
    "Arbeidet omfatter utredning av juridiske, tekniske og organisatoriske forutsetninger.",
    "Data skal kunne gjenbrukes til kvalitetsforbedring, styring og forskning.",
)
ANSWER_WORDS = {True: "ja", False: "nei"}


def decide(answers: dict[str, bool]) -> tuple[bool | None, str | None]:
    """(included, segment) as the 2020 checklist gives them, from ehp's own engine."""
    decision = engine_decide(answers, CHECKLIST)
    return decision.included, decision.segment


def _profile(rng: random.Random) -> dict[str, bool]:
    """A full set of answers aimed at a segment, in roughly the real portfolio's proportions."""
    target = rng.choices(("samstyre", "koordinere", "inspirere", "observere", "out"), (40, 20, 14, 14, 12))[0]
    answers = dict.fromkeys(CHECKLIST_KEYS, False)
    if target == "out":
        answers.update({k: rng.random() < 0.6 for k in CHECKLIST_KEYS})
        failing = rng.choice(INCLUSION)
        for question in failing:
            answers[question] = False
        return answers
    answers["digitalisation_essential"] = True
    answers["multiple_care_providers"] = True
    answers["reuse_potential"] = rng.random() < 0.7
    answers["health_information_access"] = (not answers["reuse_potential"]) or rng.random() < 0.5
    order = [q for q, _ in SEGMENT_TREE]
    stop = {"samstyre": 0, "koordinere": 1, "inspirere": 2, "observere": 3}[target]
    if stop < len(order):
        answers[order[stop]] = True
        for later in order[stop + 1 :]:
            answers[later] = rng.random() < 0.4
    return answers


def _written(answers: dict[str, bool], rng: random.Random) -> dict[str, bool]:
    """The answers a file writes: like the real files, usually up to the deciding one; sometimes one more, sometimes one
    left out (which may leave the initiative undecided)."""
    included, segment = decide(answers)
    if included is True and segment is not None and rng.random() < 0.7:
        # stop after the deciding question of the segment tree, and skip the unneeded inclusion alternative
        keep = ["digitalisation_essential", "multiple_care_providers"]
        keep.append("reuse_potential" if answers["reuse_potential"] else "health_information_access")
        if not answers["reuse_potential"] or rng.random() < 0.3:
            keep.append("health_information_access")
        for question, seg in SEGMENT_TREE:
            keep.append(question)
            if seg == segment:
                break
        written = {k: answers[k] for k in CHECKLIST_KEYS if k in keep}
    else:
        written = dict(answers)
    if rng.random() < 0.05:  # an answer left out: often undecided
        del written[rng.choice(list(written))]
    return written


def _name(rng: random.Random) -> str:
    return f"{rng.choice(NAME_FIRST)} {rng.choice(NAME_SECOND)}{rng.choice(NAME_SUFFIX)}"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _folded(text: str, indent: str = "  ", width: int = 100) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(indent + line)
    return lines


def schema_line(kind: str, prefix: str = "") -> str:
    return f"# yaml-language-server: $schema={prefix}schema/{file_name(kind)}"


def _dependencies(
    number: int, answer: bool | None, samstyre: list[int], samstyre_set: set[int], rng: random.Random
) -> dict[int, str]:
    """{earlier initiative number: strength}. Only lower numbers, so every id exists and there is no cycle."""
    chosen: dict[int, str] = {}
    if answer is True:  # "ja" to strong Samstyre dependencies: name them
        wanted = rng.choices((1, 2, 3), (60, 30, 10))[0]
        for other in rng.sample(samstyre, min(wanted, len(samstyre))):
            chosen[other] = "strong"
    if number > 0 and rng.random() < 0.25:  # other dependencies, on anything earlier
        for _ in range(rng.randint(1, 2)):
            other = rng.randrange(number)
            strength = "strong" if rng.random() < 0.3 else "weak"
            if answer is False and other in samstyre_set:
                strength = "weak"  # a strong one would contradict the "nei"
            chosen.setdefault(other, strength)
    return chosen


def initiative_text(
    number: int, rng: random.Random, samstyre: list[int], samstyre_set: set[int]
) -> tuple[str, str | None]:
    """The text of initiative `number` and the segment it records. `samstyre` lists the earlier Samstyre initiatives."""
    answers = _profile(rng)
    if not samstyre:  # nothing earlier to depend on yet: the first few cannot claim strong Samstyre dependencies
        answers["strong_samstyre_dependencies"] = False
    written = _written(answers, rng)
    included, segment = decide(written)
    out = [
        schema_line("initiative", "../"),
        f"name: {_name(rng)}",
        f"owner: {rng.choice(OWNERS)}",
        f'focus_area: "{rng.choice(FOCUS_AREAS)[0]}"',
    ]
    if segment is not None:
        out.append(f"segment: {segment}")
    out.append("checklist:")
    out.extend(f"  {key}: {ANSWER_WORDS[value]}" for key, value in written.items())
    if rng.random() < 0.4:
        out.append("description: >-")
        out.extend(_folded(" ".join(rng.sample(DESCRIPTION_SENTENCES, rng.randint(2, 4)))))
    dependencies = _dependencies(number, written.get("strong_samstyre_dependencies"), samstyre, samstyre_set, rng)
    if dependencies:
        out.append("dependencies:")
        for other, strength in sorted(dependencies.items()):
            out.append(f"  - id: {initiative_id(other)}")
            out.append(f"    strength: {strength}")
    claim = rng.choice(EVIDENCE_CLAIMS)
    verdict = segment.capitalize() if segment else ("utenfor porteføljen" if included is False else "ikke avgjort")
    out.append(
        "evidence: "
        + _quoted(f"Tabell 5.2: «{claim}». Svarene i sjekklisten er hentet fra innmeldingen, dvs. {verdict}.")
    )
    return "\n".join(out) + "\n", segment


PHASES = ("utredning", "planlegging", "gjennomføring", "innføring", "gevinstrealisering")
PLAN_SHARE = 0.3
"""The share of generated initiatives that record a plan over time (phases and milestones), for `report roadmap`."""


def plan_lines(rng: random.Random) -> list[str]:
    """Phases one after another from a start in 2019–2024, each planned 3–18 months and ending up to 4 months either
    side of the plan, the last one still going; and one or two milestones."""
    start = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 6 * 365))
    out = ["phases:"]
    first = rng.randint(0, 2)
    phases = PHASES[first : first + rng.randint(1, 3)]
    for index, name in enumerate(phases):
        end = start + datetime.timedelta(days=rng.randint(90, 540))
        out += [f"  - name: {name}", f"    planned_start: {start}", f"    planned_end: {end}"]
        out.append(f"    actual_start: {start + datetime.timedelta(days=rng.randint(0, 60))}")
        if index < len(phases) - 1:
            out.append(f"    actual_end: {end + datetime.timedelta(days=rng.randint(-30, 120))}")
        start = end + datetime.timedelta(days=1)
    out.append("milestones:")
    for number in range(rng.randint(1, 2)):
        planned = start - datetime.timedelta(days=rng.randint(0, 400))
        out += [f"  - name: Milepæl {number + 1}", f"    planned: {planned}"]
    return out


def initiative_id(number: int) -> str:
    return f"tiltak-{number:05d}"


def portfolio_text(count: int, rounds: bool = False) -> str:
    out = [
        schema_line("portfolio"),
        f"name: Syntetisk e-helseportefølje ({count} tiltak)",
        "year: 2020",
        'checklist_version: "2020"',
        "taxonomy: taxonomy.yaml",
        "actors: actors.yaml",
    ]
    if rounds:
        out.append("calendar:")
        for committee, number, date in CALENDAR:
            out += [f"  - committee: {committee}", f"    number: {number}", f"    date: {date}"]
    return "\n".join(out) + "\n"


CALENDAR = (
    ("NUIT", 1, "2021-02-11"),
    ("NUFA", 1, "2021-03-17"),
    ("NUIT", 2, "2021-05-06"),
    ("NUIT", 3, "2021-09-16"),
    ("NUFA", 2, "2021-10-20"),
    ("NUIT", 4, "2021-11-25"),
)
"""The meetings of `--rounds`: the shipped portfolio's calendar of 2021."""
ROUNDS = {
    "2021-nuit-2": ("samstyre", "koordinere"),
    "2021-nufa-2": ("observere", "inspirere"),
    "2021-nuit-4": ("samstyre", "koordinere"),
}
"""The rounds `--rounds` writes status reports for, and the segments that report to each by the default cadence (NUIT
gets Samstyre and Koordinere, NUFA Observere and Inspirere; cadence.yaml)."""
MISSING_SHARE = 0.05
"""The share of reports due that `--rounds` leaves out (not reported)."""


ACTIONS = ("Tett oppfølging av leverandøren", "Ny plan for innføringen", "Eskalert til styringsgruppen")


def _risk_lines(rng: random.Random) -> list[str]:
    if rng.random() < 0.3:
        return ["risks: []"]
    return [
        "risks:",
        "  - risk: Forsinket leveranse fra leverandør",
        "    consequence: Innføringen utsettes",
        f"    action: {rng.choice(ACTIONS)}",
    ]


def status_text(segment: str, date: str, rng: random.Random, earlier: list[int]) -> str:
    """A complete status report of `segment`, as its cadence requires, with the experience, obstacles and ideas the
    knowledge bank gathers and, for Koordinere, dependencies on earlier initiatives (some past their date)."""
    out = [schema_line("status", "../../"), f"date: {date}"]
    if segment == "samstyre":
        out.append(f"colour: {rng.choices(('grønn', 'gul', 'rød'), (70, 22, 8))[0]}")
    if segment in ("samstyre", "observere", "inspirere"):
        out.append(f"progress: {rng.choice(DESCRIPTION_SENTENCES)}")
    if segment in ("samstyre", "observere"):
        out += _risk_lines(rng)
    if segment == "observere":
        out.append(f"experience: {rng.choice(DESCRIPTION_SENTENCES)}")
        out.append("obstacles: Mangler kapasitet hos leverandøren av fagsystemet")
    if segment == "koordinere":
        out.append("dependencies:")
        for other in rng.sample(earlier, min(len(earlier), rng.randint(1, 2))) if earlier else ():
            by = rng.choice(("2021-03-01", "2021-12-31", "2022-06-30"))
            out += [f"  - id: {initiative_id(other)}", "    needed: Grensesnitt i produksjon", f"    by: {by}"]
            out.append(f"    state: {rng.choice(('I rute', 'Forsinket', 'Levert'))}")
        if out[-1] == "dependencies:":
            out[-1] = "dependencies: []"
        out += ["actions:", "  - Felles testmiljø med tiltaket vi er avhengige av"]
    if segment == "inspirere":
        out.append(f"purpose: {rng.choice(DESCRIPTION_SENTENCES)}")
        out += ["ideas:", f"  - {rng.choice(DESCRIPTION_SENTENCES)}"]
    return "\n".join(out) + "\n"


def write_rounds(outdir: Path, segments: dict[int, str], seed: int) -> None:
    """status/<round>/<id>.yaml for the rounds of ROUNDS: a complete report from each initiative due, but MISSING_SHARE
    of them, dated a week before the meeting."""
    rng = random.Random(seed + 2)
    dates = {f"{date[:4]}-{committee.lower()}-{number}": date for committee, number, date in CALENDAR}
    for round_id, reporting in ROUNDS.items():
        folder = outdir / "status" / round_id
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("tiltak-*.yaml"):
            stale.unlink()
        date = (datetime.date.fromisoformat(dates[round_id]) - datetime.timedelta(days=7)).isoformat()
        for number, segment in segments.items():
            if segment in reporting and rng.random() >= MISSING_SHARE:
                earlier = [n for n in range(max(0, number - 50), number) if n in segments]
                text = status_text(segment, date, rng, earlier)
                (folder / f"{initiative_id(number)}.yaml").write_text(text, encoding="utf-8")


def taxonomy_text() -> str:
    out = [schema_line("taxonomy"), f"name: {TAXONOMY_NAME}", "focus_areas:"]
    for code, name, truncated in FOCUS_AREAS:
        out.append(f'  - code: "{code}"')
        out.append(f"    name: {name}")
        if truncated:
            out.append("    truncated: true")
    return "\n".join(out) + "\n"


def actors_text() -> str:
    out = [schema_line("actors"), "actors:"]
    for name, short_name in ACTORS:
        out.append(f"  - name: {name}")
        if short_name:
            out.append(f"    short_name: {short_name}")
    return "\n".join(out) + "\n"


def write_schemas(folder: Path) -> None:
    """What `ehp schema --out folder` writes, from the same functions."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        (folder / file_name(kind)).write_text(schema_text(kind, CHECKLIST), encoding="utf-8")


def generate(outdir: Path, count: int, seed: int = 1, rounds: bool = False) -> None:
    """Write outdir/portfolio.yaml, taxonomy.yaml, actors.yaml, schema/ and initiatives/tiltak-NNNNN.yaml for NNNNN in
    0..count-1; with `rounds`, a calendar and the status reports of ROUNDS too."""
    outdir = Path(outdir)
    folder = outdir / "initiatives"
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("tiltak-*.yaml"):  # a smaller count must not leave files of an earlier, larger run
        stale.unlink()
    (outdir / "portfolio.yaml").write_text(portfolio_text(count, rounds), encoding="utf-8")
    (outdir / "taxonomy.yaml").write_text(taxonomy_text(), encoding="utf-8")
    (outdir / "actors.yaml").write_text(actors_text(), encoding="utf-8")
    write_schemas(outdir / "schema")
    rng = random.Random(seed)
    plans = random.Random(seed + 1)  # its own stream, so that the rest of each file is what it was before plans
    samstyre: list[int] = []
    samstyre_set: set[int] = set()
    segments: dict[int, str] = {}
    for number in range(count):
        text, segment = initiative_text(number, rng, samstyre, samstyre_set)
        if plans.random() < PLAN_SHARE:
            text += "\n".join(plan_lines(plans)) + "\n"
        (folder / f"{initiative_id(number)}.yaml").write_text(text, encoding="utf-8")
        if segment is not None:
            segments[number] = segment
        if segment == "samstyre":
            samstyre.append(number)
            samstyre_set.add(number)
    if rounds:
        write_rounds(outdir, segments, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, required=True, help="number of initiative files")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--rounds", action="store_true", help="a calendar of 2021 and three rounds of status reports")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be >= 0")
    generate(args.outdir, args.count, args.seed, args.rounds)
    print(f"wrote {args.count} initiatives to {args.outdir / 'initiatives'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
