"""K-fold cross-validation of selection settings on the Multi-News development stories.

    python benchmarks/crossval.py [--folds 5] [--grid NAME=v1,v2,... ...]

Each ``--grid`` names a module constant of ``newsbrief.pipeline.select`` and the values to try (default:
the sentence prior's two weights, ``CENTROID_WEIGHT`` and ``QUOTE_BONUS``). Every setting of the
grid summarizes all stories once with the product code (``newsbrief.brief`` at the default
250-word budget) and scores each summary with ``newsbrief.evaluate.score_summary``. Then, for
each fold (stories in file order, split into ``--folds`` contiguous parts), the setting with the
best mean of ROUGE-1 and ROUGE-2 on the other folds is picked and scored on the held-out one.
Prints each fold's choice, the held-out means, and the whole grid on all stories, as Markdown.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsbrief import Options, Story, brief, read_stories
from newsbrief.evaluate import score_summary
from newsbrief.pipeline import select as select_module

DATA = Path(__file__).resolve().parent / "data" / "clusters.jsonl"
DEFAULT_GRID = ("CENTROID_WEIGHT=0,0.25,0.5,0.75,1,1.5", "QUOTE_BONUS=0,0.1,0.2,0.3,0.4")

Setting = tuple[tuple[str, float], ...]


def parse_grid(specs: Sequence[str]) -> list[Setting]:
    """Every combination of the named constants' values."""
    axes = []
    for spec in specs:
        name, values = spec.split("=", 1)
        if not hasattr(select_module, name):
            raise SystemExit(f"error: newsbrief.pipeline.select has no constant {name}")
        axes.append([(name, float(value)) for value in values.split(",")])
    return [tuple(combination) for combination in itertools.product(*axes)]


def score_setting(setting: Setting, stories: Sequence[Story]) -> np.ndarray:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of each story's summary under this setting (stories × 3)."""
    saved = {name: getattr(select_module, name) for name, _ in setting}
    try:
        for name, value in setting:
            setattr(select_module, name, value)
        rows = []
        for story in stories:
            summary = "\n".join(line.text for line in brief(story, Options()).summary)
            rows.append(score_summary(story.reference or "", summary))
        return np.array(rows)
    finally:
        for name, value in saved.items():
            setattr(select_module, name, value)


def label(setting: Setting) -> str:
    return ", ".join(f"{name}={value:g}" for name, value in setting)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--grid", nargs="+", default=list(DEFAULT_GRID))
    args = parser.parse_args()

    stories = tuple(read_stories(args.stories))
    settings = parse_grid(args.grid)
    scores = {setting: score_setting(setting, stories) for setting in settings}
    objective = {setting: rows[:, :2].mean(axis=1) for setting, rows in scores.items()}
    folds = np.array_split(np.arange(len(stories)), args.folds)

    print(f"{len(stories)} stories, {args.folds} folds, {len(settings)} settings\n")
    print("| fold | chosen | held-out ROUGE-1 | held-out ROUGE-2 | held-out ROUGE-Lsum |")
    print("| --- | --- | --- | --- | --- |")
    held_out = []
    for number, held in enumerate(folds, start=1):
        train = np.setdiff1d(np.arange(len(stories)), held)
        best = max(settings, key=lambda setting: (objective[setting][train].mean(), -settings.index(setting)))
        fold_scores = scores[best][held].mean(axis=0)
        held_out.append(fold_scores)
        print(
            f"| {number} | {label(best)} | {fold_scores[0]:.3f} | {fold_scores[1]:.3f} | {fold_scores[2]:.3f} |"
        )
    means = np.mean(held_out, axis=0)
    spread = [statistics.stdev(fold[k] for fold in held_out) for k in range(3)]
    print(
        f"| **mean** | | **{means[0]:.3f}** (sd {spread[0]:.3f}) | **{means[1]:.3f}** (sd {spread[1]:.3f}) "
        f"| {means[2]:.3f} |\n"
    )
    print("| setting | ROUGE-1 | ROUGE-2 | ROUGE-Lsum |")
    print("| --- | --- | --- | --- |")
    for setting in sorted(settings, key=lambda setting: -objective[setting].mean()):
        r1, r2, rl = scores[setting].mean(axis=0)
        print(f"| {label(setting)} | {r1:.3f} | {r2:.3f} | {rl:.3f} |")


if __name__ == "__main__":
    main()
