"""The compiled kernels of the clusterer's index against the Python they replace."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.stream import kernels


@given(st.lists(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), max_size=200))
def test_fsum_is_math_fsum_to_the_bit(values: list[float]) -> None:
    assert kernels.fsum(np.array(values, dtype=np.float64)) == math.fsum(values)


def test_fsum_rounds_half_to_even_across_partials_like_math_fsum() -> None:
    values = [1e-16, 1.0, 1e16]  # the case CPython's comment names
    assert kernels.fsum(np.array(values)) == math.fsum(values) == 1.0000000000000002e16


@settings(max_examples=50)
@given(st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=300)), max_size=400))
def test_the_hash_table_counts_and_forgets_like_a_dict(steps: list[tuple[bool, int]]) -> None:
    """Counting terms in and deleting them (backward shift, no tombstones) leaves every other key findable."""
    table = np.full((512, 2), kernels.EMPTY, dtype=np.int64)
    expected: dict[int, int] = {}
    for add, key in steps:
        if add or key not in expected:
            kernels.count_terms(table, np.array([key], dtype=np.int64))
            expected[key] = expected.get(key, 0) + 1
        else:
            kernels._delete(table, kernels._find(table, key))
            del expected[key]
        keys = np.arange(301, dtype=np.int64)
        assert kernels.lookup_counts(table, keys).tolist() == [expected.get(k, 0) for k in range(301)]
    grown = kernels.rehash(table, 2048)
    assert kernels.lookup_counts(grown, np.arange(301, dtype=np.int64)).tolist() == [
        expected.get(k, 0) for k in range(301)
    ]
