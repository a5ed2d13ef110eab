"""Fetch a URL for the HTTP server without letting a request reach the server's own network (SSRF).

A URL from a request is fetched only if every hop is safe:

- the scheme is ``http`` or ``https`` (never ``file:``, never a path), with a host and no
  user name or password;
- the host is resolved once, **every** address it resolves to must be public (not loopback,
  private, link-local, multicast, reserved, unspecified, shared or a cloud metadata address,
  also when wrapped in an IPv4-mapped, 6to4, Teredo or NAT64 IPv6 address), and the connection
  goes to the checked address itself, with the host name sent as ``Host`` (and as the TLS server
  name, whose certificate is verified): a second DNS answer cannot swap in a private address
  (DNS rebinding);
- redirects are followed by hand, each new URL checked the same way, at most ``MAX_REDIRECTS``;
- one deadline covers the whole fetch, and at most ``max_bytes`` of the body are read.

Every refusal is a ``SourceError`` with one line naming the URL and the reason.

It fetches every URL that someone other than the user chose: a request's, on the server, and a
feed's and its entries' links, in ``watch`` and ``cluster``. A URL the user names to the command
line or ``read_story`` is fetched by ``ingest.read_url`` as the user's own client, loopback and
private addresses included (a page on the user's machine is theirs to brief): the README's
"Fetching URLs: who may reach what" says which is which, and why.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from newsbrief.errors import SourceError
from newsbrief.pipeline.ingest import FETCH_TIMEOUT_S, USER_AGENT, reason_line

__all__ = [
    "DEFAULT_MAX_FETCH_BYTES",
    "MAX_REDIRECTS",
    "Connector",
    "Fetched",
    "Resolver",
    "blocked_reason",
    "fetch",
    "resolve_host",
]

DEFAULT_MAX_FETCH_BYTES = 5_000_000
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK_BYTES = 65536
_MAX_MESSAGE_URL_CHARS = 200

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
"""(host, port) -> the IP addresses the host resolves to, as strings."""
Connector = Callable[[tuple[str, int], float], socket.socket]
"""((address, port), timeout) -> a connected socket, like ``socket.create_connection``."""

# Cloud metadata services (AWS, GCP, Azure, OpenStack on 169.254.169.254; AWS IPv6 on fd00:ec2::254).
# Both fall in blocked ranges already; naming them makes the refusal say what was at stake.
_METADATA = frozenset({ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")})
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: the final URL after redirects, its host, media type, charset and body."""

    url: str
    host: str
    content_type: str
    charset: str | None
    body: bytes


def resolve_host(host: str, port: int) -> tuple[str, ...]:
    """Every address the system resolver gives for host, in its order; SourceError when none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise SourceError(f"cannot resolve {host}: {exc}") from exc
    return tuple(dict.fromkeys(str(info[4][0]) for info in infos))


def blocked_reason(address: str) -> str | None:
    """Why an IP address must not be fetched from ("loopback", "private", ...), or None if public."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return "not an IP address"
    if ip in _METADATA:
        return "cloud metadata"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            reason = blocked_reason(str(embedded))
            return f"{reason} (inside an IPv6 address)" if reason else None
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("shared", isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED),
        ("not public", not ip.is_global),
    )
    return next((reason for reason, hit in checks if hit), None)


def fetch(
    url: str,
    *,
    timeout_s: float = FETCH_TIMEOUT_S,
    max_bytes: int = DEFAULT_MAX_FETCH_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    resolve: Resolver = resolve_host,
    connect: Connector = socket.create_connection,
) -> Fetched:
    """The page at a public http(s) URL, following at most ``max_redirects`` checked redirects.

    ``timeout_s`` bounds the whole fetch, redirects included. ``resolve`` and ``connect`` are
    the system's; tests replace them to reach a local server as if it were public.
    """
    deadline = time.monotonic() + timeout_s
    current = url
    for _ in range(max_redirects + 1):
        host, port, address = _checked_target(current, resolve)
        status, location, response = _request(current, host, port, address, deadline, connect, max_bytes)
        if status in _REDIRECTS and location:
            current = urljoin(current, location)
            continue
        if response is None:
            raise SourceError(f"cannot fetch {_short(url)}: HTTP {status}")
        content_type, charset, body = response
        return Fetched(
            url=current, host=host.removeprefix("www."), content_type=content_type, charset=charset, body=body
        )
    raise SourceError(f"cannot fetch {_short(url)}: more than {max_redirects} redirects")


def _checked_target(url: str, resolve: Resolver) -> tuple[str, int, str]:
    """(host, port, checked address) of a URL; SourceError when the URL or an address is not allowed."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SourceError(f"cannot fetch {_short(url)}: not a valid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise SourceError(f"cannot fetch {_short(url)}: only http and https URLs are fetched")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise SourceError(f"cannot fetch {_short(url)}: no host name")
    if parts.username is not None or parts.password is not None:
        raise SourceError(f"cannot fetch {_short(url)}: a URL with a user name or password is refused")
    port = port or (443 if scheme == "https" else 80)
    addresses = tuple(resolve(host, port))
    if not addresses:
        raise SourceError(f"cannot fetch {_short(url)}: {host} has no address")
    for address in addresses:
        reason = blocked_reason(address)
        if reason:
            where = f"{address} is" if host.strip("[]") == address else f"{host} is at {address},"
            raise SourceError(f"refused to fetch {_short(url)}: {where} a {reason} address")
    return host, port, addresses[0]


def _request(
    url: str,
    host: str,
    port: int,
    address: str,
    deadline: float,
    connect: Connector,
    max_bytes: int,
) -> tuple[int, str | None, tuple[str, str | None, bytes] | None]:
    """(status, Location, (media type, charset, body) for a 200) of one GET to the checked address."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    https = parts.scheme.lower() == "https"
    connection = _PinnedConnection(host, port, address, _remaining(url, deadline), connect, https=https)
    try:
        connection.request(
            "GET",
            path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html, text/plain;q=0.9, */*;q=0.1",
                "Accept-Encoding": "identity",
                "Connection": "close",
            },
        )
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            return response.status, response.getheader("Location"), None
        if response.status != 200:
            return response.status, None, None
        declared = response.getheader("Content-Length")
        if declared and declared.isdecimal() and int(declared) > max_bytes:
            raise SourceError(f"cannot fetch {_short(url)}: larger than the limit of {max_bytes:,} bytes")
        body = _read_body(response, url, deadline, max_bytes, connection)
        return 200, None, (response.headers.get_content_type(), response.headers.get_content_charset(), body)
    except (OSError, http.client.HTTPException) as exc:
        raise SourceError(f"cannot fetch {_short(url)}: {reason_line(exc)}") from exc
    finally:
        connection.close()


def _read_body(
    response: http.client.HTTPResponse,
    url: str,
    deadline: float,
    max_bytes: int,
    connection: _PinnedConnection,
) -> bytes:
    """At most max_bytes of the body; the deadline is checked between chunks (a slow trickle ends)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise SourceError(f"cannot fetch {_short(url)}: larger than the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
        connection.set_timeout(_remaining(url, deadline))
    return b"".join(chunks)


def _remaining(url: str, deadline: float) -> float:
    """Seconds left before the deadline; SourceError when it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise SourceError(f"cannot fetch {_short(url)}: timed out")
    return left


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to a checked address, sending the URL's host as Host and TLS name."""

    def __init__(
        self, host: str, port: int, address: str, timeout: float, connect: Connector, *, https: bool
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        # the Host header leaves out the scheme's own port: "news.example", not "news.example:443"
        self.default_port = 443 if https else 80
        self._address = address
        self._timeout_s = timeout
        self._connect = connect
        self._tls = ssl.create_default_context() if https else None

    def connect(self) -> None:
        sock = self._connect((self._address, self.port), self._timeout_s)
        if self._tls is not None:
            sock = self._tls.wrap_socket(sock, server_hostname=self.host)
        self.sock = sock

    def set_timeout(self, seconds: float) -> None:
        """Shorten the socket's timeout to what is left of the deadline."""
        if self.sock is not None:
            self.sock.settimeout(seconds)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, 6to4, Teredo (client) or NAT64 address."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _short(url: str) -> str:
    """The URL cut to a length fit for a one-line message."""
    return url if len(url) <= _MAX_MESSAGE_URL_CHARS else url[:_MAX_MESSAGE_URL_CHARS] + "…"
