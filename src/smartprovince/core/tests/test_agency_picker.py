"""The agency picker: its look-up endpoint and how a typed value resolves to one agency."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from smartprovince.agencies.models import Agency
from smartprovince.core import agency_picker
from smartprovince.core.ratelimit import Rate
from smartprovince.core.views import lookup

pytestmark = pytest.mark.django_db

URL = "/lookup/agencies/"
AGRI = "สำนักงานเกษตรจังหวัดสกลนคร"
AGRI_COOP = "สำนักงานเกษตรและสหกรณ์จังหวัดสกลนคร"
KU = "มหาวิทยาลัยเกษตรศาสตร์ วิทยาเขตเฉลิมพระเกียรติ จังหวัดสกลนคร"
NOT_FOUND = "ไม่พบหน่วยงานที่ตรงกับ “ไม่มีหน่วยงานนี้” ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัสหน่วยงาน"


def names(response):
    return [row["name_th"] for row in response.json()["results"]]


def test_url_is_stable():
    assert reverse("core_lookup:agency-pick") == URL


def test_matches_part_of_a_thai_name_by_name(client):
    response = client.get(URL, {"q": "เกษตร"})
    assert response.status_code == 200
    body = response.json()
    assert [r["name_th"] for r in body["results"]] == sorted([AGRI, AGRI_COOP, KU])
    assert body["more"] is False and body["message"] == ""
    agri = Agency.objects.get(code="SKN-AGRI")
    assert {"id": agri.pk, "code": "SKN-AGRI", "name_th": AGRI, "label": f"{AGRI} (SKN-AGRI)"} in body["results"]


def test_matches_code_and_every_term(client):
    assert names(client.get(URL, {"q": "skn-agri"})) == [AGRI]
    assert names(client.get(URL, {"q": "เกษตร สหกรณ์"})) == [AGRI_COOP]
    # a filled-in suggestion finds exactly its agency
    assert names(client.get(URL, {"q": f"{AGRI} (SKN-AGRI)"})) == [AGRI]


def test_at_most_twenty(client):
    total = Agency.objects.filter(is_active=True, name_th__contains="สกลนคร").count()
    assert total > 25
    body = client.get(URL, {"q": "สกลนคร"}).json()
    assert len(body["results"]) == 20 and body["more"] is True
    expected = list(Agency.objects.filter(is_active=True, name_th__contains="สกลนคร").order_by("name_th", "pk")
                    .values_list("name_th", flat=True)[:20])
    assert [r["name_th"] for r in body["results"]] == expected


def test_inactive_agencies_are_not_offered(client):
    Agency.objects.filter(code="SKN-AGRI").update(is_active=False)
    assert names(client.get(URL, {"q": "เกษตร"})) == sorted([AGRI_COOP, KU])


def test_with_a_permission_only_the_users_agencies(client, agri_editor, admin_user):
    query = {"q": "สำนักงาน", "perm": "training.staff:read_personal"}
    assert client.get(URL, query).json()["results"] == []  # anonymous: no agency
    client.force_login(agri_editor)
    assert names(client.get(URL, query)) == [AGRI]
    client.force_login(admin_user)
    assert len(names(client.get(URL, query))) == 20


def test_unknown_permission_is_a_400(client):
    response = client.get(URL, {"q": "เกษตร", "perm": "nope.thing:read"})
    assert response.status_code == 400 and response.json()["message"] == "ไม่รู้จักสิทธิ์ที่ระบุ"


def test_thai_message_when_nothing_matches(client):
    body = client.get(URL, {"q": "ไม่มีหน่วยงานนี้"}).json()
    assert body == {"results": [], "more": False, "message": NOT_FOUND}
    assert client.get(URL, {"q": "  "}).json() == {"results": [], "more": False, "message": ""}


def test_htmx_gets_options_and_an_out_of_band_status(client):
    html = client.get(URL, {"field": "agency", "agency": "skn-agri"}, headers={"HX-Request": "true"}).content.decode()
    assert f'<option value="{AGRI} (SKN-AGRI)">SKN-AGRI</option>' in html
    assert '<p id="agency-status" class="hint" role="status" hx-swap-oob="true"></p>' in html
    html = client.get(URL, {"field": "agency", "agency": "ไม่มีหน่วยงานนี้"}, headers={"HX-Request": "true"}).content.decode()
    assert "<option" not in html and NOT_FOUND in html
    # a field name that is not a plain identifier is ignored (no id injection)
    html = client.get(URL, {"field": '"><script>', "q": "เกษตร"}, headers={"HX-Request": "true"}).content.decode()
    assert "script" not in html and "hx-swap-oob" not in html


def test_rate_limited(client, monkeypatch):
    monkeypatch.setattr(lookup, "LOOKUP_RATE", Rate(2, 60))
    assert client.get(URL, {"q": "เกษตร"}).status_code == 200
    assert client.get(URL, {"q": "เกษตร"}).status_code == 200
    refused = client.get(URL, {"q": "เกษตร"})
    assert refused.status_code == 429 and refused.json()["message"] == "ค้นหาบ่อยเกินไป กรุณารอสักครู่"
    assert int(refused["Retry-After"]) > 0


def test_constant_queries_whatever_the_number_of_agencies(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(URL, {"q": "สกลนคร"})
    Agency.objects.bulk_create([Agency(code=f"X-{i}", name_th=f"เทศบาลตำบลทดสอบ {i} สกลนคร") for i in range(200)])
    with django_assert_num_queries(1):
        assert len(names(client.get(URL, {"q": "สกลนคร"}))) == 20


# ----------------------------------------------------------------- resolving what was typed


def pick(user, params, **kwargs):
    request = RequestFactory().get("/x/", params)
    request.user = user
    return agency_picker.agency_pick(request, **kwargs)


@pytest.mark.parametrize("typed", ["SKN-AGRI", "skn-agri", AGRI, f"{AGRI} (SKN-AGRI)", "เกษตรจังหวัด"])
def test_resolves_code_name_label_or_a_single_match(admin_user, typed):
    result = pick(admin_user, {"agency": typed})
    assert result.agency == Agency.objects.get(code="SKN-AGRI")
    assert result.value == f"{AGRI} (SKN-AGRI)" and result.message == "" and not result.unresolved


def test_several_matches_are_offered_as_links(admin_user):
    result = pick(admin_user, {"agency": "เกษตร", "page": "3", "q": "x"})
    assert result.agency is None and result.unresolved
    assert [(a.code, link) for a, link in result.candidates] == [
        (a.code, f"?agency={a.code}&q=x") for a in Agency.objects.filter(name_th__in=[AGRI, AGRI_COOP, KU]).order_by("name_th")
    ]
    assert result.message == "มีหลายหน่วยงานที่ตรงกับ “เกษตร” กรุณาเลือกหน่วยงานจากรายการด้านล่าง"


def test_nothing_matches(admin_user):
    result = pick(admin_user, {"agency": "ไม่มีหน่วยงานนี้"})
    assert result.agency is None and result.candidates == [] and result.message == NOT_FOUND


def test_id_only_when_allowed_and_only_visible_agencies(agri_editor):
    agri, tour = Agency.objects.get(code="SKN-AGRI"), Agency.objects.get(code="SKN-TOUR")
    perm = "eservices.service:write"
    assert pick(agri_editor, {"agency": str(agri.pk)}, permission=perm).agency is None
    assert pick(agri_editor, {"agency": str(agri.pk)}, permission=perm, allow_pk=True).agency == agri
    assert pick(agri_editor, {"agency": str(tour.pk)}, permission=perm, allow_pk=True).agency is None
    assert pick(agri_editor, {"agency": "SKN-TOUR"}, permission=perm).agency is None


def test_nothing_typed(admin_user, django_assert_num_queries):
    with django_assert_num_queries(0):
        result = pick(admin_user, {})
    assert result.agency is None and not result.unresolved and result.message == "" and result.value == ""


def test_agency_id_and_restrict_for_a_list(admin_user):
    agencies = Agency.objects.filter(code__in=["SKN-AGRI", "SKN-TOUR"]).order_by("code")
    agri = Agency.objects.get(code="SKN-AGRI")
    chosen = pick(admin_user, {"agency": "SKN-AGRI"})
    assert chosen.agency_id == agri.pk
    assert [a.code for a in chosen.restrict(agencies)] == ["SKN-AGRI", "SKN-TOUR"]  # restrict never filters by itself
    blank = pick(admin_user, {})
    assert blank.agency_id is None and [a.code for a in blank.restrict(agencies)] == ["SKN-AGRI", "SKN-TOUR"]
    for typed in ("ไม่มีหน่วยงานนี้", "เกษตร"):  # nothing, or several: the list is empty, not everyone's
        unresolved = pick(admin_user, {"agency": typed})
        assert unresolved.agency_id is None and list(unresolved.restrict(agencies)) == []
