"""Small helpers for building inputs inline."""

from __future__ import annotations

import textwrap
from pathlib import Path

VALID = """\
name: Nytt tiltak
owner: Helse Vest RHF
focus_area: "2.1"
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: nei
  strong_samstyre_dependencies: ja
"""


def build_file_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (text is dedented) under root and return root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


# A small consistent portfolio: settings, a taxonomy, an actors register, and two initiatives.
SETTINGS = "name: Test\nyear: 2026\ntaxonomy: taxonomy.yaml\nactors: actors.yaml\n"
TAXONOMY = 'name: Strategi\nfocus_areas:\n  - code: "2.1"\n    name: Noe\n  - code: "5.1"\n    name: Annet\n'
ACTORS = "actors:\n  - name: Helsedirektoratet\n  - name: Helse Vest RHF\n"

SAMSTYRE = """\
name: Felles
owner: Helsedirektoratet
focus_area: "5.1"
segment: samstyre
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: ja
"""

KOORDINERE = """\
name: Avhengig
owner: Helse Vest RHF
focus_area: "2.1"
segment: koordinere
checklist:
  digitalisation_essential: ja
  multiple_care_providers: ja
  reuse_potential: ja
  broad_collaboration: nei
  strong_samstyre_dependencies: ja
dependencies:
  - id: felles
    strength: strong
"""
