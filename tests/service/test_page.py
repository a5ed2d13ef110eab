"""The web page in a real headless Chromium, against the real app served by uvicorn on loopback.

The page is plain JavaScript (src/newsbrief/static/); these tests drive it as a reader would:
paste the Aleppo articles, get the brief, click citation markers, download the brief, and try
an article written to run script. Set NEWSBRIEF_SCREENSHOT=docs/screenshot.png to also write
the README's screenshot from
``test_aleppo_brief_cites_and_a_marker_shows_the_cited_words_in_their_source``.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

import newsbrief
from basil_stories import basil_story
from local_web import NPR_HTML, QuietHandler, fetch_via, serve_locally
from newsbrief.model import Article

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
uvicorn = pytest.importorskip("uvicorn")

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

from newsbrief.service.app import DEFAULT_LIMITS, create_app  # noqa: E402  (after the skips: the server needs FastAPI)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ORDER = ("aljazeera", "npr", "zerohedge")
XSS_TEXT = (
    "Officials said on Monday that the relief convoy reached the northern districts of the city.\n\n"
    "The statement quoted the engineer as writing <script>window.__xss=1</script> in the log, "
    "which the council published in full.\n\n"
    'A second message carried <img src=x onerror="window.__xss=1"> and the reporters kept it as sent.\n\n'
    "The council said the roads to the northern districts would stay open for another week."
)
XSS_OUTLET = "<b>x</b>"
XSS_TITLE = '<a href="javascript:window.__xss=1">Read the council statement</a>'


# Fixtures ---------------------------------------------------------------------------------------


def served(app: Any) -> Iterator[str]:
    """The base URL of the app on a free loopback port, served by uvicorn from a background thread."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """The real app (URL fetching off) on loopback."""
    yield from served(create_app())


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watch:
    """What the page did that it must not: dialogs, uncaught errors, blocked scripts."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console_errors: list[str] = []


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Any, base_url: str, watch: Watch) -> Iterator[Any]:
    context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: watch.errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and watch.console_errors.append(message.text))
    tab.goto(base_url + "/")
    yield tab
    context.close()


# Helpers ----------------------------------------------------------------------------------------


def fill_articles(page: Any, articles: list[dict[str, str]]) -> None:
    """Type the articles into the form, one box each, through their labels."""
    for index, article in enumerate(articles):
        if index:
            page.get_by_role("button", name="Add another article").click()
        card = page.locator("fieldset.article").nth(index)
        card.get_by_label("Outlet").fill(article.get("outlet", ""))
        card.get_by_label("Title").fill(article.get("title", ""))
        card.get_by_label("Published").fill(article.get("published", ""))
        card.get_by_label("Text").fill(article["text"])


def choose_analyses(page: Any, names: set[str]) -> None:
    for box in page.locator('input[name="analysis"]').all():
        box.set_checked(box.get_attribute("value") in names)


def get_brief(page: Any) -> dict[str, Any]:
    """Click the button, wait for the brief on screen; the JSON the server sent."""
    with page.expect_response("**/v1/briefs?timing=true") as answer:
        page.get_by_role("button", name="Get the brief").click()
    response = answer.value
    assert response.status == 200, response.text()
    page.locator("#summary .line").first.wait_for()
    data: dict[str, Any] = response.json()
    return data


def figures_shown(page: Any) -> tuple[Any, list[str]]:
    """The page's Figures section and its lines, white space folded."""
    section = page.locator(
        "section.analysis-section", has=page.get_by_role("heading", name="Figures", exact=True)
    )
    return section, [" ".join(line.split()) for line in section.locator("li").all_inner_texts()]


def aleppo_inputs(aleppo: dict[str, Article]) -> list[dict[str, str]]:
    return [{"outlet": aleppo[key].outlet, "text": aleppo[key].text} for key in ORDER]


def texts_of(data: dict[str, Any]) -> dict[str, str]:
    return {article["id"]: article["text"] for article in data["articles"]}


def assert_in_view(page: Any, selector: str) -> None:
    """The element is inside the viewport and on top there (not scrolled away, not covered)."""
    visible = page.evaluate(
        """(selector) => {
            const node = document.querySelector(selector);
            const box = node.getClientRects()[0];
            const x = box.left + Math.min(box.width / 2, 10), y = box.top + box.height / 2;
            const top = document.elementFromPoint(x, y);
            return box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth
                && top !== null && (top === node || node.contains(top));
        }""",
        selector,
    )
    assert visible, f"{selector} is not in view"


def download(page: Any, button: str, tmp_path: Path) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_text(encoding="utf-8")


def contract_analysis(data: dict[str, Any]) -> dict[str, Any]:
    """An analysis in the documented shape, made from real words of the brief's articles."""
    texts = texts_of(data)
    number = {source["article_id"]: source["number"] for source in data["sources"]}
    ids = {source["outlet"]: source["article_id"] for source in data["sources"]}

    def span(outlet: str, words: str) -> dict[str, Any]:
        article_id = ids[outlet]
        start = texts[article_id].index(words)
        return {
            "source": number[article_id],
            "article_id": article_id,
            "start": start,
            "end": start + len(words),
            "text": words,
        }

    def figure(outlet: str, words: str, value: float, what: str) -> dict[str, Any]:
        return {
            **span(outlet, words),
            "value": value,
            "unit": "people",
            "qualifier": "more-than",
            "normalized": f"more than {value:g} people",
            "context": f"{words} {what}",
            "what": what,
            "attribution": "",
            "text": words,
        }

    deaths = figure("NPR", "More than 300", 300, "civilians have died in the last two weeks")
    quote = span("NPR", "The battle of Aleppo is the culmination of many years of fighting")
    return {
        "ran": ["facts", "figures", "quotes", "entities", "framing"],
        "facts": [
            {
                "sources": [1, 2],
                "sentences": [
                    {
                        **span("Al Jazeera", "For years, the city has been physically divided"),
                        "sentence_index": 2,
                        "similarity": 1.0,
                    },
                    {
                        **span("NPR", "For four years, it has been divided"),
                        "sentence_index": 2,
                        "similarity": 0.3,
                    },
                ],
            }
        ],
        "claims": [
            {
                **span("ZeroHedge", "Critically, Russia and Iran have now cut off supply lines from Turkey."),
                "sentence_index": 10,
                "weight": 0.4,
            }
        ],
        "figures": [deaths],
        "conflicts": [
            {
                "what": "civilian deaths",
                "note": "both count deaths in the city",
                "figures": [deaths, figure("Al Jazeera", "hundreds of deaths", 200, "deaths in the city")],
            }
        ],
        "quotes": [
            {
                "kind": "direct",
                "text": quote["text"],
                "speaker": "Jennifer Cafarella",
                "role": "analyst",
                "speaker_label": "Jennifer Cafarella (analyst)",
                "sources": [2],
                "spans": [quote],
            }
        ],
        "entities": [
            {
                "name": "Bashar al-Assad",
                "label": "PERSON",
                "kind": "person",
                "variants": ["Assad"],
                "total": 2,
                "counts": [{"source": 2, "article_id": ids["NPR"], "count": 2}],
                "mentions": [span("NPR", "Bashar Assad")],
            }
        ],
        "framing": {
            "outlets": [
                {
                    "source": 1,
                    "article_id": ids["Al Jazeera"],
                    "style": "opinion",
                    "opinion": 0.1,
                    "opinion_markers": ["blatantly"],
                    "distinctive": [{"term": "regime", "z": 3.1, "count": 9}],
                }
            ],
            "actors": [
                {
                    "actor": "Syrian government forces",
                    "names": [
                        {
                            "source": 1,
                            "article_id": ids["Al Jazeera"],
                            "names": [{"name": "regime", "count": 9}],
                        }
                    ],
                }
            ],
        },
    }


def fulfil_with(page: Any, body: dict[str, Any] | list[Any], status: int = 200) -> None:
    """Answer the page's next briefs with this JSON instead of the server (a shape the server may send)."""
    page.route(
        "**/v1/briefs?timing=true",
        lambda route: route.fulfill(status=status, content_type="application/json", body=json.dumps(body)),
    )


# Tests ------------------------------------------------------------------------------------------


def test_aleppo_brief_cites_and_a_marker_shows_the_cited_words_in_their_source(
    page: Any, aleppo: dict[str, Article], tmp_path: Path, watch: Watch
) -> None:
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"facts"})
    # long enough for a line that two outlets report
    page.get_by_label("Length of the summary, in words").fill("400")
    data = get_brief(page)
    texts = texts_of(data)
    lines = page.locator("#summary .line")
    assert lines.count() == len(data["summary"]) > 2
    first = data["summary"][0]
    assert first["text"] in lines.first.text_content()
    assert lines.first.locator(".marker").first.text_content() == f"[{first['citations'][0]['source']}]"
    assert lines.first.locator(".marker").first.evaluate("node => node.tagName") == "BUTTON"
    assert page.locator("#sources li").all_text_contents()[1].startswith("NPR")
    assert page.get_by_role("heading", name="Agreed facts").is_visible()
    assert page.get_by_role("heading", name="Quotes").count() == 0  # not asked for, not shown
    assert "Brief ready" in page.locator("#status").text_content()

    # a line that other outlets corroborate: its second marker points into another article
    position, line = next((i, line) for i, line in enumerate(data["summary"]) if len(line["citations"]) > 1)
    cited = sorted(line["citations"][1:], key=lambda citation: citation["source"])[0]
    page.locator("#summary .line").nth(position).locator(".marker").nth(1).click()

    source = data["sources"][cited["source"] - 1]
    assert page.locator("#panel-heading").text_content() == f"[{cited['source']}] {source['outlet']}"
    highlight = page.locator("#source-panel .highlight")
    assert highlight.count() == 1
    assert (
        highlight.text_content() == cited["text"] == texts[cited["article_id"]][cited["start"] : cited["end"]]
    )
    assert page.locator("#source-panel .article-text").text_content() == texts[cited["article_id"]]
    assert_in_view(page, "#source-panel .highlight")

    page.wait_for_timeout(250)  # let the marker's colour transition finish before the picture
    page.screenshot(path=tmp_path / "page-aleppo.png")
    if target := os.environ.get("NEWSBRIEF_SCREENSHOT"):
        page.screenshot(path=target)
    assert (tmp_path / "page-aleppo.png").stat().st_size > 10_000
    assert watch.errors == [] and watch.console_errors == []


def test_citations_after_an_emoji_highlight_their_own_words(
    page: Any, aleppo: dict[str, Article], watch: Watch
) -> None:
    """Spans count code points (docs/json-schema.md), JavaScript strings UTF-16 units: an emoji
    is one of the first and two of the second, so every emoji before a cited sentence shifted
    its highlight by one character more."""
    inputs = [
        {**article, "text": article["text"].replace("Aleppo", "Aleppo \U0001f1f8\U0001f1fe")}
        for article in aleppo_inputs(aleppo)
    ]
    fill_articles(page, inputs)
    choose_analyses(page, set())
    data = get_brief(page)
    texts = texts_of(data)
    after_emoji = 0
    for position, line in enumerate(data["summary"]):
        cited = {texts[c["article_id"]][c["start"] : c["end"]] for c in line["citations"]}
        after_emoji += any("\U0001f1f8" in texts[c["article_id"]][: c["start"]] for c in line["citations"])
        markers = page.locator("#summary .line").nth(position).locator(".marker")
        for index in range(markers.count()):
            markers.nth(index).click()
            assert page.locator("#source-panel .highlight").text_content() in cited
    assert after_emoji > 2  # the case is exercised: lines cited after an emoji
    assert watch.errors == []


# The opening of NPR's Aleppo article (examples/aleppo/npr.txt) in Arabic, as an Arabic outlet would run it
NPR_IN_ARABIC = (
    "منذ أسبوعين تدور معركة في حلب، وتنتج صوراً مأساوية لمدنيين جرحى بين الأنقاض.\n\n"
    "والمدينة، التي كانت الأكثر سكاناً في البلاد ومركزاً تجارياً، جائزة أساسية في الحرب الأهلية. "
    "ومنذ أربع سنوات وهي مقسمة بين القوات الحكومية وقوات المعارضة، في حالة جمود عسكري فعلي."
)


def test_right_to_left_sentences_read_right_to_left(
    page: Any, aleppo: dict[str, Article], watch: Watch
) -> None:
    """Arabic sentences were laid out left to right, their full stop and markers at the wrong end."""
    fill_articles(
        page, [{"outlet": "NPR", "text": aleppo["npr"].text}, {"outlet": "الجزيرة", "text": NPR_IN_ARABIC}]
    )
    choose_analyses(page, set())
    page.get_by_label("Length of the summary, in words").fill("400")
    data = get_brief(page)
    arabic = ["\u0600" <= line["text"][0] <= "\u06ff" for line in data["summary"]]
    assert any(arabic) and not all(arabic)
    lines = page.locator("#summary .line")
    assert [
        lines.nth(i).evaluate("node => node.matches(':dir(rtl)')") for i in range(lines.count())
    ] == arabic
    lines.nth(arabic.index(True)).locator(".marker").first.click()
    assert page.locator("#source-panel .article-text").evaluate("node => node.matches(':dir(rtl)')")
    sources = page.locator("#sources li")
    assert [sources.nth(i).evaluate("node => node.matches(':dir(rtl)')") for i in range(2)] == [False, True]
    assert watch.errors == []


def test_an_answer_that_is_not_a_brief_is_said_in_one_line(page: Any, aleppo: dict[str, Article]) -> None:
    """A proxy's 200 with another JSON shape showed "Could not reach the server:" and a script error."""
    fill_articles(page, aleppo_inputs(aleppo)[:1])
    error = page.get_by_role("alert")
    for body in ({"summary": 3, "sources": "x"}, []):
        page.unroute("**/v1/briefs?timing=true")
        fulfil_with(page, body)
        page.get_by_role("button", name="Get the brief").click()
        error.filter(has_text="not a brief").wait_for()
        assert error.text_content() == "The server sent a reply that is not a brief."
        assert page.locator("#result").is_hidden()


@pytest.mark.nlp
def test_analysis_markers_highlight_their_words(page: Any, aleppo: dict[str, Article]) -> None:
    fill_articles(page, aleppo_inputs(aleppo))  # every analysis box is ticked by default
    data = get_brief(page)
    analysis = data["analysis"]
    assert analysis["ran"] == ["facts", "figures", "quotes", "entities", "framing"]
    for heading in ("Agreed facts", "Claims only one outlet makes", "Figures", "Conflicting figures",
                    "Quotes", "Who and where", "Framing"):  # fmt: skip
        assert page.get_by_role("heading", name=heading, exact=True).is_visible(), heading

    def section(heading: str) -> Any:
        return page.locator(
            "section.analysis-section", has=page.get_by_role("heading", name=heading, exact=True)
        )

    section("Figures").locator("li").first.locator(".marker").click()
    assert page.locator("#source-panel .highlight").text_content() == analysis["figures"][0]["text"]
    assert_in_view(page, "#source-panel .highlight")

    quote = analysis["quotes"][0]
    assert quote["speaker"] in section("Quotes").locator("li").first.text_content()
    section("Quotes").locator("li").first.locator(".marker").first.click()
    assert page.locator("#source-panel .highlight").text_content() == quote["spans"][0]["text"]

    entity = analysis["entities"][0]
    assert entity["name"] in section("Who and where").locator("li").first.text_content()
    section("Who and where").locator("li").first.locator(".marker").first.click()
    assert page.locator("#source-panel .highlight").text_content() == entity["mentions"][0]["text"]
    assert_in_view(page, "#source-panel .highlight")


def test_every_analysis_section_of_the_contract_is_shown(
    page: Any, base_url: str, aleppo: dict[str, Article]
) -> None:
    plain = page.request.post(
        base_url + "/v1/briefs",
        data={"articles": aleppo_inputs(aleppo), "analysis": "none"},
    ).json()
    data = {**plain, "analysis": contract_analysis(plain)}
    fulfil_with(page, data)
    fill_articles(page, aleppo_inputs(aleppo))
    get_brief(page)
    for heading in (
        "Agreed facts",
        "Claims only one outlet makes",
        "Figures",
        "Conflicting figures",
        "Quotes",
        "Who and where",
        "Framing",
    ):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible(), heading
    quotes = page.locator("section.analysis-section", has=page.get_by_role("heading", name="Quotes"))
    assert "Jennifer Cafarella (analyst)" in quotes.text_content()
    quotes.locator(".marker").click()
    assert page.locator("#panel-heading").text_content() == "[2] NPR"
    assert page.locator(".highlight").text_content() == data["analysis"]["quotes"][0]["text"]
    conflicts = page.locator(
        "section.analysis-section", has=page.get_by_role("heading", name="Conflicting figures")
    )
    conflicts.locator(".marker").nth(1).click()
    assert page.locator(".highlight").text_content() == "hundreds of deaths"
    assert_in_view(page, ".highlight")


def test_phrases_in_quote_marks_left_out_of_the_quotes_are_counted_under_them(
    page: Any, base_url: str, aleppo: dict[str, Article]
) -> None:
    """The page says, as the downloads do, which phrases in quote marks it does not list as quotes
    (ZeroHedge's "moderate" opposition), and each marker shows the phrase in its source."""
    plain = page.request.post(
        base_url + "/v1/briefs",
        data={"articles": aleppo_inputs(aleppo), "analysis": "none"},
    ).json()
    zerohedge = next(source for source in plain["sources"] if source["outlet"] == "ZeroHedge")
    start = texts_of(plain)[zerohedge["article_id"]].index("moderate")
    moderate = {
        "source": zerohedge["number"],
        "article_id": zerohedge["article_id"],
        "start": start,
        "end": start + len("moderate"),
        "text": "moderate",
    }
    fulfil_with(page, {**plain, "analysis": {**contract_analysis(plain), "unattributed": [moderate]}})
    fill_articles(page, aleppo_inputs(aleppo))
    get_brief(page)
    quotes = page.locator("section.analysis-section", has=page.get_by_role("heading", name="Quotes"))
    note = quotes.get_by_text(re.compile(r"^Not listed: 1 phrase in quote marks"))
    note.click()
    quotes.locator("details li .marker").click()
    assert page.locator("#source-panel .highlight").text_content() == "moderate"


def test_article_written_to_run_script_runs_nothing(page: Any, watch: Watch, tmp_path: Path) -> None:
    fill_articles(page, [{"outlet": XSS_OUTLET, "title": XSS_TITLE, "text": XSS_TEXT}])
    data = get_brief(page)
    page.locator("#summary .marker").first.click()
    page.get_by_role("button", name="Read source 1").click()
    html_download = download(page, "HTML", tmp_path)

    assert page.evaluate("typeof window.__xss") == "undefined"
    assert watch.dialogs == [] and watch.errors == []
    assert page.evaluate("document.images.length") == 0
    assert page.locator("script").count() == 1  # app.js only
    assert page.locator('a[href^="javascript:" i]').count() == 0
    assert page.locator("#sources b, #summary b, #source-panel b").count() == 0
    # the words are shown as written, as text
    assert page.get_by_text("<script>window.__xss=1</script>", exact=False).first.is_visible()
    assert (
        '<img src=x onerror="window.__xss=1">' in page.locator("#source-panel .article-text").text_content()
    )
    assert page.locator("#sources strong").first.text_content() == XSS_OUTLET
    assert XSS_TITLE in page.locator("#sources li").first.text_content()
    assert data["sources"][0]["outlet"] == XSS_OUTLET
    assert "<script" not in html_download and "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html_download
    assert "<img" not in html_download and "<b>" not in html_download


def test_only_http_urls_become_links(page: Any, base_url: str, aleppo: dict[str, Article]) -> None:
    plain = page.request.post(
        base_url + "/v1/briefs", data={"articles": aleppo_inputs(aleppo)[:2], "analysis": "none"}
    ).json()
    sources = [
        {**plain["sources"][0], "url": "javascript:window.__xss=1", "outlet": XSS_OUTLET},
        {**plain["sources"][1], "url": "https://example.org/aleppo?a=1&b=2"},
    ]
    fulfil_with(page, {**plain, "sources": sources})
    fill_articles(page, [{"text": "Anything: the answer is given by the route."}])
    get_brief(page)
    links = page.locator("#sources a")
    assert links.count() == 1
    assert links.get_attribute("href") == "https://example.org/aleppo?a=1&b=2"
    assert set(links.get_attribute("rel").split()) == {"noopener", "noreferrer"}
    assert "javascript:window.__xss=1" in page.locator("#sources li").first.text_content()
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_empty_submission_and_server_refusals_are_shown(page: Any) -> None:
    error = page.get_by_role("alert")
    page.get_by_role("button", name="Get the brief").click()
    assert error.is_visible()
    assert error.text_content().startswith("Add at least one article")

    page.get_by_label("Web addresses").fill("https://example.org/aleppo-story")
    with page.expect_response("**/v1/briefs?timing=true") as answer:
        page.get_by_role("button", name="Get the brief").click()
    assert answer.value.status == 422
    assert "fetching URLs is turned off" in error.text_content()
    detail = answer.value.json()["detail"]
    assert detail.startswith("articles[0]: ")  # the API's name; the page says which address it is
    assert error.text_content() == detail.replace(
        "articles[0]", "The web address https://example.org/aleppo-story"
    )

    fulfil_with(
        page,
        {
            "detail": [
                {
                    "loc": ["body", "words"],
                    "msg": "Input should be greater than or equal to 20",
                    "type": "greater_than_equal",
                }
            ]
        },
        status=422,
    )
    page.get_by_role("button", name="Get the brief").click()
    page.get_by_text("words: Input should be greater than or equal to 20").wait_for()
    assert page.locator("#summary .line").count() == 0


def test_downloads_hold_the_brief(
    page: Any, aleppo: dict[str, Article], tmp_path: Path, watch: Watch
) -> None:
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"facts"})
    data = get_brief(page)
    line = next(line for line in data["summary"] if not set(line["text"]) & set("\\`*_[]<|&#>-"))
    markers = "".join(
        f"[{n}]"
        for n in dict.fromkeys(
            [line["citations"][0]["source"], *sorted(c["source"] for c in line["citations"])]
        )
    )

    markdown = download(page, "Markdown", tmp_path)
    assert markdown.startswith("# Brief\n")
    assert f"{' '.join(line['text'].split())} {markers}" in markdown
    assert "## Sources\n\n1. **Al Jazeera**" in markdown
    assert "## Agreed facts" in markdown

    received = json.loads(download(page, "JSON", tmp_path))
    assert received["summary"] == data["summary"] and received["articles"] == data["articles"]

    page_html = download(page, "HTML", tmp_path)
    assert page_html.startswith("<!DOCTYPE html>") and "<script" not in page_html
    assert str(escape(line["text"])) in page_html
    assert 'id="source-1"' in page_html and "Content-Security-Policy" in page_html
    assert watch.errors == [] and watch.console_errors == []  # e.g. no CSP violation while exporting


def _cli(aleppo_dir: Path, *arguments: str) -> bytes:
    """What ``newsbrief summarize`` prints for the Aleppo example, as bytes."""
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief", "summarize", str(aleppo_dir), *arguments],
        capture_output=True,
        timeout=300,
        check=False,
        # the newsbrief under test, whatever is installed
        env={**os.environ, "PYTHONPATH": str(Path(newsbrief.__file__).resolve().parents[1])},
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout


def _without_timing_values(document: bytes) -> bytes:
    """The JSON bytes with the times of the timing_ms object blanked (the stage names stay)."""
    head, timing = document.split(b'"timing_ms": {', 1)
    return head + re.sub(rb": [0-9.e+-]+", b": 0", timing)


@pytest.mark.nlp
def test_issue_9_downloads_are_byte_for_byte_what_the_cli_writes(
    page: Any, aleppo_dir: Path, tmp_path: Path, watch: Watch
) -> None:
    # The cards hold what the CLI reads from the directory: the file's text, the file name as outlet.
    names = sorted(path.stem for path in aleppo_dir.glob("*.txt"))
    fill_articles(
        page,
        [
            {"outlet": name, "text": (aleppo_dir / f"{name}.txt").read_text(encoding="utf-8")}
            for name in names
        ],
    )
    page.get_by_label("Length of the summary, in words").fill("250")  # every analysis is ticked by default
    data = get_brief(page)
    assert [source["outlet"] for source in data["sources"]] == names

    def downloaded(button: str) -> bytes:
        with page.expect_download() as info:
            page.get_by_role("button", name=button, exact=True).click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        return target.read_bytes()

    options = ("--words", "250", "--analysis", "all")
    assert downloaded("Markdown") == _cli(aleppo_dir, *options, "--format", "md")
    assert downloaded("HTML") == _cli(aleppo_dir, *options, "--format", "html")
    # The page's JSON is the server's default, with the articles (as --explain writes it) and the
    # stage times the page asks for (as --timing); the times differ between any two runs, so
    # only they are blanked.
    page_json = downloaded("JSON")
    cli_json = _cli(aleppo_dir, *options, "--format", "json", "--explain", "--timing")
    assert _without_timing_values(page_json) == _without_timing_values(cli_json)
    assert page_json.endswith(b"}\n") and b'"articles": [' in page_json
    assert watch.errors == [] and watch.console_errors == []


def test_phone_layout_fits_and_opens_the_source_over_the_brief(page: Any, aleppo: dict[str, Article]) -> None:
    page.set_viewport_size(PHONE)
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"facts"})
    data = get_brief(page)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert not page.locator("#source-panel").is_visible()  # closed until a marker is clicked

    marker = page.locator("#summary .marker").nth(2)
    marker.click()
    assert page.locator("#source-panel").is_visible()
    cited = [citation for line in data["summary"] for citation in line["citations"][:1]]
    assert page.locator(".highlight").text_content() in {citation["text"] for citation in cited}
    assert_in_view(page, ".highlight")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

    page.get_by_role("button", name="Close").click()
    assert not page.locator("#source-panel").is_visible()
    assert marker.evaluate("node => node === document.activeElement")


def test_a_long_outlet_name_keeps_the_phone_panel_closable(page: Any, aleppo: dict[str, Article]) -> None:
    """An outlet given as a web address, one word of 120 characters, made the source panel's
    heading as wide as itself and pushed its Close button off a phone's screen."""
    page.set_viewport_size(PHONE)
    outlet = (
        "https://www.aljazeera.com/news/2016/09/30/aleppo-under-siege-what-you-need-to-know-about-the-battle"
    )
    fill_articles(page, [{"outlet": outlet, "text": aleppo["aljazeera"].text}, aleppo_inputs(aleppo)[1]])
    choose_analyses(page, set())
    data = get_brief(page)
    number = next(source["number"] for source in data["sources"] if source["outlet"] == outlet)
    page.locator("#summary .marker").filter(has_text=f"[{number}]").first.click()
    assert page.locator("#panel-heading").text_content() == f"[{number}] {outlet}"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_in_view(page, "#panel-close")
    page.get_by_role("button", name="Close").click()
    assert not page.locator("#source-panel").is_visible()


def test_dropped_and_chosen_files_become_articles(page: Any, aleppo: dict[str, Article]) -> None:
    page.locator("#drop-zone").evaluate(
        """(zone, texts) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([texts[0]], "npr.txt", {type: "text/plain"}));
            transfer.items.add(new File([texts[1]], "zerohedge.txt", {type: "text/plain"}));
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }""",
        [aleppo["npr"].text, aleppo["zerohedge"].text],
    )
    cards = page.locator("fieldset.article")
    cards.nth(1).get_by_label("Text").wait_for()
    assert cards.nth(0).get_by_label("Outlet").input_value() == "npr"
    assert cards.nth(1).get_by_label("Text").input_value() == aleppo["zerohedge"].text

    page.locator("#file-input").set_input_files(
        {
            "name": "page.html",
            "mimeType": "text/html",
            "buffer": b"<html><body><article><p>"
            + aleppo["aljazeera"].text.encode()
            + b"</p></article></body></html>",
        }
    )
    cards.nth(2).get_by_text("sent as HTML").wait_for()
    choose_analyses(page, set())
    data = get_brief(page)
    assert [source["outlet"] for source in data["sources"]][:2] == ["npr", "zerohedge"]
    assert len(data["sources"]) == 3


def test_a_file_not_in_utf8_is_read_as_windows_1252_and_others_are_refused_in_one_line(
    page: Any, aleppo: dict[str, Article]
) -> None:
    """The page read every file as UTF-8, replacing what it could not: a Windows-1252 article lost
    its dashes and accents unsaid, and a PDF became an article of garbage. Now the first is read
    as the command line and the upload API read it, with a note, and the others are refused."""
    npr, aljazeera = aleppo["npr"].text, aleppo["aljazeera"].text
    assert "’" in aljazeera  # curly quotes: bytes that are not UTF-8 once encoded as cp1252
    page.locator("#file-input").set_input_files(
        [
            {"name": "npr.txt", "mimeType": "text/plain", "buffer": npr.encode()},
            {"name": "aljazeera.txt", "mimeType": "text/plain", "buffer": aljazeera.encode("cp1252")},
            {"name": "report.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"},
            {"name": "scan", "mimeType": "", "buffer": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"},
        ]
    )
    error = page.get_by_role("alert")
    error.wait_for()
    assert error.text_content() == (
        "report.pdf is not a text or HTML file: add .txt, .md or .html files."
        " scan looks like a binary file, not text."
    )
    cards = page.locator("fieldset.article")
    assert cards.count() == 2
    assert cards.nth(0).get_by_label("Text").input_value() == npr
    assert cards.nth(1).get_by_label("Text").input_value() == aljazeera.replace("\r\n", "\n")
    assert page.locator("#status").text_content() == (
        "2 files added as articles. aljazeera.txt is not UTF-8: read as Windows-1252."
    )


def test_issue_a_file_with_a_nul_past_its_first_8_kib_is_refused_as_the_server_refuses_it(
    page: Any, aleppo: dict[str, Article]
) -> None:
    """The page looked for a NUL in a file's first 8 KiB only, and put the rest in an article box
    that the server (which refuses a NUL anywhere) then answered with a 422."""
    npr = aleppo["npr"].text
    padded = (npr * 3 + "\n\nResidents fled\0 west.").encode()
    assert padded.index(b"\0") > 8192
    page.locator("#file-input").set_input_files(
        [
            {"name": "npr.txt", "mimeType": "text/plain", "buffer": npr.encode()},
            {"name": "damaged.txt", "mimeType": "text/plain", "buffer": padded},
        ]
    )
    error = page.get_by_role("alert")
    error.wait_for()
    assert error.text_content() == "damaged.txt looks like a binary file, not text."
    assert page.locator("fieldset.article").count() == 1


def test_analyses_that_need_the_missing_model_are_disabled(page: Any, base_url: str) -> None:
    page.route(
        "**/v1/health",
        lambda route: route.fulfill(
            content_type="application/json",
            body=json.dumps({"status": "ok", "version": "0", "nlp": False, "analyses": ["facts"]}),
        ),
    )
    page.goto(base_url + "/")
    page.get_by_text("This server has no NLP model").wait_for()
    assert page.get_by_label("Agreed facts").is_enabled()
    assert page.get_by_label("Quotes").is_disabled() and not page.get_by_label("Quotes").is_checked()


# The options beside the length, Cancel, and the keyboard ------------------------------------------

CANCELLED = "Cancelled: no brief is shown for it, and the server stops making it."
STYLE_EXTRACT = "Extract: the sources' own order and voice"
EXPLAIN = "Explain how the brief was made"


def choose_options(page: Any, *, sentences: str, style: str, explain: bool) -> None:
    """Set the options beside the length through their labels, as a reader would."""
    page.get_by_label("At most this many sentences").fill(sentences)
    page.get_by_role("radio", name=style).check()
    page.get_by_role("checkbox", name=EXPLAIN).set_checked(explain)


def fits_the_width(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))


def test_style_sentences_and_explain_go_to_the_api_and_stay_chosen(
    page: Any, aleppo: dict[str, Article], tmp_path: Path, watch: Watch
) -> None:
    """The page offered only the length and the analyses: the style, the number of sentences and
    the explanation the CLI and the API take could not be asked for."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, set())
    choose_options(page, sentences="2", style=STYLE_EXTRACT, explain=True)
    with page.expect_request("**/v1/briefs?timing=true") as asked:
        data = get_brief(page)
    body = json.loads(asked.value.post_data or "{}")
    assert (body["style"], body["sentences"], body["words"], body["analysis"]) == ("extract", 2, 250, "none")
    assert data["options"]["style"] == "extract" and data["options"]["max_sentences"] == 2
    assert page.locator("#summary .line").count() == len(data["summary"]) == 2

    # Explain shows what the CLI's --explain adds, from the JSON on show
    explained = page.locator("#explained")
    assert explained.get_by_role("heading", name="How the brief was made").is_visible()
    removals = explained.locator("section", has=page.get_by_role("heading", name="What cleaning removed"))
    assert removals.locator("li").count() == len(data["removals"]) > 0
    compared = explained.locator(
        "section", has=page.get_by_role("heading", name="each citation was compared")
    )
    rows = compared.locator(".sub-items > li")
    assert rows.count() == sum(len(line["citations"]) for line in data["summary"])
    first = data["summary"][0]["citations"][0]
    assert f"similarity {first['similarity']:.2f}: " in rows.first.text_content()
    assert first["text"] in rows.first.text_content()
    rows.first.locator(".marker").click()  # its marker shows the compared words in their source
    assert page.locator("#source-panel .highlight").text_content() == first["text"]
    timing = explained.locator(".timing").text_content()
    assert data["timing_ms"]  # the page asks for the stage times (?timing=true) to show them
    assert [part.split(" ")[0] for part in timing.split(" · ")] == list(data["timing_ms"])
    markdown = download(page, "Markdown", tmp_path)
    assert "## What cleaning removed" in markdown and "## Citations" in markdown
    assert "## Timing" not in markdown  # the file is `summarize --explain`'s: the same bytes every time

    # unticked: the explanation goes, from the page and from the downloads, without asking again
    page.get_by_role("checkbox", name=EXPLAIN).uncheck()
    assert explained.is_hidden()
    markdown = download(page, "Markdown", tmp_path)
    assert "## Citations" not in markdown and "## Timing" not in markdown

    # the options stay as chosen for the next brief
    assert page.get_by_label("At most this many sentences").input_value() == "2"
    assert page.get_by_role("radio", name=STYLE_EXTRACT).is_checked()
    with page.expect_request("**/v1/briefs?timing=true") as asked:
        get_brief(page)
    assert json.loads(asked.value.post_data or "{}")["style"] == "extract"
    assert explained.is_hidden()
    assert watch.errors == [] and watch.console_errors == []


def test_a_number_of_sentences_the_server_does_not_take_is_said_before_asking(
    page: Any, aleppo: dict[str, Article]
) -> None:
    fill_articles(page, aleppo_inputs(aleppo)[:1])
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for bad in ("0", "2.5", "5001"):
        page.get_by_label("At most this many sentences").fill(bad)
        page.get_by_role("button", name="Get the brief").click()
        assert page.get_by_role("alert").text_content() == (
            "The number of sentences must be a whole number from 1 to 5000, or empty for no limit."
        )
    assert not [url for url in asked if "/v1/briefs" in url]
    page.get_by_label("At most this many sentences").fill("")  # empty: no limit, not sent
    with page.expect_request("**/v1/briefs?timing=true") as request:
        get_brief(page)
    assert "sentences" not in json.loads(request.value.post_data or "{}")


def hold_briefs(page: Any) -> list[Any]:
    """Hold the page's next POST /v1/briefs in the browser (the server never sees it): a slow brief."""
    held: list[Any] = []
    page.route("**/v1/briefs?timing=true", lambda route: held.append(route))
    return held


def test_a_brief_on_its_way_can_be_cancelled_from_the_keyboard(page: Any, aleppo: dict[str, Article]) -> None:
    """A brief of 30,000 words with every analysis took 40 s, and nothing could stop the wait."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, set())
    cancel = page.get_by_role("button", name="Cancel")
    assert cancel.count() == 0  # only while a brief is on its way
    held = hold_briefs(page)
    page.get_by_role("button", name="Get the brief").focus()
    page.keyboard.press("Enter")
    while not held:
        page.wait_for_timeout(50)
    expect(cancel).to_be_focused()  # the disabled button would have dropped the focus
    assert page.locator("#brief-form").get_attribute("aria-busy") == "true"
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text(CANCELLED)
    expect(page.get_by_role("button", name="Get the brief")).to_be_focused()
    assert cancel.count() == 0 and page.locator("#result").is_hidden()
    assert page.get_by_role("alert").count() == 0  # a cancel is not an error
    assert page.locator("#brief-form").get_attribute("aria-busy") is None

    # a new request after it works
    page.unroute("**/v1/briefs?timing=true")
    get_brief(page)
    assert "Brief ready" in page.locator("#status").text_content()


def test_the_new_controls_are_labelled_and_reached_in_order_by_the_keyboard(page: Any) -> None:
    page.get_by_label("Length of the summary, in words").focus()
    for role, name in (
        ("spinbutton", "At most this many sentences (optional)"),
        ("radio", "Neutral: no lines in an outlet's own voice, the news first"),
        ("checkbox", EXPLAIN),
        ("checkbox", "Agreed facts and single-outlet claims"),
    ):
        page.keyboard.press("Tab")
        expect(page.get_by_role(role, name=name, exact=True)).to_be_focused()
    assert page.get_by_role("group", name="Style of the summary").count() == 1
    explain = page.get_by_role("checkbox", name=EXPLAIN)
    expect(explain).to_have_accessible_description(re.compile("^What cleaning removed, what each citation"))
    expect(page.get_by_label("At most this many sentences")).to_have_accessible_description(
        "Empty: as many as the length allows."
    )
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")  # arrows move within the style's radio group
    assert page.get_by_role("radio", name=STYLE_EXTRACT).is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.get_by_role("checkbox", name=EXPLAIN).is_checked()


def test_phone_layout_fits_with_the_options_cancel_and_explanation(
    page: Any, aleppo: dict[str, Article]
) -> None:
    page.set_viewport_size(PHONE)
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"facts"})
    choose_options(page, sentences="4", style=STYLE_EXTRACT, explain=True)
    assert fits_the_width(page)
    held = hold_briefs(page)
    page.get_by_role("button", name="Get the brief").click()
    while not held:
        page.wait_for_timeout(50)
    assert page.get_by_role("button", name="Cancel").is_visible() and fits_the_width(page)
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator("#status")).to_have_text(CANCELLED)
    assert fits_the_width(page)
    page.unroute("**/v1/briefs?timing=true")
    get_brief(page)
    assert page.locator("#explained").is_visible()
    assert fits_the_width(page)
    held = []
    page.route("**/v1/briefs?format=html*", lambda route: held.append(route))
    page.get_by_role("button", name="HTML", exact=True).click()
    while not held:
        page.wait_for_timeout(50)
    assert page.get_by_role("button", name="Cancel the download").is_visible() and fits_the_width(page)


def test_a_download_on_its_way_can_be_cancelled(
    page: Any, aleppo: dict[str, Article], tmp_path: Path
) -> None:
    """A download asks the server for the brief again, as long a wait as the brief itself."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, set())
    get_brief(page)
    held: list[Any] = []
    page.route("**/v1/briefs?format=md*", lambda route: held.append(route))
    page.get_by_role("button", name="Markdown", exact=True).click()
    while not held:
        page.wait_for_timeout(50)
    cancel = page.get_by_role("button", name="Cancel the download")
    expect(cancel).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text(
        re.compile(r"^closing-in-russia-iran-assad[a-z-]*\.md cancelled, and the server stops making it\.$")
    )
    expect(page.get_by_role("button", name="Markdown", exact=True)).to_be_focused()
    assert cancel.count() == 0 and page.get_by_role("alert").count() == 0
    page.unroute("**/v1/briefs?format=md*")
    assert download(page, "Markdown", tmp_path).startswith("# Brief")


def test_a_server_stopped_mid_brief_is_said_with_what_to_do(
    browser: Any, watch: Watch, aleppo: dict[str, Article]
) -> None:
    """The browser's own "Failed to fetch" was shown alone: neither what happened nor what to do."""
    server = served(create_app())
    url = next(server)
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.goto(url + "/")
    fill_articles(page, aleppo_inputs(aleppo))
    held = hold_briefs(page)
    page.get_by_role("button", name="Get the brief").click()
    while not held:
        page.wait_for_timeout(50)
    next(server, None)  # the server stops while the brief is on its way
    held[0].continue_()
    expected = re.compile(
        r"^Could not reach the server \(.+\): check that newsbrief serve is still running, then try again\.$"
    )
    expect(page.get_by_role("alert")).to_have_text(expected)
    page.get_by_role("link", name="Stories").click()
    expect(page.locator("#stories-error")).to_have_text(expected)
    assert not watch.errors
    context.close()


def test_a_refused_article_is_named_as_the_page_shows_it(page: Any, aleppo: dict[str, Article]) -> None:
    """The server's "articles[0]" (counted from 0, empty boxes skipped) named a box the page calls
    Article 2; 51 articles got pydantic's "List should have at most 50 items after validation"."""
    error = page.get_by_role("alert")
    page.get_by_role("button", name="Add another article").click()
    long_text = aleppo["npr"].text * 70  # over the server's 200,000 characters per article
    page.locator("fieldset.article").nth(1).get_by_label("Text").fill(long_text)
    with page.expect_response("**/v1/briefs?timing=true") as answer:
        page.get_by_role("button", name="Get the brief").click()
    assert answer.value.json()["detail"].startswith("articles[0]: ")
    expect(error).to_have_text(
        re.compile(r"^Article 2: [\d,]+ characters is over the limit of 200,000 per article$")
    )

    page.locator("fieldset.article").nth(1).get_by_label("Text").fill(aleppo["npr"].text)
    page.get_by_label("Web addresses").fill("https://example.org/aleppo")
    with page.expect_response("**/v1/briefs?timing=true"):
        page.get_by_role("button", name="Get the brief").click()
    expect(error).to_have_text(
        re.compile(r"^The web address https://example\.org/aleppo: fetching URLs is turned off")
    )

    assert DEFAULT_LIMITS.max_articles == 50  # the page's MAX_ARTICLES says the server's bound
    urls = "\n".join(f"https://example.org/aleppo-{index}" for index in range(50))
    page.get_by_label("Web addresses").fill(urls)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.get_by_role("button", name="Get the brief").click()
    expect(error).to_have_text(
        "A brief takes at most 50 articles, and 51 are given (boxes and web addresses): remove 1."
    )
    assert not [url for url in asked if "/v1/briefs" in url]  # said before asking


def test_a_request_over_the_size_cap_says_what_to_do(page: Any, aleppo: dict[str, Article]) -> None:
    """A 413 showed only "request body is over the limit of 5,000,000 bytes"."""
    page.locator("fieldset.article").first.get_by_label("Text").fill("The council met on Monday. " * 200_000)
    with page.expect_response("**/v1/briefs?timing=true") as answer:
        page.get_by_role("button", name="Get the brief").click()
    assert answer.value.status == 413
    expect(page.get_by_role("alert")).to_have_text(
        "The articles are too long to send together (request body is over the limit of 5,000,000 bytes):"
        " remove some, or shorten them."
    )


def test_an_empty_file_is_refused_by_its_name_when_added(page: Any, aleppo: dict[str, Article]) -> None:
    """An empty file became an empty box, refused only at "Get the brief" as "Article 2 has no
    text", and the status read "1 file added as articles"."""
    page.locator("#file-input").set_input_files(
        [
            {"name": "npr.txt", "mimeType": "text/plain", "buffer": aleppo["npr"].text.encode()},
            {"name": "notes.txt", "mimeType": "text/plain", "buffer": b" \n\n"},
        ]
    )
    expect(page.get_by_role("alert")).to_have_text("notes.txt is empty: it has no article text to add.")
    expect(page.locator("#status")).to_have_text("1 file added as an article.")
    cards = page.locator("fieldset.article")
    assert cards.count() == 1
    assert cards.nth(0).get_by_label("Text").input_value() == aleppo["npr"].text


def test_an_article_named_inside_a_message_or_with_its_field_is_named_as_the_page_shows_it(
    page: Any, aleppo: dict[str, Article]
) -> None:
    """'no article text left after cleaning articles[0]' and 'articles[0].outlet: …' named the
    API's article, not the box on screen."""
    error = page.get_by_role("alert")
    page.get_by_role("button", name="Add another article").click()
    cards = page.locator("fieldset.article")
    cards.nth(1).get_by_label("Text").fill("Read more: subscribe now!")
    with page.expect_response("**/v1/briefs?timing=true") as answer:
        page.get_by_role("button", name="Get the brief").click()
    assert answer.value.json()["detail"] == "no article text left after cleaning articles[0]"
    expect(error).to_have_text("no article text left after cleaning Article 2")

    cards.nth(1).get_by_label("Text").fill(aleppo["npr"].text)
    cards.nth(1).get_by_label("Outlet").fill("n" * 1001)
    with page.expect_response("**/v1/briefs?timing=true") as answer:
        page.get_by_role("button", name="Get the brief").click()
    assert answer.value.json()["detail"].startswith("articles[0].outlet: ")
    expect(error).to_have_text("Article 2, Outlet: String should have at most 1000 characters")


def test_a_note_names_the_article_as_the_page_shows_it(page: Any, aleppo: dict[str, Article]) -> None:
    """The brief's note read 'text-3 (articles[2]) has no text left after cleaning' for the box
    the page calls Article 3."""
    inputs = aleppo_inputs(aleppo)[:2]
    fill_articles(page, [*inputs, {"text": "Read more: subscribe now!"}])
    choose_analyses(page, set())
    data = get_brief(page)
    assert [notice["message"] for notice in data["notices"]] == [
        "text-3 (articles[2]) has no text left after cleaning"
    ]
    expect(page.locator("#notices li")).to_have_text(["text-3 (Article 3) has no text left after cleaning"])


def test_a_marker_at_the_end_of_a_long_brief_shows_the_panel_heading(
    page: Any, aleppo: dict[str, Article]
) -> None:
    """At the page's end the sticky panel rested on the bottom of the brief with its heading, the
    name of the source on show, above the window."""
    fill_articles(page, aleppo_inputs(aleppo))
    page.get_by_role("checkbox", name=EXPLAIN).check()
    get_brief(page)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    marker = page.locator("#explained .marker").last
    marker.click()
    heading = page.locator("#panel-heading")
    expect(heading).to_have_text(re.compile(r"^\[\d\] "))
    assert heading.evaluate("node => node.getBoundingClientRect().top") >= 0
    assert_in_view(page, ".highlight")
    assert marker.evaluate("node => node.getBoundingClientRect().bottom <= window.innerHeight")


NO_SCRIPT = (
    "This page needs JavaScript to make a brief: turn it on for this site, or brief the articles with"
    " newsbrief summarize FILES or the API (POST /v1/briefs)."
)


def test_without_javascript_the_page_says_what_to_do(browser: Any, base_url: str, page: Any) -> None:
    """With scripts off the page showed a form without an article box whose button only reloaded it."""
    context = browser.new_context(viewport=LAPTOP, java_script_enabled=False)
    bare = context.new_page()
    bare.goto(base_url + "/")
    expect(bare.get_by_text(re.compile("^This page needs JavaScript"))).to_have_text(NO_SCRIPT)
    context.close()
    assert page.get_by_text("This page needs JavaScript").count() == 0  # with scripts on it is not there


def test_the_keyboard_leaving_the_phone_sheet_closes_it(page: Any, aleppo: dict[str, Article]) -> None:
    """Shift+Tab from the open source sheet went on to the citation markers under it, out of sight."""
    page.set_viewport_size(PHONE)
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, set())
    get_brief(page)
    page.locator("#summary .marker").nth(3).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#panel-heading")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(page.locator("#source-panel")).to_be_hidden()
    assert page.evaluate("document.activeElement.closest('#result .result-main') !== null")
    page.evaluate("document.activeElement.id = 'focused-now'")  # the last source's Read button
    assert_in_view(page, "#focused-now")  # not covered by the sheet
    page.keyboard.press("Enter")  # it opens its source in the sheet again
    expect(page.locator("#source-panel")).to_be_visible()
    expect(page.locator("#panel-heading")).to_be_focused()


def test_issue_page_an_unnamed_article_is_named_by_its_own_box(page: Any, aleppo: dict[str, Article]) -> None:
    """Box 3 after an empty box 2 was cited as "text 2" (the API numbers the articles it is sent,
    and the page sends no empty box): a reader looked at the second box for it."""
    texts = [aleppo["npr"].text, "", aleppo["zerohedge"].text]
    fill_articles(page, [{"text": text} for text in texts])
    choose_analyses(page, set())
    data = get_brief(page)
    assert [source["outlet"] for source in data["sources"]] == ["text 1", "text 3"]
    assert [source["article_id"] for source in data["sources"]] == ["text-1", "text-3"]
    expect(page.locator("#sources li strong")).to_have_text(["text 1", "text 3"])
    expect(page.locator("#summary .marker[aria-label='[2] text 3']").first).to_be_attached()


def download_name(page: Any, button: str) -> str:
    """The name the page saves a download under."""
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    name: str = info.value.suggested_filename
    return name


def test_issue_page_downloads_are_named_after_the_story(page: Any, aleppo: dict[str, Article]) -> None:
    """Every download was brief.md, brief.json or brief.html: the briefs of several stories saved
    in one folder came out as "brief (1).md", "brief (2).md". Each is named after the brief's
    first headline (the server's Content-Disposition), "brief" when it has none."""
    inputs = aleppo_inputs(aleppo)[:2]
    fill_articles(page, [{**inputs[0], "title": "Aleppo: the fall of a city"}, inputs[1]])
    choose_analyses(page, set())
    get_brief(page)
    assert [download_name(page, button) for button in ("Markdown", "JSON", "HTML")] == [
        "aleppo-the-fall-of-a-city.md",
        "aleppo-the-fall-of-a-city.json",
        "aleppo-the-fall-of-a-city.html",
    ]
    expect(page.locator("#status")).to_have_text("Downloaded aleppo-the-fall-of-a-city.html.")

    page.locator("fieldset.article").nth(0).get_by_label("Title").fill(
        "Évacuation d'Alep : « Bus » à l'arrêt"
    )
    get_brief(page)
    assert download_name(page, "Markdown") == "evacuation-d-alep-bus-a-l-arret.md"

    cards = page.locator("fieldset.article")
    cards.nth(0).get_by_label("Title").fill("")
    cards.nth(0).get_by_label("Text").fill(
        "The council met on Monday to vote on the budget for the new year."
    )
    cards.nth(1).get_by_label("Text").fill("The council voted on Monday for the budget, after a long debate.")
    get_brief(page)
    assert download_name(page, "JSON") == "brief.json"  # no headline: the name it always had


@pytest.mark.nlp
def test_issue_page_a_speaker_is_named_as_the_downloads_name_it(
    page: Any, aleppo: dict[str, Article], tmp_path: Path
) -> None:
    """A speaker described by their role was named twice over ("the head of the Doctors Without
    Borders (MSF) mission to Syria, head of the Doctors Without Borders (MSF) mission to Syria"),
    and a named one as "Jennifer Cafarella, analyst with …" where the downloads say "(analyst …)"."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"quotes"})
    get_brief(page)
    quotes = page.locator("section.analysis-section", has=page.get_by_role("heading", name="Quotes"))
    quotes.get_by_text(re.compile(r"^Show \d+ more$")).click()
    shown = [" ".join(line.split()) for line in quotes.locator("li").all_inner_texts()]
    markdown = download(page, "Markdown", tmp_path)
    msf = "the head of the Doctors Without Borders (MSF) mission to Syria"
    assert f"“the sky is falling” — {msf} [1]" in markdown
    assert f"the sky is falling — {msf} [1]" in shown
    cafarella = "Jennifer Cafarella (analyst with the Washington, D.C.-based Institute for the Study of War)"
    assert f"The battle of Aleppo is the culmination of many years of fighting — {cafarella} [2]" in shown
    assert cafarella in markdown


# The page's words of a list item as Markdown writes them: quotation marks around <q>, *emphasis*.
AS_MARKDOWN = """(item) => {
    const copy = item.cloneNode(true);
    for (const q of copy.querySelectorAll("q")) q.textContent = `“${q.textContent}”`;
    for (const em of copy.querySelectorAll("em")) em.textContent = `*${em.textContent}*`;
    return copy.textContent.split(/\\s+/).join(" ").trim();
}"""


@pytest.mark.nlp
def test_issue_page_every_quote_reads_as_the_downloads_give_it(
    page: Any, aleppo: dict[str, Article], tmp_path: Path
) -> None:
    """The page wrote an indirect quote as "words — the Syrian regime (reported)" where every
    download writes "*indirect:* words — the Syrian regime", and named speakers by its own copy
    of the renderers' rule; it now shows the JSON's ``speaker_label``, which they make."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"quotes"})
    data = get_brief(page)
    quotes = page.locator("section.analysis-section", has=page.get_by_role("heading", name="Quotes"))
    quotes.get_by_text(re.compile(r"^Show \d+ more$")).click()
    shown = [
        item.evaluate(AS_MARKDOWN) for item in quotes.locator("li:has(.who)").all()
    ]  # not the phrases left out
    markdown = download(page, "Markdown", tmp_path)
    listed = markdown.split("## Quotes\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(shown) == len(data["analysis"]["quotes"]) > len(listed) == 12
    assert [f"- {line}" for line in shown[: len(listed)]] == listed
    assert any(line.startswith("*indirect:* ") for line in shown)
    labels = [quote["speaker_label"] for quote in data["analysis"]["quotes"]]
    assert all(f" — {label} [" in line for line, label in zip(shown, labels, strict=True))


@pytest.mark.nlp
def test_issue_page_an_entity_kind_is_a_word_a_reader_knows(
    page: Any, aleppo: dict[str, Article], tmp_path: Path
) -> None:
    """Who and where showed spaCy's labels ("Aleppo GPE", "Syrian NORP") where every download says
    "place" and "group"."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"entities"})
    data = get_brief(page)
    section = page.locator("section.analysis-section", has=page.get_by_role("heading", name="Who and where"))
    section.get_by_text(re.compile(r"^Show \d+ more$")).click()
    kinds = section.locator(".tag").all_inner_texts()
    assert len(kinds) == len(data["analysis"]["entities"])
    assert {"person", "place", "group", "organization"} <= set(kinds)
    assert not [kind for kind in kinds if kind != kind.lower()]  # no GPE, NORP, ORG
    markdown = download(page, "Markdown", tmp_path)
    for entity, kind in zip(data["analysis"]["entities"][:5], kinds, strict=False):
        assert f"| **{entity['name']}** | {kind} |" in markdown


@pytest.mark.nlp
def test_issue_page_an_outlet_share_of_opinion_words_is_the_downloads(
    page: Any, aleppo: dict[str, Article], tmp_path: Path
) -> None:
    """Framing rounded the share to a whole percent: NPR's 0.4% read "0% opinion words", above
    the opinion markers found in it; the downloads say 0.4%."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"framing"})
    get_brief(page)
    section = page.locator("section.analysis-section", has=page.get_by_role("heading", name="Framing"))
    shown = re.findall(r"([\d.]+)% opinion words", section.inner_text())
    written = re.findall(r"([\d.]+)% opinion words", download(page, "Markdown", tmp_path))
    assert shown == written and len(shown) == 3
    assert "0% opinion words" not in section.inner_text()


class _SlowPage(QuietHandler):
    """A news page that takes 1.5 s to answer, as a far-away site does."""

    def do_GET(self) -> None:  # noqa: N802 (http.server calls it by this name)
        time.sleep(1.5)
        self.reply(200, "text/html; charset=utf-8", NPR_HTML)


def test_issue_page_the_time_shown_covers_fetching_the_web_addresses(
    browser: Any, watch: Watch, aleppo: dict[str, Article]
) -> None:
    """The brief's line gave the server's timing_ms total ("· 30 ms"), which covers its stages from
    cleaning on: a page fetched for 1.5 s before them was not in it. It is the whole wait."""
    for port in serve_locally(_SlowPage):
        for base in served(create_app(allow_urls=True, fetcher=partial(fetch_via, port))):
            context = browser.new_context(viewport=LAPTOP)
            page = context.new_page()
            page.on("pageerror", lambda error: watch.errors.append(str(error)))
            page.goto(base + "/")
            fill_articles(page, [{"outlet": "ZeroHedge", "text": aleppo["zerohedge"].text}])
            page.get_by_label("Web addresses").fill("http://news.example/aleppo")
            choose_analyses(page, set())
            data = get_brief(page)
            assert data["timing_ms"]["total"] < 1500  # the stages: no fetch in them
            meta = page.locator("#brief-meta").inner_text()
            waited = re.fullmatch(r"\d+ words from 2 sources · answered in (\d+\.\d) s", meta)
            assert waited and float(waited[1]) >= 1.5, meta
            context.close()
    assert not watch.errors


@pytest.mark.nlp
def test_issue_page_a_figure_is_worded_as_the_downloads_word_it(
    page: Any, aleppo: dict[str, Article], tmp_path: Path
) -> None:
    """A figure's words ran into what they count ("two Assad's forces entered Shiite villages …",
    where ZeroHedge counts two villages); each reads as in the downloads: “two”: 2 villages (“the
    words around it in its sentence”, its own quotation marks single), …"""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"figures"})
    data = get_brief(page)
    _, shown = figures_shown(page)
    markdown = download(page, "Markdown", tmp_path)
    assert len(shown) == len(data["analysis"]["figures"]) == 5
    assert (
        "“two”: 2 villages (“‘Assad's forces also entered two Shiite villages that were under siege by "
        "rebels…”) — ZeroHedge [3]"
    ) in shown
    assert "“More than 300”: more than 300 civilians (“More than 300 civilians have died" in shown[1]
    for line in shown:
        assert f"- {line}\n" in markdown


@pytest.mark.nlp
def test_a_figure_with_nothing_said_of_it_is_left_out_as_the_downloads_leave_it(
    page: Any, tmp_path: Path
) -> None:
    """BASIL, Donald Trump Jr. and WikiLeaks (2017): HuffPost's "Oct. 14, 2016" is a date with
    nothing said of it; the downloads leave it out and say how many more the JSON has, and the page
    listed it as "“Oct. 14, 2016”: 2016-10-14"."""
    articles = basil_story("basil-trump-jr-wikileaks.jsonl")
    fill_articles(page, [{"outlet": article.outlet, "text": article.text} for article in articles])
    choose_analyses(page, {"figures"})
    data = get_brief(page)
    section, shown = figures_shown(page)
    markdown = download(page, "Markdown", tmp_path)
    listed = [line[2:] for line in markdown.split("## Figures\n\n", 1)[1].split("\n\n", 1)[0].splitlines()]
    bare = [
        f for f in data["analysis"]["figures"] if f["unit"] in {"count", "date", "year"} and not f["what"]
    ]
    assert bare and not any(line.startswith("“Oct. 14, 2016”") for line in shown)
    assert shown == listed
    assert f"Not listed: {len(bare)} figure" in section.inner_text()


@pytest.mark.nlp
def test_issue_page_a_disputed_claim_says_why_it_was_paired(page: Any, aleppo: dict[str, Article]) -> None:
    """The page left out why a denial was paired with a claim (the JSON's "compared"), which the
    downloads give ("matched because …") and the page gives for conflicting figures."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"figures"})
    data = get_brief(page)
    (dispute,) = data["analysis"]["disputes"]
    assert dispute["compared"]
    section = page.locator(
        "section.analysis-section", has=page.get_by_role("heading", name="Disputed claims")
    )
    expect(section.locator("li > div.who").last).to_have_text(f"Matched because {dispute['compared']}.")
    # the denial words marked where they stand in the denying sentence, as the downloads mark them
    expect(section.locator("li q strong")).to_have_text([dispute["cue"]])
    assert "disputed by" in section.locator("li").first.inner_text()


def test_issue_page_every_control_is_named_by_the_words_it_shows(
    page: Any, aleppo: dict[str, Article]
) -> None:
    """ "Remove this article" was named "Remove article 2" for assistive technology: a voice
    command saying the words on screen found no such button (WCAG 2.5.3, label in name)."""
    fill_articles(page, aleppo_inputs(aleppo))
    choose_analyses(page, {"facts"})
    get_brief(page)
    mismatched = page.evaluate(
        """() => Array.from(document.querySelectorAll("button, a[href], [role=button]"))
            .filter((node) => node.getClientRects().length && node.hasAttribute("aria-label"))
            .map((node) => [node.innerText.trim().toLowerCase(), node.getAttribute("aria-label").toLowerCase()])
            .filter(([shown, name]) => !name.includes(shown))"""
    )
    assert mismatched == []
    page.get_by_role("button", name="Remove article 2", exact=True).click()
    expect(page.locator(".button-remove")).to_have_text(["Remove article 1", "Remove article 2"])


# mn-2847: the Darfur toll, as the United Nations' estimate is reported by two outlets.
DARFUR_AS_MANY_AS = (
    "The United Nations has estimated that as many as 300,000 people have been killed in the Darfur "
    "conflict since 2003, a tally the Sudanese government says is inflated."
)
DARFUR_MORE_THAN = (
    "More than 300,000 people have died in the Darfur conflict dating back to 2003, according to "
    "United Nations figures."
)


@pytest.mark.nlp
def test_issue_page_publication_dates_make_a_grown_toll_an_update(page: Any) -> None:
    """The page had no field for when an article was published, so pasted reports of a toll that
    grew could only be called a disagreement that "may be one of time"; the API and the CLI take
    the date, and with it the later, larger toll reads as an update."""
    fill_articles(
        page,
        [
            {"outlet": "AP", "text": DARFUR_AS_MANY_AS, "published": "2008-04-22"},
            {"outlet": "Reuters", "text": DARFUR_MORE_THAN, "published": "2013-03-01 09:00"},
        ],
    )
    choose_analyses(page, {"figures"})
    data = get_brief(page)
    assert [source["published"] for source in data["sources"]] == ["2008-04-22", "2013-03-01 09:00"]
    assert [conflict["kind"] for conflict in data["analysis"]["conflicts"]] == ["update"]
    section = page.locator(
        "section.analysis-section", has=page.get_by_role("heading", name="Conflicting figures")
    )
    expect(section).to_contain_text("Not a disagreement: an update")
    expect(section).to_contain_text("an earlier report (2008-04-22) said as many as 300,000")


@pytest.mark.nlp
def test_issue_page_a_published_value_that_is_not_a_date_is_noted(page: Any) -> None:
    fill_articles(
        page,
        [
            {"outlet": "AP", "text": DARFUR_AS_MANY_AS, "published": "last Tuesday"},
            {"outlet": "Reuters", "text": DARFUR_MORE_THAN},
        ],
    )
    choose_analyses(page, {"figures"})
    get_brief(page)
    expect(page.locator("#notices li")).to_have_text(
        [re.compile(r"^Article 1: published 'last Tuesday' is not a date \(ISO 8601 or RFC 2822\)")]
    )


def test_the_page_ends_a_line_its_source_cut_mid_sentence_with_an_ellipsis(
    page: Any, aleppo: dict[str, Article]
) -> None:
    """The page showed a summary line's words alone: a line whose article's text stops mid-sentence
    (here the Aleppo articles cut at 22 words, as a feed's excerpts are, so that Al Jazeera's lede
    stops mid-sentence) read as a sentence that trails off, where the other formats end it with
    " …"."""
    cut = [{"outlet": aleppo[key].outlet, "text": " ".join(aleppo[key].text.split()[:22])} for key in ORDER]
    fill_articles(page, cut)
    choose_analyses(page, set())
    page.get_by_label("Length of the summary, in words").fill("60")
    data = get_brief(page)
    shown = [" ".join(text.split()) for text in page.locator("#summary .line").all_inner_texts()]
    unfinished = [i for i, line in enumerate(data["summary"]) if line["unfinished"]]
    assert unfinished, data["summary"]
    for i in unfinished:
        assert " ".join(data["summary"][i]["text"].split()) + " …" in shown[i]


def test_the_page_says_who_said_a_quotation_that_names_no_one(page: Any, tweet_quoted_alone: Article) -> None:
    """The page showed Trump's tweet alone ("“Under study for years. ... Thank you!”") with no name."""
    fill_articles(page, [{"outlet": tweet_quoted_alone.outlet, "text": tweet_quoted_alone.text}])
    choose_analyses(page, {"quotes"})
    page.get_by_label("Length of the summary, in words").fill("40")
    data = get_brief(page)
    assert [line["speaker"] for line in data["summary"]] == [None, "Trump"]
    assert "(said by Trump)" in page.locator("#summary .line").nth(1).inner_text()


def test_the_page_says_whose_voice_a_line_speaks_in(page: Any, zerohedge_own_voice: Article) -> None:
    """Only the Markdown said "(in ZeroHedge's voice)"; the page showed the line as a report."""
    fill_articles(page, [{"outlet": zerohedge_own_voice.outlet, "text": zerohedge_own_voice.text}])
    choose_analyses(page, set())
    page.get_by_label("Length of the summary, in words").fill("40")
    data = get_brief(page)
    assert [line["voice"] for line in data["summary"]] == ["ZeroHedge"]
    assert "(in ZeroHedge's voice)" in page.locator("#summary .line").first.inner_text()
