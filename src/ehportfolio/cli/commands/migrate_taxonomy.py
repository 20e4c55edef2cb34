"""`ehp migrate`: move a portfolio to another strategy's taxonomy through the shipped mapping, losing nothing
else in its files; with --dry-run, only say what it would do.

Exit 0 when every initiative was mapped, 1 when some could not be (they are listed and left as they were), 2 when
the migration is refused and nothing is written.
"""

from __future__ import annotations

import os
import sys

from ehportfolio.cli.commands import not_a_portfolio
from ehportfolio.cli.exits import FINDINGS, OK
from ehportfolio.domain.problems import FileRefused, InputError
from ehportfolio.features.taxonomy_migration import Migration, Rewrite, plan, taxonomy_name
from ehportfolio.i18n.messages import problem_line, text
from ehportfolio.store import files
from ehportfolio.store.loader import decode, read_bytes
from ehportfolio.store.portfolio import SETTINGS_FILE, load_portfolio, parse_initiative

BOM = b"\xef\xbb\xbf"


def run(root: str, target: str, dry_run: bool, lang: str) -> int:
    refused = not_a_portfolio(root)
    if refused is not None:
        raise InputError([refused])
    portfolio = load_portfolio(root)
    settings_path = os.path.join(root, SETTINGS_FILE)
    settings_text = decode(settings_path, read_bytes(settings_path, root=root))
    taxonomy_path = os.path.join(root, taxonomy_name(target))
    existing = decode(taxonomy_path, read_bytes(taxonomy_path, root=root)) if os.path.lexists(taxonomy_path) else None
    migration = plan(portfolio, settings_text, target, existing)
    if migration.mapping.proposal:
        print(text(lang, "migrate.proposal", path=migration.mapping_path), file=sys.stderr)
    _show(migration, lang)
    if not dry_run:
        _write(migration, root)
    count, unmapped = len(migration.initiatives), len(migration.unmapped)
    if dry_run:
        print(text(lang, "migrate.would", count=count, unmapped=unmapped), file=sys.stderr)
    else:
        print(text(lang, "migrate.done", count=count, unmapped=unmapped), file=sys.stderr)
    return FINDINGS if migration.unmapped else OK


def _show(migration: Migration, lang: str) -> None:
    """What the migration does, a line each, then what it cannot map, as `file:line:col: message`."""
    for rewrite in migration.initiatives:
        before, after = ", ".join(rewrite.before) or "–", ", ".join(rewrite.after)
        print(text(lang, "migrate.initiative", id=rewrite.ident, before=before, after=after))
    name = os.path.basename(migration.taxonomy_path)
    print(text(lang, "migrate.settings", file=SETTINGS_FILE, taxonomy=name))
    if migration.taxonomy_text is not None:
        print(text(lang, "migrate.taxonomy_new", file=name, strategy=migration.target))
    else:
        print(text(lang, "migrate.taxonomy_kept", file=name))
    for problem in migration.unmapped:
        print(problem_line(problem, lang))


def _write(migration: Migration, root: str) -> None:
    """The new taxonomy file first, then the initiatives, then portfolio.yaml, each atomically and only if it still
    holds what was read; what is written must read back."""
    if migration.taxonomy_text is not None:
        files.write_new(migration.taxonomy_path, migration.taxonomy_text, root=root)
    for rewrite in migration.initiatives:
        parse_initiative(rewrite.path, os.path.basename(rewrite.path), rewrite.new_text.encode("utf-8"))
        _replace(rewrite, root)
    _replace(migration.settings, root)


def _replace(rewrite: Rewrite, root: str) -> None:
    original = read_bytes(rewrite.path, root=root)
    if decode(rewrite.path, original) != rewrite.old_text:
        raise FileRefused("changed_on_disk", rewrite.path)
    bom = "\ufeff" if original.startswith(BOM) else ""
    files.replace(rewrite.path, original, bom + rewrite.new_text, root=root)
