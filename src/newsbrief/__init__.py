"""newsbrief: several articles about one story in, one cited brief out.

    >>> import newsbrief
    >>> brief = newsbrief.summarize(["examples/aleppo"], words=120)
    >>> print(newsbrief.render(brief, "markdown"))

Every summary sentence is taken verbatim from a source and carries citations: the article it
comes from and every other article that reports the same content.
"""

from __future__ import annotations

import importlib
import logging
import typing

from newsbrief.errors import (
    BriefCancelledError,
    EmptyStoryError,
    InputError,
    MissingModelError,
    NewsbriefError,
    OptionError,
    SourceError,
)
from newsbrief.model import (
    ANALYSES,
    ActorNames,
    Analysis,
    Article,
    Brief,
    Citation,
    Claim,
    ClusterSettings,
    Conflict,
    DisputedClaim,
    Entity,
    Fact,
    Figure,
    Framing,
    Notice,
    Options,
    OutletFraming,
    Quote,
    Removal,
    Sentence,
    Source,
    Span,
    Story,
    StreamStory,
    SummarySentence,
    Term,
    parse_analyses,
)

if typing.TYPE_CHECKING:
    from newsbrief.pipeline.brief import DEFAULT_OPTIONS, brief, briefs, summarize
    from newsbrief.pipeline.ingest import read_stories, read_story
    from newsbrief.rendering import render
    from newsbrief.stream.cluster import Clusterer, cluster
    from newsbrief.stream.store import Store

# The entry points that need scikit-learn, SciPy and the rest are imported on first use (PEP 562),
# so that `import newsbrief` (and with it every CLI start, even `--help` or a bad option) stays
# quick, and a Ctrl-C while the command starts is caught by the CLI, not shown as a traceback.
_LAZY = {
    "DEFAULT_OPTIONS": "newsbrief.pipeline.brief",
    "brief": "newsbrief.pipeline.brief",
    "briefs": "newsbrief.pipeline.brief",
    "summarize": "newsbrief.pipeline.brief",
    "read_stories": "newsbrief.pipeline.ingest",
    "read_story": "newsbrief.pipeline.ingest",
    "render": "newsbrief.rendering",
    "Clusterer": "newsbrief.stream",
    "cluster": "newsbrief.stream",
    "Store": "newsbrief.stream",
}

__version__ = "0.1.0"

__all__ = [
    "ANALYSES",
    "DEFAULT_OPTIONS",
    "ActorNames",
    "Analysis",
    "Article",
    "Brief",
    "BriefCancelledError",
    "Citation",
    "Claim",
    "ClusterSettings",
    "Clusterer",
    "Conflict",
    "DisputedClaim",
    "EmptyStoryError",
    "Entity",
    "Fact",
    "Figure",
    "Framing",
    "InputError",
    "MissingModelError",
    "NewsbriefError",
    "Notice",
    "OptionError",
    "Options",
    "OutletFraming",
    "Quote",
    "Removal",
    "Sentence",
    "Source",
    "SourceError",
    "Span",
    "Store",
    "Story",
    "StreamStory",
    "SummarySentence",
    "Term",
    "__version__",
    "brief",
    "briefs",
    "cluster",
    "parse_analyses",
    "read_stories",
    "read_story",
    "render",
    "summarize",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> object:
    """The lazily imported entry points (``_LAZY``), each imported once, on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsbrief' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
