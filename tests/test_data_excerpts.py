"""Every confirmed figure in every table is in the excerpt its row quotes from the source.

A table whose rows carry an `evidence` excerpt holds each figure as a number; the number must be
found in the excerpt, written in any of the ways a source prints it (20,000 / 20 000 / 20.000 /
20000, 204,1, "nine", "154 thousand", 44° 4′ 38″). The fields that are not figures read in the
excerpt are listed below, each with its reason."""

import math
import re

import pytest

from maturing.data import fields, load, resource_names

NOT_READ_IN_THE_EXCERPT = {
    "year": "the year a row is about: its key, stated by the source's title or table, not each excerpt",
    "vintage": "the year the estimate was published: the date of the source (sources.csv)",
    "edition": "the Factbook edition the figure was read in: the source's own date",
    "utc_offset": "derived from the time zone the row names in offset_basis",
    "paragraph": "the article's paragraph a claim quotes: a position in article_paragraphs, not a figure",
}
WITHOUT_EXCERPTS = {"sources", "article_paragraphs", "outcomes"}  # a catalogue, the article, the outcomes
# Tables whose `evidence` is not a source's words: the claims ledger summarises the evidence in the
# authors' words; its figures are recomputed from the rows it references (maturing.verdicts).
SUMMARIES = {"claims"}
# Figures that are sums of figures the excerpt states, as the row's note says: checked as sums.
DERIVED = {
    ("terror_attacks", "s11-all", "deaths"): (2977, 19),  # victims + hijackers
    ("terror_attacks", "theatre-enac-all", "deaths"): (130, 39),  # hostages + hostage-takers
}
# Columns of which no row is confirmed (every value rests on a source below the standard): nothing
# to check until a better source is read; a test below fails once one is.
ALL_UNCONFIRMED = {
    ("missile_defence_sites", "lat"): "site coordinates from Wikipedia and aggregator pages only",
    ("missile_defence_sites", "lon"): "site coordinates from Wikipedia and aggregator pages only",
}
# Confirmed figures their excerpt does not state: data to fix (the figure's words quoted, or the
# row marked unconfirmed). A test below fails once a gap is closed, so that it leaves this list.
KNOWN_GAPS = {
    ("terror_attacks", "tushino-rferl", "injured"): "60 injured: the RFE/RL excerpt gives no number of injured",
    ("terror_attacks", "metro-ria-attacker", "deaths"): "1 attacker: read from a singular noun, 'сам боевик'",
}

WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
FRACTIONS = {"half": 1 / 2, "one-third": 1 / 3, "one third": 1 / 3, "two-thirds": 2 / 3, "a quarter": 1 / 4}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def in_words(n: int) -> set[str]:
    """English words for 0-99: 'nine', 'seventy five', 'seventy-five'."""
    if n < 20:
        return {WORDS[n]}
    tens, units = divmod(n, 10)
    if units == 0:
        return {TENS[tens - 2]}
    return {f"{TENS[tens - 2]}{joint}{WORDS[units]}" for joint in (" ", "-")}


def integer_spellings(n: int) -> set[str]:
    grouped = f"{n:,}"
    found = {str(n), grouped, grouped.replace(",", " "), grouped.replace(",", "\u00a0"), grouped.replace(",", ".")}
    if n < 100:
        found |= in_words(n)
    for word, scale in SCALES.items():
        if n >= scale and n % scale == 0:
            found.add(f"{n // scale:,} {word}")
    return found


def decimal_pattern(value: float) -> str:
    """A decimal as printed, trailing zeros allowed, point or comma: 17.1075 -> 17[.,]10750*."""
    whole, _, fraction = repr(value).partition(".")
    return rf"{re.escape(whole)}[.,]{fraction}0*"


def dms_pattern(value: float) -> str:
    """A coordinate in degrees, minutes and seconds, to the second: 44.07722 -> 44° 4′ 38″."""
    degrees = abs(value)
    d = int(degrees)
    m = int((degrees - d) * 60)
    s = round(((degrees - d) * 60 - m) * 60)
    return rf"0*{d}°\s*0?{m}[′']\s*0?{s}[″\"]"


def one_of_unit(evidence: str, unit: str) -> bool:
    """'a representative', 'an hour': one of the row's unit, with an article for a number."""
    noun = re.escape(unit.lower().split()[-1].removesuffix("s"))
    return bool(re.search(rf"\b(a|an|one)\s+{noun}\b", evidence.lower()))


def word_pattern(words: str) -> str:
    """A number in words, as a whole number: "six" in "six-hour", not "two" in "two-thirds" or
    in "twenty-two"."""
    joined = "|".join([*WORDS, *TENS, "third", "quarter", "fifth", "half"])
    return rf"(?<!-){re.escape(words)}(?!-(?:{joined}))"


def value_in(value: float, evidence: str, coordinate: bool = False, unit: str | None = None) -> bool:
    text = evidence.lower()
    if value == 1 and unit and one_of_unit(evidence, unit):
        return True
    if value == 2 and re.search(r"\bboth\b", text):
        return True
    if float(value).is_integer():
        patterns = [re.escape(s) if s[0].isdigit() else word_pattern(s) for s in integer_spellings(int(value))]
    else:
        patterns = [decimal_pattern(float(value))]
    if coordinate:
        patterns.append(dms_pattern(float(value)))
    if any(re.search(rf"(?<![\w,.]){p}(?![\d]|[.,]\d)", text) for p in patterns):
        return True
    return any(word in text and round(100 * share) == value for word, share in FRACTIONS.items())


def figure_fields() -> list[tuple[str, str]]:
    found = []
    for name in resource_names():
        described = fields(name)
        if "evidence" not in {f["name"] for f in described}:
            continue
        for field in described:
            if (
                field["type"] in ("number", "integer")
                and field["name"] not in NOT_READ_IN_THE_EXCERPT
                and name not in SUMMARIES
                and (name, field["name"]) not in ALL_UNCONFIRMED
            ):
                found.append((name, field["name"]))
    return found


def test_every_table_without_excerpts_is_known():
    """A new table with figures but no `evidence` column would escape the check below."""
    without = {n for n in resource_names() if "evidence" not in {f["name"] for f in fields(n)}}
    assert without == WITHOUT_EXCERPTS


def test_the_check_covers_every_table_with_figures():
    tables = {name for name, _ in figure_fields()}
    for name in ("opium_afghanistan", "afghan_borders", "drug_evidence", "terror_attacks", "cfe_ceilings"):
        assert name in tables


def unstated_figures(name: str, column: str) -> list[tuple[str, float, str]]:
    """(row key, figure, excerpt) of the confirmed rows whose excerpt does not state the figure."""
    frame = load(name)
    key = frame.columns[0]
    rows = frame[(frame["status"] == "confirmed") & frame[column].notna()]
    assert len(rows) > 0
    unit = "unit" in frame.columns
    return [
        (r[key], r[column], r["evidence"][:120])
        for _, r in rows.iterrows()
        if not value_in(float(r[column]), r["evidence"], column in ("lat", "lon"), r["unit"] if unit else None)
    ]


@pytest.mark.parametrize("name, column", figure_fields())
def test_confirmed_figures_appear_in_their_excerpt(name, column):
    missing = [m for m in unstated_figures(name, column) if (name, m[0], column) not in {**KNOWN_GAPS, **DERIVED}]
    assert not missing, missing


@pytest.mark.parametrize(("name", "row", "column"), sorted(DERIVED))
def test_a_derived_figure_is_the_sum_of_figures_its_excerpt_states(name, row, column):
    frame = load(name).set_index(load(name).columns[0])
    parts = DERIVED[(name, row, column)]
    assert frame.loc[row, column] == sum(parts)
    assert all(value_in(float(p), frame.loc[row, "evidence"], False, None) for p in parts)


@pytest.mark.parametrize(("name", "column"), sorted(ALL_UNCONFIRMED))
def test_columns_without_a_confirmed_row_are_still_so(name, column):
    frame = load(name)
    assert not ((frame["status"] == "confirmed") & frame[column].notna()).any(), f"{name}.{column}: check it now"


@pytest.mark.parametrize("name, row, column", sorted(KNOWN_GAPS))
def test_known_gaps_are_still_gaps(name, row, column):
    assert row in [m[0] for m in unstated_figures(name, column)], f"fixed: remove {row} from KNOWN_GAPS"


@pytest.mark.parametrize(
    "value, evidence",
    [
        (20000, "(A) 20,000 battle tanks"),
        (20000, "A) 20 000 carros de combate"),
        (1200, "mehr als 1.200 verletzt"),
        (204.1, "è di 204,1 km"),
        (17.1075, "54.47889°N 17.10750°E"),
        (9, "captured about nine metric tons"),
        (75, "Seventy five per cent of the heroin"),
        (154000, "[from 154 thousand hectares]"),
        (33, "One-third of the Afghan drug traffic"),
        (2, "Both suicide bombers were also killed."),
        (6, "in a six-hour, nerve-jangling operation"),
    ],
)
def test_value_matcher_knows_how_sources_print_numbers(value, evidence):
    assert value_in(value, evidence)


def test_one_of_the_unit():
    assert value_in(1, "reaching the stranded vessel about an hour later", unit="hours")
    assert value_in(1, "six sailors and a representative", unit="manufacturer's representative")
    assert not value_in(1, "six sailors and a representative", unit="hours")


@pytest.mark.parametrize(
    "value, evidence",
    [
        (200, "20,000 battle tanks"),
        (885, "855 attack helicopters"),
        (17.1, "17.10750"),
        (9, "19 people"),
        (4, "44"),
        (2, "two-thirds"),
        (2, "twenty-two"),
    ],
)
def test_value_matcher_rejects_other_numbers(value, evidence):
    assert not value_in(value, evidence)


def test_coordinates_match_in_degrees_minutes_seconds():
    assert value_in(44.07722, "Koordinaten 44° 4′ 38″ N", coordinate=True)
    assert not value_in(44.07722, "Koordinaten 44° 4′ 39″ N", coordinate=True)
    assert math.isclose(44 + 4 / 60 + 38 / 3600, 44.07722, abs_tol=1e-5)
