"""The public directory and the back-office registry: the agency picker filters, and the pages
cost the same number of queries whether the province has a handful or many agencies/services."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smartprovince.agencies.models import Agency
from smartprovince.eservices import services
from smartprovince.eservices.models import Channel, EService

pytestmark = pytest.mark.django_db

AGRI = "สำนักงานเกษตรจังหวัดสกลนคร"


@pytest.fixture
def registry(admin_user):
    made = {}
    for code in ("SKN-AGRI", "SKN-TOUR"):
        agency = Agency.objects.get(code=code)
        made[code] = services.eservice_create(actor=admin_user, agency=agency, name_th=f"บริการของ {code}", category="other", digital_level=3)
        services.channel_create(actor=admin_user, agency=agency, service=made[code], channel_type="eservice", address="https://e.invalid/")
        services.channel_create(actor=admin_user, agency=agency, service=made[code], channel_type="line_oa", address="@skn")
    return made


def grow(n_agencies: int = 60, per_agency: int = 3) -> None:
    """More agencies, each with services and channels (direct writes: only the volume matters)."""
    agencies = Agency.objects.bulk_create([Agency(code=f"GROW-{i:03}", name_th=f"หน่วยงานเพิ่ม {i:03}") for i in range(n_agencies)])
    rows = EService.objects.bulk_create([
        EService(agency=a, code=f"{a.code}-{j}", name_th=f"บริการเพิ่ม {a.code} {j}", category="other", digital_level=3)
        for a in agencies for j in range(per_agency)
    ])
    Channel.objects.bulk_create([Channel(agency=s.agency, service=s, channel_type="eservice", address="https://g.invalid/") for s in rows])


def queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


# ----------------------------------------------------------------- public directory

DIRECTORY = "/services/"


def test_directory_filters_by_code_as_before_and_by_typed_name(client, registry):
    agri, tour = (reverse("eservices_public:service", args=[registry[c].pk]) for c in ("SKN-AGRI", "SKN-TOUR"))
    for typed in ("SKN-AGRI", "เกษตรจังหวัด", f"{AGRI} (SKN-AGRI)"):
        html = client.get(DIRECTORY, {"agency": typed}).content.decode()
        assert agri in html and tour not in html, typed
        assert f'value="{AGRI} (SKN-AGRI)"' in html  # the chosen agency is shown by name


def test_directory_says_in_thai_when_no_agency_matches(client, registry):
    html = client.get(DIRECTORY, {"agency": "ไม่มีหน่วยงานนี้"}).content.decode()
    assert "ไม่พบหน่วยงานที่ตรงกับ “ไม่มีหน่วยงานนี้” ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัสหน่วยงาน" in html
    assert "พบ 0 งานบริการ" in html
    several = client.get(DIRECTORY, {"agency": "เกษตร"}).content.decode()
    assert "มีหลายหน่วยงานที่ตรงกับ “เกษตร”" in several and 'href="?agency=SKN-AGRI"' in several
    assert "พบ 0 งานบริการ" in several


def test_directory_lists_no_agency_options(client, registry):
    html = client.get(DIRECTORY).content.decode()
    assert "<option" not in html.split('id="category"')[0]
    assert 'hx-get="/lookup/agencies/?field=agency"' in html


def test_directory_queries_do_not_grow(client, registry):
    client.get(DIRECTORY)  # warm the site-state cache
    before, _ = queries(client, DIRECTORY)
    filtered, _ = queries(client, DIRECTORY, {"agency": "SKN-AGRI"})
    assert (before, filtered) == (2, 3)  # count + page; + the typed agency
    grow()
    after, html = queries(client, DIRECTORY)
    assert after == before and html.count('class="level level-3"') == 20
    assert queries(client, DIRECTORY, {"agency": "SKN-AGRI", "page": "1"})[0] == filtered


# ----------------------------------------------------------------- back-office registry

REGISTRY = "/app/eservices/"


def test_registry_filters_by_id_as_before_and_by_code(client, admin_user, registry):
    client.force_login(admin_user)
    agri = Agency.objects.get(code="SKN-AGRI")
    for typed in (str(agri.pk), "SKN-AGRI", "เกษตรจังหวัด"):
        html = client.get(REGISTRY, {"agency": typed}).content.decode()
        assert "บริการของ SKN-AGRI" in html and "บริการของ SKN-TOUR" not in html, typed
    html = client.get(REGISTRY, {"agency": "ไม่มีหน่วยงานนี้"}).content.decode()
    assert "ไม่พบหน่วยงานที่ตรงกับ" in html and "ยังไม่มีงานบริการ" in html


def test_registry_channel_counts_per_row(client, admin_user, registry):
    client.force_login(admin_user)
    services.channel_create(actor=admin_user, agency=registry["SKN-TOUR"].agency, channel_type="website", address="https://w.invalid/")
    Channel.objects.filter(service=registry["SKN-TOUR"], channel_type="line_oa").update(is_active=False)
    html = client.get(REGISTRY).content.decode()
    rows = {code: html.split(f"บริการของ {code}</a>")[1].split("</tr>")[0] for code in ("SKN-AGRI", "SKN-TOUR")}
    assert '<td class="num">2</td>' in rows["SKN-AGRI"] and '<td class="num">1</td>' in rows["SKN-TOUR"]


def test_editor_cannot_pick_another_agency(client, agri_editor, registry):
    client.force_login(agri_editor)
    tour = Agency.objects.get(code="SKN-TOUR")
    for typed in (str(tour.pk), "SKN-TOUR"):
        html = client.get(REGISTRY, {"agency": typed}).content.decode()
        assert "บริการของ SKN-TOUR" not in html and "ไม่พบหน่วยงานที่ตรงกับ" in html


def test_registry_queries_do_not_grow(client, admin_user, registry):
    client.force_login(admin_user)
    client.get(REGISTRY)  # warm the site-state cache
    before, _ = queries(client, REGISTRY)
    filtered, _ = queries(client, REGISTRY, {"agency": "SKN-AGRI"})
    # session, user, memberships, count, page, channel counts (+ the typed agency)
    assert (before, filtered) == (6, 7)
    grow()
    after, html = queries(client, REGISTRY)
    assert after == before and html.count('<td class="num">') == 50
    assert queries(client, REGISTRY, {"agency": "SKN-AGRI"})[0] == filtered
