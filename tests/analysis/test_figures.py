"""Tests for figures.py: figures found in real articles, and conflicts only where values disagree."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsbrief.analysis.conflicts import find_conflicts
from newsbrief.analysis.entities import find_entities, names_of
from newsbrief.analysis.figures import find_figures
from newsbrief.analysis.nlp import parse
from newsbrief.model import Article, Figure
from newsbrief.pipeline.segment import segment

pytestmark = pytest.mark.nlp


def _figures(articles: list[Article]) -> tuple[Figure, ...]:
    sentences = [sent for article in articles for sent in segment(article)]
    return find_figures(articles, parse(articles), sentences)


def _figures_with_names(text: str) -> tuple[Figure, ...]:
    """The figures of one article read as the product reads them, with the story's names."""
    articles = [_article(text)]
    docs = parse(articles)
    return find_figures(articles, docs, segment(articles[0]), names_of(find_entities(articles, docs)))


def _article(text: str, article_id: str = "a") -> Article:
    return Article(id=article_id, outlet=article_id, title="", url=None, published=None, text=text)


def _copy(article: Article, old: str, new: str) -> Article:
    """A copy of the article with the first ``old`` replaced by ``new``."""
    assert old in article.text
    return replace(article, id="copy", text=article.text.replace(old, new, 1))


def _one(figures: tuple[Figure, ...], span_text: str) -> Figure:
    found = [figure for figure in figures if figure.span.text == span_text]
    assert len(found) == 1, [figure.span.text for figure in figures]
    return found[0]


@pytest.fixture(scope="module")
def aleppo_figures(aleppo: dict[str, Article]) -> tuple[Figure, ...]:
    return _figures(list(aleppo.values()))


@pytest.fixture(scope="module")
def planted(aleppo: dict[str, Article]) -> dict[str, tuple[Figure, ...]]:
    """Figures of an original Aleppo article with a copy of it, one figure changed or not."""
    npr, zerohedge = aleppo["npr"], aleppo["zerohedge"]
    pairs = {
        "unchanged": [npr, replace(npr, id="copy")],
        "toll 15 to 25": [npr, _copy(npr, "tallied 15 civilian", "tallied 25 civilian")],
        "more than 300 to 450": [npr, _copy(npr, "More than 300 civilians", "More than 450 civilians")],
        "fled 40,000 to 25,000": [
            zerohedge,
            _copy(zerohedge, "nearly 40,000 people", "nearly 25,000 people"),
        ],
        "nearly 40,000 vs 40,000": [zerohedge, _copy(zerohedge, "nearly 40,000 people", "40,000 people")],
        "rounding 40,000 vs 40,500": [
            zerohedge,
            _copy(zerohedge, "nearly 40,000 people", "nearly 40,500 people"),
        ],
        "two villages to five": [zerohedge, _copy(zerohedge, "entered two Shiite", "entered five Shiite")],
    }
    return {name: _figures(articles) for name, articles in pairs.items()}


# --------------------------------------------------------------------------- the Aleppo figures


def test_aleppo_residents(aleppo_figures: tuple[Figure, ...]) -> None:
    figure = _one(aleppo_figures, "more than 400,000")
    assert figure.span.article_id == "aljazeera"
    assert (figure.value, figure.unit, figure.qualifier) == (400000, "people", "more-than")
    assert figure.what == "residents who remain in Aleppo"
    assert figure.attribution == ""


def test_aleppo_civilian_deaths_attributed_to_the_observatory(aleppo_figures: tuple[Figure, ...]) -> None:
    figure = _one(aleppo_figures, "More than 300")
    assert figure.span.article_id == "npr"
    assert (figure.value, figure.unit, figure.qualifier) == (300, "people", "more-than")
    assert figure.what == "civilians died in the last two weeks on the rebel side"
    assert figure.attribution.endswith("Syrian Observatory for Human Rights")
    assert figure.sentence.text.startswith("More than 300 civilians have died")


def test_aleppo_people_who_fled(aleppo_figures: tuple[Figure, ...]) -> None:
    figure = _one(aleppo_figures, "nearly 40,000")
    assert figure.span.article_id == "zerohedge"
    assert (figure.value, figure.unit, figure.qualifier) == (40000, "people", "at-most")
    assert figure.what.startswith("people fled an offensive this week")
    assert figure.attribution == "AFP, citing the Syrian Observatory for Human Rights"


def test_aleppo_observatory_tally_on_the_government_side(aleppo_figures: tuple[Figure, ...]) -> None:
    figure = _one(aleppo_figures, "15")
    assert (figure.value, figure.unit, figure.qualifier) == (15, "people", "exact")
    assert figure.what == "civilian deaths on the government-held side"
    assert figure.attribution == "the Observatory"


def test_aleppo_spans_and_sentences_point_into_the_text(
    aleppo: dict[str, Article], aleppo_figures: tuple[Figure, ...]
) -> None:
    for figure in aleppo_figures:
        text = aleppo[figure.span.article_id].text
        assert text[figure.span.start : figure.span.end] == figure.span.text
        assert figure.sentence.start <= figure.span.start and figure.span.end <= figure.sentence.end
        assert figure.sentence.article_id == figure.span.article_id


def test_aleppo_skips_vague_and_pronoun_numbers(aleppo_figures: tuple[Figure, ...]) -> None:
    texts = {figure.span.text for figure in aleppo_figures}
    # "hundreds of thousands of civilians", "One resident stated", "a Syrian every 25 minutes", "Copyright 2016"
    assert not texts & {"hundreds of thousands", "hundreds", "One", "one", "25", "2016", "first"}


def test_aleppo_story_has_no_conflict(aleppo_figures: tuple[Figure, ...]) -> None:
    assert find_conflicts(aleppo_figures) == ()


# --------------------------------------------------------------------------- words, qualifiers, skips


@pytest.mark.parametrize(
    ("text", "span_text", "value", "unit", "qualifier"),
    [
        ("Two people were killed in the attack on Tuesday.", "Two", 2, "people", "exact"),
        (
            "About 1.5 million people have fled the region since March.",
            "About 1.5 million",
            1.5e6,
            "people",
            "about",
        ),
        ("At least a dozen soldiers died in the ambush.", "At least a dozen", 12, "people", "at-least"),
        ("Up to 40,000 residents fled the city.", "Up to 40,000", 40000, "people", "up-to"),
        (
            "Fewer than twenty-five students attended the meeting.",
            "Fewer than twenty-five",
            25,
            "people",
            "less-than",
        ),
        ("Almost 300 homes were destroyed by the fire.", "Almost 300", 300, "home", "at-most"),
        ("Unemployment fell to 4.5 percent last month.", "4.5 percent", 4.5, "percent", "exact"),
        ("The company agreed to pay $2.5 million to settle the case.", "$2.5 million", 2.5e6, "USD", "exact"),
        (
            "More than three hundred workers lost their jobs.",
            "More than three hundred",
            300,
            "people",
            "more-than",
        ),
    ],
)
def test_word_numbers_and_qualifiers(
    text: str, span_text: str, value: float, unit: str, qualifier: str
) -> None:
    figure = _one(_figures([_article(text)]), span_text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "span_text", "value", "qualifier"),
    [
        # BASIL, Fox News on Susan Rice (2015): was 0.5 people, "exact"
        (
            "Vice President Biden won't attend the Netanyahu speech. "
            "And more than a half-dozen House and Senate Democrats also have said they will skip the event, "
            "calling it an affront to Obama and the administration as they negotiate with Iran over its "
            "nuclear program.",
            "more than a half-dozen",
            6,
            "more-than",
        ),
        # BASIL, New York Times on the border emergency (2019): was 0.5 people
        (
            "That measure could pass both houses of Congress if it wins the votes of the half-dozen Republican "
            "senators who have criticized the declaration, forcing Mr. Trump to issue the first veto of his "
            "presidency.",
            "the half-dozen",
            6,
            "exact",
        ),
    ],
)
def test_half_dozen_is_six(text: str, span_text: str, value: float, qualifier: str) -> None:
    figure = _one(_figures([_article(text)]), span_text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, "people", qualifier)


def test_a_counted_word_split_at_its_hyphen_is_counted_whole() -> None:
    # BASIL, Fox News on birthright citizenship (2018): was "2 nons"
    text = (
        "Critics of birthright citizenship say that the amendment was never intended to apply to children "
        "of two non-citizens -- and particularly those who have come to the country illegally."
    )
    assert _one(_figures([_article(text)]), "two").unit == "non-citizen"


def test_about_before_a_count_as_a_preposition_is_no_qualifier() -> None:
    # BASIL, Fox News on NSA surveillance (2013): was "about 2 programs"
    text = (
        "The Obama administration found itself defending -- and beginning to explain -- yet another "
        "surveillance effort after leaked documents revealed information about two secret National Security "
        "Agency intelligence-gathering programs."
    )
    figure = _one(_figures([_article(text)]), "two")
    assert (figure.value, figure.qualifier) == (2, "exact")


@pytest.mark.parametrize(
    ("text", "span_text", "value"),
    [
        # BASIL, HuffPost on LePage (2016): was "exactly 90 percent"
        (
            "LePage said 90-plus percent of those pictures were of black and Hispanic people.",
            "90-plus percent",
            90,
        ),
        # a roundup lead (2020): was "exactly 40 cases"
        ("We are now having 40-plus thousand new cases a day.", "40-plus thousand", 40_000),
    ],
)
def test_plus_after_a_number_means_at_least(text: str, span_text: str, value: float) -> None:
    figure = _one(_figures([_article(text)]), span_text)
    assert (figure.value, figure.qualifier) == (value, "at-least")


def test_two_dozen_is_twenty_four_not_a_range_from_two() -> None:
    # BASIL, Fox News on Obama's gun plan (2013): was "at most 2 actions"
    text = (
        "The president, immediately after making his remarks, signed nearly two-dozen executive actions -- "
        "a step that has stirred objections from lawmakers who have warned Obama not to overreach."
    )
    figure = _one(_figures([_article(text)]), "nearly two-dozen")
    assert (figure.value, figure.unit, figure.qualifier) == (24, "action", "at-most")


@pytest.mark.parametrize(
    "text",
    [
        "One of the victims was taken to a hospital in the city.",
        "The G20 summit opened with a speech on trade.",
        "The airline grounded its Boeing 737 jets after the crash.",
        "Officials said COVID-19 had spread through the home.",
        "Readers can call 555-123-4567 with information.",
        "The meeting ended at 3 p.m. without a deal.",
        "The report is on page 12 of the document.",
        "She finished first in the race and second in the final.",
        "The mayor spoke to reporters about the fire.",
        # Multi-News mn-10463 (2014): a British telephone number was the count 111
        "Anyone with information can call police on 0207 321 9251 or Crimestoppers anonymously on 0800 555 111.",
        # Multi-News mn-45753 (2016) and BASIL (2010): idioms, no count of policies or of ground
        "The diocese and the entire Episcopal Church have a zero tolerance policy with regard to abuse.",
        "Ground zero is hallowed ground to Americans, a Republican candidate said.",
        "It is not a zero-sum game.",
        # BASIL, Fox News on the NSA (2013) and a roundup lead (2018): odds after a qualifier were
        # "at most 1" and "about 1"
        "According to slides obtained by the Washington Post, the program accounts for nearly one in seven "
        "intelligence reports.",
        "Roughly one in five adults are reluctant to cast ballots in next month’s midterms.",
    ],
)
def test_not_figures(text: str) -> None:
    assert _figures([_article(text)]) == ()


@pytest.mark.parametrize(
    ("text", "span_text", "value", "unit", "qualifier"),
    [
        # Multi-News mn-56054 (2015): "5 or 6" after "as much as" was "up to 5"
        (
            "Trump estimated that his plan would lead the economy to grow at least 3 percent a year, and as "
            "much as 5 or 6 percent.",
            "as much as 5 or 6 percent",
            6,
            "percent",
            "up-to",
        ),
        ("Up to 20-25 people were hurt in the blast, police said.", "Up to 20-25", 25, "people", "up-to"),
        # BASIL, HuffPost on Cantor's loss (2014): "40 or so" was exactly 40
        (
            "The 40 or so hardline tea party members of the House GOP do not want a vote.",
            "40 or so",
            40,
            "people",
            "about",
        ),
        # Multi-News mn-44348 (2013): "an estimated 10-year risk" was "about 10 risks"
        (
            "_People ages 40 to 75 who have an estimated 10-year risk of heart disease of 7.5 percent or higher.",
            "an estimated 10-year",
            10,
            "years",
            "about",
        ),
    ],
)
def test_bounds_of_a_range_and_a_rough_count(
    text: str, span_text: str, value: float, unit: str, qualifier: str
) -> None:
    figure = _one(_figures([_article(text)]), span_text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        # Multi-News mn-44796 (2012): "a three-year low" was a figure of 3 years
        "Slowing investment dragged growth to a three-year low of 7.6 percent in the second quarter.",
        "The jobless rate fell to a 50-year low of 3.5 percent.",
    ],
)
def test_the_period_of_a_level_reached_is_no_figure(text: str) -> None:
    assert [figure.unit for figure in _figures([_article(text)])] == ["percent"]


def test_the_number_of_a_list_item_is_no_figure() -> None:
    # Multi-News mn-56054 (2015): each item's number was a count (1, 2, 3)
    text = (
        "Here are the three core principles of real immigration reform: \n \n 1. A nation without borders "
        "is not a nation. There must be a wall across the southern border. \n \n 2. A nation without laws "
        "is not a nation."
    )
    assert [figure.span.text for figure in _figures([_article(text)])] == ["three"]


@pytest.mark.parametrize(
    "text",
    [
        # BASIL, HuffPost on the election bill (2019): "HR 1" was one "hr"
        "The so-called “HR 1” measure embraced by House Democrats aims to curb big money in politics.",
        # Multi-News mn-6619 (2013): the camp's name was two "treblinka"
        "Treblinka 2 was almost certainly the most efficient murder operation in the history of the world.",
        "Flight 370 vanished over the Indian Ocean.",
    ],
)
def test_a_number_that_names_the_noun_before_it_is_no_figure(text: str) -> None:
    assert _figures([_article(text)]) == ()


def test_article_with_no_figures_gives_nothing() -> None:
    article = _article("The mayor spoke to reporters about the fire.\n\nShe thanked the firefighters.")
    assert _figures([article]) == ()
    assert find_conflicts(()) == ()


# --------------------------------------------------------------------------- conflicts


def test_one_article_only_has_no_conflicts(aleppo_figures: tuple[Figure, ...]) -> None:
    npr = tuple(figure for figure in aleppo_figures if figure.span.article_id == "npr")
    assert npr
    assert find_conflicts(npr) == ()


def test_figures_in_the_same_article_never_conflict() -> None:
    text = (
        "At least 12 people were killed in the explosion at the factory, police said.\n\n"
        "Later the fire service said 30 people were killed in the explosion at the factory."
    )
    figures = _figures([_article(text)])
    assert [figure.value for figure in figures] == [12, 30]
    assert find_conflicts(figures) == ()


def test_unchanged_copy_has_no_conflict(planted: dict[str, tuple[Figure, ...]]) -> None:
    assert planted["unchanged"]
    assert find_conflicts(planted["unchanged"]) == ()


@pytest.mark.parametrize(
    ("name", "values", "key_word"),
    [
        ("toll 15 to 25", (15, 25), "civilian deaths"),
        ("fled 40,000 to 25,000", (40000, 25000), "people fled"),
        ("two villages to five", (2, 5), "villages"),
    ],
)
def test_planted_change_gives_exactly_one_conflict(
    planted: dict[str, tuple[Figure, ...]], name: str, values: tuple[float, float], key_word: str
) -> None:
    conflicts = find_conflicts(planted[name])
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert [figure.value for figure in conflict.figures] == list(values)
    assert len({figure.span.article_id for figure in conflict.figures}) == 2
    assert conflict.figures[1].span.article_id == "copy"
    assert key_word in conflict.what
    assert conflict.note


@pytest.mark.parametrize(
    "name", ["more than 300 to 450", "nearly 40,000 vs 40,000", "rounding 40,000 vs 40,500"]
)
def test_change_within_qualifier_overlap_or_rounding_is_no_conflict(
    planted: dict[str, tuple[Figure, ...]], name: str
) -> None:
    assert find_conflicts(planted[name]) == ()


def test_different_counted_things_do_not_conflict() -> None:
    first = _article("Three Republicans voted present on the bill.", "a")
    second = _article("Seven Republicans voted against the bill.", "b")
    assert find_conflicts(_figures([first, second])) == ()


def test_different_time_frames_do_not_conflict() -> None:
    first = _article("At least 20 people were killed in the fighting on Tuesday.", "a")
    second = _article("At least 45 people were killed in the fighting on Friday.", "b")
    assert find_conflicts(_figures([first, second])) == ()


# --------------------------------------------------------------------------- planted changes
# Real sentences (Multi-News stories, the Aleppo articles), copied with one figure changed.

NIGER = (
    "The U.S. military is still searching for answers on what happened in Niger two weeks ago when "
    "four U.S. soldiers were killed during an ambush, apparently by a branch of ISIS."
)
MCCAIN = (
    "Sen. John McCain said Thursday that he might seek a subpoena to gain the information he wants "
    "about the attack in Niger that left four US soldiers dead and two wounded."
)
TWITCH = (
    "If that sounds insane to you, then you probably aren’t one of the 150 million users and "
    "1.5 million broadcasters who visit every month."
)
MERCK = "Still, it is among Merck’s top-selling drugs, earning $3 billion last year."
TRUMP_DELEGATES = "He's won 46 percent of the delegates in the first 15 states that have voted."
FUNDING = "The current government-funding measure expires Dec. 11 so a new one must pass by then."
APOTEX = (
    "Toronto police have searched Barry Sherman's workplace at Apotex Inc., a generic drug "
    "manufacturing company that he founded in 1973."
)
NPR_DEATHS = "300 civilians have died in the last two weeks on the rebel side, the Observatory said."
FLU = (
    "Eight more children have died from the flu, bringing this season's total pediatric deaths to 37."
    "\n\nAbout 100 children die in an average flu season."
)


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (NIGER, "four U.S.", "six U.S."),  # word numbers
        (TWITCH, "1.5 million broadcasters", "2.25 million broadcasters"),
        (MERCK, "$3 billion", "$4.5 billion"),
        (TRUMP_DELEGATES, "46 percent", "69 percent"),
        (FUNDING, "Dec. 11", "Dec. 18"),  # a date moved by a week
        (APOTEX, "1973", "1970"),
        (NPR_DEATHS, "300 civilians", "450 civilians"),  # exact values, unlike "more than 300"
        (MCCAIN, "two wounded", "three wounded"),  # one word of description, the same sentence
        (FLU, "Eight more", "Twelve more"),  # "about 100 ... in an average season" is another number
    ],
)
def test_changed_figure_in_a_copy_is_one_conflict(text: str, old: str, new: str) -> None:
    original = _article(text)
    conflicts = find_conflicts(_figures([original, _copy(original, old, new)]))
    assert len(conflicts) == 1
    written = [figure.span.text for figure in conflicts[0].figures]
    assert old.split()[0] in written[0] and new.split()[0] in written[1]


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (NPR_DEATHS, "300 civilians", "302 civilians"),  # rounding
        (
            "_People ages 40 to 75 who have an estimated 10-year risk of heart disease of 7.5 percent "
            "or higher, based on the new formula.",
            "7.5 percent or higher",
            "11.25 percent or higher",
        ),  # open upwards: both can be true
        ("The vote was 219 to 197, with three Democratic yes votes.", "219 to 197", "221 to 197"),
        ("The House measure, approved on a 219-197 vote, is the first step.", "219-197", "221-197"),
    ],
)
def test_change_within_rounding_open_range_or_tally_is_no_conflict(text: str, old: str, new: str) -> None:
    original = _article(text)
    assert find_conflicts(_figures([original, _copy(original, old, new)])) == ()


def test_vote_tallies_and_ratios_are_not_figures() -> None:
    texts = [
        'The vote was 219 to 197, with three Democratic "yes" votes.',
        "Still, the bill passed by a 219-to-197 vote.",
        "The House measure, approved on a 219-197 vote, is the first step.",
        "Baker estimates the ratio is 5 to 1.",
    ]
    found = {figure.span.text for figure in _figures([_article(text) for text in texts])}
    assert not found & {"219", "197", "5", "1"}
    assert "three" in found


@pytest.mark.parametrize(
    ("text", "span_text", "value", "qualifier"),
    [
        (
            "Over the past two decades, an estimated 37 children have died of heat stroke each year.",
            "an estimated 37",
            37,
            "about",
        ),
        ("The cemetery is believed to hold 300 to 400 bodies.", "300 to 400", 300, "range"),
        ("About one and a half million people fled.", "About one and a half million", 1.5e6, "about"),
        ("In all, 1124 children have died of vehicular heatstroke since 1998.", "1124", 1124, "exact"),
    ],
)
def test_values_ranges_and_articles(text: str, span_text: str, value: float, qualifier: str) -> None:
    figure = _one(_figures([_article(text)]), span_text)
    assert (figure.value, figure.qualifier) == (value, qualifier)


def test_a_share_in_words_is_not_the_number_one() -> None:
    figures = _figures([_article("Almost a third were younger than 1, and two-thirds were boys.")])
    assert [(figure.span.text, figure.value) for figure in figures] == [("1", 1)]


def test_thin_descriptions_in_different_sentences_do_not_conflict() -> None:
    # Two earthquakes, each "killed people": the same words, but not the same thing.
    first = _article(
        "The magnitude-7.8 earthquake that struck Nepal in April 2015, for instance, killing 8,000 "
        "people, released roughly 250 times more energy.",
        "a",
    )
    second = _article(
        "The area experienced significant earthquakes in the past, including one with a magnitude of "
        "6.3 near the town of L'Aquila in 2009 that killed 6,000 people.",
        "b",
    )
    wounded = _article(MCCAIN, "c")
    other_wounded = _article("Three were wounded when a rocket hit the base near the capital.", "d")
    assert find_conflicts(_figures([first, second])) == ()
    assert find_conflicts(_figures([wounded, other_wounded])) == ()


def test_counts_since_different_years_do_not_conflict() -> None:
    first = _article(
        "In all, 749 children have died as result of vehicular heatstroke since 1998, according to "
        "the website.",
        "a",
    )
    second = _article("There have been 30 children who have died since 1990.", "b")
    assert find_conflicts(_figures([first, second])) == ()


def test_a_number_tagged_as_a_name_alone_is_still_a_count() -> None:
    # mn-14110 with the count changed: spaCy tags "104" alone as a PRODUCT; it counts townhouses.
    article = _article(
        "So it's unlikely the mystery of Deerfield Beach's former black cemetery will bury developer's "
        "plans to build 104 townhouses."
    )
    figures = _figures([article])
    assert [(f.span.text, f.value, f.unit) for f in figures] == [("104", 104.0, "townhouse")]


@pytest.mark.parametrize(
    "text, span_text, event",
    [
        # mn-6619: the verb the counted people undergo, and "fell victim" as one phrase
        ("Historians estimate that about 900,000 Jews were murdered at this "
         "concentration camp in Nazi-occupied Poland over a mere 16 months.", "about 900,000", "killed"),
        ("About 900,000 people fell victim there in a little more than a year.", "About 900,000", "killed"),
        # mn-9144: the count noun itself, and the verb of a count of people
        ("The death toll stood at 120 but the number of dead and missing was uncertain given the huge "
         "number of vacationers in the area for summer's final days.", "120", "killed"),
        ("After the 2009 quake, seven members of a national commission on risk prevention were arrested on "
         "charges of failing to adequately warn L’Aquila about the earthquake risk.", "seven", "arrested"),
        # mn-48540: the state a verb leaves its object in, and an adjective of a bare count
        ("John McCain said Thursday that he might seek a subpoena to gain the information he wants about "
         "the attack in Niger that left four US soldiers dead and two wounded.", "four", "killed"),
        ("John McCain said Thursday that he might seek a subpoena to gain the information he wants about "
         "the attack in Niger that left four US soldiers dead and two wounded.", "two", "injured"),
        # mn-2847: a bare count, subject of its verb
        ("Around 2 million have been displaced.", "Around 2 million", "displaced"),
        # mn-24807: "a total of" counts what the total is subject of; a report's verb says nothing
        ("A total of 13 babies were born without arms between 2007 and 2017 in three specific rural areas "
         "of the country that have come under the microscope.", "13", "born"),
        ("Three years later, three children were reported to have been born with similar birth defects "
         "between 2007 and 2008 in the town of Mouzeil.", "three", "born"),
        # ... and the place of an event is no count of it
        ("Thirteen children have been born missing hands, forearms or arms in three rural areas of France "
         "between 2007 and 2017.", "three", ""),
        # AllSides (probe-2155): the noun naming the event the people are "of"; and "of" a noun that
        # names none
        ("The fake University of Farmington, set up by the Department of Homeland Security, that resulted "
         "in the arrest of 250 foreign students this year.", "250", "arrested"),
        ("The families of 20 students met the governor on Tuesday.", "20", ""),
        # mn-23526: a vote is no event class
        ("Only 7 Republicans voted against Yoho’s bill, while three others voted present.", "Only 7", ""),
    ],
)  # fmt: skip
def test_a_count_gets_the_event_class_of_its_own_phrase(text: str, span_text: str, event: str) -> None:
    assert _one(_figures([_article(text)]), span_text).event == event


# mn-14110's reference summary: a range keeps both ends.
CEMETERY_SUMMARY = (
    "The Deerfield Beach City Commission will hold a meeting tomorrow to discuss the development, "
    "continuing a 40-year dispute over how to handle land where 300 to 400 people may have been buried "
    "as far back as the 1800s, the Sun-Sentinel reports."
)


def test_a_range_keeps_both_ends() -> None:
    figure = _one(_figures([_article(CEMETERY_SUMMARY)]), "300 to 400")
    assert (figure.value, figure.upper, figure.qualifier, figure.unit) == (300, 400, "range", "people")


@pytest.mark.parametrize(
    "text, span_text, value, upper, qualifier, head",
    [
        # mn-54355's reference summary: a name, then the age between commas
        ("Somewhere in the middle is perhaps the biggest player of all, Chess.com, led by IM Danny "
         "Rensch, 32, who also is a major chess presence on Twitch.", "32", 32, None, "exact", "rensch"),
        # BASIL, outside the hand-checked triples
        ("Cesar Sayoc, 56, of South Florida was taken into custody on Friday, FBI Director Chris Wray "
         "confirmed at a press conference.", "56", 56, None, "exact", "sayoc"),
        # AllSides leads (roundups): a range of ages; the youngest of a group, and who they are
        ("The vaccine, which the university developed in partnership with drugmaker AstraZeneca, was "
         "administered in a trial that involved 1,077 people and caused an immune response in people "
         "aged 18 to 55 that lasted two months.", "18 to 55", 18, 55, "range", "people"),
        ("Judge Roy Moore, the Republican candidate for Alabama's upcoming special Senate election, "
         "denies allegations that he romantically pursued teenagers as young as 14 when he was in his "
         "30s.", "as young as 14", 14, None, "lowest", "teenager"),
    ],
)  # fmt: skip
def test_ages_and_whom_they_describe(
    text: str, span_text: str, value: float, upper: float | None, qualifier: str, head: str
) -> None:
    figure = _one(_figures([_article(text)]), span_text)
    assert (figure.unit, figure.value, figure.upper, figure.qualifier, figure.head) == (
        "age",
        value,
        upper,
        qualifier,
        head,
    )


# BASIL (Fox News, Mattis's departure; HuffPost, Weiner's photo), cut to the sentences that name
# the man before the age: the tagger takes the surname alone for a place or an organisation there.
MATTIS = (
    "President Trump announced Sunday that Defense Secretary James Mattis will be leaving the "
    "administration on January 1, weeks earlier than planned and just days after Mattis' bombshell "
    "resignation letter made clear his policy disagreements with the White House.\n\n"
    "Shanahan is a former Boeing executive who joined the Pentagon in July 2017.\n\n"
    "In his resignation letter Thursday, Mattis, 68, had said he would remain in his role for more "
    "than three months."
)
WEINER = (
    "Congressman Anthony Weiner (D-N.Y.) broke his silence Wednesday about the controversy "
    "surrounding a lewd photo sent from his Twitter account.\n\n"
    "The site said the photo was tweeted to a female college student in Seattle. The woman told the "
    'New York Daily News that she had never met Weiner, and that there had "never been any '
    'inappropriate exchanges" between her and the congressman.\n\n'
    "Weiner, 46, is married to Huma Abedin, an aide to Secretary of State Hillary Clinton."
)


@pytest.mark.parametrize(
    "text, span_text, head", [(MATTIS, "68", "mattis"), (WEINER, "46", "weiner")], ids=["mattis", "weiner"]
)
def test_an_age_after_a_surname_the_story_names_as_a_person(text: str, span_text: str, head: str) -> None:
    figure = _one(_figures_with_names(text), span_text)
    assert (figure.unit, figure.head) == ("age", head)


# AllSides probe-1630: two leads on Toni Morrison's death, each giving her age after "was".
MORRISON_NPR = (
    "When Toni Morrison received her Nobel Prize in Literature in 1993, her remarks began with a "
    "reflection on the phrase once upon a time. In her signature, measured cadence, Morrison told the "
    "Swedish Academy she believed these were some of the first words we remember from our childhoods. "
    "Morrison, who was 88, died Monday night at Montefiore Medical Center in New York, according to "
    "her publisher, Penguin Random House."
)
MORRISON_NYT = (
    "Toni Morrison, the 1993 Nobel laureate in literature, whose acclaimed, best-selling work explored "
    "black identity in America and in particular the experience of black women, died on Monday in the "
    "Bronx. She was 88."
)


@pytest.mark.parametrize(
    "text, head", [(MORRISON_NPR, "morrison"), (MORRISON_NYT, "she")], ids=["who", "she"]
)
def test_an_age_that_a_person_is_or_was(text: str, head: str) -> None:
    figure = _one(_figures_with_names(text), "88")
    assert (figure.unit, figure.head) == ("age", head)


def test_an_age_a_person_is_now() -> None:
    # BASIL, Fox News on Roy Moore (2017): 53 was counted as allegations
    text = "The Post story centered on allegations made by Leigh Corfman, now 53."
    figure = _one(_figures_with_names(text), "53")
    assert (figure.unit, figure.head) == ("age", "corfman")


def test_two_ages_given_respectively_are_not_a_range() -> None:
    # BASIL, outside the hand-checked triples: "aged 16 and 13" is two ages, neither a range's end.
    text = (
        "Elizabeth Lauten wrote in a now-deleted Facebook post Friday that Malia and Sasha Obama, aged "
        '16 and 13 respectively, should "try showing a little class".'
    )
    assert [f for f in _figures([_article(text)]) if f.unit == "age"] == []


def test_superscript_footnote_marks_are_not_numbers() -> None:
    """Pages copied with their footnote marks ("²", "³") hold characters that ``str.isdigit``
    accepts and ``int`` refuses; they are no figure, and reading them must not fail. The first
    sentence is mn-54355's reference summary (as in test_conflicts) with a mark in place of the
    age, the second a date line with a mark in place of the day."""
    rensch = "Chess.com is led by IM Danny Rensch, ², who also is a major chess presence on Twitch."
    dated = "The storm made landfall on March ³ near the coast, officials said."
    figures = _figures([_article(rensch), _article(dated, "b")])
    assert [
        figure.span.text for figure in figures if "²" in figure.span.text or "³" in figure.span.text
    ] == []


def test_what_leaves_no_hyphen_of_the_number_behind() -> None:
    # BASIL, Fox News on Duncan Hunter (2018): was 'named in the -page indictment'
    text = (
        "Among the allegations named in the 48-page indictment included instances between 2009 and 2016 when "
        "Hunter and his wife used campaign funds to pay for family vacations to Italy and Hawaii, according to "
        "a press release from the Southern District of California’s U.S. Attorney’s Office."
    )
    figure = _one(_figures([_article(text)]), "48")
    assert figure.unit == "page"
    assert "-page" not in figure.what
    assert "page indictment" in figure.what


def test_over_after_a_verb_it_belongs_to_is_no_qualifier():
    """The Times on Anthony Weiner (BASIL): "presided over two testy news briefings" is two
    briefings, not more than two; spaCy hangs "over" on the number as it does in "over 300
    people", so the verb decides. "killed over 300 people" keeps its "more than"."""
    briefings = _figures(
        [
            _article(
                "On Tuesday, Mr. Weiner presided over two testy news briefings at which he had "
                "dodged a variety of questions."
            )
        ]
    )
    assert [(f.span.text, f.value, f.qualifier) for f in briefings] == [("two", 2.0, "exact")]
    killed = _figures([_article("The rebels killed over 300 people in the city.")])
    assert [(f.span.text, f.qualifier) for f in killed] == [("over 300", "more-than")]


@pytest.mark.parametrize(
    ("text", "span_text", "qualifier"),
    [
        # AllSides probe-1999 (WSJ) and probe-1416 (Bloomberg): "up" is the verb's, so the value is
        # where the rate or the count got to, not a bound
        ("The jobless rate last month ticked up to 3.7% in part because more Americans entered the labor force.", "3.7%", "exact"),
        ("The prior week’s data was revised up to 728,000.", "728,000", "exact"),
        ("Up to 40,000 residents fled the city.", "Up to 40,000", "up-to"),
        ("The storm could bring up to 10 inches of rain.", "up to 10 inches", "up-to"),
    ],
)  # fmt: skip
def test_up_to_after_a_verb_of_change_is_where_the_value_got(
    text: str, span_text: str, qualifier: str
) -> None:
    first = _figures([_article(text)])[0]
    assert (first.span.text, first.qualifier) == (span_text, qualifier)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        # AllSides probe-1999 and probe-2137: a share said of its sentence's subject is a share of it
        ("The unemployment rate rose to 3.7%, the highest level since March 2019 but still historically low.", "unemployment rate"),
        ("The unemployment rate ticked up slightly at 3.7 percent, while the labor force participation rate was also little unchanged at 62.9 percent.", "unemployment rate"),
        ("The unemployment rate remained at a five decade low of 3.6 percent.", "unemployment rate"),
        ("The third package, the CARES Act, was a whopping $2.2 trillion in aid.", "package"),
        # AllSides probe-2137: the apposition after the value, parsed as an object of "held", is none
        # and "jobless" stands for "unemployment" (``lexicon.COMPOUND_ADJECTIVES``)
        ("The jobless rate held steady at 3.6%, a near-50-year low.", "unemployment rate"),
        # a subject narrowed by a phrase is not the rate; a sum cut is not the subject's value
        ("The unemployment rate for Black workers fell to 5.9%.", ""),
        ("The bill cuts $716 billion from Medicare.", ""),
        # Multi-News mn-56054 and mn-48598: a subject that acts on an object or a sum ("cap ...
        # at", "shore up") does not own the value
        ("In addition, the Trump plan will cap itemized deductions at $200,000 for Married-Joint filers.", ""),
        ("At the Copenhagen climate summit in 2009, it was decided that wealthy nations would shore up $100 billion a year by 2020 to help the developing world.", ""),
    ],
)  # fmt: skip
def test_a_share_or_sum_said_of_a_subject_names_it_as_its_head(text: str, head: str) -> None:
    assert _figures([_article(text)])[0].head == head


@pytest.mark.parametrize(
    "text",
    [
        # BASIL, the Pentagon and Syria (2018): "Two" was listed among the story's figures
        "Two Defense Department officials said Thursday that about 7,000 troops will be withdrawn in the "
        "coming months.",
        # BASIL, the Hensarling race (2014)
        "On Friday, the Washington Post reported that Hensarling does not plan to run, according to three "
        "people familiar with his plans.",
        # BASIL, the mail-bomb suspect (2018)
        "The package addressed to Mr. Booker, a New Jersey Democrat, was found in Florida, which two people "
        "briefed on the matter have said has become a focus of the intense, nationwide investigation into "
        "the bombs.",
    ],
)
def test_a_count_of_the_articles_sources_is_no_figure(text: str) -> None:
    counted = {figure.span.text.lower() for figure in _figures([_article(text)])}
    assert not counted & {"two", "three"}


def test_a_group_that_speaks_is_still_counted() -> None:
    # BASIL, the Times on a Republican debate (2011): the two candidates are the news
    text = (
        "Mr. Trump was facing a potentially awkward task: moderating a debate that only two candidates said "
        "they would attend."
    )
    assert [figure.span.text for figure in _figures([_article(text)])] == ["only two"]


# A source is named only for a figure inside what it said (BASIL sentences): not its audience, the
# day it spoke, a deed, the source's own description or another clause.
@pytest.mark.parametrize(
    "text, span_text",
    [
        ("\"Let's take the lemons and turn it into lemonade,\" Clinton told about 600 supporters at the "
         "Iowa State Fairgrounds.", "about 600"),
        ("Nuland said in a Sept. 14 email that she didn't want that information included.", "Sept. 14"),
        ("The Senate confirmed two cabinet nominations — James N. Mattis as defense secretary and John F. "
         "Kelly as secretary of homeland security.", "two"),
        ("On a conference call convened Sunday night by liberal groups, there was notable anger toward Ms. "
         "Klobuchar, according to two participants.", "two"),
        ("“Undoubtedly, there is collusion,” Schiff told The Washington Post after Attorney General William "
         "Barr's four-page summary of Mueller's investigation was released Sunday.", "four"),
        # HuffPost on the Cheney sisters (2013): "puts ... at" a state, not at a number
        ("Her opposition also puts her at odds with her father, who offered support for gay marriage in "
         "2009.", "2009"),
        # the Times on Infowars (2018): was "according to which", the relative pronoun
        ("Twitter, which initially said Mr. Jones and Infowars had not violated its policies, later "
         "suspended the two accounts for a week for violating rules against inciting violence.", "two"),
    ],
)  # fmt: skip
def test_a_figure_outside_what_the_source_said_is_not_attributed(text: str, span_text: str) -> None:
    assert _one(_figures([_article(text)]), span_text).attribution == ""


@pytest.mark.parametrize(
    "text, span_text, source",
    [
        ("The cost of the package, senior officials estimated, would be roughly $500 million, some of which "
         "could come from already budgeted funds.", "roughly $500 million", "senior officials"),
        ("“Two words sum it up better than anything anybody else can say,” the White House press secretary, "
         "Sarah Huckabee Sanders, told reporters on Friday.", "Two", "the White House press secretary"),
        ("The document is expected to call for a path to legal status for many of the 11 million "
         "undocumented immigrants in the country, the aides said.", "11 million", "the aides"),
        ("A separate attendee, Molyrik Welch, noted to another reporter that her brother had died following "
         "an encounter with Ferguson police in 2011.", "2011", "a separate attendee"),
        # our sentence, though the parser splits it at ". . ."
        ("Trump is one of the top contenders. NBC further notes, “Strikingly, Trump . . . finishes first among "
         "Tea Party supporters (at 20 percent), followed by Romney (17 percent).”", "17 percent", "NBC"),
        ("Hillary and Bill Clinton earned roughly $141 million and paid nearly $44 million in federal income "
         "taxes from 2007 to 2014, according to tax returns released Friday.", "roughly $141 million",
         "tax returns released Friday"),
        # a quotation opened in the sentence before, closed by a straight mark (HuffPost, Orlando)
        ("\"Appreciate the congrats for being right on radical Islamic terrorism. If Hillary Clinton, after "
         "this attack, still cannot say the two words 'Radical Islam' she should get out of this race for the "
         "Presidency,\" Trump said in a statement released by his campaign.", "two", "Trump"),
        # Multi-News mn-41660: a relative clause's source is its antecedent, not "which"
        ("But it remains to be seen if Hollywood – which claims to lose $20.5 billion a year to piracy – "
         "will find that to be sufficient.", "$20.5 billion", "Hollywood"),
    ],
)  # fmt: skip
def test_a_figure_inside_what_the_source_said_is_attributed(text: str, span_text: str, source: str) -> None:
    assert _one(_figures([_article(text)]), span_text).attribution == source


# The source is shown mid-sentence ("according to the project"): a capital that only opens the
# sentence goes (BASIL's elephant trophies, Mrs. Clinton's emails, Roy Moore), a name's stays.
@pytest.mark.parametrize(
    "text, span_text, source",
    [
        ("The project also found that the African elephant population shrunk nearly 30 percent from 2007 "
         "to 2014.", "nearly 30 percent", "the project"),
        ("The lawyer for Mrs. Clinton, David Kendall, said that in response to that request, Mrs. Clinton’s "
         "representatives had determined which of her roughly 60,000 emails were personal and private.",
         "roughly 60,000", "the lawyer for Mrs. Clinton"),
        ("“The paper found three other women who said they had been pursued by Mr. Moore around the same "
         "time.", "three", "the paper"),
        ("The Washington Post reported that, in early 1979, Mr. Moore had approached a 14-year-old.",
         "14-year-old", "The Washington Post"),
    ],
)  # fmt: skip
def test_a_source_that_opens_its_sentence_is_not_capitalized(text: str, span_text: str, source: str) -> None:
    assert _one(_figures([_article(text)]), span_text).attribution == source


def test_a_source_is_named_by_its_own_words_only() -> None:
    # BASIL, HuffPost on Boehner's "1 in 3" chance (2012): the parser hung "89 freshmen running ..."
    # of the quotation on "Boehner", and the figure read "according to Boehner 89 freshmen running
    # for their first re-elections"
    text = (
        'Expanding on tough races, Boehner said, "We have 50 of our members in tough races; 89 freshmen '
        "running for their first re-elections. And we have 32 districts that are in states where there is "
        'no presidential campaign going to be run, no big Senate race and we call these orphan districts."'
    )
    assert _one(_figures([_article(text)]), "50").attribution == "Boehner"


# A four-digit number the model did not tag as a date is a year, never a count of the noun after
# it (BASIL: the elephant trophies, the Mueller report, Clinton's 2015 candidacy, same-sex taxes).
@pytest.mark.parametrize(
    "text, span_text",
    [
        ("Zambia and Zimbabwe have had mixed success in recent years maintaining or increasing their "
         "elephant population, according to the Great Elephant Census, a project financed by Paul G. Allen, "
         "a founder of Microsoft. The project also found that the African elephant population shrunk nearly "
         "30 percent from 2007 to 2014.\n\nIt is unclear why Mr. Trump reversed the decision, but the "
         "announcement faced backlash from both conservatives and liberals.", "2014"),
        ("Barr is expected to make public more of the report, but 2020 Democrats are demanding the full "
         "report be released.", "2020"),
        ("He joins an already crowded 2016 Republican field, and will likely enlist support from the "
         "party's far right wing.", "2016"),
        ("As of the 2013 tax year, same-sex spouses who are legally married will not be able to file "
         "federal tax returns as if either were single.", "2013 tax year"),
    ],
)  # fmt: skip
def test_a_year_the_model_did_not_tag_is_no_count(text: str, span_text: str) -> None:
    assert [f.unit for f in _figures([_article(text)]) if f.span.text == span_text] in ([], ["year"])


def test_a_count_of_years_is_a_duration_not_a_year() -> None:
    # BASIL, Clinton's tax returns (2015): "eight" was shown as "the year 8"
    text = (
        "Hillary Rodham Clinton on Friday released her most recent eight years of tax returns, showing that "
        "she and former President Bill Clinton earned $139 million in adjusted gross income from 2007 to 2014."
    )
    figure = _one(_figures([_article(text)]), "eight")
    assert (figure.value, figure.unit) == (8, "years")


# A mixed number is read whole, and "half" alone is a share, as "a third" is (BASIL: the Afghanistan
# talks, Clinton's health letter, the elephant trophies, flags at half-staff).
@pytest.mark.parametrize(
    "text, read",
    [
        ("The investigation was internal at first with the White House reaching conclusions at least "
         "two-and-a-half months ago.", [("at least two-and-a-half", 2.5, "months")]),
        ("Clinton’s camp is touting the fact she is the first 2016 candidate to release any kind of health "
         "information, though she only officially released a one-and-a-half-page letter from her doctor.",
         [("one-and-a-half", 1.5, "page")]),
        ("The illicit demand for elephant ivory has led to devastating losses from illegal poaching as the "
         "natural habitat available for the animals to roam has also dwindled by more than half.", []),
        ("Obama also ordered U.S. flags to be flown at half-staff “as a mark of respect for the victims.”", []),
    ],
)  # fmt: skip
def test_a_half_is_read_with_its_whole_number_or_not_at_all(
    text: str, read: list[tuple[str, float, str]]
) -> None:
    assert [(f.span.text, f.value, f.unit) for f in _figures([_article(text)])] == read


def test_the_number_of_a_thing_counts_the_thing() -> None:
    # BASIL, the elephant trophies (2017): "about 400,000 numbers, down from 5,000,000 numbers"
    text = (
        "As a result, the number of African elephants has shrunk from about 5 million a century ago to about "
        "400,000 remaining."
    )
    (figure,) = _figures([_article(text)])
    assert (figure.value, figure.previous, figure.unit) == (400_000, 5_000_000, "elephant")


# A number that stands for those named before, as a pronoun would, is no figure; one counted "of
# them" has no noun of its own (BASIL: Stone and Trump, the 2016 primaries, the 2010 House races).
@pytest.mark.parametrize(
    "text, read",
    [
        ("Within months, however, the two had a public dispute and Mr. Stone left the team.", []),
        ("Clinton had counted on winning all three.", []),
        ("“You take 18 of them, California, Illinois and New York, where you know we’re not likely to do "
         "well at the top of the ticket, and those districts are frankly pretty vulnerable.”",
         [("18", "count")]),
        ("He said the four killed were soldiers.", [("four", "people")]),
    ],
)  # fmt: skip
def test_a_number_that_stands_for_those_named_before_counts_no_noun(
    text: str, read: list[tuple[str, str]]
) -> None:
    assert [(f.span.text, f.unit) for f in _figures([_article(text)])] == read


@pytest.mark.parametrize(
    "text",
    [
        # BASIL, the Clinton emails (2015): "100 pages"
        "The State Department has made available several hundred pages of documents in prior releases "
        "related to the 2012 terrorist attacks in Benghazi, Libya, and other issues.",
        # mn-23283: "100 supporters"
        "The attacks elicited cheers from a crowd of several hundred Moore supporters, who packed into a "
        "barn here and waved pro-Bannon and Breitbart News signs.",
        # mn-17496 (NBC, 2014): "12 dozens", as if a dozen
        '"A mob of several dozen attacked the building where they were," said Gill.',
        "A few dozen protesters gathered outside the embassy on Sunday.",
        # mn-41660 (2013): "multi-billion dollar" read as exactly 1,000,000,000 USD
        "Not surprisingly, being named as the enabling parties for multi-billion dollar global pirate movie "
        "and music sites prompted immediate responses from spokespeople at both Google and Yahoo!",
    ],
)
def test_several_hundred_is_as_vague_as_hundreds(text: str) -> None:
    scales = ("hundred", "dozen", "billion")
    assert not [f for f in _figures([_article(text)]) if any(scale in f.span.text for scale in scales)]


@pytest.mark.parametrize(
    ("text", "span_text"),
    [
        # mn-9144 (New York Times, 2016): read as an amount of "energies"
        (
            "The magnitude-7.8 earthquake that struck Nepal in April 2015 released roughly 250 times more energy.",
            "roughly 250",
        ),
        # mn-24807 (2018): read as an "amount"
        ("The number of cases in Ain is 58 times the normal amount, according to some scientists.", "58"),
    ],
)
def test_a_number_of_times_is_a_ratio_not_an_amount_of_what_follows(text: str, span_text: str) -> None:
    assert _one(_figures([_article(text)]), span_text).unit == "time"


@pytest.mark.parametrize(
    "text",
    [
        # BASIL, Indiana's religious freedom law (2015): "4 championships"
        "Long on Monday also denied that a clarification of the law would be needed before this weekend’s "
        "men’s NCAA Final Four basketball championships, in Indianapolis.",
        # BASIL, Trump and Putin (2018)
        "Russia was expelled from what was then the Group of Eight after its annexation of Crimea from Ukraine.",
    ],
)
def test_a_number_word_capitalized_inside_a_name_is_no_figure(text: str) -> None:
    assert _figures([_article(text)]) == ()


def test_a_capitalized_number_after_a_dateline_is_still_a_figure() -> None:
    # BASIL, Nebraska and Oklahoma against Colorado (2014)
    text = "DENVER — Two heartland states filed the first major legal challenge to Colorado’s marijuana laws."
    assert [f.span.text for f in _figures([_article(text)])] == ["Two"]


def test_a_count_the_model_took_for_money_counts_its_noun() -> None:
    # mn-23526: "more than 4 million immigrants" was a sum of money (the model tags it MONEY), so it
    # could not meet another outlet's "some 4 million" immigrants
    text = (
        "Democrats nonetheless decried the Yoho proposal while defending the legality of Obama's actions, "
        "which could spare more than 4 million immigrants from the threat of deportation."
    )
    (figure,) = _figures([_article(text)])
    assert (figure.value, figure.unit) == (4_000_000, "people")


# A change is an old and a new value, not a range: BASIL eb17fa36 (spaCy tags "seven to eight" as
# one number), mn-56054 (one entity, the larger value first), mn-13031 (the new value first).
@pytest.mark.parametrize(
    "text, span_text, value, previous, unit",
    [
        ("And for California Republicans, it has immediate implications, expanding from seven to eight "
         "the field of Republican-held seats being seriously targeted by Democrats.",
         "from seven to eight", 8, 7, "count"),
        ("Trump's plan would also disproportionally benefit wealthy earners by lowering the highest income "
         "tax rate from 39.6 percent to 25 percent, and businesses by cutting their tax rate.",
         "from 39.6 percent to 25 percent", 25, 39.6, "percent"),
        ("In the past five years, vacancy in the aging warehouses has declined to 2 percent from 7.9 percent.",
         "to 2 percent from 7.9 percent", 2, 7.9, "percent"),
    ],
)  # fmt: skip
def test_a_change_is_its_new_value_with_the_old_one_as_previous(
    text: str, span_text: str, value: float, previous: float, unit: str
) -> None:
    figures = _figures([_article(text)])
    figure = _one(figures, span_text)
    assert (figure.value, figure.previous, figure.upper, figure.qualifier, figure.unit) == (
        value,
        previous,
        None,
        "exact",
        unit,
    )
    assert len(figures) == 1  # the old value is no figure of its own


def test_from_one_number_to_another_without_a_change_is_a_range() -> None:
    # mn-13031: "range from" is no word of change
    text = (
        "On average, grows leased 10,000 to 20,000 square feet, although operations range from 2,000 to "
        "100,000 square feet, CBRE said."
    )
    figure = _one(_figures([_article(text)]), "2,000 to 100,000 square feet")
    assert (figure.value, figure.upper, figure.qualifier, figure.previous) == (2000, 100000, "range", None)


def test_a_unit_left_out_of_the_number_entity_is_the_figure_s_unit() -> None:
    # mn-13031: spaCy tags "at least 3.7 million" alone, which read as a count of "feet"
    text = (
        "The state's cannabis industry occupies at least 3.7 million square feet of industrial space in "
        "Denver, clustered in areas of older warehouse stock, according to commercial real estate firm CBRE."
    )
    figure = _one(_figures([_article(text)]), "at least 3.7 million square feet")
    assert (figure.value, figure.unit, figure.qualifier) == (3_700_000, "ft", "at-least")
    assert "occupies" in figure.what and "feet" not in figure.what


def test_pounds_after_a_bare_number_stay_a_counted_noun() -> None:
    # BASIL (HuffPost): pounds after a number may be weight or money; the figure does not guess
    text = "He made national headlines for losing more than 110 pounds from 2003 to 2006."
    figure = _one(_figures([_article(text)]), "more than 110")
    assert figure.unit == "pound"


VACANCY = (
    "In the past five years, vacancy in the aging warehouses has declined to 2 percent from 7.9 percent."
)


def test_a_change_is_compared_by_its_new_value_only() -> None:
    # mn-13031 and a copy: another new value is a conflict; another old value is not (before, the
    # two values were two figures and the old ones conflicted)
    original = _article(VACANCY, "a")
    new_changed = _copy(original, "to 2 percent", "to 3 percent")
    old_changed = _copy(original, "from 7.9 percent", "from 9.9 percent")
    conflicts = find_conflicts(_figures([original, new_changed]))
    assert [sorted(figure.value for figure in conflict.figures) for conflict in conflicts] == [[2, 3]]
    assert find_conflicts(_figures([original, old_changed])) == ()


# A year's description says what happened then, or is absent; never one stray word (Multi-News).
@pytest.mark.parametrize(
    "text, what",
    [
        # the verb alone was the description: "died in", "Born in", "Starting in"
        ("Theodus Times II, owner of the Rahming-Poitier Funeral Home, has at least one cousin buried in "
         "the cemetery, as well as an aunt who died in 1948.", ""),
        ("Born in 1956, he grew up in a middle-class suburb of Detroit, the son of a kindergarten teacher "
         "and a Ford engineer.", ""),
        ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.", ""),
        # two words of content stay (Multi-News)
        ("The first plans to build on the site came in 1974, but angry residents quashed the move.",
         "first plans came in"),
    ],
)  # fmt: skip
def test_a_years_description_is_never_one_stray_word(text: str, what: str) -> None:
    years = [figure for figure in _figures([_article(text)]) if figure.unit == "year"]
    assert [figure.what for figure in years] == [what]


# A decade is a range of ten years; "the 1900s" may be a century, so it is none (Multi-News mn-14110).
@pytest.mark.parametrize(
    "text, span_text, value, upper",
    [
        ("But the water table forced coffins to rise, she said, so the bodies were moved in the 1960s to "
         "the city-owned Pineview Cemetery near Martin Luther King, Jr. Avenue.", "the 1960s", 1960, 1969),
        ("The cemetery was built in the 1900s by the town's first families.", None, None, None),
    ],
)  # fmt: skip
def test_a_decade_is_a_range_of_years(text: str, span_text: str | None, value: int, upper: int) -> None:
    years = [figure for figure in _figures([_article(text)]) if figure.unit == "year"]
    if span_text is None:
        assert years == []
        return
    assert [(f.span.text, f.value, f.upper, f.qualifier) for f in years] == [
        (span_text, value, upper, "range")
    ]


# AllSides jobless claims: "by A to B" after a verb of change is the change's amount and its new
# value, never a range from A to B.
@pytest.mark.parametrize(
    "text, amount, level",
    [
        ("Initial claims in regular state programs fell by 97,000 to 684,000 in the week ended March 20, "
         "Labor Department data showed Thursday.", "97,000", "684,000"),
        ("Initial jobless claims in regular state programs rose by 137,000 to 853,000 in the week ended "
         "Dec. 12.", "137,000", "853,000"),
    ],
)  # fmt: skip
def test_a_change_by_an_amount_to_a_level_is_no_range(text: str, amount: str, level: str) -> None:
    figures = [figure for figure in _figures([_article(text)]) if figure.unit != "date"]
    assert [(figure.span.text, figure.qualifier, figure.upper) for figure in figures] == [
        (amount, "exact", None),
        (level, "exact", None),
    ]


def test_a_range_written_in_full_is_not_scaled_twice() -> None:
    # BASIL 2058ec60: the scale of "1.6 million" is not the lower end's, written in full; it was
    # "at least 500,000" of the unit "million"
    text = "Estimates of how many women could be included in the lawsuit run from 500,000 to 1.6 million."
    figure = _one(_figures([_article(text)]), "500,000 to 1.6 million")
    assert (figure.value, figure.upper, figure.qualifier, figure.unit) == (500000, 1600000, "range", "count")


def test_a_count_tagged_as_a_quantity_counts_its_noun_not_millions() -> None:
    # mn-3003: spaCy tags "more than 1.5 million" a QUANTITY; its unit was "million"
    text = "On Monday morning, the ad had more than 1.5 million shares, the vast majority of which came from Facebook."
    figure = _one(_figures([_article(text)]), "more than 1.5 million")
    assert (figure.value, figure.unit) == (1500000, "share")


# BASIL: a pair tagged as one entity is a range when the smaller number comes first, a tally when
# the larger does; the hyphen of a number in words joins no pair.
@pytest.mark.parametrize(
    "text, span_text, value, upper, qualifier",
    [
        ("That is on top of projections that currently are in the range of 2 percent to 3 percent.",
         "2 percent to 3 percent", 2, 3, "range"),
        ("Twenty-six Russian nationals and three Russian companies have been charged with interfering in "
         "the 2016 presidential election.", "Twenty-six", 26, None, "exact"),
        ("“One hundred-eighteen visits and it didn’t come up in casual conversation?” Mr. Jordan said.",
         "One hundred-eighteen", 118, None, "exact"),
    ],
)  # fmt: skip
def test_a_pair_in_one_entity_is_read_by_its_order(
    text: str, span_text: str, value: float, upper: float | None, qualifier: str
) -> None:
    figure = _one(_figures([_article(text)]), span_text)
    assert (figure.value, figure.upper, figure.qualifier) == (value, upper, qualifier)


def test_a_tally_in_one_entity_is_no_figure() -> None:
    # BASIL ee05c9b3: it was "at least $5,600,000", the two sums added
    text = (
        "Cantor was expected to defeat Brat by a wide margin, outraising the college professor $5.4 million "
        "to $200,000."
    )
    assert [figure.span.text for figure in _figures([_article(text)])] == []


def test_what_rose_by_a_share_is_the_subject_of_the_rise() -> None:
    # AllSides probe-147
    figures = _figures([_article("Average hourly pay rose 3.2% from 12 months earlier, a healthy increase.")])
    assert _one(figures, "3.2%").what == "Average hourly pay rose"


def test_jobs_added_keep_the_verb_that_adds_them() -> None:
    # AllSides probe-250
    figures = _figures(
        [_article("The US economy added 196,000 jobs in March, up from 33,000 the prior month.")]
    )
    assert _one(figures, "196,000").what == "US economy added jobs in March"


def test_a_value_after_of_is_described_by_what_it_is_the_value_of() -> None:
    # AllSides probe-250 and probe-147: a rate "of 3.8 percent", a low "of 3.6%"
    figures = _figures(
        [
            _article(
                "The unemployment rate of 3.8 percent remained the same. The unemployment rate fell "
                "to a five-decade low of 3.6% from 3.8%, though that drop partly reflected an increase "
                "in the number of Americans who stopped looking for work."
            )
        ]
    )
    assert _one(figures, "3.8 percent").what == "unemployment rate remained the same"
    assert _one(figures, "3.6%").what.startswith("unemployment rate fell to a five-decade low")


def test_the_total_a_sentence_brings_a_count_to_is_of_what_it_numbered_before() -> None:
    # mn-44348: "the total" is the number of Americans eligible for statin therapy
    nissen = _article(
        "By changing the way doctors evaluate a patient for statin therapy, Nissen said these new "
        "guidelines will effectively double the number of Americans eligible for statin therapy, "
        "bringing the total to about 72 million."
    )
    total = _one(_figures([nissen]), "about 72 million")
    assert (total.unit, total.what.split()[0]) == ("people", "Americans")


def test_a_total_with_no_number_named_before_stays_a_bare_count() -> None:
    # AllSides probe-1501
    claims = _article(
        "Last week, 5.2 million people filed unemployment claims, bringing the total to 22 million in "
        "the four weeks since President Trump declared a national emergency."
    )
    assert _one(_figures([claims]), "22 million").unit == "count"


def test_a_sum_a_thing_is_worth_is_that_things_sum() -> None:
    # AllSides probe-2111 and probe-1159
    payments = _article(
        "After promising another round of stimulus payments worth $1,400 to many Americans, President "
        "Joe Biden has reportedly signaled that he is open to restricting the number of people who would "
        "receive them, based on their income."
    )
    tariffs = _article(
        "The US is planning to impose tariffs on Chinese products on a target list worth about $60 billion."
    )
    assert _one(_figures([payments]), "$1,400").head == "stimulus payment"
    assert _one(_figures([tariffs]), "about $60 billion").head == "target list"


def test_a_sum_after_a_word_the_parser_takes_for_its_noun_is_described_by_its_verb() -> None:
    # AllSides probe-1644: the parser makes "record" the object of "for", the sum its modifier
    floyd = _article(
        "The city of Minneapolis has settled a civil suit with the family of George Floyd for a record $27 million."
    )
    assert _one(_figures([floyd]), "a record $27 million").what == "city settled a civil suit with the family"


def test_a_sum_a_verb_says_its_subject_amounts_to_is_the_subjects() -> None:
    # AllSides probe-537
    package = _article(
        "The package totals $908 billion, and includes funding for unemployment insurance, state and local "
        "governments, vaccine development, education, housing subsidies, child care, the paycheck protection "
        "program (PPP), and other COVID-related causes."
    )
    assert _one(_figures([package]), "$908 billion").head == "package"


def test_a_clause_set_off_by_commas_does_not_narrow_the_subject_a_share_is_of() -> None:
    # AllSides probe-1210; "the unemployment rate for Black workers" is narrowed, this one is not
    rate = _article(
        "The nation's unemployment rate, which has steadily declined since peaking at nearly 15% in April, "
        "ticked down to 6.7%."
    )
    assert _one(_figures([rate]), "6.7%").head == "unemployment rate"


def test_a_mark_a_count_noun_passed_counts_what_the_noun_numbers() -> None:
    # AllSides probe-1413
    reuters = _article(
        "The number of people infected with coronavirus across the world surpassed 100,000 on Friday as the "
        "outbreak reached more countries and the economic damage intensified, with business districts "
        "beginning to empty and stock markets tumbling."
    )
    assert _one(_figures([reuters]), "100,000").unit == "people"


def test_a_number_before_a_fraction_word_is_a_share_not_a_count() -> None:
    # Multi-News mn-56054 (Trump campaign paper, 2015): spaCy tags "as much as two" of "two-thirds",
    # read as a count of 2
    text = (
        "We graduate two times more Americans with STEM degrees each year than find STEM jobs, yet as "
        "much as two-thirds of entry-level hiring for IT jobs is accomplished through the H-1B program."
    )
    assert [f.span.text for f in _figures([_article(text)]) if "as much as" in f.span.text] == []


def test_a_number_word_before_digits_is_no_part_of_the_number() -> None:
    # BASIL f11c2566 (NYT, 2012): spaCy tags "one 46 percent to 41 percent", read as "at least 1 percent"
    text = (
        "An NBC News/Wall Street Journal poll last week found that voters favored a Democratic-controlled "
        "Congress over a Republican one 46 percent to 41 percent."
    )
    assert [f.span.text for f in _figures([_article(text)]) if f.span.text.startswith("one")] == []


# A number before a singular noun that is itself the compound modifier of another noun makes a
# compound adjective with it, hyphen or none: it counts its own noun, not the head's (BASIL
# 7f9c83f7, Fox News quoting a tweet on Rubio's foreign policy: "a two state solution" was
# "2 solutions"). A measure so written stays a measure.
@pytest.mark.parametrize(
    "text, span_text, unit",
    [
        ("Unwillingness to even start a discussion of a two state solution.", "two", "state"),
        ("Unwillingness to even start a discussion of a two-state solution.", "two", "state"),
        ("The Senate passed a 10 year plan.", "10 year", "years"),
    ],
)
def test_a_number_joined_to_a_compound_noun_counts_that_noun(text: str, span_text: str, unit: str) -> None:
    assert _one(_figures([_article(text)]), span_text).unit == unit


# A number followed by a code of letters and digits is the number of a section of a statute
# (BASIL 84678e18, Fox News on the IRS: "501 c3,4,5 organizations" was 501 organizations), as
# "501(c)(3)" written as one word is.
@pytest.mark.parametrize(
    "text",
    [
        "Well there's a questionnaire that began this discussion and there's also a questionnaire out there "
        "that is seeking info from 501 c3,4,5 organizations.",
        "The group is registered as a 501 (c)(4) organization.",
        "The group is registered as a 501(c)(4) organization.",
    ],
)
def test_a_section_number_before_its_subsection_code_is_no_figure(text: str) -> None:
    assert [f.span.text for f in _figures([_article(text)]) if "501" in f.span.text] == []
