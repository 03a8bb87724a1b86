# Maturing Partnership, Measured: build, test and benchmark the book.
# `make book` and `make test` do all set-up on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := _build
JB_FLAGS := -W -n --keep-going
CHAPTERS := $(sort $(wildcard notebooks/*.md))

.PHONY: book pdf test lint sync notebooks lab bench audit clean venv system-packages FORCE

venv: $(STAMP)

# (Re)create the virtual environment whenever requirements.txt or the package metadata change,
# and whenever the checkout has moved: a venv remembers the folder it was made in (its scripts'
# first lines, the editable install of `maturing`), so a copied checkout would otherwise run the
# original folder's code and data. The stamp holds the folder the venv belongs to.
ifneq ($(shell cat $(STAMP) 2>/dev/null),$(CURDIR))
$(STAMP): FORCE
endif
$(STAMP): requirements.txt pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet --require-virtualenv --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	echo "$(CURDIR)" > $(STAMP)

# The HTML book, then its PDFs (`make pdf`), which the pages link to and cite.
book: $(STAMP) system-packages
	$(BIN)/python tools/execute.py
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	$(MAKE) --no-print-directory pdf
	@echo "Book built: open $(BUILD)/html/index.html (PDFs in $(BUILD)/html/pdf/)"

# Debian's Chromium and poppler-utils, for the PDF and the browser tests (apt-get, as root).
system-packages:
	bash tools/install-system-packages.sh

# A PDF of the whole book and one per chapter, into $(BUILD)/html/pdf/, from the HTML book as
# built (the chapters' pages, and the single-page build for the whole book), printed by Debian's
# Chromium. A PDF whose inputs did not change is not printed again.
pdf: $(STAMP) system-packages
	$(MAKE) --no-print-directory $(SINGLE_PAGE)
	$(BIN)/python tools/pdf.py $(BUILD)

# The single-page build behind the book's PDF, remade when a page of the HTML book has changed
# (Sphinx leaves unchanged pages untouched; the single page it always rewrites, in some 12 s).
ROOT_DOC := $(shell sed -n 's/^root: *//p' _toc.yml)
SINGLE_PAGE := $(BUILD)/singlehtml/$(ROOT_DOC).html
$(SINGLE_PAGE): $(wildcard $(BUILD)/html/notebooks/*.html $(BUILD)/html/book/*.html)
	$(BIN)/jupyter-book build . --builder custom --custom-builder singlehtml $(JB_FLAGS)

# The chapters' MyST sources (notebooks/*.md) are what people edit; each is paired with the
# notebook that keeps its committed outputs. `make sync` carries an edit of either into the other
# (jupytext), keeping the notebook's outputs and cell ids.
sync: $(STAMP)
	$(BIN)/jupytext --quiet --sync $(CHAPTERS)

# ruff (lint and format check) on the package, the extension, the tools, the tests and the
# chapters' code.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Every test: lint; data, package and notebooks (nbval, strict, figures compared too; two
# workers, each notebook kept whole) first; then the book (from the cache nbval's verified
# outputs seed, so no notebook runs twice) with its PDFs, and the built pages (HTML checks, cache
# behaviour, reproducibility, PDF, and every page in headless Chromium).
test: $(STAMP) system-packages lint
	$(BIN)/python -m pytest -p no:cacheprovider -v -n 2 --dist loadfile \
		tests/ --ignore=tests/site --ignore=tests/browser --nbval notebooks --nbval-current-env
	$(BIN)/python tools/execute.py --seed
	$(MAKE) --no-print-directory book
	$(BIN)/python -m pytest -p no:cacheprovider -v tests/site tests/browser --built $(BUILD)

# Re-run notebooks top to bottom in a fresh kernel and save their outputs, to commit them:
# `make notebooks` (all) or `make notebooks NB=notebooks/07-afghan-drugs.ipynb`. The MyST
# sources are synced first, so an edit there is what runs. No timing metadata is recorded, so a
# re-run that changes nothing changes no byte.
NB ?= notebooks/*.ipynb
notebooks: sync
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False $(NB)
	$(BIN)/python tools/strip_notebooks.py $(NB) || true

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

bench: $(STAMP)
	$(BIN)/python tools/bench.py

# Lighthouse (npm lighthouse@12.2.3, installed into _build/tools) on every page, beside the
# stock sample book; prints a table. A benchmark, not a test.
audit: book system-packages
	$(BIN)/python tools/audit.py

clean:
	rm -rf $(BUILD)
