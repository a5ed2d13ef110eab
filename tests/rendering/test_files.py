"""Tests for rendering.files: the name a brief is saved under, from its headline."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.errors import OptionError
from newsbrief.model import Article, Options, Story
from newsbrief.pipeline.brief import brief
from newsbrief.rendering import brief_headline, file_name
from newsbrief.rendering.files import MAX_STEM_CHARS

SAFE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|json|html|txt)")


@pytest.mark.parametrize(
    "headline, output_format, expected",
    [
        ("Aleppo falls to government forces", "md", "aleppo-falls-to-government-forces.md"),
        ("Aleppo falls to government forces", "markdown", "aleppo-falls-to-government-forces.md"),
        ("  Syria's war: 'Aleppo is burning'  ", "JSON", "syria-s-war-aleppo-is-burning.json"),
        ("Alépo : « la chute » d'une ville", "html", "alepo-la-chute-d-une-ville.html"),
        ("../../etc/passwd", "text", "etc-passwd.txt"),
        ('a"b\r\nContent-Type: x', "txt", "a-b-content-type-x.txt"),
        ("حلب تسقط", "md", "brief.md"),  # no ASCII letter left
        ("", "md", "brief.md"),
        ("---", "html", "brief.html"),
    ],
)
def test_a_brief_is_named_after_its_headline(headline: str, output_format: str, expected: str) -> None:
    assert file_name(headline, output_format) == expected


def test_a_long_headline_is_cut_at_a_word() -> None:
    headline = (
        "Closing In: Russia, Iran, Assad Forces Poised To Retake Aleppo As Rebels Are Squeezed Into"
        " Ever Smaller Pockets"
    )
    name = file_name(headline, "md")
    assert name == "closing-in-russia-iran-assad-forces-poised-to-retake-aleppo.md"
    assert len(name.removesuffix(".md")) <= MAX_STEM_CHARS
    assert file_name("x" * 200, "md") == "x" * MAX_STEM_CHARS + ".md"  # no word to cut at


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(OptionError, match="unknown output format 'pdf'"):
        file_name("Aleppo", "pdf")


@given(st.text(), st.sampled_from(["md", "markdown", "json", "html", "text", "txt"]))
def test_every_name_is_safe_ascii_and_bounded(headline: str, output_format: str) -> None:
    name = file_name(headline, output_format)
    assert SAFE_NAME.fullmatch(name), name
    assert len(name.rsplit(".", 1)[0]) <= MAX_STEM_CHARS


def test_the_headline_is_the_first_source_title(aleppo: dict[str, Article]) -> None:
    untitled = [aleppo[key] for key in ("aljazeera", "npr", "zerohedge")]
    options = Options(max_words=60, analyses=())
    assert brief_headline(brief(Story(articles=tuple(untitled)), options)) == ""
    titled = [
        untitled[0],
        dataclasses.replace(untitled[1], title="  Aleppo\nfalls  "),
        dataclasses.replace(untitled[2], title="Closing In"),
    ]
    assert brief_headline(brief(Story(articles=tuple(titled)), options)) == "Aleppo falls"
