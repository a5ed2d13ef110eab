"""Render a Brief as Markdown, JSON, one self-contained HTML page, or plain text.

Every renderer is a pure function of the Brief: the same brief gives the same string, and only
the timing figures (shown with ``explain=True``, and always in JSON's ``timing_ms``) change
between runs on the same input.

All text that comes from the sources (article text, titles, outlets, URLs, notices, removals)
is untrusted. HTML escapes every piece of it and links a URL only when it is http(s); Markdown
escapes the characters that would turn it into markup (links, raw HTML, headings, lists, table
pipes); Markdown and plain text drop control characters so that a source cannot send escape
sequences to a terminal.

Renderers return the text without a trailing newline, ready for ``print`` or ``typer.echo``.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Iterable
from typing import Protocol

from newsbrief.errors import OptionError
from newsbrief.model import Article, Brief, Citation, Removal, Sentence, Source, SummarySentence
from newsbrief.segment import segment

__all__ = ["render", "to_html", "to_json", "to_markdown", "to_text"]

JSON_SCHEMA = "newsbrief.brief/1"
OUTPUT_FORMATS = ("markdown", "md", "json", "html", "text", "txt")
TEXT_WIDTH = 88
# Removed text is shown as a preview: enough to recognise it, short enough to scan a list.
REMOVAL_PREVIEW_CHARS = 100

# C0 and C1 control characters other than tab and newline: a terminal would act on them (ESC
# starts an escape sequence, U+009B is a one-byte CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WHITE_SPACE = re.compile(r"\s+")
# Characters that make inline Markdown: emphasis, code, links and images, raw HTML, table cells,
# and an '&' that would start an entity reference.
_MD_INLINE = re.compile(r"([\\`*_\[\]<|]|&(?=#?\w+;))")
# What makes a line start a block: heading, quote, list item, rule, setext underline, fence.
_MD_BLOCK_START = re.compile(r"^([#>+=~-])")
_MD_ORDERED_ITEM = re.compile(r"^(\d+)([.)])(?=\s|$)")
_SAFE_URL_SCHEMES = ("http://", "https://")

_HTML_STYLE = """
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--accent:#0b5cad;
--rule:#d1d9e0;--cited:#eaf2fb;--target:#ffe58a}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;
--accent:#58a6ff;--rule:#30363d;--cited:#14263d;--target:#6b5400}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);overflow-wrap:break-word;
font:1.0625rem/1.65 Charter,"Iowan Old Style",Georgia,"Times New Roman",serif}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1.125rem 4rem}
h1,h2,h3,.meta,.cites,.back,table,.label{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.625rem;line-height:1.25;margin:0 0 .5rem}
h2{font-size:1.125rem;margin:2.5rem 0 1rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
h3{font-size:1rem;line-height:1.4;margin:2rem 0 .25rem}
a{color:var(--accent)}
.meta{color:var(--muted);font-size:.875rem;margin:.25rem 0}
.summary p{margin:0 0 1rem}
.cites a,.back{text-decoration:none;white-space:nowrap}
.cites a{font-size:.8em;padding:0 .05em}
.back{font-size:.75em;color:var(--muted)}
.url{overflow-wrap:anywhere}
.source-text p{margin:.75rem 0}
.source-text span[id]{scroll-margin-top:2rem;border-radius:3px}
.source-text .cited{background:var(--cited)}
.source-text span[id]:target{background:var(--target);box-shadow:0 0 0 3px var(--target)}
.explain li{margin:.35rem 0}
.explain ul ul{padding-left:1.25rem}
.label{font-size:.875rem;color:var(--muted)}
table{border-collapse:collapse;font-size:.875rem}
th,td{padding:.2rem 1.25rem .2rem 0;text-align:left}
td.ms{text-align:right;font-variant-numeric:tabular-nums}
""".strip()

# No script, no remote resource: the policy makes the browser refuse both even if some text
# slipped through unescaped.
_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


class _Renderer(Protocol):
    def __call__(self, brief: Brief, *, explain: bool = False) -> str: ...


def render(brief: Brief, output_format: str = "markdown", *, explain: bool = False) -> str:
    """The brief in the named format: markdown (md), json, html or text (txt).

    ``explain`` adds what cleaning removed, the exact source words behind every citation and
    the time each stage took. Raises OptionError for any other format.
    """
    return _renderer(output_format)(brief, explain=explain)


def _renderer(output_format: str) -> _Renderer:
    """The renderer for a format name (case and outer white space do not matter)."""
    name = output_format.strip().lower() if isinstance(output_format, str) else output_format
    match name:
        case "markdown" | "md":
            return to_markdown
        case "json":
            return to_json
        case "html":
            return to_html
        case "text" | "txt":
            return to_text
    raise OptionError(f"unknown output format {output_format!r}: use one of {', '.join(OUTPUT_FORMATS)}")


# Shared helpers ---------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    """The text on one line: control characters and runs of white space become single spaces."""
    return _WHITE_SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


def _preview(text: str, limit: int = REMOVAL_PREVIEW_CHARS) -> str:
    """The text on one line, cut at a word boundary near ``limit`` characters with an ellipsis."""
    line = _one_line(text)
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip() + "…"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _brief_title(brief: Brief) -> str:
    """The story's title when the brief has one source with a title, else empty.

    With several sources, one outlet's headline would speak for all of them, so the brief has
    none; each source's title is shown in the list of sources.
    """
    if len(brief.sources) != 1:
        return ""
    return _one_line(brief.sources[0].title)


def _outlet(source: Source) -> str:
    """The outlet's name, or the article id when the input named no outlet."""
    return _one_line(source.outlet) or source.article_id


def _marker_numbers(line: SummarySentence) -> tuple[int, ...]:
    """Source numbers to cite for a line: its own source first, then the others in order, once each."""
    if not line.citations:
        return ()
    first = line.citations[0].source_number
    others = sorted({citation.source_number for citation in line.citations} - {first})
    return (first, *others)


def _first_citation(line: SummarySentence, number: int) -> Citation:
    """The line's first citation of source ``number`` (the one its marker links to)."""
    return next(citation for citation in line.citations if citation.source_number == number)


def _sources_by_article(brief: Brief) -> dict[str, Source]:
    return {source.article_id: source for source in brief.sources}


def _removal_origin(removal: Removal, sources: dict[str, Source]) -> str:
    """``id (Outlet)`` for a removal, or just the id when its article is not among the sources."""
    source = sources.get(removal.article_id)
    outlet = _one_line(source.outlet) if source else ""
    return f"{removal.article_id} ({outlet})" if outlet else removal.article_id


def _timing_line(brief: Brief) -> str:
    return " · ".join(f"{stage} {ms:.1f} ms" for stage, ms in brief.timing_ms)


def _is_linkable(url: str | None) -> bool:
    """True for an http(s) URL without white space or control characters; only these become links."""
    return (
        url is not None
        and url.lower().startswith(_SAFE_URL_SCHEMES)
        and not _WHITE_SPACE.search(url)
        and not _CONTROL.search(url)
    )


def _source_details(source: Source) -> list[str]:
    """Published date and length of a source, the parts shown after its title in every format."""
    published = _one_line(source.published or "")
    words = _plural(source.words, "word")
    return [published, words] if published else [words]


# Markdown ---------------------------------------------------------------------------------------


def to_markdown(brief: Brief, *, explain: bool = False) -> str:
    """The brief as Markdown: summary lines with [n] markers, notes, and a numbered source list.

    With ``explain``: what cleaning removed, each citation's exact source words and span, and
    the time per stage.
    """
    blocks = [_md_heading(brief), *_md_summary(brief), _md_counts(brief)]
    if brief.notices:
        blocks.append(
            "## Notes\n\n" + "\n".join(f"- {_md_inline(notice.message)}" for notice in brief.notices)
        )
    blocks.append(_md_sources(brief))
    if explain:
        blocks.extend([_md_removals(brief), _md_citations(brief), "## Timing\n\n" + _timing_line(brief)])
    return "\n\n".join(blocks)


def _md_inline(text: str) -> str:
    """Source text made safe inside a Markdown line: one line, markup characters escaped."""
    return _MD_INLINE.sub(r"\\\1", _one_line(text))


def _md_block(text: str) -> str:
    """Source text made safe at the start of a Markdown line (it cannot open a heading or list)."""
    escaped = _md_inline(text)
    escaped = _MD_ORDERED_ITEM.sub(r"\1\\\2", escaped)
    return _MD_BLOCK_START.sub(r"\\\1", escaped)


def _md_markers(line: SummarySentence) -> str:
    return "".join(f"[{number}]" for number in _marker_numbers(line))


def _md_heading(brief: Brief) -> str:
    title = _brief_title(brief)
    # A '#' inside an ATX heading can close it; escaping all of them keeps the title whole.
    return "# Brief — " + _md_inline(title).replace("#", "\\#") if title else "# Brief"


def _md_summary(brief: Brief) -> list[str]:
    """One paragraph per summary line, each ending with its citation markers."""
    return [f"{_md_block(line.text)} {_md_markers(line)}".rstrip() for line in brief.summary]


def _md_counts(brief: Brief) -> str:
    return f"*{_plural(brief.words, 'word')} from {_plural(len(brief.sources), 'source')}*"


def _md_url(url: str) -> str:
    """An autolink for an http(s) URL; anything else as escaped text, never a link."""
    return f"<{url}>" if _is_linkable(url) else _md_inline(url)


def _md_sources(brief: Brief) -> str:
    items = []
    for source in brief.sources:
        item = f"{source.number}. **{_md_inline(_outlet(source))}**"
        if title := _one_line(source.title):
            item += f" — {_md_inline(title)}"
        if source.url and _one_line(source.url):
            item += f" ({_md_url(source.url)})"
        items.append(" · ".join([item, *(_md_inline(detail) for detail in _source_details(source))]))
    return "## Sources\n\n" + "\n".join(items)


def _md_removals(brief: Brief) -> str:
    if not brief.removals:
        return "## What cleaning removed\n\nNothing."
    sources = _sources_by_article(brief)
    items = (
        f"- **{_md_inline(_removal_origin(removal, sources))}**, {_md_inline(removal.reason)}: "
        f"“{_md_inline(_preview(removal.text))}”"
        for removal in brief.removals
    )
    return "## What cleaning removed\n\n" + "\n".join(items)


def _md_citations(brief: Brief) -> str:
    sources = {source.number: source for source in brief.sources}
    items = []
    for position, line in enumerate(brief.summary, start=1):
        items.append(f"{position}. Summary line {position}, cited as {_md_markers(line)}:")
        for citation in line.citations:
            source = sources.get(citation.source_number)
            outlet = _md_inline(_outlet(source)) if source else citation.article_id
            items.append(
                f"   - [{citation.source_number}] **{outlet}**, sentence {citation.sentence_index} "
                f"`[{citation.start}:{citation.end}]`, similarity {citation.similarity:.2f}: "
                f"“{_md_inline(citation.text)}”"
            )
    return "## Citations\n\n" + ("\n".join(items) if items else "No summary lines.")


# JSON -------------------------------------------------------------------------------------------


def to_json(brief: Brief, *, explain: bool = False) -> str:
    """The brief as JSON in the ``newsbrief.brief/1`` schema (docs/json-schema.md).

    Keys come in a fixed order, so the output is byte-stable apart from ``timing_ms``.
    With ``explain``, ``articles`` holds the cleaned texts that every span points into.
    """
    return json.dumps(_json_document(brief, explain=explain), ensure_ascii=False, indent=2, sort_keys=False)


def _json_document(brief: Brief, *, explain: bool) -> dict[str, object]:
    document: dict[str, object] = {
        "schema": JSON_SCHEMA,
        "summary": [_json_line(line) for line in brief.summary],
        "sources": [_json_source(source) for source in brief.sources],
        "words": brief.words,
        "options": {"max_words": brief.options.max_words, "max_sentences": brief.options.max_sentences},
        "notices": [
            {"code": notice.code, "message": notice.message, "article_ids": list(notice.article_ids)}
            for notice in brief.notices
        ],
        "removals": [
            {
                "article_id": removal.article_id,
                "reason": removal.reason,
                "start": removal.start,
                "end": removal.end,
                "text": removal.text,
            }
            for removal in brief.removals
        ],
    }
    if explain:
        document["articles"] = [_json_article(article) for article in brief.articles]
    document["timing_ms"] = dict(brief.timing_ms)
    return document


def _json_line(line: SummarySentence) -> dict[str, object]:
    return {
        "text": line.text,
        "article_id": line.sentence.article_id,
        "sentence_index": line.sentence.index,
        "start": line.sentence.start,
        "end": line.sentence.end,
        "corroboration": line.corroboration,
        "citations": [_json_citation(citation) for citation in line.citations],
    }


def _json_citation(citation: Citation) -> dict[str, object]:
    return {
        "source": citation.source_number,
        "article_id": citation.article_id,
        "sentence_index": citation.sentence_index,
        "start": citation.start,
        "end": citation.end,
        "text": citation.text,
        "similarity": citation.similarity,
    }


def _json_source(source: Source) -> dict[str, object]:
    return {
        "number": source.number,
        "article_id": source.article_id,
        "outlet": source.outlet,
        "title": source.title,
        "url": source.url,
        "published": source.published,
        "words": source.words,
    }


def _json_article(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "text": article.text,
    }


# HTML -------------------------------------------------------------------------------------------


def to_html(brief: Brief, *, explain: bool = False) -> str:
    """The brief as one self-contained HTML page: no script, no remote resource.

    Each citation marker links to the exact sentence in the full cleaned text of its source,
    shown below the summary and highlighted when targeted. Every piece of source text is
    escaped; only http(s) URLs become links.
    """
    title = _brief_title(brief)
    sentences = {article.id: segment(article) for article in brief.articles}
    anchors = {
        (source.number, sent.index)
        for source in brief.sources
        for sent in sentences.get(source.article_id, ())
    }
    sections = [_html_header(brief, title), _html_summary(brief, anchors)]
    if brief.notices:
        sections.append(_html_notices(brief))
    if explain:
        sections.extend([_html_citations(brief, anchors), _html_removals(brief), _html_timing(brief)])
    sections.append(_html_sources(brief, sentences))
    return "\n".join([_html_head(title), "<body>", "<main>", *sections, "</main>", "</body>", "</html>"])


def _e(text: str) -> str:
    """Text escaped for HTML content and attribute values."""
    return html.escape(text, quote=True)


def _html_head(title: str) -> str:
    page_title = f"Brief — {title}" if title else "Brief"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{_HTML_POLICY}">',
            '<meta name="generator" content="newsbrief">',
            f"<title>{_e(page_title)}</title>",
            f"<style>\n{_HTML_STYLE}\n</style>",
            "</head>",
        ]
    )


def _html_header(brief: Brief, title: str) -> str:
    heading = f"<h1>Brief — {_e(title)}</h1>" if title else "<h1>Brief</h1>"
    counts = f"{_plural(brief.words, 'word')} from {_plural(len(brief.sources), 'source')}"
    return f'<header>\n{heading}\n<p class="meta">{counts}</p>\n</header>'


def _sentence_id(source_number: int, sentence_index: int) -> str:
    return f"s{source_number}-{sentence_index}"


def _citation_href(citation: Citation, anchors: set[tuple[int, int]]) -> str:
    """Link to the cited sentence, or to its source when the sentence has no anchor on the page.

    The anchors come from segmenting the cleaned articles exactly as the pipeline did, so the
    fallback is only for a brief assembled by other means.
    """
    if (citation.source_number, citation.sentence_index) in anchors:
        return "#" + _sentence_id(citation.source_number, citation.sentence_index)
    return f"#source-{citation.source_number}"


def _html_markers(line: SummarySentence, anchors: set[tuple[int, int]]) -> str:
    # No source text goes into attributes here (not even escaped): the link says only where it goes.
    links = [
        f'<a href="{_citation_href(_first_citation(line, number), anchors)}">[{number}]</a>'
        for number in _marker_numbers(line)
    ]
    return f'<span class="cites">{"".join(links)}</span>'


def _html_summary(brief: Brief, anchors: set[tuple[int, int]]) -> str:
    lines = [
        f'<p id="line-{position}">{_e(line.text)} {_html_markers(line, anchors)}</p>'
        for position, line in enumerate(brief.summary, start=1)
    ]
    return '<section class="summary">\n<h2>Summary</h2>\n' + "\n".join(lines) + "\n</section>"


def _html_list(items: Iterable[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def _html_notices(brief: Brief) -> str:
    return (
        "<section>\n<h2>Notes</h2>\n"
        + _html_list(_e(notice.message) for notice in brief.notices)
        + "\n</section>"
    )


def _html_url(url: str) -> str:
    """A link for an http(s) URL; anything else as plain escaped text, never as an href."""
    if _is_linkable(url):
        return f'<a class="url" href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a>'
    return f'<span class="url">{_e(_one_line(url))}</span>'


def _html_sources(brief: Brief, sentences: dict[str, tuple[Sentence, ...]]) -> str:
    cited_by = _cited_by(brief)
    parts = ['<section class="sources">', "<h2>Sources</h2>"]
    for source in brief.sources:
        heading = f"{source.number}. {_e(_outlet(source))}"
        if title := _one_line(source.title):
            heading += f" — {_e(title)}"
        details = [_e(detail) for detail in _source_details(source)]
        if source.url and _one_line(source.url):
            details.insert(0, _html_url(source.url))
        parts.append(f'<article id="source-{source.number}">')
        parts.append(f"<h3>{heading}</h3>")
        parts.append(f'<p class="meta">{" · ".join(details)}</p>')
        text = _html_article_text(brief, source, sentences.get(source.article_id, ()), cited_by)
        parts.extend([text, "</article>"])
    parts.append("</section>")
    return "\n".join(parts)


def _cited_by(brief: Brief) -> dict[tuple[str, int], tuple[int, ...]]:
    """For each cited sentence (article id, index), the summary lines citing it, in order."""
    lines: dict[tuple[str, int], list[int]] = {}
    for position, line in enumerate(brief.summary, start=1):
        for citation in line.citations:
            citing = lines.setdefault((citation.article_id, citation.sentence_index), [])
            if position not in citing:
                citing.append(position)
    return {key: tuple(positions) for key, positions in lines.items()}


def _html_article_text(
    brief: Brief,
    source: Source,
    sentences: tuple[Sentence, ...],
    cited_by: dict[tuple[str, int], tuple[int, ...]],
) -> str:
    """The cleaned article as paragraphs, each sentence in a span that a citation can target.

    The text between sentences is copied from the article, so the page shows the whole text.
    """
    article = next((article for article in brief.articles if article.id == source.article_id), None)
    if article is None or not sentences:
        return '<div class="source-text"><p class="meta">No text.</p></div>'
    paragraphs: list[list[str]] = []
    previous: Sentence | None = None
    for sent in sentences:
        if previous is None or sent.paragraph != previous.paragraph:
            paragraphs.append([])
        else:
            paragraphs[-1].append(_e(article.text[previous.end : sent.start]))
        paragraphs[-1].append(
            _html_sentence(source.number, sent, cited_by.get((sent.article_id, sent.index), ()))
        )
        previous = sent
    body = "\n".join(f"<p>{''.join(parts)}</p>" for parts in paragraphs)
    return f'<div class="source-text">\n{body}\n</div>'


def _html_sentence(source_number: int, sent: Sentence, citing_lines: tuple[int, ...]) -> str:
    """One source sentence as a target span; a cited one is shaded and links back to its lines."""
    anchor = _sentence_id(source_number, sent.index)
    if not citing_lines:
        return f'<span id="{anchor}">{_e(sent.text)}</span>'
    back = "".join(
        f'<a class="back" href="#line-{line}" title="summary line {line}">↩{line}</a>'
        for line in citing_lines
    )
    return f'<span id="{anchor}" class="cited">{_e(sent.text)}</span>{back}'


def _html_citations(brief: Brief, anchors: set[tuple[int, int]]) -> str:
    sources = {source.number: source for source in brief.sources}
    items = []
    for position, line in enumerate(brief.summary, start=1):
        cited = []
        for citation in line.citations:
            source = sources.get(citation.source_number)
            outlet = _outlet(source) if source else citation.article_id
            cited.append(
                f'<a href="{_citation_href(citation, anchors)}">[{citation.source_number}]</a> '
                f"{_e(outlet)}, sentence {citation.sentence_index} "
                f'<span class="label">[{citation.start}:{citation.end}] '
                f"similarity {citation.similarity:.2f}</span><br><q>{_e(citation.text)}</q>"
            )
        items.append(f'<a href="#line-{position}">Summary line {position}</a>\n{_html_list(cited)}')
    body = _html_list(items) if items else "<p>No summary lines.</p>"
    return f'<section class="explain">\n<h2>Citations</h2>\n{body}\n</section>'


def _html_removals(brief: Brief) -> str:
    sources = _sources_by_article(brief)
    items = [
        f"<strong>{_e(_removal_origin(removal, sources))}</strong>, {_e(removal.reason)}: "
        f"<q>{_e(_preview(removal.text))}</q>"
        for removal in brief.removals
    ]
    body = _html_list(items) if items else "<p>Nothing.</p>"
    return f'<section class="explain">\n<h2>What cleaning removed</h2>\n{body}\n</section>'


def _html_timing(brief: Brief) -> str:
    rows = "\n".join(
        f'<tr><td>{_e(stage)}</td><td class="ms">{ms:.1f} ms</td></tr>' for stage, ms in brief.timing_ms
    )
    return (
        '<section class="explain">\n<h2>Timing</h2>\n'
        f"<table>\n<tr><th>stage</th><th>time</th></tr>\n{rows}\n</table>\n</section>"
    )


# Plain text -------------------------------------------------------------------------------------


def to_text(brief: Brief, *, explain: bool = False) -> str:
    """The brief as plain text: summary lines wrapped at 88 columns with [n] markers, then sources.

    With ``explain``: what cleaning removed, each citation's source words, the time per stage.
    """
    title = _brief_title(brief)
    heading = f"Brief — {title}" if title else "Brief"
    blocks = [f"{heading}\n{'=' * len(heading)}"]
    blocks.extend(_wrap(f"{_one_line(line.text)} {_md_markers(line)}".rstrip()) for line in brief.summary)
    blocks.append(f"{_plural(brief.words, 'word')} from {_plural(len(brief.sources), 'source')}.")
    if brief.notices:
        blocks.append(
            _text_section("Notes", [_wrap(notice.message, "  - ", "    ") for notice in brief.notices])
        )
    blocks.append(_text_section("Sources", [_text_source(source) for source in brief.sources]))
    if explain:
        blocks.extend(
            [
                _text_removals(brief),
                _text_citations(brief),
                _text_section("Timing", [_wrap(_timing_line(brief), "  ", "  ")]),
            ]
        )
    return "\n\n".join(blocks)


def _wrap(text: str, first_indent: str = "", indent: str = "") -> str:
    """Text on lines of at most 88 columns; a word longer than that (a URL) stays whole."""
    return textwrap.fill(
        _one_line(text),
        width=TEXT_WIDTH,
        initial_indent=first_indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _text_section(name: str, items: list[str]) -> str:
    return "\n".join([name, "-" * len(name), *items])


def _text_source(source: Source) -> str:
    head = f"{source.number}. {_outlet(source)}"
    if title := _one_line(source.title):
        head += f" — {title}"
    prefix = f"{source.number}. "
    details = _source_details(source)
    if source.url and _one_line(source.url):
        details.insert(0, _one_line(source.url))
    indent = " " * (len(prefix) + 2)
    return _wrap(head, "  ", indent) + "\n" + _wrap(" · ".join(details), indent, indent)


def _text_removals(brief: Brief) -> str:
    sources = _sources_by_article(brief)
    items = [
        _wrap(
            f"{_removal_origin(removal, sources)}, {removal.reason}: “{_preview(removal.text)}”",
            "  - ",
            "    ",
        )
        for removal in brief.removals
    ]
    return _text_section("What cleaning removed", items or ["  Nothing."])


def _text_citations(brief: Brief) -> str:
    sources = {source.number: source for source in brief.sources}
    items = []
    for position, line in enumerate(brief.summary, start=1):
        items.append(f"  Summary line {position}, cited as {_md_markers(line)}:")
        for citation in line.citations:
            source = sources.get(citation.source_number)
            outlet = _outlet(source) if source else citation.article_id
            items.append(
                _wrap(
                    f"[{citation.source_number}] {outlet}, sentence {citation.sentence_index} "
                    f"[{citation.start}:{citation.end}], similarity {citation.similarity:.2f}: "
                    f"“{citation.text}”",
                    "    - ",
                    "      ",
                )
            )
    return _text_section("Citations", items or ["  No summary lines."])
