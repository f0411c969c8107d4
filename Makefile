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

## The W3C Nu Html Checker for the web tests (npm's vnu-jar; run with Java).
VNU := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU):
	@command -v npm >/dev/null && command -v java >/dev/null || { echo "The web tests need npm and Java for the Nu Html Checker: sudo apt-get install -y npm default-jre-headless" >&2; exit 1; }
	npm install --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@26.9.27

install-test: system-browser $(VENV)/.installed-test $(VNU)

clean:
	rm -rf output private .storymaker-cache tests/artefacts
