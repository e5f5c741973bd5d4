"""PostgreSQL fast path for CSV files: one streaming pass, COPY straight into the typed table.

The file is read in batches of rows (no per-row Python except where a value must change).
Column types are inferred column-wise: each batch's distinct new values are joined and matched
by one regular expression per candidate type, so the check runs in C. The types settled by the
first batch are used to create the final table and COPY into it; every later batch is checked
the same way, and only if a later value widens a column's type is the COPY abandoned
(transaction rolled back) and the file read a second time with the final types — the result is
the same as the generic two-pass loader's, only the common case is faster.

Values are sent as they are unless a column needs normalising (Thai digits, thousands
separators, BE dates, blank-looking cells, boolean words); those columns go through
``types.convert`` with a per-value cache. ``_search`` (tsvector literal of the segmented text
cells) is computed in the same pass, per distinct cell value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from django.db import connection, transaction

from ..search import cell_lexemes
from . import store
from .reader import TableSource, row_lines
from .types import (
    BOOLEAN,
    DATE,
    DECIMAL,
    FALSE_WORDS,
    INTEGER,
    TEXT,
    TRUE_WORDS,
    TYPE_ORDER,
    convert,
    normalize,
    parse_date,
)

SEP = "\x00"  # joins values for one regex match; csv never yields NUL
BATCH = 10_000
SEEN_CAP = 50_000
CACHE_CAP = 100_000

_D = "[0-9๐-๙]"
_NZ = "[1-9๑-๙]"
_WHOLE = f"(?:{_NZ}{_D}*|[0๐]|{_NZ}{_D}{{0,2}}(?:,{_D}{{3}})+)"
_INT = f"[+-]?(?:{_NZ}{_D}{{0,17}}|[0๐]|{_NZ}{_D}{{0,2}}(?:,{_D}{{3}}){{1,5}})"
_DEC = f"[+-]?(?:{_WHOLE}?\\.{_D}+|{_WHOLE}\\.?)"
_DATE = (f"{_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}}(?:[ T]00:00(?::00)?)?|{_D}{{1,2}}[/.\\-]{_D}{{1,2}}[/.\\-]{_D}{{4}}"
         f"|{_D}{{1,2}}\\s*[ก-๛.]+?\\s*(?:พ\\.ศ\\.\\s*)?{_D}{{4}}")


def _joined(pattern: str) -> re.Pattern[str]:
    one = f"\\s*(?:(?:{pattern})\\s*)?"
    return re.compile(f"{one}(?:{SEP}{one})*")


LOOSE = {INTEGER: _joined(_INT), DECIMAL: _joined(_DEC), DATE: _joined(_DATE)}
# values PostgreSQL reads as they are, to the same value ``convert`` gives
CLEAN = {INTEGER: re.compile(f"[+-]?(?:[1-9][0-9]{{0,17}}|0)(?:{SEP}[+-]?(?:[1-9][0-9]{{0,17}}|0))*"),
         DECIMAL: re.compile(f"[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:{SEP}[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+))*")}
_BLANK_RE = re.compile(f"(?:^|{SEP})\\s+(?:{SEP}|$)")
_BOOL_WORDS = TRUE_WORDS | FALSE_WORDS


def _fits(values: set[str], joined: str, type_: str) -> bool:
    if type_ == BOOLEAN:
        return all(normalize(v).lower() in _BOOL_WORDS for v in values if v.strip())
    if not LOOSE[type_].fullmatch(joined):
        return False
    if type_ == DATE:
        return all(parse_date(normalize(v)) is not None for v in values if v.strip())
    return True


class BatchTyper:
    """Column types over batches (the same rules as ``types.ColumnTyper``), and for each column
    whether some value must be normalised before COPY (``dirty``)."""

    def __init__(self, width: int, fixed: list[str] | None = None) -> None:
        if fixed is None:
            self.cands: list[list[str]] = [list(TYPE_ORDER) for _ in range(width)]
        else:
            self.cands = [[] if t == TEXT else [t] for t in fixed]
        self.non_empty = [fixed is not None and t != TEXT for t in (fixed or [TEXT] * width)]
        self.dirty = [False] * width
        self.blank_cells = False  # some cell is only whitespace: rows need the exact blank test
        self.seen: list[set[str]] = [set() for _ in range(width)]

    def feed(self, columns: list[tuple[str, ...]]) -> None:
        for i, column in enumerate(columns):
            values = set(column)
            values.discard("")
            seen = self.seen[i]
            if seen:
                values -= seen
            if not values:
                continue
            joined = SEP.join(values)
            if joined.count(SEP) != len(values) - 1:  # a value holds SEP: only text can
                self.cands[i] = []
            cands = self.cands[i]
            if cands:
                cands = self.cands[i] = [t for t in cands if _fits(values, joined, t)]
            blank = bool(_BLANK_RE.search(joined))
            if blank:
                self.blank_cells = True
            if not self.dirty[i]:
                first = cands[0] if cands else TEXT
                if first in (DATE, BOOLEAN) or blank or (first in CLEAN and not CLEAN[first].fullmatch(joined)):
                    self.dirty[i] = True
            if any(v.strip() for v in values) if blank else True:
                self.non_empty[i] = True
            if len(seen) < SEEN_CAP:
                seen |= values

    def types(self) -> list[str]:
        return [c[0] if c and ne else TEXT for c, ne in zip(self.cands, self.non_empty, strict=True)]


class _Restart(Exception):
    """A later batch widened a column's type: the COPY so far is rolled back."""


def _good_rows(state: dict[str, Any], before: int, after: int, rows: list[list[str]], width: int,
               shape_error: Callable[[list[str], int], str | None]) -> list[list[str]]:
    """The batch's rows of the right shape (cut to ``width``); counts rejects on the first pass."""
    first_data_line, skip = state["first_data_line"], state["skip"]
    lines = None
    if before + 1 < first_data_line or (skip and before < max(skip)):
        kept = [(r, n) for r, n in zip(rows, row_lines(before, after, rows), strict=True)
                if n >= first_data_line and n not in skip]
        rows, lines = [r for r, _ in kept], [n for _, n in kept]
    if all(n == width for n in set(map(len, rows))) and all(map(any, rows)):
        return rows
    if lines is None:
        lines = row_lines(before, after, rows)
    good = []
    for line, cells in zip(lines, rows, strict=True):
        if not "".join(cells).strip():
            continue
        problem = shape_error(cells, width)
        if problem:
            if state["counting"]:
                state["rejected"] += 1
                if len(state["rejects"]) < state["max_rejects"]:
                    state["rejects"].append({"line": line, "reason": problem})
            continue
        good.append(cells if len(cells) == width else cells[:width])
    return good


def _batch(state: dict[str, Any], typer: BatchTyper, before: int, after: int, rows: list[list[str]], width: int,
           shape_error: Callable[[list[str], int], str | None]) -> tuple[list[list[str]], list[tuple[str, ...]]]:
    """Good rows of a batch and their columns, fed to ``typer`` (and counted on the first pass)."""
    good = _good_rows(state, before, after, rows, width, shape_error)
    if typer.blank_cells:
        good = [r for r in good if "".join(r).strip()]
    if not good:
        return good, []
    columns = list(zip(*good, strict=True))
    blank_before = typer.blank_cells
    typer.feed(columns)
    if typer.blank_cells and not blank_before:  # rows of only whitespace in this batch: not data
        kept = [r for r in good if "".join(r).strip()]
        if len(kept) != len(good):
            good = kept
            columns = list(zip(*good, strict=True)) if good else []
    if state["counting"]:
        state["good"] += len(good)
    return good, columns


def load(source: TableSource, *, hdr: dict[str, Any], table: str, shape_error: Callable[[list[str], int], str | None],
         report: Callable[[float, str], None], max_rejects: int) -> dict[str, Any]:
    """Stream ``source`` into the new typed ``table`` (without primary key: ``store.add_primary_key``
    after); returns types, counts and rejects."""
    width = hdr["width"]
    state: dict[str, Any] = {"first_data_line": hdr["first_data_line"], "skip": set(hdr["head"].header_lines),
                             "good": 0, "rejected": 0, "rejects": [], "max_rejects": max_rejects, "counting": True}
    typer = BatchTyper(width)
    batches = source.batches(BATCH)
    try:
        with transaction.atomic():
            types = _copy(source, batches, table, typer, state, width, shape_error, report, fixed=False)
    except _Restart:
        # finish the analysis without writing, then a second pass with the final types
        for before, after, rows in batches:
            _batch(state, typer, before, after, rows, width, shape_error)
        types = typer.types()
        state["counting"] = False
        with transaction.atomic():
            _copy(source, source.batches(BATCH), table, BatchTyper(width, types), state, width, shape_error, report,
                  fixed=True)
    finally:
        batches.close()  # type: ignore[attr-defined]
    return {"types": types, "good": state["good"], "rejected": state["rejected"], "rejects": state["rejects"]}


def _copy(source: TableSource, batches: Iterator[tuple[int, int, list[list[str]]]], table: str, typer: BatchTyper,
          state: dict[str, Any], width: int, shape_error: Callable[[list[str], int], str | None],
          report: Callable[[float, str], None], *, fixed: bool) -> list[str]:
    types: list[str] | None = typer.types() if fixed else None
    if types is not None:
        store.create_table(table, [(f"c{i}", t) for i, t in enumerate(types, start=1)], primary_key=False)
    caches: list[dict[str, str]] = [{} for _ in range(width)]
    search_caches: list[dict[str, str]] = [{} for _ in range(width)]
    written = 0
    copy_cm: Any = None
    copy: Any = None
    cursor: Any = None
    text_idx: list[int] = []
    try:
        for before, after, rows in batches:
            good, columns = _batch(state, typer, before, after, rows, width, shape_error)
            if not good:
                continue
            if types is None:
                types = typer.types()
                store.create_table(table, [(f"c{i}", t) for i, t in enumerate(types, start=1)], primary_key=False)
            elif not fixed and typer.types() != types:
                raise _Restart
            if copy_cm is None:
                text_idx = [i for i, t in enumerate(types) if t == TEXT]
                names = [f'"c{i}"' for i in range(1, width + 1)] + (['"_search"'] if text_idx else [])
                cursor = connection.cursor()
                copy_cm = cursor.cursor.copy(
                    f"COPY {store.qualified(table)} ({', '.join(names)}) FROM STDIN (FREEZE, NULL '')")
                copy = copy_cm.__enter__()
            # column-wise, and one text block per batch: no per-row Python
            out: list[Any] = list(columns)
            for i, type_ in enumerate(types):
                if typer.dirty[i]:
                    out[i] = _normalised(columns[i], type_, caches[i])
            if text_idx:
                out.append(_vectors([columns[i] for i in text_idx], [search_caches[i] for i in text_idx]))
            for i, column in enumerate(out):
                if _SPECIAL_RE.search("".join(column)):
                    out[i] = [_escape(v) for v in column]
            copy.write("\n".join(map("\t".join, zip(*out, strict=True))) + "\n")
            written += len(good)
            # No progress writes here: the connection is busy with the COPY (a query on it would
            # wait for the COPY to end, for ever), and inside this transaction nobody else would
            # see the update anyway.
        if copy_cm is not None:
            cm, copy_cm = copy_cm, None
            cm.__exit__(None, None, None)
        report(85, f"ตรวจสอบและโหลดแล้ว {written:,} แถว")
    except BaseException as exc:
        if copy_cm is not None:
            copy_cm.__exit__(type(exc), exc, exc.__traceback__)
        raise
    finally:
        if cursor is not None:
            cursor.close()
    if types is None:  # no data row at all
        types = typer.types()
        store.create_table(table, [(f"c{i}", t) for i, t in enumerate(types, start=1)], primary_key=False)
    return types


_SPECIAL_RE = re.compile(r"[\\\t\n\r]")


def _escape(value: str) -> str:
    """A value in COPY's text format."""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _normalised(column: tuple[str, ...], type_: str, cache: dict[str, str]) -> list[str]:
    """The column's values as COPY reads them ('' is NULL), through a per-value cache."""
    out = list(map(cache.get, column))
    if None in out:
        missing = {v: convert(v, type_) or "" for v in {v for v, o in zip(column, out, strict=True) if o is None}}
        if len(cache) < CACHE_CAP:
            cache.update(missing)
        out = [missing[v] if o is None else o for v, o in zip(column, out, strict=True)]
    return out  # type: ignore[return-value]


def _vectors(columns: list[tuple[str, ...]], caches: list[dict[str, str]]) -> list[str]:
    """Each row's ``_search`` literal (spaces only when the row has no word: an empty tsvector)."""
    parts = []
    for column, cache in zip(columns, caches, strict=True):
        out = list(map(cache.get, column))
        if None in out:
            missing = {v: cell_lexemes(v) if v else "" for v in {v for v, o in zip(column, out, strict=True) if o is None}}
            if len(cache) < CACHE_CAP:
                cache.update(missing)
            out = [missing[v] if o is None else o for v, o in zip(column, out, strict=True)]
        parts.append(out)
    if len(parts) == 1:
        return parts[0]  # type: ignore[return-value]
    return list(map(" ".join, zip(*parts, strict=True)))
