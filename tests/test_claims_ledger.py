"""The claims ledger (data/claims.csv): exact quotes, sourced verdicts, chapters that exist,
and agreement with the verdict tables the chapters print."""

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from maturing import ledger as L
from maturing.claims import VERDICTS, article_text
from maturing.data import load
from tests.support import verdict_pages as V

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = load("claims")
PARAGRAPHS = load("article_paragraphs").set_index("paragraph")
SOURCES = load("sources").set_index("source_id")


def toc_files() -> set[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return {c["file"] for part in toc["parts"] for c in part["chapters"]}


def test_claim_ids_are_unique_and_there_are_enough_claims():
    assert CLAIMS["claim_id"].is_unique
    assert len(CLAIMS) >= 30


@pytest.mark.parametrize("claim_id, quote", list(zip(CLAIMS["claim_id"], CLAIMS["quote"], strict=False)))
def test_every_quote_is_an_exact_substring_of_the_article(claim_id, quote):
    assert quote in article_text(), f"{claim_id}: not in the article: {quote!r}"


def test_every_quote_is_in_the_paragraph_it_cites():
    wrong = [c.claim_id for c in CLAIMS.itertuples() if c.quote not in PARAGRAPHS.loc[c.paragraph, "text"]]
    assert not wrong, wrong


def test_only_body_paragraphs_and_the_byline_carry_claims():
    kinds = set(PARAGRAPHS.loc[CLAIMS["paragraph"], "kind"])
    assert kinds <= {"body", "byline"}


def test_no_claim_without_a_verdict():
    assert CLAIMS["verdict"].notna().all()
    assert set(CLAIMS["verdict"]) <= set(VERDICTS)
    assert CLAIMS["evidence"].notna().all()


def test_settled_verdicts_cite_a_source_that_was_read():
    settled = CLAIMS[CLAIMS["verdict"].isin(["confirmed", "close", "contradicted"])]
    missing = settled[settled["source_id"].isna()]["claim_id"].tolist()
    assert not missing, f"confirmed/close/contradicted without a source: {missing}"
    unknown = sorted(set(settled["source_id"]) - set(SOURCES.index))
    assert not unknown, f"not in sources.csv: {unknown}"
    unread = sorted(s for s in set(settled["source_id"]) if SOURCES.loc[s, "status"] != "read")
    assert not unread, f"a verdict rests on a source nobody read: {unread}"


def test_every_cited_source_exists():
    cited = set(CLAIMS["source_id"].dropna())
    assert cited <= set(SOURCES.index), sorted(cited - set(SOURCES.index))


def test_status_says_whether_a_source_settles_the_claim():
    settled = CLAIMS["verdict"].isin(["confirmed", "close", "contradicted"])
    assert ((CLAIMS["status"] == "confirmed") == settled).all()


def test_opinions_and_proposals_are_not_fact_checked():
    judgements = CLAIMS[CLAIMS["claim_type"].isin(["opinion", "proposal"])]
    assert (judgements["verdict"] == "opinion").all()


def test_figures_carry_their_value_and_unit():
    figures = CLAIMS[CLAIMS["claim_type"] == "figure"]
    assert figures["value"].notna().all() and figures["unit"].notna().all()
    for row in figures.itertuples():
        assert (
            row.value in row.quote
            or row.value.rstrip("0").rstrip(".") in row.quote
            or row.claim_id == "three-and-a-half-years"
        )


def test_the_drug_figures_of_the_article_are_in_the_ledger():
    heroin = CLAIMS.set_index("claim_id").loc[["heroin-2003", "heroin-2004", "heroin-2005"], "value"]
    assert heroin.tolist() == ["360", "420", "500"]


@pytest.mark.parametrize("chapter", sorted(set(CLAIMS["chapter"])))
def test_every_chapter_named_is_a_notebook_in_the_toc(chapter):
    assert f"notebooks/{chapter}" in toc_files(), f"{chapter} is not (yet) in _toc.yml"
    assert (ROOT / "notebooks" / f"{chapter}.ipynb").exists()


def _notebook_html(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join(
        "".join(o.get("data", {}).get("text/html", ""))
        for c in cells
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
    )


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_committed_verdict_tables_agree_with_the_ledger(notebook):
    problems = V.disagreements(CLAIMS, notebook.stem, _notebook_html(notebook))
    assert not problems, "\n".join(problems)


# --- the helper functions, on small examples --------------------------------------------------
TOY = pd.DataFrame(
    [
        {
            "claim_id": "a",
            "chapter": "09-x",
            "quote": "some 360 tons",
            "verdict": "confirmed",
            "paragraph": 1,
            "claim": "A",
            "evidence": "e",
        },
        {
            "claim_id": "b",
            "chapter": "09-x",
            "quote": "in 2003 some 360 tons of heroin",
            "verdict": "close",
            "paragraph": 1,
            "claim": "B",
            "evidence": "e",
        },
        {
            "claim_id": "c",
            "chapter": "08-y",
            "quote": "some 360 tons",
            "verdict": "opinion",
            "paragraph": 1,
            "claim": "C",
            "evidence": "e",
        },
    ]
)
PAGE = """<table class="dataframe maturing-table"><thead><tr><th>Claim</th><th>The article says</th><th>Evidence</th>
<th>Verdict</th></tr></thead><tbody><tr><td>Heroin</td><td>“some 360 tons”</td><td>UNODC</td><td>confirmed</td></tr>
</tbody></table><table class="maturing-table"><thead><tr><th>year</th></tr></thead><tbody><tr><td>2003</td></tr></tbody></table>"""


def test_verdict_rows_reads_only_verdict_tables_and_strips_the_quotation_marks():
    assert V.verdict_rows(PAGE) == [{"claim": "Heroin", "quote": "some 360 tons", "verdict": "confirmed"}]


def test_an_identical_quote_wins_over_overlapping_ones():
    assert V.matching_claims(TOY, "09-x", "some 360 tons")["claim_id"].tolist() == ["a"]
    assert V.matching_claims(TOY, "09-x", "360 tons")["claim_id"].tolist() == ["a", "b"]
    assert V.disagreements(TOY, "09-x", PAGE) == []


def test_a_claim_filed_under_another_chapter_is_found_there():
    assert V.matching_claims(TOY, "07-z", "in 2003 some 360 tons of heroin")["claim_id"].tolist() == ["b"]
    assert V.disagreements(TOY, "07-z", PAGE.replace("some 360 tons", "in 2003 some 360 tons of heroin")) == [
        "07-z: 'Heroin' is 'confirmed' in the chapter but the ledger (b) says close",
        "07-z: b is 'close' in the ledger but the chapter says confirmed for 'in 2003 some 360 tons of heroin'",
    ]


def test_a_different_verdict_or_a_missing_claim_is_reported():
    assert V.disagreements(TOY, "08-y", PAGE) == [
        "08-y: 'Heroin' is 'confirmed' in the chapter but the ledger (c) says opinion",
        "08-y: c is 'opinion' in the ledger but the chapter says confirmed for 'some 360 tons'",
    ]
    assert V.disagreements(TOY, "07-z", PAGE.replace("some 360 tons", "1,000 tons")) == [
        "07-z: no ledger claim quotes '1,000 tons' (Heroin)"
    ]


def test_a_sentence_split_into_two_claims_needs_both_verdicts_in_the_ledger():
    split = pd.DataFrame(
        [
            {"claim_id": "east", "chapter": "05-m", "quote": "not persuaded", "verdict": "contradicted"},
            {"claim_id": "west", "chapter": "05-m", "quote": "not persuaded", "verdict": "confirmed"},
        ]
    )
    row = "<tr><td>{}</td><td>“not persuaded”</td><td>e</td><td>{}</td></tr>"
    page = (
        PAGE.split("<tbody>")[0]
        + "<tbody>"
        + row.format("East", "contradicted")
        + row.format("West", "confirmed")
        + "</tbody></table>"
    )
    assert V.disagreements(split, "05-m", page) == []
    assert V.disagreements(split.iloc[:1], "05-m", page) == [
        "05-m: 'West' is 'confirmed' in the chapter but the ledger (east) says contradicted"
    ]


def test_counts_follow_the_book_order_of_verdicts():
    counts = L.verdict_counts(TOY)
    assert list(counts.index) == list(VERDICTS)
    assert counts.to_dict() == {"confirmed": 1, "close": 1, "contradicted": 0, "unverified": 0, "opinion": 1}
    assert L.verdicts_by_chapter(TOY).loc["09-x"].tolist() == [1, 1, 0, 0, 0]


def test_the_ledger_table_links_every_row_to_its_chapter_and_escapes_text():
    toy = TOY.copy()
    toy.loc[0, "evidence"] = "<b>bold</b> & more"
    html = L.ledger_html(toy, {"09-x": "Chapter 9"})
    assert html.count('href="../notebooks/09-x.html"') == 3  # the group heading and two rows
    assert html.count('href="../notebooks/08-y.html"') == 2
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html and "<b>bold</b>" not in html
    assert html.index("08-y") < html.index("Chapter 9")  # chapters in file order
