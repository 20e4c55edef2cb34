"""Status reports: the model, `ehp status new` writing the file of the next round due, and the rules of `ehp check` on
status files and the calendar, each with the file and line it names."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import invoke
from helpers import (
    INSPIRERE,
    INSPIRERE_STATUS,
    KOORDINERE,
    KOORDINERE_STATUS,
    OBSERVERE,
    OBSERVERE_STATUS,
    SAMSTYRE,
    SAMSTYRE_STATUS,
    SHIPPED_PORTFOLIO,
    calendar_portfolio,
    shipped_with_test_rounds,
)
from jsonschema import Draft202012Validator

from ehportfolio.domain.models import StatusReport
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.features.calendar import missing_content
from ehportfolio.features.schema import build_schema
from ehportfolio.i18n.catalogues import lookup
from ehportfolio.rules import run_rules
from ehportfolio.store.loader import MAX_BYTES, parse_mapping
from ehportfolio.store.packaged import load_cadence, load_checklist
from ehportfolio.store.portfolio import load_portfolio
from ehportfolio.store.revisions import Repository
from ehportfolio.store.validation import validate

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "status"
JUNE = datetime.date(2021, 6, 1)

EVERYONE = {"felles": SAMSTYRE, "avhengig": KOORDINERE, "innforing": OBSERVERE, "proving": INSPIRERE}


def report(text: str) -> StatusReport:
    data, positions = parse_mapping("s.yaml", text)
    return validate(StatusReport, data, "s.yaml", positions)


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        report(text)
    return caught.value.problems


# The model


def test_colours_are_kept_in_norwegian_and_read_in_english_too() -> None:
    assert report("date: 2021-02-01\ncolour: Rød\n").colour == "rød"
    assert [report(f"date: 2021-02-01\ncolour: {c}\n").colour for c in ("green", "YELLOW", "red")] == [
        "grønn",
        "gul",
        "rød",
    ]
    (problem,) = problems_of("date: 2021-02-01\ncolour: blå\n")
    assert (problem.code, problem.line, problem.field_path) == ("bad_choice", 2, "colour")
    assert problem.args == {"allowed": "grønn, gul, rød (green, yellow, red)"}


def test_every_field_but_the_date_may_be_left_out_or_empty() -> None:
    empty = report("date: 2021-02-01\ncolour:\nprogress:\nrisks:\n  - risk:\nactions:\n  -\n")
    assert empty.colour is None and empty.progress is None and empty.actions == (None,)
    assert empty.risks is not None and empty.risks[0].consequence is None
    assert report("date: 2021-02-01\nrisks: []\n").risks == ()
    (problem,) = problems_of("progress: Godt i gang\n")
    assert (problem.code, problem.args) == ("missing_key", {"key": "date"})


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("date: 2021-02-01\nprogres: Godt\n", "unknown_key", 2),
        ("date: 1. februar\n", "bad_date_value", 1),
        ("date: 2021-02-01\ndependencies:\n  - id: Ikke Slug\n", "bad_slug", 3),
        ("date: 2021-02-01\ndependencies:\n  - id: a\n    by: snart\n", "bad_date_value", 4),
        ("date: 2021-02-01\nrisks:\n  - risk: A\n    konsekvens: B\n", "unknown_key", 4),
        ("date: 2021-02-01\nprogress: ''\n", "empty_value", 2),
    ],
)
def test_what_the_model_refuses_is_named_at_its_line(text: str, code: str, line: int) -> None:
    (problem,) = problems_of(text)
    assert (problem.code, problem.line) == (code, line)


@pytest.mark.parametrize(
    ("segment", "text", "missing"),
    [
        ("samstyre", SAMSTYRE_STATUS, []),
        ("samstyre", "date: 2021-02-01\nrisks: []\ncolour: gul\nprogress: Ok\n", []),
        ("samstyre", "date: 2021-02-01\nrisks:\n  - risk: A\n  - {}\n", ["colour", "progress", "risks.0.consequence",
                                                                       "risks.0.action", "risks.1"]),
        # the empty record of `ehp status new` and of an empty form: the field is missing, as if left out
        ("samstyre", "date: 2021-02-01\nrisks:\n  - risk:\n    consequence:\n    action:\n", ["colour", "progress",
                                                                                             "risks"]),
        ("koordinere", "date: 2021-02-01\ndependencies:\n  - id:\n    needed:\n    by:\n    state:\n  - id: a\n"
                       "    needed: N\n    by: 2021-03-01\n    state: S\nactions: []\n", ["dependencies.0"]),
        ("koordinere", "date: 2021-02-01\ndependencies: []\nactions:\n  - A\n  -\n", ["actions.1"]),
        ("koordinere", KOORDINERE_STATUS, []),
        ("koordinere", "date: 2021-02-01\ndependencies:\n  - id: a\nactions: []\n", ["dependencies.0.needed",
                                                                                   "dependencies.0.by",
                                                                                   "dependencies.0.state"]),
        ("observere", OBSERVERE_STATUS, []),
        ("observere", "date: 2021-02-01\nprogress: Ok\n", ["risks", "experience", "obstacles"]),
        ("observere", "date: 2021-02-01\nprogress: Ok\nrisks: []\nexperience: E\nobstacles: O\n", []),
        ("inspirere", INSPIRERE_STATUS, []),
        ("inspirere", "date: 2021-02-01\ncolour: rød\n", ["purpose", "progress", "ideas"]),
        ("inspirere", "date: 2021-02-01\npurpose: P\nprogress: Q\nideas:\n  - I\n  -\n", ["ideas.1"]),
    ],
)  # fmt: skip
def test_the_content_each_segment_requires(segment: str, text: str, missing: list[str]) -> None:
    assert missing_content(report(text), segment, load_cadence()) == missing


# ehp status new


HEADER = """\
# yaml-language-server: $schema=../../schema/status.schema.json
# Statusrapport fra {name} ({id}) til {committee}-møte {number}/2021 ({committee_name}), {date}.
# {segment} rapporterer om {subject}.
# Svar under hvert spørsmål og kjør ehp check. En statusrapport er et datert dokument som ikke overskrives.
# Datoen rapporten gjelder (ÅÅÅÅ-MM-DD).
date: 2021-01-15
"""

WRITTEN = {
    "felles": (
        "2021-nuit-1",
        HEADER.format(
            committee="NUIT",
            committee_name="Prioriteringsutvalget",
            name="Felles",
            id="felles",
            number=1,
            date="2021-02-11",
            segment="Samstyre",
            subject="status og risiko",
        )
        + """\
# Samlet status: grønn (etter plan), gul (noe avvik) eller rød (vesentlig avvik, eller trolig ikke levert som planlagt).
colour:
# Hva er gjort siden forrige rapport, og hva er neste milepæl?
progress:
# De viktigste risikoene, hver med konsekvens og tiltak. Skriv «risks: []» om det ikke er noen.
risks:
  # Risiko: hva kan skje?
  - risk:
    # Konsekvens: hva skjer om risikoen inntreffer?
    consequence:
    # Tiltak: hva gjøres for å håndtere risikoen?
    action:
""",
    ),
    "avhengig": (
        "2021-nuit-2",
        HEADER.format(
            committee="NUIT", committee_name="Prioriteringsutvalget",
            name="Avhengig",
            id="avhengig",
            number=2,
            date="2021-05-06",
            segment="Koordinere",
            subject="avhengigheter og tiltakene som reduserer risikoen ved dem",
        )
        + "# Avhengighetene til andre tiltak: hva trengs, innen når, og hvordan ligger det an?"
        " Skriv «dependencies: []» om det ikke er noen.\n"
        + """\
dependencies:
  # Tiltaket dere er avhengige av (id-en, filnavnet uten .yaml).
  - id: felles
    # Hva trengs fra tiltaket?
    needed:
    # Innen når (ÅÅÅÅ-MM-DD)?
    by:
    # Hvordan ligger det an?
    state:
# Tiltakene som reduserer risikoen ved avhengighetene, ett per linje. Skriv «actions: []» om det ikke er noen.
actions:
  -
""",
    ),
    "innforing": (
        "2021-nufa-1",
        HEADER.format(
            committee="NUFA", committee_name="Fagutvalget",
            name="Innføring",
            id="innforing",
            number=1,
            date="2021-03-17",
            segment="Observere",
            subject="fremdrift og risiko, erfaringer og hindringer",
        )
        + """\
# Hva er gjort siden forrige rapport, og hva er neste milepæl?
progress:
# De viktigste risikoene, hver med konsekvens og tiltak. Skriv «risks: []» om det ikke er noen.
risks:
  # Risiko: hva kan skje?
  - risk:
    # Konsekvens: hva skjer om risikoen inntreffer?
    consequence:
    # Tiltak: hva gjøres for å håndtere risikoen?
    action:
# Hvilke erfaringer er verdt å dele med andre?
experience:
# Hva hindrer fremdrift eller innføring, og hva trengs for å fjerne det?
obstacles:
""",
    ),
    "proving": (
        "2021-nufa-1",
        HEADER.format(
            committee="NUFA", committee_name="Fagutvalget",
            name="Utprøving",
            id="proving",
            number=1,
            date="2021-03-17",
            segment="Inspirere",
            subject="formål, hvor langt tiltaket har kommet, og nye ideer",
        )
        + """\
# Hva er formålet med tiltaket, og hva skal det gi kunnskap om?
purpose:
# Hvor langt har tiltaket kommet, og hva har dere lært så langt?
progress:
"""
        + "# Nye ideer tiltaket har fått frem, som andre kan ha nytte av, én per linje."
        " Skriv «ideas: []» om det ikke er noen ennå.\n"
        + """\
ideas:
  -
""",
    ),
}  # fmt: skip


@pytest.mark.parametrize("ident", list(WRITTEN))
def test_status_new_writes_the_segments_questions_for_the_next_round(tmp_path: Path, ident: str) -> None:
    root = calendar_portfolio(tmp_path, **EVERYONE)
    code, out, err = invoke("status", "new", "--path", str(root), ident, "--date", "2021-01-15")
    round_id, expected = WRITTEN[ident]
    path = root / "status" / round_id / f"{ident}.yaml"
    assert (code, out) == (0, f"{path}\n"), err
    assert path.read_text(encoding="utf-8") == expected
    assert err.startswith(f"Skrev statusrapporten fra {ident} (")
    schema = build_schema("status", load_checklist("2020"))
    data = yaml.safe_load(expected)
    data["date"] = data["date"].isoformat()  # PyYAML reads YAML 1.1 dates; an editor keeps them as text
    assert not list(Draft202012Validator(schema).iter_errors(data))
    # The empty file is read without problems; ehp check names what is still to fill in.
    (finding,) = [f for f in run_rules(load_portfolio(str(root), statuses=True), JUNE) if f.path == str(path)]
    assert finding.code == "status_incomplete"


def test_the_pre_filled_file_becomes_clean_when_answered(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, **EVERYONE)
    invoke("status", "new", "--path", str(root), "avhengig", "--date", "2021-01-15")
    path = root / "status" / "2021-nuit-2" / "avhengig.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("needed:", "needed: Et API").replace("by:", "by: 2021-09-01").replace("state:", "state: I rute")
    path.write_text(text.replace("  -\n", "  - Møter hver måned\n"), encoding="utf-8")
    findings = run_rules(load_portfolio(str(root), statuses=True), JUNE)
    assert [f.code for f in findings if f.path == str(path)] == []


def test_an_initiative_without_recorded_dependencies_gets_one_to_fill_in(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, felles=SAMSTYRE, avhengig=KOORDINERE.split("\ndependencies:")[0] + "\n")
    assert invoke("status", "new", "--path", str(root), "avhengig", "--date", "2021-01-15")[0] == 0
    text = (root / "status" / "2021-nuit-2" / "avhengig.yaml").read_text(encoding="utf-8")
    assert "dependencies:\n  # Tiltaket dere er avhengige av (id-en, filnavnet uten .yaml).\n  - id:\n" in text


def test_the_next_round_skips_one_already_reported_and_a_given_round_is_taken(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, {"2021-nuit-1/felles": SAMSTYRE_STATUS}, **EVERYONE)
    code, out, _ = invoke("status", "new", "--path", str(root), "felles", "--date", "2021-01-15")
    assert code == 0 and out.strip().endswith(os.path.join("2021-nuit-2", "felles.yaml"))
    code, out, _ = invoke("status", "new", "--path", str(root), "felles", "--round", "2021-NUIT-4")
    assert code == 0 and out.strip().endswith(os.path.join("2021-nuit-4", "felles.yaml"))
    written = Path(out.strip()).read_text(encoding="utf-8")
    meeting = re.search(r"^# Statusrapport .* til NUIT-møte 4/2021 .*, (\d{4}-\d\d-\d\d)\.$", written, re.M)
    assert meeting, written  # today is years after the round: the report is dated at its meeting
    assert f"\ndate: {meeting.group(1)}\n" in written


def test_the_message_in_english(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, **EVERYONE)
    code, _, err = invoke("status", "new", "--path", str(root), "proving", "--date", "2021-01-15", "--lang", "en")
    assert code == 0
    assert err == (
        "Wrote the status report of proving (Inspirere) to NUFA 1/2021 (2021-03-17), 2021-01-15. "
        "Fill in the answers and run ehp check.\n"
    )


OUT = SAMSTYRE.replace("segment: samstyre\n", "").replace("multiple_care_providers: ja", "multiple_care_providers: nei")
FINISHED = SAMSTYRE + "status: finished\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["fellse"], 2, "fant ikke tiltaket «fellse»; mente du «felles»?"),
        (["felles", "--date", "2021-12-01"], 1, "ingen runde i kalenderen fra og med 2021-12-01 der Samstyre"),
        (["felles", "--round", "2021-nuit-7"], 2, "portfolio.yaml: runden «2021-nuit-7» er ikke et møte i kalenderen"),
        (["felles", "--round", "2021-nufa-1"], 1, "portfolio.yaml:9:5: Samstyre rapporterer ikke til NUFA 1/2021"),
        (["avhengig", "--round", "2021-nuit-1"], 1, "ikke til NUIT 1/2021 (2021-nuit-1); der rapporterer Samstyre"),
        (["felles", "--date", "15.01.2021"], 2, "«15.01.2021» er ikke en dato på formen ÅÅÅÅ-MM-DD"),
        (["ute"], 1, "ute.yaml: tiltaket har ikke noe segment (det er utenfor porteføljen eller uavklart)"),
        (["ferdig"], 1, "ferdig.yaml: tiltaket har status avsluttet og rapporterer ikke"),
        (["ferdig", "--round", "2021-nuit-1"], 1, "tiltaket har status avsluttet og rapporterer ikke"),
    ],
)  # fmt: skip
def test_refusals_write_nothing(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    root = calendar_portfolio(tmp_path, felles=SAMSTYRE, avhengig=KOORDINERE, ute=OUT, ferdig=FINISHED)
    got, out, err = invoke("status", "new", "--path", str(root), *args)
    assert (got, out) == (code, ""), err
    assert message in err
    assert not (root / "status").exists()


def test_a_status_report_is_never_overwritten(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, {"2021-nuit-2/felles": SAMSTYRE_STATUS}, **EVERYONE)
    (root / "status" / "2021-nuit-3").mkdir()
    (root / "status" / "2021-nuit-3" / "felles.yml").write_text(SAMSTYRE_STATUS, encoding="utf-8")
    for round_id, name in (("2021-nuit-2", "felles.yaml"), ("2021-nuit-3", "felles.yml")):
        code, out, err = invoke("status", "new", "--path", str(root), "felles", "--round", round_id)
        path = root / "status" / round_id / name
        assert (code, out) == (1, "")
        assert err == f"{path}: {lookup('nb', 'problem.status.exists')}\n"
        assert "en statusrapport blir aldri overskrevet" in err
        assert path.read_text(encoding="utf-8") == SAMSTYRE_STATUS


def test_without_a_calendar_or_a_portfolio(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    settings = root / "portfolio.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").split("calendar:")[0], encoding="utf-8")
    code, _, err = invoke("status", "new", "--path", str(root), "felles")
    assert code == 1 and "portfolio.yaml har ingen kalender (calendar:)" in err
    settings.write_text("name: [\n", encoding="utf-8")
    code, _, err = invoke("status", "new", "--path", str(root), "felles")
    assert code == 2 and "portfolio.yaml:2:1: ugyldig YAML" in err
    settings.unlink()
    code, _, err = invoke("status", "new", "--path", str(root), "felles")
    assert code == 2 and "er ikke en porteføljemappe" in err
    assert invoke("status", "new", "--path", str(tmp_path / "nowhere"), "felles")[0] == 2


def test_an_unreadable_initiative_file_is_named(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, felles=SAMSTYRE + "segment: samstyre\n")
    code, _, err = invoke("status", "new", "--path", str(root), "felles")
    assert code == 2 and "felles.yaml:10:1: nøkkelen «segment» står to ganger" in err


# The rules


def check(root: Path, today: datetime.date = JUNE) -> list[Problem]:
    return run_rules(load_portfolio(str(root), statuses=True), today)


def only(findings: list[Problem], code: str) -> list[Problem]:
    return [f for f in findings if f.code == code]


def test_complete_reports_of_every_segment_have_no_findings(tmp_path: Path) -> None:
    statuses = {
        "2021-nuit-1/felles": SAMSTYRE_STATUS,
        "2021-nuit-2/felles": SAMSTYRE_STATUS,
        "2021-nuit-2/avhengig": KOORDINERE_STATUS,
        "2021-nufa-1/innforing": OBSERVERE_STATUS,
        "2021-nufa-1/proving": INSPIRERE_STATUS,
        "2021-nuit-4/felles": SAMSTYRE_STATUS,
    }
    root = calendar_portfolio(tmp_path, statuses, **EVERYONE)
    findings = check(root, datetime.date(2021, 12, 31))
    assert {f.code for f in findings} == {"report_missing"}
    # NUIT 4 has started (felles reported to it), so the others due there are missing; NUIT 3 has not. Observere and
    # Inspirere report to NUFA (cadence.yaml), whose one meeting has them both.
    assert [(f.args["meeting"], f.args["id"]) for f in findings] == [("NUIT 4/2021", "avhengig")]


def test_report_missing_points_at_the_meeting_of_a_round_that_has_started(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, {"2021-nuit-2/felles": SAMSTYRE_STATUS}, **EVERYONE)
    findings = only(check(root), "report_missing")
    assert [(f.path, f.line, f.column, f.field_path, f.severity) for f in findings] == [
        (str(root / "portfolio.yaml"), 12, 5, "calendar.2", "warning")
    ]
    assert [f.args for f in findings] == [
        {
            "id": "avhengig",
            "segment": "koordinere",
            "meeting": "NUIT 2/2021",
            "date": "2021-05-06",
            "file": "status/2021-nuit-2/avhengig.yaml",
        },
    ]
    # NUIT 1 is past too, but nobody reported to it: not a round the portfolio collected.
    assert not [f for f in findings if f.args["meeting"] == "NUIT 1/2021"]


def test_report_missing_waits_for_the_meeting_and_keeps_to_the_portfolios_year(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, {"2021-nuit-2/felles": SAMSTYRE_STATUS}, **EVERYONE)
    assert only(check(root, datetime.date(2021, 5, 5)), "report_missing") == []
    assert len(only(check(root, datetime.date(2021, 5, 6)), "report_missing")) == 1
    settings = root / "portfolio.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("year: 2021", "year: 2022"), encoding="utf-8")
    assert only(check(root), "report_missing") == []
    # Without the status reports loaded (as ehp segment loads a portfolio), the status rules find nothing.
    assert only(run_rules(load_portfolio(str(root)), JUNE), "report_missing") == []


def test_report_missing_follows_the_recorded_history(tmp_path: Path) -> None:
    decided_later = SAMSTYRE.replace("name: Felles", "name: Senere") + (
        "history:\n  - date: 2021-05-10\n    kind: decision\n    from:\n    to: samstyre\n    reason: Vedtatt\n"
    )
    finished = OBSERVERE + (
        "status: finished\nhistory:\n  - date: 2021-03-01\n    kind: status\n    from: active\n    to: finished\n"
        "    reason: Innført\n"
    )
    root = calendar_portfolio(
        tmp_path, {"2021-nuit-2/felles": SAMSTYRE_STATUS}, felles=SAMSTYRE, senere=decided_later, innforing=finished
    )
    assert only(check(root), "report_missing") == []


def test_status_unknown_initiative_suggests_the_id(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, {"2021-nuit-1/fellse": SAMSTYRE_STATUS}, **EVERYONE)
    (finding,) = only(check(root), "status_unknown_initiative")
    assert finding.path == str(root / "status" / "2021-nuit-1" / "fellse.yaml")
    assert (finding.line, finding.column, finding.severity) == (1, 1, "error")
    assert finding.args == {"id": "fellse", "suggestion": "felles"}


def test_status_unknown_round_names_the_directory_and_a_stray_file(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path,
        {"2021-nuit-9/felles": SAMSTYRE_STATUS, "felles": SAMSTYRE_STATUS, "notater/felles": "x: 1\n"},
        **EVERYONE,
    )
    (root / "status" / "tom").mkdir()
    findings = only(check(root), "status_unknown_round")
    assert [(f.path, f.line) for f in findings] == [
        (str(root / "status" / "2021-nuit-9" / "felles.yaml"), 1),
        (str(root / "status" / "felles.yaml"), 1),
        (str(root / "status" / "notater" / "felles.yaml"), 1),
        (str(root / "status" / "tom"), None),
    ]
    assert findings[0].args["suggestion"].startswith("2021-nuit-") and findings[1].args == {"variant": "file"}
    known = "2021-nuit-1, 2021-nufa-1, 2021-nuit-2, 2021-nuit-3, 2021-nuit-4"
    assert findings[2].args == {"round": "notater", "suggestion": "", "known": known}


@pytest.mark.parametrize(
    ("name", "text", "fields", "line"),
    [
        ("2021-nuit-1/felles", SAMSTYRE_STATUS.replace("colour: rød\n", ""), "colour", 1),
        ("2021-nuit-1/felles", SAMSTYRE_STATUS.replace("colour: rød", "colour:"), "colour", 2),
        ("2021-nuit-1/felles", SAMSTYRE_STATUS.replace("    action: Ny søknad i mars\n", ""), "risks.0.action", 5),
        ("2021-nuit-2/avhengig", KOORDINERE_STATUS.replace("    by: 2021-09-01\n", "").replace(
            "actions:\n  - Månedlige møter med Felles\n", "actions:\n"), "dependencies.0.by, actions", 3),
        ("2021-nuit-2/innforing", OBSERVERE_STATUS.replace("experience: Tidlig opplæring lønner seg\n", ""),
         "experience", 1),
        ("2021-nuit-4/proving", INSPIRERE_STATUS.replace("purpose:", "purpose: ''\nobstacles:").replace(
            "purpose: ''", "purpose:"), "purpose", 2),
    ],
)  # fmt: skip
def test_status_incomplete_names_the_missing_fields(
    tmp_path: Path, name: str, text: str, fields: str, line: int
) -> None:
    root = calendar_portfolio(tmp_path, {name: text}, **EVERYONE)
    (finding,) = only(check(root), "status_incomplete")
    assert finding.path == str(root / "status" / f"{name}.yaml")
    assert (finding.line, finding.args["fields"], finding.field_path) == (line, fields, fields.split(",")[0])


def test_status_incomplete_reads_the_segment_the_initiative_had_at_the_meeting(tmp_path: Path) -> None:
    moved = KOORDINERE.replace("segment: koordinere", "segment: samstyre\nsegment_reason: Krever samstyring") + (
        "history:\n  - date: 2021-06-01\n    kind: move\n    from: koordinere\n    to: samstyre\n"
        "    reason: Krever samstyring\n"
    )
    statuses = {"2021-nuit-2/avhengig": KOORDINERE_STATUS, "2021-nuit-3/avhengig": KOORDINERE_STATUS}
    root = calendar_portfolio(tmp_path, statuses, felles=SAMSTYRE, avhengig=moved)
    (finding,) = only(check(root, datetime.date(2021, 12, 1)), "status_incomplete")
    assert "2021-nuit-3" in finding.path and finding.args == {
        "segment": "samstyre",
        "fields": "colour, progress, risks",
    }


def test_status_dependency_unknown_suggests_the_id(tmp_path: Path) -> None:
    text = KOORDINERE_STATUS.replace("id: felles", "id: fellse")
    root = calendar_portfolio(tmp_path, {"2021-nuit-2/avhengig": text}, **EVERYONE)
    (finding,) = only(check(root), "status_dependency_unknown")
    assert finding.path.endswith("avhengig.yaml") and (finding.line, finding.column) == (3, 5)
    assert finding.args == {"id": "fellse", "suggestion": "felles"} and finding.field_path == "dependencies.0.id"


@pytest.mark.parametrize(("date", "far"), [("0001-01-01", True), ("9999-12-31", True), ("2020-05-05", False)])
def test_status_date_far_warns_of_a_report_dated_over_a_year_from_its_meeting(
    tmp_path: Path, date: str, far: bool
) -> None:
    text = "date: " + date + "\n" + SAMSTYRE_STATUS.split("\n", 1)[1]
    root = calendar_portfolio(tmp_path, {"2021-nuit-2/felles": text}, **EVERYONE)
    found = only(check(root), "status_date_far")
    assert len(found) == far
    if far:
        assert found[0].severity == "warning" and (found[0].line, found[0].column) == (1, 1)
        assert found[0].args == {"date": date, "meeting": "NUIT 2/2021 (2021-05-06)"}


def test_bad_yaml_in_a_status_file_is_reported_and_the_rest_are_checked(tmp_path: Path) -> None:
    statuses = {
        "2021-nuit-2/felles": "date: 2021-05-01\nprogress: [\n",
        "2021-nuit-2/fellse": SAMSTYRE_STATUS,
        "2021-nuit-2/innforing": OBSERVERE_STATUS.replace("obstacles: Integrasjonen er ikke ferdig\n", ""),
    }
    root = calendar_portfolio(tmp_path, statuses, **EVERYONE)
    findings = check(root)
    assert [(Path(f.path).name, f.code) for f in findings] == [
        ("portfolio.yaml", "report_missing"),  # avhengig: the broken felles.yaml counts as handed in
        ("felles.yaml", "yaml_syntax"),
        ("fellse.yaml", "status_unknown_initiative"),
        ("innforing.yaml", "status_incomplete"),
    ]
    result = invoke("check", str(root), "--format", "json")
    assert result.code == 1
    rules = [f["rule"] for f in json.loads(result.out)["findings"]]
    assert "yaml_syntax" in rules and "status_unknown_initiative" in rules


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        (b"date: &d 2021-02-01\nprogress: *d\n", "alias", 1),
        (b"date: 2021-02-01\ndate: 2021-02-02\n", "duplicate_key", 2),
        (b"date: 2021-02-01\nprogress: \xff\n", "not_utf8", 2),
        (b"date: 2021-02-01\n" + b"#" * MAX_BYTES, "file_too_large", None),
        (b"date: 2021-02-01\nrisks:\n\t- risk: A\n", "tab_indent", 3),
        (b"- date: 2021-02-01\n", "not_mapping", 1),
        (b"date: !dato 2021-02-01\n", "tag", 1),
    ],
)
def test_status_files_are_read_as_safely_as_initiative_files(
    tmp_path: Path, content: bytes, code: str, line: int | None
) -> None:
    root = calendar_portfolio(tmp_path, **EVERYONE)
    (root / "status" / "2021-nuit-1").mkdir(parents=True)
    (root / "status" / "2021-nuit-1" / "felles.yaml").write_bytes(content)
    (finding,) = [f for f in check(root) if f.path.endswith("felles.yaml")]
    assert (finding.code, finding.line) == (code, line)


def test_bad_names_in_a_round_directory(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path, {"2021-nuit-1/Felles": SAMSTYRE_STATUS, "2021-nuit-2/felles": SAMSTYRE_STATUS}, **EVERYONE
    )
    (root / "status" / "2021-nuit-2" / "felles.yml").write_text(SAMSTYRE_STATUS, encoding="utf-8")
    (root / "status" / "2021-nuit-2" / "mappe.yaml").mkdir()
    codes = {(f.path.split("status/")[-1], f.code) for f in check(root) if "status/" in f.path}
    assert codes == {
        ("2021-nuit-1/Felles.yaml", "bad_id"),
        ("2021-nuit-2/felles.yml", "duplicate_id"),
        ("2021-nuit-2/mappe.yaml", "not_regular_file"),
    }


def test_a_round_directory_linked_out_of_the_portfolio_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "utenfor"
    outside.mkdir()
    (outside / "felles.yaml").write_text(SAMSTYRE_STATUS, encoding="utf-8")
    root = calendar_portfolio(tmp_path / "p", **EVERYONE)
    (root / "status").mkdir()
    os.symlink(outside, root / "status" / "2021-nuit-1")
    (finding,) = [f for f in check(root) if "status" in f.path]
    assert finding.code == "symlink_outside"


def test_a_status_path_that_is_a_file(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, **EVERYONE)
    (root / "status").write_text("", encoding="utf-8")
    (finding,) = [f for f in check(root) if "status" in f.path]
    assert finding.code == "not_a_directory"


def test_status_reports_at_a_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = calendar_portfolio(tmp_path / "repo" / "portfolio", {"2021-nuit-1/felles": SAMSTYRE_STATUS}, **EVERYONE)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "runde"]):
        subprocess.run([*git, *args], cwd=tmp_path / "repo", check=True, capture_output=True)
    shutil.rmtree(root / "status")
    portfolio = Repository(str(root)).snapshot("HEAD", statuses=True).portfolio
    assert portfolio.statuses is not None
    assert [(s.round, s.id, s.path) for s in portfolio.statuses.entries] == [
        ("2021-nuit-1", "felles", "HEAD:portfolio/status/2021-nuit-1/felles.yaml")
    ]
    (folder,) = portfolio.statuses.rounds
    assert (folder.name, folder.path, folder.files) == (
        "2021-nuit-1",
        "HEAD:portfolio/status/2021-nuit-1",
        ("HEAD:portfolio/status/2021-nuit-1/felles.yaml",),
    )


def test_the_fixture_rounds_on_the_shipped_portfolio(tmp_path: Path) -> None:
    """tests/fixtures/status read into the shipped portfolio as if it were 2021's: no errors, and the only warnings
    are the reports missing from the two rounds, digihelse-fase-2's among them."""
    root = tmp_path / "portfolio"
    shipped_with_test_rounds(root)
    settings = root / "portfolio.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("year: 2020", "year: 2021"), encoding="utf-8")
    portfolio = load_portfolio(str(root), statuses=True)
    assert portfolio.statuses is not None and len(portfolio.statuses.entries) == 9 + 2  # and the shipped example round
    findings = run_rules(portfolio, JUNE)
    assert {f.code for f in findings} == {"report_missing"}
    missing = {(f.args["meeting"], f.args["id"]) for f in findings}
    assert len(missing) == (30 - 3) + (47 - 6)
    assert {("NUIT 1/2021", "digihelse-fase-2"), ("NUIT 2/2021", "digihelse-fase-2")} <= missing
    assert not {i for _, i in missing} & {"akson-forberedelse", "helseplattformen", "hmn-lab"}
    colours = {(s.round, s.id): s.report.colour for s in portfolio.statuses.entries if s.report.colour}
    assert colours[("2021-nuit-1", "akson-forberedelse")] == "rød"
    assert colours[("2021-nuit-2", "legemiddelprogrammet")] == "gul"


def test_status_new_for_a_round_long_past_is_dated_at_its_meeting_and_refuses_a_far_date(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(SHIPPED_PORTFOLIO, root, ignore=shutil.ignore_patterns("status"))
    code, out, err = invoke("status", "new", "akson-forberedelse", "--round", "2021-nuit-3", "--path", str(root))
    assert code == 0, err
    written = Path(out.strip()).read_text(encoding="utf-8")
    assert "\ndate: 2021-09-16\n" in written  # today is years after NUIT 3/2021
    code, out, _ = invoke("check", "--strict", str(root))
    assert "status_date_far" not in out and "2021-09-16" not in out
    far = ("--round", "2021-nuit-4", "--date", "2030-01-01", "--path", str(root))
    code, out, err = invoke("status", "new", "akson-forberedelse", *far)
    assert code == 2 and out == ""
    assert "--date: datoen 2030-01-01 ligger mer enn et år fra møtet, NUIT 4/2021 (2021-11-25)" in err
