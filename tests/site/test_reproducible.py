"""A clean build that executes every chapter afresh gives the book under test, byte for byte:
every file of the site, pages, figure images, search index, downloads and _static alike.

The fresh build is a plain `jupyter-book build` into an empty folder, run from that folder, so
that the execution cache (a path relative to where the build runs) starts empty there and
myst-nb executes every chapter itself. The book under test (`--built`) was built by `make book`
from the shared cache, often in place: so this also shows that the cached outputs and an in-place
build are what a fresh, clean run writes."""

import subprocess
import sys
from pathlib import Path

from jupyter_cache import get_cache

import tests.support.site_files as site_files

ROOT = Path(__file__).resolve().parents[2]
JB = Path(sys.executable).parent / "jupyter-book"


digests = site_files.digests


def fresh_build(into: Path) -> tuple[Path, str]:
    into.mkdir()
    run = subprocess.run(
        [str(JB), "build", str(ROOT), "--path-output", str(into), "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        cwd=into,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return into / "_build" / "html", run.stdout + run.stderr


def test_a_fresh_execution_and_clean_build_equals_the_book(html, tmp_path):
    fresh, _log = fresh_build(tmp_path / "fresh")
    executed = get_cache(tmp_path / "fresh" / "_build" / ".jupyter_cache").list_cache_records()
    chapters = {p.resolve() for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert {Path(r.uri).resolve() for r in executed} == chapters, "every chapter must run afresh, here"
    book, again = digests(html), digests(fresh)
    # the PDFs are printed from these pages by `make pdf` after Sphinx has written them; they are
    # not part of a plain `jupyter-book build` (tests/site/test_pdf.py reads them)
    printed = [name for name in book if name.startswith("pdf/")]
    assert printed, "make book prints the PDFs into the site"
    book = {name: digest for name, digest in book.items() if name not in printed}
    assert book.keys() == again.keys(), f"different files: {sorted(book.keys() ^ again.keys())}"
    assert [name for name in book if book[name] != again[name]] == []
    assert any(name.startswith("_static/") for name in book) and any(name.startswith("_images/") for name in book)
