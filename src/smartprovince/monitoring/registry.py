"""The metric registry (DESIGN.md §3.2): computed indicators are functions registered by the
app that owns the data, under a dotted key such as ``eservices.agency_digital_channel_coverage``.

An app registers its metrics in ``<app>/metrics.py`` (autodiscovered at start-up)::

    from smartprovince.monitoring.registry import MetricResult, metric

    @metric("eservices.digital_services", unit_th="งานบริการ", description_th="…")
    def digital_services(period: Period) -> MetricResult:
        rows = [...]
        return MetricResult(value=Decimal(len(rows)), rows=rows, columns=[...])

A metric takes a ``core.thai_calendar.Period`` and returns value, numerator, denominator and
the rows it counted, so any number on a dashboard can be opened to show what it is made of.
An indicator whose metric key is not registered shows "ยังไม่มีแหล่งข้อมูล", never a number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import translation

from smartprovince.core.thai_calendar import Period


@dataclass
class MetricResult:
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    # (key, Thai label) pairs describing the drill-down table columns; the labels are stored in
    # Thai with the measurement and marked with ``gettext_noop`` so pages can show them translated
    columns: list[tuple[str, str]] = field(default_factory=list)
    note_th: str = ""


MetricFunc = Callable[[Period], MetricResult]


def column_headings(columns: list[Any]) -> list[tuple[str, str]]:
    """A stored measurement's ``[key, Thai label]`` columns with each label in the active language
    (the stored Thai stays as it is, e.g. in the API)."""
    return [(key, translation.gettext(label)) for key, label in columns]


@dataclass(frozen=True)
class MetricDef:
    key: str
    func: MetricFunc
    unit_th: str
    description_th: str  # the rule, shown in the UI


_METRICS: dict[str, MetricDef] = {}


def metric(key: str, *, unit_th: str, description_th: str) -> Callable[[MetricFunc], MetricFunc]:
    if key.count(".") != 1:
        raise ValueError(f"metric key {key!r} must be <app>.<name>")

    def register(func: MetricFunc) -> MetricFunc:
        existing = _METRICS.get(key)
        if existing and existing.func is not func and existing.func.__qualname__ != func.__qualname__:
            raise RuntimeError(f"metric {key!r} registered twice")
        _METRICS[key] = MetricDef(key, func, unit_th, description_th)
        return func

    return register


def metric_get(key: str) -> MetricDef | None:
    return _METRICS.get(key)


def metric_keys() -> list[str]:
    return sorted(_METRICS)


def metric_compute(key: str, period: Period) -> MetricResult | None:
    """Compute a registered metric; ``None`` when the key is not registered (no data source)."""
    definition = _METRICS.get(key)
    if definition is None:
        return None
    # Measurements are stored data: computed in Thai whatever the requesting user's language.
    with translation.override("th"):
        return definition.func(period)
