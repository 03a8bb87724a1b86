"""Find the digits a chapter's prose types by hand.

A number or a date in the prose must come from the code (a glue role) so that it follows the
data. This scanner reads a chapter's MyST source (notebooks/NN-slug.md) and returns every token
with a digit in its markdown cells, leaving out what is not typed prose: the front matter, code
cells, directive options, labels, inline code, roles that glue or refer (glue, numref, ref, term,
doc, download, cite...), link targets and addresses, list numbers, HTML comments and quotations
of the article (an {article} role, or text in quotation marks that is exactly the article's).
What is left, less the allow-list beside this module (allowed_digits.py), is a hand-typed number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .allowed_digits import ALLOWED
from .prose import paragraphs, prose_lines, without_comments

SKIPPED_ROLES = ("glue", "numref", "ref", "term", "doc", "download", "cite", "eq", "article", "any")
ROLE = re.compile(r"\{([\w:-]+)\}`[^`]*`")
INLINE_CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
LIST_NUMBER = re.compile(r"^\s*\d+[.)]\s", re.M)
QUOTE_MARK = re.compile(r"^\s*>", re.M)
TOKEN = re.compile(r"[\w’'/.,:%$-]*\d[\w’'/.,:%$-]*")


@dataclass(frozen=True)
class Digit:
    """A hand-typed token with a digit, and where it is."""

    file: str
    line: int
    token: str
    text: str  # the line it is on

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.token!r} in: {self.text.strip()}"


def blank(match: re.Match) -> str:
    """The match as spaces, its line breaks kept."""
    return re.sub(r"[^\n]", " ", match.group(0))


def blank_non_prose(text: str, article: str) -> str:
    """The text with everything that is not typed prose blanked out, character for character
    (so that what is left keeps its place): roles that glue or refer, inline code, link targets,
    list numbers, block-quote marks and quotations of the article."""

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    text = ROLE.sub(lambda m: blank(m) if m.group(1).split(":")[0] in SKIPPED_ROLES else m.group(0), text)
    text = INLINE_CODE.sub(blank, text)
    text = LINK_TARGET.sub(blank, text)
    text = LIST_NUMBER.sub(blank, text)
    text = QUOTE_MARK.sub(blank, text)
    return QUOTED.sub(lambda m: blank(m) if _is_article_text(m.group(1), article) else m.group(0), text)


def _is_article_text(quote: str, article: str) -> bool:
    return " ".join(quote.split()) in article


def typed_digits(path: Path, article: str) -> list[Digit]:
    """Every hand-typed token with a digit in the chapter, less the allow-list."""
    article = " ".join(article.split())
    source = without_comments(path.read_text(encoding="utf-8"))
    found = []
    for paragraph in paragraphs(prose_lines(source)):
        text = blank_non_prose("\n".join(line for _, line in paragraph), article)
        for phrase in ALLOWED:
            text = re.sub(
                rf"(?<![\w-]){re.escape(phrase).replace(chr(92) + ' ', chr(92) + 's+')}(?![\w-])", blank, text
            )
        for match in TOKEN.finditer(text):
            token = match.group(0).strip(".,:;’'")
            number, line = paragraph[text.count("\n", 0, match.start())]
            found.append(Digit(path.name, number, token, line))
    return found
