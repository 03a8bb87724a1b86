"""Print the single-page HTML build to one PDF with numbered pages, in headless Chromium.

    python tools/pdf.py _build/singlehtml _build/pdf/book.pdf

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; nothing is downloaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#444;">'
    '<span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)
PRINT_CSS = """
  .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header, .bd-footer, .header-article,
  .prev-next-area, .cell_input, details.hide, .toggle-details, .tag_hide-input .cell_input,
  button, .headerlink { display: none !important; }
  .bd-main .bd-content .bd-article-container { max-width: 100% !important; }
  figure img { max-width: 100% !important; page-break-inside: avoid; }
  h1, h2 { page-break-after: avoid; }
"""


ROOT_DOC = "book/intro.html"


def page_at_root(singlehtml: Path) -> Path:
    """Sphinx's single page of a book whose root document sits in a folder links its assets
    as if it stood at the top of the build: put a copy there so the links resolve."""
    copy = singlehtml / "print.html"
    copy.write_text((singlehtml / ROOT_DOC).read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def print_pdf(singlehtml: Path, pdf: Path) -> None:
    html = page_at_root(singlehtml)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(html.resolve().as_uri(), wait_until="networkidle")
        page.add_style_tag(content=PRINT_CSS)
        page.emulate_media(media="print")
        page.pdf(
            path=str(pdf),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<div></div>",
            footer_template=FOOTER,
            margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        )
        browser.close()


if __name__ == "__main__":
    print_pdf(Path(sys.argv[1]), Path(sys.argv[2]))
