"""Plotly figures of the executive dashboard, as plain dicts (rendered offline by core/site.js).

``customdata`` on a point holds the URL of its drill-down: clicking the point opens it.
Built for each request from the (untranslated) cached summary, so the words are in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext, pgettext

from . import status as st
from .selectors.indicators import IndicatorRow
from .selectors.overview import NO_DISTRICT, Overview
from .selectors.summary import DashboardSummary

Rollup = Overview | DashboardSummary

BRAND = "#5b2a86"
PLANNED = "#b9a5d6"
DISBURSED = "#0e7490"


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    return {"title": {"text": title, "font": {"size": 15}}, "hovermode": "closest", "legend": {"orientation": "h"}, **extra}


def goal_trend(row: IndicatorRow, url: str) -> dict[str, Any]:
    """One goal: its counting values over time against the target of each fiscal year."""
    years = sorted(row.targets)
    fiscal_years = [gettext("ปีงบ %(fy)s") % {"fy": fy} for fy in years]
    history = [m for m in row.history if m.value is not None]
    data: list[dict[str, Any]] = [
        {
            "type": "scatter", "mode": "lines+markers", "name": pgettext("chart series", "เป้าหมาย"),
            "x": fiscal_years, "y": [_f(row.targets[fy]) for fy in years],
            "line": {"dash": "dot", "color": "#98a2b3"}, "customdata": [url] * len(years),
        },
    ]
    yearly = {m.fiscal_year_be: m for m in history}  # last counting value of each year (history is ordered)
    data.append({
        "type": "bar", "name": gettext("ผลการดำเนินงาน"), "x": fiscal_years,
        "y": [_f(yearly[fy].value) if fy in yearly else None for fy in years],
        "text": [yearly[fy].period_key if fy in yearly else "" for fy in years],
        "marker": {"color": BRAND}, "customdata": [url] * len(years),
    })
    return {
        "data": data,
        "layout": _layout(f"{row.indicator.code} ({row.indicator.unit_th})", barmode="overlay", height=300),
    }


def projects_by_status(ov: Rollup, url: Callable[[str], str]) -> dict[str, Any]:
    from smartprovince.projects.models import Project

    # the cached summary holds Thai labels; the chart names each status in the page's language
    labels = dict(Project.Status.choices)
    items = [(s, str(labels.get(s, label)), n) for s, label, n in ov.by_status if n]
    return {
        "data": [{
            "type": "bar", "x": [label for _, label, _ in items], "y": [n for _, _, n in items],
            "marker": {"color": BRAND}, "customdata": [url(s) for s, _, _ in items], "name": gettext("โครงการ"),
        }],
        "layout": _layout(gettext("โครงการจำแนกตามสถานะ"), yaxis={"title": gettext("โครงการ")}),
    }


def budget_by_strategy(ov: Rollup, url: Callable[[int], str]) -> dict[str, Any]:
    labels = [gettext("ยุทธศาสตร์ที่ %(number)s") % {"number": s.number} for s, _ in ov.by_strategy]
    links = [url(s.pk) for s, _ in ov.by_strategy]
    return {
        "data": [
            {"type": "bar", "name": gettext("ได้รับจัดสรร"), "x": labels, "y": [_f(t.allocated) for _, t in ov.by_strategy],
             "marker": {"color": PLANNED}, "customdata": links},
            {"type": "bar", "name": gettext("เบิกจ่ายแล้ว"), "x": labels, "y": [_f(t.disbursed) for _, t in ov.by_strategy],
             "marker": {"color": DISBURSED}, "customdata": links},
        ],
        "layout": _layout(gettext("งบประมาณจัดสรรและเบิกจ่ายตามยุทธศาสตร์ (บาท)"), barmode="group"),
    }


def budget_by_agency(ov: Rollup, url: Callable[[int], str], top: int = 15) -> dict[str, Any]:
    rows = ov.by_agency[:top][::-1]
    names = [name for _, name, _ in rows]
    links = [url(aid) for aid, _, _ in rows]
    return {
        "data": [
            {"type": "bar", "orientation": "h", "name": gettext("ได้รับจัดสรร"), "y": names, "x": [_f(t.allocated) for *_, t in rows],
             "marker": {"color": PLANNED}, "customdata": links},
            {"type": "bar", "orientation": "h", "name": gettext("เบิกจ่ายแล้ว"), "y": names, "x": [_f(t.disbursed) for *_, t in rows],
             "marker": {"color": DISBURSED}, "customdata": links},
        ],
        "layout": _layout(
            gettext("งบประมาณจัดสรรและเบิกจ่าย %(count)s หน่วยงานที่ได้รับงบสูงสุด (บาท)") % {"count": min(top, len(ov.by_agency))},
            barmode="group",
            height=max(320, 34 * len(rows) + 120), margin={"l": 260},
        ),
    }


def on_time_by_agency(ov: Rollup, url: Callable[[int], str]) -> dict[str, Any]:
    rows = sorted(((aid, name, t) for aid, name, t in ov.by_agency if t.reports_due), key=lambda r: (r[2].on_time_rate or 0))
    rows = rows[:20][::-1]
    colours = [
        st.STATUS_COLOURS[st.classify(t.on_time_rate or Decimal(0), ov.thresholds)] for *_, t in rows
    ]
    return {
        "data": [{
            "type": "bar", "orientation": "h", "y": [name for _, name, _ in rows], "x": [_f(t.on_time_rate) for *_, t in rows],
            "marker": {"color": colours}, "customdata": [url(aid) for aid, _, _ in rows], "name": gettext("ร้อยละส่งตรงเวลา"),
            "text": [f"{t.reports_on_time}/{t.reports_due}" for *_, t in rows], "textposition": "auto",
        }],
        "layout": _layout(
            gettext("การส่งรายงานตรงเวลาตามหน่วยงาน (ร้อยละ, 20 หน่วยงานที่ต่ำสุด)"), xaxis={"range": [0, 100]},
            height=max(320, 28 * len(rows) + 120), margin={"l": 260},
        ),
    }


def by_district(ov: Rollup, url: Callable[[str], str]) -> dict[str, Any]:
    rows = ov.by_district
    names = [r.name if r.code else gettext(NO_DISTRICT) for r in rows]
    links = [url(r.code or "none") for r in rows]
    return {
        "data": [
            {"type": "bar", "name": gettext("จำนวนโครงการ"), "x": names, "y": [r.projects for r in rows], "marker": {"color": BRAND},
             "customdata": links},
            {"type": "scatter", "mode": "markers", "name": gettext("งบประมาณจัดสรร (บาท)"), "x": names,
             "y": [_f(r.allocated) for r in rows], "yaxis": "y2", "marker": {"color": DISBURSED, "size": 10},
             "customdata": links},
        ],
        "layout": _layout(
            gettext("โครงการและงบประมาณตามอำเภอ"), yaxis={"title": gettext("โครงการ")},
            yaxis2={"title": gettext("บาท"), "overlaying": "y", "side": "right"}, xaxis={"tickangle": -40},
        ),
    }


def indicator_history(row: IndicatorRow) -> dict[str, Any]:
    """All counting values of one indicator, with the pro-rated target of each period."""
    from smartprovince.core.thai_calendar import parse_period_key

    from .selectors.indicators import assess_measurement

    points = [m for m in row.history if m.value is not None]
    targets = [
        _f(assess_measurement(row.indicator, m, row.targets, parse_period_key(m.period_key), st.Thresholds()).target)
        for m in points
    ]
    return {
        "data": [
            {"type": "scatter", "mode": "lines+markers", "name": gettext("ผลการดำเนินงาน"), "x": [m.period_key for m in points],
             "y": [_f(m.value) for m in points], "marker": {"color": BRAND}},
            {"type": "scatter", "mode": "lines", "name": gettext("เป้าหมายตามสัดส่วนเวลา"), "x": [m.period_key for m in points],
             "y": targets, "line": {"dash": "dot", "color": "#98a2b3"}},
        ],
        "layout": _layout(
            gettext("แนวโน้ม %(code)s (%(unit)s)") % {"code": row.indicator.code, "unit": row.indicator.unit_th}, xaxis={"type": "category"}),
    }
