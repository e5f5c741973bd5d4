"""``/api/v1/initiatives/``: published smart-city initiatives."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from ..models import Initiative
from ..selectors import initiative_list


class InitiativeSerializer(serializers.ModelSerializer[Initiative]):
    agency_code = serializers.CharField(source="agency.code", read_only=True)
    domains: Any = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    sectors: Any = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    districts: Any = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")

    class Meta:
        model = Initiative
        fields = ["id", "title_th", "title_en", "summary_th", "agency_code", "domains", "sectors", "kind", "status",
                  "started_on", "operating_since", "certified_on", "ended_on", "districts", "website"]


class InitiativeListApi(generics.ListAPIView[Initiative]):
    """Filters: ``domain`` (environment, mobility, living, people, energy, economy, governance),
    ``sector`` (agriculture, trade, investment, tourism, other), ``status``, ``kind``."""

    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    serializer_class = InitiativeSerializer
    data_apps = ("smartcity",)

    def get_queryset(self) -> QuerySet[Initiative]:
        p = self.request.query_params
        return initiative_list(public=True, domain=p.get("domain", ""), sector=p.get("sector", ""),
                               status=p.get("status", ""), kind=p.get("kind", ""))


class InitiativeDetailApi(generics.RetrieveAPIView[Initiative]):
    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    serializer_class = InitiativeSerializer

    def get_queryset(self) -> QuerySet[Initiative]:
        return initiative_list(public=True)
