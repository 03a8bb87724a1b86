# Maturing Partnership, Measured: build, test and benchmark the book.
# `make book` and `make test` do all set-up on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := _build
JB_FLAGS := -W -n --keep-going

.PHONY: book test lab bench clean venv

venv: $(STAMP)

# (Re)create the virtual environment whenever requirements.txt or the package metadata change.
$(STAMP): requirements.txt pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet --require-virtualenv -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo "Book built: open $(BUILD)/html/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest tests -p no:cacheprovider -v --nbval notebooks --nbval-current-env
	$(MAKE) --no-print-directory book
	$(BIN)/python -m pytest tests/site -p no:cacheprovider -v --built $(BUILD)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

bench: $(STAMP)
	$(BIN)/python tests/bench.py

clean:
	rm -rf $(BUILD)
