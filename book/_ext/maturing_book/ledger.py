"""The ``{claims-ledger}`` directive: every claim of the article, by chapter, each linked to its
row in the verdict table of the chapter that checks it (the appendix ``book/ledger.md``).

The counts at the head of each group are the chapter's own verdict table's, so a reader can
rebuild the book's headline counts from the chapters.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from maturing.data import DATAPACKAGE, load
from maturing.tables import wrap
from maturing.verdicts import summary

from . import chapters
from .chapters import chapter_title


def badge(claim) -> str:
    word = claim.verdict if claim.kind == "checkable" else claim.kind
    return f'<span class="verdict-badge verdict-{escape(word)}">{escape(word)}</span>'


def ledger_html(ledger, chapters: dict[str, str], prefix: str) -> str:
    """One table, one body per chapter (in book order), one row per claim in the article's order."""
    head = "<thead><tr><th>Verdict</th><th>Claim</th><th>The article says</th><th>Checked in</th></tr></thead>"
    bodies = []
    for stem, title in chapters.items():
        rows = ledger[ledger["chapter"] == stem].sort_values(["paragraph", "claim_id"], kind="stable")
        if rows.empty:
            continue
        page = f"{prefix}notebooks/{stem}.html"
        cells = [
            f'<tr class="ledger-group"><th colspan="4"><a href="{page}">{escape(title)}</a>: '
            f"{escape(summary(rows))}</th></tr>"
        ]
        for claim in rows.itertuples():
            cells.append(
                f'<tr><td class="verdict-cell" data-label="Verdict">{badge(claim)}</td><td data-label="Claim">{escape(claim.claim)}</td>'
                f'<td data-label="The article says">“{escape(claim.quote)}”</td>'
                f'<td data-label="Checked in"><a href="{page}#claim-{escape(claim.claim_id)}">{escape(title)}</a></td></tr>'
            )
        bodies.append("<tbody>" + "".join(cells) + "</tbody>")
    return wrap(f'<table class="maturing-table maturing-verdicts maturing-ledger">{head}{"".join(bodies)}</table>')


class ClaimsLedger(SphinxDirective):
    has_content = False

    def run(self):
        self.env.note_dependency(str(DATAPACKAGE.parent / "claims.csv"))
        notebooks = chapters.toc_notebooks()
        for path in notebooks.values():
            self.env.note_dependency(str(path))
        titles = {path.stem: chapter_title(path) for path in notebooks.values()}
        ledger = load("claims")
        unknown = sorted(set(ledger["chapter"]) - set(titles))
        if unknown:
            raise self.error(f"claims.csv names chapters that are not in the book: {unknown}")
        intro = nodes.paragraph(text=f"All {len(ledger)} claims of the article. {summary(ledger)}")
        prefix = "../" * self.env.docname.count("/")
        return [intro, nodes.raw("", ledger_html(ledger, titles, prefix), format="html")]
