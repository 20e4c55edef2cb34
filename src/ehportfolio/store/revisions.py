"""Read a portfolio as it was at a git revision, with git itself, into the same `Portfolio` the working tree gives.

git finds the repository and resolves the revision; `git ls-tree` lists the portfolio's files at that commit, with
their sizes, and `git cat-file --batch` reads the blobs needed. `GitSource` hands them to `portfolio.load_portfolio`,
so a file reads the same at a revision as in the working tree. A problem names the
file as `REVISION:path`, the form `git show` accepts. Files above `loader.MAX_BYTES` are refused from the size git
reports, before they are read; a symbolic link is followed inside the portfolio and refused when it leads out.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

from ehportfolio.domain.errors import UserError
from ehportfolio.domain.problems import Problem
from ehportfolio.store.files import os_reason
from ehportfolio.store.loader import MAX_BYTES
from ehportfolio.store.portfolio import Entry, Portfolio, load_portfolio
from ehportfolio.store.sources import SUFFIXES

SYMLINK = "120000"
MAX_LINKS = 40  # as the kernel's limit on following symbolic links
CHUNK_BYTES = 32 * MAX_BYTES  # about as much as one `git cat-file --batch` reads, to bound memory

# git's environment: messages in English whatever the locale, never a prompt, paths taken literally, and the repository
# found from --path alone (a GIT_DIR left by a hook would otherwise point elsewhere).
_UNSET = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
)
_SET = {"LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1", "GIT_PAGER": "cat"}


class GitError(UserError):
    """The comparison cannot run: no git, no repository, an unknown revision, no portfolio at a revision.

    `key` names the message in `messages.TEXT`; `values` fill it in.
    """


@dataclass(frozen=True)
class Snapshot:
    """A portfolio as read at one revision (`revision` None: the working tree)."""

    revision: str | None
    commit: str | None
    portfolio: Portfolio


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _UNSET}
    env.update(_SET)
    return env


def _git(cwd: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            env=_env(),
            check=False,
        )
    except FileNotFoundError:
        raise GitError("diff.no_git") from None
    except OSError as exc:
        raise GitError("diff.git_failed", detail=os_reason(exc)) from None


def _detail(result: subprocess.CompletedProcess[bytes]) -> str:
    """git's own complaint: its first `fatal:` or `error:` line (advice may follow it), else its first line."""
    lines = [line.strip() for line in result.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    for line in lines:
        for prefix in ("fatal: ", "error: "):
            if line.startswith(prefix):
                return line.removeprefix(prefix)
    return lines[0] if lines else f"exit status {result.returncode}"


@dataclass(frozen=True)
class _Item:
    """One entry of `git ls-tree`: mode, type (blob, tree or commit), object id and size (None for a tree)."""

    mode: str
    kind: str
    oid: str
    size: int | None


class Repository:
    """The git repository holding a portfolio directory, and where that directory sits in it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.cache: dict[str, Entry] = {}
        """Initiative files read so far, by blob id: a file unchanged between two revisions is parsed once."""
        existing, rest = _existing_ancestor(path)
        result = _git(existing, "rev-parse", "--show-toplevel", "--show-prefix")
        if result.returncode != 0:
            detail = _detail(result)
            if "not a git repository" in detail:
                raise GitError("diff.not_a_repository", path=path)
            raise GitError("diff.git_failed", detail=detail)
        lines = os.fsdecode(result.stdout).split("\n")
        self.top = lines[0]
        prefix = posixpath.normpath(posixpath.join(lines[1] if len(lines) > 1 else "", *rest))
        self.prefix = "" if prefix == "." else prefix
        """The portfolio directory's path from the top of the repository, "" for the top itself."""

    def commit(self, revision: str) -> str:
        """The commit a revision names; GitError naming the revision when there is none."""
        if revision.startswith("-") or "\n" in revision or not revision:
            raise GitError("diff.unknown_revision", revision=revision)
        result = _git(self.top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        if result.returncode != 0:
            raise GitError("diff.unknown_revision", revision=revision)
        return result.stdout.decode("ascii").strip()

    def snapshot(self, revision: str, commit: str | None = None, *, statuses: bool = False) -> Snapshot:
        """The portfolio at a revision, with its status reports if asked; GitError when the revision or the portfolio
        directory does not exist there."""
        commit = commit or self.commit(revision)
        items = self._list(commit)
        if not items:
            raise GitError("diff.path_missing", path=self.path, revision=revision)
        portfolio = load_portfolio(GitSource(self, revision, items), self.cache, statuses=statuses)
        return Snapshot(revision, commit, portfolio)

    def _list(self, commit: str) -> dict[str, _Item]:
        """Every file and directory below the portfolio directory at a commit, by its path relative to it."""
        args = ["ls-tree", "-r", "-t", "-l", "-z", "--full-tree", commit]
        if self.prefix:
            args += ["--", self.prefix]
        result = _git(self.top, *args)
        if result.returncode != 0:
            raise GitError("diff.git_failed", detail=_detail(result))
        start = self.prefix + "/" if self.prefix else ""
        items: dict[str, _Item] = {}
        for record in result.stdout.split(b"\0"):
            if not record:
                continue
            meta, _, name = record.partition(b"\t")
            path = os.fsdecode(name)
            if not path.startswith(start):
                continue
            mode, kind, oid, size = meta.decode("ascii").split()
            items[path[len(start) :]] = _Item(mode, kind, oid, int(size) if size.isdigit() else None)
        return items

    def read_blobs(self, oids: list[str]) -> dict[str, bytes]:
        """The content of each blob, read in one `git cat-file --batch`."""
        unique = list(dict.fromkeys(oids))
        if not unique:
            return {}
        result = _git(self.top, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in unique).encode("ascii"))
        if result.returncode != 0:
            raise GitError("diff.git_failed", detail=_detail(result))
        out = result.stdout
        blobs: dict[str, bytes] = {}
        position = 0
        for oid in unique:
            end = out.index(b"\n", position)
            header = out[position:end].decode("ascii").split()
            position = end + 1
            if len(header) == 3:
                size = int(header[2])
                blobs[oid] = out[position : position + size]
                position += size + 1
        return blobs


@dataclass(frozen=True)
class Version:
    """A file as one commit left it: `content` None where the commit deleted it."""

    commit: str
    date: str
    subject: str
    content: bytes | None


def versions(repo: Repository, relative: str) -> list[Version]:
    """Every committed version of a portfolio file, oldest first, following renames."""
    target = posixpath.join(repo.prefix, relative) if repo.prefix else relative
    result = _git(repo.top, "log", "--follow", "--name-only", "-z", "--format=%x01%H%x00%as%x00%s", "--", target)
    if result.returncode != 0:
        raise GitError("diff.git_failed", detail=_detail(result))
    found: list[tuple[str, str, str, str]] = []
    for record in result.stdout.split(b"\x01")[1:]:
        fields = [os.fsdecode(part).strip("\n") for part in record.split(b"\x00")]
        commit, date, subject = fields[0], fields[1], fields[2]
        names = [name for name in fields[3:] if name]
        found.append((commit, date, subject, names[0] if names else target))
    spec = [f"{commit}:{name}" for commit, _, _, name in found]
    blobs = repo.read_blobs(spec) if spec else {}
    return [Version(c, d, subj, blobs.get(f"{c}:{name}")) for c, d, subj, name in reversed(found)]


def _chunks(items: list[tuple[str, _Item | Problem]]) -> list[list[tuple[str, _Item | Problem]]]:
    """The files in runs of at most CHUNK_BYTES, so that memory stays bounded however many large files there are."""
    chunks: list[list[tuple[str, _Item | Problem]]] = [[]]
    size = 0
    for name, item in items:
        length = item.size or 0 if isinstance(item, _Item) else 0
        if chunks[-1] and size + length > CHUNK_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append((name, item))
        size += length
    return chunks


def _existing_ancestor(path: str) -> tuple[str, list[str]]:
    """The nearest existing directory at or above path, and the names below it that do not exist (yet, or any more)."""
    current = os.path.abspath(path)
    rest: list[str] = []
    while not os.path.isdir(current):
        parent = os.path.dirname(current)
        if parent == current:
            break
        rest.insert(0, os.path.basename(current))
        current = parent
    return current, rest


class GitSource:
    """The portfolio directory as it is at one commit: a `portfolio.Source` read with git."""

    def __init__(self, repo: Repository, revision: str, items: dict[str, _Item]) -> None:
        self.repo = repo
        self.revision = revision
        self.items = items

    def display(self, relative: str) -> str:
        """`REVISION:path from the top of the repository`, the form `git show` accepts."""
        return f"{self.revision}:{posixpath.join(self.repo.prefix, relative) if relative else self.repo.prefix or '.'}"

    def kind(self, relative: str) -> str | None:
        item = self.items.get(relative) if relative else _Item("040000", "tree", "", None)
        if item is None:
            return None
        return "dir" if item.kind == "tree" else "file"

    def yaml_files(self, folder: str) -> list[str]:
        return sorted(
            relative
            for relative in self.items
            if posixpath.dirname(relative) == folder
            and relative.endswith(SUFFIXES)
            and not posixpath.basename(relative).startswith(".")
        )

    def folders(self, folder: str) -> list[str]:
        return sorted(
            relative
            for relative, item in self.items.items()
            if item.kind == "tree"
            and posixpath.dirname(relative) == folder
            and not posixpath.basename(relative).startswith(".")
        )

    def read(self, relatives: list[str]) -> Iterator[tuple[str, bytes | Problem, str | None]]:
        """The files in order, their blobs read a chunk at a time so that memory stays bounded; the key is the blob
        id, which names identical content at any revision."""
        resolved = [(relative, self._resolve(relative)) for relative in relatives]
        for chunk in _chunks(resolved):
            blobs = self.repo.read_blobs([item.oid for _, item in chunk if isinstance(item, _Item)])
            for relative, item in chunk:
                if isinstance(item, Problem):
                    yield relative, item, None
                elif item.oid in blobs:
                    yield relative, blobs[item.oid], item.oid
                else:
                    reason = {"reason": f"git object {item.oid} is missing"}
                    yield relative, Problem(self.display(relative), "unreadable", reason), None

    def _resolve(self, relative: str) -> _Item | Problem:
        """The blob a file name leads to, following symbolic links inside the portfolio; a problem otherwise."""
        path = self.display(relative)
        current = relative
        for _ in range(MAX_LINKS):
            item = self.items.get(current)
            if item is None:
                return Problem(path, "unreadable", {"reason": "errno:ENOENT"})
            if item.kind != "blob":
                return Problem(path, "not_regular_file")
            if item.size is not None and item.size > MAX_BYTES:
                return Problem(path, "file_too_large", {"size": item.size, "limit": MAX_BYTES})
            if item.mode != SYMLINK:
                return item
            target = os.fsdecode(self.repo.read_blobs([item.oid]).get(item.oid, b""))
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(current), target))
            if target.startswith("/") or joined == ".." or joined.startswith("../"):
                return Problem(path, "symlink_outside", {"target": target})
            current = joined
        return Problem(path, "unreadable", {"reason": "errno:ELOOP"})


def working_tree(path: str) -> Snapshot:
    """The portfolio as it is on disk now."""
    return Snapshot(None, None, load_portfolio(path))


def repository_root(path: str) -> str:
    """The directory CI platforms resolve report paths against: the top of the git repository holding `path`, or the
    current directory when it is in none (or git is not there). Never raises: a report still needs a base."""
    try:
        result = _git(_existing_ancestor(path)[0], "rev-parse", "--show-toplevel")
    except GitError:
        return os.getcwd()
    top = os.fsdecode(result.stdout).rstrip("\n")
    return top if result.returncode == 0 and top else os.getcwd()
