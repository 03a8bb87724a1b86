"""The book's PDFs, printed by Debian's Chromium (/usr/bin/chromium, driven by Playwright; nothing
is downloaded): one of the whole book and one per chapter, into the built site (``_build/html/pdf/``),
where each chapter page's ``citation_pdf_url`` and "How to cite" block point.

    python tools/pdf.py _build                      # every PDF
    python tools/pdf.py _build 07-afghan-drugs.pdf  # only these

Reads ``_build/print.json`` (written by the HTML build: the book, its chapters and its address),
the chapter pages of ``_build/html`` and the single-page build ``_build/singlehtml`` (the whole
book). Every PDF has:

- a title page: title, authors, version, date, licences, the web address when the book has one,
  and the reference to cite it by; contents with page numbers (printed twice: once to learn where
  each entry falls, once with the numbers); an outline (bookmarks) of the same entries;
- each chapter starting a page, labelled with its number;
- links inside the PDF where the target is in it, links to the published pages otherwise, and no
  link where the book has no address (never a ``file://`` path of the build machine);
- dates and metadata from CITATION.cff, so that the same inputs give the same bytes.

A PDF whose inputs (its page, the files the page shows, this script and its CSS and JS) have not
changed is not printed again.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import shutil
import sys
from html import escape
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import Fit

from maturing.paths import ROOT

HERE = Path(__file__).resolve().parent
PRINT_CSS = HERE / "print.css"
PREPARE_JS = HERE / "print-page.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PAGE = {"format": "A4", "margin": {"top": "16mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}}
MAX_PASSES = 4

# Chromium's PDFs declare a trailer /Size a few objects short; pypdf reads them right and says so
# each time. Keep its errors, not that.
logging.getLogger("pypdf").setLevel(logging.ERROR)


# --- What to print ------------------------------------------------------------------------------


def toc_parts(toc: Path = ROOT / "_toc.yml") -> tuple[str, list[tuple[str, list[str]]]]:
    """The root document and the parts of the table of contents: [(caption, [docname, ...])]."""
    spec = yaml.safe_load(toc.read_text(encoding="utf-8"))
    parts = [(part["caption"], [entry["file"] for entry in part["chapters"]]) for part in spec.get("parts", [])]
    return spec["root"], parts


def documents(plan: dict, root: str, parts) -> dict[str, dict]:
    """Every document of the book, with its chapter number (None for the other pages)."""
    numbers = {c["docname"]: c["number"] for c in plan["chapters"]}
    docs = {root: {"number": None}}
    for _, names in parts:
        docs.update({name: {"number": numbers.get(name)} for name in names})
    return docs


def licence_lines(book: dict, data_href: str | None) -> str:
    pieces = [f'{escape(li["covers"])}: <a href="{li["url"]}">{escape(li["name"])}</a>.' for li in book["licences"]]
    data = escape(book["data_terms"])
    if data_href:
        data = data.replace("data catalogue", f'<a href="{data_href}">data catalogue</a>')
    return " ".join(pieces) + f" Data: {data}."


def title_page(plan: dict, work: dict, chapter: bool) -> str:
    """The title page: what the work is, by whom, which version, where, under which licence, and
    the reference to cite it by."""
    book = plan["book"]
    over = f"{escape(book['title'])} · Chapter {work['number']}" if chapter else ""
    online = (
        f'<p>Online: <a href="{escape(work["url"])}">{escape(work["url"])}</a></p>'
        if work["url"]
        else "<p>This copy was printed from a build that records no web address.</p>"
    )
    data_href = (
        "#data-catalogue" if not chapter else (plan["address"] + "book/data.html#sources" if plan["address"] else None)
    )
    return (
        '<section class="print-title-page">'
        + (f'<p class="print-over">{over}</p>' if over else "")
        + f'<p class="print-title">{escape(work["title"])}</p>'
        + ("" if chapter else f'<p class="print-abstract">{escape(book["abstract"])}</p>')
        + f'<p class="print-byline">{escape(book["authors"])}</p>'
        + f'<p class="print-edition">Version {escape(book["version"])} · {escape(book["published"])}</p>'
        + '<div class="print-facts">'
        + online
        + f"<p>Licences: {licence_lines(book, data_href)}</p>"
        + f"<p>Cite as: {escape(work['apa'])}</p>"
        + "</div></section>"
    )


def footer_template(text: str) -> str:
    return (
        '<div style="font-size:7.5px;width:100%;margin:0 18mm;display:flex;justify-content:space-between;'
        f'color:#333;font-family:sans-serif;"><span>{escape(text)}</span>'
        '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
    )


def print_jobs(build: Path, plan: dict) -> list[dict]:
    """One job per PDF: the page to print, where the PDF goes, what to tell print-page.js."""
    root, parts = toc_parts()
    docs = documents(plan, root, parts)
    book = plan["book"]
    licence = book["licences"][0]["name"]
    jobs = [
        {
            "source": build / "singlehtml" / "print.html",
            "single_page": build / "singlehtml" / f"{root}.html",
            "pdf": build / "html" / book["pdf"],
            "title": book["title"],
            "subject": book["apa"],
            "footer": f"{book['title']} · version {book['version']} · {licence}",
            "opts": {
                "single": True,
                "doc": root,
                "address": plan["address"],
                "docs": docs,
                "parts": parts,
                "titlePage": title_page(plan, book, chapter=False),
                "chapterLabel": "",
            },
        }
    ]
    for chapter in plan["chapters"]:
        label = f"Chapter {chapter['number']}"
        jobs.append(
            {
                "source": build / "html" / chapter["page"],
                "pdf": build / "html" / chapter["pdf"],
                "title": f"{label}: {chapter['title']} ({book['title']})",
                "subject": chapter["apa"],
                "footer": f"{book['title']} · {label} · version {book['version']} · {licence}",
                "opts": {
                    "single": False,
                    "doc": chapter["docname"],
                    "address": plan["address"],
                    "docs": docs,
                    "parts": [],
                    "titlePage": title_page(plan, chapter, chapter=True),
                    "chapterLabel": label,
                },
            }
        )
    return jobs


def place_single_page(job: dict) -> None:
    """Sphinx's single page of a book whose root document sits in a folder links its assets as if
    it stood at the top of the build: print a copy placed there, so the links resolve."""
    if "single_page" in job:
        if not job["single_page"].exists():
            sys.exit(f"no {job['single_page']}: build the single-page book first (`make pdf`)")
        shutil.copyfile(job["single_page"], job["source"])


# --- Unchanged inputs, unchanged PDF ------------------------------------------------------------

LOCAL_FILE = re.compile(r'(?:src|href)="(?!https?:|#|data:|mailto:)([^"#?]+)')


def inputs_digest(job: dict) -> str:
    """A digest of everything a PDF is made from: the page, the local files it refers to, the
    print script and styles, and what print-page.js is told."""
    digest = hashlib.sha256()
    for path in (Path(__file__), PRINT_CSS, PREPARE_JS):
        digest.update(path.read_bytes())
    digest.update(json.dumps([job["opts"], job["title"], job["subject"], job["footer"]], sort_keys=True).encode())
    page = job["source"].read_bytes()
    digest.update(page)
    for name in sorted(set(LOCAL_FILE.findall(page.decode("utf-8")))):
        target = (job["source"].parent / name).resolve()
        if target.is_file() and target.suffix in {".png", ".jpg", ".svg", ".css", ".js", ".webp"}:
            digest.update(name.encode() + target.read_bytes())
    return digest.hexdigest()


# --- Printing -----------------------------------------------------------------------------------


def destination_pages(pdf: bytes) -> dict[str, tuple[int, float]]:
    """Named destination (an element id the PDF links to) -> (page index, top of the target)."""
    reader = PdfReader(io.BytesIO(pdf))
    found = {}
    for name, dest in reader.named_destinations.items():
        found[name.lstrip("/")] = (reader.get_destination_page_number(dest), float(dest.top or 0))
    return found


def print_once(page, job: dict) -> bytes:
    return page.pdf(
        **PAGE,
        print_background=True,
        tagged=True,
        display_header_footer=True,
        header_template="<div></div>",
        footer_template=footer_template(job["footer"]),
    )


def print_with_page_numbers(page, job: dict, entries: list[dict]) -> tuple[bytes, dict]:
    """Print until the contents' page numbers are those of the PDF they are printed in."""
    numbers: dict[str, int] = {}
    for _ in range(MAX_PASSES):
        pdf = print_once(page, job)
        places = destination_pages(pdf)
        missing = [e["id"] for e in entries if e["id"] not in places]
        if missing:
            raise RuntimeError(f"{job['pdf'].name}: no place in the PDF for {missing}")
        found = {e["id"]: places[e["id"]][0] + 1 for e in entries}
        if found == numbers:
            return pdf, places
        numbers = found
        page.evaluate(
            "numbers => document.querySelectorAll('.print-page').forEach(s => { s.textContent = numbers[s.dataset.id] || ''; })",
            numbers,
        )
    raise RuntimeError(f"{job['pdf'].name}: the contents' page numbers did not settle in {MAX_PASSES} passes")


def finish(pdf: bytes, job: dict, entries: list[dict], places: dict, plan: dict) -> bytes:
    """The outline (bookmarks) of the contents' entries, and metadata from CITATION.cff."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    parent = None
    for entry in entries:
        index, top = places[entry["id"]]
        title = entry["title"] if entry.get("number") is None else f"{entry['number']}. {entry['title']}"
        item = writer.add_outline_item(
            title=title, page_number=index, parent=None if entry["level"] == 1 else parent, fit=Fit.xyz(left=0, top=top)
        )
        if entry["level"] == 1:
            parent = item
    writer.page_mode = "/UseOutlines"
    date = "D:" + plan["book"]["date"].replace("-", "") + "000000Z"
    writer.add_metadata(
        {
            "/Title": job["title"],
            "/Author": plan["book"]["authors"],
            "/Subject": job["subject"],
            "/Keywords": "; ".join(plan["book"]["keywords"]),
            "/CreationDate": date,
            "/ModDate": date,
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return renumber_structure_ids(out.getvalue())


STRUCTURE_ID = re.compile(rb"\(node(\d{8})\)")


def renumber_structure_ids(pdf: bytes) -> bytes:
    """Chromium names the elements of a tagged PDF after the page's DOM nodes, whose numbers vary
    from one run to the next. Number them in order of appearance instead: the same width, so no
    offset in the file moves, and every reference to a name changes with it."""
    names: dict[bytes, bytes] = {}

    def renumbered(match: re.Match) -> bytes:
        new = names.setdefault(match.group(1), b"%08d" % len(names))
        return b"(node" + new + b")"

    return STRUCTURE_ID.sub(renumbered, pdf)


def print_job(browser, job: dict, prepare: str, css: str, plan: dict) -> None:
    page = browser.new_page()
    try:
        page.goto(job["source"].resolve().as_uri(), wait_until="load")
        page.emulate_media(media="print")
        page.add_style_tag(content=css)
        entries = page.evaluate(prepare, job["opts"])
        page.evaluate("() => Promise.all(Array.from(document.images, i => i.decode().catch(() => null)))")
        pdf, places = print_with_page_numbers(page, job, entries)
    finally:
        page.close()
    job["pdf"].parent.mkdir(parents=True, exist_ok=True)
    job["pdf"].write_bytes(finish(pdf, job, entries, places, plan))


def print_all(build: Path, only: list[str] | None = None) -> None:
    plan_file = build / "print.json"
    if not plan_file.exists():
        sys.exit(f"no {plan_file}: build the HTML book first (`make book`)")
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    jobs = [j for j in print_jobs(build, plan) if not only or j["pdf"].name in only]
    for job in jobs:
        place_single_page(job)
    digests_file = build / "pdf-inputs.json"
    done = json.loads(digests_file.read_text(encoding="utf-8")) if digests_file.exists() else {}
    todo = [j for j in jobs if not j["pdf"].exists() or done.get(j["pdf"].name) != inputs_digest(j)]
    if not todo:
        print(f"[pdf] all {len(jobs)} PDFs are up to date")
        return
    prepare, css = PREPARE_JS.read_text(encoding="utf-8"), PRINT_CSS.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for job in todo:
                print_job(browser, job, prepare, css, plan)
                done[job["pdf"].name] = inputs_digest(job)
                print(f"[pdf] {job['pdf'].relative_to(build)}")
        finally:
            browser.close()
    digests_file.write_text(json.dumps(done, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    print_all(Path(sys.argv[1] if len(sys.argv) > 1 else "_build"), sys.argv[2:])
