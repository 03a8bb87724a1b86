"""What makes the pages fast on a phone, checked the way a reader meets it.

- The stylesheet bundle leaves out the rules nothing on the site can match (maturing_book.purge):
  every selector it left out, taken as broadly as it could ever apply, matches no element of
  the page, on a phone and a laptop, light and dark, with the navigation or the contents open
  and a tooltip showing.
- A chapter's load lays out only what is near the screen: its sections further down are skipped
  (content-visibility, maturing.css) and no script forces their layout (the theme's tab-stop
  pass is replaced by maturing.js, maturing_book.theme_scripts). Counted by the browser, not
  timed, so the test does not depend on the machine's speed.
- What that replacement must still do: a code block that scrolls gets a tab stop once its folded
  cell is opened; a link to a section further down lands on its heading.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tinycss2

from maturing_book import pages, purge

from .screens import open_page

STYLE_PAGES = [
    "book/intro.html",
    "notebooks/04-cfe-treaty.html",
    "notebooks/05-kaliningrad.html",
    "book/sources.html",
    "book/data.html",
    "search.html",
]
BUNDLE = re.compile(r'href="([^"]*/(bundle-[0-9a-f]{16}\.css))"')
PART = re.compile(r"^/\* (\S+\.css) \*/$", re.M)


# The selectors of a stylesheet's rules (in @media and @supports blocks too).
def selectors(css: str) -> set[str]:
    found = set()

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                found.update(purge._selectors(tinycss2.serialize(rule.prelude)))
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in purge.GROUPS:
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


# A selector as a test of elements: without pseudo-elements and the pseudo-classes of a moment
# (:hover, :focus, ...), so that it matches whatever the rule could ever style.
MOMENT = re.compile(r"::?-?[a-zA-Z][\w-]*(?!\()")
KEEP = {":root", ":first-child", ":last-child", ":only-child", ":empty", ":first-of-type", ":last-of-type"}


def as_element_test(selector: str) -> str:
    test = MOMENT.sub(lambda m: m.group(0) if m.group(0) in KEEP else "", selector).strip()
    return test if test and not test.endswith((">", "+", "~")) else "*"


def full_bundle(html: Path, page_path: str) -> tuple[str, str, str]:
    """(bundle file name, the bundle as served, the unpurged stylesheet it was cut from: the
    stylesheets the bundle's part headers name, put together as maturing_book.pages does)."""
    page = (html / page_path).read_text(encoding="utf-8")
    href, name = BUNDLE.search(page).groups()
    bundle = (html / page_path).parent / href
    static = (html / "_static").resolve()
    served = bundle.read_text(encoding="utf-8")
    parts = PART.findall(served)
    assert parts, f"{name} names none of the stylesheets it bundles"
    full = "\n".join(f"/* {p} */\n{pages.css_text(static / p, bundle.parent.resolve())}" for p in parts)
    return name, served, full


CASES = [
    ("phone", "light", "as loaded"),
    ("phone", "dark", "menu open"),
    ("laptop", "light", "tooltip"),
    ("laptop", "dark", "contents open"),
]


@pytest.mark.parametrize("style_page", STYLE_PAGES)
@pytest.mark.parametrize(("screen", "scheme", "state"), CASES)
def test_no_rule_left_out_of_the_bundle_matches_anything_on_the_page(
    contexts, site, html, style_page, screen, scheme, state
):
    """Every selector purge.py left out of the page's bundle, taken as broadly as it could ever
    apply (any hover, focus or pseudo-element state), matches no element of the page: not as
    loaded, not with the menu or the in-page contents open, not with a tooltip showing (the
    search page: with its results listed)."""
    name, served, full = full_bundle(html, style_page)
    assert len(served) < 0.5 * len(full), f"{name}: nothing was purged"
    dropped = sorted(selectors(full) - selectors(served))
    tests = sorted({as_element_test(s) for s in dropped})
    url = f"{site}/{style_page}" + ("?q=Kaliningrad" if style_page == "search.html" else "")
    page, errors = open_page(contexts[(screen, scheme)], url)
    try:
        if style_page == "search.html":
            page.wait_for_selector("#search-results ul.search li", timeout=15000)
        if state == "menu open" and page.locator(".primary-toggle:visible").count():
            page.locator(".primary-toggle:visible").first.click()
            page.wait_for_function("document.getElementById('pst-primary-sidebar-modal').open", timeout=5000)
        elif state == "contents open" and page.locator(".secondary-toggle:visible").count():
            page.locator(".secondary-toggle:visible").first.click()
            page.wait_for_timeout(400)
        elif state == "tooltip":
            page.locator('[data-bs-toggle="tooltip"]:visible').first.hover()
            page.wait_for_selector(".tooltip.show", timeout=5000)
        found = page.evaluate(
            """(tests) => {
                const matched = [], invalid = [];
                for (const t of tests) {
                    try { if (document.querySelector(t)) matched.push(t); } catch (e) { invalid.push(t); }
                }
                return {matched, invalid};
            }""",
            tests,
        )
        assert found["matched"] == [], f"left out of {name} but matching on the page: {found['matched'][:10]}"
        assert len(found["invalid"]) <= 0.02 * len(tests), f"selectors the test cannot check: {found['invalid'][:10]}"
        assert errors == []
    finally:
        page.close()


def layout_metrics(context, url: str) -> dict:
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url, wait_until="load")
        page.wait_for_timeout(1500)  # the deferred scripts and the first frames after load
        return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    finally:
        page.close()


LONG_PAGES = [
    "notebooks/04-cfe-treaty.html",
    "notebooks/09-twenty-years-on.html",
    "book/sources.html",
    "book/data.html",
]


@pytest.mark.parametrize("long_page", LONG_PAGES)
def test_a_long_page_lays_out_only_what_is_near_the_screen_at_load(contexts, site, long_page):
    """On a phone, the browser builds layout for a small part of a long page at load (Chrome's
    LayoutObjects count, against the page's DOM nodes): without the skipped sections, or with a
    script that reads the layout of every block, it is most of the page (some 14,000 objects of
    15,500 nodes on chapter 04, against some 400)."""
    m = layout_metrics(contexts[("phone", "light")], f"{site}/{long_page}")
    assert m["Nodes"] > 3000, m
    assert m["LayoutObjects"] < 0.15 * m["Nodes"], (
        f"{long_page}: {m['LayoutObjects']:.0f} layout objects of {m['Nodes']:.0f} nodes at load"
    )


def test_code_that_scrolls_gets_a_tab_stop_when_its_cell_is_opened(contexts, site):
    page, errors = open_page(contexts[("phone", "light")], f"{site}/notebooks/04-cfe-treaty.html")
    try:
        folded = page.locator("details.above-input").first
        folded.scroll_into_view_if_needed()
        folded.locator("summary").first.click()
        page.wait_for_timeout(300)
        blocks = folded.locator("pre").evaluate_all(
            "ps => ps.map(p => [p.scrollWidth > p.clientWidth || p.scrollHeight > p.clientHeight, p.tabIndex])"
        )
        assert blocks and any(scrolls for scrolls, _ in blocks), f"no code block that scrolls: {blocks}"
        assert all(tab == 0 for scrolls, tab in blocks if scrolls), blocks
        assert errors == []
    finally:
        page.close()


LINKED = [
    ("notebooks/04-cfe-treaty.html", r'<section id="([^"]+)">'),
    ("book/sources.html", r'<li class="source-entry" id="([^"]+)">'),
]


@pytest.mark.parametrize("screen", ["phone", "laptop"])
@pytest.mark.parametrize(("linked_page", "anchor"), LINKED)
def test_a_link_to_a_section_further_down_lands_on_it(contexts, site, html, screen, linked_page, anchor):
    """A section three quarters down a chapter, an entry three quarters down the Sources page
    (where a chapter's source links land): what is above it is skipped until seen, and the link
    still lands on it."""
    ids = re.findall(anchor, (html / linked_page).read_text(encoding="utf-8"))
    target = ids[len(ids) * 3 // 4]
    page, errors = open_page(contexts[(screen, "light")], f"{site}/{linked_page}#{target}")
    try:
        page.wait_for_timeout(800)
        top = page.evaluate(f"document.getElementById({target!r}).getBoundingClientRect().top")
        assert -2 <= top <= 120, f"#{target} is at {top:.0f} px, not at the top of the screen"
        assert errors == []
    finally:
        page.close()
