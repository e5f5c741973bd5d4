"""Corrective actions (the Act of PDCA)."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import generics, serializers

from .. import selectors
from ..models import CorrectiveAction


class CorrectiveActionSerializer(serializers.ModelSerializer[CorrectiveAction]):
    indicator = serializers.CharField(source="indicator.code", allow_null=True, default=None)
    project = serializers.CharField(source="project.code", allow_null=True, default=None)
    owner_agency = serializers.CharField(source="owner_agency.code")
    owner_agency_th = serializers.CharField(source="owner_agency.name_th")
    status_th = serializers.CharField(source="get_status_display")

    class Meta:
        model = CorrectiveAction
        fields = [
            "id", "indicator", "project", "fiscal_year_be", "period_key", "problem_th", "action_th", "owner_agency",
            "owner_agency_th", "due_date", "status", "status_th", "result_th", "closed_on", "created_at", "updated_at",
        ]


class CorrectiveActionListApi(generics.ListAPIView[CorrectiveAction]):
    """Corrective actions the caller may see. Filters: ``fy``, ``status`` (``open`` = not finished)."""

    permission = "monitoring.corrective_action:read"
    serializer_class = CorrectiveActionSerializer
    data_apps = ("monitoring",)  # the caller's agencies are ids in the query's SQL: each scope is counted on its own

    def get_queryset(self) -> QuerySet[CorrectiveAction]:
        fy = self.request.query_params.get("fy", "")
        return selectors.corrective_action_list(
            actor=self.request.user, fiscal_year_be=int(fy) if fy.isdigit() else None,
            status=self.request.query_params.get("status", ""),
        )
