"""Pagination: the API's limit/offset paging and a page paginator with a cached total."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
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
