"""Read the articles of a stream: article-per-line JSONL, Multi-News stories flattened, and the rest.

``pipeline.ingest`` reads a JSONL file of article records as one story and gives its articles
slug ids; a stream needs each record's own ``id`` (its key) and files far larger than a story.
So ``.jsonl`` files are read here line by line: an article record (``text`` and optionally ``id``,
``published``/``date``, ``outlet``/``source``/``site``, ``title``, ``url``) is one article; a
story record (``documents``, as in Multi-News) is flattened into its documents, a document
without an id getting ``<story id>-<n>``. An RSS or Atom feed (a file, or any http(s) URL) gives
its entries' articles, each page fetched as ``watch`` fetches it (``stream.feeds.read_feed``).
A ``.json`` file holds one such record or an array of them. A directory is its article files in
name order, each read as if given alone (a story would cap them at 500 and rename alike ids).
Every other source (HTML, text, Multi-News ``.src``) goes through ``pipeline.ingest.read_story``,
and its articles are keyed by URL or text (their ids there are made-up slugs).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from newsbrief.errors import SourceError
from newsbrief.model import Article, Notice, Story
from newsbrief.pipeline.ingest import (
    MAX_ARTICLE_CHARS,
    decoded_file,
    directory_files,
    empty_notices,
    id_field,
    json_type,
    json_value,
    read_stories,
    read_story,
    stream_lines,
    string_field,
    text_field,
    titles_field,
    url_host,
)
from newsbrief.stream.feeds import is_feed, read_feed

__all__ = ["read_articles"]

_PEEK_BYTES = 8192  # what standard input's buffer holds: enough for a JSONL record's first line, or its start


def read_articles(
    sources: Iterable[str],
    *,
    on_notice: Callable[[Notice], object] = lambda notice: None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article]:
    """The articles of every source, in input order; ``on_notice`` gets what reading left out or
    changed (a skipped file or empty document, a file decoded as cp1252, a feed entry without
    text), as ``read_story`` says it.

    ``-`` is standard input (``stdin``, else ``sys.stdin``'s bytes): JSONL article records are
    read line by line as a ``.jsonl`` file is, keeping each record's id as its key; anything else
    as ``summarize`` reads it.
    """
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from _directory_articles(path, source, on_notice)
            continue
        if path.suffix.lower() == ".jsonl" and path.is_file():
            yield from _jsonl_file_articles(path, source, on_notice)
            continue
        if path.suffix.lower() == ".json" and path.is_file():
            yield from _json_file_articles(path, source, on_notice)
            continue
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if _starts_jsonl(stream):
                yield from _jsonl_articles(stream, "<stdin>", on_notice)
                continue
            stories: Iterable[Story] = (read_story([source], fetch_urls=False, stdin=stream),)
            yield from _story_articles_of(stories, on_notice)
            continue
        if is_feed(source):
            articles = read_feed(source, on_notice=on_notice)
            if not articles:
                on_notice(Notice("empty-feed", f"{source}: no articles read from the feed"))
            yield from articles
            continue
        if path.suffix.lower() == ".src" and path.is_file():
            stories = read_stories(source)
        else:
            stories = (read_story([source], fetch_urls=False),)
        yield from _story_articles_of(stories, on_notice)


def _directory_articles(path: Path, label: str, on_notice: Callable[[Notice], object]) -> Iterator[Article]:
    """The articles of a directory's article files in name order, each file read as it would be
    given alone (a JSONL file's records keep their ids; no cap of a story's 500 articles), then
    the note of the entries skipped. A one-article file that cannot be read (empty, an HTML page
    with no article) is skipped with a note, not the end of the run."""
    files, skipped = directory_files(path)
    for file in files:
        if file.suffix.lower() in {".jsonl", ".json"}:
            yield from read_articles([os.fspath(file)], on_notice=on_notice)
            continue
        try:  # one article per file: read whole before it is yielded, so a failure yields nothing
            articles = list(read_articles([os.fspath(file)], on_notice=on_notice))
        except SourceError as exc:
            # a scrape folder of thousands of pages stopped at its one empty or article-less file
            on_notice(Notice("skipped-file", f"{exc}; skipped"))
            continue
        yield from articles
    for notice in skipped:
        on_notice(notice)


def _story_articles_of(stories: Iterable[Story], on_notice: Callable[[Notice], object]) -> Iterator[Article]:
    """The articles of stories read as ``summarize`` reads them, without their made-up ids."""
    for story in stories:
        for notice in story.notices:
            on_notice(notice)
        yield from (replace(article, id="") for article in story.articles)


def _starts_jsonl(stream: BinaryIO) -> bool:
    """Whether a stream (standard input) starts with a JSONL record, from the bytes it has
    buffered, consuming none: a ``{`` first, and a first line that is a whole JSON value (a
    pretty-printed JSON object breaks its first line after the brace) or longer than the buffer.
    """
    peek = getattr(stream, "peek", None)
    start = (peek(_PEEK_BYTES) if peek is not None else b"").lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
    if not start.startswith(b"{"):
        return False
    first_line, line_break, _ = start.partition(b"\n")
    if not line_break:
        return True
    try:  # its bytes may be cp1252, which the lines' reader decodes: only the shape counts here
        json.loads(first_line.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        return False
    return True


def _jsonl_file_articles(path: Path, label: str, on_notice: Callable[[Notice], object]) -> Iterator[Article]:
    """The articles of a JSONL file, read line by line."""
    try:
        file = path.open("rb")
    except OSError as exc:
        raise SourceError(f"{label}: cannot read ({exc.strerror or exc})") from exc
    with file:
        yield from _jsonl_articles(file, label, on_notice)


def _jsonl_articles(file: BinaryIO, label: str, on_notice: Callable[[Notice], object]) -> Iterator[Article]:
    """The articles of JSONL article or story records, read line by line.

    Each line is decoded as ``read_stories`` decodes it (UTF-8 without a byte-order mark, else
    cp1252 or latin-1; a NUL refused); the lines decoded otherwise are one notice, and a file
    with no records another.
    """
    recoded: list[tuple[int, Notice]] = []  # (line, its notice) of the lines that were not UTF-8
    records = 0
    for line in stream_lines(file, label):
        recoded.extend((line.number, notice) for notice in line.notices)
        if not line.text.strip():
            continue
        records += 1
        record = json_value(line.text, label, line=line.number)
        yield from _record_articles(record, f"{label} line {line.number}", on_notice)
    if recoded:
        on_notice(_recoded_notice(label, recoded))
    if not records:
        on_notice(Notice("empty-file", f"{label}: empty file; no articles read from it"))


def _json_file_articles(path: Path, label: str, on_notice: Callable[[Notice], object]) -> Iterator[Article]:
    """The articles of a JSON file: one article or story record, or an array of them (``item <n>``),
    each record's id its key as on a JSONL line (``read_story`` would make slugs of the ids, and
    refuses several stories)."""
    content, notices = decoded_file(path, label)
    for notice in notices:
        on_notice(notice)
    if not content.strip():
        on_notice(Notice("empty-file", f"{label}: empty file; no articles read from it"))
        return
    value = json_value(content, label)
    if isinstance(value, list):
        for number, record in enumerate(value, 1):
            yield from _record_articles(record, f"{label} item {number}", on_notice)
    else:
        yield from _record_articles(value, label, on_notice)


def _record_articles(record: object, where: str, on_notice: Callable[[Notice], object]) -> Iterator[Article]:
    """The articles of one JSON record: a story's documents, or the article itself."""
    if not isinstance(record, dict):
        raise SourceError(f"{where}: expected a JSON object (got {json_type(record)})")
    if "documents" in record:
        yield from _story_articles(record, where, on_notice)
    elif isinstance(text := record.get("text"), str) and not text.strip():
        # as a story's empty document is: one blank record of a stream stops nothing
        on_notice(Notice("empty-article", f"{where}: skipped an article record with empty text"))
    else:
        yield _article(record, where, default_id="")


def _recoded_notice(label: str, recoded: list[tuple[int, Notice]]) -> Notice:
    """One notice for the lines of a file that were not UTF-8: the line's own, or a count (a
    stream file may have thousands)."""
    first_line, first = recoded[0]
    if len(recoded) == 1:
        return first
    return Notice(
        "decode-fallback",
        f"{label}: {len(recoded)} lines are not valid UTF-8 (the first: line {first_line}); "
        "each was decoded as cp1252 or latin-1",
    )


def _story_articles(
    record: dict[str, object], where: str, on_notice: Callable[[Notice], object]
) -> Iterator[Article]:
    """The non-blank documents of a story record, ids ``<story id>-<n>`` and outlets ``document <n>``
    (as ``read_story`` names them: Multi-News documents are from different outlets) unless they
    carry their own; the blank ones are a notice."""
    documents = record["documents"]
    if not isinstance(documents, list):
        raise SourceError(f'{where}: "documents" must be an array')
    story_id = str(record.get("id") or "")
    titles = titles_field(record, where, len(documents))  # the NeuS roundups' one headline per document
    empty: list[int] = []
    for number, (document, title) in enumerate(zip(documents, titles, strict=True), 1):
        fields = {"text": document} if isinstance(document, str) else document
        if not isinstance(fields, dict):
            raise SourceError(f"{where} document {number}: expected a string or a JSON object")
        if fields.get("title") is None and title is not None:
            fields = {**fields, "title": title}
        text = fields.get("text")
        if isinstance(text, str) and not text.strip():
            empty.append(number)
            continue
        default_id = f"{story_id}-{number}" if story_id else ""
        yield _article(
            fields, f"{where} document {number}", default_id=default_id, default_outlet=f"document {number}"
        )
    for notice in empty_notices(where, empty):
        on_notice(notice)


def _article(fields: dict[str, object], where: str, *, default_id: str, default_outlet: str = "") -> Article:
    """The article of one record; SourceError naming the line when a field is missing or mistyped."""
    text = text_field(fields, where)
    if len(text) > MAX_ARTICLE_CHARS:
        raise SourceError(
            f"{where}: article of {len(text):,} characters is over the limit of {MAX_ARTICLE_CHARS:,}"
        )
    url = string_field(fields, ("url",), where)
    return Article(
        id=id_field(fields, where) or default_id,
        outlet=string_field(fields, ("outlet", "source", "site"), where) or url_host(url) or default_outlet,
        title=" ".join((string_field(fields, ("title",), where) or "").split()),
        url=url,
        published=string_field(fields, ("published", "date"), where),
        text=text.strip(),
        source=where,
    )
