"""Disputed claims: a sentence in one outlet that calls false a claim another outlet states.

A denial sentence holds one of DENIAL_CUES ("untrue", "false", "denied", "no evidence",
"disputed", "contrary to", ...) used in the sense of calling something false, which the parse
tells from the words' other senses (``_denial_cue``: a quarrel, a refusal, "a false prophet").
What it denies is its own content, or the sentence before it when it opens by referring back
("Although blatantly untrue, the move has justified ...": the move is the claim of the sentence
before). The claim is then looked for in the other outlets: a sentence that is not itself a
denial or a rejection, that shares with the denied one a content lemma that is not a name nor the
story's subject (in at most RARE_SHARE of its sentences; when the denial names what it calls
false with what that says, a lemma close to one in meaning will do) and names an entity of a
label the denied sentence names among organisations, groups and people (who holds a city, who did
a thing), and, when the denial names what it calls false, states that thing (``_states``: "disputed
any suggestion that there was impropriety" needs a claim of impropriety, not another suggestion),
best first by the WordLlama cosine of the two sentences. When none passes (the story repeats
every word of the denial), narrower ties remain: the allegation against the one who denies
allegations, or "any wrongdoing", without saying what they are; the words of the one said to
have spoken "falsely" (or "wrongly", "incorrectly", "erroneously": ``SAID_FALSELY``; when what
was said falsely is that something is not so, the claim may say so too), or to have accused
someone "incorrectly" of a deed, or to make claims called unfounded; what the outlet whose story is called
false reported; and a sentence that states the denied thing with the same number ("denied a
report that said he paid just $750 in federal income taxes"). Precision first: a sentence the
reader finds unrelated costs more than a dispute left out, so at most one claim is shown per
denial and it must pass every test. Measured against verdicts given by hand:
``benchmarks/disputes.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsbrief.analysis.figures import CURRENCY_SYMBOLS
from newsbrief.analysis.framing import QUOTED
from newsbrief.analysis.lexicon import CLAIM_NOUNS, DENIED_DEEDS, SPEECH_VERBS, word_list
from newsbrief.analysis.similarity import embed
from newsbrief.model import Article, DisputedClaim, Sentence

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["DENIAL_CUES", "find_disputes"]

DENIAL_CUES = re.compile(
    r"\b(?:(?:blatantly |patently |completely |totally )?untrue|false(?:ly|hood)?|not true|"
    r"(?:wrong|incorrect|erroneous|mistaken)ly|"
    r"den(?:y|ies|ied|ial)|no evidence|disput(?:e|es|ed)|contrary to|baseless|debunk(?:ed|s)?|"
    r"fabricat(?:ed|ion)|unfounded)\b",
    re.IGNORECASE,
)
# "Although untrue, ...", "This is false", "That claim was denied": the denial refers back.
BACK_REFERENCE = re.compile(
    r"^\W*(?:although|though|while|this|that|these|those|it|such|but|the claim)\b", re.I
)
# An opening conjunction links a denial to what came before without naming what it denies.
CONJUNCTION_OPENER = re.compile(r"^\W*(?:although|though|while|but)\b", re.I)
BACK_REFERENCE_WORDS = 6  # the cue must come within the first words for the sentence to refer back
RARE_SHARE = 0.25  # a word in a quarter of the sentences is the story's subject, not a claim
# Who the claim is about; places are left out, since every sentence of a story names its place.
ARGUMENT_LABELS = frozenset({"ORG", "NORP", "PERSON"})
CLAIM_VERBS = frozenset(
    {"argue", "claim", "say", "allege", "insist", "assert", "maintain", "suggest", "contend"}
)
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})  # names are matched as entities
# What "disputed" / "denied" take as the thing called false, and what a noun for something said
# takes as its content ("claims of racism", "any suggestion that ...", "a report that said ...").
OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp"})
CONTENT_DEPS = frozenset({"acl", "relcl", "prep", "ccomp", "appos"})
# What a clause or a phrase asserts lies in its head and these arguments of it, not in its modifiers.
CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd"})
# Two words this close by the word vectors (``analysis.wordvectors``) say the same thing
# ("racism" / "racist", 0.79); the level conflicts.EVENT_MIN uses for word meaning, not fitted here.
NEAR_WORD_MIN = 0.7
# Words that tell of an allegation made against someone.
ALLEGING = frozenset({"accuse", "allege", "allegation", "accusation", "claim", "report", "charge"})
# denying these denies, without saying what it is, whatever one is accused or charged with
WRONGDOING = frozenset({"wrongdoing", "impropriety"})
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# verbs of making or spreading a claim: their subject is the one who makes it
CLAIMS_MADE = word_list("make repeat renew spread push promote parrot echo float tout amplify peddle")
ACCUSED_OF = {"accuse": "of", "charge": "with"}  # "accused of lying", "charged with bribery"
# adverbs that call false what someone says or alleges ("falsely claimed", "erroneously claiming",
# "incorrectly accused"); of any other verb they judge a deed ("mistakenly shot down")
SAID_FALSELY = word_list("falsely wrongly incorrectly erroneously mistakenly")
SAYING = CLAIM_NOUNS | CLAIM_VERBS | SPEECH_VERBS  # words for something said, not for what it says
# A sentence that rejects or is disputing a claim, or calls it inaccurate, tells of a dispute; it
# is not the claim itself. ("Not accurate" is no cue of its own: as one it found as many false
# disputes as true ones.)
REJECTION = re.compile(
    r"\b(?:reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|disputing|denying|inaccurate|not accurate)\b",
    re.IGNORECASE,
)


def find_disputes(
    articles: Sequence[Article], docs: Sequence[Doc], sentences: Sequence[Sentence]
) -> tuple[DisputedClaim, ...]:
    """Claims stated by one outlet and called false by another, in the denying article's order."""
    if len({sent.article_id for sent in sentences}) < 2:
        return ()
    spans = _spacy_sentences(articles, docs, sentences)
    claimed = [_claimed(span, sent.text) for span, sent in zip(spans, sentences, strict=True)]
    lemmas = [_content_lemmas(span) for span in claimed]
    frequency: dict[str, int] = {}
    for words in lemmas:
        for lemma in words:
            frequency[lemma] = frequency.get(lemma, 0) + 1
    rare = {lemma for lemma, count in frequency.items() if count <= RARE_SHARE * len(sentences)}
    vectors = embed([sent.text for sent in sentences])
    disputes = []
    cues = [_denial_cue(span, sent) for span, sent in zip(spans, sentences, strict=True)]
    # a sentence that denies, rejects or is disputing something tells of a dispute: no claim; one
    # that says something is not so states a claim only that something is not so
    statements = [
        cue is None and REJECTION.search(sent.text) is None for cue, sent in zip(cues, sentences, strict=True)
    ]
    negations = [statement and _says_not(span) for statement, span in zip(statements, spans, strict=True)]
    claims = [statement and not negation for statement, negation in zip(statements, negations, strict=True)]
    for position, sent in enumerate(sentences):
        cue_found = cues[position]
        if cue_found is None:
            continue
        cue, cue_tokens = cue_found
        # what a denial calls false in its own words; one that refers back ("Those firms have
        # denied ...") denies the sentence before, unless only a conjunction opens it and it names
        # what it denies ("But the bill's proponents have disputed Obama's rationale")
        thing = _disputed_thing(cue, cue_tokens)
        denied = _denied(sentences, position, cue)
        if thing is not None and CONJUNCTION_OPENER.match(sent.text):
            denied = position
        if denied != position:
            thing = None
        wanted = lemmas[denied] & rare
        # a thing named with what it says may be stated in other words ("asked Comey to stop
        # investigating Flynn", "an end to the agency's investigation into Flynn"); a bare "the
        # report" or "false information" has nothing of its own to be matched by meaning
        by_meaning = thing is not None and (
            not _is_claim(thing) or any(child.dep_ in CONTENT_DEPS for child in thing.children)
        )
        candidates = [
            (float(vectors[denied] @ vectors[other]), other, shared)
            for other in _claims_elsewhere(position, sentences, claims)
            if (thing is None or _states(thing, claimed[other], lemmas[other]))
            and _named_alike(
                claimed[denied],
                claimed[other],
                shared := _shared_words(lemmas[other] & rare, wanted, by_meaning),
            )
        ]
        if candidates:
            _, best, shared = max(candidates, key=lambda item: (item[0], -item[1]))
            named = sorted(_labels(claimed[best], shared) & _labels(claimed[denied], shared))
            said = _said_alike(lemmas[best] & shared, wanted & shared)
            compared = f"both say {said} of named {', '.join(named)} entities"
        else:
            found = (
                _claims_about_the_speaker(
                    position, cue_tokens, thing, sentences, spans, (claims, negations), vectors
                )
                if denied == position
                else []
            )
            if not found and thing is not None and denied == position:
                found = _claims_with_the_same_number(
                    position, thing, sentences, claimed, lemmas, claims, vectors
                )
            if not found:
                continue
            _, best, compared = max(found, key=lambda item: (item[0], -item[1]))
        disputes.append(
            DisputedClaim(
                claim=sentences[best], dispute=sent, disputed=sentences[denied], cue=cue, compared=compared
            )
        )
    return tuple(disputes)


def _shared_words(claim_words: frozenset[str], denied_words: frozenset[str], by_meaning: bool) -> set[str]:
    """The words a claim and a denied sentence share; ``by_meaning``, also the words of each close in
    meaning to one of the other ("investigation", "investigate": ``_near_pairs``)."""
    shared = set(claim_words & denied_words)
    if by_meaning:
        shared |= _near_pairs(claim_words - denied_words, denied_words - claim_words)
    return shared


def _said_alike(claim_words: frozenset[str], denied_words: frozenset[str]) -> str:
    """The shared words for the reader: "report", and "investigation ~ investigate" for words alike
    in meaning."""
    words = sorted(claim_words & denied_words)
    if claim_words - denied_words:
        own, other = sorted(claim_words - denied_words), sorted(denied_words - claim_words)
        words.append(f"{' / '.join(own)} ~ {' / '.join(other)}")
    return ", ".join(words)


def _denial_cue(span: SpacySpan, sent: Sentence) -> tuple[str, list[Token]] | None:
    """The first denial words in the sentence used in the sense of calling something false, as
    written and as tokens, or None; a quoted denial is someone's words, kept too.

    The cue words have other senses, told apart by the parse: "dispute" as a noun is a quarrel
    ("the mosque dispute"); "deny" with a recipient is a refusal ("deny green card status to
    people", "was denied bail"); "false" before a noun calls that thing false only when it is
    something said ("false claims", not "a false prophet" or the offence of "false statements");
    "contrary to" denies only something said ("contrary to reports", not "contrary to everything
    the FBI is about"); and a negated cue denies nothing ("did not dispute that").
    """
    for match in DENIAL_CUES.finditer(sent.text):
        start, end = sent.start + match.start(), sent.start + match.end()
        tokens = [token for token in span if start <= token.idx < end]
        if tokens and _calls_false(match.group(0).lower(), tokens):
            return match.group(0), tokens
    return None


def _calls_false(cue: str, tokens: list[Token]) -> bool:
    """Whether the cue's words (``tokens``) call something false, by the sense rules of
    ``_denial_cue``."""
    if cue.startswith(("disput", "deny", "denie")):
        verb = tokens[0]
        return verb.pos_ in {"VERB", "AUX"} and not _negated(verb) and not _refusal(verb)
    if cue == "contrary to":
        objects = [child for token in tokens for child in token.children if child.dep_ in {"pobj", "pcomp"}]
        return any(child.dep_ == "pcomp" or child.lower_ == "what" or _is_claim(child) for child in objects)
    if cue.startswith(("falsely", "falsehood", "denial", "no evidence", "not true")):
        return True
    if cue in SAID_FALSELY:
        return tokens[0].head.lemma_.lower() in SAYING | ALLEGING
    word = tokens[-1]  # "untrue", "false", "baseless", "unfounded", "debunked", "fabricated"
    if word.dep_ == "amod":
        return _is_claim(word.head)
    return not _negated(word)


def _negated(token: Token) -> bool:
    """ "did not dispute", "is not false": the word has a negation; or it shares one by "or" or
    "nor" ("could neither confirm nor deny", "could not confirm, deny or comment"; not "did not
    comment but denied")."""
    if any(child.dep_ == "neg" for child in token.children) or any(
        child.dep_ == "neg" for child in token.head.children if token.dep_ in {"acomp", "attr"}
    ):
        return True
    if token.dep_ != "conj":
        return False
    head = token.head
    if any(child.dep_ == "preconj" and child.lower_ == "neither" for child in head.children):
        return True
    joiners = {child.lower_ for child in [*head.children, *token.children] if child.dep_ == "cc"}
    return bool(joiners & {"or", "nor"}) and _negated(head)


def _refusal(verb: Token) -> bool:
    """ "deny" in the sense of withholding: with a recipient ("deny status to people", "denied him
    entry") or an object that is neither something said nor a deed ("denied a motion", "was denied
    bail"); "denied the allegations", "denied any wrongdoing", "denied colluding", "denied it",
    "denied that ..." are denials."""
    if verb.lemma_.lower() != "deny":
        return False
    children = list(verb.children)
    if any(child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ == "to") for child in children):
        return True
    objects = [child for child in children if child.dep_ == "dobj"]
    return any(
        thing.pos_ in {"NOUN", "PROPN"} and not _is_claim(thing) and thing.lemma_.lower() not in DENIED_DEEDS
        for thing in objects
    )


def _disputed_thing(cue: str, tokens: list[Token]) -> Token | None:
    """The head of what the denial calls false, when the parse names it: the object of "disputed"
    or "denied" ("disputed any suggestion that ...", "denied colluding with ...", "denied that
    ..."), the "evidence" of "no evidence that ..." or "no evidence of ...", the claim noun that
    "false" qualifies ("a false narrative"); None when it names nothing ("is untrue", "denied it").
    """
    lowered = cue.lower()
    if lowered.startswith(("disput", "deny", "denie")):
        objects = [child for child in tokens[0].children if child.dep_ in OBJECT_DEPS]
        return objects[0] if objects and objects[0].pos_ != "PRON" else None
    if lowered == "no evidence":
        return tokens[-1]
    word = tokens[-1]
    return word.head if word.dep_ == "amod" and _is_claim(word.head) else None


def _states(thing: Token, claim: SpacySpan, claim_lemmas: frozenset[str]) -> bool:
    """Whether a claim sentence states the disputed thing, not just something near it (an offer
    conveyed, not "any suggestion that there was impropriety" in it; Pelosi's spending bills, not
    "Ms. Nielsen's statistics").

    A thing said with its content ("claims of racism", "a report that said Trump directed Cohen
    to lie") is stated when the claim has a word of that content other than a word for saying, or
    one close to it in meaning ("racist"); a thing said without content ("the Romney campaign's
    characterization", "the allegations") when the claim tells of something said or reported.
    What there is no evidence of, a deed or a clause ("colluding with the Russian government",
    "that Democrats feel betrayed by his deal", "no evidence that the bias ... impacted
    prosecutorial decisions in the Clinton email probe") is stated only by a word of what it
    asserts (``_core``: "colluding"; "Democrats", "feel", "betrayed"; "bias", "impacted",
    "decisions"), or one close to it in meaning: a claim about the probe, or about
    communicating with the Russian government, is near the denied thing, not that thing.
    """
    if _is_claim(thing):
        content = (
            _content_lemmas_of(
                [token for child in thing.children if child.dep_ in CONTENT_DEPS for token in child.subtree]
            )
            - SAYING
        )
        if not content:
            return any(_reports_what_was_said(token) for token in claim)
        said = claim_lemmas - SAYING  # the content is matched by what the claim says, not by its "suggestion"
        return bool(content & said) or _near_in_meaning(content, said)
    if thing.lower_ == "evidence":
        asserted = [token for child in thing.children if child.dep_ in CONTENT_DEPS for token in _core(child)]
    else:
        asserted = _core(thing)
    core = _content_lemmas_of(asserted, names=True) - SAYING
    stated = _content_lemmas_of(list(claim), names=True) - SAYING
    return bool(core & stated) or _near_in_meaning(core, stated)


def _says_not(span: SpacySpan) -> bool:
    """Whether the sentence, or what it reports someone said, is negated ("we did not have
    confidence that Strzok's decision ... was free from bias," he wrote): it says that something
    is not so, which agrees with a denial rather than stating what it denies."""
    for root in (token for token in span if token.dep_ == "ROOT"):
        head = root
        while head.lemma_.lower() in SPEECH_VERBS and (said := _clause_said(head)) is not None:
            head = said
        if any(child.dep_ == "neg" for child in head.children):
            return True
    return False


def _clause_said(verb: Token) -> Token | None:
    """The clause a verb of saying reports ("he wrote" of a quotation, "said that ..."), or None."""
    return next((child for child in verb.children if child.dep_ == "ccomp"), None)


def _clauses_said(verb: Token) -> list[Token]:
    """The clauses a verb of saying or alleging reports, finite or not ("claimed that he was
    hacked", "claiming to have won")."""
    return [child for child in verb.children if child.dep_ in ("ccomp", "xcomp")]


def _claims_about_the_speaker(
    position: int,
    tokens: list[Token],
    thing: Token | None,
    sentences: Sequence[Sentence],
    spans: Sequence[SpacySpan],
    claims: tuple[Sequence[bool], Sequence[bool]],
    vectors: NDArray[np.float32],
) -> list[tuple[float, int, str]]:
    """Candidate claims, each with its closeness to the denial and what ties it to the denial, for
    a denial that shares no uncommon word with any: the allegation against the one who denies it
    ("Mr. Farenthold continued to deny the allegations": "Greene accused Farenthold of ..."), the
    words of the one said to have spoken falsely ("Trump also falsely stated that ...": Trump
    quoted saying it), or what the outlet whose story is called false reported ("correcting the
    Buzzfeed false story": "BuzzFeed's Thursday night report claimed that ..."). The person or
    outlet is named as the denial writes them. ``claims`` are the sentences that state something
    and those that state that something is not so, which are the claim only of a denial that
    someone falsely said something is not so ("erroneously claiming the letters didn't represent
    'all the bishops'")."""
    accused = _accused_denier(tokens, thing)
    falsely = _said_falsely(tokens)
    sources = _sources_of(thing)
    if not accused and falsely is None and not sources:
        return []
    affirmed, negated = claims
    if falsely is not None and _said_not(tokens):
        affirmed = [one or other for one, other in zip(affirmed, negated, strict=True)]
    denial = spans[position]
    found = []
    for other in _claims_elsewhere(position, sentences, affirmed):
        closeness = float(vectors[position] @ vectors[other])
        if accused and _alleges_against(spans[other], accused):
            basis = f"the claim tells of an allegation against {_as_written(denial, accused)}, who denies it"
        elif falsely is not None and (speakers := _reports_saying(spans[other], *falsely)):
            basis = f"the claim reports {_as_written(denial, speakers)} saying what the denial calls false"
        elif thing is not None and sources and _reports_what_source_said(spans[other], sources):
            basis = f"the claim tells what the {_as_written(denial, sources)} {thing.lower_} said"
        else:
            continue
        found.append((closeness, other, basis))
    return found


def _claims_elsewhere(position: int, sentences: Sequence[Sentence], claims: Sequence[bool]) -> Iterator[int]:
    """The sentences of the other outlets that may state a claim (not denials, rejections or
    sentences that say something is not so)."""
    article = sentences[position].article_id
    return (other for other, sent in enumerate(sentences) if sent.article_id != article and claims[other])


def _claims_with_the_same_number(
    position: int,
    thing: Token,
    sentences: Sequence[Sentence],
    claimed: Sequence[SpacySpan],
    lemmas: Sequence[frozenset[str]],
    claims: Sequence[bool],
    vectors: NDArray[np.float32],
) -> list[tuple[float, int, str]]:
    """Candidate claims for a denial whose words the whole story repeats but which gives a figure of
    what it calls false ("denied a report that said he paid just $750 in federal income taxes"):
    a claim that states the denied thing and gives the same figure ("Donald J. Trump paid $750 in
    federal income taxes the year he won the presidency"). The number is one of 10 or more that
    is not a year; few stories give one number for two things in one breath."""
    numbers = _numbers_of([token for token in thing.subtree if not _in_relative_clause(token, thing)])
    if not numbers:
        return []
    found = []
    for other in _claims_elsewhere(position, sentences, claims):
        both = numbers & _numbers_of(list(claimed[other]))
        if both and _states(thing, claimed[other], lemmas[other]):
            basis = f"both give {', '.join(sorted(both))} of what the denial calls false"
            found.append((float(vectors[position] @ vectors[other]), other, basis))
    return found


def _in_relative_clause(token: Token, top: Token) -> bool:
    """Whether the token is in a relative clause of a word below ``top``: "the crash, which killed
    all 176 people on board" tells of something else than what the denial calls false, while "a
    report that said he paid just $750" says what the report does."""
    for word in [token, *token.ancestors]:
        if word.i == top.i:
            return False
        if word.dep_ == "relcl" and word.head.i != top.i:
            return True
    return False


def _numbers_of(tokens: Sequence[Token]) -> set[str]:
    """The numbers of 10 or more among these tokens, as written without separators and with the
    currency sign before them ("$750", "120000"); years aside."""
    numbers = set()
    for token in tokens:
        digits = token.text.replace(",", "")
        if not digits.isdigit() or int(digits) < 10 or _YEAR.fullmatch(digits):
            continue
        before = token.doc[token.i - 1].text if token.i > 0 else ""
        numbers.add(before + digits if before in CURRENCY_SYMBOLS else digits)
    return numbers


def _sources_of(thing: Token | None) -> set[str]:
    """The lower-case names of whoever published the report, story or article that a denial calls
    false without saying what it says ("correcting the Buzzfeed false story", "the National
    Enquirer story is 100 percent false"): its owners or the names compounded with it."""
    if thing is None or not _is_claim(thing) or _says_what(thing):
        return set()
    return {
        word.lower_
        for child in thing.children
        if child.dep_ in ("poss", "compound", "nmod") and child.pos_ == "PROPN"
        for word in [child, *(c for c in child.children if c.dep_ == "compound" and c.pos_ == "PROPN")]
    }


def _reports_what_source_said(span: SpacySpan, sources: set[str]) -> bool:
    """Whether the sentence tells what one of these sources reported: it, or its report, is the
    subject of a verb of saying or alleging with a clause ("BuzzFeed's Thursday night report
    claimed that Trump directed Cohen to lie", "The Times reported that ...")."""
    for token in span:
        if token.lemma_.lower() not in SAYING | ALLEGING or token.pos_ != "VERB":
            continue
        if not any(_is_clause(clause) for clause in _clauses_said(token)):
            continue
        for subject in (child for child in token.children if child.dep_ == "nsubj"):
            if _names_of(subject, ("poss", "nmod", "compound")) & sources:
                return True
    return False


def _as_written(span: SpacySpan, names: set[str]) -> str:
    """The first of these lower-case names as the span writes it, with the words it is compounded
    with ("White House")."""
    for token in span:
        if token.lower_ in names:
            return " ".join(word.text for word in [*(c for c in token.lefts if c.dep_ == "compound"), token])
    return ", ".join(sorted(names))


def _said_falsely(tokens: list[Token]) -> tuple[set[str], frozenset[str]] | None:
    """Who "falsely" said something and the words of what that asserts (``_core``: "Trump falsely
    claimed that Michigan mailed ballots to all voters": "Michigan", "mailed", "ballots"), or who
    makes claims called false, baseless or unfounded, with what they say ("even as he repeated
    unfounded claims of massive voter fraud": "fraud"); None for another cue."""
    word = tokens[-1]
    if tokens[0].lower_ in SAID_FALSELY:
        verb = tokens[0].head
        clauses = _clauses_said(verb)
        if verb.lemma_.lower() in ACCUSED_OF:  # "incorrectly accused the secretary of mailing ballots"
            clauses += _accused_of(verb)
        if verb.lemma_.lower() not in SAYING | ALLEGING or not clauses:
            return None
        speakers = _subject_names(verb)
    elif word.dep_ == "amod" and _is_claim(word.head):
        # "he repeated unfounded claims of massive voter fraud", "Trump's baseless claims that ..."
        claim = word.head
        # what the claim says: a clause or an "of" ("claims of massive voter fraud"), not what it
        # is about ("his false claims about the border wall")
        clauses = [
            child
            for child in claim.children
            if child.dep_ in ("acl", "relcl", "ccomp") or (child.dep_ == "prep" and child.lower_ == "of")
        ]
        speakers = _claim_makers(claim)
    else:
        return None
    content = (
        _content_lemmas_of([token for clause in clauses for token in _core(clause)], names=True) - SAYING
    )
    return (speakers, content) if speakers and content else None


def _said_not(tokens: list[Token]) -> bool:
    """Whether what the cue calls falsely said is that something is not so ("erroneously claiming
    the letters didn't represent ...")."""
    return any(child.dep_ == "neg" for clause in _clauses_said(tokens[0].head) for child in clause.children)


def _accused_of(verb: Token) -> list[Token]:
    """What "accuse" or "charge" says one did ("accused him of fraud": "fraud"), or a deed the parser
    hangs on the accused ("accused the secretary of state of mailing ballots": "mailing", not
    "state", which describes the accused)."""
    preposition = ACCUSED_OF[verb.lemma_.lower()]
    deeds = {"pcomp", "pobj"}
    holders = [(verb, deeds), *((child, {"pcomp"}) for child in verb.children if child.dep_ == "dobj")]
    return [
        deed
        for holder, kinds in holders
        for child in holder.children
        if child.dep_ == "prep" and child.lower_ == preposition
        for deed in child.children
        if deed.dep_ in kinds
    ]


def _claim_makers(claim: Token) -> set[str]:
    """The names of those who make the claim: its owners ("Trump's unfounded claims") or the
    subjects of a verb of making or spreading it ("he repeated unfounded claims", "Trump spent
    his Thanksgiving renewing baseless claims")."""
    owners = {child.lower_ for child in claim.children if child.dep_ == "poss" and child.pos_ == "PROPN"}
    if owners:
        return owners
    if claim.dep_ == "dobj" and claim.head.lemma_.lower() in CLAIMS_MADE:
        return _named_subject(claim.head)
    return set()


def _named_subject(verb: Token) -> set[str]:
    """The names of the verb's subject, or of the subject of the clause a verb without one belongs
    to ("Trump spent his Thanksgiving renewing ..."), but not across a preposition ("to strip
    officials of their clearances for making accusations": those making them are not the one who
    strips). A pronoun stands for the subject of the sentence's main verb ("Trump said ... even as
    he repeated ...")."""
    word = verb
    while True:
        subjects = [child for child in word.children if child.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            if all(subject.pos_ == "PRON" for subject in subjects):
                subjects = [
                    child for child in verb.sent.root.children if child.dep_ in ("nsubj", "nsubjpass")
                ]
            return {name for subject in subjects for name in _names_of(subject)}
        if word.dep_ not in ("xcomp", "advcl", "conj"):
            return set()
        word = word.head


def _reports_saying(span: SpacySpan, speakers: set[str], content: frozenset[str]) -> set[str]:
    """Those of these people the sentence reports saying or alleging something with one of these
    words ("after claiming he was hacked", "alleged 'massive fraud'"); empty when it reports none.
    A word of a modifier, or one close in meaning, is not enough: "Trump claimed, falsely, that
    Mexico was already paying for a border wall" is not his "I remain ready and willing to work
    with Democrats to pass a bill that secures our borders"."""
    for token in span:
        if token.lemma_.lower() not in SAYING | ALLEGING or token.pos_ != "VERB":
            continue
        clauses = _clauses_said(token)
        if token.lemma_.lower() in ("allege", "claim"):
            clauses += [child for child in token.children if child.dep_ == "dobj"]  # alleged "massive fraud"
        saying = _subject_names(token) & speakers
        if not clauses or not saying:
            continue
        said = (
            _content_lemmas_of([word for clause in clauses for word in clause.subtree], names=True) - SAYING
        )
        if content & said:
            return saying
    return set()


def _subject_names(verb: Token) -> set[str]:
    """The names that are subjects, or owners of subjects, of the verb or of the words it hangs on
    ("Mr. Farenthold continued to deny", "Moore's campaign issued a statement saying")."""
    names: set[str] = set()
    for word in [verb, *verb.ancestors]:
        for subject in (child for child in word.children if child.dep_ in ("nsubj", "nsubjpass")):
            names |= _names_of(subject)
    return names


def _names_of(word: Token, owners: tuple[str, ...] = ("poss",)) -> set[str]:
    """The lower-case names among the word and its children of these kinds ("Moore's campaign":
    "moore"; with "compound", "BuzzFeed News": "buzzfeed", "news")."""
    return {
        token.lower_
        for token in [word, *(c for c in word.children if c.dep_ in owners)]
        if token.pos_ == "PROPN"
    }


def _accused_denier(tokens: list[Token], thing: Token | None) -> set[str]:
    """The lower-case names of the people who deny an allegation that the denial does not spell out
    ("Mr. Farenthold continued to deny the allegations", "Moore's campaign issued a statement
    saying the report is 'baseless'", "he was 'falsely accused'", "Netanyahu, 70, denies all
    wrongdoing": whatever he is charged with): the subjects, or their owners,
    of the words from the cue up to the sentence's root. Empty when the denial says what the
    allegation is, or calls false something else."""
    word = tokens[0]
    if thing is None and word.dep_ == "relcl" and _is_claim(word.head):
        thing = word.head  # "the accusations, which Farenthold has repeatedly denied"
    if thing is not None:
        if thing.lemma_.lower() in WRONGDOING:
            return _subject_names(word)
        if not _is_claim(thing) or _says_what(thing):
            return set()
    elif word.lower_ in SAID_FALSELY:
        # "he was falsely accused": he denies it; "Trump falsely accused Obama": Trump is the accuser
        if word.head.lemma_.lower() != "accuse" or any(child.dep_ == "dobj" for child in word.head.children):
            return set()
    else:
        subjects = [child for child in word.head.children if child.dep_ in ("nsubj", "nsubjpass")]
        if word.dep_ not in ("acomp", "attr") or not any(_is_claim(subject) for subject in subjects):
            return set()
    return _subject_names(word)


def _alleges_against(span: SpacySpan, names: set[str]) -> bool:
    """Whether the sentence tells of an allegation against one of these people, with what it
    alleges: they are accused of something ("Greene accused Farenthold of telling her ...", "had
    been accused of sexual harassment") or charged with it ("an indictment today charging
    Netanyahu with fraud, breach of trust and bribery"), or they are named in the clause a report or an
    allegation states ("The Washington Post reported that ... Mr. Moore ... had approached a
    14-year-old", "allegations that Alabama GOP Senate nominee Roy Moore sexually molested ...",
    "the National Enquirer story ... that alleged Cruz has had extramarital affairs"). Not when
    the person alleges it ("Trump claimed that ..."), and not for a sentence that names the
    allegation without what it says ("The report caused immediate problems for Moore", "The charges
    brought against Mr. Stone have nothing to do with the president")."""
    for token in span:
        lemma = token.lemma_.lower()
        if lemma not in ALLEGING:
            continue
        children = list(token.children)
        if any(child.dep_ in ("nsubj", "poss") and child.lower_ in names for child in children):
            continue  # the accused making a claim of his own
        if lemma in ACCUSED_OF:
            accused = any(child.dep_ in ("dobj", "nsubjpass") and child.lower_ in names for child in children)
            if accused and any(
                child.dep_ == "prep" and child.lower_ == ACCUSED_OF[lemma] for child in children
            ):
                return True
        clauses = [
            child for child in children if child.dep_ in ("ccomp", "acl", "relcl") and _is_clause(child)
        ]
        if any(_argument_named(word, names) for clause in clauses for word in clause.subtree):
            return True
        if token.dep_ == "amod" and token.head.dep_ == "nsubj" and _argument_named(token.head, names):
            return True  # "that alleged Cruz has had ...", where the parser hangs the verb on the name
    return False


def _is_clause(token: Token) -> bool:
    """Whether the word heads a clause with a subject or a "that" ("that Trump directed Cohen to
    lie"), not a bare participle ("brought against Mr. Stone")."""
    return any(child.dep_ in ("nsubj", "nsubjpass", "mark") for child in token.children)


def _argument_named(word: Token, names: set[str]) -> bool:
    """Whether the word is one of these people, named as someone a sentence speaks of: not the
    owner of someone else ("Chen's nephew") nor part of another name ("Trump Tower")."""
    return word.lower_ in names and word.pos_ == "PROPN" and word.dep_ not in ("poss", "compound")


def _says_what(thing: Token) -> bool:
    """Whether a claim noun comes with what it says ("claims that ...", "the report of ...", "a
    report that said ..."); a clause set off by a comma only describes it ("the rumors, which
    rippled through the Washington media establishment"), and "in the article" says where."""
    for child in thing.children:
        if child.dep_ == "prep":
            if child.lower_ in ("of", "about"):
                return True
        elif child.dep_ in CONTENT_DEPS:
            first = next(iter(child.subtree))
            if not (child.dep_ == "relcl" and first.i > 0 and first.nbor(-1).lower_ == ","):
                return True
    return False


def _core(token: Token) -> list[Token]:
    """The words that say what a clause or phrase asserts: its head, its subject, object or
    complement (``CORE_DEPS``) and their compound nouns; for a preposition, those of its object.
    Not its modifiers: the "Russian government" of "colluding with the Russian government"."""
    if token.dep_ == "prep":
        return [word for child in token.children if child.dep_ == "pobj" for word in _core(child)]
    heads = [token, *(child for child in token.children if child.dep_ in CORE_DEPS)]
    return [*heads, *(child for head in heads for child in head.children if child.dep_ == "compound")]


def _reports_what_was_said(token: Token) -> bool:
    """Whether a word for saying comes with what was said: a clause ("the Washington Post
    reports" of the sentence before it, "said that ..."), a quotation, or a claim noun's content.
    "The Romney campaign retorted with an ad of its own" tells that something was said and
    states nothing a denial could call false."""
    if token.lemma_.lower() not in SAYING:
        return False
    if any(
        child.dep_ in ("ccomp", "xcomp") or (_is_claim(token) and child.dep_ in CONTENT_DEPS)
        for child in token.children
    ):
        return True
    return QUOTED.search(token.sent.text) is not None


def _near_in_meaning(words: frozenset[str], others: frozenset[str]) -> bool:
    """Whether a word of one set is close in meaning to a word of the other (``NEAR_WORD_MIN``)."""
    return bool(_near_pairs(words, others))


def _near_pairs(words: frozenset[str], others: frozenset[str]) -> set[str]:
    """The words of either set within ``NEAR_WORD_MIN`` of a word of the other by the word vectors."""
    from newsbrief.analysis.wordvectors import load_word_vectors

    vectors = load_word_vectors()
    return {
        word
        for first in sorted(words)
        for second in sorted(others)
        if (cosine := vectors.similarity(first, second)) is not None and cosine >= NEAR_WORD_MIN
        for word in (first, second)
    }


def _is_claim(token: Token) -> bool:
    """A noun for something said or reported ("claims", "the report")."""
    return token.lemma_.lower() in CLAIM_NOUNS


def _denied(sentences: Sequence[Sentence], position: int, cue: str) -> int:
    """The position of the sentence whose claim the denial at ``position`` denies."""
    sent = sentences[position]
    opening = " ".join(sent.text.split()[:BACK_REFERENCE_WORDS]).lower()
    previous = position - 1
    refers_back = BACK_REFERENCE.match(sent.text) is not None and cue.lower() in opening
    if refers_back and previous >= 0 and sentences[previous].article_id == sent.article_id:
        return previous
    return position


def _spacy_sentences(
    articles: Sequence[Article], docs: Sequence[Doc], sentences: Sequence[Sentence]
) -> list[SpacySpan]:
    """The spaCy span of each newsbrief sentence, by its character offsets."""
    by_article = {article.id: doc for article, doc in zip(articles, docs, strict=True)}
    spans = []
    for sent in sentences:
        doc = by_article[sent.article_id]
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        spans.append(span if span is not None else doc[0:0])
    return spans


def _claimed(span: SpacySpan, text: str) -> SpacySpan:
    """What the sentence claims: the clause after "argued that", "claim that"; in a denial, what
    follows the denial words ("denied [he had any encounter]"); else all of it.

    "The regime and its allies have argued that Aleppo was mostly under the control of al-Nusra
    Front": the claim is about who controls Aleppo, not about the regime's allies.
    """
    cue = DENIAL_CUES.search(text)
    if cue is not None and not BACK_REFERENCE.match(text):
        after = [token for token in span if token.idx >= span.start_char + cue.end()]
        if after:
            return span.doc[after[0].i : span.end]
    for token in span:
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in CLAIM_VERBS:
            subtree = list(token.subtree)
            return span.doc[subtree[0].i : subtree[-1].i + 1]
    return span


def _named_alike(first: SpacySpan, second: SpacySpan, shared: set[str]) -> bool:
    """True when both spans use a shared lemma of someone of one kind: the entities inside the
    phrases the lemma heads ("the control of al-Nusra Front", "controlled by ... al-Qaeda")
    share a label."""
    if not shared or _owned_by_others(first, second, shared):
        return False
    return bool(_labels(first, shared) & _labels(second, shared))


def _owned_by_others(first: SpacySpan, second: SpacySpan, shared: set[str]) -> bool:
    """True when a shared word belongs to a different person in each span: "the Romney campaign's
    characterization" and "as Obama's campaign claims" speak of two campaigns. Organisations of
    one kind stay alike ("al-Nusra Front" and "al-Qaeda" for who holds Aleppo)."""
    owners_first, owners_second = _person_owners(first, shared), _person_owners(second, shared)
    return bool(owners_first and owners_second) and not owners_first & owners_second


def _person_owners(span: SpacySpan, lemmas: set[str]) -> set[str]:
    """The last words of the people named as owners of these lemmas' words ("Obama's campaign",
    "the Romney campaign")."""
    owner_tokens = {
        child.i
        for token in span
        if token.lemma_.lower() in lemmas
        for child in token.children
        if child.dep_ in ("poss", "compound")
    }
    return {
        ent[-1].lower_
        for ent in span.ents
        if ent.label_ == "PERSON" and any(token.i in owner_tokens for token in ent)
    }


def _labels(span: SpacySpan, lemmas: set[str]) -> set[str]:
    """Labels of the entities in the subtrees of the span's tokens with these lemmas."""
    inside = {
        child.i
        for token in span
        if token.lemma_.lower() in lemmas
        for child in token.subtree
        if span.start <= child.i < span.end
    }
    return {ent.label_ for ent in span.ents if ent.label_ in ARGUMENT_LABELS and ent.start in inside}


def _content_lemmas(span: SpacySpan) -> frozenset[str]:
    """Lower-case lemmas of the span's content words, stop words aside."""
    return _content_lemmas_of(list(span))


def _content_lemmas_of(tokens: Sequence[Token], *, names: bool = False) -> frozenset[str]:
    """Lower-case lemmas of these tokens' content words, stop words aside, and names only with
    ``names``: "Russian" is compared as an entity, but "Democrats" is as much what a clause
    asserts as "betrayed"."""
    return frozenset(
        token.lemma_.lower()
        for token in tokens
        if (token.pos_ in CONTENT_POS or (names and token.pos_ == "PROPN"))
        and not token.is_stop
        and token.is_alpha
        and len(token) > 2
        and (names or not token.ent_type_)
    )
