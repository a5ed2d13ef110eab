"""The HTTP API: a thin FastAPI layer over ``newsbrief.pipeline.brief``.

Routes:

- ``POST /v1/briefs``: a JSON body ``{"articles": [{"text"|"html"|"url": ..., "outlet", "title",
  "published"}], "words", "sentences", "analysis", "style", "format", "explain"}`` or a multipart
  upload (``files``, ``words``, ``sentences``, ``analysis``, ``style``, ``format``, ``explain``); ``format`` and
  ``explain`` may also come as query parameters (``?format=md``), ``timing`` only as one
  (``?timing=true`` fills JSON's ``timing_ms``, empty otherwise). Answers the brief rendered by
  ``newsbrief.rendering``, the code the CLI uses, byte for byte what ``newsbrief summarize``
  prints (ending in one newline): by default JSON (``newsbrief.brief/1`` with ``articles``, as
  ``--format json --explain`` writes it); ``md``/``markdown``, ``html`` or ``text``/``txt`` as
  ``--format`` does, without ``--explain`` unless ``explain`` is true. Every brief comes with
  ``Content-Disposition: inline; filename="<slug of its headline>.<ext>"`` (``rendering.file_name``;
  a stored story's brief is named after the story's title), the name the web page saves it under.
- ``POST /v1/stories``: a JSON batch of articles grouped into stories (``newsbrief.stream.cluster``),
  answered as the records ``newsbrief cluster -o`` writes, with notices.
- ``GET /v1/stories`` and ``GET /v1/stories/{id}/brief``: with a store (``create_app(store_path=...)``,
  ``newsbrief serve --db``), its latest stories newest first, and one story's brief rendered as above.
- ``GET /v1/health``: status, version and whether the NLP model the analyses need is installed.
- ``GET /``: the web page (``static/index.html``); ``GET /static/...``: its scripts and styles.
- ``GET /openapi.json``: the API description. There is no ``/docs``: FastAPI's Swagger page loads
  its scripts from a CDN, which the Content-Security-Policy below forbids (and the server must
  work offline).

Every error answers ``{"detail": "<one line>"}``: 413 for a body over the cap (checked against
Content-Length, then by counting the bytes as they arrive; never buffered, see ``_GuardMiddleware``),
415 for a body that is neither JSON nor multipart, or is compressed, 422 for anything the user can fix (our
``InputError`` and every malformed request, a query parameter the route does not read among them),
503 when an analysis needs a model that is not installed or the story store cannot be read, and a
bare 500 (no traceback text) only for a bug.

A brief whose client goes away (the page's Cancel, a closed tab, a client's timeout) is stopped
at its next stage boundary, with a log line, instead of being made to the end for nobody
(``_unless_disconnected``).

URLs in requests are fetched only when the operator starts the server with ``allow_urls``; then
``newsbrief.pipeline.fetch`` refuses every address that is not public (see there).

``serve`` runs one or several uvicorn worker processes; each builds its app with
``app_from_environment``, since workers import the app by name and take no arguments.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import logging
import math
import os
import re
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, MutableMapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from dataclasses import dataclass, replace
from functools import partial
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any, Literal, TypeVar

import anyio
from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
)
from pydantic.json_schema import models_json_schema
from pydantic_core import PydanticCustomError
from python_multipart.multipart import parse_options_header  # the header as Starlette's form parser reads it
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import ImmutableMultiDict, UploadFile
from starlette.exceptions import HTTPException
from starlette.staticfiles import StaticFiles

from newsbrief import __version__
from newsbrief.analysis.nlp import MODEL_NAMES, load_nlp
from newsbrief.analysis.similarity import load_wordllama
from newsbrief.errors import (
    BriefCancelledError,
    InputError,
    MissingModelError,
    SourceError,
    stop_if_cancelled,
)
from newsbrief.model import (
    ANALYSES,
    DEFAULT_STYLE,
    MAX_WINDOW_DAYS,
    MAX_WORDS_LIMIT,
    MIN_WORDS,
    STYLES,
    Article,
    Notice,
    Options,
    Story,
    StreamStory,
    parse_analyses,
)
from newsbrief.pipeline.brief import brief
from newsbrief.pipeline.fetch import DEFAULT_MAX_FETCH_BYTES, Fetched, fetch
from newsbrief.pipeline.ingest import (
    FETCH_TIMEOUT_S,
    MAX_ARTICLE_CHARS,
    decode_bytes,
    read_html,
    read_story,
    read_text,
    refuse_nul,
    url_host,
)
from newsbrief.rendering import brief_headline, file_name, render, story_record
from newsbrief.stream.cluster import (
    DEFAULT_SETTINGS,
    Clusterer,
    cluster,
    published_time,
    stream_notices,
)
from newsbrief.stream.store import Store

__all__ = [
    "ALLOW_URLS_ENV",
    "DEFAULT_LIMITS",
    "MEDIA_TYPES",
    "SECURITY_HEADERS",
    "STORE_PATH_ENV",
    "Limits",
    "app_from_environment",
    "create_app",
    "serve",
]

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

# "1" lets the app built by app_from_environment fetch URLs; serve sets it for its workers.
ALLOW_URLS_ENV = "NEWSBRIEF_ALLOW_URLS"
# the stream store (newsbrief serve --db) whose stories the app of each worker serves; empty for none
STORE_PATH_ENV = "NEWSBRIEF_DB"
WORKER_HEALTHCHECK_TIMEOUT_S = 60

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
# How often a brief in progress asks whether its client is still there (_unless_disconnected).
_DISCONNECT_POLL_S = 0.1

_TEXT_EXTENSIONS = (".txt", ".md")
_HTML_EXTENSIONS = (".html", ".htm")
_MAX_FIELD_CHARS = 1000  # outlet, title, published, analysis
_MAX_URL_CHARS = 2048
_MAX_FORM_FIELDS = 20
# The formats a brief can be asked in (every name render() and `--format` take), and the media
# type each answers with.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}
# the query parameters each route reads; any other is refused (_check_fields)
_BRIEF_QUERY = ("format", "explain", "timing")
_STORY_BRIEF_QUERY = (*_BRIEF_QUERY, "words", "sentences", "analysis", "style")
_FORM_FIELDS = ("files", "words", "sentences", "analysis", "style", "format", "explain")
_FORMAT_HELP = (
    "json (default: newsbrief.brief/1 with the cleaned articles), md or markdown, html (one"
    " self-contained page) or text (txt): what `newsbrief summarize --format` writes."
)
_EXPLAIN_HELP = (
    "Add what cleaning removed, each citation's words and, in md, html and text, the time per stage"
    " (as --explain). Default: true for json (its articles are the texts every span points into),"
    " false otherwise."
)
_TIMING_HELP = (
    "Fill the JSON's timing_ms with the time each stage took (as --timing). Default false: timing_ms"
    " is then empty, and the same request gives the same bytes."
)

_FILE_NAME_HEADER: dict[str, Any] = {
    "Content-Disposition": {
        "description": 'inline; filename="<slug>.<ext>": the name to save the brief under, a slug of its'
        " first headline (a stored story's title), or brief.",
        "schema": {"type": "string"},
    }
}

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
    # clustering is cheap next to a brief (thousands of articles a second), so a batch of
    # articles to group into stories may be larger; the body cap still bounds its size
    max_stream_articles: int = 1000
    fetch_timeout_s: float = FETCH_TIMEOUT_S
    max_fetch_bytes: int = DEFAULT_MAX_FETCH_BYTES


DEFAULT_LIMITS = Limits()

Fetcher = Callable[[str], Fetched]
_Request = TypeVar("_Request", bound=BaseModel)  # a JSON body's model: BriefRequest or StoriesRequest


class _WholeNumberId(BaseModel):
    """A request article whose ``id`` may be a string or a whole number, read as its digits."""

    @field_validator("id", mode="before", check_fields=False)
    @classmethod
    def _whole_number_id(cls, value: object) -> object:
        """A whole-number id as its digits, as ``ingest.id_field`` reads a JSONL record's; one of
        white space only as no id, as "" is (it was kept as the id "  ")."""
        if isinstance(value, str) and not value.strip():
            return None
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# How an article's id is written in a request, a string or a whole number (the JSONL records' ids).
_ID_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string", "maxLength": _MAX_FIELD_CHARS}, {"type": "integer"}, {"type": "null"}]
}


_TEXT_FIELD = (
    "The article as plain text; without a title, a short first line followed by a blank line is its"
    ' headline. Text that opens with an HTML tag is refused: send a page as "html".'
)


class ArticleIn(_WholeNumberId):
    """One article of the request: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["html"]}, {"required": ["url"]}]},
    )

    text: StrictStr | None = Field(default=None, description=_TEXT_FIELD)
    html: StrictStr | None = Field(default=None, description="The article's HTML page.")
    url: StrictStr | None = Field(
        default=None,
        max_length=_MAX_URL_CHARS,
        description="An http(s) URL to fetch; refused unless the server runs with --allow-urls.",
    )
    id: StrictStr | None = Field(
        default=None,
        max_length=_MAX_FIELD_CHARS,
        description="The article's id in the brief, kept as given (a whole number as its digits): the"
        " article_id of its source and of every citation and span of it; default: its outlet as a slug"
        " (npr, npr-2). Two articles may not have one id.",
        json_schema_extra=_ID_SCHEMA,
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
        default=DEFAULT_STYLE,
        max_length=_MAX_FIELD_CHARS,
        description='How the summary is chosen: "neutral" (the default) or "extract".',
        json_schema_extra={"enum": list(STYLES)},
    )
    format: StrictStr | None = Field(
        default=None,
        max_length=_MAX_FIELD_CHARS,
        description=_FORMAT_HELP,
        json_schema_extra={"enum": [*MEDIA_TYPES, None]},
    )
    explain: StrictBool | None = Field(default=None, description=_EXPLAIN_HELP)

    @field_validator("analysis", mode="before")
    @classmethod
    def _string_or_strings(cls, value: object) -> object:
        """``analysis`` as given when a string or a list of strings; else one error at the field or
        the item, where pydantic's union would name its branches (``analysis.str``)."""
        if isinstance(value, str):
            return value
        if not isinstance(value, list):
            raise PydanticCustomError(
                "analysis_type", 'give a string ("all", "quotes,figures") or a list of strings'
            )
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise PydanticCustomError("analysis_type", "item {index} is not a string", {"index": index})
        return value


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
class _Output:
    """How the request wants the brief: a format name, and explain (None: the format's default)."""

    output_format: str | None = None
    explain: bool | None = None


@dataclass(frozen=True, slots=True)
class _Rendering:
    """How to render the brief, all settled: the format, explain, and timing (JSON's ``timing_ms``)."""

    output_format: str
    explain: bool
    timing: bool = False


@dataclass(frozen=True, slots=True)
class _Rendered:
    """A brief rendered in one format, and the file name to save it under (``rendering.file_name``)."""

    text: str
    file_name: str


@dataclass(frozen=True, slots=True)
class _Item:
    """One article to read, whatever the request's form: its content and what the request said."""

    kind: Literal["text", "html", "url"]
    content: str
    label: str  # names the item in messages: "articles[2]", "upload npr.txt"
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    notices: tuple[Notice, ...] = ()  # what reading it found: an upload decoded as cp1252
    article_id: str | None = None  # the id the request gave it, kept in the brief


def create_app(
    *,
    allow_urls: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    fetcher: Fetcher | None = None,
    store_path: str | Path | None = None,
    warm_up: bool = False,
) -> FastAPI:
    """The API as an ASGI app; ``fetcher`` replaces the SSRF-safe fetch (tests give a fake one).

    ``store_path`` is a stream store (``newsbrief watch``/``cluster --db``) whose stories
    ``GET /v1/stories`` lists and briefs; without it those routes answer 404 saying how to add one.
    ``warm_up`` loads at start-up, in a background thread, what the first requests would otherwise
    wait for (``_warm_up``); the server does, tests that only need routes do not.
    """
    app = FastAPI(
        title="newsbrief",
        version=__version__,
        description="Several articles about one story in; one cited brief out.",
        docs_url=None,
        redoc_url=None,
        lifespan=_warming(None if store_path is None else Path(store_path)) if warm_up else None,
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
                "description": "The brief, in the format asked for (default: newsbrief.brief/1 JSON with articles).",
                "headers": _FILE_NAME_HEADER,
                "content": _BRIEF_CONTENT,
            },
            413: {"model": ErrorOut, "description": "Request body over the size cap."},
            415: {"model": ErrorOut, "description": "Body neither JSON nor multipart, or compressed."},
            422: {"model": ErrorOut, "description": "Bad input, said in one line."},
            503: {"model": ErrorOut, "description": "An analysis needs a model that is not installed."},
        },
    )
    async def create_brief(request: Request) -> Response:
        """The brief of the articles in a JSON body or a multipart upload, in the format asked for."""
        _check_fields(request.query_params, _BRIEF_QUERY)
        items, options, asked = await _read_request(request, limits)
        rendering = _output(asked, request.query_params)
        result = await _unless_disconnected(
            request, partial(_make_brief, items, options, limits, allow_urls, get_url, rendering)
        )
        return _brief_response(result, rendering)

    _add_story_routes(app, limits, None if store_path is None else Path(store_path))
    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(MissingModelError, _missing_model)
    app.add_exception_handler(BriefCancelledError, _cancelled)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
    app.add_middleware(_GuardMiddleware, max_body_bytes=limits.max_body_bytes)
    app.add_middleware(_HeadAsGetMiddleware)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _warming(store_path: Path | None) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan that starts ``_warm_up`` in a daemon thread (``app.state.warm_up``) and serves at once."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.warm_up = threading.Thread(target=_warm_up, args=(store_path,), name="warm-up", daemon=True)
        app.state.warm_up.start()
        yield

    return lifespan


_WARM_UP_TEXT = "Officials said on Tuesday that about 40,000 people had left the city, according to reports."


def _warm_up(store_path: Path | None) -> None:
    """Load what the first requests would otherwise wait for: spaCy's pipeline and WordLlama, each
    run once (a few seconds; the analyses need them), and with a store the stream's compiled
    kernels (a second from numba's cache, half a minute on the first run after an install)."""
    started = time.perf_counter()
    with suppress(MissingModelError):  # the analyses answer 503 saying how to install it
        list(load_nlp().pipe([_WARM_UP_TEXT]))  # a first parse and embedding cost a second more
    load_wordllama().embed([_WARM_UP_TEXT])
    if store_path is not None:
        importlib.import_module("newsbrief.stream.kernels")
    logger.info("warmed up in %.1f s", time.perf_counter() - started)


def app_from_environment() -> FastAPI:
    """The app of one uvicorn worker, its options read from the environment (``ALLOW_URLS_ENV``,
    ``STORE_PATH_ENV``).

    uvicorn starts workers in fresh processes that import the app by name and call this factory
    without arguments, so the operator's options travel in environment variables, which the
    workers inherit.
    """
    return create_app(
        allow_urls=os.environ.get(ALLOW_URLS_ENV) == "1",
        store_path=os.environ.get(STORE_PATH_ENV) or None,
        warm_up=True,
    )


def serve(
    host: str, port: int, *, allow_urls: bool = False, workers: int = 1, store_path: str | Path | None = None
) -> None:
    """Run the API with uvicorn in ``workers`` processes (each its own spaCy, on its own core) until interrupted."""
    import uvicorn

    os.environ[ALLOW_URLS_ENV] = "1" if allow_urls else "0"
    os.environ[STORE_PATH_ENV] = str(Path(store_path).resolve()) if store_path is not None else ""
    uvicorn.run(
        f"{__name__}:{app_from_environment.__name__}",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        # uvicorn kills a worker that does not answer its health check in 5 s; on a busy machine
        # a new worker can take longer than that just to import, and is then killed in a loop
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_TIMEOUT_S,
        log_level="info",
    )


# Reading the request ----------------------------------------------------------------------------


async def _read_request(request: Request, limits: Limits) -> tuple[list[_Item], Options, _Output]:
    """The items, options and output of a JSON or multipart request."""
    _check_encoding(request)
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type == "application/json" or media_type.endswith("+json"):
        # validating megabytes of JSON takes milliseconds of CPU: not on the event loop
        return await run_in_threadpool(_json_request, await request.body(), limits)
    if media_type == "multipart/form-data":
        return await _multipart_request(request, limits)
    raise HTTPException(415, "send the articles as application/json or multipart/form-data")


def _check_encoding(request: Request) -> None:
    """A 415 for a compressed body: read as it stands, gzip bytes were "Invalid JSON at line 1 column 1"."""
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity"):
        raise HTTPException(
            415, f"send the body uncompressed: Content-Encoding {encoding[:40]!r} is not read here"
        )


def _json_request(body: bytes, limits: Limits) -> tuple[list[_Item], Options, _Output]:
    """The items, options and output of a JSON body; pydantic's first complaint becomes the 422 message."""
    parsed = _validated_json(BriefRequest, body)
    _check_count(len(parsed.articles), limits)
    items = [_json_item(article, f"articles[{index}]") for index, article in enumerate(parsed.articles)]
    options = _options(parsed.words, parsed.sentences, parsed.analysis, parsed.style)
    return items, options, _Output(parsed.format, parsed.explain)


def _json_item(article: ArticleIn, label: str) -> _Item:
    """The item of one request article; SourceError unless exactly one of text, html, url is set."""
    _refuse_nul_fields(article, label)
    kind, content = _the_one_given(label, text=article.text, html=article.html, url=article.url)
    outlet, title, published = _fields(article.outlet, article.title, article.published)
    return _Item(kind, content, label, outlet, title, published, article_id=article.id or None)  # type: ignore[arg-type]


def _the_one_given(label: str, **fields: str | None) -> tuple[str, str]:
    """The one field of ``fields`` the request article sets, and its value; SourceError (422)
    unless exactly one is set (an empty string counts as set: the reader calls it empty)."""
    given = [(name, value) for name, value in fields.items() if value is not None]
    if len(given) != 1:
        names = [f'"{name}"' for name in fields]
        choice = f"{', '.join(names[:-1])} or {names[-1]}"
        raise SourceError(f"{label}: give exactly one of {choice} (got {len(given)})")
    name, value = given[0]
    markup = _OPENING_TAG.match(value) if name == "text" else None
    if markup is not None:
        # read as text, a page's markup was cleaned away whole ("no text left") or printed in the lines
        raise SourceError(f'{label}: "text" is HTML (it opens with <{markup[1]}); send a page as "html"')
    return name, value


# An HTML document or fragment at the head of a request's "text" (not "<3" or "< 5 percent").
_OPENING_TAG = re.compile(
    r"\s*<(!doctype|!--|html|head|body|article|section|main|div|p|span|br|h[1-6]|ul|ol|table)(?![\w-])",
    re.IGNORECASE,
)


def _refuse_nul_fields(article: BaseModel, label: str) -> None:
    """SourceError (422) naming the article and the field of the first string field holding a NUL:
    the rule the command line applies to a file or a JSONL record (``ingest.refuse_nul``)."""
    for field, value in article:
        if isinstance(value, str):
            refuse_nul(value, label, field=field)


def _one_line(value: str | None) -> str | None:
    """A request's outlet, title or date on one line; None when only white space is left, as if
    not given (an outlet of "   " named the source with nothing)."""
    return (" ".join(value.split()) or None) if value is not None else None


def _fields(*values: str | None) -> tuple[str | None, ...]:
    """Each value by ``_one_line``."""
    return tuple(_one_line(value) for value in values)


async def _multipart_request(request: Request, limits: Limits) -> tuple[list[_Item], Options, _Output]:
    """The items, options and output of a multipart upload: ``files`` (several), ``words``,
    ``sentences``, ``analysis``, ``format``, ``explain``."""
    _check_closed_multipart(request.headers.get("content-type", ""), await request.body())
    try:
        form = await request.form(
            max_files=limits.max_articles, max_fields=_MAX_FORM_FIELDS, max_part_size=_MAX_FIELD_CHARS * 4
        )
    except HTTPException as exc:  # Starlette answers a malformed body with a bare 400
        if exc.status_code != 400:
            raise
        # "Too many files" is its word for the max_files cap: a well-formed body over it
        if str(exc.detail).startswith("Too many files"):
            raise InputError(
                f"more than {limits.max_articles} files: a request may hold at most {limits.max_articles} articles"
            ) from None
        raise InputError(f"malformed multipart body: {exc.detail}") from None
    try:
        _check_fields(form, _FORM_FIELDS, repeatable=("files", "analysis"), kind="form field")
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
        output = _Output(_form_text(form.get("format"), "format"), _form_bool(form.get("explain"), "explain"))
    finally:
        await form.close()
    return items, options, output


def _check_closed_multipart(content_type: str, body: bytes) -> None:
    """InputError when the multipart body has no closing boundary (``--BOUNDARY--``): a body cut
    short in transfer was read as the parts it had completed, and one cut in its first file was
    "no files"."""
    boundary = parse_options_header(content_type)[1].get(b"boundary")
    if not boundary:
        return  # the form parser names a missing boundary itself
    if b"--" + boundary + b"--" not in body:
        raise InputError(
            "multipart body cut short: it does not end with its closing boundary; send the whole body"
        )


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
    content, notices = decode_bytes(data, label)  # as the CLI reads a file: cp1252 or latin-1 with a note
    is_html = suffix in _HTML_EXTENSIONS or (not suffix and content.lstrip().startswith("<"))
    kind: Literal["text", "html"] = "html" if is_html else "text"
    return _Item(kind, content, label, outlet=_one_line(PurePosixPath(name).stem), notices=notices)


def _form_int(value: UploadFile | str | None, name: str, default: int | None) -> int | None:
    """A whole number from a form field; InputError otherwise."""
    if value is None or value == "":
        return default
    digits = value.strip() if isinstance(value, str) else ""
    # ASCII digits only: str.isdigit also holds for "¹", which int() refuses
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 9:
        shown = value if isinstance(value, str) else "a file"
        raise InputError(f"{name} must be a whole number (got {shown[:40]!r})")
    return int(digits)


def _form_text(value: UploadFile | str | None, name: str) -> str | None:
    """A text form field; InputError for a file."""
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{name} must be a text field, not a file")


def _form_bool(value: UploadFile | str | None, name: str) -> bool | None:
    """true/false (or 1/0) from a form field or query parameter; InputError otherwise."""
    text = _form_text(value, name)
    if text is None or text == "":
        return None
    if text.strip().lower() in ("true", "1"):
        return True
    if text.strip().lower() in ("false", "0"):
        return False
    raise InputError(f"{name} must be true or false (got {text[:40]!r})")


def _output(asked: _Output, query: Mapping[str, str]) -> _Rendering:
    """The format and explain flag from the body and the query (they must agree if both are
    given), and the ``timing`` query parameter.

    Without ``explain``, JSON explains (its articles are what every span points into, as the
    API always answered) and the reading formats do not (as the CLI's default).
    """
    query_output = _Output(query.get("format"), _form_bool(query.get("explain"), "explain"))
    if None not in (asked.output_format, query_output.output_format) and (
        asked.output_format != query_output.output_format
    ):
        raise InputError("format is given twice, differently: in the query and in the body")
    if None not in (asked.explain, query_output.explain) and asked.explain != query_output.explain:
        raise InputError("explain is given twice, differently: in the query and in the body")
    name = asked.output_format or query_output.output_format or "json"
    output_format = name.strip().lower()
    if output_format not in MEDIA_TYPES:
        raise InputError(f"unknown format {name[:40]!r}: use one of {', '.join(MEDIA_TYPES)}")
    explain = asked.explain if asked.explain is not None else query_output.explain
    return _Rendering(
        output_format,
        explain=output_format == "json" if explain is None else explain,
        timing=bool(_form_bool(query.get("timing"), "timing")),
    )


def _check_fields(
    fields: ImmutableMultiDict[str, Any],
    allowed: Sequence[str],
    *,
    repeatable: Sequence[str] = (),
    kind: str = "query parameter",
) -> None:
    """InputError for a query parameter (or form field) the route does not read, or one it reads
    once given twice: a JSON body refuses what it does not know, and a misspelt ``?word=``, a
    ``?words=`` meant for the body or a second ``words`` must not be dropped unsaid."""
    for name in fields:
        if name not in allowed:
            takes = ", ".join(allowed) if allowed else "no parameters"
            raise InputError(f"unknown {kind} {name[:40]!r}: this route takes {takes}")
        if name not in repeatable and len(fields.getlist(name)) > 1:
            raise InputError(f"{kind} {name!r} is given more than once")


def _options(
    words: int | None, sentences: int | None, analysis: str | Sequence[str], style: str = DEFAULT_STYLE
) -> Options:
    """The Options of a request; OptionError (422) for values out of range."""
    return Options(
        max_words=250 if words is None else words,
        max_sentences=sentences,
        analyses=parse_analyses(analysis),
        style=style,
    )


def _form_style(value: UploadFile | str | None) -> str:
    """The ``style`` form field or query parameter: the default style when absent; InputError (422) for an upload."""
    return _form_text(value, "style") or DEFAULT_STYLE


def _check_count(count: int, limits: Limits) -> None:
    """InputError past the cap on articles per request."""
    if count > limits.max_articles:
        raise InputError(f"{count} articles: a request may hold at most {limits.max_articles}")


def _validated_json(model: type[_Request], body: bytes) -> _Request:
    """The JSON body read as ``model``; InputError with pydantic's first complaint, or naming a key
    that one object of the body gives twice (pydantic keeps the last value: the first is dropped).
    A UTF-8 byte order mark, which RFC 8259 lets a reader ignore, is ignored."""
    body = _utf8_json(body)
    try:
        parsed = model.model_validate_json(body)
    except ValidationError as exc:
        raise InputError(_validation_message(exc)) from None
    json.loads(body, object_pairs_hook=_refuse_repeated_keys)
    return parsed


def _utf8_json(body: bytes) -> bytes:
    """The body without a UTF-8 byte order mark; InputError naming the first byte that is not
    UTF-8 (JSON is sent as UTF-8, RFC 8259; a Latin-1 "é" was "invalid unicode code point", a
    byte order mark "expected value at line 1 column 1")."""
    body = body.removeprefix(codecs.BOM_UTF8)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"body: byte {exc.start + 1} (0x{body[exc.start]:02x}) is not UTF-8; send JSON encoded as UTF-8"
        ) from None
    return body


def _refuse_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The object of ``json.loads``'s pairs; InputError naming the first key given twice."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise InputError(f"body: key {key[:40]!r} is given more than once in one JSON object")
        seen[key] = value
    return seen


def _validation_message(exc: ValidationError) -> str:
    """Pydantic's first error as one line naming the field, without echoing the input."""
    error = exc.errors(include_url=False, include_input=False)[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]).lstrip(".")
    message = " ".join(str(error["msg"]).split())
    return f"{where or 'body'}: {message}"[:300]


# Making the brief -------------------------------------------------------------------------------


def _make_brief(
    items: Sequence[_Item],
    options: Options,
    limits: Limits,
    allow_urls: bool,
    get_url: Fetcher,
    rendering: _Rendering,
    cancel: threading.Event,
) -> _Rendered:
    """The brief rendered in the format; runs in a worker thread (it blocks on CPU and URLs) and
    stops between articles and stages once ``cancel`` is set (``_unless_disconnected``)."""
    n_urls = sum(item.kind == "url" for item in items)
    if n_urls and not allow_urls:
        first = next(item for item in items if item.kind == "url")
        raise SourceError(
            f"{first.label}: fetching URLs is turned off on this server (start it with --allow-urls)"
        )
    if n_urls > limits.max_urls:
        raise InputError(f"{n_urls} URLs: a request may fetch at most {limits.max_urls}")
    articles = []
    for number, item in enumerate(items, 1):
        articles.append(_read_item(item, number, limits, get_url))  # a URL may take seconds
        stop_if_cancelled(cancel, f"reading {item.label}")
    story: Story = read_story(articles, fetch_urls=False)  # makes the ids unique
    _check_given_ids(items, story.articles)
    read_notices = tuple(
        replace(notice, article_ids=notice.article_ids or (article.id,))  # "decode-fallback" names its upload
        for item, article in zip(items, story.articles, strict=True)
        for notice in item.notices
    )
    story = replace(story, notices=(*read_notices, *story.notices))
    return _render_brief(story, options, rendering, cancel)


def _render_brief(
    story: Story,
    options: Options,
    rendering: _Rendering,
    cancel: threading.Event,
    *,
    headline: str | None = None,
) -> _Rendered:
    """The story's brief rendered in the format, one spaCy call at a time; stopped by ``cancel``.

    Its file is named after ``headline`` (a stored story's title), or else after the brief's own
    (``rendering.brief_headline``)."""
    if _NLP_ANALYSES.intersection(options.analyses):
        with _NLP_LOCK:
            result = brief(story, options, cancel=cancel)
    else:
        result = brief(story, options, cancel=cancel)
    text = render(result, rendering.output_format, explain=rendering.explain, timing=rendering.timing)
    name = file_name(brief_headline(result) if headline is None else headline, rendering.output_format)
    return _Rendered(text, name)


def _brief_response(rendered: _Rendered, rendering: _Rendering) -> Response:
    """The rendered brief as ``newsbrief summarize`` prints it (the text and one newline), with
    the file name to save it under (Content-Disposition ``inline``: a browser still shows it)."""
    return Response(
        rendered.text + "\n",
        media_type=MEDIA_TYPES[rendering.output_format],
        headers={"Content-Disposition": f'inline; filename="{rendered.file_name}"'},
    )


async def _unless_disconnected(request: Request, work: Callable[[threading.Event], _Rendered]) -> _Rendered:
    """``work(cancel)`` in a worker thread, with ``cancel`` set once the client is gone.

    Neither uvicorn nor Starlette stops a request's handler when its client disconnects (the
    page's Cancel, a closed tab, a client's timeout), and a thread cannot be stopped from
    outside; so while the work runs, ``request.is_disconnected()`` is polled every
    ``_DISCONNECT_POLL_S``, and the brief, told by ``cancel``, stops itself at its next stage
    boundary (``newsbrief.errors.stop_if_cancelled``) and frees its thread and the NLP lock.
    """
    cancel = threading.Event()

    async def watch() -> None:
        while not await request.is_disconnected():
            await anyio.sleep(_DISCONNECT_POLL_S)
        cancel.set()

    result: _Rendered | None = None
    failure: Exception | None = None
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(watch)
        try:
            result = await run_in_threadpool(work, cancel)
        except Exception as exc:  # raised below: the task group would wrap it in an ExceptionGroup
            failure = exc
        tasks.cancel_scope.cancel()  # the watch ends with the work
    if failure is not None:
        raise failure
    assert result is not None  # the work either answered or raised
    return result


def _check_given_ids(items: Sequence[_Item], articles: Sequence[Article]) -> None:
    """InputError (422) for an article whose given id an earlier article has (given, or its outlet's
    slug): made unique with a suffix, as the command line does, it would name in the brief an
    article that the client cannot map back to what it sent."""
    for item, article in zip(items, articles, strict=True):
        if item.article_id is not None and article.id != item.article_id:
            earlier = next(
                other.label for other, kept in zip(items, articles, strict=True) if kept.id == item.article_id
            )
            raise InputError(
                f"{item.label}: id {item.article_id!r} is {earlier}'s too; give each article its own id"
            )


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
        article = read_text(item.content, source=item.label, outlet=fallback_outlet, titled=bool(item.title))
    _check_chars(article.text, item.label, limits)
    return replace(
        article,
        id=item.article_id or article.id,
        outlet=item.outlet or article.outlet,
        title=item.title or article.title,
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


async def _cancelled(request: Request, exc: Exception) -> Response:
    """The client went away and its brief stopped: a log line for the operator, and an answer
    nobody reads (499, nginx's "client closed request"), since ASGI wants one."""
    logger.info("%s %s: the client went away; %s", request.method, request.url.path, exc)
    return _error(499, "the client closed the request before the brief was done")


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


# How much of an over-cap body is read and thrown away so that its client gets to read the 413.
_DRAIN_FACTOR = 4
_MAX_DRAIN_BYTES = 64_000_000


class _BodyTooLargeError(Exception):
    """The request body went past the cap; says how much of it was read and whether more follows."""

    def __init__(self, *, received: int = 0, more: bool = True, declared: int | None = None) -> None:
        super().__init__("request body over the cap")
        self.received = received
        self.more = more
        self.declared = declared


class _HeadAsGetMiddleware:
    """Answers HEAD as GET without the body, on every route.

    A server must answer HEAD wherever it answers GET (RFC 9110), and uptime checks send it to
    /v1/health; FastAPI's routes answer only the methods they name (a 405), so HEAD is passed on
    as GET and the body dropped here, whatever the ASGI server does with one.
    """

    def __init__(self, app: _ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: _Scope, receive: _Receive, send: _Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: _Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


class _GuardMiddleware:
    """Adds the security headers to every response and caps the request body.

    The body is read as it arrives, at most ``max_body_bytes`` plus one chunk, and handed to the
    app only when it is within the cap (chunked uploads have no Content-Length to check). A body
    over the cap is never buffered; before the 413 the rest of it is read and dropped, up to
    ``max_drain_bytes``, because a client such as ``urllib`` or ``requests`` reads the answer only
    once it has sent its whole body: a server that answers and closes while the client is still
    sending resets the connection, and the client sees "connection reset", not the 413. A body
    declared (Content-Length) or found to be over ``max_drain_bytes`` is answered without
    reading further, and uvicorn then closes the connection; so is one whose client asked
    ``Expect: 100-continue`` and waits for the answer before sending.
    """

    def __init__(self, app: _ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_drain_bytes = min(_DRAIN_FACTOR * max_body_bytes, _MAX_DRAIN_BYTES)

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
        except _BodyTooLargeError as exc:
            if exc.more and not _expects_continue(scope):
                await self._discard_body(receive, exc)
            response = _error(413, f"request body is over the limit of {self.max_body_bytes:,} bytes")
            await response(scope, receive, send_with_headers)
            return
        body_message = {"type": "http.request", "body": body, "more_body": False}
        await self.app(scope, _prepend(body_message, receive_rest), send_with_headers)

    async def _read_body(self, scope: _Scope, receive: _Receive) -> tuple[bytes, _Receive]:
        """The whole body, at most the cap; _BodyTooLargeError as soon as it is known to be over."""
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and not declared.isdigit():
            raise _BodyTooLargeError(more=False)  # nothing sane to drain: answer and close
        if declared is not None and int(declared) > self.max_body_bytes:
            raise _BodyTooLargeError(declared=int(declared))
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
                raise _BodyTooLargeError(received=size, more=message.get("more_body", False))
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), receive

    async def _discard_body(self, receive: _Receive, over: _BodyTooLargeError) -> None:
        """Read and drop the rest of an over-cap body, unless it is known to pass max_drain_bytes."""
        if over.declared is not None and over.declared > self.max_drain_bytes:
            return
        received = over.received
        while received <= self.max_drain_bytes:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            received += len(message.get("body", b""))
            if not message.get("more_body", False):
                return


def _expects_continue(scope: _Scope) -> bool:
    """Whether the client waits for an interim 100 before sending its body (reading it would ask for it)."""
    expect = dict(scope.get("headers", [])).get(b"expect", b"")
    return bool(expect.lower() == b"100-continue")


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

_FORMAT_PARAMETER: dict[str, Any] = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": _FORMAT_HELP,
    "schema": {"type": "string", "enum": list(MEDIA_TYPES), "default": "json"},
}
_BRIEF_REQUEST_BODY: dict[str, Any] = {
    "parameters": [
        {
            **_FORMAT_PARAMETER,
            "description": _FORMAT_HELP
            + " The body's format field says the same; if both are given they must agree.",
        },
        {
            "name": "explain",
            "in": "query",
            "required": False,
            "description": _EXPLAIN_HELP,
            "schema": {"type": "boolean"},
        },
        {
            "name": "timing",
            "in": "query",
            "required": False,
            "description": _TIMING_HELP,
            "schema": {"type": "boolean", "default": False},
        },
    ],
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
                            "description": ".txt, .md, .html or .htm files (one named without an extension is"
                            " read as HTML when it starts with '<', else as text); UTF-8, else read as cp1252"
                            " or latin-1 with a decode-fallback notice, as the CLI reads a file",
                        },
                        "words": {"type": "integer", "minimum": MIN_WORDS, "maximum": MAX_WORDS_LIMIT},
                        "sentences": {"type": "integer", "minimum": 1, "maximum": MAX_WORDS_LIMIT},
                        "analysis": {"type": "string"},
                        "style": {"type": "string", "enum": list(STYLES)},
                        "format": {"type": "string", "enum": list(MEDIA_TYPES), "description": _FORMAT_HELP},
                        "explain": {"type": "boolean", "description": _EXPLAIN_HELP},
                    },
                }
            },
        },
    },
}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description plus the request models, which the route reads by hand (JSON or form)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    _, definitions = models_json_schema(
        [(BriefRequest, "validation"), (StoriesRequest, "validation")],
        ref_template="#/components/schemas/{model}",
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(definitions.get("$defs", {}))
    components.update(_brief_schemas())
    app.openapi_schema = schema
    return schema


def _brief_schemas() -> dict[str, Any]:
    """The shipped JSON Schema of newsbrief.brief/1 as OpenAPI components: ``Brief`` and each of its
    ``$defs`` as ``Brief_<name>``, its references moved to match (an ``$id`` would re-root them)."""
    text = resources.files("newsbrief.rendering").joinpath("brief.schema.json").read_text(encoding="utf-8")
    brief_schema = json.loads(text.replace('"#/$defs/', '"#/components/schemas/Brief_'))
    definitions = brief_schema.pop("$defs")
    for key in ("$schema", "$id"):
        brief_schema.pop(key)
    return {"Brief": brief_schema, **{f"Brief_{name}": value for name, value in definitions.items()}}


# Stories ----------------------------------------------------------------------------------------
#
# POST /v1/stories groups a batch of articles into stories (``newsbrief.stream.cluster``); with a
# store (``serve --db``), GET /v1/stories lists the store's latest stories and
# GET /v1/stories/{id}/brief briefs one of them, as ``newsbrief cluster --briefs`` does.

_DEFAULT_STORY_LIMIT = 50
_MAX_STORY_LIMIT = 500
_UNREADABLE_STORE = "this server's story store cannot be read: its operator can see why in the server's log"
_NO_STORE = "this server has no story store: start it with newsbrief serve --db FILE (a store of newsbrief watch or cluster --db)"


class StreamArticleIn(_WholeNumberId):
    """One article of a batch to group into stories: exactly one of ``text`` or ``html``."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["html"]}]}
    )

    text: StrictStr | None = Field(default=None, description=_TEXT_FIELD)
    html: StrictStr | None = Field(default=None, description="The article's HTML page.")
    id: StrictStr | None = Field(
        default=None,
        max_length=_MAX_FIELD_CHARS,
        description="The article's key in the stories (a string, or a whole number read as its digits,"
        " as a JSONL record's id); default: its url, else a hash of its text.",
        json_schema_extra=_ID_SCHEMA,
    )
    outlet: StrictStr | None = Field(default=None, max_length=_MAX_FIELD_CHARS)
    title: StrictStr | None = Field(default=None, max_length=_MAX_FIELD_CHARS)
    url: StrictStr | None = Field(
        default=None, max_length=_MAX_URL_CHARS, description="Where the article is published; never fetched."
    )
    published: StrictStr | None = Field(
        default=None, max_length=_MAX_FIELD_CHARS, description="ISO 8601 or RFC 2822 date and time."
    )


class StoriesRequest(BaseModel):
    """A batch of articles to group into stories, in publication order."""

    model_config = ConfigDict(extra="forbid")

    articles: list[StreamArticleIn] = Field(
        min_length=1,
        max_length=DEFAULT_LIMITS.max_stream_articles,
        description="The articles, about any number of stories.",
    )
    window_days: StrictFloat | None = Field(
        default=None,
        gt=0,
        le=MAX_WINDOW_DAYS,
        allow_inf_nan=False,
        description=f"Days a story stays open after its last article (default {DEFAULT_SETTINGS.window_days:g}).",
    )


class StoryOut(BaseModel):
    """One story: what a line of ``newsbrief cluster -o`` holds."""

    id: str
    articles: list[str] = Field(
        description="Article keys (id, else URL, else sha256 of the text), in arrival order."
    )
    duplicates: dict[str, str] = Field(
        description="A near-identical copy's key -> the key of the article it copies."
    )
    outlets: list[str] = Field(
        description="The outlets its articles name; an article sent without one names none."
    )
    first_published: str | None
    last_published: str | None
    title: str = Field(description="The headline of the article closest to the story's centre.")
    keywords: list[str]
    merged_from: list[str] = Field(description="Stories merged into this one.")
    language: str = Field(description='"en", or "und" for articles that do not look like English.')


class NoticeOut(BaseModel):
    """Something to know about how the stories were made."""

    code: str
    message: str
    article_ids: list[str]


class StoriesOut(BaseModel):
    """The stories of a batch of articles, in order of their first article."""

    stories: list[StoryOut]
    notices: list[NoticeOut]


class StoryListOut(BaseModel):
    """The latest stories of the server's store, newest first; ``total`` counts them all."""

    stories: list[StoryOut]
    total: int


def _add_story_routes(app: FastAPI, limits: Limits, store_path: Path | None) -> None:
    """POST /v1/stories always; GET /v1/stories and /v1/stories/{story_id}/brief read the store."""
    shelf = None if store_path is None else _StoryShelf(store_path)

    def current() -> _Snapshot:
        if shelf is None:
            raise HTTPException(404, _NO_STORE)
        try:
            return shelf.current()
        except (SourceError, sqlite3.DatabaseError) as exc:
            # the operator's file, not the client's request: a 503 that names neither the path nor the cause
            logger.error("cannot read the story store: %s", exc)
            raise HTTPException(503, _UNREADABLE_STORE) from None

    @app.post(
        "/v1/stories",
        openapi_extra=_STORIES_REQUEST_BODY,
        responses={
            200: {"model": StoriesOut, "description": "The stories, in order of their first article."},
            413: {"model": ErrorOut, "description": "Request body over the size cap."},
            415: {"model": ErrorOut, "description": "Body not JSON, or compressed."},
            422: {"model": ErrorOut, "description": "Bad input, said in one line."},
        },
    )
    async def create_stories(request: Request) -> Response:
        """Group the articles of a JSON body into stories, as ``newsbrief cluster`` does."""
        _check_fields(request.query_params, ())
        _check_encoding(request)
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if not (media_type == "application/json" or media_type.endswith("+json")):
            raise HTTPException(415, "send the articles as application/json")
        return JSONResponse(await run_in_threadpool(_make_stories, await request.body(), limits))

    @app.get(
        "/v1/stories",
        openapi_extra=_STORY_LIST_PARAMETERS,
        responses={
            200: {"model": StoryListOut, "description": "The latest stories, newest first."},
            404: {"model": ErrorOut, "description": "The server has no story store (serve --db)."},
            422: {"model": ErrorOut, "description": "Bad input, said in one line."},
            503: {"model": ErrorOut, "description": "The server's story store cannot be read."},
        },
    )
    async def list_stories(request: Request) -> Response:
        """The store's latest stories: by last article's date, newest first; undated ones last."""
        _check_fields(request.query_params, ("limit",))
        limit = _form_int(request.query_params.get("limit"), "limit", _DEFAULT_STORY_LIMIT)
        if limit is None or not 1 <= limit <= _MAX_STORY_LIMIT:
            raise InputError(f"limit must be from 1 to {_MAX_STORY_LIMIT} (got {limit})")
        snapshot = await run_in_threadpool(current)
        stories = [story_record(story) for story in snapshot.latest[:limit]]
        return JSONResponse({"stories": stories, "total": len(snapshot.latest)})

    @app.get(
        "/v1/stories/{story_id}/brief",
        openapi_extra=_STORY_BRIEF_PARAMETERS,
        responses={
            200: _STORY_BRIEF_RESPONSE,
            404: {"model": ErrorOut, "description": "No such story, or no story store (serve --db)."},
            422: {"model": ErrorOut, "description": "Bad input, said in one line."},
            503: {
                "model": ErrorOut,
                "description": "An analysis needs a model that is not installed, or the story store cannot be read.",
            },
        },
    )
    async def story_brief(story_id: str, request: Request) -> Response:
        """The brief of one stored story's articles, rendered as ``POST /v1/briefs`` renders."""
        query = request.query_params
        _check_fields(query, _STORY_BRIEF_QUERY, repeatable=("analysis",))
        rendering = _output(_Output(), query)
        analysis = query.getlist("analysis")
        options = _options(
            _form_int(query.get("words"), "words", 250),
            _form_int(query.get("sentences"), "sentences", None),
            analysis[0] if len(analysis) == 1 else analysis or "none",
            _form_style(query.get("style")),
        )
        snapshot = await run_in_threadpool(current)
        # a story a writer merged into another lives on in it, as Clusterer.story finds it
        holder = snapshot.merged_into.get(story_id, story_id)
        articles = snapshot.articles.get(holder)
        if articles is None:
            raise HTTPException(404, f"no story {story_id[:40]!r} in the store: GET /v1/stories lists them")
        story = Story(articles=articles, id=holder)
        headline = snapshot.titles[holder]  # the story's title, as the list shows it
        result = await _unless_disconnected(
            request, partial(_render_brief, story, options, rendering, headline=headline)
        )
        response = _brief_response(result, rendering)
        if holder != story_id:
            response.headers["Content-Location"] = f"/v1/stories/{holder}/brief"
        return response


def _make_stories(body: bytes, limits: Limits) -> dict[str, object]:
    """The stories and notices of a JSON body of articles; runs in a worker thread."""
    parsed = _validated_json(StoriesRequest, body)
    _check_count(len(parsed.articles), replace(limits, max_articles=limits.max_stream_articles))
    articles = [
        _stream_article(article, f"articles[{index}]", limits)
        for index, article in enumerate(parsed.articles)
    ]
    settings = (
        DEFAULT_SETTINGS
        if parsed.window_days is None
        else replace(DEFAULT_SETTINGS, window_days=parsed.window_days)
    )
    stories = cluster(articles, settings=settings)
    notices = [
        {"code": notice.code, "message": notice.message, "article_ids": list(notice.article_ids)}
        for notice in stream_notices(articles, stories, where="the request")
    ]
    return {"stories": [story_record(story) for story in stories], "notices": notices}


def _stream_article(article: StreamArticleIn, label: str, limits: Limits) -> Article:
    """The article of one request item, read as ``POST /v1/briefs`` reads text or HTML; the
    request's id (its key; empty: the key is its URL or text hash), outlet, title, URL and date win."""
    _refuse_nul_fields(article, label)
    kind, content = _the_one_given(label, text=article.text, html=article.html)
    if kind == "text" and not content.strip():  # blank HTML: the reader says it has no article text
        raise SourceError(f"{label}: empty text")
    _check_chars(content, label, limits)
    outlet, title, published = _fields(article.outlet, article.title, article.published)
    read = (
        read_html(content, source=label, outlet=outlet or "", url=article.url)
        if kind == "html"
        else read_text(content, source=label, outlet=outlet or "", url=article.url, titled=bool(title))
    )
    _check_chars(read.text, label, limits)
    return replace(
        read,
        id=article.id or "",
        # a text sent with a URL and no outlet is named by the URL's host, as a JSONL record is
        outlet=outlet or read.outlet or url_host(article.url) or "",
        title=title or read.title,
        published=published or read.published,
    )


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """A store's stories as read at one version of its files; immutable, so threads share it."""

    version: tuple[tuple[int, int] | None, ...]
    latest: tuple[StreamStory, ...]  # newest first
    articles: Mapping[str, tuple[Article, ...]]  # story id -> its articles, keyed as for a brief
    titles: Mapping[str, str]  # story id -> its title, which names its brief's file
    merged_into: Mapping[str, str]  # id of a story merged into another -> the story holding it now


class _StoryShelf:
    """The stories of a store file, read again only when the file has changed.

    ``newsbrief watch`` or ``cluster --db`` may be writing the file while the server runs; each
    request compares the size and modification time of the file and its write-ahead log with
    those of the snapshot, and rebuilds the snapshot (one thread at a time, on its own SQLite
    connection, closed at once) when they differ. Reading never writes to an existing store.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None

    def current(self) -> _Snapshot:
        """The snapshot of the file as it is now."""
        version = _file_version(self.path)
        snapshot = self._snapshot
        if snapshot is not None and snapshot.version == version:
            return snapshot
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                self._snapshot = _read_snapshot(self.path, version)
            return self._snapshot


def _file_version(path: Path) -> tuple[tuple[int, int] | None, ...]:
    """(modification time, size) of the store and its write-ahead log; None for a missing file."""
    versions: list[tuple[int, int] | None] = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            status = part.stat()
        except FileNotFoundError:
            versions.append(None)
        else:
            versions.append((status.st_mtime_ns, status.st_size))
    return tuple(versions)


def _read_snapshot(path: Path, version: tuple[tuple[int, int] | None, ...]) -> _Snapshot:
    """The stories of the store at ``path`` (none if the file is gone), with the settings it was made with."""
    if not path.is_file():
        return _Snapshot(version, (), {}, {}, {})
    store = Store(path, create=False)  # a file that is not a store yet is refused, never written to
    try:
        clusterer = Clusterer(store)
        stories = clusterer.stories()
        articles = {story.id: clusterer.articles(story) for story in stories}
    finally:
        store.close()
    titles = {story.id: story.title for story in stories}
    merged_into = {merged: story.id for story in stories for merged in story.merged_from}
    return _Snapshot(version, tuple(_newest_first(stories)), articles, titles, merged_into)


def _newest_first(stories: Sequence[StreamStory]) -> list[StreamStory]:
    """By the date of the last article, newest first, undated last; on a tie the story begun later first."""

    def recency(position: int) -> tuple[float, int]:
        time = published_time(stories[position].last_published)
        return (-math.inf if time is None else time, position)

    return [stories[position] for position in sorted(range(len(stories)), key=recency, reverse=True)]


_BRIEF_CONTENT: dict[str, Any] = {
    "application/json": {"schema": {"$ref": "#/components/schemas/Brief"}},
    "text/markdown": {"schema": {"type": "string"}},
    "text/html": {"schema": {"type": "string"}},
    "text/plain": {"schema": {"type": "string"}},
}
_BRIEF_RESPONSE: dict[str, Any] = {
    "description": "The brief, in the format asked for (default: newsbrief.brief/1 JSON with articles).",
    "headers": _FILE_NAME_HEADER,
    "content": _BRIEF_CONTENT,
}
_STORY_BRIEF_RESPONSE: dict[str, Any] = {
    **_BRIEF_RESPONSE,
    "description": "The brief of the story's articles, in the format asked for. A story a writer has "
    "since merged into another answers with the brief of the story that holds it now.",
    "headers": {
        **_BRIEF_RESPONSE["headers"],
        "Content-Location": {
            "description": "Only for a merged story: /v1/stories/{id}/brief of the story holding it.",
            "schema": {"type": "string"},
        },
    },
}

_STORIES_REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoriesRequest"}}},
    },
}

_STORY_LIST_PARAMETERS: dict[str, Any] = {
    "parameters": [
        {
            "name": "limit",
            "in": "query",
            "required": False,
            "description": "How many stories to list, the newest first.",
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": _MAX_STORY_LIMIT,
                "default": _DEFAULT_STORY_LIMIT,
            },
        }
    ]
}

_STORY_BRIEF_PARAMETERS: dict[str, Any] = {
    "parameters": [
        _FORMAT_PARAMETER,  # a GET has no body to give the format in too
        *_BRIEF_REQUEST_BODY["parameters"][1:],
        {
            "name": "words",
            "in": "query",
            "required": False,
            "description": "Summary budget.",
            "schema": {"type": "integer", "minimum": MIN_WORDS, "maximum": MAX_WORDS_LIMIT, "default": 250},
        },
        {
            "name": "sentences",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_WORDS_LIMIT},
        },
        {
            "name": "analysis",
            "in": "query",
            "required": False,
            "description": f'"all", "none" (default), or analyses to run, comma-separated or repeated: {", ".join(ANALYSES)}.',
            "schema": {"type": "array", "items": {"type": "string"}},
            "style": "form",
            "explode": True,
        },
        {
            "name": "style",
            "in": "query",
            "required": False,
            "description": 'How the summary is chosen: "neutral" (the default) or "extract".',
            "schema": {"type": "string", "enum": list(STYLES), "default": DEFAULT_STYLE},
        },
    ]
}
