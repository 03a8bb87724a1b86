"""The closing chapter's table of outcomes (data/outcomes.csv) and maturing.outcomes: exact
quotes, allowed outcome words, every subject covered, and every reference resolving to a
dated, sourced row of another table."""

import pandas as pd
import pytest

from maturing import dates, refs
from maturing import outcomes as O
from maturing.claims import article_text
from maturing.data import fields as load_fields
from maturing.data import load

OUTCOMES = load("outcomes")
SOURCES = load("sources").set_index("source_id")
ARTICLE_DATE = pd.Timestamp("2005-10-01")  # the date of NATO's page for the article (nrc_timeline:article)

# The subjects of the article's hopes, proposals and concerns this book follows to the present.
THEMES = {
    "nrc",
    "cfe",
    "kaliningrad",
    "missile-defence",
    "counter-terrorism",
    "security-belt",
    "intelligence",
    "partnership",
}


def cited_tables() -> dict[str, pd.DataFrame]:
    names = {resource for text in OUTCOMES["evidence_keys"] for resource, _ in refs.parse(text)}
    return {name: load(name) for name in sorted(names)}


EVIDENCE = O.evidence_rows(OUTCOMES, cited_tables())


# --- the data ---------------------------------------------------------------------------------
@pytest.mark.parametrize("hope_id, quote", list(zip(OUTCOMES["hope_id"], OUTCOMES["quote"], strict=False)))
def test_every_quote_is_an_exact_substring_of_the_article(hope_id, quote):
    assert quote in article_text(), f"{hope_id}: not in the article: {quote!r}"


def test_outcomes_use_only_the_defined_words():
    assert set(OUTCOMES["outcome"]) <= set(O.OUTCOMES)
    assert set(O.OUTCOMES) == set(O.OUTCOME_COLOURS)
    assert set(OUTCOMES["kind"]) <= set(O.KINDS)


def test_every_theme_of_the_article_is_covered_and_nothing_else():
    assert set(OUTCOMES["theme"]) == THEMES
    assert OUTCOMES["hope_id"].is_unique and OUTCOMES["quote"].is_unique


def test_the_outcome_words_are_the_vocabulary_of_the_methods_page():
    assert list(O.OUTCOMES) == [
        "fulfilled",
        "partly fulfilled",
        "fulfilled then reversed",
        "not fulfilled",
        "no record",
    ]
    enum = next(f for f in load_fields("outcomes") if f["name"] == "outcome")["constraints"]["enum"]
    assert enum == list(O.OUTCOMES)


def test_the_outcome_counts():
    counts = OUTCOMES["outcome"].value_counts().to_dict()
    assert counts == {
        "not fulfilled": 5,
        "fulfilled then reversed": 3,
        "partly fulfilled": 2,
        "fulfilled": 1,
        "no record": 1,
    }


def test_every_evidence_key_resolves_to_a_row():
    tables = cited_tables()
    for hope in OUTCOMES.itertuples():
        for resource, key in refs.parse(hope.evidence_keys):
            field = O.key_field(resource)
            matched = tables[resource][tables[resource][field].astype("string") == key]
            assert not matched.empty, f"{hope.hope_id}: {resource}:{key} matches no row"
    assert len(EVIDENCE) == sum(len(refs.parse(t)) for t in OUTCOMES["evidence_keys"])


def test_decided_and_happened_keys_are_cited_dated_and_in_order():
    for hope in OUTCOMES.itertuples():
        cited = [f"{r}:{k}" for r, k in refs.parse(hope.evidence_keys)]
        assert hope.decided_key in cited, hope.hope_id
        rows = EVIDENCE[EVIDENCE["hope_id"] == hope.hope_id].set_index("ref")
        decided = rows.loc[hope.decided_key, "date"]
        assert decided and dates.midpoint(decided) > ARTICLE_DATE, f"{hope.hope_id}: settled before the article?"
        happened = hope.happened_key if isinstance(hope.happened_key, str) else None
        if hope.outcome in ("fulfilled then reversed", "partly fulfilled"):
            assert happened in cited, f"{hope.hope_id}: a {hope.outcome} hope needs the row that shows it happening"
        if hope.outcome in ("not fulfilled", "no record"):
            assert happened is None, f"{hope.hope_id}: nothing happened, yet a happened_key"
        if happened:
            assert dates.midpoint(rows.loc[happened, "date"]) < dates.midpoint(decided), hope.hope_id


def test_status_says_whether_every_cited_row_is_confirmed():
    confirmed = EVIDENCE.groupby("hope_id")["status"].apply(lambda s: (s == "confirmed").all())
    expected = OUTCOMES["hope_id"].map(confirmed).map({True: "confirmed", False: "unconfirmed"})
    assert (OUTCOMES["status"] == expected).all()


def test_a_new_fact_source_is_read_and_cited_by_the_hope():
    for hope in OUTCOMES.dropna(subset=["source_id"]).itertuples():
        assert SOURCES.loc[hope.source_id, "status"] == "read"
        cited = set(load("relations_since_2022").loc[lambda f, h=hope: f["source_id"] == h.source_id, "event_id"])
        keys = {k for r, k in refs.parse(hope.evidence_keys) if r == "relations_since_2022"}
        assert cited & keys, f"{hope.hope_id}: source {hope.source_id} is not behind any row it cites"


def test_each_hope_names_a_chapter_that_exists():
    from pathlib import Path

    notebooks = Path(__file__).resolve().parents[1] / "notebooks"
    for chapter in set(OUTCOMES["chapter"]):
        assert (notebooks / f"{chapter}.ipynb").exists(), chapter


def test_known_outcomes_rest_on_the_right_rows():
    rows = EVIDENCE.set_index(["hope_id", "role"])
    assert rows.loc[("acfe-ratification", "decided"), "date"] == "2023-11-07"
    assert rows.loc[("oae-ships", "decided"), "date"] == "2006-09"  # inside the "next year" of the article
    assert rows.loc[("mature-partnership", "decided"), "date"] == "2022-06-29"
    suspended = OUTCOMES[OUTCOMES["decided_key"] == "nrc_timeline:practical-suspension"]["hope_id"]
    assert set(suspended) == {"nrc-test-of-time", "nrc-tmd-further", "ct-coordination", "intelligence-body"}


# --- the package --------------------------------------------------------------------------------
def test_references_parse_and_reject_what_is_not_resource_key():
    assert refs.parse("nrc_timeline:action-plan; cfe_fate:prague-linkage") == [
        ("nrc_timeline", "action-plan"),
        ("cfe_fate", "prague-linkage"),
    ]
    assert refs.parse("cfe_states:United States") == [("cfe_states", "United States")]
    assert refs.parse("") == [] and refs.parse(None) == []
    for bad in ("action-plan", "nrc_timeline:", ":action-plan", "nrc_timeline:a;;b:c"):
        with pytest.raises(ValueError):
            refs.parse(bad)


def test_key_field_is_the_first_field_of_the_primary_key():
    assert O.key_field("nrc_timeline") == "event_id"  # primary key (event_id, date, source_id)
    assert O.key_field("kaliningrad") == "fact_id"
    assert O.key_field("cfe_states") == "state"
    with pytest.raises(KeyError):
        O.key_field("no_such_table")


def _toy():
    events = pd.DataFrame(
        {
            "event_id": ["a", "a", "a", "b"],
            "date": ["2014", "2014-04-01", "2014-04", "2010-07"],
            "label": ["A", "A (day)", "A", "B"],
            "source_id": ["s1", "s2", "s3", "s4"],
            "status": ["confirmed", "unconfirmed", "confirmed", "confirmed"],
        }
    )
    hopes = pd.DataFrame(
        {"hope_id": ["h"], "evidence_keys": ["toy:b; toy:a"], "happened_key": ["toy:b"], "decided_key": ["toy:a"]}
    )
    return hopes, events


def test_evidence_rows_pick_the_most_precise_confirmed_row(monkeypatch):
    hopes, events = _toy()
    monkeypatch.setattr(O, "key_field", lambda resource, datapackage=None: "event_id")
    rows = O.evidence_rows(hopes, {"toy": events}).set_index("ref")
    assert rows.loc["toy:a", "date"] == "2014-04"  # the unconfirmed exact day loses to the confirmed month
    assert rows.loc["toy:a", "source_id"] == "s3" and rows.loc["toy:a", "role"] == "decided"
    assert rows.loc["toy:b", "role"] == "happened" and rows.loc["toy:b", "text"] == "B"


def test_evidence_rows_refuse_unknown_keys_and_unloaded_tables(monkeypatch):
    hopes, events = _toy()
    monkeypatch.setattr(O, "key_field", lambda resource, datapackage=None: "event_id")
    with pytest.raises(KeyError, match="not loaded"):
        O.evidence_rows(hopes, {})
    with pytest.raises(LookupError, match="toy:zzz matches no row"):
        O.evidence_rows(hopes.assign(evidence_keys="toy:zzz"), {"toy": events})


def test_dates_from_typed_tables_come_back_as_iso_text():
    assert O.iso(pd.Timestamp("2007-12-12")) == "2007-12-12"
    assert O.iso("2014-04") == "2014-04"
    assert O.iso(None) is None and O.iso(pd.NaT) is None and O.iso(float("nan")) is None


def test_years_after_the_article():
    assert O.years_after("2006-10-01", pd.Timestamp("2005-10-01")) == pytest.approx(1.0, abs=0.01)
    assert O.years_after("2023-11-07", ARTICLE_DATE) == pytest.approx(18.10, abs=0.01)
