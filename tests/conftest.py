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


def pytest_generate_tests(metafunc):
    """`page` parameters: every page of the built book a reader can open."""
    if "page_path" in metafunc.fixturenames:
        root = built_html(metafunc.config)
        found = (
            sorted(
                str(p.relative_to(root))
                for p in root.rglob("*.html")
                if not p.relative_to(root).parts[0].startswith("_") and p.name != "print.html"
            )
            if root.exists()
            else []
        )
        metafunc.parametrize("page_path", found)
