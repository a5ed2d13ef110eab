"""Lexical vectors for sentences: TF-IDF over stemmed content words and word pairs.

Stemming (Snowball English) lets "officials" meet "official"; word pairs ("supply lines",
"death toll") carry more of a sentence's meaning than single words do. The IDF is computed over
the sentences of the story itself, so words every outlet repeats in every sentence weigh less.

The weighting is scikit-learn's (``TfidfTransformer(sublinear_tf=True)``: smoothed IDF, rows
L2-normalised) over counts made here in ``TfidfVectorizer``'s order, so the matrix is the one
the vectorizer gives, to the bit: on a story of 80 sentences the vectorizer's own counting,
checks and feature pruning cost more than the counting itself.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

import numpy as np
import sklearn
import snowballstemmer
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from newsbrief.model import Sentence

__all__ = [
    "STOP_WORDS",
    "centroid_closeness",
    "content_terms",
    "headline_share",
    "represent",
    "represent_with_terms",
    "stem",
    "stems",
]

STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# _WORD on lower-cased ASCII text, a quarter faster than its Unicode classes. Curly quotes,
# dashes and ellipses, neither word characters nor apostrophes, become spaces first (the words
# stay the same), so that most news sentences are ASCII.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_NOT_IN_WORDS = ("‘", "“", "”", "—", "–", "…")
_STEMMER = snowballstemmer.stemmer("english")
# _stem caches the stems. PyStemmer's own cache (what snowballstemmer returns when PyStemmer is
# installed) kept a list per word, objects the garbage collector tracks and a stream clusterer
# made by the thousand, and made a word not yet seen four times dearer to stem (2.5 against
# 0.6 microseconds): it is turned off. (The pure-Python stemmer has no cache; the attribute is unread.)
_STEMMER.maxCacheSize = 0


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def stem(word: str) -> str:
    """The Snowball English stem of one lower-cased word (cached), as ``stems`` makes it."""
    return _stem(word.replace("’", "'"))


def stems(text: str) -> list[str]:
    """Lower-cased, stemmed word tokens of the text, stop words included, in order."""
    lowered = text.lower().replace("’", "'")
    if not lowered.isascii():
        for mark in _NOT_IN_WORDS:
            lowered = lowered.replace(mark, " ")
    return list(map(_stem, (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)))


def content_terms(text: str) -> list[str]:
    """Stemmed content words, then word pairs that are not both stop words ("death toll")."""
    tokens = stems(text)
    stop = [token in _STOP_STEMS for token in tokens]
    unigrams = [token for token, is_stop in zip(tokens, stop, strict=True) if not is_stop and len(token) > 1]
    bigrams = [
        f"{first} {second}"
        for first, second, stop_first, stop_second in zip(tokens, tokens[1:], stop, stop[1:], strict=False)
        if not (stop_first and stop_second)
    ]
    return unigrams + bigrams


# A token is a stop word when it is one or is the stem of one.
_STOP_STEMS = STOP_WORDS | frozenset(_stem(word) for word in STOP_WORDS)


def represent(sentences: tuple[Sentence, ...]) -> csr_matrix:
    """One L2-normalised TF-IDF row per sentence, in order (sublinear term frequency).

    Columns are the story's terms in sorted order; a story of stop words only has none.
    """
    return represent_with_terms(sentences)[0]


def represent_with_terms(sentences: tuple[Sentence, ...]) -> tuple[csr_matrix, list[str]]:
    """``represent``'s matrix and the term of each of its columns."""
    if not sentences:
        return csr_matrix((0, 0)), []
    counts, vocabulary = _term_counts(sentences)
    if not vocabulary:
        return csr_matrix((len(sentences), 0)), []
    terms = sorted(vocabulary)
    # The vectorizer's order: each row's entries by first use in the story (as _term_counts
    # gives them), then renumbered by the sorted terms without re-sorting, so that sums over a
    # row add in the same order.
    rank = np.empty(len(vocabulary), dtype=np.int32)
    rank[[vocabulary[term] for term in terms]] = np.arange(len(vocabulary), dtype=np.int32)
    counts.indices = rank.take(counts.indices)
    with sklearn.config_context(skip_parameter_validation=True, assume_finite=True):
        weights = TfidfTransformer(sublinear_tf=True, norm="l2").fit_transform(counts)
    return csr_matrix(weights), terms


def headline_share(terms: Sequence[str], titles: Sequence[str], articles: int) -> NDArray[np.float64]:
    """For each term, the share of the story's ``articles`` whose headline (``titles``, one per
    article that has one) uses it: what the outlets chose to put first, in the selection's terms."""
    column = {term: k for k, term in enumerate(terms)}
    share = np.zeros(len(terms))
    for title in titles:
        share[sorted({column[term] for term in content_terms(title) if term in column})] += 1.0
    return share / max(articles, 1)


def _term_counts(sentences: tuple[Sentence, ...]) -> tuple[csr_matrix, dict[str, int]]:
    """Sentence-by-term counts of ``content_terms``, terms numbered by first use in the story;
    each row's entries in the order of those numbers.

    The counts are of the (sentence, term number) pairs of the whole story at once (NumPy's
    sorted unique pairs), not a ``Counter`` per sentence.
    """
    terms = [content_terms(sent.text) for sent in sentences]
    used = list(itertools.chain.from_iterable(terms))
    vocabulary = {term: number for number, term in enumerate(dict.fromkeys(used))}  # by first use
    numbers = np.fromiter(map(vocabulary.__getitem__, used), dtype=np.int64, count=len(used))
    columns = max(len(vocabulary), 1)
    rows = np.repeat(np.arange(len(sentences), dtype=np.int64), [len(row) for row in terms])
    pairs, counts = np.unique(rows * columns + numbers, return_counts=True)
    indptr = np.concatenate(([0], np.cumsum(np.bincount(pairs // columns, minlength=len(sentences)))))
    matrix = csr_matrix(
        (counts.astype(np.float64), (pairs % columns).astype(np.int32), indptr.astype(np.int32)),
        shape=(len(sentences), len(vocabulary)),
    )
    return matrix, vocabulary


def centroid_closeness(vectors: csr_matrix) -> NDArray[np.float64]:
    """Cosine of every sentence vector to the centroid of them all: how central it is to the story.

    Rows are L2-normalised, so a row times the unit centroid is their cosine; all zeros when the
    story has no content words.
    """
    # The column sums, added in the order of the entries as ``vectors.sum(axis=0)`` adds them,
    # without its sparse product's overhead.
    centroid = np.bincount(vectors.indices, weights=vectors.data, minlength=vectors.shape[1])
    norm = float(np.linalg.norm(centroid))
    if norm == 0.0:
        return np.zeros(vectors.shape[0])
    return np.asarray(vectors @ (centroid / norm), dtype=np.float64).ravel()


def article_rows(sentences: Sequence[Sentence]) -> tuple[int, NDArray[np.int64]]:
    """How many articles the sentences come from, and each sentence's article as a row number
    (the articles' ids in sorted order, so the numbering does not depend on their order)."""
    row_of = {article_id: k for k, article_id in enumerate(sorted({sent.article_id for sent in sentences}))}
    return len(row_of), np.array([row_of[sent.article_id] for sent in sentences], dtype=np.int64)


def article_consensus(sentences: Sequence[Sentence], vectors: csr_matrix) -> NDArray[np.float64]:
    """For each sentence, how much the story's other articles say what its article says: the
    article's mean cosine (summed sentence vectors) to the others, over the story's largest, so
    the most corroborated article scores 1. All ones with fewer than two articles, or no words."""
    articles, article = article_rows(sentences)
    if articles < 2:
        return np.ones(len(sentences))
    membership = csr_matrix(
        (np.ones(len(sentences)), (article, np.arange(len(sentences)))), shape=(articles, len(sentences))
    )
    summed = np.asarray((membership @ vectors).toarray())
    norms = np.linalg.norm(summed, axis=1, keepdims=True)
    unit = np.divide(summed, norms, out=np.zeros_like(summed), where=norms > 0)
    cosine = unit @ unit.T
    np.fill_diagonal(cosine, 0.0)
    mean = cosine.sum(axis=1) / (articles - 1)
    top = float(mean.max())
    if top <= 0.0:
        return np.ones(len(sentences))
    return np.asarray(mean[article] / top, dtype=np.float64)
