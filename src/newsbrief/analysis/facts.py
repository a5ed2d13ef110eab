"""What the outlets agree on, and the claims only one of them makes.

Agreed facts are the alignment stage's facts that hold sentences from two or more articles,
statements first: outlets that carry one wire copy share its quotations, and a piece of a
quotation ("America is not a circus.") agrees on words without saying whose they are. The
claims only one outlet makes are the sentences in no such fact that are statements, ranked by
how close they are to the story as a whole (cosine to the centroid of all sentence vectors): a
sentence on the story's own subject that nobody else reports is notable, an aside is not. Saying
that no one else reports something asks more than the alignment's "not the same content": a
sentence another outlet says in its own words close enough in meaning (``ALONE_BELOW``) is not
listed, though the two are not shown as one fact either; nor is one that shares a run of words
with another outlet's sentence that says more than a name (``SHARED_RUN_WORDS``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsbrief.analysis.lexicon import is_cut_loose_quotation, is_post_signature
from newsbrief.analysis.similarity import embed
from newsbrief.model import Claim, Fact, Sentence

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["ALONE_BELOW", "CLAIMS_PER_ARTICLE", "MAX_FACTS", "agreed_facts", "is_statement", "single_claims"]

MAX_FACTS = 20
CLAIMS_PER_ARTICLE = 3
# A claim is a statement: very short lines (datelines, headings) and very long run-ons are not.
MIN_CLAIM_WORDS = 8
MAX_CLAIM_WORDS = 60
# A sentence is one outlet's alone only when every other outlet's sentences are further from it in
# meaning (WordLlama cosine) than this. Outlets that tell the story's main news in their own words
# mostly land between 0.55 and 0.7 ("On Monday, a federal judge dismissed Daniels' defamation
# lawsuit against Trump, ..." / "Trump derided Daniels as "horseface" in a tweet gloating over a
# judge's Monday dismissal of a defamation lawsuit ...": 0.69, TF-IDF 0.22, under the alignment's
# bar), sentences on other things mostly under 0.5; 0.6 keeps those between, a claim left out only
# where most such pairs tell one thing. Set from the 102 claims of 14 briefs read by hand at
# stop 54 (the README's "Cross-source analysis").
ALONE_BELOW = 0.6
# Six words running alike, two of them content words in lower case, are the same telling, however
# far the rest of the sentence is in meaning: "as the 45th president of the United States" in
# three outlets' different leads on an inauguration (WordLlama 0.50 to 0.54), or one quotation
# ("could compound the misperception of partisanship"). A run of a name or a title alone ("chairman
# of the House Budget Committee", "on NBC's Meet the Press") tells no fact. Over the 1,179 claims
# of the 40 Multi-News stories and 100 BASIL triples, 55 share such a run; read by hand, most tell
# the fact or quote the other outlet tells.
SHARED_RUN_WORDS = 6
SHARED_RUN_CONTENT = 2
_WORD = re.compile(r"\w+")


def is_statement(text: str) -> bool:
    """Whether a sentence states something by itself: MIN_CLAIM_WORDS words or more, no question,
    and not someone's words cut loose from who said them (a bare quotation, or a piece of one the
    sentence splitter cut: it closes a quotation it did not open, or opens one it does not close)."""
    return (
        len(text.split()) >= MIN_CLAIM_WORDS
        and not text.rstrip().endswith("?")
        and not is_cut_loose_quotation(text)
    )


def agreed_facts(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """Facts reported by two or more articles: statements first (as its first sentence reads),
    then most articles, then closest agreement; never an embedded post's signature line, which
    two outlets carry alike but which states nothing."""
    shared = [
        fact
        for fact in facts
        if len(fact.article_ids) > 1 and not (fact.sentences and is_post_signature(fact.sentences[0].text))
    ]
    ranked = sorted(
        enumerate(shared),
        key=lambda item: (
            not (item[1].sentences and is_statement(item[1].sentences[0].text)),
            -len(item[1].article_ids),
            -_mean_similarity(item[1]),
            item[0],
        ),
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
        if (sent.article_id, sent.index) in corroborated or len(sent.text.split()) > MAX_CLAIM_WORDS:
            continue
        if not is_statement(sent.text):
            continue  # a question claims nothing; a quotation or a piece of one is someone's words
        if (sent.article_id, sent.text) in seen:
            continue  # an article that repeats a sentence makes one claim, at its first place
        seen.add((sent.article_id, sent.text))
        best.setdefault(sent.article_id, []).append((float(closeness[position]), position))
    said_elsewhere = _said_elsewhere(sentences)
    run_elsewhere = _run_elsewhere(sentences)
    claims: list[Claim] = []
    for article_id in dict.fromkeys(sent.article_id for sent in sentences):
        ranked = sorted(best.get(article_id, []), key=lambda item: (-item[0], item[1]))
        top = list(
            itertools.islice(
                (item for item in ranked if not run_elsewhere(item[1]) and not said_elsewhere(item[1])),
                CLAIMS_PER_ARTICLE,
            )
        )
        claims.extend(
            Claim(sentence=sentences[p], weight=round(w, 4)) for w, p in sorted(top, key=lambda t: t[1])
        )
    return tuple(claims)


def _said_elsewhere(sentences: Sequence[Sentence]) -> Callable[[int], bool]:
    """A test of whether another article has a sentence within ``ALONE_BELOW`` in meaning of the
    sentence at a position; the story's sentences are embedded once, when first asked."""
    vectors: list[NDArray[np.float32]] = []

    def said(position: int) -> bool:
        if not vectors:
            vectors.append(embed([sentence.text for sentence in sentences]))
        matrix = vectors[0]
        others = [
            n for n, other in enumerate(sentences) if other.article_id != sentences[position].article_id
        ]
        return bool(others) and float((matrix[others] @ matrix[position]).max()) >= ALONE_BELOW

    return said


def _run_elsewhere(sentences: Sequence[Sentence]) -> Callable[[int], bool]:
    """A test of whether another article has a sentence sharing a run of words with the sentence
    at a position (``SHARED_RUN_WORDS``)."""
    runs = [_word_runs(sentence.text) for sentence in sentences]
    by_article: dict[str, set[tuple[str, ...]]] = {}
    for sentence, found in zip(sentences, runs, strict=True):
        by_article.setdefault(sentence.article_id, set()).update(found)

    def shared(position: int) -> bool:
        own = sentences[position].article_id
        return any(runs[position] & found for article_id, found in by_article.items() if article_id != own)

    return shared


def _word_runs(text: str) -> set[tuple[str, ...]]:
    """The sentence's runs of ``SHARED_RUN_WORDS`` words, lower-cased, that hold at least
    ``SHARED_RUN_CONTENT`` words written in lower case that are no stop words."""
    words = _WORD.findall(text)
    lowered = [word.lower() for word in words]
    return {
        tuple(lowered[start : start + SHARED_RUN_WORDS])
        for start in range(len(words) - SHARED_RUN_WORDS + 1)
        if sum(
            word.islower() and word not in ENGLISH_STOP_WORDS
            for word in words[start : start + SHARED_RUN_WORDS]
        )
        >= SHARED_RUN_CONTENT
    }


def _mean_similarity(fact: Fact) -> float:
    others = fact.similarities[1:]
    return sum(others) / len(others) if others else 1.0
