"""The page's Stories view in a real headless Chromium, against a server started on a store.

The store is filled by the Clusterer with the real BASIL articles, as ``newsbrief watch`` fills
it (and another with an article whose title and outlet are markup). Set NEWSBRIEF_SCREENSHOT=docs/screenshot.png
to also write docs/stories.png, the README's picture of this view.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from playwright.sync_api import expect

# the browser, the page watch and the loopback server of the page tests (tests/service is on sys.path)
from test_page import (
    CANCELLED,
    CHROMIUM_ARGS,
    EXPLAIN,
    LAPTOP,
    STYLE_EXTRACT,
    XSS_OUTLET,
    XSS_TEXT,
    XSS_TITLE,
    Watch,
    download,
    download_name,
    served,
)

from newsbrief.model import Article
from newsbrief.rendering import file_name
from newsbrief.service.app import create_app
from newsbrief.stream import Clusterer, Store
from newsbrief.stream.sources import read_articles

sync_api = pytest.importorskip("playwright.sync_api")

BASIL = Path(__file__).resolve().parents[1] / "fixtures" / "stream" / "basil-24.jsonl"
MARKUP = Article(
    id="markup", outlet=XSS_OUTLET, title=XSS_TITLE, url=None, published="2009-06-01", text=XSS_TEXT
)


def store_of(articles: list[Article], path: Path) -> Path:
    """A store filled by the Clusterer with the articles, as `newsbrief watch` fills it."""
    clusterer = Clusterer(Store(path))
    for article in articles:
        clusterer.add(article)
    clusterer.close()
    return path


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = store_of(list(read_articles([str(BASIL)])), tmp_path_factory.mktemp("store") / "stream.sqlite")
    yield from served(create_app(store_path=path))


@pytest.fixture(scope="module")
def markup_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of a BASIL article and one whose title and outlet are markup."""
    articles = [next(read_articles([str(BASIL)])), MARKUP]
    path = store_of(articles, tmp_path_factory.mktemp("markup") / "stream.sqlite")
    yield from served(create_app(store_path=path))


@pytest.fixture(scope="module")
def bare_url() -> Iterator[str]:
    yield from served(create_app())


@pytest.fixture(scope="module")
def listed(store_url: str) -> list[dict[str, Any]]:
    """The stories as the API lists them, newest first."""
    stories: list[dict[str, Any]] = httpx.get(f"{store_url}/v1/stories", timeout=60).json()["stories"]
    return stories


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def watch() -> Watch:
    return Watch()


def open_page(browser: Any, url: str, watch: Watch) -> Any:
    context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: watch.errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and watch.console_errors.append(message.text))
    tab.goto(url + "/")
    return tab


@pytest.fixture
def page(browser: Any, store_url: str, watch: Watch) -> Iterator[Any]:
    tab = open_page(browser, store_url, watch)
    yield tab
    tab.context.close()


def show_stories(page: Any, count: int) -> Any:
    """Click the Stories tab; the list once it holds ``count`` stories."""
    page.get_by_role("link", name="Stories").click()
    items = page.locator("#story-list .story")
    items.nth(count - 1).wait_for()
    return items


def open_story(page: Any, title: str) -> dict[str, Any]:
    """Click a story's title; the brief JSON the server sent, once the brief is on screen."""
    with page.expect_response("**/v1/stories/*/brief?*") as answer:
        page.get_by_role("button", name=title, exact=True).click()
    assert answer.value.status == 200, answer.value.text()
    page.locator("#summary .line").first.wait_for()
    data: dict[str, Any] = answer.value.json()
    return data


def test_stories_are_listed_newest_first_and_open_their_cited_brief(
    page: Any, listed: list[dict[str, Any]], watch: Watch, tmp_path: Path
) -> None:
    # the brief is made with the length and analyses chosen in the other view
    page.get_by_label("Length of the summary, in words").fill("150")
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(box.get_attribute("value") == "facts")
    items = show_stories(page, len(listed))
    assert page.locator("#brief-form").is_hidden()
    assert items.count() == len(listed)
    assert [item.get_attribute("data-story") for item in items.all()] == [story["id"] for story in listed]
    last_dates = [item.locator(".story-dates").text_content().split(" – ")[-1] for item in items.all()]
    assert last_dates == sorted(last_dates, reverse=True)  # ISO dates: newest first
    assert last_dates[0] == "2010-12-01"
    assert "newest first" in page.locator("#stories-note").text_content()

    sestak = next(story for story in listed if "Sestak" in story["title"])
    item = page.locator(f'#story-list .story[data-story="{sestak["id"]}"]')
    assert item.locator(".story-count").text_content() == "3 articles"
    assert item.locator(".story-outlets").text_content() == ", ".join(sestak["outlets"])
    assert item.locator(".story-dates").text_content() == "2010-05-27 – 2010-05-28"

    data = open_story(page, sestak["title"])
    assert page.locator("#brief-story").text_content().startswith(sestak["title"])
    assert [source["outlet"] for source in data["sources"]] == sestak["outlets"]
    assert data["words"] <= 150
    assert page.locator("#sources li").count() == 3
    assert page.get_by_role("heading", name="Agreed facts").is_visible()
    lines = page.locator("#summary .line")
    assert lines.count() == len(data["summary"]) > 0

    # a citation marker shows the cited words in their article
    position, line = next(
        ((i, line) for i, line in enumerate(data["summary"]) if len(line["citations"]) > 1),
        (0, data["summary"][0]),
    )
    lines.nth(position).locator(".marker").last.click()
    cited = max(line["citations"], key=lambda citation: citation["source"])
    texts = {article["id"]: article["text"] for article in data["articles"]}
    assert page.locator("#source-panel .highlight").text_content() == cited["text"]
    assert texts[cited["article_id"]][cited["start"] : cited["end"]] == cited["text"]

    page.wait_for_timeout(250)  # let the marker's colour transition finish before the picture
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=tmp_path / "stories.png")
    if target := os.environ.get("NEWSBRIEF_SCREENSHOT"):
        page.screenshot(path=Path(target).with_name("stories.png"))
    assert (tmp_path / "stories.png").stat().st_size > 10_000

    # each view keeps its own brief
    # a view changes on the page's hashchange event, after the click returns: wait for it
    page.get_by_role("link", name="Your articles").click()
    page.locator("#brief-form").wait_for(state="visible")
    assert page.locator("#brief-form").is_visible() and page.locator("#result").is_hidden()
    page.get_by_role("link", name="Stories").click()
    page.locator("#result").wait_for(state="visible")
    assert page.locator("#result").is_visible() and page.locator("#brief-form").is_hidden()
    assert watch.errors == [] and watch.console_errors == [] and watch.dialogs == []


def test_a_story_brief_downloads_what_the_server_renders(
    page: Any, store_url: str, listed: list[dict[str, Any]], tmp_path: Path
) -> None:
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(box.get_attribute("value") == "facts")
    show_stories(page, len(listed))
    story = next(story for story in listed if len(story["outlets"]) == 3)
    open_story(page, story["title"])
    markdown = download(page, "Markdown", tmp_path)
    expected = httpx.get(
        f"{store_url}/v1/stories/{story['id']}/brief",
        params={"analysis": "facts", "words": "250", "format": "md"},
        timeout=120,
    )
    assert expected.status_code == 200
    assert markdown == expected.text
    assert markdown.startswith("# Brief")


def test_issue_page_a_story_brief_downloads_under_the_story_title(
    page: Any, listed: list[dict[str, Any]]
) -> None:
    """Every story's brief downloaded as brief.md: a second story's came out as "brief (1).md"."""
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(False)
    show_stories(page, len(listed))
    names = []
    for story in [story for story in listed if len(story["outlets"]) >= 2][:2]:
        open_story(page, story["title"])
        expected = file_name(story["title"], "md").removesuffix(".md")
        assert expected != "brief"
        names.append([download_name(page, button) for button in ("Markdown", "JSON", "HTML")])
        assert names[-1] == [f"{expected}.md", f"{expected}.json", f"{expected}.html"]
    assert names[0] != names[1]


def test_the_brief_on_show_is_the_one_asked_for_last(page: Any, listed: list[dict[str, Any]]) -> None:
    """A story opened while another's brief is still on its way: the slower answer, arriving
    last, used to replace the brief of the story the reader opened last."""
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(False)
    show_stories(page, len(listed))
    first, second = listed[0], listed[1]
    held: list[Any] = []
    page.route(f"**/v1/stories/{first['id']}/brief?*", lambda route: held.append(route))
    page.get_by_role("button", name=first["title"], exact=True).click()
    while not held:
        page.wait_for_timeout(50)
    open_story(page, second["title"])
    assert page.locator("#brief-story").text_content() == second["title"]
    held[0].fulfill(response=held[0].fetch())
    expect(page.get_by_role("button", name=first["title"], exact=True)).to_be_enabled()
    assert page.locator("#brief-story").text_content() == second["title"]
    current = page.locator(".story-open[aria-current]")
    assert current.count() == 1 and current.text_content() == second["title"]


def test_a_brief_asked_for_in_one_view_is_shown_in_that_view(
    page: Any, listed: list[dict[str, Any]], aleppo: dict[str, Article]
) -> None:
    """The reader asks for a brief of pasted articles and moves to Stories before it comes: it
    used to appear over the story list; it waits under "Your articles"."""
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(False)
    page.get_by_label("Text").fill(aleppo["npr"].text)
    held: list[Any] = []
    page.route("**/v1/briefs?timing=true", lambda route: held.append(route))
    page.get_by_role("button", name="Get the brief").click()
    while not held:
        page.wait_for_timeout(50)
    show_stories(page, len(listed))
    held[0].fulfill(response=held[0].fetch())
    expect(page.locator("#submit")).to_be_enabled()  # hidden with its form: not found by role
    assert page.locator("#result").is_hidden()
    assert page.locator("#story-list .story").count() == len(listed)
    page.get_by_role("link", name="Your articles").click()
    page.locator("#result").wait_for(state="visible")
    assert page.locator("#summary .line").count() > 0
    assert page.locator("#brief-story").is_hidden()


def test_a_failed_story_list_says_so_in_one_line(page: Any, listed: list[dict[str, Any]]) -> None:
    """A proxy's 503 for the list used to read "could not make the brief"."""
    page.route(
        "**/v1/stories?*",
        lambda route: route.fulfill(status=503, content_type="text/html", body="<h1>down</h1>"),
    )
    page.get_by_role("link", name="Stories").click()
    error = page.locator("#stories-error")
    error.wait_for()
    assert error.text_content() == "The server could not list the stories (HTTP 503)."
    page.unroute("**/v1/stories?*")
    page.get_by_role("button", name="Refresh").click()
    page.locator("#story-list .story").nth(len(listed) - 1).wait_for()
    assert error.is_hidden()


def test_a_story_is_not_briefed_at_a_length_other_than_the_one_asked(
    page: Any, listed: list[dict[str, Any]]
) -> None:
    """A length the server does not take (5 words) was dropped unsaid: the brief came at 250."""
    page.get_by_label("Length of the summary, in words").fill("5")
    show_stories(page, len(listed))
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.get_by_role("button", name=listed[0]["title"], exact=True).click()
    error = page.locator("#stories-error")
    error.wait_for()
    assert error.text_content() == (
        "The length must be a whole number of words from 20 to 5000. Set it under “Your articles”."
    )
    assert not [url for url in asked if "/brief" in url] and page.locator("#result").is_hidden()


def test_markup_in_a_story_is_shown_as_text(browser: Any, markup_url: str, watch: Watch) -> None:
    tab = open_page(browser, markup_url, watch)
    try:
        items = show_stories(tab, 2)
        last = items.last  # dated 2009, before the BASIL article
        assert last.locator(".story-open").text_content() == XSS_TITLE
        assert last.locator(".story-outlets").text_content() == XSS_OUTLET
        assert last.locator("a, b, img, script").count() == 0
        with tab.expect_response("**/v1/stories/*/brief?*"):
            last.locator(".story-open").click()
        tab.locator("#summary .line").first.wait_for()
        assert tab.locator("#brief-story").text_content().startswith(XSS_TITLE)
        assert tab.locator("#sources li").first.text_content().startswith(XSS_OUTLET)
        assert tab.evaluate("window.__xss") is None
        assert watch.dialogs == [] and watch.errors == []
    finally:
        tab.context.close()


def test_without_a_store_the_view_says_how_to_start_one(browser: Any, bare_url: str, watch: Watch) -> None:
    tab = open_page(browser, bare_url, watch)
    try:
        tab.get_by_role("link", name="Stories").click()
        note = tab.locator("#stories-note")
        note.filter(has_text="serve --db FILE").wait_for()
        assert tab.locator("#story-list .story").count() == 0
        assert tab.locator("#stories-error").is_hidden()
        assert watch.errors == []
    finally:
        tab.context.close()


def test_a_story_brief_opens_with_the_style_sentences_and_explain_chosen(
    page: Any, store_url: str, listed: list[dict[str, Any]], tmp_path: Path
) -> None:
    """A story's brief came with the length and analyses of the form, and the server's default
    style and sentences whatever the reader wanted."""
    page.get_by_label("At most this many sentences").fill("2")
    page.get_by_role("radio", name=STYLE_EXTRACT).check()
    page.get_by_role("checkbox", name=EXPLAIN).check()
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(False)
    show_stories(page, len(listed))
    story = next(story for story in listed if len(story["outlets"]) == 3)
    with page.expect_request("**/v1/stories/*/brief?*") as asked:
        data = open_story(page, story["title"])
    query = parse_qs(urlsplit(asked.value.url).query)
    assert (query["style"], query["sentences"], query["words"], query["analysis"]) == (
        ["extract"],
        ["2"],
        ["250"],
        ["none"],
    )
    assert data["options"]["style"] == "extract" and data["options"]["max_sentences"] == 2
    assert page.locator("#summary .line").count() == len(data["summary"]) <= 2
    assert page.get_by_role("heading", name="How the brief was made").is_visible()

    markdown = download(page, "Markdown", tmp_path)
    expected = httpx.get(
        f"{store_url}/v1/stories/{story['id']}/brief",
        params={
            "words": "250",
            "analysis": "none",
            "style": "extract",
            "sentences": "2",
            "format": "md",
            "explain": "true",
        },
        timeout=120,
    )
    assert expected.status_code == 200
    timing = re.compile(r"## Timing\n\n.*", re.S)  # the stage times differ between two runs
    assert timing.sub("", markdown) == timing.sub("", expected.text) and "## Citations" in markdown

    # the options stay as chosen under "Your articles"
    page.get_by_role("link", name="Your articles").click()
    page.locator("#brief-form").wait_for(state="visible")
    assert page.get_by_label("At most this many sentences").input_value() == "2"
    assert page.get_by_role("radio", name=STYLE_EXTRACT).is_checked()
    assert page.get_by_role("checkbox", name=EXPLAIN).is_checked()


def test_a_story_brief_on_its_way_can_be_cancelled(page: Any, listed: list[dict[str, Any]]) -> None:
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(False)
    show_stories(page, len(listed))
    story = listed[0]
    held: list[Any] = []
    page.route(f"**/v1/stories/{story['id']}/brief?*", lambda route: held.append(route))
    page.get_by_role("button", name=story["title"], exact=True).focus()
    page.keyboard.press("Enter")
    while not held:
        page.wait_for_timeout(50)
    cancel = page.get_by_role("button", name="Cancel")
    expect(cancel).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#stories-note")).to_contain_text(CANCELLED)
    expect(page.get_by_role("button", name=story["title"], exact=True)).to_be_focused()
    assert cancel.count() == 0 and page.locator("#result").is_hidden()
    assert page.locator("#stories-error").is_hidden()

    page.unroute(f"**/v1/stories/{story['id']}/brief?*")
    open_story(page, story["title"])
    assert page.locator("#brief-story").text_content() == story["title"]


def test_a_story_brief_download_and_its_failure_are_said_in_the_stories_view(
    page: Any, listed: list[dict[str, Any]], tmp_path: Path
) -> None:
    """A download of a story's brief said "Downloaded brief.md." or its error on the form's lines,
    hidden under Stories: the reader saw nothing, and a screen reader heard nothing."""
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(False)
    show_stories(page, len(listed))
    open_story(page, listed[0]["title"])
    download(page, "Markdown", tmp_path)
    expect(page.locator("#stories-note")).to_contain_text(
        f"Downloaded {file_name(listed[0]['title'], 'md')}."
    )
    page.route(
        "**/v1/stories/*/brief?*format=html*",
        lambda route: route.fulfill(status=503, content_type="text/html", body="<h1>down</h1>"),
    )
    page.get_by_role("button", name="HTML", exact=True).click()
    error = page.locator("#stories-error")
    expect(error).to_have_text("The server could not make the brief (HTTP 503).")
    assert error.is_visible()
    page.locator("#summary .marker").first.click()
    expect(page.locator("#stories-note")).to_contain_text("Showing source")


BASIL_ALL = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "stream" / "basil.jsonl"


@pytest.fixture(scope="module")
def large_store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of the 300 BASIL articles: more stories than the list shows at first."""
    articles = list(read_articles([str(BASIL_ALL)]))
    yield from served(
        create_app(store_path=store_of(articles, tmp_path_factory.mktemp("large") / "s.sqlite"))
    )


def test_older_stories_can_be_listed_from_the_keyboard(
    browser: Any, large_store_url: str, watch: Watch
) -> None:
    """The view said "The latest 50 of 119 stories" and gave no way to reach the other 69."""
    everything = httpx.get(f"{large_store_url}/v1/stories?limit=500", timeout=60).json()
    total = everything["total"]
    titles = [story["title"] for story in everything["stories"]]
    assert 100 < total < 150 and len(titles) == total
    page = open_page(browser, large_store_url, watch)
    items = show_stories(page, 50)
    expect(page.locator("#stories-note")).to_have_text(f"The latest 50 of {total} stories, newest first.")
    more = page.get_by_role("button", name="Show 50 older stories")
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#stories-note")).to_have_text(f"The latest 100 of {total} stories, newest first.")
    assert items.count() == 100
    expect(items.nth(50).locator(".story-open")).to_be_focused()  # the reader goes on where the list grew
    assert [items.nth(index).locator(".story-open").text_content() for index in (0, 50, 99)] == [
        titles[0],
        titles[50],
        titles[99],
    ]
    page.get_by_role("button", name=f"Show {total - 100} older stories").click()
    expect(page.locator("#stories-note")).to_have_text(f"All {total} stories, newest first.")
    assert items.count() == total
    assert page.locator("#stories-more").is_hidden()
    assert items.nth(total - 1).locator(".story-open").text_content() == titles[-1]
    assert not watch.errors
    page.context.close()


def test_an_empty_store_says_how_to_fill_it(browser: Any, tmp_path: Path, watch: Watch) -> None:
    """A store with no stories said only "The store has no stories yet."."""
    path = store_of([], tmp_path / "empty.sqlite")
    server = served(create_app(store_path=path))
    url = next(server)
    page = open_page(browser, url, watch)
    page.get_by_role("link", name="Stories").click()
    expect(page.locator("#stories-note")).to_have_text(
        "The store has no stories yet: add articles to it with “newsbrief watch FEEDS --db FILE” or"
        " “newsbrief cluster … --db FILE”, then Refresh."
    )
    assert page.locator("#story-list .story").count() == 0 and page.locator("#stories-more").is_hidden()
    page.context.close()
    next(server, None)
