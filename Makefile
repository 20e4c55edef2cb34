PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench word-templates clean

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

## lint: ruff, mypy --strict and import-linter (the layers of the package)
lint: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

## bench: speed and memory against baselines (see README)
bench: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m compileall -q -j 0 src $(PURELIB)
	$(BIN)/python bench/run.py

## word-templates: rebuild the shipped Word templates, templates/reports/<kind>.docx
word-templates: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m ehportfolio.reports.wordtemplates templates

clean:
	rm -rf $(VENV) build dist .pytest_cache
