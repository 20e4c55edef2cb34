"""User groups (brukergrupper): a register like the actors register, named by `user_groups` in portfolio.yaml, and
the ids initiatives list in `user_groups`. An unknown id is a finding with the nearest one; a register with an id given
twice, or an id that is not a slug, is a problem at its file, line and column while the initiatives are still read."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import invoke

from ehportfolio.rules import run_rules
from ehportfolio.store.portfolio import load_portfolio

SHIPPED = Path(__file__).parents[2] / "portfolio"
EXAMPLES = ("helseplattformen", "legemiddelprogrammet", "akson-journal", "digi-ung")


def copied(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHIPPED, tmp_path / "portfolio"))


def place(path: Path, text: str) -> tuple[int, int]:
    """The line and column (1-based) where `text` starts in a file."""
    content = path.read_text(encoding="utf-8")
    before = content[: content.index(text)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def test_the_shipped_portfolio_keeps_a_register_that_its_example_initiatives_name() -> None:
    loaded = load_portfolio(str(SHIPPED))
    groups = loaded.context.user_groups
    assert groups is not None and not loaded.problems
    ids = {group.id for group in groups}
    assert {"innbyggere", "fastleger", "helsepersonell-kommune", "helsepersonell-spesialist"} <= ids
    named = {e.id: e.initiative.user_groups for e in loaded.entries if e.initiative.user_groups}
    assert set(named) == set(EXAMPLES)
    assert all(set(groups_named) <= ids for groups_named in named.values())
    for ident in EXAMPLES:  # marked as example data beside the key
        text = (SHIPPED / "initiatives" / f"{ident}.yaml").read_text(encoding="utf-8")
        before = text[: text.index("user_groups:")]
        assert "Eksempeldata" in before.splitlines()[-2]


def test_an_unknown_user_group_is_a_finding_at_its_place_with_the_nearest_id(tmp_path: Path) -> None:
    root = copied(tmp_path)
    file = root / "initiatives" / "akson-journal.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace(
            "user_groups: [helsepersonell-kommune, fastleger]", "user_groups: [helsepersonell-kommune, fastlege]"
        ),
        encoding="utf-8",
    )
    line, column = place(file, "fastlege]")
    [finding] = run_rules(load_portfolio(str(root)))
    assert finding.code == "unknown_user_group" and finding.field_path == "user_groups.1"
    assert (finding.line, finding.column) == (line, column)
    assert finding.args["suggestion"] == "fastleger"
    code, out, _ = invoke("check", str(root), "--lang", "en")
    assert code == 1 and f"akson-journal.yaml\n{line}:{column}  " in out
    assert 'did you mean "fastleger"' in out


def test_a_user_group_that_is_not_a_slug_is_a_problem_when_the_file_is_read(tmp_path: Path) -> None:
    root = copied(tmp_path)
    file = root / "initiatives" / "digi-ung.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("[innbyggere]", "[Innbyggere]"), encoding="utf-8")
    line, column = place(file, "Innbyggere]")
    loaded = load_portfolio(str(root))
    [problem] = loaded.problems
    assert problem.code == "bad_slug" and problem.path.endswith("digi-ung.yaml")
    assert (problem.line, problem.column) == (line, column)
    assert len(loaded.entries) == 54  # the rest is still read


def test_an_id_twice_in_the_register_is_placed_on_the_second_and_names_the_first(tmp_path: Path) -> None:
    root = copied(tmp_path)
    register = root / "user_groups.yaml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace("  - id: forskere", "  - id: fastleger"), encoding="utf-8")
    first_line = place(register, "  - id: fastleger")[0]
    line, column = place(register, "id: fastleger\n    name: Forskere")  # the key of the second
    loaded = load_portfolio(str(root))
    [problem] = loaded.problems
    assert problem.code == "duplicate_user_group" and problem.path.endswith("user_groups.yaml")
    assert (problem.line, problem.column) == (line, column) and problem.args["first_line"] == first_line
    assert len(loaded.entries) == 55
    code, out, _ = invoke("check", str(root))
    assert code == 1 and f"user_groups.yaml\n{line}:{column}  " in out


def test_a_missing_register_is_placed_on_its_key_in_portfolio_yaml(tmp_path: Path) -> None:
    root = copied(tmp_path)
    (root / "user_groups.yaml").unlink()
    line, column = place(root / "portfolio.yaml", "user_groups: user_groups.yaml")
    [problem] = load_portfolio(str(root)).problems
    assert problem.code == "missing_file" and (problem.line, problem.column) == (line, column)


def test_without_a_register_any_user_group_is_taken(tmp_path: Path) -> None:
    root = copied(tmp_path)
    settings = root / "portfolio.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("user_groups: user_groups.yaml\n", ""), encoding="utf-8"
    )
    file = root / "initiatives" / "digi-ung.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("[innbyggere]", "[ungdom]"), encoding="utf-8")
    loaded = load_portfolio(str(root))
    assert loaded.context.user_groups is None and run_rules(loaded) == []
