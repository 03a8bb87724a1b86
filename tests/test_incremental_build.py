"""An in-place Sphinx rebuild writes what a clean build writes, with the book's rebuild handlers
(maturing_book.rebuild), on a small project that has what the book has: a glossary (index
entries), a figure image and a download. Each change is built in place and compared, file by
file, with a clean build of the same sources; without the handlers each case differs."""

import io
import os
import shutil
import time
from pathlib import Path

import pytest
from sphinx.application import Sphinx

import tests.support.site_files as site_files

CONF = """
from maturing_book import rebuild

html_theme = "basic"


def setup(app):
    app.connect("env-get-outdated", rebuild.forget_removed_pages)
    app.connect("env-updated", rebuild.write_every_page)
    app.connect("build-finished", rebuild.prune_stale_outputs)
"""
INDEX = "Book\n====\n\n.. toctree::\n\n   terms\n   {chapter}\n"
TERMS = "Terms\n=====\n\n.. glossary::\n\n   NRC\n      NATO-Russia Council.\n\n   PfP\n      Partnership for Peace.\n"
CHAPTER = "Chapter\n=======\n\n{words}\n\n.. image:: {image}\n\n:download:`the data <table.csv>`\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
)


def write(src: Path, name: str, text: str) -> None:
    path = src / name
    path.write_text(text, encoding="utf-8")
    later = time.time() + 2  # Sphinx compares modification times: make the edit unmistakable
    os.utime(path, (later, later))


def project(src: Path) -> Path:
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "table.csv").write_text("year,value\n2005,1\n", encoding="utf-8")
    (src / "one.png").write_bytes(PNG)
    (src / "two.png").write_bytes(PNG + b"\0")
    write(src, "index.rst", INDEX.format(chapter="chapter"))
    write(src, "terms.rst", TERMS)
    write(src, "chapter.rst", CHAPTER.format(words="First words.", image="one.png"))
    return src


def build(src: Path, out: Path) -> dict[str, str]:
    app = Sphinx(
        str(src), str(src), str(out / "html"), str(out / "doctrees"), "html", status=None, warning=io.StringIO()
    )
    app.build()
    assert app.statuscode == 0
    return site_files.digests(out / "html")


differences = site_files.differences


@pytest.fixture
def book(tmp_path):
    src = project(tmp_path / "src")
    build(src, tmp_path / "in-place")
    return src


def clean_build(src: Path, tmp_path: Path) -> dict[str, str]:
    fresh = tmp_path / f"clean-{time.monotonic_ns()}"
    return build(src, fresh)


def test_editing_another_page_keeps_the_glossary_in_the_search_index(book, tmp_path):
    write(book, "chapter.rst", CHAPTER.format(words="Other words.", image="one.png"))
    in_place = build(book, tmp_path / "in-place")
    assert differences(in_place, clean_build(book, tmp_path)) == []
    index = (tmp_path / "in-place" / "html" / "searchindex.js").read_text()
    assert '"nrc"' in index and '"pfp"' in index


def test_a_word_no_page_has_any_more_leaves_the_search_index(book, tmp_path):
    write(book, "chapter.rst", CHAPTER.format(words="Zanzibar.", image="one.png"))
    build(book, tmp_path / "in-place")
    write(book, "chapter.rst", CHAPTER.format(words="Other words.", image="one.png"))
    in_place = build(book, tmp_path / "in-place")
    assert "zanzibar" not in (tmp_path / "in-place" / "html" / "searchindex.js").read_text()
    assert differences(in_place, clean_build(book, tmp_path)) == []


def test_a_replaced_figure_leaves_no_old_image(book, tmp_path):
    write(book, "chapter.rst", CHAPTER.format(words="First words.", image="two.png"))
    in_place = build(book, tmp_path / "in-place")
    assert [n for n in in_place if n.startswith("_images/")] == ["_images/two.png"]
    assert differences(in_place, clean_build(book, tmp_path)) == []


def test_a_removed_page_and_its_download_are_gone(book, tmp_path):
    write(book, "index.rst", INDEX.format(chapter=""))
    (book / "chapter.rst").unlink()
    in_place = build(book, tmp_path / "in-place")
    assert "chapter.html" not in in_place and not any(n.startswith("_downloads/") for n in in_place)
    assert differences(in_place, clean_build(book, tmp_path)) == []


def test_without_the_handlers_sphinx_drifts(book, tmp_path):
    """The causes are Sphinx's, not the test's: the same edit without the handlers differs."""
    (book / "conf.py").write_text('html_theme = "basic"\n', encoding="utf-8")
    shutil.rmtree(tmp_path / "in-place")
    build(book, tmp_path / "in-place")
    write(book, "chapter.rst", CHAPTER.format(words="Other words.", image="two.png"))
    in_place = build(book, tmp_path / "in-place")
    assert {"searchindex.js", "_images/one.png"} <= set(differences(in_place, clean_build(book, tmp_path)))
