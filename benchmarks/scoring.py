"""newsbrief's summary of a story, its ROUGE against the story's reference, and the paired-difference
row the tuning scripts print: one copy, so that every script scores a setting the same way.
Imported as ``scoring``: ``benchmarks/`` is on ``sys.path`` when a script in it runs.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from newsbrief import Options, Story, brief
from newsbrief.evaluate import score_summary


def summary_text(story: Story, options: Options) -> str:
    """The story's summary under the options, one line a sentence."""
    return "\n".join(line.text for line in brief(story, options).summary)


def summary_rouge(story: Story, options: Options) -> tuple[float, float, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of the story's summary against its reference."""
    return score_summary(story.reference or "", summary_text(story, options))


def paired_row(label: str, scores: NDArray[np.float64], base: NDArray[np.float64]) -> str:
    """A Markdown row: the setting, its mean ROUGE-1/2/Lsum, the mean per-story ROUGE-1 and
    ROUGE-2 difference from ``base`` (± its standard error) and the stories it raises and lowers.
    Open at the end (``... | up / down |``) so that a script can add cells."""
    diff = scores[:, :2] - base[:, :2]
    error = diff.std(axis=0, ddof=1) / np.sqrt(len(diff))
    return (
        f"| {label} | {' / '.join(f'{x:.4f}' for x in scores.mean(0))} "
        f"| {diff[:, 0].mean():+.4f} ± {error[0]:.4f} | {diff[:, 1].mean():+.4f} ± {error[1]:.4f} "
        f"| {int((diff[:, 0] > 1e-9).sum())} / {int((diff[:, 0] < -1e-9).sum())} |"
    )
