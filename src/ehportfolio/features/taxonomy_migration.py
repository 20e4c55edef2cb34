"""`ehp migrate`: what moving a portfolio from one strategy's taxonomy to another's changes, as new file texts.

Each initiative's focus area (or goals) becomes the goals the shipped mapping gives, written as `goals:` in the place
of the old key, and each benefit's `goal` the main goal its code maps to; every other byte of its file stays
(store/writer.py). portfolio.yaml names a new taxonomy file beside
it. What the mapping cannot map is listed as problems and left as it is. Pure: the command reads and writes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ehportfolio.domain.fieldtypes import STRATEGIES
from ehportfolio.domain.goals import TaxonomyMapping, goals_of, known_codes
from ehportfolio.domain.models import Taxonomy
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.store.packaged import load_mapping, load_taxonomy, mapping_file, packaged_name, taxonomy_text
from ehportfolio.store.portfolio import SETTINGS_FILE, Entry, Portfolio
from ehportfolio.store.writer import edit

SCHEMA_LINE = "# yaml-language-server: $schema=schema/taxonomy.schema.json\n"


@dataclass(frozen=True)
class Rewrite:
    """A file and its text after the migration; `before` and `after` are an initiative's codes (empty for
    portfolio.yaml)."""

    path: str
    ident: str
    old_text: str
    new_text: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Migration:
    """Everything the migration does: the initiatives it rewrites, the new portfolio.yaml, the taxonomy file it
    writes (None when that file is there already), and the initiatives it cannot map."""

    source: str
    target: str
    mapping: TaxonomyMapping
    mapping_path: str
    initiatives: tuple[Rewrite, ...]
    settings: Rewrite
    taxonomy_path: str
    taxonomy_text: str | None
    unmapped: tuple[Problem, ...]


def taxonomy_name(target: str) -> str:
    """The file a migrated portfolio's taxonomy is written to, beside portfolio.yaml."""
    return f"taxonomy-{target}.yaml"


def source_strategy(taxonomy: Taxonomy | None) -> str | None:
    """The shipped strategy whose taxonomy has the same name as the portfolio's; None when none has."""
    if taxonomy is None:
        return None
    return next((s for s in STRATEGIES if load_taxonomy(s).name == taxonomy.name), None)


def plan(portfolio: Portfolio, settings_text: str, target: str, existing: str | None) -> Migration:
    """The migration of `portfolio` to the taxonomy of `target`. `settings_text` is portfolio.yaml's text, and
    `existing` the text of the target taxonomy file when it is there already (it is then used as it is).

    Refused (an InputError, nothing to write) when the portfolio has no portfolio.yaml, when its taxonomy is not a
    shipped one, when it is the target's already, or when no mapping between the two is shipped."""
    settings_path = os.path.join(portfolio.root, SETTINGS_FILE)
    context = portfolio.context
    if context.settings is None:
        raise InputError([Problem(settings_path, "migrate_no_settings")])
    source = source_strategy(context.taxonomy)
    where = context.settings_place("taxonomy")
    if source is None:
        name = context.taxonomy.name if context.taxonomy else ""
        args = {"taxonomy": name, "known": ", ".join(STRATEGIES)}
        raise InputError([Problem(settings_path, "migrate_unknown_source", args, *where, "taxonomy")])
    if source == target:
        raise InputError([Problem(settings_path, "migrate_same", {"strategy": target}, *where, "taxonomy")])
    mapping = load_mapping(source, target)
    if mapping is None:
        raise InputError([Problem(settings_path, "migrate_no_mapping", {"source": source, "target": target})])
    if not _known(load_taxonomy(target), mapping):
        raise ValueError(f"the shipped mapping from {source} to {target} names goals its target taxonomy lacks")
    file_name = taxonomy_name(target)
    taxonomy_path = os.path.join(portfolio.root, file_name)
    rewrites: list[Rewrite] = []
    unmapped = [_unread(portfolio, ident) for ident in sorted(portfolio.unread)]
    for entry in sorted(portfolio.entries, key=lambda e: e.id):
        rewrite = _initiative(entry, mapping)
        if isinstance(rewrite, Problem):
            unmapped.append(rewrite)
        elif rewrite.new_text != rewrite.old_text:
            rewrites.append(rewrite)
    new_settings = edit(settings_path, settings_text, lambda document: _set_taxonomy(document, file_name))
    return Migration(
        source=source,
        target=target,
        mapping=mapping,
        mapping_path=packaged_name(mapping_file(source, target)),
        initiatives=tuple(rewrites),
        settings=Rewrite(settings_path, "", settings_text, new_settings),
        taxonomy_path=taxonomy_path,
        taxonomy_text=None if existing is not None else SCHEMA_LINE + taxonomy_text(target),
        unmapped=tuple(unmapped),
    )


def _known(taxonomy: Taxonomy, mapping: TaxonomyMapping) -> bool:
    codes = known_codes(taxonomy)
    return all(goal in codes for entry in mapping.codes for goal in entry.to)


def _initiative(entry: Entry, mapping: TaxonomyMapping) -> Rewrite | Problem:
    """The initiative's file with its goals mapped, or the problem that says why it cannot be."""
    initiative = entry.initiative
    before = goals_of(initiative)
    key = "goals" if initiative.goals else "focus_area"
    line, column = entry.place(key)
    if not before:
        return Problem(entry.path, "migrate_no_goal", {"id": entry.id}, 1, 1)
    after, missing = mapping.goals_for(before)
    if missing:
        args = {"id": entry.id, "codes": ", ".join(missing)}
        return Problem(entry.path, "migrate_unmapped", args, line, column, key)
    benefit_goals = []
    for index, benefit in enumerate(initiative.benefits):  # a benefit serves one goal: the main goal it maps to
        mapped, _ = mapping.goals_for((benefit.goal,))
        if not mapped:
            line, column = entry.place("benefits", index, "goal")
            args = {"id": entry.id, "codes": benefit.goal}
            return Problem(entry.path, "migrate_unmapped", args, line, column, f"benefits.{index}.goal")
        benefit_goals.append(mapped[0])

    def rewrite(document: Any) -> None:
        _set_goals(document, after)
        _set_benefit_goals(document, benefit_goals)

    new_text = edit(entry.path, entry.text, rewrite)
    return Rewrite(entry.path, entry.id, entry.text, new_text, before, after)


def _unread(portfolio: Portfolio, ident: str) -> Problem:
    """An initiative file that could not be read, placed where its first problem is."""
    for problem in portfolio.problems:
        if os.path.splitext(os.path.basename(problem.path))[0] == ident:
            return Problem(problem.path, "migrate_unread", {"id": ident}, problem.line, problem.column)
    return Problem(portfolio.root, "migrate_unread", {"id": ident})


def _set_goals(document: Any, goals: tuple[str, ...]) -> None:
    """`goals: ["4", "2"]` where `goals` or `focus_area` was, with its comment; any other of the two removed."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if "goals" in document and "focus_area" in document:  # both were given: goals wins, as in the reports
        document.ca.items.pop("focus_area", None)
        del document["focus_area"]
    old = "goals" if "goals" in document else "focus_area"
    index = list(document).index(old)
    comment = document.ca.items.pop(old, None)
    del document[old]
    value = CommentedSeq(DoubleQuotedScalarString(goal) for goal in goals)
    value.fa.set_flow_style()
    document.insert(index, "goals", value)
    if comment is not None:
        document.ca.items["goals"] = comment


def _set_benefit_goals(document: Any, goals: list[str]) -> None:
    """Each benefit's `goal` in its place, in the order of the file's benefits."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    for benefit, goal in zip(document.get("benefits") or (), goals, strict=False):
        benefit["goal"] = DoubleQuotedScalarString(goal)


def _set_taxonomy(document: Any, file_name: str) -> None:
    if "taxonomy" in document:
        document["taxonomy"] = file_name
    else:
        keys = list(document)
        at = keys.index("checklist_version") + 1 if "checklist_version" in keys else len(keys)
        document.insert(at, "taxonomy", file_name)
