"""The ``data-catalogue`` directive: the data catalogue page, generated from
``data/datapackage.json`` so that it can never disagree with the data."""

from __future__ import annotations

import json

import pandas as pd
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from maturing import dates
from maturing.data import DATAPACKAGE, load


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _constraints(field: dict) -> str:
    parts = []
    for key, value in field.get("constraints", {}).items():
        if key == "enum":
            parts.append("one of " + ", ".join(f"`{v}`" for v in value))
        elif key == "pattern" and value in dates.PATTERNS:  # a date pattern, said in words
            parts.append(dates.PATTERNS[value])
        elif value is True:
            parts.append(key)
        else:
            parts.append(f"{key} {value}")
    return "; ".join(parts)


def resource_markdown(resource: dict, data_prefix: str) -> list[str]:
    """MyST lines describing one resource: what it is, its fields, its sources, a download link."""
    frame = load(resource["name"])
    lines = [
        f"(data-{resource['name']})=",
        f"## {resource.get('title', resource['name'])}",
        "",
        f"`{resource['name']}` · {{download}}`{resource['path']} <{data_prefix}{resource['path']}>` · "
        f"{len(frame)} rows",
        "",
        resource.get("description", ""),
        "",
        "| field | type | meaning and unit | constraints |",
        "| --- | --- | --- | --- |",
    ]
    for field in resource["schema"]["fields"]:
        lines.append(
            f"| `{field['name']}` | {field['type']} | {_cell(field.get('description', ''))} | "
            f"{_cell(_constraints(field))} |"
        )
    key = resource["schema"].get("primaryKey")
    lines += ["", f"Primary key: {', '.join(f'`{k}`' for k in key)}." if key else ""]
    if "source_id" in frame.columns and resource["name"] != "sources":
        counts = frame["status"].value_counts() if "status" in frame.columns else pd.Series(dtype=int)
        lines += [
            "",
            f"Drawn from {frame['source_id'].nunique()} sources; "
            f"{counts.get('confirmed', 0)} rows confirmed, {counts.get('unconfirmed', 0)} unconfirmed.",
        ]
    lines.append("")
    return lines


class DataCatalogue(SphinxDirective):
    """Every resource of the data package, its fields, units, sources and a download link."""

    has_content = False

    def run(self):
        self.env.note_dependency(str(DATAPACKAGE))
        descriptor = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
        prefix = self.option_prefix()
        entries = []
        for resource in descriptor["resources"]:
            self.env.note_dependency(str(DATAPACKAGE.parent / resource["path"]))
            # one box per dataset: the page lays out and paints each as it nears the screen
            entry = nodes.container(classes=["catalogue-entry"])
            lines = resource_markdown(resource, prefix)
            self.state.nested_parse(StringList(lines, source="datapackage.json"), self.content_offset, entry)
            entries.append(entry)
        return entries

    def option_prefix(self) -> str:
        depth = self.env.docname.count("/")
        return "../" * depth + "data/"
