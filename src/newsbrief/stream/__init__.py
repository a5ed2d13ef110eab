"""Stories from a stream: articles arrive one at a time and are grouped into stories as they come.

``cluster(articles)`` groups a batch in publication order; ``Clusterer(Store(path)).add(article)``
does it one article at a time, keeping everything in one SQLite file so that a stream can be
stopped, killed and resumed. ``read_articles`` reads the articles of files, directories and RSS/Atom feeds.
"""

from __future__ import annotations

from newsbrief.stream.cluster import DEFAULT_SETTINGS, Clusterer, article_key, cluster, in_publication_order
from newsbrief.stream.store import Store

__all__ = ["DEFAULT_SETTINGS", "Clusterer", "Store", "article_key", "cluster", "in_publication_order"]
