from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import generics, serializers

from ..models import Agency
from ..selectors import agency_list


class AgencySerializer(serializers.ModelSerializer[Agency]):
    district_code = serializers.CharField(source="district_id", allow_null=True, read_only=True)

    class Meta:
        model = Agency
        fields = ["id", "code", "name_th", "name_en", "short_name_th", "kind", "parent_ministry_th", "district_code", "website", "is_active"]


class AgencyListApi(generics.ListAPIView[Agency]):
    """Agencies taking part in the provincial plan (public). Filters: ``kind``, ``q``."""

    public = True
    serializer_class = AgencySerializer
    filterset_fields = ["kind", "district"]
    data_apps = ("agencies",)

    def get_queryset(self) -> QuerySet[Agency]:
        return agency_list(search=self.request.query_params.get("q", ""))


class AgencyDetailApi(generics.RetrieveAPIView[Agency]):
    public = True
    serializer_class = AgencySerializer
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Agency]:
        return agency_list()
