"""`ehp init` scaffolds a portfolio repository that passes `ehp check`, with CI for pull requests."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import invoke
from helpers import SAMSTYRE
from jsonschema import Draft202012Validator


def init(target: Path, *args: str) -> int:
    result = invoke("init", str(target), "--name", "Testportefølje", "--year", "2027", *args)
    return result.code


def test_init_then_check_passes(tmp_path: Path) -> None:
    assert init(tmp_path / "repo") == 0
    result = invoke("check", str(tmp_path / "repo"), "--strict")
    assert result.code == 0, result.out
    assert "Ingen funn; 0 tiltak sjekket." in result.out


def test_a_new_initiative_in_the_scaffold_is_checked_against_its_registers(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    init(repo)
    (repo / "initiatives" / "felles.yaml").write_text(SAMSTYRE.replace('"5.1"', '"4"'), encoding="utf-8")
    assert invoke("check", str(repo), "--strict").code == 0
    (repo / "initiatives" / "felles.yaml").write_text(SAMSTYRE, encoding="utf-8")  # 5.1 is not a 2023–2030 goal
    result = invoke("check", str(repo), "--format", "json")
    assert result.code == 1
    assert [f["rule"] for f in json.loads(result.out)["findings"]] == ["unknown_focus_area"]


def test_the_older_strategy_can_be_chosen(tmp_path: Path) -> None:
    init(tmp_path / "repo", "--strategy", "2017-2022")
    taxonomy = yaml.safe_load((tmp_path / "repo" / "taxonomy.yaml").read_text(encoding="utf-8"))
    assert taxonomy["name"] == "Nasjonal e-helsestrategi 2017–2022"
    assert "2.1" in [area["code"] for area in taxonomy["focus_areas"]]


def test_scaffold_files_validate_against_the_scaffolded_schemas(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    init(repo)
    for name, kind in (("portfolio.yaml", "portfolio"), ("actors.yaml", "actors"), ("taxonomy.yaml", "taxonomy")):
        text = (repo / name).read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=schema/{kind}.schema.json\n")
        schema = json.loads((repo / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert not list(Draft202012Validator(schema).iter_errors(yaml.safe_load(text)))
    settings = yaml.safe_load((repo / "portfolio.yaml").read_text(encoding="utf-8"))
    assert settings == {
        "name": "Testportefølje",
        "year": 2027,
        "checklist_version": "2020",
        "taxonomy": "taxonomy.yaml",
        "actors": "actors.yaml",
    }


def test_ci_runs_check_uploads_sarif_and_comments_the_diff(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    init(repo, "--requirement", "ehportfolio==0.1.0")
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "ehp.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["portfolio"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert 'pip install "ehportfolio==0.1.0"' in runs
    assert "ehp check --format github" in runs and "ehp check --format sarif" in runs
    assert 'ehp diff "origin/${{ github.base_ref }}" HEAD --format markdown' in runs
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "ehp check --format junit > ehp-junit.xml || true" in gitlab["ehp"]["script"]
    assert gitlab["ehp"]["artifacts"]["reports"]["junit"] == "ehp-junit.xml"
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "ehp check --strict"


def test_init_never_overwrites(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "portfolio.yaml").write_text("name: Min\n", encoding="utf-8")
    result = invoke("init", str(repo))
    assert result.code == 2
    assert "portfolio.yaml: finnes fra før og blir ikke overskrevet" in result.err
    assert (repo / "portfolio.yaml").read_text(encoding="utf-8") == "name: Min\n"
    assert not (repo / "actors.yaml").exists()


def test_the_project_ships_a_pre_commit_hook() -> None:
    hooks = yaml.safe_load((Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "ehp-check" and hooks[0]["entry"].startswith("ehp check")
