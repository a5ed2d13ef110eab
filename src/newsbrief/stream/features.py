"""What the clusterer sees of an article: hashed term weights of its title and lead, and a MinHash.

Terms are the pipeline's Snowball stems (``pipeline.represent.stem``) of content words and the
pairs of adjacent content words, hashed with CRC-32 so that an open-ended stream needs no
vocabulary (the hashing trick; Weinberger et al. 2009). Title terms and capitalised words that
do not open a sentence weigh more: in news leads those are mostly names of people, places and
organisations, a cheap stand-in for a named-entity tagger that runs at stream speed. The
MinHash (Broder 1997) of word shingles over the start of the text finds near-identical copies:
wire stories run by several sites, or one article at two URLs.
"""

from __future__ import annotations

import functools
import re
import zlib

import numpy as np
from datasketch import MinHash
from numpy.typing import NDArray

from newsbrief.model import ClusterSettings
from newsbrief.pipeline.represent import STOP_WORDS, stem

__all__ = ["MINHASH_PERMUTATIONS", "minhash", "minhash_from_bytes", "term_weights", "title_words"]

MINHASH_PERMUTATIONS = 64
# Copies differ in their endings (a site adds a paragraph, another truncates), not their starts.
_SHINGLE_WORDS = 4
_SCHEME = "affine32"  # 32-bit hash values: crc32 is a 32-bit hash
_MINHASH_WORDS = 150
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A capitalised word after a character that does not end a sentence (or open a quotation or a
# line): "said Kerry", not "Kerry said" at the start of a sentence.
_INNER_CAPITAL = re.compile(r"""(?<=[^\s.!?…:"“”‘'—])\s+([A-ZÀ-ÖØ-Þ][^\W_]*)""")
_PAIR_MULTIPLIER = 0x9E3779B1  # golden-ratio multiplier: adjacent-word pairs hash apart from words
_HASH_MASK = 0xFFFFFFFF


def term_weights(title: str, text: str, settings: ClusterSettings) -> dict[int, float]:
    """Hashed term -> raw weight of the title and the first ``lead_words`` words of the text.

    A term's weight is the sum over its occurrences of 1, times ``title_weight`` in the title,
    times ``entity_weight`` for a capitalised word inside a sentence; the clusterer applies IDF.
    """
    lead = " ".join(text.split(None, settings.lead_words)[: settings.lead_words])
    weights: dict[int, float] = {}
    for part, part_weight in ((title, settings.title_weight), (lead, 1.0)):
        names = set(_INNER_CAPITAL.findall(part))
        name_weight = part_weight * settings.entity_weight
        previous = -1
        for word in _WORD.findall(part):
            term = _term(word.lower())
            if term < 0:
                continue
            weight = name_weight if word in names else part_weight
            weights[term] = weights.get(term, 0.0) + weight
            if previous >= 0:
                pair = (previous * _PAIR_MULTIPLIER + term) & _HASH_MASK
                weights[pair] = weights.get(pair, 0.0) + part_weight
            previous = term
    return weights


def title_words(title: str) -> list[tuple[int, str]]:
    """(hashed term, lower-cased word) of each content word of a title, for naming a story's keywords."""
    pairs = [(_term(word.lower()), word.lower()) for word in _WORD.findall(title)]
    return [(term, word) for term, word in pairs if term >= 0]


@functools.lru_cache(maxsize=500_000)
def _term(lower: str) -> int:
    """The hashed stem of a lower-cased content word; -1 for a stop word, a letter or a number."""
    if lower in STOP_WORDS or len(lower) < 2 or lower.isdigit():
        return -1
    return zlib.crc32(stem(lower).encode("utf-8"))


@functools.cache
def _permutations() -> NDArray[np.uint64]:
    """The MinHash permutations, drawn once (datasketch draws them again for every MinHash)."""
    permutations: NDArray[np.uint64] = MinHash(
        num_perm=MINHASH_PERMUTATIONS, seed=1, scheme=_SCHEME
    ).permutations
    return permutations


def minhash(text: str) -> MinHash:
    """The MinHash of the word 4-shingles in the first 150 words of the text (lower-cased)."""
    # a word and its gap average under seven characters: this slice holds the first 150 words
    words = _WORD.findall(text[: _MINHASH_WORDS * 12].lower())[:_MINHASH_WORDS]
    shingles = {
        " ".join(words[k : k + _SHINGLE_WORDS]).encode("utf-8")
        for k in range(max(1, len(words) - _SHINGLE_WORDS + 1))
    }
    sketch = MinHash(
        num_perm=MINHASH_PERMUTATIONS, hashfunc=zlib.crc32, permutations=_permutations(), scheme=_SCHEME
    )
    sketch.update_batch(sorted(shingles))
    return sketch


def minhash_from_bytes(data: bytes) -> MinHash:
    """A MinHash rebuilt from ``sketch.hashvalues.tobytes()`` as the store keeps it."""
    return MinHash(
        num_perm=MINHASH_PERMUTATIONS,
        hashfunc=zlib.crc32,
        permutations=_permutations(),
        hashvalues=np.frombuffer(data, dtype=np.uint32),
        scheme=_SCHEME,
    )
