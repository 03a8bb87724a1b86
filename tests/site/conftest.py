from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def html(pytestconfig) -> Path:
    root = Path(pytestconfig.getoption("--built")) / "html"
    if not (root / "index.html").exists():
        pytest.fail(f"no built book at {root}: run `make book` first")
    return root
