# Maturing Partnership, Measured: build, test and benchmark the book.
# `make book` and `make test` do all set-up on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := _build
JB_FLAGS := -W -n --keep-going

.PHONY: book pdf test lab bench audit clean venv system-packages notebooks

venv: $(STAMP)

# (Re)create the virtual environment whenever requirements.txt or the package metadata change.
$(STAMP): requirements.txt pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet --require-virtualenv --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/python book/_ext/execute.py
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo "Book built: open $(BUILD)/html/index.html"

# Debian's Chromium and poppler-utils, for the PDF and the browser tests (apt-get, as root).
system-packages:
	bash tests/browser/install-system-packages.sh

pdf: $(STAMP) system-packages
	$(BIN)/jupyter-book build . --builder custom --custom-builder singlehtml $(JB_FLAGS)
	$(BIN)/python book/_ext/pdf.py $(BUILD)/singlehtml $(BUILD)/pdf/book.pdf
	@echo "PDF: $(BUILD)/pdf/book.pdf"

# Every test: data, package and notebooks (nbval, strict, figures compared too; two workers,
# each notebook kept whole) first; then the book (from the cache nbval's verified outputs seed,
# so no notebook runs twice), its PDF, and the built pages (HTML checks, cache behaviour,
# reproducibility, PDF, and every page in headless Chromium).
test: $(STAMP) system-packages
	$(BIN)/python -m pytest -p no:cacheprovider -v -n 2 --dist loadfile \
		tests/ --ignore=tests/site --ignore=tests/browser --nbval notebooks --nbval-current-env
	$(BIN)/python book/_ext/execute.py --seed
	$(MAKE) --no-print-directory book
	$(MAKE) --no-print-directory pdf
	$(BIN)/python -m pytest -p no:cacheprovider -v tests/site tests/browser --built $(BUILD)

# Re-run notebooks top to bottom in a fresh kernel and save their outputs, to commit them:
# `make notebooks` (all) or `make notebooks NB=notebooks/06-afghan-drugs.ipynb`. No timing
# metadata is recorded, so a re-run that changes nothing changes no byte.
NB ?= notebooks/*.ipynb
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False $(NB)
	$(BIN)/python -c 'import sys, nbformat; [nbformat.write(nb, p) for p in sys.argv[1:] for nb in [nbformat.read(p, as_version=4)] if [c.metadata.pop("execution", None) for c in nb.cells]]' $(NB)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

bench: $(STAMP)
	$(BIN)/python tests/bench.py

# Lighthouse (npm lighthouse@12.2.3, installed into _build/tools) on every page, beside the
# stock sample book; prints a table. A benchmark, not a test.
audit: book system-packages
	$(BIN)/python tests/audit.py

clean:
	rm -rf $(BUILD)
