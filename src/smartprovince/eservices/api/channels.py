"""Public read API of the channel registry."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import generics, serializers

from ..choices import NON_DIGITAL_CHANNEL_TYPES, ChannelType
from ..models import Channel


class ChannelSerializer(serializers.ModelSerializer[Channel]):
    agency_code = serializers.CharField(source="agency.code", read_only=True)
    service_id = serializers.IntegerField(allow_null=True, read_only=True)
    channel_type_label = serializers.CharField(source="get_channel_type_display", read_only=True)
    is_digital = serializers.BooleanField(read_only=True)

    class Meta:
        model = Channel
        fields = [
            "id", "agency_code", "service_id", "channel_type", "channel_type_label", "is_digital", "label_th", "address",
            "started_on", "last_verified_on", "last_checked_at", "last_check_ok",
        ]


class ChannelListApi(generics.ListAPIView[Channel]):
    """Active channels of active agencies (public). Filters: ``agency`` (code), ``service`` (id),
    ``type``, ``digital`` (``true``/``false``)."""

    public = True
    serializer_class = ChannelSerializer
    filter_backends: list = []
    data_apps = ("eservices", "agencies")  # only active agencies' channels; the ``agency`` filter matches its code

    def get_queryset(self) -> QuerySet[Channel]:
        params = self.request.query_params
        qs = Channel.objects.filter(is_active=True, agency__is_active=True).select_related("agency")
        qs = qs.exclude(service__is_active=False)
        if params.get("agency"):
            qs = qs.filter(agency__code=params["agency"])
        if params.get("service", "").isdigit():
            qs = qs.filter(service_id=int(params["service"]))
        if params.get("type") in ChannelType.values:
            qs = qs.filter(channel_type=params["type"])
        digital = params.get("digital", "").lower()
        if digital in {"true", "1"}:
            qs = qs.exclude(channel_type__in=NON_DIGITAL_CHANNEL_TYPES)
        elif digital in {"false", "0"}:
            qs = qs.filter(channel_type__in=NON_DIGITAL_CHANNEL_TYPES)
        return qs.order_by("agency__code", "service_id", "channel_type", "pk")
