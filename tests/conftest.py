"""Shared fixtures: the real Aleppo articles and a few real Multi-News stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import settings

from newsbrief.model import Article, Story

# No per-example time limit: timings do not belong in unit tests, and on a loaded machine
# Hypothesis's default 200 ms deadline failed correct code.
settings.register_profile("newsbrief", deadline=None)
settings.load_profile("newsbrief")

ROOT = Path(__file__).resolve().parent.parent
ALEPPO_DIR = ROOT / "examples" / "aleppo"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUTLETS = {"aljazeera": "Al Jazeera", "npr": "NPR", "zerohedge": "ZeroHedge"}


@pytest.fixture(scope="session")
def aleppo_dir() -> Path:
    return ALEPPO_DIR


@pytest.fixture(scope="session")
def aleppo() -> dict[str, Article]:
    """The three Aleppo articles as read, keyed by id."""
    return {
        article_id: Article(
            id=article_id,
            outlet=outlet,
            title="",
            url=None,
            published=None,
            text=(ALEPPO_DIR / f"{article_id}.txt").read_text(encoding="utf-8"),
        )
        for article_id, outlet in OUTLETS.items()
    }


@pytest.fixture(scope="session")
def aleppo_story(aleppo: dict[str, Article]) -> Story:
    return Story(articles=tuple(aleppo.values()), id="aleppo")


@pytest.fixture(scope="session")
def multinews_stories() -> tuple[Story, ...]:
    """A few real Multi-News stories with their reference summaries."""
    stories = []
    for line in (FIXTURES / "multinews-sample.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles = tuple(
            Article(id=f"d{i}", outlet=f"document {i}", title="", url=None, published=None, text=text)
            for i, text in enumerate(record["documents"], start=1)
        )
        stories.append(Story(articles=articles, id=record["id"], reference=record["summary"]))
    return tuple(stories)


@pytest.fixture(scope="session")
def tweet_quoted_alone() -> Article:
    """The New York Times (BASIL, 2017): two quotations of one tweet, the second a sentence of
    Trump's words with nothing outside its quotation marks to say whose they are."""
    text = (
        "“Put big game trophy decision on hold until such time as I review all conservation facts,” "
        "Mr. Trump tweeted. “Under study for years. Will update soon with Secretary Zinke. Thank you!”"
    )
    return Article(id="nyt", outlet="New York Times", title="", url=None, published=None, text=text)


@pytest.fixture(scope="session")
def zerohedge_own_voice() -> Article:
    """Two of ZeroHedge's Aleppo sentences in the blog's own voice ("As we noted ...", "we
    previewed ..."): alone, nothing else carries their content, so a brief must take one and
    say whose voice it is."""
    text = (
        "As we noted four months ago, if Russia and Hezbollah manage to recapture the city, it would "
        "effectively restore the Assad government in Syria even if the east of the country is still "
        "controlled by Islamic State.\n\nBack in October, we previewed the battle for Aleppo, Syria's "
        "largest city prior to the war."
    )
    return Article(id="zh", outlet="ZeroHedge", title="", url=None, published=None, text=text)
