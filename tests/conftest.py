"""What every test shares: the test folder on the path (for helpers.py), and `invoke`, the one way tests run ehp."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

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
