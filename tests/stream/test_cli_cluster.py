"""``newsbrief cluster`` on real articles: stories as JSONL, briefs, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from newsbrief_cli import run_newsbrief

ROOT = Path(__file__).resolve().parent.parent.parent
BASIL = ROOT / "tests" / "fixtures" / "stream" / "basil-24.jsonl"


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return run_newsbrief("cluster", *arguments)


def test_stories_are_written_one_per_line_and_the_same_bytes_twice(tmp_path: Path) -> None:
    first, second = run(str(BASIL)), run(str(BASIL))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    stories = [json.loads(line) for line in first.stdout.splitlines()]
    keys = [key for story in stories for key in story["articles"]]
    assert len(keys) == len(set(keys)) == 24
    assert {
        "id",
        "articles",
        "duplicates",
        "outlets",
        "first_published",
        "last_published",
        "title",
        "keywords",
    } <= set(stories[0])
    assert first.stderr == ""  # no progress bar when stderr is not a terminal


def test_briefs_are_written_for_stories_with_two_outlets(tmp_path: Path) -> None:
    result = run(
        str(BASIL),
        "--briefs",
        str(tmp_path / "briefs"),
        "--format",
        "md,json",
        "-o",
        str(tmp_path / "s.jsonl"),
    )
    assert result.returncode == 0, result.stderr
    stories = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    wide = {story["id"] for story in stories if len(story["outlets"]) >= 2}
    assert wide
    assert {path.stem for path in (tmp_path / "briefs").glob("*.md")} == wide
    assert {path.stem for path in (tmp_path / "briefs").glob("*.json")} == wide


def test_a_key_with_two_texts_exits_2_with_one_line_naming_both(tmp_path: Path) -> None:
    lines = BASIL.read_text(encoding="utf-8").splitlines()
    first, second = json.loads(lines[0]), json.loads(lines[5])
    second["id"] = first["id"]
    clash = tmp_path / "clash.jsonl"
    clash.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    result = run(str(clash))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "clash.jsonl line 1" in result.stderr and "clash.jsonl line 2" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_format_exits_2() -> None:
    result = run(str(BASIL), "--briefs", "out", "--format", "pdf")
    assert result.returncode == 2
    assert "--format 'pdf': choose from md (markdown), json, html, text (txt)" in result.stderr


def test_issue_cli_briefs_take_the_format_names_summarize_takes_one_file_each(tmp_path: Path) -> None:
    """`cluster -f markdown,txt` was refused where `summarize -f txt` works."""
    result = run(
        str(BASIL), "--briefs", str(tmp_path / "briefs"), "-f", "markdown,txt,md,text", "-o", os.devnull
    )
    assert result.returncode == 0, result.stderr
    written = sorted(path.name for path in (tmp_path / "briefs").iterdir())
    assert written and {name.rsplit(".", 1)[1] for name in written} == {"md", "txt"}
    assert len(written) == 2 * len({name.rsplit(".", 1)[0] for name in written})


def test_issue_cli_briefs_into_an_input_folder_are_refused(tmp_path: Path, aleppo_dir: Path) -> None:
    """`cluster al2 --briefs al2` wrote the briefs among the articles, and the next run read them as
    articles; `-o` naming an input was already refused."""
    folder = tmp_path / "al2"
    folder.mkdir()
    for article in aleppo_dir.glob("*.txt"):
        (folder / article.name).write_bytes(article.read_bytes())
    result = run_newsbrief("cluster", "al2", "--briefs", "al2", "-o", os.devnull, cwd=tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        2,
        "error: --briefs al2: it is an input folder of this run; give another folder",
    )
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        path.name for path in aleppo_dir.glob("*.txt")
    )


def test_issue_walk_a_format_without_briefs_is_refused() -> None:
    """--format names the briefs' formats; without --briefs it was ignored unsaid (the stories
    are JSONL whatever it says)."""
    result = run(str(BASIL), "--format", "html")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: --format html is the format of the briefs: give --briefs DIR too"
    assert result.stdout == ""


def test_a_store_goes_on_with_the_settings_it_was_made_with(tmp_path: Path) -> None:
    """A store made with other settings (an older default, or --window 7) is added to with its
    own settings when --window is not given, and refused in one line when another is."""
    lines = BASIL.read_text(encoding="utf-8").splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    db = str(tmp_path / "x.sqlite")
    made = run(str(tmp_path / "first.jsonl"), "--db", db, "--window", "7")
    assert made.returncode == 0, made.stderr

    grown = run(str(BASIL), "--db", db)
    assert grown.returncode == 0, grown.stderr
    assert sum(len(json.loads(line)["articles"]) for line in grown.stdout.splitlines()) == 24
    whole = run(str(BASIL), "--db", str(tmp_path / "whole.sqlite"), "--window", "7")
    assert grown.stdout == whole.stdout

    refused = run(str(BASIL), "--db", db, "--window", "3")
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert f"--window 3: {db} was clustered with --window 7; leave --window out" in refused.stderr


def test_a_briefs_folder_that_cannot_be_made_exits_2_before_any_store_is_written(tmp_path: Path) -> None:
    """--briefs naming a file (or a folder under one) is one line and exit 2, found before the
    stream is clustered: the store named by --db is not even created."""
    taken = tmp_path / "taken.md"
    taken.write_text("# notes\n", encoding="utf-8")
    for folder in (taken, taken / "briefs"):
        result = run(str(BASIL), "--briefs", str(folder), "--db", str(tmp_path / "x.sqlite"))
        assert result.returncode == 2, result.stderr
        # issue: it said "File exists" and "Not a directory"
        assert result.stderr.splitlines() == [
            f"error: cannot write to the folder {folder}: {taken} is a file"
        ]
    assert not (tmp_path / "x.sqlite").exists()


def test_multi_news_stories_get_briefs_and_what_reading_left_out_is_noted(tmp_path: Path) -> None:
    """Flattened Multi-News documents are outlets ``document <n>``, as ``summarize`` names them,
    so a story of several gets its brief (with no outlet they were one outlet, "", and got none);
    an empty document, a skipped folder entry and a cp1252 file are notes, not dropped silently."""
    sample = ROOT / "tests" / "fixtures" / "multinews-sample.jsonl"
    record = json.loads(sample.read_text(encoding="utf-8").splitlines()[0])
    record["documents"].insert(1, "  ")
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps(record) + "\n", encoding="utf-8")
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    npr = (ROOT / "examples" / "aleppo" / "npr.txt").read_text(encoding="utf-8")
    (folder / "npr.txt").write_bytes(npr.encode("cp1252"))
    result = run(str(stories), str(folder), "--briefs", str(tmp_path / "briefs"))
    assert result.returncode == 0, result.stderr
    (first, *_) = [json.loads(line) for line in result.stdout.splitlines()]
    n = len(record["documents"])
    assert first["outlets"] == [f"document {number}" for number in range(1, n + 1) if number != 2]
    assert (tmp_path / "briefs" / f"{first['id']}.md").is_file()
    assert result.stderr.splitlines() == [
        f"note: {stories} line 1: skipped empty document 2",
        f"note: {folder / 'npr.txt'}: not valid UTF-8; decoded as cp1252",
        f"note: {folder}: skipped 1 entry that is not articles: sub/",
        "note: 5 of 5 articles have no readable date: each was placed as if published with the article "
        "before it in the input",
    ]


def test_feed_files_are_read_as_their_entries_articles(tmp_path: Path) -> None:
    feeds = []
    for name in ("rss.xml", "atom.xml"):
        feed = tmp_path / name
        # links at a loopback address: the CLI's fetch refuses them, so the summaries stand in
        text = (BASIL.parent / name).read_text()
        feed.write_text(text.replace("http://news.example/pages/", "http://127.0.0.1:9/"))
        feeds.append(str(feed))
    result = run(*feeds)
    assert result.returncode == 0, result.stderr
    keys = {key for line in result.stdout.splitlines() for key in json.loads(line)["articles"]}
    assert keys == {
        "https://www.nytimes.com/2010/05/18/nyregion/18blumenthal.html",
        "https://www.nytimes.com/2010/05/29/us/politics/29sestak.html",
        "tag:npr.org,2016-10-05:496748227",
    }
    assert result.stderr.count("the entry's summary stands in for its page") == 3


def test_stories_whose_articles_name_no_outlet_are_noted_not_briefed_silently(tmp_path: Path) -> None:
    """AllSides leads carry no outlet or url: the stories they form get no brief, and a note says why."""
    allsides = BASIL.parent / "allsides-30.jsonl"
    result = run(str(allsides), "--briefs", str(tmp_path / "briefs"))
    assert result.returncode == 0, result.stderr
    several = sum(len(json.loads(line)["articles"]) >= 2 for line in result.stdout.splitlines())
    assert several > 0
    assert not list((tmp_path / "briefs").iterdir())
    story_word = "story" if several == 1 else "stories"
    assert (
        f"no brief for {several} {story_word} of several articles: none of their articles names"
        in result.stderr
    )


def _basil_records(count: int) -> list[dict[str, object]]:
    """The first ``count`` article records of the BASIL fixture."""
    lines = BASIL.read_text(encoding="utf-8").splitlines()[:count]
    return [json.loads(line) for line in lines]


def test_issue_walk_a_jsonl_line_not_in_utf8_is_read_as_cp1252_with_a_note(tmp_path: Path) -> None:
    """A JSONL line in cp1252 is decoded as ``summarize`` decodes it, with one note (it was an
    internal error, exit code 1)."""
    record = _basil_records(1)[0]
    record["title"] = "Glenn Beck’s speech at CPAC — in full"
    (tmp_path / "cp1252.jsonl").write_bytes((json.dumps(record, ensure_ascii=False) + "\n").encode("cp1252"))
    result = run_newsbrief("cluster", "cp1252.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Glenn Beck’s speech at CPAC — in full"
    assert result.stderr.strip() == "note: cp1252.jsonl line 1: not valid UTF-8; decoded as cp1252"


def test_issue_walk_many_lines_not_in_utf8_are_one_note(tmp_path: Path) -> None:
    records = _basil_records(3)
    (tmp_path / "latin.jsonl").write_bytes(
        b"".join(
            # the outlet's é in latin-1; the rest is ASCII (JSON escapes)
            json.dumps({**record, "outlet": "Le Monde \u00e9"}).replace("\\u00e9", "\u00e9").encode("latin-1")
            + b"\n"
            for record in records
        )
    )
    result = run_newsbrief("cluster", "latin.jsonl", "-o", "s.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == (
        "note: latin.jsonl: 3 lines are not valid UTF-8 (the first: line 1); each was decoded as cp1252 or latin-1"
    )


@pytest.mark.parametrize(
    "line, error",
    [
        (
            '{"id": "a", "text": "Glenn Beck spoke at CPAC.\\u0000 He blamed progressivism."}',
            'bad.jsonl line 1: "text" has a NUL character (U+0000) at column 26: binary data, not text',
        ),
        (
            '{"id": ["a"], "text": "Glenn Beck spoke at CPAC."}',
            'bad.jsonl line 1: "id" must be a string or a whole number (got array)',
        ),
        (
            '{"id": "a", "text": "Glenn Beck spoke at CPAC.}',
            "bad.jsonl line 1: not valid JSON (Unterminated string starting at)",
        ),
    ],
)
def test_issue_walk_a_bad_jsonl_record_is_refused_as_summarize_refuses_it(
    tmp_path: Path, line: str, error: str
) -> None:
    """A NUL in the text, an id that is not a string, broken JSON: one line naming the line and
    the reason, as ``summarize`` says it (the NUL and the id were taken; the reason was missing)."""
    (tmp_path / "bad.jsonl").write_text(line + "\n", encoding="utf-8")
    result = run_newsbrief("cluster", "bad.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {error}"
    assert run_newsbrief("summarize", "bad.jsonl", cwd=tmp_path).stderr.strip() == f"error: {error}"


def test_issue_walk_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    source = tmp_path / "bom.jsonl"
    source.write_text(
        "\n".join(json.dumps(record) for record in _basil_records(2)) + "\n", encoding="utf-8-sig"
    )
    result = run(str(source))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout.splitlines()[0])["articles"]) == 2


def test_issue_walk_an_empty_jsonl_is_a_note_and_no_output(tmp_path: Path) -> None:
    """No stories print nothing (not one blank line, which is not JSONL), and the empty file is noted."""
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    result = run_newsbrief("cluster", "empty.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.strip() == "note: empty.jsonl: empty file; no articles read from it"


def test_issue_cli_an_empty_file_or_record_of_a_stream_is_a_note_not_the_end(
    tmp_path: Path, aleppo_dir: Path
) -> None:
    """One empty file in a folder of thousands, or one record with empty text, ended the run
    (exit 2) where the README promised a note."""
    folder = tmp_path / "scrape"
    folder.mkdir()
    for article in aleppo_dir.glob("*.txt"):
        (folder / article.name).write_bytes(article.read_bytes())
    (folder / "zz_empty.txt").write_text("", encoding="utf-8")
    (folder / "zz_blank.html").write_text("<html><body></body></html>", encoding="utf-8")
    result = run_newsbrief("cluster", "scrape", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sum(len(json.loads(line)["articles"]) for line in result.stdout.splitlines()) == 3
    assert "note: scrape/zz_empty.txt: empty file; skipped" in result.stderr.splitlines()
    assert (
        "note: scrape/zz_blank.html: no article text found in the HTML; skipped" in result.stderr.splitlines()
    )
    records = [*_basil_records(2), {"id": "blank", "outlet": "NPR", "text": "  "}]
    (tmp_path / "blank.jsonl").write_text(
        "\n".join(json.dumps(record) for record in records), encoding="utf-8"
    )
    result = run_newsbrief("cluster", "blank.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "note: blank.jsonl line 3: skipped an article record with empty text" in result.stderr.splitlines()
    (tmp_path / "typed.jsonl").write_text(json.dumps({"id": "x", "text": 5}), encoding="utf-8")
    result = run_newsbrief("cluster", "typed.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        2,
        'error: typed.jsonl line 1: "text" must be a string (got number)',
    )


def test_issue_cli_a_story_records_titles_name_its_documents_as_summarize_reads_them(tmp_path: Path) -> None:
    """`cluster` left the NeuS roundups' "titles" unread (stories without a title or keywords)
    and let a "titles" that is no array pass unsaid, where `summarize` reads and checks them."""
    records = _basil_records(3)
    story = {
        "id": "beck",
        "documents": [record["text"] for record in records],
        "titles": [record["title"] for record in records],
    }
    (tmp_path / "story.jsonl").write_text(json.dumps(story), encoding="utf-8")
    result = run_newsbrief("cluster", "story.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    titles = {json.loads(line)["title"] for line in result.stdout.splitlines()}
    assert titles and titles <= {record["title"] for record in records}
    (tmp_path / "bad.jsonl").write_text(json.dumps({**story, "titles": "Beck"}), encoding="utf-8")
    result = run_newsbrief("cluster", "bad.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        2,
        'error: bad.jsonl line 1: "titles" must be an array (got string)',
    )


GERMAN = (
    "Die Schlacht um Aleppo tobt seit zwei Wochen und erzeugt tragische Bilder von verletzten "
    "Zivilisten in den Trümmern. Die Stadt war einst die bevölkerungsreichste des Landes und "
    "ein Handelszentrum, heute ist sie ein Schlüsselpreis im Bürgerkrieg."
)


@pytest.mark.parametrize("engine", ["embedded", "dask"])
def test_issue_walk_undated_and_not_english_articles_are_noted(tmp_path: Path, engine: str) -> None:
    """As ``POST /v1/stories`` says it in its notices, ``cluster`` notes on stderr the articles
    with no readable date and those not in English (they were placed and grouped silently)."""
    records: list[dict[str, object]] = _basil_records(3)
    records[1]["published"] = "yesterday"
    records.append({"id": "de", "outlet": "Die Zeit", "published": "2010-02-21", "text": GERMAN})
    (tmp_path / "mixed.jsonl").write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8"
    )
    workers = ("--workers", "1") if engine == "dask" else ()
    result = run_newsbrief("cluster", "mixed.jsonl", "--engine", engine, *workers, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    notes = result.stderr.strip().splitlines()
    assert notes == [
        "note: 1 of 4 articles has no readable date: each was placed as if published with the article "
        "before it in the input",
        "note: 1 article does not look like English: grouped only with articles not in English",
    ]


def test_issue_a_rerun_over_a_db_notes_only_its_own_articles_not_in_english(tmp_path: Path) -> None:
    """The not-English note counted every such article of the store: a second run over --db, of
    English articles only, still said the first run's German article "does not look like English"."""
    records: list[dict[str, object]] = _basil_records(6)
    german = {"id": "de", "outlet": "Die Zeit", "published": "2010-02-21", "text": GERMAN}
    (tmp_path / "first.jsonl").write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in [*records[:3], german]),
        encoding="utf-8",
    )
    (tmp_path / "more.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records[3:]), encoding="utf-8"
    )
    first = run_newsbrief("cluster", "first.jsonl", "--db", "s.sqlite", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stderr.strip() == (
        "note: 1 article does not look like English: grouped only with articles not in English"
    )
    more = run_newsbrief("cluster", "more.jsonl", "--db", "s.sqlite", cwd=tmp_path)
    assert more.returncode == 0, more.stderr
    assert more.stderr == ""
    keys = [key for line in more.stdout.splitlines() for key in json.loads(line)["articles"]]
    assert "de" in keys  # the German article's story is still listed, only not noted again


def test_issue_walk_a_folder_whose_file_names_share_40_characters_gives_no_note_of_renamed_ids(
    tmp_path: Path,
) -> None:
    """A story makes ids of file names (40 characters) and renames the second of two alike; the
    stream keys each article by its text instead, so that note (printed before) named ids that
    no story line holds."""
    aleppo = ROOT / "examples" / "aleppo"
    (tmp_path / "site").mkdir()
    for name in ("npr", "aljazeera"):
        long_name = f"aleppo-coverage-by-two-outlets-in-october-2016-{name}.txt"
        (tmp_path / "site" / long_name).write_text(
            (aleppo / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
    result = run_newsbrief("cluster", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    keys = [key for line in result.stdout.splitlines() for key in json.loads(line)["articles"]]
    assert len(keys) == 2 and all(key.startswith("sha256:") for key in keys)
    assert "renamed" not in result.stderr


def test_issue_walk_articles_stored_before_or_repeated_in_the_input_are_noted(tmp_path: Path) -> None:
    """A rerun over a --db, and a record given twice: each article is counted once, as before,
    and now a note says so (the rerun's output was the same with nothing said)."""
    lines = BASIL.read_text(encoding="utf-8").splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text("\n".join([*lines[:6], lines[5]]) + "\n", encoding="utf-8")
    first = run_newsbrief("cluster", "first.jsonl", "--db", "s.sqlite", cwd=tmp_path)
    assert first.returncode == 0 and first.stderr == "", first.stderr
    more = run_newsbrief("cluster", "more.jsonl", "--db", "s.sqlite", cwd=tmp_path)
    assert more.returncode == 0, more.stderr
    assert more.stderr.splitlines() == [
        "note: 4 of 6 articles are already in s.sqlite: not added again",
        "note: 1 of 7 articles repeats an earlier one of the input (the same key and text): each counted once",
    ]
    keys = [key for line in more.stdout.splitlines() for key in json.loads(line)["articles"]]
    assert len(keys) == len(set(keys)) == 6


def test_an_article_stored_with_other_text_is_refused_before_anything_is_added(tmp_path: Path) -> None:
    """A rerun whose record of a stored key has been edited since: the note counted it as stored,
    "not added again", and then the run refused it, after the input's new articles published
    before it had been added. Now one error line, and the store is as it was."""
    lines = BASIL.read_text(encoding="utf-8").splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    edited = json.loads(lines[1])
    edited["text"] = edited["text"].replace(" the ", " a ", 1)
    (tmp_path / "edited.jsonl").write_text(
        "\n".join([*lines[4:8], json.dumps(edited)]) + "\n", encoding="utf-8"
    )
    assert run_newsbrief("cluster", "first.jsonl", "--db", "s.sqlite", cwd=tmp_path).returncode == 0
    refused = run_newsbrief("cluster", "edited.jsonl", "--db", "s.sqlite", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        f"error: article key {edited['id']!r}: edited.jsonl line 5 has different text from first.jsonl "
        "line 2, read before it; nothing was overwritten"
    ]
    again = run_newsbrief("cluster", "first.jsonl", "--db", "s.sqlite", cwd=tmp_path)
    assert again.stderr.strip() == "note: 4 of 4 articles are already in s.sqlite: not added again"
    assert sum(len(json.loads(line)["articles"]) for line in again.stdout.splitlines()) == 4


def test_issue_walk_jsonl_on_standard_input_keeps_each_records_id(tmp_path: Path) -> None:
    """``cluster -`` read JSONL as one story and dropped its ids, keying each article by its
    text: other keys than the file's, so a store filled from the file took every article again
    from the pipe. Now the same stories, and nothing added twice."""
    from_file = run(str(BASIL), "--db", str(tmp_path / "s.sqlite"))
    assert from_file.returncode == 0, from_file.stderr
    piped = run_newsbrief(
        "cluster", "-", "--db", str(tmp_path / "s.sqlite"), stdin=BASIL.read_text(encoding="utf-8")
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == from_file.stdout
    assert (
        piped.stderr.strip()
        == f"note: 24 of 24 articles are already in {tmp_path / 's.sqlite'}: not added again"
    )


def test_text_on_standard_input_is_still_one_article() -> None:
    npr = (ROOT / "examples" / "aleppo" / "npr.txt").read_text(encoding="utf-8")
    result = run_newsbrief("cluster", "-", stdin=npr)
    assert result.returncode == 0, result.stderr
    (story,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert story["outlets"] == ["stdin"] and story["articles"][0].startswith("sha256:")


def test_issue_walk_a_json_file_is_read_as_its_jsonl_would_be(tmp_path: Path) -> None:
    """A JSON array of article records: each record's id is its key, as on a JSONL line (the
    ids were dropped and every article keyed by its text); an array of story records is read
    (it was refused: 'holds 2 stories but a brief is made from one')."""
    records = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines()]
    (tmp_path / "basil.json").write_text(json.dumps(records), encoding="utf-8")
    from_json, from_jsonl = run(str(tmp_path / "basil.json")), run(str(BASIL))
    assert from_json.returncode == 0, from_json.stderr
    assert from_json.stdout == from_jsonl.stdout
    sample = (ROOT / "tests" / "fixtures" / "multinews-sample.jsonl").read_text(encoding="utf-8").splitlines()
    stories = [json.loads(line) for line in sample[:2]]
    (tmp_path / "two.json").write_text(json.dumps(stories), encoding="utf-8")
    result = run(str(tmp_path / "two.json"))
    assert result.returncode == 0, result.stderr
    keys = {key for line in result.stdout.splitlines() for key in json.loads(line)["articles"]}
    assert {key.rsplit("-", 1)[0] for key in keys} == {story["id"] for story in stories}


def test_issue_walk_a_folder_is_its_files_each_read_as_given_alone(tmp_path: Path) -> None:
    """A folder holding a JSONL file: its records keep their ids as keys (the folder was read as
    one story, its ids dropped); a folder of more than 500 article files is read (it was refused:
    'a story can hold at most 500 articles')."""
    (tmp_path / "jsonl").mkdir()
    (tmp_path / "jsonl" / "basil.jsonl").write_bytes(BASIL.read_bytes())
    assert run(str(tmp_path / "jsonl")).stdout == run(str(BASIL)).stdout
    probe = ROOT / "tests" / "fixtures" / "stream" / "allsides-30.jsonl"
    texts = [json.loads(line)["text"] for line in probe.read_text(encoding="utf-8").splitlines()]
    (tmp_path / "many").mkdir()
    for number in range(501):  # the roundups' lead excerpts, numbered apart so none is a copy
        text = f"Report {number}. {texts[number % len(texts)]}"
        (tmp_path / "many" / f"{number:04d}.txt").write_text(text, encoding="utf-8")
    result = run(str(tmp_path / "many"), "-o", str(tmp_path / "s.jsonl"))
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()
    assert sum(len(json.loads(line)["articles"]) for line in lines) == 501


def test_issue_walk_a_feed_with_no_entries_is_noted(tmp_path: Path) -> None:
    """A well-formed feed with no entries gave no story and no word (an empty JSONL file is noted too)."""
    rss = (ROOT / "tests" / "fixtures" / "stream" / "rss.xml").read_text(encoding="utf-8")
    empty = rss[: rss.index("<item>")] + rss[rss.rindex("</item>") + len("</item>") :]
    (tmp_path / "quiet.xml").write_text(empty, encoding="utf-8")
    result = run_newsbrief("cluster", "quiet.xml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.strip() == "note: quiet.xml: no articles read from the feed"


def test_issue_walk_a_story_with_no_text_left_is_noted_and_the_run_goes_on(tmp_path: Path) -> None:
    """Two outlets' copies of a newsletter box (all boilerplate, which cleaning removes) beside
    real stories: its brief cannot be made, which ended the whole run with exit code 2 and
    wrote no stories; now it is a note naming the story, and the rest are written."""
    records = _basil_records(3)
    box = "Advertisement\n\nSubscribe to our newsletter."
    records += [
        {
            "id": f"box-{outlet}",
            "outlet": outlet,
            "published": "2010-02-21",
            "title": "Subscribe",
            "text": box,
        }
        for outlet in ("Fox News", "HuffPost")
    ]
    (tmp_path / "mixed.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8"
    )
    result = run_newsbrief("cluster", "mixed.jsonl", "--briefs", "briefs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    stories = [json.loads(line) for line in result.stdout.splitlines()]
    box_story = next(story for story in stories if "box-Fox News" in story["articles"])
    assert result.stderr.strip() == (
        f"note: no brief for 1 story ({box_story['id']}): no article text left after cleaning"
    )
    assert sorted(path.name for path in (tmp_path / "briefs").iterdir()) == [f"{stories[0]['id']}.md"]


def test_issue_walk_output_onto_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    """``-o`` naming the input file replaced the articles with the stories (exit code 0)."""
    (tmp_path / "articles.jsonl").write_bytes(BASIL.read_bytes())
    result = run_newsbrief("cluster", "articles.jsonl", "-o", "./articles.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: cannot write articles.jsonl: it is an input of this run; give another file"
    )
    assert (tmp_path / "articles.jsonl").read_bytes() == BASIL.read_bytes()
