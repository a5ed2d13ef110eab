"""Quote finding against the hand-made gold files, as a Markdown table.

    python benchmarks/quotes.py [--gold tests/fixtures/aleppo-quotes.json]
        [--multinews-gold tests/fixtures/multinews-quotes.json] [--show-multinews 3]

Scores ``newsbrief.analysis.quotes.find_quotes`` on the direct quotations of examples/aleppo/*.txt and of
the Multi-News stories annotated in the second gold file (their documents, copied there from
benchmarks/data/clusters.jsonl, as articles d1, d2, ... each through
``newsbrief.pipeline.clean.clean`` as the pipeline does): precision, recall and F1 of quotes (a found quote matches a gold one of the same article
when their word multisets overlap by at least ``MATCH_OVERLAP`` of the longer one, one-to-one),
and speaker accuracy over the matched quotes (same head word, and the shorter name's words all in
the longer: "Cafarella" = "Jennifer Cafarella", "a commander" = "a commander with one rebel
faction"). One row per gold set and per Multi-News story; misses, inventions and wrong speakers
are listed below the table. ``--show-multinews N`` prints what is found in the first N
Multi-News stories, to read by eye.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from common import document_articles  # benchmarks/ is on sys.path when run
from newsbrief.analysis.nlp import parse
from newsbrief.analysis.quotes import find_quotes
from newsbrief.model import Article, Quote
from newsbrief.pipeline.clean import clean

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "aleppo-quotes.json"
BLIND = ROOT / "tests" / "fixtures" / "blind"  # annotations made without seeing the code or our gold
MULTINEWS_GOLD = ROOT / "tests" / "fixtures" / "multinews-quotes.json"
ALEPPO = ROOT / "examples" / "aleppo"
MULTINEWS = ROOT / "benchmarks" / "data" / "clusters.jsonl"
MATCH_OVERLAP = 0.8
JOIN = " … "
_DETERMINERS = {"a", "an", "the", "one"}
_PREPOSITIONS = {"of", "with", "at", "from", "for", "to", "in"}


def words(text: str) -> list[str]:
    return [word.lower() for word in re.findall(r"\w+", text)]


def overlap(a: str, b: str) -> float:
    """Shared words over the longer quote's words (multisets)."""
    words_a, words_b = Counter(words(a)), Counter(words(b))
    longer = max(sum(words_a.values()), sum(words_b.values()))
    return sum((words_a & words_b).values()) / longer if longer else 0.0


def same_speaker(found: str, gold: str) -> bool:
    """Same head word, and the shorter name's words are all in the longer one."""
    a = [w for w in words(found) if w not in _DETERMINERS]
    b = [w for w in words(gold) if w not in _DETERMINERS]
    if not a or not b:
        return False

    def head(name: list[str]) -> str:
        before = list(name[: next((i for i, w in enumerate(name) if w in _PREPOSITIONS), len(name))])
        return (before or name)[-1]

    shorter, longer = sorted((a, b), key=len)
    return head(a) == head(b) and set(shorter) <= set(longer)


def score(found: tuple[Quote, ...], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall, F1 and speaker accuracy of direct quotes, per (article, quote)."""
    items = [
        (span.article_id, quote.text, quote.speaker)
        for quote in found
        if quote.kind == "direct"
        for span in quote.spans
    ]
    expected = [
        (str(g["article"]), JOIN.join(" ".join(str(p).split()) for p in g["parts"]), str(g["speaker"]))
        for g in gold
    ]
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for g_index, (article_id, text, _) in enumerate(expected):
        candidates = [
            (overlap(text, f_text), f_index)
            for f_index, (f_article, f_text, _) in enumerate(items)
            if f_article == article_id and f_index not in used
        ]
        best = max(candidates, default=(0.0, -1), key=lambda c: (c[0], -c[1]))
        if best[0] >= MATCH_OVERLAP:
            used.add(best[1])
            pairs.append((g_index, best[1]))
    matched = len(pairs)
    precision = matched / len(items) if items else 0.0
    recall = matched / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    speakers_right = sum(same_speaker(items[f][2], expected[g][2]) for g, f in pairs)
    return {
        "found": len(items),
        "gold": len(expected),
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speakers_right": speakers_right,
        "speaker_accuracy": speakers_right / matched if matched else 0.0,
        "missed": [expected[g] for g in range(len(expected)) if g not in {p[0] for p in pairs}],
        "invented": [items[f] for f in range(len(items)) if f not in used],
        "wrong_speaker": [
            (expected[g][1], items[f][2], expected[g][2])
            for g, f in pairs
            if not same_speaker(items[f][2], expected[g][2])
        ],
    }


def combined(results: list[dict[str, Any]]) -> dict[str, Any]:
    """One score over several stories: counts added, rates recomputed, lists joined."""
    total: dict[str, Any] = {
        key: sum(r[key] for r in results) for key in ("found", "gold", "matched", "speakers_right")
    }
    precision = total["matched"] / total["found"] if total["found"] else 0.0
    recall = total["matched"] / total["gold"] if total["gold"] else 0.0
    total["precision"], total["recall"] = precision, recall
    total["f1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total["speaker_accuracy"] = total["speakers_right"] / total["matched"] if total["matched"] else 0.0
    for label in ("missed", "invented", "wrong_speaker"):
        total[label] = [row for r in results for row in r[label]]
    return total


def aleppo_articles() -> list[Article]:
    return [
        Article(
            id=name,
            outlet=name,
            title="",
            url=None,
            published=None,
            text=(ALEPPO / f"{name}.txt").read_text("utf-8"),
        )
        for name in ("aljazeera", "npr", "zerohedge")
    ]


def multinews_articles(documents: list[str]) -> list[Article]:
    """The documents of one Multi-News record as cleaned articles d1, d2, ... (as the pipeline sees them)."""
    return [clean(article)[0] for article in document_articles(documents)]


def score_multinews(gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per annotated story id (in gold-file order), the score of its found quotes against its gold.

    The gold file carries the stories' documents (copied from clusters.jsonl), so it stands alone.
    """
    results: dict[str, dict[str, Any]] = {}
    for story_id, documents in gold["documents"].items():
        articles = multinews_articles(documents)
        story_gold = [g for g in gold["quotes"] if g["story"] == story_id]
        results[story_id] = score(find_quotes(articles, parse(articles)), story_gold)
    return results


def print_row(label: str, result: dict[str, Any]) -> None:
    print(
        f"| {label} | {result['gold']} | {result['found']} | {result['matched']} | {result['precision']:.3f} "
        f"| {result['recall']:.3f} | {result['f1']:.3f} | {result['speaker_accuracy']:.3f} |"
    )


def print_lists(label: str, result: dict[str, Any]) -> None:
    for kind in ("missed", "invented", "wrong_speaker"):
        rows = result[kind]
        if rows:
            print(f"\n{label} {kind}:")
            for row in rows:
                print(f"- {row}")


def show_multinews(count: int) -> None:
    """Print every quote found in the first ``count`` Multi-News stories."""
    lines = MULTINEWS.read_text(encoding="utf-8").splitlines()[:count]
    for line in lines:
        record = json.loads(line)
        articles = list(document_articles(record["documents"]))
        print(f"\n## story {record['id']} ({len(articles)} documents)\n")
        for quote in find_quotes(articles, parse(articles)):
            outlets = ",".join(quote.article_ids)
            print(f"- {quote.kind} [{outlets}] **{quote.speaker}** ({quote.role}): {quote.text[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--multinews-gold", type=Path, default=MULTINEWS_GOLD)
    parser.add_argument("--show-multinews", type=int, default=0, metavar="N")
    args = parser.parse_args()

    gold = json.loads(args.gold.read_text(encoding="utf-8"))["quotes"]
    articles = aleppo_articles()
    aleppo = score(find_quotes(articles, parse(articles)), gold)
    stories = score_multinews(json.loads(args.multinews_gold.read_text(encoding="utf-8")))
    print("Direct quotes against the hand annotations\n")
    print("| gold set | gold | found | matched | precision | recall | F1 | speaker accuracy |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print_row("Aleppo", aleppo)
    print_row("Multi-News, all", combined(list(stories.values())))
    for story_id, result in stories.items():
        print_row(f"Multi-News {story_id}", result)
    for path in sorted(BLIND.glob("*.json")):
        blind = json.loads(path.read_text(encoding="utf-8"))
        if "documents" in blind:
            for story_id, result in score_multinews(blind).items():
                print_row(f"blind annotation `{path.name}`: {story_id}", result)
        else:
            print_row(
                f"blind annotation `{path.name}`: Aleppo",
                score(find_quotes(articles, parse(articles)), blind["quotes"]),
            )
    print_lists("Aleppo", aleppo)
    for story_id, result in stories.items():
        print_lists(story_id, result)
    if args.show_multinews:
        show_multinews(args.show_multinews)


if __name__ == "__main__":
    main()
