"""One renderer for the CLI, the HTTP API and the web page: a Brief as Markdown, JSON, HTML or text.

Every renderer is a pure function of the Brief: the same brief gives the same string, and only
the timing figures (shown with ``timing=True``: in the reading formats with ``explain=True``,
in JSON's ``timing_ms``) change between runs on the same input. What each analysis section says, and how many entries it
shows, lives once in ``sections``; each format module only lays it out and escapes it.

Renderers return the text without a trailing newline, ready for ``print`` or ``typer.echo``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from newsbrief.errors import OptionError
from newsbrief.model import Brief
from newsbrief.rendering.files import brief_headline, file_name
from newsbrief.rendering.html import to_html
from newsbrief.rendering.json import to_json
from newsbrief.rendering.markdown import to_markdown
from newsbrief.rendering.stories import named_outlets, story_record
from newsbrief.rendering.text import to_text

__all__ = [
    "OUTPUT_FORMATS",
    "brief_headline",
    "file_name",
    "named_outlets",
    "render",
    "story_record",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
]

OUTPUT_FORMATS = ("markdown", "md", "json", "html", "text", "txt")


class _Renderer(Protocol):
    def __call__(self, brief: Brief, *, explain: bool = False, summary: bool = True) -> str: ...


def render(
    brief: Brief,
    output_format: str = "markdown",
    *,
    explain: bool = False,
    summary: bool = True,
    timing: bool = False,
) -> str:
    """The brief in the named format: markdown (md), json, html or text (txt).

    ``explain`` adds what cleaning removed and the exact source words behind every citation.
    ``timing`` adds the time each stage took: JSON's ``timing_ms``, and with ``explain`` a Timing
    section in the reading formats (left out otherwise, so that the same input gives the same
    bytes). ``summary=False`` leaves
    the summary and its citations out of the reading formats, for a page of analysis only;
    JSON always has everything. Raises OptionError for any other format.
    """
    renderer = _renderer(output_format)
    if renderer is to_json:
        return to_json(brief, explain=explain, summary=summary, timing=timing)
    # the times differ on every run: shown only when asked for, so that --explain gives the same bytes
    return renderer(brief if timing else replace(brief, timing_ms=()), explain=explain, summary=summary)


def _renderer(output_format: str) -> _Renderer:
    """The renderer for a format name (case and outer white space do not matter)."""
    name = output_format.strip().lower() if isinstance(output_format, str) else output_format
    match name:
        case "markdown" | "md":
            return to_markdown
        case "json":
            return to_json
        case "html":
            return to_html
        case "text" | "txt":
            return to_text
    raise OptionError(f"unknown output format {output_format!r}: use one of {', '.join(OUTPUT_FORMATS)}")
