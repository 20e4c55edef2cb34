"""The reporting calendar: the 4/2/2/1 cadence spread over a year's meetings, meetings that name their segments, and
`ehp calendar` showing who reports to which meeting and who has."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import invoke
from helpers import (
    ACTORS,
    INSPIRERE,
    KOORDINERE,
    OBSERVERE,
    SAMSTYRE,
    SETTINGS,
    TAXONOMY,
    build_file_tree,
    calendar_portfolio,
    shipped_with_test_rounds,
)

from ehportfolio.domain.cadence import cadence_from_data
from ehportfolio.domain.models import Meeting, Settings
from ehportfolio.features.calendar import default_positions, rounds
from ehportfolio.store.loader import parse_mapping
from ehportfolio.store.packaged import CADENCE_FILE, load_cadence
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "status"


# The default cadence: k reports a year spread over n meetings, the last one always.


@pytest.mark.parametrize(
    ("meetings", "samstyre", "koordinere_observere", "inspirere"),
    [
        (1, [0], [0], [0]),
        (2, [0, 1], [0, 1], [1]),
        (3, [0, 1, 2], [1, 2], [2]),
        (4, [0, 1, 2, 3], [1, 3], [3]),
        (5, [1, 2, 3, 4], [2, 4], [4]),
        (6, [1, 2, 4, 5], [2, 5], [5]),
    ],
)
def test_default_positions_for_one_to_six_meetings(
    meetings: int, samstyre: list[int], koordinere_observere: list[int], inspirere: list[int]
) -> None:
    assert default_positions(meetings, 4) == samstyre
    assert default_positions(meetings, 2) == koordinere_observere
    assert default_positions(meetings, 1) == inspirere
    assert default_positions(0, 4) == []


def meeting(committee: str, number: int, date: str, segments: list[str] | None = None) -> Meeting:
    data: dict[str, object] = {"committee": committee, "number": number, "date": date}
    if segments is not None:
        data["segments"] = segments
    return Meeting.model_validate(data)


def reporting(calendar: list[Meeting]) -> dict[str, tuple[str, ...]]:
    return {r.id: r.segments for r in rounds(calendar, load_cadence())}


@pytest.mark.parametrize("count", range(1, 7))
def test_each_segment_reports_its_times_a_year_to_the_committee_the_cadence_sends_it_to(count: int) -> None:
    calendar = [meeting("NUIT", n, f"2021-{n + 1:02d}-10") for n in range(1, count + 1)]
    calendar += [meeting("NUFA", n, f"2021-{n + 1:02d}-15") for n in range(1, count + 1)]
    calendar.append(meeting("EHELSE", 1, "2021-06-20"))
    found = reporting(calendar)
    assert found["2021-ehelse-1"] == ()
    for committee, sent in (
        ("nuit", (("samstyre", 4), ("koordinere", 2))),
        ("nufa", (("observere", 2), ("inspirere", 1))),
    ):
        own = {ident: segments for ident, segments in found.items() if f"-{committee}-" in ident}
        for segment, times in sent:
            assert sum(segment in segments for segments in found.values()) == min(times, count)
            assert sum(segment in segments for segments in own.values()) == min(times, count)
        assert set(found[f"2021-{committee}-{count}"]) == {segment for segment, _ in sent}


def test_rounds_are_in_date_order_and_each_year_is_spread_on_its_own() -> None:
    calendar = [
        meeting("NUIT", 2, "2021-11-25"),
        meeting("NUIT", 1, "2021-03-04"),
        meeting("NUIT", 1, "2022-02-10"),
    ]
    found = rounds(calendar, load_cadence())
    assert [(r.id, r.index, r.label) for r in found] == [
        ("2021-nuit-1", 1, "NUIT 1/2021"),
        ("2021-nuit-2", 0, "NUIT 2/2021"),
        ("2022-nuit-1", 2, "NUIT 1/2022"),
    ]
    assert [r.segments for r in found] == [
        ("samstyre", "koordinere"),
        ("samstyre", "koordinere"),
        ("samstyre", "koordinere"),
    ]


def test_a_meeting_that_names_its_segments_overrides_the_cadence() -> None:
    calendar = [
        meeting("NUIT", 1, "2021-02-11", ["Inspirere", "samstyre"]),
        meeting("NUIT", 2, "2021-05-06", []),
        meeting("NUFA", 1, "2021-06-01", ["koordinere"]),
        meeting("NUIT", 3, "2021-11-25"),
    ]
    found = {r.id: r for r in rounds(calendar, load_cadence())}
    assert found["2021-nuit-1"].segments == ("samstyre", "inspirere") and not found["2021-nuit-1"].default
    assert found["2021-nuit-2"].segments == ()
    assert found["2021-nufa-1"].segments == ("koordinere",)
    # The default still counts the named meetings: NUIT 3 is the last of three.
    assert found["2021-nuit-3"].segments == ("samstyre", "koordinere")
    assert found["2021-nuit-3"].default


def test_committee_names_are_read_in_any_case_and_kept_in_capitals() -> None:
    assert meeting("nuit", 1, "2021-02-11").committee == "NUIT"
    assert meeting(" Nufa ", 1, "2021-02-11").round == "2021-nufa-1"


@pytest.mark.parametrize(
    ("calendar", "code", "line", "args"),
    [
        (
            "  - committee: NUIT\n    number: 1\n    date: 2021-02-11\n"
            "  - committee: nuit\n    number: 1\n    date: 2021-12-01\n",
            "duplicate_meeting",
            9,
            {"round": "2021-nuit-1", "first_line": 6},
        ),
        ("  - committee: NU IT\n    number: 1\n    date: 2021-02-11\n", "bad_committee", 6, {"value": "NU IT"}),
        ("  - committee: NUIT\n    number: 0\n    date: 2021-02-11\n", "too_small", 7, {"limit": 1}),
        ("  - committee: NUIT\n    number: 1\n    date: 11.02.2021\n", "bad_date_value", 8, {"value": "11.02.2021"}),
        ("  - committee: NUIT\n    number: 1\n    date: 2021-02-11\n    segments: [alle]\n", "bad_choice", 9, None),
        (
            "  - committee: NUIT\n    number: 1\n    date: 2021-02-11\n    segmnets: [samstyre]\n",
            "unknown_key",
            9,
            {
                "key": "segmnets",
                "suggestion": "segments",
                "known": "committee, number, date, segments, stage, case, case_type",
            },
        ),
    ],
)
def test_a_bad_calendar_is_a_problem_of_portfolio_yaml_at_its_line(
    tmp_path: Path, calendar: str, code: str, line: int, args: dict[str, object] | None
) -> None:
    settings = SETTINGS.replace("year: 2026", "year: 2021") + "calendar:\n" + calendar
    build_file_tree(
        tmp_path,
        {"portfolio.yaml": settings, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS, "initiatives/f.yaml": SAMSTYRE},
    )
    problems = load_portfolio(str(tmp_path)).problems
    assert [(p.code, p.line) for p in problems] == [(code, line)], problems
    assert problems[0].path.endswith("portfolio.yaml")
    if args is not None:
        assert problems[0].args == args


def test_settings_without_a_calendar_have_none() -> None:
    assert Settings.model_validate({"name": "P", "year": "2021"}).calendar == ()


# ehp calendar

EXAMPLES = (
    "Eksempeldata: Statusrapportene for NUFA 1/2021, NUIT 2/2021, NUFA 2/2021 og NUIT 4/2021 er oppdiktede eksempler,"
    " ikke virksomhetenes egne rapporter."
)
SHIPPED = f"""\
Møtekalender 2021: Nasjonal e-helseportefølje 2020
{EXAMPLES}

Møte         Dato        Runde        Årshjul       Rapporterer           Har rapportert
NUIT 1/2021  2021-02-11  2021-nuit-1  strategi      Samstyre              ikke startet (0 av 30)
NUFA 1/2021  2021-03-17  2021-nufa-1  –             Observere             6 av 6
NUIT 2/2021  2021-05-06  2021-nuit-2  prioritering  Samstyre, Koordinere  41 av 41
NUIT 3/2021  2021-09-16  2021-nuit-3  balansering   Samstyre              ikke startet (0 av 30)
NUFA 2/2021  2021-10-20  2021-nufa-2  –             Observere, Inspirere  14 av 14
NUIT 4/2021  2021-11-25  2021-nuit-4  planlegging   Samstyre, Koordinere  41 av 41

Kadensen (Porteføljestyring 2.0), og utvalget som får rapportene når et møte ikke nevner segmenter selv:
  Samstyre    4 ganger i året  NUIT  status og risiko
  Koordinere  2 ganger i året  NUIT  avhengigheter og tiltakene som reduserer risikoen ved dem
  Observere   2 ganger i året  NUFA  fremdrift og risiko, erfaringer og hindringer
  Inspirere   1 gang i året    NUFA  formål, hvor langt tiltaket har kommet, og nye ideer
"""


def test_the_shipped_calendar_shows_every_meeting_of_2021() -> None:
    # The portfolio's year (2020) has no meetings, so every meeting of the calendar is shown; its four example rounds
    # hold a report from everyone due, and the line under the title says that they are invented.
    assert invoke("calendar", "--path", str(ROOT / "portfolio")) == (0, SHIPPED, "")
    assert invoke("calendar", "--path", str(ROOT / "portfolio"), "--year", "2021") == (0, SHIPPED, "")


@pytest.fixture()
def reported(tmp_path: Path) -> Path:
    """The shipped portfolio with the two status rounds of tests/fixtures/status."""
    root = tmp_path / "portfolio"
    shipped_with_test_rounds(root)
    return root


def test_the_counts_follow_the_status_files(reported: Path) -> None:
    code, out, _ = invoke("calendar", "--path", str(reported))
    assert code == 0
    lines = out.splitlines()
    assert lines[3].endswith("3 av 30") and lines[4].endswith("1 av 6") and lines[5].endswith("5 av 41")
    assert lines[6].endswith("2 av 30")


def test_json_lists_who_is_due_and_who_has_reported(reported: Path) -> None:
    code, out, _ = invoke("calendar", "--path", str(reported), "--format", "json", "--lang", "en")
    assert code == 0
    document = json.loads(out)
    assert document["portfolio"] == "Nasjonal e-helseportefølje 2020"
    assert document["cadence"]["koordinere"] == {
        "times": 2,
        "committees": ["NUIT"],
        "subject": "dependencies and the actions that reduce their risk",
    }
    second = document["meetings"][2]
    assert {k: second[k] for k in ("round", "committee", "number", "date", "segments", "segments_source")} == {
        "round": "2021-nuit-2",
        "committee": "NUIT",
        "number": 2,
        "date": "2021-05-06",
        "segments": ["samstyre", "koordinere"],
        "segments_source": "cadence",
    }
    assert len(second["due"]) == 41 and "digihelse-fase-2" in second["not_reported"]
    assert second["reported"] == [
        "akson-forberedelse",
        "akson-journal",
        "helsedataprogrammet",
        "helseplattformen",
        "legemiddelprogrammet",
    ]
    assert second["unexpected"] == []
    nufa = document["meetings"][1]
    assert (nufa["segments"], nufa["reported"], len(nufa["due"])) == (["observere"], ["hmn-lab"], 6)
    assert [m["stage"] for m in document["meetings"]] == [
        "strategi",
        None,  # NUFA's meetings handle no stage of NUIT's annual cycle
        "prioritering",
        "balansering",
        None,
        "planlegging",
    ]


def test_english_and_meetings_that_name_their_segments(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, felles=SAMSTYRE, avhengig=KOORDINERE, innforing=OBSERVERE, proving=INSPIRERE)
    settings = root / "portfolio.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "number: 1\n    date: 2021-03-17\n", "number: 1\n    date: 2021-03-17\n    segments: [inspirere]\n"
        ),
        encoding="utf-8",
    )
    code, out, err = invoke("calendar", "--path", str(root), "--lang", "en")
    assert (code, err) == (0, "")
    assert out.splitlines()[:8] == [
        "Meeting calendar 2021: Test",
        "",
        "Meeting      Date        Round        Annual cycle  Reporting             Reported",
        "NUIT 1/2021  2021-02-11  2021-nuit-1  –             Samstyre              not started (0 of 1)",
        "NUFA 1/2021  2021-03-17  2021-nufa-1  –             Inspirere *           not started (0 of 1)",
        "NUIT 2/2021  2021-05-06  2021-nuit-2  –             Samstyre, Koordinere  not started (0 of 2)",
        "NUIT 3/2021  2021-09-16  2021-nuit-3  –             Samstyre              not started (0 of 1)",
        "NUIT 4/2021  2021-11-25  2021-nuit-4  –             Samstyre, Koordinere  not started (0 of 2)",
    ]
    assert "* the segments are set in portfolio.yaml; otherwise they follow the cadence below." in out
    assert "  Inspirere   once a year     NUFA  purpose, how far the initiative has come, and new ideas" in out


def test_the_default_year_is_the_portfolios(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, felles=SAMSTYRE)
    settings = root / "portfolio.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "  - committee: NUIT\n    number: 1\n    date: 2022-02-10\n",
        encoding="utf-8",
    )
    out = invoke("calendar", "--path", str(root))[1]
    assert "2021-nuit-4" in out and "2022-nuit-1" not in out
    out = invoke("calendar", "--path", str(root), "--year", "2022")[1]
    assert out.startswith("Møtekalender 2022: Test") and "2021-nuit-4" not in out


def test_a_year_without_meetings_says_which_years_have_them(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path, felles=SAMSTYRE)
    code, out, err = invoke("calendar", "--path", str(root), "--year", "2019")
    assert (code, out) == (1, "")
    assert (
        err == f"{root / 'portfolio.yaml'}: kalenderen i portfolio.yaml har ingen møter i 2019; den har møter i 2021\n"
    )


def test_a_portfolio_without_a_calendar(tmp_path: Path) -> None:
    build_file_tree(
        tmp_path,
        {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS, "initiatives/f.yaml": SAMSTYRE},
    )
    code, out, err = invoke("calendar", "--path", str(tmp_path), "--lang", "en")
    assert (code, out) == (1, "")
    assert "portfolio.yaml has no calendar (calendar:) with meetings" in err


def test_not_a_portfolio_exits_2(tmp_path: Path) -> None:
    assert invoke("calendar", "--path", str(tmp_path / "nowhere"))[0] == 2
    code, _, err = invoke("calendar", "--path", str(tmp_path))
    assert code == 2 and "er ikke en porteføljemappe" in err
    (tmp_path / "portfolio.yaml").write_text("name: [\n", encoding="utf-8")
    code, _, err = invoke("calendar", "--path", str(tmp_path))
    assert code == 2 and "portfolio.yaml:2:1: ugyldig YAML" in err


def test_a_broken_status_file_is_reported_and_counted_as_incomplete(tmp_path: Path) -> None:
    root = calendar_portfolio(
        tmp_path,
        {"2021-nuit-1/felles": "date: 2021-02-01\ncolour: [\n"},
        felles=SAMSTYRE,
        avhengig=KOORDINERE,
    )
    code, out, err = invoke("calendar", "--path", str(root))
    assert code == 1
    assert err.startswith(f"{root / 'status' / '2021-nuit-1' / 'felles.yaml'}:3:1: ugyldig YAML")
    assert out.splitlines()[3].endswith("0 av 1 (1 ufullstendig)")


def test_a_finished_initiative_and_one_decided_later_are_not_due(tmp_path: Path) -> None:
    finished = SAMSTYRE + (
        "status: finished\nhistory:\n  - date: 2021-06-01\n    kind: status\n    from: active\n    to: finished\n"
        "    reason: Levert\n"
    )
    later = SAMSTYRE.replace("name: Felles", "name: Senere") + (
        "history:\n  - date: 2021-08-01\n    kind: decision\n    from:\n    to: samstyre\n    reason: Vedtatt\n"
    )
    root = calendar_portfolio(tmp_path, felles=finished, senere=later)
    document = json.loads(invoke("calendar", "--path", str(root), "--format", "json")[1])
    due = {m["round"]: m["due"] for m in document["meetings"]}
    assert due == {
        "2021-nuit-1": ["felles"],
        "2021-nufa-1": [],
        "2021-nuit-2": ["felles"],
        "2021-nuit-3": ["senere"],
        "2021-nuit-4": ["senere"],
    }


def test_the_cadence_is_shipped_data_checked_against_the_models() -> None:
    cadence = load_cadence()
    assert {s: c.times for s, c in cadence.segments.items()} == {
        "samstyre": 4,
        "koordinere": 2,
        "observere": 2,
        "inspirere": 1,
    }
    assert cadence.portfolio_committee == "NUIT" and cadence.committees["NUFA"]["nb"] == "Fagutvalget"
    assert cadence.receives == {"NUIT": ("samstyre", "koordinere"), "NUFA": ("observere", "inspirere")}
    assert (
        cadence.receivers("inspirere") == ("NUFA",)
        and cadence.handles["NUFA"]["nb"] == "faglige spørsmål og arkitektur"
    )
    assert cadence.question("inspirere", "progress").startswith("Hvor langt har tiltaket kommet")
    assert cadence.question("observere", "progress", "en").startswith("What has been done")
    original, _ = parse_mapping(str(CADENCE_FILE), CADENCE_FILE.read_text(encoding="utf-8"))
    assert cadence_from_data(original) == cadence
    for change in (
        lambda d: d["segments"].pop("inspirere"),
        lambda d: d["segments"]["samstyre"].update(required=["colour", "risk_level"]),
        lambda d: d["segments"]["samstyre"].update(times="13"),
        lambda d: d["fields"]["risks"].update(items=["risk", "owner"]),
        lambda d: d["fields"].pop("purpose"),
        lambda d: d["committees"]["NUFA"].update(receives=["observere", "alle"]),
        lambda d: d["committees"]["NUFA"].update(receives=["observere"]),  # nobody receives Inspirere
        lambda d: d["done"].update(words=[]),
    ):
        data = copy.deepcopy(original)
        change(data)
        with pytest.raises(ValueError):
            cadence_from_data(data)


# One meeting's initiatives: who to remind


def test_a_round_lists_who_has_not_reported_first_with_the_owner(reported: Path) -> None:
    filed = sorted(p.stem for p in (FIXTURES / "2021-nuit-2").glob("*.yaml"))
    result = invoke("calendar", "--path", str(reported), "--round", "2021-NUIT-2")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:2] == [
        "NUIT 2/2021 (2021-05-06), runde 2021-nuit-2",
        f"{len(filed)} av 41 tiltak som skal rapportere, har rapportert.",
    ]
    rows = [line.split() for line in lines[4:] if line.strip()]
    states = ["rapportert" if row[0] == "rapportert" else "ikke" for row in rows]
    assert states == ["ikke"] * (41 - len(filed)) + ["rapportert"] * len(filed)  # the ones to remind come first
    assert sorted(line.rsplit("(", 1)[1].rstrip(")") for line in lines[4:] if line.split()[0] == "rapportert") == filed
    row = next(line for line in lines if line.endswith("(helseplattformen)"))
    assert row.split() == [
        "rapportert",
        "Helse",
        "Midt-Norge",
        "RHF",
        "Koordinere",
        "Helseplattformen",
        "(helseplattformen)",
    ]

    data = json.loads(invoke("calendar", "--path", str(reported), "--round", "2021-nuit-2", "-f", "json").out)
    assert data["round"] == "2021-nuit-2" and data["segments"] == ["samstyre", "koordinere"]
    assert sorted(i["id"] for i in data["initiatives"] if i["reported"]) == filed
    assert len(data["initiatives"]) == 41
    assert {i["segment"] for i in data["initiatives"]} == {"samstyre", "koordinere"}


def test_an_unknown_round_gets_a_did_you_mean(reported: Path) -> None:
    result = invoke("calendar", "--path", str(reported), "--round", "2021-nuit-5")
    assert result.code == 2 and result.out == ""
    assert "runden «2021-nuit-5» er ikke et møte i kalenderen; mente du «2021-nuit-4»?" in result.err
