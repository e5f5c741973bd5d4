from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartprovince.agencies.models import Agency
from smartprovince.core import dataversion
from smartprovince.core.pagination import VersionedCountPaginator, VersionedIdsPaginator


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


def test_pages_over_cached_ids_read_only_the_page_rows(db: Any) -> None:
    cache.clear()
    qs = Agency.objects.filter(code__startswith="SKN-").order_by("code")
    codes = list(qs.values_list("code", flat=True))
    assert len(codes) > 10

    def page(number: int) -> tuple[list[str], int, list[str]]:
        with CaptureQueriesContext(connection) as ctx:
            p = VersionedIdsPaginator(qs, 5, apps=("agencies",)).get_page(number)
            found = [a.code for a in p.object_list]
        return found, p.paginator.count, [q["sql"] for q in ctx.captured_queries]

    first, total, _ = page(1)
    assert (first, total) == (codes[:5], len(codes))
    second, total, queries = page(2)  # the ids come from the cache: versions, then the page's 5 rows
    assert (second, total) == (codes[5:10], len(codes)) and len(queries) == 2
    assert '"agencies_agency"."id" IN' in queries[1]
    assert page(10**6)[0] == codes[(len(codes) - 1) // 5 * 5:]  # past the end: the last page
    Agency.objects.filter(code=codes[0]).update(code="X-MOVED")
    dataversion.bump("agencies")
    assert page(1)[:2] == (codes[1:6], len(codes) - 1)
    assert VersionedIdsPaginator(qs.none(), 5, apps=("agencies",)).count == 0
    # the page's rows may be read from the list without its search conditions (the ids met them)
    rows = VersionedIdsPaginator(qs, 5, apps=("agencies",), rows=Agency.objects.all()).get_page(1).object_list
    assert [a.code for a in rows] == codes[1:6]
