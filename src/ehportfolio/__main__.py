"""The process entry point of `ehp` (and of `python -m ehportfolio`)."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import types


def _no_pydantic_plugins() -> None:
    """ehp uses no pydantic plugins. pydantic looks for them the first time it builds a validator, and its loader
    imports importlib.metadata (with email, zipfile and csv) to do so: about 10 ms, a fifteenth of `ehp assess`. Say
    there are none, as PYDANTIC_DISABLE_PLUGINS would, without that import. The loader pydantic ships is kept when it
    is already imported, and a test checks that `get_plugins` is still the name pydantic calls."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules.setdefault("pydantic.plugin._loader", loader)


def main() -> None:
    # A run of ehp is short and builds mostly long-lived objects (modules, models, loaded files): collect less often
    # while it runs, and freeze everything at the end so that interpreter exit does not walk it all once more. This
    # trims about a quarter of the start-up and exit time of `ehp assess` (see bench/).
    gc.set_threshold(50_000, 20, 100)
    _no_pydantic_plugins()
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


def entry() -> None:
    """The `ehp` program: `main`, then the process ends without the interpreter's teardown. Every file ehp writes is
    closed by then (each write is a `with` block of the file layer), so the teardown would only free memory and
    finalise modules the process is about to give back anyway: about 30 ms of `ehp assess` (bench/, measured e). Only
    what is buffered for stdout and stderr is left, and it is flushed here; a reader that went away (`ehp … | head`)
    is not an error of ehp's, as Python itself would print it."""
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if done.code is not None and not isinstance(done.code, int):
            print(done.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
