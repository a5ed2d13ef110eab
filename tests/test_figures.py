"""Tests for figures.py: figures found in real articles, and conflicts only where values disagree."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsbrief.figures import find_conflicts, find_figures
from newsbrief.model import Article, Figure
from newsbrief.nlp import parse
from newsbrief.segment import segment

pytestmark = pytest.mark.nlp


def _figures(articles: list[Article]) -> tuple[Figure, ...]:
    sentences = [sent for article in articles for sent in segment(article)]
    return find_figures(articles, parse(articles), sentences)


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
    assert figure.attribution == "The Observatory"


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
    ],
)
def test_not_figures(text: str) -> None:
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
