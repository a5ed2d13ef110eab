"""Per-article latency of ``newsbrief.stream.feeds.watch`` on a 200-entry RSS feed served on loopback.

    python benchmarks/feeds.py [--articles 200] [--basil benchmarks/data/stream/basil.jsonl]

A real ``http.server`` on 127.0.0.1 serves one RSS 2.0 feed of ``--articles`` entries and one
HTML page per entry, made from the BASIL articles (full texts, about 640 words each) in the
same page template as ``tests/fixtures/stream/pages``. ``watch`` runs two rounds with the
``add`` of ``newsbrief watch``: a ``Clusterer`` on a new SQLite file (one transaction per
article); the second round finds every entry already seen. Reported per article, nearest-rank
p50 / p99 / max:

- processing: the page's decoding and main-text extraction (trafilatura) into an Article, plus
  clustering and storing it; the network is excluded;
- the feed's parse (feedparser) shared out over its entries;
- the page fetch over loopback (``pipeline.fetch`` with its SSRF checks), apart, and the two
  summed per article.

trafilatura is imported before timing (its first import costs about a fifth of a second, once
per process); that cost is printed apart, as is the start-up: making the ``Clusterer``, which
imports numba and compiles the stream's kernels or loads them from numba's cache (set
``NUMBA_CACHE_DIR`` to an empty folder to time the first run after an install). Times depend on
the machine and its load.
"""

from __future__ import annotations

import argparse
import html
import json
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from newsbrief.pipeline.fetch import Fetched, fetch
from newsbrief.stream import Clusterer, Store
from newsbrief.stream.feeds import percentile, read_entries, watch

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASIL = ROOT / "benchmarks" / "data" / "stream" / "basil.jsonl"
PUBLIC = "93.184.216.34"  # what the fake resolver answers, so that fetch's address checks pass


def page_html(record: dict[str, str]) -> bytes:
    """A news page around one BASIL article: head metadata, navigation, the paragraphs, a footer."""
    title = html.escape(record["title"] or "Untitled")
    paragraphs = "\n".join(
        f"      <p>{html.escape(paragraph.strip(), quote=False)}</p>"
        for paragraph in record["text"].split("\n\n")
        if paragraph.strip()
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - {record["outlet"]}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{record["outlet"]}">
<meta property="article:published_time" content="{record["published"]}T12:00:00Z"></head>
<body><header><nav><ul><li><a href="/politics/">Politics</a></li><li><a href="/us/">U.S.</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
{paragraphs}
</article></main><footer><p>Copyright {record["outlet"]}. All rights reserved.</p></footer></body></html>
""".encode()


def feed_xml(records: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed with one item per record, linking to /pages/N.html."""
    items = []
    for number, record in enumerate(records):
        published = format_datetime(datetime.fromisoformat(record["published"]).replace(tzinfo=UTC))
        lead = record["text"].split("\n\n", 1)[0]
        items.append(
            f"<item><title>{escape(record['title'])}</title>"
            f"<link>http://news.example/pages/{number}.html</link>"
            f'<guid isPermaLink="false">{escape(record["id"])}</guid>'
            f"<pubDate>{published}</pubDate><description>{escape(lead)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>BASIL wire</title>'
        f"<link>http://news.example/</link><description>benchmark</description>{''.join(items)}"
        "</channel></rss>"
    ).encode()


@contextmanager
def serve(routes: dict[str, bytes]) -> Iterator[int]:
    """The port of a loopback server answering the routes (200) and anything else with 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = routes.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header(
                "Content-Type", "application/rss+xml" if self.path.endswith(".xml") else "text/html"
            )
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    args = parser.parse_args()
    lines = args.basil.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines[: args.articles]]
    routes = {f"/pages/{number}.html": page_html(record) for number, record in enumerate(records)}
    routes["/feed.xml"] = feed_xml(records)

    started = time.perf_counter()
    import trafilatura  # noqa: F401  # timed apart: a once-per-process cost

    import_s = time.perf_counter() - started

    with serve(routes) as port:

        def get(url: str) -> Fetched:
            def connect(address: tuple[str, int], timeout: float) -> socket.socket:
                return socket.create_connection(("127.0.0.1", port), timeout)

            return fetch(url, resolve=lambda host, port_: [PUBLIC], connect=connect)

        feed_url = "http://news.example/feed.xml"
        feed_bytes = len(routes["/feed.xml"])
        get(feed_url)  # warm the server and the socket path
        feed_times = []
        for _ in range(3):  # the first read also pays feedparser's first-call costs
            parse_started = time.perf_counter()
            entries = read_entries(feed_url, get=get)
            feed_times.append(time.perf_counter() - parse_started)
        with tempfile.TemporaryDirectory() as folder:
            started, started_cpu = time.perf_counter(), time.process_time()
            clusterer = Clusterer(Store(Path(folder) / "watch.sqlite"))
            startup_s, startup_cpu_s = time.perf_counter() - started, time.process_time() - started_cpu
            report = watch(
                [feed_url], clusterer.add, every_minutes=1, rounds=2, get=get, sleep=lambda s: None
            )
            clusterer.close()

    first, second = report.rounds
    processing = [article.processing_s * 1000 for article in first.added]
    fetching = [article.fetch_s * 1000 for article in first.added]
    page_kib = (
        sum(len(body) for path, body in routes.items() if path.startswith("/pages/")) / len(records) / 1024
    )
    print(f"feed: {len(entries)} entries, {feed_bytes / 1024:.0f} KiB; pages: mean {page_kib:.1f} KiB")
    print(
        f"round 1: {len(first.added)} added, {len(first.notes)} notes; round 2: {second.skipped_seen} already seen, {len(second.added)} added"
    )
    print()
    print("| per article (ms) | p50 | p99 | max |")
    print("| --- | ---: | ---: | ---: |")
    for name, values in (
        ("processing (extract + cluster + store), network excluded", processing),
        ("page fetch over loopback", fetching),
        (
            "both (fetch included)",
            [done + fetched for done, fetched in zip(processing, fetching, strict=True)],
        ),
    ):
        print(
            f"| {name} | {percentile(values, 0.5):.1f} | {percentile(values, 0.99):.1f} | {max(values):.1f} |"
        )
    feed_s = min(feed_times)
    print(
        f"| feed fetch + parse, shared out per entry (best of 3) | {feed_s * 1000 / len(entries):.2f} | | |"
    )
    print()
    print(
        f"trafilatura import (once per process): {import_s * 1000:.0f} ms; whole feed fetch + parse: first {feed_times[0] * 1000:.0f} ms, best of 3 {feed_s * 1000:.0f} ms"
    )
    print(
        f"start-up, the Clusterer made (numba imported, the kernels compiled or loaded from its cache): {startup_s:.2f} s wall, {startup_cpu_s:.2f} s CPU"
    )


if __name__ == "__main__":
    main()
