"""Bad input fails loudly: one DataError naming the file, the row, the field (or column), the
value found and what was expected. Each fixture in tests/fixtures/bad/ is one way a person
editing the data goes wrong."""

import json
from pathlib import Path

import pytest

from maturing.data import DataError, load, resource_names

BAD = Path(__file__).parent / "fixtures" / "bad" / "datapackage.json"

# fixture -> (row, field, column, kind, value, words the expectation must contain)
CASES = {
    "wrong_type": (3, "value", 2, "type-error", "four thousand", "a finite number of at least 0"),
    "missing_required": (3, "value", 2, "constraint-error", "", "value is required"),
    "duplicate_key": (4, "year", None, "primary-key", "2003", "row 2 has the same"),
    "unknown_source": (3, "source_id", None, "foreign-key", "no-such-source", "a source_id listed in sources.csv"),
    # saved in Latin-2: a guessing reader took it for another encoding, or crashed later, unlocated
    "latin2_encoding": (3, "place", 3, "encoding-error", "\\xa9iauliai", "UTF-8 text, as declared (byte 0xa9"),
    # ';' between cells: "valid" to a guessing validator, then a crash, or one silent garbage column
    "semicolon_delimited": (1, "year", 1, "header: wrong label", "year;value;source_id", "separated by ';'"),
    "semicolon_no_commas": (1, "year", 1, "header: wrong label", "year;value;source_id", "separated by ';'"),
    # numbers Table Schema admits and no table of this book may hold
    "infinite_value": (3, "value", 2, "not-finite", "INF", "a finite number of at least 0"),
    "nan_value": (3, "share", 3, "not-finite", "NaN", "a finite number"),
    # dates that are not in the calendar, typed and kept as text
    "impossible_day": (3, "date", 3, "type-error", "2005-04-31", "a calendar date (YYYY-MM-DD)"),
    "impossible_month": (3, "date", 3, "constraint-error", "1997-13-27", "a calendar date (YYYY, YYYY-MM or"),
    # a column inserted mid-header is reported where it is, not as the last label left over
    "inserted_column": (1, None, 2, "header: extra column", "unit", "'unit' is not a field of the schema"),
    "extra_cell": (3, None, 4, "extra-cell", "revised", "3 cells, as many as the header has"),
}


def test_good_fixture_loads_typed():
    frame = load("ok", BAD)
    assert list(frame["year"]) == [2003, 2004]
    assert frame["year"].dtype == "Int64"
    assert frame["value"].dtype == "float64"
    assert frame["value"].sum() == 7800


def test_every_bad_fixture_is_a_case_here():
    fixtures = set(resource_names(BAD)) - {"sources", "ok"}
    assert fixtures == set(CASES) | {"missing_file", "undeclared_encoding"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_rows_are_located_with_value_and_expectation(name):
    row, field, column, kind, value, expected = CASES[name]
    with pytest.raises(DataError) as caught:
        load(name, BAD)
    error = caught.value
    assert (error.file, error.row, error.field, error.column) == (f"bad/{name}.csv", row, field, column)
    assert (error.problem, error.value) == (kind, value)
    assert expected in error.expected
    place = f"field '{field}'" if field else f"column {column}"
    assert str(error).startswith(f"bad/{name}.csv, row {row}, {place}: {kind}: got {value!r}, expected ")


def test_the_message_reads_as_one_line():
    with pytest.raises(DataError) as caught:
        load("impossible_month", BAD)
    assert str(caught.value) == (
        "bad/impossible_month.csv, row 3, field 'date': constraint-error: got '1997-13-27', "
        "expected a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
    )


def test_other_problems_in_the_file_are_counted(tmp_path):
    package = json.loads(BAD.read_text())
    (tmp_path / "sources.csv").write_text((BAD.parent / "sources.csv").read_text())
    (tmp_path / "wrong_type.csv").write_text("year,value,source_id\n2003,x,good-source\n2004,y,good-source\n")
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    with pytest.raises(DataError, match=r"row 2, field 'value'.*\(and 1 more problem\(s\) in this file\)$"):
        load("wrong_type", tmp_path / "datapackage.json")


def test_a_resource_must_pin_its_encoding_and_dialect():
    with pytest.raises(DataError) as caught:
        load("undeclared_encoding", BAD)
    assert caught.value.file == "datapackage.json"
    assert str(caught.value).startswith(
        'datapackage.json: resource \'undeclared_encoding\' declares no UTF-8 encoding, expected "encoding": "utf-8"'
    )


def test_missing_file_is_named():
    with pytest.raises(DataError, match=r"bad/missing_file.csv: file missing"):
        load("missing_file", BAD)


def test_unknown_resource_is_named():
    with pytest.raises(DataError, match="no resource named 'nope'"):
        load("nope", BAD)
