"""The built chapters and the claims ledger agree: every row of every verdict table on a
chapter page (columns Claim / The article says / Verdict) has a claim in the ledger for that
chapter, with the same verdict."""

from pathlib import Path

import pytest

from maturing.data import load
from tests.support import verdict_pages as V

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_verdict_tables_agree_with_the_ledger(html, chapter):
    page = html / "notebooks" / f"{chapter}.html"
    assert page.exists(), f"{chapter} was not built"
    raw = page.read_text(encoding="utf-8")
    claims = load("claims")
    rows = V.verdict_rows(raw)
    if chapter in set(claims["chapter"]):
        assert rows, f"{chapter} examines claims of the ledger but prints no verdict table"
    problems = V.disagreements(claims, chapter, raw)
    assert not problems, "\n".join(problems)


def test_the_parser_finds_the_drug_chapters_six_verdicts(html):
    rows = V.verdict_rows((html / "notebooks" / "07-afghan-drugs.html").read_text(encoding="utf-8"))
    assert [r["verdict"] for r in rows] == [
        "confirmed",
        "contradicted",
        "contradicted",
        "contradicted",
        "confirmed",
        "unverified",
    ]
    assert rows[1]["quote"] == "this year it might reach 500 tons"
