"""The words and marks that several analyses and the renderer share, in one place.

Each list says what it is for; an analysis that needs a word list takes it from here rather than
keeping its own, so that two sections of a brief never disagree on what a word means.
"""

from __future__ import annotations

import re

__all__ = ["ORGANISATION_NOUNS", "is_whole_quotation"]

# Nouns news uses to refer back to an organisation it has just named ("the authority said").
ORGANISATION_NOUNS = frozenset(
    {
        "agency", "authority", "body", "organisation", "organization", "institute", "institution",
        "ministry", "department", "watchdog", "regulator", "charity", "company", "firm", "group",
    }
)  # fmt: skip

_WHOLE_QUOTATION = re.compile(r"[\"“][^\"“”]+[\"”][.!?]?")


def is_whole_quotation(text: str) -> bool:
    """True when the sentence is one quotation from its first character to its last, with no
    attribution outside the marks ("\"To make a path ... Aleppo city.\"")."""
    return _WHOLE_QUOTATION.fullmatch(text.strip()) is not None
