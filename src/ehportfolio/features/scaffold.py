"""The files of a new portfolio repository, as text: settings, actors, taxonomy, schemas and CI for pull requests."""

from __future__ import annotations

import shlex

from ehportfolio.features.schema import KINDS, file_name, schema_text
from ehportfolio.store.packaged import TAXONOMY_DIR, load_checklist
from ehportfolio.store.yamltext import quoted

COMMENT_MARKER = "<!-- ehp diff -->"
"""The first line of the pull-request comment the GitHub workflow writes, by which it finds that comment again."""


def scaffold(
    name: str,
    year: int,
    strategy: str,
    requirement: str,
    checklist_version: str = "2020",
    hook_repo: str | None = None,
    hook_rev: str | None = None,
) -> dict[str, str]:
    """Every file of a new portfolio repository, by path relative to its root. CI installs `requirement` with pip;
    pre-commit uses the hooks the ehp repository publishes when `hook_repo` and `hook_rev` (a git URL and a commit) say
    where it is, or else installs `requirement` itself."""
    from ehportfolio.store.loader import parse_mapping
    from ehportfolio.store.templates import environment

    taxonomy = (TAXONOMY_DIR / f"{strategy}.yaml").read_text(encoding="utf-8")
    taxonomy_name = parse_mapping(str(TAXONOMY_DIR / f"{strategy}.yaml"), taxonomy)[0]["name"]
    env = environment()
    context = {
        "name": name,
        "year": year,
        "checklist_version": checklist_version,
        "requirement": requirement,
        "taxonomy_name": taxonomy_name,
        "hook_repo": hook_repo if hook_rev else None,
        "hook_rev": hook_rev,
        "marker": COMMENT_MARKER,
        "quoted": quoted,
        "shell": shlex.quote,
    }

    def render(template: str) -> str:
        return env.get_template(f"init/{template}").render(context)

    checklist = load_checklist(checklist_version)
    files = {
        "portfolio.yaml": render("portfolio.yaml.j2"),
        "actors.yaml": render("actors.yaml.j2"),
        "taxonomy.yaml": "# yaml-language-server: $schema=schema/taxonomy.schema.json\n" + taxonomy,
        "initiatives/.gitkeep": "",
        "README.md": render("README.md.j2"),
        ".github/workflows/ehp.yml": render("github-workflow.yml.j2"),
        ".gitlab-ci.yml": render("gitlab-ci.yml.j2"),
        ".pre-commit-config.yaml": render("pre-commit-config.yaml.j2"),
    }
    files.update({f"schema/{file_name(kind)}": schema_text(kind, checklist) for kind in KINDS})
    return files
