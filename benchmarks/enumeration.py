"""Diagnostic: does a better search of the neutral selection's objective raise ROUGE?

    python benchmarks/enumeration.py [--set roundups|multinews|excerpts] [--seeds 2] [--top K]
        [--limit N] [--objectives greedy,plain,prior]

``_cover_under_budget`` takes lines greedily by new concept weight per √words (times the
sentence prior). For budgeted maximum coverage that greedy has no approximation guarantee; the
known fixes are the better of the greedy set and the best single unit (Lin & Bilmes 2010) and
partial enumeration (Khuller, Moss & Naor 1999): seed the greedy with every feasible set of
1..``--seeds`` units and keep the best completed set (``--seeds 0``: Lin & Bilmes's rule, the
greedy set or the best single unit alone, whichever scores higher). This runs the product's greedy as it is,
then again from every seed (units among the ``--top`` best by first-step value, all if 0; a seed
is feasible when each of its units, in story order, is eligible where the greedy would take it:
it fits, is not redundant, has its predecessor if it points back, and is not in an outlet's own
voice), completing each with the same greedy and its rules, and keeps the completed set with the
highest objective (ties: the greedy's set, then the first seed in order). The product code is
not changed: the seeds are forced through a wrapper of ``select._preferred``, the function the
greedy asks for each step's unit.

Objectives (``--objectives``; ``greedy`` is the product's own selection, the baseline):
``plain``, the covered concept weight; ``prior``, each covered concept's weight times the largest
sentence prior of the chosen units that cover it (the greedy's gain × prior as a set function).
Prints ROUGE-1/2/Lsum (``newsbrief.evaluate.score_summary``) and words for each, the per-story
ROUGE difference from the greedy with its standard error, how many stories' objective the
search raised and by how much, and in how many the best single unit alone beats the greedy set.
Sets: the 2,130 roundups at 60 words, the 40 Multi-News stories at 250, or ``excerpts.py``'s
150-word proxy at 60.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from excerpts import cut  # benchmarks/ is on sys.path when this file is run
from newsbrief import Options, Story, read_stories
from newsbrief.evaluate import score_summary
from newsbrief.pipeline import select as select_module
from newsbrief.pipeline.voice import own_voice
from scoring import summary_text

DATA = Path(__file__).resolve().parent / "data"
GREEDY = select_module._cover_under_budget
PREFERRED = select_module._preferred


class Seeded:
    """Forces the greedy's first steps to the units of ``seed``; ``feasible`` turns False when one
    is not eligible where it would be taken (its value is -inf)."""

    def __init__(self) -> None:
        self.seed: tuple[int, ...] = ()
        self.step = 0
        self.feasible = True

    def __call__(self, value: NDArray[np.float64], tiers: list[NDArray[np.bool_]], *, first: bool) -> int:
        if self.step < len(self.seed):
            unit = self.seed[self.step]
            self.step += 1
            if not np.isfinite(value[unit]):
                self.feasible = False
                return -1
            return unit
        return PREFERRED(value, tiers, first=first)

    def run(self, seed: tuple[int, ...], greedy: Callable[[], list[int]]) -> list[int] | None:
        self.seed, self.step, self.feasible = seed, 0, True
        try:
            chosen = greedy()
        finally:
            self.seed = ()
        return chosen if self.feasible and len(chosen) >= len(seed) else None


SEEDED = Seeded()


def unit_columns(units: list[tuple[int, ...]], concepts: csr_matrix, u: int) -> NDArray[np.int64]:
    """The concepts any sentence of unit ``u`` uses."""
    members = units[u] or (u,)
    return np.unique(
        np.concatenate([concepts.indices[concepts.indptr[j] : concepts.indptr[j + 1]] for j in members])
    )


def objective(
    kind: str,
    chosen: Sequence[int],
    columns: list[NDArray[np.int64]],
    weights: NDArray[np.float64],
    prior: NDArray[np.float64],
) -> float:
    """Covered concept weight (``plain``) or each covered concept's weight times the largest prior
    of the chosen units covering it (``prior``)."""
    best = np.zeros(len(weights))
    for u in chosen:
        best[columns[u]] = np.maximum(best[columns[u]], prior[u] if kind == "prior" else 1.0)
    return float(weights @ best)


class Search:
    """The replacement of ``_cover_under_budget``: the greedy, then partial enumeration."""

    def __init__(self, kind: str, seeds: int, top: int) -> None:
        self.kind, self.seeds, self.top = kind, seeds, top
        self.stats: list[dict[str, Any]] = []

    def __call__(self, *args: Any, neutral: bool) -> list[int]:
        sentences, units, concepts, weights, prior = args[:5]
        max_words = args[6]
        greedy = GREEDY(*args, neutral=neutral)
        if self.kind == "greedy" or not neutral:
            return greedy
        columns = [unit_columns(units, concepts, u) for u in range(len(units))]
        words = np.array(
            [sum(len(sentences[j].text.split()) for j in (unit or (i,))) for i, unit in enumerate(units)]
        )
        first_value = (
            np.array([weights[c].sum() for c in columns])
            * prior
            / np.maximum(words, 1) ** select_module.LENGTH_POWER
        )
        pool = [
            int(u)
            for u in np.argsort(-first_value, kind="stable")
            if units[u]
            and words[u] <= max_words
            and own_voice(" ".join(sentences[j].text for j in units[u])) is None
            and SEEDED.run((int(u),), lambda: GREEDY(*args, neutral=neutral)) is not None
        ]
        if self.top:
            pool = pool[: self.top]
        best, best_value = greedy, objective(self.kind, greedy, columns, weights, prior)
        start, tried = best_value, 0
        single = max((objective(self.kind, [u], columns, weights, prior) for u in pool), default=0.0)
        if self.seeds == 0:  # Lin & Bilmes (2010): the greedy set or the best single unit alone
            for u in pool:
                if objective(self.kind, [u], columns, weights, prior) > best_value + 1e-9:
                    best, best_value = [u], objective(self.kind, [u], columns, weights, prior)
        for size in range(1, self.seeds + 1):
            for seed in itertools.combinations(sorted(pool), size):
                if words[list(seed)].sum() > max_words:
                    continue
                tried += 1
                chosen = SEEDED.run(seed, lambda: GREEDY(*args, neutral=neutral))
                if chosen is None:
                    continue
                value = objective(self.kind, chosen, columns, weights, prior)
                if value > best_value + 1e-9:
                    best, best_value = chosen, value
        self.stats.append(
            {
                "raised": best_value > start + 1e-9,
                "gain": best_value / start - 1 if start else 0.0,
                "words": (int(words[greedy].sum()), int(words[best].sum())),
                "single": single > start + 1e-9,
                "tried": tried,
            }
        )
        return best


def stories_of(name: str) -> tuple[list[Story], int]:
    """The set's stories with a reference and its word budget."""
    if name == "roundups":
        return [s for s in read_stories(DATA / "roundups" / "roundups.jsonl") if s.reference], 60
    stories = [s for s in read_stories(DATA / "clusters.jsonl") if s.reference]
    if name == "excerpts":
        return [cut(s, 3, 150, 60) for s in stories], 60
    return stories, 250


def report(
    kind: str,
    rows: NDArray[np.float64],
    lengths: list[int],
    base: NDArray[np.float64] | None,
    stats: list[dict[str, Any]],
) -> str:
    mean = rows.mean(axis=0)
    line = f"| {kind} | {mean[0]:.4f} / {mean[1]:.4f} / {mean[2]:.4f} | {statistics.mean(lengths):.1f} |"
    if base is None:
        return line + " | |"
    diff = rows - base
    se = diff.std(axis=0, ddof=1) / np.sqrt(len(diff))
    line += (
        f" {diff[:, 0].mean():+.4f} ± {se[0]:.4f} / {diff[:, 1].mean():+.4f} ± {se[1]:.4f}"
        f" (R-1 up {int((diff[:, 0] > 1e-9).sum())}, down {int((diff[:, 0] < -1e-9).sum())}) |"
    )
    raised = [s for s in stats if s["raised"]]
    if raised:
        line += (
            f" {len(raised)}/{len(stats)}, +{statistics.mean(s['gain'] for s in raised):.1%} (max"
            f" +{max(s['gain'] for s in raised):.1%}), words {statistics.mean(s['words'][0] for s in raised):.1f}"
            f" -> {statistics.mean(s['words'][1] for s in raised):.1f}; single unit beats greedy in"
            f" {sum(s['single'] for s in stats)}; {statistics.mean(s['tried'] for s in stats):.1f} seeds per story |"
        )
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=["roundups", "multinews", "excerpts"], default="roundups")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--objectives", default="greedy,plain,prior")
    args = parser.parse_args()

    stories, words = stories_of(args.set)
    stories = stories[: args.limit]
    options = Options(max_words=words, style="neutral")
    print(
        f"{args.set}: {len(stories)} stories, {words} words, seeds of 1 to {args.seeds} units, top {args.top or 'all'}\n"
    )
    print(
        "| objective | R-1 / R-2 / Lsum | words | per-story diff R-1 / R-2 (± s.e.) | objective raised in, mean gain, words there |"
    )
    print("| --- | --- | --- | --- | --- |")
    select_module._preferred = SEEDED
    base = None
    for kind in args.objectives.split(","):
        search = Search(kind, args.seeds, args.top)
        select_module._cover_under_budget = search  # type: ignore[assignment]
        rows, lengths = [], []
        for story in stories:
            summary = summary_text(story, options)
            rows.append(score_summary(story.reference or "", summary))
            lengths.append(len(summary.split()))
        scores = np.array(rows)
        print(report(kind, scores, lengths, base, search.stats), flush=True)
        base = scores if base is None else base


if __name__ == "__main__":
    main()
