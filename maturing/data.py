"""Load the book's tables.

Each CSV has one reading path: ``frictionless`` reads it with the encoding and the CSV dialect
that ``data/datapackage.json`` pins for it (nothing is guessed), checks every row against the
resource's Table Schema, and the rows it checked become the typed pandas DataFrame returned.
Bad data fails loudly with one :class:`DataError` that names the file, the row, the field, the
value found and what was expected there.

Beyond the Table Schema, the loader holds every table to two house rules: a file is UTF-8 (its
descriptor says so, with its dialect), and a number is finite (Table Schema lets a number be
``NaN``, ``INF`` or ``-INF``; no field of this book allows them; a missing value is an empty
cell).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import pandas as pd
from frictionless import Package

from . import chapter, dates
from .paths import DATA_DIR

DATAPACKAGE = DATA_DIR / "datapackage.json"
ALWAYS_READ = ("sources",)  # read by every chapter (figure captions, source links): no declaration needed
ENCODING = "utf-8"  # the encoding every resource declares

# Table Schema type -> pandas dtype. Dates become datetime64; years stay integers.
_PANDAS_TYPES = {
    "integer": "Int64",
    "year": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "string": "string",
}
_TYPE_WORDS = {
    "integer": "an integer",
    "year": "a year (YYYY)",
    "number": "a finite number",
    "boolean": "true or false",
    "date": "a calendar date (YYYY-MM-DD)",
    "datetime": "a date and time (YYYY-MM-DDTHH:MM:SS)",
}
_SEPARATORS = (";", "\t", "|")  # what a mis-saved CSV is often separated by instead


class DataError(ValueError):
    """A data file does not match its schema.

    ``file``, ``row`` (the row as a spreadsheet numbers it: the header is row 1) and ``field``
    (or, for a cell outside every field, ``column``, counted from 1) say where; ``value`` is what
    was found there and ``expected`` what the schema asks for; ``more`` counts the file's other
    problems. ``row`` and ``field`` are ``None`` when the problem is not tied to one (a missing
    file, an unknown resource).
    """

    def __init__(
        self,
        file: str,
        row: int | None,
        field: str | None,
        problem: str,
        *,
        value: str | None = None,
        expected: str | None = None,
        column: int | None = None,
        more: int = 0,
    ):
        self.file, self.row, self.field, self.problem = file, row, field, problem
        self.value, self.expected, self.column, self.more = value, expected, column, more
        super().__init__(f"{', '.join(self._where())}: {self._what()}")

    def _where(self) -> list[str]:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        elif self.column is not None:
            where.append(f"column {self.column}")
        return where

    def _what(self) -> str:
        what = self.problem
        if self.value is not None:
            what += f": got {self.value!r}"
        if self.expected is not None:
            what += f", expected {self.expected}"
        if self.more:
            what += f" (and {self.more} more problem(s) in this file)"
        return what


@cache
def _package(descriptor: str) -> Package:
    return Package(descriptor)


@cache
def _declared(descriptor: str) -> dict[str, dict]:
    """Each resource's descriptor as written in the file (before frictionless fills anything in)."""
    return {r["name"]: r for r in json.loads(Path(descriptor).read_text(encoding="utf-8"))["resources"]}


def resource_names(datapackage: Path = DATAPACKAGE) -> list[str]:
    """Names of every resource in the data package, in the order listed."""
    return [r.name for r in _package(str(datapackage)).resources]


def load(name: str, datapackage: Path = DATAPACKAGE) -> pd.DataFrame:
    """Return resource ``name`` as a typed DataFrame, after validating it.

    Raises :class:`DataError` on the first problem found: a file that is not UTF-8 or not
    comma-separated as declared, a header that differs from the schema's fields, a wrong type, an
    impossible date, a missing required value, a broken constraint, an infinite or NaN number, a
    row with too many or too few cells, a duplicate primary key, an unknown foreign key such as a
    ``source_id`` absent from ``sources.csv``, or a missing file.
    """
    declared = chapter.current()
    if declared is not None and name not in ALWAYS_READ:
        declared.require_table(name)
    datapackage = Path(datapackage)
    package = _package(str(datapackage))
    if not package.has_resource(name):
        raise DataError(datapackage.name, None, None, f"no resource named '{name}'")
    resource = package.get_resource(name)
    for needed in (*_referenced(resource, package), resource):
        _check_file(needed, datapackage)
    with resource:
        rows = _checked_rows(resource, _shown(resource, datapackage))
    return _typed_frame(rows, resource.schema)


def _shown(resource, datapackage: Path) -> str:
    """The file as an error names it: ``data/opium_afghanistan.csv``."""
    return f"{datapackage.parent.name}/{resource.path}"


def _referenced(resource, package) -> list:
    """The other resources its foreign keys look values up in (``sources``)."""
    names = {fk["reference"]["resource"] or resource.name for fk in resource.schema.foreign_keys}
    return [package.get_resource(n) for n in sorted(names - {resource.name}) if package.has_resource(n)]


def _check_file(resource, datapackage: Path) -> None:
    """What must hold before any row is read: the file exists, its descriptor pins the encoding
    and dialect, it decodes as UTF-8 and its header row names the schema's fields in order."""
    shown = _shown(resource, datapackage)
    path = datapackage.parent / resource.path
    if not path.is_file():
        raise DataError(shown, None, None, f"file missing (resource '{resource.name}')")
    _check_pinned_format(_declared(str(datapackage))[resource.name], datapackage.name)
    _check_encoding(path.read_bytes(), resource, shown)
    with resource:
        _check_header(list(resource.labels), resource, shown)


def _check_pinned_format(descriptor: dict, package_file: str) -> None:
    encoding = descriptor.get("encoding")
    if encoding != ENCODING:
        raise DataError(
            package_file,
            None,
            None,
            f"resource '{descriptor['name']}' declares no UTF-8 encoding",
            value=encoding,
            expected=f'"encoding": "{ENCODING}" (nothing may be guessed)',
        )
    if "delimiter" not in descriptor.get("dialect", {}):
        raise DataError(
            package_file,
            None,
            None,
            f"resource '{descriptor['name']}' declares no CSV dialect",
            value=json.dumps(descriptor.get("dialect")),
            expected='a "dialect" with its "delimiter" (nothing may be guessed)',
        )


def _check_encoding(data: bytes, resource, shown: str) -> None:
    try:
        data.decode(ENCODING)
    except UnicodeDecodeError as error:
        bad_byte = data[error.start]
        row, column, cell, label = _locate_undecodable(data, error.start, resource)
        raise DataError(
            shown,
            row,
            label,
            "encoding-error",
            value=cell,
            expected=(
                f"UTF-8 text, as declared (byte 0x{bad_byte:02x} is not UTF-8: the file was saved in "
                "another encoding; save it as UTF-8)"
            ),
            column=column,
        ) from None


def _locate_undecodable(data: bytes, offset: int, resource) -> tuple[int, int | None, str | None, str | None]:
    """Row, column, cell and field of the first byte that is not UTF-8. Each such byte is kept as
    a lone surrogate while the rows are split with the declared dialect, then shown escaped (a
    byte outside every cell, e.g. after a closing quote, is placed by its line)."""
    text = data.decode(ENCODING, errors="surrogateescape")
    rows = list(csv.reader(io.StringIO(text, newline=""), **_csv_options(resource.dialect)))
    header = rows[0] if rows else []
    for row_number, cells in enumerate(rows, start=1):
        for column, cell in enumerate(cells, start=1):
            if any("\udc80" <= ch <= "\udcff" for ch in cell):
                shown = cell.encode(ENCODING, errors="surrogateescape").decode(ENCODING, errors="backslashreplace")
                label = header[column - 1] if row_number > 1 and column <= len(header) else None
                return row_number, column, shown, label
    return data.count(b"\n", 0, offset) + 1, None, None, None


def _csv_options(dialect) -> dict:
    control = dialect.get_control("csv")
    return {
        "delimiter": getattr(control, "delimiter", ","),
        "quotechar": getattr(control, "quote_char", '"'),
        "doublequote": getattr(control, "double_quote", True),
        "skipinitialspace": getattr(control, "skip_initial_space", False),
    }


def _check_header(labels: list[str], resource, shown: str) -> None:
    """The header must name the schema's fields, in order. The first difference is reported where
    it is: a column inserted, missing or misnamed, counted from the left."""
    names = [f.name for f in resource.schema.fields]
    if labels == names:
        return
    matcher = difflib.SequenceMatcher(a=names, b=labels, autojunk=False)
    tag, i, _, j, _ = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    listed = ", ".join(names)
    hint = _separator_hint(labels, resource)
    if tag == "insert":
        raise DataError(
            shown,
            1,
            None,
            "header: extra column",
            value=labels[j],
            expected=f"no column here ('{labels[j]}' is not a field of the schema: {listed}){hint}",
            column=j + 1,
        )
    found = labels[j] if j < len(labels) else "(end of the header)"
    raise DataError(
        shown,
        1,
        names[i],
        "header: missing column" if tag == "delete" else "header: wrong label",
        value=found,
        expected=f"'{names[i]}' (the schema's fields, in order: {listed}){hint}",
        column=j + 1,
    )


def _separator_hint(labels: list[str], resource) -> str:
    declared = _csv_options(resource.dialect)["delimiter"]
    for separator in _SEPARATORS:
        if separator != declared and any(separator in label for label in labels):
            return f"; the file seems separated by {separator!r}, but the data package declares {declared!r}"
    return ""


def _checked_rows(resource, shown: str) -> list[dict]:
    """Every row, typed, after checking it. The first problem raises, counting the others."""
    problems, rows = [], []
    for row in resource.row_stream:
        found = _not_finite(row, resource.schema) + [_from_frictionless(e, resource) for e in row.errors]
        problems += sorted(found, key=lambda p: p.get("column") or 0)  # left to right; stable: ours first
        rows.append(row.to_dict())
    if problems:
        raise DataError(shown, **problems[0], more=len(problems) - 1)
    return rows


def _not_finite(row, schema) -> list[dict]:
    """NaN and infinities, which Table Schema numbers admit and this book's never do."""
    found = []
    for column, field in enumerate(schema.fields, start=1):
        value = row[field.name] if field.type == "number" else None
        if isinstance(value, Decimal) and not value.is_finite():
            found.append(
                _problem(
                    row.row_number, field.name, "not-finite", str(row.cells[column - 1]), _type_words(field), column
                )
            )
    return found


def _problem(row, field, kind, value, expected, column=None) -> dict:
    return {"row": row, "field": field, "problem": kind, "value": value, "expected": expected, "column": column}


def _from_frictionless(error, resource) -> dict:
    """frictionless's error for a row, in this book's terms: where, what was found, what was
    expected."""
    schema, kind, row = resource.schema, error.type, error.row_number
    width = f"{len(schema.fields)} cells, as many as the header has"
    if kind in ("type-error", "constraint-error", "unique-error"):
        field = schema.get_field(error.field_name)
        expected = {
            "type-error": _type_words,
            "constraint-error": lambda f: _constraint_words(f, error.note),
            "unique-error": lambda f: f"a value no other row has ({_earlier_row(error.note)} has it)",
        }[kind](field)
        return _problem(row, field.name, kind, error.cell, expected, error.field_number)
    if kind == "missing-cell":
        return _problem(row, error.field_name, kind, None, width, error.field_number)
    if kind == "extra-cell":
        return _problem(row, None, kind, error.cell, width, error.field_number)
    if kind == "primary-key":
        key = schema.primary_key
        cells = ", ".join(error.cells[schema.field_names.index(k)] for k in key)
        expected = f"a key ({', '.join(key)}) no other row has ({_earlier_row(error.note)} has the same)"
        return _problem(row, ", ".join(key), kind, cells, expected)
    if kind == "foreign-key":
        listed_in = resource.package.get_resource(error.reference_name).path
        expected = f"a {', '.join(error.reference_field_names)} listed in {listed_in}"
        return _problem(row, ", ".join(error.field_names), kind, ", ".join(error.field_cells), expected)
    return _problem(row, None, kind, ", ".join(error.cells), error.note or error.message)


def _earlier_row(note: str) -> str:
    match = re.search(r"position (\d+)", note)
    return f"row {match.group(1)}" if match else "an earlier row"


def _type_words(field) -> str:
    """What a cell of the field may hold, in words: 'a finite number of at least 0'."""
    return _TYPE_WORDS.get(field.type, f"a {field.type}") + _bounds(field)


def _bounds(field) -> str:
    low, high = field.constraints.get("minimum"), field.constraints.get("maximum")
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of at least {low}"
    if high is not None:
        return f" of at most {high}"
    return ""


def _constraint_words(field, note: str) -> str:
    match = re.search(r'constraint "(\w+)"', note or "")
    constraint = match.group(1) if match else ""
    value = field.constraints.get(constraint)
    if constraint == "required":
        return f"a value ({field.name} is required)"
    if constraint in ("minimum", "maximum"):
        return _type_words(field)
    if constraint == "enum":
        return "one of " + ", ".join(map(str, value))
    if constraint == "pattern":
        return dates.PATTERNS.get(value, f"text matching {value}")
    if constraint in ("minLength", "maxLength"):
        return f"text of {'at least' if constraint == 'minLength' else 'at most'} {value} characters"
    return note


def _typed_frame(rows: list[dict], schema) -> pd.DataFrame:
    names = [f.name for f in schema.fields]
    frame = pd.DataFrame([[_plain(row[n]) for n in names] for row in rows], columns=names, dtype=object)
    for field in schema.fields:
        if field.type in ("date", "datetime"):
            frame[field.name] = pd.to_datetime(frame[field.name], format="ISO8601")
        else:
            frame[field.name] = frame[field.name].astype(_PANDAS_TYPES.get(field.type, "string"))
    return frame


def _plain(value):
    """A checked value as pandas takes it: numbers as floats, dates as ISO 8601 text."""
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def fields(name: str, datapackage: Path = DATAPACKAGE) -> list[dict]:
    """The Table Schema fields of resource ``name`` (name, type, description, ...)."""
    resource = _package(str(Path(datapackage))).get_resource(name)
    return [f.to_dict() for f in resource.schema.fields]


def describe(name: str, datapackage: Path = DATAPACKAGE) -> dict:
    """The resource's descriptor (title, description, path, schema)."""
    return _package(str(Path(datapackage))).get_resource(name).to_dict()
