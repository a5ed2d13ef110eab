"""One renderer for the CLI, the HTTP API and the web page: a Brief as Markdown, JSON, HTML or text."""

from __future__ import annotations

from newsbrief.rendering.sections import OUTPUT_FORMATS, render, to_html, to_json, to_markdown, to_text

__all__ = ["OUTPUT_FORMATS", "render", "to_html", "to_json", "to_markdown", "to_text"]
