"""Diagnostic: does agreement by word meaning bring the neutral summary nearer the editors'?

    python benchmarks/meaning.py [--set roundups|multinews|excerpts] [--limit N]
        [--grid SOFT=0.6,0.7,0.8 MERGE=0.6,0.7,0.8 DENSE=0.5,1] [--describe]

Issue 12, eighth round. The three leads of a roundup story say the same thing in different words
("lawmakers" / "legislators", "killed" / "slain"), so counting agreement by shared stems
under-counts it. The fifth round tried this with WordLlama's word vectors, which mostly reflect
spelling; this round reads word meaning from ``analysis.wordvectors.load_word_vectors()``
(spaCy's ``en_core_web_md`` static vectors, 300-d, MIT, no download). A concept's word is the
story's first lower-cased spelling that stems to it (as ``represent.stems`` tokenises); only
single-word concepts without digits that have a vector take part (word pairs and figures match
only themselves). Three forms, neutral style, each setting alone (a grid axis of one name):

* ``SOFT=τ`` (soft concept agreement): an article that does not use a concept counts for it by
  the best cosine of its own single-word concepts' words to the concept's word, when that cosine
  is at least τ, instead of 0. The concept's weight (``select.concept_weights``, df² × ...) is
  rescaled by (soft df / df)^AGREEMENT_POWER; tf and position are unchanged.
* ``MERGE=τ`` (concepts merged): single-word concepts whose words' cosine is at least τ are
  joined (single link over the story's pairs); a group counts as one concept for agreement
  (df), frequency, position and coverage: every sentence that uses a member uses the group,
  and a line that covers one member covers the group. The group's headline share is its
  members' largest. Lexical similarity (redundancy, alignment, centroid) is unchanged.
* ``DENSE=w`` (dense centrality): each sentence's TF-IDF-weighted mean of its single-word
  concepts' vectors (the selection's own row weights: sublinear tf × the story's smoothed IDF),
  its cosine to the mean of those sentence vectors (unit length) over the story; the sentence
  prior becomes (1 + centroid weight × TF-IDF closeness + w × this cosine) × (1 + quote bonus).
  A sentence with no such word adds 0.

Grid and stop rule, fixed before the first run (committed with this script, no product code
changed): SOFT τ ∈ {0.6, 0.7, 0.8}, MERGE τ ∈ {0.6, 0.7, 0.8}, DENSE w ∈ {0.5, 1}, eight
settings, each against the product in the same run. A setting passes only if, on all stories,
it raises the 2,130 roundups' ROUGE-1 (60 words) by at least 0.002, keeps the 40 Multi-News
stories (250 words) at or above 0.472 ROUGE-1 and 0.167 ROUGE-2, and lowers the 150-word proxy
(``excerpts.py``'s condition, 60 words) by no more than 0.002 ROUGE-1. Only a setting that
passes goes on to pooled 5-fold cross-validation, timing and the product (``select.py``);
otherwise nothing changes in the product and the README records the round.

Second run, ``--cased`` (added after the first run, whose every setting failed the rule on
Multi-News and the proxy; committed before the second run; same grid, same stop rule). The
first run read each concept's word lower-cased, and ``--describe`` showed what that does to
this table: ``en_core_web_md`` keeps 20,000 vectors for 514,157 forms, mapping every other form
to a kept one's row, so lower-cased names fall on shared rows ("cnn" and "david" on one row,
cosine 1.00; "CNN" and "David" have their own, 0.18), and so do rarer words ("legalization" on
"legislation"'s row, "racist" on "slurs'"). With ``--cased`` a concept's word is its most
frequent spelling as written in the story (the table then tries it lower-cased when the form
as written has no row), and two different words on one row (cosine ≥ 0.999) do not match.

Result (docs/history/neutral-brief.md, eighth round): no setting of either run passes. The roundups
move by −0.0014 to +0.0002 ROUGE-1; 15 of the 16 settings take Multi-News under 0.167 ROUGE-2;
the one that does not (cased SOFT 0.8: 0.4749 / 0.1676, proxy −0.0010) lowers the roundups by
0.0008. So it stopped here, and nothing is in the product.

The product code is not changed: ``select.concept_weights``, ``select.sentence_prior``,
``select._incidence`` and the pipeline's ``select`` are wrapped while a setting runs. Prints, for
each setting, ROUGE-1/2/Lsum (``newsbrief.evaluate.score_summary``), the per-story difference from
the product with its standard error, and how many stories went up and down.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from enumeration import stories_of  # benchmarks/ is on sys.path when this file is run
from newsbrief import Options, Story, brief
from newsbrief.analysis.wordvectors import WordVectors, load_word_vectors
from newsbrief.model import Sentence
from newsbrief.pipeline import brief as brief_module
from newsbrief.pipeline import select as select_module
from newsbrief.pipeline.represent import content_terms, represent_with_terms, stem
from newsbrief.pipeline.voice import quotes_someone
from scoring import paired_row, summary_rouge

SENTENCE_PRIOR = select_module.sentence_prior
CONCEPT_WEIGHTS = select_module.concept_weights
INCIDENCE = select_module._incidence
SELECT = select_module.select  # the pipeline's ``select``, the object brief.py imported
# As represent._WORD reads words, on lower-cased text with curly apostrophes straightened.
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
FORMS = ("SOFT", "MERGE", "DENSE")
# Two unit vectors this close are one row of the table (distinct rows are far further apart).
SAME_ROW = 0.999

Setting = dict[str, float]


class StoryWords:
    """The single-word concepts of one story's sentences: their columns, words and vectors."""

    def __init__(self, sentences: Sequence[Sentence], table: WordVectors, cased: bool = False) -> None:
        self.sentences, self.cased = sentences, cased
        _, terms = represent_with_terms(tuple(sentences))
        spelling: dict[str, str] = {}
        if cased:  # the stem's most frequent spelling as written, the first on a tie
            seen = Counter(w for sent in sentences for w in WORD.findall(sent.text.replace("’", "'")))
            for word, _ in sorted(seen.items(), key=lambda item: -item[1]):  # stable: first seen first
                spelling.setdefault(stem(word.lower()), word)
        for sent in sentences:
            for word in WORD.findall(sent.text.lower().replace("’", "'")):
                spelling.setdefault(stem(word), word)
        candidates = [
            (column, spelling[term])
            for column, term in enumerate(terms)
            if " " not in term and term in spelling and term.isalpha()
        ]
        matrix, known = table.matrix([word for _, word in candidates])
        self.columns = np.array([c for (c, _), k in zip(candidates, known, strict=True) if k], dtype=np.int64)
        self.words = [w for (_, w), k in zip(candidates, known, strict=True) if k]
        self.vectors = matrix[known].astype(np.float64)
        self.count = len(terms)

    def cosines(self) -> NDArray[np.float64]:
        """Cosine of every pair of the story's single-word concepts (their vectors are unit).

        ``cased``: two different words on one row of the table (a word the table's pruning
        mapped to another's vector, or both to a third's) do not match: 0, not 1."""
        cosine = np.asarray(self.vectors @ self.vectors.T, dtype=np.float64)
        if self.cased:
            shared = cosine >= SAME_ROW
            np.fill_diagonal(shared, False)
            cosine[shared] = 0.0
        return cosine


class Meaning:
    """The wrappers for one setting; the story's words are computed once per story."""

    def __init__(self, setting: Setting, table: WordVectors, cased: bool = False) -> None:
        self.setting, self.table, self.cased = setting, table, cased
        self.story: StoryWords | None = None
        self.representative: NDArray[np.int64] | None = None
        self.stats: dict[str, float] = {"raised": 0, "concepts": 0, "merged": 0}

    def words_of(self, sentences: Sequence[Sentence]) -> StoryWords:
        if self.story is None or self.story.sentences is not sentences:
            self.story = StoryWords(sentences, self.table, self.cased)
            self.representative = self.groups(self.story) if "MERGE" in self.setting else None
        return self.story

    def groups(self, story: StoryWords) -> NDArray[np.int64]:
        """Each column's representative: its MERGE group's first column (itself if alone)."""
        representative = np.arange(story.count, dtype=np.int64)
        parent = list(range(len(story.columns)))

        def root(k: int) -> int:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        close = np.argwhere(np.triu(story.cosines() >= self.setting["MERGE"], k=1))
        for first, second in close:
            a, b = root(int(first)), root(int(second))
            if a != b:
                parent[max(a, b)] = min(a, b)
        for k, column in enumerate(story.columns):
            representative[column] = story.columns[root(k)]
        self.stats["merged"] += int((representative != np.arange(story.count)).sum())
        self.stats["concepts"] += len(story.columns)
        return representative

    def incidence(self, vectors: csr_matrix) -> csr_matrix:
        concepts = INCIDENCE(vectors)
        if self.representative is None:
            return concepts
        count = concepts.shape[1]
        mapping = csr_matrix((np.ones(count), (np.arange(count), self.representative)), shape=(count, count))
        merged = csr_matrix((concepts @ mapping) > 0, dtype=np.float64)
        merged.sort_indices()
        return merged

    def select(self, sentences: tuple[Sentence, ...], *args: Any, **kwargs: Any) -> tuple[Sentence, ...]:
        self.words_of(sentences)  # _incidence sees only the vectors; it reads the story from here
        headlines = kwargs.get("headlines")
        if self.representative is not None and headlines is not None and len(headlines):
            merged = np.zeros(len(headlines))
            np.maximum.at(merged, self.representative, headlines)
            kwargs["headlines"] = merged
        return SELECT(sentences, *args, **kwargs)

    def weights(self, sentences: Sequence[Sentence], concepts: csr_matrix) -> NDArray[np.float64]:
        plain = CONCEPT_WEIGHTS(sentences, concepts)
        if "SOFT" not in self.setting:
            return plain
        story = self.words_of(sentences)
        if not len(story.columns):
            return plain
        article_ids = sorted({sent.article_id for sent in sentences})
        row_of = {article_id: k for k, article_id in enumerate(article_ids)}
        article = np.array([row_of[sent.article_id] for sent in sentences])
        used = np.zeros((len(article_ids), concepts.shape[1]), dtype=bool)
        rows, columns = concepts.nonzero()
        used[article[rows], columns] = True
        own = used[:, story.columns]  # articles x single-word concepts
        cosine = story.cosines()
        # For each article and concept: the best cosine of the article's own words to it.
        best = np.array([cosine[row].max(axis=0) if row.any() else np.full(len(row), -1.0) for row in own])
        soft = np.where(own, 1.0, np.where(best >= self.setting["SOFT"], best, 0.0))
        count = used.sum(axis=0).astype(np.float64)
        ratio = np.ones(concepts.shape[1])
        ratio[story.columns] = soft.sum(axis=0) / np.maximum(count[story.columns], 1.0)
        self.stats["raised"] += int((ratio > 1.0 + 1e-12).sum())
        self.stats["concepts"] += len(story.columns)
        return np.asarray(plain * ratio**select_module.AGREEMENT_POWER, dtype=np.float64)

    def prior(
        self, sentences: Sequence[Sentence], vectors: csr_matrix, centroid_weight: float | None = None
    ) -> NDArray[np.float64]:
        prior = SENTENCE_PRIOR(sentences, vectors, centroid_weight)
        if "DENSE" not in self.setting:
            return prior
        story = self.words_of(sentences)
        if not len(story.columns):
            return prior
        dense = np.asarray(vectors[:, story.columns] @ story.vectors, dtype=np.float64)
        norms = np.linalg.norm(dense, axis=1, keepdims=True)
        unit = np.divide(dense, norms, out=np.zeros_like(dense), where=norms > 0)
        centre = unit.sum(axis=0)
        size = float(np.linalg.norm(centre))
        closeness = unit @ (centre / size) if size > 0 else np.zeros(len(sentences))
        quoting = np.array([quotes_someone(sent.text) for sent in sentences], dtype=np.float64)
        extra = self.setting["DENSE"] * closeness * (1.0 + select_module.QUOTE_BONUS * quoting)
        return np.asarray(prior + extra, dtype=np.float64)


def run(
    stories: Sequence[Story], words: int, setting: Setting, table: WordVectors, cased: bool = False
) -> tuple[NDArray[np.float64], dict[str, float]]:
    """ROUGE-1/2/Lsum of each story's neutral summary under the setting (stories x 3), and counts."""
    meaning = Meaning(setting, table, cased)
    select_module.sentence_prior = meaning.prior
    select_module.concept_weights = meaning.weights
    select_module._incidence = meaning.incidence
    vars(brief_module)["select"] = meaning.select
    try:
        options = Options(max_words=words, style="neutral")
        return np.array([summary_rouge(story, options) for story in stories]), meaning.stats
    finally:
        select_module.sentence_prior = SENTENCE_PRIOR
        select_module.concept_weights = CONCEPT_WEIGHTS
        select_module._incidence = INCIDENCE
        vars(brief_module)["select"] = SELECT


def describe(
    stories: Sequence[Story], table: WordVectors, thresholds: Sequence[float], sample: int, cased: bool
) -> None:
    """What the vectors see: single-word concepts per story with a vector, and for each τ how
    many pairs of different stems reach it, with examples; then ``sample`` distinct word pairs
    drawn at random (seed 0) from each band between the thresholds, to read by hand."""
    with_vector, without, pairs = 0, 0, dict.fromkeys(thresholds, 0)
    examples: dict[float, list[str]] = {t: [] for t in thresholds}
    distinct: dict[tuple[str, str], float] = {}
    for story in stories:
        result = brief(story, Options(max_words=60, style="neutral"))
        words = StoryWords(result.sentences, table, cased)
        _, terms = represent_with_terms(result.sentences)
        single = sum(" " not in term and term.isalpha() for term in terms)
        with_vector += len(words.columns)
        without += single - len(words.columns)
        cosine = words.cosines()
        for first, second in np.argwhere(np.triu(cosine >= min(thresholds), k=1)):
            pair = (
                min(words.words[first], words.words[second]),
                max(words.words[first], words.words[second]),
            )
            distinct[pair] = float(cosine[first, second])
        for t in thresholds:
            close = np.argwhere(np.triu(cosine >= t, k=1))
            pairs[t] += len(close)
            for first, second in close[: max(0, 3 - len(examples[t]))]:
                examples[t].append(f"{words.words[first]}/{words.words[second]} {cosine[first, second]:.2f}")
    print(f"single-word concepts with a vector {with_vector}, without {without}")
    for t in thresholds:
        print(
            f"τ {t}: {pairs[t]} pairs ({pairs[t] / len(stories):.2f} a story), e.g. {', '.join(examples[t])}"
        )
    rng = np.random.default_rng(0)
    for low, high in zip(thresholds, [*thresholds[1:], 1.01], strict=True):
        band = sorted(pair for pair, value in distinct.items() if low <= value < high)
        drawn = sorted(rng.choice(len(band), size=min(sample, len(band)), replace=False)) if band else []
        listed = ", ".join(f"{band[k][0]}/{band[k][1]} {distinct[band[k]]:.2f}" for k in drawn)
        print(f"[{low}, {min(high, 1.0)}]: {len(band)} distinct word pairs; drawn: {listed}")
    print()


def reach(stories: Sequence[Story], table: WordVectors, thresholds: Sequence[float], cased: bool) -> None:
    """Whether soft agreement picks the words the editors use: of the single-word concepts that
    k articles use (hard df), the share whose stem is in the reference, apart for those an
    article that lacks them matches at cosine ≥ τ (SOFT's soft df above the hard one) and those
    none does."""
    counts: dict[tuple[float, int, bool], list[int]] = {}
    for story in stories:
        result = brief(story, Options(max_words=60, style="neutral"))
        words = StoryWords(result.sentences, table, cased)
        if not len(words.columns):
            continue
        reference = set(content_terms(story.reference or ""))
        _, terms = represent_with_terms(result.sentences)
        article_ids = sorted({sent.article_id for sent in result.sentences})
        row_of = {article_id: k for k, article_id in enumerate(article_ids)}
        concepts = INCIDENCE(represent_with_terms(result.sentences)[0])
        used = np.zeros((len(article_ids), concepts.shape[1]), dtype=bool)
        rows, columns = concepts.nonzero()
        used[[row_of[result.sentences[r].article_id] for r in rows], columns] = True
        own = used[:, words.columns]
        cosine = words.cosines()
        best = np.array([cosine[row].max(axis=0) if row.any() else np.full(len(row), -1.0) for row in own])
        best = np.where(own, -1.0, best)  # only articles that lack the concept
        hard = own.sum(axis=0)
        found = np.array([terms[column] in reference for column in words.columns])
        for t in thresholds:
            raised = np.asarray((best >= t).any(axis=0), dtype=bool)
            for k, r, f in zip(hard, raised, found, strict=True):
                cell = counts.setdefault((t, int(min(k, 3)), bool(r)), [0, 0])
                cell[0] += int(f)
                cell[1] += 1
    print("| τ | hard df | in the reference, raised by a match | in the reference, not raised |")
    print("| --- | --- | --- | --- |")
    for t in thresholds:
        for k in (1, 2, 3):
            up, flat = counts.get((t, k, True), [0, 0]), counts.get((t, k, False), [0, 0])
            print(
                f"| {t} | {k}{'+' if k == 3 else ''} | {up[0] / max(up[1], 1):.3f} ({up[1]}) "
                f"| {flat[0] / max(flat[1], 1):.3f} ({flat[1]}) |"
            )
    print()


def settings(specs: Sequence[str]) -> list[Setting]:
    """Each form alone at each of its values: SOFT=..., MERGE=..., DENSE=... ."""
    out: list[Setting] = []
    for spec in specs:
        name, values = spec.split("=", 1)
        if name not in FORMS:
            raise SystemExit(f"error: unknown form {name} (one of {', '.join(FORMS)})")
        out.extend({name: float(value)} for value in values.split(","))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("roundups", "multinews", "excerpts"), default="roundups")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--grid", nargs="+", default=["SOFT=0.6,0.7,0.8", "MERGE=0.6,0.7,0.8", "DENSE=0.5,1"])
    parser.add_argument("--describe", action="store_true", help="print what the vectors match first")
    parser.add_argument("--pairs", type=int, default=20, help="word pairs drawn per band by --describe")
    parser.add_argument(
        "--cased", action="store_true", help="the second run: spellings as written, no shared rows"
    )
    parser.add_argument("--only-describe", action="store_true", help="stop after --describe")
    args = parser.parse_args()

    stories, words = stories_of(args.set)
    stories = stories[: args.limit]
    table = load_word_vectors()
    print(
        f"{len(stories)} {args.set} stories, {words} words, neutral style{', cased' if args.cased else ''}\n"
    )
    if args.describe:
        describe(stories, table, (0.6, 0.7, 0.8), args.pairs, args.cased)
        reach(stories, table, (0.6, 0.7, 0.8), args.cased)
        if args.only_describe:
            return
    print("| setting | R-1 / R-2 / R-Lsum | R-1 diff ± se | R-2 diff ± se | up / down | counts |")
    print("| --- | --- | --- | --- | --- | --- |")
    base, _ = run(stories, words, {}, table, args.cased)
    print(f"| product | {' / '.join(f'{x:.4f}' for x in base.mean(0))} | | | | |", flush=True)
    for setting in settings(args.grid):
        scores, stats = run(stories, words, setting, table, args.cased)
        label = ", ".join(f"{name}={value:g}" for name, value in setting.items())
        counts = ", ".join(f"{k} {int(v)}" for k, v in stats.items() if v)
        print(f"{paired_row(label, scores, base)} {counts} |", flush=True)


if __name__ == "__main__":
    main()
