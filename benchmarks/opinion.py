"""Diagnostic: does discounting lines from opinion pieces bring the neutral summary nearer the editors'?

    python benchmarks/opinion.py [--set roundups|multinews|excerpts] [--limit N]
        [--grid ARTICLE=0,0.3 LINE=0,0.2 ...] [--article voice|density|flagged] [--headlines]

The voice rule (``newsbrief.pipeline.voice.own_voice``) is a hard test per sentence: a line that
passes it counts the same whether it comes from a news report or from a column. This weighs an
article's kind as well (after Yu & Hatzivassiloglou 2003, who separate opinion from fact at the
document level first and at the sentence level second, and Wiebe et al. 2004, whose subjectivity
clues are also read as a density over a text). Each line's sentence prior is multiplied by

    (1 - ARTICLE x the article's opinion score) x (1 - LINE x the line's evaluative score)

and each concept's agreement count (df in ``select.concept_weights``) may count an article by
(1 - AGREEMENT x its opinion score) instead of 1. The article's opinion score (``--article``):
``voice``, the share of its sentences ``own_voice`` marks (with ``--headlines`` its headline is
one more sentence); ``density``, the framing analysis's stance markers (its evaluative words,
intensifiers, modals, first person, and "?" / "!") per word outside quotations, over its
``OPINION_THRESHOLD``, at most 1, from word forms (the analysis reads spaCy lemmas); ``flagged``,
1 when any sentence is marked, else 0. The line's score: 1 when it has a word of the shared
evaluative list outside quotations, else 0 (below the voice rule's cut of two). When this was
run, the voice rule and the framing analysis kept two evaluative lists (117 words shared, of 139
and 146) and only the framing analysis's was used; both now read ``EVALUATIVE`` of
``analysis/lexicon.py``. No VADER word is read, so the framing-bias measure of ``roundups.py``
stays independent.

Neutral style only. The product code is not changed: ``select.sentence_prior`` and
``select.concept_weights`` are wrapped while a setting runs. Prints, for each setting, ROUGE-1/2/
Lsum (``newsbrief.evaluate.score_summary``), the per-story difference from the setting of all
zeros with its standard error, and how many stories went up and down. Sets: the 2,130 roundups at
60 words, the 40 Multi-News stories at 250, or ``excerpts.py``'s 150-word proxy at 60.
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from enumeration import stories_of  # benchmarks/ is on sys.path when this file is run
from newsbrief import Options, Story, brief
from newsbrief.analysis import framing, lexicon
from newsbrief.evaluate import score_summary
from newsbrief.model import Sentence
from newsbrief.pipeline import select as select_module
from newsbrief.pipeline.voice import outside_quotations, own_voice
from scoring import paired_row, summary_rouge

SENTENCE_PRIOR = select_module.sentence_prior
CONCEPT_WEIGHTS = select_module.concept_weights
# A word, not a letter of an abbreviation (as voice.py reads words).
WORD = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z'’-]*(?!\.\w)")
STANCE = lexicon.EVALUATIVE | framing.INTENSIFIERS | framing.MODALS | framing.FIRST_PERSON

Setting = dict[str, float]


def own_words(text: str) -> list[str]:
    """The sentence's words outside quotations, lower case; "US" the country stays upper case."""
    words = WORD.findall(outside_quotations(text).replace("’", "'"))
    return [word if word == "US" else word.lower() for word in words]


def article_scores(sentences: Sequence[Sentence], kind: str, titles: dict[str, str]) -> dict[str, float]:
    """Each article's opinion score in [0, 1] (see the module docstring)."""
    texts: dict[str, list[str]] = {}
    for sent in sentences:
        texts.setdefault(sent.article_id, []).append(sent.text)
    scores = {}
    for article_id, lines in texts.items():
        if kind == "density":
            words = [own_words(line) for line in lines]
            markers = sum(word in STANCE for row in words for word in row)
            markers += sum(line.count("?") + line.count("!") for line in lines)
            density = markers / max(sum(map(len, words)), 1)
            scores[article_id] = min(1.0, density / framing.OPINION_THRESHOLD)
            continue
        if titles.get(article_id):
            lines = [*lines, titles[article_id]]
        voiced = [own_voice(line) is not None for line in lines]
        scores[article_id] = float(any(voiced)) if kind == "flagged" else sum(voiced) / len(voiced)
    return scores


class Discount:
    """The wrappers of ``sentence_prior`` and ``concept_weights`` for one setting and story."""

    def __init__(self, setting: Setting, kind: str) -> None:
        self.setting, self.kind = setting, kind
        self.titles: dict[str, str] = {}

    def prior(
        self, sentences: Sequence[Sentence], vectors: csr_matrix, centroid_weight: float | None = None
    ) -> NDArray[np.float64]:
        prior = SENTENCE_PRIOR(sentences, vectors, centroid_weight)
        article_weight, line_weight = self.setting.get("ARTICLE", 0.0), self.setting.get("LINE", 0.0)
        if article_weight:
            scores = article_scores(sentences, self.kind, self.titles)
            prior = prior * (1.0 - article_weight * np.array([scores[s.article_id] for s in sentences]))
        if line_weight:
            evaluative = [any(w in lexicon.EVALUATIVE for w in own_words(s.text)) for s in sentences]
            prior = prior * (1.0 - line_weight * np.array(evaluative, dtype=np.float64))
        return np.asarray(prior, dtype=np.float64)

    def weights(self, sentences: Sequence[Sentence], concepts: csr_matrix) -> NDArray[np.float64]:
        weight = self.setting.get("AGREEMENT", 0.0)
        if not weight:
            return CONCEPT_WEIGHTS(sentences, concepts)
        scores = article_scores(sentences, self.kind, self.titles)
        # A concept's weight is df^AGREEMENT_POWER x the rest; df now counts each article that
        # uses the concept by (1 - w x its score), so the plain weight is rescaled by the ratio.
        article_ids = sorted(scores)
        row_of = {article_id: k for k, article_id in enumerate(article_ids)}
        article = np.array([row_of[s.article_id] for s in sentences])
        used = (
            csr_matrix(
                (np.ones(len(sentences)), (article, np.arange(len(sentences)))),
                shape=(len(article_ids), len(sentences)),
            )
            @ concepts
        ) > 0
        factor = np.array([1.0 - weight * scores[a] for a in article_ids])
        plain = CONCEPT_WEIGHTS(sentences, concepts)
        count = np.asarray(used.sum(axis=0), dtype=np.float64).ravel()
        weighed = np.asarray(used.T @ factor, dtype=np.float64).ravel()
        ratio = np.divide(weighed, count, out=np.ones_like(count), where=count > 0)
        return np.asarray(plain * ratio**select_module.AGREEMENT_POWER, dtype=np.float64)


def run(
    stories: Sequence[Story], words: int, setting: Setting, kind: str, headlines: bool
) -> NDArray[np.float64]:
    """ROUGE-1/2/Lsum of each story's neutral summary under the setting (stories x 3)."""
    discount = Discount(setting, kind)
    select_module.sentence_prior = discount.prior
    select_module.concept_weights = discount.weights
    try:
        options = Options(max_words=words, style="neutral")
        rows = []
        for story in stories:
            discount.titles = {a.id: a.title for a in story.articles if a.title} if headlines else {}
            rows.append(summary_rouge(story, options))
        return np.array(rows)
    finally:
        select_module.sentence_prior = SENTENCE_PRIOR
        select_module.concept_weights = CONCEPT_WEIGHTS


def describe(stories: Sequence[Story], words: int, kind: str) -> None:
    """How far the signal can reach: articles by opinion score, each with the ROUGE-1 F1 of its
    whole text against the reference, and the neutral summary's lines from scored articles."""
    rows, lines, from_scored, stories_using, stories_with = [], 0, 0, 0, 0
    for story in stories:
        result = brief(story, Options(max_words=words, style="neutral"))
        scores = article_scores(result.sentences, kind, {})
        for article in result.articles:
            rouge = score_summary(story.reference or "", article.text)[0]
            rows.append((scores.get(article.id, 0.0), rouge))
        used = sum(scores[line.sentence.article_id] > 0 for line in result.summary)
        lines += len(result.summary)
        from_scored += used
        stories_using += used > 0
        stories_with += any(score > 0 for score in scores.values())
    table = np.array(rows)
    print("| article score | articles | ROUGE-1 of the article against the reference |")
    print("| --- | --- | --- |")
    for low, high, label in ((0, 1e-9, "0"), (1e-9, 0.5, "(0, 0.5)"), (0.5, 1, "[0.5, 1)"), (1, 2, "1")):
        mask = (table[:, 0] >= low) & (table[:, 0] < high)
        if mask.any():
            print(f"| {label} | {int(mask.sum())} | {table[mask, 1].mean():.4f} |")
    print(
        f"\n{stories_with} of {len(stories)} stories have an article scored above 0; the summary takes "
        f"{from_scored} of its {lines} lines from such articles, in {stories_using} stories\n"
    )


def settings(specs: Sequence[str]) -> list[Setting]:
    """Every combination of the named weights' values (ARTICLE, LINE, AGREEMENT)."""
    axes = []
    for spec in specs:
        name, values = spec.split("=", 1)
        if name not in {"ARTICLE", "LINE", "AGREEMENT"}:
            raise SystemExit(f"error: unknown weight {name}")
        axes.append([(name, float(value)) for value in values.split(",")])
    return [dict(combination) for combination in itertools.product(*axes)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("roundups", "multinews", "excerpts"), default="roundups")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--grid", nargs="+", default=["ARTICLE=0.3", "LINE=0,0.2"])
    parser.add_argument("--article", choices=("voice", "density", "flagged"), default="voice")
    parser.add_argument("--headlines", action="store_true", help="the headline counts as a sentence")
    parser.add_argument("--describe", action="store_true", help="print how far the signal reaches first")
    args = parser.parse_args()

    stories, words = stories_of(args.set)
    stories = stories[: args.limit]
    print(
        f"{len(stories)} {args.set} stories, {words} words, article score {args.article}"
        f"{' with headlines' if args.headlines else ''}\n"
    )
    if args.describe:
        describe(stories, words, args.article)
    print("| setting | R-1 / R-2 / R-Lsum | R-1 diff ± se | R-2 diff ± se | up / down |")
    print("| --- | --- | --- | --- | --- |")
    base = run(stories, words, {}, args.article, args.headlines)
    print(f"| none | {' / '.join(f'{x:.4f}' for x in base.mean(0))} | | | |", flush=True)
    for setting in settings(args.grid):
        scores = run(stories, words, setting, args.article, args.headlines)
        label = ", ".join(f"{name}={value:g}" for name, value in setting.items())
        print(paired_row(label, scores, base), flush=True)


if __name__ == "__main__":
    main()
