"""Long work as jobs: a ``Job`` row with status and progress, run through django-tasks.

Apps register a handler per job kind in their ``jobs.py``::

    @job_handler("datahub.ingest")
    def ingest(job: Job, report: ProgressReporter) -> dict: ...

``job_start`` creates the row and enqueues it after the transaction commits. With the default
immediate backend the job runs at once in the same process (no worker needed); with
``JOBS_BACKEND=database`` a ``smartprovince db_worker`` process runs it. A handler that raises
``JobError`` fails the job with that Thai message; any other exception fails it with a generic
Thai message and is logged. Handlers must write atomically so a failure leaves nothing
half-written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from .models import Job

logger = logging.getLogger(__name__)

Handler = Callable[[Job, "ProgressReporter"], dict[str, Any] | None]
_HANDLERS: dict[str, Handler] = {}


# Stored in Thai (a worker has no user language); job_status.html translates it when shown.
INTERNAL_ERROR = gettext_noop("เกิดข้อผิดพลาดภายในระบบ งานนี้ไม่ได้บันทึกข้อมูลใด ๆ กรุณาลองใหม่หรือติดต่อผู้ดูแลระบบ")


class JobError(Exception):
    """A failure to show the user as it is (Thai message)."""


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        if kind in _HANDLERS and _HANDLERS[kind] is not func:
            raise RuntimeError(f"job kind {kind!r} registered twice")
        _HANDLERS[kind] = func
        return func

    return register


class ProgressReporter:
    """Writes progress to the job row, at most once per percent."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self._last = -1

    def __call__(self, percent: float, message: str = "") -> None:
        value = max(0, min(100, int(percent)))
        if value == self._last and not message:
            return
        self._last = value
        fields: dict[str, Any] = {"progress": value}
        if message:
            fields["message"] = message
        Job.objects.filter(pk=self.job.pk).update(**fields)


def job_start(
    *,
    kind: str,
    title: str,
    actor: Any = None,
    params: dict[str, Any] | None = None,
    agency_id: int | None = None,
) -> Job:
    """Create a job row and run it (now, or by a worker) once the current transaction commits."""
    if kind not in _HANDLERS:
        raise RuntimeError(f"no handler for job kind {kind!r}")
    job = Job.objects.create(
        kind=kind,
        title=title,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        params=params or {},
        agency_id=agency_id,
    )
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def job_run(job_id: int) -> Job:
    """Run one job synchronously (the task body; also used by tests and commands)."""
    job = Job.objects.get(pk=job_id)
    if job.is_done:
        return job  # idempotent: a retried task does nothing twice
    handler = _HANDLERS[job.kind]
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    job.refresh_from_db()
    try:
        result = handler(job, ProgressReporter(job)) or {}
    except JobError as exc:
        _finish(job, Job.Status.FAILED, error=str(exc))
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.Status.FAILED, error=INTERNAL_ERROR)
    else:
        job.refresh_from_db()
        _finish(job, Job.Status.SUCCEEDED, result=result)
    job.refresh_from_db()
    return job


def _finish(job: Job, status: str, *, error: str = "", result: dict[str, Any] | None = None) -> None:
    fields: dict[str, Any] = {"status": status, "finished_at": timezone.now(), "error": error}
    if status == Job.Status.SUCCEEDED:
        fields["progress"] = 100
        fields["result"] = result or {}
    Job.objects.filter(pk=job.pk).update(**fields)


@task()
def run_job(job_id: int) -> None:
    job_run(job_id)
