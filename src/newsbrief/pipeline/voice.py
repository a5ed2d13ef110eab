"""Whether a sentence speaks in its outlet's own voice, outside any quotation.

A neutral brief reports what happened and who said what; it does not pass on an outlet's own
comment. A sentence is in the outlet's voice when, once quoted words are set aside, it has
one of these marks (the opinion signals of the framing analysis, Wilson, Wiebe and Hoffmann
2005, restated here as the brief asks, plus the marks an editor strikes from wire copy):

- the first person ("we", "our", "I", "let's"): the writer speaking of itself;
- a question or an exclamation;
- the outlet pointing at its own text ("As noted above", "Here's a look at ...") or page
  ("(video below)");
- direct address ("you", "your"), an imperative opening ("Note their silence ..."), "but" and a
  negative imperative ("..., but don't expect him to fade quietly") or "say," set off for an
  example ("losing streaks that don't really matter -- say, the Tampa Bay Buccaneers ...");
- a call to act: "should", "must", "ought to", unless the sentence says whose view it is
  ("Trump said the U.S. should ...");
- an aside in parentheses that comments rather than explains ("(or in other words, ...)",
  "(sic)", a quotation or an exclamation inside the brackets); "(MSF)" or "(R-Texas)" explain;
- the writer's comment on what it reports, set off at the head of a clause: an attitude adverb
  ("Sadly,", "Ironically,", "Predictably,"; Biber et al. 1999's attitude stance adverbials) or a
  stance phrase ("Of course,", "Turns out,", "Make no mistake"), even in a sentence that reports
  speech ('Unfortunately, "it was only ...," Becker says'): a speaker's own attitude is quoted;
- a sneering hedge: "a supposed joke", "the supposed attack" (the writer doubting what it names,
  even in indirect speech: a speaker does not call her own joke that), "not-so-accidental", or
  puzzling at what it reports ("..., she said, for some reason.", "which she found, somehow,
  stigmatizing");
- a judgement in the predicate of an opening "It is", "That's", "This was" ("It was a stunning
  move.", "That's the right response.", "It's no surprise that ..."): the writer judging what it
  reports, unless the sentence says whose view it is;
- heavily evaluative wording: one sneering word ("laughable", "hypocritical") or two strongly
  evaluative ones ("brutal", "tragic") in the outlet's own words. Both lists are
  ``analysis/lexicon.py``'s, the ones the framing analysis counts opinion words by, so the two
  sections of a brief agree on which words are evaluative.

Limits: word lists, no parse. An evaluative word in indirect speech without a reporting verb
nearby counts as the outlet's; a question asked inside a quotation does not. Read against a
person (``benchmarks/voicecheck.py``), it finds about 0.4 of the sentences in an outlet's own
voice: irony and a single loaded word ("she largely skated", "his deceptive argument") carry no
mark a word list can tell from reporting.
"""

from __future__ import annotations

import itertools
import re

from newsbrief.analysis.lexicon import EVALUATIVE, SNEERS, without_dateline, word_list

__all__ = [
    "ATTITUDE_ADVERBS",
    "CALLS_TO_ACT",
    "FIRST_PERSON",
    "IMPERATIVE_OPENERS",
    "JUDGING_PREDICATES",
    "STANCE_PHRASES",
    "is_attributed",
    "mostly_quoted",
    "names_no_speaker",
    "names_speaker_by_pronoun",
    "outside_quotations",
    "own_voice",
    "quotations",
]


# Lower case; "us" only in lower case, since "US" is the country; "let's" is "let us".
FIRST_PERSON = word_list(
    "i me my mine myself we us our ours ourselves i'm i've i'd we're we've we'd we'll let's"
)
# "US" in any case but lower is the country; "us" is looked up in the words as written.
_FIRST_PERSON_BUT_US = FIRST_PERSON - {"us"}
SECOND_PERSON = word_list("you your yours yourself yourselves you're you've you'll you'd")
CALLS_TO_ACT = word_list("should must ought shouldn't mustn't")
# Sentence-initial verbs that address the reader ("Note their silence", "Consider ...").
IMPERATIVE_OPENERS = word_list(
    "note consider remember imagine look recall read watch think picture forget don't see behold"
)
# A reporting verb or attribution says whose view a modal or an evaluation is ("according to"
# is read as a pair). Looked up as words, since a regular expression of so many alternatives
# cost more than the rest of the voice check together.
_ATTRIBUTION = word_list(
    """
    said says say told tells argued argues argue wrote writes believe believes believed think
    thinks thought insisted insists warned warns urged urges called calls claimed claims contended
    contends stated states added adds noted notes suggested suggests asked asks demanded demands
    want wants wanted alleged alleging alleges accused accusing accuses described describing
    describes calling arguing ruled rules ordered orders order telling suggestion suggestions
    argument
    """
)
# A quotation opened with one kind of double mark may be closed with the other (“... borders," he
# said.): a copy's editing mixed them.
_QUOTATION = re.compile(r"“[^”\"]*[”\"]?|\"[^\"”]*[\"”]?|‘[^’]{12,}’|(?<!\w)'[^']{12,}'(?!\w)")
# A closing mark before any opening one: a curly ”, or a straight " right after punctuation.
_UNOPENED_CLOSER = re.compile(r"^[^“\"]*”|^[^“\"]*[.,!?…—-]\"(?=\s|$)")
# A question or exclamation mark that ends a clause; one glued between letters ("flu cases??seem",
# a character the source's encoding lost) asks nothing.
_CLAUSE_END_MARK = re.compile(r"[?!](?=[\s\"”’')\]]|$)")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_ASIDE_OPENERS = re.compile(
    r"^(?:or,|or (?:in other words|rather|as|to put it)\b|in other words\b|i\.e\.|read:|sic\b|hint\b|"
    r"surprise\b|of course\b|naturally\b|ahem\b|seriously\b|lol\b)",
    re.IGNORECASE,
)
# The outlet pointing at its own text ("As noted above"), or its chatty "Fast forward ...".
_SELF_REFERENCE = re.compile(
    r"\bas (?:we |i )?(?:noted|mentioned|discussed|explained|reported|wrote|said) "
    r"(?:above|below|earlier|before|previously|here)\b",
    re.IGNORECASE,
)
# The outlet's signpost to what follows in its own text: "Here's a look at ...", "Here are five
# takeaways ...", "Here's what to know:". In a brief nothing follows it.
_SIGNPOST = re.compile(r"^\W*Here(?:'s|’s| is| are)\b")
# A parenthesis pointing at the outlet's own page ("(video below)", "(plot 1 on the map below)",
# "(pictured with her son Leo above)"): in a brief there is nothing below or above to see.
_PAGE_POINTER = re.compile(r"\([^()]*\b(?:below|above)\b[^()]*\)", re.IGNORECASE)
# Attitude stance adverbials (Biber et al. 1999, Longman Grammar, 10.2.2; Quirk et al. 1985's
# evaluative content disjuncts): the writer's feeling about what it reports, when set off by a
# comma at the head of a clause ("Sadly, ...", "..., ironically, ..."). Adverbs that mainly grade
# or mark certainty ("clearly", "notably", "importantly") are left out: wire copy uses them.
ATTITUDE_ADVERBS = word_list(
    """
    alas amazingly astonishingly conveniently curiously fortunately unfortunately hopefully
    inexplicably ironically luckily unluckily mercifully naturally oddly predictably regrettably
    sadly strangely surprisingly unsurprisingly thankfully tellingly
    """
)
# The start of a clause: the sentence's (after a quotation it closes, and "And", "But", "So" or
# "Yet") or right after a comma.
_CLAUSE_HEAD = r"(?:^\W*(?:QUOTE\W*)?(?:(?:and|but|so|yet)\s+)?|,\s*)"
# A word at the head of a clause, itself followed by a comma.
_CLAUSE_HEAD_WORD = re.compile(_CLAUSE_HEAD + r"([a-z]+)\s*,", re.IGNORECASE)
# Stance phrases that open a clause in the writer's voice.
STANCE_PHRASES = ("of course", "turns out", "make no mistake", "needless to say", "to be sure", "mind you")
_STANCE_PHRASE = re.compile(_CLAUSE_HEAD + "(?:" + "|".join(STANCE_PHRASES) + r")\b", re.IGNORECASE)
# An opening phrase set off by a comma that names what follows ("In a surprising twist,", "In a
# stunning turn,", "In a significant departure,"): the writer's verdict on the news before the news.
_FRAMING_OPENING = re.compile(r"^\W*In an? ([^,]{1,100}),")
# Words that judge when they are what an opening "It is", "That's", "This was" says of its subject
# ("This is good news for America.", "It's also wrong."), beside EVALUATIVE's: general judgements
# that EVALUATIVE leaves out because elsewhere they often describe ("good" in "for good", "great"
# in "Great Britain", "right" in "civil rights").
JUDGING_PREDICATES = word_list(
    """
    good bad wrong right great perfect best interesting ironic telling fitting surprising
    unsurprising inevitable bold astonishing astonishingly staggering staggeringly nonsense crap
    important significant notable remarkable striking worth
    """
)
_JUDGING_WORDS = EVALUATIVE | JUDGING_PREDICATES
# Nouns that judge after "no" ("It's no surprise", "no coincidence", "It's no great credit to").
_LITOTES = word_list("surprise wonder secret coincidence accident exaggeration credit")
# An opening "It is", "That's", "This was", ... and the (at most four) words after it.
_OPENING_PREDICATE = re.compile(
    r"^\W*(?:QUOTE\W*)?(?:(?:and|but|so|yet)\s+)?(?:it|that|this)(?:'s|’s| is| was| would be| will be| seems| seemed)"
    r"\s+((?:\S+\s+){0,3}\S+)",
    re.IGNORECASE,
)
# "a supposed joke": "supposed" before what it names, not "supposed to" (an obligation); an ironic
# "not-so-" compound ("a not-so-accidental demotion"); or the writer puzzling at what it reports
# ("she said, for some reason", "which she found, somehow, stigmatizing").
_SNEERING_HEDGE = re.compile(
    r"\b(?:a|an|the|this|that|his|her|its|their)\s+supposed\s+(?!to\b)\w|\bnot-so-\w"
    r"|\bfor some reason\b|,\s*somehow,",
    re.IGNORECASE,
)
_FAST_FORWARD = re.compile(r"^\W*fast[- ]forward\b", re.IGNORECASE)
# "painful losing streaks that don't really matter -- say, the Tampa Bay Buccaneers ...", "more
# voters in Michigan, say, than ...": the writer asking the reader to suppose an example.
_SAY_FOR_EXAMPLE = re.compile(r"(?:--|—|–|,)\s*say,\s")
# "..., but don't expect him to fade quietly", "But don't write him off": "but" and a negative
# imperative, the writer telling the reader what to think; with a subject between ("but they
# don't"), it reports.
_BUT_DONT = re.compile(r"(?:^|[,;—]\s*)\W*but\s+(?:don['’]t|do not)\s+[a-z]", re.IGNORECASE)
_WORD_PARTS = re.compile(r"[-'’]")
# A quoted span: from an opening mark to the next closing one, curly or straight (outlets mix them).
_QUOTED_SPAN = re.compile(r"[“\"][^“”\"]*[”\"]")
# A word, not a letter of an abbreviation ("F.B.I." has no first-person "I"); Latin-1 letters
# count, so "naïve" is one word, as the framing analysis reads it.
_WORD = re.compile(r"(?<![\w.])[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’-]*(?!\.\w)")


def outside_quotations(text: str) -> str:
    """The sentence with every quotation replaced by a placeholder word (reported speech is the
    speaker's, not the outlet's).

    A quotation that runs over several sentences is split by the sentence splitter: a sentence
    that closes a quotation it did not open is quoted up to that mark, and one that opens a
    quotation it does not close is quoted from that mark to its end.
    """
    closer = _UNOPENED_CLOSER.match(text)
    if closer is not None:
        text = " QUOTE " + text[closer.end() :]
    return _QUOTATION.sub(" QUOTE ", text)


def quotations(text: str) -> list[str]:
    """The words inside each pair of double quotation marks of the text, in order."""
    return [span[1:-1] for span in _QUOTED_SPAN.findall(text)]


def mostly_quoted(text: str) -> bool:
    """True when at least half the sentence's words are inside quotation marks: the line gives
    someone's words, not a report that names a programme or a phrase in quotes ("... on NBC's
    "Meet the Press."")."""
    words = len(text.split())
    quoted = sum(len(span.split()) for span in _QUOTED_SPAN.findall(text))
    return words > 0 and 2 * quoted >= words


def names_no_speaker(text: str) -> bool:
    """True when the line is all someone's words, with nothing outside the quotation marks to say
    whose (“Under study for years. Will update soon with Secretary Zinke. Thank you!”): its
    article named the speaker in the sentence before, which the brief may not show."""
    outside = outside_quotations(text)
    return "QUOTE" in outside and _WORD.search(outside.replace("QUOTE", "")) is None


# "“I went way too far,” she said in a video.": a quotation whose speaker the line names only by a
# pronoun and a verb of saying right after it.
_PRONOUN_SPEAKER = re.compile(r"^\W*QUOTE\W*\s(?:he|she|they)\s+([a-z]+)\b", re.IGNORECASE)


def names_speaker_by_pronoun(text: str) -> bool:
    """True when the line opens with a quotation and says whose words they are only by "he",
    "she" or "they" (“I think those are grounds enough ...,” he said.): the person is named in
    a sentence before it, which the brief must show first or name."""
    match = _PRONOUN_SPEAKER.match(outside_quotations(text))
    return match is not None and match.group(1).lower() in _ATTRIBUTION


def is_attributed(text: str) -> bool:
    """True when the sentence says, outside quotations, whose words or view it reports."""
    return _names_a_view([word.lower() for word in _WORD.findall(outside_quotations(text))])


def _names_a_view(lowered: list[str]) -> bool:
    """True when the lower-cased words hold a reporting verb or "according to"; the parts of a
    word with a hyphen or an apostrophe count ("so-called" holds "called", "states'" "states")."""
    parts = lowered
    if _WORD_PARTS.search(" ".join(lowered)):  # few words have parts: split only then
        parts = [part for word in lowered for part in _WORD_PARTS.split(word)]
    if not _ATTRIBUTION.isdisjoint(parts):
        return True
    return "according" in parts and any(
        first == "according" and second == "to" for first, second in itertools.pairwise(parts)
    )


def own_voice(text: str) -> str | None:
    """What marks the sentence as the outlet speaking for itself, or None when nothing does."""
    own = outside_quotations(text)
    # The two apostrophes are alike to _WORD, so replacing one by the other first finds the same words.
    words = _WORD.findall(own.replace("’", "'"))
    lowered = list(map(str.lower, words))
    if not _FIRST_PERSON_BUT_US.isdisjoint(lowered) or "us" in words:
        return "first person"
    if not SECOND_PERSON.isdisjoint(lowered):
        return "direct address"
    if _CLAUSE_END_MARK.search(own):
        return "question or exclamation"
    if (
        (lowered and lowered[0] in IMPERATIVE_OPENERS and words[0][:1].isupper())
        or _FAST_FORWARD.match(own)
        or ("but" in lowered and _BUT_DONT.search(own))
        or ("say," in own and _SAY_FOR_EXAMPLE.search(own))
    ):
        return "imperative"
    if _SELF_REFERENCE.search(own) or _PAGE_POINTER.search(own) or _SIGNPOST.match(own):
        return "self-reference"
    attributed = _names_a_view(lowered)
    if not attributed and not CALLS_TO_ACT.isdisjoint(lowered):
        return "call to act"
    if any(_is_comment(aside) for aside in _PARENTHESIS.findall(text)):
        return "aside"
    if _comments(own):
        return "comment"
    if _hedges(own):
        return "sneer"
    if not attributed and not SNEERS.isdisjoint(lowered):
        return "sneer"
    if not attributed and _judges_in_opening_predicate(own):
        return "evaluative"
    if not attributed and sum(word in EVALUATIVE for word in lowered) >= 2:
        return "evaluative"
    return None


def _comments(own: str) -> bool:
    """True when the words outside quotations open a clause with the writer's attitude to what
    it reports: an attitude adverb set off by commas, a stance phrase ("Sadly,", "Of course,"), or
    an opening "In a ..." phrase that judges what follows ("In a surprising twist,")."""
    lower = own.lower()
    # Every attitude adverb but "alas" ends in "ly", and each is followed by a comma: look for the
    # adverbs only when "ly," or "alas" is there, and for the phrases only when one is; the
    # regular expressions alone doubled the cost of the voice check.
    if ("ly," in lower or "alas" in lower) and not ATTITUDE_ADVERBS.isdisjoint(
        match.group(1).lower() for match in _CLAUSE_HEAD_WORD.finditer(own)
    ):
        return True
    if any(phrase in lower for phrase in STANCE_PHRASES) and _STANCE_PHRASE.search(own) is not None:
        return True
    framing = _FRAMING_OPENING.match(without_dateline(own))  # "WASHINGTON -- In a bold ..."
    # words in lower case only: "In an exclusive interview on Good Morning America," names a show
    return framing is not None and any(
        word.islower() and word in _JUDGING_WORDS for word in _WORD.findall(framing.group(1))
    )


def _hedges(own: str) -> bool:
    """True when the words outside quotations doubt what they name ("a supposed joke"), are
    ironic ("not-so-accidental") or puzzle at what they report ("“... but I wish I had,” she said,
    for some reason.", "which she found, somehow, stigmatizing"); the cheap test for the words
    first, as in ``_comments``."""
    lower = own.lower()
    cues = ("supposed", "not-so-", "for some reason", "somehow")
    return any(cue in lower for cue in cues) and _SNEERING_HEDGE.search(own) is not None


def _judges_in_opening_predicate(own: str) -> bool:
    """True when the words outside quotations open with "It is", "That's", "This was", ... and
    the next four words judge: an evaluative or judging word ("It was a stunning move.", "It's
    almost the perfect tweet") or a judging noun after "no" ("It's no great credit to ...")."""
    match = _OPENING_PREDICATE.match(own)
    if match is None:
        return False
    words = [word.lower() for word in _WORD.findall(match.group(1).replace("’", "'"))]
    if any(word in _JUDGING_WORDS for word in words):
        return True
    after_no = words[words.index("no") + 1 :][:2] if "no" in words else []
    return not _LITOTES.isdisjoint(after_no)


def _is_comment(aside: str) -> bool:
    """True when a parenthesis comments ("or in other words, ...", "sic", a quotation, "!")
    rather than explains ("MSF", "R-Texas", "file photo")."""
    aside = aside.strip()
    return bool(re.search(r"[\"“”!?]", aside)) or _ASIDE_OPENERS.match(aside) is not None
