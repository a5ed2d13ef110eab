"""Read RSS and Atom feeds as Articles, and watch feeds: poll them, fetch new pages, hand them on.

A feed is an http(s) URL or a feed file. Its bytes are fetched here, by ``get`` (by default
``newsbrief.pipeline.fetch.fetch``: public addresses only, one deadline, a size cap), and only
then parsed by feedparser, which is never given a URL or a path to open itself.

An entry becomes an Article as follows:

- ``id``: the entry's id (RSS ``guid``, Atom ``id``), else its link. This key says "seen before";
- ``title``: the entry's title, else the page's; ``url``: the entry's link;
- ``published``: the entry's published date, else its updated date, as ISO 8601 UTC
  (``2016-10-05T20:12:00+00:00``), else the page's date;
- ``outlet``: the feed's title, else the host of the feed URL or of the entry's link;
- ``text``: the main text of the linked page (trafilatura, through ``pipeline.ingest.read_html``),
  or, when the page cannot be fetched or holds no article text, the entry's own content or
  summary with its HTML removed. That fallback is reported (a note in the round, a log line),
  never silent; an entry with neither is reported and tried again in the next round.

``watch`` polls every feed once a round and ``sleep``s between rounds. A feed that is down or
malformed is recorded as failed for that round, with the reason, and polled again the next
round. An entry seen in an earlier round (same key), or stored before the watch began (``known``),
is not fetched again; the store's idempotence is the durable guarantee, this only saves the
fetches and keeps the report honest.
"""

from __future__ import annotations

import calendar
import io
import itertools
import logging
import math
import os
import time
import xml.sax
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped]  # feedparser 6 ships no type information

from newsbrief.errors import NewsbriefError, OptionError, SourceError, is_interrupt
from newsbrief.model import Article, Notice
from newsbrief.pipeline.fetch import Fetched, fetch
from newsbrief.pipeline.ingest import file_bytes, read_html, read_lines, read_text, url_host

__all__ = [
    "AddedArticle",
    "FeedEntry",
    "FeedFailure",
    "Fetcher",
    "RoundReport",
    "WatchReport",
    "fetch_article",
    "is_feed",
    "percentile",
    "read_entries",
    "read_feed",
    "read_feed_list",
    "watch",
]

Fetcher = Callable[[str], Fetched]
"""URL -> the fetched response; raises SourceError when the URL cannot be fetched."""

SECONDS_PER_MINUTE = 60.0
_URL_SCHEMES = ("http", "https")
# A feed file names its root element near its start (after an XML declaration, comments, a
# stylesheet instruction): the first _SNIFF_BYTES bytes are read to tell it from an HTML page.
_SNIFF_BYTES = 4096
_FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")
# tags after which the text of an entry's HTML summary starts a new paragraph
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry before its page is fetched: what the feed itself says about the article."""

    key: str
    title: str
    url: str | None
    published: str | None  # ISO 8601 UTC
    outlet: str
    summary: str  # the entry's content or summary as plain text; "" when it has none
    source: str  # "feeds/npr.xml entry 3": names the entry in messages


@dataclass(frozen=True, slots=True)
class FeedFailure:
    """A feed that could not be read in one round, and why (one line)."""

    feed: str
    reason: str


@dataclass(frozen=True, slots=True)
class AddedArticle:
    """One article handed to ``add``: its key, what ``add`` returned, and where the time went."""

    key: str
    feed: str
    story: str  # str() of what add returned (the story id); "" when it returned None
    fetch_s: float  # the page fetch (or the try, if it failed); 0.0 for an entry without a link
    extract_s: float  # decoding the page, main-text extraction, building the Article
    add_s: float  # the add callback: clustering and storing
    from_summary: bool  # the entry's own summary stands in for the page's text
    # a page came back: False when the entry has no link or its fetch failed or was refused (a
    # private address is refused at once, a timeout takes 10 s: neither is a page-fetch time)
    fetched: bool

    @property
    def processing_s(self) -> float:
        """Seconds spent on the article once its page was fetched (extraction and add)."""
        return self.extract_s + self.add_s


@dataclass(frozen=True, slots=True)
class RoundReport:
    """What one round of polling did: feeds read and failed, articles added and skipped, notes."""

    number: int  # 1-based
    feeds_ok: tuple[str, ...]
    feeds_failed: tuple[FeedFailure, ...]
    added: tuple[AddedArticle, ...]
    skipped_seen: int  # entries handed on in an earlier round (or earlier in this one), or stored before
    notes: tuple[str, ...]  # one line each: a summary standing in for a page, an entry left out

    @property
    def stories(self) -> tuple[str, ...]:
        """The story ids that ``add`` returned this round, each once, in arrival order."""
        return tuple(dict.fromkeys(article.story for article in self.added if article.story))


@dataclass(frozen=True, slots=True)
class WatchReport:
    """Every round of a watch, in order; ``interrupted`` when Ctrl-C ended it (its last round may be partial)."""

    rounds: tuple[RoundReport, ...]
    interrupted: bool = False

    @property
    def added(self) -> tuple[AddedArticle, ...]:
        """Every article handed on, in order, over all rounds."""
        return tuple(article for report in self.rounds for article in report.added)

    @property
    def skipped_seen(self) -> int:
        """Entries skipped as already seen, over all rounds."""
        return sum(report.skipped_seen for report in self.rounds)


@dataclass(slots=True)
class _RoundLog:
    """The mutable record of the round being polled; ``freeze`` gives its RoundReport."""

    number: int
    feeds_ok: list[str] = field(default_factory=list)
    feeds_failed: list[FeedFailure] = field(default_factory=list)
    added: list[AddedArticle] = field(default_factory=list)
    skipped_seen: int = 0
    notes: list[str] = field(default_factory=list)

    def freeze(self) -> RoundReport:
        return RoundReport(
            self.number,
            tuple(self.feeds_ok),
            tuple(self.feeds_failed),
            tuple(self.added),
            self.skipped_seen,
            tuple(self.notes),
        )


def read_feed_list(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The feeds of a FEEDS.txt file: one http(s) URL or feed file per line, in order, each once.

    Blank lines and lines starting with ``#`` are skipped. A relative feed file path is taken
    relative to the list's own folder. Raises SourceError naming the file and line of a bad line,
    and, as ``read_lines`` does for every list file, naming a file that cannot be read as one.
    """
    label = os.fspath(path)
    lines = read_lines(path, expected="a file naming one feed per line")
    folder = Path(path).parent
    feeds = [
        _feed_line(line.strip(), folder, f"{label} line {number}")
        for number, line in enumerate(lines, 1)
        if line.strip() and not line.strip().startswith("#")
    ]
    if not feeds:
        raise SourceError(f"{label}: no feeds (write one feed URL or feed file per line)")
    return tuple(dict.fromkeys(feeds))


def read_entries(source: str, *, get: Fetcher = fetch) -> tuple[FeedEntry, ...]:
    """The entries of an RSS or Atom feed (a URL, fetched with ``get``, or a feed file), in feed order.

    An entry with neither id nor link cannot be told apart from the others: it is left out with
    a warning. Raises SourceError when the feed cannot be fetched or read, or is not a feed.
    """
    read = _read_entries(source, get)
    for notice in _read_notes(source, read):
        logger.warning("%s", notice.message)
    return read.entries


def fetch_article(entry: FeedEntry, get: Fetcher = fetch) -> Article:
    """The entry's article: the linked page's main text, or the entry's summary when the page fails.

    Raises SourceError when there is neither (the page failed and the entry has no summary).
    """
    page, failure = _fetch_page(entry, get)
    article, note = _to_article(entry, page, failure)
    if note:
        logger.info("%s", note)
    return article


def read_feed(
    source: str, *, get: Fetcher = fetch, on_notice: Callable[[Notice], object] | None = None
) -> tuple[Article, ...]:
    """The articles of a feed (URL or file), each with its page's text; see the module docstring.

    An entry with no text at all (page failed, no summary) or with neither id nor link is left
    out, so that one dead link does not make the whole feed unreadable; what is left out, and an
    entry whose summary stands in for its page, is a ``Notice`` to ``on_notice`` (logged when it
    is None).
    """
    tell = on_notice or _log_notice
    read = _read_entries(source, get)
    for notice in _read_notes(source, read):
        tell(notice)
    articles: list[Article] = []
    for entry in read.entries:
        page, failure = _fetch_page(entry, get)
        try:
            article, note = _to_article(entry, page, failure)
        except SourceError as exc:
            tell(Notice("feed-entry-skipped", f"left out: {exc}"))
            continue
        if note:
            tell(Notice("summary-for-page", note, (article.id,)))
        articles.append(article)
    return tuple(articles)


def is_feed(source: str) -> bool:
    """Whether a source names an RSS or Atom feed: any http(s) URL, or a file whose start is a
    feed's root element (``<rss``, ``<feed``, ``<rdf:RDF``) rather than an HTML page's."""
    if _scheme(source, source) in _URL_SCHEMES:
        return True
    try:
        with Path(source).open("rb") as file:
            start = _start(file.read(_SNIFF_BYTES))
    except OSError:  # a folder, or nothing there: not a feed (the reader says what it is)
        return False
    return any(tag in start for tag in _FEED_ROOTS) and not _is_page(start)


def _start(data: bytes) -> str:
    """The lower-cased first ``_SNIFF_BYTES`` of a source, where a feed or a page names its root."""
    return data[:_SNIFF_BYTES].decode("utf-8", errors="replace").lower()


def _is_page(start: str) -> bool:
    """Whether a source's start (``_start``) is an HTML page's rather than a feed's: its
    ``<html`` comes before any feed root element (feedparser's own reason for it is about
    headers: 'no Content-type specified')."""
    page = start.find("<html")
    roots = [at for at in (start.find(tag) for tag in _FEED_ROOTS) if at >= 0]
    return page >= 0 and (not roots or page < min(roots))


def _log_notice(notice: Notice) -> None:
    logger.warning("%s", notice.message)


def watch(
    feeds: Sequence[str],
    add: Callable[[Article], object],
    *,
    every_minutes: float,
    rounds: int | None = None,
    get: Fetcher = fetch,
    sleep: Callable[[float], object] = time.sleep,
    on_round: Callable[[RoundReport], object] | None = None,
    known: Container[str] = frozenset(),
) -> WatchReport:
    """Poll the feeds every ``every_minutes`` and ``add`` each new entry's article, for ``rounds`` rounds.

    ``rounds=None`` polls until Ctrl-C, which ends the watch cleanly: the report says it was
    interrupted and keeps what the last, partial round did. ``on_round`` is called with each
    finished round's report (the CLI prints it). ``known`` holds the keys of entries added before
    this watch began (a ``Clusterer`` on the store), which are skipped as seen, not fetched again
    and counted as new. Only newsbrief's own errors are absorbed
    (a feed down, a page failing, ``add`` refusing an article); anything else is a bug and
    propagates. Raises OptionError when ``every_minutes`` or ``rounds`` is out of range.
    """
    if not (math.isfinite(every_minutes) and every_minutes > 0):
        raise OptionError(f"every_minutes must be a positive number of minutes (got {every_minutes})")
    if rounds is not None and rounds < 1:
        raise OptionError(f"rounds must be at least 1 (got {rounds})")
    seen = _Seen(known)
    done: list[RoundReport] = []
    numbers = itertools.count(1) if rounds is None else range(1, rounds + 1)
    try:
        for number in numbers:
            if number > 1:
                sleep(every_minutes * SECONDS_PER_MINUTE)
            log = _RoundLog(number)
            try:
                for feed in feeds:
                    _poll_feed(feed, add, get, seen, log)
            finally:
                done.append(log.freeze())  # a round cut short by Ctrl-C still counts what it added
            if on_round is not None:
                on_round(done[-1])
    except (KeyboardInterrupt, SystemError) as exc:  # a Ctrl-C inside a numba kernel is a SystemError
        if not is_interrupt(exc):
            raise
        logger.info("watch stopped by an interrupt after %d rounds", len(done))
        return WatchReport(tuple(done), interrupted=True)
    return WatchReport(tuple(done))


class _Seen:
    """The keys of the entries handed on: those in this watch's rounds, and those known before it."""

    def __init__(self, known: Container[str]) -> None:
        self._known = known
        self._added: set[str] = set()

    def __contains__(self, key: object) -> bool:
        return key in self._added or key in self._known

    def add(self, key: str) -> None:
        self._added.add(key)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (``fraction`` 0.5 is the median, 0.99 the p99); 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def _poll_feed(
    feed: str, add: Callable[[Article], object], get: Fetcher, seen: _Seen, log: _RoundLog
) -> None:
    """Read one feed and hand on its new entries; a feed that fails is recorded, not raised."""
    try:
        read = _read_entries(feed, get)
    except NewsbriefError as exc:
        logger.warning("feed failed, polled again next round: %s", exc)
        log.feeds_failed.append(FeedFailure(feed, str(exc)))
        return
    log.feeds_ok.append(feed)
    log.notes.extend(notice.message for notice in _read_notes(feed, read))
    for entry in read.entries:
        if entry.key in seen:
            log.skipped_seen += 1
        else:
            _take_entry(entry, feed, add, get, seen, log)


def _take_entry(
    entry: FeedEntry,
    feed: str,
    add: Callable[[Article], object],
    get: Fetcher,
    seen: _Seen,
    log: _RoundLog,
) -> None:
    """Fetch, extract and add one new entry, timing each step; a failure becomes a note."""
    started = time.perf_counter()
    page, failure = _fetch_page(entry, get)
    fetched = time.perf_counter()
    try:
        article, note = _to_article(entry, page, failure)
    except NewsbriefError as exc:
        log.notes.append(f"{exc}; tried again next round")
        return
    extracted = time.perf_counter()
    try:
        story = add(article)
    except NewsbriefError as exc:
        seen.add(entry.key)  # the store refused it (same key, other text): asking again changes nothing
        log.notes.append(f"{entry.source}: not added: {exc}")
        return
    finished = time.perf_counter()
    seen.add(entry.key)
    if note:
        log.notes.append(note)
    log.added.append(
        AddedArticle(
            key=entry.key,
            feed=feed,
            story="" if story is None else str(story),
            fetch_s=fetched - started,
            extract_s=extracted - fetched,
            add_s=finished - extracted,
            from_summary=note is not None,
            fetched=page is not None,
        )
    )


def _feed_line(line: str, folder: Path, where: str) -> str:
    """The feed named on one line of a feed list; SourceError when it is neither URL nor file."""
    if any(char.isspace() for char in line):
        raise SourceError(f"{where}: one feed URL or file per line (got {line!r})")
    if _scheme(line, where) in _URL_SCHEMES:
        return line
    if "://" in line:
        raise SourceError(f"{where}: only http and https feed URLs are read (got {line!r})")
    path = Path(line) if Path(line).is_absolute() else folder / line
    if path.is_dir():
        raise SourceError(f"{where}: {line} is a folder; name one feed file per line")
    if not path.is_file():
        raise SourceError(f"{where}: no such feed file: {line}")
    return os.fspath(path)


def _scheme(source: str, where: str) -> str:
    """The lower-cased URL scheme of a feed source ("" for a path); SourceError naming ``where``
    when it is a URL that cannot be parsed (an unclosed IPv6 bracket, a port out of range)."""
    try:
        parts = urlsplit(source)
        parts.port  # noqa: B018  # parsed on access: raises ValueError for a port out of range
    except ValueError as exc:
        raise SourceError(f"{where}: not a valid URL ({exc})") from exc
    return parts.scheme.lower()


class _Entries(NamedTuple):
    """What reading a feed gave: the entries that have a key, how many had none, and why the
    XML broke off when feedparser read entries before the fault (a truncated feed)."""

    entries: tuple[FeedEntry, ...]
    n_keyless: int
    fault: str | None


def _read_notes(source: str, read: _Entries) -> list[Notice]:
    """The notices on a feed that was read: entries left out for want of a key, a fault in the XML."""
    notes = [Notice("feed-entry-skipped", _keyless_note(source, read.n_keyless))] if read.n_keyless else []
    if read.fault:
        kept = (
            "1 entry read before it was"
            if len(read.entries) == 1
            else f"{len(read.entries)} entries read before it were"
        )
        message = f"{source}: not well-formed XML ({read.fault}); the {kept} kept, any after it are missing"
        notes.append(Notice("feed-cut-off", message))
    return notes


def _read_entries(source: str, get: Fetcher) -> _Entries:
    """The entries that have a key, how many had none, and a fault in the XML, of a feed URL or file."""
    data, headers = _feed_bytes(source, get)
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    feed_outlet = _one_line(parsed.feed.get("title", "")) or url_host(headers.get("content-location")) or ""
    entries: list[FeedEntry] = []
    n_keyless = 0
    for number, raw in enumerate(parsed.entries, 1):
        entry = _entry(raw, feed_outlet, source, number)
        if entry is None:
            n_keyless += 1
        else:
            entries.append(entry)
    if not entries and (parsed.bozo or not parsed.version):
        reason = (
            "an HTML page: give the address of the site's RSS or Atom feed"
            if _is_page(_start(data))
            else _one_line(str(parsed.get("bozo_exception", ""))) or "no RSS or Atom elements"
        )
        raise SourceError(f"{source}: not a readable RSS or Atom feed ({reason})")
    # feedparser also sets bozo for a charset it overrode or a content type; only broken XML loses entries
    broken = isinstance(parsed.get("bozo_exception"), xml.sax.SAXParseException)
    return _Entries(tuple(entries), n_keyless, _one_line(str(parsed.bozo_exception)) if broken else None)


def _feed_bytes(source: str, get: Fetcher) -> tuple[bytes, dict[str, str]]:
    """(the feed's bytes, the HTTP headers feedparser should know; none for a file).

    ``content-location`` is the URL relative links resolve against; ``content-type`` is passed
    only when it names a charset, which a feed without an XML declaration depends on.
    """
    if _scheme(source, source) in _URL_SCHEMES:
        response = get(source)
        headers = {"content-location": response.url}
        if response.charset:
            headers["content-type"] = f"{response.content_type}; charset={response.charset}"
        return response.body, headers
    return file_bytes(source, source), {}


def _entry(raw: Any, feed_outlet: str, feed: str, number: int) -> FeedEntry | None:
    """A FeedEntry of the feed's ``number``-th feedparser entry, or None when it has neither id nor link."""
    url = _entry_link(raw)
    key = raw.get("id") or url
    if not key:
        return None
    return FeedEntry(
        key=key,
        title=_one_line(raw.get("title", "")),
        url=url,
        published=_published(raw),
        outlet=feed_outlet or url_host(url) or Path(feed).stem,
        summary=_entry_text(raw),
        source=f"{feed} entry {number}",
    )


def _entry_link(raw: Any) -> str | None:
    """The entry's link; None when it has no link of its own and feedparser copied its id into
    ``link`` (``guidislink``) while that id is no http(s) URL: an Atom ``urn:uuid:`` id or an RSS
    ``<guid>vote-1</guid>`` was fetched as a page, failed, and stood as the article's URL."""
    link = raw.get("link") or None
    if link is not None and raw.get("guidislink") and urlsplit(link).scheme.lower() not in _URL_SCHEMES:
        return None
    return link


def _published(raw: Any) -> str | None:
    """The entry's published (else updated) date as ISO 8601 UTC; feedparser gives UTC struct_times."""
    for name in ("published_parsed", "updated_parsed"):
        parsed = raw.get(name)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    return None


def _entry_text(raw: Any) -> str:
    """The longest of the entry's content parts and summary, as plain text ("" when none)."""
    details = [*raw.get("content", []), raw.get("summary_detail") or {}]
    texts = [_plain(detail.get("value", ""), detail.get("type", "text/html")) for detail in details]
    return max(texts, key=len, default="")


def _plain(value: str, media_type: str) -> str:
    """Text of an entry's HTML (paragraphs kept as blank-line breaks), or plain text as it is."""
    if media_type == "text/plain":
        return value.strip()
    parser = _TextParser()
    parser.feed(value)
    parser.close()
    paragraphs = (" ".join(chunk.split()) for chunk in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


class _TextParser(HTMLParser):
    """Collects the text of an HTML fragment; a block tag starts a new paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _fetch_page(entry: FeedEntry, get: Fetcher) -> tuple[Fetched | None, str | None]:
    """(the entry's page, None), or (None, why there is none): the network step, timed apart."""
    if entry.url is None:
        return None, "the entry has no link"
    try:
        return get(entry.url), None
    except SourceError as exc:
        return None, str(exc)


def _to_article(entry: FeedEntry, page: Fetched | None, failure: str | None) -> tuple[Article, str | None]:
    """(the article, a note when the entry's summary stands in for the page); SourceError when neither has text."""
    if page is not None:
        try:
            return _page_article(entry, page), None
        except SourceError as exc:
            failure = str(exc)
    if not entry.summary:
        raise SourceError(f"{entry.source}: no text: {failure}, and the entry has no summary")
    article = Article(
        id=entry.key,
        outlet=entry.outlet,
        title=entry.title,
        url=entry.url,
        published=entry.published,
        text=entry.summary,
        source=entry.source,
    )
    return article, f"{entry.source}: the entry's summary stands in for its page ({failure})"


def _page_article(entry: FeedEntry, page: Fetched) -> Article:
    """The article of a fetched page, with the entry's key, outlet, title and date taking precedence."""
    content = _decode(page)
    if page.content_type == "text/plain":
        read = read_text(content, source=page.url, outlet=entry.outlet, url=page.url)
    else:  # HTML, or a server that did not say: trafilatura finds no text in what is not a page
        read = read_html(content, source=page.url, outlet=entry.outlet, url=page.url)
    return Article(
        id=entry.key,
        outlet=entry.outlet,
        title=entry.title or read.title,
        url=entry.url,
        published=entry.published or read.published,
        text=read.text,
        source=entry.source,
    )


def _decode(page: Fetched) -> str:
    """The page's text: its declared charset, else UTF-8, else cp1252 with replacement characters."""
    for encoding in (page.charset, "utf-8"):
        if encoding:
            try:
                return page.body.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass
    return page.body.decode("cp1252", errors="replace")


def _keyless_note(feed: str, count: int) -> str:
    """The note for entries that were left out because they have neither id nor link."""
    return f"{feed}: left out {count} {'entry' if count == 1 else 'entries'} with neither id nor link"


def _one_line(text: str) -> str:
    """Text with its whitespace runs collapsed to single spaces."""
    return " ".join(text.split())
