"""The error boundary: a user error is one message and exit 2, a bug is a short message and exit 3 (the traceback only
with --debug), Ctrl-C is 130, and the exit statuses are one table that the manual (docs/exit-codes.md) and
`ehp --help` repeat."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import invoke

from ehportfolio.cli import exits
from ehportfolio.i18n import messages

ROOT = Path(__file__).parents[2]
SHIPPED = ROOT / "portfolio"
FRESK = str(SHIPPED / "initiatives" / "fresk.yaml")


def user_error(*args: str, env: dict[str, str] | None = None) -> str:
    """Run a command that must fail as a user error; its message."""
    code, out, err = invoke(*args, env=env)
    assert "Traceback" not in out + err
    assert code == exits.USER_ERROR, (code, err)
    assert err.strip(), "a user error says what went wrong"
    return err


# the table


def test_the_table_has_the_statuses_the_commands_use() -> None:
    assert (exits.OK, exits.FINDINGS, exits.USER_ERROR, exits.USAGE, exits.BUG, exits.INTERRUPTED) == (
        0,
        1,
        2,
        2,
        3,
        130,
    )
    assert len({s.code for s in exits.TABLE}) == len(exits.TABLE)


def test_the_manual_lists_the_exit_table() -> None:
    page = (ROOT / "docs" / "exit-codes.md").read_text(encoding="utf-8")
    section = page.split("# Exit codes\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \| (.+?) \|$", section, re.M)
    assert rows == [(str(s.code), s.name, s.meaning("en")) for s in exits.TABLE]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_help_states_the_exit_table(lang: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS")}
    env |= {"TERMINAL_WIDTH": "200", "EHP_LANG": lang, "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "ehportfolio", "--help"], capture_output=True, text=True, env=env, check=True
    )
    lines = [" ".join(line.split()) for line in done.stdout.splitlines()]
    for status in exits.TABLE:
        assert f"{status.code} {status.meaning(lang)}" in lines, status


# user errors, bugs and Ctrl-C


def test_a_user_error_is_one_message_in_the_chosen_language() -> None:
    assert "Ukjent sjekklisteversjon «1999»" in user_error("schema", "--checklist", "1999")
    assert "Unknown checklist version '1999'" in user_error("schema", "--checklist", "1999", "--lang", "en")
    assert "Unknown checklist version" in user_error("schema", "--checklist", "1999", env={"EHP_LANG": "en"})


def _bug(*args: object, **kwargs: object) -> None:
    raise RuntimeError("an injected bug")


def test_a_bug_is_a_short_message_and_exit_3_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command's module first: importing it (as setattr does) after the feature is patched would bind the bug as
    # the command's "original", which teardown would then restore, breaking every later `ehp assess` of the session.
    monkeypatch.setattr("ehportfolio.cli.commands.assess.assess", _bug)
    monkeypatch.setattr("ehportfolio.features.assessment.assess", _bug)
    monkeypatch.delenv("EHP_DEBUG", raising=False)
    code, out, err = invoke("assess", FRESK, "--lang", "en")
    assert code == exits.BUG
    assert "Traceback" not in out + err
    assert "bug in ehp" in err and "RuntimeError: an injected bug" in err and "--debug" in err


@pytest.mark.parametrize(("args", "env"), [(["--debug"], {}), ([], {"EHP_DEBUG": "1"})])
def test_debug_shows_the_traceback_of_a_bug(
    monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str]
) -> None:
    monkeypatch.setattr("ehportfolio.cli.commands.assess.assess", _bug)
    code, _, err = invoke(*args, "assess", FRESK, env=env, debug=True)
    assert code == exits.BUG
    assert "Traceback" in err and "RuntimeError: an injected bug" in err and "feil i ehp" in err


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_exits_130_with_a_short_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ehportfolio.cli.commands.assess.assess", _interrupt)
    code, out, err = invoke("assess", FRESK, "--lang", "en")
    assert code == exits.INTERRUPTED
    assert "Interrupted." in err and "Traceback" not in out + err and "Aborted" not in out + err


def test_usage_errors_stay_clicks() -> None:
    code, _, err = invoke("assess", FRESK, "--format", "nope")
    assert code == exits.USAGE and "Traceback" not in err


def test_the_entry_point_holds_the_boundary_too(tmp_path: Path) -> None:
    """`ehp` itself (not CliRunner): a user error, and a bug injected before the command runs."""
    env = {**os.environ, "EHP_LANG": "en"}
    env.pop("EHP_DEBUG", None)
    command = [sys.executable, "-m", "ehportfolio", "schema", "--checklist", "1999"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2 and "Unknown checklist version" in done.stderr and "Traceback" not in done.stderr
    (tmp_path / "sitecustomize.py").write_text(
        "import ehportfolio.cli.app as app\n"
        "def only(argv):\n    raise RuntimeError('an injected bug')\n"
        "app.only = only\n"
    )
    env["PYTHONPATH"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "ehportfolio", "assess", FRESK], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 3 and "bug in ehp" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "ehportfolio", "--debug", "assess", FRESK],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 3 and "Traceback" in done.stderr


# cases that printed a Python traceback


def portfolio(tmp_path: Path) -> Path:
    from helpers import ACTORS, KOORDINERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

    files = {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    files |= {"initiatives/felles.yaml": SAMSTYRE, "initiatives/avhengig.yaml": KOORDINERE}
    return build_file_tree(tmp_path / "p", files)


def test_an_unknown_checklist_version() -> None:
    assert "1999" in user_error("schema", "--checklist", "1999", "--lang", "en")


def test_schema_out_where_no_directory_can_be() -> None:
    assert "/proc/nope" in user_error("schema", "--out", "/proc/nope/x")


def test_init_under_a_file() -> None:
    assert "/etc/passwd/x" in user_error("init", "/etc/passwd/x", "--lang", "en")


def test_assess_a_file_that_opens_but_cannot_be_read() -> None:
    assert "/proc/self/mem" in user_error("assess", "/proc/self/mem")


def _denied(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied", str(args[-1] if args else ""))


# root ignores permission bits, so the system calls that write are made to refuse as they would for anyone else


@pytest.mark.parametrize(
    "args",
    [
        ["decide", "avhengig", "--segment", "koordinere", "--reason", "vedtak"],
        ["move", "avhengig", "--to", "observere", "--reason", "flyttet"],
    ],
)
def test_decide_and_move_in_a_directory_without_write_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    root = portfolio(tmp_path)
    before = (root / "initiatives" / "avhengig.yaml").read_bytes()
    monkeypatch.setattr(os, "replace", _denied)
    err = user_error(*args, "--path", str(root), "--lang", "en")
    assert "could not be written: permission denied" in err and "avhengig" in err
    assert (root / "initiatives" / "avhengig.yaml").read_bytes() == before
    assert sorted(p.name for p in (root / "initiatives").iterdir()) == ["avhengig.yaml", "felles.yaml"]


def test_schema_out_without_write_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", _denied)  # what a directory without write permission refuses first
    err = user_error("schema", "--out", str(tmp_path / "schema"), "--lang", "en")
    assert f"{tmp_path / 'schema'}" in err and "could not be written: permission denied" in err
    assert not any((tmp_path / "schema").iterdir())


def test_init_without_write_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", _denied)
    err = user_error("init", str(tmp_path / "ny"), "--lang", "en")
    assert "could not be written: permission denied" in err and str(tmp_path / "ny") in err


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ("{{ 1/0 }}", "ZeroDivisionError"),
        ("{{ 1 + 'a' }}", "TypeError"),
        ("{{ range(100000000) | list }}", "Range too big"),
        ("{% include 'reports/overview.md.j2' %}", "RecursionError"),
    ],
)
def test_a_portfolio_template_that_fails_while_it_renders(tmp_path: Path, template: str, error: str) -> None:
    root = portfolio(tmp_path)
    (root / "templates" / "reports").mkdir(parents=True)
    (root / "templates" / "reports" / "overview.md.j2").write_text(template + "\n")
    err = user_error("report", "overview", "--path", str(root), "--lang", "en")
    assert "overview.md.j2:1" in err and error in err


@pytest.mark.parametrize("year", ["0", "1", "-5", "10000"])
def test_a_definition_for_a_year_out_of_range(tmp_path: Path, year: str) -> None:
    err = user_error("report", "definition", "--year", year, "--path", str(portfolio(tmp_path)))
    assert "--year" in err


# contradictory options


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["--segment", "samstyre", "--out"], "--segment, --out"),
        (["--status", "finished", "--segment", "samstyre"], "--segment, --status"),
        (["--status", "finished", "--out"], "--out, --status"),
        ([], "--segment, --out, --status"),
    ],
)
def test_decide_refuses_options_that_contradict(tmp_path: Path, options: list[str], named: str) -> None:
    root = portfolio(tmp_path)
    before = (root / "initiatives" / "avhengig.yaml").read_bytes()
    err = user_error("decide", "avhengig", *options, "--reason", "x", "--path", str(root), "--lang", "en")
    assert named in err
    assert (root / "initiatives" / "avhengig.yaml").read_bytes() == before


# the choices of the command line come from the registries


def test_the_command_line_offers_the_registered_formats_and_the_domain_values() -> None:
    from ehportfolio.cli import app as cli
    from ehportfolio.domain.fieldtypes import CASE_TYPES, SCHEMA_KINDS, SEGMENTS, STATUSES, STRATEGIES
    from ehportfolio.i18n.messages import LANGUAGES
    from ehportfolio.output import formats

    offered = {
        "assess": cli.AssessFormat,
        "check": cli.CheckFormat,
        "segment": cli.SegmentFormat,
        "diff": cli.DiffFormat,
        "export": cli.TableFormat,
        "calendar": cli.CalendarFormat,
        "report": cli.ReportFormat,
        "explain": cli.ExplainFormat,
        "consequences": cli.ConsequencesFormat,
    }
    assert set(offered) == set(formats.RENDERERS)
    for command, choice in offered.items():
        assert tuple(c.value for c in choice) == formats.names(command)
        for fmt, module in formats.RENDERERS[command].items():
            assert module is None or formats.renderer(command, fmt).__name__.endswith(module)
    assert tuple(messages.choice_id("segment", s) for s in SEGMENTS) == SEGMENTS
    assert tuple(messages.choice_id("status", s) for s in STATUSES) == STATUSES
    assert tuple(c.value for c in cli.CaseType) == CASE_TYPES
    assert tuple(c.value for c in cli.SchemaKind) == SCHEMA_KINDS
    assert tuple(c.value for c in cli.Strategy) == STRATEGIES
    assert tuple(c.value for c in cli.Lang) == LANGUAGES


# found by trying ehp as a hostile new user


@pytest.mark.parametrize("command", [["segment", "portfolio"], ["export", "--path", "portfolio"], ["assess", FRESK]])
def test_a_full_disk_on_standard_output_is_a_message(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "ehportfolio", *command], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert done.returncode == exits.USER_ERROR, done.stderr
    assert "kunne ikke skrive til standard utdata" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("ident", ["../portfolio", "../initiatives/felles", "/etc/passwd"])
@pytest.mark.parametrize("command", [["decide", "--out", "--reason", "r"], ["history"], ["status", "new"]])
def test_an_id_is_a_slug_and_never_a_path(tmp_path: Path, ident: str, command: list[str]) -> None:
    root = portfolio(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    args = [*command[:-3], ident, *command[-3:]] if command[0] == "decide" else [*command, ident]
    assert "fant ikke tiltaket" in user_error(*args, "--path", str(root))
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("date", ["", "20210101", "2021-02-30"])
def test_a_date_is_yyyy_mm_dd(tmp_path: Path, date: str) -> None:
    err = user_error("decide", "avhengig", "--out", "--reason", "r", "--date", date, "--path", str(portfolio(tmp_path)))
    assert f"«{date}» er ikke en dato" in err


def test_a_decision_after_out_continues_the_history_chain(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    for step in (["--out", "--date", "2021-01-03"], ["--segment", "samstyre", "--date", "2021-01-04"]):
        assert invoke("decide", "avhengig", *step, "--reason", "r", "--path", str(root)).code == 0
    assert "from: out\n    to: samstyre" in (root / "initiatives" / "avhengig.yaml").read_text()
    assert "history_chain" not in invoke("check", str(root), "--format", "json").out


def test_report_out_dash_is_standard_output(tmp_path: Path) -> None:
    code, out, _ = invoke("report", "overview", "--path", str(portfolio(tmp_path)), "--out", "-")
    assert code == 0 and out.startswith("# ") and not Path("-").exists()


def test_a_decision_is_not_recorded_twice(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    step = ("decide", "avhengig", "--segment", "koordinere", "--reason", "r", "--path", str(root))
    assert invoke(*step, "--date", "2021-01-01").code == 0  # confirms what the file recorded before its history
    code, _, err = invoke(*step, "--date", "2021-01-02")
    assert code == exits.FINDINGS and "er allerede i segmentet Koordinere" in err


def test_an_empty_reason_is_bad_input(tmp_path: Path) -> None:
    assert "--reason" in user_error("decide", "avhengig", "--out", "--reason", " ", "--path", str(portfolio(tmp_path)))


def test_a_site_is_not_written_to_standard_output(tmp_path: Path) -> None:
    assert "--out MAPPE" in user_error("report", "site", "--out", "-", "--path", str(portfolio(tmp_path)))
    assert not Path("-").exists()


def test_a_status_is_worded_in_the_chosen_language(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    code, _, err = invoke("decide", "avhengig", "--status", "active", "--reason", "r", "--path", str(root))
    assert code == exits.FINDINGS and "tiltaket har allerede status aktiv" in err
