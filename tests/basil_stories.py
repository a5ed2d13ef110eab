"""BASIL triples kept as test fixtures (tests/fixtures/analysis/): one story's articles, read as the
analyses receive them, each with the last part of its BASIL id ("fox", "nyt", "hpo") as its id."""

from __future__ import annotations

import json
from pathlib import Path

from newsbrief.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"


def basil_story(name: str) -> tuple[Article, ...]:
    """The articles of ``fixtures/analysis/<name>``, in file order."""
    rows = [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()]
    return tuple(
        Article(
            id=row["id"][-3:],
            outlet=row["outlet"],
            title=row["title"],
            url=None,
            published=None,
            text=row["text"],
        )
        for row in rows
    )
