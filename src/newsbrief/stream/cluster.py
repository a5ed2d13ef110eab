"""Online story clustering: each article joins a story when it arrives, from what came before it.

An article's title and lead become an L2-normalised TF-IDF vector over hashed stems and word
pairs, with document frequencies counted online (``stream.features``). Candidate stories come
from an inverted index (term -> open stories), never from a scan of every story; the article
joins the candidate whose centroid is closest, by cosine times an exponential time decay, when
that is at least ``threshold``, and founds a new story otherwise (single-pass clustering with a
time window, as in TDT's first-story detection; Allan et al. 1998). A story that has received
nothing for ``window_days`` goes dormant and is no longer a candidate. After an article joins, a
candidate whose centroid has become as close as ``merge_threshold`` to the joined story's is
merged into the older of the two, and the merge is recorded. A near-identical copy of an earlier
article (MinHash LSH over word shingles) joins that article's story and is recorded as its
duplicate, without weighing on the centroid. Articles that do not look like English
(``pipeline.clean.language_notice``) are clustered only among themselves, with language ``und``.

Everything is a function of the articles in arrival order: no clock, no randomness, no set
iteration order, so a store reopened after a kill rebuilds the same state and the stream goes on
to the same stories as an uninterrupted run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import heapq
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import numpy as np
from datasketch import MinHashLSH

from newsbrief.errors import SourceError
from newsbrief.model import Article, ClusterSettings, StreamStory
from newsbrief.pipeline.clean import language_notice
from newsbrief.stream.features import (
    MINHASH_PERMUTATIONS,
    minhash,
    minhash_from_bytes,
    term_weights,
    title_words,
)
from newsbrief.stream.store import ArticleRecord, MergeRecord, Store

__all__ = [
    "DEFAULT_SETTINGS",
    "Clusterer",
    "article_key",
    "cluster",
    "in_publication_order",
    "published_time",
]

logger = logging.getLogger(__name__)

DEFAULT_SETTINGS = ClusterSettings()
_DAY_S = 86_400.0
_QUERY_TERMS = 12  # the article's heaviest terms look up candidate stories
_SCORED_CANDIDATES = 10  # candidates with the most weight in shared terms get a full cosine
_MERGE_CANDIDATES = 3
_SWEEP_EVERY = 256  # articles between sweeps of dormant stories out of the index
_KEYWORDS = 5
_LANGUAGE_SAMPLE_CHARS = 2000


@dataclass(slots=True)
class _Story:
    """A story's running state: centroid (sum of member vectors) and what it reports."""

    id: int
    language: str
    last_time: float
    members: list[int] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)
    merged_from: list[int] = field(default_factory=list)
    centroid: dict[int, float] = field(default_factory=dict)
    norm2: float = 0.0
    indexed: bool = True


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the clusterer keeps of an article after it is placed."""

    key: str
    text_sha256: str
    article: Article
    time: float
    vector: dict[int, float]


def article_key(article: Article) -> str:
    """The article's key in a stream: its id, else its URL, else ``sha256:`` and a hash of its text."""
    return article.id or article.url or "sha256:" + _text_hash(article.text)[:32]


def published_time(published: str | None) -> float | None:
    """Seconds since the epoch of an ISO 8601 or RFC 2822 date (naive means UTC); None if unreadable."""
    if not published:
        return None
    moment: datetime | None
    try:
        moment = datetime.fromisoformat(published.strip())
    except ValueError:
        try:
            moment = parsedate_to_datetime(published)
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


class Clusterer:
    """Stories from articles added one at a time, kept in a ``Store`` (in memory when None).

    Opening an existing store rebuilds the clusterer's state from it; ``add`` an article already
    stored returns its story and changes nothing.
    """

    def __init__(self, store: Store | None = None, *, settings: ClusterSettings = DEFAULT_SETTINGS) -> None:
        self.settings = settings
        self.store = store if store is not None else Store(None)
        self.store.check_settings(dataclasses.asdict(settings))
        self._seen: list[_Seen] = []  # seq - 1 -> article
        self._keys: dict[str, int] = {}
        self._story_of: list[int] = []  # seq - 1 -> story it joined on arrival
        self._stories: dict[int, _Story] = {}
        self._merged_into: dict[int, int] = {}
        self._df: dict[int, int] = {}
        self._index: dict[str, dict[int, set[int]]] = {}
        self._lsh = MinHashLSH(threshold=settings.duplicate_jaccard, num_perm=MINHASH_PERMUTATIONS)
        self._clock = -math.inf
        self._rebuild()

    def add(self, article: Article) -> str:
        """Place the article in a story and store both; the id of the story it is in now.

        Raises SourceError when an article with the same key but different text is stored.
        """
        key = article_key(article)
        text_sha256 = _text_hash(article.text)
        known = self._keys.get(key)
        if known is not None:
            seen = self._seen[known - 1]
            if seen.text_sha256 != text_sha256:
                raise SourceError(
                    f"article key {key!r}: {article.source or 'the new article'} has different text "
                    f"from the stored {seen.article.source or 'article'}; nothing was overwritten"
                )
            return _story_name(self._current(self._story_of[known - 1]))
        record, new_story, merges = self._place(article, key, text_sha256)
        self.store.add(record, new_story=new_story, merges=merges)
        self._apply(record, merges)
        return _story_name(self._current(record.story))

    def stories(self) -> list[StreamStory]:
        """Every story not merged into another, in order of its first article."""
        return [self._report(story) for _, story in sorted(self._stories.items())]

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
            self._apply(record, merges.get(record.seq, ()))
        if self._seen:
            logger.info("reopened a store of %d articles", len(self._seen))

    def _place(
        self, article: Article, key: str, text_sha256: str
    ) -> tuple[ArticleRecord, bool, list[MergeRecord]]:
        """Where a new article goes (its record, whether it founds a story, merges): no state changes."""
        seq = len(self._seen) + 1
        time = published_time(article.published)
        if time is None:
            time = self._clock if self._clock > -math.inf else 0.0
        # the start of the text is enough to tell the language, and the check reads every word
        sample = dataclasses.replace(article, text=article.text[:_LANGUAGE_SAMPLE_CHARS])
        language = "en" if language_notice(sample) is None else "und"
        vector = self._vector(term_weights(article.title, article.text, self.settings), seq)
        sketch = minhash(article.text)
        terms = np.fromiter(vector, dtype=np.int64, count=len(vector))
        weights = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        copied = self._copied(sketch, language)
        merges: list[MergeRecord] = []
        if copied is not None:
            story, similarity, new_story = self._current(self._story_of[copied - 1]), 1.0, False
        else:
            scored = self._scored(vector, time, language)
            best = scored[0] if scored else None
            if best is not None and best[0] >= self.settings.threshold:
                similarity, story, new_story = best[0], best[1], False
                merges = self._merges(seq, story, vector, [sid for _, sid in scored[1:]])
            else:
                similarity, story, new_story = 0.0, seq, True
        record = ArticleRecord(
            seq=seq,
            key=key,
            text_sha256=text_sha256,
            article=article,
            time=time,
            language=language,
            terms=terms.tobytes(),
            weights=weights.tobytes(),
            minhash=sketch.hashvalues.tobytes(),
            story=story,
            similarity=similarity,
            duplicate_of=copied,
        )
        return record, new_story, merges

    def _vector(self, raw: dict[int, float], seq: int) -> dict[int, float]:
        """Sublinear TF times online IDF (counting this article), L2-normalised, in term order."""
        n_docs = seq
        weighted = {
            term: math.log1p(weight) * (math.log((1 + n_docs) / (1 + self._df.get(term, 0) + 1)) + 1.0)
            for term, weight in sorted(raw.items())
        }
        norm = math.sqrt(math.fsum(value * value for value in weighted.values()))
        return {term: value / norm for term, value in weighted.items()} if norm > 0 else {}

    def _copied(self, sketch: object, language: str) -> int | None:
        """The earliest stored article of the same language the new one nearly copies, if any."""
        matches = sorted(int(seq) for seq in self._lsh.query(sketch))
        return next((seq for seq in matches if self._language_of(seq) == language), None)

    def _language_of(self, seq: int) -> str:
        return self._stories[self._current(self._story_of[seq - 1])].language

    def _scored(self, vector: dict[int, float], time: float, language: str) -> list[tuple[float, int]]:
        """(decayed cosine, story) of the open candidate stories, best first."""
        index = self._index.get(language, {})
        query = heapq.nsmallest(_QUERY_TERMS, vector.items(), key=lambda item: (-item[1], item[0]))
        shared: dict[int, float] = {}
        for term, weight in query:
            for story_id in index.get(term, ()):
                shared[story_id] = shared.get(story_id, 0.0) + weight
        window_s = self.settings.window_days * _DAY_S
        open_ids = [sid for sid in shared if abs(time - self._stories[sid].last_time) <= window_s]
        best = heapq.nsmallest(_SCORED_CANDIDATES, open_ids, key=lambda sid: (-shared[sid], sid))
        scored = [(self._similarity(vector, self._stories[sid], time), sid) for sid in best]
        return sorted(scored, key=lambda item: (-item[0], item[1]))

    def _similarity(self, vector: dict[int, float], story: _Story, time: float) -> float:
        """Cosine of the vector to the story's centroid, decayed by the time since its last article."""
        if story.norm2 <= 0.0:
            return 0.0
        centroid = story.centroid
        dot = sum(weight * centroid.get(term, 0.0) for term, weight in vector.items())
        decay = math.exp(-abs(time - story.last_time) / (self.settings.decay_days * _DAY_S))
        return dot / math.sqrt(story.norm2) * decay

    def _merges(
        self, seq: int, joined: int, vector: dict[int, float], others: list[int]
    ) -> list[MergeRecord]:
        """The candidates whose centroid is close to the joined story's once the article is in it."""
        centroid = dict(self._stories[joined].centroid)
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        norm = math.sqrt(math.fsum(value * value for value in centroid.values()))
        merges: list[MergeRecord] = []
        for other in others[:_MERGE_CANDIDATES]:
            story = self._stories[other]
            if story.norm2 <= 0.0 or norm <= 0.0:
                continue
            dot = sum(weight * centroid.get(term, 0.0) for term, weight in story.centroid.items())
            similarity = dot / (norm * math.sqrt(story.norm2))
            if similarity >= self.settings.merge_threshold:
                merges.append(MergeRecord(seq, min(joined, other), max(joined, other), similarity))
                joined = min(joined, other)
        return merges

    def _apply(self, record: ArticleRecord, merges: Iterable[MergeRecord]) -> None:
        """Take a placed article (and its merges) into the state: the one path for add and reopen."""
        terms = np.frombuffer(record.terms, dtype=np.int64).tolist()
        weights = np.frombuffer(record.weights, dtype=np.float64).tolist()
        vector = dict(zip(terms, weights, strict=True))
        self._seen.append(_Seen(record.key, record.text_sha256, record.article, record.time, vector))
        self._keys[record.key] = record.seq
        self._story_of.append(record.story)
        for term in terms:
            self._df[term] = self._df.get(term, 0) + 1
        self._clock = max(self._clock, record.time)
        story = self._stories.get(record.story)
        if story is None:
            story = self._stories[record.story] = _Story(record.story, record.language, record.time)
        story.members.append(record.seq)
        story.last_time = max(story.last_time, record.time)
        if record.duplicate_of is not None:
            story.duplicates.append((record.seq, record.duplicate_of))
        else:
            self._add_vector(story, vector)
        self._lsh.insert(record.seq, minhash_from_bytes(record.minhash))
        for merge in merges:
            self._merge(merge)
        if record.seq % _SWEEP_EVERY == 0:
            self._sweep()

    def _add_vector(self, story: _Story, vector: dict[int, float]) -> None:
        """Add a member's vector to the story's centroid and its terms to the index."""
        centroid = story.centroid
        index = self._index.setdefault(story.language, {})
        for term, weight in vector.items():
            old = centroid.get(term, 0.0)
            centroid[term] = old + weight
            story.norm2 += (old + weight) ** 2 - old * old
            if story.indexed:
                ids = index.get(term)
                if ids is None:
                    index[term] = {story.id}
                else:
                    ids.add(story.id)

    def _merge(self, merge: MergeRecord) -> None:
        """Fold story ``merged`` into ``kept``: members, duplicates, centroid and index entries."""
        kept, merged = self._stories[merge.kept], self._stories.pop(merge.merged)
        self._merged_into[merged.id] = kept.id
        self._unindex(merged)
        kept.members = sorted(kept.members + merged.members)
        kept.duplicates = sorted(kept.duplicates + merged.duplicates)
        kept.merged_from = sorted([*kept.merged_from, merged.id, *merged.merged_from])
        kept.last_time = max(kept.last_time, merged.last_time)
        kept.indexed = True
        self._add_vector(kept, merged.centroid)

    def _sweep(self) -> None:
        """Drop stories that have been quiet for longer than the window from the index."""
        cutoff = self._clock - self.settings.window_days * _DAY_S
        for story in sorted(self._stories.values(), key=lambda s: s.id):
            if story.indexed and story.last_time < cutoff:
                self._unindex(story)

    def _unindex(self, story: _Story) -> None:
        index = self._index.get(story.language, {})
        for term in story.centroid:
            ids = index.get(term)
            if ids is not None:
                ids.discard(story.id)
                if not ids:
                    del index[term]
        story.indexed = False

    def _current(self, story_id: int) -> int:
        """The story a story id now lives in, following merges."""
        while story_id in self._merged_into:
            story_id = self._merged_into[story_id]
        return story_id

    def _report(self, story: _Story) -> StreamStory:
        """The story as the public StreamStory."""
        members = [self._seen[seq - 1] for seq in story.members]
        dated = sorted((seen.time, seen.article.published) for seen in members if seen.article.published)
        return StreamStory(
            id=_story_name(story.id),
            articles=tuple(seen.key for seen in members),
            duplicates=tuple(
                (self._seen[seq - 1].key, self._seen[of - 1].key) for seq, of in story.duplicates
            ),
            outlets=tuple(dict.fromkeys(seen.article.outlet for seen in members)),
            first_published=dated[0][1] if dated else None,
            last_published=dated[-1][1] if dated else None,
            title=self._central_title(story, members),
            keywords=self._keywords(story, members),
            merged_from=tuple(_story_name(sid) for sid in story.merged_from),
            language=story.language,
        )

    def _central_title(self, story: _Story, members: list[_Seen]) -> str:
        """The headline of the titled member closest to the centroid (the earliest on a tie)."""
        titled = [seen for seen in members if seen.article.title]
        if not titled:
            return ""

        def closeness(seen: _Seen) -> float:
            return sum(weight * story.centroid.get(term, 0.0) for term, weight in seen.vector.items())

        return max(titled, key=lambda seen: (closeness(seen), -members.index(seen))).article.title

    def _keywords(self, story: _Story, members: list[_Seen]) -> tuple[str, ...]:
        """The title words whose stems weigh most in the centroid, in their most common spelling."""
        weight: dict[int, float] = {}
        spellings: dict[int, dict[str, int]] = {}
        for seen in members:
            for term, word in title_words(seen.article.title):
                weight[term] = story.centroid.get(term, 0.0)
                counts = spellings.setdefault(term, {})
                counts[word] = counts.get(word, 0) + 1
        best = sorted(weight, key=lambda term: (-weight[term], term))[:_KEYWORDS]
        return tuple(max(sorted(spellings[term]), key=lambda word: spellings[term][word]) for term in best)

    def story_vectors(self) -> dict[str, dict[int, float]]:
        """Story id -> its L2-normalised centroid (hashed term -> weight), for linking stories elsewhere.

        The scale-out engine (``stream.engines``) links the stories of neighbouring time windows
        with the same centroid cosine as the merge rule here.
        """
        vectors: dict[str, dict[int, float]] = {}
        for story_id, story in sorted(self._stories.items()):
            norm = math.sqrt(story.norm2) if story.norm2 > 0.0 else 0.0
            centroid = story.centroid
            vectors[_story_name(story_id)] = (
                {term: centroid[term] / norm for term in sorted(centroid)} if norm > 0.0 else {}
            )
        return vectors


def cluster(
    articles: Iterable[Article], *, store: Store | None = None, settings: ClusterSettings = DEFAULT_SETTINGS
) -> list[StreamStory]:
    """The stories of the articles, processed in publication order (then input order).

    An undated article takes the date of the article before it in the input.
    """
    clusterer = Clusterer(store, settings=settings)
    for article in in_publication_order(articles):
        clusterer.add(article)
    return clusterer.stories()


def in_publication_order(articles: Iterable[Article]) -> list[Article]:
    """The articles sorted by publication time, then input order; undated ones follow their predecessor."""
    timed: list[tuple[float, int, Article]] = []
    last = -math.inf
    for position, article in enumerate(articles):
        time = published_time(article.published)
        last = time if time is not None else last
        timed.append((last, position, article))
    return [article for _, _, article in sorted(timed, key=lambda item: (item[0], item[1]))]


def _story_name(story_id: int) -> str:
    return f"s{story_id}"


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
