"""The data shipped inside the package, read from its files: the checklist versions, the reporting cadence and the
glossary."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ehportfolio.domain.cadence import Cadence, CadenceError, cadence_from_data
from ehportfolio.domain.checklist import DEFAULT_VERSION, Checklist, ChecklistError, checklist_from_data
from ehportfolio.domain.glossary import Glossary, GlossaryError, glossary_from_data
from ehportfolio.domain.problems import InputError
from ehportfolio.store.loader import load_file

DATA_DIR = Path(__file__).parents[1] / "data"
CHECKLIST_DIR = DATA_DIR / "checklists"
CADENCE_FILE = DATA_DIR / "cadence.yaml"
TAXONOMY_DIR = DATA_DIR / "taxonomies"
GLOSSARY_FILE = DATA_DIR / "glossary.yaml"


def available_versions() -> list[str]:
    return sorted(path.stem for path in CHECKLIST_DIR.glob("*.yaml"))


def load_checklist(version: str = DEFAULT_VERSION) -> Checklist:
    """Read a shipped checklist version."""
    path = CHECKLIST_DIR / f"{version}.yaml"
    if not path.is_file():
        known = ", ".join(available_versions())
        raise ChecklistError("checklist.unknown", version=version, known=known)
    try:
        data, _ = load_file(str(path))
        return checklist_from_data(data)
    except (InputError, KeyError, TypeError, ValueError) as exc:
        raise ChecklistError("checklist.malformed", path=str(path), detail=str(exc)) from None


@cache
def load_cadence() -> Cadence:
    try:
        data, _ = load_file(str(CADENCE_FILE))
        return cadence_from_data(data)
    except (InputError, KeyError, TypeError, ValueError) as exc:
        raise CadenceError(f"{CADENCE_FILE}: malformed cadence ({exc})") from None


@cache
def load_glossary() -> Glossary:
    """The glossary of the report (section 5.3); a malformed file is a bug in the package."""
    try:
        data, _ = load_file(str(GLOSSARY_FILE))
        return glossary_from_data(data)
    except (InputError, KeyError, TypeError, ValueError) as exc:
        raise GlossaryError(f"{GLOSSARY_FILE}: malformed glossary ({exc})") from None
