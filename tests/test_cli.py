"""End-to-end tests of the ``newsbrief`` command: real processes on the real Aleppo articles."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.pipeline import ingest
from newsbrief_cli import run_newsbrief

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "examples" / "aleppo"
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "multinews-sample.jsonl"
BASIL_24 = Path(__file__).resolve().parent / "fixtures" / "stream" / "basil-24.jsonl"


def run(*arguments: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    text = stdin.decode("utf-8", "replace") if stdin is not None else None
    return run_newsbrief(*arguments, stdin=text, timeout=120)


def test_summarize_aleppo_markdown(aleppo_dir: Path) -> None:
    result = run("summarize", str(aleppo_dir))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "READ MORE" not in out
    assert "Copyright 2016 NPR" not in out
    assert out.count("What we are witnessing today is the regime's most aggressive push") <= 1
    assert "## Sources" in out
    for name in ("aljazeera", "npr", "zerohedge"):
        assert name in out


def test_summarize_json_spans_match_the_sources(aleppo_dir: Path) -> None:
    result = run("summarize", str(aleppo_dir), "--format", "json", "--explain", "--words", "150")
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    texts = {article["id"]: article["text"] for article in brief["articles"]}
    assert brief["words"] <= 150
    assert brief["summary"]
    for line in brief["summary"]:
        assert line["citations"], line
        for citation in line["citations"]:
            assert texts[citation["article_id"]][citation["start"] : citation["end"]] == citation["text"]


def test_explain_lists_what_cleaning_removed(aleppo_dir: Path) -> None:
    result = runner.invoke(app, ["summarize", str(aleppo_dir), "--explain"])
    assert result.exit_code == 0, result.output
    assert "READ MORE: Why Aleppo matters" in result.output
    assert "Copyright 2016 NPR" in result.output
    assert "repeated paragraph" in result.output


def test_output_file_and_html(aleppo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    result = runner.invoke(app, ["summarize", str(aleppo_dir), "-f", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "Aleppo" in page


def test_an_output_file_holds_what_stdout_prints_ending_in_a_line_break(
    aleppo_dir: Path, tmp_path: Path
) -> None:
    printed = run("summarize", str(aleppo_dir), "--words", "60")
    target = tmp_path / "brief.txt"
    written = run("summarize", str(aleppo_dir), "--words", "60", "-o", str(target))
    assert printed.returncode == written.returncode == 0, written.stderr
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert printed.stdout.endswith("words\n")


def test_stdin_is_read_with_a_dash(aleppo_dir: Path) -> None:
    text = (aleppo_dir / "npr.txt").read_bytes()
    result = run("summarize", "-", "--words", "60", stdin=text)
    assert result.returncode == 0, result.stderr
    assert "Aleppo" in result.stdout
    assert "only one article" in result.stdout


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    "make_source, message",
    [
        (lambda tmp: str(tmp / "missing.txt"), "no such file"),
        (lambda tmp: _write(tmp / "empty.txt", b""), "empty"),
        (lambda tmp: _write(tmp / "blank.txt", b"  \n\n \n"), "empty"),
        (
            lambda tmp: _write(tmp / "junk.txt", b"READ MORE: Why Aleppo matters\n\nAdvertisement\n"),
            "no article text",
        ),
        (lambda tmp: _write(tmp / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
        (
            lambda tmp: _write(tmp / "nul.jsonl", b'{"text": "Residents fled\\u0000 west."}\n'),
            'nul.jsonl line 1: "text" has a NUL character (U+0000) at column 15: binary data, not text',
        ),
        (lambda tmp: _write(tmp / "bad.jsonl", b'{"text": "fine"}\n{"text": broken\n'), "line 2"),
        (lambda tmp: _write(tmp / "nofield.jsonl", b'{"title": "no text"}\n'), "line 1"),
        (lambda tmp: f"http://127.0.0.1:{_closed_port()}/article", "cannot fetch"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(tmp_path: Path, make_source, message: str) -> None:  # type: ignore[no-untyped-def]
    result = run("summarize", make_source(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error:")
    assert message in lines[0]


def test_an_unknown_style_is_one_line_and_exit_code_2(aleppo_dir: Path) -> None:
    result = run("summarize", str(aleppo_dir), "--style", "fair")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["error: unknown style 'fair': choose neutral or extract"]


def test_the_default_neutral_style_flags_no_own_voice_line_on_aleppo(aleppo_dir: Path) -> None:
    neutral = run("summarize", str(aleppo_dir), "--format", "json")
    extract = run("summarize", str(aleppo_dir), "--style", "extract")
    assert neutral.returncode == extract.returncode == 0
    brief = json.loads(neutral.stdout)
    assert brief["options"]["style"] == "neutral"
    assert all(line["voice"] is None for line in brief["summary"])
    assert "As we noted" in extract.stdout and "As we noted" not in neutral.stdout


def test_input_above_the_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, aleppo_dir: Path) -> None:
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 1000)
    result = runner.invoke(app, ["summarize", str(aleppo_dir / "npr.txt")])
    assert result.exit_code == 2
    assert "error:" in result.output


def test_non_utf8_file_is_decoded_with_a_stated_fallback(tmp_path: Path, aleppo_dir: Path) -> None:
    text = (aleppo_dir / "npr.txt").read_text(encoding="utf-8").replace("—", "-").replace("–", "-")
    path = _write(tmp_path / "latin.txt", text.replace("Assad", "Assad café").encode("cp1252"))
    result = run("summarize", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    codes = [notice["code"] for notice in json.loads(result.stdout)["notices"]]
    assert "decode-fallback" in codes


@pytest.mark.parametrize(
    "arguments",
    [
        ["--words", "5"],
        ["--format", "pdf"],
        ["--sentences", "0"],
        ["--sentences", "5001"],  # the API's cap, which the CLI did not have
        ["--analysis", "facts,sentiment"],
    ],
)
def test_bad_options_are_one_line_and_exit_code_2(aleppo_dir: Path, arguments: list[str]) -> None:
    result = run("summarize", str(aleppo_dir), *arguments)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("error:")


def test_eval_prints_a_table_beside_the_peers(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures"
    stories = fixtures / "multinews-sample.jsonl"
    ids = [json.loads(line)["id"] for line in stories.read_text(encoding="utf-8").splitlines()]
    peers = tmp_path / "peers.jsonl"
    peers.write_text(
        "\n".join(
            json.dumps({"id": story_id, "lead": "The House approved a measure on Thursday."})
            for story_id in ids
        ),
        encoding="utf-8",
    )
    predictions = tmp_path / "predictions.jsonl"
    result = run("eval", str(stories), "--peers", str(peers), "-o", str(predictions))
    assert result.returncode == 0, result.stderr
    assert "newsbrief" in result.stdout and "lead" in result.stdout and "ROUGE-2" in result.stdout
    assert result.stderr == ""  # issue: the progress bar left a blank line off a terminal
    written = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in written] == ids
    assert all(record["summary"] for record in written)


def test_issue_cli_eval_prints_whole_system_names_into_a_file(tmp_path: Path) -> None:
    """Off a terminal the table kept to 80 columns and cut two peers' long names to one
    "newsroom/summarizer-expe…": two rows no one could tell apart."""
    fixtures = Path(__file__).parent / "fixtures"
    stories = fixtures / "multinews-sample.jsonl"
    ids = [json.loads(line)["id"] for line in stories.read_text(encoding="utf-8").splitlines()]
    names = [f"newsroom/summarizer-experiments-2024-{run}" for run in ("run-A", "run-B")]
    peers = tmp_path / "peers.jsonl"
    peers.write_text(
        "\n".join(
            json.dumps({"id": story_id, **dict.fromkeys(names, "The House approved a measure on Thursday.")})
            for story_id in ids
        ),
        encoding="utf-8",
    )
    result = run("eval", str(stories), "--peers", str(peers))
    assert result.returncode == 0, result.stderr
    assert all(name in result.stdout for name in names)
    assert "…" not in result.stdout


def test_eval_notes_what_it_does_not_score(tmp_path: Path) -> None:
    """A story without a reference and a peer record naming no story are each a note, not dropped
    silently; a story id given twice in the peers file is an error naming both lines."""
    stories = tmp_path / "stories.jsonl"
    sample = (Path(__file__).parent / "fixtures" / "multinews-sample.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in sample.splitlines()[:2]]
    del records[1]["summary"]
    stories.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    peers = tmp_path / "peers.jsonl"
    lead = "The House approved a measure on Thursday."
    peers.write_text(
        json.dumps({"id": records[0]["id"], "lead": lead})
        + "\n"
        + json.dumps({"id": "mn-0", "lead": lead})
        + "\n",
        encoding="utf-8",
    )
    result = run("eval", str(stories), "--peers", str(peers))
    assert result.returncode == 0, result.stderr
    assert f"note: {stories}: 1 of 2 stories have no reference summary; not scored" in result.stderr
    assert f"note: {peers}: 1 of 2 records name no story of {stories} (the first: 'mn-0'); not scored" in (
        result.stderr.replace("\n", " ")
    )
    twice = _write(tmp_path / "twice.jsonl", (json.dumps({"id": "mn-0", "lead": lead}) + "\n").encode() * 2)
    refused = run("eval", str(stories), "--peers", twice)
    assert refused.returncode == 2
    assert refused.stderr.strip() == f"error: {twice} line 2: id 'mn-0' is also on line 1"


def test_issue_eval_skips_a_story_without_text_with_a_note_and_scores_the_rest(tmp_path: Path) -> None:
    """A story whose documents are all empty, or clean to nothing, stopped the whole evaluation
    (exit 2, 'story ... has no articles'). Each is a note naming the story and why, the rest
    are scored (the peers on the same stories), and the table counts the stories skipped."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    records[1]["documents"] = ["", "  "]
    records[2]["documents"] = ["READ MORE: Copyright 2016 NPR"]
    stories = tmp_path / "stories.jsonl"
    stories.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    peers = tmp_path / "peers.jsonl"
    lead = "The House approved a measure on Thursday."
    peers.write_text(
        "".join(json.dumps({"id": r["id"], "lead": lead}) + "\n" for r in records), encoding="utf-8"
    )
    predictions = tmp_path / "predictions.jsonl"
    result = run("eval", str(stories), "--peers", str(peers), "-o", str(predictions))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"note: {stories}: story {records[1]['id']!r} not scored: no document has any text",
        f"note: {stories}: story {records[2]['id']!r} not scored: no article text left after cleaning "
        f"{stories} line 3 document 1",
    ]
    rows = {line.split()[1]: line.split()[-2] for line in result.stdout.splitlines() if line.startswith("│")}
    assert rows == {"newsbrief": "2", "lead": "2"}  # the "stories" column
    assert "2 of 4 stories not scored: no article text (notes on stderr)" in result.stdout
    written = [json.loads(line)["id"] for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert written == [records[0]["id"], records[3]["id"]]


def test_issue_eval_of_stories_that_all_lack_text_is_an_error(tmp_path: Path) -> None:
    story = tmp_path / "story.json"
    story.write_text(json.dumps({"id": "one", "documents": ["", " "], "summary": "A reference."}))
    result = run("eval", str(story))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"note: {story}: story 'one' not scored: no document has any text",
        f"error: {story}: no story with a reference has any article text to summarize",
    ]


def test_issue_a_blank_reference_is_no_reference(tmp_path: Path) -> None:
    """A story whose "summary" was "" was scored against it (ROUGE 0), pulling the mean down
    unsaid; it is a story without a reference: noted and not scored."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:2]]
    records[1]["summary"] = " "
    stories = tmp_path / "stories.jsonl"
    stories.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    result = run("eval", str(stories))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"note: {stories}: 1 of 2 stories have no reference summary; not scored"
    ]
    rows = {line.split()[1]: line.split()[-2] for line in result.stdout.splitlines() if line.startswith("│")}
    assert rows == {"newsbrief": "1"}


def test_issue_a_story_id_given_twice_is_an_error(tmp_path: Path) -> None:
    """A story given twice was scored twice (its row counted 2 stories), silently; a peer record
    given twice is an error already."""
    record = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    stories = tmp_path / "stories.jsonl"
    stories.write_text(f"{record}\n{record}\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(stories)])
    assert result.exit_code == 2
    story_id = json.loads(record)["id"]
    assert result.stderr.splitlines() == [
        f"error: {stories}: story id {story_id!r} is given twice; give each story its own id"
    ]


def test_issue_readme_a_missing_peers_file_is_worded_as_any_missing_file(tmp_path: Path) -> None:
    """It said 'peers.jsonl: cannot read (No such file or directory)', the stories file 'no such file: …'."""
    sample = Path(__file__).parent / "fixtures" / "multinews-sample.jsonl"
    result = runner.invoke(app, ["eval", str(sample), "--peers", str(tmp_path / "peers.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: no such file: {tmp_path / 'peers.jsonl'}"]


def test_issue_a_peers_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    """It said 'peers: cannot read (Is a directory)'."""
    result = runner.invoke(app, ["eval", str(SAMPLE), "--peers", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {tmp_path}: a folder; give a JSONL file of peer summaries"]


LIST_FILES = {  # the command that reads a list file, and what its messages say to give instead
    "eval --peers": "a JSONL file of peer summaries",
    "watch": "a file naming one feed per line",
}


def _list_command(command: str, listing: Path, tmp_path: Path) -> list[str]:
    """The arguments that make ``command`` read ``listing`` as its list file."""
    if command == "watch":
        return ["watch", str(listing), "--db", str(tmp_path / "stories.db"), "--rounds", "1"]
    return ["eval", str(SAMPLE), "--peers", str(listing)]


@pytest.mark.parametrize("command", sorted(LIST_FILES))
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file: {path}"),
        ("folder", "{path}: a folder; give {expected}"),
        (b"# first\n\xff\xfe\n", "{path} line 2: not UTF-8 text"),
        (b"# first\nab\x00\n", "{path}: a NUL character (U+0000) at line 2, column 3: binary data, not text"),
        (b"", "{path}: empty file; give {expected}"),
        (b"\n  \r\n", "{path}: empty file; give {expected}"),
    ],
)
def test_issue_a_bad_list_file_is_one_line_alike_for_peers_and_feeds(
    tmp_path: Path, command: str, content: bytes | str | None, message: str
) -> None:
    """``eval --peers`` and ``watch FEEDS.txt`` read their list files with twin code that had
    drifted: an empty peers file was taken as no peers without a word (exit 0), and a feed list
    that was not UTF-8 said 'cannot read ('utf-8' codec can't decode byte 0xff ...)'."""
    listing = tmp_path / "list.txt"
    if content == "folder":
        listing.mkdir()
    elif isinstance(content, bytes):
        listing.write_bytes(content)
    result = runner.invoke(app, _list_command(command, listing, tmp_path))
    assert result.exit_code == 2, result.output
    expected = message.format(path=listing, expected=LIST_FILES[command])
    assert result.stderr.splitlines() == [f"error: {expected}"]


def test_issue_a_peers_file_is_split_at_line_breaks_only(tmp_path: Path) -> None:
    """A peer summary holding U+2028 (valid in a JSON string, which json.dumps writes raw with
    ensure_ascii=False) was cut in two by str.splitlines: 'not valid JSON'; a byte-order mark
    was 'not valid JSON (Unexpected UTF-8 BOM)'; a line nested too deeply was a traceback."""
    story_id = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])["id"]
    peers = tmp_path / "peers.jsonl"
    record = json.dumps({"id": story_id, "lead": "One line.\u2028Another."}, ensure_ascii=False)
    peers.write_bytes(b"\xef\xbb\xbf" + record.encode("utf-8") + b"\n")
    result = runner.invoke(app, ["eval", str(SAMPLE), "--peers", str(peers)])
    assert result.exit_code == 0, result.stderr
    assert "lead" in result.stdout
    peers.write_text("[" * 100_000 + "\n")
    result = runner.invoke(app, ["eval", str(SAMPLE), "--peers", str(peers)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {peers} line 1: JSON nested too deeply"]


def test_issue_a_peer_summary_that_is_not_text_is_an_error_not_dropped(tmp_path: Path) -> None:
    """A peer record's value that was not a string (a number, a list) was dropped without a word,
    so that system was scored on fewer stories unsaid; null says the system has no summary."""
    story_id = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])["id"]
    peers = tmp_path / "peers.jsonl"
    peers.write_text(json.dumps({"id": story_id, "lead": "A summary.", "bart": ["A summary."]}) + "\n")
    result = runner.invoke(app, ["eval", str(SAMPLE), "--peers", str(peers)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f'error: {peers} line 1: "bart" is a JSON array, not a summary text'
    ]
    peers.write_text('"A summary."\n')
    result = runner.invoke(app, ["eval", str(SAMPLE), "--peers", str(peers)])
    assert result.stderr.splitlines() == [f"error: {peers} line 1: expected a JSON object (got string)"]
    peers.write_text(json.dumps({"id": story_id, "lead": "A summary.", "bart": None}) + "\n")
    result = runner.invoke(app, ["eval", str(SAMPLE), "--peers", str(peers)])
    assert result.exit_code == 0, result.stderr
    assert "lead" in result.stdout and "bart" not in result.stdout


def test_eval_without_references_is_an_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "noref.jsonl", json.dumps({"id": "x", "documents": ["Aleppo is besieged."]}).encode()
    )
    result = run("eval", path)
    assert result.returncode == 2
    assert "reference" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["summarize", str(SEEDS)],
        ["cluster", str(BASIL_24)],
        ["eval", str(SAMPLE)],
        ["--help"],
    ],
    ids=["summarize", "cluster", "eval", "help"],
)
def test_issue_a_reader_that_closes_the_pipe_ends_the_run_quietly(arguments: list[str]) -> None:
    """``newsbrief ... | head -1``: a reader gone before the output is written ended in exit code 1
    or 120 with "Exception ignored ... BrokenPipeError" (or "internal error") on stderr. Now it is
    exit code 141 and nothing said, as the shell reports ``git log | head -1``."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes its first byte
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    with subprocess.Popen(
        [sys.executable, "-m", "newsbrief", *arguments],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")},
    ) as process:
        os.close(write_end)
        _, stderr = process.communicate(timeout=300)
    assert stderr.decode().strip() == ""
    assert process.returncode == 141


def test_issue_a_command_started_with_stdout_closed_is_one_line_or_quiet(tmp_path: Path) -> None:
    """Started with stdout closed (``>&-``): the quiet exit for a reader gone tried to flush a
    stdout that is None (a traceback), and a command writing to stdout was an 'internal error'."""

    def closed_stdout(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["sh", "-c", '"$0" "$@" >&-', sys.executable, "-m", "newsbrief", *arguments],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")},
            timeout=120,
            check=False,
        )

    written = closed_stdout("summarize", str(SEEDS), "-o", str(tmp_path / "brief.md"))
    assert (written.returncode, written.stderr) == (0, "")
    assert (tmp_path / "brief.md").read_text(encoding="utf-8").startswith("# Brief")
    printed = closed_stdout("summarize", str(SEEDS))
    assert printed.returncode == 2
    assert printed.stderr.splitlines() == [
        "error: no standard output to write to (it is closed); give -o FILE"
    ]
    # eval's table goes to stdout whatever -o says: it succeeded and printed nothing
    scored = closed_stdout("eval", str(SAMPLE), "-o", str(tmp_path / "summaries.jsonl"))
    assert scored.returncode == 2
    assert scored.stderr.splitlines() == [
        "error: no standard output to write to (it is closed); eval prints its table there"
    ]


@pytest.mark.parametrize(
    "arguments", [["summarize", str(SEEDS)], ["cluster", str(BASIL_24)]], ids=["summarize", "cluster"]
)
def test_issue_output_dash_is_stdout_not_a_file_named_dash(tmp_path: Path, arguments: list[str]) -> None:
    """``-o -`` wrote a file named ``-`` in the working folder and printed nothing; ``-`` is
    stdout, as the sources' ``-`` is stdin."""
    result = run_newsbrief(*arguments, "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == run_newsbrief(*arguments, cwd=tmp_path).stdout != ""
    assert list(tmp_path.iterdir()) == []


def test_issue_eval_output_dash_is_refused_as_it_would_run_into_the_table(tmp_path: Path) -> None:
    result = run_newsbrief("eval", str(SAMPLE), "-o", "-", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: -o -: eval prints its table on stdout; give -o a file for the summaries"
    ]
    assert list(tmp_path.iterdir()) == []


def test_issue_a_reader_of_stdout_and_stderr_that_closes_the_pipe_ends_the_run_quietly() -> None:
    """``newsbrief ... 2>&1 | head -1`` with a line for stderr first (here an error): the write
    to the closed pipe was quieted, but the interpreter's last flush of stderr failed again, exit
    code 120; it is 141 as for stdout alone."""
    arguments = ["summarize", str(SEEDS), "missing.txt"]
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief", *arguments],
        stdout=write_end,
        stderr=write_end,
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")},
        timeout=300,
        check=False,
    )
    os.close(write_end)
    assert result.returncode == 141


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("summarize", "analyze", "eval", "serve"):
        assert command in result.output


def test_summarize_is_summary_only_unless_analyses_are_asked_for(aleppo_dir: Path) -> None:
    plain = runner.invoke(app, ["summarize", str(aleppo_dir), "--format", "json"])
    assert plain.exit_code == 0, plain.output
    assert json.loads(plain.stdout)["analysis"]["ran"] == []
    with_facts = runner.invoke(app, ["summarize", str(aleppo_dir), "--format", "json", "--analysis", "facts"])
    data = json.loads(with_facts.stdout)
    assert data["analysis"]["ran"] == ["facts"]
    assert data["summary"] == json.loads(plain.stdout)["summary"]
    assert data["analysis"]["facts"]


@pytest.mark.nlp
def test_analyze_prints_the_analysis_without_the_summary(aleppo_dir: Path) -> None:
    result = run("analyze", str(aleppo_dir), "--format", "md")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("Agreed facts", "Figures", "Quotes", "Who and where", "Framing"):
        assert f"## {heading}" in out
    assert "## Summary" not in out
    assert "the sky is falling" in out
    assert "400,000" in out


def test_analyze_of_one_article_says_so_without_naming_a_summary_it_does_not_print(aleppo_dir: Path) -> None:
    result = run("analyze", str(aleppo_dir / "npr.txt"), "-a", "facts")
    assert result.returncode == 0, result.stderr
    (note,) = [line for line in result.stderr.splitlines() if "only one article" in line]
    assert "summary" not in note


def test_analyze_with_no_analysis_is_an_error(aleppo_dir: Path) -> None:
    result = run("analyze", str(aleppo_dir), "--analysis", "none")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error:") and "nothing to analyze" in result.stderr


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_version_prints_the_package_version():
    from newsbrief import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"newsbrief {__version__}"


# A real command whose pipeline raises: ``brief`` is replaced in a fresh interpreter, then the
# console script's ``main()`` runs with the given arguments. No hook in the product code.
_PLANTED_FAILURE = """
import sys
import newsbrief.pipeline.brief as pipeline_brief
from newsbrief.cli import main

def fail(*args, **kwargs):
    raise {exception}

pipeline_brief.brief = fail
sys.argv = ["newsbrief", *sys.argv[1:]]
main()
"""


def run_with_failing_pipeline(exception: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PLANTED_FAILURE.format(exception=exception), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_an_internal_error_is_one_line_and_exit_code_1(aleppo_dir: Path) -> None:
    result = run_with_failing_pipeline('ValueError("planted\\nfailure")', "summarize", str(aleppo_dir))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        "error: internal error: ValueError: planted failure (please report; rerun with --debug for the traceback)"
    ]


def test_debug_lets_the_traceback_through(aleppo_dir: Path) -> None:
    result = run_with_failing_pipeline(
        'ValueError("planted failure")', "--debug", "summarize", str(aleppo_dir)
    )
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "ValueError: planted failure" in result.stderr
    assert "internal error" not in result.stderr


def test_an_interrupt_is_one_line_and_exit_code_130(aleppo_dir: Path) -> None:
    result = run_with_failing_pipeline("KeyboardInterrupt", "summarize", str(aleppo_dir))
    assert result.returncode == 130
    assert result.stderr.strip() == "error: interrupted"


def test_issue_an_interrupt_inside_a_compiled_function_is_one_line_and_exit_code_130(
    aleppo_dir: Path,
) -> None:
    """A Ctrl-C inside a numba kernel comes out as CPython's SystemError ('returned a result with
    an exception set', caused by the KeyboardInterrupt): it was an internal error, exit code 1."""
    planted = 'SystemError("CPUDispatcher(<function merge_dots>) returned a result with an exception set") from KeyboardInterrupt()'
    result = run_with_failing_pipeline(planted, "summarize", str(aleppo_dir))
    assert result.returncode == 130
    assert result.stderr.strip() == "error: interrupted"


# Ctrl-C while the console script is still importing the command line (Typer and Rich): the
# import of typer raises KeyboardInterrupt, as a SIGINT in those tenths of a second does.
_INTERRUPTED_IMPORT = """
import importlib, sys, tomllib

class InterruptTyper:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            raise KeyboardInterrupt
        return None

with open(sys.argv[1], "rb") as pyproject:
    target = tomllib.load(pyproject)["project"]["scripts"]["newsbrief"]
module, _, function = target.partition(":")
sys.meta_path.insert(0, InterruptTyper())
getattr(importlib.import_module(module), function)()
"""


def test_an_interrupt_while_the_cli_loads_is_one_line_and_exit_code_130() -> None:
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    result = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_IMPORT, str(pyproject), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == "error: interrupted"
    assert result.returncode == 130


_INTERRUPTED_PARSE = """
import sys
import typer.core
from newsbrief.cli import main

def interrupt(*args, **kwargs):
    raise KeyboardInterrupt

typer.core.TyperGroup.make_context = interrupt
sys.argv = ["newsbrief", *sys.argv[1:]]
main()
"""


def test_an_interrupt_while_typer_parses_the_arguments_is_one_line_and_exit_code_130() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_PARSE, "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stderr.strip() == "error: interrupted"
    assert result.returncode == 130


@pytest.mark.parametrize(
    "arguments, line",
    [
        (
            ["summarize", "--wordz", "5", "x"],
            "newsbrief summarize: no such option --wordz (did you mean --words?); see newsbrief summarize --help",
        ),
        (
            ["summariz", "x"],
            "newsbrief: no such command 'summariz' (did you mean summarize?); see newsbrief --help",
        ),
        (["summarize"], "newsbrief summarize: missing argument SOURCES...; see newsbrief summarize --help"),
        (["eval"], "newsbrief eval: missing argument STORIES; see newsbrief eval --help"),
        (["watch", "feeds.txt"], "newsbrief watch: missing option --db; see newsbrief watch --help"),
        (
            ["summarize", "x", "-w", "many"],
            "newsbrief summarize: invalid value for --words: input should be a valid integer, unable to "
            "parse string as an integer; see newsbrief summarize --help",
        ),
        (
            ["serve", "--port", "0"],
            "newsbrief serve: invalid value for --port: input should be greater than or equal to 1; "
            "see newsbrief serve --help",
        ),
        (
            ["cluster", "x", "--words"],
            "newsbrief cluster: no such option --words (did you mean --workers?); see newsbrief cluster --help",
        ),
        (
            ["analyze", "x", "--format"],
            "newsbrief analyze: option '--format' requires an argument; see newsbrief analyze --help",
        ),
        (
            ["serve", "extra"],
            "newsbrief serve: got unexpected extra argument(s) (extra); see newsbrief serve --help",
        ),
        (["--bogus", "summarize"], "newsbrief: no such option --bogus; see newsbrief --help"),
    ],
)
def test_issue_usage_errors_are_one_line_and_exit_code_2(arguments: list[str], line: str) -> None:
    """An unknown option or command, a missing argument or a value of the wrong type is one line
    naming the command, not Typer's boxed usage message, on every subcommand and at the root."""
    result = runner.invoke(app, arguments, prog_name="newsbrief")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"error: {line}"]


def test_usage_errors_leave_help_as_it_was() -> None:
    """--help, and the bare command, still print the full help on stdout."""
    for arguments in (["summarize", "--help"], []):
        result = runner.invoke(app, arguments, prog_name="newsbrief")
        assert result.exit_code in (0, 2)
        assert "Usage: newsbrief" in result.stdout
    assert "--words" in runner.invoke(app, ["summarize", "--help"]).stdout


def test_a_usage_error_in_a_real_process_is_one_line() -> None:
    result = run("summarize", "--wordz", "5", "x")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: newsbrief summarize: no such option --wordz (did you mean --words?); see newsbrief summarize --help"
    ]


def test_issue_json_briefs_are_the_same_bytes_unless_timing_is_asked_for(aleppo_dir: Path) -> None:
    """JSON's timing_ms is empty without --timing, so the same input gives the same bytes;
    --timing fills it, and with --explain shows the times in Markdown; --explain alone does not,
    so that its output too is the same bytes on every run."""
    first, second = (runner.invoke(app, ["summarize", str(aleppo_dir), "-f", "json"]) for _ in range(2))
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)["timing_ms"] == {}
    timed = runner.invoke(app, ["summarize", str(aleppo_dir), "-f", "json", "--timing"])
    assert list(json.loads(timed.stdout)["timing_ms"])[-1] == "total"
    explained = [runner.invoke(app, ["summarize", str(aleppo_dir), "--explain"]) for _ in range(2)]
    assert explained[0].stdout == explained[1].stdout and "## Timing" not in explained[0].stdout
    timed = runner.invoke(app, ["summarize", str(aleppo_dir), "--explain", "--timing"])
    assert "## Timing" in timed.stdout and " ms" in timed.stdout


def test_issue_cluster_lists_no_empty_outlet_and_briefs_only_two_named_outlets(tmp_path: Path) -> None:
    """A record without outlet or url names no outlet: the story's line leaves it out (it listed
    ``""``), and a story whose articles name fewer than two outlets gets a note, not a brief."""
    basil = Path(__file__).parent / "fixtures" / "stream" / "basil-24.jsonl"
    records = [json.loads(line) for line in basil.read_text(encoding="utf-8").splitlines()]
    sestak = [record for record in records if "Sestak" in record["title"]]
    for record in sestak[1:]:
        del record["outlet"]
    stream = _write(tmp_path / "stream.jsonl", "".join(json.dumps(r) + "\n" for r in sestak).encode())
    result = runner.invoke(app, ["cluster", stream, "--briefs", str(tmp_path / "briefs")])
    assert result.exit_code == 0, result.output
    (story,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert story["outlets"] == [sestak[0]["outlet"]]
    assert not list((tmp_path / "briefs").iterdir())
    assert "note: no brief for 1 story of several articles: fewer than two of their outlets are named" in (
        " ".join(result.stderr.split())
    )


def test_issue_two_inputs_with_one_id_are_a_note_naming_the_renamed_one(
    aleppo_dir: Path, tmp_path: Path
) -> None:
    """``a/npr.txt`` and ``b/npr.txt`` both give the id ``npr``: the second becomes ``npr-2``, and a
    note on stderr (and in the JSON's notices) says so."""
    (tmp_path / "b").mkdir()
    copy = tmp_path / "b" / "npr.txt"
    copy.write_text((aleppo_dir / "zerohedge.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(aleppo_dir / "npr.txt"), str(copy), "-f", "json"])
    assert result.exit_code == 0, result.output
    line = f"note: {copy}: id 'npr' is an earlier article's; renamed 'npr-2'"
    assert line in result.stderr.splitlines()
    codes = [notice["code"] for notice in json.loads(result.stdout)["notices"]]
    assert "renamed-id" in codes


def test_issue_serve_on_a_port_in_use_is_one_line_and_exit_code_2() -> None:
    """uvicorn logged several lines and exited with code 3 when it could not listen."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: --host 127.0.0.1 --port {port}: cannot listen there (Address already in use)"
    ]


@pytest.mark.parametrize("window", ["0", "-1", "nan", "inf", "3651"])
def test_issue_a_bad_cluster_window_names_the_option(window: str) -> None:
    """inf and windows over ten years were taken (the API refuses them): one limit for both."""
    basil = Path(__file__).parent / "fixtures" / "stream" / "basil-24.jsonl"
    result = runner.invoke(app, ["cluster", str(basil), "--window", window])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: --window must be a positive number of days, at most 3650 (got {float(window):g})"
    ]


@pytest.mark.parametrize("command", ["eval", "cluster", "summarize", "analyze"])
def test_issue_an_output_file_that_cannot_be_written_is_refused_before_the_run(
    command: str, tmp_path: Path
) -> None:
    """eval scored every story, printed the table, and only then failed to write -o; summarize
    and analyze made the brief (every analysis: seconds to minutes) before they found the folder missing."""
    fixtures = Path(__file__).parent / "fixtures"
    source = fixtures / ("multinews-sample.jsonl" if command == "eval" else "stream/basil-24.jsonl")
    target = tmp_path / "missing" / "out.jsonl"
    result = runner.invoke(app, [command, str(source), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"error: cannot write {target}: no folder {target.parent}"]


@pytest.mark.parametrize("command", ["summarize", "analyze", "cluster"])
def test_issue_an_output_file_read_from_an_input_folder_is_refused(
    command: str, aleppo_dir: Path, tmp_path: Path
) -> None:
    """`summarize aleppo -o aleppo/npr.txt` replaced the NPR article with the brief, exit 0: the
    guard looked only at files named on the command line, not at the files of a folder."""
    folder = tmp_path / "aleppo"
    folder.mkdir()
    for article in aleppo_dir.glob("*.txt"):
        (folder / article.name).write_bytes(article.read_bytes())
    original = (folder / "npr.txt").read_bytes()
    result = runner.invoke(app, [command, str(folder), "-o", str(folder / "npr.txt")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: cannot write {folder / 'npr.txt'}: it is an input of this run; give another file"
    ]
    assert (folder / "npr.txt").read_bytes() == original


@pytest.mark.parametrize("command", ["summarize", "analyze", "eval"])
def test_issue_an_output_file_that_is_an_input_is_refused_before_the_run(
    command: str, tmp_path: Path
) -> None:
    """-o naming an input file replaced the articles (or the stories) with the brief (or the
    scores), exit 0; it is refused in one line and the input is left as it was."""
    fixtures = Path(__file__).parent / "fixtures"
    source = tmp_path / "input.jsonl"
    original = (
        fixtures / ("multinews-sample.jsonl" if command == "eval" else "stream/basil-24.jsonl")
    ).read_bytes()
    source.write_bytes(original)
    result = runner.invoke(app, [command, str(source), "-o", str(source)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: cannot write {source}: it is an input of this run; give another file"
    ]
    assert source.read_bytes() == original


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs the /dev/full device")
def test_issue_cli_a_full_disk_behind_stdout_is_one_line_not_an_internal_error(aleppo_dir: Path) -> None:
    """`summarize aleppo > /dev/full` said "internal error: OSError ... (please report)", exit 1,
    where `-o /dev/full` said in one line that the file cannot be written, exit 2."""
    src = Path(__file__).resolve().parents[1] / "src"
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-m", "newsbrief", "summarize", str(aleppo_dir)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(src)},
            timeout=120,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["error: cannot write standard output: No space left on device"]


def test_issue_cli_a_feed_file_given_to_summarize_says_it_is_a_feed(tmp_path: Path) -> None:
    """An RSS file given to summarize was "no article text found in the HTML"."""
    feed = tmp_path / "fox.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Fox News</title>'
        "<item><title>Glenn Beck Rips Progressivism at CPAC</title><link>https://www.foxnews.com/beck</link>"
        "</item></channel></rss>\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["summarize", str(feed)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {feed}: an RSS or Atom feed, not an article; give it to newsbrief cluster or watch"
    ]


def test_issue_cli_eval_notes_predictions_written_without_an_id(tmp_path: Path) -> None:
    """Stories without an id were written as "id": "" with no word of it."""
    fixtures = Path(__file__).parent / "fixtures"
    records = [
        json.loads(line)
        for line in (fixtures / "multinews-sample.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    stories = tmp_path / "stories.jsonl"
    stories.write_text(
        "\n".join(json.dumps({**record, "id": None}) for record in records[:2]), encoding="utf-8"
    )
    predictions = tmp_path / "predictions.jsonl"
    result = runner.invoke(app, ["eval", str(stories), "-o", str(predictions)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in predictions.read_text(encoding="utf-8").splitlines()] == [
        "",
        "",
    ]
    assert (
        f'note: 2 of 2 stories have no id: {predictions} gives their summaries "id": "", in the order of the stories'
        in " ".join(result.stderr.split())
    )
