"""Story clustering from a stream: quality (BCubed, pairwise F1, AMI) and throughput.

    PYTHONPATH=src python benchmarks/clustering.py            # cross-validation, table, speed
    PYTHONPATH=src python benchmarks/clustering.py --quick    # default settings only, no CV
    PYTHONPATH=src python benchmarks/clustering.py --topic    # the one-topic condition

Data (``benchmarks/data/stream/``, see its README): BASIL (100 events x 3 outlets, dated),
the AllSides leads (2,131 stories x ~3 excerpts, undated) and the 40 Multi-News stories
flattened. A *dense stream* gives each story a start time drawn uniformly (seeded) over a span
holding ``rate`` story starts a day and each of its articles a time within 24 hours after it;
ids are opaque and the labels hidden from the clusterer.

Settings are chosen by 3-fold cross-validation over stories, pooled across the three data sets
at 70 stories a day: for each fold the grid point with the best mean BCubed F1 on the other
folds' stories is scored on the fold's stories (held out). The baseline (one pass of TF-IDF
cosine to every story centroid, IDF fitted on the stream itself) gets its threshold the same way.

The *one-topic condition* (``--topic``) stands in for a stream "of a few hundred stories, many
on one topic, article excerpts of ~90 words". Its rule, fixed before any score was seen: cut
every AllSides and BASIL article to its first 90 words; the topic is the name (a capitalised
word that does not open a sentence, not a stop word) that the most stories hold in some
article's excerpt; the topic's stories are those with the name in at least two of their
articles; a seeded sample of 300 of them is streamed at 3, 70 and 350 stories a day. Ours runs
with the settings as shipped, the baseline at the threshold the pooled cross-validation on the
dev sets chose (``--quick``: 0.25, what that cross-validation chose when last run); beside them,
a control of 300 stories drawn from the same sets regardless of topic, the oracle thresholds
(a diagnostic chosen on the condition itself, never a setting) and the errors.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import random
import re
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics import adjusted_mutual_info_score

from newsbrief.model import Article, ClusterSettings
from newsbrief.stream import Store, cluster, in_publication_order
from newsbrief.stream.cluster import DEFAULT_SETTINGS
from newsbrief.stream.features import embed

DATA = Path(__file__).resolve().parent / "data" / "stream"
DAY_S = 86_400.0
FOLDS = 3
SEED = 13
RATES = (3, 70, 350)
CV_RATE = 70
TOPIC_STORIES = 300
EXCERPT_WORDS = 90
# The thresholds the oracle diagnostic tries for ours (a diagnostic, never a setting).
ORACLE_THRESHOLDS = (0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3)
# A capitalised word after a character that does not end a sentence or open a quotation: in news
# titles and leads mostly a name ("President Trump", "said Pelosi"), not a sentence's first word.
_NAME = re.compile(r"""(?<=[^\s.!?:"“‘'—]\s)[A-Z][a-z]+""")


# Word pairs at full weight lengthen the vectors and lower every cosine: each pair weight gets
# thresholds around its own optimum. Dense mixtures are not in the grid (they trailed lexical
# on AllSides and Multi-News; README).
def grid() -> list[ClusterSettings]:
    """The settings cross-validation chooses among (a function, so that importing this module for its
    streams works with older ``ClusterSettings``, as ``throughput.py`` does with a baseline revision).
    """
    return [
        ClusterSettings(threshold=threshold, pair_weight=pair_weight)
        for pair_weight in (0.5, 1.0)
        for threshold in (0.12, 0.14, 0.16, 0.18)
    ]


BASELINE_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)

Labelled = tuple[str, str, str, str | None, str]  # (story, title, text, published, outlet)


def load(root: Path) -> dict[str, list[Labelled]]:
    """The three data sets as labelled articles in file order."""
    sets: dict[str, list[Labelled]] = {"basil": [], "allsides": [], "multinews": []}
    for line in (root / "basil.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        sets["basil"].append(
            (record["story"], record["title"], record["text"], record["published"], record["outlet"])
        )
    for line in (root / "allsides-probe.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        sets["allsides"].append((record["story"], record["title"], record["text"], None, "?"))
    for line in (root / "multinews-clusters.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for document in record["documents"]:
            if document.strip():
                sets["multinews"].append((record["id"], "", document, None, "?"))
    return sets


def dense_stream(items: Sequence[Labelled], rate: float, seed: int) -> tuple[list[Article], dict[str, str]]:
    """Articles with opaque ids at synthetic times (``rate`` story starts a day), and id -> story."""
    rng = random.Random(seed)
    stories = sorted({item[0] for item in items})
    span_s = len(stories) / rate * DAY_S
    start = {story: rng.uniform(0.0, span_s) for story in stories}
    timed = [(start[item[0]] + rng.uniform(0.0, DAY_S), item) for item in items]
    rng.shuffle(timed)
    articles: list[Article] = []
    labels: dict[str, str] = {}
    for number, (offset, (story, title, text, _, outlet)) in enumerate(timed, 1):
        moment = datetime.fromtimestamp(1_600_000_000 + offset, tz=UTC).isoformat()
        article_id = f"a{number}"
        labels[article_id] = story
        articles.append(
            Article(id=article_id, outlet=outlet, title=title, url=None, published=moment, text=text)
        )
    return articles, labels


def dated_stream(items: Sequence[Labelled], seed: int) -> tuple[list[Article], dict[str, str]]:
    """BASIL at its real dates, shuffled within a day, with opaque ids."""
    rng = random.Random(seed)
    shuffled = list(items)
    rng.shuffle(shuffled)
    articles, labels = [], {}
    for number, (story, title, text, published, outlet) in enumerate(shuffled, 1):
        labels[f"a{number}"] = story
        articles.append(
            Article(id=f"a{number}", outlet=outlet, title=title, url=None, published=published, text=text)
        )
    return articles, labels


def scores(labels: dict[str, str], clusters: dict[str, int]) -> dict[str, float]:
    """BCubed P/R/F1 (Bagga & Baldwin 1998; Amigo et al. 2009), pairwise F1 and AMI."""
    keys = sorted(labels)
    by_cluster: dict[int, list[str]] = defaultdict(list)
    by_label: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_cluster[clusters[key]].append(key)
        by_label[labels[key]].append(key)
    overlap: dict[tuple[int, str], int] = defaultdict(int)
    for key in keys:
        overlap[clusters[key], labels[key]] += 1
    precision = statistics.fmean(overlap[clusters[k], labels[k]] / len(by_cluster[clusters[k]]) for k in keys)
    recall = statistics.fmean(overlap[clusters[k], labels[k]] / len(by_label[labels[k]]) for k in keys)
    same_both = sum(n * (n - 1) / 2 for n in overlap.values())
    same_cluster = sum(len(m) * (len(m) - 1) / 2 for m in by_cluster.values())
    same_label = sum(len(m) * (len(m) - 1) / 2 for m in by_label.values())
    pair_p = same_both / same_cluster if same_cluster else 1.0
    pair_r = same_both / same_label if same_label else 1.0
    return {
        "P": precision,
        "R": recall,
        "F1": 2 * precision * recall / (precision + recall),
        "pairF1": 2 * pair_p * pair_r / (pair_p + pair_r) if pair_p + pair_r else 0.0,
        "AMI": adjusted_mutual_info_score([labels[k] for k in keys], [clusters[k] for k in keys]),
    }


def run_ours(articles: list[Article], settings: ClusterSettings) -> dict[str, int]:
    """Article id -> cluster number from newsbrief's online clusterer (in-memory store)."""
    return {
        key: number
        for number, story in enumerate(cluster(articles, settings=settings))
        for key in story.articles
    }


def run_singletons(articles: list[Article]) -> dict[str, int]:
    return {article.id: number for number, article in enumerate(articles)}


def run_baseline(articles: list[Article], thresholds: Sequence[float]) -> list[dict[str, int]]:
    """One pass of TF-IDF cosine to every story centroid, at each threshold (shared vectors)."""
    ordered = sorted(articles, key=lambda a: a.published or "")
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [f"{a.title}\n{a.text}" for a in ordered]
    )
    n = len(ordered)
    labels = [np.zeros(n, dtype=np.int64) for _ in thresholds]
    norms2 = [[] for _ in thresholds]  # type: list[list[float]]
    for i in range(n):
        sims = (vectors[:i] @ vectors[i].T).toarray().ravel() if i else np.zeros(0)
        for t, threshold in enumerate(thresholds):
            n_clusters = len(norms2[t])
            dots = np.bincount(labels[t][:i], weights=sims, minlength=n_clusters)
            cosines = dots / np.sqrt(np.maximum(norms2[t], 1e-12)) if n_clusters else dots
            best = int(np.argmax(cosines)) if n_clusters else -1
            if best >= 0 and cosines[best] >= threshold:
                labels[t][i] = best
                norms2[t][best] += 2 * dots[best] + 1.0
            else:
                labels[t][i] = n_clusters
                norms2[t].append(1.0)
    return [{ordered[i].id: int(label[i]) for i in range(n)} for label in labels]


def folds_of(items: Sequence[Labelled], seed: int) -> dict[str, int]:
    """Story -> fold number, a seeded shuffle dealt round-robin."""
    stories = sorted({item[0] for item in items})
    random.Random(seed).shuffle(stories)
    return {story: number % FOLDS for number, story in enumerate(stories)}


def cross_validate(sets: dict[str, list[Labelled]]) -> dict[str, object]:
    """Held-out scores of ours and the baseline, settings chosen on the other folds (pooled sets)."""
    folds = {name: folds_of(items, SEED) for name, items in sets.items()}
    held: dict[str, list[dict[str, float]]] = defaultdict(list)
    chosen: list[ClusterSettings] = []
    chosen_base: list[float] = []
    settings_grid = grid()
    train_means: dict[int, list[float]] = defaultdict(list)
    for fold in range(FOLDS):
        streams = {}
        for name, items in sets.items():
            train = [item for item in items if folds[name][item[0]] != fold]
            test = [item for item in items if folds[name][item[0]] == fold]
            streams[name] = (
                dense_stream(train, CV_RATE, SEED + fold),
                dense_stream(test, CV_RATE, SEED + fold),
            )
        grid_f1 = []
        for point, settings in enumerate(settings_grid):
            mean = statistics.fmean(
                scores(labels, run_ours(arts, settings))["F1"] for (arts, labels), _ in streams.values()
            )
            grid_f1.append(mean)
            train_means[point].append(mean)
        best = settings_grid[max(range(len(settings_grid)), key=lambda p: (grid_f1[p], -p))]
        chosen.append(best)
        base_f1 = np.zeros(len(BASELINE_THRESHOLDS))
        for (arts, labels), _ in streams.values():
            base_f1 += [scores(labels, c)["F1"] for c in run_baseline(arts, BASELINE_THRESHOLDS)]
        base_threshold = BASELINE_THRESHOLDS[int(np.argmax(base_f1))]
        chosen_base.append(base_threshold)
        for name, (_, (arts, labels)) in streams.items():
            held[f"{name}/ours"].append(scores(labels, run_ours(arts, best)))
            held[f"{name}/baseline"].append(scores(labels, run_baseline(arts, [base_threshold])[0]))
            held[f"{name}/singletons"].append(scores(labels, run_singletons(arts)))
        print(f"fold {fold}: chose {settings_text(best)}; baseline threshold {base_threshold}", flush=True)
    overall = max(train_means, key=lambda p: (statistics.fmean(train_means[p]), -p))
    return {
        "held": held,
        "chosen": chosen,
        "baseline": chosen_base,
        "overall": settings_grid[overall],
        "overall_baseline": statistics.median(chosen_base),
    }


def excerpted(items: Sequence[Labelled], prefix: str) -> list[Labelled]:
    """Articles cut to their first ``EXCERPT_WORDS`` words, stories prefixed with their set's name."""
    return [
        (f"{prefix}:{story}", title, " ".join(text.split()[:EXCERPT_WORDS]), published, outlet)
        for story, title, text, published, outlet in items
    ]


def topic_name(items: Sequence[Labelled]) -> str:
    """The name that the most stories hold in some article's excerpt (ties: alphabetical)."""
    stories_with: dict[str, set[str]] = defaultdict(set)
    for story, _, text, _, _ in items:
        for name in _NAME.findall(text):
            if name.lower() not in ENGLISH_STOP_WORDS:
                stories_with[name].add(story)
    return min(stories_with, key=lambda name: (-len(stories_with[name]), name))


def on_topic(items: Sequence[Labelled], name: str) -> list[Labelled]:
    """The articles of the stories holding ``name`` in at least two articles' title or excerpt."""
    word = re.compile(rf"\b{re.escape(name)}\b")
    holding: dict[str, int] = defaultdict(int)
    for story, title, text, _, _ in items:
        holding[story] += bool(word.search(f"{title}\n{text}"))
    return [item for item in items if holding[item[0]] >= 2]


def sample_stories(items: Sequence[Labelled], count: int, seed: int) -> list[Labelled]:
    """The articles of a seeded sample of ``count`` stories (all of them when there are fewer)."""
    stories = sorted({item[0] for item in items})
    kept = set(random.Random(seed).sample(stories, min(count, len(stories))))
    return [item for item in items if item[0] in kept]


def describe(items: Sequence[Labelled]) -> str:
    stories = {item[0] for item in items}
    per_set = {
        prefix: sum(story.startswith(f"{prefix}:") for story in stories) for prefix in ("allsides", "basil")
    }
    words = statistics.fmean(len(item[2].split()) for item in items)
    return (
        f"{len(stories)} stories ({per_set['allsides']} AllSides, {per_set['basil']} BASIL), "
        f"{len(items)} articles, {words:.0f} words an excerpt on average"
    )


def errors(articles: list[Article], labels: dict[str, str], clusters: dict[str, int], shown: int = 5) -> None:
    """The largest mixed clusters and the most split stories, with each article's story and title."""
    title = {article.id: article.title for article in articles}
    members: dict[int, list[str]] = defaultdict(list)
    parts: dict[str, set[int]] = defaultdict(set)
    for key in sorted(labels, key=lambda k: int(k[1:])):
        members[clusters[key]].append(key)
        parts[labels[key]].add(clusters[key])
    mixed = [number for number, keys in members.items() if len({labels[k] for k in keys}) > 1]
    split = [story for story, numbers in parts.items() if len(numbers) > 1]
    print(
        f"\nerrors of ours: {len(mixed)} of {len(members)} clusters mixed, "
        f"{len(split)} of {len(parts)} stories split"
    )
    story_number = {story: n for n, story in enumerate(sorted(parts))}

    def line(key: str) -> str:
        return f"    [{story_number[labels[key]]}] {title[key][:90]}"

    by_mix = sorted(mixed, key=lambda n: (-len({labels[k] for k in members[n]}), -len(members[n]), n))
    for number in by_mix[:shown]:
        keys = members[number]
        print(f"  mixed cluster: {len(keys)} articles of {len({labels[k] for k in keys})} stories")
        for key in sorted(keys, key=lambda k: (story_number[labels[k]], k)):
            print(line(key))
    by_split = sorted(split, key=lambda s: (-len(parts[s]), story_number[s]))
    for story in by_split[:shown]:
        print(f"  split story [{story_number[story]}]: over {len(parts[story])} clusters")
        for key in sorted((k for k in labels if labels[k] == story), key=lambda k: (clusters[k], k)):
            print(f"{line(key)}   (cluster of {len(members[clusters[key]])})")


def topic_condition(sets: dict[str, list[Labelled]], baseline_threshold: float) -> None:
    """The one-topic condition: tables at 3, 70 and 350 stories a day, a control, oracle, errors."""
    pool = excerpted(sets["allsides"], "allsides") + excerpted(sets["basil"], "basil")
    name = topic_name(pool)
    topical = on_topic(pool, name)
    chosen = sample_stories(topical, TOPIC_STORIES, SEED)
    control = sample_stories(pool, TOPIC_STORIES, SEED)
    print(f"\none topic: {name!r}, held in 2+ articles by {describe(topical)}")
    print(f"sample: {describe(chosen)}; control (any topic): {describe(control)}")
    print(f"ours as shipped: {settings_text(DEFAULT_SETTINGS)}; baseline threshold {baseline_threshold}")
    print("| stream | method | BCubed P | BCubed R | BCubed F1 | pairwise F1 | AMI |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    streams = [(f"one topic @{rate}/day", chosen, rate) for rate in RATES]
    streams.append(
        (f"one topic, all {len({i[0] for i in topical})} stories @{CV_RATE}/day", topical, CV_RATE)
    )
    streams.append((f"control @{CV_RATE}/day", control, CV_RATE))
    for label, items, rate in streams:
        print_method_rows(label, items, rate, DEFAULT_SETTINGS, baseline_threshold)
    arts, labels = dense_stream(chosen, CV_RATE, SEED)
    print(
        f"\noracle thresholds on one topic @{CV_RATE}/day (a diagnostic chosen on this stream, not a setting)"
    )
    for threshold in ORACLE_THRESHOLDS:
        settings = dataclasses.replace(DEFAULT_SETTINGS, threshold=threshold)
        print(table_row(f"ours at {threshold}", "oracle", scores(labels, run_ours(arts, settings))))
    for threshold, clusters in zip(BASELINE_THRESHOLDS, run_baseline(arts, BASELINE_THRESHOLDS), strict=True):
        print(table_row(f"baseline at {threshold}", "oracle", scores(labels, clusters)))
    errors(arts, labels, run_ours(arts, DEFAULT_SETTINGS))


def print_method_rows(
    label: str, items: Sequence[Labelled], rate: float, settings: ClusterSettings, baseline_threshold: float
) -> None:
    """One table row per method (ours, the baseline, every article alone) on the dense stream of ``items``."""
    arts, labels = dense_stream(items, rate, SEED)
    methods = {
        "ours": run_ours(arts, settings),
        "baseline": run_baseline(arts, [baseline_threshold])[0],
        "singletons": run_singletons(arts),
    }
    for method, clusters in methods.items():
        print(table_row(label, method, scores(labels, clusters)), flush=True)


def settings_text(settings: ClusterSettings) -> str:
    return (
        f"threshold {settings.threshold}, pair_weight {settings.pair_weight}, "
        f"lead_words {settings.lead_words}, dense {settings.dense}"
    )


def table_row(name: str, method: str, result: dict[str, float]) -> str:
    cells = " | ".join(f"{result[k]:.3f}" for k in ("P", "R", "F1", "pairF1", "AMI"))
    return f"| {name} | {method} | {cells} |"


def mean_scores(results: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.fmean(r[key] for r in results) for key in results[0]}


def throughput(articles: list[Article], run: Callable[[], object]) -> tuple[float, float]:
    """Articles a second through ``run`` by wall clock and by this process's CPU time (one core)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return len(articles) / (time.perf_counter() - wall), len(articles) / (time.process_time() - cpu)


def speed_table(articles: list[Article], settings: ClusterSettings, baseline_threshold: float) -> None:
    """Throughput of ours (lexical and dense, in memory and on file) beside the baseline's."""
    lexical = dataclasses.replace(settings, dense=False)
    dense = dataclasses.replace(settings, dense=True)
    rows: list[tuple[str, tuple[float, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, chosen in (("lexical", lexical), ("dense", dense)):
            embed.cache_clear()  # the quality runs embedded these articles already
            rows.append(
                (
                    f"ours, {name}, in memory",
                    throughput(articles, functools.partial(cluster, articles, settings=chosen)),
                )
            )
            embed.cache_clear()
            path = Path(folder) / f"{name}.sqlite"
            rows.append(
                (
                    f"ours, {name}, file store",
                    throughput(
                        articles, functools.partial(cluster, articles, store=Store(path), settings=chosen)
                    ),
                )
            )
    rows.append(
        (
            "baseline (TF-IDF centroids)",
            throughput(articles, functools.partial(run_baseline, articles, [baseline_threshold])),
        )
    )
    base_cpu = rows[-1][1][1]
    print(f"\nthroughput, AllSides @{CV_RATE}/day ({len(articles)} articles)")
    print("| method | articles/s (wall) | articles/s (CPU time) | vs baseline (CPU) |")
    print("| --- | --- | --- | --- |")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall:.0f} | {cpu:.0f} | {cpu / base_cpu:.1f}x |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--quick", action="store_true", help="default settings only: no cross-validation")
    parser.add_argument("--topic", action="store_true", help="the one-topic condition only")
    args = parser.parse_args()
    sets = load(args.data)
    if args.topic:
        threshold = 0.25 if args.quick else float(cross_validate(sets)["overall_baseline"])  # type: ignore[arg-type]
        topic_condition(sets, threshold)
        return
    print("| data | method | BCubed P | BCubed R | BCubed F1 | pairwise F1 | AMI |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    settings, baseline_threshold = DEFAULT_SETTINGS, 0.2
    if not args.quick:
        result = cross_validate(sets)
        held = result["held"]
        assert isinstance(held, dict)
        for key in sorted(held):
            name, method = key.split("/")
            print(table_row(f"{name} @{CV_RATE}/day, held out", method, mean_scores(held[key])), flush=True)
        settings = result["overall"]  # type: ignore[assignment]
        baseline_threshold = result["overall_baseline"]  # type: ignore[assignment]
        print(f"settings chosen over all folds: {settings_text(settings)}; baseline {baseline_threshold}")
    for name, items in sets.items():
        for rate in RATES:
            print_method_rows(f"{name} @{rate}/day", items, rate, settings, baseline_threshold)
    arts, labels = dated_stream(sets["basil"], SEED)
    print(table_row("basil real dates", "ours", scores(labels, run_ours(arts, settings))))
    arts, _ = dense_stream(sets["allsides"], CV_RATE, SEED)
    speed_table(in_publication_order(arts), settings, baseline_threshold)


if __name__ == "__main__":
    main()
