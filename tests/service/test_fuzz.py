"""Schemathesis against the app's own OpenAPI description: whatever a client sends, never a 5xx.

Bounded to 50 examples per operation (hypothesis settings), so the run stays within seconds.
Random ``analysis`` strings are refused with a 422 before any spaCy work, so the spaCy-heavy path
is reached only through the explicit "all" example below, kept small.
"""

from __future__ import annotations

import warnings
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from newsbrief.service.app import create_app

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


def test_the_description_declares_both_request_forms() -> None:
    operation = schema["/v1/briefs"]["POST"]
    media_types = {body.media_type for body in operation.body}
    assert media_types == {"application/json", "multipart/form-data"}
