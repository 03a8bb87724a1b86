"""Every built page as a reader meets it, in headless Chromium: it loads with no console error,
asks no other host for anything, shows its images, passes an axe-core audit, and the search and
the navigation work. Screenshots of each page are written to _build/screenshots/."""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"critical", "serious"}


def visit(browser, url: str, screenshot: Path | None = None):
    """Open url; return (page, console errors and failed or 4xx/5xx requests, requests to other hosts)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, foreign = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    local = urlparse(url).netloc

    def guard(route):
        if urlparse(route.request.url).netloc not in (local, ""):
            foreign.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", guard)
    page.goto(url, wait_until="networkidle")
    # read the page to its end, as a reader scrolling would: the figures are lazy-loaded, and a
    # section is laid out as it nears the screen (then keeps its height), so what axe checks
    # below sits where a reader finds it
    page.evaluate("""async () => {
        const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
            window.scrollTo(0, y);
            await frame();
        }
        for (const img of Array.from(document.images)) {
            img.scrollIntoView();
            await img.decode().catch(() => {});
        }
        window.scrollTo(0, 0);
        await frame();
    }""")
    page.wait_for_load_state("networkidle")
    if screenshot:
        page.screenshot(path=str(screenshot), full_page=True)
    return page, errors, foreign


def test_page_loads_clean_offline_and_accessible(browser, site, shots, page_path):
    shot = shots / (page_path.replace("/", "__") + ".png")
    page, errors, foreign = visit(browser, f"{site}/{page_path}", shot)
    try:
        assert foreign == [], f"requests to other hosts: {foreign}"
        assert errors == [], f"console errors: {errors}"
        broken = page.eval_on_selector_all(
            "img", "imgs => imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
        )
        assert broken == [], f"images that did not load: {broken}"
        missing_alt = page.eval_on_selector_all(
            "main img", "imgs => imgs.filter(i => !(i.getAttribute('alt') || '').trim()).map(i => i.src)"
        )
        assert missing_alt == [], f"images without alt text: {missing_alt}"
        results = Axe().run(page)
        serious = [
            (v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"] if v["impact"] in SERIOUS
        ]
        assert serious == [], f"axe violations (critical/serious): {serious}"
    finally:
        page.close()


@pytest.mark.parametrize("word", ["Kaliningrad", "opium"])
def test_search_finds_chapters(browser, site, word):
    page, errors, _ = visit(browser, f"{site}/search.html?q={word}")
    try:
        page.wait_for_selector("#search-results ul.search li", timeout=15000)
        hits = page.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.href)")
        assert any("notebooks/" in h for h in hits), hits
        assert errors == []
    finally:
        page.close()


def test_navigation_reaches_every_chapter(browser, site, html):
    chapters = {f"notebooks/{p.name}" for p in (html / "notebooks").glob("*.html")}
    page, _, _ = visit(browser, f"{site}/index.html")
    try:
        links = page.eval_on_selector_all("nav.bd-docs-nav a", "as => as.map(a => a.href)")
        reached = {urlparse(h).path.lstrip("/") for h in links}
        assert chapters <= reached, f"not in the navigation: {chapters - reached}"
    finally:
        page.close()
