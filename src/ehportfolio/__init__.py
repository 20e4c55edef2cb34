"""ehp: the command-line tool for Norway's national e-health portfolio (Porteføljestyring 2.0)."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from package metadata only when asked for, to keep start-up fast.
    if name == "__version__":
        from importlib.metadata import version

        return version("ehportfolio")
    raise AttributeError(name)
