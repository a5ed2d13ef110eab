"""Throughput of the embedded clusterer on one core, beside a baseline version in the same run.

    PYTHONPATH=src python benchmarks/throughput.py --baseline 64784fc [--articles 5000] [--dense]

Each version (the ``--baseline`` git revision's ``src/``, extracted with ``git archive``, then
this checkout's ``src/``) runs in its own Python process pinned to one core: it reads the
AllSides leads as a dense stream at 70 stories a day (``benchmarks/clustering.py``'s stream,
same seed), takes the first ``--articles`` in publication order and times
``newsbrief.cluster`` on them with an in-memory store, then with a file store (``--db``),
committed as each version commits it (per article up to ``366b090``, per batch of 256 articles after); wall and process CPU time, interpreter start and data loading
excluded. ``--dense`` times the dense embedding too (``ClusterSettings(dense=True)``), with WordLlama
loaded before the timed runs (its load timed apart as start-up) and the embedding cache cleared
before each, so that the file-store run does not reuse the in-memory run's embeddings. Before that, each version clusters the first
20 BASIL articles once, timed apart as its start-up: from the numba version on, the first call
in a process imports numba and loads the compiled kernels from their cache (or compiles them,
when there is no cache yet), a cost per process, not per article. Then each version clusters the
whole BASIL stream at 3 stories a day (a month, so that dormant stories are swept out of the
index), untimed: numba compiles a kernel on its first call, and a revision extracted here has no
cache, so without it the kernels the 20 articles do not reach (the sweep's, the table growths')
would compile inside the timed run of the baseline. BASIL at 70 a day, which this warm-up used
before, spans a day and a half and never reaches the sweep's kernel: the baseline compiled it
inside its first timed run. Since ``cce8aa8`` the kernels declare their signatures and all compile
or load when the first ``Clusterer`` is made, so the warm-up matters only for older baselines.

Then both versions cluster the BASIL, AllSides and Multi-News dense streams (70 stories a day,
whole sets; lexical, and dense with ``--dense``) and the script checks that their stories
(JSON lines as ``newsbrief cluster -o`` writes them) and everything they stored (vectors,
MinHashes, assignments with their similarities, merges) are byte for byte the same: a speed-up
must not change a single output.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from revisions import extract  # benchmarks/ is on sys.path when run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RATE = 70
STREAMS = ("basil", "allsides", "multinews")


def worker(articles: int, dense: bool) -> dict[str, object]:
    """Timings and output digests of the newsbrief on ``sys.path`` (run in a pinned subprocess)."""
    sys.path.insert(0, str(HERE))
    from clustering import DATA, SEED, dense_stream, load
    from newsbrief.model import ClusterSettings
    from newsbrief.rendering import story_record
    from newsbrief.stream import Store, cluster, in_publication_order
    from newsbrief.stream.features import embed

    sets = load(DATA)
    streams = {name: in_publication_order(dense_stream(sets[name], RATE, SEED)[0]) for name in STREAMS}
    modes = {"lexical": ClusterSettings(dense=False)}
    if dense:
        modes["dense"] = ClusterSettings(dense=True)
    timings: dict[str, list[float]] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    cluster(streams["basil"][:20], settings=modes["lexical"])
    timings["start-up, first call"] = [time.perf_counter() - wall, time.process_time() - cpu]
    warm_up = in_publication_order(dense_stream(sets["basil"], 3, SEED)[0])
    cluster(warm_up, settings=modes["lexical"])  # untimed: every kernel compiled or loaded, sweep's too
    if dense:  # loading WordLlama is a cost per process too: timed apart, not in the first dense run
        wall, cpu = time.perf_counter(), time.process_time()
        embed("warm", "up")
        timings["start-up, WordLlama"] = [time.perf_counter() - wall, time.process_time() - cpu]
    sample = streams["allsides"][:articles]
    with tempfile.TemporaryDirectory() as folder:
        for mode, settings in modes.items():
            for where in ("memory", "file"):
                store = Store(None if where == "memory" else Path(folder) / f"{mode}.sqlite")
                embed.cache_clear()  # each timed run embeds its articles itself
                wall, cpu = time.perf_counter(), time.process_time()
                cluster(sample, store=store, settings=settings)
                timings[f"{mode}, {where} store"] = [time.perf_counter() - wall, time.process_time() - cpu]
                store.close()
    digests: dict[str, str] = {}
    for mode, settings in modes.items():
        for name, stream in streams.items():
            store = Store(None)
            stories = cluster(stream, store=store, settings=settings)
            lines = "".join(json.dumps(story_record(story), ensure_ascii=False) + "\n" for story in stories)
            stored = repr([dataclasses.astuple(record) for record in store.articles()])
            stored += repr([dataclasses.astuple(merge) for merge in store.merges()])
            digests[f"{mode} {name} stories"] = hashlib.sha256(lines.encode()).hexdigest()
            digests[f"{mode} {name} store"] = hashlib.sha256(stored.encode()).hexdigest()
            store.close()
    return {"articles": len(sample), "timings": timings, "digests": digests}


def run_version(src: Path, articles: int, dense: bool) -> dict[str, object]:
    """The worker's result for the newsbrief in ``src``, in a fresh process pinned to one core."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, __file__, "--worker", "--articles", str(articles)]
    if dense:
        command.append("--dense")
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git revision to compare with (default: none)")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--dense", action="store_true", help="also time and check the dense embedding")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core; children inherit it
    if args.worker:
        print(json.dumps(worker(args.articles, args.dense)))
        return
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        versions = {"current": ROOT / "src"}
        if args.baseline:
            versions = {f"baseline {args.baseline}": extract(args.baseline, Path(folder)), **versions}
        results = {name: run_version(src, args.articles, args.dense) for name, src in versions.items()}
    print(f"load average after: {os.getloadavg()}")
    print(f"\nAllSides @{RATE}/day, first {args.articles} articles, one core: articles/s wall, CPU")
    for name, result in results.items():
        timings: dict[str, list[float]] = result["timings"]  # type: ignore[assignment]
        for mode, (wall, cpu) in timings.items():
            if mode.startswith("start-up"):
                print(f"  {name:24} {mode:22} {wall:7.2f}s {cpu:7.2f}s (wall, CPU)")
            else:
                print(f"  {name:24} {mode:22} {args.articles / wall:8.0f} {args.articles / cpu:8.0f}")
    if len(results) == 2:
        base, current = results.values()
        for mode in current["timings"]:  # type: ignore[attr-defined]
            if mode.startswith("start-up"):
                continue
            ratio = base["timings"][mode][1] / current["timings"][mode][1]  # type: ignore[index]
            print(f"  CPU speed-up, {mode}: {ratio:.2f}x")
        differ = [key for key in current["digests"] if current["digests"][key] != base["digests"][key]]  # type: ignore[index]
        print("\noutputs identical" if not differ else f"\nOUTPUTS DIFFER: {', '.join(differ)}")


if __name__ == "__main__":
    main()
