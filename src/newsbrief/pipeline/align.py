"""Group sentences from different articles that report the same content into facts.

Grouping is complete-linkage agglomerative clustering over sentence cosine similarity with one
constraint: a fact holds at most one sentence from each article (two sentences of one article
are not corroboration). Complete linkage means every pair inside a fact is at least
``SAME_CONTENT_THRESHOLD`` apart, so groups cannot drift through chains of loosely related sentences.

Outlets that report one event in their own words share fewer stems than wire copy does: "Top
Democrats on Friday swiftly pressured President Trump to consider cancelling his upcoming summit
with Vladimir Putin" and "Leading Democrats called Friday for President Trump to cancel his
upcoming meeting with President Vladimir V. Putin" (TF-IDF 0.24). Two statements of different
articles whose TF-IDF cosine is at least ``MEANING_FLOOR`` also count as the same content when
they are close in meaning (``SAME_MEANING``, a WordLlama cosine, the value the conflicts and the
neutral style read as "the same by meaning"). A fact's similarities stay the TF-IDF cosines.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from newsbrief.analysis.facts import is_statement
from newsbrief.analysis.similarity import embed
from newsbrief.model import Fact, Sentence

__all__ = ["MEANING_FLOOR", "SAME_CONTENT_THRESHOLD", "SAME_MEANING", "align", "similarity_matrix"]

# Cosine of TF-IDF vectors (stemmed words and word pairs) above which two sentences from
# different outlets are read as reporting the same thing. Checked by hand on the Aleppo story
# and Multi-News pairs: at 0.3 paraphrases of one event match ("Russia and Iran have now cut off
# supply lines from Turkey" / "the regime has managed to cut off supply lines from Turkey"),
# while sentences that merely share a place name ("Aleppo") stay apart.
SAME_CONTENT_THRESHOLD = 0.3
# Below SAME_CONTENT_THRESHOLD, from MEANING_FLOOR, a pair of different articles is the same
# content when its WordLlama cosine reaches SAME_MEANING. Checked by hand on 40 such pairs drawn
# at random from the 100 BASIL triples: 35 report one fact (28 of 30 pairs above the threshold do).
MEANING_FLOOR = 0.2
SAME_MEANING = 0.7


def similarity_matrix(vectors: csr_matrix) -> NDArray[np.float64]:
    """Dense cosine similarities between all sentence rows (vectors are L2-normalised)."""
    if vectors.shape[1] == 0:
        return np.zeros((vectors.shape[0], vectors.shape[0]))
    return np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)


def align(
    sentences: tuple[Sentence, ...],
    similarity: NDArray[np.float64],
) -> tuple[Fact, ...]:
    """Every sentence in exactly one fact; facts reported by more articles come first.

    ``similarity`` holds the sentences' pairwise cosines, as ``similarity_matrix`` makes them.
    Singletons are claims only one article makes. Order: number of articles (descending),
    then the position of the representative sentence in the story.
    """
    groups = _cluster(sentences, _with_meaning(sentences, similarity))
    facts = [_fact(sentences, similarity, members) for members in groups]
    order = {(sent.article_id, sent.index): position for position, sent in enumerate(sentences)}
    facts.sort(key=lambda fact: (-len(fact.article_ids), order[_key(fact.sentences[0])]))
    return tuple(facts)


def _with_meaning(sentences: tuple[Sentence, ...], similarity: NDArray[np.float64]) -> NDArray[np.float64]:
    """The similarities with each pair of statements of different articles between MEANING_FLOOR
    and SAME_CONTENT_THRESHOLD raised to the threshold when the two are close in meaning; only the
    sentences of such pairs are embedded. Both must be statements (``facts.is_statement``): a
    photo credit, "(Photo: Metro Nashville Police)", is close in meaning to any line that names
    the police."""
    articles = np.array([sent.article_id for sent in sentences])
    band = (similarity >= MEANING_FLOOR) & (similarity < SAME_CONTENT_THRESHOLD)
    candidates = np.argwhere(np.triu(band & (articles[:, None] != articles[None, :]), k=1))
    statements = {int(i) for i in np.unique(candidates) if is_statement(sentences[i].text)}
    pairs = [(int(i), int(j)) for i, j in candidates if i in statements and j in statements]
    if not pairs:
        return similarity
    needed = sorted({k for pair in pairs for k in pair})
    vectors = dict(zip(needed, embed([sentences[k].text for k in needed]), strict=True))
    lifted = similarity.copy()
    for i, j in pairs:
        if float(vectors[i] @ vectors[j]) >= SAME_MEANING:
            lifted[i, j] = lifted[j, i] = SAME_CONTENT_THRESHOLD
    return lifted


def _cluster(sentences: tuple[Sentence, ...], similarity: NDArray[np.float64]) -> list[list[int]]:
    """Complete-linkage groups of sentence positions, merging the most similar pairs first."""
    articles = [sent.article_id for sent in sentences]
    group_of = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    rows, cols = np.nonzero(np.triu(similarity >= SAME_CONTENT_THRESHOLD, k=1))
    pairs = sorted(
        ((float(similarity[i, j]), int(i), int(j)) for i, j in zip(rows, cols, strict=True)),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )
    for _, i, j in pairs:
        first, second = group_of[i], group_of[j]
        if first == second or articles[i] == articles[j]:
            continue
        joined = members[first] + members[second]
        if len({articles[k] for k in joined}) < len(joined):
            continue
        if similarity[np.ix_(members[first], members[second])].min() < SAME_CONTENT_THRESHOLD:
            continue
        members[first] = sorted(joined)
        for k in members.pop(second):
            group_of[k] = first
    return [members[key] for key in sorted(members)]


def _fact(sentences: tuple[Sentence, ...], similarity: NDArray[np.float64], members: list[int]) -> Fact:
    """A fact whose representative is the member closest on average to the others; between
    equals (the two of a pair always are), the one closer to the story as a whole."""
    if len(members) == 1:
        return Fact(sentences=(sentences[members[0]],), similarities=(1.0,))
    block = similarity[np.ix_(members, members)]
    centrality = np.round(block.sum(axis=1), 9)
    to_story = similarity[members].sum(axis=1)
    representative = members[max(range(len(members)), key=lambda k: (centrality[k], to_story[k], -k))]
    ordered = [representative, *(m for m in members if m != representative)]
    return Fact(
        sentences=tuple(sentences[m] for m in ordered),
        similarities=tuple(round(float(similarity[representative, m]), 4) for m in ordered),
    )


def _key(sentence: Sentence) -> tuple[str, int]:
    return sentence.article_id, sentence.index
