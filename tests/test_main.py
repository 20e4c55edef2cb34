"""The process entry point: it tells pydantic there are no plugins without letting it import importlib.metadata."""

from __future__ import annotations

import inspect
import re
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
