"""Dense sentence similarity by meaning, from WordLlama's static token embeddings.

WordLlama (``wordllama`` on PyPI) ships its 256-dimensional ``l2_supercat`` weights and tokenizer
inside the wheel. It is loaded with downloads disabled and its cache directory pointed at the
installed package, where both files are: ``WordLlama.load`` looks for the tokenizer under
``<package>/tokenizer/`` but the wheel has it under ``<package>/tokenizers/``, the cache layout, so
the default call would fall back to a download. Loading takes about a second and 110 MB, once per
process; embedding a story's sentences takes a few milliseconds.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsbrief.errors import MissingModelError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from wordllama import WordLlamaInference

__all__ = ["embed", "load_wordllama"]


@cache
def load_wordllama() -> WordLlamaInference:
    """The WordLlama model from the installed package's own files; never downloads."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as exc:
        raise MissingModelError(
            "summaries and conflicts need the WordLlama embeddings: pip install wordllama"
        ) from exc
    finally:
        # Its import calls logging.basicConfig(level=INFO), after which every library's INFO
        # lines (rouge-score's "Using default tokenizer.") would reach stderr.
        root.handlers[:] = handlers
        root.setLevel(level)
    try:
        return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    except FileNotFoundError as exc:
        raise MissingModelError(f"the installed wordllama package lacks its weights: {exc}") from exc


def embed(texts: Sequence[str]) -> NDArray[np.float32]:
    """One L2-normalised 256-d row per text, in order; cosine similarity is a dot product."""
    import numpy as np

    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    vectors: NDArray[np.float32] = load_wordllama().embed(list(texts), norm=True)
    return vectors
