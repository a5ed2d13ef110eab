"""Speed and memory of newsbrief beside sumy's LexRank, measured in one run on the same stories.

    python benchmarks/speed.py [--stories benchmarks/data/clusters.jsonl] [--repeat 5]

Per story: the median over ``--repeat`` runs of newsbrief's fast path (summary only, no NLP
model) in each style (``STYLES``, the default first; the styles run back to back on each story,
so they see the same load) and of sumy's LexRank cut at the same word budget, all on one core
in this process, after one warm-up run each, interpreter start not counted; wall time, and CPU
time (``time.process_time``) beside it, which a loaded machine disturbs less. sumy is handed a tokenizer backed by
the same sentence splitter as newsbrief (blingfire), as the data README advises, so the
comparison is between the summarizers. Then, as subprocesses: the wall time of the whole
``newsbrief eval`` on the stories (interpreter start included), and the peak resident memory of
``newsbrief summarize`` on the Aleppo example. Absolute times depend on the machine and its
load; the ratio is the number to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import blingfire

from common import document_articles  # benchmarks/ is on sys.path when run
from newsbrief import Options, Story, brief
from newsbrief.evaluate import score_summary
from newsbrief.model import STYLES
from scoring import summary_rouge

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORIES = ROOT / "benchmarks" / "data" / "clusters.jsonl"
WORD = re.compile(r"\w+(?:'\w+)?")


class BlingfireTokenizer:
    """The tokenizer interface sumy's PlaintextParser expects, backed by newsbrief's splitter."""

    language = "english"

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(line for line in blingfire.text_to_sentences(text).split("\n") if line.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(WORD.findall(sentence))


def load_stories(path: Path) -> list[Story]:
    stories = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles = document_articles(record["documents"])
        stories.append(Story(articles=articles, id=record["id"], reference=record["summary"]))
    return stories


def lexrank(max_words: int) -> Callable[[Story], str]:
    """sumy's LexRank on the story's documents joined, ranked sentences cut at ``max_words``."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = BlingfireTokenizer()

    def cut(ranked: list[object]) -> list[object]:
        kept, words = [], 0
        for info in ranked:
            count = len(str(info.sentence).split())  # type: ignore[attr-defined]
            if words + count > max_words:
                continue
            kept.append(info)
            words += count
        return kept

    def run(story: Story) -> str:
        text = "\n\n".join(article.text for article in story.articles)
        document = PlaintextParser.from_string(text, tokenizer).document
        return "\n".join(str(sentence) for sentence in summarizer(document, cut))

    return run


def median_ms(function: Callable[[Story], object], story: Story, repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``repeat`` runs, after one warm-up run."""
    function(story)  # warm-up: caches, lazy imports
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        function(story)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def child_run(arguments: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``newsbrief`` subprocess."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsbrief", *arguments],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=DEFAULT_STORIES)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core for both summarizers
    stories = load_stories(args.stories)
    styles = {style: Options(max_words=args.words, style=style) for style in STYLES}
    peer = lexrank(args.words)
    ours: dict[str, list[tuple[float, float]]] = {style: [] for style in styles}
    for story in stories:
        for style, options in styles.items():
            ours[style].append(
                median_ms(lambda story, options=options: brief(story, options), story, args.repeat)
            )
    theirs = [median_ms(peer, story, args.repeat) for story in stories]
    # RUSAGE_CHILDREN keeps the largest child's peak, so the small run must come first.
    _, summarize_mb = child_run(["summarize", str(ROOT / "examples" / "aleppo")])
    eval_seconds, _ = child_run(["eval", str(args.stories), "--words", str(args.words)])

    names = [f"newsbrief --style {style}" for style in styles]
    print(f"{len(stories)} stories, median of {args.repeat} runs per story, {args.words}-word summaries\n")
    print("| measure | " + " | ".join(names) + " | sumy LexRank |")
    print("| --- | " + " | ".join("---" for _ in names) + " | --- |")
    theirs_wall = statistics.median(wall for wall, _ in theirs)
    cells = [
        f"{_median(ours[style], 0):.1f} ({theirs_wall / _median(ours[style], 0):.1f}x faster)"
        for style in styles
    ]
    print(f"| median ms per story, wall (one core) | {' | '.join(cells)} | {theirs_wall:.1f} |")
    cells = [f"{_median(ours[style], 1):.1f}" for style in styles]
    print(f"| median ms per story, CPU | {' | '.join(cells)} | {_median(theirs, 1):.1f} |")
    cells = [f"{max(wall for wall, _ in ours[style]):.1f}" for style in styles]
    print(f"| slowest story, ms | {' | '.join(cells)} | {max(wall for wall, _ in theirs):.1f} |")
    blanks = " | ".join("" for _ in names[1:])
    print(
        f"| whole `newsbrief eval` of {len(stories)} stories, s (with start-up) | {eval_seconds:.1f} | {blanks} | |"
    )
    print(f"| peak RSS of `newsbrief summarize examples/aleppo`, MB | {summarize_mb:.0f} | {blanks} | |")
    cells = []
    for options in styles.values():
        rouge = [summary_rouge(s, options) for s in stories]
        cells.append(f"{_mean(rouge, 0):.3f} / {_mean(rouge, 1):.3f}")
    theirs_rouge = [score_summary(s.reference or "", peer(s)) for s in stories]
    print(
        f"| ROUGE-1 / ROUGE-2 at {args.words} words | {' | '.join(cells)} "
        f"| {_mean(theirs_rouge, 0):.3f} / {_mean(theirs_rouge, 1):.3f} |"
    )


def _median(times: list[tuple[float, float]], column: int) -> float:
    return statistics.median(row[column] for row in times)


def _mean(rows: list[tuple[float, float, float]], column: int) -> float:
    return statistics.mean(row[column] for row in rows)


if __name__ == "__main__":
    main()
