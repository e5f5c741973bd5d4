"""Writes of the monitoring app (each checks permission, validates, audits, runs atomically)."""

from .measurements import (
    measurement_approve,
    measurement_report_save,
    measurement_return,
    measurement_snapshot,
    measurement_snapshot_request,
    measurement_submit,
)
from .pdca import corrective_action_create, corrective_action_update, finding_create, finding_update
from .reports import report_request
from .settings import indicator_set_responsible, target_set, thresholds_update

__all__ = [
    "corrective_action_create", "corrective_action_update", "finding_create", "finding_update",
    "indicator_set_responsible", "measurement_approve", "measurement_report_save", "measurement_return",
    "measurement_snapshot", "measurement_snapshot_request", "measurement_submit", "report_request", "target_set", "thresholds_update",
]
