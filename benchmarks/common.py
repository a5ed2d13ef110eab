"""What several benchmark scripts need alike: Multi-News documents and BASIL records as articles,
blingfire's sentences, a free loopback port. One copy here, so that two scripts that read
or score the same data cannot drift apart. Imported as ``common``: ``benchmarks/`` is on
``sys.path`` when a script in it runs.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterable
from pathlib import Path

import blingfire

from newsbrief import Article
from newsbrief.pipeline.clean import clean


def document_articles(documents: Iterable[str]) -> tuple[Article, ...]:
    """The documents of one Multi-News record as articles ``d1``, ``d2``, ... with outlets
    ``document 1``, ``document 2``, ...: uncleaned, blank ones kept, numbered as in the record."""
    return tuple(
        Article(id=f"d{i}", outlet=f"document {i}", title="", url=None, published=None, text=text)
        for i, text in enumerate(documents, start=1)
    )


def cleaned_stories(path: Path) -> list[tuple[str, tuple[Article, ...]]]:
    """The Multi-News records of ``path`` (``data/clusters.jsonl``) as (id, cleaned articles d1,
    d2, ...), as the pipeline reads them: those left empty by cleaning dropped."""
    stories = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles = (clean(article)[0] for article in document_articles(record["documents"]))
        stories.append((record["id"], tuple(article for article in articles if article.text.strip())))
    return stories


def cleaned_leads(documents: Iterable[str]) -> tuple[Article, ...]:
    """The leads of one AllSides roundup as cleaned articles ``d1``, ``d2``, ... (outlets ``o1``,
    ``o2``, ...: the data names none), those left empty by cleaning dropped."""
    cleaned = (
        clean(Article(id=f"d{n}", outlet=f"o{n}", title="", url=None, published=None, text=text))[0]
        for n, text in enumerate(documents, start=1)
    )
    return tuple(article for article in cleaned if article.text.strip())


def basil_article(record: dict[str, str]) -> Article:
    """One record of ``data/stream/basil.jsonl`` as an article, its id the outlet's part of the
    BASIL id ("fox", "nyt", "hpo"), with its outlet, title and publication date; uncleaned."""
    return Article(
        id=record["id"].rsplit("-", 1)[-1],
        outlet=record["outlet"],
        title=record.get("title", ""),
        url=None,
        published=record.get("published"),
        text=record["text"],
    )


def sentences_of(text: str) -> list[str]:
    """Sentences by blingfire, one per line of its output, white space folded first."""
    return [line for line in blingfire.text_to_sentences(" ".join(text.split())).split("\n") if line.strip()]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
