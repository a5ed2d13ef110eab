"""represent(): TF-IDF rows of the story's sentences, the same to the bit as scikit-learn's."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.model import Article, Sentence, Story
from newsbrief.pipeline.clean import clean
from newsbrief.pipeline.represent import (
    article_consensus,
    centroid_closeness,
    content_terms,
    headline_share,
    represent,
    represent_with_terms,
    stem,
    stems,
)
from newsbrief.pipeline.segment import segment


def _sentences(story: Story) -> tuple[Sentence, ...]:
    return tuple(sent for article in story.articles for sent in segment(clean(article)[0]))


def _vectorizer_rows(sentences: tuple[Sentence, ...]) -> object:
    vectorizer = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True, norm="l2", dtype=np.float64)
    return vectorizer.fit_transform([sent.text for sent in sentences])


def test_rows_are_the_vectorizers_bit_for_bit(
    aleppo_story: Story, multinews_stories: tuple[Story, ...]
) -> None:
    for story in (aleppo_story, *multinews_stories):
        sentences = _sentences(story)
        ours, theirs = represent(sentences), _vectorizer_rows(sentences)
        assert ours.shape == theirs.shape  # type: ignore[attr-defined]
        # Entry order too: sums over a row (norms, dot products) add in the same order.
        assert np.array_equal(ours.indptr, theirs.indptr)  # type: ignore[attr-defined]
        assert np.array_equal(ours.indices, theirs.indices)  # type: ignore[attr-defined]
        assert ours.data.tobytes() == theirs.data.tobytes()  # type: ignore[attr-defined]


def test_the_terms_name_the_vectorizers_columns(aleppo_story: Story) -> None:
    sentences = _sentences(aleppo_story)
    vectorizer = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True, norm="l2", dtype=np.float64)
    vectorizer.fit([sent.text for sent in sentences])
    vectors, terms = represent_with_terms(sentences)
    assert terms == list(vectorizer.get_feature_names_out())
    assert vectors.shape == (len(sentences), len(terms))


def test_headline_share_counts_the_articles_whose_headline_uses_a_term() -> None:
    terms = ["aleppo", "battl", "encircl", "geneva", "syria"]
    titles = ["Battle For Aleppo", "Syria's Aleppo encircled as talks collapse in Geneva"]
    assert headline_share(terms, titles, articles=3).tolist() == [2 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3]
    assert headline_share(terms, [], articles=3).tolist() == [0.0] * 5


def _article(text: str) -> Article:
    return Article(id="npr", outlet="NPR", title="", url=None, published=None, text=text)


def test_a_word_shared_by_every_sentence_weighs_least() -> None:
    sentences = segment(
        _article(
            "Syrian forces advanced on eastern Aleppo. Rebels in Aleppo said the siege had cut supply lines. "
            "Aid groups warned that Aleppo hospitals were out of fuel."
        )
    )
    vectors = represent(sentences)
    terms = sorted({term for sent in sentences for term in content_terms(sent.text)})
    first = vectors[0].toarray().ravel()
    assert first[terms.index("aleppo")] < first[terms.index("forc")]
    assert np.allclose(np.linalg.norm(vectors.toarray(), axis=1), 1.0)


@pytest.mark.parametrize("text", ["", "It is. So is it, and it is."])
def test_a_story_without_content_words_has_no_columns(text: str) -> None:
    sentences = segment(_article(text))
    assert represent(sentences).shape == (len(sentences), 0)


def test_centroid_closeness_is_the_cosine_to_the_summed_rows(aleppo_story: Story) -> None:
    vectors = represent(_sentences(aleppo_story))
    centroid = np.asarray(vectors.sum(axis=0), dtype=np.float64).ravel()
    expected = np.asarray(vectors @ (centroid / np.linalg.norm(centroid)), dtype=np.float64).ravel()
    assert centroid_closeness(vectors).tobytes() == expected.tobytes()
    assert centroid_closeness(represent(segment(_article("It is. So is it.")))).tolist() == [0.0, 0.0]


def test_article_consensus_is_one_for_the_article_the_others_say_most_of(aleppo_story: Story) -> None:
    """NPR's report shares most with the other two Aleppo articles (mean cosine of the summed
    rows); ZeroHedge's, half of it Bloomberg's words and the blog's own, shares least."""
    sentences = _sentences(aleppo_story)
    consensus = article_consensus(sentences, represent(sentences))
    values: dict[str, set[float]] = {}
    for sent, value in zip(sentences, consensus, strict=True):
        values.setdefault(sent.article_id, set()).add(float(value))
    assert all(len(article_values) == 1 for article_values in values.values())
    by_article = {article_id: article_values.pop() for article_id, article_values in values.items()}
    assert by_article["npr"] == 1.0
    assert by_article["npr"] > by_article["aljazeera"] > by_article["zerohedge"] > 0.5
    npr = tuple(sent for sent in sentences if sent.article_id == "npr")
    assert article_consensus(npr, represent(npr)).tolist() == [1.0] * len(npr)


def _stems_by_unicode_classes(text: str) -> list[str]:
    """``stems`` as first written: the Unicode word pattern on every text."""
    return [stem(word) for word in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.lower().replace("’", "'"))]


def test_stems_are_the_unicode_patterns_on_real_sentences(
    aleppo_story: Story, multinews_stories: tuple[Story, ...]
) -> None:
    texts = [sent.text for story in (aleppo_story, *multinews_stories) for sent in _sentences(story)]
    assert all(stems(text) == _stems_by_unicode_classes(text) for text in texts)
    assert any(not text.isascii() for text in texts)


@given(
    st.text(
        alphabet=st.sampled_from(
            ["a", "Z", "7", "_", " ", "'", "’", "‘", "“", "”", "—", "–", "…", "é", "K", "İ", "-"]
        )
    )
    | st.text()
)
def test_stems_are_the_unicode_patterns_on_any_text(text: str) -> None:
    assert stems(text) == _stems_by_unicode_classes(text)
