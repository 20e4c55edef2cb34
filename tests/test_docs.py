"""The README stays true: every command is documented, and its examples are the real output."""

from __future__ import annotations

import re
import shlex
import shutil
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
    StatusDependency,
    StatusReport,
)

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def command_names() -> list[str]:
    return [c.name or c.callback.__name__ for c in typer.main.get_command(app).commands.values()]  # type: ignore[attr-defined]


def test_every_command_has_help_and_a_readme_section() -> None:
    names = command_names()
    assert {"assess", "segment"} <= set(names)
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
        assert re.search(rf"^### .*`ehp {name}\b", README, re.MULTILINE), name


def console_examples() -> list[tuple[str, str]]:
    """Each ```console block: the command after `$ ` and the output lines that follow it."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        first, _, rest = block.partition("\n")
        examples.append((first.removeprefix("$ "), rest))
    return examples


def test_readme_examples_are_the_real_output() -> None:
    examples = console_examples()
    assert examples
    for command, shown in examples:
        args = command.split()[1:]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, command
        for line in shown.splitlines():
            if line != "...":
                assert line in result.stdout.splitlines(), (command, line)


def test_data_format_tables_list_every_model_field() -> None:
    for model in (Initiative, Settings, Meeting, StatusReport, Risk, StatusDependency):
        for field in model.model_fields:
            assert f"| `{field}` |" in README, field
    for key in CHECKLIST_KEYS:
        assert f"| `{key}` |" in README, key


def test_every_rule_is_in_the_readme() -> None:
    from ehportfolio.rules import RULES

    for rule_id in RULES:
        assert f"| `{rule_id}` |" in README, rule_id


def test_the_readme_help_block_is_the_real_help() -> None:
    import os
    import subprocess
    import sys

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
    """The README's Layout section names every module of the package, so that it describes the layout as it is."""
    layout = README.split("## Layout", 1)[1].split("\n## ", 1)[0]
    package = ROOT / "src" / "ehportfolio"
    for module in sorted(package.rglob("*.py")):
        if module.name != "__init__.py":
            assert module.name in layout, module.relative_to(package)
    loose = [p.name for p in package.glob("*.py")]
    assert len(loose) <= 8, loose


def _shown_commands() -> list[tuple[str, str]]:
    """Every `ehp …` command the README shows in a ```sh block (joined across `\\` line ends), with its comment."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            command, _, comment = line.partition("  #")
            if command.startswith("ehp ") and command.split() != ["ehp", "new"]:  # `ehp new` alone asks on a terminal
                found.append((command.strip(), comment.strip()))
    return found


@pytest.mark.parametrize(("command", "comment"), _shown_commands())
def test_every_command_the_readme_shows_works(
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
