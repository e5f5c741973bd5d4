"""Job handlers: executive report generation and on-demand metric snapshots.

Progress texts are stored as Thai msgids without parameters (a worker has no user language):
``core/job_status.html`` translates them when the page shows them."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from smartprovince.core.jobs import JobError, ProgressReporter, job_handler
from smartprovince.core.models import Job
from smartprovince.core.thai_calendar import parse_period_key

from .models import ReportArchive


@job_handler("monitoring.report")
def generate_report(job: Job, report: ProgressReporter) -> dict[str, Any]:
    from .reports import build_report

    archive = ReportArchive.objects.filter(pk=job.params.get("archive_id")).first()
    if archive is None:
        raise JobError(gettext_noop("ไม่พบรายการรายงานที่ขอ"))
    try:
        content, filename = build_report(archive, report)
    except ValueError as exc:
        raise JobError(str(exc)) from None
    report(90, gettext_noop("กำลังบันทึกไฟล์"))
    with transaction.atomic():
        archive.file.save(filename, ContentFile(content), save=False)
        archive.filename = filename
        archive.size = len(content)
        archive.generated_at = timezone.now()
        archive.save(update_fields=["file", "filename", "size", "generated_at"])
        Job.objects.filter(pk=job.pk).update(result_file=archive.file.name)
    return {"filename": filename, "archive_id": archive.pk, "size": len(content)}


@job_handler("monitoring.measure")
def measure(job: Job, report: ProgressReporter) -> dict[str, Any]:
    from .services.measurements import measurement_snapshot

    try:
        period = parse_period_key(job.params["period"])
    except (KeyError, ValueError) as exc:
        raise JobError(str(exc)) from None
    report(10, gettext_noop("กำลังคำนวณตัวชี้วัด"))  # the job's title names the period
    result = measurement_snapshot(actor=job.actor, period=period)
    return {"period": period.key, **result}
