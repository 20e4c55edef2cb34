"""The process entry point: it tells pydantic there are no plugins without letting it import importlib.metadata."""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from pydantic.plugin import _schema_validator

ROOT = Path(__file__).parents[1]


def test_pydantic_asks_its_loader_only_for_get_plugins() -> None:
    """If pydantic ever wants more of its plugin loader than `get_plugins`, the stand-in in __main__ must grow too."""
    source = inspect.getsource(_schema_validator)
    wanted = {
        name.strip() for names in re.findall(r"from \._loader import ([\w, ]+)", source) for name in names.split(",")
    }
    assert wanted == {"get_plugins"}


def test_ehp_validates_without_importing_importlib_metadata() -> None:
    probe = (
        "import sys; sys.argv = ['ehp', 'assess', 'portfolio/initiatives/fresk.yaml']\n"
        "from ehportfolio.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert done.code in (0, None), done.code\n"
        "assert 'importlib.metadata' not in sys.modules, 'importlib.metadata was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Helsedirektoratet" in done.stdout or "FRESK" in done.stdout


EHP = Path(sys.executable).with_name("ehp")


def test_the_program_leaves_without_teardown_and_loses_no_output(tmp_path: Path) -> None:
    """`ehp` ends with os._exit after flushing: its exit codes are the boundary's, all of a long output arrives (more
    than a pipe holds), and a file it wrote is whole."""
    assert "entry" in EHP.read_text(encoding="utf-8")
    done = subprocess.run([str(EHP), "assess", "portfolio/initiatives/fresk.yaml"], cwd=ROOT, capture_output=True)
    assert done.returncode == 0 and done.stdout.decode().rstrip().endswith("Registrert segment: Koordinere")
    done = subprocess.run([str(EHP), "assess", "no-such.yaml"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and "no-such.yaml" in done.stderr and "Traceback" not in done.stderr
    big = tmp_path / "big"
    shutil.copytree(ROOT / "portfolio", big)
    for source in sorted((big / "initiatives").glob("*.yaml")):
        shutil.copy(source, source.with_name(f"{source.stem}-copy.yaml"))
    done = subprocess.run([str(EHP), "segment", "--format", "json", str(big)], cwd=ROOT, capture_output=True)
    assert done.returncode == 0 and len(done.stdout) > 65536
    assert len(json.loads(done.stdout)) == 110
    out = tmp_path / "paper"
    done = subprocess.run(
        [str(EHP), "report", "overview", "-f", "html", "--out", str(out), "--path", "portfolio"], cwd=ROOT
    )
    assert done.returncode == 0
    (page,) = out.glob("*.html")
    assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_a_reader_that_goes_away_is_no_error() -> None:
    """`ehp segment | head -1`: the rest cannot be written, and ehp stops without a word about it, with status 2."""
    with subprocess.Popen(
        [str(EHP), "segment", "portfolio"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.readline()
        run.stdout.close()
        err = run.stderr.read().decode()
        code = run.wait(timeout=60)
    assert err == "" and code in (0, 2)  # 0 when everything fit in the pipe before it closed
