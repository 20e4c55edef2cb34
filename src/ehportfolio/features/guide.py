"""What the report explains, for `ehp explain` and `ehp new`: the glossary (section 5.3), the four segments (4.2 to
4.6, with their cadence) and the checklist's questions with their guidance (5.1), as entries in one language.

Every text comes from the shipped data (glossary.yaml, cadence.yaml, the checklist) or the catalogues; nothing here
prints. An entry asked for by a name that matches none is a `UserError` with a did-you-mean.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ehportfolio.domain.cadence import Cadence
from ehportfolio.domain.checklist import DEFAULT_VERSION, Checklist
from ehportfolio.domain.errors import UserError
from ehportfolio.domain.glossary import Glossary
from ehportfolio.features.intake import phase, reading_order
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import segment_name, text


@dataclass(frozen=True)
class Part:
    key: str
    """What the text is (`definition`, `purpose`, `guidance`, …), the same in every language."""
    label: str
    """Its heading in the chosen language."""
    text: str


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    section: str
    """The section of the report it comes from."""
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Explanation:
    topic: str
    title: str
    source: str
    entries: tuple[Entry, ...]


LABELS = {
    "definition": N_("explain.label.definition"),
    "comment": N_("explain.label.comment"),
    "source": N_("explain.label.source"),
    "summary": N_("explain.label.summary"),
    "purpose": N_("explain.label.purpose"),
    "benefit": N_("explain.label.benefit"),
    "reports": N_("explain.label.reports"),
    "examples": N_("explain.label.examples"),
    "decides": N_("explain.label.decides"),
    "guidance": N_("explain.label.guidance"),
}


def _parts(lang: str, *given: tuple[str, str]) -> tuple[Part, ...]:
    """The parts that have a text, each with its label."""
    return tuple(Part(key, text(lang, LABELS[key]), t) for key, t in given if t)


# The glossary


def glossary(data: Glossary, lang: str, wanted: str | None = None) -> Explanation:
    terms = data.terms
    if wanted is not None:
        names = {term.id: [term.id, *term.term.values()] for term in terms}
        ident = _find(wanted, names, "term")
        terms = tuple(term for term in terms if term.id == ident)
    entries = tuple(
        Entry(
            term.id,
            term.term[lang],
            data.section,
            _parts(
                lang,
                ("definition", term.definition[lang]),
                ("comment", term.comment.get(lang, "")),
                ("source", term.source),
            ),
        )
        for term in terms
    )
    return Explanation("glossary", text(lang, "explain.title.glossary"), data.source, entries)


# The segments


def segments(cadence: Cadence, lang: str, wanted: str | None = None) -> Explanation:
    chosen = list(cadence.segments)
    if wanted is not None:
        chosen = [_find(wanted, {s: [s, segment_name(s)] for s in chosen}, "segment")]
    entries = tuple(segment_entry(cadence, segment, lang) for segment in chosen)
    return Explanation("segments", text(lang, "explain.title.segments"), text(lang, "explain.source.segments"), entries)


def segment_entry(cadence: Cadence, segment: str, lang: str) -> Entry:
    """What a segment is for, what the sector gains from it, how often it reports, to whom and on what."""
    described = cadence.segments[segment]
    return Entry(
        segment,
        segment_name(segment),
        described.section,
        _parts(
            lang,
            ("summary", described.summary.get(lang, "")),
            ("purpose", described.purpose.get(lang, "")),
            ("benefit", described.benefit.get(lang, "")),
            ("reports", reporting(cadence, segment, lang)),
            ("examples", described.examples.get(lang, "")),
        ),
    )


def reporting(cadence: Cadence, segment: str, lang: str) -> str:
    """How often a segment reports, to which committee, and on what: one sentence."""
    committees = []
    for committee in cadence.receivers(segment):
        name = cadence.committees.get(committee, {}).get(lang)
        committees.append(f"{committee} ({name})" if name else committee)
    return text(
        lang,
        "explain.reports",
        count=cadence.segments[segment].times,
        committee=", ".join(committees),
        subject=cadence.segments[segment].subject[lang],
    )


# The checklist


def checklist(data: Checklist, lang: str, wanted: str | None = None) -> Explanation:
    order = reading_order(data)
    if wanted is not None:
        numbers = {key: [key, str(number)] for number, key in enumerate(order, 1)}
        order = [_find(wanted, numbers, "question")]
    entries = tuple(question_entry(data, key, lang) for key in order)
    title = data.title[lang]
    if data.version == DEFAULT_VERSION or not data.source:  # the report's own checklist: its source in every language
        source = text(lang, "explain.source.checklist", version=data.version)
    else:
        source = text(lang, "explain.source.checklist_from", source=data.source, version=data.version)
    return Explanation("checklist", title, source, entries)


def question_entry(data: Checklist, key: str, lang: str) -> Entry:
    """A question, what its answer decides, and the report's guidance on it."""
    if phase(key, data) == "inclusion":
        criterion = next(c for c in data.criteria if key in c.questions)
        others = ", ".join(q for q in criterion.questions if q != key)
        if others:  # "eller": a yes to any of the criterion's questions is enough
            decides = text(lang, "explain.criterion.any", criterion=criterion.text[lang], others=others)
        else:
            decides = text(lang, "explain.criterion", criterion=criterion.text[lang])
    else:
        branch = next(b for b in data.segment_tree if b.question == key)
        segment = segment_name(branch.segment)
        if branch == data.segment_tree[-1]:
            otherwise = segment_name(data.otherwise)
            decides = text(lang, "explain.yes_gives.last", segment=segment, otherwise=otherwise)
        else:
            decides = text(lang, "explain.yes_gives", segment=segment)
    return Entry(
        key,
        data.questions[key][lang],
        "5.1",
        _parts(lang, ("decides", decides), ("guidance", guidance(data, key, lang))),
    )


def guidance(data: Checklist, key: str, lang: str) -> str:
    """The report's guidance on a question, in `lang`; "" for a checklist that has none."""
    return " ".join(data.guidance.get(key, {}).get(lang, "").split())


UNKNOWN = {
    "term": N_("explain.unknown.term"),
    "segment": N_("explain.unknown.segment"),
    "question": N_("explain.unknown.question"),
}
"""What `ehp explain` says of a name it does not know, by what was asked for."""

# Finding what was asked for


def _folded(name: str) -> str:
    """A name as it is compared, case, accents, spaces and dashes aside: `Nasjonale løsninger` is
    `nasjonale-losninger`."""
    name = name.casefold().replace("ø", "o").replace("æ", "ae").replace("å", "a")
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if c.isalnum())


def _find(wanted: str, names: dict[str, list[str]], what: str) -> str:
    """The id whose names include `wanted`, folded; else a UserError naming the closest."""
    folded = _folded(wanted)
    by_name = {_folded(name): ident for ident, given in names.items() for name in given}
    if folded and folded in by_name:
        return by_name[folded]
    from ehportfolio.store.validation import closest

    near = closest(folded, list(by_name)) if folded else ""
    known = ", ".join(names)
    raise UserError(UNKNOWN[what], name=wanted, suggestion=by_name.get(near, ""), known=known)
