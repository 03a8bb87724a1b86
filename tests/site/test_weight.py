"""Every page is light and self-contained: no script, style, font or image from another host,
and no page, with everything it loads, over the weight budget. Weight is counted as it is
transferred by an ordinary static host: text (HTML, CSS, JS, SVG) gzip-compressed, images as
they are; the uncompressed total is held to a looser ceiling too."""

import gzip
import re
from pathlib import Path
from urllib.parse import urlparse

# Issue 14's target is at most 500 KiB transferred per page. On 2 December 2026, after the
# stylesheet bundle lost the rules nothing on the site matches (87 to 29 KiB gzipped), the
# heaviest page was chapter 09 (338 KiB transferred, 732 KiB uncompressed: its twenty-year
# timeline is a tall 2x PNG of 172 KiB), then chapters 04 and 06 (271 and 270 KiB): the budget
# is the heaviest with a little to spare, so a page that grows by a figure or a script fails
# here and the budget is raised deliberately, if at all, and never above the target.
BUDGET_KIB = 360  # transferred
UNCOMPRESSED_CEILING_KIB = 800
TEXT = (".html", ".css", ".js", ".svg", ".json")
ASSET = re.compile(r'<(script|img|link|source|iframe)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>', re.I)
CSS_URL = re.compile(r"url\(['\"]?([^'\")]+)['\"]?\)")


def assets(page: Path) -> list[tuple[str, str]]:
    """(tag, url) of what the page loads: scripts, images, stylesheets, preloads, icons."""
    found = []
    for m in ASSET.finditer(page.read_text(encoding="utf-8")):
        tag, url = m.group(1).lower(), m.group(2)
        if tag == "link" and not re.search(r'rel="(stylesheet|preload|icon|shortcut icon|modulepreload)"', m.group(0)):
            continue
        found.append((tag, url))
    return found


def is_foreign(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) or url.startswith("//")


def local_file(page: Path, url: str) -> Path:
    return (page.parent / urlparse(url).path).resolve()


def test_no_page_loads_anything_from_another_host(page_path, html):
    page = html / page_path
    foreign = [url for _, url in assets(page) if is_foreign(url)]
    assert foreign == [], f"{page_path} loads third-party assets: {foreign}"
    for _, url in assets(page):
        if url.split("?")[0].endswith(".css"):
            css = local_file(page, url).read_text(encoding="utf-8", errors="replace")
            remote = [u for u in CSS_URL.findall(css) if is_foreign(u)]
            assert remote == [], f"{url} pulls {remote}"


def test_page_weight_within_budget(page_path, html):
    page = html / page_path
    files = {page.resolve()} | {local_file(page, url) for _, url in assets(page)}
    missing = [str(f) for f in files if not f.exists()]
    assert missing == [], f"{page_path} refers to missing files: {missing}"
    raw = sum(f.stat().st_size for f in files) / 1024
    sent = sum(transferred_bytes(f) for f in files) / 1024
    assert sent < BUDGET_KIB, f"{page_path}: {sent:.0f} KiB transferred > {BUDGET_KIB} KiB"
    assert raw < UNCOMPRESSED_CEILING_KIB, f"{page_path}: {raw:.0f} KiB uncompressed > {UNCOMPRESSED_CEILING_KIB} KiB"


def transferred_bytes(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if path.suffix in TEXT else len(data)


def test_one_stylesheet_per_page_and_no_search_index_outside_the_search_page(page_path, html):
    """The page's stylesheets are bundled into one file (maturing_book.pages), which exists; the
    search tools and the search index load on the search page only (inline search is off)."""
    page = html / page_path
    sheets = [url for tag, url in assets(page) if tag == "link" and url.split("?")[0].endswith(".css")]
    if 'http-equiv="Refresh"' in page.read_text(encoding="utf-8"):
        assert assets(page) == [], f"{page_path} is a redirect and should load nothing"
        return
    assert len(sheets) == 1 and "/bundle-" in sheets[0], f"{page_path} links {sheets}"
    assert local_file(page, sheets[0]).is_file()
    search = [url for tag, url in assets(page) if tag == "script" and re.search(r"searchindex|searchtools", url)]
    if page_path == "search.html":
        assert len(search) == 2, search
    else:
        assert search == [], f"{page_path} loads the search index: {search}"


def test_no_stylesheet_bundle_is_left_unlinked(html):
    """Bundles of earlier builds are deleted: an in-place rebuild leaves what a clean build does."""
    linked = {
        local_file(page, url)
        for page in html.rglob("*.html")
        if "_static" not in page.parts
        for tag, url in assets(page)
        if "/bundle-" in url
    }
    assert linked and {p.resolve() for p in (html / "_static" / "styles").glob("bundle-*.css")} == linked
