"""`ehp migrate` on a copy of the shipped portfolio: only the mapped lines change, byte for byte, and what
cannot be mapped is listed and left as it was."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import invoke

from ehportfolio.reports import contexts
from ehportfolio.store.packaged import MAPPING_DIR, TAXONOMY_DIR, load_cadence
from ehportfolio.store.portfolio import load_portfolio

SHIPPED = Path(__file__).parents[2] / "portfolio"
MAPPING = yaml.safe_load((MAPPING_DIR / "2017-2022_2023-2030.yaml").read_text(encoding="utf-8"))
GOALS = {entry["from"]: entry["to"] for entry in MAPPING["codes"]}


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHIPPED, tmp_path / "portfolio"))


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def expected_line(focus_line: bytes) -> bytes:
    """The `goals:` line the mapping gives for a `focus_area: "X"` line, written as the migration writes it."""
    code = yaml.safe_load(focus_line.decode("utf-8"))["focus_area"]
    return b"goals: " + json.dumps(GOALS[code]).encode("utf-8") + b"\n"


def test_the_mapping_is_a_proposal_whose_goals_are_all_in_the_target_taxonomy() -> None:
    target = yaml.safe_load((TAXONOMY_DIR / "2023-2030.yaml").read_text(encoding="utf-8"))
    source = yaml.safe_load((TAXONOMY_DIR / "2017-2022.yaml").read_text(encoding="utf-8"))
    assert MAPPING["proposal"] is True
    assert {a["code"] for a in source["focus_areas"]} == set(GOALS)
    assert {goal for goals in GOALS.values() for goal in goals} <= {a["code"] for a in target["focus_areas"]}


def test_the_migration_changes_only_the_mapped_lines(copy: Path) -> None:
    before = snapshot(copy)
    code, out, err = invoke("migrate", "--path", str(copy))
    assert code == 0, out + err
    assert "forslag" in err
    after = snapshot(copy)
    assert set(after) == set(before) | {"taxonomy-2023-2030.yaml"}
    changed = 0
    for name, old in before.items():
        new = after[name]
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        assert len(old_lines) == len(new_lines), name
        differing = [(o, n) for o, n in zip(old_lines, new_lines, strict=True) if o != n]
        if name.startswith("initiatives/"):
            (old_line, new_line), *benefits = differing
            assert old_line.startswith(b"focus_area: ") and new_line == expected_line(old_line), name
            for old_goal, new_goal in benefits:  # a benefit's goal becomes the main goal its code maps to
                indent, _, code = old_goal.decode("utf-8").partition("goal: ")
                assert indent.strip() == "", name
                assert new_goal.decode("utf-8") == f'{indent}goal: "{GOALS[yaml.safe_load(code)][0]}"\n', name
            changed += 1
        elif name == "portfolio.yaml":
            assert differing == [(b"taxonomy: taxonomy.yaml\n", b"taxonomy: taxonomy-2023-2030.yaml\n")]
        else:
            assert differing == [], name
    assert changed == len(list((SHIPPED / "initiatives").glob("*.yaml")))
    shipped_taxonomy = (TAXONOMY_DIR / "2023-2030.yaml").read_bytes()
    assert after["taxonomy-2023-2030.yaml"].endswith(shipped_taxonomy)
    assert str(len(list((SHIPPED / "initiatives").glob("*.yaml")))) in err


def test_the_migrated_portfolio_passes_check_and_counts_by_main_goal(copy: Path) -> None:
    assert invoke("migrate", "--path", str(copy)).code == 0
    code, out, err = invoke("check", str(copy))
    assert code == 0, out + err
    loaded = load_portfolio(str(copy))
    overview = contexts.overview(contexts.prepare(loaded, load_cadence(), "nb", None))
    members = {row.id for group in overview.segments for row in group.rows}
    expected = Counter(entry.initiative.goals[0] for entry in loaded.entries if entry.id in members)
    assert {row.code: row.count for row in overview.by_focus} == dict(expected)
    assert all(row.known for row in overview.by_focus)


def test_a_dry_run_writes_nothing_and_says_what_it_would_do(copy: Path) -> None:
    before = snapshot(copy)
    code, out, err = invoke("migrate", "--dry-run", "--path", str(copy), "--lang", "en")
    assert code == 0 and snapshot(copy) == before
    assert "akson-journal: 1.1 → goals 4, 2" in out and "taxonomy-2023-2030.yaml" in out
    assert "Nothing was written" in err


def test_what_cannot_be_mapped_is_listed_and_left_as_it_was(copy: Path) -> None:
    folder = copy / "initiatives"
    no_area = folder / "akson-journal.yaml"
    no_area.write_bytes(no_area.read_bytes().replace(b'focus_area: "1.1"\n', b""))
    unmapped = folder / "fresk.yaml"
    unmapped.write_bytes(unmapped.read_bytes().replace(b"focus_area: ", b'focus_area: "4.2"\n# was: '))
    broken = folder / "heliks.yaml"
    broken.write_bytes(broken.read_bytes() + b"nonsense: [\n")
    before = snapshot(copy)
    code, out, err = invoke("migrate", "--path", str(copy))
    assert code == 1, out + err
    listed = [line for line in out.splitlines() if "initiatives/" in line]
    assert len(listed) == 3
    assert any("akson-journal.yaml:1:1" in line for line in listed)
    assert any("fresk.yaml:4" in line and "4.2" in line for line in listed)
    assert any("heliks.yaml" in line for line in listed)
    after = snapshot(copy)
    for name in ("akson-journal.yaml", "fresk.yaml", "heliks.yaml"):
        assert after[f"initiatives/{name}"] == before[f"initiatives/{name}"]
    assert after["initiatives/akson-forberedelse.yaml"] != before["initiatives/akson-forberedelse.yaml"]


def test_a_second_migration_is_refused(copy: Path) -> None:
    assert invoke("migrate", "--path", str(copy)).code == 0
    before = snapshot(copy)
    code, out, err = invoke("migrate", "--path", str(copy))
    assert code == 2 and "2023-2030" in err and snapshot(copy) == before


def test_line_endings_a_byte_order_mark_and_a_comment_stay(copy: Path) -> None:
    path = copy / "initiatives" / "fresk.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'focus_area: "1.1"\n' in text
    text = text.replace('focus_area: "1.1"', 'focus_area: "1.1"  # innsatsområde')
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert invoke("migrate", "--path", str(copy)).code == 0
    goals = json.dumps(GOALS["1.1"])
    expected = text.replace('focus_area: "1.1"', f"goals: {goals}").replace("\n", "\r\n")
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode("utf-8")


def test_a_taxonomy_ehp_does_not_ship_is_refused(copy: Path) -> None:
    taxonomy = copy / "taxonomy.yaml"
    taxonomy.write_bytes(taxonomy.read_bytes().replace(b"name: Nasjonal e-helsestrategi", b"name: Regional strategi"))
    before = snapshot(copy)
    code, out, err = invoke("migrate", "--path", str(copy), "--lang", "nn")
    line = (copy / "portfolio.yaml").read_text(encoding="utf-8").splitlines().index("taxonomy: taxonomy.yaml") + 1
    assert code == 2 and out == "" and f"portfolio.yaml:{line}:1" in err and "Regional strategi" in err
    assert snapshot(copy) == before


def test_a_directory_without_portfolio_yaml_is_refused(tmp_path: Path) -> None:
    code, _, err = invoke("migrate", "--path", str(tmp_path))
    assert code == 2 and str(tmp_path) in err
