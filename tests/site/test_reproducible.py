"""Two clean builds of the same commit give the same book, byte for byte: every page, every
figure image, the search index and the downloads. Each is a clean Sphinx build into a fresh
folder; the executed notebooks come from the book's cache (nbval has already shown that a
fresh run reproduces them, figures included)."""

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JB = Path(sys.executable).parent / "jupyter-book"


def digests(html: Path) -> dict[str, str]:
    files = [
        *html.glob("notebooks/*.html"),
        *html.glob("book/*.html"),
        *html.glob("_images/*"),
        html / "searchindex.js",
        *html.glob("_downloads/*/*"),
    ]
    return {str(f.relative_to(html)): hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def clean_build(into: Path) -> Path:
    run = subprocess.run(
        [str(JB), "build", str(ROOT), "--path-output", str(into), "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return into / "_build" / "html"


def test_two_clean_builds_are_byte_identical(html, tmp_path):
    first = digests(clean_build(tmp_path / "one"))
    second = digests(clean_build(tmp_path / "two"))
    assert first.keys() == second.keys(), f"different files: {sorted(first.keys() ^ second.keys())}"
    differ = sorted(name for name in first if first[name] != second[name])
    assert differ == [], f"files that differ between two builds: {differ}"
    assert len(first) > 10
