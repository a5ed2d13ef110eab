"""Tests for the one resolution of names that entities make and quotes and figures read (issue 9)."""

from __future__ import annotations

import pytest

from newsbrief.analysis.entities import find_entities, names_of
from newsbrief.analysis.figures import find_figures
from newsbrief.analysis.nlp import parse
from newsbrief.analysis.quotes import find_quotes
from newsbrief.model import Article, Entity, Quote
from newsbrief.pipeline.segment import segment

pytestmark = pytest.mark.nlp

# The sentences of issue 9: Donald Trump named first, a nephew with the same surname later, then a
# bare "Trump said".
TRUMP = (
    "Donald Trump said he would attend the funeral in New York on Friday.\n\n"
    "Fred Christopher Trump, his nephew, also attended the service at the church.\n\n"
    '"We will win," Trump said.'
)
# Sentences of a Multi-News story (mn-24807, the Guardian's and the Local's reports): the public
# health authority is named once, then called "the authority", "the organisation", "the body".
AUTHORITY = (
    "The public health authority Santé Publique France said about 150 babies a year in total were "
    "born with similar disfigurements in France.\n\n"
    "The authority said the situation was “tragic” for the families concerned, but it declared the "
    "number of cases in the Ain department to be within the national average."
)
ORGANISATION = (
    "On Thursday, France's public health body, Santé Publique France admitted for the first time that "
    "the situations in Loire-Atlantique and Brittany reveal an excessive number of these kinds of cases.\n\n"
    '"We listened to their parents and their grandparents, visited the places where they live," said '
    "Anne Gallay another of the directors at Santé Publique France. "
    'The organisation has described the situation as "tragic" for the people involved but for the '
    "moment suggests there is no explanation. Previously the body had said that the cases were "
    'probably "down to chance".'
)


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, outlet=article_id, title="", url=None, published=None, text=text)


def _analysed(*texts: str) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
    articles = [_article(f"a{i}", text) for i, text in enumerate(texts, start=1)]
    docs = parse(articles)
    entities = find_entities(articles, docs)
    return find_quotes(articles, docs, names_of(entities)), entities


def _speaker(quotes: tuple[Quote, ...], text: str) -> str:
    return next(quote.speaker for quote in quotes if quote.kind == "direct" and quote.text == text)


def test_issue_9_a_surname_is_the_same_person_in_quotes_and_entities() -> None:
    quotes, entities = _analysed(TRUMP)
    assert _speaker(quotes, "We will win") == "Donald Trump"
    trump_said = TRUMP.rindex("Trump said")
    donald = next(entity for entity in entities if entity.name == "Donald Trump")
    assert any(span.start == trump_said and span.text == "Trump" for span in donald.mentions)
    nephew = next(entity for entity in entities if entity.name == "Fred Christopher Trump")
    assert all(span.text != "Trump" for span in nephew.mentions)


def test_issue_9_quotes_name_the_speaker_by_the_entities_even_when_not_given_them() -> None:
    articles = [_article("a1", TRUMP)]
    assert _speaker(find_quotes(articles, parse(articles)), "We will win") == "Donald Trump"


@pytest.mark.parametrize(
    "text, quoted", [(AUTHORITY, "tragic"), (ORGANISATION, "tragic"), (ORGANISATION, "down to chance")]
)
def test_issue_9_the_authority_refers_back_to_the_organisation(text: str, quoted: str) -> None:
    quotes, _ = _analysed(text)
    assert _speaker(quotes, quoted) == "Santé Publique France"


def test_the_authority_with_no_organisation_named_stays_a_description() -> None:
    quotes, _ = _analysed('The authority said the situation was "tragic" for the families concerned.')
    assert _speaker(quotes, "tragic") == "the authority"


def test_names_point_each_mention_to_its_entity() -> None:
    articles = [_article("a1", TRUMP)]
    entities = find_entities(articles, parse(articles))
    names = names_of(entities)
    nephew_at = TRUMP.index("Christopher")
    assert names.at("a1", nephew_at).name == "Fred Christopher Trump"  # type: ignore[union-attr]
    assert names.at("a1", TRUMP.index("nephew")) is None
    assert names.named("trump").name == "Donald Trump"  # type: ignore[union-attr]


def test_a_figure_attributed_to_a_surname_names_the_same_person() -> None:
    text = TRUMP + "\n\nTrump said 3,000 people had come to the service."
    articles = [_article("a1", text)]
    docs = parse(articles)
    sentences = segment(articles[0])
    figures = find_figures(articles, docs, sentences, names_of(find_entities(articles, docs)))
    (figure,) = [figure for figure in figures if figure.value == 3000]
    assert figure.attribution == "Donald Trump"


def test_a_surname_two_people_share_names_no_one() -> None:
    # Donald Trump and his nephew Fred Christopher Trump: "Trump" alone is neither by its spelling
    articles = [Article(id="a1", outlet="a1", title="", url=None, published=None, text=TRUMP)]
    names = names_of(find_entities(articles, parse(articles)))
    assert names.surname("Trump") is None
    assert names.surname("Christopher") is None
