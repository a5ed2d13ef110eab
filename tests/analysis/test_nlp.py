"""Tests for nlp.py: the shared spaCy pipeline and the parse of an article."""

from __future__ import annotations

import pytest

from basil_stories import basil_story
from newsbrief.analysis.nlp import parse
from newsbrief.model import Article

pytestmark = pytest.mark.nlp


def test_a_blank_line_starts_a_sentence_the_parser_would_run_over_it() -> None:
    # the Times on Michael Steele and Afghanistan (2010): without the paragraph break as a
    # boundary the parser made "Mr. Steele" a modifier of the quotation ending the paragraph before
    (times,) = [article for article in basil_story("basil-steele-afghanistan.jsonl") if article.id == "nyt"]
    (doc,) = parse([times])
    start = times.text.index("Mr. Steele, seeking to clarify")
    (token,) = [token for token in doc if token.idx == start]
    assert token.is_sent_start
    assert token.sent.root.lemma_ == "issue"


def test_a_single_line_break_is_left_to_the_parser() -> None:
    # a line wrapped inside a sentence, as some feeds and plain-text files have it
    text = "The chairman spoke on Friday\nin Connecticut about the war in Afghanistan."
    (doc,) = parse([Article(id="d1", outlet="d1", title="", url=None, published=None, text=text)])
    assert len(list(doc.sents)) == 1


def test_plural_nouns_the_lemmatizer_gets_wrong_have_their_singular() -> None:
    # AllSides probe-1127 and the jobs and tax stories: the model's lemmatizer gives "doses" as
    # "dos" and "taxes" as "taxis", so a figure counted "200 million dos"
    text = (
        "The administration will purchase an additional 200 million doses. Taxes on the rich rose, "
        "and the Trump family paid $750 in federal income taxes."
    )
    (doc,) = parse([Article(id="d1", outlet="d1", title="", url=None, published=None, text=text)])
    lemmas = {token.lower_: token.lemma_ for token in doc if token.tag_ == "NNS"}
    assert lemmas == {"doses": "dose", "taxes": "tax"}
