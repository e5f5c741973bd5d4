"""schemathesis against the project's own OpenAPI schema: no 5xx, and successful responses
match the schema. Every operation is exercised anonymously and with a province admin's token.

(schemathesis' own pytest plugin does not run on pytest 9 yet, so operations are driven with
hypothesis directly.)
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from smartprovince.config.wsgi import application

pytestmark = pytest.mark.django_db

# The auth-probing checks assume the generated credentials; we pass a real token ourselves.
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


@pytest.fixture(autouse=True)
def _keep_test_connection() -> Any:
    """The real WSGI handler closes "old" connections at each request's end; inside a test's
    transaction that would close the test database connection (Django's test client avoids it
    the same way)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _operations() -> list[Any]:
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    return [result.ok() for result in schema.get_all_operations()]


def _exercise(operation: Any, headers: dict[str, str]) -> None:
    failures: list[str] = []

    @given(case=operation.as_strategy())
    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: Any) -> None:
        response = case.call(headers=headers)
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}")
            return
        if response.status_code < 400:
            case.validate_response(response, checks=CHECKS)

    run()
    assert failures == []


@pytest.mark.parametrize("as_admin", [False, True], ids=["anonymous", "admin-token"])
def test_every_operation_conforms(as_admin: bool, make_user: Any) -> None:
    from rest_framework.authtoken.models import Token

    headers: dict[str, str] = {}
    if as_admin:
        token, _ = Token.objects.get_or_create(user=make_user("schema_admin", role="province_admin"))
        headers["Authorization"] = f"Token {token.key}"
    operations = _operations()
    assert len(operations) >= 6
    for operation in operations:
        _exercise(operation, headers)
