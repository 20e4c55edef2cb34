"""One truth: after a decision out, a finished initiative, a move and a new proposal, every command and report agrees
on each initiative's stage and segment and on the member counts (domain.state is the only place they come from).

The steps are made with the commands themselves, on a copy of the shipped portfolio in its own git repository, so that
`ehp diff` can compare the result with the commit before them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import invoke

ROOT = Path(__file__).parents[1]

# What the steps leave: (stage, effective segment as ehp segment and the fact sheet show it, segment in export).
EXPECTED = {
    "robust-mobilt-helsenett": ("out", None),  # was Inspirere, decided out on 2021-03-01
    "helseplattformen": ("finished", "koordinere"),  # finished on 2021-03-02: no longer a member
    "hmn-lab": ("member", "koordinere"),  # moved from Observere on 2021-03-03
    "nytt-forslag": ("proposed", "samstyre"),  # no decision yet: the checklist's segment, not a member
}
MEMBERS = {"samstyre": 30, "koordinere": 11, "observere": 5, "inspirere": 7}  # table 5.2's 30/11/6/8, after the steps
NAMES = {"samstyre": "Samstyre", "koordinere": "Koordinere", "observere": "Observere", "inspirere": "Inspirere"}


def git(cwd: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*command, *args], cwd=cwd, capture_output=True, check=True)


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> str:
    repo = tmp_path_factory.mktemp("truth")
    root = repo / "portfolio"
    # without its example rounds, whose reports follow the segments of the files, not the steps below
    shutil.copytree(ROOT / "portfolio", root, ignore=shutil.ignore_patterns("status"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the shipped portfolio")
    path = ("--path", str(root))
    steps = [
        ("decide", "robust-mobilt-helsenett", "--out", "--reason", "Ikke lenger nasjonalt", "--date", "2021-03-01"),
        ("decide", "helseplattformen", "--status", "finished", "--reason", "Levert", "--date", "2021-03-02"),
        ("move", "hmn-lab", "--to", "koordinere", "--reason", "Avhengig av Samstyre", "--date", "2021-03-03"),
        (
            "new",
            "--id",
            "nytt-forslag",
            "--name",
            "Nytt forslag",
            "--owner",
            "Helsedirektoratet",
            "--focus-area",
            "1.1",
            *("--answer", "digitalisation_essential=ja", "--answer", "multiple_care_providers=ja"),
            *("--answer", "reuse_potential=ja", "--answer", "broad_collaboration=ja"),
            "--no-input",
        ),
    ]
    for step in steps:
        code, _, err = invoke(*step, *path)
        assert code == 0, (step, err)
    return str(root)


def test_segment_shows_the_stage_and_counts_the_members(portfolio: str) -> None:
    code, out, _ = invoke("segment", portfolio, "--format", "json")
    records = {r["id"]: r for r in json.loads(out)}
    for ident, (stage, segment) in EXPECTED.items():
        assert records[ident]["stage"] == stage, ident
        assert records[ident]["effective_segment"] == (segment if stage == "member" else None), ident
    members = Counter(r["effective_segment"] for r in records.values() if r["stage"] == "member")
    assert dict(members) == MEMBERS
    _, text, _ = invoke("segment", portfolio)
    listed = ", ".join(f"{NAMES[s]} {n}" for s, n in MEMBERS.items())
    assert f"Med i porteføljen: {sum(MEMBERS.values())} ({listed})." in text
    assert "Utenfor segmentene: foreslått 1, utenfor 1, avsluttet 1." in text


def test_export_has_the_stage_and_the_effective_segment(portfolio: str) -> None:
    code, out, _ = invoke("export", "--format", "json", "--path", portfolio)
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)["initiatives"]}
    for ident, (stage, segment) in EXPECTED.items():
        assert (rows[ident]["stage"], rows[ident]["segment"]) == (stage, segment if stage == "member" else None)
    assert rows["helseplattformen"]["status"] == "finished"
    assert dict(Counter(r["segment"] for r in rows.values() if r["stage"] == "member")) == MEMBERS


def _sections(markdown: str) -> dict[str, str]:
    """Each `### ` section of a Markdown report by its heading."""
    parts = re.split(r"^### (.+)$", markdown, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_overview_lists_only_members_in_the_segments(portfolio: str) -> None:
    _, out, _ = invoke("report", "overview", "--path", portfolio)
    for segment, count in MEMBERS.items():
        assert f"| {NAMES[segment]} | {count} |" in out
    sections = _sections(out)
    where = {ident: [h for h, body in sections.items() if f"(`{ident}`)" in body] for ident in EXPECTED}
    assert where == {
        "robust-mobilt-helsenett": ["Vedtatt utenfor porteføljen (1)"],
        "helseplattformen": ["Avsluttet eller trukket (1)"],
        "hmn-lab": [f"Koordinere ({MEMBERS['koordinere']})"],
        "nytt-forslag": ["Forslag som ikke er vedtatt (1)"],
    }
    assert f"{sum(MEMBERS.values())} tiltak:" in out


@pytest.mark.parametrize(
    ("ident", "stage", "segment", "status"),
    [
        ("robust-mobilt-helsenett", "utenfor", "–", "aktiv"),
        ("helseplattformen", "avsluttet", "Koordinere", "avsluttet"),
        ("hmn-lab", "med i porteføljen", "Koordinere", "aktiv"),
        ("nytt-forslag", "foreslått", "–", "aktiv"),
    ],
)
def test_the_fact_sheet_says_the_same(portfolio: str, ident: str, stage: str, segment: str, status: str) -> None:
    _, out, _ = invoke("report", "initiative", ident, "--path", portfolio)
    assert f"- **Fase:** {stage}\n" in out
    assert f"- **Segment:** {segment}\n" in out
    assert f"- **Status:** {status}\n" in out


def test_the_meeting_paper_counts_members_and_lists_who_left(portfolio: str) -> None:
    _, out, _ = invoke("report", "meeting", "--committee", "NUIT", "--date", "2021-05-06", "--path", portfolio)
    assert f"Porteføljen har {sum(MEMBERS.values())} aktive tiltak med segment per 2021-05-06." in out
    sections = _sections(out)
    assert "(`hmn-lab`)" in sections["Flyttet mellom segmenter"]
    left = sections["Tiltak som er tatt ut, avsluttet eller trukket"]
    assert "(`robust-mobilt-helsenett`)" in left and "(`helseplattformen`)" in left
    # a proposal is not due, not added and not removed: it is the one item of the proposed decisions
    before, proposed = out.split("### Vedtak om enkelttiltak")
    assert "nytt-forslag" not in before
    assert "1. NUIT tar Nytt forslag inn i porteføljen i segment Samstyre." in proposed
    assert "`ehp decide nytt-forslag --segment samstyre" in proposed and "\n2. " not in proposed


def test_the_definition_continues_only_members(portfolio: str) -> None:
    _, out, _ = invoke("report", "definition", "--year", "2021", "--path", portfolio)
    sections = _sections(out)
    continues = re.findall(r"\(`([a-z0-9-]+)`\)", sections[f"Videreføres ({sum(MEMBERS.values())})"])
    assert len(continues) == sum(MEMBERS.values()) and "hmn-lab" in continues
    assert not {"robust-mobilt-helsenett", "helseplattformen", "nytt-forslag"} & set(continues)
    ends = sections["Avsluttes (2)"]
    assert "(`robust-mobilt-helsenett`)" in ends and "(`helseplattformen`)" in ends
    assert "nytt-forslag" not in sections["Starter (0)"]


def test_the_calendar_asks_only_members_to_report(portfolio: str) -> None:
    _, out, _ = invoke("calendar", "--format", "json", "--path", portfolio)
    for meeting in json.loads(out)["meetings"]:
        due = set(meeting["due"])
        if meeting["date"] > "2021-03-03":
            assert not {"robust-mobilt-helsenett", "helseplattformen", "nytt-forslag"} & due, meeting["round"]
            assert ("hmn-lab" in due) == ("koordinere" in meeting["segments"]), meeting["round"]


def test_check_treats_the_proposal_as_a_proposal(portfolio: str) -> None:
    _, out, _ = invoke("check", portfolio, "--format", "json")
    findings = json.loads(out)["findings"]
    about = {(Path(f["file"]).stem, f["rule"]) for f in findings}
    assert ("nytt-forslag", "segment_missing") in about  # the checklist includes it; nothing is decided yet
    assert not {ident for ident, _ in about} & {"robust-mobilt-helsenett", "helseplattformen"}


def test_diff_shows_the_changes_of_stage_and_segment(portfolio: str) -> None:
    _, out, _ = invoke("diff", "HEAD", "--path", portfolio, "--format", "json")
    record = json.loads(out)
    stages = {c["id"]: (c["before"]["stage"], c["after"]["stage"]) for c in record["stage"]}
    assert stages == {"robust-mobilt-helsenett": ("member", "out"), "helseplattformen": ("member", "finished")}
    moved = {c["id"]: (c["before"]["segment"], c["after"]["segment"]) for c in record["segment"]}
    assert moved == {"hmn-lab": ("observere", "koordinere")}
    assert [(a["id"], a["stage"]) for a in record["added"]] == [("nytt-forslag", "proposed")]
