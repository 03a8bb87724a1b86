"""The article as data: its paragraphs, its themes and the names it uses.

:func:`paragraphs` turns the text in ``data/article/`` into one row per line
(the article has one paragraph per line), with the section it belongs to under
the article's own headings. ``data/article_paragraphs.csv`` is exactly what it
returns (a test checks this), so the table and the text cannot drift apart.

:func:`theme_words` gives each sentence of a paragraph a theme from a small,
published keyword lexicon (:data:`LEXICON`), and :func:`name_counts` counts the
organisations, places, people, documents and events the article names
(:data:`NAMES`). Both are deliberately simple, so a reader can check them by hand.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from .claims import article_text
from .paths import DATA_DIR

SOURCE_ID = "ivanov-2005"
OPENING = "opening"
KINDS = ("title", "standfirst", "standfirst-repeat", "heading", "body", "byline")
COLUMNS = ["paragraph", "section", "kind", "words", "text", "source_id", "status"]
SENTENCE_END = (".", "?", "!", "”", '"')


def word_count(text: str) -> int:
    """Words in ``text``: runs of letters or digits (hyphenated words count once)."""
    return len(re.findall(r"[\w’'$]+(?:[-–][\w’']+)*", text))


def _kind(number: int, line: str, lines: list[str]) -> str:
    """The role of line ``number`` (1-based) of the article.

    The first line is the title and the second the standfirst (NATO's page
    prints the standfirst twice; the copy is 'standfirst-repeat'). The last
    line is the author's byline. Any other line that does not end a sentence is
    one of the article's own section headings; everything else is body text.
    """
    if number == 1:
        return "title"
    if number == 2:
        return "standfirst"
    if line == lines[1]:
        return "standfirst-repeat"
    if number == len(lines):
        return "byline"
    if not line.rstrip().endswith(SENTENCE_END):
        return "heading"
    return "body"


def paragraphs(text: str | None = None) -> pd.DataFrame:
    """One row per line of the article: number, section, kind, word count, exact text.

    ``section`` is 'title', 'standfirst' or 'byline' for those lines, else the
    heading the line falls under ('opening' before the first heading).
    """
    lines = (article_text() if text is None else text).split("\n")
    rows, section = [], OPENING
    for number, line in enumerate(lines, start=1):
        kind = _kind(number, line, lines)
        if kind == "heading":
            section = line
        where = {
            "title": "title",
            "standfirst": "standfirst",
            "standfirst-repeat": "standfirst",
            "byline": "byline",
        }.get(kind, section)
        rows.append(
            {
                "paragraph": number,
                "section": where,
                "kind": kind,
                "words": word_count(line),
                "text": line,
                "source_id": SOURCE_ID,
                "status": "confirmed",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def csv_text(frame: pd.DataFrame | None = None) -> str:
    """The paragraphs table as the CSV text of ``data/article_paragraphs.csv``."""
    return (paragraphs() if frame is None else frame).to_csv(index=False, lineterminator="\n")


def write_csv() -> None:
    """(Re)write ``data/article_paragraphs.csv`` from the article's text."""
    (DATA_DIR / "article_paragraphs.csv").write_text(csv_text(), encoding="utf-8")


def body(frame: pd.DataFrame) -> pd.DataFrame:
    """The body paragraphs only (no title, standfirst, headings or byline)."""
    return frame[frame["kind"] == "body"]


# --- Themes ---------------------------------------------------------------------------------
# A sentence belongs to the theme whose keywords it contains most often; a tie splits its words
# equally between the tied themes; a sentence with no keyword is 'general'. Keywords match at
# the start of a word and ignore case ("terror" matches "counter-terrorist").
THEMES = ("cooperation", "disputes", "terrorism", "drugs")
GENERAL = "general"
LEXICON = {
    "cooperation": (
        "cooperat",
        "partner",
        "together",
        "joint",
        "dialogue",
        "working group",
        "interoperab",
        "peacekeeping",
        "rescue",
        "assistance",
        "status of forces",
        "common ground",
        "half way",
        "fruitful",
        "accomplishment",
        "defence ministers",
        "rome",
        "nato-russia council",
    ),
    "disputes": (
        "differen",
        "problem",
        "cfe",
        "ratif",
        "linkage",
        "grey zone",
        "kaliningrad",
        "transit",
        "air policing",
        "combat aircraft",
        "galling",
        "honoured",
        "baltic",
        "bases",
        "withdrawal",
        "georgia",
        "moldova",
        "transdniestr",
        "silo",
        "launchers",
        "no progress",
        "disingenuous",
        "distrust",
        "misgivings",
        "untoward",
        "complicate",
        "adverse",
        "double standards",
        "asylum",
        "wanted list",
        "enlargement",
    ),
    "terrorism": (
        "terror",
        "beslan",
        "nalchik",
        "madrid",
        "london",
        "new york",
        "amman",
        "sponsor",
        "funding",
        "money",
        "special services",
        "suspect transactions",
        "separatism",
        "intelligence",
    ),
    "drugs": ("drug", "narcotic", "heroin", "afghan", "security belt", "smuggling", "tons"),
}
_KEYWORDS = {
    theme: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + ")", re.I)
    for theme, keys in LEXICON.items()
}
# Split after . ? ! (and a closing quote) when the next sentence starts with a capital.
_SENTENCE = re.compile(r"(?<=[.?!])(?:”)?\s+(?=[A-Z“])")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph."""
    return [s for s in _SENTENCE.split(text.strip()) if s]


def keyword_hits(sentence: str) -> dict[str, int]:
    """How many keywords of each theme the sentence contains."""
    return {theme: len(pattern.findall(sentence)) for theme, pattern in _KEYWORDS.items()}


def sentence_theme_words(sentence: str) -> dict[str, float]:
    """The sentence's words, allotted to its dominant theme(s) or to 'general'."""
    hits = keyword_hits(sentence)
    words = word_count(sentence)
    top = max(hits.values())
    if top == 0:
        return {GENERAL: float(words)}
    winners = [t for t in THEMES if hits[t] == top]
    return {t: words / len(winners) for t in winners}


def theme_words(text: str) -> dict[str, float]:
    """Words of a paragraph per theme (and 'general'), summed over its sentences."""
    total = dict.fromkeys((*THEMES, GENERAL), 0.0)
    for sentence in sentences(text):
        for theme, words in sentence_theme_words(sentence).items():
            total[theme] += words
    return total


def theme_table(frame: pd.DataFrame) -> pd.DataFrame:
    """For each body paragraph: its section and its words per theme."""
    rows = []
    for row in body(frame).itertuples():
        rows.append({"paragraph": row.paragraph, "section": row.section, **theme_words(row.text)})
    return pd.DataFrame(rows)


# --- Names ----------------------------------------------------------------------------------
# (name, category, regular expressions). Longer forms are tried first at each position, so
# "NATO-Russia Council" counts once as the Council and not also as "NATO" and "Russia"; the
# adjective "Russian" is not counted as "Russia".
CATEGORIES = ("organisation", "place", "person", "document", "event")
NAMES = [
    ("NATO-Russia Council", "organisation", [r"NATO-Russia Council"]),
    ("NATO (the Alliance)", "organisation", [r"\bNATO\b", r"\bthe Alliance\b"]),
    ("European Union", "organisation", [r"European Union"]),
    ("OSCE", "organisation", [r"Organization for Security and Co-operation in Europe"]),
    ("CSTO", "organisation", [r"Collective Security Treaty\s+Organization(?: \(CSTO\))?", r"\bCSTO\b"]),
    ("UN Office on Drugs and Crime", "organisation", [r"UN Office for Drugs and Crime"]),
    ("Black Sea Fleet", "organisation", [r"Black Sea Fleet"]),
    ("Royal Navy", "organisation", [r"Royal Navy"]),
    ("Ad Hoc Working Group on terrorism", "organisation", [r"Ad Hoc Working Group on terrorism"]),
    ("Russia", "place", [r"\bRussia\b"]),
    ("Europe", "place", [r"\bEurope\b"]),
    ("Eastern Europe", "place", [r"Eastern Europe"]),
    ("Central Asia", "place", [r"Central Asia"]),
    ("Caucasus", "place", [r"\bCaucasus\b"]),
    ("Afghanistan", "place", [r"\bAfghanistan\b"]),
    ("Moscow", "place", [r"\bMoscow\b"]),
    ("Rome", "place", [r"\bRome\b"]),
    ("Baltic states", "place", [r"Baltic states", r"Baltic Allies"]),
    ("Baltic Sea", "place", [r"Baltic Sea"]),
    ("Georgia", "place", [r"\bGeorgia\b"]),
    ("Moldova", "place", [r"\bMoldova\b"]),
    ("Transdniestria", "place", [r"Transdniestrian Republic"]),
    ("Kaliningrad", "place", [r"\bKaliningrad\b"]),
    ("Lithuania", "place", [r"\bLithuania\b"]),
    ("Poland", "place", [r"\bPoland\b"]),
    ("United States", "place", [r"United States", r"\bUS\b(?! \$)"]),
    ("United Kingdom", "place", [r"United Kingdom", r"\bUK\b"]),
    ("New York", "place", [r"New York"]),
    ("Madrid", "place", [r"\bMadrid\b"]),
    ("London", "place", [r"\bLondon\b"]),
    ("Beslan", "place", [r"\bBeslan\b"]),
    ("Nalchik", "place", [r"\bNalchik\b"]),
    ("Amman", "place", [r"\bAmman\b"]),
    ("Mediterranean", "place", [r"\bMediterranean\b"]),
    ("Kamchatka", "place", [r"\bKamchatka\b"]),
    ("Pacific Ocean", "place", [r"Pacific Ocean"]),
    ("Sergei Ivanov", "person", [r"Sergei Ivanov"]),
    ("Vladimir Putin", "person", [r"Vladimir Putin"]),
    ("Rome Declaration", "document", [r"declaration NATO-Russia Relations: A New Quality", r"Rome Declaration"]),
    (
        "CFE Treaty",
        "document",
        [r"Conventional Armed Forces in Europe Treaty(?: \(CFE Treaty\))?", r"(?<!Adapted )CFE Treaty"],
    ),
    ("Adapted CFE Treaty", "document", [r"Adapted CFE Treaty"]),
    ("Status of Forces Agreement", "document", [r"Status of Forces Agreement"]),
    ("NATO-Russia Action Plan on Terrorism", "document", [r"NATO-Russia Action Plan on Terrorism"]),
    ("Rome Summit (2002)", "event", [r"Rome Summit"]),
    ("Istanbul Summit (1999)", "event", [r"Istanbul Summit"]),
    ("Active Endeavour", "event", [r"Active Endeavour"]),
    ("AS-28 rescue", "event", [r"AS-28"]),
    ("Cold War", "event", [r"Cold War"]),
]
_NAME_OF = {}
_ALTERNATIVES = []
for _name, _category, _patterns in NAMES:
    for _pattern in _patterns:
        group = f"n{len(_ALTERNATIVES)}"
        _NAME_OF[group] = _name
        _ALTERNATIVES.append((len(_pattern), f"(?P<{group}>{_pattern})"))
# longest patterns first, so that at any position the longest form wins
_NAMES_RE = re.compile("|".join(p for _, p in sorted(_ALTERNATIVES, key=lambda a: -a[0])))


def names_in(text: str) -> Counter:
    """How often each name of :data:`NAMES` occurs in ``text`` (non-overlapping)."""
    return Counter(_NAME_OF[m.lastgroup] for m in _NAMES_RE.finditer(text))


def name_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each name in the article (the repeated standfirst counted once).

    One row per name that occurs: name, category, mentions, and the number of
    paragraphs it occurs in; sorted by mentions, then name.
    """
    lines = frame[frame["kind"] != "standfirst-repeat"]
    per_paragraph = [names_in(text) for text in lines["text"]]
    total = sum(per_paragraph, Counter())
    category = {name: cat for name, cat, _ in NAMES}
    rows = [
        {
            "name": name,
            "category": category[name],
            "mentions": n,
            "paragraphs": sum(1 for c in per_paragraph if c[name]),
        }
        for name, n in total.items()
    ]
    out = pd.DataFrame(rows, columns=["name", "category", "mentions", "paragraphs"])
    return out.sort_values(["mentions", "name"], ascending=[False, True], ignore_index=True)


if __name__ == "__main__":  # python -m maturing.article
    write_csv()
