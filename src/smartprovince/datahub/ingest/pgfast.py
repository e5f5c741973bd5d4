"""PostgreSQL fast path: one streaming pass that checks rows, infers types and COPYs the raw
text into an unlogged staging table; then one ``INSERT … SELECT`` converts every column in the
database (Thai digits, thousands separators, BE dates pre-converted during the pass).

If the conversion meets anything the database will not cast, the caller falls back to the
generic two-pass loader, so the result is the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection

from . import store
from .types import DATE, FALSE_WORDS, TRUE_WORDS, TYPE_ORDER, ColumnTyper, matches, normalize, parse_date

WS = " \t\r\n\x0b\x0c\u00a0\u3000"
THAI = "๐๑๒๓๔๕๖๗๘๙"


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _expr(i: int, type_: str, has_date: bool) -> str:
    c = f'"c{i}"'
    trimmed = f"btrim({c}, {_sql_text(WS)})"
    if type_ == "text":
        return f"CASE WHEN {trimmed} = '' THEN NULL ELSE {c} END"
    if type_ in ("integer", "decimal"):
        cast = "bigint" if type_ == "integer" else "numeric"
        return f"NULLIF(replace(translate({trimmed}, '{THAI}', '0123456789'), ',', ''), '')::{cast}"
    if type_ == "boolean":
        words = ", ".join(_sql_text(w) for w in sorted(TRUE_WORDS))
        return f"CASE WHEN {trimmed} = '' THEN NULL WHEN lower({trimmed}) IN ({words}) THEN true ELSE false END"
    if type_ == DATE and has_date:
        return f'NULLIF("d{i}", \'\')::date'
    raise ValueError(type_)


def date_candidates(sample_rows: list[list[str]], width: int) -> list[int]:
    """Columns (1-based) whose sampled values are all dates (and at least one is)."""
    result = []
    for i in range(width):
        values = [normalize(r[i]) for r in sample_rows if i < len(r) and r[i].strip()]
        if values and all(parse_date(v) is not None for v in values):
            result.append(i + 1)
    return result


def load(
    *, rows: Any, width: int, date_cols: list[int], stage: str, table: str,
    shape_error: Callable[[list[str], int], str | None], is_blank: Callable[[list[str]], bool],
    report: Callable[[float, str], None], progress: Callable[[], float], max_rejects: int,
) -> dict[str, Any]:
    """Stream ``rows`` into ``stage``; returns the analysis (types, counts, rejects)."""
    store.ensure_schema()
    cols = [f'"c{i}" text' for i in range(1, width + 1)] + [f'"d{i}" text' for i in date_cols]
    with connection.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {store.qualified(stage)}")
        cur.execute(f"CREATE UNLOGGED TABLE {store.qualified(stage)} "
                    f"(_id bigint GENERATED ALWAYS AS IDENTITY, {', '.join(cols)})")
    typer = ColumnTyper(width)
    caches: dict[int, dict[str, str | None]] = {i: {} for i in date_cols}
    good = rejected = 0
    rejects: list[dict[str, Any]] = []
    names = ", ".join([f'"c{i}"' for i in range(1, width + 1)] + [f'"d{i}"' for i in date_cols])
    with connection.cursor() as cur, cur.cursor.copy(f"COPY {store.qualified(stage)} ({names}) FROM STDIN") as copy:
        for line, cells in rows:
            if is_blank(cells):
                continue
            problem = shape_error(cells, width)
            if problem:
                rejected += 1
                if len(rejects) < max_rejects:
                    rejects.append({"line": line, "reason": problem})
                continue
            if len(cells) != width:
                cells = cells[:width]
            typer.feed(cells)
            if date_cols:
                extra = []
                for i in date_cols:
                    cell = cells[i - 1]
                    cache = caches[i]
                    iso = cache.get(cell, "")
                    if iso == "":
                        day = parse_date(normalize(cell)) if cell.strip() else None
                        iso = day.isoformat() if day else None
                        if len(cache) < 100_000:
                            cache[cell] = iso
                    extra.append(iso)
                copy.write_row(cells + extra)
            else:
                copy.write_row(cells)
            good += 1
            if good % 50_000 == 0:
                report(5 + 70 * progress(), f"ตรวจสอบและโหลดแล้ว {good:,} แถว")
    types = typer.types()
    warnings = []
    for i, t in enumerate(types, start=1):
        if t == DATE and i not in date_cols:
            types[i - 1] = "text"  # dates first seen after the sample: kept as text, nothing lost
            warnings.append(f"คอลัมน์ที่ {i} เก็บเป็นข้อความ (พบวันที่หลังช่วงตัวอย่าง)")
    return {"types": types, "good": good, "rejected": rejected, "rejects": rejects, "warnings": warnings,
            "date_cols": date_cols}


def convert_into(*, stage: str, table: str, types: list[str], date_cols: list[int]) -> int:
    """Create the typed ``table`` from ``stage`` in one statement; returns the row count."""
    store.create_table(table, [(f"c{i}", t) for i, t in enumerate(types, start=1)])
    target = ", ".join(['"_id"'] + [f'"c{i}"' for i in range(1, len(types) + 1)])
    exprs = ", ".join(['"_id"'] + [_expr(i, t, i in date_cols) for i, t in enumerate(types, start=1)])
    with connection.cursor() as cur:
        cur.execute(f"INSERT INTO {store.qualified(table)} ({target}) SELECT {exprs} FROM {store.qualified(stage)}")  # noqa: S608 - generated identifiers, bound values
        count = cur.rowcount
        cur.execute(f"SELECT setval(pg_get_serial_sequence('{store.qualified(table)}', '_id'), "  # noqa: S608 - generated identifiers, bound values
                    f"GREATEST((SELECT max(_id) FROM {store.qualified(table)}), 1))")
    return int(count)


__all__ = ["FALSE_WORDS", "TYPE_ORDER", "convert_into", "date_candidates", "load", "matches"]
