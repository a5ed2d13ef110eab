"""Pinned ROUGE floors on the 40 Multi-News development stories: a drop fails CI.

The floors sit just under what the current defaults measure (benchmarks/README.md). Lowering
one is a deliberate, reviewed change; raising one after an improvement is welcome.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief import Options, read_stories
from newsbrief.evaluate import SYSTEM_NAME, evaluate

STORIES = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "clusters.jsonl"
ROUGE_1_FLOOR = 0.472
ROUGE_2_FLOOR = 0.167


@pytest.mark.skipif(not STORIES.exists(), reason="needs ../shared/data/multinews/clusters.jsonl")
def test_default_brief_keeps_its_rouge_floor() -> None:
    scores, results = evaluate(read_stories(STORIES), options=Options())
    ours = next(score for score in scores if score.system == SYSTEM_NAME)
    assert ours.stories == 40
    assert ours.rouge1 >= ROUGE_1_FLOOR
    assert ours.rouge2 >= ROUGE_2_FLOOR
    assert all(result.brief.words <= 250 for result in results)
