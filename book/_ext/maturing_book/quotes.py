"""The ``article`` role: an inline quotation of the article, checked word for word.

In a chapter's prose, ``{article}`some 20 permanent, dedicated working groups``` renders the
words as a quotation, in typographic quotation marks (the role adds them: write none), and
fails the build with an error located on the line if they are not an exact substring of the
article's text (:func:`maturing.claims.article_text`): a capital changed, a straight apostrophe
for the article's curly one or a word left out is an error, not a quotation. Line breaks and runs
of spaces count as one space; nothing else is forgiven.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from maturing.claims import article_text


def one_spaced(text: str) -> str:
    return " ".join(text.split())


def is_in_the_article(words: str) -> bool:
    return one_spaced(words) in one_spaced(article_text())


class ArticleQuote(SphinxRole):
    """``{article}`words``: the words, in quotation marks, if the article has them exactly."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        words = one_spaced(self.text)
        if not is_in_the_article(words):
            message = self.inliner.reporter.error(
                f"not the article's words: {words!r} is not an exact substring of the article "
                "(data/article/maturing-partnership.txt); quote it exactly or do not quote it",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        return [nodes.inline(self.rawtext, f"“{words}”", classes=["article-quote"])], []
