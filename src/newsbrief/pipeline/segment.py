"""Split an article into sentences that point back into its text by character offsets.

Paragraphs are runs of text separated by blank lines; sentences come from blingfire's
finite-state splitter run on each paragraph (tens of milliseconds for 70k words, where pysbd
is about 30 times slower). A sentence never crosses a paragraph break.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from typing import Any

import blingfire
import numpy as np
from numpy.typing import NDArray

from newsbrief.analysis.lexicon import DATELINE
from newsbrief.model import Article, Sentence

__all__ = ["is_finished", "paragraph_spans", "segment", "sentence_offsets"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# blingfire splits after an opening quote that follows a colon ("...a Red Cross worker: "Where...");
# a piece made only of quote marks and brackets belongs to the sentence after it.
_ONLY_PUNCTUATION = re.compile(r"^[\"'“”‘’«»()\[\]\s]+$")
# A title abbreviated before a name never ends a sentence, but blingfire sometimes ends one there
# ("... his opposition. Rep." then "Lance Gooden, R-Texas, tweeted ..."; BASIL and the AllSides
# roundups have about 150 such cuts, most after "Mr."): such a piece joins the next one.
_TITLE = (
    r"(?:Mr|Mrs|Ms|Messrs|Dr|Drs|Rep|Reps|Sen|Sens|Gov|Govs|Gen|Lt|Col|Capt|Cmdr|"
    r"Adm|Maj|Sgt|Cpl|Pvt|Prof|Rev|Msgr|Amb|Supt|Insp|Hon|Atty|Pres|Gens)\."
)
_ENDS_WITH_TITLE = re.compile(r"(?:^|[\s(\[“\"‘'—–-])" + _TITLE + "$")
# blingfire also fails the other way: it does not end a sentence before an abbreviation ("... aid
# to the poor. Mr. Ryan claimed ...", "... on Monday. U.S. officials said ..."; 20 such pairs in
# the dev set's 11,894 sentences, most before "Mr.", and 22 in the roundups' leads). A full stop
# after a word in lower case (not itself an abbreviation: "p.m.", "et al.", "vs.") and before a
# title and a name, "St." and a name, or an initialism ends a sentence, unless the title and name
# open the attribution of a quotation that full stop closes.
_END_BEFORE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?!(?:vs|etc|al|approx|ca)\.)[a-z]{2,}\.[\"'”’)\]]*(?=\s+(?:(?:"
    + _TITLE
    + r"|St\.)\s+[A-Z]|(?:[A-Z]\.){2,}\s))"
)
# "Masterpiece Cakeshop v. Colorado Civil Rights Commission", "Roe v. Wade": the "v." of a case's
# name ends no sentence either.
_ENDS_WITH_VERSUS = re.compile(r"[\s(]v\.$")
# What ends a finished sentence: a full stop, question or exclamation mark or ellipsis, then any
# closing quotation marks or brackets.
_FINISHED = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A quotation closing on a question or exclamation mark, and a sentence that opens by naming who
# said it ("Mrs. Clinton said", "Sen. John McCain asked", "Trump tweeted"): one sentence cut in two.
_CLOSES_ON_QUESTION = re.compile(r"[?!][”\"’']$")
_OPENS_WITH_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|"
    r"replies|explained|explains|shouted|yelled|exclaimed|insisted|recalled|continued|declared|tweeted|"
    r"tweets)\b"
)
# blingfire's sentence splitter with offsets, the C function its Python wrapper calls.
_SPLIT_WITH_OFFSETS = blingfire.blingfire.TextToSentencesWithOffsets


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Half-open spans of the non-blank paragraphs of ``text``, stripped of outer white space."""
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return tuple(span for span in (_strip_span(text, start, end) for start, end in spans) if span)


def is_finished(text: str) -> bool:
    """Whether the text ends as a sentence does; an article cut at a length ("... cities like
    Boston, New York, San") does not."""
    return _FINISHED.search(text) is not None


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
    offsets = sentence_offsets(paragraph)
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
    return _split_before_abbreviations(paragraph, _join_cut_sentences(paragraph, spans))


def _join_cut_sentences(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with each piece blingfire cut from the one before joined back to it
    (``_cut_at_title``, ``_cut_after_quotation``)."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        previous = joined[-1] if joined else None
        if previous is not None and _is_cut(
            paragraph[previous[0] : previous[1]].rstrip(), paragraph[start:end].lstrip()
        ):
            joined[-1] = (previous[0], end)
        else:
            joined.append((start, end))
    return joined


def _split_before_abbreviations(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with each one cut after every sentence that blingfire ran into the next because
    that one opens with an abbreviation (``_END_BEFORE_ABBREVIATION``)."""
    split: list[tuple[int, int]] = []
    for start, end in spans:
        for match in _END_BEFORE_ABBREVIATION.finditer(paragraph, start, end):
            rest = paragraph[match.end() : end].lstrip()
            if match.group(0)[-1] in "\"'”’" and _OPENS_WITH_ATTRIBUTION.match(rest):
                continue  # '"... to win." Mr. Smith said': who said it
            split.append((start, match.end()))
            start = end - len(rest)
        split.append((start, end))
    return split


def _is_cut(before: str, after: str) -> bool:
    """Whether ``after`` is the rest of the sentence ``before`` begins.

    A title abbreviated before a name ends no sentence: "... his opposition. Rep." and "Lance
    Gooden, R-Texas, tweeted ..."; nor does the "v." of a case ("Roe v." and "Wade, was
    decided"). Nor does a quotation closing on "?" or "!" before its attribution: in '“What
    difference does it make?” Mrs. Clinton said, her voice rising.' the quotation takes no comma,
    and "Mrs. Clinton said, her voice rising." alone says nothing. Nor does a dateline whose place
    ends on a state's abbreviation ("NASHVILLE, Tenn." and "— A father on his way ...").
    """
    if (_ENDS_WITH_TITLE.search(before) or _ENDS_WITH_VERSUS.search(before)) and after[:1].isupper():
        return True
    if (dateline := DATELINE.match(f"{before} {after}")) is not None and dateline.end() > len(before):
        return True
    return bool(_CLOSES_ON_QUESTION.search(before) and _OPENS_WITH_ATTRIBUTION.match(after))


def sentence_offsets(text: str) -> list[tuple[int, int]]:
    """blingfire's sentence spans of ``text`` in characters, as its
    ``text_to_sentences_and_offsets`` returns them, found without its loop over every byte.

    The wrapper maps the splitter's UTF-8 byte offsets (ends inclusive) to characters in Python
    one byte at a time, which cost more than the splitting; here an ASCII text's offsets are its
    byte offsets, and another's are counted by decoding the bytes before each. Offsets the
    wrapper's mapping would not take as they are (out of order, or inside a character) go to the
    wrapper itself, so the result is always the wrapper's.
    """
    data = text.encode("utf-8")
    if not data:  # nothing to split: the wrapper's answer, whatever it is
        return list(blingfire.text_to_sentences_and_offsets(text)[1])
    size = 2 * len(data)  # the wrapper's buffer sizes
    # NumPy buffers: a ctypes array of a new length is a new ctypes type, slower to make.
    output = np.zeros(size, dtype=np.uint8)
    starts = np.zeros(size, dtype=np.int32)
    ends = np.zeros(size, dtype=np.int32)
    length = _SPLIT_WITH_OFFSETS(data, len(data), _pointer(output), _pointer(starts), _pointer(ends), size)
    if length == -1 or length > size:
        return []
    count = output.tobytes().split(b"\0", 1)[0].count(b"\n") + 1  # the sentences, as the wrapper counts
    bounds = [
        bound
        for start, end in zip(starts[:count].tolist(), ends[:count].tolist(), strict=True)
        for bound in (start, end + 1)
    ]
    if len(bounds) != 2 * count or not _maps_as_it_stands(data, bounds):
        return list(blingfire.text_to_sentences_and_offsets(text)[1])
    bounds[-1] = min(bounds[-1], len(data))
    if not text.isascii():
        bounds = [len(data[:bound].decode("utf-8")) for bound in bounds]
    return list(zip(bounds[::2], bounds[1::2], strict=True))


def _pointer(array: NDArray[Any]) -> ctypes.c_void_p:
    return ctypes.c_void_p(array.ctypes.data)


def _maps_as_it_stands(data: bytes, bounds: list[int]) -> bool:
    """True when the byte offsets rise and each starts a character, the last one perhaps at or
    past the end: the wrapper then maps each to the character that starts there (the end of
    the text for the last one past it)."""
    if not all(first <= second for first, second in itertools.pairwise(bounds)):
        return False
    return all(0 <= bound < len(data) and data[bound] & 0xC0 != 0x80 for bound in bounds[:-1]) and (
        bounds[-1] >= len(data) or data[bounds[-1]] & 0xC0 != 0x80
    )


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span narrowed to exclude outer white space, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
