"""Writes to datastore tables through the API (``datastore_create``/``upsert``/``delete``).

Each call is one transaction: any bad record rolls the whole call back. ``datastore_create``
with fields builds a new table and swaps it in (like a file load); records are converted with
the same rules as file ingest.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from smartprovince.core.audit import audit_log
from smartprovince.core.permissions import require

from .ingest import store
from .ingest.header import clean_names
from .ingest.types import convert, matches, normalize
from .models import Column, Resource, ResourceVersion
from .query import _filter_value, build

WRITE = "datahub.dataset:write"
TYPE_MAP = {
    "int": "integer", "int4": "integer", "int8": "integer", "integer": "integer", "bigint": "integer",
    "numeric": "decimal", "float": "decimal", "float8": "decimal", "double precision": "decimal", "decimal": "decimal",
    "date": "date", "timestamp": "date", "bool": "boolean", "boolean": "boolean", "text": "text", "string": "text",
}
MAX_RECORDS = 100_000


def _value(raw: Any, column: Column, index: int) -> str | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raw = "true" if raw else "false"
    text = str(raw)
    if column.type != "text":
        value = normalize(text)
        if not matches(value, column.type) and not (column.type == "decimal" and matches(value, "integer")):
            raise ValidationError({"records": [
                f"ระเบียนที่ {index}: ค่า “{text[:40]}” ของ “{column.name}” ไม่ใช่{column.get_type_display()}"
            ]})
        return convert(value, column.type)
    return text


def _rows(records: Any, columns: list[Column]) -> list[list[str | None]]:
    if not isinstance(records, list):
        raise ValidationError({"records": ["records ต้องเป็นรายการของ object"]})
    if len(records) > MAX_RECORDS:
        raise ValidationError({"records": [f"ส่งได้ครั้งละไม่เกิน {MAX_RECORDS:,} ระเบียน"]})
    by_name = {c.name: c for c in columns}
    out = []
    for i, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise ValidationError({"records": [f"ระเบียนที่ {i} ต้องเป็น object"]})
        unknown = [k for k in record if k not in by_name and k != "_id"]
        if unknown:
            raise ValidationError({"records": [f"ระเบียนที่ {i}: ไม่มีคอลัมน์ “{unknown[0]}”"]})
        out.append([_value(record.get(c.name), c, i) for c in columns])
    return out


@transaction.atomic
def datastore_create(*, actor: Any, resource: Resource, fields: list[dict[str, Any]] | None, records: Any,
                     primary_key: list[str] | None = None) -> dict[str, Any]:
    require(actor, WRITE, resource.dataset.agency_id)
    columns = list(Column.objects.filter(resource=resource).order_by("position"))
    if fields:
        raw_names = [str(f.get("id", "")) if isinstance(f, dict) else "" for f in fields]
        names, warnings = clean_names(raw_names)
        if names != [n.strip() for n in raw_names]:
            raise ValidationError({"fields": warnings or ["ชื่อคอลัมน์ไม่ถูกต้อง"]})
        types = []
        for f in fields:
            type_ = TYPE_MAP.get(str(f.get("type") or "text").lower())
            if type_ is None:
                raise ValidationError({"fields": [f"ไม่รองรับชนิดข้อมูล “{f.get('type')}” ของ “{f.get('id')}”"]})
            types.append(type_)
        number = (resource.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        table = store.table_name(str(resource.pk), number)
        previous = {c.name: c for c in columns}
        columns = [
            Column(resource=resource, position=i, name=n, physical=f"c{i}", type=t,
                   label=((fields[i - 1].get("info") or {}).get("label") or n)[:200],
                   description=(fields[i - 1].get("info") or {}).get("notes") or "",
                   standard_key=previous[n].standard_key if n in previous else "")
            for i, (n, t) in enumerate(zip(names, types, strict=True), start=1)
        ]
        rows = _rows(records or [], columns)
        store.create_table(table, [(c.physical, c.type) for c in columns])
        store.copy_rows(table, [c.physical for c in columns], rows, text_positions=_text_positions(columns))
        store.index_keys(table, {c.standard_key: c.physical for c in columns if c.standard_key})
        store.create_search_index(table, [c.physical for c in columns if c.type == "text"])
        old = resource.datastore_table
        Column.objects.filter(resource=resource).delete()
        Column.objects.bulk_create(columns)
        resource.datastore_table = table
        ResourceVersion.objects.create(resource=resource, number=number, status=ResourceVersion.Status.LOADED,
                                       rows_loaded=len(rows), table_name=table, loaded_at=timezone.now(),
                                       original_filename="datastore_create (API)",
                                       created_by=actor if getattr(actor, "is_authenticated", False) else None)
        if old and old != table:
            store.drop_after_commit(old)
    else:
        if not resource.datastore_table:
            raise ValidationError({"fields": ["ทรัพยากรนี้ยังไม่มีตารางในคลังข้อมูล กรุณาระบุ fields"]})
        rows = _rows(records or [], columns)
        store.copy_rows(resource.datastore_table, [c.physical for c in columns], rows,
                        text_positions=_text_positions(columns))
    if primary_key is not None:
        names_set = {c.name for c in columns}
        bad = [k for k in primary_key if k not in names_set]
        if bad:
            raise ValidationError({"primary_key": [f"ไม่มีคอลัมน์ “{bad[0]}”"]})
        resource.extras = {**(resource.extras or {}), "datastore_primary_key": list(primary_key)}
    resource.datastore_active = True
    resource.datastore_rows = _count(resource.datastore_table)
    resource.last_loaded_at = timezone.now()
    resource.save()
    audit_log(actor=actor, action="datahub.datastore.created", obj=resource, agency_id=resource.dataset.agency_id,
              changes={"fields": [c.name for c in columns], "records": len(rows)})
    return {"resource_id": str(resource.pk), "fields": [{"id": c.name, "type": c.type} for c in columns],
            "method": "insert", "primary_key": (resource.extras or {}).get("datastore_primary_key", [])}


def _text_positions(columns: list[Column]) -> list[int]:
    return [i for i, c in enumerate(columns) if c.type == "text"]


def _count(table: str) -> int:
    with connection.cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM {store.qualified(table)}")  # noqa: S608 - generated identifiers, bound values
        return int(cur.fetchone()[0])


@transaction.atomic
def datastore_upsert(*, actor: Any, resource: Resource, records: Any, method: str = "upsert") -> int:
    require(actor, WRITE, resource.dataset.agency_id)
    if not resource.datastore_table:
        raise ValidationError({"resource_id": ["ทรัพยากรนี้ยังไม่มีตารางในคลังข้อมูล"]})
    if method not in ("upsert", "insert", "update"):
        raise ValidationError({"method": ["method ต้องเป็น upsert, insert หรือ update"]})
    columns = list(Column.objects.filter(resource=resource).order_by("position"))
    by_name = {c.name: c for c in columns}
    key = (resource.extras or {}).get("datastore_primary_key") or []
    rows = _rows(records, columns)
    table = store.qualified(resource.datastore_table)
    written = 0
    with connection.cursor() as cur:
        for i, (record, row) in enumerate(zip(records, rows, strict=True), start=1):
            if method == "insert":
                store.copy_rows(resource.datastore_table, [c.physical for c in columns], [row],
                                text_positions=_text_positions(columns))
                written += 1
                continue
            if "_id" in record:
                where, args = '"_id" = %s', [int(record["_id"])]
            elif key:
                missing = [k for k in key if record.get(k) in (None, "")]
                if missing:
                    raise ValidationError({"records": [f"ระเบียนที่ {i}: ไม่มีค่าของคีย์หลัก “{missing[0]}”"]})
                where = " AND ".join(f"{store.col(by_name[k].physical)} = %s" for k in key)
                args = [_filter_value(by_name[k], record[k]) for k in key]
            else:
                raise ValidationError({"records": ["ต้องกำหนด primary_key ใน datastore_create หรือส่ง _id เพื่อ upsert/update"]})
            present = [(c, v) for c, v in zip(columns, row, strict=True) if c.name in record]
            sets = ", ".join(f"{store.col(c.physical)} = %s" for c, _ in present)
            updated = 0
            if sets:
                cur.execute(f"UPDATE {table} SET {sets} WHERE {where}", [*(v for _, v in present), *args])  # noqa: S608 - generated identifiers, bound values
                updated = cur.rowcount
                if updated and any(c.type == "text" for c, _ in present):
                    store.refresh_search(resource.datastore_table,
                                         [c.physical for c in columns if c.type == "text"], where, args)
            if updated == 0:
                if method == "update":
                    raise ValidationError({"records": [f"ระเบียนที่ {i}: ไม่พบระเบียนที่จะปรับปรุง"]})
                store.copy_rows(resource.datastore_table, [c.physical for c in columns], [row],
                                text_positions=_text_positions(columns))
            written += 1
    resource.datastore_rows = _count(resource.datastore_table)
    resource.last_loaded_at = timezone.now()
    resource.save(update_fields=["datastore_rows", "last_loaded_at", "updated_at"])
    audit_log(actor=actor, action="datahub.datastore.upserted", obj=resource, agency_id=resource.dataset.agency_id,
              changes={"method": method, "records": written})
    return written


@transaction.atomic
def datastore_delete(*, actor: Any, resource: Resource, filters: dict[str, Any] | None) -> int:
    require(actor, WRITE, resource.dataset.agency_id)
    if not resource.datastore_table:
        raise ValidationError({"resource_id": ["ทรัพยากรนี้ยังไม่มีตารางในคลังข้อมูล"]})
    columns = list(Column.objects.filter(resource=resource).order_by("position"))
    if filters:
        plan = build(resource, columns, {"filters": filters, "include_total": False})
        where = plan.sql.split(" WHERE ", 1)[1].rsplit(" ORDER BY ", 1)[0]
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {store.qualified(resource.datastore_table)} WHERE {where}", plan.params[:-2])  # noqa: S608 - generated identifiers, bound values
            deleted = cur.rowcount
        resource.datastore_rows = _count(resource.datastore_table)
        resource.save(update_fields=["datastore_rows", "updated_at"])
    else:
        deleted = resource.datastore_rows
        store.drop_after_commit(resource.datastore_table)
        Column.objects.filter(resource=resource).delete()
        resource.datastore_table = ""
        resource.datastore_active = False
        resource.datastore_rows = 0
        resource.save(update_fields=["datastore_table", "datastore_active", "datastore_rows", "updated_at"])
    audit_log(actor=actor, action="datahub.datastore.deleted", obj=resource, agency_id=resource.dataset.agency_id,
              changes={"filters": filters or {}, "deleted": deleted})
    return deleted
