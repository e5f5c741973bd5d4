"""Reads for monitoring. ``indicator_latest_values`` is what public pages show next to targets."""

from __future__ import annotations

from typing import Any


def indicator_latest_values(indicator_ids: list[int]) -> dict[int, Any]:
    """Latest measured value per indicator id (empty until measurements exist).

    Replaced by the monitoring app's measurement store (issue: monitoring and evaluation).
    """
    try:
        from .models import Measurement  # type: ignore[attr-defined]
    except ImportError:
        return {}
    latest: dict[int, Any] = {}
    for m in Measurement.objects.filter(indicator_id__in=indicator_ids).order_by("indicator_id", "-period_end", "-taken_at"):
        latest.setdefault(m.indicator_id, m)
    return latest
