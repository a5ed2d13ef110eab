"""Tests for render.py: briefs of the real Aleppo articles in every format, and hostile input."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsbrief.errors import OptionError
from newsbrief.model import Article, Brief, Citation, Options, Sentence, Source, Story, SummarySentence
from newsbrief.pipeline import brief
from newsbrief.render import render, to_html, to_json, to_markdown, to_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "brief.schema.json"
TOP_LEVEL_KEYS = ["schema", "summary", "sources", "words", "options", "notices", "removals", "timing_ms"]
FORMATS = ["markdown", "json", "html", "text"]

HOSTILE_TEXT = (
    "Rebels said the <script>alert(1)</script> convoy was hit near Aleppo on Monday morning.\n\n"
    "Residents described <img src=x onerror=alert(1)> damage across the eastern districts of the city.\n\n"
    'Officials said the <a href="javascript:alert(1)">aid route</a> would stay closed for weeks.\n\n'
    "READ MORE: <script>alert(2)</script>"
)


@pytest.fixture(scope="session")
def aleppo_brief(aleppo_story: Story) -> Brief:
    return brief(aleppo_story, Options(max_words=150))


@pytest.fixture(scope="session")
def hostile(aleppo_story: Story) -> Brief:
    """The Aleppo story plus an article whose every field tries to inject markup."""
    article = Article(
        id="evil",
        outlet="<img src=x onerror=alert(1)>",
        title='<script>alert("title")</script>',
        url="javascript:alert(1)",
        published='"><script>alert(3)</script>',
        text=HOSTILE_TEXT,
    )
    return brief(Story(articles=(*aleppo_story.articles, article)), Options(max_words=400))


def _expected_markers(line: SummarySentence) -> str:
    first = line.citations[0].source_number
    rest = sorted({citation.source_number for citation in line.citations[1:]} - {first})
    return "".join(f"[{number}]" for number in (first, *rest))


def _without_timing(document: str) -> dict[str, object]:
    data = json.loads(document)
    del data["timing_ms"]
    return data


def _hand_brief(
    text: str, *, outlet: str = "Outlet", url: str | None = None, sentence_index: int = 0
) -> Brief:
    """A brief of one line made by hand: the whole text is one summary sentence citing itself."""
    article = Article(id="a", outlet=outlet, title="", url=url, published=None, text=text)
    sentence = Sentence(article_id="a", index=sentence_index, paragraph=0, start=0, end=len(text), text=text)
    citation = Citation(
        source_number=1,
        article_id="a",
        sentence_index=sentence_index,
        start=0,
        end=len(text),
        text=text,
        similarity=1.0,
    )
    source = Source(
        number=1, article_id="a", outlet=outlet, title="", url=url, published=None, words=len(text.split())
    )
    return Brief(
        summary=(SummarySentence(text=text, sentence=sentence, citations=(citation,)),),
        sources=(source,),
        articles=(article,),
        removals=(),
        notices=(),
        options=Options(),
    )


class _Page(HTMLParser):
    """Tags, ids, in-page link targets and the text of each span with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.ids: list[str] = []
        self.fragment_links: list[str] = []
        self.span_text: dict[str, str] = {}
        self._open_span: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        href = values.get("href")
        if href and href.startswith("#"):
            self.fragment_links.append(href[1:])
        if tag == "span" and values.get("id"):
            self._open_span = str(values["id"])
            self.span_text[self._open_span] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._open_span = None

    def handle_data(self, data: str) -> None:
        if self._open_span is not None:
            self.span_text[self._open_span] += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


# Dispatch ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output_format", "renderer"),
    [
        ("markdown", to_markdown),
        ("md", to_markdown),
        ("json", to_json),
        ("html", to_html),
        ("text", to_text),
        ("txt", to_text),
        (" HTML ", to_html),
    ],
)
@pytest.mark.parametrize("explain", [False, True])
def test_render_dispatches_to_the_named_format(aleppo_brief, output_format, renderer, explain):
    rendered = render(aleppo_brief, output_format, explain=explain)
    if explain:  # timing varies only in its values, and they come from the same brief here
        assert rendered == renderer(aleppo_brief, explain=True)
    else:
        assert rendered == renderer(aleppo_brief)


def test_render_defaults_to_markdown(aleppo_brief):
    assert render(aleppo_brief) == to_markdown(aleppo_brief)


@pytest.mark.parametrize("renderer", [to_markdown, to_json, to_html, to_text])
def test_brief_methods_call_the_renderers(aleppo_brief, renderer):
    method = getattr(aleppo_brief, renderer.__name__)
    assert method(explain=True) == renderer(aleppo_brief, explain=True)


@pytest.mark.parametrize("output_format", ["pdf", "", "jsonl", "markdown2", "htm"])
def test_unknown_format_raises_option_error_naming_the_valid_ones(aleppo_brief, output_format):
    with pytest.raises(OptionError) as info:
        render(aleppo_brief, output_format)
    message = str(info.value)
    assert "\n" not in message
    assert all(name in message for name in ("markdown", "json", "html", "text"))


# Determinism ------------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_same_story_renders_to_the_same_string(aleppo_story, output_format):
    first = render(brief(aleppo_story, Options(max_words=150)), output_format)
    second = render(brief(aleppo_story, Options(max_words=150)), output_format)
    if output_format == "json":
        first, second = (
            re.sub(r'"timing_ms": \{.*?\}', "", text, flags=re.DOTALL) for text in (first, second)
        )
    assert first == second


def test_json_is_byte_identical_across_runs_apart_from_timing(aleppo_story):
    runs = [to_json(brief(aleppo_story, Options(max_words=150)), explain=True) for _ in range(2)]
    assert _without_timing(runs[0]) == _without_timing(runs[1])
    # Byte level: everything before timing_ms, which is the last key, is identical.
    assert runs[0].split('"timing_ms"')[0] == runs[1].split('"timing_ms"')[0]


# Markdown ---------------------------------------------------------------------------------------


def test_markdown_gives_every_summary_line_its_citation_markers(aleppo_brief):
    markdown = to_markdown(aleppo_brief)
    paragraphs = markdown.split("\n\n")
    assert paragraphs[0] == "# Brief"
    lines = paragraphs[1 : 1 + len(aleppo_brief.summary)]
    assert len(aleppo_brief.summary) >= 3
    for paragraph, line in zip(lines, aleppo_brief.summary, strict=True):
        assert paragraph.endswith(" " + _expected_markers(line))
        markers = set(re.findall(r"\[(\d+)\]", paragraph.rsplit(" ", 1)[1]))
        assert markers == {str(citation.source_number) for citation in line.citations}
    assert any(len(line.citations) > 1 for line in aleppo_brief.summary), "no corroborated line to check"


def test_markdown_counts_words_and_lists_numbered_sources(aleppo_brief):
    markdown = to_markdown(aleppo_brief)
    assert f"*{aleppo_brief.words} words from 3 sources*" in markdown
    sources = markdown.split("## Sources\n\n")[1].split("\n\n")[0].splitlines()
    assert sources == [
        f"{source.number}. **{source.outlet}** · {source.words} words" for source in aleppo_brief.sources
    ]
    assert "## What cleaning removed" not in markdown


def test_markdown_explain_shows_removals_citation_spans_and_timing(aleppo_brief):
    markdown = to_markdown(aleppo_brief, explain=True)
    removed = markdown.split("## What cleaning removed\n\n")[1].split("\n\n")[0]
    assert "READ MORE: Why Aleppo matters" in removed
    assert "Copyright 2016 NPR" in removed
    assert "**aljazeera (Al Jazeera)**, link to another story" in removed
    citations = markdown.split("## Citations\n\n")[1]
    for line in aleppo_brief.summary:
        for citation in line.citations:
            assert f"`[{citation.start}:{citation.end}]`" in citations
            assert f"“{citation.text}”" in citations  # the Aleppo sentences need no escaping
    assert "## Timing" in markdown
    assert "total" in markdown.split("## Timing")[1]


def test_markdown_shows_title_url_and_date_when_given(aleppo_story):
    first = aleppo_story.articles[0]
    titled = Article(
        id=first.id,
        outlet=first.outlet,
        title="Aleppo: the # city | in the middle",
        url="https://www.aljazeera.com/indepth/opinion/2016/02/aleppo_brief.html",
        published="2016-02-05",
        text=first.text,
    )
    markdown = to_markdown(brief(Story(articles=(titled, *aleppo_story.articles[1:])), Options(max_words=60)))
    # one outlet's headline does not speak for a story of three: it goes with its source only
    assert markdown.startswith("# Brief\n")
    alone = to_markdown(brief(Story(articles=(titled,)), Options(max_words=60)))
    assert alone.startswith(r"# Brief — Aleppo: the \# city \| in the middle" + "\n")
    assert (
        r"1. **Al Jazeera** — Aleppo: the # city \| in the middle "
        "(<https://www.aljazeera.com/indepth/opinion/2016/02/aleppo_brief.html>) · 2016-02-05 · "
    ) in markdown


@pytest.mark.parametrize(
    "text",
    [
        "# Not a heading, but a sentence about Aleppo.",
        "## Not a heading either #",
        "> Not a block quote.",
        "- Not a list item.",
        "+ Not a list item.",
        "* Not a list item.",
        "1. Not an ordered list item.",
        "2016) Not an ordered list item.",
        "---",
        "===",
        "~~~ not a fence",
        "``` not a fence",
        "| a | b | not a table row",
        "Rebels [said](javascript:alert(1)) it was over.",
        "An ![image](https://evil.example/x.png) in the text.",
        "Raw <b>html</b> and <script>alert(1)</script> stay text.",
        "Emphasis *stays* _literal_ and `code` too, with a \\ backslash.",
        "An autolink <https://evil.example> stays text.",
        "[1]: https://evil.example/ looks like a reference definition",
        "AT&T said &amp; and &#60; are entities.",
        "A line\n# with a heading inside\n- and a list item",
    ],
)
def test_markdown_source_text_reads_as_itself_after_parsing(text):
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(to_markdown(_hand_brief(text)))
    paragraphs = [token for token in tokens if token.type == "inline"]
    assert [token.type for token in tokens if token.type.startswith("heading_open")] == ["heading_open"] * 2
    assert paragraphs[0].content == "Brief"
    summary = paragraphs[1]
    assert {child.type for child in summary.children or []} <= {"text", "softbreak"}
    assert "".join(child.content for child in summary.children or []) == " ".join(text.split()) + " [1]"


def test_markdown_of_the_aleppo_brief_parses_to_plain_paragraphs_and_lists(aleppo_brief):
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").parse(to_markdown(aleppo_brief, explain=True))
    headings = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"]
    assert headings == ["Brief", "Sources", "What cleaning removed", "Citations", "Timing"]
    inline_types = {
        child.type for token in tokens if token.type == "inline" for child in token.children or []
    }
    assert inline_types <= {
        "text",
        "softbreak",
        "strong_open",
        "strong_close",
        "em_open",
        "em_close",
        "code_inline",
    }


def test_markdown_of_hostile_sources_has_no_html_or_links(hostile):
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").parse(to_markdown(hostile, explain=True))
    types = {token.type for token in tokens} | {
        child.type for token in tokens if token.type == "inline" for child in token.children or []
    }
    assert not types & {"html_block", "html_inline", "link_open", "image"}
    assert "Rebels said the \\<script>alert(1)\\</script> convoy" in to_markdown(hostile)


def test_markdown_never_links_a_non_http_url():
    markdown = to_markdown(
        _hand_brief("A sentence of six words here.", outlet="**Outlet**", url="javascript:alert(1)")
    )
    assert "1. **\\*\\*Outlet\\*\\*** (javascript:alert(1)) · 6 words" in markdown
    assert "<javascript:" not in markdown


# JSON -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("explain", [False, True])
def test_json_has_the_documented_keys_in_order(aleppo_brief, explain):
    data = json.loads(to_json(aleppo_brief, explain=explain))
    expected = TOP_LEVEL_KEYS[:-1] + (["articles"] if explain else []) + ["timing_ms"]
    assert list(data) == expected
    assert data["schema"] == "newsbrief.brief/1"
    assert data["words"] == aleppo_brief.words
    assert data["options"] == {"max_words": 150, "max_sentences": None}
    assert list(data["summary"][0]) == [
        "text",
        "article_id",
        "sentence_index",
        "start",
        "end",
        "corroboration",
        "citations",
    ]
    assert list(data["summary"][0]["citations"][0]) == [
        "source",
        "article_id",
        "sentence_index",
        "start",
        "end",
        "text",
        "similarity",
    ]
    assert [source["outlet"] for source in data["sources"]] == ["Al Jazeera", "NPR", "ZeroHedge"]
    assert list(data["sources"][0]) == [
        "number",
        "article_id",
        "outlet",
        "title",
        "url",
        "published",
        "words",
    ]
    assert {removal["reason"] for removal in data["removals"]} >= {"link to another story", "copyright line"}
    assert list(data["timing_ms"])[-1] == "total"


def test_json_citation_spans_point_at_the_cited_words(aleppo_brief):
    data = json.loads(to_json(aleppo_brief, explain=True))
    texts = {article["id"]: article["text"] for article in data["articles"]}
    numbers = {source["number"]: source["article_id"] for source in data["sources"]}
    assert data["summary"]
    for line in data["summary"]:
        assert texts[line["article_id"]][line["start"] : line["end"]] == line["text"]
        assert line["citations"][0]["text"] == line["text"]
        assert line["corroboration"] == len({citation["article_id"] for citation in line["citations"]})
        for citation in line["citations"]:
            assert numbers[citation["source"]] == citation["article_id"]
            assert texts[citation["article_id"]][citation["start"] : citation["end"]] == citation["text"]


def test_json_keeps_non_ascii_text_readable(aleppo_brief):
    document = to_json(aleppo_brief, explain=True)
    assert "regime’s honouring" in document  # a curly apostrophe, not \u2019
    assert "\\u2019" not in document


@pytest.mark.parametrize("explain", [False, True])
def test_json_matches_the_published_json_schema(aleppo_brief, hostile, explain):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for story_brief in (aleppo_brief, hostile):
        jsonschema.validate(json.loads(to_json(story_brief, explain=explain)), schema)


# HTML -------------------------------------------------------------------------------------------


def test_html_is_one_self_contained_page(aleppo_brief):
    page = to_html(aleppo_brief, explain=True)
    parsed = _parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert not [attrs for _, attrs in parsed.tags if any(name == "src" for name, _ in attrs)]
    assert ":target" in page


def test_html_citation_links_land_on_the_cited_words(aleppo_brief):
    page = _parse(to_html(aleppo_brief, explain=True))
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    assert page.fragment_links
    assert set(page.fragment_links) <= set(page.ids)
    for line in aleppo_brief.summary:
        for citation in line.citations:
            anchor = f"s{citation.source_number}-{citation.sentence_index}"
            assert anchor in page.fragment_links
            assert page.span_text[anchor] == citation.text


def test_html_summary_markers_link_each_source_once(aleppo_brief):
    page = to_html(aleppo_brief)
    for position, line in enumerate(aleppo_brief.summary, start=1):
        paragraph = re.search(rf'<p id="line-{position}">(.*?)</p>', page).group(1)
        markers = "".join(re.findall(r'<a href="#s\d+-\d+"[^>]*>(\[\d+\])</a>', paragraph))
        assert markers == _expected_markers(line)


def test_html_shows_every_source_article_in_full(aleppo_brief):
    page = _parse(to_html(aleppo_brief))
    for source, article in zip(aleppo_brief.sources, aleppo_brief.articles, strict=True):
        spans = [text for anchor, text in page.span_text.items() if anchor.startswith(f"s{source.number}-")]
        assert " ".join(spans).split() == article.text.split()


@pytest.mark.parametrize("explain", [False, True])
def test_html_escapes_everything_from_the_sources(hostile, explain):
    assert any(line.sentence.article_id == "evil" for line in hostile.summary), "hostile text not summarized"
    page = to_html(hostile, explain=explain)
    parsed = _parse(page)
    assert "<script" not in page.lower()
    assert not re.search(r"<[^<>]*onerror\s*=", page, flags=re.IGNORECASE)
    assert 'href="javascript:' not in page.lower()
    attributes = [(name, value or "") for _, attrs in parsed.tags for name, value in attrs]
    assert not [name for name, _ in attributes if name.startswith("on")]
    assert [value for name, value in attributes if name == "href" and not value.startswith("#")] == []
    # The hostile words are still there, as text the reader can see.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:alert(1)" in page
    if explain:  # removed text is shown escaped too
        assert "READ MORE: &lt;script&gt;alert(2)&lt;/script&gt;" in page


def test_html_citation_of_an_unknown_sentence_links_to_its_source():
    page = _parse(to_html(_hand_brief("One sentence that the segmenter will number zero.", sentence_index=7)))
    assert page.fragment_links == ["source-1"]
    assert "source-1" in page.ids


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://www.npr.org/2016/02/05/aleppo", True),
        ("HTTP://example.com/a?b=1&c=2", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//evil.example/x", False),
        ("https://evil.example/ onmouseover=alert(1)", False),
    ],
)
def test_html_links_only_http_urls(aleppo_story, url, linked):
    first = aleppo_story.articles[0]
    article = Article(id=first.id, outlet=first.outlet, title="T", url=url, published=None, text=first.text)
    page = to_html(brief(Story(articles=(article, *aleppo_story.articles[1:])), Options(max_words=60)))
    hrefs = [value for _, attrs in _parse(page).tags for name, value in attrs if name == "href"]
    external = [href for href in hrefs if href and not href.startswith("#")]
    assert external == ([url] if linked else [])
    assert "<script" not in page.lower()


# Plain text -------------------------------------------------------------------------------------


def test_text_wraps_summary_lines_at_88_columns_with_markers(aleppo_brief):
    text = to_text(aleppo_brief)
    blocks = text.split("\n\n")
    assert blocks[0] == "Brief\n====="
    for block, line in zip(blocks[1 : 1 + len(aleppo_brief.summary)], aleppo_brief.summary, strict=True):
        assert all(len(row) <= 88 for row in block.splitlines())
        assert " ".join(block.split()) == f"{' '.join(line.text.split())} {_expected_markers(line)}"
    assert "Sources\n-------\n  1. Al Jazeera\n" in text
    assert "What cleaning removed" not in text


def test_text_explain_lists_removals(aleppo_brief):
    text = to_text(aleppo_brief, explain=True)
    removed = text.split("What cleaning removed\n---------------------\n")[1].split("\n\n")[0]
    assert "aljazeera (Al Jazeera), link to another story: “READ MORE: Why Aleppo matters”" in removed
    assert "npr (NPR), copyright line:" in removed


def test_text_and_markdown_drop_terminal_control_characters(aleppo_story):
    first = aleppo_story.articles[0]
    article = Article(
        id=first.id, outlet="Al\x1b[31m Jazeera\x9b", title="", url=None, published=None, text=first.text
    )
    story_brief = brief(Story(articles=(article, *aleppo_story.articles[1:])), Options(max_words=60))
    for rendered in (to_text(story_brief, explain=True), to_markdown(story_brief, explain=True)):
        assert "\x1b" not in rendered
        assert "\x9b" not in rendered
