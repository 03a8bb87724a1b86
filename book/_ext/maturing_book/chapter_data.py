"""The ``{chapter-data}`` directive: a chapter's "Sources and data", built from its declaration.

A chapter declares the tables and geometry it reads in its front matter (:mod:`maturing.chapter`);
the same list makes its cache fingerprint and its download archive. This directive turns it into
the list a reader sees: each table with its title, a download link, its size and a link to its
entry in the data catalogue; the map geometry; and every source those tables and the chapter's
claims rest on, in short form, each a link to its entry on the Sources page.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from maturing.chapter import declaration
from maturing.data import DATAPACKAGE, load
from maturing.sources import by_publisher

GEOMETRY = "Natural Earth 4.1.0 country boundaries at 1:{scale} million (public domain), read offline from `data/geo/`"


def _resources() -> dict[str, dict]:
    return {r["name"]: r for r in json.loads(DATAPACKAGE.read_text(encoding="utf-8"))["resources"]}


def chapter_sources(stem: str, tables: tuple[str, ...]) -> list[str]:
    """The sources behind the declared tables' rows and the chapter's own claims, once each."""
    found: list[str] = []
    for table in tables:
        frame = load(table)
        if "source_id" in frame.columns:
            found += list(frame["source_id"].dropna())
    ledger = load("claims")
    for claim in ledger[ledger["chapter"] == stem].itertuples():
        for column in (claim.source_ids, claim.counter_source_ids):
            if isinstance(column, str):
                found += [s.strip() for s in column.split(";") if s.strip()]
    return list(dict.fromkeys(found))


class ChapterData(SphinxDirective):
    has_content = False

    def run(self):
        path = Path(self.env.doc2path(self.env.docname))
        declared = declaration(path)
        self.env.note_dependency(str(DATAPACKAGE))
        resources = _resources()
        prefix = "../" * self.env.docname.count("/")
        lines = []
        for table in declared.tables:
            resource = resources[table]
            self.env.note_dependency(str(DATAPACKAGE.parent / resource["path"]))
            rows = len(load(table))
            lines.append(
                f"- {resource.get('title', table)}: {{download}}`{resource['path']} <{prefix}data/{resource['path']}>`, "
                f"{rows} rows ({{ref}}`fields and units <data-{table}>`)"
            )
        for resolution in declared.geometry:
            lines.append(f"- {GEOMETRY.format(scale=resolution.rstrip('m'))}")
        lines.append(
            f"- Every source listed with its address: {{download}}`sources.csv <{prefix}data/sources.csv>` "
            f"and the {{doc}}`Sources page <{prefix}book/sources>`"
        )
        cited = chapter_sources(path.stem, declared.tables)
        lines += ["", f"The {len(cited)} sources this chapter's data and verdicts rest on: {by_publisher(cited)}."]
        container = nodes.container(classes=["chapter-data"])
        self.state.nested_parse(StringList(lines, source=str(path)), self.content_offset, container)
        return container.children
