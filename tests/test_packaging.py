"""The wheel carries the templates and the checklist, and the installed command renders from them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_wheel_ships_templates_and_checklists_and_renders_from_them(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("ehportfolio-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ehportfolio/templates/assessment.md.j2" in names
    assert {
        f"ehportfolio/templates/reports/{kind}.docx" for kind in ("overview", "initiative", "meeting", "definition")
    } <= names
    assert "ehportfolio/data/checklists/2020.yaml" in names
    assert "ehportfolio/data/cadence.yaml" in names

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = "import ehportfolio.store.templates as t; print(t.template_dir())"
    where = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert where.strip() == str(target / "ehportfolio" / "templates")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ehportfolio",
            "assess",
            str(ROOT / "portfolio/initiatives/fresk.yaml"),
            "-f",
            "markdown",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## FRESK (`fresk`)")
