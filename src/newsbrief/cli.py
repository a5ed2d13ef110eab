"""The ``newsbrief`` command: a thin layer over the Python API.

Only newsbrief's own errors are caught (one line on stderr, exit code 2); anything else is a
bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsbrief.errors import NewsbriefError, OptionError, SourceError
from newsbrief.model import MAX_WORDS_LIMIT, MIN_WORDS, Options, parse_analyses

if TYPE_CHECKING:
    from newsbrief.evaluate import StoryResult, SystemScore

__all__ = ["app", "main"]

app = typer.Typer(
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
) -> None:
    """The commands below; ``--version`` prints the version."""


err_console = Console(stderr=True)

FORMATS = ("md", "markdown", "json", "html", "text")
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
        help="Articles: files (.txt .html .json .jsonl), directories, http(s) URLs, or - for stdin.",
        show_default=False,
    ),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format: md, json, html or text.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
StyleOption = Annotated[
    str,
    typer.Option(
        "--style",
        help="How the summary is chosen: extract (default) or neutral (experimental: avoids and flags "
        "lines in an outlet's own voice, joins quotations, puts the news first).",
    ),
]
ExplainOption = Annotated[
    bool, typer.Option("--explain", help="Also show what cleaning removed and each citation's words.")
]
ANALYSIS_HELP = (
    "Cross-source analyses: all, none, or a comma list of facts, figures, quotes, entities, framing."
    " All but facts load the spaCy English pipeline (about a second once)."
)


def _guarded(action: Callable[[], T]) -> T:
    """Run the action; our errors become one red line on stderr and exit code 2."""
    try:
        return action()
    except NewsbriefError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None


@app.command()
def summarize(
    sources: SourcesArgument,
    words: WordsOption = 250,
    sentences: Annotated[
        int | None, typer.Option("--sentences", "-s", help="Stop after this many sentences.")
    ] = None,
    analysis: Annotated[str, typer.Option("--analysis", "-a", help=ANALYSIS_HELP)] = "none",
    style: StyleOption = "extract",
    output_format: FormatOption = "md",
    output: OutputOption = None,
    explain: ExplainOption = False,
) -> None:
    """Write a cited brief of the articles about one story (summary only unless --analysis)."""
    text = _guarded(
        lambda: _brief_text(
            sources,
            Options(words, sentences, parse_analyses(analysis), style),
            output_format,
            explain,
            summary=True,
        )
    )
    _write(text, output)


@app.command()
def analyze(
    sources: SourcesArgument,
    analysis: Annotated[str, typer.Option("--analysis", "-a", help=ANALYSIS_HELP)] = "all",
    style: StyleOption = "extract",
    output_format: FormatOption = "md",
    output: OutputOption = None,
    explain: ExplainOption = False,
) -> None:
    """Print only the cross-source analysis: agreed facts, figures and conflicts, quotes, who and where, framing."""

    def run() -> str:
        analyses = parse_analyses(analysis)
        if not analyses:
            raise OptionError("--analysis none leaves nothing to analyze: name at least one analysis")
        return _brief_text(
            sources, Options(analyses=analyses, style=style), output_format, explain, summary=False
        )

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
) -> None:
    """Serve the web page at / and the HTTP API at /v1 (OpenAPI at /openapi.json)."""
    from newsbrief.service.app import serve as run_server

    run_server(host, port, allow_urls=allow_urls)


def _brief_text(
    sources: list[str], options: Options, output_format: str, explain: bool, *, summary: bool
) -> str:
    """Read the story, make its brief, print its notices to stderr, and render it."""
    from newsbrief.pipeline.brief import brief
    from newsbrief.pipeline.ingest import read_story
    from newsbrief.rendering import render

    result = brief(read_story(sources, stdin=sys.stdin), options)
    text = render(result, output_format, explain=explain, summary=summary)
    for notice in result.notices:
        err_console.print(f"[yellow]note:[/yellow] {escape(notice.message)}", highlight=False, soft_wrap=True)
    return text


@app.command("eval")
def evaluate_command(
    stories: Annotated[
        str, typer.Argument(help="Stories with reference summaries: JSONL records {id, documents, summary}.")
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
    from newsbrief.evaluate import evaluate, read_peers
    from newsbrief.pipeline.ingest import read_stories

    def run() -> tuple[tuple[SystemScore, ...], tuple[StoryResult, ...]]:
        options = Options(max_words=words)
        peer_summaries = read_peers(peers) if peers else None
        loaded = tuple(read_stories(stories))
        if not any(story.reference is not None for story in loaded):
            raise SourceError(f'{stories}: no story has a reference summary ("summary" field)')
        with Progress(
            TextColumn("summarizing and scoring"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task("eval", total=sum(story.reference is not None for story in loaded))

            def advance(_: StoryResult) -> None:
                progress.advance(task)

            return evaluate(loaded, options=options, peers=peer_summaries, on_story=advance)

    scores, results = _guarded(run)
    table = Table(title=f"ROUGE F1 (rouge-score, stemmed) at {words} words")
    for column in ("system", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "words", "stories"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for score in scores:
        table.add_row(
            score.system,
            f"{score.rouge1:.3f}",
            f"{score.rouge2:.3f}",
            f"{score.rouge_lsum:.3f}",
            f"{score.words:.0f}",
            str(score.stories),
        )
    Console().print(table)
    if output is not None:
        lines = (
            json.dumps({"id": result.story_id, "summary": result.prediction}, ensure_ascii=False)
            for result in results
        )
        _write("\n".join(lines) + "\n", output)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        err_console.print(
            f"[red]error:[/red] cannot write {escape(str(output))}: {escape(exc.strerror or str(exc))}"
        )
        raise typer.Exit(code=2) from None


def main() -> None:
    """Entry point of the ``newsbrief`` console script."""
    app()
