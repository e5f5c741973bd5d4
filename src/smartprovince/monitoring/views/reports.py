"""Executive reports: request (a job with a progress bar), archive, download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin
from smartprovince.core.thai_calendar import fiscal_quarter, fiscal_year_be

from .. import services
from ..forms import ReportRequestForm
from ..models import ReportArchive


def archive_list() -> object:
    return ReportArchive.objects.select_related("job", "created_by").order_by("-created_at", "-id")


class ReportListView(PermissionRequiredMixin, View):
    permission = "monitoring.report:read"
    write_permission = "monitoring.report:generate"

    def _render(self, request: HttpRequest, form: ReportRequestForm, status: int = 200) -> HttpResponse:
        page: Any = Paginator(archive_list(), 30).get_page(request.GET.get("page"))  # type: ignore[arg-type]
        return render(request, "monitoring/report_list.html", {"form": form, "page_obj": page, "archives": page.object_list},
                      status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form = ReportRequestForm(initial={
            "kind": "quarterly", "format": "pdf", "period": f"{fiscal_year_be(today)}-Q{fiscal_quarter(today)}",
        })
        return self._render(request, form)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ReportRequestForm(request.POST)
        if form.is_valid():
            try:
                archive = services.report_request(
                    actor=request.user, kind=form.cleaned_data["kind"], fmt=form.cleaned_data["format"],
                    period_key=form.cleaned_data["period"] or "",
                )
            except ValidationError as exc:
                apply_validation_error(form, exc, field_map={"format": "format", "period": "period", "kind": "kind"})
            else:
                messages.success(request, gettext("เริ่มจัดทำรายงานแล้ว"))
                return redirect("monitoring:report-detail", pk=archive.pk)
        return self._render(request, form, status=400)


class ReportDetailView(PermissionRequiredMixin, View):
    permission = "monitoring.report:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        archive = archive_list().filter(pk=pk).first()  # type: ignore[attr-defined]
        if archive is None:
            raise Http404
        return render(request, "monitoring/report_detail.html", {"archive": archive, "job": archive.job})


class ReportDownloadView(PermissionRequiredMixin, View):
    permission = "monitoring.report:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        archive = ReportArchive.objects.filter(pk=pk).first()
        if archive is None or not archive.file:
            raise Http404
        return FileResponse(archive.file.open("rb"), as_attachment=True, filename=archive.filename)
