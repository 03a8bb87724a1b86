"""Verdicts live in the ledger: no chapter's code types a verdict word."""

import re
from pathlib import Path

import jupytext
import pytest

from maturing import rubric

ROOT = Path(__file__).resolve().parents[1]
WORDS = re.compile(r"""["']({})["']""".format("|".join(rubric.SCORES)))


@pytest.mark.parametrize("md", sorted((ROOT / "notebooks").glob("*.md")), ids=lambda p: p.stem)
def test_no_chapter_code_types_a_verdict(md):
    code = [c.source for c in jupytext.read(md).cells if c.cell_type == "code"]
    typed = [m.group(0) for cell in code for m in WORDS.finditer(cell)]
    assert typed == [], f"{md.name} types verdict words in its code: {typed}"
