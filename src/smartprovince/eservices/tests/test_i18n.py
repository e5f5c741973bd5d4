"""e-services back-office flash messages in the user's language (the same Thai as before otherwise)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from smartprovince.agencies.models import Agency
from smartprovince.eservices.models import EService, UsageStat

pytestmark = pytest.mark.django_db


def _post(client: Client, language: str, url: str, data: dict[str, Any]) -> list[str]:
    if language == "en":
        client.cookies["django_language"] = "en"
    try:
        response = client.post(url, data, follow=True)  # the page shows the message (and consumes it)
    finally:
        client.cookies.pop("django_language", None)
        translation.activate("th")  # the middleware leaves the last request's language active in this thread
    assert response.redirect_chain and response.redirect_chain[0][1] == 302
    return re.findall(r'<li class="msg-success">(.*?)</li>', response.content.decode())


@pytest.mark.parametrize(("language", "created", "recorded"), [
    ("en", "Service “ขอรับพันธุ์พืช” added (code {code})", "Usage statistics for ขอรับพันธุ์พืช, October 2021 saved"),
    ("th", "เพิ่มงานบริการ “ขอรับพันธุ์พืช” แล้ว (รหัส {code})", "บันทึกสถิติ ขอรับพันธุ์พืช เดือนตุลาคม 2564 แล้ว"),
])
def test_service_and_usage_flash(client: Client, agri_editor: Any, language: str, created: str, recorded: str) -> None:
    client.force_login(agri_editor)
    agri = Agency.objects.get(code="SKN-AGRI")
    flashes = _post(client, language, reverse("eservices:service-create"), {
        "agency": agri.pk, "name_th": "ขอรับพันธุ์พืช", "category": "agriculture", "fee_baht": "0",
        "processing_time_unit": "working_days", "digital_level": "3", "is_active": "on",
    })
    service = EService.objects.get(name_th="ขอรับพันธุ์พืช")
    assert flashes == [created.format(code=service.code)]
    flashes = _post(client, language, reverse("eservices:usage-record"), {
        "service": service.pk, "channel_type": "eservice", "month": 10, "year_be": 2564, "transactions": 40,
    })
    assert flashes == [recorded]
    assert list(UsageStat.objects.values_list("service", "transactions")) == [(service.pk, 40)]
