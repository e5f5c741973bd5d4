"""Data versions: a token per app that changes with every write of that app's data.

A read model that is costly to compute (the executive dashboard's roll-ups) is cached under the
versions of the apps it reads (``current("projects", "plans", ...)``): any write of those apps
gives a new key, so a cached value is never stale and nothing has to be deleted.

* ``core.audit.audit_log`` bumps the version of the app named by the action
  (``projects.report.submitted`` → ``projects``): every service write is audited, so every
  service write moves the version, inside the write's own transaction. A reader sees the new
  token exactly when it sees the new data (a token read before the data can only be older than
  the data it keys, never newer).
* Bulk writers that bypass the services (``gen_scale``, ``demo``, ``restore``, the plan loader)
  call :func:`bump` themselves.

The tokens live in the database (``SiteFlag`` rows ``dataversion:<app>``), not in the cache: with
the default per-process cache every process must still see every other process's writes. Reading
them is one query by primary key whatever the size of the data. A restore brings back the
versions saved with the data (random tokens: the same token means the same data).
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

from .models import SiteFlag

log = logging.getLogger(__name__)

PREFIX = "dataversion:"
ALL_APPS = ("agencies", "plans", "projects", "monitoring", "eservices", "training", "smartcity", "datahub")


def bump(*apps: str) -> None:
    """Give each app in ``apps`` a new version (an upsert; inside the caller's transaction)."""
    token = uuid.uuid4().hex
    SiteFlag.objects.bulk_create(
        [SiteFlag(key=f"{PREFIX}{app}", value=token) for app in sorted(set(apps))],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["value"],
    )


def bump_all() -> None:
    """After a bulk load or a restore: every cached read model is recomputed."""
    bump(*ALL_APPS)


def current(*apps: str) -> str:
    """The combined version of ``apps`` (one query).

    An app without a version yet (a database from before versions existed, or restored from a
    backup that had none) gets a fresh one here, once: a missing version must never be a constant
    that some other state of the data may have been cached under."""
    keys = [f"{PREFIX}{app}" for app in apps]
    tokens = dict(SiteFlag.objects.filter(key__in=keys).values_list("key", "value"))
    missing = [key for key in keys if key not in tokens]
    if missing:
        token = uuid.uuid4().hex
        SiteFlag.objects.bulk_create([SiteFlag(key=key, value=token) for key in missing], ignore_conflicts=True)
        tokens = dict(SiteFlag.objects.filter(key__in=keys).values_list("key", "value"))
    return ".".join(str(tokens[key])[:12] for key in keys)


def forget() -> None:
    """Drop every version (before a restore: the backup brings the versions of its own data, and
    an app it has none for gets a fresh one on the next read)."""
    SiteFlag.objects.filter(key__startswith=PREFIX).delete()


def cached(key: str, compute: Callable[[], Any], *, timeout: int = 6 * 3600) -> Any:
    """The value cached under ``key`` (which must carry the data versions it depends on), else
    ``compute()``d and cached. An unreadable entry (pickled by another release) is recomputed."""
    try:
        value = cache.get(key)
    except Exception:
        log.warning("cache entry unreadable: %s", key, exc_info=True)
        value = None
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def cached_for_query(qs: QuerySet[Any], apps: tuple[str, ...], kind: str, compute: Callable[[], Any], *,
                     empty: Any, extra: Any = ()) -> Any:
    """``compute()`` (a read of ``qs``) cached under the data versions of ``apps`` and the SQL of ``qs``
    (its filters, the actor's scope, the day in a date filter …) with ``kind`` and ``extra``; ``empty``
    for a query that can match nothing (``none()``), which is not read nor cached."""
    try:
        sql, params = qs.query.sql_with_params()
    except EmptyResultSet:
        return empty
    digest = hashlib.sha256(repr((qs.db, sql, params, extra)).encode()).hexdigest()[:24]
    return cached(f"{kind}:{digest}:{current(*apps)}", compute)


def cached_aggregate(qs: QuerySet[Any], apps: tuple[str, ...], **aggregates: Any) -> dict[str, Any]:
    """``qs.aggregate(**aggregates)`` read once per version of the data of ``apps`` (a count over a
    whole table, say)."""
    qs = qs.order_by()
    wanted = sorted((name, repr(expression)) for name, expression in aggregates.items())
    value: dict[str, Any] | None = cached_for_query(qs, apps, "aggregate", lambda: qs.aggregate(**aggregates),
                                                    empty=None, extra=wanted)
    return value if value is not None else qs.aggregate(**aggregates)  # none(): zeros, read nothing
