"""Every claim of the ledger appears in exactly one chapter's verdict table (the chapter the ledger
names), with the ledger's verdict; the appendix links each claim to that row; the rubric the
Methods page publishes is the one the code applies."""

import re
from collections import Counter

from bs4 import BeautifulSoup

from maturing import rubric
from maturing.data import load

ROW = re.compile(r"^claim-(.+)$")


def verdict_rows(html):
    """claim_id -> (page, badge text) for every verdict-table row of every chapter page."""
    found = []
    for page in sorted((html / "notebooks").glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tr in soup.select("table.maturing-verdicts tbody tr[id]"):
            badge = tr.select_one(".verdict-badge")
            found.append((ROW.match(tr["id"]).group(1), page.stem, badge.get_text(strip=True) if badge else None))
    return found


def test_every_claim_is_in_exactly_one_chapter_table_with_the_ledgers_verdict(html):
    ledger = load("claims").set_index("claim_id")
    found = verdict_rows(html)
    times = Counter(claim for claim, _, _ in found)
    assert {c: n for c, n in times.items() if n != 1} == {}, "claims shown more than once"
    assert sorted(times) == sorted(ledger.index), "claims missing from, or unknown to, the chapters' tables"
    for claim, page, badge in found:
        row = ledger.loc[claim]
        assert page == row["chapter"], f"{claim} is shown in {page}, the ledger files it under {row['chapter']}"
        expected = row["verdict"] if row["kind"] == "checkable" else row["kind"]
        assert badge == expected, f"{claim}: the page shows {badge!r}, the ledger says {expected!r}"


def test_the_ledger_appendix_links_every_claim_to_its_row(html):
    soup = BeautifulSoup((html / "book" / "ledger.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in soup.select("table.maturing-ledger a[href*='#claim-']")}
    ledger = load("claims")
    expected = {f"../notebooks/{r.chapter}.html#claim-{r.claim_id}" for r in ledger.itertuples()}
    assert links == expected
    rows = {ROW.match(tr["id"]).group(1) for tr in soup.select("tr[id]") if tr.get("id", "").startswith("claim-")}
    assert rows == set(), "the appendix must not repeat the chapters' row anchors"


def test_the_methods_page_states_the_bands_the_code_applies(html):
    page = (html / "book" / "methods.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    anchor = soup.find(id="rule-number")  # the label's anchor, in the section it names
    section = anchor if anchor.name == "section" else anchor.find_parent("section")
    rows = [
        [" ".join(td.get_text(" ").replace("’", "'").split()) for td in tr.find_all("td")]
        for tr in section.select("table tbody tr")
    ]
    percent = f"{rubric.CLOSE_BAND * 100:.0f} per cent"
    assert rows == [
        ["none: the evidence lies within the claim's reading", "confirmed"],
        [f"more than none, up to {percent}", "close"],
        [f"more than {percent}", "contradicted"],
    ]
    for rule in (*rubric.RULES, "not-scored"):
        assert soup.find(id=f"rule-{rule}") is not None, rule
    assert soup.find(id="source-standard") is not None
