"""Writes of the monitoring set-up: indicator targets, the responsible agency of an indicator
and the status thresholds (province admin only, audited)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import require
from smartprovince.plans.models import Indicator, IndicatorTarget

from ..models import StatusThresholds


def _number(value: Any, field: str) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: gettext("ต้องเป็นตัวเลข")}) from None
    if not number.is_finite() or abs(number) >= Decimal("1e14"):
        raise ValidationError({field: gettext("ตัวเลขไม่ถูกต้อง")})
    return number


@transaction.atomic
def target_set(*, actor: Any, indicator: Indicator, fiscal_year_be: int, value: Any) -> IndicatorTarget:
    """Set the target of ``indicator`` for a fiscal year of its plan (creates or updates).

    A target added here that the plan file did not state is flagged ``is_derived``.
    """
    require(actor, "monitoring.target:write")
    plan = indicator.plan
    if not plan.fiscal_year_start_be <= fiscal_year_be <= plan.fiscal_year_end_be:
        raise ValidationError(
            {"fiscal_year_be": gettext("ปีงบประมาณต้องอยู่ในช่วงของแผน (%(start)s–%(end)s)")
                              % {"start": plan.fiscal_year_start_be, "end": plan.fiscal_year_end_be}}
        )
    number = _number(value, "value")
    target = IndicatorTarget.objects.select_for_update().filter(indicator=indicator, fiscal_year_be=fiscal_year_be).first()
    if target is None:
        target = IndicatorTarget(indicator=indicator, fiscal_year_be=fiscal_year_be, value=number, is_derived=True)
        target.full_clean()
        target.save()
        audit_log(
            actor=actor, action="monitoring.target.created", obj=target,
            changes={"indicator": indicator.code, "fiscal_year_be": fiscal_year_be, "value": number},
        )
        return target
    before = snapshot(target, ["value"])
    target.value = number
    target.full_clean()
    target.save()
    changes = diff(before, snapshot(target, ["value"]))
    if changes:
        audit_log(
            actor=actor, action="monitoring.target.updated", obj=target,
            changes={**changes, "indicator": indicator.code, "fiscal_year_be": fiscal_year_be},
        )
    return target


@transaction.atomic
def indicator_set_responsible(*, actor: Any, indicator: Indicator, agency: Agency | None) -> Indicator:
    """Name the agency that reports (or answers for) an indicator."""
    require(actor, "monitoring.target:write")
    before = indicator.responsible_agency_id
    indicator.responsible_agency = agency
    indicator.save(update_fields=["responsible_agency"])
    if before != indicator.responsible_agency_id:
        audit_log(
            actor=actor, action="monitoring.indicator.responsible_set", obj=indicator,
            changes={"responsible_agency": [before, indicator.responsible_agency_id]}, agency_id=indicator.responsible_agency_id,
        )
    return indicator


@transaction.atomic
def thresholds_update(*, actor: Any, on_track_percent: Any, at_risk_percent: Any) -> StatusThresholds:
    require(actor, "monitoring.target:write")
    row, _ = StatusThresholds.objects.select_for_update().get_or_create(pk=1)
    before = snapshot(row, ["on_track_percent", "at_risk_percent"])
    row.on_track_percent = _number(on_track_percent, "on_track_percent")
    row.at_risk_percent = _number(at_risk_percent, "at_risk_percent")
    if row.at_risk_percent > row.on_track_percent:
        raise ValidationError({"at_risk_percent": gettext("เกณฑ์ “มีความเสี่ยง” ต้องไม่สูงกว่าเกณฑ์ “เป็นไปตามเป้าหมาย”")})
    row.full_clean()
    row.save()
    changes = diff(before, snapshot(row, ["on_track_percent", "at_risk_percent"]))
    if changes:
        audit_log(actor=actor, action="monitoring.thresholds.updated", obj=row, changes=changes)
    return row
