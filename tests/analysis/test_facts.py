"""The analysis stage: agreed facts, one-outlet claims, and which analyses run."""

from __future__ import annotations

import pytest

from basil_stories import basil_story
from newsbrief.analysis.facts import is_statement
from newsbrief.errors import OptionError
from newsbrief.model import ANALYSES, Analysis, Article, Options, Story, parse_analyses
from newsbrief.pipeline.brief import brief, briefs


def test_analysis_is_empty_on_the_fast_path(aleppo_story: Story) -> None:
    result = brief(aleppo_story)
    assert result.analysis == Analysis()
    assert "analyze" not in dict(result.timing_ms)


def test_agreed_facts_join_paraphrases_from_different_outlets(aleppo_story: Story) -> None:
    facts = brief(aleppo_story, Options(analyses=("facts",))).analysis.facts
    assert facts, "the Aleppo story has sentences two outlets share"
    assert all(len(fact.article_ids) >= 2 for fact in facts)
    supply = [fact for fact in facts if any("supply lines from Turkey" in s.text for s in fact.sentences)]
    assert len(supply) == 1
    assert set(supply[0].article_ids) == {"npr", "zerohedge"}
    counts = [len(fact.article_ids) for fact in facts]
    assert counts == sorted(counts, reverse=True)


def test_claims_are_sentences_no_other_outlet_reports(aleppo_story: Story) -> None:
    analysis = brief(aleppo_story, Options(analyses=("facts",))).analysis
    shared = {(s.article_id, s.index) for fact in analysis.facts for s in fact.sentences}
    assert analysis.claims
    assert all((c.sentence.article_id, c.sentence.index) not in shared for c in analysis.claims)
    per_article = [claim.sentence.article_id for claim in analysis.claims]
    assert set(per_article) == {"aljazeera", "npr", "zerohedge"}
    assert max(per_article.count(article) for article in set(per_article)) <= 3


def test_a_sentence_another_outlet_says_in_its_own_words_is_no_one_outlet_claim(aleppo_story: Story) -> None:
    # ZeroHedge's Bloomberg line was listed as its alone, beside NPR's "the regime has managed to
    # cut off supply lines from Turkey to the rebel area" (WordLlama cosine 0.6 or more, TF-IDF under
    # the alignment's bar)
    claims = brief(aleppo_story, Options(analyses=("facts",))).analysis.claims
    texts = [claim.sentence.text for claim in claims]
    assert not any("have cut off rebel supply lines" in text for text in texts)
    assert any(claim.sentence.article_id == "zerohedge" for claim in claims)


def test_one_article_has_no_agreed_facts_and_no_one_outlet_claims(aleppo: dict[str, Article]) -> None:
    analysis = brief(Story(articles=(aleppo["npr"],)), Options(analyses=("facts",))).analysis
    assert analysis.ran == ("facts",)
    assert analysis.facts == ()
    assert analysis.claims == ()


def test_facts_alone_do_not_load_the_language_model(aleppo_story: Story) -> None:
    analysis = brief(aleppo_story, Options(analyses=("facts",))).analysis
    assert analysis.quotes == () and analysis.figures == () and analysis.framing is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("all", ANALYSES),
        ("none", ()),
        ("", ()),
        ("quotes, Facts", ("facts", "quotes")),
        (["framing", "entities"], ("entities", "framing")),
        (["facts", "quotes,figures"], ("facts", "figures", "quotes")),
        (None, ()),
    ],
)
def test_analysis_names_are_read_in_every_form(given: object, expected: tuple[str, ...]) -> None:
    assert parse_analyses(given) == expected  # type: ignore[arg-type]
    assert Options(analyses=given).analyses == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["quotes,sentiment", 7, ["facts", 3], "all,quotes"])
def test_unknown_analysis_names_are_refused_with_the_choices(given: object) -> None:
    with pytest.raises(OptionError, match=r"facts, figures, quotes, entities, framing|list of strings"):
        parse_analyses(given)  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["all,quotes", "facts, none"])
def test_all_or_none_beside_other_names_is_refused_as_such(given: str) -> None:
    """'all' is a name the message offers, so it must not be called unknown."""
    with pytest.raises(
        OptionError, match=r"^'(all|none)' stands alone: give it by itself, or a comma list of facts"
    ):
        parse_analyses(given)


def test_briefs_of_many_stories_match_one_at_a_time(multinews_stories: tuple[Story, ...]) -> None:
    options = Options(analyses=("facts",))
    assert list(briefs(multinews_stories, options)) == [brief(story, options) for story in multinews_stories]


def test_a_bare_quotation_is_no_claim_of_the_outlet(aleppo_story: Story) -> None:
    # NPR's "To make a path and break the siege for our people in Aleppo city." is the commander's.
    claims = brief(aleppo_story, Options(analyses=("facts",))).analysis.claims
    assert claims
    assert not any(claim.sentence.text.startswith('"To make a path') for claim in claims)
    assert all(
        not (
            c.sentence.text.startswith('"')
            and c.sentence.text.count('"') == 2
            and c.sentence.text.rstrip(".!?").endswith('"')
        )
        for c in claims
    )


def test_three_leads_that_tell_one_fact_in_one_run_of_words_are_no_one_outlets_claim() -> None:
    """BASIL, the inauguration (2017): each outlet's lead was listed as its own claim; they share
    "45th president of the United States" and are 0.50 to 0.54 apart in meaning."""
    leads = {
        "fox": "Donald Trump assumed the nation’s highest office Friday as the 45th president of the United "
        "States, vowing in a tough inaugural address to restore prosperity and “fight” for the country “with "
        "every breath.”\n\nThe president addressed a packed crowd of spectators stretching from the Capitol "
        "across the National Mall on a mild but overcast and at-times drizzly day.",
        "hpo": "WASHINGTON – Five hundred and eighty-four days after descending his Trump Tower escalator to "
        "announce his candidacy, Donald J. Trump took the oath of office Friday to become the 45th president "
        "of the United States.\n\nChief Justice John Roberts administered the 38-word oath at 12:00 p.m., "
        "capping Trump’s unlikely journey from New York City real estate developer and reality TV star to the "
        "nation’s highest office.",
        "nyt": "WASHINGTON — Donald John Trump was inaugurated as the 45th president of the United States on "
        "Friday, ushering in a new era that he vowed would shatter the established order and reverse a "
        "national decline that he called “this American carnage.”\n\nIn a ceremony that capped a remarkable "
        "rise to power, Mr. Trump presented himself as the leader of a populist uprising to restore lost "
        "greatness.",
    }
    story = Story(
        articles=tuple(
            Article(id=name, outlet=name, title="", url=None, published=None, text=text)
            for name, text in leads.items()
        )
    )
    claims = brief(story, Options(analyses=("facts",))).analysis.claims
    assert claims
    assert not any("45th president" in claim.sentence.text for claim in claims)


def test_issue_readme_a_sentence_an_article_repeats_is_one_claim() -> None:
    """A roundup lead (benchmarks/data/roundups, probe-5) ends by repeating its first sentence in
    the same paragraph, so cleaning keeps both; "Only one outlet" listed the sentence twice."""
    repeated = (
        "With ballot-harvesting, paper votes are collected by intermediaries who deliver them to"
        " polling officials, presumably increasing voter turnout but also creating opportunities for mischief."
    )
    lead = (
        f"{repeated} America's electoral obsession isn't Russian meddling anymore. It's ballot-harvesting,"
        " a long-disputed practice implicated in fraud that's come to the fore with the nationwide embrace"
        f" of absentee voting in recent years. {repeated}"
    )
    other = (
        "Rather than take responsibility for their losses, Republicans have seized on a new state law that"
        " allows third parties to collect and turn in other people's mail ballots."
    )
    story = Story(
        articles=tuple(
            Article(id=name, outlet=name, title="", url=None, published=None, text=text)
            for name, text in (("a", lead), ("b", other))
        )
    )
    claims = brief(story, Options(analyses=("facts",))).analysis.claims
    texts = [claim.sentence.text for claim in claims if claim.sentence.article_id == "a"]
    assert texts.count(repeated) == 1
    assert [claim.sentence.index for claim in claims if claim.sentence.text == repeated] == [0]


def test_agreed_facts_list_statements_before_pieces_of_quotations() -> None:
    """Three outlets carried Trump's inaugural address; the splitter cuts “The time for empty talk
    is over. Now arrives the hour of action,” he said. in two, and the piece “The time for empty
    talk is over. led the agreed facts, words with no speaker. Statements come first now; the
    pieces stay in the list, after them."""
    story = Story(articles=basil_story("basil-inauguration-boycott.jsonl"), id="inauguration")
    facts = brief(story, Options(analyses=["facts"])).analysis.facts
    firsts = [fact.sentences[0].text for fact in facts]
    statements = [is_statement(text) for text in firsts]
    assert statements[0] and statements == sorted(statements, reverse=True), firsts
    assert "“The time for empty talk is over." in firsts[statements.count(True) :]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“This American carnage stops right here and stops right now,” Trump said.", True),
        ("“The time for empty talk is over.", False),
        ("Now arrives the hour of action,” he said.", False),
        ("“Such discussions are fully consistent with the relevant law and ethical requirements.”", False),
        ("America is not a circus.", False),
        ("Do you fully support the Obama agenda?”", False),
        (
            "He also rebuked those who have held power in Washington, saying a small group reaped the rewards of government while “the people did not share” in Washington’s wealth.",
            True,
        ),
    ],
)
def test_is_statement(text: str, expected: bool) -> None:
    assert is_statement(text) is expected


def test_a_posts_signature_is_no_agreed_fact() -> None:
    """Multi-News mn-18231: two outlets embedded Trump's tweet, and its signature line was listed as
    a fact they agree on (with dates a day apart)."""
    tweet = (
        "I have brought millions of people into the Republican Party, while the Dems are going down. "
        "Establishment wants to kill this movement!"
    )
    articles = tuple(
        Article(
            id=article_id,
            outlet=article_id,
            title="",
            url=None,
            published=None,
            text=f"{before}\n\n{tweet} — Donald J. Trump (@realDonaldTrump) March {day}, 2016",
        )
        for article_id, before, day in (
            ("a", "Trump is not waiting to hear what Romney has to say about the race this week.", 2),
            ("b", "The front-runner lashed out at the party's 2012 nominee on Wednesday morning.", 3),
        )
    )
    facts = brief(Story(articles=articles, id="tweet"), Options(analyses=["facts"])).analysis.facts
    firsts = [fact.sentences[0].text for fact in facts]
    assert not [text for text in firsts if "(@realDonaldTrump)" in text and text.startswith("—")], firsts


def test_a_fact_whose_sentences_conflict_is_not_agreed() -> None:
    # Multi-News mn-2847 (2015): the UN's toll in the Darfur conflict stood among the agreed facts
    # and, the same two sentences, among the conflicts
    articles = tuple(
        Article(id=article_id, outlet=outlet, title="", url=None, published=None, text=text)
        for article_id, outlet, text in (
            (
                "reuters",
                "Reuters",
                "Sudan's President Omar al-Bashir left South Africa on Monday despite a court order.\n\n"
                "The United Nations has estimated that as many as 300,000 people have been killed in the "
                "Darfur conflict since 2003.",
            ),
            (
                "ap",
                "AP",
                "Sudanese President Omar al-Bashir flew out of South Africa on Monday.\n\n"
                "More than 300,000 people have died in the Darfur conflict dating back to 2003, according to "
                "United Nations figures.",
            ),
        )
    )
    analysis = brief(Story(articles=articles), Options(analyses=("facts", "figures"))).analysis
    toll = {("reuters", 1), ("ap", 1)}
    assert any(
        {(f.sentence.article_id, f.sentence.index) for f in c.figures} == toll for c in analysis.conflicts
    )
    assert not [fact for fact in analysis.facts if {(s.article_id, s.index) for s in fact.sentences} >= toll]
