"""Round 10 of issue 11: the two dropped noun-meaning forms on evaluation-only text.

The 2,130 AllSides roundups (``data/roundups/roundups.jsonl``, three outlets' leads each) are read
as the conflicts benchmark reads a story; for every story whose figures come from two or more
outlets, ``find_conflicts`` runs with the forms off and with each grid value on, and every flag a
form adds or removes is printed with its sentences, to be read by hand. Nothing is fitted.

It runs the forms whose thresholds ``analysis/conflicts.py`` has, each on with the others off:
form C (``EVENT_MIN``, kept) on the current code; forms A and B (``NOUN_FALLBACK_MIN``,
``NOUN_SOFT_MIN``, dropped by the stop rule) on the code of commit ``3ef0380`` of branch
``wip-cf10``::

    python benchmarks/round10_allsides.py
    git worktree add /tmp/r10 3ef0380
    PYTHONPATH=/tmp/r10/src python benchmarks/round10_allsides.py

(about three minutes each). Without any form's threshold it stops with a one-line error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from common import cleaned_leads  # benchmarks/ is on sys.path when run
from newsbrief.analysis import conflicts as conflict_rules
from newsbrief.analysis.entities import find_entities, names_of
from newsbrief.analysis.figures import find_figures
from newsbrief.analysis.nlp import parse
from newsbrief.model import Article, Conflict, Fact, Figure
from newsbrief.pipeline.align import align, similarity_matrix
from newsbrief.pipeline.represent import represent
from newsbrief.pipeline.segment import segment

ROUNDUPS = Path(__file__).resolve().parent / "data" / "roundups" / "roundups.jsonl"
# (name, threshold, value): each form on the grid fixed before round 10; all off is the baseline.
FORMS = {"A": "NOUN_FALLBACK_MIN", "B": "NOUN_SOFT_MIN", "C": "EVENT_MIN"}
CONFIGS = tuple((f"{form} {value}", name, value) for form, name in FORMS.items() for value in (0.6, 0.7, 0.8))


def _line(story_id: str, sign: str, conflict: Conflict) -> str:
    """One changed flag: added (+) or removed (-), why the figures were paired, both sentences."""
    sides = " | ".join(
        f"{f.span.article_id} {f.span.text!r}: {' '.join(f.sentence.text.split())[:200]}"
        for f in conflict.figures
    )
    return f"{sign} [{story_id}] {conflict.compared} :: {sides}"


def main() -> int:
    configs = [config for config in CONFIGS if hasattr(conflict_rules, config[1])]
    if not configs:
        print("error: run against the code of a commit with the forms; see the docstring", file=sys.stderr)
        return 2
    changes: dict[str, list[str]] = {name: [] for name, *_ in configs}
    stories = 0
    for line in ROUNDUPS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles = cleaned_leads(record["documents"])
        if len(articles) < 2:
            continue
        docs = list(parse(articles))
        sentences = tuple(sent for article in articles for sent in segment(article))
        figures = find_figures(articles, docs, sentences, names_of(find_entities(articles, docs)))
        if len({figure.span.article_id for figure in figures}) < 2:
            continue
        stories += 1
        facts = align(sentences, similarity_matrix(represent(sentences)))
        found: dict[str, dict[tuple[tuple[str, str], ...], Conflict]] = {}
        kept = {threshold: getattr(conflict_rules, threshold) for _, threshold, _ in configs}
        for threshold in kept:
            setattr(conflict_rules, threshold, None)
        found["off"] = _keyed(figures, articles, facts)
        for name, threshold, value in configs:
            setattr(conflict_rules, threshold, value)
            found[name] = _keyed(figures, articles, facts)
            setattr(conflict_rules, threshold, None)
        for threshold, value in kept.items():
            setattr(conflict_rules, threshold, value)
        for name in changes:
            for key in sorted(set(found[name]) ^ set(found["off"])):
                sign = "+" if key in found[name] else "-"
                changes[name].append(_line(record["id"], sign, found[name].get(key) or found["off"][key]))
    print(f"stories with figures from two or more outlets: {stories}")
    for name, lines in changes.items():
        print(f"\n{name}: {len(lines)} flags changed")
        for text in lines:
            print("  " + text)
    return 0


def _keyed(
    figures: Sequence[Figure], articles: Sequence[Article], facts: Sequence[Fact]
) -> dict[tuple[tuple[str, str], ...], Conflict]:
    """The story's conflicts keyed by their figures (article, words), so runs can be compared."""
    return {
        tuple((f.span.article_id, f.span.text) for f in conflict.figures): conflict
        for conflict in conflict_rules.find_conflicts(figures, articles=articles, facts=facts)
    }


if __name__ == "__main__":
    raise SystemExit(main())
