from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.model import Story
from newsbrief.pipeline.clean import clean
from newsbrief.pipeline.segment import segment
from newsbrief.pipeline.voice import (
    _ATTRIBUTION,
    _WORD,
    _names_a_view,
    is_attributed,
    mostly_quoted,
    names_no_speaker,
    names_speaker_by_pronoun,
    outside_quotations,
    own_voice,
)


@pytest.mark.parametrize(
    "text, reason",
    [
        # ZeroHedge, Aleppo: the blog speaking for itself
        (
            "Back in October, we previewed the “promised” battle for Aleppo, Syria’s largest city prior to the war.",
            "first person",
        ),
        (
            "As we noted four months ago, if Russia and Hezbollah manage to recapture the city, it would effectively restore the Assad government in Syria even if the east of the country is still controlled by Islamic State.",
            "first person",
        ),
        (
            'And trust us, Erdogan knows something about what makes "things easier for a tyrant."',
            "first person",
        ),
        (
            '"On the ground, nearly 40,000 people have fled an offensive this week by President Bashar al-Assad\'s regime north of the city of Aleppo," AFP said on Thursday, citing the Syrian Observatory for Human Rights (or in other words, "citing one guy in London").',
            "aside",
        ),
        ("Could there be such a peace gathering?", "question or exclamation"),
        (
            "In any event, the urgency expressed by the US, Saudi Arabia, and Turkey shouldn't be mistaken for some kind of benevolent regard for the lives are lost each and every day the war drags on.",
            "call to act",
        ),
        (
            "As noted above, if the SAA can retake Aleppo, Assad will have control of most of the country's major urban centers, effectively restoring his grip on power.",
            "self-reference",
        ),
        # an AllSides lead (the roundups' hand-labelled summary lines): the page's video, which a
        # brief does not have
        (
            "Tucker Carlson (video below) captured the pathetic nature of her celebration of racial self-hatred when she said:",
            "self-reference",
        ),
        # an AllSides lead: a signpost to what follows in the outlet's own text (stop 31's hand count)
        (
            "Here’s a look at the partisan claims and a reality check behind the latest immigration fight:",
            "self-reference",
        ),
        # an AllSides lead and a Multi-News article: the writer weighing what it reports in an
        # opening "It is" / "This is"
        ("But it’s notable the statement came from the family and not the senator.", "evaluative"),
        ("This is a show worth watching.", "evaluative"),
        # Multi-News, the babies born without hands (the story's map)
        (
            "Near the village of Druillat in the Ain department in eastern France (plot 1 on the map below), seven babies born were born without arms or hands between 2009 and 2014 all within 17 km of the village.",
            "self-reference",
        ),
        # Al Jazeera opinion, Aleppo
        (
            "Although blatantly untrue, the move has justified the continued bombardment of Aleppo and the imposition of a suffocating siege while maintaining the appearance of the regime’s honouring of the ceasefire.",
            "sneer",
        ),
        (
            "Regime-aligned forces are doing so through some of the most horrific and indiscriminate means of violence, including barrel bombings and brutal sieges that leave civilians without basic necessities.",
            "evaluative",
        ),
        # AllSides roundup leads
        (
            "Liberals tried to criminalize contacts with Russia. Note their hypocritical silence about the former secretary of state’s ‘strategizing’ with Iran.",
            "sneer",
        ),
        ("Note their silence about the former secretary of state’s meetings with Iran.", "imperative"),
        # AllSides leads (stop 34's hand count): an epithet or a loaded word in the writer's voice
        (
            "From the moment she got there, the chattering classes began speculating about White House ambitions.",
            "sneer",
        ),
        (
            "The talk radio provocateur took to Twitter this week to ask: “Why does an American need an AR-15?”",
            "sneer",
        ),
        # BASIL, HuffPost on Vicente Fox (2016): a label for what the person does, in the writer's voice
        (
            "Trump has spent more than a year railing against Mexico and its leaders, as well as "
            "fear-mongering about “rapists” and drug dealers that are coming across it.",
            "sneer",
        ),
        ("The University of Chicago refuses to be your safe space from new ideas.", "direct address"),
        ("Restaurants should consider disposable menus and plates.", "call to act"),
        (
            "But don't expect the one-time presidential nominee to use that same level of invective "
            "against the current president during his Senate campaign in Utah — or on Capitol Hill if "
            "he wins in November.",
            "imperative",
        ),
        # New York Times, BASIL's Trump and the Newsmax debate: "but" and a negative imperative
        (
            "Donald J. Trump has dropped plans to moderate a presidential debate, but don’t expect him to "
            "fade quietly from the political scene.",
            "imperative",
        ),
    ],
)
def test_an_outlet_speaking_for_itself_is_found(text: str, reason: str) -> None:
    assert own_voice(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        # Multi-News mn-5164 (a column, 2014): its lede was the neutral brief's third line
        "There are painful losing streaks that don't really matter -- say, the Tampa Bay Buccaneers 26-game "
        "disaster in 1976 and 1977 -- and losing streaks that really mean something.",
        # Multi-News mn-23283 (an analysis, 2017)
        "Trump’s appeal to working class whites and tirades about trade and China might attract more voters in "
        "Michigan, say, than Romney’s boardroom Republicanism.",
    ],
)
def test_say_set_off_for_an_example_asks_the_reader_to_suppose(text: str) -> None:
    assert own_voice(text) == "imperative"
    assert own_voice("Officials say, however, that the plan works.") is None


@pytest.mark.parametrize(
    "text, reason",
    [
        # AllSides roundup leads the hand count of the neutral summaries found and the detector missed
        (
            "Early on, Kamala Harris referred to him as “Senator Biden,” a perhaps not-so-accidental demotion.",
            "sneer",
        ),
        (
            'Sen. Cindy Hyde Smith, R-Miss., said the backlash to a supposed joke about attending a "public hanging" '
            'in the front row is "ridiculous."',
            "sneer",
        ),
        (
            "Ready, set, reframe: Instead of stressing out about coronavirus and the shutdown, let’s use this time "
            "of social isolation to prioritize self-care and mental wellness.",
            "first person",
        ),
        # Multi-News mn-24260 (a column, 2016): the writer puzzling at what it reports, in a line the
        # neutral brief chose and cited to the news report that carries the quote too
        (
            "“Now I can say that I still haven’t had an abortion, but I wish I had,” she said, for some reason.",
            "sneer",
        ),
        (
            "The story goes that when she was asked to share her abortion story, she didn’t have an abortion story "
            "to share, which she found, somehow, stigmatizing to women who had them.",
            "sneer",
        ),
    ],
)
def test_a_sneering_hedge_or_a_lets_is_the_outlets_voice(text: str, reason: str) -> None:
    """A sneering hedge doubts what it names in the writer's voice, even in indirect speech (a
    speaker does not call her own joke "a supposed joke"); "not-so-accidental" is irony; "let's"
    is "let us", wherever it stands."""
    assert own_voice(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        # AllSides roundup leads: the writer's attitude to what it reports, at the head of a clause
        "Amazingly, the author of the piece misrepresents the very data she is using to build her erroneous case "
        "against school choice.",
        "Sadly, one area where Republicans and Democrats are most willing to cooperate is stopping third party "
        "efforts with rules and regulations meant to protect the duopoly.",
        "Of course, retired law enforcement is exempt.",
        "”  Turns out, it’s not so easy.",
    ],
)
def test_the_writers_comment_on_its_report_is_its_voice(text: str) -> None:
    assert own_voice(text) == "comment"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Multi-News and AllSides roundup leads: an opening "In a ..." that judges what follows is
        # the writer's comment; one that says where something was said is not
        (
            "In a particularly nasty and personal attack, Bannon, the Breitbart News chairman and former "
            "presidential strategist, went after Romney's children and Mormon faith.",
            "comment",
        ),
        (
            "In a significant departure, the new method also counts strokes as well as heart attacks in its risk "
            "calculations, a step that will probably make some additional people candidates for the drugs.",
            "comment",
        ),
        (
            "In a surprising twist, the Senate Foreign Relations Committee will send President Donald Trump's pick "
            "for secretary of state, Mike Pompeo, to the Senate floor with a favorable recommendation.",
            "comment",
        ),
        # BASIL, HuffPost on Obama's gun plan (2013): after a dateline, and a long phrase
        (
            "WASHINGTON -- In a bold and potentially historic attempt to stem the increase in mass gun violence, "
            "President Barack Obama unveiled on Wednesday the most sweeping effort at gun control policy reform "
            "in a generation.",
            "comment",
        ),
        (
            "In a significant defeat for former President Donald Trump, the Supreme Court on Monday declined to "
            "step in to halt the turnover of his tax records to a New York state prosecutor.",
            "comment",
        ),
        ("In a statement, Santé Publique France said it had closed its investigation into the cases.", None),
        (
            "In an exclusive interview on Good Morning America, Cohen declared that the real purpose behind the "
            "payoffs to Donald Trump’s mistresses was to protect his presidential campaign.",
            None,
        ),
    ],
)
def test_an_opening_in_a_phrase_is_the_writers_comment_when_it_judges(text: str, reason: str | None) -> None:
    assert own_voice(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        # AllSides roundup leads (the first two in the hand-counted neutral summaries): the writer
        # judging what it reports in the predicate of an opening "It is"
        "It's almost the perfect tweet for press coverage of the Trump administration.",
        "It’s no great credit to Attorney General Jeff Sessions that he finally recused himself from all Justice "
        "Department investigations relating to the 2016 presidential campaign.",
        "It’s not shocking that Rep. Justin Amash (I-MI) decided to declare his intention to leave the Republican Party.",
        "This is good news for America.",
    ],
)
def test_a_judgement_in_an_opening_it_is_is_the_writers(text: str) -> None:
    assert own_voice(text) == "evaluative"


@pytest.mark.parametrize(
    "text",
    [
        # NPR and Al Jazeera, Aleppo: reporting, and quoted speech
        "For two weeks, a battle has raged in Aleppo, generating tragic images of injured civilians amid the rubble.",
        '"The opposition and the civilian population have not been able to withstand it," says Cafarella of the Russian-led bombardment.',
        '"Really, if we got anti-aircraft weapons to fight the regime, God willing, it would be defeated," he said.',
        "The aid group Doctors Without Borders (MSF) and U.N. agencies also count hundreds of civilian deaths there.",
        "The rebels have long sought the arms but the U.S. and other allies fear they would fall into the hands of extremist factions, including a group with links to al-Qaeda.",
        # AllSides roundup leads
        "President Trump on Monday slammed former Secretary of State John Kerry for reportedly working to save the Iran nuclear deal.",
        'US President Donald Trump has said he is going to halt funding to the World Health Organization (WHO) because it has "failed in its basic duty" in its response to the coronavirus outbreak.',
        "The legislation would provide up to $1,200 in payments (or $2,400 for married couples), with an extra $1,200 per dependent up to a maximum of three.",
        "So tomorrow I will be changing my registration to Republican.”",
        'He was pathetic," he added.',
        # an opening "It is" that reports, not judges (AllSides roundup leads)
        "It was the first decline in nearly seven years.",
        "It is unclear who rented the truck.",
        "It is the worst mass shooting in modern American history.",
        # an attitude adverb inside quotation marks is the speaker's (AllSides roundup lead)
        "“Sadly, based on the tremendous anger and open hostility displayed in your most recent statement, I feel "
        "it is inappropriate, at this time, to have this long-planned meeting,” Trump wrote in a letter to Kim.",
        # "supposed to" is an obligation, not a doubt (AllSides roundup leads)
        "Foxconn is reconsidering its plans to build a manufacturing facility that was supposed to create 13,000 blue collar jobs.",
        "The Trump event will be in Miami, which was supposed to be the site of a second debate between the two candidates.",
        # Multi-News (CBS): question marks where the source's encoding lost a character
        "New government figures show that??flu cases??seem to be leveling off nationwide.",
        # a signpost inside quotation marks is the speaker's (AllSides roundup lead)
        '"Here\'s what I think should happen now," Clinton said.',
        # "but" with a subject or a participle after it reports (AllSides roundup lead)
        "Many people become infected but never get tested, so they aren't reflected in the count.",
        # a sneer someone else uses, reported (BASIL, Fox News, 2014)
        'The center\'s president, Cathi Herrod, has been deriding what she called "fear-mongering" from the '
        "measure's opponents.",
        "Democrats accused Trump of demagoguery on immigration.",
    ],
)
def test_reporting_and_quoted_speech_are_not_the_outlets_voice(text: str) -> None:
    assert own_voice(text) is None


def test_quoted_words_are_set_aside() -> None:
    text = '"We will win," the general said of our troops.'
    assert "We will win" not in outside_quotations(text)
    assert "our troops" in outside_quotations(text)


def test_attribution_says_whose_view_it_is() -> None:
    assert is_attributed("Trump said the U.S. should leave the deal.")
    assert own_voice("Trump said the U.S. should leave the deal.") is None
    assert not is_attributed('"We should leave," the U.S. should hear.')


def _names_a_view_word_by_word(lowered: list[str]) -> bool:
    """The attribution check as first written: every word split at hyphens and apostrophes."""
    parts = [part for word in lowered for part in re.split(r"[-'’]", word)]
    return not _ATTRIBUTION.isdisjoint(parts) or any(
        first == "according" and second == "to" for first, second in itertools.pairwise(parts)
    )


def _real_sentences(aleppo_story: Story, multinews_stories: tuple[Story, ...]) -> list[str]:
    return [
        sent.text
        for story in (aleppo_story, *multinews_stories)
        for article in story.articles
        for sent in segment(clean(article)[0])
    ]


def _words_as_first_found(text: str) -> list[str]:
    return [word.replace("’", "'") for word in _WORD.findall(outside_quotations(text))]


def test_words_and_attribution_as_first_found_on_real_sentences(
    aleppo_story: Story, multinews_stories: tuple[Story, ...]
) -> None:
    texts = _real_sentences(aleppo_story, multinews_stories)
    texts += [
        "The so-called deal, according to officials, failed.",
        "It was well-according to plan.",
        "States' rights",
    ]
    for text in texts:
        words = _words_as_first_found(text)
        assert _WORD.findall(outside_quotations(text).replace("’", "'")) == words
        lowered = [word.lower() for word in words]
        assert _names_a_view(lowered) == _names_a_view_word_by_word(lowered)
    assert sum(is_attributed(text) for text in texts) > 10


@given(
    st.lists(
        st.sampled_from(["said", "so-called", "according", "to", "’s", "'", "-", " ", "F.B.I.", "We", "x"]),
        max_size=20,
    )
)
def test_words_and_attribution_as_first_found_on_built_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    words = _words_as_first_found(text)
    assert _WORD.findall(outside_quotations(text).replace("’", "'")) == words
    lowered = [word.lower() for word in words]
    assert _names_a_view(lowered) == _names_a_view_word_by_word(lowered)


@pytest.mark.parametrize(
    "sentence, quoted",
    [
        # the Multi-News Rubio story (mn-27696): reports that name a programme or a group in quotes
        (
            "Sen. Marco Rubio detailed his support for the bipartisan immigration proposal from the Gang of "
            'Eight in an interview aired Sunday on NBC\'s "Meet the Press."',
            False,
        ),
        (
            "Sen. Marco Rubio (R-Fla.) took to the airwaves Sunday to talk up the immigration reform being "
            "proposed this week by the bipartisan “Gang of Eight.”",
            False,
        ),
        # and the lines that give someone's words
        ('"What we have in place today, the status quo, is horrible for America," Rubio said.', True),
        ("“I have a job,” Rubio said.", True),
        (
            "“What North Korea has is not a government,” the Florida Republican said Sunday on CBS’s “Face "
            "the Nation.” “What North Korea has is a criminal syndicate.”",
            True,
        ),
        ("For two weeks, a battle has raged in Aleppo.", False),
    ],
)
def test_a_line_is_a_quotation_when_most_of_its_words_are_quoted(sentence: str, quoted: bool) -> None:
    assert mostly_quoted(sentence) is quoted


@pytest.mark.parametrize(
    ("sentence", "unnamed"),
    [
        ("“Under study for years. Will update soon with Secretary Zinke. Thank you!”", True),
        (
            '"Elephants and other big game in Africa are blood currency for terrorist organizations, and they '
            "are being killed at an alarming rate. Stopping poaching isn't just about saving the world's most "
            "majestic animals for the future — it's about our national security.\"",
            True,
        ),
        (
            "“Put big game trophy decision on hold until such time as I review all conservation facts,” "
            "Mr. Trump tweeted.",
            False,
        ),
        (
            "Interior Secretary Ryan Zinke said that he and Trump “believe that conservation & healthy herds "
            "are critical.”",
            False,
        ),
        ("For two weeks, a battle has raged in Aleppo.", False),
    ],
)
def test_a_quotation_alone_names_no_speaker(sentence: str, unnamed: bool) -> None:
    # BASIL, the elephant trophies (2017): the last two lines of a 250-word brief were such
    # quotations, with no name beside them.
    assert names_no_speaker(sentence) is unnamed


@pytest.mark.parametrize(
    ("sentence", "by_pronoun"),
    [
        (
            "“I think those are grounds enough for members of the House to bring up the issue of impeachment,” he said.",
            True,
        ),
        ("“I went way too far,” she said in a video on the social media site.", True),
        ("“I will no longer speak to the press ever again after today,” he told reporters Wednesday.", True),
        ("“Cancel the Putin meeting. Now,” Schumer tweeted Friday.", False),
        ("“We’ve got a real challenge,” Mr. Boehner said.", False),
        (
            "In a Wednesday press conference announcing his opposition to the initial version of the bill, Hutchinson said his son had asked him to veto the legislation.",
            False,
        ),
    ],
)
def test_a_quotation_whose_speaker_is_only_a_pronoun(sentence: str, by_pronoun: bool) -> None:
    # BASIL summary lines (2015-2019)
    assert names_speaker_by_pronoun(sentence) is by_pronoun


def test_a_quotation_closed_with_the_other_kind_of_mark_ends_there() -> None:
    # BASIL, Fox on the shutdown (2019): “... the security of the Nation and its borders," he said.
    sentence = (
        "“As we begin this new Congress, our first task should be to reopen the Government and to deliver "
        'on our highest duty as elected officials: the security of the Nation and its borders," he said.'
    )
    assert outside_quotations(sentence).split() == ["QUOTE", "he", "said."]
    assert names_speaker_by_pronoun(sentence)
