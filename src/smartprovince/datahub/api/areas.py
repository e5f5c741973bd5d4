"""Area profile as JSON: the latest values of every dataset keyed to an area."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from smartprovince.core.models import Area

from .. import profiles


class AreaProfileApi(APIView):
    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, code: str) -> Response:
        area = get_object_or_404(Area, code=code)
        blocks = profiles.area_profile(area, actor=request.user)
        data: dict[str, Any] = {
            "area": {"code": area.code, "level": area.level, "name_th": area.name_th, "name_en": area.name_en},
            "datasets": [
                {"dataset": b["dataset"].name, "title": b["dataset"].title, "agency": b["agency"].code,
                 "agency_name": b["agency"].name_th, "resource_id": str(b["resource"].pk), "period": b["period"],
                 "columns": b["columns"], "rows": b["rows"]}
                for b in blocks
            ],
        }
        return Response(data)
