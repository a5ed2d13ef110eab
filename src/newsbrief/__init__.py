"""newsbrief: several articles about one story in, one cited brief out.

    >>> import newsbrief
    >>> brief = newsbrief.summarize(["examples/aleppo"], words=120)
    >>> print(brief.to_markdown())

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
from newsbrief.ingest import read_stories, read_story
from newsbrief.model import (
    Article,
    Brief,
    Citation,
    Fact,
    Notice,
    Options,
    Removal,
    Sentence,
    Source,
    Story,
    SummarySentence,
)
from newsbrief.pipeline import DEFAULT_OPTIONS, brief, summarize
from newsbrief.render import render

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_OPTIONS",
    "Article",
    "Brief",
    "Citation",
    "EmptyStoryError",
    "Fact",
    "InputError",
    "MissingModelError",
    "NewsbriefError",
    "Notice",
    "OptionError",
    "Options",
    "Removal",
    "Sentence",
    "Source",
    "SourceError",
    "Story",
    "SummarySentence",
    "__version__",
    "brief",
    "read_stories",
    "read_story",
    "render",
    "summarize",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
