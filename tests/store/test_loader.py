"""The safe loader: every hostile or broken input gets a problem with the file and, where there is one, the line."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from ehportfolio.domain.problems import InputError, Problem
from ehportfolio.store.loader import MAX_BYTES, MAX_DEPTH, load_file


def problem_of(path: Path) -> Problem:
    with pytest.raises(InputError) as caught:
        load_file(str(path))
    problem = caught.value.problems[0]
    assert problem.path == str(path)
    return problem


def write(tmp_path: Path, content: str | bytes, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        ("name: a\nowner: [b\n", "yaml_syntax", 3),
        ("name: a\nowner: b\nname: c\n", "duplicate_key", 3),
        ("checklist:\n  a: ja\n\tb: nei\n", "tab_indent", 3),
        ("- a\n- b\n", "not_mapping", 1),
        ("just text\n", "not_mapping", 1),
        ("name: a\n---\nname: b\n", "multiple_documents", 2),
        ("a: &x [1]\nb: *x\n", "alias", 1),
        ("&k a: 1\n", "alias", 1),
        ("a: !!python/object:os.system x\n", "tag", 1),
        ("a: " + "[" * 200 + "]" * 200 + "\n", "too_deep", 1),
        ("a:\n\u00a0\u00a0b: 1\n", "nbsp_indent", 2),
        ("a: x\nb: y\u2028c: z\n", "line_separator", 2),
        ("{[a]: 1}\n", "complex_key", 1),
    ],
)
def test_broken_yaml_is_refused_with_its_line(tmp_path: Path, content: str, code: str, line: int) -> None:
    problem = problem_of(write(tmp_path, content))
    assert (problem.code, problem.line) == (code, line)


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, "name: a\nowner: b\nname: c\n"))
    assert problem.args == {"key": "name", "first_line": 1}


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n", "---\n", "~\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    assert problem_of(write(tmp_path, content)).code == "empty_file"


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for n in range(ord("b"), ord("j")):
        prev = chr(n - 1)
        bomb += f"{chr(n)}: &{chr(n)} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    problem = problem_of(write(tmp_path, bomb))
    assert (problem.code, problem.line) == ("alias", 1)


def test_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    assert problem_of(write(tmp_path, "t: &t {self: *t}\n")).code == "alias"


def test_deep_nesting_of_a_megabyte_stops_at_the_depth_cap(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, "[" * (MAX_BYTES - 10)))
    assert problem.code == "too_deep" and problem.args == {"limit": MAX_DEPTH}


def test_file_above_the_size_cap_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, "name: x\n" + "# padding\n" * (MAX_BYTES // 10 + 1))
    problem = problem_of(path)
    assert problem.code == "file_too_large" and problem.args["limit"] == MAX_BYTES


def test_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, b"name: x\nowner: B\xe6rum kommune\n"))
    assert (problem.code, problem.line, problem.column, problem.args["byte"]) == ("not_utf8", 2, 9, "e6")


def test_utf16_is_refused_with_a_hint(tmp_path: Path) -> None:
    assert problem_of(write(tmp_path, "name: x\n".encode("utf-16"))).code == "utf16"


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    data, _ = load_file(str(write(tmp_path, "\ufeffname: Bærum\n".encode("utf-8"))))
    assert data == {"name": "Bærum"}


def test_yaml_1_1_surprises_stay_the_text_written(tmp_path: Path) -> None:
    content = "a: no\nb: NO\nc: off\nd: 0123\ne: 1.10\nf: 2020-02-30\ng: 12:30\nh: yes\non: 1\ni: ~\nj:\nk: 'null'\n"
    data, _ = load_file(str(write(tmp_path, content)))
    assert data == {
        "a": "no",
        "b": "NO",
        "c": "off",
        "d": "0123",
        "e": "1.10",
        "f": "2020-02-30",
        "g": "12:30",
        "h": "yes",
        "on": "1",
        "i": None,
        "j": None,
        "k": "null",
    }


def test_positions_point_at_keys_and_items(tmp_path: Path) -> None:
    _, positions = load_file(str(write(tmp_path, "name: x\ndependencies:\n  - id: a\n    strength: weak\n")))
    assert positions[("name",)] == (1, 1)
    assert positions[("dependencies", 0)] == (3, 5)
    assert positions[("dependencies", 0, "strength")] == (4, 5)


def test_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result: list[Problem] = []
    worker = threading.Thread(target=lambda: result.append(problem_of(fifo)), daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert result[0].code == "not_regular_file"


def test_directory_named_like_yaml_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dir.yaml").mkdir()
    assert problem_of(tmp_path / "dir.yaml").code in ("not_regular_file", "unreadable")


def test_control_character_is_refused_with_its_place(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, "name: x\nowner: a\x00b\n"))
    assert (problem.code, problem.line, problem.column) == ("control_char", 2, 9)
