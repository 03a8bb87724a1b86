"""Bad input fails loudly: one DataError naming the file, the row and the field."""

from pathlib import Path

import pytest

from maturing.data import DataError, load

BAD = Path(__file__).parent / "fixtures" / "bad" / "datapackage.json"


def test_good_fixture_loads_typed():
    frame = load("ok", BAD)
    assert list(frame["year"]) == [2003, 2004]
    assert frame["year"].dtype == "Int64"
    assert frame["value"].dtype == "float64"
    assert frame["value"].sum() == 7800


@pytest.mark.parametrize(
    "name, row, field, kind",
    [
        ("wrong_type", 3, "value", "type-error"),
        ("missing_required", 3, "value", "constraint-error"),
        ("duplicate_key", 4, "year", "primary-key"),
        ("unknown_source", 3, "source_id", "foreign-key"),
    ],
)
def test_bad_rows_name_file_row_and_field(name, row, field, kind):
    with pytest.raises(DataError) as caught:
        load(name, BAD)
    error = caught.value
    assert (error.file, error.row, error.field) == (f"bad/{name}.csv", row, field)
    assert kind in error.problem
    assert str(error).startswith(f"bad/{name}.csv, row {row}, field '{field}': {kind}")


def test_missing_file_is_named():
    with pytest.raises(DataError, match=r"bad/missing_file.csv: file missing"):
        load("missing_file", BAD)


def test_unknown_resource_is_named():
    with pytest.raises(DataError, match="no resource named 'nope'"):
        load("nope", BAD)
