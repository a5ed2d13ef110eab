"""The embedded store: one SQLite file holding a stream's articles, stories, assignments and merges.

Each article is stored with its assignment (and any merge it caused) and with everything the
clusterer needs to rebuild its exact state when the file is opened again: the article's weighted
term vector as it was computed on arrival (all its terms, those outside the vector with weight 0,
so that document frequencies are counted back from them), its MinHash and, when the settings have
``dense`` on, its embedding. Added articles are buffered until ``commit`` writes them in one
transaction: the clusterer commits after each article it is given alone (``Clusterer.add``) and
after each batch of up to 256 articles of a stream (``Clusterer.add_all``). The file therefore
always holds the stream's first articles up to a commit, each with its complete state; a process
killed mid-batch loses the articles of that batch, which a rerun on the same input adds again, and
the stream goes on as if it had never stopped.

The file is in WAL mode with ``synchronous=NORMAL``: a committed article survives the process
being killed (the operating system holds the write), though not a power cut; that keeps a
commit cheap enough for one article at a time from a feed. Reading commits what is buffered first.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

from newsbrief.errors import OptionError, SourceError
from newsbrief.model import Article, ClusterSettings

__all__ = ["SCHEMA_VERSION", "ArticleRecord", "MergeRecord", "Store", "not_a_file"]

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,          -- arrival number, from 1
    key TEXT NOT NULL UNIQUE,         -- id, else URL, else sha256 of the text
    text_sha256 TEXT NOT NULL,
    id TEXT NOT NULL, outlet TEXT NOT NULL, title TEXT NOT NULL, url TEXT, published TEXT,
    text TEXT NOT NULL, source TEXT NOT NULL,
    time REAL NOT NULL,               -- seconds since the epoch the clusterer used for it
    language TEXT NOT NULL,
    terms BLOB NOT NULL, weights BLOB NOT NULL,  -- the weighted vector: int64 terms, float64 weights
    minhash BLOB NOT NULL,            -- uint32 MinHash values
    dense BLOB                        -- float32 unit embedding, when the settings have dense on
);
CREATE TABLE IF NOT EXISTS stories (id INTEGER PRIMARY KEY, language TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assignments (
    article INTEGER PRIMARY KEY REFERENCES articles(seq),
    story INTEGER NOT NULL REFERENCES stories(id),  -- the story it joined on arrival
    similarity REAL NOT NULL,
    duplicate_of INTEGER REFERENCES articles(seq)
);
CREATE TABLE IF NOT EXISTS merges (
    seq INTEGER NOT NULL REFERENCES articles(seq),  -- the article whose arrival caused it
    kept INTEGER NOT NULL REFERENCES stories(id),
    merged INTEGER NOT NULL REFERENCES stories(id),
    similarity REAL NOT NULL,
    PRIMARY KEY (seq, merged)
);
"""


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One stored article, its vector and MinHash, and the story it joined on arrival."""

    seq: int
    key: str
    text_sha256: str
    article: Article
    time: float
    language: str
    terms: bytes
    weights: bytes
    minhash: bytes
    dense: bytes | None
    story: int
    similarity: float
    duplicate_of: int | None


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """Story ``merged`` joined story ``kept`` when article ``seq`` arrived."""

    seq: int
    kept: int
    merged: int
    similarity: float


class Store:
    """A stream's SQLite file (``path``), or an in-memory database when ``path`` is None.

    An empty file (or a new one) becomes a store, unless ``create`` is False: a reader (the
    service) refuses it rather than write our tables into a file that no stream filled.
    """

    def __init__(self, path: str | Path | None = None, *, create: bool = True) -> None:
        self.path = None if path is None else Path(path)
        self._label = ":memory:" if path is None else str(path)
        self._pending = _Pending([], [], [], [])  # rows of the articles added and not yet committed
        kind = None if self.path is None else not_a_file(self.path)
        if kind:  # SQLite opens /dev/null or a named pipe and fails only when it writes: "disk I/O error"
            raise SourceError(f"{self._label}: {kind}, not a store file; give a file")
        try:
            self._db = sqlite3.connect(self._label, isolation_level=None)
        except sqlite3.OperationalError as exc:  # no such folder, a folder, no permission
            raise SourceError(f"{self._label}: {_cannot_open(self.path, exc)}") from exc
        self._writer_lock: BinaryIO | None = None
        try:
            new_store = self._schema_version(create=create) is None
            if create and self.path is not None:
                self._writer_lock = _lock_for_writing(self.path, self._label)
        except SourceError:
            self._db.close()
            raise
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            if new_store:  # tables and version in one transaction: a store is never half made
                self._db.executescript(
                    f"BEGIN;{_SCHEMA}INSERT INTO meta VALUES ('schema', '{SCHEMA_VERSION}');COMMIT;"
                )
        except sqlite3.DatabaseError as exc:
            raise SourceError(f"{self._label}: cannot write the store ({exc})") from exc

    def _schema_version(self, *, create: bool) -> str | None:
        """This newsbrief's schema version, or None for an empty database when ``create``.

        Checked before anything is written, so that any other file is refused untouched with a
        SourceError: not SQLite, another program's database (tables, but not ours: given our
        tables before, or its own ``articles`` table read as ours), another schema version.
        """
        try:
            tables = [
                row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            version = self._meta("schema") if "meta" in tables else None
        except sqlite3.OperationalError as exc:  # a foreign meta table, a locked file
            raise SourceError(f"{self._label}: cannot open as a newsbrief stream store ({exc})") from exc
        except sqlite3.DatabaseError as exc:  # not an SQLite file at all
            raise SourceError(f"{self._label}: not a newsbrief stream store ({exc})") from exc
        if tables and version is None:
            raise SourceError(
                f"{self._label}: not a newsbrief stream store (an SQLite database with tables "
                f"{', '.join(sorted(tables))}); give a new file"
            )
        if version is None and not create:
            raise SourceError(f"{self._label}: not a newsbrief stream store (an empty database)")
        if version is not None and version != str(SCHEMA_VERSION):
            raise SourceError(f"{self._label}: store schema {version}, this newsbrief reads {SCHEMA_VERSION}")
        return version

    def check_settings(self, settings: dict[str, object]) -> None:
        """Record the clusterer settings in a new store; OptionError when an old one used others."""
        wanted = json.dumps(settings, sort_keys=True)
        stored = self._meta("settings")
        if stored is None:
            self._db.execute("INSERT INTO meta VALUES ('settings', ?)", (wanted,))
        elif stored != wanted:
            raise OptionError(
                f"{self._label} was clustered with other settings ({stored}); "
                "open it with those or start a new store"
            )

    def settings(self) -> ClusterSettings | None:
        """The clusterer settings the store was made with, or None if it has none yet.

        A store goes on with the settings it was made with, so a newer default does not lock a
        user out of a store made before it. SourceError when they name a setting this newsbrief
        does not know.
        """
        stored = self._meta("settings")
        if stored is None:
            return None
        try:
            return ClusterSettings(**json.loads(stored))
        except TypeError as exc:
            raise SourceError(f"{self._label}: settings this newsbrief does not know ({exc})") from exc

    def articles(self) -> Iterator[ArticleRecord]:
        """Every stored article with its assignment, in arrival order."""
        self.commit()
        rows = self._db.execute(
            "SELECT a.seq, a.key, a.text_sha256, a.id, a.outlet, a.title, a.url, a.published, a.text,"
            " a.source, a.time, a.language, a.terms, a.weights, a.minhash, a.dense, s.story, s.similarity,"
            " s.duplicate_of FROM articles a JOIN assignments s ON s.article = a.seq ORDER BY a.seq"
        )
        for row in rows:
            article = Article(
                id=row[3],
                outlet=row[4],
                title=row[5],
                url=row[6],
                published=row[7],
                text=row[8],
                source=row[9],
            )
            yield ArticleRecord(row[0], row[1], row[2], article, *row[10:])

    def merges(self) -> list[MergeRecord]:
        """Every merge, in the order it happened."""
        self.commit()
        rows = self._db.execute("SELECT seq, kept, merged, similarity FROM merges ORDER BY seq, rowid")
        return [MergeRecord(*row) for row in rows]

    def add(self, record: ArticleRecord, *, new_story: bool, merges: Sequence[MergeRecord]) -> None:
        """Add an article, its assignment and the merges it caused; written at the next ``commit``."""
        pending = self._pending
        if new_story:
            pending.stories.append((record.story, record.language))
        pending.articles.append(_article_row(record))
        pending.assignments.append((record.seq, record.story, record.similarity, record.duplicate_of))
        pending.merges.extend((merge.seq, merge.kept, merge.merged, merge.similarity) for merge in merges)

    def commit(self) -> None:
        """Write the articles added since the last commit in one transaction."""
        if self._pending.articles:
            self._write(self._pending)
            self._pending = _Pending([], [], [], [])

    def _write(self, pending: _Pending) -> None:
        """Write the pending rows in one transaction, each table's in the order they were added."""
        with self._transaction():
            self._db.executemany("INSERT INTO stories VALUES (?, ?)", pending.stories)
            self._db.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                pending.articles,
            )
            self._db.executemany("INSERT INTO assignments VALUES (?, ?, ?, ?)", pending.assignments)
            self._db.executemany("INSERT INTO merges VALUES (?, ?, ?, ?)", pending.merges)

    def close(self) -> None:
        """Close the database (an in-memory store is gone after this) and let another writer in."""
        self._db.close()
        if self._writer_lock is not None:
            self._writer_lock.close()  # closing the file releases its lock
            self._writer_lock = None

    def _meta(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


def _lock_for_writing(path: Path, label: str) -> BinaryIO | None:
    """The store file held open with an exclusive ``flock``, so that one process at a time writes
    to it; SourceError when another holds it.

    Each writer keeps the store's state in memory and numbers articles from it, so a second writer
    (``cluster --db`` while ``watch`` runs on the file) made the first fail on its next article
    (``UNIQUE constraint failed: articles.seq``). The kernel drops the lock when the process ends,
    however it ends (a SIGKILL leaves no stale lock); SQLite's own locks are ``fcntl`` byte ranges,
    which ``flock`` does not touch, so readers (``serve --db``) are not held up. None where the
    system has no ``flock`` (Windows): there the rule is the user's.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux or macOS
        return None
    file = path.open("rb")
    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        file.close()
        raise SourceError(
            f"{label}: another writer holds this store (a newsbrief watch or cluster --db, or a Store "
            "this program has not closed); stop or close it first, or give another file"
        ) from None
    return file


class _Pending(NamedTuple):
    """The rows of the articles added since the last commit, one list per table.

    Lists of rows per table, not an object per article holding its rows: the rows of up to 256
    articles wait here for the commit, and every list and object an article added was one more
    the garbage collector tracked and traversed meanwhile (six per article, now two or three).
    """

    stories: list[tuple[int, str]]
    articles: list[tuple[object, ...]]
    assignments: list[tuple[int, int, float, int | None]]
    merges: list[tuple[int, int, int, float]]


def _article_row(record: ArticleRecord) -> tuple[object, ...]:
    """The article's row of the ``articles`` table."""
    article = record.article
    return (
        record.seq,
        record.key,
        record.text_sha256,
        article.id,
        article.outlet,
        article.title,
        article.url,
        article.published,
        article.text,
        article.source,
        record.time,
        record.language,
        record.terms,
        record.weights,
        record.minhash,
        record.dense,
    )


class _Transaction:
    """BEGIN on entry; COMMIT on a clean exit, ROLLBACK when the block raised."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN")

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def not_a_file(path: Path) -> str:
    """What stands at ``path`` that cannot hold a store, "a folder" or "a device or a pipe"; ""
    for a file or nothing yet."""
    if path.is_dir():
        return "a folder"
    if path.exists() and not path.is_file():
        return "a device or a pipe"
    return ""


def _cannot_open(path: Path | None, exc: sqlite3.OperationalError) -> str:
    """Why SQLite could not open the store's file, said so that the user can act on it: SQLite
    itself says "unable to open database file" for a file in a missing folder."""
    if path is not None and not path.parent.is_dir():
        return f"cannot open as a newsbrief stream store (no folder {path.parent})"
    return f"cannot open as a newsbrief stream store ({exc})"
