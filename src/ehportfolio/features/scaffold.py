"""The files of a new portfolio repository, as text: settings, actors, taxonomy, schemas and CI for pull requests."""

from __future__ import annotations

from ehportfolio.features.schema import KINDS, file_name, schema_text
from ehportfolio.store.packaged import TAXONOMY_DIR, load_checklist


def scaffold(name: str, year: int, strategy: str, requirement: str, checklist_version: str = "2020") -> dict[str, str]:
    """Every file of a new portfolio repository, by path relative to its root."""
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
