"""Indicators with current value, target and status; their measurements."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors
from ..models import Measurement
from ..selectors.overview import current_plan, resolve_period


class IndicatorStatusSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="indicator.pk")
    code = serializers.CharField(source="indicator.code")
    scope = serializers.CharField(source="indicator.scope")
    name_th = serializers.CharField(source="indicator.name_th")
    unit_th = serializers.CharField(source="indicator.unit_th")
    direction = serializers.CharField(source="indicator.direction")
    accumulation = serializers.CharField(source="indicator.accumulation")
    measure = serializers.CharField(source="indicator.measure")
    metric = serializers.CharField(source="indicator.metric")
    has_source = serializers.BooleanField()
    value = serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True)
    value_period = serializers.SerializerMethodField()
    annual_target = serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True)
    period_target = serializers.DecimalField(max_digits=18, decimal_places=2, allow_null=True)
    achievement_percent = serializers.DecimalField(source="assessment.achievement", max_digits=10, decimal_places=2, allow_null=True)
    status = serializers.CharField()
    status_th = serializers.CharField(source="assessment.label_th")
    targets = serializers.SerializerMethodField()

    def get_value_period(self, row: Any) -> str | None:
        return row.measurement.period_key if row.measurement else None

    def get_targets(self, row: Any) -> dict[str, str]:
        return {str(fy): str(v) for fy, v in row.targets.items()}


class IndicatorListResponseSerializer(serializers.Serializer[Any]):
    plan = serializers.CharField()
    period = serializers.CharField()
    period_th = serializers.CharField()
    results = IndicatorStatusSerializer(many=True)


class IndicatorListApi(APIView):
    """Every indicator of the current plan with its current value, target and status.

    Filters: ``fy`` (BE fiscal year), ``q`` (quarter 1–4) or ``m`` (fiscal month 1–12)."""

    permission = "monitoring.indicator:read"

    @extend_schema(
        parameters=[OpenApiParameter("fy", int), OpenApiParameter("q", int), OpenApiParameter("m", int)],
        responses=IndicatorListResponseSerializer,
    )
    def get(self, request: Request) -> Response:
        plan = current_plan()
        p = request.query_params
        period = resolve_period(plan, fy=p.get("fy"), quarter=p.get("q"), month=p.get("m"), today=timezone.localdate())
        rows = selectors.indicator_rows(plan, period)
        return Response({
            "plan": plan.code, "period": period.key, "period_th": period.label,
            "results": IndicatorStatusSerializer(rows, many=True).data,
        })


class MeasurementSerializer(serializers.ModelSerializer[Measurement]):
    agency = serializers.CharField(source="agency.code", allow_null=True, default=None)

    class Meta:
        model = Measurement
        fields = [
            "id", "period_kind", "period_key", "period_start", "period_end", "fiscal_year_be", "value", "numerator",
            "denominator", "source", "status", "taken_at", "agency", "note_th",
        ]


class MeasurementListApi(generics.ListAPIView[Measurement]):
    """Measurements of one indicator, newest first (unapproved reported values only for their
    agency and the approvers)."""

    permission = "monitoring.indicator:read"
    serializer_class = MeasurementSerializer
    queryset = Measurement.objects.none()  # schema generation; rows come from get_queryset

    def get_queryset(self) -> QuerySet[Measurement]:
        indicator = selectors.access_indicator(actor=self.request.user, id=self.kwargs["pk"])
        return selectors.measurement_history(indicator, actor=self.request.user)


class MeasurementRowsApi(APIView):
    """The rows a measurement counted (the drill-down of one number)."""

    permission = "monitoring.dashboard:read"

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, pk: int) -> Response:
        m = selectors.access_measurement(actor=request.user, id=pk)
        return Response({"id": m.pk, "columns": m.columns, "rows": m.rows, "value": m.value,
                         "numerator": m.numerator, "denominator": m.denominator})
