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
from newsbrief.analysis.lexicon import is_cut_loose_quotation, quotes_someone
from newsbrief.errors import stop_if_cancelled
from newsbrief.model import Analysis, Article, Claim, Conflict, DisputedClaim, Fact, Quote, Sentence, Span

if TYPE_CHECKING:
    import threading

    import numpy as np
    from numpy.typing import NDArray
    from spacy.tokens import Doc

__all__ = ["NEEDS_NLP", "analyze", "clashing_sentences"]

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
    if "quotes" in found:
        quotes: Sequence[Quote] = found["quotes"]  # type: ignore[assignment]
        quoted = [span for quote in quotes if quote.kind == "direct" for span in quote.spans]
        if "claims" in found:
            found["claims"] = _claims_not_quoted(found["claims"], quoted)  # type: ignore[arg-type]
        if "facts" in found:
            found["facts"] = _facts_not_quoted(found["facts"], quoted)  # type: ignore[arg-type]
    return Analysis(ran=ran, **found)  # type: ignore[arg-type]


# Characters a quotation's span may leave out of a sentence inside it: its marks and the full stop.
_QUOTE_EDGE = 2


def _inside_a_quotation(sentence: Sentence, quoted: Sequence[Span]) -> bool:
    """Whether the sentence is someone's quoted words and nothing else: inside a direct quotation
    (its marks aside) and with no words of its own outside the marks, whether it has none (a
    sentence from the middle of a quotation), is one whole quotation, or opens or closes one it
    does not close or open. A quotation's span runs over what is said between its pieces
    (""Undoubtedly, there is collusion," Schiff told The Washington Post. "..."), and a
    sentence that names its speaker states that they said it."""
    text = sentence.text
    if quotes_someone(text) and not is_cut_loose_quotation(text):
        return False
    return any(
        span.article_id == sentence.article_id
        and span.start - _QUOTE_EDGE <= sentence.start
        and sentence.end <= span.end + _QUOTE_EDGE
        for span in quoted
    )


def _claims_not_quoted(claims: Sequence[Claim], quoted: Sequence[Span]) -> tuple[Claim, ...]:
    """The claims that lie inside no one's quotation: a quotation is its speaker's words, listed
    under the quotes, and "He doesn't have a birth certificate or he hasn't shown it." from the
    middle of Fox's quotation of Trump, listed alone, read as Fox's statement."""
    return tuple(claim for claim in claims if not _inside_a_quotation(claim.sentence, quoted))


def _facts_not_quoted(facts: Sequence[Fact], quoted: Sequence[Span]) -> tuple[Fact, ...]:
    """The agreed facts as outlets state them, without the sentences that are someone's quoted
    words, and none that two outlets no longer state: the Times' "Mr. Obama has shown a
    certificate of live birth from Hawaii, which is the standard form ..." was "agreed" by Fox
    through Trump's "He has what's called a certificate of live birth.", his argument against it.
    A fact whose first sentence, the one the others were matched to, is quoted goes whole."""
    kept = []
    for fact in facts:
        if not fact.sentences or _inside_a_quotation(fact.sentences[0], quoted):
            continue
        pairs = [
            (sentence, similarity)
            for sentence, similarity in zip(fact.sentences, fact.similarities, strict=True)
            if not _inside_a_quotation(sentence, quoted)
        ]
        if len({sentence.article_id for sentence, _ in pairs}) > 1:
            kept.append(Fact(tuple(s for s, _ in pairs), tuple(similarity for _, similarity in pairs)))
    return tuple(kept)


def clashing_sentences(
    conflicts: Sequence[Conflict], disputes: Sequence[DisputedClaim]
) -> list[set[tuple[str, int]]]:
    """Pairs of sentences (article id, sentence index) that disagree: they hold figures of a
    conflict with different values, or one disputes the claim the other makes."""
    clashing = [
        {(one.sentence.article_id, one.sentence.index), (other.sentence.article_id, other.sentence.index)}
        for conflict in conflicts
        for one, other in itertools.combinations(conflict.figures, 2)
        if (one.value, one.upper, one.qualifier) != (other.value, other.upper, other.qualifier)
    ]  # two outlets' same "$716 billion" in a conflict with a third's "$882 billion" agree
    clashing.extend(
        {(d.claim.article_id, d.claim.index), (d.dispute.article_id, d.dispute.index)} for d in disputes
    )
    return clashing


def _not_in_conflict(
    facts: Sequence[Fact], conflicts: Sequence[Conflict], disputes: Sequence[DisputedClaim]
) -> tuple[Fact, ...]:
    """The agreed facts none of whose sentences disagree with each other: two outlets' "as many
    as 300,000 people have been killed" and "More than 300,000 people have died" align as one
    fact, and a brief that shows them agreed beside a conflict between them contradicts itself."""
    clashing = clashing_sentences(conflicts, disputes)
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
