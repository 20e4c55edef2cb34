"""Benchmark ehp against plain baselines, measured side by side in one run, and print the ratios.

    python bench/run.py [--count 10000] [--repeat 3] [--assess-repeat 10] [--slow 60] [--out DIR] [--seed S]
                        [--only site|hints|rounds] [--site-count 1000] [--site-small 250]
                        [--hints-count 2000] [--hints-unknown 5000] [--rounds-count 10000]

Run it with the virtual environment's python (`make bench` does): the baselines use that python, and ehp is the
entry point beside it. Every measurement is a fresh subprocess, so start-up and imports count. Times are wall-clock
medians; peak memory is the child's own maximum resident set size, from os.wait4. The runs of the different commands
are interleaved so that drift on the machine affects them alike.

Measured:
  a. `ehp segment DIR` (text, and --format json) against a bare loop that parses every initiative file with
     yaml.load(data, Loader=yaml.CSafeLoader).                                                   goal: <= 2.5x
  b. the peak RSS of `ehp segment DIR`, with the baseline's beside it.                             goal: < 150 MB
  c. `ehp check DIR` (text, and --format json) against the same bare loop.                       goal: <= 3x
  d. `ehp check DIR` against check-jsonschema validating the same initiative files with the schema that
     `ehp schema --out` writes (DIR/schema/initiative.schema.json): check-jsonschema / ehp check.  goal: >= 4x
     The files are passed as arguments, in as few execs as the argument limit allows; all of them count. A run of
     check-jsonschema that takes more than --slow seconds is not repeated, and the output says so.
  e. `ehp assess FILE` against `python -c 'import yaml, pydantic'`.                              goal: <= 2.5x
  f. `ehp report overview --format html DIR` against `ehp segment DIR` on the same files.          goal: <= 3x
     `ehp report roadmap` (Markdown, with a plan on about 30% of the initiatives) against the same.  goal: <= 3x
     `--format docx` beside it, for information.
  g. `ehp report site --out TMP` (HTML, the overview and every fact sheet) on --site-count (1000) generated
     initiatives against `ehp segment` on the same files,                                         goal: <= 20x
     and against the site on --site-small (250) initiatives, so that its cost grows linearly:     goal: <= 5x
     `--only site` runs these measurements alone.
  h. `ehp check` on --hints-count (2000) generated initiatives plus one file naming --hints-unknown (5000)
     dependencies that do not exist, against `ehp check` on the same portfolio without that file: one file must
     not stall a run (each unknown id once got a did-you-mean over every id).                      goal: <= 2x
     `--only hints` runs this measurement alone.
  i. On --rounds-count (10000) generated initiatives with a calendar and three rounds of status reports
     (`bench/generate.py --rounds`): `ehp calendar` and `ehp report meeting` for NUIT 4/2021 (every segment's status,
     the exceptions first) against `ehp segment` on the same files,                                goal: <= 3x
     and the meeting paper against the same on a quarter of the initiatives (linear):            goal: <= 5x
     `ehp report knowledge --format html` (the knowledge bank) the same two ways,            goals: <= 3x, <= 5x
     `ehp report overview --format html` (with the latest reports and the status across rounds) the same two ways,
                                                                                             goals: <= 3x, <= 5x
     `ehp status open` for NUIT 3/2021 (xlsx forms for every Samstyre owner) against `ehp export
     --format xlsx` (the whole portfolio as one workbook) on the same files:                     goal: <= 3x
     `--only rounds` runs these measurements alone.

Before timing, check-jsonschema validates the shipped portfolio/ against portfolio/schema/ (every kind of file), and
`ehp check --format json` runs once on the generated portfolio; both results are printed, with the findings by rule.

It reports and never gates: the exit status is 0 whatever the results, unless the benchmark itself cannot run.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
SHIPPED = BENCH.parent / "portfolio"
MB = 1024 * 1024  # ru_maxrss is in KiB on Linux; "MB" below means 2**20 bytes

BASELINE_PARSE = """\
import os, sys, yaml
folder = os.path.join(sys.argv[1], "initiatives")
for name in sorted(os.listdir(folder)):
    if name.endswith((".yaml", ".yml")):
        with open(os.path.join(folder, name), "rb") as handle:
            data = handle.read()
        yaml.load(data, Loader=yaml.CSafeLoader)
"""
BASELINE_IMPORT = "import yaml, pydantic"


@dataclass
class Sample:
    seconds: float
    max_rss: int  # bytes
    code: int
    stderr: str


@dataclass
class Series:
    label: str
    argv: list[str]
    ok_codes: tuple[int, ...]
    samples: list[Sample] = field(default_factory=list)
    failure: str | None = None
    batches: list[list[str]] | None = None  # several execs timed as one, when the arguments do not fit in one

    def run(self) -> None:
        if self.failure is not None:
            return
        sample = measure_batches(self.batches) if self.batches else measure(self.argv)
        self.samples.append(sample)
        traceback = "Traceback (most recent call last)" in sample.stderr
        if sample.code not in self.ok_codes or traceback:
            self.failure = f"exit status {sample.code}" + (" with a traceback" if traceback else "")
            shown = " ".join(self.argv[:8]) + (f" ... ({len(self.argv) - 8} more)" if len(self.argv) > 8 else "")
            print(f"\n!! {self.label} failed ({self.failure}): {shown}", file=sys.stderr)
            print(tail(sample.stderr), file=sys.stderr)

    @property
    def time(self) -> float | None:
        return statistics.median(s.seconds for s in self.samples) if self.samples and not self.failure else None

    @property
    def rss(self) -> int | None:
        return max(s.max_rss for s in self.samples) if self.samples and not self.failure else None

    def spread(self) -> str:
        if self.failure:
            return f"FAILED: {self.failure}"
        times = sorted(s.seconds for s in self.samples)
        shown = ", ".join(fmt_seconds(t) for t in times)
        return f"median {fmt_seconds(self.time)} of {len(times)} [{shown}], peak RSS {fmt_mb(self.rss)}"


def measure(argv: list[str]) -> Sample:
    """Run argv with stdout to /dev/null; return its wall time and its own peak RSS (not a max over all children)."""
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a chatty child can never block on a full pipe
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Sample(elapsed, usage.ru_maxrss * 1024, proc.returncode, stderr)


def measure_batches(batches: list[list[str]]) -> Sample:
    """Run each argv in turn: the total wall time, the largest peak RSS, the worst exit status, every stderr."""
    samples = [measure(argv) for argv in batches]
    return Sample(
        sum(s.seconds for s in samples),
        max(s.max_rss for s in samples),
        max(samples, key=lambda s: (s.code != 0, abs(s.code))).code,
        "".join(s.stderr for s in samples),
    )


def split_argv(prefix: list[str], args: list[str]) -> list[list[str]]:
    """prefix + args, split into as few argvs as fit under the kernel's limit on arguments plus environment."""
    env = sum(len(k) + len(v) + 2 + 8 for k, v in os.environ.items())
    budget = os.sysconf("SC_ARG_MAX") - env - 16 * 1024  # a margin for the auxiliary vector and the like

    def cost(arg: str) -> int:
        return len(os.fsencode(arg)) + 1 + 8  # the string, its NUL and its pointer

    base = sum(cost(a) for a in prefix)
    batches: list[list[str]] = []
    current: list[str] = []
    used = base
    for arg in args:
        if current and used + cost(arg) > budget:
            batches.append(prefix + current)
            current, used = [], base
        current.append(arg)
        used += cost(arg)
    batches.append(prefix + current)
    return batches


def tail(text: str, lines: int = 40) -> str:
    parts = text.rstrip("\n").split("\n")
    if len(parts) > lines:
        parts = [f"... ({len(parts) - lines} lines before)", *parts[-lines:]]
    return "\n".join("   " + line for line in parts)


def fmt_seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def fmt_mb(value: float | None) -> str:
    return "-" if value is None else f"{value / MB:.1f} MB"


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def verdict(value: float | None, limit: float, strict: bool = False) -> str:
    if value is None:
        return "FAIL"
    return "PASS" if (value < limit if strict else value <= limit) else "MISS"


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=BENCH.parent, capture_output=True, text=True, check=True)


def git_state() -> str:
    try:
        rev = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", "src")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return rev.stdout.strip() + (" (src/ modified)" if dirty.stdout.strip() else "")


def time_row(label: str, ehp: Series, base: Series, limit: float) -> tuple[str, ...]:
    value = ratio(ehp.time, base.time)
    goal = f"<= {limit:g}x"
    return (label, fmt_seconds(ehp.time), fmt_seconds(base.time), fmt_ratio(value), goal, verdict(value, limit))


def speedup_row(label: str, ehp: Series, other: Series, limit: float) -> tuple[str, ...]:
    """A row where ehp must be at least `limit` times faster: the ratio is other / ehp."""
    value = ratio(other.time, ehp.time)
    result = "FAIL" if value is None else ("PASS" if value >= limit else "MISS")
    return (label, fmt_seconds(ehp.time), fmt_seconds(other.time), fmt_ratio(value), f">= {limit:g}x", result)


def for_information(row: tuple[str, ...]) -> tuple[str, ...]:
    """A row shown for comparison, without a goal of its own: goal and result in parentheses."""
    *head, goal, result = row
    return (*head, f"({goal})", result if result == "FAIL" else f"({result})")


def check_findings(ehp: str, folder: Path) -> str:
    """One `ehp check --format json` run (not timed): its exit status and its findings, counted by rule."""
    proc = subprocess.run([ehp, "check", str(folder), "--format", "json"], capture_output=True, text=True)
    try:
        report = json.loads(proc.stdout)
        summary = report["summary"]
        by_rule = collections.Counter(f"{f['rule']} ({f['severity']})" for f in report["findings"])
    except (ValueError, KeyError, TypeError):
        return f"exit status {proc.returncode}, output not the expected JSON\n{tail(proc.stderr)}"
    counts = ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])))
    return (
        f"exit {proc.returncode}; {summary['checked']} checked, {summary['errors']} errors, "
        f"{summary['warnings']} warnings" + (f": {counts}" if counts else "")
    )


def shipped_schema_check(validator: str) -> str:
    """check-jsonschema on the shipped portfolio/, every kind of file against its schema in portfolio/schema/."""
    if not (SHIPPED / "schema").is_dir():
        return "skipped: no portfolio/schema/"
    groups = {"initiative": sorted(str(p) for p in (SHIPPED / "initiatives").glob("*.y*ml"))}
    for kind in ("portfolio", "taxonomy", "actors"):
        if (SHIPPED / f"{kind}.yaml").is_file():
            groups[kind] = [str(SHIPPED / f"{kind}.yaml")]
    refused = []
    for kind, files in groups.items():
        schema = str(SHIPPED / "schema" / f"{kind}.schema.json")
        proc = subprocess.run([validator, "--schemafile", schema, *files], capture_output=True, text=True)
        if proc.returncode != 0:
            refused.append(f"{kind} (exit {proc.returncode}):\n{tail(proc.stdout + proc.stderr, 20)}")
    total = sum(len(files) for files in groups.values())
    if refused:
        return "REFUSED " + "; ".join(refused)
    return f"ok, all {total} files ({len(groups['initiative'])} initiatives, {', '.join(list(groups)[1:])})"


def rss_row(label: str, ehp: Series, base: Series, limit_mb: float, info: bool = False) -> tuple[str, ...]:
    result = verdict(None if ehp.rss is None else ehp.rss / MB, limit_mb, strict=True)
    row = (label, fmt_mb(ehp.rss), fmt_mb(base.rss), fmt_ratio(ratio(ehp.rss, base.rss)), f"< {limit_mb:g} MB", result)
    return for_information(row) if info else row


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print()
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells))
        if number == 0:
            print("  ".join("-" * width for width in widths))


def generate(python: str, folder: Path, count: int, seed: int, *options: str) -> bool:
    """A generated portfolio of `count` initiatives in `folder`, made in a child so that this process stays small."""
    gen = [python, str(BENCH / "generate.py"), str(folder), "--count", str(count), "--seed", str(seed), *options]
    if subprocess.run(gen, stdout=subprocess.DEVNULL).returncode != 0:
        print(f"the generator failed: {' '.join(gen)}", file=sys.stderr)
        return False
    return True


@dataclass
class SiteBench:
    """The site measurements: `ehp report site` on a large and a small portfolio, and `ehp segment` on the large."""

    large: int
    small: int
    segment: Series
    site: Series
    site_small: Series

    @classmethod
    def make(cls, ehp: str, scratch: Path, large: Path, small: Path, counts: tuple[int, int]) -> SiteBench:
        def site(folder: Path, name: str) -> list[str]:
            return [ehp, "report", "site", "--out", str(scratch / name), "--path", str(folder)]

        return cls(
            counts[0],
            counts[1],
            Series(f"ehp segment ({counts[0]})", [ehp, "segment", str(large)], (0, 1)),
            Series(f"ehp report site ({counts[0]})", site(large, "site-large"), (0, 1)),
            Series(f"ehp report site ({counts[1]})", site(small, "site-small"), (0, 1)),
        )

    @property
    def series(self) -> tuple[Series, ...]:
        return (self.segment, self.site, self.site_small)

    def rows(self) -> list[tuple[str, ...]]:
        return [
            time_row(f"report site / segment, {self.large}", self.site, self.segment, 20),
            time_row(f"report site {self.large} / site {self.small}", self.site, self.site_small, 5),
        ]


def run_sites(python: str, ehp: str, scratch: Path, args: argparse.Namespace) -> SiteBench | None:
    """Generate the two portfolios of the site measurements and make their series (not yet run)."""
    large, small = scratch / f"site-{args.site_count}", scratch / f"site-{args.site_small}"
    for folder, count in ((large, args.site_count), (small, args.site_small)):
        if not generate(python, folder, count, args.seed):
            return None
    sites = SiteBench.make(ehp, scratch, large, small, (args.site_count, args.site_small))
    for series in sites.series:  # warm the page cache and .pyc files; not counted
        measure(series.argv)
    return sites


def only(name: str, title: str, make: Any, python: str, ehp: str, args: argparse.Namespace) -> int:
    """`--only NAME`: one group of measurements alone; `make` generates its portfolios and returns its bench."""
    with tempfile.TemporaryDirectory(prefix="ehp-bench-") as scratch:
        started = time.perf_counter()
        bench = make(python, ehp, Path(scratch), args)
        if bench is None:
            return 2
        print(f"ehp benchmark, {name} only: {title}")
        print(f"python {platform.python_version()}; {os.cpu_count()} CPUs; git {git_state()}; x{args.repeat}")
        for round_ in range(args.repeat):
            print(f"  {name} round {round_ + 1}/{args.repeat} ...", file=sys.stderr, flush=True)
            for series in bench.series:
                series.run()
        total = time.perf_counter() - started
    print_table([("measurement", "ehp", "baseline", "ratio", "goal", "result"), *bench.rows()])
    print()
    for series in bench.series:
        print(f"  {series.label:<28} {series.spread()}")
    print(f"total {total:.0f} s; ratios use medians")
    return 0


def hostile_dependencies(path: Path, template: Path, unknown: int, seed: int) -> None:
    """An initiative file like `template` that names `unknown` dependencies no initiative has."""
    rng = random.Random(seed)
    ids = "".join(f"  - id: ukjent-{rng.randrange(10**8):08d}\n    strength: weak\n" for _ in range(unknown))
    body = template.read_text(encoding="utf-8").split("\ndependencies:")[0].rstrip("\n")
    path.write_text(f"{body}\ndependencies:\n{ids}", encoding="utf-8")


@dataclass
class HintsBench:
    """`ehp check` on a portfolio with and without one file naming thousands of unknown dependencies."""

    count: int
    unknown: int
    clean: Series
    hostile: Series

    @property
    def series(self) -> tuple[Series, ...]:
        return (self.clean, self.hostile)

    def rows(self) -> list[tuple[str, ...]]:
        label = f"check {self.count} + {self.unknown} unknown deps / without"
        return [time_row(label, self.hostile, self.clean, 2)]


def run_hints(python: str, ehp: str, scratch: Path, args: argparse.Namespace) -> HintsBench | None:
    """Generate the portfolio of the hints measurement, copy it with the hostile file added, and make the series."""
    clean, hostile = scratch / f"hints-{args.hints_count}", scratch / f"hints-{args.hints_count}-hostile"
    if not generate(python, clean, args.hints_count, args.seed):
        return None
    shutil.copytree(clean, hostile)
    template = sorted((clean / "initiatives").glob("*.yaml"))[0]
    hostile_dependencies(hostile / "initiatives" / "zz-unknown-dependencies.yaml", template, args.hints_unknown, 7)
    hints = HintsBench(
        args.hints_count,
        args.hints_unknown,
        Series(f"ehp check ({args.hints_count})", [ehp, "check", str(clean)], (0, 1)),
        Series(f"ehp check (+{args.hints_unknown} unknown)", [ehp, "check", str(hostile)], (0, 1)),
    )
    for series in hints.series:  # warm the page cache and .pyc files; not counted
        measure(series.argv)
    return hints


@dataclass
class RoundsBench:
    """The status rounds: `ehp calendar` and the meeting paper (with its exceptions) on a portfolio with three rounds of
    status reports, against `ehp segment` on it, and the paper on a quarter of the size (cost linear in the reports)."""

    large: int
    small: int
    segment: Series
    calendar: Series
    meeting: Series
    meeting_small: Series
    knowledge: Series
    knowledge_small: Series
    overview: Series
    overview_small: Series
    forms: Series
    export: Series

    @property
    def series(self) -> tuple[Series, ...]:
        return (
            self.segment,
            self.calendar,
            self.meeting,
            self.meeting_small,
            self.knowledge,
            self.knowledge_small,
            self.overview,
            self.overview_small,
            self.forms,
            self.export,
        )

    def rows(self) -> list[tuple[str, ...]]:
        return [
            time_row(f"calendar / segment, {self.large} with rounds", self.calendar, self.segment, 3),
            time_row(f"report meeting / segment, {self.large}", self.meeting, self.segment, 3),
            time_row(f"report meeting {self.large} / {self.small}", self.meeting, self.meeting_small, 5),
            time_row(f"report knowledge html / segment, {self.large}", self.knowledge, self.segment, 3),
            time_row(f"report knowledge {self.large} / {self.small}", self.knowledge, self.knowledge_small, 5),
            time_row(f"report overview html / segment, {self.large} with rounds", self.overview, self.segment, 3),
            time_row(f"report overview {self.large} / {self.small} with rounds", self.overview, self.overview_small, 5),
            time_row(f"status open (xlsx) / export xlsx, {self.large}", self.forms, self.export, 3),
        ]


MEETING = ["--committee", "NUIT", "--date", "2021-11-25"]
"""The meeting the rounds measurement renders: NUIT 4/2021, to which every segment reports (bench/generate.py)."""


def run_rounds(python: str, ehp: str, scratch: Path, args: argparse.Namespace) -> RoundsBench | None:
    """Generate the two portfolios with rounds (bench/generate.py --rounds) and make the series."""
    large, small = scratch / f"rounds-{args.rounds_count}", scratch / f"rounds-{args.rounds_count // 4}"
    for folder, count in ((large, args.rounds_count), (small, args.rounds_count // 4)):
        if not generate(python, folder, count, args.seed, "--rounds"):
            return None

    def meeting(folder: Path) -> list[str]:
        return [ehp, "report", "meeting", *MEETING, "--path", str(folder)]

    def knowledge(folder: Path) -> list[str]:
        return [ehp, "report", "knowledge", "--format", "html", "--path", str(folder)]

    def overview(folder: Path) -> list[str]:  # with every segment's latest reports and the status across rounds
        return [ehp, "report", "overview", "--format", "html", "--path", str(folder)]

    exported = scratch / "export.xlsx"
    forms = scratch / "forms"  # emptied before each run: status open never writes over a form
    opening = f"rm -rf {shlex.quote(str(forms))} && {shlex.quote(ehp)} status open 2021-nuit-3 --deadline 2021-09-02"

    rounds = RoundsBench(
        args.rounds_count,
        args.rounds_count // 4,
        Series(f"ehp segment ({args.rounds_count})", [ehp, "segment", str(large)], (0, 1)),
        Series(f"ehp calendar ({args.rounds_count})", [ehp, "calendar", "--path", str(large)], (0, 1)),
        Series(f"report meeting ({args.rounds_count})", meeting(large), (0, 1)),
        Series(f"report meeting ({args.rounds_count // 4})", meeting(small), (0, 1)),
        Series(f"report knowledge ({args.rounds_count})", knowledge(large), (0, 1)),
        Series(f"report knowledge ({args.rounds_count // 4})", knowledge(small), (0, 1)),
        Series(f"report overview ({args.rounds_count})", overview(large), (0, 1)),
        Series(f"report overview ({args.rounds_count // 4})", overview(small), (0, 1)),
        Series(
            f"status open ({args.rounds_count})",
            ["sh", "-c", f"{opening} --out {shlex.quote(str(forms))} --path {shlex.quote(str(large))}"],
            (0, 1),
        ),
        Series(
            f"export xlsx ({args.rounds_count})",
            [ehp, "export", "-f", "xlsx", "-o", str(exported), "--path", str(large)],
            (0, 1),
        ),
    )
    for series in rounds.series:  # warm the page cache and .pyc files; not counted
        measure(series.argv)
    return rounds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="initiative files to generate (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each segment and check measurement (default 3)")
    parser.add_argument("--assess-repeat", type=int, default=10, help="runs of each assess measurement (default 10)")
    parser.add_argument(
        "--slow", type=float, default=60, help="check-jsonschema is not repeated after a run this slow (default 60 s)"
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--out", type=Path, help="generate here and keep it (bench/out/ is git-ignored); default: tmp")
    parser.add_argument("--only", choices=["site", "hints", "rounds"], help="run only these measurements")
    parser.add_argument("--site-count", type=int, default=1000, help="initiatives of the site measurement (1000)")
    parser.add_argument("--site-small", type=int, default=250, help="initiatives of the smaller site (250)")
    parser.add_argument("--hints-count", type=int, default=2000, help="initiatives of the hints measurement (2000)")
    parser.add_argument("--hints-unknown", type=int, default=5000, help="unknown dependencies of its file (5000)")
    parser.add_argument("--rounds-count", type=int, default=10_000, help="initiatives of the rounds measurement")
    args = parser.parse_args(argv)
    if min(args.count, args.repeat, args.assess_repeat, args.site_count, args.site_small, args.hints_count) < 1:
        parser.error("--count, --repeat, --assess-repeat, --site-*, --hints-count must be at least 1")

    python = sys.executable  # not resolved: a venv's python is a symlink, and resolving it would leave the venv
    ehp = str(Path(python).parent / "ehp")
    if not os.access(ehp, os.X_OK):
        print(f"no ehp entry point beside {python}; run this with the venv's python (make bench)", file=sys.stderr)
        return 2
    if args.only == "site":
        title = f"{args.site_count} and {args.site_small} initiatives (seed {args.seed})"
        return only("site", title, run_sites, python, ehp, args)
    if args.only == "rounds":
        title = f"{args.rounds_count} and {args.rounds_count // 4} initiatives with three rounds of status reports"
        return only("rounds", title, run_rounds, python, ehp, args)
    if args.only == "hints":
        title = f"{args.hints_count} initiatives, {args.hints_unknown} unknown dependencies"
        return only("hints", title, run_hints, python, ehp, args)

    with tempfile.TemporaryDirectory(prefix="ehp-bench-") as scratch:
        folder = args.out or Path(scratch) / "portfolio"
        started = time.perf_counter()
        # In a child, so that this process stays small: on Linux a child's ru_maxrss starts from its parent's RSS at
        # the fork, and importing ehportfolio here would raise every baseline's peak memory to about 38 MB.
        if not generate(python, folder, args.count, args.seed):
            return 2
        sites = run_sites(python, ehp, Path(scratch), args)
        hints = run_hints(python, ehp, Path(scratch), args)
        if sites is None or hints is None:
            return 2
        generated = time.perf_counter() - started
        files = sorted(str(p) for p in (folder / "initiatives").glob("*.yaml"))
        one_file = files[0]

        print(f"ehp benchmark: {args.count} initiatives (seed {args.seed}) in {folder}, generated in {generated:.1f} s")
        print(
            f"python {platform.python_version()} at {python}; {os.cpu_count()} CPUs; git {git_state()}; "
            f"segment and check x{args.repeat}, assess x{args.assess_repeat}, median wall time",
            flush=True,
        )

        validator = str(Path(python).parent / "check-jsonschema")
        has_validator = os.access(validator, os.X_OK)
        if has_validator:
            print(f"check-jsonschema on the shipped portfolio/: {shipped_schema_check(validator)}")
        else:
            print(
                f"no check-jsonschema beside {python}: pip install -e '.[bench]' (make bench does); its row is skipped"
            )
        print(f"ehp check on the generated portfolio: {check_findings(ehp, folder)}", flush=True)

        seg_text = Series("ehp segment", [ehp, "segment", str(folder)], (0, 1))
        seg_json = Series("ehp segment --format json", [ehp, "segment", str(folder), "--format", "json"], (0, 1))
        check_text = Series("ehp check", [ehp, "check", str(folder)], (0, 1))
        check_json = Series("ehp check --format json", [ehp, "check", str(folder), "--format", "json"], (0, 1))
        overview = Series(
            "ehp report overview --html", [ehp, "report", "overview", "--format", "html", "--path", str(folder)], (0, 1)
        )
        overview_docx = Series(
            "ehp report overview --docx", [ehp, "report", "overview", "--format", "docx", "--path", str(folder)], (0, 1)
        )
        roadmap = Series(
            "ehp report roadmap", [ehp, "report", "roadmap", "--date", "2024-06-30", "--path", str(folder)], (0, 1)
        )
        parse = Series("yaml CSafeLoader loop", [python, "-c", BASELINE_PARSE, str(folder)], (0,))
        assess = Series("ehp assess", [ehp, "assess", one_file], (0, 1))
        imports = Series("import yaml, pydantic", [python, "-c", BASELINE_IMPORT], (0,))
        schema = str(folder / "schema" / "initiative.schema.json")
        prefix = [validator, "--schemafile", schema]
        batches = split_argv(prefix, files)
        schema_check = Series("check-jsonschema", prefix + files, (0, 1), batches=batches)

        measure([python, "-c", BASELINE_PARSE, str(folder)])  # warm the page cache and .pyc files; not counted
        measure([ehp, "assess", one_file])
        slow_note = ""
        for round_ in range(args.repeat):
            print(f"  segment and check round {round_ + 1}/{args.repeat} ...", file=sys.stderr, flush=True)
            for series in (
                parse,
                seg_text,
                seg_json,
                check_text,
                check_json,
                overview,
                overview_docx,
                roadmap,
                *sites.series,
                *hints.series,
            ):
                series.run()
            if not has_validator:
                continue
            last = schema_check.samples[-1].seconds if schema_check.samples else 0.0
            if last > args.slow:
                slow_note = f"check-jsonschema ran once only: its run took {fmt_seconds(last)} (over {args.slow:g} s)"
                continue
            schema_check.run()
        print(f"  assess x{args.assess_repeat} ...", file=sys.stderr, flush=True)
        for _ in range(args.assess_repeat):
            for series in (imports, assess):
                series.run()
        total = time.perf_counter() - started

    rows = [
        time_row(f"segment {args.count} files (text)", seg_text, parse, 2.5),
        time_row(f"segment {args.count} files (--format json)", seg_json, parse, 2.5),
        rss_row("segment peak RSS (text)", seg_text, parse, 150),
        rss_row("segment peak RSS (--format json)", seg_json, parse, 150, info=True),
        time_row(f"check {args.count} files (text)", check_text, parse, 3),
        for_information(time_row(f"check {args.count} files (--format json)", check_json, parse, 3)),
        time_row(f"report overview html / segment, {args.count}", overview, seg_text, 3),
        for_information(time_row(f"report overview docx / segment, {args.count}", overview_docx, seg_text, 3)),
        time_row(f"report roadmap markdown / segment, {args.count}", roadmap, seg_text, 3),
        *sites.rows(),
        *hints.rows(),
    ]
    if has_validator:
        rows.append(speedup_row("check-jsonschema / ehp check", check_text, schema_check, 4))
    rows.append(time_row("assess one file", assess, imports, 2.5))
    print_table([("measurement", "ehp", "baseline", "ratio", "goal", "result"), *rows])
    print()
    print("baselines: segment, check = python -c <read every initiatives/*.yaml,")
    print("                                        yaml.load(data, Loader=yaml.CSafeLoader)>")
    print("           check-jsonschema = check-jsonschema --schemafile DIR/schema/initiative.schema.json")
    print(f"                              DIR/initiatives/*.yaml ({len(files)} files in {len(batches)} exec(s));")
    print("                              its ratio is check-jsonschema / ehp check (text): higher is better")
    print("           report overview = against ehp segment (text) on the same files")
    print(f"           report site = against ehp segment on the same {args.site_count} files, and against the")
    print(f"                         site of {args.site_small} initiatives")
    print(f"           check + unknown deps = against ehp check on the same {args.hints_count} files without the one")
    print(f"                                  file naming {args.hints_unknown} unknown dependencies")
    print("           assess = python -c 'import yaml, pydantic'")
    shown = [seg_text, seg_json, check_text, check_json, overview, overview_docx, *sites.series, *hints.series, parse]
    shown += [schema_check] if has_validator else []
    for series in (*shown, assess, imports):
        print(f"  {series.label:<28} {series.spread()}")
    if has_validator and schema_check.samples and not schema_check.failure:
        codes = {s.code for s in schema_check.samples}
        accepted = "accepted every file" if codes == {0} else f"refused some files (exit {max(codes)})"
        print(f"  check-jsonschema {accepted} of the generated portfolio")
    if slow_note:
        print(f"  {slow_note}")
    print(f"total {total:.0f} s; MB = 2**20 bytes; ratios use medians; peak RSS is the largest of the runs;")
    print("results in parentheses are for information: the goals are set for text output")
    return 0


if __name__ == "__main__":
    sys.exit(main())
