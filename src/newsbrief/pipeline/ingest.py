"""Read news articles from files, directories, URLs, standard input and strings.

``read_story`` gathers every article of every source, in order, into one Story;
``read_stories`` streams the many stories of an evaluation file.

A ``str`` source is classified by the first rule that applies:

1. ``"-"``: standard input (the ``stdin`` argument, else ``sys.stdin``), once per call. Its content is sniffed:
   starting with ``{`` or ``[`` it is JSON, or JSONL when its first line is a whole JSON value;
   starting with ``<`` it is HTML; containing ``|||||`` it is Multi-News raw; else plain text.
2. ``http://`` or ``https://`` followed by no whitespace: a URL, fetched unless ``fetch_urls=False``.
3. Blank, or containing a newline, or longer than 300 characters: the article text itself,
   verbatim (no title is taken from it), with outlet ``text 1``, ``text 2``, ... in the order given.
4. An existing path: that file, or the article files of that directory.
5. Looks like a path (a known article extension, or a path separator) but does not exist:
   ``SourceError("no such file: X")``.
6. Anything else: the article text itself, as in rule 3.

An ``os.PathLike`` is always a path. An ``Article`` passes through unchanged, except that its id
is suffixed when an earlier article of the story has the same id.

Formats, by file extension (case-insensitive):

- ``.txt``, ``.md``: plain text. A short first line (at most 200 characters, not ending like a
  sentence in ``. ! ? … : ; ,``) followed by a blank line is the title and not part of the text
  (the ZeroHedge seed's headline). Content holding ``|||||`` is Multi-News raw instead.
- ``.html``, ``.htm``: main text, title, site name, date and URL by trafilatura; paragraphs are
  separated by blank lines, and a first paragraph that repeats the title is dropped.
- ``.jsonl``: one record per line; ``.json``: one record or an array of records. An article record
  has ``text`` and optionally ``title``, ``url``, ``outlet`` (or ``source``, ``site``),
  ``published`` (or ``date``) and ``id``. A story record has ``documents`` (strings or article
  records) and optionally ``id``, ``summary`` (the reference) and ``titles`` (one headline or
  null per document, the NeuS roundups' layout; a document record's own ``title`` wins). A file holds one kind: article
  records make one story, story records one story each. Blank lines are skipped.
- ``.src``: Multi-News raw, one story per line, articles separated by ``|||||``, newlines written
  as ``NEWLINE_CHAR``; empty articles are skipped with an ``empty-article`` notice.
- a directory: its files with the extensions above, in name order; hidden files are ignored and
  other entries skipped with one ``skipped-file`` notice.
- any other extension: sniffed like standard input.
- a URL: ``text/html`` as HTML, ``text/plain`` as text, anything else sniffed.

The outlet comes from the record field, else the HTML site name, else the URL host (without
``www.``), else the site an HTML ``<title>`` names after the headline ("Headline | NPR"), else the file stem (``npr.txt`` is ``npr``), else ``text N`` for strings, ``document N``
for the N-th article of a record file or Multi-News line, ``stdin`` for standard input.
Article ids are slugs of the record id or the outlet (``[a-z0-9-]``, at most 40 characters, a longer
one cut in the middle so that it keeps its last word, ``basil-…-fox``), made
unique within a story by suffixing ``-2``, ``-3``, ... in order, with a ``renamed-id`` notice that
says which source got which id. A ``published`` value that is not an ISO 8601 or RFC 2822 date
(``published_time``) is kept as given, with an ``undated`` notice: nothing reads it as a date.

Bytes are decoded as UTF-8 (a byte-order mark is dropped) or, failing that, as cp1252 and then
latin-1 with a ``decode-fallback`` notice; line endings become ``\\n``.

NUL: text never holds the character U+0000, so a NUL anywhere in what is read (a file, URL or
standard input once decoded, a string given as text, an HTML page, a field of a JSON record,
escaped ``\\u0000`` included) is refused by ``refuse_nul`` with the line and column of the
first one: it is binary data (an image, a PDF, UTF-16 read as bytes), not an article to brief
with its NULs dropped. Other control characters are kept as sent; the renderers drop them
from Markdown, text and the terminal, and JSON escapes them.

Caps: ``MAX_SOURCE_BYTES`` per file, URL or standard input (per line when ``read_stories``
streams a JSONL or Multi-News file, so that a whole benchmark split can be read),
``MAX_ARTICLE_CHARS`` per article and ``MAX_ARTICLES`` per story.

Every error is a ``SourceError`` (or ``EmptyStoryError``) with one line that names the input.
"""

from __future__ import annotations

import codecs
import html as htmllib
import http.client
import itertools
import json
import logging
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Literal, TextIO
from urllib.parse import urlsplit

from newsbrief.errors import EmptyStoryError, SourceError
from newsbrief.model import Article, Notice, Story, published_datetime, slug

__all__ = [
    "ARTICLE_EXTENSIONS",
    "FETCH_TIMEOUT_S",
    "MAX_ARTICLES",
    "MAX_ARTICLE_CHARS",
    "MAX_SOURCE_BYTES",
    "USER_AGENT",
    "decode_bytes",
    "decoded_file",
    "directory_files",
    "empty_notices",
    "file_bytes",
    "id_field",
    "json_type",
    "json_value",
    "published_time",
    "read_directory",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_lines",
    "read_multinews",
    "read_stories",
    "read_story",
    "read_text",
    "read_url",
    "reason_line",
    "refuse_nul",
    "stream_lines",
    "string_field",
    "text_field",
    "titles_field",
    "undated_notices",
    "url_host",
]

MAX_SOURCE_BYTES = 50_000_000
MAX_ARTICLE_CHARS = 1_000_000
MAX_ARTICLES = 500
FETCH_TIMEOUT_S = 10.0
USER_AGENT = "newsbrief/0.1"

_Format = Literal["text", "html", "json", "jsonl", "multinews"]
_FORMAT_BY_EXTENSION: dict[str, _Format] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".src": "multinews",
}
ARTICLE_EXTENSIONS = tuple(_FORMAT_BY_EXTENSION)

_STDIN = "<stdin>"
_MULTINEWS_SEPARATOR = "|||||"
_MULTINEWS_NEWLINE = "NEWLINE_CHAR"

_MAX_NAME_CHARS = 300  # a longer string is article text, never a path or a short phrase
_MAX_HEADLINE_CHARS = 200
_MAX_SLUG_CHARS = 40
_MAX_LISTED = 5  # sources a notice names before "and N more"
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"""[.!?…:;,]["'”’)\]]*$""")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")  # a Markdown headline: "# Aleppo encircled"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TITLE_ELEMENT = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
# What joins a headline and its site in a page's <title>; trafilatura's own list (HTMLTITLE_REGEX)
_TITLE_SEPARATOR = re.compile(r"\s+[–•·—|⁄*⋆~‹«<›»>:-]\s+")
_MAX_SITE_WORDS = 4  # "NPR", "The Washington Post", "Al Jazeera English": a longer tail is no name

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of a line-oriented file, without its line break."""

    number: int  # 1-based
    text: str
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True)
class _Record:
    """One parsed JSON record and where it was read from (``x.jsonl line 3``)."""

    where: str
    value: object
    notices: tuple[Notice, ...] = ()


def read_story(
    sources: Iterable[str | os.PathLike[str] | Article],
    *,
    fetch_urls: bool = True,
    stdin: TextIO | BinaryIO | None = None,
) -> Story:
    """One story holding the articles of all sources, in the order given.

    Raises SourceError when a source cannot be read or holds several stories, and
    EmptyStoryError when the sources hold no article at all.
    """
    if isinstance(sources, str | bytes | os.PathLike | Article):
        raise TypeError("read_story takes an iterable of sources; wrap a single source in a list")
    parts = _read_sources(sources, fetch_urls=fetch_urls, stdin=stdin)
    story = _merge(parts)
    if not story.articles:
        raise EmptyStoryError("no article text in the sources given" if parts else "no sources given")
    story = replace(story, notices=(*story.notices, *undated_notices(story.articles)))
    logger.debug("read %d articles from %d sources", len(story.articles), len(parts))
    return story


def read_stories(
    source: str | os.PathLike[str], *, stdin: TextIO | BinaryIO | None = None
) -> Iterator[Story]:
    """The stories of an evaluation file, one at a time, with ``id`` and ``reference`` when given.

    ``source`` is ``"-"`` (standard input) or a path: ``.jsonl`` or ``.json`` records, or
    Multi-News raw ``.src``/``.txt`` lines; another extension is sniffed from its first character.
    JSONL and Multi-News files are streamed. A Multi-News line whose articles are all empty gives
    a story with no articles and an ``empty-article`` notice: the caller decides what to do.
    """
    if source == "-":
        content, notices = _read_stdin(stdin)
        stories = _parse(content, _stories_format(content), source=_STDIN, outlet="stdin")
        return (_with_notices(notices, story) for story in stories)
    label = os.fspath(source)
    path = Path(source)
    if not _exists(path):
        raise SourceError(f"no such file: {label}")
    if path.is_dir():
        raise SourceError(f"{label}: is a directory; give a .jsonl, .json or Multi-News .src file")
    extension = path.suffix.lower()
    if extension == ".json":
        content, notices = _read_file_content(path, label)
        return (_with_notices(notices, story) for story in read_json(content, source=label))
    if extension in (".src", ".txt"):
        return _stream_stories(path, label, "multinews")
    return _stream_stories(path, label, "jsonl" if extension == ".jsonl" else None)


def read_text(
    content: str, *, source: str, outlet: str, url: str | None = None, titled: bool = False
) -> Article:
    """The article in a plain-text document; a headline line followed by a blank line is its title.

    ``titled``: the caller has the title already (an API request's ``title``), so the text is
    kept as written, as a JSONL record's is: a first line taken for the headline would be replaced
    by that title and lost unsaid ("Site Mobile Navigation", a photo caption, a lead with no stop).
    """
    refuse_nul(content, source)
    text = _normalise_newlines(content).strip()
    title, text = ("", text) if titled else _split_headline(text)
    return _article(text, source=source, outlet=outlet, title=title, url=url)


def read_html(html: str, *, source: str, outlet: str, url: str | None = None) -> Article:
    """The main article of an HTML page, with its title, site name, date and URL.

    The outlet is the page's site name (``og:site_name`` and the like), else the host of ``url``
    (where the page was fetched from) or of the page's own URL, else the site its ``<title>``
    names after the headline (``_title_site``), else ``outlet``. Raises SourceError when
    trafilatura finds no article text.
    """
    # trafilatura takes a fifth of a second to import; only HTML input needs it
    import trafilatura
    from trafilatura.settings import Document, set_date_params

    refuse_nul(html, source)  # the HTML parser would drop the NULs unsaid
    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        # the date from the page's markup only: htmldate's extensive search reads years in the
        # text, and a page without a date that says "in Congress since 1997" was dated 1997-01-01
        date_extraction_params=set_date_params(extensive=False),
    )
    if not isinstance(document, Document):
        raise SourceError(f"{source}: no article text found in the HTML")
    title = " ".join((document.title or "").split())
    paragraphs = [line.strip() for line in (document.text or "").split("\n") if line.strip()]
    # trafilatura keeps the page's <h1>, which repeats the title
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise SourceError(f"{source}: no article text found in the HTML")
    page_url = url or document.url
    return _article(
        "\n\n".join(paragraphs),
        source=source,
        outlet=document.sitename or url_host(page_url) or _title_site(html, title) or outlet,
        title=title,
        url=page_url,
        published=document.date,
    )


def _title_site(html: str, headline: str) -> str | None:
    """The site a page's ``<title>`` names after its headline: "NPR" of "Battle for Aleppo |
    NPR" or "Battle for Aleppo : Parallels : NPR" (the last part); None when there is none.

    trafilatura takes a site name from the ``<title>`` only when it holds a dot ("NPR.org"), and
    drops "| NPR" from the headline, so a page without site metadata or URL (a saved or pasted
    page) was named by its file or its place in the request. Only a ``<title>`` that starts with
    the headline counts, so that "Syria: the battle for Aleppo" is not a site "the battle for
    Aleppo"; the first ``<title>`` of the page is read, and a part of more than
    ``_MAX_SITE_WORDS`` words is taken for no name.
    """
    match = _TITLE_ELEMENT.search(html)
    if match is None or not headline:
        return None
    element = " ".join(htmllib.unescape(match[1]).split())
    if not element.startswith(headline):
        return None
    parts = _TITLE_SEPARATOR.split(element[len(headline) :])
    site = parts[-1].strip()
    if len(parts) < 2 or parts[0] or not site or len(site.split()) > _MAX_SITE_WORDS:
        return None
    return site


def read_jsonl(content: str, *, source: str) -> Iterator[Story]:
    """The stories of JSON Lines content: one story of all article records, or one per story record."""
    return _jsonl_stories(_content_lines(content), source)


def read_json(content: str, *, source: str) -> Iterator[Story]:
    """The stories of a JSON document: one record (article or story) or an array of records."""
    value = json_value(content, source)
    if isinstance(value, list):
        records = [_Record(f"{source} item {number}", item) for number, item in enumerate(value, 1)]
    elif isinstance(value, dict):
        records = [_Record(source, value)]
    else:
        raise SourceError(f"{source}: expected a JSON object or array (got {json_type(value)})")
    return _record_stories(records)


def read_multinews(content: str, *, source: str) -> Iterator[Story]:
    """The stories of Multi-News raw content: one per non-blank line, articles split on ``|||||``."""
    refuse_nul(content, source)
    return _multinews_stories(_content_lines(content), source)


def read_directory(path: str | os.PathLike[str]) -> Story:
    """One story of the article files in a directory, in name order; other entries make a notice."""
    files, skipped = directory_files(path)
    story = _merge([_read_file(file, os.fspath(file)) for file in files])
    return replace(story, notices=(*story.notices, *skipped))


def directory_files(path: str | os.PathLike[str]) -> tuple[list[Path], tuple[Notice, ...]]:
    """The article files of a directory (``ARTICLE_EXTENSIONS``), in name order, and a notice
    naming the other entries (hidden ones aside); SourceError when it has none."""
    label = os.fspath(path)
    try:
        entries = sorted(Path(path).iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        raise SourceError(f"{label}: cannot list the directory ({exc.strerror or exc})") from exc
    files: list[Path] = []
    skipped: list[str] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_file() and entry.suffix.lower() in ARTICLE_EXTENSIONS:
            files.append(entry)
        else:
            skipped.append(entry.name + "/" if entry.is_dir() else entry.name)
    if not files:
        raise SourceError(f"{label}: no article files ({' '.join(ARTICLE_EXTENSIONS)})")
    if not skipped:
        return files, ()
    notice = Notice(
        "skipped-file",
        f"{label}: skipped {len(skipped)} {_plural(len(skipped), 'entry', 'entries')} "
        f"that {_plural(len(skipped), 'is', 'are')} not articles: {_first_names(skipped)}",
    )
    return files, (notice,)


_NAMES_SHOWN = 10


def _first_names(names: list[str]) -> str:
    """The names, comma-separated, the first ten and a count of the rest: a note stays one short line."""
    shown = ", ".join(names[:_NAMES_SHOWN])
    rest = len(names) - _NAMES_SHOWN
    return f"{shown} and {rest} more" if rest > 0 else shown


def read_url(url: str) -> Story:
    """The story at a URL, fetched with a 10 s timeout and at most MAX_SOURCE_BYTES read.

    Fetched as the user's own client (urllib): loopback and private addresses are reached and
    redirects followed, for a URL the user named. A URL someone else chose (a server's client, a
    feed's author) goes through ``pipeline.fetch.fetch``, which refuses them (README, "Fetching
    URLs: who may reach what").
    """
    logger.debug("fetching %s", url)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # parses the URL
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            data: bytes = response.read(MAX_SOURCE_BYTES + 1)
            content_type: str = response.headers.get_content_type()
            charset: str | None = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the open response; an unclosed one leaks its socket
        raise SourceError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        raise SourceError(f"cannot fetch {url}: {reason_line(reason)}") from exc
    _check_size(len(data), url)
    content, notices = decode_bytes(data, url, charset=charset)
    _require_text(content, url, "response")
    if content_type in _HTML_TYPES:
        kind: _Format = "html"
    elif content_type == "text/plain":
        kind = "text"
    else:
        kind = _sniff(content)
    return _read_content(content, kind, source=url, outlet=url_host(url) or url, notices=notices, url=url)


def _classify(source: str) -> Literal["stdin", "url", "text", "path"]:
    """What a string source is, by the rules in the module docstring."""
    if source == "-":
        return "stdin"
    if _URL.fullmatch(source.strip()):
        return "url"
    if "\n" in source or "\r" in source or len(source) > _MAX_NAME_CHARS or not source.strip():
        return "text"
    path = Path(source)
    if _exists(path):
        return "path"
    if path.suffix.lower() in ARTICLE_EXTENSIONS or "/" in source or os.sep in source:
        raise SourceError(f"no such file: {source}")
    return "text"


def _read_sources(
    sources: Iterable[str | os.PathLike[str] | Article], *, fetch_urls: bool, stdin: TextIO | BinaryIO | None
) -> list[Story]:
    """The story in each source, in order; text strings are numbered ``text 1``, ``text 2``, ..."""
    parts: list[Story] = []
    n_texts = 0
    read_stdin = False
    for source in sources:
        if isinstance(source, Article):
            parts.append(Story(articles=(source,)))
        elif isinstance(source, os.PathLike):
            parts.append(_read_path(Path(source), os.fspath(source)))
        elif not isinstance(source, str):
            raise TypeError(f"a source must be a str, os.PathLike or Article (got {type(source).__name__})")
        elif (kind := _classify(source)) == "text":
            n_texts += 1
            label = f"text {n_texts}"
            refuse_nul(source, label)
            parts.append(Story(articles=(_article(source, source=label, outlet=label),)))
        elif kind == "stdin":
            if read_stdin:  # the second read would find it empty and call the input empty
                raise SourceError("- is given twice: standard input can be read only once")
            read_stdin = True
            content, notices = _read_stdin(stdin)
            parts.append(
                _read_content(content, _sniff(content), source=_STDIN, outlet="stdin", notices=notices)
            )
        elif kind == "url":
            if not fetch_urls:
                raise SourceError(f"{source.strip()}: fetching URLs is turned off")
            parts.append(read_url(source.strip()))
        else:
            parts.append(_read_path(Path(source), source))
    return parts


def _read_path(path: Path, label: str) -> Story:
    """The story in a file or directory that exists."""
    if not _exists(path):
        raise SourceError(f"no such file: {label}")
    return read_directory(path) if path.is_dir() else _read_file(path, label)


def _read_file(path: Path, label: str) -> Story:
    """The story in one file, its format chosen by extension or sniffed."""
    content, notices = _read_file_content(path, label)
    kind = _FORMAT_BY_EXTENSION.get(path.suffix.lower()) or _sniff(content)
    return _read_content(content, kind, source=label, outlet=path.stem, notices=notices)


def _read_content(
    content: str,
    kind: _Format,
    *,
    source: str,
    outlet: str,
    notices: tuple[Notice, ...],
    url: str | None = None,
) -> Story:
    """The one story in decoded content; SourceError when it holds several stories."""
    stories = list(_parse(content, kind, source=source, outlet=outlet, url=url))
    if len(stories) > 1:
        raise SourceError(
            f"{source}: holds {len(stories)} stories but a brief is made from one; "
            "use `newsbrief eval` for several"
        )
    return _with_notices(notices, stories[0] if stories else Story(articles=()))


def _parse(
    content: str, kind: _Format, *, source: str, outlet: str, url: str | None = None
) -> Iterable[Story]:
    """The stories in content of a known format."""
    if kind == "text" and _MULTINEWS_SEPARATOR in content:
        kind = "multinews"
    if kind == "text":
        return [Story(articles=(read_text(content, source=source, outlet=outlet, url=url),))]
    if kind == "html":
        return [Story(articles=(read_html(content, source=source, outlet=outlet, url=url),))]
    if kind == "json":
        return read_json(content, source=source)
    if kind == "jsonl":
        return read_jsonl(content, source=source)
    return read_multinews(content, source=source)


def _sniff(content: str) -> _Format:
    """The format of content without a telling file extension (standard input, say)."""
    head = content.lstrip()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        # JSONL has a whole value on its first line; pretty-printed JSON does not
        return "jsonl" if _is_json(head.split("\n", 1)[0]) else "json"
    if head.startswith("<"):
        return "html"
    return "multinews" if _MULTINEWS_SEPARATOR in content else "text"


def _stories_format(head: str) -> _Format:
    """The format of an evaluation file from its first character: JSON, JSONL or Multi-News raw."""
    start = head.lstrip()[:1]
    return "json" if start == "[" else "jsonl" if start == "{" else "multinews"


def _is_json(text: str) -> bool:
    """Whether text is one whole JSON value."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _stream_stories(path: Path, label: str, kind: _Format | None) -> Iterator[Story]:
    """The stories of a JSONL or Multi-News file read line by line (sniffed when kind is None)."""
    try:
        file = path.open("rb")
    except OSError as exc:
        raise SourceError(f"{label}: cannot read ({exc.strerror or exc})") from exc
    with file:
        lines = (line for line in stream_lines(file, label) if line.text.strip())
        first = next(lines, None)
        if first is None:
            raise SourceError(f"{label}: empty file")
        kind = kind or _stories_format(first.text)
        rest = itertools.chain([first], lines)
        if kind == "json":
            raise SourceError(f"{label}: holds a JSON array; give the file a .json extension to read it")
        if kind == "jsonl":
            yield from _jsonl_stories(rest, label)
        else:
            yield from _multinews_stories(rest, label)


def stream_lines(file: BinaryIO, label: str) -> Iterator[_Line]:
    """The decoded lines of a binary file; MAX_SOURCE_BYTES applies to each line."""
    number = 0
    while raw := file.readline(MAX_SOURCE_BYTES + 1):
        number += 1
        where = f"{label} line {number}"
        _check_size(len(raw), where)
        text, notices = decode_bytes(raw, where)
        yield _Line(number, text.removesuffix("\n"), notices)


def _content_lines(content: str) -> Iterator[_Line]:
    """The numbered lines of decoded content (split on ``\\n`` only: JSON strings may hold U+2028)."""
    for number, text in enumerate(_normalise_newlines(content).split("\n"), 1):
        yield _Line(number, text)


def _jsonl_stories(lines: Iterable[_Line], source: str) -> Iterator[Story]:
    """The stories of JSONL lines; blank lines are skipped."""
    return _record_stories(_jsonl_record(line, source) for line in lines if line.text.strip())


def _jsonl_record(line: _Line, source: str) -> _Record:
    """The parsed record on one JSONL line."""
    value = json_value(line.text, source, line=line.number)
    return _Record(f"{source} line {line.number}", value, line.notices)


def _record_stories(records: Iterable[_Record]) -> Iterator[Story]:
    """One story per story record, or one story of all article records; a mix is an error."""
    articles: list[Article] = []
    notices: list[Notice] = []
    first_kind = ""
    for record in records:
        fields = _as_object(record.value, record.where)
        kind = "story" if "documents" in fields else "article" if "text" in fields else ""
        if not kind:
            raise SourceError(f'{record.where}: no "text" or "documents" field')
        if first_kind and kind != first_kind:
            raise SourceError(
                f"{record.where}: {'an' if kind == 'article' else 'a'} {kind} record among {first_kind} "
                "records; a file holds one kind"
            )
        first_kind = kind
        if kind == "story":
            yield _with_notices(record.notices, _story_record(fields, record.where))
        else:
            articles.append(_article_record(fields, record.where, number=len(articles) + 1))
            notices.extend(record.notices)
    if articles:
        yield _story(articles, notices=notices)


def _story_record(fields: dict[str, object], where: str) -> Story:
    """The story of a record with ``documents``; blank documents are skipped with a notice, and
    a blank ``summary`` is no reference."""
    documents = fields["documents"]
    if not isinstance(documents, list):
        raise SourceError(f'{where}: "documents" must be an array (got {json_type(documents)})')
    reference = string_field(fields, ("summary",), where)
    if (
        reference is not None and not reference.strip()
    ):  # "summary": "" is no reference, not one to score 0 against
        reference = None
    titles = titles_field(fields, where, len(documents))
    articles: list[Article] = []
    empty: list[int] = []
    for number, (document, title) in enumerate(zip(documents, titles, strict=True), 1):
        document_where = f"{where} document {number}"
        document_fields: dict[str, object] = (
            {"text": document}
            if isinstance(document, str)
            else _as_object(document, document_where, expected="a string or a JSON object")
        )
        if document_fields.get("title") is None and title is not None:
            document_fields = {**document_fields, "title": title}
        text = document_fields.get("text")
        if isinstance(text, str) and not text.strip():
            empty.append(number)
        else:
            articles.append(_article_record(document_fields, document_where, number=number))
    return _story(
        articles,
        notices=empty_notices(where, empty),
        story_id=id_field(fields, where),
        reference=reference,
    )


def titles_field(fields: dict[str, object], where: str, documents: int) -> list[object]:
    """The story record's ``titles``, one per document (all None when absent); checked for shape,
    each one's type by the article record it joins."""
    titles = fields.get("titles")
    if titles is None:
        return [None] * documents
    if not isinstance(titles, list):
        raise SourceError(f'{where}: "titles" must be an array (got {json_type(titles)})')
    if len(titles) != documents:
        raise SourceError(f'{where}: "titles" has {len(titles)} entries for {documents} documents')
    return titles


def _article_record(fields: dict[str, object], where: str, *, number: int) -> Article:
    """The article of a record with ``text``; ``number`` names it when it names no outlet."""
    text = text_field(fields, where)
    url = string_field(fields, ("url",), where)
    outlet = (
        string_field(fields, ("outlet", "source", "site"), where) or url_host(url) or f"document {number}"
    )
    return _article(
        text,
        source=where,
        outlet=outlet,
        title=string_field(fields, ("title",), where) or "",
        url=url,
        published=string_field(fields, ("published", "date"), where),
        article_id=id_field(fields, where),
    )


def text_field(fields: dict[str, object], where: str) -> str:
    """The record's ``text``, as given; SourceError naming ``where`` when it is missing, not a
    string or holds a NUL. The one check of an article record's text, a file's or a stream's."""
    if "text" not in fields:
        raise SourceError(f'{where}: no "text" field')
    text = fields["text"]
    if not isinstance(text, str):
        raise SourceError(f'{where}: "text" must be a string (got {json_type(text)})')
    refuse_nul(text, where, field="text")
    return text


def string_field(fields: dict[str, object], keys: tuple[str, ...], where: str) -> str | None:
    """The first of the keys that is present and not null; SourceError when it is not a string."""
    for key in keys:
        value = fields.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise SourceError(f'{where}: "{key}" must be a string (got {json_type(value)})')
        refuse_nul(value, where, field=key)
        return value
    return None


def id_field(fields: dict[str, object], where: str) -> str:
    """The record's ``id`` as a string ("" when absent or white space only, which names no
    article); datasets use strings or whole numbers."""
    value = fields.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is not None and not isinstance(value, str):
        raise SourceError(f'{where}: "id" must be a string or a whole number (got {json_type(value)})')
    given = string_field(fields, ("id",), where) or ""
    return given if given.strip() else ""


def _as_object(value: object, where: str, *, expected: str = "a JSON object") -> dict[str, object]:
    """The value as a JSON object; SourceError naming its type otherwise."""
    if not isinstance(value, dict):
        raise SourceError(f"{where}: expected {expected} (got {json_type(value)})")
    return value


def json_value(text: str, source: str, *, line: int | None = None) -> object:
    """Parsed JSON; the error names the line (``line`` for one JSONL line, else the decoder's)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{source} line {line or exc.lineno}: not valid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        where = f"{source} line {line}" if line else source
        raise SourceError(f"{where}: JSON nested too deeply") from exc


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _multinews_stories(lines: Iterable[_Line], source: str) -> Iterator[Story]:
    """One story per non-blank Multi-News raw line."""
    for line in lines:
        if line.text.strip():
            yield _multinews_story(line, source)


def _multinews_story(line: _Line, source: str) -> Story:
    """The articles of one Multi-News raw line; empty ones are skipped with a notice."""
    where = f"{source} line {line.number}"
    articles: list[Article] = []
    empty: list[int] = []
    for number, piece in enumerate(line.text.split(_MULTINEWS_SEPARATOR), 1):
        text = piece.replace(_MULTINEWS_NEWLINE, "\n").strip()
        if text:
            articles.append(_article(text, source=f"{where} document {number}", outlet=f"document {number}"))
        else:
            empty.append(number)
    return _story(articles, notices=(*line.notices, *empty_notices(where, empty)))


def empty_notices(where: str, numbers: Sequence[int]) -> tuple[Notice, ...]:
    """An ``empty-article`` notice naming the skipped documents, or none."""
    if not numbers:
        return ()
    listed = ", ".join(str(number) for number in numbers)
    noun = _plural(len(numbers), "document", "documents")
    return (Notice("empty-article", f"{where}: skipped empty {noun} {listed}"),)


def _split_headline(text: str) -> tuple[str, str]:
    """(title, body) when the first line is a headline followed by a blank line, else ("", text)."""
    lines = text.split("\n", 2)
    if len(lines) == 3 and not lines[1].strip() and lines[2].strip() and _is_headline(lines[0]):
        return _HEADING_MARK.sub("", lines[0].strip()), lines[2]
    return "", text


def _is_headline(line: str) -> bool:
    """Whether a line reads as a headline: short, and not ending like a sentence or a lead-in."""
    line = line.strip()
    return 0 < len(line) <= _MAX_HEADLINE_CHARS and not _SENTENCE_END.search(line)


def _article(
    text: str,
    *,
    source: str,
    outlet: str,
    title: str = "",
    url: str | None = None,
    published: str | None = None,
    article_id: str = "",
) -> Article:
    """An Article of stripped text with ``\\n`` line breaks; SourceError when empty or too long."""
    text = _normalise_newlines(text).strip()
    if not text:
        raise SourceError(f"{source}: empty text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise SourceError(
            f"{source}: article of {len(text):,} characters is over the limit of {MAX_ARTICLE_CHARS:,}"
        )
    return Article(
        id=_slug(article_id or outlet),
        outlet=outlet,
        title=" ".join(title.split()),
        url=url,
        published=published,
        text=text,
        source=source,
    )


def _story(
    articles: Sequence[Article],
    *,
    notices: Iterable[Notice] = (),
    story_id: str = "",
    reference: str | None = None,
) -> Story:
    """A Story with unique article ids; SourceError past MAX_ARTICLES, naming the first one over."""
    if len(articles) > MAX_ARTICLES:
        extra = articles[MAX_ARTICLES]
        raise SourceError(
            f"{extra.source or extra.id}: a story can hold at most {MAX_ARTICLES} articles; "
            f"this is article {MAX_ARTICLES + 1}"
        )
    unique = _unique_ids(articles)
    renamed = _renamed_notices(articles, unique)
    return Story(articles=unique, id=story_id, notices=(*notices, *renamed), reference=reference)


def _merge(parts: Sequence[Story]) -> Story:
    """One story of all parts' articles and notices; id and reference are kept from a lone part."""
    lone = parts[0] if len(parts) == 1 else Story(articles=())
    return _story(
        [article for part in parts for article in part.articles],
        notices=[notice for part in parts for notice in part.notices],
        story_id=lone.id,
        reference=lone.reference,
    )


def _with_notices(notices: tuple[Notice, ...], story: Story) -> Story:
    """The story with notices about its source placed before its own."""
    return replace(story, notices=(*notices, *story.notices)) if notices else story


def _unique_ids(articles: Iterable[Article]) -> tuple[Article, ...]:
    """The articles with a repeated id suffixed ``-2``, ``-3``, ... in order."""
    used: set[str] = set()
    unique: list[Article] = []
    for article in articles:
        article_id = article.id
        suffix = 2
        while article_id in used:
            article_id = f"{article.id}-{suffix}"
            suffix += 1
        used.add(article_id)
        unique.append(article if article_id == article.id else replace(article, id=article_id))
    return tuple(unique)


def _renamed_notices(given: Sequence[Article], unique: Sequence[Article]) -> tuple[Notice, ...]:
    """A ``renamed-id`` notice naming each article whose id an earlier article already had, and the
    id it got: two inputs named alike (``a/npr.txt``, ``b/npr.txt``) are otherwise told apart
    only by a suffix the reader was never told about."""
    renamed = [
        (number, before.id, after)
        for number, (before, after) in enumerate(zip(given, unique, strict=True), 1)
        if before.id != after.id
    ]
    if not renamed:
        return ()
    ids = tuple(after.id for _, _, after in renamed)
    if len(renamed) == 1:
        number, first_id, after = renamed[0]
        where = after.source or f"article {number}"
        message = f"{where}: id {first_id!r} is an earlier article's; renamed {after.id!r}"
        return (Notice("renamed-id", message, ids),)
    shown = _listing(
        [f"{after.source or f'article {number}'} is {after.id!r}" for number, _, after in renamed]
    )
    message = f"{len(renamed)} articles had the id of an earlier one and were renamed: {shown}"
    return (Notice("renamed-id", message, ids),)


def undated_notices(articles: Sequence[Article]) -> tuple[Notice, ...]:
    """An ``undated`` notice for the articles whose ``published`` is given but is not a date
    ``published_time`` reads: they are kept as given, and nothing reads them as dates."""
    unreadable = [
        article for article in articles if article.published and published_time(article.published) is None
    ]
    if not unreadable:
        return ()
    ids = tuple(article.id for article in unreadable)
    if len(unreadable) == 1:
        article = unreadable[0]
        message = (
            f"{article.source or article.id}: published {article.published!r} is not a date (ISO 8601 or "
            "RFC 2822); kept as given, and the article counts as undated"
        )
        return (Notice("undated", message, ids),)
    shown = _listing([f"{article.source or article.id}: {article.published!r}" for article in unreadable])
    message = (
        f"{len(unreadable)} articles have a published value that is not a date (ISO 8601 or RFC 2822): "
        f"{shown}; kept as given, and each counts as undated"
    )
    return (Notice("undated", message, ids),)


def _listing(items: Sequence[str]) -> str:
    """The first ``_MAX_LISTED`` items joined by commas, then "and N more": a notice stays one line."""
    more = f" and {len(items) - _MAX_LISTED} more" if len(items) > _MAX_LISTED else ""
    return ", ".join(items[:_MAX_LISTED]) + more


def published_time(published: str | None) -> float | None:
    """Seconds since the epoch of an ISO 8601 or RFC 2822 date (naive means UTC); None if unreadable."""
    moment = published_datetime(published)
    return None if moment is None else moment.timestamp()


def _slug(name: str) -> str:
    """A short ``[a-z0-9-]`` id from a name: ``Al Jazeera English`` gives ``al-jazeera-english``."""
    slugged = slug(name)
    if len(slugged) > _MAX_SLUG_CHARS:
        # Cut in the middle, keeping the last word: BASIL's "basil-<uuid>-fox", "-nyt" and "-hpo"
        # differ only there, and a cut at 40 made them one id renamed "-2", "-3".
        head, _, last = slugged.rpartition("-")
        if head and len(last) <= _MAX_SLUG_CHARS // 4:
            return f"{head[: _MAX_SLUG_CHARS - len(last) - 1].rstrip('-')}-{last}"
    return slugged[:_MAX_SLUG_CHARS].rstrip("-") or "article"


def url_host(url: str | None) -> str | None:
    """The host of a URL without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _read_stdin(stdin: TextIO | BinaryIO | None) -> tuple[str, tuple[Notice, ...]]:
    """The decoded content of standard input (``sys.stdin`` when stdin is None).

    A text stream with a byte buffer under it (``sys.stdin``) is read as bytes, so that a file
    that is not UTF-8 gets our fallback and notice instead of a UnicodeDecodeError.
    """
    stream = stdin if stdin is not None else sys.stdin
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    data = (buffer if buffer is not None else stream).read(MAX_SOURCE_BYTES + 1)
    _check_size(len(data), _STDIN)
    content, notices = (
        decode_bytes(data, _STDIN) if isinstance(data, bytes) else (_normalise_newlines(data), ())
    )
    _require_text(content, _STDIN, "input")
    return content, notices


def _read_file_content(path: Path, label: str) -> tuple[str, tuple[Notice, ...]]:
    """The decoded text of a file of at most MAX_SOURCE_BYTES; SourceError when it is blank."""
    content, notices = decoded_file(path, label)
    _require_text(content, label, "file")
    return content, notices


def decoded_file(path: Path, label: str) -> tuple[str, tuple[Notice, ...]]:
    """The decoded text of a file of at most MAX_SOURCE_BYTES, blank or not, and the notices of
    its decoding; SourceError when it cannot be read or is larger."""
    return decode_bytes(file_bytes(path, label), label)


def file_bytes(path: str | os.PathLike[str], label: str) -> bytes:
    """The bytes of a file of at most MAX_SOURCE_BYTES; SourceError naming ``label`` when it
    cannot be read or is larger. The one reading of a whole file: articles, lists, feed files."""
    try:
        with Path(path).open("rb") as file:
            data = file.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"{label}: cannot read ({exc.strerror or exc})") from exc
    _check_size(len(data), label)
    return data


def read_lines(path: str | os.PathLike[str], *, expected: str) -> tuple[str, ...]:
    """The lines of a list file the user writes (feeds to watch, peer summaries), split at line
    breaks only, so that a JSON string holding U+2028 stays on its line; a byte-order mark is dropped.

    The one reader of such lists, so that they refuse bad files alike, in one line naming the
    file: missing, a folder, unreadable, over MAX_SOURCE_BYTES, not UTF-8 (with the line), a NUL,
    or no text at all. ``expected`` says what to give instead: "a JSONL file of peer summaries".
    Not UTF-8 is refused rather than decoded as cp1252 (as articles are): a list yields no brief
    whose log could carry the decoding notice.
    """
    label = os.fspath(path)
    if not _exists(Path(path)):
        raise SourceError(f"no such file: {label}")
    if Path(path).is_dir():
        raise SourceError(f"{label}: a folder; give {expected}")
    data = file_bytes(path, label)
    try:
        text = _normalise_newlines(data.decode("utf-8").removeprefix("\ufeff"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(f"{label} line {line}: not UTF-8 text") from exc
    refuse_nul(text, label)
    if not text.strip():
        raise SourceError(f"{label}: empty file; give {expected}")
    return tuple(text.split("\n"))


def _check_size(size: int, label: str) -> None:
    """SourceError when more than MAX_SOURCE_BYTES were read."""
    if size > MAX_SOURCE_BYTES:
        raise SourceError(f"{label}: larger than the limit of {MAX_SOURCE_BYTES:,} bytes")


def _require_text(content: str, label: str, what: str) -> None:
    """SourceError when content is blank: ``x.txt: empty file``."""
    if not content.strip():
        raise SourceError(f"{label}: empty {what}")


def decode_bytes(data: bytes, label: str, *, charset: str | None = None) -> tuple[str, tuple[Notice, ...]]:
    """Text of bytes: the declared charset, else UTF-8, else the charset an HTML page's ``<meta>``
    declares, else each line as UTF-8 where it is valid and cp1252 or latin-1 where not, with a notice.

    Line breaks become ``\\n``. SourceError naming ``label`` and the place of a NUL (``refuse_nul``):
    binary data. The one decoder of files, URLs, standard input and the service's uploads.
    """
    for encoding in _encodings_to_try(data, charset):
        if encoding:
            try:
                text = _normalise_newlines(data.decode(encoding).removeprefix("\ufeff"))
            except (LookupError, UnicodeDecodeError):
                continue
            refuse_nul(text, label)
            return text, ()
    lines = data.split(b"\n")
    decoded = [_decoded_line(line) for line in lines]
    text = _normalise_newlines("\n".join(line for line, _ in decoded).removeprefix("\ufeff"))
    refuse_nul(text, label)  # before the notice: a binary file is refused, not decoded as cp1252
    fallen = [(number, encoding) for number, (_, encoding) in enumerate(decoded, 1) if encoding != "utf-8"]
    encodings = " or ".join(sorted({encoding for _, encoding in fallen}))
    unicode_lines = any(
        encoding == "utf-8" and not line.isascii() for line, (_, encoding) in zip(lines, decoded, strict=True)
    )
    if unicode_lines:
        # one stray byte decoded the whole file as cp1252 once, garbling its good UTF-8 lines
        numbers = ", ".join(str(number) for number, _ in fallen[:5]) + (", ..." if len(fallen) > 5 else "")
        message = f"{label}: not valid UTF-8 on {_plural(len(fallen), 'line', 'lines')} {numbers}; "
        message += f"{'that line' if len(fallen) == 1 else 'those'} decoded as {encodings}, the rest as UTF-8"
    else:
        message = f"{label}: not valid UTF-8; decoded as {encodings}"
    notice = Notice("decode-fallback", message)
    logger.info("%s", notice.message)
    return text, (notice,)


def _encodings_to_try(data: bytes, charset: str | None) -> Iterator[str | None]:
    """The declared charset, UTF-8, then, with no declared charset, the one an HTML page's own
    ``<meta>`` names, looked for only when UTF-8 has failed: valid UTF-8 is rarely so by chance,
    and a page in iso-8859-7 was read as cp1252 ("ÁèÞíá" for "Αθήνα")."""
    yield charset
    yield "utf-8"
    if charset is None:
        yield _meta_charset(data)


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` of its first kilobytes, if it is one
    Python knows; None for anything else."""
    if data[:_META_SNIFF_BYTES].lstrip()[:1] != b"<":
        return None
    match = _META_CHARSET.search(data[:_META_SNIFF_BYTES])
    if match is None:
        return None
    name = match[1].decode("ascii")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


_META_SNIFF_BYTES = 4096


def _decoded_line(line: bytes) -> tuple[str, str]:
    """A line of a file that is not all UTF-8, and the encoding that read it: UTF-8 where it is
    valid, else cp1252, else latin-1 (cp1252 leaves five bytes undefined; latin-1 decodes any)."""
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return line.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any byte")  # pragma: no cover


def refuse_nul(text: str, where: str, *, field: str | None = None) -> None:
    """SourceError naming where the first NUL character of ``text`` is, if it has one.

    The one rule for NULs, applied to everything read as text (see the module docstring): a NUL
    is binary data, and dropping it unsaid would brief a corrupted input as if it were whole.
    ``field`` names the JSON field the text came from: ``x.jsonl line 3: "text" has ...``.
    """
    position = text.find("\0")
    if position < 0:
        return
    line = text.count("\n", 0, position) + 1
    previous_break = text.rfind("\n", 0, position)  # -1 on the first line
    column = f"column {position - previous_break}"
    # one line (a JSON field, a streamed JSONL line with its line break) needs no line number
    at = f"line {line}, {column}" if "\n" in text.rstrip("\n") else column
    subject = f'"{field}" has a' if field else "a"
    raise SourceError(f"{where}: {subject} NUL character (U+0000) at {at}: binary data, not text")


def _normalise_newlines(text: str) -> str:
    """Text with ``\\r\\n`` and ``\\r`` line breaks turned into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _exists(path: Path) -> bool:
    """Whether a path exists; False for names the OS cannot even look up (too long, NUL byte)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def reason_line(reason: object) -> str:
    """A low-level error's reason on one line, never empty."""
    text = " ".join(str(reason).split())
    return text or type(reason).__name__


def _plural(count: int, one: str, many: str) -> str:
    """``one`` for a count of 1, else ``many``."""
    return one if count == 1 else many
