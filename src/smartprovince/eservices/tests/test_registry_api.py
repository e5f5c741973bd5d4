"""The public registry API: the totals of its lists are counted once per data version."""

from __future__ import annotations

from typing import Any

from smartprovince.agencies import services as agency_services
from smartprovince.agencies.models import Agency
from smartprovince.eservices import services
from smartprovince.eservices.models import Channel, EService
from smartprovince.testing.api import cached_total


def test_service_and_channel_totals_follow_writes_of_services_and_agencies(
    client: Any, login: Any, admin_user: Any, agri_editor: Any, tourism_editor: Any,
) -> None:
    agri, tour = Agency.objects.get(code="SKN-AGRI"), Agency.objects.get(code="SKN-TOUR")
    farmer = services.eservice_create(actor=agri_editor, agency=agri, name_th="ขึ้นทะเบียนเกษตรกร", category="agriculture",
                                      digital_level=3)
    services.eservice_create(actor=agri_editor, agency=agri, name_th="ขอรับเมล็ดพันธุ์", category="agriculture",
                             digital_level=1)
    old = services.eservice_create(actor=agri_editor, agency=agri, name_th="บริการเลิกแล้ว", category="agriculture")
    services.eservice_update(actor=agri_editor, service=old, is_active=False)
    for name in ("ขออนุญาตจัดงาน", "จดทะเบียนธุรกิจนำเที่ยว"):
        services.eservice_create(actor=tourism_editor, agency=tour, name_th=name, category="tourism", digital_level=3)
    services.channel_create(actor=agri_editor, agency=agri, channel_type="website", address="https://agri.invalid/")
    services.channel_create(actor=agri_editor, agency=agri, service=farmer, channel_type="line_oa", address="@farmer")
    services.channel_create(actor=agri_editor, agency=agri, channel_type="counter", label_th="ชั้น 1")
    services.channel_create(actor=tourism_editor, agency=tour, channel_type="website", address="https://tour.invalid/")

    def visible_services() -> int:
        return EService.objects.filter(is_active=True, agency__is_active=True).count()

    def visible_channels() -> int:
        return Channel.objects.filter(is_active=True, agency__is_active=True).exclude(service__is_active=False).count()

    def totals(caller: Any) -> tuple[int, ...]:
        return (cached_total(caller, "/api/v1/eservices/"), cached_total(caller, "/api/v1/eservices/", {"agency": "SKN-AGRI"}),
                cached_total(caller, "/api/v1/eservices/", {"q": "เกษตรจังหวัด"}),  # the agency's name
                cached_total(caller, "/api/v1/eservices/", {"min_level": 3}),
                cached_total(caller, "/api/v1/channels/"), cached_total(caller, "/api/v1/channels/", {"agency": "SKN-AGRI"}),
                cached_total(caller, "/api/v1/channels/", {"digital": "true", "agency": "SKN-AGRI"}))

    level3 = EService.objects.filter(is_active=True, agency__is_active=True, digital_level__gte=3).count()
    expected = (visible_services(), 2, 2, level3, visible_channels(), 3, 2)
    # public lists: anonymous, an agency's editor and the province admin all get the same totals
    assert totals(client) == totals(login(agri_editor)) == totals(login(admin_user)) == expected
    # a service write is seen at once
    services.eservice_update(actor=agri_editor, service=farmer, is_active=False)  # its own channel goes too
    assert totals(client) == (expected[0] - 1, 1, 1, level3 - 1, expected[4] - 1, 2, 1)
    # so is an agency's: only active agencies' services and channels are listed
    agency_services.agency_update(actor=admin_user, agency=tour, is_active=False)
    assert totals(client) == (visible_services(), 1, 1, level3 - 3, visible_channels(), 2, 1)
    assert (visible_services(), visible_channels()) == (expected[0] - 3, expected[4] - 2)
