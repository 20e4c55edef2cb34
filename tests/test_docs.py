"""The README and the manual in docs/ stay true: every command is documented, their examples are the real output, and
the generated pages (the CLI reference, the checks) are equal to what they are generated from."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from conftest import invoke
from typer.testing import CliRunner

from ehportfolio.cli.app import app
from ehportfolio.domain.models import (
    CHECKLIST_KEYS,
    Initiative,
    Meeting,
    Risk,
    Settings,
    Solution,
    Solutions,
    StatusDependency,
    StatusReport,
)

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = {
    path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
    for path in [ROOT / "README.md", *DOCS.rglob("*.md")]
}
"""The README and every page of the manual, by path, whose examples the tests run."""
runner = CliRunner()


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def command_names() -> list[str]:
    return [c.name or c.callback.__name__ for c in typer.main.get_command(app).commands.values()]  # type: ignore[attr-defined]


def test_every_command_has_help_a_page_and_a_line_in_the_readme() -> None:
    names = command_names()
    assert {"assess", "segment"} <= set(names)
    commands = "\n".join(path.read_text(encoding="utf-8") for path in sorted((DOCS / "commands").glob("*.md")))
    help_block = README.split("$ ehp --help", 1)[1].split("```", 1)[0]
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Bruk:" in result.output
        assert re.search(rf"^# .*`ehp {name}\b", commands, re.MULTILINE), name
        assert f"│ {name} " in help_block, name


def test_the_readme_is_short_and_leads_into_the_manual() -> None:
    assert len(README.encode("utf-8")) <= 20_000
    assert README.startswith("# ehp")
    assert "make run" in README.split("\n## ", 1)[0] and "make test" in README.split("\n## ", 1)[0]
    for link in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (ROOT / link).is_file(), link
    for path in (DOCS / "commands").glob("*.md"):
        assert f"(docs/commands/{path.name})" in README, path.name


def test_every_page_of_the_manual_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in DOCS.rglob("*.md"):
        assert f" {path.relative_to(DOCS).as_posix()}\n" in config, path


def console_examples() -> list[tuple[str, str, str]]:
    """Each ```console block of the README and the manual: its page, the command after `$ ` and the output lines that
    follow it."""
    examples = []
    for name, text in PAGES.items():
        for block in re.findall(r"```console\n(.*?)```", text, re.S):
            first, _, rest = block.partition("\n")
            examples.append((name, first.removeprefix("$ "), rest))
    return examples


def test_console_examples_are_the_real_output() -> None:
    examples = console_examples()
    assert len(examples) >= 6
    for name, command, shown in examples:
        args = command.split()[1:]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (name, command)
        for line in shown.splitlines():
            if line != "...":
                assert line in result.stdout.splitlines(), (name, command, line)


def test_data_format_tables_list_every_model_field() -> None:
    data_format = page("data-format.md")
    for model in (Initiative, Settings, Meeting, StatusReport, Risk, StatusDependency, Solutions, Solution):
        for field in model.model_fields:
            assert f"| `{field}` |" in data_format, field
    for key in CHECKLIST_KEYS:
        assert f"| `{key}` |" in data_format, key


def test_the_checks_page_is_generated_from_the_rules() -> None:
    from ehportfolio.rules import RULES
    from ehportfolio.rules.ruledocs import reference

    checks = page("checks.md")
    assert checks == reference(), "run: python -m ehportfolio.rules.ruledocs > docs/checks.md (or make reference)"
    for rule_id, (severity, _) in RULES.items():
        assert f"| `{rule_id}` | {severity} |" in checks, rule_id


def test_the_cli_reference_is_generated_from_the_app() -> None:
    """Generated in a process of its own, as `make reference` does, so that the help texts are bokmål whatever language
    another test chose."""
    env = {k: v for k, v in os.environ.items() if k not in ("EHP_LANG", "COLUMNS")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_reference.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert page("reference/cli.md") == done.stdout, "run: python scripts/cli_reference.py docs/reference/cli.md"
    for name in command_names():
        assert re.search(rf"^#+ `ehp {name}`$", done.stdout, re.MULTILINE), name
    assert re.search(r"^#### `ehp status new`$", done.stdout, re.MULTILINE), "a group's commands are below it"


def test_the_readme_help_block_is_the_real_help() -> None:
    block = re.search(r"```text\n\$ ehp --help\n(.*?)```", README, re.S)
    assert block, "no `$ ehp --help` block in the README"
    done = subprocess.run(
        [sys.executable, "-m", "ehportfolio", "--help"],
        capture_output=True,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS")},
            "TERMINAL_WIDTH": "100",
            "EHP_LANG": "nb",
            "_TYPER_FORCE_DISABLE_TERMINAL": "1",  # plain text, whatever the CI machine's terminal settings
        },
        timeout=60,
        check=True,
    )
    real = "\n".join(line.rstrip() for line in done.stdout.splitlines()).strip("\n").splitlines()
    assert block.group(1).rstrip("\n").splitlines() == real, "update the README's help block"


def test_the_layout_names_every_module() -> None:
    """The manual's Layout page names every module of the package, so that it describes the layout as it is."""
    layout = page("development/layout.md")
    package = ROOT / "src" / "ehportfolio"
    for module in sorted(package.rglob("*.py")):
        if module.name != "__init__.py":
            assert module.name in layout, module.relative_to(package)
    loose = [p.name for p in package.glob("*.py")]
    assert len(loose) <= 8, loose


def _shown_commands() -> list[tuple[str, str]]:
    """Every `ehp …` command the README and the manual show in a ```sh block (joined across `\\` line ends), with its
    comment."""
    found = []
    for text in PAGES.values():
        for block in re.findall(r"```sh\n(.*?)```", text, re.S):
            for line in block.replace("\\\n", " ").splitlines():
                command, _, comment = line.partition("  #")
                if command.startswith("ehp ") and command.split() != ["ehp", "new"]:  # `ehp new` alone asks
                    found.append((command.strip(), comment.strip()))
    return found


@pytest.mark.parametrize(("command", "comment"), _shown_commands())
def test_every_command_the_manual_shows_works(
    command: str, comment: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run as shown, from a folder holding a copy of the shipped portfolio (the default `portfolio/`)."""
    shutil.copytree(ROOT / "portfolio", tmp_path / "portfolio")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke(*shlex.split(command)[1:])
    assert code == 0, (command, err)
    for path in re.findall(r"[\w./-]+/[\w.-]+\.(?:md|html|docx)\b", comment):
        if "<" not in path and "{" not in path:
            assert (tmp_path / path).is_file(), (command, path)
