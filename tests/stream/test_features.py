"""The clusterer's article features: the batched MinHash against datasketch's own; the word
patterns; the title words read from the batch against ``title_words`` of each title; the memo of
hashed stems."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.model import ClusterSettings
from newsbrief.stream.features import (
    _INNER_CAPITAL,
    _WORD,
    MINHASH_PERMUTATIONS,
    TermMemo,
    _inner_capitals,
    _words_of,
    features,
    sketches,
    title_words,
)
from newsbrief.stream.sources import read_articles

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "stream"


def test_batched_minhash_equals_datasketch_minhash_of_each_article() -> None:
    from datasketch import MinHash

    articles = list(read_articles([str(FIXTURES / "basil-24.jsonl"), str(FIXTURES / "allsides-30.jsonl")]))
    batch = [article.text.lower().split()[:150] for article in articles]
    batch += [[], ["kerry"], ["ærø", "café", "düsseldorf’s", "şehi̇r", "东京"]]
    values = sketches(batch)
    assert values.shape == (len(batch), MINHASH_PERMUTATIONS)
    for lower, row in zip(batch, values, strict=True):
        sketch = MinHash(num_perm=MINHASH_PERMUTATIONS, hashfunc=zlib.crc32, seed=1, scheme="affine32")
        sketch.update_batch([" ".join(lower[k : k + 4]).encode() for k in range(max(1, len(lower) - 3))])
        assert np.array_equal(sketch.hashvalues.astype(np.uint32), row)
    assert not np.array_equal(values[0], values[1])


# The patterns as they read before their leading lookaheads were added (for speed only).
_PLAIN_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PLAIN_INNER_CAPITAL = re.compile(r"""(?<=[^\s.!?…:"“”‘'—])\s+([A-ZÀ-ÖØ-Þ][^\W_]*)""")
# Text made of the characters the patterns treat apart: spaces of several kinds, sentence ends,
# quotation marks, apostrophes, the underscore, capitals in and out of the Latin-1 range, digits.
_TRICKY = st.text(
    alphabet=st.sampled_from(list(" \t\n\x1c\u00a0.!?…:\"“”‘’'—-_aZkÀÖ×ØÞßé9٣东İ")) | st.characters(),
    max_size=80,
)


@given(_TRICKY)
def test_word_patterns_find_what_they_found_without_their_lookaheads(text: str) -> None:
    assert _WORD.findall(text) == _PLAIN_WORD.findall(text)
    assert _INNER_CAPITAL.findall(text) == _PLAIN_INNER_CAPITAL.findall(text)


@given(_TRICKY)
def test_faster_word_scans_find_what_the_patterns_find(text: str) -> None:
    assert _words_of(text) == _WORD.findall(text)
    assert _inner_capitals(text) == set(_INNER_CAPITAL.findall(text))


def test_word_patterns_on_news_text() -> None:
    text = "Foreign minister said Kerry’s plan “Failed”. Then U.S. troops_in Aleppo — Sen. Rand Paul"
    assert _WORD.findall(text)[:5] == ["Foreign", "minister", "said", "Kerry’s", "plan"]
    assert _INNER_CAPITAL.findall(text) == ["Kerry", "U", "Aleppo", "Paul"]
    assert _words_of(text) == _WORD.findall(text)
    assert _inner_capitals(text) == {"Kerry", "U", "Aleppo", "Paul"}  # "_" in the text: the full pattern
    plain = text.replace("_", " ")
    assert _inner_capitals(plain) == {"Kerry", "U", "Aleppo", "Paul"}
    assert _inner_capitals(plain.replace("said Kerry", "said \n Kerry")) == {"Kerry", "U", "Aleppo", "Paul"}
    assert _inner_capitals(plain.replace("said Kerry", "said. Kerry")) == {"U", "Aleppo", "Paul"}


def test_batch_title_words_are_those_of_each_title_on_real_articles() -> None:
    articles = list(read_articles([str(FIXTURES / "basil-24.jsonl"), str(FIXTURES / "allsides-30.jsonl")]))
    found = features([(article.title, article.text) for article in articles], ClusterSettings())
    assert found.titles == [title_words(article.title) for article in articles]
    assert found.titles[0][1] == "glenn beck rips progressivism cpac"
    assert len(found.titles[0][0]) == 5


@given(st.lists(st.tuples(_TRICKY, _TRICKY), max_size=6))
def test_batch_title_words_are_those_of_each_title(items: list[tuple[str, str]]) -> None:
    found = features(items, ClusterSettings(lead_words=5))
    assert found.titles == [title_words(title) for title, _ in items]
    assert all(len(terms) == len(words.split()) for terms, words in found.titles)  # a word per term


def test_a_kept_memo_of_stems_gives_the_same_features_and_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsbrief.stream.features as module

    articles = list(read_articles([str(FIXTURES / "allsides-30.jsonl")]))
    items = [(article.title, article.text) for article in articles]
    fresh = features(items, ClusterSettings())
    memo = TermMemo()
    for _ in range(2):  # the second time every word is found in the memo
        kept = features(items, ClusterSettings(), memo=memo)
        assert np.array_equal(kept.terms, fresh.terms)
        assert np.array_equal(kept.weights, fresh.weights)
        assert kept.titles == fresh.titles
    assert memo["Kerry"] == module._term("kerry") >= 0
    assert memo["the"] == -1
    assert len(memo) > 300
    monkeypatch.setattr(module, "_TERMS_KEPT", 3)
    features(items[:1], ClusterSettings(), memo=memo)  # emptied first, then filled by one short article
    assert set(memo) == set(module._words_of(items[0][0] + " " + items[0][1]))
