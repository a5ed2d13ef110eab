from __future__ import annotations

import pytest

from newsbrief.model import Article
from newsbrief.pipeline.clean import clean, language_notice, merge_duplicates


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
