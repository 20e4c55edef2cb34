"""`ehp new` and `ehp import` take and refuse the same owners (one matching, domain/actors.py), and say the same of
an owner they fitted to the actors register."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, SETTINGS, TAXONOMY, build_file_tree

from ehportfolio.store.portfolio import load_portfolio


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """An empty portfolio whose register holds Helsedirektoratet and Helse Vest RHF."""
    folder = build_file_tree(
        tmp_path / "pf", {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    )
    (folder / "initiatives").mkdir()
    return folder


def by_new(root: Path, owner: str) -> tuple[int, str, str]:
    """The owner `ehp new --no-input` writes (or "" when it writes nothing), with its exit status and stderr."""
    args = ["new", "--path", str(root), "--name", "Fra new", "--owner", owner, "--focus-area", "2.1"]
    code, _, err = invoke(*args, "--answer", "digitalisation_essential=nei", "--no-input")
    return code, _owner(root, "fra-new"), err


def by_import(root: Path, owner: str) -> tuple[int, str, str]:
    """The owner `ehp import` writes from a one-row table (or "" when it writes nothing), its exit status and stderr."""
    table = root.parent / "tabell.csv"
    table.write_text(f"navn;aktør;innsatsområde\nFra import;{owner};2.1\n", encoding="utf-8")
    code, _, err = invoke("import", str(table), "--path", str(root))
    return code, _owner(root, "fra-import"), err


def _owner(root: Path, ident: str) -> str:
    entries = {entry.id: entry.initiative for entry in load_portfolio(str(root)).entries}
    return entries[ident].owner if ident in entries else ""


@pytest.mark.parametrize(
    ("typed", "owner", "said"),
    [
        ("Helsedirektoratet", "Helsedirektoratet", ""),
        ("Hesledirektoratet", "Helsedirektoratet", "aktør «Hesledirektoratet» → «Helsedirektoratet» (nærmeste navn"),
        ("helsedir", "Helsedirektoratet", "aktør «helsedir» → «Helsedirektoratet» (det eneste navnet"),
        ("HELSEDIREKTORATET", "Helsedirektoratet", "aktør «HELSEDIREKTORATET» → «Helsedirektoratet» (samme navn"),
    ],
)
def test_new_and_import_take_the_same_owner_and_say_so(root: Path, typed: str, owner: str, said: str) -> None:
    for command in (by_new, by_import):
        code, written, err = command(root, typed)
        assert (code, written) == (0, owner), (command.__name__, err)
        if said:
            assert said in err, command.__name__
        else:
            assert "aktør «" not in err, command.__name__


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Ukjent leverandør AS", "«Ukjent leverandør AS» står ikke i aktørregisteret"),
        ("Helse Øst RHF", "«Helse Øst RHF» står ikke i aktørregisteret"),
        ("Helse", "«Helse» passer til flere"),
    ],
)
def test_new_and_import_refuse_the_same_owner(root: Path, typed: str, said: str) -> None:
    for command in (by_new, by_import):
        code, written, err = command(root, typed)
        assert (code, written) == (2, ""), (command.__name__, err)
        assert said in err, command.__name__
    assert not any((root / "initiatives").iterdir())
