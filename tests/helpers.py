"""Small helpers for building inputs inline."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

VALID = """\
name: Nytt tiltak
owner: Helse Vest RHF
focus_area: "2.1"
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: nei
  strong_samstyre_dependencies: ja
"""


def build_file_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (text is dedented) under root and return root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


# A small consistent portfolio: settings, a taxonomy, an actors register, and two initiatives.
SETTINGS = "name: Test\nyear: 2026\ntaxonomy: taxonomy.yaml\nactors: actors.yaml\n"
TAXONOMY = 'name: Strategi\nfocus_areas:\n  - code: "2.1"\n    name: Noe\n  - code: "5.1"\n    name: Annet\n'
ACTORS = "actors:\n  - name: Helsedirektoratet\n  - name: Helse Vest RHF\n"

SAMSTYRE = """\
name: Felles
owner: Helsedirektoratet
focus_area: "5.1"
segment: samstyre
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: ja
"""

KOORDINERE = """\
name: Avhengig
owner: Helse Vest RHF
focus_area: "2.1"
segment: koordinere
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: nei
  strong_samstyre_dependencies: ja
dependencies:
  - id: felles
    strength: strong
"""

OBSERVERE = """\
name: Innføring
owner: Helse Vest RHF
focus_area: "2.1"
segment: observere
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: nei
  strong_samstyre_dependencies: nei
  exploratory: nei
"""

INSPIRERE = """\
name: Utprøving
owner: Helsedirektoratet
focus_area: "5.1"
segment: inspirere
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: nei
  strong_samstyre_dependencies: nei
  exploratory: ja
"""

# The small portfolio in 2021 with a calendar: four NUIT meetings and one NUFA meeting. Meeting i (0-based) of the
# list starts on line 6 + 3i, column 5.
CALENDAR_SETTINGS = (
    SETTINGS.replace("year: 2026", "year: 2021")
    + "calendar:\n"
    + "".join(
        f"  - committee: {committee}\n    number: {number}\n    date: {date}\n"
        for committee, number, date in (
            ("NUIT", 1, "2021-02-11"),
            ("NUFA", 1, "2021-03-17"),
            ("NUIT", 2, "2021-05-06"),
            ("NUIT", 3, "2021-09-16"),
            ("NUIT", 4, "2021-11-25"),
        )
    )
)

# A complete status report for each segment.
SAMSTYRE_STATUS = """\
date: 2021-02-01
colour: rød
progress: Forsinket
risks:
  - risk: Finansieringen uteblir
    consequence: Oppstarten utsettes
    action: Ny søknad i mars
"""

KOORDINERE_STATUS = """\
date: 2021-04-20
dependencies:
  - id: felles
    needed: Et API for deling
    by: 2021-09-01
    state: I rute
actions:
  - Månedlige møter med Felles
"""

OBSERVERE_STATUS = """\
date: 2021-04-22
progress: Innført i to av fire helseforetak
risks:
  - risk: Leverandøren leverer integrasjonen sent
    consequence: Innføringen i de to siste helseforetakene utsettes
    action: Ukentlig oppfølging av leveranseplanen
experience: Tidlig opplæring lønner seg
obstacles: Integrasjonen er ikke ferdig
"""

INSPIRERE_STATUS = """\
date: 2021-11-01
purpose: Prøve ut videokonsultasjon
progress: Piloten er halvveis
ideas:
  - Videokonsultasjon også for oppfølging etter utskrivning
"""


def calendar_portfolio(root: Path, statuses: dict[str, str] | None = None, **initiatives: str) -> Path:
    """The small 2021 portfolio with its calendar; `statuses` maps `<round>/<id>` to a status file's text."""
    files: dict[str, str | bytes] = {
        "portfolio.yaml": CALENDAR_SETTINGS,
        "taxonomy.yaml": TAXONOMY,
        "actors.yaml": ACTORS,
    }
    files.update({f"initiatives/{name}.yaml": text for name, text in initiatives.items()})
    files.update({f"status/{name}.yaml": text for name, text in (statuses or {}).items()})
    return build_file_tree(root, files)


def failing_for(path: Path, real: Callable[..., Any], at: int = 0) -> Callable[..., Any]:
    """`real` (an `os` function, for monkeypatch), raising PermissionError when its argument number `at` is `path`:
    tests run as root, whom permission bits do not stop."""

    def call(*args: Any, **kwargs: Any) -> Any:
        if os.fspath(args[at]) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real(*args, **kwargs)

    return call


# A portfolio on the 2023–2030 goals: a taxonomy with sub-goals, and initiatives naming several goals, main goal first.
# The sub-goals' names are made up for the tests, not the strategy's.
GOALS_TAXONOMY = """\
name: Nasjonal e-helsestrategi 2023–2030
focus_areas:
  - code: "1"
    name: Aktiv medvirkning i egen og næres helse
  - code: "2"
    name: Enklere arbeidshverdag
    sub_goals:
      - code: "2A"
        name: Testdelmål A
      - code: "2B"
        name: Testdelmål B
  - code: "4"
    name: Tilgjengelig informasjon og styrket samhandling
"""


def goals_initiative(name: str, goals: str, owner: str = "Helsedirektoratet") -> str:
    """A Samstyre initiative whose `goals:` line is `goals` as written (`["4", "2A"]`)."""
    return (
        SAMSTYRE.replace("name: Felles", f"name: {name}")
        .replace('focus_area: "5.1"', f"goals: {goals}")
        .replace("owner: Helsedirektoratet", f"owner: {owner}")
    )


def goals_portfolio(root: Path, **initiatives: str) -> Path:
    """A portfolio with GOALS_TAXONOMY and the given initiatives, by id."""
    files: dict[str, str | bytes] = {"portfolio.yaml": SETTINGS, "taxonomy.yaml": GOALS_TAXONOMY, "actors.yaml": ACTORS}
    files.update({f"initiatives/{name}.yaml": text for name, text in initiatives.items()})
    return build_file_tree(root, files)


SHIPPED_PORTFOLIO = Path(__file__).parents[1] / "portfolio"
STATUS_FIXTURES = Path(__file__).parent / "fixtures" / "status"


def shipped_with_test_rounds(root: Path) -> Path:
    """A copy of the shipped portfolio at `root` whose status/ holds the test rounds of tests/fixtures/status in
    place of its example rounds, so that what a test asserts of a round comes from those few files."""
    import shutil

    shutil.copytree(SHIPPED_PORTFOLIO, root, ignore=shutil.ignore_patterns("status"))
    shutil.copytree(STATUS_FIXTURES, root / "status", ignore=shutil.ignore_patterns("*.md"))
    return root
