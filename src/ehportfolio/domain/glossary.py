"""The glossary of Porteføljestyring 2.0 (section 5.3, "Begrepsliste") as data: each term, its definition, the report's
comment where it adds one, and the source it names. `glossary.yaml`, shipped in data/, holds it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ehportfolio.domain.checklist import texts

LANGUAGES = ("nb", "nn", "en")


@dataclass(frozen=True)
class Term:
    id: str
    term: dict[str, str]
    definition: dict[str, str]
    comment: dict[str, str]
    """The report's own comment on the definition (nb/nn/en); empty when it adds none."""
    source: str
    """The document the report names for the definition."""


@dataclass(frozen=True)
class Glossary:
    section: str
    source: str
    terms: tuple[Term, ...]


class GlossaryError(Exception):
    """The shipped glossary is malformed: a bug in the package, never the user's input."""


def glossary_from_data(data: dict[str, Any]) -> Glossary:
    """Build the Glossary; every term needs its name, its definition and any comment in bokmål, nynorsk and English
    (unlike a checklist, nynorsk does not fall back to bokmål here)."""
    for ident, value in data["terms"].items():
        given = [value["term"], value["definition"], *([value["comment"]] if "comment" in value else [])]
        if not all(str(texts.get(lang) or "").strip() for texts in given for lang in LANGUAGES):
            raise ValueError(f"{ident}: a text is missing in nb, nn or en")
    terms = tuple(
        Term(
            id=str(ident),
            term=texts(value["term"]),
            definition=texts(value["definition"]),
            comment=texts(value["comment"]) if "comment" in value else {},
            source=str(value.get("source", "")),
        )
        for ident, value in data["terms"].items()
    )
    return Glossary(str(data["section"]), str(data["source"]), terms)
