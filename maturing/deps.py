"""What a chapter's outputs depend on besides its own code cells.

jupyter-cache keys a notebook by its code alone, so editing a CSV or this
package would leave stale outputs in the cache. A chapter's *fingerprint*
hashes everything its outputs depend on: the CSV files of the resources its
code names, the data package descriptor, the sources table, the article, this
package's source, the map geometry and requirements.txt. The book's Sphinx extension
(``book/_ext/maturing_book.py``) re-executes a chapter whose fingerprint moved.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .paths import ARTICLE, DATA_DIR, ROOT

PACKAGE_DIR = Path(__file__).resolve().parent
ALWAYS = ("datapackage.json", "sources.csv")


def _resources(datapackage: Path) -> dict[str, str]:
    descriptor = json.loads(datapackage.read_text(encoding="utf-8"))
    return {r["name"]: r["path"] for r in descriptor["resources"]}


def code_of(notebook: Path) -> str:
    """All code cells of a notebook, joined."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def resources_used(notebook: Path, data_dir: Path = DATA_DIR) -> list[str]:
    """Data-package resources whose name the notebook's code spells as a string."""
    code = code_of(notebook)
    return sorted(
        name
        for name in _resources(data_dir / "datapackage.json")
        if re.search(rf"""["']{re.escape(name)}["']""", code)
    )


def dependencies(notebook: Path, data_dir: Path = DATA_DIR) -> list[Path]:
    """Every file, besides the notebook itself, that its outputs depend on."""
    paths = _resources(data_dir / "datapackage.json")
    files = {data_dir / name for name in ALWAYS}
    files |= {data_dir / paths[name] for name in resources_used(notebook, data_dir)}
    files |= set(PACKAGE_DIR.glob("*.py"))
    files |= set((data_dir / "geo").glob("*.geojson"))
    files |= {ARTICLE, ROOT / "requirements.txt"}
    return sorted(files)


def fingerprint(notebook: Path, data_dir: Path = DATA_DIR) -> str:
    """SHA-256 over the names and contents of the notebook's dependencies."""
    digest = hashlib.sha256()
    for path in dependencies(notebook, data_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()
