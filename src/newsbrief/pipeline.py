"""brief(): the stages called in order, and summarize(), the one-call entry point."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

from newsbrief.align import align, similarity_matrix
from newsbrief.clean import clean, language_notice, merge_duplicates
from newsbrief.errors import EmptyStoryError
from newsbrief.ingest import read_story
from newsbrief.model import Article, Brief, Notice, Options, Source, Story
from newsbrief.represent import represent
from newsbrief.segment import segment
from newsbrief.select import cite, select

__all__ = ["DEFAULT_OPTIONS", "brief", "summarize"]

DEFAULT_OPTIONS = Options()


def brief(story: Story, options: Options = DEFAULT_OPTIONS) -> Brief:
    """The cited brief of a story: the same story and options always give the same brief."""
    clock = _Clock()
    cleaned = [clean(article) for article in story.articles]
    removals = tuple(removal for _, article_removals in cleaned for removal in article_removals)
    articles, notices = _usable_articles(tuple(article for article, _ in cleaned), story.notices)
    clock.lap("clean")
    sentences = tuple(sent for article in articles for sent in segment(article))
    clock.lap("segment")
    vectors = represent(sentences)
    similarity = similarity_matrix(vectors)
    clock.lap("represent")
    facts = align(sentences, similarity)
    clock.lap("align")
    sources = _sources(articles)
    chosen = select(
        sentences, vectors, similarity, max_words=options.max_words, max_sentences=options.max_sentences
    )
    summary = cite(chosen, facts, sources, sentences, similarity)
    clock.lap("select")
    return Brief(
        summary=summary,
        sources=sources,
        articles=articles,
        removals=removals,
        notices=notices,
        options=options,
        timing_ms=clock.laps(),
    )


def summarize(
    sources: Iterable[str | os.PathLike[str] | Article] | str | os.PathLike[str] | Article,
    *,
    words: int = DEFAULT_OPTIONS.max_words,
    sentences: int | None = None,
    fetch_urls: bool = True,
) -> Brief:
    """Read the sources as one story and return its brief.

    ``sources`` may be paths, URLs, article texts or ``Article`` objects (or one of them).
    """
    options = Options(max_words=words, max_sentences=sentences)
    if isinstance(sources, str | os.PathLike | Article):
        sources = [sources]
    return brief(read_story(sources, fetch_urls=fetch_urls), options)


def _usable_articles(
    articles: tuple[Article, ...], notices: tuple[Notice, ...]
) -> tuple[tuple[Article, ...], tuple[Notice, ...]]:
    """Articles with text after cleaning, duplicates merged; notices for everything set aside."""
    found = list(notices)
    with_text = []
    for article in articles:
        if article.text.strip():
            with_text.append(article)
        else:
            found.append(
                Notice(
                    code="empty-article",
                    message=f"{article.id} ({article.source or article.outlet}) has no text left after cleaning",
                    article_ids=(article.id,),
                )
            )
    if not with_text:
        raise EmptyStoryError("no article text left after cleaning")
    unique, merged = merge_duplicates(tuple(with_text))
    found.extend(merged)
    found.extend(notice for article in unique if (notice := language_notice(article)))
    if len(unique) == 1:
        found.append(
            Notice(
                code="single-article",
                message="only one article: the summary is an extract of it, with no corroboration",
                article_ids=(unique[0].id,),
            )
        )
    return unique, tuple(found)


def _sources(articles: tuple[Article, ...]) -> tuple[Source, ...]:
    return tuple(
        Source(
            number=number,
            article_id=article.id,
            outlet=article.outlet,
            title=article.title,
            url=article.url,
            published=article.published,
            words=len(article.text.split()),
        )
        for number, article in enumerate(articles, start=1)
    )


class _Clock:
    """Milliseconds spent in each stage, for the brief's timing record."""

    def __init__(self) -> None:
        self._start = self._last = time.perf_counter()
        self._laps: list[tuple[str, float]] = []

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self._laps.append((stage, round((now - self._last) * 1000, 3)))
        self._last = now

    def laps(self) -> tuple[tuple[str, float], ...]:
        total = round((time.perf_counter() - self._start) * 1000, 3)
        return (*self._laps, ("total", total))
