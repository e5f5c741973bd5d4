"""Load one uploaded version of a resource into a new datastore table, then swap.

Two streaming passes over the file: the first finds the header, checks every row's shape and
infers each column's type over the whole column; the second converts and bulk-loads into a
new table. On PostgreSQL a CSV goes, when it is clean, straight into COPY and is typed and
converted in the database (``pgraw``), else through one streaming pass that COPYs as it types
(``pgcopy``); the result is the same on every path. Only when the load succeeded does one transaction point the resource at the new
table (and drop the old one after commit): during the load the previous version stays
queryable, and after a failure it is untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from . import header as header_mod
from . import store
from .errors import IngestError
from .reader import TableSource, open_table
from .types import ColumnTyper, convert

logger = logging.getLogger(__name__)
MAX_REJECTS_KEPT = 1000
MAX_COLUMNS = 1000
Report = Callable[[float, str], None]


def _is_blank(cells: list[str]) -> bool:
    return not any(c.strip() for c in cells)


def _shape_error(cells: list[str], width: int) -> str | None:
    n = len(cells)
    if n == width:
        return None
    if n > width:
        if all(not c.strip() for c in cells[width:]):
            return None
        return f"มี {n} ช่อง แต่หัวตารางมี {width} คอลัมน์ (ข้อมูลเกินมา: “{cells[width][:40]}”)"
    return f"มี {n} ช่อง แต่หัวตารางมี {width} คอลัมน์ (ข้อมูลไม่ครบ)"


def _data_rows(source: TableSource, skip_lines: set[int], first_data_line: int) -> Iterator[tuple[int, list[str]]]:
    for line, cells in source.rows():
        if line < first_data_line or line in skip_lines:
            continue
        yield line, cells


def _header(source: TableSource) -> dict[str, Any]:
    sample: list[tuple[int, list[str]]] = []
    rows = source.rows()
    try:
        for item in rows:
            sample.append(item)
            if len(sample) >= 60:
                break
    finally:
        rows.close()  # type: ignore[attr-defined]
    if not sample or all(_is_blank(c) for _, c in sample):
        raise IngestError("ไฟล์ว่างเปล่า ไม่มีข้อมูลให้โหลด")
    head = header_mod.detect(sample)
    width = len(head.names)
    if width > MAX_COLUMNS:
        raise IngestError(f"ไฟล์มี {width:,} คอลัมน์ เกินกว่าที่รองรับ ({MAX_COLUMNS:,} คอลัมน์)")
    nonblank = [item for item in sample if not _is_blank(item[1])]
    first_data_line = nonblank[head.data_start_index][0] if head.data_start_index < len(nonblank) else 10**12
    data_sample = [c for n, c in nonblank if n >= first_data_line and n not in head.header_lines]
    return {"head": head, "width": width, "first_data_line": first_data_line, "sample": data_sample}


def _no_rows_error(good: int, rejected: int, rejects: list[dict[str, Any]]) -> None:
    if good == 0 and rejected == 0:
        raise IngestError("ไฟล์มีเฉพาะแถวหัวตาราง ไม่มีแถวข้อมูล")
    if good == 0:
        first = rejects[0]
        raise IngestError(
            f"ไม่มีแถวใดโหลดได้: ทุกแถว ({rejected:,} แถว) มีจำนวนช่องไม่ตรงกับหัวตาราง "
            f"เช่น บรรทัดที่ {first['line']}: {first['reason']}"
        )


def analyse(source: TableSource, report: Report, hdr: dict[str, Any] | None = None) -> dict[str, Any]:
    """First pass: header, row shapes and column types."""
    hdr = hdr or _header(source)
    head, width, first_data_line = hdr["head"], hdr["width"], hdr["first_data_line"]
    typer = ColumnTyper(width)
    good = rejected = 0
    rejects: list[dict[str, Any]] = []
    skip = set(head.header_lines)
    for i, (line, cells) in enumerate(_data_rows(source, skip, first_data_line)):
        if _is_blank(cells):
            continue
        problem = _shape_error(cells, width)
        if problem:
            rejected += 1
            if len(rejects) < MAX_REJECTS_KEPT:
                rejects.append({"line": line, "reason": problem})
            continue
        typer.feed(cells[:width])
        good += 1
        if i % 20000 == 0:
            report(5 + 40 * source.progress(), f"ตรวจสอบข้อมูลแล้ว {good + rejected:,} แถว")
    _no_rows_error(good, rejected, rejects)
    types = typer.types()
    return {
        "names": head.names, "types": types, "header_lines": head.header_lines, "first_data_line": first_data_line,
        "warnings": head.warnings, "good": good, "rejected": rejected, "rejects": rejects,
    }


def load_version(version: Any, report: Report) -> dict[str, Any]:
    """Load ``version`` (a ``ResourceVersion``) and swap it in. Raises ``IngestError``."""
    from ..models import Column, Resource, ResourceVersion

    resource = version.resource
    path = Path(version.file.path)
    fmt = (version.original_filename.rsplit(".", 1)[-1] if "." in version.original_filename else resource.format).lower()
    report(1, "กำลังเปิดไฟล์")
    source = open_table(path, fmt, version.sheet)
    ResourceVersion.objects.filter(pk=version.pk).update(
        status=ResourceVersion.Status.LOADING, encoding=source.encoding, delimiter=source.delimiter,
        sheet=source.sheet, sheets=source.sheets,
    )
    hdr = _header(source)
    names = hdr["head"].names
    width = len(names)
    physicals = [f"c{i}" for i in range(1, width + 1)]
    new_table = store.table_name(str(resource.pk), version.number)
    try:
        info = None
        if store.is_postgres() and source.fmt == "csv":
            info = _load_postgres_csv(source, report, hdr, new_table)
        elif store.is_postgres():
            info = _load_postgres(source, report, hdr, new_table)
        if info is None:
            info = analyse(source, report, hdr)
            _load_generic(source, report, info, new_table)
        types = info["types"]
        report(88, "กำลังสร้างดัชนี")
        text_cols = [p for p, t in zip(physicals, types, strict=True) if t == "text"]
        if info.get("search_later"):
            store.refresh_search(new_table, text_cols)
        search_index = None
        if info.get("primary_key_later") and text_cols and not transaction.get_connection().in_atomic_block:
            # the search index on a connection of its own while this one builds the others
            search_index = _in_thread(store.create_search_index, new_table, text_cols)
        previous = {c.name: c for c in Column.objects.filter(resource=resource)}
        store.index_keys(new_table, {previous[n].standard_key: p for p, n in zip(physicals, names, strict=True)
                                     if previous.get(n) and previous[n].standard_key})
        if info.get("primary_key_later"):
            store.add_primary_key(new_table)
        report(92, "กำลังสร้างดัชนีค้นหาข้อความ")
        if search_index is not None:
            search_index.result()
        else:
            store.create_search_index(new_table, text_cols)
        if store.is_postgres():
            store.analyze(new_table)
        with transaction.atomic():
            res = Resource.objects.select_for_update().get(pk=resource.pk)
            old_table = res.datastore_table
            Column.objects.filter(resource=res).delete()
            Column.objects.bulk_create([
                Column(
                    resource=res, position=i, name=n, physical=p, type=t,
                    label=previous[n].label if n in previous else n,
                    description=previous[n].description if n in previous else "",
                    standard_key=previous[n].standard_key if n in previous else "",
                )
                for i, (n, p, t) in enumerate(zip(names, physicals, types, strict=True), start=1)
            ])
            res.datastore_table = new_table
            loaded = info["loaded"]
            res.datastore_rows = loaded
            res.datastore_active = True
            res.last_loaded_at = timezone.now()
            res.save(update_fields=["datastore_table", "datastore_rows", "datastore_active", "last_loaded_at", "updated_at"])
            ResourceVersion.objects.filter(pk=version.pk).update(
                status=ResourceVersion.Status.LOADED, rows_loaded=loaded, rows_rejected=info["rejected"],
                rejects=info["rejects"], warnings=info["warnings"], table_name=new_table, loaded_at=timezone.now(),
                error="",
            )
            if old_table and old_table != new_table:
                store.drop_after_commit(old_table)
    except Exception:
        store.drop_table(new_table)
        raise
    finally:
        if store.is_postgres():
            store.drop_table(new_table + "_stage")
    return {"rows_loaded": loaded, "rows_rejected": info["rejected"], "columns": width, "table": new_table}


def _in_thread(fn: Callable[..., None], *args: Any) -> Future[None]:
    """Run ``fn`` in a thread, on that thread's own database connection (closed at the end)."""
    from django.db import connection

    def run() -> None:
        try:
            fn(*args)
        finally:
            connection.close()

    pool = ThreadPoolExecutor(1)
    future = pool.submit(run)
    pool.shutdown(wait=False)
    return future


def _load_generic(source: TableSource, report: Report, info: dict[str, Any], new_table: str) -> None:
    """Second pass in Python: convert every cell and bulk-load (SQLite, and PostgreSQL fallback)."""
    names, types = info["names"], info["types"]
    width = len(names)
    physicals = [f"c{i}" for i in range(1, width + 1)]
    store.create_table(new_table, list(zip(physicals, types, strict=True)))
    skip = set(info["header_lines"])
    total_good = max(info["good"], 1)
    state = {"n": 0}
    caches: list[dict[str, str | None]] = [{} for _ in types]

    def cell(value: str, type_: str, cache: dict[str, str | None]) -> str | None:
        if type_ == "text":
            return value if value.strip() else None
        if value in cache:
            return cache[value]
        result = convert(value, type_)
        if len(cache) < 50_000:
            cache[value] = result
        return result

    def rows() -> Iterator[list[str | None]]:
        for _line, cells in _data_rows(source, skip, info["first_data_line"]):
            if _is_blank(cells) or _shape_error(cells, width):
                continue
            state["n"] += 1
            if state["n"] % 20000 == 0:
                report(45 + 45 * state["n"] / total_good, f"โหลดแล้ว {state['n']:,} จาก {info['good']:,} แถว")
            yield [cell(c, t, k) for c, t, k in zip(cells[:width], types, caches, strict=True)]

    report(45, "กำลังโหลดข้อมูลเข้าคลังข้อมูล")
    text_positions = [i for i, t in enumerate(types) if t == "text"]
    info["loaded"] = store.copy_rows(new_table, physicals, rows(), text_positions=text_positions)


def _load_postgres_csv(source: TableSource, report: Report, hdr: dict[str, Any], new_table: str) -> dict[str, Any]:
    """CSV on PostgreSQL: the file's bytes straight into COPY when it is clean (``pgraw``), else
    one streaming pass COPYs into the typed table (``pgcopy``)."""
    from . import pgcopy, pgraw

    head = hdr["head"]
    result = pgraw.load(source, hdr=hdr, table=new_table, report=report)
    if result is None:
        result = pgcopy.load(source, hdr=hdr, table=new_table, shape_error=_shape_error, report=report,
                             max_rejects=MAX_REJECTS_KEPT)
    _no_rows_error(result["good"], result["rejected"], result["rejects"])
    return {"names": head.names, "types": result["types"], "header_lines": head.header_lines,
            "first_data_line": hdr["first_data_line"], "warnings": list(head.warnings), "good": result["good"],
            "rejected": result["rejected"], "rejects": result["rejects"], "loaded": result["good"],
            "primary_key_later": True}


def _load_postgres(source: TableSource, report: Report, hdr: dict[str, Any], new_table: str) -> dict[str, Any] | None:
    """One pass into a staging table, conversion in the database; ``None`` asks for the generic path."""
    from django.db import DatabaseError

    from . import pgfast

    head, width = hdr["head"], hdr["width"]
    date_cols = pgfast.date_candidates(hdr["sample"][:50], width)
    stage = new_table + "_stage"
    result = pgfast.load(
        rows=_data_rows(source, set(head.header_lines), hdr["first_data_line"]), width=width, date_cols=date_cols,
        stage=stage, table=new_table, shape_error=_shape_error, is_blank=_is_blank, report=report,
        progress=source.progress, max_rejects=MAX_REJECTS_KEPT,
    )
    _no_rows_error(result["good"], result["rejected"], result["rejects"])
    report(78, "กำลังแปลงชนิดข้อมูลในคลังข้อมูล")
    try:
        with transaction.atomic():
            loaded = pgfast.convert_into(stage=stage, table=new_table, types=result["types"], date_cols=date_cols)
    except DatabaseError:
        logger.warning("datastore fast path could not convert %s; using the generic loader", new_table)
        store.drop_table(new_table)
        return None
    return {"names": head.names, "types": result["types"], "header_lines": head.header_lines,
            "first_data_line": hdr["first_data_line"], "warnings": head.warnings + result["warnings"],
            "good": result["good"], "rejected": result["rejected"], "rejects": result["rejects"], "loaded": loaded,
            "search_later": True}
