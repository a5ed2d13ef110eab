from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from basil_stories import basil_story
from newsbrief.model import Article, Story
from newsbrief.pipeline.clean import (
    _BOILERPLATE_SEARCHES,
    _MAX_MATCH_CHARS,
    BOILERPLATE_PATTERNS,
    _letter_runs,
    clean,
    language_notice,
    lowered_words,
    merge_duplicates,
)
from newsbrief.pipeline.segment import paragraph_spans


def _article(text: str, article_id: str = "a") -> Article:
    return Article(id=article_id, outlet=article_id, title="", url=None, published=None, text=text)


def test_clean_drops_read_more_and_keeps_the_report(aleppo: dict[str, Article]) -> None:
    article, removals = clean(aleppo["aljazeera"])
    assert "READ MORE:" not in article.text
    assert "WATCH:" not in article.text
    assert "Source:" not in article.text
    assert "Aleppo has come to symbolise the devastation" in article.text
    reasons = {removal.reason for removal in removals}
    assert {"link to another story", "source line", "repeated paragraph"} <= reasons


def test_repeated_pull_quote_is_kept_once(aleppo: dict[str, Article]) -> None:
    article, removals = clean(aleppo["aljazeera"])
    quote = "What we are witnessing today is the regime's most aggressive push"
    assert aleppo["aljazeera"].text.count(quote) == 2
    assert article.text.count(quote) == 1
    assert [r.reason for r in removals if r.text.startswith(quote)] == ["repeated paragraph"]


def test_npr_copyright_line_is_removed(aleppo: dict[str, Article]) -> None:
    article, removals = clean(aleppo["npr"])
    assert "Copyright 2016 NPR" not in article.text
    assert "To see more, visit" not in article.text
    assert article.text.endswith("the last significant bit of urban territory controlled by rebels.")
    assert [r.reason for r in removals] == ["copyright line"]


def test_removals_point_into_the_original_text(aleppo: dict[str, Article]) -> None:
    for original in aleppo.values():
        _, removals = clean(original)
        for removal in removals:
            assert original.text[removal.start : removal.end] == removal.text


def test_kept_paragraphs_are_unchanged(aleppo: dict[str, Article]) -> None:
    article, _ = clean(aleppo["zerohedge"])
    for paragraph in article.text.split("\n\n"):
        assert paragraph in aleppo["zerohedge"].text


@pytest.mark.parametrize(
    "paragraph, reason",
    [
        ("Image copyright Getty Images", "image caption or credit"),
        ("Photo by Scott Olson/Getty Images", "image caption or credit"),
        ("Advertisement Continue reading the main story", "advertisement"),
        ("Follow Jill Colvin on Twitter at: http://twitter.com/colvinj", "share or subscribe line"),
        ("Sign up for our newsletter to get the latest news.", "share or subscribe line"),
        ("Like NPR on Facebook.", "share or subscribe line"),
        ("Get the Morning Briefing newsletter", "share or subscribe line"),
        ("Copyright 2018 WSMV (Meredith Corporation). All rights reserved.", "copyright line"),
        ("Read more about: Marco Rubio, Guns, Gun Control", "link to another story"),
        ("Scott Wong, Jesse Byrnes and Peter Sullivan contributed.", "byline or contributor line"),
        ("Stern warning", "headline, caption or label"),
        (
            "JUST WATCHED Romney: Dishonesty is Trump's hallmark Replay More Videos ... "
            "MUST WATCH Romney: Dishonesty is Trump's hallmark 01:55",
            "video or embedded post",
        ),
        (
            "Media playback is unsupported on your device Media caption The announcement was "
            "greeted by cheers and excitement in the hall",
            "video or embedded post",
        ),
        # Multi-News mn-29714 (BBC): a tweet framed by the page, its author's words, not the report
        (
            "Skip Twitter post by @MorganGodfery Jacinda Ardern arrived at hospital in her own car, with "
            "Clarke driving. No Crown limo or special ambulance.",
            "video or embedded post",
        ),
        (
            "You can add location information to your Tweets, such as your city or precise location, "
            "from the web and via third-party applications. You always have the option to delete "
            "your Tweet location history. Learn more",
            "site notice",
        ),
        (
            "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
            "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
            "embargo period.",
            "site notice",
        ),
        # Multi-News mn-44348's first document is the page a site served for a story that was gone
        (
            "We're sorry, but this page is not available. Try typing the web address again, or using "
            "our search feature at the top of the page to find similar content.",
            "site notice",
        ),
        (
            "Breaking News Emails Get breaking news alerts and special reports. The news and stories "
            "that matter, delivered weekday mornings.",
            "share or subscribe line",
        ),
        (
            "In this photo taken May 4, 2012, Chinese Vice President Xi Jinping speaks at a conference "
            "to celebrate the 90th anniversary of the founding of... (Associated Press)",
            "image caption or credit",
        ),
        (
            "A man is rescued from the rubble of a building after an earthquake, in Accumoli, central "
            "Italy, Wednesday, Aug. 24, 2016. A devastating earthquake... (AP)",
            "image caption or credit",
        ),
    ],
)
def test_boilerplate_paragraphs(paragraph: str, reason: str) -> None:
    body = "The House approved a measure on Thursday that would block the president's plan."
    article, removals = clean(_article(f"{body}\n\n{paragraph}\n\n{body} It passed 219 to 197."))
    assert paragraph not in article.text
    assert [r.reason for r in removals] == [reason]


@pytest.mark.parametrize(
    "paragraph",
    [
        # one-sentence paragraphs of BASIL articles that the share-line pattern took for a call to
        # follow the outlet, so the quote that followed lost its speaker ("Lauten later apologized")
        "Lauten later apologized for rushing to judgment on Facebook.",
        "Trump, as is often his way, fired back on Twitter.",
        "Make America Awesome PAC paid for the ads and posted them on Facebook and Instagram.",
        "“Greatest Witch Hunt in the History of our Country!” he wrote on Twitter. “NO COLLUSION!”",
    ],
)
def test_a_report_that_names_a_platform_is_kept(paragraph: str) -> None:
    body = "The House approved a measure on Thursday that would block the president's plan."
    article, removals = clean(_article(f"{body}\n\n{paragraph}\n\n{body} It passed 219 to 197."))
    assert paragraph in article.text
    assert removals == ()


@pytest.mark.parametrize(
    "lead_in",
    [
        # BASIL (Fox News, HuffPost): each removed as a label, so its quotation was given to the
        # speaker of the quotation before it, or to no one
        "The Democratic National Committee issued a brief statement shortly after Rubio's speech:",
        "Politics Daily recently reported:",
        "Trump responded to Cruz's allegations in a statement on Friday afternoon:",
    ],
)
def test_a_short_paragraph_that_introduces_a_quotation_is_kept(lead_in: str) -> None:
    quotation = "“Okay. So here’s Rubio’s alleged ‘new’ foreign policy. No plan forward on Iran.”"
    article, removals = clean(_article(f"{lead_in}\n\n{quotation}"))
    assert lead_in in article.text
    assert removals == ()


def test_a_speech_verb_and_a_colon_before_a_block_quotation_is_kept() -> None:
    # BASIL, Fox News on Ginsburg (2016): removed as a label, so the tweet after it lost its speaker
    lead_in = "And Trump himself lashed out on Twitter, saying:"
    tweet = "Justice Ginsburg of the U.S. Supreme Court has embarrassed all. Her mind is shot - resign!"
    article, removals = clean(_article(f"{lead_in}\n\n{tweet}"))
    assert article.text == f"{lead_in}\n\n{tweet}"
    assert removals == ()


def test_a_speech_verb_and_a_colon_that_ends_the_article_is_still_a_label() -> None:
    body = "The House approved a measure on Thursday that would block the president's plan."
    article, removals = clean(_article(f"{body}\n\nThe statement read:"))
    assert article.text == body
    assert [removal.text for removal in removals] == ["The statement read:"]


def test_a_label_before_a_quotation_is_still_a_label() -> None:
    article, removals = clean(
        _article("Watch:\n\n“Neoconservative meets Cold War: that’s the Rubio doctrine.”")
    )
    assert [removal.text for removal in removals] == ["Watch:"]
    assert article.text.startswith("“Neoconservative")


def test_reporting_that_mentions_twitter_is_kept() -> None:
    text = (
        "Trump is not waiting to hear what Romney has to say. He lashed out at Romney on Twitter "
        "Wednesday afternoon, calling him a failed candidate."
    )
    article, removals = clean(_article(text))
    assert article.text == text
    assert removals == ()


def test_near_identical_articles_are_merged_into_the_longer(aleppo: dict[str, Article]) -> None:
    npr = aleppo["npr"]
    copy = Article(
        id="npr-copy", outlet="wire", title="", url=None, published=None, text=npr.text[: len(npr.text) // 2]
    )
    kept, notices = merge_duplicates((copy, npr, aleppo["aljazeera"]))
    assert [a.id for a in kept] == ["npr", "aljazeera"]
    assert len(notices) == 1
    assert notices[0].code == "duplicate-merged"
    assert notices[0].article_ids == ("npr-copy", "npr")


def test_different_articles_are_not_merged(aleppo: dict[str, Article]) -> None:
    kept, notices = merge_duplicates(tuple(aleppo.values()))
    assert len(kept) == 3
    assert notices == ()


def test_non_english_text_gets_a_notice() -> None:
    german = (
        "Die Schlacht um Aleppo tobt seit zwei Wochen und erzeugt tragische Bilder von verletzten "
        "Zivilisten in den Trümmern. Die Stadt war einst die bevölkerungsreichste des Landes und "
        "ein Handelszentrum, heute ist sie ein Schlüsselpreis im Bürgerkrieg."
    )
    notice = language_notice(_article(german))
    assert notice is not None
    assert notice.code == "not-english"


def test_english_text_gets_no_language_notice(aleppo: dict[str, Article]) -> None:
    assert all(language_notice(article) is None for article in aleppo.values())


def test_reporting_about_an_archived_page_is_kept() -> None:
    text = (
        "An archived copy of the page, captured by the Wayback Machine in 2016, shows the claim "
        "before it was deleted."
    )
    article, removals = clean(_article(text))
    assert article.text == text
    assert removals == ()


def _paragraphs(articles: list[Article]) -> list[str]:
    """Every paragraph of the articles with its white space collapsed, as the patterns see it."""
    return [
        " ".join(article.text[start:end].split())
        for article in articles
        for start, end in paragraph_spans(article.text)
    ]


# Pieces of the boilerplate patterns, so generated paragraphs match some of them.
_PATTERN_PIECES = [
    "via Getty Images",
    "/AP",
    ")",
    "(",
    " ",
    ".",
    "...",
    "All Rights Reserved",
    "contributed to this report",
    "Contributed",
    "To see more, visit",
    "To see more visit",
    "photo",
    "newsletter",
    "on Twitter",
    "Associated Press",
    "jane@example.com",
    "https://npr.org",
    "x",
    "Stop",
    "é",
    "\n",
]


def test_boilerplate_searches_find_what_a_full_search_finds(
    aleppo: dict[str, Article], multinews_stories: tuple[Story, ...]
) -> None:
    articles = [*aleppo.values(), *(article for story in multinews_stories for article in story.articles)]
    for flat in _paragraphs(articles):
        for (_, search), (_, pattern) in zip(_BOILERPLATE_SEARCHES, BOILERPLATE_PATTERNS, strict=True):
            assert bool(search(flat)) == bool(pattern.search(flat))


@given(st.lists(st.sampled_from(_PATTERN_PIECES), max_size=40))
def test_boilerplate_searches_find_what_a_full_search_finds_on_built_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for flat in (text, " ".join(text.split())):
        for (_, search), (_, pattern) in zip(_BOILERPLATE_SEARCHES, BOILERPLATE_PATTERNS, strict=True):
            assert bool(search(flat)) == bool(pattern.search(flat))


def test_declared_match_lengths_hold_the_longest_match() -> None:
    # re's own parser (private, so here only) gives the longest match a pattern can make.
    patterns = {pattern.pattern: pattern for _, pattern in BOILERPLATE_PATTERNS}
    for source, max_chars in _MAX_MATCH_CHARS.items():
        pattern = patterns[source]
        assert source.endswith("$")
        assert re._parser.parse(pattern.pattern, pattern.flags).getwidth()[1] <= max_chars  # type: ignore[attr-defined]


@given(
    st.lists(
        st.sampled_from([*_PATTERN_PIECES, "to see more, visit", "Photo to see more, visit", "_to"]),
        max_size=30,
    )
)
def test_to_see_more_is_found_as_with_a_word_boundary(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern = next(p for _, p in BOILERPLATE_PATTERNS if "see more" in p.pattern)
    assert bool(pattern.search(text)) == bool(re.search(r"\bto see more,? visit\b", text, re.IGNORECASE))


def test_letter_runs_are_the_letters_regex_on_real_articles(
    aleppo: dict[str, Article], multinews_stories: tuple[Story, ...]
) -> None:
    articles = [*aleppo.values(), *(article for story in multinews_stories for article in story.articles)]
    for article in articles:
        expected = re.findall(r"[^\W\d_]+", article.text.lower())
        assert _letter_runs(lowered_words(article.text)) == expected
    assert any(not word.isalpha() for article in articles for word in lowered_words(article.text))


@given(
    st.text(alphabet=st.sampled_from(["a", "B", "7", "_", " ", "-", "é", "²", "٣", "'", "\n"]), max_size=60)
    | st.text()
)
def test_letter_runs_are_the_letters_regex_on_any_text(text: str) -> None:
    assert _letter_runs(lowered_words(text)) == re.findall(r"[^\W\d_]+", text.lower())


def test_an_update_label_goes_and_its_paragraph_stays() -> None:
    # BASIL, HuffPost on Kathy Griffin (2017): "UPDATE - May 30, 10 p.m.: Kathy Griffin issued a
    # formal apology ..." came into the brief label and all, and an opening line elsewhere read
    # "Updated: Rick Santorum on Sunday tried to clarify ...".
    (huffpost,) = [article for article in basil_story("basil-griffin-photo.jsonl") if article.id == "hpo"]
    cleaned, removals = clean(huffpost)
    assert (
        "\n\nKathy Griffin issued a formal apology for the controversial images on Twitter.\n\n"
        in cleaned.text
    )
    assert "UPDATE" not in cleaned.text
    labels = [removal for removal in removals if removal.reason == "update label"]
    assert [label.text for label in labels] == ["UPDATE - May 30, 10 p.m.: ", "UPDATE - May 30, 5:20 p.m.: "]
    assert all(huffpost.text[label.start : label.end] == label.text for label in labels)


@pytest.mark.parametrize(
    "paragraph, label",
    [
        ("Updated: Rick Santorum on Sunday tried to clarify his comment.", "Updated: "),
        (
            "UPDATE 2:52 p.m. -- Additional records disclosed Wednesday revealed the expenses.",
            "UPDATE 2:52 p.m. -- ",
        ),
        ("UPDATE: 9 p.m. -- White House spokesman Eric Schultz said he hoped so.", "UPDATE: 9 p.m. -- "),
        ("Update on the case: police said the suspect was held.", None),
    ],
)
def test_update_labels_as_outlets_write_them(paragraph: str, label: str | None) -> None:
    # BASIL's update labels (2010-2017); the last is a sentence that opens with the word.
    article = Article(id="a", outlet="", title="", url=None, published=None, text=paragraph)
    removed = [removal.text for removal in clean(article)[1] if removal.reason == "update label"]
    assert removed == ([label] if label else [])


def test_a_page_label_before_bullet_points_goes_and_the_bullet_stays() -> None:
    # Multi-News mn-41905 (CNN, 2014): "Story highlights Burt Reynolds went to ..." was a summary line
    bullet = "Burt Reynolds went to a hospital after developing flu symptoms, his representative says"
    article = Article(
        id="a", outlet="", title="", url=None, published=None, text=f"Story highlights {bullet}"
    )
    cleaned, removals = clean(article)
    assert cleaned.text == bullet
    assert [(removal.reason, removal.text) for removal in removals] == [("page label", "Story highlights ")]


@pytest.mark.parametrize(
    ("paragraph", "caption", "kept"),
    [
        # Multi-News mn-44348 (USA Today, 2013): caption, credit and label were an indirect quote's words
        (
            "People take the statin Lipitor for lowering blood cholesterol. (Photo: Mel Evans, AP) Story "
            "Highlights According to the new criteria, 31% of adults are good candidates for statins.",
            "People take the statin Lipitor for lowering blood cholesterol. (Photo: Mel Evans, AP) Story "
            "Highlights ",
            "According to the new criteria, 31% of adults are good candidates for statins.",
        ),
        # Multi-News (USA Today, 2018): a caption paragraph ending on its credit
        (
            "1-year-old Katera Barker of Nashville, Tenn., was found May 23, 2018, in the back of this pickup "
            "truck parked at her Nashville home. (Photo: Metro Nashville Police)",
            "1-year-old Katera Barker of Nashville, Tenn., was found May 23, 2018, in the back of this pickup "
            "truck parked at her Nashville home. (Photo: Metro Nashville Police)",
            "",
        ),
    ],
)
def test_a_photo_caption_and_its_credit_at_the_head_of_a_paragraph_go(
    paragraph: str, caption: str, kept: str
) -> None:
    report = "NASHVILLE, Tenn. — A father on his way to catch a flight left his daughter in his truck."
    article = Article(id="a", outlet="", title="", url=None, published=None, text=f"{paragraph}\n\n{report}")
    cleaned, removals = clean(article)
    assert cleaned.text == "\n\n".join(part for part in (kept, report) if part)
    assert [(removal.reason, removal.text) for removal in removals] == [("photo caption", caption)]


def test_a_photo_named_inside_a_report_stays() -> None:
    text = "The senator posted a picture (Photo: his office) of the bill and said it would pass."
    article = Article(id="a", outlet="", title="", url=None, published=None, text=text)
    assert clean(article) == (article, ())


def test_a_wire_editors_note_on_the_version_goes_and_a_stated_correction_stays() -> None:
    # Multi-News mn-16049 (AP, 2012): the version note was read as a count of "10 paragraphs".
    last = (
        "His escape from house arrest to the fortress-like U.S. Embassy last week put Washington at "
        "the center of a sensitive human rights case."
    )
    note = "(This version CORRECTS Corrects spelling of activist's name in paragraph 10, adds contributor's line)"
    # mn-13031: a correction that gives the corrected figure is the article's own report.
    correction = (
        "A previous version of this article misstated the size of industrial space dedicated to "
        "growing marijuana; these facilities occupy approximately 4.5 million square feet of space."
    )
    article = Article(
        id="a", outlet="", title="", url=None, published=None, text=f"{last}\n\n{correction}\n\n{note}"
    )
    cleaned, removals = clean(article)
    assert cleaned.text == f"{last}\n\n{correction}"
    assert [(removal.reason, removal.text) for removal in removals] == [("update note", note)]
