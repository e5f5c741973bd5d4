"""The staff register page: the agency picker chooses the register, and the page costs the same
number of queries whatever the number of agencies and staff."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartprovince.agencies.models import Agency
from smartprovince.training.models import Person

from . import factories as f

pytestmark = pytest.mark.django_db

URL = "/app/training/staff/"
AGRI = "สำนักงานเกษตรจังหวัดสกลนคร"


@pytest.fixture
def staff():
    return {"agri": f.person("SKN-AGRI", "เกษตรกรชาย"), "tour": f.person("SKN-TOUR", "ท่องเที่ยวหญิง")}


def queries(client, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params or {})
    return response, len(ctx.captured_queries)


def test_admin_picks_by_code_or_typed_name(login, admin_user, staff):
    client = login(admin_user)
    for typed in ("SKN-AGRI", "skn-agri", "เกษตรจังหวัด", f"{AGRI} (SKN-AGRI)"):
        html = client.get(URL, {"agency": typed}).content.decode()
        assert "เกษตรกรชาย" in html and "ท่องเที่ยวหญิง" not in html, typed
        assert f"<h1>ทะเบียนบุคลากร · {AGRI}</h1>" in html
        assert f'value="{AGRI} (SKN-AGRI)"' in html


def test_default_register_is_the_first_agency_by_name(login, admin_user, staff):
    first = Agency.objects.filter(is_active=True).order_by("name_th").first()
    html = login(admin_user).get(URL).content.decode()
    assert f"<h1>ทะเบียนบุคลากร · {first.name_th}</h1>" in html
    assert 'hx-get="/lookup/agencies/?field=agency&amp;perm=training.staff%3Aread_personal"' in html
    assert "<option value=\"SKN" not in html  # no list of every agency


def test_thai_message_when_the_typed_name_is_no_agency(login, admin_user, staff):
    response = login(admin_user).get(URL, {"agency": "ไม่มีหน่วยงานนี้"})
    html = response.content.decode()
    assert response.status_code == 404
    assert "ไม่พบหน่วยงานที่ตรงกับ “ไม่มีหน่วยงานนี้” ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัสหน่วยงาน" in html
    assert "staff-table" not in html


def test_several_agencies_match(login, admin_user, staff):
    response = login(admin_user).get(URL, {"agency": "เกษตร", "status": "all"})
    html = response.content.decode()
    assert response.status_code == 200 and "มีหลายหน่วยงานที่ตรงกับ “เกษตร”" in html
    assert 'href="?agency=SKN-AGRI&amp;status=all"' in html and "เกษตรกรชาย" not in html


def test_editor_cannot_open_another_register_by_name(login, tourism_editor, staff):
    response = login(tourism_editor).get(URL, {"agency": "เกษตรจังหวัด"})
    assert response.status_code == 404 and "เกษตรกรชาย" not in response.content.decode()
    # an editor of one agency gets no picker: there is nothing to choose
    html = login(tourism_editor).get(URL).content.decode()
    assert "ท่องเที่ยวหญิง" in html and 'list="agency-options"' not in html


def test_queries_do_not_grow_with_agencies_or_staff(login, admin_user, staff):
    client = login(admin_user)
    client.get(URL)  # warm the site-state cache
    response, before = queries(client, {"agency": "SKN-AGRI"})
    assert response.status_code == 200
    # session, user, memberships, typed agency, first two agencies, count, page, headcounts
    assert before == 8
    _, default = queries(client)
    agri = Agency.objects.get(code="SKN-AGRI")
    more = Agency.objects.bulk_create([Agency(code=f"GROW-{i:03}", name_th=f"หน่วยงานเพิ่ม {i:03}") for i in range(60)])
    Person.objects.bulk_create([
        Person(agency=a, first_name_th=f"คน{i}", last_name_th="เพิ่ม", position_th="นักวิชาการ", personnel_type="civil_servant")
        for a in [*more, agri] for i in range(60)
    ])
    response, after = queries(client, {"agency": "SKN-AGRI"})
    html = response.content.decode()
    assert after == before and html.split('data-testid="staff-table"')[1].count("<tr><td><a href=") == 50
    assert "จำนวน 61 คน" in html
    assert queries(client)[1] == default
