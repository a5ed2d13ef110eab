"""Speed of the full cross-source analysis, beside the spaCy parse it rests on, in one run.

    python benchmarks/analysis.py [--stories benchmarks/data/clusters.jsonl] [--repeat 5]

Per story of about 2,000 words (the Multi-News stories of 1,500 to 2,500 words, and the Aleppo
example): the median over ``--repeat`` runs of ``brief()`` with every analysis on, after the
model is loaded and one warm-up run, beside the median time of the bare spaCy parse of the same
articles (``nlp.pipe``), the floor any spaCy-based analysis pays. Then batch mode: all stories
through ``briefs()`` (one ``nlp.pipe`` stream) against one ``brief()`` call per story.
Absolute times depend on the machine and its load; the ratios are the numbers to compare.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsbrief import ANALYSES, Options, Story, brief, briefs, read_story
from newsbrief.analysis.nlp import load_nlp, parse
from newsbrief.pipeline.brief import _prepare
from speed import DEFAULT_STORIES, ROOT, load_stories  # benchmarks/ is on sys.path when run as a script

FULL = Options(analyses=ANALYSES)
MIN_WORDS, MAX_WORDS = 1500, 2500


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def words(story: Story) -> int:
    return sum(len(article.text.split()) for article in story.articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, default=DEFAULT_STORIES)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    stories = load_stories(args.stories)
    aleppo = read_story([ROOT / "examples" / "aleppo"])
    sized = [aleppo] + [story for story in stories if MIN_WORDS <= words(story) <= MAX_WORDS]
    load_nlp()
    print("| story | words | full analysis, median ms | spaCy parse alone, ms | analysis / parse |")
    print("| --- | ---: | ---: | ---: | ---: |")
    totals, parses = [], []
    for story in sized:
        cleaned = _prepare(story)[0]
        total = median_ms(lambda story=story: brief(story, FULL), args.repeat)
        parse_only = median_ms(lambda cleaned=cleaned: parse(cleaned), args.repeat)
        totals.append(total)
        parses.append(parse_only)
        name = story.id or "aleppo"
        print(f"| {name} | {words(story)} | {total:.0f} | {parse_only:.0f} | {total / parse_only:.2f} |")
    print(
        f"| **median of {len(sized)}** | | **{statistics.median(totals):.0f}** | {statistics.median(parses):.0f} |"
        f" {statistics.median(totals) / statistics.median(parses):.2f} |"
    )
    start = time.perf_counter()
    for story in stories:
        brief(story, FULL)
    one_by_one = time.perf_counter() - start
    start = time.perf_counter()
    batch = list(briefs(stories, FULL))
    batched = time.perf_counter() - start
    assert batch == [brief(story, FULL) for story in stories], "batch mode must give the same briefs"
    print()
    print(f"| all {len(stories)} stories, full analysis | seconds |")
    print("| --- | ---: |")
    print(f"| one `brief()` per story | {one_by_one:.2f} |")
    print(f"| `briefs()`, one spaCy stream | {batched:.2f} ({one_by_one / batched:.2f}x) |")


if __name__ == "__main__":
    main()
