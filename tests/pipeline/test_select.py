from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from newsbrief.model import Sentence, Story
from newsbrief.pipeline.align import similarity_matrix
from newsbrief.pipeline.clean import clean
from newsbrief.pipeline.represent import represent
from newsbrief.pipeline.segment import segment
from newsbrief.pipeline.select import (
    CENTROID_WEIGHT,
    QUOTE_BONUS,
    REDUNDANCY_THRESHOLD,
    is_back_reference,
    quotes_someone,
    select,
    sentence_prior,
)


def _prepared(story: Story) -> tuple[tuple[Sentence, ...], csr_matrix, NDArray[np.float64]]:
    sentences = tuple(sent for article in story.articles for sent in segment(clean(article)[0]))
    vectors = represent(sentences)
    return sentences, vectors, similarity_matrix(vectors)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said the talks had collapsed.", True),
        ("But the regime has managed to cut off supply lines.", True),
        ("“This is existential,” the commander said.", True),
        ("However, the plan failed.", True),
        ("The House approved a measure on Thursday.", False),
        ("Hezbollah fighters entered the villages.", False),
        ("Thessaloniki is a city.", False),
    ],
)
def test_back_reference_openers(text: str, expected: bool) -> None:
    assert is_back_reference(text) is expected


@pytest.mark.parametrize("max_words", [20, 60, 250, 600])
def test_summary_keeps_its_word_budget(aleppo_story: Story, max_words: int) -> None:
    sentences, vectors, similarity = _prepared(aleppo_story)
    chosen = select(sentences, vectors, similarity, max_words=max_words)
    assert sum(len(s.text.split()) for s in chosen) <= max_words
    assert chosen


def test_back_referring_sentence_follows_its_predecessor(multinews_stories: tuple[Story, ...]) -> None:
    for story in (*multinews_stories,):
        sentences, vectors, similarity = _prepared(story)
        chosen = select(sentences, vectors, similarity, max_words=400)
        for position, sentence in enumerate(chosen):
            if is_back_reference(sentence.text):
                previous = chosen[position - 1]
                assert position > 0
                assert (previous.article_id, previous.index) == (sentence.article_id, sentence.index - 1)


def test_no_two_summary_sentences_say_the_same_thing(aleppo_story: Story) -> None:
    sentences, vectors, similarity = _prepared(aleppo_story)
    chosen = select(sentences, vectors, similarity, max_words=250)
    position = {(s.article_id, s.index): i for i, s in enumerate(sentences)}
    rows = [position[(s.article_id, s.index)] for s in chosen]
    for i in rows:
        for j in rows:
            if i != j:
                assert similarity[i, j] <= REDUNDANCY_THRESHOLD


def test_each_article_block_is_in_source_order(aleppo_story: Story) -> None:
    sentences, vectors, similarity = _prepared(aleppo_story)
    chosen = select(sentences, vectors, similarity, max_words=250)
    for article_id in {s.article_id for s in chosen}:
        indices = [s.index for s in chosen if s.article_id == article_id]
        assert indices == sorted(indices)


def test_max_sentences(aleppo_story: Story) -> None:
    sentences, vectors, similarity = _prepared(aleppo_story)
    assert len(select(sentences, vectors, similarity, max_words=1000, max_sentences=2)) == 2


def test_empty_input() -> None:
    assert select((), represent(()), similarity_matrix(represent(())), max_words=100) == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“This is existential,” the commander said.", True),
        ('"The opposition has not been able to withstand it," says Cafarella.', True),
        ("The officials emphasized that they know of no instance of omitted threats.", False),
        ("Aleppo's fall would restore the regime's hold on the north.", False),
    ],
)
def test_quotes_someone(text: str, expected: bool) -> None:
    assert quotes_someone(text) is expected


def _sentence(index: int, text: str) -> Sentence:
    return Sentence(article_id="a", index=index, paragraph=index, start=0, end=len(text), text=text)


def test_prior_favours_central_and_quoting_sentences() -> None:
    sentences = (
        _sentence(0, "Government forces retook eastern Aleppo on Thursday after a month of siege."),
        _sentence(1, "Government forces said eastern Aleppo was retaken after the siege."),
        _sentence(2, "The weather in the coastal city of Latakia was mild."),
        _sentence(3, "“Eastern Aleppo is retaken,” government forces said after the siege."),
    )
    prior = sentence_prior(sentences, represent(sentences))
    assert prior[0] > prior[2] and prior[1] > prior[2]
    assert prior[3] > prior[1]
    assert all(1.0 <= value <= (1.0 + CENTROID_WEIGHT) * (1.0 + QUOTE_BONUS) + 1e-9 for value in prior)


@pytest.mark.parametrize(
    ("text", "points_back"),
    [
        # NPR, Aleppo: "she" is the analyst named in the sentence before
        (
            "For four years, she says, Assad's forces and regional allies fighting alongside them have planned to recapture the whole of Aleppo city and the surrounding countryside.",
            True,
        ),
        (
            '"The battle of Aleppo is the culmination of many years of fighting," says analyst Jennifer Cafarella with the Washington, D.C.-based Institute for the Study of War.',
            False,
        ),
        ('"The battle to open a path is first," he says.', False),
    ],
)
def test_a_pronoun_attribution_inside_a_sentence_points_back(text, points_back):
    assert is_back_reference(text) is points_back
