"""The HTTP API: a thin FastAPI layer over ``newsbrief.pipeline.brief``.

Routes:

- ``POST /v1/briefs``: a JSON body ``{"articles": [{"text"|"html"|"url": ..., "outlet", "title",
  "published"}], "words", "sentences", "analysis", "style"}`` or a multipart upload (``files``,
  ``words``, ``sentences``, ``analysis``, ``style``); answers the brief as JSON (``newsbrief.brief/1`` with ``articles``, as
  ``--format json --explain`` writes it).
- ``GET /v1/health``: status, version and whether the NLP model the analyses need is installed.
- ``GET /``: the web page (``static/index.html``); ``GET /static/...``: its scripts and styles.
- ``GET /openapi.json``: the API description. There is no ``/docs``: FastAPI's Swagger page loads
  its scripts from a CDN, which the Content-Security-Policy below forbids (and the server must
  work offline).

Every error answers ``{"detail": "<one line>"}``: 413 for a body over the cap (checked against
Content-Length, then by counting the bytes as they arrive, before the body is read in full),
415 for a body that is neither JSON nor multipart, 422 for anything the user can fix (our
``InputError`` and every malformed request), 503 when an analysis needs a model that is not
installed, and a bare 500 (no traceback text) only for a bug.

URLs in requests are fetched only when the operator starts the server with ``allow_urls``; then
``newsbrief.pipeline.fetch`` refuses every address that is not public (see there).
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Awaitable, Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.staticfiles import StaticFiles

from newsbrief import __version__
from newsbrief.analysis.nlp import MODEL_NAMES
from newsbrief.errors import InputError, MissingModelError, SourceError
from newsbrief.model import ANALYSES, MAX_WORDS_LIMIT, MIN_WORDS, STYLES, Article, Options, Story
from newsbrief.pipeline.brief import brief
from newsbrief.pipeline.fetch import DEFAULT_MAX_FETCH_BYTES, Fetched, fetch
from newsbrief.pipeline.ingest import FETCH_TIMEOUT_S, MAX_ARTICLE_CHARS, read_html, read_story, read_text

__all__ = ["DEFAULT_LIMITS", "SECURITY_HEADERS", "Limits", "create_app", "serve"]

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

# Analyses that need spaCy; its pipeline is not known to be safe to call from several threads at once.
_NLP_ANALYSES = frozenset({"figures", "quotes", "entities", "framing"})
_NLP_LOCK = threading.Lock()

_TEXT_EXTENSIONS = (".txt", ".md")
_HTML_EXTENSIONS = (".html", ".htm")
_BINARY_SNIFF_BYTES = 8192
_MAX_FIELD_CHARS = 1000  # outlet, title, published, analysis
_MAX_URL_CHARS = 2048
_MAX_FORM_FIELDS = 20

_PLACEHOLDER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsbrief</title></head>
<body><h1>newsbrief</h1>
<p>The web page is not installed. The API is at <code>POST /v1/briefs</code>;
its description at <a href="/openapi.json">/openapi.json</a>.</p></body></html>
"""


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may ask of the server; every cap answers 413 or 422 with a message.

    The server's caps are tighter than the command line's (``ingest.MAX_ARTICLE_CHARS``), since
    anyone who can reach the server can spend its CPU.
    """

    max_body_bytes: int = 5_000_000
    max_articles: int = 50
    max_article_chars: int = min(MAX_ARTICLE_CHARS, 200_000)
    max_urls: int = 10
    fetch_timeout_s: float = FETCH_TIMEOUT_S
    max_fetch_bytes: int = DEFAULT_MAX_FETCH_BYTES


DEFAULT_LIMITS = Limits()

Fetcher = Callable[[str], Fetched]


class ArticleIn(BaseModel):
    """One article of the request: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["html"]}, {"required": ["url"]}]},
    )

    text: StrictStr | None = Field(default=None, description="The article as plain text.")
    html: StrictStr | None = Field(default=None, description="The article's HTML page.")
    url: StrictStr | None = Field(
        default=None,
        max_length=_MAX_URL_CHARS,
        description="An http(s) URL to fetch; refused unless the server runs with --allow-urls.",
    )
    outlet: StrictStr | None = Field(default=None, max_length=_MAX_FIELD_CHARS)
    title: StrictStr | None = Field(default=None, max_length=_MAX_FIELD_CHARS)
    published: StrictStr | None = Field(default=None, max_length=_MAX_FIELD_CHARS)


class BriefRequest(BaseModel):
    """A story to brief: its articles and the options."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(
        min_length=1, max_length=DEFAULT_LIMITS.max_articles, description="The articles of one story."
    )
    words: StrictInt = Field(default=250, ge=MIN_WORDS, le=MAX_WORDS_LIMIT, description="Summary budget.")
    sentences: StrictInt | None = Field(default=None, ge=1, le=MAX_WORDS_LIMIT)
    analysis: StrictStr | list[StrictStr] = Field(
        default="none",
        description=f'"all", "none", or analyses to run, comma-separated or a list: {", ".join(ANALYSES)}.',
    )
    style: StrictStr = Field(
        default="extract",
        max_length=_MAX_FIELD_CHARS,
        description='How the summary is chosen: "extract" or "neutral" (experimental).',
    )


class ErrorOut(BaseModel):
    """Every error response."""

    detail: str


class HealthOut(BaseModel):
    """The server is up; ``nlp`` says whether the analyses that need spaCy can run."""

    status: Literal["ok"]
    version: str
    nlp: bool
    analyses: list[str]


@dataclass(frozen=True, slots=True)
class _Item:
    """One article to read, whatever the request's form: its content and what the request said."""

    kind: Literal["text", "html", "url"]
    content: str
    label: str  # names the item in messages: "articles[2]", "upload npr.txt"
    outlet: str | None = None
    title: str | None = None
    published: str | None = None


def create_app(
    *, allow_urls: bool = False, limits: Limits = DEFAULT_LIMITS, fetcher: Fetcher | None = None
) -> FastAPI:
    """The API as an ASGI app; ``fetcher`` replaces the SSRF-safe fetch (tests give a fake one)."""
    app = FastAPI(
        title="newsbrief",
        version=__version__,
        description="Several articles about one story in; one cited brief out.",
        docs_url=None,
        redoc_url=None,
    )
    get_url = fetcher or _default_fetcher(limits)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = STATIC_DIR / "index.html"
        if page.is_file():
            return FileResponse(page, media_type="text/html")
        return HTMLResponse(_PLACEHOLDER_PAGE)

    @app.get("/v1/health", response_model=HealthOut)
    def health() -> HealthOut:
        """Liveness, version and whether the NLP model is installed (it is not loaded here)."""
        return HealthOut(status="ok", version=__version__, nlp=_nlp_installed(), analyses=list(ANALYSES))

    @app.post(
        "/v1/briefs",
        openapi_extra=_BRIEF_REQUEST_BODY,
        responses={
            200: {
                "description": "The brief (newsbrief.brief/1 JSON with articles).",
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            413: {"model": ErrorOut, "description": "Request body over the size cap."},
            415: {"model": ErrorOut, "description": "Body neither JSON nor multipart."},
            422: {"model": ErrorOut, "description": "Bad input, said in one line."},
            503: {"model": ErrorOut, "description": "An analysis needs a model that is not installed."},
        },
    )
    async def create_brief(request: Request) -> Response:
        """The brief of the articles in a JSON body or a multipart upload."""
        items, options = await _read_request(request, limits)
        result = await run_in_threadpool(_make_brief, items, options, limits, allow_urls, get_url)
        return Response(result, media_type="application/json")

    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(MissingModelError, _missing_model)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
    app.add_middleware(_GuardMiddleware, max_body_bytes=limits.max_body_bytes)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def serve(host: str, port: int, *, allow_urls: bool = False) -> None:
    """Run the API with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(allow_urls=allow_urls), host=host, port=port, log_level="info")


# Reading the request ----------------------------------------------------------------------------


async def _read_request(request: Request, limits: Limits) -> tuple[list[_Item], Options]:
    """The items and options of a JSON or multipart request."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type == "application/json" or media_type.endswith("+json"):
        # validating megabytes of JSON takes milliseconds of CPU: not on the event loop
        return await run_in_threadpool(_json_request, await request.body(), limits)
    if media_type == "multipart/form-data":
        return await _multipart_request(request, limits)
    raise HTTPException(415, "send the articles as application/json or multipart/form-data")


def _json_request(body: bytes, limits: Limits) -> tuple[list[_Item], Options]:
    """The items and options of a JSON body; pydantic's first complaint becomes the 422 message."""
    try:
        parsed = BriefRequest.model_validate_json(body)
    except ValidationError as exc:
        raise InputError(_validation_message(exc)) from None
    _check_count(len(parsed.articles), limits)
    items = [_json_item(article, f"articles[{index}]") for index, article in enumerate(parsed.articles)]
    options = _options(parsed.words, parsed.sentences, parsed.analysis, parsed.style)
    return items, options


def _json_item(article: ArticleIn, label: str) -> _Item:
    """The item of one request article; SourceError unless exactly one of text, html, url is set."""
    given = [
        (kind, value)
        for kind, value in (("text", article.text), ("html", article.html), ("url", article.url))
        if value is not None
    ]
    if len(given) != 1:
        raise SourceError(f'{label}: give exactly one of "text", "html" or "url" (got {len(given)})')
    kind, content = given[0]
    return _Item(kind, content, label, article.outlet, article.title, article.published)  # type: ignore[arg-type]


async def _multipart_request(request: Request, limits: Limits) -> tuple[list[_Item], Options]:
    """The items and options of a multipart upload: ``files`` (several), ``words``, ``analysis``."""
    try:
        form = await request.form(
            max_files=limits.max_articles, max_fields=_MAX_FORM_FIELDS, max_part_size=_MAX_FIELD_CHARS * 4
        )
    except HTTPException as exc:  # Starlette answers a malformed body with a bare 400
        if exc.status_code != 400:
            raise
        raise InputError(f"malformed multipart body: {exc.detail}") from None
    try:
        unknown = sorted(set(form.keys()) - {"files", "words", "sentences", "analysis", "style"})
        if unknown:
            raise InputError(
                f"unknown form field {unknown[0]!r}: send files, words, sentences, analysis, style"
            )
        uploads = form.getlist("files")
        if not uploads:
            raise InputError('no files: upload the articles as "files"')
        _check_count(len(uploads), limits)
        items = [await _upload_item(upload, index, limits) for index, upload in enumerate(uploads)]
        analysis = [value for value in form.getlist("analysis") if isinstance(value, str)]
        options = _options(
            _form_int(form.get("words"), "words", 250),
            _form_int(form.get("sentences"), "sentences", None),
            analysis[0] if len(analysis) == 1 else analysis or "none",
            _form_style(form.get("style")),
        )
    finally:
        await form.close()
    return items, options


async def _upload_item(upload: UploadFile | str, index: int, limits: Limits) -> _Item:
    """The item of one uploaded file: text or HTML by extension, else by its first character."""
    if not isinstance(upload, UploadFile):
        raise InputError(f"files[{index}]: expected a file upload, got a plain form field")
    name = PurePosixPath((upload.filename or f"file {index + 1}").replace("\\", "/")).name
    label = f"upload {name}"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix and suffix not in _TEXT_EXTENSIONS + _HTML_EXTENSIONS:
        raise SourceError(f"{label}: unsupported file type {suffix}; upload .txt, .md, .html or .htm")
    # UTF-8 takes at most 4 bytes a character: reading more cannot stay under the character cap
    max_bytes = limits.max_article_chars * 4
    data = await upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"{label}: over {max_bytes:,} bytes, the limit of {limits.max_article_chars:,} characters"
        )
    content = _decode_upload(data, label)
    is_html = suffix in _HTML_EXTENSIONS or (not suffix and content.lstrip().startswith("<"))
    return _Item("html" if is_html else "text", content, label, outlet=PurePosixPath(name).stem or None)


def _decode_upload(data: bytes, label: str) -> str:
    """UTF-8 text of an upload (a byte-order mark dropped); SourceError for binary or other encodings."""
    if b"\0" in data[:_BINARY_SNIFF_BYTES]:
        raise SourceError(f"{label}: looks like a binary file, not text")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{label}: not UTF-8 text (invalid byte at offset {exc.start})") from None


def _form_int(value: UploadFile | str | None, name: str, default: int | None) -> int | None:
    """A whole number from a form field; InputError otherwise."""
    if value is None or value == "":
        return default
    if not isinstance(value, str) or not value.strip().isdigit() or len(value.strip()) > 9:
        shown = value if isinstance(value, str) else "a file"
        raise InputError(f"{name} must be a whole number (got {shown[:40]!r})")
    return int(value)


def _options(words: int | None, sentences: int | None, analysis: str | Sequence[str], style: str) -> Options:
    """The Options of a request; OptionError (422) for values out of range."""
    return Options(
        max_words=250 if words is None else words,
        max_sentences=sentences,
        analyses=_parse_analyses(analysis),
        style=style,
    )


def _form_style(value: UploadFile | str | None) -> str:
    """The ``style`` form field: "extract" when absent; InputError (422) for an upload."""
    if value is None or value == "":
        return "extract"
    if not isinstance(value, str):
        raise InputError("style must be a form field, not a file")
    return value


def _parse_analyses(value: str | Sequence[str]) -> tuple[str, ...]:
    """Analysis names in ANALYSES order: "all", "none", "quotes,figures" or a list of names.

    Private until ``newsbrief.model`` offers a shared parser.
    """
    names = (
        value.split(",") if isinstance(value, str) else [part for item in value for part in item.split(",")]
    )
    wanted = {name.strip().lower() for name in names if name.strip()} - {"none"}
    if "all" in wanted:
        wanted = (wanted - {"all"}) | set(ANALYSES)
    unknown = sorted(wanted - set(ANALYSES))
    if unknown:
        raise InputError(
            f"unknown analysis {unknown[0][:40]!r}: choose all, none or from {', '.join(ANALYSES)}"
        )
    return tuple(name for name in ANALYSES if name in wanted)


def _check_count(count: int, limits: Limits) -> None:
    """InputError past the cap on articles per request."""
    if count > limits.max_articles:
        raise InputError(f"{count} articles: a request may hold at most {limits.max_articles}")


def _validation_message(exc: ValidationError) -> str:
    """Pydantic's first error as one line naming the field, without echoing the input."""
    error = exc.errors(include_url=False, include_input=False)[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]).lstrip(".")
    message = " ".join(str(error["msg"]).split())
    return f"{where or 'body'}: {message}"[:300]


# Making the brief -------------------------------------------------------------------------------


def _make_brief(
    items: Sequence[_Item], options: Options, limits: Limits, allow_urls: bool, get_url: Fetcher
) -> str:
    """The brief's JSON with the cleaned articles; runs in a worker thread (it blocks on CPU and URLs)."""
    n_urls = sum(item.kind == "url" for item in items)
    if n_urls and not allow_urls:
        first = next(item for item in items if item.kind == "url")
        raise SourceError(
            f"{first.label}: fetching URLs is turned off on this server (start it with --allow-urls)"
        )
    if n_urls > limits.max_urls:
        raise InputError(f"{n_urls} URLs: a request may fetch at most {limits.max_urls}")
    articles = [_read_item(item, number, limits, get_url) for number, item in enumerate(items, 1)]
    story: Story = read_story(articles, fetch_urls=False)  # makes the ids unique
    if _NLP_ANALYSES.intersection(options.analyses):
        with _NLP_LOCK:
            return brief(story, options).to_json(explain=True)
    return brief(story, options).to_json(explain=True)


def _read_item(item: _Item, number: int, limits: Limits, get_url: Fetcher) -> Article:
    """The article of one item, with the outlet, title and date the request gave."""
    fallback_outlet = item.outlet or f"text {number}"
    if item.kind == "url":
        article = _read_url(item, get_url)
    elif item.kind == "html":
        _check_chars(item.content, item.label, limits)
        article = read_html(item.content, source=item.label, outlet=fallback_outlet)
    else:
        _check_chars(item.content, item.label, limits)
        article = read_text(item.content, source=item.label, outlet=fallback_outlet)
    _check_chars(article.text, item.label, limits)
    return replace(
        article,
        outlet=item.outlet or article.outlet,
        title=" ".join(item.title.split()) if item.title else article.title,
        published=item.published or article.published,
    )


def _read_url(item: _Item, get_url: Fetcher) -> Article:
    """The article at a URL (already checked to be allowed), as HTML or text by its content type."""
    fetched = get_url(item.content)
    outlet = item.outlet or fetched.host
    try:
        content = fetched.body.decode(fetched.charset or "utf-8", errors="replace")
    except LookupError:
        content = fetched.body.decode("utf-8", errors="replace")
    if fetched.content_type in ("text/html", "application/xhtml+xml") or (
        fetched.content_type != "text/plain" and content.lstrip().startswith("<")
    ):
        return read_html(content, source=f"{item.label} {item.content}", outlet=outlet, url=fetched.url)
    return read_text(content, source=f"{item.label} {item.content}", outlet=outlet, url=fetched.url)


def _check_chars(text: str, label: str, limits: Limits) -> None:
    """InputError past the cap on characters per article."""
    if len(text) > limits.max_article_chars:
        raise InputError(
            f"{label}: {len(text):,} characters is over the limit of {limits.max_article_chars:,} per article"
        )


def _default_fetcher(limits: Limits) -> Fetcher:
    """The SSRF-safe fetch with the limits' timeout and size cap."""

    def get_url(url: str) -> Fetched:
        return fetch(url, timeout_s=limits.fetch_timeout_s, max_bytes=limits.max_fetch_bytes)

    return get_url


def _nlp_installed() -> bool:
    """Whether spaCy and one of its English pipelines are installed (without loading them)."""
    if importlib.util.find_spec("spacy") is None:
        return False
    return any(importlib.util.find_spec(name) is not None for name in MODEL_NAMES)


# Errors -----------------------------------------------------------------------------------------


def _error(status: int, detail: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The one error shape, with the security headers (a 500 bypasses the middleware)."""
    return JSONResponse(
        {"detail": detail}, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})}
    )


async def _input_error(request: Request, exc: Exception) -> Response:
    return _error(422, " ".join(str(exc).split()) or "bad input")


async def _missing_model(request: Request, exc: Exception) -> Response:
    return _error(503, " ".join(str(exc).split()))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return (
        _error(exc.status_code, str(exc.detail), exc.headers)
        if exc.status_code >= 400
        else Response(status_code=exc.status_code, headers=exc.headers)
    )


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    """The last resort: log the traceback, tell the client only that it was our fault."""
    logger.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return _error(500, "internal error: the server could not make this brief")


# Middleware -------------------------------------------------------------------------------------

_Scope = MutableMapping[str, Any]
_Message = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[_Message]]
_Send = Callable[[_Message], Awaitable[None]]
_ASGIApp = Callable[[_Scope, _Receive, _Send], Awaitable[None]]


class _BodyTooLargeError(Exception):
    """The request body went past the cap."""


class _GuardMiddleware:
    """Adds the security headers to every response and caps the request body.

    A Content-Length over the cap is refused before a byte of the body is read; otherwise the
    body is read as it arrives, at most ``max_body_bytes + 1`` bytes, and handed to the app
    only when it is within the cap (chunked uploads have no Content-Length to check).
    """

    def __init__(self, app: _ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: _Scope, receive: _Receive, send: _Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: _Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in _LOWER_SECURITY_HEADERS
                ]
                headers.extend(
                    (name.encode("latin-1"), value.encode("latin-1"))
                    for name, value in SECURITY_HEADERS.items()
                )
                message["headers"] = headers
            await send(message)

        try:
            body, receive_rest = await self._read_body(scope, receive)
        except _BodyTooLargeError:
            response = _error(413, f"request body is over the limit of {self.max_body_bytes:,} bytes")
            await response(scope, receive, send_with_headers)
            return
        body_message = {"type": "http.request", "body": body, "more_body": False}
        await self.app(scope, _prepend(body_message, receive_rest), send_with_headers)

    async def _read_body(self, scope: _Scope, receive: _Receive) -> tuple[bytes, _Receive]:
        """The whole body, at most the cap; _BodyTooLargeError as soon as it is known to be over."""
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            raise _BodyTooLargeError
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                # the client went away; let the app see the disconnect
                return b"".join(chunks), _prepend(message, receive)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise _BodyTooLargeError
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), receive


_LOWER_SECURITY_HEADERS = frozenset(name.lower() for name in SECURITY_HEADERS)


def _prepend(first: _Message, receive: _Receive) -> _Receive:
    """A receive that gives one message first (the buffered body, a disconnect), then defers to the real one."""
    given = False

    async def again() -> _Message:
        nonlocal given
        if not given:
            given = True
            return first
        return await receive()

    return again


# OpenAPI ----------------------------------------------------------------------------------------

_BRIEF_REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/BriefRequest"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "additionalProperties": False,
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": ".txt, .md, .html or .htm files, UTF-8",
                        },
                        "words": {"type": "integer", "minimum": MIN_WORDS, "maximum": MAX_WORDS_LIMIT},
                        "sentences": {"type": "integer", "minimum": 1},
                        "analysis": {"type": "string"},
                        "style": {"type": "string", "enum": list(STYLES)},
                    },
                }
            },
        },
    }
}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description plus the request models, which the route reads by hand (JSON or form)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    _, definitions = models_json_schema(
        [(BriefRequest, "validation")], ref_template="#/components/schemas/{model}"
    )
    schema.setdefault("components", {}).setdefault("schemas", {}).update(definitions.get("$defs", {}))
    app.openapi_schema = schema
    return schema
