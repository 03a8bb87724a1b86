"""The theme's repository button follows one setting, ``repository.url`` in _config.yml: set, every
page links the repository (with its logo drawn inline, as the book's other icons); empty (the
book's default, tested on the built book in tests/site/test_archive.py), there is no button."""

import subprocess
import sys
from pathlib import Path

import yaml

JB = Path(sys.executable).parent / "jupyter-book"
# An address under the reserved top-level domain .example (RFC 2606): it can never be a real one.
ADDRESS = "https://github.example/some-team/some-book"


def tiny_book(folder: Path, url: str) -> Path:
    folder.mkdir()
    config = {
        "title": "A tiny book",
        "execute": {"execute_notebooks": "off"},
        "repository": {"url": url, "branch": "main"},
        "html": {"use_repository_button": False},
        "sphinx": {"extra_extensions": ["maturing_book"]},
    }
    (folder / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: intro\n", encoding="utf-8")
    (folder / "intro.md").write_text("# A tiny book\n\nOne page.\n", encoding="utf-8")
    return folder


def build(book: Path) -> str:
    run = subprocess.run([str(JB), "build", str(book), "-W", "-n"], capture_output=True, text=True, cwd=book)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return (book / "_build" / "html" / "intro.html").read_text(encoding="utf-8")


def test_repository_url_shows_the_repository_button(tmp_path):
    page = build(tiny_book(tmp_path / "book", ADDRESS))
    assert f'href="{ADDRESS}"' in page
    assert "btn-source-repository-button" in page
    assert "fa-github" not in page, "the logo is drawn inline, without the icon font"
