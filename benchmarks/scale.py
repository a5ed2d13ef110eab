"""Scale-out on Dask: quality against the embedded path, and wall time and memory against N.

    PYTHONPATH=src python benchmarks/scale.py --quality                  # dask vs embedded, BCubed
    PYTHONPATH=src python benchmarks/scale.py --sizes 100000 --workers 1 2

Quality: on the dev dense streams of ``benchmarks/clustering.py`` (same data, seed and scoring),
the BCubed F1 of ``--engine dask`` (2 workers, windows of ``--partition-days``) beside the
embedded path's; the issue asks for a difference of at most 0.01.

Scale: a synthetic stream of N articles made from the dev articles (throughput only, not
quality): article i copies a dev article chosen by a seeded generator, cut to its first
``WORDS`` words, with one word in ``PERTURB_EVERY`` replaced by a word of another dev article (so
copies are not MinHash duplicates and skip nothing), published ``ARTICLES_A_DAY`` a day. Each
size runs on a fresh LocalCluster of 1 and of 2 worker processes (one thread each); the wall
time covers windowing, the tasks and the reduce step, not the cluster's start or the generator;
the peak memory per worker is the highest RSS of each worker process, sampled every 0.2 s; the
CPU seconds of each worker process and of the client process (which on a LocalCluster also runs
the scheduler and the nannies, and does the reduce step) during the run, which say how much of
two cores the client takes from the workers; the machine's 1-minute load average is printed from
before and after each run (the machine is shared).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clustering import DATA, RATES, SEED, dense_stream, load, run_ours, scores
from newsbrief.model import Article
from newsbrief.stream.cluster import DEFAULT_SETTINGS
from newsbrief.stream.engines import DEFAULT_PARTITION_DAYS, cluster_on_dask, dask_client

ARTICLES_A_DAY = 500
WORDS = 120
PERTURB_EVERY = 8
SAMPLE_S = 0.2


def synthetic_stream(n_articles: int, seed: int = SEED) -> list[Article]:
    """N articles made from the dev articles at ``ARTICLES_A_DAY`` a day (deterministic in the seed)."""
    dev = [(title, text.split()[:WORDS]) for items in load(DATA).values() for _, title, text, _, _ in items]
    vocabulary = sorted({word for _, words in dev for word in words})
    rng = random.Random(seed)
    articles = []
    for number in range(n_articles):
        title, words = dev[rng.randrange(len(dev))]
        words = [rng.choice(vocabulary) if rng.randrange(PERTURB_EVERY) == 0 else word for word in words]
        offset_s = (number + rng.random()) / ARTICLES_A_DAY * 86_400.0
        articles.append(
            Article(
                id=f"n{number}",
                outlet=f"outlet{rng.randrange(50)}",
                title=title,
                url=None,
                published=datetime.fromtimestamp(1_600_000_000 + offset_s, tz=UTC).isoformat(),
                text=" ".join(words),
            )
        )
    return articles


def quality(partition_days: float) -> None:
    """BCubed F1 of the Dask engine beside the embedded path's on the dev dense streams."""
    sets = load(DATA)
    print("| data | embedded BCubed F1 | dask BCubed F1 | difference |")
    print("| --- | --- | --- | --- |")
    differences = []
    with dask_client(workers=2) as client:
        for name, items in sets.items():
            for rate in RATES:
                articles, labels = dense_stream(items, rate, SEED)
                stories = cluster_on_dask(articles, client=client, partition_days=partition_days)
                dask = scores(labels, {key: n for n, story in enumerate(stories) for key in story.articles})
                embedded = scores(labels, run_ours(articles, DEFAULT_SETTINGS))
                differences.append(dask["F1"] - embedded["F1"])
                print(
                    f"| {name} @{rate}/day | {embedded['F1']:.3f} | {dask['F1']:.3f} | "
                    f"{differences[-1]:+.4f} |",
                    flush=True,
                )
    print(f"largest difference {max(differences, key=abs):+.4f} (partition_days {partition_days})")


def scale(sizes: Sequence[int], workers: Sequence[int], partition_days: float) -> None:
    """Wall time and peak RSS per worker for each size and worker count."""
    print(
        "| N | workers | windows | wall time (s) | articles/s | peak RSS per worker (MB) "
        "| CPU per worker (s) | client CPU (s) | load before, after |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for n_articles in sizes:
        articles = synthetic_stream(n_articles)
        for n_workers in workers:
            with dask_client(workers=n_workers) as client:
                pids = client.run(os.getpid)
                peaks = _Peaks([int(pid) for pid in pids.values()])
                processes = [psutil.Process(int(pid)) for pid in sorted(pids.values())]
                peaks.start()
                load_before = os.getloadavg()[0]
                cpu_before = [_cpu_s(process) for process in (psutil.Process(), *processes)]
                start = time.perf_counter()
                stories = cluster_on_dask(articles, client=client, partition_days=partition_days)
                wall_s = time.perf_counter() - start
                cpu = [_cpu_s(p) - b for p, b in zip((psutil.Process(), *processes), cpu_before, strict=True)]
                peaks.stop()
            n_windows = math.ceil(n_articles / ARTICLES_A_DAY / partition_days)
            memory = ", ".join(f"{peak / 2**20:.0f}" for peak in peaks.peaks())
            print(
                f"| {n_articles:,} | {n_workers} | {n_windows} | {wall_s:.0f} | "
                f"{n_articles / wall_s:.0f} | {memory} | {', '.join(f'{s:.0f}' for s in cpu[1:])} | "
                f"{cpu[0]:.0f} | {load_before:.1f}, {os.getloadavg()[0]:.1f} |",
                flush=True,
            )
            del stories


def _cpu_s(process: psutil.Process) -> float:
    """User and system CPU seconds the process has used so far."""
    times = process.cpu_times()
    return float(times.user + times.system)


class _Peaks(threading.Thread):
    """Samples the RSS of the worker processes until stopped; keeps each one's highest."""

    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self._processes = [psutil.Process(pid) for pid in sorted(pids)]
        self._peaks = [0] * len(self._processes)
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            for index, process in enumerate(self._processes):
                try:
                    self._peaks[index] = max(self._peaks[index], process.memory_info().rss)
                except psutil.NoSuchProcess:
                    continue
            self._done.wait(SAMPLE_S)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def peaks(self) -> list[int]:
        return list(self._peaks)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quality", action="store_true", help="dask against embedded on the dev dense streams"
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="synthetic stream sizes N")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-days", type=float, default=DEFAULT_PARTITION_DAYS)
    args = parser.parse_args()
    if args.quality:
        quality(args.partition_days)
    if args.sizes:
        scale(args.sizes, args.workers, args.partition_days)
    if not args.quality and not args.sizes:
        parser.error("ask for --quality and/or --sizes")


if __name__ == "__main__":
    main()
