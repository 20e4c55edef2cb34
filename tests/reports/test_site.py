"""ehp report site: the overview, the roadmap and every fact sheet written together, every link leading to a page that
is there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import invoke
from helpers import SAMSTYRE, calendar_portfolio
from test_contexts import shipped

__all__ = ["shipped"]  # the fixture, shared with test_contexts
LINK = {"html": re.compile(r'href="([^"#]+)"'), "markdown": re.compile(r"\]\(([^)#\s]+)\)")}
SUFFIX = {"html": ".html", "markdown": ".md"}


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_every_page_is_written_and_every_link_leads_to_one(shipped: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "site"
    code, stdout, err = invoke("report", "site", "--out", str(out), "-f", fmt, "--path", str(shipped))
    assert code == 0, err
    assert stdout == ""
    assert "skrev oversikten, veikartet, kunnskapsbanken og 55 faktaark til" in err
    ids = sorted(p.stem for p in (shipped / "initiatives").glob("*.yaml"))
    suffix = SUFFIX[fmt]
    assert sorted(p.stem for p in (out / "initiatives").iterdir()) == ids
    pages = [out / f"index{suffix}", out / f"roadmap{suffix}", *sorted((out / "initiatives").iterdir())]
    linked: set[Path] = set()
    for page in pages:
        targets = LINK[fmt].findall(page.read_text(encoding="utf-8"))
        for target in targets:
            resolved = (page.parent / target).resolve()
            assert resolved.is_file(), (page.name, target)
            linked.add(resolved)
    # The overview leads to the roadmap and every fact sheet, and each back to the overview.
    assert {p.resolve() for p in pages[1:]} <= linked
    for page in pages[2:]:
        assert f"../index{suffix}" in page.read_text(encoding="utf-8")
    roadmap = pages[1].read_text(encoding="utf-8")
    assert LINK[fmt].findall(roadmap)[0] == f"index{suffix}"  # back to the overview, first
    planned = {p.stem for p in (shipped / "initiatives").glob("*.yaml") if "\nphases:" in p.read_text(encoding="utf-8")}
    assert {f"initiatives/{ident}{suffix}" for ident in planned} <= set(LINK[fmt].findall(roadmap))
    sheet = (out / "initiatives" / f"helseplattformen{suffix}").read_text(encoding="utf-8")
    assert f"legemiddelprogrammet{suffix}" in sheet  # a dependency links to its own sheet


def test_without_a_site_no_report_links(shipped: Path) -> None:
    for args in (["overview"], ["initiative", "helseplattformen"]):
        for fmt in ("markdown", "html"):
            _, page, _ = invoke("report", *args, "-f", fmt, "--path", str(shipped))
            assert not LINK[fmt].search(page), (args, fmt)


def test_an_id_named_index_does_not_take_the_overviews_place(tmp_path: Path) -> None:
    root = calendar_portfolio(tmp_path / "p", index=SAMSTYRE, felles=SAMSTYRE.replace("Felles", "Annet"))
    code, _, err = invoke("report", "site", "--out", str(tmp_path / "site"), "--path", str(root))
    assert code == 0, err
    assert "Porteføljeoversikt" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Faktaark" in (tmp_path / "site" / "initiatives" / "index.html").read_text(encoding="utf-8")


def test_a_site_needs_out_and_a_portfolio(tmp_path: Path) -> None:
    code, _, _ = invoke("report", "site")
    assert code == 2
    code, _, err = invoke("report", "site", "--out", str(tmp_path / "site"), "--path", str(tmp_path))
    assert code == 2 and not (tmp_path / "site").exists()
