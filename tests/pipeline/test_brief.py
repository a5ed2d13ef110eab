from __future__ import annotations

import json
import threading
import types
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsbrief
from basil_stories import basil_story
from newsbrief import (
    ANALYSES,
    Article,
    BriefCancelledError,
    EmptyStoryError,
    InputError,
    OptionError,
    Options,
    Story,
    brief,
    read_story,
    render,
    summarize,
)
from newsbrief.analysis import analyze
from newsbrief.analysis.nlp import parse


def test_every_summary_sentence_cites_its_source_and_spans_match(aleppo_story: Story) -> None:
    result = brief(aleppo_story)
    texts = {article.id: article.text for article in result.articles}
    assert result.summary
    for line in result.summary:
        assert line.citations
        assert line.citations[0].article_id == line.sentence.article_id
        assert line.citations[0].similarity == 1.0
        for citation in line.citations:
            assert texts[citation.article_id][citation.start : citation.end] == citation.text
        assert len({c.article_id for c in line.citations}) == len(line.citations)


def test_corroborated_line_cites_every_outlet_that_reports_it(aleppo_story: Story) -> None:
    result = brief(aleppo_story)
    assert any(line.corroboration >= 2 for line in result.summary)
    numbers = {source.article_id: source.number for source in result.sources}
    for line in result.summary:
        for citation in line.citations:
            assert citation.source_number == numbers[citation.article_id]


def test_summary_keeps_the_budget_and_the_brief_records_cleaning(aleppo_story: Story) -> None:
    result = brief(aleppo_story, Options(max_words=120))
    assert 0 < result.words <= 120
    assert any(removal.reason == "repeated paragraph" for removal in result.removals)
    assert any(removal.text.startswith("Copyright 2016 NPR") for removal in result.removals)
    assert [stage for stage, _ in result.timing_ms] == [
        "clean",
        "segment",
        "represent",
        "align",
        "select",
        "total",
    ]


def test_single_article_still_works_and_says_so(aleppo: dict[str, Article]) -> None:
    result = brief(Story(articles=(aleppo["npr"],)))
    assert result.summary
    assert [notice.code for notice in result.notices] == ["single-article"]
    assert all(line.corroboration == 1 for line in result.summary)


def test_duplicate_article_is_merged_and_reported(aleppo: dict[str, Article]) -> None:
    copy = Article(id="npr-wire", outlet="wire", title="", url=None, published=None, text=aleppo["npr"].text)
    result = brief(Story(articles=(aleppo["npr"], copy, aleppo["aljazeera"])))
    assert [source.article_id for source in result.sources] == ["npr", "aljazeera"]
    assert "duplicate-merged" in [notice.code for notice in result.notices]


def test_article_with_nothing_left_after_cleaning_is_reported(aleppo: dict[str, Article]) -> None:
    junk = Article(
        id="junk", outlet="junk", title="", url=None, published=None, text="READ MORE: Why Aleppo matters"
    )
    result = brief(Story(articles=(aleppo["npr"], junk, aleppo["zerohedge"])))
    assert "junk" not in [source.article_id for source in result.sources]
    assert any(notice.code == "empty-article" and "junk" in notice.article_ids for notice in result.notices)


def test_story_with_no_text_left_is_an_error() -> None:
    junk = Article(id="junk", outlet="junk", title="", url=None, published=None, text="Advertisement")
    with pytest.raises(EmptyStoryError):
        brief(Story(articles=(junk,)))


def test_issue_readme_a_story_with_no_articles_is_named() -> None:
    """An evaluation record with "documents": [] stopped `newsbrief eval` with 'no article text
    left after cleaning', naming no story among the file's many."""
    with pytest.raises(EmptyStoryError, match=r"^story 'mn-1' has no articles$"):
        brief(Story(articles=(), id="mn-1"))


def test_issue_readme_no_text_left_names_the_articles(tmp_path: Path) -> None:
    """'no article text left after cleaning' named nothing: on the command line the notes that
    would have named them are never printed, and the API's 422 carries none."""
    files = []
    for name, text in [
        ("a", "READ MORE: Why Aleppo matters"),
        ("b", "Copyright 2016 NPR."),
        ("c", "…"),
        ("d", "…"),
    ]:
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(text, encoding="utf-8")
    with pytest.raises(EmptyStoryError) as error:
        brief(read_story([str(path) for path in files]))
    assert str(error.value) == (
        f"no article text left after cleaning {files[0]}, {files[1]}, {files[2]} and 1 more"
    )


def test_issue_api_a_story_whose_articles_share_an_id_is_refused(aleppo: dict[str, Article]) -> None:
    """A Story built by hand with two articles of one id gave a brief whose citations all named
    the second: NPR's "For two weeks, a battle has raged in Aleppo" was cited [2], Al Jazeera."""
    npr = replace(aleppo["npr"], id="x")
    aljazeera = replace(aleppo["aljazeera"], id="x")
    with pytest.raises(InputError, match=r"^articles 1 and 2 of the story have the same id 'x': "):
        brief(Story(articles=(npr, aljazeera)))


def test_issue_api_briefs_refuses_a_story_of_repeated_ids_when_its_turn_comes(
    aleppo: dict[str, Article],
) -> None:
    repeated = Story(articles=(aleppo["npr"], aleppo["zerohedge"], aleppo["npr"]), id="mine")
    made = newsbrief.briefs([Story(articles=(aleppo["npr"],)), repeated], Options(analyses=("quotes",)))
    assert next(made).sources[0].article_id == "npr"
    with pytest.raises(InputError, match=r"^articles 1 and 3 of story 'mine' have the same id 'npr': "):
        next(made)


def test_issue_api_a_hand_built_storys_unreadable_date_is_noticed_once(
    aleppo: dict[str, Article], aleppo_dir: Path
) -> None:
    """read_story notes a ``published`` that is not a date (kept, counted as undated); a Story built
    by hand went without the notice, so 'last Tuesday' was dropped as a date unsaid. Read or
    built, the brief has one ``undated`` notice naming the article."""
    npr = replace(aleppo["npr"], published="last Tuesday")
    built = brief(Story(articles=(npr, aleppo["aljazeera"])))
    read = summarize([npr, aleppo["aljazeera"]])
    for made in (built, read):
        undated = [notice for notice in made.notices if notice.code == "undated"]
        assert [notice.article_ids for notice in undated] == [("npr",)]
        assert "published 'last Tuesday' is not a date" in undated[0].message


@pytest.mark.parametrize("words", [5, 0, -3, 10**9])
def test_out_of_range_words_is_an_option_error(words: int) -> None:
    with pytest.raises(OptionError, match="words must be"):
        Options(max_words=words)


@pytest.mark.parametrize("style", ["abstract", "", "Neutral", None])
def test_an_unknown_style_is_a_one_line_option_error(style: object) -> None:
    with pytest.raises(OptionError, match="style") as info:
        Options(style=style)  # type: ignore[arg-type]
    assert "\n" not in str(info.value) and "neutral or extract" in str(info.value)


def test_summarize_takes_the_style(aleppo_dir: object) -> None:
    extract = summarize([str(aleppo_dir)], style="extract")
    assert extract.options.style == "extract"
    assert extract.summary != summarize([str(aleppo_dir)]).summary


def test_same_input_gives_the_same_bytes(aleppo_dir: object) -> None:
    first = summarize([str(aleppo_dir)])
    second = summarize([str(aleppo_dir)])
    assert first == second
    assert render(first, "markdown") == render(second, "markdown")
    assert _without_timing(render(first, "json")) == _without_timing(render(second, "json"))


def test_summarize_accepts_paths_strings_and_articles(aleppo_dir: object, aleppo: dict[str, Article]) -> None:
    from pathlib import Path

    directory = Path(str(aleppo_dir))
    result = summarize([directory / "npr.txt", aleppo["aljazeera"], aleppo["zerohedge"].text], words=100)
    assert [source.outlet for source in result.sources] == ["npr", "Al Jazeera", "text 1"]
    assert result.words <= 100


def test_the_public_api_is_what_all_says() -> None:
    exported = {
        name
        for name in dir(newsbrief)
        if not name.startswith("_") and not isinstance(getattr(newsbrief, name), types.ModuleType)
    } - {"annotations"}
    assert exported <= set(newsbrief.__all__)
    assert all(hasattr(newsbrief, name) for name in newsbrief.__all__)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.permutations(["aljazeera", "npr", "zerohedge"]), st.integers(min_value=20, max_value=400))
def test_brief_is_deterministic_and_within_budget(
    aleppo: dict[str, Article], order: list[str], words: int
) -> None:
    story = Story(articles=tuple(aleppo[name] for name in order))
    first, second = brief(story, Options(max_words=words)), brief(story, Options(max_words=words))
    assert first == second
    assert first.words <= words


def _without_timing(text: str) -> dict[str, object]:
    data = json.loads(text)
    data.pop("timing_ms", None)
    return data  # type: ignore[no-any-return]


def test_the_brief_carries_every_sentence_it_cites(aleppo_dir: object) -> None:
    from newsbrief.pipeline.segment import segment

    result = summarize([str(aleppo_dir)])
    assert result.sentences == tuple(sent for article in result.articles for sent in segment(article))
    texts = {article.id: article.text for article in result.articles}
    assert all(texts[sent.article_id][sent.start : sent.end] == sent.text for sent in result.sentences)
    by_position = {(sent.article_id, sent.index): sent for sent in result.sentences}
    for line in result.summary:
        for citation in line.citations:
            cited = by_position[(citation.article_id, citation.sentence_index)]
            assert (cited.start, cited.end, cited.text) == (citation.start, citation.end, citation.text)


# Cancelling a brief (the server's client went away) -----------------------------------------------


def _set_event() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


def test_issue_a_cancelled_brief_stops_at_the_end_of_the_stage_under_way(aleppo_story: Story) -> None:
    """A brief ran to its end whoever had stopped waiting for it; ``cancel`` stops it."""
    with pytest.raises(BriefCancelledError, match=r"^brief cancelled after clean$") as cancelled:
        brief(aleppo_story, cancel=_set_event())
    assert cancelled.value.stage == "clean"


@pytest.mark.nlp
def test_issue_a_cancelled_parse_stops_after_the_article_under_way(aleppo_story: Story) -> None:
    """The parse is most of a brief with analyses; it stopped only once every article was parsed."""
    with pytest.raises(BriefCancelledError, match=r"^brief cancelled after parsing 1 of 3 articles$"):
        parse(aleppo_story.articles, cancel=_set_event())


@pytest.mark.nlp
def test_issue_cancelled_analyses_stop_after_the_one_under_way(aleppo_story: Story) -> None:
    result = brief(aleppo_story)
    docs = parse(result.articles)
    with pytest.raises(BriefCancelledError, match=r"^brief cancelled after entities$"):
        analyze(
            result.articles,
            result.sentences,
            (),
            np.zeros(len(result.sentences)),
            ANALYSES,
            docs,
            cancel=_set_event(),
        )


@pytest.mark.nlp
def test_a_brief_that_could_be_cancelled_but_is_not_is_the_same_bytes(aleppo_story: Story) -> None:
    """With a cancel event the articles are parsed one at a time: the brief must not change."""
    options = Options(analyses=ANALYSES)
    assert render(brief(aleppo_story, options, cancel=threading.Event()), "json") == render(
        brief(aleppo_story, options), "json"
    )


@pytest.mark.nlp
def test_a_quotation_that_names_no_one_gets_its_speaker_from_the_quotes_analysis(
    tweet_quoted_alone: Article,
) -> None:
    """A summary line of Trump's tweet alone ("“Under study for years. ... Thank you!”") said
    nothing of whose words they were: the quotes analysis knows, and the line carries it."""
    story = Story(articles=(tweet_quoted_alone,), id="nyt")
    with_quotes = brief(story, Options(max_words=40, analyses=("quotes",)))
    assert [line.speaker for line in with_quotes.summary] == [None, "Trump"]
    assert with_quotes.summary[1].text.startswith("“Under study for years.")
    assert [line.speaker for line in brief(story, Options(max_words=40)).summary] == [None, None]


@pytest.mark.nlp
def test_a_quotation_whose_speaker_is_she_away_from_her_article_gets_its_speaker() -> None:
    """BASIL, the shutdown's first meeting of the new Congress (2019): "“We’re asking the president
    to open the government,” she told reporters ..." closes the brief after a line of another
    outlet about Mr. Trump, so "she" names no one there; the quotes analysis knows who."""
    story = Story(articles=basil_story("basil-shutdown-first-meeting.jsonl"), id="shutdown")
    with_quotes = brief(story, Options(analyses=("quotes",)))
    (line,) = [line for line in with_quotes.summary if line.text.startswith("“We’re asking the president")]
    assert line.speaker == "Nancy Pelosi"
    previous = with_quotes.summary[with_quotes.summary.index(line) - 1]
    assert previous.sentence.article_id != line.sentence.article_id
    assert all(found.speaker is None for found in brief(story, Options()).summary)


def _leads(name: str) -> Story:
    """A BASIL story cut to each article's first paragraph, as a feed's excerpts give it."""
    return Story(
        id=name,
        articles=tuple(replace(article, text=article.text.split("\n\n")[0]) for article in basil_story(name)),
    )


def test_an_empty_summary_says_which_budget_would_give_a_line() -> None:
    story = _leads("basil-clinton-trade.jsonl")
    shortest = min(len(article.text.split()) for article in story.articles)
    assert shortest > 20  # each lead is one long sentence, so 20 words fit none
    result = brief(story, Options(max_words=20))
    assert result.summary == ()
    (notice,) = [notice for notice in result.notices if notice.code == "no-summary"]
    least = int(notice.message.split("a budget of ")[1].split()[0])
    assert notice.message.startswith("no summary line: no sentence that can stand alone fits in 20 words")
    assert brief(story, Options(max_words=least)).summary
    assert not brief(story, Options(max_words=least - 1)).summary


def test_an_empty_summary_of_lines_that_cannot_stand_alone_says_so() -> None:
    nyt, fox = basil_story("basil-clinton-trade.jsonl")[1:3]
    # two sentences of the story that point back to one before them, each left on its own
    story = Story(
        id="",
        articles=(
            replace(
                nyt,
                text="She said she supported trade adjustment authority to protect American jobs, but otherwise did not delve into details.",
            ),
            replace(
                fox,
                text="That brought criticism from Republican National Committee spokesman Michael Short on Sunday.",
            ),
        ),
    )
    result = brief(story)
    assert result.summary == ()
    (notice,) = [notice for notice in result.notices if notice.code == "no-summary"]
    assert notice.message.startswith("no summary line: no sentence can stand alone as a line")


def test_a_summary_with_lines_has_no_no_summary_notice(aleppo_story: Story) -> None:
    assert all(notice.code != "no-summary" for notice in brief(aleppo_story).notices)


@pytest.mark.nlp
def test_a_sentence_inside_a_quotation_is_no_claim_of_its_outlet() -> None:
    """BASIL, Trump on Obama's birth certificate (2011): Fox's "He doesn't have a birth certificate
    or he hasn't shown it." is the middle of a quotation of Trump's, with no quotation marks of its
    own; listed among the claims only one outlet makes, it read as Fox's own statement. It is
    Trump's, under the quotes."""
    story = Story(articles=basil_story("basil-trump-birth-certificate.jsonl"), id="birth-certificate")
    found = brief(story, Options(analyses=("facts", "quotes"))).analysis
    middle = "He doesn't have a birth certificate"
    assert not [claim for claim in found.claims if claim.sentence.text.startswith(middle)]
    assert [quote.speaker for quote in found.quotes if middle in quote.text] == ["Donald Trump"]
    without_quotes = brief(story, Options(analyses=("facts",))).analysis.claims
    assert [claim for claim in without_quotes if claim.sentence.text.startswith(middle)]


@pytest.mark.nlp
def test_an_outlets_statement_is_not_agreed_by_someone_elses_quoted_words() -> None:
    """BASIL, Trump on Obama's birth certificate (2011): the Times' "Mr. Obama has shown a
    certificate of live birth from Hawaii ..." was listed as agreed by Fox through Trump's "He has
    what's called a certificate of live birth.", the middle of his quotation arguing against it."""
    story = Story(articles=basil_story("basil-trump-birth-certificate.jsonl"), id="birth-certificate")

    def agreed(analyses: tuple[str, ...]) -> list[str]:
        facts = brief(story, Options(analyses=analyses)).analysis.facts
        return [sentence.text for fact in facts for sentence in fact.sentences]

    assert not [text for text in agreed(("facts", "quotes")) if text.startswith("Mr. Obama has shown")]
    assert [text for text in agreed(("facts",)) if text.startswith("Mr. Obama has shown")]


def test_a_line_does_not_cite_a_sentence_that_disagrees_with_it() -> None:
    # BASIL triple on Pelosi's re-election as leader (2016): Fox's "since 2002" was cited to
    # HuffPost's "since 2003", which the brief's conflicts show against it
    articles = basil_story("basil-pelosi-leader.jsonl")
    story = Story(articles=articles, id="pelosi")
    found = brief(story, Options(analyses=("facts", "figures")))
    (line,) = [line for line in found.summary if line.text.startswith("Pelosi has led House Democrats since")]
    assert [citation.article_id for citation in line.citations] == [line.sentence.article_id]
    assert any(
        "2003" in figure.span.text for conflict in found.analysis.conflicts for figure in conflict.figures
    )
    without = brief(story, Options())
    (plain,) = [
        line for line in without.summary if line.text.startswith("Pelosi has led House Democrats since")
    ]
    assert len(plain.citations) == 2  # without the figures, the alignment's fact stands
