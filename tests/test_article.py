"""The article as data: the paragraphs table is exactly what maturing.article makes of the
text, and the theme lexicon and the name counts do what the opening chapter says they do."""

from maturing import article
from maturing.claims import article_text
from maturing.data import DATAPACKAGE, load


def test_the_csv_is_what_the_function_makes_of_the_text():
    on_disk = (DATAPACKAGE.parent / "article_paragraphs.csv").read_text(encoding="utf-8")
    assert on_disk == article.csv_text(), "run `python -m maturing.article` to regenerate the CSV"


def test_the_table_gives_back_the_text_line_for_line():
    frame = load("article_paragraphs")
    assert "\n".join(frame["text"]) == article_text()
    assert frame["paragraph"].tolist() == list(range(1, len(frame) + 1))


def test_sections_follow_the_articles_headings():
    frame = article.paragraphs().set_index("paragraph")
    assert frame.loc[1, ["section", "kind"]].tolist() == ["title", "title"]
    assert frame.loc[[2, 3], "kind"].tolist() == ["standfirst", "standfirst-repeat"]
    assert frame.loc[frame["kind"] == "heading", "text"].tolist() == ["Differences", "Drugs and terrorism"]
    body = frame[frame["kind"] == "body"]
    assert body.groupby("section").size().to_dict() == {"opening": 7, "Differences": 7, "Drugs and terrorism": 6}
    assert (
        frame.iloc[-1]["kind"] == "byline" and frame.iloc[-1]["text"] == "Sergei Ivanov is defence minister of Russia."
    )
    assert frame.loc[21, "text"].startswith("Every year, drug production in Afghanistan is growing.")


def test_sections_work_on_any_text_with_the_same_layout():
    toy = article.paragraphs("Title\nStand.\nStand.\nOne.\nHeading\nTwo.\nBy me.")
    assert toy["kind"].tolist() == ["title", "standfirst", "standfirst-repeat", "body", "heading", "body", "byline"]
    assert toy["section"].tolist() == ["title", "standfirst", "standfirst", "opening", "Heading", "Heading", "byline"]


def test_word_count_counts_hyphenated_words_once():
    assert article.word_count("counter-terrorism, US $30 billion and three-and-a-half years’ experience") == 8


def test_sentences_split_at_full_stops_and_closing_quotes():
    text = "It might be termed a “mature partnership”. Sergei Ivanov wrote it. Was it? Yes!"
    assert article.sentences(text) == [
        "It might be termed a “mature partnership”.",
        "Sergei Ivanov wrote it.",
        "Was it?",
        "Yes!",
    ]


def test_a_sentence_goes_to_the_theme_with_most_keywords():
    # "together" is a cooperation keyword; "security belt" and "Afghan" are drug keywords
    sentence = (
        "In this context, I would like to see experts from NATO and Russia and other international institutions "
        "come together to examine the practicalities of setting up some kind of “security belt” all along Afghanistan’s border."
    )
    assert article.keyword_hits(sentence) == {"cooperation": 1, "disputes": 0, "terrorism": 0, "drugs": 2}
    assert article.sentence_theme_words(sentence) == {"drugs": 35.0}


def test_a_tie_splits_the_words_and_no_keyword_means_general():
    assert article.sentence_theme_words("Drug money funds terror cells.") == {"terrorism": 5.0}
    assert article.sentence_theme_words("Drug trade and terror.") == {"terrorism": 2.0, "drugs": 2.0}
    assert article.sentence_theme_words("Clearly more time is needed.") == {"general": 5.0}


def test_every_word_of_the_body_gets_exactly_one_share():
    frame = article.paragraphs()
    themes = article.theme_table(frame)
    shares = themes[[*article.THEMES, article.GENERAL]].sum(axis=1)
    assert shares.tolist() == article.body(frame)["words"].astype(float).tolist()


def test_names_prefer_the_longest_form_and_ignore_adjectives_and_currency():
    counts = article.names_in(
        "The NATO-Russia Council and NATO-Russia cooperation; the Russian exclave; "
        "US $30 billion; UK and US colleagues; the Adapted CFE Treaty and the CFE Treaty"
    )
    assert counts == {
        "NATO-Russia Council": 1,
        "NATO (the Alliance)": 1,
        "Russia": 1,
        "United Kingdom": 1,
        "United States": 1,
        "Adapted CFE Treaty": 1,
        "CFE Treaty": 1,
    }


def test_name_counts_in_the_article():
    names = article.name_counts(article.paragraphs()).set_index("name")
    assert names.loc["NATO-Russia Council", "mentions"] == 12
    assert names.loc["Russia", "mentions"] == 20
    assert names.loc["Sergei Ivanov", "mentions"] == 2  # standfirst (once, not its repeat) and byline
    assert names.loc["CSTO", "mentions"] == 1  # "Collective Security Treaty Organization (CSTO)" is one mention
    assert set(names["category"]) == set(article.CATEGORIES)
