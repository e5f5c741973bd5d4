"""The audit log: every service writes one ``AuditEvent`` per write (STYLE.md §2).

Field-level history of each domain model is kept by django-simple-history as well; the object
history page shows both. Each event also moves the data version of its app (``core.dataversion``),
which is what keeps cached read models such as the executive dashboard's roll-ups current.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from typing import Any

from django.db import models

from . import dataversion
from .models import AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (dt.date, dt.datetime, decimal.Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "name") and hasattr(value, "url"):  # FieldFile
        return value.name or ""
    return value


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """Plain values of an object's concrete fields (for before/after diffs)."""
    names = list(fields) if fields is not None else [f.attname for f in obj._meta.concrete_fields]
    return {name: _plain(getattr(obj, name)) for name in names}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for fields whose value changed."""
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def audit_log(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    changes: dict[str, Any] | None = None,
    agency_id: int | None = None,
) -> AuditEvent:
    """Record ``action`` (``<app>.<resource>.<past verb>``) by ``actor`` on ``obj``."""
    if agency_id is None:
        agency_id = getattr(obj, "agency_id", None)
    user = actor if getattr(actor, "is_authenticated", False) else None
    dataversion.bump(action.split(".", 1)[0])
    return AuditEvent.objects.create(
        actor=user,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        agency_id=agency_id,
        changes={k: _plain(v) for k, v in (changes or {}).items()},
    )


def audit_events_for(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related(
        "actor"
    )
