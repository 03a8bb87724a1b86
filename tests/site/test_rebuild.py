"""Rebuilding in place: the execution cache runs exactly the chapters whose inputs changed, and the
site an in-place rebuild leaves is the site a clean build writes, byte for byte.

Runs the reader's real `make book` in the checkout (and once `jupyter-book build` alone: the
Sphinx extension must catch stale data by itself). What ran is read from the execution cache's
records (a chapter executed is a new record), not from the log. Each test starts from a book
built from the checkout as it is and leaves the data as it found them, so the tests do not
depend on their order; the module ends with the book rebuilt from the restored data."""

import subprocess
import sys
from pathlib import Path

import pytest
from jupyter_cache import get_cache

import tests.support.site_files as site_files
from maturing.chapter import declaration
from maturing_book import cache as cachestate
from maturing_book.chapters import toc_notebooks

ROOT = Path(__file__).resolve().parents[2]
JB = Path(sys.executable).parent / "jupyter-book"
MAKE_BOOK = ["make", "--no-print-directory", "book"]
JB_BUILD = [str(JB), "build", str(ROOT), "-W", "-n", "--keep-going"]
OPIUM = ROOT / "data" / "opium_afghanistan.csv"


def build(command=MAKE_BOOK) -> str:
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return run.stdout + run.stderr


def cache_records() -> dict[str, tuple]:
    """Chapter -> (record id, hash of its code, time it was cached) of each notebook in the
    execution cache (a record dropped and made again may get back its id and its hash)."""
    cache = get_cache(cachestate.CACHE_DIR)
    return {Path(r.uri).stem: (r.pk, r.hashkey, r.created) for r in cache.list_cache_records()}


def executed(before: dict, after: dict) -> list[str]:
    """Chapters whose cache record is new: they were executed (by execute.py or by myst-nb)."""
    return sorted(stem for stem, record in after.items() if before.get(stem) != record)


def readers_of(table: str) -> list[str]:
    return sorted(p.stem for p in toc_notebooks().values() if table in declaration(p).tables)


digests, differences = site_files.digests, site_files.differences


@pytest.fixture(scope="module", autouse=True)
def rebuilt_from_the_checkout_at_the_end(html):
    yield
    build()


@pytest.fixture
def fresh_book(html):
    """The book built from the checkout as it is, whatever ran before."""
    build()
    return html


@pytest.fixture
def opium_csv():
    """The drug chapter's table, restored after the test however it ends."""
    original = OPIUM.read_bytes()
    yield original
    OPIUM.write_bytes(original)


def test_the_edited_table_is_read_by_one_chapter():
    assert readers_of("opium_afghanistan") == ["07-afghan-drugs"]


def test_noop_rebuild_executes_nothing(fresh_book):
    before = cache_records()
    build()
    assert executed(before, cache_records()) == []


def test_editing_a_csv_reexecutes_only_the_chapters_that_read_it(fresh_book, opium_csv):
    before = cache_records()
    OPIUM.write_bytes(opium_csv.replace(b"\n", b"\r\n"))  # same data, different bytes
    log = build()
    assert executed(before, cache_records()) == readers_of("opium_afghanistan")
    assert "notebooks/07-afghan-drugs: data or helper code changed" in log


def test_restoring_the_csv_reexecutes_it_once_more_then_nothing(fresh_book, opium_csv):
    OPIUM.write_bytes(opium_csv.replace(b"\n", b"\r\n"))
    build()
    OPIUM.write_bytes(opium_csv)
    before = cache_records()
    build()
    after = cache_records()
    assert executed(before, after) == readers_of("opium_afghanistan")
    build()
    assert executed(after, cache_records()) == []


def test_sphinx_alone_catches_an_edited_csv(fresh_book, opium_csv):
    before = cache_records()
    OPIUM.write_bytes(opium_csv.replace(b"\n", b"\r\n"))
    build(JB_BUILD)
    assert executed(before, cache_records()) == readers_of("opium_afghanistan")


def test_in_place_rebuild_after_a_data_edit_equals_a_clean_build(fresh_book, opium_csv, tmp_path):
    """A value behind a figure changes: the chapter runs again, its figure is a new image. The
    site rebuilt in place must be, file for file, what a clean build of the same checkout writes
    (the clean build takes the chapters from the same cache: this compares the building, and
    test_reproducible the execution)."""
    old = digests(fresh_book)
    OPIUM.write_bytes(opium_csv.replace(b"1997,production,2800,", b"1997,production,2900,"))  # in fig-opium-series
    assert OPIUM.read_bytes() != opium_csv
    build()
    in_place = digests(fresh_book)
    changed_images = [n for n in differences(old, in_place) if n.startswith("_images/")]
    assert changed_images, "the edit should change a figure, or this test exercises nothing"
    clean = tmp_path / "clean"
    build([str(JB), "build", str(ROOT), "--path-output", str(clean), "-W", "-n", "--keep-going"])
    # the PDFs are printed afterwards from these pages by `make pdf` (part of `make book`, not of
    # `jupyter-book build`); everything Sphinx writes must be the same
    printed = [n for n in in_place if n.startswith("pdf/")]
    assert printed, "make book prints the PDFs into the site"
    in_place = {n: d for n, d in in_place.items() if n not in printed}
    assert differences(in_place, digests(clean / "_build" / "html")) == []
    assert len(in_place) > 100
