"""Online story clustering: each article joins a story when it arrives, from what came before it.

An article's title and lead become an L2-normalised TF-IDF vector over hashed stems and word
pairs, with document frequencies counted online, kept to its 80 heaviest terms
(``stream.features``), and optionally a dense embedding. Candidate stories come from an inverted
index (term -> open stories with the term's weight in their centroid), never from a scan of every
story: one pass over the postings of the article's terms gives the dot product with every open
story's centroid (the sum of its members' vectors) that shares a term. The score of a story is
the article's mean cosine to its members, that dot product over their number (group-average
link), mixed with the cosine to the story's mean embedding when ``dense`` is on, times an
exponential time decay. The mean cosine, unlike the cosine to the centroid, does not grow with
the story: a story's centroid is cleaner than any member, so its cosine to an article on the same
topic rises with every member it gathers, and in a stream of many stories on one topic the large
ones drew in their neighbours' articles (AllSides at 70 stories a day: BCubed F1 0.79 -> 0.85).
The article joins the best story when its score is at least ``threshold``, and founds a new story
otherwise (single-pass clustering with a time window, as in TDT's first-story detection; Allan et
al. 1998). A story that has received
nothing for ``window_days`` goes dormant and is no longer a candidate. After an article joins, a
candidate whose centroid has become as close as ``merge_threshold`` to the joined story's is
merged into the older of the two, and the merge is recorded. A near-identical copy of an earlier
article (MinHash over word shingles, banded LSH, then the estimated Jaccard similarity checked)
joins that article's story and is recorded as its
duplicate, without weighing on the centroid. Articles that do not look like English
(``pipeline.clean.language_notice``) are clustered only among themselves, with language ``und``.

Everything is a function of the articles in arrival order: no clock, no randomness, no set
iteration order, so a store reopened after a kill rebuilds the same state and the stream goes on
to the same stories as an uninterrupted run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import logging
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from numpy.typing import NDArray

from newsbrief.errors import OptionError, SourceError
from newsbrief.model import Article, ClusterSettings, Notice, StreamStory, published_span
from newsbrief.pipeline.ingest import published_time  # one date reader; re-exported here
from newsbrief.stream.features import (
    DENSE_DIMENSIONS,
    MINHASH_PERMUTATIONS,
    Features,
    TermMemo,
    TitleWords,
    embed,
    features,
    title_words,
)
from newsbrief.stream.lazy import lazy_module
from newsbrief.stream.store import ArticleRecord, MergeRecord, Store

__all__ = [
    "DEFAULT_SETTINGS",
    "Clusterer",
    "article_key",
    "cluster",
    "in_publication_order",
    "published_time",
    "story_name",
    "stream_notices",
]

logger = logging.getLogger(__name__)


if TYPE_CHECKING:
    import newsbrief.stream.kernels as kernels
else:
    kernels = lazy_module("newsbrief.stream.kernels")

DEFAULT_SETTINGS = ClusterSettings()
_DAY_S = 86_400.0
_VECTOR_TERMS = 80  # an article keeps its heaviest terms: fewer cost recall (40 lost 0.03 BCubed F1 on BASIL)
_MERGE_CANDIDATES = 3
_SWEEP_EVERY = 256  # articles between sweeps of dormant stories out of the index
_KEYWORDS = 5
# A story none of whose articles has a headline (plain text files) takes its keywords from the
# words its articles open with, about as many as a headline and a standfirst hold.
_OPENING_WORDS = 25
_BATCH = 256  # articles featurized together ahead of placing them
_LSH_BANDS = 16  # 16 bands of 4 values: a pair at Jaccard 0.8 shares a band with probability > 0.999
_LSH_ROWS = MINHASH_PERMUTATIONS // _LSH_BANDS
_TABLE_ROWS = 1024  # rows a hash table of the index starts with


@dataclass(slots=True)
class _Story:
    """A story's running state: centroid (sum of member vectors) and what it reports.

    ``duplicates`` and ``merged_from``, empty in most stories, are tuples: the empty tuple is one
    shared object, where two empty lists per story were objects the garbage collector tracked.
    """

    id: int
    language: str
    last_time: float
    members: list[int] = field(default_factory=list)
    duplicates: tuple[tuple[int, int], ...] = ()
    merged_from: tuple[int, ...] = ()
    norm2: float = 0.0  # the centroid's squared norm; the centroid itself is in the index while open
    closed: tuple[NDArray[np.int64], NDArray[np.float64]] | None = None  # the centroid once dormant
    dense: NDArray[np.float64] | None = None  # sum of the members' unit embeddings


# The per-article records below are named tuples, not frozen dataclasses: as immutable, but a
# frozen dataclass sets each field through object.__setattr__, and building the three of them
# took twice as long that way (11 against 5.5 microseconds per article).
class _Seen(NamedTuple):
    """What the clusterer keeps of an article after it is placed."""

    key: str
    text_sha256: str
    article: Article
    time: float
    terms: NDArray[np.int64]  # its vector: the terms of non-zero weight, in term order
    weights: NDArray[np.float64]
    title_words: TitleWords  # features.title_words of its title, for the story's keywords


class _Query(NamedTuple):
    """A new article's weighted terms (the non-zero ones) and its unit embedding, if dense."""

    terms: NDArray[np.int64]
    weights: NDArray[np.float64]
    dense: NDArray[np.float64] | None


class _Weighted(NamedTuple):
    """A new article's terms with their TF-IDF weights (0 outside its vector), language and MinHash."""

    terms: NDArray[np.int64]
    weights: NDArray[np.float64]
    vector_terms: NDArray[np.int64]  # the terms of non-zero weight, in term order
    vector_weights: NDArray[np.float64]
    english: bool
    minhash: bytes
    title_words: TitleWords  # features.title_words of its title


class _Copies:
    """Banded LSH over MinHash values, each candidate checked by its estimated Jaccard similarity.

    The buckets are a hash table of band keys (``kernels.index_copy``), the MinHash values one
    uint32 row per article.
    """

    def __init__(self, jaccard: float) -> None:
        self._least_equal = math.ceil(jaccard * MINHASH_PERMUTATIONS - 1e-9)
        self._buckets = np.full((_TABLE_ROWS, 2), kernels.EMPTY, dtype=np.int64)  # band key -> latest seq
        self._keys = 0
        self._chain = np.zeros(
            (0, _LSH_BANDS), dtype=np.int64
        )  # seq - 1, band -> seq before it in the bucket
        self._values = np.zeros((0, MINHASH_PERMUTATIONS), dtype=np.uint32)  # seq - 1 -> MinHash values

    def insert(self, seq: int, values: bytes) -> None:
        """Index article ``seq`` (the next one) by the bands of its MinHash values."""
        if seq > len(self._values):
            grown = max(1024, 2 * len(self._values))
            self._values = np.resize(self._values, (grown, MINHASH_PERMUTATIONS))
            self._chain = np.resize(self._chain, (grown, _LSH_BANDS))
        self._values[seq - 1] = np.frombuffer(values, dtype=np.uint32)
        self._buckets = _roomy(self._buckets, self._keys + _LSH_BANDS)
        self._keys += kernels.index_copy(self._buckets, self._chain, self._values, seq, _LSH_ROWS)

    def candidates(self, values: bytes) -> list[int]:
        """Earlier articles whose estimated Jaccard similarity is at least the threshold, in order."""
        found = kernels.copy_candidates(
            self._buckets,
            self._chain,
            self._values,  # the rows past the last article inserted are never read: no chain leads there
            np.frombuffer(values, dtype=np.uint32),
            _LSH_ROWS,
            self._least_equal,
        )
        return found.tolist()  # type: ignore[no-any-return]


class _Index:
    """The open stories of one language: their centroids and postings (``stream.kernels``), scoring fields by slot.

    A story holds a small integer slot while it is open (slots of dormant stories are reused),
    so that the scores of the stories an article reaches are computed on arrays indexed by slot.
    The centroids and postings live in NumPy arrays that the compiled kernels update in place;
    this class makes room in them before each call.
    """

    def __init__(self) -> None:
        self.slot_of: dict[int, int] = {}  # story -> slot
        self._free: list[int] = []
        self.story = np.zeros(0, dtype=np.int64)  # slot -> story id
        self.last_time = np.zeros(0)  # slot -> time of the story's last article
        self.vectors = np.zeros(0)  # slot -> member vectors in the centroid
        self._slot_ints = np.zeros((0, 3), dtype=np.int64)  # slot -> first entry, last entry, entries
        self._sums = np.zeros(0)  # scratch for the dot products, one per slot
        self._marks = np.zeros(0, dtype=np.bool_)
        self._found_slots = np.zeros(0, dtype=np.int64)  # near_dots' results: slots, cosines and gaps
        self._found = np.zeros((2, 0))
        self._entry_ints = np.zeros((0, 4), dtype=np.int64)  # entry -> term, slot, next of slot, posting
        self._record_ints = np.zeros((0, 3), dtype=np.int64)  # record -> start, capacity, length
        self._post_ints = np.zeros((0, 2), dtype=np.int64)  # posting -> slot, entry
        self._post_weights = np.zeros(0)  # posting -> the term's weight in the slot's centroid
        self._keys = np.full((_TABLE_ROWS, 2), kernels.EMPTY, dtype=np.int64)  # slot << 32 | term -> entry
        self._records = np.full((_TABLE_ROWS, 2), kernels.EMPTY, dtype=np.int64)  # term -> record
        self._meta = np.zeros(kernels.META_SIZE, dtype=np.int64)
        self._meta[[kernels.FREE, kernels.FREE_RECORD]] = kernels.EMPTY

    def open(self, story_id: int) -> int:
        """A slot for a new story."""
        if not self._free:
            size = len(self.story)
            grown = max(64, 2 * size)
            self.story = np.resize(self.story, grown)
            self.last_time = np.resize(self.last_time, grown)
            self.vectors = np.resize(self.vectors, grown)
            self._slot_ints = np.concatenate(
                [self._slot_ints, np.tile(np.array([kernels.EMPTY, kernels.EMPTY, 0]), (grown - size, 1))]
            )
            self._sums = np.zeros(grown)
            self._marks = np.zeros(grown, dtype=np.bool_)
            self._found_slots = np.zeros(grown, dtype=np.int64)
            self._found = np.zeros((2, grown))
            self._free = list(range(grown - 1, size - 1, -1))
        slot = self._free.pop()
        self.slot_of[story_id] = slot
        self.story[slot] = story_id
        return slot

    def add(
        self, story_id: int, terms: NDArray[np.int64], weights: NDArray[np.float64], norm2: float
    ) -> float:
        """Add a vector to an open story's centroid and postings; the centroid's new squared norm."""
        self._reserve(len(terms))
        return float(kernels.add_vector(self._arrays(), self.slot_of[story_id], terms, weights, norm2))

    def centroid(self, story_id: int) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """An open story's centroid (terms, weights) in the order its terms first came."""
        return kernels.centroid(self._entry_ints, self._slot_ints, self._post_weights, self.slot_of[story_id])

    def close(self, story_id: int) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """Take a story and its terms out of the index, its slot free again; its centroid (terms, weights)."""
        slot = self.slot_of.pop(story_id)
        self._free.append(slot)
        return kernels.close(self._arrays(), slot)

    def near_dots(
        self, terms: NDArray[np.int64], weights: NDArray[np.float64], time: float, window: float
    ) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.float64]]:
        """The slots of the stories sharing a term with the article and active within ``window``
        of ``time``, their mean cosine to it and their time gap (``kernels.near_dots``).

        Each dot product is the sum over the article's terms, in their order, of the article's
        weight times the centroid's. The three arrays are views of this index's scratch arrays,
        valid until its next call.
        """
        found = kernels.near_dots(
            self._record_ints,
            self._post_ints,
            self._post_weights,
            self._records,
            terms,
            weights,
            self._sums,
            self._marks,
            self.last_time,
            self.vectors,
            time,
            window,
            self._found_slots,
            self._found,
        )
        return self._found_slots[:found], self._found[0, :found], self._found[1, :found]

    def merge_dots(
        self, joined: int, terms: NDArray[np.int64], weights: NDArray[np.float64], candidates: list[int]
    ) -> tuple[float, list[float]]:
        """The norm of story ``joined``'s centroid plus the vector, and its dot product with each candidate's."""
        norm, products = kernels.merge_dots(
            self._entry_ints,
            self._slot_ints,
            self._post_weights,
            self.slot_of[joined],
            terms,
            weights,
            np.array([self.slot_of[story_id] for story_id in candidates], dtype=np.int64),
        )
        return float(norm), products.tolist()

    def _arrays(self) -> kernels.IndexArrays:
        """The index's arrays in the order the kernels that change it (``add_vector``, ``close``,
        ``compact``) take them; read at each call, since ``_reserve`` may have replaced them."""
        return (
            self._entry_ints,
            self._slot_ints,
            self._record_ints,
            self._post_ints,
            self._post_weights,
            self._keys,
            self._records,
            self._meta,
        )

    def _reserve(self, terms: int) -> None:
        """Make room for ``terms`` new entries: free entries and records, table rows under half
        full, and pool space for each term's block to move at twice the most postings a term can
        have (one per slot).

        The counts are read from ``meta`` once, as Python ints: a NumPy scalar per comparison
        took longer than the checks themselves.
        """
        meta = self._meta
        counts = meta.tolist()
        if counts[kernels.N_FREE] < terms:
            self._entry_ints, added = _grown(self._entry_ints, terms, counts[kernels.FREE], kernels.SNEXT)
            meta[kernels.FREE] = len(self._entry_ints) - added
            meta[kernels.N_FREE] += added
        if counts[kernels.N_FREE_RECORDS] < terms:
            self._record_ints, added = _grown(
                self._record_ints, terms, counts[kernels.FREE_RECORD], kernels.START
            )
            meta[kernels.FREE_RECORD] = len(self._record_ints) - added
            meta[kernels.N_FREE_RECORDS] += added
        self._keys = _roomy(self._keys, counts[kernels.KEYS_USED] + terms)
        self._records = _roomy(self._records, counts[kernels.RECORDS_USED] + terms)
        room = terms * 2 * len(self.story)
        if counts[kernels.POOL_END] + room > len(self._post_weights):
            self._post_ints, self._post_weights = kernels.compact(self._arrays(), room)


def _grown(rows: NDArray[np.int64], at_least: int, free: int, link: int) -> tuple[NDArray[np.int64], int]:
    """The rows with at least ``at_least`` more (doubling), the new ones chained through column
    ``link`` in front of the free list starting at ``free``; and how many were added."""
    size = len(rows)
    grown = max(1024, 2 * size, size + at_least)
    rows = np.resize(rows, (grown, rows.shape[1]))
    rows[size:, link] = np.arange(size + 1, grown + 1)
    rows[grown - 1, link] = free
    return rows, grown - size


def article_key(article: Article) -> str:
    """The article's key in a stream: its id, else its URL, else ``sha256:`` and a hash of its text."""
    return article.id or article.url or "sha256:" + _text_hash(article.text)[:32]


class Clusterer:
    """Stories from articles added one at a time, kept in a ``Store`` (in memory when None).

    Opening an existing store rebuilds the clusterer's state from it and, unless ``settings`` are
    given, goes on with the settings the store was made with (the defaults for a new store);
    ``add`` an article already stored returns its story and changes nothing.
    """

    def __init__(self, store: Store | None = None, *, settings: ClusterSettings | None = None) -> None:
        self.store = store if store is not None else Store(None)
        if settings is None:
            settings = self.store.settings() or DEFAULT_SETTINGS
        self.settings = settings
        try:
            self.store.check_settings(dataclasses.asdict(settings))
        except OptionError:  # the clusterer owns its store (``close`` closes it): let its file go
            self.store.close()
            raise
        self._seen: list[_Seen] = []  # seq - 1 -> article
        self._keys: dict[str, int] = {}
        self._story_of: list[int] = []  # seq - 1 -> story it joined on arrival
        self._stories: dict[int, _Story] = {}
        self._merged_into: dict[int, int] = {}
        self._df = np.full((_TABLE_ROWS, 2), kernels.EMPTY, dtype=np.int64)  # term -> articles with it
        self._df_terms = 0
        self._index: dict[str, _Index] = {}  # language -> its open stories
        self._indexed: dict[int, None] = {}  # stories in the index, oldest first
        self._copies = _Copies(settings.duplicate_jaccard)
        self._terms = TermMemo()  # this clusterer's memo of hashed stems, for featurizing
        # kernels.best's results: the best scores and their stories (the best and the merge candidates)
        self._top = (np.zeros(1 + _MERGE_CANDIDATES), np.zeros(1 + _MERGE_CANDIDATES, dtype=np.int64))
        self._clock = -math.inf
        self._rebuild()

    def __contains__(self, key: object) -> bool:
        """Whether an article with this key (``article_key``) is stored: ``watch`` skips its entry."""
        return key in self._keys

    def holds(self, article: Article) -> bool:
        """Whether the article is stored already (its key, with the same text): a rerun that adds
        it again changes nothing. Raises SourceError when its key is stored with other text, as
        ``add`` would, so that a caller can refuse the input before adding any of it."""
        key = article_key(article)
        if key not in self._keys:
            return False
        self._check_same_text(article, key, _text_hash(article.text))
        return True

    def add(self, article: Article) -> str:
        """Place the article in a story and store both; the id of the story it is in now.

        Raises SourceError when an article with the same key but different text is stored.
        """
        (story,) = self.add_all([article])
        return story

    def add_all(self, articles: Iterable[Article]) -> Iterator[str]:
        """``add`` each article in turn, yielding the id of its story; the same result, faster.

        ``_BATCH`` articles are weighed together before they are placed one by one: their
        features depend on the article alone, and the document frequencies an article's IDF
        uses (those of every article placed before it) are known ahead too, since each new
        article of the batch is placed; only the article's place depends on the stories so far.
        The store commits the articles placed after each batch, in one transaction, and when
        the iteration stops early (an error, or a caller that stops asking).
        """
        iterator = iter(articles)
        while batch := list(itertools.islice(iterator, _BATCH)):
            keys = [article_key(article) for article in batch]
            hashes = [_text_hash(article.text) for article in batch]
            fresh = self._fresh(keys)
            found = features(
                [(article.title, article.text) for article, new in zip(batch, fresh, strict=True) if new],
                self.settings,
                memo=self._terms,
            )
            weighted = self._weighted(found, len(self._seen) + 1)
            try:
                for article, key, text_sha256, new in zip(batch, keys, hashes, fresh, strict=True):
                    yield self._add(article, key, text_sha256, next(weighted) if new else None)
            finally:
                self.store.commit()

    def _fresh(self, keys: list[str]) -> list[bool]:
        """Whether each key is new: neither stored nor earlier in the list."""
        fresh: list[bool] = []
        earlier: set[str] = set()
        for key in keys:
            fresh.append(key not in self._keys and key not in earlier)
            earlier.add(key)
        return fresh

    def _add(self, article: Article, key: str, text_sha256: str, weighted: _Weighted | None) -> str:
        """``add`` with the article's key, text hash and, when the key is new, its weighted features."""
        if weighted is None:  # stored before, by an earlier batch or earlier in this one
            self._check_same_text(article, key, text_sha256)
            return story_name(self._current(self._story_of[self._keys[key] - 1]))
        record, new_story, merges = self._place(article, key, text_sha256, weighted)
        self.store.add(record, new_story=new_story, merges=merges)
        self._apply(record, merges, weighted.vector_terms, weighted.vector_weights, weighted.title_words)
        return story_name(self._current(record.story))

    def stories(self) -> list[StreamStory]:
        """Every story not merged into another, in order of its first article."""
        return [self._report(story) for _, story in sorted(self._stories.items())]

    def story(self, story_id: str) -> StreamStory:
        """The story that holds the story ``story_id`` now (itself, or the one it was merged into),
        as ``stories`` reports it; one report, where ``stories`` builds every story's.

        Raises KeyError naming ``story_id`` when no story had that id.
        """
        number = self._current(_story_number(story_id))
        if number not in self._stories:
            raise KeyError(story_id)
        return self._report(self._stories[number])

    def articles(self, story: StreamStory) -> tuple[Article, ...]:
        """The articles of a story in arrival order, each with its key as its id (for a brief)."""
        return tuple(
            dataclasses.replace(self._seen[self._keys[key] - 1].article, id=key) for key in story.articles
        )

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def _rebuild(self) -> None:
        """Replay the store's articles and merges, in the order they happened."""
        merges: dict[int, list[MergeRecord]] = {}
        for merge in self.store.merges():
            merges.setdefault(merge.seq, []).append(merge)
        for record in self.store.articles():
            terms, weights = _vector(record)
            title = title_words(record.article.title)
            self._apply(record, merges.get(record.seq, ()), terms, weights, title)
        if self._seen:
            logger.info("reopened a store of %d articles", len(self._seen))

    def _check_same_text(self, article: Article, key: str, text_sha256: str) -> None:
        """SourceError when the stored article of this key has other text than ``article``."""
        seen = self._seen[self._keys[key] - 1]
        if seen.text_sha256 != text_sha256:
            raise SourceError(
                f"article key {key!r}: {article.source or 'the new article'} has different text "
                f"from {seen.article.source or 'an earlier article'}, read before it; nothing was overwritten"
            )

    def _place(
        self, article: Article, key: str, text_sha256: str, weighted: _Weighted
    ) -> tuple[ArticleRecord, bool, list[MergeRecord]]:
        """Where a new article goes (its record, whether it founds a story, merges): no state changes."""
        seq = len(self._seen) + 1
        time = published_time(article.published)
        if time is None:
            time = self._clock if self._clock > -math.inf else 0.0
        language = "en" if weighted.english else "und"
        dense = embed(article.title, article.text) if self.settings.dense else None
        query = _Query(weighted.vector_terms, weighted.vector_weights, dense)
        copied = self._copied(weighted.minhash, language)
        merges: list[MergeRecord] = []
        if copied is not None:
            story, similarity, new_story = self._current(self._story_of[copied - 1]), 1.0, False
        else:
            scored = self._scored(query, time, language)
            if scored and scored[0][0] >= self.settings.threshold:
                similarity, story, new_story = scored[0][0], scored[0][1], False
                merges = self._merges(seq, story, query, [sid for _, sid in scored[1:]])
            else:
                similarity, story, new_story = 0.0, seq, True
        record = ArticleRecord(
            seq=seq,
            key=key,
            text_sha256=text_sha256,
            article=article,
            time=time,
            language=language,
            terms=weighted.terms.tobytes(),
            weights=weighted.weights.tobytes(),
            minhash=weighted.minhash,
            dense=None if dense is None else dense.astype(np.float32).tobytes(),
            story=story,
            similarity=similarity,
            duplicate_of=copied,
        )
        return record, new_story, merges

    def _weighted(self, found: Features, seq: int) -> Iterator[_Weighted]:
        """The batch's articles weighed as they will be placed, the first as article ``seq``.

        Sublinear TF times online IDF (counting the article), kept to the heaviest terms,
        L2-normalised. An article's document frequencies are those stored now plus those of the
        batch's articles before it. Terms past the first ``_VECTOR_TERMS`` of an article (by
        weight, then term) get weight 0; their document frequencies are still counted. The
        weights are computed now; each article's record is made when it is asked for, so that the
        batch's records do not all wait, tracked by the garbage collector, for their turn.
        """
        terms, starts = found.terms, found.starts
        sizes = np.diff(starts)
        article = np.repeat(np.arange(len(sizes)), sizes)
        df = kernels.document_frequencies(self._df, terms).astype(np.float64)
        weights = np.log1p(found.weights) * (np.log((1.0 + (seq + article)) / (2.0 + df)) + 1.0)
        kernels.keep_heaviest(weights, starts, _VECTOR_TERMS)
        bounds = starts.tolist()
        norms = [math.sqrt(float(weights[a:b] @ weights[a:b])) for a, b in itertools.pairwise(bounds)]
        weights /= np.repeat([norm if norm > 0.0 else 1.0 for norm in norms], sizes)
        kept = np.flatnonzero(weights)
        kept_terms, kept_weights = terms[kept], weights[kept]
        ends = np.searchsorted(kept, starts).tolist()
        return (
            _Weighted(
                terms=terms[a:b],
                weights=weights[a:b],
                vector_terms=kept_terms[c:d],
                vector_weights=kept_weights[c:d],
                english=english,
                minhash=minhash.tobytes(),
                title_words=title,
            )
            for (a, b), (c, d), english, minhash, title in zip(
                itertools.pairwise(bounds),
                itertools.pairwise(ends),
                found.english,
                found.minhashes,
                found.titles,
                strict=True,
            )
        )

    def _copied(self, minhash: bytes, language: str) -> int | None:
        """The earliest stored article of the same language the new one nearly copies, if any."""
        return next(
            (seq for seq in self._copies.candidates(minhash) if self._language_of(seq) == language), None
        )

    def _language_of(self, seq: int) -> str:
        return self._stories[self._current(self._story_of[seq - 1])].language

    def _scored(self, query: _Query, time: float, language: str) -> list[tuple[float, int]]:
        """(score, story) of the best open stories sharing a term with the article, best first.

        The best one and the ``_MERGE_CANDIDATES`` after it, all the placing and the merge check
        look at. The lexical part is the mean cosine to the story's members (their vectors are
        unit length).
        """
        index = self._index.get(language)
        if index is None:
            return []
        slots, lexical, gaps = index.near_dots(
            query.terms, query.weights, time, self.settings.window_days * _DAY_S
        )
        if len(slots) == 0:
            return []
        # in place on the index's scratch (read before its next call); gap / -d is -gap / d to the
        # bit (rounding is symmetric)
        decay = np.exp(np.divide(gaps, -(self.settings.decay_days * _DAY_S), out=gaps), out=gaps)
        stories = [] if query.dense is None else [self._stories[sid] for sid in index.story[slots].tolist()]
        scores = np.multiply(self._mixed(lexical, stories, query.dense), decay, out=decay)
        top_scores, top_stories = self._top
        found = kernels.best(scores, slots, index.story, len(top_scores), top_scores, top_stories)
        return list(zip(top_scores[:found].tolist(), top_stories[:found].tolist(), strict=True))

    def _mixed(
        self, lexical: NDArray[np.float64], stories: list[_Story], dense: NDArray[np.float64] | None
    ) -> NDArray[np.float64]:
        """The lexical cosines, mixed with the dense cosines to the stories' mean embeddings if dense."""
        if dense is None:
            return lexical
        means = np.stack([_unit(story.dense) for story in stories])
        alpha = self.settings.dense_weight
        mixed: NDArray[np.float64] = (1.0 - alpha) * lexical + alpha * (means @ dense)
        return mixed

    def _merges(self, seq: int, joined: int, query: _Query, others: list[int]) -> list[MergeRecord]:
        """The candidates whose centroid is close to the joined story's once the article is in it."""
        story = self._stories[joined]
        others = others[:_MERGE_CANDIDATES]
        norm, dots = self._index[story.language].merge_dots(joined, query.terms, query.weights, others)
        dense = None
        if story.dense is not None and query.dense is not None:
            dense = _unit(story.dense + query.dense)
        merges: list[MergeRecord] = []
        for other, dot in zip(others, dots, strict=True):
            candidate = self._stories[other]
            if candidate.norm2 <= 0.0 or norm <= 0.0:
                continue
            lexical = dot / (norm * math.sqrt(candidate.norm2))
            similarity = (
                lexical if dense is None else float(self._mixed(np.array([lexical]), [candidate], dense)[0])
            )
            if similarity >= self.settings.merge_threshold:
                merges.append(MergeRecord(seq, min(joined, other), max(joined, other), similarity))
                joined = min(joined, other)
        return merges

    def _apply(
        self,
        record: ArticleRecord,
        merges: Iterable[MergeRecord],
        terms: NDArray[np.int64],
        weights: NDArray[np.float64],
        title: TitleWords,
    ) -> None:
        """Take a placed article (its vector: its terms of non-zero weight; its title's words) and its
        merges into the state.

        The one path for add and reopen.
        """
        self._seen.append(
            _Seen(
                record.key,
                record.text_sha256,
                record.article,
                record.time,
                terms,
                weights,
                title,
            )
        )
        self._keys[record.key] = record.seq
        self._story_of.append(record.story)
        self._count(np.frombuffer(record.terms, dtype=np.int64))
        self._clock = max(self._clock, record.time)
        story = self._stories.get(record.story)
        if story is None:
            story = self._stories[record.story] = _Story(record.story, record.language, record.time)
            self._indexed[story.id] = None
            index = self._index.get(story.language)
            if index is None:
                index = self._index[story.language] = _Index()
            index.open(story.id)
        story.members.append(record.seq)
        story.last_time = max(story.last_time, record.time)
        if record.duplicate_of is not None:
            story.duplicates += ((record.seq, record.duplicate_of),)
        else:
            dense = None if record.dense is None else np.frombuffer(record.dense, dtype=np.float32)
            self._add_vector(story, terms, weights, dense)
        self._refresh(story)
        self._copies.insert(record.seq, record.minhash)
        for merge in merges:
            self._merge(merge)
        if record.seq % _SWEEP_EVERY == 0:
            self._sweep()

    def _count(self, terms: NDArray[np.int64]) -> None:
        """Count an article's terms into the document frequencies."""
        self._df = _roomy(self._df, self._df_terms + len(terms))
        self._df_terms += kernels.count_terms(self._df, terms)

    def _add_vector(
        self,
        story: _Story,
        terms: NDArray[np.int64],
        weights: NDArray[np.float64],
        dense: NDArray[np.floating] | None,
    ) -> None:
        """Add a vector to an open story's centroid and index, and an embedding to the story's sum.

        The squared norm adds ``new * new - old * old`` per term in the vector's order (its
        floating-point value is part of the output).
        """
        story.norm2 = self._index[story.language].add(story.id, terms, weights, story.norm2)
        if dense is not None:
            story.dense = dense.astype(np.float64) if story.dense is None else story.dense + dense

    def _merge(self, merge: MergeRecord) -> None:
        """Fold story ``merged`` into ``kept``: members, duplicates, centroid and index entries."""
        kept, merged = self._stories[merge.kept], self._stories.pop(merge.merged)
        self._merged_into[merged.id] = kept.id
        merged_terms, merged_weights = self._unindex(merged)
        kept.members = sorted(kept.members + merged.members)
        kept.duplicates = tuple(sorted(kept.duplicates + merged.duplicates))
        kept.merged_from = tuple(sorted([*kept.merged_from, merged.id, *merged.merged_from]))
        kept.last_time = max(kept.last_time, merged.last_time)
        self._add_vector(kept, merged_terms, merged_weights, merged.dense)
        self._refresh(kept)

    def _refresh(self, story: _Story) -> None:
        """Copy an open story's last time and number of vectors into its index's arrays."""
        if story.closed is None:
            index = self._index[story.language]
            slot = index.slot_of[story.id]
            index.last_time[slot] = story.last_time
            index.vectors[slot] = _vectors(story)

    def _sweep(self) -> None:
        """Drop stories that have been quiet for longer than the window from the index."""
        cutoff = self._clock - self.settings.window_days * _DAY_S
        for story_id in list(self._indexed):
            story = self._stories.get(story_id)
            if story is not None and story.last_time < cutoff:
                self._unindex(story)

    def _unindex(self, story: _Story) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """Take an open story out of its index, keeping its centroid; the centroid (terms, weights)."""
        story.closed = self._index[story.language].close(story.id)
        self._indexed.pop(story.id, None)
        return story.closed

    def _centroid(self, story: _Story) -> dict[int, float]:
        """The story's centroid, term -> weight, in the order its terms first came."""
        terms, weights = (
            story.closed if story.closed is not None else self._index[story.language].centroid(story.id)
        )
        return dict(zip(terms.tolist(), weights.tolist(), strict=True))

    def _current(self, story_id: int) -> int:
        """The story a story id now lives in, following merges."""
        while story_id in self._merged_into:
            story_id = self._merged_into[story_id]
        return story_id

    def _report(self, story: _Story) -> StreamStory:
        """The story as the public StreamStory."""
        members = [self._seen[seq - 1] for seq in story.members]
        titled = [seen for seen in members if seen.article.title]
        naming = [seen.title_words for seen in titled] or [_opening_words(seen.article) for seen in members]
        title_terms = list(dict.fromkeys(itertools.chain.from_iterable(terms for terms, _ in naming)))
        # a third of the stories have one titled member: nothing to compare
        closeness, weights = self._against_centroid(story, titled if len(titled) > 1 else [], title_terms)
        first_published, last_published = published_span(seen.article.published for seen in members)
        return StreamStory(
            id=story_name(story.id),
            articles=tuple(seen.key for seen in members),
            duplicates=tuple(
                (self._seen[seq - 1].key, self._seen[of - 1].key) for seq, of in story.duplicates
            ),
            outlets=tuple(dict.fromkeys(seen.article.outlet for seen in members)),
            first_published=first_published,
            last_published=last_published,
            title=_central_title(titled, closeness),
            keywords=_keywords(naming, dict(zip(title_terms, weights, strict=True))),
            merged_from=tuple(story_name(sid) for sid in story.merged_from),
            language=story.language,
        )

    def _against_centroid(
        self, story: _Story, compared: list[_Seen], terms: list[int]
    ) -> tuple[list[float], list[float]]:
        """Each compared member's dot product with the story's centroid, and the centroid's weight
        of each term (0.0 where absent): one ``kernels.centroid_dots`` over the centroid's arrays,
        instead of a dict of the centroid and a Python sum per member."""
        centroid_terms, centroid_weights = (
            story.closed if story.closed is not None else self._index[story.language].centroid(story.id)
        )
        starts = np.array([0, *itertools.accumulate(len(seen.terms) for seen in compared)], dtype=np.int64)
        found, dots = kernels.centroid_dots(
            centroid_terms,
            centroid_weights,
            np.concatenate([*(seen.terms for seen in compared), np.array(terms, dtype=np.int64)]),
            np.concatenate([seen.weights for seen in compared]) if compared else np.zeros(0),
            starts,
        )
        return dots.tolist(), found[starts[-1] :].tolist()

    def story_vectors(self) -> dict[str, dict[int, float]]:
        """Story id -> its L2-normalised centroid (hashed term -> weight), for linking stories elsewhere.

        The scale-out engine (``stream.engines``) links the stories of neighbouring time windows
        with the same centroid cosine as the merge rule here.
        """
        vectors: dict[str, dict[int, float]] = {}
        for story_id, story in sorted(self._stories.items()):
            norm = math.sqrt(story.norm2) if story.norm2 > 0.0 else 0.0
            centroid = self._centroid(story)
            vectors[story_name(story_id)] = (
                {term: centroid[term] / norm for term in sorted(centroid)} if norm > 0.0 else {}
            )
        return vectors


def cluster(
    articles: Iterable[Article], *, store: Store | None = None, settings: ClusterSettings | None = None
) -> list[StreamStory]:
    """The stories of the articles, processed in publication order (then input order).

    An undated article takes the date of the article before it in the input. Without
    ``settings``, a store made before goes on with the settings it was made with (as ``Clusterer``
    does), anything else with the defaults. The store stays open: its caller closes it.
    """
    clusterer = Clusterer(store, settings=settings)
    for _ in clusterer.add_all(in_publication_order(articles)):
        pass
    return clusterer.stories()


def in_publication_order(articles: Iterable[Article]) -> list[Article]:
    """The articles sorted by publication time, then input order; undated ones follow their predecessor.

    A stable sort of the positions by time (no tuple per article: a stream's worth of them kept
    the garbage collector busy inside every ``cluster`` call).
    """
    listed = list(articles)
    times: list[float] = []
    last = -math.inf
    for article in listed:
        time = published_time(article.published)
        last = time if time is not None else last
        times.append(last)
    return [listed[position] for position in sorted(range(len(listed)), key=times.__getitem__)]


def stream_notices(
    articles: Sequence[Article], stories: Sequence[StreamStory], *, where: str
) -> list[Notice]:
    """What the reader of the stories should know: the articles that repeat an earlier one (the
    same key; the same text, or the clusterer refuses them), counted once; the articles with no
    readable date (placed as ``in_publication_order`` places them); the articles that do not look
    like English (grouped only among themselves). ``where`` names the articles' sequence: ``the
    request``, ``the input``.

    Only the given articles are counted: ``stories`` may hold others (a store's earlier runs,
    whose notices were given then).
    """
    notices = []
    keys = [article_key(article) for article in articles]
    repeats = _repeated_keys(keys)
    if repeats:
        notices.append(
            Notice(
                "repeated-article",
                f"{len(repeats)} of {len(articles)} articles {'repeats' if len(repeats) == 1 else 'repeat'} "
                f"an earlier one of {where} (the same key and text): each counted once",
                repeats,
            )
        )
    undated = tuple(article_key(article) for article in articles if published_time(article.published) is None)
    if undated:
        notices.append(
            Notice(
                "undated",
                f"{len(undated)} of {len(articles)} articles {'has' if len(undated) == 1 else 'have'} "
                f"no readable date: each was placed as if published with the article before it in {where}",
                undated,
            )
        )
    given = set(keys)
    foreign = tuple(
        key for story in stories if story.language == "und" for key in story.articles if key in given
    )
    if foreign:
        notices.append(
            Notice(
                "not-english",
                f"{len(foreign)} {'article does' if len(foreign) == 1 else 'articles do'} not look like "
                "English: grouped only with articles not in English",
                foreign,
            )
        )
    return notices


def _repeated_keys(keys: Iterable[str]) -> tuple[str, ...]:
    """The keys that an earlier one equals, in order (a key given three times is there twice)."""
    earlier: set[str] = set()
    repeats: list[str] = []
    for key in keys:
        if key in earlier:
            repeats.append(key)
        earlier.add(key)
    return tuple(repeats)


def story_name(story_id: int) -> str:
    """The public id of a story: ``s`` and the arrival number of its first article."""
    return f"s{story_id}"


def _story_number(story_id: str) -> int:
    """The number in a story's public id (``story_name``'s inverse); KeyError when it is no such id."""
    digits = story_id.removeprefix("s")
    if not story_id.startswith("s") or not (digits.isascii() and digits.isdigit()):
        raise KeyError(story_id)
    return int(digits)


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _vector(record: ArticleRecord) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """A stored article's vector: its terms of non-zero weight, in term order, and their weights."""
    terms = np.frombuffer(record.terms, dtype=np.int64)
    weights = np.frombuffer(record.weights, dtype=np.float64)
    kept = np.flatnonzero(weights)
    return terms[kept], weights[kept]


def _roomy(table: NDArray[np.int64], used: int) -> NDArray[np.int64]:
    """The hash table, or a copy with more rows when ``used`` keys would fill more than half of it."""
    if 2 * used <= len(table):
        return table
    rows = len(table)
    while 2 * used > rows:
        rows *= 2
    return kernels.rehash(table, 2 * rows)


def _central_title(titled: list[_Seen], closeness: list[float]) -> str:
    """The headline of the titled member closest to the centroid (the earliest on a tie); with
    one titled member, its headline (``closeness`` is then not needed)."""
    if not titled:
        return ""
    if len(titled) == 1:
        return titled[0].article.title
    central = max(range(len(titled)), key=lambda position: (closeness[position], -position))
    return titled[central].article.title


_POSSESSIVE = re.compile(r"['’]s$")


def _opening_words(article: Article) -> TitleWords:
    """``title_words`` of the first ``_OPENING_WORDS`` words of an article, standing in for the
    headline it lacks."""
    return title_words(" ".join(article.text.split()[:_OPENING_WORDS]))


def _keywords(naming: list[TitleWords], weight: dict[int, float]) -> tuple[str, ...]:
    """The naming words (the members' titles, or their opening words when none has a title) whose
    stems weigh most in the centroid (``weight``: term -> its weight), in their most common
    spelling (the first alphabetically on a tie), a possessive's "'s" left off (one spelling of
    "Schiff" and "Schiff's").

    Only the spellings of the few chosen stems are counted.
    """
    best = sorted(weight, key=lambda term: (-weight[term], term))[:_KEYWORDS]
    spellings: dict[int, dict[str, int]] = {term: {} for term in best}
    for terms, words in naming:
        for term, word in zip(terms, words.split(), strict=True):
            counts = spellings.get(term)
            if counts is not None:
                name = _POSSESSIVE.sub("", word)  # "schiff's" names Schiff
                counts[name] = counts.get(name, 0) + 1
    return tuple(map(_most_common, spellings.values()))


def _most_common(counts: dict[str, int]) -> str:
    """The word counted most often, the first alphabetically on a tie."""
    return min(counts, key=lambda word: (-counts[word], word))


def _vectors(story: _Story) -> int:
    """How many member vectors the story's centroid sums: its members less their duplicates."""
    return len(story.members) - len(story.duplicates)


def _unit(vector: NDArray[np.float64] | None) -> NDArray[np.float64]:
    """The vector scaled to length 1 (zeros stay zeros; None, a story without embeddings, is zeros)."""
    if vector is None:
        return np.zeros(DENSE_DIMENSIONS)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0.0 else vector
