"""A Brief as plain text for a terminal or an e-mail: wrapped at 88 columns, no markup.

Source text drops control characters so that it cannot send escape sequences to a terminal.
Returns the text without a trailing newline.
"""

from __future__ import annotations

import textwrap

from newsbrief.analysis.lexicon import as_inner_quotation
from newsbrief.model import Brief, Source, SummarySentence
from newsbrief.rendering.sections import (
    Section,
    Style,
    analysis_sections,
    brief_title,
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

__all__ = ["to_text"]

TEXT_WIDTH = 88


def _text_line(line: SummarySentence) -> str:
    """A summary line on one line: its words, its note (``sections.line_note``), its markers."""
    note = line_note(line)
    shown_note = f" ({note})" if note else ""
    return f"{one_line(line_words(line))}{shown_note} {marker_text(line)}".rstrip()


def to_text(brief: Brief, *, explain: bool = False, summary: bool = True) -> str:
    """The brief as plain text: summary lines wrapped at 88 columns with [n] markers, the
    analyses that ran, then sources.

    With ``explain``: what cleaning removed, each citation's source words, the time per stage.
    ``summary=False`` leaves out the summary lines and their citations.
    """
    title = brief_title(brief)
    heading = f"Brief — {title}" if title else "Brief"
    blocks = [f"{heading}\n{'=' * len(heading)}"]
    if summary:
        blocks.extend(_wrap(_text_line(line)) for line in brief.summary)
        blocks.append(f"{plural(brief.words, 'word')} from {plural(len(brief.sources), 'source')}.")
    blocks.extend(_text_analysis(brief))
    if brief.notices:
        blocks.append(
            _text_section("Notes", [_wrap(notice.message, "  - ", "    ") for notice in brief.notices])
        )
    blocks.append(_text_section("Sources", [_text_source(source) for source in brief.sources]))
    if explain:
        citations = [_text_citations(brief)] if summary else []
        timing = [_text_section("Timing", [_wrap(timing_line(brief), "  ", "  ")])] if brief.timing_ms else []
        blocks.extend([_text_removals(brief), *citations, *timing])
    return "\n\n".join(blocks)


def _wrap(text: str, first_indent: str = "", indent: str = "") -> str:
    """Text on lines of at most 88 columns; a word longer than that (a URL) stays whole."""
    return textwrap.fill(
        one_line(text),
        width=TEXT_WIDTH,
        initial_indent=first_indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _text_section(name: str, items: list[str]) -> str:
    return "\n".join([name, "-" * len(name), *items])


def _text_analysis(brief: Brief) -> list[str]:
    sources = sources_by_article(brief)
    style = Style(
        text=one_line,
        markup=str,
        strong=str,
        em=str,
        cite=plain_cite(sources, one_line),
        sources=sources,
    )
    return [_text_analysis_section(section) for section in analysis_sections(brief.analysis, style)]


def _text_analysis_section(section: Section) -> str:
    items = [_wrap(item, "  - ", "    ") for item in section.items] or [_wrap(section.empty, "  ", "  ")]
    if section.more:
        items.append(_wrap(more_line(section), "  ", "  "))
    if section.note:
        items.append(_wrap(section.note, "  ", "  "))
    return _text_section(section.title, items)


def _text_source(source: Source) -> str:
    head = f"{source.number}. {outlet_name(source)}"
    if title := one_line(source.title):
        head += f" — {title}"
    prefix = f"{source.number}. "
    details = source_details(source)
    if source.url and one_line(source.url):
        details.insert(0, one_line(source.url))
    indent = " " * (len(prefix) + 2)
    return _wrap(head, "  ", indent) + "\n" + _wrap(" · ".join(details), indent, indent)


def _text_removals(brief: Brief) -> str:
    sources = sources_by_article(brief)
    items = [
        _wrap(
            f"{removal_origin(removal, sources)}, {removal.reason}: “{as_inner_quotation(preview(removal.text))}”",
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
        items.append(f"  Summary line {position}, cited as {marker_text(line)}:")
        for citation in line.citations:
            source = sources.get(citation.source_number)
            outlet = outlet_name(source) if source else citation.article_id
            items.append(
                _wrap(
                    f"[{citation.source_number}] {outlet}, sentence {citation.sentence_index} "
                    f"[{citation.start}:{citation.end}], similarity {citation.similarity:.2f}: "
                    f"“{as_inner_quotation(citation.text)}”",
                    "    - ",
                    "      ",
                )
            )
    return _text_section("Citations", items or ["  No summary lines."])
