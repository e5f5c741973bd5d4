"""API pagination."""

from __future__ import annotations

from typing import Any

from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    """Limit/offset paging with a bounded page size and offset (huge numbers are clamped)."""

    default_limit = 50
    max_limit = 500
    max_offset = 10**9

    def get_offset(self, request: Any) -> int:
        return min(super().get_offset(request), self.max_offset)

