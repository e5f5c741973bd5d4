"""``/api/v1/projects/{id}/reports/``: list, create (a draft), update a draft, submit."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from smartprovince.core.permissions import has_perm

from .. import selectors, services
from ..models import ProgressReport
from ..services.reports import REPORT_FIELDS


class ReportSerializer(serializers.ModelSerializer[ProgressReport]):
    is_late = serializers.BooleanField(read_only=True)
    month = serializers.DateField(help_text=_("วันใดก็ได้ของเดือนที่รายงาน (ระบบใช้วันที่ 1)"))

    class Meta:
        model = ProgressReport
        fields = [
            "id", "month", "fiscal_year_be", "due_date", *REPORT_FIELDS, "status", "first_submitted_at",
            "submitted_at", "reviewed_at", "review_comment", "is_late",
        ]
        read_only_fields = ["fiscal_year_be", "due_date", "status", "first_submitted_at", "submitted_at",
                            "reviewed_at", "review_comment"]


def _project_for_write(request: Request, pk: int) -> Any:
    project = selectors.access_project(actor=request.user, id=pk)
    if not has_perm(request.user, "projects.report:write", project.agency_id):
        raise Http404
    return project


class ReportListApi(generics.ListAPIView[ProgressReport]):
    """Monthly reports of a project (newest first); POST creates the month's report as a draft."""

    queryset = ProgressReport.objects.none()  # schema generation; rows come from get_queryset

    permission = "projects.project:read"
    write_permission = "projects.report:write"
    serializer_class = ReportSerializer

    def get_queryset(self) -> Any:
        project = selectors.access_project(actor=self.request.user, id=self.kwargs["pk"])
        return project.reports.order_by("-month")

    def post(self, request: Request, pk: int) -> Response:
        project = _project_for_write(request, pk)
        data = ReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        month = values.pop("month")
        report = services.report_save(actor=request.user, project=project, month=month, **values)
        if request.query_params.get("submit") in ("1", "true"):
            report = services.report_submit(actor=request.user, report=report)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)


class ReportDetailApi(generics.GenericAPIView[ProgressReport]):
    permission = "projects.project:read"
    write_permission = "projects.report:write"
    serializer_class = ReportSerializer

    def _report(self, request: Request, pk: int, report_id: int) -> ProgressReport:
        report = selectors.access_report(actor=request.user, id=report_id)
        if report.project_id != pk:
            raise Http404
        return report

    def get(self, request: Request, pk: int, report_id: int) -> Response:
        return Response(ReportSerializer(self._report(request, pk, report_id)).data)

    def patch(self, request: Request, pk: int, report_id: int) -> Response:
        report = self._report(request, pk, report_id)
        project = _project_for_write(request, pk)
        data = ReportSerializer(report, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values.pop("month", None)
        report = services.report_save(actor=request.user, project=project, month=report.month, report=report, **values)
        return Response(ReportSerializer(report).data)


class ReportSubmitApi(generics.GenericAPIView[ProgressReport]):
    """Send a draft (or returned) report to the province; the business rules are checked here."""

    permission = "projects.project:read"
    write_permission = "projects.report:write"
    serializer_class = ReportSerializer

    def post(self, request: Request, pk: int, report_id: int) -> Response:
        report = selectors.access_report(actor=request.user, id=report_id)
        if report.project_id != pk or not has_perm(request.user, "projects.report:write", report.project.agency_id):
            raise Http404
        report = services.report_submit(actor=request.user, report=report)
        return Response(ReportSerializer(report).data)
