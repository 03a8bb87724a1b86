"""A chapter's verdicts are recomputed from the data its ledger rows reference, and any
disagreement stops the chapter, naming the claim, both values and the rule."""

import pandas as pd
import pytest

from maturing import sources, verdicts

SOURCES = pd.DataFrame(
    {
        "source_id": ["unodc", "afp", "reuters", "wiki", "article"],
        "publisher": ["UNODC", "Agence France-Presse", "Reuters", "Wikipedia", "NATO"],
        "title": ["Survey", "Report", "Report", "Page", "Maturing partnership"],
        "date": ["2005-09", "2005-10-02", "2005-10-03", "2020", "2005-10-01"],
        "tier": ["primary", "secondary", "secondary", "tertiary", "primary"],
    }
).set_index("source_id")

COLUMNS = [
    "claim_id",
    "chapter",
    "paragraph",
    "claim",
    "quote",
    "kind",
    "rule",
    "claimed",
    "claimed_value",
    "precision",
    "qualifier",
    "claimed_period",
    "unit",
    "evidence",
    "evidence_refs",
    "evidence_value",
    "evidence_low",
    "evidence_high",
    "evidence_period",
    "difference",
    "band",
    "verdict",
    "reason",
    "counter_evidence",
    "counter_source_ids",
    "searches",
    "source_ids",
]


def claim(**fields) -> dict:
    row = dict.fromkeys(COLUMNS)
    row.update(chapter="09-test", paragraph=1, quote="q", claim="c", evidence="e", counter_evidence="none found")
    row.update(fields)
    return row


@pytest.fixture(autouse=True)
def toy_sources(monkeypatch):
    monkeypatch.setattr(sources, "sources", lambda: SOURCES)


@pytest.fixture
def frames():
    opium = pd.DataFrame(
        {"year": [2004, 2005], "value": [4200.0, 4100.0], "source_id": ["unodc", "unodc"], "status": ["confirmed"] * 2}
    )
    events = pd.DataFrame(
        {
            "event_id": ["rome", "rome", "gone"],
            "date": ["2002-05-28", "2002-05-28", "2003"],
            "source_id": ["afp", "reuters", "wiki"],
            "status": ["confirmed", "confirmed", "confirmed"],
        }
    )
    return {"opium": opium, "events": events}


@pytest.fixture(autouse=True)
def keys(monkeypatch):
    from maturing import refs

    table_keys = {"opium": ["year"], "events": ["event_id", "source_id"]}
    monkeypatch.setattr(refs, "primary_key", lambda table, datapackage=None: table_keys[table])


HEROIN = claim(
    claim_id="heroin-2005",
    kind="checkable",
    rule="number",
    claimed_value=500,
    precision=10,
    qualifier="approximately",
    unit="t",
    evidence_refs="opium:2005",
    evidence_value=410.0,
    difference=20.7,
    band="contradicted",
    verdict="contradicted",
)


def ledger(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS)


def test_a_consistent_ledger_passes_and_shows_the_reading(frames):
    checked = verdicts.check(ledger(HEROIN), "09-test", {"heroin-2005": 410.0}, frames=frames)
    assert checked.loc[0, "computed"]["difference"] == pytest.approx(20.73, abs=0.01)
    html = verdicts.table_html(checked)
    assert '<tr id="claim-heroin-2005">' in html
    assert 'verdict-badge verdict-contradicted">contradicted<' in html
    assert "Read as 495–505 t; the evidence is 410 t: 20.7% apart" in html
    assert 'href="../book/sources.html#source-unodc"' in html and ">UNODC 2005<" in html
    assert 'href="../book/methods.html#rule-number"' in html


def test_the_5000_tonne_experiment_stops_the_chapter(frames):
    """UNODC's 2005 estimate set to 5,000 t makes the 500 t projection exact: the ledger's
    'contradicted' no longer follows from the data."""
    frames["opium"].loc[frames["opium"]["year"] == 2005, "value"] = 5000.0
    with pytest.raises(verdicts.VerdictMismatch) as error:
        verdicts.check(ledger(HEROIN), "09-test", {"heroin-2005": 5000.0 / 10}, frames=frames)
    message = str(error.value)
    assert "heroin-2005 (number rule)" in message
    assert "the ledger has 410.0, the data give 500" in message
    assert "the ledger says 'contradicted', rule number gives 'confirmed'" in message


def test_a_single_referenced_value_needs_no_help_from_the_chapter(frames):
    row = claim(
        claim_id="opium-2004",
        kind="checkable",
        rule="number",
        claimed_value=4200,
        precision=100,
        qualifier="approximately",
        evidence_refs="opium:2004",
        evidence_value=4200.0,
        difference=0.0,
        band="confirmed",
        verdict="confirmed",
    )
    assert verdicts.check(ledger(row), "09-test", frames=frames).loc[0, "computed"]["verdict"] == "confirmed"
    frames["opium"].loc[0, "value"] = 3000.0
    with pytest.raises(verdicts.VerdictMismatch, match="opium-2004"):
        verdicts.check(ledger(row), "09-test", frames=frames)


def test_a_derived_value_must_be_computed_by_the_chapter(frames):
    two = claim(**{**HEROIN, "evidence_refs": "opium:2004; opium:2005"})
    with pytest.raises(verdicts.VerdictMismatch, match="cannot be computed from its references"):
        verdicts.check(ledger(two), "09-test", frames=frames)


def test_dates_come_from_the_referenced_row(frames):
    rome = claim(
        claim_id="rome",
        kind="checkable",
        rule="date",
        claimed_period="2002-05",
        evidence_refs="events:rome/afp; events:rome/reuters",
        evidence_period="2002-05-28",
        verdict="confirmed",
    )
    with pytest.raises(verdicts.VerdictMismatch, match="give 2 dates"):
        verdicts.check(ledger(rome), "09-test", frames=frames)
    assert verdicts.check(ledger(rome), "09-test", {"rome": "2002-05-28"}, frames=frames).loc[0, "standard_met"]
    wrong = {**rome, "claimed_period": "2003-05"}
    with pytest.raises(verdicts.VerdictMismatch, match="rule date gives 'contradicted'"):
        verdicts.check(ledger(wrong), "09-test", {"rome": "2002-05-28"}, frames=frames)


def test_weak_evidence_cannot_be_scored(frames):
    weak = claim(claim_id="weak", kind="checkable", rule="event", evidence_refs="events:gone/wiki", verdict="confirmed")
    with pytest.raises(verdicts.VerdictMismatch, match="below the source standard"):
        verdicts.check(ledger(weak), "09-test", frames=frames)
    assert (
        verdicts.check(ledger({**weak, "verdict": "unverified"}), "09-test", frames=frames).loc[0, "verdict"]
        == "unverified"
    )
    one_wire = claim(
        claim_id="one", kind="checkable", rule="event", evidence_refs="events:rome/afp", verdict="confirmed"
    )
    with pytest.raises(
        verdicts.VerdictMismatch, match=r"one .event rule.: verdict 'confirmed' rests on evidence below"
    ):
        verdicts.check(ledger(one_wire), "09-test", frames=frames)


def test_lists_need_the_chapters_count(frames):
    csto = claim(
        claim_id="csto",
        kind="checkable",
        rule="list",
        claimed_value=3,
        evidence_value=1,
        evidence_refs="events:rome/afp; events:rome/reuters",
        verdict="contradicted",
    )
    with pytest.raises(verdicts.VerdictMismatch, match="count of supported items"):
        verdicts.check(ledger(csto), "09-test", frames=frames)
    assert verdicts.check(ledger(csto), "09-test", {"csto": 1}, frames=frames).loc[0, "verdict"] == "contradicted"
    with pytest.raises(verdicts.VerdictMismatch, match="the ledger has 1, the data give 2"):
        verdicts.check(ledger(csto), "09-test", {"csto": 2}, frames=frames)


def test_opinions_are_shown_unscored_and_counted_apart(frames):
    view = claim(claim_id="view", kind="opinion")
    checked = verdicts.check(ledger(HEROIN, view), "09-test", {"heroin-2005": 410.0}, frames=frames)
    html = verdicts.table_html(checked)
    assert 'verdict-badge verdict-opinion">opinion<' in html and "not scored" in html
    assert verdicts.summary(checked) == "1 checkable claim: 1 contradicted; not scored: 1 opinion."


def test_evidence_for_another_chapters_claim_is_refused(frames):
    with pytest.raises(KeyError, match="not chapter 09-test's"):
        verdicts.check(ledger(HEROIN), "09-test", {"heroin-2005": 410.0, "elsewhere": 1}, frames=frames)
