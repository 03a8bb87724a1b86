"""The 5,000 t experiment, on the real chapter: in a temporary copy of the package, the data and
chapter 07, UNODC's 2005 opium estimate is set to 5,000 t. By the article's own ratio of ten
that makes its 500 t heroin projection exact, so the ledger's verdict no longer follows from the
data and executing the chapter must stop, naming the claim, both values and the rule."""

import csv
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "07-afghan-drugs"


def copy_of_the_chapter(tmp_path: Path) -> Path:
    for folder in ("maturing", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "notebooks").mkdir()
    shutil.copy2(ROOT / "notebooks" / f"{CHAPTER}.ipynb", tmp_path / "notebooks")
    return tmp_path


def set_opium_2005(data: Path, tonnes: int) -> int:
    """Every 2005 production estimate in the copy set to ``tonnes``; returns how many rows changed."""
    path = data / "opium_afghanistan.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    changed = 0
    for row in rows:
        if row["year"] == "2005" and row["measure"] == "production":
            row["value"] = str(tonnes)
            changed += 1
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return changed


def execute(copy: Path, monkeypatch) -> None:
    # the kernel imports the copy's maturing (ahead of the editable install) and reads its data
    monkeypatch.setenv("PYTHONPATH", str(copy))
    notebook = nbformat.read(copy / "notebooks" / f"{CHAPTER}.ipynb", as_version=4)
    NotebookClient(notebook, timeout=120, resources={"metadata": {"path": str(copy / "notebooks")}}).execute()


def test_setting_the_2005_estimate_to_5000_t_stops_the_chapter(tmp_path, monkeypatch):
    copy = copy_of_the_chapter(tmp_path)
    assert set_opium_2005(copy / "data", 5000) >= 1
    with pytest.raises(CellExecutionError) as error:
        execute(copy, monkeypatch)
    message = str(error.value)
    assert "VerdictMismatch" in message
    assert "heroin-2005 (number rule)" in message
    assert "the data give 500" in message
    assert "rule number gives 'confirmed'" in message
