"""Helpers for tests of the API's lists (``core.pagination.VersionedPagination``)."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def list_get(client: Client, url: str, params: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    """GET an API list: its JSON and the SQL the request ran."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    return response.json(), [q["sql"] for q in ctx.captured_queries]


def counts_the_list(sqls: list[str], *, per_row_counts: bool = False) -> bool:
    """Did one of these queries count (``COUNT(``)? With ``per_row_counts`` (a list whose rows carry
    a count of their own: a session's enrolments, an activity's photos), only a query that counts
    at its top (``SELECT COUNT(…``, a list's total) is one."""
    if per_row_counts:
        return any(sql.lstrip().upper().startswith("SELECT COUNT(") for sql in sqls)
    return any("COUNT(" in sql.upper() for sql in sqls)


def cached_total(client: Client, url: str, params: dict[str, Any] | None = None, *, per_row_counts: bool = False) -> int:
    """The list's ``count``, asked twice: the second request (a warm cache) counts nothing and
    answers the same page, in the shape of every API list."""
    first, _ = list_get(client, url, params)
    again, sqls = list_get(client, url, params)
    assert not counts_the_list(sqls, per_row_counts=per_row_counts), [s for s in sqls if "COUNT(" in s.upper()]
    assert again == first
    assert list(first) == ["count", "next", "previous", "results"]
    return int(first["count"])
