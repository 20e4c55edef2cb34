"""What every test shares: the test folder on the path (for helpers.py), and `invoke`, the one way tests run ehp."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

_runner = CliRunner()


class Invoked(NamedTuple):
    code: int
    out: str
    err: str


def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None, debug: bool = False) -> Invoked:
    """Run `ehp ARGS` in this process, through the CLI's one error boundary: its exit status, standard output and
    standard error. Whatever the command does, no exception escapes, and no traceback is shown unless `debug` says
    the test asked for one (--debug, EHP_DEBUG=1)."""
    from ehportfolio.cli.app import app

    result = _runner.invoke(app, list(args), input=input, env=env)
    assert debug or "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return Invoked(result.exit_code, result.stdout, result.stderr)


class FakeDistribution:
    """Installed metadata as `importlib.metadata` gives it: a version and, for a direct install, `direct_url.json`."""

    def __init__(self, version: str = "0.1.0", direct_url: str | None = None) -> None:
        self.version = version
        self.direct_url = direct_url

    def read_text(self, filename: str) -> str | None:
        return self.direct_url if filename == "direct_url.json" else None


@pytest.fixture(autouse=True)
def _installed_from_an_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run from an editable install, from which `ehp init` cannot tell what CI is to install; they see ehp as
    installed from a package index instead. Tests of that choice set their own (tests/cli/test_init.py)."""
    from ehportfolio.store import installed

    monkeypatch.setattr(installed, "_distribution", FakeDistribution)
