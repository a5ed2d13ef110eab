"""Choose the summary: score sentences, take the best under the word budget, put them in reading order.

Scoring is cross-document centrality (after LexRank, Erkan & Radev 2004, without the random
walk): a sentence is important when sentences of *other* articles say something close to it,
which is how "content several outlets report weighs more" enters the score. A mild prior
favours sentences early in their article, where news writing puts what matters most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from newsbrief.model import Citation, Fact, Sentence, Source, SummarySentence

__all__ = ["BACK_REFERENCE_OPENERS", "cite", "is_back_reference", "select"]

# A sentence that opens with one of these points back to the sentence before it, so it may only
# appear straight after that sentence (Nenkova & McKeown 2011, §4.3, on dangling references).
BACK_REFERENCE_OPENERS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "this",
        "these",
        "that",
        "those",
        "there's",
        "but",
        "however",
        "also",
        "and",
        "so",
        "still",
        "meanwhile",
        "instead",
        "yet",
        "moreover",
        "furthermore",
        "additionally",
        "besides",
        "then",
        "thus",
        "therefore",
        "hence",
        "nevertheless",
        "nonetheless",
        "otherwise",
        "likewise",
        "similarly",
        "accordingly",
        "indeed",
        "or",
        "nor",
        "such",
        "both",
        "neither",
        "either",
        "another",
        "other",
        "others",
        "later",
        "afterward",
        "afterwards",
        "here",
    ]
)
_FIRST_WORD = re.compile(r"^[\"'“‘(\[]*([A-Za-z’']+)")

# Sentences outside this range are fragments or run-ons, poor summary lines.
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_WORDS = 80
# Weight of a same-article neighbour's similarity relative to another article's (repetition
# within one article is weaker evidence of importance than agreement across outlets).
SAME_ARTICLE_WEIGHT = 0.5
# Position prior 1 / (1 + position) ** POSITION_DECAY: gentle, since a greedy ROUGE oracle on
# Multi-News takes many sentences far from the lead.
POSITION_DECAY = 0.3
# Two summary lines closer than this (cosine) say the same thing; the later is not taken.
REDUNDANCY_THRESHOLD = 0.3


def is_back_reference(text: str) -> bool:
    """True when the sentence opens with a pronoun or connective that points back."""
    match = _FIRST_WORD.match(text)
    return match is not None and match.group(1).lower().replace("’", "'") in BACK_REFERENCE_OPENERS


def select(
    sentences: tuple[Sentence, ...],
    similarity: NDArray[np.float64],
    *,
    max_words: int,
    max_sentences: int | None = None,
) -> tuple[Sentence, ...]:
    """The summary's sentences in reading order, at most ``max_words`` words in all."""
    if not sentences:
        return ()
    scores = score(sentences, similarity)
    chosen = _take_under_budget(sentences, similarity, scores, max_words, max_sentences)
    return _reading_order(sentences, scores, chosen)


def score(sentences: Sequence[Sentence], similarity: NDArray[np.float64]) -> NDArray[np.float64]:
    """Importance of each sentence: cross-document centrality times a position prior."""
    articles = np.array([sent.article_id for sent in sentences])
    same_article = articles[:, None] == articles[None, :]
    weights = np.where(same_article, SAME_ARTICLE_WEIGHT, 1.0)
    np.fill_diagonal(weights, 0.0)
    centrality = (similarity * weights).sum(axis=1)
    position = np.array([sent.index for sent in sentences], dtype=np.float64)
    prior = 1.0 / (1.0 + position) ** POSITION_DECAY
    return np.asarray(centrality * prior, dtype=np.float64)


def _take_under_budget(
    sentences: tuple[Sentence, ...],
    similarity: NDArray[np.float64],
    scores: NDArray[np.float64],
    max_words: int,
    max_sentences: int | None,
) -> list[int]:
    """Greedy: the best eligible sentence that fits, until nothing fits."""
    words = [len(sent.text.split()) for sent in sentences]
    position_of = {(sent.article_id, sent.index): i for i, sent in enumerate(sentences)}
    predecessor = [position_of.get((sent.article_id, sent.index - 1)) for sent in sentences]
    needs_predecessor = [is_back_reference(sent.text) for sent in sentences]
    usable = [
        MIN_SENTENCE_WORDS <= words[i] <= MAX_SENTENCE_WORDS and not sentences[i].text.endswith("?")
        for i in range(len(sentences))
    ]
    if not any(usable):  # a story of fragments: better a short line than no summary
        usable = [True] * len(sentences)
    ranking = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    taken: set[int] = set()
    used_words = 0
    progress = True
    while progress and (max_sentences is None or len(chosen) < max_sentences):
        progress = False
        for i in ranking:
            if i in taken or not usable[i] or used_words + words[i] > max_words:
                continue
            if needs_predecessor[i] and predecessor[i] not in taken:
                continue
            if chosen and similarity[i, chosen].max() > REDUNDANCY_THRESHOLD:
                continue
            chosen.append(i)
            taken.add(i)
            used_words += words[i]
            progress = True
            break
    return chosen


def _reading_order(
    sentences: tuple[Sentence, ...], scores: NDArray[np.float64], chosen: list[int]
) -> tuple[Sentence, ...]:
    """Articles in the order of their best chosen sentence; each article's lines in source order.

    Source order inside an article keeps a back-referring sentence right after the one it
    follows.
    """
    best: dict[str, float] = {}
    for i in chosen:
        article_id = sentences[i].article_id
        best[article_id] = max(best.get(article_id, float("-inf")), float(scores[i]))
    first_seen = {sent.article_id: position for position, sent in reversed(list(enumerate(sentences)))}
    return tuple(
        sorted(
            (sentences[i] for i in chosen),
            key=lambda sent: (-best[sent.article_id], first_seen[sent.article_id], sent.index),
        )
    )


def cite(
    chosen: tuple[Sentence, ...],
    facts: tuple[Fact, ...],
    sources: tuple[Source, ...],
    sentences: tuple[Sentence, ...],
    similarity: NDArray[np.float64],
) -> tuple[SummarySentence, ...]:
    """Each chosen sentence with citations: itself first, then the other members of its fact."""
    number = {source.article_id: source.number for source in sources}
    position = {(sent.article_id, sent.index): i for i, sent in enumerate(sentences)}
    fact_of = {(sent.article_id, sent.index): fact for fact in facts for sent in fact.sentences}
    lines = []
    for sentence in chosen:
        fact = fact_of.get((sentence.article_id, sentence.index))
        here = position[(sentence.article_id, sentence.index)]
        others = sorted(
            (
                _citation(
                    member, number, float(similarity[here, position[(member.article_id, member.index)]])
                )
                for member in (fact.sentences if fact else ())
                if member != sentence
            ),
            key=lambda citation: citation.source_number,
        )
        lines.append(
            SummarySentence(
                text=sentence.text,
                sentence=sentence,
                citations=(_citation(sentence, number, 1.0), *others),
            )
        )
    return tuple(lines)


def _citation(sentence: Sentence, number: dict[str, int], similarity: float) -> Citation:
    return Citation(
        source_number=number[sentence.article_id],
        article_id=sentence.article_id,
        sentence_index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        similarity=round(similarity, 4),
    )
