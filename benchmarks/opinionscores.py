"""The framing analysis's opinion score of every article, as a brief reports it, against its threshold.

    python benchmarks/opinionscores.py [--stories benchmarks/data/clusters.jsonl] [--list]

For the Aleppo example and every story of ``--stories`` (the 40 Multi-News stories by default):
each article's share of stance markers outside quotations (``OutletFraming.opinion``, from
``newsbrief.brief`` with the framing analysis only, so the articles are cleaned as in any brief),
then the median, the 90th percentile (nearest rank) and how many articles score above
``OPINION_THRESHOLD`` and so read as opinion. ``--list`` prints every article above 0.02 too.
What moves these numbers is the word lists (``analysis/lexicon.py``'s ``EVALUATIVE`` and the
framing analysis's own intensifiers, modals and first person); the threshold was set by hand on
them, never fitted.
"""

from __future__ import annotations

import argparse
import math
import statistics
from pathlib import Path

from newsbrief import Options, Story, brief, read_stories, read_story
from newsbrief.analysis.framing import OPINION_THRESHOLD

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data" / "clusters.jsonl"
FRAMING = Options(analyses=("framing",))


def scores(story: Story) -> dict[str, float]:
    """Each article's opinion score in the story's brief, keyed "story/article"."""
    framing = brief(story, FRAMING).analysis.framing
    outlets = framing.outlets if framing is not None else ()
    return {f"{story.id}/{outlet.article_id}": outlet.opinion for outlet in outlets}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=DATA)
    parser.add_argument("--list", action="store_true", help="print every article scoring above 0.02")
    args = parser.parse_args()

    aleppo = read_story([ROOT / "examples" / "aleppo"])
    print("Aleppo:", ", ".join(f"{key.split('/')[-1]} {value:.4f}" for key, value in scores(aleppo).items()))
    found: dict[str, float] = {}
    for story in read_stories(args.stories):
        found.update(scores(story))
    values = sorted(found.values())
    p90 = values[math.ceil(0.9 * len(values)) - 1]
    above = sum(value > OPINION_THRESHOLD for value in values)
    print(
        f"{args.stories.name}: {len(values)} articles, median {statistics.median(values):.4f}, "
        f"90th percentile {p90:.4f}, {above} above {OPINION_THRESHOLD}"
    )
    if args.list:
        for key, value in sorted(found.items(), key=lambda item: (-item[1], item[0])):
            if value > 0.02:
                print(f"  {key} {value:.4f}")


if __name__ == "__main__":
    main()
