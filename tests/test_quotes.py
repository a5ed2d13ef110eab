"""Tests for quotes.py: direct and indirect quotations, speakers, roles, merging across outlets."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsbrief import quotes
from newsbrief.model import Article, Quote
from newsbrief.nlp import parse
from newsbrief.quotes import find_quotes

pytestmark = pytest.mark.nlp

GOLD = Path(__file__).resolve().parent / "fixtures" / "aleppo-quotes.json"
JOIN = " … "


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, outlet=article_id, title="", url=None, published=None, text=text)


def _words(text: str) -> list[str]:
    return [word.lower() for word in re.findall(r"\w+", text)]


def _overlap(a: str, b: str) -> float:
    words_a, words_b = Counter(_words(a)), Counter(_words(b))
    return sum((words_a & words_b).values()) / max(sum(words_a.values()), sum(words_b.values()), 1)


def _speaker_ok(found: str, gold: str) -> bool:
    stop = {"a", "an", "the", "one"}
    a = [w for w in _words(found) if w not in stop]
    b = [w for w in _words(gold) if w not in stop]
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and set(shorter) <= set(longer)


def _quotes(*texts: str) -> tuple[Quote, ...]:
    articles = [_article(f"a{i}", text) for i, text in enumerate(texts, start=1)]
    return find_quotes(articles, parse(articles))


@pytest.fixture(scope="module")
def aleppo_quotes(aleppo: dict[str, Article]) -> tuple[Quote, ...]:
    articles = list(aleppo.values())
    return find_quotes(articles, parse(articles))


@pytest.fixture(scope="module")
def gold() -> list[dict[str, object]]:
    return list(json.loads(GOLD.read_text(encoding="utf-8"))["quotes"])


def _by_text(found: tuple[Quote, ...], start: str) -> Quote:
    matches = [quote for quote in found if quote.text.startswith(start)]
    assert len(matches) == 1, [quote.text for quote in found]
    return matches[0]


def test_gold_file_parts_are_exact_text(aleppo: dict[str, Article], gold: list[dict[str, object]]) -> None:
    for item in gold:
        for part in item["parts"]:  # type: ignore[attr-defined]
            assert part in aleppo[str(item["article"])].text


def test_aleppo_f1_and_speaker_accuracy(
    aleppo_quotes: tuple[Quote, ...], gold: list[dict[str, object]]
) -> None:
    found = [
        (span.article_id, q.text, q.speaker) for q in aleppo_quotes if q.kind == "direct" for span in q.spans
    ]
    expected = [
        (str(g["article"]), JOIN.join(" ".join(str(p).split()) for p in g["parts"]), str(g["speaker"]))  # type: ignore[attr-defined]
        for g in gold
    ]
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for g_index, (article_id, text, _) in enumerate(expected):
        best = max(
            ((_overlap(text, f[1]), i) for i, f in enumerate(found) if f[0] == article_id and i not in used),
            default=(0.0, -1),
        )
        if best[0] >= 0.8:
            used.add(best[1])
            pairs.append((g_index, best[1]))
    precision, recall = len(pairs) / len(found), len(pairs) / len(expected)
    f1 = 2 * precision * recall / (precision + recall)
    speaker_accuracy = sum(_speaker_ok(found[f][2], expected[g][2]) for g, f in pairs) / len(pairs)
    assert precision == 1.0  # none invented
    assert f1 >= 0.95
    assert speaker_accuracy == 1.0


def test_red_cross_worker_quote(aleppo_quotes: tuple[Quote, ...], aleppo: dict[str, Article]) -> None:
    quote = _by_text(aleppo_quotes, "Wherever you are")
    assert quote.kind == "direct"
    assert quote.speaker == "a Red Cross worker"
    assert quote.text.endswith("There is no neighbourhood of the city that hasn't been hit.")
    (span,) = quote.spans
    assert span.article_id == "aljazeera"
    assert aleppo["aljazeera"].text[span.start : span.end] == span.text


def test_msf_head_quote_has_description_and_role(aleppo_quotes: tuple[Quote, ...]) -> None:
    quote = _by_text(aleppo_quotes, "the sky is falling")
    assert quote.speaker == "the head of the Doctors Without Borders (MSF) mission to Syria"
    assert quote.role == "head of the Doctors Without Borders (MSF) mission to Syria"


def test_named_speaker_with_role_and_surname_expanded(aleppo_quotes: tuple[Quote, ...]) -> None:
    first = _by_text(aleppo_quotes, "The battle of Aleppo is the culmination")
    later = _by_text(aleppo_quotes, "The opposition and the civilian population")
    assert first.speaker == later.speaker == "Jennifer Cafarella"
    assert first.role == "analyst with the Washington, D.C.-based Institute for the Study of War"


def test_pronoun_resolves_to_the_unnamed_commander(aleppo_quotes: tuple[Quote, ...]) -> None:
    quote = _by_text(aleppo_quotes, "The battle to open a path is first")
    assert quote.text == (
        "The battle to open a path is first … To make a path and break the siege for our people in Aleppo city."
    )
    assert quote.speaker == "a commander with one rebel faction"
    assert _by_text(aleppo_quotes, "Really, if we got").speaker == quote.speaker


def test_scare_quotes_are_not_quotes(aleppo_quotes: tuple[Quote, ...]) -> None:
    texts = {quote.text for quote in aleppo_quotes}
    for scare in ("Encircle", "promised", "moderate", "a night in Aleppo", "citing one guy in London"):
        assert scare not in texts
    assert not any(text.startswith("citing one guy") for text in texts)


def test_nested_single_quotes_and_apostrophes(aleppo_quotes: tuple[Quote, ...]) -> None:
    afp = _by_text(aleppo_quotes, "On the ground")
    assert afp.speaker == "AFP"
    assert "'mass celebrations' in the streets of Nubol and Zahraa." in afp.text
    sana = _by_text(aleppo_quotes, "mass celebrations")
    assert (sana.speaker, sana.role) == ("SANA", "state news agency")
    lavrov = _by_text(aleppo_quotes, "I can't see any reason")  # closed by two apostrophes ''
    assert lavrov.text.endswith("until the terrorists shall be defeated")
    assert lavrov.speaker == "Sergei Lavrov"


def test_according_to_is_indirect(aleppo_quotes: tuple[Quote, ...]) -> None:
    quote = _by_text(aleppo_quotes, "More than 300 civilians have died")
    assert quote.kind == "indirect"
    assert (
        quote.speaker == "opposition-leaning Syrian Observatory for Human Rights"
        or quote.speaker.endswith("Syrian Observatory for Human Rights")
    )
    assert "according to" not in quote.text


def test_no_quotes_gives_empty_tuple() -> None:
    assert _quotes("The river rose overnight. Roads near the bridge were closed on Tuesday.") == ()
    assert find_quotes([], []) == ()


def test_one_article_only() -> None:
    (quote,) = _quotes('"We will rebuild the bridge by spring," Mayor Anna Berg told reporters on Monday.')
    assert (quote.kind, quote.text, quote.speaker, quote.role) == (
        "direct",
        "We will rebuild the bridge by spring",
        "Anna Berg",
        "Mayor",
    )
    assert quote.article_ids == ("a1",)


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"'), ("``", "''")])
def test_curly_and_straight_marks(opening: str, closing: str) -> None:
    text = f"{opening}The water came in the night,{closing} said Tom Reyes, a farmer near the river."
    (quote,) = _quotes(text)
    assert quote.text == "The water came in the night"
    assert quote.speaker == "Tom Reyes"
    assert quote.role == "a farmer near the river"
    (span,) = quote.spans
    assert text[span.start : span.end] == span.text == "The water came in the night"


def test_quote_split_by_he_said_is_one_quote() -> None:
    text = (
        "Officials met the farmers on Friday.\n\n"
        '"We lost everything," he said, "and nobody has come to help us." '
        "The minister, Carla Diaz, promised aid."
    )
    (quote, *rest) = _quotes("The farmer Paul Mendes spoke after the flood.\n\n" + text)
    assert quote.text == "We lost everything … and nobody has come to help us."
    assert quote.speaker == "Paul Mendes"
    assert all(q.kind == "indirect" for q in rest)


def test_paragraph_spanning_quote_is_one_quote() -> None:
    text = (
        'Dr. Lena Ortiz, who runs the clinic, said: "We had no power for six hours. '
        "Patients were moved by hand.\n\n"
        '"By morning the generators were back, and we started again."'
    )
    found = [q for q in _quotes(text) if q.kind == "direct"]
    assert len(found) == 1
    assert found[0].text == (
        "We had no power for six hours. Patients were moved by hand. "
        "By morning the generators were back, and we started again."
    )
    assert found[0].speaker == "Lena Ortiz"


def test_unbalanced_mark_is_capped_at_its_paragraph() -> None:
    text = (
        'The mayor said: "We will not close the schools this week.\n\n'
        "Parents were told to check the website. Classes resume on Monday at nine."
    )
    found = _quotes(text)
    direct = [q for q in found if q.kind == "direct"]
    assert [q.text for q in direct] == ["We will not close the schools this week."]
    assert all("Classes resume" not in q.text for q in found)
    # a stray mark with no speaker invents nothing
    assert [
        q
        for q in _quotes('The sign read 6" and nothing more was said about it.\n\nThen "')
        if q.kind == "direct"
    ] == []


def test_same_quote_in_two_articles_is_one_item_with_two_spans() -> None:
    first = '"The dam is safe and the water is falling," said Maria Lopez, the regional governor.'
    second = (
        'Governor Maria Lopez told reporters: "The dam is safe and the water is falling." Roads reopen soon.'
    )
    (quote,) = [q for q in _quotes(first, second) if q.kind == "direct"]
    assert quote.article_ids == ("a1", "a2")
    assert [span.text for span in quote.spans] == ["The dam is safe and the water is falling"] * 2 or [
        span.text for span in quote.spans
    ] == ["The dam is safe and the water is falling", "The dam is safe and the water is falling."]
    assert quote.speaker == "Maria Lopez"


def test_spans_point_into_the_articles(aleppo_quotes: tuple[Quote, ...], aleppo: dict[str, Article]) -> None:
    for quote in aleppo_quotes:
        for span in quote.spans:
            assert aleppo[span.article_id].text[span.start : span.end] == span.text
    assert [quotes.find_quotes] and aleppo_quotes == tuple(aleppo_quotes)


def test_deterministic_and_ordered(aleppo: dict[str, Article]) -> None:
    articles = list(aleppo.values())
    docs: list[Doc] = parse(articles)
    once, twice = find_quotes(articles, docs), find_quotes(articles, docs)
    assert once == twice
    order = {article.id: i for i, article in enumerate(articles)}
    keys = [(order[q.spans[0].article_id], q.spans[0].start) for q in once]
    assert keys == sorted(keys)


def test_mismatched_docs_is_an_error(aleppo: dict[str, Article]) -> None:
    with pytest.raises(ValueError, match="one parse per article"):
        find_quotes(list(aleppo.values()), [])
