"""``/api/v1/activities/``: published public digital-literacy activities."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from ..models import PublicActivity
from ..selectors import activity_list


class ActivitySerializer(serializers.ModelSerializer[PublicActivity]):
    agency_code = serializers.CharField(source="agency.code", read_only=True)
    district_code = serializers.CharField(source="district_id", read_only=True)
    district_name_th = serializers.CharField(source="district.name_th", read_only=True)
    topics = serializers.ListField(source="topic_list", child=serializers.CharField(), read_only=True)

    class Meta:
        model = PublicActivity
        fields = ["id", "title_th", "description_th", "held_on", "ends_on", "district_code", "district_name_th",
                  "place_th", "target_group", "participants", "topics", "agency_code"]


class ActivityListApi(generics.ListAPIView[PublicActivity]):
    """Filters: ``year`` (fiscal year BE), ``district`` (4-digit DOPA code)."""

    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    serializer_class = ActivitySerializer
    data_apps = ("training",)

    def get_queryset(self) -> QuerySet[PublicActivity]:
        p = self.request.query_params
        return activity_list(public=True, year_be=int(p["year"]) if p.get("year", "").isdigit() else None,
                             district=p.get("district", ""))


class ActivityDetailApi(generics.RetrieveAPIView[PublicActivity]):
    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    serializer_class = ActivitySerializer

    def get_queryset(self) -> QuerySet[PublicActivity]:
        return activity_list(public=True)
