"""Reads for monitoring. ``indicator_latest_values`` is what public pages show next to targets."""

from __future__ import annotations

from typing import Any

from .indicators import (
    IndicatorRow,
    access_indicator,
    access_measurement,
    indicator_rows,
    measurement_history,
    reported_measurement_list,
    thresholds_get,
)
from .pdca import access_corrective_action, access_finding, corrective_action_list, finding_list

__all__ = [
    "IndicatorRow", "access_corrective_action", "access_finding", "access_indicator", "access_measurement",
    "corrective_action_list", "finding_list", "indicator_latest_values", "indicator_rows", "measurement_history",
    "reported_measurement_list", "thresholds_get",
]


def indicator_latest_values(indicator_ids: list[int]) -> dict[int, Any]:
    """Latest counting value per indicator id: computed snapshots and approved reported values only
    (a draft, submitted or returned figure never reaches a public page). One query."""
    from ..models import Measurement

    latest: dict[int, Any] = {}
    qs = (
        Measurement.objects.filter(indicator_id__in=indicator_ids, status=Measurement.Status.APPROVED)
        .defer("rows", "columns")
        .order_by("indicator_id", "-period_end", "-taken_at")
    )
    for m in qs:
        latest.setdefault(m.indicator_id, m)
    return latest
