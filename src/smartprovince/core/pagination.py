"""Pagination: the API's limit/offset paging and a page paginator with a cached total."""

from __future__ import annotations

from functools import cached_property
from typing import Any

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


def cached_ids(queryset: QuerySet[Any], apps: tuple[str, ...]) -> list[Any]:
    """The ordered primary keys of every row of ``queryset``, cached under the data versions of
    ``apps`` and the query's SQL (an empty list for ``none()``)."""
    ids_qs = queryset.values_list("pk", flat=True)
    ids: list[Any] = dataversion.cached_for_query(ids_qs, apps, "ids", lambda: list(ids_qs), empty=[])
    return ids


def rows_by_ids(rows: QuerySet[Any], ids: list[Any]) -> list[Any]:
    """The rows of ``rows`` with these primary keys, in the order of ``ids`` (one query)."""
    found = {row.pk: row for row in rows.filter(pk__in=ids).order_by()}
    return [found[pk] for pk in ids if pk in found]


class VersionedIdsPaginator(Paginator):
    """Pages over the ordered ids of every matching row, cached under the data versions of ``apps``
    and the query's SQL, and reads the rows of the asked page only (by id, in that order).

    For a search whose matches are spread over a large table (a common Thai word): finding and
    ordering every match is paid once per version of the data, not on every page view."""

    def __init__(self, queryset: QuerySet[Any], per_page: int, *, apps: tuple[str, ...],
                 rows: QuerySet[Any] | None = None, **kwargs: Any) -> None:
        """``rows``: where the page's rows are read from by id — the same list without the search
        conditions (which the ids already met), so the database does not match them again."""
        super().__init__(cached_ids(queryset, apps), per_page, **kwargs)
        self.queryset = queryset if rows is None else rows

    def page(self, number: Any) -> Page:
        page = super().page(number)
        page.object_list = rows_by_ids(self.queryset, list(page.object_list))
        return page


class VersionedPagination(Pagination):
    """The API's limit/offset paging (the default): for a list view that names the apps its rows
    come from (``data_apps``) the total is counted once per data version and query; a view whose
    ``search_rows()`` returns a queryset (a search is under way: the list without its search
    conditions) pages over the search's cached ids and reads the asked rows from it by id. A view
    without ``data_apps`` counts on every request.

    ``data_apps`` names every app whose writes can change which rows the list returns (a filter
    on an agency's code or ``is_active`` reads ``agencies`` too). The caller's scope must be in
    the query's SQL (agency ids, not a check made in Python), so that each scope has its own
    key."""

    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> list[Any] | None:
        apps = getattr(view, "data_apps", None)
        if not apps:
            return super().paginate_queryset(queryset, request, view)
        self.request = request
        self.limit = self.get_limit(request)
        if self.limit is None:
            return None
        self.offset = self.get_offset(request)
        rows = view.search_rows() if hasattr(view, "search_rows") else None
        ids = cached_ids(queryset, apps) if rows is not None else None
        if ids is not None:
            self.count = len(ids)
        else:
            self.count = int(dataversion.cached_aggregate(queryset, apps, n=Count("pk"))["n"])
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        if self.count == 0 or self.offset > self.count:
            return []
        if rows is not None and ids is not None:
            return rows_by_ids(rows, ids[self.offset:self.offset + self.limit])
        return list(queryset[self.offset:self.offset + self.limit])
