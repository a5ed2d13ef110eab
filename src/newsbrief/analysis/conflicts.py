"""Conflicts between outlets: figures of different articles that count the same thing and disagree.

``find_conflicts`` pairs figures of different articles that count the same thing (same unit, same
counted noun or a synonym, overlapping words, same time frame) and reports those whose values
cannot both be true once qualifiers and rounding are allowed for. A false conflict misleads the
reader, so every rule leans towards saying nothing. The figures themselves come from
``newsbrief.analysis.figures``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsbrief.analysis.figures import (
    GENERIC_PEOPLE,
    NEARLY_WORDS,
    PEOPLE_NOUNS,
    SCALES,
    SYNONYMS,
    UNITS_WORDS,
    VAGUE_WORDS,
    WHAT_STOP,
)
from newsbrief.model import Conflict, Figure

__all__ = ["find_conflicts"]

_MAX_RATIO = 5.0  # values further apart than this count different things ("300" vs "3,000 troops")
_ROUNDING = 0.02  # relative difference left to rounding
REPORT_MIN_WORDS = 5
REPORT_OVERLAP = 0.8


# --------------------------------------------------------------------------- conflicts


def find_conflicts(figures: Sequence[Figure]) -> tuple[Conflict, ...]:
    """Things for which two or more articles give values that cannot both be true.

    Two figures count the same thing when they share a unit and a counted-thing key (the same
    noun lemma, or synonyms such as killed/dead/died/death toll), their other content words
    overlap, and their time frames agree. They disagree when their qualifier ranges do not meet,
    allowing 2% (or the written precision of "1.5 million") for rounding and ignoring values more
    than five times apart, which are different quantities. Figures of one article never conflict.
    """
    profiles = [_profile(figure) for figure in figures]
    ambiguous = _ambiguous(figures)
    same: dict[int, list[int]] = {i: [] for i in range(len(profiles))}
    for i, first in enumerate(profiles):
        for j in range(i + 1, len(profiles)):
            if i in ambiguous or j in ambiguous:
                continue
            if first.article_id != profiles[j].article_id and _same_thing(first, profiles[j]):
                same[i].append(j)
                same[j].append(i)
    edges = [
        (i, j)
        for i in range(len(profiles))
        for j in same[i]
        if i < j and _disagree(profiles[i], profiles[j]) and not _agreed_elsewhere(profiles, same, i, j)
    ]
    return _merge(figures, profiles, edges)


def _ambiguous(figures: Sequence[Figure]) -> set[int]:
    """Figures whose description does not tell them apart from another value in the same sentence.

    "The 219-to-197 vote" or "the couple, 75 and 71" give two values one description; which of
    them another article's figure should be compared with is unknown, so neither is compared.
    """
    seen: dict[tuple[str, int, str, str], list[int]] = {}
    for index, figure in enumerate(figures):
        key = (figure.span.article_id, figure.sentence.index, figure.unit, figure.what)
        seen.setdefault(key, []).append(index)
    return {
        index
        for indices in seen.values()
        if len({figures[i].value for i in indices}) > 1
        for index in indices
    }


def _agreed_elsewhere(profiles: Sequence[_Profile], same: dict[int, list[int]], i: int, j: int) -> bool:
    """True when either article also gives, for the same thing, a value the other agrees with.

    Agreeing means the value ranges meet; a value more than five times apart is another quantity
    ("8 children died" beside "about 100 die in an average season") and agrees with nothing.
    """
    for one, other in ((i, j), (j, i)):
        for k in same[one]:
            if profiles[k].article_id == profiles[other].article_id and _agree(profiles[one], profiles[k]):
                return True
    return False


@dataclass(frozen=True, slots=True)
class _Profile:
    """What the conflict rules compare for one figure."""

    article_id: str
    unit: str
    key: str
    words: frozenset[str]
    frame: str
    low: float
    high: float
    value: float
    context: frozenset[str]


def _profile(figure: Figure) -> _Profile:
    words = _content_words(figure.what)
    return _Profile(
        article_id=figure.span.article_id,
        unit=figure.unit,
        key=_thing_key(figure),
        words=words,
        frame=_time_frame(figure.what),
        context=_content_words(figure.sentence.text) - NUMBER_WORDS,
        low=_bounds(figure)[0],
        high=_bounds(figure)[1],
        value=figure.value,
    )


def _content_words(what: str) -> frozenset[str]:
    """Lower-case content words of a "what", with synonyms mapped to one key and plurals cut."""
    words = set()
    for raw in re.findall(r"[A-Za-z][A-Za-z'-]*", what.lower()):
        if raw in WHAT_STOP:
            continue
        words.add(_canonical(raw))
    return frozenset(words)


def _canonical(word: str) -> str:
    """One spelling for a word and its synonyms: "deaths", "killed", "dead" → "killed"."""
    stem = _stem(word)
    for key, synonyms in SYNONYMS.items():
        if word in synonyms or stem in synonyms:
            return key
    return stem


def _stem(word: str) -> str:
    """A crude stem good enough to match "civilians"/"civilian", "killed"/"kill", "fled"/"flee"."""
    irregular = {"fled": "flee", "died": "die", "dies": "die", "dying": "die", "people": "people",
                 "children": "child", "men": "man", "women": "woman", "lives": "life", "hurt": "hurt"}  # fmt: skip
    if word in irregular:
        return irregular[word]
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base
    return word


def _thing_key(figure: Figure) -> str:
    """The counted thing's key: a synonym group when one applies, else the first content word."""
    words = [
        _canonical(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", figure.what.lower()) if w not in WHAT_STOP
    ]
    for key in ("killed", "injured", "displaced", "arrested", "missing"):
        if key in words:
            return key
    return words[0] if words else ""


def _time_frame(what: str) -> str:
    """Words of the "what" that say when ("in the last two weeks", "on Tuesday"), normalized."""
    lowered = what.lower()
    pattern = (
        r"\b(?:today|yesterday|tonight|this (?:week|month|year|morning)|last (?:week|month|year|night)"
        r"|(?:the )?(?:last|past|first|next) [a-z0-9 ]*?(?:days?|weeks?|months?|years?|hours?)"
        r"|(?:over|in|during|within|for|after) [a-z0-9 ]*?(?:days|weeks|months|years|hours|decades)"
        r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:19|20)\d\d"
        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2})\b"
    )
    return " ".join(sorted(set(re.findall(pattern, lowered))))


def _bounds(figure: Figure) -> tuple[float, float]:
    """The range of true values the figure allows, given its qualifier."""
    value = figure.value
    span = figure.span.text.lower()
    qualifier = figure.qualifier
    if qualifier == "at-most" and any(word in span for word in NEARLY_WORDS):
        return value * 0.9, value
    bounds = {
        "exact": (value, value),
        "about": (value * 0.9, value * 1.1),
        "more-than": (value, float("inf")),
        "at-least": (value, float("inf")),
        "less-than": (0.0, value),
        "at-most": (0.0, value),
        "up-to": (0.0, value),
    }
    return bounds.get(qualifier, (value, value))


def _same_thing(first: _Profile, second: _Profile) -> bool:
    """True when two figures count the same thing in the same time frame."""
    if first.unit != second.unit or not first.key or first.key != second.key:
        return False
    if not first.words or not second.words or first.frame != second.frame:
        return False
    smaller, larger = sorted((first.words, second.words), key=lambda words: (len(words), sorted(words)))
    # Every content word of the shorter description must be in the longer one:
    # "Republicans voted present" is not "Republicans voted against", "generate" is not "made up".
    if smaller - larger:
        return False
    # A description with no word beyond the counted thing ("wounded", "times", "killing people")
    # or a thing without a unit ("the four killed") says too little: three earthquakes in one
    # story all "killed people". Then only two sentences telling the same report will do.
    thin = not smaller - {first.key} - GENERIC_WORDS or first.unit == "count"
    if thin and not _same_report(first.context, second.context):
        return False
    # Different counted nouns for people ("civilians" and "soldiers") are different things.
    nouns_first = first.words & PEOPLE_STEMS
    nouns_second = second.words & PEOPLE_STEMS
    return not (nouns_first and nouns_second and not nouns_first & nouns_second)


PEOPLE_STEMS = frozenset(_canonical(noun) for noun in PEOPLE_NOUNS - GENERIC_PEOPLE)
GENERIC_WORDS = frozenset(_canonical(word) for word in GENERIC_PEOPLE)
NUMBER_WORDS = frozenset(_canonical(word) for word in [*UNITS_WORDS, *SCALES, *VAGUE_WORDS])


def _same_report(first: frozenset[str], second: frozenset[str]) -> bool:
    """True when two sentences share nearly all their content words, numbers aside.

    Wire copy reprinted by several outlets, or one report updated, differs only in its figures:
    "Around 2 million have been displaced" is then the same thing in both. At least
    REPORT_MIN_WORDS shared words, and REPORT_OVERLAP of all the words of the two sentences.
    """
    shared = first & second
    return len(shared) >= REPORT_MIN_WORDS and len(shared) >= REPORT_OVERLAP * len(first | second)


def _disagree(first: _Profile, second: _Profile) -> bool:
    """True when the two value ranges cannot meet, allowing for rounding."""
    small, large = sorted((first.value, second.value))
    if small <= 0 or large / small > _MAX_RATIO:
        return False
    return not _agree(first, second)


def _agree(first: _Profile, second: _Profile) -> bool:
    """True when the two value ranges meet, allowing for rounding (none for dates and years)."""
    tolerance = (
        0.0 if first.unit in ("date", "year") else _ROUNDING * max(abs(first.value), abs(second.value))
    )
    return first.high + tolerance >= second.low and second.high + tolerance >= first.low


def _merge(
    figures: Sequence[Figure], profiles: Sequence[_Profile], edges: Sequence[tuple[int, int]]
) -> tuple[Conflict, ...]:
    """Conflicts from disagreeing figure pairs, joined when they share a figure."""
    parent = {index: index for edge in edges for index in edge}

    def root(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    for i, j in sorted(edges):
        first, second = root(i), root(j)
        parent[max(first, second)] = min(first, second)
    groups: dict[int, list[int]] = {}
    for index in sorted(parent):
        groups.setdefault(root(index), []).append(index)
    conflicts = []
    for _, members in sorted(groups.items()):
        chosen: dict[str, int] = {}
        for index in members:
            chosen.setdefault(profiles[index].article_id, index)
        picked = tuple(figures[index] for index in sorted(chosen.values()))
        unit, key = profiles[members[0]].unit, profiles[members[0]].key
        conflicts.append(Conflict(what=_conflict_what(picked), figures=picked, note=_note(picked, unit, key)))
    return tuple(conflicts)


def _conflict_what(figures: Sequence[Figure]) -> str:
    """The shortest description among the figures: the words they most likely share."""
    return min((figure.what for figure in figures), key=lambda what: (len(what), what))


def _note(figures: Sequence[Figure], unit: str, key: str) -> str:
    """One line saying why the figures were judged to count the same thing, and why they differ."""
    shared = sorted(frozenset.intersection(*(_content_words(figure.what) for figure in figures)) - {key})
    frame = _time_frame(figures[0].what)
    counted = unit if key == unit else f"{unit} ({key})"
    words = f", described with the same words ({', '.join(shared)})" if shared else ""
    if not set(shared) - GENERIC_WORDS:
        words += ", in sentences worded the same apart from the figures"
    when = f", same time frame ({frame})" if frame else ""
    values = " and ".join(figure.span.text for figure in figures)
    many = "both" if len(figures) == 2 else f"all {len(figures)}"
    return f"{many} count {counted}{words}{when}; {values} cannot {many.split()[0]} be true"
