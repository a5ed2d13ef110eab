"""Disputed claims on the real Aleppo articles and on Multi-News sentences."""

from __future__ import annotations

import pytest

from basil_stories import basil_story
from newsbrief.analysis.disputes import _claim_makers, _denial_cue, _spacy_sentences, find_disputes
from newsbrief.analysis.nlp import parse
from newsbrief.model import Article
from newsbrief.pipeline.clean import clean
from newsbrief.pipeline.segment import segment

pytestmark = pytest.mark.nlp


def test_aleppo_al_jazeera_calls_the_zerohedge_claim_untrue(aleppo: dict[str, Article]) -> None:
    articles = [clean(aleppo[name])[0] for name in ("aljazeera", "npr", "zerohedge")]
    sentences = [sent for article in articles for sent in segment(article)]
    disputes = find_disputes(articles, parse(articles), sentences)
    assert len(disputes) == 1
    dispute = disputes[0]
    assert dispute.dispute.article_id == "aljazeera" and "blatantly untrue" in dispute.dispute.text
    assert "mostly under the control of al-Nusra Front" in dispute.disputed.text
    assert dispute.claim.article_id == "zerohedge" and "hodgepodge" in dispute.claim.text
    assert "including al-Qaeda" in dispute.claim.text


def test_a_denial_of_something_no_other_outlet_says_is_not_a_dispute() -> None:
    # mn-18210: the denial stands alone; the other article's "sexual assault" is another matter.
    denial = "Trump and his aides have denied he had any sexual encounter with Daniels."
    other = (
        "Less than two weeks ago, Trump publicly mocked Christine Blasey Ford, who accused Supreme Court "
        "nominee Brett Kavanaugh of sexual assault when they were in high school."
    )
    assert _disputes_between(denial, other) == []


def _disputes_of(fixture: str) -> list[tuple[str, str]]:
    """The (claim, denial) sentence openings of every dispute found in a BASIL fixture story."""
    articles = [clean(article)[0] for article in basil_story(fixture)]
    sentences = [sent for article in articles for sent in segment(article)]
    return [
        (dispute.claim.text[:40], dispute.dispute.text[:40])
        for dispute in find_disputes(articles, parse(articles), sentences)
    ]


@pytest.mark.parametrize(
    ("fixture", "denial", "sense"),
    [
        (
            "basil-inauguration-boycott.jsonl",
            "While dozens of House Democrats boycotte",
            "'fueled disputes': a quarrel",
        ),
        (
            "basil-stone-indictment.jsonl",
            "Former Trump lawyer Michael Cohen pleade",
            "the offence of false statements",
        ),
        (
            "basil-stone-indictment.jsonl",
            "Instead, it accuses him of witness tampe",
            "the charge of false statements",
        ),
        (
            "basil-birthright-citizenship.jsonl",
            "It also follows action by the Trump admi",
            "'deny green card status to people'",
        ),
        (
            "basil-buzzfeed-cohen-report.jsonl",
            "The special counsel’s statement Friday h",
            "'did not directly dispute'",
        ),
    ],
)
def test_cue_words_in_another_sense_deny_nothing(fixture: str, denial: str, sense: str) -> None:
    # BASIL (2017-2019): each of these sentences was shown as disputing another outlet's claim.
    assert all(found != denial for _, found in _disputes_of(fixture)), sense


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # Multi-News mn-10463 and BASIL (2015, 2017): a negation shared by "nor" or "or"
        (
            "A spokesman for the Metropolitan police said that the force would neither confirm nor deny the report.",
            None,
        ),
        (
            "A spokesman for the U.S. attorney in Brooklyn said he could not confirm, deny or comment on the case.",
            None,
        ),
        (
            "“I can neither confirm nor deny that settlement involved my office,” Mr. Farenthold said at the time.",
            None,
        ),
        ("The spokesman did not comment but denied the report.", "denied"),
    ],
)
def test_a_negation_shared_by_or_and_nor_denies_nothing(text: str, cue: str | None) -> None:
    article = Article(id="d1", outlet="outlet", title="", url=None, published=None, text=text)
    sentences = segment(article)
    spans = _spacy_sentences([article], parse([article]), sentences)
    found = _denial_cue(spans[0], sentences[0])
    assert (found[0] if found else None) == cue


def test_a_claim_is_not_another_account_of_the_denial_nor_matched_by_a_name_alone() -> None:
    # BASIL, the BuzzFeed report on Cohen (2019): Fox's "... releasing a statement disputing parts
    # of a BuzzFeed news report ..." was shown as the claim the statement disputes; the Times'
    # and HuffPost's accounts of the report itself are the claims.
    disputes = _disputes_of("basil-buzzfeed-cohen-report.jsonl")
    assert all(not claim.startswith("President Trump on Saturday said") for claim, _ in disputes)
    assert ("BuzzFeed published the story on Thursda", "In a rare statement issued Friday night,") in [
        (claim[:39], denial) for claim, denial in disputes
    ]
    # The special counsel's office calling BuzzFeed's description "not accurate" is a denial of the
    # report too, not the claim that Sanders calls "categorically false".
    assert all(not claim.startswith("“BuzzFeed’s description of specific") for claim, _ in disputes)
    # Donald Trump Jr. and WikiLeaks (2017): his denial of colluding with the Russian government was
    # matched to "... WikiLeaks was acting as a conduit for Russian operatives" by "Russian" alone.
    wikileaks = _disputes_of("basil-trump-jr-wikileaks.jsonl")
    assert all(not claim.startswith("By publishing thousands of hacked") for claim, _ in wikileaks)


@pytest.mark.parametrize(
    ("fixture", "claim", "denial", "near"),
    [
        (  # an offer conveyed, not "any suggestion that there was impropriety": matched on "suggestion"
            "basil-sestak-job-offer.jsonl",
            "In a statement Friday, Mr. Sestak said",
            "The White House report disputed any sugg",
            "an offer's 'suggestion'",
        ),
        (  # a quotation mocking Schiff states no "false narrative" about collusion: matched on "collusion"
            "basil-schiff-resign-call.jsonl",
            "",
            "Rep. Michael Conaway, R-Texas, attacked ",
            "a mocking quotation",
        ),
        (  # Trump Jr. "has denied colluding with the Russian government"; the claim: he communicated
            "basil-trump-jr-wikileaks.jsonl",
            "The correspondence, which began weeks b",
            "He said the meeting did not lead to any",
            "communicating with people tied to the Russian government, not colluding with it",
        ),
        (  # "no evidence that the bias ... impacted prosecutorial decisions in the Clinton email probe"
            "basil-strzok-fired.jsonl",
            "He testified last month after the rele",
            "The IG ultimately found no evidence tha",
            "a report on the probe, not bias that impacted decisions in it",
        ),
        (  # the inspector general "did not have confidence that Strzok's decision ... was free from
            # bias": a negated statement agrees with "no evidence that the bias ... impacted" decisions
            "basil-strzok-fired.jsonl",
            "“Under these circumstances, we did not",
            "The IG ultimately found no evidence tha",
            "a statement that something is not so",
        ),
        (  # "no evidence of collusion"; the claim: the investigation "did not determine" a conspiracy
            "basil-schiff-resign-call.jsonl",
            "All nine Republican members of the Hou",
            "The letter follows the conclusion of S",
            "the campaign and the election, not collusion",
        ),
    ],
)
def test_a_claim_must_state_what_the_denial_calls_false(
    fixture: str, claim: str, denial: str, near: str
) -> None:
    # BASIL (2010-2019): each denial was shown disputing a sentence that states something near the
    # thing it calls false, not that thing ("" : no sentence of the story states it): a claim noun
    # matched on "suggestion", a deed or clause on a word of its modifiers ("with the Russian
    # government", "in the Clinton email probe", "between Trump campaign members").
    disputes = _disputes_of(fixture)
    assert not any(found.startswith(claim) and by.startswith(denial) for found, by in disputes), near


def test_a_denied_deed_is_matched_in_other_words() -> None:
    # BASIL, Trump and Flynn (2017): Trump "denied that he asked Comey to stop investigating Flynn";
    # HuffPost states it as Comey's testimony that Trump "requested that Comey put an end to the
    # agency's investigation into Flynn" ("investigating" and "investigation": one word in meaning).
    # The Sestak job offer (2010): the White House report disputed "any suggestion that there was
    # impropriety"; the Times states the Republicans' accusation that it tried to bribe a congressman.
    flynn = _disputes_of("basil-flynn-comey-denial.jsonl")
    assert ("The following month, Comey testified be", "Trump over the weekend denied that he as") in [
        (claim[:39], denial) for claim, denial in flynn
    ]
    sestak = _disputes_of("basil-sestak-job-offer.jsonl")
    assert ("Mr. Sestak first mentioned publicly in F", "The White House report disputed any sugg") in sestak


def test_a_clause_is_stated_by_its_subject() -> None:
    # BASIL, the tax-cut deal (2010): Obama "disputed that Democrats generally feel betrayed by his
    # deal"; Fox's sentence states the "withering criticism from liberal Democrats" of the deal.
    disputes = _disputes_of("basil-tax-deal-democrats.jsonl")
    assert any(
        claim.startswith("Summers added that he thinks Congress")
        and denial.startswith("In brief remarks after meeting with")
        for claim, denial in disputes
    )


def test_the_content_of_a_disputed_claim_is_matched_by_meaning() -> None:
    # BASIL, the NAACP and the Tea Party (2010): the "claims of racism" the organizers dispute are
    # stated in other words, the resolution's "racist elements".
    assert (
        "The NAACP adopted a resolution Tuesday c",
        "Tea party organizers disputed claims of ",
    ) in _disputes_of("basil-naacp-tea-party.jsonl")


def test_a_claim_that_tells_of_an_answer_without_what_it_said_is_no_claim() -> None:
    # BASIL, the Medicare ads (2012): "The Romney campaign retorted with an ad of its own Tuesday."
    # was shown as what fact-checkers disputed ("the Romney campaign's characterization"); it says
    # that the campaign answered, not what it said.
    disputes = _disputes_of("basil-medicare-ads.jsonl")
    assert all(not claim.startswith("The Romney campaign retorted") for claim, _ in disputes)


def test_a_word_of_two_people_is_not_matched_across_them() -> None:
    # the same story: "as Obama's campaign claims" was then matched to "the Romney campaign's
    # characterization" on "campaign", two campaigns of two men.
    disputes = _disputes_of("basil-medicare-ads.jsonl")
    assert all(not claim.startswith("Ryan says this is to preserve") for claim, _ in disputes)


def test_a_denial_opened_by_a_conjunction_denies_what_it_names() -> None:
    # BASIL, the veto of the 9/11 victims bill (2016): "But the bill's proponents have disputed
    # Obama's rationale ..." was taken to deny the whole sentence before it (the veto) and paired
    # with "Obama vetoed the bill last week and issued a lengthy statement with it."; what it
    # disputes is the rationale, which no other outlet states.
    disputes = _disputes_of("basil-veto-override.jsonl")
    assert all(not denial.startswith("But the bill's proponents have") for _, denial in disputes)


def test_a_denial_that_refers_back_by_its_subject_still_denies_the_sentence_before() -> None:
    # BASIL, the PRISM program (2013): "Those firms have denied they give the government a “back
    # door” ..." refers back to the companies of the sentence before it, and the Post's list of
    # the companies that take part knowingly is the claim it denies.
    assert (
        "The companies that participate knowingly",
        "Those firms have denied they give the go",
    ) in _disputes_of("basil-prism-companies.jsonl")


def test_a_denial_of_allegations_it_does_not_spell_out_finds_the_allegation_against_the_denier() -> None:
    # BASIL (2016-2019): "the allegations", "the rumors", "the claims in the article" say nothing
    # of what they deny; the outlet that reports the allegation against the one who denies it
    # states the claim.
    farenthold = [
        (claim[:39], denial[:39]) for claim, denial in _disputes_of("basil-farenthold-resigns.jsonl")
    ]
    assert (
        "Greene accused Farenthold of telling he",
        "In a video in December announcing his r",
    ) in farenthold
    assert (
        "It was known for several years that Mr.",
        "A few of his GOP colleagues urged him t",
    ) in farenthold
    articles = [clean(article)[0] for article in basil_story("basil-farenthold-resigns.jsonl")]
    sentences = [sent for article in articles for sent in segment(article)]
    explained = {
        dispute.dispute.text[:39]: dispute.compared
        for dispute in find_disputes(articles, parse(articles), sentences)
    }
    assert explained["In a video in December announcing his r"] == (
        "the claim tells of an allegation against Mr. Farenthold, who denies it"
    )
    cruz = _disputes_of("basil-cruz-affair-story.jsonl")
    assert ("The Texas lawmaker blamed his rival for", "Cruz vehemently denied the rumors, whic") in [
        (claim[:39], denial[:39]) for claim, denial in cruz
    ]
    buzzfeed = _disputes_of("basil-buzzfeed-cohen-report.jsonl")
    assert ("Citing two federal law enforcement offi", "Trump’s team had also denied the claims") in [
        (claim[:39], denial[:39]) for claim, denial in buzzfeed
    ]


def test_a_sentence_that_names_an_allegation_without_what_it_says_is_no_claim_against_the_denier() -> None:
    # BASIL, the Stone indictment (2019): Stone "was 'falsely accused'"; "The charges brought
    # against Mr. Stone have nothing to do with the president" names the charges, not what they say.
    disputes = _disputes_of("basil-stone-indictment.jsonl")
    assert all(not claim.startswith("“The charges brought against Mr. Stone") for claim, _ in disputes)


def test_what_someone_said_falsely_is_found_where_another_outlet_reports_them_saying_it() -> None:
    # BASIL, birthright citizenship (2018): HuffPost's "Trump also falsely stated that the U.S. is
    # 'the only country in the world' ..." and Fox's quotation of Trump saying it.
    disputes = _disputes_of("basil-birthright-citizenship.jsonl")
    assert any(
        claim.startswith("“How ridiculous, we’re the only country")
        and denial.startswith("Trump also falsely stated that the U.S.")
        for claim, denial in disputes
    )
    # the shutdown (2019): "Trump claimed, falsely, that Mexico was already paying for a border
    # wall" is not his tweet that he will "pass a bill that secures our borders"
    shutdown = _disputes_of("basil-shutdown-first-meeting.jsonl") + _disputes_of(
        "basil-shutdown-briefing.jsonl"
    )
    assert all(not claim.startswith("In a pair of evening tweets") for claim, _ in shutdown)


NETANYAHU_LEADS = (  # AllSides roundup probe-2207 (2019): two of the three outlets' leads
    "Israel's attorney general has formally charged Prime Minister Benjamin Netanyahu in a series of "
    "corruption scandals. Attorney General Avichai Mandelblit issued an indictment today charging "
    "Netanyahu with fraud, breach of trust and bribery. He was scheduled to address reporters later. "
    "Netanyahu has denied any wrongdoing in the three corruption cases, saying he is a victim of a "
    "political witch-hunt.",
    "Israeli Prime Minister Benjamin Netanyahu was indicted on corruption charges on Thursday, "
    "presenting one of the gravest challenges yet to Israel's longest-serving leader. Netanyahu, 70, "
    "denies all wrongdoing but now finds himself stuck in political and legal limbo.",
)


def _disputes_between(*texts: str) -> list[tuple[str, str, str]]:
    """(claim, denial, what ties them) of every dispute among articles of these texts."""
    articles = [
        Article(id=f"d{n}", outlet=f"outlet {n}", title="", url=None, published=None, text=text)
        for n, text in enumerate(texts, start=1)
    ]
    sentences = [sent for article in articles for sent in segment(article)]
    return [
        (dispute.claim.text, dispute.dispute.text, dispute.compared)
        for dispute in find_disputes(articles, parse(articles), sentences)
    ]


def test_a_denial_of_any_wrongdoing_finds_what_the_denier_is_charged_with() -> None:
    # "denies all wrongdoing" says nothing of what it denies; the other outlet's indictment
    # "charging Netanyahu with fraud, breach of trust and bribery" is the allegation against him.
    disputes = _disputes_between(*NETANYAHU_LEADS)
    assert (
        "Attorney General Avichai Mandelblit issued an indictment today charging Netanyahu with fraud, "
        "breach of trust and bribery.",
        "Netanyahu, 70, denies all wrongdoing but now finds himself stuck in political and legal limbo.",
        "the claim tells of an allegation against Netanyahu, who denies it",
    ) in disputes
    # and the passive form, the other way round: "Netanyahu was charged Thursday with bribery"
    charged = "Netanyahu was charged Thursday with bribery, fraud and breach of trust."
    claims = [claim for claim, denial, _ in _disputes_between(NETANYAHU_LEADS[0], charged)]
    assert claims == [charged]


def test_a_denial_of_wrongdoing_is_no_dispute_with_a_sentence_that_alleges_nothing() -> None:
    # the same denial beside what another outlet reports of Netanyahu without an allegation
    plain = "Netanyahu was scheduled to address reporters later, a Justice Ministry statement said."
    assert _disputes_between(NETANYAHU_LEADS[1], plain) == []


def test_a_denial_whose_words_the_story_repeats_finds_the_claim_that_gives_the_same_figure() -> None:
    # AllSides roundup probe-2359 (2020): every word of the denied report is in most sentences of
    # the two leads; the figure it gives, $750, ties it to the outlet that states it.
    times = (
        "The Times obtained Donald Trump’s tax information extending over more than two decades, "
        "revealing struggling properties, vast write-offs, an audit battle and hundreds of millions in "
        "debt coming due. Donald J. Trump paid $750 in federal income taxes the year he won the "
        "presidency. In his first year in the White House, he paid another $750."
    )
    denial = (
        "President Trump denied a report that said he paid just $750 in federal income taxes in 2016 "
        "and his first year in office. The New York Times published a report on Trump's financial "
        "information, which he has long kept out of public view, about half an hour before the "
        "president held a news conference in the White House on Sunday."
    )
    assert _disputes_between(times, denial) == [
        (
            "Donald J. Trump paid $750 in federal income taxes the year he won the presidency.",
            "President Trump denied a report that said he paid just $750 in federal income taxes in "
            "2016 and his first year in office.",
            "both give $750 of what the denial calls false",
        )
    ]


def test_a_figure_of_a_relative_clause_in_the_denial_is_not_what_it_calls_false() -> None:
    # probe-40 (2020): "... on the crash, which killed all 176 people on board" tells of the
    # crash, not of the allegations Iran denies; the toll given elsewhere is no claim of them.
    denial = (
        "TEHRAN, Iran (AP) — Iran on Friday denied Western allegations that one of its own missiles "
        "downed a Ukrainian jetliner that crashed outside Tehran, and called on the U.S. and Canada to "
        "share any information they have on the crash, which killed all 176 people on board."
    )
    toll = "There were 176 people killed in the crash, mostly Iranian and Canadian nationals."
    assert _disputes_between(denial, toll) == []


def test_claims_called_unfounded_are_found_where_another_outlet_reports_their_maker_making_them() -> None:
    # AllSides roundup probe-2386 (2020): "even as he repeated unfounded claims of massive voter
    # fraud" (he: Trump, the subject of the sentence) and the other outlet's Trump, who "alleged
    # 'massive fraud' in the vote count".
    denial = (
        "U.S. President Donald Trump said on Thursday he will leave the White House if the Electoral "
        "College votes for President-elect Joe Biden, the closest he has come to conceding the Nov. 3 "
        "election, even as he repeated unfounded claims of massive voter fraud."
    )
    claim = (
        "President Trump said Thursday that he would leave office if the Electoral College votes for "
        "President-elect Joe Biden, but also alleged “massive fraud” in the vote count and promised to "
        "keep up with his legal fight."
    )
    assert _disputes_between(claim, denial) == [
        (claim, denial, "the claim reports President Donald Trump saying what the denial calls false")
    ]


def test_those_who_make_claims_called_baseless_are_not_found_across_a_preposition() -> None:
    # probe-1944 (2018): "for making 'baseless' accusations" are the officials' accusations, not
    # those of Trump, who "wants to strip" them of their clearances; "he repeated unfounded claims"
    # are those of Trump, the subject the pronoun stands for.
    stripped = (
        "President Trump wants to strip former Obama intelligence officials of their security "
        "clearances for making “baseless” accusations against him on Russia, White House press "
        "secretary Sarah Sanders said Monday."
    )
    repeated = (
        "U.S. President Donald Trump said on Thursday he will leave the White House if the Electoral "
        "College votes for President-elect Joe Biden, even as he repeated unfounded claims of massive "
        "voter fraud."
    )
    makers = []
    for text, cue in ((stripped, "accusations"), (repeated, "claims")):
        article = Article(id="d1", outlet="outlet", title="", url=None, published=None, text=text)
        (span,) = _spacy_sentences([article], parse([article]), segment(article))
        makers.append(_claim_makers(next(token for token in span if token.lower_ == cue)))
    assert makers == [set(), {"trump"}]


def test_a_story_called_false_finds_what_its_outlet_reported() -> None:
    # BASIL (2019): Giuliani praised Mueller's office "for 'correcting the Buzzfeed false story'";
    # HuffPost tells what BuzzFeed's report claimed.
    assert ("Citing two federal law enforcement offic", "Trump lawyer Rudy Giuliani on Friday als") in (
        _disputes_of("basil-buzzfeed-cohen-report.jsonl")
    )
    # BuzzFeed's editor, named with the outlet's name in his title, is not its report
    denial = (
        "Trump lawyer Rudy Giuliani on Friday also praised Mueller’s office for “correcting the Buzzfeed "
        "false story” and asked the press to take heed that their hysterical desire to destroy this "
        "President has gone too far.”"
    )
    editor = (
        "Responding to the statement from Mueller’s office on their report, BuzzFeed Editor-in-Chief "
        "Ben Smith said it stands by its reporting and asked the special counsel to make clear what "
        "he is disputing."
    )
    assert _disputes_between(denial, editor) == []


def test_what_someone_is_said_to_have_claimed_erroneously_is_found_even_when_it_is_a_negation() -> None:
    # BASIL, Ryan and the bishops (2012): HuffPost's "erroneously claiming the letters didn't
    # represent 'all the bishops'" calls false what the Times reports Ryan claiming, which is
    # itself that something is not so.
    claim = (
        "Mr. Ryan claimed in a recent interview that those letters did not speak for all bishops, but the "
        "conference responded that those letters do indeed represent the bishops’ collective opinion."
    )
    denial = (
        "Last week, Rep. Ryan dismissed the bishops’ critique, erroneously claiming the letters didn’t "
        "represent “all the bishops,” a point the USCCB media office denied."
    )
    assert [(found, basis) for found, _, basis in _disputes_between(claim, denial)] == [
        (claim, "the claim reports Rep. Ryan saying what the denial calls false")
    ]


MICHIGAN_ACCUSED = (  # AllSides roundup probe-1163 (2020), the third outlet's lead
    "President Trump on Wednesday incorrectly accused Michigan’s Democratic secretary of state of mailing "
    "ballots to all of the state’s registered voters, falsely claiming that it was illegal, as he escalated "
    "his assault against mail voting."
)


def test_what_someone_incorrectly_accused_another_of_is_found_where_another_outlet_reports_the_allegation() -> (
    None
):
    # the first outlet's lead reports Trump alleging what the third calls an incorrect accusation
    claim = (
        "President Trump threatened to withhold funding from Michigan after he alleged that the state sent "
        "absentee ballots to all registered voters."
    )
    assert [(found, basis) for found, _, basis in _disputes_between(claim, MICHIGAN_ACCUSED)] == [
        (claim, "the claim reports President Trump saying what the denial calls false")
    ]


def test_the_one_who_accuses_incorrectly_is_not_the_accused() -> None:
    # "Trump incorrectly accused the secretary of state": no allegation against Trump is denied
    # (AllSides roundups, a lead of another story: "many on the left accused Trump of ...")
    against_trump = (
        "Controversy followed once part of the phone call was made public; many on the left accused Trump "
        "of illegally trying to manipulate the election results."
    )
    assert _disputes_between(against_trump, MICHIGAN_ACCUSED) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (MICHIGAN_ACCUSED, "incorrectly"),
        # AllSides roundups (2020), on the Ukrainian jet: a deed done by mistake calls nothing false
        (
            "Conditions boiled over as Iranians gathered for a second night of protests after the government "
            "admitted it had mistakenly downed a Ukrainian passenger jet, triggering global outrage as well as "
            "internal dissent.",
            None,
        ),
    ],
)
def test_an_adverb_calls_false_only_what_is_said(text: str, cue: str | None) -> None:
    article = Article(id="d1", outlet="", title="", url=None, published=None, text=text)
    sentence = segment(article)[0]
    span = _spacy_sentences([article], parse([article]), [sentence])[0]
    found = _denial_cue(span, sentence)
    assert (found[0] if found else None) == cue
