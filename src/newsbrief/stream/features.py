"""What the clusterer sees of an article: hashed term weights of its title and lead, a MinHash,
whether it looks English and, optionally, a dense embedding.

The text is tokenised once; every feature is read from that one list of words. Terms are the
pipeline's Snowball stems (``pipeline.represent.stem``) of content words and the pairs of adjacent
content words, hashed with CRC-32 so that an open-ended stream needs no vocabulary (the hashing
trick; Weinberger et al. 2009). Numbers of two digits or more are terms too ("145,000", "2016"):
figures tell apart the weekly reports of one topic (jobless claims, case counts). A word pair
weighs ``pair_weight`` of a word: pairs rarely recur between two outlets' wordings of one event,
so at full weight they mostly lengthen the vector and lower the cosine of same-story leads.
Title terms and capitalised words that do not open a sentence weigh
more: in news leads those are mostly names of people, places and organisations, a cheap stand-in
for a named-entity tagger that runs at stream speed. The MinHash (Broder 1997) of word 4-shingles
over the start of the text finds near-identical copies: wire stories run by several sites, or one
article at two URLs. The dense embedding is WordLlama's 256-d average of token embeddings
(Miller 2024), whose weights ship inside the ``wordllama`` wheel and are loaded with downloads
disabled.
"""

from __future__ import annotations

import functools
import re
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from numpy.typing import NDArray
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsbrief.analysis.similarity import load_wordllama
from newsbrief.model import ClusterSettings
from newsbrief.pipeline.clean import MIN_ENGLISH_STOP_SHARE
from newsbrief.pipeline.represent import STOP_WORDS, stem

__all__ = [
    "DENSE_DIMENSIONS",
    "MINHASH_PERMUTATIONS",
    "Features",
    "Sketcher",
    "embed",
    "features",
    "title_words",
]

MINHASH_PERMUTATIONS = 64
DENSE_DIMENSIONS = 256
# Copies differ in their endings (a site adds a paragraph, another truncates), not their starts.
_SHINGLE_WORDS = 4
_SCHEME = "affine32"  # 32-bit hash values: crc32 is a 32-bit hash
_MINHASH_WORDS = 150
_CHARS_PER_WORD = 12  # a word and its gap average under seven characters: a generous slice
_LANGUAGE_MIN_WORDS = 20  # fewer words than this tell nothing about the language
_DENSE_WORDS = 60
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A capitalised word after a character that does not end a sentence (or open a quotation or a
# line): "said Kerry", not "Kerry said" at the start of a sentence.
_INNER_CAPITAL = re.compile(r"""(?<=[^\s.!?…:"“”‘'—])\s+([A-ZÀ-ÖØ-Þ][^\W_]*)""")
_PAIR_MULTIPLIER = np.uint64(0x9E3779B1)  # golden-ratio multiplier: word pairs hash apart from words
_HASH_MASK = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, slots=True)
class Features:
    """An article's hashed terms (sorted, unique) with their raw weights, and its English-ness."""

    terms: NDArray[np.int64]
    weights: NDArray[np.float64]
    english: bool
    words: tuple[str, ...]  # the words of the start of the text, original case, for the MinHash


def features(title: str, text: str, settings: ClusterSettings) -> Features:
    """The terms of the title and the first ``lead_words`` words of the text, and the language.

    A term's raw weight is the sum over its occurrences of 1, times ``title_weight`` in the title,
    times ``entity_weight`` for a capitalised word inside a sentence, times ``pair_weight`` for a
    word pair; the clusterer applies IDF.
    """
    head = text[: max(settings.lead_words, _MINHASH_WORDS) * _CHARS_PER_WORD]
    words = _WORD.findall(head)[:_MINHASH_WORDS]
    lead = words[: settings.lead_words]
    title_terms, title_weights = _part(
        _WORD.findall(title), _INNER_CAPITAL.findall(title), settings.title_weight, settings
    )
    lead_terms, lead_weights = _part(lead, _INNER_CAPITAL.findall(head), 1.0, settings)
    unique, inverse = np.unique(np.concatenate([title_terms, lead_terms]), return_inverse=True)
    raw = np.concatenate([title_weights, lead_weights])
    weights = np.bincount(inverse, weights=raw, minlength=len(unique)).astype(np.float64)
    return Features(terms=unique, weights=weights, english=_looks_english(words), words=tuple(words))


def _part(
    words: list[str], names: list[str], weight: float, settings: ClusterSettings
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Terms and raw weights of one part: its content words, then its adjacent content-word pairs."""
    all_terms = np.array([_term(word) for word in words], dtype=np.int64)
    content = all_terms >= 0
    single = all_terms[content].astype(np.uint64)
    pairs = (single[:-1] * _PAIR_MULTIPLIER + single[1:]) & _HASH_MASK
    weights = np.full(len(single) + len(pairs), weight)
    weights[len(single) :] *= settings.pair_weight
    if names:
        named = set(names)
        is_name = np.array([word in named for word in words], dtype=bool)[content]
        weights[: len(single)][is_name] *= settings.entity_weight
    return np.concatenate([single, pairs]).astype(np.int64), weights


def _looks_english(words: list[str]) -> bool:
    """True unless enough words are read and too few of them are common English words."""
    if len(words) < _LANGUAGE_MIN_WORDS:
        return True
    common = sum(word.lower() in ENGLISH_STOP_WORDS for word in words)
    return common / len(words) >= MIN_ENGLISH_STOP_SHARE


def title_words(title: str) -> list[tuple[int, str]]:
    """(hashed term, lower-cased word) of each content word of a title, for naming a story's keywords.

    Numbers are left out: "000" of "145,000" names nothing.
    """
    pairs = [(_term(word), word.lower()) for word in _WORD.findall(title) if not word.isdigit()]
    return [(term, word) for term, word in pairs if term >= 0]


@functools.lru_cache(maxsize=500_000)
def _term(word: str) -> int:
    """The hashed stem of a content word or number (any case); -1 for a stop word or one character."""
    lower = word.lower()
    if lower in STOP_WORDS or len(lower) < 2:
        return -1
    return zlib.crc32(stem(lower).encode("utf-8"))


class Sketcher:
    """Computes MinHash values of word 4-shingles with one reused datasketch MinHash.

    Building a MinHash checks its permutations again each time; clearing one and updating it
    with a batch of shingles gives the same values for a fraction of the cost.
    """

    def __init__(self) -> None:
        self._sketch = MinHash(num_perm=MINHASH_PERMUTATIONS, hashfunc=zlib.crc32, seed=1, scheme=_SCHEME)

    def values(self, words: tuple[str, ...]) -> NDArray[np.uint32]:
        """The MinHash values (uint32) of the lower-cased word 4-shingles of the words."""
        lower = [word.lower() for word in words]
        shingles = [
            " ".join(lower[k : k + _SHINGLE_WORDS]).encode("utf-8")
            for k in range(max(1, len(lower) - _SHINGLE_WORDS + 1))
        ]
        self._sketch.clear()
        self._sketch.update_batch(shingles)
        values: NDArray[np.uint32] = self._sketch.hashvalues.astype(np.uint32, copy=True)
        return values


@functools.lru_cache(maxsize=20_000)
def embed(title: str, text: str) -> NDArray[np.float64]:
    """The unit-length WordLlama embedding of the title and the first 60 words of the text.

    Cached: an article sent again (feeds repeat their entries) is not embedded twice.
    """
    lead = " ".join(text.split(None, _DENSE_WORDS)[:_DENSE_WORDS])
    vector: NDArray[np.float64] = (
        load_wordllama().embed([f"{title}\n{lead}"], norm=True)[0].astype(np.float64)
    )
    vector.setflags(write=False)
    return vector
