"""Score briefs against reference summaries with ROUGE, beside the summaries of other systems.

ROUGE as papers report it: Google's ``rouge-score`` (a reimplementation of ROUGE-1.5.5), Porter
stemming on, F1 of ROUGE-1, ROUGE-2 and ROUGE-Lsum, averaged over stories. For ROUGE-Lsum every
summary is put one sentence per line, split by the same splitter as the pipeline.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import blingfire

from newsbrief.errors import EmptyStoryError, SourceError
from newsbrief.model import Brief, Options, Story
from newsbrief.pipeline.brief import brief
from newsbrief.pipeline.ingest import json_type, json_value, read_lines

__all__ = [
    "SYSTEM_NAME",
    "SkippedStory",
    "StoryResult",
    "SystemScore",
    "evaluate",
    "read_peers",
    "score_summary",
]

SYSTEM_NAME = "newsbrief"


@dataclass(frozen=True, slots=True)
class SystemScore:
    """Mean ROUGE F1 of one system over the stories it summarised."""

    system: str
    rouge1: float
    rouge2: float
    rouge_lsum: float
    words: float
    stories: int


@dataclass(frozen=True, slots=True)
class StoryResult:
    """Our brief of one story and the summary text that was scored."""

    story_id: str
    brief: Brief
    prediction: str


@dataclass(frozen=True, slots=True)
class SkippedStory:
    """A story with a reference that could not be summarised, and why (one line)."""

    story_id: str
    reason: str


def score_summary(reference: str, summary: str) -> tuple[float, float, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of a summary against a reference."""
    scores = _scorer().score(_one_sentence_per_line(reference), _one_sentence_per_line(summary))
    return scores["rouge1"].fmeasure, scores["rouge2"].fmeasure, scores["rougeLsum"].fmeasure


def evaluate(
    stories: Iterable[Story],
    *,
    options: Options,
    peers: Mapping[str, Mapping[str, str]] | None = None,
    on_story: Callable[[StoryResult | SkippedStory], None] | None = None,
) -> tuple[tuple[SystemScore, ...], tuple[StoryResult, ...], tuple[SkippedStory, ...]]:
    """Mean scores of newsbrief and of each peer system, our brief of every story, and the stories
    skipped for want of article text.

    Stories without a reference are left out (and not counted). A story with no article text (no
    documents, every one empty, or nothing left after cleaning) is skipped, not fatal: one story
    of a large file should not stop the others; its peers' summaries are not scored either, so
    that every system is scored on the same stories. ``peers`` maps a story id to
    ``{system: summary}``; a peer is scored on the stories it has a summary for. ``on_story`` is
    called once per story with a reference, whether it was scored or skipped.
    """
    totals: dict[str, list[tuple[float, float, float, int]]] = {}
    results = []
    skipped = []
    for story in stories:
        if story.reference is None:
            continue
        try:
            result = _summarize(story, options)
        except EmptyStoryError as exc:
            skipped.append(SkippedStory(story.id, _no_text_reason(story, exc)))
            if on_story is not None:
                on_story(skipped[-1])
            continue
        results.append(result)
        totals.setdefault(SYSTEM_NAME, []).append(_row(story.reference, result.prediction))
        for system, summary in sorted((peers or {}).get(story.id, {}).items()):
            totals.setdefault(system, []).append(_row(story.reference, summary))
        if on_story is not None:
            on_story(result)
    scores = tuple(_mean(system, rows) for system, rows in totals.items())
    return scores, tuple(results), tuple(skipped)


def _no_text_reason(story: Story, exc: EmptyStoryError) -> str:
    """Why a story has no text to summarise: it read as no articles, or cleaning left none (the
    error names the documents)."""
    return "no document has any text" if not story.articles else str(exc)


def read_peers(path: str | os.PathLike[str]) -> dict[str, dict[str, str]]:
    """Peer summaries by story id and system, from JSONL records ``{"id", system: summary, ...}``.

    The file is read by ``read_lines``, as ``watch``'s feed list is: one-line SourceErrors alike.
    """
    peers: dict[str, dict[str, str]] = {}
    lines_of: dict[str, int] = {}  # story id -> the line that gave it
    name = os.fspath(path)
    lines = read_lines(path, expected="a JSONL file of peer summaries")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = _json_record(name, number, line)
        story_id = record.get("id")
        if not isinstance(story_id, str):
            raise SourceError(f'{name} line {number}: no "id" field')
        if story_id in lines_of:  # a second record would silently replace the first one's summaries
            raise SourceError(f"{name} line {number}: id {story_id!r} is also on line {lines_of[story_id]}")
        lines_of[story_id] = number
        peers[story_id] = _peer_summaries(name, number, record)
    return peers


def _peer_summaries(name: str, number: int, record: dict[str, Any]) -> dict[str, str]:
    """A peer record's summaries by system; ``null`` says a system has none for the story, and
    any other value that is not text is an error rather than a summary dropped unsaid."""
    summaries = {}
    for system, summary in record.items():
        if system == "id" or summary is None:
            continue
        if not isinstance(summary, str):
            raise SourceError(
                f'{name} line {number}: "{system}" is a JSON {json_type(summary)}, not a summary text'
            )
        summaries[system] = summary
    return summaries


def _json_record(name: str, number: int, line: str) -> dict[str, Any]:
    record = json_value(line, name, line=number)
    if not isinstance(record, dict):
        raise SourceError(f"{name} line {number}: expected a JSON object (got {json_type(record)})")
    return record


def _summarize(story: Story, options: Options) -> StoryResult:
    result = brief(story, options)
    prediction = "\n".join(line.text for line in result.summary)
    return StoryResult(story_id=story.id, brief=result, prediction=prediction)


def _row(reference: str, summary: str) -> tuple[float, float, float, int]:
    return (*score_summary(reference, summary), len(summary.split()))


def _mean(system: str, rows: list[tuple[float, float, float, int]]) -> SystemScore:
    count = len(rows)
    return SystemScore(
        system=system,
        rouge1=sum(row[0] for row in rows) / count,
        rouge2=sum(row[1] for row in rows) / count,
        rouge_lsum=sum(row[2] for row in rows) / count,
        words=sum(row[3] for row in rows) / count,
        stories=count,
    )


def _one_sentence_per_line(text: str) -> str:
    sentences = blingfire.text_to_sentences(" ".join(text.split()))
    return str(sentences) if sentences else ""


@functools.cache
def _scorer() -> Any:
    from rouge_score import rouge_scorer  # imports nltk: slow, so only when scoring

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
