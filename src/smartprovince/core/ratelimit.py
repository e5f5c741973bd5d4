"""A cache-based rate limiter for public endpoints (fixed window per client).

The cache is Redis in production (``CACHE_URL``), so a limit holds across processes. Client
addresses are hashed with the secret key; the raw address is never stored.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_key(remote_addr: str | None, salt: str = "smartprovince.ratelimit") -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{salt}|{remote_addr or ''}".encode()).hexdigest()
    return digest[:32]


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int


def parse_rate(text: str | None) -> Rate | None:
    """``"30/h"`` → Rate(30, 3600); ``"off"``/``"0"`` → None (no limit). Bad text is an error."""
    value = (text or "").strip().lower()
    if value in {"off", "0", "none", "disabled"}:
        return None
    m = re.fullmatch(r"(\d+)\s*/\s*(\d*)\s*([smhd])[a-z]*", value)
    if not m:
        raise ValueError(f"อัตราจำกัดไม่ถูกต้อง: {text!r} (ตัวอย่าง 30/h, 10/10m, off)")
    multiplier = int(m.group(2) or 1)
    return Rate(int(m.group(1)), multiplier * _PERIODS[m.group(3)])


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0


def hit(scope: str, key: str, rate: Rate | None) -> Decision:
    """Count one request of ``key`` in ``scope``; refuse it when over ``rate``."""
    if rate is None:
        return Decision(True)
    now = int(time.time())
    window = now // rate.period
    cache_key = f"rl:{scope}:{key}:{window}"
    if cache.add(cache_key, 1, timeout=rate.period + 5):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, timeout=rate.period + 5)
            count = 1
    if count > rate.limit:
        return Decision(False, retry_after=(window + 1) * rate.period - now)
    return Decision(True)


def request_allowed(request: HttpRequest, scope: str, rate: Rate | None) -> Decision:
    """Count one request of this client in ``scope``."""
    return hit(scope, client_key(request.META.get("REMOTE_ADDR")), rate)
