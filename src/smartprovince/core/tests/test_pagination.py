from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartprovince.agencies.models import Agency
from smartprovince.core import dataversion
from smartprovince.core.pagination import VersionedCountPaginator


def _count(qs: Any) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        count = VersionedCountPaginator(qs, 10, apps=("agencies",)).count
    return count, [q["sql"] for q in ctx.captured_queries]


def test_the_total_is_counted_once_per_data_version_and_query(db: Any) -> None:
    cache.clear()
    qs = Agency.objects.filter(code__startswith="SKN-").order_by("name_th")
    expected = qs.count()
    count, queries = _count(qs)
    assert count == expected and any("COUNT(" in q for q in queries)
    count, queries = _count(qs)  # the same list again: the versions only
    assert count == expected and not any("COUNT(" in q for q in queries) and len(queries) == 1
    other, queries = _count(qs.filter(kind=qs.first().kind))  # another filter is another count
    assert other == qs.filter(kind=qs.first().kind).count() and any("COUNT(" in q for q in queries)
    # a write (bulk writers bump the version; services do it through the audit log) is seen at once
    Agency.objects.filter(pk=qs.first().pk).update(code="X-MOVED")
    assert _count(qs)[0] == expected
    dataversion.bump("agencies")
    assert _count(qs)[0] == expected - 1
