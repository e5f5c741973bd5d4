from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.views import View

from smartprovince.core.models import Job
from smartprovince.core.permissions import PROVINCE_ADMIN, PermissionRequiredMixin, user_grants


def access_job(*, actor: Any, job_id: int) -> Job:
    """A job is visible to the user who started it and to province admins; else 404."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or (job.actor_id != actor.pk and PROVINCE_ADMIN not in user_grants(actor)):
        raise Http404
    return job


class JobStatusView(PermissionRequiredMixin, View):
    permission = "core.job:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = access_job(actor=request.user, job_id=pk)
        return render(request, "core/job_status.html", {"job": job})


class JobDownloadView(PermissionRequiredMixin, View):
    permission = "core.job:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        job = access_job(actor=request.user, job_id=pk)
        if not job.result_file:
            raise Http404
        name = job.result.get("filename") or job.result_file.name.rsplit("/", 1)[-1]
        return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=name)
