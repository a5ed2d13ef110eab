"""Tests for lexicon.py: the shared word lists mean the same in every part of a brief."""

from __future__ import annotations

import pytest

from newsbrief.analysis.framing import frame
from newsbrief.analysis.lexicon import (
    EVALUATIVE,
    SNEERS,
    as_inner_quotation,
    introduces_a_block_quotation,
    quotation_ends,
    same_title,
    sex_of_first_name,
    without_dateline,
    word_list,
)
from newsbrief.analysis.nlp import parse
from newsbrief.model import Article
from newsbrief.pipeline.voice import own_voice

# spaCy splits a hyphenated word ("so-called") into three tokens, so the framing analysis never
# sees it whole; every other word is one token to both.
ONE_TOKEN = sorted(word for word in EVALUATIVE if "-" not in word)


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, outlet=article_id, title="", url=None, published=None, text=text)


def test_word_list_reads_a_paragraph_of_words() -> None:
    assert word_list("""
        brutal  cruel
        vile
    """) == frozenset({"brutal", "cruel", "vile"})


def test_every_sneer_is_evaluative() -> None:
    assert SNEERS <= EVALUATIVE


def test_the_list_is_lower_case_words() -> None:
    assert all(word == word.lower() and " " not in word for word in EVALUATIVE)


@pytest.mark.parametrize("word", ONE_TOKEN)
def test_an_evaluative_word_with_another_makes_a_sentence_the_outlets(word: str) -> None:
    other = "cruel" if word == "brutal" else "brutal"
    assert own_voice(f"The siege was {other}.") is None
    assert own_voice(f"The siege was {other} and {word}.") in {"evaluative", "sneer"}


@pytest.mark.nlp
def test_every_evaluative_word_counts_as_an_opinion_word_in_the_framing() -> None:
    articles = [_article(f"a{index}", f"The siege was {word}.") for index, word in enumerate(ONE_TOKEN)]
    docs = parse(articles)
    missed = [
        word
        for word, article, doc in zip(ONE_TOKEN, articles, docs, strict=True)
        if word not in frame([article], [doc], ()).outlets[0].opinion_markers
    ]
    assert missed == []


@pytest.mark.nlp
def test_words_left_out_are_no_opinion_words() -> None:
    """A country ("Great Britain"), wares ("goods") and a "good deal" are no judgement of the writer's."""
    text = "Great Britain sold goods worth 40 million pounds, a good deal more than in the bad winter."
    article = _article("a", text)
    outlet = frame([article], parse([article]), ()).outlets[0]
    assert outlet.opinion_markers == ()
    assert own_voice(text) is None


@pytest.mark.parametrize(
    "text, ends",
    [
        ('"Russia continues to kill people in Syria.', (False, True)),
        (
            'Could there be such peace talks?" President Tayyip Erdogan asked in a speech in Peru.',
            (True, False),
        ),
        ("“This is existential,” the commander said.", (False, False)),
        ('"The battle to open a path is first," he says.', (False, False)),
        ("So tomorrow I will be changing my registration to Republican.”", (True, False)),
        ("Hezbollah fighters entered the villages.", (False, False)),
        # Multi-News: one quotation opened with a curly mark and closed with a straight one
        (
            'Trump said: “Great, now I can go after Horseface and her 3rd rate lawyer in the Great State of Texas."',
            (False, False),
        ),
        ('The notation gave them a clue: "Copyright 1902 by L.C. Handy.”', (False, False)),
        (
            '"We have not seen a copy of this report,” wrote a Google spokeswoman, “but we believe it is mistaken.',
            (False, True),
        ),
    ],
)
def test_quotation_ends(text: str, ends: tuple[bool, bool]) -> None:
    assert quotation_ends(text) == ends


@pytest.mark.parametrize(
    "text, inner",
    [
        # BASIL: a quotation then its speaker; Multi-News: one quotation with mixed marks
        (
            '"That that is just outrageous talk," Boehner said.',
            "‘That that is just outrageous talk,’ Boehner said.",
        ),
        (
            'Trump said: “Great, now I can go after Horseface and her 3rd rate lawyer."',
            "Trump said: ‘Great, now I can go after Horseface and her 3rd rate lawyer.’",
        ),
        # apostrophes stay; a quotation opened in an earlier sentence closes here
        (
            "So tomorrow I'll be changing my registration to Republican.”",
            "So tomorrow I'll be changing my registration to Republican.’",
        ),
        ("Hezbollah fighters entered the villages.", "Hezbollah fighters entered the villages."),
    ],
)
def test_as_inner_quotation_makes_double_marks_single(text: str, inner: str) -> None:
    assert as_inner_quotation(text) == inner
    assert len(as_inner_quotation(text)) == len(text)


@pytest.mark.parametrize(
    ("title", "noun", "same"),
    [
        ("Sen.", "senator", True),
        ("Rep.", "congressman", True),
        ("Rep.", "congresswoman", True),
        ("representative", "Rep.", True),
        ("Gov.", "governor", True),
        ("President", "president", True),
        ("Sen.", "governor", False),
        ("Rep.", "senator", False),
    ],
)
def test_a_title_and_the_noun_for_its_office(title: str, noun: str, same: bool) -> None:
    assert same_title(title, noun) is same


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # datelines of the BASIL and Multi-News reports
        (
            "WASHINGTON (AP) — Emboldened House Republicans issued a stern rebuke.",
            "Emboldened House Republicans issued a stern rebuke.",
        ),
        (
            "LIVINGSTON, N.J. — Gov. Chris Christie declared an uphill candidacy.",
            "Gov. Chris Christie declared an uphill candidacy.",
        ),
        (
            "FERGUSON, Mo. -- Attorney General Eric Holder said Wednesday.",
            "Attorney General Eric Holder said Wednesday.",
        ),
        (
            "(CNN) -- For months and months, Republicans have pointed to a probe.",
            "For months and months, Republicans have pointed to a probe.",
        ),
        (
            "WASHINGTON—Joining a chorus of Catholic bishops, faculty wrote.",
            "Joining a chorus of Catholic bishops, faculty wrote.",
        ),
        (
            "WASHINGTON/LONDON (Reuters) - The two governments said they would meet.",
            "The two governments said they would meet.",
        ),
        # mn-2847: a Reuters dateline of two places whose agency and dash the copy dropped
        (
            "PRETORIA/KHARTOUM, Sudanese President Omar al-Bashir flew out of South Africa on Monday.",
            "Sudanese President Omar al-Bashir flew out of South Africa on Monday.",
        ),
        (
            "New York – In his first major foreign policy speech, U.S. Sen. Marco Rubio said he would act.",
            "In his first major foreign policy speech, U.S. Sen. Marco Rubio said he would act.",
        ),
        (
            "Doha, Qatar - US officials and Taliban representatives have signed a final peace deal.",
            "US officials and Taliban representatives have signed a final peace deal.",
        ),
        # BASIL: a place in title case with its agency
        (
            "Denver (AP) – Colorado's top law enforcement official promises to vigorously defend the "
            "state's historic law legalizing marijuana.",
            "Colorado's top law enforcement official promises to vigorously defend the state's historic "
            "law legalizing marijuana.",
        ),
        # no dateline: a name in capitals that the sentence goes on from, a lone capital
        ("Trump-Russia ties are under scrutiny.", "Trump-Russia ties are under scrutiny."),
        (
            "NASA, the space agency, said the launch would slip.",
            "NASA, the space agency, said the launch would slip.",
        ),
        ("NASA said Tuesday that the launch would slip.", "NASA said Tuesday that the launch would slip."),
        ("A — B is what the chart shows.", "A — B is what the chart shows."),
    ],
)
def test_a_dateline_is_left_out_of_the_printed_line(text: str, printed: str) -> None:
    assert without_dateline(text) == printed


@pytest.mark.parametrize(
    ("paragraph", "introduces"),
    [
        ("And Trump himself lashed out on Twitter, saying:", True),
        ("Bloomberg Politics reports:", True),
        ("Trump tweeted:", True),
        ("The statement read:", True),
        ("She replied:", True),
        ("Reads:", False),  # a label
        ("They say statins do the most good for:", False),  # a list follows
        ("Read the full rant via Gawker:", False),
        ("Trump said the deal was done.", False),
    ],
)
def test_a_speech_verb_and_a_colon_introduce_a_block_quotation(paragraph: str, introduces: bool) -> None:
    assert introduces_a_block_quotation(paragraph) is introduces


@pytest.mark.parametrize(
    "name, sex",
    [
        ("Nancy Pelosi", "female"),
        ("Joseph Crowley", "male"),
        ("Pelosi", ""),  # a surname alone
        ("Kim Jong Un", ""),  # surname first; "Kim" is of no one sex in the census
        ("Jean-Claude Juncker", ""),
        ("Mitt Romney", ""),  # too rare a first name to be counted
    ],
)
def test_a_first_name_says_a_sex_only_when_nearly_all_its_bearers_share_it(name: str, sex: str) -> None:
    assert sex_of_first_name(name) == sex
