"""Agreed facts on the 100 BASIL triples: how often three outlets on one event agree on nothing,
with and without the alignment's meaning rule, and the hand check of the pairs it groups.

    python benchmarks/alignment.py

The alignment (``newsbrief.pipeline.align``) groups sentences of different articles whose TF-IDF
cosine is at least ``SAME_CONTENT_THRESHOLD`` (0.3), or at least ``MEANING_FLOOR`` (0.2) when
their WordLlama cosine is at least ``SAME_MEANING`` (0.7). Printed, for the code as it is and with
the meaning rule off (``SAME_MEANING`` set above any cosine): the triples with no agreed fact (a
fact of two or more outlets whose first sentence is a statement, as the brief lists them), the
median number of agreed facts, and the pairs of statements of different outlets grouped into one
fact. Then the hand check (``data/alignment-check.jsonl``): 30 pairs drawn at random (seed 35)
from the statement pairs above 0.3 and 40 from those the meaning rule adds, each read by hand as
one fact or not, and how many of each sample the alignment now groups. About a minute.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import basil_article  # benchmarks/ is on sys.path when run
from newsbrief.analysis.facts import agreed_facts, is_statement
from newsbrief.model import Article, Fact
from newsbrief.pipeline import align as align_module
from newsbrief.pipeline.align import align, similarity_matrix
from newsbrief.pipeline.clean import clean
from newsbrief.pipeline.represent import represent
from newsbrief.pipeline.segment import segment

DATA = Path(__file__).resolve().parent / "data"
BASIL = DATA / "stream" / "basil.jsonl"
CHECK = DATA / "alignment-check.jsonl"


def basil_triples() -> dict[str, tuple[Article, ...]]:
    """The 100 BASIL stories, each as its three cleaned articles."""
    stories: dict[str, list[Article]] = defaultdict(list)
    for line in BASIL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        stories[record["story"]].append(clean(basil_article(record))[0])
    return {story: tuple(articles) for story, articles in sorted(stories.items())}


@contextmanager
def meaning_rule(on: bool) -> Iterator[None]:
    """The alignment with its meaning rule as shipped, or off."""
    saved = align_module.SAME_MEANING
    align_module.SAME_MEANING = saved if on else 2.0
    try:
        yield
    finally:
        align_module.SAME_MEANING = saved


def story_facts(articles: tuple[Article, ...]) -> tuple[Fact, ...]:
    """The alignment's facts of one story, as the brief makes them."""
    sentences = tuple(sent for article in articles for sent in segment(article))
    return align(sentences, similarity_matrix(represent(sentences)))


def grouped_statement_pairs(facts: tuple[Fact, ...]) -> set[tuple[str, str]]:
    """Pairs of statements (as text) of different articles that share a fact."""
    pairs = set()
    for fact in facts:
        members = [sent for sent in fact.sentences if is_statement(sent.text)]
        for n, first in enumerate(members):
            for second in members[n + 1 :]:
                pairs.add((first.text, second.text))
                pairs.add((second.text, first.text))
    return pairs


def main() -> int:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    triples = basil_triples()
    grouped: set[tuple[str, str]] = set()
    for on in (False, True):
        with meaning_rule(on):
            counts, pairs = [], 0
            for articles in triples.values():
                facts = story_facts(articles)
                counts.append(len(agreed_facts(facts)))
                found = grouped_statement_pairs(facts)
                pairs += len(found) // 2
                if on:
                    grouped |= found
        label = "with the meaning rule" if on else "TF-IDF alone"
        print(
            f"{label}: {sum(c == 0 for c in counts)} of {len(counts)} triples with no agreed fact; "
            f"median {statistics.median(counts):g} agreed facts; {pairs} statement pairs grouped"
        )
    print("\nhand check (data/alignment-check.jsonl):")
    samples: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for line in CHECK.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        samples[record["sample"]].append((record["same_fact"], (record["a"], record["b"]) in grouped))
    for sample, rows in samples.items():
        same = sum(label for label, _ in rows)
        now = sum(in_fact for _, in_fact in rows)
        right = sum(label for label, in_fact in rows if in_fact)
        print(
            f"  {sample}: {same} of {len(rows)} one fact by hand; grouped now {now}, of them {right} one fact"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
