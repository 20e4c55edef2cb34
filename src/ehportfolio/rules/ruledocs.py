"""The page of the manual that lists the checks of `ehp check`, docs/checks.md, generated from the registry (`RULES`):
each rule with its id, its severity, its module and its docstring. A test keeps the committed file equal to
`reference()`.

    python -m ehportfolio.rules.ruledocs > docs/checks.md
"""

from __future__ import annotations

import inspect
import sys

from ehportfolio.rules import RULES

INTRO = """\
# The checks

Generated from the rule registry (`RULES` in `src/ehportfolio/rules/__init__.py`) and each rule's docstring by
`python -m ehportfolio.rules.ruledocs > docs/checks.md`; a test keeps this file equal to the rules. Do not edit it by
hand.

`ehp check` (see [its page](commands/check.md)) first reports every problem met while reading the portfolio, as
errors:

{loading}
Then it runs every rule of the registry, in this order. An error fails the check; a warning fails it only with
`--strict`.
"""

LOADING = (
    (
        "(every problem of [how files are read](data-format.md#how-files-are-read-and-written))",
        "the file can be read and matches the data format",
    ),
    ("`case_collision`", "no two initiative files have names that differ only in case"),
    ("`symlink_outside`", "no file is a symbolic link that leads out of the portfolio directory"),
    ("`missing_file`, `bad_local_file`, `unknown_checklist`", "what `portfolio.yaml` names exists"),
    (
        "`duplicate_solution`, `unknown_part_of`",
        "no id is twice in the register of national solutions, and every `part_of` names another of its entries",
    ),
    ("`duplicate_user_group`", "no id is twice in the register of user groups"),
)
"""The problems met while reading, before any rule runs; they are not rules of the registry, so they are named here."""


def paragraphs(text: str | None) -> list[str]:
    """A docstring's paragraphs, each on one line."""
    cleaned = inspect.cleandoc(text or "")
    return [" ".join(part.split()) for part in cleaned.split("\n\n") if part.strip()]


def cell(text: str) -> str:
    """Text that stays inside one cell of a Markdown table."""
    return text.replace("|", "\\|")


def reference() -> str:
    """The whole page, as Markdown."""
    rows = []
    details = []
    for rule_id, (severity, rule) in RULES.items():
        module = rule.__module__.rpartition(".")[2]
        first, *rest = paragraphs(rule.__doc__) or [""]
        rows.append(f"| `{rule_id}` | {severity} | `{module}.py` | {cell(first)} |")
        if rest:
            details.append("\n\n".join([f"### `{rule_id}`", first, *rest]))
    loading = "\n".join(f"| {name} | error | {what} |" for name, what in LOADING)
    table = "| rule | severity | what it checks |\n|---|---|---|\n" + loading + "\n"
    parts = [
        INTRO.format(loading=table),
        "| rule | severity | module | what it checks |",
        "|---|---|---|---|",
        *rows,
        "",
    ]
    if details:
        parts += ["## More on some rules", "", "\n\n".join(details), ""]
    groups = sorted({sys.modules[rule.__module__] for _, rule in RULES.values()}, key=lambda m: m.__name__)
    parts += ["## The rule modules", ""]
    parts += [f"- `{m.__name__.rpartition('.')[2]}.py`: {' '.join(paragraphs(m.__doc__))}" for m in groups]
    return "\n".join(parts) + "\n"


def main() -> int:
    sys.stdout.write(reference())
    return 0


if __name__ == "__main__":
    sys.exit(main())
