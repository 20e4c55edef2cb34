"""What the commands do with paths that are not plain files: devices, FIFOs, directories, dangling links, links out
of the portfolio, and files the system will not give or take. Each is a message naming the path and exit status 2,
and nothing is replaced or read through a link."""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import invoke
from helpers import (
    ACTORS,
    KOORDINERE,
    SAMSTYRE,
    SETTINGS,
    TAXONOMY,
    VALID,
    build_file_tree,
    calendar_portfolio,
    failing_for,
)


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A command that opens a FIFO blocks forever: fail the test instead."""

    def hung(*_: Any) -> None:
        raise TimeoutError("the command blocked")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    files = {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    files |= {"initiatives/felles.yaml": SAMSTYRE, "initiatives/avhengig.yaml": KOORDINERE}
    return build_file_tree(tmp_path / "pf", files)


# --out of export and schema


def test_export_to_a_device_refuses_and_leaves_it(root: Path) -> None:
    code, out, err = invoke("export", "--path", str(root), "--format", "csv", "--out", "/dev/null")
    assert (code, out) == (2, "")
    assert err.startswith("/dev/null: er ikke en vanlig fil")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_export_to_an_endless_device_is_refused_without_reading_it(root: Path, device: str) -> None:
    # the old file at --out used to be read first: an endless device read until memory ran out (no_hang guards)
    code, out, err = invoke("export", "--path", str(root), "--format", "csv", "--out", device)
    assert (code, out) == (2, "") and err.startswith(f"{device}: er ikke en vanlig fil")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_export_to_a_link_to_a_device_leaves_the_link(root: Path, tmp_path: Path) -> None:
    link = tmp_path / "stdout"  # like /dev/stdout, which root once replaced with a regular file
    link.symlink_to("/dev/null")
    code, _, err = invoke("export", "--path", str(root), "--format", "csv", "--out", str(link))
    assert code == 2 and err.startswith(f"{link}: er ikke en vanlig fil")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"


def test_export_to_a_fifo_refuses_without_opening_it(root: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")
    code, _, err = invoke("export", "--path", str(root), "--format", "csv", "--out", str(tmp_path / "pipe.csv"))
    assert code == 2 and err.startswith(f"{tmp_path / 'pipe.csv'}: er ikke en vanlig fil")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.csv").st_mode)


def test_export_to_a_directory_or_a_dangling_link_refuses(root: Path, tmp_path: Path) -> None:
    code, _, err = invoke("export", "--path", str(root), "--format", "csv", "--out", str(tmp_path))
    assert code == 2 and err.startswith(f"{tmp_path}: er en mappe")
    dangling = tmp_path / "gone.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    code, _, err = invoke("export", "--path", str(root), "--format", "csv", "--out", str(dangling))
    assert code == 2 and err.startswith(f"{dangling}: er en symbolsk lenke til {tmp_path / 'nowhere.csv'}")
    assert not (tmp_path / "nowhere.csv").exists()


def test_export_to_a_dash_writes_standard_output(root: Path) -> None:
    _, expected, _ = invoke("export", "--path", str(root), "--format", "csv")
    code, out, err = invoke("export", "--path", str(root), "--format", "csv", "--out", "-")
    assert (code, out, err) == (0, expected, "")
    assert expected.startswith("id,")


def test_export_that_may_not_replace_its_file_says_so(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "old.csv"
    target.write_text("old\n")
    monkeypatch.setattr(os, "replace", failing_for(target, os.replace, at=1))
    code, _, err = invoke("export", "--path", str(root), "--format", "csv", "--out", str(target))
    assert code == 2 and err == f"{target}: kunne ikke skrives: ingen tilgang\n"
    assert target.read_text() == "old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["old.csv", "pf"]


def test_schema_out_refuses_a_fifo_and_a_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "schema"
    out.mkdir()
    os.mkfifo(out / "initiative.schema.json")
    code, _, err = invoke("schema", "initiative", "--out", str(out))
    assert code == 2 and f"{out / 'initiative.schema.json'}: er ikke en vanlig fil" in err
    monkeypatch.setattr(os, "link", failing_for(out / "portfolio.schema.json", os.link, at=1))
    code, _, err = invoke("schema", "portfolio", "--out", str(out))
    assert code == 2 and f"{out / 'portfolio.schema.json'}: kunne ikke skrives: ingen tilgang" in err


def test_init_names_a_file_it_may_not_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "repo" / "portfolio.yaml"
    monkeypatch.setattr(os, "link", failing_for(target, os.link, at=1))
    code, _, err = invoke("init", str(tmp_path / "repo"), "--name", "X", "--year", "2027")
    assert code == 2 and f"{target}: kunne ikke skrives: ingen tilgang" in err


# Reading what a user names


def test_assess_of_a_file_the_system_will_not_read_is_a_message() -> None:
    code, out, err = invoke("assess", "/proc/self/mem")
    assert (code, out) == (2, "")
    assert err.startswith("/proc/self/mem: filen kan ikke leses:")


def test_assess_of_a_device_is_a_message() -> None:
    code, _, err = invoke("assess", "/dev/zero")  # endless: reading it would exhaust memory
    assert code == 2 and err.startswith("/dev/zero: er ikke en vanlig fil")


def test_a_permission_error_on_read_names_the_file(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = root / "initiatives" / "avhengig.yaml"
    monkeypatch.setattr(os, "open", failing_for(path, os.open, at=0))
    code, _, err = invoke("decide", "avhengig", "--segment", "koordinere", "--reason", "Vedtatt", "--path", str(root))
    assert code == 2 and f"{path}: filen kan ikke leses: ingen tilgang" in err
    assert path.read_text(encoding="utf-8") == KOORDINERE


def test_import_of_a_table_the_system_will_not_read(root: Path, tmp_path: Path, monkeypatch: Any) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Navn\nX\n")
    monkeypatch.setattr(os, "open", failing_for(table, os.open, at=0))
    code, _, err = invoke("import", str(table), "--path", str(root))
    assert code == 2 and f"{table}: filen kan ikke leses: ingen tilgang" in err


# Writes into a portfolio


def test_decide_does_not_write_through_a_link_out_of_the_portfolio(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(KOORDINERE, encoding="utf-8")
    (root / "initiatives" / "avhengig.yaml").unlink()
    (root / "initiatives" / "avhengig.yaml").symlink_to(outside)
    code, _, err = invoke("decide", "avhengig", "--segment", "koordinere", "--reason", "Vedtatt", "--path", str(root))
    assert code == 2 and f"{root / 'initiatives' / 'avhengig.yaml'}: fører ut av {root}" in err
    assert outside.read_text(encoding="utf-8") == KOORDINERE


def test_decide_that_may_not_replace_the_file_says_so(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = root / "initiatives" / "avhengig.yaml"
    monkeypatch.setattr(os, "replace", failing_for(path, os.replace, at=1))
    code, _, err = invoke("decide", "avhengig", "--segment", "koordinere", "--reason", "Vedtatt", "--path", str(root))
    assert code == 2 and f"{path}: kunne ikke skrives: ingen tilgang" in err
    assert path.read_text(encoding="utf-8") == KOORDINERE
    assert sorted(p.name for p in path.parent.iterdir()) == ["avhengig.yaml", "felles.yaml"]


def test_status_new_does_not_write_through_a_round_linked_out_of_the_portfolio(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "status").mkdir()
    (root / "status" / "2021-nuit-1").symlink_to(elsewhere)
    result = invoke("status", "new", "felles", "--date", "2021-01-15", "--path", str(root))
    assert result.code == 2 and "Traceback" not in (result.out + result.err)
    assert f"{root / 'status' / '2021-nuit-1'}: fører ut av {root}" in result.err
    assert list(elsewhere.iterdir()) == []


def test_new_names_a_file_it_may_not_write(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = root / "initiatives" / "ny.yaml"
    monkeypatch.setattr(os, "link", failing_for(path, os.link, at=1))
    code, _, err = invoke(
        *("new", "--path", str(root), "--name", "Ny", "--owner", "Helsedirektoratet", "--focus-area", "5.1"),
        *("--description", "", "--answer", "digitalisation_essential=nei", "--no-input"),
    )
    assert code == 2 and f"{path}: kunne ikke skrives: ingen tilgang" in err
    assert not path.exists()


def test_import_does_not_read_or_replace_through_a_link_out_of_the_portfolio(root: Path, tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Navn;Aktør;Innsatsområde\nLenket;Helse Vest RHF;2.1\n", encoding="utf-8")
    outside = tmp_path / "outside.yaml"
    outside.write_text(VALID, encoding="utf-8")
    (root / "initiatives" / "lenket.yaml").symlink_to(outside)
    code, _, err = invoke("import", str(table), "--path", str(root), "--force")
    assert code == 2 and f"{root / 'initiatives' / 'lenket.yaml'}: fører ut av" in err
    assert outside.read_text(encoding="utf-8") == VALID
