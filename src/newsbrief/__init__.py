"""newsbrief: several articles about one story in, one cited brief out.

    >>> import newsbrief
    >>> brief = newsbrief.summarize(["examples/aleppo"], words=120)
    >>> print(newsbrief.render(brief, "markdown"))

Every summary sentence is taken verbatim from a source and carries citations: the article it
comes from and every other article that reports the same content.
"""

from __future__ import annotations

import logging

from newsbrief.errors import (
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
from newsbrief.pipeline.brief import DEFAULT_OPTIONS, brief, briefs, summarize
from newsbrief.pipeline.ingest import read_stories, read_story
from newsbrief.rendering import render
from newsbrief.stream import Clusterer, cluster

__version__ = "0.1.0"

__all__ = [
    "ANALYSES",
    "DEFAULT_OPTIONS",
    "ActorNames",
    "Analysis",
    "Article",
    "Brief",
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
