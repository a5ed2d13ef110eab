"""The compiled kernels of the clusterer's index against the Python they replace."""

from __future__ import annotations

import importlib
import itertools
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.stream import kernels

ROOT = Path(__file__).resolve().parent.parent.parent

# Run in a new process, so that no kernel has been called before the Clusterer is made. Settings
# that merge stories (two stories of one event, then an article close to both), a sweep every two
# articles (stories go dormant and leave the index), a wire copy (a duplicate found through the
# MinHash buckets), a file store closed and reopened (the vectors come back from SQLite blobs,
# read-only arrays), then undated AllSides leads; the index's tables and pool grow and compact.
_CLUSTER_AFTER_PREPARING = """
import dataclasses, importlib, json, sys, tempfile
from pathlib import Path
from newsbrief.model import ClusterSettings
from newsbrief.stream import Clusterer, Store, in_publication_order
from newsbrief.stream.sources import read_articles

assert "numba" not in sys.modules, "import newsbrief imports numba"
fixtures = Path("tests/fixtures/stream")
basil = in_publication_order(read_articles([str(fixtures / "basil-24.jsonl")]))
allsides = list(read_articles([str(fixtures / "allsides-30.jsonl")]))
settings = ClusterSettings(threshold=0.3, merge_threshold=0.3)
importlib.import_module("newsbrief.stream.cluster")._SWEEP_EVERY = 2


def signatures():
    from numba.core.registry import CPUDispatcher
    from newsbrief.stream import kernels
    return {
        name: [str(signature) for signature in function.signatures]
        for name, function in sorted(vars(kernels).items())
        if isinstance(function, CPUDispatcher)
    }


with tempfile.TemporaryDirectory() as folder:
    db = Path(folder) / "stream.sqlite"
    clusterer = Clusterer(Store(db), settings=settings)
    before = signatures()
    for article in basil[:12]:
        clusterer.add(article)
    clusterer.add(dataclasses.replace(basil[0], id="wire-copy"))
    clusterer.close()
    clusterer = Clusterer(Store(db), settings=settings)
    for _ in clusterer.add_all(basil[12:] + allsides):
        pass
    stories = clusterer.stories()
    dormant = sum(story.closed is not None for story in clusterer._stories.values())
    clusterer.close()
print(json.dumps({
    "before": before,
    "after": signatures(),
    "merges": sum(len(story.merged_from) for story in stories),
    "duplicates": sum(len(story.duplicates) for story in stories),
    "dormant": dormant,
}))
"""


# no deadline: examples are timed on a shared machine (the kernels compiled when the module was imported)
@settings(deadline=None)
@given(st.lists(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), max_size=200))
def test_fsum_is_math_fsum_to_the_bit(values: list[float]) -> None:
    assert kernels.fsum(np.array(values, dtype=np.float64)) == math.fsum(values)


def test_fsum_rounds_half_to_even_across_partials_like_math_fsum() -> None:
    values = [1e-16, 1.0, 1e16]  # the case CPython's comment names
    assert kernels.fsum(np.array(values)) == math.fsum(values) == 1.0000000000000002e16


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=300)), max_size=400))
def test_the_hash_table_counts_and_forgets_like_a_dict(steps: list[tuple[bool, int]]) -> None:
    """Counting terms in and deleting them (backward shift, no tombstones) leaves every other key findable."""
    table = np.full((512, 2), kernels.EMPTY, dtype=np.int64)
    expected: dict[int, int] = {}
    for add, key in steps:
        if add or key not in expected:
            kernels.count_terms(table, np.array([key], dtype=np.int64))
            expected[key] = expected.get(key, 0) + 1
        else:
            kernels._delete(table, kernels._find(table, key))
            del expected[key]
        keys = np.arange(301, dtype=np.int64)
        assert kernels.document_frequencies(table, keys).tolist() == [expected.get(k, 0) for k in range(301)]
    grown = kernels.rehash(table, 2048)
    assert kernels.document_frequencies(grown, np.arange(301, dtype=np.int64)).tolist() == [
        expected.get(k, 0) for k in range(301)
    ]


@settings(deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 300), st.sampled_from([0.5, 1.0, 1.5, 2.0])), max_size=200),
        max_size=8,
    )
)
def test_batch_frequencies_and_the_heaviest_terms_are_those_of_sorting(
    batch: list[list[tuple[int, float]]],
) -> None:
    """Document frequencies count the batch's earlier articles; the heaviest 80 terms of each
    article are those of ``np.lexsort((terms, -weights, article))`` (ties in weight: lower term first)."""
    articles = [dict(pairs) for pairs in batch]  # unique terms per article
    terms = np.array([t for a in articles for t in sorted(a)], dtype=np.int64)
    weights = np.array([a[t] for a in articles for t in sorted(a)], dtype=np.float64)
    sizes = np.array([len(a) for a in articles], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    table = np.full((64, 2), kernels.EMPTY, dtype=np.int64)
    kernels.count_terms(table, np.array([3, 5], dtype=np.int64))
    earlier = [sum(t in a for a in articles[:i]) for i, a in enumerate(articles) for t in sorted(a)]
    stored = [int(t in (3, 5)) for t in terms.tolist()]
    assert kernels.document_frequencies(table, terms).tolist() == [
        s + e for s, e in zip(stored, earlier, strict=True)
    ]
    article = np.repeat(np.arange(len(sizes)), sizes)
    expected = weights.copy()
    by_weight = np.lexsort((terms, -expected, article))
    expected[by_weight[np.arange(len(terms)) - starts[article[by_weight]] >= 80]] = 0.0
    kernels.keep_heaviest(weights, starts, 80)
    assert weights.tolist() == expected.tolist()
    assert all(
        np.count_nonzero(weights[a:b]) == min(80, b - a) for a, b in itertools.pairwise(starts.tolist())
    )


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=11),  # story
            st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=25, unique=True),
            st.booleans(),  # close the story afterwards
        ),
        max_size=60,
    )
)
def test_the_index_keeps_centroids_and_postings_of_a_python_model(
    steps: list[tuple[int, list[int], bool]],
) -> None:
    """Adding vectors to stories and closing them (blocks move, the pool compacts, freed entries
    and records are reused): every open centroid, and every dot product with it, is the dict's."""
    index = importlib.import_module("newsbrief.stream.cluster")._Index()
    model: dict[int, dict[int, float]] = {}
    norms: dict[int, float] = {}
    for position, (story, terms, close) in enumerate(steps):
        weights = [1.0 / (1 + term + position) for term in terms]
        if story not in model:
            index.open(story)
            model[story], norms[story] = {}, 0.0
        centroid = model[story]
        norm2 = norms[story]
        for term, weight in zip(terms, weights, strict=True):
            old = centroid.get(term, 0.0)
            centroid[term] = old + weight
            norm2 = norm2 + ((old + weight) * (old + weight) - old * old)
        norms[story] = index.add(story, np.array(terms), np.array(weights), norms[story])
        assert norms[story] == norm2
        if position % 3 == 2:  # pack the live blocks now, as when the pool's end is reached
            index._post_ints, index._post_weights = kernels.compact(index._arrays(), 0)
        if close:
            closed_terms, closed_weights = index.close(story)
            assert dict(zip(closed_terms.tolist(), closed_weights.tolist(), strict=True)) == model.pop(story)
            assert closed_terms.tolist() == list(centroid)  # insertion order
        for sid, expected in model.items():
            found_terms, found_weights = index.centroid(sid)
            assert list(zip(found_terms.tolist(), found_weights.tolist(), strict=True)) == list(
                expected.items()
            )
        index.vectors[:] = 1.0
        slots, dots, _ = index.near_dots(np.array(terms), np.array(weights), 0.0, math.inf)
        found = dict(zip(index.story[slots].tolist(), dots.tolist(), strict=True))
        assert found == {
            sid: sum(weight * c[term] for term, weight in zip(terms, weights, strict=True) if term in c)
            for sid, c in model.items()
            if not c.keys().isdisjoint(terms)
        }


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([0.0, 0.1, 0.25, 0.5, 1.0]), st.integers(0, 30)),
        max_size=40,
        unique_by=lambda pair: pair[1],
    ),
    st.integers(1, 6),
)
def test_best_is_the_head_of_lexsort_by_score_then_story(pairs: list[tuple[float, int]], size: int) -> None:
    """The best scores, a tie to the lower story id, as ``np.lexsort((story_ids, -scores))[:size]``
    ranked them, read through the slots (slot s holds story 100 - s) into the caller's arrays."""
    scores = np.array([score for score, _ in pairs], dtype=np.float64)
    slots = np.array([slot for _, slot in pairs], dtype=np.int64)
    slot_story = 100 - np.arange(31, dtype=np.int64)
    top_scores, top_stories = np.zeros(6), np.zeros(6, dtype=np.int64)
    found = kernels.best(scores, slots, slot_story, size, top_scores, top_stories)
    order = np.lexsort((slot_story[slots], -scores))[:size]
    assert found == len(order)
    assert top_scores[:found].tolist() == scores[order].tolist()
    assert top_stories[:found].tolist() == slot_story[slots][order].tolist()


@settings(deadline=None)
@given(
    st.dictionaries(st.integers(0, 60), st.floats(min_value=1e-3, max_value=10.0), max_size=40),
    st.lists(
        st.dictionaries(st.integers(0, 60), st.floats(min_value=1e-3, max_value=1.0), max_size=30),
        max_size=5,
    ),
    st.lists(st.integers(0, 60), max_size=10),
)
def test_centroid_dots_are_the_sums_over_the_centroids_dict(
    centroid: dict[int, float], vectors: list[dict[int, float]], looked_up: list[int]
) -> None:
    """Each vector's dot product with the centroid is Python's ``sum`` of its products in its
    order, with 0.0 for a term the centroid lacks; the terms after the vectors get the centroid's weight."""
    terms = np.array([t for vector in vectors for t in vector] + looked_up, dtype=np.int64)
    weights = np.array([w for vector in vectors for w in vector.values()], dtype=np.float64)
    starts = np.cumsum([0] + [len(vector) for vector in vectors]).astype(np.int64)
    found, dots = kernels.centroid_dots(
        np.array(list(centroid), dtype=np.int64), np.array(list(centroid.values())), terms, weights, starts
    )
    assert dots.tolist() == [
        sum(weight * centroid.get(term, 0.0) for term, weight in vector.items()) for vector in vectors
    ]
    assert found.tolist() == [centroid.get(term, 0.0) for term in terms.tolist()]


def test_every_kernel_is_ready_once_a_clusterer_is_made_and_none_compiles_mid_stream() -> None:
    """The first run after an install compiled each kernel on its first call, some deep in the
    stream (a p99 of 182 ms in ``watch``): the kernels' declared signatures make them compile, or
    load from numba's cache, when the module is first used, so clustering adds no signature."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-c", _CLUSTER_AFTER_PREPARING],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(run.stdout)
    assert found["merges"] and found["duplicates"] and found["dormant"], "a path was not exercised"
    public = {name for name in kernels.__all__ if name in found["before"]}
    assert len(public) == 16
    assert all(found["before"][name] for name in public), "a kernel was not ready before the first article"
    assert found["after"] == found["before"]
