"""Schemathesis against the app's own OpenAPI description: whatever a client sends, never a 5xx.

Bounded to 50 examples per operation (hypothesis settings), so the run stays within seconds.
Random ``analysis`` strings are refused with a 422 before any spaCy work, so the spaCy-heavy path
is reached only through the explicit "all" example below, kept small.
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from newsbrief.service.app import create_app
from newsbrief.stream import Clusterer, Store
from newsbrief.stream.sources import read_articles

with warnings.catch_warnings():
    # Starlette asks for the httpx2 fork, which is not installed; httpx works.
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`", UserWarning)
    import starlette.testclient  # noqa: F401 (imported here once so the warning is not raised in a test)

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app())

CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance)


@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_a_server_error(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)


def _store_of_real_articles(directory: Path) -> Path:
    """A stream store of 24 real BASIL articles, for the routes that read one (GET /v1/stories)."""
    path = directory / "stream.sqlite"
    clusterer = Clusterer(Store(path))
    for article in read_articles(
        [str(Path(__file__).resolve().parents[1] / "fixtures" / "stream" / "basil-24.jsonl")]
    ):
        clusterer.add(article)
    clusterer.close()
    return path


# Built when the module is collected: schemathesis' from_fixture breaks under pytest 9.2
# ("'Function' object has no attribute '_nodeid'"), so the schema cannot come from a fixture.
_STORE_DIR = Path(tempfile.mkdtemp(prefix="newsbrief-fuzz-"))
stored = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(store_path=_store_of_real_articles(_STORE_DIR))
).include(method="GET", path_regex="^/v1/stories")


@pytest.fixture(scope="module", autouse=True)
def _remove_the_store() -> Iterator[None]:
    yield
    shutil.rmtree(_STORE_DIR, ignore_errors=True)


@stored.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_to_a_store_makes_a_server_error(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)


def test_the_description_declares_both_request_forms() -> None:
    operation = schema["/v1/briefs"]["POST"]
    media_types = {body.media_type for body in operation.body}
    assert media_types == {"application/json", "multipart/form-data"}
