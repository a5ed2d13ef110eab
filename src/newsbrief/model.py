"""The data model: every value that passes between pipeline stages.

All classes are frozen, slotted dataclasses holding tuples, so a value cannot change after the
stage that made it. Everything derived from text keeps its provenance (article id and character
span), so any line of a brief can be traced back to the exact source words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from newsbrief.errors import OptionError

__all__ = [
    "ANALYSES",
    "MAX_WINDOW_DAYS",
    "MAX_WORDS_LIMIT",
    "MIN_WORDS",
    "STYLES",
    "ActorNames",
    "Analysis",
    "Article",
    "Brief",
    "Citation",
    "Claim",
    "ClusterSettings",
    "Conflict",
    "DisputedClaim",
    "Entity",
    "Fact",
    "Figure",
    "Framing",
    "Notice",
    "Options",
    "OutletFraming",
    "Quote",
    "Removal",
    "Sentence",
    "Source",
    "Span",
    "Story",
    "StreamStory",
    "SummarySentence",
    "Term",
    "parse_analyses",
    "published_datetime",
    "published_span",
    "slug",
]

MIN_WORDS = 20
MAX_WORDS_LIMIT = 5000
MAX_WINDOW_DAYS = 3650.0  # ten years: a longer window would keep every story of a stream open
ANALYSES = ("facts", "figures", "quotes", "entities", "framing")
# How the summary is chosen; the first is the default (see Options.style).
STYLES = ("neutral", "extract")
DEFAULT_STYLE = STYLES[0]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a source, before or after cleaning.

    ``id`` is unique within a story; ``source`` says where it was read from (a path, URL,
    ``<stdin>``, ``file.jsonl line 3``) so that messages can name it.
    """

    id: str
    outlet: str
    title: str
    url: str | None
    published: str | None
    text: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the reader should know about how the brief was made (nothing is dropped silently).

    ``code`` is stable for programs (``duplicate-merged``, ``single-article``, ``not-english``,
    ``empty-article``, ``decode-fallback``, ...); ``message`` is for people.
    """

    code: str
    message: str
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """The input unit: the articles about one event, in the order they were given, each with its
    own ``id`` (``brief`` refuses repeats: citations name articles by id).

    ``notices`` carry what reading noticed (a decoding fallback, a skipped file);
    ``reference`` is a human-written summary when the input has one (Multi-News records).
    """

    articles: tuple[Article, ...]
    id: str = ""
    notices: tuple[Notice, ...] = ()
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of an article that cleaning removed, located in the article's original text."""

    article_id: str
    reason: str  # e.g. "read-more link", "copyright line", "repeated paragraph"
    start: int  # half-open span into the text as it was read
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one article, located by character offsets into Article.text."""

    article_id: str
    index: int  # 0-based position in the article; (article_id, index) is its identity
    paragraph: int
    start: int  # half-open: text == article.text[start:end]
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences from different articles that report the same content.

    The first sentence is the group's representative; ``similarities[i]`` is how close
    ``sentences[i]`` is to it (1.0 for the representative itself).
    """

    sentences: tuple[Sentence, ...]
    similarities: tuple[float, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Distinct articles in the group, in the order their sentences appear."""
        return tuple(dict.fromkeys(sent.article_id for sent in self.sentences))


@dataclass(frozen=True, slots=True)
class Citation:
    """A pointer from a summary sentence to the words of one source that report it."""

    source_number: int  # 1-based number of the source in Brief.sources
    article_id: str
    sentence_index: int
    start: int  # span into the cleaned text of that article
    end: int
    text: str
    similarity: float  # 1.0 for the sentence the summary line was taken from


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One line of the summary: a sentence taken verbatim from a source, with its citations.

    ``citations[0]`` is the sentence itself; the others are sentences of other articles that
    report the same content.
    """

    text: str
    sentence: Sentence
    citations: tuple[Citation, ...]
    # The outlet whose own voice the line speaks in (first person, a call to act, a sneer ...;
    # see pipeline/voice.py), taken only because nothing else carried its content; None for a
    # line in no outlet's voice.
    voice: str | None = None
    # The line is the last words of its article's text and they stop mid-sentence (an excerpt or
    # a feed's summary cut at a length): the renderers end it with an ellipsis.
    unfinished: bool = False
    # Who says the words of a line that is all one quotation and names no one (its article named
    # the speaker in the sentence before), or names them only as "he" or "she" away from its
    # article's lines, as the quotes analysis found them; None when the line names its speaker,
    # the quotes analysis did not run, or it found no speaker.
    speaker: str | None = None

    @property
    def corroboration(self) -> int:
        """Number of distinct articles whose words support this line."""
        return len({citation.article_id for citation in self.citations})


@dataclass(frozen=True, slots=True)
class Source:
    """One article of the story as listed in the brief, numbered for citation markers."""

    number: int
    article_id: str
    outlet: str
    title: str
    url: str | None
    published: str | None
    words: int  # after cleaning


@dataclass(frozen=True, slots=True)
class Span:
    """Some words of one article: ``text == article.text[start:end]`` in the cleaned article."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A notable sentence that only one article reports (no other outlet corroborates it)."""

    sentence: Sentence
    weight: float  # how much of the story's shared vocabulary it carries; higher is more notable


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in an article, normalized, with what it counts and who it is attributed to.

    ``span`` covers the figure as written ("more than 300"); ``sentence`` is the sentence it is in.
    ``qualifier`` is one of "exact", "about", "more-than", "at-least", "less-than", "at-most",
    "up-to", "range" (both ends given: ``value`` is the lower, ``upper`` the upper: "300 to 400",
    "between the ages of six and 12"), "lowest" or "highest" (the youngest or oldest of a group:
    "girls as young as 10" says the youngest is 10, not that all are 10 or more); ``unit`` is what the value is measured in ("people", "percent", "USD", "km",
    "year", "date", ...); ``what`` says what it counts in the article's words (for a year, what
    happened then, or "" when its sentence says that in fewer than two words); ``attribution``
    names who the article says the figure comes from ("" when it names no one); ``head`` is the
    noun the number itself modifies, as lower-case lemmas with its compound nouns ("bond" in
    "$100,000 bond", "time tax rate" in "a one-time tax rate of 10 percent", "chen" in "Chen,
    40,"), or for a share or a sum the subject it is said of ("unemployment rate" in "The
    unemployment rate rose to 3.7%"); "" when there is none; ``event`` is the event class of what a count
    counts, from the words of its own phrase and its verb (``analysis.lexicon.EVENT_CLASSES``:
    "killed" for "900,000 Jews were murdered" and for "900,000 people fell victim", "born" for
    "13 babies were born"; "" when none says one). For an age (``unit`` "age") ``head`` is the
    person or role it describes: "kadmiri" for "Joey Kadmiri, 24", "suspect" for "the suspect,
    believed to be between the ages of 25 and 35", "girl" for "girls as young as 10". For a
    change ("rose from seven to eight", "declined to 2 percent from 7.9 percent") ``value`` is the
    new value, the one compared with other outlets, and ``previous`` the value it changed from
    (None for any other figure); ``span`` then covers both values.
    """

    span: Span
    sentence: Sentence
    value: float
    unit: str
    qualifier: str
    what: str
    attribution: str = ""
    head: str = ""
    event: str = ""
    upper: float | None = None
    previous: float | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two or more articles giving different values for the same thing.

    ``what`` names the thing ("civilians killed in eastern Aleppo"); ``figures`` holds one
    figure per disagreeing article, at least two with values that do not overlap once their
    qualifiers are taken into account; ``note`` says in one line why they were judged the same.
    """

    what: str
    figures: tuple[Figure, ...]
    note: str = ""
    # Added for pairing by meaning (issue 11). ``kind`` is "disagreement", or "update" when the
    # articles' publication times show a toll that grew between an earlier and a later report;
    # ``values`` are the figures' values normalised to ``unit`` (km and miles both in metres);
    # ``compared`` says how the figures were paired (shared words, or sentence similarity by
    # meaning with its cosine); ``timing`` says when the difference may be one of time.
    kind: str = "disagreement"
    unit: str = ""
    values: tuple[float, ...] = ()
    compared: str = ""
    timing: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker, carried by one or more articles.

    ``kind`` is "direct" (quoted words) or "indirect" ("according to ...", "X said that ...").
    ``text`` is the quoted words without the quote marks (the attributed content for indirect
    ones); ``speaker`` is a name, the names of all the speakers when the article gives the words
    to several together ("Nancy Pelosi and Chuck Schumer", "A, B and C"), or the article's
    description when it gives none ("a Red Cross worker"); ``role`` is the speaker's role where
    the article states it (for several speakers, each one's in order, joined by "; ", or empty
    unless every one has one). ``spans`` has one span per article carrying the quote, covering
    the quoted words there.
    """

    kind: str
    text: str
    speaker: str
    role: str
    spans: tuple[Span, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Distinct articles carrying the quote, in order."""
        return tuple(dict.fromkeys(span.article_id for span in self.spans))


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization or place, with every name variant merged under one name.

    ``label`` is spaCy's (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT); ``counts`` pairs each
    article id with its number of mentions; ``mentions`` are the spans themselves.
    """

    name: str
    label: str
    variants: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]
    mentions: tuple[Span, ...]

    @property
    def total(self) -> int:
        """Mentions across all articles."""
        return sum(count for _, count in self.counts)


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase with its log-odds z-score for one outlet against the others."""

    term: str
    z: float
    count: int


@dataclass(frozen=True, slots=True)
class OutletFraming:
    """How one article's words differ from the rest of the story's coverage.

    ``opinion`` is the share of evaluative and first-person words (0..1); ``style`` is
    "opinion" or "reporting"; ``opinion_markers`` are examples of the words that made it so.
    """

    article_id: str
    distinctive: tuple[Term, ...]
    opinion: float
    style: str
    opinion_markers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorNames:
    """The different names the articles use for one actor ("regime", "Assad's forces", "SAA").

    ``names`` pairs each article id with the (name, count) pairs it uses, most used first.
    """

    actor: str
    names: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]


@dataclass(frozen=True, slots=True)
class Framing:
    """Distinctive vocabulary and style per outlet, and the names each uses for the same actors."""

    outlets: tuple[OutletFraming, ...]
    actors: tuple[ActorNames, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    """The cross-source analysis of a story; ``ran`` lists the analyses that were run.

    A section that was not run is empty and its name is absent from ``ran``, so a reader can
    tell "not asked for" from "nothing found".
    """

    ran: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()  # agreed: two or more articles, most articles first
    claims: tuple[Claim, ...] = ()  # notable, only one article
    figures: tuple[Figure, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # phrases in quote marks with no speaker found (scare quotes, titles, words mentioned, and
    # quotes whose attribution was not found): left out of ``quotes``, kept here so that the
    # brief says what it left out
    unattributed: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    framing: Framing | None = None
    disputes: tuple[DisputedClaim, ...] = ()  # claims one outlet states and another calls false


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """``al-jazeera-english`` from "Al Jazeera English": ASCII lower-case letters, digits and single
    hyphens, accents dropped ("Alépo" gives ``alepo``); "" when nothing is left.

    The one spelling of a name that article ids and the file names of briefs share, safe in a URL,
    an HTTP header and on every file system; each caller cuts it to its own length.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")


def published_datetime(published: str | None) -> datetime | None:
    """An article's ``published`` value as an aware time: ISO 8601 or RFC 2822 (feeds' dates).

    A time without a zone is read as UTC; None when the value is missing or cannot be read, so
    every part of newsbrief that orders articles in time reads dates the same way.
    """
    if not published or not published.strip():
        return None
    moment: datetime | None
    try:
        moment = datetime.fromisoformat(published.strip())
    except ValueError:
        try:
            moment = parsedate_to_datetime(published)
        except (TypeError, ValueError, IndexError):
            return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def published_span(published: Iterable[str | None]) -> tuple[str | None, str | None]:
    """The first and last of a story's publication dates, each in ISO 8601: a value given so is
    kept as written ("2010-05-27"), one given in RFC 2822 (a feed's "Sat, 20 Feb 2010 23:00:00
    -0500") is written in ISO 8601 in UTC ("2010-02-21T04:00:00+00:00"), and a value that is no date ("yesterday",
    "2010-02-31") is left out, as the clusterer leaves it undated. (None, None) when none is a
    date. Ordered by the instant, so a script comparing the two strings of one zone reads them
    in order."""
    dated = sorted(
        (moment, _as_iso(value, moment))
        for value in published
        if (moment := published_datetime(value)) is not None
    )
    return (dated[0][1], dated[-1][1]) if dated else (None, None)


def _as_iso(value: str | None, moment: datetime) -> str:
    """``value`` if it is written in ISO 8601 already, else the moment it names in ISO 8601, UTC."""
    try:
        datetime.fromisoformat((value or "").strip())
    except ValueError:
        return moment.astimezone(UTC).isoformat()
    return (value or "").strip()


def parse_analyses(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """The analyses named by "all", "none", a comma-separated string or a list, in ANALYSES order.

    A list's items may be comma lists themselves (an HTTP ``analysis`` parameter given twice,
    ``?analysis=facts&analysis=quotes,figures``). The CLI, the Python API and the HTTP API all read
    the option here, so one value means the same everywhere; a name echoed in an error is cut to
    40 characters, since the HTTP API's caller may send anything.
    """
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not (isinstance(value, Sequence) and all(isinstance(name, str) for name in value)):
        raise OptionError(f"analysis must be a string or a list of strings (got {value!r:.40})")
    names = [name.strip().lower() for item in value for name in item.split(",") if name.strip()]
    if names in (["all"], ["none"]) or not names:
        return ANALYSES if names == ["all"] else ()
    alone = [name for name in names if name in ("all", "none")]
    if alone:
        raise OptionError(
            f"{alone[0]!r} stands alone: give it by itself, or a comma list of {', '.join(ANALYSES)}"
        )
    unknown = [name for name in names if name not in ANALYSES]
    if unknown:
        raise OptionError(
            f"unknown analysis {unknown[0][:40]!r}: choose all, none, or from {', '.join(ANALYSES)}"
        )
    return tuple(name for name in ANALYSES if name in names)


@dataclass(frozen=True, slots=True)
class Options:
    """How to make a brief; checked once when built.

    ``analyses`` names the cross-source analyses to run: any form ``parse_analyses`` reads
    ("all", "quotes,figures", a list), kept as a tuple in ``ANALYSES`` order. The empty default
    is the fast path, which needs no NLP model. ``style`` is how the summary is chosen: "neutral"
    (the default: lines in an outlet's own voice avoided and flagged, quotations joined across
    sentences, the news first) or "extract" (plain concept-coverage extraction, the order and
    voice of the sources kept).
    """

    max_words: int = 250
    max_sentences: int | None = None
    analyses: tuple[str, ...] = ()
    style: str = DEFAULT_STYLE

    def __post_init__(self) -> None:
        if isinstance(self.max_words, bool) or not isinstance(self.max_words, int):
            raise OptionError(f"words must be a whole number (got {self.max_words!r})")
        if self.max_words < MIN_WORDS:
            raise OptionError(f"words must be at least {MIN_WORDS} (got {self.max_words})")
        if self.max_words > MAX_WORDS_LIMIT:
            raise OptionError(f"words must be at most {MAX_WORDS_LIMIT} (got {self.max_words})")
        if self.max_sentences is not None and (
            isinstance(self.max_sentences, bool)
            or not isinstance(self.max_sentences, int)
            or self.max_sentences < 1
        ):
            raise OptionError(f"sentences must be a whole number of at least 1 (got {self.max_sentences!r})")
        if self.max_sentences is not None and self.max_sentences > MAX_WORDS_LIMIT:
            raise OptionError(f"sentences must be at most {MAX_WORDS_LIMIT} (got {self.max_sentences})")
        object.__setattr__(self, "analyses", parse_analyses(self.analyses))
        if self.style not in STYLES:
            raise OptionError(f"unknown style {str(self.style)[:40]!r}: choose {' or '.join(STYLES)}")


@dataclass(frozen=True, slots=True)
class Brief:
    """The output unit: a cited summary of a story and everything needed to check it.

    ``articles`` are the cleaned articles that citation spans point into; ``sentences`` are
    every sentence of them, in article order, as the pipeline segmented them (the ones that
    ``Citation.sentence_index`` counts), so that a renderer can point at a cited sentence
    without segmenting again; ``timing_ms`` is the only field that changes between runs on the
    same input, and it takes no part in equality. Render a brief with ``newsbrief.render``.
    """

    summary: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    removals: tuple[Removal, ...]
    notices: tuple[Notice, ...]
    options: Options
    analysis: Analysis = Analysis()
    timing_ms: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    @property
    def words(self) -> int:
        """Number of words in the summary."""
        return sum(len(line.text.split()) for line in self.summary)


@dataclass(frozen=True, slots=True)
class StreamStory:
    """One story found in a stream of articles (``newsbrief.cluster``, ``newsbrief.Clusterer``).

    ``articles`` are article keys (the article's id, else its URL, else a hash of its text) in
    arrival order; ``duplicates`` pairs a near-identical copy with the earlier article it copies.
    ``merged_from`` names the stories merged into this one; ``language`` is ``en``, or ``und``
    for articles that do not look like English (they are clustered only among themselves).
    ``title`` is the headline of the member closest to the story's centroid ("" when no member
    has one); ``keywords`` are the words of the members' headlines that weigh most in the
    centroid, or of their opening words when no member has a headline.
    """

    id: str
    articles: tuple[str, ...]
    duplicates: tuple[tuple[str, str], ...]
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    title: str
    keywords: tuple[str, ...]
    merged_from: tuple[str, ...] = ()
    language: str = "en"


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """How the online clusterer weighs and joins articles; checked once when built.

    ``threshold`` 0.14 with ``pair_weight`` 0.5 and ``entity_weight`` 1 is what 3-fold
    cross-validation over stories at 70 stories a day chose, its objective the mean BCubed F1 of
    BASIL, AllSides, Multi-News and a stream of many stories on one topic (the folds chose entity
    weights 1, 1.5 and 2; ``benchmarks/clustering.py``, docs/history/clustering.md). Names
    weighed twice joined the stories of one sub-topic ("North Korea", "McConnell"), not one event.
    ``threshold`` is the least decayed mean cosine to a story's members that joins it;
    ``merge_threshold`` the least centroid-to-centroid cosine that merges two stories;
    ``window_days`` how long a story stays open after its last article; ``decay_days`` the time
    constant of the exponential decay applied to the cosine; ``lead_words`` how much of the text
    is read beside the title (90: the excerpts of a feed run to about 90 words); ``title_weight``
    and ``entity_weight`` multiply the weight of title terms and of capitalised words inside a
    sentence (a cheap stand-in for named entities), ``pair_weight`` that of an adjacent-word pair;
    ``duplicate_jaccard`` the estimated shingle Jaccard similarity above which an article is a
    copy of an earlier one; ``dense`` adds a WordLlama embedding of title and lead, whose cosine
    to a story's mean embedding weighs ``dense_weight`` against ``1 - dense_weight`` for the
    lexical cosine.
    """

    threshold: float = 0.14
    merge_threshold: float = 0.5
    window_days: float = 3.0
    decay_days: float = 3.0
    lead_words: int = 90
    title_weight: float = 2.0
    entity_weight: float = 1.0
    pair_weight: float = 0.5
    duplicate_jaccard: float = 0.8
    dense: bool = False
    dense_weight: float = 0.5

    def __post_init__(self) -> None:
        for name in ("threshold", "merge_threshold", "duplicate_jaccard"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 < value <= 1.0:
                raise OptionError(f"{name} must be a number above 0 and at most 1 (got {value!r})")
        for name in ("window_days", "decay_days", "title_weight", "entity_weight", "pair_weight"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 < value < math.inf:
                raise OptionError(f"{name} must be a positive number (got {value!r})")
        if self.window_days > MAX_WINDOW_DAYS:
            raise OptionError(f"window_days must be at most {MAX_WINDOW_DAYS:g} (got {self.window_days!r})")
        if not isinstance(self.dense, bool):
            raise OptionError(f"dense must be true or false (got {self.dense!r})")
        weight = self.dense_weight
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0.0 <= weight <= 1.0:
            raise OptionError(f"dense_weight must be a number from 0 to 1 (got {weight!r})")
        if isinstance(self.lead_words, bool) or not isinstance(self.lead_words, int) or self.lead_words < 1:
            raise OptionError(f"lead_words must be a whole number of at least 1 (got {self.lead_words!r})")


@dataclass(frozen=True, slots=True)
class DisputedClaim:
    """A claim one outlet states and another outlet denies, disputes or calls false.

    ``claim`` is the stating sentence; ``dispute`` is the other outlet's sentence with the denial
    word ``cue`` ("untrue", "denied", "no evidence", ...); ``disputed`` is the sentence whose claim
    it denies, in the disputing article: the denial sentence itself, or the sentence before it
    when the denial refers back ("Although blatantly untrue, ..."). ``compared`` says what matched.
    """

    claim: Sentence
    dispute: Sentence
    disputed: Sentence
    cue: str
    compared: str = ""
