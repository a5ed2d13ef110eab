"""A Brief as one self-contained HTML page, through the Jinja2 template ``templates/brief.html``.

The page has no script and no remote resource, and its Content-Security-Policy forbids both.
The template is rendered with autoescape on, so every value from the brief that this module
hands it is escaped there; the analysis items come as ``markupsafe.Markup`` built by
``sections`` with a Style whose ``text`` is ``markupsafe.escape``. Only http(s) URLs become
links. Each citation marker links to the exact sentence in the full cleaned text of its source,
using the sentences the pipeline segmented (``Brief.sentences``), so nothing is segmented here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from newsbrief.model import Article, Brief, Citation, Sentence, Source, SummarySentence
from newsbrief.rendering.sections import (
    Section,
    Style,
    analysis_sections,
    brief_title,
    first_citation,
    is_linkable,
    line_note,
    line_words,
    marker_numbers,
    more_line,
    one_line,
    outlet_name,
    plural,
    preview,
    removal_origin,
    source_details,
    sources_by_article,
)

__all__ = ["to_html"]

_TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True, slots=True)
class _Marker:
    href: str
    number: int


@dataclass(frozen=True, slots=True)
class _Line:
    position: int
    text: str
    markers: tuple[_Marker, ...]
    note: str = ""  # "in X's voice", "said by X": sections.line_note


@dataclass(frozen=True, slots=True)
class _Cited:
    href: str
    number: int
    outlet: str
    sentence_index: int
    start: int
    end: int
    similarity: str
    text: str


@dataclass(frozen=True, slots=True)
class _CitedLine:
    position: int
    cited: tuple[_Cited, ...]


@dataclass(frozen=True, slots=True)
class _Removed:
    origin: str
    reason: str
    preview: str


@dataclass(frozen=True, slots=True)
class _Url:
    text: str
    linkable: bool


@dataclass(frozen=True, slots=True)
class _Part:
    """A piece of a source paragraph: a sentence (with its anchor) or the text between two."""

    text: str
    anchor: str | None = None
    citing: tuple[int, ...] = ()  # summary lines citing the sentence


@dataclass(frozen=True, slots=True)
class _SourceView:
    number: int
    outlet: str
    title: str
    url: _Url | None
    details: tuple[str, ...]
    paragraphs: tuple[tuple[_Part, ...], ...]


@cache
def _template() -> jinja2.Template:
    """The page template, loaded once; autoescape escapes every value it is given."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATE_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("brief.html")


def to_html(brief: Brief, *, explain: bool = False, summary: bool = True) -> str:
    """The brief as one self-contained HTML page: no script, no remote resource.

    Each citation marker, in the summary and in the analysis sections, links to the exact
    sentence in the full cleaned text of its source, shown below and highlighted when
    targeted. Every piece of source text is escaped; only http(s) URLs become links.
    ``summary=False`` leaves out the summary and its citations.
    """
    sentences = _sentences_by_article(brief.sentences)
    anchors = {
        (source.number, sent.index)
        for source in brief.sources
        for sent in sentences.get(source.article_id, ())
    }
    counts = plural(len(brief.sources), "source")
    return (
        _template()
        .render(
            title=brief_title(brief),
            counts=f"{plural(brief.words, 'word')} from {counts}" if summary else counts,
            show_summary=summary,
            summary=[_line(position, line, anchors) for position, line in enumerate(brief.summary, start=1)],
            analysis_sections=_analysis(brief, sentences),
            more_line=more_line,
            notices=[notice.message for notice in brief.notices],
            explain=explain,
            citations=_citations(brief, anchors),
            removals=_removals(brief),
            timing=[(stage, f"{ms:.1f} ms") for stage, ms in brief.timing_ms],
            sources=[_source_view(brief, source, sentences, summary=summary) for source in brief.sources],
        )
        .rstrip("\n")
    )


def _sentences_by_article(sentences: Sequence[Sentence]) -> dict[str, tuple[Sentence, ...]]:
    """The brief's sentences grouped by article, each group in sentence order."""
    grouped: dict[str, list[Sentence]] = {}
    for sent in sentences:
        grouped.setdefault(sent.article_id, []).append(sent)
    return {article_id: tuple(group) for article_id, group in grouped.items()}


def _sentence_id(source_number: int, sentence_index: int) -> str:
    return f"s{source_number}-{sentence_index}"


def _citation_href(citation: Citation, anchors: set[tuple[int, int]]) -> str:
    """Link to the cited sentence, or to its source when the sentence has no anchor on the page.

    The anchors are the sentences the pipeline segmented, so the fallback is only for a brief
    assembled by other means.
    """
    if (citation.source_number, citation.sentence_index) in anchors:
        return "#" + _sentence_id(citation.source_number, citation.sentence_index)
    return f"#source-{citation.source_number}"


def _line(position: int, line: SummarySentence, anchors: set[tuple[int, int]]) -> _Line:
    # No source text goes into attributes here (not even escaped): the link says only where it goes.
    markers = tuple(
        _Marker(_citation_href(first_citation(line, number), anchors), number)
        for number in marker_numbers(line)
    )
    return _Line(position, line_words(line), markers, line_note(line))


def _analysis(brief: Brief, sentences: dict[str, tuple[Sentence, ...]]) -> list[Section]:
    """The analysis sections with every item as Markup: source text escaped by markupsafe."""
    sources = sources_by_article(brief)

    def cite(article_id: str, start: int | None) -> str:
        source = sources.get(article_id)
        if source is None:
            return escape(f"({article_id})")
        href = _span_href(source.number, sentences.get(article_id, ()), start)
        return Markup('<span class="cites"><a href="{}">[{}]</a></span>').format(href, source.number)

    style = Style(
        text=escape,
        markup=Markup,
        strong=Markup("<strong>{}</strong>").format,
        em=Markup("<em>{}</em>").format,
        cite=cite,
        sources=sources,
    )
    return analysis_sections(brief.analysis, style)


def _span_href(source_number: int, sentences: Sequence[Sentence], start: int | None) -> str:
    """Link to the sentence holding character ``start``, or to the source when none holds it."""
    if start is not None:
        for sent in sentences:
            if sent.start <= start < sent.end:
                return "#" + _sentence_id(source_number, sent.index)
    return f"#source-{source_number}"


def _source_view(
    brief: Brief, source: Source, sentences: dict[str, tuple[Sentence, ...]], *, summary: bool
) -> _SourceView:
    url = None
    if source.url and one_line(source.url):
        linkable = is_linkable(source.url)
        url = _Url(source.url if linkable else one_line(source.url), linkable)
    article = next((article for article in brief.articles if article.id == source.article_id), None)
    cited_by = _cited_by(brief) if summary else {}
    return _SourceView(
        number=source.number,
        outlet=outlet_name(source),
        title=one_line(source.title),
        url=url,
        details=tuple(source_details(source)),
        paragraphs=_paragraphs(article, source, sentences.get(source.article_id, ()), cited_by),
    )


def _cited_by(brief: Brief) -> dict[tuple[str, int], tuple[int, ...]]:
    """For each cited sentence (article id, index), the summary lines citing it, in order."""
    lines: dict[tuple[str, int], list[int]] = {}
    for position, line in enumerate(brief.summary, start=1):
        for citation in line.citations:
            citing = lines.setdefault((citation.article_id, citation.sentence_index), [])
            if position not in citing:
                citing.append(position)
    return {key: tuple(positions) for key, positions in lines.items()}


def _paragraphs(
    article: Article | None,
    source: Source,
    sentences: tuple[Sentence, ...],
    cited_by: dict[tuple[str, int], tuple[int, ...]],
) -> tuple[tuple[_Part, ...], ...]:
    """The cleaned article as paragraphs of sentences that a citation can target.

    The text between sentences is copied from the article, so the page shows the whole text.
    """
    if article is None:
        return ()
    paragraphs: list[list[_Part]] = []
    previous: Sentence | None = None
    for sent in sentences:
        if previous is None or sent.paragraph != previous.paragraph:
            paragraphs.append([])
        else:
            paragraphs[-1].append(_Part(article.text[previous.end : sent.start]))
        citing = cited_by.get((sent.article_id, sent.index), ())
        paragraphs[-1].append(_Part(sent.text, _sentence_id(source.number, sent.index), citing))
        previous = sent
    return tuple(tuple(parts) for parts in paragraphs)


def _citations(brief: Brief, anchors: set[tuple[int, int]]) -> list[_CitedLine]:
    sources = {source.number: source for source in brief.sources}
    lines = []
    for position, line in enumerate(brief.summary, start=1):
        cited = []
        for citation in line.citations:
            source = sources.get(citation.source_number)
            cited.append(
                _Cited(
                    href=_citation_href(citation, anchors),
                    number=citation.source_number,
                    outlet=outlet_name(source) if source else citation.article_id,
                    sentence_index=citation.sentence_index,
                    start=citation.start,
                    end=citation.end,
                    similarity=f"{citation.similarity:.2f}",
                    text=citation.text,
                )
            )
        lines.append(_CitedLine(position, tuple(cited)))
    return lines


def _removals(brief: Brief) -> list[_Removed]:
    sources = sources_by_article(brief)
    return [
        _Removed(removal_origin(removal, sources), removal.reason, preview(removal.text))
        for removal in brief.removals
    ]
