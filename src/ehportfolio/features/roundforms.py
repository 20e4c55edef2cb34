"""Opening and collecting a status round with forms (`ehp status open`, `ehp status collect`), purely: who gets a form,
what each form asks, and the status reports a filled form gives, with every problem at its cell.

One form per owner lists the owner's initiatives due at the round (features/calendar.py) that have no status file
yet, each with exactly the fields its segment reports on (cadence.yaml). A form is a list of rows, each with a key
that says what it holds (`helseplattformen|dependencies|0`): the key travels with the row in the file (a hidden column
of the workbook, hidden text in Word), so that reading a form back does not depend on where its rows are. The form's
identity (its id, the round, the owner and the initiatives) travels with it too (formfiles.py), so that a form for
another round, or one returned twice, is refused.

A filled form gives one StatusReport per initiative, validated through the model; a field left empty stays out of the
report, which then shows as incomplete (features/calendar.py `missing_content`). A list with no rows filled in and
"none" marked is `[]`, which says "none".
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ehportfolio.domain.cadence import ITEM_MODELS, Cadence
from ehportfolio.domain.models import StatusReport
from ehportfolio.domain.printable import has_control
from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.features.calendar import Member, Round, RoundState
from ehportfolio.i18n.catalogues import N_
from ehportfolio.i18n.messages import segment_name, text
from ehportfolio.store.validation import closest, validate
from ehportfolio.store.yamltext import slug

FORM_VERSION = 1
"""The layout of the forms this version writes; a form of another layout is refused."""

TEXT_LISTS = ("actions", "ideas")
"""The fields that hold a list of texts: a row each."""
LIST_ROWS = 5
"""How many empty rows a list gets (a Koordinere form's dependencies: the recorded ones and this many more, less
those); a list of texts, LIST_ROWS rows."""
EXTRA_DEPENDENCY_ROWS = 2
"""Empty rows after the recorded dependencies, for one the initiative file does not name."""
DATE_FIELDS = frozenset(("date", "by"))
"""The fields that hold a date: a date cell in the workbook, and `31.12.2021` is read as well as `2021-12-31`."""
YES_WORDS = frozenset(("ja", "yes", "x", "true", "sann"))
"""What marks a list's "none" row: "ja" as the form offers, and what people write instead."""

FIELD_WORDS = {
    "date": N_("form.field.date"),
    "colour": N_("form.field.colour"),
    "progress": N_("form.field.progress"),
    "risks": N_("form.field.risks"),
    "dependencies": N_("form.field.dependencies"),
    "actions": N_("form.field.actions"),
    "experience": N_("form.field.experience"),
    "obstacles": N_("form.field.obstacles"),
    "purpose": N_("form.field.purpose"),
    "ideas": N_("form.field.ideas"),
}
"""A status report field's name as a form shows it, beside its question."""


@dataclass(frozen=True)
class FormInitiative:
    """One initiative of a form: what identifies it, its segment and the fields its segment reports on; a Koordinere
    initiative's recorded dependencies, to pre-fill."""

    id: str
    name: str
    owner: str
    segment: str
    fields: tuple[str, ...]
    dependencies: tuple[str, ...] = ()
    filed: str = ""
    """Where its status file for the round stands when it has one (`reported`, `incomplete`): it gets no form."""


@dataclass(frozen=True)
class Form:
    """The form of one owner for a round."""

    id: str
    round: Round
    owner: str
    deadline: datetime.date
    initiatives: tuple[FormInitiative, ...]
    name: str
    """The file's name without its suffix: `skjema-helse-vest`."""

    @property
    def meta(self) -> dict[str, Any]:
        """What the file carries to identify it, for `collect`."""
        return {
            "version": FORM_VERSION,
            "form": self.id,
            "round": self.round.id,
            "owner": self.owner,
            "deadline": self.deadline.isoformat(),
            "initiatives": [i.id for i in self.initiatives],
        }


@dataclass(frozen=True)
class Row:
    """A row of a form: its key, the label of its first column, and the values of its answer cells (pre-filled, or
    None), with the field each cell answers (`by`, `risk`; `""` for a row of one answer)."""

    key: str
    label: str
    columns: tuple[str, ...]
    values: tuple[Any, ...]
    kind: str
    """`text`, `date`, `colour`, `yes` (a list's "none"), `record` (a list's row) or `head` (a list's header)."""
    question: str = ""


@dataclass(frozen=True)
class Section:
    """One initiative's part of a form: its heading, the facts that identify it (locked), and its rows."""

    initiative: FormInitiative
    heading: str
    facts: tuple[tuple[str, str], ...]
    rows: tuple[Row, ...]


def plan_forms(
    state: RoundState, everyone: Sequence[Member], cadence: Cadence, deadline: datetime.date
) -> tuple[list[Form], tuple[FormInitiative, ...]]:
    """The forms of a round, one per owner sorted by owner, and the initiatives due that already have a status file
    (who gets no form)."""
    by_id = {m.id: m for m in everyone}
    round_ = state.round
    owners: dict[str, list[FormInitiative]] = {}
    filed = []
    for ident, found in state.states.items():
        member = by_id[ident]
        segment = member.segment_on(round_.date)
        assert segment is not None  # due: a member in a segment that reports there
        initiative = member.initiative
        wanted = cadence.segments[segment].required
        dependencies = tuple(d.id for d in initiative.dependencies) if "dependencies" in wanted else ()
        item = FormInitiative(ident, initiative.name, initiative.owner, segment, wanted, dependencies)
        if found.state in ("reported", "incomplete"):
            filed.append(dataclasses.replace(item, filed=found.state))
        else:
            owners.setdefault(initiative.owner, []).append(item)
    forms = []
    names: set[str] = set()
    for owner in sorted(owners, key=str.casefold):
        items = tuple(owners[owner])
        name = base = f"skjema-{slug(owner) or 'eier'}"
        number = 1
        while name in names:
            number += 1
            name = f"{base}-{number}"
        names.add(name)
        ident = form_id(round_.id, owner, deadline.isoformat(), [i.id for i in items])
        forms.append(Form(ident, round_, owner, deadline, items, name))
    return forms, tuple(filed)


def form_id(round_id: str, owner: str, deadline: str, ids: Sequence[str]) -> str:
    """A form's id, from what it is for: collect computes it again, so that a form whose identity was edited (its
    round, owner, deadline or initiatives) is refused rather than trusted."""
    seed = "|".join((round_id, owner, deadline, *ids))
    return f"{round_id}-{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:12]}"


def _plain_question(question: str, name: str) -> str:
    """A question without the sentence that tells a YAML file how to say "none" (`Skriv «risks: []» …`): a form has
    its own row for that."""
    sentences = re.split(r"(?<=[.?])\s+", question)
    return " ".join(s for s in sentences if f"{name}: []" not in s)


def _key(*parts: str | int) -> str:
    return "|".join(str(part) for part in parts)


def fact_key(ident: str, index: int) -> str:
    """The key of a row of facts that identify an initiative (its segment, the meeting, the deadline): shown, not
    asked."""
    return _key(ident, "fact", index)


def shown_only(key: str) -> bool:
    """Whether a row with this key only shows something (a fact, a list's header) and holds no answer."""
    parts = key.split("|")
    return parts[-1] == "head" or (len(parts) == 3 and parts[1] == "fact")


def sections(form: Form, cadence: Cadence, lang: str) -> list[Section]:
    """What a form shows for each initiative, in order; the workbook and the Word document lay it out."""
    round_ = form.round
    meeting = round_.dated
    found = []
    for item in form.initiatives:
        segment = cadence.segments[item.segment]
        facts = (
            (text(lang, "form.segment"), segment_name(item.segment)),
            (text(lang, "form.subject"), segment.subject[lang]),
            (text(lang, "form.meeting"), meeting),
            (text(lang, "form.deadline"), form.deadline.isoformat()),
        )
        rows = [_row(item, "date", cadence, lang, form.deadline)]
        for name in item.fields:
            rows += _rows(item, name, cadence, lang)
        heading = f"{text(lang, 'form.initiative')}: {item.name} ({item.id})"
        found.append(Section(item, heading, facts, tuple(rows)))
    return found


def _label(lang: str, name: str) -> str:
    return text(lang, FIELD_WORDS[name])


def _row(item: FormInitiative, name: str, cadence: Cadence, lang: str, value: Any = None) -> Row:
    kind = "date" if name in DATE_FIELDS else "colour" if name == "colour" else "text"
    question = cadence.question(item.segment, name, lang)
    return Row(_key(item.id, name), _label(lang, name), ("",), (value,), kind, question)


def _rows(item: FormInitiative, name: str, cadence: Cadence, lang: str) -> list[Row]:
    """The rows of one field: one for a single answer; a header, a row per item and a "none" row for a list."""
    if name not in ITEM_MODELS and name not in TEXT_LISTS:
        return [_row(item, name, cadence, lang)]
    question = _plain_question(cadence.question(item.segment, name, lang), name)
    columns = cadence.items.get(name, ("",))
    heads = tuple(cadence.questions[c][lang] if c else "" for c in columns)
    rows = [Row(_key(item.id, name, "head"), _label(lang, name), columns, heads, "head", question)]
    prefilled: list[dict[str, Any]] = [{"id": d} for d in item.dependencies] if name == "dependencies" else []
    count = len(prefilled) + EXTRA_DEPENDENCY_ROWS if name == "dependencies" else LIST_ROWS
    for index in range(count):
        known = prefilled[index] if index < len(prefilled) else {}
        values = tuple(known.get(c) for c in columns)
        rows.append(Row(_key(item.id, name, index), str(index + 1), columns, values, "record"))
    rows.append(Row(_key(item.id, name, "none"), text(lang, "form.none"), ("",), (None,), "yes"))
    return rows


# Reading a filled form back


@dataclass(frozen=True)
class Cell:
    """An answer cell as read back: its text (None when empty; a date as YYYY-MM-DD) and its address."""

    value: str | None
    where: str
    problem: Problem | None = None
    """Set when the cell cannot be read as an answer (a formula, an error value)."""


LINE_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029]")
"""The line breaks people paste into a cell (Windows' CR LF, old Mac's CR, Unicode's line and paragraph separators),
each written as the one a status file keeps: LF."""


def answer(value: str | None, where: str) -> Cell:
    """An answer cell's text as read from a form: its line breaks made LF, and a control character that a status file
    refuses (a bell, a right-to-left override) refused here, at its cell."""
    if value is None:
        return Cell(None, where)
    value = LINE_BREAKS.sub("\n", value)
    index = has_control(value, "\t\n")
    if index >= 0:
        return Cell(value, where, Problem(where, "status.collect.control", {"char": f"U+{ord(value[index]):04X}"}))
    return Cell(value, where)


@dataclass(frozen=True)
class Filled:
    """A filled form as read from its file: what identifies it (`Form.meta`), where that is kept, and the answer cells
    of each row by its key."""

    path: str
    meta: Mapping[str, Any]
    meta_where: str
    rows: Mapping[str, tuple[Cell, ...]]
    problems: tuple[Problem, ...] = ()
    """Rows the file holds twice, say."""


@dataclass(frozen=True)
class Collected:
    """The reports of one form, by initiative id, or the problems that refuse it; `refused` when the form itself is
    refused (another round, returned twice, collected already) rather than a cell of it."""

    filled: Filled
    reports: dict[str, StatusReport] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    """Where each initiative's part of the form starts (its date's cell), to name it in messages."""
    problems: tuple[Problem, ...] = ()
    refused: bool = False
    plans: tuple[tuple[str, str], ...] = ()
    """The status files a clean form gives, path and text, once they are planned."""


_NORWEGIAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _date_text(value: str) -> str:
    """A date as the model reads it: `31.12.2021` (as people in Norway write it) becomes `2021-12-31`; anything else
    is left for the model to judge."""
    found = _NORWEGIAN_DATE.fullmatch(value.strip())
    if found:
        day, month, year = (int(part) for part in found.groups())
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:  # no such day: the model says so, of the text as written
            pass
    return value


def _value(cell: Cell, name: str) -> str | None:
    if cell.value is None:
        return None
    return _date_text(cell.value) if name in DATE_FIELDS else cell.value


BROKEN = frozenset(("status.collect.not_a_form", "status.collect.edited", "status.collect.not_owner"))
"""The refusals of a file that is no form as ehp wrote it, or one whose identity was edited: an error in the file
(exit 2), where the other refusals (another round, returned twice, collected already) are findings (exit 1)."""


def refusal(
    filled: Filled,
    wanted: Round | None,
    by_round: Mapping[str, Round],
    by_id: Mapping[str, Member],
    seen: dict[str, str],
    filed: Callable[[str], set[str]],
) -> Problem | None:
    """Why a form is refused as a whole, or None: not one of this version's; its identity edited (the form id does
    not match its round, owner, deadline and initiatives); for a round not in the calendar or not the one asked for
    (`wanted`); naming initiatives the portfolio lacks, that another owner owns, or that are not due at the round;
    returned twice (`seen`: the file of each form id and `round/initiative` met so far, updated); or collected already
    (`filed`: the ids with a status file for a round)."""
    meta = filled.meta
    where = filled.meta_where
    ids = meta.get("initiatives")
    round_id = str(meta.get("round") or "")
    if str(meta.get("version")) != str(FORM_VERSION) or not meta.get("form") or not isinstance(ids, list) or not ids:
        return Problem(filled.path, "status.collect.not_a_form")
    owner = str(meta.get("owner") or "")
    if str(meta["form"]) != form_id(round_id, owner, str(meta.get("deadline") or ""), ids):
        return Problem(where, "status.collect.edited")
    if round_id not in by_round:
        return Problem(where, "status.collect.unknown_round", {"round": round_id})
    if wanted is not None and round_id != wanted.id:
        return Problem(where, "status.collect.wrong_round", {"round": round_id, "wanted": wanted.id})
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        return Problem(where, "status.collect.unknown_initiative", {"ids": ", ".join(unknown)})
    others = [i for i in ids if by_id[i].initiative.owner != owner]
    if others:  # moved to another owner since the form was sent, or a form edited to write another owner's reports
        found = ", ".join(f"{i} ({by_id[i].initiative.owner})" for i in others)
        return Problem(where, "status.collect.not_owner", {"owner": owner, "ids": found})
    not_due = [i for i in ids if not by_id[i].due(by_round[round_id])]
    if not_due:  # finished, withdrawn or moved since the form was sent
        return Problem(where, "status.collect.not_due", {"round": round_id, "ids": ", ".join(not_due)})
    form = str(meta["form"])
    if form in seen:
        return Problem(filled.path, "status.collect.twice", {"form": form, "other": seen[form]})
    claimed = {f"{round_id}/{i}": i for i in ids}
    again = sorted(ident for key, ident in claimed.items() if key in seen)
    if again:  # two forms of one round, from rounds opened twice, name the same initiatives
        other = seen[f"{round_id}/{again[0]}"]
        return Problem(filled.path, "status.collect.initiative_twice", {"ids": ", ".join(again), "other": other})
    seen.update({form: filled.path, **dict.fromkeys(claimed, filled.path)})
    done = sorted(set(ids) & filed(round_id))
    if done:
        return Problem(filled.path, "status.collect.collected", {"round": round_id, "ids": ", ".join(done)})
    return None


def read_reports(
    filled: Filled,
    initiatives: Mapping[str, str],
    cadence: Cadence,
    known: Collection[str] | None = None,
    round_: Round | None = None,
) -> Collected:
    """The status report of each initiative of a form (`initiatives`: its segment, by id), every problem at its cell.
    A problem in any part refuses the whole form; so does an answer in a row the form did not ask (its key edited).
    With `known` (the ids a dependency may name: the portfolio's initiatives and the national solutions), a
    dependency on anything else, or on the initiative itself, is refused at its cell, as `ehp check` would find it;
    with the form's `round_`, a date more than a year from its meeting (Round.far) is refused at its cell."""
    problems = list(filled.problems)
    reports: dict[str, StatusReport] = {}
    places: dict[str, str] = {}
    asked: dict[str, int] = {}
    for ident, segment in initiatives.items():
        wanted = cadence.segments[segment].required
        data, where = _data(filled, ident, wanted, cadence.items, problems)
        asked.update(_asked(filled, ident, wanted, cadence.items))
        places[ident] = where.get("date", filled.meta_where)
        try:
            reports[ident] = validate(StatusReport, data, filled.path, {})
        except InputError as exc:
            problems += [_placed(p, where, filled.meta_where) for p in exc.problems]
            continue
        report = reports[ident]
        if round_ is not None and round_.far(report.date):
            args = {"date": report.date.isoformat(), "meeting": round_.dated}
            problems.append(Problem(where.get("date", filled.meta_where), "status.collect.date_far", args))
        if known is not None:
            problems += _dependency_problems(ident, report, known, where, filled.meta_where)
    for key, cells in filled.rows.items():
        answered = [c for c in cells if c.value is not None]
        if key not in asked and answered:
            problems.append(Problem(answered[0].where, "status.collect.unknown_row", {"key": key}))
            continue
        outside = [c for c in cells[asked.get(key, 0) :] if c.value is not None]
        if outside:  # beside the answer cells of its row, where nothing is read
            problems.append(Problem(outside[0].where, "status.collect.outside"))
    return Collected(filled, reports if not problems else {}, places, tuple(problems))


def _dependency_problems(
    ident: str, report: StatusReport, known: Collection[str], where: Mapping[str, str], fallback: str
) -> list[Problem]:
    """A dependency that names what neither the portfolio nor the register of national solutions holds (`known`, a
    set), or the initiative itself, at its cell; the did-you-mean is looked for only when one is unknown."""
    found = []
    for index, dependency in enumerate(report.dependencies or ()):
        if dependency is None or dependency.id is None:
            continue
        cell = where.get(f"dependencies.{index}.id", fallback)
        if dependency.id == ident:
            found.append(Problem(cell, "self_dependency", {"id": ident}))
        elif dependency.id not in known:
            args = {"id": dependency.id, "suggestion": closest(dependency.id, sorted(known))}
            found.append(Problem(cell, "status_dependency_unknown", args))
    return found


def _asked(filled: Filled, ident: str, wanted: Sequence[str], columns: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
    """The keys of the rows of `filled` that the form asks of the initiative (its fields, their lists' rows and
    "none" rows), each with how many answer cells it has."""
    asked = {_key(ident, name): 1 for name in ("date", *wanted)} | {_key(ident, name, "none"): 1 for name in wanted}
    for name in wanted:
        prefix = _key(ident, name, "")
        width = len(columns.get(name, ())) or 1
        asked |= {key: width for key in filled.rows if key.startswith(prefix) and key[len(prefix) :].isdigit()}
    return asked


def _data(
    filled: Filled,
    ident: str,
    wanted: Sequence[str],
    columns: Mapping[str, tuple[str, ...]],
    problems: list[Problem],
) -> tuple[dict[str, Any], dict[str, str]]:
    """The report's data as the model reads it, and the address of each value by its dotted path."""
    data: dict[str, Any] = {}
    where: dict[str, str] = {}
    for name in ("date", *wanted):
        single = filled.rows.get(_key(ident, name))
        if single is not None:
            (cell,) = single[:1] or (Cell(None, filled.meta_where),)
            where[name] = cell.where
            if cell.problem is not None:
                problems.append(cell.problem)
            elif cell.value is not None:
                data[name] = _value(cell, name)
            continue
        items = _items(filled, ident, name, columns.get(name, ()), where, problems)
        none = filled.rows.get(_key(ident, name, "none"), ())
        answered = [c for c in none if c.value is not None]
        marked = [c for c in answered if c.value is not None and c.value.strip().casefold() in YES_WORDS]
        if answered and not marked:  # "nei", "ingen", a note: say what the cell takes rather than drop it
            problems.append(Problem(answered[0].where, "status.collect.not_yes", {"value": answered[0].value}))
        if items:
            data[name] = items
            if marked:
                problems.append(Problem(marked[0].where, "status.collect.none_and_rows"))
        elif marked:
            data[name] = []
    return data, where


def _items(
    filled: Filled, ident: str, name: str, keys: tuple[str, ...], where: dict[str, str], problems: list[Problem]
) -> list[Any]:
    """The rows of a list filled in, in their order (`keys`: the fields of a record, column by column); a row left
    empty is no item."""
    prefix = _key(ident, name, "")
    numbered = sorted(
        (int(key[len(prefix) :]), cells)
        for key, cells in filled.rows.items()
        if key.startswith(prefix) and key[len(prefix) :].isdigit()
    )
    items: list[Any] = []
    for _, cells in numbered:
        if all(c.value is None for c in cells):
            continue
        index = len(items)
        for cell in cells:
            if cell.problem is not None:
                problems.append(cell.problem)
        if keys:
            record = {}
            for key, cell in zip(keys, cells, strict=False):
                where[f"{name}.{index}.{key}"] = cell.where
                if cell.value is not None and cell.problem is None:
                    record[key] = _value(cell, key)
            where[f"{name}.{index}"] = cells[0].where
            items.append(record)
        else:
            where[f"{name}.{index}"] = cells[0].where
            items.append(cells[0].value)
    if items:
        where.setdefault(name, where[f"{name}.0"])
    return items


def _placed(problem: Problem, where: Mapping[str, str], fallback: str) -> Problem:
    """A problem of the model placed at the cell of its value (or of the nearest enclosing one)."""
    if problem.code == "missing_key":  # the only field a report must have: its date
        problem = Problem(problem.path, "status.collect.no_date", {}, field_path="date")
    parts = problem.field_path.split(".") if problem.field_path else []
    for end in range(len(parts), 0, -1):
        found = where.get(".".join(parts[:end]))
        if found:
            return Problem(found, problem.code, problem.args)
    return Problem(fallback, problem.code, problem.args)
