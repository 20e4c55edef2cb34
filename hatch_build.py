"""Compile the gettext catalogues (`src/ehportfolio/locale/<lang>/LC_MESSAGES/ehp.po`) to `ehp.mo` when ehp is built:
hatchling runs this hook for a wheel and for an editable install, and `make` runs it as a script when a `.po` file
changes. The `.mo` files are build output, not kept in git."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

LOCALE = Path(__file__).parent / "src" / "ehportfolio" / "locale"


def compile_catalogues(locale: Path = LOCALE) -> list[Path]:
    """Write `ehp.mo` beside every `ehp.po`; a message that is empty or fuzzy is left out, as msgfmt does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale.glob("*/LC_MESSAGES/ehp.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parts[-3])
        mo = po.with_suffix(".mo")
        with mo.open("wb") as target:
            write_mo(target, catalog)
        written.append(mo)
    return written


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run as a script by make, where hatchling need not be installed
    BuildHookInterface = object  # type: ignore[misc,assignment]


class CompileCatalogues(BuildHookInterface):  # type: ignore[misc,valid-type]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_catalogues(Path(self.root) / "src" / "ehportfolio" / "locale")
        build_data["artifacts"].append("src/ehportfolio/locale/*/LC_MESSAGES/ehp.mo")


if __name__ == "__main__":
    for path in compile_catalogues():
        print(f"compiled {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}", file=sys.stderr)
