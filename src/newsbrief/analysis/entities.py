"""Who and where: the people, organizations and places of a story, with name variants merged.

spaCy's English pipeline finds the entity mentions; this module cleans them and decides which
mentions name the same thing, so that "Assad", "Bashar Assad" and "President Bashar al-Assad's"
count as one PERSON with a mention count per article.

The rules, in order (each is a heuristic; its limits are said beside it):

1. Mentions are spaCy entities labelled PERSON, ORG, GPE, LOC, NORP, FAC or EVENT (plus a few labels
   the small model confuses them with, which only vote, see 6). Edges are trimmed: determiners,
   titles before a person ("President", "Secretary"), the office of a title the model read into
   the name ("Director of [National Intelligence] James Clapper"), "pro-"/"anti-" prefixes,
   possessive "'s", punctuation, and edge words that cannot end a name (prepositions,
   conjunctions, gerunds), and a first word the parse attaches outside the name as a conjunction
   or adverb, a connective capitalized by opening the sentence ("Plus Obama is nominating" names
   Obama). A mention whose left neighbour is a capitalized word outside any entity grows over it
   (the small model finds "Without Borders" in "Doctors Without Borders").
2. An acronym in parentheses right after a capitalized phrase pairs the two ("Doctors Without
   Borders (MSF)"); the phrase becomes a mention even when spaCy missed it.
3. Junk is dropped: no letters, a single letter, only stop words, or no capital letter at all
   ("regime-" tagged PERSON is a common noun, not a name).
4. Names merge when they are the same after case folding, dropping full stops and collapsing white
   space ("U.S." = "US"), or a country's abbreviation inside a longer name ("U.S. Senate" =
   "United States Senate"); when one is an acronym of the other by initials of its capitalized words,
   both appearing in the story ("ISW" = "Institute for the Study of War"; a place's abbreviation
   never spells a person's initials: "D.C." is not "Dick Cheney"); when the text pairs them
   (rule 2); a one-word organization merges into the one longer organization whose first word it
   is, if that has two words ("Nusra" -> "al-Nusra Front"; "Senate" stays apart from "Senate Armed
   Services Committee"); and a one-word name merges into the one multi-word person whose last word
   it is, with the particles "al-"/"el-" and middle initials optional ("Assad" -> "Bashar
   al-Assad"; "Donald J. Trump" = "Donald Trump"); two full names are one person when their first
   names are one name or a short form of it, accents aside, their middle names agree where both
   give one and their suffixes are the same ("Bob Goodlatte" = "Robert W. Goodlatte", "Hillary
   Rodham Clinton" = "Hillary Clinton"; not "George H.W. Bush" and "George W. Bush", nor "Donald
   Trump Jr." and "Donald Trump"), and a surname is read after setting a suffix aside ("Jesse L.
   Jackson Jr." is a Jackson); a surname with its suffix joins the one person named in full with
   both ("Trump Jr." -> "Donald Trump Jr."); a word the model mostly takes for a place or a
   group only when at least one of its mentions is taken for a person (the model takes "Santé
   Publique France" for a person, and "Dunham" mostly for a place), or, not a group, when the text
   never says it is a place ("in France") and names the person in full before it (the model
   takes many bare surnames for places: "Palin" after "Sarah Palin"). A one-word name that fits
   several people goes to the one mentioned most (news uses the bare surname for the story's main
   bearer: "Trump" is Donald, not Ivanka), and on a tie to the one the story names first (the
   main bearer is introduced before a relative: "Donald Trump", then "Fred Christopher Trump, his
   nephew"); but within an article that names only one of them in full and never writes the
   surname after a title, it is that one (Fox News names only Gov. Asa Hutchinson, so its
   "Hutchinson said" is not his son Seth, whom the Times writes more about; the Times' "President
   Trump" beside its one full "Melania Trump" keeps its bare "Trump" to the story's rule); and a
   surname after a title ("President Obama") is the one bearer the story writes with that title
   before the full name ("President Barack Obama"), not a daughter named more ("Sasha Obama"). Quotes, figures and framing read this decision through ``Names``. A one-word PERSON
   that is no one's surname joins the one person whose first name it is ("Mitt" -> "Mitt
   Romney"), and stays apart when two people share that first name. A group's plural joins its singular when both are
   groups ("Republicans" = "Republican"), and so does an adjective that is not its group's noun
   ("Democratic" = "Democrats", ``lexicon.GROUP_ADJECTIVES``); a lone "America" is the United
   States (``lexicon.COUNTRY_NAMES``; "Latin America" is another name). A surname the story gives both "Mr." and "Mrs."/"Ms."
   names two people, a couple or relatives: the courtesy title the story uses more for it goes
   with the bare surname as above, and the other title's mentions ("Mrs. Trump") keep their title
   and join the one other person of that surname named in full ("Melania Trump"), or stay apart
   as "Mrs. Trump" when there is no such one person.
5. Occurrences spaCy missed are added: every exact, case-sensitive, word-bounded occurrence of a
   merged name's form that is a proper noun (or several words) and overlaps no other mention.
6. The label is the majority over the mentions' labels. A mention after a place preposition
   ("in Aleppo") or beside "city" votes GPE; a NORP vote counts only when the word looks like a
   group (an adjective, a plural, or a demonym ending), since the small model tags bare place
   names NORP; a social platform ("Twitter", ``lexicon.PLATFORMS``) votes ORG, since the model
   mostly takes it for a person; a name merged by surname is a PERSON; a location (LOC) of which
   one mention reports or is told something is an organization ("The Atlantic first reported",
   "obtained by The Atlantic": a publication, which the model takes for the ocean). Ties go to
   the first of KEPT_LABELS.
7. The canonical name is the longest full form: the variant with most words, then most mentions,
   then most characters, then alphabetical; an all-capitals acronym is chosen only when the entity
   has no other form, a form in capitals (a dateline's "WASHINGTON —") only when it is never
   written in lower case, and a surname under a courtesy title ("Mrs. Trump") only when the person
   is never named in full.

Order: most mentions first, then most articles, then name.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from newsbrief.analysis.lexicon import (
    COUNTRY_NAMES,
    COURTESY_TITLES,
    GROUP_ADJECTIVES,
    NAME_SUFFIXES,
    NICKNAMES,
    OFFICE_WORDS,
    ORGANISATION_NAME_HEADS,
    PLATFORMS,
    PUBLICATION_HEADS,
    is_title,
    sex_of_first_name,
    sex_of_word,
)
from newsbrief.model import Article, Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "KEPT_LABELS",
    "PLACE_LABELS",
    "Names",
    "find_entities",
    "is_name_form",
    "is_verb_in_a_name",
    "name_key",
    "names_of",
]

KEPT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
# A one-word name that is mostly one of these is a place or a group, never a person's surname.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# The tags a lone surname is given (``Names.is_known_surname``), and the place tags it may carry
# where the entity analysis counted the mention under the person.
SURNAME_TAGS = frozenset({"", "ORG", "FAC", "PRODUCT", "NORP"})
SURNAME_PLACE_TAGS = frozenset({"GPE", "LOC"})
_NOT_IN_KEY = str.maketrans("", "", ".[]")
# Abbreviations news writes inside names for the name in full ("U.S. Senate", "U.N. Security Council").
_SPELLED_OUT = {"us": "united states", "un": "united nations", "uk": "united kingdom"}
# Labels the small model gives to names it is unsure of ("Aleppo" LANGUAGE, "ISIL" PRODUCT): such a
# mention joins an entity of the same name and votes, but cannot make an entity on its own.
VOTING_LABELS = (*KEPT_LABELS, "LANGUAGE", "PRODUCT", "WORK_OF_ART", "LAW")

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
PREFIXES = ("pro-", "anti-", "ex-", "post-", "pre-")
PARTICLES = frozenset({"al", "el"})
# Lower-case words allowed inside a long organization name ("Institute for the Study of War").
CONNECTORS = frozenset({"of", "for", "the", "and", "de", "du", "des", "la", "le", "sans", "on", "in"})
PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "around", "across", "throughout", "outside", "inside", "into", "towards", "toward"}
)
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "capital"})
DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i", "ic", "ite", "ch", "ean")
CONNECTIVE_DEPS = frozenset({"cc", "advmod", "preconj"})
EDGE_TAGS = frozenset({"IN", "CC", "DT", "TO", "VBG", "VBZ", "VBD", "VBP", "VB", "MD", "WDT", "WP", "PRP"})
ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")


@dataclass(frozen=True, slots=True)
class _Mention:
    """One cleaned mention: where it is, its words as written, and the label it votes for."""

    article: int
    start: int
    end: int
    text: str
    vote: str
    proper: bool  # a proper noun or several words: safe to look for elsewhere (rule 5)
    scoped: bool = False  # a bare surname read within its own article (``_scope_surnames``)
    placed: bool = False  # the text says it is a place ("in Aleppo", "the city of Homs"), rule 6
    reports: bool = False  # tagged a location, it reports or is told something: a publication, rule 6


def _cluster_key(mention: _Mention) -> str:
    """The key a mention is clustered under: its name's key, and its article's number when the
    bare surname is read within its own article."""
    key = name_key(mention.text)
    return f"{key}#{mention.article}" if mention.scoped else key


def find_entities(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[Entity, ...]:
    """The story's named entities, variants merged, most mentioned first.

    ``docs[i]`` is the spaCy parse of ``articles[i].text``; every mention is a Span into that text.
    """
    mentions: list[_Mention] = []
    pairs: list[tuple[str, str]] = []
    for index, doc in enumerate(docs):
        found, paired = _article_mentions(index, doc)
        mentions.extend(found)
        pairs.extend(paired)
    mentions = _titled_apart([mention for mention in mentions if not _is_junk(mention.text)], articles, docs)
    mentions, bearers = _scope_surnames(mentions, docs)
    mentions, titled_bearers = _bind_titled_surnames(mentions, docs)
    bearers = {**bearers, **titled_bearers}
    clusters = _cluster(mentions, pairs, bearers, _surnames_written(docs))
    members = _add_missed(clusters, mentions, articles, docs)
    entities = []
    for (_, surname_merged), found in zip(clusters, members, strict=True):
        entity = _entity(found, articles, surname_merged)
        if entity is not None:
            entities.append(entity)
    return tuple(sorted(entities, key=lambda e: (-e.total, -len(e.counts), e.name, e.label)))


@dataclass(frozen=True, slots=True)
class Names:
    """Who each name of a story is, as ``find_entities`` decided: the one resolution the analyses share.

    ``mentions[article_id]`` is that article's entity mentions as (start, end, entity index) in
    text order; ``keys`` maps a name's key (case, full stops and spacing folded) to the entity it
    was merged into. Quotes, figures and framing read names here instead of deciding again, so
    that "Trump" is the same person in every section of a brief.
    """

    entities: tuple[Entity, ...]
    mentions: Mapping[str, tuple[tuple[int, int, int], ...]]
    keys: Mapping[str, int]

    def at(self, article_id: str, position: int) -> Entity | None:
        """The entity whose mention holds the character at ``position`` in the article, or None."""
        found = self.mentions.get(article_id, ())
        index = bisect.bisect_right(found, position, key=lambda mention: mention[0]) - 1
        return self.entities[found[index][2]] if index >= 0 and found[index][1] > position else None

    def named(self, text: str) -> Entity | None:
        """The entity a name written this way belongs to anywhere in the story, or None."""
        number = self.keys.get(name_key(text))
        return None if number is None else self.entities[number]

    def surname(self, word: str) -> Entity | None:
        """The one person the story names in full with this last name, or None when none or several.

        The tagger can miss a surname alone in every place it stands ("Lauten later apologized",
        "Pelosi told reporters"), so no mention gives it a key; the story's "Elizabeth Lauten" is
        still who it means, unless two people share the name.
        """
        found = [
            entity
            for entity in self.entities
            if entity.label == "PERSON" and " " in entity.name and entity.name.rsplit(" ", 1)[1] == word
        ]
        return found[0] if len(found) == 1 else None

    def is_known_surname(self, token: Token, article_id: str) -> bool:
        """True for a proper noun the tagger did not call a PERSON that is the surname of one named
        in the story.

        The small English model tags "Rubio" PERSON in one sentence and ORG or FAC in the next; a
        surname the story has given in full is a person wherever it stands alone (but not where it
        is tagged a place: the same model also makes "Amatrice Rome" a PERSON), unless the entity
        analysis counted this very mention under that person: HuffPost's "Tlaib, who became one of
        the first Muslim women in Congress, ..." is tagged GPE, and ``find_entities`` merged it
        into Rashida Tlaib, so quotes, figures and entities agree on who it is.
        """
        counted = self.at(article_id, token.idx)
        entity = counted or self.named(token.text) or self.surname(token.text)
        full = entity.name if entity is not None and entity.label == "PERSON" else ""
        tags = SURNAME_TAGS | (
            SURNAME_PLACE_TAGS if counted is not None and counted.label == "PERSON" else set()
        )
        return (
            token.pos_ == "PROPN"
            and token.ent_type_ in tags
            and " " in full
            and full.endswith(token.text)
            and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN")
        )

    def before(self, article_id: str, position: int) -> tuple[tuple[int, Entity], ...]:
        """The entity mentions that start before ``position`` in the article, nearest first."""
        found = self.mentions.get(article_id, ())
        stop = bisect.bisect_left(found, position, key=lambda mention: mention[0])
        return tuple((start, self.entities[number]) for start, _, number in reversed(found[:stop]))


def names_of(entities: Sequence[Entity]) -> Names:
    """The resolver of the story's names, built from ``find_entities``'s result."""
    mentions: dict[str, list[tuple[int, int, int]]] = {}
    keys: dict[str, int] = {}
    for number, entity in enumerate(entities):
        for span in entity.mentions:
            mentions.setdefault(span.article_id, []).append((span.start, span.end, number))
        for form in (entity.name, *entity.variants):
            keys.setdefault(name_key(form), number)
    return Names(
        tuple(entities), {article_id: tuple(sorted(found)) for article_id, found in mentions.items()}, keys
    )


def _article_mentions(index: int, doc: Doc) -> tuple[list[_Mention], list[tuple[str, str]]]:
    """Cleaned mentions of one article, and the (acronym, long form) pairs its text makes."""
    # Token.is_sent_start scans the whole Doc on every call in spaCy 3.8: collect the starts once.
    starts = frozenset(sent.start for sent in doc.sents)
    paired = _parenthesized_pairs(doc, starts)
    long_spans = [span for span, _ in paired]
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in VOTING_LABELS:
            continue
        if any(ent.start_char < span.end_char and span.start_char < ent.end_char for span in long_spans):
            continue
        for start, end in _comma_pieces(ent):
            mention = _clean(index, doc, start, end, ent.label_, starts)
            if mention is not None:
                mentions.append(mention)
    for span, acronym in paired:
        label = acronym.ent_type_ if acronym.ent_type_ in KEPT_LABELS else "ORG"
        mention = _clean(index, doc, span.start, span.end, label, starts)
        if mention is not None:
            mentions.append(mention)
    pairs = [(name_key(acronym.text), name_key(span.text)) for span, acronym in paired]
    return mentions, pairs


def _comma_pieces(ent: SpacySpan) -> list[tuple[int, int]]:
    """The token ranges of an entity cut at its commas: a name has no comma in it, but the tagger
    runs "Obama, Conard says" into one PERSON. A comma before a suffix ("King, Jr.") stays."""
    pieces = []
    start = ent.start
    for token in ent:
        following = ent.doc[token.i + 1].lower_.rstrip(".") if token.i + 1 < len(ent.doc) else ""
        if token.text == "," and following not in NAME_SUFFIXES:
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, ent.end))
    return [(lo, hi) for lo, hi in pieces if hi > lo]


def _parenthesized_pairs(doc: Doc, starts: frozenset[int]) -> list[tuple[SpacySpan, Token]]:
    """(long form, acronym) where the text writes "Long Form Name (ACRONYM" (rule 2)."""
    pairs = []
    for token in doc[1:-1]:
        acronym = doc[token.i + 1]
        if token.text != "(" or not ACRONYM.match(acronym.text):
            continue
        start = token.i
        while start > 0:
            previous = doc[start - 1]
            if not (previous.is_title or previous.is_upper or previous.lower_ in CONNECTORS):
                break
            if previous.i in starts and previous.lower_ in CONNECTORS:
                break
            start -= 1
        words = list(doc[start : token.i])
        while words and words[0].lower_ in CONNECTORS:
            words = words[1:]
        if len(words) < 2:
            continue
        span = _best_long_form(doc[words[0].i : token.i], acronym.text)
        if span is not None:
            pairs.append((span, acronym))
    return pairs


def _best_long_form(phrase: SpacySpan, acronym: str) -> SpacySpan | None:
    """The shortest tail of the phrase whose initials spell the acronym, else the tail after the last "and"."""
    letters = acronym.replace(".", "")
    for start in range(phrase.end - 1, phrase.start - 1, -1):
        tail = phrase.doc[start : phrase.end]
        if tail[0].is_title and _initials(tail.text) == letters:
            return tail
    tail_start = phrase.start
    for token in phrase:
        if token.lower_ == "and":
            tail_start = token.i + 1
    while tail_start < phrase.end and phrase.doc[tail_start].lower_ in CONNECTORS:
        tail_start += 1
    tail = phrase.doc[tail_start : phrase.end]
    return tail if len(tail) >= 2 else None


def _clean(index: int, doc: Doc, start: int, end: int, label: str, starts: frozenset[int]) -> _Mention | None:
    """The mention doc[start:end] with its edges trimmed (rule 1); None when nothing is left."""
    while start > 0 and _can_grow_left(doc[start - 1], starts):
        start -= 1
    while start < end and _is_left_edge(doc[start], label, end - start):
        start += 1
    if label == "PERSON":
        start = _past_title_inside(doc, _past_office(doc, start, end), end)
    while end > start and _is_right_edge(doc[end - 1]):
        end -= 1
    if start >= end:
        return None
    start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    text = doc[start:end].text  # Doc.text joins every token on each call
    for prefix in PREFIXES:
        if text.lower().startswith(prefix):
            start_char += len(prefix)
            text = text[len(prefix) :]
    text_end = len(text.rstrip("-–—'’ "))
    end_char = start_char + text_end
    text = text[:text_end]
    if not text:
        return None
    proper = end - start > 1 or doc[start].pos_ == "PROPN"
    placed = _is_placed(doc, start, end)
    reports = label == "LOC" and _reports_or_is_told(doc[start:end].root)
    return _Mention(
        index,
        start_char,
        end_char,
        text,
        _vote(doc, start, end, label, placed),
        proper,
        placed=placed,
        reports=reports,
    )


def _past_office(doc: Doc, start: int, end: int) -> int:
    """Where the person's name starts in a mention that opens with the office of a title before it:
    "Director of [National Intelligence James Clapper]" names James Clapper, the director of
    National Intelligence; the office's words (``OFFICE_WORDS``) are left out, two words of the
    name always kept."""
    if start < 2 or doc[start - 1].lower_ != "of" or not is_title(doc[start - 2].text):
        return start
    while end - start > 2 and doc[start].lower_ in OFFICE_WORDS:
        start += 1
    return start


def _past_title_inside(doc: Doc, start: int, end: int) -> int:
    """Where the person's name starts in a mention that holds a title after words of another name:
    "Weekly Standard Editor Bill Kristol", tagged from "Standard", names Bill Kristol, the
    editor of the Weekly Standard. Two words of the name always follow the title."""
    titles = [index for index in range(start + 1, end - 2) if is_title(doc[index].text)]
    if not titles:
        return start
    name = doc[titles[-1] + 1 : end]
    plain = all(word.is_alpha and word.lower_ not in NAME_SUFFIXES for word in name)
    return titles[-1] + 1 if plain else start


def _can_grow_left(token: Token, starts: frozenset[int]) -> bool:
    """A capitalized word outside any entity, inside a sentence: part of the name the model cut."""
    return bool(
        token.ent_iob_ == "O"
        and token.is_title
        and token.i not in starts
        and token.is_alpha
        and not is_title(token.text)
        and not token.is_stop
    )


def _is_left_edge(token: Token, label: str, length: int) -> bool:
    """A first word that is not part of the name: a determiner, a title, punctuation, a verb."""
    lower = token.lower_.rstrip(".")
    if token.is_punct or lower in DETERMINERS or token.text in {"-", "–"}:
        return True
    if label == "PERSON" and is_title(lower) and length > 1:
        return True
    if length > 1 and _is_connective(token, length):
        return True
    return (token.tag_ in EDGE_TAGS and not token.is_title and length > 1) or token.tag_ == "VBG"


def _is_connective(token: Token, length: int) -> bool:
    """A word the parse attaches outside the mention as a conjunction or adverb ("Plus Obama is
    nominating": "Plus" is the verb's ``cc``): a connective the sentence opens with, capitalized
    only by its place, so no word of the name."""
    inside = token.i < token.head.i < token.i + length
    opening = bool(token.is_sent_start) and token.is_title  # not "LONG" of a "LONG BEACH" dateline
    return opening and token.dep_ in CONNECTIVE_DEPS and not inside


# Penn tags of a finite verb, never part of a name when written in lower case ("scoffed" of
# "Daniel scoffed and said"; "Mo." of "FERGUSON, Mo." is Missouri, "Reports" a show's name).
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def is_verb_in_a_name(token: Token) -> bool:
    """Whether the tagger ran a finite verb into a name: "Daniel scoffed and said ..."."""
    return token.tag_ in _FINITE_VERB_TAGS and token.text.islower()


def _is_right_edge(token: Token) -> bool:
    """A last word that is not part of the name: a possessive, punctuation, a preposition, or a
    finite verb the tagger ran into the name ("Daniel scoffed and said ...")."""
    if token.lower_ in {"'s", "’s", "'", "’"} or token.tag_ == "POS" or token.is_punct:
        return True
    return token.tag_ in {"IN", "CC", "DT", "TO"} or is_verb_in_a_name(token)


def _vote(doc: Doc, start: int, end: int, label: str, placed: bool) -> str:
    """The label this mention votes for, with the place and group cues of rule 6 (``placed``: the
    words around it say it is a place, ``_is_placed``)."""
    if doc[start:end].text.lower() in PLATFORMS:
        return "ORG"
    if label not in {"GPE", "LOC", "FAC"} and placed:
        return "GPE"
    if label == "NORP" and not _looks_like_group(doc[start:end]):
        return ""
    return label


# Verbs of reporting whose subject, or whose agent after "by" in the passive ("obtained by"),
# publishes or tells the news.
_REPORTING_LEMMAS = frozenset({"say", "report", "write", "publish", "reveal", "obtain", "tweet"})


def _reports_or_is_told(root: Token) -> bool:
    """Whether a name the model tags a location (LOC: a sea, a mountain range, a region) reports,
    is told, or obtained something, as a publication does and a location does not ("The Atlantic
    first reported ...", "messages obtained by The Atlantic", "told The Atlantic"). A country
    that "said" stands for its government and is tagged GPE, which this leaves alone."""
    head = root.head
    if root.dep_ == "nsubj":
        return head.lemma_ in _REPORTING_LEMMAS
    if root.dep_ in {"dobj", "dative"}:
        return head.lemma_ == "tell"
    return root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_ in _REPORTING_LEMMAS


def _is_placed(doc: Doc, start: int, end: int) -> bool:
    """Whether the words around doc[start:end] say it is a place: a place preposition before it
    ("in Aleppo"), a place noun after it ("Aleppo city") or before its "of" ("the city of Homs")."""
    previous = doc[start - 1].lower_ if start > 0 else ""
    following = doc[end].lower_ if end < len(doc) else ""
    before_of = doc[start - 2].lower_ if start > 1 else ""
    return (
        previous in PLACE_PREPOSITIONS
        or following in PLACE_NOUNS
        or (previous == "of" and before_of in PLACE_NOUNS)
    )


def _looks_like_group(span: SpacySpan) -> bool:
    """Whether a NORP mention reads as nationality or group ("Syrian", "Turks"), not a bare place."""
    last = span[-1]
    return last.tag_ in {"JJ", "NNPS", "NNS"} or last.lower_.endswith(DEMONYM_ENDINGS)


def _is_junk(text: str) -> bool:
    """Rule 3: no letters, one letter, only stop words, or no capital letter."""
    from spacy.lang.en.stop_words import STOP_WORDS

    letters = [char for char in text if char.isalpha()]
    if len(letters) < 2 or not any(char.isupper() for char in letters):
        return True
    # "US" is a name, "us" a stop word: only lower- or title-case words can be stop words
    words = re.findall(r"[^\W\d_]+", text)
    return all(word.lower() in STOP_WORDS and not word.isupper() for word in words)


def name_key(text: str) -> str:
    """Case, full stops, editors' brackets, apostrophe style and white space do not make a different
    name ("[Robert] Mueller" = "Robert Mueller"), nor a country's abbreviation inside a longer name
    ("U.S. Supreme Court" = "United States Supreme Court"; a lone "U.S." joins "United States" as
    an acronym, rule 4)."""
    words = text.casefold().replace("’", "'").translate(_NOT_IN_KEY).split()
    if len(words) > 1:
        words = [_SPELLED_OUT.get(word, word) for word in words]
    key = " ".join(words)
    return COUNTRY_NAMES.get(key, key)


def is_name_form(surface: str, name: str, *, person: bool = False) -> bool:
    """True when ``surface`` writes ``name`` in a form any writer might use, which tells nothing of
    how the writer sees what it names: a part of it in order ("Boehner", "John Boehner" for "John
    A. Boehner", "Bashar Assad" for "Bashar al-Assad"), a surname under a courtesy title ("Mrs.
    Cruz", a house style), a short first name ("Ed Markey" for "Edward J. Markey"), a plural or an
    adjective of it ("Democrats", "Democratic"), a spelling the names merge under ("U.S." for
    "United States", rule 4), or an acronym ("MSF"). A ``person``'s first name alone ("Heidi" for
    "Heidi Cruz") is a choice of tone, not a form."""
    surface_key, key = name_key(surface), name_key(name)
    if ACRONYM.match(surface.replace(" ", "")) or surface_key == key:
        return True
    words = [_folded(word) for word in _name_words(surface_key)]
    if len(words) > 1 and words[0] in COURTESY_TITLES:
        words = words[1:]
    if person and len(words) == 1 and _is_first_name_only(words[0], _name_parts(key)):
        return False
    remaining = (_folded(word) for word in _name_words(key))
    return bool(words) and all(any(_same_name_word(word, other) for other in remaining) for word in words)


def _is_first_name_only(word: str, parts: _NameParts) -> bool:
    """Whether the one word is the person's first name and not also the surname."""
    return (
        bool(parts.first) and _same_name_word(word, parts.first) and not _same_name_word(word, parts.surname)
    )


def _same_name_word(word: str, other: str) -> bool:
    """One word of a name in two forms: the same, a short first name ("ed", "edward"), or one the
    other's stem of at least four letters ("democrat", "democratic"; "republican", "republicans")."""
    if word == other or word in _first_name_forms(other) or other in _first_name_forms(word):
        return True
    shorter, longer = sorted((word, other), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter.removesuffix("s"))


def _name_words(key: str) -> tuple[str, ...]:
    """The words of a name key, hyphens split and the particles "al"/"el" dropped."""
    return tuple(word for word in re.split(r"[\s\-‐]+", key) if word and word not in PARTICLES)


def _initials(text: str) -> str:
    """Initials of the capitalized words ("Institute for the Study of War" -> "ISW")."""
    words = re.split(r"[\s\-]+", text)
    return "".join(word[0] for word in words if word[:1].isupper() and word.lower() not in PARTICLES)


class _Groups:
    """Union-find over name keys; the smallest key of a group is its root, so merging is order-free."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            key = self.parent[key]
        return key

    def union(self, first: str, second: str) -> None:
        roots = sorted((self.find(first), self.find(second)))
        self.parent[roots[1]] = roots[0]


def _titled_apart(
    mentions: Sequence[_Mention], articles: Sequence[Article], docs: Sequence[Doc]
) -> list[_Mention]:
    """The mentions, with those of a surname under its less used courtesy title widened over it.

    A story that writes both "Mr. Trump" and "Mrs. Trump" speaks of two people; the title the
    surname has more often (on a tie, the one it has first) is its main bearer's, and the other
    title's mentions become "Mrs. Trump", a name of its own that ``_merge_people`` places.
    """
    titled: dict[str, list[tuple[_Mention, str, int]]] = {}
    for mention in mentions:
        title = _courtesy_before(mention, docs[mention.article])
        if title is not None and len(_name_words(name_key(mention.text))) == 1:
            titled.setdefault(name_key(mention.text), []).append((mention, *title))
    widened: dict[tuple[int, int], _Mention] = {}
    for found in titled.values():
        sexes = Counter(sex for _, sex, _ in found)
        if len(sexes) < 2:
            continue
        first = {sex: min((m.article, m.start) for m, s, _ in found if s == sex) for sex in sexes}
        main = min(sexes, key=lambda sex: (-sexes[sex], first[sex]))
        for mention, sex, start in found:
            if sex != main:
                text = articles[mention.article].text[start : mention.end]
                widened[(mention.article, mention.start)] = _Mention(
                    mention.article, start, mention.end, text, mention.vote, mention.proper
                )
    return [widened.get((mention.article, mention.start), mention) for mention in mentions]


def _courtesy_before(mention: _Mention, doc: Doc) -> tuple[str, int] | None:
    """The sex the courtesy title just before the mention states, and where the title starts."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if words is None or words.start == 0:
        return None
    title = doc[words.start - 1]
    if title.lower_.rstrip(".") not in COURTESY_TITLES:
        return None
    return sex_of_word(title.text), title.idx


def _scope_surnames(
    mentions: Sequence[_Mention], docs: Sequence[Doc]
) -> tuple[list[_Mention], dict[str, str]]:
    """The mentions, with a bare surname that several people of the story bear read within its own
    article when that article names exactly one of them in full and never writes the surname after
    a title; and each such scoped key's bearer.

    News names a person in full, then by surname alone: in the article that names only "Asa
    Hutchinson", "Hutchinson" is the governor, whoever another outlet writes more about (his son
    Seth). A title before the surname ("President Trump", "Mr. Obama") names someone the article
    need not name in full, so the one full name there ("Melania Trump") says nothing of the bare
    ones. Elsewhere the story-wide rule of ``_merge_people`` holds.
    """
    bearers_of: dict[str, set[tuple[str, ...]]] = {}  # surname -> the story's people of that name
    named_in: dict[tuple[int, str], dict[tuple[str, ...], str]] = {}  # (article, surname) -> person -> key
    for mention in mentions:
        key = name_key(mention.text)
        if len(_name_words(key)) < 2 or mention.vote != "PERSON" or _is_titled(key) or _suffixed_surname(key):
            continue
        person = _person_words(key)
        surname = person[-1]
        bearers_of.setdefault(surname, set()).add(person)
        named = named_in.setdefault((mention.article, surname), {})
        named.setdefault(person, key)
        partner = _first_name_joined(mention, docs[mention.article])
        if partner:  # "Barack and Michelle Obama" names two Obamas
            named.setdefault((_folded(partner), surname), "")
    titled = {
        (mention.article, _folded(words[0]))
        for mention in mentions
        if len(words := _name_words(name_key(mention.text))) == 1
        and _after_title(mention, docs[mention.article])
    }
    scoped: list[_Mention] = []
    bearers: dict[str, str] = {}
    for mention in mentions:
        words = _name_words(name_key(mention.text))
        bare = _folded(words[0]) if len(words) == 1 else ""
        named = named_in.get((mention.article, bare), {}) if bare else {}
        if len(bearers_of.get(bare, ())) > 1 and len(named) == 1 and (mention.article, bare) not in titled:
            mention = replace(mention, scoped=True)
            bearers[_cluster_key(mention)] = next(iter(named.values()))
        scoped.append(mention)
    return scoped, bearers


def _bind_titled_surnames(
    mentions: Sequence[_Mention], docs: Sequence[Doc]
) -> tuple[list[_Mention], dict[str, str]]:
    """The mentions, with a surname written after a title ("President Obama", "Mr. Obama") read
    within its article when several people of the story bear it; and each bound key's bearer.

    A title names the one who holds it: it fits the bearer the story writes with the same title
    before the full name ("President Barack Obama"), not one it names without ("Sasha Obama", a
    daughter). "President Obama" in a story of "President Barack Obama" and his daughters "Malia
    and Sasha Obama" is the president, whichever Obama the story names most. A courtesy title
    written before no full name ("Mr. Obama") fits the bearers whose first name is not of the other
    sex (``lexicon.sex_of_first_name``), unless the story writes the surname under both titles
    (``_titled_apart`` tells those apart). With no bearer or
    several that the title fits (two full names of one person, "Bob Goodlatte" and "Robert W.
    Goodlatte", are one bearer), the story-wide rule of ``_merge_people`` holds.
    """
    bearers_of: dict[str, list[str]] = {}  # surname -> one full-name key per person
    titles_of: dict[str, set[str]] = {}  # that key -> titles the story writes before the person's name
    for mention in mentions:
        key = name_key(mention.text)
        if len(_name_words(key)) < 2 or mention.vote != "PERSON" or _is_titled(key) or _suffixed_surname(key):
            continue
        people = bearers_of.setdefault(_name_parts(key).surname, [])
        person = next((other for other in people if _same_person(other, key)), key)
        if person == key and key not in people:
            people.append(key)
        title = _title_before(mention, docs[mention.article])
        titles_of.setdefault(person, set()).update({title} if title else set())
    # surnames the story writes under both courtesy titles, which _titled_apart has told apart
    told_apart = {
        _folded(words[-1])
        for mention in mentions
        if mention.text.split()[0].lower().rstrip(".") in COURTESY_TITLES
        and (words := _name_words(name_key(mention.text)))
    }
    bound: list[_Mention] = []
    found: dict[str, str] = {}
    for mention in mentions:
        words = _name_words(name_key(mention.text))
        title = (
            _title_before(mention, docs[mention.article]) if len(words) == 1 and not mention.scoped else ""
        )
        people = bearers_of.get(_folded(words[0]), []) if title else []
        fitting = [person for person in people if title in titles_of.get(person, ())]
        if not fitting and (sex := sex_of_word(title)) and _folded(words[0]) not in told_apart:
            # "Mr. Obama" in a story that names Barack, Sasha and Malia Obama and titles none of
            # them "Mr.": the one whose first name is not a woman's
            fitting = [person for person in people if sex_of_first_name(person) in {"", sex}]
        if len(people) > 1 and len(fitting) == 1:
            mention = replace(mention, scoped=True)
            found[_cluster_key(mention)] = fitting[0]
        bound.append(mention)
    return bound, found


def _title_before(mention: _Mention, doc: Doc) -> str:
    """The title or courtesy title right before the mention, lower case without its full stop
    ("president", "mr"), or ""."""
    return _before_word(mention, doc) if _after_title(mention, doc) else ""


def _before_word(mention: _Mention, doc: Doc) -> str:
    """The word right before the mention, lower case without its full stop, or ""."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if words is None or words.start == 0:
        return ""
    return doc[words.start - 1].lower_.rstrip(".")


def _first_name_joined(mention: _Mention, doc: Doc) -> str:
    """The first name joined to a full name by "and" ("Barack" of "Barack and Michelle Obama"), or ""."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if words is None or words.start < 2 or doc[words.start - 1].lower_ not in {"and", "&"}:
        return ""
    first = doc[words.start - 2]
    return first.lower_ if first.pos_ == "PROPN" and first.text[:1].isupper() else ""


def _after_title(mention: _Mention, doc: Doc) -> bool:
    """Whether a title or courtesy title comes right before the mention ("President Trump")."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if words is None or words.start == 0:
        return False
    before = doc[words.start - 1].text
    return is_title(before) or before.lower().rstrip(".") in COURTESY_TITLES


def _cluster(
    mentions: Sequence[_Mention],
    pairs: Sequence[tuple[str, str]],
    bearers: Mapping[str, str],
    written_surnames: frozenset[str] = frozenset(),
) -> list[tuple[frozenset[str], bool]]:
    """Groups of name keys that name one entity (rule 4), each with whether a surname joined it;
    ``bearers`` gives a scoped surname's person (``_scope_surnames``), ``written_surnames`` the
    words the articles write as the last of a name (``_surnames_written``)."""
    forms: dict[str, str] = {}
    votes: dict[str, Counter[str]] = {}
    first: dict[str, tuple[int, int]] = {}  # where the story first names it: (article, offset)
    placed: set[str] = set()  # names the text somewhere says are places
    for mention in mentions:
        key = _cluster_key(mention)
        if mention.placed:
            placed.add(key)
        if len(mention.text.split()) > len(forms.get(key, "").split()):
            forms[key] = mention.text  # the name spelled out, whose initials an acronym spells
        votes.setdefault(key, Counter())[mention.vote] += 1
        first[key] = min(first.get(key, (mention.article, mention.start)), (mention.article, mention.start))
    keys = sorted(forms)
    groups = _Groups(keys)
    for acronym, long_form in pairs:
        if acronym in forms and long_form in forms:
            groups.union(acronym, long_form)
    _merge_acronyms(keys, forms, votes, groups)
    surnames = _merge_people(keys, votes, first, groups, placed, written_surnames)
    for scoped_key, person in bearers.items():
        groups.union(scoped_key, person)
        surnames.add(scoped_key)
    _merge_short_organizations(keys, votes, groups)
    _merge_plural_groups(keys, votes, groups)
    clusters: dict[str, set[str]] = {}
    for key in keys:
        clusters.setdefault(groups.find(key), set()).add(key)
    return [(frozenset(members), bool(members & surnames)) for _, members in sorted(clusters.items())]


def _merge_acronyms(
    keys: Sequence[str], forms: dict[str, str], votes: dict[str, Counter[str]], groups: _Groups
) -> None:
    """Join an acronym to the one name whose initials spell it, when the story uses both; a
    place's or group's abbreviation is no person's initials ("D.C." beside "David Cypkin")."""
    long_forms = [key for key in keys if len(_name_words(key)) >= 2]
    for key in keys:
        text = forms[key]
        if not ACRONYM.match(text):
            continue
        letters = text.replace(".", "")
        place = _majority(votes[key]) in PLACE_LABELS
        matches = [
            other
            for other in long_forms
            if _initials(forms[other]) == letters and not (place and _majority(votes[other]) == "PERSON")
        ]
        if len({groups.find(other) for other in matches}) == 1:
            groups.union(key, matches[0])


def _merge_people(
    keys: Sequence[str],
    votes: dict[str, Counter[str]],
    first: dict[str, tuple[int, int]],
    groups: _Groups,
    placed: set[str],
    written_surnames: frozenset[str] = frozenset(),
) -> set[str]:
    """Join full names that differ only by particles, then surnames to the one person they fit.

    A word the model takes for a place joins a person named in full only when the text never
    says it is a place (``placed``) and the person is named first: "Palin" after "Sarah Palin",
    tagged GPE by the small model, is her; "France" of "Santé Publique France" ("in France") is not.
    """
    people = [
        key
        for key in keys
        if len(_name_words(key)) >= 2
        and (_majority(votes[key]) == "PERSON" or _named_by_its_surname(key, keys, votes))
        and not _is_titled(key)
    ]
    for index, key in enumerate(people):
        for other in people[index + 1 :]:
            if _same_person(key, other):
                groups.union(key, other)
    for key in people:
        longer = {groups.find(full) for full in people if _shortened_name(key, full)}
        if len(longer) == 1:
            groups.union(key, longer.pop())
    joined = set()
    for key in keys:
        if _suffixed_surname(key):
            _join_suffixed_surname(key, people, groups)
            continue
        words = _name_words(key)
        if " " in key or "#" in key:  # a scoped surname has its bearer already
            continue
        if len(words) == 1:
            matches = [
                person
                for person in people
                if (named := _name_parts(person)).first and named.surname == _folded(words[0])
            ]
        else:  # a double-barrelled surname, "Holtz-Eakin" of "Douglas Holtz-Eakin"
            matches = [person for person in people if person.endswith(" " + key)]
        person = _most_mentioned(matches, votes, first, groups) or (
            "" if words[0] in written_surnames else _only_person_named(key, people, votes, groups)
        )
        if person and _majority(votes[key]) in PLACE_LABELS and not votes[key]["PERSON"]:
            named_after = bool(matches) and first[key] > min(first[full] for full in matches)
            real_names = all(_name_parts(full).first[:1].isalpha() for full in matches)  # not "’s Asia"
            if key in placed or _majority(votes[key]) == "NORP" or not (named_after and real_names):
                continue  # "France" is no surname of a "Santé Publique France" the model took for a person
        if person:
            groups.union(key, person)
            joined.add(key)
    for key in keys:
        if _is_titled(key):
            _place_titled(key, people, groups)
    return joined


def _named_by_its_surname(key: str, keys: Sequence[str], votes: dict[str, Counter[str]]) -> bool:
    """Whether a two-word name the model did not take for a person is one: the story also uses its
    last word alone as a person's name, at least as often, as a story names a person in full once
    and then by surname; and its first word is a plain word, no title and no name of its own there
    ("Kirstjen Nielsen", tagged ORG, beside "Nielsen", tagged PERSON; not "Trump Tower" beside
    "Trump", "Sheriff Arpaio", nor "National Enquirer" named 8 times beside "Enquirer" twice)."""
    words = key.split()
    if len(words) != 2 or words[0] in keys or not words[0].isalpha() or is_title(words[0]):
        return False
    surname = words[1]
    return (
        surname in votes
        and _majority(votes[surname]) == "PERSON"
        and sum(votes[key].values()) <= sum(votes[surname].values())
    )


def _suffixed_surname(key: str) -> bool:
    """A surname and a generational suffix with no first name: "trump jr"."""
    return len(_name_words(key)) == 2 and _name_parts(key).first == ""


def _join_suffixed_surname(key: str, people: Sequence[str], groups: _Groups) -> None:
    """Join "Trump Jr." to the one person named in full with that surname and suffix ("Donald
    Trump Jr."); with none or several, it stays apart."""
    parts = _name_parts(key)
    bearers = {
        groups.find(person)
        for person in people
        if (named := _name_parts(person)).first
        and (named.surname, named.suffix) == (parts.surname, parts.suffix)
    }
    if len(bearers) == 1:
        groups.union(key, bearers.pop())


def _is_titled(key: str) -> bool:
    """A courtesy title and a surname, as ``_titled_apart`` keeps them: "mrs trump"."""
    words = key.split()
    return len(words) == 2 and words[0] in COURTESY_TITLES


def _place_titled(key: str, people: Sequence[str], groups: _Groups) -> None:
    """Join "Mrs. Trump" to the one person of that surname the bare surname did not go to.

    A full name with the first and last names of the bare surname's person is that person with a
    middle name ("Hillary Rodham Clinton" beside "Hillary Clinton"), not another candidate.
    """
    surname = key.split()[1]
    taken = groups.find(surname) if surname in groups.parent else None
    bearer = {_name_parts(person).first for person in people if groups.find(person) == taken}
    others = {
        groups.find(person)
        for person in people
        if (named := _name_parts(person)).first
        and named.surname == _folded(surname)
        and groups.find(person) != taken
        and named.first not in bearer
    }
    if len(others) == 1:
        groups.union(key, others.pop())


def _same_person(first: str, second: str) -> bool:
    """Two full names of one person: the same first name (or a short form of it) and last word,
    accents aside, and middle names that agree where both give one, written out or as initials
    ("Robert W. Goodlatte" and "Bob Goodlatte"; "Hillary Rodham Clinton" and "Hillary Clinton";
    "Donald J. Trump" and "Donald John Trump"). Different middle initials are different people
    ("George H.W. Bush" is not "George W. Bush"), and so is a suffix: "Donald Trump Jr." is not
    his father."""
    one, two = _name_parts(first), _name_parts(second)
    middles = [word[0] for word in one.middles], [word[0] for word in two.middles]
    same_middle = middles[0] == middles[1] or not middles[0] or not middles[1]
    return (
        one.surname == two.surname
        and one.suffix == two.suffix
        and same_middle
        and bool(_first_name_forms(one.first) & _first_name_forms(two.first))
    )


def _shortened_name(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` without its first or its last word, as a name with a two-word
    surname is written: "Enrique Peña" and "Peña Nieto" for "Enrique Peña Nieto". Not a head that
    ends in an initial ("George W."), a name with a generational suffix or a word that is no word
    ("Hikaru Nakamura 2"), nor a tail that starts with a first name ("Paul Jones" of "John Paul
    Jones" may be another man); a name longer by two words is more often a title the model took
    in ("Presidential Candidate Mitt Romney") than a name."""
    words, full_words = (tuple(_folded(word) for word in _name_words(key)) for key in (short, full))
    if (
        len(words) < 2
        or len(full_words) != len(words) + 1
        or not all(word.isalpha() for word in full_words)
        or _name_parts(short).suffix
        or _name_parts(full).suffix
    ):
        return False
    head = full_words[: len(words)] == words and len(words[-1]) > 1
    tail = full_words[-len(words) :] == words and not sex_of_first_name(" ".join(words))
    return head or tail


class _NameParts(NamedTuple):
    """A full name read into its parts, accents aside ("joseph", "biden", ("r",), "jr")."""

    first: str
    surname: str
    middles: tuple[str, ...]
    suffix: str


@functools.lru_cache(maxsize=4096)
def _name_parts(key: str) -> _NameParts:
    """A full name's first name, surname, middle names or initials and generational suffix, the one
    reading of a name that every rule comparing people uses: the surname is the last word before
    the suffix ("Joseph R. Biden Jr." -> surname "biden")."""
    words = tuple(_folded(word) for word in _name_words(key))
    suffix = words[-1] if len(words) > 1 and words[-1] in NAME_SUFFIXES else ""
    core = words[:-1] if suffix else words
    if len(core) == 1:  # a surname and its suffix, "Trump Jr.": no first name
        return _NameParts("", core[0], (), suffix)
    return _NameParts(core[0], core[-1], core[1:-1], suffix)


def _person_words(key: str) -> tuple[str, ...]:
    """A full name's words that tell who it is: first name, middle names written out, surname;
    without middle initials and suffix ("Hillary Rodham Clinton" -> "hillary", "rodham", "clinton";
    "Joseph R. Biden Jr." -> "joseph", "biden")."""
    parts = _name_parts(key)
    return (parts.first, *(middle for middle in parts.middles if len(middle) > 1), parts.surname)


def _folded(word: str) -> str:
    """The word without accents: "raúl" -> "raul"."""
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


def _first_name_forms(word: str) -> frozenset[str]:
    """A first name and the full names it is a short form of ("bob" -> {"bob", "robert"})."""
    return frozenset({word, *(name for name, short in NICKNAMES.items() if word in short)})


def _surnames_written(docs: Sequence[Doc]) -> frozenset[str]:
    """The words the articles write as the last of a two-word proper name whose first word is no
    title ("Clarence Thomas" of "the contentious Clarence Thomas hearing", where the model tagged
    neither): a surname there, so a bare "Thomas" is that person's, not the first name of the
    story's "Thomas R. Carper"."""
    return frozenset(
        _folded(name_key(token.text))
        for doc in docs
        for token in doc[1:]
        if token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and (before := doc[token.i - 1]).pos_ == "PROPN"
        and before.text.istitle()
        and before.is_alpha
        and not is_title(before.text)
        and not before.is_sent_start
        and not _name_goes_on(token)
    )


def _name_goes_on(token: Token) -> bool:
    """Whether a capitalised proper noun follows the token: "Doug" of "Democrat Doug Jones" is not
    the last word of its name."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()


def _only_person_named(
    key: str, people: Sequence[str], votes: dict[str, Counter[str]], groups: _Groups
) -> str:
    """The one person whose first name this one-word PERSON mention is ("Mitt" -> "Mitt Romney").

    First names are shared more often than surnames, so this needs exactly one such person; "" else.
    """
    if _majority(votes[key]) != "PERSON":
        return ""
    word = _name_words(key)[0]
    matches = {groups.find(person) for person in people if _name_words(person)[0] == word}
    return matches.pop() if len(matches) == 1 else ""


def _most_mentioned(
    matches: Sequence[str], votes: dict[str, Counter[str]], first: dict[str, tuple[int, int]], groups: _Groups
) -> str:
    """The full name whose person is mentioned most among the matches, on a tie the one the story
    names first (news introduces a story's main bearer of a surname before any relative); "" for none.
    """
    totals: Counter[str] = Counter()
    named_at: dict[str, tuple[int, int]] = {}
    for key in matches:
        root = groups.find(key)
        totals[root] += votes[key].total()
        named_at[root] = min(named_at.get(root, first[key]), first[key])
    if not totals:
        return ""
    return min(totals, key=lambda root: (-totals[root], named_at[root], root))


def _merge_plural_groups(keys: Sequence[str], votes: dict[str, Counter[str]], groups: _Groups) -> None:
    """Join a group's plural to its singular when both are groups ("Republicans" -> "Republican"),
    and an adjective that is not its group's noun to the noun ("Democratic" -> "Democrats")."""
    present = set(keys)
    for key in keys:
        if _majority(votes[key]) != "NORP":
            continue
        nouns: tuple[str, ...] = (key[:-1],) if key.endswith("s") else ()
        if key in GROUP_ADJECTIVES:
            nouns = (GROUP_ADJECTIVES[key], GROUP_ADJECTIVES[key] + "s")
        for noun in nouns:
            if noun in present and _majority(votes[noun]) == "NORP":
                groups.union(noun, key)


def _merge_short_organizations(keys: Sequence[str], votes: dict[str, Counter[str]], groups: _Groups) -> None:
    """Join a one-word organization to the one two-word organization it starts ("Nusra" -> "al-Nusra Front")
    when the second word is the generic head such a name drops (``ORGANISATION_NAME_HEADS``:
    "Fox News", "State Department").

    A longer name that starts with it is a body inside it ("Senate" and "Senate Armed Services
    Committee"), not another name for it; so is a two-word name with another second word: "Coke
    Chase" is Coke's campaign, "Senate Judiciary" a committee of the Senate. A newspaper's last word
    ("Times", ``PUBLICATION_HEADS``) joins the one organization whose name it ends ("New York
    Times"); two such ("Los Angeles Times" too) leave it alone.
    """
    organizations = [
        key
        for key in keys
        if len(_name_words(key)) == 2
        and _majority(votes[key]) == "ORG"
        and _name_words(key)[1] in ORGANISATION_NAME_HEADS
    ]
    publications = [key for key in keys if len(_name_words(key)) >= 2 and _majority(votes[key]) == "ORG"]
    for key in keys:
        words = _name_words(key)
        if len(words) != 1 or _majority(votes[key]) != "ORG" or votes[key]["PERSON"]:
            continue
        matches = [other for other in organizations if _name_words(other)[0] == words[0]]
        if not matches and words[0] in PUBLICATION_HEADS:  # "Times" of "New York Times"
            matches = [other for other in publications if _name_words(other)[-1] == words[0]]
        if matches and len({groups.find(other) for other in matches}) == 1:
            groups.union(key, matches[0])


def _majority(votes: Counter[str]) -> str:
    """The kept label with most votes; ties go to the first in KEPT_LABELS; "" when none votes."""
    ranked = [(-votes[label], KEPT_LABELS.index(label), label) for label in KEPT_LABELS if votes[label] > 0]
    return min(ranked)[2] if ranked else ""


def _add_missed(
    clusters: Sequence[tuple[frozenset[str], bool]],
    mentions: Sequence[_Mention],
    articles: Sequence[Article],
    docs: Sequence[Doc],
) -> list[list[_Mention]]:
    """Each cluster's mentions, with rule 5 applied: longest forms claim missed occurrences first."""
    members: list[list[_Mention]] = [[] for _ in clusters]
    cluster_of = {key: number for number, (keys, _) in enumerate(clusters) for key in keys}
    for mention in mentions:
        members[cluster_of[_cluster_key(mention)]].append(mention)
    covered = [bytearray(len(article.text)) for article in articles]  # 1 where a mention already is
    for mention in mentions:
        covered[mention.article][mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    # a scoped surname claims only in its own article, and its story-wide form nowhere it is scoped
    scoped = {(mention.article, name_key(mention.text)) for mention in mentions if mention.scoped}
    forms = sorted(
        {
            (mention.text, cluster_of[_cluster_key(mention)], mention.article if mention.scoped else -1)
            for mention in mentions
            if mention.proper
        },
        key=lambda item: (-len(item[0]), item),
    )
    for form, number, only in forms:
        pattern = re.compile(r"(?<![\w\-])" + re.escape(form) + r"(?![\w\-])")
        for index, article in enumerate(articles):
            if (only >= 0 and index != only) or (only < 0 and (index, name_key(form)) in scoped):
                continue
            for match in pattern.finditer(article.text):
                if any(covered[index][match.start() : match.end()]):
                    continue
                words = docs[index].char_span(match.start(), match.end())
                if words is None or (len(words) == 1 and words[0].pos_ != "PROPN"):
                    continue
                members[number].append(_Mention(index, match.start(), match.end(), form, "", True))
                covered[index][match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return members


def _entity(members: Sequence[_Mention], articles: Sequence[Article], surname_merged: bool) -> Entity | None:
    """One Entity from its mentions; None when no mention carries a kept label."""
    votes = Counter(mention.vote for mention in members)
    label = "PERSON" if surname_merged else _majority(votes)
    if label == "LOC" and any(mention.reports for mention in members):
        label = "ORG"  # a location does not report: one mention that does settles it
    if not label or not any(vote in KEPT_LABELS for vote in votes):
        return None
    ordered = sorted(members, key=lambda m: (m.article, m.start, m.end))
    spans = tuple(
        Span(articles[m.article].id, m.start, m.end, articles[m.article].text[m.start : m.end])
        for m in ordered
    )
    form_counts = Counter(" ".join(span.text.split()) for span in spans)
    name = _canonical(form_counts)
    variants = tuple(
        form for form, _ in sorted(form_counts.items(), key=lambda item: (-item[1], item[0])) if form != name
    )
    per_article = Counter(m.article for m in members)
    counts = tuple((articles[index].id, per_article[index]) for index in sorted(per_article))
    return Entity(name=name, label=label, variants=variants, counts=counts, mentions=spans)


def _canonical(form_counts: Counter[str]) -> str:
    """Rule 7: the longest full form, an acronym only when there is nothing else; a name written
    with a courtesy title ("Mrs. Trump") only when the person is never named in full, one an
    editor's bracket cuts into ("Barack] Obama", of "[Barack] Obama") only when it is written no
    other way, and one in capitals (a dateline's "WASHINGTON —") only when it is never written
    in lower case."""
    full = [form for form in form_counts if not ACRONYM.match(form)] or list(form_counts)
    return min(
        full,
        key=lambda form: (
            "[" in form or "]" in form,
            _is_titled(name_key(form)),
            form.isupper(),
            -len(form.split()),
            -form_counts[form],
            -len(form),
            form,
        ),
    )
