"""A local HTTP server on the built book and a Debian Chromium driven by Playwright."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tools.serve import serve

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="session")
def site(html):
    with serve(html) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def shots(html) -> Path:
    folder = html.parent / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def contexts(browser):
    """A browser context for each screen and colour scheme (tests/browser/screens.py)."""
    from .screens import SCHEMES, SCREENS

    made = {
        (screen, scheme): browser.new_context(color_scheme=scheme, **options)
        for screen, options in SCREENS.items()
        for scheme in SCHEMES
    }
    yield made
    for context in made.values():
        context.close()
