"""A Brief as Markdown: summary lines with [n] markers, the analyses that ran, notes, sources.

Source text is escaped so that it cannot become markup (links, raw HTML, headings, lists, table
pipes) and drops control characters. Returns the text without a trailing newline.
"""

from __future__ import annotations

import re

from newsbrief.analysis.lexicon import as_inner_quotation
from newsbrief.model import Brief, SummarySentence
from newsbrief.rendering.sections import (
    Section,
    Style,
    analysis_sections,
    brief_title,
    is_linkable,
    line_note,
    line_words,
    marker_text,
    more_line,
    one_line,
    outlet_name,
    plain_cite,
    plural,
    preview,
    removal_origin,
    source_details,
    sources_by_article,
    timing_line,
)

__all__ = ["to_markdown"]

# Characters that make inline Markdown: emphasis, code, links and images, raw HTML, table cells,
# and an '&' that would start an entity reference.
_MD_INLINE = re.compile(r"([\\`*_\[\]<|]|&(?=#?\w+;))")
# What makes a line start a block: heading, quote, list item, rule, setext underline, fence.
_MD_BLOCK_START = re.compile(r"^([#>+=~-])")
_MD_ORDERED_ITEM = re.compile(r"^(\d+)([.)])(?=\s|$)")


def to_markdown(brief: Brief, *, explain: bool = False, summary: bool = True) -> str:
    """The brief as Markdown: summary lines with [n] markers, the analyses that ran, notes, and a
    numbered source list.

    With ``explain``: what cleaning removed, each citation's exact source words and span, and
    the time per stage. ``summary=False`` leaves out the summary lines and their citations.
    """
    blocks = [_md_heading(brief)]
    if summary:
        blocks.extend([*_md_summary(brief), _md_counts(brief)])
    blocks.extend(_md_analysis(brief))
    if brief.notices:
        blocks.append(
            "## Notes\n\n" + "\n".join(f"- {_md_inline(notice.message)}" for notice in brief.notices)
        )
    blocks.append(_md_sources(brief))
    if explain:
        citations = [_md_citations(brief)] if summary else []
        timing = ["## Timing\n\n" + timing_line(brief)] if brief.timing_ms else []
        blocks.extend([_md_removals(brief), *citations, *timing])
    return "\n\n".join(blocks)


def _md_inline(text: str) -> str:
    """Source text made safe inside a Markdown line: one line, markup characters escaped."""
    return _MD_INLINE.sub(r"\\\1", one_line(text))


def _md_block(text: str) -> str:
    """Source text made safe at the start of a Markdown line (it cannot open a heading or list)."""
    escaped = _md_inline(text)
    escaped = _MD_ORDERED_ITEM.sub(r"\1\\\2", escaped)
    return _MD_BLOCK_START.sub(r"\\\1", escaped)


def _md_heading(brief: Brief) -> str:
    title = brief_title(brief)
    # A '#' inside an ATX heading can close it; escaping all of them keeps the title whole.
    return "# Brief — " + _md_inline(title).replace("#", "\\#") if title else "# Brief"


def _md_summary(brief: Brief) -> list[str]:
    """One paragraph per summary line, each ending with its citation markers; a line in an
    outlet's own voice (the neutral style takes one only when nothing else carries it) says whose,
    and a quotation that names no one says who said it (``sections.line_note``)."""
    return [
        f"{_md_block(line_words(line))}{_md_note(line)} {marker_text(line)}".rstrip()
        for line in brief.summary
    ]


def _md_note(line: SummarySentence) -> str:
    note = line_note(line)
    return f" *({_md_inline(note)})*" if note else ""


def _md_counts(brief: Brief) -> str:
    return f"*{plural(brief.words, 'word')} from {plural(len(brief.sources), 'source')}*"


def _md_analysis(brief: Brief) -> list[str]:
    sources = sources_by_article(brief)
    style = Style(
        text=_md_inline,
        markup=str,
        strong=lambda text: f"**{text}**",
        em=lambda text: f"*{text}*",
        cite=plain_cite(sources, _md_inline),
        sources=sources,
    )
    return [_md_analysis_section(section) for section in analysis_sections(brief.analysis, style)]


def _md_analysis_section(section: Section) -> str:
    if not section.items:
        body = section.empty
    elif section.columns:
        body = "\n".join(
            "| " + " | ".join(cells) + " |"
            for cells in (section.columns, tuple("---" for _ in section.columns), *section.rows)
        )
    else:
        body = "\n".join(f"- {item}" for item in section.items)
    if section.more:
        body += "\n\n" + more_line(section)
    if section.note:
        body += "\n\n" + section.note
    return f"## {section.title}\n\n{body}"


def _md_url(url: str) -> str:
    """An autolink for an http(s) URL; anything else as escaped text, never a link."""
    return f"<{url}>" if is_linkable(url) else _md_inline(url)


def _md_sources(brief: Brief) -> str:
    items = []
    for source in brief.sources:
        item = f"{source.number}. **{_md_inline(outlet_name(source))}**"
        if title := one_line(source.title):
            item += f" — {_md_inline(title)}"
        if source.url and one_line(source.url):
            item += f" ({_md_url(source.url)})"
        items.append(" · ".join([item, *(_md_inline(detail) for detail in source_details(source))]))
    return "## Sources\n\n" + "\n".join(items)


def _md_removals(brief: Brief) -> str:
    if not brief.removals:
        return "## What cleaning removed\n\nNothing."
    sources = sources_by_article(brief)
    items = (
        f"- **{_md_inline(removal_origin(removal, sources))}**, {_md_inline(removal.reason)}: "
        f"“{_md_inline(as_inner_quotation(preview(removal.text)))}”"
        for removal in brief.removals
    )
    return "## What cleaning removed\n\n" + "\n".join(items)


def _md_citations(brief: Brief) -> str:
    sources = {source.number: source for source in brief.sources}
    items = []
    for position, line in enumerate(brief.summary, start=1):
        items.append(f"{position}. Summary line {position}, cited as {marker_text(line)}:")
        for citation in line.citations:
            source = sources.get(citation.source_number)
            outlet = _md_inline(outlet_name(source)) if source else citation.article_id
            items.append(
                f"   - [{citation.source_number}] **{outlet}**, sentence {citation.sentence_index} "
                f"`[{citation.start}:{citation.end}]`, similarity {citation.similarity:.2f}: "
                f"“{_md_inline(as_inner_quotation(citation.text))}”"
            )
    return "## Citations\n\n" + ("\n".join(items) if items else "No summary lines.")
