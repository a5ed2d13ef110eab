"""Tests of ingest.py: every format, every refusal, on real article text."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from local_web import QuietHandler, serve_locally
from newsbrief.errors import EmptyStoryError, SourceError
from newsbrief.model import Article
from newsbrief.pipeline import ingest
from newsbrief.pipeline.ingest import read_json, read_stories, read_story, read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ZEROHEDGE_HEADLINE = (
    'Closing In: Russia, Iran, Assad "Encircle" Syria\'s Largest City As Peace Talks Collapse In Geneva'
)


def paragraphs(path: Path) -> list[str]:
    """The paragraphs of a seed article."""
    return path.read_text(encoding="utf-8").split("\n\n")


def write_jsonl(path: Path, records: list[object]) -> Path:
    """A JSONL file of the records, one per line."""
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.fixture
def npr_paragraphs(aleppo_dir: Path) -> list[str]:
    return paragraphs(aleppo_dir / "npr.txt")


@pytest.fixture
def aljazeera_paragraphs(aleppo_dir: Path) -> list[str]:
    return paragraphs(aleppo_dir / "aljazeera.txt")


# --- plain text files and directories -------------------------------------------------------


def test_the_seed_directory_is_one_story_of_three_outlets(aleppo_dir: Path) -> None:
    story = read_story([aleppo_dir])
    assert [article.outlet for article in story.articles] == ["aljazeera", "npr", "zerohedge"]
    assert [article.id for article in story.articles] == ["aljazeera", "npr", "zerohedge"]
    aljazeera, npr, zerohedge = story.articles
    assert aljazeera.title == ""
    assert aljazeera.text.startswith("In the early stages of the Syrian crisis, Aleppo was largely spared")
    assert "READ MORE: Why Aleppo matters" in aljazeera.text
    assert "Jennifer Cafarella" in npr.text
    assert zerohedge.title == ZEROHEDGE_HEADLINE
    assert zerohedge.text.startswith("Back in October, we previewed the “promised” battle for Aleppo")
    assert "Closing In" not in zerohedge.text
    assert npr.source == str(aleppo_dir / "npr.txt")
    assert story.notices == ()
    assert story.id == ""
    assert story.reference is None


def test_the_same_sources_give_the_same_story_with_unique_ids(aleppo_dir: Path) -> None:
    story = read_story([aleppo_dir, str(aleppo_dir)])
    assert [article.id for article in story.articles] == [
        "aljazeera",
        "npr",
        "zerohedge",
        "aljazeera-2",
        "npr-2",
        "zerohedge-2",
    ]
    assert read_story([aleppo_dir, str(aleppo_dir)]) == story


def test_issue_a_renamed_id_is_a_notice_naming_the_source_and_its_new_id(
    aleppo_dir: Path, tmp_path: Path
) -> None:
    """Two inputs that give one id (``a/npr.txt``, ``b/npr.txt``): the second is suffixed, and a
    ``renamed-id`` notice says which source got which id (it was suffixed silently)."""
    (tmp_path / "b").mkdir()
    copy = shutil.copy(aleppo_dir / "npr.txt", tmp_path / "b" / "npr.txt")
    story = read_story([aleppo_dir / "npr.txt", copy])
    assert [article.id for article in story.articles] == ["npr", "npr-2"]
    renamed = [notice for notice in story.notices if notice.code == "renamed-id"]
    assert [(notice.message, notice.article_ids) for notice in renamed] == [
        (f"{copy}: id 'npr' is an earlier article's; renamed 'npr-2'", ("npr-2",))
    ]
    twice = read_story([aleppo_dir, str(aleppo_dir)])
    (notice,) = [notice for notice in twice.notices if notice.code == "renamed-id"]
    assert notice.article_ids == ("aljazeera-2", "npr-2", "zerohedge-2")
    assert notice.message.startswith("3 articles had the id of an earlier one and were renamed: ")
    assert f"{aleppo_dir / 'npr.txt'} is 'npr-2'" in notice.message
    assert not [notice for notice in read_story([aleppo_dir]).notices if notice.code == "renamed-id"]


def test_long_record_ids_that_differ_at_the_end_stay_apart(tmp_path: Path) -> None:
    """BASIL's record ids are 'basil-<event uuid>-<outlet>', 46 characters: cut at 40 they were one
    id, and every brief of a BASIL story renamed two articles '-2' and '-3' with a note that they
    'had the id of an earlier one'. A long id keeps its last word."""
    event = "basil-eb17fa36-89f2-4d0b-8133-7bb4682228e1"
    records = [
        {"id": f"{event}-{outlet}", "outlet": outlet, "text": f"Report {outlet}."}
        for outlet in ("fox", "hpo", "nyt")
    ]
    path = tmp_path / "hunter.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    story = read_story([path])
    assert [article.id for article in story.articles] == [
        "basil-eb17fa36-89f2-4d0b-8133-7bb468-fox",
        "basil-eb17fa36-89f2-4d0b-8133-7bb468-hpo",
        "basil-eb17fa36-89f2-4d0b-8133-7bb468-nyt",
    ]
    assert not [notice for notice in story.notices if notice.code == "renamed-id"]


@pytest.mark.parametrize(
    ("published", "undated"),
    [
        ("2016-12-13T09:00:00Z", False),
        ("2016-12-13", False),
        ("Tue, 13 Dec 2016 09:00:00 +0000", False),
        ("last Tuesday", True),
        ("13/12/2016", True),
        (None, False),
    ],
)
def test_issue_an_unreadable_published_date_is_kept_with_an_undated_notice(
    tmp_path: Path, published: str | None, undated: bool
) -> None:
    """A ``published`` that is not ISO 8601 or RFC 2822 stays as given, with an ``undated`` notice
    naming the record and the value (it was kept silently); a missing date is no notice."""
    record = {"text": "Government forces retook most of eastern Aleppo on Monday, officials said."}
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps({**record, "outlet": "NPR", "published": published}) + "\n", encoding="utf-8")
    story = read_story([path])
    assert story.articles[0].published == published
    notices = [(notice.message, notice.article_ids) for notice in story.notices if notice.code == "undated"]
    expected = (
        f"{path} line 1: published {published!r} is not a date (ISO 8601 or RFC 2822); kept as given, "
        "and the article counts as undated"
    )
    assert notices == ([(expected, ("npr",))] if undated else [])


@pytest.mark.parametrize(
    "first_line, second_line, title",
    [
        (ZEROHEDGE_HEADLINE, "", ZEROHEDGE_HEADLINE),
        (f"# {ZEROHEDGE_HEADLINE}", "", ZEROHEDGE_HEADLINE),
        ("For two weeks, a battle has raged in Aleppo.", "", ""),
        ('"The battle of Aleppo is the culmination of many years of fighting?"', "", ""),
        ("As noted above, here is what the SAA wants:", "", ""),
        (ZEROHEDGE_HEADLINE, "Back in October, we previewed the battle for Aleppo.", ""),
        (" ".join([ZEROHEDGE_HEADLINE] * 3), "", ""),
    ],
)
def test_a_short_first_line_before_a_blank_line_is_the_title(
    first_line: str, second_line: str, title: str
) -> None:
    body = "Back in October, we previewed the “promised” battle for Aleppo, Syria’s largest city."
    text = f"{first_line}\n{second_line}\n{body}"
    article = read_text(text, source="zerohedge.txt", outlet="zerohedge")
    assert article.title == title
    assert article.text == (body if title else text)


def test_a_lone_headline_is_the_text() -> None:
    article = read_text(f"{ZEROHEDGE_HEADLINE}\n\n", source="zerohedge.txt", outlet="zerohedge")
    assert (article.title, article.text) == ("", ZEROHEDGE_HEADLINE)


def test_text_files_lose_their_bom_and_carriage_returns(tmp_path: Path, npr_paragraphs: list[str]) -> None:
    path = tmp_path / "npr.md"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n\r\n".join(npr_paragraphs[:2]).encode("utf-8") + b"\r")
    (article,) = read_story([path]).articles
    assert article.text == "\n\n".join(npr_paragraphs[:2])
    assert article.outlet == "npr"


def test_a_directory_skips_other_files_with_one_notice(tmp_path: Path, aleppo_dir: Path) -> None:
    shutil.copy(aleppo_dir / "npr.txt", tmp_path / "npr.txt")
    shutil.copy(aleppo_dir / "npr.txt", tmp_path / ".draft.txt")
    (tmp_path / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (tmp_path / "photos").mkdir()
    story = read_story([tmp_path])
    assert [article.outlet for article in story.articles] == ["npr"]
    (notice,) = story.notices
    assert notice.code == "skipped-file"
    assert notice.message == f"{tmp_path}: skipped 2 entries that are not articles: map.png, photos/"


def test_a_directory_of_many_other_files_names_the_first_ten_and_counts_the_rest(
    tmp_path: Path, aleppo_dir: Path
) -> None:
    shutil.copy(aleppo_dir / "npr.txt", tmp_path / "npr.txt")
    for n in range(25):
        (tmp_path / f"photo{n:02}.jpg").write_bytes(b"\xff\xd8\xff")
    (notice,) = read_story([tmp_path]).notices
    shown = ", ".join(f"photo{n:02}.jpg" for n in range(10))
    assert notice.message == f"{tmp_path}: skipped 25 entries that are not articles: {shown} and 15 more"


def test_a_directory_without_article_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(SourceError, match=r"no article files \(\.txt \.md \.html"):
        read_story([tmp_path])


# --- strings, paths and articles ------------------------------------------------------------


def test_strings_with_newlines_are_articles_numbered_in_order(
    npr_paragraphs: list[str], aljazeera_paragraphs: list[str]
) -> None:
    story = read_story(["\n\n".join(npr_paragraphs[:2]), aljazeera_paragraphs[1], "Aleppo is encircled"])
    assert [article.outlet for article in story.articles] == ["text 1", "text 2", "text 3"]
    assert [article.id for article in story.articles] == ["text-1", "text-2", "text-3"]
    assert [article.source for article in story.articles] == ["text 1", "text 2", "text 3"]
    assert story.articles[0].text.startswith("For two weeks, a battle has raged in Aleppo")
    assert story.articles[0].title == ""  # a string is taken verbatim
    assert story.articles[1].text.startswith("Today, Aleppo has come to symbolise the devastation")
    assert story.articles[2].text == "Aleppo is encircled"


def test_carriage_returns_in_a_string_become_newlines() -> None:
    (article,) = read_story(
        ["Russia is among the supporters of Assad.\r\nThe U.S. supports rebels.\r"]
    ).articles
    assert article.text == "Russia is among the supporters of Assad.\nThe U.S. supports rebels."


@pytest.mark.parametrize("source", ["npr.txt", "seeds/aleppo", "reports/npr", "npr.HTML"])
def test_a_missing_path_is_named(source: str) -> None:
    with pytest.raises(SourceError, match=f"^no such file: {re.escape(source)}$"):
        read_story([source])


def test_a_path_object_is_always_a_path() -> None:
    with pytest.raises(SourceError, match=r"^no such file: Aleppo is encircled$"):
        read_story([Path("Aleppo is encircled")])


def test_an_article_passes_through_and_later_ids_make_way(aleppo_dir: Path) -> None:
    given_article = Article(
        id="npr", outlet="NPR", title="", url=None, published=None, text="For two weeks, a battle has raged."
    )
    story = read_story([given_article, aleppo_dir / "npr.txt"])
    assert story.articles[0] is given_article
    assert story.articles[1].id == "npr-2"


@pytest.mark.parametrize("sources", ["examples/aleppo", Path("examples/aleppo")])
def test_a_single_source_must_be_wrapped_in_a_list(sources: str | Path) -> None:
    with pytest.raises(TypeError, match="wrap a single source in a list"):
        read_story(sources)  # type: ignore[arg-type]


def test_no_sources_is_an_empty_story() -> None:
    with pytest.raises(EmptyStoryError, match="no sources given"):
        read_story([])


# a NUL is refused wherever it is (test_issue_a_nul_anywhere_in_the_input_is_refused_with_its_place)
_NO_CARRIAGE_RETURN = st.text(st.characters(exclude_characters="\r\0"), max_size=2000)


@given(head=_NO_CARRIAGE_RETURN, tail=_NO_CARRIAGE_RETURN)
def test_a_text_string_is_read_as_its_stripped_self(head: str, tail: str) -> None:
    text = f"{head}\n{tail}"
    if not text.strip():
        with pytest.raises(SourceError, match=r"^text 1: empty text$"):
            read_story([text])
        return
    (article,) = read_story([text]).articles
    assert article.text == text.strip()
    assert article.outlet == "text 1"


# --- bytes and caps ---------------------------------------------------------------------------


def test_cp1252_bytes_are_decoded_with_a_notice(tmp_path: Path, aljazeera_paragraphs: list[str]) -> None:
    path = tmp_path / "aljazeera.txt"
    text = f"{aljazeera_paragraphs[7]}\n\nThe café on the corner closed."
    path.write_bytes(text.encode("cp1252"))
    story = read_story([path])
    assert "the regime’s honouring of the ceasefires" in story.articles[0].text
    assert "café" in story.articles[0].text
    (notice,) = story.notices
    assert notice.code == "decode-fallback"
    assert notice.message == f"{path}: not valid UTF-8; decoded as cp1252"


def test_issue_cli_one_stray_byte_leaves_the_utf8_lines_as_they_are(
    tmp_path: Path, aljazeera_paragraphs: list[str]
) -> None:
    """One cp1252 byte in a UTF-8 file decoded the whole file as cp1252: every curly quote of the
    good lines became mojibake ("regimeâ€™s"), printed in the brief as the article's words."""
    path = tmp_path / "aljazeera.txt"
    good = aljazeera_paragraphs[7].encode("utf-8")
    path.write_bytes(good + b"\n\nThe caf\xe9 on the corner closed.")
    story = read_story([path])
    assert "the regime’s honouring of the ceasefires" in story.articles[0].text
    assert "café" in story.articles[0].text
    (notice,) = story.notices
    assert notice.code == "decode-fallback"
    assert (
        notice.message == f"{path}: not valid UTF-8 on line 3; that line decoded as cp1252, the rest as UTF-8"
    )


def test_issue_cli_a_page_is_read_in_the_charset_its_meta_declares(tmp_path: Path) -> None:
    """A page declaring iso-8859-7 was read as cp1252: "Αθήνα" came out "ÁèÞíá"."""
    path = tmp_path / "greek.html"
    page = (
        '<html><head><meta charset="iso-8859-7"><title>Athens reopens</title></head><body><article>'
        "<p>The mayor of Athens, Αθήνα, said on Monday that the city would reopen its museums, officials "
        "said, after a month in which the sites stood empty.</p></article></body></html>"
    )
    path.write_bytes(page.encode("iso-8859-7"))
    story = read_story([path])
    assert "Αθήνα" in story.articles[0].text
    assert story.notices == ()  # the page said how it is written: nothing to note
    # valid UTF-8 wins over a page's wrong declaration, as bytes rarely are valid UTF-8 by chance
    path.write_bytes(page.encode("utf-8"))
    assert "Αθήνα" in read_story([path]).articles[0].text


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "npr.txt"
    path.write_bytes(b"Residents of eastern Aleppo describe bombs \x81 and incendiary weapons.")
    story = read_story([path])
    assert story.articles[0].text.startswith("Residents of eastern Aleppo describe bombs")
    assert story.notices[0].message.endswith("decoded as latin-1")


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"Aleppo\0\x01\x02")
    with pytest.raises(
        SourceError,
        match=f"^{re.escape(str(path))}: a NUL character \\(U\\+0000\\) at column 7: binary data, not text$",
    ):
        read_story([path])


def _nul_deep_in_a_file(tmp: Path, npr: str) -> tuple[object, str]:
    """A text file whose NUL comes after the first 8 KiB, which was all that was looked at."""
    path = tmp / "npr.txt"
    path.write_bytes((npr * 3 + "\n\nResidents fled\0 west.\n").encode())
    assert path.read_bytes().index(b"\0") > 8192
    line = npr.count("\n") * 3 + 3
    return path, f"{path}: a NUL character (U+0000) at line {line}, column 15"


def _nul_escaped_in_jsonl(tmp: Path, npr: str) -> tuple[object, str]:
    """A JSONL record whose text holds an escaped NUL: the file's bytes hold none."""
    path = write_jsonl(tmp / "story.jsonl", [{"text": npr}, {"text": "Residents fled\0 west."}])
    return path, f'{path} line 2: "text" has a NUL character (U+0000) at column 15'


def _nul_in_a_jsonl_title(tmp: Path, npr: str) -> tuple[object, str]:
    path = write_jsonl(tmp / "story.jsonl", [{"text": npr, "title": "Aleppo\0"}])
    return path, f'{path} line 1: "title" has a NUL character (U+0000) at column 7'


def _nul_in_html(tmp: Path, npr: str) -> tuple[object, str]:
    """HTML whose parser drops a NUL without a word."""
    path = tmp / "npr.html"
    path.write_text(f"<html><body><article><p>{npr}</p><p>Residents fled\0 west.</p></article></body></html>")
    return path, f"{path}: a NUL character (U+0000) at line "


def _nul_in_a_string(tmp: Path, npr: str) -> tuple[object, str]:
    return npr + "\n\nResidents fled\0 west.", "text 1: a NUL character (U+0000) at line "


@pytest.mark.parametrize(
    "make_source",
    [_nul_deep_in_a_file, _nul_escaped_in_jsonl, _nul_in_a_jsonl_title, _nul_in_html, _nul_in_a_string],
)
def test_issue_a_nul_anywhere_in_the_input_is_refused_with_its_place(
    tmp_path: Path, aleppo_dir: Path, make_source
) -> None:  # type: ignore[no-untyped-def]
    """A NUL was refused only in a file's first 8 KiB; past them, escaped in JSON or in HTML it was
    read (or dropped by the HTML parser) and briefed."""
    source, message = make_source(tmp_path, (aleppo_dir / "npr.txt").read_text(encoding="utf-8"))
    with pytest.raises(SourceError) as refused:
        read_story([source])
    assert str(refused.value).startswith(message)
    assert str(refused.value).endswith(": binary data, not text")


def test_a_nul_byte_in_a_streamed_jsonl_line_is_named_by_that_line(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    second = b'{"documents": ["Residents fled\0 west."]}'
    path.write_bytes(b'{"documents": ["Residents fled west."]}\n' + second + b"\n")
    stories = read_stories(path)
    assert next(stories).articles[0].text == "Residents fled west."
    with pytest.raises(SourceError) as refused:
        next(stories)
    column = second.index(b"\0") + 1
    assert (
        str(refused.value)
        == f"{path} line 2: a NUL character (U+0000) at column {column}: binary data, not text"
    )


@pytest.mark.parametrize("character", ["\x07", "\x0c", "\x1b", "\x7f"])
def test_other_control_characters_are_kept_as_sent(character: str) -> None:
    text = f"Residents fled{character} west of the city on Tuesday."
    (article,) = read_story([text]).articles
    assert article.text == text


def test_a_utf16_page_declared_as_such_is_read_not_refused_for_its_nul_bytes() -> None:
    text = "Residents fled west of the city on Tuesday."
    assert ingest.decode_bytes(text.encode("utf-16"), "page", charset="utf-16") == (text, ())


@pytest.mark.parametrize("content", [b"", b" \n\t\r\n "])
def test_an_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=f"^{re.escape(str(path))}: empty file$"):
        read_story([path])


def test_an_article_over_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch, aleppo_dir: Path) -> None:
    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 1000)
    with pytest.raises(
        SourceError, match=r"aljazeera\.txt: article of 6,373 characters is over the limit of 1,000"
    ):
        read_story([aleppo_dir])


def test_a_file_over_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch, aleppo_dir: Path) -> None:
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 1000)
    with pytest.raises(SourceError, match=r"npr\.txt: larger than the limit of 1,000 bytes$"):
        read_story([aleppo_dir / "npr.txt"])


def test_a_story_over_the_article_cap_names_the_first_one_over(
    monkeypatch: pytest.MonkeyPatch, aleppo_dir: Path
) -> None:
    monkeypatch.setattr(ingest, "MAX_ARTICLES", 2)
    with pytest.raises(
        SourceError, match=r"zerohedge\.txt: a story can hold at most 2 articles; this is article 3"
    ):
        read_story([aleppo_dir])


# --- JSON and JSONL ---------------------------------------------------------------------------


def test_jsonl_article_records_make_one_story(
    tmp_path: Path, npr_paragraphs: list[str], aljazeera_paragraphs: list[str]
) -> None:
    path = tmp_path / "aleppo.jsonl"
    records = [
        {
            "id": "NPR Aleppo",
            "outlet": "NPR",
            "title": "Battle For Aleppo",
            "url": "https://www.npr.org/aleppo",
            "published": "2016-10-05",
            "text": "\n\n".join(npr_paragraphs[:3]),
        },
        {"source": "Al Jazeera", "date": "2016-10-04", "text": aljazeera_paragraphs[1]},
        {"url": "https://www.aljazeera.com/opinions/aleppo", "text": aljazeera_paragraphs[2]},
        {"text": aljazeera_paragraphs[3], "title": None},
    ]
    path.write_text(
        "\n".join(json.dumps(record) for record in records[:2])
        + "\n\n"
        + "\n".join(map(json.dumps, records[2:])),
        encoding="utf-8",
    )
    story = read_story([path])
    assert [article.outlet for article in story.articles] == [
        "NPR",
        "Al Jazeera",
        "aljazeera.com",
        "document 4",
    ]
    assert [article.id for article in story.articles] == [
        "npr-aleppo",
        "al-jazeera",
        "aljazeera-com",
        "document-4",
    ]
    assert [article.source for article in story.articles] == [f"{path} line {n}" for n in (1, 2, 4, 5)]
    npr = story.articles[0]
    assert (npr.title, npr.url, npr.published) == (
        "Battle For Aleppo",
        "https://www.npr.org/aleppo",
        "2016-10-05",
    )
    assert npr.text.startswith("For two weeks, a battle has raged in Aleppo")
    assert story.articles[1].published == "2016-10-04"


def test_a_broken_jsonl_line_is_named(tmp_path: Path, npr_paragraphs: list[str]) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text(
        json.dumps({"text": npr_paragraphs[0]})
        + "\n"
        + f'{{"text": "{npr_paragraphs[1][:40]}" "outlet": "NPR"}}\n',
        encoding="utf-8",
    )
    with pytest.raises(SourceError) as caught:
        read_story([path])
    assert str(caught.value) == f"{path} line 2: not valid JSON (Expecting ',' delimiter)"


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"title": "Battle For Aleppo"}', 'line 1: no "text" or "documents" field'),
        ('{"text": 2016}', 'line 1: "text" must be a string (got number)'),
        (
            '{"text": "Aleppo is encircled.", "title": ["Aleppo"]}',
            'line 1: "title" must be a string (got array)',
        ),
        (
            '{"text": "Aleppo is encircled.", "outlet": true}',
            'line 1: "outlet" must be a string (got boolean)',
        ),
        ('{"text": "  "}', "line 1: empty text"),
        ('["Aleppo is encircled."]', "line 1: expected a JSON object (got array)"),
        ('{"documents": "Aleppo is encircled."}', 'line 1: "documents" must be an array (got string)'),
        ('{"documents": [7]}', "line 1 document 1: expected a string or a JSON object (got number)"),
        ('{"documents": [{"title": "Aleppo"}]}', 'line 1 document 1: no "text" field'),
        (
            '{"documents": ["Aleppo is encircled."], "summary": 5}',
            'line 1: "summary" must be a string (got number)',
        ),
        (
            '{"documents": ["Aleppo is encircled."], "titles": "Aleppo"}',
            'line 1: "titles" must be an array (got string)',
        ),
        (
            '{"documents": ["Aleppo is encircled.", "Talks collapsed."], "titles": ["Aleppo"]}',
            'line 1: "titles" has 1 entries for 2 documents',
        ),
        (
            '{"documents": ["Aleppo is encircled."], "titles": [3]}',
            'line 1 document 1: "title" must be a string (got number)',
        ),
        (
            '{"text": "Aleppo is encircled."}\n{"documents": ["Aleppo is encircled."]}',
            "line 2: a story record among article records; a file holds one kind",
        ),
        (  # issue: it said "a article record"
            '{"documents": ["Aleppo is encircled."]}\n{"text": "Aleppo is encircled."}',
            "line 2: an article record among story records; a file holds one kind",
        ),
    ],
)
def test_a_bad_record_is_named_with_its_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_story([path])
    assert str(caught.value) == f"{path} {message}"


def test_story_records_are_read_one_story_each() -> None:
    first, second = read_stories(FIXTURES / "two-stories.jsonl")
    assert (first.id, second.id) == ("mn-29439", "mn-24898")
    assert first.reference is not None
    assert first.reference.startswith(
        "– The Huffington Post rounds up some out-there job interview questions"
    )
    assert [article.outlet for article in first.articles] == ["document 1", "document 2"]
    assert [article.id for article in second.articles] == ["document-1", "document-2"]
    assert "Job site Glassdoor.com has sifted through 80,000 interview questions" in first.articles[0].text
    assert "Lady Gaga shocked fans" in second.articles[0].text
    assert second.articles[1].source == f"{FIXTURES / 'two-stories.jsonl'} line 2 document 2"


def test_read_story_refuses_a_file_of_several_stories() -> None:
    path = FIXTURES / "two-stories.jsonl"
    with pytest.raises(SourceError) as caught:
        read_story([path])
    assert str(caught.value) == (
        f"{path}: holds 2 stories but a brief is made from one; use `newsbrief eval` for several"
    )


def test_read_story_keeps_the_id_and_reference_of_a_lone_story_record(tmp_path: Path) -> None:
    path = tmp_path / "gaga.jsonl"
    path.write_text(
        (FIXTURES / "two-stories.jsonl").read_text(encoding="utf-8").splitlines()[1], encoding="utf-8"
    )
    story = read_story([path])
    assert story.id == "mn-24898"
    assert story.reference is not None and "Lady Gaga didn't just headline at Coachella" in story.reference
    assert len(story.articles) == 2


def test_empty_documents_of_a_story_record_are_skipped_with_a_notice(tmp_path: Path) -> None:
    record = json.loads((FIXTURES / "two-stories.jsonl").read_text(encoding="utf-8").splitlines()[1])
    record["id"] = 24898
    record["documents"].insert(0, " \n \n ")
    story = read_story([write_jsonl(tmp_path / "gaga.jsonl", [record])])
    assert story.id == "24898"
    assert [article.outlet for article in story.articles] == ["document 2", "document 3"]
    (notice,) = story.notices
    assert (notice.code, notice.message) == (
        "empty-article",
        f"{tmp_path / 'gaga.jsonl'} line 1: skipped empty document 1",
    )


def test_json_holds_an_article_a_list_of_articles_or_a_story(npr_paragraphs: list[str]) -> None:
    npr = {"outlet": "NPR", "text": npr_paragraphs[0]}
    (single,) = read_json(json.dumps(npr), source="npr.json")
    (several,) = read_json(json.dumps([npr, npr]), source="npr.json")
    (story,) = read_json(
        json.dumps({"id": "aleppo", "documents": [npr, npr_paragraphs[1]]}), source="npr.json"
    )
    assert [article.id for article in single.articles] == ["npr"]
    assert [article.id for article in several.articles] == ["npr", "npr-2"]
    assert [article.source for article in several.articles] == ["npr.json item 1", "npr.json item 2"]
    assert [article.outlet for article in story.articles] == ["NPR", "document 2"]
    assert story.id == "aleppo"


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "npr.json"
    path.write_text(
        '{\n  "outlet": "NPR",\n  "text": "For two weeks, a battle has raged in Aleppo."\n  "id": 1\n}'
    )
    with pytest.raises(
        SourceError, match=f"^{re.escape(str(path))} line 4: not valid JSON \\(Expecting ',' delimiter\\)$"
    ):
        read_story([path])


@pytest.mark.parametrize("content", ["[" * 100_000, '{"text": ' + "[" * 100_000])
def test_json_nested_too_deeply_is_refused(content: str) -> None:
    with pytest.raises(SourceError, match=r"^<stdin>: JSON nested too deeply$"):
        read_story(["-"], stdin=io.StringIO(content))


def test_json_that_is_not_an_object_or_array_is_refused() -> None:
    with pytest.raises(SourceError, match=r"^npr\.json: expected a JSON object or array \(got string\)$"):
        read_json('"For two weeks, a battle has raged in Aleppo."', source="npr.json")


# --- Multi-News raw ---------------------------------------------------------------------------


def test_multinews_lines_are_stories_with_real_newlines() -> None:
    first, second = read_stories(FIXTURES / "multinews.src")
    beatles = first.articles[0].text
    assert "NEWLINE_CHAR" not in beatles
    assert beatles.startswith("Image caption The teenagers sent the reel-to-reel tape to The Beatles")
    assert "December 1963 \n \n Two women from Essex have received a reply from Sir Paul McCartney" in beatles
    assert first.articles[1].text.startswith("Team Rickshaw 2018")
    assert [article.outlet for article in second.articles] == ["document 1", "document 2"]
    assert second.articles[1].text.startswith("NEW YORK—The Trump administration is considering staying")
    assert first.notices == second.notices == ()


def test_empty_multinews_articles_are_skipped_with_a_notice(tmp_path: Path) -> None:
    line = (FIXTURES / "multinews.src").read_text(encoding="utf-8").splitlines()[1]
    path = tmp_path / "paris.txt"  # a .txt holding ||||| is Multi-News raw
    path.write_text(f"{line} |||||  NEWLINE_CHAR  ||||| ", encoding="utf-8")
    story = read_story([path])
    assert [article.id for article in story.articles] == ["document-1", "document-2"]
    (notice,) = story.notices
    assert notice.code == "empty-article"
    assert notice.message == f"{path} line 1: skipped empty documents 3, 4"


def test_multinews_lines_are_decoded_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "test.src"
    lines = (FIXTURES / "multinews.src").read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_bytes(lines[0].encode("utf-8") + lines[1].encode("cp1252"))
    first, second = read_stories(path)
    assert first.notices == ()
    (notice,) = second.notices
    assert notice.message == f"{path} line 2: not valid UTF-8; decoded as cp1252"
    assert "NEW YORK—The Trump administration is considering staying" in second.articles[1].text


@pytest.mark.parametrize(
    "fixture, name, n_stories",
    [("two-stories.jsonl", "test.ndjson", 2), ("multinews.src", "test.raw", 2)],
)
def test_read_stories_sniffs_other_extensions(
    tmp_path: Path, fixture: str, name: str, n_stories: int
) -> None:
    shutil.copy(FIXTURES / fixture, tmp_path / name)
    assert len(list(read_stories(tmp_path / name))) == n_stories


def test_read_stories_reads_a_json_array_of_story_records(tmp_path: Path) -> None:
    lines = (FIXTURES / "two-stories.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "test.json"
    path.write_text(f"[\n{lines[0]},\n{lines[1]}\n]\n", encoding="utf-8")
    assert [story.id for story in read_stories(path)] == ["mn-29439", "mn-24898"]
    shutil.copy(path, tmp_path / "test.data")
    with pytest.raises(
        SourceError, match=r"test\.data: holds a JSON array; give the file a \.json extension"
    ):
        list(read_stories(tmp_path / "test.data"))


def test_read_stories_refuses_a_directory(aleppo_dir: Path) -> None:
    with pytest.raises(
        SourceError, match=r"aleppo: is a directory; give a \.jsonl, \.json or Multi-News \.src file"
    ):
        read_stories(aleppo_dir)


def test_read_stories_refuses_a_missing_or_empty_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"^no such file: "):
        read_stories(tmp_path / "test.src")
    (tmp_path / "test.src").write_text("\n\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"test\.src: empty file$"):
        list(read_stories(tmp_path / "test.src"))


# --- standard input ---------------------------------------------------------------------------


def test_stdin_text_with_a_headline(aleppo_dir: Path) -> None:
    stdin = io.StringIO((aleppo_dir / "zerohedge.txt").read_text(encoding="utf-8"))
    (article,) = read_story(["-"], stdin=stdin).articles
    assert (article.outlet, article.source, article.title) == ("stdin", "<stdin>", ZEROHEDGE_HEADLINE)
    assert article.text.startswith("Back in October, we previewed")


@pytest.mark.parametrize(
    "content, outlets",
    [
        (
            '{"outlet": "NPR", "text": "For two weeks, a battle has raged."}\n{"text": "Aleppo."}',
            ["NPR", "document 2"],
        ),
        ('{\n  "outlet": "NPR",\n  "text": "For two weeks, a battle has raged."\n}', ["NPR"]),
        ('[{"outlet": "NPR", "text": "For two weeks, a battle has raged."}]', ["NPR"]),
        ("For two weeks ||||| a battle has raged NEWLINE_CHAR in Aleppo", ["document 1", "document 2"]),
        ((FIXTURES / "npr.html").read_text(encoding="utf-8"), ["NPR"]),
    ],
)
def test_stdin_content_is_sniffed(content: str, outlets: list[str]) -> None:
    story = read_story(["-"], stdin=io.StringIO(content))
    assert [article.outlet for article in story.articles] == outlets


@pytest.mark.parametrize("text_stream", [False, True])
def test_stdin_bytes_are_decoded_like_a_file(aljazeera_paragraphs: list[str], text_stream: bool) -> None:
    data = io.BytesIO(aljazeera_paragraphs[7].encode("cp1252"))
    # like sys.stdin: a UTF-8 text stream over bytes that are not UTF-8
    stdin = io.TextIOWrapper(data, encoding="utf-8") if text_stream else data
    story = read_story(["-"], stdin=stdin)
    assert "the regime’s honouring of the ceasefires" in story.articles[0].text
    assert story.notices[0].message == "<stdin>: not valid UTF-8; decoded as cp1252"


def test_empty_stdin_is_refused() -> None:
    with pytest.raises(SourceError, match=r"^<stdin>: empty input$"):
        read_story(["-"], stdin=io.StringIO("\n  \n"))


def test_issue_readme_stdin_given_twice_is_refused_as_such(aleppo_dir: Path) -> None:
    """`newsbrief summarize - -` read the article, then said '<stdin>: empty input' of the second read."""
    stdin = io.StringIO((aleppo_dir / "npr.txt").read_text(encoding="utf-8"))
    with pytest.raises(SourceError, match=r"^- is given twice: standard input can be read only once$"):
        read_story(["-", str(aleppo_dir / "zerohedge.txt"), "-"], stdin=stdin)


def test_read_stories_from_stdin() -> None:
    stdin = io.StringIO((FIXTURES / "two-stories.jsonl").read_text(encoding="utf-8"))
    assert [story.id for story in read_stories("-", stdin=stdin)] == ["mn-29439", "mn-24898"]


# --- HTML -------------------------------------------------------------------------------------


def test_an_html_page_gives_its_article_and_metadata() -> None:
    (article,) = read_story([FIXTURES / "npr.html"]).articles
    assert article.title == "Battle For Aleppo Is A Key Test In Syria's Civil War"
    assert (article.outlet, article.id) == ("NPR", "npr")
    assert article.url == "https://www.npr.org/sections/parallels/2016/10/05/battle-for-aleppo"
    assert article.published == "2016-10-05"
    assert article.text.startswith("For two weeks, a battle has raged in Aleppo, generating tragic images")
    assert "rubble.\n\nThe city — once the country's most populous" in article.text
    assert article.text.endswith("killed by rebel shelling.")
    for chrome in ("Arts & Life", "More Stories From NPR", "About NPR", "Civil War\n"):
        assert chrome not in article.text


def _saved_page(path: Path, head: str, headline: str, text: str) -> Path:
    """An article saved as a page: ``head`` in <head>, the headline and the text's paragraphs in
    <article>."""
    paragraphs = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in text.split("\n\n"))
    path.write_text(
        f"<html><head>{head}</head><body><article><h1>{html.escape(headline)}</h1>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ("<title>Assad's forces close in on Aleppo | ZeroHedge</title>", "ZeroHedge"),
        ("<title>Assad&#39;s forces close in on Aleppo : Parallels : NPR</title>", "NPR"),
        ("<title>Assad's forces close in on Aleppo - Al Jazeera English</title>", "Al Jazeera English"),
        # the site metadata and the page's URL come first, as before
        (
            '<meta property="og:site_name" content="NPR"><title>Assad\'s forces close in on Aleppo | ZH</title>',
            "NPR",
        ),
        (
            '<link rel="canonical" href="https://www.npr.org/x"><title>Assad\'s forces close in on Aleppo | ZH</title>',
            "npr.org",
        ),
        # no site after the headline: the file names it
        ("<title>Assad's forces close in on Aleppo</title>", "saved-page"),
        ("<title>Syria | Assad's forces close in on Aleppo</title>", "saved-page"),
        ("<title>Assad's forces close in on Aleppo | a long tail that is not a name</title>", "saved-page"),
        ("", "saved-page"),
    ],
)
def test_issue_a_page_without_site_metadata_is_named_by_the_site_its_title_gives(
    tmp_path: Path, head: str, outlet: str
) -> None:
    """A page with no site metadata or URL was named by its file ("saved-page"), and in the API by
    its place in the request ("text 2"), though its <title> says "Headline | ZeroHedge":
    trafilatura takes a site from the title only when it holds a dot, and drops "| ZeroHedge"."""
    record = json.loads(
        (FIXTURES.parent / "stream" / "basil-24.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )
    page = _saved_page(
        tmp_path / "saved-page.html", head, "Assad's forces close in on Aleppo", record["text"]
    )
    (article,) = read_story([page]).articles
    assert article.title == "Assad's forces close in on Aleppo"
    assert article.outlet == outlet


def test_issue_walk_a_page_without_a_date_is_not_dated_by_a_year_in_its_text(tmp_path: Path) -> None:
    """A BASIL article (Fox News, 2010) as a page with no date in its markup: its text says
    the congressman has served "since 1997", which dated it 1997-01-01 (htmldate's extensive
    search, reading the text); it is undated, and says so."""
    record = next(
        json.loads(line)
        for line in (FIXTURES.parent / "stream" / "basil-24.jsonl").read_text(encoding="utf-8").splitlines()
        if "since 1997" in line
    )
    title = html.escape(record["title"])
    page = _saved_page(
        tmp_path / "etheridge.html", f"<title>{title}</title>", record["title"], record["text"]
    )
    story = read_story([page])
    (article,) = story.articles
    assert "since 1997" in article.text
    assert article.published is None


@pytest.mark.parametrize(
    "html",
    [
        '<html><head><title>NPR</title></head><body><div><img src="aleppo.jpg"></div></body></html>',
        "<html><head><title>Aleppo</title></head><body><h1>Aleppo</h1></body></html>",
    ],
)
def test_an_html_page_without_article_text_is_refused(tmp_path: Path, html: str) -> None:
    path = tmp_path / "index.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(SourceError, match=f"^{re.escape(str(path))}: no article text found in the HTML$"):
        read_story([path])


# --- URLs -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def news_site(aleppo_dir: Path) -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on loopback serving an HTML and a text article; yields its URL and user agents."""
    routes = {
        "/npr.html": ("text/html", (FIXTURES / "npr.html").read_bytes()),
        "/aljazeera.txt": ("text/plain", (aleppo_dir / "aljazeera.txt").read_bytes()),
        "/cafe.txt": ("text/plain; charset=iso-8859-1", "The café in Aleppo closed.".encode("latin-1")),
    }
    user_agents: list[str] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server calls it by this name)
            user_agents.append(self.headers.get("User-Agent", ""))
            if self.path not in routes:
                self.send_error(404)
                return
            self.reply(200, *routes[self.path])

    for port in serve_locally(Handler):
        yield f"http://127.0.0.1:{port}", user_agents


def test_an_html_url_is_fetched_and_extracted(news_site: tuple[str, list[str]]) -> None:
    base, user_agents = news_site
    (article,) = read_story([f"{base}/npr.html"]).articles
    assert (article.outlet, article.url, article.source) == ("NPR", f"{base}/npr.html", f"{base}/npr.html")
    assert article.title == "Battle For Aleppo Is A Key Test In Syria's Civil War"
    assert "Jennifer Cafarella" in article.text
    assert user_agents[-1] == "newsbrief/0.1"


def test_a_text_url_takes_its_host_as_outlet(news_site: tuple[str, list[str]]) -> None:
    base, _ = news_site
    (article,) = read_story([f"{base}/aljazeera.txt"]).articles
    assert (article.outlet, article.id) == ("127.0.0.1", "127-0-0-1")
    assert article.text.startswith("In the early stages of the Syrian crisis")


def test_a_declared_charset_is_used_without_a_notice(news_site: tuple[str, list[str]]) -> None:
    base, _ = news_site
    story = read_story([f"{base}/cafe.txt"])
    assert story.articles[0].text == "The café in Aleppo closed."
    assert story.notices == ()


def test_a_missing_page_is_one_line(news_site: tuple[str, list[str]]) -> None:
    base, _ = news_site
    with pytest.raises(SourceError) as caught:
        read_story([f"{base}/zerohedge.html"])
    assert str(caught.value) == f"cannot fetch {base}/zerohedge.html: HTTP 404 Not Found"


def test_an_unreachable_server_is_one_line() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/npr.html"
    with pytest.raises(SourceError) as caught:
        read_story([url])
    message = str(caught.value)
    assert message.startswith(f"cannot fetch {url}: ")
    assert "refused" in message.lower()
    assert "\n" not in message


@pytest.mark.parametrize("url", ["http://[::1/npr.html", "http://127.0.0.1:99999/npr.html"])
def test_a_malformed_url_is_one_line(url: str) -> None:
    """urllib raises ValueError on an unclosed IPv6 bracket or a port out of range: a SourceError."""
    with pytest.raises(SourceError) as caught:
        read_story([url])
    assert str(caught.value).startswith(f"cannot fetch {url}: ")
    assert "\n" not in str(caught.value)


def test_a_response_over_the_cap_is_refused(
    monkeypatch: pytest.MonkeyPatch, news_site: tuple[str, list[str]]
) -> None:
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 1000)
    base, _ = news_site
    with pytest.raises(SourceError, match=r"aljazeera\.txt: larger than the limit of 1,000 bytes$"):
        read_story([f"{base}/aljazeera.txt"])


def test_urls_are_refused_when_fetching_is_off() -> None:
    with pytest.raises(SourceError, match=r"^https://www\.npr\.org/aleppo: fetching URLs is turned off$"):
        read_story(["https://www.npr.org/aleppo"], fetch_urls=False)


def test_a_story_records_titles_become_its_articles_headlines(tmp_path: Path) -> None:
    """The NeuS roundups' layout: ``titles`` beside ``documents``, null for a document without
    one; a document record's own title wins."""
    record = {
        "id": "probe-1",
        "documents": [
            "President Trump on Monday slammed former Secretary of State John Kerry.",
            {
                "text": "President Trump on Monday castigated John F. Kerry.",
                "title": "Trump castigates Kerry",
            },
            "Liberals tried to criminalize contacts with Russia.",
        ],
        "titles": ["Trump slams John Kerry for 'shadow diplomacy' on Iran deal", "ignored", None],
    }
    path = tmp_path / "roundups.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (story,) = read_stories(path)
    assert [article.title for article in story.articles] == [
        "Trump slams John Kerry for 'shadow diplomacy' on Iran deal",
        "Trump castigates Kerry",
        "",
    ]
