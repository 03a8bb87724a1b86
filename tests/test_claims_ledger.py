"""The claims ledger (data/claims.csv): exact quotes, kinds and rules, verdicts that rest on data
rows meeting the source standard, references that resolve, and agreement with the verdict tables
the chapters print."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from maturing import ledger as L
from maturing.claims import KINDS, LABELS, NOT_SCORED, VERDICTS, article_text, label, labels
from maturing.data import load, resource_names

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = load("claims")
CHECKABLE = CLAIMS[CLAIMS["kind"] == "checkable"]
PARAGRAPHS = load("article_paragraphs").set_index("paragraph")
SOURCES = load("sources").set_index("source_id")
RULES = {"number", "date", "list", "event", "characterisation"}
PRIMARY_KEYS = {
    r["name"]: r["schema"]["primaryKey"]
    for r in json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]
}


def toc_files() -> set[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return {c["file"] for part in toc["parts"] for c in part["chapters"]}


def ids(text) -> list[str]:
    return [] if pd.isna(text) else [x.strip() for x in str(text).split(";") if x.strip()]


def rows_by_key(table: str) -> dict[str, pd.Series]:
    frame = load(table).astype("string")
    keys = frame[PRIMARY_KEYS[table]].agg("/".join, axis=1)
    assert keys.is_unique, table
    return {key: row for key, (_, row) in zip(keys, frame.iterrows(), strict=True)}


KEYED = {name: rows_by_key(name) for name in resource_names() if name not in ("claims", "sources", "outcomes")}


def referenced_rows(claim) -> list[pd.Series]:
    rows = []
    for ref in ids(claim.evidence_refs):
        table, _, key = ref.partition(":")
        rows.append(KEYED[table][key])
    return rows


def meets_source_standard(rows) -> bool:
    """One primary source, or two independent secondary ones (distinct original publishers)."""
    confirmed = [SOURCES.loc[r["source_id"]] for r in rows if r["status"] == "confirmed"]
    primary = [s for s in confirmed if s["tier"] == "primary"]
    secondary = {s["publisher"] for s in confirmed if s["tier"] == "secondary"}
    return bool(primary) or len(secondary) >= 2


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


def test_checkable_claims_have_a_rule_and_a_verdict_and_the_others_neither():
    assert set(CLAIMS["kind"]) <= set(KINDS)
    assert set(CHECKABLE["rule"]) <= RULES and set(CHECKABLE["verdict"]) <= set(VERDICTS)
    others = CLAIMS[CLAIMS["kind"] != "checkable"]
    assert others["rule"].isna().all() and others["verdict"].isna().all()
    assert set(labels(CLAIMS)) <= set(LABELS)
    assert CLAIMS["evidence"].notna().all()


def test_every_evidence_reference_resolves_to_exactly_one_row():
    for claim in CLAIMS.itertuples():
        for ref in ids(claim.evidence_refs):
            table, sep, key = ref.partition(":")
            assert sep and table in KEYED, f"{claim.claim_id}: {ref}"
            assert key in KEYED[table], f"{claim.claim_id}: {ref} matches no row"


def test_source_ids_are_the_sources_of_the_referenced_rows():
    for claim in CLAIMS.itertuples():
        expected = list(dict.fromkeys(r["source_id"] for r in referenced_rows(claim)))
        assert ids(claim.source_ids) == expected, claim.claim_id


def test_every_cited_source_exists():
    cited = {s for column in ("source_ids", "counter_source_ids") for text in CLAIMS[column] for s in ids(text)}
    assert cited <= set(SOURCES.index), sorted(cited - set(SOURCES.index))


def test_settled_verdicts_rest_on_rows_that_meet_the_source_standard():
    settled = CHECKABLE[CHECKABLE["verdict"].isin(["confirmed", "close", "contradicted"])]
    weak = [c.claim_id for c in settled.itertuples() if not meets_source_standard(referenced_rows(c))]
    assert not weak, f"confirmed/close/contradicted without one primary or two independent secondary sources: {weak}"


def test_the_source_standard_counts_one_wire_once():
    row = {"status": "confirmed"}
    afp = [s for s in SOURCES.index if SOURCES.loc[s, "publisher"] == "Agence France-Presse"][:2]
    assert len(afp) == 2 and not meets_source_standard([{**row, "source_id": s} for s in afp])
    assert meets_source_standard([{**row, "source_id": "nato-update-2002-rome"}])
    assert not meets_source_standard([{"status": "unconfirmed", "source_id": "nato-update-2002-rome"}])


def test_every_checkable_claim_records_the_case_against():
    for claim in CHECKABLE.itertuples():
        assert isinstance(claim.counter_evidence, str) and claim.counter_evidence.strip(), claim.claim_id
        if re.match(r"(?i)none found", claim.counter_evidence):
            assert isinstance(claim.searches, str) and claim.searches.strip(), f"{claim.claim_id}: searches?"


def test_number_claims_carry_the_values_the_rubric_needs():
    numbers = CHECKABLE[CHECKABLE["rule"] == "number"]
    assert numbers[["claimed_value", "precision", "qualifier", "unit"]].notna().all().all()
    settled = numbers[numbers["verdict"] != "unverified"]
    has_point = settled["evidence_value"].notna()
    has_range = settled["evidence_low"].notna() & settled["evidence_high"].notna()
    assert (has_point ^ has_range).all(), settled.loc[~(has_point ^ has_range), "claim_id"].tolist()
    for row in numbers.itertuples():
        printed = f"{row.claimed_value:g}"
        assert printed in row.quote or row.claim_id == "three-and-a-half-years", row.claim_id


def test_date_and_list_claims_carry_their_periods_and_counts():
    dated = CHECKABLE[CHECKABLE["rule"] == "date"]
    assert dated["claimed_period"].notna().all() and dated["evidence_period"].notna().all()
    lists = CHECKABLE[CHECKABLE["rule"] == "list"]
    assert (lists["evidence_value"] <= lists["claimed_value"]).all()


def test_the_drug_figures_of_the_article_are_in_the_ledger():
    heroin = CLAIMS.set_index("claim_id").loc[["heroin-2003", "heroin-2004", "heroin-2005"], "claimed_value"]
    assert heroin.tolist() == [360, 420, 500]


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


def test_label_is_the_verdict_of_a_checkable_claim_and_the_kind_of_any_other():
    assert label("checkable", "close") == "close"
    for kind in NOT_SCORED:
        assert label(kind, None) == kind
    with pytest.raises(ValueError):
        label("checkable", None)
    with pytest.raises(ValueError):
        label("guess", "confirmed")


TOY = pd.DataFrame(
    [
        {
            "claim_id": "a",
            "chapter": "09-x",
            "quote": "some 360 tons",
            "kind": "checkable",
            "verdict": "confirmed",
            "paragraph": 1,
            "claim": "A",
            "evidence": "e",
        },
        {
            "claim_id": "b",
            "chapter": "09-x",
            "quote": "in 2003 some 360 tons of heroin",
            "kind": "checkable",
            "verdict": "close",
            "paragraph": 1,
            "claim": "B",
            "evidence": "e",
        },
        {
            "claim_id": "c",
            "chapter": "08-y",
            "quote": "some 360 tons",
            "kind": "opinion",
            "verdict": None,
            "paragraph": 1,
            "claim": "C",
            "evidence": "e",
        },
    ]
)


def test_counts_follow_the_book_order_of_verdicts_then_kinds():
    counts = L.verdict_counts(TOY)
    assert list(counts.index) == list(LABELS)
    assert counts.to_dict() == {
        "confirmed": 1,
        "close": 1,
        "contradicted": 0,
        "unverified": 0,
        "opinion": 1,
        "proposal": 0,
        "prediction": 0,
    }
    assert L.verdicts_by_chapter(TOY).loc["09-x"].tolist() == [1, 1, 0, 0, 0, 0, 0]
    assert L.checkable(TOY)["claim_id"].tolist() == ["a", "b"]


ROW_ID = re.compile(r'<tr id="claim-([^"]+)"')


def test_the_committed_chapters_show_every_claim_once_in_its_own_chapter():
    """Each chapter's verdict table (its committed output) has one row per ledger claim of that
    chapter and none of another's; the built pages are checked again in tests/site."""
    shown: dict[str, list[str]] = {}
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                html = "".join(output.get("data", {}).get("text/html", ""))
                for claim in ROW_ID.findall(html):
                    shown.setdefault(claim, []).append(notebook.stem)
    expected = dict(zip(CLAIMS["claim_id"], CLAIMS["chapter"], strict=True))
    assert {c: pages for c, pages in shown.items() if len(pages) != 1} == {}, "claims shown more than once"
    assert sorted(set(expected) - set(shown)) == [], "claims no chapter shows"
    assert {c: p[0] for c, p in shown.items() if expected.get(c) != p[0]} == {}, "claims shown in another chapter"
