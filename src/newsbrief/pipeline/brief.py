"""brief(): the stages called in order, and summarize(), the one-call entry point."""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsbrief.analysis import NEEDS_NLP, analyze, clashing_sentences
from newsbrief.errors import EmptyStoryError, InputError, stop_if_cancelled
from newsbrief.model import (
    Article,
    Brief,
    Notice,
    Options,
    Quote,
    Removal,
    Sentence,
    Source,
    Story,
    SummarySentence,
)
from newsbrief.pipeline.align import align, similarity_matrix
from newsbrief.pipeline.clean import clean, language_notice, lowered_words, merge_duplicates
from newsbrief.pipeline.ingest import read_story, undated_notices
from newsbrief.pipeline.represent import centroid_closeness, headline_share, represent_with_terms
from newsbrief.pipeline.segment import segment
from newsbrief.pipeline.select import cite, select, within_speaker_reach
from newsbrief.pipeline.voice import names_no_speaker, names_speaker_by_pronoun

if TYPE_CHECKING:
    import threading

    from spacy.tokens import Doc

__all__ = ["DEFAULT_OPTIONS", "brief", "briefs", "summarize"]

DEFAULT_OPTIONS = Options()
# Stories whose articles go through one spaCy stream in briefs(): large enough for nlp.pipe to
# batch well, small enough that the first brief comes out without waiting for the whole input.
BATCH_STORIES = 32


def brief(
    story: Story, options: Options = DEFAULT_OPTIONS, *, cancel: threading.Event | None = None
) -> Brief:
    """The cited brief of a story: the same story and options always give the same brief.

    Citations name their article by id, so a story whose articles share an id is an InputError
    (``read_story`` makes ids unique; a Story built by hand must). ``cancel``, set from another thread, stops the brief with BriefCancelledError after the
    stage under way (an analysis, or the parse of one article): the server sets it when its
    client goes away.
    """
    clock = _Clock(cancel)
    articles, removals, notices = _prepare(story)
    clock.lap("clean")
    return _brief(articles, removals, notices, options, clock, cancel=cancel)


def briefs(stories: Iterable[Story], options: Options = DEFAULT_OPTIONS) -> Iterator[Brief]:
    """The brief of each story, in order; with analyses, spaCy parses all articles in one stream.

    A story whose articles are all empty raises ``EmptyStoryError``, and one whose articles share
    an id ``InputError``, when its turn comes.
    """
    if not NEEDS_NLP.intersection(options.analyses):
        yield from (brief(story, options) for story in stories)
        return
    from newsbrief.analysis.nlp import parse

    for batch in _batches(stories, BATCH_STORIES):
        prepared = [_prepare_or_error(story) for story in batch]
        texts = [article for item in prepared if not isinstance(item, InputError) for article in item[0]]
        docs = iter(parse(texts))
        for item in prepared:
            if isinstance(item, InputError):
                raise item
            articles, removals, notices = item
            clock = _Clock()
            clock.lap("clean")
            story_docs = [next(docs) for _ in articles]
            yield _brief(articles, removals, notices, options, clock, story_docs)


def _prepare_or_error(
    story: Story,
) -> tuple[tuple[Article, ...], tuple[Removal, ...], tuple[Notice, ...]] | InputError:
    """The story prepared, or the error to raise when its turn comes (EmptyStoryError, repeated ids)."""
    try:
        return _prepare(story)
    except InputError as error:
        return error


def _batches(stories: Iterable[Story], size: int) -> Iterator[list[Story]]:
    batch: list[Story] = []
    for story in stories:
        batch.append(story)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepare(story: Story) -> tuple[tuple[Article, ...], tuple[Removal, ...], tuple[Notice, ...]]:
    """Cleaned, de-duplicated articles, what cleaning removed, and the notices so far."""
    if not story.articles:  # an evaluation record with "documents": [] or a line of empty articles
        raise EmptyStoryError(
            f"story {story.id!r} has no articles" if story.id else "the story has no articles"
        )
    _refuse_repeated_ids(story)
    cleaned = [clean(article) for article in story.articles]
    removals = tuple(removal for _, article_removals in cleaned for removal in article_removals)
    notices = (*story.notices, *_unnoticed_undated(story))
    articles, notices = _usable_articles(tuple(article for article, _ in cleaned), notices)
    return articles, removals, notices


def _unnoticed_undated(story: Story) -> tuple[Notice, ...]:
    """The ``undated`` notice ``read_story`` gives, for the articles of a Story built by hand whose
    ``published`` is not a date and that no notice of the story names yet."""
    noticed = {
        article_id
        for notice in story.notices
        if notice.code == "undated"
        for article_id in notice.article_ids
    }
    return undated_notices([article for article in story.articles if article.id not in noticed])


def _refuse_repeated_ids(story: Story) -> None:
    """InputError naming the first two articles that share an id: every citation and span names
    its article by id, so two of one id would cite each other's words. ``read_story`` gives
    repeats ``-2``, ``-3``; only a Story built by hand can hold them."""
    first_number: dict[str, int] = {}
    for number, article in enumerate(story.articles, 1):
        earlier = first_number.setdefault(article.id, number)
        if earlier != number:
            where = f"story {story.id!r}" if story.id else "the story"
            raise InputError(
                f"articles {earlier} and {number} of {where} have the same id {article.id!r}: "
                "give each article its own id"
            )


def _brief(
    articles: tuple[Article, ...],
    removals: tuple[Removal, ...],
    notices: tuple[Notice, ...],
    options: Options,
    clock: _Clock,
    docs: Sequence[Doc] | None = None,
    *,
    cancel: threading.Event | None = None,
) -> Brief:
    sentences = tuple(sent for article in articles for sent in segment(article))
    clock.lap("segment")
    vectors, terms = represent_with_terms(sentences)
    similarity = similarity_matrix(vectors)
    clock.lap("represent")
    facts = align(sentences, similarity)
    clock.lap("align")
    sources = _sources(articles)
    choose = functools.partial(
        select,
        sentences,
        vectors,
        similarity,
        max_sentences=options.max_sentences,
        texts={article.id: article.text for article in articles},
        style=options.style,
        headlines=headline_share(
            terms, [article.title for article in articles if article.title], len(articles)
        ),
    )
    chosen = choose(max_words=options.max_words)
    summary = cite(chosen, facts, sources, sentences, similarity, style=options.style)
    if not summary:
        least = _least_budget(choose, sentences, options.max_words)
        notices = (*notices, _no_summary_notice(options.max_words, least))
    clock.lap("select")
    analysis = analyze(
        articles, sentences, facts, centroid_closeness(vectors), options.analyses, docs, cancel=cancel
    )
    if options.analyses:
        clock.lap("analyze")
    if "quotes" in analysis.ran:
        summary = _with_speakers(summary, analysis.quotes)
    if "figures" in analysis.ran:  # the conflicts and disputed claims come with the figures
        summary = _without_clashing_citations(
            summary, clashing_sentences(analysis.conflicts, analysis.disputes)
        )
    return Brief(
        summary=summary,
        sources=sources,
        articles=articles,
        sentences=sentences,
        removals=removals,
        notices=notices,
        options=options,
        analysis=analysis,
        timing_ms=clock.laps(),
    )


def _least_budget(
    choose: Callable[..., tuple[Sentence, ...]], sentences: Sequence[Sentence], max_words: int
) -> int | None:
    """The least budget above ``max_words`` at which ``choose`` gives a line, or None when none
    does. A larger budget only adds candidate lines, so the answer is found by bisection over the
    sentences' lengths: a few selections, on a path only an empty summary takes."""
    lengths = sorted({words for sent in sentences if (words := len(sent.text.split())) > max_words})
    low, high = 0, len(lengths)
    while low < high:
        middle = (low + high) // 2
        if choose(max_words=lengths[middle]):
            high = middle
        else:
            low = middle + 1
    return lengths[low] if low < len(lengths) else None


def _no_summary_notice(max_words: int, least: int | None) -> Notice:
    """Why the summary has no line, so that an empty brief is never left unexplained: most often
    no sentence fits in the budget (excerpts of one or two long sentences, a small --words)."""
    if least is not None:
        reason = (
            f"no sentence that can stand alone fits in {max_words} words; a budget of {least} words gives one"
        )
    else:
        reason = (
            "no sentence can stand alone as a line (each is too short, a question, without "
            "content words, or points back to the sentence before it)"
        )
    return Notice("no-summary", f"no summary line: {reason}")


def _without_clashing_citations(
    summary: Sequence[SummarySentence], clashing: Sequence[set[tuple[str, int]]]
) -> tuple[SummarySentence, ...]:
    """The summary without the citations of sentences that disagree with the line they cite for:
    Fox's "Pelosi has led House Democrats since 2002." is not reported by HuffPost's "Pelosi has
    led House Democrats since 2003, ...", though the alignment made them one fact; the brief's
    conflicts show the two apart."""
    lines = []
    for line in summary:
        own = (line.sentence.article_id, line.sentence.index)
        kept = tuple(
            citation
            for number, citation in enumerate(line.citations)
            if number == 0 or {own, (citation.article_id, citation.sentence_index)} not in clashing
        )
        lines.append(line if len(kept) == len(line.citations) else replace(line, citations=kept))
    return tuple(lines)


def _with_speakers(
    summary: Sequence[SummarySentence], quotes: Sequence[Quote]
) -> tuple[SummarySentence, ...]:
    """The summary with the speaker named on each line whose words are someone's and that does
    not say whose: a line that is all one quotation and names no one (``voice.names_no_speaker``),
    or one that names its speaker only by "he" or "she" (``voice.names_speaker_by_pronoun``)
    when the line before it is not of its article, at most SPEAKER_REACH sentences before it
    there, where the person would be named."""
    return tuple(
        _with_speaker(line, quotes)
        if names_no_speaker(line.text)
        or (
            names_speaker_by_pronoun(line.text)
            and not _follows_its_article(line, summary[number - 1] if number else None)
        )
        else line
        for number, line in enumerate(summary)
    )


def _follows_its_article(line: SummarySentence, before: SummarySentence | None) -> bool:
    """True when the line before is of the same article, at most SPEAKER_REACH sentences before."""
    return before is not None and within_speaker_reach(before.sentence, line.sentence)


def _with_speaker(line: SummarySentence, quotes: Sequence[Quote]) -> SummarySentence:
    """The line with the speaker of its words: the direct quote whose words in the line's article
    overlap the line most. The line stays as it is when none does."""
    sentence = line.sentence
    overlaps = [
        (min(span.end, sentence.end) - max(span.start, sentence.start), number)
        for number, quote in enumerate(quotes)
        if quote.kind == "direct" and quote.speaker
        for span in quote.spans
        if span.article_id == sentence.article_id
    ]
    overlap, best = max(overlaps, default=(0, -1))
    return replace(line, speaker=quotes[best].speaker) if overlap > 0 else line


def summarize(
    sources: Iterable[str | os.PathLike[str] | Article] | str | os.PathLike[str] | Article,
    *,
    words: int = DEFAULT_OPTIONS.max_words,
    sentences: int | None = None,
    analysis: str | Sequence[str] = (),
    style: str = DEFAULT_OPTIONS.style,
    fetch_urls: bool = True,
) -> Brief:
    """Read the sources as one story and return its brief.

    ``sources`` may be paths, URLs, article texts or ``Article`` objects (or one of them).
    ``analysis`` is "all", "none", or the analyses to run ("quotes,figures" or a list); the
    default, none, is the fast path that needs no NLP model. ``style`` is "neutral" (the default)
    or "extract" (see ``Options.style``).
    """
    options = Options(max_words=words, max_sentences=sentences, analyses=analysis, style=style)  # type: ignore[arg-type]
    if isinstance(sources, str | os.PathLike | Article):
        sources = [sources]
    return brief(read_story(sources, fetch_urls=fetch_urls), options)


def _named(articles: Sequence[Article], at_most: int = 3) -> str:
    """The articles by their source (a file, ``articles[0]``), the first few: where to look."""
    names = [article.source or article.outlet or article.id for article in articles]
    more = f" and {len(names) - at_most} more" if len(names) > at_most else ""
    return ", ".join(names[:at_most]) + more


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
        raise EmptyStoryError(f"no article text left after cleaning {_named(articles)}")
    words = [lowered_words(article.text) for article in with_text]  # found once for both checks
    unique, merged = merge_duplicates(tuple(with_text), words=words)
    found.extend(merged)
    words_of = {id(article): article_words for article, article_words in zip(with_text, words, strict=True)}
    found.extend(
        notice for article in unique if (notice := language_notice(article, words=words_of[id(article)]))
    )
    if len(unique) == 1:
        found.append(
            Notice(
                code="single-article",
                message="only one article: no other outlet to compare it with (nothing corroborated, agreed or in conflict)",
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
    """Milliseconds spent in each stage, for the brief's timing record.

    A lap is the end of a stage, where a brief whose ``cancel`` is set stops (``stop_if_cancelled``).
    """

    def __init__(self, cancel: threading.Event | None = None) -> None:
        self._start = self._last = time.perf_counter()
        self._laps: list[tuple[str, float]] = []
        self._cancel = cancel

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self._laps.append((stage, round((now - self._last) * 1000, 3)))
        self._last = now
        stop_if_cancelled(self._cancel, stage)

    def laps(self) -> tuple[tuple[str, float], ...]:
        total = round((time.perf_counter() - self._start) * 1000, 3)
        return (*self._laps, ("total", total))
