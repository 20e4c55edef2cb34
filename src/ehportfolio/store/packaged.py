"""The data shipped inside the package, read from its files: the checklist versions, the reporting cadence, the
glossary, the register of national solutions, the taxonomies and the mappings between them."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ehportfolio.domain.cadence import Cadence, CadenceError, cadence_from_data
from ehportfolio.domain.checklist import DEFAULT_VERSION, Checklist, ChecklistError, checklist_from_data
from ehportfolio.domain.checklistfile import ChecklistFile
from ehportfolio.domain.glossary import Glossary, GlossaryError, glossary_from_data
from ehportfolio.domain.goals import TaxonomyMapping
from ehportfolio.domain.models import Solution, Solutions, Taxonomy
from ehportfolio.domain.problems import InputError
from ehportfolio.store.loader import load_file

T = TypeVar("T")

DATA_DIR = Path(__file__).parents[1] / "data"
CHECKLIST_DIR = DATA_DIR / "checklists"
CADENCE_FILE = DATA_DIR / "cadence.yaml"
TAXONOMY_DIR = DATA_DIR / "taxonomies"
GLOSSARY_FILE = DATA_DIR / "glossary.yaml"
SOLUTIONS_FILE = DATA_DIR / "solutions.yaml"
MAPPING_DIR = DATA_DIR / "mappings"


def available_versions() -> list[str]:
    return sorted(path.stem for path in CHECKLIST_DIR.glob("*.yaml"))


@cache
def load_checklist(version: str = DEFAULT_VERSION) -> Checklist:
    """Read a shipped checklist version, once a process: loading a portfolio asks for the default version and then
    for the one the portfolio names."""
    path = CHECKLIST_DIR / f"{version}.yaml"
    if not path.is_file():
        known = ", ".join(available_versions())
        raise ChecklistError("checklist.unknown", version=version, known=known)
    return _read(path, _checklist, lambda detail: ChecklistError("checklist.malformed", path=str(path), detail=detail))


def _checklist(data: dict[str, Any]) -> Checklist:
    """A shipped version, checked against the format a portfolio's own versions are checked against."""
    return checklist_from_data(ChecklistFile.model_validate(data).data())


@cache
def load_cadence() -> Cadence:
    return _read(
        CADENCE_FILE, cadence_from_data, lambda detail: CadenceError(f"{CADENCE_FILE}: malformed cadence ({detail})")
    )


@cache
def load_glossary() -> Glossary:
    """The glossary of the report (section 5.3); a malformed file is a bug in the package."""
    return _read(
        GLOSSARY_FILE,
        glossary_from_data,
        lambda detail: GlossaryError(f"{GLOSSARY_FILE}: malformed glossary ({detail})"),
    )


@cache
def load_solutions() -> tuple[Solution, ...]:
    """The shipped register of national solutions, which applies when portfolio.yaml names none of its own; a
    malformed file is a bug in the package."""
    return _read(
        SOLUTIONS_FILE,
        lambda data: Solutions.model_validate(data).solutions,
        lambda detail: ValueError(f"{SOLUTIONS_FILE}: malformed register of national solutions ({detail})"),
    )


def taxonomy_file(strategy: str) -> Path:
    """The shipped taxonomy of a strategy (one of fieldtypes.STRATEGIES)."""
    return TAXONOMY_DIR / f"{strategy}.yaml"


def taxonomy_text(strategy: str) -> str:
    """The text of a shipped taxonomy, as a new portfolio gets it."""
    return taxonomy_file(strategy).read_text(encoding="utf-8")


def load_taxonomy(strategy: str) -> Taxonomy:
    """A shipped taxonomy; a malformed one is a bug in the package."""
    path = taxonomy_file(strategy)
    return _read(path, Taxonomy.model_validate, lambda detail: ValueError(f"{path}: malformed taxonomy ({detail})"))


def mapping_file(source: str, target: str) -> Path:
    """Where the shipped mapping from one strategy's taxonomy to another's is (it may not exist)."""
    return MAPPING_DIR / f"{source}_{target}.yaml"


def load_mapping(source: str, target: str) -> TaxonomyMapping | None:
    """The shipped mapping between two strategies' taxonomies; None when none is shipped."""
    path = mapping_file(source, target)
    if not path.is_file():
        return None
    return _read(
        path, TaxonomyMapping.model_validate, lambda detail: ValueError(f"{path}: malformed mapping ({detail})")
    )


def packaged_name(path: Path) -> str:
    """A shipped file's name inside the package (`ehportfolio/data/…`), the same wherever ehp is installed."""
    return "ehportfolio/" + path.relative_to(DATA_DIR.parent).as_posix()


def _read(path: Path, build: Callable[[dict[str, Any]], T], malformed: Callable[[str], Exception]) -> T:
    """A shipped data file, built into its class; what cannot be read or built raises `malformed(detail)`."""
    try:
        data, _ = load_file(str(path))
        return build(data)
    except (InputError, KeyError, TypeError, ValueError) as exc:
        raise malformed(str(exc)) from None
