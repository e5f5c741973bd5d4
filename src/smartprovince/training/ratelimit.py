"""A small cache-based rate limiter for public HTML pages (fixed window per client IP)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest


def client_key(request: HttpRequest) -> str:
    ip = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hashlib.sha256(ip.encode()).hexdigest()[:16]


def rate_limited(request: HttpRequest, scope: str, *, limit: int, seconds: int) -> bool:
    """Count this request; ``True`` once the client has made more than ``limit`` in the window."""
    key = f"rl:{scope}:{client_key(request)}"
    if cache.add(key, 1, timeout=seconds):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=seconds)
        return False
    return count > limit
