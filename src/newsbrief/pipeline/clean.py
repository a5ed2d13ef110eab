"""Remove what is not the article: links to other stories, credits, share lines, repeated paragraphs.

Cleaning works on whole paragraphs, so the paragraphs it keeps are the article's own words,
unchanged; the cleaned text joins them with blank lines. The exceptions are an editor's update
label at the head of a paragraph ("UPDATE 2:52 p.m. -- ", "Updated: ") and a page's label before
its bullet points ("Story highlights"): the label goes and the paragraph's own words stay. Each
removal is returned as a ``Removal`` located in the text as it was read, so ``--explain`` can show
what went and why.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Sequence

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsbrief.analysis.lexicon import introduces_a_block_quotation
from newsbrief.model import Article, Notice, Removal
from newsbrief.pipeline.segment import paragraph_spans

__all__ = ["BOILERPLATE_PATTERNS", "clean", "language_notice", "lowered_words", "merge_duplicates"]

_I = re.IGNORECASE

# An editor's label at the head of a paragraph added after publication, with its time or date:
# "UPDATE: ", "Updated: ", "UPDATE 2:52 p.m. -- ", "UPDATE - May 30, 10 p.m.: ". The separator
# is required, so a sentence that opens with the word ("Updated figures show ...") is left alone.
_UPDATE_LABEL = re.compile(
    r"^\s*(?:UPDATED?|Updated?)(?:\s*[-–—]\s*|\s+)?"
    r"(?:(?::\s*)?(?:[A-Z][a-z]{2,8}\.? \d{1,2},\s*)?\d{1,2}(?::\d{2})?\s*[ap]\.m\.\s*)?"
    r"(?::|--|—|–)(?:\s+|$)"
)

# A page's label before its bullet points at the head of a paragraph: CNN's "Story highlights" (3
# of the 40 Multi-News stories' articles open with it, glued to the first bullet). The label goes;
# each bullet is then judged as any paragraph (a short line without a full stop is a heading).
_PAGE_LABEL = re.compile(r"^\s*Story highlights\b\s*")

# A photo's caption and credit at the head of a paragraph, as USA Today's pages carry them inline:
# "People take the statin Lipitor for lowering blood cholesterol. (Photo: Mel Evans, AP) Story
# Highlights According to the new criteria, ...". The credit must end the paragraph or stand before
# the page's "Story Highlights" label, so a report that names a photo mid-paragraph stays.
_PHOTO_CAPTION = re.compile(
    r"^[^\n]{0,400}?\((?:photo|image|picture)s?(?::| by)\s[^()\n]{1,100}\)"
    r"(?:\s*$|\s*Story Highlights\b\s*)",
    _I,
)

# (reason, pattern matched against a whole stripped paragraph). The first match names the reason.
BOILERPLATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("link to another story", re.compile(r"^(read more|read also|related|more|see also|also read)\s*:", _I)),
    (
        "link to another story",
        re.compile(r"^(read more|you may also like|related (posts|stories|coverage))\b", _I),
    ),
    ("link to another story", re.compile(r"^\(?(also on \w+|photos?|quiz|video|watch|listen|story)\s*:", _I)),
    (
        "link to another story",
        re.compile(r"^(watch|listen|interactive map|in video|in graphics|explained)\s*:", _I),
    ),
    ("link to another story", re.compile(r"^►")),
    ("link to another story", re.compile(r"^photo gallery\b", _I)),
    ("source line", re.compile(r"^source\s*:\s*\S.{0,60}$", _I)),
    ("copyright line", re.compile(r"^(copyright|©|\(c\))\s*\d{4}\b", _I)),
    # "t(?<!\w.)o" is "\bto" written to open with a letter, so the search can skip to each "t".
    ("copyright line", re.compile(r"t(?<!\w.)o see more,? visit\b", _I)),
    ("copyright line", re.compile(r"\ball rights reserved\.?$", _I)),
    (
        "image caption or credit",
        re.compile(r"^(image (copyright|caption|source)|photo(graph)?\s*(by|:)|enlarge)\b", _I),
    ),
    (
        "image caption or credit",
        re.compile(r"^\(?(photo|image|picture)s?\b.{0,80}(getty|ap|reuters|afp)\b", _I),
    ),
    ("image caption or credit", re.compile(r"(getty images|/ap|/reuters|via getty images)\)?$", _I)),
    ("image caption or credit", re.compile(r"^(thumbnail )?images? courtesy of\b", _I)),
    (
        "image caption or credit",
        re.compile(r"^in this (undated |file |handout )?(photo|image|picture)\b", _I),
    ),
    # Wire photo captions as syndicated: cut off mid-sentence, then the agency in brackets.
    ("image caption or credit", re.compile(r"\.\.\. \((associated press|ap|reuters|afp)\)$", _I)),
    (
        "image caption or credit",
        re.compile(r"^an? (handout )?(photo|picture|image) (from|provided by)\b", _I),
    ),
    ("share or subscribe line", re.compile(r"^(share|tweet|email|print|comment)s?\b.{0,40}$", _I)),
    ("share or subscribe line", re.compile(r"^(follow|subscribe|sign up|click here|like us)\b", _I)),
    # A call to follow, like or get something ("Like NPR on Facebook.", "Get the Morning Briefing
    # newsletter"), or a newsletter's label; not a report that names a platform ("Trump, as is often
    # his way, fired back on Twitter.", "Lauten later apologized ... on Facebook.").
    (
        "share or subscribe line",
        re.compile(
            r"^(?:(?:follow|like|join|find|get|connect with|check out)\b[^.]{0,80}"
            r"\b(?:newsletter|on twitter|on facebook|on instagram)\b.{0,30}|[^.]{0,80}\bnewsletter ?[:!]?)$",
            _I,
        ),
    ),
    ("share or subscribe line", re.compile(r"^read or share this story\b", _I)),
    # Anchored at the paragraph start where possible: an unanchored case-blind search costs about
    # 1 ms per story for each pattern.
    ("share or subscribe line", re.compile(r"^(breaking news emails|newsletter sign up)\b", _I)),
    # Video players and embedded posts as they come out of CNN, NBC, BBC and other pages.
    ("video or embedded post", re.compile(r"^just watched\b.{0,200}\breplay more videos\b", _I)),
    ("video or embedded post", re.compile(r"^embed\b.{0,200}\bcopy this code to your (website|blog)\b", _I)),
    ("video or embedded post", re.compile(r"^media playback is unsupported on your device\b", _I)),
    # BBC's frame around a post from another site: the post's text is its author's, not the report
    (
        "video or embedded post",
        re.compile(r"^(skip|end of) (twitter|facebook|instagram|youtube|tiktok) post\b", _I),
    ),
    (
        "video or embedded post",
        re.compile(r"^you need the latest version of (the )?adobe flash player\b", _I),
    ),
    # What a page fetched from Twitter or the Internet Archive says when the post itself is gone.
    ("site notice", re.compile(r"^you can add location information to your tweets\b", _I)),
    (
        "site notice",
        re.compile(
            r"^(starting in \d{4}, alexa internet has been donating|these crawls are part of an effort)\b"
            r"|^a collection of government web content\b",
            _I,
        ),
    ),
    # What a site serves instead of a page that is gone ("We're sorry, but this page is not available.").
    (
        "site notice",
        re.compile(
            r"^(we're|we are) sorry,? (but )?(this|the) page (you requested |you are looking for )?"
            r"(is not available|(could|can)( not|n't) be found|does not exist)\b"
            r"|^try typing the web address again\b|^(page not found|404)\b.{0,60}$",
            _I,
        ),
    ),
    ("advertisement", re.compile(r"^advertisement\b.{0,40}$", _I)),
    ("advertisement", re.compile(r"^story continued below$", _I)),
    (
        "byline or contributor line",
        re.compile(r"^(by|contributing|reporting by|—\s*reporting by)\s*:?\s+[A-Z]"),
    ),
    ("byline or contributor line", re.compile(r"^[—-]*\s*with assistance from\b", _I)),
    ("byline or contributor line", re.compile(r"^contributing\s*:", _I)),
    ("byline or contributor line", re.compile(r"\bcontributed( to this (report|story))?\.?$", _I)),
    ("byline or contributor line", re.compile(r"^/?\s*updated\b.{0,60}$", _I)),
    ("byline or contributor line", re.compile(r"^(posted|published) (at|on)\b.{0,80}$", _I)),
    (
        "contact line",
        re.compile(r"^\S+@\S+\.\w+\b.{0,40}$|^[^.]{0,60}\b\S+@\S+\.(com|org|net)\b[^.]{0,30}$", _I),
    ),
    ("web address", re.compile(r"^[^.]{0,60}https?://\S+$", _I)),
    (
        "update note",
        re.compile(r"^\(?(this (story|article) (was|has been) (last )?(updated|originally published))\b", _I),
    ),
    # A wire editor's note on what a version changed, in brackets: AP's "(This version CORRECTS
    # Corrects spelling of activist's name in paragraph 10, adds contributor's line)", Reuters'
    # "(Adds details in paragraphs 4-6)". A correction that states the right fact in a sentence
    # ("A previous version of this article misstated ...; these facilities occupy ...") stays.
    (
        "update note",
        re.compile(
            r"^\((this version )?(corrects|adds|updates|recasts|refiles|removes|fixes|clarifies)\b[^()]{0,240}\)$",
            _I,
        ),
    ),
)

# Patterns whose every match ends at the paragraph's end ($) and spans at most this many
# characters (the longest alternatives added up): their search starts that many characters
# before the end, and one more, since $ also matches before a final newline. Where a match can
# start is then all they are tried at; unanchored, each tried every position of every paragraph,
# about 0.4 ms per story each. A search that starts past a pattern's ^ fails at once.
_MAX_MATCH_CHARS = {
    r"\ball rights reserved\.?$": 20,
    r"(getty images|/ap|/reuters|via getty images)\)?$": 17,
    r"\.\.\. \((associated press|ap|reuters|afp)\)$": 22,
    r"^(?:(?:follow|like|join|find|get|connect with|check out)\b[^.]{0,80}"
    r"\b(?:newsletter|on twitter|on facebook|on instagram)\b.{0,30}|[^.]{0,80}\bnewsletter ?[:!]?)$": 134,
    r"\bcontributed( to this (report|story))?\.?$": 27,
}
# Text every match of these patterns holds (no letter, so case cannot change it): a paragraph
# without it is not searched, which spares backtracking over its first 60 characters.
_REQUIRED_TEXT = {
    r"^\S+@\S+\.\w+\b.{0,40}$|^[^.]{0,60}\b\S+@\S+\.(com|org|net)\b[^.]{0,30}$": "@",
    r"^[^.]{0,60}https?://\S+$": "://",
}


def _search(pattern: re.Pattern[str]) -> Callable[[str], object]:
    """The pattern's search of a paragraph, started where a match can start (_MAX_MATCH_CHARS)
    or skipped without the text every match holds (_REQUIRED_TEXT); a match, or a false value."""
    max_chars = _MAX_MATCH_CHARS.get(pattern.pattern)
    required = _REQUIRED_TEXT.get(pattern.pattern)
    if max_chars is not None:
        return lambda flat: pattern.search(flat, max(0, len(flat) - max_chars - 1))
    if required is not None:
        return lambda flat: required in flat and pattern.search(flat)
    return pattern.search


_BOILERPLATE_SEARCHES = tuple((reason, _search(pattern)) for reason, pattern in BOILERPLATE_PATTERNS)

# A paragraph of at most this many words without sentence-final punctuation is a headline,
# subhead, caption or button label, not reporting.
FRAGMENT_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…\"'”’)\]]\s*$")
_REPEAT_MIN_WORDS = 5
_OPENING_QUOTES = frozenset('"“„«')
_LEAD_IN_MIN_WORDS = 3  # "Watch:", "Related:" before a quoted title stay labels


def clean(article: Article) -> tuple[Article, tuple[Removal, ...]]:
    """The article with non-article paragraphs removed, and a record of each removal.

    A paragraph that repeats an earlier one word for word (a pull quote set as its own
    paragraph, as Al Jazeera does) is kept the first time and removed after that.
    """
    kept: list[str] = []
    removals: list[Removal] = []
    seen: set[str] = set()
    spans = paragraph_spans(article.text)
    for number, (start, end) in enumerate(spans):
        for kind, pattern in (
            ("update label", _UPDATE_LABEL),
            ("photo caption", _PHOTO_CAPTION),
            ("page label", _PAGE_LABEL),
        ):
            label = pattern.match(article.text[start:end])
            if label is not None:
                removals.append(Removal(article.id, kind, start, start + label.end(), label.group(0)))
                start += label.end()
        if start >= end:
            continue
        paragraph = article.text[start:end]
        following = article.text[slice(*spans[number + 1])] if number + 1 < len(spans) else ""
        reason = None if _introduces_a_quotation(paragraph, following) else _boilerplate_reason(paragraph)
        key = _normalized(paragraph)
        if reason is None and key in seen:
            reason = "repeated paragraph"
        if reason is not None:
            removals.append(Removal(article.id, reason, start, end, paragraph))
            continue
        if len(key.split()) >= _REPEAT_MIN_WORDS:
            seen.add(key)
        kept.append(paragraph)
    cleaned = Article(
        id=article.id,
        outlet=article.outlet,
        title=article.title,
        url=article.url,
        published=article.published,
        text="\n\n".join(kept),
        source=article.source,
    )
    return cleaned, tuple(removals)


def _introduces_a_quotation(paragraph: str, following: str) -> bool:
    """A short paragraph ended by a colon before one that opens with a quotation mark, or ended by
    a speech verb and a colon before any paragraph ("And Trump himself lashed out on Twitter,
    saying:" before the tweet, which the page set as a block): the sentence that says whose words
    follow ("The Democratic National Committee issued a brief statement shortly after Rubio's
    speech:"), not a label, however short."""
    if not following.strip():
        return False
    if introduces_a_block_quotation(paragraph):
        return True
    return (
        paragraph.rstrip().endswith(":")
        and len(paragraph.split()) >= _LEAD_IN_MIN_WORDS
        and following.lstrip()[:1] in _OPENING_QUOTES
    )


def _boilerplate_reason(paragraph: str) -> str | None:
    """Why this paragraph is not part of the article, or None when it is."""
    flat = " ".join(paragraph.split())
    for reason, search in _BOILERPLATE_SEARCHES:
        if search(flat):
            return reason
    words = flat.split()
    if len(words) <= FRAGMENT_MAX_WORDS and not _SENTENCE_END.search(flat):
        return "headline, caption or label"
    if not any(character.isalnum() for character in flat):
        return "punctuation only"
    return None


def _normalized(paragraph: str) -> str:
    return " ".join(paragraph.lower().split())


# Share of an article's 5-word shingles found in another article above which it is a copy of
# it (the same wire story run by two sites, or a truncated copy).
DUPLICATE_CONTAINMENT = 0.8
_SHINGLE_WORDS = 5
# English running text is roughly 40-50% function words; below this share an article is
# probably in another language, and the English stop list and stemmer will serve it badly.
MIN_ENGLISH_STOP_SHARE = 0.15
_WORD_CHARACTERS = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")


def lowered_words(text: str) -> list[str]:
    """The words of the lower-cased text (runs of word characters, digits and underscores
    included): the duplicate check makes its shingles of them and the language check counts
    their letters, so a caller doing both finds them once."""
    return _WORD_CHARACTERS.findall(text.lower())


def merge_duplicates(
    articles: tuple[Article, ...], *, words: Sequence[list[str]] | None = None
) -> tuple[tuple[Article, ...], tuple[Notice, ...]]:
    """Articles with near-identical copies merged into the longer one, and a notice for each merge.

    ``words``: each article's ``lowered_words``, when already found.
    """
    if words is None:
        words = [lowered_words(article.text) for article in articles]
    shingles = [_shingles(article_words) for article_words in words]
    dropped: dict[int, int] = {}
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if i in dropped or j in dropped or not shingles[i] or not shingles[j]:
                continue
            shared = len(shingles[i] & shingles[j])
            if shared / min(len(shingles[i]), len(shingles[j])) < DUPLICATE_CONTAINMENT:
                continue
            keep, drop = (i, j) if len(shingles[i]) >= len(shingles[j]) else (j, i)
            dropped[drop] = keep
    notices = tuple(
        Notice(
            code="duplicate-merged",
            message=(
                f"{articles[drop].id} ({articles[drop].outlet}) is a near-identical copy of "
                f"{articles[keep].id} ({articles[keep].outlet}); merged into {articles[keep].id}"
            ),
            article_ids=(articles[drop].id, articles[keep].id),
        )
        for drop, keep in sorted(dropped.items())
    )
    kept = tuple(article for i, article in enumerate(articles) if i not in dropped)
    return kept, notices


def language_notice(article: Article, *, words: list[str] | None = None) -> Notice | None:
    r"""A notice when the article does not look like English text, else None.

    It counts the runs of letters of the lower-cased text (``[^\W\d_]+``), found in its
    ``lowered_words`` (``words``, when already found).
    """
    words = _letter_runs(lowered_words(article.text) if words is None else words)
    if len(words) < 20:
        return None
    share = sum(map(ENGLISH_STOP_WORDS.__contains__, words)) / len(words)
    if share >= MIN_ENGLISH_STOP_SHARE:
        return None
    return Notice(
        code="not-english",
        message=(
            f"{article.id} ({article.outlet}) does not look like English "
            f"({share:.0%} common English words); the summary may be poor"
        ),
        article_ids=(article.id,),
    )


def _letter_runs(words: list[str]) -> list[str]:
    r"""The runs of letters in the words, as ``[^\W\d_]+`` finds them in the text the words come
    from: none crosses a word's end, a word of letters only is one run, and the few others are
    split at their digits and underscores (only those are looked at one by one)."""
    runs: list[str] = []
    start = 0
    for mixed in itertools.compress(itertools.count(), map(operator.not_, map(str.isalpha, words))):
        runs.extend(words[start:mixed])
        runs.extend(_LETTERS.findall(words[mixed]))
        start = mixed + 1
    runs.extend(words[start:])
    return runs


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[k : k + _SHINGLE_WORDS]) for k in range(len(words) - _SHINGLE_WORDS + 1)}
