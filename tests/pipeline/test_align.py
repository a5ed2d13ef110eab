from __future__ import annotations

from pathlib import Path

from basil_stories import basil_story
from newsbrief import Options, brief, read_stories, read_story
from newsbrief.model import Article, Fact, Sentence, Story
from newsbrief.pipeline.align import MEANING_FLOOR, SAME_CONTENT_THRESHOLD, align, similarity_matrix
from newsbrief.pipeline.clean import clean
from newsbrief.pipeline.represent import represent
from newsbrief.pipeline.segment import segment

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "aleppo")


def _sentences(story: Story) -> tuple[Sentence, ...]:
    return tuple(sent for article in story.articles for sent in segment(clean(article)[0]))


def test_every_sentence_is_in_exactly_one_fact(aleppo_story: Story) -> None:
    sentences = _sentences(aleppo_story)
    facts = align(sentences, similarity_matrix(represent(sentences)))
    members = [(s.article_id, s.index) for fact in facts for s in fact.sentences]
    assert sorted(members) == sorted((s.article_id, s.index) for s in sentences)


def test_a_fact_never_holds_two_sentences_of_one_article(aleppo_story: Story) -> None:
    sentences = _sentences(aleppo_story)
    for fact in align(sentences, similarity_matrix(represent(sentences))):
        assert len(fact.article_ids) == len(fact.sentences)


def test_supply_lines_from_turkey_are_one_fact_across_outlets(aleppo_story: Story) -> None:
    sentences = _sentences(aleppo_story)
    facts = align(sentences, similarity_matrix(represent(sentences)))
    fact = next(
        f
        for f in facts
        if any("Russia and Iran have now cut off supply lines" in s.text for s in f.sentences)
    )
    assert set(fact.article_ids) == {"zerohedge", "npr"}
    assert any("cut off supply lines from Turkey to the rebel area" in s.text for s in fact.sentences)


def test_corroborated_facts_come_first(aleppo_story: Story) -> None:
    sentences = _sentences(aleppo_story)
    sizes = [len(fact.article_ids) for fact in align(sentences, similarity_matrix(represent(sentences)))]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] >= 2


def test_single_article_gives_singletons(aleppo: dict[str, Article]) -> None:
    sentences = segment(clean(aleppo["npr"])[0])
    facts = align(sentences, similarity_matrix(represent(sentences)))
    assert all(len(fact.sentences) == 1 for fact in facts)
    assert len(facts) == len(sentences)


def test_no_sentences_no_facts() -> None:
    assert align((), similarity_matrix(represent(()))) == ()


def test_a_pair_is_shown_by_the_sentence_closer_to_the_story() -> None:
    """Both sentences of a pair are equally close to each other, and the first in the clustering's
    order stood for it: the Aleppo brief showed NPR's "For four years, it has been divided ..."
    where Al Jazeera's "For years, the city has been physically divided ..." names what "it" is
    and is closer to the story as a whole."""
    story = read_story([EXAMPLE])  # the README's example, as `newsbrief analyze examples/aleppo` reads it
    facts = brief(story, Options(analyses=("facts",))).analysis.facts
    fact = next(f for f in facts if any("military stalemate" in s.text for s in f.sentences))
    assert set(fact.article_ids) == {"aljazeera", "npr"}
    assert fact.sentences[0].text.startswith("For years, the city has been physically divided")


def _basil_facts(name: str) -> tuple[Fact, ...]:
    articles = tuple(clean(article)[0] for article in basil_story(name))
    sentences = tuple(sent for article in articles for sent in segment(article))
    return align(sentences, similarity_matrix(represent(sentences)))


def _fact_with(facts: tuple[Fact, ...], words: str) -> Fact:
    return next(fact for fact in facts if any(words in sent.text for sent in fact.sentences))


def test_three_ledes_in_their_own_words_are_one_fact() -> None:
    # every pair of the three ledes is under the TF-IDF threshold (0.24 to 0.29), close in meaning
    fact = _fact_with(_basil_facts("basil-putin-summit.jsonl"), "Top Democrats on Friday swiftly pressured")
    assert set(fact.article_ids) == {"fox", "nyt", "hpo"}
    assert all(MEANING_FLOOR <= similarity < SAME_CONTENT_THRESHOLD for similarity in fact.similarities[1:])


def test_sentences_on_one_subject_but_far_in_meaning_stay_apart() -> None:
    # TF-IDF 0.24 ("Putin meeting"), WordLlama 0.38: a quoted demand and Gowdy asked about it
    facts = _basil_facts("basil-putin-summit.jsonl")
    fact = _fact_with(facts, "Cancel the Putin meeting.")
    assert not any("Mr. Gowdy" in sent.text for sent in fact.sentences)


def test_a_photo_credit_is_not_read_by_meaning() -> None:
    """Multi-News mn-5229: "(Photo: Metro Nashville Police)" is close in meaning to any line that
    names the police; read by meaning it joined "the investigation is ongoing" as corroboration."""
    data = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "clusters.jsonl"
    story = next(s for s in read_stories(data) if s.id == "mn-5229")
    sentences = _sentences(story)
    facts = align(sentences, similarity_matrix(represent(sentences)))
    fact = _fact_with(facts, "the investigation is ongoing")
    assert not any(sent.text.startswith("(Photo:") for sent in fact.sentences)
