"""Writes for monthly progress reports: save a draft, submit, return, accept, evidence files.

Workflow: draft → submitted → accepted, or → returned (with a comment) → submitted again.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext

from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.i18n import month_text
from smartprovince.core.permissions import require
from smartprovince.core.thai_calendar import fiscal_year_be, month_start

from ..errors import ProjectErrorCode, message
from ..evidence import check_evidence
from ..models import (
    BudgetLine,
    EvidenceFile,
    IndicatorResult,
    ProgressReport,
    ProgressReportEvent,
    Project,
    ProjectIndicator,
)
from ..rules import COUNTED_REPORT_STATUSES, DEFAULT_DUE_DAY, REPORTING_STATUSES, report_due_date

REPORT_FIELDS = (
    "progress_percent", "progress_decrease_reason", "disbursed_cumulative", "over_disbursement_reason",
    "schedule_status", "work_done_th", "outputs_achieved_th", "problems_th", "help_needed_th", "next_month_plan_th",
)
EDITABLE_STATUSES = frozenset({ProgressReport.Status.DRAFT, ProgressReport.Status.RETURNED})


def due_day() -> int:
    return int(getattr(settings, "PROJECTS_REPORT_DUE_DAY", DEFAULT_DUE_DAY))


def previous_report(report: ProgressReport) -> ProgressReport | None:
    """The latest report sent to the province for an earlier month of the same project."""
    return (
        ProgressReport.objects.filter(project_id=report.project_id, month__lt=report.month,
                                      status__in=COUNTED_REPORT_STATUSES)
        .order_by("-month").first()
    )


def allocated_for(project: Project, fy_be: int) -> Decimal:
    total = BudgetLine.objects.filter(project=project, fiscal_year_be=fy_be).aggregate(s=Sum("allocated"))["s"]
    return total or Decimal("0")


def check_report_rules(report: ProgressReport) -> None:
    """Business rules checked when a report is sent (a draft may be saved with them unmet)."""
    errors: dict[str, list[str]] = {}
    prev = previous_report(report)
    if prev is not None and report.progress_percent < prev.progress_percent and not report.progress_decrease_reason.strip():
        errors.setdefault("progress_decrease_reason", []).append(message(
            ProjectErrorCode.PROGRESS_DECREASE, prev=prev.progress_percent, month=month_text(prev.month)))
    allocated = allocated_for(report.project, report.fiscal_year_be)
    if report.disbursed_cumulative > allocated and not report.over_disbursement_reason.strip():
        errors.setdefault("over_disbursement_reason", []).append(message(
            ProjectErrorCode.OVER_DISBURSEMENT, disbursed=f"{report.disbursed_cumulative:,.2f}",
            fy=report.fiscal_year_be, allocated=f"{allocated:,.2f}"))
    if report.schedule_status == ProgressReport.Schedule.DONE and report.progress_percent != 100:
        errors.setdefault("schedule_status", []).append(message(ProjectErrorCode.DONE_NOT_100))
    if not report.work_done_th.strip():
        errors.setdefault("work_done_th", []).append(message(ProjectErrorCode.WORK_DONE_REQUIRED))
    if errors:
        raise ValidationError(errors)


def _check_month(project: Project, month: dt.date) -> None:
    label = month_text(month, "long")
    if project.status not in REPORTING_STATUSES:
        raise ValidationError(
            message(ProjectErrorCode.REPORT_NOT_REPORTING, status=Project.Status(project.status).label),
            code=ProjectErrorCode.REPORT_NOT_REPORTING,
        )
    if month < month_start(project.start_date) or month > project.end_date:
        raise ValidationError({"month": message(ProjectErrorCode.REPORT_MONTH_OUTSIDE, month=label)},
                              code=ProjectErrorCode.REPORT_MONTH_OUTSIDE)
    if month > month_start(timezone.localdate()):
        raise ValidationError({"month": message(ProjectErrorCode.REPORT_MONTH_FUTURE, month=label)},
                              code=ProjectErrorCode.REPORT_MONTH_FUTURE)


def _set_indicator_values(report: ProgressReport, values: dict[int, Decimal | None]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    valid = set(ProjectIndicator.objects.filter(project_id=report.project_id).values_list("pk", flat=True))
    existing = {r.indicator_id: r for r in report.indicator_results.all()}
    for indicator_id, value in values.items():
        if indicator_id not in valid:
            continue
        current = existing.get(indicator_id)
        if value is None:
            if current is not None:
                current.delete()
                changes[f"indicator_{indicator_id}"] = [str(current.value), None]
            continue
        if value < 0:
            raise ValidationError({f"indicator_{indicator_id}": gettext("ผลตามตัวชี้วัดต้องไม่ติดลบ")})
        if current is None:
            IndicatorResult.objects.create(report=report, indicator_id=indicator_id, value=value)
            changes[f"indicator_{indicator_id}"] = [None, str(value)]
        elif current.value != value:
            changes[f"indicator_{indicator_id}"] = [str(current.value), str(value)]
            current.value = value
            current.save(update_fields=["value"])
    return changes


@transaction.atomic
def report_save(
    *, actor: Any, project: Project, month: dt.date, report: ProgressReport | None = None,
    indicator_values: dict[int, Decimal | None] | None = None, **fields: Any,
) -> ProgressReport:
    """Create or update the month's report as a draft (or keep it returned while being fixed)."""
    require(actor, "projects.report:write", project.agency_id)
    month = month_start(month)
    if report is None:
        _check_month(project, month)
        if ProgressReport.objects.filter(project=project, month=month).exists():
            raise ValidationError({"month": message(ProjectErrorCode.REPORT_DUPLICATE, month=month_text(month, "long"))},
                                  code=ProjectErrorCode.REPORT_DUPLICATE)
        report = ProgressReport(
            project=project, month=month, fiscal_year_be=fiscal_year_be(month),
            due_date=report_due_date(month, due_day()),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        before: dict[str, Any] = {}
        action = "projects.report.created"
    else:
        report = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if report.project_id != project.pk:
            raise ValidationError(gettext("รายงานไม่ได้อยู่ในโครงการนี้"))
        if report.status not in EDITABLE_STATUSES:
            raise ValidationError(message(ProjectErrorCode.REPORT_NOT_EDITABLE), code=ProjectErrorCode.REPORT_NOT_EDITABLE)
        before = snapshot(report, REPORT_FIELDS)
        action = "projects.report.updated"
    for key, value in fields.items():
        if key in REPORT_FIELDS:
            setattr(report, key, value.strip() if isinstance(value, str) else value)
    if report.progress_percent is None:
        raise ValidationError({"progress_percent": gettext("กรุณาระบุความก้าวหน้าทางกายภาพ (0–100%)")})
    report.full_clean()
    report.save()
    report.project = project
    changes = diff(before, snapshot(report, REPORT_FIELDS))
    if indicator_values:
        changes.update(_set_indicator_values(report, indicator_values))
    if changes:
        audit_log(actor=actor, action=action, obj=report, changes={"project": project.code, **changes},
                  agency_id=project.agency_id)
    return report


@transaction.atomic
def report_submit(*, actor: Any, report: ProgressReport) -> ProgressReport:
    """Send the report to the province; checks the business rules; the first sending time decides lateness."""
    project = report.project
    require(actor, "projects.report:write", project.agency_id)
    report = ProgressReport.objects.select_for_update().select_related("project").get(pk=report.pk)
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError(message(ProjectErrorCode.REPORT_NOT_EDITABLE), code=ProjectErrorCode.REPORT_NOT_EDITABLE)
    check_report_rules(report)
    now = timezone.now()
    resubmission = report.status == ProgressReport.Status.RETURNED
    report.status = ProgressReport.Status.SUBMITTED
    report.submitted_at = now
    report.first_submitted_at = report.first_submitted_at or now
    report.submitted_by = actor
    report.save(update_fields=["status", "submitted_at", "first_submitted_at", "submitted_by", "updated_at"])
    ProgressReportEvent.objects.create(
        report=report, actor=actor,
        action=ProgressReportEvent.Action.RESUBMITTED if resubmission else ProgressReportEvent.Action.SUBMITTED,
    )
    audit_log(actor=actor, action="projects.report.resubmitted" if resubmission else "projects.report.submitted",
              obj=report, changes={"status": ["returned" if resubmission else "draft", "submitted"],
                                   "late": report.is_late}, agency_id=report.project.agency_id)
    return report


def _review(actor: Any, report: ProgressReport, status: str, comment: str, action: str) -> ProgressReport:
    require(actor, "projects.report:review", report.project.agency_id)
    report = ProgressReport.objects.select_for_update().select_related("project").get(pk=report.pk)
    if report.status != ProgressReport.Status.SUBMITTED:
        raise ValidationError(message(ProjectErrorCode.NOT_SUBMITTED), code=ProjectErrorCode.NOT_SUBMITTED)
    report.status = status
    report.reviewed_at = timezone.now()
    report.reviewed_by = actor
    report.review_comment = comment
    report.save(update_fields=["status", "reviewed_at", "reviewed_by", "review_comment", "updated_at"])
    ProgressReportEvent.objects.create(report=report, actor=actor, action=status, comment=comment)
    audit_log(actor=actor, action=action, obj=report, changes={"status": ["submitted", status], "comment": comment},
              agency_id=report.project.agency_id)
    return report


@transaction.atomic
def report_return(*, actor: Any, report: ProgressReport, comment: str) -> ProgressReport:
    """Send the report back to the agency with what to fix (a comment is required)."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": message(ProjectErrorCode.COMMENT_REQUIRED)}, code=ProjectErrorCode.COMMENT_REQUIRED)
    return _review(actor, report, ProgressReport.Status.RETURNED, comment, "projects.report.returned")


@transaction.atomic
def report_accept(*, actor: Any, report: ProgressReport, comment: str = "") -> ProgressReport:
    return _review(actor, report, ProgressReport.Status.ACCEPTED, (comment or "").strip(), "projects.report.accepted")


@transaction.atomic
def evidence_add(*, actor: Any, report: ProgressReport, file: IO[bytes], name: str, size: int, caption_th: str = "") -> EvidenceFile:
    """Attach a JPEG, PNG or PDF (checked by content and size) to a report that can still be edited."""
    require(actor, "projects.report:write", report.project.agency_id)
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError(message(ProjectErrorCode.REPORT_NOT_EDITABLE), code=ProjectErrorCode.REPORT_NOT_EDITABLE)
    content_type, ext = check_evidence(file, size, name)
    evidence = EvidenceFile(
        report=report, original_name=(name or f"evidence{ext}")[:255], content_type=content_type, size=size,
        caption_th=(caption_th or "").strip()[:300], uploaded_by=actor,
    )
    evidence.file.save(f"upload{ext}", File(file), save=False)
    evidence.save()
    audit_log(actor=actor, action="projects.evidence.added", obj=report,
              changes={"file": evidence.original_name, "size": size, "type": content_type},
              agency_id=report.project.agency_id)
    return evidence


@transaction.atomic
def evidence_remove(*, actor: Any, evidence: EvidenceFile) -> None:
    report = evidence.report
    require(actor, "projects.report:write", report.project.agency_id)
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError(message(ProjectErrorCode.REPORT_NOT_EDITABLE), code=ProjectErrorCode.REPORT_NOT_EDITABLE)
    name = evidence.original_name
    stored = evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: evidence.file.storage.delete(stored))
    audit_log(actor=actor, action="projects.evidence.removed", obj=report, changes={"file": name},
              agency_id=report.project.agency_id)
