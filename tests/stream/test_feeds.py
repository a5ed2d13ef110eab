"""RSS/Atom feeds and ``watch``, against a real HTTP server on loopback serving real articles.

The feeds name their pages at ``news.example``; ``fetch_via`` resolves that host to a public
address (so the SSRF checks run as in production) and lands every connection on the local server.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from local_web import QuietHandler, fetch_via, serve_locally
from newsbrief.cli import app
from newsbrief.errors import OptionError, SourceError
from newsbrief.model import Article, Notice
from newsbrief.pipeline.fetch import Fetched
from newsbrief.stream.feeds import (
    FeedEntry,
    fetch_article,
    is_feed,
    percentile,
    read_entries,
    read_feed,
    read_feed_list,
    watch,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
STREAM = FIXTURES / "stream"
SITE = "http://news.example"
RSS, ATOM, MALFORMED, FLAKY = (f"{SITE}/feeds/{name}.xml" for name in ("rss", "atom", "malformed", "flaky"))
NYT_KEY = "https://www.nytimes.com/2010/05/18/nyregion/18blumenthal.html"
SESTAK_KEY = "https://www.nytimes.com/2010/05/29/us/politics/29sestak.html"
NPR_KEY = "tag:npr.org,2016-10-05:496748227"
FOX_KEY = "foxnews-politics-2010-05-18-blumenthal"

_PAGES = {
    "/pages/npr.html": FIXTURES / "ingest" / "npr.html",
    "/pages/blumenthal-nyt.html": STREAM / "pages" / "blumenthal-nyt.html",
    "/pages/blumenthal-fox.html": STREAM / "pages" / "blumenthal-fox.html",
}
_FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "flaky": "application/rss+xml"}


class _Site(QuietHandler):
    """Feeds at /feeds/NAME.xml (flaky.xml answers 500 the first time), pages at /pages/; the rest 404."""

    hits: Counter[str]

    def do_GET(self) -> None:  # noqa: N802 (http.server calls it by this name)
        self.hits[self.path] += 1
        name = self.path.removeprefix("/feeds/").removesuffix(".xml")
        if self.path == "/feeds/flaky.xml" and self.hits[self.path] == 1:
            self.reply(500, "text/plain", b"upstream timed out")
        elif self.path == "/feeds/cyrillic.xml":  # no XML declaration: only the HTTP header names the charset
            atom = (
                (STREAM / "atom.xml").read_text().split("\n", 1)[1].replace("NPR : Parallels", "РИА Новости")
            )
            self.reply(200, "application/atom+xml; charset=windows-1251", atom.encode("windows-1251"))
        elif self.path.startswith("/feeds/") and (STREAM / f"{name}.xml").is_file():
            self.reply(200, _FEED_TYPES.get(name, "text/xml"), (STREAM / f"{name}.xml").read_bytes())
        elif self.path in _PAGES:
            self.reply(200, "text/html; charset=utf-8", _PAGES[self.path].read_bytes())
        else:
            self.reply(404, "text/html", b"<html><body><h1>Page not found</h1></body></html>")


class _Web:
    """The running site: ``get`` fetches from it as if it were public, ``hits`` counts requests by path."""

    def __init__(self, port: int, hits: Counter[str]) -> None:
        self.port = port
        self.hits = hits

    def get(self, url: str) -> Fetched:
        return fetch_via(self.port, url)


@pytest.fixture
def web() -> Iterator[_Web]:
    hits: Counter[str] = Counter()
    for port in serve_locally(type("Site", (_Site,), {"hits": hits})):
        yield _Web(port, hits)


def by_id(articles: tuple[Article, ...] | list[Article]) -> dict[str, Article]:
    return {article.id: article for article in articles}


def test_rss_entries_become_articles_with_their_pages_text(web: _Web) -> None:
    articles = by_id(read_feed(RSS, get=web.get))
    assert list(articles) == [NYT_KEY, SESTAK_KEY]
    nyt = articles[NYT_KEY]
    assert nyt.title == "Richard Blumenthal's Words on Vietnam Service Differ From History"
    assert nyt.outlet == "NYT > Politics"
    assert nyt.url == f"{SITE}/pages/blumenthal-nyt.html"
    assert nyt.published == "2010-05-18T02:51:00+00:00"  # Mon, 17 May 2010 22:51:00 -0400
    # a paragraph of the page that the feed's description does not hold
    assert "He obtained at least five military deferments from 1965 to 1970" in nyt.text
    assert "Copyright 2010" not in nyt.text
    assert "Opinion" not in nyt.text.split("\n\n")[0]


def test_a_page_that_fails_falls_back_to_the_entry_summary(web: _Web) -> None:
    sestak = by_id(read_feed(RSS, get=web.get))[SESTAK_KEY]
    assert sestak.text.startswith("President Obama’s chief of staff used former President Bill Clinton")
    assert sestak.text.endswith("the White House said in a statement.")
    assert "\n\n" in sestak.text  # the description's two <p> stay two paragraphs
    assert "<p>" not in sestak.text
    assert web.hits["/pages/sestak-nyt.html"] == 1


def test_what_a_feed_leaves_out_or_stands_in_is_a_notice(web: _Web) -> None:
    notices: list[Notice] = []
    articles = read_feed(RSS, get=web.get, on_notice=notices.append)
    assert [article.id for article in articles] == [NYT_KEY, SESTAK_KEY]
    (stand_in,) = notices  # the Sestak page is missing: its entry's summary is the text
    assert stand_in.code == "summary-for-page"
    assert stand_in.article_ids == (SESTAK_KEY,)
    assert "entry 2: the entry's summary stands in for its page" in stand_in.message


def test_feeds_are_told_from_pages_by_their_root_element() -> None:
    assert is_feed(str(STREAM / "rss.xml"))
    assert is_feed(str(STREAM / "atom.xml"))
    assert is_feed(f"{SITE}/any/path")  # a URL given to `cluster` is a feed's
    assert not is_feed(str(FIXTURES / "ingest" / "npr.html"))
    assert not is_feed(str(STREAM / "basil-24.jsonl"))
    assert not is_feed(str(STREAM))  # a folder


def test_atom_entry_with_only_an_updated_date(web: _Web) -> None:
    (npr,) = read_feed(ATOM, get=web.get)
    assert npr.id == NPR_KEY
    assert npr.outlet == "NPR : Parallels"
    assert npr.published == "2016-10-05T20:12:00+00:00"
    assert "says analyst Jennifer Cafarella with the Washington, D.C.-based Institute" in npr.text
    assert "Arts & Life" not in npr.text


def test_an_entry_whose_id_is_no_web_address_has_no_link(tmp_path: Path) -> None:
    """feedparser copies an entry's id into its link when it has no link of its own; a ``urn:``
    id or a bare RSS guid was then fetched as a page and kept as the article's URL."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<id>urn:uuid:feed</id><updated>2016-10-05T20:12:00Z</updated>"
        "<entry><title>Aleppo</title><id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>"
        "<updated>2016-10-05T20:12:00Z</updated><summary>For two weeks, a battle has raged in Aleppo.</summary></entry>"
        "<entry><title>Aleppo, later</title><id>https://news.example/pages/npr.html</id>"
        "<updated>2016-10-06T20:12:00Z</updated><summary>The city is a key prize in the civil war.</summary></entry>"
        "</feed>",
        encoding="utf-8",
    )
    by_key = {entry.key: entry for entry in read_entries(str(feed))}
    assert by_key["urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6"].url is None
    assert by_key["https://news.example/pages/npr.html"].url == "https://news.example/pages/npr.html"


def test_the_charset_of_the_http_header_decodes_the_feed(web: _Web) -> None:
    (entry,) = read_entries(f"{SITE}/feeds/cyrillic.xml", get=web.get)
    assert entry.outlet == "РИА Новости"


def test_a_feed_file_is_read_and_its_links_fetched(web: _Web) -> None:
    (fox,) = read_feed(str(STREAM / "flaky.xml"), get=web.get)
    assert fox.id == FOX_KEY
    assert fox.outlet == "Fox News Politics"
    assert fox.published == "2010-05-18T13:30:00+00:00"
    assert "John Cornyn" in fox.text  # from the page, not in the feed's description
    assert fox.source.endswith("flaky.xml entry 1")


@pytest.mark.parametrize("feed", [MALFORMED, str(STREAM / "malformed.xml"), f"{SITE}/pages/npr.html"])
def test_a_malformed_feed_is_a_source_error(web: _Web, feed: str) -> None:
    with pytest.raises(SourceError, match="not a readable RSS or Atom feed"):
        read_entries(feed, get=web.get)


@pytest.mark.parametrize("content_type", ["text/html", "text/html; charset=utf-8"])
def test_issue_walk_a_page_given_as_a_feed_is_said_to_be_a_page(
    web: _Web, tmp_path: Path, content_type: str
) -> None:
    """An article's page given as a feed, by URL (served without a charset, as python -m
    http.server serves it) or as a file: the reason says it is a page, not feedparser's 'no
    Content-type specified' or 'no RSS or Atom elements'."""

    class _Page(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server calls it by this name)
            self.reply(200, content_type, (FIXTURES / "ingest" / "npr.html").read_bytes())

    server = serve_locally(_Page)
    port = next(server)
    try:
        with pytest.raises(SourceError) as by_url:
            read_entries(f"{SITE}/story.html", get=lambda url: fetch_via(port, url))
    finally:
        server.close()
    page = tmp_path / "story.html"
    page.write_bytes((FIXTURES / "ingest" / "npr.html").read_bytes())
    with pytest.raises(SourceError) as by_file:
        read_entries(str(page))
    reason = "not a readable RSS or Atom feed (an HTML page: give the address of the site's RSS or Atom feed)"
    assert str(by_url.value) == f"{SITE}/story.html: {reason}"
    assert str(by_file.value) == f"{page}: {reason}"


def test_issue_walk_a_feed_cut_off_mid_entry_is_read_with_a_note(web: _Web, tmp_path: Path) -> None:
    """A feed whose XML breaks off in its second entry (a truncated download): feedparser keeps
    the first, and that the rest is missing was said nowhere; now a note says it, to
    ``read_feed``'s caller and in a watch round's notes."""
    rss = (STREAM / "rss.xml").read_text(encoding="utf-8")
    first_end = rss.index("</item>") + len("</item>")
    cut = tmp_path / "cut.xml"
    cut.write_text(rss[:first_end] + "<item><title>Sestak", encoding="utf-8")
    notices: list[Notice] = []
    articles = read_feed(str(cut), get=web.get, on_notice=notices.append)
    assert len(articles) == 1
    fault = [notice.message for notice in notices if notice.code == "feed-cut-off"]
    assert len(fault) == 1
    assert fault[0].startswith(f"{cut}: not well-formed XML (")
    assert fault[0].endswith("); the 1 entry read before it was kept, any after it are missing")
    report = watch([str(cut)], lambda article: None, every_minutes=1, rounds=1, get=web.get)
    assert fault[0] in report.rounds[0].notes


def test_a_feed_that_is_down_is_a_source_error(web: _Web) -> None:
    with pytest.raises(SourceError, match="HTTP 500"):
        read_entries(FLAKY, get=web.get)


def test_feedparser_never_opens_what_the_feed_names(web: _Web, tmp_path: Path) -> None:
    """The bytes reach feedparser as a stream: a feed whose content is a path is not opened as one."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes((STREAM / "rss.xml").read_bytes())
    fake = tmp_path / "feed.xml"
    fake.write_text(str(secret))
    with pytest.raises(SourceError, match="not a readable RSS or Atom feed"):
        read_entries(str(fake), get=web.get)


def test_watch_retries_a_feed_that_was_down_and_adds_nothing_twice(web: _Web) -> None:
    added: list[Article] = []
    slept: list[float] = []

    def add(article: Article) -> str:
        added.append(article)
        return f"story-{article.outlet}"

    report = watch(
        [RSS, ATOM, MALFORMED, FLAKY], add, every_minutes=5, rounds=2, get=web.get, sleep=slept.append
    )
    first, second = report.rounds
    assert slept == [300.0]
    assert first.feeds_ok == (RSS, ATOM)
    assert [failure.feed for failure in first.feeds_failed] == [MALFORMED, FLAKY]
    assert "HTTP 500" in first.feeds_failed[1].reason
    assert [article.key for article in first.added] == [NYT_KEY, SESTAK_KEY, NPR_KEY]
    assert first.stories == ("story-NYT > Politics", "story-NPR : Parallels")
    assert [article.from_summary for article in first.added] == [False, True, False]
    assert [article.fetched for article in first.added] == [True, False, True]  # the second page: HTTP 404
    (note,) = first.notes
    assert "rss.xml entry 2" in note and "summary stands in" in note and "HTTP 404" in note

    assert second.feeds_ok == (RSS, ATOM, FLAKY)
    assert [failure.feed for failure in second.feeds_failed] == [MALFORMED]
    assert [article.key for article in second.added] == [FOX_KEY]
    assert second.skipped_seen == 3
    assert "John Cornyn" in added[-1].text

    assert [article.id for article in added] == [NYT_KEY, SESTAK_KEY, NPR_KEY, FOX_KEY]
    assert web.hits["/pages/blumenthal-nyt.html"] == 1  # seen entries are not fetched again
    assert web.hits["/feeds/rss.xml"] == 2
    assert not report.interrupted
    assert all(article.fetch_s > 0 and article.extract_s > 0 for article in report.added)


def test_a_watch_restarted_on_its_store_fetches_and_counts_nothing_again(web: _Web, tmp_path: Path) -> None:
    """The entries a first watch stored are, to a second watch on the same file, already seen:
    not fetched again and not reported as new articles."""
    from newsbrief.stream import Clusterer, Store

    reports = []
    for _ in range(2):
        clusterer = Clusterer(Store(tmp_path / "stories.sqlite"))
        reports.append(watch([RSS], clusterer.add, every_minutes=1, rounds=1, get=web.get, known=clusterer))
        clusterer.close()
    first, second = reports
    assert [article.key for article in first.added] == [NYT_KEY, SESTAK_KEY]
    assert second.added == ()
    assert second.skipped_seen == 2
    assert web.hits["/pages/blumenthal-nyt.html"] == 1
    assert web.hits["/feeds/rss.xml"] == 2


def test_ctrl_c_between_rounds_ends_the_watch_with_its_report(web: _Web) -> None:
    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    report = watch([ATOM], lambda article: None, every_minutes=1, get=web.get, sleep=interrupt)
    assert report.interrupted
    assert len(report.rounds) == 1
    assert [article.key for article in report.added] == [NPR_KEY]
    assert report.added[0].story == ""


def test_ctrl_c_inside_a_round_keeps_what_it_added(web: _Web) -> None:
    def add(article: Article) -> str:
        if article.id == SESTAK_KEY:
            raise KeyboardInterrupt
        return "s1"

    report = watch([RSS], add, every_minutes=1, get=web.get, sleep=lambda seconds: None)
    assert report.interrupted
    assert [article.key for article in report.added] == [NYT_KEY]


def test_issue_ctrl_c_inside_a_numba_kernel_ends_the_watch_as_ctrl_c_does(web: _Web) -> None:
    """A Ctrl-C landing inside a numba kernel of the clusterer reaches Python as the SystemError
    CPython raises for a compiled function that returned with the interrupt set (seen in a real
    watch: merge_dots, its direct cause the KeyboardInterrupt); the watch took it for a bug
    ('internal error', exit 1) instead of stopping with its report."""

    def add(article: Article) -> str:
        if article.id == SESTAK_KEY:
            raise SystemError(
                "CPUDispatcher(<function merge_dots>) returned a result with an exception set"
            ) from KeyboardInterrupt()
        return "s1"

    report = watch([RSS], add, every_minutes=1, get=web.get, sleep=lambda seconds: None)
    assert report.interrupted
    assert [article.key for article in report.added] == [NYT_KEY]

    def broken(article: Article) -> str:
        raise SystemError("a bug, not an interrupt")

    with pytest.raises(SystemError):
        watch([RSS], broken, every_minutes=1, get=web.get, sleep=lambda seconds: None)


def test_an_entry_without_any_text_is_reported_and_tried_again(web: _Web, tmp_path: Path) -> None:
    feed = tmp_path / "bare.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Bare</title>'
        f"<item><title>Gone</title><link>{SITE}/pages/gone.html</link></item></channel></rss>"
    )
    report = watch(
        [str(feed)], lambda article: "s", every_minutes=1, rounds=2, get=web.get, sleep=lambda s: None
    )
    for round_report in report.rounds:
        assert not round_report.added
        (note,) = round_report.notes
        assert "bare.xml entry 1: no text" in note and "HTTP 404" in note and "tried again" in note
    assert web.hits["/pages/gone.html"] == 2


def test_an_article_the_store_refuses_is_a_note_not_a_crash(web: _Web) -> None:
    def add(article: Article) -> str:
        raise SourceError(f"{article.id}: already stored with another text")

    report = watch([ATOM], add, every_minutes=1, rounds=2, get=web.get, sleep=lambda s: None)
    assert not report.added
    assert "not added" in report.rounds[0].notes[0]
    assert report.rounds[1].skipped_seen == 1


@pytest.mark.parametrize(("every", "rounds"), [(0, 1), (-1, 1), (float("nan"), 1), (5, 0)])
def test_watch_refuses_a_bad_schedule(every: float, rounds: int) -> None:
    with pytest.raises(OptionError):
        watch([RSS], lambda article: None, every_minutes=every, rounds=rounds)


def test_fetch_article_uses_the_page_and_keeps_the_entry_fields(web: _Web) -> None:
    entry = FeedEntry(
        key="k1",
        title="",
        url=f"{SITE}/pages/npr.html",
        published=None,
        outlet="npr.org",
        summary="",
        source="test entry",
    )
    article = fetch_article(entry, web.get)
    assert article.id == "k1"
    assert article.title == "Battle For Aleppo Is A Key Test In Syria's Civil War"  # the page's
    assert article.published == "2016-10-05"  # the page's date, when the entry has none
    assert article.outlet == "npr.org"


def test_a_refused_address_falls_back_to_the_summary() -> None:
    """The default fetch refuses loopback: the summary stands in, with the reason logged."""
    entry = FeedEntry("k", "t", "http://127.0.0.1:9/x", None, "o", "Summary text.", "test entry")
    assert fetch_article(entry).text == "Summary text."


def test_feed_list_skips_comments_and_resolves_files(tmp_path: Path) -> None:
    (tmp_path / "local.xml").write_bytes((STREAM / "atom.xml").read_bytes())
    listing = tmp_path / "FEEDS.txt"
    listing.write_text(f"# politics\n\n{RSS}\n  local.xml  \n{RSS}\n")
    assert read_feed_list(listing) == (RSS, str(tmp_path / "local.xml"))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("ftp://news.example/feed.xml", "only http and https"),
        ("missing.xml", "no such feed file: missing.xml"),
        (f"{RSS} {ATOM}", "one feed URL or file per line"),
        ("http://[::1/feed.xml", r"not a valid URL \(Invalid IPv6 URL\)"),
        ("https://news.example:99999/feed.xml", r"not a valid URL \(Port out of range"),
    ],
)
def test_a_bad_feed_list_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    listing = tmp_path / "FEEDS.txt"
    listing.write_text(f"# feeds\n{RSS}\n{line}\n")
    with pytest.raises(SourceError, match=f"FEEDS.txt line 3: {message}"):
        read_feed_list(listing)


def test_issue_walk_a_feed_list_line_naming_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    listing = tmp_path / "FEEDS.txt"
    listing.write_text("feeds\n")
    with pytest.raises(SourceError) as refused:
        read_feed_list(listing)
    assert str(refused.value) == f"{listing} line 1: feeds is a folder; name one feed file per line"


def test_issue_a_missing_feed_list_is_worded_as_any_missing_file(tmp_path: Path) -> None:
    """It said 'FEEDS.txt: cannot read (No such file or directory)' and, for a folder, '(Is a
    directory)', where every other missing input is 'no such file: …'."""
    with pytest.raises(SourceError) as caught:
        read_feed_list(tmp_path / "FEEDS.txt")
    assert str(caught.value) == f"no such file: {tmp_path / 'FEEDS.txt'}"
    with pytest.raises(SourceError) as caught:
        read_feed_list(tmp_path)
    assert str(caught.value) == f"{tmp_path}: a folder; give a file naming one feed per line"


def test_an_empty_feed_list_is_an_error(tmp_path: Path) -> None:
    listing = tmp_path / "FEEDS.txt"
    listing.write_text("# nothing yet\n")
    with pytest.raises(SourceError, match="no feeds"):
        read_feed_list(listing)


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        ([], 0.5, 0.0),
        ([3.0], 0.99, 3.0),
        ([4.0, 1.0, 3.0, 2.0], 0.5, 2.0),
        ([float(v) for v in range(1, 101)], 0.99, 99.0),
    ],
)
def test_percentile_is_nearest_rank(values: list[float], fraction: float, expected: float) -> None:
    assert percentile(values, fraction) == expected


def test_cli_watch_bad_feed_list_is_one_line_and_exit_2(tmp_path: Path) -> None:
    listing = tmp_path / "FEEDS.txt"
    listing.write_text("gopher://old.example/feed\n")
    result = CliRunner().invoke(app, ["watch", str(listing), "--db", str(tmp_path / "s.db"), "--rounds", "1"])
    assert result.exit_code == 2
    assert "FEEDS.txt line 1: only http and https" in result.output
    assert "Traceback" not in result.output


def test_cli_watch_clusters_a_feed_file(tmp_path: Path) -> None:
    pytest.importorskip("newsbrief.stream.cluster")
    feed = tmp_path / "feed.xml"
    # links at a loopback address: the CLI's fetch refuses them, so the summaries stand in
    feed.write_text(
        (STREAM / "rss.xml").read_text().replace("http://news.example/pages/", "http://127.0.0.1:9/")
    )
    listing = tmp_path / "FEEDS.txt"
    listing.write_text("feed.xml\n")
    arguments = ["watch", str(listing), "--db", str(tmp_path / "s.db"), "--rounds", "1"]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "round 1: 1 feeds ok, 0 failed, 2 new articles, 0 already seen, 2 stories touched" in result.output
    assert "the entry's summary stands in for its page" in result.output
    assert "watched 1 round: 2 articles added" in result.output
    # issue (page): a fetch refused at once (a loopback address) was timed as a page fetch, p50 0 ms
    assert "page fetch" not in result.output.strip().splitlines()[-1]
    again = CliRunner().invoke(app, arguments)  # restarted on the same store: nothing is new
    assert again.exit_code == 0, again.output
    assert "round 1: 1 feeds ok, 0 failed, 0 new articles, 2 already seen, 0 stories touched" in again.output
    assert "the entry's summary stands in" not in again.output
    # issue (walk): no article, no times ('processing p50 0.0 ms' measured nothing)
    assert again.output.strip().splitlines()[-1] == "watched 1 round: 0 articles added, 2 already seen"


def test_issue_page_the_page_fetch_time_covers_the_pages_fetched(
    web: _Web, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary's page-fetch p50 and p99 counted every try, a page that failed (HTTP 404 here;
    a refused address in 0 ms, a timeout in 10 s) as a page fetched; they cover the pages fetched,
    and say how many."""
    from newsbrief.stream import feeds

    monkeypatch.setattr(feeds, "watch", partial(watch, get=web.get))  # fetched from the local site
    listing = tmp_path / "FEEDS.txt"
    listing.write_text(f"{RSS}\n")
    arguments = ["watch", str(listing), "--db", str(tmp_path / "s.db"), "--rounds", "1"]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "rss.xml entry 2: the entry's summary stands in for its page" in result.output  # HTTP 404
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith(
        "watched 1 round: 2 articles added, 0 already seen; per article processing p50 "
    )
    assert re.search(r", page fetch p50 \d+ ms, p99 \d+ ms \(1 page fetched\)$", summary), summary


GERMAN = (
    "Die Schlacht um Aleppo tobt seit zwei Wochen und erzeugt tragische Bilder von verletzten "
    "Zivilisten in den Trümmern. Die Stadt war einst die bevölkerungsreichste des Landes und "
    "ein Handelszentrum, heute ist sie ein Schlüsselpreis im Bürgerkrieg."
)


def test_issue_watch_notes_undated_and_not_english_articles_as_cluster_does(tmp_path: Path) -> None:
    """``cluster`` notes the articles with no readable date (placed by arrival) and those not in
    English (grouped apart); ``watch`` placed and grouped them silently. Each round now notes its
    own, in the same words, and a round that adds nothing new notes nothing again."""
    rss = (STREAM / "rss.xml").read_text(encoding="utf-8")
    undated = rss.replace("    <pubDate>Fri, 28 May 2010 09:14:00 -0400</pubDate>\n", "")
    german = (
        "    <item>\n      <title>Die Schlacht um Aleppo</title>\n"
        "      <link>http://127.0.0.1:9/zeit</link>\n"
        "      <pubDate>Sun, 21 Feb 2010 10:00:00 +0100</pubDate>\n"
        f"      <description>{GERMAN}</description>\n    </item>\n  </channel>"
    )
    feed = undated.replace("  </channel>", german).replace(
        "http://news.example/pages/", "http://127.0.0.1:9/"
    )
    assert feed.count("<pubDate>") == 2
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    (tmp_path / "FEEDS.txt").write_text("feed.xml\n")
    arguments = ["watch", str(tmp_path / "FEEDS.txt"), "--db", str(tmp_path / "s.db"), "--rounds", "1"]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "round 1: 1 feeds ok, 0 failed, 3 new articles" in result.stdout
    notes = [line for line in result.stderr.splitlines() if "stands in for its page" not in line]
    assert notes == [
        "note: 1 of 3 articles has no readable date: each was placed as if published with the article "
        "before it in the watch",
        "note: 1 article does not look like English: grouped only with articles not in English",
    ]
    again = CliRunner().invoke(app, arguments)  # restarted on its store: nothing new, nothing noted
    assert again.exit_code == 0, again.output
    assert again.stderr == ""


def test_issue_a_round_cut_short_by_ctrl_c_is_printed_with_its_notices(tmp_path: Path) -> None:
    """Ctrl-C inside a round: the articles it had added were stored, but the round was never
    printed, so their notes (here: no readable date) were lost. The cut-short round is printed
    with its notices before the summary line."""
    items = "".join(
        f"<item><title>Budget vote {number} delayed</title><guid>vote-{number}</guid>"
        f"<link>http://127.0.0.1:9/vote-{number}</link><description>The city council delayed budget "
        f"vote number {number} on Tuesday after members asked for more time to read item {number}."
        "</description></item>"
        for number in range(5000)
    )
    (tmp_path / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>City</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    (tmp_path / "FEEDS.txt").write_text("feed.xml\n")
    db = tmp_path / "s.db"
    with subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "watch", "FEEDS.txt", "--db", "s.db", "--rounds", "1"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(FIXTURES.parents[1] / "src")},
    ) as process:
        while _stored(db) == 0 and process.poll() is None:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    lines = stdout.splitlines()
    assert lines[-1].startswith("stopped by Ctrl-C after 1 round: ")
    added = int(lines[-1].split(": ")[1].split()[0])
    assert 0 < added < 5000  # the round was cut short
    assert lines[0].startswith(f"round 1: 1 feeds ok, 0 failed, {added} new articles")
    verb = "has" if added == 1 else "have"
    assert (
        f"note: {added} of {added} articles {verb} no readable date: each was placed as if published "
        "with the article before it in the watch"
    ) in stderr.splitlines()


def _stored(db: Path) -> int:
    """How many articles the store holds (0 before it has its tables). Read only once the store
    is in WAL mode: a reader while the writer switches to it could make the switch fail."""
    if not db.with_name(db.name + "-wal").exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as reader:
            return int(reader.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_issue_walk_a_watch_that_never_reads_a_feed_ends_with_exit_2(tmp_path: Path) -> None:
    """Every feed failing in every round ended in exit 0, a quiet success for a script polling with
    --rounds; it is one error line and exit 2, after the rounds' own lines."""
    listing = tmp_path / "FEEDS.txt"
    listing.write_text("http://127.0.0.1:9/feed.xml\n")  # a loopback address: refused, so it fails
    result = CliRunner().invoke(app, ["watch", str(listing), "--db", str(tmp_path / "s.db"), "--rounds", "1"])
    assert result.exit_code == 2, result.output
    assert "round 1: 0 feeds ok, 1 failed" in result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last == "error: no feed could be read in 1 round (each failure is above)"
    assert "Traceback" not in result.output
