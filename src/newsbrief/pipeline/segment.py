"""Split an article into sentences that point back into its text by character offsets.

Paragraphs are runs of text separated by blank lines; sentences come from blingfire's
finite-state splitter run on each paragraph (tens of milliseconds for 70k words, where pysbd
is about 30 times slower). A sentence never crosses a paragraph break.
"""

from __future__ import annotations

import re

import blingfire

from newsbrief.model import Article, Sentence

__all__ = ["paragraph_spans", "segment"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# blingfire splits after an opening quote that follows a colon ("...a Red Cross worker: "Where...");
# a piece made only of quote marks and brackets belongs to the sentence after it.
_ONLY_PUNCTUATION = re.compile(r"^[\"'“”‘’«»()\[\]\s]+$")


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Half-open spans of the non-blank paragraphs of ``text``, stripped of outer white space."""
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return tuple(span for span in (_strip_span(text, start, end) for start, end in spans) if span)


def segment(article: Article) -> tuple[Sentence, ...]:
    """Sentences of the article; each satisfies ``article.text[s.start:s.end] == s.text``."""
    sentences: list[Sentence] = []
    for paragraph, (para_start, para_end) in enumerate(paragraph_spans(article.text)):
        for start, end in _sentence_spans(article.text[para_start:para_end]):
            span = _strip_span(article.text, para_start + start, para_start + end)
            if span is None:
                continue
            sentences.append(
                Sentence(
                    article_id=article.id,
                    index=len(sentences),
                    paragraph=paragraph,
                    start=span[0],
                    end=span[1],
                    text=article.text[span[0] : span[1]],
                )
            )
    return tuple(sentences)


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph, with stray leading punctuation pieces merged forward."""
    if not paragraph.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(paragraph)
    spans: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in offsets:
        start = min(start, len(paragraph))
        end = min(end, len(paragraph))
        if end <= start:
            continue
        if _ONLY_PUNCTUATION.match(paragraph[start:end]):
            carry = start if carry is None else carry
            continue
        spans.append((start if carry is None else carry, end))
        carry = None
    if carry is not None:
        if spans:
            spans[-1] = (spans[-1][0], len(paragraph))
        else:
            spans.append((carry, len(paragraph)))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span narrowed to exclude outer white space, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
