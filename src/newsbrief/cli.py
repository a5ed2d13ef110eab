"""The ``newsbrief`` command: a thin layer over the Python API.

newsbrief's own errors, and usage errors (an unknown option or command, a missing argument, a
value of the wrong type), are one line on stderr and exit code 2. Anything else is a bug: it is
one line too (``error: internal error: ...``, exit code 1) unless ``--debug`` asks for the
traceback; an interrupt (Ctrl-C) is one line and exit code 130. A reader that closes the output
early (``newsbrief cluster ... | head -1``) ends the run quietly with exit code 141, as the shell
reports ``git log | head -1``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

# Typer 0.29 vendors Click: its contexts and usage errors live in typer._click
from typer._click import exceptions as usage
from typer._click.core import Command, Context, Parameter
from typer.core import TyperGroup

from newsbrief.errors import (
    INTERRUPTED_EXIT_CODE,
    EmptyStoryError,
    NewsbriefError,
    OptionError,
    SourceError,
    is_interrupt,
)
from newsbrief.model import (
    DEFAULT_STYLE,
    MAX_WINDOW_DAYS,
    MAX_WORDS_LIMIT,
    MIN_WORDS,
    Article,
    ClusterSettings,
    Notice,
    Options,
    Story,
    StreamStory,
    parse_analyses,
)

if TYPE_CHECKING:
    from newsbrief.evaluate import SkippedStory, StoryResult, SystemScore
    from newsbrief.stream.cluster import Clusterer
    from newsbrief.stream.feeds import RoundReport, WatchReport

__all__ = ["app", "main"]

err_console = Console(stderr=True)
DEFAULT_DASK_WORKERS = 2  # processes of cluster --engine dask's LocalCluster
STDOUT = Path("-")  # -o -: standard output, as the sources' - is standard input
READER_GONE_EXIT_CODE = 141  # 128 + SIGPIPE: the shell's code for a program whose reader went away


class _TopLevelGroup(TyperGroup):
    """The root command: what a command lets escape becomes one line on stderr, not a traceback.

    A usage error (Click's ``UsageError``: an unknown option or command, a missing argument, a
    value of the wrong type), at the root or in any subcommand, is one line naming the command
    and exit code 2, not Typer's multi-line box; ``newsbrief`` with no arguments still prints
    the help. Typer's own exits and aborts pass through untouched; so does ``KeyboardInterrupt``,
    which Typer turns into a silent exit 130 that ``main`` names.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Context | None = None,
        **extra: Any,
    ) -> Context:
        """The root's context; a usage error in the root's own options (``newsbrief --bogus``) is one line."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except usage.UsageError as exc:
            _exit_on_usage_error(exc, info_name or "newsbrief")

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Command | None, list[str]]:
        """The subcommand named by ``args[0]``; an unknown name is a usage error that suggests the
        closest command names (Click's message would end in a second sentence)."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            matches = get_close_matches(name, self.list_commands(ctx))
            hint = f" (did you mean {' or '.join(matches)}?)" if matches else ""
            raise usage.UsageError(f"no such command {name!r}{hint}", ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]  # Typer's contexts are typer.Context
        try:
            return super().invoke(ctx)
        except usage.UsageError as exc:
            # Click raises some errors (an option's missing value) without a context: name the subcommand
            subcommand = f" {ctx.invoked_subcommand}" if ctx.invoked_subcommand else ""
            _exit_on_usage_error(exc, ctx.command_path + subcommand)
        except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError):
            raise  # a broken pipe is stdout's reader gone, not a bug: Typer exits on it and main quiets it
        except Exception as exc:
            if is_interrupt(exc):  # Ctrl-C inside a numba kernel: the interrupt's line and exit code 130
                raise KeyboardInterrupt from exc
            if ctx.params.get("debug"):
                raise
            _error_line(
                f"internal error: {_describe(exc)} (please report; rerun with --debug for the traceback)"
            )
            raise typer.Exit(code=1) from None


def _exit_on_usage_error(exc: usage.UsageError, command: str) -> NoReturn:
    """Print a usage error as one line on stderr and exit with code 2; ``newsbrief`` with no
    arguments (Click's ``NoArgsIsHelpError``) goes on to print the help.

    ``command`` names the command when the error carries no context of its own.
    """
    if isinstance(exc, usage.NoArgsIsHelpError):
        raise exc
    command = exc.ctx.command_path if exc.ctx is not None else command
    _error_line(f"{command}: {_usage_problem(exc)}; see {command} --help")
    raise typer.Exit(code=2) from None


def _usage_problem(exc: usage.UsageError) -> str:
    """What a usage error says is wrong, in the words of the project's other errors (lower case,
    options by their long name, a suggestion in brackets)."""
    if isinstance(exc, usage.NoSuchOption):
        hint = f" (did you mean {' or '.join(exc.possibilities)}?)" if exc.possibilities else ""
        return f"no such option {exc.option_name}{hint}"
    if isinstance(exc, usage.MissingParameter) and exc.param is not None:
        return f"missing {exc.param.param_type_name} {_parameter_name(exc.param)}"
    if isinstance(exc, usage.BadParameter) and exc.param is not None:
        return f"invalid value for {_parameter_name(exc.param)}: {_clause(exc.message)}"
    return _clause(exc.format_message())


def _parameter_name(param: Parameter) -> str:
    """``--words`` for an option (its first long name), ``SOURCES...`` for an argument."""
    if param.param_type_name == "option":
        long_names = [name for name in param.opts if name.startswith("--")]
        return (long_names or param.opts)[0]
    name = (param.name or "argument").upper()
    return f"{name}..." if param.nargs == -1 else name


def _clause(message: str) -> str:
    """A message as a clause within one line: white space collapsed, no capital or full stop at its ends."""
    text = " ".join(message.split()).rstrip(".")
    return text[:1].lower() + text[1:]


def _describe(exc: BaseException) -> str:
    """``Type: message`` of an exception, on one line."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _error_line(message: str) -> None:
    err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)


def _note_line(message: str) -> None:
    err_console.print(f"[yellow]note:[/yellow] {escape(message)}", highlight=False, soft_wrap=True)


def _print_notice(notice: Notice) -> None:
    _note_line(notice.message)


app = typer.Typer(
    cls=_TopLevelGroup,
    name="newsbrief",
    help=(
        "Several articles about one story in; one short summary out, every sentence citing its "
        "sources, and beside it what the outlets agree on, their figures and conflicts, who said "
        "what, who is named, and how each outlet frames the story."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from newsbrief import __version__

        typer.echo(f"newsbrief {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show the traceback of an internal error (a bug) instead of one line."),
    ] = False,
) -> None:
    """The commands below; ``--version`` prints the version, ``--debug`` lets a bug's traceback through."""


T = TypeVar("T")

WordsOption = Annotated[
    int,
    typer.Option(
        "--words",
        "-w",
        help=f"Summary length budget in words ({MIN_WORDS} to {MAX_WORDS_LIMIT}).",
        show_default=True,
    ),
]


SourcesArgument = Annotated[
    list[str],
    typer.Argument(
        help="Articles: files (.txt .md .html .htm .json .jsonl .src), directories, http(s) URLs, or - for stdin.",
        show_default=False,
        metavar="SOURCES",
    ),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format: md, json, html or text.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout (- for stdout).")
]
StyleOption = Annotated[
    str,
    typer.Option(
        "--style",
        help="How the summary is chosen: neutral (default: avoids and flags lines in an outlet's own "
        "voice, joins quotations, puts the news first) or extract (plain extraction in the sources' order "
        "and voice).",
    ),
]
ExplainOption = Annotated[
    bool, typer.Option("--explain", help="Also show what cleaning removed and each citation's words.")
]
TimingOption = Annotated[
    bool,
    typer.Option(
        "--timing",
        help="Show the time each stage took: the JSON's timing_ms, and a Timing section of md, html "
        "and text with --explain (left out otherwise, so that the same input gives the same bytes).",
    ),
]
ANALYSIS_HELP = (
    "Cross-source analyses: all, none, or a comma list of facts, figures (with conflicts and disputed"
    " claims), quotes, entities, framing. All but facts load the spaCy English pipeline (about a second once)."
)


def _guarded(action: Callable[[], T]) -> T:
    """Run the action; our errors become one red line on stderr and exit code 2."""
    try:
        return action()
    except NewsbriefError as exc:
        _error_line(str(exc))
        raise typer.Exit(code=2) from None


@app.command()
def summarize(
    sources: SourcesArgument,
    words: WordsOption = 250,
    sentences: Annotated[
        int | None, typer.Option("--sentences", "-s", help="Stop after this many sentences (1 to 5000).")
    ] = None,
    analysis: Annotated[str, typer.Option("--analysis", "-a", help=ANALYSIS_HELP)] = "none",
    style: StyleOption = DEFAULT_STYLE,
    output_format: FormatOption = "md",
    output: OutputOption = None,
    explain: ExplainOption = False,
    timing: TimingOption = False,
) -> None:
    """Write a cited brief of the articles about one story (summary only unless --analysis)."""
    _guarded(lambda: _check_output(output, sources))
    text = _guarded(
        lambda: _brief_text(
            sources,
            Options(words, sentences, parse_analyses(analysis), style),
            output_format,
            explain,
            summary=True,
            timing=timing,
        )
    )
    _write(text, output)


@app.command()
def analyze(
    sources: SourcesArgument,
    analysis: Annotated[str, typer.Option("--analysis", "-a", help=ANALYSIS_HELP)] = "all",
    style: StyleOption = DEFAULT_STYLE,
    output_format: FormatOption = "md",
    output: OutputOption = None,
    explain: ExplainOption = False,
    timing: TimingOption = False,
) -> None:
    """Print only the cross-source analysis: agreed facts, figures and conflicts, quotes, who and where, framing."""

    def run() -> str:
        analyses = parse_analyses(analysis)
        if not analyses:
            raise OptionError("--analysis none leaves nothing to analyze: name at least one analysis")
        options = Options(analyses=analyses, style=style)
        return _brief_text(sources, options, output_format, explain, summary=False, timing=timing)

    _guarded(lambda: _check_output(output, sources))
    _write(_guarded(run), output)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_urls: Annotated[
        bool,
        typer.Option(
            "--allow-urls",
            help="Let requests name article URLs for the server to fetch (public http(s) addresses only).",
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Server processes; each answers requests on its own core with its own copy of the NLP model.",
            min=1,
            max=64,
        ),
    ] = 1,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="A stream store (of newsbrief watch or cluster --db) whose stories the page lists and briefs.",
        ),
    ] = None,
) -> None:
    """Serve the web page at / and the HTTP API at /v1 (OpenAPI at /openapi.json)."""
    from newsbrief.service.app import serve as run_server

    if db is not None and not db.is_file():
        from newsbrief.stream.store import not_a_file

        kind = not_a_file(db)
        what = f"{kind}, not a store file" if kind else "no such file"
        err_console.print(
            f"[red]error:[/red] --db {escape(str(db))}: {what}; "
            "fill a store first with newsbrief watch FEEDS --db FILE or newsbrief cluster ... --db FILE",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(code=2)
    if db is not None:  # checked here, so that a file that is not a store is one line, not a 422 per request
        from newsbrief.stream.store import Store

        _guarded(lambda: Store(db, create=False)).close()
    _guarded(lambda: _check_listen(host, port))
    run_server(host, port, allow_urls=allow_urls, workers=workers, store_path=db)


def _check_listen(host: str, port: int) -> None:
    """OptionError, one line, when no server could listen at the address: an unknown host, a port
    in use or not allowed. uvicorn would log several lines and exit with code 3; it binds the
    same way (``SO_REUSEADDR``), so an address that passes here is one it can take."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        raise OptionError(
            f"--host {host} --port {port}: cannot listen there ({exc.strerror or exc})"
        ) from None


def _brief_text(
    sources: list[str], options: Options, output_format: str, explain: bool, *, summary: bool, timing: bool
) -> str:
    """Read the story, make its brief, print its notices to stderr, and render it."""
    from newsbrief.pipeline.brief import brief
    from newsbrief.pipeline.ingest import read_story
    from newsbrief.rendering import render

    _refuse_feed_files(sources)
    result = brief(read_story(sources, stdin=sys.stdin), options)
    text = render(result, output_format, explain=explain, summary=summary, timing=timing)
    for notice in result.notices:
        _print_notice(notice)
    return text


def _refuse_feed_files(sources: Sequence[str]) -> None:
    """SourceError, one line, for a file that is an RSS or Atom feed: read as a page it was "no
    article text found in the HTML", though a feed holds many articles, which ``cluster`` and
    ``watch`` read. (A URL is an article's page here, as ever.)"""
    candidates = [source for source in sources if Path(source).suffix.lower() in _FEED_SUFFIXES]
    if not candidates:
        return
    from newsbrief.stream.feeds import is_feed  # feedparser only when a source may be a feed

    for source in candidates:
        if Path(source).is_file() and is_feed(source):
            raise SourceError(
                f"{source}: an RSS or Atom feed, not an article; give it to newsbrief cluster or watch"
            )


_FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf", ".html", ".htm", ""})


@app.command("eval")
def evaluate_command(
    stories: Annotated[
        str,
        typer.Argument(
            help="Stories with reference summaries: JSONL records {id, documents, summary}.",
            metavar="STORIES",
        ),
    ],
    peers: Annotated[
        Path | None,
        typer.Option("--peers", help="JSONL of other systems' summaries: {id, system: summary, ...}."),
    ] = None,
    words: WordsOption = 250,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write newsbrief's summaries here as JSONL.")
    ] = None,
) -> None:
    """Score newsbrief with ROUGE against reference summaries, side by side with peer systems."""
    _require_stdout("eval prints its table there")
    from newsbrief.evaluate import evaluate, read_peers
    from newsbrief.pipeline.ingest import read_stories

    def run() -> tuple[tuple[SystemScore, ...], tuple[StoryResult, ...], tuple[SkippedStory, ...]]:
        options = Options(max_words=words)
        if output == STDOUT:  # the summaries would run into the table
            raise OptionError("-o -: eval prints its table on stdout; give -o a file for the summaries")
        _check_output(output, [str(stories), *([str(peers)] if peers else [])])
        peer_summaries = read_peers(peers) if peers else None
        loaded = tuple(read_stories(stories))
        _refuse_repeated_ids(stories, loaded)
        if not any(story.reference is not None for story in loaded):
            raise SourceError(f'{stories}: no story has a reference summary ("summary" field)')
        _note_unscored(stories, loaded, peers, peer_summaries or {})
        with Progress(
            TextColumn("summarizing and scoring"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=not sys.stderr.isatty(),  # off a terminal the bar left a blank line on stderr
        ) as progress:
            task = progress.add_task("eval", total=sum(story.reference is not None for story in loaded))

            def advance(_: StoryResult | SkippedStory) -> None:
                progress.advance(task)

            evaluated = evaluate(loaded, options=options, peers=peer_summaries, on_story=advance)
        _note_skipped(stories, evaluated[2], scored=len(evaluated[1]))
        return evaluated

    scores, results, skipped = _guarded(run)
    table = Table(
        title=f"ROUGE F1 (rouge-score, stemmed) at {words} words",
        caption=_skipped_caption(len(skipped), len(results) + len(skipped)),
    )
    # a name wraps rather than ends in "…": two peers "newsroom/summarizer-expe…" were one row
    table.add_column("system", justify="left", overflow="fold")
    for column in ("ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "words", "stories"):
        table.add_column(column, justify="right", no_wrap=True)
    for score in scores:
        table.add_row(
            score.system,
            f"{score.rouge1:.3f}",
            f"{score.rouge2:.3f}",
            f"{score.rouge_lsum:.3f}",
            f"{score.words:.0f}",
            str(score.stories),
        )
    console = Console()
    if not console.is_terminal:  # a file or a pipe has no width to keep to: the whole table, unwrapped
        wide = console.options.update_width(_UNBOUNDED_WIDTH)
        console = Console(width=max(console.width, console.measure(table, options=wide).maximum))
    console.print(table)
    if output is not None:
        lines = (
            json.dumps({"id": result.story_id, "summary": result.prediction}, ensure_ascii=False)
            for result in results
        )
        _write("\n".join(lines) + "\n", output)
        unnamed = sum(not result.story_id for result in results)
        if unnamed:  # nothing maps them back to their stories but their order
            _note_line(
                f"{unnamed} of {len(results)} stories have no id: {output} gives their summaries "
                '"id": "", in the order of the stories'
            )


def _refuse_repeated_ids(stories_file: str, stories: Sequence[Story]) -> None:
    """SourceError when two stories have one id: both were scored (the story counted twice) and
    a peer's summary for the id scored against each, as a second ``--peers`` record for an id
    would be (which is refused too). Stories without an id are told apart by their order."""
    seen: set[str] = set()
    for story in stories:
        if story.id and story.id in seen:
            raise SourceError(
                f"{stories_file}: story id {story.id!r} is given twice; give each story its own id"
            )
        seen.add(story.id)


def _note_skipped(stories_file: str, skipped: Sequence[SkippedStory], *, scored: int) -> None:
    """A note for each story eval skipped for want of text; SourceError when no story was left to score."""
    for story in skipped:
        _note_line(f"{stories_file}: story {story.story_id!r} not scored: {story.reason}")
    if skipped and not scored:
        raise SourceError(f"{stories_file}: no story with a reference has any article text to summarize")


def _skipped_caption(skipped: int, total: int) -> str | None:
    """The line under eval's table that counts the stories skipped for want of text (None: none was)."""
    if not skipped:
        return None
    return f"{skipped} of {total} stories not scored: no article text (notes on stderr)"


def _note_unscored(
    stories_file: str, stories: tuple[Story, ...], peers_file: Path | None, peers: Mapping[str, object]
) -> None:
    """A note for the stories eval leaves out (no reference) and the peer records it cannot use."""
    unreferenced = sum(story.reference is None for story in stories)
    if unreferenced:
        _note_line(
            f"{stories_file}: {unreferenced} of {len(stories)} stories have no reference summary; not scored"
        )
    ids = {story.id for story in stories}
    strays = [story_id for story_id in peers if story_id not in ids]
    if strays:
        _note_line(
            f"{peers_file}: {len(strays)} of {len(peers)} records name no story of {stories_file} "
            f"(the first: {strays[0]!r}); not scored"
        )


@app.command()
def watch(
    feeds_file: Annotated[
        Path,
        typer.Argument(
            help="A text file naming one RSS/Atom feed (URL or file) per line; # comments.",
            metavar="FEEDS_FILE",
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="The SQLite file that keeps the articles and stories.")],
    every: Annotated[
        float, typer.Option("--every", help="Minutes between two polls of the feeds.", min=0.1)
    ] = 15.0,
    rounds: Annotated[
        int | None,
        typer.Option("--rounds", help="Stop after this many polls (default: until Ctrl-C).", min=1),
    ] = None,
) -> None:
    """Poll RSS/Atom feeds, fetch each new article's page, and cluster the articles into stories."""
    from newsbrief.stream.feeds import percentile, read_feed_list
    from newsbrief.stream.feeds import watch as watch_feeds

    def run() -> WatchReport:
        feeds = read_feed_list(feeds_file)
        from newsbrief.stream.cluster import Clusterer
        from newsbrief.stream.store import Store

        clusterer = Clusterer(Store(db))
        arrivals = _Arrivals(clusterer)
        try:
            report = watch_feeds(
                feeds,
                arrivals.add,
                every_minutes=every,
                rounds=rounds,
                on_round=arrivals.print_round,
                known=clusterer,
            )
            if report.rounds and report.rounds[-1].number > arrivals.printed:  # cut short by Ctrl-C
                arrivals.print_round(report.rounds[-1])
            return report
        finally:
            clusterer.close()

    report = _guarded(run)
    added = report.added
    processing = [article.processing_s * 1000 for article in added]
    fetching = [article.fetch_s * 1000 for article in added if article.fetched]
    stopped = "stopped by Ctrl-C after" if report.interrupted else "watched"
    times = []  # none when nothing was added or no page fetched: a p50 of 0.0 ms would be no measurement
    if processing:
        times.append(
            f"processing p50 {percentile(processing, 0.5):.1f} ms, p99 {percentile(processing, 0.99):.1f} ms"
        )
    if fetching:
        times.append(
            f"page fetch p50 {percentile(fetching, 0.5):.0f} ms, p99 {percentile(fetching, 0.99):.0f} ms"
            f" ({len(fetching)} {'page' if len(fetching) == 1 else 'pages'} fetched)"
        )
    typer.echo(
        f"{stopped} {len(report.rounds)} {'round' if len(report.rounds) == 1 else 'rounds'}: "
        f"{len(added)} articles added, {report.skipped_seen} already seen"
        + (f"; per article {', '.join(times)}" if times else "")
    )
    _guarded(lambda: _require_a_feed_read(report))


def _require_a_feed_read(report: WatchReport) -> None:
    """SourceError (exit 2) when a watch that ran its rounds to the end never read a feed: a
    script polling with --rounds should not take every feed failing for a quiet success."""
    if report.rounds and not report.interrupted and not any(r.feeds_ok for r in report.rounds):
        count = len(report.rounds)
        raise SourceError(
            f"no feed could be read in {count} {'round' if count == 1 else 'rounds'} (each failure is above)"
        )


class _Arrivals:
    """The articles a watch adds to the clusterer, kept until their round is printed, so that the
    round's notes include what ``cluster`` notes of its input (``stream_notices``): the articles
    with no readable date, placed by arrival, and those not in English, grouped apart."""

    def __init__(self, clusterer: Clusterer) -> None:
        self._clusterer = clusterer
        self._articles: list[Article] = []
        self.printed = 0  # the number of the last round printed

    def add(self, article: Article) -> str:
        """Add the article to the clusterer; the id of its story."""
        story = self._clusterer.add(article)
        self._articles.append(article)  # after add: an article the store refuses was not placed
        return story

    def print_round(self, report: RoundReport) -> None:
        """Print the round as ``_print_round`` does, then the notices on the articles it added."""
        from newsbrief.stream.cluster import article_key, stream_notices

        self.printed = report.number  # first: a Ctrl-C while it prints does not print it again
        _print_round(report)
        counted = {article.key for article in report.added}  # what the round line counts
        added = [article for article in self._articles if article_key(article) in counted]
        touched = {story.id: story for story in map(self._clusterer.story, report.stories)}
        for notice in stream_notices(added, list(touched.values()), where="the watch"):
            _print_notice(notice)
        self._articles.clear()


def _print_round(report: RoundReport) -> None:
    """One line for a finished round on stdout; its failures and notes on stderr."""
    failed = len(report.feeds_failed)
    typer.echo(
        f"round {report.number}: {len(report.feeds_ok)} feeds ok, {failed} failed, "
        f"{len(report.added)} new articles, {report.skipped_seen} already seen, "
        f"{len(report.stories)} stories touched"
    )
    for failure in report.feeds_failed:
        err_console.print(
            f"[yellow]feed failed:[/yellow] {escape(failure.reason)}", highlight=False, soft_wrap=True
        )
    for note in report.notes:
        _note_line(note)


@app.command("cluster")
def cluster_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help=(
                "Articles: JSONL (an article or a Multi-News story per line), directories, HTML or "
                "text files, RSS/Atom feeds (files or http(s) URLs), or - for standard input."
            ),
            metavar="SOURCES",
            show_default=False,
        ),
    ],
    db: Annotated[
        Path | None,
        typer.Option("--db", help="SQLite store to keep (and resume) the stream in; in memory if not given."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the stories here as JSONL (default, or -: stdout)."),
    ] = None,
    briefs_dir: Annotated[
        Path | None,
        typer.Option("--briefs", help="Write a brief of every story with two or more outlets here."),
    ] = None,
    formats: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="Formats of the --briefs, comma-separated: md (default), json, html, text."
        ),
    ] = None,
    window: Annotated[
        float | None,
        typer.Option(
            "--window",
            help="Days a story stays open after its last article (default 3, at most 3650, or what --db was made with).",
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            "--engine", help="embedded (one process) or dask (time windows in parallel on dask.distributed)."
        ),
    ] = "embedded",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Dask scheduler address (tcp://host:8786); a LocalCluster if not given."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Worker processes of the LocalCluster (--engine dask; default 2)."),
    ] = None,
) -> None:
    """Group a stream of articles into stories, in publication order; one story per JSONL line."""
    import dataclasses

    from newsbrief.pipeline.brief import brief
    from newsbrief.rendering import named_outlets, render, story_record
    from newsbrief.rendering.files import FILE_EXTENSIONS
    from newsbrief.stream.cluster import DEFAULT_SETTINGS, Clusterer, in_publication_order, stream_notices
    from newsbrief.stream.sources import read_articles
    from newsbrief.stream.store import Store

    # the formats --format names, as summarize's, each with the extension every saved brief gets
    extensions = dict(FILE_EXTENSIONS)

    def run() -> str:
        _check_output(output, sources)
        if formats is not None and briefs_dir is None:  # the stories themselves are always JSONL
            raise OptionError(f"--format {formats} is the format of the briefs: give --briefs DIR too")
        given = "md" if formats is None else formats
        named = [name.strip().lower() for name in given.split(",") if name.strip()]
        unknown = [name for name in named if name not in extensions]
        if unknown or not named:
            shown = repr(unknown[0]) if unknown else repr(given)
            raise OptionError(f"--format {shown}: choose from md (markdown), json, html, text (txt)")
        # one file per extension: "md,markdown" or "text,txt" asks for one file, not two writes of it
        by_extension: dict[str, str] = {}
        for name in named:
            by_extension.setdefault(extensions[name], name)
        chosen = list(by_extension.values())
        if engine not in ("embedded", "dask"):
            raise OptionError(f"--engine {engine!r}: choose embedded or dask")
        _check_dask_options(engine, scheduler, workers)
        if (
            window is not None and not 0 < window <= MAX_WINDOW_DAYS
        ):  # NaN and inf too; the settings' message names window_days
            raise OptionError(
                f"--window must be a positive number of days, at most {MAX_WINDOW_DAYS:g} (got {window:g})"
            )
        if briefs_dir is not None:  # before the stream is clustered, so that a bad folder is found at once
            _check_briefs_folder(briefs_dir, sources)
            _make_folder(briefs_dir)
        store = None if engine == "dask" else Store(db)  # the Dask engine opens --db itself
        stored = store.settings() if store is not None else None
        if store is not None and stored is not None and window not in (None, stored.window_days):
            store.close()
            raise OptionError(
                f"--window {window:g}: {db} was clustered with --window {stored.window_days:g}; "
                "leave --window out to go on with it, or give a new --db"
            )
        made_with = stored or DEFAULT_SETTINGS
        settings = made_with if window is None else dataclasses.replace(made_with, window_days=window)
        clusterer = None if store is None else Clusterer(store, settings=settings)
        try:
            if clusterer is None:
                articles, stories, articles_of = _dask_stories(
                    sources, db, settings, scheduler, DEFAULT_DASK_WORKERS if workers is None else workers
                )
            else:
                articles = in_publication_order(read_articles(sources, on_notice=_print_notice))
                _note_stored(articles, clusterer, db)
                with Progress(
                    TextColumn("clustering"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                    console=err_console,
                    transient=True,
                    disable=not sys.stderr.isatty(),
                ) as progress:
                    task = progress.add_task("cluster", total=len(articles))
                    for _ in clusterer.add_all(articles):
                        progress.advance(task)
                stories, articles_of = clusterer.stories(), clusterer.articles
            for notice in stream_notices(articles, stories, where="the input"):
                _print_notice(notice)
            if briefs_dir is not None:
                wide = [story for story in stories if len(named_outlets(story)) >= 2]
                _note_unnamed_outlets(stories)
                empty: list[str] = []  # stories whose articles clean to nothing: noted, not fatal
                for story in wide:
                    try:
                        made = brief(Story(articles=articles_of(story), id=story.id))
                    except EmptyStoryError:
                        empty.append(story.id)
                        continue
                    for name in chosen:
                        _write_file(
                            briefs_dir / f"{story.id}.{extensions[name]}",
                            _ending_in_line_break(render(made, name)),
                        )
                if empty:
                    _note_line(
                        f"no brief for {len(empty)} {'story' if len(empty) == 1 else 'stories'} "
                        f"({', '.join(empty[:10])}{', ...' if len(empty) > 10 else ''}): "
                        "no article text left after cleaning"
                    )
        finally:
            if clusterer is not None:
                clusterer.close()
        lines = [json.dumps(story_record(story), ensure_ascii=False) for story in stories]
        return "\n".join(lines) + "\n" if lines else ""

    _write(_guarded(run), output)


def _note_stored(articles: list[Article], clusterer: Clusterer, db: Path | None) -> None:
    """A note for the articles of the input that ``--db`` holds already (a rerun, a growing
    input): the store keeps them as they were, and they are not added again. An article whose
    key the store holds with other text is refused here, before any article is added (it had
    been counted as stored first, then refused when its turn came)."""
    from newsbrief.stream.cluster import article_key

    first: dict[str, Article] = {}
    for article in articles:
        first.setdefault(article_key(article), article)
    already = sum(map(clusterer.holds, first.values()))
    if already:
        _note_line(
            f"{already} of {len(first)} articles {'is' if already == 1 else 'are'} already in {db}: not added again"
        )


def _check_dask_options(engine: str, scheduler: str | None, workers: int | None) -> None:
    """OptionError when --scheduler or --workers is given without --engine dask, which alone reads
    them, or both are: --workers sizes the LocalCluster that --scheduler replaces. Either was
    ignored unsaid before."""
    given = [
        option for option, value in (("--scheduler", scheduler), ("--workers", workers)) if value is not None
    ]
    if engine != "dask" and given:
        raise OptionError(f"{' and '.join(given)} {'need' if len(given) > 1 else 'needs'} --engine dask")
    if len(given) == 2:
        raise OptionError(
            "--workers starts that many local workers; with --scheduler the cluster's own workers "
            "run the tasks: give one of them"
        )


def _dask_stories(
    sources: list[str], db: Path | None, settings: ClusterSettings, scheduler: str | None, workers: int
) -> tuple[list[Article], list[StreamStory], Callable[[StreamStory], tuple[Article, ...]]]:
    """The articles read, the stories the Dask engine makes of them, and each story's articles
    (keyed as in the store) for briefs."""
    import dataclasses

    from newsbrief.stream.cluster import article_key
    from newsbrief.stream.engines import cluster_on_dask, dask_client
    from newsbrief.stream.sources import read_articles
    from newsbrief.stream.store import Store

    articles = list(read_articles(sources, on_notice=_print_notice))
    by_key = {
        article_key(article): dataclasses.replace(article, id=article_key(article)) for article in articles
    }
    store = Store(db) if db is not None else None
    try:
        with dask_client(scheduler, workers=workers) as client:
            stories = cluster_on_dask(articles, client=client, settings=settings, store=store)
    finally:
        if store is not None:
            store.close()
    return articles, stories, lambda story: tuple(by_key[key] for key in story.articles)


def _note_unnamed_outlets(stories: list[StreamStory]) -> None:
    """A note for the stories of several articles that get no brief because too few of their
    articles name an outlet (records without ``outlet`` or ``url``): an unnamed article may be
    from any outlet, so it is not counted as a second one."""
    from newsbrief.rendering import named_outlets

    unnamed = [
        story
        for story in stories
        if len(story.articles) >= 2 and "" in story.outlets and len(named_outlets(story)) < 2
    ]
    if unnamed:
        none_named = all(not named_outlets(story) for story in unnamed)
        why = (
            "none of their articles names its outlet"
            if none_named
            else "fewer than two of their outlets are named"
        )
        _note_line(
            f"no brief for {len(unnamed)} {'story' if len(unnamed) == 1 else 'stories'} of several "
            f"articles: {why} (give each record an outlet or url)"
        )


def _check_briefs_folder(path: Path, sources: Sequence[str]) -> None:
    """SourceError, one line, when ``--briefs`` names a folder the run reads articles from: the
    briefs written there would be read as articles by the next run over it."""
    for source in sources:
        if Path(source).is_dir() and path.is_dir() and path.samefile(source):
            raise SourceError(f"--briefs {path}: it is an input folder of this run; give another folder")


def _make_folder(path: Path) -> None:
    """Make the folder (and its parents) if missing; SourceError, one line, when it cannot be.

    A file in the way is named: the system's words were "File exists" or "Not a directory"."""
    existing = next((folder for folder in (path, *path.parents) if folder.exists()), None)
    if existing is not None and not existing.is_dir():
        raise SourceError(f"cannot write to the folder {path}: {existing} is a file")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SourceError(f"cannot write to the folder {path}: {exc.strerror or exc}") from exc


_UNBOUNDED_WIDTH = 10_000  # a table measured for a file or pipe: as wide as its cells


def _check_output(path: Path | None, inputs: Sequence[str] = ()) -> None:
    """SourceError, one line, when ``-o`` names a folder, a file in a folder that does not exist,
    or one of the ``inputs`` (which the run would replace with its output): found before a long
    run (a full analysis, eval, cluster), not after it. ``-`` (``STDOUT``) is standard output."""
    if path is None or path == STDOUT:
        return
    if path.is_dir():
        raise SourceError(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise SourceError(f"cannot write {path}: no folder {path.parent}")
    if path.is_file() and any(path.samefile(file) for file in _input_files(inputs)):
        raise SourceError(f"cannot write {path}: it is an input of this run; give another file")


def _input_files(inputs: Sequence[str]) -> Iterator[Path]:
    """The files a run reads: each source that is a file, and the article files of each source
    that is a directory (``aleppo -o aleppo/npr.txt`` would replace the NPR article)."""
    from newsbrief.pipeline.ingest import directory_files

    for source in inputs:
        path = Path(source)
        if path.is_file():
            yield path
        elif path.is_dir():
            with contextlib.suppress(SourceError):  # a folder of no articles is reported when read
                yield from directory_files(path)[0]


def _write_file(path: Path, text: str) -> None:
    """Write the text to the file; SourceError, one line, when it cannot be (a full disk, no permission)."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _write(text: str, output: Path | None) -> None:
    """Write the text, ending in a line break, to the file or to stdout (no ``-o``, or ``-o -``);
    no text writes nothing (``cluster`` of no articles: an empty JSONL, not one blank line)."""
    ended = _ending_in_line_break(text)
    if output is None or output == STDOUT:
        _require_stdout("give -o FILE")
        _guarded(lambda: _write_stdout(ended))
        return
    _guarded(lambda: _write_file(output, ended))


def _ending_in_line_break(text: str) -> str:
    """The text with a final line break, as a text file ends (``wc -l``, ``cat`` of two files);
    empty text stays empty."""
    return text if not text or text.endswith("\n") else text + "\n"


def _write_stdout(text: str) -> None:
    """Write and flush the text to stdout; SourceError, one line, when it cannot be written (a
    full disk behind ``> file`` was an "internal error"). A reader gone (EPIPE) is left to
    ``main``, which ends the run quietly with exit code 141."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise SourceError(f"cannot write standard output: {exc.strerror or exc}") from exc


def _require_stdout(remedy: str) -> None:
    """Exit 2 in one line when the command was started with stdout closed (``>&-``): Python then
    has no stdout, and what the command prints would go nowhere."""
    if sys.stdout is None:
        _error_line(f"no standard output to write to (it is closed); {remedy}")
        raise typer.Exit(code=2)


def main() -> None:
    """Entry point of the ``newsbrief`` console script; an interrupt before a command runs is one
    line too, and a reader that went away is no message at all (exit code 141)."""
    try:
        try:
            app(prog_name="newsbrief")
        finally:
            if sys.stdout is not None:  # None when the command was started with stdout closed (>&-)
                sys.stdout.flush()  # what is still buffered: a closed pipe shows here, not at the interpreter's exit
    except KeyboardInterrupt:
        _error_line("interrupted")
        sys.exit(INTERRUPTED_EXIT_CODE)
    except BrokenPipeError:
        _exit_for_a_reader_gone()
    except SystemExit as exc:
        if _silent_interrupt(exc):
            _error_line("interrupted")
        if _broken_pipe(exc):
            _exit_for_a_reader_gone()
        raise


def _broken_pipe(exc: SystemExit) -> bool:
    """Whether the exit is Typer's for a write to a closed stdout (``--help | head -1``, or a
    command's output): Typer exits with code 1 from inside its handler of the EPIPE error."""
    return isinstance(exc.__context__, OSError) and exc.__context__.errno == errno.EPIPE


def _exit_for_a_reader_gone() -> NoReturn:
    """Exit with READER_GONE_EXIT_CODE and no message: the reader of the output closed it, as
    ``head -1`` does once it has its line. stdout and stderr (which ``2>&1 | head -1`` sends into
    the same pipe) are pointed at the null device first, so that the interpreter's last flush of
    what is still buffered does not fail again ("Exception ignored in: <_io.TextIOWrapper
    name='<stdout>'> BrokenPipeError", or exit code 120 when stderr is the broken pipe)."""
    null = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            os.dup2(null, stream.fileno())
    os.close(null)
    sys.exit(READER_GONE_EXIT_CODE)


def _silent_interrupt(exc: SystemExit) -> bool:
    """Whether the exit is Typer's silent exit 130 for a Ctrl-C, while it parses the arguments or
    while a command runs: that exit is chained from the interrupt."""
    cause = exc.__context__.__cause__ if exc.__context__ is not None else None
    return exc.code == INTERRUPTED_EXIT_CODE and isinstance(cause, KeyboardInterrupt)
