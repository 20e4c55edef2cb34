"""Where this ehp was installed from, so that a scaffolded repository's CI installs the same one.

pip records a direct install (from a VCS, a URL or a local directory) in the distribution's `direct_url.json`
(PEP 610); an install from a package index has none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata

DISTRIBUTION = "ehportfolio"


@dataclass(frozen=True)
class Origin:
    """What pip installs to get this ehp, or why that cannot be told (`requirement` None, `reason` and `url` say why).
    `repo` and `rev` are the git repository and commit it came from, when it came from one."""

    requirement: str | None
    reason: str = ""
    url: str = ""
    repo: str | None = None
    rev: str | None = None


def _local(url: str) -> bool:
    return url.startswith("file:") or "://" not in url


def origin_of(direct_url: str | None, version: str) -> Origin:
    """The origin that a distribution's `direct_url.json` text (None: there is none) and version say."""
    if direct_url is None:
        return Origin(f"{DISTRIBUTION}=={version}")
    try:
        data = json.loads(direct_url)
    except ValueError:
        return Origin(None, "unreadable")
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        return Origin(None, "unreadable")
    url: str = data["url"]
    dir_info, vcs_info, archive_info = data.get("dir_info"), data.get("vcs_info"), data.get("archive_info")
    if isinstance(dir_info, dict):
        return Origin(None, "editable" if dir_info.get("editable") else "local", url)
    if _local(url):
        return Origin(None, "local", url)
    if isinstance(vcs_info, dict):
        vcs, commit = vcs_info.get("vcs"), vcs_info.get("commit_id")
        if not isinstance(vcs, str) or not isinstance(commit, str) or not commit:
            return Origin(None, "unreadable", url)
        requirement = f"{DISTRIBUTION} @ {vcs}+{url}@{commit}"
        return Origin(requirement, repo=url if vcs == "git" else None, rev=commit if vcs == "git" else None)
    if isinstance(archive_info, dict):
        digest = archive_info.get("hash")
        hashes = archive_info.get("hashes")
        if isinstance(hashes, dict) and isinstance(hashes.get("sha256"), str):
            digest = f"sha256={hashes['sha256']}"
        fragment = f"#{digest}" if isinstance(digest, str) and "=" in digest and "#" not in url else ""
        return Origin(f"{DISTRIBUTION} @ {url}{fragment}")
    return Origin(None, "unreadable", url)


def _distribution() -> metadata.Distribution:
    return metadata.distribution(DISTRIBUTION)


def installed_origin() -> Origin:
    """Where the running ehp was installed from."""
    try:
        distribution = _distribution()
    except metadata.PackageNotFoundError:
        return Origin(None, "not_installed")
    return origin_of(distribution.read_text("direct_url.json"), distribution.version)
