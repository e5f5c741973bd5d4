"""PostgreSQL fastest path for clean CSV files: the file's bytes go straight into COPY.

Python never parses the whole file. The bytes after the header lines are COPYed (``FORMAT csv``)
into an unlogged staging table of text columns; the types are then settled over the whole
column in the database, and one ``INSERT … SELECT`` converts every column into the new typed
table:

- the first ``SAMPLE_ROWS`` data rows are typed in Python (``pgcopy.BatchTyper``);
- columns that are text, dates, booleans or empty in the sample are typed from their *distinct*
  values (one ``GROUP BY GROUPING SETS`` scan, so each value is checked once, by the same rules
  as every other path); their converted values and, for text, the ``_search`` words of each
  distinct value (PyThaiNLP, once per value) go into small map tables joined by the ``INSERT``;
- integer and decimal columns are converted in SQL; a value that does not fit the sampled type
  makes the ``INSERT`` fail on purpose, and the caller then uses the row-by-row path.

Anything this path cannot do exactly as the row-by-row path (``pgcopy``) does — a ``"`` or a
bare carriage return anywhere in the data, a row of the wrong shape, a blank line, a single
column, a sample the typer is unsure about — returns ``None`` before or after trying, inside a
savepoint, and the caller falls back (the result is the same, only slower).
"""

from __future__ import annotations

import codecs
import itertools
import logging
from collections.abc import Callable
from typing import Any

import psycopg
from django.db import DatabaseError, connection, transaction

from ..search import cell_lexemes
from . import store
from .pgcopy import BatchTyper
from .reader import CHUNK, TableSource
from .types import BOOLEAN, DATE, DECIMAL, INTEGER, TEXT, convert

logger = logging.getLogger(__name__)
SAMPLE_ROWS = 20_000
MAP_BATCH = 5000
PARALLEL_BYTES = 16 << 20  # a file this large is loaded on two connections at once
MAX_DISTINCT = 200_000  # distinct values held in memory for typing and maps
ENCODINGS = {"utf-8": "UTF8", "utf-8-sig": "UTF8", "cp874": "WIN874"}
WS = " \t\r\n\x0b\x0c\u00a0\u3000"
THAI = "๐๑๒๓๔๕๖๗๘๙"
_INT_RE = "^[+-]?(?:[1-9][0-9]{0,17}|0|[1-9][0-9]{0,2}(?:,[0-9]{3}){1,5})$"
_WHOLE = "(?:[1-9][0-9]*|0|[1-9][0-9]{0,2}(?:,[0-9]{3})+)"
_DEC_RE = f"^[+-]?(?:{_WHOLE}?\\.[0-9]+|{_WHOLE}\\.?)$"
MAX_INT = "9" * 18
SQL_TYPES = {INTEGER: "bigint", DECIMAL: "numeric", DATE: "date", BOOLEAN: "boolean"}


class _Fallback(Exception):
    """This file needs the row-by-row path (raised inside the savepoint, so nothing stays)."""


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _data_offset(source: TableSource, first_data_line: int) -> int | None:
    """Byte offset where line ``first_data_line`` starts, or ``None`` when the file has bytes this
    path does not take (a quote in the data, a bare carriage return) — checked over the whole file."""
    with source.path.open("rb") as f:
        offset = 0
        head = b""
        for _ in range(first_data_line - 1):
            line = f.readline()
            if not line:
                return None
            offset += len(line)
            head += line[-2:]
        if b"\r" in head and head.count(b"\r") != head.count(b"\r\n"):
            return None
        if offset == 0 and source.encoding == "utf-8-sig":
            f.read(len(codecs.BOM_UTF8))
            offset = len(codecs.BOM_UTF8)
        tail = b""
        while chunk := f.read(CHUNK):
            if b'"' in chunk:
                return None
            if b"\r" in chunk or tail == b"\r":
                text = tail + chunk
                if text.count(b"\r") != text.count(b"\r\n") + (1 if text.endswith(b"\r") else 0):
                    return None
            tail = chunk[-1:]
        if tail == b"\r":
            return None
    return offset


def _sample(source: TableSource, hdr: dict[str, Any], width: int) -> BatchTyper | None:
    """Types of the first data rows; ``None`` if a sampled row is blank or of another shape."""
    skip = set(hdr["head"].header_lines)
    first = hdr["first_data_line"]
    rows = source.rows()
    sample: list[list[str]] = []
    try:
        for line, cells in itertools.islice(rows, SAMPLE_ROWS + first + len(skip)):
            if line < first or line in skip or not cells:
                continue  # an empty line: COPY refuses it (fallback), unless it ends the file (left out)
            if len(cells) != width or not "".join(cells).strip():
                return None
            sample.append(cells)
    finally:
        rows.close()  # type: ignore[attr-defined]
    if not sample:
        return None
    typer = BatchTyper(width)
    typer.feed(list(zip(*sample, strict=True)))
    return typer


class _Runner:
    """Runs one function per part: in threads on connections of their own (autocommit) when the
    load is not inside a transaction and the file is large, else one after the other on the
    request's connection (inside the caller's savepoint)."""

    def __init__(self, parts: int) -> None:
        self.conns: list[Any] = []
        if parts > 1:
            params = connection.get_connection_params()
            self.conns = [psycopg.connect(**params, autocommit=True) for _ in range(parts)]

    def map(self, fn: Callable[[Any, Any], Any], items: list[Any]) -> list[Any]:
        if not self.conns:
            connection.ensure_connection()
            return [fn(connection.connection, item) for item in items]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(len(items)) as pool:
            return list(pool.map(fn, self.conns, items))

    def close(self) -> None:
        for conn in self.conns:
            conn.close()


def load(source: TableSource, *, hdr: dict[str, Any], table: str,
         report: Callable[[float, str], None]) -> dict[str, Any] | None:
    """Load ``source`` into the new typed ``table`` (no primary key yet); ``None`` asks for
    the row-by-row path."""
    width = hdr["width"]
    if width < 2 or source.fmt != "csv" or source.encoding not in ENCODINGS or len(source.delimiter) != 1:
        return None
    offset = _data_offset(source, hdr["first_data_line"])
    if offset is None:
        return None
    typer = _sample(source, hdr, width)
    if typer is None:
        return None
    _preload_words()
    end = _data_end(source)
    parallel = not connection.in_atomic_block and end - offset >= PARALLEL_BYTES
    ranges = _split(source, offset, end) if parallel else [(offset, end)]
    stages = [f"{table}_stage" if k == 0 else f"{table}_stage_p{k}" for k in range(len(ranges))]
    runner = _Runner(len(ranges) if parallel else 1)
    try:
        if parallel:
            return _load(source, ranges, stages, typer, width, table, report, runner)
        with transaction.atomic():
            return _load(source, ranges, stages, typer, width, table, report, runner)
    except _Fallback as exc:
        logger.info("datastore raw COPY not used for %s: %s", table, exc)
    except (DatabaseError, psycopg.Error) as exc:  # psycopg's own on the raw connections
        logger.info("datastore raw COPY not used for %s: %s", table, str(exc).splitlines()[0][:200])
    finally:
        runner.close()
        for i in range(1, width + 1):
            store.drop_table(f"{stages[0]}_m{i}")
        for stage in stages:
            store.drop_table(stage)
    if parallel:
        store.drop_table(table)  # committed (autocommit): nothing rolled it back
    return None


def _preload_words() -> None:
    """Load PyThaiNLP's dictionary in a thread while the database COPYs (it takes most of a second)."""
    import importlib
    import threading

    def load_trie() -> None:
        importlib.import_module("pythainlp.tokenize").word_dict_trie()

    threading.Thread(target=load_trie, daemon=True).start()


def _data_end(source: TableSource) -> int:
    """Where the data ends: blank lines at the end of the file are left out (the other paths skip
    them; COPY would read an empty row)."""
    size = source.total_bytes
    with source.path.open("rb") as f:
        back = min(size, CHUNK)
        f.seek(size - back)
        tail = f.read()
    kept = tail.rstrip(b"\r\n")
    if len(kept) == len(tail):
        return size
    return size - back + len(kept) + (2 if tail[len(kept):].startswith(b"\r\n") else 1)


def _split(source: TableSource, offset: int, end: int) -> list[tuple[int, int]]:
    """Two byte ranges of the data, cut at a line start (the data holds no quote, so a line is a row)."""
    with source.path.open("rb") as f:
        f.seek(offset + (end - offset) // 2)
        f.readline()
        cut = f.tell()
    if cut >= end:
        return [(offset, end)]
    return [(offset, cut), (cut, end)]


def _load(source: TableSource, ranges: list[tuple[int, int]], stages: list[str], typer: BatchTyper, width: int,
          table: str, report: Callable[[float, str], None], runner: _Runner) -> dict[str, Any]:
    store.ensure_schema()
    cols = [f"c{i}" for i in range(1, width + 1)]
    options = f"FORMAT csv, DELIMITER {_lit(source.delimiter)}, ENCODING {_lit(ENCODINGS[source.encoding])}"
    report(10, "กำลังโหลดไฟล์เข้าคลังข้อมูล")

    def copy_part(pg: Any, part: tuple[str, tuple[int, int]]) -> int:
        stage, (start, end) = part
        qstage = store.qualified(stage)
        with pg.cursor() as cur, source.path.open("rb") as f:
            cur.execute(f"DROP TABLE IF EXISTS {qstage}")
            cur.execute(f"CREATE UNLOGGED TABLE {qstage} (_id bigint GENERATED ALWAYS AS IDENTITY, "
                        f"{', '.join(f'{c} text' for c in cols)})")
            f.seek(start)
            left = end - start
            # nothing else may run on this connection until the COPY is closed (no progress writes)
            with cur.copy(f"COPY {qstage} ({', '.join(cols)}) FROM STDIN ({options})") as copy:
                while left > 0 and (chunk := f.read(min(CHUNK, left))):
                    left -= len(chunk)
                    copy.write(chunk)
            return int(cur.rowcount)

    counts = runner.map(copy_part, list(zip(stages, ranges, strict=True)))
    good = sum(counts)
    if good <= 0 or min(counts) <= 0:
        raise _Fallback("no data row")
    # a line of only separators and spaces is no data row on the other paths (and the rows after
    # it are numbered without it)
    blank_row = " AND ".join(f"({c} IS NULL OR btrim({c}, {_lit(WS)}) = '')" for c in cols)

    def has_blank_row(pg: Any, stage: str) -> bool:
        with pg.cursor() as cur:
            cur.execute(f"SELECT EXISTS (SELECT 1 FROM {store.qualified(stage)} WHERE {blank_row})")  # noqa: S608 - generated identifiers
            return bool(cur.fetchone()[0])

    if any(runner.map(has_blank_row, stages)):
        raise _Fallback("a row of empty cells")
    report(60, f"โหลดแล้ว {good:,} แถว กำลังตรวจชนิดข้อมูล")

    # columns typed from their distinct values: text (for _search), dates, booleans, empty samples
    sampled = typer.types()
    by_values = [i for i in range(width) if sampled[i] in (TEXT, DATE, BOOLEAN) or not typer.non_empty[i]]
    types = list(sampled)
    blanks: dict[int, list[str]] = {}
    maps = f"{stages[0]}_m"
    if by_values:
        found = runner.map(lambda pg, stage: _distinct(pg, stage, by_values), stages)
        values = {i: set().union(*(part[i] for part in found)) for i in by_values}
        if sum(map(len, values.values())) > MAX_DISTINCT:
            raise _Fallback("too many distinct values")
        types, blanks = _map_tables(maps, width, values, types)
    report(70, "กำลังแปลงชนิดข้อมูลในคลังข้อมูล")
    store.create_table(table, [(c, t) for c, t in zip(cols, types, strict=True)], primary_key=False)
    text_idx = [i for i, t in enumerate(types) if t == TEXT]
    exprs, joins = ["s._id + %s"], []
    for i, (c, type_) in enumerate(zip(cols, types, strict=True)):
        m = f"m{i + 1}"
        if i in by_values:
            joins.append(f"LEFT JOIN {store.qualified(f'{maps}{i + 1}')} {m} ON {m}.v = s.{c}")
        if type_ == TEXT:
            exprs.append(f"CASE WHEN s.{c} IN ({', '.join(map(_lit, blanks[i]))}) THEN NULL ELSE s.{c} END"
                         if blanks.get(i) else f"s.{c}")
        elif i in by_values:
            exprs.append(f"{m}.o::{SQL_TYPES[type_]}")
        else:
            exprs.append(_number(f"s.{c}", type_, canonical=not typer.dirty[i]))
    target = ["_id", *cols]
    if text_idx:
        target.append("_search")
        exprs.append(" || ".join(f"coalesce(m{i + 1}.t, ''::tsvector)" for i in text_idx))
    qtable = store.qualified(table)
    insert = (f"INSERT INTO {qtable} ({', '.join(target)}) SELECT {', '.join(exprs)} "  # noqa: S608 - generated identifiers
              "FROM {stage} s " + " ".join(joins))

    def insert_part(pg: Any, part: tuple[str, int]) -> int:
        stage, first_id = part
        with pg.cursor() as cur:
            cur.execute(insert.replace("{stage}", store.qualified(stage)), [first_id])
            return int(cur.rowcount)

    offsets = [sum(counts[:k]) for k in range(len(counts))]
    loaded = sum(runner.map(insert_part, list(zip(stages, offsets, strict=True))))
    with connection.cursor() as cur:
        cur.execute("SELECT setval(pg_get_serial_sequence(%s, '_id'), %s)", [qtable, max(good, 1)])
    if loaded != good:
        raise _Fallback(f"{loaded} rows converted of {good}")
    return {"types": types, "good": good, "rejected": 0, "rejects": []}


def _number(c: str, type_: str, *, canonical: bool) -> str:
    """A number column in SQL: the value ``types.convert`` gives, or the statement fails (the cast
    of a marked value) so that the caller falls back. ``canonical`` (every sampled value is
    written the way PostgreSQL writes it back): a value is taken only if the cast gives it back
    unchanged — cheap, and exact (a leading zero, a sign, spaces, NaN or an exponent fail);
    otherwise Thai digits, separators and spaces are normalised and the value matched in SQL."""
    cast = SQL_TYPES[type_]
    fail = f"('datastore-type-check ' || {c})::{cast}"
    if canonical and type_ == INTEGER:
        return (f"CASE WHEN {c}::bigint::text = {c} AND {c}::bigint BETWEEN -{MAX_INT} AND {MAX_INT} "
                f"THEN {c}::bigint ELSE {fail} END")
    if canonical:
        return (f"CASE WHEN {c}::numeric::text = {c} AND {c} NOT IN ('NaN', 'Infinity', '-Infinity') "
                f"THEN {c}::numeric ELSE {fail} END")
    pattern = _INT_RE if type_ == INTEGER else _DEC_RE
    norm = f"translate(btrim({c}, {_lit(WS)}), {_lit(THAI)}, '0123456789')"
    return (f"CASE WHEN {c} IS NULL OR {norm} = '' THEN NULL "
            f"WHEN {norm} ~ {_lit(pattern)} THEN rtrim(replace({norm}, ',', ''), '.')::{cast} ELSE {fail} END")


def _distinct(pg: Any, stage: str, by_values: list[int]) -> dict[int, set[str]]:
    """The distinct non-null values of the ``by_values`` columns of one stage table (one scan per
    31 columns, read through a server-side cursor)."""
    values: dict[int, set[str]] = {i: set() for i in by_values}
    qstage = store.qualified(stage)
    for start in range(0, len(by_values), 31):  # GROUPING() takes at most 31 columns
        part = by_values[start: start + 31]
        cols = [f"c{i + 1}" for i in part]
        n = len(cols)
        if n == 1:
            sql = f"SELECT {cols[0]}, 0 FROM {qstage} WHERE {cols[0]} IS NOT NULL GROUP BY {cols[0]}"  # noqa: S608 - generated identifiers
        else:
            sets = ", ".join(f"({c})" for c in cols)
            sql = (f"SELECT {', '.join(cols)}, GROUPING({', '.join(cols)}) FROM {qstage} "  # noqa: S608 - generated identifiers
                   f"GROUP BY GROUPING SETS ({sets})")
        total = 0
        with pg.transaction(), pg.cursor(name=f"distinct_{start}") as cur:
            cur.execute(sql)
            while batch := cur.fetchmany(MAP_BATCH):
                total += len(batch)
                if total > MAX_DISTINCT:
                    raise _Fallback("too many distinct values")
                for row in batch:
                    mask = row[-1]
                    # the row's column is the one whose GROUPING bit is 0
                    for k in range(n):
                        if not (mask >> (n - 1 - k)) & 1 and row[k] is not None:
                            values[part[k]].add(row[k])
                            break
    return values


def _map_tables(maps: str, width: int, values: dict[int, set[str]],
                types: list[str]) -> tuple[list[str], dict[int, list[str]]]:
    """Type the columns of ``values`` from their distinct values and fill one map table each
    (value → converted value, ``_search`` words); returns the types and each text column's
    blank-looking values."""
    typer = BatchTyper(width)
    typer.feed([tuple(values[i]) if i in values else () for i in range(width)])
    settled = typer.types()
    types = list(types)
    blanks: dict[int, list[str]] = {}
    with connection.cursor() as cur:
        for i in values:
            types[i] = settled[i]
            name = store.qualified(f"{maps}{i + 1}")
            cur.execute(f"DROP TABLE IF EXISTS {name}")
            cur.execute(f"CREATE UNLOGGED TABLE {name} (v text, o text, t tsvector)")
            rows_: list[tuple[str, str | None, str | None]] = []
            if types[i] == TEXT:
                blanks[i] = sorted(v for v in values[i] if not v.strip())
                rows_ = [(v, None, cell_lexemes(v)) for v in values[i] if v.strip()]
            else:
                rows_ = [(v, convert(v, types[i]), None) for v in values[i]]
            for start in range(0, len(rows_), MAP_BATCH):
                cur.executemany(f"INSERT INTO {name} (v, o, t) VALUES (%s, %s, %s::tsvector)",  # noqa: S608 - generated identifiers
                                rows_[start: start + MAP_BATCH])
            cur.execute(f"ANALYZE {name}")
    return types, blanks
