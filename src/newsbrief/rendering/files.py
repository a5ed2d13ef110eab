"""The file name a brief is saved under: named after its story, so that briefs of several stories
saved into one folder are told apart (all named ``brief.md``, they came out ``brief (1).md``,
``brief (2).md``). The HTTP API sends it as Content-Disposition and the web page saves under it."""

from __future__ import annotations

from newsbrief.errors import OptionError
from newsbrief.model import Brief, slug

__all__ = ["FALLBACK_STEM", "FILE_EXTENSIONS", "MAX_STEM_CHARS", "brief_headline", "file_name"]

# what render() takes -> the extension of its file (newsbrief cluster --briefs writes the same)
FILE_EXTENSIONS = {"markdown": "md", "md": "md", "json": "json", "html": "html", "text": "txt", "txt": "txt"}
FALLBACK_STEM = "brief"  # a brief without a headline, or one with no ASCII letter or digit in it
MAX_STEM_CHARS = 60  # a headline's first words: enough to tell stories apart, short enough for any folder


def brief_headline(brief: Brief) -> str:
    """The headline to name the brief by: the first source's title that is not empty, or ""."""
    return next((" ".join(source.title.split()) for source in brief.sources if source.title.strip()), "")


def file_name(headline: str, output_format: str) -> str:
    """``aleppo-falls-to-government-forces.md``: the headline as a slug, and the format's extension.

    The slug is ASCII lower-case letters, digits and single hyphens (accents dropped: "Alépo"
    gives ``alepo``), safe in an HTTP header and on every file system, at most ``MAX_STEM_CHARS``
    long, cut at a hyphen when there is one in its second half; ``brief`` when nothing is left
    (no headline, or one in a script without ASCII letters). Raises OptionError for a format
    render() does not take.
    """
    extension = FILE_EXTENSIONS.get(output_format.strip().lower())
    if extension is None:
        raise OptionError(f"unknown output format {output_format!r}: use one of {', '.join(FILE_EXTENSIONS)}")
    stem = slug(headline)
    if len(stem) > MAX_STEM_CHARS:
        cut = stem.rfind("-", 0, MAX_STEM_CHARS + 1)
        stem = stem[: cut if cut > MAX_STEM_CHARS // 2 else MAX_STEM_CHARS].rstrip("-")
    return f"{stem or FALLBACK_STEM}.{extension}"
