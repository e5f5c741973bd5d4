"""``datastore_search`` with CKAN semantics over a resource's datastore table.

Parameters are checked against the column dictionary; only generated identifiers reach SQL and
every value is a bound parameter. ``q`` is segmented into Thai words and every word must begin a
word of the row's text (the GIN-indexed ``_search`` tsvector on PostgreSQL; a substring match on
SQLite and on tables loaded before ``_search`` existed).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from .ingest import store
from .ingest.types import convert, normalize, python_value
from .search import like_escape, query_literal, tokens

ROWS_DEFAULT = 100
ROWS_MAX = 32000
TOTAL_CAP = 10000
STATEMENT_TIMEOUT_MS = 10000
CKAN_TYPES = {"integer": "int", "decimal": "numeric", "date": "date", "boolean": "bool", "text": "text"}


def _err(field: str, message: str) -> ValidationError:
    return ValidationError({field: [message]})


@dataclass
class Plan:
    sql: str
    params: list[Any]
    count_sql: str | None
    count_params: list[Any]
    total_sql: str | None  # the page with the total as a last column (one round trip)
    total_params: list[Any]
    columns: list[Any]  # Column rows selected (None for _id)
    names: list[str]
    capped: bool = False
    word_search: bool = False  # q over the ``_search`` tsvector with whole words
    json: bool = False  # ``total_sql`` returns the page as one JSON text (PostgreSQL) and the total
    estimate: tuple[str, list[Any]] | None = None  # rows whose count the planner estimates, if not ``count_sql``'s


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    raise _err("fields", "รูปแบบไม่ถูกต้อง")


def _filter_value(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if column is None:
        try:
            return int(value)
        except (TypeError, ValueError):
            raise _err("filters", f"ค่า “{value}” ของ _id ต้องเป็นจำนวนเต็ม") from None
    if column.type == "text":
        return str(value)
    if isinstance(value, bool) and column.type == "boolean":
        return value if store.is_postgres() else int(value)
    text = normalize(str(value))
    stored = convert(text, column.type)
    try:
        typed = python_value(stored, column.type)
    except Exception:
        typed = None
    if typed is None:
        raise _err("filters", f"ค่า “{value}” ไม่ตรงกับชนิดข้อมูลของคอลัมน์ “{column.name}” ({column.get_type_display()})")
    if column.type == "boolean" and not store.is_postgres():
        return int(bool(typed))
    if column.type == "date" and not store.is_postgres():
        return typed.isoformat()  # type: ignore[attr-defined]
    return typed


def build(resource: Any, columns: list[Any], params: dict[str, Any]) -> Plan:
    by_name = {c.name: c for c in columns}
    table = store.qualified(resource.datastore_table)
    field_names = _as_list(params.get("fields"))
    distinct = _bool(params.get("distinct"), "distinct")
    if field_names:
        unknown = [f for f in field_names if f != "_id" and f not in by_name]
        if unknown:
            raise _err("fields", f"ไม่มีคอลัมน์ “{unknown[0]}” ในทรัพยากรนี้")
        selected = [None if f == "_id" else by_name[f] for f in field_names]
    else:
        selected = ([] if distinct else [None]) + list(columns)
    names = ["_id" if c is None else c.name for c in selected]
    select = ", ".join('"_id"' if c is None else store.col(c.physical) for c in selected) or '"_id"'

    where: list[str] = []
    args: list[Any] = []
    filters = params.get("filters") or {}
    if isinstance(filters, str):
        try:
            filters = json.loads(filters)
        except ValueError:
            raise _err("filters", "filters ต้องเป็น JSON object เช่น {\"อำเภอ\": \"เมืองสกลนคร\"}") from None
    if not isinstance(filters, dict):
        raise _err("filters", "filters ต้องเป็น JSON object")
    for name, value in filters.items():
        if name != "_id" and name not in by_name:
            raise _err("filters", f"ไม่มีคอลัมน์ “{name}” ในทรัพยากรนี้")
        column = by_name.get(name)
        ident = '"_id"' if column is None else store.col(column.physical)
        values = value if isinstance(value, list) else [value]
        if not values:
            where.append("1 = 0")
            continue
        typed = [_filter_value(column, v) for v in values]
        non_null = [v for v in typed if v is not None]
        parts = []
        if non_null:
            parts.append(f"{ident} IN ({', '.join(['%s'] * len(non_null))})" if len(non_null) > 1 else f"{ident} = %s")
            args.extend(non_null)
        if len(non_null) != len(typed):
            parts.append(f"{ident} IS NULL")
        where.append("(" + " OR ".join(parts) + ")")

    word_search = False
    estimate_where: list[str] = []
    estimate_args: list[Any] = []
    q = params.get("q") or params.get("full_text")
    like = "ILIKE" if store.is_postgres() else "LIKE"
    if isinstance(q, str) and q.strip():
        with contextlib.suppress(ValueError):
            q = json.loads(q) if q.strip().startswith("{") else q
    if isinstance(q, dict):
        for name, text in q.items():
            if name not in by_name:
                raise _err("q", f"ไม่มีคอลัมน์ “{name}” ในทรัพยากรนี้")
            expr = f"CAST({store.col(by_name[name].physical)} AS TEXT)"
            for word in tokens(str(text)):
                where.append(f"{expr} {like} %s ESCAPE '\\'")
                args.append(f"%{like_escape(word)}%")
    elif isinstance(q, str) and q.strip():
        text_cols = [c.physical for c in columns if c.type == "text"]
        words = tokens(q)
        if not words:
            raise _err("q", "คำค้นต้องมีตัวอักษรหรือตัวเลขอย่างน้อยหนึ่งคำ")
        if text_cols and store.has_search_column(resource.datastore_table):
            # GIN-indexed tsvector of segmented words: every query word starts a word of the row
            prefix = bool(params.get("_q_prefix"))
            frequent = store.frequent_words(resource.datastore_table)
            # a word in most rows makes the index merge a huge list: the index looks for the other
            # words, and the whole query is checked on the rows it finds (function form: no index)
            kept = [w for i, w in enumerate(words) if w not in frequent or (prefix and i == len(words) - 1)]
            if frequent and kept and len(kept) < len(words):
                estimate_where = [*where, f"{store.SEARCH} @@ %s::tsquery"]
                estimate_args = [*args, query_literal(words, prefix=prefix)]
                where.append(f"{store.SEARCH} @@ %s::tsquery AND ts_match_vq({store.SEARCH}, %s::tsquery)")
                args.extend([query_literal(kept, prefix=prefix), query_literal(words, prefix=prefix)])
            else:
                where.append(f"{store.SEARCH} @@ %s::tsquery")
                args.append(query_literal(words, prefix=prefix))
            word_search = True
        else:
            expr = store.text_expression(text_cols) if text_cols else "''"
            for word in words:
                where.append(f"{expr} {like} %s ESCAPE '\\'")
                args.append(f"%{like_escape(word)}%")
    elif q not in (None, ""):
        raise _err("q", "q ต้องเป็นข้อความหรือ JSON object")

    order = _sort(params.get("sort"), by_name)
    if not order and not distinct:
        order = '"_id" ASC'
    limit = _int(params.get("limit"), "limit", ROWS_DEFAULT)
    if limit > ROWS_MAX:
        limit = ROWS_MAX
    offset = _int(params.get("offset"), "offset", 0)
    where_sql = (" WHERE " + " AND ".join(where)) if where else ""
    head = "SELECT DISTINCT " if distinct else "SELECT "
    sql = f"{head}{select} FROM {table}{where_sql}"
    if order:
        sql += f" ORDER BY {order}"
    sql += " LIMIT %s OFFSET %s"
    count_sql = total_sql = None
    capped = bool(q)
    if _bool(params.get("include_total", True), "include_total"):
        inner = (f"SELECT DISTINCT {select} FROM {table}{where_sql}" if distinct  # noqa: S608 - generated identifiers
                 else f"SELECT 1 FROM {table}{where_sql}")  # noqa: S608 - generated identifiers, bound values
        if capped:  # text search: count exactly up to TOTAL_CAP, beyond that the total is estimated
            inner += f" LIMIT {TOTAL_CAP + 1}"
        count_sql = f"SELECT COUNT(*) FROM ({inner}) AS t"  # noqa: S608 - generated identifiers, bound values
        if not where and not distinct:
            # the whole table: its row count is kept exact by every write (load, create, upsert,
            # delete), so a page of an unfiltered search does not count millions of rows
            count_sql = f"SELECT {int(resource.datastore_rows)}"
        if capped and not distinct and store.is_postgres():
            # one index scan: the (at most TOTAL_CAP + 1) matching ids, counted and paged; when the
            # cap is exceeded the page is read again by ``sql`` (``search`` does)
            # in _id order (the default) the page's ids are picked from m: only they are read
            page = ' ORDER BY "_id" LIMIT %s OFFSET %s' if order == '"_id" ASC' else ""
            total_sql = (f'WITH m AS MATERIALIZED (SELECT "_id" FROM {table}{where_sql} LIMIT {TOTAL_CAP + 1}) '  # noqa: S608 - generated identifiers, bound values
                         f'{head}{select}, (SELECT COUNT(*) FROM m) AS _total FROM {table} '
                         f'WHERE "_id" IN (SELECT "_id" FROM m{page})')
            total_args = [*args, limit, offset]
        else:
            page = ""
            total_sql = f"{head}{select}, ({count_sql}) AS _total FROM {table}{where_sql}"
            total_args = [*args, *args, limit, offset]
        if order:
            total_sql += f" ORDER BY {order}"
        if not page:
            total_sql += " LIMIT %s OFFSET %s"
        fmt = params.get("records_format") or "objects"
        as_json = store.is_postgres() and fmt in ("objects", "lists")
        if as_json:
            total_sql, total_args = _json_page(total_sql, total_args, selected, names, fmt, f"{head}{select}, ")
        estimate = (f"SELECT 1 FROM {table} WHERE {' AND '.join(estimate_where)}", estimate_args) if estimate_where else None  # noqa: S608 - generated identifiers, bound values
        return Plan(sql, [*args, limit, offset], count_sql, list(args), total_sql, total_args, selected, names, capped,
                    word_search and not params.get("_q_prefix"), as_json, estimate)
    return Plan(sql, [*args, limit, offset], count_sql, list(args), total_sql, [*args, *args, limit, offset],
                selected, names, capped, word_search and not params.get("_q_prefix"))


def _json_page(total_sql: str, total_args: list[Any], selected: list[Any], names: list[str], fmt: str,
               head_select: str) -> tuple[str, list[Any]]:
    """The page built as JSON by PostgreSQL (as CKAN does): one text of the records in page order,
    and the total. The page's columns are renamed ``f0…`` so that a column chosen twice stays
    unambiguous; the names are bound values."""
    idents = ['"_id"' if c is None else store.col(c.physical) for c in selected]
    aliased = ", ".join(f'{ident} AS "f{i}"' for i, ident in enumerate(idents))
    head = head_select.split('"', 1)[0]  # "SELECT " or "SELECT DISTINCT "
    inner = total_sql.replace(head_select, f"{head}{aliased}, ", 1)
    if fmt == "objects":
        pairs = [item for i in range(len(names)) for item in ("%s::text", f'p."f{i}"')]
        record = f"json_build_object({', '.join(pairs)})"
        args = [*names, *total_args]
    else:
        record = "json_build_array(" + ", ".join(f'p."f{i}"' for i in range(len(names))) + ")"
        args = list(total_args)
    # a sorted subquery feeds json_agg in its order
    return (f"SELECT coalesce(json_agg({record}), '[]')::text, max(p._total) FROM ({inner}) AS p",  # noqa: S608 - generated identifiers, bound values
            args)


def _bool(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if value is None or value == "":
        return False
    if str(value).lower() in ("true", "1", "yes", "t"):
        return True
    if str(value).lower() in ("false", "0", "no", "f"):
        return False
    raise _err(field, "ต้องเป็น true หรือ false")


def _int(value: Any, field: str, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise _err(field, "ต้องเป็นจำนวนเต็มไม่ติดลบ") from None
    if number < 0:
        raise _err(field, "ต้องเป็นจำนวนเต็มไม่ติดลบ")
    return number


def _sort(value: Any, by_name: dict[str, Any]) -> str:
    parts = _as_list(value) if not isinstance(value, str) else [p.strip() for p in value.split(",") if p.strip()]
    out = []
    for part in parts:
        bits = part.replace('"', "").split()
        direction = "ASC"
        nulls = ""
        rest = [b.lower() for b in bits[1:]]
        name = bits[0]
        # column names may contain spaces: take the longest known prefix
        for cut in range(len(bits), 0, -1):
            candidate = " ".join(bits[:cut])
            if candidate in by_name or candidate == "_id":
                name, rest = candidate, [b.lower() for b in bits[cut:]]
                break
        if name != "_id" and name not in by_name:
            raise _err("sort", f"ไม่มีคอลัมน์ “{name}” ในทรัพยากรนี้")
        if rest[:1] == ["desc"]:
            direction = "DESC"
        elif rest[:1] not in ([], ["asc"]):
            raise _err("sort", f"ทิศทางการเรียง “{rest[0]}” ไม่ถูกต้อง (ใช้ asc หรือ desc)")
        if rest[1:3] == ["nulls", "last"]:
            nulls = " NULLS LAST"
        elif rest[1:3] == ["nulls", "first"]:
            nulls = " NULLS FIRST"
        ident = '"_id"' if name == "_id" else store.col(by_name[name].physical)
        out.append(f"{ident} {direction}{nulls}")
    return ", ".join(out)


def _out(value: Any, column: Any) -> Any:
    if value is None:
        return None
    if column is None:
        return value
    if column.type == "date":
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if column.type == "boolean":
        return bool(value)
    if column.type == "decimal":
        from decimal import Decimal

        return Decimal(str(value)) if not isinstance(value, Decimal) else value
    return value


class RawJSON(str):
    """Records already written as JSON (by PostgreSQL): the CKAN view puts them in the response as
    they are."""


def search(resource: Any, columns: list[Any], params: dict[str, Any], *, raw_json: bool = False) -> dict[str, Any]:
    """``raw_json``: records built by PostgreSQL stay JSON text (``RawJSON``); otherwise they are
    Python values (decimals as ``Decimal``)."""
    params = {k: v for k, v in params.items() if k != "_q_prefix"}
    result = _search(resource, columns, params)
    if result.pop("_word_search") and not result["records"] and not result.get("total"):
        # whole words found nothing: the last word may be the start of a word (typing, or a
        # place name the dictionary keeps whole such as วานรนิวาส)
        result = _search(resource, columns, {**params, "_q_prefix": True})
        result.pop("_word_search")
    if isinstance(result["records"], RawJSON) and not raw_json:
        result["records"] = json.loads(result["records"], parse_float=Decimal)
    return result


def _search(resource: Any, columns: list[Any], params: dict[str, Any]) -> dict[str, Any]:
    plan = build(resource, columns, params)
    fmt = params.get("records_format") or "objects"
    if fmt not in ("objects", "lists", "csv", "tsv"):
        raise _err("records_format", "records_format ต้องเป็น objects, lists, csv หรือ tsv")
    total = None
    if store.is_postgres() and not connection.in_atomic_block:
        # one round trip: the timeout, the page and the total in a single implicit transaction
        sql, args = plan.sql, plan.params
        if plan.total_sql:
            sql, args = plan.total_sql, plan.total_params
        with connection.cursor() as cur:
            cur.execute(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}; {sql}", args)
            cur.nextset()  # the first result is the SET
            raw = cur.fetchall()
        if plan.json:  # one row: the page as JSON text and the total (NULL when no row matched)
            text, total = raw[0]
            if total is not None and not (plan.capped and total > TOTAL_CAP and " FROM (WITH m " in sql):
                return _result(resource, params, plan, fmt, RawJSON(text), total)
            raw = [(*r, total) for r in _page(plan)] if total is not None else []
        if plan.count_sql:
            if raw:
                total = raw[0][-1]
                raw = [r[:-1] for r in raw]
                if plan.capped and total > TOTAL_CAP and sql.startswith("WITH m "):
                    raw = _page(plan)  # more matches than were counted: the real page
            else:
                with connection.cursor() as cur:
                    cur.execute(plan.count_sql, plan.count_params)
                    total = cur.fetchone()[0]
    else:
        with transaction.atomic(), connection.cursor() as cur:
            if store.is_postgres():
                cur.execute(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}")
            cur.execute(plan.sql, plan.params)
            raw = cur.fetchall()
            if plan.count_sql:
                cur.execute(plan.count_sql, plan.count_params)
                total = cur.fetchone()[0]
    rows = [[_out(v, c) for v, c in zip(r, plan.columns, strict=True)] for r in raw]
    if fmt == "objects":
        records: Any = [dict(zip(plan.names, r, strict=True)) for r in rows]
    elif fmt == "lists":
        records = rows
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="\t" if fmt == "tsv" else ",")
        for r in rows:
            writer.writerow([neutralize(v) for v in r])
        records = buffer.getvalue()
    return _result(resource, params, plan, fmt, records, total)


def _page(plan: Plan) -> list[tuple[Any, ...]]:
    """The page alone (``plan.sql``), with the statement timeout."""
    with connection.cursor() as cur:
        cur.execute(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}; {plan.sql}", plan.params)
        cur.nextset()
        return cur.fetchall()


def _result(resource: Any, params: dict[str, Any], plan: Plan, fmt: str, records: Any, total: int | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "resource_id": str(resource.pk), "fields": [_field(c) for c in plan.columns], "records": records,
        "records_format": fmt, "limit": plan.params[-2], "offset": plan.params[-1], "_links": {},
        "_word_search": plan.word_search,
    }
    if params.get("filters"):
        result["filters"] = params["filters"]
    if params.get("q"):
        result["q"] = params["q"]
    if total is not None:
        estimated = plan.capped and total > TOTAL_CAP
        if estimated:
            total = _estimate(plan)
        result["total"] = total
        result["total_was_estimated"] = estimated
    return result


def _estimate(plan: Plan) -> int:
    """The planner's row estimate of a large text search (never below the counted cap)."""
    if not store.is_postgres() or not plan.count_sql:
        return TOTAL_CAP + 1
    inner = plan.count_sql.split("FROM (", 1)[1].rsplit(f" LIMIT {TOTAL_CAP + 1}) AS t", 1)[0]
    inner_params = plan.count_params
    if plan.estimate:  # the plain form of the query: the planner knows the selectivity of @@
        inner, inner_params = plan.estimate
    with connection.cursor() as cur:
        cur.execute(f"EXPLAIN (FORMAT JSON) {inner}", inner_params)
        row = cur.fetchone()[0]
    data = json.loads(row) if isinstance(row, str) else row
    return max(int(data[0]["Plan"]["Plan Rows"]), TOTAL_CAP + 1)


def _field(column: Any) -> dict[str, Any]:
    if column is None:
        return {"id": "_id", "type": "int"}
    info = {"label": column.label or column.name, "notes": column.description, "type_override": ""}
    if column.standard_key:
        info["standard_key"] = column.standard_key
    return {"id": column.name, "type": CKAN_TYPES[column.type], "info": info}


def neutralize(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def iter_rows(resource: Any, columns: list[Any], *, chunk: int = 2000) -> Iterator[list[Any]]:
    """All rows in ``_id`` order, streamed with keyset paging (constant memory)."""
    table = store.qualified(resource.datastore_table)
    select = ", ".join(['"_id"', *(store.col(c.physical) for c in columns)])
    last = 0
    while True:
        with connection.cursor() as cur:
            cur.execute(f'SELECT {select} FROM {table} WHERE "_id" > %s ORDER BY "_id" LIMIT %s', [last, chunk])  # noqa: S608 - generated identifiers, bound values
            batch = cur.fetchall()
        if not batch:
            return
        for row in batch:
            yield [_out(v, c) for v, c in zip(row[1:], columns, strict=True)]
        last = batch[-1][0]
