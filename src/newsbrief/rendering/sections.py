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

import calendar
import html
import json
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from newsbrief.analysis.lexicon import is_whole_quotation
from newsbrief.errors import OptionError
from newsbrief.model import (
    ActorNames,
    Analysis,
    Article,
    Brief,
    Citation,
    Claim,
    Conflict,
    Entity,
    Fact,
    Figure,
    Framing,
    OutletFraming,
    Quote,
    Removal,
    Sentence,
    Source,
    Span,
    SummarySentence,
)
from newsbrief.pipeline.segment import segment

__all__ = ["render", "to_html", "to_json", "to_markdown", "to_text"]

JSON_SCHEMA = "newsbrief.brief/1"
OUTPUT_FORMATS = ("markdown", "md", "json", "html", "text", "txt")
TEXT_WIDTH = 88
# Removed text is shown as a preview: enough to recognise it, short enough to scan a list.
REMOVAL_PREVIEW_CHARS = 100
# How many entries of each analysis the reading formats show; JSON always has them all. Enough
# to read in a minute, as the summary is.
SHOWN_FACTS = 10
SHOWN_CLAIMS = 8
SHOWN_FIGURES = 20
SHOWN_QUOTES = 12
SHOWN_ENTITIES = 15
SHOWN_TERMS = 6  # distinctive terms and opinion markers per outlet
# Units whose plural is the same word, or that are measures rather than things counted.
_INVARIANT_UNITS = frozenset(
    {"people", "percent", "children", "men", "women", "police", "staff", "personnel", "sheep", "fish",
     "deer", "aircraft", "series", "species", "degree", "celsius", "fahrenheit"}
)  # fmt: skip
# Words each side of a conflicting figure: enough to see what it counts.
FRAGMENT_CHARS = 60

_QUALIFIERS = {
    "exact": "",
    "about": "about",
    "more-than": "more than",
    "at-least": "at least",
    "less-than": "less than",
    "at-most": "at most",
    "up-to": "up to",
}
_NO_VARIANTS = "—"
# spaCy's entity labels in words a reader knows.
_ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
    "NORP": "group",
    "EVENT": "event",
}

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

# Added only to pages with analysis sections. Conflicts stand out: they are what a reader of
# several outlets most needs to see.
_HTML_ANALYSIS_STYLE = """
:root{--conflict:#b3261e;--conflict-bg:#fdf0ef}
@media (prefers-color-scheme:dark){:root{--conflict:#ff7b72;--conflict-bg:#2d1214}}
.analysis li{margin:.5rem 0}
.analysis td{vertical-align:top;padding-bottom:.4rem}
.conflicts{border:2px solid var(--conflict);border-left-width:6px;border-radius:4px;
background:var(--conflict-bg);padding:0 1rem .5rem;margin:2.5rem 0}
.conflicts h2{color:var(--conflict);border-bottom-color:var(--conflict);margin-top:1rem}
.conflicts strong{color:var(--conflict)}
""".strip()

# No script, no remote resource: the policy makes the browser refuse both even if some text
# slipped through unescaped.
_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


class _Renderer(Protocol):
    def __call__(self, brief: Brief, *, explain: bool = False, summary: bool = True) -> str: ...


def render(
    brief: Brief, output_format: str = "markdown", *, explain: bool = False, summary: bool = True
) -> str:
    """The brief in the named format: markdown (md), json, html or text (txt).

    ``explain`` adds what cleaning removed, the exact source words behind every citation and
    the time each stage took. ``summary=False`` leaves the summary and its citations out of
    the reading formats, for a page of analysis only; JSON always has everything. Raises
    OptionError for any other format.
    """
    return _renderer(output_format)(brief, explain=explain, summary=summary)


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


# Analysis sections ------------------------------------------------------------------------------
# The sections are built once, format-neutral, from a _Style that knows how the format escapes
# text and writes a source marker; each renderer then lays them out as a list or a table.


@dataclass(frozen=True, slots=True)
class _Style:
    """How one output format writes the pieces of an analysis item.

    ``text`` makes article-derived text safe for the format; ``cite`` writes the marker of an
    article, pointing (where the format can link) at the sentence holding character ``start``.
    """

    text: Callable[[str], str]
    strong: Callable[[str], str]
    em: Callable[[str], str]
    cite: Callable[[str, int | None], str]
    sources: dict[str, Source]


@dataclass(frozen=True, slots=True)
class _Section:
    """One analysis section: list items, or table rows when ``columns`` is given.

    ``items`` always holds one line per entry (plain text uses them even for a table);
    ``empty`` is the line shown when the analysis ran and found nothing; ``more`` counts the
    entries left out (the JSON output has them all).
    """

    title: str
    kind: str
    empty: str
    items: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    more: int = 0


def _analysis_sections(analysis: Analysis, style: _Style) -> list[_Section]:
    """The sections of the analyses that ran, in reading order: agreement, then disagreement."""
    sections: list[_Section] = []
    if "facts" in analysis.ran:
        sections.append(_facts_section(analysis.facts, style))
        sections.append(_claims_section(analysis.claims, style))
    if "figures" in analysis.ran:
        sections.append(_conflicts_section(analysis.conflicts, style))
        sections.append(_figures_section(analysis.figures, style))
    if "quotes" in analysis.ran:
        sections.append(_quotes_section(analysis.quotes, style))
    if "entities" in analysis.ran:
        sections.append(_entities_section(analysis.entities, style))
    if "framing" in analysis.ran:
        sections.append(_framing_section(analysis.framing, style))
    return sections


def _plain_cite(sources: dict[str, Source], escape: Callable[[str], str]) -> Callable[[str, int | None], str]:
    """Markers for formats without links: ``[n]``, or the article id for an article not among the sources."""

    def cite(article_id: str, start: int | None) -> str:
        source = sources.get(article_id)
        return f"[{source.number}]" if source else f"({escape(article_id)})"

    return cite


def _list_section(title: str, kind: str, empty: str, items: Sequence[str], limit: int) -> _Section:
    return _Section(title, kind, empty, items=tuple(items[:limit]), more=max(0, len(items) - limit))


def _more_line(section: _Section) -> str:
    return f"… and {section.more} more (the JSON output lists them all)."


def _source_order(style: _Style, article_id: str) -> tuple[int, str]:
    """Sort key putting articles in source-number order, any article not among the sources last."""
    source = style.sources.get(article_id)
    return (source.number if source else len(style.sources) + 1, article_id)


def _in_source_order(style: _Style, spans: Iterable[Sentence | Span]) -> list[Sentence | Span]:
    """The first span of each article, in source-number order (articles not among the sources last)."""
    first: dict[str, Sentence | Span] = {}
    for span in spans:
        first.setdefault(span.article_id, span)
    return sorted(first.values(), key=lambda span: _source_order(style, span.article_id))


def _who(style: _Style, article_id: str, start: int | None) -> str:
    """``Outlet [n]``: the article's outlet and its marker."""
    source = style.sources.get(article_id)
    return f"{style.text(_outlet(source) if source else article_id)} {style.cite(article_id, start)}"


def _verbatim(style: _Style, sentence: str) -> str:
    """A source sentence in curly quotes, or as it is when it is itself a quotation from start to
    end (“"A," she said.” would read as a quote in a quote)."""
    if is_whole_quotation(sentence):
        return style.text(sentence)
    return f"“{style.text(sentence)}”"


def _facts_section(facts: Sequence[Fact], style: _Style) -> _Section:
    items = [
        f"{_verbatim(style, fact.sentences[0].text)} — reported by "
        + ", ".join(
            _who(style, sent.article_id, sent.start) for sent in _in_source_order(style, fact.sentences)
        )
        for fact in facts
        if fact.sentences
    ]
    return _list_section(
        "Agreed facts", "facts", "No facts reported by two or more outlets found.", items, SHOWN_FACTS
    )


def _claims_section(claims: Sequence[Claim], style: _Style) -> _Section:
    items = [
        f"{_verbatim(style, sent.text)} — {_who(style, sent.article_id, sent.start)}"
        for sent in (claim.sentence for claim in claims)
    ]
    return _list_section(
        "Only one outlet", "claims", "No claims made by one outlet only found.", items, SHOWN_CLAIMS
    )


def _number(value: float) -> str:
    """A figure's value as people write it: 300, 2.5, 2016, 400,000 (no exponent, no trailing .0).

    Thousands are grouped from five digits on, so that a year stays 2016.
    """
    if not float(value).is_integer():
        return format(value, "f").rstrip("0").rstrip(".")
    return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))


def _figure_value(figure: Figure) -> str:
    """The normalized figure: qualifier, value and unit, as in "more than 300 people", "in 2016"."""
    qualifier = _QUALIFIERS.get(figure.qualifier, figure.qualifier)
    return " ".join(part for part in (qualifier, _amount(figure.value, figure.unit)) if part)


def _amount(value: float, unit: str) -> str:
    """A value in its unit as a reader writes it: "2016-02-29", "March 15", "the year 2016",
    "age 45", "21" (a bare count), "2 villages" (the unit is a noun's lemma, so made plural)."""
    if unit == "date":
        return _date(int(value))
    if unit == "year":
        return f"the year {_number(value)}"
    if unit == "age":
        return f"age {_number(value)}"
    if unit == "count":
        return _number(value)
    return f"{_number(value)} {_plural_unit(unit) if value != 1 else unit}"


def _date(value: int) -> str:
    """YYYYMMDD as ISO 8601, MMDD (no year given) as "March 15"; anything else as the number."""
    year, month, day = value // 10_000, value // 100 % 100, value % 100
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return _number(value)
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"{calendar.month_name[month]} {day}"


def _plural_unit(unit: str) -> str:
    """English plural of a unit noun's lemma ("village" -> "villages"); units that are not
    lower-case words ("USD", "km"), already plural or invariant stay as they are."""
    if not unit.isalpha() or not unit.islower() or unit in _INVARIANT_UNITS or len(unit) <= 2:
        return unit
    if unit.endswith("s"):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in tuple("aeiou"):
        return unit[:-1] + "ies"
    if unit.endswith(("x", "z", "ch", "sh")):
        return unit + "es"
    return unit + "s"


def _figure_item(figure: Figure, style: _Style) -> str:
    described = [style.text(_figure_value(figure))]
    if _one_line(figure.what):
        described.append(style.text(figure.what))
    if _one_line(figure.attribution):
        described.append("according to " + style.text(figure.attribution))
    return (
        f"“{style.text(figure.span.text)}”: {', '.join(described)} — "
        f"{_who(style, figure.span.article_id, figure.span.start)}"
    )


def _figures_section(figures: Sequence[Figure], style: _Style) -> _Section:
    ordered = sorted(
        figures, key=lambda figure: (*_source_order(style, figure.span.article_id), figure.span.start)
    )
    # A bare number with nothing said of what it counts tells a reader nothing; JSON still has it.
    telling = [figure for figure in ordered if figure.unit != "count" or _one_line(figure.what)]
    items = [_figure_item(figure, style) for figure in telling[:SHOWN_FIGURES]]
    return _Section(
        "Figures", "figures", "No figures found.", items=tuple(items), more=len(ordered) - len(items)
    )


def _fragment(figure: Figure, width: int = FRAGMENT_CHARS) -> str:
    """The words around a figure in its sentence, cut at word boundaries with ellipses."""
    text = figure.sentence.text
    start = figure.span.start - figure.sentence.start
    end = start + len(figure.span.text)
    if not 0 <= start <= end <= len(text):
        return _preview(text)
    left = text.rfind(" ", 0, max(0, start - width)) + 1 if start > width else 0
    right = text.find(" ", end + width) if len(text) - end > width else -1
    fragment = text[left : right if right >= 0 else len(text)].strip()
    return ("…" if left else "") + _one_line(fragment) + ("…" if right >= 0 else "")


def _conflict_item(conflict: Conflict, style: _Style) -> str:
    values = " vs ".join(
        f"{style.strong('“' + style.text(figure.span.text) + '”')} "
        f"{_who(style, figure.span.article_id, figure.span.start)} (“{style.text(_fragment(figure))}”)"
        for figure in conflict.figures
    )
    note = f" {style.em(style.text(conflict.note))}" if _one_line(conflict.note) else ""
    return f"{style.strong(style.text(conflict.what))}: {values}.{note}"


def _conflicts_section(conflicts: Sequence[Conflict], style: _Style) -> _Section:
    items = [_conflict_item(conflict, style) for conflict in conflicts]
    return _list_section("Conflicts", "conflicts", "No conflicting figures found.", items, len(items))


def _quote_item(quote: Quote, style: _Style) -> str:
    speaker = style.text(quote.speaker) if _one_line(quote.speaker) else "unnamed speaker"
    if _one_line(quote.role):
        speaker += f" ({style.text(quote.role)})"
    markers = "".join(
        style.cite(span.article_id, span.start) for span in _in_source_order(style, quote.spans)
    )
    words = (
        f"“{style.text(quote.text)}”"
        if quote.kind == "direct"
        else f"{style.em('indirect:')} {style.text(quote.text)}"
    )
    return f"{words} — {speaker} {markers}"


def _quotes_section(quotes: Sequence[Quote], style: _Style) -> _Section:
    items = [_quote_item(quote, style) for quote in quotes]
    return _list_section("Quotes", "quotes", "No quotes found.", items, SHOWN_QUOTES)


def _entity_cells(entity: Entity, style: _Style) -> tuple[str, str, str, str]:
    """Name, kind, mentions per source (each marker pointing at the first mention there), variants."""
    first = {span.article_id: span.start for span in reversed(entity.mentions)}
    counts = sorted(entity.counts, key=lambda pair: _source_order(style, pair[0]))
    mentions = " · ".join(
        f"{style.cite(article_id, first.get(article_id))} {count}" for article_id, count in counts
    )
    variants = ", ".join(style.text(variant) for variant in entity.variants)
    kind = style.text(_ENTITY_KINDS.get(entity.label, entity.label.lower()))
    return style.strong(style.text(entity.name)), kind, mentions, variants or _NO_VARIANTS


def _entity_line(name: str, kind: str, mentions: str, variants: str) -> str:
    """An entity on one line, for plain text, which has no tables."""
    line = f"{name} ({kind}), mentions {mentions}"
    return f"{line}; also called {variants}" if variants != _NO_VARIANTS else line


def _entities_section(entities: Sequence[Entity], style: _Style) -> _Section:
    rows = [_entity_cells(entity, style) for entity in entities[:SHOWN_ENTITIES]]
    return _Section(
        "Who and where",
        "entities",
        "No people, organizations or places found.",
        items=tuple(_entity_line(*cells) for cells in rows),
        columns=("name", "kind", "mentions", "also called"),
        rows=tuple(rows),
        more=max(0, len(entities) - SHOWN_ENTITIES),
    )


def _outlet_framing_item(outlet: OutletFraming, style: _Style) -> str:
    """``Outlet [n]: style, share of opinion words (markers); distinctive: term (z), ...``."""
    line = f"{_who(style, outlet.article_id, None)}: {style.strong(style.text(outlet.style))}"
    line += f", {outlet.opinion:.1%} opinion words"
    if markers := [style.text(marker) for marker in outlet.opinion_markers[:SHOWN_TERMS]]:
        line += f" ({', '.join(markers)})"
    terms = ", ".join(
        f"{style.text(term.term)} (z {term.z:.2f})" for term in outlet.distinctive[:SHOWN_TERMS]
    )
    return f"{line}; distinctive: {terms}" if terms else line


def _actor_item(actor: ActorNames, style: _Style) -> str:
    names = "; ".join(
        f"{_who(style, article_id, None)}: "
        + ", ".join(f"{style.text(name)} ({count})" for name, count in pairs)
        for article_id, pairs in actor.names
    )
    return f"{style.strong(style.text(actor.actor))} → {names}"


def _framing_section(framing: Framing | None, style: _Style) -> _Section:
    items: list[str] = []
    if framing is not None:
        items.extend(_outlet_framing_item(outlet, style) for outlet in framing.outlets)
        items.extend(_actor_item(actor, style) for actor in framing.actors)
    return _list_section("Framing", "framing", "No framing found.", items, len(items))


# Markdown ---------------------------------------------------------------------------------------


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
        blocks.extend([_md_removals(brief), *citations, "## Timing\n\n" + _timing_line(brief)])
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
    """One paragraph per summary line, each ending with its citation markers; a line in an
    outlet's own voice says whose (issue 12)."""
    return [f"{_md_block(line.text)}{_md_voice(line)} {_md_markers(line)}".rstrip() for line in brief.summary]


def _md_voice(line: SummarySentence) -> str:
    return f" *(in {_md_inline(line.voice)}'s voice)*" if line.voice else ""


def _md_counts(brief: Brief) -> str:
    return f"*{_plural(brief.words, 'word')} from {_plural(len(brief.sources), 'source')}*"


def _md_analysis(brief: Brief) -> list[str]:
    sources = _sources_by_article(brief)
    style = _Style(
        text=_md_inline,
        strong=lambda text: f"**{text}**",
        em=lambda text: f"*{text}*",
        cite=_plain_cite(sources, _md_inline),
        sources=sources,
    )
    return [_md_analysis_section(section) for section in _analysis_sections(brief.analysis, style)]


def _md_analysis_section(section: _Section) -> str:
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
        body += "\n\n" + _more_line(section)
    return f"## {section.title}\n\n{body}"


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


def to_json(brief: Brief, *, explain: bool = False, summary: bool = True) -> str:
    """The brief as JSON in the ``newsbrief.brief/1`` schema (docs/json-schema.md).

    Keys come in a fixed order, so the output is byte-stable apart from ``timing_ms``.
    With ``explain``, ``articles`` holds the cleaned texts that every span points into.
    ``summary`` is accepted for a uniform signature and ignored: the JSON document is always whole.
    """
    return json.dumps(_json_document(brief, explain=explain), ensure_ascii=False, indent=2, sort_keys=False)


def _json_document(brief: Brief, *, explain: bool) -> dict[str, object]:
    document: dict[str, object] = {
        "schema": JSON_SCHEMA,
        "summary": [_json_line(line) for line in brief.summary],
        "sources": [_json_source(source) for source in brief.sources],
        "words": brief.words,
        "options": {
            "max_words": brief.options.max_words,
            "max_sentences": brief.options.max_sentences,
            "analyses": list(brief.options.analyses),
            "style": brief.options.style,
        },
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
        "analysis": _json_analysis(brief.analysis, _sources_by_article(brief)),
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
        "voice": line.voice,
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


def _json_analysis(analysis: Analysis, sources: dict[str, Source]) -> dict[str, object]:
    """The analysis under the documented keys; an analysis that did not run has an empty list."""
    return {
        "ran": list(analysis.ran),
        "facts": [_json_fact(fact, sources) for fact in analysis.facts],
        "claims": [
            {**_json_sentence(claim.sentence, sources), "weight": round(claim.weight, 4)}
            for claim in analysis.claims
        ],
        "figures": [_json_figure(figure, sources) for figure in analysis.figures],
        "conflicts": [
            {
                "what": conflict.what,
                "note": conflict.note,
                "figures": [_json_figure(figure, sources) for figure in conflict.figures],
            }
            for conflict in analysis.conflicts
        ],
        "quotes": [_json_quote(quote, sources) for quote in analysis.quotes],
        "entities": [_json_entity(entity, sources) for entity in analysis.entities],
        "framing": _json_framing(analysis.framing, sources) if analysis.framing else None,
    }


def _json_source_of(article_id: str, sources: dict[str, Source]) -> dict[str, object]:
    """``source`` and ``article_id``, the pair every analysis item starts with."""
    source = sources.get(article_id)
    return {"source": source.number if source else None, "article_id": article_id}


def _json_numbers(article_ids: Iterable[str], sources: dict[str, Source]) -> list[int]:
    return sorted({sources[article_id].number for article_id in article_ids if article_id in sources})


def _json_sentence(sentence: Sentence, sources: dict[str, Source]) -> dict[str, object]:
    return {
        **_json_source_of(sentence.article_id, sources),
        "sentence_index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def _json_span(span: Span, sources: dict[str, Source]) -> dict[str, object]:
    return {
        **_json_source_of(span.article_id, sources),
        "start": span.start,
        "end": span.end,
        "text": span.text,
    }


def _json_fact(fact: Fact, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "sources": _json_numbers(fact.article_ids, sources),
        "sentences": [
            {**_json_sentence(sent, sources), "similarity": round(similarity, 4)}
            for sent, similarity in zip(fact.sentences, fact.similarities, strict=False)
        ],
    }


def _json_figure(figure: Figure, sources: dict[str, Source]) -> dict[str, object]:
    value = figure.value
    return {
        "text": figure.span.text,
        "value": int(value) if float(value).is_integer() else value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "what": figure.what,
        "attribution": figure.attribution,
        **_json_span(figure.span, sources),
        "sentence": {
            "sentence_index": figure.sentence.index,
            "start": figure.sentence.start,
            "end": figure.sentence.end,
            "text": figure.sentence.text,
        },
    }


def _json_quote(quote: Quote, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "kind": quote.kind,
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "sources": _json_numbers(quote.article_ids, sources),
        "spans": [_json_span(span, sources) for span in quote.spans],
    }


def _json_entity(entity: Entity, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "name": entity.name,
        "label": entity.label,
        "variants": list(entity.variants),
        "total": entity.total,
        "counts": [
            {**_json_source_of(article_id, sources), "count": count} for article_id, count in entity.counts
        ],
        "mentions": [_json_span(span, sources) for span in entity.mentions],
    }


def _json_framing(framing: Framing, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "outlets": [
            {
                **_json_source_of(outlet.article_id, sources),
                "style": outlet.style,
                "opinion": round(outlet.opinion, 4),
                "opinion_markers": list(outlet.opinion_markers),
                "distinctive": [
                    {"term": term.term, "z": round(term.z, 2), "count": term.count}
                    for term in outlet.distinctive
                ],
            }
            for outlet in framing.outlets
        ],
        "actors": [
            {
                "actor": actor.actor,
                "names": [
                    {
                        **_json_source_of(article_id, sources),
                        "names": [{"name": name, "count": count} for name, count in pairs],
                    }
                    for article_id, pairs in actor.names
                ],
            }
            for actor in framing.actors
        ],
    }


# HTML -------------------------------------------------------------------------------------------


def to_html(brief: Brief, *, explain: bool = False, summary: bool = True) -> str:
    """The brief as one self-contained HTML page: no script, no remote resource.

    Each citation marker, in the summary and in the analysis sections, links to the exact
    sentence in the full cleaned text of its source, shown below and highlighted when
    targeted. Every piece of source text is escaped; only http(s) URLs become links.
    ``summary=False`` leaves out the summary and its citations.
    """
    title = _brief_title(brief)
    sentences = {article.id: segment(article) for article in brief.articles}
    anchors = {
        (source.number, sent.index)
        for source in brief.sources
        for sent in sentences.get(source.article_id, ())
    }
    sections = [_html_header(brief, title, summary=summary)]
    if summary:
        sections.append(_html_summary(brief, anchors))
    sections.extend(_html_analysis(brief, sentences))
    if brief.notices:
        sections.append(_html_notices(brief))
    if explain:
        citations = [_html_citations(brief, anchors)] if summary else []
        sections.extend([*citations, _html_removals(brief), _html_timing(brief)])
    sections.append(_html_sources(brief, sentences, summary=summary))
    head = _html_head(title, analysis=bool(brief.analysis.ran))
    return "\n".join([head, "<body>", "<main>", *sections, "</main>", "</body>", "</html>"])


def _e(text: str) -> str:
    """Text escaped for HTML content and attribute values."""
    return html.escape(text, quote=True)


def _html_head(title: str, *, analysis: bool) -> str:
    """The page head; the analysis styles come only with analysis sections, so a page without
    them stays as it was."""
    style = f"{_HTML_STYLE}\n{_HTML_ANALYSIS_STYLE}" if analysis else _HTML_STYLE
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
            f"<style>\n{style}\n</style>",
            "</head>",
        ]
    )


def _html_header(brief: Brief, title: str, *, summary: bool) -> str:
    heading = f"<h1>Brief — {_e(title)}</h1>" if title else "<h1>Brief</h1>"
    counts = _plural(len(brief.sources), "source")
    if summary:
        counts = f"{_plural(brief.words, 'word')} from {counts}"
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


def _html_analysis(brief: Brief, sentences: dict[str, tuple[Sentence, ...]]) -> list[str]:
    sources = _sources_by_article(brief)

    def cite(article_id: str, start: int | None) -> str:
        source = sources.get(article_id)
        if source is None:
            return _e(f"({article_id})")
        href = _span_href(source.number, sentences.get(article_id, ()), start)
        return f'<span class="cites"><a href="{href}">[{source.number}]</a></span>'

    style = _Style(
        text=_e,
        strong=lambda text: f"<strong>{text}</strong>",
        em=lambda text: f"<em>{text}</em>",
        cite=cite,
        sources=sources,
    )
    return [_html_analysis_section(section) for section in _analysis_sections(brief.analysis, style)]


def _span_href(source_number: int, sentences: Sequence[Sentence], start: int | None) -> str:
    """Link to the sentence holding character ``start``, or to the source when none holds it."""
    if start is not None:
        for sent in sentences:
            if sent.start <= start < sent.end:
                return "#" + _sentence_id(source_number, sent.index)
    return f"#source-{source_number}"


def _html_analysis_section(section: _Section) -> str:
    if not section.items:
        body = f"<p>{_e(section.empty)}</p>"
    elif section.columns:
        head = "".join(f"<th>{_e(column)}</th>" for column in section.columns)
        rows = "\n".join(
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>" for cells in section.rows
        )
        body = f"<table>\n<tr>{head}</tr>\n{rows}\n</table>"
    else:
        body = _html_list(section.items)
    if section.more:
        body += f'\n<p class="meta">{_e(_more_line(section))}</p>'
    return f'<section class="analysis {section.kind}">\n<h2>{_e(section.title)}</h2>\n{body}\n</section>'


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


def _html_sources(brief: Brief, sentences: dict[str, tuple[Sentence, ...]], *, summary: bool) -> str:
    cited_by = _cited_by(brief) if summary else {}
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


def to_text(brief: Brief, *, explain: bool = False, summary: bool = True) -> str:
    """The brief as plain text: summary lines wrapped at 88 columns with [n] markers, the
    analyses that ran, then sources.

    With ``explain``: what cleaning removed, each citation's source words, the time per stage.
    ``summary=False`` leaves out the summary lines and their citations.
    """
    title = _brief_title(brief)
    heading = f"Brief — {title}" if title else "Brief"
    blocks = [f"{heading}\n{'=' * len(heading)}"]
    if summary:
        blocks.extend(_wrap(f"{_one_line(line.text)} {_md_markers(line)}".rstrip()) for line in brief.summary)
        blocks.append(f"{_plural(brief.words, 'word')} from {_plural(len(brief.sources), 'source')}.")
    blocks.extend(_text_analysis(brief))
    if brief.notices:
        blocks.append(
            _text_section("Notes", [_wrap(notice.message, "  - ", "    ") for notice in brief.notices])
        )
    blocks.append(_text_section("Sources", [_text_source(source) for source in brief.sources]))
    if explain:
        citations = [_text_citations(brief)] if summary else []
        timing = _text_section("Timing", [_wrap(_timing_line(brief), "  ", "  ")])
        blocks.extend([_text_removals(brief), *citations, timing])
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


def _text_analysis(brief: Brief) -> list[str]:
    sources = _sources_by_article(brief)
    style = _Style(
        text=_one_line,
        strong=str,
        em=str,
        cite=_plain_cite(sources, _one_line),
        sources=sources,
    )
    return [_text_analysis_section(section) for section in _analysis_sections(brief.analysis, style)]


def _text_analysis_section(section: _Section) -> str:
    items = [_wrap(item, "  - ", "    ") for item in section.items] or [_wrap(section.empty, "  ", "  ")]
    if section.more:
        items.append(_wrap(_more_line(section), "  ", "  "))
    return _text_section(section.title, items)


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
