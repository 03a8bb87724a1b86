"""Reading built pages in the site tests."""

import re
from html import unescape


def page_text(path):
    """A built page as (its text without tags, its raw HTML)."""
    raw = path.read_text(encoding="utf-8")
    return unescape(re.sub(r"<[^>]+>", " ", raw)), raw
