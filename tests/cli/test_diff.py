"""`ehp diff`: two commits of a real git repository compared, in every format, and the input it refuses."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, KOORDINERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

from ehportfolio.store.loader import MAX_BYTES

OBSERVERE = """\
name: Innføring | region
owner: Helse Vest RHF
segment: observere
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: nei
  strong_samstyre_dependencies: nei
  exploratory: nei
"""

# felles: answers change so that the checklist gives Koordinere, and the recorded segment follows.
FELLES_AFTER = SAMSTYRE.replace("segment: samstyre", "segment: koordinere").replace(
    "broad_collaboration: ja", "broad_collaboration: nei\n  strong_samstyre_dependencies: ja"
)
# vedtak: the answers stay, the recorded segment changes by a decision with a reason.
VEDTAK = SAMSTYRE.replace("name: Felles", "name: Vedtatt")
VEDTAK_AFTER = VEDTAK.replace("segment: samstyre", "segment: observere\nsegment_reason: Vedtatt i NUIT sak 3/26")


def git(cwd: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    result = subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def write(portfolio: Path, initiatives: dict[str, str]) -> None:
    build_file_tree(portfolio, {f"initiatives/{name}.yaml": content for name, content in initiatives.items()})


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with a portfolio in `portfolio/`; git stops looking for a repository at tmp_path."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    build_file_tree(root / "portfolio", {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS})
    return root


@pytest.fixture()
def two_commits(repo: Path) -> tuple[Path, str, str]:
    portfolio = repo / "portfolio"
    write(portfolio, {"felles": SAMSTYRE, "vedtak": VEDTAK, "gammel": OBSERVERE})
    first = commit(repo, "first")
    (portfolio / "initiatives" / "gammel.yaml").unlink()
    write(portfolio, {"felles": FELLES_AFTER, "vedtak": VEDTAK_AFTER, "ny": KOORDINERE})
    second = commit(repo, "second")
    return portfolio, first, second


def test_markdown_between_two_commits_is_a_pull_request_comment(two_commits: tuple[Path, str, str]) -> None:
    portfolio, first, second = two_commits
    code, out, err = invoke("diff", first, second, "--path", str(portfolio), "--format", "markdown")
    assert (code, err) == (0, "")
    assert out == (
        f"## Endringer i porteføljen fra {first} til {second}\n"
        "\n"
        "Tiltak: 1 lagt til, 1 fjernet, 2 med endret segment, 1 med endrede svar.\n"
        "\n"
        "### Lagt til\n"
        "\n"
        "| Tiltak | Inkludering | Segment |\n"
        "|---|---|---|\n"
        "| Avhengig (`ny`) | med | Koordinere |\n"
        "\n"
        "### Fjernet\n"
        "\n"
        "| Tiltak | Inkludering | Segment |\n"
        "|---|---|---|\n"
        "| Innføring \\| region (`gammel`) | med | Observere |\n"
        "\n"
        "### Endret segment\n"
        "\n"
        "| Tiltak | Før | Etter | Hvorfor |\n"
        "|---|---|---|---|\n"
        "| Felles (`felles`) | Samstyre | Koordinere | følger av endrede svar |\n"
        "| Vedtatt (`vedtak`) | Samstyre | Observere | registrert beslutning: Vedtatt i NUIT sak 3/26 |\n"
        "\n"
        "### Endrede svar\n"
        "\n"
        "| Tiltak | Spørsmål | Før | Etter |\n"
        "|---|---|---|---|\n"
        "| Felles (`felles`) | `broad_collaboration` | ja | nei |\n"
        "| Felles (`felles`) | `strong_samstyre_dependencies` | ubesvart | ja |\n"
    )


def test_text_in_norwegian_by_default_and_english(two_commits: tuple[Path, str, str]) -> None:
    portfolio, first, second = two_commits
    code, out, _ = invoke("diff", first, second, "--path", str(portfolio))
    assert code == 0
    assert "Endret segment\n  felles (Felles): Samstyre → Koordinere; følger av endrede svar\n" in out
    assert "    strong_samstyre_dependencies: ubesvart → ja\n" in out
    code, out, _ = invoke("diff", first, second, "--path", str(portfolio), "--lang", "en")
    assert code == 0
    assert out.startswith(f"Changes to the portfolio from {first} to {second}\n")
    assert "Initiatives: 1 added, 1 removed, 2 with changed segment, 1 with changed answers.\n" in out
    assert "  vedtak (Vedtatt): Samstyre → Observere; recorded decision: Vedtatt i NUIT sak 3/26\n" in out
    assert "  gammel (Innføring | region): in, Observere\n" in out


def test_json_shape(two_commits: tuple[Path, str, str]) -> None:
    portfolio, first, second = two_commits
    code, out, _ = invoke("diff", first, second, "--path", str(portfolio), "--format", "json")
    record = json.loads(out)
    assert code == 0
    assert record["base"] == {"revision": first, "commit": first}
    assert record["summary"] == {
        "added": 1,
        "removed": 1,
        "inclusion": 0,
        "stage": 0,
        "segment": 2,
        "result": 0,
        "answers": 1,
        "other": 0,
        "skipped": 0,
    }
    assert [a["id"] for a in record["added"]] == ["ny"] and record["added"][0]["segment"] == "koordinere"
    felles, vedtak = record["segment"]
    assert (felles["id"], felles["cause"], felles["reason"]) == ("felles", "answers", None)
    assert felles["before"]["checklist_segment"] == "samstyre" and felles["after"]["checklist_segment"] == "koordinere"
    assert (vedtak["cause"], vedtak["reason"]) == ("decision", "Vedtatt i NUIT sak 3/26")
    assert vedtak["after"] == {
        "stage": "member",
        "included": True,
        "segment": "observere",
        "segment_source": "recorded",
        "checklist_segment": "samstyre",
        "recorded_segment": "observere",
        "segment_reason": "Vedtatt i NUIT sak 3/26",
    }
    assert record["answers"][0]["changes"] == [
        {"question": "broad_collaboration", "before": True, "after": False},
        {"question": "strong_samstyre_dependencies", "before": None, "after": True},
    ]


def test_working_tree_against_head(two_commits: tuple[Path, str, str]) -> None:
    portfolio, _, _ = two_commits
    unrecorded = FELLES_AFTER.replace("segment: koordinere\n", "").replace("strong_samstyre_dependencies: ja", "")
    write(portfolio, {"felles": unrecorded.replace("owner: Helsedirektoratet", "owner: Helse Vest RHF")})
    code, out, err = invoke("diff", "HEAD", "--path", str(portfolio))
    assert (code, err) == (0, "")
    assert out == (
        "Endringer i porteføljen fra HEAD til arbeidstreet\n"
        "Tiltak: 1 med endret fase, 1 med endrede svar, 1 med nytt navn eller ny eier.\n"
        "\n"
        "Endret fase\n"
        "  felles (Felles): med i porteføljen (Koordinere) → foreslått\n"
        "\n"
        "Endrede svar\n"
        "  felles (Felles)\n"
        "    strong_samstyre_dependencies: ja → ubesvart\n"
        "\n"
        "Nytt navn eller ny eier\n"
        "  felles (Felles): eier «Helsedirektoratet» → «Helse Vest RHF»\n"
    )
    code, out, _ = invoke("diff", "HEAD", "HEAD", "--path", str(portfolio))
    assert (code, out.splitlines()[1]) == (0, "Ingen endringer.")


def test_a_segment_from_the_checklist_and_a_kept_segment_are_named(repo: Path) -> None:
    portfolio = repo / "portfolio"
    write(portfolio, {"felles": SAMSTYRE.replace("segment: samstyre\n", ""), "kept": SAMSTYRE})
    first = commit(repo, "first")
    no_collaboration = "broad_collaboration: nei\n  strong_samstyre_dependencies: ja"
    write(
        portfolio, {"felles": KOORDINERE.replace("segment: koordinere\n", "").replace("name: Avhengig", "name: Felles")}
    )
    write(portfolio, {"kept": SAMSTYRE.replace("broad_collaboration: ja", no_collaboration)})
    code, out, _ = invoke("diff", first, "--path", str(portfolio), "--format", "markdown")
    assert code == 0
    assert "| Felles (`felles`) | Samstyre (etter sjekklisten) | Koordinere (etter sjekklisten) | følger av" in out
    assert "### Nytt sjekklisteresultat, samme segment\n" in out
    assert "| Felles (`kept`) | Samstyre | Samstyre | Koordinere |\n" in out


def test_unknown_revision_exits_2_naming_it(repo: Path) -> None:
    write(repo / "portfolio", {"felles": SAMSTYRE})
    first = commit(repo, "first")
    code, out, err = invoke("diff", "no-such-branch", "--path", str(repo / "portfolio"))
    assert (code, out) == (2, "")
    assert err == "ukjent git-revisjon «no-such-branch»\n"
    code, _, err = invoke("diff", first, "no-such-branch", "--path", str(repo / "portfolio"), "--lang", "en")
    assert (code, err) == (2, 'unknown git revision "no-such-branch"\n')
    code, _, err = invoke("diff", "--path", str(repo / "portfolio"), "--", "--output=x")
    assert (code, err) == (2, "ukjent git-revisjon «--output=x»\n")


def test_a_directory_that_is_not_a_git_repository_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    build_file_tree(tmp_path / "plain", {"portfolio.yaml": SETTINGS, "initiatives/felles.yaml": SAMSTYRE})
    code, out, err = invoke("diff", "HEAD", "--path", str(tmp_path / "plain"))
    assert (code, out) == (2, "")
    assert err == f"{tmp_path / 'plain'}: er ikke i et git-depot\n"


def test_a_portfolio_missing_at_a_revision_exits_2(repo: Path) -> None:
    build_file_tree(repo, {"README.md": "x\n"})
    first = commit(repo, "first")
    (repo / "other").mkdir()
    code, _, err = invoke("diff", first, "--path", str(repo / "other"))
    assert code == 2 and err == f"{repo / 'other'}: finnes ikke som mappe i revisjon «{first}»\n"


def test_a_file_broken_at_one_revision_is_reported_and_the_rest_compared(repo: Path) -> None:
    portfolio = repo / "portfolio"
    write(portfolio, {"felles": SAMSTYRE, "vedtak": VEDTAK})
    first = commit(repo, "first")
    write(portfolio, {"felles": SAMSTYRE.replace("broad_collaboration: ja", "broad_collaboration: kanskje")})
    write(portfolio, {"vedtak": VEDTAK_AFTER})
    second = commit(repo, "second")
    code, out, err = invoke("diff", first, second, "--path", str(portfolio))
    assert code == 0
    assert err == (
        f"{second}:portfolio/initiatives/felles.yaml:9:3: checklist.broad_collaboration: «kanskje» er ikke et gyldig"
        " svar; tillatt: ja, nei, yes, no, true, false, eller ingen verdi for ubesvart\n"
    )
    assert "Tiltak: 1 med endret segment, 1 ikke sammenlignet.\n" in out
    assert "  vedtak (Vedtatt): Samstyre → Observere" in out
    assert out.endswith("Ikke sammenlignet (filen kunne ikke leses)\n  felles\n")
    assert "Fjernet" not in out


def test_run_from_anywhere_with_a_relative_path(
    two_commits: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    portfolio, first, second = two_commits
    monkeypatch.chdir(portfolio / "initiatives")
    code, out, _ = invoke("diff", first, second, "--path", "..", "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["segment"] == 2


def test_links_and_sizes_at_a_revision(repo: Path) -> None:
    portfolio = repo / "portfolio"
    write(portfolio, {"felles": SAMSTYRE})
    os.symlink("felles.yaml", portfolio / "initiatives" / "lenke.yaml")
    os.symlink("../../../outside.yaml", portfolio / "initiatives" / "ute.yaml")
    build_file_tree(portfolio, {"initiatives/stor.yaml": b"name: x\n" + b"#" * MAX_BYTES})
    first = commit(repo, "first")
    code, out, err = invoke("diff", first, first, "--path", str(portfolio), "--format", "json", "--lang", "en")
    assert code == 0 and json.loads(out)["skipped"] == ["stor", "ute"]
    assert f"{first}:portfolio/initiatives/ute.yaml: a symbolic link out of the portfolio" in err
    assert f"{first}:portfolio/initiatives/stor.yaml: the file is {MAX_BYTES + 8} bytes" in err
    assert "lenke.yaml" not in err


def test_without_git_it_says_so(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo))
    code, _, err = invoke("diff", "HEAD", "--path", str(repo / "portfolio"), "--lang", "en")
    assert (code, err) == (2, "git was not found, and ehp diff needs it\n")


def test_reading_in_small_batches_gives_the_same_result(
    two_commits: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    portfolio, first, second = two_commits
    whole = invoke("diff", first, second, "--path", str(portfolio), "--format", "json")
    monkeypatch.setattr("ehportfolio.store.revisions.CHUNK_BYTES", 1)
    assert invoke("diff", first, second, "--path", str(portfolio), "--format", "json") == whole


@pytest.mark.parametrize("mark", ["|", "`", "*", "["])
def test_a_long_word_broken_for_wrapping_keeps_its_markup_escaped(repo: Path, mark: str) -> None:
    """The break every 30 characters used to fall between a backslash and the character it escaped."""
    portfolio = repo / "portfolio"
    write(portfolio, {"felles": SAMSTYRE})
    first = commit(repo, "first")
    name = "a" * 29 + mark + "Samstyre" + "b" * 30
    write(portfolio, {"ny": KOORDINERE.replace("name: Avhengig", f"name: {json.dumps(name)}")})
    commit(repo, "second")
    _, out, _ = invoke("diff", first, "--path", str(portfolio), "--format", "markdown")
    row = next(line for line in out.splitlines() if "`ny`" in line)
    assert f"\\{mark}" in row and f"\\\u200b{mark}" not in row
    assert len([c for i, c in enumerate(row) if c == "|" and row[i - 1] != "\\"]) == 4, row


def test_a_mention_in_a_name_notifies_nobody(repo: Path) -> None:
    portfolio = repo / "portfolio"
    write(portfolio, {"felles": SAMSTYRE})
    first = commit(repo, "first")
    write(portfolio, {"ny": KOORDINERE.replace("name: Avhengig", 'name: "Varsle @helsedir/nuit og @alle"')})
    commit(repo, "second")
    _, out, _ = invoke("diff", first, "--path", str(portfolio), "--format", "markdown")
    assert "@helsedir" not in out and "@alle" not in out
    assert "Varsle @\u200dhelsedir/nuit og @\u200dalle" in out


def test_a_copy_under_a_bad_name_is_refused_at_a_revision_as_on_disk(repo: Path) -> None:
    """`Felles Copy.yaml` holds the very bytes of felles.yaml: git gives both one blob, and reading it once must not
    let the copy's name pass unchecked; `ehp check` refuses it on disk with `bad_id`, and so does diff."""
    portfolio = repo / "portfolio"
    write(portfolio, {"felles": SAMSTYRE})
    first = commit(repo, "first")
    write(portfolio, {"Felles Copy": SAMSTYRE})
    second = commit(repo, "second")
    code, out, _ = invoke("check", str(portfolio), "--format", "json")
    assert code == 1 and '"bad_id"' in out
    code, out, err = invoke("diff", first, second, "--path", str(portfolio), "--lang", "en")
    assert code == 0
    assert f"{second}:portfolio/initiatives/Felles Copy.yaml: " in err
    assert "Added" not in out
    assert "Not compared" in out and "  Felles Copy\n" in out
