"""Diagnostic: does the article the others agree with most make a better neutral summary?

    python benchmarks/centrality.py [--set roundups|multinews|excerpts] [--limit N]
        [--weights 0.5,1,2,4]
    python benchmarks/centrality.py --oracle --limit 300

Issue 12, ninth round (exploratory). On the roundups an oracle that picks whole sentences under
the 60-word budget by their ROUGE-1 against the editors' text reaches about 0.49 against our 0.39
(first 300 stories; ``--oracle``: every set of up to three blingfire sentences that fits, the
same stories summarized by the product), and takes mostly first sentences (70%) from one or two articles. Of the three
leads, the one with the highest mean TF-IDF cosine to the other two (the story's medoid) is closer
to the editors' roundup: its sentences' ROUGE-1 precision averages 0.454 against 0.412 for the
other two articles' (first sentences 0.505 against 0.458), and its first 60 words score ROUGE-1
0.392 against 0.379 for the first article's. The hypothesis: an editor writing a neutral roundup
stays close to the report the others corroborate. The form tried: each sentence's prior (the
selection's ``sentence_prior``) is multiplied by (1 + w × c / max c), c being its article's mean
cosine (summed sentence vectors, L2-normalised) to the story's other articles; uniform, so no
effect, when a story has one or two articles alike. Neutral style only; ``select.sentence_prior``
is wrapped while a weight runs, the product code is not changed.

This round was explored with a throwaway script before this one was written, so its grid was not
fixed in advance; it is judged by the eighth round's rule (``meaning.py``): a weight passes only if
it raises the roundups' ROUGE-1 by at least 0.002, keeps Multi-News at or above 0.472 / 0.167 and
lowers the 150-word proxy by no more than 0.002 ROUGE-1. Result: docs/history/neutral-brief.md,
"Ninth round". Since the eleventh round the product itself applies this consensus
(``represent.article_consensus``, weight ``LEDE_CONSENSUS_WEIGHT``) and a stop rule to summaries of
at most ``LEDE_WORDS`` words, so at 60 words the weights here add to the product's; set both
``LEDE_`` constants of ``select`` to 0 to rerun the ninth round as it was.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from common import sentences_of  # benchmarks/ is on sys.path when this file is run
from enumeration import stories_of
from newsbrief import Options, Story, brief
from newsbrief.evaluate import score_summary
from newsbrief.model import Sentence
from newsbrief.pipeline import select as select_module
from newsbrief.pipeline.represent import article_consensus
from scoring import paired_row, summary_rouge

SENTENCE_PRIOR = select_module.sentence_prior


def with_centrality(weight: float) -> Callable[..., NDArray[np.float64]]:
    """``select.sentence_prior`` times (1 + weight × article centrality)."""

    def prior(
        sentences: Sequence[Sentence], vectors: csr_matrix, centroid_weight: float | None = None
    ) -> NDArray[np.float64]:
        base = SENTENCE_PRIOR(sentences, vectors, centroid_weight)
        return np.asarray(base * (1.0 + weight * article_consensus(sentences, vectors)), dtype=np.float64)

    return prior


def scores(stories: Sequence[Story], words: int, weight: float) -> NDArray[np.float64]:
    """ROUGE-1/2/Lsum of each story's neutral summary with the article-centrality prior."""
    select_module.sentence_prior = with_centrality(weight) if weight else SENTENCE_PRIOR
    try:
        options = Options(max_words=words, style="neutral")
        return np.array([summary_rouge(story, options) for story in stories])
    finally:
        select_module.sentence_prior = SENTENCE_PRIOR


def medoid_lead(stories: Sequence[Story], words: int) -> NDArray[np.float64]:
    """ROUGE of the first ``words`` words of the articles, the most central first (TF-IDF)."""
    rows = []
    for story in stories:
        texts = [article.text for article in story.articles]
        tfidf = TfidfVectorizer(stop_words="english").fit_transform(texts)
        cosine = (tfidf @ tfidf.T).toarray()
        np.fill_diagonal(cosine, 0.0)
        order = np.argsort(-cosine.sum(axis=1), kind="stable")
        lead = " ".join(" ".join(texts[k] for k in order).split()[:words])
        rows.append(score_summary(story.reference or "", lead))
    return np.array(rows)


def oracle(stories: Sequence[Story], words: int) -> None:
    """The best ROUGE-1 any set of up to three whole sentences within ``words`` reaches, beside the
    product's, and what the best sets look like (lines, articles, first sentences, words)."""
    best_scores, product, lines, articles, firsts, used = [], [], [], [], [], []
    product_lines: list[int] = []
    product_words: list[int] = []
    options = Options(max_words=words, style="neutral")
    for story in stories:
        reference = story.reference or ""
        sents = [
            (a, i, text)
            for a, article in enumerate(story.articles)
            for i, text in enumerate(sentences_of(article.text))
        ]
        best, chosen = 0.0, ()
        for size in (1, 2, 3):
            for combo in itertools.combinations(range(len(sents)), size):
                if sum(len(sents[c][2].split()) for c in combo) <= words:
                    score = score_summary(reference, "\n".join(sents[c][2] for c in combo))[0]
                    if score > best:
                        best, chosen = score, combo
        best_scores.append(best)
        summary = brief(story, options).summary
        product.append(score_summary(reference, "\n".join(line.text for line in summary))[0])
        product_lines.append(len(summary))
        product_words.append(sum(len(line.text.split()) for line in summary))
        lines.append(len(chosen))
        articles.append(len({sents[c][0] for c in chosen}))
        firsts.append(sum(sents[c][1] == 0 for c in chosen) / max(len(chosen), 1))
        used.append(sum(len(sents[c][2].split()) for c in chosen))
    print(
        f"oracle ROUGE-1 {np.mean(best_scores):.4f}, product {np.mean(product):.4f}; the oracle's sets:"
        f" {np.mean(lines):.2f} lines from {np.mean(articles):.2f} articles, {np.mean(firsts):.0%}"
        f" first sentences, {np.mean(used):.1f} words; the product's: {np.mean(product_lines):.2f} lines,"
        f" {np.mean(product_words):.1f} words"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("roundups", "multinews", "excerpts"), default="roundups")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--weights", default="0.5,1,2,4")
    parser.add_argument("--oracle", action="store_true", help="the best sentence sets' ROUGE-1 instead")
    args = parser.parse_args()
    stories, words = stories_of(args.set)
    stories = stories[: args.limit]
    if args.oracle:
        oracle(stories, words)
        return
    print(f"{args.set}: {len(stories)} stories, {words} words, neutral style\n")
    print("| setting | R-1 / R-2 / R-Lsum | ΔR-1 | ΔR-2 | R-1 up / down |")
    print("| --- | --- | --- | --- | --- |")
    base = scores(stories, words, 0.0)
    print(paired_row("product", base, base))
    for weight in (float(value) for value in args.weights.split(",")):
        print(
            paired_row(f"article centrality w = {weight:g}", scores(stories, words, weight), base), flush=True
        )
    print(paired_row("medoid lead (no selection)", medoid_lead(stories, words), base))


if __name__ == "__main__":
    main()
