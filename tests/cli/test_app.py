"""The commands as a user meets them: exit codes, formats, languages and clear messages for bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from conftest import invoke
from helpers import VALID, build_file_tree
from typer.testing import CliRunner

from ehportfolio.cli.app import app, only

ROOT = Path(__file__).parents[2]
SHIPPED = ROOT / "portfolio"
runner = CliRunner()


# ehp assess


def test_assess_explains_in_norwegian_by_default() -> None:
    code, out, _ = invoke("assess", str(SHIPPED / "initiatives" / "helseplattformen.yaml"))
    assert code == 0
    assert "Har tiltaket sterke avhengigheter til tiltak i samstyringssegmentet?" in out
    assert "ja → gir Koordinere" in out
    assert "Resultat: med i nasjonal e-helseportefølje, segment Koordinere." in out


def test_assess_in_english() -> None:
    code, out, _ = invoke("assess", str(SHIPPED / "initiatives" / "helseplattformen.yaml"), "--lang", "en")
    assert code == 0
    assert "Result: in the national e-health portfolio, segment Koordinere." in out


def test_assess_json_has_the_documented_keys() -> None:
    code, out, _ = invoke("assess", str(SHIPPED / "initiatives" / "legemiddelprogrammet.yaml"), "--format", "json")
    record = json.loads(out)
    assert code == 0
    assert {"id", "included", "segment", "missing", "trace", "checklist_version"} <= set(record)
    assert (record["id"], record["included"], record["segment"]) == ("legemiddelprogrammet", True, "samstyre")
    assert record["checklist_version"] == "2020" and record["missing"] == []
    assert record["trace"][-1] == {
        "phase": "segment",
        "question": "broad_collaboration",
        "answer": True,
        "effect": "segment",
        "segment": "samstyre",
    }


def test_assess_undecided_exits_1_and_names_the_missing_answers(tmp_path: Path) -> None:
    build_file_tree(
        tmp_path, {"forslag.yaml": "name: Forslag\nowner: KS\nchecklist:\n  digitalisation_essential: ja\n"}
    )
    code, out, _ = invoke("assess", str(tmp_path / "forslag.yaml"), "--format", "json")
    record = json.loads(out)
    assert code == 1
    assert record["included"] is None and record["segment"] is None
    assert "multiple_care_providers" in record["missing"] and "broad_collaboration" in record["missing"]


def test_assess_out_exits_0_even_with_missing_answers(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"ut.yaml": "name: Ut\nowner: KS\nchecklist:\n  multiple_care_providers: NEI\n"})
    code, out, _ = invoke("assess", str(tmp_path / "ut.yaml"))
    assert code == 0
    assert "Resultat: ikke med i nasjonal e-helseportefølje." in out


def test_assess_markdown_escapes_user_text(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"md.yaml": VALID.replace("Nytt tiltak", "'A | B <script> # x'")})
    code, out, _ = invoke("assess", str(tmp_path / "md.yaml"), "--format", "markdown")
    assert code == 0
    assert "## A \\| B \\<script\\> \\# x (`md`)" in out
    assert "segment Koordinere." in out


def test_assess_missing_file_exits_2() -> None:
    code, _, err = invoke("assess", "no/such/file.yaml")
    assert code == 2 and "no/such/file.yaml" in err


def test_assess_a_file_in_a_directory_it_may_not_search_says_permission_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without search permission on its directory, the file cannot even be looked at: os.stat raises PermissionError
    (simulated here, as tests run as root), which is no reason to say the file is not there."""
    import os

    file = tmp_path / "locked" / "felles.yaml"
    build_file_tree(tmp_path / "locked", {"felles.yaml": VALID})
    real_stat = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if os.fspath(path) == str(file):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", str(file))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    code, _, err = invoke("assess", str(file), "--lang", "en")
    assert code == 2
    assert err == f"{file}: permission is missing: you may not read it or search a directory on the way to it\n"
    code, _, err = invoke("assess", str(file))
    assert code == 2 and "mangler tilgang" in err and "finnes ikke" not in err


# Bad input, through the command: file and line in the message, exit 2, never a traceback.

BAD_INPUTS = {
    "malformed.yaml": ("name: [\n", "malformed.yaml:2:1: ugyldig YAML"),
    "duplicate.yaml": (
        VALID + "name: Igjen\n",
        "duplicate.yaml:10:1: nøkkelen «name» står to ganger; første gang på linje 1",
    ),
    "tab.yaml": (VALID + "\tsegment: samstyre\n", "tab.yaml:10:1: tabulator i innrykket"),
    "empty.yaml": ("", "empty.yaml: filen er tom"),
    "list.yaml": ("- a\n", "list.yaml:1:1: filen må inneholde nøkler og verdier (en mapping), ikke en liste"),
    "scalar.yaml": (
        "tekst\n",
        "scalar.yaml:1:1: filen må inneholde nøkler og verdier (en mapping), ikke en enkelt verdi",
    ),
    "documents.yaml": (VALID + "---\n" + VALID, "documents.yaml:10:1: filen inneholder flere YAML-dokumenter"),
    "latin1.yaml": (
        VALID.replace("Helse Vest RHF", "B\xe6rum").encode("latin-1"),
        "latin1.yaml:2:9: byte 0xe6 er ikke gyldig UTF-8",
    ),
    "bomb.yaml": ('a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: [*b,*b]\n', "bomb.yaml:1:4: ankere og aliaser"),
    "deep.yaml": ("a: " + "[" * 100 + "]" * 100 + "\n", "deep.yaml:1:23: strukturen er nestet dypere enn 20 nivåer"),
    "unknown-key.yaml": (
        VALID + "segmnet: samstyre\n",
        "unknown-key.yaml:10:1: segmnet: ukjent nøkkel «segmnet»; mente du «segment»?",
    ),
    "nested-unknown.yaml": (
        VALID.replace("reuse_potential", "reuse_potentail"),
        "nested-unknown.yaml:7:3: checklist.reuse_potentail: ukjent nøkkel «reuse_potentail»; "
        "mente du «reuse_potential»?",
    ),
    "wrong-type.yaml": (
        VALID.replace("name: Nytt tiltak", "name: [a, b]"),
        "wrong-type.yaml:1:1: name: feil type; forventet tekst",
    ),
    "bad-answer.yaml": (
        VALID.replace("reuse_potential: ja", "reuse_potential: kanskje"),
        "bad-answer.yaml:7:3: checklist.reuse_potential: «kanskje» er ikke et gyldig svar; "
        "tillatt: ja, nei, yes, no, true, false",
    ),
    "missing-name.yaml": (
        VALID.replace("name: Nytt tiltak\n", ""),
        "missing-name.yaml:1:1: name: påkrevd nøkkel «name» mangler",
    ),
    "Ikke_Slug.yaml": (VALID, "Ikke_Slug.yaml: filnavnet gir id «Ikke_Slug», som ikke er gyldig"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gets_file_and_line_and_the_rest_is_classified(tmp_path: Path, name: str) -> None:
    content, message = BAD_INPUTS[name]
    build_file_tree(tmp_path, {name: content, "good-one.yaml": VALID, "good-two.yaml": VALID})
    code, out, err = invoke("segment", str(tmp_path), "--format", "json")
    assert code == 2
    assert message in err.replace(str(tmp_path) + "/", "")
    assert [r["id"] for r in json.loads(out)] == ["good-one", "good-two"]
    code, _, err = invoke("assess", str(tmp_path / name))
    assert code == 2 and message in err.replace(str(tmp_path) + "/", "")


def test_errors_in_english_on_request(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"a.yaml": VALID + "segmnet: samstyre\n"})
    _, _, err = invoke("assess", str(tmp_path / "a.yaml"), "--lang", "en")
    assert 'a.yaml:10:1: segmnet: unknown key "segmnet"; did you mean "segment"?' in err


def test_oversized_file_is_refused_and_named(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"big.yaml": VALID + "description: " + "x" * (3 * 1024 * 1024) + "\n", "ok.yaml": VALID})
    code, out, err = invoke("segment", str(tmp_path), "--format", "json")
    assert code == 2 and "big.yaml: filen er" in err and "over grensen på 1048576 byte" in err
    assert [r["id"] for r in json.loads(out)] == ["ok"]


def test_answers_accept_every_documented_spelling(tmp_path: Path) -> None:
    answers = "\n".join(
        f"  {k}: {v}"
        for k, v in [
            ("digitalisation_essential", "JA"),
            ("multiple_care_providers", "Yes"),
            ("reuse_potential", "true"),
            ("broad_collaboration", "No"),
            ("strong_samstyre_dependencies", "FALSE"),
            ("exploratory", "nei"),
        ]
    )
    build_file_tree(tmp_path, {"a.yaml": f"name: A\nowner: KS\nchecklist:\n{answers}\n"})
    code, out, _ = invoke("assess", str(tmp_path / "a.yaml"), "--format", "json")
    assert code == 0 and json.loads(out)["segment"] == "observere"


def test_names_stay_the_text_written(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"a.yaml": VALID.replace("Nytt tiltak", "no").replace('"2.1"', "1.10")})
    _, out, _ = invoke("segment", str(tmp_path), "--format", "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    assert (row["name"], row["focus_area"]) == ("no", "1.10")


# ehp segment


def test_segment_text_groups_by_segment_with_counts() -> None:
    code, out, _ = invoke("segment", str(SHIPPED))
    assert code == 0
    for heading in ("Samstyre – 30 tiltak", "Koordinere – 11 tiltak", "Observere – 6 tiltak", "Inspirere – 8 tiltak"):
        assert heading in out
    assert "55 tiltak klassifisert med sjekkliste 2020" in out


def test_segment_flags_a_recorded_segment_that_differs_without_reason(tmp_path: Path) -> None:
    build_file_tree(
        tmp_path,
        {
            "uten.yaml": VALID + "segment: samstyre\n",
            "med.yaml": VALID + "segment: observere\nsegment_reason: Besluttet i NUIT sak 12/21\n",
        },
    )
    code, out, _ = invoke("segment", str(tmp_path), "--lang", "en")
    assert "⚠ recorded as Samstyre without a reason (segment_reason)" in out
    assert "recorded as Observere: Besluttet i NUIT sak 12/21" in out
    assert "Initiatives whose recorded segment differs from the checklist without a reason: 1." in out
    records = {r["id"]: r for r in json.loads(invoke("segment", str(tmp_path), "--format", "json")[1])}
    assert records["uten"]["segment_differs_without_reason"] is True
    assert records["med"]["segment_differs_without_reason"] is False


def test_segment_json_is_sorted_by_id_and_csv_has_a_row_each() -> None:
    _, out, _ = invoke("segment", str(SHIPPED), "--format", "json")
    ids = [r["id"] for r in json.loads(out)]
    assert ids == sorted(ids) and len(ids) == 55
    _, out, _ = invoke("segment", str(SHIPPED), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 55 and rows[0]["id"] == ids[0] and rows[0]["included"] == "true"


def test_segment_on_a_plain_directory_uses_the_default_checklist(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"a.yaml": VALID, "b.yml": VALID, "notes.txt": "ignored"})
    code, out, _ = invoke("segment", str(tmp_path), "--format", "json")
    assert code == 0
    assert [(r["id"], r["segment"], r["checklist_version"]) for r in json.loads(out)] == [
        ("a", "koordinere", "2020"),
        ("b", "koordinere", "2020"),
    ]


def test_segment_undecided_exits_1(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"a.yaml": VALID, "b.yaml": "name: B\nowner: KS\nchecklist: {}\n"})
    code, out, _ = invoke("segment", str(tmp_path))
    assert code == 1 and "Uavklart – 1 tiltak" in out


def test_unknown_checklist_version_is_reported_and_the_rest_still_classified(tmp_path: Path) -> None:
    build_file_tree(
        tmp_path, {"portfolio.yaml": "name: X\nyear: 2026\nchecklist_version: '1999'\n", "initiatives/a.yaml": VALID}
    )
    code, out, err = invoke("segment", str(tmp_path), "--format", "json")
    assert code == 2
    assert "portfolio.yaml:3:1: checklist_version: ukjent sjekklisteversjon «1999» (kjente: 2020, 2024)" in err
    assert [(r["id"], r["checklist_version"]) for r in json.loads(out)] == [("a", "2020")]


def test_a_broken_portfolio_file_does_not_stop_the_initiatives(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"portfolio.yaml": "name: X\nyear: tjuetjueseks\n", "initiatives/a.yaml": VALID})
    code, out, err = invoke("segment", str(tmp_path), "--format", "json")
    assert code == 2 and "portfolio.yaml:2:1: year:" in err
    assert [r["id"] for r in json.loads(out)] == ["a"]
    code, out, err = invoke("assess", str(tmp_path / "initiatives" / "a.yaml"), "--format", "json")
    assert code == 2 and "portfolio.yaml:2:1: year:" in err and json.loads(out)["segment"] == "koordinere"


def test_segment_on_a_missing_directory_exits_2() -> None:
    code, _, err = invoke("segment", "no/such/dir")
    assert code == 2 and "no/such/dir" in err


def test_a_fifo_named_like_yaml_does_not_hang_the_run(tmp_path: Path) -> None:
    import os

    build_file_tree(tmp_path, {"a.yaml": VALID})
    os.mkfifo(tmp_path / "pipe.yaml")
    code, out, err = invoke("segment", str(tmp_path), "--format", "json")
    assert code == 2 and "pipe.yaml: er ikke en vanlig fil" in err
    assert [r["id"] for r in json.loads(out)] == ["a"]


def _names(group: typer.Typer) -> set[str]:
    return {c.name or c.callback.__name__.replace("_", "-") for c in group.registered_commands if c.callback} | {
        g.typer_instance.info.name for g in group.registered_groups if g.typer_instance
    }


def test_the_entry_point_builds_only_the_command_it_runs_and_it_behaves_the_same() -> None:
    names = _names(app)
    assert {"assess", "segment", "check", "report", "status"} <= names
    for name in sorted(names):
        chosen = only([name, "--help"])
        assert _names(chosen) == {name}
        full, alone = runner.invoke(app, [name, "--help"]), runner.invoke(chosen, [name, "--help"])
        assert (alone.exit_code, alone.stdout) == (full.exit_code, full.stdout), name
    for argv in ([], ["--help"], ["--version"], ["asess"]):
        assert only(argv) is app
    result = runner.invoke(
        only(["assess"]), ["assess", str(SHIPPED / "initiatives" / "helseplattformen.yaml"), "--format", "json"]
    )
    assert result.exit_code == 0 and '"segment": "koordinere"' in result.stdout
