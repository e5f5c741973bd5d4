from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from .. import selectors
from ..models import Goal, Indicator, IndicatorTarget, Mission, Plan, Strategy


class TargetSerializer(serializers.ModelSerializer[IndicatorTarget]):
    class Meta:
        model = IndicatorTarget
        fields = ["fiscal_year_be", "value", "is_derived"]


class IndicatorSerializer(serializers.ModelSerializer[Indicator]):
    targets = TargetSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id", "code", "scope", "name_th", "name_en", "unit_th", "unit_en", "direction", "baseline",
            "frequency", "measure", "metric", "accumulation", "targets",
        ]


class MissionSerializer(serializers.ModelSerializer[Mission]):
    class Meta:
        model = Mission
        fields = ["code", "name_th", "name_en"]


class GoalSerializer(serializers.ModelSerializer[Goal]):
    indicators = IndicatorSerializer(many=True, read_only=True)
    missions: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Goal
        fields = ["code", "name_th", "name_en", "missions", "indicators"]


class StrategySerializer(serializers.ModelSerializer[Strategy]):
    indicators = IndicatorSerializer(many=True, read_only=True)
    missions: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    goals: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    alignments: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Strategy
        fields = [
            "code", "number", "name_th", "name_en", "objective_th", "objective_en", "tactics_th", "tactics_en",
            "missions", "goals", "alignments", "indicators",
        ]


class PlanSummarySerializer(serializers.ModelSerializer[Plan]):
    class Meta:
        model = Plan
        fields = ["code", "title_th", "title_en", "province_code", "fiscal_year_start_be", "fiscal_year_end_be", "vision_th", "vision_en", "is_current"]


class PlanDetailSerializer(PlanSummarySerializer):
    missions = MissionSerializer(many=True, read_only=True)
    goals = GoalSerializer(many=True, read_only=True)
    strategies = StrategySerializer(many=True, read_only=True)
    province_indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta(PlanSummarySerializer.Meta):
        fields = [*PlanSummarySerializer.Meta.fields, "missions", "goals", "strategies", "province_indicators"]


class PlanListApi(generics.ListAPIView[Plan]):
    """Digital action plans (public)."""

    public = True
    serializer_class = PlanSummarySerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Plan]:
        return selectors.plan_list()


class PlanDetailApi(generics.GenericAPIView[Plan]):
    """A plan with its missions, goals, strategies and indicators with targets (public)."""

    public = True
    serializer_class = PlanDetailSerializer

    def get(self, request: Request, code: str, *args: Any, **kwargs: Any) -> Response:
        plan = selectors.plan_get(code=code)
        return Response(PlanDetailSerializer(plan).data)
