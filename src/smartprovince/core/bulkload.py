"""Fast inserts for generated data (``gen-scale``): PostgreSQL ``COPY`` or SQLite ``executemany``.

Rows are plain tuples in the order of the ``fields`` given (attribute names, e.g. ``agency_id``).
Columns not given are filled once per call with the field's default (``auto_now``/``auto_now_add``
→ ``now``; nullable → NULL). Primary keys may be given explicitly (taken from ``next_pk``) so
that parents and children can be generated in one pass; ``reset_sequences`` then moves the
PostgreSQL sequences past them. No ``save()``, no signals, no history rows: only for data that
is generated, never for user input.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

BATCH = 5000


def next_pk(model: type[models.Model]) -> int:
    """The first free integer primary key of ``model`` (max + 1)."""
    top = model._default_manager.aggregate(m=models.Max("pk"))["m"]  # type: ignore[attr-defined]
    return int(top or 0) + 1


def reset_sequences(*model_list: type[models.Model]) -> None:
    """After explicit primary keys: move the database's id sequences past them (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _fill_value(field: models.Field, now: dt.datetime) -> Any:  # type: ignore[type-arg]
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now.date() if not isinstance(field, models.DateTimeField) else now
    if field.has_default():
        return field.get_default()
    if field.null:
        return None
    if isinstance(field, (models.CharField, models.TextField)):
        return ""
    raise ValueError(f"{field.model.__name__}.{field.name}: ต้องระบุค่า (ไม่มีค่าเริ่มต้น)")


def _converter(field: models.Field, vendor: str) -> Callable[[Any], Any] | None:  # type: ignore[type-arg]
    if isinstance(field, models.JSONField):
        return lambda v: None if v is None else json.dumps(v, ensure_ascii=False)
    if vendor == "sqlite" and isinstance(field, models.DateTimeField):
        return lambda v: connection.ops.adapt_datetimefield_value(v)
    if vendor == "sqlite" and isinstance(field, models.DecimalField):
        return lambda v: None if v is None else str(v)
    return None


def insert(
    model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]], *,
    now: dt.datetime | None = None, batch: int = BATCH,
) -> int:
    """Insert ``rows`` into ``model``'s table; returns the number of rows written."""
    now = now or timezone.now()
    meta = model._meta
    by_attname = {f.attname: f for f in meta.concrete_fields}
    unknown = [name for name in fields if name not in by_attname]
    if unknown:
        raise ValueError(f"{meta.label}: ไม่มีคอลัมน์ {unknown}")
    given = [by_attname[name] for name in fields]
    extra = [
        f for f in meta.concrete_fields
        if f.attname not in fields and not (f.primary_key and isinstance(f, models.AutoField))
    ]
    extra_values = tuple(_fill_value(f, now) for f in extra)
    columns = [*given, *extra]
    vendor = connection.vendor
    converters = [_converter(f, vendor) for f in columns]
    extra_values = tuple(
        conv(v) if conv else v for conv, v in zip(converters[len(given):], extra_values, strict=True)
    )
    given_conv = [(i, c) for i, c in enumerate(converters[: len(given)]) if c is not None]
    qn = connection.ops.quote_name
    table = qn(meta.db_table)
    col_sql = ", ".join(qn(f.column) for f in columns)

    def prepared(chunk: list[Sequence[Any]]) -> list[tuple[Any, ...]]:
        out = []
        for row in chunk:
            if given_conv:
                values = list(row)
                for i, conv in given_conv:
                    values[i] = conv(values[i])
                out.append((*values, *extra_values))
            else:
                out.append((*row, *extra_values))
        return out

    written = 0
    iterator = iter(rows)
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy(f"COPY {table} ({col_sql}) FROM STDIN") as copy:
                while chunk := list(islice(iterator, batch)):
                    for values in prepared(chunk):
                        copy.write_row(values)
                    written += len(chunk)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({col_sql}) VALUES ({placeholders})"  # noqa: S608 - quoted identifiers from the model
            while chunk := list(islice(iterator, batch)):
                cursor.executemany(sql, prepared(chunk))
                written += len(chunk)
    return written
