"""What the outlets agree on, and the claims only one of them makes.

Agreed facts are the alignment stage's facts that hold sentences from two or more articles. The
claims only one outlet makes are the sentences in no such fact, ranked by how close they are to
the story as a whole (cosine to the centroid of all sentence vectors): a sentence on the story's
own subject that nobody else reports is notable, an aside is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsbrief.analysis.lexicon import is_whole_quotation
from newsbrief.model import Claim, Fact, Sentence

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["CLAIMS_PER_ARTICLE", "MAX_FACTS", "agreed_facts", "single_claims"]

MAX_FACTS = 20
CLAIMS_PER_ARTICLE = 3
# A claim is a statement: very short lines (datelines, headings) and very long run-ons are not.
MIN_CLAIM_WORDS = 8
MAX_CLAIM_WORDS = 60


def agreed_facts(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """Facts reported by two or more articles, most articles first, then closest agreement."""
    shared = [fact for fact in facts if len(fact.article_ids) > 1]
    ranked = sorted(
        enumerate(shared),
        key=lambda item: (-len(item[1].article_ids), -_mean_similarity(item[1]), item[0]),
    )
    return tuple(fact for _, fact in ranked[:MAX_FACTS])


def single_claims(
    sentences: Sequence[Sentence],
    facts: Sequence[Fact],
    closeness: NDArray[np.float64],
) -> tuple[Claim, ...]:
    """Each article's most on-topic sentences that no other article reports, in article order."""
    if len(sentences) == 0 or len({sent.article_id for sent in sentences}) < 2:
        return ()
    corroborated = {
        (s.article_id, s.index) for fact in facts if len(fact.article_ids) > 1 for s in fact.sentences
    }
    best: dict[str, list[tuple[float, int]]] = {}
    seen: set[tuple[str, str]] = set()
    for position, sent in enumerate(sentences):
        words = len(sent.text.split())
        if (sent.article_id, sent.index) in corroborated or not MIN_CLAIM_WORDS <= words <= MAX_CLAIM_WORDS:
            continue
        if sent.text.rstrip().endswith("?") or is_whole_quotation(sent.text):
            continue  # a question claims nothing; a bare quotation is someone's words, not the outlet's
        if (sent.article_id, sent.text) in seen:
            continue  # an article that repeats a sentence makes one claim, at its first place
        seen.add((sent.article_id, sent.text))
        best.setdefault(sent.article_id, []).append((float(closeness[position]), position))
    claims: list[Claim] = []
    for article_id in dict.fromkeys(sent.article_id for sent in sentences):
        top = sorted(best.get(article_id, []), key=lambda item: (-item[0], item[1]))[:CLAIMS_PER_ARTICLE]
        claims.extend(
            Claim(sentence=sentences[p], weight=round(w, 4)) for w, p in sorted(top, key=lambda t: t[1])
        )
    return tuple(claims)


def _mean_similarity(fact: Fact) -> float:
    others = fact.similarities[1:]
    return sum(others) / len(others) if others else 1.0
