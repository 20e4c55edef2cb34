"""The gettext catalogues: what ehp says to people, in bokmål (nb, the default), nynorsk (nn) and English (en).

The sources are `ehportfolio/locale/<lang>/LC_MESSAGES/ehp.po`, edited by translators with any gettext tool. They are
compiled to `ehp.mo` when ehp is built (`make`, or the wheel's build hook, `hatch_build.py`) and read here with the
standard library's `gettext`. Message ids are symbolic (`check.summary`, `problem.bad_id`, `help.check`): the same
id in every language, the bokmål text shown beside it in the other catalogues as a translator's comment.

A message with a count has plural forms: it is looked up with `ngettext` by its `count`, so that "1 fil" and
"2 filer", "1 initiative" and "2 initiatives" read right in each language's own plural rule.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import os
from collections.abc import Iterator

LANGUAGES = ("nb", "nn", "en")
DEFAULT = "nb"
DOMAIN = "ehp"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")


class CatalogueMissing(RuntimeError):
    """The compiled catalogues are not there: ehp was run from a source tree that was never built."""


@functools.cache
def catalogue(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of `lang`, read once."""
    path = os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", DOMAIN + ".mo")
    try:
        with open(path, "rb") as mo:
            return gettext.GNUTranslations(mo)
    except FileNotFoundError:
        raise CatalogueMissing(f"{path} is missing: compile the catalogues with `make` (pybabel compile)") from None


def lookup(lang: str, key: str, count: int | None = None) -> str:
    """The text of message `key` in `lang`, in the plural form for `count` when one is given; KeyError when the
    catalogue has no such message (a bug: every id the code uses is checked against the catalogues)."""
    translations = catalogue(lang)
    entries = _entries(translations)
    if (key, 0) in entries:  # a message with plural forms
        return translations.ngettext(key, key, 1 if count is None else count)
    if key in entries:
        return str(entries[key])
    raise KeyError(key)


def _entries(translations: gettext.GNUTranslations) -> dict[object, str]:
    """The parsed catalogue: an id to its text, and (id, n) to the n-th plural form. An id may equal its text ("yes"
    in English), so what `gettext` returns cannot tell a missing message from a found one; this can."""
    return translations._catalog  # type: ignore[attr-defined,no-any-return]


@contextlib.contextmanager
def libraries_speaking(lang: str) -> Iterator[None]:
    """For the duration, the standard library's global gettext domain is ehp's catalogue in `lang`: the words typer
    says through `gettext.gettext` (its help page's brackets, `[default: …]`) are then looked up in our catalogues,
    under their English text as the id. gettext reads the language from the environment, so it is set meanwhile."""
    domain, language = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(domain)
        if language is None:
            del os.environ["LANGUAGE"]
        else:
            os.environ["LANGUAGE"] = language


def N_(key: str) -> str:  # noqa: N802 (gettext's name for it)
    """Marks a message id that is chosen by a value, where it is written down (`{"green": N_("report.state.green")}`),
    so that extraction (`pybabel extract`, babel.cfg) finds every id the code uses; returns the id unchanged."""
    return key


def has(lang: str, key: str) -> bool:
    try:
        lookup(lang, key)
    except KeyError:
        return False
    return True
