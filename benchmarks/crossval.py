"""K-fold cross-validation of selection settings on the Multi-News development stories.

    python benchmarks/crossval.py [--folds 5] [--grid NAME=v1,v2,... ...]

Each ``--grid`` names a module constant of ``newsbrief.pipeline.select`` and the values to try (default:
the sentence prior's two weights, ``CENTROID_WEIGHT`` and ``QUOTE_BONUS``). Every setting of the
grid summarizes all stories once with the product code (``newsbrief.brief`` at the default
250-word budget) and scores each summary with ``newsbrief.evaluate.score_summary``. Then, for
each fold (stories in file order, split into ``--folds`` contiguous parts), the setting with the
best mean of ROUGE-1 and ROUGE-2 on the other folds is picked and scored on the held-out one.
Prints each fold's choice, the held-out means, and the whole grid on all stories, as Markdown.

With ``--roundups PATH`` (the AllSides roundups, summarized at ``--roundup-words``, 60) the folds
are pooled: fold k holds out the k-th part of each data set, and a setting's score on the
training folds is the mean of the two data sets' means, so the 2,130 short roundups do not drown
the 40 Multi-News stories. Held-out scores are printed per data set. ``--style neutral`` tunes
the neutral style's constants (``BALANCE_WEIGHT``, ``DOMINANT_DISCOUNT``,
``NEUTRAL_CENTROID_WEIGHT`` take effect only there).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsbrief import Options, Story, read_stories
from newsbrief.model import STYLES
from newsbrief.pipeline import select as select_module
from scoring import summary_rouge  # benchmarks/ is on sys.path when run

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


def score_setting(
    setting: Setting, stories: Sequence[Story], max_words: int = 250, style: str = "extract"
) -> np.ndarray:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of each story's summary under this setting (stories × 3)."""
    saved = {name: getattr(select_module, name) for name, _ in setting}
    try:
        for name, value in setting:
            setattr(select_module, name, value)
        options = Options(max_words=max_words, style=style)
        return np.array([summary_rouge(story, options) for story in stories])
    finally:
        for name, value in saved.items():
            setattr(select_module, name, value)


def label(setting: Setting) -> str:
    return ", ".join(f"{name}={value:g}" for name, value in setting)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=DATA)
    parser.add_argument("--roundups", type=Path, default=None)
    parser.add_argument("--roundup-words", type=int, default=60)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--grid", nargs="+", default=list(DEFAULT_GRID))
    parser.add_argument("--style", choices=STYLES, default="extract", help="the summary style to tune")
    args = parser.parse_args()

    sets = {"Multi-News": (tuple(read_stories(args.stories)), 250)}
    if args.roundups is not None:
        sets["roundups"] = (
            tuple(story for story in read_stories(args.roundups) if story.reference),
            args.roundup_words,
        )
    settings = parse_grid(args.grid)
    scores = {
        name: {setting: score_setting(setting, stories, words, args.style) for setting in settings}
        for name, (stories, words) in sets.items()
    }
    folds = {name: np.array_split(np.arange(len(stories)), args.folds) for name, (stories, _) in sets.items()}

    def train_objective(setting: Setting, fold: int) -> float:
        means = []
        for name, (stories, _) in sets.items():
            train = np.setdiff1d(np.arange(len(stories)), folds[name][fold])
            means.append(scores[name][setting][train, :2].mean())
        return float(np.mean(means))

    sizes = ", ".join(f"{len(stories)} {name} stories" for name, (stories, _) in sets.items())
    print(f"{sizes}; {args.folds} folds, {len(settings)} settings\n")
    names = list(sets)
    print("| fold | chosen | " + " | ".join(f"held-out {name} R-1 / R-2 / R-Lsum" for name in names) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in names) + " |")
    held_out: dict[str, list[np.ndarray]] = {name: [] for name in names}
    for fold in range(args.folds):
        best = max(settings, key=lambda setting: (train_objective(setting, fold), -settings.index(setting)))
        cells = []
        for name in names:
            fold_scores = scores[name][best][folds[name][fold]].mean(axis=0)
            held_out[name].append(fold_scores)
            cells.append(" / ".join(f"{value:.3f}" for value in fold_scores))
        print(f"| {fold + 1} | {label(best)} | " + " | ".join(cells) + " |")
    cells = []
    for name in names:
        means = np.mean(held_out[name], axis=0)
        spread = [statistics.stdev(fold[k] for fold in held_out[name]) for k in range(2)]
        cells.append(
            f"**{means[0]:.3f} / {means[1]:.3f}** / {means[2]:.3f} (sd {spread[0]:.3f} / {spread[1]:.3f})"
        )
    print("| **mean** | | " + " | ".join(cells) + " |\n")
    print("| setting | " + " | ".join(f"{name} R-1 / R-2 / R-Lsum" for name in names) + " |")
    print("| --- | " + " | ".join("---" for _ in names) + " |")
    for setting in settings:
        cells = [" / ".join(f"{value:.3f}" for value in scores[name][setting].mean(axis=0)) for name in names]
        print(f"| {label(setting)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
