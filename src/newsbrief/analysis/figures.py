"""Figures in the articles (counts, money, percentages, dates): value, unit, qualifier, what, source.

``find_figures`` reads spaCy's number entities (CARDINAL, MONEY, PERCENT, QUANTITY, DATE) and the
number tokens spaCy did not tag, turns the words into a value ("1.5 million" → 1500000, "a dozen"
→ 12), reads the qualifier in front ("more than", "at least", "nearly", ...), and builds from the
dependency parse what the figure counts ("civilians died in the last two weeks on the rebel side")
and who the article says it comes from ("according to X", "X said", "X reported"): a source only
for a figure inside what it said, not for its audience ("Clinton told about 600 supporters") or
the day it spoke ("said in a Sept. 14 email"). A year's description says what happened then in at least two words, or is empty ("Born in 1956, he ...").

``newsbrief.analysis.conflicts`` compares the figures of different outlets.

Qualifiers: "nearly" and "almost" are read as "at-most" (the true number is just under the one
written); for conflicts they mean the range [0.9 v, v], so "nearly 40,000" agrees with "40,000".
"about" means [0.9 v, 1.1 v]; "more than"/"at least" are open upwards, "less than"/"at most"/
"up to" downwards. A range "between 300 and 400" keeps both ends (qualifier "range", ``value``
300, ``upper`` 400).

"7.5 percent or higher" and "$100 million-plus" are open upwards, "65 or younger" downwards.
"300 to 400", "2 or 3" (the smaller number first) and "range from 2,000 to 100,000" are ranges; a pair with
the larger number first ("voted 219 to 197", "a 219-197 vote", "won 3-2", "a ratio of 5 to 1") is a
tally, score or ratio and not a figure: neither number says alone what it counts.

A change is not a range: when a word of change (``CHANGE_WORDS``: "rose", "lowering", "declined",
"up", ...) governs "from X to Y" ("expanding from seven to eight", "lowering the rate from 39.6
percent to 25 percent") or "to Y from X" ("declined to 2 percent from 7.9 percent", "to $500,000
per year (up from $150,000)"), Y is the figure's value and X its ``previous`` value: what the
reports say now, and what it changed from.

Durations get plural units ("years", "weeks") so that they never meet calendar years ("year").
Ages ("a 45-year-old man", "45 years old", "aged 24", "aged 25 to 35", "between the ages of six and
12", "Joey Kadmiri, 24") get the unit "age", and as ``head`` the person or role they describe when
the words just before the age name one ("the suspect, believed to be between the ages of 25 and
35"). "girls as young as 10" and "as old as 90" give the youngest or oldest of a group (qualifiers
"lowest" and "highest"): one end of the group's ages, which a range of them also gives.

Odds ("a 2 in 3 chance", "two-in-three", "one in five") are not figures: neither number counts
anything alone. Nor are fractions alone ("a third", "two-thirds", "more than half", "cutting in
half"): shares of something the number does not name; a mixed number is read whole ("at least
two-and-a-half months" is 2.5 months, "half a million" 500,000).

A description that names nothing beyond the counted thing ("two wounded", "29 times", "killing
8,000 people") is too thin to tell one event from another, so such figures, and counts with no
unit, are compared only when their two sentences say the same thing in the same words apart from
the figures: wire copy carried by two outlets, or one report updated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbrief.analysis.entities import Names
from newsbrief.analysis.lexicon import (
    COMPOUND_ADJECTIVES,
    EVENT_CLASSES,
    EVENT_PHRASES,
    ORGANISATION_NOUNS,
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    REPORTING_VERBS,
    SPEECH_VERBS,
)
from newsbrief.model import Article, Figure, Sentence, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["find_figures"]

# Who an article cites without naming them, counted: "two officials", "three people", "four sources".
_SOURCE_NOUNS = frozenset({"official", "source", "person", "people"})

NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE"})
# Entities whose numbers are part of a name ("G20", "Boeing 737", "Apollo 11").
NAME_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PERSON", "GPE"})

QUALIFIERS: tuple[tuple[str, str], ...] = (
    # longest first: "no more than" before "more than"
    ("no more than", "at-most"),
    ("no fewer than", "at-least"),
    ("no less than", "at-least"),
    ("not more than", "at-most"),
    ("more than", "more-than"),
    ("greater than", "more-than"),
    ("in excess of", "more-than"),
    ("upwards of", "more-than"),
    ("well over", "more-than"),
    ("just over", "more-than"),
    ("over", "more-than"),
    ("above", "more-than"),
    ("exceeding", "more-than"),
    ("at least", "at-least"),
    ("a minimum of", "at-least"),
    ("a maximum of", "at-most"),
    ("at most", "at-most"),
    ("less than", "less-than"),
    ("fewer than", "less-than"),
    ("just under", "less-than"),
    ("under", "less-than"),
    ("below", "less-than"),
    ("up to", "up-to"),
    ("as many as", "up-to"),
    ("as much as", "up-to"),
    ("as young as", "lowest"),
    ("as old as", "highest"),
    ("nearly", "at-most"),
    ("almost", "at-most"),
    ("just shy of", "at-most"),
    ("shy of", "at-most"),
    ("close to", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("approximately", "about"),
    ("roughly", "about"),
    ("around", "about"),
    ("about", "about"),
    ("some", "about"),
    ("circa", "about"),
    ("approx.", "about"),
)
# Qualifiers that bound a value from above: of a range after them, the upper end is the bound.
UPPER_BOUNDS = frozenset({"up-to", "at-most", "less-than"})
# Verbs whose object "over" introduces ("presided over two hearings", "fought over 30 seats"):
# after them "over" is a preposition, not "more than".
OVER_VERBS = frozenset(
    {
        "argue", "battle", "clash", "disagree", "feud", "fight", "fret", "hand", "mull", "pore",
        "preside", "quarrel", "rule", "squabble", "take", "watch", "wrangle",
    }
)  # fmt: skip
NEARLY_WORDS = ("nearly", "almost", "shy of")  # "just shy of 1,000 pages": a little under 1,000
# "7.5 percent or higher", "aged 65 or older", "five or fewer"
TRAILING_QUALIFIERS = {
    "more": "at-least", "higher": "at-least", "greater": "at-least", "above": "at-least",
    "over": "at-least", "older": "at-least", "longer": "at-least",
    "less": "at-most", "fewer": "at-most", "lower": "at-most", "below": "at-most",
    "under": "at-most", "younger": "at-most",
}  # fmt: skip
CURRENCY_SYMBOLS = ("$", "€", "£", "¥", "US$")

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a": 1, "an": 1, "half": 0.5,
}  # fmt: skip
TENS_WORDS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
SCALES = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}  # fmt: skip
# Words "a" multiplies: "a dozen", "a million"; anywhere else "a" is an article ("an estimated 37").
A_SCALES = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})
FRACTIONS = r"^(?:.*-)?(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?$"
# "hundreds", "thousands of", "dozens": not a figure anyone could check.
VAGUE_WORDS = frozenset({"hundreds", "thousands", "millions", "billions", "dozens", "scores", "tens"})
# "several hundred pages", "a few thousand", "several dozen": a scale with no number, as vague as
# "hundreds".
VAGUE_MULTIPLIERS = frozenset({"several", "few", "many"})

CURRENCIES: tuple[tuple[str, str], ...] = (
    ("us$", "USD"), ("$", "USD"), ("dollar", "USD"), ("usd", "USD"), ("€", "EUR"), ("euro", "EUR"),
    ("£", "GBP"), ("pound", "GBP"), ("sterling", "GBP"), ("¥", "JPY"), ("yen", "JPY"),
    ("yuan", "CNY"), ("rupee", "INR"), ("ruble", "RUB"), ("rouble", "RUB"), ("cent", "USD"),
)  # fmt: skip
# Verbs whose object says where their subject got to: "the rate ticked up 3.7 percent", "reached
# 14.7%" (not "cut" or "shore up", whose subject acts on the sum).
MOVED_TO_VERBS = frozenset(
    {"rise", "fall", "climb", "jump", "drop", "decline", "grow", "soar", "surge", "plunge", "plummet",
     "slip", "dip", "tick", "edge", "inch", "reach", "hit", "top", "stand", "remain", "hold", "stay"}
)  # fmt: skip
# Verbs whose object is a mark their subject has passed: "the number of people infected ... surpassed
# 100,000".
PASSED_VERBS = frozenset({"exceed", "surpass"})
# Verbs whose object is their subject's amount: "the package totals $908 billion", "the bill would
# cost $1.9 trillion", "the national debt surpassed $22 trillion".
AMOUNT_VERBS = PASSED_VERBS | {"total", "cost"}
# Nouns that name only a level its subject is at: "a five-decade low of 3.6%".
LEVEL_NOUNS = frozenset({"low", "high", "level", "record", "peak"})
PERIOD_LEVELS = frozenset({"low", "high", "peak"})  # "a three-year low": no count of years
# A share or a sum says by its unit only how it is counted, not of what.
SHARE_AND_SUM_UNITS = frozenset({"percent", "money", *(code for _, code in CURRENCIES)})
QUANTITY_UNITS = {
    "km": "km", "kilometer": "km", "kilometre": "km", "mile": "mile", "mi": "mile",
    "meter": "m", "metre": "m", "foot": "ft", "feet": "ft", "ft": "ft", "inch": "inch",
    "kg": "kg", "kilogram": "kg", "ton": "ton", "tonne": "ton", "acre": "acre", "hectare": "hectare",
    "gallon": "gallon", "barrel": "barrel", "degree": "degree", "mph": "mph", "pound": "lb", "lb": "lb",
}  # fmt: skip
MEASURE_PREFIXES = frozenset({"square", "sq", "cubic"})  # "square feet": an area, read with its unit
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = {name[:3]: number for number, name in enumerate(MONTHS, start=1)} | {"sept": 9}

# Words that name the same counted thing; the key is what the conflict rule compares.
SYNONYMS = {
    "killed": frozenset(
        [
            "kill",
            "die",
            "dead",
            "death",
            "fatality",
            "toll",
            "body",
            "murder",
            "slay",
            "perish",
            "killing",
            "life",
        ]
    ),
    "injured": frozenset(["injure", "wound", "hurt", "injury", "injured", "wounded"]),
    "displaced": frozenset(["flee", "displace", "evacuate", "evacuee", "refugee", "uproot"]),
    "arrested": frozenset(["arrest", "detain", "detention", "detainee"]),
    "missing": frozenset({"missing"}),
    "people": frozenset(["people", "person", "individual"]),
}
# Dependencies by which a counted thing takes part in its verb's event (subject, object).
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})
# Nouns that stand for a count of what follows them: "the number of dead", "a total of 13 babies".
COUNT_NOUNS = frozenset({"number", "total", "toll", "tally"})
CASUALTY_WORDS = SYNONYMS["killed"] | SYNONYMS["injured"] | SYNONYMS["displaced"] | SYNONYMS["arrested"]
GENERIC_PEOPLE = frozenset(
    {"people", "person", "individual", "death", "fatality", "toll", "dead", "body", "casualty"}
)

PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you", "who", "this", "that", "these", "those"])
# Reporting verbs whose object is the statement ("the poll found 21 percent", "officials reported 12
# deaths"); the object of "tell" is the audience, of "add" or "confirm" often a deed ("added 2,000
# jobs", "the Senate confirmed two nominations").
OBJECT_REPORTING_VERBS = frozenset(
    {"report", "estimate", "count", "tally", "announce", "claim", "record", "document", "cite", "find",
     "show", "reveal", "indicate"}
)  # fmt: skip
# Dependencies of a reporting verb's reported clause: "said [that ...]", "claimed [to have ...]".
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
# Speech verbs joined to a reporting verb report for its subject too: "told ... but warned that".
_SPEECH_OR_REPORTING = SPEECH_VERBS | REPORTING_VERBS
# Clauses an "according to" inside covers alone: "the bill, which would cost $5 billion according
# to the CBO, passed 219 to 197" does not credit the CBO with the vote.
_SUBORDINATE_DEPS = frozenset({"relcl", "acl"})
# Reporting verbs that give their figure after "at": "put the toll at 40", "estimated the crowd at 5,000".
AT_REPORTING_VERBS = frozenset({"put", "estimate", "count", "tally"})
# Prepositions whose object is a source or a circumstance, not part of what is counted.
OFF_EVENT_PREPOSITIONS = frozenset({"according", "despite", "amid"})
TIME_FRAME_PREPOSITIONS = frozenset(
    {"in", "for", "over", "during", "within", "after", "since", "past", "from"}
)
# Words of a "what" that carry no content for comparing two figures.
WHAT_STOP = frozenset(
    ["the", "a", "an", "of", "in", "on", "at", "by", "for", "to", "from", "with", "and", "or", "be", "have", "has", "had", "been", "being", "was", "were", "is", "are", "who", "which", "that", "this", "these", "those", "it", "its", "their", "his", "her", "there", "than", "as", "more", "most", "least", "some", "about", "since", "until", "till"]
)  # fmt: skip

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
# US ("(202) 555-0143") and trunk-prefixed ("0800 555 111", "020 7946 0958") telephone numbers.
_PHONE = re.compile(r"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}|\b0\d{2,4}[ -]\d{3,4}(?:[ -]\d{3,4})?\b")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
# A decade ("the 1960s"); not "the 1900s", which may be a century as well as a decade.
_DECADE = re.compile(r"^(1[5-9][1-9]0|20[1-9]0)s$")
_AGE = re.compile(r"^(\d+)[- ]years?[- ]old$", re.IGNORECASE)
_LETTER_DIGIT = re.compile(r"[A-Za-z]\d|\d[A-Za-z]")
# A subsection's designator right after a number, a lower-case letter in brackets or before its
# digit ("501(c)(3)" or "501 c3"): the number is a section of a statute, which names a kind of
# organisation or plan and counts nothing. An upper-case code names a model ("two A380s").
_SUBSECTION = re.compile(r"\s?(?:\([a-z]\)|[a-z]\d)")
_GLUED_MAGNITUDE = re.compile(r"magnitude-(\d(?:\.\d)?)", re.IGNORECASE)
# Words that join the two ends of a range: "300 to 400", "between six and 12", "130-170".
RANGE_JOINERS = frozenset({"to", "and", "or", "-", "–"})
# Words that introduce an age: "aged 24", "ages 40 to 75", "the ages of six and 12", "the age of
# three"; and those that give one end of a group's ages ("as young as 10").
AGE_WORDS = frozenset({"aged", "ages", "age"})
EXTREME_QUALIFIERS = frozenset({"lowest", "highest"})
# Words between a person and the age that describes them: "the suspect, believed to be between
# the ages of 25 and 35", "Joey Kadmiri, 24", "the driver, who is 24".
AGE_LINK_WORDS = frozenset(
    {",", "believed", "thought", "said", "reported", "to", "be", "who", "is", "was", "are", "were", "now"}
    | {"between", "at", "the", "of", "aged", "ages", "age"}  # the age phrase itself
)
AGE_LINK_MAX = 8
# Words of change that make "from X to Y" an old and a new value: verbs and nouns of rising and
# falling, and "up"/"down" ("up from $150,000"). "run from 500,000 to 1.6 million" and "range from
# 2,000 to 100,000" are ranges: neither word is here.
CHANGE_WORDS = frozenset(
    {
        "rise", "increase", "grow", "growth", "fall", "drop", "decline", "cut", "climb", "jump", "soar",
        "surge", "plunge", "plummet", "slip", "dip", "reduce", "reduction", "raise", "boost", "lower",
        "shrink", "swell", "double", "triple", "expand", "expansion", "slide", "tumble", "sink",
        "spike", "decrease", "hike", "gain", "slash", "trim", "balloon", "skyrocket", "edge", "inch",
        "shift", "narrow", "widen", "leap", "rebound", "go", "change", "move", "up", "down",
    }
)  # fmt: skip
# Words that may stand between a change's preposition and its number: "from about 5 million".
_CHANGE_QUALIFIER_WORDS = frozenset(
    {"about", "around", "roughly", "nearly", "almost", "some", "approximately", "just", "more", "less",
     "fewer", "than", "over", "under", "an", "estimated"}
)  # fmt: skip
# The most tokens between the two values of a change: "from $11.5 million in fiscal 2011 to $10.1
# million", "to $500,000 per year (up from $150,000)".
CHANGE_GAP = 6


# --------------------------------------------------------------------------- figures


def find_figures(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    sentences: Sequence[Sentence],
    names: Names | None = None,
) -> tuple[Figure, ...]:
    """The figures of all articles, in article order then text order.

    ``docs[i]`` is the spaCy parse of ``articles[i].text``; ``sentences`` are newsbrief's
    sentences of these articles, and each figure keeps the one that contains it. With ``names``
    (the story's entity resolution) a source that is a bare name is given as the entity it was
    counted under ("Trump said" -> "Donald Trump"), as the quotes and entities name it.
    """
    figures: list[Figure] = []
    for article, doc in zip(articles, docs, strict=True):
        own = sorted((sent for sent in sentences if sent.article_id == article.id), key=lambda s: s.start)
        seen: set[tuple[int, int]] = set()
        for candidate in _candidates(doc):
            figure = _figure(article, candidate, own, names)
            if figure is None or (figure.span.start, figure.span.end) in seen:
                continue
            seen.add((figure.span.start, figure.span.end))
            figures.append(figure)
    order = {article.id: position for position, article in enumerate(articles)}
    return tuple(sorted(figures, key=lambda f: (order[f.span.article_id], f.span.start, f.span.end)))


@dataclass(frozen=True, slots=True)
class _Candidate:
    """Tokens that may be a figure, with spaCy's label ("CARDINAL" for untagged numbers)."""

    tokens: SpacySpan
    label: str
    previous: SpacySpan | None = None  # a change's old value: "seven" in "rose from seven to eight"


def _candidates(doc: Doc) -> list[_Candidate]:
    """Number entities, and number tokens that no entity covers, in text order."""
    candidates = [
        _counted_quantity(_Candidate(_trimmed(ent), ent.label_))
        for ent in doc.ents
        if ent.label_ in NUMBER_LABELS
    ]
    # A "name" that is a number alone ("build 104 townhouses" tagged a PRODUCT) covers nothing:
    # its number is a candidate like any other, and _is_excluded decides.
    covered = {
        token.i
        for ent in doc.ents
        if ent.label_ in NUMBER_LABELS or not all(t.like_num for t in ent)
        for token in ent
    }
    index = 0
    while index < len(doc):
        token = doc[index]
        if token.i in covered or token.pos_ != "NUM" or not token.like_num:
            index += 1
            continue
        end = index + 1
        while end < len(doc) and doc[end].i not in covered and doc[end].like_num and doc[end].pos_ == "NUM":
            end += 1
        end = _with_a_fraction(doc, _with_a_half(doc, end))
        candidates.append(_Candidate(doc[index:end], "CARDINAL"))
        index = end
    # "The magnitude-6.2 quake": one token, which spaCy may even tag as a name.
    candidates += [
        _Candidate(doc[t.i : t.i + 1], "MAGNITUDE") for t in doc if _GLUED_MAGNITUDE.fullmatch(t.text)
    ]
    ages = _age_candidates(doc)
    aged = {token.i for age in ages for token in age.tokens}
    # an age phrase is read whole: spaCy may cut "between the ages of 25 and 35" into two dates
    candidates = [c for c in candidates if not aged & {t.i for t in c.tokens}] + ages
    return _paired(_changes(sorted(candidates, key=lambda c: c.tokens.start)))


def _changes(candidates: list[_Candidate]) -> list[_Candidate]:
    """Candidates with each change ("rose from seven to eight", "declined to 2 percent from 7.9
    percent") read as one: the new value, with the old one as ``previous``.

    spaCy may tag a change as one entity ("seven to eight", "39.6 percent to 25 percent"): it is
    cut at its "to" first. A date between the two values ("from $11.5 million in fiscal 2011 to
    $10.1 million") is passed over.
    """
    parts = [part for candidate in candidates for part in _split_change(candidate)]
    kept: list[_Candidate] = []
    index = 0
    while index < len(parts):
        first = parts[index]
        following = [parts[n] for n in (index + 1, index + 2) if n < len(parts)]
        if len(following) == 2 and following[0].label != "DATE":
            following = following[:1]  # only a date is passed over
        for offset, second in enumerate(following, start=1):
            change = _change(first, second)
            if change is not None:
                kept += [*parts[index + 1 : index + offset], change]  # the date passed over stays
                index += offset + 1
                break
        else:
            kept.append(first)
            index += 1
    return sorted(kept, key=lambda c: c.tokens.start)


def _split_change(candidate: _Candidate) -> list[_Candidate]:
    """The candidate cut at its "to" when it is a change tagged as one entity ("expanding from
    seven to eight", "lowering the rate from 39.6 percent to 25 percent"), or the amount of a
    change and its new value ("Initial claims fell by 97,000 to 684,000", no range); else itself."""
    tokens = candidate.tokens
    doc = tokens.doc
    joints = [t.i for t in tokens if t.lower_ == "to" and tokens.start < t.i < tokens.end - 1]
    word = _preposition(tokens) or (doc[tokens.start - 1] if tokens.start > 0 else None)
    if len(joints) != 1 or word is None or word.lower_ not in ("from", "by") or not _changing(word):
        return [candidate]
    old, new = doc[tokens.start : joints[0]], doc[joints[0] + 1 : tokens.end]
    if not any(t.like_num for t in old) or not any(t.like_num for t in new):
        return [candidate]
    return [_Candidate(old, candidate.label), _Candidate(new, candidate.label)]


def _change(first: _Candidate, second: _Candidate) -> _Candidate | None:
    """The change two candidates make, as the new value with the old as ``previous``: "from
    [first] to [second]" or "to [first] ... from [second]" governed by a word of change; else None."""
    if second.tokens.start - first.tokens.end > CHANGE_GAP or not (
        _changeable(first) and _changeable(second)
    ):
        return None
    before, after = _preposition(first.tokens), _preposition(second.tokens)
    if before is None or after is None:
        return None
    if before.lower_ == "from" and after.lower_ == "to" and _changing(before):
        return _Candidate(second.tokens, second.label, previous=first.tokens)
    if before.lower_ == "to" and after.lower_ == "from" and _changing(after):
        return _Candidate(first.tokens, first.label, previous=second.tokens)
    return None


def _changeable(candidate: _Candidate) -> bool:
    """True for a value that can change: not a year or a time ("from 2009 to 2013" is a period),
    not an age."""
    return candidate.label not in ("TIME", "AGE") and not any(_YEAR.match(t.text) for t in candidate.tokens)


def _preposition(tokens: SpacySpan) -> Token | None:
    """The word just before a number, over the qualifier words between ("from about 5 million")."""
    doc = tokens.doc
    index = tokens.start - 1
    while index >= 0 and doc[index].lower_ in _CHANGE_QUALIFIER_WORDS and tokens.start - index <= 3:
        index -= 1
    return doc[index] if index >= 0 and doc[index].lower_ in ("from", "to") else None


def _changing(word: Token) -> bool:
    """True when a word of change governs the preposition: the word it hangs on or the one that
    one hangs on ("lowering the rate from", "slip, from"), or the word just before it ("up from")."""
    governors = [word.head, word.head.head]
    if word.i > 0:
        governors.append(word.nbor(-1))
    return any(
        g.lemma_.lower() in CHANGE_WORDS or g.lower_ in CHANGE_WORDS for g in governors if g.i != word.i
    )


def _age_candidates(doc: Doc) -> list[_Candidate]:
    """The numbers an age word introduces ("aged 24", "ages 40 to 75", "between the ages of six
    and 12", "at the age of three"), with both ends of a range, labelled "AGE"."""
    candidates = []
    for token in doc:
        if token.lower_ not in AGE_WORDS:
            continue
        start = token.i + 1
        if start < len(doc) and doc[start].lower_ == "of":
            start += 1
        elif token.lower_ == "age":
            continue  # "the age gap", "age 24" is too rare to be worth the risk of "age 5 to 7 cm"
        end = _number_run(doc, start)
        if end == start:
            continue
        if end + 1 < len(doc) and doc[end].lower_ in RANGE_JOINERS and _number_run(doc, end + 1) > end + 1:
            end = _number_run(doc, end + 1)
        candidates.append(_Candidate(doc[start:end], "AGE"))
    return candidates


def _number_run(doc: Doc, start: int) -> int:
    """The end of the run of number words or digits that starts at ``start`` (``start`` if none)."""
    end = start
    while end < len(doc) and doc[end].like_num and not _YEAR.match(doc[end].text):
        end += 1
    return end


def _paired(candidates: list[_Candidate]) -> list[_Candidate]:
    """Candidates with "A to B" / "A-B" / "A or B" pairs read as one: a range when A < B, else dropped.

    "300 to 400 bodies", "ages 40 to 75" and "2 or 3 people" are ranges (the smaller number first,
    read as "at least A" like "between A and B"); "The vote was 219 to 197", "a 219-197 vote",
    "won 3-2" and "a ratio of 5 to 1" are tallies, scores and ratios (the larger number first, or a
    tie), where neither number alone says what it counts, so they are not figures. "rose from 120
    to 247" is a change, two values at two times: kept apart.
    """
    kept: list[_Candidate] = []
    index = 0
    while index < len(candidates):
        first = candidates[index]
        second = candidates[index + 1] if index + 1 < len(candidates) else None
        if second is None or not _linked(first, second):
            kept.append(first)
            index += 1
            continue
        low, high = _number(first.tokens), _number(second.tokens)
        if low is not None and high is not None and low < high:
            doc = first.tokens.doc
            kept.append(_Candidate(doc[first.tokens.start : second.tokens.end], second.label))
        index += 2
    return kept


def _linked(first: _Candidate, second: _Candidate) -> bool:
    """True when two number candidates are joined by "to", "or", "-" or "–", not after "from" or
    after the "by" of a change."""
    if {first.label, second.label} & {"DATE", "TIME"}:
        return False  # "2007 to 2017", "9 to 5": periods, not counts
    doc = first.tokens.doc
    joint = doc[first.tokens.end - 1 : second.tokens.start + 1]  # not Doc.text: that joins the whole doc
    between = joint.text[
        first.tokens.end_char - joint.start_char : second.tokens.start_char - joint.start_char
    ]
    if not re.fullmatch(r"\s*(?:-|–|to|or)\s*", between):
        return False
    before = doc[first.tokens.start - 1] if first.tokens.start > 0 else None
    if before is not None and (before.lower_ == "from" or (before.lower_ == "by" and _changing(before))):
        return False  # "fell by 97,000 to 684,000": the amount of a change and its new value
    edges = (first.tokens[-1], second.tokens[0])
    return all(t.like_num or t.text in CURRENCY_SYMBOLS for t in edges)


def _counted_quantity(candidate: _Candidate) -> _Candidate:
    """A quantity spaCy tagged with the noun it counts and no unit of measurement ("a group of
    nearly 300 migrants"), as the count it is: its number alone, as an untagged count would be
    read, so that its noun is counted like any other ("people" for migrants); else the candidate
    (a quake's "6.2 magnitude" measures it)."""
    tokens = candidate.tokens
    last = tokens[-1]
    if (
        candidate.label != "QUANTITY"
        or last.pos_ != "NOUN"
        or last.lower_ in SCALES
        or last.lower_ == "magnitude"
        or any(_quantity_unit(token) for token in tokens)
    ):
        return candidate
    numbers = [token.i for token in tokens if token.like_num]
    if not numbers or numbers[-1] == last.i:
        return candidate
    return _Candidate(tokens.doc[tokens.start : numbers[-1] + 1], "CARDINAL")


def _trimmed(ent: SpacySpan) -> SpacySpan:
    """The entity cut at its first line break, with a currency symbol just before it taken in."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for token in ent:
        if token.is_space and "\n" in token.text:
            end = token.i
            break
    if start > 0 and doc[start - 1].text in ("$", "€", "£", "¥", "US$"):
        start -= 1
    # "a Republican one 46 percent to 41 percent": a word before digits is no part of the number
    if end - start > 1 and doc[start].is_alpha and doc[start].like_num and doc[start + 1].text[:1].isdigit():
        start += 1
    if end == ent.end:
        end = _with_a_fraction(doc, _with_a_half(doc, end))
    return doc[start : max(end, start + 1)]


def _with_a_fraction(doc: Doc, end: int) -> int:
    """The end of a number with the fraction word just after it taken in: spaCy tags "as much as
    two" of "as much as two-thirds of entry-level hiring", which is a share, not two of anything."""
    if end == 0 or not doc[end - 1].like_num or end >= len(doc):
        return end
    after = end + 1 if doc[end].text in ("-", "–") else end
    return after + 1 if after < len(doc) and re.search(FRACTIONS, doc[after].lower_) else end


def _with_a_half(doc: Doc, end: int) -> int:
    """The end of a number with the "and a half" just after it taken in (and a scale after that):
    spaCy tags "at least two" of "at least two-and-a-half months" and leaves the half out."""
    if end == 0 or not doc[end - 1].like_num:
        return end
    wanted = ["and", "a", "half"]
    index = end
    while index < len(doc) and wanted:
        if doc[index].lower_ == wanted[0]:
            wanted.pop(0)
        elif doc[index].text not in ("-", "–"):
            return end
        index += 1
    if wanted:
        return end
    # "two and a half million"
    return index + 1 if index < len(doc) and doc[index].lower_ in A_SCALES - {"dozen"} else index


def _figure(
    article: Article, candidate: _Candidate, sentences: Sequence[Sentence], names: Names | None
) -> Figure | None:
    """The figure a candidate stands for, or None when it is not a figure worth showing."""
    tokens = candidate.tokens
    if candidate.label != "AGE" and _is_excluded(tokens, candidate.label):
        return None
    start_token, qualifier = _qualifier(tokens)
    if [t.lower_ for t in tokens.doc[tokens.start : start_token]] in (["up", "to"], ["about"], ["around"]):
        # "revised up to 728,000": the verb's "up"; "information about two programs": a preposition
        tokens = tokens.doc[start_token : tokens.end]
    number_tokens = tokens.doc[max(start_token, tokens.start) : tokens.end]
    parsed = _value_and_unit(number_tokens, candidate.label)
    if parsed is None:
        return None
    value, unit, anchor = parsed
    if _sets_a_level(anchor):
        return None
    if unit == "" and (measured := _with_unit_after(tokens)) is not None:
        tokens, unit, anchor = measured
    upper = None
    if candidate.previous is None and _is_range(tokens):
        between = candidate.label == "AGE" or any(t.lower_ == "between" for t in tokens)
        if any(t.lower_ == "and" for t in tokens) and not between:
            return None  # "75 and 71 years old": two figures in one entity, each unknown alone
        ends = _two_ends(number_tokens)
        if (ends is None and candidate.label == "AGE") or (ends is not None and ends[0] >= ends[1]):
            # "Malia and Sasha Obama, aged 16 and 13 respectively": two ages; "outraising the college
            # professor $5.4 million to $200,000", one entity: a tally, as _paired reads two
            return None
        if ends is not None and qualifier in ("exact", "about"):  # "some 1 to 2 million"
            (value, upper), qualifier = ends, "range"
        elif ends is not None and qualifier in UPPER_BOUNDS:
            value = ends[1]  # "as much as 5 or 6 percent" says at most 6
        else:
            qualifier = "at-least" if qualifier == "exact" else qualifier
    if unit == "year" and qualifier == "exact" and _decade(number_tokens) is not None:
        upper, qualifier = value + 9, "range"  # "moved in the 1960s": some year of ten
    if qualifier == "exact":
        tokens, qualifier = _trailing_qualifier(tokens)
    start = tokens.doc[min(start_token, tokens.start)].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    previous = _previous(candidate, unit)
    if previous is not None and candidate.previous is not None:
        tokens = _whole_change(tokens, candidate.previous)
        start, end = min(start, tokens[0].idx), max(end, tokens[-1].idx + len(tokens[-1].text))
        anchor = _change_anchor(anchor, previous[1])
    previous_value = previous[0] if previous is not None else None
    sentence = _sentence_at(sentences, start, end)
    if sentence is None:
        return None
    thing = _counted_thing(anchor, tokens)
    if thing.pos_ == "PROPN" and thing.i != anchor.i and thing.ent_type_ != "NORP":
        return None  # "50 Old Colony Rd", "Windows 10": a name, not a count
    if _refers_back(thing, anchor):
        return None  # "the two met", "winning all three": those named before, not news counted
    if tokens.start > 0 and tokens.doc[tokens.start - 1].lower_ == "magnitude":
        unit = "magnitude"  # "a magnitude 6 quake": the quake is not what is counted
    sources = _Sources(article.id, names, sentence.start)
    holder = _age_holder(tokens.doc[min(start_token, tokens.start)], sources)
    age_like = qualifier in EXTREME_QUALIFIERS or bool(holder and _apposed_age(tokens))
    if candidate.label == "AGE" or (unit == "" and age_like):
        unit = "age"  # "aged 24", "girls as young as 10", "Joey Kadmiri, 24", "She was 88."
    counted = unit == ""
    if counted:
        # "an estimated 10-year risk": ten years (of the risk), not ten risks
        unit = anchor.lemma_.lower() if _hyphened_time_unit(anchor) else _count_unit(thing, anchor)
        if unit in TIME_UNITS:
            # "her most recent eight years of tax returns": 8 years, not the year 8
            unit = _duration_unit(unit)
    what = _what(thing, anchor, tokens) or _what_of_value(anchor, tokens)
    if unit == "year":
        what = _year_description(what)
    return Figure(
        span=Span(article.id, start, end, article.text[start:end]),
        sentence=sentence,
        value=value,
        unit=unit,
        qualifier=qualifier,
        what=what,
        attribution=_attribution(anchor, tokens, sentence, sources),
        head=_age_head(candidate, holder, anchor) if unit == "age" else _head(anchor, tokens, unit),
        event=_event(thing, anchor) if counted else "",
        upper=upper,
        previous=previous_value,
    )


def _previous(candidate: _Candidate, unit: str) -> tuple[float, Token] | None:
    """A change's old value ("seven" in "rose from seven to eight") and the token it is read at,
    or None when the candidate is no change or its old value is not in the new value's unit."""
    if candidate.previous is None:
        return None
    parsed = _value_and_unit(candidate.previous, candidate.label)
    return (parsed[0], parsed[2]) if parsed is not None and parsed[1] == unit else None


def _change_anchor(new: Token, old: Token) -> Token:
    """The token a change's description is read from: the new value's, unless the parser hangs
    its "to" on the old value's "from" ("lowering the rate from 39.6 percent to 25 percent"),
    where only the old value's phrase reaches the verb of change."""
    if new.dep_ == "pobj" and new.head.head.i != new.head.i and new.head.head.lower_ == "from":
        return old
    return new


def _whole_change(new: SpacySpan, old: SpacySpan) -> SpacySpan:
    """The tokens of a whole change as written, from the preposition of the first value to the
    end of the last ("from seven to eight", "to 2 percent from 7.9 percent"): the figure's span,
    and what its description leaves out."""
    first, last = sorted((new, old), key=lambda span: span.start)
    preposition = _preposition(first)
    start = preposition.i if preposition is not None else first.start
    return new.doc[start : last.end]


def _age_head(candidate: _Candidate, holder: str, anchor: Token) -> str:
    """Who an age describes: the person or role named before it ("the suspect, ... between the
    ages of 25 and 35"), else, for "a 24-year-old man", the noun the age modifies."""
    if holder or candidate.label == "AGE":
        return holder  # "at the age of three": the number hangs on "age", which is no one
    return _head(anchor, candidate.tokens, "age")


def _two_ends(tokens: SpacySpan) -> tuple[float, float] | None:
    """The two numbers of a pair in the order written ("300 to 400", "between 130-170", "six and
    12", "2 percent to 3 percent", "1 to 2 million", where the scale written once is both ends'),
    or None unless the two are the only numbers. The caller tells a range (the smaller first)
    from a tally (the larger first)."""
    joints = [
        t.i for t in tokens if t.lower_ in RANGE_JOINERS and t.i > tokens.start and _ends_number(t.nbor(-1))
    ]
    if not joints:
        return None
    doc = tokens.doc
    start = joints[0]
    while start > tokens.start and (_ends_number(doc[start - 1]) or doc[start - 1].lower_ in SCALES):
        if doc[start].text[:1].isdigit() and doc[start - 1].like_num and doc[start - 1].lower_ not in SCALES:
            break  # "a Republican one 46 percent to 41 percent": two numerals in a row are two numbers
        start -= 1
    if any(t.like_num for t in doc[tokens.start : start]):
        return None  # three numbers: "an LDL of 70 than 90 or 100" compares values, no range
    lower, upper = _number(doc[start : joints[0]]), _number(doc[joints[0] + 1 : tokens.end])
    if lower is None or upper is None:
        return None
    scales = [SCALES[t.lower_] for t in doc[joints[0] + 1 : tokens.end] if t.lower_ in SCALES]
    if scales and not any(t.lower_ in SCALES for t in doc[start : joints[0]]) and lower * scales[-1] < upper:
        lower *= scales[-1]  # "1 to 2 million"; not "from 500,000 to 1.6 million", written in full
    return lower, upper


def _ends_number(token: Token) -> bool:
    """True for the last word of a number as a pair writes it: "300", "million", "2 percent"."""
    return token.like_num or token.lower_ in ("percent", "%")


def _age_holder(start: Token, sources: _Sources) -> str:
    """The person or role an age just after it describes, as a lower-case lemma, or "".

    Read from the words before the age phrase, over commas and the few words that link a person
    to their age ("the suspect, believed to be between the ages of 25 and 35", "Joey Kadmiri,
    24", "British girls between the ages of six and 12"): the first other word must name a person
    (a name, or a noun of a person or group), else the age describes no one said. A surname alone
    that the tagger takes for an organisation or a place ("Weiner, 46,", "Mattis, 68,") is a
    person when the story's names say so (``Names.is_known_surname``).
    """
    doc = start.doc
    index = start.i - 1
    while index >= 0 and start.i - index <= AGE_LINK_MAX and doc[index].lower_ in AGE_LINK_WORDS:
        index -= 1
    if index < 0:
        return ""
    word = doc[index]
    names = sources.names
    if word.pos_ == "PROPN" and (
        word.ent_type_ == "PERSON" or (names is not None and names.is_known_surname(word, sources.article_id))
    ):
        return word.lower_
    if word.lower_ in ("he", "she"):
        return word.lower_  # "She was 88.": someone named before, whom the age does not name
    if word.pos_ == "NOUN" and (word.lemma_.lower() in PEOPLE_NOUNS or word.lemma_.lower() in PERSON_NOUNS):
        return word.lemma_.lower()
    return ""


def _apposed_age(tokens: SpacySpan) -> bool:
    """True for a bare whole number set off by commas after a name, or all that "he", "she" or
    "who" is or was (``_age_holder`` says whether it is a person's): "Joey Kadmiri, 24", "She was
    88.", "Morrison, who was 88, died Monday night", "Leigh Corfman, now 53."."""
    doc = tokens.doc
    following = doc[tokens.end] if tokens.end < len(doc) else None
    start = tokens.start - 1 if tokens.start >= 3 and doc[tokens.start - 1].lower_ == "now" else tokens.start
    before = [token.lower_ for token in doc[max(start - 2, 0) : start]]
    return (
        len(tokens) == 1
        and tokens[0].text.isdecimal()  # int() refuses "²", which isdigit() accepts
        and 1 <= int(tokens[0].text) <= 110
        and start >= 2
        and (
            (before[1] == "," and doc[start - 2].pos_ == "PROPN")
            or (before[0] in ("he", "she", "who") and before[1] in ("is", "was"))
        )
        and (following is None or following.text in (",", ".", ";", ")"))
    )


def _is_excluded(tokens: SpacySpan, label: str) -> bool:
    """True for numbers in names, ordinals, page numbers, sections of a statute, phone numbers, times,
    "one of the"."""
    doc = tokens.doc
    text = tokens.text
    if label == "MAGNITUDE":
        return False  # "magnitude-6.2": letters and digits, and often tagged as a name
    first, last = tokens[0], tokens[-1]
    previous = doc[first.i - 1] if first.i > 0 else None
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if _LETTER_DIGIT.search(text) and label not in ("MONEY", "QUANTITY") and _decade(tokens) is None:
        return True  # "G20", "COVID-19", "3D"
    if last.text.isdigit() and _SUBSECTION.match(last.whitespace_ + doc[last.i + 1 : last.i + 3].text):
        return True  # "501 c3,4,5 organizations", "a 501 (c)(4) group": a section, not 501 groups
    counts_a_noun = last.like_num and last.dep_ == "nummod" and last.head.pos_ == "NOUN"
    if any(token.ent_type_ in NAME_LABELS for token in tokens) and not counts_a_noun:
        return True  # "build 104 townhouses" tagged a PRODUCT is still a count of townhouses
    if previous is not None and previous.lower_ in (
        "every",
        "each",
        "per",
        "page",
        "p.",
        "pp.",
        "no.",
        "#",
        "chapter",
    ):
        return True
    if previous is not None and previous.text == "." and first.i > 1 and doc[first.i - 2].lower_ == "no":
        return True  # "the No. 3 position", which spaCy splits as "No", ".", "3": a rank
    name_before = (
        previous is not None and previous.pos_ == "PROPN" and previous.ent_type_ not in ("DATE", "MONEY")
    )
    if name_before and first.text[:1].isdigit():
        return True  # "Boeing 737", "Apollo 11", "Interstate 95"
    if first.text[:1].isupper() and first.lower_ in UNITS_WORDS and previous is not None:
        # "the NCAA Final Four", "the Group of Seven": a number word capitalized inside a name
        named = previous if previous.lower_ != "of" or previous.i == 0 else doc[previous.i - 1]
        if named.text[:1].isupper() and named.is_alpha and named.pos_ in ("PROPN", "ADJ", "NOUN"):
            return True
    if _PHONE.search(doc[max(0, first.i - 5) : min(len(doc), last.i + 6)].text):
        return True
    if following is not None and following.text in ("-", "–") and label == "CARDINAL":
        nxt = doc[following.i + 1] if following.i + 1 < len(doc) else None
        if nxt is not None and nxt.like_num:
            return True  # scores "3-2", "24-7"
    after = last.whitespace_ + doc[last.i + 1 : last.i + 4].text  # Doc.text would join the whole doc
    if re.match(r"\s?(?:-|–)?\s?to-\d|-\d", after) or re.search(r"\d-to-\d", text):
        return True  # vote tallies "219-to-197", which spaCy splits as "219", "-", "to-197"
    if text in ("911", "999", "112"):
        return True  # emergency numbers
    if _is_list_marker(tokens):
        return True  # "\n\n 1. A nation without borders is not a nation.": an item's number
    if _names_its_noun(tokens):
        return True  # "Flight 370", "the so-called HR 1 measure": a name, not a count of flights
    if _counts_its_sources(last):
        return True  # "two law enforcement officials said": whom the article heard, not the news
    if _is_odds(tokens):
        return True  # "a 2 in 3 chance", "one in five": odds, not a count of either number
    if first.lower_ == "the" and label == "PERCENT" and (following is None or following.lower_ != "of"):
        return True  # "the 99 percent", "the 1%": names of groups
    if first.lower_ == "one" and len(tokens) == 1:
        return True  # "one of the", "one resident": a pronoun or an article, not a count
    after_zero = _next_word(doc, last.i, 1)
    if first.lower_ == "zero" and (
        (after_zero is not None and after_zero.lower_ in ("tolerance", "sum"))
        or (previous is not None and previous.lower_ == "ground")
    ):
        return True  # "a zero tolerance policy", "zero-sum", "ground zero": idioms, no count
    return following is not None and following.lower_ == "of" and first.lower_ in ("one", "a", "an")


def _names_its_noun(tokens: SpacySpan) -> bool:
    """True for a number written right after the capitalised noun it modifies, which it names
    rather than counts ("Flight 370", "HR 1", "Game 7"): a count comes before its noun."""
    number = tokens[0]
    head = number.head
    return (
        len(tokens) == 1
        and number.text.isdigit()
        and number.dep_ == "nummod"
        and head.i == number.i - 1
        and head.pos_ in {"NOUN", "PROPN"}
        and head.text[:1].isupper()
    )


def _is_list_marker(tokens: SpacySpan) -> bool:
    """True for the number of a list's item: a lone number that opens its line, followed by "."
    or ")"."""
    doc = tokens.doc
    first, last = tokens[0], tokens[-1]
    opens_line = first.i == 0 or (doc[first.i - 1].is_space and "\n" in doc[first.i - 1].text)
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        len(tokens) == 1
        and first.text.isdigit()
        and opens_line
        and following is not None
        and following.text in (".", ")")
    )


def _counts_its_sources(number: Token) -> bool:
    """A count of the people an article heard from: officials or people who "said" ("two law
    enforcement officials said"), "according to three officials", "people familiar with the
    talks" or "briefed on the matter". Named groups that speak are news, not sources: "all nine
    Republican members are calling on Schiff to resign", "only two candidates said they would
    attend"."""
    if number.dep_ != "nummod" or number.head.lemma_.lower() not in _SOURCE_NOUNS:
        return False
    people = number.head
    if people.dep_ == "nsubj" and people.head.lemma_.lower() == "say":
        return True
    if people.dep_ == "pobj" and people.head.lower_ == "to" and people.head.head.lower_ == "according":
        return True
    return any(child.lower_ in ("familiar", "briefed") for child in people.children)


def _next_word(doc: Doc, index: int, direction: int) -> Token | None:
    """The token after (``direction`` 1) or before (-1) the one at ``index``, past hyphens
    ("two-in-three", "zero-sum"); None at the edge of the text."""
    index += direction
    while 0 <= index < len(doc) and doc[index].text in ("-", "–"):
        index += direction
    return doc[index] if 0 <= index < len(doc) else None


def _is_odds(tokens: SpacySpan) -> bool:
    """True when the number is one side of "N in M" ("2 in 3 chance", "two-in-three", "one in
    five Americans"): read alone, "2 in 3" would be the count 3 or the count 2."""
    doc = tokens.doc

    def count_like(token: Token | None) -> bool:
        # "killed 12 in 2015": a year is a time, not the other side of odds
        return (
            token is not None and token.like_num and token.ent_type_ != "DATE" and not _YEAR.match(token.text)
        )

    numbers = [token for token in tokens if token.like_num]  # "nearly one in seven"
    if not numbers or not count_like(numbers[0]) or not count_like(numbers[-1]):
        return False
    after = _next_word(doc, numbers[-1].i, 1)
    if after is not None and after.lower_ == "in" and count_like(_next_word(doc, after.i, 1)):
        return True
    before = _next_word(doc, numbers[0].i, -1)
    return before is not None and before.lower_ == "in" and count_like(_next_word(doc, before.i, -1))


def _qualifier(tokens: SpacySpan) -> tuple[int, str]:
    """The token index where the figure starts, counting its qualifier words, and the qualifier."""
    doc = tokens.doc
    # The qualifier may be inside the entity ("More than 300") or just before it ("at least 12").
    window_start = max(0, tokens.start - 4)
    number_start = tokens.start
    for token in tokens:
        if _starts_number(token):
            number_start = token.i
            break
    lead = [t.lower_ for t in doc[window_start:number_start]]
    for phrase, qualifier in QUALIFIERS:
        words = phrase.split()
        if len(words) <= len(lead) and lead[-len(words) :] == words:
            if phrase == "over" and _after_over_verb(doc, number_start - 1):
                return number_start, "exact"
            if phrase == "up to" and _rose_up(doc[number_start - 2]):
                return number_start, "exact"
            if phrase in ("about", "around") and doc[number_start - 1].dep_ == "prep":
                return number_start, "exact"  # "information about two secret programs": a topic
            return number_start - len(words), qualifier
    return tokens.start if tokens.start < number_start else number_start, "exact"


def _after_over_verb(doc: Doc, over: int) -> bool:
    """True when the "over" at this token index follows a verb it is the preposition of."""
    return over > 0 and doc[over - 1].pos_ in ("VERB", "AUX") and doc[over - 1].lemma_.lower() in OVER_VERBS


def _rose_up(up: Token) -> bool:
    """True when "up" is the particle of a verb of change, not a bound: "ticked up to 3.7 percent",
    "went up to $5" say where the value got to; "up to 50 people" says at most."""
    before = up.doc[up.i - 1] if up.i > 0 else None
    return up.dep_ == "prt" or (before is not None and before.lemma_.lower() in CHANGE_WORDS)


def _starts_number(token: Token) -> bool:
    """True for the first word of a number: digits, a currency sign, a number word, "a" before
    a scale or "half" ("a dozen", "a million", "a half-dozen"); "an estimated 37" starts at "37",
    not at "an"."""
    if token.like_num or token.text in CURRENCY_SYMBOLS:
        return True
    if token.lower_ in ("a", "an"):
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        # "more than a half-dozen": the qualifier stands before the "a"
        return following is not None and (following.lower_ in A_SCALES or following.lower_ == "half")
    return token.lower_ in UNITS_WORDS


def _trailing_qualifier(tokens: SpacySpan) -> tuple[SpacySpan, str]:
    """The figure with "or more", "or higher", "-plus" after it taken in, and its qualifier.

    "7.5 percent or higher" is open upwards like "at least 7.5 percent"; "exact" when nothing follows.
    """
    doc = tokens.doc
    end = tokens.end
    if any(token.lower_ == "plus" and token.i > tokens.start for token in tokens):
        return tokens, "at-least"  # "90-plus percent"
    if (
        end < len(doc)
        and doc[end].text in ("-", "–")
        and end + 1 < len(doc)
        and doc[end + 1].lower_ == "plus"
    ):
        return doc[tokens.start : end + 2], "at-least"  # "$100 million-plus"
    if end < len(doc) and doc[end].lower_ == "plus":
        return doc[tokens.start : end + 1], "at-least"
    if end + 1 < len(doc) and doc[end].lower_ == "or" and doc[end + 1].lower_ in ("so", "thereabouts"):
        return doc[tokens.start : end + 2], "about"  # "The 40 or so hardline members"
    if end + 1 < len(doc) and doc[end].lower_ == "or" and doc[end + 1].lower_ in TRAILING_QUALIFIERS:
        return doc[tokens.start : end + 2], TRAILING_QUALIFIERS[doc[end + 1].lower_]
    return tokens, "exact"


def _is_range(tokens: SpacySpan) -> bool:
    """True for "between 300 and 400", "300 to 400", "300-400"; not "Twenty-six", one number."""
    numbers = sum(1 for t in tokens if t.like_num and t.lower_ not in SCALES)
    joiners = [t for t in tokens if t.lower_ in ("and", "to", "-", "–", "or") and not _compound_hyphen(t)]
    return numbers >= 2 and bool(joiners)


def _compound_hyphen(token: Token) -> bool:
    """True for the hyphen of one number written in words: "Twenty-six", "One hundred-eighteen"."""
    doc = token.doc
    return (
        token.text in ("-", "–")
        and 0 < token.i < len(doc) - 1
        and (doc[token.i - 1].lower_ in TENS_WORDS or doc[token.i - 1].lower_ == "hundred")
        and doc[token.i + 1].lower_ in UNITS_WORDS
    )


def _after_multi(scale: Token) -> bool:
    """Whether a scale word follows "multi-" ("multi-billion dollar businesses"): several of it, as
    vague as "multibillion", which the tokenizer keeps whole and no figure reads."""
    doc = scale.doc
    return scale.i >= 2 and doc[scale.i - 1].text in ("-", "–") and doc[scale.i - 2].lower_ == "multi"


def _value_and_unit(tokens: SpacySpan, label: str) -> tuple[float, str, Token] | None:
    """The value, the unit ("" when it is a count to be named later) and the anchor token."""
    if not len(tokens):
        return None
    text = tokens.text
    lowers = [t.lower_ for t in tokens]
    if any(word in VAGUE_WORDS for word in lowers) or any(
        t.lower_ in A_SCALES and t.i > 0 and t.doc[t.i - 1].lower_ in VAGUE_MULTIPLIERS for t in tokens
    ):
        return None
    if any(t.lower_ in A_SCALES and _after_multi(t) for t in tokens):
        return None
    anchor = _number_root(tokens)
    if label == "DATE" and not _is_bare_number(tokens):
        return _date_value(tokens)
    if label == "TIME":
        return None
    glued = _GLUED_MAGNITUDE.fullmatch(text)
    if label == "MAGNITUDE" and glued:
        return float(glued.group(1)), "magnitude", anchor
    value = _number(tokens)
    if value is None:
        return None
    if label == "PERCENT" or "%" in text or any(w in ("percent", "pct", "cent") for w in lowers):
        return value, "percent", anchor
    if label == "MONEY" or any(t.text in ("$", "€", "£", "¥") for t in tokens):
        currency = _currency(tokens)
        if currency == "money" and _counts_a_noun(tokens[-1]):
            return value, "", anchor  # "97 billion pieces of data", which the model took for money
        return value, currency, anchor
    if label == "QUANTITY":
        for token in reversed(tokens):
            unit = _quantity_unit(token)
            if unit:
                return value, unit, anchor
        if tokens[-1].lower_ in SCALES:
            return value, "", anchor  # "more than 1.5 million" tagged a quantity: a count, not of millions
        return value, tokens[-1].lemma_.lower(), anchor
    if len(tokens) == 1 and _YEAR.match(text):
        # a year the model did not tag: "shrunk ... from 2007 to 2014", "2020 Democrats", "since 1978"
        return _date_value(tokens)
    return value, "", anchor


def _with_unit_after(tokens: SpacySpan) -> tuple[SpacySpan, str, Token] | None:
    """The figure's tokens with the unit of measurement just after them, that unit and the new
    anchor (the unit's noun, as for a quantity the model tagged whole), when the model left the
    unit out of the entity: spaCy tags "at least 3.7 million" of "occupies at least 3.7 million
    square feet" a cardinal, which would read as a count of feet. None when no unit follows.
    "Pounds" stays a counted noun: after a bare number it may be money as well as weight."""
    doc = tokens.doc
    end = tokens.end
    if end < len(doc) and doc[end].lower_.rstrip(".") in MEASURE_PREFIXES:
        end += 1
    if end >= len(doc) or doc[end].lemma_.lower() == "pound":
        return None
    unit = _quantity_unit(doc[end])
    if unit is None:
        return None
    measured = doc[tokens.start : end + 1]
    return measured, unit, _number_root(measured)


def _quantity_unit(token: Token) -> str | None:
    """The unit of measurement a word names, by its lemma or as written ("feet", "km"), or None."""
    return QUANTITY_UNITS.get(token.lemma_.lower()) or QUANTITY_UNITS.get(token.lower_)


def _number_root(tokens: SpacySpan) -> Token:
    """The root of the tokens from the number on: in "an estimated 37 children" spaCy may root the
    entity at "an"."""
    starts = [t.i for t in tokens if _starts_number(t)]
    return tokens.doc[starts[0] : tokens.end].root if starts else tokens.root


def _is_bare_number(tokens: SpacySpan) -> bool:
    """True for a lone number that is not a year: spaCy tags some counts as dates ("1124 children")."""
    return len(tokens) == 1 and bool(_DIGITS.match(tokens.text)) and not _YEAR.match(tokens.text)


def _number(tokens: Iterable[Token]) -> float | None:
    """The number written in the tokens: digits, number words and scale words; None if none."""
    total = 0.0
    current: float | None = None
    seen_number = False
    previous_word = ""
    words = _mixed_number_words(
        [token.lower_.replace("$", "").replace("€", "").replace("£", "") for token in tokens]
    )
    if any(re.search(FRACTIONS, word) for word in words):
        return None  # "a third", "two-thirds": a share of something unnamed, not a count
    if "half" in words and not any(_counts_whole(word) for word in words):
        return None  # "more than half", "cutting in half": a share, as "a third" is
    for position, word in enumerate(words):
        if word in ("-", "–") and (previous_word in TENS_WORDS or previous_word == "hundred"):
            continue  # "twenty-five", "one hundred-eighteen" split in tokens
        if word in ("-", "–") and words[position + 1 : position + 2] in (["dozen"], ["hundred"], ["million"]):
            continue  # "half-dozen", "two-dozen" split in tokens: a multiple, not a range from the first
        if word == "plus" or (word in ("-", "–") and words[position + 1 : position + 2] == ["plus"]):
            continue  # "40-plus thousand": the scale still applies
        previous_word = word
        if word in ("", "-", "–", ",", "and", "to", "or", "between"):
            if word == "and" and "half" in words[position + 1 : position + 3]:
                continue  # "one and a half million": not a range
            if seen_number and word in ("to", "or", "-", "–", "and") and current is not None and total == 0:
                break  # a range: keep its lower end
            continue
        glued = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|b|tn)", word)
        if glued:
            return float(glued.group(1).replace(",", "")) * SCALES[glued.group(2)]
        if _DIGITS.match(word):
            if seen_number and current is not None:
                break
            current = float(word.replace(",", ""))
            seen_number = True
        elif word in SCALES and seen_number and word not in ("m", "b", "k"):
            current = (current if current is not None else 1.0) * SCALES[word]
            if SCALES[word] >= 1e3:
                total += current
                current = None
        elif word in SCALES and not seen_number and word in ("hundred", "thousand", "million", "billion"):
            current = SCALES[word]
            seen_number = True
        elif word in ("a", "an"):
            if position + 1 < len(words) and words[position + 1] in A_SCALES:
                current = current if current is not None else 1.0
                seen_number = True
        elif word == "dozen":
            current = (current if current is not None else 1.0) * 12
            seen_number = True
        elif word in UNITS_WORDS or ("-" in word and all(p in UNITS_WORDS for p in word.split("-"))):
            parts = [UNITS_WORDS[p] for p in word.split("-")] if "-" in word else [UNITS_WORDS[word]]
            current = (current or 0.0) + float(sum(parts))
            seen_number = True
        elif seen_number:
            continue
    if not seen_number:
        return None
    return total + (current or 0.0)


def _mixed_number_words(words: list[str]) -> list[str]:
    """The words of a number without the hyphens of a mixed number ("two-and-a-half", split in
    tokens), which would read as a range from two."""
    return [
        word
        for position, word in enumerate(words)
        if not (
            word in ("-", "–")
            and words[position + 1 : position + 2] in (["and"], ["a"], ["an"], ["half"])
            and "half" in words[position + 1 : position + 6]
            and words[position - 1 : position] != ["half"]
        )
    ]


def _counts_whole(word: str) -> bool:
    """True for a word that gives a number whole units: digits, a number word, a scale ("half a
    million"), "dozen" ("a half-dozen"); not "half" itself, nor the "a" of "a half"."""
    parts = [part for part in word.split("-") if part]
    return any(
        part[:1].isdigit() or part in SCALES or (part in UNITS_WORDS and part not in ("a", "an", "half"))
        for part in parts
    )


def _counts_a_noun(number: Token) -> bool:
    """Whether the number's last word counts the noun after it ("billion" of "97 billion pieces")."""
    return number.dep_ == "nummod" and number.head.pos_ == "NOUN" and number.head.i > number.i


def _currency(tokens: SpacySpan) -> str:
    """ISO code of the currency named in a money entity; "USD" for a bare "$"."""
    text = tokens.text.lower()
    for marker, code in CURRENCIES:
        if marker in text:
            return code
    return "money"


def _decade(tokens: SpacySpan) -> int | None:
    """The first year of the decade the tokens name ("the 1960s"), or None."""
    return next((int(match.group(1)) for t in tokens if (match := _DECADE.match(t.text))), None)


def _date_value(tokens: SpacySpan) -> tuple[float, str, Token] | None:
    """Ages, calendar dates, years and durations in a DATE entity; None for the rest."""
    text = tokens.text
    lowers = [t.lower_ for t in tokens]
    age = _AGE.match(text.replace(" - ", "-"))
    if age or (len(lowers) >= 3 and lowers[-2:] == ["years", "old"]):
        value = float(age.group(1)) if age else _number(tokens)
        return (value, "age", tokens.root) if value is not None else None
    month = next((MONTH_ABBREVIATIONS[w[:3]] for w in lowers if w.rstrip(".")[:3] in MONTH_ABBREVIATIONS
                  and (w in MONTHS or w.rstrip(".") in MONTH_ABBREVIATIONS or w == "sept")), None)  # fmt: skip
    day = next((int(t.text) for t in tokens if t.text.isdecimal() and 1 <= int(t.text) <= 31), None)
    year = next((int(t.text) for t in tokens if _YEAR.match(t.text)), _decade(tokens))
    if month is not None and day is not None:
        # A calendar date: YYYYMMDD when the year is given, MMDD otherwise (never compared together).
        value = year * 10000 + month * 100 + day if year else month * 100 + day
        return float(value), "date", tokens.root
    if year is not None and len(tokens) <= 2 and month is None:
        anchor = tokens.root
        if (
            anchor.dep_ == "pobj"
            and anchor.head.lower_ in ("in", "since", "until", "by")
            and anchor.head.head.pos_ in ("VERB", "AUX")
        ):
            return float(year), "year", anchor
        return None
    root = tokens.root
    # "the 2013 tax year" names a year, no duration of 2,013 years
    if root.lemma_.lower() in TIME_UNITS and any(
        t.like_num and not _YEAR.match(t.text) for t in tokens if t.i != root.i
    ):
        if _is_time_frame(root) or any(
            w in ("last", "past", "next", "ago", "this", "every", "each") for w in lowers
        ):
            return None
        value = _number(t for t in tokens if t.i != root.i)
        if value is None:
            return None
        return value, _duration_unit(root.lemma_.lower()), root
    return None


def _duration_unit(time_unit: str) -> str:
    """The unit of a duration: the time unit's plural ("years", "centuries"), so that a count of
    years never meets a calendar year ("year")."""
    if time_unit.endswith("y") and not time_unit.endswith("ay"):
        return time_unit[:-1] + "ies"
    return time_unit + "s"


def _is_time_frame(token: Token) -> bool:
    """True for a duration that says when ("for four years", "after five years of war")."""
    if token.dep_ in ("npadvmod", "advmod"):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in TIME_FRAME_PREPOSITIONS:
        return True
    return token.dep_ == "nsubj"  # "The last two weeks have seen ..."


def _sentence_at(sentences: Sequence[Sentence], start: int, end: int) -> Sentence | None:
    """The sentence containing the span, or the one containing its start."""
    fallback = None
    for sent in sentences:
        if sent.start <= start and end <= sent.end:
            return sent
        if fallback is None and sent.start <= start < sent.end:
            fallback = sent
    return fallback


# --------------------------------------------------------------------------- what it counts


def _counted_thing(anchor: Token, tokens: SpacySpan) -> Token:
    """The token naming what the figure counts: the noun it modifies, "of"'s object, or itself."""
    inside = {t.i for t in tokens}
    multiplier = next((child for child in anchor.children if child.lower_ == "times"), None)
    if multiplier is not None:
        return multiplier  # "roughly 250 times more energy": a ratio, not an amount of energy
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ != "PRON"]
            if objects:
                return objects[0]  # "two of the victims", "40 percent of residents"; not "18 of them"
    joined = _joined_noun(anchor, tokens)
    if joined is not None:
        return joined  # "a two state solution": two states, as "a two-state solution" reads
    modifies = anchor.dep_ in ("nummod", "quantmod", "amod", "compound") and anchor.head.i not in inside
    if modifies and anchor.head.pos_ in ("NOUN", "PROPN"):
        return anchor.head
    if (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ in ("to", "at", "by")
        and anchor.head.head.pos_ in ("VERB", "AUX")
    ):
        verb = anchor.head.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return _counted_by(subjects[0])  # "the death toll rose to 300"
        totals = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in COUNT_NOUNS]
        if totals and totals[0].i < anchor.i and (counted := _counted_by(totals[0])).i != totals[0].i:
            return counted  # "bringing the number of cases to 1,200", "the total" of one named before
    if anchor.dep_ == "attr" and anchor.head.lemma_ == "be":
        subjects = [c for c in anchor.head.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return _counted_by(subjects[0])  # "the number of dead was 300"
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in MOVED_TO_VERBS | PASSED_VERBS:
        subjects = [c for c in anchor.head.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].pos_ == "NOUN":
            return _counted_by(subjects[0])  # "the number of people infected ... surpassed 100,000"
    return anchor


def _joined_noun(anchor: Token, tokens: SpacySpan) -> Token | None:
    """The singular noun a number written in words or digits makes a compound adjective with, when
    that noun modifies the noun the parser hangs the number on: "state" of "a two state solution",
    "point" of "a three point shot". The hyphen of "a two-state solution" shows the parser the
    compound; without it the number seems to count the head, which cannot be: a number other than
    one does not count a singular noun. None for any other number ("two state senators": the
    senators are counted)."""
    doc = tokens.doc
    if tokens.end >= len(doc) or anchor.dep_ != "nummod" or not all(t.like_num for t in tokens):
        return None
    noun, head = doc[tokens.end], anchor.head
    joined = noun.dep_ == "compound" and noun.head.i == head.i and noun.tag_ == "NN"
    return noun if joined and head.tag_ == "NN" and _number(tokens) != 1 else None


def _hyphened_time_unit(token: Token) -> bool:
    """True for a time unit written onto its number with a hyphen: "10-year", "eight-month"."""
    doc = token.doc
    return (
        token.lemma_.lower() in TIME_UNITS
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and not doc[token.i - 1].whitespace_
        and not doc[token.i - 2].whitespace_
        and doc[token.i - 2].like_num
    )


def _sets_a_level(anchor: Token) -> bool:
    """True for the period of a level reached, "a three-year low", "an eight-month high": how long
    since the value was last so low, which the value beside it ("of 7.6 percent") reports."""
    return _hyphened_time_unit(anchor) and anchor.head.lemma_.lower() in PERIOD_LEVELS


def _refers_back(thing: Token, anchor: Token) -> bool:
    """True for a number that stands for things the text named before, as a pronoun would: "the
    two", "all three", "both", with no noun and no words of its own ("the four killed" has some)."""
    if thing.i != anchor.i or anchor.pos_ != "NUM":
        return False
    determiners = [c for c in anchor.children if c.dep_ in ("det", "predet")]
    others = [c for c in anchor.children if c.dep_ not in ("det", "predet", "punct")]
    return bool(determiners) and not others and all(d.lower_ in ("the", "all", "both") for d in determiners)


def _counted_by(noun: Token) -> Token:
    """What a count noun counts: "elephants" of "the number of African elephants has shrunk ... to
    about 400,000" ("dead" of "the number of dead was 300"); any other noun itself."""
    if noun.lemma_.lower() not in COUNT_NOUNS:
        return noun
    counted = _object_of_of(noun)
    if counted is not None:
        return counted
    if any(child.dep_ != "det" for child in noun.children):
        return noun  # "the death toll stood at 120": its own words say what it counts
    # "double the number of Americans eligible ..., bringing the total to about 72 million"
    others = (_object_of_of(token) for token in noun.sent if token.lemma_.lower() in COUNT_NOUNS)
    return next((other for other in others if other is not None), noun)


def _object_of_of(noun: Token) -> Token | None:
    """The object of an "of" that hangs on ``noun``: "elephants" of "the number of elephants"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _head(anchor: Token, tokens: SpacySpan, unit: str) -> str:
    """The noun the number modifies, with its compound nouns, as lower-case lemmas in text order.

    The number is a modifier of it ("$100,000 bond", "a 7.5% risk", "Chen, 40,"), or the object
    of an "of" that hangs on it ("a one-time tax of 10 percent"), or on the first noun of a chain
    of "of" ("a 10-year risk of heart disease of 7.5 percent" is a risk). A share or a sum of money says
    by its unit only how it is counted; this noun says what it is a share or sum of, and so does
    the subject a share or sum is said of ("The unemployment rate rose to 3.7%", "the deficit was
    $1 trillion"), and the noun a sum is the worth of ("stimulus payments worth $1,400"). "" when
    the number is a verb's subject or object ("cut $716 billion"): then no noun is its own.
    """
    inside = {t.i for t in tokens}
    head = _joined_noun(anchor, tokens) or anchor.head
    if unit in SHARE_AND_SUM_UNITS and (subject := _subject_of_value(anchor)) is not None:
        head = subject
    elif anchor.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
        while (
            head.pos_ == "NOUN"
            and head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.pos_ == "NOUN"
        ):
            # "a 10-year risk of heart disease of 7.5 percent": the parser hangs the value on the
            # nearest noun; it is the value of the noun the chain of "of" starts from (not so
            # across a name: "the efforts of the Gang of Eight")
            head = head.head.head
        if unit in SHARE_AND_SUM_UNITS and head.lemma_.lower() in LEVEL_NOUNS:
            head = _subject_of_value(head) or head  # "the rate held at a near-50-year low of 3.6%"
    elif unit in SHARE_AND_SUM_UNITS and head.lower_ == "worth" and head.dep_ == "amod":
        head = head.head  # "stimulus payments worth $1,400": the payments' sum
    elif anchor.dep_ not in ("nummod", "quantmod", "amod", "compound", "nmod", "appos"):
        return ""
    if head.i in inside or head.pos_ not in ("NOUN", "PROPN"):
        return ""
    words = [
        c
        for c in head.children
        if c.i not in inside
        and (
            (c.dep_ == "compound" and c.pos_ == "NOUN")
            or (c.dep_ == "amod" and c.lower_ in COMPOUND_ADJECTIVES)
        )
    ]
    return " ".join(_compound_noun(t) for t in sorted([*words, head], key=lambda t: t.i))


def _compound_noun(token: Token) -> str:
    """A word of a compound head as a lower-case noun lemma: "jobless" as "unemployment"."""
    return COMPOUND_ADJECTIVES.get(token.lower_, token.lemma_.lower())


def _subject_of_value(anchor: Token) -> Token | None:
    """The subject noun whose value the number is: "rate" of "The unemployment rate rose to 3.7%",
    "was 3.8 percent", "reached 14.7%", "package" of "The package totals $908 billion"; None when
    the subject is no plain noun, or a noun narrowed by a phrase ("the unemployment rate for Black
    workers" is not the rate; a clause set off by commas does not narrow it), or when the verb acts
    on an object ("the plan will cap itemized deductions at $200,000": not the plan's value; a
    bill to "increase the federal minimum wage to $15" gives a target, not the wage). An object
    is one only before the value: in "The jobless rate held steady at 3.6%, a near-50-year low"
    the parser makes the apposition "low" an object of "held"."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("to", "at") and anchor.head.dep_ == "prep":
        verb = anchor.head.head
        if any(c.dep_ == "dobj" and c.i < anchor.i for c in verb.children):
            return None
    elif anchor.dep_ == "attr" or (
        anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in MOVED_TO_VERBS | AMOUNT_VERBS
    ):
        verb = anchor.head  # "was 3.8 percent"; "reached 14.7%"
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    nouns = _subjects(verb)
    if len(nouns) != 1 or nouns[0].pos_ != "NOUN":
        return None
    if any(
        c.dep_ in ("prep", "relcl", "acl") and c.lower_ != "of" and not _set_off(c) for c in nouns[0].children
    ):
        return None
    return nouns[0]


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects. A finite verb the parser left without one takes the noun just before
    it when the parser joined that noun to an earlier word: in "The economy added 379,000 jobs in
    February and unemployment ticked down to 6.2%" it hangs "unemployment" on "February"."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if found or verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return found
    before = verb.doc[verb.i - 1]
    if before.pos_ == "NOUN" and before.dep_ == "conj" and before.head.i < before.i:
        return [before]
    return []


def _set_off(clause: Token) -> bool:
    """True for a relative clause set off by a comma, which adds to its noun without narrowing it:
    "The nation's unemployment rate, which has steadily declined since ..., ticked down to 6.7%"."""
    first = clause.left_edge
    return clause.dep_ == "relcl" and first.i > 0 and first.nbor(-1).text == ","


def _event(thing: Token, anchor: Token) -> str:
    """The event class (``EVENT_CLASSES``) of what the figure counts, or "".

    Read from the figure's own phrase, nearest first: the words that describe the counted thing
    ("13 babies *born* with ...", "7,000 *dead*"), the verb it is subject or object of with that
    verb's object ("Thirteen children have been *born*", "900,000 Jews were *murdered*",
    "900,000 people *fell victim*"), then the thing itself ("*fatalities*", "the death *toll*") and
    the noun it is "of" ("the *arrest* of 250 foreign students").
    "A total of 13 babies were born" counts what "total" is the subject of. The verb counts only
    when the thing takes part in it (its subject or object): "born ... in three rural areas"
    does not make the areas births. Only counts of people and counted nouns get a class; the
    sentence's other words never do ("killed" three clauses away is another event's).
    """
    thing = _whole(thing)
    verb = _event_verb(thing)
    words = [c for c in thing.children if c.dep_ in ("amod", "acl", "relcl") and c.i != anchor.i]
    if verb is not None:
        objects = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
        phrases = [
            EVENT_PHRASES[(verb.lemma_.lower(), noun)]
            for noun in objects
            if (verb.lemma_.lower(), noun) in EVENT_PHRASES
        ]
        if phrases:
            return phrases[0]
        # "left four US soldiers dead": the state the verb leaves its object in, then the verb
        words += [c for c in verb.children if c.dep_ in ("oprd", "acomp") and c.pos_ == "ADJ"] + [verb]
    if thing.lemma_.lower() in COUNT_NOUNS:
        words += [c for c in thing.subtree if c.pos_ in ("NOUN", "ADJ")]  # "the death toll"
    if thing.dep_ == "pobj" and thing.head.lower_ == "of" and thing.head.head.pos_ == "NOUN":
        words.append(thing.head.head)  # "the arrest of 250 foreign students"
    lemmas = [lemma for word in [*words, thing] for lemma in (word.lemma_.lower(), word.lower_)]
    return next((event for lemma in lemmas for event, names in EVENT_CLASSES.items() if lemma in names), "")


def _whole(thing: Token) -> Token:
    """The noun that stands for the count in the sentence: "total" in "a total of 13 babies were
    born", "number" in "the number of dead"; else the counted thing itself."""
    if thing.dep_ == "pobj" and thing.head.lower_ == "of" and thing.head.head.lemma_.lower() in COUNT_NOUNS:
        return thing.head.head
    return thing


def _event_verb(thing: Token) -> Token | None:
    """The verb whose event the counted thing takes part in, as its subject or object; through a
    reporting verb ("three children were reported to have been born") the verb it reports."""
    if thing.dep_ not in PARTICIPANT_DEPS or thing.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = thing.head
    if verb.lemma_.lower() in REPORTING_VERBS:
        return next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return verb


def _count_unit(thing: Token, anchor: Token) -> str:
    """The unit of a plain count: "people" for people, else the counted noun's lemma."""
    lemma = _hyphenated_lemma(thing)
    nouns = [lemma]
    if lemma in COUNT_NOUNS or thing.i == anchor.i:
        nouns += [c.lemma_.lower() for c in thing.subtree if c.pos_ in ("NOUN", "ADJ") and c.i != thing.i]
    if thing.i == anchor.i:
        verb = _governing_verb(thing)
        described = [c for c in thing.children if c.dep_ in ("amod", "acl", "relcl")]
        # "2 million have been displaced", "the four killed", "7,000 dead"
        if any(word.lemma_.lower() in CASUALTY_WORDS for word in [*described, *([verb] if verb else [])]):
            return "people"
        return "count" if thing.pos_ != "NOUN" else lemma
    if any(noun in PEOPLE_NOUNS for noun in nouns) or thing.ent_type_ == "NORP":
        return "people"
    return lemma


def _hyphenated_lemma(token: Token) -> str:
    """The lower-case lemma of a word the tokenizer split at a hyphen ("two non-citizens", "three
    co-founders"): the whole word, its last part as a lemma, not "non" or "co"."""
    doc = token.doc
    if (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and not token.whitespace_
        and not doc[token.i + 1].whitespace_
        and doc[token.i + 2].is_alpha
    ):
        return f"{token.lower_}-{doc[token.i + 2].lemma_.lower()}"
    return token.lemma_.lower()


def _governing_verb(token: Token) -> Token | None:
    """The verb the token is subject, object, adverbial ("carried out 29 times") or, through one
    preposition, prepositional object of ("point to two studies", "recommended for 15 percent")."""
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "npadvmod") and token.head.pos_ in (
        "VERB",
        "AUX",
    ):
        return token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ not in ("prep", "agent") or prep.lower_ in OFF_EVENT_PREPOSITIONS:
        return None
    # A root noun is a verb the tagger got wrong ("City officials point to two studies"); a
    # preposition before its verb is a topic ("For the 400,000 residents ..., the future is bleak").
    verb_like = prep.head.pos_ in ("VERB", "AUX") or prep.head.dep_ == "ROOT"
    return prep.head if verb_like and prep.i > prep.head.i else None


def _what(thing: Token, anchor: Token, figure_tokens: SpacySpan) -> str:
    """What the figure counts, in the article's words: the counted noun and its verb phrase."""
    skip = {t.i for t in figure_tokens}
    chosen: set[int] = set()
    if thing.i != anchor.i and thing.dep_ in ("compound", "amod", "nmod") and thing.head.pos_ == "NOUN":
        # "a two-part plan", "a 12-man team": the count describes the noun it modifies.
        chosen.add(thing.i)
        thing = thing.head
    chosen |= _noun_phrase(thing, skip, keep_det=False)
    for child in thing.children:
        if (
            (child.dep_ == "prep" and child.lower_ != "of")
            or (child.dep_ == "prep" and thing.i == anchor.i)
            or (child.dep_ == "prep" and child.lower_ == "of" and thing.i != anchor.i)
        ):
            chosen |= _prep_phrase(child, skip)
        elif child.dep_ == "amod" and child.i > thing.i:
            chosen |= {t.i for t in child.subtree}  # "7,000 dead"
        elif child.dep_ in ("relcl", "acl"):
            chosen |= _verb_phrase(child, skip, exclude=thing.i)
            chosen |= {
                c.i
                for c in child.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which")
            }
    verb = _governing_verb(thing) or (_governing_verb(anchor) if thing.i != anchor.i else None)
    top = figure_tokens.root  # "record" of "for a record $27 million"; mostly the number itself
    if verb is None and thing.i == anchor.i and top.dep_ == "pobj" and top.head.head.pos_ in ("VERB", "AUX"):
        verb = top.head.head  # "was founded in 1998", "sold for $5 million"
        if verb.lemma_.lower() in REPORTING_VERBS:
            return ""  # the day a statement was made is not the figure of an event
        chosen |= _verb_phrase(verb, skip | {top.head.i}, exclude=top.head.i) | _subject(verb, skip)
        return _join(thing.doc, sorted(chosen - skip - {anchor.i}))
    if verb is not None and not (thing.dep_ == "dobj" and _reports_count(verb)):
        chosen.add(thing.i)
        chosen |= _verb_phrase(verb, skip, exclude=thing.i if verb.i == thing.head.i else anchor.i)
        if (
            verb.i != thing.head.i
            or thing.dep_ in ("dobj", "attr", "oprd")
            or (thing.dep_ == "npadvmod" and verb.lemma_.lower() in CHANGE_WORDS)
        ):
            # "Average hourly pay rose 3.2%": what changed by the amount is the subject
            chosen |= _subject(verb, skip)
    chosen -= skip
    if not chosen:
        return ""
    return _join(thing.doc, sorted(chosen))


def _what_of_value(anchor: Token, figure_tokens: SpacySpan) -> str:
    """The description of the word a figure is the value of, for a figure that has none of its
    own: "The unemployment rate of 3.8 percent remained the same" (the rate remained), "fell to
    a five-decade low of 3.6%" (the rate fell to the low); "" otherwise, and for a word that
    only says how it is counted."""
    inside = {t.i for t in figure_tokens}
    of = anchor.head
    if (
        anchor.dep_ != "pobj"
        or of.lower_ != "of"
        or of.head.i in inside
        or of.head.pos_ not in ("NOUN", "ADJ")
    ):
        return ""
    if of.head.lemma_.lower() in COUNT_NOUNS | {"age"}:
        return ""  # "a total of 120", "between the ages of 16 and 18": the word says only how it counts
    return _what(of.head, of.head, figure_tokens.doc[min(of.i, figure_tokens.start) : figure_tokens.end])


def _reports_count(verb: Token) -> bool:
    """True for a verb that, with the count as its object, reports it ("officials reported 300
    cases"): a reporting verb, but not "add", whose object is added ("the economy added 196,000
    jobs"; it reports only a clause or a quotation)."""
    lemma = verb.lemma_.lower()
    return lemma in REPORTING_VERBS and lemma != "add"


def _year_description(what: str) -> str:
    """A year's description, or "" when it has fewer than two words of content.

    A year's verb alone ("Born in 1956, he ...", "Starting in 1996, Alexa ...", "an aunt who died
    in 1948": "Born in", "Starting in", "died in") says nothing a reader can check of what
    happened then, so the year is shown without a description. (Taking the noun a relative
    pronoun stands for, "aunt died in", gave descriptions like "30 children died since" that the
    conflict rule matched with another outlet's "deaths since 1998": a false conflict.)
    """
    content = [word for word in re.findall(r"[\w'’-]+", what.lower()) if word not in WHAT_STOP]
    return what if len(content) >= 2 else ""


def _subject(verb: Token, skip: set[int]) -> set[int]:
    """The verb's subject as a noun phrase ("wind and solar generated ..."); nothing for pronouns."""
    for child in _subjects(verb):
        if child.i not in skip and child.lower_ not in PRONOUNS:
            chosen = _noun_phrase(child, skip, keep_det=False)
            for conj in child.children:
                if conj.dep_ in ("cc", "conj"):
                    chosen |= _noun_phrase(conj, skip, keep_det=False)
            return chosen
    return set()


def _noun_phrase(noun: Token, skip: set[int], *, keep_det: bool) -> set[int]:
    """The noun with the modifiers to its left (adjectives, compounds, possessives)."""
    chosen = {noun.i}
    for child in noun.rights:
        if child.dep_ == "conj" and child.i not in skip:
            chosen |= _noun_phrase(child, skip, keep_det=True) | {
                c.i for c in noun.children if c.dep_ == "cc"
            }
    for child in noun.lefts:
        if child.i in skip:
            continue
        if child.dep_ == "det" and not keep_det:
            continue
        if child.dep_ in ("amod", "compound", "nmod", "poss", "det", "npadvmod", "nummod", "case"):
            chosen |= {t.i for t in child.subtree if t.i not in skip}
    return chosen


def _prep_phrase(prep: Token, skip: set[int]) -> set[int]:
    """A preposition and the left part of its object ("on the rebel side", not "of the lines")."""
    chosen = {prep.i}
    for child in prep.children:
        if child.dep_ == "pobj" and child.i in skip:
            return chosen  # the figure's own preposition: "recommended for [15 percent] of adults"
        if child.dep_ == "pobj":
            chosen |= _noun_phrase(child, skip, keep_det=True) - skip
    return chosen if len(chosen) > 1 else set()


def _verb_phrase(verb: Token, skip: set[int], *, exclude: int) -> set[int]:
    """The verb with its particle, negation, object, prepositions and time words; no auxiliaries."""
    chosen = {verb.i}
    for child in verb.children:
        if child.i == exclude or child.i in skip:
            continue
        if child.dep_ in ("prt", "neg", "acomp"):
            chosen.add(child.i)
        elif child.dep_ in ("dobj", "attr", "oprd"):
            chosen |= _noun_phrase(child, skip, keep_det=True)
        elif (
            child.dep_ in ("prep", "agent")
            and child.i > verb.i
            and child.lower_ not in OFF_EVENT_PREPOSITIONS
        ):
            chosen |= _prep_phrase(child, skip)
        elif child.dep_ == "npadvmod" and child.ent_type_ == "DATE":
            chosen |= _noun_phrase(child, skip, keep_det=True)
    return chosen


def _join(doc: Doc, indices: Sequence[int]) -> str:
    """The tokens as text: their own spacing where adjacent, one space across gaps; a hyphen
    glued to a left-out word goes with it ("the 48-page indictment" is "the page indictment",
    not "the -page indictment")."""
    left_out = set(range(indices[0], indices[-1] + 1)) - set(indices) if indices else set()
    indices = [
        index
        for index in indices
        if not (doc[index].text in ("-", "–") and index - 1 in left_out and not doc[index - 1].whitespace_)
    ]
    parts: list[str] = []
    for position, index in enumerate(indices):
        token = doc[index]
        parts.append(token.text)
        if position + 1 < len(indices):
            adjacent = indices[position + 1] == index + 1
            parts.append(token.whitespace_ if adjacent else " ")
    return "".join(parts).strip(" ,;:-–")


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True, slots=True)
class _Sources:
    """Where a source phrase stands, and the story's names to give it by."""

    article_id: str
    names: Names | None
    sentence_start: int  # the character where the figure's sentence starts


def _attribution(anchor: Token, figure_tokens: SpacySpan, sentence: Sentence, sources: _Sources) -> str:
    """Who the sentence says the figure comes from: "according to X", "X said", "X reported".

    A source is named only for a figure inside what it said: the clause "according to X" goes
    with, a reporting verb's reported clause ("X said [that ...]", "[...], X said", "as X
    reported"), the object that is its statement ("the poll found [21 percent]"), or a quotation
    in the sentence. A figure elsewhere in the sentence is the reporter's: the verb's audience
    ("Clinton told [about 600] supporters"), its time ("said in a [Sept. 14] email"), a deed ("the
    Senate confirmed [two] nominations"), the source's own description ("according to [two]
    participants") or another clause.
    """
    # Our sentence, not spaCy's: the parser may split one at ". . ." or join two.
    words = [t for t in anchor.doc if sentence.start <= t.idx < sentence.end]
    inside = {t.i for t in figure_tokens}
    according = _according_to(anchor, words, inside)
    if according is not None:
        return _source_phrase(according, sources)
    quoted = _quoted(words)
    candidates = []
    for token in words:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in REPORTING_VERBS:
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_ != "it"]
        relative = bool(subjects) and subjects[0].lower_ in _RELATIVE_PRONOUNS
        if relative:
            subjects = _antecedent_reporting(token, anchor)
        if not subjects or subjects[0].lower_ in PRONOUNS or subjects[0].i in inside:
            continue
        own_words = {t.i for t in subjects[0].subtree} - ({t.i for t in token.subtree} if relative else set())
        if own_words & inside:
            continue  # the source's own words: "according to [two] participants"
        said = anchor.i in quoted and token.i not in quoted
        if said or anchor.i in _reported(token, subjects[0]):
            candidates.append((abs(token.i - anchor.i), token.i, subjects[0], token))
    if not candidates:
        return ""
    _, _, subject, verb = min(candidates)
    source = _source_phrase(subject, sources)
    citing = [c for c in verb.subtree if c.lower_ == "citing" and c.head.i == verb.i]
    if citing:
        objects = [c for c in citing[0].children if c.dep_ == "dobj"]
        if objects:
            source += ", citing " + _source_phrase(objects[0], sources)
    return source


# "which" set off after a name; "who" and "that" (in ``PRONOUNS``) name no source, as before: their
# antecedents are as often the people a figure tells of ("9/11 families who say they are still
# seeking justice 15 years after the attacks that killed nearly 3,000 people").
_RELATIVE_PRONOUNS = frozenset({"which"})
_SPEAKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _antecedent_reporting(verb: Token, anchor: Token) -> list[Token]:
    """The noun a relative clause's reporting verb stands for, when the figure is in that clause:
    "The studio, which said it lost $20.5 billion a year" is the studio's figure; in "Twitter,
    which initially said Mr. Jones ... had not violated its policies, later suspended the two
    accounts" the accounts are the reporter's (the parser, making "Twitter" the root, hung the
    suspending inside what Twitter said: a noun at the root is a sentence it failed to read), and
    no relative pronoun is ever the source."""
    antecedent = verb.head
    if verb.dep_ != "relcl" or antecedent.dep_ == "ROOT" or anchor.i not in {t.i for t in verb.subtree}:
        return []
    # a name or an organisation; not "the virus, which has killed ...", "its COVID-19 vaccine"
    named = antecedent.ent_type_ in _SPEAKING_LABELS or antecedent.lemma_.lower() in ORGANISATION_NOUNS
    return [antecedent] if named else []


def _according_to(anchor: Token, words: Sequence[Token], inside: set[int]) -> Token | None:
    """The source of an "according to X" that covers the figure: one that ends or opens a sentence
    covers all of it (the parse often hangs it on one verb of several), one inside a relative
    clause only that; never its own words ("according to [two] participants")."""
    for token in words:
        if token.lower_ != "according":
            continue
        phrase = {t.i for t in token.subtree}
        if anchor.i in phrase or phrase & inside:
            continue
        clause = next((t for t in token.ancestors if t.dep_ in _SUBORDINATE_DEPS), None)
        if clause is not None and anchor.i not in {t.i for t in clause.subtree}:
            continue
        for to in token.children:
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if to.lower_ == "to" and objects:
                return objects[0]
    return None


def _reported(verb: Token, subject: Token) -> set[int]:
    """The tokens a reporting verb reports (indices into its parse).

    Its clausal complement ("said [that ...]") and, when that comes first ("[...], the aides
    said"), everything between it and the subject, which the parse often hangs on the verb; the
    clause it comments on ("[...], the official said" parsed as parataxis, "as X reported"); what
    the speech verbs joined to it report ("told ... but warned [...]", "said, arguing [...]"); the
    that-clause of the statement it was made in ("wrote in a report [that ...]"); for a verb whose
    object is the statement (``OBJECT_REPORTING_VERBS``) what follows it, but for its time and
    the other clauses; and "at" after "put" or "estimate".
    """
    lemma = verb.lemma_.lower()
    reported: set[int] = set()
    complements = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and c.lower_ != "citing"]
    for child in complements:
        reported |= {t.i for t in child.subtree}
    first = min((c.left_edge.i for c in complements if c.i < verb.i), default=None)
    for child in verb.children:
        if child.lower_ == "citing" or child.dep_ in ("nsubj", "nsubjpass", "punct", "cc"):
            continue  # "..., citing two officials": who the source cites, not what it says
        if first is not None and first < child.i < subject.i:
            reported |= {t.i for t in child.subtree}
        elif child.dep_ in ("conj", "advcl") and child.lemma_.lower() in _SPEECH_OR_REPORTING:
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                reported |= _reported(child, subject)
        elif child.dep_ in ("prep", "agent"):
            reported |= _statement_clause(child)
            if child.lower_ == "at" and lemma in AT_REPORTING_VERBS and _at_a_number(child):
                reported |= {t.i for t in child.subtree}
        if lemma in OBJECT_REPORTING_VERBS and child.i > verb.i and _part_of_statement(child):
            reported |= {t.i for t in child.subtree}
    commented = verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )
    if commented and verb.head.i != verb.i:
        reported |= {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    return reported


def _at_a_number(at: Token) -> bool:
    """Whether "at" takes a number ("put the toll at 50", "estimated the crowd at about 5,000"),
    not a state ("puts her at odds with her father, who offered support ... in 2009")."""
    return any(
        child.dep_ == "pobj" and (child.like_num or any(grand.like_num for grand in child.children))
        for child in at.children
    )


def _statement_clause(prep: Token) -> set[int]:
    """The that-clause of the statement a verb's preposition names: "wrote in a recent report
    [that ...]", "noted to another reporter [that ...]" (the parse hangs it on the noun)."""
    reported: set[int] = set()
    for noun in prep.children:
        for child in noun.children:
            if child.dep_ in ("ccomp", "acl", "relcl") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children
            ):
                reported |= {t.i for t in child.subtree}
    return reported


def _part_of_statement(child: Token) -> bool:
    """Whether a word after a verb like "found" or "reported" belongs to what it found or
    reported, not to when ("reported [on May 23, 2008]") or to another clause."""
    if child.dep_ in ("advcl", "conj", "cc", "punct", "mark") or child.lower_ == "citing":
        return False
    if child.dep_ in ("prep", "npadvmod"):
        objects = [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        return not any(o.ent_type_ in ("DATE", "TIME") for o in objects)
    return True


def _quoted(words: Sequence[Token]) -> set[int]:
    """The tokens between quotation marks in a sentence (indices into its parse); a sentence whose
    first mark closes a quotation (a curly one, or a straight one spaced as a closing mark) starts
    inside one (a quotation over several sentences)."""
    curly = [word.text for word in words if word.text in ("“", "”")]
    straight = [word for word in words if word.text == '"']
    inside = (bool(curly) and curly[0] == "”") or (not curly and bool(straight) and _closes(straight[0]))
    quoted: set[int] = set()
    for word in words:
        if word.text in ("“", "”"):
            inside = word.text == "“"
        elif word.text == '"':
            inside = not inside
        elif inside:
            quoted.add(word.i)
    return quoted


def _closes(mark: Token) -> bool:
    """True for a straight quotation mark that closes a quotation, as its spacing shows: glued to
    the word or stop before it and followed by a space ('... the Presidency," Trump said')."""
    return mark.i > 0 and not mark.doc[mark.i - 1].whitespace_ and bool(mark.whitespace_)


def _source_phrase(head: Token, sources: _Sources) -> str:
    """The words naming a source: the head's subtree up to the first comma or bracket, or the
    first gap (Boehner said, "..."; 89 freshmen ...": a parse that hangs words of the quotation on
    the name); a phrase that is only a name is the entity's name."""
    tokens = list(head.subtree)
    kept: list[Token] = []
    for token in tokens:
        if token.i > head.i and (
            token.text in (",", "(", "—", "–", ";", '"', "“", "”") or (kept and token.i != kept[-1].i + 1)
        ):
            break
        if token.i < head.i and token.text in (",", '"', "“", "”"):
            kept = []
            continue
        kept.append(token)
    phrase = _join(head.doc, [t.i for t in kept])
    if kept and _capital_of_position(kept[0], sources.sentence_start):
        phrase = phrase[:1].lower() + phrase[1:]
    entity = sources.names.at(sources.article_id, head.idx) if sources.names is not None else None
    article, _, rest = phrase.partition(" ")
    if article.lower() != "the" or not rest:
        article, rest = "", phrase
    if entity is None or sources.names is None or sources.names.named(rest) is not entity:
        return phrase
    return f"{article} {entity.name}" if article else entity.name


def _capital_of_position(token: Token, sentence_start: int) -> bool:
    """True for a word capitalized only because it opens its sentence ("The project also found",
    "A person briefed on the matter said", "Some say", "Prosecutors said"): nothing but
    punctuation before it in the sentence, and no name. An attribution is shown mid-sentence
    ("according to the project"), where such a word is written lower-case. A name keeps its
    capital: one the model tagged ("The Washington Post"), and a word the article also writes
    capitalized inside a sentence ("Summers added ..." beside "from economists, Summers said")."""
    doc = token.doc
    index = token.i - 1
    while index >= 0 and doc[index].idx >= sentence_start:
        if not (doc[index].is_punct or doc[index].is_space):
            return False
        index -= 1
    return (
        token.text[:1].isupper()
        and not (len(token.text) > 1 and token.text.isupper())  # "NBC", "AP"; not "A"
        and token.pos_ not in ("PROPN", "X")
        and token.ent_type_ not in NAME_LABELS
        and (token.pos_ in ("DET", "PRON") or not _capitalized_inside_a_sentence(token))
    )


def _capitalized_inside_a_sentence(token: Token) -> bool:
    """True when the article writes the word, capitalized as here, where no sentence starts: after
    a word or a comma, not after a stop, a line break or a quotation mark."""
    doc = token.doc
    for other in doc:
        if other.text != token.text or other.i == token.i or other.i == 0:
            continue
        before = doc[other.i - 1]
        if not before.is_space and before.text not in (".", "!", "?", ":", '"', "“", "(", "—", "-", "–"):
            return True
    return False
