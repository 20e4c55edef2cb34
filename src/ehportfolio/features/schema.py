"""JSON Schemas for the files people write, generated from the models, for editors with the YAML language server.

The checklist keys carry the checklist's Norwegian question and the report's guidance on it as their descriptions
(with the English beside them in the Markdown one), and a status report's fields the questions of cadence.yaml, so an
editor shows the question and its guidance while the user types the answer.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ehportfolio.domain.checklist import Checklist
from ehportfolio.domain.fieldtypes import SCHEMA_KINDS
from ehportfolio.domain.models import Actors, Initiative, Settings, StatusReport, Taxonomy
from ehportfolio.features.guide import guidance
from ehportfolio.store.packaged import load_cadence

DIALECT = "https://json-schema.org/draft/2020-12/schema"

KINDS: dict[str, type[BaseModel]] = dict(
    zip(SCHEMA_KINDS, (Initiative, Settings, Taxonomy, Actors, StatusReport), strict=True)
)

TITLES = {
    "initiative": "Tiltak i nasjonal e-helseportefølje",
    "portfolio": "Porteføljeinnstillinger (portfolio.yaml)",
    "taxonomy": "Strategiens innsatsområder",
    "actors": "Aktørregister",
    "status": "Statusrapport fra et tiltak til ett møte (status/<runde>/<id>.yaml)",
}

DESCRIPTIONS = {
    "name": "Navnet på tiltaket, porteføljen, strategien eller aktøren.",
    "owner": "Tiltakseier: en aktør i aktørregisteret.",
    "checklist": "Svarene på sjekklisten: ja eller nei; tom verdi er ubesvart.",
    "segment": "Avgjort segment: samstyre, koordinere, observere eller inspirere.",
    "segment_reason": "Hvorfor avgjort segment avviker fra sjekklistens resultat.",
    "focus_area": 'Kode for primært innsatsområde i porteføljens strategi, for eksempel "2.1"; eller bruk goals.',
    "goals": 'Kodene for strategiens mål eller delmål som tiltaket støtter, hovedmålet først, for eksempel ["4", "2"].',
    "sub_goals": "Målets delmål med kode og navn; tiltak kan nevne kodene deres i goals.",
    "description": "Beskrivelse av tiltaket.",
    "dependencies": "Avhengigheter til andre tiltak i porteføljen.",
    "evidence": "Grunnlaget for sjekklistesvarene.",
    "id": "Id-en til et annet tiltak: filnavnet uten .yaml.",
    "strength": "Hvor sterk avhengigheten er: strong eller weak.",
    "year": "Porteføljeåret.",
    "checklist_version": "Versjonen av sjekklisten som gjelder.",
    "taxonomy": "Fil med strategiens innsatsområder, relativt til porteføljemappen.",
    "actors": "Aktørregisteret, relativt til porteføljemappen; eller listen av aktører i registeret.",
    "focus_areas": "Innsatsområdene (eller målene) med kode og navn.",
    "code": 'Koden, for eksempel "2.1".',
    "truncated": "Navnet er bare kjent delvis (avkortet i kilden).",
    "short_name": "Kort navn, for eksempel NHN.",
    "date": "Datoen (ÅÅÅÅ-MM-DD).",
    "calendar": "Årets utvalgsmøter; hvert møte er en rapporteringsrunde.",
    "committee": "Utvalget, med kortnavn: NUIT, NUFA eller et annet.",
    "number": "Møtets nummer i året.",
    "segments": "Segmentene som rapporterer til møtet; uten denne følger de kadensen (bare NUIT-møtene får rapporter).",
}


def build_schema(kind: str, checklist: Checklist) -> dict[str, Any]:
    """The JSON Schema of one kind of file."""
    schema = KINDS[kind].model_json_schema()
    questions = load_cadence().questions if kind == "status" else {}
    _describe(schema, checklist, questions)
    for definition in schema.get("$defs", {}).values():
        _describe(definition, checklist, questions)
    return {"$schema": DIALECT, "title": TITLES[kind], **{k: v for k, v in schema.items() if k != "title"}}


def _describe(schema: dict[str, Any], checklist: Checklist, questions: dict[str, dict[str, str]]) -> None:
    schema.pop("description", None)  # the model's docstring is written for developers
    for key, prop in schema.get("properties", {}).items():
        prop.pop("title", None)
        if key in questions:
            prop["description"] = questions[key]["nb"]
            prop["markdownDescription"] = f"**{questions[key]['nb']}**\n\n{questions[key]['en']}"
        elif key in checklist.questions:
            prop["description"] = _paragraphs(checklist.questions[key]["nb"], guidance(checklist, key, "nb"))
            prop["markdownDescription"] = _paragraphs(
                f"**{checklist.questions[key]['nb']}**",
                guidance(checklist, key, "nb"),
                f"*{checklist.questions[key]['en']}*",
                guidance(checklist, key, "en"),
            )
        elif key in DESCRIPTIONS:
            prop["description"] = DESCRIPTIONS[key]


def _paragraphs(*texts: str) -> str:
    return "\n\n".join(" ".join(text.split()) for text in texts if text)


def schema_text(kind: str, checklist: Checklist) -> str:
    return json.dumps(build_schema(kind, checklist), ensure_ascii=False, indent=2) + "\n"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"
