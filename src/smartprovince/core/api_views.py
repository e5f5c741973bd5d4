"""Core API: administrative areas, and the public OpenAPI schema and docs."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import generics, serializers

from .models import Area


class AreaSerializer(serializers.ModelSerializer[Area]):
    parent_code = serializers.CharField(source="parent_id", allow_null=True, read_only=True)

    class Meta:
        model = Area
        fields = ["code", "level", "parent_code", "name_th", "name_en", "postcode"]


class AreaListApi(generics.ListAPIView[Area]):
    """Administrative areas of the province (DOPA codes). Filter with ``level`` and ``parent``."""

    public = True
    serializer_class = AreaSerializer
    pagination_class = None
    filterset_fields = ["level", "parent"]

    def get_queryset(self) -> QuerySet[Area]:
        return Area.objects.all().order_by("code")


class AreaDetailApi(generics.RetrieveAPIView[Area]):
    public = True
    serializer_class = AreaSerializer
    queryset = Area.objects.all()
    lookup_field = "code"


class SchemaView(SpectacularAPIView):
    public = True


class DocsView(SpectacularSwaggerSplitView):
    public = True
