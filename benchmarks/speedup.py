"""The summary path beside a baseline revision: the same briefs byte for byte, and the time ratio.

    python benchmarks/speedup.py [--baseline 366b090] [--roundups 300] [--repeat 5] [--no-speed]

Each version (the ``--baseline`` git revision's ``src/``, extracted with ``git archive``, then
this checkout's ``src/``) runs in its own Python process pinned to one core.

Identity: both versions write the JSON brief (``render(brief, "json")``, ``timing_ms`` blanked,
the one field that changes between runs) of every story in both styles (``STYLES``) on the fast
path (no analyses): the 40 Multi-News stories and the Aleppo example at 250 words, and every
seventh-or-so of the AllSides roundups (``--roundups`` stories, evenly spaced through the file)
at 60 words (the roundups benchmark's budget) and at 250. The script stops on the first brief that
differs and shows where.

Speed: each version keeps one worker process (pinned to the same core, the data read before
timing starts); the script asks them in turn, story by story and style by style, for the median
over ``--repeat`` runs of that brief after one warm-up run, wall (``time.perf_counter``) and CPU
(``time.process_time``), so that both versions see the same load. Reported per style: the median
over stories of each version, the ratio of the CPU medians and of the CPU totals, and the median
and range of the per-story CPU ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from revisions import extract  # benchmarks/ is on sys.path when run

if TYPE_CHECKING:
    from newsbrief import Story

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MULTINEWS = HERE / "data" / "clusters.jsonl"
ROUNDUPS = HERE / "data" / "roundups" / "roundups.jsonl"
ALEPPO = ROOT / "examples" / "aleppo"
BUDGETS = {"multinews": (250,), "aleppo": (250,), "roundups": (60, 250)}


def briefs_worker(roundups: int) -> dict[str, str]:
    """Every checked brief as JSON with ``timing_ms`` blanked, keyed by set, story, style, budget."""
    from newsbrief import Options, brief, read_stories, read_story, render
    from newsbrief.model import STYLES

    stories = {
        "multinews": list(read_stories(MULTINEWS)),
        "aleppo": [read_story([ALEPPO])],
        "roundups": _spaced(list(read_stories(ROUNDUPS)), roundups),
    }
    found: dict[str, str] = {}
    for name, sample in stories.items():
        for number, story in enumerate(sample):
            for style in STYLES:
                for words in BUDGETS[name]:
                    document = json.loads(render(brief(story, Options(max_words=words, style=style)), "json"))
                    document["timing_ms"] = None
                    key = f"{name} #{number} ({story.id}) --style {style} --words {words}"
                    found[key] = json.dumps(document, ensure_ascii=False, indent=1)
    return found


def timing_worker(repeat: int) -> None:
    """Answer timing requests from the parent, one per line: "story style" in, the median wall
    and CPU milliseconds of ``repeat`` runs of that brief (after one warm-up run) out, as JSON."""
    from newsbrief import Options, brief, read_stories
    from newsbrief.model import STYLES

    stories = list(read_stories(MULTINEWS))
    print(json.dumps([len(stories), list(STYLES)]), flush=True)  # ready: data read
    for line in sys.stdin:
        number, style = line.split()
        story, options = stories[int(number)], Options(style=style)
        brief(story, options)  # warm-up: caches, lazy imports
        wall, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            brief(story, options)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        print(json.dumps([statistics.median(wall), statistics.median(cpu)]), flush=True)


def _spaced(items: list[Story], count: int) -> list[Story]:
    """``count`` items evenly spaced through ``items`` (all of them when there are fewer)."""
    if count >= len(items):
        return items
    return [items[k * len(items) // count] for k in range(count)]


def run_version(src: Path, *arguments: str) -> dict[str, object]:
    """A worker's result for the newsbrief in ``src``, in a fresh process pinned to one core."""
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, __file__, *arguments], env=env, check=True, capture_output=True, text=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def check_identical(versions: dict[str, Path], roundups: int) -> bool:
    """True when both versions write the same briefs; prints the first that differs."""
    base, current = (
        run_version(src, "--briefs-worker", "--roundups", str(roundups)) for src in versions.values()
    )
    print(f"{len(current)} briefs compared")
    if base.keys() != current.keys():
        print("THE VERSIONS BRIEFED DIFFERENT STORIES")
        return False
    for key, text in current.items():
        if text != base[key]:
            old_lines, new_lines = str(base[key]).splitlines(), str(text).splitlines()
            pairs = enumerate(zip(old_lines, new_lines, strict=False))
            at = next((k for k, (old, new) in pairs if old != new), min(len(old_lines), len(new_lines)))
            print(
                f"DIFFERENT BRIEF: {key}, line {at}:\n  old {old_lines[at : at + 1]}\n  new {new_lines[at : at + 1]}"
            )
            return False
    print("all briefs identical (timing_ms blanked)")
    return True


def compare_speed(versions: dict[str, Path], repeat: int) -> None:
    """Time every Multi-News story in each style in both versions, alternating story by story so
    that both see the same load, and print the medians and the ratio."""
    started = {name: _start_timing_worker(src, repeat) for name, src in versions.items()}
    workers = {name: worker for name, (worker, _) in started.items()}
    stories, styles = started["current"][1]  # the styles this checkout has
    times: dict[str, dict[str, list[list[float]]]] = {
        name: {style: [] for style in styles} for name in versions
    }
    for number in range(stories):
        for style in styles:
            for name, worker in workers.items():
                assert worker.stdin is not None and worker.stdout is not None
                worker.stdin.write(f"{number} {style}\n")
                worker.stdin.flush()
                times[name][style].append(json.loads(worker.stdout.readline()))
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()
    (base_name, base), (name, current) = times.items()
    print(
        f"\nMulti-News, {stories} stories, each the median of {repeat} runs; median over stories, one core:"
    )
    for style in styles:
        old, new = base[style], current[style]
        ratios = [before[1] / after[1] for before, after in zip(old, new, strict=True)]
        print(
            f"  --style {style}: {base_name} {_median(old, 0):.1f} ms wall / {_median(old, 1):.1f} CPU, "
            f"{name} {_median(new, 0):.1f} / {_median(new, 1):.1f}; CPU ratio of the medians "
            f"{_median(old, 1) / _median(new, 1):.2f}x, of the totals {sum(r[1] for r in old) / sum(r[1] for r in new):.2f}x, "
            f"median per story {statistics.median(ratios):.2f}x (range {min(ratios):.2f}-{max(ratios):.2f})"
        )


def _start_timing_worker(src: Path, repeat: int) -> tuple[subprocess.Popen[str], tuple[int, list[str]]]:
    """A timing worker for the newsbrief in ``src``, once it has read the stories; with their
    number and the styles it knows."""
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1"}
    worker = subprocess.Popen(
        [sys.executable, __file__, "--timing-worker", "--repeat", str(repeat)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None
    stories, styles = json.loads(worker.stdout.readline())
    return worker, (stories, styles)


def _median(rows: list[list[float]], column: int) -> float:
    return statistics.median(row[column] for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="366b090", help="git revision to compare with")
    parser.add_argument("--roundups", type=int, default=300, help="roundups stories to check")
    parser.add_argument("--no-speed", dest="speed", action="store_false", help="only check the briefs")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per story, style and version")
    parser.add_argument("--briefs-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--timing-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core; children inherit it
    if args.briefs_worker:
        print(json.dumps(briefs_worker(args.roundups)))
        return
    if args.timing_worker:
        timing_worker(args.repeat)
        return
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        versions = {
            f"baseline {args.baseline}": extract(args.baseline, Path(folder)),
            "current": ROOT / "src",
        }
        identical = check_identical(versions, args.roundups)
        print(f"load average: {os.getloadavg()}")
        if args.speed:
            compare_speed(versions, args.repeat)
    print(f"load average after: {os.getloadavg()}")
    sys.exit(0 if identical else 1)


if __name__ == "__main__":
    main()
