"""The Dask engine on a LocalCluster of two worker processes, against the embedded path."""

from __future__ import annotations

import dataclasses
import json
import pickle
import random
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from distributed import Client

from newsbrief.errors import OptionError, SourceError
from newsbrief.model import Article, StreamStory
from newsbrief.stream import Clusterer, Store, cluster
from newsbrief.stream.cluster import DEFAULT_SETTINGS
from newsbrief.stream.engines import (
    _cluster_window,
    _packed,
    _packed_result,
    _Part,
    _Shape,
    _sorted_union,
    _unique_in_order,
    _unpacked,
    _unpacked_result,
    _windows,
    cluster_on_dask,
    dask_client,
)
from newsbrief_cli import run_newsbrief

ROOT = Path(__file__).resolve().parent.parent.parent
BASIL = ROOT / "benchmarks" / "data" / "stream" / "basil.jsonl"
BASIL_24 = ROOT / "tests" / "fixtures" / "stream" / "basil-24.jsonl"
STORIES_A_DAY = 3  # about 33 days of BASIL events: windows of 2 days cut many stories in two
# windows of 2 days and at least 50 articles, margins of at least 100: several windows in 300 articles
WINDOWS = {"partition_days": 2.0, "min_window_articles": 50, "min_margin_articles": 100}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with dask_client(workers=2) as made:
        yield made


@pytest.fixture(scope="module")
def stream() -> tuple[list[Article], dict[str, str]]:
    """BASIL's 300 articles as a stream: each event starts at a seeded time, its articles within a day."""
    rng = random.Random(7)
    records = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines()]
    events = sorted({record["story"] for record in records})
    start = {event: rng.uniform(0.0, len(events) / STORIES_A_DAY * 86_400.0) for event in events}
    articles, labels = [], {}
    for number, record in enumerate(records, 1):
        moment = 1_600_000_000 + start[record["story"]] + rng.uniform(0.0, 86_400.0)
        article_id = f"a{number}"
        labels[article_id] = record["story"]
        articles.append(
            Article(
                id=article_id,
                outlet=record["outlet"],
                title=record["title"],
                url=None,
                published=datetime.fromtimestamp(moment, tz=UTC).isoformat(),
                text=record["text"],
            )
        )
    return articles, labels


def bcubed_f1(labels: dict[str, str], stories: list[StreamStory]) -> float:
    """BCubed F1 (Bagga & Baldwin 1998) of the stories against the events."""
    story_of = {key: story.id for story in stories for key in story.articles}
    by_story: dict[str, set[str]] = defaultdict(set)
    by_event: dict[str, set[str]] = defaultdict(set)
    for key, event in labels.items():
        by_story[story_of[key]].add(key)
        by_event[event].add(key)
    precision = recall = 0.0
    for key, event in labels.items():
        shared = len(by_story[story_of[key]] & by_event[event])
        precision += shared / len(by_story[story_of[key]])
        recall += shared / len(by_event[event])
    precision, recall = precision / len(labels), recall / len(labels)
    return 2 * precision * recall / (precision + recall)


def test_dask_stories_score_within_a_hundredth_of_the_embedded_path(
    client: Client, stream: tuple[list[Article], dict[str, str]]
) -> None:
    articles, labels = stream
    dask = cluster_on_dask(articles, client=client, **WINDOWS)
    embedded = cluster(articles)
    keys = [key for story in dask for key in story.articles]
    assert sorted(keys) == sorted(labels)  # every article in exactly one story
    assert abs(bcubed_f1(labels, dask) - bcubed_f1(labels, embedded)) <= 0.01


def test_each_article_is_owned_by_one_window_and_the_margin_covers_the_open_stories(
    stream: tuple[list[Article], dict[str, str]],
) -> None:
    articles, _ = stream
    ordered, times = _unique_in_order(articles)
    windows = list(_windows(ordered, times, _Shape(2 * 86_400.0, 50, 3 * 86_400.0, 100)))
    assert len(windows) >= 4
    owned = [article for window in windows for article in _unpacked(window.packed)[window.n_margin :]]
    assert owned == ordered
    for window in windows[1:]:
        margin = window.times[: window.n_margin]
        assert window.n_margin >= 100 or margin[0] == times[0]  # at least 100, unless the stream is shorter
        assert all(time < window.start for time in margin)
        before = [time for time in times if window.start - 3 * 86_400.0 <= time < window.start]
        assert len(before) <= window.n_margin  # every article of the three days before is in it


def test_a_window_packs_its_articles_into_bytes_that_give_back_the_same_articles(
    stream: tuple[list[Article], dict[str, str]],
) -> None:
    articles, _ = stream
    varied = [
        *articles[:3],
        Article(
            id="", outlet="npr", title="", url="https://npr.org/a", published=None, text="x", source="a.html"
        ),
    ]
    assert _unpacked(_packed(varied)) == varied
    assert _unpacked(_packed([])) == []


def test_a_repeated_article_counts_once_and_a_changed_text_under_its_key_is_refused(
    stream: tuple[list[Article], dict[str, str]],
) -> None:
    articles, _ = stream
    ordered, _ = _unique_in_order([*articles, articles[5]])
    assert ordered == _unique_in_order(articles)[0]
    changed = dataclasses.replace(articles[5], text=articles[5].text + " More.", source="late.jsonl line 1")
    with pytest.raises(SourceError, match=r"article key 'a6': late.jsonl line 1 has different text"):
        _unique_in_order([*articles, changed])


def seen(part: _Part) -> tuple[object, ...]:
    """A part's fields, its centroid as lists (arrays do not compare with ==)."""
    centroid = (part.centroid.terms.tolist(), part.centroid.weights.tolist()) if part.centroid else None
    return (
        part.articles,
        part.margin,
        part.duplicates,
        part.title,
        part.keywords,
        part.language,
        part.first,
        part.last,
        centroid,
    )


def test_a_window_result_packed_for_the_trip_unpacks_to_the_same_parts_and_records(
    stream: tuple[list[Article], dict[str, str]],
) -> None:
    articles, _ = stream
    ordered, times = _unique_in_order(articles)
    window = list(_windows(ordered, times, _Shape(2 * 86_400.0, 50, 3 * 86_400.0, 100)))[2]
    result = _cluster_window(window, DEFAULT_SETTINGS, True)
    back = _unpacked_result(pickle.loads(pickle.dumps(_packed_result(result))))
    assert (back.index, back.records) == (result.index, result.records)
    assert [seen(part) for part in back.parts] == [seen(part) for part in result.parts]
    assert {part.centroid is None for part in result.parts} == {True, False}  # both kinds travel


def test_same_input_gives_the_same_stories_whatever_the_worker_timing(
    client: Client, stream: tuple[list[Article], dict[str, str]]
) -> None:
    articles, _ = stream
    first = cluster_on_dask(articles, client=client, **WINDOWS)
    second = cluster_on_dask(list(reversed(articles)), client=client, **WINDOWS)
    assert first == second


def test_the_store_it_writes_reopens_in_the_embedded_clusterer(
    client: Client, stream: tuple[list[Article], dict[str, str]], tmp_path: Path
) -> None:
    articles, _ = stream
    store = Store(tmp_path / "stream.sqlite")
    stories = cluster_on_dask(articles, client=client, **WINDOWS, store=store)
    store.close()
    reopened = Clusterer(Store(tmp_path / "stream.sqlite"))
    try:
        assert [(s.id, s.articles, s.merged_from) for s in reopened.stories()] == [
            (s.id, s.articles, s.merged_from) for s in stories
        ]
        before = reopened.stories()
        assert reopened.add(articles[0]) in {story.id for story in before}
        assert reopened.stories() == before
    finally:
        reopened.close()


def test_a_store_that_holds_articles_is_refused(
    client: Client, stream: tuple[list[Article], dict[str, str]], tmp_path: Path
) -> None:
    articles, _ = stream
    store = Store(tmp_path / "old.sqlite")
    try:
        Clusterer(store).add(articles[0])
        with pytest.raises(OptionError, match="already holds articles"):
            cluster_on_dask(articles, client=client, store=store)
    finally:
        store.close()


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return run_newsbrief("cluster", *arguments)


def test_cli_engine_dask_writes_the_embedded_schema(tmp_path: Path) -> None:
    result = run(str(BASIL_24), "--engine", "dask", "--workers", "2", "--db", str(tmp_path / "s.sqlite"))
    assert result.returncode == 0, result.stderr
    stories = [json.loads(line) for line in result.stdout.splitlines()]
    keys = [key for story in stories for key in story["articles"]]
    assert len(keys) == len(set(keys)) == 24
    schema = {"id", "articles", "duplicates", "outlets", "first_published", "last_published", "title"}
    assert all(schema | {"keywords", "merged_from", "language"} == set(story) for story in stories)
    reopened = Clusterer(Store(tmp_path / "s.sqlite"))
    try:
        assert [story.id for story in reopened.stories()] == [story["id"] for story in stories]
    finally:
        reopened.close()


def test_cli_bad_worker_count_is_a_one_line_error() -> None:
    result = run(str(BASIL_24), "--engine", "dask", "--workers", "0")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: --workers must be at least 1 (got 0)"


@pytest.mark.parametrize(
    "options, error",
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--workers", "4"], "--workers needs --engine dask"),
        (
            ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "4"],
            "--workers starts that many local workers; with --scheduler the cluster's own workers run "
            "the tasks: give one of them",
        ),
    ],
)
def test_issue_walk_dask_options_the_run_would_ignore_are_refused(options: list[str], error: str) -> None:
    """--scheduler and --workers without --engine dask, or together, were ignored unsaid: the
    stream was clustered in one process, or on the scheduler's workers."""
    result = run(str(BASIL_24), *options)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {error}"
    assert result.stdout == ""


def test_sorted_union_is_numpys_union_of_term_ids() -> None:
    rng = np.random.default_rng(7)
    first = rng.integers(0, 2**32, 5_000, dtype=np.int64)
    second = np.concatenate((first[:1_000], rng.integers(0, 2**32, 3_000, dtype=np.int64)))
    assert np.array_equal(_sorted_union(first, second), np.union1d(first, second))
    empty = np.zeros(0, dtype=np.int64)
    assert np.array_equal(_sorted_union(empty, empty), np.union1d(empty, empty))
    assert np.array_equal(_sorted_union(empty, second), np.union1d(empty, second))
