"""The data model: every value that passes between pipeline stages.

All classes are frozen, slotted dataclasses holding tuples, so a value cannot change after the
stage that made it. Everything derived from text keeps its provenance (article id and character
span), so any line of a brief can be traced back to the exact source words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsbrief.errors import OptionError

__all__ = [
    "MAX_WORDS_LIMIT",
    "MIN_WORDS",
    "Article",
    "Brief",
    "Citation",
    "Fact",
    "Notice",
    "Options",
    "Removal",
    "Sentence",
    "Source",
    "Story",
    "SummarySentence",
]

MIN_WORDS = 20
MAX_WORDS_LIMIT = 5000


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
    """The input unit: the articles about one event, in the order they were given.

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
class Options:
    """How to make a brief; checked once when built."""

    max_words: int = 250
    max_sentences: int | None = None

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


@dataclass(frozen=True, slots=True)
class Brief:
    """The output unit: a cited summary of a story and everything needed to check it.

    ``articles`` are the cleaned articles that citation spans point into; ``timing_ms`` is the
    only field that changes between runs on the same input, and it takes no part in equality.
    """

    summary: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    articles: tuple[Article, ...]
    removals: tuple[Removal, ...]
    notices: tuple[Notice, ...]
    options: Options
    timing_ms: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    @property
    def words(self) -> int:
        """Number of words in the summary."""
        return sum(len(line.text.split()) for line in self.summary)

    def to_markdown(self, *, explain: bool = False) -> str:
        """The brief as Markdown with [n] citation markers and a numbered source list."""
        from newsbrief.render import to_markdown

        return to_markdown(self, explain=explain)

    def to_json(self, *, explain: bool = False) -> str:
        """The brief as JSON in the documented schema (docs/json-schema.md)."""
        from newsbrief.render import to_json

        return to_json(self, explain=explain)

    def to_html(self, *, explain: bool = False) -> str:
        """The brief as one self-contained HTML page; all source text is escaped."""
        from newsbrief.render import to_html

        return to_html(self, explain=explain)

    def to_text(self, *, explain: bool = False) -> str:
        """The brief as plain text for a terminal or an e-mail."""
        from newsbrief.render import to_text

        return to_text(self, explain=explain)
