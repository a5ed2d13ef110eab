"""Soft term matching as a diagnostic, before any product code (issue 10, ninth and tenth rounds).

    PYTHONPATH=src python benchmarks/softmatch.py                 # ninth round: WordLlama word vectors
    PYTHONPATH=src python benchmarks/softmatch.py --vectors md    # tenth round: en_core_web_md's vectors
    PYTHONPATH=src python benchmarks/softmatch.py --dense-md      # tenth round: md vectors as dense mode

The question: would letting a term of an article match a *different* term of a story, when the
two words mean nearly the same ("lawmakers" / "legislators", "killed" / "dead"), put more
articles into their true story? Soft cosine (Sidorov et al. 2014; Charlet & Damnati 2017's
SimBOW): cos_S(a, b) = a'Sb / sqrt(a'Sa · b'Sb), where a and b are the clusterer's own TF-IDF
vectors (read back from its store: title weight, word pairs at half weight, figures, online
IDF, 80 terms, unit length) and S is the identity plus ``weight`` x the cosine of two different
words' vectors where that cosine is at least ``floor`` (0 elsewhere). A word's vector is
WordLlama's embedding of the word itself (its token embeddings averaged, through
``load_wordllama``, downloads disabled), one per stem (the stem's first spelling in the
stream). Word pairs and words with digits match only themselves. Soft cosine of two articles
reads only their own words, so S over the whole stream's vocabulary gives exactly what an online
clusterer, which knows only the words seen so far, would compute.

The measure ("forced into its true story", docs/history/clustering.md, "Tried and not kept"): the stream is replayed
in arrival order with every earlier article already in its true story; for each article whose
true story has an earlier member (copies, which the clusterer records as duplicates, are left
out as articles and as members), its true story's score (the mean cosine to its members times
exp(-gap / 3 days), the clusterer's score) is compared with the best other story active within
the 3-day window. The share of articles whose true story scores higher is printed, for plain
lexical cosine and each soft setting, on the dense streams at 70 stories a day (the
clustering benchmark's streams and seed): AllSides, BASIL, the one-topic stream and Multi-News.
Beside it (added after the first run, the stop rule unchanged) the *decision share* over every
non-copy article at each of ``THRESHOLDS``: join the true story when it is open, reaches the
threshold and outscores every other; found a new story when it is not open and no other story
reaches the threshold (at 0.14, plain lexical, the README's earlier 0.823 on AllSides).

Grid and stop rule, fixed before the first run (committed with this script): floors {0.5, 0.6,
0.7} (a probe of word pairs not from the data: "lawmakers" / "legislators" 0.51, "bill" /
"legislation" 0.55, "killed" / "dead" 0.64, "iranian" / "iran" 0.90; "police" / "officers"
0.48, "court" / "judge" 0.45; "slams" / "castigates" 0.05) x weights {0.5, 1}. Soft matching
goes on to a ``ClusterSettings`` field and the cross-validation only if one setting raises the
AllSides share by at least 0.01 over plain lexical *and* does not lower BASIL's share; otherwise
it stops here and the README records it under "Tried and not kept". Result (docs/history/clustering.md,
ninth round): no setting passes (AllSides 0.9214 plain, 0.9228 at best), so it stopped here.

Tenth round (``--vectors md``): the same measure, grid and stop rule with a real source of word
meaning, spaCy en_core_web_md's 300-d static vectors (``analysis.wordvectors``; "lawmakers" /
"legislators" 0.86, "killed" / "slain" 0.84). A stem's vector is the md vector of the most
frequent lower-cased surface word seen for it in the stream (ties: the first seen), falling back
to that word's most frequent spelling as written; a stem whose word has no md vector matches only
itself. The stop rule, unchanged and fixed before the first md run (committed with this text):
go on to a ``ClusterSettings`` field and the cross-validation only if one of the six settings
raises the AllSides ranking share by 0.01 or more over plain lexical without lowering BASIL's.

Tenth round, second diagnostic (``--dense-md``): the md vectors as dense mode's embedding. In
place of WordLlama's, an article's embedding is the IDF-weighted mean of the md vectors of its
title and lead words (the first 60 words, as dense mode embeds; lower-cased, stop words, words
with digits and words without a vector left out; each occurrence counts), unit length; the IDF
is counted online over the stream's articles so far, counting the article, as the clusterer
counts its own: 1 + log((1 + n) / (1 + df)). Dense mode's own mixing code scores with it
(``ClusterSettings(dense=True)``, ``stream.cluster.embed`` replaced for the run). Measured as the
clustering benchmark measures: BCubed F1 at 70 stories a day, its seed, on its four streams
(BASIL, AllSides, Multi-News, the one-topic stream of all 1,066 stories), in-sample. Grid, fixed
before the first run: ``dense_weight`` {0.1, 0.2, 0.3} x threshold ``MD_THRESHOLDS`` (mean word
vectors of two unrelated news texts have cosines far above lexical ones, so the thresholds reach
0.5); beside it lexical at thresholds {0.12, 0.14, 0.16, 0.18}. Stop rule, fixed before the
first run: it goes on to the cross-validation only if some dense point raises AllSides by 0.01
or more over the lexical default (0.14) *and* its mean over the four streams is above the best
lexical point's mean *and* BASIL is not below the lexical default's; otherwise it stops here.
Results (docs/history/clustering.md, tenth round): neither passes. Soft cosine over the md
vectors: AllSides 0.9214 plain, 0.9223 at best (floor 0.7, weight 0.5; BASIL 0.995 -> 0.990),
lower at every other setting. As dense mode's embedding: AllSides 0.8705 at best (weight 0.1,
threshold 0.2) against 0.8674, BASIL 0.9131 against 0.9214, the four-stream mean lower.

Eleventh round (``--md-forms``, then ``--md-forms --bcubed``): the standard fixes for averaged
word vectors, none fitted on our data, against the tenth round's IDF-weighted mean ("plain").
Every form reads the same words as plain (title and first 60 words, lower-cased, no stop words,
no words with digits, only words with an md vector, each occurrence counting); the sentence
vector is unit length.
(a) SIF weights (Arora, Liang & Ma 2017): a word weighs a / (a + p(w)) in place of its IDF, p(w)
    its occurrences over all counted word occurrences in the stream so far, counting the article
    (online, as the clusterer's IDF); a in {1e-3, 1e-4} (the paper's range).
(b) All-but-the-top (Mu & Viswanath 2018): from every md word vector (the table as loaded, unit
    rows) the table's own mean over its 20,000 rows and then its projection on the table's top D
    principal components are removed before the (IDF-weighted) averaging; D in {1, 2, 3}.
    Computed from the md table alone, the same for any data.
(c) Common-component removal: the sentence vector's projection on the first principal direction
    (uncentred, as Arora et al.) of the *earlier* articles' sentence vectors is removed, then the
    vector is set to unit length; that direction is the top eigenvector of an exponentially
    weighted second-moment matrix of the earlier articles' vectors (half-life 1,000 articles;
    fixed, not tuned), found by power iteration warm-started from the previous article's
    direction (5 steps per article); the first article is left as it is.
Forms, fixed before the first run: plain; SIF a=1e-3; SIF a=1e-4; ABTT D=1, 2, 3; common
component removed from plain; SIF a=1e-3 with the common component removed (the paper's whole
method); ABTT D=2 with the common component removed. Stop rule, fixed before the first run:
first the pair AUC (every pair of non-copy articles at most the window apart, the dense streams at
70/day as ``--md-pairs``): a form goes on only if its own AUC on AllSides is at least 0.03 above
plain's AND at one mixing weight w in {0.05, 0.1, 0.2} the AUC of (1 - w) lexical + w form is at
least 0.002 above the lexical AUC on AllSides and not below the lexical AUC on BASIL. Then
(``--bcubed``, only for the forms that pass) in-sample BCubed F1 at 70/day through dense mode's
own mixing code (``dense_md``'s path) at dense_weight {0.05, 0.1, 0.2} x threshold
``FORM_THRESHOLDS``, on AllSides and BASIL (the streams the rule names): a form goes on only if a
point raises AllSides by 0.01 or more over the lexical default and keeps BASIL at least at the
lexical default's. Even then nothing is built this round: the report says how it would go in.
Result (docs/history/clustering.md, eleventh round): two forms pass the pair stage (plain
with the common component removed: AUC 0.9701 against 0.9169, mixed at 0.05 0.9942 against the
lexical 0.9922; ABTT D=2 with it removed: 0.9776, mixed at 0.1 0.9944); SIF and ABTT alone do
not. Neither passes the BCubed stage: AllSides 0.8672 at best (0.05 / 0.16) against the lexical
default's 0.8674, though BASIL rises to 0.9523 against 0.9214. It stops here.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import importlib
import math
import os
import re
import statistics
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

import numpy as np
import scipy.sparse as sp

from clustering import (  # benchmarks/ is on sys.path
    CV_RATE,
    DATA,
    SEED,
    Labelled,
    cv_sets,
    dense_stream,
    load,
    run_ours,
    scores,
)
from newsbrief.analysis.similarity import load_wordllama
from newsbrief.analysis.wordvectors import load_word_vectors
from newsbrief.model import Article, ClusterSettings
from newsbrief.pipeline.represent import STOP_WORDS, stem
from newsbrief.stream import Store, cluster, in_publication_order
from newsbrief.stream.cluster import DEFAULT_SETTINGS

FLOORS = (0.5, 0.6, 0.7)
WEIGHTS = (0.5, 1.0)
# Thresholds of the decision share (added after the first run, to compare with the README's
# earlier 'share of right decisions'; the stop rule stays the ranking share's).
THRESHOLDS = (0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25)
DAY_S = 86_400.0
BLOCK = 256
# The clusterer's module (the package's ``cluster`` name is its function), whose ``embed`` the
# second diagnostic replaces.
cluster_module: Any = importlib.import_module("newsbrief.stream.cluster")
# The second diagnostic's grid (module docstring), fixed before its first run.
MD_WEIGHTS = (0.1, 0.2, 0.3)
# The eleventh round's forms and grids (module docstring), fixed before its first run.
FORMS: dict[str, dict[str, Any]] = {
    "plain": {},
    "SIF a=1e-3": {"sif": 1e-3},
    "SIF a=1e-4": {"sif": 1e-4},
    "ABTT D=1": {"abtt": 1},
    "ABTT D=2": {"abtt": 2},
    "ABTT D=3": {"abtt": 3},
    "plain, common removed": {"common": True},
    "SIF a=1e-3, common removed": {"sif": 1e-3, "common": True},
    "ABTT D=2, common removed": {"abtt": 2, "common": True},
}
FORM_MIXES = (0.05, 0.1, 0.2)
FORM_THRESHOLDS = (0.12, 0.14, 0.16, 0.18, 0.2, 0.23, 0.26, 0.3, 0.35, 0.4)
COMMON_DECAY = 0.5 ** (1 / 1000)  # half-life 1,000 articles
POWER_STEPS = 5
MD_THRESHOLDS = (0.14, 0.17, 0.2, 0.23, 0.26, 0.3, 0.35, 0.4, 0.45, 0.5)
LEXICAL_THRESHOLDS = (0.12, 0.14, 0.16, 0.18)
# The md table maps 514,157 word forms onto 20,000 vectors (its pruning gave each dropped word
# its nearest kept word's row): two different words at a cosine this high share a row.
SHARED_ROW = 0.999
DENSE_WORDS = 60  # the lead dense mode embeds (features._DENSE_WORDS)
# Words whose neighbours are printed: the brief's examples of one event worded differently.
PROBES = ("slams", "castigates", "criticizes", "lawmakers", "iranian", "killed", "trump", "police")
# The words of features._WORD: letters and digits, with inner apostrophes.
_WORD = re.compile(r"(?=\w)[^\W_]+(?:['’][^\W_]+)*")


class Stream:
    """A dense stream's vectors as the clusterer computes them, with labels, times and copies."""

    def __init__(self, articles: list[Article], labels: dict[str, str]) -> None:
        store = Store(None)
        cluster(articles, store=store, settings=DEFAULT_SETTINGS)
        records = list(store.articles())
        store.close()
        self.labels = [labels[r.key] for r in records]
        self.times = np.array([r.time for r in records])
        self.copy = np.array([r.duplicate_of is not None for r in records], dtype=bool)
        number: dict[str, int] = {}
        self.codes = np.array([number.setdefault(label, len(number)) for label in self.labels])
        columns: dict[int, int] = {}
        rows, cols, vals = [], [], []
        for row, record in enumerate(records):
            terms = np.frombuffer(record.terms, dtype=np.int64)
            weights = np.frombuffer(record.weights, dtype=np.float64)
            for term, weight in zip(terms.tolist(), weights.tolist(), strict=True):
                if weight != 0.0:
                    rows.append(row)
                    cols.append(columns.setdefault(term, len(columns)))
                    vals.append(weight)
        self.matrix = sp.csr_matrix((vals, (rows, cols)), shape=(len(records), len(columns)))
        self.columns = columns
        ordered = [r.article for r in records]
        self.articles = ordered
        self.spelling = _spellings(ordered, columns)
        self.frequent = _frequent_spellings(ordered, columns)


def _stream_words(article: Article) -> list[str]:
    """The title's and lead's words, as the clusterer reads them (features._WORD, lead_words)."""
    return _WORD.findall(article.title) + _WORD.findall(article.text)[: DEFAULT_SETTINGS.lead_words]


def _kept(lower: str) -> bool:
    """Whether a lower-cased word is one whose stem can match another: no stop word, digit or single letter."""
    return lower not in STOP_WORDS and len(lower) >= 2 and not any(c.isdigit() for c in lower)


def _frequent_spellings(ordered: Sequence[Article], columns: dict[int, int]) -> dict[int, tuple[str, str]]:
    """Column -> its stem's most frequent lower-cased word and that word's most frequent spelling
    as written (ties: the first seen), for the md vectors (module docstring)."""
    lowers: dict[int, Counter[str]] = defaultdict(Counter)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for column, lower, word in _column_words(ordered, columns):
        lowers[column][lower] += 1
        written[lower][word] += 1
    frequent = {}
    for column, counts in lowers.items():
        lower = counts.most_common(1)[0][0]  # Counter keeps first-seen order among ties
        frequent[column] = (lower, written[lower].most_common(1)[0][0])
    return frequent


def _spellings(ordered: Sequence[Article], columns: dict[int, int]) -> dict[int, str]:
    """Column -> the first lower-cased spelling of its stem in the stream (words without digits only)."""
    spelling: dict[int, str] = {}
    for column, lower, _ in _column_words(ordered, columns):
        spelling.setdefault(column, lower)
    return spelling


def _column_words(ordered: Sequence[Article], columns: dict[int, int]) -> Iterator[tuple[int, str, str]]:
    """(column, lower-cased word, word as written) of each kept stream word whose stem has a column,
    in stream order."""
    for article in ordered:
        for word in _stream_words(article):
            lower = word.lower()
            if not _kept(lower):
                continue
            column = columns.get(zlib.crc32(stem(lower).encode("utf-8")))
            if column is not None:
                yield column, lower, word


def word_matrix(stream: Stream, source: str) -> tuple[list[int], np.ndarray]:
    """The columns that have a word vector and their unit vectors: WordLlama's embedding of the
    stem's first spelling, or the md vector of its most frequent word (as written when the
    lower-cased form has none)."""
    if source == "wordllama":
        columns = sorted(stream.spelling)
        words = [stream.spelling[c] for c in columns]
        return columns, load_wordllama().embed(words, norm=True).astype(np.float64)
    table = load_word_vectors()
    columns, rows = [], []
    for column in sorted(stream.frequent):
        lower, written = stream.frequent[column]
        vector = table.vector(lower)
        vector = table.vector(written) if vector is None else vector
        if vector is not None:
            columns.append(column)
            rows.append(vector)
    return columns, np.asarray(rows, dtype=np.float64)


def spelling_of(stream: Stream, source: str) -> dict[int, str]:
    """Column -> the word its vector was taken from."""
    if source == "wordllama":
        return stream.spelling
    return {column: lower for column, (lower, _) in stream.frequent.items()}


def neighbours(
    stream: Stream, floor: float, source: str = "wordllama", ceiling: float = 2.0
) -> sp.csr_matrix:
    """Column x column: the cosine of two different words' vectors (``source``) where at least
    ``floor`` and below ``ceiling`` (``--no-shared-rows``: 0.999, leaving out two words that the md
    table's pruning mapped onto one row)."""
    columns, vectors = word_matrix(stream, source)
    rows, cols, vals = [], [], []
    for start in range(0, len(columns), 2048):
        block = vectors[start : start + 2048] @ vectors.T
        i, j = np.nonzero((block >= floor) & (block < ceiling))
        keep = start + i != j
        rows.append(np.asarray(columns)[start + i[keep]])
        cols.append(np.asarray(columns)[j[keep]])
        vals.append(block[i[keep], j[keep]])
    size = stream.matrix.shape[1]
    return sp.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(size, size)
    )


class Forced(NamedTuple):
    """A forced replay's results: the ranking share over the articles with an earlier true
    member, how many they are, and the share of right decisions at each of ``THRESHOLDS``."""

    share: float
    counted: int
    decisions: tuple[float, ...]


def forced_share(
    stream: Stream, similarity: sp.csr_matrix | None, outcomes: dict[int, tuple[bool, int]] | None = None
) -> Forced:
    """The forced replay (module docstring) with plain cosine (None) or the soft cosine of ``similarity``.

    The ranking share: of the articles with an earlier true member, those whose true story
    outscores every other. A right decision (every non-copy article): join the true story
    when it is open, scores at least the threshold and above every other; found a new story
    (no other story reaching the threshold) when it is not open. ``outcomes``, when given, gets
    each counted article's row -> (ranked right, the best other story's code).
    """
    x = stream.matrix
    transformed = x if similarity is None else x @ (sp.identity(x.shape[1], format="csr") + similarity)
    norms = np.sqrt(np.asarray(transformed.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0.0] = 1.0
    window = DEFAULT_SETTINGS.window_days * DAY_S
    thresholds = np.array(THRESHOLDS)
    right = counted = articles = 0
    decided = np.zeros(len(THRESHOLDS))
    for start in range(0, x.shape[0], BLOCK):
        stop = min(start + BLOCK, x.shape[0])
        lo = int(np.searchsorted(stream.times, stream.times[start] - window - DAY_S))
        cosines = (transformed[start:stop] @ x[lo:stop].T).toarray()
        cosines /= norms[start:stop, None] * norms[None, lo:stop]
        for row in range(start, stop):
            if stream.copy[row]:
                continue
            true, other, rival = _true_and_other(stream, row, lo, cosines[row - start])
            articles += 1
            if true is None:
                decided += other < thresholds
            else:
                counted += 1
                right += true > other
                if outcomes is not None:
                    outcomes[row] = (true > other, rival)
                decided += (true > other) & (true >= thresholds)
    return Forced(right / counted, counted, tuple((decided / articles).tolist()))


def _true_and_other(
    stream: Stream, row: int, lo: int, cosines: np.ndarray
) -> tuple[float | None, float, int]:
    """The article's true story's score (None when it has no open earlier member), the best
    other open story's (-inf when none) and that story's code."""
    earlier = np.arange(lo, row)
    earlier = earlier[~stream.copy[lo:row]]
    codes = stream.codes[earlier]
    size = max(int(codes.max()) + 1 if len(codes) else 0, int(stream.codes[row]) + 1)
    sums = np.bincount(codes, cosines[earlier - lo], minlength=size)
    members = np.bincount(codes, minlength=size)
    last = np.full(size, -np.inf)
    np.maximum.at(last, codes, stream.times[earlier])
    gap = stream.times[row] - last
    open_ = (members > 0) & (gap <= DEFAULT_SETTINGS.window_days * DAY_S)
    scores = np.where(
        open_, sums / np.maximum(members, 1) * np.exp(-gap / (DEFAULT_SETTINGS.decay_days * DAY_S)), -np.inf
    )
    true = int(stream.codes[row])
    true_score = float(scores[true]) if open_[true] else None
    scores[true] = -np.inf
    rival = int(np.argmax(scores))
    return true_score, float(scores[rival]), rival


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--vectors", choices=("wordllama", "md"), default="wordllama", help="the word vectors"
    )
    parser.add_argument("--dense-md", action="store_true", help="the md vectors as dense mode's embedding")
    parser.add_argument(
        "--md-pairs",
        action="store_true",
        help="(added after the --dense-md run) how well each cosine tells same-story pairs from others",
    )
    parser.add_argument(
        "--no-shared-rows",
        action="store_true",
        help="(added after the first md run, outside the stop rule) no soft match between two words of one md row",
    )
    parser.add_argument("--md-forms", action="store_true", help="eleventh round: the forms' pair AUC")
    parser.add_argument(
        "--bcubed", action="store_true", help="with --md-forms: in-sample BCubed of the forms that pass"
    )
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}", flush=True)
    sets = cv_sets(load(DATA))
    names = ("allsides", "basil", "topic", "multinews")
    if args.md_forms:
        passing = md_forms(sets, names)
        if args.bcubed and passing:
            form_bcubed(sets, passing)
    elif args.md_pairs:
        md_pairs(sets, names)
    elif args.dense_md:
        dense_md(sets, names)
    else:
        soft(sets, names, args.vectors, SHARED_ROW if args.no_shared_rows else 2.0)
    print(f"load average after: {os.getloadavg()}", flush=True)


def soft(sets: dict[str, list[Labelled]], names: Sequence[str], source: str, ceiling: float = 2.0) -> None:
    """The forced replay with plain and soft cosine over the grid, the tables and the stop rule."""
    results: dict[str, dict[str, Forced]] = defaultdict(dict)
    for name in names:
        began = time.process_time()
        articles, labels = dense_stream(sets[name], CV_RATE, SEED)
        stream = Stream(in_publication_order(articles), labels)
        results[name]["plain"] = forced_share(stream, None)
        for floor in FLOORS:
            near = neighbours(stream, floor, source, ceiling)
            for weight in WEIGHTS:
                results[name][f"floor {floor}, weight {weight}"] = forced_share(stream, weight * near)
            print(f"  {name}: floor {floor}, {near.nnz // 2} word pairs", flush=True)
            if name == "allsides":
                show_neighbours(stream, near, spelling_of(stream, source))
                show_flips(stream, 0.5 * near, spelling_of(stream, source))
        print(f"  {name}: {len(articles)} articles, {time.process_time() - began:.0f} s CPU", flush=True)
    print_tables(results, names)


def show_neighbours(stream: Stream, near: sp.csr_matrix, spelling: dict[int, str], shown: int = 12) -> None:
    """The neighbours of a few probe words, and a seeded sample of the word pairs over the floor."""
    by_spelling = {word: column for column, word in spelling.items()}
    for word in PROBES:
        column = by_spelling.get(word)
        if column is not None:
            row = near.getrow(column)
            found = sorted(zip(row.data.tolist(), row.indices.tolist(), strict=True), reverse=True)[:6]
            print(f"    {word}: " + ", ".join(f"{spelling[c]} {v:.2f}" for v, c in found))
    rows, cols = near.nonzero()
    upper = np.flatnonzero(rows < cols)
    for k in np.random.default_rng(SEED).choice(upper, min(shown, len(upper)), replace=False).tolist():
        print(f"    sample: {spelling[rows[k]]} / {spelling[cols[k]]} {near[rows[k], cols[k]]:.2f}")


def show_flips(stream: Stream, near: sp.csr_matrix, spelling: dict[int, str], shown: int = 15) -> None:
    """The articles soft matching mends (plain ranks the true story below another, soft above)
    and breaks (the reverse), and the word pairs that most lifted the story each one ranked first:
    a pair's share of the soft part of the article's dot product with that story's summed members
    (article word, story word), summed over the articles so that each counts once."""
    plain: dict[int, tuple[bool, int]] = {}
    soft: dict[int, tuple[bool, int]] = {}
    forced_share(stream, None, plain)
    forced_share(stream, near, soft)
    mended = [row for row in plain if not plain[row][0] and soft[row][0]]
    broken = [row for row in plain if plain[row][0] and not soft[row][0]]
    print(f"    flips: {len(mended)} mended, {len(broken)} broken of {len(plain)} articles", flush=True)
    window = DEFAULT_SETTINGS.window_days * DAY_S
    for label, rows in (
        ("mended (pairs to the true story)", mended),
        ("broken (pairs to the rival)", broken),
    ):
        weight: dict[tuple[int, int], float] = defaultdict(float)
        for row in rows:
            code = int(stream.codes[row]) if label.startswith("mended") else soft[row][1]
            lo = int(np.searchsorted(stream.times, stream.times[row] - window - DAY_S))
            members = [m for m in range(lo, row) if stream.codes[m] == code and not stream.copy[m]]
            summed = np.asarray(stream.matrix[members].sum(axis=0)).ravel()
            article = stream.matrix.getrow(row)
            lift = near[article.indices].multiply(article.data[:, None]).multiply(summed[None, :]).tocoo()
            total = float(lift.sum())
            if total > 0.0:
                for i, j, value in zip(lift.row.tolist(), lift.col.tolist(), lift.data.tolist(), strict=True):
                    weight[int(article.indices[i]), j] += value / total
        top = sorted(weight.items(), key=lambda item: -item[1])[:shown]
        print(
            f"    {label}: "
            + ", ".join(f"{spelling.get(a, '?')}/{spelling.get(b, '?')} {v:.1f}" for (a, b), v in top)
        )


class MdEmbedding:
    """Dense mode's embedding from the md word vectors (module docstring): the IDF-weighted mean
    of the title's and lead's word vectors, the IDF counted online over the articles embedded so
    far. One per stream: an article is embedded once, in arrival order, and later runs over the
    same stream read the cache, so every run sees the same embeddings.

    The eleventh round's forms (module docstring) are options, all off by default (plain):
    ``sif`` (a) replaces the IDF by SIF weights a / (a + p(w)); ``abtt`` (D) removes the table's
    mean and top D principal components from each word vector; ``common`` removes the earlier
    articles' first principal direction from the sentence vector."""

    def __init__(self, sif: float | None = None, abtt: int = 0, common: bool = False) -> None:
        self.table = load_word_vectors()
        self.seen = 0
        self.df: Counter[str] = Counter()
        self.cache: dict[tuple[str, str], np.ndarray] = {}
        self.sif = sif
        self.counts: Counter[str] = Counter()
        self.occurrences = 0
        self.top = _table_top(abtt) if abtt else None
        self.common = common
        self.moment = np.zeros((self.table.dimensions, self.table.dimensions))
        self.direction: np.ndarray | None = None

    def __call__(self, title: str, text: str) -> np.ndarray:
        key = (title, text)
        if key not in self.cache:
            lead = " ".join(text.split(None, DENSE_WORDS)[:DENSE_WORDS])
            words = [w.lower() for w in _WORD.findall(f"{title}\n{lead}")]
            found = [(w, v) for w in words if _kept(w) and (v := self.table.vector(w)) is not None]
            self.seen += 1
            self.df.update({word for word, _ in found})
            self.counts.update(word for word, _ in found)
            self.occurrences += len(found)
            total = np.zeros(self.table.dimensions)
            for word, vector in found:
                total += self._weight(word) * self._word(vector)
            norm = float(np.linalg.norm(total))
            unit = total / norm if norm > 0.0 else total
            self.cache[key] = self._remove_common(unit) if self.common else unit
        return self.cache[key]

    def _weight(self, word: str) -> float:
        """The word's IDF (plain) or SIF weight, both counted over the articles so far."""
        if self.sif is not None:
            return self.sif / (self.sif + self.counts[word] / self.occurrences)
        return 1.0 + math.log((1.0 + self.seen) / (1.0 + self.df[word]))

    def _word(self, vector: np.ndarray) -> np.ndarray:
        """The word vector, less the table's mean and top components under all-but-the-top."""
        if self.top is None:
            return vector
        mean, components = self.top
        centred = vector - mean
        out: np.ndarray = centred - components.T @ (components @ centred)
        return out

    def _remove_common(self, unit: np.ndarray) -> np.ndarray:
        """Remove the earlier articles' first principal direction (power iteration on their
        exponentially weighted second moment), then count this article's vector in it."""
        out = unit
        if self.direction is not None:
            direction = self.direction
            for _ in range(POWER_STEPS):
                direction = self.moment @ direction
                direction /= np.linalg.norm(direction)
            self.direction = direction
            out = unit - float(direction @ unit) * direction
            norm = float(np.linalg.norm(out))
            out = out / norm if norm > 0.0 else out
        elif float(np.linalg.norm(unit)) > 0.0:
            self.direction = unit.copy()
        self.moment *= COMMON_DECAY
        self.moment += np.outer(unit, unit)
        return out


def _table_top(components: int) -> tuple[np.ndarray, np.ndarray]:
    """The md table's mean row and its top principal directions (rows), from the table alone."""
    mean, right = _table_components()
    return mean, right[:components]


@functools.cache
def _table_components() -> tuple[np.ndarray, np.ndarray]:
    """The md table's mean row and all its principal directions, largest first (one SVD)."""
    table = np.asarray(load_word_vectors()._table, dtype=np.float64)
    mean = table.mean(axis=0)
    _, _, right = np.linalg.svd(table - mean, full_matrices=False)
    return mean, right


def md_pairs(sets: dict[str, list[Labelled]], names: Sequence[str]) -> None:
    """Every pair of non-copy articles at most the window apart in each dense stream at 70/day:
    the mean lexical and md-embedding cosine of same-story and other pairs, and the AUC of each
    cosine and of dense mode's 0.9 / 0.1 mix (the chance that a same-story pair scores above an
    other pair): why the md embedding adds little to the lexical score."""
    from sklearn.metrics import roc_auc_score

    window = DEFAULT_SETTINGS.window_days * DAY_S
    print(
        "| stream | pairs (same story) | lexical: same / other | md: same / other | AUC lexical | AUC md | AUC 0.9 lexical + 0.1 md |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in names:
        articles, labels = dense_stream(sets[name], CV_RATE, SEED)
        stream = Stream(in_publication_order(articles), labels)
        embedding = MdEmbedding()
        dense = np.stack([embedding(a.title, a.text) for a in stream.articles])
        kept = np.flatnonzero(~stream.copy)
        lexical_parts, md_parts, same_parts = [], [], []
        for start in range(0, len(kept), BLOCK):
            rows = kept[start : start + BLOCK]
            lo = int(np.searchsorted(stream.times[kept], stream.times[rows[0]] - window))
            cols = kept[lo : start + BLOCK]
            lexical = (stream.matrix[rows] @ stream.matrix[cols].T).toarray()
            md = dense[rows] @ dense[cols].T
            gap = stream.times[rows][:, None] - stream.times[cols][None, :]
            pair = (rows[:, None] > cols[None, :]) & (gap <= window)
            lexical_parts.append(lexical[pair])
            md_parts.append(md[pair])
            same_parts.append((stream.codes[rows][:, None] == stream.codes[cols][None, :])[pair])
        lexical_all, md_all = np.concatenate(lexical_parts), np.concatenate(md_parts)
        same = np.concatenate(same_parts)
        mixed = 0.9 * lexical_all + 0.1 * md_all
        print(
            f"| {name} | {len(same)} ({int(same.sum())}) "
            f"| {lexical_all[same].mean():.3f} / {lexical_all[~same].mean():.3f} "
            f"| {md_all[same].mean():.3f} / {md_all[~same].mean():.3f} "
            f"| {roc_auc_score(same, lexical_all):.4f} | {roc_auc_score(same, md_all):.4f} "
            f"| {roc_auc_score(same, mixed):.4f} |",
            flush=True,
        )


def _window_pairs(
    stream: Stream, dense: dict[str, np.ndarray]
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Every pair of non-copy articles at most the window apart: the lexical cosine, each
    embedding's cosine, and whether the two are of one story (``md_pairs``' pairs)."""
    window = DEFAULT_SETTINGS.window_days * DAY_S
    kept = np.flatnonzero(~stream.copy)
    lexical_parts: list[np.ndarray] = []
    dense_parts: dict[str, list[np.ndarray]] = {name: [] for name in dense}
    same_parts: list[np.ndarray] = []
    for start in range(0, len(kept), BLOCK):
        rows = kept[start : start + BLOCK]
        lo = int(np.searchsorted(stream.times[kept], stream.times[rows[0]] - window))
        cols = kept[lo : start + BLOCK]
        gap = stream.times[rows][:, None] - stream.times[cols][None, :]
        pair = (rows[:, None] > cols[None, :]) & (gap <= window)
        lexical_parts.append((stream.matrix[rows] @ stream.matrix[cols].T).toarray()[pair])
        for name, vectors in dense.items():
            dense_parts[name].append((vectors[rows] @ vectors[cols].T)[pair].astype(np.float32))
        same_parts.append((stream.codes[rows][:, None] == stream.codes[cols][None, :])[pair])
    joined = {name: np.concatenate(parts) for name, parts in dense_parts.items()}
    return np.concatenate(lexical_parts), joined, np.concatenate(same_parts)


def md_forms(sets: dict[str, list[Labelled]], names: Sequence[str]) -> list[str]:
    """The eleventh round's first stage: each form's pair AUC, alone and mixed with the lexical
    cosine, on the four dense streams at 70/day; returns the forms that pass its rule."""
    from sklearn.metrics import roc_auc_score

    auc: dict[str, dict[str, float]] = defaultdict(dict)
    for name in names:
        began = time.process_time()
        articles, labels = dense_stream(sets[name], CV_RATE, SEED)
        stream = Stream(in_publication_order(articles), labels)
        dense = {}
        for form, options in FORMS.items():
            embedding = MdEmbedding(**options)
            dense[form] = np.stack([embedding(a.title, a.text) for a in stream.articles])
        lexical, cosines, same = _window_pairs(stream, dense)
        auc["lexical"][name] = float(roc_auc_score(same, lexical))
        for form, cosine in cosines.items():
            auc[form][name] = float(roc_auc_score(same, cosine))
            for weight in FORM_MIXES:
                mixed = (1.0 - weight) * lexical + weight * cosine
                auc[f"{form} @ {weight}"][name] = float(roc_auc_score(same, mixed))
            print(
                f"  {name}: {form}: same / other {cosine[same].mean():.3f} / {cosine[~same].mean():.3f}",
                flush=True,
            )
        print(
            f"  {name}: {len(same)} pairs ({int(same.sum())} same story), {time.process_time() - began:.0f} s CPU",
            flush=True,
        )
    print("| AUC | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for label, row in auc.items():
        print(f"| {label} | " + " | ".join(f"{row[n]:.4f}" for n in names) + " |")
    passing = [
        form
        for form in FORMS
        if form != "plain"
        and auc[form]["allsides"] >= auc["plain"]["allsides"] + 0.03
        and any(
            auc[f"{form} @ {w}"]["allsides"] >= auc["lexical"]["allsides"] + 0.002
            and auc[f"{form} @ {w}"]["basil"] >= auc["lexical"]["basil"]
            for w in FORM_MIXES
        )
    ]
    print(f"stop rule (pairs): {'passes with ' + ', '.join(passing) if passing else 'no form passes: stop'}")
    return passing


def form_bcubed(sets: dict[str, list[Labelled]], forms: Sequence[str]) -> None:
    """The eleventh round's second stage: in-sample BCubed F1 at 70/day on AllSides and BASIL
    of the forms that passed the first, through dense mode's mixing code, and the rule's verdict."""
    names = ("allsides", "basil")
    points: dict[str, tuple[dict[str, Any], ClusterSettings]] = {"lexical 0.14": ({}, DEFAULT_SETTINGS)}
    for form in forms:
        for weight in FORM_MIXES:
            for threshold in FORM_THRESHOLDS:
                settings = dataclasses.replace(
                    DEFAULT_SETTINGS, dense=True, dense_weight=weight, threshold=threshold
                )
                points[f"{form} {weight} / {threshold}"] = (FORMS[form], settings)
    f1: dict[str, dict[str, float]] = defaultdict(dict)
    original: Callable[[str, str], np.ndarray] = cluster_module.embed
    try:
        for name in names:
            articles, labels = dense_stream(sets[name], CV_RATE, SEED)
            embeddings = {form: MdEmbedding(**FORMS[form]) for form in forms}
            for label, (options, settings) in points.items():
                chosen = next((f for f in forms if FORMS[f] is options), None)
                if chosen is not None:
                    cluster_module.embed = embeddings[chosen]
                f1[label][name] = scores(labels, run_ours(articles, settings))["F1"]
    finally:
        cluster_module.embed = original
    print("| point (form weight / threshold) | AllSides | BASIL |")
    print("| --- | --- | --- |")
    for label in points:
        print(f"| {label} | {f1[label]['allsides']:.4f} | {f1[label]['basil']:.4f} |")
    base = f1["lexical 0.14"]
    passing = [
        label
        for label in points
        if label != "lexical 0.14"
        and f1[label]["allsides"] >= base["allsides"] + 0.01
        and f1[label]["basil"] >= base["basil"]
    ]
    print(
        f"stop rule (BCubed): {'passes with ' + ', '.join(passing) if passing else 'no point passes: stop'}"
    )


def dense_md(sets: dict[str, list[Labelled]], names: Sequence[str]) -> None:
    """In-sample BCubed F1 at 70/day of lexical and md-dense points, and the stop rule's verdict."""
    points: dict[str, ClusterSettings] = {
        f"lexical {t}": dataclasses.replace(DEFAULT_SETTINGS, threshold=t) for t in LEXICAL_THRESHOLDS
    }
    for weight in MD_WEIGHTS:
        for threshold in MD_THRESHOLDS:
            points[f"md {weight} / {threshold}"] = dataclasses.replace(
                DEFAULT_SETTINGS, dense=True, dense_weight=weight, threshold=threshold
            )
    f1: dict[str, dict[str, float]] = defaultdict(dict)
    original: Callable[[str, str], np.ndarray] = cluster_module.embed
    try:
        for name in names:
            began = time.process_time()
            articles, labels = dense_stream(sets[name], CV_RATE, SEED)
            cluster_module.embed = MdEmbedding()
            for label, settings in points.items():
                f1[label][name] = scores(labels, run_ours(articles, settings))["F1"]
            print(f"  {name}: {len(articles)} articles, {time.process_time() - began:.0f} s CPU", flush=True)
    finally:
        cluster_module.embed = original
    print("| point (weight / threshold) | " + " | ".join(names) + " | mean of 4 |")
    print("| --- |" + " --- |" * (len(names) + 1))
    for label in points:
        cells = " | ".join(f"{f1[label][n]:.4f}" for n in names)
        print(f"| {label} | {cells} | {statistics.fmean(f1[label].values()):.4f} |")
    default = f"lexical {DEFAULT_SETTINGS.threshold}"
    best_lexical = max(statistics.fmean(f1[f"lexical {t}"].values()) for t in LEXICAL_THRESHOLDS)
    passing = [
        label
        for label in points
        if label.startswith("md")
        and f1[label]["allsides"] >= f1[default]["allsides"] + 0.01
        and statistics.fmean(f1[label].values()) > best_lexical
        and f1[label]["basil"] >= f1[default]["basil"]
    ]
    print(f"stop rule: {'passes with ' + ', '.join(passing) if passing else 'no point passes: stop'}")


def print_tables(results: dict[str, dict[str, Forced]], names: Sequence[str]) -> None:
    """The ranking shares (the stop rule's measure), the decision shares, and the stop rule's verdict."""
    print("ranking share (articles counted)")
    print("| setting | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for setting in results[names[0]]:
        cells = [f"{results[n][setting].share:.4f} ({results[n][setting].counted})" for n in names]
        print(f"| {setting} | " + " | ".join(cells) + " |")
    default = THRESHOLDS.index(DEFAULT_SETTINGS.threshold)
    print(f"decision share at {DEFAULT_SETTINGS.threshold}; best over {THRESHOLDS} (its threshold)")
    print("| setting | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for setting in results[names[0]]:
        cells = []
        for n in names:
            decisions = results[n][setting].decisions
            best = max(range(len(decisions)), key=decisions.__getitem__)
            cells.append(f"{decisions[default]:.4f}; {decisions[best]:.4f} ({THRESHOLDS[best]})")
        print(f"| {setting} | " + " | ".join(cells) + " |")
    plain = {n: results[n]["plain"].share for n in names}
    passing = [
        s
        for s in results["allsides"]
        if s != "plain"
        and results["allsides"][s].share >= plain["allsides"] + 0.01
        and results["basil"][s].share >= plain["basil"]
    ]
    print(f"stop rule: {'passes with ' + ', '.join(passing) if passing else 'no setting passes: stop'}")
    gain = max(
        statistics.fmean(results[n][s].share - plain[n] for n in names)
        for s in results[names[0]]
        if s != "plain"
    )
    print(f"largest mean gain in ranking share over the four streams: {gain:+.4f}")


if __name__ == "__main__":
    main()
