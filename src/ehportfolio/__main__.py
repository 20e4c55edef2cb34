"""The process entry point of `ehp` (and of `python -m ehportfolio`)."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    # A run of ehp is short and builds mostly long-lived objects (modules, models, loaded files): collect less often
    # while it runs, and freeze everything at the end so that interpreter exit does not walk it all once more. This
    # trims about a quarter of the start-up and exit time of `ehp assess` (see bench/).
    gc.set_threshold(50_000, 20, 100)
    from ehportfolio.i18n.helptexts import choose

    lang = choose(sys.argv[1:])  # before cli.py is imported: typer reads its help texts then
    try:
        from ehportfolio.cli.app import only, translate_help_page

        translate_help_page(sys.argv[1:])
        only(sys.argv[1:])(prog_name="ehp")
    except (Exception, KeyboardInterrupt) as error:  # what escapes click's parsing, outside the app's own boundary
        from ehportfolio.cli.boundary import environment_debug, status_of

        sys.exit(status_of(error, lang, "--debug" in sys.argv[1:] or environment_debug()))
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
