"""Every page as a reader meets it on a phone (390x844, touch, device scale 3), a small tablet
(800 px) and a laptop (1366 px), in light and dark mode: the menu opens and reaches every
chapter, the in-page contents open, no verdict lies outside the screen, every table that is
wider than its column shows that it scrolls, every figure's smallest text is at least 9 CSS px
(from its rendered width and the font size and pixel width its notebook output recorded) and
sharp, glued numbers read in the weight of their sentence, and nothing logs a console error. The first screen of each page, and the open menu on a
phone, are written to _build/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest

from maturing.figures import DENSITY, MIN_TEXT_PX

from .screens import SCHEMES, SCREENS, open_page

SIDEBAR_DOCKED_FROM = 992  # px: sphinx-book-theme shows the menu beside the page from this width
TOC_DOCKED_FROM = 1200  # px: and the in-page contents from this width


def press(page, locator, touch: bool) -> None:
    if touch:
        locator.tap()
    else:
        locator.click()
    page.wait_for_timeout(350)  # the themes' dialogs and sidebars animate


def chapters_reached(page, html: Path, within: str) -> set[str]:
    """The chapters (notebooks/*.html) that have a link inside ``within`` which a reader can see
    once scrolled to: displayed, and inside the screen's width."""
    hrefs = page.eval_on_selector_all(
        f"{within} a[href]",
        """links => links.filter(a => {
            a.scrollIntoView({block: "center"});
            const r = a.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth + 1;
        }).map(a => new URL(a.href).pathname)""",
    )
    return {h.lstrip("/") for h in hrefs if "/notebooks/" in h}


def all_chapters(html: Path) -> set[str]:
    return {f"notebooks/{p.name}" for p in (html / "notebooks").glob("*.html")}


VERDICT_CELLS_OUTSIDE = """() => {
    // verdict cells: the book's verdict-cell class, or a cell under a "Verdict" heading
    const cells = [...document.querySelectorAll("main td.verdict-cell")];
    for (const table of document.querySelectorAll("main table")) {
        const heads = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
        const at = heads.indexOf("Verdict");
        if (at < 0) continue;
        for (const tr of table.querySelectorAll("tbody tr")) {
            const td = tr.children[at];
            if (td && tr.children.length === heads.length && !cells.includes(td)) cells.push(td);
        }
    }
    const clipped = (el, r) => {
        for (let box = el.parentElement; box; box = box.parentElement) {
            if (getComputedStyle(box).overflowX === "visible") continue;
            const b = box.getBoundingClientRect();
            if (r.left < b.left - 1 || r.right > b.right + 1) return true;
        }
        return false;
    };
    return cells.filter(td => {
        const r = td.getBoundingClientRect();
        return r.width === 0 || r.left < 0 || r.right > innerWidth + 1 || clipped(td, r);
    }).map(td => td.textContent.trim().slice(0, 40));
}"""

TABLES_WITHOUT_CUE = """async () => {
    const problems = [];
    for (const table of document.querySelectorAll("main table")) {
        const t = table.getBoundingClientRect();
        if (t.width === 0) continue;  // folded away
        let box = table.parentElement;
        while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
        const limit = box ? box.getBoundingClientRect().right : innerWidth;
        const wider = table.scrollWidth > (box ? box.clientWidth : innerWidth) + 1 || t.right > innerWidth + 1;
        if (!wider) continue;
        // as a reader meets it: on the screen (a section is laid out, and its tables marked, as
        // it nears the screen), two frames later
        table.scrollIntoView({block: "center"});
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const cue = box && getComputedStyle(box, "::before").content;
        const ok = box && box.matches(".maturing-scroll, .pst-scrollable-table-container")
            && box.classList.contains("is-overflowing") && box.tabIndex === 0 && cue && cue !== "none"
            && limit <= innerWidth + 1;
        if (!ok) problems.push(table.querySelector("th, td")?.textContent.trim().slice(0, 40) || "(table)");
    }
    window.scrollTo(0, 0);
    return problems;
}"""

GLUED_IN_BOLD = """() => [...document.querySelectorAll("main span.pasted-text")]
    .filter(s => getComputedStyle(s).fontWeight !== getComputedStyle(s.parentElement).fontWeight)
    .map(s => s.textContent)"""

FIGURES = """() => [...document.querySelectorAll("main figure img")].map(img => ({
    src: img.getAttribute("src"),
    shown: img.getBoundingClientRect().width,
    natural: img.naturalWidth,
    width_in: parseFloat(img.dataset.widthIn),
    font_pt: parseFloat(img.dataset.minFontPt),
    pixels: parseInt(img.dataset.pixelWidth),
}))"""


def figure_problems(figures: list[dict]) -> list[str]:
    """Figures whose smallest text is under 9 CSS px as shown, or that are blurred (fewer than
    DENSITY image pixels per CSS pixel), or that carry no legibility record."""
    problems = []
    for f in figures:
        name = f["src"].rsplit("/", 1)[-1][:12]
        if not (f["width_in"] and f["font_pt"] and f["pixels"]):
            problems.append(f"{name}: no recorded width, font size and pixel width")
            continue
        text_px = f["font_pt"] / 72 * f["shown"] / f["width_in"]
        if text_px < MIN_TEXT_PX:
            problems.append(f"{name}: smallest text {text_px:.1f} CSS px at {f['shown']:.0f} px wide")
        if f["natural"] and f["natural"] != f["pixels"]:
            problems.append(f"{name}: {f['natural']} px wide, recorded {f['pixels']}")
        if f["pixels"] < DENSITY * f["shown"] - 1:
            problems.append(f"{name}: {f['pixels']} px shown {f['shown']:.0f} CSS px wide: not sharp at {DENSITY}x")
    return problems


def menu_problems(page, html: Path, width: int, touch: bool, shot: Path | None) -> list[str]:
    """What keeps the menu from opening and reaching every chapter (a dialog on narrow screens,
    docked beside the page on wide ones, where its button folds and unfolds it)."""
    toggle = page.locator(".primary-toggle:visible")
    if toggle.count() != 1:
        return [f"{toggle.count()} visible menu buttons, not one"]
    problems = []
    if width < SIDEBAR_DOCKED_FROM:
        press(page, toggle, touch)
        if not page.evaluate("document.getElementById('pst-primary-sidebar-modal').open"):
            return ["the menu did not open"]
        if shot:
            page.screenshot(path=str(shot))
        missing = all_chapters(html) - chapters_reached(page, html, "#pst-primary-sidebar-modal")
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)
    else:
        missing = all_chapters(html) - chapters_reached(page, html, "#pst-primary-sidebar")
        press(page, toggle, touch)
        if page.locator("#pst-primary-sidebar nav.bd-docs-nav").is_visible():
            problems.append("the menu did not fold")
        press(page, toggle, touch)
        if not page.locator("#pst-primary-sidebar nav.bd-docs-nav").is_visible():
            problems.append("the menu did not unfold")
    if missing:
        problems.append(f"chapters the menu does not reach: {sorted(missing)}")
    return problems


def contents_problems(page, width: int, touch: bool) -> list[str]:
    """What keeps the in-page contents from opening, on a page that has sections."""
    if not page.locator("#pst-secondary-sidebar nav.page-toc a").count():
        return []
    if width >= TOC_DOCKED_FROM:
        shown = page.locator("#pst-secondary-sidebar nav.page-toc a").first.is_visible()
        return [] if shown else ["the in-page contents are not shown"]
    contents = page.locator(".secondary-toggle:visible")
    if contents.count() != 1:
        return [f"{contents.count()} visible 'On this page' buttons, not one"]
    press(page, contents, touch)
    dialog = "#pst-secondary-sidebar-modal"
    opened = page.evaluate(f"document.querySelector('{dialog}').open")
    shown = opened and page.locator(f"{dialog} nav.page-toc a").first.is_visible()
    page.keyboard.press("Escape")
    return [] if shown else ["the in-page contents did not open"]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_page_reads_on_every_screen(contexts, site, html, shots, page_path, screen, scheme):
    """Every check runs and every problem is reported together, so that a page whose verdicts or
    figures fail still shows whether its navigation works."""
    width = SCREENS[screen]["viewport"]["width"]
    touch = SCREENS[screen].get("has_touch", False)
    name = page_path.replace("/", "__")
    page, errors = open_page(contexts[screen, scheme], f"{site}/{page_path}")
    try:
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        page.screenshot(path=str(shots / f"{screen}-{scheme}-{name}.png"))
        problems = {
            "page scrolls sideways": not page.evaluate("document.documentElement.scrollWidth <= innerWidth"),
            "verdicts outside the screen": page.evaluate(VERDICT_CELLS_OUTSIDE),
            "tables wider than their column with no scroll cue": page.evaluate(TABLES_WITHOUT_CUE),
            "figures": figure_problems(page.evaluate(FIGURES)),
            "glued numbers set apart from their sentence": page.evaluate(GLUED_IN_BOLD),
        }
        menu_shot = shots / f"menu-{screen}-{name}.png" if (screen, scheme) == ("phone", "light") else None
        problems["menu"] = menu_problems(page, html, width, touch, menu_shot)
        problems["in-page contents"] = contents_problems(page, width, touch)
        problems["console errors"] = errors
        assert {k: v for k, v in problems.items() if v} == {}
    finally:
        page.close()
