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
from ehportfolio.domain.models import Actors, Initiative, Settings, Solutions, StatusReport, Taxonomy, UserGroups
from ehportfolio.features.guide import guidance
from ehportfolio.store.packaged import available_versions, load_cadence, load_checklist

DIALECT = "https://json-schema.org/draft/2020-12/schema"

KINDS: dict[str, type[BaseModel]] = dict(
    zip(SCHEMA_KINDS, (Initiative, Settings, Taxonomy, Actors, StatusReport, Solutions, UserGroups), strict=True)
)

TITLES = {
    "initiative": "Tiltak i nasjonal e-helseportefølje",
    "portfolio": "Porteføljeinnstillinger (portfolio.yaml)",
    "taxonomy": "Strategiens innsatsområder",
    "actors": "Aktørregister",
    "status": "Statusrapport fra et tiltak til ett møte (status/<runde>/<id>.yaml)",
    "solutions": "Register over nasjonale løsninger",
    "user_groups": "Register over brukergrupper",
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
    "dependencies": "Avhengigheter til andre tiltak i porteføljen eller til nasjonale løsninger i registeret.",
    "evidence": "Grunnlaget for sjekklistesvarene.",
    "id": "Id-en til et tiltak (filnavnet uten .yaml) eller til en nasjonal løsning i registeret.",
    "strength": "Hvor sterk avhengigheten er: strong eller weak.",
    "benefits": "Gevinstene tiltaket skal realisere, hver med mål, indikator og ansvarlig.",
    "year": "Porteføljeåret.",
    "checklist_version": "Versjonen av sjekklisten som gjelder: en som følger med ehp, eller en av porteføljens egne.",
    "checklists": (
        "Porteføljens egne sjekklisteversjoner: filer i samme format som de som følger med ehp, relativt til "
        "porteføljemappen."
    ),
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
    "solutions": "Registeret over nasjonale løsninger, relativt til porteføljemappen; eller løsningene i registeret.",
    "segments": (
        "Segmentene som rapporterer til møtet; uten denne følger de kadensen: NUIT får Samstyre og Koordinere, NUFA "
        "Observere og Inspirere."
    ),
    "stage": (
        "Trinnet i NUITs årshjul som møtet behandler: strategi, prioritering, balansering eller planlegging; bare "
        "NUIT-møter, ett møte per trinn i året."
    ),
    "case": "Saksnummeret for trinnets sak i møtet, N/ÅÅ, for eksempel 12/21; krever stage.",
    "case_type": "Sakstypen for trinnets sak: Orientering, Drøfting, Beslutning eller Godkjenning; krever stage.",
    "user_groups": (
        "Registeret over brukergrupper, relativt til porteføljemappen; i et tiltak id-ene til brukergruppene det "
        "tjener; i registeret brukergruppene."
    ),
}

SOLUTION_DESCRIPTIONS = {
    "id": "Id-en som en avhengighet nevner løsningen med; ingen tiltak kan ha samme id.",
    "name": "Navnet på bokmål.",
    "name_nn": "Navnet på nynorsk, der det er et annet.",
    "name_en": "Navnet på engelsk, der det er et annet.",
    "kind": "national_solution (nasjonal e-helseløsning) eller shared_epj (felles EPJ-utvikling).",
    "part_of": "Id-en til løsningen denne er en del av, for eksempel helsenettet.",
    "description": "Beskrivelse av løsningen.",
}
"""The fields of an entry of the register of national solutions, whose names other files use for other things."""

USER_GROUP_DESCRIPTIONS = {
    "id": "Id-en som et tiltak nevner brukergruppen med i user_groups.",
    "name": "Navnet på bokmål.",
    "name_nn": "Navnet på nynorsk, der det er et annet.",
    "name_en": "Navnet på engelsk, der det er et annet.",
    "description": "Beskrivelse av brukergruppen.",
}
"""The fields of an entry of the register of user groups."""


BENEFIT_DESCRIPTIONS = {
    "Benefit": {
        "id": "Id-en til gevinsten, unik i tiltaket; statusrapportene måler gevinsten ved id-en.",
        "description": "Hva gevinsten er.",
        "goal": 'Koden for strategimålet gevinsten støtter, for eksempel "2.2".',
        "indicator": "Hvordan gevinsten måles: enhet, utgangsverdi, målverdi og måldato.",
        "responsible": "Hvem som er ansvarlig for å realisere gevinsten.",
    },
    "Indicator": {
        "name": "Hva som måles (kan utelates når beskrivelsen sier det).",
        "unit": "Enheten verdiene måles i, for eksempel prosent.",
        "baseline": "Utgangsverdien, et tall.",
        "target": "Målverdien, et tall; under utgangsverdien er målet en reduksjon.",
        "target_date": "Datoen målverdien skal være nådd (ÅÅÅÅ-MM-DD).",
    },
    "StatusBenefit": {
        "id": "Id-en til en gevinst i tiltaksfilen.",
        "value": "Verdien målt på rapportens dato, et tall.",
        "obstacles": "Hindringer for å realisere gevinsten (Observere og Samstyre).",
    },
}
"""The descriptions of the fields of a benefit and of its measurement, whose names (id, description, name) mean
something else elsewhere."""


def build_schema(kind: str, checklist: Checklist) -> dict[str, Any]:
    """The JSON Schema of one kind of file."""
    schema = KINDS[kind].model_json_schema()
    questions = load_cadence().questions if kind == "status" else {}
    _describe(schema, checklist, questions)
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, checklist, questions)
        own = {"Solution": SOLUTION_DESCRIPTIONS, "UserGroup": USER_GROUP_DESCRIPTIONS}.get(name)
        if own is not None:
            for key, prop in definition.get("properties", {}).items():
                prop["description"] = own.get(key, prop.get("description", ""))
        for key, description in BENEFIT_DESCRIPTIONS.get(name, {}).items():
            prop = definition["properties"][key]
            prop.pop("markdownDescription", None)
            prop["description"] = description
    return {"$schema": DIALECT, "title": TITLES[kind], **{k: v for k, v in schema.items() if k != "title"}}


def _describe(schema: dict[str, Any], checklist: Checklist, questions: dict[str, dict[str, str]]) -> None:
    schema.pop("description", None)  # the model's docstring is written for developers
    for key, prop in schema.get("properties", {}).items():
        prop.pop("title", None)
        if key in questions:
            prop["description"] = questions[key]["nb"]
            prop["markdownDescription"] = f"**{questions[key]['nb']}**\n\n{questions[key]['en']}"
        elif (asking := _asking(checklist, key)) is not None:
            elsewhere = "" if asking is checklist else f"Spørsmålet stilles i sjekklisteversjon {asking.version}."
            prop["description"] = _paragraphs(asking.questions[key]["nb"], guidance(asking, key, "nb"), elsewhere)
            prop["markdownDescription"] = _paragraphs(
                f"**{asking.questions[key]['nb']}**",
                guidance(asking, key, "nb"),
                elsewhere,
                f"*{asking.questions[key]['en']}*",
                guidance(asking, key, "en"),
            )
        elif key in DESCRIPTIONS:
            prop["description"] = DESCRIPTIONS[key]


def _asking(checklist: Checklist, key: str) -> Checklist | None:
    """The checklist that asks the question `key`: the chosen one, else the newest shipped version that does (an
    initiative file may answer the questions of every shipped version); None when `key` is no question."""
    if key in checklist.questions:
        return checklist
    for version in reversed(available_versions()):
        other = load_checklist(version)
        if key in other.questions:
            return other
    return None


def _paragraphs(*texts: str) -> str:
    return "\n\n".join(" ".join(text.split()) for text in texts if text)


def schema_text(kind: str, checklist: Checklist) -> str:
    return json.dumps(build_schema(kind, checklist), ensure_ascii=False, indent=2) + "\n"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"
