"""Decisions, moves and status changes written into files people wrote: nothing else changes, nothing is half-written,
and the history they leave is checked."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, KOORDINERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree

from ehportfolio.domain.errors import UserError
from ehportfolio.domain.lifecycle import plan
from ehportfolio.domain.models import Initiative
from ehportfolio.domain.problems import FileRefused, InputError
from ehportfolio.rules import run_rules
from ehportfolio.store import files, writer
from ehportfolio.store.portfolio import load_portfolio

LONG = "Et langt sitat som ikke skal brytes om, selv om linjen blir lang. " * 3
COMMENTED = f"""\
# yaml-language-server: $schema=../schema/initiative.schema.json
# Et tiltak med kommentarer, blanke linjer og sitater som skal bevares.
name: 'Avhengig'   # navnet slik tabellen har det
owner: "Helse Vest RHF"
focus_area: "2.1"

segment: koordinere
checklist:
  # Er digitalisering vesentlig for å lykkes med tiltaket?
  digitalisation_essential: ja
  multiple_care_providers: JA
  reuse_potential: yes
  broad_collaboration: nei
  strong_samstyre_dependencies: ja   # se avhengighetene

dependencies:
  - id: felles
    strength: strong
evidence: "{LONG}"
"""


def portfolio(tmp_path: Path, **initiatives: str) -> Path:
    files = {"portfolio.yaml": SETTINGS, "taxonomy.yaml": TAXONOMY, "actors.yaml": ACTORS}
    files.update({f"initiatives/{name}.yaml": text for name, text in initiatives.items()})
    return build_file_tree(tmp_path, files)


def test_a_move_changes_only_the_lines_meant_to_change(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE, avhengig=COMMENTED)
    code, _, err = invoke(
        "move",
        "avhengig",
        "--to",
        "samstyre",
        "--reason",
        "Krever samstyring",
        "--ref",
        "NUIT sak 12/21",
        "--date",
        "2021-03-04",
        "--path",
        str(root),
    )
    assert code == 0, err
    after = (root / "initiatives" / "avhengig.yaml").read_bytes()
    expected = COMMENTED.replace("segment: koordinere\n", "segment: samstyre\nsegment_reason: Krever samstyring\n")
    expected += (
        "history:\n"
        "  - date: 2021-03-04\n"
        "    kind: move\n"
        "    from: koordinere\n"
        "    to: samstyre\n"
        "    reason: Krever samstyring\n"
        "    ref: NUIT sak 12/21\n"
    )
    assert after == expected.encode("utf-8")


def test_a_decision_in_line_with_the_checklist_needs_no_segment_reason(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE.replace("segment: samstyre\n", ""))
    code, _, err = invoke(
        "decide", "felles", "--segment", "samstyre", "--reason", "Vedtatt", "--date", "2021-01-05", "--path", str(root)
    )
    assert code == 0, err
    text = (root / "initiatives" / "felles.yaml").read_text(encoding="utf-8")
    assert "segment: samstyre\nchecklist:" in text and "segment_reason" not in text
    assert "  - date: 2021-01-05\n    kind: decision\n    from:\n    to: samstyre\n" in text
    assert run_rules(load_portfolio(str(root)), datetime.date(2026, 1, 1)) == []


def test_status_and_out_are_recorded_the_same_way(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE)
    assert (
        invoke(
            "decide",
            "felles",
            "--status",
            "finished",
            "--reason",
            "Levert",
            "--date",
            "2022-01-01",
            "--path",
            str(root),
        )[0]
        == 0
    )
    assert (
        invoke(
            "decide", "felles", "--out", "--reason", "Ut av porteføljen", "--date", "2022-02-01", "--path", str(root)
        )[0]
        == 0
    )
    text = (root / "initiatives" / "felles.yaml").read_text(encoding="utf-8")
    assert "status: finished" in text and "segment:" not in text.split("history:")[0]
    assert "kind: status\n    from: active\n    to: finished" in text
    assert "kind: decision\n    from: samstyre\n    to: out" in text
    assert run_rules(load_portfolio(str(root)), datetime.date(2026, 1, 1)) == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["move", "avhengig", "--to", "koordinere", "--reason", "x"], 1, "er allerede i segmentet Koordinere"),
        (
            ["move", "avhengi", "--to", "samstyre", "--reason", "x"],
            2,
            "fant ikke tiltaket «avhengi»; mente du «avhengig»?",
        ),
        (["decide", "avhengig", "--segment", "samstyre", "--reason", "x", "--date", "2999-01-01"], 1, "er etter i dag"),
        (
            ["decide", "avhengig", "--segment", "samstyre", "--reason", "x", "--date", "4. mars"],
            2,
            "«4. mars» er ikke en dato",
        ),
    ],
)
def test_refusals_write_nothing(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE, avhengig=KOORDINERE)
    before = (root / "initiatives" / "avhengig.yaml").read_bytes()
    got, _, err = invoke(*args, "--path", str(root))
    assert got == code and message in err
    assert (root / "initiatives" / "avhengig.yaml").read_bytes() == before


def test_a_future_date_is_accepted_when_allowed(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE, avhengig=KOORDINERE)
    code, _, _ = invoke(
        "move",
        "avhengig",
        "--to",
        "samstyre",
        "--reason",
        "x",
        "--date",
        "2999-01-01",
        "--allow-future",
        "--path",
        str(root),
    )
    assert code == 0
    (finding,) = run_rules(load_portfolio(str(root)))
    assert finding.code == "history_future" and finding.severity == "warning"


def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE, avhengig=KOORDINERE)
    target = root / "initiatives" / "avhengig.yaml"
    os.chmod(target, 0o444)
    code, _, err = invoke("move", "avhengig", "--to", "samstyre", "--reason", "x", "--path", str(root))
    assert code == 2 and "skrivebeskyttet" in err
    assert target.read_text(encoding="utf-8") == KOORDINERE


def test_a_file_changed_on_disk_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("name: a\n", encoding="utf-8")
    original = target.read_bytes()
    target.write_text("name: b\n", encoding="utf-8")  # someone else's edit
    with pytest.raises(InputError) as caught:
        files.replace(str(target), original, "name: c\n")
    assert caught.value.problems[0].code == "changed_on_disk"
    assert target.read_text(encoding="utf-8") == "name: b\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_an_interrupted_write_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_text(COMMENTED, encoding="utf-8")
    os.chmod(target, 0o640)
    real_fsync = os.fsync

    def crash(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")  # half-way: written, not yet in place

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(FileRefused) as caught:
        files.replace(str(target), COMMENTED.encode("utf-8"), "name: ny\n")
    assert caught.value.key == "write_failed" and caught.value.path == str(target)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == COMMENTED
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"], "the temporary file is cleaned up"
    files.replace(str(target), COMMENTED.encode("utf-8"), "name: ny\n")
    assert target.read_text(encoding="utf-8") == "name: ny\n"
    assert oct(os.stat(target).st_mode & 0o777) == "0o640", "the file keeps its mode"


def test_write_new_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    files.write_new(str(target), "name: a\n")
    with pytest.raises(InputError) as caught:
        files.write_new(str(target), "name: b\n")
    assert caught.value.problems[0].code == "exists"
    assert target.read_text(encoding="utf-8") == "name: a\n"


def test_edit_keeps_a_byte_order_mark_and_zero_indented_lists() -> None:
    text = "\ufeff# c\nname: x\ndependencies:\n- id: a\n  strength: weak\n"
    out = writer.edit("x.yaml", text, lambda d: d.__setitem__("name", "y"))
    assert out == text.replace("name: x", "name: y")


@pytest.mark.parametrize(
    ("history", "code"),
    [
        (
            "  - {date: 2021-02-01, kind: decision, to: samstyre, reason: a}\n"
            "  - {date: 2021-01-01, kind: move, from: samstyre, to: koordinere, reason: b}\n",
            "history_order",
        ),
        (
            "  - {date: 2021-01-01, kind: decision, to: samstyre, reason: a}\n"
            "  - {date: 2021-02-01, kind: move, from: observere, to: samstyre, reason: b}\n",
            "history_chain",
        ),
        ("  - {date: 2021-01-01, kind: decision, to: koordinere, reason: a}\n", "history_current"),
    ],
)
def test_history_rules(tmp_path: Path, history: str, code: str) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE + "history:\n" + history)
    codes = [f.code for f in run_rules(load_portfolio(str(root)), datetime.date(2026, 1, 1))]
    assert code in codes


def git(cwd: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*command, *args], cwd=cwd, check=True, capture_output=True)


def test_history_shows_git_and_recorded_steps(tmp_path: Path) -> None:
    root = portfolio(tmp_path, felles=SAMSTYRE, avhengig=KOORDINERE)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    path = root / "initiatives" / "avhengig.yaml"
    path.write_text(KOORDINERE.replace("reuse_potential: ja", "reuse_potential: nei\n  health_information_access: ja"))
    git(root, "commit", "-qam", "answers")
    invoke(
        "move",
        "avhengig",
        "--to",
        "samstyre",
        "--reason",
        "Krever samstyring",
        "--ref",
        "NUIT sak 1/26",
        "--date",
        "2026-01-02",
        "--path",
        str(root),
    )
    result = invoke("history", "avhengig", "--path", str(root))
    lines = result.out.splitlines()
    assert result.code == 0
    assert lines[0] == "Avhengig (avhengig)"
    assert lines[1].endswith("opprettet (segment Koordinere)")
    assert lines[2].endswith("svar endret: reuse_potential ja → nei, health_information_access ubesvart → ja")
    assert lines[3] == "2026-01-02  (ikke lagret)  flyttet: Koordinere → Samstyre: Krever samstyring (NUIT sak 1/26)"


# plan, the pure step: a table of what each action does to an initiative, and what it refuses

TODAY = datetime.date(2021, 6, 1)


def _initiative(segment: str | None = "samstyre", **fields: object) -> Initiative:
    data: dict[str, object] = {"name": "T", "owner": "O", "checklist": {}, **fields}
    if segment:
        data["segment"] = segment
    return Initiative.model_validate(data)


@pytest.mark.parametrize(
    ("item", "action", "target", "fields", "entry"),
    [
        (
            _initiative(None),
            "decision",
            "samstyre",
            {"segment": "samstyre", "segment_reason": None},
            (None, "samstyre"),
        ),
        (
            _initiative(None),
            "decision",
            "observere",
            {"segment": "observere", "segment_reason": "r"},
            (None, "observere"),
        ),
        (
            _initiative(),
            "move",
            "koordinere",
            {"segment": "koordinere", "segment_reason": "r"},
            ("samstyre", "koordinere"),
        ),
        (_initiative(), "out", None, {"segment": None, "segment_reason": None}, ("samstyre", "out")),
        (_initiative(None), "out", None, {"segment": None, "segment_reason": None}, (None, "out")),  # a rejection
        (_initiative(), "status", "finished", {"status": "finished"}, ("active", "finished")),
    ],
)
def test_plan(
    item: Initiative, action: str, target: str | None, fields: dict[str, str | None], entry: tuple[str | None, str]
) -> None:
    step = plan(item, "samstyre", action, target, "r", None, TODAY, TODAY)
    assert step.fields == fields
    assert (step.entry["from"], step.entry["to"], step.entry["date"]) == (*entry, TODAY)


OUT_ALREADY = {"history": [{"date": "2021-01-01", "kind": "decision", "from": None, "to": "out", "reason": "r"}]}


@pytest.mark.parametrize(
    ("item", "action", "target", "reason", "day", "key"),
    [
        (_initiative(), "move", "koordinere", " ", TODAY, "problem.lifecycle.no_reason"),
        (_initiative(), "move", "koordinere", "r", TODAY + datetime.timedelta(days=1), "lifecycle.future"),
        (_initiative(None, **OUT_ALREADY), "out", None, "r", TODAY, "lifecycle.already_out"),
        (
            _initiative(None, **OUT_ALREADY),
            "decision",
            "samstyre",
            "r",
            datetime.date(2020, 1, 1),
            "lifecycle.before_last",
        ),
        (_initiative(None), "move", "koordinere", "r", TODAY, "lifecycle.move_without_segment"),
        (_initiative(), "move", "samstyre", "r", TODAY, "lifecycle.same_segment"),
        (_initiative(), "status", "active", "r", TODAY, "lifecycle.same_status"),
    ],
)
def test_plan_refuses(
    item: Initiative, action: str, target: str | None, reason: str, day: datetime.date, key: str
) -> None:
    with pytest.raises(UserError) as refused:  # a Refusal (exit 1), or for no reason bad input (exit 2)
        plan(item, "samstyre", action, target, reason, None, day, TODAY)
    assert refused.value.key == key


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("dash", ["", "  "])
def test_a_move_keeps_line_endings_list_indentation_and_a_final_comment(
    tmp_path: Path, newline: str, dash: str
) -> None:
    history = (
        "history:\n"
        f"{dash}- date: 2021-01-05\n"
        f"{dash}  kind: decision\n"
        f"{dash}  from:\n"
        f"{dash}  to: koordinere\n"
        f"{dash}  reason: Vedtatt\n"
        "# Slutt: flere vedtak kommer under.\n"
    )
    original = (KOORDINERE + history).replace("\n", newline)
    root = portfolio(tmp_path, felles=SAMSTYRE, avhengig=original)
    target = root / "initiatives" / "avhengig.yaml"
    target.write_bytes(original.encode("utf-8"))  # no newline translation on any platform
    args = ("--to", "samstyre", "--reason", "Krever samstyring", "--date", "2021-03-04", "--path", str(root))
    code, _, err = invoke("move", "avhengig", *args)
    assert code == 0, err
    entry = (
        f"{dash}- date: 2021-03-04\n"
        f"{dash}  kind: move\n"
        f"{dash}  from: koordinere\n"
        f"{dash}  to: samstyre\n"
        f"{dash}  reason: Krever samstyring\n"
    )
    expected = (
        KOORDINERE.replace("segment: koordinere\n", "segment: samstyre\nsegment_reason: Krever samstyring\n")
        + history.replace("# Slutt", entry + "# Slutt")
    ).replace("\n", newline)
    assert target.read_bytes() == expected.encode("utf-8")


def test_edit_keeps_unchanged_lines_of_a_crlf_file() -> None:
    text = "name: x\r\nlist:\r\n- a\r\nmap:\r\n    deep: 1\r\n"
    out = writer.edit("x.yaml", text, lambda d: d.__setitem__("name", "y"))
    assert out == text.replace("name: x", "name: y")
