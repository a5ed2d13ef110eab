"""ROUGE of newsbrief beside the peer systems, on the Multi-News stories, as a Markdown table.

    python benchmarks/quality.py [--stories benchmarks/data/clusters.jsonl] [--peers benchmarks/data/peers.jsonl] [--words 250]

The same scoring as ``newsbrief eval`` (rouge-score, Porter stemming, F1; ROUGE-Lsum on one
sentence per line, split by blingfire for every system alike), plus newsbrief's per-split means
and its worst stories, so a loss is visible and not averaged away.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from newsbrief import Options, read_stories
from newsbrief.evaluate import SYSTEM_NAME, evaluate, read_peers, score_summary

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=DATA / "clusters.jsonl")
    parser.add_argument("--peers", type=Path, default=DATA / "peers.jsonl")
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()

    stories = tuple(read_stories(args.stories))
    peers = read_peers(args.peers) if args.peers.exists() else None
    scores, results, skipped = evaluate(stories, options=Options(max_words=args.words), peers=peers)
    unscored = f" ({len(skipped)} without article text not scored)" if skipped else ""
    print(f"{len(results)} stories{unscored}, {args.words}-word budget for newsbrief\n")
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | words |")
    print("| --- | --- | --- | --- | --- |")
    for score in sorted(scores, key=lambda s: (s.system != SYSTEM_NAME, -s.rouge1)):
        name = f"**{score.system}**" if score.system == SYSTEM_NAME else score.system
        print(
            f"| {name} | {score.rouge1:.3f} | {score.rouge2:.3f} | {score.rouge_lsum:.3f} | {score.words:.0f} |"
        )

    splits = {json.loads(line)["id"]: json.loads(line).get("split", "?") for line in _lines(args.stories)}
    references = {story.id: story.reference or "" for story in stories}
    per_story = {r.story_id: score_summary(references[r.story_id], r.prediction) for r in results}
    print("\nnewsbrief by split:")
    for split in sorted(set(splits.values())):
        rows = [per_story[i] for i in per_story if splits.get(i) == split]
        print(
            f"- {split} ({len(rows)} stories): ROUGE-1 {statistics.mean(r[0] for r in rows):.3f}, "
            f"ROUGE-2 {statistics.mean(r[1] for r in rows):.3f}"
        )
    worst = sorted(per_story.items(), key=lambda item: item[1][0])[:3]
    print("worst stories (ROUGE-1): " + ", ".join(f"{i} {s[0]:.3f}" for i, s in worst))


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    main()
