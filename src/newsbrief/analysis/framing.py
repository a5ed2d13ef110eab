"""How each outlet frames the story: its distinctive words, its names for the actors, its tone.

Three measures per story, all on the spaCy parse of the articles:

- Distinctive terms: the weighted log-odds ratio with an informative Dirichlet prior of Monroe,
  Colaresi and Quinn, "Fightin' Words" (Political Analysis 16(4), 2008, eq. 22), each article
  against the rest of the story's articles pooled. The prior is the story's own pooled word
  distribution scaled to the size of one average article of the story (section 3.5.2 of the paper
  uses a background corpus in the same way; "one article's worth" of prior shrinks words used once
  or twice hard without drowning a word one outlet repeats; on Aleppo 404 pseudo-counts); no background English frequencies are used, because none ships with
  the installed packages we depend on. Terms are lower-case lemmas of content words (nouns,
  proper nouns, verbs, adjectives, adverbs; no stop words, numbers or punctuation; not the words
  where an article writes its own outlet's name, "sources confirmed to Fox News"). A term is
  reported when z >= Z_MIN (two-sided 5 %) and the article uses it at least MIN_COUNT times, at
  most MAX_TERMS per article, highest z first. A story of one article has nothing to compare
  against: its outlet gets no distinctive terms.
- Actor names: a small lexicon of name families that news uses for the two sides of an armed or
  political conflict (ACTOR_FAMILIES: "regime", "government forces", "Assad's forces", "SAA" for
  the state; "rebels", "militants", "terrorists" for its armed opponents), matched with spaCy's
  Matcher on lemmas, plus every entity whose merged name variants differ between articles (the
  entity step already grouped "Assad" with "Bashar al-Assad") when one of them is more than a
  form of its name (``entities.is_name_form``: "Assad", "U.S.", "Mrs. Cruz" are forms any writer
  uses; "Heidi" for Heidi Cruz is a choice), counted outside quotation marks, where the words are
  the outlet's. A family word right after another
  named group ("Hezbollah militants") names that group, so it is not counted; a nationality in
  front must be the story's main one ("Syrian army"), since "Russian military" is another actor.
- Opinion: the share of the words outside quotation marks (quoted words are reported speech)
  that mark the writer's own stance: strongly subjective evaluative words (``EVALUATIVE`` of
  ``analysis/lexicon.py``, a compact list in the spirit of the MPQA subjectivity lexicon's
  "strongsubj" entries, Wilson, Wiebe and Hoffmann 2005; the neutral style's voice rule reads the
  same list), intensifiers and hedges, the modals "should", "must", "ought", first-person
  pronouns, question marks and exclamation marks. Above OPINION_THRESHOLD the article is "opinion", else "reporting".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newsbrief.analysis.entities import is_name_form, name_key
from newsbrief.analysis.lexicon import EVALUATIVE, word_list
from newsbrief.model import ActorNames, Article, Entity, Framing, OutletFraming, Term

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "ACTOR_FAMILIES",
    "MAX_TERMS",
    "MIN_COUNT",
    "OPINION_THRESHOLD",
    "Z_MIN",
    "frame",
]


Z_MIN = 1.96
MIN_COUNT = 2
MAX_TERMS = 10
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})

# Share of marker words above which an article reads as opinion. Set by hand when the framing
# analysis kept its own evaluative list, on the Aleppo articles (NPR report 0.0038, Al Jazeera
# opinion 0.0297, ZeroHedge blog 0.0338) and on the 115 documents of the 40 Multi-News stories
# (mostly news reports): median 0.005, 90th percentile 0.028; the documents above 0.025 are
# columns, blog posts, tweets and an error page. The shared lexicon leaves out everyday words that
# list counted ("good", "great", "bad", "wrong"), so scores are lower; the threshold was kept
# (`python benchmarks/opinionscores.py`, cleaned articles as in a brief, before and after: Aleppo
# 0.0285 / 0.0038 / 0.0346 and 0.0241 / 0.0038 / 0.0330, so Al Jazeera now reads as reporting;
# 107 Multi-News articles, median 0.0051 and 0.0042, 11 and 9 above 0.025).
OPINION_THRESHOLD = 0.025
MAX_MARKERS = 8

# Intensifiers, stance adverbs and hedges that grade rather than report.
INTENSIFIERS = word_list(
    """
    absolutely actually admittedly arguably certainly clearly completely critically definitely
    deeply entirely enormously especially exceedingly extremely flatly frankly fundamentally
    hardly highly hugely immensely incredibly indeed merely necessarily obviously perhaps
    precisely profound purely quite really seriously simply supposedly surely thoroughly totally
    truly undeniably undoubtedly unquestionably utter utterly very virtually wholly
    """
)
MODALS = frozenset({"should", "must", "ought"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
# A quotation: opened by a curly or a straight double mark and closed by either (scraped articles
# mix them: “For the record, I love my sister ...," she wrote), within one paragraph; one left open
# at the paragraph's end runs to it, as a quotation of several paragraphs is written. A long single-
# quoted span counts too. A pair of curly marks must not swallow the text between a straight
# closing mark and a later curly one, nor a straight pair the words between two quotations.
QUOTED = re.compile(r"“[^”\"\n]*(?:[”\"]|$)|\"[^\"”\n]*(?:[\"”]|$)|‘[^’\n]{20,}’", re.MULTILINE)

# An armed actor (a family below) counts only when two articles each name it this often.
MIN_FAMILY_MENTIONS = 2
GOVERNMENT = "government forces"
OPPOSITION = "armed opposition"
FORCE_WORDS = ["force", "troop", "soldier", "army", "military", "militia", "regime", "government"]
# Armed or ruling power only: "the Trump administration" is a civilian executive, not a party to a war.
STATE_WORDS = ["regime", "government", "army", "military", "troop", "soldier", "loyalist"]
REBEL_WORDS = [
    "rebel",
    "opposition",
    "militant",
    "insurgent",
    "terrorist",
    "jihadist",
    "fighter",
    "extremist",
]
REBEL_UNITS = ["force", "group", "faction", "fighter", "coalition", "brigade", "militia"]
# The name families: (family, pattern) pairs for spaCy's Matcher, longest patterns win overlaps.
ACTOR_FAMILIES: tuple[tuple[str, tuple[dict[str, Any], ...]], ...] = (
    (GOVERNMENT, ({"LOWER": "saa"},)),
    (GOVERNMENT, ({"LOWER": "syrian"}, {"LOWER": "arab"}, {"LOWER": "army"})),
    (GOVERNMENT, ({"ENT_TYPE": "PERSON", "OP": "+"}, {"TAG": "POS"}, {"LEMMA": {"IN": FORCE_WORDS}})),
    (
        GOVERNMENT,
        (
            {"LOWER": "pro"},
            {"ORTH": {"IN": ["-", "‐"]}},
            {"IS_TITLE": True},
            {"LOWER": "ground", "OP": "?"},
            {"LEMMA": {"IN": ["force", "troop", "militia"]}},
        ),
    ),
    (
        GOVERNMENT,
        (
            {"LOWER": "pro"},
            {"ORTH": {"IN": ["-", "‐"]}},
            {"LOWER": {"IN": ["regime", "government"]}},
            {"LOWER": "ground", "OP": "?"},
            {"LEMMA": {"IN": ["force", "troop", "militia"]}},
        ),
    ),
    (
        GOVERNMENT,
        (
            {"LOWER": {"IN": ["regime", "government"]}},
            {"ORTH": {"IN": ["-", "‐"]}},
            {"LOWER": {"IN": ["aligned", "allied", "backed", "loyal"]}},
            {"LEMMA": {"IN": ["force", "troop", "militia"]}},
        ),
    ),
    (GOVERNMENT, ({"ENT_TYPE": "PERSON"}, {"LEMMA": {"IN": ["regime", "government"]}})),
    (
        GOVERNMENT,
        ({"LEMMA": {"IN": ["government", "regime"]}}, {"LEMMA": {"IN": ["force", "troop", "soldier"]}}),
    ),
    (GOVERNMENT, ({"LEMMA": "security"}, {"LEMMA": "force"})),
    (GOVERNMENT, ({"LEMMA": {"IN": ["regime", "government"]}},)),
    (GOVERNMENT, ({"LEMMA": {"IN": STATE_WORDS}, "POS": "NOUN"},)),
    (OPPOSITION, ({"LEMMA": "rebel"}, {"LEMMA": {"IN": REBEL_UNITS}})),
    (OPPOSITION, ({"LEMMA": "opposition"}, {"LEMMA": {"IN": ["force", "fighter", "group", "faction"]}})),
    (OPPOSITION, ({"LEMMA": {"IN": REBEL_WORDS}},)),
)
# A nationality in front of a state word is part of the name ("Syrian army").
NATIONAL_PATTERN: dict[str, Any] = {"ENT_TYPE": {"IN": ["NORP", "GPE"]}}


def frame(articles: Sequence[Article], docs: Sequence[Doc], entities: Sequence[Entity]) -> Framing:
    """Distinctive terms, opinion score and style per article, and the actors named differently.

    ``docs[i]`` is the spaCy parse of ``articles[i].text``; ``entities`` come from
    ``find_entities`` on the same articles.
    """
    counts = [_term_counts(doc, article.outlet) for article, doc in zip(articles, docs, strict=True)]
    outlets = []
    for index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        rest: Counter[str] = Counter()
        for other, other_counts in enumerate(counts):
            if other != index:
                rest.update(other_counts)
        distinctive = _distinctive(counts[index], rest, len(articles)) if len(articles) > 1 else ()
        score, markers = _opinion(article, doc)
        style = "opinion" if score > OPINION_THRESHOLD else "reporting"
        outlets.append(OutletFraming(article.id, distinctive, round(score, 4), style, markers))
    actors = _actors(articles, docs, entities)
    return Framing(outlets=tuple(outlets), actors=actors)


def _term_counts(doc: Doc, outlet: str) -> Counter[str]:
    """Lower-case lemmas of the content words of one article, leaving out where it names its own
    outlet ("sources confirmed to Fox News"): a self-reference, not a way of framing the story."""
    own_name = _own_name_tokens(doc, outlet)
    return Counter(
        token.lemma_.lower()
        for token in doc
        if token.i not in own_name
        and token.pos_ in CONTENT_POS
        and token.is_alpha
        and not token.is_stop
        and not token.like_num
        and len(token.text) > 1
        and token.lemma_.lower() not in _stop_words()
    )


def _own_name_tokens(doc: Doc, outlet: str) -> set[int]:
    """Indices of the tokens where the article writes its outlet's name, word for word."""
    name = [word.lower() for word in outlet.split()]
    if not name:
        return set()
    found: set[int] = set()
    for start in range(len(doc) - len(name) + 1):
        if all(doc[start + offset].lower_ == word for offset, word in enumerate(name)):
            found.update(range(start, start + len(name)))
    return found


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _distinctive(mine: Counter[str], rest: Counter[str], n_articles: int) -> tuple[Term, ...]:
    """Monroe et al.'s z-scores of this article's terms against the rest, the significant ones."""
    pooled = mine + rest
    pooled_total = sum(pooled.values())
    mine_total, rest_total = sum(mine.values()), sum(rest.values())
    if not mine_total or not rest_total:
        return ()
    prior_total = pooled_total / n_articles
    terms = []
    for term, count in mine.items():
        if count < MIN_COUNT:
            continue
        prior = prior_total * pooled[term] / pooled_total
        z = _log_odds_z(count, mine_total, rest[term], rest_total, prior, prior_total)
        if z >= Z_MIN:
            terms.append(Term(term, round(z, 2), count))
    terms.sort(key=lambda t: (-t.z, -t.count, t.term))
    return tuple(terms[:MAX_TERMS])


def _log_odds_z(
    count: int, total: int, other: int, other_total: int, prior: float, prior_total: float
) -> float:
    """Eq. 22 of Monroe et al. (2008): log-odds difference over its estimated standard deviation."""
    mine = math.log((count + prior) / (total + prior_total - count - prior))
    theirs = math.log((other + prior) / (other_total + prior_total - other - prior))
    variance = 1.0 / (count + prior) + 1.0 / (other + prior)
    return (mine - theirs) / math.sqrt(variance)


def _quoted(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: words the article reports, not its own."""
    return [(match.start(), match.end()) for match in QUOTED.finditer(text)]


def _inside(position: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether a character position falls in one of the ranges."""
    return any(start <= position < end for start, end in ranges)


def _opinion(article: Article, doc: Doc) -> tuple[float, tuple[str, ...]]:
    """Share of the article's own words (outside quotes) that mark stance, and examples of them."""
    quoted = _quoted(article.text)
    words = 0
    markers: list[str] = []
    for token in doc:
        if _inside(token.idx, quoted):
            continue
        if token.is_alpha:
            words += 1
            if _is_marker(token):
                markers.append("I" if token.lower_ == "i" else token.lower_)  # the pronoun is written "I"
        elif token.text in {"?", "!"}:
            markers.append(token.text)
    if not words:
        return 0.0, ()
    examples = tuple(
        word for word, _ in sorted(Counter(markers).items(), key=lambda item: (-item[1], item[0]))
    )
    return len(markers) / words, examples[:MAX_MARKERS]


def _is_marker(token: Token) -> bool:
    """Whether a word marks the writer's stance: evaluative, intensifier, modal or first person."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in FIRST_PERSON:
        # "US" the country is not "us" the writers, "AUGUSTA, Me." is Maine, "to mine vast amounts
        # of data" is a verb
        return (
            token.text != "US"
            and not _is_party_initial(token)
            and not _is_state_abbreviation(token)
            and not (lower == "mine" and token.pos_ != "PRON")
        )
    if lower in MODALS or lower in INTENSIFIERS:
        return True
    return lemma in EVALUATIVE or lower in EVALUATIVE


def _is_state_abbreviation(token: Token) -> bool:
    """Whether a "Me." is Maine after a town ("AUGUSTA, Me. —"), not the pronoun."""
    return token.text == "Me" and token.i > 0 and token.nbor(-1).text == ","


def _is_party_initial(token: Token) -> bool:
    """Whether an "I" is the party of "Bernie Sanders (I-Vt.)", an independent, not the pronoun."""
    return token.text == "I" and token.i + 1 < len(token.doc) and token.nbor(1).text == "-"


def _actors(
    articles: Sequence[Article], docs: Sequence[Doc], entities: Sequence[Entity]
) -> tuple[ActorNames, ...]:
    """Actors that two or more articles name, with two or more different names between them, one of
    them more than a form of an entity's name."""
    nationality = _main_nationality(entities)
    found: list[tuple[str, str, str, str]] = []  # (actor, article id, key, surface)
    for article, doc in zip(articles, docs, strict=True):
        for family, span in _family_matches(doc, nationality):
            found.append((family, article.id, _name_key(span), _display(span)))
    quoted = {article.id: _quoted(article.text) for article in articles}
    for entity in entities:
        for mention in entity.mentions:
            if _inside(mention.start, quoted.get(mention.article_id, ())):
                continue  # a speaker's words ("leave Heidi the hell alone"), not the outlet's choice
            surface = " ".join(mention.text.replace("’", "'").split())
            found.append((entity.name, mention.article_id, _entity_key(surface, entity.label), surface))
    labels = {
        GOVERNMENT: f"{nationality} government forces" if nationality else "government",
        OPPOSITION: OPPOSITION,
    }
    order = {article.id: index for index, article in enumerate(articles)}
    people = {entity.name for entity in entities if entity.label == "PERSON"}
    actors = []
    for actor in sorted({item[0] for item in found}):
        rows = [item for item in found if item[0] == actor]
        if len({item[1] for item in rows}) < 2 or len({item[2] for item in rows}) < 2:
            continue
        if actor in labels and not _named_often_enough(rows):
            continue
        if actor not in labels and all(is_name_form(item[3], actor, person=actor in people) for item in rows):
            continue
        actors.append((len(rows), labels.get(actor, actor), _names_by_article(rows, order)))
    actors.sort(key=lambda item: (-item[0], item[1]))
    return tuple(ActorNames(actor, names) for _, actor, names in actors)


def _named_often_enough(rows: Iterable[tuple[str, str, str, str]]) -> bool:
    """Whether two articles each name the armed actor at least ``MIN_FAMILY_MENTIONS`` times.

    The families are words of war ("regime", "rebels"); in a story that is not about one, a stray
    "government" or "rebelling" is no actor, and a pair of them would be a framing made of noise.
    """
    per_article = Counter(item[1] for item in rows)
    return sum(count >= MIN_FAMILY_MENTIONS for count in per_article.values()) >= 2


def _names_by_article(
    rows: Iterable[tuple[str, str, str, str]], order: dict[str, int]
) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """Per article in story order, the names it uses, most used first; each as the article writes it."""
    surfaces: dict[tuple[str, str], Counter[str]] = {}  # (article id, name key) -> surface forms
    per_article: set[str] = set()
    for _, article_id, key, surface in rows:
        surfaces.setdefault((article_id, key), Counter())[surface] += 1
        per_article.add(article_id)
    result = []
    for article_id in sorted(per_article, key=lambda a: order[a]):
        named = [
            (min(counter, key=lambda s: (-counter[s], s)), counter.total())
            for key, counter in surfaces.items()
            if key[0] == article_id
        ]
        result.append((article_id, tuple(sorted(named, key=lambda item: (-item[1], item[0])))))
    return tuple(result)


def _main_nationality(entities: Sequence[Entity]) -> str:
    """The story's most mentioned nationality that names one of its countries ("Syrian" for Syria)
    and that two or more articles name: one photo caption's "Chadian troops" in a story of American
    soldiers killed in Niger does not make every outlet's "troops" Chad's.

    "" when there is none: "Republicans" is a NORP but no nationality.
    """
    countries = [entity.name.casefold() for entity in entities if entity.label == "GPE"]
    for entity in entities:
        name = entity.name.casefold()
        if (
            entity.label == "NORP"
            and len({mention.article_id for mention in entity.mentions}) >= 2
            and any(len(c) >= 4 and name.startswith(c[:4]) and name != c for c in countries)
        ):
            return entity.name
    return ""


def _family_matches(doc: Doc, nationality: str) -> list[tuple[str, SpacySpan]]:
    """Non-overlapping matches of the name families in one article, longest first, in text order."""
    from spacy.matcher import Matcher
    from spacy.util import filter_spans

    matcher = Matcher(doc.vocab)
    for number, (family, pattern) in enumerate(ACTOR_FAMILIES):
        matcher.add(f"{family}|{number}", [list(pattern)])
        if family == GOVERNMENT and len(pattern) <= 2 and "ENT_TYPE" not in pattern[0]:
            matcher.add(f"{family}|{number}|national", [[NATIONAL_PATTERN, *pattern]])
    spans = []
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        span = doc[start:end]
        span.label_ = label
        spans.append(span)
    results = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        family = span.label_.split("|")[0]
        if span.label_.endswith("|national") and not _is_nationality(span[0], nationality):
            continue
        if not span.label_.endswith("|national") and _named_group_before(doc, span):
            continue
        results.append((family, span))
    return results


def _is_nationality(token: Token, nationality: str) -> bool:
    """Whether the word is the story's main nationality or its country ("Syrian", "Syria")."""
    word = token.text.casefold()
    main = nationality.casefold()
    return bool(main) and (word == main or (len(word) >= 4 and main.startswith(word)))


def _named_group_before(doc: Doc, span: SpacySpan) -> bool:
    """A single family word after a named group ("Hezbollah militants") names that group."""
    if len(span) > 1 or span.start == 0:
        return False
    previous = doc[span.start - 1]
    return previous.ent_type_ in {"PERSON", "ORG", "NORP", "GPE", "FAC"}


def _name_key(span: SpacySpan) -> str:
    """Names that differ only in number, case or hyphen spacing are one name ("rebel" = "rebels")."""
    return " ".join(token.lemma_.lower() for token in span if token.text not in {"-", "‐"})


def _display(span: SpacySpan) -> str:
    """The name as written, lower-cased except proper nouns, one space between words."""
    words = []
    for token in span:
        text = token.text.replace("’", "'")
        words.append(text if token.pos_ == "PROPN" or token.ent_type_ or text.isupper() else text.lower())
        words.append(token.whitespace_ and " ")
    return "".join(words).strip()


def _entity_key(surface: str, label: str) -> str:
    """An entity name variant compared as the entity analysis compares names: without case and
    full stops ("U.S." = "US"), a country's abbreviation inside a name spelled out.

    A group's plural is the same name ("Russians" = "Russian"): number is no choice of framing.
    """
    key = name_key(surface)
    return key.removesuffix("s") if label == "NORP" else key
