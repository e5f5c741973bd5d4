"""Data quality of a dataset: metadata completeness and timeliness against the declared
update frequency (pure given the dataset and today)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from . import gdc
from .services import MODEL_TO_API

ON_TIME, LATE, UNKNOWN = "on_time", "late", "unknown"
LABELS = {ON_TIME: _("ทันเวลา"), LATE: _("ล่าช้ากว่ารอบปรับปรุง"), UNKNOWN: _("ไม่ได้กำหนดรอบปรับปรุง")}


@dataclass
class Quality:
    completeness_pct: int
    missing: list[str]
    timeliness: str
    last_update: dt.date | None
    due: dt.date | None
    days_late: int

    @property
    def timeliness_label(self) -> str:
        return str(LABELS[self.timeliness])


def expected_days(unit: str, interval: int | None) -> int | None:
    days = gdc.UPDATE_FREQUENCY_DAYS.get(unit)
    if days is None:
        return None
    return days * max(interval or 1, 1)


def last_update(dataset: Any) -> dt.date | None:
    candidates = [dataset.last_updated_date] if dataset.last_updated_date else []
    for resource in dataset.resources.all():
        if not resource.is_deleted and resource.last_loaded_at:
            candidates.append(resource.last_loaded_at.date())
    return max(candidates) if candidates else None


def assess(dataset: Any, today: dt.date) -> Quality:
    data = {MODEL_TO_API.get(f.attname, f.attname): getattr(dataset, f.attname) for f in dataset._meta.concrete_fields}
    data["owner_org"] = dataset.agency_id
    data["tags"] = [t.name for t in dataset.tags.all()]
    filled, expected, missing = gdc.completeness(data)
    updated = last_update(dataset)
    days = expected_days(dataset.update_frequency_unit, dataset.update_frequency_interval)
    if days is None:
        return Quality(round(100 * filled / expected), missing, UNKNOWN, updated, None, 0)
    base = updated or dataset.created_at.date()
    due = base + dt.timedelta(days=days)
    # a grace period of 10 % of the cycle (at least one day) before a dataset counts as late
    grace = max(1, days // 10)
    late = (today - due).days
    status = LATE if late > grace else ON_TIME
    return Quality(round(100 * filled / expected), missing, status, updated, due, max(late, 0))
