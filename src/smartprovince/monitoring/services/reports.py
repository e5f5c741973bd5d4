"""Requesting an executive report: an archive row and a job that fills it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from smartprovince.core.audit import audit_log
from smartprovince.core.i18n import error_text
from smartprovince.core.jobs import job_start
from smartprovince.core.permissions import require
from smartprovince.plans.models import Plan

from ..models import ReportArchive


@transaction.atomic
def report_request(*, actor: Any, kind: str, fmt: str, period_key: str) -> ReportArchive:
    """Queue the generation of a report; the file lands in the archive when the job succeeds."""
    from ..reports.data import report_period

    require(actor, "monitoring.report:generate")
    errors: dict[str, str] = {}
    if kind not in ReportArchive.Kind.values:
        errors["kind"] = gettext("กรุณาเลือกประเภทรายงาน")
    if fmt not in ReportArchive.Format.values:
        errors["format"] = gettext("กรุณาเลือกรูปแบบไฟล์")
    elif kind == ReportArchive.Kind.EMENSCR and fmt != ReportArchive.Format.XLSX:
        errors["format"] = gettext("การส่งออกสำหรับ eMENSCR มีเฉพาะรูปแบบ Excel (XLSX)")
    if errors:
        raise ValidationError(errors)
    plan = Plan.objects.filter(is_current=True).order_by("-fiscal_year_start_be").first()
    if plan is None:
        raise ValidationError(gettext("ยังไม่มีแผนที่ใช้อยู่"))
    try:
        period = report_period(kind, period_key, plan)
    except ValueError as exc:
        raise ValidationError({"period": error_text(exc)}) from None
    from ..reports.data import _title

    title = " ".join(_title(kind, plan, period)[0:1] + _title(kind, plan, period)[2:])
    if kind == ReportArchive.Kind.EMENSCR:
        title = f"ส่งออกความก้าวหน้าโครงการ (eMENSCR) ถึง {period.label}"
    archive = ReportArchive(
        kind=kind, format=fmt, period_key=period.key, fiscal_year_be=period.fiscal_year_be, title=title[:300],
        created_by=actor,
    )
    archive.full_clean()
    archive.save()
    job = job_start(
        kind="monitoring.report", title=f"สร้าง{title} ({fmt.upper()})"[:255], actor=actor,
        params={"archive_id": archive.pk},
    )
    archive.job = job
    archive.save(update_fields=["job"])
    audit_log(actor=actor, action="monitoring.report.requested", obj=archive,
              changes={"kind": kind, "format": fmt, "period": period.key})
    return archive
