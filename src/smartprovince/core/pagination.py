"""Pagination: the API's limit/offset paging and a page paginator with a cached total."""

from __future__ import annotations

import hashlib
from functools import cached_property
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from rest_framework.pagination import LimitOffsetPagination

from . import dataversion


class Pagination(LimitOffsetPagination):
    """Limit/offset paging with a bounded page size and offset (huge numbers are clamped)."""

    default_limit = 50
    max_limit = 500
    max_offset = 10**9

    def get_offset(self, request: Any) -> int:
        return min(super().get_offset(request), self.max_offset)



class VersionedCountPaginator(Paginator):
    """A page paginator whose total (``COUNT(*)`` over every matching row, the part of a list page
    that grows with the data) is cached under the data versions of ``apps`` and the query's SQL:
    a new write of those apps gives a new key, so the count is never stale, and a repeated list
    costs the page's own rows only."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, apps: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.queryset = object_list
        self.apps = apps

    @cached_property
    def count(self) -> int:
        return int(dataversion.cached_aggregate(self.queryset, self.apps, n=Count("pk"))["n"])


class VersionedIdsPaginator(Paginator):
    """Pages over the ordered ids of every matching row, cached under the data versions of ``apps``
    and the query's SQL, and reads the rows of the asked page only (by id, in that order).

    For a search whose matches are spread over a large table (a common Thai word): finding and
    ordering every match is paid once per version of the data, not on every page view."""

    def __init__(self, queryset: QuerySet[Any], per_page: int, *, apps: tuple[str, ...],
                 rows: QuerySet[Any] | None = None, **kwargs: Any) -> None:
        """``rows``: where the page's rows are read from by id — the same list without the search
        conditions (which the ids already met), so the database does not match them again."""
        ids_qs = queryset.values_list("pk", flat=True)
        try:
            sql, params = ids_qs.query.sql_with_params()
        except EmptyResultSet:
            ids: list[Any] = []
        else:
            digest = hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()[:24]
            ids = dataversion.cached(f"ids:{digest}:{dataversion.current(*apps)}", lambda: list(ids_qs))
        super().__init__(ids, per_page, **kwargs)
        self.queryset = queryset if rows is None else rows

    def page(self, number: Any) -> Page:
        page = super().page(number)
        wanted = list(page.object_list)
        rows = {row.pk: row for row in self.queryset.filter(pk__in=wanted).order_by()}
        page.object_list = [rows[pk] for pk in wanted if pk in rows]
        return page
