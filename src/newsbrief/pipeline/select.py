"""Choose the summary: weigh concepts, cover the most weight under the word budget, restore order.

The method is concept coverage (Gillick & Favre 2009): a concept is a stemmed content word or
word pair; a summary is worth the summed weight of the distinct concepts it covers, so saying a
thing twice earns nothing. A concept's weight is

    df² × log(1 + tf) × (1 + j)^-0.5

where df is the number of articles that use it (agreement between outlets: "content several
outlets report weighs more"), tf the number of sentences that use it, and j the position of
the earliest sentence that uses it (news puts what matters first). Sentences are taken greedily
by uncovered weight per √words, the cost-scaled greedy of Lin & Bilmes (2010), times a sentence
prior with two parts: closeness to the story's centroid (MEAD, Radev et al. 2004), which favours
lines about what the whole story is about over lines that only cover rare concepts cheaply; and
a bonus for quoting someone, because the summaries news readers are given quote the people
involved more often than the articles do (40% of the Multi-News reference sentences carry a
quotation mark, 29% of the source sentences).

The exponents were chosen by 5-fold cross-validation on the 40 Multi-News development stories
from the grid df^{1,2,3} × tf{log, linear} × decay{0.2, 0.3, 0.5} × length^{0.5, 0.7}; every
fold chose the values above; then the prior's two weights, likewise (see benchmarks/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from newsbrief.model import Citation, Fact, Sentence, Source, SummarySentence
from newsbrief.pipeline.represent import centroid_closeness

__all__ = [
    "BACK_REFERENCE_OPENERS",
    "CENTROID_WEIGHT",
    "QUOTE_BONUS",
    "cite",
    "is_back_reference",
    "quotes_someone",
    "select",
    "sentence_prior",
]

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
# ", she says," inside a sentence: the speaker was named in the sentence before. The same at the
# end of a quotation (""...," he said.") is left alone: on the 40 stories it cost 0.004 ROUGE-1
# and 0.002 ROUGE-2, and the quotation marks tell whose words they are.
_PRONOUN_ATTRIBUTION = re.compile(
    r",\s*(?:he|she|they)\s+(?:says|said|adds|added|tells|told|explains|explained|notes|noted),",
    re.IGNORECASE,
)

# Sentences outside this range are fragments or run-ons, poor summary lines.
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_WORDS = 80
AGREEMENT_POWER = 2.0
POSITION_DECAY = 0.5
LENGTH_POWER = 0.5
# Two summary lines closer than this (TF-IDF cosine) say the same thing; the later is not taken.
REDUNDANCY_THRESHOLD = 0.5
# A sentence's gain per √words is multiplied by (1 + CENTROID_WEIGHT × cosine to the story
# centroid) × (1 + QUOTE_BONUS if it has a quotation mark). Chosen by 5-fold cross-validation
# from {0, 0.25, 0.5} × {0, 0.1, 0.2}: every fold chose 0.5 for the centroid, three of five 0.2
# for quotes (the other two 0.1; on all 40 stories the two are within 0.0001).
CENTROID_WEIGHT = 0.5
QUOTE_BONUS = 0.2
_QUOTATION_MARK = re.compile(r"[\"“”]")


def is_back_reference(text: str) -> bool:
    """True when the sentence opens with a pronoun or connective that points back, or names its
    speaker by a pronoun set off by commas ("For four years, she says, ...")."""
    match = _FIRST_WORD.match(text)
    if match is not None and match.group(1).lower().replace("’", "'") in BACK_REFERENCE_OPENERS:
        return True
    return _PRONOUN_ATTRIBUTION.search(text) is not None


def quotes_someone(text: str) -> bool:
    """True when the sentence carries a double quotation mark (straight or curly)."""
    return _QUOTATION_MARK.search(text) is not None


def select(
    sentences: tuple[Sentence, ...],
    vectors: csr_matrix,
    similarity: NDArray[np.float64],
    *,
    max_words: int,
    max_sentences: int | None = None,
) -> tuple[Sentence, ...]:
    """The summary's sentences in reading order, at most ``max_words`` words in all.

    ``vectors`` are the sentences' concept vectors (one row each, as ``represent`` makes them),
    ``similarity`` their cosine similarities.
    """
    if not sentences:
        return ()
    concepts = _incidence(vectors)
    weights = concept_weights(sentences, concepts)
    prior = sentence_prior(sentences, vectors)
    chosen = _cover_under_budget(sentences, concepts, weights, prior, similarity, max_words, max_sentences)
    return _reading_order(sentences, concepts @ weights, chosen)


def concept_weights(sentences: Sequence[Sentence], concepts: csr_matrix) -> NDArray[np.float64]:
    """Weight of each concept: agreement across articles, frequency and earliest position."""
    if concepts.shape[1] == 0:
        return np.zeros(0)
    article_ids = sorted({sent.article_id for sent in sentences})
    row_of = {article_id: k for k, article_id in enumerate(article_ids)}
    membership = csr_matrix(
        (
            np.ones(len(sentences)),
            ([row_of[sent.article_id] for sent in sentences], np.arange(len(sentences))),
        ),
        shape=(len(article_ids), len(sentences)),
    )
    articles_using = np.asarray(((membership @ concepts) > 0).sum(axis=0), dtype=np.float64).ravel()
    sentences_using = np.asarray(concepts.sum(axis=0), dtype=np.float64).ravel()
    position = np.array([sent.index for sent in sentences], dtype=np.float64)
    prior = (1.0 + position) ** -POSITION_DECAY
    earliest = np.asarray(concepts.multiply(prior[:, None]).max(axis=0).todense(), dtype=np.float64).ravel()
    return np.asarray(
        articles_using**AGREEMENT_POWER * np.log1p(sentences_using) * earliest, dtype=np.float64
    )


def sentence_prior(sentences: Sequence[Sentence], vectors: csr_matrix) -> NDArray[np.float64]:
    """Multiplier of each sentence's gain: centrality in the story, and a bonus for quoting someone."""
    closeness = centroid_closeness(vectors)
    quoting = np.array([quotes_someone(sent.text) for sent in sentences], dtype=np.float64)
    return np.asarray((1.0 + CENTROID_WEIGHT * closeness) * (1.0 + QUOTE_BONUS * quoting), dtype=np.float64)


def _incidence(vectors: csr_matrix) -> csr_matrix:
    """Binary sentence-by-concept matrix: which concepts each sentence uses."""
    concepts = csr_matrix(vectors, dtype=np.float64, copy=True)
    concepts.data[:] = 1.0
    return concepts


def _cover_under_budget(
    sentences: tuple[Sentence, ...],
    concepts: csr_matrix,
    weights: NDArray[np.float64],
    prior: NDArray[np.float64],
    similarity: NDArray[np.float64],
    max_words: int,
    max_sentences: int | None,
) -> list[int]:
    """Greedy budgeted coverage: the eligible sentence with most new weight per √words, until none fits.

    Dividing a sentence's cost by its prior is the same as multiplying its gain by it.
    Ties go to the earlier sentence in story order (argmax takes the first maximum).
    """
    count = len(sentences)
    words = np.array([len(sent.text.split()) for sent in sentences])
    position_of = {(sent.article_id, sent.index): i for i, sent in enumerate(sentences)}
    predecessor = np.array([position_of.get((sent.article_id, sent.index - 1), -1) for sent in sentences])
    needs_predecessor = np.array([is_back_reference(sent.text) for sent in sentences])
    usable = (words >= MIN_SENTENCE_WORDS) & (words <= MAX_SENTENCE_WORDS)
    usable &= np.array([not sent.text.rstrip("\"'”’)").endswith("?") for sent in sentences])
    if not usable.any():  # a story of fragments: better short lines than no summary
        usable = words > 0
    cost = np.maximum(words, 1).astype(np.float64) ** LENGTH_POWER
    cost /= prior
    remaining = weights.copy()
    chosen = np.zeros(count, dtype=bool)
    closest = np.zeros(count)
    order: list[int] = []
    used_words = 0
    while max_sentences is None or len(order) < max_sentences:
        predecessor_taken = np.where(predecessor >= 0, chosen[np.maximum(predecessor, 0)], False)
        eligible = usable & ~chosen & (used_words + words <= max_words) & (closest <= REDUNDANCY_THRESHOLD)
        eligible &= ~needs_predecessor | predecessor_taken
        if not eligible.any():
            break
        gain = concepts @ remaining if remaining.size else np.zeros(count)
        value = np.where(eligible, gain / cost, -np.inf)
        best = int(np.argmax(value))
        if not value[best] > 0 and order:
            break
        chosen[best] = True
        order.append(best)
        used_words += int(words[best])
        remaining[concepts.indices[concepts.indptr[best] : concepts.indptr[best + 1]]] = 0.0
        closest = np.maximum(closest, similarity[best])
    return order


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
