"""The package's front door: ``import newsbrief`` is quick, and every name it lists is there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsbrief


def test_importing_the_package_leaves_the_heavy_libraries_for_first_use() -> None:
    """Every CLI start imports the package: `--help` or a bad option must not wait for scikit-learn."""
    probe = "import sys, newsbrief; print(sorted(m for m in ('sklearn', 'scipy', 'spacy', 'numba') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("name", newsbrief.__all__)
def test_every_listed_name_resolves(name: str) -> None:
    assert getattr(newsbrief, name) is not None
    assert name in dir(newsbrief)


def test_the_lazy_names_are_the_modules_own_objects() -> None:
    from newsbrief.pipeline.brief import summarize
    from newsbrief.stream.cluster import Clusterer

    assert newsbrief.summarize is summarize
    assert newsbrief.Clusterer is Clusterer


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'summarise'"):
        newsbrief.summarise  # noqa: B018


def test_issue_api_the_store_a_clusterer_keeps_is_named_by_the_package(tmp_path: Path) -> None:
    """``cluster(store=...)`` and ``Clusterer(store)`` take a Store, which only a second import
    (``from newsbrief.stream import Store``) could reach: ``newsbrief.Store`` was an AttributeError."""
    probe = (
        "import sys, newsbrief; store = newsbrief.Store(sys.argv[1]); "
        "print(type(store).__module__); store.close()"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "stream.sqlite")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["newsbrief.stream.store"]
    assert "Store" in newsbrief.__all__
