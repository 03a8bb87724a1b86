"""Load the book's tables: every CSV is validated against its Table Schema in
``data/datapackage.json`` (with the ``frictionless`` library) before it becomes a
typed pandas DataFrame. Bad data fails loudly with one :class:`DataError` that
names the file, the row and the field.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
from frictionless import Package

from . import chapter
from .paths import DATA_DIR

DATAPACKAGE = DATA_DIR / "datapackage.json"
ALWAYS_READ = ("sources",)  # read by every chapter (figure captions, source links): no declaration needed

# Table Schema type -> pandas dtype. Dates become datetime64; years stay integers.
_PANDAS_TYPES = {
    "integer": "Int64",
    "year": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "string": "string",
}


class DataError(ValueError):
    """A data file does not match its schema.

    ``file``, ``row`` (line number in the CSV, the header being line 1) and
    ``field`` say where; ``row`` and ``field`` are ``None`` when the problem is
    not tied to one (a missing file, an unknown resource).
    """

    def __init__(self, file: str, row: int | None, field: str | None, problem: str):
        self.file, self.row, self.field, self.problem = file, row, field, problem
        where = [file]
        if row is not None:
            where.append(f"row {row}")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}")


@cache
def _package(descriptor: str) -> Package:
    return Package(descriptor)


def resource_names(datapackage: Path = DATAPACKAGE) -> list[str]:
    """Names of every resource in the data package, in the order listed."""
    return [r.name for r in _package(str(datapackage)).resources]


def load(name: str, datapackage: Path = DATAPACKAGE) -> pd.DataFrame:
    """Return resource ``name`` as a typed DataFrame, after validating it.

    Raises :class:`DataError` on the first problem found (wrong type, missing
    required value, broken constraint, duplicate primary key, unknown foreign
    key such as a ``source_id`` absent from ``sources.csv``, or a missing file).
    """
    declared = chapter.current()
    if declared is not None and name not in ALWAYS_READ:
        declared.require_table(name)
    datapackage = Path(datapackage)
    package = _package(str(datapackage))
    if not package.has_resource(name):
        raise DataError(datapackage.name, None, None, f"no resource named '{name}'")
    resource = package.get_resource(name)
    path = datapackage.parent / resource.path
    shown = f"{datapackage.parent.name}/{resource.path}"
    if not path.is_file():
        raise DataError(shown, None, None, f"file missing (resource '{name}')")
    _raise_first_error(resource, shown)
    return _typed_frame(path, resource.schema)


def _raise_first_error(resource, shown: str) -> None:
    report = resource.validate()
    if report.valid:
        return
    errors = [e for task in report.tasks for e in task.errors] or report.errors
    first = errors[0]
    field = getattr(first, "field_name", None) or _fields_of(first, resource.schema)
    row = getattr(first, "row_number", None)
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    raise DataError(shown, row, field, f"{first.type}: {first.note or first.message}{more}")


def _fields_of(error, schema) -> str | None:
    """Name the field(s) behind a row-level error (primary or foreign key)."""
    if error.type == "primary-key":
        return ", ".join(schema.primary_key)
    if error.type == "foreign-key":
        return ", ".join(f for fk in schema.foreign_keys for f in fk["fields"])
    return None


def _typed_frame(path: Path, schema) -> pd.DataFrame:
    dtypes = {f.name: _PANDAS_TYPES.get(f.type, "string") for f in schema.fields}
    dates = [f.name for f in schema.fields if f.type in ("date", "datetime")]
    frame = pd.read_csv(
        path,
        dtype={k: v for k, v in dtypes.items() if k not in dates},
        keep_default_na=False,
        na_values=[""],
    )
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    return frame


def fields(name: str, datapackage: Path = DATAPACKAGE) -> list[dict]:
    """The Table Schema fields of resource ``name`` (name, type, description, ...)."""
    resource = _package(str(Path(datapackage))).get_resource(name)
    return [f.to_dict() for f in resource.schema.fields]


def describe(name: str, datapackage: Path = DATAPACKAGE) -> dict:
    """The resource's descriptor (title, description, path, schema)."""
    return _package(str(Path(datapackage))).get_resource(name).to_dict()
