"""`make audit`: Lighthouse on every page of the built book, beside the stock sample book.

Installs Lighthouse 12.2.3 from the npm registry into _build/tools (once), makes the stock
sample book (`jupyter-book create`) in _build/sample, serves each book from 127.0.0.1 (gzip, as
a static host would) and runs Lighthouse in Debian's Chromium, mobile and desktop, on every
page (mobile AUDIT_RUNS times, default once: the median run is shown). Prints a table (page,
transferred KiB, mobile LCP, the scores, console errors), the targets each page misses, and
writes _build/audit/audit.csv. A benchmark, not a test: `make test` keeps the fast checks (no
third-party asset, weight budget, no console error, the layout skipped at load).

Targets (issue 14): mobile performance >= 95 with LCP <= 2.5 s, desktop performance 100,
accessibility, best practices and SEO 100, and at most 500 KiB transferred per page.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from serve import serve  # noqa: E402  (tools/serve.py: this script's own folder is on sys.path)

LIGHTHOUSE_VERSION = "12.2.3"
TOOLS = ROOT / "_build" / "tools"
OUT = ROOT / "_build" / "audit"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync"
)
SAMPLE = ROOT / "_build" / "sample"
TARGETS = {"mobile perf": 95, "desktop perf": 100, "accessibility": 100, "best practices": 100, "seo": 100}
MAX_LCP_S = 2.5  # mobile largest contentful paint
MAX_KIB = 500  # transferred per page
# Mobile runs per page (AUDIT_RUNS=3 make audit): the table shows the run with the median
# performance score, since one simulated-phone run on a busy machine can be off by ten points.
RUNS = int(os.environ.get("AUDIT_RUNS", "1"))


def lighthouse() -> Path:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(TOOLS),
                "--no-audit",
                "--no-fund",
                "--silent",
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
        )
    return binary


def audit(url: str, preset: str) -> dict:
    """One Lighthouse run: scores (0-100), transferred KiB, console errors."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [
            str(lighthouse()),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True)
        data = json.loads(report.read_text())
    scores = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
    audits = data["audits"]
    return {
        "scores": scores,
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "kib": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "console_errors": len(audits["errors-in-console"].get("details", {}).get("items", [])),
    }


def pages(html: Path) -> list[str]:
    return sorted(
        str(p.relative_to(html))
        for p in html.rglob("*.html")
        if not p.relative_to(html).parts[0].startswith("_") and p.name not in ("index.html", "print.html")
    )


def audit_book(name: str, html: Path, only: list[str] | None = None) -> list[dict]:
    rows = []
    with serve(html) as base:
        for page in only or pages(html):
            runs = sorted(
                (audit(f"{base}/{page}", "mobile") for _ in range(RUNS)), key=lambda r: r["scores"]["performance"]
            )
            mobile, desktop = runs[len(runs) // 2], audit(f"{base}/{page}", "desktop")
            rows.append(
                {
                    "book": name,
                    "page": page,
                    "KiB": mobile["kib"],
                    "mobile LCP s": mobile["lcp_s"],
                    "mobile perf": mobile["scores"]["performance"],
                    "desktop perf": desktop["scores"]["performance"],
                    "accessibility": mobile["scores"]["accessibility"],
                    "best practices": mobile["scores"]["best-practices"],
                    "seo": mobile["scores"]["seo"],
                    "console errors": max(mobile["console_errors"], desktop["console_errors"]),
                }
            )
            print(rows[-1], flush=True)
    return rows


def sample_book() -> Path:
    """The stock sample book of `jupyter-book create`, built in _build/sample."""
    shutil.rmtree(SAMPLE, ignore_errors=True)
    jb = Path(sys.executable).parent / "jupyter-book"
    subprocess.run([str(jb), "create", str(SAMPLE)], check=True, capture_output=True)
    subprocess.run([str(jb), "build", str(SAMPLE)], check=True, capture_output=True)
    return SAMPLE / "_build" / "html"


def misses(rows: list[dict]) -> list[tuple[str, str, object]]:
    """(page, target, value) for every target a page of ours misses."""
    found = [(r["page"], k, r[k]) for r in rows for k, least in TARGETS.items() if r[k] < least]
    found += [(r["page"], "mobile LCP s", r["mobile LCP s"]) for r in rows if r["mobile LCP s"] > MAX_LCP_S]
    found += [(r["page"], "KiB", r["KiB"]) for r in rows if r["KiB"] > MAX_KIB]
    found += [(r["page"], "console errors", r["console errors"]) for r in rows if r["console errors"]]
    return found


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    html = ROOT / "_build" / "html"
    rows = audit_book("ours", html)
    rows += audit_book("sample", sample_book(), ["intro.html"])
    with open(OUT / "audit.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    keys = list(rows[0])
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in keys}
    print("\n" + " | ".join(k.ljust(widths[k]) for k in keys))
    print("-|-".join("-" * widths[k] for k in keys))
    for r in rows:
        print(" | ".join(str(r[k]).ljust(widths[k]) for k in keys))
    missed = misses([r for r in rows if r["book"] == "ours"])
    print(f"\n(written to {OUT / 'audit.csv'})")
    print("Targets met on every page." if not missed else "Misses:\n" + "\n".join(f"  {m}" for m in missed))


if __name__ == "__main__":
    main()
