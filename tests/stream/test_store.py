"""The SQLite store: reopening rebuilds the exact state, and a killed run resumes to the same stories."""

from __future__ import annotations

import importlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from newsbrief.errors import OptionError, SourceError
from newsbrief.model import ClusterSettings
from newsbrief.stream import Clusterer, Store, cluster
from newsbrief.stream.sources import read_articles

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "stream"
ALLSIDES = ROOT / "benchmarks" / "data" / "stream" / "allsides-probe.jsonl"


def test_a_reopened_store_goes_on_as_one_uninterrupted_run(tmp_path: Path) -> None:
    articles = list(read_articles([str(FIXTURES / "basil-24.jsonl")]))
    first = Clusterer(Store(tmp_path / "x.sqlite"))
    for article in articles[:10]:
        first.add(article)
    first.close()
    second = Clusterer(Store(tmp_path / "x.sqlite"))
    for article in articles:
        second.add(article)
    assert second.stories() == cluster(articles)
    second.close()


def test_a_stream_is_committed_batch_by_batch_and_a_lone_article_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection sees each finished batch; stopping mid-batch commits what was placed."""
    monkeypatch.setattr(importlib.import_module("newsbrief.stream.cluster"), "_BATCH", 5)
    articles = list(read_articles([str(FIXTURES / "basil-24.jsonl")]))
    clusterer = Clusterer(Store(tmp_path / "x.sqlite"))
    stream = clusterer.add_all(articles[:12])
    for _ in range(7):
        next(stream)
    assert _stored(tmp_path / "x.sqlite") == 5
    stream.close()
    assert _stored(tmp_path / "x.sqlite") == 7
    clusterer.add(articles[12])
    assert _stored(tmp_path / "x.sqlite") == 8
    clusterer.close()
    reopened = Clusterer(Store(tmp_path / "x.sqlite"))
    for article in articles:
        reopened.add(article)
    arrival = [*articles[:7], articles[12], *articles[7:12], *articles[13:]]
    uninterrupted = Clusterer(None)
    for _ in uninterrupted.add_all(arrival):
        pass
    assert reopened.stories() == uninterrupted.stories()
    reopened.close()


def test_feeding_the_same_input_twice_stores_nothing_twice(tmp_path: Path) -> None:
    articles = list(read_articles([str(FIXTURES / "allsides-30.jsonl")]))
    for _ in range(2):
        clusterer = Clusterer(Store(tmp_path / "x.sqlite"))
        for article in articles:
            clusterer.add(article)
        clusterer.close()
    with closing(sqlite3.connect(tmp_path / "x.sqlite")) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (len(articles),)
        assert db.execute("SELECT count(*) FROM assignments").fetchone() == (len(articles),)


def test_a_store_made_with_other_settings_is_refused(tmp_path: Path) -> None:
    Clusterer(Store(tmp_path / "x.sqlite")).close()
    with pytest.raises(OptionError, match="other settings"):
        Clusterer(Store(tmp_path / "x.sqlite"), settings=ClusterSettings(window_days=7.0))


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Trump slams John Kerry for 'shadow diplomacy' on Iran deal\n" * 100, encoding="utf-8")
    with pytest.raises(SourceError, match="not a newsbrief stream store"):
        Store(path)


@pytest.mark.parametrize(
    "schema",
    [
        "CREATE TABLE articles (id TEXT, body TEXT)",  # a table of ours by name, not by columns
        "CREATE TABLE readers (name TEXT, email TEXT)",
        "CREATE TABLE meta (key TEXT)",
    ],
)
def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path, schema: str) -> None:
    path = tmp_path / "theirs.sqlite"
    with closing(sqlite3.connect(path)) as db:
        db.execute(schema)
        db.commit()
    before = path.read_bytes()
    with pytest.raises(SourceError, match=r"theirs\.sqlite: not a newsbrief stream store|cannot open as"):
        Clusterer(Store(path))
    assert path.read_bytes() == before
    assert not path.with_name("theirs.sqlite-wal").exists()


def test_a_store_in_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    """issue: a missing folder and a folder were both 'unable to open database file' (SQLite's words)."""
    missing = tmp_path / "no such folder"
    with pytest.raises(SourceError) as caught:
        Store(missing / "x.sqlite")
    assert str(caught.value) == (
        f"{missing / 'x.sqlite'}: cannot open as a newsbrief stream store (no folder {missing})"
    )
    with pytest.raises(SourceError) as caught:
        Store(tmp_path)
    assert str(caught.value) == f"{tmp_path}: a folder, not a store file; give a file"


def test_a_device_or_a_pipe_as_the_store_is_one_line(tmp_path: Path) -> None:
    """issue: ``cluster --db /dev/null`` said 'cannot write the store (disk I/O error)': SQLite
    opens a device or a named pipe and fails only when it writes."""
    with pytest.raises(SourceError) as caught:
        Store("/dev/null")
    assert str(caught.value) == "/dev/null: a device or a pipe, not a store file; give a file"
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(SourceError) as caught:
        Store(pipe)
    assert str(caught.value) == f"{pipe}: a device or a pipe, not a store file; give a file"


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    path.touch()
    articles = list(read_articles([str(FIXTURES / "basil-24.jsonl")]))[:4]
    clusterer = Clusterer(Store(path))
    for article in articles:
        clusterer.add(article)
    assert clusterer.stories() == cluster(articles)
    clusterer.close()


def _cluster_command(source: Path, db: Path, output: Path) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "newsbrief", "cluster", str(source), "--db", str(db), "-o", str(output)]
    return subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(db, timeout=5)) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not written yet
        return 0


def test_killing_the_process_mid_stream_and_rerunning_gives_the_same_stories(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    lines = ALLSIDES.read_text(encoding="utf-8").splitlines()[:600]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = _cluster_command(big, tmp_path / "whole.sqlite", tmp_path / "whole.jsonl")
    assert whole.wait(timeout=600) == 0
    killed = _cluster_command(big, tmp_path / "x.sqlite", tmp_path / "killed.jsonl")
    deadline = time.monotonic() + 300
    while _stored(tmp_path / "x.sqlite") < 100 and time.monotonic() < deadline and killed.poll() is None:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=60)
    stored = _stored(tmp_path / "x.sqlite")
    assert 100 <= stored < len(lines), f"the kill came at {stored} of {len(lines)} articles"
    assert not (tmp_path / "killed.jsonl").exists()
    resumed = _cluster_command(big, tmp_path / "x.sqlite", tmp_path / "resumed.jsonl")
    assert resumed.wait(timeout=600) == 0
    assert (tmp_path / "resumed.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert _stored(tmp_path / "x.sqlite") == len(lines)


def test_a_reopened_store_goes_on_with_its_own_settings(tmp_path: Path) -> None:
    made_with = ClusterSettings(window_days=7.0, entity_weight=2.0)
    Clusterer(Store(tmp_path / "x.sqlite"), settings=made_with).close()
    store = Store(tmp_path / "x.sqlite")
    assert store.settings() == made_with
    reopened = Clusterer(store)
    assert reopened.settings == made_with
    reopened.close()


def test_issue_api_cluster_goes_on_with_a_stores_own_settings(tmp_path: Path) -> None:
    """``newsbrief.cluster(articles, store=Store(path))`` refused a store made with other settings
    ('clustered with other settings'), since its ``settings`` defaulted to the defaults, while
    ``Clusterer(store)`` and ``cluster --db`` go on with the store's own."""
    articles = list(read_articles([str(FIXTURES / "basil-24.jsonl")]))
    made_with = ClusterSettings(threshold=0.3, merge_threshold=0.3)
    first = Clusterer(Store(tmp_path / "x.sqlite"), settings=made_with)
    for article in articles[:10]:
        first.add(article)
    first.close()
    store = Store(tmp_path / "x.sqlite")
    stories = cluster(articles, store=store)
    store.close()
    assert stories == cluster(articles, settings=made_with)
    assert any(story.merged_from for story in stories)  # these settings merge; the defaults do not
    assert cluster(articles, store=Store(None)) == cluster(articles, settings=ClusterSettings())


def test_issue_api_a_store_left_open_in_this_program_is_named_as_such(tmp_path: Path) -> None:
    """``cluster(articles, store=store)`` leaves the store open; a second Store of the same file in
    the same program was refused as 'another newsbrief process is writing', which sent a reader
    looking for a process that was not there."""
    articles = list(read_articles([str(FIXTURES / "basil-24.jsonl")]))[:3]
    store = Store(tmp_path / "x.sqlite")
    cluster(articles, store=store)
    with pytest.raises(
        SourceError, match=r"or a Store this program has not closed\); stop or close it first"
    ):
        Store(tmp_path / "x.sqlite")
    store.close()
    Store(tmp_path / "x.sqlite").close()  # closed, the file takes the next writer


def test_issue_walk_one_writer_at_a_time_readers_alongside(tmp_path: Path) -> None:
    """While one process adds to a store (a running watch), a second writer (cluster --db on the
    same file) is refused in one line; before, it wrote articles the first did not know of, and
    the first died on its next article with 'UNIQUE constraint failed: articles.seq'. A reader
    (serve --db) opens it alongside, and once the writer closes, the next one may write."""
    path = tmp_path / "s.sqlite"
    articles = list(read_articles([str(FIXTURES / "basil-24.jsonl")]))
    writer = Clusterer(Store(path))
    writer.add(articles[0])
    try:
        second = subprocess.run(
            [
                sys.executable,
                "-m",
                "newsbrief",
                "cluster",
                str(FIXTURES / "allsides-30.jsonl"),
                "--db",
                str(path),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            check=False,
        )
        assert second.returncode == 2
        assert second.stderr.strip() == (
            f"error: {path}: another writer holds this store (a newsbrief watch or cluster --db, or a Store "
            "this program has not closed); stop or close it first, or give another file"
        )
        reader = Store(path, create=False)
        assert [record.key for record in reader.articles()] == [articles[0].id]
        reader.close()
        writer.add(articles[1])  # the first writer goes on
    finally:
        writer.close()
    after = Clusterer(Store(path))
    try:
        assert articles[0].id in after and articles[1].id in after
    finally:
        after.close()
