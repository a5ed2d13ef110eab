"""The stories API on real BASIL articles: POST /v1/stories groups a batch as `newsbrief cluster`
does; a server started on a store lists its latest stories and briefs them, and sees what a
writer adds while it runs."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import uvicorn

# the one error shape, checked as for /v1/briefs (tests/service is on sys.path)
from test_app import assert_error, assert_security_headers, leave_during_brief, wait_for_line
from typer.testing import CliRunner

from newsbrief.cli import app as cli
from newsbrief.errors import BriefCancelledError
from newsbrief.model import Article, Options, Story
from newsbrief.pipeline.brief import brief
from newsbrief.rendering import file_name, render, story_record
from newsbrief.service.app import Limits, create_app
from newsbrief.stream import DEFAULT_SETTINGS, Clusterer, Store, cluster
from newsbrief.stream.cluster import published_time
from newsbrief.stream.sources import read_articles

with warnings.catch_warnings():
    # Starlette asks for the httpx2 fork, which is not installed; httpx works.
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`", UserWarning)
    from starlette.testclient import TestClient

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BASIL = FIXTURES / "stream" / "basil-24.jsonl"
NPR_HTML = (FIXTURES / "ingest" / "npr.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def basil() -> list[Article]:
    return list(read_articles([str(BASIL)]))


@pytest.fixture(scope="module")
def basil_items() -> list[dict[str, str]]:
    """The BASIL articles as a client would send them (the JSONL records without their labels)."""
    records = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines()]
    return [
        {name: record[name] for name in ("id", "outlet", "title", "published", "text")} for record in records
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, basil: list[Article]) -> Path:
    """A store filled by the Clusterer with the BASIL articles, as `newsbrief watch` would."""
    path = tmp_path_factory.mktemp("store") / "stream.sqlite"
    clusterer = Clusterer(Store(path))
    for article in basil:
        clusterer.add(article)
    clusterer.close()
    return path


@pytest.fixture(scope="module")
def stored(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path=store_path)) as test_client:
        yield test_client


# POST /v1/stories --------------------------------------------------------------------------------


def test_a_batch_gives_the_stories_newsbrief_cluster_writes(
    client: TestClient, basil_items: list[dict[str, str]], tmp_path: Path
) -> None:
    response = client.post("/v1/stories", json={"articles": basil_items})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert_security_headers(response)
    written = tmp_path / "stories.jsonl"
    result = CliRunner().invoke(cli, ["cluster", str(BASIL), "-o", str(written)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in written.read_text(encoding="utf-8").splitlines()]
    data = response.json()
    assert data["stories"] == lines
    assert data["notices"] == []  # every article is dated and in English
    # the Sestak event: NYT on the 27th, Fox and HuffPost on the 28th, in one story
    sestak = next(story for story in data["stories"] if "Sestak" in story["title"])
    assert sorted(sestak["outlets"]) == ["Fox News", "HuffPost", "New York Times"]
    assert (sestak["first_published"], sestak["last_published"]) == ("2010-05-27", "2010-05-28")


def test_issue_an_article_sent_without_an_outlet_adds_no_empty_outlet(
    client: TestClient, basil_items: list[dict[str, str]]
) -> None:
    """An article with no outlet (and no URL) names none: the story lists the outlets that are
    named, never ``""``."""
    sestak = [item for item in basil_items if "Sestak" in item["title"]]
    unnamed = [{key: value for key, value in item.items() if key != "outlet"} for item in sestak[1:]]
    response = client.post("/v1/stories", json={"articles": [sestak[0], *unnamed]})
    assert response.status_code == 200, response.text
    (story,) = response.json()["stories"]
    assert len(story["articles"]) == len(sestak)
    assert story["outlets"] == [sestak[0]["outlet"]]


def test_issue_walk_an_article_sent_twice_is_counted_once_with_a_notice(
    client: TestClient, basil_items: list[dict[str, str]]
) -> None:
    """The same record twice in a request: one article in its story, and a notice that says so
    (it was counted once silently)."""
    twice = [*basil_items[:3], basil_items[0]]
    response = client.post("/v1/stories", json={"articles": twice})
    assert response.status_code == 200, response.text
    keys = [key for story in response.json()["stories"] for key in story["articles"]]
    assert sorted(keys) == sorted(item["id"] for item in basil_items[:3])
    assert response.json()["notices"] == [
        {
            "code": "repeated-article",
            "message": "1 of 4 articles repeats an earlier one of the request (the same key and text): "
            "each counted once",
            "article_ids": [basil_items[0]["id"]],
        }
    ]


def test_the_window_is_the_clusterer_setting(
    client: TestClient, basil_items: list[dict[str, str]], basil: list[Article]
) -> None:
    response = client.post("/v1/stories", json={"articles": basil_items, "window_days": 0.25})
    assert response.status_code == 200, response.text
    narrow = cluster(basil, settings=dataclasses.replace(DEFAULT_SETTINGS, window_days=0.25))
    assert response.json()["stories"] == [story_record(story) for story in narrow]
    # a quarter-day window closes a story before the next day's articles arrive
    assert len(narrow) > len(cluster(basil))


def test_html_articles_undated_ones_and_keys(client: TestClient) -> None:
    body = {
        "articles": [
            {"html": NPR_HTML, "url": "https://www.npr.org/aleppo"},
            {
                "text": "Government forces retook most of eastern Aleppo on Monday, officials said.",
                "id": "a2",
            },
        ]
    }
    response = client.post("/v1/stories", json=body)
    assert response.status_code == 200, response.text
    data = response.json()
    keys = [key for story in data["stories"] for key in story["articles"]]
    assert sorted(keys) == ["a2", "https://www.npr.org/aleppo"]
    npr = next(story for story in data["stories"] if "https://www.npr.org/aleppo" in story["articles"])
    assert "Aleppo" in npr["title"]  # the page's headline, read by trafilatura
    undated = [notice for notice in data["notices"] if notice["code"] == "undated"]
    assert undated and "a2" in undated[0]["article_ids"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"articles": []}, "articles"),
        ({"articles": [{"text": "x", "html": "<p>x</p>"}]}, 'exactly one of "text" or "html"'),
        ({"articles": [{"outlet": "NPR"}]}, 'exactly one of "text" or "html"'),
        ({"articles": [{"text": "Some words."}], "window_days": 0}, "window_days"),
        ({"articles": [{"text": "Some words."}], "window_days": "3"}, "window_days"),
        ({"articles": [{"text": "Some words.", "words": 50}]}, "articles[0].words"),
        ({"articles": [{"html": "<html><body></body></html>"}]}, "articles[0]: no article text"),
        ({"articles": [{"text": NPR_HTML}]}, 'articles[0]: "text" is HTML'),
    ],
)
def test_bad_batches_are_one_line_422s(client: TestClient, body: dict[str, Any], words: str) -> None:
    assert_error(client.post("/v1/stories", json=body), 422, words)


def test_one_key_with_two_texts_is_refused_naming_both(client: TestClient) -> None:
    body = {"articles": [{"text": "The first text.", "id": "k"}, {"text": "Another text.", "id": "k"}]}
    response = client.post("/v1/stories", json=body)
    assert_error(response, 422, "'k'", "articles[1]", "articles[0]")
    assert "stored" not in response.json()["detail"]  # this route stores nothing


def test_caps_and_media_type(client: TestClient) -> None:
    limits = Limits(max_body_bytes=20_000, max_stream_articles=2, max_article_chars=100)
    with TestClient(create_app(limits=limits)) as capped:
        three = {"articles": [{"text": f"Article number {n}."} for n in range(3)]}
        assert_error(capped.post("/v1/stories", json=three), 422, "3 articles: a request may hold at most 2")
        long = {"articles": [{"text": "word " * 30}]}
        assert_error(capped.post("/v1/stories", json=long), 422, "150 characters is over the limit of 100")
        huge = {"articles": [{"text": "x" * 30_000}]}
        assert_error(capped.post("/v1/stories", json=huge), 413, "over the limit of 20,000 bytes")
    assert_error(client.post("/v1/stories", content=b"text", headers={"Content-Type": "text/plain"}), 415)
    assert_error(client.post("/v1/stories", content=b"{", headers={"Content-Type": "application/json"}), 422)


# A server on a store ----------------------------------------------------------------------------


def test_the_latest_stories_come_newest_first(stored: TestClient, basil: list[Article]) -> None:
    response = stored.get("/v1/stories?limit=5")
    assert response.status_code == 200, response.text
    assert_security_headers(response)
    data = response.json()
    expected = cluster(basil)
    assert data["total"] == len(expected)
    assert len(data["stories"]) == 5
    times = [published_time(story["last_published"]) for story in data["stories"]]
    assert times == sorted(times, reverse=True)  # type: ignore[type-var]
    assert data["stories"][0]["last_published"] == "2010-12-01"
    everything = stored.get("/v1/stories?limit=500").json()["stories"]
    assert sorted(story["id"] for story in everything) == sorted(story.id for story in expected)
    assert {story["id"]: story for story in everything} == {
        story.id: story_record(story) for story in expected
    }


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "limit=ten", "limit=-1"])
def test_a_bad_limit_is_a_422(stored: TestClient, query: str) -> None:
    assert_error(stored.get(f"/v1/stories?{query}"), 422, "limit")


@pytest.mark.parametrize("output_format", ["md", "html", "text"])
def test_a_stored_story_brief_is_what_the_pipeline_renders(
    stored: TestClient, store_path: Path, output_format: str
) -> None:
    story = next(story for story in stored.get("/v1/stories").json()["stories"] if len(story["outlets"]) >= 2)
    response = stored.get(f"/v1/stories/{story['id']}/brief?format={output_format}&words=100&analysis=facts")
    assert response.status_code == 200, response.text
    clusterer = Clusterer(Store(store_path))
    stream_story = next(found for found in clusterer.stories() if found.id == story["id"])
    articles = clusterer.articles(stream_story)
    clusterer.close()
    made = brief(Story(articles=articles, id=story["id"]), Options(max_words=100, analyses=("facts",)))
    assert response.text == render(made, output_format) + "\n"


def test_issue_page_a_stored_story_brief_is_named_after_the_story(stored: TestClient) -> None:
    """Every brief came without a name, so that the page saved each story's as brief.md and the
    second as "brief (1).md"; the name is the story's title as a slug, the same in every format."""
    stories = [story for story in stored.get("/v1/stories").json()["stories"] if len(story["outlets"]) >= 2]
    names = set()
    for story in stories[:2]:
        stem = file_name(story["title"], "md").removesuffix(".md")
        assert stem != "brief" and re.fullmatch(r"[a-z0-9-]+", stem)
        for output_format, extension in (("json", "json"), ("md", "md"), ("html", "html"), ("text", "txt")):
            response = stored.get(f"/v1/stories/{story['id']}/brief?format={output_format}&words=60")
            assert response.status_code == 200, response.text
            assert response.headers["content-disposition"] == f'inline; filename="{stem}.{extension}"'
        names.add(stem)
    assert len(names) == 2


def test_a_stored_story_brief_in_json_cites_its_articles(stored: TestClient) -> None:
    story = next(story for story in stored.get("/v1/stories").json()["stories"] if len(story["outlets"]) >= 2)
    response = stored.get(f"/v1/stories/{story['id']}/brief")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["schema"] == "newsbrief.brief/1"
    assert [source["article_id"] for source in data["sources"]] == story["articles"]
    assert sorted({source["outlet"] for source in data["sources"]}) == sorted(story["outlets"])
    texts = {article["id"]: article["text"] for article in data["articles"]}
    assert data["summary"] and data["words"] <= Options().max_words
    for line in data["summary"]:
        for citation in line["citations"]:
            assert texts[citation["article_id"]][citation["start"] : citation["end"]] == citation["text"]


def test_unknown_stories_bad_formats_and_no_store(stored: TestClient, client: TestClient) -> None:
    assert_error(stored.get("/v1/stories/s999/brief"), 404, "no story 's999'")
    assert_error(stored.get("/v1/stories/s1/brief?format=pdf"), 422, "unknown format 'pdf'")
    assert_error(stored.get("/v1/stories/s1/brief?analysis=gossip"), 422, "unknown analysis 'gossip'")
    assert_error(stored.get("/v1/stories/s1/brief?words=5"), 422, "words")
    assert_error(client.get("/v1/stories"), 404, "serve --db FILE")
    assert_error(client.get("/v1/stories/s1/brief"), 404, "serve --db FILE")


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/v1/stories?limt=5", "unknown query parameter 'limt': this route takes limit"),
        ("/v1/stories?limit=1&limit=2", "query parameter 'limit' is given more than once"),
        ("/v1/stories/s1/brief?word=100", "unknown query parameter 'word'"),
        ("/v1/stories/s1/brief?words=100&words=60", "query parameter 'words' is given more than once"),
    ],
)
def test_a_query_parameter_the_route_does_not_read_gets_a_422(
    stored: TestClient, path: str, words: str
) -> None:
    """A misspelt ``?word=100`` was dropped unsaid: the brief came back at the default length."""
    assert_error(stored.get(path), 422, words)


def test_a_stored_story_brief_takes_the_style_and_several_analysis_parameters(stored: TestClient) -> None:
    story = next(story for story in stored.get("/v1/stories").json()["stories"] if len(story["outlets"]) >= 2)
    response = stored.get(f"/v1/stories/{story['id']}/brief?style=extract&analysis=facts&analysis=quotes")
    assert response.status_code == 200, response.text
    assert response.json()["options"]["style"] == "extract"
    assert response.json()["options"]["analyses"] == ["facts", "quotes"]
    parameters = stored.get("/openapi.json").json()["paths"]["/v1/stories/{story_id}/brief"]["get"][
        "parameters"
    ]
    assert "style" in {parameter["name"] for parameter in parameters}


def test_a_store_that_cannot_be_read_is_a_503_naming_no_path(tmp_path: Path) -> None:
    """A broken store file was a 422, as if the client could fix it, and told every client its path."""
    path = tmp_path / "stream.sqlite"
    path.write_bytes(BASIL.read_bytes())  # an article file given where the store belongs
    with TestClient(create_app(store_path=path)) as broken:
        for route in ("/v1/stories", "/v1/stories/s1/brief"):
            response = broken.get(route)
            assert_error(response, 503, "story store cannot be read")
            assert str(tmp_path) not in response.text
    assert path.read_bytes() == BASIL.read_bytes()


def test_reading_sees_what_a_writer_adds(tmp_path: Path, basil: list[Article]) -> None:
    path = tmp_path / "live.sqlite"
    writer = Clusterer(Store(path))
    for article in basil[:12]:
        writer.add(article)
    with TestClient(create_app(store_path=path)) as reader:
        before = reader.get("/v1/stories?limit=500").json()
        for article in basil[12:]:
            writer.add(article)  # the writer keeps its connection open, as `newsbrief watch` does
        after = reader.get("/v1/stories?limit=500").json()
    writer.close()
    assert before["total"] == len(cluster(basil[:12]))
    assert after["total"] == len(cluster(basil))
    assert after["stories"][0]["last_published"] == "2010-12-01"
    assert before["stories"][0]["last_published"] == max(str(article.published) for article in basil[:12])


def test_reading_a_store_leaves_its_file_as_it_was(store_path: Path) -> None:
    content, modified = store_path.read_bytes(), store_path.stat().st_mtime_ns
    with TestClient(create_app(store_path=store_path)) as reader:
        assert reader.get("/v1/stories").status_code == 200
    assert store_path.read_bytes() == content
    assert store_path.stat().st_mtime_ns == modified
    assert sorted(path.name for path in store_path.parent.iterdir()) == [store_path.name]


def test_serve_without_the_store_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.sqlite")])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


def test_issue_walk_serve_db_naming_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    """A folder is there: 'no such file' (said before) sent the user looking for a missing path."""
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip().startswith(
        f"error: --db {tmp_path}: a folder, not a store file; fill a store"
    )


def test_issue_serve_db_naming_a_named_pipe_says_what_it_is(tmp_path: Path) -> None:
    """A named pipe (or a device, /dev/null) is there too: it was 'no such file'."""
    fifo = tmp_path / "stories.sqlite"
    os.mkfifo(fifo)
    result = CliRunner().invoke(cli, ["serve", "--db", str(fifo)])
    assert result.exit_code == 2
    assert result.output.strip().startswith(
        f"error: --db {fifo}: a device or a pipe, not a store file; fill a store"
    )


@pytest.mark.parametrize("schema", ["", "CREATE TABLE readers (name TEXT, email TEXT)"])
def test_a_file_that_is_not_a_store_is_refused_and_left_as_it_was(
    tmp_path: Path, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty file or another program's database: serve --db refuses it in one line, and the
    API, should the file become one while the server runs, answers 503 without naming the file
    (the cause goes to the server's log); neither writes to it."""
    path = tmp_path / "theirs.sqlite"
    path.touch()
    if schema:
        with sqlite3.connect(path) as db:
            db.execute(schema)
        db.close()
    content = path.read_bytes()
    started: list[object] = []
    monkeypatch.setattr("newsbrief.service.app.serve", lambda *arguments, **options: started.append(options))
    result = CliRunner().invoke(cli, ["serve", "--db", str(path)])
    assert started == []
    assert result.exit_code == 2
    assert "theirs.sqlite: not a newsbrief stream store" in result.output
    assert len(result.output.strip().splitlines()) == 1
    with TestClient(create_app(store_path=path)) as reader:
        refused = reader.get("/v1/stories")
        assert_error(refused, 503, "story store cannot be read")
        assert str(path) not in refused.text
    assert path.read_bytes() == content
    assert sorted(child.name for child in tmp_path.iterdir()) == [path.name]


# A real server ----------------------------------------------------------------------------------


@contextlib.contextmanager
def serving(app: Any) -> Iterator[int]:
    """A real uvicorn serving the app on a free loopback port, in a thread; yields the port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started:
                break
            time.sleep(0.01)
        yield port
    finally:
        server.should_exit = True
        thread.join()


def test_a_real_server_on_a_store_answers_concurrent_readers(store_path: Path) -> None:
    answers: list[httpx.Response] = []

    with serving(create_app(store_path=store_path)) as port:

        def ask() -> None:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
                answers.append(http.get("/v1/stories?limit=3"))

        readers = [threading.Thread(target=ask) for _ in range(6)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            first = answers[0].json()["stories"][0]["id"]
            made = http.get(f"/v1/stories/{first}/brief?format=md&words=60")
    assert [answer.status_code for answer in answers] == [200] * 6
    assert len({answer.text for answer in answers}) == 1
    assert made.status_code == 200
    assert made.headers["content-type"] == "text/markdown; charset=utf-8"
    assert made.text.startswith("# Brief")


def test_issue_a_stored_story_brief_whose_client_went_away_is_stopped(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """GET /v1/stories/{id}/brief made the brief to the end for a client that had gone, as
    POST /v1/briefs did (test_app.py)."""
    caplog.set_level(logging.INFO, logger="newsbrief.service.app")
    clusterer = Clusterer(Store(store_path))
    story_id = clusterer.stories()[0].id
    clusterer.close()
    with serving(create_app(store_path=store_path)) as port:
        request = f"GET /v1/stories/{story_id}/brief?analysis=all HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        told, outcome = leave_during_brief(port, request.encode(), monkeypatch)
        path = f"/v1/stories/{story_id}/brief"
        wait_for_line(caplog, f"GET {path}: the client went away; brief cancelled after clean")
    assert told
    assert isinstance(outcome, BriefCancelledError) and outcome.stage == "clean"


_WARM_UP_PROBE = """
import sys, warnings
from functools import partial
warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`", UserWarning)
from starlette.testclient import TestClient
from newsbrief.analysis.nlp import load_nlp
from newsbrief.service.app import create_app
app = create_app(store_path=sys.argv[1], warm_up=sys.argv[2] == "1")
with TestClient(app) as client:
    assert client.get("/v1/health").status_code == 200
    warm_up = getattr(app.state, "warm_up", None)
    if warm_up is not None:
        warm_up.join(timeout=240)
    print(load_nlp.cache_info().currsize, "newsbrief.stream.kernels" in sys.modules)
"""


@pytest.mark.parametrize(("warm_up", "loaded"), [("1", "1 True"), ("0", "0 False")])
def test_the_server_loads_the_model_and_kernels_at_start_up(
    store_path: Path, warm_up: str, loaded: str
) -> None:
    """``newsbrief serve`` loads spaCy and the stream kernels while it starts, not in the first
    request; an app made without ``warm_up`` (the tests' other clients) loads neither."""
    src = str(Path(__file__).resolve().parents[2] / "src")
    result = subprocess.run(
        [sys.executable, "-c", _WARM_UP_PROBE, str(store_path), warm_up],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": src},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == loaded


def test_issue_walk_a_whole_number_id_is_read_as_the_command_line_reads_it(
    client: TestClient, basil_items: list[dict[str, str]], tmp_path: Path
) -> None:
    """A JSONL record's id may be a whole number (``cluster`` keys it by its digits); the API
    refused the same record with a 422. A true/false or fractional id is still refused."""
    items = [{**item, "id": number} for number, item in enumerate(basil_items[:3], start=101)]
    lines = tmp_path / "numbered.jsonl"
    lines.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    response = client.post("/v1/stories", json={"articles": items})
    assert response.status_code == 200, response.text
    keys = sorted(key for story in response.json()["stories"] for key in story["articles"])
    assert keys == ["101", "102", "103"]
    from_file = [story_record(story) for story in cluster(read_articles([str(lines)]))]
    assert response.json()["stories"] == from_file
    # an id of white space only is no id, as "" is: the key is the text's hash, here and in a file
    blank = [{**items[0], "id": "  "}]
    lines.write_text(json.dumps(blank[0]) + "\n", encoding="utf-8")
    response = client.post("/v1/stories", json={"articles": blank})
    assert response.json()["stories"][0]["articles"][0].startswith("sha256:")
    assert response.json()["stories"] == [
        story_record(story) for story in cluster(read_articles([str(lines)]))
    ]
    for bad in (True, 1.5):
        assert_error(
            client.post("/v1/stories", json={"articles": [{**items[0], "id": bad}]}),
            422,
            "articles[0].id",
        )


@pytest.mark.parametrize("kind", ["text", "html"])
@pytest.mark.parametrize("blank", ["", "  "])
def test_issue_walk_an_empty_article_is_called_empty(client: TestClient, kind: str, blank: str) -> None:
    """{"text": ""} was told to 'give exactly one of "text" or "html" (got 0)', though it gave one;
    it is told what POST /v1/briefs tells it (empty text; no article text in the HTML)."""
    response = client.post("/v1/stories", json={"articles": [{kind: blank}]})
    assert_error(response, 422, "articles[0]")
    assert "exactly one" not in response.json()["detail"]
    assert client.post("/v1/briefs", json={"articles": [{kind: blank}]}).json() == response.json()


def test_issue_api_a_story_merged_into_another_answers_with_the_story_that_holds_it(
    tmp_path: Path, basil: list[Article]
) -> None:
    """A story id a client had from GET /v1/stories became a 404 'no story' once a writer merged
    that story into another, where the Python API's ``Clusterer.story`` gives the one holding it."""
    path = tmp_path / "merged.sqlite"
    writer = Clusterer(
        Store(path), settings=dataclasses.replace(DEFAULT_SETTINGS, threshold=0.3, merge_threshold=0.3)
    )
    for article in sorted(basil, key=lambda article: str(article.published)):
        writer.add(article)
    holder = writer.story("s23")
    articles = writer.articles(holder)
    writer.close()
    assert holder.id == "s22" and "s23" in holder.merged_from
    with (
        serving(create_app(store_path=path)) as port,
        httpx.Client(base_url=f"http://127.0.0.1:{port}") as http,
    ):
        listed = {story["id"] for story in http.get("/v1/stories?limit=500").json()["stories"]}
        response = http.get("/v1/stories/s23/brief?format=md&words=60", timeout=60)
        described = http.get("/openapi.json").json()["paths"]["/v1/stories/{story_id}/brief"]["get"]
    assert "s23" not in listed
    assert response.status_code == 200, response.text
    assert response.headers["content-location"] == "/v1/stories/s22/brief"
    assert "Content-Location" in described["responses"]["200"]["headers"]
    assert (
        response.text == render(brief(Story(articles=articles, id="s22"), Options(max_words=60)), "md") + "\n"
    )


def test_issue_api_the_openapi_takes_every_batch_the_server_takes(basil_items: list[dict[str, str]]) -> None:
    """StreamArticleIn gave ``id`` as a string, though the server reads a whole number as its digits
    (as a JSONL record's): a client checking its requests against /openapi.json refused them. And
    the story brief's ``format`` told of 'the body's format field', which a GET has none of."""
    batch = {"articles": [{**basil_items[0], "id": 7}, basil_items[1]]}
    with serving(create_app()) as port, httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
        spec = http.get("/openapi.json").json()
        answer = http.post("/v1/stories", json=batch)
    assert answer.status_code == 200, answer.text
    assert answer.json()["stories"][0]["articles"][0] == "7"
    request_schema = jsonschema.Draft202012Validator({"$ref": "#/components/schemas/StoriesRequest", **spec})
    assert list(request_schema.iter_errors(batch)) == []
    assert list(request_schema.iter_errors({"articles": [{"id": 7.5, "text": "x"}]}))  # refused by both
    story_format = next(
        parameter
        for parameter in spec["paths"]["/v1/stories/{story_id}/brief"]["get"]["parameters"]
        if parameter["name"] == "format"
    )
    assert "body" not in story_format["description"]


def test_issue_api_every_get_route_answers_head(store_path: Path) -> None:
    """HEAD on /v1/health, the uptime check's route, was a 405, as on /v1/stories and a story's
    brief: FastAPI's routes answer only the methods named, where a server must answer HEAD
    wherever it answers GET (RFC 9110). HEAD gets GET's status and headers, and no body."""
    with (
        serving(create_app(store_path=store_path)) as port,
        httpx.Client(base_url=f"http://127.0.0.1:{port}") as http,
    ):
        story = http.get("/v1/stories?limit=1").json()["stories"][0]["id"]
        for route in (
            "/v1/health",
            "/v1/stories?limit=2",
            f"/v1/stories/{story}/brief?format=md",
            "/openapi.json",
        ):
            head, get = http.head(route, timeout=60), http.get(route, timeout=60)
            assert (head.status_code, head.content) == (200, b""), route
            for name in ("content-type", "content-length", "content-disposition", "x-content-type-options"):
                assert head.headers.get(name) == get.headers.get(name), (route, name)
        missing = http.head("/v1/stories/s999/brief")
        refused = http.head("/v1/briefs")
    assert (missing.status_code, missing.content) == (404, b"")
    assert (refused.status_code, refused.headers["allow"]) == (405, "POST")


def test_issue_api_an_article_with_a_url_and_no_outlet_is_named_by_its_host(
    tmp_path: Path, basil_items: list[dict[str, str]]
) -> None:
    """The README: the outlet comes from the record, else the URL host; an article 'without outlet
    or url' names none. summarize read a JSONL record's URL so (npr.org), but POST /v1/stories and
    cluster's JSONL reader named no outlet for a text sent with only a URL."""
    sestak = [item for item in basil_items if "Sestak" in item["title"]]
    sent = [{**sestak[0], "outlet": "   ", "url": "https://www.npr.org/sestak"}, *sestak[1:]]
    with serving(create_app()) as port, httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
        response = http.post("/v1/stories", json={"articles": sent})
    assert response.status_code == 200, response.text
    (story,) = response.json()["stories"]
    assert sorted(story["outlets"]) == sorted(["npr.org", *(item["outlet"] for item in sent[1:])])
    records = tmp_path / "sestak.jsonl"
    records.write_text("\n".join(json.dumps({**item, "outlet": ""}) for item in sent[:1]), encoding="utf-8")
    assert [article.outlet for article in read_articles([str(records)])] == ["npr.org"]
