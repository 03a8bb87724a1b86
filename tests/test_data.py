"""The data package: valid as a whole, every source traceable, quotes exact."""

import json
import re
from pathlib import Path

import pytest
from frictionless import Package

from maturing import dates
from maturing.claims import article_text
from maturing.data import DATAPACKAGE, load, resource_names

ROOT = Path(__file__).resolve().parents[1]


def test_data_package_is_valid_with_frictionless():
    report = Package(str(DATAPACKAGE)).validate()
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])[:10]


def test_every_csv_is_described_and_every_resource_has_a_file():
    described = {json.loads(DATAPACKAGE.read_text())["resources"][i]["path"] for i in range(len(resource_names()))}
    on_disk = {str(p.relative_to(DATAPACKAGE.parent)) for p in DATAPACKAGE.parent.rglob("*.csv")}
    assert described == on_disk


# the claims ledger cites several sources per row (source_ids); tests/test_claims_ledger.py checks them
@pytest.mark.parametrize("name", [n for n in resource_names() if n not in ("sources", "claims")])
def test_fact_tables_cite_sources_and_mark_status(name):
    frame = load(name)
    fields = set(frame.columns)
    assert {"source_id", "status"} <= fields, f"{name} lacks source_id/status"
    assert set(frame["status"]) <= {"confirmed", "unconfirmed"}
    sources = load("sources").set_index("source_id")
    # a value resting on a source nobody read cannot be confirmed
    unread = set(sources.index[sources["status"] == "unread"])
    wrongly = frame[frame["source_id"].isin(unread) & (frame["status"] == "confirmed")]
    assert wrongly.empty, wrongly.head()


def test_read_sources_have_an_address_and_access_date():
    sources = load("sources")
    read = sources[sources["status"] == "read"]
    assert read["url"].notna().all()
    assert (read["accessed"].dt.year >= 2024).all()


def test_every_resource_pins_utf8_and_its_csv_dialect():
    """Nothing is guessed: frictionless and the loader read each file the one declared way."""
    for resource in json.loads(DATAPACKAGE.read_text())["resources"]:
        assert resource.get("encoding") == "utf-8", resource["name"]
        assert resource.get("dialect", {}).get("delimiter") == ",", resource["name"]
        assert resource["dialect"].get("header") is True, resource["name"]


DATE_NAMED = re.compile(r"date|period|time|^start$|^end$|pledged|delivered|accessed|_on$|_signed$")


def test_every_date_column_is_a_typed_or_calendar_checked_date():
    """A date is either of type date (frictionless parses it) or text whose pattern admits calendar
    dates only (one of maturing.dates.PATTERNS): "2005-04-31" fails either way, in its row."""
    checked = []
    for resource in json.loads(DATAPACKAGE.read_text())["resources"]:
        for field in resource["schema"]["fields"]:
            pattern = field.get("constraints", {}).get("pattern", "")
            if DATE_NAMED.search(field["name"]) or pattern.startswith(("^\\d{4}", "^((\\d{4}")):
                where = f"{resource['name']}.{field['name']}"
                assert field["type"] == "date" or pattern in dates.PATTERNS, where
                checked.append(where)
    assert len(checked) >= 20, checked


def test_every_resource_descriptor_documents_units():
    for resource in json.loads(DATAPACKAGE.read_text())["resources"]:
        assert resource.get("description"), resource["name"]
        for field in resource["schema"]["fields"]:
            if field["type"] in ("number", "integer") and field["name"] not in ("year", "vintage"):
                assert field.get("description"), f"{resource['name']}.{field['name']} has no unit/description"


QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


def _notebook_quotes():
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text())["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            lines = [line[1:].strip() for line in "".join(cell["source"]).splitlines() if line.startswith(">")]
            for match in QUOTE.finditer(" ".join(lines)):
                yield notebook.name, match.group(1)


@pytest.mark.parametrize("notebook, quote", list(_notebook_quotes()))
def test_block_quotes_are_exact_substrings_of_the_article(notebook, quote):
    assert quote in article_text(), f"{notebook}: not in the article: {quote!r}"


def test_the_chapters_quote_the_article():
    assert len(list(_notebook_quotes())) >= 3


def test_committed_notebooks_are_fresh_and_carry_no_clock():
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(notebook.read_text())["cells"]
        code = [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]
        assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), notebook.name
        assert not any("execution" in c.get("metadata", {}) for c in cells), f"{notebook.name}: timing metadata"
