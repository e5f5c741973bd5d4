from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .sitestate import demo_loaded


def platform(request: HttpRequest) -> dict[str, Any]:
    return {
        "PLATFORM_NAME_TH": settings.PLATFORM_NAME_TH,
        "PLATFORM_NAME_EN": settings.PLATFORM_NAME_EN,
        "DEMO_MODE": demo_loaded(),
    }
