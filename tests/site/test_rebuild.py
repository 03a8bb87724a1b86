"""The execution cache: a rebuild with nothing changed executes nothing; editing a CSV a
chapter reads re-executes exactly that chapter. Runs the reader's real `make book` in place,
and once `jupyter-book build` alone (the Sphinx extension must catch stale data by itself)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JB = Path(sys.executable).parent / "jupyter-book"
MAKE_BOOK = ["make", "--no-print-directory", "book"]
JB_BUILD = [str(JB), "build", str(ROOT), "-W", "-n", "--keep-going"]


def build(command=MAKE_BOOK) -> str:
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return run.stdout + run.stderr


def executed(log: str) -> list[str]:
    """Chapters executed, by execute.py (in parallel) or by myst-nb during the Sphinx read."""
    parallel = [
        n
        for line in re.findall(r"executing \d+ chapter\(s\) in parallel: (.*)", log)
        for n in re.findall(r"notebooks/([\w-]+)", line)
    ]
    return sorted(set(parallel) | set(re.findall(r"([\w-]+)\.ipynb: Executing notebook", log)))


@pytest.fixture
def edited_csv():
    path = ROOT / "data" / "opium_afghanistan.csv"
    original = path.read_bytes()
    path.write_bytes(original.replace(b"\n", b"\r\n"))  # same data, different bytes
    yield path
    path.write_bytes(original)


def test_noop_rebuild_executes_nothing(html):
    assert executed(build()) == []


def test_editing_a_csv_reexecutes_only_the_chapters_that_read_it(html, edited_csv):
    log = build()
    assert executed(log) == ["06-afghan-drugs"]
    assert "[maturing] notebooks/06-afghan-drugs: data or helper code changed" in log


def test_restoring_the_csv_leaves_a_consistent_cache(html):
    # the fixture above restored the file: the chapter runs again, then the cache is quiet
    assert executed(build()) == ["06-afghan-drugs"]
    assert executed(build()) == []


def test_sphinx_alone_catches_an_edited_csv(html, edited_csv):
    log = build(JB_BUILD)
    assert executed(log) == ["06-afghan-drugs"]
    assert "[maturing] notebooks/06-afghan-drugs: data or helper code changed" in log
