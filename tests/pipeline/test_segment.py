from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.model import Article
from newsbrief.pipeline.segment import paragraph_spans, segment


def _article(text: str) -> Article:
    return Article(id="a", outlet="x", title="", url=None, published=None, text=text)


@given(st.text())
def test_sentences_point_back_into_the_text(text: str) -> None:
    assert all(text[s.start : s.end] == s.text for s in segment(_article(text)))


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200), max_size=6))
def test_sentences_never_cross_paragraphs_and_are_indexed_in_order(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    sentences = segment(_article(text))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    spans = paragraph_spans(text)
    for sentence in sentences:
        start, end = spans[sentence.paragraph]
        assert start <= sentence.start < sentence.end <= end
        assert sentence.text == sentence.text.strip()


def test_aleppo_npr_sentences_and_paragraphs(aleppo: dict[str, Article]) -> None:
    sentences = segment(aleppo["npr"])
    assert sentences[0].text == (
        "For two weeks, a battle has raged in Aleppo, generating tragic images of injured civilians amid the rubble."
    )
    assert sentences[0].paragraph == 0
    assert sentences[1].paragraph == 1
    assert sentences[1].text.startswith("The city — once the country's most populous")


def test_quote_after_colon_stays_with_its_sentence(aleppo: dict[str, Article]) -> None:
    texts = [s.text for s in segment(aleppo["aljazeera"])]
    assert any(
        t.startswith("The civilian situation as accurately summarised by a Red Cross worker") for t in texts
    )
    assert not any(t in {'"', "“"} for t in texts)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two is here.", ["One.", "Two is here."]),
        (
            "Café “naïve” 😀 test. Second — sentence é here.",
            ["Café “naïve” 😀 test.", "Second — sentence é here."],
        ),
        ("Dr. Smith went to Washington. He stayed.", ["Dr. Smith went to Washington.", "He stayed."]),
        ("   \n\n  ", []),
    ],
)
def test_split_points(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment(_article(text))] == expected
