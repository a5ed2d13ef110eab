"""Direct and indirect quotations in the articles of a story, with speaker, role and outlets.

The method is the classic rule-based one for news (quote marks paired first, then attribution by
the dependency parse around them: a speech verb and its subject), as in Pareti's PARC attribution
work and textacy's ``extract.triples.direct_quotations``, extended for the cases news really has:

1. **Quote marks** are paired per paragraph by a small state machine over curly (“ ” ‘ ’) and
   straight (" ``...'') marks; single marks count only as a quote inside a double-quoted span
   (elsewhere they are apostrophes). A mark never closed is capped at the end of its paragraph,
   unless the next paragraph opens with a quote mark: that is news style for a quotation that
   runs over paragraphs, and the two pieces are one quote (joined with a space). A quoted span in
   title case ("Meet the Press", "Gang of Eight": two or more capitalised words and only minor
   words between) is a name or title, not a quotation, and is read as plain text. A paragraph
   without quote marks after one that ends in a speech verb and a colon ("And Trump himself
   lashed out on Twitter, saying:") is a block quotation, whole: a tweet or a statement the page
   set apart, whose marks the extracted text does not have.
2. **Attribution**: the text of the same sentence outside the quote marks, before and after the
   quote, is searched for a speech verb (``SPEECH_VERBS``: say, tell, add, write, ask, warn, state,
   ...) or "according to". ``"A," X said`` takes the verb after the quote (the quote must end with a
   comma, ``?`` or ``!``, and the verb must not end its clause in a colon before quote marks: ""A?"
   Then an announcer concludes: "B."" gives the announcer B only; a subject the parser found
   inside the quote marks is passed over for the noun between the quote and the verb, ""Georgia
   Gov. Brian Kemp, squaring off ...," a narrator says" is the narrator's); ``X said: "A"`` or ``X said that "a"`` the nearest verb before it,
   passing over one that only describes a noun ("said the interactions described by the White
   House "represent ...""), with no speaker when its subject is a word of another quote; ``"A," according to X`` takes X when no speech verb attributes the
   quote. A fragment inside the writer's sentence (words before it, no sentence of its own) looks
   before it first: the comma after it ends its clause ("Akin said ... from a "legitimate rape,"
   comments ... including by Mr. Romney who called for ...": Akin's words). The speaker is the
   verb's subject (or the agent of a passive, or the subject of the verb it hangs from for "...,
   stating that", also through a preposition, "retorted by saying"; the passive subject of the
   verb a speaking participle completes, "Mr. Netanyahu is shown saying", "was quoted as saying";
   for a second speech verb the parser hung on the reported clause, "X said the cause was "A",
   but warned ...", the reporting verb's subject; for a speaking participle right after the
   object of the verb it completes, that object: "Obama recalled the senator telling him, "A""
   is the senator's). Words one person recounts are the speaker's the sentence names: a verb
   that introduces the quote after a comma or colon (a speech verb, or the main verb of its
   sentence: "The officer yelled, "A!" Holder recalled.") names who spoke, whatever speech verb
   after the quote names who recounts it, and a description never stands for the recounter. Words
   inside a noun for something said that is the speech verb's object and names its owner are the
   owner's ("Boehner also dismissed David Axelrod's comment that House Republicans are under a
   "reign of terror"": Axelrod's). A day the parser made the subject ("Earlier Monday, the
   chairman ..., Siphosezwe Masango, said") is passed over for the noun set beside it; a paragraph
   break always ends a sentence (``nlp.parse``), so a speaker opening a paragraph is never read
   as part of the quotation closing the one before. A parenthetical
   ", she said," attributes the quote in the clause it interrupts. A quantifier or indefinite
   pronoun ("even some of the most ardent conservatives say", "Some say", "everyone") is a
   description, not a pronoun to resolve. An "I" or "we" inside a quote, introducing a quote
   nested in it, is the outer quote's speaker (""... I would say, 'If you can, Mitch, go
   nuclear,'" Trump said": Trump's). A pronoun speaker ("he said")
   resolves to the nearest preceding person in the article: a PERSON entity, a surname of a person
   the story names in full wherever the tagger labels it otherwise ("Trump" tagged ORG; tagged a
   place only where the entity analysis counted that mention under the person), or a noun
   phrase headed by a person noun ("a commander with one rebel faction"), singular for he/she, plural for they,
   and for they a group as the parse shows one: a plural subject ("Protesters gathered ... They
   argued"), a quantity of one ("A majority of Democrats ... said they agreed") or a party or
   nationality wherever it stands ("the objections of some Republicans ... They argued"), and
   only people: when the nearest plural subject names no people the parse or the lexicon can
   tell ("the discussions continued ... They also said"), "they" stays unresolved; a group is
   named as the text names it ("some Republicans on Capitol Hill", not the entity "Republican"),
   and never of the other sex where the article states it ("Mr.", "Ms.", "his wife, Margaret",
   "Her son Matthew Denice": ``MALE_WORDS``, ``FEMALE_WORDS``); within the paragraph of that
   nearest person, the last one that is a clause's subject outranks a nearer object ("Schiff said
   ... information from Flynn if he does not cooperate. He added": Schiff), the subject of a main
   clause outranks the subject of a clause inside it ("Romney ... said Trump "put forth ..." / He
   tweeted": Romney), and when that person
   is an object, the same pronoun as a subject earlier in its paragraph is resolved instead ("He
   said that he had hired ... a lawyer ... but said he did not know": not the lawyer); with none in the last few paragraphs, "he"/"she" is the person named most often as a subject so
   far. A definite description ("the senator", "the Florida Republican", "the 87-year-old", not
   "the head of ...") stands for the person last given that title ("President Donald Trump" ->
   "the president"; not "Russian President Vladimir Putin" or "Vice President Mike Pence", a word
   before the title the description does not say), else for the unnamed person introduced with the same noun ("a senior
   official" -> "the official"), else for the person named most often as a subject in the last few
   paragraphs, else stays a description. "The authority", "the organisation", "the body"
   (``ORGANISATION_NOUNS``) stand for the organisation named last before them in the last few
   paragraphs. A name is the entity the entity analysis counted that mention under (``Names``):
   a surname alone ("Trump said") is the person ``find_entities`` merged it into, so that quotes
   and entities never disagree on who a surname is, or, where the tagger never tagged it ("Pelosi
   told reporters"), the one person the story names in full with that surname (``Names.surname``); a name written in full where the entity
   holds only the surname ("Tayyip Erdogan") stays as written. A title the parser made the head
   of the subject is no one: in "then-Deputy Assistant Secretary for Diplomatic Security Charlene
   Lamb testified" the name that ends the phrase is the speaker, without the organisation before
   it. Names given together as the subject ("Speaker Nancy Pelosi ... and Senator Chuck Schumer ... said in a joint statement",
   "said ... attorneys Rudy Giuliani and Jay Sekulow") are all the speakers, in one string ("A
   and B", "A, B and C"); a later "they" stands for them, as for names given together as the
   subject of any clause ("Mr. Udall and Mr. Wyden released a joint statement ... "...," they said").
3. **Split quotes**: ``"A," he said. "B."`` and ``"A," he said, "b."`` are ONE quote when the second
   piece has no attribution of its own and follows in the same paragraph; the pieces are joined
   with " … " (the attribution between them is left out, as an ellipsis marks elsewhere), and so
   are a quote and its continuing paragraph when words stand between them. A
   sentence-like quote with no attribution in the paragraph after an attributed one continues it
   (the quote that encloses a nested one, not the nested one) and takes its speaker; ``"A," X said, adding, "b."`` is one quote too. A sentence-like quote that
   opens its paragraph with no attribution, after a paragraph whose speech verb names a speaker
   ("These searches weren't simple, Gomes said."), is that speaker's; any other unattributed quote
   is dropped. Consecutive quotes of one speaker in one paragraph are one statement, and one
   quote, when one speech verb governs both, or when each opens a sentence and at most
   ``_MAX_ATTRIBUTION_WORDS`` words of attribution stand between them (""A?" Erdogan asked in a
   speech in Peru. "B," he said."). Two blind annotations of the Aleppo articles agreed on this.
4. **Scare quotes are not quotations.** A quoted phrase with no speech verb in its sentence (the
   "moderate" opposition) is dropped. A quoted phrase inside the content of an attributed speech
   verb (X stated that "the sky is falling"; they have had "a profoundly positive effect") is a
   direct quote of that speaker, however short: the article attributes those exact words. The one
   addressed is no content: a quoted phrase in the direct object of "tell", "warn" or "urge"
   (Trump told NBC's "Today" show; Mr. Stone told "senior Trump campaign officials") is not what
   was said, unless a clause stands between them (told the students he understands "the
   mistrust", which the parser may hang on "students"). Two
   fragments under one speech verb ("A" and that ... "B") are one quote in two pieces; a fragment
   in the writer's sentence beside a full quote of the same speaker stays a quote of its own.
5. ``role`` is what the article states next to the name: title words before it ("analyst",
   "President"), an apposition ("X, the head of Y,") or a "with/at/from" phrase after it; a
   courtesy title alone ("Mr.", the Times' style for everyone) is no role. For a
   speaker the article does not name, ``speaker`` is its description ("a Red Cross worker") and
   ``role`` the description without its determiner when it carries a prepositional phrase ("head
   of the ... mission to Syria"), else "". A role stated once is carried to the same speaker's
   later quotes in that article.
6. **Indirect attributions**: a speech verb outside quote marks with a clausal complement
   (X said that ..., on the verb's own paragraph: a parse that hangs the next paragraph on it reads
   the writer's words), a parenthetical "..., she says, ..." and "according to X" give kind
   "indirect" with the attributed clause as text; clauses holding a direct quote are left to it
   (so is one the parser ends where a quote starts, running into its marks: "argued that the House
   vote gave Mr. Obama "this amazing opportunity" to seek ..."),
   and first-person speakers (the author's own "we noted") are skipped, as is what a speaker did
   not say or was asked ("would not say whether ...", "declined to say ...", "Asked whether he was
   suggesting that ...").
7. The same quote in several articles (or repeated in one) is one Quote with one span per article:
   at least ``MERGE_CONTAINMENT`` of each quote's distinct words are in the other (both ways, so an
   outlet that carries a longer stretch of the statement keeps its own item in its own words); quotes under ``MIN_MERGE_WORDS`` words merge
   only when equal and from the same speaker. A quote joins a group that already holds another
   quote of its article only when it repeats that one (two pieces of a quotation another outlet
   carries whole stay two quotes). Order: first article, then position.

``text`` is the quoted words without marks and without a trailing comma; a span covers the quoted
words in its article (for a split quote, from the first piece to the last).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsbrief.analysis.entities import PLACE_LABELS, Names, find_entities, is_verb_in_a_name, names_of
from newsbrief.analysis.lexicon import (
    COURTESY_TITLES,
    NAME_SUFFIXES,
    OFFICE_WORDS,
    ORGANISATION_NOUNS,
    PARTY_WORDS,
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    PHRASAL_SPEECH_VERBS,
    PLATFORMS,
    POST_SIGNATURE,
    SPEECH_VERBS,
    TITLE_QUALIFIERS,
    TITLES,
    UTTERANCE_NOUNS,
    introduces_a_block_quotation,
    is_title,
    same_title,
    sex_of_first_name,
    sex_of_word,
)
from newsbrief.model import Article, Entity, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MERGE_CONTAINMENT", "MIN_MERGE_WORDS", "find_quotes", "find_quotes_and_unattributed"]

MERGE_CONTAINMENT = 0.8
MIN_MERGE_WORDS = 5

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_TERMINATORS = frozenset({".", "?", "!", "…"})
_DASHES = frozenset({"—", "―", "–", "-", "--"})
# Heads of an organisation's name that take a possessor ("the U.S. Attorney's Office"), where a
# person's name does not ("Twitter's Adam Sharp" is Adam Sharp).
_OFFICE_WORDS = ORGANISATION_NOUNS | {"office", "bureau", "committee", "council", "service", "administration"}
_SPLIT_JOIN = " … "
# Words that open a relative clause, which the parser sometimes takes for an apposition.
_RELATIVE_WORDS = frozenset({"whose", "who", "whom", "which", "that"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PRONOUN_SEX = {"he": "male", "him": "male", "she": "female", "her": "female"}
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
_SPEAKER_PRONOUNS = frozenset({"i", "we"})  # inside a quote, its speaker ("you" is whom they address)
# a pronoun tagged as a determiner ("some", "both", "all") or a noun ("everyone") quantifies
_QUANTIFIER_TAGS = frozenset({"DT", "NN", "NNS"})
# Words that open a participle's clause ("When asked whether ...", "If pressed, ...")
_PARTICIPLE_OPENERS = frozenset({"when", "if", "once", "as", "after", "before", "while", "until", "unless"})
# Passive verbs whose subject is the one who will speak or spoke, by the infinitive after them
# ("Mr. Rubio is expected to say", "was heard to say")
_EXPECTED_TO_SPEAK = frozenset({"expect", "schedule", "slate", "set", "hear", "quote"})
# Children of a speech verb whose subtree is not what was said ("..., citing ...", "(or ...)").
_NOT_CONTENT = frozenset({"advcl", "parataxis", "appos", "npadvmod", "advmod", "punct", "nsubj", "nsubjpass"})
# Speech verbs whose direct object, with no indirect object beside it, is the one spoken to ("told
# reporters", "warned lawmakers", "urged Democrats"), not what was said.
# Prepositions that place a group ("Democrats on the committee", "Republicans in Congress")
_GROUP_PLACE_PREPOSITIONS = frozenset({"on", "in", "from", "at", "across", "around"})
# Nouns whose plural names people (a group speaker must be people, "the issues" is none)
_PEOPLE_WORDS = PERSON_NOUNS | PEOPLE_NOUNS | TITLES | ORGANISATION_NOUNS
_ADDRESSEE_VERBS = frozenset({"tell", "warn", "urge", "caution"})
_WORD = re.compile(r"\w+")
# A word of a title, hyphenated parts and all: "Chick-fil-A" is one capitalised word, not three.
_TITLE_WORD = re.compile(r"\w+(?:-\w+)*")
_QUOTE_MARK = re.compile("[" + re.escape('"' + _OPEN_DOUBLE + _CLOSE_DOUBLE) + "]")
# At most this many words between two quotes of one statement: an attribution, not more news.
_MAX_ATTRIBUTION_WORDS = 12
# Title case: words that stay lower case in a title ("Face the Nation", "State of the Union").
_TITLE_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "s"}
)
_TITLE_MIN_CAPITALISED = 2
_CONTINUATION_PARAGRAPHS = 1
_RESOLVE_PARAGRAPHS = 4
# A quoted sentence shorter than this ("I don't know.") may be said by many; one this long that
# another outlet gives to someone else is that someone's words (_said_by_another)
_MIN_SHARED_SENTENCE_WORDS = 6
_QUOTED_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# "another man" brings in a second man, "the other man" is that second one, and a bare "the man"
# after both is still the first (_introduced_unnamed)
_ANOTHER = "another"
_OTHER = "other"


@dataclass(frozen=True, slots=True)
class _Segment:
    """One pair of quote marks: ``start:end`` is the inside, ``open_at:close_end`` with the marks."""

    open_at: int
    start: int
    end: int
    close_end: int
    paragraph: int
    closed: bool
    nested: bool


@dataclass(slots=True)
class _Unit:
    """One quotation before attribution: one or more segments (pieces) read as one."""

    pieces: list[_Segment]


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    role: str
    described: bool  # True when the article gives a description, not a name
    joint: bool = False  # several people named together ("John McCain and Lindsey Graham")
    group: bool = False  # a plural group of people ("some Republicans on Capitol Hill")


@dataclass(frozen=True, slots=True)
class _Mention:
    """A person the article names or describes outside quotes: a candidate for a later pronoun."""

    position: int
    speaker: _Speaker
    plural: bool
    subject: bool  # the subject of its clause (or a quote's speaker), not an object or a list member
    depth: int  # how many clauses down the subject is: 0 in its sentence's main clause (or a quote's speaker)
    people: bool = True  # False for a plural subject that names no people ("the discussions")
    hypothetical: bool = False  # the subject of a clause only supposed ("if Trump couldn't win")


@dataclass(frozen=True, slots=True)
class _Said:
    """Some quoted words of one article and who said them; ``guessed`` when no words of the
    article give them a speaker, only the convention that a bare quote paragraph goes on with
    the quote before it (or the speaker of the paragraph before)."""

    text: str
    speaker: _Speaker
    guessed: bool


@dataclass(frozen=True, slots=True)
class _Found:
    """A quote in one article, before merging across articles."""

    kind: str
    text: str
    speaker: _Speaker
    span: Span


def find_quotes(
    articles: Sequence[Article], docs: Sequence[Doc], names: Names | None = None
) -> tuple[Quote, ...]:
    """Direct and indirect quotations of the story, one item per quote however many outlets carry it.

    ``docs[i]`` must be the spaCy parse of ``articles[i].text``. ``names`` is the story's entity
    resolution (``names_of(find_entities(articles, docs))``, made here when not given): a speaker
    is named as the entity analysis resolved that mention, so that "Trump said" is the Trump the
    entities count it under. Order: the first article carrying a quote, then its position there.
    """
    return find_quotes_and_unattributed(articles, docs, names)[0]


def find_quotes_and_unattributed(
    articles: Sequence[Article], docs: Sequence[Doc], names: Names | None = None
) -> tuple[tuple[Quote, ...], tuple[Span, ...]]:
    """The story's quotes (as ``find_quotes``) and the quoted phrases left out of them.

    A phrase in quote marks with no speaker found is no quote: mostly a scare quote, a title or a
    word mentioned (the "moderate" opposition, NBC's "Meet the Press"), sometimes a quotation
    whose attribution the rules miss. Its span is kept so that the brief can say what it left
    out. Spans cover the words inside the marks, in article order, then position.
    """
    if len(articles) != len(docs):
        raise ValueError(f"find_quotes needs one parse per article (got {len(articles)} and {len(docs)})")
    if names is None:
        names = names_of(find_entities(articles, docs))
    results = [_article_quotes(article, doc, names) for article, doc in zip(articles, docs, strict=True)]
    for index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        _, _, said_here = results[index]
        if not any(item.guessed for item in said_here):
            continue  # nothing guessed: nothing another outlet could refute
        elsewhere = _sentence_speakers(said for other, (*_, said) in enumerate(results) if other != index)
        if any(_guess_refuted(item.guessed, item.text, item.speaker, elsewhere) for item in said_here):
            results[index] = _article_quotes(article, doc, names, elsewhere)
    found = [item for quotes, _, _ in results for item in quotes]
    unattributed = [span for _, left_out, _ in results for span in left_out]
    return _merge(found), tuple(unattributed)


def _sentence_speakers(said: Iterable[Sequence[_Said]]) -> dict[tuple[str, ...], list[_Speaker]]:
    """The quoted sentences long enough to tell, each with the speakers the articles give it in
    their own words (not by a guessed continuation)."""
    speakers: dict[tuple[str, ...], list[_Speaker]] = {}
    for item in itertools.chain.from_iterable(said):
        if not item.guessed:
            for sentence in _quoted_sentences(item.text):
                speakers.setdefault(sentence, []).append(item.speaker)
    return speakers


def _quoted_sentences(text: str) -> list[tuple[str, ...]]:
    """The sentences of quoted words as lower-case words, those too short to tell left out."""
    sentences = (tuple(_words(part)) for part in _QUOTED_SENTENCE_END.split(text))
    return [sentence for sentence in sentences if len(sentence) >= _MIN_SHARED_SENTENCE_WORDS]


def _guess_refuted(
    guessed: bool, text: str, speaker: _Speaker, elsewhere: dict[tuple[str, ...], list[_Speaker]]
) -> bool:
    """Whether a guessed speaker of these words is one another outlet's own attribution refutes."""
    return guessed and _said_by_another(text, speaker, elsewhere)


def _said_by_another(text: str, speaker: _Speaker, elsewhere: dict[tuple[str, ...], list[_Speaker]]) -> bool:
    """Whether another outlet gives a sentence of these words to someone else, and never to
    ``speaker``: Fox printed a Republican statement, "His conduct is unbecoming of a member of
    Congress. ...", right after Etheridge's "long day." with no speaker, and the Times gives it
    to Jon Thompson, a Republican spokesman."""
    for sentence in _quoted_sentences(text):
        others = elsewhere.get(sentence, [])
        if others and not any(_one_voice(speaker, other) for other in others):
            return True
    return False


def _one_voice(a: _Speaker, b: _Speaker) -> bool:
    """Whether two outlets' speakers of the same words agree: the same person, or a body and the
    one its role says speaks for it ("Remera said ..." and "Emmanuelle Amar, director of Remera")."""
    return _same_speaker(a.name, b.name) or _in_role(a.name, b.role) or _in_role(b.name, a.role)


def _in_role(name: str, role: str) -> bool:
    """Whether the role names the body (or person) ``name``: "director of Remera" names Remera."""
    words, role_words = _words(name), _words(role)
    return bool(words) and any(
        role_words[i : i + len(words)] == words for i in range(len(role_words) - len(words) + 1)
    )


# ---------------------------------------------------------------------------------------------
# Quote marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines of the text (a line is a paragraph in our inputs)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _segments(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[_Segment]:
    """Every pair of quote marks, top-level and nested, in text order, and every block quotation."""
    segments: list[_Segment] = []
    for number, (lo, hi) in enumerate(paragraphs):
        found = _paragraph_segments(text, lo, hi, number)
        if not found and number and introduces_a_block_quotation(text[slice(*paragraphs[number - 1])]):
            found = [_segment(text, lo, lo, hi, hi, number, closed=True)]
        segments.extend(found)
    return segments


def _double_mark(text: str, i: int) -> tuple[int, str]:
    """(length, kind) of a double quote mark at i: kind "open", "close", "either", or length 0."""
    pair = text[i : i + 2]
    if pair == "``":
        return 2, "open"
    if pair == "''":
        return 2, "close"
    char = text[i]
    if char in _OPEN_DOUBLE:
        return 1, "open"
    if char in _CLOSE_DOUBLE:
        return 1, "close"
    if char in '"″':
        return 1, "either"
    return 0, ""


def _paragraph_segments(text: str, lo: int, hi: int, number: int) -> list[_Segment]:
    """Pair the double marks of one paragraph; a mark left open is capped at the paragraph end."""
    segments: list[_Segment] = []
    open_at = -1
    i = lo
    while i < hi:
        length, kind = _double_mark(text, i)
        if not length:
            i += 1
            continue
        before = text[i - 1] if i > lo else " "
        after = text[i + length] if i + length < hi else " "
        if open_at < 0:
            can_open = kind != "close" or (before.isspace() and after.isalnum())
            if can_open and (not after.isspace() or kind == "open"):
                open_at = i
                start = i + length
        elif kind == "open" or (kind == "either" and before.isspace() and not after.isspace()):
            # a new opening mark while one is open: the first was never closed
            end = _unclosed_end(text, start, i)
            segments.append(_segment(text, open_at, start, end, end, number, closed=False))
            open_at, start = i, i + length
        else:
            segments.append(_segment(text, open_at, start, i, i + length, number, closed=True))
            segments.extend(_nested(text, start, i, number))
            open_at = -1
        i += length
    if open_at >= 0:
        segments.append(_segment(text, open_at, start, hi, hi, number, closed=False))
        segments.extend(_nested(text, start, hi, number))
    return segments


_SENTENCE_END = re.compile(r"[.?!]\s+")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])*)\.$")  # "Mr.", "Gen.", "U.S."


def _unclosed_end(text: str, start: int, next_open: int) -> int:
    """Where a quotation never closed ends, given the opening mark of the next at ``next_open``.

    A writer who forgets the closing mark usually goes on to attribute the next quotation ('...
    happen again. He added: “My starting point ...'): a lead-in of a few words, ended by a colon or
    comma, after the last full stop belongs to the next quotation, not inside this one."""
    inside = text[start:next_open]
    if not inside.rstrip().endswith((":", ",")):
        return next_open
    for stop in reversed(list(_SENTENCE_END.finditer(inside))):
        if _ABBREVIATION_END.search(inside, 0, stop.start() + 1):
            continue  # "Mr. Obama added:": the lead-in goes on before the abbreviation
        lead_in = inside[stop.end() :]
        if lead_in[:1].isupper() and len(lead_in.split()) <= _MAX_ATTRIBUTION_WORDS:
            return start + stop.start() + 1
        break
    return next_open


def _segment(
    text: str, open_at: int, start: int, end: int, close_end: int, number: int, *, closed: bool
) -> _Segment:
    """A segment with its inside trimmed of spaces and of a trailing comma ("A," he said)."""
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return _Segment(open_at, start, end, close_end, number, closed, nested=False)


def _nested(text: str, lo: int, hi: int, number: int) -> list[_Segment]:
    """Single-quoted spans inside a double-quoted one ('mass celebrations'); apostrophes are not marks."""
    found: list[_Segment] = []
    pattern = re.compile(r"(?<![\w])[‘'](?=\w)(.+?)(?<=[\w.,!?])[’'](?![\w])")
    for match in pattern.finditer(text, lo, hi):
        found.append(
            _Segment(
                match.start(), match.start(1), match.end(1), match.end(), number, closed=True, nested=True
            )
        )
    return found


def _is_title(text: str, segment: _Segment) -> bool:
    """A closed, top-level quoted span in title case: a programme, book or film, or a group's name.

    News puts such names in quote marks (on NBC's "Meet the Press", the "Gang of Eight"); nobody is
    quoted there, and treating them as quotes breaks the attribution around them. Speech is
    almost never set with every word capitalised, so two or more capitalised words with nothing
    but minor words ("the", "of", ...) between them make a title; a hyphenated word is one word
    whose capitalised parts count ("Chick-fil-A Appreciation Day", a "Chick-for-Gay" sandwich).
    """
    if segment.nested or not segment.closed:
        return False
    words = _TITLE_WORD.findall(text[segment.start : segment.end])
    capitalised = [part for part in _WORD.findall(" ".join(words)) if part[0].isupper()]
    return (
        len(capitalised) >= _TITLE_MIN_CAPITALISED
        and words[0][0].isupper()
        and all(word[0].isupper() or word.isdigit() or word.lower() in _TITLE_MINOR_WORDS for word in words)
    )


def _units(text: str, segments: Sequence[_Segment], paragraphs: Sequence[tuple[int, int]]) -> list[_Unit]:
    """Top-level segments, with a quote left open at a paragraph end joined to the next paragraph's."""
    units: list[_Unit] = []
    carry: _Unit | None = None
    for segment in segments:
        if segment.nested:
            units.append(_Unit([segment]))
            continue
        if carry is not None:
            lo = paragraphs[segment.paragraph][0]
            if segment.paragraph == carry.pieces[-1].paragraph + 1 and segment.open_at == lo:
                carry.pieces.append(segment)
                carry = (
                    carry
                    if not segment.closed and segment.end >= paragraphs[segment.paragraph][1] - 1
                    else None
                )
                continue
            carry = None
        unit = _Unit([segment])
        units.append(unit)
        paragraph_end = paragraphs[segment.paragraph][1]
        if not segment.closed and segment.close_end >= paragraph_end:
            carry = unit
    return units


# ---------------------------------------------------------------------------------------------
# Parse helpers


@dataclass(frozen=True, slots=True)
class _Context:
    """What attribution needs about one article: its parse, paragraphs and where quotes are."""

    doc: Doc
    text: str  # the doc's text, once: Doc.text joins every token again on each call
    token_starts: list[int]  # each token's character offset, for bisect
    paragraphs: list[tuple[int, int]]
    starts: list[int]  # paragraph start offsets, for bisect
    quoted: list[int]  # per token: index of the top-level unit covering it, or -1
    article_id: str
    names: Names  # who each name of the story is, as the entity analysis resolved it
    subjects: list[Token]  # named people that are the subject of a clause, outside quotes, in order
    sexes: dict[str, str]  # person name -> "male" or "female", where the article says which


def _ends_quoted_sentence(token: Token) -> bool:
    """A full stop, "?" or "!" right before the quote mark that closes its quotation."""
    doc = token.doc
    return token.text in _TERMINATORS and token.i + 1 < len(doc) and doc[token.i + 1].is_quote


def _paragraph_of(ctx: _Context, char: int) -> int:
    return max(0, bisect.bisect_right(ctx.starts, char) - 1)


def _mark_tokens(doc: Doc, units: Sequence[_Unit]) -> list[int]:
    """Per token, the top-level unit whose marks cover it (-1 for none)."""
    quoted = [-1] * len(doc)
    starts = [token.idx for token in doc]
    for number, unit in enumerate(units):
        if unit.pieces[0].nested:
            continue
        for piece in unit.pieces:
            first = max(0, bisect.bisect_right(starts, piece.open_at) - 1)
            for index in range(first, len(doc)):
                token = doc[index]
                if token.idx >= piece.close_end and token.idx > piece.open_at:
                    break
                if token.idx + len(token.text) > piece.open_at:
                    quoted[index] = number
    return quoted


def _window(ctx: _Context, char: int, step: int, inside: tuple[int, int] | None) -> list[Token]:
    """Tokens outside quotes from ``char`` going back (step -1) or forward (+1) to a sentence end.

    ``inside`` limits the search to an enclosing quote (for nested quotes). Going back, a quote
    that ends on a full stop, "?" or "!" inside its marks ends the sentence too: in "..., rather
    than "steward its resources." "I think that is a phony ideal."" the second quote opens its
    own sentence.
    """
    doc = ctx.doc
    paragraph = _paragraph_of(ctx, char)
    lo, hi = inside if inside is not None else ctx.paragraphs[paragraph]
    starts = ctx.token_starts
    index = bisect.bisect_left(starts, char) - 1 if step < 0 else bisect.bisect_left(starts, char)
    tokens: list[Token] = []
    while 0 <= index < len(doc):
        token = doc[index]
        if token.idx < lo or token.idx >= hi:
            break
        if inside is None and ctx.quoted[index] >= 0:
            if step < 0 and _ends_quoted_sentence(token):
                break
            index += step
            continue
        if inside is not None and not (lo <= token.idx < hi):
            break
        if token.text in _TERMINATORS:
            if step > 0:
                tokens.append(token)
            break
        tokens.append(token)
        index += step
    return tokens if step > 0 else tokens[::-1]


def _is_speech_verb(token: Token) -> bool:
    if token.lemma_.lower() == "continue" and any(
        child.dep_ in {"xcomp", "dobj"} or (child.dep_ == "nsubj" and _cannot_continue_speaking(child))
        for child in token.children
    ):
        # "continued to spend campaign funds" says nothing, nor does a thing that continues ("the
        # improper use of campaign funds continued despite "numerous warnings""); "'...,' he
        # continued" and "the statement continued" do
        return False
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_ == "be":
        return False
    if _names_without_quoting(token):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in SPEECH_VERBS
        or _with_particle(token, PHRASAL_SPEECH_VERBS.get(lemma))
        or _puts_it(token)
        or _text_reads(token)
    )


def _cannot_continue_speaking(subject: Token) -> bool:
    """Whether the subject of "continue" is a thing that says nothing: a common noun that names
    no one and no text that speaks for its issuer ("the statement continued")."""
    return _names_a_thing(subject) and subject.lemma_.lower() not in _ISSUED_TEXTS


def _names_a_thing(noun: Token) -> bool:
    """Whether a subject is a thing, which cannot speak: a common noun that names no entity and
    no people ("results", "the improper use"; not "officials", "the senator")."""
    return noun.pos_ == "NOUN" and not noun.ent_type_ and not _names_people(noun)


def _text_reads(verb: Token) -> bool:
    """ ""By virtue of his career in public service ...," a memo detailing the administration's
    findings reads.": a text that "reads" says what it holds; one who reads something out ("read
    the statement", "read from it") says nothing of their own."""
    return (
        verb.lemma_.lower() == "read"
        and verb.tag_ in {"VBZ", "VBD", "VBP"}
        and not any(child.dep_ in {"dobj", "prep", "dative"} for child in verb.children)
        and any(child.dep_ == "nsubj" and child.pos_ == "NOUN" for child in verb.children)
    )


def _names_without_quoting(verb: Token) -> bool:
    """Whether the verb gives something a name with no quote marks: "Armed school personnel,
    called school resource officers, would also be required to undergo a "background
    investigation ..."" names the personnel and says nothing; "called AARP's position "a watershed
    moment"" quotes what was said of it."""
    predicates = [child for child in verb.children if child.dep_ == "oprd"]
    if not predicates:
        return False
    # the marks may hang on the verb: "called it "vile and wrong""
    end = max(child.right_edge.i for child in predicates) + 2
    return not any(token.is_quote for token in verb.doc[verb.i + 1 : end])


def _sentence_read_as_noun_phrase(verb: Token) -> bool:
    """Whether the parser read a whole sentence as a noun with the verb as its modifier: "A senior
    Republican senator called President Donald Trump "utterly untruthful" on Tuesday" (the
    senator is the sentence's root, "called" a participle on it); the noun is the subject. A
    participle after another one modifies the noun ("The pushback crested with Bill Kristol ...
    writing a letter")."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i < verb.i
        and not any(token.dep_ == "acl" and token.head.i == head.i for token in head.doc[head.i + 1 : verb.i])
    )


def _puts_it(verb: Token) -> bool:
    """ "As Sen. Rand Paul, R-Ky., put it, "..."", "she put it bluntly:", "he put it this way":
    "put it" saying how, not "put it on hold" or "put it to a vote"."""
    doc = verb.doc
    if verb.lemma_.lower() != "put" or verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "it":
        return False
    after = doc[verb.i + 2]
    return after.is_punct or after.pos_ == "ADV" or after.lower_ in {"this", "that"}


def _with_particle(verb: Token, particle: str | None) -> bool:
    """True when ``particle`` is the word right after the verb ("shot back", "chimed in", "he went
    on"), and no "to" after it: "went on to defeat incumbent Sen. Arlen Specter" says nothing."""
    doc = verb.doc
    return (
        particle is not None
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].lower_ == particle
        and (verb.i + 2 >= len(doc) or doc[verb.i + 2].lower_ != "to")
    )


# Verbs that "according to" follows as "in accordance with", not as a citation.
_DONE_ACCORDING_TO = frozenset({"live", "act", "behave", "operate", "proceed"})


def _according_to(token: Token) -> Token | None:
    """The pobj X of "according to X" when ``token`` is "according", unless it tells how someone
    lives or acts, right after the verb: "a nation of laws that lives according to the
    Constitution" cites no one."""
    if token.lower_ != "according":
        return None
    if token.head.lemma_.lower() in _DONE_ACCORDING_TO and token.nbor(-1).text != ",":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ == "to":
        for grandchild in following.children:
            if grandchild.dep_ == "pobj":
                return grandchild
    return None


# Verbs whose subject is the author of their object ("issued a statement", "fired off a letter").
_ISSUING_VERBS = frozenset(
    {"issue", "release", "send", "publish", "post", "file", "write", "sign", "deliver", "fire", "reiterate"}
)


def _subject(verb: Token) -> Token | None:
    """The speaker token of a speech verb: its subject, a passive's agent, or its head's subject;
    never a day or a time ("claims Monday that he's "going to stay in"" parses "Monday" where the
    subject would be), which cannot speak (``_past_a_date``)."""
    subject = _subject_of_verb(verb)
    return None if subject is None or _past_a_date(subject) is not subject else subject


def _subject_of_verb(verb: Token) -> Token | None:
    """``_subject`` as the parse gives it, a day or a time included."""
    said_by_object = _participle_subject(verb)
    if said_by_object is not None:
        return said_by_object
    if _sentence_read_as_noun_phrase(verb):
        return verb.head
    nearer = _speaker_of_clause_before(verb)
    if nearer is not None:
        return nearer
    current = verb
    # "LePage has been mired in controversy since calling ...": the one a participle after a
    # preposition speaks of is its clause's subject, passive or not
    subject_deps = {"nsubj"}
    for _ in range(4):
        for child in current.children:
            # the agent of a passive speaks, but not for a verb joined to it: "aides, who were
            # interviewed by F.B.I. agents and told them that ..." is the aides' telling
            if child.dep_ == "agent" and not (verb.dep_ == "conj" and verb.head.i == current.i):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and _same_line(pobj, verb):
                        return pobj
        subjects = [
            speaker
            for child in current.children
            # "’ve" of "I could’ve said", which the tagger may read as a name, is no subject
            if child.dep_ in subject_deps
            and child.text[:1] not in "'’"
            and (speaker := _past_a_date(child)) is not None
        ]
        if current is verb and _misread_participle_subject(verb, subjects):
            subjects = []
        if not subjects and current is not verb:
            subjects = _shown_speaking(verb, current)
        if subjects:
            on_line = [child for child in subjects if _same_line(child, verb)]
            # "Melinda Mostini (...), one of the mothers concerned has questioned": the parser
            # reads the apposition as a second subject; the name is the speaker
            named = [child for child in on_line if child.ent_type_ == "PERSON" and child.pos_ == "PROPN"]
            # "Sen. Marco Rubio ..., says Jay-Z, who just visited Cuba, should get up to speed":
            # the parser gives "says" the reported clause's subject too; a name before the verb
            # is the one saying
            named = [child for child in named if child.i < verb.i] or named
            # "But lawyers arguing in court for al-Bashir's arrest warned": the parser made
            # "arrest" a second subject; of several, one that names people
            if not on_line:
                return _subject_on_line(subjects[-1], verb)
            speaking = [child for child in on_line if _is_people_noun(child)]
            if named or on_line[-1].pos_ in {"PROPN", "PRON"}:
                return (named or on_line)[-1]
            if not speaking:
                return (_parenthetical_speaker(verb) if _mute_subject(verb) else None) or on_line[-1]
            return speaking[-1]
        if (
            current.dep_ in {"conj", "advcl"}
            and current.head.dep_ == "ccomp"
            and (
                _mute_subject(current.head)
                or _acts_on_the_subject_of(current, current.head)
                or current.lemma_ == current.head.head.lemma_
            )
        ):
            # "Amar said the cause was "X", but warned ...", "He claimed a woman's body can ...,
            # claiming such pregnancies are uncommon": the parser hangs the second verb on the
            # reported clause, whose subject cannot speak, would speak of itself, or is followed
            # by the reporting verb said again ("Trump said the F.B.I. ruined ... and said his
            # opponent ... lied "many times""); the speaker is the reporting verb's subject
            current = current.head.head
            continue
        past = _past_verb_joined_to_present(current)
        if past is not None:
            current = past
            continue
        if current.dep_ == "dobj" and current.i != verb.i and _issued_by_subject(current):
            current = current.head
            continue
        if current.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl"} and current.head is not current:
            current = current.head
            continue
        if current.dep_ == "advmod" and current.pos_ == "ADV" and current.i != verb.i:
            current = current.head  # "went so far as to say": the adverb the infinitive hangs on
            continue
        if current.pos_ in {"ADP", "SCONJ"} and current.dep_ == "prep" and current.i != verb.i:
            current = current.head  # "quoted as saying": the preposition of the participle's clause
            subject_deps = {"nsubj", "nsubjpass"}
            if _speaks_for_no_one(current):
                return None
            continue
        break
    return _inverted_subject(verb) or _name_set_off_before(verb)


def _past_verb_joined_to_present(verb: Token) -> Token | None:
    """The past-tense speech verb a past-tense verb without a subject goes with, when the parser
    joined it to a present-tense verb inside what was said: in "Obama said economists predict
    higher job growth if Congress passes the agreement and urged lawmakers to ... "get this
    done"", Obama urged, not Congress (a verb joined by "and" keeps its partner's tense)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.head.tag_ not in {"VBZ", "VBP"} or _subjects(verb):
        return None
    return next(
        (
            ancestor
            for ancestor in verb.head.ancestors
            if ancestor.tag_ == "VBD" and _is_speech_verb(ancestor)
        ),
        None,
    )


def _misread_participle_subject(verb: Token, subjects: Sequence[Token]) -> bool:
    """Whether the subjects the parser gave a speaking participle are a misreading: a participle
    that qualifies a clause has none of its own, and a thing cannot speak ("because that testing
    results in more abortions, as well as contending that ... was "anachronistic"" gave
    "contending" the subject "results"); the one contending is found as for any participle. Not
    a verb in a progressive tense ("a growing number of Republicans are suggesting"), nor one
    after "with" ("with South Africa's ruling party accusing the ICC")."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and not any(child.dep_ == "aux" for child in verb.children)
        and bool(subjects)
        and all(_names_a_thing(subject) for subject in subjects)
    )


def _names_a_body(noun: Token) -> bool:
    """Whether a noun a "which" clause hangs on is the name of an organisation or group, which
    may speak ("the Log Cabin Republicans"), not a thing ("comments", "a report")."""
    return noun.pos_ == "PROPN" and noun.ent_type_ in {"ORG", "NORP", "PERSON"}


def _parenthetical_speaker(verb: Token) -> Token | None:
    """The one a reporting clause set off by commas names, when the parser gave the verb a subject
    that cannot speak: "That world view, Santorum continued, suggests that ..." (the aside hung on
    the verb), "Her comments, said Josh Earnest, the White House press secretary, are ..." (the
    parser makes "comments" the subject of "said" and Earnest that of the reported clause)."""
    for aside in verb.children:
        if aside.dep_ == "parataxis" and aside.i < verb.i and _is_short_aside(aside):
            named = [
                child for child in aside.children if child.dep_ == "nsubj" and child.pos_ in {"PROPN", "PRON"}
            ]
            if named:
                return named[0]
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    name = _inverted_subject(verb)
    if name is None or name.pos_ != "PROPN" or name.i + 1 >= len(doc) or doc[name.i + 1].text != ",":
        return None
    return name


def _is_short_aside(clause: Token) -> bool:
    """Whether a clause is a bare subject and verb between commas ("Santorum continued", "he
    added"), with no object or reported clause of its own."""
    doc = clause.doc
    words = [token for token in clause.subtree if not token.is_punct]
    return (
        len(words) <= 4
        and words[0].i > 0
        and doc[words[0].i - 1].text == ","
        and words[-1].i + 1 < len(doc)
        and doc[words[-1].i + 1].text == ","
        and not any(child.dep_ in {"dobj", "ccomp", "xcomp"} for child in clause.children)
    )


def _acts_on_the_subject_of(verb: Token, clause: Token) -> bool:
    """Whether the verb's object is the subject of the clause the parser joined it to: in "Mr.
    Trump contended that Mr. Strzok targeted the president and accused Mr. Strzok of being
    "treasonous"" the parser hangs "accused" on the reported clause, whose subject would then
    accuse himself; the one accusing is the reporting verb's subject."""
    objects = {child.lower_ for child in verb.children if child.dep_ == "dobj" and child.pos_ == "PROPN"}
    return any(child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in objects for child in clause.children)


def _speaker_of_clause_before(verb: Token) -> Token | None:
    """The subject of the clause just before a speaking participle, when the parser hung the
    participle on a main clause whose subject cannot speak: in "The controversy escalated last
    month when Vice News reported the issue, saying that accounts ... were being given limited
    visibility" Vice News says it, not the controversy."""
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and not _subjects(verb) and _mute_subject(verb.head):
        # "The line was an unscripted addition to a speech in which Bloomberg criticized Democrats,
        # but argued that Trump was a "dangerous demagogue"": the parser joined "argued" to the
        # main clause, whose subject cannot argue; the clause before it inside that one can
        clauses = [
            token
            for token in verb.head.subtree
            if token.i < verb.i and token.dep_ in {"relcl", "advcl"} and not _mute_subject(token)
        ]
        subjects = _subjects(clauses[-1]) if clauses else []
        return subjects[0] if subjects and subjects[0].pos_ == "PROPN" else None
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not _mute_subject(verb.head):
        return None
    clauses = [child for child in verb.head.children if child.dep_ in {"advcl", "conj"} and child.i < verb.i]
    if not clauses or _mute_subject(clauses[-1]):
        return None
    return next((child for child in clauses[-1].children if child.dep_ == "nsubj"), None)


def _speaks_for_no_one(clause: Token) -> bool:
    """Whether no subject of the clause a participle hangs on could say it: "The attack and its
    aftermath have become a political issue ... with President Trump under criticism ..., for
    suggesting that ..." (the parser hung the participle on the wrong clause); but "the Romney team
    has responded by noting ..." speaks, a group named for its person."""
    return _mute_subject(clause) and not any(
        _names_people(child) or any(word.ent_type_ in {"PERSON", "ORG", "NORP"} for word in child.children)
        for child in _subjects(clause)
    )


def _issued_by_subject(noun: Token) -> bool:
    """Whether what the object of a verb says is the words of the verb's subject: "issued a
    statement saying ...", "sent her a letter ... saying", "reiterated past statements in saying";
    not "challenged the facts of an article ... saying", "denied a late-Friday report claiming",
    nor "released a statement from her doctor declaring" (whose words it names)."""
    return noun.head.lemma_.lower() in _ISSUING_VERBS and not any(
        child.dep_ == "prep" and child.lower_ in {"from", "by"} for child in noun.children
    )


def _past_a_date(subject: Token) -> Token | None:
    """The subject itself, or for a day or time the parser made the subject, the noun set beside
    it: "Earlier Friday, chairman of the House Intelligence Committee Rep. Adam Schiff revealed
    that ..." reads "Friday" as the subject and the chairman as its apposition. A date never
    speaks; an age does ("The 87-year-old said", which the tagger also labels a date), and so does
    a surname the tagger read as a month after a first name ("Theresa May announced Friday")."""
    if subject.ent_type_ not in {"DATE", "TIME"} or subject.lower_.endswith("old"):
        return subject
    if any(
        child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ not in {"DATE", "TIME"}
        for child in subject.children
    ):
        return subject
    return next((child for child in subject.children if child.dep_ == "appos"), None)


def _participle_subject(verb: Token) -> Token | None:
    """The one a speaking participle says spoke when it follows the object of the verb it
    completes: in "Obama recalled the senator telling him, "..."" the senator tells, Obama
    recalls (as in "heard the aide saying", "saw the protesters chanting"). The object must name
    people and stand right before the participle: "thanked the crowd, saying ..." (a comma
    between) is the subject's own saying, "issued a statement saying ..." the issuer's; and a
    participle the parse hangs on a noun ("sent an e-mail to RNC members saying") is left to
    the verb's subject."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp", "ccomp"}:
        return None
    objects = [
        child for child in verb.head.children if child.dep_ == "dobj" and child.right_edge.i == verb.i - 1
    ]
    # only people speak: "issued a statement saying" is the issuer's
    return next((noun for noun in objects if _names_people(noun)), None)


def _shown_speaking(verb: Token, head: Token) -> list[Token]:
    """The passive subject of the verb whose complement a speaking participle or infinitive is
    ("Mr. Netanyahu is shown saying", "Mr. Trump was quoted as saying", "he is expected to say"):
    the one shown speaking, where the passive names no agent (an agent is the speaker, as for any
    passive). A participle that is only an adjunct of a passive ("his client ... was fired Friday
    afternoon, claiming ...") is not."""
    participle = verb.tag_ == "VBG" and (
        (verb.dep_ == "xcomp" and verb.head.i == head.i)
        or (verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.i == head.i)
        # "the RNC chairman was caught on camera saying that ...": no comma sets the participle off
        or (verb.dep_ == "advcl" and verb.head.i == head.i and verb.doc[verb.i - 1].text != ",")
    )
    # "he is expected to say", "is scheduled to testify"; not "the provisions are intended to reveal"
    infinitive = (
        verb.tag_ == "VB"
        and verb.dep_ == "xcomp"
        and verb.head.i == head.i
        and head.lemma_.lower() in _EXPECTED_TO_SPEAK
    )
    complement = participle or infinitive
    return [child for child in head.children if child.dep_ == "nsubjpass"] if complement else []


def _is_people_noun(noun: Token) -> bool:
    """Whether a common noun names people ("lawyers", "officials", "Republicans"), which a noun
    the parser made a second subject ("arrest") does not; names are judged apart."""
    return noun.pos_ == "NOUN" and _names_people(noun)


def _mute_subject(verb: Token) -> bool:
    """Whether the verb has a subject and none could be a speaker (a name, a pronoun, a noun for
    people): "the most likely cause ... was", "the clusters may be linked"."""
    subjects = _subjects(verb)
    return bool(subjects) and not any(
        child.pos_ in {"PROPN", "PRON"} or child.lemma_.lower() in PERSON_NOUNS or bool(child.ent_type_)
        for child in subjects
    )


def _subject_on_line(subject: Token, verb: Token) -> Token | None:
    """A subject the parser ran over a line break (a photo credit before "The official said"):
    the last noun of it on the verb's own line."""
    nouns = [
        t for t in subject.subtree
        if t.pos_ in {"NOUN", "PROPN", "PRON"} and t.i < verb.i and _same_line(t, verb)
    ]  # fmt: skip
    return nouns[-1] if nouns else None


def _name_set_off_before(verb: Token) -> Token | None:
    """The person a sentence names first, set off by commas before a finite speech verb the
    parser left without a subject: "At 9:24 p.m., Ms. Nuland, reading the latest draft,
    complained" (the parse hangs Nuland on "At"), "Mr. O'Rourke, asked if he supported impeaching
    Mr. Trump, said" (not Trump), "Mark Sheridan, a partner with Patton Boggs, said". The name does
    not follow a preposition ("published by Portfolio, argues"); a comma, then at most adverbs
    ("clearly says"), stand before the verb; no quote mark stands between."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    doc = verb.doc
    # after a quotation: ""I believe ...," independent Sen. Angus King of Maine, who caucuses with
    # the Democrats, told reporters" (the parser made King an object inside the quote)
    start = max(
        (token.i + 1 for token in doc[verb.sent.start : verb.i] if token.is_quote), default=verb.sent.start
    )
    before = list(doc[start : verb.i])
    last_comma = max((token.i for token in before if token.text == ","), default=None)
    if last_comma is None or any(token.pos_ != "ADV" for token in doc[last_comma + 1 : verb.i]):
        return None
    for token in before:
        if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and _set_off_by_comma(token):
            first = token
            while first.i > start and doc[first.i - 1].ent_type_ == "PERSON":
                first = doc[first.i - 1]
            opening = doc[first.i - 1] if first.i > start else None
            if opening is not None and opening.pos_ == "ADP":
                return None
            return token
    return None


def _set_off_by_comma(name: Token) -> bool:
    """Whether a comma follows the name's phrase: "Mark Sheridan, ...", "Sen. Angus King of
    Maine, ..."."""
    end = max(token.i for token in _np_tokens(name))
    return end + 1 < len(name.doc) and name.doc[end + 1].text == ","


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., says Cafarella." when the parser made the name something other than nsubj; a
    participle is never inverted ("since calling state Rep. Drew Gattine (D) a "..."": the name
    after it is whom it calls), nor are "told" (""...," Sen. Angus King ... told reporters": whom
    it tells) and "called" ("A senior Republican senator called President Donald Trump "utterly
    untruthful"": whom it names), nor is an infinitive ("went so far as to say Obama should "step
    down"": Obama is the subject of what is said)."""
    if verb.tag_ in {"VBG", "VB"} or verb.lemma_.lower() in {"tell", "call"}:
        return None
    if verb.i + 1 < len(verb.doc):
        token = verb.doc[verb.i + 1]
        while token.dep_ == "compound" and token.head.i > token.i:
            token = token.head
        if _told_to_act(verb, token):
            return None
        if token.pos_ == "PROPN" or token.lemma_.lower() in PERSON_NOUNS:
            return token
    return None


def _told_to_act(verb: Token, noun: Token) -> bool:
    """Whether the noun after the verb is the one it moves to act, not its speaker: "urged
    Americans to "check out" a supposed sex tape" (its object, and a "to" clause after it)."""
    return (
        noun.dep_ == "dobj"
        and noun.head.i == verb.i
        and any(child.dep_ == "xcomp" and child.i > noun.i for child in verb.children)
    )


# ---------------------------------------------------------------------------------------------
# Speakers


def _clean_name(text: str) -> str:
    """The name without a possessive, spaces or edge punctuation, and without what a comma ends:
    the tagger runs "Obama, Conard says" into one PERSON, but a name has no comma in it."""
    text = re.sub(r"['’]s$", "", text.strip())
    head, _, tail = text.rpartition(",")
    if head and tail.strip(" .").lower() not in NAME_SUFFIXES:
        text = tail
    return " ".join(text.split()).strip(" ,.;:…")


def _resolved(name: str, last: Token, ctx: _Context) -> str:
    """The name of the entity the entity analysis counted this mention under (its last word at
    ``last``), or the name as written when it made no entity of it or the text writes it in full
    where the tagger took only the surname ("Tayyip Erdogan" where the entity is "Erdogan"); not
    when the words before the entity's name are the office of a title ("Director of National
    Intelligence James Clapper" is James Clapper)."""
    entity = ctx.names.at(ctx.article_id, last.idx) or ctx.names.named(name) or ctx.names.surname(name)
    if entity is None:
        return name
    if name.endswith(" " + entity.name):
        before = name.removesuffix(entity.name).split()
        if not all(word.lower() in OFFICE_WORDS for word in before):
            return name
    return entity.name


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses, appositions and trailing commas."""
    skip = {"relcl", "appos", "punct", "acl", "cc", "conj", "advcl"}
    kept: list[Token] = [head]
    for child in head.children:
        # brackets and the hyphen of "front-runner", which the tokenizer splits off, are the phrase's
        if child.dep_ in skip and not (
            child.dep_ == "punct" and (child.text in "()" or child.tag_ == "HYPH")
        ):
            continue
        kept.extend(child.subtree)
    kept = sorted((t for t in kept if _same_line(t, head) and not t.is_space), key=lambda t: t.i)
    # keep one contiguous run around the head
    left = [t for t in kept if t.i <= head.i]
    run = [head]
    for token in reversed(left[:-1]):
        if token.i != run[0].i - 1:
            break
        run.insert(0, token)
    while run[0].is_punct and run[0].i < head.i and run[0].text != "(":
        run.pop(0)
    right = [t for t in kept if t.i > head.i]
    expected = head.i + 1
    for token in right:
        if token.i != expected or _opens_aside(token):
            break
        run.append(token)
        expected += 1
    while run and run[-1].is_punct and run[-1].text not in ")":
        run.pop()
    # "reached a commander with one rebel faction": the parser hangs "with" on the verb
    following = head.doc[run[-1].i + 1] if run and run[-1].i + 1 < len(head.doc) else None
    if (
        following is not None
        and head.lemma_.lower() in PERSON_NOUNS
        and following.lower_ in {"with", "from", "at"}
        and following.dep_ == "prep"
        and following.head.i == head.head.i
    ):
        run.extend(t for t in following.subtree if t.i >= following.i and not _after_comma(following, t))
    return run


def _opens_aside(token: Token) -> bool:
    """A dash set off by a space ("the House of Representatives – where reform will live or die"):
    what follows is an aside, not the phrase; a hyphen ("front-runner") has no space before it."""
    return token.text in _DASHES and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _after_comma(prep: Token, token: Token) -> bool:
    """Whether a comma lies between the preposition and ``token`` (a relative clause follows)."""
    return any(t.text == "," for t in prep.doc[prep.i : token.i + 1])


def _same_line(a: Token, b: Token) -> bool:
    """No line break between the two tokens: a name or phrase never runs over a paragraph."""
    lo, hi = sorted((a.i, b.i))
    return "\n" not in a.doc[lo : hi + 1].text


def _span_text(tokens: Sequence[Token]) -> str:
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _speaker_of(head: Token, ctx: _Context, mentions: Sequence[_Mention]) -> _Speaker:
    """Name (or description) and role of the speaker whose head token is ``head``."""
    lower = head.lower_
    clause_noun = head.head.head if head.head.dep_ == "relcl" and head.head.head.i != head.head.i else None
    if clause_noun is not None and (
        lower == "who" or (lower in {"which", "that"} and _names_a_body(clause_noun))
    ):
        # "Sheriff Joe Arpaio ..., who unabashedly calls himself the "toughest sheriff"": "who" is
        # the person its clause hangs on, whatever else the paragraph names; "which" and "that"
        # only when they hang on a named body ("the Log Cabin Republicans, a gay men and lesbian
        # group, which said ..."), else the old way: on BASIL they as often hang on "comments" or
        # "a report"
        return _speaker_of(clause_noun, ctx, mentions)
    if _stands_for_someone(head):
        return _resolve(head, ctx, mentions)
    dateline_person = _apposition_name(head) if _is_dateline(head) else None
    if dateline_person is not None:
        return _speaker_of(dateline_person, ctx, mentions)
    titled_person = _name_after_title(head)
    if titled_person is not None:
        return _speaker_of(titled_person, ctx, mentions)
    if head.pos_ == "NOUN" and head.text[:1].isupper() and ctx.names.surname(head.text) is not None:
        # "Trump celebrated Strzok's firing on Twitter, writing ...": the tagger took the surname
        # for a common noun and hung the next name on it; it is the person the story named
        return _named(head, [head], ctx)
    name_tokens = _name_tokens(head)
    tokens = _np_tokens(head)
    # "the committee's senior Democrat" describes a person by party, as "the Democrat" does
    described_by_party = head.ent_type_ == "NORP" and (
        _is_anaphoric(head) or any(child.dep_ == "poss" for child in head.children)
    )
    if _is_party_group(head, ctx):
        return _Speaker(_group_name(head), "", described=True, group=True)
    person = _person_apposed_to_a_title(head) if name_tokens else None
    if person is not None:
        # a party is no role ("Another moderate Democrat"); a title is ("Senate Democratic Leader")
        role = "" if head.ent_type_ == "NORP" else _span_text(tokens)
        return _named(person, _name_tokens(person), ctx, extra_role=role)
    # "the President told reporters": a title capitalised after "the" stands for the person
    # named before, as "the president" does
    title_alone = bool(name_tokens) and all(is_title(token.text) for token in name_tokens)
    if name_tokens and not described_by_party and not (title_alone and _is_anaphoric(head)):
        if title_alone and _title_of_an_organisation(head):
            return _description(head)
        return _named(head, name_tokens, ctx)
    description = _span_text(tokens)
    has_prep = any(t.dep_ == "prep" and t.head.i == head.i for t in tokens)
    role = description
    if tokens and tokens[0].dep_ in {"det", "poss"} and has_prep:
        role = _span_text(tokens[1:])
    appos = _apposition_name(head)
    if appos is not None:
        return _named(appos, _name_tokens(appos), ctx, extra_role=role if has_prep else description)
    organisation = _organisation_referred(head, ctx) if _refers_to_organisation(head) else None
    if organisation is not None:
        return _Speaker(organisation.name, "", described=False)
    issuer = _issuer_of(head, ctx)
    if issuer is not None:
        return _speaker_of(issuer, ctx, mentions)
    introduced = (_titled(head, ctx) or _introduced_unnamed(head, ctx)) if _is_anaphoric(head) else None
    if introduced is not None:
        return introduced
    antecedent = _antecedent(head, ctx, protagonist=False) if _is_anaphoric(head) else None
    if antecedent is not None and _may_describe(head, antecedent, ctx):
        return _Speaker(antecedent.name, antecedent.role or description, described=False)
    return _description(head)


# Texts that speak for whoever issued them: "the statement reads", "the letter said".
_ISSUED_TEXTS = frozenset({"statement", "letter", "memo", "release"})


def _issuer_of(head: Token, ctx: _Context) -> Token | None:
    """The subject of the sentence that brought up the text "the statement" stands for: "In a
    statement released shortly after ..., the Sherman family said ... "...," the statement reads."
    is the family's; "X released a statement" is X's. None when the text is not such a noun with
    "the", or no such sentence is in the last few paragraphs."""
    lemma = head.lemma_.lower()
    if lemma not in _ISSUED_TEXTS or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    paragraph = _paragraph_of(ctx, head.idx)
    for token in reversed(ctx.doc[: head.i]):
        if _paragraph_of(ctx, token.idx) < paragraph - _RESOLVE_PARAGRAPHS:
            return None
        if token.lemma_.lower() != lemma or ctx.quoted[token.i] >= 0:
            continue
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ in {"dobj", "pobj"} and verb.pos_ == "VERB":
            subjects = [child for child in verb.children if child.dep_ == "nsubj"]
            if subjects and _may_issue(subjects[0]):
                return subjects[0]
        return None
    return None


def _may_issue(subject: Token) -> bool:
    """Whether a subject can issue a text: a name (not a dateline's place), a noun a name
    qualifies ("the Sherman family") or a noun for people ("the lawmakers"), not "the latest
    criticism" nor "each side"."""
    if subject.pos_ == "PROPN":
        return not _is_dateline(subject)
    return subject.pos_ == "NOUN" and (
        _names_people(subject)
        or any(child.dep_ == "compound" and child.pos_ == "PROPN" for child in subject.children)
    )


def _place_words(head: Token) -> list[Token]:
    """The words of a description that name a place, a nationality or a party ("the St. Louis
    group", "the Vermont senator", "the Israeli leader")."""
    return [
        child
        for child in head.children
        if child.dep_ in {"compound", "amod"} and child.ent_type_ in PLACE_LABELS
    ]


def _may_describe(head: Token, person: _Speaker, ctx: _Context) -> bool:
    """Whether a definite description can be the person named before it: one by party,
    nationality, place or age ("the Florida Republican", "the Vermont senator", "the Israeli
    leader", "the 87-year-old"), by sex ("the man"), or by a noun the article said of that person
    before ("Leigh Corfman, a waitress, ..." then "the waitress"). A bare role is someone else
    unless said of them: "The Senate historian said" after Scott P. Brown, "The former official
    said" after Weiner and "a former Justice Department computer crimes prosecutor"."""
    if head.ent_type_ == "NORP" or _states_an_age(head) or sex_of_word(head.text):
        return True
    if _place_words(head):
        return not _titled_otherwise(head, person, ctx)
    surname = person.name.split()[-1] if person.name.split() else ""
    for token in ctx.doc[: head.i]:
        if token.lemma_ == head.lemma_ and ctx.quoted[token.i] < 0 and surname in token.sent.text:
            return True
    return False


# Offices held by one person at a time, named by the noun that describes their holder ("the
# director", "the governor"); "leader", "agent" or "official" describe holders of many offices.
_OFFICES = frozenset(
    {
        "ambassador", "chairman", "chairwoman", "chancellor", "commissioner", "congressman",
        "congresswoman", "director", "emir", "governor", "judge", "king", "mayor", "minister",
        "pope", "premier", "president", "queen", "representative", "secretary", "senator",
        "sheriff", "speaker", "sultan",
    }
)  # fmt: skip


def _titled_otherwise(head: Token, person: _Speaker, ctx: _Context) -> bool:
    """Whether the article gave the person, before ``head``, an office other than the one
    ``head`` names: "the F.B.I. director" (the parser took "F.B.I." for a place) is not
    "President Trump", who was named before it; "the Vermont senator" may be "Sen. Bernie
    Sanders". Only a named office counts for ``head``: "the top US law enforcement agent" may
    still be "Attorney General William Barr", "the Israeli leader" "Prime Minister Benjamin
    Netanyahu". Courtesy titles and qualifiers ("Mr.", "former") name no office."""
    if head.lemma_.lower() not in _OFFICES:
        return False
    for token in ctx.doc[: head.i]:
        following = ctx.doc[token.i + 1] if token.i + 1 < head.i else None
        word = token.lower_.rstrip(".")
        if (
            following is None
            or following.ent_type_ != "PERSON"
            or not is_title(token.text)
            or word in COURTESY_TITLES
            or word in TITLE_QUALIFIERS
            or same_title(token.text, head.text)
        ):
            continue
        if _named(following, _name_tokens(following), ctx).name == person.name:
            return True
    return False


def _description(head: Token) -> _Speaker:
    """A speaker the article describes and does not name: the noun phrase as written ("a Red
    Cross worker", a determiner in lower case), with the phrase after its determiner as role
    when it carries a prepositional phrase ("head of the ... mission to Syria")."""
    tokens = _np_tokens(head)
    # "intercepts….SIGINT confirms": the tokenizer left the ellipsis's last stop on the word
    description = _span_text(tokens).lstrip(".…")
    has_prep = any(t.dep_ == "prep" and t.head.i == head.i for t in tokens)
    role = _span_text(tokens[1:]) if tokens and tokens[0].dep_ in {"det", "poss"} else description
    if tokens and tokens[0].pos_ in {"DET", "NUM"} and not tokens[0].text.isupper():
        description = description[:1].lower() + description[1:]
    return _Speaker(description, role if has_prep else "", described=True)


def _is_party_group(head: Token, ctx: _Context) -> bool:
    """Whether ``head`` names a group of people by party or nationality ("some Republicans on
    Capitol Hill", "Senate Democrats", "older Americans"): a plural tagged NORP that the entity
    analysis did not count as a person's surname ("Colls" is Caroline Sturdy Colls)."""
    if head.tag_ not in {"NNS", "NNPS"} or head.ent_type_ != "NORP":
        return False
    entity = ctx.names.at(ctx.article_id, head.idx)
    return entity is None or entity.label != "PERSON"


def _group_name(head: Token) -> str:
    """A group as the text names it, not by its bare head noun ("Republican", the entity the
    analysis made of every "Republicans"): the words before the head that qualify it ("Some",
    "Senate", "five senior Missouri", "House and Senate") and a place or body after it ("on the
    committee", "in Congress"); not a relative clause, nor a name coordinated before it (in "Mr.
    Trump and congressional Republicans" the group is "congressional Republicans")."""
    start = head.i
    while start > head.left_edge.i:
        before = head.doc[start - 1]
        if _ends_qualifiers(before) or not _same_line(before, head):
            break
        start -= 1
    while start < head.i and head.doc[start].dep_ == "cc":
        start += 1
    tokens = list(head.doc[start : head.i + 1])
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is not None and following.dep_ == "prep" and following.head.i == head.i:
        objects = [child for child in following.children if child.dep_ == "pobj"]
        if following.lower_ in _GROUP_PLACE_PREPOSITIONS and objects:
            tokens.extend([following, *_np_tokens(objects[0])])
    first = tokens[0]
    name = _span_text(tokens)
    if first.pos_ in {"DET", "NUM", "ADJ"} and not first.text.isupper():
        name = name[:1].lower() + name[1:]
    return name


def _ends_qualifiers(token: Token) -> bool:
    """Whether the words qualifying a group stop at ``token`` (going left): a person's name ("Mr.
    Trump and congressional Republicans"), a plural noun (a group is not named by another: in
    "changes the Trump administration has made ..., alterations Democrats say will cause" the
    parser makes "alterations" a compound), a space, or punctuation set apart by spaces (a comma,
    a dash; not the hyphen of "rank-and-file" or "war-supporting")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    joined = not token.whitespace_ and (before is None or not before.whitespace_)
    return (
        token.ent_type_ == "PERSON"
        or token.tag_ == "NNS"
        or token.is_space
        or (token.is_punct and not joined)
    )


def _stands_for_someone(head: Token) -> bool:
    """Whether the subject is a pronoun that stands for someone named earlier ("he", "they", "who").

    A quantifier or indefinite pronoun is no such pronoun: in "even some of the most ardent
    conservatives say consensus is forming" (the Times, BASIL) "some" is tagged a determiner
    and names the conservatives of its own phrase, and "everyone" or "both" name no one the text
    has brought up; they are descriptions, as "a number of the Internet companies" is.
    """
    if head.lower_ in _SINGULAR_PRONOUNS | _PLURAL_PRONOUNS | _FIRST_PERSON:
        return True
    return head.pos_ == "PRON" and head.tag_ not in _QUANTIFIER_TAGS


def _speakers_of(head: Token, ctx: _Context, mentions: Sequence[_Mention]) -> _Speaker:
    """The speaker whose head token is ``head``, with the others named beside it as one subject.

    A joint statement names its speakers together ("Sens. John McCain and Lindsey Graham said",
    "House Speaker Nancy Pelosi and Senate Democratic Leader Chuck Schumer said", "Nebraska and
    Oklahoma complained"); the quote is all of theirs, so the speaker names them all in text
    order ("A and B", "A, B and C"). The role is each one's role in the same order, joined by
    "; ", when every one of them has one, else empty: a role stated for one is not the others'.
    """
    speaker = _speaker_of(head, ctx, mentions)
    if speaker.described and not speaker.group:
        return speaker
    # "the president's personal attorneys Rudy Giuliani and Jay Sekulow": the names are an
    # apposition to the description, and the first of them is the speaker found
    appos = None if head.pos_ == "PROPN" else _apposition_name(head)
    head = appos if appos is not None else head
    found = {head.i: speaker}
    for token in _co_speakers(head):
        other = _speaker_of(token, ctx, mentions)
        if (other.group or not other.described) and other.name not in {item.name for item in found.values()}:
            found[token.i] = other
    if len(found) == 1:
        return speaker
    ordered = [found[index] for index in sorted(found)]
    names = [item.name for item in ordered]
    roles = [_shown_role(item.role) for item in ordered]
    return _Speaker(
        ", ".join(names[:-1]) + " and " + names[-1],
        "; ".join(roles) if all(roles) else "",
        described=False,
        joint=True,
    )


def _co_speakers(head: Token) -> list[Token]:
    """The heads of the other names coordinated with ``head`` as one subject, in text order.

    Their conjuncts ("McCain and Graham"), and a person the parser hung on the first as an
    apposition after an "and" ("Nancy Pelosi and Senate Democratic Leader Chuck Schumer").
    Only names and groups named by party or nationality count ("Ms. Pelosi and senior
    Democrats"): "Trump and his allies" is one named speaker and others.
    """
    if head.pos_ != "PROPN":
        return []
    appositions = _apposed_people(head)
    # "Another Republican, Rep. Justin Amash" is one person the parser coordinated: no "and"
    conjoined = any(
        child.dep_ == "cc" and child.lower_ == "and"
        for token in (head, *head.conjuncts)
        for child in token.children
    )
    found = [token for token in head.conjuncts if conjoined] + [
        child for child in appositions if _and_between(head, child)
    ]
    # "Senate Democratic Leader" is a title the parser coordinated, with no entity
    return sorted(
        (token for token in found if token.pos_ == "PROPN" and token.ent_type_ and _same_line(token, head)),
        key=lambda token: token.i,
    )


def _and_between(head: Token, other: Token) -> bool:
    """An "and" between a name and the name after it ("Nancy Pelosi and ... Chuck Schumer")."""
    return any(token.lower_ == "and" for token in head.doc[head.i + 1 : other.left_edge.i])


def _name_after_title(head: Token) -> Token | None:
    """The person a title phrase names, when the parser made the title the head: in "then-Deputy
    Assistant Secretary for Diplomatic Security Charlene Lamb testified" the subject is
    "Secretary" and Lamb the object of "for"; a title is no one, the name after it is the speaker.
    The name must end the phrase, reached through prepositions and compounds only."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON" or not is_title(head.text):
        return None
    last = head.right_edge
    if last.ent_type_ != "PERSON" or not _same_line(head, last):
        return None
    current = last
    while current.i != head.i:
        if current.dep_ not in {"pobj", "prep", "compound", "flat"} or current.head.i == current.i:
            return None
        current = current.head
    return last


def _is_dateline(token: Token) -> bool:
    """ "WASHINGTON —" at the head of a report: a place in capitals before a dash, which the parser
    may take for the subject of the first sentence, with its real subject as an apposition."""
    first = token.left_edge  # "NEW" of "NEW YORK —"
    starts_paragraph = first.i == 0 or "\n" in token.doc[first.i - 1].text_with_ws
    place = token.doc[first.i : token.i + 1]
    if not (starts_paragraph and all(word.text.isupper() for word in place) and len(token.text) > 1):
        return False
    for following in token.doc[token.i + 1 : token.i + 5]:
        if following.text in _DASHES:
            return True
        if not (
            following.text.isupper()
            or following.is_punct
            or following.is_space
            or following.text.endswith(".")
        ):
            return False
    return False


def _is_anaphoric(head: Token) -> bool:
    """ "the senator", "the Florida Republican", "the 87-year-old": a definite description that
    names a role, party or age, not a new person ("the head of the ... mission" is one: "of")."""
    definite = any(child.dep_ == "det" and child.lower_ == "the" for child in head.children)
    if not definite or head.tag_ in {"NNS", "NNPS"}:
        return False
    if any(child.dep_ == "prep" and child.lower_ == "of" for child in head.children):
        return False
    lemma = head.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in TITLES or head.ent_type_ == "NORP" or _states_an_age(head)


def _states_an_age(head: Token) -> bool:
    """ "37-year-old", "87-year-old": news calls a person it has named by their age."""
    return head.lemma_.lower() == "old" and any(child.lower_ == "year" for child in head.subtree)


def _is_age_noun(token: Token) -> bool:
    """An age standing for a person ("The 37-year-old has passed on her duties"), not one
    describing a noun ("a 1-year-old girl", "the 10-year-old lawsuit")."""
    return _states_an_age(token) and token.dep_ != "amod"


def _refers_to_organisation(head: Token) -> bool:
    """ "the authority", "the organisation", "the body": a definite singular noun that news uses
    for an organisation it has just named ("the body of ..." names something else)."""
    return (
        head.lemma_.lower() in ORGANISATION_NOUNS
        and head.tag_ == "NN"
        and any(child.dep_ == "det" and child.lower_ == "the" for child in head.children)
        and not any(child.dep_ == "prep" and child.lower_ == "of" for child in head.children)
    )


def _organisation_referred(head: Token, ctx: _Context, *, since: int = 0) -> Entity | None:
    """The organisation named last before ``head`` in the last few paragraphs (and from the
    character ``since`` on), outside quotes.

    An organisation is an entity labelled ORG, or one the article puts beside an organisation
    noun ("the public health authority Santé Publique France", "Remera, a public body"): the small
    model takes many an organisation's name for a person's. A place the description names must
    be said there: "the St. Louis group" is the St. Louis Tea Party, not the NAACP named after it.
    """
    paragraph = _paragraph_of(ctx, head.idx)
    places = [word.lower_ for word in _place_words(head)]
    for start, entity in ctx.names.before(ctx.article_id, head.idx):
        if _paragraph_of(ctx, start) < paragraph - _RESOLVE_PARAGRAPHS or start < since:
            break
        token = ctx.doc[bisect.bisect_right(ctx.token_starts, start) - 1]
        near = ctx.text[max(0, start - 40) : start + 60]
        if (
            ctx.quoted[token.i] < 0
            and (entity.label == "ORG" or _introduced_as_organisation(entity, ctx))
            and all(_said_near(place, near) for place in places)
        ):
            return entity
    return None


def _introduced_as_organisation(entity: Entity, ctx: _Context) -> bool:
    """Whether the article sets one of the entity's names beside an organisation noun: right before
    it ("the authority Santé Publique France", "body, Santé ...") or in apposition to it."""
    for mention in entity.mentions:
        if mention.article_id != ctx.article_id:
            continue
        words = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if words is None:
            continue
        before = [t for t in ctx.doc[max(0, words.start - 2) : words.start] if t.text != ","]
        if before and before[-1].lemma_.lower() in ORGANISATION_NOUNS:
            return True
        inside = range(words.start, words.end)
        appositions = [
            other
            for token in words
            for other in (token.head, *token.children)
            if other.i not in inside and (other.dep_ == "appos" or token.dep_ == "appos")
        ]
        if any(other.lemma_.lower() in ORGANISATION_NOUNS for other in appositions):
            return True
    return False


def _introduced_unnamed(head: Token, ctx: _Context) -> _Speaker | None:
    """ "A senior Pentagon official, who stated ..." then "the official added": the description that
    introduced the same unnamed person (same head noun, not "the") earlier in the article.

    "Another man" brings in a second man beside the one the text has told of, and English calls
    him "the other man" after that: a bare "the man" is still the first ("He then grabs the man's
    wrist ... Another man ... then tells Etheridge, ... When the man asks Etheridge to "please let
    go of me"" is the student held, not the other man)."""
    second_one = any(child.lower_ == _OTHER for child in head.children)
    for token in reversed(ctx.doc[: head.i]):
        if token.lemma_ != head.lemma_ or token.tag_ != head.tag_ or ctx.quoted[token.i] >= 0:
            continue
        if token.dep_ == "compound" or any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        if not second_one and _brings_in_another(token):
            continue
        if token.dep_ == "poss":
            # "a wide-ranging inspector general's report" brought up the one "the inspector
            # general" is, as the owner of a report: the description says who it is
            return _description(head)
        if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            return _named(token.head, _name_tokens(token.head), ctx)  # "Chen, a legal activist,"
        return _speaker_of(token, ctx, ())
    return None


def _brings_in_another(noun: Token) -> bool:
    """ "another man": a noun that brings in one more of a kind the text has already told of."""
    return any(child.dep_ == "det" and child.lower_ == _ANOTHER for child in noun.children)


# The other party of a two-party description, by name and by initial ("R-Utah", "(D-N.Y.)").
_OTHER_PARTY = {
    "republican": ("Democrat", "D"),
    "gop": ("Democrat", "D"),
    "democratic": ("Republican", "R"),
    "democrat": ("Republican", "R"),
}


def _titled(head: Token, ctx: _Context) -> _Speaker | None:
    """ "the president" after "President Donald Trump", "the congressman" after "Rep. Blake
    Farenthold": a person the article gave that title (``lexicon.same_title``), of the sex the
    description states, with the place it names ("the Idaho congressman") and of no other party
    (``_said_near``).

    Of several so titled, the nearest that was the subject of a clause in the last few paragraphs,
    else the one most often a subject in the article, else the last titled: "the governor said his
    own son had signed a petition" is Arkansas's Gov. Asa Hutchinson, of whom the article tells,
    not Indiana's Gov. Mike Pence, named in passing after him.

    A title a nationality qualifies is another office unless the description says it too: "the
    president" after "Russian President Vladimir Putin" is not Putin, "the Russian president" is;
    so is one the parse qualifies with a word that names no place or organisation ("Vice
    President Mike Pence", "former President Obama"), but not "House Speaker Paul Ryan".
    """
    described = {child.lower_ for child in head.children}
    qualifiers = [
        child.lower_
        for child in head.children
        if child.dep_ in {"compound", "amod"}
        and (child.ent_type_ in PLACE_LABELS or child.lower_ == "former")
    ]
    titled: dict[str, _Speaker] = {}  # the last titled first
    for token in reversed(ctx.doc[: head.i]):
        following = ctx.doc[token.i + 1] if token.i + 1 < head.i else None
        before = ctx.doc[token.i - 1] if token.i > 0 else None
        if before is not None and _another_office(before, token) and before.lower_ not in described:
            continue
        if same_title(token.text, head.text) and following is not None and following.ent_type_ == "PERSON":
            name = following
            while (
                name.i + 1 < head.i and name.dep_ == "compound" and ctx.doc[name.i + 1].ent_type_ == "PERSON"
            ):
                name = ctx.doc[name.i + 1]
            speaker = _named(name, _name_tokens(name), ctx)
            near = f"{ctx.text[max(0, token.idx - 40) : name.idx + 60]} {speaker.role}"
            if _agrees(speaker, sex_of_word(head.text), ctx) and all(
                _said_near(word, near) for word in qualifiers
            ):
                titled.setdefault(speaker.name, speaker)
    if not titled:
        return None
    chosen = _antecedent(head, ctx, protagonist=False, among=titled) or _antecedent(
        head, ctx, paragraphs=len(ctx.paragraphs), among=titled
    )
    return titled[chosen.name] if chosen is not None else next(iter(titled.values()))


def _said_near(qualifier: str, text: str) -> bool:
    """Whether the text around a titled name fits a word of the description: a place, nationality
    or "former" must be said there; a party must not be contradicted ("the Republican senator" is
    not "Sen. Chuck Schumer (D-N.Y.)", but may be a senator whose party the article leaves unsaid
    there, as "the new Democratic congresswoman" is "Michigan Rep. Rashida Tlaib")."""
    other = _OTHER_PARTY.get(qualifier)
    if other is not None:
        name, initial = other
        return re.search(rf"(?i:\b{name})|\b{initial}-|\({initial}\b", text) is None
    return re.search(rf"\b{re.escape(qualifier)}", text, re.IGNORECASE) is not None


def _another_office(before: Token, title: Token) -> bool:
    """Whether the word before a title makes it another office: a nationality ("Russian
    President Vladimir Putin") or a word the parse hangs on the title itself that names no
    place or organisation ("Vice President Mike Pence", "former President Obama"; not "House
    Speaker Paul Ryan", nor a party: "Arkansas Republican Gov. Asa Hutchinson")."""
    if before.ent_type_ == "NORP":
        return before.lower_ not in PARTY_WORDS
    return before.head.i == title.i and before.dep_ in {"compound", "amod"} and before.ent_type_ == ""


def _antecedent(
    head: Token,
    ctx: _Context,
    *,
    paragraphs: int = _RESOLVE_PARAGRAPHS,
    protagonist: bool = True,
    among: Container[str] | None = None,
) -> _Speaker | None:
    """The person a definite description or a pronoun stands for: news names someone, then calls
    them "the senator" or "he".

    The candidates are the named people that were the subject of a clause in the last
    ``paragraphs`` paragraphs. With ``protagonist``, the one named most often wins (the story's
    protagonist, not a passing "Sen. Ted Cruz saying it does"), the nearer on ties; without it,
    the nearest: a description names whom the text has just brought up ("Sen. John McCain,
    R-Ariz., said ... The Arizona Republican said", not the story's DeMint; "Rep. Ed Royce ... the
    committee chairman said", not Trump). ``among`` limits the candidates to those names. None
    when the article has named no one there.
    """
    paragraph = _paragraph_of(ctx, head.idx)
    counts: dict[str, int] = {}
    latest: dict[str, tuple[int, _Speaker]] = {}
    for subject in ctx.subjects:
        if subject.idx >= head.idx:
            break
        if _paragraph_of(ctx, subject.idx) < paragraph - paragraphs:
            continue
        speaker = _named(subject, _name_tokens(subject), ctx)
        if among is not None and speaker.name not in among:
            continue
        counts[speaker.name] = counts.get(speaker.name, 0) + 1
        latest[speaker.name] = (subject.idx, speaker)
    if not counts:
        return None
    best = max(counts, key=lambda name: (counts[name] if protagonist else 0, latest[name][0]))
    return latest[best][1]


def _person_subjects(doc: Doc, quoted: Sequence[int], names: Names, article_id: str) -> list[Token]:
    """Heads of PERSON names that are the subject of a clause, outside quote marks, in text order."""
    return [
        token
        for token in doc
        if token.dep_ in {"nsubj", "nsubjpass"}
        and token.pos_ == "PROPN"
        and (token.ent_type_ == "PERSON" or names.is_known_surname(token, article_id))
        and quoted[token.i] < 0
    ]


_PLACE_OR_NATION = frozenset({"GPE", "LOC", "NORP"})


def _title_of_an_organisation(head: Token) -> bool:
    """Whether ``head`` is a title held in an organisation and given with no name: "the President
    of the ICE Officers' Council" is the union's head, no president of a country (a place or a
    nation after "of"), so the speaker is the phrase as written."""
    if head.ent_type_ or not is_title(head.text) or not any(c.dep_ == "det" for c in head.children):
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(obj.dep_ == "pobj" and obj.ent_type_ not in _PLACE_OR_NATION for obj in child.children)
        for child in head.children
    )


def _person_apposed_to_a_title(head: Token) -> Token | None:
    """The person named in apposition to a proper-noun head that is no person: "Another moderate
    Democrat, Senator Bob Casey of Pennsylvania, also said" and "Senate Democratic Leader Chuck
    Schumer (D-N.Y.) told Politico", where the parser made the party or the title the subject."""
    if head.ent_type_ == "PERSON":
        return None
    return next(iter(_apposed_people(head)), None)


def _apposed_people(head: Token) -> list[Token]:
    """The persons the parser set in apposition to ``head``."""
    return [child for child in head.children if child.dep_ == "appos" and child.ent_type_ == "PERSON"]


def _apposition_name(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    return None


def _name_tokens(head: Token) -> list[Token]:
    """The proper name around ``head``: its entity, or its run of proper nouns, without titles."""
    tokens: list[Token] = []
    if head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} and head.pos_ in {"PROPN", "NOUN"}:
        for ent in head.doc.ents:
            if ent.start <= head.i < ent.end and (head.pos_ == "PROPN" or ent.label_ in {"PERSON", "ORG"}):
                tokens = [t for t in ent if t.tag_ != "POS" and not t.is_space and _same_line(t, head)]
                # a person's title goes ("President"); an organisation keeps its words ("Justice
                # Department" is no "Department" with the role "Justice")
                titles = [
                    k
                    for k, t in enumerate(tokens[:-1])
                    if (is_title(t.text) and ent.label_ == "PERSON") or t.lower_ == "the"
                ]
                if titles:
                    tokens = tokens[titles[-1] + 1 :]
                while tokens and (tokens[-1].is_punct or is_verb_in_a_name(tokens[-1])):
                    tokens.pop()  # "Daniel scoffed and said": the tagger ran the verb into the name
                break
    if not tokens:
        if head.pos_ != "PROPN" or (
            head.text.islower() and (head.lower_ in TITLES or head.lower_ in PERSON_NOUNS)
        ):
            return []  # "the president said": the small model may tag a lower-case "president" NNP
        tokens = [head]
        possessor = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if possessor is not None and head.lower_ in _OFFICE_WORDS:  # "the U.S. Attorney's Office"
            first = possessor.left_edge
            first = head.doc[first.i + 1] if first.lower_ == "the" else first
            tokens = list(head.doc[first.i : head.i + 1])
    # proper nouns before the entity that belong to the name ("Tayyip" when only "Erdogan" was tagged);
    # a place belongs to an office's name ("the Miami-Dade County Police Department"), not a person's
    office = head.lower_ in _OFFICE_WORDS
    index = tokens[0].i - 1
    while index >= 0:
        token = head.doc[index]
        if token.is_space and "\n" not in token.text:
            index -= 1
            continue
        if _glues_name(token):  # "Campa-Najjar": the tokenizer splits a double-barrelled surname
            tokens[:0] = [head.doc[index - 1], token]
            index -= 2
            continue
        if (
            token.pos_ != "PROPN"
            or (is_title(token.text) and not _qualifies_no_title(token, tokens[0]))
            or token.dep_ != "compound"
            or (token.ent_type_ == "GPE" and not office)
            or (
                token.ent_type_ == "ORG" and head.ent_type_ == "PERSON"
            )  # "Diplomatic Security Charlene Lamb"
        ):
            break
        tokens.insert(0, token)
        index -= 1
    return tokens


def _qualifies_no_title(token: Token, following: Token) -> bool:
    """Whether a title's qualifier opens a name and stands before a word that is no title, and so
    is a word of the name: "Vice News" (as "Vice President" and "Secretary of the Interior Ryan
    Zinke" are not)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and (before.lower_ in {"the", "of"} or is_title(before.text)):
        return False
    return token.lower_ in TITLE_QUALIFIERS and not is_title(following.text)


def _glues_name(token: Token) -> bool:
    """A hyphen written without spaces between two proper nouns: the middle of one name."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.text in {"-", "‐"}
        and not token.whitespace_
        and before is not None
        and not before.whitespace_
        and before.pos_ == "PROPN"
        and not is_title(before.text)
    )


def _title_tokens(first: Token) -> list[Token]:
    """Role words right before a name: "analyst", "President", "Syrian president", "Quds commander"."""
    title: list[Token] = []
    index = first.i - 1
    while index >= 0:
        token = first.doc[index]
        if token.is_space and "\n" not in token.text:
            index -= 1
            continue
        if token.tag_ == "HYPH" and title:  # "front-runner": the tokenizer splits the hyphen off
            title.insert(0, token)
            index -= 1
            continue
        if token.dep_ not in {"compound", "amod", "nmod"} or token.pos_ not in {"NOUN", "ADJ", "PROPN"}:
            break
        if token.ent_type_ == "PERSON" or token.head.i < token.i:
            break
        title.insert(0, token)
        index -= 1
    while title and title[0].tag_ == "HYPH":
        title.pop(0)
    return title


def _named(head: Token, name_tokens: Sequence[Token], ctx: _Context, *, extra_role: str = "") -> _Speaker:
    """A named speaker: the name expanded to its fullest form, the role words the article puts beside it."""
    first, last = (name_tokens[0], name_tokens[-1]) if name_tokens else (head, head)
    name = _resolved(_clean_name(_span_text(name_tokens)), last, ctx)
    role_parts = [extra_role] if extra_role else []
    title = _title_tokens(first)
    # adjectives alone describe, they name no role: "the younger Cheney", "an embattled Trump"
    if title and any(token.pos_ != "ADJ" for token in title):
        role_parts.append(" ".join(_span_text(title).split()))
    for apposed in head.children:
        # "McKay Coppins, himself a Mormon": the role is what the pronoun stands beside
        reflexive = apposed.pos_ == "PRON" and apposed.lower_.endswith(("self", "selves"))
        child = next((c for c in apposed.children if c.dep_ == "appos"), None) if reflexive else apposed
        # a role describes the speaker; another person's name is none ("House Speaker Nancy Pelosi
        # and Senate Democratic Leader Chuck Schumer said", Schumer parsed as an apposition)
        if child is not None and (
            child.dep_ == "appos"
            and child.i > head.i
            and child.pos_ != "NUM"
            and child.ent_type_ != "PERSON"
            and child.left_edge.lower_
            not in _RELATIVE_WORDS  # "Mrs. Clinton, whose appearance ... had been postponed"
            and ctx.quoted[child.left_edge.i]
            < 0  # words of the quote ("Boehner said, "...; 89 freshmen ..."")
        ):
            role_parts.append(_span_text(_np_tokens(child)))
    role = ", ".join(part for part in role_parts if part)
    after = _role_prep(head, name_tokens)
    if after:
        role = f"{role} {after}" if role else after
    return _Speaker(name, role, described=False)


def _role_prep(head: Token, name_tokens: Sequence[Token]) -> str:
    """ "analyst Jennifer Cafarella with the ... Institute": a with/at/from phrase right after the name."""
    end = (name_tokens[-1].i if name_tokens else head.i) + 1
    if end >= len(head.doc):
        return ""
    token = head.doc[end]
    if token.lower_ not in {"with", "at", "from"} or token.dep_ != "prep":
        return ""
    if token.head.i != head.i and not (token.head.pos_ == "VERB" and head.dep_ in {"nsubj"}):
        return ""
    if not any(t.pos_ in {"NOUN", "PROPN"} and t.head.i != head.i for t in token.subtree):
        return ""
    if head.lower_ in {"he", "she"}:
        return ""
    return "" if not _has_title(head, name_tokens) else _span_text(_np_tokens(token))


def _has_title(head: Token, name_tokens: Sequence[Token]) -> bool:
    first = name_tokens[0].i if name_tokens else head.i
    return first > 0 and head.doc[first - 1].pos_ == "NOUN"


def _resolve(pronoun: Token, ctx: _Context, mentions: Sequence[_Mention]) -> _Speaker:
    """The nearest preceding person mention agreeing in number, within a few paragraphs; for "he"
    or "she" with none there, the person named most often as a subject earlier in the article."""
    lower = pronoun.lower_
    if lower in _FIRST_PERSON:
        return _Speaker(pronoun.text, "", described=True)
    if lower == "one" and not any(child.dep_ == "prep" for child in pronoun.children):
        return _one_of(pronoun, ctx, mentions)  # "one of them said" names its group itself
    plural = lower in _PLURAL_PRONOUNS
    sex = _PRONOUN_SEX.get(lower, "")
    paragraph = _paragraph_of(ctx, pronoun.idx)
    others = _named_in_its_clause(pronoun, ctx)
    candidates = [
        mention
        for mention in mentions
        if mention.position < pronoun.idx
        and _paragraph_of(ctx, mention.position) >= paragraph - _RESOLVE_PARAGRAPHS
        and mention.plural == plural
        and _agrees(mention.speaker, sex, ctx)
        and mention.speaker.name not in others
        # "it" is a thing or a body, never a person named: "when ... Slate magazine produced a
        # profile of Mr. Blumenthal in 2000, it said he had "enlisted in the Marines ..."" is Slate
        and not (lower == "it" and not mention.speaker.described)
    ]
    if lower == "it" and not candidates:
        previous = pronoun.doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
        organisation = _organisation_referred(pronoun, ctx, since=pronoun.doc[previous].idx)
        if organisation is not None:
            return _Speaker(organisation.name, "", described=False)
    if candidates:
        # In the paragraph of the nearest candidate a subject outranks a nearer object: "he" in "he
        # told one reporter" is the Mr. Trump who "blamed" someone, not "former Speaker Paul D.
        # Ryan" named after "a clear reference to"; an earlier paragraph's subject does not ("NPR
        # reached a commander with one rebel faction" before "he says"); and a main clause's subject
        # outranks the subject of a clause inside it ("Romney ... said Trump "put forth ..."" then
        # "He tweeted" is Romney), and so on down ("he courted Trump's endorsement -- even after
        # Trump had led the "birther" controversy against Obama, insisting that Obama release
        # ..." then "he said" is Trump, not the Obama of the clause inside Trump's).
        nearest = _paragraph_of(ctx, candidates[-1].position)
        subjects = [m for m in candidates if m.subject and _paragraph_of(ctx, m.position) == nearest]
        if subjects and all(m.hypothetical for m in subjects):
            # "Romney didn't endorse a candidate ... It was, in effect, an argument for a contested
            # convention, which would come only if Trump couldn't win ... "...," he said." is
            # Romney: a subject only supposed, in an "if" clause, does not take up the story
            earlier = [
                m
                for m in candidates
                if m.subject and m.depth == 0 and _paragraph_of(ctx, m.position) == nearest - 1
            ]
            subjects = earlier or subjects
        shallowest = min((m.depth for m in subjects), default=0)
        chosen = ([m for m in subjects if m.depth == shallowest] or candidates)[-1]
        if not chosen.people:
            # "the discussions continued ... They also said": "they" stands for what is no
            # speaker, or for someone the parse cannot tell; an earlier group is a guess
            return _Speaker(pronoun.text, "", described=True)
        chain = None if chosen.subject else _earlier_subject_pronoun(pronoun, chosen, ctx)
        return chosen.speaker if chain is None else _resolve(chain, ctx, mentions)
    # No person in the last few paragraphs: "he" is the one the article is about so far
    protagonist = (
        None if plural or lower == "it" else _antecedent(pronoun, ctx, paragraphs=len(ctx.paragraphs))
    )
    if protagonist is not None and _agrees(protagonist, sex, ctx) and protagonist.name not in others:
        return protagonist
    return _Speaker(pronoun.text, "", described=True)


def _one_of(pronoun: Token, ctx: _Context, mentions: Sequence[_Mention]) -> _Speaker:
    """ "one" as a subject is one member of the people last named as a group in its paragraph:
    "A dozen officers in plain clothes and uniforms stood watch as he spoke; one warned
    photographers to "remain stationary"" is one of the officers, not the "he" who spoke."""
    paragraph = _paragraph_of(ctx, pronoun.idx)
    groups = [
        mention
        for mention in mentions
        if mention.position < pronoun.idx
        and mention.plural
        and mention.people
        and _paragraph_of(ctx, mention.position) == paragraph
    ]
    if not groups:
        return _Speaker(pronoun.text, "", described=True)
    group = groups[-1].speaker
    name = group.name[:1].lower() + group.name[1:] if group.described else group.name
    return _Speaker(f"one of {name}", "", described=True)


def _named_in_its_clause(pronoun: Token, ctx: _Context) -> set[str]:
    """The people a subject pronoun's own clause names after it outside quotes, whom it cannot
    stand for ("he said, referring to Buffett": not Buffett). Chomsky's binding principle C: a
    name is not bound by a pronoun that c-commands it. Only names after the pronoun count: a
    parse that hangs a whole sentence on the pronoun's verb puts before it names the pronoun
    does not c-command ("Gorsuch, who ..., provided the expected performance ...; he stated"); and
    news repeats a name inside a clause of its own ("he told reporters ..., referring to an exchange
    with Speaker Nancy Pelosi ... to negotiate an end to the shutdown ..., which Mr. Trump
    threatened to keep closed"), so a name in a clause of its own does not."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return set()
    verb = pronoun.head
    names = _names_in_clause(verb, ctx, after=pronoun.right_edge.i)
    if verb.dep_ == "parataxis" and _is_speech_verb(verb):
        # "Saying President Obama, he said, was "too simple an answer."": the verb set between
        # commas reports the clause it interrupts, whose names "he" cannot stand for either
        names |= _names_in_clause(verb.head, ctx, apart=range(verb.left_edge.i, verb.right_edge.i + 1))
    return names


def _names_in_clause(verb: Token, ctx: _Context, *, after: int = -1, apart: range = range(0)) -> set[str]:
    """The people the verb's clause names outside quotes and outside any clause of their own,
    from token ``after`` on and outside the tokens ``apart``."""
    names = set()
    for token in verb.subtree:
        if token.i <= after or token.i in apart or ctx.quoted[token.i] >= 0:
            continue
        head = _name_head(token, ctx)
        if head is not None and not _in_a_clause_of_its_own(head, verb):
            names.add(_named(head, _name_tokens(head), ctx).name)
    return names


# Words that open a clause set against the one before it, not one reporting what was said.
_CONCEDING = frozenset({"though", "although", "while", "whereas", "but"})


def _in_a_clause_of_its_own(token: Token, verb: Token) -> bool:
    """Whether a relative or joined clause, or one set against the verb's ("He also said he
    "certainly" does not know ... -- though, when asked repeatedly, Weiner declined to say ..."),
    stands between the token and the verb; "he said as Barrett stood alongside him" has none."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in {"relcl", "acl", "conj", "parataxis"}:
            return True
        if token.dep_ in {"advcl", "ccomp"} and any(child.lower_ in _CONCEDING for child in token.children):
            return True  # the parser makes "though ... Weiner declined" a reported clause too
        token = token.head
    return False


def _earlier_subject_pronoun(pronoun: Token, chosen: _Mention, ctx: _Context) -> Token | None:
    """The first same pronoun that is a subject in the paragraph of ``chosen``, before it: "He said
    that he had hired ... a lawyer ... but said he did not know": the "he" continues the chain
    that began before "a lawyer" was named, not the lawyer (an object)."""
    paragraph = _paragraph_of(ctx, chosen.position)
    for token in ctx.doc[: pronoun.i]:
        if token.idx >= chosen.position:
            break
        if (
            token.lower_ == pronoun.lower_
            and token.dep_ in {"nsubj", "nsubjpass"}
            and ctx.quoted[token.i] < 0
            and _paragraph_of(ctx, token.idx) == paragraph
        ):
            return token
    return None


def _agrees(speaker: _Speaker, sex: str, ctx: _Context) -> bool:
    """Whether a pronoun of this sex ("" for one that states none) can stand for the speaker."""
    return not sex or _sex_of(speaker, ctx) in {"", sex}


def _sex_of(speaker: _Speaker, ctx: _Context) -> str:
    """ "male", "female", or "" when the article does not say: from a description's head noun
    ("his wife"), the role's first word ("Mr."), how the article titles the person elsewhere, or
    else the first name ("Sally Yates")."""
    if speaker.described:
        return sex_of_word(speaker.name.split()[-1] if speaker.name.split() else "")
    role = speaker.role.split()
    return (
        (sex_of_word(role[0]) if role else "")
        or ctx.sexes.get(speaker.name, "")
        or sex_of_first_name(speaker.name)
    )


def _sexes(doc: Doc, names: Names, article_id: str) -> dict[str, str]:
    """The sex of each person the article titles "Mr."/"Ms." or sets beside a noun that says it
    ("his wife, Margaret", "Her son Matthew Denice"), by the name the entity analysis gave them.

    The small English model knows no sex of a name; the article's own words do. A person given
    both (two people merged under one name) is left out: nothing is known of them.
    """
    found: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        root = ent.root
        cues = [doc[ent.start - 1]] if ent.start > 0 else []
        cues.extend(ent[:1])
        if root.dep_ == "appos":
            cues.append(root.head)
        cues.extend(child for child in root.children if child.dep_ == "appos")
        sexes = {sex for sex in (sex_of_word(token.text) for token in cues) if sex}
        if not sexes:
            continue
        entity = names.at(article_id, root.idx)
        found.setdefault(entity.name if entity is not None else _clean_name(ent.text), set()).update(sexes)
    return {name: sexes.pop() for name, sexes in sorted(found.items()) if len(sexes) == 1}


def _mentions(ctx: _Context) -> list[_Mention]:
    """People the article mentions outside quotes, in text order."""
    doc = ctx.doc
    found: list[_Mention] = []
    for token in doc:
        if ctx.quoted[token.i] >= 0:
            continue
        head = _name_head(token, ctx)
        if head is not None:
            if _owns_the_subject(head):
                # "Mr. Mattis's letter did not single out any decision. ... He said": the writer
                # of what the clause tells of, no subject itself, so a named subject outranks it
                speaker = _carry_role(_named(head, _name_tokens(head), ctx), [m.speaker for m in found])
                found.append(_Mention(token.idx, speaker, False, False, -1))
                continue
            if head.dep_ in {"compound", "poss", "attr"} and head.head.ent_type_ != "PERSON":
                continue
            if _asked_about(head) or head.lower_ in PLATFORMS:
                continue  # the tagger makes "on Twitter" a person now and then; no "he" stands for it
            speaker = _named(head, _name_tokens(head), ctx)
            found.append(
                _Mention(
                    token.idx,
                    speaker,
                    False,
                    _is_subject(head),
                    _subject_depth(head),
                    hypothetical=_in_a_condition(head),
                )
            )
            if head.dep_ in {"nsubj", "nsubjpass"} and _co_speakers(head):
                # "Mr. Udall and Mr. Wyden released a joint statement ...": a later "they"
                joint = _speakers_of(head, ctx, ())
                found.append(_Mention(token.idx, joint, True, True, _subject_depth(head)))
        elif (
            (token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS) or _is_age_noun(token)
        ) and token.dep_ not in {"pobj", "attr", "compound", "poss", "appos"}:
            if any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in token.head.children):
                continue
            speaker = _speaker_of(token, ctx, ())
            start = min(t.idx for t in token.subtree)
            plural = token.tag_ in {"NNS", "NNPS"}
            found.append(_Mention(start, speaker, plural, _is_subject(token), _subject_depth(token)))
        elif _joint_places_speaking(token):
            # "Oklahoma and Nebraska said the influx had led to more arrests ... They say": states
            # that sue or complain speak as one, and a later "they" continues them
            joint = _speakers_of(token, ctx, ())
            found.append(
                _Mention(min(t.idx for t in token.subtree), joint, True, True, _subject_depth(token))
            )
        elif (members := _group_members(token)) is not None:
            speaker = _speaker_of(token, ctx, ())
            start = min(t.idx for t in token.subtree)
            people = _names_people(members)
            found.append(_Mention(start, speaker, True, _is_subject(token), _subject_depth(token), people))
    found.sort(key=lambda mention: mention.position)
    # a name the parse could not read ("Martin Luther King Jr.'s event" ends in "'s") is no one
    return [mention for mention in found if mention.speaker.name]


def _owns_the_subject(name: Token) -> bool:
    """Whether the name owns its clause's subject, a thing and no person ("Mr. Mattis's letter
    did not single out any decision"): the clause tells of that person's act, and a later "he"
    can continue them, where the owner of an object ("condemned Mr. Trump's approach") is passed
    over as before."""
    owned = name.head
    return (
        name.dep_ == "poss"
        and owned.dep_ in {"nsubj", "nsubjpass"}
        and owned.ent_type_ != "PERSON"
        and owned.lemma_.lower() not in _PEOPLE_WORDS
    )


def _joint_places_speaking(token: Token) -> bool:
    """Whether ``token`` heads places or organisations named together as the subject of a speech
    verb ("Oklahoma and Nebraska said"), which a later "they" may stand for."""
    return (
        token.dep_ == "nsubj"
        and token.pos_ == "PROPN"
        and token.ent_type_ in {"GPE", "ORG"}
        and any(child.dep_ == "conj" and child.ent_type_ in {"GPE", "ORG"} for child in token.children)
        and _is_speech_verb(token.head)
    )


def _asked_about(name: Token) -> bool:
    """Whether the name is a question by itself, one put to the speaker of the answer after it
    ("Governor Christie? "Strong," he said.": Mr. Trump's verdict on Christie)."""
    following = name.i + 1
    return (
        name.dep_ == "ROOT"
        and following < len(name.doc)
        and name.doc[following].text == "?"
        and all(token.pos_ not in {"VERB", "AUX"} for token in name.doc[name.sent.start : name.i])
    )


def _group_members(token: Token) -> Token | None:
    """The plural noun that names the members of the group ``token`` heads, if it heads one a
    later "they" can stand for; None if it heads none.

    Groups speak in news as often as people do, and "they" continues them: "House Republicans
    have argued that ... They add that ...", "Protesters gathered ... They argued that ...", "A
    majority of Democrats in the room said they agreed ...", "Many of Ms. Tlaib's new colleagues
    expressed sympathy ..., even as they said ...". The parse says which: the subject of a
    clause that is a plural noun (itself the members), or a quantity ("a majority", "many",
    "some") of one (its "of" object); or a plural group named by party or nationality (tagged
    NORP: "the objections of some Republicans"), wherever it stands. A plural noun that is no
    subject ("the bills") is no group. Whether the members are people is ``_names_people``.
    """
    if token.dep_ in {"compound", "poss", "appos", "conj"}:
        return None
    if token.tag_ == "NNPS" and token.ent_type_ == "NORP":
        return token
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if token.tag_ in {"NNS", "NNPS"}:
        return token
    members = (
        grand
        for child in token.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for grand in child.children
        if grand.dep_ == "pobj" and grand.tag_ in {"NNS", "NNPS"}
    )
    return next(members, None)


def _names_people(noun: Token) -> bool:
    """Whether a plural noun names people, as far as the parse and the shared lexicon tell: a
    party, nationality or organisation ("Republicans", "House Democrats", "Liberal groups"), a
    noun of people or of a role ("protesters", "officials": ``PERSON_NOUNS``, ``PEOPLE_NOUNS``,
    ``TITLES``, ``ORGANISATION_NOUNS``), or one a "who" clause describes ("opponents who ...").
    Only people speak: a quote is never the words of "the issues" or "the discussions"."""
    lemma = noun.lemma_.lower()
    if noun.ent_type_ in {"NORP", "ORG", "PERSON"} or lemma in _PEOPLE_WORDS:
        return True
    return any(
        child.dep_ == "relcl" and any(word.lower_ in {"who", "whom"} for word in child.children)
        for child in noun.children
    )


def _name_head(token: Token, ctx: _Context) -> Token | None:
    """The last word of the person's name that starts at ``token``, or None if none starts there.

    A PERSON entity, or a surname of a person the story names in full that the tagger called
    something else here ("Trump said he'd like Obama to show ..." with "Trump" tagged ORG): a
    person the pronouns after it can stand for, as ``_person_subjects`` counts them.
    """
    # "An angry Trump lashed out": the tagger made the name a common noun, the entity a person
    # (not at a sentence's start, where a capital says nothing: "Midway through her 18-song set")
    tagged_name = token.pos_ == "PROPN" or (
        token.ent_type_ == "PERSON" and token.text[:1].isupper() and not token.is_sent_start
    )
    if tagged_name and token.ent_iob_ == "B":
        end = token.i
        # a finite verb the tagger ran into the name is none of it ("Daniel scoffed and said")
        while (
            end + 1 < len(token.doc)
            and token.doc[end + 1].ent_iob_ == "I"
            and not is_verb_in_a_name(token.doc[end + 1])
        ):
            end += 1
        last = token.doc[end]
        if token.ent_type_ == "PERSON" or _set_beside_a_person_noun(last):
            return last
    untagged = _untagged_name_after_title(token)
    if untagged is not None:
        return untagged
    return token if ctx.names.is_known_surname(token, ctx.article_id) else None


def _untagged_name_after_title(token: Token) -> Token | None:
    """The last word of a first name and surname that the tagger left untagged right after a
    title: "Premier Matteo Renzi visited the zone ..." (no entity), a person whom the "He
    promised ..." after it stands for."""
    if token.i == 0 or not _is_untagged_name_word(token) or not is_title(token.doc[token.i - 1].text):
        return None
    last = token
    while last.dep_ == "compound" and last.head.i == last.i + 1 and _is_untagged_name_word(last.head):
        last = last.head
    return last if last.i > token.i else None


def _is_untagged_name_word(token: Token) -> bool:
    """A capitalised proper noun with no entity tag that is no title word ("Minister")."""
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.is_alpha
        and token.text[:1].isupper()
        and not is_title(token.text)
    )


def _set_beside_a_person_noun(name: Token) -> bool:
    """A name the tagger gave another kind that the article sets beside a noun for a person:
    "Theodus Times II, owner of the Rahming-Poitier Funeral Home, has ..." (tagged ORG)."""
    return (
        name.pos_ == "PROPN"
        and not _is_dateline(name)  # "HARTFORD, Conn. — Connecticut Attorney General ..."
        and any(child.dep_ == "appos" and child.lemma_.lower() in PERSON_NOUNS for child in name.children)
    )


def _is_subject(head: Token) -> bool:
    """Whether the mention is its clause's subject, itself or as the name beside a subject noun
    ("Her son Matthew Denice ... was killed") or an example of it ("Others, like the progressive
    economist Dean Baker, were less kind"), or the clause's source ("..., according to Mushtaq
    Gill, chief advocate at ...", whom the "He said" after it continues); an object, a list member
    or a name after "to" is not.

    Salience by grammatical role, after Lappin and Leass (1994, "An algorithm for pronominal
    anaphora resolution"): news continues its subject with "he" and "she".
    """
    return _clause_subject(head) is not None


def _clause_subject(head: Token) -> Token | None:
    """The subject the mention is or stands in (see ``_is_subject``), None if it is no subject."""
    subject_deps = {"nsubj", "nsubjpass"}
    if head.dep_ in subject_deps:
        return head
    noun = head.head if head.dep_ in {"appos", "compound"} else head
    if noun.dep_ == "pobj" and noun.head.lower_ in {"like", "including"}:
        noun = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return noun.head.head  # the source stands where the subject would, on the clause's verb
    return noun if noun.dep_ in subject_deps else None


def _in_a_condition(head: Token) -> bool:
    """Whether the clause the name is the subject of, or one it hangs in, is a condition ("if",
    "unless"): what it says of the person is only supposed."""
    subject = _clause_subject(head)
    if subject is None:
        return False
    verb = subject.head
    while verb.head.i != verb.i:
        if any(child.dep_ == "mark" and child.lower_ in {"if", "unless"} for child in verb.children):
            return True
        verb = verb.head
    return False


def _subject_depth(head: Token) -> int:
    """How many clauses down the mention is the subject: 0 for the subject of its sentence's main
    clause, 1 for the subject of a clause inside that, and so on; -1 for no subject at all. In
    "Trump said he'd like Obama to show his birth certificate" Trump is at 0, Obama below.

    Hobbs (1978, "Resolving pronoun references") searches the sentences before a pronoun top
    down, so a main clause's subject comes before the subject of a clause it holds; news
    continues that person with "he": "Jerry Pow ... told Mr. Dale that he'd back Mr. Moore even if
    the candidate had committed a sex crime. "...," he said." is Pow's.
    """
    subject = _clause_subject(head)
    if subject is None:
        return -1
    depth = 0
    verb = subject.head
    while verb.head.i != verb.i:
        if verb.dep_ not in {"conj", "parataxis"}:
            depth += 1
        verb = verb.head
    return depth


# ---------------------------------------------------------------------------------------------
# Attribution


@dataclass(frozen=True, slots=True)
class _Attribution:
    verb: Token
    speaker_head: Token
    recounter: Token | None = None  # who tells the words over ("Holder recalled"), not their speaker


def _attribution_after(ctx: _Context, unit: _Unit, inside: tuple[int, int] | None) -> _Attribution | None:
    """ "A," X said / "A?" asked X: a speech verb in the rest of the sentence after the quote; or a
    fragment in what that verb reports ("Trump thinks Moore "will do the right thing and step
    aside" if ..., the White House said") when no speech verb stands before it in its sentence
    (ZeroHedge's unpunctuated "Kerry swears his phone call ... was "robust" Lavrov said on
    Wednesday ..." parses "robust" into what Lavrov said)."""
    last = unit.pieces[-1]
    text = ctx.text
    tail = text[last.start : last.close_end].rstrip("”\"'’» ")
    after = text[last.close_end : last.close_end + 3].lstrip()
    ends_open = (
        tail.endswith((",", "?", "!", "—", "–", "-"))
        or text[last.start : last.close_end].rstrip("”\"'’» ").endswith(",")
        or after.startswith((",", "—", "–"))
    )
    tokens = _window(ctx, last.close_end, +1, inside)
    if _aside_follows(tokens) or _new_sentence_after(ctx, unit, tail, tokens):
        return None
    for token in tokens:
        if _is_speech_verb(token):
            head = _subject(token)
            if head is not None and inside is None and ctx.quoted[head.i] >= 0:
                head = _phrase_head(tokens[: tokens.index(token)])
            if (
                head is None
                or _introduces_next_quote(ctx, token)
                or (inside is not None and _says_a_thing(token))
            ):
                return None
            sentence_like = _looks_like_sentence(text[unit.pieces[0].start : unit.pieces[0].end])
            if (
                ends_open
                or (sentence_like and _starts_clause(tokens, token, head) and not _reports_its_own(token))
                or (
                    (not sentence_like or _opens_its_sentence(ctx, unit))
                    and _in_reported_clause(token, unit.pieces[0], ctx)
                    and not any(_is_speech_verb(t) for t in _window(ctx, unit.pieces[0].open_at, -1, inside))
                )
            ):
                return _Attribution(token, head)
            return None
        if token.text in _TERMINATORS:
            break
    return None


def _says_a_thing(verb: Token) -> bool:
    """Whether "say" has a thing for its object, which is what it reports: inside Ocasio-Cortez's
    ""... just 'locker room talk,' but scandalizing themselves into faux-outrage when my sis says
    a curse word in a bar"" the sister says a curse word, not the nested words before it."""
    return verb.lemma_.lower() == "say" and any(
        child.dep_ == "dobj" and child.pos_ == "NOUN" for child in verb.children
    )


def _new_sentence_after(ctx: _Context, unit: _Unit, tail: str, tokens: Sequence[Token]) -> bool:
    """Whether the writer's sentence ends with a quotation that ends it and a new one follows:
    "The Obama Doctrine is a slightly saltier version of "Don't Do Stupid Stuff." The Bush
    Doctrine argued for preventive strikes" (the next word capitalised, no name); but not "He
    "should be forced to resign from Congress!" the president wrote on Twitter"."""
    following = next((token for token in tokens if not token.is_space), None)
    return (
        tail.endswith(tuple(_TERMINATORS))
        and not _opens_its_sentence(ctx, unit)
        and following is not None
        and following.text[:1].isupper()
        and following.pos_ != "PROPN"
    )


def _opens_its_sentence(ctx: _Context, unit: _Unit) -> bool:
    """Whether the quotation opens its sentence: ""The science was never there" for the LDL
    targets, he said." is one sentence whose speaker follows the words that finish it."""
    first = ctx.doc.char_span(unit.pieces[0].start, unit.pieces[0].end, alignment_mode="expand")
    return first is not None and len(first) > 0 and first[0].sent.start >= first[0].i - 1


_SHORT_ASIDE_TOKENS = 4  # "(" "he" "said" ")"


def _aside_follows(tokens: Sequence[Token]) -> bool:
    """Whether the words after a quote open a parenthesis that is a sentence of its own, not a
    short "(he said)": ""How many other women did you cheat on your wife with ...?" (Daniels, whose
    real name is Stephanie Clifford, claims she slept with Trump ...)" is the lawyer's question,
    and the aside tells what Daniels claims."""
    if not tokens or tokens[0].text != "(":
        return False
    closing = next((n for n, token in enumerate(tokens) if token.text == ")"), len(tokens))
    return closing > _SHORT_ASIDE_TOKENS


def _reports_its_own(verb: Token) -> bool:
    """Whether a speech verb after a closed quotation reports words of its own, after it: in
    ""Economics is counterintuitive. It just is." I told him that surely is true" the writer
    tells Conard something; the quotation is not the writer's."""
    return any(child.dep_ == "ccomp" and child.i > verb.i for child in verb.children)


def _phrase_head(tokens: Sequence[Token]) -> Token | None:
    """The speaker between a quote and its speech verb, when the parser made a word inside the
    quote marks the verb's subject (""Georgia Gov. Brian Kemp, squaring off with President
    Trump," a narrator says" parses Kemp as the subject): the first noun of those words whose head
    lies outside them. The quote's own words never name its speaker; None when no noun stands there.
    """
    inside = {token.i for token in tokens}
    for token in tokens:
        if token.pos_ in {"NOUN", "PROPN", "PRON"} and token.head.i not in inside:
            return token
    return None


def _introduces_next_quote(ctx: _Context, verb: Token) -> bool:
    """Whether the speech verb's clause ends in a colon before quote marks: it introduces the quote
    after it, not the one before ("... Wait until when?" Then an unseen announcer concludes: "The
    world needs American strength ..."": the question is the prime minister's)."""
    for token in ctx.doc[verb.i + 1 :]:
        if token.is_punct:
            rest = ctx.text[token.idx + len(token.text) :].lstrip(" ")
            return token.text == ":" and rest[:1] in _OPEN_DOUBLE + '"'
    return False


def _according_after(ctx: _Context, unit: _Unit, inside: tuple[int, int] | None) -> _Attribution | None:
    """ ""A," according to the U.S. Attorney's Office.": the source after a quote that ends open,
    when no speech verb attributes it ("Trump asserted that he had "A," according to CNN" is
    Trump's, as CNN reported it)."""
    last = unit.pieces[-1]
    if not ctx.text[last.start : last.close_end].rstrip("”\"'’» ").endswith(","):
        return None
    for token in _window(ctx, last.close_end, +1, inside):
        source = _according_to(token)
        if source is not None:
            return _Attribution(token, source)
        if token.text in _TERMINATORS:
            break
    return None


def _starts_clause(tokens: Sequence[Token], verb: Token, head: Token) -> bool:
    """The words after a quote with no comma are just "X said" (sloppy "Q" X said)."""
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return False
    subject_ids = {t.i for t in head.subtree}
    index = 0
    while index < len(words) and (words[index].i in subject_ids or words[index].i == verb.i):
        index += 1
    return index > 0 and any(t.i == verb.i for t in words[:index])


def _attribution_before(ctx: _Context, unit: _Unit, inside: tuple[int, int] | None) -> _Attribution | None:
    """X said: "A" / X said that "a": the nearest speech verb before the quote, if the quote is its content."""
    first = unit.pieces[0]
    tokens = _window(ctx, first.open_at, -1, inside)
    mark = ctx.text[: first.open_at].rstrip()[-1:]
    introduced = mark in {":", ","}
    for token in reversed(tokens):
        according = _according_to(token)
        if according is not None and introduced and _introduces(token, first):
            return _Attribution(token, according)
        if not _is_speech_verb(token) or _describes_a_noun(token, first):
            continue
        head = _subject(_outside_the_quotation(ctx, token) if inside is None else token)
        if head is None or (inside is None and ctx.quoted[head.i] >= 0):
            return None  # a word of another quote ("apologized to ... "anyone I may have offended"") is no speaker
        if _not_said(token, first):
            return None
        if (
            (introduced and _introduces(token, first))
            or (mark == ":" and _reports_up_to_the_quote(token, first))
            or _is_content(token, first, ctx)
            or _as_said(token, first, ctx)
        ):
            return _Attribution(token, head)
        return None
    return None


def _as_said(verb: Token, segment: _Segment, ctx: _Context) -> bool:
    """Whether the speech verb is in an "as" clause that vouches for the clause it hangs on, the
    quote's: "the theme that, as Axelrod said, Biden showed "passion"" is Axelrod's word. A quote
    ended by a comma is left to the speaker named after it ("As HuffPost reported Wednesday, the
    administration opted to lift the 2014 ban after determining that ... would "enhance the
    survival of the species in the wild," a spokesperson ... said")."""
    if verb.dep_ != "advcl" or not any(
        child.dep_ == "mark" and child.lower_ == "as" for child in verb.children
    ):
        return False
    if "," in ctx.text[segment.end : segment.close_end + 2]:
        return False  # ""... in the wild," a spokesperson ... said": its own speaker follows
    return any(token.idx >= segment.start and ctx.quoted[token.i] >= 0 for token in verb.head.subtree)


def _outside_the_quotation(ctx: _Context, verb: Token) -> Token:
    """The verb whose subject speaks: the speech verb itself, or, when the parser joined it to a
    verb inside another quotation, the first verb outside that quotation above it: in "Thune ...
    added that Democrats "have not laid a glove on him" in the hearings and predicted the judge
    would get an "affirmative" vote" the prediction is Thune's, not the Democrats'."""
    if verb.dep_ != "conj" or ctx.quoted[verb.head.i] < 0:
        return verb
    above = verb.head
    while ctx.quoted[above.i] >= 0 and above.head.i != above.i:
        above = above.head
    return above if ctx.quoted[above.i] < 0 and above.pos_ in {"VERB", "AUX"} else verb


def _negated_or_refused(verb: Token) -> bool:
    """Whether the verb is negated ("would not say") or what its subject declines, refuses or fails
    to do ("declined to say", "refused to even say")."""
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"decline", "refuse", "fail"}


def _not_said(verb: Token, segment: _Segment) -> bool:
    """Whether the quote names the words that the speech verb before it says its subject did not
    say: its object, of a verb negated ("still cannot say the two words 'Radical Islam'"), refused,
    declined or failed ("President Obama disgracefully refused to even say the words 'Radical
    Islam'"). What such a verb reports is another matter: "refusing to say the Holocaust was a
    "factual, historical event"" quotes the principal's own words. A denial is not among them
    (""I never met him," she denied" are her words), nor what someone chose not to do: "instead of
    insisting on the "big beautiful wall" he promised" names words he did say, before."""
    if not _negated_or_refused(verb):
        return False
    named = [
        child for child in verb.children if child.dep_ in {"dobj", "prep"}
    ]  # "didn't ask for a 'summary'"
    return any(segment.start <= token.idx < segment.end for noun in named for token in noun.subtree)


def _describes_a_noun(verb: Token, segment: _Segment) -> bool:
    """A speech verb that only describes a noun, with no subject of its own and the quote outside
    it: "Issa ... said the interactions described by the White House "represent an illegal quid
    pro quo"" reports Issa's words; "described" says what the interactions are, nobody speaks
    by it, so the search goes on to the verb before it."""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and not _has_own_subject(verb)
        and not any(segment.start <= token.idx < segment.end for token in verb.subtree)
    )


def _introduces(verb: Token, segment: _Segment) -> bool:
    """ "X said, "A"" / "summarised by X: "A"": no other verb between the speech verb and the quote."""
    for token in verb.doc[verb.i + 1 :]:
        if token.idx >= segment.open_at:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            return False
    return True


def _reports_up_to_the_quote(verb: Token, segment: _Segment) -> bool:
    """ "Pence said on Fox News that the terms of the negotiations were clear: "Bottom line, if
    there's no wall, there's no deal."": what the speech verb reports runs up to the colon right
    before the quote, which goes on with it; every verb between is in the verb's own clause."""
    if not any(token.dep_ == "ccomp" for token in verb.children):
        return False
    inside = range(verb.left_edge.i, verb.right_edge.i + 1)
    for token in verb.doc[verb.i + 1 :]:
        if token.idx >= segment.open_at:
            return True
        if token.pos_ in {"VERB", "AUX"} and token.i not in inside:
            return False
    return True


def _is_content(verb: Token, segment: _Segment, ctx: _Context) -> bool:
    """Some word of the quote hangs from the verb through a complement (not "..., citing ..."),
    or from the clause a parenthetical verb interrupts ("each possibility, she said, was
    considered "as the evidence presented itself"")."""
    doc = ctx.doc
    inner = [t for t in doc if segment.start <= t.idx < segment.end]
    if verb.dep_ == "parataxis" and any(verb.head in t.ancestors or t == verb.head for t in inner):
        return _between_commas(verb)
    for token in inner:
        current = token
        path: list[Token] = []
        while current.head.i != current.i and current.i != verb.i:
            path.append(current)
            current = current.head
        if current.i == verb.i and path:
            child = path[-1]
            if child.dep_ not in _NOT_CONTENT and not _addressed(verb, path):
                return True
    return False


def _in_reported_clause(verb: Token, segment: _Segment, ctx: _Context) -> bool:
    """Some word of the quote lies in the clause the verb reports (its ``ccomp``): "Trump thinks
    Moore "will do the right thing" ..., the White House said". A phrase that only sets the scene
    ("In an interview shown on the "Today" show, Mr. Trump told ...") is not what was said."""
    reported = [child for child in verb.children if child.dep_ == "ccomp"]
    return any(segment.start <= token.idx < segment.end for clause in reported for token in clause.subtree)


def _addressed(verb: Token, path: Sequence[Token]) -> bool:
    """Whether the path from a quoted word up to the speech verb stays inside the one it
    addresses, not what was said: the direct object of "tell", "warn", "urge" when no indirect
    object stands beside it ("Trump told NBC's "Today" show" names a programme, not Trump's
    words; in "told him the truth" the listener is the dative and the truth the object).

    A clause on the way up is what was told, wherever the parser hangs it: "Holder told the
    students he understands "the mistrust"" parses "he understands" as a relative clause.
    """
    return (
        path[-1].dep_ == "dobj"
        and verb.lemma_.lower() in _ADDRESSEE_VERBS
        and not any(other.dep_ == "dative" for other in verb.children)
        and not any(token.pos_ in {"VERB", "AUX"} for token in path[:-1])
    )


def _between_commas(verb: Token) -> bool:
    """The verb's own words ("she said") are set off by commas on both sides: a parenthetical."""
    tokens = list(verb.subtree)
    doc = verb.doc
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    inside_commas = tokens[0].text == "," and tokens[-1].text == ","
    return inside_commas or (before is not None and after is not None and before.text == after.text == ",")


def _looks_like_sentence(text: str) -> bool:
    words = _WORD.findall(text)
    # "[We worked] 24/7 ...": the writer's bracketed words may open a quoted sentence
    opening = text[1:2] if text[:1] == "[" else text[:1]
    return len(words) >= 3 and (opening.isupper() or opening in "…." or opening.isdigit())


@dataclass(slots=True)
class _Attributed:
    """A quote with its speaker; ``number`` is its first unit, ``verb_at`` where its speech verb is."""

    number: int
    unit: _Unit
    speaker: _Speaker
    verb_at: int


def _article_quotes(
    article: Article,
    doc: Doc,
    names: Names,
    elsewhere: dict[tuple[str, ...], list[_Speaker]] | None = None,
) -> tuple[list[_Found], list[Span], list[_Said]]:
    """Direct quotes of one article, then its indirect attributions, each with its speaker; the
    spans of the quoted phrases with no speaker found (titles, scare quotes, ...); and who said
    each quoted piece, guessed or not.

    ``elsewhere`` holds the quoted sentences the other outlets give a speaker in their own words
    (``_sentence_speakers``): a bare quote paragraph whose words they give to someone else is
    not guessed to go on with the quote before it."""
    said_elsewhere = elsewhere or {}
    text = article.text
    paragraphs = _paragraphs(text)
    all_segments = _segments(text, paragraphs)
    segments = [segment for segment in all_segments if not _is_title(text, segment)]
    left_out = [_Unit([segment]) for segment in all_segments if _is_title(text, segment)]
    units = _units(text, segments, paragraphs)
    quoted = _mark_tokens(doc, units)
    ctx = _Context(
        doc,
        text,
        [token.idx for token in doc],
        paragraphs,
        [lo for lo, _ in paragraphs],
        quoted,
        article.id,
        names,
        _person_subjects(doc, quoted, names, article.id),
        _sexes(doc, names, article.id),
    )
    mentions = _mentions(ctx)
    attributed: list[_Attributed] = []
    said: list[_Said] = []
    in_gap: set[int] = set()  # units inside the attribution between two pieces of one quote
    for number, unit in enumerate(units):
        nested = unit.pieces[0].nested
        inside = _enclosing(unit, units) if nested else None
        if nested and inside is None:
            continue
        split = None if nested else _split_from(ctx, unit, attributed)
        if split is not None:
            split.unit = _joined(split.unit, unit)
            said.append(_Said(_unit_text(text, unit), split.speaker, False))
            continue
        attribution = _attribution(ctx, unit, inside)
        if attribution is not None and attribution.speaker_head.lower_ == "you":
            # "ways you can say "thank you"", "Now I know you say, 'Isn't he ...'": words the
            # writer or a speaker supposes the reader says, no one's
            attribution = None
        previous = None
        guessed = False
        if attribution is None and not nested:
            previous = _continuation(ctx, unit, attributed)
            attribution = _reporter_before(ctx, unit) if previous is None else None
            guessed = previous is None or previous.unit.pieces[-1].paragraph != unit.pieces[0].paragraph
        if attribution is not None:
            speaker = _speakers_of(attribution.speaker_head, ctx, mentions)
            if attribution.recounter is not None:
                speaker = _not_the_recounter(speaker, attribution, ctx, mentions)
            if inside is not None and attribution.speaker_head.lower_ in _SPEAKER_PRONOUNS:
                speaker = _speaker_around(attributed, inside) or speaker
            speaker = _carry_role(speaker, [item.speaker for item in attributed])
            if _guess_refuted(guessed, _unit_text(text, unit), speaker, said_elsewhere):
                left_out.append(unit)
                continue
            said.append(_Said(_unit_text(text, unit), speaker, guessed))
            attributed.append(_Attributed(number, unit, speaker, attribution.verb.idx))
            if inside is None:
                # a quote inside a quote names whom the outer speaker tells of ("multiple senior
                # officials have stated that ... 'millions of Americans,'"), no one a later "they"
                # outside the quote stands for
                mentions = _add_mention(mentions, attribution.verb.idx, speaker)
        elif previous is not None:
            if _guess_refuted(guessed, _unit_text(text, unit), previous.speaker, said_elsewhere):
                left_out.append(unit)
                continue
            said.append(_Said(_unit_text(text, unit), previous.speaker, guessed))
            gap = (previous.unit.pieces[-1].close_end, unit.pieces[0].open_at)
            in_gap.update(n for n in range(previous.number + 1, number) if _inside(units[n], gap))
            previous.unit = _joined(previous.unit, unit)
        elif not nested:
            left_out.append(unit)
    kept = _one_statement_each(ctx, [item for item in attributed if item.number not in in_gap])
    found = [_direct(article, item.unit, item.speaker) for item in kept]
    result = [item for item in found if item is not None]
    result.extend(_without_nested_repeats(_indirect(article, ctx, mentions, [item.unit for item in kept])))
    result.extend(_embedded_posts(article, ctx, [item.span for item in result]))
    result.sort(key=lambda item: (item.span.start, item.span.end, item.kind))
    spans = sorted(
        (span for unit in left_out if (span := _unit_span(article, unit)) is not None),
        key=lambda span: (span.start, span.end),
    )
    return result, spans, said


def _unit_text(text: str, unit: _Unit) -> str:
    """The quoted words of a unit, its pieces joined by spaces."""
    return " ".join(" ".join(text[piece.start : piece.end].split()) for piece in unit.pieces)


def _without_nested_repeats(found: Sequence[_Found]) -> list[_Found]:
    """The reports of an article without one that lies inside another of the same speaker: the
    White House's "Mr. Obama agreed with Ms. Rice's assessment, saying he had raised the same
    concerns several times" holds "he had raised the same concerns several times", which the
    brief would list again as the White House's. The shorter one stays when the longer only puts
    a short report of the speaker's own before it ("they agreed that he's a terrible choice")."""
    dropped: set[int] = set()
    for outer, item in itertools.permutations(range(len(found)), 2):
        longer, shorter = found[outer], found[item]
        if (
            longer.speaker.name == shorter.speaker.name
            and longer.span.start <= shorter.span.start
            and shorter.span.end <= longer.span.end
            and longer.span.end - longer.span.start > shorter.span.end - shorter.span.start
        ):
            dropped.add(outer if _only_a_report_before(longer, shorter) else item)
    return [item for number, item in enumerate(found) if number not in dropped]


def _only_a_report_before(longer: _Found, shorter: _Found) -> bool:
    """Whether the longer report is the shorter one with at most a subject, a verb and "that"
    before it: "they agreed that" of "they agreed that he's a terrible choice"."""
    before = longer.span.text[: shorter.span.start - longer.span.start].split()
    return longer.span.end == shorter.span.end and len(before) <= 3 and bool(before) and before[-1] == "that"


_TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


def _embedded_posts(article: Article, ctx: _Context, found: Sequence[Span]) -> list[_Found]:
    """The words of each post embedded whole in the article (a paragraph that ends on a post's
    signature, "... Very un-American! — Donald J. Trump (@realDonaldTrump) February 15, 2017"),
    as a direct quote of the one who signed it; none where a quote already found covers them."""
    posts: list[_Found] = []
    for lo, hi in ctx.paragraphs:
        signature = POST_SIGNATURE.search(ctx.text, lo, hi)
        if signature is None:
            continue
        words = _TRAILING_LINKS.sub("", ctx.text[lo : signature.start()])
        end = lo + len(words.rstrip())
        if len(words.split()) < 3 or any(span.start < end and lo < span.end for span in found):
            continue
        name = signature.group("name").strip()
        last = ctx.doc.char_span(signature.start("name"), signature.start("name") + len(name), "expand")
        speaker = _resolved(name, last[-1], ctx) if last is not None and len(last) else name
        posts.append(
            _Found(
                "direct",
                " ".join(words.split()),
                _Speaker(speaker, "", described=False),
                Span(article.id, lo, end, ctx.text[lo:end]),
            )
        )
    return posts


def _unit_span(article: Article, unit: _Unit) -> Span | None:
    """The span of a quotation's words, from its first piece to its last (None when empty)."""
    start, end = unit.pieces[0].start, unit.pieces[-1].end
    return Span(article.id, start, end, article.text[start:end]) if end > start else None


# Words that name the quoted words as a term: "what's known as the "nuclear option"", "the
# so-called "Gang of Eight"", "a plan dubbed "Medicare for All"".
_TERM_NAMED = re.compile(
    r"\b(?:known as|so-called|dubbed|termed|nicknamed|referred to as)(?:\s+(?:the|a|an))?\s*$", re.IGNORECASE
)


def _names_a_term(text: str, segment: _Segment) -> bool:
    """Whether the quote is a term that the words before it name, which nobody is quoted saying:
    "his party is willing to use what's known as the "nuclear option"" is the outlet's label, not
    Thune's words."""
    return _TERM_NAMED.search(text, max(0, segment.open_at - 40), segment.open_at) is not None


def _attribution(ctx: _Context, unit: _Unit, inside: tuple[int, int] | None) -> _Attribution | None:
    """The speech verb and speaker of a quote: the verb after it (``"A," X said``), else the verb
    before it whose content it is, else "according to X" after it.

    A fragment inside the writer's own sentence is read the other way round: a speech verb before
    it whose content holds it comes first, since the comma after a fragment ends the clause it
    sits in, not a quotation (Mr. Akin said ... from a "legitimate rape," comments ... including by
    Mr. Romney who called for ...: Akin's words, not Romney's).

    Words one person recounts are the speaker's the sentence names: when the verb that introduces
    the quote ("The officer yelled, "..."", "recalled the senator telling him, "..."") has another
    subject than the verb found, that subject spoke and the other recounts (``_introducing_verb``).
    """
    if _names_a_term(ctx.text, unit.pieces[0]):
        return None
    if _inside_writers_sentence(ctx, unit, inside):
        found = (
            _attribution_before(ctx, unit, inside)
            or _attribution_after(ctx, unit, inside)
            or _according_after(ctx, unit, inside)
        )
    else:
        found = (
            _attribution_after(ctx, unit, inside)
            or _attribution_before(ctx, unit, inside)
            or _according_after(ctx, unit, inside)
        )
    if found is None:
        return None
    owner = _owner_of_words(found.verb, unit, ctx) or _relayed_speaker(found.verb)
    if owner is not None and owner.i != found.speaker_head.i:
        return replace(found, speaker_head=owner, recounter=found.speaker_head)
    introducing = _introducing_verb(ctx, unit, inside)
    if introducing is not None and introducing.speaker_head.i != found.speaker_head.i:
        return replace(introducing, recounter=found.speaker_head)
    return found


def _relayed_speaker(verb: Token) -> Token | None:
    """The one who spoke when the speech verb reports that someone else spoke and says no more:
    in ""We got wiped out in the Midwest," aides said Mr. Ryan told his colleagues" the aides
    relay Ryan's words. Only unnamed people relay so ("aides", "officials", "sources"): a named
    speaker's verb takes a clause of its own content. The inner verb must be "say" or "tell" with a
    named subject and no clause of its own: the quote is what it reports."""
    relayers = [child for child in verb.children if child.dep_ == "nsubj"]
    if not relayers or relayers[0].tag_ != "NNS" or relayers[0].pos_ != "NOUN":
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in {"say", "tell"}:
            continue
        if any(child.dep_ in {"ccomp", "xcomp"} for child in clause.children):
            continue
        subjects = _subjects(clause)
        if subjects and subjects[0].pos_ == "PROPN":
            return subjects[0]
    return None


def _owner_of_words(verb: Token, unit: _Unit, ctx: _Context) -> Token | None:
    """The one whose words the quote is when it hangs from the speech verb through a noun for
    something said that names its own speaker: "Boehner also dismissed ... David Axelrod's comment
    on Sunday that House Republicans are under a "reign of terror"" quotes Axelrod, whose comment
    Boehner dismissed. The noun must be the verb's own (its object): in "Sestak said Clinton had
    conveyed Emanuel's suggestion that he join a "presidential board"" the words are from
    Sestak's statement. None when no such noun stands between (``UTTERANCE_NOUNS``)."""

    first = unit.pieces[0]
    for token in (t for t in ctx.doc if first.start <= t.idx < first.end):
        current = token
        while current.head.i != current.i and current.i != verb.i:
            current = current.head
            # a noun in quotation marks ("Schiff's "past and present assertions"") names no speaker
            quoted = ctx.quoted[current.i] >= 0
            said = current.lemma_.lower() in UTTERANCE_NOUNS and current.head.i == verb.i
            if current.i != verb.i and not quoted and said:
                owner = next((child for child in current.children if child.dep_ == "poss"), None)
                if owner is not None and (owner.ent_type_ == "PERSON" or owner.pos_ == "PROPN"):
                    return owner
    return None


def _introducing_verb(ctx: _Context, unit: _Unit, inside: tuple[int, int] | None) -> _Attribution | None:
    """ "The officer yelled, "Where are you going? Hold it!" Holder recalled.": the verb that
    introduces the quote, right before it after a comma or colon with the quote its content in
    the parse, and the one it says spoke; a speech verb after the quote ("Holder recalled") or
    before the introducing clause ("Holder recalled that the officer yelled, ...") names who
    recounts the words, not whose they are. The verb is a speech verb, or the main verb of its
    sentence ("yelled", "snapped": a main clause that hands over to a quotation says who uttered
    it); a verb inside another's reported clause is not ("Mr. Boehner facetiously said that Mr.
    Obama ... could help: "I'm sure he has great influence"" is Boehner's)."""
    first = unit.pieces[0]
    if not ctx.text[: first.open_at].rstrip().endswith((",", ":")):
        return None
    tokens = [token for token in _window(ctx, first.open_at, -1, inside) if not token.is_punct]
    if not tokens:
        return None
    verb = tokens[-1]
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and verb.head.i < verb.i:
        verb = verb.head
    utters = _is_speech_verb(verb) or verb.dep_ == "ROOT"
    if not utters or not _introduces(verb, first) or not _is_content(verb, first, ctx):
        return None
    head = _subject(verb)
    if head is None or ctx.quoted[head.i] >= 0:
        return None
    return _Attribution(verb, head)


def _not_the_recounter(
    speaker: _Speaker, attribution: _Attribution, ctx: _Context, mentions: Sequence[_Mention]
) -> _Speaker:
    """The speaker of recounted words, never the one recounting them: "The officer yelled, "...!"
    Holder recalled." names two people, so "the officer" is not the Holder the description would
    otherwise stand for (the person last named as a subject); it stays the description. A name
    or a pronoun that is the recounter ("Mr. Trump had asked on Twitter, "...?" He continued
    ... by asserting") is one person quoting themself."""
    assert attribution.recounter is not None
    head = attribution.speaker_head
    if not _is_anaphoric(head) or speaker.name != _speakers_of(attribution.recounter, ctx, mentions).name:
        return speaker  # a name or pronoun for the recounter is that person telling their own words
    return _description(head)


def _inside_writers_sentence(ctx: _Context, unit: _Unit, inside: tuple[int, int] | None) -> bool:
    """A quote that is no sentence of its own and has the writer's words before it in its sentence."""
    first = unit.pieces[0]
    if _looks_like_sentence(ctx.text[first.start : first.end]):
        return False
    return any(not token.is_punct and not token.is_space for token in _window(ctx, first.open_at, -1, inside))


def _one_statement_each(ctx: _Context, attributed: Sequence[_Attributed]) -> list[_Attributed]:
    """Consecutive quotes of one speaker in one paragraph that are one statement, joined.

    Two fragments under one speech verb ("stated that "A" and that ... "B"") are one statement;
    so are two quotes that each open a sentence with only their attribution between them (""A?"
    Erdogan asked in a speech in Peru. "B," he said."). A fragment in the writer's sentence
    beside a full quote stays apart (Amar said the number was "58 times higher". "We're ...").
    """
    joined: list[_Attributed] = []
    for item in attributed:
        previous = joined[-1] if joined else None
        if previous is not None and _same_statement(ctx, previous, item):
            previous.unit = _joined(previous.unit, item.unit)
        else:
            joined.append(item)
    return joined


def _same_statement(ctx: _Context, previous: _Attributed, item: _Attributed) -> bool:
    last, first = previous.unit.pieces[-1], item.unit.pieces[0]
    if last.nested or first.nested or last.paragraph != first.paragraph or last.close_end > first.open_at:
        return False
    if previous.speaker.name.casefold() != item.speaker.name.casefold():
        return False
    if previous.verb_at == item.verb_at:
        return True
    between = ctx.text[last.close_end : first.open_at]
    if _QUOTE_MARK.search(between) or len(_WORD.findall(between)) > _MAX_ATTRIBUTION_WORDS:
        return False
    return all(_opens_sentence(ctx, piece) for piece in (previous.unit.pieces[0], first))


def _opens_sentence(ctx: _Context, piece: _Segment) -> bool:
    """A quote that reads as a sentence and starts its sentence (not a fragment in the writer's
    words). An abbreviation's full stop ends the sentence before it: "..., Ryan told WVLK, a radio
    station in Lexington, Ky. “I'm a believer ...”"."""
    if not _looks_like_sentence(ctx.text[piece.start : piece.end]):
        return False
    words = [token for token in _window(ctx, piece.open_at, -1, None) if not token.is_punct]
    return not words or (len(words[-1].text) > 1 and words[-1].text.endswith("."))


def _speaker_around(attributed: Sequence[_Attributed], inside: tuple[int, int]) -> _Speaker | None:
    """The speaker of the quote whose words are ``inside``: the one an "I" or "we" there stands for.

    A quote nested in another is attributed by the words around it inside the outer quote, and a
    first-person pronoun there is the outer quote's speaker: in Fox's '"If we end up with that
    gridlock, I would say, 'If you can, Mitch, go nuclear,'" Trump said' the nested quote is
    Trump's, and in Tlaib's '"... And I said, 'Baby, they don't ...'"' Tlaib's; the pronoun
    alone named no one.
    """
    for item in attributed:
        if any((piece.start, piece.end) == inside for piece in item.unit.pieces if not piece.nested):
            return item.speaker
    return None


def _enclosing(unit: _Unit, units: Sequence[_Unit]) -> tuple[int, int] | None:
    piece = unit.pieces[0]
    for other in units:
        for outer in other.pieces:
            if not outer.nested and outer.start <= piece.open_at and piece.close_end <= outer.end + 1:
                return (outer.start, outer.end)
    return None


def _inside(unit: _Unit, gap: tuple[int, int]) -> bool:
    return gap[0] <= unit.pieces[0].open_at and unit.pieces[-1].close_end <= gap[1]


def _carry_role(speaker: _Speaker, earlier: Sequence[_Speaker]) -> _Speaker:
    """A role stated at the first quote of a speaker holds for that speaker's later quotes."""
    if speaker.role:
        return speaker
    for other in earlier:
        if other.name == speaker.name and other.role:
            return replace(speaker, role=other.role)
    return speaker


def _add_mention(mentions: list[_Mention], position: int, speaker: _Speaker) -> list[_Mention]:
    if not speaker.name or speaker.name.lower() in _SINGULAR_PRONOUNS | _PLURAL_PRONOUNS | _FIRST_PERSON:
        return mentions
    last = speaker.name.split()[-1].lower()
    plural = speaker.described and last.endswith("s") and not speaker.role
    # "aides" is the plural of a noun for people ("aide"), which would otherwise take a later "he"
    plural = (
        speaker.joint or speaker.group or (plural and (last in PERSON_NOUNS or last[:-1] in PERSON_NOUNS))
    )
    updated = [*mentions, _Mention(position, speaker, plural, True, 0)]
    updated.sort(key=lambda mention: mention.position)
    return updated


def _continuation(ctx: _Context, unit: _Unit, attributed: Sequence[_Attributed]) -> _Attributed | None:
    """The attributed quote that an unattributed, sentence-like quote continues (same or next paragraph).

    News style: ``"A," he said. "B."`` or a second paragraph of bare quotation after an attributed one.
    A quote nested in the one before ("People said, 'Trump is crazy,'" he said ...) is part of
    it, not the quote continued: the enclosing quote is.
    """
    top_level = [item for item in attributed if not item.unit.pieces[0].nested]
    if not top_level:
        return None
    first = unit.pieces[0]
    if not _opens_sentence(ctx, first):
        return None  # a fragment, or words before the quote in its sentence: not a bare continuation
    previous = top_level[-1]
    last = previous.unit.pieces[-1]
    if last.paragraph < first.paragraph - _CONTINUATION_PARAGRAPHS or last.close_end > first.open_at:
        return None
    return previous


def _reporter_before(ctx: _Context, unit: _Unit) -> _Attribution | None:
    """The speaker of a bare quote paragraph announced by the paragraph before it.

    News introduces a quote paragraph with a reported one: "These searches weren't simple, Gomes
    said." then "Legal complexities ... have been challenging," with no attribution of its own.
    The quote must open its paragraph and read as a sentence; the speaker is the subject of the
    last speech verb outside quote marks in the previous paragraph (a first-person or "it" subject
    does not count).
    """
    first = unit.pieces[0]
    paragraph = first.paragraph
    if paragraph == 0 or first.open_at != ctx.paragraphs[paragraph][0]:
        return None
    if not _looks_like_sentence(ctx.text[first.start : first.end]):
        return None
    lo, hi = ctx.paragraphs[paragraph - 1]
    found: _Attribution | None = None
    for token in ctx.doc:
        if token.idx >= hi:
            break
        if token.idx < lo or ctx.quoted[token.i] >= 0 or not _is_speech_verb(token):
            continue
        subject = _subject(token)
        if subject is not None and subject.lower_ not in _FIRST_PERSON | {"it", "this", "that"}:
            found = _Attribution(token, subject)
    return found


def _split_from(ctx: _Context, unit: _Unit, attributed: Sequence[_Attributed]) -> _Attributed | None:
    """The quote this one is the second half of in ``"A," he said, "b."`` (same sentence, no other verb)."""
    if not attributed:
        return None
    previous = attributed[-1]
    last = previous.unit.pieces[-1]
    first = unit.pieces[0]
    if (
        last.nested
        or last.paragraph != first.paragraph
        or not last.close_end <= previous.verb_at < first.open_at
    ):
        return None
    between = ctx.text[last.close_end : first.open_at]
    if not between.rstrip().endswith(",") or re.search(r"[.?!;]", between):
        return None
    window = _window(ctx, first.open_at, -1, None)
    verbs = [t for t in window if t.pos_ in {"VERB", "AUX"} and t.idx > last.close_end]
    others = [t for t in verbs if t.idx != previous.verb_at]
    if len(others) == len(verbs):
        return None
    # "A," Rubio said, adding, "b.": a second speech verb with no subject of its own goes on talking
    return previous if all(_is_speech_verb(t) and not _has_own_subject(t) for t in others) else None


def _subjects(verb: Token) -> list[Token]:
    """The verb's own subjects, active or passive, in text order."""
    return [child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}]


def _has_own_subject(verb: Token) -> bool:
    """Whether the verb heads a clause of its own: a subject, passive or expletive ("there are")."""
    return any(child.dep_ in {"nsubj", "nsubjpass", "expl"} for child in verb.children)


def _joined(previous: _Unit, unit: _Unit) -> _Unit:
    """One quote from two pieces."""
    return _Unit([*previous.pieces, *unit.pieces])


def _join_between(text: str, first: _Segment, second: _Segment) -> str:
    """What stands between two pieces of one quote: " … " where they were apart in what was said
    (two pieces in one paragraph, or words such as the attribution cut out before a continuing
    paragraph: '... in response to their requests," Alan Futerfas ... said in a statement. /
    "Putting aside ...'), a space where only a paragraph break parts them."""
    apart = first.paragraph == second.paragraph or text[first.close_end : second.open_at].strip()
    return _SPLIT_JOIN if apart else " "


def _direct(article: Article, unit: _Unit, speaker: _Speaker) -> _Found | None:
    text = article.text
    pieces = [piece for piece in unit.pieces if piece.end > piece.start]
    if not pieces:
        return None
    parts = [" ".join(text[piece.start : piece.end].split()) for piece in pieces]
    joins = [_join_between(text, first, second) for first, second in itertools.pairwise(pieces)]
    quote_text = parts[0] + "".join(join + part for join, part in zip(joins, parts[1:], strict=True))
    start, end = pieces[0].start, pieces[-1].end
    span = Span(article.id, start, end, text[start:end])
    return _Found("direct", quote_text, speaker, span)


# ---------------------------------------------------------------------------------------------
# Indirect attributions


def _indirect(
    article: Article, ctx: _Context, mentions: Sequence[_Mention], direct: Sequence[_Unit]
) -> list[_Found]:
    """ "X said that ...", "..., she says, ..." and "according to X" outside quote marks."""
    doc = ctx.doc
    covered = [(u.pieces[0].open_at, u.pieces[-1].close_end) for u in direct]
    found: list[_Found] = []
    for token in doc:
        if ctx.quoted[token.i] >= 0:
            continue
        content: list[Token] = []
        head: Token | None = None
        according = _according_to(token)
        if according is not None:
            clause = token.head
            while clause.dep_ not in {"ROOT", "ccomp", "conj"} and clause.head.i != clause.i:
                if clause.dep_ == "advcl" and clause.i < clause.head.i and _is_subordinate(clause):
                    break  # "Though, according to the federation there are 1,598 GMs, Bartholomew ..."
                if clause.dep_ == "acl" and _states_a_noun(clause):
                    break  # "He points to the fact that, according to the commission, banks lost ..."
                clause = clause.head
            excluded = {t.i for t in token.subtree} | _joined_after(clause, token)
            content = [t for t in clause.subtree if t.i not in excluded]
            head = according
        elif (
            _is_speech_verb(token)
            and not _said_to(token)
            and not _unsaid(token)
            and not _in_a_question(ctx, token)
        ):
            # what was said never runs over a paragraph break: a parse that hangs the next
            # paragraph on 'told "Fox & Friends."' reads the writer's next sentence as it
            complement = [
                c for c in token.children if c.dep_ == "ccomp" and c.i > token.i and _same_line(c, token)
            ]
            subject = _subject(token)
            if subject is None or subject.lower_ in _FIRST_PERSON | {"it", "this", "that", "which", "who"}:
                continue
            if complement:
                cut = (
                    _cut_at_a_quote(ctx, complement[0])
                    or _reports_nothing(complement[0])
                    or _states_a_claim_noun(complement[0])
                )
                said = _said_after(token, complement[0])
                content = [] if cut else [*said, *_second_that_clause(ctx, token, complement[0])]
            elif token.dep_ == "parataxis" and token.head.i > token.i:
                excluded = {t.i for t in token.subtree} - _reported_subject(token, subject)
                content = [t for t in token.head.subtree if t.i not in excluded]
            head = subject
        if head is None or not content:
            continue
        item = _indirect_item(article, ctx, content, head, mentions, covered)
        if item is not None:
            found.append(item)
    return found


def _in_a_question(ctx: _Context, verb: Token) -> bool:
    """Whether the speech verb is what a question asks about ("What do the superrich say when the
    cameras aren't there?", "Did Trump say that ...?"): its sentence ends with a question mark
    outside quotation marks, and the verb is asked with "do" before its subject or with a
    question word. A question reported ("So why, he asked, does Cuba not have Toyotas ...?",
    "Premlata Chaudhary said, how could she go on living?") is the speaker's."""
    words = [token for token in verb.sent if not token.is_space]
    if not words or words[-1].text != "?" or ctx.quoted[words[-1].i] >= 0:
        return False
    subjects = _subjects(verb)
    inverted = any(
        child.dep_ == "aux" and child.lemma_.lower() == "do" and subjects and child.i < subjects[0].i
        for child in verb.children
    )
    asked = any(child.tag_ in {"WP", "WRB", "WDT"} and child.i < verb.i for child in verb.children)
    return inverted or asked


def _said_after(verb: Token, complement: Token) -> list[Token]:
    """The words of a clause said after its verb: its subtree, less any word the parse hung on it
    from before the verb's own clause. A relative pronoun just before the speaker is the clause's
    subject ("a bill, which critics say would legalize discrimination"); one further back belongs
    to another verb: in "the man, whom she said told her to leave Trump alone and suggested that
    something bad could happen to her", "whom" is not part of what she suggested."""
    start = min([verb.i, *(child.left_edge.i for child in verb.children if child.i != complement.i)])
    return [t for t in complement.subtree if t.i >= start - 1]


def _joined_after(clause: Token, source: Token) -> set[int]:
    """The tokens of clauses with their own subject joined to ``clause`` after its "according to"
    phrase, with the words joining them: in "White women ... favor Democratic candidates by nearly
    30 points, according to the aforementioned survey, and Trump appears to be doing little to stop
    the bleeding" the survey vouches for the first clause; the second is the writer's."""
    joined = [
        child
        for child in clause.children
        if child.dep_ == "conj" and child.i > source.i and _has_own_subject(child)
    ]
    if not joined:
        return set()
    first = min(child.left_edge.i for child in joined)
    links = {
        child.i for child in clause.children if child.dep_ in {"cc", "punct"} and source.i < child.i < first
    }
    return links | {t.i for child in joined for t in child.subtree}


# Words that open a clause set before the main one ("Though, ... there are ..., Bartholomew ...").
_SUBORDINATORS = (_CONCEDING - {"but"}) | {"if", "when", "because", "since", "as"}


def _is_subordinate(clause: Token) -> bool:
    """Whether the clause has a subject of its own and a word that subordinates it ("Though, ...
    there are 1,598 GMs"), not a main clause the parser hung on another."""
    return _has_own_subject(clause) and any(
        child.dep_ in {"mark", "advmod"} and child.lower_ in _SUBORDINATORS for child in clause.children
    )


def _states_a_noun(clause: Token) -> bool:
    """Whether the clause says what a noun holds ("the fact that banks lost $320 billion", "the
    claim that ..."): it opens with "that" and has a subject of its own, so it is the noun's
    content, not a relative clause."""
    return _has_own_subject(clause) and any(
        child.dep_ == "mark" and child.lower_ == "that" for child in clause.children
    )


def _second_that_clause(ctx: _Context, verb: Token, complement: Token) -> list[Token]:
    """A second reported clause joined after the first: "Mr. Cocco said that Italy had
    anti-seismic construction laws for new buildings, but that little has been done to reinforce
    existing buildings" (the parser joins the second "that" clause to the speech verb); its
    tokens with the joining comma and conjunction, or none. One that holds a direct quote is left
    to it, as a clause holding one always is."""
    doc = verb.doc
    for child in verb.children:
        first = child.left_edge
        if (
            child.dep_ == "conj"
            and child.i > complement.i
            and first.lower_ == "that"
            and first.i > 0
            and doc[first.i - 1].dep_ == "cc"
            and doc[first.i - 1].head.i == verb.i
        ):
            between = doc[complement.right_edge.i + 1 : first.i]
            quoted = any(ctx.quoted[token.i] >= 0 for token in child.subtree)
            if not quoted and all(
                token.head.i == verb.i and token.dep_ in {"cc", "punct"} for token in between
            ):
                return [*between, *child.subtree]
    return []


def _reports_nothing(clause: Token) -> bool:
    """Whether what a speech verb reports is itself a bare speech verb, the parser's reading of a
    closing attribution (""Nice to see all of you," he said as he kept walking, CNN's Deirdre
    Walsh tweeted": the tweet reports him, he does not report the tweet)."""
    if not _is_speech_verb(clause) or clause.lemma_.lower() == "continue":
        return False
    words = [token for token in clause.subtree if not token.is_punct and not token.is_space]
    subjects = [child for child in clause.children if child.dep_ == "nsubj" and child.pos_ == "PROPN"]
    doc = clause.doc
    return (
        bool(words)
        and words[-1].i == clause.i
        and any(s.left_edge.i > 0 and doc[s.left_edge.i - 1].text == "," for s in subjects)
    )


# Nouns of what others claim or fear, whose "that" clause says what they hold: "in the face of
# criticism that it could allow businesses to discriminate" is the critics' claim.
_CLAIM_NOUNS = frozenset(
    {
        "accusation", "allegation", "assertion", "claim", "complaint", "concern", "criticism",
        "fear", "report", "rumor", "rumour", "speculation", "suggestion", "warning", "worry",
    }
)  # fmt: skip


def _states_a_claim_noun(clause: Token) -> bool:
    """Whether the "that" clause the parser gave a speech verb says what a claim noun just before
    it holds, the object of a preposition with no possessor ("urged lawmakers to change the bill,
    in the face of criticism that it could allow businesses ... to discriminate"; "amid reports
    that"): the claim is its holders', not the speaker's. "said in a statement that" and "said
    in his complaint that" are the speaker's own."""
    mark = next((child for child in clause.children if child.dep_ == "mark" and child.lower_ == "that"), None)
    if mark is None or mark.i == 0:
        return False
    noun = clause.doc[mark.i - 1]
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in _CLAIM_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ != "in"
        and not any(child.dep_ == "poss" for child in noun.children)
    )


def _reported_subject(verb: Token, speaker: Token) -> set[int]:
    """The subject of what was said when the parser hung it on the speech verb after the speaker's
    own ("Rubio ... says Jay-Z, who just visited Cuba, should get up to speed"): its positions."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj" and child.i > verb.i]
    if speaker.i > verb.i or not subjects:
        return set()
    start = min(t.i for t in subjects[0].subtree)
    commas = [child for child in verb.children if child.dep_ == "punct" and child.i > start]
    return {t.i for child in subjects for t in child.subtree} | {comma.i for comma in commas}


def _cut_at_a_quote(ctx: _Context, clause: Token) -> bool:
    """Whether the parser ended what was said where a direct quote in it starts: "She argued that
    the House vote gave Mr. Obama "this amazing opportunity" to seek concessions ..." parses
    "opportunity" as a second complement of "argued", and the first, "the House vote gave Mr.
    Obama", runs on into the quote marks with nothing between. The clause holds a direct quote,
    so it is left to that quote, as any clause holding one is. A second complement set off by
    punctuation or words ("..., and said he "looks forward ..."") is a clause of its own."""
    following = clause.right_edge.i + 1
    return (
        following < len(ctx.doc)
        and not clause.right_edge.is_punct  # "... to same-sex spouses, "clarifying ..."" ends there
        and ctx.quoted[following] >= 0
        and _same_line(clause.head, ctx.doc[following])  # a parse run over a paragraph break is not
    )


def _unsaid(verb: Token) -> bool:
    """What a speaker is said not to have said, or asked about: a negated speech verb ("would not
    say whether ..."), a denial ("Trump over the weekend denied that he asked Comey to stop
    investigating Flynn": what follows is what he says is untrue), one its speaker declines, fails or
    refuses ("Aides to Mr. Romney declined to say on Tuesday whether he would ..."), one someone
    is told to do ("an order directing the Department ... to announce ..."), one inside what
    someone is said not to think ("they do not believe the evidence suggests ..."), one inside a
    question put to them ("Asked whether he was suggesting that Mr. Obama lacked sympathy ..., Mr.
    Santorum did not back down"), one no one does ("no one can say how ...") and one its subject
    only could, may or should do ("Trump can rightly say that ...")."""
    if verb.lemma_.lower() == "deny" or _negated_or_refused(verb):
        return True
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DIRECTING_VERBS:
        return True
    if (
        verb.dep_ == "ccomp"
        and verb.head.i < verb.i
        and any(child.dep_ == "neg" for child in verb.head.children)
    ):
        return True  # "they do not believe the evidence suggests ...": what is not believed said
    if _left_undone(verb) or _said_by_no_one(verb) or _only_supposed(verb):
        return True
    return any(_said_to(ancestor) for ancestor in verb.ancestors if ancestor.lemma_.lower() in SPEECH_VERBS)


# Modals that make a speech verb a supposition of the writer's ("Trump can rightly say that his
# candidacy has brought new voters", "critics might say"); "will" and "would" also tell of plans
# and of what was said later ("would later say"), so they are left out.
_SUPPOSING_MODALS = frozenset({"can", "could", "may", "might", "should", "must"})


# "The Daily Beast can confirm that ...": what one can confirm, report or reveal is stated
_ABLE_TO_STATE = frozenset({"confirm", "report", "reveal", "disclose", "announce"})


def _only_supposed(verb: Token) -> bool:
    """Whether the speech verb is what its subject could, may or should say, not what it said."""
    return any(
        child.dep_ == "aux"
        and child.lower_ in _SUPPOSING_MODALS
        and not (child.lower_ == "can" and verb.lemma_.lower() in _ABLE_TO_STATE)
        for child in verb.children
    )


_NO_ONE = frozenset({"nobody", "none", "neither", "nothing"})


def _said_by_no_one(verb: Token) -> bool:
    """Whether the subject of the speech verb (or of the verb it completes: "no one seems to be
    saying that ...") is no one: "But no one can say how or where the bodies were moved" reports
    that nothing was said."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return any(
        subject.lower_ in _NO_ONE
        or any(child.dep_ == "det" and child.lower_ == "no" for child in subject.children)
        for subject in _subjects(verb)
    )


def _left_undone(verb: Token) -> bool:
    """Whether the speech verb is what someone chose not to do: "Rather than go ahead with the
    debate and declare that he will not run ..., he chose to drop the debate", "instead of
    saying ...", "left without saying ...", "stopped short of noting ..."."""
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ == "pcomp" and clause.head.lower_ in {"without", "of"}:
        preposition = clause.head
        before = preposition.doc[preposition.i - 1].lower_ if preposition.i > 0 else ""
        return (
            preposition.lower_ == "without"
            or any(child.lower_ == "instead" for child in preposition.children)
            or before in {"instead", "short"}  # "stopped short of noting she'd rather have ..."
        )
    words = {child.lower_ for child in clause.children if child.dep_ in {"mark", "advmod"}}
    return {"rather", "than"} <= words


# Verbs that tell or move someone else to do something: what they are told to say is not said yet.
_DIRECTING_VERBS = frozenset(
    {
        "direct",
        "order",
        "ask",
        "urge",
        "prompt",
        "lead",
        "force",
        "encourage",
        "press",
        "push",
        "invite",
        "require",
    }
)


def _said_to(verb: Token) -> bool:
    """A speech verb in the passive with no agent: "When asked if he believed ...", "He was told
    that ...": its subject, or the subject it borrows, is the one spoken to, not the speaker."""
    children = {child.dep_ for child in verb.children}
    if "agent" in children:
        return False
    passive = bool(children & {"auxpass", "nsubjpass"})
    participle = not children & {"nsubj", "aux"} and (
        (verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"}) or _asked_as_participle(verb)
    )
    return passive or participle or _asked_between_commas(verb)


def _asked_between_commas(verb: Token) -> bool:
    """ "Mr. O'Rourke, asked if he supported impeaching Mr. Trump, said ...": a question put to the
    subject, set off by commas, which the parser read as the subject asking it (a subject is not
    parted from its own verb by a lone comma)."""
    if verb.lemma_.lower() != "ask" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return False
    subject = next((child for child in verb.children if child.dep_ == "nsubj" and child.i < verb.i), None)
    if subject is None or subject.right_edge.i not in {verb.i - 2, verb.i - 1}:
        return False
    question = next((child for child in verb.children if child.dep_ == "ccomp" and child.i > verb.i), None)
    if question is None or not any(t.lower_ in {"if", "whether"} for t in question.subtree):
        return False
    after = question.right_edge.i + 1
    return after < len(verb.doc) and verb.doc[after].text == ","


def _asked_as_participle(verb: Token) -> bool:
    """ "When asked whether ...", "Asked why he opposed civil unions, ...": a participle the tagger
    reads as a past tense (VBD), known by its clause opening the sentence or a "when", "if", "once"
    before it; a VBD the parser hung on a long subject ("The official who first disclosed ...,
    denied on Wednesday that ...") is a main verb and opens nothing."""
    if verb.tag_ != "VBD" or verb.dep_ != "advcl":
        return False
    opened = any(
        child.dep_ in {"advmod", "mark"} and child.lower_ in _PARTICIPLE_OPENERS for child in verb.children
    )
    return opened or verb.i == verb.sent.start


def _indirect_item(
    article: Article,
    ctx: _Context,
    content: Sequence[Token],
    head: Token,
    mentions: Sequence[_Mention],
    covered: Sequence[tuple[int, int]],
) -> _Found | None:
    words = [t for t in content if not t.is_punct and not t.is_space]
    while words and words[0].dep_ == "mark" and words[0].lower_ == "that":
        words = words[1:]
    if len(words) < 4:
        return None
    while len(words) > 1 and words[-1].pos_ == "CCONJ":
        words = words[:-1]  # "... provided no details, and": the next clause is not what was said
    words = _without_trailing_clause(_without_summing_up(words))
    if not any(word.pos_ in {"VERB", "AUX"} for word in words):
        return None  # "that Malia and Sasha Obama, aged 16 and 13, should "try ..."": the quote took the verb
    start = words[0].idx
    end = words[-1].idx + len(words[-1].text)
    if any(ctx.quoted[t.i] >= 0 for t in words):
        return None
    if any(lo < end and start < hi for lo, hi in covered):
        return None
    if head.lower_ in _FIRST_PERSON:
        return None
    speaker = _speakers_of(head, ctx, mentions)
    if speaker.name.lower() in _FIRST_PERSON:
        return None
    span = Span(article.id, start, end, article.text[start:end])
    kept = {t.i for t in content}
    inner = _without_emptied_commas([t for t in ctx.doc[words[0].i : words[-1].i + 1] if t.i in kept])
    text = "".join(
        t.text_with_ws if k + 1 == len(inner) or inner[k + 1].i == t.i + 1 else t.text + " "
        for k, t in enumerate(inner)
    ).strip()
    return _Found("indirect", " ".join(text.split()), speaker, span)


# Marks that set off a phrase summing up what comes before it.
_SETTING_OFF = frozenset({",", "—", "–", "--"})


def _without_summing_up(words: list[Token]) -> list[Token]:
    """The reported words without a phrase set off at their end that sums them up: "the odds ...
    were one in three, a surprisingly downbeat assessment from a Republican leader", "as much as 5
    or 6 percent — a rate of growth that most economists say is unrealistic". Such a phrase is the
    writer's judgement of what was said, not part of it. It opens with "a" or "an", its noun is
    no person ("Joe Smith, a farmer from Iowa" describes whom the report is about) and it runs to
    the end of what was said, hung on it as an apposition or a second attribute, not joined in
    a list ("apples, a pear and plums")."""
    doc = words[0].doc
    for k in range(len(words) - 1, 0, -1):
        determiner = words[k]
        if determiner.lower_ not in ("a", "an") or doc[determiner.i - 1].text not in _SETTING_OFF:
            continue
        noun = determiner.head
        if (
            noun.pos_ == "NOUN"
            and noun.dep_ in {"appos", "attr", "npadvmod", "dep"}
            and noun.lemma_.lower() not in _PEOPLE_WORDS
            and not any(child.dep_ == "conj" for child in noun.children)
            and noun.left_edge.i == determiner.i
            and noun.right_edge.i >= words[-1].i
        ):
            return words[:k]
    return words


def _without_trailing_clause(words: list[Token]) -> list[Token]:
    """The reported words without a clause set off at their end that is not the speaker's.

    A "which" clause: "he will officially endorse Texas Governor Rick Perry for the Republican
    presidential nomination, which could give Perry something of a credibility boost on
    immigration" is Arpaio's endorsement and the writer's comment on it; "the Senate intelligence
    committee, which is conducting its own parallel investigation" is the writer's background.
    A report set beside it: "The Guardian reported Wednesday that the National Security Agency had
    obtained a court order ..., while The Washington Post reported Thursday of the existence of a
    program ... called PRISM" (the Post's report, not the Guardian's). Either way the clause is not
    what the speaker is reported to have said, and a reader takes it for the speaker's."""
    doc = words[0].doc
    for k, word in enumerate(words[:-1]):
        if k < 4 or doc[word.i - 1].text != "," or word.head.right_edge.i < words[-1].i:
            continue
        if word.lower_ == "which" and word.head.dep_ == "relcl":
            return words[:k]
        if (
            word.lower_ in {"while", "whereas"}
            and word.dep_ == "mark"
            and word.head.dep_ == "advcl"
            and _is_speech_verb(word.head)
            and any(child.dep_ == "nsubj" for child in word.head.children)
        ):
            return words[:k]
    return words


def _without_emptied_commas(tokens: Sequence[Token]) -> list[Token]:
    """The tokens without the pair of commas that set off a left-out phrase: "off the ballot,
    according to a spokesman ..., and California" gives "off the ballot and California", not
    "off the ballot, , and California"."""
    dropped: set[int] = set()
    for first, second in itertools.pairwise(tokens):
        if first.text == "," and second.text == "," and second.i != first.i + 1:
            dropped.update((first.i, second.i))
    return [token for token in tokens if token.i not in dropped]


# ---------------------------------------------------------------------------------------------
# Merging across articles


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _same_quote(a: _Found, b: _Found) -> bool:
    """Most words of each quote are in the other; short ones must be equal.

    Both ways, so that an outlet that carries a longer stretch of a statement gets its own item,
    with its own words as the text, rather than a span under another outlet's shorter text.
    """
    if a.kind != b.kind:
        return False
    words_a, words_b = _words(a.text), _words(b.text)
    if not words_a or not words_b:
        return False
    if min(len(words_a), len(words_b)) < MIN_MERGE_WORDS:
        return words_a == words_b and _same_speaker(a.speaker.name, b.speaker.name)
    set_a, set_b = set(words_a), set(words_b)
    return len(set_a & set_b) / max(len(set_a), len(set_b)) >= MERGE_CONTAINMENT


def _same_speaker(a: str, b: str) -> bool:
    words_a, words_b = _words(a), _words(b)
    return bool(words_a) and bool(words_b) and words_a[-1] == words_b[-1]


def _merge(found: Iterable[_Found]) -> tuple[Quote, ...]:
    """One Quote per distinct quote, a span per article carrying it, in first-appearance order."""
    groups: list[list[_Found]] = []
    for item in found:
        group = _group_of(groups, item)
        if group is None:
            groups.append([item])
        elif all(other.span.article_id != item.span.article_id for other in group):
            group.append(item)
    quotes: list[Quote] = []
    for group in groups:
        first = group[0]
        speaker = _best_speaker(group)
        quotes.append(
            Quote(
                kind=first.kind,
                text=first.text,
                speaker=speaker.name,
                role=_shown_role(speaker.role),
                spans=tuple(item.span for item in group),
            )
        )
    return tuple(quotes)


def _shown_role(role: str) -> str:
    """The role as a reader is told it: without a courtesy title in front ("Mr." says only the
    sex, which the analysis kept for its pronouns; "Mr., governor" is "governor")."""
    first, _, rest = role.partition(" ")
    if first.rstrip(".,").lower() in COURTESY_TITLES:
        return rest.lstrip(", ").strip()
    return role


def _group_of(groups: Sequence[list[_Found]], item: _Found) -> list[_Found] | None:
    """The first group the quote belongs to, or None for a new one.

    A group that already holds another quote of the same article takes this one only when it
    repeats that quote (a pull quote): two different pieces of one long quotation that another
    outlet carries whole ("A" and, two paragraphs on, "B") are two quotes of their article.
    """
    for group in groups:
        if not _same_quote(group[0], item):
            continue
        in_article = [other for other in group if other.span.article_id == item.span.article_id]
        if not in_article or any(_same_quote(other, item) for other in in_article):
            return group
    return None


def _best_speaker(group: Sequence[_Found]) -> _Speaker:
    """The first named speaker in the group (a name beats a description or a pronoun), with a role."""
    named = [item.speaker for item in group if not item.speaker.described]
    speaker = named[0] if named else group[0].speaker
    if not _shown_role(speaker.role):
        roles = [
            item.speaker.role
            for item in group
            if _shown_role(item.speaker.role) and item.speaker.name == speaker.name
        ]
        if roles:
            return replace(speaker, role=roles[0])
    return speaker
