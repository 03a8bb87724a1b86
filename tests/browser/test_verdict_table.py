"""The verdict table's markup (tests/fixtures/browser/verdict-table.html, the markup the chapters
render from the ledger), set into a built chapter page with the book's own stylesheet: on a
phone each claim is a card with its verdict badge first, on every screen the badge is on the
screen, and every badge's word has AA contrast (4.5:1) in light and dark mode."""

from pathlib import Path

import pytest

from maturing.tables import wrap

from .screens import SCHEMES, SCREENS, open_page

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "browser" / "verdict-table.html"
PAGE = "notebooks/05-kaliningrad.html"
CARDS_BELOW = 960  # px (60em): maturing.css lays verdict rows out as cards below this width

INSERT = """html => {
    const holder = document.createElement("section");
    holder.id = "fixture";
    holder.innerHTML = html;
    document.querySelector("main article").prepend(holder);
    holder.scrollIntoView();
}"""

LAYOUT = """() => [...document.querySelectorAll("#fixture tbody tr")].map(tr => {
    const badge = tr.querySelector(".verdict-badge");
    const b = badge.getBoundingClientRect();
    const verdict = tr.children[0].getBoundingClientRect();
    const cells = [...tr.children].slice(1).map(td => td.getBoundingClientRect());
    const card = getComputedStyle(tr).display === "block";
    const colour = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const style = getComputedStyle(badge);
    return {
        word: badge.textContent.trim(),
        card: card,
        // a card: the verdict above every other cell; a table row: left of every other cell
        first: cells.every(c => card ? verdict.bottom <= c.top + 1 : verdict.right <= c.left + 1),
        inside: b.left >= 0 && b.right <= innerWidth + 1 && b.width > 0,
        fg: colour(style.color),
        bg: colour(style.backgroundColor),
        label: getComputedStyle(tr.children[1], "::before").content,
    };
})"""


def luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg) -> float:
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_verdict_badges_first_on_screen_and_readable(contexts, site, shots, screen, scheme):
    page, errors = open_page(contexts[screen, scheme], f"{site}/{PAGE}")
    try:
        page.evaluate(INSERT, wrap(FIXTURE.read_text(encoding="utf-8")))
        page.wait_for_timeout(100)
        page.locator("#fixture").screenshot(path=str(shots / f"verdict-table-{screen}-{scheme}.png"))
        rows = page.evaluate(LAYOUT)
        assert [r["word"] for r in rows] == [
            "confirmed",
            "close",
            "contradicted",
            "unverified",
            "opinion",
            "proposal",
            "prediction",
        ]
        assert all(r["inside"] for r in rows), "a verdict badge outside the screen"
        assert all(r["first"] for r in rows), "the verdict is not the first thing of its row"
        low = [(r["word"], round(contrast(r["fg"], r["bg"]), 2)) for r in rows if contrast(r["fg"], r["bg"]) < 4.5]
        assert low == [], f"badges under AA contrast: {low}"
        phone = SCREENS[screen]["viewport"]["width"] < CARDS_BELOW
        assert all(r["card"] for r in rows) == phone, "cards on a phone, a table on wide screens"
        if phone:
            assert rows[0]["label"] == '"Claim"'  # each cell under its column's name
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert errors == []
    finally:
        page.close()


SURROUNDINGS = """() => {
    const colour = s => (s.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number);
    const opaque = el => { const c = colour(getComputedStyle(el).backgroundColor); return c.length < 4 || c[3] > 0; };
    const backdrop = el => { while (el && !opaque(el)) el = el.parentElement; return el || document.documentElement; };
    const summary = document.querySelector(".verdict-summary");
    const badge = document.querySelector(".cell_output .verdict-badge");
    return {
        page: colour(getComputedStyle(backdrop(document.querySelector("main"))).backgroundColor).slice(0, 3),
        behind: colour(getComputedStyle(backdrop(summary)).backgroundColor).slice(0, 3),
        text: colour(getComputedStyle(summary).color).slice(0, 3),
        cardBehind: colour(getComputedStyle(backdrop(badge.closest("tr").parentElement)).backgroundColor).slice(0, 3),
    };
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_chapters_verdict_table_sits_on_the_page_in_both_schemes(contexts, site, scheme):
    """The table a chapter renders, where the chapter renders it (a notebook output): the theme
    shows HTML outputs on a light panel in dark mode (meant for third-party HTML); the book's own
    tables follow the page's colours, so the badges' dark-mode colours and the scroll shadows'
    covers are set against what is really behind them."""
    page, errors = open_page(contexts["phone", scheme], f"{site}/{PAGE}")
    try:
        found = page.evaluate(SURROUNDINGS)
        assert found["behind"] == found["page"], (
            f"the verdict table sits on {found['behind']}, the page is {found['page']}"
        )
        assert found["cardBehind"] == found["page"]
        assert contrast(found["text"], found["behind"]) >= 4.5
        assert errors == []
    finally:
        page.close()
