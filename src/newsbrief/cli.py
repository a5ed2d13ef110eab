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

from newsbrief.errors import NewsbriefError, SourceError
from newsbrief.model import MAX_WORDS_LIMIT, MIN_WORDS, Options

if TYPE_CHECKING:
    from newsbrief.evaluate import StoryResult, SystemScore

__all__ = ["app", "main"]

app = typer.Typer(
    name="newsbrief",
    help="Several articles about one story in; one short summary out, every sentence citing its sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
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


def _guarded(action: Callable[[], T]) -> T:
    """Run the action; our errors become one red line on stderr and exit code 2."""
    try:
        return action()
    except NewsbriefError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None


@app.command()
def summarize(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Articles: files (.txt .html .json .jsonl), directories, http(s) URLs, or - for stdin.",
            show_default=False,
        ),
    ],
    words: WordsOption = 250,
    sentences: Annotated[
        int | None, typer.Option("--sentences", "-s", help="Stop after this many sentences.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: md, json, html or text.")
    ] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also show what cleaning removed and each citation's words.")
    ] = False,
) -> None:
    """Write a cited brief of the articles about one story."""
    from newsbrief.ingest import read_story
    from newsbrief.pipeline import brief
    from newsbrief.render import render

    def run() -> str:
        options = Options(max_words=words, max_sentences=sentences)
        result = brief(read_story(sources, stdin=sys.stdin), options)
        text = render(result, output_format, explain=explain)
        for notice in result.notices:
            err_console.print(
                f"[yellow]note:[/yellow] {escape(notice.message)}", highlight=False, soft_wrap=True
            )
        return text

    _write(_guarded(run), output)


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
    from newsbrief.ingest import read_stories

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
