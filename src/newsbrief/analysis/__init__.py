"""The cross-source analysis: agreed facts, figures and conflicts, quotes, entities, framing.

Each analysis has its own module; ``analyze`` runs those asked for over the articles of one
story and gathers their results into an ``Analysis``. The spaCy parse is made once and shared
(``newsbrief.pipeline.brief.briefs`` parses the articles of many stories in one ``nlp.pipe``
stream). Entities are resolved first, and quotes, figures and framing read them, so that a name
means the same person or organisation everywhere in a brief.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsbrief.analysis.facts import agreed_facts, single_claims
from newsbrief.errors import stop_if_cancelled
from newsbrief.model import Analysis, Article, Claim, Conflict, DisputedClaim, Fact, Quote, Sentence

if TYPE_CHECKING:
    import threading

    import numpy as np
    from numpy.typing import NDArray
    from spacy.tokens import Doc

__all__ = ["NEEDS_NLP", "analyze"]

NEEDS_NLP = frozenset({"figures", "quotes", "entities", "framing"})


def analyze(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    facts: Sequence[Fact],
    closeness: NDArray[np.float64],
    analyses: Sequence[str],
    docs: Sequence[Doc] | None = None,
    *,
    cancel: threading.Event | None = None,
) -> Analysis:
    """Run the named analyses; ``docs`` (one parse per article) is made here when needed and not given.

    ``closeness`` is each sentence's cosine to the story's centroid (``centroid_closeness``).
    ``cancel``, once set, stops the work after the analysis under way (``stop_if_cancelled``).
    """
    if not analyses:
        return Analysis()
    if docs is None and NEEDS_NLP.intersection(analyses):
        from newsbrief.analysis.nlp import parse

        docs = parse(articles, cancel=cancel)
    ran = tuple(name for name in ("facts", "figures", "quotes", "entities", "framing") if name in analyses)
    found: dict[str, object] = {}
    if "facts" in ran:
        found["facts"] = agreed_facts(facts)
        found["claims"] = single_claims(sentences, facts, closeness)
    if docs is not None:
        found.update(_nlp_analyses(articles, sentences, docs, ran, facts, cancel))
    if "facts" in found and "conflicts" in found:
        found["facts"] = _not_in_conflict(found["facts"], found["conflicts"], found["disputes"])  # type: ignore[arg-type]
    if "claims" in found and "quotes" in found:
        found["claims"] = _not_quoted(found["claims"], found["quotes"])  # type: ignore[arg-type]
    return Analysis(ran=ran, **found)  # type: ignore[arg-type]


# Characters a quotation's span may leave out of a sentence inside it: its marks and the full stop.
_QUOTE_EDGE = 2


def _not_quoted(claims: Sequence[Claim], quotes: Sequence[Quote]) -> tuple[Claim, ...]:
    """The claims that lie inside no one's direct quotation. A quotation is its speaker's words,
    listed under the quotes; a sentence from the middle of one has no quotation marks of its own
    ("He doesn't have a birth certificate or he hasn't shown it." in Fox's quotation of Trump),
    and listed alone among what one outlet says it read as the outlet's statement."""
    spans = [span for quote in quotes if quote.kind == "direct" for span in quote.spans]
    return tuple(
        claim
        for claim in claims
        if not any(
            span.article_id == claim.sentence.article_id
            and span.start - _QUOTE_EDGE <= claim.sentence.start
            and claim.sentence.end <= span.end + _QUOTE_EDGE
            for span in spans
        )
    )


def _not_in_conflict(
    facts: Sequence[Fact], conflicts: Sequence[Conflict], disputes: Sequence[DisputedClaim]
) -> tuple[Fact, ...]:
    """The agreed facts none of whose sentences disagree with each other: two outlets' "as many
    as 300,000 people have been killed" and "More than 300,000 people have died" align as one
    fact, and a brief that shows them agreed beside a conflict between them contradicts itself."""
    clashing = [
        {(one.sentence.article_id, one.sentence.index), (other.sentence.article_id, other.sentence.index)}
        for conflict in conflicts
        for one, other in itertools.combinations(conflict.figures, 2)
        if (one.value, one.upper, one.qualifier) != (other.value, other.upper, other.qualifier)
    ]  # two outlets' same "$716 billion" in a conflict with a third's "$882 billion" agree
    clashing.extend(
        {(d.claim.article_id, d.claim.index), (d.dispute.article_id, d.dispute.index)} for d in disputes
    )
    kept = []
    for fact in facts:
        held = {(sentence.article_id, sentence.index) for sentence in fact.sentences}
        if not any(len(held & pair) > 1 for pair in clashing):
            kept.append(fact)
    return tuple(kept)


def _nlp_analyses(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    docs: Sequence[Doc],
    ran: Sequence[str],
    facts: Sequence[Fact],
    cancel: threading.Event | None,
) -> dict[str, object]:
    """The analyses that read the spaCy parse; entities first, since the others name by them."""
    from newsbrief.analysis.entities import find_entities, names_of

    entities = find_entities(articles, docs)
    stop_if_cancelled(cancel, "entities")
    names = names_of(entities)
    found: dict[str, object] = {}
    if "figures" in ran:
        from newsbrief.analysis.conflicts import find_conflicts
        from newsbrief.analysis.figures import find_figures

        figures = find_figures(articles, docs, sentences, names)
        found["figures"] = figures
        found["conflicts"] = find_conflicts(figures, articles=articles, facts=facts)
        from newsbrief.analysis.disputes import find_disputes

        found["disputes"] = find_disputes(articles, docs, sentences)  # conflicts of claims, not figures
        stop_if_cancelled(cancel, "figures")
    if "quotes" in ran:
        from newsbrief.analysis.quotes import find_quotes_and_unattributed

        found["quotes"], found["unattributed"] = find_quotes_and_unattributed(articles, docs, names)
        stop_if_cancelled(cancel, "quotes")
    if "entities" in ran:
        found["entities"] = entities
    if "framing" in ran:
        from newsbrief.analysis.framing import frame

        found["framing"] = frame(articles, docs, entities)
    return found
