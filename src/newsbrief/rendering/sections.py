"""What every format says: the analysis sections, their limits, figure wording, shared helpers.

Each renderer (``markdown``, ``json``, ``html``, ``text``) is a pure function of the Brief built
on these pieces, so the formats cannot drift apart: the same sections in the same order, the
same number of entries shown, the same words for a figure.

All text that comes from the sources (article text, titles, outlets, URLs, notices, removals)
is untrusted. The sections are built through a ``Style`` that knows how its format makes such
text safe; plain-text helpers here drop control characters so that a source cannot send escape
sequences to a terminal.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from newsbrief.analysis.lexicon import (
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    as_inner_quotation,
    is_whole_quotation,
    printed_text,
)
from newsbrief.model import (
    ActorNames,
    Analysis,
    Brief,
    Citation,
    Claim,
    Conflict,
    DisputedClaim,
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

__all__ = [
    "SHOWN_CLAIMS",
    "SHOWN_ENTITIES",
    "SHOWN_FACTS",
    "SHOWN_FIGURES",
    "SHOWN_QUOTES",
    "SHOWN_TERMS",
    "SHOWN_UNATTRIBUTED",
    "Section",
    "Style",
    "analysis_sections",
    "brief_title",
    "entity_kind",
    "figure_context",
    "figure_value",
    "first_citation",
    "is_linkable",
    "marker_numbers",
    "marker_text",
    "more_line",
    "one_line",
    "outlet_name",
    "plain_cite",
    "plural",
    "preview",
    "removal_origin",
    "source_details",
    "sources_by_article",
    "speaker_label",
    "tells_something",
    "timing_line",
]

# Removed text is shown as a preview: enough to recognise it, short enough to scan a list.
REMOVAL_PREVIEW_CHARS = 100
# How many entries of each analysis the reading formats show; JSON always has them all. Enough
# to read in a minute, as the summary is.
SHOWN_FACTS = 10
SHOWN_CLAIMS = 8
SHOWN_FIGURES = 20
SHOWN_QUOTES = 12
SHOWN_UNATTRIBUTED = 6  # phrases in quote marks left out of the quotes, named under them
SHOWN_ENTITIES = 15
SHOWN_TERMS = 6  # distinctive terms and opinion markers per outlet
# A duration's unit is plural ("days"), so that it never meets a calendar year ("year").
_DURATION_SINGULARS = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "weeks": "week",
    "months": "month", "years": "year", "decades": "decade", "centuries": "century",
}  # fmt: skip
# Nouns a count of people may be shown with ("2 lawmakers", "20 children").
_PEOPLE_WORDS = PEOPLE_NOUNS | PERSON_NOUNS
# Nouns for people whose plural is not the regular one.
_IRREGULAR_PLURALS = {
    "child": "children", "man": "men", "woman": "women", "person": "people", "life": "lives",
    "wife": "wives", "knife": "knives",
}  # fmt: skip
# Words ending in one of those nouns that are not compounds of it.
_REGULAR_COMPOUNDS = frozenset({"shaman", "talisman", "caiman", "ottoman", "german", "roman"})
# Units whose plural is the same word, or that are measures rather than things counted.
_INVARIANT_UNITS = frozenset(
    {"people", "percent", "children", "men", "women", "police", "staff", "personnel", "sheep", "fish",
     "deer", "aircraft", "series", "species", "degree", "celsius", "fahrenheit"}
)  # fmt: skip
# Characters of a figure's sentence shown each side of it: enough for the clause that says what it
# counts and who says so, short enough to read a list of them at a glance.
CONTEXT_CHARS = 60
# Where a clause ends inside a sentence: a comma, semicolon or colon before a space, a dash between
# spaces, an em dash. ("1,000" and "3:30" have no space after the mark; a bracket is no break, so
# that "Romney (17 percent)" keeps its name.)
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[-–—]{1,2}\s|—")
# What may stand after a sentence's last word: its stop and closing quotation marks.
_CLOSING = " .!?\"'”’)"

_QUALIFIERS = {
    "exact": "",
    "about": "about",
    "more-than": "more than",
    "at-least": "at least",
    "less-than": "less than",
    "at-most": "at most",
    "up-to": "up to",
    "range": "",
    "lowest": "as young as",  # only ages have a group's youngest or oldest
    "highest": "as old as",
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
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s*$")

_SAFE_URL_SCHEMES = ("http://", "https://")


def one_line(text: str) -> str:
    """The text on one line: control characters and runs of white space become single spaces."""
    return _WHITE_SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


def line_words(line: SummarySentence) -> str:
    """A summary line's words as shown: with an ellipsis when its article's text stops there
    mid-sentence, so the reader sees that the source was cut, not the line."""
    return f"{line.text} …" if line.unfinished else line.text


def line_note(line: SummarySentence) -> str:
    """What a reader must know of a summary line beyond its words: whose own voice it speaks in
    ("in zerohedge's voice"), or who says the words of a quotation that names no one ("said by
    Ed Royce"); "" for neither."""
    notes = [
        f"in {line.voice}'s voice" if line.voice else "",
        f"said by {line.speaker}" if line.speaker else "",
    ]
    return "; ".join(note for note in notes if note)


def preview(text: str, limit: int = REMOVAL_PREVIEW_CHARS) -> str:
    """The text on one line, cut at a word boundary near ``limit`` characters with an ellipsis."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip() + "…"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def brief_title(brief: Brief) -> str:
    """The story's title when the brief has one source with a title, else empty.

    With several sources, one outlet's headline would speak for all of them, so the brief has
    none; each source's title is shown in the list of sources.
    """
    if len(brief.sources) != 1:
        return ""
    return one_line(brief.sources[0].title)


def outlet_name(source: Source) -> str:
    """The outlet's name, or the article id when the input named no outlet."""
    return one_line(source.outlet) or source.article_id


def marker_numbers(line: SummarySentence) -> tuple[int, ...]:
    """Source numbers to cite for a line: its own source first, then the others in order, once each."""
    if not line.citations:
        return ()
    first = line.citations[0].source_number
    others = sorted({citation.source_number for citation in line.citations} - {first})
    return (first, *others)


def first_citation(line: SummarySentence, number: int) -> Citation:
    """The line's first citation of source ``number`` (the one its marker links to)."""
    return next(citation for citation in line.citations if citation.source_number == number)


def sources_by_article(brief: Brief) -> dict[str, Source]:
    return {source.article_id: source for source in brief.sources}


def removal_origin(removal: Removal, sources: dict[str, Source]) -> str:
    """``id (Outlet)`` for a removal, or just the id when its article is not among the sources."""
    source = sources.get(removal.article_id)
    outlet = one_line(source.outlet) if source else ""
    return f"{removal.article_id} ({outlet})" if outlet else removal.article_id


def timing_line(brief: Brief) -> str:
    return " · ".join(f"{stage} {ms:.1f} ms" for stage, ms in brief.timing_ms)


def is_linkable(url: str | None) -> bool:
    """True for an http(s) URL without white space or control characters; only these become links."""
    return (
        url is not None
        and url.lower().startswith(_SAFE_URL_SCHEMES)
        and not _WHITE_SPACE.search(url)
        and not _CONTROL.search(url)
    )


def source_details(source: Source) -> list[str]:
    """Published date and length of a source, the parts shown after its title in every format."""
    published = one_line(source.published or "")
    words = plural(source.words, "word")
    return [published, words] if published else [words]


# The sections are built once, format-neutral, from a Style that knows how the format escapes
# text and writes a source marker; each renderer then lays them out as a list or a table.


@dataclass(frozen=True, slots=True)
class Style:
    """How one output format writes the pieces of an analysis item.

    ``text`` makes article-derived text safe for the format; ``cite`` writes the marker of an
    article, pointing (where the format can link) at the sentence holding character ``start``.
    ``markup`` marks this module's own words and separators as already safe: ``str`` for the
    plain formats, ``markupsafe.Markup`` for HTML, whose ``format``, ``join`` and ``+`` then
    escape every piece that did not come through the style, so nothing is escaped twice or
    left out.
    """

    text: Callable[[str], str]
    markup: Callable[[str], str]
    strong: Callable[[str], str]
    em: Callable[[str], str]
    cite: Callable[[str, int | None], str]
    sources: dict[str, Source]


@dataclass(frozen=True, slots=True)
class Section:
    """One analysis section: list items, or table rows when ``columns`` is given.

    ``items`` always holds one line per entry (plain text uses them even for a table);
    ``empty`` is the line shown when the analysis ran and found nothing; ``more`` counts the
    entries left out (the JSON output has them all); ``note``, when not empty, is a line shown
    after the entries (what the analysis itself left out).
    """

    title: str
    kind: str
    empty: str
    items: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    more: int = 0
    note: str = ""


def analysis_sections(analysis: Analysis, style: Style) -> list[Section]:
    """The sections of the analyses that ran, in reading order: agreement, then disagreement."""
    sections: list[Section] = []
    if "facts" in analysis.ran:
        sections.append(_facts_section(analysis.facts, style))
        sections.append(_claims_section(analysis.claims, style))
    if "figures" in analysis.ran:
        sections.append(_conflicts_section(analysis.conflicts, style))
        sections.append(_disputes_section(analysis.disputes, style))
        sections.append(_figures_section(analysis.figures, style))
    if "quotes" in analysis.ran:
        sections.append(_quotes_section(analysis.quotes, analysis.unattributed, style))
    if "entities" in analysis.ran:
        sections.append(_entities_section(analysis.entities, style))
    if "framing" in analysis.ran:
        sections.append(_framing_section(analysis.framing, style))
    return sections


def plain_cite(sources: dict[str, Source], escape: Callable[[str], str]) -> Callable[[str, int | None], str]:
    """Markers for formats without links: ``[n]``, or the article id for an article not among the sources."""

    def cite(article_id: str, start: int | None) -> str:
        source = sources.get(article_id)
        return f"[{source.number}]" if source else f"({escape(article_id)})"

    return cite


def _list_section(title: str, kind: str, empty: str, items: Sequence[str], limit: int) -> Section:
    return Section(title, kind, empty, items=tuple(items[:limit]), more=max(0, len(items) - limit))


def more_line(section: Section) -> str:
    return f"… and {section.more} more (the JSON output lists them all)."


def _source_order(style: Style, article_id: str) -> tuple[int, str]:
    """Sort key putting articles in source-number order, any article not among the sources last."""
    source = style.sources.get(article_id)
    return (source.number if source else len(style.sources) + 1, article_id)


def _in_source_order(style: Style, spans: Iterable[Sentence | Span]) -> list[Sentence | Span]:
    """The first span of each article, in source-number order (articles not among the sources last)."""
    first: dict[str, Sentence | Span] = {}
    for span in spans:
        first.setdefault(span.article_id, span)
    return sorted(first.values(), key=lambda span: _source_order(style, span.article_id))


def _who(style: Style, article_id: str, start: int | None) -> str:
    """``Outlet [n]``: the article's outlet and its marker."""
    source = style.sources.get(article_id)
    name = style.text(outlet_name(source) if source else article_id)
    return style.markup("{} {}").format(name, style.cite(article_id, start))


def _verbatim(style: Style, sentence: str) -> str:
    """A source sentence in curly quotes, its own quotations in single marks (“‘A,’ she said.”),
    or as it is when it is itself a quotation from start to end."""
    if is_whole_quotation(sentence):
        return style.text(sentence)
    return _quoted(style, sentence)


def _quoted(style: Style, text: str) -> str:
    """Source words in double curly quotation marks, their own quotations in single ones."""
    return style.markup("“{}”").format(style.text(as_inner_quotation(text)))


def _facts_section(facts: Sequence[Fact], style: Style) -> Section:
    items = [
        style.markup("{} — reported by {}").format(
            _verbatim(style, printed_text(fact.sentences[0])),
            style.markup(", ").join(
                _who(style, sent.article_id, sent.start) for sent in _in_source_order(style, fact.sentences)
            ),
        )
        for fact in facts
        if fact.sentences
    ]
    return _list_section(
        "Agreed facts", "facts", "No facts reported by two or more outlets found.", items, SHOWN_FACTS
    )


def _claims_section(claims: Sequence[Claim], style: Style) -> Section:
    items = [
        style.markup("{} — {}").format(
            _verbatim(style, printed_text(sent)), _who(style, sent.article_id, sent.start)
        )
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


def entity_kind(label: str) -> str:
    """An entity's spaCy label in a word a reader knows: "place" for GPE, "group" for NORP."""
    return _ENTITY_KINDS.get(label, label.lower())


def figure_value(figure: Figure) -> str:
    """The normalized figure: qualifier, value and unit, as in "more than 300 civilians", "in 2016",
    "300 to 400 people", "ages 6 to 12"; a change gives its new value and what it changed from,
    "25 percent, down from 39.6 percent"."""
    unit = _shown_unit(figure)
    if figure.upper is not None:
        if unit == "age":
            return f"ages {_number(figure.value)} to {_number(figure.upper)}"
        return f"{_number(figure.value)} to {_amount(figure.upper, unit)}"
    qualifier = _QUALIFIERS.get(figure.qualifier, figure.qualifier)
    written = " ".join(part for part in (qualifier, _amount(figure.value, unit)) if part)
    return written + _changed_from(figure, unit)


def _shown_unit(figure: Figure) -> str:
    """The unit a reader is shown: for a count of people, the noun for people the number counts
    ("Two other lawmakers": "2 lawmakers", "20 children"), which the unit "people" stands for
    when outlets' counts are compared; any other unit as it is."""
    noun = figure.head.rpartition(" ")[2]
    if figure.unit == "people" and noun in _PEOPLE_WORDS:
        return noun
    return figure.unit


def _changed_from(figure: Figure, unit: str) -> str:
    """What a change started from, as ", down from 39.6 percent"; "" for any other figure."""
    if figure.previous is None:
        return ""
    direction = "up from" if figure.value > figure.previous else "down from"
    if figure.value == figure.previous:
        direction = "from"
    return f", {direction} {_amount(figure.previous, unit)}"


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
    if value == 1:
        return f"1 {_DURATION_SINGULARS.get(unit, unit)}"  # "one day": "1 day", not "1 days"
    return f"{_number(value)} {_plural_unit(unit)}"


def _date(value: int) -> str:
    """YYYYMMDD as ISO 8601, MMDD (no year given) as "March 15"; anything else as the number."""
    year, month, day = value // 10_000, value // 100 % 100, value % 100
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return _number(value)
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"{calendar.month_name[month]} {day}"


def _plural_unit(unit: str) -> str:
    """English plural of a unit noun's lemma ("village" -> "villages"); units that are not
    lower-case words ("USD", "km"), already plural or invariant stay as they are."""
    if unit in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[unit]
    for singular, irregular in _IRREGULAR_PLURALS.items():  # "freshman", "congressman", "spokeswoman"
        if unit.endswith(singular) and len(unit) > len(singular) + 2 and unit not in _REGULAR_COMPOUNDS:
            return unit[: -len(singular)] + irregular
    if not unit.isalpha() or not unit.islower() or unit in _INVARIANT_UNITS or len(unit) <= 2:
        return unit
    if unit.endswith("s"):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in tuple("aeiou"):
        return unit[:-1] + "ies"
    if unit.endswith(("x", "z", "ch", "sh")):
        return unit + "es"
    return unit + "s"


def _figure_item(figure: Figure, style: Style) -> str:
    """“span”: normalized (“the words around it”), according to X — Outlet [n]."""
    described = style.markup("{} ({})").format(
        style.text(figure_value(figure)),
        _quoted(style, figure_context(figure)),
    )
    if one_line(figure.attribution):
        described = style.markup("{}, according to {}").format(described, style.text(figure.attribution))
    return style.markup("“{}”: {} — {}").format(
        style.text(figure.span.text), described, _who(style, figure.span.article_id, figure.span.start)
    )


# Units whose value alone says nothing of what the figure is: a bare number, a date, a year.
_BARE_UNITS = frozenset({"count", "date", "year"})


def tells_something(figure: Figure) -> bool:
    """Whether the figure is worth a line: "“Oct. 14, 2016”: 2016-10-14" or "“two”: 2", with
    nothing said of what they are, tell a reader nothing (the JSON still has them)."""
    return figure.unit not in _BARE_UNITS or bool(one_line(figure.what))


def _figures_section(figures: Sequence[Figure], style: Style) -> Section:
    ordered = sorted(
        figures, key=lambda figure: (*_source_order(style, figure.span.article_id), figure.span.start)
    )
    telling = [figure for figure in ordered if tells_something(figure)]
    items = [_figure_item(figure, style) for figure in telling[:SHOWN_FIGURES]]
    return Section(
        "Figures", "figures", "No figures found.", items=tuple(items), more=len(ordered) - len(items)
    )


def figure_context(figure: Figure) -> str:
    """The words around a figure in its sentence, verbatim, in one line: what a reader checks the
    figure against, the same in every format, on the page and in the JSON (``context``).

    The whole sentence when it fits in ``CONTEXT_CHARS`` beside the figure; else the clauses
    around the figure (parts between commas, semicolons, colons and dashes) that fit, the
    figure's own clause first, then the shorter neighbour each time; a clause longer than that is
    cut at word boundaries, ``CONTEXT_CHARS`` each side (what one side leaves goes to the other),
    and so are clauses shorter than ``CONTEXT_CHARS`` together, which say too little ("Since 2014").
    A cut is marked with an ellipsis; the figure itself is never cut.
    """
    text = figure.sentence.text
    start = figure.span.start - figure.sentence.start
    end = start + len(figure.span.text)
    if not 0 <= start <= end <= len(text) or text[start:end] != figure.span.text:
        return preview(text)
    budget = end - start + 2 * CONTEXT_CHARS
    left, right = _clauses_around(text, start, end, budget)
    if right - left > budget:
        left, right = _words_around(text, (left, right), (start, end))
    elif right - left < CONTEXT_CHARS:
        # "Since 2014, …", "…two of the people said": a clause too short to say what the figure is
        left, right = _words_around(text, (0, len(text)), (start, end))
    if not text[right:].strip(_CLOSING):
        right = len(text)  # only the closing stop or quote mark left: the sentence ends here
    excerpt = text[left:right].strip(" ,;:-–—")
    return ("…" if left > 0 else "") + one_line(excerpt) + ("…" if right < len(text) else "")


def _clauses_around(text: str, start: int, end: int, budget: int) -> tuple[int, int]:
    """The start and end of the clauses around text[start:end] that fit in ``budget`` characters:
    its own clause (however long), then the shorter neighbouring clause each time while it fits."""
    breaks = [m for m in _CLAUSE_BREAK.finditer(text) if m.end() <= start or m.start() >= end]
    lefts = [0, *(m.end() for m in breaks if m.end() <= start)]
    rights = [*(m.start() for m in breaks if m.start() >= end), len(text)]
    left_at, right_at = len(lefts) - 1, 0
    while True:
        options = []
        if left_at > 0 and rights[right_at] - lefts[left_at - 1] <= budget:
            options.append((lefts[left_at] - lefts[left_at - 1], -1))
        if right_at + 1 < len(rights) and rights[right_at + 1] - lefts[left_at] <= budget:
            options.append((rights[right_at + 1] - rights[right_at], 1))
        if not options:
            return lefts[left_at], rights[right_at]
        _, side = min(options)
        left_at, right_at = (left_at - 1, right_at) if side < 0 else (left_at, right_at + 1)


def _words_around(text: str, clause: tuple[int, int], figure: tuple[int, int]) -> tuple[int, int]:
    """Whole words of one clause around the figure, ``CONTEXT_CHARS`` each side; what one side
    does not use goes to the other."""
    (clause_start, clause_end), (start, end) = clause, figure
    before, after = start - clause_start, clause_end - end
    room_before = CONTEXT_CHARS + max(0, CONTEXT_CHARS - after)
    room_after = CONTEXT_CHARS + max(0, CONTEXT_CHARS - before)
    left, right = clause_start, clause_end
    if before > room_before:
        space = text.find(" ", start - room_before, start)
        left = space + 1 if space >= 0 else start
    if after > room_after:
        space = text.rfind(" ", end, end + room_after + 1)
        right = space if space >= 0 else end
    return left, right


def _conflict_item(conflict: Conflict, style: Style) -> str:
    values = style.markup(" vs ").join(
        style.markup("{} {} ({})").format(
            style.strong(style.markup("“{}”").format(style.text(figure.span.text))),
            _who(style, figure.span.article_id, figure.span.start),
            _quoted(style, figure_context(figure)),
        )
        for figure in conflict.figures
    )
    note = style.markup(" {}").format(style.em(style.text(conflict.note))) if one_line(conflict.note) else ""
    return style.markup("{}: {}.{}{}").format(
        style.strong(style.text(conflict.what)), values, note, _conflict_basis(conflict, style)
    )


def _conflict_basis(conflict: Conflict, style: Style) -> str:
    """What was compared and what time says of it: values normalised, why paired, timing."""
    parts = []
    if conflict.kind == "update":
        parts.append("Not a disagreement: an update")
    if one_line(conflict.timing):
        parts.append(conflict.timing)
    if conflict.values and conflict.unit:
        parts.append(
            "compared as " + " vs ".join(f"{value:,.6g} {conflict.unit}" for value in conflict.values)
        )
    if one_line(conflict.compared):
        parts.append("paired because " + conflict.compared)
    return style.markup("").join(
        style.markup(" {}.").format(style.em(style.text(one_line(part)))) for part in parts
    )


def _dispute_item(dispute: DisputedClaim, style: Style) -> str:
    """One disputed claim: the stating sentence and the denying one, each with its source."""
    claim, denial = dispute.claim, dispute.dispute
    denial_text = one_line(printed_text(denial))
    said = style.markup("{} {}").format(
        _who(style, claim.article_id, claim.start),
        _quoted(style, one_line(printed_text(claim))),
    )
    denied = style.markup("{} “{}”").format(
        _who(style, denial.article_id, denial.start),
        _with_cue(denial_text, dispute.cue, style),
    )
    before = style.markup("")
    if dispute.disputed != denial:
        before = style.markup(" (of {})").format(_quoted(style, one_line(printed_text(dispute.disputed))))
    basis = (
        style.markup(" {}.").format(style.em(style.text("Matched because " + dispute.compared)))
        if dispute.compared
        else style.markup("")
    )
    # a denial quoted last whose own full stop ends the item gets no second one after its
    # quotation mark; a parenthesis after it does
    ends = dispute.disputed == denial and _ENDS_SENTENCE.search(denial_text)
    stop = "" if ends else "."
    return style.markup("{} — disputed by {}{}{}{}").format(said, denied, before, style.markup(stop), basis)


def _with_cue(text: str, cue: str, style: Style) -> str:
    """The denying sentence with its denial words in bold ("Although **blatantly untrue**, the
    move ..."), so the reader sees what calls the claim false; the words as written, its own
    quotations in single marks."""
    at = text.find(cue)
    text = as_inner_quotation(text)  # one mark for one: the cue keeps its place
    if not cue or at < 0:
        return style.text(text)
    head, cue, tail = text[:at], text[at : at + len(cue)], text[at + len(cue) :]
    before, after = style.text(head), style.text(tail)
    # a format's text() may trim a piece's ends: a space it took is put back as markup
    gap_before = " " if head[-1:].isspace() and not str(before)[-1:].isspace() else ""
    gap_after = " " if tail[:1].isspace() and not str(after)[:1].isspace() else ""
    return style.markup("{}{}{}{}{}").format(
        before, style.markup(gap_before), style.strong(style.text(cue)), style.markup(gap_after), after
    )


def _disputes_section(disputes: Sequence[DisputedClaim], style: Style) -> Section:
    items = [_dispute_item(dispute, style) for dispute in disputes]
    return _list_section("Disputed claims", "conflicts", "No disputed claims found.", items, len(items))


def _conflicts_section(conflicts: Sequence[Conflict], style: Style) -> Section:
    items = [_conflict_item(conflict, style) for conflict in conflicts]
    return _list_section("Conflicts", "conflicts", "No conflicting figures found.", items, len(items))


def speaker_label(quote: Quote) -> str:
    """The speaker as every format names it, on one line: "Jennifer Cafarella (analyst with …)",
    or "unnamed speaker". The JSON carries it, so that the page says what the downloads say.

    A described speaker ("the head of the ... mission to Syria") holds its role already: the role
    is added only when the speaker's words do not contain it.
    """
    speaker = one_line(quote.speaker) or "unnamed speaker"
    role = one_line(quote.role)
    return f"{speaker} ({role})" if role and role.casefold() not in speaker.casefold() else speaker


def _quote_item(quote: Quote, style: Style) -> str:
    speaker = style.text(speaker_label(quote))
    markers = style.markup("").join(
        style.cite(span.article_id, span.start) for span in _in_source_order(style, quote.spans)
    )
    words = (
        _quoted(style, quote.text)
        if quote.kind == "direct"
        else style.markup("{} {}").format(style.em(style.markup("indirect:")), style.text(quote.text))
    )
    return style.markup("{} — {} {}").format(words, speaker, markers)


def _quotes_section(quotes: Sequence[Quote], unattributed: Sequence[Span], style: Style) -> Section:
    items = [_quote_item(quote, style) for quote in quotes]
    section = _list_section("Quotes", "quotes", "No quotes found.", items, SHOWN_QUOTES)
    return replace(section, note=_unattributed_note(unattributed, style))


def _unattributed_note(unattributed: Sequence[Span], style: Style) -> str:
    """The line that says which phrases in quote marks are not listed as quotes, and how many.

    A scare quote, a title or a word mentioned ("moderate", "Meet the Press") is nobody's
    statement; the quotes leave it out, and the reader is told so rather than left to wonder.
    """
    if not unattributed:
        return ""
    shown = style.markup(", ").join(
        style.markup("“{}” {}").format(
            style.text(one_line(span.text)), style.cite(span.article_id, span.start)
        )
        for span in unattributed[:SHOWN_UNATTRIBUTED]
    )
    rest = len(unattributed) - SHOWN_UNATTRIBUTED
    more = style.markup(" and {} more (the JSON output lists them all)").format(rest) if rest > 0 else ""
    counted = plural(len(unattributed), "phrase")
    return style.markup(
        "Not listed: {} in quote marks with no speaker found (scare quotes, titles, words mentioned, unattributed quotes): {}{}."
    ).format(counted, shown, more)


def _entity_cells(entity: Entity, style: Style) -> tuple[str, str, str, str]:
    """Name, kind, mentions per source (each marker pointing at the first mention there), variants."""
    first = {span.article_id: span.start for span in reversed(entity.mentions)}
    counts = sorted(entity.counts, key=lambda pair: _source_order(style, pair[0]))
    mentions = style.markup(" · ").join(
        style.markup("{} {}").format(style.cite(article_id, first.get(article_id)), count)
        for article_id, count in counts
    )
    variants = style.markup(", ").join(style.text(variant) for variant in entity.variants)
    kind = style.text(entity_kind(entity.label))
    return style.strong(style.text(entity.name)), kind, mentions, variants or style.markup(_NO_VARIANTS)


def _entity_line(style: Style, name: str, kind: str, mentions: str, variants: str) -> str:
    """An entity on one line, for plain text, which has no tables."""
    line = style.markup("{} ({}), mentions {}").format(name, kind, mentions)
    if variants == _NO_VARIANTS:
        return line
    return style.markup("{}; also called {}").format(line, variants)


def _entities_section(entities: Sequence[Entity], style: Style) -> Section:
    rows = [_entity_cells(entity, style) for entity in entities[:SHOWN_ENTITIES]]
    return Section(
        "Who and where",
        "entities",
        "No people, organizations or places found.",
        items=tuple(_entity_line(style, *cells) for cells in rows),
        columns=("name", "kind", "mentions", "also called"),
        rows=tuple(rows),
        more=max(0, len(entities) - SHOWN_ENTITIES),
    )


def _outlet_framing_item(outlet: OutletFraming, style: Style) -> str:
    """``Outlet [n]: style, share of opinion words (markers); distinctive: term (z), ...``."""
    line = style.markup("{}: {}, {:.1%} opinion words").format(
        _who(style, outlet.article_id, None), style.strong(style.text(outlet.style)), outlet.opinion
    )
    if markers := [style.text(marker) for marker in outlet.opinion_markers[:SHOWN_TERMS]]:
        line = style.markup("{} ({})").format(line, style.markup(", ").join(markers))
    terms = style.markup(", ").join(
        style.markup("{} (z {:.2f})").format(style.text(term.term), term.z)
        for term in outlet.distinctive[:SHOWN_TERMS]
    )
    return style.markup("{}; distinctive: {}").format(line, terms) if terms else line


def _actor_item(actor: ActorNames, style: Style) -> str:
    names = style.markup("; ").join(
        style.markup("{}: {}").format(
            _who(style, article_id, None),
            style.markup(", ").join(
                style.markup("{} ({})").format(style.text(name), count) for name, count in pairs
            ),
        )
        for article_id, pairs in actor.names
    )
    return style.markup("{} → {}").format(style.strong(style.text(actor.actor)), names)


def _framing_section(framing: Framing | None, style: Style) -> Section:
    items: list[str] = []
    if framing is not None:
        items.extend(_outlet_framing_item(outlet, style) for outlet in framing.outlets)
        items.extend(_actor_item(actor, style) for actor in framing.actors)
    return _list_section("Framing", "framing", "No framing found.", items, len(items))


def marker_text(line: SummarySentence) -> str:
    return "".join(f"[{number}]" for number in marker_numbers(line))
