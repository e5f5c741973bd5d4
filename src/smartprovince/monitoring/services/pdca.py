"""Writes of the Act part of PDCA (corrective actions) and of inspection findings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import has_perm, require
from smartprovince.plans.models import Indicator

from ..models import CorrectiveAction, InspectionFinding

ACTION_FIELDS = (
    "indicator_id", "project_id", "fiscal_year_be", "period_key", "problem_th", "action_th", "owner_agency_id",
    "due_date", "status", "result_th", "closed_on",
)
FINDING_FIELDS = (
    "fiscal_year_be", "round_number", "inspected_on", "agency_id", "project_id", "indicator_id", "findings_th",
    "problems_th", "obstacles_th", "recommendations_th", "follow_up_status", "follow_up_note_th",
)


def _required_text(errors: dict[str, str], **fields: str) -> None:
    for name, value in fields.items():
        if not (value or "").strip():
            errors[name] = gettext("กรุณากรอกข้อมูลช่องนี้")


@transaction.atomic
def corrective_action_create(
    *,
    actor: Any,
    owner_agency: Agency,
    problem_th: str,
    action_th: str,
    due_date: dt.date,
    fiscal_year_be: int,
    indicator: Indicator | None = None,
    project: Any = None,
    period_key: str = "",
) -> CorrectiveAction:
    """Record what will be done about an off-track indicator or a late project."""
    require(actor, "monitoring.corrective_action:write")
    errors: dict[str, str] = {}
    if indicator is None and project is None:
        errors["indicator"] = gettext("กรุณาเลือกตัวชี้วัดหรือโครงการที่ต้องแก้ไข")
    _required_text(errors, problem_th=problem_th, action_th=action_th)
    if due_date is None:
        errors["due_date"] = gettext("กรุณาระบุกำหนดแล้วเสร็จ")
    if errors:
        raise ValidationError(errors)
    action = CorrectiveAction(
        indicator=indicator, project=project, owner_agency=owner_agency, problem_th=problem_th.strip(),
        action_th=action_th.strip(), due_date=due_date, fiscal_year_be=fiscal_year_be, period_key=period_key,
        created_by=actor,
    )
    action.full_clean()
    action.save()
    audit_log(actor=actor, action="monitoring.corrective_action.created", obj=action, changes=snapshot(action, ACTION_FIELDS))
    return action


@transaction.atomic
def corrective_action_update(*, actor: Any, action: CorrectiveAction, **data: Any) -> CorrectiveAction:
    """Province admins and inspectors may change every field; the owner agency's editors report
    progress (status and result) only."""
    action = CorrectiveAction.objects.select_for_update().get(pk=action.pk)
    full = has_perm(actor, "monitoring.corrective_action:write")
    if not full:
        require(actor, "monitoring.corrective_action:update", action.owner_agency_id)
        data = {k: v for k, v in data.items() if k in ("status", "result_th")}
    before = snapshot(action, ACTION_FIELDS)
    for key, value in data.items():
        if key in ("owner_agency", "indicator", "project", "problem_th", "action_th", "due_date", "status", "result_th"):
            setattr(action, key, value.strip() if isinstance(value, str) else value)
    errors: dict[str, str] = {}
    _required_text(errors, problem_th=action.problem_th, action_th=action.action_th)
    if action.status == CorrectiveAction.Status.DONE and not action.result_th.strip():
        errors["result_th"] = gettext("กรุณาระบุผลการดำเนินการก่อนปิดเรื่อง")
    if errors:
        raise ValidationError(errors)
    if action.status in (CorrectiveAction.Status.DONE, CorrectiveAction.Status.CANCELLED):
        action.closed_on = action.closed_on or timezone.localdate()
    else:
        action.closed_on = None
    action.full_clean()
    action.save()
    changes = diff(before, snapshot(action, ACTION_FIELDS))
    if changes:
        audit_log(actor=actor, action="monitoring.corrective_action.updated", obj=action, changes=changes)
    return action


def _check_finding(f: InspectionFinding) -> None:
    errors: dict[str, str] = {}
    _required_text(errors, findings_th=f.findings_th)
    if f.project_id and f.project and f.project.agency_id != f.agency_id:
        errors["project"] = gettext("โครงการนี้ไม่ใช่ของหน่วยงานที่รับตรวจ")
    if f.inspected_on and f.inspected_on > timezone.localdate():
        errors["inspected_on"] = gettext("วันที่ตรวจต้องไม่เป็นวันในอนาคต")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def finding_create(
    *,
    actor: Any,
    agency: Agency,
    fiscal_year_be: int,
    round_number: int,
    inspected_on: dt.date,
    findings_th: str,
    problems_th: str = "",
    obstacles_th: str = "",
    recommendations_th: str = "",
    project: Any = None,
    indicator: Indicator | None = None,
    follow_up_status: str = InspectionFinding.FollowUp.PENDING,
    follow_up_note_th: str = "",
) -> InspectionFinding:
    """Record an inspection finding (inspectors and province admins)."""
    require(actor, "monitoring.finding:write")
    finding = InspectionFinding(
        agency=agency, fiscal_year_be=fiscal_year_be, round_number=round_number, inspected_on=inspected_on,
        findings_th=findings_th.strip(), problems_th=problems_th.strip(), obstacles_th=obstacles_th.strip(),
        recommendations_th=recommendations_th.strip(), project=project, indicator=indicator,
        follow_up_status=follow_up_status, follow_up_note_th=follow_up_note_th.strip(), created_by=actor,
    )
    _check_finding(finding)
    finding.full_clean()
    finding.save()
    audit_log(actor=actor, action="monitoring.finding.created", obj=finding, changes=snapshot(finding, FINDING_FIELDS))
    return finding


@transaction.atomic
def finding_update(*, actor: Any, finding: InspectionFinding, **data: Any) -> InspectionFinding:
    require(actor, "monitoring.finding:write")
    finding = InspectionFinding.objects.select_for_update().get(pk=finding.pk)
    before = snapshot(finding, FINDING_FIELDS)
    for key, value in data.items():
        if key in ("agency", "project", "indicator", "fiscal_year_be", "round_number", "inspected_on", "findings_th",
                   "problems_th", "obstacles_th", "recommendations_th", "follow_up_status", "follow_up_note_th"):
            setattr(finding, key, value.strip() if isinstance(value, str) else value)
    _check_finding(finding)
    finding.full_clean()
    finding.save()
    changes = diff(before, snapshot(finding, FINDING_FIELDS))
    if changes:
        audit_log(actor=actor, action="monitoring.finding.updated", obj=finding, changes=changes)
    return finding
