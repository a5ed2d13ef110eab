"""Scale-out on Dask: cluster time windows of a stream in parallel, then link them into stories.

The stream, in publication order, is cut into windows ``partition_days`` wide (widened to hold
at least ``min_window_articles``). Each window is a ``dask.distributed`` task that clusters its
articles with an in-memory ``Clusterer``, preceded by a *margin*: the articles of the
``window_days`` before it (at least ``min_margin_articles``; they are owned by earlier windows),
which hold every story still open at the boundary and warm up document frequencies. A task reports, for each of its
stories, the articles it owns, the margin articles that joined it, and the centroid of the
stories that may link across a boundary. The reduce step, on the client, walks the windows in
order: a story holding margin articles continues the earlier story that owns most of them; a
story that starts near the window's start without any is merged into the closest story that was
open before it when their centroids' cosine reaches ``merge_threshold`` (the clusterer's own
merge rule). Each article belongs to the window it falls in, so every article is in exactly one
story, and the result depends on the input only, never on which worker finished first.

Differences from the embedded path, measured in ``benchmarks/scale.py``: each window counts its
own document frequencies, warmed up by its margin, and a story's title and keywords are those of
its largest window part. With a store, the articles, assignments and cross-window merges are
written as the embedded clusterer writes them, so ``Clusterer(store)`` (``newsbrief watch``)
can go on from it.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import logging
import math
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import dask
import numpy as np
from distributed import Client, LocalCluster, as_completed
from numpy.typing import NDArray
from scipy import sparse

from newsbrief.errors import OptionError, SourceError
from newsbrief.model import Article, ClusterSettings, StreamStory, published_span
from newsbrief.stream.cluster import (
    DEFAULT_SETTINGS,
    Clusterer,
    article_key,
    in_publication_order,
    published_time,
    story_name,
)
from newsbrief.stream.store import ArticleRecord, MergeRecord, Store

__all__ = [
    "DEFAULT_MIN_MARGIN_ARTICLES",
    "DEFAULT_MIN_WINDOW_ARTICLES",
    "DEFAULT_PARTITION_DAYS",
    "cluster_on_dask",
    "dask_client",
]

DEFAULT_PARTITION_DAYS = 7.0
DEFAULT_MIN_WINDOW_ARTICLES = 2_000
DEFAULT_MIN_MARGIN_ARTICLES = 1_000
_DAY_S = 86_400.0
_TASKS_PER_WORKER = 2  # windows in flight per worker thread: keeps every worker busy, bounds memory
_CONNECT_TIMEOUT_S = 10
_ARTICLE_FIELDS = tuple(field.name for field in dataclasses.fields(Article))
# A LocalCluster shares this machine's cores between the workers and the client (which also runs
# the scheduler and the nannies): its diagnostics would take CPU from the tasks. Off are the
# workers' statistical profiler (it samples the task's stack every 10 ms: about 8% of a worker's
# CPU on a window here); slower are the event loops' blocked-loop check (every 20 ms) and the
# system monitor (every 0.5 s), which together kept the idle client at 6% of a core, 2% after.
_LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "200ms",
    "distributed.admin.system-monitor.interval": "2s",
}


@dataclass(frozen=True, slots=True)
class _Window:
    """One task's input: margin articles (owned by earlier windows), then its own, with their times.

    The articles travel as one pickled blob of their fields' columns (``_packed``), not as Article
    objects: on a LocalCluster the task is pickled by the client, then unpickled and pickled again
    by the scheduler, all in the client's process, which shares the cores with the workers; a
    frozen slotted dataclass pickles through Python-level ``__getstate__`` and every text is
    decoded again on unpickling, where a blob of bytes is copied (at 100,000 articles: 4 s of the
    client's CPU to 0.3 s).
    """

    index: int
    packed: bytes  # _packed(articles): margin first, then the window's own
    times: tuple[float, ...]
    n_margin: int
    start: float  # seconds since the epoch; the window owns [start, end)
    end: float


@dataclass(frozen=True, slots=True)
class _Centroid:
    """A story's unit centroid as two arrays (sorted hashed terms, their weights).

    Arrays, not a dict: they pickle from worker to client in one copy and stack into the reduce
    step's sparse matrix without a Python loop over terms, so the client (which shares the
    machine's cores with the workers on a LocalCluster) stays light.
    """

    terms: NDArray[np.int64]
    weights: NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class _Part:
    """The articles one window owns of one of its stories, and what links them across windows."""

    articles: tuple[str, ...]  # owned article keys, in arrival order
    margin: tuple[str, ...]  # margin articles (owned by earlier windows) in the same story
    duplicates: tuple[tuple[str, str], ...]  # owned copies and the article each copies
    title: str
    keywords: tuple[str, ...]
    language: str
    first: float
    last: float
    centroid: _Centroid | None  # only when it may link by centroid: a head or a tail


@dataclass(frozen=True, slots=True)
class _WindowResult:
    """What a task returns: its parts, and the store records of its own articles when asked."""

    index: int
    parts: tuple[_Part, ...]
    records: tuple[tuple[ArticleRecord, str | None], ...]  # (record, key of the article it copies)


_PartFields = tuple[
    tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...], str, tuple[str, ...], str, float, float
]  # a _Part's fields but its centroid, in field order


@dataclass(frozen=True, slots=True)
class _PackedResult:
    """A _WindowResult as it travels from worker to client: plain tuples and four arrays.

    Each _Part and _Centroid pickled alone would be unpickled by Python-level ``__setstate__``
    and two small arrays a part, on the client, which shares the cores with the workers; here
    the parts are tuples (unpickled in C) and every centroid is a slice of one array of terms and
    one of weights (at 100,000 articles: 2.2 s of the client's CPU to 0.4 s).
    """

    index: int
    parts: tuple[_PartFields, ...]
    has_centroid: NDArray[np.bool_]
    bounds: NDArray[np.intp]  # part i's centroid: terms[bounds[i] : bounds[i + 1]]
    terms: NDArray[np.int64]
    weights: NDArray[np.float64]
    records: tuple[tuple[ArticleRecord, str | None], ...]


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, *, workers: int = 2) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, else of a LocalCluster of ``workers`` processes.

    Raises OptionError when ``workers`` is below 1 or the scheduler cannot be reached.
    """
    if scheduler:
        try:
            client = Client(scheduler, timeout=_CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as exc:
            raise OptionError(f"--scheduler {scheduler}: cannot connect ({exc})") from exc
        with client:
            yield client
        return
    if workers < 1:
        raise OptionError(f"--workers must be at least 1 (got {workers})")
    with (
        dask.config.set(_LOCAL_CONFIG),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: several clusters may share a machine
            # A worker whose heartbeat races the scheduler's close logs a traceback at ERROR
            # ("Failed to communicate with scheduler during heartbeat", seen on a loaded machine):
            # noise on a finished run (dask/distributed#9032). Failures that matter reach the
            # client as exceptions (a task's error, KilledWorker), and the CLI reports those.
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def cluster_on_dask(
    articles: Iterable[Article],
    *,
    client: Client,
    settings: ClusterSettings = DEFAULT_SETTINGS,
    partition_days: float = DEFAULT_PARTITION_DAYS,
    min_window_articles: int = DEFAULT_MIN_WINDOW_ARTICLES,
    min_margin_articles: int = DEFAULT_MIN_MARGIN_ARTICLES,
    store: Store | None = None,
) -> list[StreamStory]:
    """The stories of the articles, clustered window by window on the client's Dask workers.

    Same input and settings give the same stories whatever the number of workers and their
    timing. With ``store`` (it must hold no articles yet), the articles are stored as the
    embedded path stores them. Raises SourceError for one key with two different texts.
    """
    if not partition_days > 0.0:
        raise OptionError(f"partition_days must be above 0 (got {partition_days})")
    if store is not None:
        if next(store.articles(), None) is not None:
            raise OptionError(
                f"{store.path or 'the store'} already holds articles: the Dask engine writes a new "
                "store; add to this one with --engine embedded"
            )
        store.check_settings(dataclasses.asdict(settings))
    ordered, times = _unique_in_order(articles)
    shape = _Shape(
        partition_days * _DAY_S,
        max(1, min_window_articles),
        settings.window_days * _DAY_S,
        min_margin_articles,
    )
    windows = _windows(ordered, times, shape)
    seq = {article_key(article): number for number, article in enumerate(ordered, 1)}
    results: list[_WindowResult] = []
    links = _link(
        _kept(_run(client, windows, settings, keep_records=store is not None), results), seq, settings
    )
    if store is not None:
        _write(store, results, links, seq)
    dated = {article_key(article): (article, time) for article, time in zip(ordered, times, strict=True)}
    return _stories(links, seq, dated)


def _cluster_window(window: _Window, settings: ClusterSettings, keep_records: bool) -> _WindowResult:
    """Cluster one window (margin first) in memory and report its parts: the task run on a worker."""
    clusterer = Clusterer(None, settings=settings)
    articles = _unpacked(window.packed)
    try:
        for _ in clusterer.add_all(articles):
            pass
        keys = [article_key(article) for article in articles]
        owned = set(keys[window.n_margin :])
        time_of = dict(zip(keys, window.times, strict=True))
        vectors = clusterer.story_vectors()
        margin_s = settings.window_days * _DAY_S
        parts = []
        for story in clusterer.stories():
            mine = tuple(key for key in story.articles if key in owned)
            if not mine:
                continue
            margin = tuple(key for key in story.articles if key not in owned)
            first, last = min(time_of[key] for key in mine), max(time_of[key] for key in mine)
            head = not margin and first < window.start + margin_s
            tail = last >= window.end - margin_s
            parts.append(
                _Part(
                    articles=mine,
                    margin=margin,
                    duplicates=tuple(pair for pair in story.duplicates if pair[0] in owned),
                    title=story.title,
                    keywords=story.keywords,
                    language=story.language,
                    first=first,
                    last=last,
                    centroid=_compact(vectors[story.id]) if head or tail else None,
                )
            )
        records = _owned_records(clusterer.store, owned) if keep_records else ()
    finally:
        clusterer.close()
    return _WindowResult(window.index, tuple(parts), records)


def _packed(articles: Sequence[Article]) -> bytes:
    """The articles' fields as columns (one tuple of strings per field), pickled."""
    columns = tuple(tuple(getattr(article, field) for article in articles) for field in _ARTICLE_FIELDS)
    return pickle.dumps(columns, protocol=pickle.HIGHEST_PROTOCOL)


def _unpacked(packed: bytes) -> list[Article]:
    """The Articles that ``_packed`` packed, in their order."""
    columns: tuple[tuple[str | None, ...], ...] = pickle.loads(packed)
    return [
        Article(**dict(zip(_ARTICLE_FIELDS, fields, strict=True))) for fields in zip(*columns, strict=True)
    ]


def _window_task(window: _Window, settings: ClusterSettings, keep_records: bool) -> _PackedResult:
    """The task a worker runs: the window clustered (``_cluster_window``), packed for the trip."""
    return _packed_result(_cluster_window(window, settings, keep_records))


def _packed_result(result: _WindowResult) -> _PackedResult:
    """The result as plain tuples and arrays (``_unpacked_result`` gives it back)."""
    centroids = [part.centroid for part in result.parts]
    present = [centroid for centroid in centroids if centroid is not None]
    return _PackedResult(
        index=result.index,
        parts=tuple(
            (p.articles, p.margin, p.duplicates, p.title, p.keywords, p.language, p.first, p.last)
            for p in result.parts
        ),
        has_centroid=np.array([centroid is not None for centroid in centroids], dtype=np.bool_),
        bounds=np.cumsum([0, *(len(c.terms) if c is not None else 0 for c in centroids)], dtype=np.intp),
        terms=np.concatenate([c.terms for c in present]) if present else np.zeros(0, dtype=np.int64),
        weights=np.concatenate([c.weights for c in present]) if present else np.zeros(0, dtype=np.float64),
        records=result.records,
    )


def _unpacked_result(packed: _PackedResult) -> _WindowResult:
    """The _WindowResult that ``_packed_result`` packed; the centroids are views of the packed arrays."""
    bounds = packed.bounds.tolist()
    parts = tuple(
        _Part(
            *fields,
            centroid=_Centroid(packed.terms[low:high], packed.weights[low:high]) if present else None,
        )
        for fields, present, low, high in zip(
            packed.parts, packed.has_centroid.tolist(), bounds[:-1], bounds[1:], strict=True
        )
    )
    return _WindowResult(packed.index, parts, packed.records)


def _compact(vector: dict[int, float]) -> _Centroid:
    """The centroid as arrays, in the vector's (sorted) term order."""
    return _Centroid(
        np.fromiter(vector.keys(), dtype=np.int64, count=len(vector)),
        np.fromiter(vector.values(), dtype=np.float64, count=len(vector)),
    )


def _owned_records(store: Store, owned: set[str]) -> tuple[tuple[ArticleRecord, str | None], ...]:
    """The stored records of the owned articles, each with the key of the article it copies."""
    key_of: dict[int, str] = {}
    records = []
    for record in store.articles():
        key_of[record.seq] = record.key
        if record.key in owned:
            copied = key_of[record.duplicate_of] if record.duplicate_of is not None else None
            records.append((record, copied))
    return tuple(records)


def _unique_in_order(articles: Iterable[Article]) -> tuple[list[Article], list[float]]:
    """Articles in publication order without repeats, and the time the clusterer gives each.

    An article repeated with the same key and text counts once, as ``Clusterer.add`` does; an
    undated article takes the time of the one before it.
    """
    ordered: list[Article] = []
    times: list[float] = []
    kept: dict[str, Article] = {}  # the texts compared directly: no hash of every text is needed
    last = -math.inf
    for article in in_publication_order(articles):
        key = article_key(article)
        seen = kept.get(key)
        if seen is not None:
            if seen.text != article.text:
                raise SourceError(
                    f"article key {key!r}: {article.source or 'an article'} has different text "
                    f"from {seen.source or 'an earlier article'}; nothing was overwritten"
                )
            continue
        kept[key] = article
        time = published_time(article.published)
        last = time if time is not None else last
        ordered.append(article)
        times.append(last)
    first = next((time for time in times if time > -math.inf), 0.0)
    return ordered, [time if time > -math.inf else first for time in times]


def _windows(articles: list[Article], times: list[float], shape: _Shape) -> Iterator[_Window]:
    """The windows: ``partition_s`` wide on a grid from the first article, widened to hold at least
    ``min_articles``; each with the articles of ``margin_s`` before it, at least ``min_margin`` of them.

    A small window or margin would count document frequencies over too few articles, and its
    stories would drift from the embedded path's; a stream sparse enough for that is cheap anyway.
    Made one at a time, so that the first is on a worker while the client packs the next.
    """
    if not articles:
        return
    origin, low, floor, index = times[0], 0, -math.inf, 0
    while low < len(articles):
        slot = math.floor((times[low] - origin) / shape.partition_s)
        start, end = max(origin + slot * shape.partition_s, floor), origin + (slot + 1) * shape.partition_s
        high = bisect.bisect_left(times, end, lo=low)
        if high - low < shape.min_articles:
            cut = low + shape.min_articles
            # never split the articles of one moment between two windows
            high = bisect.bisect_left(times, times[cut], lo=low + 1) if cut < len(articles) else len(articles)
            end = times[high] if high < len(articles) else max(end, times[-1] + 1.0)
        margin_low = min(
            bisect.bisect_left(times, start - shape.margin_s, hi=low), max(0, low - shape.min_margin)
        )
        yield _Window(
            index=index,
            packed=_packed(articles[margin_low:high]),
            times=tuple(times[margin_low:high]),
            n_margin=low - margin_low,
            start=start,
            end=end,
        )
        low, floor, index = high, end, index + 1


@dataclass(frozen=True, slots=True)
class _Shape:
    """How the stream is cut: window width, least articles in a window, margin span and least size."""

    partition_s: float
    min_articles: int
    margin_s: float
    min_margin: int


def _run(
    client: Client, windows: Iterable[_Window], settings: ClusterSettings, *, keep_records: bool
) -> Iterator[_WindowResult]:
    """Every window's result, in window order, each as soon as it and all before it are done.

    A few windows are in flight per worker thread at a time; the next one is submitted before a
    result is handed on, so the reduce step runs on the client while the workers cluster.
    """
    in_flight = _TASKS_PER_WORKER * max(1, sum(client.nthreads().values()))
    pending = iter(windows)
    futures = as_completed()
    for window in pending:
        futures.add(client.submit(_window_task, window, settings, keep_records, pure=False))
        if futures.count() >= in_flight:
            break
    done: dict[int, _WindowResult] = {}
    ready = 0
    for future in futures:
        result = _unpacked_result(future.result())
        done[result.index] = result
        future.release()
        following = next(pending, None)
        if following is not None:
            futures.add(client.submit(_window_task, following, settings, keep_records, pure=False))
        while ready in done:
            yield done.pop(ready)
            ready += 1


def _kept(results: Iterable[_WindowResult], into: list[_WindowResult]) -> Iterator[_WindowResult]:
    """The results, each also appended to ``into`` (for writing the store after the reduce step)."""
    for result in results:
        into.append(result)
        yield result


@dataclass(frozen=True, slots=True)
class _Links:
    """How the reduce step joined the parts, numbered across windows in window order."""

    parts: list[_Part]
    owner: dict[str, int]  # article key -> its part
    chain: list[int]  # part -> first part of the chain it continues (continuations only)
    story: list[int]  # part -> first part of its story (continuations and merges)
    merged: dict[int, float]  # chain merged into an earlier story at its first article -> cosine


def _link(results: Iterable[_WindowResult], seq: dict[str, int], settings: ClusterSettings) -> _Links:
    """Join each window's parts to earlier windows': continuations by margin, merges by centroid."""
    parts: list[_Part] = []
    owner: dict[str, int] = {}
    chain: list[int] = []
    story: list[int] = []
    merged: dict[int, float] = {}
    pool: list[int] = []  # earlier parts that may still be linked to by centroid
    margin_s = settings.window_days * _DAY_S
    for result in results:
        numbers = range(len(parts), len(parts) + len(result.parts))
        parts.extend(result.parts)
        for number in numbers:
            target = _continued(parts[number], owner)
            chain.append(number if target is None else chain[target])
            story.append(number if target is None else story[target])
        for number in numbers:
            owner.update(dict.fromkeys(parts[number].articles, number))
        heads = [n for n in numbers if not parts[n].margin and parts[n].centroid is not None]
        start = min((parts[n].first for n in numbers), default=0.0)
        pool = [n for n in pool if parts[n].last >= start - margin_s]
        for head, (tail, cosine) in _closest(parts, heads, pool, settings.merge_threshold, margin_s).items():
            story[head] = story[tail]
            merged[head] = cosine
        pool.extend(n for n in numbers if parts[n].centroid is not None)
    return _Links(parts, owner, chain, story, merged)


def _continued(part: _Part, owner: dict[str, int]) -> int | None:
    """The earlier part owning most of this part's margin articles (the earliest on a tie), if any."""
    counts: dict[int, int] = {}
    for key in part.margin:
        earlier = owner.get(key)
        if earlier is not None:
            counts[earlier] = counts.get(earlier, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], n))


def _closest(
    parts: list[_Part], heads: list[int], tails: list[int], threshold: float, margin_s: float
) -> dict[int, tuple[int, float]]:
    """Head part -> (the earlier tail part closest to it, cosine), where that reaches ``threshold``.

    A tail qualifies when it is in the same language and its last article is at most a window
    before the head's first; the best is the highest cosine, then the earliest part. A head that
    starts more than a window after every tail's end can have none, so it is left out of the
    product (the parts near a window's end, which are kept for the next window's heads).
    """
    latest = max((parts[tail].last for tail in tails), default=-math.inf)
    heads = [head for head in heads if parts[head].first - margin_s <= latest]
    if not heads or not tails:
        return {}
    head_rows, tail_rows = _rows(parts, heads), _rows(parts, tails)
    vocabulary = _sorted_union(head_rows[0], tail_rows[0])
    product = (_matrix(head_rows, vocabulary) @ _matrix(tail_rows, vocabulary).T).tocsr()
    row_of = np.repeat(np.arange(len(heads)), np.diff(product.indptr))
    close = product.data >= threshold
    closest: dict[int, tuple[int, float]] = {}
    for row, col, cosine in zip(row_of[close], product.indices[close], product.data[close], strict=True):
        head, tail = heads[int(row)], tails[int(col)]
        if parts[tail].language != parts[head].language or parts[tail].last < parts[head].first - margin_s:
            continue
        best = closest.get(head)
        if best is None or (-float(cosine), tail) < (-best[1], best[0]):
            closest[head] = (tail, float(cosine))
    return closest


def _sorted_union(first: NDArray[np.int64], second: NDArray[np.int64]) -> NDArray[np.int64]:
    """The sorted distinct values of both arrays: ``np.union1d``'s result, by one sort.

    NumPy 2's ``unique`` (under ``union1d``) hashes integers before sorting them, which on the
    few million terms of a window's centroids took 60 times as long as sorting and dropping repeats.
    """
    values = np.sort(np.concatenate((first, second)))
    if not len(values):
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def _rows(
    parts: list[_Part], numbers: list[int]
) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.intp]]:
    """The parts' centroids stacked: all terms, all weights, and where each part's row starts (CSR)."""
    centroids = [parts[number].centroid for number in numbers]
    terms = [centroid.terms for centroid in centroids if centroid is not None]
    weights = [centroid.weights for centroid in centroids if centroid is not None]
    lengths = [0] + [len(centroid.terms) if centroid is not None else 0 for centroid in centroids]
    return (
        np.concatenate(terms) if terms else np.zeros(0, dtype=np.int64),
        np.concatenate(weights) if weights else np.zeros(0, dtype=np.float64),
        np.cumsum(lengths, dtype=np.intp),
    )


def _matrix(
    rows: tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.intp]], vocabulary: NDArray[np.int64]
) -> sparse.csr_matrix:
    """Stacked centroids as the rows of a sparse matrix whose columns are the sorted vocabulary."""
    terms, weights, starts = rows
    columns = np.searchsorted(vocabulary, terms)
    return sparse.csr_matrix((weights, columns, starts), shape=(len(starts) - 1, len(vocabulary)))


def _stories(
    links: _Links, seq: dict[str, int], dated: dict[str, tuple[Article, float]]
) -> list[StreamStory]:
    """One StreamStory per linked story, in order of its first article, as the embedded path reports it."""
    members: dict[int, list[int]] = {}
    for number, root in enumerate(links.story):
        members.setdefault(root, []).append(number)
    stories = []
    for root in sorted(members, key=lambda n: seq[links.parts[n].articles[0]]):
        numbers = members[root]  # ascending, from the root: a part joins only earlier parts' stories
        parts = [links.parts[n] for n in numbers]
        if len(parts) == 1:  # most stories: one window's part, its articles already in arrival order
            keys, largest = parts[0].articles, parts[0]
        else:
            keys = tuple(sorted((key for part in parts for key in part.articles), key=seq.__getitem__))
            largest = min(parts, key=lambda part: (-len(part.articles), seq[part.articles[0]]))
        found = [dated[key] for key in keys]
        first_published, last_published = published_span(article.published for article, _ in found)
        stories.append(
            StreamStory(
                id=story_name(seq[keys[0]]),
                articles=keys,
                duplicates=tuple(
                    sorted((pair for part in parts for pair in part.duplicates), key=lambda p: seq[p[0]])
                ),
                outlets=tuple(dict.fromkeys(article.outlet for article, _ in found)),
                first_published=first_published,
                last_published=last_published,
                title=largest.title,
                keywords=largest.keywords,
                merged_from=tuple(
                    story_name(seq[links.parts[n].articles[0]]) for n in numbers[1:] if links.chain[n] == n
                ),
                language=links.parts[root].language,
            )
        )
    return stories


def _write(store: Store, results: Sequence[_WindowResult], links: _Links, seq: dict[str, int]) -> None:
    """Store the articles in stream order, each in its chain's story, with the merges between chains.

    A chain's story id is the arrival number of its first article, as in the embedded path; a
    chain merged by centroid is merged into its story's first chain when its first article arrives.
    The articles of one window are committed together.
    """
    for result in results:
        for record, copied in result.records:
            number = seq[record.key]
            chain = links.chain[links.owner[record.key]]
            chain_id = seq[links.parts[chain].articles[0]]
            merges = []
            if chain_id == number and chain in links.merged:
                kept = seq[links.parts[links.story[chain]].articles[0]]
                merges.append(MergeRecord(number, kept, number, links.merged[chain]))
            store.add(
                dataclasses.replace(
                    record,
                    seq=number,
                    story=chain_id,
                    duplicate_of=seq[copied] if copied is not None else None,
                ),
                new_story=chain_id == number,
                merges=merges,
            )
        store.commit()  # a window's articles in one transaction
