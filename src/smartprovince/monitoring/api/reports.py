"""The executive report archive: list and download."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from ..models import ReportArchive


class ReportArchiveSerializer(serializers.ModelSerializer[ReportArchive]):
    status = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ReportArchive
        fields = ["id", "kind", "format", "period_key", "fiscal_year_be", "title", "filename", "size", "created_at",
                  "generated_at", "status", "download_url"]

    def get_status(self, obj: ReportArchive) -> str:
        if obj.file:
            return "ready"
        return obj.job.status if obj.job else "pending"

    def get_download_url(self, obj: ReportArchive) -> str | None:
        if not obj.file:
            return None
        return reverse("api-report-download", args=[obj.pk], request=self.context.get("request"))


class ReportListApi(generics.ListAPIView[ReportArchive]):
    """Generated executive reports, newest first. Filter: ``kind``, ``fiscal_year_be``."""

    permission = "monitoring.report:read"
    serializer_class = ReportArchiveSerializer
    filterset_fields = ["kind", "fiscal_year_be", "format"]

    def get_queryset(self) -> QuerySet[ReportArchive]:
        return ReportArchive.objects.select_related("job").order_by("-created_at", "-id")


class ReportDownloadApi(APIView):
    """The report file."""

    permission = "monitoring.report:read"

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> FileResponse:
        archive = ReportArchive.objects.filter(pk=pk).first()
        if archive is None or not archive.file:
            raise Http404
        return FileResponse(archive.file.open("rb"), as_attachment=True, filename=archive.filename)
