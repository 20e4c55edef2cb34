"""`ehp schema`: print or write the JSON Schemas of the portfolio's files."""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.exits import OK
from ehportfolio.features.schema import KINDS, file_name, schema_text
from ehportfolio.i18n.messages import text
from ehportfolio.store import files
from ehportfolio.store.packaged import load_checklist


def run(kind: str | None, out: str | None, version: str, lang: str) -> int:
    checklist = load_checklist(version)
    if out is None:
        sys.stdout.write(schema_text(kind or "initiative", checklist))
        return OK
    files.make_dirs(out)
    for name in [kind] if kind else list(KINDS):
        path = os.path.join(out, file_name(name))
        files.write_file(path, schema_text(name, checklist), root=out)
        print(text(lang, "wrote", path=path), file=sys.stderr)
    return OK
