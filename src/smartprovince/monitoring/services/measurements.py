"""Writes of measurements: computed snapshots and the reported-value workflow
(draft → submitted → approved or returned; only approved values count)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import PROVINCE_ADMIN, require, user_grants
from smartprovince.core.thai_calendar import Period
from smartprovince.plans.models import Indicator, Plan

from ..models import Measurement
from ..registry import metric_compute, metric_get

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# content signatures: the type is checked by content, not by the file name
_SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"PK\x03\x04": "application/zip",  # xlsx, docx
}
REPORT_FIELDS = ("value", "numerator", "denominator", "note_th", "evidence_url", "evidence_name", "status")


def _jsonable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return json.loads(json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False))


def _period_fields(period: Period) -> dict[str, Any]:
    return {
        "period_kind": period.kind, "period_key": period.key, "period_start": period.start,
        "period_end": period.end, "fiscal_year_be": period.fiscal_year_be,
    }


@transaction.atomic
def measurement_snapshot(*, actor: Any, period: Period, plan: Plan | None = None) -> dict[str, list[str]]:
    """Snapshot every computed indicator of the plan for ``period`` (idempotent: a second run
    replaces the same rows). Indicators whose metric is not registered are skipped and listed.
    ``actor`` None means the scheduler/command."""
    if actor is not None:
        require(actor, "monitoring.measurement:snapshot")
    plan = plan or Plan.objects.filter(is_current=True).order_by("-fiscal_year_start_be").first()
    result: dict[str, list[str]] = {"taken": [], "no_source": []}
    if plan is None or not plan.fiscal_year_start_be <= period.fiscal_year_be <= plan.fiscal_year_end_be:
        return result  # nothing to measure outside the plan's fiscal years
    indicators = Indicator.objects.filter(plan=plan, measure=Indicator.Measure.COMPUTED).order_by("order")
    now = timezone.now()
    for indicator in indicators:
        if metric_get(indicator.metric) is None:
            result["no_source"].append(indicator.code)
            continue
        computed = metric_compute(indicator.metric, period)
        assert computed is not None
        fields = {
            **_period_fields(period),
            "value": computed.value, "numerator": computed.numerator, "denominator": computed.denominator,
            "rows": _jsonable(computed.rows), "columns": [list(c) for c in computed.columns],
            "note_th": computed.note_th, "taken_at": now, "status": Measurement.Status.APPROVED,
        }
        m, created = Measurement.objects.update_or_create(
            indicator=indicator, period_key=period.key, source=Measurement.Source.COMPUTED, defaults=fields,
        )
        audit_log(
            actor=actor, action="monitoring.measurement.snapshotted", obj=m,
            changes={"period": period.key, "value": computed.value, "created": created},
        )
        result["taken"].append(indicator.code)
    return result


def _may_report(actor: Any, indicator: Indicator) -> None:
    if indicator.responsible_agency_id:
        require(actor, "monitoring.measurement:report", indicator.responsible_agency_id)
    elif PROVINCE_ADMIN not in user_grants(actor):
        # no responsible agency yet: only the province admin may enter the value
        raise PermissionDenied("monitoring.measurement:report")


def _decimal(value: Any, field: str, errors: dict[str, str], *, required: bool = False) -> Decimal | None:
    if value in (None, ""):
        if required:
            errors[field] = gettext("กรุณากรอกค่า")
        return None
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        errors[field] = gettext("ต้องเป็นตัวเลข")
        return None
    if not number.is_finite() or abs(number) >= Decimal("1e14"):
        errors[field] = gettext("ตัวเลขไม่ถูกต้อง")
        return None
    return number


def sniff_evidence(head: bytes) -> str | None:
    for magic, content_type in _SIGNATURES.items():
        if head.startswith(magic):
            return content_type
    return None


@transaction.atomic
def measurement_report_save(
    *,
    actor: Any,
    indicator: Indicator,
    period: Period,
    value: Any,
    numerator: Any = None,
    denominator: Any = None,
    note_th: str = "",
    evidence_url: str = "",
    evidence: IO[bytes] | None = None,
    evidence_name: str = "",
) -> Measurement:
    """Create or edit the agency's reported value of ``indicator`` for ``period`` (draft)."""
    _may_report(actor, indicator)
    errors: dict[str, str] = {}
    if indicator.measure != Indicator.Measure.REPORTED:
        raise ValidationError(gettext("ตัวชี้วัดนี้คำนวณจากข้อมูลในระบบ ไม่ต้องรายงานค่า"))
    if period.kind != indicator.frequency:
        errors["period"] = gettext("ตัวชี้วัดนี้รายงาน%(frequency)s กรุณาเลือกงวดให้ตรงกัน") % {
            "frequency": indicator.get_frequency_display()
        }
    plan = indicator.plan
    if not plan.fiscal_year_start_be <= period.fiscal_year_be <= plan.fiscal_year_end_be:
        errors["period"] = gettext("ปีงบประมาณต้องอยู่ในช่วงของแผน (%(start)s–%(end)s)") % {
            "start": plan.fiscal_year_start_be, "end": plan.fiscal_year_end_be
        }
    number = _decimal(value, "value", errors, required=True)
    num = _decimal(numerator, "numerator", errors)
    den = _decimal(denominator, "denominator", errors)
    content: bytes | None = None
    if evidence is not None:
        content = evidence.read(MAX_EVIDENCE_BYTES + 1)
        if len(content) > MAX_EVIDENCE_BYTES:
            errors["evidence"] = gettext("ไฟล์หลักฐานต้องมีขนาดไม่เกิน 10 MB")
        elif sniff_evidence(content[:16]) is None:
            errors["evidence"] = gettext("รับเฉพาะไฟล์ PDF, PNG, JPEG, XLSX หรือ DOCX")
    if errors:
        raise ValidationError(errors)
    m = Measurement.objects.select_for_update().filter(
        indicator=indicator, period_key=period.key, source=Measurement.Source.REPORTED
    ).first()
    creating = m is None
    if m is None:
        m = Measurement(indicator=indicator, source=Measurement.Source.REPORTED, created_by=actor, **_period_fields(period))
    elif m.status not in (Measurement.Status.DRAFT, Measurement.Status.RETURNED):
        raise ValidationError(
            gettext("ค่าของงวดนี้อยู่ในสถานะ “%(status)s” แก้ไขไม่ได้") % {"status": m.get_status_display()}
        )
    before = snapshot(m, REPORT_FIELDS)
    m.agency_id = indicator.responsible_agency_id
    m.value, m.numerator, m.denominator = number, num, den
    m.note_th = note_th.strip()
    m.evidence_url = evidence_url.strip()
    m.taken_at = timezone.now()
    if creating:
        m.status = Measurement.Status.DRAFT
    if content is not None:
        name = (evidence_name or "evidence")[:200]
        m.evidence.save(name, ContentFile(content), save=False)
        m.evidence_name = name
    m.full_clean()
    m.save()
    changes = snapshot(m, REPORT_FIELDS) if creating else diff(before, snapshot(m, REPORT_FIELDS))
    audit_log(
        actor=actor, action="monitoring.measurement.created" if creating else "monitoring.measurement.updated",
        obj=m, changes=changes,
    )
    return m


@transaction.atomic
def measurement_submit(*, actor: Any, measurement: Measurement) -> Measurement:
    m = Measurement.objects.select_for_update().select_related("indicator").get(pk=measurement.pk)
    _may_report(actor, m.indicator)
    if m.source != Measurement.Source.REPORTED or m.status not in (Measurement.Status.DRAFT, Measurement.Status.RETURNED):
        raise ValidationError(gettext("ส่งไม่ได้ เพราะค่านี้อยู่ในสถานะ “%(status)s”") % {"status": m.get_status_display()})
    if not m.evidence and not m.evidence_url:
        raise ValidationError({"evidence": gettext("กรุณาแนบไฟล์หลักฐานหรือระบุลิงก์แหล่งข้อมูลก่อนส่ง")})
    if m.value is None:
        raise ValidationError({"value": gettext("กรุณากรอกค่า")})
    m.status = Measurement.Status.SUBMITTED
    m.submitted_at = timezone.now()
    m.submitted_by = actor
    m.save(update_fields=["status", "submitted_at", "submitted_by"])
    audit_log(actor=actor, action="monitoring.measurement.submitted", obj=m, changes={"value": m.value, "period": m.period_key})
    return m


def _review(actor: Any, measurement: Measurement, status: str, comment: str, allowed: tuple[str, ...]) -> Measurement:
    require(actor, "monitoring.measurement:approve")
    m = Measurement.objects.select_for_update().get(pk=measurement.pk)
    if m.source != Measurement.Source.REPORTED or m.status not in allowed:
        raise ValidationError(
            gettext("ดำเนินการไม่ได้ เพราะค่านี้อยู่ในสถานะ “%(status)s”") % {"status": m.get_status_display()}
        )
    before = m.status
    m.status = status
    m.review_comment = comment.strip()
    m.reviewed_at = timezone.now()
    m.reviewed_by = actor
    m.save(update_fields=["status", "review_comment", "reviewed_at", "reviewed_by"])
    audit_log(
        actor=actor, action=f"monitoring.measurement.{status}", obj=m,
        changes={"status": [before, status], "comment": m.review_comment},
    )
    return m


@transaction.atomic
def measurement_approve(*, actor: Any, measurement: Measurement, comment: str = "") -> Measurement:
    return _review(actor, measurement, Measurement.Status.APPROVED, comment, (Measurement.Status.SUBMITTED,))


@transaction.atomic
def measurement_return(*, actor: Any, measurement: Measurement, comment: str) -> Measurement:
    """Send a value back to the agency (from submitted, or re-open an approved one), with a reason."""
    if not comment.strip():
        raise ValidationError({"comment": gettext("กรุณาระบุเหตุผลที่ส่งกลับ")})
    return _review(
        actor, measurement, Measurement.Status.RETURNED, comment, (Measurement.Status.SUBMITTED, Measurement.Status.APPROVED)
    )


def period_today(today: dt.date | None = None) -> Period:
    from smartprovince.core.thai_calendar import fiscal_quarter, fiscal_year_be, quarter_period

    day = today or timezone.localdate()
    return quarter_period(fiscal_year_be(day), fiscal_quarter(day))


@transaction.atomic
def measurement_snapshot_request(*, actor: Any, period: Period) -> Any:
    """Start a snapshot job for ``period`` (on demand from the UI)."""
    from smartprovince.core.jobs import job_start

    require(actor, "monitoring.measurement:snapshot")
    return job_start(
        kind="monitoring.measure", title=f"คำนวณตัวชี้วัดจากข้อมูลในระบบ งวด {period.label}", actor=actor,
        params={"period": period.key},
    )
