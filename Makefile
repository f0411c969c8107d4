# storymaker: the two set-up commands on a fresh machine are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test install install-test system system-browser clean

## Install everything and build the bundled example into output/ (private material into private/).
demo: install
	$(BIN)/storymaker check
	$(BIN)/storymaker build

## Install everything (Chromium included) and run the whole test suite.
test: install-test
	$(BIN)/pytest

system:
	bash scripts/install-system.sh

system-browser:
	bash scripts/install-system.sh --browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

install: system $(VENV)/.installed

install-test: system-browser $(VENV)/.installed-test

clean:
	rm -rf output private .storymaker-cache tests/artefacts
