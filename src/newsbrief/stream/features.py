"""What the clusterer sees of an article: hashed term weights of its title and lead, a MinHash,
whether it looks English and, optionally, a dense embedding.

The text is tokenised once; every feature is read from that one list of words. Terms are the
pipeline's Snowball stems (``pipeline.represent.stem``) of content words and the pairs of adjacent
content words, hashed with CRC-32 so that an open-ended stream needs no vocabulary (the hashing
trick; Weinberger et al. 2009). Numbers of two digits or more are terms too ("145,000", "2016"):
figures tell apart the weekly reports of one topic (jobless claims, case counts). A word pair
weighs ``pair_weight`` of a word: pairs rarely recur between two outlets' wordings of one event,
so at full weight they mostly lengthen the vector and lower the cosine of same-story leads.
Title terms weigh more. Capitalised words that do not open a sentence
(in news leads mostly names of people, places and organisations, a cheap stand-in for a
named-entity tagger that runs at stream speed) can weigh more too, by ``entity_weight``; by
default they weigh as other words: in a stream of many stories on one topic, names weighed twice
joined the stories of one sub-topic that share them, not one event (docs/history/clustering.md). The MinHash (Broder 1997) of word 4-shingles
over the start of the text finds near-identical copies: wire stories run by several sites, or one
article at two URLs. The dense embedding is WordLlama's 256-d average of token embeddings
(Miller 2024), whose weights ship inside the ``wordllama`` wheel and are loaded with downloads
disabled.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from datasketch import MinHash
from numpy.typing import NDArray
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsbrief.analysis.similarity import load_wordllama
from newsbrief.model import ClusterSettings
from newsbrief.pipeline.clean import MIN_ENGLISH_STOP_SHARE
from newsbrief.pipeline.represent import STOP_WORDS, stem
from newsbrief.stream.lazy import lazy_module

if TYPE_CHECKING:
    import newsbrief.stream.kernels as kernels
else:
    kernels = lazy_module("newsbrief.stream.kernels")

__all__ = [
    "DENSE_DIMENSIONS",
    "MINHASH_PERMUTATIONS",
    "Features",
    "TermMemo",
    "TitleWords",
    "embed",
    "features",
    "sketches",
    "title_words",
]

MINHASH_PERMUTATIONS = 64
DENSE_DIMENSIONS = 256
# Copies differ in their endings (a site adds a paragraph, another truncates), not their starts:
# the MinHash reads the first _MINHASH_WORDS words, in 4-word shingles (kernels.min_hashes).
_SCHEME = "affine32"  # 32-bit hash values: crc32 is a 32-bit hash
_MINHASH_WORDS = 150
_CHARS_PER_WORD = 12  # a word and its gap average under seven characters: a generous slice
_LANGUAGE_MIN_WORDS = 20  # fewer words than this tell nothing about the language
_DENSE_WORDS = 60
# Each pattern opens with a lookahead its next item implies (a word character; a space): it
# changes no match, but lets the engine skip the positions that cannot start one with a single
# test, instead of a character class with an exception or a lookbehind at every position. The
# matches are those of the patterns without it (tested); the two scans take a fifth less time.
_WORD = re.compile(r"(?=\w)[^\W_]+(?:['’][^\W_]+)*")
# A capitalised word after a character that does not end a sentence (or open a quotation or a
# line): "said Kerry", not "Kerry said" at the start of a sentence.
_INNER_CAPITAL = re.compile(r"""(?=\s)(?<=[^\s.!?…:"“”‘'—])\s+([A-ZÀ-ÖØ-Þ][^\W_]*)""")
# Faster scans with the same matches on most texts, used by _words_of and _inner_capitals when a
# text holds no underscore (then ``[^\W_]`` is ``\w``, a cheaper test: a quarter faster) and, for
# the capitals, no capital after two or more spaces: a pattern that opens with the capital lets
# the engine jump from capital to capital, and with one space between a capital and the
# character before, a fixed-width lookbehind can check that character (twice as fast).
_PLAIN_WORD = re.compile(r"\w+(?:['’]\w+)*")
_CAPITAL_AFTER_ONE_SPACE = re.compile(r"""[A-ZÀ-ÖØ-Þ](?<=[^\s.!?…:"“”‘'—]\s[A-ZÀ-ÖØ-Þ])\w*""")
_CAPITAL_AFTER_SPACES = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=\s\s[A-ZÀ-ÖØ-Þ])")
# A title's content words: their hashed terms, and the words lower-cased and joined by spaces. A
# tuple of numbers and one string, not a pair per word: the clusterer keeps one for every
# article, and objects the garbage collector tracks (tuples, lists) are what it spends its time on.
TitleWords = tuple[tuple[int, ...], str]
_TERMS_KEPT = 500_000  # words a TermMemo holds before it starts again (the size of _term's cache)
_PAIR_MULTIPLIER = 0x9E3779B1  # golden-ratio multiplier: word pairs hash apart from words
_HASH_MASK = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class Features:
    """The features of a batch of articles, flat: article ``i`` owns ``terms[starts[i]:starts[i + 1]]``.

    Per article, its hashed terms (sorted, unique) with their raw weights; per article, whether
    it looks English, the MinHash values of its start (one uint32 row each) and its title's
    words as ``title_words`` gives them, read from the words and terms already found here.
    """

    terms: NDArray[np.int64]
    weights: NDArray[np.float64]
    starts: NDArray[np.int64]
    english: list[bool]
    minhashes: NDArray[np.uint32]
    titles: list[TitleWords]


class TermMemo(dict[str, int]):
    """Word -> its hashed stem (``_term``: -1 for a stop word), filled on first use.

    A memo for one clusterer's batches, never shared between clusterers (so never between
    threads): a lookup in it is twice as fast as a call of ``_term``'s own cache, whose hits
    are the featurizing's most frequent operation. ``features`` empties it past ``_TERMS_KEPT``
    words, so that a long stream's vocabulary does not grow it without end.
    """

    def __missing__(self, word: str) -> int:
        term = self[word] = _term(word)
        return term


def features(
    items: Sequence[tuple[str, str]], settings: ClusterSettings, *, memo: TermMemo | None = None
) -> Features:
    """The features of each (title, text): terms of the title and the first ``lead_words`` words.

    A term's raw weight is the sum over its occurrences of 1, times ``title_weight`` in the title,
    times ``entity_weight`` for a capitalised word inside a sentence, times ``pair_weight`` for a
    word pair; the clusterer applies IDF. The regular expressions run per article (in C); the
    terms of the whole batch are then paired and summed in a few array operations. The sums are
    taken in the order a loop over each article would take them (title words, title pairs, lead
    words, lead pairs), so that every raw weight is the same float as one such loop's. ``memo``
    is the caller's memo of hashed stems (a new one when None).
    """
    memo = TermMemo() if memo is None else memo
    if len(memo) > _TERMS_KEPT:
        memo.clear()
    words: list[str] = []  # per article: the title's words, then the lead's
    named: list[bool] = []
    sizes: list[int] = []  # words per part: title of article 0, its lead, title of article 1, ...
    starts: list[list[str]] = []  # per article: its first words, lower-cased
    english: list[bool] = []
    for title, text in items:
        head = text[: max(settings.lead_words, _MINHASH_WORDS) * _CHARS_PER_WORD]
        start = _words_of(head)[:_MINHASH_WORDS]
        lead = start[: settings.lead_words]
        in_title = _words_of(title)
        words += in_title
        words += lead
        if settings.entity_weight != 1.0:  # at weight 1 which words are names changes nothing
            named += map(_inner_capitals(title).__contains__, in_title)
            named += map(_inner_capitals(head).__contains__, lead)
        sizes += (len(in_title), len(lead))
        lower = list(map(str.lower, start))
        starts.append(lower)
        english.append(_looks_english(lower))
    hashed = list(map(memo.__getitem__, words))
    terms, weights, parts = _words(hashed, named, sizes, settings)
    keys, raw = _summed(terms, weights, parts, settings)
    articles = keys >> 32
    return Features(
        terms=keys & _HASH_MASK,
        weights=raw,
        starts=np.searchsorted(articles, np.arange(len(items) + 1)).astype(np.int64),
        english=english,
        minhashes=sketches(starts),
        titles=_titles(words, hashed, sizes),
    )


def _words_of(text: str) -> list[str]:
    """``_WORD.findall(text)``: the words of the text, by the faster pattern when it gives the same."""
    return (_WORD if "_" in text else _PLAIN_WORD).findall(text)


def _inner_capitals(text: str) -> set[str]:
    """``set(_INNER_CAPITAL.findall(text))``: the capitalised words inside sentences, by the faster
    pattern when it gives the same."""
    if "_" in text or _CAPITAL_AFTER_SPACES.search(text):
        return set(_INNER_CAPITAL.findall(text))
    return set(_CAPITAL_AFTER_ONE_SPACE.findall(text))


def _words(
    hashed: list[int], named: list[bool], sizes: list[int], settings: ClusterSettings
) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.int64]]:
    """The hashed terms of the content words, their weights and their part numbers (2 x article + 1 in the lead).

    ``hashed`` is ``_term`` of every word, -1 for the words that are not content words; ``named``
    whether each word is a capitalised word inside a sentence (empty when ``entity_weight`` is 1).
    """
    parts = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    weights = np.where(parts % 2 == 0, float(settings.title_weight), 1.0)
    if named:
        weights = np.where(np.array(named, dtype=bool), weights * settings.entity_weight, weights)
    terms = np.array(hashed, dtype=np.int64)
    content = terms >= 0
    return terms[content], weights[content], parts[content]


def _summed(
    terms: NDArray[np.int64],
    weights: NDArray[np.float64],
    parts: NDArray[np.int64],
    settings: ClusterSettings,
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """(article << 32 | term) sorted, and each one's raw weight: words and adjacent-word pairs summed.

    A pair is two content words next to each other in one part. ``np.bincount`` adds in input
    order, so the occurrences are first put in a loop's order: by part, a part's words before its pairs.
    """
    paired = parts[:-1] == parts[1:]
    first, second = terms[:-1][paired].astype(np.uint64), terms[1:][paired].astype(np.uint64)
    pairs = ((first * np.uint64(_PAIR_MULTIPLIER) + second) & np.uint64(_HASH_MASK)).astype(np.int64)
    pair_parts = parts[:-1][paired]
    pair_weights = np.where(pair_parts % 2 == 0, float(settings.title_weight), 1.0) * settings.pair_weight
    order = np.argsort(np.concatenate([2 * parts, 2 * pair_parts + 1]), kind="stable")
    keys = (np.concatenate([parts, pair_parts]) // 2 << 32 | np.concatenate([terms, pairs]))[order]
    unique, inverse = np.unique(keys, return_inverse=True)
    raw: NDArray[np.float64] = np.bincount(  # type: ignore[assignment]
        inverse, np.concatenate([weights, pair_weights])[order], minlength=len(unique)
    )
    return unique.astype(np.int64), raw


def _titles(words: list[str], hashed: list[int], sizes: list[int]) -> list[TitleWords]:
    """Per article, ``title_words`` of its title, from the batch's words and their ``_term``s.

    Article ``i``'s title words are the ``sizes[2 * i]`` words after the earlier articles' parts.
    """
    titles: list[TitleWords] = []
    end = 0
    for in_title, in_lead in zip(sizes[::2], sizes[1::2], strict=True):
        start, end = end, end + in_title
        kept = [at for at in range(start, end) if hashed[at] >= 0 and not words[at].isdigit()]
        titles.append((tuple([hashed[at] for at in kept]), " ".join([words[at].lower() for at in kept])))
        end += in_lead
    return titles


def _looks_english(words: list[str]) -> bool:
    """True unless enough (lower-cased) words are read and too few of them are common English words."""
    if len(words) < _LANGUAGE_MIN_WORDS:
        return True
    common: int = sum(map(ENGLISH_STOP_WORDS.__contains__, words))
    return common / len(words) >= MIN_ENGLISH_STOP_SHARE


def title_words(title: str) -> TitleWords:
    """The hashed terms of the content words of a title, and those words lower-cased and joined by
    spaces, for naming a story's keywords.

    Numbers are left out: "000" of "145,000" names nothing.
    """
    words = _words_of(title)
    return _titles(words, [_term(word) for word in words], [len(words), 0])[0]


@functools.lru_cache(maxsize=500_000)
def _term(word: str) -> int:
    """The hashed stem of a content word or number (any case); -1 for a stop word or one character."""
    lower = word.lower()
    if lower in STOP_WORDS or len(lower) < 2:
        return -1
    return zlib.crc32(stem(lower).encode("utf-8"))


def sketches(batch: Sequence[Sequence[str]]) -> NDArray[np.uint32]:
    """The MinHash values (one uint32 row per item) of the word 4-shingles of each item's lower-cased words.

    The values of datasketch's ``MinHash(num_perm=64, hashfunc=zlib.crc32, seed=1,
    scheme="affine32")`` updated with each shingle's words joined by spaces, UTF-8 encoded
    (tested); an item of fewer than four words is one shingle. Each word is encoded once; one
    compiled loop (``kernels.min_hashes``) then takes each shingle's CRC-32 over
    its words' bytes and the spaces between them, the MurmurHash3 finalizer and the sketch's
    affine permutations, for the whole batch instead of a MinHash per article.
    """
    encoded: list[bytes] = []
    counts: list[int] = []
    for words in batch:
        encoded += map(str.encode, words)
        counts.append(len(words))
    multipliers, offsets = _permutations()
    return kernels.min_hashes(
        np.frombuffer(b"".join(encoded), dtype=np.uint8),
        np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)),
        np.array(counts, dtype=np.int64),
        multipliers,
        offsets,
    )


@functools.cache
def _permutations() -> tuple[NDArray[np.uint32], NDArray[np.uint32]]:
    """The affine permutations (multipliers, offsets) of datasketch's MinHash with our seed and scheme."""
    multipliers, offsets = MinHash(
        num_perm=MINHASH_PERMUTATIONS, hashfunc=zlib.crc32, seed=1, scheme=_SCHEME
    ).permutations
    return np.asarray(multipliers, dtype=np.uint32), np.asarray(offsets, dtype=np.uint32)


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
