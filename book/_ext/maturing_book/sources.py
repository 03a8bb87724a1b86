"""Every source one click away: the Sources page and the ``{source}`` role.

- ``{source-list}`` (on ``book/sources.md``) writes one entry per row of ``data/sources.csv``:
  publisher, title, date, the address as a link, where it was read when that is a copy, tier,
  licence, status and note, and the chapters and tables that use it. Each entry's anchor is
  ``source-<source_id>``, registered as a reference label.
- ``{source}`source_id``` (or ``{source}`text <source_id>```) in prose and captions writes the
  source's short name (publisher and year) as a link to its entry; an unknown id is a build error.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from maturing.chapter import declaration
from maturing.data import DATAPACKAGE, load, resource_names
from maturing.sources import anchor, short_name, sources

from . import chapters

EXPLICIT = re.compile(r"^(?P<text>.+?)\s*<(?P<target>[^<>]+)>$", re.S)
SOURCES_DOC = "book/sources"


class SourceRole(SphinxRole):
    """A source's short name, linked to its entry on the Sources page."""

    def run(self):
        match = EXPLICIT.match(self.text)
        source_id = (match.group("target") if match else self.text).strip()
        if source_id not in sources().index:
            message = self.inliner.reporter.error(
                f"unknown source {source_id!r} (not in data/sources.csv)", line=self.lineno
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        text = match.group("text") if match else short_name(source_id)
        ref = addnodes.pending_xref(
            self.rawtext, refdomain="std", reftype="ref", reftarget=anchor(source_id), refexplicit=True, refwarn=True
        )
        ref += nodes.inline(text, text, classes=["source-ref"])
        self.env.note_dependency(str(DATAPACKAGE.parent / "sources.csv"))
        return [ref], []


def chapters_using(root_docs: dict[str, object]) -> dict[str, list[tuple[str, str, int]]]:
    """source_id -> [(chapter docname, table, rows)] for the tables each chapter declares, and the
    ledger's sources for its own claims (table 'claims')."""
    used: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    tables = {name: load(name) for name in resource_names() if name != "sources"}
    for doc, path in root_docs.items():
        declared = declaration(path)
        for table in declared.tables:
            frame = tables[table]
            if "source_id" not in frame.columns:
                continue
            for source_id, n in frame["source_id"].value_counts().sort_index().items():
                used[source_id].append((doc, table, int(n)))
    ledger = tables["claims"]
    for claim in ledger.itertuples():
        for source_id in str(claim.source_ids).split(";") if isinstance(claim.source_ids, str) else []:
            used[source_id.strip()].append((f"notebooks/{claim.chapter}", "claims", 1))
    return used


def _text(value) -> str:
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


class SourceList(SphinxDirective):
    """Every source, one entry each, with its anchor, link and uses."""

    has_content = False

    def run(self):
        self.env.note_dependency(str(DATAPACKAGE))
        self.env.note_dependency(str(DATAPACKAGE.parent / "sources.csv"))
        notebooks = chapters.toc_notebooks()
        for path in notebooks.values():
            self.env.note_dependency(str(path))
        used = chapters_using(notebooks)
        table = sources().reset_index().sort_values(["publisher", "date", "source_id"], key=lambda c: c.str.lower())
        std = self.env.get_domain("std")
        out = [self._summary(table)]
        listing = nodes.bullet_list(classes=["source-list"])
        for entry in table.itertuples():
            node_id = anchor(entry.source_id)
            item = nodes.list_item(ids=[node_id], classes=["source-entry"])
            std.note_hyperlink_target(node_id, self.env.docname, node_id, short_name(entry.source_id))
            item += self._entry(entry, used.get(entry.source_id, []))
            listing += item
        out.append(listing)
        return out

    def _summary(self, table: pd.DataFrame) -> nodes.paragraph:
        tiers = table["tier"].value_counts()
        text = (
            f"{len(table)} sources: {tiers.get('primary', 0)} primary, {tiers.get('secondary', 0)} secondary and "
            f"{tiers.get('tertiary', 0)} tertiary; {int((table['status'] == 'read').sum())} read by the authors."
        )
        return nodes.paragraph(text, text)

    def _entry(self, entry, uses) -> nodes.paragraph:
        para = nodes.paragraph()
        para += nodes.strong(text=entry.publisher)
        para += nodes.Text(f" ({_text(entry.date) or 'n.d.'}). ")
        para += nodes.emphasis(text=entry.title)
        para += nodes.Text(". ")
        para += nodes.reference(entry.url, entry.url, refuri=entry.url, classes=["source-url"])
        para += nodes.Text(". ")
        if _text(entry.host):
            para += nodes.Text(f"Read as a copy on {entry.host}. ")
        para += nodes.inline(text=f"{entry.tier} source", classes=["source-tier", f"source-tier-{entry.tier}"])
        para += nodes.Text(f"; {entry.licence}; {entry.status} on {_text(entry.accessed)}.")
        if _text(entry.note):
            para += nodes.Text(f" {entry.note}")
        if uses:
            para += nodes.Text(" Used in ")
            by_doc: dict[str, list[str]] = defaultdict(list)
            for doc, table, n in uses:
                by_doc[doc].append(f"{table}: {n} row{'s' if n != 1 else ''}" if table != "claims" else "its claims")
            for i, (doc, what) in enumerate(sorted(by_doc.items())):
                if i:
                    para += nodes.Text("; ")
                ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget=f"/{doc}", refexplicit=False)
                ref += nodes.inline("", "")
                para += ref
                para += nodes.Text(f" ({', '.join(dict.fromkeys(what))})")
            para += nodes.Text(".")
        return para
