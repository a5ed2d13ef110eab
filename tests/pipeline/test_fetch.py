"""The server's URL fetch refuses every address that is not public, also after redirects and DNS.

A real ``http.server`` on loopback stands in for the web: a fake resolver says that
``news.example`` is at a public address and a fake connector sends that connection to the local
server, so the happy path runs without a network, while the checks see the addresses a real
resolver would give.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator, Sequence
from functools import partial

import pytest

# a real HTTP server on loopback and a fetch that reaches it as if it were public (tests/ is on sys.path)
from local_web import ALEPPO_LINE, NPR_HTML, PUBLIC, fetch_via, serve_locally
from newsbrief.errors import SourceError
from newsbrief.pipeline.fetch import blocked_reason, fetch


@pytest.fixture(scope="module")
def local_server() -> Iterator[int]:
    yield from serve_locally()


@pytest.mark.parametrize(
    "address, reason",
    [
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.4", "private"),
        ("172.31.255.255", "private"),
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("169.254.169.254", "cloud metadata"),
        ("169.254.1.1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "shared"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fc00::1", "private"),
        ("fd00:ec2::254", "cloud metadata"),
        ("fe80::1%eth0", "link-local"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback (inside an IPv6 address)"),
        ("::ffff:10.0.0.1", "private (inside an IPv6 address)"),
        ("64:ff9b::7f00:1", "loopback (inside an IPv6 address)"),
        ("2002:c0a8:0101::1", "private (inside an IPv6 address)"),
        ("localhost", "not an IP address"),
    ],
)
def test_blocked_reason_names_why_an_address_is_refused(address: str, reason: str) -> None:
    assert blocked_reason(address) == reason


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_blocked_reason_lets_public_addresses_through(address: str) -> None:
    assert blocked_reason(address) is None


def test_fetch_connects_to_the_checked_address_and_sends_the_host(local_server: int) -> None:
    connected: list[str] = []
    fetched = fetch_via(local_server, "http://news.example:8080/host", connected)
    assert connected == [PUBLIC]
    assert fetched.body == b"news.example:8080"
    assert (fetched.url, fetched.host, fetched.content_type) == (
        "http://news.example:8080/host",
        "news.example",
        "text/plain",
    )


def test_fetch_reads_an_html_page_with_its_charset(local_server: int) -> None:
    fetched = fetch_via(local_server, "http://www.news.example/article")
    assert fetched.content_type == "text/html"
    assert fetched.charset == "utf-8"
    assert fetched.host == "news.example"
    assert fetched.body == NPR_HTML


def test_fetch_follows_a_redirect_to_another_public_host(local_server: int) -> None:
    fetched = fetch_via(local_server, "http://news.example/redirect?to=http://www.news.example/text")
    assert fetched.url == "http://www.news.example/text"
    assert fetched.body == ALEPPO_LINE


@pytest.mark.parametrize(
    "target, reason",
    [
        ("http://127.0.0.1/article", ": 127.0.0.1 is a loopback address"),
        ("http://[::1]/article", ": ::1 is a loopback address"),
        ("http://metadata.example/latest/meta-data/", "169.254.169.254, a cloud metadata address"),
        ("http://rebind.example/article", "rebind.example is at 10.0.0.7, a private address"),
        ("file:///etc/passwd", "only http and https URLs are fetched"),
    ],
)
def test_fetch_refuses_a_redirect_to_a_private_target(local_server: int, target: str, reason: str) -> None:
    connected: list[str] = []
    with pytest.raises(SourceError, match=reason.replace("[", r"\[").replace(".", r"\.")):
        fetch_via(local_server, f"http://news.example/redirect?to={target}", connected)
    assert connected == [PUBLIC]  # the first hop only: the refused one never connects


def test_fetch_refuses_a_host_with_any_private_address_before_connecting(local_server: int) -> None:
    connected: list[str] = []
    with pytest.raises(SourceError, match=r"refused to fetch http://rebind\.example/text: .* 10\.0\.0\.7"):
        fetch_via(local_server, "http://rebind.example/text", connected)
    assert connected == []


def test_fetch_refuses_the_real_loopback_server(local_server: int) -> None:
    with pytest.raises(SourceError, match="a loopback address"):
        fetch(f"http://127.0.0.1:{local_server}/article")
    with pytest.raises(SourceError, match="a loopback address"):
        fetch(f"http://localhost:{local_server}/article")


@pytest.mark.parametrize(
    "url, message",
    [
        ("file:///etc/passwd", "only http and https"),
        ("/etc/passwd", "only http and https"),
        ("ftp://news.example/a.txt", "only http and https"),
        ("gopher://127.0.0.1:6379/_INFO", "only http and https"),
        ("http://user:secret@news.example/", "user name or password"),
        ("http:///article", "no host name"),
        ("http://news.example:99999/", "not a valid URL"),
        ("http://2130706433/", "127.0.0.1, a loopback address"),
        ("http://0x7f.1/", "127.0.0.1, a loopback address"),
    ],
)
def test_fetch_refuses_urls_that_are_not_public_http(url: str, message: str) -> None:
    def resolve(host: str, port: int) -> Sequence[str]:
        # what glibc's resolver makes of the numeric forms
        return {"2130706433": ["127.0.0.1"], "0x7f.1": ["127.0.0.1"]}.get(host, [PUBLIC])

    def never(address: tuple[str, int], timeout: float) -> socket.socket:
        raise AssertionError("a refused URL must not connect")

    with pytest.raises(SourceError, match=message):
        fetch(url, resolve=resolve, connect=never)


def test_fetch_stops_after_five_redirects(local_server: int) -> None:
    connected: list[str] = []
    with pytest.raises(SourceError, match="more than 5 redirects"):
        fetch_via(local_server, "http://news.example/loop", connected)
    assert len(connected) == 6


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_fetch_stops_reading_at_the_size_cap(local_server: int, path: str) -> None:
    with pytest.raises(SourceError, match="larger than the limit of 1,000 bytes"):
        fetch_via(local_server, f"http://news.example{path}", max_bytes=1000)


def test_fetch_reports_an_http_error_status(local_server: int) -> None:
    with pytest.raises(SourceError, match=r"cannot fetch http://news\.example/missing: HTTP 404"):
        fetch_via(local_server, "http://news.example/missing")


def test_fetch_gives_up_at_the_deadline() -> None:
    # a listener that accepts nothing: the connection waits in the backlog and no byte ever comes
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        with pytest.raises(SourceError, match="timed out"):
            fetch_via(port, "http://news.example/article", timeout_s=0.2)


def test_the_system_resolver_checks_localhost() -> None:
    fetcher = partial(fetch, timeout_s=1.0)
    with pytest.raises(SourceError, match="loopback"):
        fetcher("http://localhost/")
