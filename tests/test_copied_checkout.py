"""A copied (or moved) checkout uses its own code and data.

A virtual environment remembers the folder it was made in: the editable install of `maturing`
points at the original folder's code, which reads the original folder's data. The Makefile
stamps the venv with the folder it belongs to and makes a new one when they differ. Here the
checkout is copied with its venv (hard links: a copy in seconds, the original untouched), the
copy's venv is shown to import the original, `make venv` runs in the copy, and the copy then
imports its own `maturing` and `maturing_book` and reads its own data, from `notebooks/`, where
a chapter's kernel starts."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import maturing, maturing_book; from maturing.data import load; "
    "print(maturing.__file__); print(maturing_book.__file__); "
    "print(load('opium_afghanistan')['value'].max())"
)


def tracked_files() -> list[str]:
    run = subprocess.run(["git", "ls-files", "-z"], capture_output=True, text=True, cwd=ROOT, check=True)
    return [name for name in run.stdout.split("\0") if name]


def probe(checkout: Path) -> list[str]:
    """What the checkout's venv imports and reads, run from its notebooks/ folder."""
    run = subprocess.run(
        [str(checkout / ".venv" / "bin" / "python"), "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=checkout / "notebooks",
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout.split()


@pytest.fixture
def copy():
    # beside the original's venv (same file system, so the venv can be hard-linked), never collected
    target = ROOT / "_build" / "copied-checkout"
    shutil.rmtree(target, ignore_errors=True)
    for name in tracked_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / ".venv", target / ".venv", symlinks=True, copy_function=os.link)
    yield target
    shutil.rmtree(target, ignore_errors=True)


def test_a_copied_checkout_imports_its_own_code_and_reads_its_own_data(copy):
    csv = copy / "data" / "opium_afghanistan.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "2024,production,999999,tonnes,2025,un-pr-1995,confirmed,x\n")
    # the copied venv still runs the original folder's code, on the original folder's data
    code, extension, largest = probe(copy)
    assert Path(code).is_relative_to(ROOT / "maturing") and float(largest) < 999999
    run = subprocess.run(["make", "--no-print-directory", "venv"], capture_output=True, text=True, cwd=copy)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert (copy / ".venv" / ".installed").read_text().strip() == str(copy)
    code, extension, largest = probe(copy)
    assert Path(code) == copy / "maturing" / "__init__.py"
    assert Path(extension) == copy / "book" / "_ext" / "maturing_book" / "__init__.py"
    assert float(largest) == 999999
    assert (ROOT / ".venv" / ".installed").read_text().strip() == str(ROOT)  # the original is untouched
