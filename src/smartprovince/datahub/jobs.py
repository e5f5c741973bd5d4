"""Job handlers: loading a resource version into the datastore."""

from __future__ import annotations

from typing import Any

from smartprovince.core.audit import audit_log
from smartprovince.core.jobs import JobError, ProgressReporter, job_handler
from smartprovince.core.models import Job

from .ingest.errors import IngestError
from .ingest.loader import load_version
from .models import ResourceVersion


@job_handler("datahub.ingest")
def ingest(job: Job, report: ProgressReporter) -> dict[str, Any]:
    version = ResourceVersion.objects.select_related("resource__dataset").get(pk=job.params["version_id"])
    try:
        result = load_version(version, report)
    except IngestError as exc:
        ResourceVersion.objects.filter(pk=version.pk).update(status=ResourceVersion.Status.FAILED, error=str(exc))
        raise JobError(f"{exc} — ข้อมูลฉบับก่อนหน้า (ถ้ามี) ยังใช้งานได้ตามเดิม") from exc
    except Exception:
        ResourceVersion.objects.filter(pk=version.pk).update(
            status=ResourceVersion.Status.FAILED, error="เกิดข้อผิดพลาดภายในระบบระหว่างโหลดข้อมูล"
        )
        raise
    version.refresh_from_db()
    audit_log(actor=job.actor, action="datahub.resource.loaded", obj=version.resource,
              agency_id=version.resource.dataset.agency_id,
              changes={"version": version.number, "rows_loaded": version.rows_loaded,
                       "rows_rejected": version.rows_rejected})
    message = f"โหลดสำเร็จ {version.rows_loaded:,} แถว"
    if version.rows_rejected:
        message += f" ปฏิเสธ {version.rows_rejected:,} แถว (ดูรายการบรรทัดและเหตุผล)"
    report(100, message)
    return result
