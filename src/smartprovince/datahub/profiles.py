"""Integration made visible: the latest values of every public dataset keyed to an area, and
the join of two datasets on area (and year)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import connection

from smartprovince.core.models import Area

from .ingest import store
from .models import Column, Resource
from .selectors import visible_q

PREFIXES = {"province": ("จังหวัด", "จ."), "district": ("อำเภอ", "อ."), "subdistrict": ("ตำบล", "ต.")}
YEAR_KEYS = ("fiscal_year_be", "year_be", "date")
MAX_COLUMNS = 8


def area_aliases(area: Area) -> list[str]:
    names = [area.code, area.name_th]
    names += [p + area.name_th for p in PREFIXES[area.level]]
    names += [f"{p} {area.name_th}" for p in PREFIXES[area.level]]
    return names


def keyed_resources(*, actor: Any, key: str = "area_code") -> list[Resource]:
    """Loaded resources of datasets visible to ``actor`` with a column mapped to ``key``."""
    from .models import Dataset

    ids = Column.objects.filter(standard_key=key).values("resource_id")
    visible = Dataset.objects.filter(visible_q(actor)).values("pk")
    return list(
        Resource.objects.filter(pk__in=ids, dataset_id__in=visible, datastore_active=True, is_deleted=False)
        .select_related("dataset__agency").prefetch_related("columns").order_by("dataset__title")
    )


def _columns(resource: Resource) -> tuple[Column | None, Column | None, list[Column]]:
    cols = sorted(resource.columns.all(), key=lambda c: c.position)
    area = next((c for c in cols if c.standard_key == "area_code"), None)
    year = next((c for k in YEAR_KEYS for c in cols if c.standard_key == k), None)
    shown = [c for c in cols if c not in (area, year)]
    numeric = [c for c in shown if c.type in ("integer", "decimal")]
    others = [c for c in shown if c.type not in ("integer", "decimal")]
    return area, year, (others[:2] + numeric)[:MAX_COLUMNS]


def _value(v: Any) -> Any:
    return v.isoformat() if hasattr(v, "isoformat") else v


def _latest(cur: Any, select: str, table: str, area: str, values: list[Any], *, where: str, order: str,
            limit: int) -> list[tuple[Any, ...]]:
    """``limit`` rows per area value, one ``UNION ALL`` branch each (an index walk per value)."""
    branch = f"SELECT * FROM (SELECT {select} FROM {table} WHERE {area} = %s{where} ORDER BY {order} LIMIT %s) AS b"  # noqa: S608 - generated identifiers, bound values
    cur.execute(" UNION ALL ".join([branch] * len(values)), [arg for v in values for arg in (v, limit)])
    return list(cur.fetchall())


def _query(resource: Resource, area_col: Column, year_col: Column | None, shown: list[Column],
           codes: list[Area], limit: int, with_area: bool) -> list[tuple[Any, ...]]:
    """The latest rows of the areas in ``codes``, newest year first: at most ``limit`` rows in all
    for one area, ``limit`` per area when ``with_area`` (the rows of the areas below).

    Each area value is read by walking the (area, year) index of the key columns backwards, so the
    cost is the rows returned, not the rows the table holds. An area without a dated row shows its
    most recently loaded rows."""
    table = store.qualified(resource.datastore_table)
    area = store.col(area_col.physical)
    values: list[Any] = (
        [int(a.code) for a in codes] if area_col.type == "integer" else [alias for a in codes for alias in area_aliases(a)]
    )
    columns = [store.col(c.physical) for c in shown]
    if with_area:
        columns.insert(0, area)
    newest = '"_id" DESC'
    with connection.cursor() as cur:
        if year_col is None:
            rows = _latest(cur, ", ".join(columns), table, area, values, where="", order=newest, limit=limit)
            return rows if with_area else rows[:limit]
        y = store.col(year_col.physical)
        select = ", ".join([y, *columns])
        rows = _latest(cur, select, table, area, values, where=f" AND {y} IS NOT NULL", order=f"{y} DESC", limit=limit)
        rows.sort(key=lambda r: r[0], reverse=True)  # stable: areas keep their order within a year
        found = {r[1] for r in rows} if with_area else set(values if rows else [])
        undated = [v for v in values if v not in found]
        if undated:
            rows += _latest(cur, select, table, area, undated, where="", order=newest, limit=limit)
    return rows if with_area else rows[:limit]


def area_profile(area: Area, *, actor: Any, limit_rows: int = 20) -> list[dict[str, Any]]:
    """One block per dataset: agency, period of the latest values and the rows for this area. When a
    dataset has no row for the area itself (e.g. the province), its rows for the areas below are shown."""
    children = list(Area.objects.filter(parent=area).order_by("code"))
    blocks = []
    for resource in keyed_resources(actor=actor):
        area_col, year_col, shown = _columns(resource)
        if area_col is None or not resource.datastore_table or not shown:
            continue
        by_child = False
        rows = _query(resource, area_col, year_col, shown, [area], limit_rows, False)
        if not rows and children:
            rows = _query(resource, area_col, year_col, shown, children, 5, True)
            by_child = True
        if not rows:
            continue
        period = None
        if year_col is not None:
            period = rows[0][0]
            rows = [r[1:] for r in rows if r[0] == period]
        columns = [c.label or c.name for c in shown]
        if by_child:
            columns = ["พื้นที่", *columns]
            names = {alias: a.name_th for a in children for alias in (*area_aliases(a), int(a.code))}
            rows = [(names.get(r[0], r[0]), *r[1:]) for r in rows]
        blocks.append({
            "dataset": resource.dataset, "agency": resource.dataset.agency, "resource": resource,
            "period": _value(period), "period_label": year_col.label if year_col else "", "by_child": by_child,
            "columns": columns, "rows": [[_value(v) for v in r] for r in rows],
        })
    return blocks


def _area_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for level in ("subdistrict", "district", "province"):
        for area in Area.objects.filter(level=level):
            for alias in area_aliases(area):
                lookup[alias] = area.code
    return lookup


def _fetch(resource: Resource, limit: int) -> tuple[list[Column], dict[tuple[str, Any], list[Any]], str]:
    area_col, year_col, shown = _columns(resource)
    if area_col is None:
        raise ValueError("no area")
    numeric = [c for c in shown if c.type in ("integer", "decimal")][:4]
    select = [store.col(area_col.physical), store.col(year_col.physical) if year_col else "NULL"]
    select += [store.col(c.physical) for c in numeric]
    with connection.cursor() as cur:
        cur.execute(f"SELECT {', '.join(select)} FROM {store.qualified(resource.datastore_table)} LIMIT %s", [limit])  # noqa: S608 - generated identifiers, bound values
        raw = cur.fetchall()
    lookup = _area_lookup()
    values: dict[tuple[str, Any], list[Any]] = {}
    for row in raw:
        code = lookup.get(str(row[0]).strip())
        if code is None:
            continue
        year = row[1].year + 543 if hasattr(row[1], "year") else row[1]
        values.setdefault((code, year), [_value(v) for v in row[2:]])
    return numeric, values, (year_col.label if year_col else "")


def join(left: Resource, right: Resource, *, limit: int = 20000) -> dict[str, Any]:
    """Rows of ``left`` and ``right`` matched on area code (and year when both have one)."""
    lcols, lvals, lyear = _fetch(left, limit)
    rcols, rvals, ryear = _fetch(right, limit)
    use_year = bool(lyear and ryear)
    if not use_year:
        lvals = {(a, None): v for (a, _y), v in lvals.items()}
        rvals = {(a, None): v for (a, _y), v in rvals.items()}
    names = dict(Area.objects.filter(code__in={a for a, _ in lvals}).values_list("code", "name_th"))
    keys = sorted(set(lvals) & set(rvals), key=lambda k: (k[0], str(k[1])))
    by_year: dict[Any, int] = defaultdict(int)
    rows = []
    for key in keys:
        by_year[key[1]] += 1
        rows.append({"area_code": key[0], "area": names.get(key[0], key[0]), "year": key[1],
                     "left": lvals[key], "right": rvals[key]})
    return {
        "use_year": use_year, "left_columns": [c.label or c.name for c in lcols],
        "right_columns": [c.label or c.name for c in rcols], "rows": rows,
        "unmatched_left": len(set(lvals) - set(rvals)), "unmatched_right": len(set(rvals) - set(lvals)),
    }
