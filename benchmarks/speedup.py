"""The summary path beside a baseline revision: the same briefs byte for byte, and the time ratio.

    python benchmarks/speedup.py [--baseline 366b090] [--roundups 300] [--rounds 3] [--repeat 3]

Each version (the ``--baseline`` git revision's ``src/``, extracted with ``git archive``, then
this checkout's ``src/``) runs in its own Python process pinned to one core.

Identity: both versions write the JSON brief (``render(brief, "json")``, ``timing_ms`` blanked,
the one field that changes between runs) of every story in both styles (``STYLES``) on the fast
path (no analyses): the 40 Multi-News stories and the Aleppo example at 250 words, and every
seventh-or-so of the AllSides roundups (``--roundups`` stories, evenly spaced through the file)
at 60 words (the roundups benchmark's budget) and at 250. The script stops on the first brief that
differs and shows where.

Speed: ``--rounds`` rounds, each running the baseline then the current version, each timing
every Multi-News story in each style: the median over ``--repeat`` runs after one warm-up, wall
(``time.perf_counter``) and CPU (``time.process_time``), interpreter start and reading excluded,
as ``speed.py`` times it. Reported: per version and style the median over stories of the best
round (the round least disturbed by other jobs), and the ratio of the medians round by round.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

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


def timing_worker(repeat: int) -> dict[str, list[list[float]]]:
    """Per style, each Multi-News story's median wall and CPU milliseconds over ``repeat`` runs."""
    from newsbrief import Options, brief, read_stories
    from newsbrief.model import STYLES

    stories = list(read_stories(MULTINEWS))
    found: dict[str, list[list[float]]] = {style: [] for style in STYLES}
    for story in stories:
        for style in STYLES:
            options = Options(style=style)
            brief(story, options)  # warm-up: caches, lazy imports
            wall, cpu = [], []
            for _ in range(repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                brief(story, options)
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            found[style].append([statistics.median(wall), statistics.median(cpu)])
    return found


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


def extract(revision: str, folder: Path) -> Path:
    """The ``src/`` tree of a git revision, unpacked into ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "src"], check=True, capture_output=True
    ).stdout
    tar_path = folder / "src.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


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


def compare_speed(versions: dict[str, Path], rounds: int, repeat: int) -> None:
    """Alternate the versions ``rounds`` times and print their medians and ratios."""
    medians: dict[str, dict[str, list[tuple[float, float]]]] = {name: {} for name in versions}
    for _ in range(rounds):
        for name, src in versions.items():
            result = run_version(src, "--timing-worker", "--repeat", str(repeat))
            for style, rows in result.items():
                wall = statistics.median(row[0] for row in rows)  # type: ignore[attr-defined]
                cpu = statistics.median(row[1] for row in rows)  # type: ignore[attr-defined]
                medians[name].setdefault(style, []).append((wall, cpu))
    (base_name, base), (name, current) = medians.items()
    print(f"\nMulti-News, 40 stories, median ms per story (wall / CPU), one core, {rounds} rounds:")
    for style in current:
        rounds_text = "; ".join(
            f"{old[0]:.1f}/{old[1]:.1f} -> {new[0]:.1f}/{new[1]:.1f} ({old[1] / new[1]:.2f}x CPU)"
            for old, new in zip(base[style], current[style], strict=True)
        )
        best_old, best_new = min(base[style]), min(current[style])
        ratios = [old[1] / new[1] for old, new in zip(base[style], current[style], strict=True)]
        print(f"  --style {style}: {rounds_text}")
        print(
            f"    best round: {base_name} {best_old[0]:.1f} wall / {best_old[1]:.1f} CPU, "
            f"{name} {best_new[0]:.1f} / {best_new[1]:.1f}; CPU ratio median {statistics.median(ratios):.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="366b090", help="git revision to compare with")
    parser.add_argument("--roundups", type=int, default=300, help="roundups stories to check")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timing rounds (0: none)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per story and style")
    parser.add_argument("--briefs-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--timing-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core; children inherit it
    if args.briefs_worker:
        print(json.dumps(briefs_worker(args.roundups)))
        return
    if args.timing_worker:
        print(json.dumps(timing_worker(args.repeat)))
        return
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        versions = {
            f"baseline {args.baseline}": extract(args.baseline, Path(folder)),
            "current": ROOT / "src",
        }
        identical = check_identical(versions, args.roundups)
        print(f"load average: {os.getloadavg()}")
        if args.rounds:
            compare_speed(versions, args.rounds, args.repeat)
    print(f"load average after: {os.getloadavg()}")
    sys.exit(0 if identical else 1)


if __name__ == "__main__":
    main()
