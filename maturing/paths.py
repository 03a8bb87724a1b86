"""Where the book's files live, found from this package's own location."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
ARTICLE = DATA_DIR / "article" / "maturing-partnership.txt"
