"""Small site-wide flags kept in the database (e.g. whether demo data is loaded)."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

from .models import SiteFlag

_DEMO_KEY = "demo_loaded"


def flag_get(key: str, default: Any = None) -> Any:
    cache_key = f"siteflag:{key}"
    value = cache.get(cache_key)
    if value is None:
        row = SiteFlag.objects.filter(key=key).values_list("value", flat=True).first()
        value = {"v": row if row is not None else default}
        cache.set(cache_key, value, 60)
    return value["v"]


def flag_set(key: str, value: Any) -> None:
    SiteFlag.objects.update_or_create(key=key, defaults={"value": value})
    cache.delete(f"siteflag:{key}")


def demo_loaded() -> bool:
    return bool(flag_get(_DEMO_KEY, False))


def demo_mark(loaded: bool = True) -> None:
    flag_set(_DEMO_KEY, loaded)
