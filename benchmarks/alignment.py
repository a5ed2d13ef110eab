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

Then agreement in other words (``data/agreement-check.jsonl``): 519 pairs of statements of
different outlets that the alignment left apart at stop 56, from the BASIL triples and the 40
Multi-News stories, drawn with seed 56 in seven bands of WordLlama cosine from 0.45 up, each
labelled "same" (one fact), "partly" (one event, another point) or "different". Printed: the labels
by band, and for rules that would join such pairs (a TF-IDF floor and a WordLlama bar, as the
meaning rule is), how many labelled pairs each joins and the share of them that are one fact,
weighted back to all pairs of the band (``weight``). With ``--no-agreement``, skipped.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import basil_article, cleaned_stories  # benchmarks/ is on sys.path when run
from newsbrief.analysis.facts import agreed_facts, is_statement
from newsbrief.analysis.similarity import embed
from newsbrief.model import Article, Fact
from newsbrief.pipeline import align as align_module
from newsbrief.pipeline.align import align, similarity_matrix
from newsbrief.pipeline.clean import clean
from newsbrief.pipeline.represent import represent
from newsbrief.pipeline.segment import segment

DATA = Path(__file__).resolve().parent / "data"
BASIL = DATA / "stream" / "basil.jsonl"
CLUSTERS = DATA / "clusters.jsonl"
CHECK = DATA / "alignment-check.jsonl"
AGREEMENT = DATA / "agreement-check.jsonl"
BANDS = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)
# (TF-IDF floor, WordLlama bar): the meaning rule as shipped is (0.2, 0.7)
RULES = ((0.0, 0.6), (0.0, 0.7), (0.0, 0.8), (0.1, 0.6), (0.1, 0.65), (0.1, 0.7), (0.15, 0.65), (0.2, 0.6))


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


def pair_similarities(
    stories: dict[str, tuple[Article, ...]], records: list[dict]
) -> list[tuple[float, float]]:
    """Each labelled pair's TF-IDF cosine (within its story, as the alignment computes it) and
    WordLlama cosine, read from the story's sentences as the product segments them."""
    found = []
    for record in records:
        sentences = tuple(sent for article in stories[record["story"]] for sent in segment(article))
        position = {(sent.article_id, sent.index): n for n, sent in enumerate(sentences)}
        i = position[(record["article_a"], record["index_a"])]
        j = position[(record["article_b"], record["index_b"])]
        if (sentences[i].text, sentences[j].text) != (record["a"], record["b"]):
            raise SystemExit(f"{record['story']}: the sentences of a labelled pair have changed; relabel")
        tfidf = similarity_matrix(represent(sentences))[i, j]
        first, second = embed([record["a"], record["b"]])
        found.append((float(tfidf), float(first @ second)))
    return found


def report_agreement(grouped: set[tuple[str, str]]) -> None:
    """The labels of the pairs left apart, by band, and what rules that would join them find."""
    records = [json.loads(line) for line in AGREEMENT.read_text(encoding="utf-8").splitlines()]
    stories = {**basil_triples(), **dict(cleaned_stories(CLUSTERS))}
    for sample in dict.fromkeys(record["sample"] for record in records):
        rows = [record for record in records if record["sample"] == sample]
        similarities = pair_similarities(stories, rows)
        now = sum((row["a"], row["b"]) in grouped for row in rows)
        print(f"\n{sample}: {len(rows)} pairs ({now} grouped now)")
        for low, high in zip(BANDS, [*BANDS[1:], 2.0], strict=True):
            labels = [
                row["label"]
                for row, (_, dense) in zip(rows, similarities, strict=True)
                if low <= dense < high
            ]
            counts = ", ".join(f"{labels.count(label)} {label}" for label in ("same", "partly", "different"))
            print(f"  WordLlama {low:.2f}{'+' if high > 1 else f'-{high:.2f}'}: {counts}")
        for floor, bar in RULES:
            joined = [
                row
                for row, (tfidf, dense) in zip(rows, similarities, strict=True)
                if tfidf >= floor and dense >= bar
            ]
            weight = sum(row["weight"] for row in joined)
            right = sum(row["weight"] for row in joined if row["same_fact"])
            share = f"{right / weight:.2f}" if weight else "-"
            print(
                f"  join at TF-IDF >= {floor:.2f} and WordLlama >= {bar:.2f}: {len(joined)} labelled pairs, "
                f"{sum(row['same_fact'] for row in joined)} one fact; one fact, weighted: {share}"
            )


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
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-agreement", action="store_true", help="skip the pairs left apart")
    args = parser.parse_args()
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
    if not args.no_agreement:
        report_agreement(grouped)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
