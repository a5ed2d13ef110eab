"""A Brief as JSON in the ``newsbrief.brief/1`` schema (docs/json-schema.md).

Keys come in a fixed order, so the same brief gives the same bytes; ``timing_ms`` is filled
only when asked for (``timing=True``), since the times differ on every run. Returns the text
without a trailing newline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from newsbrief.model import (
    Analysis,
    Article,
    Brief,
    Citation,
    Conflict,
    DisputedClaim,
    Entity,
    Fact,
    Figure,
    Framing,
    Quote,
    Sentence,
    Source,
    Span,
    SummarySentence,
)
from newsbrief.rendering.sections import (
    entity_kind,
    figure_context,
    figure_value,
    sources_by_article,
    speaker_label,
)

__all__ = ["JSON_SCHEMA", "to_json"]

JSON_SCHEMA = "newsbrief.brief/1"


def to_json(brief: Brief, *, explain: bool = False, summary: bool = True, timing: bool = False) -> str:
    """The brief as JSON in the ``newsbrief.brief/1`` schema (docs/json-schema.md).

    Keys come in a fixed order, so the same brief gives the same bytes. With ``explain``,
    ``articles`` holds the cleaned texts that every span points into. ``timing_ms`` is always
    there (the schema's key) but empty unless ``timing``: the times differ on every run, and
    with them the bytes. ``summary`` is accepted for a uniform signature and ignored: the JSON
    document is always whole.
    """
    document = _json_document(brief, explain=explain, timing=timing)
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)


def _json_document(brief: Brief, *, explain: bool, timing: bool) -> dict[str, object]:
    document: dict[str, object] = {
        "schema": JSON_SCHEMA,
        "summary": [_json_line(line) for line in brief.summary],
        "sources": [_json_source(source) for source in brief.sources],
        "words": brief.words,
        "options": {
            "max_words": brief.options.max_words,
            "max_sentences": brief.options.max_sentences,
            "analyses": list(brief.options.analyses),
            "style": brief.options.style,
        },
        "notices": [
            {"code": notice.code, "message": notice.message, "article_ids": list(notice.article_ids)}
            for notice in brief.notices
        ],
        "removals": [
            {
                "article_id": removal.article_id,
                "reason": removal.reason,
                "start": removal.start,
                "end": removal.end,
                "text": removal.text,
            }
            for removal in brief.removals
        ],
        "analysis": _json_analysis(brief.analysis, sources_by_article(brief)),
    }
    if explain:
        document["articles"] = [_json_article(article) for article in brief.articles]
    document["timing_ms"] = dict(brief.timing_ms) if timing else {}
    return document


def _json_line(line: SummarySentence) -> dict[str, object]:
    return {
        "text": line.text,
        "article_id": line.sentence.article_id,
        "sentence_index": line.sentence.index,
        "start": line.sentence.start,
        "end": line.sentence.end,
        "corroboration": line.corroboration,
        "citations": [_json_citation(citation) for citation in line.citations],
        "voice": line.voice,
        "unfinished": line.unfinished,
        "speaker": line.speaker,
    }


def _json_citation(citation: Citation) -> dict[str, object]:
    return {
        "source": citation.source_number,
        "article_id": citation.article_id,
        "sentence_index": citation.sentence_index,
        "start": citation.start,
        "end": citation.end,
        "text": citation.text,
        "similarity": citation.similarity,
    }


def _json_source(source: Source) -> dict[str, object]:
    return {
        "number": source.number,
        "article_id": source.article_id,
        "outlet": source.outlet,
        "title": source.title,
        "url": source.url,
        "published": source.published,
        "words": source.words,
    }


def _json_article(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "text": article.text,
    }


def _json_analysis(analysis: Analysis, sources: dict[str, Source]) -> dict[str, object]:
    """The analysis under the documented keys; an analysis that did not run has an empty list."""
    return {
        "ran": list(analysis.ran),
        "facts": [_json_fact(fact, sources) for fact in analysis.facts],
        "claims": [
            {**_json_sentence(claim.sentence, sources), "weight": round(claim.weight, 4)}
            for claim in analysis.claims
        ],
        "figures": [_json_figure(figure, sources) for figure in analysis.figures],
        "conflicts": [
            {
                "what": conflict.what,
                "note": conflict.note,
                "figures": [_json_figure(figure, sources) for figure in conflict.figures],
                **_json_conflict_basis(conflict),
            }
            for conflict in analysis.conflicts
        ],
        "quotes": [_json_quote(quote, sources) for quote in analysis.quotes],
        "unattributed": [_json_span(span, sources) for span in analysis.unattributed],
        "entities": [_json_entity(entity, sources) for entity in analysis.entities],
        "framing": _json_framing(analysis.framing, sources) if analysis.framing else None,
        "disputes": [_json_dispute(dispute, sources) for dispute in analysis.disputes],
    }


def _json_conflict_basis(conflict: Conflict) -> dict[str, object]:
    """Kind, normalised values, what was compared and what time says of the pair."""
    return {
        "kind": conflict.kind,
        "unit": conflict.unit,
        "values": list(conflict.values),
        "compared": conflict.compared,
        "timing": conflict.timing,
    }


def _json_dispute(dispute: DisputedClaim, sources: dict[str, Source]) -> dict[str, object]:
    """A disputed claim: both sentences with their sources, the denial word, what matched."""
    return {
        "claim": _json_sentence(dispute.claim, sources),
        "dispute": _json_sentence(dispute.dispute, sources),
        "disputed": _json_sentence(dispute.disputed, sources),
        "cue": dispute.cue,
        "compared": dispute.compared,
    }


def _json_source_of(article_id: str, sources: dict[str, Source]) -> dict[str, object]:
    """``source`` and ``article_id``, the pair every analysis item starts with."""
    source = sources.get(article_id)
    return {"source": source.number if source else None, "article_id": article_id}


def _json_numbers(article_ids: Iterable[str], sources: dict[str, Source]) -> list[int]:
    return sorted({sources[article_id].number for article_id in article_ids if article_id in sources})


def _json_sentence(sentence: Sentence, sources: dict[str, Source]) -> dict[str, object]:
    return {
        **_json_source_of(sentence.article_id, sources),
        "sentence_index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def _json_span(span: Span, sources: dict[str, Source]) -> dict[str, object]:
    return {
        **_json_source_of(span.article_id, sources),
        "start": span.start,
        "end": span.end,
        "text": span.text,
    }


def _json_fact(fact: Fact, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "sources": _json_numbers(fact.article_ids, sources),
        "sentences": [
            {**_json_sentence(sent, sources), "similarity": round(similarity, 4)}
            for sent, similarity in zip(fact.sentences, fact.similarities, strict=False)
        ],
    }


def _json_number(value: float) -> float | int:
    """A value as JSON writes it: an integer when whole."""
    return int(value) if float(value).is_integer() else value


def _json_figure(figure: Figure, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "text": figure.span.text,
        "value": _json_number(figure.value),
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        **({"upper": _json_number(figure.upper)} if figure.upper is not None else {}),
        **({"previous": _json_number(figure.previous)} if figure.previous is not None else {}),
        "normalized": figure_value(figure),
        "context": figure_context(figure),
        "what": figure.what,
        "attribution": figure.attribution,
        **_json_span(figure.span, sources),
        "sentence": {
            "sentence_index": figure.sentence.index,
            "start": figure.sentence.start,
            "end": figure.sentence.end,
            "text": figure.sentence.text,
        },
    }


def _json_quote(quote: Quote, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "kind": quote.kind,
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "speaker_label": speaker_label(quote),
        "sources": _json_numbers(quote.article_ids, sources),
        "spans": [_json_span(span, sources) for span in quote.spans],
    }


def _json_entity(entity: Entity, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "name": entity.name,
        "label": entity.label,
        "kind": entity_kind(entity.label),
        "variants": list(entity.variants),
        "total": entity.total,
        "counts": [
            {**_json_source_of(article_id, sources), "count": count} for article_id, count in entity.counts
        ],
        "mentions": [_json_span(span, sources) for span in entity.mentions],
    }


def _json_framing(framing: Framing, sources: dict[str, Source]) -> dict[str, object]:
    return {
        "outlets": [
            {
                **_json_source_of(outlet.article_id, sources),
                "style": outlet.style,
                "opinion": round(outlet.opinion, 4),
                "opinion_markers": list(outlet.opinion_markers),
                "distinctive": [
                    {"term": term.term, "z": round(term.z, 2), "count": term.count}
                    for term in outlet.distinctive
                ],
            }
            for outlet in framing.outlets
        ],
        "actors": [
            {
                "actor": actor.actor,
                "names": [
                    {
                        **_json_source_of(article_id, sources),
                        "names": [{"name": name, "count": count} for name, count in pairs],
                    }
                    for article_id, pairs in actor.names
                ],
            }
            for actor in framing.actors
        ],
    }
