"""Disputed claims on the real Aleppo articles and on Multi-News sentences."""

from __future__ import annotations

import pytest

from newsbrief.analysis.disputes import find_disputes
from newsbrief.analysis.nlp import parse
from newsbrief.model import Article
from newsbrief.pipeline.clean import clean
from newsbrief.pipeline.segment import segment

pytestmark = pytest.mark.nlp


def test_aleppo_al_jazeera_calls_the_zerohedge_claim_untrue(aleppo: dict[str, Article]) -> None:
    articles = [clean(aleppo[name])[0] for name in ("aljazeera", "npr", "zerohedge")]
    sentences = [sent for article in articles for sent in segment(article)]
    disputes = find_disputes(articles, parse(articles), sentences)
    assert len(disputes) == 1
    dispute = disputes[0]
    assert dispute.dispute.article_id == "aljazeera" and "blatantly untrue" in dispute.dispute.text
    assert "mostly under the control of al-Nusra Front" in dispute.disputed.text
    assert dispute.claim.article_id == "zerohedge" and "hodgepodge" in dispute.claim.text
    assert "including al-Qaeda" in dispute.claim.text


def test_a_denial_of_something_no_other_outlet_says_is_not_a_dispute() -> None:
    # mn-18210: the denial stands alone; the other article's "sexual assault" is another matter.
    denial = "Trump and his aides have denied he had any sexual encounter with Daniels."
    other = (
        "Less than two weeks ago, Trump publicly mocked Christine Blasey Ford, who accused Supreme Court "
        "nominee Brett Kavanaugh of sexual assault when they were in high school."
    )
    articles = [
        Article(id=f"d{n}", outlet=f"outlet {n}", title="", url=None, published=None, text=text)
        for n, text in enumerate((denial, other), start=1)
    ]
    sentences = [sent for article in articles for sent in segment(article)]
    assert find_disputes(articles, parse(articles), sentences) == ()
