"""The calendar's stages of the annual cycle, and the case of a stage's paper, as portfolio.yaml gives them: each bad
value is a problem at its file, line and column, written into a copy of the shipped portfolio, while the initiatives
are still read and the report is still written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import invoke

from ehportfolio.domain.fieldtypes import CYCLE_COMMITTEE
from ehportfolio.store.packaged import load_cadence
from ehportfolio.store.portfolio import load_portfolio

ROOT = Path(__file__).parents[2]


def copied(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    """A copy of the shipped portfolio with `old` in portfolio.yaml (once) replaced by `new`; and its settings' text."""
    root = tmp_path / "portfolio"
    shutil.copytree(ROOT / "portfolio", root)
    settings = root / "portfolio.yaml"
    text = settings.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    settings.write_text(text, encoding="utf-8")
    return root, text


def line_of(text: str, wanted: str, after: int = 0) -> int:
    """The number of the first line from line `after` on that holds `wanted`."""
    lines = text.splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and wanted in line)


def test_the_shipped_calendar_names_a_meeting_for_each_stage() -> None:
    settings = load_portfolio(str(ROOT / "portfolio")).context.settings
    assert settings is not None
    stages = [(m.committee, m.number, m.stage) for m in settings.calendar if m.stage]
    assert stages == [
        ("NUIT", 1, "strategi"),
        ("NUIT", 2, "prioritering"),
        ("NUIT", 3, "balansering"),
        ("NUIT", 4, "planlegging"),
    ]


def test_the_cycle_committee_is_the_cadence_portfolio_committee() -> None:
    assert load_cadence().portfolio_committee == CYCLE_COMMITTEE


def test_stage_case_and_case_type_are_read_in_any_case(tmp_path: Path) -> None:
    root, _ = copied(
        tmp_path, "    stage: strategi\n", "    stage: Strategi\n    case: 4/21\n    case_type: drøfting\n"
    )
    loaded = load_portfolio(str(root))
    assert not loaded.problems
    assert loaded.context.settings is not None
    first = loaded.context.settings.calendar[0]
    assert (first.stage, first.case, first.case_type) == ("strategi", "4/21", "Drøfting")


@pytest.mark.parametrize(
    ("old", "new", "wanted", "message"),
    [
        (
            "    stage: strategi\n",
            "    stage: strategy\n",
            "stage: strategy",
            "calendar.0.stage: ugyldig verdi «strategy»; tillatt: strategi, prioritering, balansering, planlegging; "
            "mente du «strategi»?",
        ),
        (
            "    stage: balansering\n",
            "    stage: budsjett\n",
            "stage: budsjett",
            "calendar.3.stage: ugyldig verdi; tillatt: strategi, prioritering, balansering, planlegging",
        ),
        (
            "    date: 2021-03-17\n",
            "    date: 2021-03-17\n    stage: strategi\n",
            "stage: strategi",  # the first one, on NUIT 1, comes before; `after` below skips it
            "calendar.1.stage: bare NUIT behandler årshjulet; et møte i NUFA kan ikke ha et trinn (stage)",
        ),
        (
            "    stage: strategi\n",
            "    stage: strategi\n    case: sak 4\n",
            "case: sak 4",
            "calendar.0.case: ugyldig saksnummer «sak 4»: bruk N/ÅÅ, som 12/21",
        ),
        (
            "    stage: strategi\n",
            "    stage: strategi\n    case_type: Vedtak\n",
            "case_type: Vedtak",
            "calendar.0.case_type: ugyldig verdi; tillatt: Orientering, Drøfting, Beslutning, Godkjenning",
        ),
        (
            "    date: 2021-03-17\n",
            "    date: 2021-03-17\n    case: 7/21\n",
            "case: 7/21",
            "calendar.1.case: «case» gjelder saken om et trinn i årshjulet; gi møtet et trinn (stage), eller fjern "
            "«case»",
        ),
    ],
)
def test_a_bad_stage_or_case_is_reported_at_its_place(
    tmp_path: Path, old: str, new: str, wanted: str, message: str
) -> None:
    root, text = copied(tmp_path, old, new)
    after = line_of(text, "date: 2021-03-17") if "NUFA" in message else 0
    line = line_of(text, wanted, after)
    code, out, err = invoke("report", "definition", "--year", "2021", "--path", str(root))
    assert code == 1, err  # written, with a file read with problems
    assert f"{root / 'portfolio.yaml'}:{line}:5: {message}" in err.splitlines()
    assert "55 aktive tiltak" in out  # the initiatives are still read


def test_two_meetings_of_a_year_handling_one_stage_are_placed_at_the_second(tmp_path: Path) -> None:
    root, text = copied(tmp_path, "    stage: balansering\n", "    stage: prioritering\n")
    first = line_of(text, "stage: prioritering")
    second = line_of(text, "stage: prioritering", first)
    code, _, err = invoke("report", "definition", "--year", "2021", "--path", str(root), "--lang", "en")
    assert code == 1, err
    expected = (
        f"{root / 'portfolio.yaml'}:{second}:5: calendar.3.stage: the meeting on line {first - 3} also handles "
        "prioritering in 2021; each stage of the annual cycle has one meeting a year"
    )
    assert expected in err.splitlines()


def test_the_same_stage_in_two_years_is_two_cycles(tmp_path: Path) -> None:
    extra = "  - committee: NUIT\n    number: 1\n    date: 2022-02-10\n    stage: strategi\n"
    root, _ = copied(tmp_path, "    stage: planlegging\n", "    stage: planlegging\n" + extra)
    assert not load_portfolio(str(root)).problems
