"""Benchmark ehp against plain baselines, measured side by side in one run, and print the ratios.

    python bench/run.py [--count 10000] [--repeat 3] [--assess-repeat 10] [--out DIR] [--seed S]

Run it with the virtual environment's python (`make bench` does): the baselines use that python, and ehp is the
entry point beside it. Every measurement is a fresh subprocess, so start-up and imports count. Times are wall-clock
medians; peak memory is the child's own maximum resident set size, from os.wait4. The runs of the different commands
are interleaved so that drift on the machine affects them alike.

Measured:
  a. `ehp segment DIR` (text, and --format json) against a bare loop that parses every initiative file with
     yaml.load(data, Loader=yaml.CSafeLoader).                                                   goal: <= 2.5x
  b. the peak RSS of `ehp segment DIR`, with the baseline's beside it.                             goal: < 150 MB
  c. `ehp assess FILE` against `python -c 'import yaml, pydantic'`.                                goal: <= 3x

It reports and never gates: the exit status is 0 whatever the results, unless the benchmark itself cannot run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, initiative_id  # noqa: E402

BENCH = Path(__file__).resolve().parent
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

    def run(self) -> None:
        if self.failure is not None:
            return
        sample = measure(self.argv)
        self.samples.append(sample)
        traceback = "Traceback (most recent call last)" in sample.stderr
        if sample.code not in self.ok_codes or traceback:
            self.failure = f"exit status {sample.code}" + (" with a traceback" if traceback else "")
            print(f"\n!! {self.label} failed ({self.failure}): {' '.join(self.argv)}", file=sys.stderr)
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


def rss_row(label: str, ehp: Series, base: Series, limit_mb: float, info: bool = False) -> tuple[str, ...]:
    result = verdict(None if ehp.rss is None else ehp.rss / MB, limit_mb, strict=True)
    goal = f"< {limit_mb:g} MB"
    if info:  # shown for comparison, not a goal of its own
        goal, result = f"({goal})", result if result == "FAIL" else f"({result})"
    return (label, fmt_mb(ehp.rss), fmt_mb(base.rss), fmt_ratio(ratio(ehp.rss, base.rss)), goal, result)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="initiative files to generate (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each segment measurement (default 3)")
    parser.add_argument("--assess-repeat", type=int, default=10, help="runs of each assess measurement (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--out", type=Path, help="generate here and keep it (bench/out/ is git-ignored); default: tmp")
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeat < 1 or args.assess_repeat < 1:
        parser.error("--count, --repeat and --assess-repeat must be at least 1")

    python = sys.executable  # not resolved: a venv's python is a symlink, and resolving it would leave the venv
    ehp = str(Path(python).parent / "ehp")
    if not os.access(ehp, os.X_OK):
        print(f"no ehp entry point beside {python}; run this with the venv's python (make bench)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="ehp-bench-") as scratch:
        folder = args.out or Path(scratch) / "portfolio"
        started = time.perf_counter()
        generate(folder, args.count, args.seed)
        generated = time.perf_counter() - started
        one_file = str(folder / "initiatives" / f"{initiative_id(0)}.yaml")

        print(f"ehp benchmark: {args.count} initiatives (seed {args.seed}) in {folder}, generated in {generated:.1f} s")
        print(
            f"python {platform.python_version()} at {python}; {os.cpu_count()} CPUs; "
            f"git {git_state()}; segment x{args.repeat}, assess x{args.assess_repeat}, median wall time",
            flush=True,
        )

        seg_text = Series("ehp segment", [ehp, "segment", str(folder)], (0, 1))
        seg_json = Series("ehp segment --format json", [ehp, "segment", str(folder), "--format", "json"], (0, 1))
        parse = Series("yaml CSafeLoader loop", [python, "-c", BASELINE_PARSE, str(folder)], (0,))
        assess = Series("ehp assess", [ehp, "assess", one_file], (0, 1))
        imports = Series("import yaml, pydantic", [python, "-c", BASELINE_IMPORT], (0,))

        measure([python, "-c", BASELINE_PARSE, str(folder)])  # warm the page cache and .pyc files; not counted
        measure([ehp, "assess", one_file])
        for round_ in range(args.repeat):
            print(f"  segment round {round_ + 1}/{args.repeat} ...", file=sys.stderr, flush=True)
            for series in (parse, seg_text, seg_json):
                series.run()
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
        time_row("assess one file", assess, imports, 3),
    ]
    print_table([("measurement", "ehp", "baseline", "ratio", "goal", "result"), *rows])
    print()
    print("baselines: segment = python -c <read every initiatives/*.yaml, yaml.load(data, Loader=yaml.CSafeLoader)>;")
    print("           assess  = python -c 'import yaml, pydantic'")
    for series in (seg_text, seg_json, parse, assess, imports):
        print(f"  {series.label:<28} {series.spread()}")
    print(f"total {total:.0f} s; MB = 2**20 bytes; ratios use medians; peak RSS is the largest of the runs;")
    print("results in parentheses are for information: the goal is set for text output")
    return 0


if __name__ == "__main__":
    sys.exit(main())
