"""Tests for the rendering package: briefs of the real Aleppo articles in every format, and hostile input."""

from __future__ import annotations

import ast
import dataclasses
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from basil_stories import basil_story
from newsbrief.analysis.lexicon import as_inner_quotation
from newsbrief.errors import OptionError
from newsbrief.model import (
    ANALYSES,
    ActorNames,
    Analysis,
    Article,
    Brief,
    Citation,
    Claim,
    Conflict,
    Entity,
    Fact,
    Figure,
    Framing,
    Options,
    OutletFraming,
    Quote,
    Sentence,
    Source,
    Span,
    Story,
    SummarySentence,
    Term,
)
from newsbrief.pipeline.brief import brief
from newsbrief.pipeline.segment import segment
from newsbrief.rendering import render, to_html, to_json, to_markdown, to_text
from newsbrief.rendering.sections import figure_context

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "src" / "newsbrief" / "rendering" / "brief.schema.json"
TOP_LEVEL_KEYS = [
    "schema",
    "summary",
    "sources",
    "words",
    "options",
    "notices",
    "removals",
    "analysis",
    "timing_ms",
]
FORMATS = ["markdown", "json", "html", "text"]
# A citation and a sentence of an agreed fact have the same keys.
CITED_SENTENCE_KEYS = ["source", "article_id", "sentence_index", "start", "end", "text", "similarity"]
UNSAFE_MARKDOWN = {"html_block", "html_inline", "link_open", "image"}

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
        sentences=segment(article),
        removals=(),
        notices=(),
        options=Options(),
    )


def _markdown_token_types(markdown: str) -> set[str]:
    """The CommonMark token types of the text, block and inline."""
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").parse(markdown)
    return {token.type for token in tokens} | {
        child.type for token in tokens if token.type == "inline" for child in token.children or []
    }


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
    timed = render(aleppo_brief, output_format, explain=explain, timing=True)
    untimed = render(aleppo_brief, output_format, explain=explain)
    if renderer is to_json:
        assert timed == to_json(aleppo_brief, explain=explain, timing=True)
        assert untimed == to_json(aleppo_brief, explain=explain)
    else:  # the stage times only when asked for: they differ on every run
        assert timed == renderer(aleppo_brief, explain=explain)
        assert untimed == renderer(dataclasses.replace(aleppo_brief, timing_ms=()), explain=explain)
    assert ("Timing" in timed) == (explain and renderer is not to_json)
    assert "Timing" not in untimed


def test_render_defaults_to_markdown(aleppo_brief):
    assert render(aleppo_brief) == to_markdown(aleppo_brief)


def _imported_modules(path: Path) -> set[str]:
    """Every module a source file imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}


def test_rendering_and_the_model_do_not_import_the_pipeline():
    package = ROOT / "src" / "newsbrief"
    for path in sorted((package / "rendering").glob("*.py")):
        assert not {name for name in _imported_modules(path) if name.startswith("newsbrief.pipeline")}, path
    ours = {name for name in _imported_modules(package / "model.py") if name.startswith("newsbrief")}
    assert ours == {"newsbrief.errors"}


def test_html_anchors_are_the_sentences_the_brief_carries(aleppo_brief):
    # Split the first article's sentences differently from the segmenter: the page follows the brief.
    first = aleppo_brief.articles[0]
    own = [sent for sent in aleppo_brief.sentences if sent.article_id == first.id]
    merged = dataclasses.replace(own[0], end=own[1].end, text=first.text[own[0].start : own[1].end])
    others = tuple(sent for sent in aleppo_brief.sentences if sent.article_id != first.id)
    page = _parse(to_html(dataclasses.replace(aleppo_brief, sentences=(merged, *own[2:], *others))))
    assert page.span_text["s1-0"] == merged.text
    assert "s1-1" not in page.ids
    assert "s1-2" in page.ids


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
    """Byte for byte, JSON included: its timing_ms is empty unless asked for."""
    first = render(brief(aleppo_story, Options(max_words=150)), output_format)
    second = render(brief(aleppo_story, Options(max_words=150)), output_format)
    assert first == second


def test_json_is_byte_identical_across_runs_unless_timing_is_asked_for(aleppo_story):
    runs = [to_json(brief(aleppo_story, Options(max_words=150)), explain=True) for _ in range(2)]
    assert runs[0] == runs[1]
    assert json.loads(runs[0])["timing_ms"] == {}
    timed = [
        to_json(brief(aleppo_story, Options(max_words=150)), explain=True, timing=True) for _ in range(2)
    ]
    assert _without_timing(timed[0]) == _without_timing(timed[1]) == _without_timing(runs[0])
    # Byte level: everything before timing_ms, which is the last key, is identical.
    assert timed[0].split('"timing_ms"')[0] == timed[1].split('"timing_ms"')[0]
    assert list(json.loads(timed[0])["timing_ms"])[-1] == "total"


# Markdown ---------------------------------------------------------------------------------------


def test_markdown_gives_every_summary_line_its_citation_markers(aleppo_story):
    # 400 words: at 150 and 250 no Aleppo line is reported by two outlets, and one must be checked.
    long_brief = brief(aleppo_story, Options(max_words=400))
    markdown = to_markdown(long_brief)
    paragraphs = markdown.split("\n\n")
    assert paragraphs[0] == "# Brief"
    lines = paragraphs[1 : 1 + len(long_brief.summary)]
    assert len(long_brief.summary) >= 3
    for paragraph, line in zip(lines, long_brief.summary, strict=True):
        assert paragraph.endswith(" " + _expected_markers(line))
        markers = set(re.findall(r"\[(\d+)\]", paragraph.rsplit(" ", 1)[1]))
        assert markers == {str(citation.source_number) for citation in line.citations}
    assert any(len(line.citations) > 1 for line in long_brief.summary), "no corroborated line to check"


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
            # the Aleppo sentences need no escaping; their own quotation marks are single
            assert f"“{as_inner_quotation(citation.text)}”" in citations
    assert "“Closing In: Russia, Iran, Assad ‘Encircle’ Syria's Largest City" in citations
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
    assert not _markdown_token_types(to_markdown(hostile, explain=True)) & UNSAFE_MARKDOWN
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
    assert data["options"] == {"max_words": 150, "max_sentences": None, "analyses": [], "style": "neutral"}
    assert list(data["summary"][0]) == [
        "text",
        "article_id",
        "sentence_index",
        "start",
        "end",
        "corroboration",
        "citations",
        "voice",
        "unfinished",
        "speaker",
    ]
    assert list(data["summary"][0]["citations"][0]) == CITED_SENTENCE_KEYS
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
    assert data["timing_ms"] == {}  # filled only when asked for, below
    timed = json.loads(to_json(aleppo_brief, explain=explain, timing=True))
    assert list(timed) == expected
    assert list(timed["timing_ms"])[-1] == "total"


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


def test_html_sentences_take_their_direction_from_their_own_text(aleppo: dict[str, Article]):
    """An Arabic sentence beside English ones read left to right, its full stop at the wrong end."""
    # the opening of NPR's Aleppo article in Arabic, as an Arabic outlet would run it
    arabic = Article(
        id="arabic",
        outlet="الجزيرة",
        title="",
        url=None,
        published=None,
        text=(
            "منذ أسبوعين تدور معركة في حلب، وتنتج صوراً مأساوية لمدنيين جرحى بين الأنقاض.\n\n"
            "والمدينة، التي كانت الأكثر سكاناً في البلاد ومركزاً تجارياً، جائزة أساسية في الحرب الأهلية."
        ),
    )
    page = to_html(brief(Story(articles=(aleppo["npr"], arabic), id="s"), Options(max_words=400)))
    lines = re.findall(r'<p id="line-\d+"([^>]*)>(.)', page)
    assert {first for _, first in lines} & set("مو") and {first for _, first in lines} & set("FT")
    assert all(attrs == ' dir="auto"' for attrs, _ in lines)
    source_text = page[page.index('<div class="source-text">') :]
    paragraphs = re.findall(r"<p( [^>]*)?>", source_text)
    assert paragraphs and all(attrs in (' dir="auto"', ' class="meta"') for attrs in paragraphs)


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
        paragraph = re.search(rf'<p id="line-{position}"[^>]*>(.*?)</p>', page).group(1)
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


# Analysis sections ------------------------------------------------------------------------------
# The analysis is built by hand from the real Aleppo words, so these tests do not depend on the
# analysis modules: every span is found with str.find in the cleaned article.

MD_ANALYSIS_HEADINGS = [
    "Agreed facts",
    "Only one outlet",
    "Conflicts",
    "Disputed claims",
    "Figures",
    "Quotes",
    "Who and where",
    "Framing",
]
NOTHING_FOUND = [
    "No facts reported by two or more outlets found.",
    "No claims made by one outlet only found.",
    "No conflicting figures found.",
    "No figures found.",
    "No quotes found.",
    "No people, organizations or places found.",
    "No framing found.",
]
CAFARELLA = "The battle of Aleppo is the culmination of many years of fighting,"


def _articles(story_brief: Brief) -> dict[str, Article]:
    return {article.id: article for article in story_brief.articles}


def _span(article: Article, phrase: str) -> Span:
    """The span of the first ``phrase`` in the cleaned article."""
    start = article.text.find(phrase)
    assert start >= 0, f"{phrase!r} not in {article.id}"
    return Span(article.id, start, start + len(phrase), phrase)


def _sentence(article: Article, phrase: str) -> Sentence:
    """The segmented sentence of the cleaned article that contains ``phrase``."""
    return next(sent for sent in segment(article) if phrase in sent.text)


def _mentions(article: Article, word: str) -> tuple[Span, ...]:
    return tuple(
        Span(article.id, match.start(), match.end(), word)
        for match in re.finditer(rf"\b{re.escape(word)}\b", article.text)
    )


def _entity(articles: list[Article], name: str, label: str, word: str, variants: tuple[str, ...]) -> Entity:
    mentions = [_mentions(article, word) for article in articles]
    return Entity(
        name=name,
        label=label,
        variants=variants,
        counts=tuple((article.id, len(spans)) for article, spans in zip(articles, mentions, strict=True)),
        mentions=tuple(span for spans in mentions for span in spans),
    )


def _figure(
    article: Article, phrase: str, value: float, qualifier: str, what: str, attribution: str = ""
) -> Figure:
    return Figure(
        span=_span(article, phrase),
        sentence=_sentence(article, phrase),
        value=value,
        unit="people",
        qualifier=qualifier,
        what=what,
        attribution=attribution,
    )


def _full_analysis(story_brief: Brief) -> Analysis:
    """Every section filled from the real Aleppo articles."""
    aljazeera, npr, zerohedge = (_articles(story_brief)[key] for key in ("aljazeera", "npr", "zerohedge"))
    supply = (
        _sentence(npr, "cut off supply lines"),
        _sentence(aljazeera, "supply route from Turkey"),
        _sentence(zerohedge, "cut off supply lines from Turkey"),
    )
    divided = (_sentence(aljazeera, "physically divided"), _sentence(npr, "it has been divided"))
    residents = _figure(
        aljazeera, "more than 400,000", 400000.0, "more-than", "residents who remain in Aleppo"
    )
    fled = _figure(zerohedge, "nearly 40,000", 40000.0, "about", "people have fled an offensive", "AFP")
    died = _figure(
        npr,
        "More than 300",
        300.0,
        "more-than",
        "civilians have died in the last two weeks",
        "the opposition-leaning Syrian Observatory for Human Rights",
    )
    return Analysis(
        ran=ANALYSES,
        facts=(Fact(supply, (1.0, 0.41234567, 0.38765432)), Fact(divided, (1.0, 0.32351234))),
        claims=(Claim(_sentence(aljazeera, "blatantly untrue"), 0.42135678),),
        figures=(died, residents, fled),
        conflicts=(
            Conflict("people in and around Aleppo", (residents, fled), "both count people in Aleppo"),
        ),
        quotes=(
            Quote("direct", CAFARELLA, "Jennifer Cafarella", "analyst", (_span(npr, CAFARELLA),)),
            Quote(
                "indirect",
                "ceasefires can be extended to Aleppo",
                "John Kerry",
                "US Secretary of State",
                (
                    _span(zerohedge, "Kerry demanded that Moscow halt the offensive"),
                    _span(aljazeera, "ceasefires can be extended to Aleppo"),
                ),
            ),
        ),
        entities=(
            _entity([npr, zerohedge], "Bashar al-Assad", "PERSON", "Assad", ("Assad", "Bashar Assad")),
            _entity([aljazeera, npr, zerohedge], "Aleppo", "GPE", "Aleppo", ()),
        ),
        framing=Framing(
            outlets=(
                OutletFraming(
                    "aljazeera",
                    (Term("regime", 3.14159, aljazeera.text.count("regime")), Term("ceasefires", 2.0512, 3)),
                    0.123456,
                    "opinion",
                    ("blatantly", "naïve"),
                ),
                OutletFraming(
                    "npr", (Term("says", 2.449, npr.text.count("says")),), 0.01234, "reporting", ()
                ),
            ),
            actors=(
                ActorNames(
                    "Syrian government forces",
                    (
                        ("aljazeera", (("regime", aljazeera.text.count("regime")),)),
                        ("npr", (("Assad's forces", npr.text.count("Assad's forces")),)),
                        ("zerohedge", (("SAA", zerohedge.text.count("SAA")),)),
                    ),
                ),
            ),
        ),
    )


@pytest.fixture(scope="module")
def analysed(aleppo_brief: Brief) -> Brief:
    return dataclasses.replace(aleppo_brief, analysis=_full_analysis(aleppo_brief))


@pytest.fixture(scope="module")
def found_nothing(aleppo_brief: Brief) -> Brief:
    return dataclasses.replace(aleppo_brief, analysis=Analysis(ran=ANALYSES))


@pytest.fixture(scope="module")
def hostile_quote(hostile: Brief) -> Brief:
    """The hostile brief with a quote whose words and speaker carry script tags."""
    evil = _articles(hostile)["evil"]
    quote = Quote(
        kind="direct",
        text="<script>alert(1)</script> convoy",
        speaker='<script>alert("speaker")</script>',
        role="<b>spokesman</b> [link](javascript:alert(1))",
        spans=(_span(evil, "<script>alert(1)</script> convoy"),),
    )
    return dataclasses.replace(hostile, analysis=Analysis(ran=("quotes",), quotes=(quote,)))


def _md_section(markdown: str, heading: str) -> str:
    return markdown.split(f"## {heading}\n\n")[1].split("\n\n## ")[0]


def _text_section(text: str, heading: str) -> str:
    return text.split(f"\n{heading}\n{'-' * len(heading)}\n")[1].split("\n\n")[0]


def test_markdown_shows_each_analysis_section_between_summary_and_sources(analysed):
    markdown_it = pytest.importorskip("markdown_it")
    markdown = to_markdown(analysed)
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(markdown)
    headings = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"]
    assert headings == ["Brief", *MD_ANALYSIS_HEADINGS, "Sources"]
    assert _md_section(markdown, "Agreed facts").splitlines() == [
        "- “But the regime has managed to cut off supply lines from Turkey to the rebel area.” "
        "— reported by Al Jazeera [1], NPR [2], ZeroHedge [3]",
        "- “For years, the city has been physically divided between regime- and rebel-aligned forces and "
        "thus mirrored the larger military stalemate throughout the country.” — reported by Al Jazeera [1], NPR [2]",
    ]
    only_one = _md_section(markdown, "Only one outlet")
    assert only_one.startswith("- “Although blatantly untrue, the move")
    assert only_one.endswith("ceasefires.” — Al Jazeera [1]")


def test_markdown_shows_figures_conflicts_quotes_entities_and_framing(analysed):
    markdown = to_markdown(analysed)
    conflict = _md_section(markdown, "Conflicts")
    assert conflict.startswith(
        "- **people in and around Aleppo**: **“more than 400,000”** Al Jazeera [1] (“For "
    )
    assert " vs **“nearly 40,000”** ZeroHedge [3] (“" in conflict
    assert conflict.endswith("*both count people in Aleppo*")
    assert (
        "- “More than 300”: more than 300 people (“More than 300 civilians have died in the last two weeks on "
        "the rebel side of the lines…”), according to the opposition-leaning Syrian Observatory for Human "
        "Rights — NPR [2]"
    ) in _md_section(markdown, "Figures")
    assert (
        "- “more than 400,000”: more than 400,000 people (“For the more than 400,000 residents who remain in "
        "Aleppo, the immediate future is bleak.”) — Al Jazeera [1]"
    ) in markdown
    assert _md_section(markdown, "Quotes").splitlines() == [
        f"- “{CAFARELLA}” — Jennifer Cafarella (analyst) [2]",
        "- *indirect:* ceasefires can be extended to Aleppo — John Kerry (US Secretary of State) [1][3]",
    ]
    entities = analysed.analysis.entities
    assert _md_section(markdown, "Who and where").splitlines() == [
        "| name | kind | mentions | also called |",
        "| --- | --- | --- | --- |",
        f"| **Bashar al-Assad** | person | [2] {entities[0].counts[0][1]} · [3] {entities[0].counts[1][1]} "
        "| Assad, Bashar Assad |",
        "| **Aleppo** | place | "
        + " · ".join(f"[{n}] {c}" for n, (_, c) in enumerate(entities[1].counts, 1))
        + " | — |",
    ]
    framing = _md_section(markdown, "Framing")
    assert (
        "- Al Jazeera [1]: **opinion**, 12.3% opinion words (blatantly, naïve); distinctive: regime (z 3.14)"
        in framing
    )
    assert "- NPR [2]: **reporting**, 1.2% opinion words; distinctive: says (z 2.45)" in framing
    assert "- **Syrian government forces** → Al Jazeera [1]: regime (" in framing
    assert "NPR [2]: Assad's forces (2); ZeroHedge [3]: SAA (" in framing


def test_text_shows_each_analysis_section_wrapped(analysed):
    text = to_text(analysed)
    positions = [text.index(f"\n{name}\n{'-' * len(name)}\n") for name in MD_ANALYSIS_HEADINGS]
    assert positions == sorted(positions)
    assert text.index("sources.\n\nAgreed facts") < positions[0] < text.index("\nSources\n")
    assert all(len(row) <= 88 for row in text.splitlines())
    quotes = " ".join(_text_section(text, "Quotes").split())
    assert f"- “{CAFARELLA}” — Jennifer Cafarella (analyst) [2]" in quotes
    assert (
        "- indirect: ceasefires can be extended to Aleppo — John Kerry (US Secretary of State) [1][3]"
        in quotes
    )
    assert "Bashar al-Assad (person), mentions [2] " in _text_section(text, "Who and where")
    assert "also called Assad, Bashar Assad" in " ".join(_text_section(text, "Who and where").split())
    assert " vs “nearly 40,000” ZeroHedge [3]" in " ".join(_text_section(text, "Conflicts").split())


def test_html_shows_each_analysis_section_with_conflicts_styled(analysed):
    page = to_html(analysed)
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings == ["Summary", *MD_ANALYSIS_HEADINGS, "Sources"]
    assert '<section class="analysis conflicts">' in page
    assert ".conflicts{" in page
    assert "<strong>“nearly 40,000”</strong> ZeroHedge" in page
    assert "<em>indirect:</em> ceasefires can be extended to Aleppo" in page
    assert "<td><strong>Bashar al-Assad</strong></td><td>person</td>" in page
    parsed = _parse(page)
    assert not {tag for tag, _ in parsed.tags} & {"script", "link", "img", "iframe"}
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"
    assert set(parsed.fragment_links) <= set(parsed.ids)


def _analysis_links(page: str, section: str) -> list[str]:
    body = page.split(f'<section class="analysis {section}">')[1].split("</section>")[0]
    return re.findall(r'href="#(s\d+-\d+)"', body)


@pytest.mark.parametrize(
    ("section", "words"),
    [
        ("claims", ["blatantly untrue"]),
        ("figures", ["more than 400,000", "More than 300", "nearly 40,000"]),
        ("conflicts", ["more than 400,000", "nearly 40,000"]),
        ("quotes", ["The battle of Aleppo is", "as US Secretary of State John Kerry", "Kerry demanded"]),
    ],
)
def test_html_analysis_markers_link_to_the_sentence_holding_the_words(analysed, section, words):
    page = to_html(analysed)
    targets = [_parse(page).span_text[anchor] for anchor in _analysis_links(page, section)]
    assert len(targets) == len(words)
    for target in targets:
        assert any(word in target for word in words), target


def test_html_entity_markers_link_to_the_first_mention_in_each_source(analysed):
    page = to_html(analysed)
    texts = _parse(page).span_text
    anchors = _analysis_links(page, "entities")
    assert [anchor.split("-")[0] for anchor in anchors] == ["s2", "s3", "s1", "s2", "s3"]
    assert all("Assad" in texts[anchor] for anchor in anchors[:2])
    assert all("Aleppo" in texts[anchor] for anchor in anchors[2:])


@pytest.mark.parametrize("renderer", [to_markdown, to_text, to_html])
def test_an_analysis_that_ran_and_found_nothing_says_so(found_nothing, renderer):
    rendered = renderer(found_nothing)
    for line in NOTHING_FOUND:
        assert line in rendered
    assert "<li" not in rendered.split("Agreed facts")[1].split("Sources")[0]


@pytest.mark.parametrize("renderer", [to_markdown, to_text, to_html])
def test_only_the_analyses_that_ran_get_sections(analysed, renderer):
    quotes_only = dataclasses.replace(
        analysed, analysis=dataclasses.replace(analysed.analysis, ran=("quotes",))
    )
    rendered = renderer(quotes_only)
    assert "Quotes" in rendered
    assert "Cafarella" in rendered
    for heading in MD_ANALYSIS_HEADINGS:
        if heading != "Quotes":
            assert heading not in rendered


@pytest.mark.parametrize("renderer", [to_markdown, to_text, to_html])
@pytest.mark.parametrize("explain", [False, True])
def test_default_analysis_leaves_the_output_as_it_was(aleppo_brief, analysed, renderer, explain):
    rendered = renderer(aleppo_brief, explain=explain)
    assert aleppo_brief.analysis == Analysis()
    for heading in MD_ANALYSIS_HEADINGS:
        assert heading not in rendered
    assert "conflicts" not in rendered
    # What did not run is not shown, even when there is data for it.
    not_run = dataclasses.replace(analysed, analysis=dataclasses.replace(analysed.analysis, ran=()))
    assert re.sub(r"\d+\.\d ms", "", renderer(not_run, explain=explain)) == re.sub(
        r"\d+\.\d ms", "", rendered
    )


def test_facts_beyond_ten_are_counted_not_shown(analysed):
    many = dataclasses.replace(analysed.analysis, facts=analysed.analysis.facts * 6)
    markdown = to_markdown(dataclasses.replace(analysed, analysis=many))
    section = _md_section(markdown, "Agreed facts")
    assert len([row for row in section.splitlines() if row.startswith("- ")]) == 10
    assert section.endswith("… and 2 more (the JSON output lists them all).")
    assert len(json.loads(to_json(dataclasses.replace(analysed, analysis=many)))["analysis"]["facts"]) == 12


POT_SEIZED = (
    "The Rocky Mountain High Intensity Drug Trafficking Area wrote in a recent report that the amount of "
    "Colorado pot seized on highways increased from an annual average of 2,763 pounds between 2005 and "
    "2008 to a yearly average of 3,690 pounds from 2009 to 2013."
)


def _unwrapped_text(story_brief: Brief) -> str:
    """The text format with its wrapped lines joined: a figure's line may wrap anywhere."""
    return " ".join(to_text(story_brief).split())


def _figure_in(sentence: str, phrase: str) -> Figure:
    """A figure written ``phrase`` in a one-sentence article."""
    start = sentence.index(phrase)
    return Figure(
        span=Span("a", start, start + len(phrase), phrase),
        sentence=Sentence("a", 0, 0, 0, len(sentence), sentence),
        value=1.0,
        unit="count",
        qualifier="exact",
        what="",
    )


# BASIL sentences: a figure is shown in the words around it, verbatim, cut at clause breaks where
# it can and at word boundaries where one clause is too long; never inside the figure.
@pytest.mark.parametrize(
    ("sentence", "phrase", "context"),
    [
        # short: the whole sentence
        ("Clinton told about 600 supporters at the fairgrounds.", "about 600",
         "Clinton told about 600 supporters at the fairgrounds."),
        # the clauses around the figure that fit; "addressing the controversial Trans Pacific ..." does not
        ("\"Let's take the lemons and turn it into lemonade,\" Clinton told about 600 supporters at the Iowa "
         "State Fairgrounds, addressing the controversial Trans Pacific Partnership trade proposal that has "
         "splintered Obama from House Minority Leader Nancy Pelosi, D-Calif., and rank-and-file Democrats.",
         "about 600",
         "\"Let's take the lemons and turn it into lemonade,\" Clinton told about 600 supporters at the Iowa "
         "State Fairgrounds…"),
        # the comma inside "Oct. 28, 2016" is no clause break
        ("Abedin’s emails shook the 2016 presidential race, as Comey told Congress on Oct. 28, 2016, just days "
         "before the election, that the FBI had found more of Clinton’s messages on Weiner’s laptop as they "
         "investigated a sexting case against him.", "Oct. 28, 2016",
         "Abedin’s emails shook the 2016 presidential race, as Comey told Congress on Oct. 28, 2016, just days "
         "before the election…"),
        # one long clause: whole words each side
        (POT_SEIZED, "2,763 pounds",
         "…pot seized on highways increased from an annual average of 2,763 pounds between 2005 and 2008 to a "
         "yearly average of 3,690 pounds…"),
        # a clause too short to say what the figure is ("Since 2014"): whole words each side
        ("Since 2014, a high proportion of those crossing have been Central American children and families "
         "seeking to make humanitarian claims such as asylum.", "2014",
         "Since 2014, a high proportion of those crossing have been Central American children and families "
         "seeking to make…"),
        # near the end: what the right side leaves goes to the left
        (POT_SEIZED, "3,690 pounds",
         "…increased from an annual average of 2,763 pounds between 2005 and 2008 to a yearly average of "
         "3,690 pounds from 2009 to 2013."),
    ],
)  # fmt: skip
def test_a_figure_is_shown_in_the_words_around_it(sentence: str, phrase: str, context: str) -> None:
    assert figure_context(_figure_in(sentence, phrase)) == context


def test_a_figure_is_never_cut_however_long() -> None:
    phrase = (
        "from an annual average of 2,763 pounds between 2005 and 2008 to a yearly average of 3,690 pounds"
    )
    context = figure_context(_figure_in(POT_SEIZED, phrase))
    assert phrase in context
    assert context.startswith("…") and context.endswith(".")


def test_every_format_shows_a_figure_in_the_words_the_json_gives(analysed: Brief) -> None:
    figures = json.loads(to_json(analysed))["analysis"]["figures"]
    (context,) = [figure["context"] for figure in figures if figure["text"] == "More than 300"]
    assert (
        context == "More than 300 civilians have died in the last two weeks on the rebel side of the lines…"
    )
    assert f"(“{context}”)" in to_markdown(analysed)
    assert f"(“{context}”)" in _unwrapped_text(analysed)
    assert f"(“{context}”)" in to_html(analysed)


def _first_figure_as(brief: Brief, **changes: object) -> Brief:
    """The brief with only its first figure, changed as given (``dataclasses.replace``'s fields)."""
    figure = dataclasses.replace(brief.analysis.figures[0], **changes)
    return dataclasses.replace(brief, analysis=Analysis(ran=("figures",), figures=(figure,)))


@pytest.mark.parametrize(
    ("value", "unit", "written"),
    [
        (2016.0, "year", "the year 2016"),
        (2.5, "percent", "2.5 percent"),
        (1250000.0, "USD", "1,250,000 USD"),
        (20160229.0, "date", "2016-02-29"),
        (315.0, "date", "March 15"),
        (21.0, "count", "21"),
        (2.0, "village", "2 villages"),
        (3.0, "city", "3 cities"),
        # BASIL, Boehner's "89 freshmen running for their first re-elections" read "89 freshmans"
        (89.0, "freshman", "89 freshmen"),
        (100.0, "life", "100 lives"),  # BASIL, Orlando: "more than 100 lifes"
        (2.0, "human", "2 humans"),
        (1.0, "village", "1 village"),
        (45.0, "age", "age 45"),
        (400000.0, "people", "400,000 people"),
        (3.0, "weeks", "3 weeks"),
        (1.0, "days", "1 day"),  # BASIL: "On one day, protesters were told to gather in one place."
    ],
)
def test_figure_values_read_as_people_write_them(analysed, value, unit, written):
    written_brief = _first_figure_as(analysed, value=value, unit=unit, qualifier="exact")
    assert f"“More than 300”: {written} (“More than 300 civilians have died" in _unwrapped_text(written_brief)
    assert json.loads(to_json(written_brief))["analysis"]["figures"][0]["normalized"] == written


@pytest.mark.parametrize(
    ("value", "head", "written"),
    [
        # BASIL, the elephant trophies: "Two other lawmakers, Rep. Vern Buchanan, ..." was "2 people"
        (2.0, "lawmaker", "2 lawmakers"),
        (20.0, "child", "20 children"),
        (2.0, "congressman", "2 congressmen"),
        (1.0, "senator", "1 senator"),
        (12.0, "intelligence officer", "12 officers"),
        (13_000_000.0, "americans", "13,000,000 people"),  # a name's lemma: no noun for people to show
        (400_000.0, "", "400,000 people"),
    ],
)
def test_a_count_of_people_is_shown_with_its_noun(analysed, value, head, written):
    brief = _first_figure_as(analysed, value=value, unit="people", head=head, qualifier="exact")
    assert f"“More than 300”: {written} (“More than 300 civilians have died" in _unwrapped_text(brief)
    assert json.loads(to_json(brief))["analysis"]["figures"][0]["normalized"] == written


@pytest.mark.parametrize(
    ("value", "upper", "unit", "written"),
    [(300.0, 400.0, "people", "300 to 400 people"), (6.0, 12.0, "age", "ages 6 to 12")],
)
def test_a_range_is_written_with_both_ends(analysed, value, upper, unit, written):
    ranged = _first_figure_as(analysed, value=value, upper=upper, unit=unit, qualifier="range")
    assert f"“More than 300”: {written} (“More than 300 civilians have died" in _unwrapped_text(ranged)
    written_json = json.loads(to_json(ranged))["analysis"]["figures"][0]
    assert (
        written_json["value"],
        written_json["upper"],
        written_json["qualifier"],
        written_json["normalized"],
    ) == (
        int(value),
        int(upper),
        "range",
        written,
    )


@pytest.mark.parametrize(
    ("value", "previous", "unit", "written"),
    [
        (25.0, 39.6, "percent", "25 percent, down from 39.6 percent"),
        (8.0, 7.0, "count", "8, up from 7"),
    ],
)
def test_a_change_is_written_with_what_it_changed_from(analysed, value, previous, unit, written):
    changed = _first_figure_as(analysed, value=value, previous=previous, unit=unit, qualifier="exact")
    assert f"“More than 300”: {written} (“More than 300 civilians have died" in _unwrapped_text(changed)
    written_json = json.loads(to_json(changed))["analysis"]["figures"][0]
    assert (written_json["value"], written_json["previous"], written_json["normalized"]) == (
        value,
        previous,
        written,
    )


def test_html_escapes_a_quote_with_script_in_its_words_and_speaker(hostile_quote):
    page = to_html(hostile_quote)
    assert "<script" not in page.lower()
    assert "<b>" not in page
    quotes = page.split('<section class="analysis quotes">')[1].split("</section>")[0]
    assert "“&lt;script&gt;alert(1)&lt;/script&gt; convoy”" in quotes
    # markupsafe writes a double quote as &#34; (html.escape wrote &quot;): the same character
    assert "&lt;script&gt;alert(&#34;speaker&#34;)&lt;/script&gt; (&lt;b&gt;spokesman&lt;/b&gt;" in quotes
    assert 'href="#s4-0"' in quotes
    assert "javascript" not in "".join(re.findall(r'href="[^"]*"', page))


def test_markdown_escapes_a_quote_with_script_in_its_words_and_speaker(hostile_quote):
    markdown = to_markdown(hostile_quote)
    assert not _markdown_token_types(markdown) & UNSAFE_MARKDOWN
    assert '- “\\<script>alert(1)\\</script> convoy” — \\<script>alert("speaker")\\</script>' in markdown


@pytest.fixture(scope="module")
def left_out(analysed: Brief) -> Brief:
    """The analysed brief with ZeroHedge's scare quotes left out of its quotes."""
    zerohedge = _articles(analysed)["zerohedge"]
    phrases = tuple(_span(zerohedge, phrase) for phrase in ("moderate", "promised", "robust"))
    return dataclasses.replace(
        analysed, analysis=dataclasses.replace(analysed.analysis, unattributed=phrases)
    )


def test_phrases_left_out_of_the_quotes_are_counted_and_named_under_them(left_out):
    line = (
        "Not listed: 3 phrases in quote marks with no speaker found (scare quotes, titles, words "
        "mentioned, unattributed quotes): “moderate” [3], “promised” [3], “robust” [3]."
    )
    assert _md_section(to_markdown(left_out), "Quotes").splitlines()[-1] == line
    assert " ".join(to_text(left_out).split()).count(line) == 1
    assert to_html(left_out).count("Not listed: 3 phrases in quote marks") == 1
    assert [span["text"] for span in json.loads(to_json(left_out))["analysis"]["unattributed"]] == [
        "moderate",
        "promised",
        "robust",
    ]


def test_past_a_few_phrases_left_out_the_line_says_how_many_more(left_out):
    many = left_out.analysis.unattributed * 3
    markdown = to_markdown(
        dataclasses.replace(left_out, analysis=dataclasses.replace(left_out.analysis, unattributed=many))
    )
    assert "Not listed: 9 phrases in quote marks" in markdown
    assert "“robust” [3] and 3 more (the JSON output lists them all)." in markdown


def test_html_escapes_a_phrase_left_out_with_script_in_it(hostile):
    evil = _articles(hostile)["evil"]
    phrase = _span(evil, "<script>alert(1)</script> convoy")
    page = to_html(dataclasses.replace(hostile, analysis=Analysis(ran=("quotes",), unattributed=(phrase,))))
    assert "<script" not in page.lower()
    assert "“&lt;script&gt;alert(1)&lt;/script&gt; convoy”" in page


# Analysis in JSON -------------------------------------------------------------------------------


def test_json_analysis_follows_the_contract(analysed):
    data = json.loads(to_json(analysed))
    analysis = data["analysis"]
    assert list(analysis) == [
        "ran",
        "facts",
        "claims",
        "figures",
        "conflicts",
        "quotes",
        "unattributed",
        "entities",
        "framing",
        "disputes",
    ]
    assert analysis["ran"] == list(ANALYSES)
    assert [fact["sources"] for fact in analysis["facts"]] == [[1, 2, 3], [1, 2]]
    assert list(analysis["facts"][0]["sentences"][1]) == CITED_SENTENCE_KEYS
    assert [sent["similarity"] for sent in analysis["facts"][0]["sentences"]] == [1.0, 0.4123, 0.3877]
    assert analysis["claims"][0]["weight"] == 0.4214
    assert analysis["claims"][0]["source"] == 1
    figure = analysis["figures"][0]
    assert list(figure) == [
        "text",
        "value",
        "unit",
        "qualifier",
        "normalized",
        "context",
        "what",
        "attribution",
        "source",
        "article_id",
        "start",
        "end",
        "sentence",
    ]
    assert (figure["text"], figure["value"], figure["qualifier"], figure["normalized"], figure["source"]) == (
        "More than 300",
        300,
        "more-than",
        "more than 300 people",
        2,
    )
    assert list(figure["sentence"]) == ["sentence_index", "start", "end", "text"]
    assert analysis["conflicts"][0]["what"] == "people in and around Aleppo"
    assert [f["source"] for f in analysis["conflicts"][0]["figures"]] == [1, 3]
    kerry = analysis["quotes"][1]
    assert (kerry["kind"], kerry["sources"], [span["source"] for span in kerry["spans"]]) == (
        "indirect",
        [1, 3],
        [3, 1],
    )
    assad = analysis["entities"][0]
    assert list(assad) == ["name", "label", "kind", "variants", "total", "counts", "mentions"]
    assert (assad["label"], assad["kind"]) == ("PERSON", "person")
    assert assad["total"] == len(assad["mentions"]) == sum(count["count"] for count in assad["counts"])
    outlet = analysis["framing"]["outlets"][0]
    assert (outlet["source"], outlet["opinion"], outlet["distinctive"][0]["z"]) == (1, 0.1235, 3.14)
    names = analysis["framing"]["actors"][0]["names"]
    assert [(entry["source"], entry["names"][0]["name"]) for entry in names] == [
        (1, "regime"),
        (2, "Assad's forces"),
        (3, "SAA"),
    ]


def _spans(node: object, article_id: str = ""):
    """Every (article id, object with start, end and text) in the JSON analysis."""
    if isinstance(node, dict):
        article_id = node.get("article_id", article_id)
        if {"start", "end", "text"} <= node.keys():
            yield article_id, node
        for value in node.values():
            yield from _spans(value, article_id)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value, article_id)


def test_json_analysis_spans_point_at_the_article_words(analysed):
    data = json.loads(to_json(analysed, explain=True))
    texts = {article["id"]: article["text"] for article in data["articles"]}
    numbers = {source["article_id"]: source["number"] for source in data["sources"]}
    spans = list(_spans(data["analysis"]))
    assert len(spans) > 40
    for article_id, span in spans:
        assert texts[article_id][span["start"] : span["end"]] == span["text"]
        assert span.get("source", numbers[article_id]) == numbers[article_id]


def test_json_of_the_default_analysis_is_empty_with_null_framing(aleppo_brief, found_nothing):
    expected = {
        "ran": [],
        "facts": [],
        "claims": [],
        "figures": [],
        "conflicts": [],
        "quotes": [],
        "unattributed": [],
        "entities": [],
        "framing": None,
        "disputes": [],
    }
    assert json.loads(to_json(aleppo_brief))["analysis"] == expected
    assert json.loads(to_json(found_nothing))["analysis"] == {**expected, "ran": list(ANALYSES)}


def test_json_options_list_the_analyses_asked_for(aleppo_brief):
    options = Options(max_words=150, analyses=("quotes", "facts"))
    data = json.loads(to_json(dataclasses.replace(aleppo_brief, options=options)))
    assert data["options"] == {
        "max_words": 150,
        "max_sentences": None,
        "analyses": list(options.analyses),
        "style": "neutral",
    }
    assert sorted(data["options"]["analyses"]) == ["facts", "quotes"]


@pytest.mark.parametrize("explain", [False, True])
def test_json_with_every_analysis_matches_the_published_schema(
    analysed, found_nothing, hostile_quote, left_out, explain
):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for story_brief in (analysed, found_nothing, hostile_quote, left_out):
        jsonschema.validate(json.loads(to_json(story_brief, explain=explain)), schema)


def test_schema_rejects_an_analysis_missing_a_key(analysed):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = json.loads(to_json(analysed))
    del data["analysis"]["figures"][0]["sentence"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize("output_format", ["markdown", "text", "html"])
def test_analysis_only_leaves_out_the_summary_and_its_citations(analysed, output_format):
    rendered = render(analysed, output_format, explain=True, summary=False)
    assert "Citations" not in rendered
    assert "words from" not in rendered
    assert "Agreed facts" in rendered
    assert "blatantly untrue" in rendered
    if output_format == "html":  # the sources are shown in full, but nothing links to summary lines
        parsed = _parse(rendered)
        assert set(parsed.fragment_links) <= set(parsed.ids)
        assert not [anchor for anchor in parsed.fragment_links if anchor.startswith("line-")]
    else:
        assert analysed.summary[0].text not in rendered


def test_json_is_whole_even_for_analysis_only(analysed):
    assert render(analysed, "json", summary=False) == to_json(analysed)


def test_a_bare_count_that_says_nothing_of_what_it_counts_is_counted_not_shown(analysed):
    telling = analysed.analysis.figures[0]
    bare = dataclasses.replace(telling, value=21.0, unit="count", what="", qualifier="exact")
    analysis = Analysis(ran=("figures",), figures=(telling, bare))
    markdown = to_markdown(dataclasses.replace(analysed, analysis=analysis))
    section = _md_section(markdown, "Figures")
    assert len([row for row in section.splitlines() if row.startswith("- ")]) == 1
    assert section.endswith("… and 1 more (the JSON output lists them all).")
    assert (
        len(json.loads(to_json(dataclasses.replace(analysed, analysis=analysis)))["analysis"]["figures"]) == 2
    )


def test_a_sentence_that_is_itself_a_quotation_is_not_quoted_again(aleppo_brief, aleppo):
    # NPR's commander, a whole quotation; ZeroHedge's Bloomberg line, a quotation and its attribution,
    # shown in double marks with its own in single ones
    sentences = {sent.text: sent for key in ("npr", "zerohedge") for sent in segment(aleppo[key])}
    wholly = '"To make a path and break the siege for our people in Aleppo city."'
    partly = '"Backed by Russian firepower and Hezbollah militants, Syrian government troops have cut off rebel supply lines between the northern city of Aleppo and Turkey," Bloomberg writes.'
    claims = tuple(Claim(sentence=sentences[text], weight=0.5) for text in (wholly, partly))
    shown = dataclasses.replace(aleppo_brief, analysis=Analysis(ran=("facts",), claims=claims))
    section = _md_section(to_markdown(shown), "Only one outlet")
    assert f"- {wholly} — " in section
    inner = partly.replace('"Backed', "‘Backed").replace('Turkey,"', "Turkey,’")
    assert f"- “{inner}” — " in section


def _npr_quote(brief: Brief, speaker: str, role: str) -> Quote:
    """A direct quote of NPR's first sentence in the Aleppo brief, given to ``speaker``."""
    article = _articles(brief)["npr"]
    words = article.text.split(".")[0]
    return Quote(kind="direct", text=words, speaker=speaker, role=role, spans=(_span(article, words),))


@pytest.mark.parametrize("to_format", [to_markdown, to_text, to_html])
def test_a_described_speakers_role_is_not_repeated_after_it(aleppo_brief: Brief, to_format) -> None:
    """A speaker named by description ("the head of the ... mission to Syria") has that description,
    without its article, as the role; every format printed it twice, the second time in brackets.
    A role that adds to the speaker is still shown."""
    described = _npr_quote(
        aleppo_brief,
        speaker="the head of the Doctors Without Borders (MSF) mission to Syria",
        role="head of the Doctors Without Borders (MSF) mission to Syria",
    )
    named = dataclasses.replace(described, speaker="Pablo Marco", role="head of the MSF mission to Syria")
    rendered = to_format(
        dataclasses.replace(aleppo_brief, analysis=Analysis(ran=("quotes",), quotes=(described,)))
    )
    assert "mission to Syria (head of" not in " ".join(rendered.split())
    shown = to_format(dataclasses.replace(aleppo_brief, analysis=Analysis(ran=("quotes",), quotes=(named,))))
    assert "Pablo Marco (head of the MSF mission to Syria)" in " ".join(shown.split())


@pytest.mark.parametrize("to_format", [to_markdown, to_text, to_html])
def test_issue_a_speaker_is_named_alike_by_every_format_and_the_json(aleppo_brief: Brief, to_format) -> None:
    """The formats compared the role with the speaker's words as read, line break and all, and
    repeated a role that the speaker held across a line ("mission\\nto Syria (... mission to
    Syria)"), where the page, comparing them on one line, did not; the JSON now carries the one
    label (``speaker_label``) that the formats show and the page reads."""
    quote = _npr_quote(
        aleppo_brief,
        speaker="the head of the Doctors Without Borders (MSF) mission\nto Syria",
        role="head of the Doctors Without Borders (MSF) mission to  Syria",
    )
    analysed = dataclasses.replace(aleppo_brief, analysis=Analysis(ran=("quotes",), quotes=(quote,)))
    label = json.loads(to_json(analysed))["analysis"]["quotes"][0]["speaker_label"]
    assert label == "the head of the Doctors Without Borders (MSF) mission to Syria"
    shown = " ".join(to_format(analysed).split())
    assert f" — {label} [" in shown or f" — {label} <" in shown
    assert "to Syria (head of" not in shown


def test_a_date_or_year_with_nothing_said_of_it_is_counted_not_shown(analysed):
    telling = analysed.analysis.figures[0]
    date = dataclasses.replace(telling, value=20161014.0, unit="date", what="", qualifier="exact")
    year = dataclasses.replace(telling, value=1996.0, unit="year", what="", qualifier="exact")
    analysis = Analysis(ran=("figures",), figures=(telling, date, year))
    section = _md_section(to_markdown(dataclasses.replace(analysed, analysis=analysis)), "Figures")
    assert len([row for row in section.splitlines() if row.startswith("- ")]) == 1
    assert section.endswith("… and 2 more (the JSON output lists them all).")


def _cut(aleppo: dict[str, Article], words: int) -> Story:
    """The Aleppo articles cut at ``words`` words each, as a feed's excerpts are."""
    articles = tuple(
        dataclasses.replace(article, text=" ".join(article.text.split()[:words]))
        for article in aleppo.values()
    )
    return Story(articles=articles, id="aleppo-cut")


@pytest.mark.parametrize("output_format", ["markdown", "text", "html"])
def test_a_line_its_source_cut_mid_sentence_ends_with_an_ellipsis(
    aleppo: dict[str, Article], output_format: str
) -> None:
    """Cut at 22 words, Al Jazeera's text stops inside its first sentence, "... and other parts
    of"; the 60-word lede takes those words (a later sentence cut short is no line, a lede is),
    which read as a sentence that trails off unless the brief shows the source ends there. The
    JSON keeps the words verbatim and says so in ``unfinished``."""
    result = brief(_cut(aleppo, 22), Options(max_words=60))
    cut = [line for line in result.summary if line.unfinished]
    assert [line.text.endswith("other parts of") for line in cut] == [True]
    assert all(line.text.endswith((".", ".”", '."')) for line in result.summary if not line.unfinished)
    shown = render(result, output_format)
    assert "other parts of …" in " ".join(shown.split())
    data = json.loads(render(result, "json"))
    assert [line["unfinished"] for line in data["summary"]] == [line.unfinished for line in result.summary]
    assert any(line["text"].endswith("other parts of") for line in data["summary"])


@pytest.mark.parametrize("output_format", ["markdown", "text", "html"])
def test_every_format_says_whose_voice_a_line_speaks_in(
    zerohedge_own_voice: Article, output_format: str
) -> None:
    """Only the Markdown said "(in ZeroHedge's voice)"; the text and HTML formats showed the line
    as if it were a report."""
    result = brief(Story(articles=(zerohedge_own_voice,), id="zh"), Options(max_words=40))
    assert "(in ZeroHedge's voice)" in " ".join(html.unescape(render(result, output_format)).split())


@pytest.mark.nlp
@pytest.mark.parametrize("output_format", ["markdown", "text", "html", "json"])
def test_every_format_says_who_said_a_quotation_that_names_no_one(
    tweet_quoted_alone: Article, output_format: str
) -> None:
    result = brief(
        Story(articles=(tweet_quoted_alone,), id="nyt"), Options(max_words=40, analyses=("quotes",))
    )
    shown = render(result, output_format)
    if output_format == "json":
        assert [line["speaker"] for line in json.loads(shown)["summary"]] == [None, "Trump"]
    else:
        words = html.unescape(re.sub(r"<[^>]+>", "", shown)).replace("*", "")  # tags and emphasis aside
        assert "Thank you!” (said by Trump)" in " ".join(words.split())


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("output_format", "denial"),
    [
        ("markdown", "— disputed by Al Jazeera [1] “Although **blatantly untrue**, the move has justified"),
        ("html", "“Although <strong>blatantly untrue</strong>, the move has justified"),
    ],
)
def test_a_disputed_claim_shows_the_denial_words_in_the_denying_sentence(
    aleppo_story: Story, output_format: str, denial: str
) -> None:
    """It read "— disputed as **blatantly untrue**: aljazeera [1] “Although blatantly untrue, ...”",
    and for a verb cue "disputed as **disputed**": the words are now marked where they stand."""
    shown = render(brief(aleppo_story, Options(analyses=("figures",))), output_format)
    assert denial in " ".join(shown.split())
    assert "disputed as" not in shown


@pytest.mark.nlp
def test_a_denial_that_ends_its_own_sentence_gets_no_second_full_stop() -> None:
    """A real BASIL dispute read "... has gone too far.’”. matched because ...": the quoted
    sentence's own stop ends the item."""
    story = Story(articles=basil_story("basil-buzzfeed-cohen-report.jsonl"))
    disputes = _md_section(to_markdown(brief(story, Options(analyses=("figures",)))), "Disputed claims")
    items = [line for line in disputes.splitlines() if line.startswith("- ")]
    assert items
    assert not [item for item in items if re.search(r"[.!?][’']?”\.", item)]
    assert all(item.endswith("*.") and " *Matched because " in item for item in items)


def test_a_source_sentence_shown_in_quotation_marks_puts_its_own_quotations_in_single_marks():
    """A real BASIL agreed fact that opens with a quotation read ““If there's …,” Obama said.”.
    (Without the quotes analysis: with it, HuffPost's side of the fact is a bare quotation,
    listed under the quotes, and Fox's alone is no agreed fact.)"""
    story = Story(articles=basil_story("basil-atf-nominee.jsonl"))
    markdown = to_markdown(brief(story, Options(max_words=100, analyses=("facts", "figures"))))
    facts = _md_section(markdown, "Agreed facts")
    assert (
        "- “‘If there's even one life that can be saved, then we've got an obligation to try,’ Obama said.” "
        "— reported by Fox News [2], HuffPost [3]"
    ) in facts.splitlines()
    assert "““" not in markdown and "””" not in markdown
    assert "(“…during a two-hour briefing on Monday that there are ‘19 independent steps" in markdown


def test_a_first_sentence_in_the_lists_is_printed_without_its_dateline():
    """The Times's first sentence read "“WASHINGTON — Leading Democrats called Friday ...” —
    reported by ..." under "Agreed facts", while the brief's own lines leave the dateline out."""
    story = Story(articles=basil_story("basil-putin-summit.jsonl"))
    facts = _md_section(to_markdown(brief(story, Options(analyses=("facts",)))), "Agreed facts")
    assert "- “Leading Democrats called Friday for President Trump to cancel his" in facts
    assert "WASHINGTON" not in facts
