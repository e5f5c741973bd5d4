"""Public read API of the service registry."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import generics, serializers

from ..choices import ServiceCategory
from ..models import Channel, EService
from ..selectors import eservice_public_list


class ChannelBriefSerializer(serializers.ModelSerializer[Channel]):
    channel_type_label = serializers.CharField(source="get_channel_type_display", read_only=True)
    is_digital = serializers.BooleanField(read_only=True)

    class Meta:
        model = Channel
        fields = ["id", "channel_type", "channel_type_label", "is_digital", "label_th", "address", "last_verified_on"]


class EServiceSerializer(serializers.ModelSerializer[EService]):
    agency_code = serializers.CharField(source="agency.code", read_only=True)
    agency_name_th = serializers.CharField(source="agency.name_th", read_only=True)
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    digital_level_label = serializers.CharField(source="get_digital_level_display", read_only=True)

    class Meta:
        model = EService
        fields = [
            "id", "code", "name_th", "description_th", "agency_code", "agency_name_th", "category", "category_label",
            "legal_basis_th", "fee_baht", "fee_note_th", "processing_time", "processing_time_unit", "digital_level",
            "digital_level_label", "url", "launched_on",
        ]


class EServiceDetailSerializer(EServiceSerializer):
    channels = ChannelBriefSerializer(source="active_channels", many=True, read_only=True)

    class Meta(EServiceSerializer.Meta):
        fields = [*EServiceSerializer.Meta.fields, "channels"]


class EServiceListApi(generics.ListAPIView[EService]):
    """Services citizens can use (public). Filters: ``q`` (Thai text), ``agency`` (code),
    ``category``, ``min_level`` (1–4; 3 = online submission or better)."""

    public = True
    serializer_class = EServiceSerializer
    filter_backends: list = []
    data_apps = ("eservices", "agencies")  # only active agencies' services; the agency's code and names are matched

    def get_queryset(self) -> QuerySet[EService]:
        params = self.request.query_params
        category = params.get("category", "")
        try:
            min_level = int(params.get("min_level", "") or 0) or None
        except ValueError:
            min_level = None
        return eservice_public_list(
            search=params.get("q", "")[:100], agency_code=params.get("agency", ""),
            category=category if category in ServiceCategory.values else "", min_level=min_level,
        )


class EServiceDetailApi(generics.RetrieveAPIView[EService]):
    """One service with its active channels (service-level and its agency's)."""

    public = True
    serializer_class = EServiceDetailSerializer

    def get_object(self) -> EService:
        from ..selectors import channels_for_service, eservice_public_get

        service = eservice_public_get(pk=int(self.kwargs["pk"]))
        own, agency = channels_for_service(service)
        service.active_channels = own + agency  # type: ignore[attr-defined]
        return service


__all__ = ["EServiceDetailApi", "EServiceListApi"]
