"""The words and marks that several analyses and the renderer share, in one place.

Each list says what it is for; an analysis that needs a word list takes it from here rather than
keeping its own, so that two sections of a brief never disagree on what a word means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from newsbrief.model import Sentence

__all__ = [
    "CLAIM_NOUNS",
    "COMPOUND_ADJECTIVES",
    "COUNTED_NOUN_GROUPS",
    "COUNTRY_NAMES",
    "COURTESY_TITLES",
    "DATELINE",
    "DENIED_DEEDS",
    "EVALUATIVE",
    "EVENT_CLASSES",
    "EVENT_PHRASES",
    "FEMALE_WORDS",
    "GROUP_ADJECTIVES",
    "MALE_WORDS",
    "NAME_SUFFIXES",
    "NICKNAMES",
    "OCCASIONS",
    "OFFICE_WORDS",
    "ORGANISATION_NAME_HEADS",
    "ORGANISATION_NOUNS",
    "PARTY_WORDS",
    "PEOPLE_NOUNS",
    "PERSON_NOUNS",
    "PHRASAL_SPEECH_VERBS",
    "PLATFORMS",
    "POST_SIGNATURE",
    "REPORTING_VERBS",
    "SNEERS",
    "SPEECH_VERBS",
    "TITLES",
    "TITLE_QUALIFIERS",
    "UTTERANCE_NOUNS",
    "as_inner_quotation",
    "introduces_a_block_quotation",
    "is_cut_loose_quotation",
    "is_post_signature",
    "is_title",
    "is_whole_quotation",
    "printed_text",
    "quotation_ends",
    "quotes_someone",
    "same_title",
    "sex_of_first_name",
    "sex_of_word",
    "without_dateline",
    "word_list",
]


def word_list(text: str) -> frozenset[str]:
    """The white-space separated words of a word list written as a paragraph."""
    return frozenset(text.split())


# Verbs that introduce speech, whose subject is a quote's speaker (quotes).
SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "write", "ask", "warn", "claim", "insist", "note", "explain", "describe",
        "accuse", "state", "stress", "argue", "reply", "respond", "answer", "declare", "announce",
        "confirm", "deny", "admit", "acknowledge", "comment", "remark", "suggest", "tweet", "report",
        "summarise", "summarize", "maintain", "swear", "call", "complain", "recall", "conclude",
        "predict", "urge", "caution", "observe", "emphasize", "emphasise", "shout", "scream", "whisper",
        "joke", "quip", "concede", "contend", "assert", "allege", "testify", "post", "vow", "promise",
        "threaten", "lament", "reiterate", "mention", "continue", "point", "recount", "boast", "charge",
        "exclaim", "cry", "demand", "plead", "pledge", "proclaim", "reveal", "retort", "muse", "sigh",
        "counter", "agree", "disagree", "object", "protest", "estimate", "opine", "dismiss", "question",
        "marvel", "scoff", "gush",
    }
)  # fmt: skip
# Verbs that introduce speech only with their particle ("Ryan shot back: "..."", "The New York
# Times also chimed in: "...""), by lemma: the word that must follow the verb (quotes).
PHRASAL_SPEECH_VERBS: dict[str, str] = {
    "shoot": "back",
    "fire": "back",
    "hit": "back",
    "snap": "back",
    "chime": "in",
    "weigh": "in",
    "go": "on",
}
# Verbs by which a source gives a number ("the ministry put the toll at", "a count found"): whose
# subject is a figure's attribution (figures).
REPORTING_VERBS = frozenset(
    {
        "say", "tell", "report", "estimate", "count", "tally", "announce", "state", "claim",
        "confirm", "add", "write", "note", "put", "record", "document", "cite", "find", "show",
        "reveal", "indicate",
    }
)  # fmt: skip
# Nouns whose count is a count of people ("300 civilians", "two lawmakers"): the figures count them
# as "people", which the conflict rule compares; the briefs show the noun itself.
PEOPLE_NOUNS = frozenset(
    ["people", "person", "civilian", "resident", "child", "kid", "adult", "man", "woman", "refugee", "migrant", "immigrant", "victim", "soldier", "troop", "student", "worker", "employee", "passenger", "fighter", "rebel", "militant", "member", "citizen", "inhabitant", "patient", "protester", "protestor", "demonstrator", "voter", "individual", "baby", "infant", "teenager", "teen", "boy", "girl", "officer", "staff", "staffer", "hostage", "prisoner", "inmate", "detainee", "survivor", "tourist", "visitor", "pilgrim", "worshipper", "evacuee", "casualty", "fatality", "death", "dead", "toll", "body", "injury", "injured", "wounded", "suspect", "juror", "doctor", "nurse", "firefighter", "policeman", "journalist", "reporter", "delegate", "lawmaker", "senator", "fan", "spectator", "attendee", "customer", "driver", "crew", "crewmember", "sailor", "marine", "personnel", "official", "guard", "miner", "farmer"]
)  # fmt: skip
# Nouns that name people: descriptions that stand in for a name ("a Red Cross worker") and
# antecedents of "he"/"she"/"they" (quotes).
PERSON_NOUNS = frozenset(
    {
        "activist", "adviser", "advisor", "aide", "ambassador", "analyst", "attorney", "author",
        "boy", "candidate", "captain", "chairman", "chairwoman", "chief", "child", "citizen",
        "colleague", "colonel", "commander", "congressman", "congresswoman", "correspondent", "critic", "daughter",
        "defendant", "delegate", "detective", "diplomat", "director", "doctor", "economist", "editor",
        "employee", "executive", "expert", "father", "fighter", "founder", "friend", "general", "girl",
        "governor", "guard", "head", "historian", "husband", "investigator", "journalist", "judge",
        "lawmaker", "lawyer", "leader", "man", "manager", "mayor", "member", "militant", "minister",
        "mother", "negotiator", "neighbor", "neighbour", "nurse", "observer", "officer", "official",
        "owner", "parent", "partner", "patient", "person", "pilot", "police", "policeman", "politician",
        "president", "professor", "prosecutor", "rebel", "reporter", "representative", "researcher",
        "resident", "scientist", "secretary", "senator", "sergeant", "sister", "soldier", "son",
        "source", "speaker", "spokesman", "spokesperson", "spokeswoman", "student", "supporter",
        "surgeon", "survivor", "teacher", "victim", "volunteer", "wife", "witness", "woman", "worker",
        "people", "residents", "men", "women", "officials",
        # roles counted in the news ("the Court's three liberal justices", "306 electors"); not
        # an account's audience ("112 million followers", "viewers"), which names no one
        "associate", "athlete", "attacker", "billionaire", "businessman", "businesswoman",
        "challenger", "cop", "councilman", "councilwoman", "councillor", "cousin", "donor",
        "elector", "felon", "freshman", "gunman", "hacker", "hijacker", "justice", "millionaire",
        "nominee", "participant", "plaintiff", "player", "priest", "relative", "rival", "sheriff",
        "sibling", "strategist", "warlord", "wrestler",
        # people at work in the news whom a later "he" or "she" continues ("a ranger in Capodacqua
        # ... tried to keep an 80-year-old woman calm ... "Listen, ..." he said")
        "ranger", "rescuer", "firefighter", "paramedic", "medic", "driver", "farmer", "coach",
        "trooper", "pastor", "imam", "rabbi", "engineer", "architect", "artist", "musician",
        "singer", "actor", "actress", "writer", "novelist", "poet", "filmmaker", "producer",
        "photographer", "blogger", "columnist", "commentator", "pundit", "lobbyist", "consultant",
        "contractor", "landlord", "tenant", "homeowner", "shopkeeper", "vendor", "merchant",
        "bystander", "eyewitness", "organizer", "organiser", "prisoner", "inmate", "detainee",
        "hostage", "refugee", "migrant", "immigrant", "sailor", "veteran", "physician", "dentist",
        "pharmacist", "therapist", "psychologist", "psychiatrist", "lecturer", "scholar",
        "employer", "entrepreneur", "investor", "legislator", "magistrate", "juror", "envoy",
        "mediator", "campaigner", "geologist", "seismologist", "archaeologist", "astronomer",
        "biologist", "physicist", "chemist", "protester", "demonstrator", "passenger", "suspect",
        "shooter", "assailant", "mourner", "pilgrim", "tourist", "fisherman", "miner",
    }
)  # fmt: skip
# Words that tell a person's sex, lower case without full stops: a courtesy title before the
# name ("Mr.", "Ms."), or a noun set beside it ("his wife, Margaret", "Her son Matthew Denice").
# Quotes read them so that "he said" never resolves to a woman nor "she said" to a man.
MALE_WORDS = frozenset(
    {
        "boy", "brother", "businessman", "chairman", "congressman", "councilman", "father", "grandfather",
        "grandson", "husband", "king", "lord", "man", "mr", "nephew", "policeman", "prince", "sir", "son",
        "spokesman", "uncle",
    }
)  # fmt: skip
FEMALE_WORDS = frozenset(
    {
        "actress", "aunt", "businesswoman", "chairwoman", "congresswoman", "councilwoman", "dame",
        "daughter", "girl", "granddaughter", "grandmother", "lady", "miss", "mother", "mrs", "ms",
        "niece", "princess", "queen", "sister", "spokeswoman", "wife", "woman",
    }
)  # fmt: skip
# Titles and honorifics that stand before a person's name, lower case without full stops
# ("President", "Sen.", "Dr"): a role, not part of the name (entities trim them, quotes take them
# for the role; "the senator" stands for the person last given the title).
TITLES = frozenset(
    {
        "actor", "actress", "admiral", "adviser", "advisor", "agent", "ambassador", "archbishop", "attorney", "author",
        "ayatollah", "bishop", "brigadier", "capt", "captain", "cardinal", "ceo", "chairman",
        "chairwoman", "chancellor", "chief", "col", "colonel", "comedian", "commander",
        "commissioner", "congressman", "counsel", "congresswoman", "councilman", "councilwoman", "dame",
        "detective", "director", "dr", "editor", "emir", "envoy", "father", "gen", "general", "gov",
        "governor", "judge", "justice", "king", "lady", "leader", "lieutenant", "lord", "lt",
        "maj", "major", "marshal", "mayor", "minister", "miss", "mr", "mrs", "ms", "novelist",
        "officer", "pope", "premier", "president", "prince", "princess", "prof", "professor", "prosecutor",
        "queen", "rapper", "rep", "representative", "rev", "secretary", "sen", "senator",
        "sergeant", "sgt", "sheikh", "sheriff", "singer", "sir", "speaker", "spokesman",
        "spokesperson", "spokeswoman", "sultan", "whip",
    }
)  # fmt: skip
# Words that only qualify a title before a name ("former", "Vice", "acting", "of State"): trimmed
# with the title, but no description of a person by themselves ("the state" is no senator).
TITLE_QUALIFIERS = frozenset(
    {
        "acting", "defence", "defense", "deputy", "field", "foreign", "former", "interior", "late",
        "majority", "minority", "opposition", "prime", "special", "state", "vice",
    }
)  # fmt: skip
_TITLE_WORDS = TITLES | TITLE_QUALIFIERS
# Titles that say a person's sex and nothing else ("Mr.", "Mrs.", "Ms.", "Miss").
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss"})
# Suffixes after a surname, lower case without full stops: "Martin Luther King, Jr." is one name.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# One-word names that are another name of a country, lower case: news writes a lone "America"
# for the United States ("Latin America", "Voice of America" are other, longer names).
COUNTRY_NAMES = {"america": "united states"}
# Social platforms, lower case: organisations, which the small English model takes for people
# ("Twitter" is PERSON in 76 of its 83 entity mentions over the 300 BASIL articles).
PLATFORMS = word_list("twitter facebook instagram youtube tiktok snapchat reddit linkedin whatsapp")
# A group's adjective that is not its noun (as "Republican" is): "Democratic" lawmakers are
# Democrats. Lower case, adjective to singular noun.
GROUP_ADJECTIVES = {"democratic": "democrat"}
# An adjective that news writes for the noun of a compound: the "jobless rate" is the
# "unemployment rate", "jobless claims" are claims for unemployment benefits. Adjective to noun.
COMPOUND_ADJECTIVES = {"jobless": "unemployment"}
# English first names and the short forms news writes for them ("Bob Goodlatte" is "Robert W.
# Goodlatte"), lower case. Only a short form that stands for one name in news is listed: "Pat"
# (Patrick, Patricia) and "Ted" (Edward, Theodore) are not.
NICKNAMES: dict[str, frozenset[str]] = {
    "alexander": frozenset({"alex"}),
    "andrew": frozenset({"andy"}),
    "anthony": frozenset({"tony"}),
    "benjamin": frozenset({"ben"}),
    "charles": frozenset({"chuck", "charlie"}),
    "christopher": frozenset({"chris"}),
    "daniel": frozenset({"dan", "danny"}),
    "david": frozenset({"dave"}),
    "donald": frozenset({"don"}),
    "douglas": frozenset({"doug"}),
    "edward": frozenset({"ed", "eddie"}),
    "elizabeth": frozenset({"liz", "beth", "betsy"}),
    "gregory": frozenset({"greg"}),
    "james": frozenset({"jim", "jimmy"}),
    "jeffrey": frozenset({"jeff"}),
    "jennifer": frozenset({"jen", "jenny"}),
    "john": frozenset({"jack", "johnny"}),
    "jonathan": frozenset({"jon"}),
    "joseph": frozenset({"joe", "joey"}),
    "katherine": frozenset({"kathy", "kate", "katie"}),
    "kenneth": frozenset({"ken"}),
    "lawrence": frozenset({"larry"}),
    "margaret": frozenset({"maggie", "peggy"}),
    "matthew": frozenset({"matt"}),
    "michael": frozenset({"mike"}),
    "nicholas": frozenset({"nick"}),
    "peter": frozenset({"pete"}),
    "rebecca": frozenset({"becky"}),
    "richard": frozenset({"dick", "rick", "rich"}),
    "robert": frozenset({"bob", "bobby", "rob"}),
    "ronald": frozenset({"ron"}),
    "samuel": frozenset({"sam"}),
    "stephen": frozenset({"steve"}),
    "steven": frozenset({"steve"}),
    "susan": frozenset({"sue"}),
    "thomas": frozenset({"tom", "tommy"}),
    "timothy": frozenset({"tim"}),
    "william": frozenset({"bill", "billy", "will"}),
}  # fmt: skip

# Nouns news uses to refer back to an organisation it has just named ("the authority said").
ORGANISATION_NOUNS = frozenset(
    {
        "agency", "authority", "body", "organisation", "organization", "institute", "institution",
        "ministry", "department", "watchdog", "regulator", "charity", "company", "firm", "group",
    }
)  # fmt: skip

# The generic head of an organisation's name, which its short form leaves out ("Fox" for "Fox
# News", "State" for "State Department", "Nusra" for "al-Nusra Front"); a name ending otherwise
# is something of the organisation's, not another name for it ("Coke Chase", a campaign;
# "Politico Playbook", a newsletter; "Senate Judiciary", a committee).
# The last word of a newspaper's name, by which a story calls it once named in full ("the Times"
# for The New York Times, "the Post", "the Journal").
PUBLICATION_HEADS = word_list(
    "times post journal tribune herald globe observer gazette chronicle inquirer examiner telegraph guardian"
)
ORGANISATION_NAME_HEADS = word_list(
    """
    news department ministry agency office bureau service university college school institute
    foundation corporation corp inc co company group party front army corps brigade movement
    hotel bank network channel times post
    """
)
# Counted nouns that name one kind of thing however an outlet words it, each group under one key
# (conflicts pair "13 babies" with "Thirteen children", "11 nations" with "10 countries", a "$1.9
# trillion aid package" with a "$1.9 trillion stimulus bill", "$1,400 checks" with "$1,400 payments",
# "7,000 troops" with "7,000 soldiers").
# Deliberately small: a pair of words goes in only when news uses them for the same count.
COUNTED_NOUN_GROUPS: dict[str, frozenset[str]] = {
    "child": frozenset({"child", "kid", "baby", "infant", "newborn", "toddler"}),
    "country": frozenset({"country", "nation"}),
    "casualty": frozenset({"casualty", "casualties"}),
    "home": frozenset({"home", "house", "dwelling"}),
    "vehicle": frozenset({"vehicle", "car"}),
    "company": frozenset({"company", "firm", "business"}),
    "bill": frozenset({"bill", "package", "legislation", "plan", "proposal"}),
    "payment": frozenset({"payment", "check"}),
    "donation": frozenset({"donation", "gift", "contribution"}),
    "soldier": frozenset({"soldier", "troop"}),
    "worker": frozenset({"worker", "employee", "staffer"}),
}

# What a count of people counts, by the event it counts them in: "13 babies born with ..." and
# "Thirteen children born missing hands" are both births, "about 900,000 Jews were murdered" and
# "About 900,000 people fell victim" both deaths, however differently the outlets word the rest.
# The classes follow the ACE 2005 event types whose arguments news counts in people (LDC, "ACE
# (Automatic Content Extraction) English Annotation Guidelines for Events", 2005): Life.Die,
# Life.Injure, Life.Be-Born, Justice.Arrest-Jail, Movement.Transport (people moved out of harm's
# way), and the missing. Each class is keyed as the conflict rules key a toll ("killed", "injured";
# "born" is the one class that is no toll), and lists the lemmas (as spaCy gives them: "born" is "bear") of the verbs, adjectives and nouns that
# name it in a figure's own phrase. Deliberately small: a word goes in only when news uses it for
# that count and no other ("victim" alone may be injured; see EVENT_PHRASES).
EVENT_CLASSES: dict[str, frozenset[str]] = {
    "killed": frozenset(
        {
            "kill", "die", "dead", "death", "murder", "slay", "perish", "fatality", "massacre",
            "execute", "behead", "body", "corpse", "bury", "toll",
        }
    ),
    "injured": frozenset({"injure", "wound", "hurt", "injury", "hospitalize", "hospitalise"}),
    "born": frozenset({"bear", "birth", "newborn"}),
    "arrested": frozenset({"arrest", "detain", "jail", "imprison", "detainee"}),
    "displaced": frozenset({"evacuate", "flee", "displace", "evacuee", "refugee", "uproot", "homeless"}),
    "missing": frozenset({"missing"}),
}  # fmt: skip
# Nouns that name the occasion of a toll (a disaster, an attack, a war), each group under one key:
# "A 1997 quake killed a dozen people" and "In 1997, a 6.0-magnitude earthquake killed more than
# 100 people" tell of one occasion, the quake of 1997. The groups follow the ACE 2005 Conflict.Attack
# event type and the natural and man-made disasters news counts tolls in; a word goes in a group
# only when news uses it for the same occasion ("blast" and "bombing", not "storm" and "tornado").
OCCASIONS: dict[str, frozenset[str]] = {
    "quake": frozenset({"quake", "earthquake", "temblor"}),
    "flood": frozenset({"flood", "flooding", "deluge"}),
    "hurricane": frozenset({"hurricane", "typhoon", "cyclone"}),
    "tornado": frozenset({"tornado", "twister"}),
    "storm": frozenset({"storm", "blizzard"}),
    "tsunami": frozenset({"tsunami"}),
    "landslide": frozenset({"landslide", "mudslide"}),
    "avalanche": frozenset({"avalanche"}),
    "eruption": frozenset({"eruption"}),
    "fire": frozenset({"fire", "wildfire", "blaze", "inferno"}),
    "explosion": frozenset({"explosion", "blast", "bombing"}),
    "shooting": frozenset({"shooting", "gunfire"}),
    "attack": frozenset({"attack", "assault"}),
    "crash": frozenset({"crash", "collision", "derailment"}),
    "stampede": frozenset({"stampede"}),
    "epidemic": frozenset({"epidemic", "outbreak", "pandemic"}),
    "famine": frozenset({"famine"}),
    "war": frozenset({"war"}),
}  # fmt: skip

# A verb and its object that together name a class where neither does alone: "fell victim",
# "lost their lives", "claimed the lives" (lemmas).
EVENT_PHRASES: dict[tuple[str, str], str] = {
    ("fall", "victim"): "killed", ("lose", "life"): "killed", ("claim", "life"): "killed",
}  # fmt: skip

# Words that mark a writer's scorn whenever an outlet uses them in its own voice: one alone makes
# a sentence the outlet's (the voice rule). Each is also evaluative (below). Word forms, lower case.
SNEERS = word_list(
    """
    absurd absurdity laughable ludicrous preposterous ridiculous farcical farce hypocritical
    hypocrisy idiotic stupid pathetic disingenuous despicable disgraceful shameless shameful
    scandalous outrageous nefarious sham propaganda blatantly blatant insane moronic clueless
    lunatic hysterical hysteria craven spineless duplicitous deranged delusional sneaky
    whopping supposedly so-called crowed crowing provocateur chattering fearmongering
    fear-mongering scaremongering demagoguery
    absurdities farces hypocrisies lunatics shams provocateurs
    """
)
# Strongly subjective evaluative words (MPQA "strongsubj" in spirit, Wilson, Wiebe and Hoffmann
# 2005): a judgement of a thing, a person or an act that a reporter leaves to sources. The one list
# of evaluative wording for every part of a brief: two in a sentence outside quotations make it the
# outlet's (the voice rule, pipeline/voice.py), and each is an opinion word to the framing
# analysis. Lower case, with the plural of each countable noun, since the voice rule reads words
# as written where the framing analysis reads lemmas. Chosen by what a word says in general
# English, never from the evaluation data. Left out: words whose common news sense describes
# rather than judges ("good" and "goods", "great" in "Great Britain", "bad", "wrong", "dangerous",
# "imaginary"), feelings a report attributes ("outrage", "shame", "sorrow"), a literal sense as
# common as the figurative one ("suffocating"), labels for actors, which the framing analysis
# reads as names ("extremist", "radical"), and words that grade rather than judge ("utter",
# "profound": the framing analysis counts them among its intensifiers).
EVALUATIVE = SNEERS | word_list(
    """
    abhorrent admirable aggressive alarming appalling atrocious atrocity awful barbaric baseless
    benevolent benighted betrayal bizarre bleak bombshell brilliant brutal brutally callous
    catastrophic courageous cowardly cruel cynical cynicism deplorable desolation desperate
    devastating devastation dire disastrous disastrously disgrace disgusting dishonest draconian
    dreadful egregious emblematic evil excellent extraordinary fantastic foolish futile glaring
    grotesque heinous heroic hideous hopeless horrendous horrible horrific immoral incompetent
    incredible indefensible indiscriminate inexcusable inhumane insidious intolerable magnificent
    malicious marvellous marvelous merciless misguided monstrous naive naïve nasty noble notorious
    obscene onslaught pitiful pointless pretext reckless remarkable reprehensible sad savage
    senseless shocking shockingly sinister stunning stunningly superb terrible terrific tragedy
    tragic tremendous tyrant unacceptable unbelievable unconscionable unimaginable unjust
    unthinkable untrue useless vicious vile villain wicked wonderful worthless
    atrocities betrayals bombshells disgraces evils onslaughts pretexts tragedies tyrants villains
    """
)

# The words of a government office named after "of" in a title before a name ("Secretary of
# State John Kerry", "Director of National Intelligence James Clapper", "Secretary of the
# Interior Ryan Zinke"), which the model reads into the person's name. Lower case.
OFFICE_WORDS = word_list(
    """
    state defense defence national intelligence homeland security interior treasury justice health
    human services energy education labor labour commerce agriculture transportation veterans
    affairs housing urban development the navy army air force staff budget management central
    federal bureau investigation foreign home office environmental protection
    """
)

# Nouns for something said or reported, which can be true or false: "false claims", "disputed the
# report", "contrary to reports". "Statement" is left out, since "false statements" is the name of
# an offence ("pleaded guilty to making false statements"), not one outlet calling another's false.
CLAIM_NOUNS = word_list(
    """
    claim allegation accusation assertion charge report story narrative rumor rumour suggestion
    characterization characterisation account information news premise notion impression theory
    """
)
# Nouns for words someone said, which can name their speaker by a possessive ("Axelrod's comment
# that ...", "Trump's claim that ..."): the claim nouns and the plain ones.
UTTERANCE_NOUNS = CLAIM_NOUNS | word_list(
    "comment remark statement words quip joke tweet warning description"
)
# What someone is said to have done, which "deny" can have as its object in the sense of saying
# it is untrue ("denied any wrongdoing"); with any other object "deny" withholds ("denied a
# motion", "denied bail").
DENIED_DEEDS = word_list(
    """
    wrongdoing involvement responsibility role knowledge link links connection connections tie
    ties existence
    """
)

_WHOLE_QUOTATION = re.compile(r"[\"“][^\"“”]+[\"”][.!?]?")


def is_whole_quotation(text: str) -> bool:
    """True when the sentence is one quotation from its first character to its last, with no
    attribution outside the marks ("\"To make a path ... Aleppo city.\"")."""
    return _WHOLE_QUOTATION.fullmatch(text.strip()) is not None


_QUOTATION_MARK = re.compile(r"[“”\"]")
_AFTER_PUNCTUATION = re.compile(r"[.,!?…—-]$")


def is_cut_loose_quotation(text: str) -> bool:
    """True when the sentence is someone's words cut loose from who said them: one whole
    quotation, or a piece of one the sentence splitter cut (it closes a quotation it did not
    open, or opens one it does not close)."""
    return is_whole_quotation(text) or quotation_ends(text) != (False, False)


def _inflections(verb: str) -> set[str]:
    """The regular forms of a verb: "tweet" -> tweets, tweeted, tweeting; "reply" -> replied."""
    stem = verb[:-1] if verb.endswith("e") else verb
    third = verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else verb + "s"
    forms = {verb, third, stem + "ed", stem + "ing"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnprt]", verb):  # "admit" -> admitted, admitting
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


# Every form of a speech verb that can end the sentence introducing a quotation ("..., saying:",
# "Bloomberg Politics reports:", "The statement read:"), the irregular ones listed.
SPEECH_VERB_FORMS = frozenset(
    {form for verb in SPEECH_VERBS for form in _inflections(verb)}
    | {"said", "told", "wrote", "written", "swore", "sworn", "read", "reads"}
)
_LEAD_IN_VERB = re.compile(r"([A-Za-z]+)\s*:\s*$")
_BLOCK_LEAD_IN_MIN_WORDS = 2  # "Trump tweeted:"; "Reads:" alone is a label


def introduces_a_block_quotation(paragraph: str) -> bool:
    """True when a paragraph ends in a speech verb and a colon ("And Trump himself lashed out on
    Twitter, saying:"): the next paragraph is the words it introduces, set as a block (a tweet, a
    statement) that the page showed as a quotation and the extracted text holds without marks."""
    match = _LEAD_IN_VERB.search(paragraph)
    return (
        match is not None
        and match.group(1).lower() in SPEECH_VERB_FORMS
        and len(paragraph.split()) >= _BLOCK_LEAD_IN_MIN_WORDS
    )


def quotes_someone(text: str) -> bool:
    """True when the sentence carries a double quotation mark (straight or curly)."""
    return '"' in text or "“" in text or "”" in text


def quotation_ends(text: str) -> tuple[bool, bool]:
    """Whether the sentence closes a quotation it did not open, and whether it opens one it does
    not close (a quotation the sentence splitter cut in two).

    The marks are read as ``_quotation_marks`` reads them.
    """
    depth, closes = 0, False
    for _, opens in _quotation_marks(text):
        if opens:
            depth += 1
        elif depth:
            depth -= 1
        else:
            closes = True
    return closes, depth > 0


def as_inner_quotation(text: str) -> str:
    """The sentence with its double quotation marks made single (‘ ’), for showing it inside
    double marks: “‘A,’ she said.” rather than ““A,” she said.”. Apostrophes are left alone."""
    chars = list(text)
    for at, opens in _quotation_marks(text):
        chars[at] = "‘" if opens else "’"
    return "".join(chars)


def _quotation_marks(text: str) -> Iterator[tuple[int, bool]]:
    """Each double quotation mark's position and whether it opens a quotation.

    The marks are read left to right as one kind, since outlets mix curly and straight marks
    within one quotation (“... Texas."): “ opens, ” closes, and a straight mark closes an open
    quotation, or, with none open, opens one, unless it is the sentence's first mark and follows
    punctuation (a closer whose opener is in an earlier sentence).
    """
    if not quotes_someone(text):
        return
    depth = 0
    for match in _QUOTATION_MARK.finditer(text):
        mark = match.group()
        opens = mark == "“" or (mark == '"' and depth == 0 and not _closes_unopened(text, match.start()))
        depth = depth + 1 if opens else max(depth - 1, 0)
        yield match.start(), opens


def _closes_unopened(text: str, at: int) -> bool:
    """True when the straight mark at ``at`` is the first mark of the sentence and follows
    punctuation and precedes a space or the end: the close of a quotation opened earlier."""
    before = text[:at]
    return (
        not _QUOTATION_MARK.search(before)
        and bool(_AFTER_PUNCTUATION.search(before))
        and (at + 1 == len(text) or text[at + 1].isspace())
    )


def sex_of_word(word: str) -> str:
    """The sex a courtesy title or a noun for a person states ("Ms." female, "son" male), else ""."""
    lower = re.sub(r"['’]s$", "", word.lower()).strip(".,")
    if lower in MALE_WORDS:
        return "male"
    return "female" if lower in FEMALE_WORDS else ""


def sex_of_first_name(name: str) -> str:
    """The sex nearly all bearers of the person's first name share ("Nancy Pelosi" female), else "".

    A name written surname first or in a language the US census does not sample is often no first
    name at all ("Kim Jong Un"); such names are either not in the list or not of one sex there, and
    a double-barrelled one ("Jean-Claude Juncker") is not looked up.
    """
    words = name.split()
    if len(words) < 2 or "-" in words[0]:
        return ""
    return _first_name_sexes().get(words[0].lower(), "")


@cache
def _first_name_sexes() -> dict[str, str]:
    text = resources.files("newsbrief.analysis").joinpath("first-names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))


# Words for a political party, as they qualify a title ("Arkansas Republican Gov. Asa Hutchinson"):
# the parser tags them as nationalities are tagged, but a party names no other office.
PARTY_WORDS = frozenset(
    {
        "conservative",
        "democrat",
        "democratic",
        "gop",
        "independent",
        "labour",
        "liberal",
        "republican",
        "tory",
    }
)
# A title as abbreviated before a name and the noun a story later calls the person by ("Sen. Ted
# Cruz ... the senator", "Rep. Blake Farenthold ... the four-term congressman"): one office.
_OFFICE_OF_TITLE = {
    "sen": "senator", "rep": "representative", "congressman": "representative",
    "congresswoman": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
    "capt": "captain", "col": "colonel", "maj": "major", "sgt": "sergeant", "prof": "professor",
}  # fmt: skip


def same_title(title: str, noun: str) -> bool:
    """True when a title before a name and a noun for a person name one office ("Sen." and
    "senator", "Rep." and "congressman", "president" and "president")."""
    first, second = (word.lower().rstrip(".") for word in (title, noun))
    return _OFFICE_OF_TITLE.get(first, first) == _OFFICE_OF_TITLE.get(second, second)


def is_title(word: str) -> bool:
    """True for a title or its qualifier as written before a name ("Sen.", "former", "President"),
    or a title in the plural before two names ("Senators Ron Wyden and Dianne Feinstein")."""
    lower = word.lower().rstrip(".")
    return lower in _TITLE_WORDS or (lower.endswith("s") and lower[:-1] in TITLES)


# A dateline at the head of an article's first sentence: "WASHINGTON —", "MONSEY, N.Y. (AP) — ",
# "FERGUSON, Mo. --", "WASHINGTON/LONDON (Reuters) -", "(CNN) -- ", "(CNN)": a place in capitals
# (a state or country after a comma may be written "N.J." or "Mo."), an agency in brackets, then a
# dash; or the bare agency; or places in capitals joined by a slash and a comma, whose agency and
# dash a copy dropped ("PRETORIA/KHARTOUM, Sudanese President ..."), which no acronym is; or a place
# in title case before a dash set off by spaces, with or without the agency ("New York – In his
# first ...", "Doha, Qatar - US officials ...", "Denver (AP) – Colorado's top ..."): all 7 such
# first sentences of BASIL, Multi-News and the roundups' leads, and the 7 with an agency.
_STATE = r"(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"  # ", N.J.", ", Qatar", ", New Hampshire"
_AGENCY = r"(?: \((?:AP|Reuters|AFP|CNN|UPI)\))?"  # " (AP)" after the place
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’/-]+(?: [A-Z][A-Z.'’/-]*){0,3}" + _STATE + _AGENCY + r"\s*(?:—|–|―|--|-)|"
    r"\((?:CNN|AP|Reuters|AFP)\)\s*(?:—|–|―|--|-)?|"
    r"[A-Z]{3,}(?:/[A-Z]{3,})+,|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}" + _STATE + _AGENCY + r" (?:—|–|―|--|-) )\s*"
    r"(?=[A-Z“\"‘'])"
)


def without_dateline(text: str) -> str:
    """The sentence without a dateline at its head ("WASHINGTON (AP) — Emboldened House
    Republicans ..." -> "Emboldened House Republicans ..."): where one outlet filed its report,
    which a brief of several outlets does not print in its lines."""
    match = DATELINE.match(text)
    return text[match.end() :] if match is not None else text


def printed_text(sentence: Sentence) -> str:
    """A source sentence as the brief prints it, in its lines and its lists: an article's first
    without its dateline ("WASHINGTON —"), which would otherwise make two reports of one event
    look apart."""
    return without_dateline(sentence.text) if sentence.index == 0 else sentence.text


# The signature under a post embedded from Twitter: "— Donald J. Trump (@realDonaldTrump) March 3,
# 2016" at the end of the paragraph that holds the post's words.
POST_SIGNATURE = re.compile(
    r"\s+[—–]\s*(?P<name>[^\s—–()@][^()@\n]{0,60}?)\s+\(@\w{1,15}\)\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4}\s*$"
)


def is_post_signature(text: str) -> bool:
    """Whether a sentence is only the signature under an embedded post ("— Donald J. Trump
    (@realDonaldTrump) March 3, 2016"): who posted and when, no statement of anyone's."""
    return POST_SIGNATURE.fullmatch(" " + text.strip()) is not None
