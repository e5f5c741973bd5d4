"""Smart-city pages, API and services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from smartprovince.agencies.models import Agency
from smartprovince.smartcity.models import Domain, Initiative, Sector
from smartprovince.smartcity.services import initiative_create, initiative_update

pytestmark = pytest.mark.django_db


def create(actor, title="ระบบเกษตรแม่นยำ", **kw):
    data = {"kind": "technology", "status": "operating", "summary_th": "สรุป", "started_on": dt.date(2022, 1, 1),
            "operating_since": dt.date(2022, 3, 1)} | kw
    return initiative_create(actor=actor, agency=Agency.objects.get(code="SKN-AGRI"), title_th=title,
                             domains=Domain.objects.filter(code="economy"), sectors=Sector.objects.filter(code="agriculture"),
                             **data)


def test_seven_domains_with_stable_codes():
    assert list(Domain.objects.values_list("code", flat=True)) == [
        "environment", "mobility", "living", "people", "energy", "economy", "governance"]


def test_create_validates_and_is_agency_scoped(agri_editor, tourism_editor):
    i = create(agri_editor)
    assert list(i.domains.values_list("code", flat=True)) == ["economy"]
    with pytest.raises(ValidationError) as exc:
        create(agri_editor, title="ใช้งานจริงแต่ไม่มีวันที่", operating_since=None)
    assert "operating_since" in exc.value.message_dict
    with pytest.raises(PermissionDenied):
        initiative_update(actor=tourism_editor, initiative=i, title_th="แก้")
    i.refresh_from_db()
    assert i.title_th == "ระบบเกษตรแม่นยำ" and Initiative.objects.count() == 1


def test_public_showcase_by_domain(client, agri_editor, django_assert_max_num_queries):
    create(agri_editor)
    create(agri_editor, title="ยังไม่เผยแพร่", is_published=False)
    for n in range(10):
        create(agri_editor, title=f"โครงการ {n}")
    with django_assert_max_num_queries(10):
        r = client.get(reverse("smartcity_public:showcase") + "?domain=economy")
    body = r.content.decode()
    assert r.status_code == 200 and "ระบบเกษตรแม่นยำ" in body and "ยังไม่เผยแพร่" not in body
    assert "ระบบเกษตรแม่นยำ" not in client.get(reverse("smartcity_public:showcase") + "?domain=mobility").content.decode()
    hidden = Initiative.objects.get(title_th="ยังไม่เผยแพร่")
    assert client.get(reverse("smartcity_public:detail", args=[hidden.pk])).status_code == 404


def test_api_initiatives(client, agri_editor):
    create(agri_editor)
    r = client.get("/api/v1/initiatives/?domain=economy&sector=agriculture")
    assert r.status_code == 200
    row = r.json()["results"][0]
    assert row["domains"] == ["economy"] and row["sectors"] == ["agriculture"] and row["status"] == "operating"
    assert client.get("/api/v1/initiatives/?domain=living").json()["count"] == 0


def test_api_initiative_totals_follow_writes(client, login, admin_user, agri_editor):
    from smartprovince.testing.api import cached_total

    first = create(agri_editor)
    create(agri_editor, title="ยังไม่เผยแพร่", is_published=False)
    initiative_update(actor=agri_editor, initiative=create(agri_editor, title="ระบบท่องเที่ยว", status="pilot"),
                      domains=Domain.objects.filter(code__in=["economy", "living"]),
                      sectors=Sector.objects.filter(code__in=["tourism", "agriculture"]))
    lists = {(): Initiative.objects.filter(is_published=True).count(), (("domain", "economy"),): 2,
             (("domain", "economy"), ("sector", "agriculture")): 2,  # two domains and sectors: one row, not four
             (("domain", "living"),): 1, (("status", "pilot"),): 1}
    # a public list: anonymous, an agency's editor and the province admin get the same totals
    for caller in (client, login(agri_editor), login(admin_user)):
        assert {p: cached_total(caller, "/api/v1/initiatives/", dict(p)) for p in lists} == lists
    initiative_update(actor=agri_editor, initiative=first, status="pilot", domains=Domain.objects.filter(code="living"))
    assert cached_total(client, "/api/v1/initiatives/", {"domain": "living"}) == 2
    assert cached_total(client, "/api/v1/initiatives/", {"domain": "economy"}) == 1
    assert cached_total(client, "/api/v1/initiatives/", {"status": "pilot"}) == 2
    hidden = Initiative.objects.get(title_th="ยังไม่เผยแพร่")
    initiative_update(actor=agri_editor, initiative=hidden, is_published=True)
    assert cached_total(client, "/api/v1/initiatives/", {"domain": "economy"}) == 2


def test_back_office_create_page(login, agri_editor):
    client = login(agri_editor)
    agri = Agency.objects.get(code="SKN-AGRI")
    r = client.post(reverse("smartcity:create"), {"agency": agri.pk, "title_th": "ใหม่", "summary_th": "x",
                                                  "domains": ["living"], "sectors": ["other"], "kind": "platform",
                                                  "status": "idea", "is_published": "on"})
    assert r.status_code == 302, r.content.decode()[:2000]
    r = client.post(reverse("smartcity:create"), {"agency": agri.pk, "title_th": "ไม่มีด้าน", "summary_th": "x",
                                                  "sectors": ["other"], "kind": "platform", "status": "idea"})
    assert r.status_code == 400 and "ไม่มีด้าน" in r.content.decode()
