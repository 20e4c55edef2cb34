"""Rules on what initiatives refer to: other initiatives, actors, focus areas and user groups."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ehportfolio.domain.goals import known_codes
from ehportfolio.domain.problems import Problem
from ehportfolio.store.validation import Nearest

if TYPE_CHECKING:
    from ehportfolio.rules import Subject


def unknown_dependency(subject: Subject) -> Iterator[Problem]:
    """Every dependency names an initiative of the portfolio or an entry of the register of national solutions.

    The register is the shipped one (kjernejournal, e-resept, helsenorge, helsenettet, grunndata, helseid) unless
    portfolio.yaml names its own with `solutions:`."""
    solutions = subject.portfolio.context.solution_by_id
    ids = sorted({e.id for e in subject.portfolio.entries} | set(solutions))
    known = set(ids)
    nearest = Nearest(ids)
    for entry in subject.portfolio.entries:
        for index, dependency in enumerate(entry.initiative.dependencies):
            if dependency.id not in known:
                line, column = entry.place("dependencies", index, "id")
                args = {"id": dependency.id, "suggestion": nearest(dependency.id)}
                yield Problem(entry.path, "", args, line, column, f"dependencies.{index}.id")


def solution_clash(subject: Subject) -> Iterator[Problem]:
    """No initiative has the id of an entry of the register of national solutions: a dependency names either by its
    id alone, so one id must mean one thing. Until it is renamed, a dependency on the id means the initiative."""
    context = subject.portfolio.context
    where = {"variant": "own", "file": context.solutions_file} if context.solutions_file else {"variant": "shipped"}
    for entry in subject.portfolio.entries:
        solution = context.solution_by_id.get(entry.id)
        if solution is not None:
            yield Problem(entry.path, "", {"id": entry.id, "name": solution.name, **where}, 1, 1)


def self_dependency(subject: Subject) -> Iterator[Problem]:
    """No initiative depends on itself."""
    for entry in subject.portfolio.entries:
        for index, dependency in enumerate(entry.initiative.dependencies):
            if dependency.id == entry.id:
                line, column = entry.place("dependencies", index, "id")
                yield Problem(entry.path, "", {"id": entry.id}, line, column, f"dependencies.{index}.id")


def dependency_cycle(subject: Subject) -> Iterator[Problem]:
    """No chain of dependencies leads back to where it started (a dependency on itself is its own rule)."""
    entries = {e.id: e for e in subject.portfolio.entries}
    graph = {
        i: sorted({d.id for d in e.initiative.dependencies if d.id in entries and d.id != i})
        for i, e in entries.items()
    }
    for component in _cycles(graph):
        start = min(component)
        path = _path_back(graph, start, set(component))
        entry = entries[start]
        index = next(n for n, d in enumerate(entry.initiative.dependencies) if d.id == path[1])
        line, column = entry.place("dependencies", index, "id")
        yield Problem(entry.path, "", {"cycle": " → ".join(path)}, line, column, f"dependencies.{index}.id")


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            if child < len(graph[node]):
                work.append((node, child + 1))
                nxt = graph[node][child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def _path_back(graph: dict[str, list[str]], start: str, members: set[str]) -> list[str]:
    """A shortest path from start back to start inside one cycle, for the message."""
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in graph[node]:
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if nxt in members and nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return [start, start]  # unreachable for a real cycle


def unknown_owner(subject: Subject) -> Iterator[Problem]:
    """Every owner is an actor of the actors register, when the portfolio keeps one."""
    actors = subject.portfolio.context.actors
    if actors is None:
        return
    names = sorted(a.name for a in actors)
    known = set(names)
    nearest = Nearest(names)
    for entry in subject.portfolio.entries:
        owner = entry.initiative.owner
        if owner not in known:
            line, column = entry.place("owner")
            yield Problem(entry.path, "", {"owner": owner, "suggestion": nearest(owner)}, line, column, "owner")


def unknown_focus_area(subject: Subject) -> Iterator[Problem]:
    """Every focus area is a code of the portfolio's taxonomy (a goal or a sub-goal), when it names one."""
    taxonomy = subject.portfolio.context.taxonomy
    if taxonomy is None:
        return
    codes = sorted(known_codes(taxonomy))
    nearest = Nearest(codes)
    for entry in subject.portfolio.entries:
        code = entry.initiative.focus_area
        if code is not None and code not in codes:
            line, column = entry.place("focus_area")
            args = {"code": code, "suggestion": nearest(code), "known": ", ".join(codes)}
            yield Problem(entry.path, "", args, line, column, "focus_area")


def unknown_user_group(subject: Subject) -> Iterator[Problem]:
    """Every id in `user_groups` is a user group of the register of user groups, when the portfolio keeps one."""
    groups = subject.portfolio.context.user_groups
    if groups is None:
        return
    ids = sorted(group.id for group in groups)
    known = set(ids)
    nearest = Nearest(ids)
    for entry in subject.portfolio.entries:
        for index, ident in enumerate(entry.initiative.user_groups):
            if ident not in known:
                line, column = entry.place("user_groups", index)
                args = {"id": ident, "suggestion": nearest(ident), "known": ", ".join(ids)}
                yield Problem(entry.path, "", args, line, column, f"user_groups.{index}")
