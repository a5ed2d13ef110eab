"""Compiled loops (numba) over the clusterer's inverted index, kept in plain NumPy arrays.

The index of one language holds, for each open story (a *slot*), its centroid: one *entry* per
term, ``(term, slot, next entry of the slot, position of its posting)`` in ``entry_ints``; a
slot's entries form a list in insertion order (the order a Python dict of the centroid would
iterate). A term's postings are one contiguous block of a pool, ``(slot, entry)`` in
``post_ints`` and the term's centroid weight in ``post_weights``, so that scoring an article
reads each of its terms' postings in one sweep of memory; a block that fills moves to the end of
the pool at twice its size, and the pool is compacted when its end is reached. A term's block is
described by a *record* ``(start, capacity, length)`` in ``record_ints``. Two open-addressing hash
tables (int64 ``(key, value)`` rows, linear probing, backward-shift deletion, ``-1`` = empty) find
the entry of ``(slot, term)`` and the record of a term. Only arrays cross into the compiled code:
numba unboxes an array in a fraction of a microsecond, a typed dict or list in several.

Every floating-point result is the same float as the Python loop it replaces: sums are taken in
the same order, with the same operations, and numba is not asked for fast math (no reassociation,
no fused multiply-add); ``fsum`` is CPython's ``math.fsum`` (Shewchuk's exact partials).

Every kernel declares its argument types, so numba compiles it, or loads it from its cache
(``cache=True``), when this module is imported, not on its first call. The module is imported on
the first use of a kernel (``stream.lazy``), which is when a ``Clusterer`` is made (``cluster``,
``watch``, the service, a Dask task): before its first article. Without declared types, the first
run after an install compiled each kernel on its first call, some deep in the stream (in
``newsbrief watch`` a p99 of 182 ms per article, the first article 26.7 s). Declared types rather
than a warm-up call of each kernel: nothing has to be kept in step with the clusterer's calls, and
numba compiles nothing past the declared signatures, so a call whose arguments do not convert to
them is a TypeError in the tests, not a silent compilation in the middle of someone's stream. The
private helpers (``_find``, ``_put``, ...) are compiled inside the kernels that call them.
"""

from __future__ import annotations

import numpy as np
from numba import njit, types
from numpy.typing import NDArray

__all__ = [
    "EMPTY",
    "IndexArrays",
    "add_vector",
    "best",
    "centroid",
    "centroid_dots",
    "close",
    "compact",
    "copy_candidates",
    "count_terms",
    "document_frequencies",
    "fsum",
    "index_copy",
    "keep_heaviest",
    "merge_dots",
    "min_hashes",
    "near_dots",
    "rehash",
]

EMPTY = -1
# entry_ints columns: term, slot, next entry of the slot, position of its posting in the pool
TERM, SLOT, SNEXT, POSTING = range(4)
# slot_ints columns: first entry, last entry, number of entries
HEAD, TAIL, COUNT = range(3)
# record_ints columns: a term's block in the pool
START, CAPACITY, LENGTH = range(3)
# post_ints columns
P_SLOT, P_ENTRY = range(2)
# meta: first free entry and their number, rows used in the keys and the records tables, first
# free record and their number, end of the used pool
FREE, N_FREE, KEYS_USED, RECORDS_USED, FREE_RECORD, N_FREE_RECORDS, POOL_END = range(7)
META_SIZE = 7
_FIRST_BLOCK = 4
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing multiplier (Knuth, TAOCP 6.4)
_FNV_PRIME = np.uint64(0x100000001B3)
_KEY_MASK = np.uint64(0x7FFFFFFFFFFFFFFF)  # keys stay non-negative: -1 marks an empty row
_PARTIALS = 128
_MASK32 = np.uint64(0xFFFFFFFF)  # a sum of doubles never needs more than about 40 non-overlapping partials

# The kernels' argument types, declared (see the module docstring). Arrays are C-contiguous, as
# NumPy makes them; one a kernel only reads is declared read-only: a writable array converts to
# that type at the call, not the other way round, and an array over a stored blob
# (``np.frombuffer`` on the bytes SQLite gives back) is read-only.
_INT = types.int64
_FLOAT = types.float64
_INTS = types.int64[::1]
_FLOATS = types.float64[::1]
_FLAGS = types.boolean[::1]
_FLOAT_ROWS = types.float64[:, ::1]
_INT_ROWS = types.int64[:, ::1]  # a hash table's (key, value) rows; the index's integer columns
_READ_INTS = types.Array(types.int64, 1, "C", readonly=True)
_READ_FLOATS = types.Array(types.float64, 1, "C", readonly=True)
_READ_INT_ROWS = types.Array(types.int64, 2, "C", readonly=True)
_READ_WORDS = types.Array(types.uint32, 1, "C", readonly=True)
_READ_WORD_ROWS = types.Array(types.uint32, 2, "C", readonly=True)
_READ_BYTES = types.Array(types.uint8, 1, "C", readonly=True)
# the type of IndexArrays (numba's Tuple builds itself in an untyped __new__)
_INDEX = types.Tuple(  # type: ignore[no-untyped-call]
    (_INT_ROWS, _INT_ROWS, _INT_ROWS, _INT_ROWS, _FLOATS, _INT_ROWS, _INT_ROWS, _INTS)
)

# The index's arrays in one tuple, for the kernels that change it (one argument instead of eight;
# numba unboxes it in about a microsecond and a half more than eight arrays): entry_ints,
# slot_ints, record_ints, post_ints, post_weights, keys, records, meta.
IndexArrays = tuple[
    NDArray[np.int64],
    NDArray[np.int64],
    NDArray[np.int64],
    NDArray[np.int64],
    NDArray[np.float64],
    NDArray[np.int64],
    NDArray[np.int64],
    NDArray[np.int64],
]


@njit(cache=True)
def _home(key: int, mask: int) -> int:
    """The row a key's probe starts from: the high bits of key x golden ratio."""
    return int((np.uint64(key) * _GOLDEN) >> np.uint64(32)) & mask


@njit(cache=True)
def _find(table: NDArray[np.int64], key: int) -> int:
    """The row holding ``key``, or -1."""
    mask = table.shape[0] - 1
    row = _home(key, mask)
    while True:
        found = table[row, 0]
        if found == key:
            return row
        if found == EMPTY:
            return -1
        row = (row + 1) & mask


@njit(cache=True)
def _put(table: NDArray[np.int64], key: int, value: int) -> bool:
    """Set ``key`` to ``value``; True if the key is new."""
    mask = table.shape[0] - 1
    row = _home(key, mask)
    while True:
        found = table[row, 0]
        if found == key:
            table[row, 1] = value
            return False
        if found == EMPTY:
            table[row, 0] = key
            table[row, 1] = value
            return True
        row = (row + 1) & mask


@njit(cache=True)
def _delete(table: NDArray[np.int64], row: int) -> None:
    """Empty a row and shift back the rows after it whose probe passed it (no tombstones)."""
    mask = table.shape[0] - 1
    hole = row
    at = row
    while True:
        at = (at + 1) & mask
        key = table[at, 0]
        if key == EMPTY:
            break
        home = _home(key, mask)
        # the entry stays if its home lies cyclically in (hole, at]
        if (hole < at and hole < home <= at) or (hole > at and (home > hole or home <= at)):
            continue
        table[hole, 0] = key
        table[hole, 1] = table[at, 1]
        hole = at
    table[hole, 0] = EMPTY


@njit(cache=True)
def _small_table(keys: int) -> NDArray[np.int64]:
    """An empty table with room for ``keys`` keys at most half full."""
    rows = 1
    while rows < 2 * keys + 2:
        rows *= 2
    return np.full((rows, 2), EMPTY, dtype=np.int64)


@njit((_READ_INT_ROWS, _INT), cache=True)
def rehash(table: NDArray[np.int64], rows: int) -> NDArray[np.int64]:
    """The table's keys and values in a new table of ``rows`` rows (a power of two)."""
    grown = np.full((rows, 2), EMPTY, dtype=np.int64)
    for row in range(table.shape[0]):
        if table[row, 0] != EMPTY:
            _put(grown, table[row, 0], table[row, 1])
    return grown


@njit((_INT_ROWS, _READ_INTS), cache=True)
def count_terms(table: NDArray[np.int64], terms: NDArray[np.int64]) -> int:
    """Add 1 to each term's count (a term absent counts from 0); the number of new terms."""
    new = 0
    for term in terms:
        row = _find(table, term)
        if row >= 0:
            table[row, 1] += 1
        else:
            _put(table, term, 1)
            new += 1
    return new


@njit((_READ_INT_ROWS, _READ_INTS), cache=True)
def document_frequencies(table: NDArray[np.int64], terms: NDArray[np.int64]) -> NDArray[np.int64]:
    """Per term of a batch (each article's terms unique, articles in order): its count in ``table``
    plus the number of the batch's earlier articles that have it."""
    earlier = _small_table(len(terms))
    counts = np.empty(len(terms), dtype=np.int64)
    for i in range(len(terms)):
        term = terms[i]
        row = _find(table, term)
        stored = 0 if row < 0 else table[row, 1]
        at = _find(earlier, term)
        if at < 0:
            counts[i] = stored
            _put(earlier, term, 1)
        else:
            counts[i] = stored + earlier[at, 1]
            earlier[at, 1] += 1
    return counts


@njit((_FLOATS, _READ_INTS, _INT), cache=True)
def keep_heaviest(weights: NDArray[np.float64], starts: NDArray[np.int64], size: int) -> None:
    """Zero, per article (``weights[starts[i]:starts[i + 1]]``, in term order), every weight past
    its ``size`` heaviest: by weight, then term, as a stable sort on the negated weights ranks them."""
    for article in range(len(starts) - 1):
        start, end = starts[article], starts[article + 1]
        if end - start <= size:
            continue
        ranked = np.argsort(-weights[start:end], kind="mergesort")
        for position in ranked[size:]:
            weights[start + position] = 0.0


@njit(cache=True)
def _append_posting(index: IndexArrays, term: int) -> int:
    """The pool position of a new posting at the end of the term's block (moved or made as needed)."""
    entry_ints, _, record_ints, post_ints, post_weights, _, records, meta = index
    row = _find(records, term)
    if row < 0:
        record = meta[FREE_RECORD]
        meta[FREE_RECORD] = record_ints[record, START]
        meta[N_FREE_RECORDS] -= 1
        record_ints[record, START] = meta[POOL_END]
        record_ints[record, CAPACITY] = _FIRST_BLOCK
        record_ints[record, LENGTH] = 0
        meta[POOL_END] += _FIRST_BLOCK
        _put(records, term, record)
        meta[RECORDS_USED] += 1
    else:
        record = records[row, 1]
    start, length = record_ints[record, START], record_ints[record, LENGTH]
    if length == record_ints[record, CAPACITY]:
        moved = meta[POOL_END]
        for j in range(length):
            post_ints[moved + j] = post_ints[start + j]
            post_weights[moved + j] = post_weights[start + j]
            entry_ints[post_ints[moved + j, P_ENTRY], POSTING] = moved + j
        record_ints[record, START] = start = moved
        record_ints[record, CAPACITY] = 2 * length
        meta[POOL_END] += 2 * length
    record_ints[record, LENGTH] = length + 1
    return int(start + length)


@njit((_INDEX, _INT, _READ_INTS, _READ_FLOATS, _FLOAT), cache=True)
def add_vector(
    index: IndexArrays, slot: int, terms: NDArray[np.int64], weights: NDArray[np.float64], norm2: float
) -> float:
    """Add (term, weight) pairs to a slot's centroid and postings; the centroid's new squared norm.

    The norm is the given one plus ``new * new - old * old`` per term, in the vector's order, as
    the Python loop summed it. The caller has made room: free entries and records, table rows,
    and pool space for every term's block to move.
    """
    entry_ints, slot_ints, _, post_ints, post_weights, keys, _, meta = index
    for i in range(len(terms)):
        term = terms[i]
        key = (slot << 32) | term
        row = _find(keys, key)
        if row >= 0:
            entry = keys[row, 1]
            posting = entry_ints[entry, POSTING]
            old = post_weights[posting]
        else:
            entry = meta[FREE]
            meta[FREE] = entry_ints[entry, SNEXT]
            meta[N_FREE] -= 1
            old = 0.0
            entry_ints[entry, TERM] = term
            entry_ints[entry, SLOT] = slot
            entry_ints[entry, SNEXT] = EMPTY
            if slot_ints[slot, TAIL] == EMPTY:
                slot_ints[slot, HEAD] = entry
            else:
                entry_ints[slot_ints[slot, TAIL], SNEXT] = entry
            slot_ints[slot, TAIL] = entry
            slot_ints[slot, COUNT] += 1
            _put(keys, key, entry)
            meta[KEYS_USED] += 1
            posting = _append_posting(index, term)
            post_ints[posting, P_SLOT] = slot
            post_ints[posting, P_ENTRY] = entry
            entry_ints[entry, POSTING] = posting
        new = old + weights[i]
        post_weights[posting] = new
        norm2 = norm2 + (new * new - old * old)
    return norm2


@njit((_INDEX, _INT), cache=True)
def compact(index: IndexArrays, room: int) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """The pool with the live blocks packed at its start and at least ``room`` positions free after them."""
    entry_ints, _, record_ints, post_ints, post_weights, _, records, meta = index
    used = 0
    for row in range(records.shape[0]):
        if records[row, 0] != EMPTY:
            used += record_ints[records[row, 1], CAPACITY]
    size = 2 * (used + room)
    packed_ints = np.empty((size, 2), dtype=np.int64)
    packed_weights = np.empty(size, dtype=np.float64)
    end = 0
    for row in range(records.shape[0]):
        if records[row, 0] == EMPTY:
            continue
        record = records[row, 1]
        start = record_ints[record, START]
        for j in range(record_ints[record, LENGTH]):
            packed_ints[end + j] = post_ints[start + j]
            packed_weights[end + j] = post_weights[start + j]
            entry_ints[post_ints[start + j, P_ENTRY], POSTING] = end + j
        record_ints[record, START] = end
        end += record_ints[record, CAPACITY]
    meta[POOL_END] = end
    return packed_ints, packed_weights


@njit((_READ_INT_ROWS, _READ_INT_ROWS, _READ_FLOATS, _INT), cache=True)
def centroid(
    entry_ints: NDArray[np.int64], slot_ints: NDArray[np.int64], post_weights: NDArray[np.float64], slot: int
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """A slot's centroid (terms, weights) in insertion order."""
    size = slot_ints[slot, COUNT]
    terms = np.empty(size, dtype=np.int64)
    weights = np.empty(size, dtype=np.float64)
    entry = slot_ints[slot, HEAD]
    for i in range(size):
        terms[i] = entry_ints[entry, TERM]
        weights[i] = post_weights[entry_ints[entry, POSTING]]
        entry = entry_ints[entry, SNEXT]
    return terms, weights


@njit((_READ_INTS, _READ_FLOATS, _READ_INTS, _READ_FLOATS, _READ_INTS), cache=True)
def centroid_dots(
    centroid_terms: NDArray[np.int64],
    centroid_weights: NDArray[np.float64],
    terms: NDArray[np.int64],
    weights: NDArray[np.float64],
    starts: NDArray[np.int64],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The centroid's weight of each term (0.0 where absent), and the dot product of each vector
    ``i`` (``terms[starts[i]:starts[i + 1]]`` with ``weights`` at the same positions) with the centroid.

    A story's report reads both: its members' closeness to the centroid and its title words'
    weights (the terms past ``starts[-1]``, which have no weights). Each dot product adds the
    products in the vector's order from 0.0, as Python's ``sum`` over the centroid's dict did.
    """
    table = _small_table(len(centroid_terms))
    for i in range(len(centroid_terms)):
        _put(table, centroid_terms[i], i)
    found = np.zeros(len(terms), dtype=np.float64)
    for i in range(len(terms)):
        at = _find(table, terms[i])
        if at >= 0:
            found[i] = centroid_weights[table[at, 1]]
    dots = np.empty(len(starts) - 1, dtype=np.float64)
    for vector in range(len(dots)):
        total = 0.0
        for i in range(starts[vector], starts[vector + 1]):
            total += weights[i] * found[i]
        dots[vector] = total
    return found, dots


@njit((_INDEX, _INT), cache=True)
def close(index: IndexArrays, slot: int) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Take a slot's entries out of the index and free them; its centroid (terms, weights) in insertion order.

    A posting leaves its block by taking the block's last posting in its place.
    """
    entry_ints, slot_ints, record_ints, post_ints, post_weights, keys, records, meta = index
    terms, weights = centroid(entry_ints, slot_ints, post_weights, slot)
    entry = slot_ints[slot, HEAD]
    while entry != EMPTY:
        term = entry_ints[entry, TERM]
        row = _find(records, term)
        record = records[row, 1]
        last = record_ints[record, START] + record_ints[record, LENGTH] - 1
        posting = entry_ints[entry, POSTING]
        if posting != last:
            post_ints[posting] = post_ints[last]
            post_weights[posting] = post_weights[last]
            entry_ints[post_ints[posting, P_ENTRY], POSTING] = posting
        record_ints[record, LENGTH] -= 1
        if record_ints[record, LENGTH] == 0:
            _delete(records, row)
            meta[RECORDS_USED] -= 1
            record_ints[record, START] = meta[FREE_RECORD]
            meta[FREE_RECORD] = record
            meta[N_FREE_RECORDS] += 1
        _delete(keys, _find(keys, (slot << 32) | term))
        meta[KEYS_USED] -= 1
        following = entry_ints[entry, SNEXT]
        entry_ints[entry, SNEXT] = meta[FREE]
        meta[FREE] = entry
        meta[N_FREE] += 1
        entry = following
    slot_ints[slot, HEAD] = EMPTY
    slot_ints[slot, TAIL] = EMPTY
    slot_ints[slot, COUNT] = 0
    return terms, weights


@njit(
    (
        _READ_INT_ROWS,
        _READ_INT_ROWS,
        _READ_FLOATS,
        _READ_INT_ROWS,
        _READ_INTS,
        _READ_FLOATS,
        _FLOATS,
        _FLAGS,
        _READ_FLOATS,
        _READ_FLOATS,
        _FLOAT,
        _FLOAT,
        _INTS,
        _FLOAT_ROWS,
    ),
    cache=True,
)
def near_dots(
    record_ints: NDArray[np.int64],
    post_ints: NDArray[np.int64],
    post_weights: NDArray[np.float64],
    records: NDArray[np.int64],
    terms: NDArray[np.int64],
    weights: NDArray[np.float64],
    sums: NDArray[np.float64],
    marks: NDArray[np.bool_],
    last_time: NDArray[np.float64],
    vectors: NDArray[np.float64],
    time: float,
    window: float,
    found_slots: NDArray[np.int64],
    found: NDArray[np.float64],
) -> int:
    """The slots sharing a term with the article whose last article is within ``window`` of ``time``
    (ascending), their mean cosine to the article (dot product over member vectors) and time gap:
    their number ``n``, the slots in ``found_slots[:n]``, the cosines in ``found[0, :n]``, the
    gaps in ``found[1, :n]``.

    Each slot's dot product starts at 0.0 and adds the products in the article's term order, as
    ``np.bincount`` over the gathered postings did. ``sums`` and ``marks`` are zeroed scratch
    arrays of one item per slot, left zeroed; ``found_slots`` and ``found`` have a column per
    slot. The results are written into the caller's arrays rather than returned: numba makes a
    NumPy array of each array a kernel returns, about a microsecond apiece, three per article here.
    """
    n_reached = 0
    for i in range(len(terms)):
        row = _find(records, terms[i])
        if row < 0:
            continue
        weight = weights[i]
        start = record_ints[records[row, 1], START]
        for posting in range(start, start + record_ints[records[row, 1], LENGTH]):
            slot = post_ints[posting, P_SLOT]
            if not marks[slot]:
                marks[slot] = True
                found_slots[n_reached] = slot
                n_reached += 1
            sums[slot] += weight * post_weights[posting]
    found_slots[:n_reached].sort()
    kept = 0
    for i in range(n_reached):
        slot = found_slots[i]
        gap = abs(time - last_time[slot])
        if sums[slot] != 0.0 and gap <= window:  # np.flatnonzero kept the non-zero sums
            found_slots[kept] = slot
            found[0, kept] = sums[slot] / vectors[slot]
            found[1, kept] = gap
            kept += 1
        sums[slot] = 0.0
        marks[slot] = False
    return kept


@njit((_READ_FLOATS, _READ_INTS, _READ_INTS, _INT, _FLOATS, _INTS), cache=True)
def best(
    scores: NDArray[np.float64],
    slots: NDArray[np.int64],
    slot_story: NDArray[np.int64],
    size: int,
    top_scores: NDArray[np.float64],
    top_stories: NDArray[np.int64],
) -> int:
    """The ``size`` highest scores (of the stories ``slot_story[slots]``), best first, a tie to the
    lower story id: their number ``n``, the scores in ``top_scores[:n]``, their stories in
    ``top_stories[:n]``.

    ``np.lexsort((story_ids, -scores))[:size]`` by selection: ``size`` is small. Written into the
    caller's arrays, as ``near_dots`` does, rather than returned.
    """
    taken = np.zeros(len(scores), dtype=np.bool_)
    n = min(size, len(scores))
    for rank in range(n):
        top = -1
        for i in range(len(scores)):
            if taken[i]:
                continue
            if (
                top < 0
                or scores[i] > scores[top]
                or (scores[i] == scores[top] and slot_story[slots[i]] < slot_story[slots[top]])
            ):
                top = i
        taken[top] = True
        top_scores[rank] = scores[top]
        top_stories[rank] = slot_story[slots[top]]
    return n


@njit((_READ_FLOATS,), cache=True)
def fsum(values: NDArray[np.float64]) -> float:
    """The correctly rounded sum of finite values: CPython's ``math.fsum`` (Shewchuk 1997), step for step."""
    partials = np.empty(_PARTIALS, dtype=np.float64)
    n = 0
    for value in values:
        x = value
        i = 0
        for j in range(n):
            y = partials[j]
            if abs(x) < abs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo != 0.0:
                partials[i] = lo
                i += 1
            x = hi
        n = i
        if x != 0.0:
            partials[n] = x
            n += 1
    hi = 0.0
    if n > 0:
        n -= 1
        hi = partials[n]
        lo = 0.0
        while n > 0:
            x = hi
            n -= 1
            y = partials[n]
            hi = x + y
            lo = y - (hi - x)
            if lo != 0.0:
                break
        # round half to even across the partials, as math.fsum does
        if n > 0 and ((lo < 0.0 and partials[n - 1] < 0.0) or (lo > 0.0 and partials[n - 1] > 0.0)):
            y = lo * 2.0
            x = hi + y
            if y == x - hi:
                hi = x
    return float(hi)


@njit((_READ_INT_ROWS, _READ_INT_ROWS, _READ_FLOATS, _INT, _READ_INTS, _READ_FLOATS, _READ_INTS), cache=True)
def merge_dots(
    entry_ints: NDArray[np.int64],
    slot_ints: NDArray[np.int64],
    post_weights: NDArray[np.float64],
    joined: int,
    terms: NDArray[np.int64],
    weights: NDArray[np.float64],
    candidates: NDArray[np.int64],
) -> tuple[float, NDArray[np.float64]]:
    """The norm of slot ``joined``'s centroid plus the article, and its dot product with each candidate slot.

    The norm is ``sqrt(fsum)`` of the squared weights; each dot product walks the candidate's
    centroid in insertion order and adds its weight times the joined one's (0.0 where absent),
    from 0.0, as Python's ``sum`` over the candidate's dict did.
    """
    # the article's terms, then the joined centroid with the article added, in small tables
    # (term -> index): the candidates' terms are looked up there, not in the index's large table
    query = _small_table(len(terms))
    for i in range(len(terms)):
        _put(query, terms[i], i)
    size = slot_ints[joined, COUNT] + len(terms)
    merged = _small_table(size)
    values = np.empty(size, dtype=np.float64)
    n_values = 0
    entry = slot_ints[joined, HEAD]
    while entry != EMPTY:
        term = entry_ints[entry, TERM]
        value = post_weights[entry_ints[entry, POSTING]]
        at = _find(query, term)
        if at >= 0:
            value = value + weights[query[at, 1]]
        values[n_values] = value
        _put(merged, term, n_values)
        n_values += 1
        entry = entry_ints[entry, SNEXT]
    for i in range(len(terms)):
        if _find(merged, terms[i]) < 0:
            values[n_values] = 0.0 + weights[i]
            _put(merged, terms[i], n_values)
            n_values += 1
    values = values[:n_values]
    norm = np.sqrt(fsum(values * values))
    products = np.zeros(len(candidates), dtype=np.float64)
    for c in range(len(candidates)):
        total = 0.0
        entry = slot_ints[candidates[c], HEAD]
        while entry != EMPTY:
            at = _find(merged, entry_ints[entry, TERM])
            other = 0.0 if at < 0 else values[merged[at, 1]]
            total += post_weights[entry_ints[entry, POSTING]] * other
            entry = entry_ints[entry, SNEXT]
        products[c] = total
    return norm, products


@njit(cache=True)
def _band_key(values: NDArray[np.uint32], band: int, rows: int) -> int:
    """A non-negative 64-bit key for one band of MinHash values (FNV-1a over the band and its values)."""
    key = np.uint64(0xCBF29CE484222325) ^ np.uint64(band)
    for value in values[band * rows : (band + 1) * rows]:
        key = (key ^ np.uint64(value)) * _FNV_PRIME
    return int(key & _KEY_MASK)


@njit(cache=True)
def _same_band(values: NDArray[np.uint32], other: NDArray[np.uint32], band: int, rows: int) -> bool:
    start, end = band * rows, (band + 1) * rows
    return bool(np.array_equal(values[start:end], other[start:end]))


@njit((_INT_ROWS, _INT_ROWS, _READ_WORD_ROWS, _INT, _INT), cache=True)
def index_copy(
    buckets: NDArray[np.int64], chain: NDArray[np.int64], stored: NDArray[np.uint32], seq: int, rows: int
) -> int:
    """Put article ``seq`` (its MinHash already in ``stored[seq - 1]``) in the bucket of each of its bands.

    ``buckets`` maps a band's key to the latest article in it; ``chain[seq - 1, band]`` is the
    article before it in that bucket (0 for none). Two bands whose keys collide share a
    bucket; readers compare the values. The number of new keys.
    """
    values = stored[seq - 1]
    new = 0
    for band in range(chain.shape[1]):
        key = _band_key(values, band, rows)
        row = _find(buckets, key)
        chain[seq - 1, band] = 0 if row < 0 else buckets[row, 1]
        if _put(buckets, key, seq):
            new += 1
    return new


@njit((_READ_INT_ROWS, _READ_INT_ROWS, _READ_WORD_ROWS, _READ_WORDS, _INT, _INT), cache=True)
def copy_candidates(
    buckets: NDArray[np.int64],
    chain: NDArray[np.int64],
    stored: NDArray[np.uint32],
    values: NDArray[np.uint32],
    rows: int,
    least_equal: int,
) -> NDArray[np.int64]:
    """The stored articles sharing a band of values with ``values`` and at least ``least_equal``
    values in all, ascending (banded LSH, then the estimated Jaccard similarity)."""
    found = np.zeros(0, dtype=np.int64)
    for band in range(chain.shape[1]):
        row = _find(buckets, _band_key(values, band, rows))
        seq = 0 if row < 0 else buckets[row, 1]
        while seq > 0:
            if _same_band(values, stored[seq - 1], band, rows):
                found = np.append(found, seq)
            seq = chain[seq - 1, band]
    found = np.unique(found)
    kept = 0
    for seq in found:
        if np.count_nonzero(stored[seq - 1] == values) >= least_equal:
            found[kept] = seq
            kept += 1
    return found[:kept]


def _crc_table() -> NDArray[np.uint32]:
    """The byte table of the CRC-32 that zlib computes (reflected polynomial 0xEDB88320)."""
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> np.uint32(1)) ^ np.uint32(0xEDB88320), table >> np.uint32(1))
    return table.astype(np.uint32)


_CRC_TABLE = _crc_table()
_SPACE = 32
_SHINGLE_WORDS = 4  # words per shingle of the near-duplicate MinHash


@njit(cache=True)
def _crc_update(crc: np.uint64, byte: int) -> np.uint64:
    return np.uint64(_CRC_TABLE[int((crc ^ np.uint64(byte)) & np.uint64(0xFF))]) ^ (crc >> np.uint64(8))


@njit((_READ_BYTES, _READ_INTS, _READ_INTS, _READ_WORDS, _READ_WORDS), cache=True)
def min_hashes(
    text: NDArray[np.uint8],
    lengths: NDArray[np.int64],
    counts: NDArray[np.int64],
    multipliers: NDArray[np.uint32],
    offsets: NDArray[np.uint32],
) -> NDArray[np.uint32]:
    """Per item (``counts[i]`` words, each ``lengths[w]`` bytes of ``text``, items in order), the
    least of each affine permutation ``(a * fmix32(h) + b) mod 2**32`` over the CRC-32 ``h`` of
    each run of four words joined by spaces (all its words when fewer): datasketch's affine32
    MinHash of the item's shingles.

    The arithmetic is in 64 bits, reduced mod 2**32 where uint32 arrays wrap.
    """
    n_perm = len(multipliers)
    starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    starts[1:] = np.cumsum(lengths)
    values = np.empty((len(counts), n_perm), dtype=np.uint32)
    best = np.empty(n_perm, dtype=np.uint64)
    first = 0  # the item's first word
    for item in range(len(counts)):
        words = counts[item]
        size = min(words, _SHINGLE_WORDS)
        best[:] = _MASK32
        for shingle in range(max(1, words - _SHINGLE_WORDS + 1)):
            crc = _MASK32
            for word in range(first + shingle, first + shingle + size):
                if word > first + shingle:
                    crc = _crc_update(crc, _SPACE)
                for byte in text[starts[word] : starts[word + 1]]:
                    crc = _crc_update(crc, byte)
            # the MurmurHash3 32-bit finalizer (Appleby 2011)
            x = crc ^ _MASK32
            x ^= x >> np.uint64(16)
            x = (x * np.uint64(0x85EBCA6B)) & _MASK32
            x ^= x >> np.uint64(13)
            x = (x * np.uint64(0xC2B2AE35)) & _MASK32
            x ^= x >> np.uint64(16)
            for p in range(n_perm):
                value = (np.uint64(multipliers[p]) * x + np.uint64(offsets[p])) & _MASK32
                if value < best[p]:
                    best[p] = value
        for p in range(n_perm):
            values[item, p] = best[p]
        first += words
    return values
