"""The guarded file layer: what it reads, what it writes, and what it refuses, naming the path."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import failing_for

from ehportfolio.domain.errors import UserError
from ehportfolio.domain.problems import FileRefused, InputError
from ehportfolio.i18n.messages import error_lines, os_words
from ehportfolio.store import files


def refused(call: Callable[[], Any]) -> FileRefused:
    with pytest.raises(FileRefused) as caught:
        call()
    return caught.value


def test_a_refusal_is_a_user_error_and_a_file_problem_with_a_message_naming_the_path(tmp_path: Path) -> None:
    exc = refused(lambda: files.read(str(tmp_path), 10))
    assert isinstance(exc, UserError) and isinstance(exc, InputError)
    assert exc.key == "not_regular_file" and exc.problems[0].path == str(tmp_path)
    assert error_lines(exc, "en")[0].startswith(f"{tmp_path}: is not a regular file")
    assert error_lines(exc, "nb")[0].startswith(f"{tmp_path}: er ikke en vanlig fil")


# Reading


def test_reads_a_regular_file_up_to_its_limit(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"12345")
    assert files.read(str(tmp_path / "a"), 5) == b"12345"
    exc = refused(lambda: files.read(str(tmp_path / "a"), 4))
    assert (exc.key, exc.values["size"], exc.values["limit"]) == ("file_too_large", 5, 4)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert refused(lambda: files.read(str(tmp_path / "pipe"), 10)).key == "not_regular_file"


def test_a_file_the_system_will_not_give_is_a_message_not_a_traceback() -> None:
    exc = refused(lambda: files.read("/proc/self/mem", 10))  # regular by its mode, but reading fails with EIO
    assert (exc.key, exc.path) == ("unreadable", "/proc/self/mem")


def test_a_permission_error_on_read_names_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_text("name: a\n")
    monkeypatch.setattr(os, "open", failing_for(tmp_path / "a.yaml", os.open))
    exc = refused(lambda: files.read(str(tmp_path / "a.yaml"), 100))
    assert exc.key == "unreadable" and error_lines(exc, "en")[0] == (
        f"{tmp_path / 'a.yaml'}: the file cannot be read: permission denied"
    )


def test_a_link_out_of_the_root_is_refused_before_it_is_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "secret").write_text("token")
    (root / "inside").write_text("ok")
    (root / "link").symlink_to(tmp_path / "secret")
    (root / "near").symlink_to(root / "inside")
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda p, *a: opened.append(os.fspath(p)) or real_open(p, *a))
    exc = refused(lambda: files.read(str(root / "link"), 100, root=str(root)))
    assert (exc.key, exc.values["target"]) == ("link_outside", str(tmp_path / "secret"))
    assert opened == []
    assert files.read(str(root / "near"), 100, root=str(root)) == b"ok"
    assert files.read(str(root / "link"), 100) == b"token"  # without a root, a link is followed


# Writing


def test_write_file_creates_with_the_umask_and_replaces_keeping_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    old = os.umask(0o027)
    try:
        files.write_file(str(path), "a\n")
    finally:
        os.umask(old)
    assert path.read_text() == "a\n" and stat.S_IMODE(path.stat().st_mode) == 0o640
    os.chmod(path, 0o604)
    files.write_file(str(path), b"b\n")
    assert path.read_text() == "b\n" and stat.S_IMODE(path.stat().st_mode) == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"], "no temporary file is left"


def test_many_files_can_share_one_sync_of_their_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    for name in ("a.html", "b.html", "c.html"):
        files.write_file(str(tmp_path / name), name, sync_folder=False)
    assert len(synced) == 3  # each file's data, no directory
    files.sync_directory(str(tmp_path))
    assert len(synced) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html", "c.html"]
    with pytest.raises(FileRefused):
        files.sync_directory(str(tmp_path / "missing"))


@pytest.mark.parametrize("write", [files.write_file, files.write_new])
def test_a_device_is_neither_opened_nor_replaced(tmp_path: Path, write: Callable[..., None]) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/dev/null")  # like /dev/stdout -> /proc/self/fd/1
    for target in ("/dev/null", str(link)):
        exc = refused(lambda target=target: write(target, "x"))
        assert exc.path == target and exc.key in ("not_regular_target", "exists")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert link.is_symlink() and os.readlink(link) == "/dev/null"


def test_a_fifo_a_directory_and_a_dangling_link_are_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert refused(lambda: files.write_file(str(tmp_path / "pipe"), "x")).key == "not_regular_target"
    assert refused(lambda: files.write_file(str(tmp_path / "dir"), "x")).key == "not_regular_target"
    exc = refused(lambda: files.write_file(str(tmp_path / "dangling"), "x"))
    assert (exc.key, exc.values["target"]) == ("dangling_link", str(tmp_path / "nowhere"))
    assert not (tmp_path / "nowhere").exists() and stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
    assert refused(lambda: files.write_new(str(tmp_path / "dangling"), "x")).key == "exists"


def test_a_link_to_a_regular_file_is_written_through_inside_its_root_only(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "real.md").write_text("old")
    (root / "link.md").symlink_to("real.md")
    files.write_file(str(root / "link.md"), "new", root=str(root))
    assert (root / "link.md").is_symlink() and (root / "real.md").read_text() == "new"
    (tmp_path / "outside.md").write_text("keep")
    (root / "out.md").symlink_to(tmp_path / "outside.md")
    exc = refused(lambda: files.write_file(str(root / "out.md"), "x", root=str(root)))
    assert exc.key == "link_outside" and (tmp_path / "outside.md").read_text() == "keep"


def test_a_directory_linked_out_of_the_root_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sub").symlink_to(tmp_path / "elsewhere")
    exc = refused(lambda: files.make_dirs(str(tmp_path / "out" / "sub"), root=str(tmp_path / "out")))
    assert exc.key == "link_outside"
    exc = refused(lambda: files.write_file(str(tmp_path / "out" / "sub" / "a.md"), "x", root=str(tmp_path / "out")))
    assert exc.key == "link_outside" and list((tmp_path / "elsewhere").iterdir()) == []


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    exc = refused(lambda: files.write_file(str(tmp_path / "no" / "a.csv"), "x"))
    assert (exc.key, exc.path) == ("not_found", str(tmp_path / "no"))


def test_a_permission_error_on_write_names_the_path_and_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("name: a\n")
    monkeypatch.setattr(os, "replace", failing_for(path, os.replace, at=1))
    exc = refused(lambda: files.replace(str(path), b"name: a\n", "name: b\n"))
    assert error_lines(exc, "en") == [f"{path}: could not be written: permission denied"]
    assert path.read_text() == "name: a\n" and [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


@pytest.mark.parametrize(
    ("errno", "reason", "words"),
    [
        (28, "No space left on device", "disken er full"),
        (30, "Read-only file system", "filsystemet er skrivebeskyttet"),
        (20, "Not a directory", "en del av stien er ikke en mappe"),
        (5, "Input/output error", "inn-/utfeil på disken"),
    ],
)
def test_other_system_errors_on_write_name_the_path_and_say_why_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errno: int, reason: str, words: str
) -> None:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno, reason)

    monkeypatch.setattr(os, "link", fail)
    path = str(tmp_path / "a.yaml")
    exc = refused(lambda: files.write_new(path, "x"))
    assert (exc.key, exc.path) == ("write_failed", path)
    assert error_lines(exc, "nb") == [f"{path}: kunne ikke skrives: {words}"]
    assert list(tmp_path.iterdir()) == []


def test_a_system_error_not_worded_here_keeps_the_systems_text() -> None:
    assert os_words("errno:EAGAIN", "nb") == os.strerror(11)
    assert os_words("errno:NOSUCH", "nb") == "NOSUCH"
    assert os_words("a reason of its own", "nb") == "a reason of its own"


def test_replace_refuses_a_file_changed_on_disk_even_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("name: a\nmore: x\n")
    assert refused(lambda: files.replace(str(path), b"name: a\n", "name: c\n")).key == "changed_on_disk"
    assert path.read_text() == "name: a\nmore: x\n"


def test_a_dash_is_standard_output(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    files.write_file("-", "a,b\n")
    assert capsys.readouterr().out == "a,b\n" and list(tmp_path.iterdir()) == []
