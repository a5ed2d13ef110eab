"""A story found in a stream as a JSON-ready record: one line of ``newsbrief cluster -o``, one
item of the HTTP API's ``stories``."""

from __future__ import annotations

from newsbrief.model import StreamStory

__all__ = ["story_record"]


def story_record(story: StreamStory) -> dict[str, object]:
    """The story's fields as JSON types; ``duplicates`` maps a copy's key to the key it copies."""
    return {
        "id": story.id,
        "articles": list(story.articles),
        "duplicates": dict(story.duplicates),
        "outlets": list(story.outlets),
        "first_published": story.first_published,
        "last_published": story.last_published,
        "title": story.title,
        "keywords": list(story.keywords),
        "merged_from": list(story.merged_from),
        "language": story.language,
    }
