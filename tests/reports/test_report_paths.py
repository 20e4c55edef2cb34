"""Reports and the file system: a template is read only from inside its directory, and every file a report writes
stays inside --out."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import invoke
from helpers import SAMSTYRE, calendar_portfolio

from ehportfolio.store.templates import template_dir

SECRET = "CI_TOKEN=hemmelig"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return calendar_portfolio(tmp_path / "p", felles=SAMSTYRE)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the portfolio that a template could be linked to, as /proc/self/environ was."""
    path = tmp_path / "environ"
    path.write_text(SECRET)
    return path


def test_a_portfolio_template_linked_out_of_its_directory_is_refused(root: Path, secret: Path) -> None:
    mine = root / "templates" / "reports"
    mine.mkdir(parents=True)
    (mine / "overview.md.j2").symlink_to(secret)
    code, out, err = invoke("report", "overview", "--path", str(root))
    assert (code, out) == (2, "")
    assert f"{mine / 'overview.md.j2'}: fører ut av {root / 'templates'} (til {secret})" in err
    assert SECRET not in err


def test_a_template_dir_given_with_templates_is_its_root(root: Path, secret: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "reports"
    mine.mkdir(parents=True)
    (mine / "overview.html.j2").symlink_to(secret)
    code, out, err = invoke(
        "report", "overview", "-f", "html", "--path", str(root), "--templates", str(tmp_path / "mine")
    )
    assert (code, out) == (2, "")
    assert f"{mine / 'overview.html.j2'}: fører ut av {tmp_path / 'mine'}" in err and SECRET not in err


def test_a_link_inside_the_template_dir_is_followed(root: Path) -> None:
    mine = root / "templates" / "reports"
    mine.mkdir(parents=True)
    (mine / "shared.md.j2").write_text("Egen mal\n")
    (mine / "overview.md.j2").symlink_to("shared.md.j2")
    assert invoke("report", "overview", "--path", str(root))[:2] == (0, "Egen mal\n")


def test_a_portfolio_template_dir_linked_out_of_the_portfolio_is_refused(root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "reports").mkdir(parents=True)
    (elsewhere / "reports" / "overview.md.j2").write_text(SECRET)
    (root / "templates").symlink_to(elsewhere)
    code, out, err = invoke("report", "overview", "--path", str(root))
    assert (code, out) == (2, "")
    assert f"{root / 'templates'}: fører ut av {root}" in err and SECRET not in err


def test_a_fifo_as_template_is_refused_without_blocking(root: Path) -> None:
    mine = root / "templates" / "reports"
    mine.mkdir(parents=True)
    os.mkfifo(mine / "overview.md.j2")
    code, _, err = invoke("report", "overview", "--path", str(root))
    assert code == 2 and f"{mine / 'overview.md.j2'}: er ikke en vanlig fil" in err


def test_a_word_template_linked_out_of_its_directory_is_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.docx"
    shutil.copy(template_dir() / "reports" / "overview.docx", outside)
    mine = root / "templates" / "reports"
    mine.mkdir(parents=True)
    (mine / "overview.docx").symlink_to(outside)
    code, out, err = invoke("report", "overview", "-f", "docx", "--path", str(root), "--out", str(tmp_path / "o"))
    assert (code, out) == (2, "")
    assert f"{mine / 'overview.docx'}: fører ut av {root / 'templates'} (til {outside})" in err
    assert not (tmp_path / "o").exists() or list((tmp_path / "o").iterdir()) == []


def test_a_site_does_not_write_through_a_link_in_out(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    elsewhere = tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "initiatives").symlink_to(elsewhere)
    code, _, err = invoke("report", "site", "--out", str(out), "--path", str(root))
    assert code == 2 and f"{out / 'initiatives'}: fører ut av {out} (til {elsewhere})" in err
    assert list(elsewhere.iterdir()) == []


def test_a_report_to_a_fifo_in_out_is_refused(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    out.mkdir()
    os.mkfifo(out / "overview.md")
    code, _, err = invoke("report", "overview", "--path", str(root), "--out", str(out))
    assert code == 2 and f"{out / 'overview.md'}: er ikke en vanlig fil" in err


def test_a_report_that_may_not_be_written_says_so(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "o"
    out.mkdir()
    (out / "overview.md").write_text("old")
    real = os.replace

    def refuse(source: str, target: str) -> None:
        if target.endswith("overview.md"):
            raise PermissionError(13, "Permission denied")
        real(source, target)

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = invoke("report", "overview", "--path", str(root), "--out", str(out))
    assert code == 2 and f"{(out / 'overview.md').resolve()}: kunne ikke skrives: ingen tilgang" in err
    assert (out / "overview.md").read_text() == "old"


def test_templates_are_not_copied_through_a_link_out_of_the_portfolio(root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "templates").mkdir()
    (root / "templates" / "reports").symlink_to(elsewhere)
    code, _, err = invoke("report", "templates", "--path", str(root))
    assert code == 2 and f"{root / 'templates' / 'reports'}: fører ut av {root}" in err
    assert list(elsewhere.iterdir()) == []


def test_a_template_linked_to_the_process_environment_is_refused(root: Path) -> None:
    """A pull request can add `templates/reports/overview.md.j2 -> /proc/self/environ`; rendering its branch must not
    put the CI job's secret environment into the report."""
    own = root / "templates" / "reports"
    own.mkdir(parents=True)
    (own / "overview.md.j2").symlink_to("/proc/self/environ")
    os.environ["EHP_TEST_SECRET"] = SECRET
    try:
        code, out, err = invoke("report", "overview", "--path", str(root))
    finally:
        del os.environ["EHP_TEST_SECRET"]
    assert (code, out) == (2, "")
    assert "overview.md.j2" in err and SECRET not in err


def test_a_refused_site_writes_no_page(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "initiatives").mkdir(parents=True)
    (out / "initiatives" / "felles.html").symlink_to(tmp_path / "elsewhere.html")
    code, _, err = invoke("report", "site", "--path", str(root), "--out", str(out), "--format", "html")
    assert code == 2 and "ingenting er skrevet" in err
    assert sorted(p.name for p in out.rglob("*")) == ["felles.html", "initiatives"]  # no index, no other sheet
    assert not (tmp_path / "elsewhere.html").exists()
