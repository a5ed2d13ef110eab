"""The clusterer's article features: the batched MinHash against datasketch's own."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

from newsbrief.stream.features import MINHASH_PERMUTATIONS, sketches
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
