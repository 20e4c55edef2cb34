PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint messages docs reference bench word-templates clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# compileall: this machine sets PYTHONDONTWRITEBYTECODE, so without it every run of ehp would compile typer,
# pydantic and ehp itself again; installing a wheel compiles them once, as this does.
PURELIB = $$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q -j 0 src $(PURELIB)
	touch $(STAMP)

# The gettext catalogues, compiled again when a translation changes (the install compiles them the first time).
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard src/ehportfolio/locale/*/LC_MESSAGES/ehp.po))
%.mo: %.po | $(STAMP)
	$(BIN)/python hatch_build.py

## run: classify the shipped portfolio
run: $(STAMP) $(CATALOGUES)
	$(BIN)/ehp segment portfolio/

## test: the whole suite
test: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m pytest

## lint: ruff, mypy --strict, import-linter (the layers of the package) and the message catalogues' extraction check
lint: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python scripts/messages.py

## messages: extract every message id the code and the templates use into build/ehp.pot (for `pybabel update`), and
## fail on an id a catalogue lacks, an id nothing uses, or placeholders and plural forms that differ between languages
messages: $(STAMP)
	$(BIN)/python scripts/messages.py

## docs: the manual in docs/, built into site/ with MkDocs and the Material theme; a broken link or anchor fails it
docs: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict  # without the banner about MkDocs 2

## reference: write the generated pages of the manual again (the CLI reference, the checks, the report contexts)
reference: $(STAMP) $(CATALOGUES)
	$(BIN)/python scripts/cli_reference.py docs/reference/cli.md
	$(BIN)/python -m ehportfolio.rules.ruledocs > docs/checks.md
	$(BIN)/python -m ehportfolio.reports.contextdocs docs/report-contexts.md

## bench: speed and memory against baselines (see docs/development/speed.md)
bench: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m compileall -q -j 0 src $(PURELIB)
	$(BIN)/python bench/run.py

## word-templates: rebuild the shipped Word templates, templates/reports/<kind>.docx
word-templates: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m ehportfolio.reports.wordtemplates templates

clean:
	rm -rf $(VENV) build dist site .pytest_cache
