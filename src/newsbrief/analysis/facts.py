"""The cross-source analysis stage: agreed facts, figures and conflicts, quotes, entities, framing.

Each analysis lives in its own module; this one runs those asked for over the articles of one
story and gathers their results into an ``Analysis``. The spaCy parse is made once and shared
(``analyze_many`` parses the articles of many stories in one ``nlp.pipe`` stream).

Agreed facts are the alignment stage's facts that hold sentences from two or more articles. The
claims only one outlet makes are the sentences in no such fact, ranked by how close they are to
the story as a whole (cosine to the centroid of all sentence vectors): a sentence on the story's
own subject that nobody else reports is notable, an aside is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsbrief.model import Analysis, Article, Claim, Fact, Sentence
from newsbrief.represent import centroid_closeness
from newsbrief.segment import is_whole_quotation

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix
    from spacy.tokens import Doc

__all__ = ["CLAIMS_PER_ARTICLE", "MAX_FACTS", "NEEDS_NLP", "agreed_facts", "analyze", "single_claims"]

NEEDS_NLP = frozenset({"figures", "quotes", "entities", "framing"})
MAX_FACTS = 20
CLAIMS_PER_ARTICLE = 3
# A claim is a statement: very short lines (datelines, headings) and very long run-ons are not.
MIN_CLAIM_WORDS = 8
MAX_CLAIM_WORDS = 60


def analyze(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    facts: Sequence[Fact],
    vectors: csr_matrix,
    analyses: Sequence[str],
    docs: Sequence[Doc] | None = None,
) -> Analysis:
    """Run the named analyses; ``docs`` (one parse per article) is made here when needed and not given."""
    if not analyses:
        return Analysis()
    if docs is None and NEEDS_NLP.intersection(analyses):
        from newsbrief.nlp import parse

        docs = parse(articles)
    ran = tuple(name for name in ("facts", "figures", "quotes", "entities", "framing") if name in analyses)
    found: dict[str, object] = {}
    if "facts" in ran:
        found["facts"] = agreed_facts(facts)
        found["claims"] = single_claims(sentences, facts, vectors)
    if docs is not None:
        found.update(_nlp_analyses(articles, sentences, docs, ran))
    return Analysis(ran=ran, **found)  # type: ignore[arg-type]


def _nlp_analyses(
    articles: Sequence[Article], sentences: Sequence[Sentence], docs: Sequence[Doc], ran: Sequence[str]
) -> dict[str, object]:
    """The analyses that read the spaCy parse."""
    found: dict[str, object] = {}
    if "figures" in ran:
        from newsbrief.figures import find_conflicts, find_figures

        figures = find_figures(articles, docs, sentences)
        found["figures"] = figures
        found["conflicts"] = find_conflicts(figures)
    if "quotes" in ran:
        from newsbrief.quotes import find_quotes

        found["quotes"] = find_quotes(articles, docs)
    if "entities" in ran or "framing" in ran:
        from newsbrief.entities import find_entities

        entities = find_entities(articles, docs)
        if "entities" in ran:
            found["entities"] = entities
        if "framing" in ran:
            from newsbrief.framing import frame

            found["framing"] = frame(articles, docs, entities)
    return found


def agreed_facts(facts: Sequence[Fact], limit: int = MAX_FACTS) -> tuple[Fact, ...]:
    """Facts reported by two or more articles, most articles first, then closest agreement."""
    shared = [fact for fact in facts if len(fact.article_ids) > 1]
    ranked = sorted(
        enumerate(shared),
        key=lambda item: (-len(item[1].article_ids), -_mean_similarity(item[1]), item[0]),
    )
    return tuple(fact for _, fact in ranked[:limit])


def single_claims(
    sentences: Sequence[Sentence],
    facts: Sequence[Fact],
    vectors: csr_matrix,
    per_article: int = CLAIMS_PER_ARTICLE,
) -> tuple[Claim, ...]:
    """Each article's most on-topic sentences that no other article reports, in article order."""
    if len(sentences) == 0 or len({sent.article_id for sent in sentences}) < 2:
        return ()
    corroborated = {
        (s.article_id, s.index) for fact in facts if len(fact.article_ids) > 1 for s in fact.sentences
    }
    weights = centroid_closeness(vectors)
    best: dict[str, list[tuple[float, int]]] = {}
    for position, sent in enumerate(sentences):
        words = len(sent.text.split())
        if (sent.article_id, sent.index) in corroborated or not MIN_CLAIM_WORDS <= words <= MAX_CLAIM_WORDS:
            continue
        if sent.text.rstrip().endswith("?") or is_whole_quotation(sent.text):
            continue  # a question claims nothing; a bare quotation is someone's words, not the outlet's
        best.setdefault(sent.article_id, []).append((float(weights[position]), position))
    claims: list[Claim] = []
    for article_id in dict.fromkeys(sent.article_id for sent in sentences):
        top = sorted(best.get(article_id, []), key=lambda item: (-item[0], item[1]))[:per_article]
        claims.extend(
            Claim(sentence=sentences[p], weight=round(w, 4)) for w, p in sorted(top, key=lambda t: t[1])
        )
    return tuple(claims)


def _mean_similarity(fact: Fact) -> float:
    others = fact.similarities[1:]
    return sum(others) / len(others) if others else 1.0
