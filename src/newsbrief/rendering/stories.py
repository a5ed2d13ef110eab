"""A story found in a stream as a JSON-ready record: one line of ``newsbrief cluster -o``, one
item of the HTTP API's ``stories``."""

from __future__ import annotations

from newsbrief.model import StreamStory

__all__ = ["named_outlets", "story_record"]


def named_outlets(story: StreamStory) -> list[str]:
    """The story's outlets in order of first appearance, without the empty name of an unnamed one."""
    return [outlet for outlet in story.outlets if outlet]


def story_record(story: StreamStory) -> dict[str, object]:
    """The story's fields as JSON types; ``duplicates`` maps a copy's key to the key it copies.

    ``outlets`` names the outlets its articles name: an article read without an outlet or URL
    has the outlet ``""``, which names nothing and is left out (it listed ``""`` before).
    """
    return {
        "id": story.id,
        "articles": list(story.articles),
        "duplicates": dict(story.duplicates),
        "outlets": named_outlets(story),
        "first_published": story.first_published,
        "last_published": story.last_published,
        "title": story.title,
        "keywords": list(story.keywords),
        "merged_from": list(story.merged_from),
        "language": story.language,
    }
