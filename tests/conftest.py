from pathlib import Path

import pytest


def pytest_addoption(parser):
    parser.addoption("--built", default="_build", help="the build folder of `make book`")


def built_html(config) -> Path:
    return Path(config.getoption("--built")) / "html"


@pytest.fixture(scope="session")
def html(pytestconfig) -> Path:
    root = built_html(pytestconfig)
    if not (root / "index.html").exists():
        pytest.fail(f"no built book at {root}: run `make book` first")
    return root


def reader_pages(root: Path) -> list[str]:
    """Every page of the built book a reader can open."""
    if not root.exists():
        return []
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*.html")
        if not p.relative_to(root).parts[0].startswith("_") and p.name != "print.html"
    )


NO_BOOK = "(no built book)"


def pytest_generate_tests(metafunc):
    """`page_path` parameters: every page of the built book a reader can open. Without a built
    book there is one parameter, which the `html` fixture fails: page tests fail, never skip."""
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", reader_pages(built_html(metafunc.config)) or [NO_BOOK])
